/* Calendar arithmetic after H. Hinnant's days_from_civil / civil_from_days,
 * exact over the proleptic Gregorian calendar. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dates.h"

#include "effekt/csv.h"

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

/* Month names and abbreviations as the lists write them, one row per
 * spelling and language (lower case; a spelling shared by languages is
 * listed once, under the first).  Matched case-insensitively in ASCII,
 * a trailing '.' aside. */
static const struct { const char *name; unsigned char month; const char *lang; } month_names[] = {
    { "january", 1, "en" }, { "february", 2, "en" }, { "march", 3, "en" }, { "april", 4, "en" },
    { "may", 5, "en" }, { "june", 6, "en" }, { "july", 7, "en" }, { "august", 8, "en" },
    { "september", 9, "en" }, { "october", 10, "en" }, { "november", 11, "en" }, { "december", 12, "en" },
    { "jan", 1, "en" }, { "feb", 2, "en" }, { "mar", 3, "en" }, { "apr", 4, "en" }, { "jun", 6, "en" },
    { "jul", 7, "en" }, { "aug", 8, "en" }, { "sep", 9, "en" }, { "sept", 9, "en" }, { "oct", 10, "en" },
    { "nov", 11, "en" }, { "dec", 12, "en" },
    /* German (German Excel writes "01. Nov 15", "Mrz 16", "31. Dez 18") */
    { "januar", 1, "de" }, { "jänner", 1, "de" }, { "februar", 2, "de" }, { "märz", 3, "de" },
    { "mai", 5, "de" }, { "juni", 6, "de" }, { "juli", 7, "de" }, { "oktober", 10, "de" },
    { "dezember", 12, "de" }, { "mrz", 3, "de" }, { "mär", 3, "de" }, { "okt", 10, "de" },
    { "dez", 12, "de" },
    /* Danish and Norwegian ("9. september 2019") */
    { "marts", 3, "da" }, { "maj", 5, "da" }, { "mars", 3, "nb" }, { "desember", 12, "nb" },
    { "des", 12, "nb" },
    /* Swedish */
    { "januari", 1, "sv" }, { "februari", 2, "sv" }, { "augusti", 8, "sv" },
    /* Dutch */
    { "maart", 3, "nl" }, { "mei", 5, "nl" }, { "augustus", 8, "nl" }, { "mrt", 3, "nl" },
    /* French */
    { "janvier", 1, "fr" }, { "janv", 1, "fr" }, { "février", 2, "fr" }, { "févr", 2, "fr" },
    { "fevrier", 2, "fr" }, { "avril", 4, "fr" }, { "avr", 4, "fr" }, { "juin", 6, "fr" },
    { "juillet", 7, "fr" }, { "juil", 7, "fr" }, { "août", 8, "fr" }, { "aout", 8, "fr" },
    { "septembre", 9, "fr" }, { "octobre", 10, "fr" }, { "novembre", 11, "fr" },
    { "décembre", 12, "fr" }, { "déc", 12, "fr" },
};

static unsigned month_by_name(const char *s, size_t len)
{
    if (len && s[len - 1] == '.')
        len--;
    for (size_t i = 0; i < sizeof month_names / sizeof *month_names; i++)
        if (strlen(month_names[i].name) == len && strncasecmp(month_names[i].name, s, len) == 0)
            return month_names[i].month;
    return 0;
}

/* A date split into its parts: numbers and words, the marks between
 * them skipped (". - / ," and spaces). */
typedef struct {
    int n;
    char kind[6];           /* 'n' a number, 'w' a word */
    long value[6];
    size_t digits[6];
    const char *text[6];
    size_t len[6];
    char sep[6];            /* the first mark after the part */
    int same_sep;           /* numbers only: one mark, used between every part */
} date_parts;

static int split_parts(const char *s, size_t len, date_parts *p)
{
    size_t i = 0;
    p->n = 0;
    p->same_sep = 1;
    while (i < len) {
        if (p->n == 6)
            return -1;
        int k = p->n;
        size_t start = i;
        if (s[i] >= '0' && s[i] <= '9') {
            long v = 0;
            while (i < len && s[i] >= '0' && s[i] <= '9' && i - start < 5)
                v = v * 10 + (s[i++] - '0');
            if (i < len && s[i] >= '0' && s[i] <= '9')
                return -1;
            p->kind[k] = 'n';
            p->value[k] = v;
            p->digits[k] = i - start;
        } else if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') {
            while (i < len && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || (unsigned char)s[i] >= 0x80))
                i++;
            if (i < len && s[i] == '.')
                i++;   /* "Nov.", "janv." */
            p->kind[k] = 'w';
        } else {
            return -1;
        }
        p->text[k] = s + start;
        p->len[k] = i - start;
        p->sep[k] = 0;
        size_t marks = 0;
        while (i < len && strchr(" .-/,", s[i])) {
            if (!p->sep[k] || p->sep[k] == ' ')
                p->sep[k] = s[i];
            i++;
            marks++;
        }
        if (k >= 2 && p->sep[k - 1] != p->sep[k - 2])
            p->same_sep = 0;
        p->n++;
    }
    return 0;
}

/* A time of day at the end of s ("00:00", "01:17:38", "01:17:38.5",
 * "01:17:38Z", "+02:00"), after a space or 'T': where it starts (the
 * date's end), or len when there is none; -1 when it is malformed. */
static long time_start(const char *s, size_t len, int *nonzero)
{
    const char *colon = memchr(s, ':', len);
    *nonzero = 0;
    if (!colon)
        return (long)len;
    size_t c = (size_t)(colon - s);
    size_t h = c;
    while (h > 0 && s[h - 1] >= '0' && s[h - 1] <= '9')
        h--;
    if (h == 0 || c - h < 1 || c - h > 2 || (s[h - 1] != ' ' && s[h - 1] != 'T'))
        return -1;
    size_t i = h;
    int parts = 0;
    long v[3] = { 0, 0, 0 };
    while (i < len && parts < 3) {
        size_t d0 = i;
        while (i < len && s[i] >= '0' && s[i] <= '9' && i - d0 < 2)
            v[parts] = v[parts] * 10 + (s[i++] - '0');
        if (i == d0)
            return -1;
        parts++;
        if (i < len && s[i] == ':')
            i++;
        else
            break;
    }
    if (parts < 2 || v[0] > 24 || v[1] > 59 || v[2] > 60)
        return -1;
    if (i < len && (s[i] == '.' || s[i] == ',')) {   /* fractions of a second */
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            *nonzero |= s[i] != '0';
            i++;
        }
    }
    if (i < len && s[i] == 'Z')
        i++;
    else if (i < len && (s[i] == '+' || s[i] == '-'))
        for (i++; i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ':'); i++)
            ;
    if (i != len)
        return -1;
    *nonzero |= v[0] || v[1] || v[2];
    size_t end = h - 1;
    while (end > 0 && s[end - 1] == ' ')
        end--;
    return (long)end;
}

enum { WHY_OK, WHY_SHAPE, WHY_TWO_DIGIT, WHY_RANGE };

/* Excel's window for two-digit years: 00-29 are 2000-2029, 30-99 1930-1999. */
static long full_year(long yy)
{
    return yy < 30 ? 2000 + yy : 1900 + yy;
}

static int real_day(long y, long m, long d)
{
    return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, (unsigned)m);
}

/* The parts of a date under `order`: WHY_OK with y, m, d (unchecked) and
 * r's flags, or why not. */
static int date_core(const char *s, size_t len, int order, long *y, long *m, long *d, date_reading *r)
{
    memset(r, 0, sizeof *r);
    long end = time_start(s, len, &r->timed);
    if (end < 0)
        return WHY_SHAPE;
    date_parts p;
    if (end == 0 || split_parts(s, (size_t)end, &p) != 0 || p.n < 2)
        return WHY_SHAPE;
    if (p.sep[p.n - 1] && p.sep[p.n - 1] != '.')
        return WHY_SHAPE;   /* only "Nov 15." may end in a mark */
    int words = 0;
    for (int k = 0; k < p.n; k++)
        words += p.kind[k] == 'w';
    if (words == 0) {
        if (p.n != 3 || !p.same_sep || p.sep[0] == ' ' || p.sep[0] == ',')
            return WHY_SHAPE;
        if (p.digits[0] == 4) {   /* year first: 2019-09-09, 2019/09/09 */
            if (p.digits[1] > 2 || p.digits[2] > 2)
                return WHY_SHAPE;
            *y = p.value[0]; *m = p.value[1]; *d = p.value[2];
            return WHY_OK;
        }
        if (p.digits[0] > 2 || p.digits[1] > 2 || (p.digits[2] != 4 && p.digits[2] != 2))
            return WHY_SHAPE;
        r->sep = p.sep[0];
        long a = p.value[0], b = p.value[1], c = p.value[2];
        if (p.digits[2] == 2) {
            /* 01.03.15: which part is the year, and which century? */
            if (!order)
                return WHY_TWO_DIGIT;
            r->two_digit = 1;
            if (order == 3) {   /* ymd */
                *y = full_year(a); *m = b; *d = c;
            } else {
                *y = full_year(c);
                *m = order == 2 ? a : b;
                *d = order == 2 ? b : a;
            }
            return WHY_OK;
        }
        *y = c;
        if (order == 1 || order == 2) {
            *m = order == 2 ? a : b;
            *d = order == 2 ? b : a;
            return WHY_OK;
        }
        int dmy = real_day(c, b, a), mdy = real_day(c, a, b);
        /* 1/1/2015 is the same day either way: no evidence, no doubt */
        r->fits = a == b ? 0 : (unsigned)(dmy ? DATE_FITS_DMY : 0) | (unsigned)(mdy ? DATE_FITS_MDY : 0);
        if (mdy && a != b)
            r->days_mdy = effekt_date_from_civil(c, (unsigned)a, (unsigned)b);
        if (!dmy && mdy && a != b) {
            *m = a; *d = b;   /* 12/17/2015: only month first gives a day */
        } else {
            *m = b; *d = a;
        }
        return WHY_OK;
    }
    /* a month by name */
    int w = -1;
    for (int k = 0; k < p.n; k++)
        if (p.kind[k] == 'w')
            w = w < 0 ? k : 99;
    if (w > 2)
        return WHY_SHAPE;
    unsigned mon = month_by_name(p.text[w], p.len[w]);
    if (!mon)
        return WHY_SHAPE;
    long day, year;
    size_t ydigits;
    if (p.n == 3 && w == 1 && p.digits[0] <= 2) {          /* 01. Nov 15, 9. september 2019 */
        day = p.value[0]; year = p.value[2]; ydigits = p.digits[2];
    } else if (p.n == 2 && w == 0) {                       /* Mrz 16, Nov 2015 */
        day = 1; year = p.value[1]; ydigits = p.digits[1];
        r->month_only = 1;
    } else if (p.n == 3 && w == 0 && p.digits[1] <= 2 && p.digits[2] == 4) {   /* November 1, 2015 */
        day = p.value[1]; year = p.value[2]; ydigits = 4;
    } else {
        return WHY_SHAPE;
    }
    if (ydigits == 2) {
        year = full_year(year);
        r->two_digit = 1;
    } else if (ydigits != 4) {
        return WHY_SHAPE;
    }
    *y = year; *m = mon; *d = day;
    return WHY_OK;
}

int effekt_date_read(const char *s, size_t len, int order, date_reading *out)
{
    long y, m, d;
    int why = date_core(s, len, order, &y, &m, &d, out);
    if (why == WHY_SHAPE)
        return -1;
    if (why != WHY_OK || !real_day(y, m, d))
        return -2;
    out->days = effekt_date_from_civil(y, (unsigned)m, (unsigned)d);
    return 0;
}

int effekt_date_parse(const char *s, size_t len, long *days)
{
    date_reading r;
    int rc = effekt_date_read(s, len, 0, &r);
    if (rc == 0)
        *days = r.days;
    return rc;
}

void effekt_date_problem_in(const char *s, size_t len, int order, char *buf, size_t size)
{
    static const char *const month_name[] = { "January", "February", "March", "April", "May", "June", "July",
                                              "August", "September", "October", "November", "December" };
    long y, m, d;
    date_reading r;
    int why = date_core(s, len, order, &y, &m, &d, &r);
    if (why == WHY_SHAPE)
        snprintf(buf, size, "not shaped like a date");
    else if (why == WHY_TWO_DIGIT)
        snprintf(buf, size, "a two-digit year: which part is the year, and which century? Write years "
                            "with four digits, or give --date-order dmy|mdy|ymd to read them as Excel "
                            "does, 00-29 as 2000-2029");
    else if (y < 1000)   /* a typo (0999, 0202) more often than a date of the first millennium */
        snprintf(buf, size, "the year %04ld: expected a year from 1000 to 9999", y);
    else if (y > 9999)
        snprintf(buf, size, "the year %ld: expected a year from 1000 to 9999", y);
    else if (m < 1 || m > 12)
        snprintf(buf, size, "no such month %ld: expected a month from 1 to 12", m);
    else if (d < 1)
        snprintf(buf, size, "no such day: day 0, expected a day from 1");
    else if (d > days_in_month(y, (unsigned)m))
        snprintf(buf, size, "no such day: %s %ld has %d days", month_name[m - 1], y, days_in_month(y, (unsigned)m));
    else
        snprintf(buf, size, "a real day");
}

void effekt_date_problem(const char *s, size_t len, char *buf, size_t size)
{
    effekt_date_problem_in(s, len, 0, buf, size);
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

/* The name effekt_csv_date_order_parse (csv.c) reads: "auto", "dmy",
 * "mdy", "ymd"; "?" for another value. */
const char *effekt_csv_date_order_name(effekt_csv_date_order order)
{
    static const char *const names[] = {
        [EFFEKT_DATE_ORDER_AUTO] = "auto", [EFFEKT_DATE_ORDER_DMY] = "dmy",
        [EFFEKT_DATE_ORDER_MDY] = "mdy",   [EFFEKT_DATE_ORDER_YMD] = "ymd",
    };
    return (size_t)order < sizeof names / sizeof *names ? names[order] : "?";
}
