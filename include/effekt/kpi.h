/* effekt/kpi.h — project KPIs as PRODUCT.md defines them.
 *
 * Each KPI is a row of a table (effekt_kpi_definitions): a name, what it
 * divides by what, and whether it is a proportion with a Wilson
 * interval.  A KPI whose inputs are missing or whose denominator is zero
 * is undefined: value NaN and a reason, never 0, inf or NaN shown as a
 * number. */
#ifndef EFFEKT_KPI_H
#define EFFEKT_KPI_H

#include "effekt/export.h"

#include "effekt/diag.h"
#include "effekt/interval.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Why a figure is undefined, as an id with its arguments, so that a
 * chart or report can say it in its locale (effekt_text_kpi_reason in
 * effekt/text.h); the figure's reason is the English sentence. */
typedef enum {
    EFFEKT_REASON_NONE = 0,               /* defined */
    EFFEKT_REASON_NOT_REPORTED,           /* {1} (a column) not reported */
    EFFEKT_REASON_IS_ZERO,                /* {1} is 0 */
    EFFEKT_REASON_END_BEFORE_START,
    EFFEKT_REASON_EXCEEDS,                /* {1} exceeds {2} */
    EFFEKT_REASON_NO_FUNDING,
    EFFEKT_REASON_DURATION_NOT_POOLED,
    EFFEKT_REASON_NO_PROJECT_REPORTS,
    EFFEKT_REASON_POOLED_DENOMINATOR_ZERO,
    EFFEKT_REASON_CURRENCY_NOT_REPORTED,
    EFFEKT_REASON_NO_RATE,                /* no {1} (a currency) rate for {2} (a year) */
    EFFEKT_REASON_NO_RATE_NO_YEAR,        /* no {1} rate, the year of the amounts unknown */
    EFFEKT_REASON_PRICE_YEAR_UNKNOWN,
    EFFEKT_REASON_NO_PRICE_INDEX,         /* no price index for {1} (a year) */
    EFFEKT_REASON_NOT_RESTATED,           /* an amount that cannot be restated */
    EFFEKT_N_REASONS
} effekt_kpi_reason;

/* "not_reported", "is_zero", ...; _parse gives EFFEKT_EINVAL for another
 * name, _name "?" for an id out of range. */
EFFEKT_API effekt_status effekt_kpi_reason_parse(const char *name, effekt_kpi_reason *out);
EFFEKT_API const char *effekt_kpi_reason_name(effekt_kpi_reason r);

typedef struct {
    effekt_kpi_reason id;
    char arg[2][32];  /* column names, currency codes, years: as written */
} effekt_kpi_why;

/* The English sentence of a reason, as the figures' reason and the JSON
 * of effekt kpi give it ("jobs_created not reported"). */
EFFEKT_API void effekt_kpi_why_english(const effekt_kpi_why *why, char *buf, size_t size);

typedef struct {
    double value;     /* NaN when undefined */
    double lower;     /* interval, NaN when there is none */
    double upper;
    char reason[96];  /* why undefined, in English; "" when defined */
    effekt_kpi_why why;   /* the same as an id: EFFEKT_REASON_NONE when defined */
} effekt_kpi_value;

typedef enum {
    EFFEKT_KPI_RATIO,             /* numerator / denominator */
    EFFEKT_KPI_RATE,              /* a proportion of counts, with a Wilson interval */
    EFFEKT_KPI_UNATTRIBUTED,      /* total_cost - reported sources */
    EFFEKT_KPI_UNATTRIBUTED_SHARE,
    EFFEKT_KPI_DURATION,          /* months between start_date and end_date */
    EFFEKT_KPI_MONTHLY_COST       /* total_cost / duration */
} effekt_kpi_kind;

/* "ratio", "rate", "unattributed", "unattributed_share", "duration",
 * "monthly_cost" ("?" for another value); _parse reads them (case
 * ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_kpi_kind_name(effekt_kpi_kind kind);
EFFEKT_API effekt_status effekt_kpi_kind_parse(const char *name, effekt_kpi_kind *out);

typedef struct {
    const char *name;
    effekt_kpi_kind kind;
    const char *numerator;    /* canonical column, for RATIO and RATE */
    const char *denominator;
    const char *unit;         /* "share", "money", "ratio", "months", "money/month" */
    const char *description;
} effekt_kpi_def;

/* Is a KPI an amount of money (restated by currency and price year)? */
EFFEKT_API int effekt_kpi_is_money(const effekt_kpi_def *def);

/* The KPI table, ending with an entry whose name is NULL. */
EFFEKT_API const effekt_kpi_def *effekt_kpi_definitions(void);
EFFEKT_API const effekt_kpi_def *effekt_kpi_find(const char *name);

/* A figure as the sheet keeps it: 32 bytes, not the 190 of an
 * effekt_kpi_value (whose reason text is shared by many figures), so that
 * 100,000 projects of 17 KPIs fit in about 0.6 KB a project.  Read
 * through effekt_kpi_figure. */
typedef struct {
    double value, lower, upper;
    unsigned reason;          /* 0: defined; else 1 + its index in the sheet's reasons */
} effekt_kpi_cell;

/* Owned by itself: every string and array (effekt_kpi_sheet_destroy). */
typedef struct {
    size_t n_projects;
    size_t n_kpis;
    char **project;           /* project_id, or "row N" when the file has none */
    char **name;              /* name column (with no id: the label, effekt_table_label_column) or NULL */
    size_t *line;             /* physical line of each project */
    effekt_kpi_cell *figures; /* n_projects x n_kpis, row-major */
    effekt_kpi_value *reasons;   /* the distinct reasons of the undefined figures (value NaN,
                                 why and reason set), each once */
    size_t n_reasons;
} effekt_kpi_sheet;

/* Every pointer is borrowed: the caller's arrays of one entry per row,
 * read during effekt_kpi_compute and effekt_kpi_group_by. */
typedef struct {
    double confidence;                 /* of the intervals, e.g. 0.95 */
    /* Amounts restated (currency, price year): per row a factor for money
     * KPIs, NaN when it is unknown, with the reason beside it.  NULL: as
     * given. */
    const double *money_factor;
    const char *const *money_reason;
    const effekt_kpi_why *money_why;   /* per row, beside money_reason; may be NULL */
} effekt_kpi_options;

/* Compute every KPI for every row of a project-level table.  Warnings
 * about impossible or inconsistent data (end before start, sources above
 * the total, jobs above participants, retained above jobs, a stated
 * duration or co-financing rate that the figures contradict) go to diag
 * with their line.  The sheet is owned by the caller. */
EFFEKT_API effekt_status effekt_kpi_compute(const effekt_table *table, const effekt_kpi_options *opt,
                                            effekt_kpi_sheet **out, effekt_diag *diag);

/* KPIs pooled over the projects of a group: ratios of sums (sum of costs
 * / sum of jobs, never a mean of ratios), rates with a Wilson interval on
 * the summed counts, and the spread of the project values (R's quantile
 * type 7).  A rate pools the same projects its median sees: not those whose
 * numerator exceeds the denominator. */
typedef struct {
    effekt_kpi_value pooled;
    size_t n_used;            /* projects whose inputs are reported (and pooled) */
    size_t n_impossible;      /* rates only: projects left out of the pool because
                                 their numerator exceeds the denominator (jobs above
                                 participants), as their own rate is undefined */
    double median, q1, q3, min, max;   /* of the defined project values; NaN if none */
} effekt_kpi_pool;

/* Owned by the array effekt_kpi_group_by makes (effekt_kpi_groups_destroy). */
typedef struct {
    char *group;              /* the group's value; "(not reported)" when missing */
    size_t n_projects;
    effekt_kpi_pool *kpi;     /* one per KPI definition */
} effekt_kpi_group;

/* Group the projects by column `by` (canonical name or heading) and pool.
 * *groups (n_groups of them, in order of first appearance) is owned by
 * the caller: effekt_kpi_groups_destroy. */
EFFEKT_API effekt_status effekt_kpi_group_by(const effekt_table *table, const effekt_kpi_sheet *sheet,
                                             const char *by, const effekt_kpi_options *opt,
                                             effekt_kpi_group **groups, size_t *n_groups, effekt_diag *diag);
EFFEKT_API void effekt_kpi_groups_destroy(effekt_kpi_group *groups, size_t n_groups);

/* The name of a fund code of the Danish structural-funds export ("S" is
 * the European Social Fund, "R" the Regional Development Fund), or NULL. */
EFFEKT_API const char *effekt_kpi_fund_name(const char *code);

EFFEKT_API void effekt_kpi_sheet_destroy(effekt_kpi_sheet *sheet);

/* The figure of project p and KPI k, as a value of its own (the sheet
 * keeps figures in 32-byte cells and each distinct reason once). */
EFFEKT_API effekt_kpi_value effekt_kpi_figure(const effekt_kpi_sheet *sheet, size_t p, size_t k);

#ifdef __cplusplus
}
#endif
#endif
