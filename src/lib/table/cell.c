/* A cell as text, for labels and group keys. */
#include "config.h"

#include <stdio.h>

#include "effekt/table.h"
#include "effekt/date.h"

void effekt_column_text(const effekt_column *c, size_t row, char *buf, size_t size)
{
    if (size == 0)
        return;
    if (effekt_column_missing(c, row)) {
        snprintf(buf, size, "(missing)");
    } else if (c->type == EFFEKT_TYPE_TEXT) {
        snprintf(buf, size, "%s", effekt_column_string(c, row));
    } else if (c->type == EFFEKT_TYPE_DATE) {
        char d[32];
        effekt_date_format((long)c->values[row], d);
        snprintf(buf, size, "%s", d);
    } else {
        snprintf(buf, size, "%.15g", c->values[row]);
    }
}
