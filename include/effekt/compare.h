/* effekt/compare.h — the groups of a table compared: rates (intervals,
 * chi-square and Fisher tests, differences and ratios), values (Welch,
 * Mann-Whitney, Hedges' g) or a ratio of sums (bootstrap), with their
 * pairs and adjusted p-values, as one analysis with a typed result.  The
 * statistics it uses are modules of their own: interval.h, test.h,
 * risk.h, adjust.h, binomial.h, bootstrap.h. */
#ifndef EFFEKT_COMPARE_H
#define EFFEKT_COMPARE_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/adjust.h"
#include "effekt/diag.h"
#include "effekt/json.h"
#include "effekt/interval.h"
#include "effekt/progress.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the analysis: groups of a table compared ---- */

/* A number with its interval, or why it is undefined.  reason (static
 * text, or NULL) is shown when value is NaN, and also beside a defined
 * value when set (a ratio without its interval). */
typedef struct {
    double value, lower, upper;   /* NaN when undefined / without interval */
    const char *reason;
} effekt_compare_figure;

typedef enum {
    EFFEKT_COMPARE_RATES = 0,   /* an event (0/1, yes/no, a date given) by group */
    EFFEKT_COMPARE_VALUES,      /* a number by group */
    EFFEKT_COMPARE_RATIO        /* sum(numerator) / sum(denominator) by group, bootstrap */
} effekt_compare_kind;

/* "rates", "values", "ratio". */
EFFEKT_API effekt_status effekt_compare_kind_parse(const char *name, effekt_compare_kind *out);
EFFEKT_API const char *effekt_compare_kind_name(effekt_compare_kind kind);

/* Pairs are made up to this many groups unless asked otherwise: 20 groups
 * make 190 pairs, about what a reader can scan. */
#define EFFEKT_COMPARE_PAIRWISE_DEFAULT 20

/* What to compare.  Every string is borrowed (the caller's, read during
 * effekt_compare_run only).  Zero-initialised options are not complete:
 * start from effekt_compare_options_init. */
typedef struct {
    effekt_compare_kind kind;
    const char *by;               /* the groups; NULL: one group "all" (ratio only) */
    const char *outcome;          /* RATES: 0/1, boolean or date column */
    const char *value;            /* VALUES: a numeric column */
    const char *numerator;        /* RATIO: numbers, or a date column counting 1 where given */
    const char *denominator;
    double confidence;            /* of every interval (0.95) */
    effekt_interval_method interval;   /* RATES: the rates' intervals */
    effekt_adjust_method adjust;  /* of the pairs' p-values */
    size_t pairwise_limit;        /* pairs only up to this many tested groups; SIZE_MAX all, 0 none */
    int pairwise_asked;           /* the limit was the caller's choice (the note says so) */
    int funnel;                   /* RATES: each group's limits around the pooled rate */
    size_t bootstrap;             /* RATIO: resamples (10000) */
    unsigned long long seed;      /* RATIO: the replicates' seed (1) */
    unsigned threads;             /* RATIO: threads resampling (2); the same bits for any */
    effekt_progress progress;     /* RATIO: resampling's progress */
} effekt_compare_options;

EFFEKT_API void effekt_compare_options_init(effekt_compare_options *o, effekt_compare_kind kind);

/* One group, in the order groups first appear in the table.  Fields of
 * other kinds are NaN / 0. */
typedef struct {
    char *label;                  /* owned by the result */
    int missing_group;            /* its grouping value is missing: not in the tests */
    int tested;                   /* in the tests and pairs */
    size_t n, missing;            /* rows with a value; rows without */
    /* RATES */
    double events;
    effekt_compare_figure rate;
    double pooled;                /* funnel: the pooled rate of the tested groups */
    effekt_compare_figure limits_95, limits_99_8;   /* funnel: value is the pooled rate */
    const char *funnel;           /* "inside", "above 95 % limit", ..., "no values" */
    /* VALUES */
    effekt_compare_figure mean;
    double sd, median;
    /* RATIO */
    double numerator, denominator;   /* the sums */
    size_t resamples_dropped;     /* resamples whose denominator summed to 0 */
    effekt_compare_figure ratio_percentile, ratio_bca;
} effekt_compare_group;

/* A test between the tested groups. */
typedef struct {
    const char *name;             /* static: "Welch two-sample t-test", ... */
    double statistic, df, df2, p; /* NaN when undefined or not a part of the test */
    int has_df2;                  /* df2 is part of this kind of row (VALUES) */
    int null_statistic;           /* the statistic is not a number this test has (Fisher) */
    const char *reason;           /* why undefined, or "exact p-value"; NULL */
    const char *note;             /* what the tests left out (owned by the result); NULL */
} effekt_compare_test;

/* A pair of tested groups (group < versus, indexes into groups). */
typedef struct {
    size_t group, versus;
    /* RATES */
    effekt_compare_figure difference, risk_ratio, p, p_adjusted;
    /* VALUES (difference of means in difference) */
    effekt_compare_figure p_welch, p_welch_adjusted, hedges_g, rank_biserial, p_mann_whitney,
        p_mann_whitney_adjusted;
} effekt_compare_pair;

typedef struct {
    effekt_compare_kind kind;
    char *source;                 /* the table's source, for messages */
    effekt_compare_group *groups;
    size_t n_groups;
    effekt_compare_test *tests;
    size_t n_tests;
    effekt_compare_pair *pairs;   /* none when not made (a note in diag says why) */
    size_t n_pairs;
    char **warnings;              /* as in diag, without the file: for the result's readers */
    size_t n_warnings;
} effekt_compare_result;

/* Compare the groups of t as o says.  Problems go into diag (may be NULL)
 * with the table's source, line and column where there is one, and a hint
 * naming the option concerned: EFFEKT_EINVAL a column that is not there
 * or of the wrong type, EFFEKT_EVALUE an outcome not 0/1 (its line),
 * EFFEKT_ENOMEM.  Notes (what the tests left out, pairs not made) and
 * warnings (an expected count below 5) go there too, never printed.  On
 * success *out is the caller's, to free with effekt_compare_result_destroy;
 * otherwise *out is NULL. */
EFFEKT_API effekt_status effekt_compare_run(const effekt_table *t, const effekt_compare_options *o,
                                 effekt_compare_result **out, effekt_diag *diag);
EFFEKT_API void effekt_compare_result_destroy(effekt_compare_result *r);

/* ---- the results as JSON (src/lib/output/compare_json.c) ---- */
/* The document's head as effekt compare writes it: the options, then the
 * empty arrays "groups", "tests", "pairwise", "warnings" that
 * effekt_compare_json fills. */
EFFEKT_API effekt_status effekt_compare_json_head(const effekt_compare_options *o, effekt_json *doc);

/* Append r's rows to doc's arrays (made by effekt_compare_json_head); file
 * not NULL: each row names it (several inputs in one document), and the
 * warnings start with it (path may be given for those alone). */
EFFEKT_API effekt_status effekt_compare_json(const effekt_compare_result *r, const char *file, const char *path,
                                  effekt_json *doc);

#ifdef __cplusplus
}
#endif
#endif
