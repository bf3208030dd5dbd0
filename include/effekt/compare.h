/* effekt/compare.h — comparing rates between groups: intervals, tests,
 * effect sizes, multiple comparisons.  Each function names the R function
 * it agrees with. */
#ifndef EFFEKT_COMPARE_H
#define EFFEKT_COMPARE_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_INTERVAL_WILSON = 0,   /* prop.test(x, n, correct = FALSE)$conf.int */
    EFFEKT_INTERVAL_CLOPPER_PEARSON, /* binom.test(x, n)$conf.int */
    EFFEKT_INTERVAL_AGRESTI_COULL /* p~ = (x + z^2/2)/(n + z^2), p~ -/+ z sqrt(p~(1-p~)/(n + z^2)) */
} effekt_interval_method;

/* _parse reads wilson, clopper-pearson (cp, exact), agresti-coull (ac),
 * case ignored, and the labels _name gives ("Wilson score", "Clopper-Pearson
 * (exact)", "Agresti-Coull"; "?" for another value), so the two are
 * inverse; EFFEKT_EINVAL for another name or NULL. */
EFFEKT_API effekt_status effekt_interval_parse(const char *name, effekt_interval_method *out);
EFFEKT_API const char *effekt_interval_name(effekt_interval_method m);

/* A binomial proportion's interval; NaN when n is 0. */
EFFEKT_API void effekt_binomial_interval(double x, double n, double confidence, effekt_interval_method method,
                                         double *lower, double *upper);

/* Pearson's chi-square test of homogeneity of k proportions, no
 * continuity correction (chisq.test(cbind(x, n - x), correct = FALSE)).
 * A group with n[i] = 0 is left out (it is no row of R's table; df counts
 * the groups with trials).  EFFEKT_EUNDEF with NaN results when fewer
 * than two groups have trials or the outcome does not vary.
 * *min_expected is the smallest expected count (a warning below 5). */
EFFEKT_API effekt_status effekt_chisq_homogeneity(const double *x, const double *n, size_t k, double *statistic,
                                                  double *df, double *p, double *min_expected);

/* Fisher's exact test of a 2x2 table [[a, b], [c, d]], two-sided as R's
 * fisher.test: the probability of tables no more likely than the one seen. */
EFFEKT_API double effekt_fisher_exact(unsigned a, unsigned b, unsigned c, unsigned d);

/* Difference p1 - p2 of two proportions with Newcombe's (1998) hybrid
 * score interval (his method 10) from the Wilson limits [l, u] of each:
 * d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
 * (Epi::ci.pd, method "Nc").  All NaN when a group has no trials. */
EFFEKT_API void effekt_risk_difference(double x1, double n1, double x2, double n2, double confidence,
                                       double *diff, double *lower, double *upper);

/* The ratio p1 / p2 with the Katz log interval
 * exp(log(r) -/+ z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)): NaN when x2 = 0 or a
 * group has no trials; the ratio 0 without an interval when x1 = 0 (the
 * log interval needs events in both groups). */
EFFEKT_API void effekt_risk_ratio(double x1, double n1, double x2, double n2, double confidence,
                                  double *ratio, double *lower, double *upper);

typedef enum { EFFEKT_ADJUST_HOLM = 0, EFFEKT_ADJUST_BH, EFFEKT_ADJUST_NONE } effekt_adjust_method;

EFFEKT_API effekt_status effekt_adjust_parse(const char *name, effekt_adjust_method *out);
/* R's name of the method, "holm", "BH", "none" ("?" for another value),
 * which effekt_adjust_parse reads. */
EFFEKT_API const char *effekt_adjust_name(effekt_adjust_method method);

/* p.adjust(p, "holm" | "BH" | "none") into adjusted[0..m).  As in R, a
 * NaN p-value (a test that could not be done) stays NaN and does not
 * count among the m tests. */
EFFEKT_API effekt_status effekt_p_adjust(const double *p, size_t m, effekt_adjust_method method, double *adjusted);

/* The binomial quantile: the smallest x with P(X <= x) >= p for X ~
 * Binomial(n, prob), as R's qbinom(p, n, prob). */
EFFEKT_API double effekt_binomial_quantile(double p, unsigned long n, double prob);

/* Funnel-plot limits for a group of n around the pooled rate p0: the
 * exact binomial qbinom(a/2, n, p0)/n and qbinom(1 - a/2, n, p0)/n with
 * a = 1 - level (level 0.95 and 0.998 are the usual pair). */
EFFEKT_API void effekt_funnel_limits(unsigned long n, double p0, double level, double *lower, double *upper);

/* ---- ratios of sums, with bootstrap intervals ---- */

/* B bootstrap replicates of sum(num) / sum(den) over n rows resampled
 * with replacement.  Replicate b draws from its own generator (xoshiro256**
 * seeded by splitmix64 from seed and b), so the replicates are the same bit
 * for bit whatever the number of threads (1 or more). */
EFFEKT_API effekt_status effekt_bootstrap_ratio(const double *num, const double *den, size_t n, size_t B,
                                                unsigned long long seed, unsigned threads, double *replicates,
                                                const effekt_progress *progress);

/* Jackknife influence values of the ratio of sums, as boot's
 * empinf(type = "jack"): L_i = (n - 1)(ratio - the ratio without row i). */
EFFEKT_API effekt_status effekt_jackknife_ratio(const double *num, const double *den, size_t n, double *L);

/* Percentile and BCa intervals from the replicates t[0..B) of an estimate
 * t0, as boot.ci(type = c("perc", "bca"), L = L) with its normal-scale
 * interpolation of order statistics.  t is compacted and sorted in place:
 * replicates that are not finite (a resample whose denominator sums to 0)
 * are dropped and counted in *dropped (may be NULL).  EFFEKT_EUNDEF when
 * BCa (or both intervals) cannot be had; then *reason (may be NULL) is a
 * static sentence why, and what is undefined is NaN (never read from an
 * index out of range): an infinite jackknife value (a row whose removal
 * leaves a zero denominator), all replicates on one side of t0, fewer
 * than two finite replicates. */
EFFEKT_API effekt_status effekt_bootstrap_intervals(double t0, double *t, size_t B, const double *L, size_t n,
                                                    double confidence, double *perc_lower, double *perc_upper,
                                                    double *bca_lower, double *bca_upper, size_t *dropped,
                                                    const char **reason);

/* ---- values between groups ---- */

typedef struct {
    double statistic, df, df2, p;   /* df2 only for F tests */
    double estimate, lower, upper;  /* the effect and its interval where there is one */
    int exact;                      /* an exact p-value (Mann-Whitney) */
} effekt_test_result;

/* Welch's two-sample t-test, as t.test(a, b): estimate = mean(a) - mean(b)
 * with its interval. */
EFFEKT_API effekt_status effekt_welch_t(const double *a, size_t na, const double *b, size_t nb, double confidence,
                                        effekt_test_result *out);

/* Mann-Whitney U (Wilcoxon rank sum) as wilcox.test(a, b): statistic W
 * (rank sum of a minus na(na+1)/2); the exact p-value when both groups
 * have fewer than 50 values and there are no ties, else the normal
 * approximation with continuity and tie correction.  estimate is the
 * rank-biserial correlation 2W/(na nb) - 1. */
EFFEKT_API effekt_status effekt_mann_whitney(const double *a, size_t na, const double *b, size_t nb,
                                             effekt_test_result *out);

/* Welch's one-way ANOVA for k groups, as oneway.test(y ~ g): F, df, df2. */
EFFEKT_API effekt_status effekt_welch_anova(const double *const *groups, const size_t *n, size_t k,
                                            effekt_test_result *out);

/* Kruskal-Wallis, as kruskal.test, with the tie correction. */
EFFEKT_API effekt_status effekt_kruskal_wallis(const double *const *groups, const size_t *n, size_t k,
                                               effekt_test_result *out);

/* Hedges' g = J (mean(a) - mean(b)) / pooled sd, J = 1 - 3/(4(na + nb) - 9),
 * with the interval g -/+ z sqrt((na + nb)/(na nb) + g^2/(2(na + nb)))
 * (Hedges & Olkin 1985). */
EFFEKT_API effekt_status effekt_hedges_g(const double *a, size_t na, const double *b, size_t nb, double confidence,
                                         effekt_test_result *out);


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
struct cJSON;

/* The document's head as effekt compare writes it: the options, then the
 * empty arrays "groups", "tests", "pairwise", "warnings" that
 * effekt_compare_json fills. */
EFFEKT_API effekt_status effekt_compare_json_head(const effekt_compare_options *o, struct cJSON *doc);

/* Append r's rows to doc's arrays (made by effekt_compare_json_head); file
 * not NULL: each row names it (several inputs in one document), and the
 * warnings start with it (path may be given for those alone). */
EFFEKT_API effekt_status effekt_compare_json(const effekt_compare_result *r, const char *file, const char *path,
                                  struct cJSON *doc);

#ifdef __cplusplus
}
#endif
#endif
