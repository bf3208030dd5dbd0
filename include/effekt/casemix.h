/* effekt/casemix.h — projects compared on an outcome adjusted for whom
 * they served: indirect standardisation by a pooled logistic model.
 *
 * The outcome (an event: 0/1, yes/no or a date given) is regressed on
 * the case-mix variables over all rows, without the project
 * (effekt_model_fit, family binomial).  Each project's expected count E
 * is the sum of its participants' fitted probabilities; O is its
 * events.  O/E has the exact Poisson interval of O divided by E (as R's
 * poisson.test(O, E)), and a place in a funnel of O/E against E: exact
 * Poisson limits around 1 at 95 % and 99.8 % with Spiegelhalter's
 * (2005) interpolation between the integers, or on request limits
 * widened for overdispersion (Spiegelhalter 2005, "Handling
 * over-dispersion in performance indicators", Qual Saf Health Care 14:
 * 347-351): multiplicative 1 -/+ z sqrt(phi / E) or additive 1 -/+ z
 * sqrt(1 / E + tau^2). */
#ifndef EFFEKT_CASEMIX_H
#define EFFEKT_CASEMIX_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/model.h"
#include "effekt/diag.h"
#include "effekt/json.h"
#include "effekt/status.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_OVERDISPERSION_NONE = 0,      /* exact Poisson limits */
    EFFEKT_OVERDISPERSION_MULTIPLICATIVE,/* phi = sum z^2 / I; limits 1 -/+ z_p sqrt(phi / E) when phi > 1 */
    EFFEKT_OVERDISPERSION_ADDITIVE       /* tau^2 = (I phi - (I - 1)) / (sum w - sum w^2 / sum w), w = E;
                                            limits 1 -/+ z_p sqrt(1 / E + tau^2) */
} effekt_overdispersion;

/* "none", "multiplicative", "additive" (case ignored; also "phi",
 * "random-effects"); EFFEKT_EINVAL for another name. */
EFFEKT_API effekt_status effekt_overdispersion_parse(const char *name, effekt_overdispersion *out);
EFFEKT_API const char *effekt_overdispersion_name(effekt_overdispersion o);

/* Borrowed strings, read during effekt_casemix_run only. */
typedef struct {
    const char *by;                 /* the projects */
    const char *outcome;            /* the event */
    const char *const *adjust;      /* the case-mix columns */
    size_t n_adjust;
    const effekt_model_ref *refs;   /* reference levels (they do not change E) */
    size_t n_refs;
    double confidence;              /* of the O/E intervals (0.95) */
    effekt_overdispersion overdispersion;
} effekt_casemix_options;

EFFEKT_API void effekt_casemix_options_init(effekt_casemix_options *o);

/* One project, in the order projects first appear in the table. */
typedef struct {
    char *label;                    /* owned by the result */
    int missing_group;              /* its project value is missing: in the model, not in the funnel */
    size_t n;                       /* its rows in the model */
    double observed, expected;      /* O events, E = sum of fitted probabilities */
    double ratio, lower, upper;     /* O/E; qgamma(a/2, O)/E (0 when O = 0), qgamma(1 - a/2, O + 1)/E */
    double z;                       /* (O/E - 1) / sqrt(1/E): its z-score in the funnel */
    double lower_95, upper_95, lower_99_8, upper_99_8;   /* its funnel limits at E */
    const char *funnel;             /* static: "inside", "above 95 % limit", "below 99.8 % limit", ...,
                                       "not compared (missing project)" */
} effekt_casemix_group;

typedef struct {
    char *source;
    effekt_model_result *model;     /* the pooled case-mix model (owned) */
    effekt_casemix_group *groups;
    size_t n_groups;
    size_t n_compared;              /* groups in the funnel (not the missing project) */
    double observed, expected;      /* over every row in the model: equal (a logistic model with an
                                       intercept reproduces the total) */
    effekt_overdispersion overdispersion;
    double phi;                     /* sum of the squared z-scores / I (NaN with one project) */
    double phi_p;                   /* P(chi^2 on I - 1 df > I phi): evidence of overdispersion */
    double tau2;                    /* ADDITIVE: the between-project variance (NaN otherwise) */
    int widened;                    /* the limits were widened (phi > 1); else exact Poisson */
    const char *method;             /* static: the funnel's method in words */
} effekt_casemix_result;

/* Fit the case-mix model and compare the projects of t.  Problems as
 * effekt_model_fit's (the model's columns named) and a missing by
 * column (EFFEKT_EINVAL).  A project with no events has O/E 0 with the
 * interval [0, qgamma(1 - a/2, 1)/E].  With a single project the funnel
 * holds one point and overdispersion cannot be estimated (phi NaN, a
 * note in diag).  On success *out is the caller's
 * (effekt_casemix_result_destroy); else NULL. */
EFFEKT_API effekt_status effekt_casemix_run(const effekt_table *t, const effekt_casemix_options *o,
                                            effekt_casemix_result **out, effekt_diag *diag);
EFFEKT_API void effekt_casemix_result_destroy(effekt_casemix_result *r);

/* The funnel limits of O/E at expected count E around 1 for level
 * (0.95, 0.998): exact Poisson with Spiegelhalter's interpolation,
 * (r_p - alpha) / E, r_p = qpois(p, E), alpha = (ppois(r_p, E) - p) /
 * dpois(r_p, E), p = (1 -/+ level) / 2. */
EFFEKT_API void effekt_casemix_poisson_limits(double E, double level, double *lower, double *upper);

/* The funnel limits of O/E at expected count E for level as r draws
 * them: widened as r's overdispersion says when r->widened, else
 * effekt_casemix_poisson_limits.  For a chart's curves. */
EFFEKT_API void effekt_casemix_limits(const effekt_casemix_result *r, double E, double level, double *lower,
                                      double *upper);

/* ---- the results as JSON (src/lib/output/casemix_json.c) ---- */

/* Append r to doc: "groups" (a row per project), "coefficients" and
 * "fit" (the case-mix model), "funnel" (its method, phi, tau^2); rows
 * name file when it is not NULL. */
EFFEKT_API effekt_status effekt_casemix_json(const effekt_casemix_result *r, const char *file, effekt_json *doc);

#ifdef __cplusplus
}
#endif
#endif
