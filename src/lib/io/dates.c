/* Calendar arithmetic after H. Hinnant's days_from_civil / civil_from_days,
 * exact over the proleptic Gregorian calendar. */
#include "config.h"

#include <stdio.h>

#include "effekt/date.h"

long effekt_date_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

void effekt_date_format(long days, char out[32])
{
    long y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(out, 32, "%04ld-%02u-%02u", y, m, d);
}

static int days_in_month(long y, unsigned m)
{
    static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dim[m - 1];
}

/* Read 1..max digits; returns digits read. */
static size_t read_int(const char *s, size_t len, size_t max, long *v)
{
    size_t i = 0;
    *v = 0;
    while (i < len && i < max && s[i] >= '0' && s[i] <= '9')
        *v = *v * 10 + (s[i++] - '0');
    return i;
}

/* The year, month and day as written, when s is shaped like a date
 * (values unchecked).  0, or -1 when it is not shaped like one. */
static int date_fields(const char *s, size_t len, long *year, long *month, long *day)
{
    long a, b, c;
    size_t i = read_int(s, len, 4, &a);
    if (i == 4) {
        /* ISO: yyyy-mm-dd */
        if (i >= len || s[i] != '-')
            return -1;
        size_t j = read_int(s + i + 1, len - i - 1, 2, &b);
        if (j == 0 || i + 1 + j >= len || s[i + 1 + j] != '-')
            return -1;
        size_t k0 = i + 1 + j + 1;
        size_t k = read_int(s + k0, len - k0, 2, &c);
        if (k == 0 || k0 + k != len)
            return -1;
        *year = a; *month = b; *day = c;
    } else if (i >= 1 && i <= 2) {
        /* Danish: dd.mm.yyyy or dd-mm-yyyy, the same mark twice */
        if (i >= len || (s[i] != '.' && s[i] != '-'))
            return -1;
        char mark = s[i];
        size_t j = read_int(s + i + 1, len - i - 1, 2, &b);
        if (j == 0 || i + 1 + j >= len || s[i + 1 + j] != mark)
            return -1;
        size_t k0 = i + 1 + j + 1;
        size_t k = read_int(s + k0, len - k0, 4, &c);
        if (k != 4 || k0 + k != len)
            return -1;
        *day = a; *month = b; *year = c;
    } else {
        return -1;
    }
    return 0;
}

int effekt_date_parse(const char *s, size_t len, long *days)
{
    long y, m, d;
    if (date_fields(s, len, &y, &m, &d) != 0)
        return -1;
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, (unsigned)m))
        return -2;
    *days = effekt_date_from_civil(y, (unsigned)m, (unsigned)d);
    return 0;
}

void effekt_date_problem(const char *s, size_t len, char *buf, size_t size)
{
    static const char *const month_name[] = { "January", "February", "March", "April", "May", "June", "July",
                                              "August", "September", "October", "November", "December" };
    long y, m, d;
    if (date_fields(s, len, &y, &m, &d) != 0)
        snprintf(buf, size, "not shaped like a date");
    else if (y < 1000)   /* a typo (0999, 0202) more often than a date of the first millennium */
        snprintf(buf, size, "the year %04ld: expected a year from 1000 to 9999", y);
    else if (m < 1 || m > 12)
        snprintf(buf, size, "no such month %ld: expected a month from 1 to 12", m);
    else if (d < 1)
        snprintf(buf, size, "no such day: day 0, expected a day from 1");
    else if (d > days_in_month(y, (unsigned)m))
        snprintf(buf, size, "no such day: %s %ld has %d days", month_name[m - 1], y, days_in_month(y, (unsigned)m));
    else
        snprintf(buf, size, "a real day");
}

long effekt_date_year(long days)
{
    /* a first guess from the mean year, then the first of January
     * either side decides */
    long y = 1970 + (days >= 0 ? days / 365 : -((-days + 364) / 365));
    while (days < effekt_date_from_civil(y, 1, 1))
        y--;
    while (days >= effekt_date_from_civil(y + 1, 1, 1))
        y++;
    return y;
}
