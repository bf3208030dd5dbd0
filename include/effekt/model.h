/* effekt/model.h — regression of an outcome on predictors named by
 * column: linear (OLS, as R's lm), logistic and Poisson (IRLS, as R's
 * glm), with model-based, robust (HC1) or cluster-robust standard errors
 * (as sandwich::vcovHC(type = "HC1") and sandwich::vcovCL). */
#ifndef EFFEKT_MODEL_H
#define EFFEKT_MODEL_H

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
    EFFEKT_MODEL_GAUSSIAN = 0,   /* lm(y ~ x): gsl_multifit_linear */
    EFFEKT_MODEL_BINOMIAL,       /* glm(y ~ x, family = binomial): logit link, y 0/1 */
    EFFEKT_MODEL_POISSON         /* glm(y ~ x, family = poisson): log link, y a count */
} effekt_model_family;

/* "gaussian", "binomial", "poisson" (case ignored; also "linear",
 * "logistic"); EFFEKT_EINVAL for another name or NULL.  _name gives the
 * first three ("?" for another value). */
EFFEKT_API effekt_status effekt_model_family_parse(const char *name, effekt_model_family *out);
EFFEKT_API const char *effekt_model_family_name(effekt_model_family family);

typedef enum {
    EFFEKT_MODEL_SE_MODEL = 0,   /* vcov(fit) */
    EFFEKT_MODEL_SE_HC1,         /* sandwich::vcovHC(fit, type = "HC1") */
    EFFEKT_MODEL_SE_CLUSTER      /* sandwich::vcovCL(fit, cluster = ~ col) with its defaults:
                                    G/(G-1), and (n-1)/(n-k) for gaussian (type "HC1"
                                    for lm, "HC0" for glm) */
} effekt_model_se;

/* "model", "HC1", "cluster" ("?" for another value). */
EFFEKT_API const char *effekt_model_se_name(effekt_model_se se);

/* The reference level of a text predictor (borrowed strings). */
typedef struct {
    const char *column, *level;
} effekt_model_ref;

/* What to fit.  Every string is borrowed (read during effekt_model_fit
 * only).  Start from effekt_model_options_init. */
typedef struct {
    effekt_model_family family;
    const char *outcome;            /* gaussian: numbers; binomial: 0/1, yes/no or a date
                                       (an event when given); poisson: counts >= 0 */
    const char *const *predictors;  /* columns: numbers as they are, text as indicators */
    size_t n_predictors;
    const effekt_model_ref *refs;   /* reference levels; a text predictor without one
                                       takes its first level in sorted (byte) order */
    size_t n_refs;
    effekt_model_se se;             /* which standard errors */
    const char *cluster;            /* EFFEKT_MODEL_SE_CLUSTER: the cluster column */
    double confidence;              /* of the intervals (0.95) */
    size_t max_iterations;          /* IRLS (25, as glm.control) */
    double epsilon;                 /* IRLS: |dev - devold| / (|dev| + 0.1) < epsilon (1e-8) */
} effekt_model_options;

EFFEKT_API void effekt_model_options_init(effekt_model_options *o, effekt_model_family family);

/* One coefficient, named as R names it: "(Intercept)", "age",
 * "gendermale" (column then level). */
typedef struct {
    char *name;                     /* owned by the result */
    char *column;                   /* the predictor's column; NULL for the intercept */
    char *level;                    /* a text predictor's level; NULL otherwise */
    double estimate, se, statistic, p;
    double lower, upper;            /* Wald interval: estimate -/+ q se, q from t
                                       (gaussian, residual df, as confint.lm) or the
                                       normal (binomial, poisson, as confint.default) */
    double exp_estimate, exp_lower, exp_upper;   /* odds or rate ratio; NaN for gaussian */
} effekt_model_coef;

/* A text predictor's reference level. */
typedef struct {
    char *column, *level;           /* owned by the result */
    size_t n_levels;
} effekt_model_factor;

typedef struct {
    effekt_model_family family;
    effekt_model_se se;
    char *source;                   /* the table's source */
    char *outcome;                  /* the outcome column's heading */
    effekt_model_coef *coefs;
    size_t n_coefs;
    effekt_model_factor *factors;   /* one per text predictor */
    size_t n_factors;
    size_t n_rows;                  /* rows of the table */
    size_t n_used, n_dropped;       /* rows in the fit; rows left out (a value missing) */
    size_t n_clusters;              /* EFFEKT_MODEL_SE_CLUSTER */
    int t_statistic;                /* statistic is t (gaussian), else z */
    double confidence;              /* of the intervals */
    double df_residual, df_null;
    double deviance, null_deviance; /* gaussian: residual and total sums of squares */
    double aic, log_likelihood;
    double r_squared, adj_r_squared, sigma;   /* gaussian; NaN otherwise */
    size_t iterations;              /* IRLS iterations (0 for gaussian) */
    double *cov;                    /* n_coefs x n_coefs, row-major, of the chosen SEs */
    double *fitted;                 /* n_rows: the fitted mean of each row; NaN when left out */
    unsigned char *used;            /* n_rows: 1 when the row is in the fit */
} effekt_model_result;

/* Fit the model o describes to the rows of t.  Rows with a missing value
 * in any used column (outcome, predictors, cluster) are left out and
 * counted.  Problems go into diag (may be NULL), naming the column:
 * EFFEKT_EINVAL a column that is not there, of the wrong type, a
 * predictor with one level, a reference level that is not there, or
 * collinear predictors (the first column that is a combination of the
 * ones before it, where R's lm gives NA); EFFEKT_EVALUE an outcome out
 * of its family's range (its line); EFFEKT_EUNDEF perfect separation
 * (fitted probabilities 0 or 1; the diverging coefficient named), no
 * convergence within max_iterations, or fewer rows than coefficients.
 * On success *out is the caller's (effekt_model_result_destroy); else
 * NULL.  Never prints. */
EFFEKT_API effekt_status effekt_model_fit(const effekt_table *t, const effekt_model_options *o,
                                          effekt_model_result **out, effekt_diag *diag);
EFFEKT_API void effekt_model_result_destroy(effekt_model_result *r);

/* ---- the results as JSON (src/lib/output/model_json.c) ---- */

/* Append r to doc: rows to the arrays "coefficients" and "fit" (made
 * when missing), each naming file when file is not NULL (several inputs
 * in one document). */
EFFEKT_API effekt_status effekt_model_json(const effekt_model_result *r, const char *file, effekt_json *doc);

#ifdef __cplusplus
}
#endif
#endif
