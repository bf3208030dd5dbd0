/* columns.h — the columns an analysis is given, read alike by compare
 * and the inputs of charts: a problem with a column names its role (a
 * hint).  The one reader of an outcome column is effekt/outcome.h.
 * Internal. */
#ifndef EFFEKT_ANALYSIS_COLUMNS_H
#define EFFEKT_ANALYSIS_COLUMNS_H

#include <stddef.h>

#include "effekt/diag.h"
#include "effekt/table.h"

/* An error about column `column` of t given for a role (hint), the
 * message as fmt says; returns st (nothing added when diag is NULL). */
effekt_status effekt_column_problem(effekt_diag *diag, const effekt_table *t, effekt_status st, effekt_hint hint,
                                    const char *column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
