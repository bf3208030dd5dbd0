/* exact_sum.h — the one exact-decimal accumulator.  Internal.
 *
 * Values that are decimals as written (x = k / 10^d, k an integer below
 * 2^53) or whole numbers below 2^63 are summed as the integers k in
 * 128-bit arithmetic: count, sum k and sum k^2, each value counted a
 * whole number of times.  effekt_stats_describe and the partial summaries of
 * describe --partial both take their moments from here, with the same
 * formulas, so a merge of partials gives the bits one run gives. */
#ifndef EFFEKT_STATS_EXACT_SUM_H
#define EFFEKT_STATS_EXACT_SUM_H

#include <stddef.h>
#include <stdint.h>

__extension__ typedef __int128 effekt_int128;
__extension__ typedef unsigned __int128 effekt_uint128;

/* 10^0 .. 10^15, each exact in a double: the one table of powers of ten. */
extern const double effekt_pow10[16];
#define EFFEKT_POW10_MAX 15

/* The decimals d that make every x[0..n) an exact integer k = x 10^d, or
 * -1 when there are none.  The column's decimals when it has them (every
 * k then below 2^53 and x the correctly rounded k / 10^d); else, when
 * every x is a whole number below 2^63 in magnitude, 0: such doubles are
 * integers exactly, whatever was written (16-digit integers are not
 * "clean" decimals to the loader, but their doubles are exact up to
 * 2^53, and past it the double is all anyone has).  n 0 gives -1. */
int effekt_exact_decimals(const double *x, size_t n, int decimals);

/* 10^d, or 0 for d < 0 (no exact path). */
double effekt_exact_scale(int decimals);

/* x 10^d as the integer it is (x already checked by effekt_exact_decimals). */
int64_t effekt_exact_scaled(double x, double scale);

typedef struct {
    effekt_int128 count, s1, s2;   /* sum w, sum w k, sum w k^2 */
    int decimals;                  /* of k; -1 when the sums overflowed 128 bits */
} effekt_exact_sum;

void effekt_exact_sum_init(effekt_exact_sum *a, int decimals);

/* Add x counted w times (a whole number >= 0).  Returns 0, and marks a
 * as overflowed (decimals -1), when 128 bits could not hold the sums. */
int effekt_exact_sum_add(effekt_exact_sum *a, double x, int64_t w);

/* Add x[0..n), each counted once: effekt_exact_sum_add(a, x[i], 1) for
 * each i, the sums kept in registers.  Returns 0 as it does. */
int effekt_exact_sum_add_all(effekt_exact_sum *a, const double *x, size_t n);

/* Add x[0..n) (no NaN), each counted once, to a whose decimals d were
 * set by effekt_exact_sum_init (0 <= d <= EFFEKT_POW10_MAX), when each
 * passes effekt_exact_decimals's test for d (k below 2^53, x the
 * correctly rounded k / 10^d); else, or when 128 bits cannot hold the
 * sums, a is marked (decimals -1, the sums 0).  Called on the blocks of
 * an array one after another, it gives what one call on all of it
 * gives. */
void effekt_exact_sum_add_checked(effekt_exact_sum *a, const double *x, size_t n);

/* effekt_exact_sum_init(a, effekt_exact_decimals(x, n, decimals)) and
 * effekt_exact_sum_add_all(a, x, n) in one pass over x: the same
 * decimals, and with decimals >= 0 the same sums (with -1 the sums are
 * not to be read). */
void effekt_exact_sum_of(effekt_exact_sum *a, const double *x, size_t n, int decimals);

/* a += b, both brought to the larger decimals exactly.  Returns 0 (a
 * overflowed, decimals -1) when 128 bits cannot hold them. */
int effekt_exact_sum_merge(effekt_exact_sum *a, const effekt_exact_sum *b);

/* Sum, mean and variance (denominator count - 1; NaN below 2 values)
 * from exact sums, each rounded once from the exact rational.  Returns
 * 0 when count s2 - s1^2 overflows 128 bits (sum and mean are then set,
 * var is not): the caller takes another path for the spread. */
int effekt_exact_sum_moments(const effekt_exact_sum *a, long double *sum, long double *mean, long double *var);

/* The IQR of quartiles q1, q3 of quantile type 1..9 on decimal data of
 * the given scale (10^d): in the units of the type's interpolation, the
 * exact difference rounded once; q3 - q1 when scale is 0. */
double effekt_exact_iqr(double q1, double q3, int type, double scale);

/* R's quantile(x, p, type) on sorted x[0..n); with scale (10^d, 0 for
 * none) interpolating on the decimals as written.  Defined in
 * descriptive.c. */
double effekt_quantile_sorted_scaled(const double *sorted, size_t n, double p, int type, double scale);

#endif
