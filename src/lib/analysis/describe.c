/* Grouped describe: the columns of a table summarised per group, as
 * statistics or as mergeable partials. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "effekt/describe.h"
#include "effekt/group.h"
#include "group_codes.h"
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

/* ---- the groups' values, gathered in batches, summarised on threads ----
 *
 * Memory: a column's values are not copied whole into group order (n
 * doubles beside the table, and n more to work in).  The groups are taken
 * in batches of consecutive ids whose values fit a buffer of a third of
 * the rows and a margin (or of the largest group, when that is bigger); each batch
 * costs one pass over the group ids, and each group is summarised in
 * place in the buffer.  A group's values are in the order of its rows, as
 * the one copy in row order had them, so every statistic keeps its bits
 * whatever the batches and threads.
 *
 * Time: from PARALLEL_ROWS rows the passes are split into row ranges, one
 * per thread (a group's rows from range t follow those of the ranges
 * before it: row order still), and the groups of a batch are shared out
 * among the threads, each writing only its own cells. */

/* The grouper's id of each row, read a window of rows at a time
 * (effekt_group_rows_copy): a grouper over a coded column keeps no array
 * of them, and none is made here (4 bytes a row). */
typedef uint32_t group_id_t;
enum { ID_WINDOW = 4096 };

/* A third of the rows: with the ids as codes (a byte a row, issue 18's
 * 10M rows) the peak stays under the column as doubles and 4-byte ids
 * plus 20 %, in 3 passes where a fifth took 5 (-5 % of the run).  Plus
 * a margin of up to a SLACK_FRACTION of that third (the largest group,
 * when smaller): a batch closes when its next group does not fit, so a
 * buffer of exactly a third held the 50 groups of 200,000 rows of issue
 * 18 sixteen at a time, in 4 passes; with the margin a closed batch
 * holds more than a third of the rows whenever no group is larger than
 * the margin, and the passes are 3 (+2 % of memory, -1 pass of 4). */
enum { BATCH_FRACTION = 3, SLACK_FRACTION = 16, MAX_THREADS = 16, TRASH_STRIDE = 8 };
#define PARALLEL_ROWS ((size_t)1 << 18)

/* One row range's share of the passes over the rows. */
typedef struct {
    const effekt_group *grouper;
    size_t from, to;          /* rows */
    size_t *count;            /* [k]: rows of group k in [from, to) */
    size_t *fill;             /* [k]: where the range's next value of group k goes in
                                 buf; trash for a group outside the batch */
    size_t trash;             /* buf[trash], the range's own, takes those */
    const size_t *shift;      /* weighted: [k] from a value to its weight; 0 outside */
    const double *x, *w;      /* the column (NULL: every value missing); weights or NULL */
    double *buf;
} row_part;

static void *count_rows(void *arg)
{
    row_part *p = arg;
    effekt_group_codes view;
    if (effekt_group_codes_view(p->grouper, &view)) {
        effekt_group_codes_count(&view, p->from, p->to, p->count);
        return NULL;
    }
    group_id_t group[ID_WINDOW];
    for (size_t from = p->from; from < p->to; from += ID_WINDOW) {
        size_t m = p->to - from < ID_WINDOW ? p->to - from : ID_WINDOW;
        effekt_group_rows_copy(p->grouper, from, m, group);
        for (size_t i = 0; i < m; i++)
            p->count[group[i]]++;
    }
    return NULL;
}

/* Every row of the range to its group's next place; a row of a group
 * outside the batch is written to the trash slot, which does not move:
 * no branch for the processor to mispredict. */
static void *gather_rows(void *arg)
{
    const row_part *p = arg;
    group_id_t group[ID_WINDOW];
    size_t *fill = p->fill, trash = p->trash;
    double *buf = p->buf;
    const double *x = p->x, *w = p->w;
    effekt_group_codes view;
    if (x && !w && effekt_group_codes_view(p->grouper, &view) && view.width == 1) {
        /* one coded column of a byte a code (up to 254 groups): each
         * row's group straight from its code through a table of 256 */
        size_t *slot[256];
        for (unsigned c = 0; c < 256; c++) {   /* (codes past the dictionary never occur) */
            uint32_t k = c == UINT8_MAX ? view.missing : c < view.n_codes ? view.of[c] : EFFEKT_GROUP_ROW_NONE;
            slot[c] = k == EFFEKT_GROUP_ROW_NONE ? &fill[0] : &fill[k];
        }
        const uint8_t *codes = view.codes;
        for (size_t row = p->from; row < p->to; row++) {
            size_t *f = slot[codes[row]], at = *f;
            buf[at] = x[row];
            *f = at + (at != trash);
        }
        return NULL;
    }
    for (size_t from = p->from; from < p->to; from += ID_WINDOW) {
        size_t m = p->to - from < ID_WINDOW ? p->to - from : ID_WINDOW;
        effekt_group_rows_copy(p->grouper, from, m, group);
        if (x && !w) {
            const double *xs = x + from;
            for (size_t i = 0; i < m; i++) {
                size_t k = group[i], at = fill[k];
                buf[at] = xs[i];
                fill[k] = at + (at != trash);
            }
            continue;
        }
        for (size_t i = 0; i < m; i++) {
            size_t k = group[i], at = fill[k], row = from + i;
            buf[at] = x ? x[row] : NAN;
            if (w)
                buf[at + p->shift[k]] = w[row];
            fill[k] = at + (at != trash);
        }
    }
    return NULL;
}

/* The statistics of the groups of one batch. */
typedef struct {
    const effekt_describe_run_options *opt;
    const effekt_stats_options *dopt;
    effekt_describe_result *r;
    size_t c;                 /* the column */
    int decimals;
    int weighted;
    const size_t *size;       /* [k]: rows of group k */
    const size_t *end;        /* [k]: where group k's values end in buf (the last range's fill) */
    const size_t *pos;        /* [k]: the group's place in the result's order */
    double *buf;
    size_t k_from, k_to;      /* the batch */
    atomic_size_t *next;      /* the next group of the batch not yet taken */
    effekt_status st;         /* the first problem, in the groups' order */
    size_t bad;               /* its group's place */
} stats_part;

static void *summarise_groups(void *arg)
{
    stats_part *p = arg;
    const effekt_describe_run_options *opt = p->opt;
    effekt_describe_result *r = p->r;
    for (;;) {
        size_t k = p->k_from + atomic_fetch_add(p->next, 1);
        if (k >= p->k_to)
            return NULL;
        size_t m = p->size[k], gi = p->pos[k];
        double *x = p->buf + p->end[k] - m;   /* the values; weighted, their weights after them */
        effekt_describe_cell *cell = &r->cells[p->c * r->n_groups + gi];
        cell->sum_weights = NAN;
        effekt_status st;
        if (opt->partial)
            st = partial_cell(r, p->c, gi, x, m, p->decimals, opt->origin, &cell->partial);
        else if (p->weighted)   /* in place: the weights follow the values */
            st = effekt_stats_describe_weighted(x, x + m, m, p->dopt, x, &cell->summary, &cell->sum_weights);
        else
            st = effekt_stats_describe(x, m, p->dopt, x, &cell->summary);
        if (st != EFFEKT_OK && (p->st == EFFEKT_OK || gi < p->bad)) {
            p->st = st;
            p->bad = gi;
        }
    }
}

/* fn on parts[0..n) (each size bytes), parts 1.. on threads of their
 * own; a part whose thread cannot start runs here, after. */
static void run_parts(void *(*fn)(void *), void *parts, size_t size, unsigned n)
{
    pthread_t tid[MAX_THREADS];
    int started[MAX_THREADS] = { 0 };
    for (unsigned t = 1; t < n; t++)
        started[t] = pthread_create(&tid[t], NULL, fn, (char *)parts + t * size) == 0;
    fn(parts);
    for (unsigned t = 1; t < n; t++) {
        if (started[t])
            pthread_join(tid[t], NULL);
        else
            fn((char *)parts + t * size);
    }
}

/* The threads for n rows: one unless the table is large enough to pay
 * for them; then opt->threads, or one per online processor. */
static unsigned threads_for(const effekt_describe_run_options *opt, size_t n)
{
    if (n < PARALLEL_ROWS)
        return 1;
    long cpus = opt->threads ? (long)opt->threads : sysconf(_SC_NPROCESSORS_ONLN);
    return cpus < 1 ? 1 : cpus > MAX_THREADS ? MAX_THREADS : (unsigned)cpus;
}

/* Every cell of r: the columns targets[0..n_targets) of t, per group of
 * the rows' groups in grouper (read a window at a time) (order[gi]: the id of the group in
 * place gi), each summarised as described above. */
static effekt_status summarise(const effekt_table *t, const effekt_describe_run_options *opt,
                               const effekt_column *const *targets, size_t n_targets, const effekt_column *wcol,
                               const effekt_group *grouper, const size_t *order, effekt_stats_options *dopt,
                               effekt_describe_result *r, effekt_diag *diag)
{
    size_t n = t->n_rows, G = r->n_groups;
    unsigned T = threads_for(opt, n);
    size_t unit = wcol ? 2 : 1;   /* doubles a row takes in the buffer */
    row_part rows[MAX_THREADS];
    stats_part parts[MAX_THREADS];
    size_t *counts = effekt_calloc(2 * (size_t)T * G + 1, sizeof *counts);
    size_t *size = T > 1 ? effekt_calloc(G + 1, sizeof *size) : counts;
    size_t *pos = effekt_calloc(G + 1, sizeof *pos);
    size_t *shift = wcol ? effekt_calloc(G + 1, sizeof *shift) : NULL;
    double *buf = NULL;
    effekt_status st = counts && size && pos && (shift || !wcol) ? EFFEKT_OK : EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        for (unsigned p = 0; p < T; p++)
            rows[p] = (row_part){ .grouper = grouper, .from = n * p / T, .to = n * (p + 1) / T,
                                  .count = counts + (size_t)p * G, .fill = counts + ((size_t)T + p) * G,
                                  .shift = shift, .w = wcol ? wcol->values : NULL };
        /* the rows of each group in each range; the last range's are
         * the group's rows (the grouper has added every row) less the
         * other ranges': one range fewer to read, none on one thread */
        if (T > 1)
            run_parts(count_rows, rows, sizeof *rows, T - 1);
        for (size_t gi = 0; gi < G; gi++)
            pos[order[gi]] = gi;
        size_t largest = 0, made = effekt_group_count(grouper);
        for (size_t k = 0; k < G; k++) {
            size[k] = k < made ? effekt_group_size(grouper, k) : 0;   /* (without columns an empty table has no group) */
            size_t others = 0;
            for (unsigned p = 0; p + 1 < T; p++)
                others += rows[p].count[k];
            rows[T - 1].count[k] = size[k] - others;
            largest = size[k] > largest ? size[k] : largest;
        }
        size_t batch = (n + BATCH_FRACTION - 1) / BATCH_FRACTION, slack = batch / SLACK_FRACTION;
        batch += largest < slack ? largest : slack;
        size_t cap = unit * (largest > batch ? largest : batch);
        /* past the groups, a trash slot per row range, each on a cache
         * line of its own: the ranges' threads neither race on one slot
         * nor take a line from each other at every row */
        if (!(buf = effekt_malloc((cap + TRASH_STRIDE * T) * sizeof *buf)))
            st = EFFEKT_ENOMEM;
        for (unsigned p = 0; p < T; p++) {
            rows[p].trash = cap + TRASH_STRIDE * p;
            rows[p].buf = buf;
            for (size_t k = 0; k < G; k++)
                rows[p].fill[k] = rows[p].trash;
        }
        for (size_t c = 0; c < n_targets && st == EFFEKT_OK; c++) {
            dopt->decimals = targets[c]->decimals;
            for (unsigned p = 0; p < T; p++)
                rows[p].x = targets[c]->values;
            for (size_t k_from = 0, k_to; k_from < G && st == EFFEKT_OK; k_from = k_to) {
                /* the batch: groups k_from.. while they fit (at least one) */
                size_t used = 0;
                for (k_to = k_from; k_to < G && (k_to == k_from || used + unit * size[k_to] <= cap); k_to++) {
                    for (unsigned p = 0; p < T; p++) {
                        rows[p].fill[k_to] = used;
                        used += rows[p].count[k_to];
                    }
                    if (wcol) {
                        shift[k_to] = size[k_to];
                        used += size[k_to];
                    }
                }
                run_parts(gather_rows, rows, sizeof *rows, T);
                atomic_size_t next = 0;
                unsigned S = T < k_to - k_from ? T : (unsigned)(k_to - k_from);
                for (unsigned p = 0; p < S; p++)
                    parts[p] = (stats_part){ .opt = opt, .dopt = dopt, .r = r, .c = c,
                                             .decimals = targets[c]->decimals, .weighted = wcol != NULL,
                                             .size = size, .end = rows[T - 1].fill, .pos = pos, .buf = buf,
                                             .k_from = k_from, .k_to = k_to, .next = &next };
                run_parts(summarise_groups, parts, sizeof *parts, S);
                for (size_t p = 0, bad = 0; p < S; p++)
                    if (parts[p].st != EFFEKT_OK && (st == EFFEKT_OK || parts[p].bad < bad)) {
                        st = parts[p].st;
                        bad = parts[p].bad;
                    }
                /* the batch's groups out of the next one */
                for (size_t k = k_from; k < k_to; k++) {
                    for (unsigned p = 0; p < T; p++)
                        rows[p].fill[k] = rows[p].trash;
                    if (shift)
                        shift[k] = 0;
                }
            }
        }
    }
    if (st == EFFEKT_ELIMIT && wcol)
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, wcol->heading, NULL,
                        "the weights in column '%s' add up to 2^53 or more (the ranks of the "
                        "quantiles would not be exact)", wcol->heading);
    if (size != counts)
        free(size);
    free(counts);
    free(pos);
    free(shift);
    free(buf);
    return st;
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
    size_t *order = NULL;
    effekt_status st = choose(t, opt, targets, &n_targets, &wcol, diag);
    if (st == EFFEKT_OK)
        st = make_groups(t, opt, r, &grouper, &order, diag);
    if (st == EFFEKT_OK) {
        r->n_columns = n_targets;
        r->columns = effekt_calloc(n_targets + 1, sizeof *r->columns);
        r->cells = effekt_calloc(n_targets * r->n_groups + 1, sizeof *r->cells);
        if (!r->columns || !r->cells)
            st = EFFEKT_ENOMEM;
    }
    for (size_t c = 0; c < n_targets && st == EFFEKT_OK; c++)
        if (!(r->columns[c] = copy(name_of(targets[c]))))
            st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK)
        st = summarise(t, opt, targets, n_targets, wcol, grouper, order, &dopt, r, diag);
    effekt_group_destroy(grouper);
    free(targets);
    free(order);
    if (st != EFFEKT_OK) {
        effekt_describe_result_destroy(r);
        return st;
    }
    *out = r;
    return EFFEKT_OK;
}
