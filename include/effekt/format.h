/* effekt/format.h — the output formats (table, CSV, JSON) and how numbers are
 * written in them: for people, and exactly for machines. */
#ifndef EFFEKT_FORMAT_H
#define EFFEKT_FORMAT_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_FORMAT_TABLE = 0,
    EFFEKT_FORMAT_CSV,
    EFFEKT_FORMAT_JSON
} effekt_format;

EFFEKT_API effekt_status effekt_format_parse(const char *name, effekt_format *out);
/* "table", "csv", "json" ("?" for another value), which
 * effekt_format_parse reads. */
EFFEKT_API const char *effekt_format_name(effekt_format format);

/* Format a number for people: whole numbers without decimals, large
 * ones with two, small ones with six significant digits. */
EFFEKT_API void effekt_format_number(double v, char *buf, size_t size);

/* The shortest text that strtod reads back to the same bits (trying 1
 * to 17 significant digits, %g style), for machines: whole numbers below
 * 1e17 as plain integers, their exact value ("100", not "1e+02"), -0 as
 * "0".  size 32 is always enough.  Returns -1 and writes "" when v is not finite. */
EFFEKT_API int effekt_format_exact(double v, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
