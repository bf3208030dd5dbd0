/* The O/E funnel of a case-mix adjusted comparison: each group's
 * observed / expected events against its expected count, with the
 * result's limits around 1 (exact Poisson, or widened for
 * overdispersion). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "chart/build.h"
#include "effekt/casemix.h"

effekt_status effekt_chart_build_casemix(const effekt_casemix_result *r, const char *by,
                                         const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag)
{
    *out = NULL;
    if (!r || r->n_groups == 0)
        return effekt_build_fail(diag, NULL, NULL, "no groups to draw");
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, EFFEKT_CHART_FUNNEL, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    double emin = INFINITY, emax = 0;
    size_t outside = 0, shown = 0;
    for (size_t g = 0; g < r->n_groups; g++) {
        const effekt_casemix_group *cg = &r->groups[g];
        if (cg->missing_group || !(cg->expected > 0))
            continue;
        effekt_chart_item *it = effekt_chart_add_item(ch);
        if (!it)
            return effekt_build_end(&b, EFFEKT_ENOMEM, out);
        it->label = effekt_build_keep(&b, cg->label);
        it->x = cg->expected;
        it->y = it->value = cg->ratio;
        it->lower = cg->lower;
        it->upper = cg->upper;
        it->flagged = cg->ratio < cg->lower_99_8 || cg->ratio > cg->upper_99_8;
        outside += (size_t)it->flagged;
        shown++;
        emin = fmin(emin, cg->expected);
        emax = fmax(emax, cg->expected);
    }
    if (!shown)
        return effekt_build_end(&b, effekt_build_fail(diag, NULL, NULL, "no group with expected events to draw"),
                                out);
    /* the limits along the expected counts, on a grid fine enough for the steps of small E */
    static const double levels[2] = { 0.95, 0.998 };
    double lo_e = fmax(0.5, emin * 0.8), hi_e = emax * 1.05;
    size_t k = 400;
    for (size_t L = 0; L < 2; L++) {
        effekt_chart_curve *cv = effekt_chart_add_curve(ch);
        double *gx = effekt_chart_array(ch, k), *glo = effekt_chart_array(ch, k), *ghi = effekt_chart_array(ch, k);
        if (!cv || !gx || !glo || !ghi)
            return effekt_build_end(&b, EFFEKT_ENOMEM, out);
        for (size_t j = 0; j < k; j++) {
            gx[j] = lo_e + (hi_e - lo_e) * (double)j / (double)(k - 1);
            effekt_casemix_limits(r, gx[j], levels[L], &glo[j], &ghi[j]);
        }
        cv->n = k;
        cv->x = gx;
        cv->lower = glo;
        cv->upper = ghi;
        cv->dash = L == 0 ? 1 : 2;
        cv->label = effekt_build_say(&b, EFFEKT_WORD_LIMITS, effekt_build_percent(&b, levels[L]));
    }
    char adjusted[512] = "";
    const effekt_model_result *m = r->model;
    for (size_t j = 1; j < m->n_coefs; j++)
        if (j == 1 || strcmp(m->coefs[j].column, m->coefs[j - 1].column) != 0) {
            size_t len = strlen(adjusted);
            snprintf(adjusted + len, sizeof adjusted - len, "%s%s", len ? ", " : "",
                     effekt_build_column(&b, m->coefs[j].column));
        }
    const char *method = !r->widened ? effekt_build_word(&b, EFFEKT_WORD_OE_EXACT)
                         : r->overdispersion == EFFEKT_OVERDISPERSION_MULTIPLICATIVE
                             ? effekt_build_say(&b, EFFEKT_WORD_OE_PHI, effekt_build_number(&b, r->phi, 2))
                             : effekt_build_say(&b, EFFEKT_WORD_OE_TAU2, effekt_build_number(&b, r->tau2, 3));
    ch->reference = 1;
    ch->title = effekt_build_say(&b, EFFEKT_WORD_OE_TITLE, effekt_build_column(&b, m->outcome),
                                 effekt_build_column(&b, by), effekt_build_keep(&b, adjusted));
    ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_OE_SUBTITLE, method, effekt_build_count(&b, outside),
                                    effekt_build_count(&b, shown), effekt_build_percent(&b, levels[1]));
    ch->x_label = effekt_build_word(&b, EFFEKT_WORD_EXPECTED_EVENTS);
    ch->y_label = effekt_build_word(&b, EFFEKT_WORD_OE_AXIS);
    return effekt_build_end(&b, EFFEKT_OK, out);
}
