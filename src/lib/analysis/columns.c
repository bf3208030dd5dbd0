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
