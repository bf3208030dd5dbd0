/* Why a KPI is undefined: one row per reason, with its name, its English
 * sentence (the figures' reason, the JSON's) and its word for people in
 * every locale (effekt/text.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "effekt/kpi.h"
#include "effekt/text.h"
#include "lib_alloc.h"

/* args: which arguments are column names (said as a reader says them) */
enum { ARG_TEXT = 0, ARG_COLUMN = 1 };

static const struct {
    const char *name;
    const char *english;   /* %1$s, %2$s: the arguments */
    effekt_text_word_id word;
    int column[2];
} reasons[EFFEKT_N_REASONS] = {
    [EFFEKT_REASON_NONE] = { "none", "", EFFEKT_N_WORDS, { 0, 0 } },
    [EFFEKT_REASON_NOT_REPORTED] = { "not_reported", "%s not reported", EFFEKT_WORD_REASON_NOT_REPORTED, { ARG_COLUMN, 0 } },
    [EFFEKT_REASON_IS_ZERO] = { "is_zero", "%s is 0", EFFEKT_WORD_REASON_IS_ZERO, { ARG_COLUMN, 0 } },
    [EFFEKT_REASON_END_BEFORE_START] = { "end_before_start", "end_date is before start_date",
                                         EFFEKT_WORD_REASON_END_BEFORE_START, { 0, 0 } },
    [EFFEKT_REASON_EXCEEDS] = { "exceeds", "%s exceeds %s", EFFEKT_WORD_REASON_EXCEEDS, { ARG_COLUMN, ARG_COLUMN } },
    [EFFEKT_REASON_NO_FUNDING] = { "no_funding", "no funding source reported", EFFEKT_WORD_REASON_NO_FUNDING, { 0, 0 } },
    [EFFEKT_REASON_DURATION_NOT_POOLED] = { "duration_not_pooled", "a duration is not pooled (see the median)",
                                            EFFEKT_WORD_REASON_DURATION_NOT_POOLED, { 0, 0 } },
    [EFFEKT_REASON_NO_PROJECT_REPORTS] = { "no_project_reports", "no project reports the inputs",
                                           EFFEKT_WORD_REASON_NO_PROJECT_REPORTS, { 0, 0 } },
    [EFFEKT_REASON_POOLED_DENOMINATOR_ZERO] = { "pooled_denominator_zero", "the pooled denominator is 0",
                                                EFFEKT_WORD_REASON_POOLED_DENOMINATOR_ZERO, { 0, 0 } },
    [EFFEKT_REASON_CURRENCY_NOT_REPORTED] = { "currency_not_reported", "currency not reported",
                                              EFFEKT_WORD_REASON_CURRENCY_NOT_REPORTED, { 0, 0 } },
    /* the English of effekt kpi's JSON since 0.x, advice included: kept
     * as it was (the words for people leave the option out) */
    [EFFEKT_REASON_NO_RATE] = { "no_rate", "no %s rate for %s (--rates gives rates)", EFFEKT_WORD_REASON_NO_RATE, { 0, 0 } },
    [EFFEKT_REASON_NO_RATE_NO_YEAR] = { "no_rate_no_year",
                                        "no %s rate, and the year of the amounts is not known (price_year or start_date)",
                                        EFFEKT_WORD_REASON_NO_RATE_NO_YEAR, { 0, 0 } },
    [EFFEKT_REASON_PRICE_YEAR_UNKNOWN] = { "price_year_unknown", "price year not known (no price_year or start_date)",
                                           EFFEKT_WORD_REASON_PRICE_YEAR_UNKNOWN, { 0, 0 } },
    [EFFEKT_REASON_NO_PRICE_INDEX] = { "no_price_index", "no price index for %s in the deflator",
                                       EFFEKT_WORD_REASON_NO_PRICE_INDEX, { 0, 0 } },
    [EFFEKT_REASON_NOT_RESTATED] = { "not_restated", "amount cannot be restated", EFFEKT_WORD_REASON_NOT_RESTATED, { 0, 0 } },
};

effekt_status effekt_kpi_reason_parse(const char *name, effekt_kpi_reason *out)
{
    for (int i = 0; name && i < EFFEKT_N_REASONS; i++)
        if (strcmp(reasons[i].name, name) == 0) {
            *out = (effekt_kpi_reason)i;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_kpi_reason_name(effekt_kpi_reason r)
{
    return (int)r >= 0 && r < EFFEKT_N_REASONS ? reasons[r].name : "?";
}

void effekt_kpi_why_english(const effekt_kpi_why *why, char *buf, size_t size)
{
    if ((int)why->id < 0 || why->id >= EFFEKT_N_REASONS) {
        snprintf(buf, size, "%s", "");
        return;
    }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    /* the formats are the table's, with at most two %s */
    snprintf(buf, size, reasons[why->id].english, why->arg[0], why->arg[1]);
#pragma GCC diagnostic pop
}

char *effekt_text_kpi_reason(const effekt_locale *loc, const effekt_kpi_why *why)
{
    if ((int)why->id <= 0 || why->id >= EFFEKT_N_REASONS) {
        char *empty = effekt_malloc(1);
        if (empty)
            *empty = '\0';
        return empty;
    }
    const char *args[2];
    for (int i = 0; i < 2; i++)
        args[i] = reasons[why->id].column[i] == ARG_COLUMN ? effekt_text_column(loc, why->arg[i]) : why->arg[i];
    return effekt_text_compose(loc, reasons[why->id].word, 2, args);
}
