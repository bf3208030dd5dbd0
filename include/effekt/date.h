/* effekt/date.h — calendar dates as days since 1970-01-01 (proleptic
 * Gregorian), the way date columns hold them. */
#ifndef EFFEKT_DATE_H
#define EFFEKT_DATE_H

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Parse s[0..len): ISO 2019-09-09, Danish 09.09.2019 or 09-09-2019 (day
 * and month may have one digit).  EFFEKT_OK and *days; EFFEKT_EPARSE
 * when the text is not shaped like a date; EFFEKT_EVALUE when it is but
 * names no real day (2019-02-30, 13.13.2019) or lies outside the years
 * 1000-9999 (effekt_date_problem says why). */
effekt_status effekt_date_parse(const char *s, size_t len, long *days);

/* Why a date-shaped text names no day, for a message: "no such day:
 * February 2022 has 28 days", ... */
void effekt_date_problem(const char *s, size_t len, char *buf, size_t size);

/* "YYYY-MM-DD" of a day number; out holds 32 bytes. */
void effekt_date_format(long days, char out[32]);

/* The day number of year y, month m (1-12), day d (no checks). */
long effekt_date_from_civil(long y, unsigned m, unsigned d);

/* The calendar year of a day number: the one day -> year conversion. */
long effekt_date_year(long days);

#ifdef __cplusplus
}
#endif
#endif
