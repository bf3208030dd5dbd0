/* dates.h — calendar dates as days since 1970-01-01.  Internal. */
#ifndef EFFEKT_IO_DATES_H
#define EFFEKT_IO_DATES_H

#include <stddef.h>

/* Parse ISO 2019-09-09, Danish 09.09.2019 or 09-09-2019 (day and month
 * may have one digit).  Returns 0 and the day number, -1 when the text
 * is not shaped like a date, -2 when it is shaped like one but names no
 * real day (2019-02-30, 13.13.2019) or lies outside years 1000-9999. */
int date_parse(const char *s, size_t len, long *days);

/* Why a date-shaped text names no day (date_parse gave -2), for a
 * message: "the year 0999: expected a year from 1000 to 9999", "no such
 * month 13: ...", "no such day: February 2022 has 28 days". */
void date_problem(const char *s, size_t len, char *buf, size_t size);

/* Days since 1970-01-01 of a proleptic Gregorian date (no checks). */
long date_from_civil(long y, unsigned m, unsigned d);

/* Write "YYYY-MM-DD" (11 bytes with the NUL) for a day number. */
void date_format(long days, char out[32]);

#endif
