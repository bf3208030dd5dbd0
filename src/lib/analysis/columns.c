/* The columns an analysis is given (columns.h). */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "analysis/columns.h"

effekt_status effekt_column_problem(effekt_diag *diag, const effekt_table *t, effekt_status st, effekt_hint hint,
                                    const char *column, const char *fmt, ...)
{
    if (!diag)
        return st;
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, column, NULL, "%s", text);
    effekt_diag_hint(diag, hint);
    return st;
}

const effekt_column *effekt_outcome_column(const effekt_table *t, const char *name, effekt_diag *diag)
{
    const effekt_column *oc = effekt_table_column(t, name);
    if (oc && (oc->type == EFFEKT_TYPE_DATE || oc->type == EFFEKT_TYPE_BOOLEAN || oc->type == EFFEKT_TYPE_INTEGER))
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
    if (oc->type == EFFEKT_TYPE_DATE) {
        *v = effekt_column_missing(oc, r) ? 0 : 1;
        return EFFEKT_OK;
    }
    *v = oc->values[r];
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
