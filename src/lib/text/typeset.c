/* Figures as a publication writes them (effekt/typeset.h): the pieces
 * come from the locale (numbers) and the words table (units, months,
 * funds); this file only puts them together. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/date.h"
#include "effekt/kpi.h"
#include "effekt/text.h"
#include "effekt/typeset.h"

/* The word with its placeholders filled, into buf (cut to size). */
static char *compose(const effekt_locale *loc, effekt_text_word_id w, size_t n, const char *const *args, char *buf,
                     size_t size)
{
    char *s = effekt_text_compose(loc, w, n, args);
    snprintf(buf, size, "%s", s ? s : "");
    free(s);
    return buf;
}

char *effekt_typeset_share_interval(const effekt_locale *loc, double v, double lower, double upper, int decimals,
                                    char *buf, size_t size)
{
    char e[64], lo[64], hi[64];
    effekt_locale_format_percent(loc, v, decimals, e, sizeof e);
    if (isnan(v) || isnan(lower) || isnan(upper)) {
        snprintf(buf, size, "%s", e);
        return buf;
    }
    effekt_locale_format(loc, lower * 100, decimals, lo, sizeof lo);
    effekt_locale_format(loc, upper * 100, decimals, hi, sizeof hi);
    snprintf(buf, size, "%s (%s\u2013%s)", e, lo, hi);
    return buf;
}

char *effekt_typeset_interval(const effekt_locale *loc, double v, double lower, double upper, int decimals,
                              char *buf, size_t size)
{
    char e[64], lo[64], hi[64];
    effekt_locale_format(loc, v, decimals, e, sizeof e);
    if (isnan(v) || isnan(lower) || isnan(upper)) {
        snprintf(buf, size, "%s", e);
        return buf;
    }
    effekt_locale_format(loc, lower, decimals, lo, sizeof lo);
    effekt_locale_format(loc, upper, decimals, hi, sizeof hi);
    /* a negative bound already starts with a minus sign: spaces keep the
     * dash from reading as a second minus */
    snprintf(buf, size, lower < 0 || upper < 0 ? "%s (%s \u2013 %s)" : "%s (%s\u2013%s)", e, lo, hi);
    return buf;
}

char *effekt_typeset_p(const effekt_locale *loc, double p, char *buf, size_t size)
{
    char num[64];
    if (isnan(p)) {
        snprintf(buf, size, "\u2013");
    } else if (p < 0.001) {
        effekt_locale_format(loc, 0.001, 3, num, sizeof num);
        snprintf(buf, size, "<\u00a0%s", num);
    } else {
        /* 0.0009995 and up would round to 0.001 and read as the limit */
        effekt_locale_format(loc, p > 1 ? 1 : p, 3, num, sizeof num);
        snprintf(buf, size, "%s", num);
    }
    return buf;
}

char *effekt_typeset_points(const effekt_locale *loc, double difference, int decimals, char *buf, size_t size)
{
    char num[64], signed_num[72];
    effekt_locale_format(loc, difference * 100, decimals, num, sizeof num);
    /* a plus for a rise, the locale's minus (already in num) for a fall, none for zero */
    int zero = strspn(num, "0.,") == strlen(num);
    snprintf(signed_num, sizeof signed_num, "%s%s", difference > 0 && !zero && !isnan(difference) ? "+" : "", num);
    const char *args[] = { signed_num };
    return compose(loc, EFFEKT_WORD_TS_POINTS, 1, args, buf, size);
}

static int is_dkk(const char *currency)
{
    return currency && strcasecmp(currency, "DKK") == 0;
}

char *effekt_typeset_money(const effekt_locale *loc, double v, const char *currency, char *buf, size_t size)
{
    char num[64];
    int millions = fabs(v) >= 10e6;
    effekt_locale_format(loc, millions ? v / 1e6 : v, millions ? 1 : 0, num, sizeof num);
    if (!currency || isnan(v)) {
        snprintf(buf, size, "%s", num);
        return buf;
    }
    const char *args[] = { num, currency };
    if (is_dkk(currency))
        return compose(loc, millions ? EFFEKT_WORD_TS_DKK_MILLION : EFFEKT_WORD_TS_DKK, 1, args, buf, size);
    return compose(loc, millions ? EFFEKT_WORD_TS_MONEY_MILLION : EFFEKT_WORD_TS_MONEY, 2, args, buf, size);
}

char *effekt_typeset_money_unit(const effekt_locale *loc, const char *currency, int millions, char *buf, size_t size)
{
    if (!currency || is_dkk(currency)) {
        snprintf(buf, size, "%s",
                 effekt_text_word(loc, millions ? EFFEKT_WORD_TS_UNIT_DKK_MILLION : EFFEKT_WORD_TS_UNIT_DKK));
        return buf;
    }
    if (!millions) {
        snprintf(buf, size, "%s", currency);
        return buf;
    }
    const char *args[] = { currency };
    return compose(loc, EFFEKT_WORD_TS_UNIT_MILLION, 1, args, buf, size);
}

char *effekt_typeset_date(const effekt_locale *loc, long days, char *buf, size_t size)
{
    char iso[32], day[8], year[16];
    effekt_date_format(days, iso);
    /* iso is [-]YYYY-MM-DD: the month and day are the last five characters */
    size_t len = strlen(iso);
    if (len < 10) {
        snprintf(buf, size, "%s", iso);
        return buf;
    }
    int m = atoi(iso + len - 5), d = atoi(iso + len - 2);
    snprintf(day, sizeof day, "%d", d);
    snprintf(year, sizeof year, "%.*s", (int)(len - 6), iso);
    if (m < 1 || m > 12) {
        snprintf(buf, size, "%s", iso);
        return buf;
    }
    const char *args[] = { day, effekt_text_word(loc, (effekt_text_word_id)(EFFEKT_WORD_TS_MONTH_1 + m - 1)), year };
    return compose(loc, EFFEKT_WORD_TS_DATE, 3, args, buf, size);
}

char *effekt_typeset_range(const char *from, const char *to, char *buf, size_t size)
{
    /* a no-break space counts as a space: "9. september 2019" is several
     * words; an ISO date's hyphens would run into the dash */
    int spaced = strpbrk(from, " -") || strpbrk(to, " -") || strstr(from, "\u00a0") || strstr(to, "\u00a0");
    snprintf(buf, size, spaced ? "%s \u2013 %s" : "%s\u2013%s", from, to);
    return buf;
}

int effekt_typeset_decimals(const double *values, size_t n)
{
    double big = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(values[i]) && fabs(values[i]) > big)
            big = fabs(values[i]);
    return big >= 100 ? 0 : big >= 10 ? 1 : big >= 1 ? 2 : 3;
}

char *effekt_typeset_kpi_header(const effekt_locale *loc, const char *kpi, const char *currency, int millions,
                                char *buf, size_t size)
{
    const effekt_kpi_def *def = effekt_kpi_find(kpi);
    const char *title = effekt_text_kpi_title(loc, kpi);
    if (!def || !title) {
        snprintf(buf, size, "%s", kpi);
        return buf;
    }
    char unit[64] = "";
    if (effekt_kpi_is_money(def))
        effekt_typeset_money_unit(loc, currency, millions, unit, sizeof unit);
    else if (strcmp(def->unit, "share") == 0 || strcmp(def->name, "target_attainment") == 0)
        snprintf(unit, sizeof unit, "%%");
    else if (strcmp(def->unit, "months") == 0)
        snprintf(unit, sizeof unit, "%s", effekt_text_word(loc, EFFEKT_WORD_TS_UNIT_MONTHS));
    if (!*unit) {
        snprintf(buf, size, "%s", title);
        return buf;
    }
    const char *args[] = { title, unit };
    return compose(loc, EFFEKT_WORD_TS_HEADER, 2, args, buf, size);
}

const char *effekt_typeset_fund(const effekt_locale *loc, const char *code)
{
    static const char *const social[] = { "S", "ESF", "Socialfonden", "European Social Fund" };
    static const char *const regional[] = { "R", "ERDF", "EFRU", "Regionalfonden",
                                            "European Regional Development Fund" };
    if (!code)
        return NULL;
    for (size_t i = 0; i < sizeof social / sizeof *social; i++)
        if (strcasecmp(code, social[i]) == 0)
            return effekt_text_word(loc, EFFEKT_WORD_TS_FUND_ESF);
    for (size_t i = 0; i < sizeof regional / sizeof *regional; i++)
        if (strcasecmp(code, regional[i]) == 0)
            return effekt_text_word(loc, EFFEKT_WORD_TS_FUND_ERDF);
    return code;
}
