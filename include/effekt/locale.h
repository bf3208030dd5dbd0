/* effekt/locale.h — how numbers, shares and dates are written for a
 * reader: one row per locale in a table (src/lib/text/locale.c).  The
 * words of a locale are in effekt/text.h.  All text is UTF-8.
 *
 * To add a locale, add its row here (locale.c) and its column to the
 * words table (words.c); nothing else names a locale. */
#ifndef EFFEKT_LOCALE_H
#define EFFEKT_LOCALE_H

#include "effekt/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One row of the locales table.  Every string is static and UTF-8. */
typedef struct {
    const char *name;          /* "en", "da", …: the --locale and spec name */
    const char *language;      /* in English, for --help: "English" */
    const char *decimal_mark;  /* "." or "," */
    const char *group_mark;    /* between groups of three digits: ",", ".", a narrow no-break space */
    const char *percent;       /* written after the number: "%", " %", "\u00a0%" */
    const char *minus;         /* before a negative number: "\u2212" (typeset minus) */
    const char *date_format;   /* a date: %Y, %m, %d (two digits) and literal text */
} effekt_locale;

/* The locale of that name; NULL for a name not in the table. */
EFFEKT_API const effekt_locale *effekt_locale_find(const char *name);

/* The number of locales, and the i-th (NULL past the end), in the
 * table's order: the first is English, the default. */
EFFEKT_API size_t effekt_locale_count(void);
EFFEKT_API const effekt_locale *effekt_locale_at(size_t i);

/* v with `decimals` decimals, thousands grouped, in the locale (NULL:
 * the first); "–" for NaN, "∞" with its sign for infinities.  Writes at
 * most size bytes (with the NUL) into buf and returns buf. */
EFFEKT_API char *effekt_locale_format(const effekt_locale *loc, double v, int decimals, char *buf, size_t size);

/* v as a share in the locale: v * 100 with `decimals` decimals and the
 * locale's percent sign ("48.4%", "48,4 %").  decimals < 0: as few as
 * show v * 100 exactly, at most 3 ("95%", "99.8%").  Returns buf. */
EFFEKT_API char *effekt_locale_format_percent(const effekt_locale *loc, double v, int decimals, char *buf, size_t size);

/* The day `days` since 1970-01-01 in the locale's date format.  Returns
 * buf. */
EFFEKT_API char *effekt_locale_format_date(const effekt_locale *loc, long days, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
