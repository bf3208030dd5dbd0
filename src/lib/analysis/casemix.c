/* Case-mix adjusted comparison of projects: observed against expected
 * events from a pooled logistic model of the case-mix variables, O/E
 * with exact Poisson intervals, and funnel limits (exact, or widened for
 * overdispersion as Spiegelhalter 2005). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include "effekt/casemix.h"
#include "effekt/group.h"
#include "effekt/outcome.h"
#include "lib_alloc.h"
#include "lib_gsl.h"

static const char *const od_names[] = { "none", "multiplicative", "additive" };

effekt_status effekt_overdispersion_parse(const char *name, effekt_overdispersion *out)
{
    if (!name)
        return EFFEKT_EINVAL;
    for (size_t i = 0; i < sizeof od_names / sizeof *od_names; i++)
        if (strcasecmp(name, od_names[i]) == 0) {
            *out = (effekt_overdispersion)i;
            return EFFEKT_OK;
        }
    if (strcasecmp(name, "phi") == 0)
        *out = EFFEKT_OVERDISPERSION_MULTIPLICATIVE;
    else if (strcasecmp(name, "random-effects") == 0 || strcasecmp(name, "tau2") == 0)
        *out = EFFEKT_OVERDISPERSION_ADDITIVE;
    else
        return EFFEKT_EINVAL;
    return EFFEKT_OK;
}

const char *effekt_overdispersion_name(effekt_overdispersion o)
{
    return (size_t)o < sizeof od_names / sizeof *od_names ? od_names[o] : "?";
}

void effekt_casemix_options_init(effekt_casemix_options *o)
{
    memset(o, 0, sizeof *o);
    o->confidence = 0.95;
}

void effekt_casemix_result_destroy(effekt_casemix_result *r)
{
    if (!r)
        return;
    for (size_t g = 0; g < r->n_groups; g++)
        free(r->groups[g].label);
    free(r->groups);
    effekt_model_result_destroy(r->model);
    free(r->source);
    free(r);
}

static double poisson_cdf(double r, double mu)
{
    return r < 0 ? 0.0 : gsl_cdf_poisson_P((unsigned)r, mu);
}

/* The limit (r_p - alpha) / E at probability p (Spiegelhalter 2005,
 * Statistics in Medicine 24: 1185-1202, appendix A.1.2). */
static double interpolated(double E, double p)
{
    double r = fmax(0, floor(E - 10 * sqrt(E) - 10));
    while (poisson_cdf(r, E) < p)
        r++;
    double F = poisson_cdf(r, E), f = F - poisson_cdf(r - 1, E);
    double alpha = f > 0 ? (F - p) / f : 0;
    return fmax(0, (r - alpha) / E);
}

void effekt_casemix_poisson_limits(double E, double level, double *lower, double *upper)
{
    effekt_gsl_errors_off();
    if (!(E > 0)) {
        *lower = *upper = NAN;
        return;
    }
    *lower = interpolated(E, (1 - level) / 2);
    *upper = interpolated(E, (1 + level) / 2);
}

/* Where O/E lies against its limits. */
static const char *position(double y, double l95, double h95, double l998, double h998)
{
    return isnan(y) || isnan(l95) ? "no expected events"
           : y > h998 ? "above 99.8 % limit" : y < l998 ? "below 99.8 % limit"
           : y > h95 ? "above 95 % limit" : y < l95 ? "below 95 % limit" : "inside";
}

void effekt_casemix_limits(const effekt_casemix_result *r, double E, double level, double *lo, double *hi)
{
    effekt_gsl_errors_off();
    if (!r->widened) {
        effekt_casemix_poisson_limits(E, level, lo, hi);
        return;
    }
    double z = gsl_cdf_ugaussian_Pinv((1 + level) / 2);
    double var = r->overdispersion == EFFEKT_OVERDISPERSION_MULTIPLICATIVE ? r->phi / E : 1 / E + r->tau2;
    *lo = fmax(0, 1 - z * sqrt(var));
    *hi = 1 + z * sqrt(var);
}

effekt_status effekt_casemix_run(const effekt_table *t, const effekt_casemix_options *o,
                                 effekt_casemix_result **out, effekt_diag *diag)
{
    *out = NULL;
    if (!o->by || !o->outcome || !o->n_adjust || !o->adjust || !(o->confidence > 0 && o->confidence < 1))
        return EFFEKT_EINVAL;
    effekt_gsl_errors_off();
    effekt_casemix_result *r = effekt_calloc(1, sizeof *r);
    if (!r || !(r->source = effekt_strdup(t->source ? t->source : ""))) {
        free(r);
        return EFFEKT_ENOMEM;
    }
    r->overdispersion = o->overdispersion;
    r->phi = r->phi_p = r->tau2 = NAN;
    effekt_group *grp = NULL;
    effekt_status st = effekt_group_create(t, &o->by, 1, &grp, diag);
    if (st == EFFEKT_EINVAL)
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
    effekt_model_options mo;
    effekt_model_options_init(&mo, EFFEKT_MODEL_BINOMIAL);
    mo.outcome = o->outcome;
    mo.predictors = o->adjust;
    mo.n_predictors = o->n_adjust;
    mo.refs = o->refs;
    mo.n_refs = o->n_refs;
    if (st == EFFEKT_OK)
        st = effekt_model_fit(t, &mo, &r->model, diag);
    const effekt_column *oc = st == EFFEKT_OK ? effekt_table_column(t, o->outcome) : NULL;
    for (size_t row = 0; st == EFFEKT_OK && row < t->n_rows; row++)
        if (r->model->used[row])
            st = effekt_group_add(grp, row, NULL);
    size_t k = st == EFFEKT_OK ? effekt_group_count(grp) : 0;
    if (st == EFFEKT_OK && !(r->groups = effekt_calloc(k + 1, sizeof *r->groups)))
        st = EFFEKT_ENOMEM;
    for (size_t g = 0; st == EFFEKT_OK && g < k; g++) {
        effekt_casemix_group *cg = &r->groups[g];
        if (!(cg->label = effekt_strdup(effekt_group_label(grp, g))))
            st = EFFEKT_ENOMEM;
        else
            r->n_groups++;
        cg->missing_group = effekt_group_missing(grp, g);
    }
    const uint32_t *gid = st == EFFEKT_OK ? effekt_group_rows(grp) : NULL;
    if (st == EFFEKT_OK && !gid)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        long double so = 0, se = 0;
        for (size_t row = 0; row < t->n_rows; row++) {
            if (!r->model->used[row])
                continue;
            effekt_casemix_group *cg = &r->groups[gid[row]];
            double y = effekt_outcome_value(oc, row), p = r->model->fitted[row];
            cg->n++;
            cg->observed += y;
            cg->expected += p;
            so += y;
            se += p;
        }
        r->observed = (double)so;
        r->expected = (double)se;
        double a = 1 - o->confidence;
        /* phi from the projects compared: z = (O/E - 1) / sqrt(1 / E) */
        double sz2 = 0, sw = 0, sw2 = 0;
        size_t I = 0;
        for (size_t g = 0; g < k; g++) {
            effekt_casemix_group *cg = &r->groups[g];
            double O = cg->observed, E = cg->expected;
            cg->ratio = O / E;
            cg->lower = O > 0 ? gsl_cdf_gamma_Pinv(a / 2, O, 1) / E : 0;
            cg->upper = gsl_cdf_gamma_Pinv(1 - a / 2, O + 1, 1) / E;
            cg->z = (cg->ratio - 1) * sqrt(E);
            if (cg->missing_group)
                continue;
            I++;
            sz2 += cg->z * cg->z;
            sw += E;
            sw2 += E * E;
        }
        r->n_compared = I;
        if (I >= 2) {
            r->phi = sz2 / (double)I;
            r->phi_p = gsl_cdf_chisq_Q(sz2, (double)(I - 1));
            if (o->overdispersion == EFFEKT_OVERDISPERSION_ADDITIVE)
                r->tau2 = fmax(0, (sz2 - (double)(I - 1)) / (sw - sw2 / sw));
        } else if (diag) {
            effekt_diag_add(diag, EFFEKT_NOTE, t->source, 0, 0, o->by, NULL,
                            "one project only: its O/E is against the model fitted to its own participants "
                            "(O = E), and overdispersion cannot be estimated");
        }
        r->widened = o->overdispersion == EFFEKT_OVERDISPERSION_MULTIPLICATIVE ? r->phi > 1
                     : o->overdispersion == EFFEKT_OVERDISPERSION_ADDITIVE ? r->tau2 > 0 : 0;
        r->method = !r->widened
                        ? (o->overdispersion == EFFEKT_OVERDISPERSION_NONE
                               ? "exact Poisson limits around O/E = 1 with Spiegelhalter's (2005) interpolation"
                               : "exact Poisson limits around O/E = 1 with Spiegelhalter's (2005) interpolation "
                                 "(no overdispersion found: limits not widened)")
                    : o->overdispersion == EFFEKT_OVERDISPERSION_MULTIPLICATIVE
                        ? "limits 1 -/+ z sqrt(phi / E) widened for overdispersion by phi (Spiegelhalter 2005, "
                          "multiplicative)"
                        : "limits 1 -/+ z sqrt(1 / E + tau^2) widened for overdispersion by a random-effects "
                          "tau^2 (Spiegelhalter 2005, additive)";
        for (size_t g = 0; g < k; g++) {
            effekt_casemix_group *cg = &r->groups[g];
            double E = cg->expected;
            effekt_casemix_limits(r, E, 0.95, &cg->lower_95, &cg->upper_95);
            effekt_casemix_limits(r, E, 0.998, &cg->lower_99_8, &cg->upper_99_8);
            cg->funnel = cg->missing_group ? "not compared (missing project)"
                                           : position(cg->ratio, cg->lower_95, cg->upper_95, cg->lower_99_8,
                                                      cg->upper_99_8);
        }
    }
    effekt_group_destroy(grp);
    if (st != EFFEKT_OK) {
        effekt_casemix_result_destroy(r);
        return st;
    }
    *out = r;
    return EFFEKT_OK;
}
