/* effekt/date.h — calendar dates as day numbers: days since 1970-01-01
 * of the proleptic Gregorian calendar, the value a date column holds
 * (effekt_column.values) and the unit spells are counted in. */
#ifndef EFFEKT_DATE_H
#define EFFEKT_DATE_H

#include "effekt/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Parse ISO 2019-09-09, Danish 09.09.2019 or 09-09-2019 (day and month
 * may have one digit) from s[0..len).  Returns 0 and the day number in
 * *days, -1 when the text is not shaped like a date, -2 when it is shaped
 * like one but names no real day (2019-02-30, 13.13.2019) or lies outside
 * years 1000-9999. */
EFFEKT_API int effekt_date_parse(const char *s, size_t len, long *days);

/* Why a date-shaped text names no day (effekt_date_parse gave -2), for a
 * message, written into buf (size bytes, always NUL-terminated): "the
 * year 0999: expected a year from 1000 to 9999", "no such month 13: ...",
 * "no such day: February 2022 has 28 days". */
EFFEKT_API void effekt_date_problem(const char *s, size_t len, char *buf, size_t size);

/* Days since 1970-01-01 of a proleptic Gregorian date (no checks). */
EFFEKT_API long effekt_date_from_civil(long y, unsigned m, unsigned d);

/* Write "YYYY-MM-DD" and its NUL (11 bytes) into out for a day number. */
EFFEKT_API void effekt_date_format(long days, char out[32]);

/* The calendar year of a day number: the one day -> year conversion. */
EFFEKT_API long effekt_date_year(long days);

#ifdef __cplusplus
}
#endif

#endif
