/* dates.h — calendar dates as days since 1970-01-01.  Internal. */
#ifndef EFFEKT_IO_DATES_H
#define EFFEKT_IO_DATES_H

#include <stddef.h>

#include "effekt/date.h"

/* Which readings of a date written in numbers with the year last fit. */
enum { DATE_FITS_DMY = 1, DATE_FITS_MDY = 2 };

/* What one value says, beyond its day. */
typedef struct {
    long days;          /* the day under the order asked for (AUTO: day first) */
    long days_mdy;      /* the day read month first, when fits has DATE_FITS_MDY */
    unsigned fits;      /* numbers only, year last: the orders that give a real day
                           (0 for ISO, month names, or a forced order) */
    char sep;           /* the mark between day and month there: '.', '-' or '/' */
    int timed;          /* a time of day other than midnight followed (dropped) */
    int month_only;     /* no day ("Mrz 16"): the first of the month */
    int two_digit;      /* a two-digit year, read as Excel does (00-29: 20xx) */
} date_reading;

/* Read a date: ISO 2019-09-09 (also with a time, "2016-10-14 01:17:38",
 * "2016-10-14T01:17:38Z"); numbers with the year last, 09.09.2019,
 * 1.3.2015, 9-9-2019, 12/17/2015 (also with a time, "01.06.2020 00:00");
 * year first 2019/09/09; a month by name in the languages of the month
 * table (dates.c), "01. Nov 15", "9. september 2019", "01-Jan-2015",
 * "Mrz 16" (month and year), "November 1, 2015".  A two-digit year is
 * read only where its place is certain (after a month name) or the order
 * is given (order: an effekt_csv_date_order, 0 for auto).  Returns 0 and the
 * reading, -1 when the text is not shaped like a date, -2 when it is
 * shaped like one but names no real day (2019-02-30, 13.13.2019), lies
 * outside years 1000-9999 or has a two-digit year that cannot be placed
 * (effekt_date_problem_in says which). */
int effekt_date_read(const char *s, size_t len, int order, date_reading *out);


/* Why a date-shaped text names no day (effekt_date_read gave -2), for a
 * message: "the year 0999: expected a year from 1000 to 9999", "no such
 * month 13: ...", "no such day: February 2022 has 28 days", "a two-digit
 * year: ...". */
void effekt_date_problem_in(const char *s, size_t len, int order, char *buf, size_t size);



#endif
