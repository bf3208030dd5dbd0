/* columns.h — the columns an analysis is given, read alike by compare
 * and the inputs of charts: a problem with a column names its role (a
 * hint), and the one reader of an outcome column (0/1, yes/no, or a
 * date: an event when given).  Internal. */
#ifndef EFFEKT_ANALYSIS_COLUMNS_H
#define EFFEKT_ANALYSIS_COLUMNS_H

#include <stddef.h>

#include "effekt/diag.h"
#include "effekt/table.h"

/* An error about column `column` of t given for a role (hint), the
 * message as fmt says; returns st (nothing added when diag is NULL). */
effekt_status effekt_column_problem(effekt_diag *diag, const effekt_table *t, effekt_status st, effekt_hint hint,
                                    const char *column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The column of t named `name`, when it can be an outcome; else NULL
 * after a problem in diag (may be NULL) naming the table and column,
 * hint EFFEKT_HINT_OUTCOME: not there, or of another type. */
const effekt_column *effekt_outcome_column(const effekt_table *t, const char *name, effekt_diag *diag);

/* Row r's outcome in *v: 1 an event, 0 none, NaN no value (a missing
 * date is no event: 0).  EFFEKT_EVALUE for a number other than 0 and 1,
 * with a problem at its line and column (hint EFFEKT_HINT_OUTCOME). */
effekt_status effekt_outcome_read(const effekt_table *t, const effekt_column *oc, size_t r, double *v,
                                  effekt_diag *diag);

#endif
