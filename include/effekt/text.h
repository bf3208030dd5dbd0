/* effekt/text.h — every word a person reads on a chart or in a report:
 * a table of words, one row per word id with a column per locale
 * (src/lib/text/words.c).  Numbers are written by effekt/locale.h.
 *
 * A word may hold placeholders {1} … {9}, filled by effekt_text_compose
 * with text the caller has already written in the locale (numbers,
 * column names), so that each language puts them where it needs them.
 * Error messages to the terminal are not here: they stay English. */
#ifndef EFFEKT_TEXT_H
#define EFFEKT_TEXT_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/kpi.h"
#include "effekt/locale.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    /* fixed phrases */
    EFFEKT_WORD_NOT_REPORTED = 0,   /* a value that is not there */
    EFFEKT_WORD_ROW,                /* {1}: a line number */
    EFFEKT_WORD_BY,                 /* {1} by {2} */
    EFFEKT_WORD_CAPTION,            /* Source: {1}{2}. Drawn with effekt {3}. */
    EFFEKT_WORD_CAPTION_DATE,       /* ; latest date in the data {1} */
    EFFEKT_WORD_POOLED,             /* reference line label */
    EFFEKT_WORD_POOLED_ROW,         /* the pooled row of a forest of rates */
    EFFEKT_WORD_POOLED_RATIO_ROW,   /* the pooled row of a forest of KPIs */
    /* KPI charts */
    EFFEKT_WORD_KPI_SUBTITLE,       /* {1} formula; {2} projects, {3} not reported */
    EFFEKT_WORD_KPI_SUBTITLE_LEFT_OUT,  /* … {4} with {5} above {6} left out */
    /* rates: forest and funnel */
    EFFEKT_WORD_RATES_SUBTITLE,     /* {1} outcome, {2} level, {3} groups, {4} people */
    EFFEKT_WORD_SHARE_WITH,         /* share with {1} */
    EFFEKT_WORD_LIMITS,             /* {1} limits */
    EFFEKT_WORD_FUNNEL_TITLE,       /* {1} by {2}: funnel plot */
    EFFEKT_WORD_FUNNEL_SUBTITLE,    /* pooled rate {1}; {2} of {3} groups outside {4} */
    EFFEKT_WORD_GROUP_SIZE,
    /* funding */
    EFFEKT_WORD_PART_EU,
    EFFEKT_WORD_PART_NATIONAL,
    EFFEKT_WORD_PART_PRIVATE,
    EFFEKT_WORD_PART_OTHER,
    EFFEKT_WORD_PART_UNATTRIBUTED,
    EFFEKT_WORD_NO_FUNDING,
    EFFEKT_WORD_FUNDING_TITLE,
    EFFEKT_WORD_FUNDING_AMOUNTS,
    EFFEKT_WORD_FUNDING_SHARES,
    EFFEKT_WORD_AMOUNT,
    EFFEKT_WORD_SHARE_OF_TOTAL,
    /* periods */
    EFFEKT_WORD_DATES_NOT_REPORTED,
    EFFEKT_WORD_PERIODS_TITLE,
    EFFEKT_WORD_PERIODS_SUBTITLE,
    EFFEKT_WORD_PLANNED_PERIOD,
    EFFEKT_WORD_EXTENDED_PERIOD,
    /* values: box and histogram */
    EFFEKT_WORD_BOX_SUBTITLE,       /* {1} IQR multiple, {2} values, {3} missing */
    EFFEKT_WORD_HIST_TITLE,         /* Distribution of {1} */
    EFFEKT_WORD_HIST_SUBTITLE,      /* {1} rule, {2} bins, {3} width, {4} values, {5} missing */
    EFFEKT_WORD_RULE_STURGES,       /* the rules of effekt_histogram_rule, in its order */
    EFFEKT_WORD_RULE_SCOTT,
    EFFEKT_WORD_RULE_FD,
    EFFEKT_WORD_COUNT,
    /* scatter */
    EFFEKT_WORD_OLS_LINE,           /* OLS line with {1} interval */
    EFFEKT_WORD_ROWS_MISSING_XY,    /* ; {1} rows missing x or y */
    EFFEKT_WORD_TOO_FEW_POINTS,     /* n = {1}: too few points */
    /* Kaplan–Meier */
    EFFEKT_WORD_TIME_TO_JOB,
    EFFEKT_WORD_RETENTION_TITLE,
    EFFEKT_WORD_KM_SUBTITLE,        /* {1} spells{2}; {3}; ticks: censored */
    EFFEKT_WORD_KM_BY,              /*  by {1} */
    EFFEKT_WORD_KM_BANDS,           /* bands: {1} intervals */
    EFFEKT_WORD_KM_NO_BANDS,
    EFFEKT_WORD_DAYS,
    EFFEKT_WORD_NOT_YET_PLACED,
    EFFEKT_WORD_STILL_EMPLOYED,
    EFFEKT_WORD_NUMBER_AT_RISK,
    /* why a KPI is undefined (effekt_kpi_reason, in its order) */
    EFFEKT_WORD_REASON_NOT_REPORTED,         /* {1} a column */
    EFFEKT_WORD_REASON_IS_ZERO,              /* {1} a column */
    EFFEKT_WORD_REASON_END_BEFORE_START,
    EFFEKT_WORD_REASON_EXCEEDS,              /* {1} exceeds {2}: columns */
    EFFEKT_WORD_REASON_NO_FUNDING,
    EFFEKT_WORD_REASON_DURATION_NOT_POOLED,
    EFFEKT_WORD_REASON_NO_PROJECT_REPORTS,
    EFFEKT_WORD_REASON_POOLED_DENOMINATOR_ZERO,
    EFFEKT_WORD_REASON_CURRENCY_NOT_REPORTED,
    EFFEKT_WORD_REASON_NO_RATE,              /* {1} currency, {2} year */
    EFFEKT_WORD_REASON_NO_RATE_NO_YEAR,      /* {1} currency */
    EFFEKT_WORD_REASON_PRICE_YEAR_UNKNOWN,
    EFFEKT_WORD_REASON_NO_PRICE_INDEX,       /* {1} year */
    EFFEKT_WORD_REASON_NOT_RESTATED,
    /* the report: headings and table headers */
    EFFEKT_WORD_REPORT_KEY_FIGURES,
    EFFEKT_WORD_REPORT_CHARTS,
    EFFEKT_WORD_REPORT_WARNINGS,
    EFFEKT_WORD_REPORT_NO_WARNINGS,
    EFFEKT_WORD_REPORT_METHODS,
    EFFEKT_WORD_REPORT_PROVENANCE,
    EFFEKT_WORD_REPORT_ANALYSIS_OF,    /* {1} type of {2} input */
    EFFEKT_WORD_REPORT_ANALYSIS_OF_BY, /* {1} type of {2} input by {3} */
    EFFEKT_WORD_REPORT_STATISTICS,
    EFFEKT_WORD_REPORT_GROUPS,
    EFFEKT_WORD_REPORT_CURVES,
    EFFEKT_WORD_REPORT_TESTS,
    EFFEKT_WORD_REPORT_PAIRWISE,
    EFFEKT_WORD_REPORT_PROJECT,
    EFFEKT_WORD_REPORT_TOTAL_COST,     /* total cost ({1} currency) */
    EFFEKT_WORD_REPORT_MONTHS,         /* {1} ({2} months) */
    EFFEKT_WORD_REPORT_INPUT,
    EFFEKT_WORD_REPORT_FILE,
    EFFEKT_WORD_REPORT_ROWS,
    EFFEKT_WORD_REPORT_COLUMNS,
    EFFEKT_WORD_REPORT_MISSING_VALUES,
    /* plot bar/forest --top (issue 17) */
    EFFEKT_WORD_TOP_OTHERS,            /* {1} others: their ratio of sums */
    EFFEKT_WORD_TOP_OTHERS_NOT_POOLED, /* {1} others (a KPI that is not pooled) */
    EFFEKT_WORD_TOP_SUBTITLE,          /* {1} the subtitle; {2} shown, {3} in all */
    EFFEKT_N_WORDS                  /* not a word: the number of them */
} effekt_word;

/* The word in the locale (NULL: the first locale).  A cell the locale
 * lacks falls back to English; an id out of range gives "".  The text is
 * static. */
EFFEKT_API const char *effekt_text_word(const effekt_locale *loc, effekt_word w);

/* Whether the locale has its own text for the word (tests: every locale
 * is complete). */
EFFEKT_API int effekt_text_has(const effekt_locale *loc, effekt_word w);

/* The word with {k} replaced by args[k - 1] (k = 1 … n_args; a {k}
 * without an argument stays as it is).  Returns a malloc'd string the
 * caller frees, or NULL when out of memory. */
EFFEKT_API char *effekt_text_compose(const effekt_locale *loc, effekt_word w, size_t n_args, const char *const *args);

/* What a person reads about a KPI, looked up by the KPI's name (see
 * effekt/kpi.h): its title ("Cost per participant"), its formula in
 * words ("total cost / participants") and its unit as an axis label, in
 * which {1} is the currency when the KPI is money ("DKK per
 * participant").  NULL for a KPI the table does not know; a cell the
 * locale lacks falls back to English. */
EFFEKT_API const char *effekt_text_kpi_title(const effekt_locale *loc, const char *kpi);
EFFEKT_API const char *effekt_text_kpi_formula(const effekt_locale *loc, const char *kpi);
EFFEKT_API const char *effekt_text_kpi_unit(const effekt_locale *loc, const char *kpi);

/* Whether every KPI row has the locale's title, formula and unit. */
EFFEKT_API int effekt_text_kpi_complete(const effekt_locale *loc);

/* Why a KPI figure is undefined, in the locale, column names as a
 * reader says them ("deltagere ikke oplyst").  malloc'd, the caller
 * frees it; "" for a defined figure; NULL when out of memory.  (The
 * figure's own reason stays English: the JSON of effekt kpi.) */
EFFEKT_API char *effekt_text_kpi_reason(const effekt_locale *loc, const effekt_kpi_why *why);

/* A column's name as a reader says it ("project_id": "project",
 * "projekt"), for titles and axis labels; the name itself for a column
 * the table does not know.  Never NULL for a non-NULL name. */
EFFEKT_API const char *effekt_text_column(const effekt_locale *loc, const char *column);

/* Whether every column row has the locale's word. */
EFFEKT_API int effekt_text_columns_complete(const effekt_locale *loc);

#ifdef __cplusplus
}
#endif
#endif
