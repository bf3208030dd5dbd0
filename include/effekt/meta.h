/* effekt/meta.h — random-effects pooling of projects' rates or effects
 * (meta-analysis), as metafor::rma.uni with escalc, confint and predict.
 *
 * What agrees with what (metafor 3.8.1; tests/data/meta_oracle.R):
 *   effekt_meta_escalc   escalc(measure = "PLO" | "PR" | "PLN" | "PFT",
 *                        xi, ni) with its defaults add = 1/2, to = "only0"
 *                        (1/2 added to both cells of a project with no
 *                        events or no non-events; not for "PFT", whose
 *                        default add is 0), vtype = "LS"
 *   effekt_meta_pool     rma(yi, vi, method = "DL" | "REML" | "PM",
 *                        test = "z" | "knha"): REML by metafor's Fisher
 *                        scoring (start: the Hedges estimate; stop when
 *                        tau^2 changes by at most 1e-5; at most 100
 *                        steps; step halved while it would go below 0;
 *                        its check against tau^2 = 0), PM by the root of
 *                        the generalised Q (R's uniroot, tol 1.22e-4, in
 *                        [0, max(100, 10 mad(yi)^2)]); tau^2's interval
 *                        as confint(fit) (Q-profile); the prediction
 *                        interval as predict(fit) (t quantile with k - 1
 *                        df under "knha", else normal); I^2 and H^2 as
 *                        rma's (typical within variance (k-1)/tr(P)).
 * Back-transformed for people: logit by transf.ilogit, log by exp,
 * double arcsine by transf.ipft.hm with the harmonic mean of the
 * projects' n, raw as it is (a raw prediction interval may go below 0,
 * as metafor's). */
#ifndef EFFEKT_META_H
#define EFFEKT_META_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/diag.h"
#include "effekt/json.h"
#include "effekt/status.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_META_LOGIT = 0,   /* escalc "PLO": log(x / (n - x)) */
    EFFEKT_META_RAW,         /* "PR": x / n */
    EFFEKT_META_LOG,         /* "PLN": log(x / n) */
    EFFEKT_META_ARCSINE,     /* "PFT": Freeman-Tukey double arcsine */
    EFFEKT_META_ESTIMATE     /* estimates with standard errors, no transform */
} effekt_meta_measure;

typedef enum {
    EFFEKT_META_REML = 0,
    EFFEKT_META_DL,          /* DerSimonian-Laird */
    EFFEKT_META_PM           /* Paule-Mandel */
} effekt_meta_method;

/* _parse reads logit, raw, log, arcsine (and metafor's PLO, PR, PLN, PFT),
 * case ignored; _name gives the first; EFFEKT_EINVAL for another name.
 * The method's: reml, dl, pm. */
EFFEKT_API effekt_status effekt_meta_measure_parse(const char *name, effekt_meta_measure *out);
EFFEKT_API const char *effekt_meta_measure_name(effekt_meta_measure m);
EFFEKT_API effekt_status effekt_meta_method_parse(const char *name, effekt_meta_method *out);
EFFEKT_API const char *effekt_meta_method_name(effekt_meta_method m);

/* What to pool.  Strings borrowed (read during the call only).  Start
 * from effekt_meta_options_init: REML, logit, z test, 0.95. */
typedef struct {
    effekt_meta_method method;
    effekt_meta_measure measure;  /* a rate's scale; ESTIMATE is set by the columns */
    int knha;                     /* Hartung-Knapp: t test with k - 1 df, SE scaled */
    double confidence;            /* of every interval */
    /* effekt_meta_run's columns, one of three forms: */
    const char *by;               /* the projects: a column of labels */
    const char *outcome;          /* (a) participant rows: 0/1, yes/no or a date (given: an event) */
    const char *events, *n;       /* (b) a row per project: events and participants */
    const char *estimate, *se;    /* (c) a row per project: an effect and its standard error */
} effekt_meta_options;

EFFEKT_API void effekt_meta_options_init(effekt_meta_options *o);

/* One project.  The rate's fields are NaN for estimates. */
typedef struct {
    char *label;                  /* owned by the result */
    double events, n;             /* as counted / given */
    int corrected;                /* 1/2 added to its cells (no events, or all) */
    double yi, vi, se;            /* on the measure's scale */
    double lower, upper;          /* yi -/+ z se */
    double weight;                /* % of the random-effects weights */
    double value, value_lower, value_upper;   /* back-transformed (= yi, ... without transform) */
} effekt_meta_study;

typedef struct {
    effekt_meta_options options;  /* as run; its strings are not kept (NULL) */
    char *source;                 /* the table's, for messages; may be NULL */
    effekt_meta_study *studies;
    size_t k;
    /* the pooled estimate on the measure's scale */
    double estimate, se, statistic, df, p, lower, upper;   /* df NaN for the z test */
    double pi_lower, pi_upper;    /* prediction interval */
    /* heterogeneity */
    double tau2, tau2_lower, tau2_upper, tau, tau_lower, tau_upper;
    double i2, i2_lower, i2_upper, h2;
    double q, q_df, q_p;
    int iterations;               /* REML's Fisher scoring steps; PM's root search; 0 DL */
    int tau2_reset;               /* REML: set to 0 by metafor's check against tau^2 = 0 */
    /* back-transformed (equal to the above without a transform) */
    double value, value_lower, value_upper, value_pi_lower, value_pi_upper;
    double n_harmonic;            /* ARCSINE: the harmonic mean n of the back-transform */
} effekt_meta_result;

/* escalc for one project: yi and vi of x events among n on measure m
 * (not ESTIMATE).  *corrected (may be NULL) says 1/2 was added.
 * EFFEKT_EINVAL when n <= 0, x < 0 or x > n; EFFEKT_EUNDEF when the
 * measure has no variance there (raw and log with every cell corrected
 * stay defined; none is undefined today, kept for callers). */
EFFEKT_API effekt_status effekt_meta_escalc(effekt_meta_measure m, double x, double n, double *yi, double *vi,
                                            int *corrected);

/* Pool k projects given as yi, vi (labels may be NULL: "1", "2", ...;
 * events and n may be NULL, else copied into the studies and used by the
 * back-transform).  EFFEKT_EUNDEF when k < 2 ("one project: nothing to
 * pool"), EFFEKT_EVALUE when a variance is not positive and finite,
 * EFFEKT_EUNDEF when REML does not converge or PM's tau^2 lies beyond its
 * search interval; each with its message in diag (may be NULL).  On
 * success *out is the caller's (effekt_meta_result_destroy); else NULL. */
EFFEKT_API effekt_status effekt_meta_pool(const double *yi, const double *vi, size_t k, const char *const *labels,
                                          const double *events, const double *n, const effekt_meta_options *o,
                                          effekt_meta_result **out, effekt_diag *diag);

/* The same for counts: escalc on each project, then pooling.  A project
 * corrected by 1/2 gets a note in diag. */
EFFEKT_API effekt_status effekt_meta_pool_counts(const double *events, const double *n, size_t k,
                                                 const char *const *labels, const effekt_meta_options *o,
                                                 effekt_meta_result **out, effekt_diag *diag);

/* Pool the projects of table t as o's columns say (src/lib/analysis/
 * meta.c): (a) by + outcome: each project's events and participants
 * counted as effekt compare counts them (rows of a missing project or
 * outcome left out, a note says so); (b) events + n, a row a project
 * (by optional: labels); (c) estimate + se.  EFFEKT_EINVAL for a column
 * missing or of the wrong type, or not exactly one form given;
 * EFFEKT_EVALUE for a value out of range (its line).  As effekt_meta_pool
 * otherwise. */
EFFEKT_API effekt_status effekt_meta_run(const effekt_table *t, const effekt_meta_options *o,
                                         effekt_meta_result **out, effekt_diag *diag);

EFFEKT_API void effekt_meta_result_destroy(effekt_meta_result *r);

/* R's uniroot (Brent's zeroin as R's zeroin2) of f in [a, b] from f(a) = fa,
 * f(b) = fb of opposite signs, tolerance tol, at most maxit steps; *iter
 * (may be NULL) the steps taken, -1 when maxit was reached.  Exposed for
 * the tests and for other modules' intervals. */
EFFEKT_API double effekt_meta_uniroot(double (*f)(double x, void *ctx), void *ctx, double a, double b, double fa,
                                      double fb, double tol, int maxit, int *iter);

/* ---- the results as JSON (src/lib/output/meta_json.c) ---- */

/* The document's head as effekt meta writes it: the options, then the
 * empty arrays "pooled" and "projects" that effekt_meta_json fills. */
EFFEKT_API effekt_status effekt_meta_json_head(const effekt_meta_options *o, effekt_json *doc);

/* Append r to doc's arrays: a row of "pooled" (the pooled figures, back-
 * transformed and on the measure's scale, heterogeneity) and a row of
 * "projects" for each project; file not NULL: each row names it. */
EFFEKT_API effekt_status effekt_meta_json(const effekt_meta_result *r, const char *file, effekt_json *doc);

#ifdef __cplusplus
}
#endif
#endif
