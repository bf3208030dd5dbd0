/* Check suite for descriptive statistics: NIST StRD certified values read
 * through the CSV loader, and fixtures computed by R 4.2 with the R code
 * beside them. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/csv.h"
#include "effekt/stats.h"

#define NEAR(a, b) ck_assert_msg(fabs((a) - (b)) <= 1e-12 * fabs(b), #a " = %.17g, want %.17g", (a), (b))

/* NIST's yardstick: the log relative error, the number of digits that
 * agree (15.9 when equal to the double nearest the certified value). */
static double lre(double got, double certified)
{
    if (got == certified)
        return 15.9;
    return -log10(fabs(got - certified) / fabs(certified));
}

static char *data_path(const char *name)
{
    const char *srcdir = getenv("srcdir");
    static char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/nist/%s", srcdir ? srcdir : ".", name);
    return path;
}

/* Digits effekt must reach: the mean to 14 on every set; the SD at least
 * where R 4.2 gets on the same CSV (sd() in R: 15.56 NumAcc2, 9.46
 * NumAcc3, 8.25 NumAcc4, 15.39 Lew, 15.41 Lottery, 13.12 Mavro, 13.84
 * Michelso), and 9 on NumAcc4, better than R. */
static const struct { const char *set; double mean_digits, sd_digits; } nist_targets[] = {
    { "NumAcc1", 14, 15 }, { "NumAcc2", 14, 15 }, { "NumAcc3", 14, 9.5 }, { "NumAcc4", 14, 9 },
    { "Lew", 14, 15 }, { "Lottery", 14, 15 }, { "Mavro", 14, 13.1 }, { "Michelso", 14, 13.8 },
};

START_TEST(nist_univariate)
{
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_table *cert = NULL;
    ck_assert_int_eq(effekt_csv_load_file(data_path("certified.csv"), NULL, &cert, &diag), EFFEKT_OK);
    const effekt_column *cset = effekt_table_column(cert, "set");
    const effekt_column *cmean = effekt_table_column(cert, "mean");
    const effekt_column *csd = effekt_table_column(cert, "sd");
    for (size_t i = 0; i < sizeof nist_targets / sizeof *nist_targets; i++) {
        char file[64];
        snprintf(file, sizeof file, "%s.csv", nist_targets[i].set);
        effekt_table *t = NULL;
        ck_assert_int_eq(effekt_csv_load_file(data_path(file), NULL, &t, &diag), EFFEKT_OK);
        size_t row = 0;
        while (strcmp(cset->text[row], nist_targets[i].set) != 0)
            row++;
        const effekt_column *y = effekt_table_column(t, "y");
        double *work = malloc(t->n_rows * sizeof *work);
        effekt_describe_options opt = { .confidence = 0.95, .decimals = y->decimals };
        effekt_summary s;
        ck_assert_int_eq(effekt_describe(y->values, t->n_rows, &opt, work, &s), EFFEKT_OK);
        double dm = lre(s.mean, cmean->values[row]), ds = lre(s.sd, csd->values[row]);
        printf("NIST %-9s mean %5.2f digits, sd %5.2f digits (%s)\n", nist_targets[i].set, dm, ds,
               s.exact ? "exact decimal" : "two-pass");
        ck_assert_msg(dm >= nist_targets[i].mean_digits, "%s mean: %.2f digits", nist_targets[i].set, dm);
        ck_assert_msg(ds >= nist_targets[i].sd_digits, "%s sd: %.2f digits", nist_targets[i].set, ds);
        /* and without the decimal information, the two-pass algorithm alone */
        opt.decimals = -1;
        ck_assert_int_eq(effekt_describe(y->values, t->n_rows, &opt, work, &s), EFFEKT_OK);
        printf("NIST %-9s two-pass only: mean %5.2f digits, sd %5.2f digits\n", nist_targets[i].set,
               lre(s.mean, cmean->values[row]), lre(s.sd, csd->values[row]));
        ck_assert(lre(s.mean, cmean->values[row]) >= 14);
        free(work);
        effekt_table_destroy(t);
    }
    effekt_table_destroy(cert);
    effekt_diag_free(&diag);
}
END_TEST

/* R 4.2:
 *   x <- c(3.1, 7.4, 2.2, 9.9, 4.4, 4.4, 15.0, 0.5, 8.8, 6.1, 2.2)
 *   p <- c(0, 0.1, 0.25, 0.5, 0.9, 1)
 *   for (t in 1:9) print(quantile(x, p, type = t, names = FALSE), digits = 17)
 * Tolerance 1e-15 relative (interpolation is a few operations). */
static const double x11[] = { 3.1, 7.4, 2.2, 9.9, 4.4, 4.4, 15.0, 0.5, 8.8, 6.1, 2.2 };
static const double probs[] = { 0, 0.1, 0.25, 0.5, 0.9, 1 };
static const struct { int type; double q[6]; } r_quantiles[] = {
    { 1, { 0.5, 2.2000000000000002, 2.2000000000000002, 4.4000000000000004, 9.9000000000000004, 15 } },
    { 2, { 0.5, 2.2000000000000002, 2.2000000000000002, 4.4000000000000004, 9.9000000000000004, 15 } },
    { 3, { 0.5, 0.5, 2.2000000000000002, 4.4000000000000004, 9.9000000000000004, 15 } },
    { 4, { 0.5, 0.67000000000000015, 2.2000000000000002, 4.4000000000000004, 9.7900000000000009, 15 } },
    { 5, { 0.5, 1.5200000000000002, 2.4250000000000003, 4.4000000000000004, 11.940000000000001, 15 } },
    { 6, { 0.5, 0.8400000000000003, 2.2000000000000002, 4.4000000000000004, 13.980000000000004, 15 } },
    { 7, { 0.5, 2.2000000000000002, 2.6500000000000004, 4.4000000000000004, 9.9000000000000004, 15 } },
    { 8, { 0.5, 1.2933333333333334, 2.3500000000000001, 4.4000000000000004, 12.619999999999999, 15 } },
    { 9, { 0.5, 1.3500000000000001, 2.3687500000000004, 4.4000000000000004, 12.449999999999999, 15 } },
};

START_TEST(quantile_types_as_r)
{
    double sorted[11], tmp[11];
    memcpy(sorted, x11, sizeof sorted);
    effekt_sort(sorted, 11, tmp);
    for (size_t t = 0; t < 9; t++)
        for (size_t k = 0; k < 6; k++) {
            double got = effekt_quantile_sorted(sorted, 11, probs[k], r_quantiles[t].type);
            double want = r_quantiles[t].q[k];
            ck_assert_msg(fabs(got - want) <= 1e-15 * fabs(want), "type %d p %g: %.17g, R %.17g",
                          r_quantiles[t].type, probs[k], got, want);
        }
}
END_TEST

/* R 4.2 on the same x:
 *   mean(x) 5.8181818181818183; sd(x) 4.2227522261715009; mad(x) 3.26172
 *   t.test(x)$conf.int 2.9812982717508629 8.6550653646127742
 *   t.test(x, conf.level = 0.9)$conf.int 3.5105423578911759 8.1258212784724613
 *   n <- 11; d <- x - mean(x)
 *   G1 <- mean(d^3) / mean(d^2)^1.5 * sqrt(n * (n - 1)) / (n - 2)    0.97657164989864087
 *   g2 <- mean(d^4) / mean(d^2)^2 - 3
 *   G2 <- ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))          0.83559469600991065
 * Tolerance 1e-12 relative (t quantile from GSL, moments in long double). */
START_TEST(summary_as_r)
{
    double work[12], x[12];
    memcpy(x, x11, sizeof x11);
    x[11] = NAN;   /* one missing value, counted and left out */
    effekt_describe_options opt = { .confidence = 0.95, .decimals = 1, .n_percentiles = 1,
                                    .percentiles = { 90 } };
    effekt_summary s;
    ck_assert_int_eq(effekt_describe(x, 12, &opt, work, &s), EFFEKT_OK);
    ck_assert_uint_eq(s.n, 11);
    ck_assert_uint_eq(s.missing, 1);
    ck_assert(s.exact);
#undef NEAR
#define NEAR(a, b) ck_assert_msg(fabs((a) - (b)) <= 1e-12 * fabs(b), #a " = %.17g, want %.17g", (a), (b))
    NEAR(s.mean, 5.8181818181818183);
    NEAR(s.sum, 64.0);
    NEAR(s.sd, 4.2227522261715009);
    NEAR(s.se, 4.2227522261715009 / sqrt(11.0));
    NEAR(s.ci_lower, 2.9812982717508629);
    NEAR(s.ci_upper, 8.6550653646127742);
    NEAR(s.mad, 3.26172);
    NEAR(s.skewness, 0.97657164989864087);
    NEAR(s.kurtosis, 0.83559469600991065);
    NEAR(s.q1, 2.6500000000000004);
    NEAR(s.median, 4.4000000000000004);
    NEAR(s.q3, 8.1);   /* quantile(x, 0.75) = 8.1 */
    /* R's IQR(x) is 8.1 - 2.65 in binary, 5.4499999999999993; on the
     * decimals as written it is 5.45 */
    NEAR(s.iqr, 5.45);
    NEAR(s.percentile[0], 9.9000000000000004);
    ck_assert_double_eq(s.min, 0.5);
    ck_assert_double_eq(s.max, 15.0);
    opt.confidence = 0.9;
    ck_assert_int_eq(effekt_describe(x, 12, &opt, work, &s), EFFEKT_OK);
    NEAR(s.ci_lower, 3.5105423578911759);
    NEAR(s.ci_upper, 8.1258212784724613);
}
END_TEST

START_TEST(too_few_values)
{
    double work[3], x[3] = { NAN, 4.0, NAN };
    effekt_describe_options opt = { .confidence = 0.95, .decimals = -1 };
    effekt_summary s;
    ck_assert_int_eq(effekt_describe(x, 3, &opt, work, &s), EFFEKT_OK);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_uint_eq(s.missing, 2);
    ck_assert_double_eq(s.mean, 4.0);
    ck_assert(isnan(s.sd) && isnan(s.ci_lower) && isnan(s.skewness) && isnan(s.kurtosis));
    ck_assert_int_eq(effekt_describe(x, 0, &opt, work, &s), EFFEKT_OK);
    ck_assert(isnan(s.mean));
}
END_TEST

START_TEST(radix_sort_orders_everything)
{
    size_t n = 100000;
    double *x = malloc(n * sizeof *x), *tmp = malloc(n * sizeof *tmp);
    unsigned long long state = 1;
    for (size_t i = 0; i < n; i++) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        x[i] = ((double)(state >> 11) / 9007199254740992.0 - 0.5) * 1e6;
    }
    x[0] = -0.0;
    x[1] = 0.0;
    x[2] = -1e308;
    x[3] = 4.9e-324;
    effekt_sort(x, n, tmp);
    for (size_t i = 1; i < n; i++)
        ck_assert_msg(x[i - 1] <= x[i], "x[%zu] = %g > x[%zu] = %g", i - 1, x[i - 1], i, x[i]);
    ck_assert_double_eq(x[0], -1e308);
    free(x);
    free(tmp);
}
END_TEST

/* Frequency weights.  R 4.2:
 *   x <- c(3.1, 7.4, 2.2, 9.9, 4.4); w <- c(1, 2, 0.5, 3, 1.5)
 *   m <- sum(w * x) / sum(w)                          6.9125000000000005
 *   v <- sum(w * (x - m)^2) / (sum(w) - 1); sqrt(v)   2.9846930926215607
 *   sqrt(v) / sqrt(sum(w))                            1.0552483627766769
 *   m -/+ qt(.975, sum(w) - 1) * that                 4.4172341299246902 9.4077658700753108
 * Weighted quantiles by hand: sorted 2.2 3.1 4.4 7.4 9.9 with weights
 * .5 1 1.5 2 3, cumulative .5 1.5 3 5 8 of 8: the quarter (2) is first
 * reached at 4.4, the half (4) at 7.4, three quarters (6) at 9.9.  With
 * unit weights they are R's type 1: quantile(x, c(.25, .5, .75), type = 1)
 * = 3.1 4.4 7.4. */
START_TEST(weighted_as_r)
{
    const double x[] = { 3.1, 7.4, 2.2, 9.9, 4.4, NAN }, w[] = { 1, 2, 0.5, 3, 1.5, 2 };
    double work[12], sw;
    effekt_describe_options opt = { .confidence = 0.95, .decimals = -1 };
    effekt_summary s;
    ck_assert_int_eq(effekt_describe_weighted(x, w, 6, &opt, work, &s, &sw), EFFEKT_OK);
    ck_assert_uint_eq(s.n, 5);
    ck_assert_uint_eq(s.missing, 1);
    NEAR(sw, 8.0);
    NEAR(s.mean, 6.9125000000000005);
    NEAR(s.sd, 2.9846930926215607);
    NEAR(s.se, 1.0552483627766769);
    NEAR(s.ci_lower, 4.4172341299246902);
    NEAR(s.ci_upper, 9.4077658700753108);
    ck_assert_double_eq(s.q1, 4.4);
    ck_assert_double_eq(s.median, 7.4);
    ck_assert_double_eq(s.q3, 9.9);
    const double ones[] = { 1, 1, 1, 1, 1, 1 };
    ck_assert_int_eq(effekt_describe_weighted(x, ones, 5, &opt, work, &s, &sw), EFFEKT_OK);
    ck_assert_double_eq(s.q1, 3.1);
    ck_assert_double_eq(s.median, 4.4);
    ck_assert_double_eq(s.q3, 7.4);
    const double negative[] = { 1, -1, 1, 1, 1 };
    ck_assert_int_eq(effekt_describe_weighted(x, negative, 5, &opt, work, &s, &sw), EFFEKT_EVALUE);
}
END_TEST

/* Skewness and kurtosis about the mean itself, not its rounding (issue
 * 14).  They do not move with a shift, so 1e15 + (1..9, 0, 0) must give
 * those of (1..9, 0, 0).  R 4.2, on integers where every sum is exact:
 *   x <- c(1:9, 0, 0); n <- 11; d <- 11 * x - 45      # 11 (x - mean(x))
 *   G1 <- mean(d^3) / mean(d^2)^1.5 * sqrt(n * (n - 1)) / (n - 2)
 *   g2 <- mean(d^4) / mean(d^2)^2 - 3
 *   G2 <- ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
 *   print(c(G1, G2), digits = 17)   0.12762165967608582 -1.33667721775829906
 * Before: 0.12765368278154882 -1.3366705298313855 at 1e15 (the mean off by
 * its rounding, 3e-5).  The 16-digit integers take the exact path (no
 * decimals from the loader: they are not clean 15-digit decimals); the
 * shifts by a fraction take the two-pass path, which must agree.
 * Tolerance 1e-12 relative (moments in long double). */
START_TEST(shape_about_the_exact_mean)
{
    static const double base[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0 };
    static const struct { double offset; int exact; } cases[] = {
        { 1e15, 1 }, { 4e15, 1 }, { 1e15 + 0.5, 0 }, { 3e14 + 0.1, 0 }, { 1e10 + 1.0 / 3, 0 }, { 123456789.123456789, 0 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        double x[11], work[11];
        for (size_t i = 0; i < 11; i++)
            x[i] = cases[c].offset + base[i];
        effekt_describe_options opt = { .confidence = 0.95, .decimals = -1 };
        effekt_summary s;
        ck_assert_int_eq(effekt_describe(x, 11, &opt, work, &s), EFFEKT_OK);
        ck_assert_int_eq(s.exact, cases[c].exact);
        NEAR(s.skewness, 0.12762165967608582);
        NEAR(s.kurtosis, -1.33667721775829906);
        NEAR(s.sd, 3.1766191290283907);   /* sd(x) */
    }
}
END_TEST

static Suite *stats_suite(void)
{
    Suite *s = suite_create("stats");
    TCase *tc = tcase_create("descriptive");
    tcase_add_test(tc, nist_univariate);
    tcase_add_test(tc, quantile_types_as_r);
    tcase_add_test(tc, summary_as_r);
    tcase_add_test(tc, too_few_values);
    tcase_add_test(tc, radix_sort_orders_everything);
    tcase_add_test(tc, weighted_as_r);
    tcase_add_test(tc, shape_about_the_exact_mean);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(stats_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
