/* The typed inputs of the rates and values charts counted from tables:
 * events among trials per group, and values per group, over one table or
 * several (a chart of many files), grouped by the one grouper
 * (effekt/group.h).  The CLI's plot only parses, calls and writes. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "analysis/columns.h"
#include "effekt/outcome.h"
#include "effekt/chart.h"
#include "effekt/group.h"
#include "lib_alloc.h"

/* What a counted input owns besides its public part (which comes first,
 * so the pointer the caller holds is the allocation's). */
typedef struct {
    effekt_chart_rates in;
    effekt_group *groups;
    double *events, *trials;
    char *outcome, *by;
} rates_store;

typedef struct {
    effekt_chart_values in;
    effekt_group *groups;
    double *values;
    size_t *group;
    char *value, *by;
} values_store;

/* The grouper over the tables by `by` (NULL: one group "all"), its
 * missing column hinted as the grouping one. */
static effekt_status grouper(const effekt_table *const *tables, size_t n_tables, const char *by, effekt_group **out,
                             effekt_diag *diag)
{
    size_t from = diag ? diag->n : 0;
    effekt_status st = effekt_group_create_tables(tables, n_tables, &by, by ? 1 : 0, out, diag);
    if (st == EFFEKT_EINVAL && diag && diag->n > from)
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
    return st;
}

static size_t total_rows(const effekt_table *const *tables, size_t n_tables)
{
    size_t total = 0;
    for (size_t i = 0; i < n_tables; i++)
        total += tables[i]->n_rows;
    return total;
}

void effekt_chart_rates_destroy(effekt_chart_rates *in)
{
    rates_store *s = (rates_store *)in;
    if (!s)
        return;
    effekt_group_destroy(s->groups);
    free(s->events);
    free(s->trials);
    free(s->outcome);
    free(s->by);
    free(s);
}

effekt_status effekt_chart_rates_count(const effekt_table *const *tables, size_t n_tables, const char *outcome,
                                       const char *by, effekt_chart_rates **out, effekt_diag *diag)
{
    *out = NULL;
    if (!outcome || !by)
        return EFFEKT_EINVAL;
    rates_store *s = effekt_calloc(1, sizeof *s);
    if (!s)
        return EFFEKT_ENOMEM;
    size_t total = total_rows(tables, n_tables);
    effekt_status st = grouper(tables, n_tables, by, &s->groups, diag);
    if (st == EFFEKT_OK) {
        /* a group per row at the most */
        s->events = effekt_calloc(total + 1, sizeof *s->events);
        s->trials = effekt_calloc(total + 1, sizeof *s->trials);
        s->outcome = effekt_strdup(outcome);
        s->by = effekt_strdup(by);
        if (!s->events || !s->trials || !s->outcome || !s->by)
            st = EFFEKT_ENOMEM;
    }
    for (size_t i = 0; st == EFFEKT_OK && i < n_tables; i++) {
        const effekt_table *t = tables[i];
        const effekt_column *oc = effekt_outcome_column(t, outcome, diag);
        if (!oc) {
            st = EFFEKT_EINVAL;
            break;
        }
        for (size_t r = 0; r < t->n_rows; r++) {
            double v;
            if ((st = effekt_outcome_read(t, oc, r, &v, diag)) != EFFEKT_OK)
                break;
            if (isnan(v))
                continue;   /* no value: not a trial, and no group of its own */
            size_t id;
            if ((st = effekt_group_add_in(s->groups, i, r, &id)) != EFFEKT_OK)
                break;
            s->events[id] += v;
            s->trials[id] += 1;
        }
    }
    if (st != EFFEKT_OK) {
        effekt_chart_rates_destroy(&s->in);
        return st;
    }
    s->in = (effekt_chart_rates){ .outcome = s->outcome, .by = s->by, .n_groups = effekt_group_count(s->groups),
                                  .labels = effekt_group_labels(s->groups), .events = s->events,
                                  .trials = s->trials };
    *out = &s->in;
    return EFFEKT_OK;
}

void effekt_chart_values_destroy(effekt_chart_values *in)
{
    values_store *s = (values_store *)in;
    if (!s)
        return;
    effekt_group_destroy(s->groups);
    free(s->values);
    free(s->group);
    free(s->value);
    free(s->by);
    free(s);
}

effekt_status effekt_chart_values_gather(const effekt_table *const *tables, size_t n_tables, const char *value,
                                         const char *by, effekt_chart_values **out, effekt_diag *diag)
{
    *out = NULL;
    if (!value)
        return EFFEKT_EINVAL;
    values_store *s = effekt_calloc(1, sizeof *s);
    if (!s)
        return EFFEKT_ENOMEM;
    effekt_status st = EFFEKT_OK;
    const effekt_column **cols = effekt_calloc(n_tables + 1, sizeof *cols);
    if (!cols)
        st = EFFEKT_ENOMEM;
    for (size_t i = 0; st == EFFEKT_OK && i < n_tables; i++) {
        const effekt_column *c = effekt_table_column(tables[i], value);
        if (!c)
            st = effekt_column_problem(diag, tables[i], EFFEKT_EINVAL, EFFEKT_HINT_VALUE, value, "no column '%s'",
                                       value);
        else if (!c->values || c->type == EFFEKT_TYPE_TEXT)
            st = effekt_column_problem(diag, tables[i], EFFEKT_EINVAL, EFFEKT_HINT_VALUE, value,
                                       "column '%s' is %s; expected numbers",
                                       value, effekt_type_name(c->type));
        cols[i] = c;
    }
    size_t total = total_rows(tables, n_tables);
    if (st == EFFEKT_OK)
        st = grouper(tables, n_tables, by, &s->groups, diag);
    if (st == EFFEKT_OK) {
        s->values = effekt_malloc((total ? total : 1) * sizeof *s->values);
        s->group = effekt_malloc((total ? total : 1) * sizeof *s->group);
        s->value = effekt_strdup(value);
        s->by = by ? effekt_strdup(by) : NULL;
        if (!s->values || !s->group || !s->value || (by && !s->by))
            st = EFFEKT_ENOMEM;
    }
    size_t n = 0, missing = 0;
    for (size_t i = 0; st == EFFEKT_OK && i < n_tables; i++)
        for (size_t r = 0; r < tables[i]->n_rows; r++) {
            double v = cols[i]->values[r];
            if (isnan(v)) {
                missing++;   /* left out, counted for the chart's words */
                continue;
            }
            if ((st = effekt_group_add_in(s->groups, i, r, &s->group[n])) != EFFEKT_OK)
                break;
            s->values[n++] = v;
        }
    free(cols);
    if (st != EFFEKT_OK) {
        effekt_chart_values_destroy(&s->in);
        return st;
    }
    s->in = (effekt_chart_values){ .value = s->value, .by = s->by, .n = n, .values = s->values, .group = s->group,
                                   .n_groups = effekt_group_count(s->groups),
                                   .labels = effekt_group_labels(s->groups), .missing = missing };
    *out = &s->in;
    return EFFEKT_OK;
}
