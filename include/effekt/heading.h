/* effekt/heading.h — headings as people write them: units, footnote marks,
 * bilingual halves, and the key they are matched by. */
#ifndef EFFEKT_HEADING_H
#define EFFEKT_HEADING_H

#include "effekt/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A unit stated in a heading: "£m", "mio. kr.", "(in 1.000 EUR)",
 * "tkr.", "(%)".  A bracketed part is a unit only when all of it is:
 * "Program (H2020)" has none. */
typedef struct {
    double scale;           /* 1, 1e3 or 1e6 */
    const char *currency;   /* "EUR", "GBP", ... (static) or NULL */
    int percent;
    int plain;              /* internal: a unit of time or count, "(måneder)" */
    char text[32];          /* the unit as the heading writes it (folded) */
} effekt_heading_unit_info;

/* The unit in a heading.  Returns 1 when it has one, else 0 (and *unit
 * is scale 1, no currency). */
EFFEKT_API int effekt_heading_unit(const char *heading, effekt_heading_unit_info *unit);

/* Does `name` (as a user typed it) name the column headed `heading`?  The
 * same after case folding and spacing, or after dropping footnote marks
 * and units, whole or by one part of a bilingual heading. */
EFFEKT_API int effekt_heading_same(const char *heading, const char *name);

/* The key a heading is matched by (folded, no footnote mark, no unit)
 * into out (size bytes); returns its length, 0 when it does not fit. */
EFFEKT_API size_t effekt_heading_normalise(const char *heading, char *out, size_t size);

#ifdef __cplusplus
}
#endif
#endif
