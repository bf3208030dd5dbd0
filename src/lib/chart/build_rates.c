/* Charts of rates per group (typed counts of events among trials): a
 * forest with Wilson intervals and the pooled rate as a diamond, or a
 * funnel with exact binomial limits around the pooled rate. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "chart/build.h"
#include "effekt/binomial.h"
#include "effekt/compare.h"
#include "effekt/kpi.h"

effekt_status effekt_chart_build_rates(effekt_chart_kind kind, const effekt_chart_rates *in,
                                       const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag)
{
    *out = NULL;
    if (kind != EFFEKT_CHART_FOREST && kind != EFFEKT_CHART_FUNNEL)
        return effekt_build_fail(diag, NULL, NULL, "rates are drawn as a forest or a funnel");
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, kind, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    double sx = 0, sn = 0;
    for (size_t g = 0; g < in->n_groups; g++) {
        sx += in->events[g];
        sn += in->trials[g];
    }
    double p0 = sn > 0 ? sx / sn : NAN;
    double nmax = 0, nmin = INFINITY;
    size_t outside = 0;
    for (size_t g = 0; g < in->n_groups; g++) {
        effekt_chart_item *it = effekt_chart_add_item(ch);
        if (!it)
            return effekt_build_end(&b, EFFEKT_ENOMEM, out);
        double x = in->events[g], n = in->trials[g];
        it->label = effekt_build_keep(&b, in->labels[g]);
        it->value = it->y = n > 0 ? x / n : NAN;
        it->x = n;
        effekt_interval_wilson(x, n, b.confidence, &it->lower, &it->upper);
        if (kind == EFFEKT_CHART_FUNNEL && n > 0 && !isnan(p0)) {
            double lo, hi;
            effekt_binomial_limits((unsigned long)n, p0, 0.998, &lo, &hi);
            it->flagged = it->y < lo || it->y > hi;
            outside += (size_t)it->flagged;
        }
        nmax = fmax(nmax, n);
        nmin = fmin(nmin, n);
    }
    /* a forest of many groups: the `top` highest rates and the others
     * as one row (their events over their trials, with its interval), or
     * an error that names --top (150 groups drew a 5,334 px forest) */
    size_t top = opt ? opt->top : 0, shown = in->n_groups;
    if (kind == EFFEKT_CHART_FOREST && !top && in->n_groups > EFFEKT_CHART_MAX_ROWS)
        return effekt_build_end(&b,
                                effekt_build_fail(diag, NULL, in->by,
                                                  "%zu groups would make a forest too tall to read (at most %d "
                                                  "rows): --top N draws the N highest rates and the other groups "
                                                  "as one row",
                                                  in->n_groups, EFFEKT_CHART_MAX_ROWS),
                                out);
    if (kind == EFFEKT_CHART_FOREST && top && in->n_groups > top) {
        size_t n = in->n_groups;
        size_t *rank = malloc(n * sizeof *rank);
        unsigned char *keep = calloc(n, 1);
        if (!rank || !keep) {
            free(rank);
            free(keep);
            return effekt_build_end(&b, EFFEKT_ENOMEM, out);
        }
        /* largest rate first, undefined last, ties in group order: an
         * insertion into the first `top` places, O(n top) */
        size_t m = 0;
        for (size_t g = 0; g < n; g++) {
            double v = ch->items[g].value;
            size_t at = m;
            while (at > 0) {
                double u = ch->items[rank[at - 1]].value;
                int before = !isnan(v) && (isnan(u) || v > u);
                if (!before)
                    break;
                at--;
            }
            if (at >= top)
                continue;
            if (m < top)
                m++;
            memmove(&rank[at + 1], &rank[at], (m - 1 - at) * sizeof *rank);
            rank[at] = g;
        }
        for (size_t i = 0; i < m; i++)
            keep[rank[i]] = 1;
        double rx = 0, rn = 0;
        size_t k = 0;
        for (size_t g = 0; g < n; g++) {
            if (keep[g])
                ch->items[k++] = ch->items[g];
            else {
                rx += in->events[g];
                rn += in->trials[g];
            }
        }
        free(rank);
        free(keep);
        ch->n_items = k;
        effekt_chart_item *it = effekt_chart_add_item(ch);
        if (!it)
            return effekt_build_end(&b, EFFEKT_ENOMEM, out);
        it->label = effekt_build_say(&b, EFFEKT_WORD_TOP_OTHERS, effekt_build_count(&b, n - k));
        it->value = rn > 0 ? rx / rn : NAN;
        it->pooled = 1;
        effekt_interval_wilson(rx, rn, b.confidence, &it->lower, &it->upper);
        shown = k;
    }
    const char *what = effekt_build_column(&b, in->outcome), *by = effekt_build_column(&b, in->by);
    ch->percent = 1;
    ch->reference = p0;
    ch->reference_label = effekt_build_word(&b, EFFEKT_WORD_POOLED);
    if (kind == EFFEKT_CHART_FOREST) {
        effekt_chart_item *it = effekt_chart_add_item(ch);
        if (!it)
            return effekt_build_end(&b, EFFEKT_ENOMEM, out);
        it->label = effekt_build_word(&b, EFFEKT_WORD_POOLED_ROW);
        it->value = p0;
        it->pooled = 1;
        effekt_interval_wilson(sx, sn, b.confidence, &it->lower, &it->upper);
        ch->title = effekt_build_say(&b, EFFEKT_WORD_BY, what, by);
        ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_RATES_SUBTITLE, what, effekt_build_percent(&b, b.confidence),
                                        effekt_build_count(&b, in->n_groups), effekt_build_number(&b, sn, 0));
        if (shown < in->n_groups)
            ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_TOP_SUBTITLE, ch->subtitle, effekt_build_count(&b, shown),
                                            effekt_build_count(&b, in->n_groups));
        ch->x_label = effekt_build_say(&b, EFFEKT_WORD_SHARE_WITH, what);
    }
    if (kind == EFFEKT_CHART_FUNNEL && !isnan(p0)) {
        /* the limits at every n from the smallest group to the largest */
        size_t lo_n = (size_t)fmax(1, floor(nmin * 0.9)), hi_n = (size_t)ceil(nmax * 1.05);
        size_t m = hi_n - lo_n + 1, stride = m > 400 ? m / 400 + 1 : 1, k = (m + stride - 1) / stride;
        static const double levels[2] = { 0.95, 0.998 };
        for (size_t L = 0; L < 2; L++) {
            effekt_chart_curve *cv = effekt_chart_add_curve(ch);
            double *gx = effekt_chart_array(ch, k), *glo = effekt_chart_array(ch, k), *ghi = effekt_chart_array(ch, k);
            if (!cv || !gx || !glo || !ghi)
                return effekt_build_end(&b, EFFEKT_ENOMEM, out);
            for (size_t j = 0; j < k; j++) {
                unsigned long nn = (unsigned long)(lo_n + j * stride);
                gx[j] = (double)nn;
                effekt_binomial_limits(nn, p0, levels[L], &glo[j], &ghi[j]);
            }
            cv->n = k;
            cv->x = gx;
            cv->lower = glo;
            cv->upper = ghi;
            cv->dash = L == 0 ? 1 : 2;
            cv->label = effekt_build_say(&b, EFFEKT_WORD_LIMITS, effekt_build_percent(&b, levels[L]));
        }
        char pooled[64];
        ch->title = effekt_build_say(&b, EFFEKT_WORD_FUNNEL_TITLE, what, by);
        ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_FUNNEL_SUBTITLE,
                                        effekt_locale_format_percent(b.loc, p0, 1, pooled, sizeof pooled),
                                        effekt_build_count(&b, outside), effekt_build_count(&b, in->n_groups),
                                        effekt_build_percent(&b, levels[1]));
        ch->x_label = effekt_build_word(&b, EFFEKT_WORD_GROUP_SIZE);
        ch->y_label = effekt_build_say(&b, EFFEKT_WORD_SHARE_WITH, what);
    }
    return effekt_build_end(&b, EFFEKT_OK, out);
}
