/* effekt/outcome.h — an event column read as 0/1: a 0/1 or yes/no
 * column, or a date column (an event when a date is given, as
 * placed_date), the way every analysis of rates reads it. */
#ifndef EFFEKT_OUTCOME_H
#define EFFEKT_OUTCOME_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/diag.h"
#include "effekt/status.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Whether c can be an outcome: a date, boolean or integer column. */
EFFEKT_API int effekt_outcome_column_ok(const effekt_column *c);

/* The outcome of row: 1 or 0; a date column gives 1 when a date is
 * given and 0 when not (never missing); else the value, NaN when
 * missing (a value other than 0/1 is returned as it is: the caller
 * says it is not an outcome). */
EFFEKT_API double effekt_outcome_value(const effekt_column *c, size_t row);

/* The column of t named `name`, when it can be an outcome; else NULL
 * after a problem in diag (may be NULL) naming the table and column,
 * hint EFFEKT_HINT_OUTCOME: not there, or of another type. */
EFFEKT_API const effekt_column *effekt_outcome_column(const effekt_table *t, const char *name, effekt_diag *diag);

/* Row r's outcome in *v: 1 an event, 0 none, NaN no value (a missing
 * date is no event: 0).  EFFEKT_EVALUE for a number other than 0 and 1,
 * with a problem at its line and column (hint EFFEKT_HINT_OUTCOME). */
EFFEKT_API effekt_status effekt_outcome_read(const effekt_table *t, const effekt_column *oc, size_t r, double *v,
                                             effekt_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
