/* effekt/survival.h — retention and time to job: Kaplan–Meier curves with
 * Greenwood standard errors, their intervals and quantiles, and the
 * log-rank family of tests, as R's survival package (survfit, survdiff). */
#ifndef EFFEKT_SURVIVAL_H
#define EFFEKT_SURVIVAL_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_CONF_LOG = 0,   /* survfit's default: exp(log S -/+ z se(log S)) */
    EFFEKT_CONF_LOGLOG,
    EFFEKT_CONF_PLAIN
} effekt_conf_type;

EFFEKT_API effekt_status effekt_conf_type_parse(const char *name, effekt_conf_type *out);
/* survfit's name, "log", "log-log", "plain" ("?" for another value),
 * which effekt_conf_type_parse reads. */
EFFEKT_API const char *effekt_conf_type_name(effekt_conf_type type);

/* One Kaplan–Meier curve: a step at every distinct time (events or
 * censorings), as summary(survfit(...), censored = TRUE). */
typedef struct {
    size_t n;                 /* subjects */
    size_t events;
    size_t n_times;
    double *time, *n_risk, *n_event, *n_censor;
    double *surv;             /* S(t) */
    double *std_err;          /* of S(t), Greenwood: S sqrt(sum d / (n (n - d))) */
    double *lower, *upper;    /* pointwise interval */
    double median, median_lower, median_upper;   /* NaN when not reached */
} effekt_km;

/* Fit a curve to time[i] >= 0 with event[i] 1 (the event) or 0
 * (censored).  EFFEKT_EVALUE for a negative time or an event not 0/1. */
EFFEKT_API effekt_status effekt_km_fit(const double *time, const double *event, size_t n, double confidence,
                                       effekt_conf_type conf_type, effekt_km *out);
EFFEKT_API void effekt_km_free(effekt_km *km);

/* S at time t (the step function, right-continuous); 1 before the first time. */
EFFEKT_API double effekt_km_at(const effekt_km *km, double t, double *lower, double *upper);

/* The time by which the curve falls to 1 - p (p = 0.5 is the median),
 * with its interval from the interval curves, by survival's rule. */
EFFEKT_API void effekt_km_quantile(const effekt_km *km, double p, double *q, double *lower, double *upper);

/* The restricted mean time up to tau (the area under the curve) and its
 * standard error, as print(survfit, rmean = tau). */
EFFEKT_API void effekt_km_rmst(const effekt_km *km, double tau, double *mean, double *se);

/* The G-rho family of tests between k groups (group[i] in 0..k-1), as
 * survdiff(rho = rho): rho 0 is the log-rank test, rho 1 Peto & Peto.
 * Groups with no expected events are left out, as below. */
EFFEKT_API effekt_status effekt_logrank(const double *time, const double *event, const size_t *group, size_t n,
                                        size_t k, double rho, double *chisq, double *df, double *p);

/* The same, and the expected (weighted) events of each group in
 * expected[0..k) (caller's array of k, or NULL), survdiff's $exp.  As
 * survdiff, a group with no expected events (none of it at risk at any
 * event time: all censored before the first event, or empty) is left out
 * of the test, and df is the groups kept - 1; a 0 in expected says which.
 * EFFEKT_EUNDEF when fewer than two groups are kept. */
EFFEKT_API effekt_status effekt_logrank_expected(const double *time, const double *event, const size_t *group, size_t n,
                                                 size_t k, double rho, double *expected, double *chisq, double *df,
                                                 double *p);

#ifdef __cplusplus
}
#endif
#endif
