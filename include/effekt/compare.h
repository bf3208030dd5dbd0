/* effekt/compare.h — comparing rates between groups: intervals, tests,
 * effect sizes, multiple comparisons.  Each function names the R function
 * it agrees with. */
#ifndef EFFEKT_COMPARE_H
#define EFFEKT_COMPARE_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

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

#ifdef __cplusplus
}
#endif
#endif
