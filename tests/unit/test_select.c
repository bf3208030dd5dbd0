/* test_select.c — the kernels under describe's statistics against their
 * references: effekt_select_values (the values at the wanted ranks,
 * without putting them there) against effekt_sort, bit for bit, and the
 * exact sums taken in blocks (effekt_exact_sum_add_checked) against the
 * value-by-value accumulator (effekt_exact_decimals's test, then
 * effekt_exact_sum_add).  Linked with the static library: it calls
 * functions the shared one does not export. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/sort.h"
#include "lib_sort.h"
#include "stats/exact_sum.h"

static uint64_t state = 12345;

static uint64_t next(void)
{
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
}

/* Patterns of values: what each makes the selection do. */
enum { CENTS, TIES, SIGNED_ZEROS, ASCENDING, CONCENTRATED, WIDE, TWO, ONE, N_PATTERNS };

static double value(int pattern, size_t i, size_t n)
{
    uint64_t r = next();
    switch (pattern) {
    case CENTS:   /* money: the describe job's kind */
        return (double)(r % 10000000) / 100.0;
    case TIES:   /* many ties */
        return (double)(long long)(r % 50 - 20) / 100.0;
    case SIGNED_ZEROS:   /* -0 and +0 (keys: -0 first), both signs */
        return r % 5 == 0 ? (r % 2 ? -0.0 : 0.0) : ((double)r / 2147483648.0 - 0.5) * 1e3;
    case ASCENDING:
        return (double)i;
    case CONCENTRATED:   /* nearly all in one bucket: the wanted buckets are most of the values */
        return r % 1000 == 0 ? (double)(r % 7) * 1e9 : 1.0 + (double)(r % 3) * 1e-12;
    case WIDE:   /* exponents from -300 to 300 */
        return (r % 2 ? -1.0 : 1.0) * ldexp(1.0 + (double)(r % 1000) / 1000, (int)(r % 2000) - 1000);
    case TWO:   /* the least and the greatest key only */
        return i % 3 ? 5.0 : -5.0;
    default:   /* one value */
        (void)n;
        return 42.0;
    }
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    uint64_t u = effekt_sort_key(x), v = effekt_sort_key(y);
    return (u > v) - (u < v);
}

/* From 4,096 values (the keys' bits first) and below (effekt_select's
 * way): the value of every wanted rank is the sort's, bit for bit (-0
 * before +0); the ranks come back sorted, once each, those past n
 * dropped; x keeps its values; the least and greatest keys given or not
 * give the same. */
START_TEST(select_values_equals_sort)
{
    static const size_t sizes[] = { 300, 4095, 4096, 5000, 65539, 200003 };
    size_t n_max = 200003;
    double *x = malloc(n_max * sizeof *x), *y = malloc(n_max * sizeof *y), *s = malloc(n_max * sizeof *s);
    double *tmp = malloc(n_max * sizeof *tmp);
    ck_assert(x && y && s && tmp);
    for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++)
        for (int pattern = 0; pattern < N_PATTERNS; pattern++)
            for (int given = 0; given < 2; given++) {
                size_t n = sizes[si];
                uint64_t keys[2] = { UINT64_MAX, 0 };
                for (size_t i = 0; i < n; i++) {
                    x[i] = value(pattern, i, n);
                    uint64_t k = effekt_sort_key(x[i]);
                    keys[0] = k < keys[0] ? k : keys[0];
                    keys[1] = k > keys[1] ? k : keys[1];
                }
                memcpy(s, x, n * sizeof *s);
                effekt_sort(s, n, tmp);
                /* the ranks of min, max, the quartiles, median, p90, p99
                 * (two each), a duplicate and one past the end */
                size_t ranks[] = { n - 1, 0, n / 2, (n - 1) / 2, n / 4, n / 4 + 1, 3 * n / 4, (3 * n) / 4 + 1,
                                   9 * n / 10, 99 * n / 100, 99 * n / 100 + 1, n / 2, n, 1, n - 2 };
                size_t n_ranks = sizeof ranks / sizeof *ranks;
                double values[sizeof ranks / sizeof *ranks];
                size_t distinct = 0;
                for (size_t j = 0; j < n_ranks; j++) {
                    int seen = ranks[j] >= n;
                    for (size_t i = 0; i < j; i++)
                        seen |= ranks[i] == ranks[j];
                    distinct += !seen;
                }
                memcpy(y, x, n * sizeof *y);
                size_t m = effekt_select_values(y, n, ranks, n_ranks, given ? keys : NULL, values);
                ck_assert_uint_eq(m, distinct);
                for (size_t j = 0; j < m; j++) {
                    ck_assert(j == 0 || ranks[j - 1] < ranks[j]);
                    ck_assert_uint_lt(ranks[j], n);
                    if (n < 256 && pattern == SIGNED_ZEROS)
                        continue;   /* qsort there: -0 and +0 in any order */
                    ck_assert_msg(memcmp(&values[j], &s[ranks[j]], sizeof(double)) == 0,
                                  "n %zu pattern %d rank %zu: %.17g != %.17g", n, pattern, ranks[j], values[j],
                                  s[ranks[j]]);
                }
                /* the same values in x, in some order */
                qsort(y, n, sizeof *y, by_value);
                qsort(s, n, sizeof *s, by_value);
                ck_assert(memcmp(y, s, n * sizeof *y) == 0);
            }
    free(x);
    free(y);
    free(s);
    free(tmp);
}
END_TEST

/* The value-by-value accumulator: effekt_exact_decimals's test for d of
 * each value, then effekt_exact_sum_add. */
static void one_by_one(effekt_exact_sum *a, const double *x, size_t n, int d)
{
    effekt_exact_sum_init(a, d);
    for (size_t i = 0; i < n && a->decimals >= 0; i++)
        if (effekt_exact_decimals(&x[i], 1, d) != d)
            a->decimals = -1;
        else
            effekt_exact_sum_add(a, x[i], 1);
}

static void ck_same_sums(const effekt_exact_sum *a, const effekt_exact_sum *b)
{
    ck_assert_int_eq(a->decimals, b->decimals);
    if (a->decimals < 0)
        return;
    ck_assert(a->count == b->count);
    ck_assert(a->s1 == b->s1);
    ck_assert(a->s2 == b->s2);
}

/* In blocks of 512, without a branch a value: the sums and the verdict
 * of the value-by-value accumulator, for every length around a block's
 * and a value that fails the test (more decimals, 2^53 and past it,
 * NaN, infinity) first, last or inside a block; and taken in pieces of
 * any length, one after another, they equal one call on all. */
START_TEST(exact_checked_equals_one_by_one)
{
    static const size_t sizes[] = { 0, 1, 2, 511, 512, 513, 1024, 1025, 5000 };
    static const double bad[] = { 0.125, 9007199254740992.0 / 100, 1e300, NAN, INFINITY, -INFINITY };
    double *x = malloc(5000 * sizeof *x);
    ck_assert_ptr_nonnull(x);
    for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++) {
        size_t n = sizes[si];
        for (long b = -1; b < (long)(sizeof bad / sizeof *bad); b++)
            for (size_t at = 0; at < n; at += at < 2 || at + 3 > n ? 1 : n / 3) {
                for (size_t i = 0; i < n; i++)
                    x[i] = (double)((long long)(next() % 20000001) - 10000000) / 100.0;
                if (b >= 0)
                    x[at] = bad[b];
                effekt_exact_sum a, c, p;
                one_by_one(&a, x, n, 2);
                effekt_exact_sum_init(&c, 2);
                effekt_exact_sum_add_checked(&c, x, n);
                ck_same_sums(&c, &a);
                ck_assert_int_eq(c.decimals, b >= 0 ? -1 : 2);
                effekt_exact_sum_init(&p, 2);
                for (size_t from = 0, len = 1; from < n; from += len, len = len * 3 + 1)
                    effekt_exact_sum_add_checked(&p, x + from, from + len < n ? len : n - from);
                ck_same_sums(&p, &a);
                if (b < 0)
                    break;
            }
    }
    free(x);
}
END_TEST

/* The sum of squares checked only at a block's end: 2^21 values of
 * k = 2^53 - 1 (decimals 0) have sum k^2 = 2^127 - 2^75 + 2^21, which
 * fits in 128 bits; one more does not.  Both verdicts are the
 * value-by-value accumulator's. */
START_TEST(exact_overflow_at_the_limit)
{
    size_t n = ((size_t)1 << 21) + 1;
    double *x = malloc(n * sizeof *x);
    ck_assert_ptr_nonnull(x);
    for (size_t i = 0; i < n; i++)
        x[i] = 9007199254740991.0;
    for (size_t m = n - 1; m <= n; m++) {
        effekt_exact_sum a, c;
        one_by_one(&a, x, m, 0);
        effekt_exact_sum_init(&c, 0);
        effekt_exact_sum_add_checked(&c, x, m);
        ck_assert_int_eq(c.decimals, m == n - 1 ? 0 : -1);
        ck_same_sums(&c, &a);
    }
    free(x);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("select");
    TCase *tc = tcase_create("kernels");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, select_values_equals_sort);
    tcase_add_test(tc, exact_checked_equals_one_by_one);
    tcase_add_test(tc, exact_overflow_at_the_limit);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
