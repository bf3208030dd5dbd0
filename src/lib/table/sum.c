/* Rows summed into projects: a list with one row per partner (the
 * Research Council of Norway's EU grants repeat a project number per
 * organisation) becomes one row per project. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/table.h"

/* Open-addressing hash of the key texts: row of first appearance per
 * slot, so that grouping is linear in the rows, not rows x groups. */
static uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603ull;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* A column that is summed: an amount (a canonical money column, or any
 * column whose values or heading carry a currency) or a count of the
 * project (participants, jobs...).  Other numbers (rates, a stated
 * duration, organisation and partner numbers, postcodes) are no sums:
 * they are kept where the rows agree. */
static int summed(const effekt_column *c)
{
    if (c->type != EFFEKT_TYPE_INTEGER && c->type != EFFEKT_TYPE_NUMBER)
        return 0;
    if (c->flags & EFFEKT_COLUMN_PERCENT)
        return 0;
    if (!c->canonical)
        return c->currency || c->row_currency;
    static const char *const sums[] = { "total_cost", "eu_contribution", "national_public", "private_funding",
                                        "other_funding", "participants", "companies", "activities",
                                        "jobs_target", "jobs_created", "retained_6m", "retained_12m", NULL };
    for (const char *const *k = sums; *k; k++)
        if (strcmp(*k, c->canonical) == 0)
            return 1;
    return 0;
}

/* A date column whose first date stands for the project (its start);
 * the others take the last (ends, updates). */
static int first_date(const effekt_column *c)
{
    return c->canonical && strcmp(c->canonical, "start_date") == 0;
}

static void free_columns(effekt_column *cols, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        free(cols[c].heading);
        free(cols[c].values);
        free(cols[c].text);
        free(cols[c].arena);
        free(cols[c].row_currency);
    }
    free(cols);
}

effekt_status effekt_table_sum_by(const effekt_table *t, const char *by, effekt_table **out, effekt_diag *diag)
{
    *out = NULL;
    const effekt_column *key = effekt_table_column(t, by);
    if (!key) {
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, t->header_line, 0, NULL, by,
                        "no column '%s' among the headings to sum the rows by", by);
        return EFFEKT_EINVAL;
    }
    size_t n = t->n_rows, key_index = (size_t)(key - t->columns);
    for (size_t r = 0; r < n; r++)
        if (effekt_column_missing(key, r)) {
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, effekt_table_row_line(t, r), key->index, key->heading,
                            NULL, "row without a '%s' (to sum the rows into projects, every row needs the project it belongs to)",
                            key->heading);
            return EFFEKT_ESCHEMA;
        }
    /* the group of each row, groups in order of first appearance */
    size_t cap = 16;
    while (cap < 2 * (n ? n : 1))
        cap *= 2;
    size_t *slot = effekt_malloc(cap * sizeof *slot), *group_of = effekt_malloc((n ? n : 1) * sizeof *group_of);
    size_t *first_row = effekt_malloc((n ? n : 1) * sizeof *first_row);
    if (!slot || !group_of || !first_row) {
        free(slot);
        free(group_of);
        free(first_row);
        return EFFEKT_ENOMEM;
    }
    for (size_t i = 0; i < cap; i++)
        slot[i] = SIZE_MAX;
    size_t n_groups = 0;
    char buf[64];
    for (size_t r = 0; r < n; r++) {
        const char *v = buf;
        if (key->type == EFFEKT_TYPE_TEXT)
            v = key->text[r];
        else
            effekt_column_text(key, r, buf, sizeof buf);
        size_t h = (size_t)(hash_text(v) & (cap - 1));
        for (;;) {
            if (slot[h] == SIZE_MAX) {
                slot[h] = n_groups;
                first_row[n_groups] = r;
                group_of[r] = n_groups++;
                break;
            }
            char other[64];
            const char *w = other;
            size_t fr = first_row[slot[h]];
            if (key->type == EFFEKT_TYPE_TEXT)
                w = key->text[fr];
            else
                effekt_column_text(key, fr, other, sizeof other);
            if (strcmp(v, w) == 0) {
                group_of[r] = slot[h];
                break;
            }
            h = (h + 1) & (cap - 1);
        }
    }
    free(slot);
    effekt_table *s = effekt_calloc(1, sizeof *s);
    effekt_column *cols = effekt_calloc(t->n_columns ? t->n_columns : 1, sizeof *cols);
    size_t *line = effekt_malloc((n_groups ? n_groups : 1) * sizeof *line);
    size_t *mark = effekt_malloc((n_groups ? n_groups : 1) * sizeof *mark);
    unsigned char *seen = effekt_calloc(n_groups ? n_groups : 1, 1);
    effekt_status st = s && cols && line && mark && seen ? EFFEKT_OK : EFFEKT_ENOMEM;
    size_t n_cols = 0, n_differ = 0, n_summed = 0;
    for (size_t c = 0; c < t->n_columns && st == EFFEKT_OK; c++, n_cols++) {
        const effekt_column *in = &t->columns[c];
        effekt_column *col = &cols[c];
        *col = *in;
        col->values = NULL;
        col->text = NULL;
        col->arena = NULL;
        col->row_currency = NULL;
        col->heading = effekt_strdup(in->heading);
        if (!col->heading) {
            st = EFFEKT_ENOMEM;
            break;
        }
        size_t differ = 0, differ_line = 0;
        memset(seen, 0, n_groups ? n_groups : 1);
        if (in->type == EFFEKT_TYPE_TEXT) {
            /* kept when every row of the project says the same, else missing */
            col->text = effekt_calloc(n_groups ? n_groups : 1, sizeof *col->text);
            if (!col->text) {
                st = EFFEKT_ENOMEM;
                break;
            }
            const char **pick = (const char **)col->text;
            for (size_t r = 0; r < n; r++) {
                size_t g = group_of[r];
                const char *v = in->text[r];
                if (!v)
                    continue;   /* a row that does not say contradicts none */
                if (!seen[g]) {
                    seen[g] = 1;
                    pick[g] = v;
                } else if (seen[g] == 1 && strcmp(v, pick[g]) != 0) {
                    seen[g] = 2;
                    pick[g] = NULL;
                    if (!differ++)
                        differ_line = effekt_table_row_line(t, r);
                }
            }
            size_t len = 0, missing = 0;
            for (size_t g = 0; g < n_groups; g++)
                len += pick[g] ? strlen(pick[g]) + 1 : 0;
            col->arena = effekt_malloc(len ? len : 1);
            if (!col->arena) {
                st = EFFEKT_ENOMEM;
                break;
            }
            char *p = col->arena;
            for (size_t g = 0; g < n_groups; g++) {
                if (!pick[g]) {
                    missing++;
                    continue;
                }
                size_t l = strlen(pick[g]) + 1;
                memcpy(p, pick[g], l);
                col->text[g] = p;
                p += l;
            }
            col->n_missing = missing;
        } else if (in->values) {
            col->values = effekt_malloc((n_groups ? n_groups : 1) * sizeof *col->values);
            if (!col->values) {
                st = EFFEKT_ENOMEM;
                break;
            }
            if (in->row_currency) {
                col->row_currency = effekt_calloc(n_groups ? n_groups : 1, sizeof *col->row_currency);
                if (!col->row_currency) {
                    st = EFFEKT_ENOMEM;
                    break;
                }
            }
            int sum = summed(in);
            n_summed += sum && c != key_index;
            for (size_t g = 0; g < n_groups; g++)
                col->values[g] = NAN;
            for (size_t r = 0; r < n; r++) {
                size_t g = group_of[r];
                double v = in->values[r];
                const char *cur = in->row_currency ? in->row_currency[r] : NULL;
                if (!seen[g]) {
                    seen[g] = 1;
                    col->values[g] = v;
                    if (col->row_currency)
                        col->row_currency[g] = cur;
                    continue;
                }
                if (seen[g] == 2)
                    continue;
                double a = col->values[g];
                if (col->row_currency && !isnan(v) && !isnan(a) && cur != col->row_currency[g]
                    && !(cur && col->row_currency[g] && strcmp(cur, col->row_currency[g]) == 0)) {
                    /* amounts of one project in two currencies: never one sum */
                    seen[g] = 2;
                    col->values[g] = NAN;
                    if (!differ++)
                        differ_line = effekt_table_row_line(t, r);
                    continue;
                }
                if (isnan(v))
                    continue;
                if (isnan(a)) {
                    col->values[g] = v;
                    if (col->row_currency)
                        col->row_currency[g] = cur;
                } else if (in->type == EFFEKT_TYPE_DATE) {
                    col->values[g] = first_date(in) ? fmin(a, v) : fmax(a, v);
                } else if (sum && c != key_index) {
                    col->values[g] = a + v;
                } else if (a != v) {
                    seen[g] = 2;
                    col->values[g] = NAN;
                    if (!differ++)
                        differ_line = effekt_table_row_line(t, r);
                }
            }
            size_t missing = 0;
            for (size_t g = 0; g < n_groups; g++)
                missing += isnan(col->values[g]);
            col->n_missing = missing;
            /* sums are whole when their parts are; a sum of decimals keeps the most decimals */
            if (missing == n_groups && n_groups)
                col->type = EFFEKT_TYPE_EMPTY;
        }
        if (differ)
            n_differ++;
        if (differ)
            effekt_diag_add(diag, EFFEKT_NOTE, t->source, differ_line, in->index, in->heading, NULL,
                            "rows summed by '%s': column '%s' differs within %zu project%s (first at line %zu): "
                            "left empty there",
                            by, in->heading, differ, differ == 1 ? "" : "s", differ_line);
    }
    free(seen);
    if (st != EFFEKT_OK) {
        free_columns(cols, n_cols + (n_cols < t->n_columns));
        free(s);
        free(line);
        free(mark);
        free(group_of);
        free(first_row);
        return st;
    }
    for (size_t g = 0; g < n_groups; g++) {
        line[g] = effekt_table_row_line(t, first_row[g]);
        mark[g] = g;
    }
    s->source = effekt_strdup(t->source);
    if (!s->source) {
        free_columns(cols, n_cols);
        free(s);
        free(line);
        free(mark);
        free(group_of);
        free(first_row);
        return EFFEKT_ENOMEM;
    }
    s->n_rows = n_groups;
    s->n_columns = t->n_columns;
    s->columns = cols;
    s->delimiter = t->delimiter;
    memcpy(s->encoding_name, t->encoding_name, sizeof s->encoding_name);
    s->encoding = t->encoding == t->encoding_name ? s->encoding_name : t->encoding;
    memcpy(s->sha256, t->sha256, sizeof s->sha256);
    s->header_line = t->header_line;
    /* every project at the line of its first row */
    s->n_line_marks = n_groups;
    s->line_mark_row = mark;
    s->line_mark_line = line;
    effekt_diag_add(diag, EFFEKT_NOTE, t->source, t->header_line, key->index, key->heading, NULL,
                    "rows summed by '%s': %zu rows into %zu projects (%zu amount or count column%s summed, "
                    "start dates first, other dates last, text kept where the rows agree)",
                    by, n, n_groups, n_summed, n_summed == 1 ? "" : "s");
    (void)n_differ;
    free(group_of);
    free(first_row);
    *out = s;
    return EFFEKT_OK;
}
