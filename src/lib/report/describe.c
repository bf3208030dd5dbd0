/* The grouped describe of a report's analysis, as effekt describe's rows.
 * Interim: effekt_describe per group over the one grouper; to be replaced
 * by the library's grouped describe (effekt_describe_run) when it lands,
 * with nothing else of the report changing. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/group.h"
#include "effekt/stats.h"
#include "../output/json_figure.h"
#include "report_int.h"

typedef struct {
    const effekt_group *g;
    const effekt_column *by;   /* one numeric grouping column, else NULL */
} order_ctx;

/* Groups in order: by value when one numeric column groups (missing
 * last), else by the text of their keys.  Insertion sort: stable, no
 * global context. */
static int before(const order_ctx *o, size_t a, size_t b)
{
    if (o->by) {
        double u = o->by->values[effekt_group_first_row(o->g, a)], v = o->by->values[effekt_group_first_row(o->g, b)];
        if (isnan(u) != isnan(v))
            return isnan(v);
        return u < v;
    }
    return strcmp(effekt_group_label(o->g, a), effekt_group_label(o->g, b)) < 0;
}

effekt_status report_describe(const effekt_table *t, const char *const *columns, size_t n_columns, const char *by,
                              double confidence, cJSON *rows, effekt_diag *diag)
{
    const effekt_column *bycol = by ? effekt_table_column(t, by) : NULL;
    effekt_status st = EFFEKT_OK;
    for (size_t i = 0; i < n_columns; i++) {
        const effekt_column *c = effekt_table_column(t, columns[i]);
        if (!c) {
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, columns[i], NULL, "no column '%s'", columns[i]);
            st = EFFEKT_EINVAL;
        } else if (c->type != EFFEKT_TYPE_INTEGER && c->type != EFFEKT_TYPE_NUMBER && c->type != EFFEKT_TYPE_EMPTY) {
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, columns[i], NULL,
                            "column '%s' is %s; describe summarises numbers", c->heading, effekt_type_name(c->type));
            st = EFFEKT_EINVAL;
        }
    }
    if (st != EFFEKT_OK)
        return st;
    effekt_group *g = NULL;
    st = effekt_group_create(t, by ? &by : NULL, by ? 1 : 0, &g, diag);
    if (st != EFFEKT_OK) {
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
        return st;
    }
    st = effekt_group_add_all(g);
    size_t k = effekt_group_count(g), n = t->n_rows;
    size_t *order = effekt_calloc(k + 1, sizeof *order), *start = effekt_calloc(k + 2, sizeof *start);
    size_t *fill = effekt_calloc(k + 1, sizeof *fill);
    double *buf = effekt_malloc((n + 1) * sizeof *buf), *work = effekt_malloc((n + 1) * sizeof *work);
    if (st == EFFEKT_OK && (!order || !start || !fill || !buf || !work))
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        order_ctx oc = { .g = g, .by = bycol && bycol->values && bycol->type != EFFEKT_TYPE_TEXT ? bycol : NULL };
        for (size_t i = 0; i < k; i++) {
            size_t j = i;
            for (; j > 0 && before(&oc, i, order[j - 1]); j--)
                order[j] = order[j - 1];
            order[j] = i;
        }
        const size_t *gid = effekt_group_rows(g);
        for (size_t r = 0; r < n; r++)
            start[gid[r] + 1]++;
        for (size_t i = 0; i < k; i++)
            start[i + 1] += start[i];
    }
    for (size_t ci = 0; ci < t->n_columns && st == EFFEKT_OK; ci++) {
        const effekt_column *col = &t->columns[ci];
        int numeric = col->type == EFFEKT_TYPE_INTEGER || col->type == EFFEKT_TYPE_NUMBER || col->type == EFFEKT_TYPE_EMPTY;
        int listed = 0;
        for (size_t i = 0; i < n_columns; i++)
            listed |= col == effekt_table_column(t, columns[i]);
        if (!numeric || (n_columns ? !listed : col == bycol))
            continue;
        const size_t *gid = effekt_group_rows(g);
        memcpy(fill, start, k * sizeof *fill);
        for (size_t r = 0; r < n; r++)
            buf[fill[gid[r]]++] = col->values ? col->values[r] : NAN;
        effekt_describe_options dopt = { .confidence = confidence, .decimals = col->decimals,
                                         .skip = EFFEKT_SKIP_SHAPE | EFFEKT_SKIP_MAD };
        for (size_t oi = 0; oi < k && st == EFFEKT_OK; oi++) {
            size_t gi = order[oi];
            effekt_summary s;
            st = effekt_describe(buf + start[gi], start[gi + 1] - start[gi], &dopt, work, &s);
            if (st != EFFEKT_OK)
                break;
            cJSON *row = cJSON_CreateObject();
            if (!row) {
                st = EFFEKT_ENOMEM;
                break;
            }
            if (bycol)
                cJSON_AddStringToObject(row, bycol->canonical ? bycol->canonical : bycol->heading,
                                        effekt_group_label(g, gi));
            cJSON_AddStringToObject(row, "column", col->canonical ? col->canonical : col->heading);
            effekt_json_number(row, "n", (double)s.n);
            effekt_json_number(row, "missing", (double)s.missing);
            effekt_json_number(row, "mean", s.mean);
            effekt_json_number(row, "sd", s.sd);
            effekt_json_number(row, "ci_lower", s.ci_lower);
            effekt_json_number(row, "ci_upper", s.ci_upper);
            effekt_json_number(row, "q1", s.q1);
            effekt_json_number(row, "median", s.median);
            effekt_json_number(row, "q3", s.q3);
            cJSON_AddItemToArray(rows, row);
        }
    }
    free(order);
    free(start);
    free(fill);
    free(buf);
    free(work);
    effekt_group_destroy(g);
    return st;
}
