/* Charts of project tables: a KPI per project (bar, forest), the
 * funding mix (stacked) and the project periods (timeline). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/build.h"
#include "effekt/compare.h"
#include "effekt/kpi.h"

/* Sum of numerator / sum of denominator over rows where both are
 * reported (the pooled KPI, a ratio of sums).  A rate leaves out the rows
 * whose own rate is impossible (jobs above participants), as kpi --by
 * does; their number is added to *impossible. */
static void pooled_sums(const effekt_table *t, const effekt_kpi_def *def, double *x, double *n, size_t *impossible)
{
    const effekt_column *a = def->numerator ? effekt_table_column(t, def->numerator) : NULL;
    const effekt_column *b = def->denominator ? effekt_table_column(t, def->denominator) : NULL;
    for (size_t r = 0; a && b && a->values && b->values && r < t->n_rows; r++)
        if (!isnan(a->values[r]) && !isnan(b->values[r])) {
            if (def->kind == EFFEKT_KPI_RATE && a->values[r] > b->values[r]) {
                (*impossible)++;
                continue;
            }
            *x += a->values[r];
            *n += b->values[r];
        }
}

/* One item per project of t with its KPI and interval. */
static effekt_status kpi_items(effekt_build *b, const effekt_table *t, const effekt_kpi_def *def, effekt_diag *diag)
{
    effekt_kpi_options ko = { .confidence = b->confidence };
    effekt_kpi_sheet *sheet = NULL;
    effekt_diag quiet;
    effekt_diag_init(&quiet);
    effekt_status st = effekt_kpi_compute(t, &ko, &sheet, &quiet);
    effekt_diag_clear(&quiet);   /* data warnings are kpi's and validate's business */
    if (st != EFFEKT_OK)
        return st;
    size_t k = (size_t)(def - effekt_kpi_definitions());
    for (size_t r = 0; r < sheet->n_projects && st == EFFEKT_OK; r++) {
        const effekt_kpi_value f_v = effekt_kpi_figure(sheet, r, k), *f = &f_v;
        effekt_chart_item *it = effekt_build_row_item(b, t, r, diag, &st);
        if (it) {
            it->value = f->value;
            it->lower = f->lower;
            it->upper = f->upper;
            it->reason = effekt_build_keep(b, f->reason);
        }
    }
    effekt_kpi_sheet_destroy(sheet);
    return st;
}

/* An item's value and place, sorted largest first, n/a last, ties in
 * their order (qsort is not stable: the place decides). */
typedef struct {
    double v;
    size_t i;
} ranked;

static int by_value_desc(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    int ux = isnan(x->v), uy = isnan(y->v);
    if (ux != uy)
        return ux - uy;
    if (!ux && x->v != y->v)
        return x->v < y->v ? 1 : -1;
    return (x->i > y->i) - (x->i < y->i);
}

/* Keep the `top` highest items (in their order) and put the rest in one
 * row: their ratio of sums, as kpi --by pools, for a ratio or a rate (a
 * rate leaves out the rows whose own rate is impossible); for a duration
 * or a monthly cost none (not pooled).  The items are one per row of the
 * tables, in their order. */
static effekt_status keep_top(effekt_build *b, const effekt_table *const *tables, size_t n_tables,
                              const effekt_kpi_def *def, size_t top)
{
    effekt_chart *ch = b->chart;
    size_t n = ch->n_items;
    double *num = malloc(n * sizeof *num), *den = malloc(n * sizeof *den);
    ranked *rk = malloc(n * sizeof *rk);
    effekt_chart_item *kept = malloc((top + 1) * sizeof *kept);
    if (!num || !den || !rk || !kept) {
        free(num);
        free(den);
        free(rk);
        free(kept);
        return EFFEKT_ENOMEM;
    }
    size_t i = 0;
    for (size_t k = 0; k < n_tables; k++) {
        const effekt_table *t = tables[k];
        const effekt_column *a = def->numerator ? effekt_table_column(t, def->numerator) : NULL;
        const effekt_column *c = def->denominator ? effekt_table_column(t, def->denominator) : NULL;
        for (size_t r = 0; r < t->n_rows && i < n; r++, i++) {
            num[i] = a && a->values && a->type != EFFEKT_TYPE_TEXT ? a->values[r] : NAN;
            den[i] = c && c->values && c->type != EFFEKT_TYPE_TEXT ? c->values[r] : NAN;
        }
    }
    for (; i < n; i++)
        num[i] = den[i] = NAN;
    for (i = 0; i < n; i++)
        rk[i] = (ranked){ ch->items[i].value, i };
    qsort(rk, n, sizeof *rk, by_value_desc);
    /* the kept ones in their first order: the renderer sorts them */
    unsigned char *keep = calloc(n, 1);
    if (!keep) {
        free(num);
        free(den);
        free(rk);
        free(kept);
        return EFFEKT_ENOMEM;
    }
    for (i = 0; i < top; i++)
        keep[rk[i].i] = 1;
    double sx = 0, sn = 0;
    size_t m = 0, used = 0;
    for (i = 0; i < n; i++) {
        if (keep[i]) {
            kept[m++] = ch->items[i];
            continue;
        }
        if (isnan(num[i]) || isnan(den[i]) || (def->kind == EFFEKT_KPI_RATE && num[i] > den[i]))
            continue;
        sx += num[i];
        sn += den[i];
        used++;
    }
    size_t rest = n - top;
    effekt_chart_item *o = &kept[m];
    memset(o, 0, sizeof *o);
    o->value = o->lower = o->upper = NAN;
    o->x = o->y = o->start = o->end = o->revised_end = NAN;
    for (size_t k = 0; k < EFFEKT_CHART_MAX_PARTS; k++)
        o->parts[k] = NAN;
    o->pooled = 1;
    int poolable = def->kind == EFFEKT_KPI_RATIO || def->kind == EFFEKT_KPI_RATE;
    o->label = effekt_build_say(b, poolable ? EFFEKT_WORD_TOP_OTHERS : EFFEKT_WORD_TOP_OTHERS_NOT_POOLED,
                                effekt_build_count(b, rest));
    if (poolable && used && sn != 0) {
        o->value = sx / sn;
        if (def->kind == EFFEKT_KPI_RATE)
            effekt_interval_wilson(sx, sn, b->confidence, &o->lower, &o->upper);
    }
    memcpy(ch->items, kept, (m + 1) * sizeof *kept);
    ch->n_items = m + 1;
    free(keep);
    free(num);
    free(den);
    free(rk);
    free(kept);
    return EFFEKT_OK;
}

/* The KPI's unit as an axis label: its {1} is the currency. */
static const char *unit_label(effekt_build *b, const effekt_kpi_def *def, const char *currency)
{
    const char *unit = effekt_text_kpi_unit(b->loc, def->name);
    if (!unit)
        return def->name;
    const char *cur = currency ? currency : effekt_build_word(b, EFFEKT_WORD_AMOUNT);
    const char *ph = strstr(unit, "{1}");
    if (!ph)
        return unit;
    size_t len = strlen(unit) + strlen(cur) + 1;
    char *s = malloc(len);
    if (!s)
        return "";
    memcpy(s, unit, (size_t)(ph - unit));
    strcpy(s + (ph - unit), cur);
    strcat(s, ph + 3);
    const char *k = effekt_build_keep(b, s);
    free(s);
    return k;
}

effekt_status effekt_chart_build_kpi(effekt_chart_kind kind, const effekt_table *const *tables, size_t n_tables,
                                     const char *kpi, int reference_pooled, const effekt_chart_options *opt,
                                     effekt_chart **out, effekt_diag *diag)
{
    *out = NULL;
    const char *name = kpi ? kpi : kind == EFFEKT_CHART_FOREST ? "placement_rate" : "cost_per_job";
    const effekt_kpi_def *def = effekt_kpi_find(name);
    if (!def)
        return effekt_build_fail(diag, NULL, NULL, "unknown KPI '%s' (see 'effekt kpi --help' for the names)", name);
    if (kind != EFFEKT_CHART_BAR && kind != EFFEKT_CHART_FOREST)
        return EFFEKT_EINVAL;
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, kind, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    double px = 0, pn = 0;
    size_t impossible = 0;
    for (size_t i = 0; i < n_tables && st == EFFEKT_OK; i++) {
        st = kpi_items(&b, tables[i], def, diag);
        pooled_sums(tables[i], def, &px, &pn, &impossible);
    }
    if (st != EFFEKT_OK)
        return effekt_build_end(&b, st, out);
    const char *cur = n_tables ? effekt_build_currency(tables[0]) : NULL;
    int money = effekt_kpi_is_money(def);
    ch->percent = strcmp(def->unit, "share") == 0;
    ch->money_decimals = money ? 0 : -1;
    ch->sorted = kind == EFFEKT_CHART_BAR;
    size_t undefined = 0, n_items = ch->n_items;
    for (size_t i = 0; i < n_items; i++)
        undefined += isnan(ch->items[i].value);
    /* a chart of nothing but reasons is no chart: say so instead */
    if (n_items && undefined == n_items)
        return effekt_build_end(&b,
                                effekt_build_fail(diag, n_tables ? tables[0]->source : NULL, NULL,
                                                  "no project has a value of %s: all %zu are n/a (the kpi "
                                                  "command gives each reason)", def->name, n_items),
                                out);
    size_t top = opt ? opt->top : 0;
    if (!top && n_items > EFFEKT_CHART_MAX_ROWS)
        return effekt_build_end(&b,
                                effekt_build_fail(diag, n_tables ? tables[0]->source : NULL, NULL,
                                                  "%zu projects would make a chart too tall to read (at most "
                                                  "%d rows): --top N draws the N highest and the other "
                                                  "projects as one row, their ratio of sums",
                                                  n_items, EFFEKT_CHART_MAX_ROWS),
                                out);
    int cut = top && n_items > top;
    if (cut) {
        st = keep_top(&b, tables, n_tables, def, top);
        if (st != EFFEKT_OK)
            return effekt_build_end(&b, st, out);
    }
    const char *title = effekt_text_kpi_title(b.loc, def->name);
    const char *formula = effekt_text_kpi_formula(b.loc, def->name);
    ch->title = title ? title : def->name;
    if (impossible)
        ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_KPI_SUBTITLE_LEFT_OUT, formula ? formula : def->description,
                                        effekt_build_count(&b, n_items), effekt_build_count(&b, undefined),
                                        effekt_build_count(&b, impossible), effekt_build_column(&b, def->numerator),
                                        effekt_build_column(&b, def->denominator));
    else
        ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_KPI_SUBTITLE, formula ? formula : def->description,
                                        effekt_build_count(&b, n_items), effekt_build_count(&b, undefined));
    if (cut)
        ch->subtitle = effekt_build_say(&b, EFFEKT_WORD_TOP_SUBTITLE, ch->subtitle, effekt_build_count(&b, top),
                                        effekt_build_count(&b, n_items));
    ch->x_label = unit_label(&b, def, cur);
    double pooled = pn > 0 ? px / pn : NAN;
    if (kind == EFFEKT_CHART_FOREST && !isnan(pooled)) {
        effekt_chart_item *it = effekt_chart_add_item(ch);
        if (it) {
            it->label = effekt_build_word(&b, EFFEKT_WORD_POOLED_RATIO_ROW);
            it->value = pooled;
            it->pooled = 1;
            if (def->kind == EFFEKT_KPI_RATE)
                effekt_interval_wilson(px, pn, b.confidence, &it->lower, &it->upper);
        }
    }
    if (reference_pooled) {
        ch->reference = pooled;
        ch->reference_label = effekt_build_word(&b, EFFEKT_WORD_POOLED);
    }
    return effekt_build_end(&b, EFFEKT_OK, out);
}

effekt_status effekt_chart_build_funding(const effekt_table *const *tables, size_t n_tables, int amounts,
                                         const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag)
{
    static const char *const cols[] = { "eu_contribution", "national_public", "private_funding", "other_funding" };
    static const effekt_text_word_id parts[] = { EFFEKT_WORD_PART_EU, EFFEKT_WORD_PART_NATIONAL, EFFEKT_WORD_PART_PRIVATE,
                                         EFFEKT_WORD_PART_OTHER, EFFEKT_WORD_PART_UNATTRIBUTED };
    *out = NULL;
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, EFFEKT_CHART_STACKED, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    for (size_t k = 0; k < 5; k++)
        ch->part_names[k] = effekt_build_word(&b, parts[k]);
    ch->n_parts = 5;
    ch->amounts = amounts;
    ch->percent = !amounts;
    ch->money_decimals = 0;
    const char *cur = NULL;
    for (size_t i = 0; i < n_tables && st == EFFEKT_OK; i++) {
        const effekt_table *t = tables[i];
        const effekt_column *total = effekt_table_column(t, "total_cost");
        const effekt_column *c[4];
        for (size_t k = 0; k < 4; k++)
            c[k] = effekt_table_column(t, cols[k]);
        if (i == 0)
            cur = effekt_build_currency(t);
        for (size_t r = 0; r < t->n_rows && st == EFFEKT_OK; r++) {
            effekt_chart_item *it = effekt_build_row_item(&b, t, r, diag, &st);
            if (!it)
                break;
            double sum = 0;
            int any = 0;
            for (size_t k = 0; k < 4; k++) {
                double v = c[k] && c[k]->values ? c[k]->values[r] : NAN;
                it->parts[k] = v;
                if (!isnan(v)) {
                    sum += v;
                    any = 1;
                }
            }
            double tot = total && total->values ? total->values[r] : NAN;
            /* the rest of a reported total is not attributed, never hidden */
            it->parts[4] = !isnan(tot) && tot > sum ? tot - sum : NAN;
            if (!any && isnan(tot))
                it->reason = effekt_build_word(&b, EFFEKT_WORD_NO_FUNDING);
        }
    }
    ch->title = effekt_build_word(&b, EFFEKT_WORD_FUNDING_TITLE);
    ch->subtitle = effekt_build_word(&b, amounts ? EFFEKT_WORD_FUNDING_AMOUNTS : EFFEKT_WORD_FUNDING_SHARES);
    ch->x_label = amounts ? (cur ? effekt_build_keep(&b, cur) : effekt_build_word(&b, EFFEKT_WORD_AMOUNT))
                          : effekt_build_word(&b, EFFEKT_WORD_SHARE_OF_TOTAL);
    return effekt_build_end(&b, st, out);
}

effekt_status effekt_chart_build_periods(const effekt_table *const *tables, size_t n_tables,
                                         const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag)
{
    *out = NULL;
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, EFFEKT_CHART_TIMELINE, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    for (size_t i = 0; i < n_tables && st == EFFEKT_OK; i++) {
        const effekt_table *t = tables[i];
        const effekt_column *s = effekt_table_column(t, "start_date"), *e = effekt_table_column(t, "end_date");
        const effekt_column *x = effekt_table_column(t, "expected_end_date");
        if (!s || !e) {
            st = effekt_build_fail(diag, t->source, s ? "end_date" : "start_date",
                                   "a timeline needs start_date and end_date columns");
            break;
        }
        for (size_t r = 0; r < t->n_rows && st == EFFEKT_OK; r++) {
            effekt_chart_item *it = effekt_build_row_item(&b, t, r, diag, &st);
            if (!it)
                break;
            it->start = s->values ? s->values[r] : NAN;
            it->end = e->values ? e->values[r] : NAN;
            it->revised_end = x && x->values ? x->values[r] : NAN;
            it->reason = effekt_build_word(&b, EFFEKT_WORD_DATES_NOT_REPORTED);
        }
    }
    ch->x_dates = 1;
    ch->title = effekt_build_word(&b, EFFEKT_WORD_PERIODS_TITLE);
    ch->subtitle = effekt_build_word(&b, EFFEKT_WORD_PERIODS_SUBTITLE);
    ch->part_names[0] = effekt_build_word(&b, EFFEKT_WORD_PLANNED_PERIOD);
    ch->part_names[1] = effekt_build_word(&b, EFFEKT_WORD_EXTENDED_PERIOD);
    return effekt_build_end(&b, st, out);
}
