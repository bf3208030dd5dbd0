/* A meta-analysis as a forest: the projects with their intervals and
 * weights, the pooled diamond and the prediction interval as a bar.  The
 * numbers are effekt_meta_pool's (back-transformed); nothing here
 * computes a statistic. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "chart/build.h"
#include "effekt/meta.h"

effekt_status effekt_chart_build_meta(const effekt_meta_result *r, const char *outcome, const char *by,
                                      const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag)
{
    *out = NULL;
    if (!r || r->k == 0)
        return effekt_build_fail(diag, NULL, NULL, "a meta-analysis chart needs pooled projects");
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, EFFEKT_CHART_FOREST, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    int rates = r->options.measure != EFFEKT_META_ESTIMATE;
    for (size_t i = 0; i < r->k; i++) {
        const effekt_meta_study *s = &r->studies[i];
        effekt_chart_item *it = effekt_chart_add_item(ch);
        if (!it)
            return effekt_build_end(&b, EFFEKT_ENOMEM, out);
        it->label = effekt_build_keep(&b, s->label);
        it->value = s->value;
        it->lower = s->value_lower;
        it->upper = s->value_upper;
        it->weight = s->weight;
    }
    effekt_chart_item *it = effekt_chart_add_item(ch);
    if (!it)
        return effekt_build_end(&b, EFFEKT_ENOMEM, out);
    it->label = effekt_build_word(&b, EFFEKT_WORD_META_POOLED_ROW);
    it->value = r->value;
    it->lower = r->value_lower;
    it->upper = r->value_upper;
    it->pooled = 1;
    if (!(it = effekt_chart_add_item(ch)))
        return effekt_build_end(&b, EFFEKT_ENOMEM, out);
    it->label = effekt_build_word(&b, EFFEKT_WORD_META_PREDICTION_ROW);
    it->value = r->value;
    it->lower = r->value_pi_lower;
    it->upper = r->value_pi_upper;
    it->pooled = 1;
    it->prediction = 1;
    ch->percent = rates;
    ch->reference = r->value;
    ch->reference_label = effekt_build_word(&b, EFFEKT_WORD_POOLED);
    const char *what = effekt_build_column(&b, outcome), *groups = effekt_build_column(&b, by);
    ch->title = effekt_build_say(&b, rates ? EFFEKT_WORD_META_TITLE : EFFEKT_WORD_META_TITLE_ESTIMATE, what, groups);
    static const char *const method[] = { "REML", "DerSimonian-Laird", "Paule-Mandel" };
    char m[96];
    snprintf(m, sizeof m, "%s%s", (size_t)r->options.method < 3 ? method[r->options.method] : "?",
             r->options.knha ? ", Hartung-Knapp" : "");
    char pct[64];
    ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_META_SUBTITLE, effekt_build_keep(&b, m),
                                    effekt_build_number(&b, r->tau2, effekt_build_significant(r->tau2, 3)),
                                    effekt_build_keep(&b, effekt_locale_format_percent(b.loc, r->i2 / 100, 1, pct,
                                                                                        sizeof pct)),
                                    effekt_build_percent(&b, b.confidence), effekt_build_count(&b, r->k));
    ch->x_label = effekt_build_say(&b, EFFEKT_WORD_META_WEIGHT_NOTE,
                                   rates ? effekt_build_say(&b, EFFEKT_WORD_SHARE_WITH, what) : what);
    return effekt_build_end(&b, EFFEKT_OK, out);
}
