/* Retention: spells, a Kaplan–Meier curve per group with its median,
 * quantiles, horizons and restricted mean, and the G-rho test. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/logrank.h"
#include "effekt/retention.h"
#include "lib_alloc.h"

void effekt_retention_options_init(effekt_retention_options *o)
{
    memset(o, 0, sizeof *o);
    o->confidence = 0.95;
    o->conf_type = EFFEKT_CONF_LOG;
}

void effekt_retention_result_destroy(effekt_retention_result *r)
{
    if (!r)
        return;
    for (size_t c = 0; c < r->n_curves; c++) {
        free(r->curves[c].label);
        free(r->curves[c].quantiles);
        free(r->curves[c].horizons);
        effekt_km_clear(&r->curves[c].km);
    }
    free(r->curves);
    free(r->test.left_out);
    free(r->at);
    free(r->quantiles);
    free(r);
}

static double *copy(const double *v, size_t n)
{
    double *c = effekt_malloc((n ? n : 1) * sizeof *c);
    if (c && n)
        memcpy(c, v, n * sizeof *c);
    return c;
}

static effekt_status fit_curve(const effekt_retention_options *o, const effekt_spells *sp, size_t g, double *gt,
                               double *ge, effekt_retention_curve *c)
{
    size_t k = 0;
    for (size_t i = 0; i < sp->n; i++)
        if (sp->group[i] == g) {
            gt[k] = sp->time[i];
            ge[k] = sp->event[i];
            k++;
        }
    effekt_km *km = &c->km;
    effekt_status st = effekt_km_fit(gt, ge, k, o->confidence, o->conf_type, km);
    if (st != EFFEKT_OK)
        return st;
    c->n = km->n;
    c->events = km->events;
    c->median = (effekt_retention_quantile){ km->median, km->median_lower, km->median_upper, 0.5 };
    c->quantiles = effekt_calloc(o->n_quantiles + 1, sizeof *c->quantiles);
    c->horizons = effekt_calloc(o->n_at + 1, sizeof *c->horizons);
    if (!c->quantiles || !c->horizons)
        return EFFEKT_ENOMEM;
    for (size_t qi = 0; qi < o->n_quantiles; qi++) {
        effekt_retention_quantile *q = &c->quantiles[qi];
        effekt_km_quantile(km, o->quantiles[qi], &q->value, &q->lower, &q->upper);
        q->level = 1 - o->quantiles[qi];
    }
    c->rmst = c->rmst_se = NAN;
    if (o->rmst > 0 && km->n)
        effekt_km_rmst(km, o->rmst, &c->rmst, &c->rmst_se);
    double last = km->n_times ? km->time[km->n_times - 1] : 0;
    for (size_t a = 0; a < o->n_at; a++) {
        effekt_retention_horizon *h = &c->horizons[a];
        h->survival = effekt_km_at(km, o->at[a], &h->lower, &h->upper);
        if ((h->beyond = o->at[a] > last))
            h->survival = h->lower = h->upper = NAN;
        h->at_risk = 0;
        for (size_t j = 0; j < km->n_times; j++)
            if (km->time[j] >= o->at[a]) {
                h->at_risk = km->n_risk[j];
                break;
            }
    }
    if (!o->keep_steps)
        effekt_km_clear(km);
    return EFFEKT_OK;
}

/* The G-rho test between the groups; as survdiff, groups with no expected
 * events are left out and named. */
static effekt_status test_groups(const effekt_retention_options *o, const effekt_spells *sp,
                                 effekt_retention_test *t)
{
    t->name = o->rho == 0 ? "log-rank" : o->rho == 1 ? "Peto-Peto" : "G-rho";
    t->rho = o->rho;
    t->chisq = t->df = t->p = NAN;
    if (sp->n_groups == 1) {
        t->reason = "one group: nothing to compare";
        return EFFEKT_OK;
    }
    double *expected = effekt_malloc(sp->n_groups * sizeof *expected);
    if (!expected)
        return EFFEKT_ENOMEM;
    effekt_status ls = effekt_logrank_expected(sp->time, sp->event, sp->group, sp->n, sp->n_groups, o->rho,
                                               expected, &t->chisq, &t->df, &t->p);
    if (ls == EFFEKT_ENOMEM) {
        free(expected);
        return ls;
    }
    if (ls != EFFEKT_OK) {
        /* survdiff gives chisq 0 on 0 or -1 df here (and p 1 or NA): not
         * a test, so none, with the reason that applies */
        size_t kept = 0;
        for (size_t g = 0; g < sp->n_groups; g++)
            kept += expected[g] > 0;
        t->chisq = t->df = t->p = NAN;
        t->reason = kept == 0   ? "no events: nothing to test"
                    : kept == 1 ? "only one group has expected events: nothing to compare"
                                : "groups that cannot be told apart";
    }
    size_t len = 0;
    for (size_t g = 0; g < sp->n_groups; g++)
        if (!(expected[g] > 0))
            len += strlen(sp->labels[g]) + 2;
    if (len) {
        char *names = effekt_malloc(len), *end = names;
        for (size_t g = 0; names && g < sp->n_groups; g++)
            if (!(expected[g] > 0))
                end += sprintf(end, "%s%s", end == names ? "" : ", ", sp->labels[g]);
        if (!names) {
            free(expected);
            return EFFEKT_ENOMEM;
        }
        t->left_out = names;
    }
    free(expected);
    return EFFEKT_OK;
}

effekt_status effekt_retention_run(const effekt_table *t, const effekt_retention_options *o,
                                   effekt_retention_result **out, effekt_diag *diag)
{
    *out = NULL;
    if (!(o->confidence > 0 && o->confidence < 1))
        return EFFEKT_EINVAL;
    effekt_spells *sp = NULL;
    effekt_status st = effekt_spells_build(t, &o->spells, &sp, diag);
    if (st != EFFEKT_OK)
        return st;
    effekt_retention_result *r = effekt_calloc(1, sizeof *r);
    double *gt = effekt_malloc((sp->n ? sp->n : 1) * sizeof *gt), *ge = effekt_malloc((sp->n ? sp->n : 1) * sizeof *ge);
    if (!r || !gt || !ge || !(r->curves = effekt_calloc(sp->n_groups + 1, sizeof *r->curves))
        || !(r->at = copy(o->at, o->n_at)) || !(r->quantiles = copy(o->quantiles, o->n_quantiles)))
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        r->n_at = o->n_at;
        r->n_quantiles = o->n_quantiles;
        r->rmst = o->rmst;
        r->excluded = sp->excluded;
    }
    for (size_t g = 0; st == EFFEKT_OK && g < sp->n_groups; g++) {
        effekt_retention_curve *c = &r->curves[g];
        r->n_curves++;
        if (!(c->label = effekt_strdup(sp->labels[g])))
            st = EFFEKT_ENOMEM;
        else
            st = fit_curve(o, sp, g, gt, ge, c);
    }
    if (st == EFFEKT_OK && sp->n_groups > 0) {
        r->has_test = 1;
        st = test_groups(o, sp, &r->test);
    }
    free(gt);
    free(ge);
    effekt_spells_destroy(sp);
    if (st != EFFEKT_OK) {
        effekt_retention_result_destroy(r);
        return st;
    }
    *out = r;
    return EFFEKT_OK;
}
