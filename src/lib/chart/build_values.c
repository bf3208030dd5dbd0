/* Charts of values: a box per group, one histogram, and a scatter of
 * two columns with its OLS line and band. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/build.h"
#include "lib_alloc.h"

/* Decimals that show a round step such as 0.25 or 5000 exactly. */
static int step_decimals(double w)
{
    int d = 0;
    while (d < 10 && fabs(w * pow(10, d) - round(w * pow(10, d))) > 1e-9 * fmax(1, fabs(w) * pow(10, d)))
        d++;
    return d;
}

effekt_status effekt_chart_build_box(const effekt_chart_values *in, const effekt_chart_options *opt,
                                     effekt_chart **out, effekt_diag *diag)
{
    *out = NULL;
    (void)diag;
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, EFFEKT_CHART_BOX, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    size_t n_groups = in->group ? in->n_groups : 1;
    ch->money_decimals = -1;
    /* each group's values in one pass: counts, then fill */
    size_t *count = effekt_calloc(n_groups + 1, sizeof *count);
    double **gv = effekt_calloc(n_groups + 1, sizeof *gv);
    if (!count || !gv)
        st = EFFEKT_ENOMEM;
    for (size_t i = 0; i < in->n && st == EFFEKT_OK; i++)
        count[in->group ? in->group[i] : 0]++;
    for (size_t g = 0; g < n_groups && st == EFFEKT_OK; g++)
        if (!(gv[g] = effekt_chart_array(ch, count[g])))
            st = EFFEKT_ENOMEM;
    for (size_t g = 0; g < n_groups && st == EFFEKT_OK; g++)
        count[g] = 0;
    for (size_t i = 0; i < in->n && st == EFFEKT_OK; i++) {
        size_t g = in->group ? in->group[i] : 0;
        gv[g][count[g]++] = in->values[i];
    }
    for (size_t g = 0; g < n_groups && st == EFFEKT_OK; g++) {
        effekt_chart_item *it = effekt_chart_add_item(ch);
        if (!it) {
            st = EFFEKT_ENOMEM;
            break;
        }
        it->label = effekt_build_keep(&b, in->labels ? in->labels[g] : "all");
        it->values = gv[g];
        it->n_values = count[g];
        effekt_boxplot_compute(gv[g], count[g], &it->box);
    }
    free(count);
    free(gv);
    ch->title = effekt_build_say(&b, EFFEKT_WORD_BY, effekt_build_column(&b, in->value), effekt_build_column(&b, in->by));
    ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_BOX_SUBTITLE, effekt_build_number(&b, 1.5, 1),
                                    effekt_build_number(&b, (double)in->n, 0), effekt_build_count(&b, in->missing));
    ch->x_label = effekt_build_column(&b, in->value);
    return effekt_build_end(&b, st, out);
}

effekt_status effekt_chart_build_hist(const effekt_chart_values *in, effekt_histogram_rule rule,
                                      const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag)
{
    *out = NULL;
    double *breaks = NULL, *counts = NULL;
    size_t k = 0;
    effekt_status st = effekt_histogram_compute(in->values, in->n, rule, &breaks, &counts, &k);
    if (st == EFFEKT_EUNDEF || (st == EFFEKT_OK && k == 0))
        st = effekt_build_fail(diag, NULL, in->value, "no values in column '%s'", in->value ? in->value : "");
    if (st != EFFEKT_OK) {
        free(breaks);
        free(counts);
        return st;
    }
    static const effekt_text_word_id rule_words[] = { [EFFEKT_HISTOGRAM_STURGES] = EFFEKT_WORD_RULE_STURGES,
                                              [EFFEKT_HISTOGRAM_SCOTT] = EFFEKT_WORD_RULE_SCOTT,
                                              [EFFEKT_HISTOGRAM_FD] = EFFEKT_WORD_RULE_FD };
    effekt_build b;
    st = effekt_build_begin(&b, EFFEKT_CHART_HIST, opt);
    if (st != EFFEKT_OK) {
        free(breaks);
        free(counts);
        return st;
    }
    effekt_chart *ch = b.chart;
    ch->money_decimals = -1;
    double *bb = effekt_chart_array(ch, k + 1), *cc = effekt_chart_array(ch, k);
    if (bb && cc) {
        memcpy(bb, breaks, (k + 1) * sizeof *bb);
        memcpy(cc, counts, k * sizeof *cc);
        ch->breaks = bb;
        ch->counts = cc;
        ch->n_bins = k;
        ch->title = effekt_build_say(&b, EFFEKT_WORD_HIST_TITLE, effekt_build_column(&b, in->value));
        ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_HIST_SUBTITLE, effekt_build_word(&b, rule_words[rule]),
                                        effekt_build_count(&b, k),
                                        effekt_build_number(&b, bb[1] - bb[0], step_decimals(bb[1] - bb[0])),
                                        effekt_build_number(&b, (double)in->n, 0), effekt_build_count(&b, in->missing));
        ch->x_label = effekt_build_column(&b, in->value);
        ch->y_label = effekt_build_word(&b, EFFEKT_WORD_COUNT);
    }
    free(breaks);
    free(counts);
    return effekt_build_end(&b, bb && cc ? EFFEKT_OK : EFFEKT_ENOMEM, out);
}

/* A numeric column of t, or a problem. */
static const effekt_column *numeric(const effekt_table *t, const char *name, effekt_diag *diag)
{
    const effekt_column *c = name ? effekt_table_column(t, name) : NULL;
    if (!c)
        effekt_build_fail(diag, t->source, name, "no column '%s'", name ? name : "");
    else if (!c->values || c->type == EFFEKT_TYPE_TEXT)
        effekt_build_fail(diag, t->source, name, "column '%s' is %s; expected numbers", name,
                          effekt_type_name(c->type));
    else
        return c;
    return NULL;
}

effekt_status effekt_chart_build_scatter(const effekt_table *const *tables, size_t n_tables, const char *x,
                                         const char *y, const effekt_chart_options *opt, effekt_chart **out,
                                         effekt_diag *diag)
{
    *out = NULL;
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, EFFEKT_CHART_SCATTER, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    size_t total = 0, missing = 0, m = 0;
    for (size_t i = 0; i < n_tables; i++)
        total += tables[i]->n_rows;
    double *xs = effekt_chart_array(ch, total), *ys = effekt_chart_array(ch, total);
    if (!xs || !ys)
        return effekt_build_end(&b, EFFEKT_ENOMEM, out);
    for (size_t i = 0; i < n_tables; i++) {
        const effekt_table *t = tables[i];
        const effekt_column *cx = numeric(t, x, diag), *cy = cx ? numeric(t, y, diag) : NULL;
        if (!cx || !cy)
            return effekt_build_end(&b, EFFEKT_EINVAL, out);
        for (size_t r = 0; r < t->n_rows; r++) {
            if (isnan(cx->values[r]) || isnan(cy->values[r])) {
                missing++;
                continue;
            }
            effekt_chart_item *it = effekt_chart_add_item(ch);
            if (!it)
                return effekt_build_end(&b, EFFEKT_ENOMEM, out);
            it->x = xs[m] = cx->values[r];
            it->y = ys[m] = cy->values[r];
            m++;
        }
    }
    const char *xw = effekt_build_column(&b, x), *yw = effekt_build_column(&b, y);
    char title[512];
    snprintf(title, sizeof title, "%s ~ %s", yw, xw);
    ch->title = effekt_build_keep(&b, title);
    effekt_ols fit;
    if (effekt_ols_fit(xs, ys, m, &fit) == EFFEKT_OK) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < m; i++) {
            lo = fmin(lo, xs[i]);
            hi = fmax(hi, xs[i]);
        }
        enum { GRID = 101 };
        double *gx = effekt_chart_array(ch, GRID), *gy = effekt_chart_array(ch, GRID),
               *gl = effekt_chart_array(ch, GRID), *gu = effekt_chart_array(ch, GRID);
        effekt_chart_curve *cv = effekt_chart_add_curve(ch);
        if (!gx || !gy || !gl || !gu || !cv)
            return effekt_build_end(&b, EFFEKT_ENOMEM, out);
        for (size_t j = 0; j < GRID; j++)
            gx[j] = lo + (hi - lo) * (double)j / (GRID - 1);
        effekt_ols_band(&fit, gx, GRID, b.confidence, gy, gl, gu);
        *cv = (effekt_chart_curve){ .n = GRID, .x = gx, .y = gy, .lower = gl, .upper = gu,
                                    .label = effekt_build_say(&b, EFFEKT_WORD_OLS_LINE,
                                                              effekt_build_percent(&b, b.confidence)) };
        char a[64], s[64], r2[64], sub[1024];
        snprintf(sub, sizeof sub, "%s = %s + %s \u00b7 %s; R\u00b2 = %s; n = %zu%s", yw,
                 effekt_locale_format(b.loc, fit.intercept, effekt_build_significant(fit.intercept, 4), a, sizeof a),
                 effekt_locale_format(b.loc, fit.slope, effekt_build_significant(fit.slope, 4), s, sizeof s), xw,
                 effekt_locale_format(b.loc, fit.r_squared, 3, r2, sizeof r2), m,
                 missing ? effekt_build_say(&b, EFFEKT_WORD_ROWS_MISSING_XY, effekt_build_count(&b, missing)) : "");
        ch->subtitle = effekt_build_keep(&b, sub);
    } else {
        ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_TOO_FEW_POINTS, effekt_build_count(&b, m));
    }
    ch->x_label = xw;
    ch->y_label = yw;
    ch->money_decimals = -1;
    return effekt_build_end(&b, EFFEKT_OK, out);
}
