/* Chart models: kinds, and the model's own memory (strings, items,
 * curves, arrays), so that no caller keeps anything alive for a chart.
 * The numbers a chart shows are computed in stats/ (boxplot.c,
 * histogram.c, pretty.c, ols.c); nothing here computes or draws. */
#include "config.h"

#include "lib_alloc.h"
#include "lib_enum.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>

#include "effekt/chart.h"
#include "effekt/stats.h"

static const char *const kind_names[] = {
    [EFFEKT_CHART_BAR] = "bar",         [EFFEKT_CHART_STACKED] = "stacked",
    [EFFEKT_CHART_FOREST] = "forest",   [EFFEKT_CHART_FUNNEL] = "funnel",
    [EFFEKT_CHART_KM] = "km",           [EFFEKT_CHART_BOX] = "box",
    [EFFEKT_CHART_HIST] = "hist",       [EFFEKT_CHART_SCATTER] = "scatter",
    [EFFEKT_CHART_TIMELINE] = "timeline",
};

effekt_status effekt_chart_kind_parse(const char *name, effekt_chart_kind *out)
{
    for (size_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++)
        if (name && strcmp(name, kind_names[k]) == 0) {
            *out = (effekt_chart_kind)k;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_chart_kind_name(effekt_chart_kind kind)
{
    return (size_t)kind < sizeof kind_names / sizeof *kind_names ? kind_names[kind] : "?";
}


/* The chart's own memory: copies of strings and number arrays. */
struct effekt_chart_store {
    void **blocks;
    size_t n, cap;
    size_t cap_items, cap_curves;
    int failed;
};

effekt_status effekt_chart_create(effekt_chart_kind kind, effekt_chart **out)
{
    *out = NULL;
    effekt_chart *ch = effekt_calloc(1, sizeof *ch);
    struct effekt_chart_store *st = effekt_calloc(1, sizeof *st);
    if (!ch || !st) {
        free(ch);
        free(st);
        return EFFEKT_ENOMEM;
    }
    ch->kind = kind;
    ch->reference = NAN;
    ch->money_decimals = -1;
    ch->store = st;
    *out = ch;
    return EFFEKT_OK;
}

void effekt_chart_destroy(effekt_chart *chart)
{
    if (!chart)
        return;
    struct effekt_chart_store *st = chart->store;
    for (size_t i = 0; st && i < st->n; i++)
        free(st->blocks[i]);
    if (st)
        free(st->blocks);
    free(st);
    free(chart->items);
    free(chart->curves);
    free(chart);
}

/* Keep block p with the chart; on failure free it and return NULL. */
static void *own(effekt_chart *chart, void *p)
{
    struct effekt_chart_store *st = chart->store;
    if (p && st && st->n == st->cap) {
        size_t cap = st->cap ? 2 * st->cap : 32;
        void **nb = effekt_realloc(st->blocks, cap * sizeof *nb);
        if (!nb) {
            free(p);
            p = NULL;
        } else {
            st->blocks = nb;
            st->cap = cap;
        }
    }
    if (!p || !st) {
        if (st)
            st->failed = 1;
        else
            free(p);   /* a chart filled by hand keeps nothing */
        return NULL;
    }
    st->blocks[st->n++] = p;
    return p;
}

const char *effekt_chart_keep(effekt_chart *chart, const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s) + 1;
    char *copy = effekt_malloc(len);
    if (copy)
        memcpy(copy, s, len);
    else if (chart->store)
        chart->store->failed = 1;
    return copy ? own(chart, copy) : NULL;
}

double *effekt_chart_array(effekt_chart *chart, size_t n)
{
    double *a = effekt_malloc((n ? n : 1) * sizeof *a);
    if (!a && chart->store)
        chart->store->failed = 1;
    return a ? own(chart, a) : NULL;
}

/* Room for one more element of an array that grows by doubling. */
static int grow(void **array, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return 1;
    size_t nc = *cap ? 2 * *cap : 16;
    void *na = effekt_realloc(*array, nc * size);
    if (!na)
        return 0;
    *array = na;
    *cap = nc;
    return 1;
}

effekt_chart_item *effekt_chart_add_item(effekt_chart *chart)
{
    struct effekt_chart_store *st = chart->store;
    void *items = chart->items;
    if (!st || !grow(&items, chart->n_items, &st->cap_items, sizeof *chart->items)) {
        if (st)
            st->failed = 1;
        return NULL;
    }
    chart->items = items;
    effekt_chart_item *it = &chart->items[chart->n_items++];
    *it = (effekt_chart_item){ .value = NAN, .lower = NAN, .upper = NAN, .x = NAN, .y = NAN, .start = NAN,
                               .end = NAN, .revised_end = NAN, .weight = NAN };
    for (size_t k = 0; k < EFFEKT_CHART_MAX_PARTS; k++)
        it->parts[k] = NAN;
    return it;
}

effekt_chart_curve *effekt_chart_add_curve(effekt_chart *chart)
{
    struct effekt_chart_store *st = chart->store;
    void *curves = chart->curves;
    if (!st || !grow(&curves, chart->n_curves, &st->cap_curves, sizeof *chart->curves)) {
        if (st)
            st->failed = 1;
        return NULL;
    }
    chart->curves = curves;
    effekt_chart_curve *c = &chart->curves[chart->n_curves++];
    memset(c, 0, sizeof *c);
    return c;
}

effekt_status effekt_chart_status(const effekt_chart *chart)
{
    return chart->store && chart->store->failed ? EFFEKT_ENOMEM : EFFEKT_OK;
}

static const char *const chart_format_names[] = { "png", "svg", "pdf" };

EFFEKT_ENUM_FUNCTIONS(effekt_chart_format_name, effekt_chart_format_parse, effekt_chart_format, chart_format_names)

static const char *const mark_type_names[] = { "text", "bar", "point", "box", "line", "area" };

EFFEKT_ENUM_FUNCTIONS(effekt_chart_mark_type_name, effekt_chart_mark_type_parse, effekt_chart_mark_type, mark_type_names)
