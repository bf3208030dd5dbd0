/* The public face of the calendar (io/dates.c keeps the parsing). */
#include "config.h"

#include "effekt/date.h"
#include "io/dates.h"

effekt_status effekt_date_parse(const char *s, size_t len, long *days)
{
    int rc = date_parse(s, len, days);
    return rc == 0 ? EFFEKT_OK : rc == -2 ? EFFEKT_EVALUE : EFFEKT_EPARSE;
}

void effekt_date_problem(const char *s, size_t len, char *buf, size_t size)
{
    date_problem(s, len, buf, size);
}

void effekt_date_format(long days, char out[32])
{
    date_format(days, out);
}

long effekt_date_from_civil(long y, unsigned m, unsigned d)
{
    return date_from_civil(y, m, d);
}

long effekt_date_year(long days)
{
    /* a first guess from the mean year, then the first of January
     * either side decides */
    long y = 1970 + (days >= 0 ? days / 365 : -((-days + 364) / 365));
    while (days < date_from_civil(y, 1, 1))
        y--;
    while (days >= date_from_civil(y + 1, 1, 1))
        y++;
    return y;
}
