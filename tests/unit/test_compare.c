/* Check suite for comparing rates.  Expected values from R 4.2 with the
 * code beside them, or a hand calculation; tolerance 1e-9 relative where
 * the method is exact, as stated per test. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/binomial.h"
#include "effekt/bootstrap.h"
#include "effekt/compare.h"
#include "effekt/csv.h"
#include "effekt/risk.h"
#include "effekt/test.h"

#define NEAR(got, want, tol)                                                                   \
    do {                                                                                       \
        double g_ = (got), w_ = (want);                                                        \
        ck_assert_msg(fabs(g_ - w_) <= (tol) * fabs(w_), "%s = %.17g, want %.17g", #got, g_, w_); \
    } while (0)

/* x <- c(12, 30, 21); n <- c(30, 50, 60) */
static const double x[] = { 12, 30, 21 }, n[] = { 30, 50, 60 };

/* for (i in 1:3) binom.test(x[i], n[i])$conf.int; prop.test(x[i], n[i], correct = FALSE)$conf.int */
START_TEST(binomial_intervals_as_r)
{
    static const double cp[3][2] = { { 0.22655764882859361, 0.59396506994818132 },
                                     { 0.45179402847918043, 0.7359216049054631 },
                                     { 0.23132642214846005, 0.484028009370567 } };
    static const double wilson[3][2] = { { 0.24590628116801863, 0.57679639746677525 },
                                         { 0.46181437747589366, 0.72391610269743456 },
                                         { 0.24167774406017556, 0.47637381158245118 } };
    for (int i = 0; i < 3; i++) {
        double lo, hi;
        effekt_interval_binomial(x[i], n[i], 0.95, EFFEKT_INTERVAL_CLOPPER_PEARSON, &lo, &hi);
        NEAR(lo, cp[i][0], 1e-9);   /* GSL's inverse beta: 1e-9 */
        NEAR(hi, cp[i][1], 1e-9);
        effekt_interval_binomial(x[i], n[i], 0.95, EFFEKT_INTERVAL_WILSON, &lo, &hi);
        NEAR(lo, wilson[i][0], 1e-12);
        NEAR(hi, wilson[i][1], 1e-12);
    }
    /* Agresti-Coull by hand: z = 1.959963984540054, n~ = 30 + z^2,
     * p~ = (12 + z^2/2)/n~, p~ -/+ z sqrt(p~(1 - p~)/n~) */
    double lo, hi;
    effekt_interval_binomial(12, 30, 0.95, EFFEKT_INTERVAL_AGRESTI_COULL, &lo, &hi);
    NEAR(lo, 0.24556143118073553, 1e-12);
    NEAR(hi, 0.577141247454058, 1e-12);
    /* the exact interval's ends at 0 and n events */
    effekt_interval_binomial(0, 10, 0.95, EFFEKT_INTERVAL_CLOPPER_PEARSON, &lo, &hi);
    ck_assert_double_eq(lo, 0.0);
    effekt_interval_binomial(10, 10, 0.95, EFFEKT_INTERVAL_CLOPPER_PEARSON, &lo, &hi);
    ck_assert_double_eq(hi, 1.0);
}
END_TEST

/* chisq.test(cbind(x, n - x), correct = FALSE):
 * X-squared 7.2727272727272725, df 2, p 0.026347980814448734; min expected 13.5 */
START_TEST(chi_square_as_r)
{
    double stat, df, p, emin;
    ck_assert_int_eq(effekt_test_chisq_homogeneity(x, n, 3, &stat, &df, &p, &emin), EFFEKT_OK);
    NEAR(stat, 7.2727272727272725, 1e-12);
    ck_assert_double_eq(df, 2);
    NEAR(p, 0.026347980814448734, 1e-10);
    NEAR(emin, 13.5, 1e-12);
    /* no events anywhere: undefined, not p = 1 */
    const double zero[] = { 0, 0 }, two[] = { 5, 6 };
    ck_assert_int_eq(effekt_test_chisq_homogeneity(zero, two, 2, &stat, &df, &p, &emin), EFFEKT_EUNDEF);
}
END_TEST

/* A group of no trials (0/0) is left out, as R leaves it out of its table
 * (it was: the whole test undefined, "no variation"):
 *   x <- c(12, 30, 0, 21, 4); n <- c(30, 50, 0, 60, 9); keep <- n > 0
 *   r <- chisq.test(cbind(x, n - x)[keep, ], correct = FALSE)
 *   X-squared 7.274771467863931, df 3, p 0.063636883998596558,
 *   min(r$expected) 4.0469798657718119 */
START_TEST(chi_square_leaves_out_empty_groups)
{
    const double xe[] = { 12, 30, 0, 21, 4 }, ne[] = { 30, 50, 0, 60, 9 };
    double stat, df, p, emin;
    ck_assert_int_eq(effekt_test_chisq_homogeneity(xe, ne, 5, &stat, &df, &p, &emin), EFFEKT_OK);
    NEAR(stat, 7.274771467863931, 1e-12);
    ck_assert_double_eq(df, 3);
    NEAR(p, 0.063636883998596558, 1e-10);
    NEAR(emin, 4.0469798657718119, 1e-12);
    /* one group with trials and one without: fewer than two groups */
    const double x1[] = { 1, 0 }, n1[] = { 2, 0 };
    ck_assert_int_eq(effekt_test_chisq_homogeneity(x1, n1, 2, &stat, &df, &p, &emin), EFFEKT_EUNDEF);
}
END_TEST

/* fisher.test(matrix(c(3, 7, 9, 2), 2))$p.value    0.029973122852379838
 * fisher.test(matrix(c(12, 18, 30, 20), 2))$p.value 0.10713710218363343 */
START_TEST(fisher_as_r)
{
    NEAR(effekt_test_fisher_exact(3, 9, 7, 2), 0.029973122852379838, 1e-9);
    NEAR(effekt_test_fisher_exact(12, 30, 18, 20), 0.10713710218363343, 1e-9);
}
END_TEST

/* Newcombe (1998) method 10 from the Wilson limits,
 *   w <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int
 *   d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
 * 12/30 vs 30/50: -0.39773738819755578 0.024393031152049771
 * Risk ratio by hand: (12/30)/(30/50) = 2/3, exp(log(2/3) -/+ z sqrt(1/12 - 1/30 + 1/30 - 1/50))
 *   0.4070937019210516 1.091749742988253 */
START_TEST(difference_and_ratio)
{
    double d, lo, hi;
    effekt_risk_difference(12, 30, 30, 50, 0.95, &d, &lo, &hi);
    NEAR(d, -0.2, 1e-12);
    NEAR(lo, -0.39773738819755578, 1e-12);
    NEAR(hi, 0.024393031152049771, 1e-12);
    effekt_risk_ratio(12, 30, 30, 50, 0.95, &d, &lo, &hi);
    NEAR(d, 2.0 / 3.0, 1e-12);
    NEAR(lo, 0.4070937019210516, 1e-12);
    NEAR(hi, 1.091749742988253, 1e-12);
    effekt_risk_ratio(3, 10, 0, 10, 0.95, &d, &lo, &hi);
    ck_assert(isnan(d));   /* no events in the reference group: undefined */
    effekt_risk_ratio(0, 10, 3, 10, 0.95, &d, &lo, &hi);
    ck_assert_double_eq(d, 0.0);   /* no events in the first: 0, no log interval */
    ck_assert(isnan(lo) && isnan(hi));
}
END_TEST

/* Newcombe (1998), Stat Med 17:873-890, table II, method 10, the
 * published 4-decimal limits of his examples (a)-(f), and the hand
 * calculation behind (a):
 *   56/70 = 0.8, Wilson [0.69183355503746946, 0.87695260751637039]
 *   48/80 = 0.6, Wilson [0.49045465005160405, 0.70038172404129073]
 *   d = 0.2
 *   L = 0.2 - sqrt((0.8 - 0.69183355503746946)^2 + (0.70038172404129073 - 0.6)^2)
 *     = 0.2 - sqrt(0.0116999798 + 0.0100764905) = 0.052431472402364926
 *   U = 0.2 + sqrt((0.87695260751637039 - 0.8)^2 + (0.6 - 0.49045465005160405)^2)
 *     = 0.2 + sqrt(0.0059217038 + 0.0120001837) = 0.33387265403690586
 * (the 17-digit values from R with the code above difference_and_ratio).
 * The Wald interval of 1/1 vs 0/1 was the point [1, 1]; Newcombe's is
 * [-0.12210872068194178, 1] (R, same code). */
START_TEST(newcombe_table_ii)
{
    static const struct { double x1, n1, x2, n2, lo, hi; } t[] = {
        { 56, 70, 48, 80, 0.0524, 0.3339 },   /* (a) */
        { 9, 10, 3, 10, 0.1705, 0.8090 },     /* (b) */
        { 6, 7, 2, 7, 0.0582, 0.8062 },       /* (c) */
        { 5, 56, 0, 29, -0.0381, 0.1926 },    /* (d) */
        { 0, 10, 0, 20, -0.1611, 0.2775 },    /* (e) */
        { 10, 10, 0, 20, 0.6791, 1.0000 },    /* (f) */
    };
    double d, lo, hi;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        effekt_risk_difference(t[i].x1, t[i].n1, t[i].x2, t[i].n2, 0.95, &d, &lo, &hi);
        ck_assert_msg(fabs(lo - t[i].lo) <= 0.5e-4 && fabs(hi - t[i].hi) <= 0.5e-4,
                      "example %zu: [%.6f, %.6f], published [%.4f, %.4f]", i, lo, hi, t[i].lo, t[i].hi);
    }
    effekt_risk_difference(56, 70, 48, 80, 0.95, &d, &lo, &hi);
    NEAR(d, 0.2, 1e-12);
    NEAR(lo, 0.052431472402364926, 1e-12);
    NEAR(hi, 0.33387265403690586, 1e-12);
    effekt_risk_difference(1, 1, 0, 1, 0.95, &d, &lo, &hi);
    NEAR(lo, -0.12210872068194178, 1e-12);
    NEAR(hi, 1.0, 1e-12);
    ck_assert(hi > lo);
    effekt_risk_difference(1, 0, 0, 1, 0.95, &d, &lo, &hi);
    ck_assert(isnan(d) && isnan(lo) && isnan(hi));   /* a group of no trials */
}
END_TEST

/* p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "holm")  0.04 0.09 0.09 0.025 0.2
 * p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "BH")    0.025 0.05 0.05 0.025 0.2
 * pairwise.prop.test(x, n, correct = FALSE, p.adjust.method = "none" / "holm" / "BH"):
 *   raw 1-2 0.082879066442815896, 1-3 0.642636161546668139, 2-3 0.0088421429261127792
 *   holm 0.16575813288563179 0.64263616154666814 0.026526428778338336
 *   BH   0.12431859966422384 0.64263616154666814 0.026526428778338336 */
START_TEST(p_adjust_as_r)
{
    const double p[] = { 0.01, 0.04, 0.03, 0.005, 0.2 };
    const double holm[] = { 0.04, 0.09, 0.09, 0.025, 0.2 }, bh[] = { 0.025, 0.05, 0.05, 0.025, 0.2 };
    double adj[5];
    ck_assert_int_eq(effekt_adjust_p(p, 5, EFFEKT_ADJUST_HOLM, adj), EFFEKT_OK);
    for (int i = 0; i < 5; i++)
        NEAR(adj[i], holm[i], 1e-12);
    ck_assert_int_eq(effekt_adjust_p(p, 5, EFFEKT_ADJUST_BH, adj), EFFEKT_OK);
    for (int i = 0; i < 5; i++)
        NEAR(adj[i], bh[i], 1e-12);
    /* p.adjust(c(0.01, NA, 0.04), "holm"): 0.02 NA 0.04 -- NA stays out */
    const double with_na[] = { 0.01, NAN, 0.04 };
    double adj3[3];
    ck_assert_int_eq(effekt_adjust_p(with_na, 3, EFFEKT_ADJUST_HOLM, adj3), EFFEKT_OK);
    NEAR(adj3[0], 0.02, 1e-12);
    ck_assert(isnan(adj3[1]));
    NEAR(adj3[2], 0.04, 1e-12);
    /* the pairwise chi-square p-values, then adjusted */
    const int pairs[3][2] = { { 0, 1 }, { 0, 2 }, { 1, 2 } };
    const double raw[] = { 0.082879066442815896, 0.642636161546668139, 0.0088421429261127792 };
    const double hm[] = { 0.16575813288563179, 0.64263616154666814, 0.026526428778338336 };
    const double bhp[] = { 0.12431859966422384, 0.64263616154666814, 0.026526428778338336 };
    double pr[3];
    for (int k = 0; k < 3; k++) {
        double xx[2] = { x[pairs[k][0]], x[pairs[k][1]] }, nn[2] = { n[pairs[k][0]], n[pairs[k][1]] };
        double st, df, em;
        ck_assert_int_eq(effekt_test_chisq_homogeneity(xx, nn, 2, &st, &df, &pr[k], &em), EFFEKT_OK);
        NEAR(pr[k], raw[k], 1e-10);
    }
    effekt_adjust_p(pr, 3, EFFEKT_ADJUST_HOLM, adj);
    for (int k = 0; k < 3; k++)
        NEAR(adj[k], hm[k], 1e-10);
    effekt_adjust_p(pr, 3, EFFEKT_ADJUST_BH, adj);
    for (int k = 0; k < 3; k++)
        NEAR(adj[k], bhp[k], 1e-10);
}
END_TEST

/* R 4.2:
 *   a <- c(12.1, 14.3, 11.8, 15.2, 13.9, 12.7, 16.4, 14.1)
 *   b <- c(10.2, 11.9, 12.5, 9.8, 11.1, 13.0, 10.7)
 *   c <- c(14.9, 15.5, 13.2, 16.8, 15.1, 17.3)
 *   t.test(a, b): t 3.4977805624014482, df 12.798567236726909,
 *     p 0.0040172056100018566, conf.int 0.95274533470273415 4.0436832367258368
 *   wilcox.test(a, b): W 50, exact p 0.009324009324009324
 *   a2 <- c(3, 5, 5, 7, 8, 8, 9, 12); b2 <- c(1, 2, 5, 5, 6, 8, 4)
 *   wilcox.test(a2, b2): W 43, p 0.08923890660252029 (ties: normal, corrected)
 *   oneway.test(y ~ g) for a, b, c: F 15.582335280751344, df 2, 11.4740542029338,
 *     p 0.00053628253178840423
 *   kruskal.test(y ~ g): 12.37167594310452, df 2, p 0.0020583759692351911
 *   kruskal.test(list(a2, b2)): 3.0906593406593448, df 1, p 0.07874289563224196
 *   Hedges' g by hand (formula in compare.h): 1.6717046806210305,
 *     interval 0.49407722043868785 2.8493321408033729
 *   rank-biserial 2 * 50 / (8 * 7) - 1 = 0.78571428571428581 */
static const double a[] = { 12.1, 14.3, 11.8, 15.2, 13.9, 12.7, 16.4, 14.1 };
static const double b[] = { 10.2, 11.9, 12.5, 9.8, 11.1, 13.0, 10.7 };
static const double c3[] = { 14.9, 15.5, 13.2, 16.8, 15.1, 17.3 };
static const double a2[] = { 3, 5, 5, 7, 8, 8, 9, 12 }, b2[] = { 1, 2, 5, 5, 6, 8, 4 };

START_TEST(values_as_r)
{
    effekt_test_result r;
    ck_assert_int_eq(effekt_test_welch_t(a, 8, b, 7, 0.95, &r), EFFEKT_OK);
    NEAR(r.statistic, 3.4977805624014482, 1e-12);
    NEAR(r.df, 12.798567236726909, 1e-12);
    NEAR(r.p, 0.0040172056100018566, 1e-9);
    NEAR(r.lower, 0.95274533470273415, 1e-9);
    NEAR(r.upper, 4.0436832367258368, 1e-9);
    ck_assert_int_eq(effekt_test_mann_whitney(a, 8, b, 7, &r), EFFEKT_OK);
    ck_assert_double_eq(r.statistic, 50);
    ck_assert(r.exact);
    NEAR(r.p, 0.009324009324009324, 1e-12);
    NEAR(r.estimate, 0.78571428571428581, 1e-12);
    ck_assert_int_eq(effekt_test_mann_whitney(a2, 8, b2, 7, &r), EFFEKT_OK);
    ck_assert_double_eq(r.statistic, 43);
    ck_assert(!r.exact);
    NEAR(r.p, 0.08923890660252029, 1e-12);
    const double *groups[] = { a, b, c3 };
    const size_t sizes[] = { 8, 7, 6 };
    ck_assert_int_eq(effekt_test_welch_anova(groups, sizes, 3, &r), EFFEKT_OK);
    NEAR(r.statistic, 15.582335280751344, 1e-12);
    NEAR(r.df2, 11.4740542029338, 1e-12);
    NEAR(r.p, 0.00053628253178840423, 1e-9);
    ck_assert_int_eq(effekt_test_kruskal_wallis(groups, sizes, 3, &r), EFFEKT_OK);
    NEAR(r.statistic, 12.37167594310452, 1e-12);
    NEAR(r.p, 0.0020583759692351911, 1e-10);
    const double *g2[] = { a2, b2 };
    const size_t n2[] = { 8, 7 };
    ck_assert_int_eq(effekt_test_kruskal_wallis(g2, n2, 2, &r), EFFEKT_OK);
    NEAR(r.statistic, 3.0906593406593448, 1e-12);
    NEAR(r.p, 0.07874289563224196, 1e-10);
    ck_assert_int_eq(effekt_test_hedges_g(a, 8, b, 7, 0.95, &r), EFFEKT_OK);
    NEAR(r.estimate, 1.6717046806210305, 1e-12);
    NEAR(r.lower, 0.49407722043868785, 1e-12);
    NEAR(r.upper, 2.8493321408033729, 1e-12);
    /* too few values: undefined, not a crash */
    ck_assert_int_eq(effekt_test_welch_t(a, 1, b, 7, 0.95, &r), EFFEKT_EUNDEF);
    ck_assert(isnan(r.p));
}
END_TEST

/* p0 <- 812/1500; qbinom(c(.025, .975, .001, .999), n, p0):
 *   n = 30: 11 22 8 24;  n = 50: 20 34 16 38;  n = 240: 115 145 106 154
 * qbinom(c(.025, .975), 0:3, 0.5) at n = 3: 0 3 */
START_TEST(funnel_limits_as_r)
{
    const unsigned long sizes[] = { 30, 50, 240 };
    const double want[3][4] = { { 11, 22, 8, 24 }, { 20, 34, 16, 38 }, { 115, 145, 106, 154 } };
    double p0 = 812.0 / 1500.0;
    for (int i = 0; i < 3; i++) {
        double lo, hi;
        effekt_binomial_limits(sizes[i], p0, 0.95, &lo, &hi);
        ck_assert_double_eq(lo * (double)sizes[i], want[i][0]);
        ck_assert_double_eq(hi * (double)sizes[i], want[i][1]);
        effekt_binomial_limits(sizes[i], p0, 0.998, &lo, &hi);
        ck_assert_double_eq(lo * (double)sizes[i], want[i][2]);
        ck_assert_double_eq(hi * (double)sizes[i], want[i][3]);
    }
    ck_assert_double_eq(effekt_binomial_quantile(0.025, 3, 0.5), 0);
    ck_assert_double_eq(effekt_binomial_quantile(0.975, 3, 0.5), 3);
}
END_TEST

static char *data_path(const char *name)
{
    const char *srcdir = getenv("srcdir");
    static char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/%s", srcdir ? srcdir : ".", name);
    return path;
}

static double *read_column(const char *file, const char *name, size_t *rows)
{
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_table *t = NULL;
    ck_assert_int_eq(effekt_csv_load_file(data_path(file), NULL, &t, &d), EFFEKT_OK);
    const effekt_column *c = effekt_table_column(t, name);
    double *v = malloc(t->n_rows * sizeof *v);
    memcpy(v, c->values, t->n_rows * sizeof *v);
    *rows = t->n_rows;
    effekt_table_destroy(t);
    effekt_diag_clear(&d);
    return v;
}

/* R 4.2 with boot 1.3 (tests/data/boot_ratio_*.csv were written by it):
 *   set.seed(20261124); n <- 40
 *   cost <- round(runif(n, 20000, 90000)); placed <- rbinom(n, 1, 0.55)
 *   f <- function(d, i) sum(d$cost[i]) / sum(d$placed[i])
 *   b <- boot(data.frame(cost, placed), f, R = 999)      # b$t: the replicates file
 *   L <- empinf(b, type = "jack")                        # L[1] 69942.260869565711
 *   boot.ci(b, conf = 0.95, type = c("perc", "bca"), L = L)
 *   t0 90768.826086956527; perc 70803.21428571429 122549.3125;
 *   bca 71984.773612107063 124480.39925730016
 * Given R's replicates, the intervals must agree to 1e-9. */
START_TEST(bootstrap_intervals_as_boot)
{
    size_t rows, B, n2;
    double *cost = read_column("boot_ratio_data.csv", "cost", &rows);
    double *placed = read_column("boot_ratio_data.csv", "placed", &n2);
    double *t = read_column("boot_ratio_replicates.csv", "t", &B);
    ck_assert_uint_eq(B, 999);
    double L[64];
    ck_assert_int_eq(effekt_bootstrap_jackknife(cost, placed, rows, L), EFFEKT_OK);
    NEAR(L[0], 69942.260869565711, 1e-9);
    NEAR(L[1], -111103.60079051377, 1e-9);
    double sc = 0, sp = 0;
    for (size_t i = 0; i < rows; i++) {
        sc += cost[i];
        sp += placed[i];
    }
    NEAR(sc / sp, 90768.826086956527, 1e-15);
    double pl, ph, bl, bh;
    ck_assert_int_eq(effekt_bootstrap_intervals(sc / sp, t, B, L, rows, 0.95, &pl, &ph, &bl, &bh, NULL, NULL), EFFEKT_OK);
    NEAR(pl, 70803.21428571429, 1e-9);
    NEAR(ph, 122549.3125, 1e-9);
    NEAR(bl, 71984.773612107063, 1e-9);
    NEAR(bh, 124480.39925730016, 1e-9);
    /* our own replicates: the same bits with one thread or two */
    double *r1 = malloc(2000 * sizeof *r1), *r2 = malloc(2000 * sizeof *r2);
    ck_assert_int_eq(effekt_bootstrap_ratio(cost, placed, rows, 2000, 42, 1, r1, NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_bootstrap_ratio(cost, placed, rows, 2000, 42, 2, r2, NULL), EFFEKT_OK);
    ck_assert(memcmp(r1, r2, 2000 * sizeof *r1) == 0);
    ck_assert_int_eq(effekt_bootstrap_ratio(cost, placed, rows, 2000, 43, 2, r2, NULL), EFFEKT_OK);
    ck_assert(memcmp(r1, r2, 2000 * sizeof *r1) != 0);
    /* and their percentile interval lies around the estimate like R's */
    ck_assert_int_eq(effekt_bootstrap_intervals(sc / sp, r1, 2000, L, rows, 0.95, &pl, &ph, &bl, &bh, NULL, NULL), EFFEKT_OK);
    ck_assert(pl < sc / sp && sc / sp < ph && fabs(pl - 70803.2) < 10000 && fabs(ph - 122549.3) < 15000);
    free(r1);
    free(r2);
    free(cost);
    free(placed);
    free(t);
}
END_TEST

/* Exact Mann-Whitney p in both tails, including tails far below
 * DBL_EPSILON that 1 - cdf loses (R 4.2):
 *   f <- function(a, b) wilcox.test(a, b, exact = TRUE)[c("statistic", "p.value")]
 *   f(31:60, 1:30); f(1:30, 31:60); f(50:98, 1:49); f(1:49, 50:98)
 *   f(c(1:20, 41:45), 21:40); f(c(1.5, 2.5, 3.5), 10:13); f(1:10, c(11:20, 0.5))
 *   f(c(1:5, 100), 6:15); f(c(2, 4, 6, 8, 10, 12), c(1, 3, 5, 7, 9, 11, 13))
 * Counting is exact: 1e-9 relative. */
START_TEST(mann_whitney_exact_tails_as_r)
{
    static const struct {
        double a[64], b[64];
        size_t na, nb;
        double w, p;
    } cases[] = {
        { { 0 }, { 0 }, 30, 30, 900, 1.6911233892144776e-17 },   /* 31:60 vs 1:30, filled below */
        { { 0 }, { 0 }, 30, 30, 0, 1.6911233892144776e-17 },     /* 1:30 vs 31:60 */
        { { 0 }, { 0 }, 49, 49, 2401, 7.8500291929632906e-29 },  /* 50:98 vs 1:49 */
        { { 0 }, { 0 }, 49, 49, 0, 7.8500291929632906e-29 },     /* 1:49 vs 50:98 */
        { { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 41, 42, 43, 44, 45 },
          { 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40 }, 25, 20, 100,
          0.00040788791698133836 },
        { { 1.5, 2.5, 3.5 }, { 10, 11, 12, 13 }, 3, 4, 0, 0.057142857142857141 },
        { { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, { 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 0.5 }, 10, 11, 10,
          0.00078816951881967366 },
        { { 1, 2, 3, 4, 5, 100 }, { 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 }, 6, 10, 10, 0.031218781218781223 },
        { { 2, 4, 6, 8, 10, 12 }, { 1, 3, 5, 7, 9, 11, 13 }, 6, 7, 21, 1 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        double xa[64], xb[64];
        memcpy(xa, cases[c].a, sizeof xa);
        memcpy(xb, cases[c].b, sizeof xb);
        if (c < 4) {   /* runs: the high block first in cases 0 and 2 */
            size_t k = cases[c].na;
            for (size_t i = 0; i < k; i++) {
                double lo = (double)i + 1, hi = (double)(i + k) + 1;
                xa[i] = c % 2 == 0 ? hi : lo;
                xb[i] = c % 2 == 0 ? lo : hi;
            }
        }
        effekt_test_result r;
        ck_assert_int_eq(effekt_test_mann_whitney(xa, cases[c].na, xb, cases[c].nb, &r), EFFEKT_OK);
        ck_assert(r.exact);
        ck_assert_double_eq(r.statistic, cases[c].w);
        NEAR(r.p, cases[c].p, 1e-9);
    }
}
END_TEST

/* A group in which one row holds the whole denominator: leaving it out
 * divides by 0, its jackknife value is -inf and BCa's acceleration NaN.
 * BCa is then undefined with its reason (it read t[(size_t)NaN - 1]
 * before, a heap overflow under ASan); the percentile interval stands, and
 * the resamples without that row (denominator 0) are dropped and counted:
 * about (2/3)^3 = 30 % of them. */
START_TEST(bootstrap_bca_undefined_for_infinite_jackknife)
{
    static const double num[] = { 10, 20, 30 }, den[] = { 0, 0, 1 };
    double L[3], *rep = malloc(999 * sizeof *rep);   /* on the heap, as in compare: ASan sees t[-1] */
    ck_assert_int_eq(effekt_bootstrap_jackknife(num, den, 3, L), EFFEKT_OK);
    ck_assert(isinf(L[2]) && L[2] < 0);
    ck_assert_int_eq(effekt_bootstrap_ratio(num, den, 3, 999, 7, 1, rep, NULL), EFFEKT_OK);
    size_t nonfinite = 0;
    for (size_t r = 0; r < 999; r++)
        nonfinite += !isfinite(rep[r]);
    ck_assert(nonfinite > 200 && nonfinite < 400);
    double pl, ph, bl, bh;
    size_t dropped = 0;
    const char *why = NULL;
    ck_assert_int_eq(effekt_bootstrap_intervals(60, rep, 999, L, 3, 0.95, &pl, &ph, &bl, &bh, &dropped, &why),
                     EFFEKT_EUNDEF);
    ck_assert_uint_eq(dropped, nonfinite);
    ck_assert(isfinite(pl) && isfinite(ph) && pl <= ph);
    ck_assert(isnan(bl) && isnan(bh));
    free(rep);
    ck_assert_ptr_nonnull(why);
    ck_assert(strstr(why, "jackknife") != NULL);
    /* all replicates on one side of t0: w infinite, BCa undefined, no index from it */
    double same[5] = { 1, 1, 1, 1, 1 }, L5[5] = { 1, -1, 2, -2, 0 };
    ck_assert_int_eq(effekt_bootstrap_intervals(2, same, 5, L5, 5, 0.95, &pl, &ph, &bl, &bh, &dropped, &why),
                     EFFEKT_EUNDEF);
    ck_assert_uint_eq(dropped, 0);
    ck_assert(isnan(bl) && isnan(bh));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compare");
    TCase *tc = tcase_create("rates");
    tcase_add_test(tc, binomial_intervals_as_r);
    tcase_add_test(tc, chi_square_as_r);
    tcase_add_test(tc, fisher_as_r);
    tcase_add_test(tc, chi_square_leaves_out_empty_groups);
    tcase_add_test(tc, difference_and_ratio);
    tcase_add_test(tc, newcombe_table_ii);
    tcase_add_test(tc, p_adjust_as_r);
    tcase_add_test(tc, values_as_r);
    tcase_add_test(tc, funnel_limits_as_r);
    tcase_add_test(tc, bootstrap_intervals_as_boot);
    tcase_add_test(tc, mann_whitney_exact_tails_as_r);
    tcase_add_test(tc, bootstrap_bca_undefined_for_infinite_jackknife);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
