/* An event column read as 0/1 (dates: an event when given). */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "analysis/columns.h"
#include "effekt/outcome.h"

int effekt_outcome_column_ok(const effekt_column *c)
{
    return c && (c->type == EFFEKT_TYPE_DATE || c->type == EFFEKT_TYPE_BOOLEAN || c->type == EFFEKT_TYPE_INTEGER);
}

double effekt_outcome_value(const effekt_column *c, size_t row)
{
    if (c->type == EFFEKT_TYPE_DATE)
        return effekt_column_missing(c, row) ? 0.0 : 1.0;   /* no date: no event */
    return c->values ? c->values[row] : NAN;
}

const effekt_column *effekt_outcome_column(const effekt_table *t, const char *name, effekt_diag *diag)
{
    const effekt_column *oc = effekt_table_column(t, name);
    if (effekt_outcome_column_ok(oc))
        return oc;
    if (!oc)
        effekt_column_problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_OUTCOME, name, "no column '%s'", name);
    else
        effekt_column_problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_OUTCOME, oc->heading,
                              "column '%s' is %s; an outcome is 0/1, yes/no, or a date (an event when given)",
                              oc->heading, effekt_type_name(oc->type));
    return NULL;
}

effekt_status effekt_outcome_read(const effekt_table *t, const effekt_column *oc, size_t r, double *v,
                                  effekt_diag *diag)
{
    *v = effekt_outcome_value(oc, r);
    if (isnan(*v) || *v == 0 || *v == 1)
        return EFFEKT_OK;
    if (diag) {
        char text[64];
        snprintf(text, sizeof text, "%g", *v);
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, effekt_table_row_line(t, r), oc->index, oc->heading, text,
                        "outcome %g in column '%s' (expected 0 or 1)", *v, oc->heading);
        effekt_diag_hint(diag, EFFEKT_HINT_OUTCOME);
    }
    return EFFEKT_EVALUE;
}
