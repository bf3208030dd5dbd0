/* effekt/cox.h — Cox proportional hazards regression of spells (how long
 * people stay in work) on covariates, as survival::coxph with Efron's
 * ties, and cox.zph's test of proportional hazards.
 *
 * What agrees with what (survival 3.5.3; tests/data/cox_oracle.R):
 *   effekt_cox_fit   coxph(Surv(time, event) ~ x [+ strata(s)],
 *                    ties = "efron"): Newton-Raphson from 0, stopping as
 *                    coxph does (|1 - loglik_old / loglik_new| <= 1e-9
 *                    with no step being halved; at most 20 steps; a step
 *                    that lowers the log likelihood is halved); the
 *                    variance is the inverse information at the end;
 *                    Wald, likelihood-ratio and score (at 0) tests; its
 *                    warning "Loglik converged before variable ...;
 *                    coefficient may be infinite" as a flag per
 *                    coefficient (perfect prediction)
 *   effekt_cox_zph   cox.zph(fit) with transform = "km", terms = TRUE:
 *                    survival 3.x's score test of adding x * g(t) for
 *                    each term (a categorical covariate is one term with
 *                    its levels - 1 df) and globally, g(t) = 1 - KM(t-)
 *                    of all spells, centred at its mean over events. */
#ifndef EFFEKT_COX_H
#define EFFEKT_COX_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/retention.h"
#include "effekt/diag.h"
#include "effekt/json.h"
#include "effekt/status.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The model's fit from arrays: n spells (time >= 0, event 0/1), their
 * covariates x (n rows of p, row-major), strata ids (NULL: one stratum).
 * beta, se (p), var (p * p, may be NULL) are the caller's; the rest as
 * named.  EFFEKT_EUNDEF when the information is singular (collinear
 * covariates, a covariate constant within every stratum), with a
 * message in diag; infinite[j] (may be NULL) is set when coxph would
 * warn that coefficient j may be infinite. */
typedef struct {
    double loglik0, loglik;       /* at 0 and at the estimate */
    double score;                 /* score test at 0 */
    double wald;                  /* beta' var^-1 beta */
    int iterations;
    int converged;                /* 0: 20 steps were not enough */
} effekt_cox_stats;

EFFEKT_API effekt_status effekt_cox_fit(const double *time, const double *event, const double *x, size_t n, size_t p,
                                        const size_t *strata, double *beta, double *var, int *infinite,
                                        effekt_cox_stats *stats, effekt_diag *diag);

/* cox.zph's tests for a fit beta: term[j] (< n_terms) is the term of
 * covariate j; chisq, df, p get n_terms + 1 entries (the last the
 * global test).  EFFEKT_EUNDEF when an information matrix is singular. */
EFFEKT_API effekt_status effekt_cox_zph(const double *time, const double *event, const double *x, size_t n, size_t p,
                                        const size_t *strata, const double *beta, const size_t *term, size_t n_terms,
                                        double *chisq, double *df, double *pval);

/* ---- the analysis of a table: the spells of effekt retention ---- */

/* What to fit.  Strings borrowed.  Covariates: numeric columns as they
 * are, 0/1 and yes/no as 0/1, text as indicators of each level but the
 * reference (the first level in byte order, as R's factor() in the C
 * locale).  Rows with a missing covariate or stratum are left out and
 * counted. */
typedef struct {
    effekt_spells_options spells;   /* its by is not used */
    const char *const *covariates;
    size_t n_covariates;
    const char *strata;           /* NULL: none */
    double confidence;            /* 0.95 */
} effekt_cox_options;

EFFEKT_API void effekt_cox_options_init(effekt_cox_options *o);

typedef struct {
    char *name;                   /* R's: "age", "gendermale" */
    char *term;                   /* the column */
    char *level;                  /* the level, NULL for a number */
    double coef, se, z, p;
    double hr, hr_lower, hr_upper;   /* exp(coef) with its Wald interval */
    int infinite;                 /* coxph would warn: may be infinite */
} effekt_cox_coef;

typedef struct {
    char *term;                   /* a column, or "GLOBAL" */
    char *reference;              /* the reference level of a categorical term; NULL */
    double chisq, df, p;
} effekt_cox_term;

typedef struct {
    size_t n, events;             /* spells in the model */
    size_t excluded;              /* rows without a spell */
    size_t missing;               /* spells left out for a missing covariate or stratum */
    size_t n_strata;
    effekt_cox_coef *coefs;
    size_t p;
    effekt_cox_term *zph;         /* n_terms rows, then GLOBAL */
    size_t n_zph;
    effekt_cox_stats stats;
    double lr, lr_df, lr_p, wald_p, score_p;
    double confidence;
    char *strata;                 /* the column, or NULL */
} effekt_cox_result;

/* Fit o's model to t's spells.  EFFEKT_EINVAL for a covariate that is no
 * column, a date, or has one level (or one value) among the spells used
 * ("nothing to compare"); EFFEKT_EUNDEF for a singular fit; problems of
 * the spells as effekt_spells_build.  A coefficient that may be infinite
 * (perfect prediction) is a warning in diag naming it.  On success *out
 * is the caller's (effekt_cox_result_destroy); else NULL. */
EFFEKT_API effekt_status effekt_cox_run(const effekt_table *t, const effekt_cox_options *o, effekt_cox_result **out,
                                        effekt_diag *diag);
EFFEKT_API void effekt_cox_result_destroy(effekt_cox_result *r);

/* ---- as JSON (src/lib/output/cox_json.c) ---- */

/* Append r to doc: arrays "cox" (the coefficients), "cox_tests" (LR,
 * Wald, score) and "cox_zph" (made on the first); file not NULL: each row
 * names it. */
EFFEKT_API effekt_status effekt_cox_json(const effekt_cox_result *r, const char *file, effekt_json *doc);

#ifdef __cplusplus
}
#endif
#endif
