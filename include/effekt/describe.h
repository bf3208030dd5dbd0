/* effekt/describe.h — descriptive statistics of a table's numeric
 * columns, overall or per group, as one analysis with a typed result.
 *
 *     effekt_describe_run_options o;
 *     effekt_describe_run_options_init(&o);
 *     o.by = (const char *[]){ "project_id" };
 *     o.n_by = 1;
 *     effekt_describe_result *r;
 *     if (effekt_describe_run(t, &o, &r, &diag) == EFFEKT_OK) {
 *         ... r->cells[c * r->n_groups + g].summary ...
 *         effekt_describe_result_destroy(r);
 *     }
 *
 * Each column is summarised by effekt_stats_describe (effekt/stats.h), or by
 * effekt_stats_describe_weighted with a weight column, or, with partial set,
 * as a mergeable partial summary (effekt/partial.h).  Groups come from
 * the one grouper (effekt/group.h: a missing value is "(missing)") and
 * are put in order: by value when one numeric column groups, else by the
 * text of their values. */
#ifndef EFFEKT_DESCRIBE_H
#define EFFEKT_DESCRIBE_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/partial.h"
#include "effekt/stats.h"
#include "effekt/diag.h"
#include "effekt/json.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The statistics a describe reports, in the order they are written. */
typedef enum {
    EFFEKT_DESCRIBE_N = 0,
    EFFEKT_DESCRIBE_MISSING,
    EFFEKT_DESCRIBE_SUM,
    EFFEKT_DESCRIBE_MEAN,
    EFFEKT_DESCRIBE_SD,
    EFFEKT_DESCRIBE_SE,
    EFFEKT_DESCRIBE_CI,          /* ci_lower and ci_upper */
    EFFEKT_DESCRIBE_MIN,
    EFFEKT_DESCRIBE_Q1,
    EFFEKT_DESCRIBE_MEDIAN,
    EFFEKT_DESCRIBE_Q3,
    EFFEKT_DESCRIBE_MAX,
    EFFEKT_DESCRIBE_IQR,
    EFFEKT_DESCRIBE_MAD,
    EFFEKT_DESCRIBE_SKEWNESS,
    EFFEKT_DESCRIBE_KURTOSIS,
    EFFEKT_DESCRIBE_N_STATS
} effekt_describe_stat;

#define EFFEKT_DESCRIBE_ALL ((1u << EFFEKT_DESCRIBE_N_STATS) - 1)

/* "n", "missing", ..., "kurtosis" (and "count" for n); EFFEKT_EINVAL for
 * another name.  _name gives "?" for a value out of range. */
EFFEKT_API effekt_status effekt_describe_stat_parse(const char *name, effekt_describe_stat *out);
EFFEKT_API const char *effekt_describe_stat_name(effekt_describe_stat s);

/* Every pointer is borrowed: it must live until effekt_describe_run
 * returns (the result copies what it keeps). */
typedef struct {
    const char *const *columns;   /* to describe; NULL/0: every numeric column that is
                                     not a grouping or the weight column */
    size_t n_columns;
    const char *const *by;        /* grouping columns; 0: one group */
    size_t n_by;
    const char *weight;           /* frequency weights (whole numbers >= 0), or NULL */
    double confidence;            /* of the t-interval (0.95) */
    int quantile_type;            /* 1..9; 0 means 7 */
    unsigned stats;               /* bits 1u << effekt_describe_stat: reported (and computed) */
    size_t n_percentiles;
    double percentiles[EFFEKT_MAX_PERCENTILES];   /* in [0, 100], reported as "p90" */
    int partial;                  /* mergeable partial summaries instead (no weight) */
    const char *origin;           /* with partial: what names the data's source in the
                                     partials' ids (e.g. the file's SHA-256); NULL: "-" */
    unsigned threads;             /* at most this many threads (0: one per online processor);
                                     tables under 2^18 rows take one.  The result is the
                                     same, bit for bit, whatever the number. */
} effekt_describe_run_options;

/* Confidence 0.95, type 7, every statistic, no groups, no weight. */
EFFEKT_API void effekt_describe_run_options_init(effekt_describe_run_options *o);

/* One column of one group. */
typedef struct {
    effekt_stats_summary summary;       /* without partial */
    double sum_weights;           /* with a weight: sum of the weights counted; else NaN */
    effekt_partial partial;       /* with partial; owned by the result */
} effekt_describe_cell;

/* Owned by itself: every string and array is freed by
 * effekt_describe_result_destroy; nothing points into the table. */
typedef struct {
    size_t n_columns;
    char **columns;               /* the columns' names (canonical, else heading) */
    size_t n_by;
    char **by;                    /* the grouping columns' names */
    size_t n_groups;
    char **values;                /* [g * n_by + i]: the value of grouping column i in group g */
    effekt_describe_cell *cells;  /* [c * n_groups + g], groups in their order */
    int weighted, partial;
    double confidence;
    int quantile_type;            /* 1..9 */
    unsigned stats;
    size_t n_percentiles;
    double percentiles[EFFEKT_MAX_PERCENTILES];
} effekt_describe_result;

/* Describe t.  Problems go to diag (may be NULL) naming the file, line,
 * column and value: a listed column that is not numeric or not there, a
 * grouping or weight column that is not there, a weight that is not a
 * whole number >= 0 (its cell; nothing is computed), weights adding up to
 * 2^53 or more (EFFEKT_ELIMIT).  EFFEKT_EINVAL for those and for a weight
 * with partial; EFFEKT_ENOMEM.  On success *out is the caller's, to
 * effekt_describe_result_destroy; on failure *out is NULL.  Memory
 * beyond the table and the result: the grouper's row ids, a little per
 * group, and one buffer of a third of the rows' values (weighted: values
 * and weights), or of the largest group when that is bigger. */
EFFEKT_API effekt_status effekt_describe_run(const effekt_table *t, const effekt_describe_run_options *opt,
                                  effekt_describe_result **out, effekt_diag *diag);

EFFEKT_API void effekt_describe_result_destroy(effekt_describe_result *r);

/* ---- JSON (src/lib/output/describe_json.c) ---- */

/* The rows of r, one object per column and group in r's order, appended
 * to the array rows: "file" (when file is not NULL), the grouping values,
 * "column", then "partial" or "sum_weights" (weighted) and the chosen
 * statistics, NaN as null.  EFFEKT_ENOMEM. */
EFFEKT_API effekt_status effekt_describe_json_rows(const effekt_describe_result *r, const char *file, effekt_json *rows);

/* What the document says of the run as a whole, added to doc: with
 * partial, "effekt_partial": "describe 1"; else "confidence" and
 * "quantile_type". */
EFFEKT_API effekt_status effekt_describe_json_settings(const effekt_describe_run_options *opt, effekt_json *doc);

/* The object that says where a cell's data are: the grouping values and
 * "column" (what a partial's id covers besides the data).  New object,
 * the caller's; NULL when out of memory. */
EFFEKT_API effekt_json *effekt_describe_json_where(const effekt_describe_result *r, size_t c, size_t g);

#ifdef __cplusplus
}
#endif
#endif
