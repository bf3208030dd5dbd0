/* Grouped describe: the columns of a table summarised per group, as
 * statistics or as mergeable partials. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/describe.h"
#include "effekt/group.h"
#include "effekt/output.h"
#include "lib_alloc.h"

static const char *const stat_names[EFFEKT_DESCRIBE_N_STATS] = {
    "n", "missing", "sum", "mean", "sd", "se", "ci", "min", "q1", "median", "q3", "max", "iqr",
    "mad", "skewness", "kurtosis"
};

effekt_status effekt_describe_stat_parse(const char *name, effekt_describe_stat *out)
{
    if (!name)
        return EFFEKT_EINVAL;
    if (strcmp(name, "count") == 0)
        name = "n";
    for (int i = 0; i < EFFEKT_DESCRIBE_N_STATS; i++)
        if (strcmp(stat_names[i], name) == 0) {
            *out = (effekt_describe_stat)i;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_describe_stat_name(effekt_describe_stat s)
{
    return (int)s >= 0 && s < EFFEKT_DESCRIBE_N_STATS ? stat_names[s] : "?";
}

void effekt_describe_run_options_init(effekt_describe_run_options *o)
{
    memset(o, 0, sizeof *o);
    o->confidence = 0.95;
    o->quantile_type = 7;
    o->stats = EFFEKT_DESCRIBE_ALL;
}

static char *copy(const char *s)
{
    char *c = effekt_malloc(strlen(s) + 1);
    return c ? strcpy(c, s) : NULL;
}

static void free_strings(char **s, size_t n)
{
    for (size_t i = 0; s && i < n; i++)
        free(s[i]);
    free(s);
}

void effekt_describe_result_destroy(effekt_describe_result *r)
{
    if (!r)
        return;
    for (size_t k = 0; r->cells && k < r->n_columns * r->n_groups; k++)
        effekt_partial_clear(&r->cells[k].partial);
    free(r->cells);
    free_strings(r->columns, r->n_columns);
    free_strings(r->by, r->n_by);
    free_strings(r->values, r->n_groups * r->n_by);
    free(r);
}

static const char *name_of(const effekt_column *c)
{
    return c->canonical ? c->canonical : c->heading;
}

/* The groups' order: by value when one numeric column groups (missing
 * last), else by the text of the values joined by 0x1f. */
typedef struct {
    const effekt_column *num;     /* the one numeric grouping column, or NULL */
    const size_t *first_row;
    char **keys;
} group_order;

static int by_group(const void *a, const void *b, void *ctx)
{
    const group_order *o = ctx;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (o->num) {
        double u = o->num->values[o->first_row[x]], v = o->num->values[o->first_row[y]];
        if (isnan(u) != isnan(v))
            return isnan(u) ? 1 : -1;
        if (u != v)
            return u < v ? -1 : 1;
        return 0;
    }
    return strcmp(o->keys[x], o->keys[y]);
}

/* A small insertion-free merge sort with a context (qsort has none, and
 * the library keeps no global state). */
static void sort_ctx(size_t *v, size_t *tmp, size_t n, int (*cmp)(const void *, const void *, void *), void *ctx)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_ctx(v, tmp, h, cmp, ctx);
    sort_ctx(v + h, tmp, n - h, cmp, ctx);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = cmp(&v[j], &v[i], ctx) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* The shortest text that reads back as v, for a message. */
static void shortest(double v, char *text, size_t size)
{
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(text, size, "%.*g", digits, v);
        if (strtod(text, NULL) == v)
            break;
    }
}

/* Which columns, checked; the weight column, checked with its cells. */
static effekt_status choose(const effekt_table *t, const effekt_describe_run_options *opt,
                            const effekt_column **targets, size_t *n_targets, const effekt_column **wcol,
                            effekt_diag *diag)
{
    effekt_status st = EFFEKT_OK;
    *n_targets = 0;
    for (size_t i = 0; i < opt->n_columns; i++)
        if (!effekt_table_column(t, opt->columns[i])) {
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, t->header_line, 0, opt->columns[i], NULL,
                            "no column '%s' in the file", opt->columns[i]);
            st = EFFEKT_EINVAL;
        }
    for (size_t c = 0; c < t->n_columns; c++) {
        const effekt_column *col = &t->columns[c];
        int listed = 0, grouping = 0;
        for (size_t i = 0; i < opt->n_columns; i++)
            listed |= col == effekt_table_column(t, opt->columns[i]);
        for (size_t i = 0; i < opt->n_by; i++)
            grouping |= col == effekt_table_column(t, opt->by[i]);
        if (opt->weight)
            grouping |= col == effekt_table_column(t, opt->weight);
        int numeric = col->type == EFFEKT_TYPE_INTEGER || col->type == EFFEKT_TYPE_NUMBER
                      || col->type == EFFEKT_TYPE_EMPTY;
        if (listed && !numeric) {
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, col->heading, NULL,
                            "column '%s' is %s; describe summarises numbers", col->heading,
                            effekt_type_name(col->type));
            st = EFFEKT_EINVAL;
        }
        if (numeric && (listed || (!opt->n_columns && !grouping)))
            targets[(*n_targets)++] = col;
    }
    *wcol = NULL;
    if (!opt->weight || st != EFFEKT_OK)
        return st;
    const effekt_column *w = effekt_table_column(t, opt->weight);
    if (!w) {
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, t->header_line, 0, opt->weight, NULL,
                        "no weight column '%s' in the file", opt->weight);
        return EFFEKT_EINVAL;
    }
    if (!w->values || w->type == EFFEKT_TYPE_TEXT || w->type == EFFEKT_TYPE_DATE) {
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, w->heading, NULL,
                        "the weight column '%s' is %s: weights are numbers", w->heading, effekt_type_name(w->type));
        return EFFEKT_EINVAL;
    }
    /* Frequency weights are counts: the first cell that is not one stops
     * the table, before anything is computed.  A fractional weight is a
     * sampling weight, whose standard errors need the survey design:
     * refused rather than treated as a count. */
    for (size_t r = 0; r < t->n_rows; r++) {
        double v = w->values[r];
        if (effekt_stats_weight_valid(v) == EFFEKT_OK)
            continue;
        char text[32];
        shortest(v, text, sizeof text);
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, effekt_table_row_line(t, r), w->index, w->heading, text,
                        "weight %s in column '%s' is %s: frequency weights must be whole numbers, 0 or more%s", text,
                        w->heading,
                        v < 0 ? "negative" : isinf(v) ? "infinite" : v != floor(v) ? "not a whole number" : "too large",
                        v >= 0 && v == floor(v) && !isinf(v) ? " and below 2^53" : "");
        return EFFEKT_EVALUE;
    }
    *wcol = w;
    return EFFEKT_OK;
}

/* The groups of t in their order into r (n_groups, by, values); the
 * group of each row in *group_of, the order of group ids in *order. */
static effekt_status make_groups(const effekt_table *t, const effekt_describe_run_options *opt,
                                 effekt_describe_result *r, effekt_group **grouper, size_t **order,
                                 effekt_diag *diag)
{
    effekt_status st = effekt_group_create(t, opt->by, opt->n_by, grouper, diag);
    if (st == EFFEKT_OK)
        st = effekt_group_add_all(*grouper);
    if (st != EFFEKT_OK)
        return st;
    effekt_group *g = *grouper;
    /* an empty table still has its one group without grouping columns */
    size_t n = opt->n_by ? effekt_group_count(g) : 1;
    r->n_groups = n;
    r->n_by = opt->n_by;
    r->by = effekt_calloc(opt->n_by ? opt->n_by : 1, sizeof *r->by);
    r->values = effekt_calloc(n * opt->n_by + 1, sizeof *r->values);
    *order = effekt_calloc(n + 1, sizeof **order);
    size_t *first = effekt_calloc(n + 1, sizeof *first), *tmp = effekt_calloc(n + 1, sizeof *tmp);
    char **keys = effekt_calloc(n + 1, sizeof *keys);
    const effekt_column **cols = effekt_calloc(opt->n_by + 1, sizeof *cols);
    st = r->by && r->values && *order && first && tmp && keys && cols ? EFFEKT_OK : EFFEKT_ENOMEM;
    for (size_t i = 0; i < opt->n_by && st == EFFEKT_OK; i++) {
        cols[i] = effekt_table_column(t, opt->by[i]);
        if (!(r->by[i] = copy(name_of(cols[i]))))
            st = EFFEKT_ENOMEM;
    }
    for (size_t k = 0; k < n && st == EFFEKT_OK; k++) {
        (*order)[k] = k;
        if (!opt->n_by)
            break;
        first[k] = effekt_group_first_row(g, k);
        size_t len = 0;
        for (size_t i = 0; i < opt->n_by && st == EFFEKT_OK; i++) {
            char v[4096];
            effekt_group_value_text(cols[i], first[k], v, sizeof v);
            if (!(r->values[k * opt->n_by + i] = copy(v)))
                st = EFFEKT_ENOMEM;
            else
                len += strlen(v) + 1;
        }
        if (st == EFFEKT_OK && !(keys[k] = effekt_malloc(len + 1)))
            st = EFFEKT_ENOMEM;
        for (size_t i = 0, at = 0; i < opt->n_by && st == EFFEKT_OK; i++) {
            const char *v = r->values[k * opt->n_by + i];
            if (i)
                keys[k][at++] = '\x1f';
            memcpy(keys[k] + at, v, strlen(v) + 1);
            at += strlen(v);
        }
    }
    if (st == EFFEKT_OK && opt->n_by) {
        group_order o = { .first_row = first, .keys = keys };
        if (opt->n_by == 1 && cols[0]->values && cols[0]->type != EFFEKT_TYPE_TEXT)
            o.num = cols[0];
        sort_ctx(*order, tmp, n, by_group, &o);
        /* the values in the groups' order */
        char **sorted = effekt_calloc(n * opt->n_by + 1, sizeof *sorted);
        if (!sorted) {
            st = EFFEKT_ENOMEM;
        } else {
            for (size_t k = 0; k < n; k++)
                for (size_t i = 0; i < opt->n_by; i++)
                    sorted[k * opt->n_by + i] = r->values[(*order)[k] * opt->n_by + i];
            free(r->values);
            r->values = sorted;
        }
    }
    free_strings(keys, n);
    free(first);
    free(tmp);
    free(cols);
    return st;
}

/* The partial of one cell, its id naming the origin, group and column. */
static effekt_status partial_cell(const effekt_describe_result *r, size_t c, size_t g, const double *x, size_t n,
                                  int decimals, const char *origin, effekt_partial *out)
{
    effekt_status st = effekt_partial_compute(x, n, decimals, out);
    if (st != EFFEKT_OK)
        return st;
    effekt_json *where = effekt_describe_json_where(r, c, g);
    char *text = where ? effekt_json_print(where, 0) : NULL;
    effekt_json_destroy(where);
    const char *o = origin ? origin : "-";
    char *context = text ? effekt_malloc(strlen(o) + strlen(text) + 2) : NULL;
    if (!context) {
        free(text);
        effekt_partial_clear(out);
        return EFFEKT_ENOMEM;
    }
    sprintf(context, "%s\n%s", o, text);
    effekt_partial_identify(out, context);
    free(context);
    free(text);
    return EFFEKT_OK;
}

effekt_status effekt_describe_run(const effekt_table *t, const effekt_describe_run_options *opt,
                                  effekt_describe_result **out, effekt_diag *diag)
{
    *out = NULL;
    if (opt->partial && opt->weight) {
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, opt->weight, NULL,
                        "partial summaries take no weights (column '%s')", opt->weight);
        return EFFEKT_EINVAL;
    }
    effekt_describe_result *r = effekt_calloc(1, sizeof *r);
    const effekt_column **targets = effekt_calloc(t->n_columns + 1, sizeof *targets);
    if (!r || !targets) {
        free(r);
        free(targets);
        return EFFEKT_ENOMEM;
    }
    r->weighted = opt->weight != NULL;
    r->partial = opt->partial;
    r->confidence = opt->confidence;
    r->quantile_type = opt->quantile_type ? opt->quantile_type : 7;
    r->stats = opt->stats;
    r->n_percentiles = opt->n_percentiles < EFFEKT_MAX_PERCENTILES ? opt->n_percentiles : EFFEKT_MAX_PERCENTILES;
    memcpy(r->percentiles, opt->percentiles, sizeof r->percentiles);

    effekt_stats_options dopt = { .confidence = opt->confidence, .quantile_type = opt->quantile_type,
                                     .n_percentiles = r->n_percentiles };
    memcpy(dopt.percentiles, opt->percentiles, sizeof dopt.percentiles);
    unsigned s = opt->stats;
#define HAS(k) (s & (1u << EFFEKT_DESCRIBE_##k))
    if (!HAS(SKEWNESS) && !HAS(KURTOSIS))
        dopt.skip |= EFFEKT_SKIP_SHAPE;
    if (!HAS(MAD))
        dopt.skip |= EFFEKT_SKIP_MAD;
    if (!HAS(MIN) && !HAS(Q1) && !HAS(MEDIAN) && !HAS(Q3) && !HAS(MAX) && !HAS(IQR) && !HAS(MAD)
        && !dopt.n_percentiles)
        dopt.skip |= EFFEKT_SKIP_ORDER;
#undef HAS

    size_t n_targets = 0;
    const effekt_column *wcol = NULL;
    effekt_group *grouper = NULL;
    size_t *order = NULL, *start = NULL, *fill = NULL;
    double *buf = NULL, *work = NULL, *wbuf = NULL;
    size_t n = t->n_rows;
    effekt_status st = choose(t, opt, targets, &n_targets, &wcol, diag);
    if (st == EFFEKT_OK)
        st = make_groups(t, opt, r, &grouper, &order, diag);
    if (st == EFFEKT_OK) {
        r->n_columns = n_targets;
        r->columns = effekt_calloc(n_targets + 1, sizeof *r->columns);
        r->cells = effekt_calloc(n_targets * r->n_groups + 1, sizeof *r->cells);
        start = effekt_calloc(r->n_groups + 1, sizeof *start);
        fill = effekt_calloc(r->n_groups + 1, sizeof *fill);
        buf = effekt_malloc((n ? n : 1) * sizeof *buf);
        work = effekt_malloc((wcol ? 2 : 1) * (n ? n : 1) * sizeof *work);
        wbuf = wcol ? effekt_malloc((n ? n : 1) * sizeof *wbuf) : NULL;
        if (!r->columns || !r->cells || !start || !fill || !buf || !work || (wcol && !wbuf))
            st = EFFEKT_ENOMEM;
    }
    for (size_t c = 0; c < n_targets && st == EFFEKT_OK; c++)
        if (!(r->columns[c] = copy(name_of(targets[c]))))
            st = EFFEKT_ENOMEM;
    const uint32_t *group = st == EFFEKT_OK ? effekt_group_rows(grouper) : NULL;
    if (st == EFFEKT_OK && !group)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        /* the rows of group k at [start[k], start[k + 1]) (a counting sort) */
        for (size_t row = 0; row < n; row++)
            start[group[row] + 1]++;
        for (size_t k = 0; k < r->n_groups; k++)
            start[k + 1] += start[k];
    }
    for (size_t c = 0; c < n_targets && st == EFFEKT_OK; c++) {
        const effekt_column *col = targets[c];
        memcpy(fill, start, r->n_groups * sizeof *fill);
        for (size_t row = 0; row < n; row++) {
            if (wbuf)
                wbuf[fill[group[row]]] = wcol->values[row];
            buf[fill[group[row]]++] = col->values ? col->values[row] : NAN;
        }
        dopt.decimals = col->decimals;
        for (size_t gi = 0; gi < r->n_groups && st == EFFEKT_OK; gi++) {
            size_t k = order[gi], m = start[k + 1] - start[k];
            effekt_describe_cell *cell = &r->cells[c * r->n_groups + gi];
            cell->sum_weights = NAN;
            if (opt->partial) {
                st = partial_cell(r, c, gi, buf + start[k], m, col->decimals, opt->origin, &cell->partial);
                continue;
            }
            st = wbuf ? effekt_stats_describe_weighted(buf + start[k], wbuf + start[k], m, &dopt, work, &cell->summary,
                                                       &cell->sum_weights)
                      : effekt_stats_describe(buf + start[k], m, &dopt, work, &cell->summary);
            if (st == EFFEKT_ELIMIT)
                effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, wcol->heading, NULL,
                                "the weights in column '%s' add up to 2^53 or more (the ranks of the "
                                "quantiles would not be exact)", wcol->heading);
        }
    }
    effekt_group_destroy(grouper);
    free(targets);
    free(order);
    free(start);
    free(fill);
    free(buf);
    free(work);
    free(wbuf);
    if (st != EFFEKT_OK) {
        effekt_describe_result_destroy(r);
        return st;
    }
    *out = r;
    return EFFEKT_OK;
}
