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
    /* regression models and case-mix adjustment (issue 19) */
    EFFEKT_WORD_MODEL_LINEAR,          /* the families as people name them */
    EFFEKT_WORD_MODEL_LOGISTIC,
    EFFEKT_WORD_MODEL_POISSON,
    EFFEKT_WORD_COEF_TITLE,            /* {1} outcome, {2} family word, {3} predictors */
    EFFEKT_WORD_COEF_SUBTITLE,         /* {1} level, {2} people, {3} left out, {4} standard errors */
    EFFEKT_WORD_COEF_LEVEL,            /* {1} column, {2} level, {3} reference level */
    EFFEKT_WORD_SE_MODEL,
    EFFEKT_WORD_SE_HC1,
    EFFEKT_WORD_SE_CLUSTER,            /* {1} clusters */
    EFFEKT_WORD_ODDS_RATIO,
    EFFEKT_WORD_RATE_RATIO,
    EFFEKT_WORD_COEFFICIENT,           /* {1} outcome */
    EFFEKT_WORD_NO_EFFECT,
    EFFEKT_WORD_OE_TITLE,              /* {1} outcome, {2} groups, {3} case-mix columns */
    EFFEKT_WORD_OE_SUBTITLE,           /* {1} method, {2} outside, {3} groups, {4} level */
    EFFEKT_WORD_OE_EXACT,
    EFFEKT_WORD_OE_PHI,                /* {1} phi */
    EFFEKT_WORD_OE_TAU2,               /* {1} tau^2 */
    EFFEKT_WORD_OE_AXIS,
    EFFEKT_WORD_EXPECTED_EVENTS,
    /* meta-analysis and Cox regression (issue 19) */
    EFFEKT_WORD_META_TITLE,            /* {1} outcome, {2} by: pooled */
    EFFEKT_WORD_META_TITLE_ESTIMATE,   /* {1} estimate column, {2} by */
    EFFEKT_WORD_META_SUBTITLE,         /* {1} method, {2} tau^2, {3} I^2, {4} confidence, {5} projects */
    EFFEKT_WORD_META_POOLED_ROW,
    EFFEKT_WORD_META_PREDICTION_ROW,
    EFFEKT_WORD_META_WEIGHT_NOTE,
    /* the document writers (src/lib/doc/): words they add themselves */
    EFFEKT_WORD_DOC_TABLE,             /* Table {1}: a number */
    EFFEKT_WORD_DOC_FIGURE,            /* Figure {1} */
    EFFEKT_WORD_DOC_SECTION,           /* section {1}: a reference in running text */
    EFFEKT_WORD_DOC_CONTENTS,
    EFFEKT_WORD_DOC_PAGE,              /* Page {1} */
    EFFEKT_WORD_DOC_NOTES,             /* the footnotes' heading (HTML) */
    EFFEKT_WORD_DOC_CONTINUED,         /* {1} (continued): a table's caption on its next page */
    EFFEKT_WORD_DOC_BACK,              /* a footnote's link back to the text */
    EFFEKT_WORD_DOC_FOOTNOTE,          /* Footnote {1} */
    /* typography of figures in text and tables (src/lib/text/typeset.c) */
    EFFEKT_WORD_TS_MONTH_1,            /* the months' names as in a date: january … december */
    EFFEKT_WORD_TS_MONTH_2, EFFEKT_WORD_TS_MONTH_3, EFFEKT_WORD_TS_MONTH_4, EFFEKT_WORD_TS_MONTH_5,
    EFFEKT_WORD_TS_MONTH_6, EFFEKT_WORD_TS_MONTH_7, EFFEKT_WORD_TS_MONTH_8, EFFEKT_WORD_TS_MONTH_9,
    EFFEKT_WORD_TS_MONTH_10, EFFEKT_WORD_TS_MONTH_11, EFFEKT_WORD_TS_MONTH_12,
    EFFEKT_WORD_TS_DATE,               /* {1} day, {2} month's name, {3} year */
    EFFEKT_WORD_TS_POINTS,             /* {1} percentage points */
    EFFEKT_WORD_TS_DKK,                /* {1} an amount in kroner */
    EFFEKT_WORD_TS_DKK_MILLION,        /* {1} millions of kroner */
    EFFEKT_WORD_TS_MONEY,              /* {1} an amount, {2} its currency */
    EFFEKT_WORD_TS_MONEY_MILLION,      /* {1} millions, {2} the currency */
    EFFEKT_WORD_TS_UNIT_DKK,           /* kroner as a unit in a header */
    EFFEKT_WORD_TS_UNIT_DKK_MILLION,   /* millions of kroner as a unit */
    EFFEKT_WORD_TS_UNIT_MILLION,       /* {1} currency: millions of it as a unit */
    EFFEKT_WORD_TS_UNIT_MONTHS,        /* months as a unit in a header */
    EFFEKT_WORD_TS_HEADER,             /* {1} a label, {2} its unit: "Cost per participant (DKK)" */
    EFFEKT_WORD_TS_FUND_ESF,           /* the European Social Fund, as readers call it */
    EFFEKT_WORD_TS_FUND_ERDF,          /* the European Regional Development Fund */
    /* the report's content (src/lib/report/: final.c, portfolio.c, sections) */
    EFFEKT_WORD_RP_KIND_FINAL,
    EFFEKT_WORD_RP_KIND_PORTFOLIO,
    EFFEKT_WORD_RP_COVER_PROJECT,
    EFFEKT_WORD_RP_COVER_CLIENT,
    EFFEKT_WORD_RP_COVER_EVALUATOR,
    EFFEKT_WORD_RP_COVER_VERSION,
    EFFEKT_WORD_RP_COVER_SYNTHETIC,
    EFFEKT_WORD_RP_SYNTHETIC_MARK,
    EFFEKT_WORD_RP_SUMMARY,
    EFFEKT_WORD_RP_PROJECT,
    EFFEKT_WORD_RP_ATTAINMENT,
    EFFEKT_WORD_RP_UNIT_COSTS,
    EFFEKT_WORD_RP_PARTICIPANTS,
    EFFEKT_WORD_RP_RESULTS,
    EFFEKT_WORD_RP_COMPARISON,
    EFFEKT_WORD_RP_QUALITY,
    EFFEKT_WORD_RP_METHOD,
    EFFEKT_WORD_RP_ANNEX,
    EFFEKT_WORD_RP_TOTALS,
    EFFEKT_WORD_RP_DISTRIBUTION,
    EFFEKT_WORD_RP_OUTLIERS,
    EFFEKT_WORD_RP_ALL_PROJECTS,
    EFFEKT_WORD_RP_ITEM,
    EFFEKT_WORD_RP_VALUE,
    EFFEKT_WORD_RP_NAME,
    EFFEKT_WORD_RP_OWNER,
    EFFEKT_WORD_RP_REGION,
    EFFEKT_WORD_RP_FUND,
    EFFEKT_WORD_RP_PERIOD,
    EFFEKT_WORD_RP_STATED_DURATION,
    EFFEKT_WORD_RP_MONTHS_N,
    EFFEKT_WORD_RP_BUDGET,
    EFFEKT_WORD_RP_SOURCE,
    EFFEKT_WORD_RP_AMOUNT,
    EFFEKT_WORD_RP_SHARE_PCT,
    EFFEKT_WORD_RP_TOTAL,
    EFFEKT_WORD_RP_INDICATOR,
    EFFEKT_WORD_RP_PLANNED,
    EFFEKT_WORD_RP_ACHIEVED,
    EFFEKT_WORD_RP_ATTAINMENT_PCT,
    EFFEKT_WORD_RP_JOBS,
    EFFEKT_WORD_RP_COMPANIES,
    EFFEKT_WORD_RP_DURATION_MONTHS,
    EFFEKT_WORD_RP_CAP_FACTS,
    EFFEKT_WORD_RP_CAP_FUNDING,
    EFFEKT_WORD_RP_CAP_ATTAINMENT,
    EFFEKT_WORD_RP_CAP_UNIT,
    EFFEKT_WORD_RP_CAP_PROFILE,
    EFFEKT_WORD_RP_CAP_PLACEMENT,
    EFFEKT_WORD_RP_CAP_RETENTION,
    EFFEKT_WORD_RP_CAP_POOLED,
    EFFEKT_WORD_RP_CAP_POOLED_REGION,
    EFFEKT_WORD_RP_CAP_UNDEFINED,
    EFFEKT_WORD_RP_CAP_WARNINGS,
    EFFEKT_WORD_RP_CAP_FILES,
    EFFEKT_WORD_RP_CAP_ALL,
    EFFEKT_WORD_RP_CAP_OUTLIERS,
    EFFEKT_WORD_RP_CAP_RUN,
    EFFEKT_WORD_RP_FIG_KM,
    EFFEKT_WORD_RP_FIG_FUNNEL,
    EFFEKT_WORD_RP_FIG_HIST,
    EFFEKT_WORD_RP_FIG_EU_SHARE_HIST,
    EFFEKT_WORD_RP_FIG_FUNDING,
    EFFEKT_WORD_RP_ALT_CHART,
    EFFEKT_WORD_RP_SOURCE_LINE,
    EFFEKT_WORD_RP_GROUP,
    EFFEKT_WORD_RP_COUNT,
    EFFEKT_WORD_RP_PROJECTS_N,
    EFFEKT_WORD_RP_AGE_BAND,
    EFFEKT_WORD_RP_AGE_UNDER,
    EFFEKT_WORD_RP_AGE_RANGE,
    EFFEKT_WORD_RP_AGE_OVER,
    EFFEKT_WORD_RP_GENDER,
    EFFEKT_WORD_RP_EDUCATION,
    EFFEKT_WORD_RP_ORIGIN,
    EFFEKT_WORD_RP_V_FEMALE,
    EFFEKT_WORD_RP_V_MALE,
    EFFEKT_WORD_RP_V_AFRICA,
    EFFEKT_WORD_RP_V_AMERICAS,
    EFFEKT_WORD_RP_V_ASIA,
    EFFEKT_WORD_RP_V_EU,
    EFFEKT_WORD_RP_V_MIDDLE_EAST,
    EFFEKT_WORD_RP_V_NON_EU,
    EFFEKT_WORD_RP_V_BACHELOR,
    EFFEKT_WORD_RP_V_MASTER,
    EFFEKT_WORD_RP_V_PHD,
    EFFEKT_WORD_RP_V_VOCATIONAL,
    EFFEKT_WORD_RP_PLACED,
    EFFEKT_WORD_RP_PLACEMENT_RATE,
    EFFEKT_WORD_RP_AT_6M,
    EFFEKT_WORD_RP_AT_12M,
    EFFEKT_WORD_RP_STARTED_JOBS,
    EFFEKT_WORD_RP_REASON,
    EFFEKT_WORD_RP_WHERE,
    EFFEKT_WORD_RP_MESSAGE,
    EFFEKT_WORD_RP_FILE,
    EFFEKT_WORD_RP_ROWS,
    EFFEKT_WORD_RP_COLUMNS_READ,
    EFFEKT_WORD_RP_ENCODING,
    EFFEKT_WORD_RP_LINE_N,
    EFFEKT_WORD_RP_NO_WARNINGS,
    EFFEKT_WORD_RP_NO_UNDEFINED,
    EFFEKT_WORD_RP_DERIVED,
    EFFEKT_WORD_RP_SYNTHETIC_LIMIT,
    EFFEKT_WORD_RP_NO_EFFECT,
    EFFEKT_WORD_RP_METHOD_INTRO,
    EFFEKT_WORD_RP_METHOD_WILSON,
    EFFEKT_WORD_RP_METHOD_KM,
    EFFEKT_WORD_RP_METHOD_FUNNEL,
    EFFEKT_WORD_RP_METHOD_POOLED,
    EFFEKT_WORD_RP_GLOSSARY,
    EFFEKT_WORD_RP_TERM_DEF,
    EFFEKT_WORD_RP_RUN_VERSION,
    EFFEKT_WORD_RP_RUN_CONFIDENCE,
    EFFEKT_WORD_RP_RUN_SEED,
    EFFEKT_WORD_RP_RUN_LOCALE,
    EFFEKT_WORD_RP_RUN_NONE,
    EFFEKT_WORD_RP_SUM_JOBS,
    EFFEKT_WORD_RP_SUM_JOBS_ACHIEVED,
    EFFEKT_WORD_RP_SUM_JOBS_NA,
    EFFEKT_WORD_RP_SUM_COST,
    EFFEKT_WORD_RP_SUM_COST_JOB,
    EFFEKT_WORD_RP_SUM_PLACED,
    EFFEKT_WORD_RP_SUM_PLACED_REAL,
    EFFEKT_WORD_RP_SUM_RETAINED,
    EFFEKT_WORD_RP_SUM_PERIOD,
    EFFEKT_WORD_RP_SUM_PORTFOLIO,
    EFFEKT_WORD_RP_SUM_PORTFOLIO_FUNDS,
    EFFEKT_WORD_RP_SUM_FUND_ITEM,
    EFFEKT_WORD_RP_SUM_PORTFOLIO_MISSING,
    EFFEKT_WORD_RP_SUM_OUTLIERS,
    EFFEKT_WORD_RP_SEE,
    EFFEKT_WORD_RP_OUTLIER_RULE,
    EFFEKT_WORD_RP_NO_OUTLIERS,
    EFFEKT_WORD_RP_MISSING_ALL,
    EFFEKT_WORD_RP_MISSING_SOME,
    EFFEKT_WORD_RP_ALL_REPORTED,
    EFFEKT_WORD_RP_PARTICIPANT_INTRO,
    EFFEKT_WORD_RP_NO_PARTICIPANTS,
    EFFEKT_WORD_RP_COMPARISON_INTRO,
    EFFEKT_WORD_RP_THIS_PROJECT,
    EFFEKT_WORD_RP_POOLED_ALL,
    EFFEKT_WORD_RP_NA,
    EFFEKT_WORD_RP_MEDIAN_IQR,
    EFFEKT_WORD_RP_OPTIONS,
    EFFEKT_WORD_RP_SHA,
    EFFEKT_WORD_RP_RESULTS_INTRO,
    EFFEKT_WORD_RP_W_ENCODING,
    EFFEKT_WORD_RP_W_DURATION,
    EFFEKT_WORD_RP_FURTHER,
    EFFEKT_WORD_RP_EU_SHARE_PCT,
    EFFEKT_WORD_RP_SEE_REF,            /* before a reference ending a summary sentence: "; see Table 3." */
    /* plot bar/forest --top (issue 17) */
    EFFEKT_WORD_TOP_OTHERS,            /* {1} others: their ratio of sums */
    EFFEKT_WORD_TOP_OTHERS_NOT_POOLED, /* {1} others (a KPI that is not pooled) */
    EFFEKT_WORD_TOP_SUBTITLE,          /* {1} the subtitle; {2} shown, {3} in all */
    /* fair comparison: case-mix adjusted O/E, random-effects pooling, Cox (src/lib/report/fair.c, issue 19) */
    EFFEKT_WORD_RP_FAIR,
    EFFEKT_WORD_RP_FAIR_INTRO,
    EFFEKT_WORD_RP_FAIR_OE,
    EFFEKT_WORD_RP_FAIR_OE_METHOD,
    EFFEKT_WORD_RP_FAIR_OE_FUNDER,
    EFFEKT_WORD_RP_FAIR_OE_LIMITS,
    EFFEKT_WORD_RP_FAIR_PHI_HIGH,
    EFFEKT_WORD_RP_FAIR_PHI_OK,
    EFFEKT_WORD_RP_FAIR_PHI_WIDENED,
    EFFEKT_WORD_RP_FAIR_CAP_OE,
    EFFEKT_WORD_RP_FAIR_CAP_MODEL,
    EFFEKT_WORD_RP_FAIR_FIG_OE,
    EFFEKT_WORD_RP_FAIR_H_PARTICIPANTS,
    EFFEKT_WORD_RP_FAIR_H_OBSERVED,
    EFFEKT_WORD_RP_FAIR_H_EXPECTED,
    EFFEKT_WORD_RP_FAIR_H_OE,
    EFFEKT_WORD_RP_FAIR_H_FUNNEL,
    EFFEKT_WORD_RP_FAIR_INSIDE,
    EFFEKT_WORD_RP_FAIR_ABOVE,
    EFFEKT_WORD_RP_FAIR_BELOW,
    EFFEKT_WORD_RP_FAIR_H_TERM,
    EFFEKT_WORD_RP_FAIR_H_OR,
    EFFEKT_WORD_RP_FAIR_H_HR,
    EFFEKT_WORD_RP_FAIR_H_P,
    EFFEKT_WORD_RP_FAIR_LEVEL,
    EFFEKT_WORD_RP_FAIR_PER_YEAR,
    EFFEKT_WORD_RP_FAIR_PER_UNIT,
    EFFEKT_WORD_RP_FAIR_MODEL_NOTE,
    EFFEKT_WORD_RP_FAIR_POOL,
    EFFEKT_WORD_RP_FAIR_POOL_METHOD,
    EFFEKT_WORD_RP_FAIR_POOL_FUNDER,
    EFFEKT_WORD_RP_FAIR_POOL_LIMITS,
    EFFEKT_WORD_RP_FAIR_CAP_POOL,
    EFFEKT_WORD_RP_FAIR_FIG_POOL,
    EFFEKT_WORD_RP_FAIR_H_WEIGHT,
    EFFEKT_WORD_RP_FAIR_POOLED_ROW,
    EFFEKT_WORD_RP_FAIR_PREDICTION_ROW,
    EFFEKT_WORD_RP_FAIR_METHOD_REML,
    EFFEKT_WORD_RP_FAIR_METHOD_DL,
    EFFEKT_WORD_RP_FAIR_METHOD_PM,
    EFFEKT_WORD_RP_FAIR_KNHA,
    EFFEKT_WORD_RP_FAIR_COX,
    EFFEKT_WORD_RP_FAIR_COX_METHOD,
    EFFEKT_WORD_RP_FAIR_COX_FUNDER,
    EFFEKT_WORD_RP_FAIR_COX_PH_OK,
    EFFEKT_WORD_RP_FAIR_COX_PH_BAD,
    EFFEKT_WORD_RP_FAIR_COX_LIMITS,
    EFFEKT_WORD_RP_FAIR_CAP_COX,
    EFFEKT_WORD_RP_FAIR_CAP_COX_TESTS,
    EFFEKT_WORD_RP_FAIR_H_TEST,
    EFFEKT_WORD_RP_FAIR_H_CHISQ,
    EFFEKT_WORD_RP_FAIR_H_DF,
    EFFEKT_WORD_RP_FAIR_T_LR,
    EFFEKT_WORD_RP_FAIR_T_WALD,
    EFFEKT_WORD_RP_FAIR_T_SCORE,
    EFFEKT_WORD_RP_FAIR_T_PH,
    EFFEKT_WORD_RP_FAIR_T_PH_GLOBAL,
    EFFEKT_WORD_RP_FAIR_SUM,
    EFFEKT_WORD_RP_FAIR_SUM_OE,
    EFFEKT_WORD_RP_FAIR_SUM_POOL,
    EFFEKT_WORD_RP_FAIR_AND,
    EFFEKT_WORD_RP_FAIR_PHI_WIDENED_ADD,
    /* the report's review (issue 16): the spec's analyses as tables, the
     * language by name, why the portfolio has no funnel */
    EFFEKT_WORD_RV_ANALYSES,
    EFFEKT_WORD_RV_ANALYSES_INTRO,
    EFFEKT_WORD_RV_VARIABLE,
    EFFEKT_WORD_RV_VALUES,
    EFFEKT_WORD_RV_MISSING,
    EFFEKT_WORD_RV_MEAN_CI,
    EFFEKT_WORD_RV_SD,
    EFFEKT_WORD_RV_MEDIAN_Q,
    EFFEKT_WORD_RV_PERSONS,
    EFFEKT_WORD_RV_WITH,
    EFFEKT_WORD_RV_SHARE_CI,
    EFFEKT_WORD_RV_CHISQ,
    EFFEKT_WORD_RV_ENDED,
    EFFEKT_WORD_RV_MEDIAN_DAYS,
    EFFEKT_WORD_RV_AFTER_DAYS,
    EFFEKT_WORD_RV_FROM,
    EFFEKT_WORD_RV_FROM_NOTE,
    EFFEKT_WORD_RV_CAP_DESCRIBE,
    EFFEKT_WORD_RV_CAP_COMPARE,
    EFFEKT_WORD_RV_CAP_RETENTION,
    EFFEKT_WORD_RV_LANG_EN,
    EFFEKT_WORD_RV_LANG_DA,
    EFFEKT_WORD_RV_LANG_SV,
    EFFEKT_WORD_RV_NA_MEDIAN,
    EFFEKT_WORD_RV_NO_FUNNEL,
    EFFEKT_WORD_RV_CAP_UNIT_FUND,
    EFFEKT_WORD_RV_POOLED_SUMS,
    EFFEKT_WORD_RV_RANGE,
    EFFEKT_N_WORDS                  /* not a word: the number of them */
} effekt_text_word_id;

/* The word in the locale (NULL: the first locale).  A cell the locale
 * lacks falls back to English; an id out of range gives "".  The text is
 * static. */
EFFEKT_API const char *effekt_text_word(const effekt_locale *loc, effekt_text_word_id w);

/* Whether the locale has its own text for the word (tests: every locale
 * is complete). */
EFFEKT_API int effekt_text_has(const effekt_locale *loc, effekt_text_word_id w);

/* The word with {k} replaced by args[k - 1] (k = 1 … n_args; a {k}
 * without an argument stays as it is).  Returns a malloc'd string the
 * caller frees, or NULL when out of memory. */
EFFEKT_API char *effekt_text_compose(const effekt_locale *loc, effekt_text_word_id w, size_t n_args, const char *const *args);

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
