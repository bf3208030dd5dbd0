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
#include "effekt/partial.h"
#include "effekt/sort.h"
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
        effekt_stats_options opt = { .confidence = 0.95, .decimals = y->decimals };
        effekt_stats_summary s;
        ck_assert_int_eq(effekt_stats_describe(y->values, t->n_rows, &opt, work, &s), EFFEKT_OK);
        double dm = lre(s.mean, cmean->values[row]), ds = lre(s.sd, csd->values[row]);
        printf("NIST %-9s mean %5.2f digits, sd %5.2f digits (%s)\n", nist_targets[i].set, dm, ds,
               s.exact ? "exact decimal" : "two-pass");
        ck_assert_msg(dm >= nist_targets[i].mean_digits, "%s mean: %.2f digits", nist_targets[i].set, dm);
        ck_assert_msg(ds >= nist_targets[i].sd_digits, "%s sd: %.2f digits", nist_targets[i].set, ds);
        /* and without the decimal information, the two-pass algorithm alone */
        opt.decimals = -1;
        ck_assert_int_eq(effekt_stats_describe(y->values, t->n_rows, &opt, work, &s), EFFEKT_OK);
        printf("NIST %-9s two-pass only: mean %5.2f digits, sd %5.2f digits\n", nist_targets[i].set,
               lre(s.mean, cmean->values[row]), lre(s.sd, csd->values[row]));
        ck_assert(lre(s.mean, cmean->values[row]) >= 14);
        free(work);
        effekt_table_destroy(t);
    }
    effekt_table_destroy(cert);
    effekt_diag_clear(&diag);
}
END_TEST

/* Skewness and kurtosis on the NIST sets, both paths.  NIST certifies
 * neither; the references are exact.  The decimals as written: R 4.2 on
 * the integers 10 (y - floor(y[1])), whose sums are exact,
 *   G1 0, G2 -2.0030030030030028 (NumAcc2, 3 and 4 alike).
 * The doubles as read (the two-pass path, decimals unknown): their exact
 * rational moments, Python 3 with fractions and a 50-digit decimal sqrt,
 *   xs = [Fraction(float(v)) for v in column]; m = sum(xs) / n
 *   m2, m3, m4 = (sum((x - m)**k for x in xs) / n for k in (2, 3, 4))
 *   G1 = m3 / m2**1.5 * sqrt(n (n - 1)) / (n - 2), G2 as above
 * NumAcc3 1.7479778045987572e-12, NumAcc4 2.7967644727066308e-11 (the
 * doubles of 1000000.1 and so on are not symmetric), G2 -2.0030030030030028;
 * Mavro 0.6449294811091566 -0.82052379677318277 (decimals: 0.64492948110891635
 * -0.82052379677324361).  Before, the moments about the rounded mean gave
 * 1.708716598037505e-12 and 2.7339465245022259e-11: off by 2 %.
 * Tolerance: G1 near 0 to 1e-18 absolute, otherwise 1e-12 relative. */
START_TEST(nist_shape_both_paths)
{
    static const struct { const char *set; int decimals; double g1, g2; } cases[] = {
        { "NumAcc3", 1, 0, -2.0030030030030028 }, { "NumAcc3", -1, 1.7479778045987572e-12, -2.0030030030030028 },
        { "NumAcc4", 1, 0, -2.0030030030030028 }, { "NumAcc4", -1, 2.7967644727066308e-11, -2.0030030030030028 },
        { "Mavro", 5, 0.64492948110891635, -0.82052379677324361 }, { "Mavro", -1, 0.6449294811091566, -0.82052379677318277 },
    };
    effekt_diag diag;
    effekt_diag_init(&diag);
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        char file[64];
        snprintf(file, sizeof file, "%s.csv", cases[c].set);
        effekt_table *t = NULL;
        ck_assert_int_eq(effekt_csv_load_file(data_path(file), NULL, &t, &diag), EFFEKT_OK);
        const effekt_column *y = effekt_table_column(t, "y");
        ck_assert(cases[c].decimals < 0 || y->decimals == cases[c].decimals);
        double *work = malloc(t->n_rows * sizeof *work);
        effekt_stats_options opt = { .confidence = 0.95, .decimals = cases[c].decimals };
        effekt_stats_summary s;
        ck_assert_int_eq(effekt_stats_describe(y->values, t->n_rows, &opt, work, &s), EFFEKT_OK);
        ck_assert_int_eq(s.exact, cases[c].decimals >= 0);
        double tol = fabs(cases[c].g1) < 1e-6 ? 1e-18 : 1e-12 * fabs(cases[c].g1);
        ck_assert_msg(fabs(s.skewness - cases[c].g1) <= tol, "%s decimals %d: G1 %.17g, want %.17g", cases[c].set,
                      cases[c].decimals, s.skewness, cases[c].g1);
        NEAR(s.kurtosis, cases[c].g2);
        free(work);
        effekt_table_destroy(t);
    }
    effekt_diag_clear(&diag);
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
            double got = effekt_stats_quantile_sorted(sorted, 11, probs[k], r_quantiles[t].type);
            double want = r_quantiles[t].q[k];
            ck_assert_msg(fabs(got - want) <= 1e-15 * fabs(want), "type %d p %g: %.17g, R %.17g",
                          r_quantiles[t].type, probs[k], got, want);
        }
    /* R stops on another type; the library must not read past its table */
    ck_assert(isnan(effekt_stats_quantile_sorted(sorted, 11, 0.5, 10)));
    ck_assert(isnan(effekt_stats_quantile_sorted(sorted, 11, 0.5, -1)));
    ck_assert_double_eq(effekt_stats_quantile_sorted(sorted, 11, 0.5, 0), 4.4);
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
/* The IQR on decimals as written, for every quantile type.  Types 8 and 9
 * interpolate in twelfths and sixteenths, not quarters: for 1.000000000,
 * 1.000000001, 1.000000002 the IQR was taken in quarter units, 1.5e-9
 * (the 1e-9 guard let it pass at that size).  Hand calculation, n = 3:
 * type 8, h = (n + 1/3) p + 1/3: h(1/4) = 7/6, h(3/4) = 17/6, so
 * q1 = 1 + 1e-9/6, q3 = 1 + 11e-9/6, IQR = 10e-9/6 = 1.6666...e-9;
 * type 9, h = (n + 1/4) p + 3/8: h(1/4) = 19/16, h(3/4) = 45/16, so
 * IQR = (45 - 19)/16 e-9 = 1.625e-9; type 7: h = 1.5, 2.5, IQR = 1e-9;
 * type 6: h = (n + 1) p = 1, 3, IQR = 2e-9; type 5: h = n p + 1/2 = 1.25,
 * 2.75, IQR = 1.5e-9.
 * (R's IQR(x, type = 8) is the binary difference 1.6666665825226801e-09,
 * off by 5e-17 from the decimal answer, so the reference is by hand.) */
START_TEST(iqr_in_the_units_of_each_type)
{
    double x[3] = { 1.000000000, 1.000000001, 1.000000002 }, work[3];
    static const struct { int type; double iqr; } cases[] = {
        { 7, 1e-9 }, { 8, 10e-9 / 6 }, { 9, 1.625e-9 }, { 6, 2e-9 }, { 5, 1.5e-9 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        effekt_stats_options opt = { .confidence = 0.95, .decimals = 9, .quantile_type = cases[i].type };
        effekt_stats_summary s;
        ck_assert_int_eq(effekt_stats_describe(x, 3, &opt, work, &s), EFFEKT_OK);
        ck_assert_msg(fabs(s.iqr - cases[i].iqr) <= 1e-15 * cases[i].iqr, "type %d: iqr %.17g, want %.17g",
                      cases[i].type, s.iqr, cases[i].iqr);
    }
}
END_TEST

START_TEST(summary_as_r)
{
    double work[12], x[12];
    memcpy(x, x11, sizeof x11);
    x[11] = NAN;   /* one missing value, counted and left out */
    effekt_stats_options opt = { .confidence = 0.95, .decimals = 1, .n_percentiles = 1,
                                    .percentiles = { 90 } };
    effekt_stats_summary s;
    ck_assert_int_eq(effekt_stats_describe(x, 12, &opt, work, &s), EFFEKT_OK);
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
    ck_assert_int_eq(effekt_stats_describe(x, 12, &opt, work, &s), EFFEKT_OK);
    NEAR(s.ci_lower, 3.5105423578911759);
    NEAR(s.ci_upper, 8.1258212784724613);
}
END_TEST

START_TEST(too_few_values)
{
    double work[3], x[3] = { NAN, 4.0, NAN };
    effekt_stats_options opt = { .confidence = 0.95, .decimals = -1 };
    effekt_stats_summary s;
    ck_assert_int_eq(effekt_stats_describe(x, 3, &opt, work, &s), EFFEKT_OK);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_uint_eq(s.missing, 2);
    ck_assert_double_eq(s.mean, 4.0);
    ck_assert(isnan(s.sd) && isnan(s.ci_lower) && isnan(s.skewness) && isnan(s.kurtosis));
    ck_assert_int_eq(effekt_stats_describe(x, 0, &opt, work, &s), EFFEKT_OK);
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

/* The quantiles are taken by selection (only the order statistics read
 * are put in place), not a sort: they must be the sort's, bit for bit,
 * for every type, with ties, -0 and +0, on both the exact-decimal path
 * (decimals 2: the weighted path, which still sorts, is the reference
 * with weights 1) and the binary one (decimals -1: effekt_sort and
 * effekt_stats_quantile_sorted are the reference). */
/* In place (work == x; weighted: work == x, w == x + n) gives the bits
 * of a run with a work array of its own, NaN, ties and MAD included. */
START_TEST(describe_in_place)
{
    enum { N = 3001 };
    double *x = malloc(2 * N * sizeof *x), *y = malloc(2 * N * sizeof *y), *work = malloc(2 * N * sizeof *work);
    unsigned long long state = 11;
    for (size_t i = 0; i < N; i++) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        unsigned long long r = state >> 33;
        x[i] = r % 53 == 0 ? NAN : (double)(long long)(r % 400000 - 100000) / 100.0;
        x[N + i] = (double)(r % 5);
    }
    effekt_stats_options o = { .quantile_type = 7, .decimals = 2, .n_percentiles = 2, .percentiles = { 10, 90 } };
    for (int weighted = 0; weighted < 2; weighted++) {
        effekt_stats_summary a, b;
        double swa = 0, swb = 0;
        memcpy(y, x, 2 * N * sizeof *y);
        if (weighted) {
            ck_assert_int_eq(effekt_stats_describe_weighted(x, x + N, N, &o, work, &a, &swa), EFFEKT_OK);
            ck_assert_int_eq(effekt_stats_describe_weighted(y, y + N, N, &o, y, &b, &swb), EFFEKT_OK);
        } else {
            ck_assert_int_eq(effekt_stats_describe(x, N, &o, work, &a), EFFEKT_OK);
            ck_assert_int_eq(effekt_stats_describe(y, N, &o, y, &b), EFFEKT_OK);
        }
        ck_assert(memcmp(&a, &b, sizeof a) == 0);
        ck_assert(memcmp(&swa, &swb, sizeof swa) == 0);
        ck_assert_uint_gt(a.missing, 0);
        ck_assert(a.mad > 0);
    }
    free(x);
    free(y);
    free(work);
}
END_TEST

/* Whole numbers near 2^62: the sum of squares passes 128 bits after a
 * few values, and the exact path gives way to the two-pass one (as the
 * one-by-one accumulator did).  R 4.2: x <- 4e18 + (0:19) * 2^20;
 * sprintf("%.17g", c(mean(x), sd(x)))  "4.0000000000099615e+18"
 * "6203459.2746434631" (sd(x) = 2^20 sd(0:19): the spread is exact in
 * the two-pass deviations; 1e-15 relative). */
START_TEST(exact_overflow_falls_back)
{
    double x[20], work[20];
    for (int i = 0; i < 20; i++)
        x[i] = 4e18 + i * 1048576.0;
    effekt_stats_options o = { .quantile_type = 7, .decimals = -1 };
    effekt_stats_summary s;
    ck_assert_int_eq(effekt_stats_describe(x, 20, &o, work, &s), EFFEKT_OK);
    ck_assert_int_eq(s.exact, 0);
    ck_assert(s.mean == 4000000000009961472.0);
    ck_assert_msg(fabs(s.sd - 6203459.2746434631) <= 1e-15 * 6203459.2746434631, "sd %.17g", s.sd);
}
END_TEST

/* The test and the sums go in blocks of 512 values, checked for
 * overflow only at a block's end: a value that fails the test first or
 * last in a block, or in a later block, and NaN, infinity and a value
 * past 2^53 (which converts to no integer) there, all give way to the
 * two-pass path with the bits of a run that never tried the exact one. */
START_TEST(exact_test_fails_in_blocks)
{
    enum { N = 1500 };
    static const size_t at[] = { 0, 511, 512, 1023, 1024, 1499 };
    static const double bad[] = { 0.125, 1e15, 1e300, INFINITY };
    double *x = malloc(N * sizeof *x), *work = malloc(N * sizeof *work);
    for (size_t a = 0; a < sizeof at / sizeof *at; a++)
        for (size_t b = 0; b < sizeof bad / sizeof *bad; b++) {
            for (size_t i = 0; i < N; i++)
                x[i] = (double)(long long)(i * 7919 % 100003) / 100.0 - 400;
            x[at[a]] = b % 2 ? -bad[b] : bad[b];
            effekt_stats_options o = { .quantile_type = 7, .decimals = 2 }, p = o;
            p.decimals = -1;
            effekt_stats_summary s, t;
            ck_assert_int_eq(effekt_stats_describe(x, N, &o, work, &s), EFFEKT_OK);
            ck_assert_int_eq(effekt_stats_describe(x, N, &p, work, &t), EFFEKT_OK);
            ck_assert_int_eq(s.exact, 0);
            ck_assert_msg(memcmp(&s, &t, sizeof s) == 0, "bad %g at %zu", bad[b], at[a]);
        }
    free(x);
    free(work);
}
END_TEST

/* A column said to have 2 decimals with one value that has 3 (or one
 * too large for the exact path): the one pass that tests and sums
 * (effekt_exact_sum_of) gives way to the two-pass path, the bits of a
 * run that never tried the exact one. */
START_TEST(exact_test_fails_midway)
{
    double x[40], work[40];
    for (int bad = 0; bad < 2; bad++) {
        for (int i = 0; i < 40; i++)
            x[i] = (i * 37 % 101) / 4.0 - 3;
        x[23] = bad ? 1e15 : 0.125;
        effekt_stats_options o = { .quantile_type = 7, .decimals = 2 }, p = o;
        p.decimals = -1;
        effekt_stats_summary a, b;
        ck_assert_int_eq(effekt_stats_describe(x, 40, &o, work, &a), EFFEKT_OK);
        ck_assert_int_eq(effekt_stats_describe(x, 40, &p, work, &b), EFFEKT_OK);
        ck_assert_int_eq(a.exact, 0);
        ck_assert(memcmp(&a, &b, sizeof a) == 0);
    }
}
END_TEST

START_TEST(selection_equals_sorting)
{
    /* from 4096 values the selection goes by the keys' bits first */
    static const size_t sizes[] = { 1, 2, 3, 5, 16, 17, 18, 33, 100, 257, 1000, 4095, 4096, 4099, 30000, 65539 };
    static const double pct[] = { 0, 1, 5, 10, 33, 50, 66.6, 90, 99, 100 };
    size_t n_max = 65539;
    double *x = malloc(n_max * sizeof *x), *s = malloc(n_max * sizeof *s), *tmp = malloc(n_max * sizeof *tmp);
    double *w = malloc(n_max * sizeof *w), *work = malloc(2 * n_max * sizeof *work);
    unsigned long long state = 7;
    for (size_t i = 0; i < n_max; i++)
        w[i] = 1;
    for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++)
        for (int pass = 0; pass < 6; pass++) {
            size_t n = sizes[si];
            for (size_t i = 0; i < n; i++) {
                state = state * 6364136223846793005ull + 1442695040888963407ull;
                unsigned long long r = state >> 33;
                if (pass == 0)        /* many ties, in cents */
                    x[i] = (double)(long long)(r % 50 - 20) / 100.0;
                else if (pass == 1)   /* few ties, in cents */
                    x[i] = (double)(long long)(r % 10000000) / 100.0 - 30000;
                else if (pass == 2)   /* binary fractions, with -0 and +0 */
                    x[i] = r % 7 == 0 ? (r % 2 ? -0.0 : 0.0) : ((double)r / 2147483648.0 - 0.5) * 1e3;
                else if (pass == 3)   /* ascending: a bad order for a naive pivot */
                    x[i] = (double)i;
                else if (pass == 4)   /* three values: whole buckets of ties */
                    x[i] = (double)(r % 3) * 1e6 - 1e6;
                else                  /* both signs, exponents from -300 to 300 */
                    x[i] = (r % 2 ? -1.0 : 1.0) * ldexp(1.0 + (double)(r % 1000) / 1000, (int)(r % 2000) - 1000);
            }
            for (int type = 1; type <= 9; type++) {
                int binary = pass == 2 || pass >= 4;   /* no decimals: interpolated as doubles */
                effekt_stats_options o = { .quantile_type = type, .decimals = binary ? -1 : 2,
                                              .n_percentiles = sizeof pct / sizeof *pct };
                memcpy(o.percentiles, pct, sizeof pct);
                effekt_stats_summary a, b;
                double sw;
                ck_assert_int_eq(effekt_stats_describe(x, n, &o, work, &a), EFFEKT_OK);
                ck_assert_int_eq(effekt_stats_describe_weighted(x, w, n, &o, work, &b, &sw), EFFEKT_OK);
                const double ga[] = { a.min, a.q1, a.median, a.q3, a.max, a.iqr, a.mad };
                const double gb[] = { b.min, b.q1, b.median, b.q3, b.max, b.iqr, b.mad };
                for (size_t k = 0; k < 7 && pass != 2; k++)   /* qsort there: -0 and +0 in any order */
                    ck_assert_msg(memcmp(&ga[k], &gb[k], sizeof ga[k]) == 0, "n %zu pass %d type %d stat %zu: %.17g != %.17g",
                                  n, pass, type, k, ga[k], gb[k]);
                for (size_t k = 0; k < o.n_percentiles && pass != 2; k++)
                    ck_assert_msg(memcmp(&a.percentile[k], &b.percentile[k], sizeof(double)) == 0,
                                  "n %zu pass %d type %d p%g: %.17g != %.17g", n, pass, type, pct[k],
                                  a.percentile[k], b.percentile[k]);
                /* and against sorting, where both interpolate doubles */
                if (!binary)
                    continue;
                memcpy(s, x, n * sizeof *s);
                effekt_sort(s, n, tmp);
                ck_assert(memcmp(&a.min, &s[0], sizeof a.min) == 0);
                ck_assert(memcmp(&a.max, &s[n - 1], sizeof a.max) == 0);
                double q = effekt_stats_quantile_sorted(s, n, 0.5, type);
                ck_assert_msg(memcmp(&a.median, &q, sizeof q) == 0, "median n %zu type %d", n, type);
                for (size_t k = 0; k < o.n_percentiles; k++) {
                    q = effekt_stats_quantile_sorted(s, n, pct[k] / 100, type);
                    ck_assert_msg(memcmp(&a.percentile[k], &q, sizeof q) == 0, "n %zu type %d p%g", n, type, pct[k]);
                }
                q = effekt_stats_quantile_sorted(s, n, 0.25, type);
                ck_assert_msg(memcmp(&a.q1, &q, sizeof q) == 0, "q1 n %zu type %d: %.17g %.17g", n, type, a.q1, q);
                q = effekt_stats_quantile_sorted(s, n, 0.75, type);
                ck_assert(memcmp(&a.q3, &q, sizeof q) == 0);
                double med7 = effekt_stats_quantile_sorted(s, n, 0.5, 7);
                for (size_t i = 0; i < n; i++)
                    s[i] = fabs(s[i] - med7);
                effekt_sort(s, n, tmp);
                q = 1.4826 * effekt_stats_quantile_sorted(s, n, 0.5, 7);
                ck_assert_msg(memcmp(&a.mad, &q, sizeof q) == 0, "mad n %zu type %d", n, type);
            }
        }
    free(x);
    free(s);
    free(tmp);
    free(w);
    free(work);
}
END_TEST

/* Frequency weights: the statistics of the data with each row repeated
 * w times (issue 14: the quantiles were type 1 whatever the type asked,
 * rows of weight 0 counted in n, min and max, fractional weights taken).
 * R 4.2:
 *   x <- c(3.1, 7.4, 2.2, 9.9, 4.4, 4.4, 15.0, 0.5, 100, NA, 8.8)
 *   w <- c(1,   3,   0,   2,   1,   2,   1,    2,   0,   2,  NA)
 *   ok <- !is.na(x) & !is.na(w) & w > 0
 *   e <- rep(x[ok], w[ok])          # the data the weights stand for
 *   p <- c(0, 0.1, 0.25, 0.33, 0.5, 0.9, 1)
 *   for (t in 1:9) cat(sprintf("%.17g", quantile(e, p, type = t, names = FALSE)), "\n")
 *   Hmisc::wtd.quantile(x, w, p, normwt = FALSE)    # = type 7, the row below
 *   n <- length(e); m <- mean(e); d <- e - m
 *   sprintf("%.17g", c(sum(e), m, sd(e), sd(e) / sqrt(n),
 *           m + c(-1, 1) * qt(.975, n - 1) * sd(e) / sqrt(n), IQR(e), mad(e),
 *           mean(d^3) / mean(d^2)^1.5 * sqrt(n * (n - 1)) / (n - 2),
 *           ((n + 1) * (mean(d^4) / mean(d^2)^2 - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))))
 *   c(Hmisc::wtd.mean(x[ok], w[ok]), sqrt(Hmisc::wtd.var(x[ok], w[ok], normwt = FALSE)))
 *                                    # 6.1916666666666673 4.193600824922167, as m and sd(e)
 * Quantiles to 1e-15 relative (a few operations, as R's), the rest 1e-12. */
static const double wx[] = { 3.1, 7.4, 2.2, 9.9, 4.4, 4.4, 15.0, 0.5, 100, NAN, 8.8 };
static const double ww[] = { 1, 3, 0, 2, 1, 2, 1, 2, 0, 2, NAN };
static const double wprobs[] = { 0, 10, 25, 33, 50, 90, 100 };
static const double r_weighted_quantiles[9][7] = {
    { 0.5, 0.5, 3.1000000000000001, 4.4000000000000004, 4.4000000000000004, 9.9000000000000004, 15 },
    { 0.5, 0.5, 3.75, 4.4000000000000004, 5.9000000000000004, 9.9000000000000004, 15 },
    { 0.5, 0.5, 3.1000000000000001, 4.4000000000000004, 4.4000000000000004, 9.9000000000000004, 15 },
    { 0.5, 0.5, 3.1000000000000001, 4.3480000000000008, 4.4000000000000004, 9.9000000000000004, 15 },
    { 0.5, 0.5, 3.75, 4.4000000000000004, 5.9000000000000004, 11.430000000000003, 15 },
    { 0.5, 0.5, 3.4250000000000003, 4.4000000000000004, 5.9000000000000004, 13.470000000000006, 15 },
    { 0.5, 0.76000000000000023, 4.0750000000000002, 4.4000000000000004, 5.9000000000000004, 9.9000000000000004, 15 },
    { 0.5, 0.5, 3.6416666666666666, 4.4000000000000004, 5.8999999999999977, 12.110000000000001, 15 },
    { 0.5, 0.5, 3.6687500000000002, 4.4000000000000004, 5.9000000000000004, 11.940000000000001, 15 },
};

START_TEST(weighted_as_r)
{
    double work[22], sw;
    effekt_stats_options opt = { .confidence = 0.95, .decimals = -1, .n_percentiles = 7 };
    memcpy(opt.percentiles, wprobs, sizeof wprobs);
    effekt_stats_summary s;
    for (int type = 1; type <= 9; type++) {
        opt.quantile_type = type;
        ck_assert_int_eq(effekt_stats_describe_weighted(wx, ww, 11, &opt, work, &s, &sw), EFFEKT_OK);
        for (size_t k = 0; k < 7; k++) {
            double want = r_weighted_quantiles[type - 1][k];
            ck_assert_msg(fabs(s.percentile[k] - want) <= 1e-15 * fabs(want), "type %d p %g: %.17g, R %.17g",
                          type, wprobs[k], s.percentile[k], want);
        }
        ck_assert_double_eq(s.q1, s.percentile[2]);
        ck_assert_double_eq(s.median, s.percentile[4]);
    }
    opt.quantile_type = 0;   /* R's default, 7 */
    ck_assert_int_eq(effekt_stats_describe_weighted(wx, ww, 11, &opt, work, &s, &sw), EFFEKT_OK);
    ck_assert_uint_eq(s.n, 7);         /* the rows of weight 0 are no data */
    ck_assert_uint_eq(s.missing, 2);   /* a missing value, a missing weight */
    ck_assert_double_eq(sw, 12.0);
    ck_assert_double_eq(s.min, 0.5);   /* not 2.2 nor 100, of weight 0 */
    ck_assert_double_eq(s.max, 15.0);
    NEAR(s.sum, 74.299999999999997);
    NEAR(s.mean, 6.1916666666666673);
    NEAR(s.sd, 4.193600824922167);
    NEAR(s.se, 1.210588282571325);
    NEAR(s.ci_lower, 3.5271798217463575);
    NEAR(s.ci_upper, 8.8561535115869781);
    NEAR(s.q1, 4.0750000000000002);
    NEAR(s.median, 5.9000000000000004);
    NEAR(s.iqr, 3.9500000000000002);
    NEAR(s.mad, 3.1875900000000001);
    NEAR(s.skewness, 0.55488575475437352);
    NEAR(s.kurtosis, 0.36131453589355733);
    /* with the decimals as written (one), the exact path: the same figures */
    opt.decimals = 1;
    ck_assert_int_eq(effekt_stats_describe_weighted(wx, ww, 11, &opt, work, &s, &sw), EFFEKT_OK);
    ck_assert(s.exact);
    NEAR(s.mean, 6.1916666666666673);
    NEAR(s.sd, 4.193600824922167);
    NEAR(s.skewness, 0.55488575475437352);
    NEAR(s.kurtosis, 0.36131453589355733);
    NEAR(s.mad, 3.1875900000000001);
    /* not frequencies: negative, fractional, infinite; nothing computed */
    static const double bad[] = { -1, 1.5, 0.25, INFINITY, 9007199254740992.0 };
    for (size_t b = 0; b < sizeof bad / sizeof *bad; b++) {
        double w2[11];
        memcpy(w2, ww, sizeof w2);
        w2[5] = bad[b];
        ck_assert_int_eq(effekt_stats_weight_valid(bad[b]), EFFEKT_EVALUE);
        ck_assert_int_eq(effekt_stats_describe_weighted(wx, w2, 11, &opt, work, &s, &sw), EFFEKT_EVALUE);
    }
    ck_assert_int_eq(effekt_stats_weight_valid(NAN), EFFEKT_OK);
    ck_assert_int_eq(effekt_stats_weight_valid(0), EFFEKT_OK);
    ck_assert_int_eq(effekt_stats_weight_valid(9007199254740991.0), EFFEKT_OK);
    /* weights summing to 2^53: the ranks would no longer be exact */
    const double two[] = { 1, 2 }, big[] = { 4503599627370496.0, 4503599627370496.0 };
    ck_assert_int_eq(effekt_stats_describe_weighted(two, big, 2, &opt, work, &s, &sw), EFFEKT_ELIMIT);
}
END_TEST

/* The definition, checked on many data: weighted by whole numbers is
 * effekt_stats_describe of the data with each row repeated (R's quantile(rep(x,
 * w), type = t)), for every type, on the exact path (decimals 2) and the
 * two-pass one (values that are no short decimals).  Order statistics
 * must agree exactly (the same formulas on the same values); moments to
 * 1e-12 relative (the same sums, added in another order). */
START_TEST(weighted_is_repeated)
{
    enum { N = 60 };
    double x[N], w[N], work[2 * N], *rep = malloc(20 * N * sizeof *rep), *rwork = malloc(20 * N * sizeof *rwork);
    unsigned long long state = 14;
    for (int pass = 0; pass < 40; pass++) {
        size_t m = 0;
        for (size_t i = 0; i < N; i++) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            int k = (int)(state >> 40) % 2000 - 500;
            x[i] = pass % 2 ? k / 100.0 : k / 7.0 + 1e6;
            if (i % 7 == 3)
                x[i] = x[i - 1];   /* ties */
            w[i] = (double)((state >> 20) % 6);   /* 0 to 5 */
            for (int r = 0; r < (int)w[i]; r++)
                rep[m++] = x[i];
        }
        effekt_stats_options opt = { .confidence = 0.9, .decimals = pass % 2 ? 2 : -1, .n_percentiles = 5,
                                        .percentiles = { 1, 12.5, 33.3, 87, 99 }, .quantile_type = 1 + pass % 9 };
        effekt_stats_summary a, b;
        double sw;
        ck_assert_int_eq(effekt_stats_describe_weighted(x, w, N, &opt, work, &a, &sw), EFFEKT_OK);
        ck_assert_int_eq(effekt_stats_describe(rep, m, &opt, rwork, &b), EFFEKT_OK);
        ck_assert_double_eq(sw, (double)m);
        ck_assert_int_eq(a.exact, b.exact);
        const double ao[] = { a.min, a.q1, a.median, a.q3, a.max, a.iqr, a.mad, a.percentile[0], a.percentile[1],
                              a.percentile[2], a.percentile[3], a.percentile[4] };
        const double bo[] = { b.min, b.q1, b.median, b.q3, b.max, b.iqr, b.mad, b.percentile[0], b.percentile[1],
                              b.percentile[2], b.percentile[3], b.percentile[4] };
        for (size_t k = 0; k < sizeof ao / sizeof *ao; k++)
            ck_assert_msg(ao[k] == bo[k], "pass %d type %d, order statistic %zu: weighted %.17g, repeated %.17g",
                          pass, opt.quantile_type, k, ao[k], bo[k]);
        const double am[] = { a.sum, a.mean, a.sd, a.se, a.ci_lower, a.ci_upper, a.skewness, a.kurtosis };
        const double bm[] = { b.sum, b.mean, b.sd, b.se, b.ci_lower, b.ci_upper, b.skewness, b.kurtosis };
        for (size_t k = 0; k < sizeof am / sizeof *am; k++)
            ck_assert_msg(fabs(am[k] - bm[k]) <= 1e-12 * fabs(bm[k]), "pass %d, moment %zu: weighted %.17g, repeated %.17g",
                          pass, k, am[k], bm[k]);
    }
    free(rep);
    free(rwork);
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
        effekt_stats_options opt = { .confidence = 0.95, .decimals = -1 };
        effekt_stats_summary s;
        ck_assert_int_eq(effekt_stats_describe(x, 11, &opt, work, &s), EFFEKT_OK);
        ck_assert_int_eq(s.exact, cases[c].exact);
        NEAR(s.skewness, 0.12762165967608582);
        NEAR(s.kurtosis, -1.33667721775829906);
        NEAR(s.sd, 3.1766191290283907);   /* sd(x) */
    }
}
END_TEST

/* Two partials that hold every value, whose union is over the 4,096 a
 * sketch keeps exactly: the merge is the partial of one run over the
 * union (the same kept values at the same ranks), whichever way the
 * values are split.  R: x <- ((1:8000)^2 %% 10007) / 8;
 * quantile(x, .5) is 618.625; the sketch's median is within its
 * rank_error * n ranks of it.  The same partial twice: EFFEKT_EINVAL. */
START_TEST(partial_merge_exact_union)
{
    enum { N = 8000 };
    static double x[N], odd[N / 2], even[N / 2];
    for (int i = 0; i < N; i++) {
        x[i] = (double)((long)(i + 1) * (i + 1) % 10007) / 8;
        (i % 2 ? odd : even)[i / 2] = x[i];
    }
    effekt_partial all, a, b, again;
    ck_assert_int_eq(effekt_partial_compute(x, N, 3, &all), EFFEKT_OK);
    ck_assert_int_eq(effekt_partial_compute(even, N / 2, 3, &a), EFFEKT_OK);
    ck_assert_int_eq(effekt_partial_compute(odd, N / 2, 3, &b), EFFEKT_OK);
    ck_assert_int_eq(effekt_partial_compute(even, N / 2, 3, &again), EFFEKT_OK);
    ck_assert_str_eq(a.id, again.id);
    ck_assert_str_ne(a.id, b.id);
    ck_assert_int_eq(effekt_partial_merge(&a, &again), EFFEKT_EINVAL);
    ck_assert_uint_eq(a.n, N / 2);   /* unchanged */
    ck_assert_int_eq(effekt_partial_merge(&a, &b), EFFEKT_OK);
    ck_assert_uint_eq(a.n_points, all.n_points);
    ck_assert_int_eq(memcmp(a.points, all.points, all.n_points * sizeof *a.points), 0);
    ck_assert_int_eq(memcmp(a.ranks, all.ranks, all.n_points * sizeof *a.ranks), 0);
    ck_assert(a.rank_error == all.rank_error);
    effekt_stats_summary s;
    effekt_partial_summary(&a, 0.95, &s);
    size_t below = 0;
    for (int i = 0; i < N; i++)
        below += x[i] < s.median;
    ck_assert(fabs((double)below - (N - 1) / 2.0) <= a.rank_error * N + 1);
    ck_assert(fabs(s.median - 618.625) < 0.1);
    effekt_partial_clear(&all);
    effekt_partial_clear(&a);
    effekt_partial_clear(&b);
    effekt_partial_clear(&again);
}
END_TEST

static Suite *stats_suite(void)
{
    Suite *s = suite_create("stats");
    TCase *tc = tcase_create("descriptive");
    tcase_add_test(tc, nist_univariate);
    tcase_add_test(tc, nist_shape_both_paths);
    tcase_add_test(tc, quantile_types_as_r);
    tcase_add_test(tc, summary_as_r);
    tcase_add_test(tc, iqr_in_the_units_of_each_type);
    tcase_add_test(tc, too_few_values);
    tcase_add_test(tc, radix_sort_orders_everything);
    tcase_add_test(tc, selection_equals_sorting);
    tcase_add_test(tc, describe_in_place);
    tcase_add_test(tc, exact_overflow_falls_back);
    tcase_add_test(tc, exact_test_fails_in_blocks);
    tcase_add_test(tc, exact_test_fails_midway);
    tcase_add_test(tc, weighted_as_r);
    tcase_add_test(tc, partial_merge_exact_union);
    tcase_add_test(tc, weighted_is_repeated);
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
