/* effekt/km.h — Kaplan–Meier curves with Greenwood standard errors, their
 * intervals, quantiles and restricted mean, as R's survfit. */
#ifndef EFFEKT_KM_H
#define EFFEKT_KM_H

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
} effekt_km_conf_type;

EFFEKT_API effekt_status effekt_km_conf_type_parse(const char *name, effekt_km_conf_type *out);
/* survfit's name, "log", "log-log", "plain" ("?" for another value),
 * which effekt_km_conf_type_parse reads. */
EFFEKT_API const char *effekt_km_conf_type_name(effekt_km_conf_type type);

/* One Kaplan–Meier curve: a step at every distinct time (events or
 * censorings), as summary(survfit(...), censored = TRUE).  The arrays are
 * the struct's own, filled by effekt_km_fit and freed by effekt_km_clear. */
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
                                       effekt_km_conf_type conf_type, effekt_km *out);
EFFEKT_API void effekt_km_clear(effekt_km *km);

/* S at time t (the step function, right-continuous); 1 before the first time. */
EFFEKT_API double effekt_km_at(const effekt_km *km, double t, double *lower, double *upper);

/* The time by which the curve falls to 1 - p (p = 0.5 is the median),
 * with its interval from the interval curves, by survival's rule. */
EFFEKT_API void effekt_km_quantile(const effekt_km *km, double p, double *q, double *lower, double *upper);

/* The restricted mean time up to tau (the area under the curve) and its
 * standard error, as print(survfit, rmean = tau). */
EFFEKT_API void effekt_km_rmst(const effekt_km *km, double tau, double *mean, double *se);

#ifdef __cplusplus
}
#endif
#endif
