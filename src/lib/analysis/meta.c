/* The projects of a table pooled: their estimates built from participant
 * rows (counted by effekt_compare_run, the one counter of events by
 * group), from a row per project with events and n, or from estimates
 * with standard errors; then effekt_meta_pool (stats/meta.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/compare.h"
#include "effekt/group.h"
#include "effekt/meta.h"
#include "lib_alloc.h"

/* Problems of a step run with its own diag, into the caller's: errors
 * always; warnings and notes of the counting are the comparison's (an
 * expected count below 5 says nothing about pooling) and stay out. */
static void copy_errors(effekt_diag *to, const effekt_diag *from)
{
    if (!to)
        return;
    for (size_t i = 0; i < from->n; i++) {
        const effekt_diag_problem *p = &from->items[i];
        if (p->severity != EFFEKT_ERROR)
            continue;
        effekt_diag_add(to, p->severity, p->file, p->line, p->column, p->column_name, p->value, "%s", p->message);
        effekt_diag_hint(to, p->hint);
    }
}

/* Problems of pooling carry no file: give them the table's. */
static void copy_with_source(effekt_diag *to, const effekt_diag *from, const char *source)
{
    if (!to)
        return;
    for (size_t i = 0; i < from->n; i++) {
        const effekt_diag_problem *p = &from->items[i];
        effekt_diag_add(to, p->severity, p->file ? p->file : source, p->line, p->column, p->column_name, p->value,
                        "%s", p->message);
        effekt_diag_hint(to, p->hint);
    }
}

static effekt_status column_error(effekt_diag *diag, const effekt_table *t, effekt_hint hint, const char *name,
                                  const char *what)
{
    if (diag) {
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, name, NULL, "column '%s' %s", name, what);
        effekt_diag_hint(diag, hint);
    }
    return EFFEKT_EINVAL;
}

static const effekt_column *numeric_column(effekt_diag *diag, const effekt_table *t, const char *name,
                                           effekt_hint hint, effekt_status *st)
{
    const effekt_column *c = effekt_table_column(t, name);
    if (!c)
        *st = column_error(diag, t, hint, name, "is not in the file");
    else if (c->type != EFFEKT_TYPE_INTEGER && c->type != EFFEKT_TYPE_NUMBER) {
        char what[128];
        snprintf(what, sizeof what, "is %s (expected numbers)", effekt_type_name(c->type));
        *st = column_error(diag, t, hint, name, what);
        c = NULL;
    }
    return c;
}

/* (a): participants counted by project as effekt compare counts them. */
static effekt_status from_participants(const effekt_table *t, const effekt_meta_options *o, effekt_meta_result **out,
                                       effekt_diag *diag, effekt_diag *pool_diag)
{
    effekt_compare_options co;
    effekt_compare_options_init(&co, EFFEKT_COMPARE_RATES);
    co.by = o->by;
    co.outcome = o->outcome;
    co.pairwise_limit = 0;
    effekt_compare_result *cr = NULL;
    effekt_diag scratch;
    effekt_diag_init(&scratch);
    effekt_status st = effekt_compare_run(t, &co, &cr, &scratch);
    copy_errors(diag, &scratch);
    effekt_diag_clear(&scratch);
    if (st != EFFEKT_OK)
        return st;
    size_t k = 0, left_missing = 0, left_empty = 0;
    double *x = effekt_calloc(cr->n_groups + 1, sizeof *x), *n = effekt_calloc(cr->n_groups + 1, sizeof *n);
    const char **labels = effekt_calloc(cr->n_groups + 1, sizeof *labels);
    if (!x || !n || !labels)
        st = EFFEKT_ENOMEM;
    for (size_t g = 0; st == EFFEKT_OK && g < cr->n_groups; g++) {
        const effekt_compare_group *cg = &cr->groups[g];
        if (cg->missing_group)
            left_missing++;
        else if (cg->n == 0)
            left_empty++;
        else {
            x[k] = cg->events;
            n[k] = (double)cg->n;
            labels[k++] = cg->label;
        }
    }
    if (st == EFFEKT_OK && diag && left_missing)
        effekt_diag_add(diag, EFFEKT_NOTE, t->source, 0, 0, o->by, NULL,
                        "left out: the rows without a value in column '%s'", o->by);
    if (st == EFFEKT_OK && diag && left_empty)
        effekt_diag_add(diag, EFFEKT_NOTE, t->source, 0, 0, o->outcome, NULL,
                        "left out: %zu project(s) without an outcome in column '%s'", left_empty, o->outcome);
    if (st == EFFEKT_OK)
        st = effekt_meta_pool_counts(x, n, k, labels, o, out, pool_diag);
    free(x);
    free(n);
    free(labels);
    effekt_compare_result_destroy(cr);
    return st;
}

/* (b) and (c): a row a project. */
static effekt_status from_rows(const effekt_table *t, const effekt_meta_options *o, effekt_meta_result **out,
                               effekt_diag *diag, effekt_diag *pool_diag)
{
    int counts = o->events != NULL;
    effekt_status st = EFFEKT_OK;
    const effekt_column *a = numeric_column(diag, t, counts ? o->events : o->estimate,
                                            EFFEKT_HINT_NONE, &st);
    const effekt_column *b = numeric_column(diag, t, counts ? o->n : o->se, EFFEKT_HINT_NONE, &st);
    const effekt_column *lab = NULL;
    if (o->by && !(lab = effekt_table_column(t, o->by)))
        st = column_error(diag, t, EFFEKT_HINT_BY, o->by, "is not in the file");
    if (st != EFFEKT_OK)
        return st;
    size_t k = t->n_rows;
    double *x = effekt_calloc(k + 1, sizeof *x), *y = effekt_calloc(k + 1, sizeof *y);
    char **labels = effekt_calloc(k + 1, sizeof *labels);
    if (!x || !y || !labels)
        st = EFFEKT_ENOMEM;
    for (size_t r = 0; st == EFFEKT_OK && r < k; r++) {
        char text[256];
        if (lab)
            effekt_group_value_text(lab, r, text, sizeof text);
        else
            snprintf(text, sizeof text, "line %zu", effekt_table_row_line(t, r));
        if (!(labels[r] = effekt_strdup(text))) {
            st = EFFEKT_ENOMEM;
            break;
        }
        x[r] = a->values[r];
        y[r] = b->values[r];
        const effekt_column *bad = isnan(x[r]) ? a : isnan(y[r]) ? b : NULL;
        const char *why = "a missing value (every project needs both)";
        if (!bad && counts && (x[r] < 0 || y[r] <= 0 || x[r] > y[r])) {
            bad = x[r] < 0 || x[r] > y[r] ? a : b;
            why = "expected 0 <= events <= participants, participants > 0";
        } else if (!bad && !counts && !(y[r] > 0)) {
            bad = b;
            why = "expected a standard error above 0";
        }
        if (bad) {
            if (diag) {
                char v[64];
                snprintf(v, sizeof v, "%g", bad->values[r]);
                effekt_diag_add(diag, EFFEKT_ERROR, t->source, effekt_table_row_line(t, r), bad->index,
                                bad->heading, isnan(bad->values[r]) ? NULL : v, "project '%s': %s in column '%s' (%s)",
                                labels[r], isnan(bad->values[r]) ? "no value" : v, bad->heading, why);
                
            }
            st = EFFEKT_EVALUE;
        }
        if (!counts)
            y[r] *= y[r];   /* the variance */
    }
    if (st == EFFEKT_OK) {
        effekt_meta_options po = *o;
        if (!counts)
            po.measure = EFFEKT_META_ESTIMATE;
        st = counts ? effekt_meta_pool_counts(x, y, k, (const char *const *)labels, &po, out, pool_diag)
                    : effekt_meta_pool(x, y, k, (const char *const *)labels, NULL, NULL, &po, out, pool_diag);
    }
    for (size_t r = 0; labels && r < k; r++)
        free(labels[r]);
    free(labels);
    free(x);
    free(y);
    return st;
}

effekt_status effekt_meta_run(const effekt_table *t, const effekt_meta_options *o, effekt_meta_result **out,
                              effekt_diag *diag)
{
    *out = NULL;
    int forms = (o->outcome != NULL) + (o->events || o->n) + (o->estimate || o->se);
    if (forms != 1 || (o->outcome && !o->by) || (!o->outcome && o->events && !o->n) ||
        (!o->outcome && o->n && !o->events) || (o->estimate && !o->se) || (o->se && !o->estimate)) {
        if (diag)
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, NULL, NULL,
                            "pooling needs one of: projects and an outcome of participants, events and n of "
                            "projects, or estimates and standard errors");
        return EFFEKT_EINVAL;
    }
    effekt_diag pool;
    effekt_diag_init(&pool);
    effekt_status st = o->outcome ? from_participants(t, o, out, diag, &pool) : from_rows(t, o, out, diag, &pool);
    copy_with_source(diag, &pool, t->source);
    effekt_diag_clear(&pool);
    if (st == EFFEKT_OK && t->source && !((*out)->source = effekt_strdup(t->source))) {
        effekt_meta_result_destroy(*out);
        *out = NULL;
        st = EFFEKT_ENOMEM;
    }
    return st;
}
