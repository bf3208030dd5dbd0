/* An event column read as 0/1 (dates: an event when given). */
#include "config.h"

#include <math.h>

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
