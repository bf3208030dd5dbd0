/* The coefficient chart of a regression model: a forest of the
 * estimates with their intervals (ratios for logistic and Poisson
 * models), the intercept left out (it is no effect of a predictor). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "chart/build.h"
#include "effekt/model.h"

effekt_status effekt_chart_build_coef(const effekt_model_result *r, const effekt_chart_options *opt,
                                      effekt_chart **out, effekt_diag *diag)
{
    *out = NULL;
    if (!r || r->n_coefs < 2)
        return effekt_build_fail(diag, NULL, NULL, "a model without predictors has no coefficients to draw");
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, EFFEKT_CHART_FOREST, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    int ratio = r->family != EFFEKT_MODEL_GAUSSIAN;
    char predictors[512] = "";
    for (size_t j = 1; j < r->n_coefs; j++) {
        const effekt_model_coef *c = &r->coefs[j];
        effekt_chart_item *it = effekt_chart_add_item(ch);
        if (!it)
            return effekt_build_end(&b, EFFEKT_ENOMEM, out);
        const char *column = effekt_build_column(&b, c->column);
        if (c->level) {
            const char *ref = "";
            for (size_t f = 0; f < r->n_factors; f++)
                if (strcmp(r->factors[f].column, c->column) == 0)
                    ref = r->factors[f].level;
            it->label = effekt_build_say(&b, EFFEKT_WORD_COEF_LEVEL, column, c->level, ref);
        } else {
            it->label = column;
        }
        it->value = ratio ? c->exp_estimate : c->estimate;
        it->lower = ratio ? c->exp_lower : c->lower;
        it->upper = ratio ? c->exp_upper : c->upper;
        /* each predictor once in the title, in the model's order */
        if (j == 1 || strcmp(c->column, r->coefs[j - 1].column) != 0) {
            size_t len = strlen(predictors);
            snprintf(predictors + len, sizeof predictors - len, "%s%s", len ? ", " : "", column);
        }
    }
    static const effekt_text_word_id family_words[] = { EFFEKT_WORD_MODEL_LINEAR, EFFEKT_WORD_MODEL_LOGISTIC,
                                                EFFEKT_WORD_MODEL_POISSON };
    const char *outcome = effekt_build_column(&b, r->outcome);
    ch->reference = ratio ? 1 : 0;
    ch->reference_label = effekt_build_word(&b, EFFEKT_WORD_NO_EFFECT);
    ch->title = effekt_build_say(&b, EFFEKT_WORD_COEF_TITLE, outcome, effekt_build_word(&b, family_words[r->family]),
                                 effekt_build_keep(&b, predictors));
    const char *se = r->se == EFFEKT_MODEL_SE_HC1 ? effekt_build_word(&b, EFFEKT_WORD_SE_HC1)
                     : r->se == EFFEKT_MODEL_SE_CLUSTER
                         ? effekt_build_say(&b, EFFEKT_WORD_SE_CLUSTER, effekt_build_count(&b, r->n_clusters))
                         : effekt_build_word(&b, EFFEKT_WORD_SE_MODEL);
    ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_COEF_SUBTITLE, effekt_build_percent(&b, r->confidence),
                                    effekt_build_count(&b, r->n_used), effekt_build_count(&b, r->n_dropped), se);
    ch->x_label = r->family == EFFEKT_MODEL_BINOMIAL  ? effekt_build_word(&b, EFFEKT_WORD_ODDS_RATIO)
                  : r->family == EFFEKT_MODEL_POISSON ? effekt_build_word(&b, EFFEKT_WORD_RATE_RATIO)
                                                      : effekt_build_say(&b, EFFEKT_WORD_COEFFICIENT, outcome);
    return effekt_build_end(&b, EFFEKT_OK, out);
}
