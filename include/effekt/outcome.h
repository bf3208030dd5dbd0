/* effekt/outcome.h — an event column read as 0/1: a 0/1 or yes/no
 * column, or a date column (an event when a date is given, as
 * placed_date), the way every analysis of rates reads it. */
#ifndef EFFEKT_OUTCOME_H
#define EFFEKT_OUTCOME_H

#include "effekt/export.h"

#include <stddef.h>

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

#ifdef __cplusplus
}
#endif
#endif
