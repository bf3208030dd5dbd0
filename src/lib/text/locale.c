/* The locales table: how each locale writes numbers, shares and dates.
 * A locale is a row here and a column of the words table (words.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "effekt/locale.h"
#include "effekt/date.h"

static const effekt_locale locales[] = {
    { .name = "en", .language = "English", .decimal_mark = ".", .group_mark = ",", .percent = "%",
      .minus = "\u2212", .date_format = "%Y-%m-%d" },
    { .name = "da", .language = "Danish", .decimal_mark = ",", .group_mark = ".", .percent = " %",
      .minus = "\u2212", .date_format = "%d.%m.%Y" },
    { .name = "sv", .language = "Swedish", .decimal_mark = ",", .group_mark = "\u202f", .percent = "\u00a0%",
      .minus = "\u2212", .date_format = "%Y-%m-%d" },
};

size_t effekt_locale_count(void)
{
    return sizeof locales / sizeof *locales;
}

const effekt_locale *effekt_locale_at(size_t i)
{
    return i < effekt_locale_count() ? &locales[i] : NULL;
}

const effekt_locale *effekt_locale_find(const char *name)
{
    for (size_t i = 0; name && i < effekt_locale_count(); i++)
        if (strcmp(name, locales[i].name) == 0)
            return &locales[i];
    return NULL;
}

/* Append s to out[*o] within size, always leaving room for the NUL. */
static void put(char *out, size_t size, size_t *o, const char *s)
{
    size_t len = strlen(s);
    if (*o + len >= size)
        len = *o + 1 < size ? size - 1 - *o : 0;
    memcpy(out + *o, s, len);
    *o += len;
}

/* Digits grouped by threes from the right with the locale's marks. */
char *effekt_locale_format(const effekt_locale *loc, double v, int decimals, char *buf, size_t size)
{
    if (!loc)
        loc = &locales[0];
    if (size == 0)
        return buf;
    if (isnan(v)) {
        snprintf(buf, size, "\u2013");
        return buf;
    }
    if (isinf(v)) {
        snprintf(buf, size, "%s\u221e", v < 0 ? loc->minus : "");
        return buf;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 15)
        decimals = 15;
    char digits[400];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    /* -0 and values that round to zero print without a sign */
    int negative = v < 0 && strspn(digits, "0.") != strlen(digits);
    const char *point = strchr(digits, '.');
    size_t int_len = point ? (size_t)(point - digits) : strlen(digits);
    size_t o = 0;
    if (negative)
        put(buf, size, &o, loc->minus);
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            put(buf, size, &o, loc->group_mark);
        put(buf, size, &o, (char[2]){ digits[i], 0 });
    }
    if (point) {
        put(buf, size, &o, loc->decimal_mark);
        put(buf, size, &o, point + 1);
    }
    buf[o] = '\0';
    return buf;
}

char *effekt_locale_format_percent(const effekt_locale *loc, double v, int decimals, char *buf, size_t size)
{
    if (!loc)
        loc = &locales[0];
    double p = v * 100;
    if (decimals < 0)
        for (decimals = 0; decimals < 3; decimals++) {
            double s = p * pow(10, decimals);
            if (fabs(s - round(s)) <= 1e-9 * fmax(1, fabs(s)))
                break;
        }
    char num[128];
    effekt_locale_format(loc, p, decimals, num, sizeof num);
    snprintf(buf, size, "%s%s", num, isnan(v) ? "" : loc->percent);
    return buf;
}

/* The ISO text of the day, rearranged by the pattern: no calendar
 * arithmetic of its own (dates.c has it). */
char *effekt_locale_format_date(const effekt_locale *loc, long days, char *buf, size_t size)
{
    if (!loc)
        loc = &locales[0];
    if (size == 0)
        return buf;
    char iso[32];
    effekt_date_format(days, iso);
    const char *dash1 = strchr(iso, '-') ? strchr(iso + 1, '-') : NULL;   /* after the year (which may be negative) */
    char y[16] = "", m[3] = "", d[3] = "";
    if (dash1 && strlen(dash1) == 6) {
        snprintf(y, sizeof y, "%.*s", (int)(dash1 - iso), iso);
        memcpy(m, dash1 + 1, 2);
        memcpy(d, dash1 + 4, 2);
    }
    size_t o = 0;
    for (const char *f = loc->date_format; *f; f++) {
        if (f[0] == '%' && (f[1] == 'Y' || f[1] == 'm' || f[1] == 'd')) {
            put(buf, size, &o, f[1] == 'Y' ? y : f[1] == 'm' ? m : d);
            f++;
        } else {
            put(buf, size, &o, (char[2]){ *f, 0 });
        }
    }
    buf[o] = '\0';
    return buf;
}
