/* effekt/test.h — tests between groups (chi-square, Fisher, Welch, Mann-Whitney,
 * Kruskal-Wallis) and Hedges' g, each as the R function it agrees with. */
#ifndef EFFEKT_TEST_H
#define EFFEKT_TEST_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Pearson's chi-square test of homogeneity of k proportions, no
 * continuity correction (chisq.test(cbind(x, n - x), correct = FALSE)).
 * A group with n[i] = 0 is left out (it is no row of R's table; df counts
 * the groups with trials).  EFFEKT_EUNDEF with NaN results when fewer
 * than two groups have trials or the outcome does not vary.
 * *min_expected is the smallest expected count (a warning below 5). */
EFFEKT_API effekt_status effekt_test_chisq_homogeneity(const double *x, const double *n, size_t k, double *statistic,
                                                       double *df, double *p, double *min_expected);

/* Fisher's exact test of a 2x2 table [[a, b], [c, d]], two-sided as R's
 * fisher.test: the probability of tables no more likely than the one seen. */
EFFEKT_API double effekt_test_fisher_exact(unsigned a, unsigned b, unsigned c, unsigned d);

typedef struct {
    double statistic, df, df2, p;   /* df2 only for F tests */
    double estimate, lower, upper;  /* the effect and its interval where there is one */
    int exact;                      /* an exact p-value (Mann-Whitney) */
} effekt_test_result;

/* Welch's two-sample t-test, as t.test(a, b): estimate = mean(a) - mean(b)
 * with its interval. */
EFFEKT_API effekt_status effekt_test_welch_t(const double *a, size_t na, const double *b, size_t nb, double confidence,
                                             effekt_test_result *out);

/* Mann-Whitney U (Wilcoxon rank sum) as wilcox.test(a, b): statistic W
 * (rank sum of a minus na(na+1)/2); the exact p-value when both groups
 * have fewer than 50 values and there are no ties, else the normal
 * approximation with continuity and tie correction.  estimate is the
 * rank-biserial correlation 2W/(na nb) - 1. */
EFFEKT_API effekt_status effekt_test_mann_whitney(const double *a, size_t na, const double *b, size_t nb,
                                                  effekt_test_result *out);

/* Welch's one-way ANOVA for k groups, as oneway.test(y ~ g): F, df, df2. */
EFFEKT_API effekt_status effekt_test_welch_anova(const double *const *groups, const size_t *n, size_t k,
                                                 effekt_test_result *out);

/* Kruskal-Wallis, as kruskal.test, with the tie correction. */
EFFEKT_API effekt_status effekt_test_kruskal_wallis(const double *const *groups, const size_t *n, size_t k,
                                                    effekt_test_result *out);

/* Hedges' g = J (mean(a) - mean(b)) / pooled sd, J = 1 - 3/(4(na + nb) - 9),
 * with the interval g -/+ z sqrt((na + nb)/(na nb) + g^2/(2(na + nb)))
 * (Hedges & Olkin 1985). */
EFFEKT_API effekt_status effekt_test_hedges_g(const double *a, size_t na, const double *b, size_t nb, double confidence,
                                              effekt_test_result *out);

#ifdef __cplusplus
}
#endif
#endif
