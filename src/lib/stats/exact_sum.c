/* The exact-decimal accumulator shared by describe and the partials. */
#include "config.h"

#include <float.h>
#include <math.h>
#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "exact_sum.h"

/* nearbyint(y) as a whole number for the casts below, without the call
 * into libm on the path every value takes: below 2^51 in magnitude,
 * adding and taking away 1.5 * 2^52 rounds y to the nearest whole number
 * in the current rounding mode, as nearbyint does (only the sign of a
 * zero may differ, which the casts drop).  Where doubles are evaluated in
 * wider registers (FLT_EVAL_METHOD != 0) the sum would not round there:
 * nearbyint then. */
static inline double whole(double y)
{
#if FLT_EVAL_METHOD == 0
    if (fabs(y) < 2251799813685248.0)
        return (y + 6755399441055744.0) - 6755399441055744.0;
#endif
    return nearbyint(y);
}

const double effekt_pow10[16] = { 1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                  1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };

int effekt_exact_decimals(const double *x, size_t n, int decimals)
{
    if (n == 0 || decimals > EFFEKT_POW10_MAX)
        return -1;
    if (decimals < 0) {
        for (size_t i = 0; i < n; i++)
            if (!(fabs(x[i]) < 9223372036854775808.0) || x[i] != floor(x[i]))
                return -1;
        return 0;
    }
    double scale = effekt_pow10[decimals];
    for (size_t i = 0; i < n; i++) {
        double y = x[i] * scale;
        if (!(fabs(y) < 9007199254740992.0))
            return -1;
        if ((double)(int64_t)whole(y) / scale != x[i])
            return -1;
    }
    return decimals;
}

double effekt_exact_scale(int decimals)
{
    return decimals >= 0 && decimals <= EFFEKT_POW10_MAX ? effekt_pow10[decimals] : 0;
}

int64_t effekt_exact_scaled(double x, double scale)
{
    return (int64_t)whole(x * scale);
}

void effekt_exact_sum_init(effekt_exact_sum *a, int decimals)
{
    a->count = a->s1 = a->s2 = 0;
    a->decimals = decimals;
}

int effekt_exact_sum_add(effekt_exact_sum *a, double x, int64_t w)
{
    if (a->decimals < 0)
        return 0;
    if (w == 1) {
        /* the common case, unweighted: k below 2^63 in magnitude, so k^2
         * (below 2^126) needs no check, only the sums */
        int64_t k1 = effekt_exact_scaled(x, effekt_pow10[a->decimals]);
        a->count += 1;
        if (__builtin_add_overflow(a->s1, (effekt_int128)k1, &a->s1)
            || __builtin_add_overflow(a->s2, (effekt_int128)k1 * k1, &a->s2)) {
            a->decimals = -1;
            return 0;
        }
        return 1;
    }
    effekt_int128 k = effekt_exact_scaled(x, effekt_pow10[a->decimals]), wk, wkk;
    a->count += w;
    if (__builtin_mul_overflow((effekt_int128)w, k, &wk) || __builtin_add_overflow(a->s1, wk, &a->s1)
        || __builtin_mul_overflow(k * k, (effekt_int128)w, &wkk) || __builtin_add_overflow(a->s2, wkk, &a->s2)) {
        a->decimals = -1;
        return 0;
    }
    return 1;
}

int effekt_exact_sum_add_all(effekt_exact_sum *a, const double *x, size_t n)
{
    if (a->decimals < 0)
        return 0;
    double scale = effekt_pow10[a->decimals];
    effekt_int128 s1 = a->s1, s2 = a->s2;
    for (size_t i = 0; i < n; i++) {
        /* k below 2^63 in magnitude: k^2 (below 2^126) needs no check */
        int64_t k = effekt_exact_scaled(x[i], scale);
        if (__builtin_add_overflow(s1, (effekt_int128)k, &s1) || __builtin_add_overflow(s2, (effekt_int128)k * k, &s2)) {
            a->count += (effekt_int128)i + 1;
            a->decimals = -1;
            return 0;
        }
    }
    a->count += n;
    a->s1 = s1;
    a->s2 = s2;
    return 1;
}

/* y (below 2^63 in magnitude) rounded to a whole number in the current
 * rounding mode, as nearbyint, and converted; a branch-free loop can
 * take it for any y: cvtsd2si on x86-64 (out of range: INT64_MIN, no
 * undefined behaviour), else 0 for what is out of range. */
static inline int64_t whole_int(double y)
{
#if defined(__x86_64__) && defined(__SSE2__)
    return _mm_cvtsd_si64(_mm_set_sd(y));
#else
    return fabs(y) < 9007199254740992.0 ? (int64_t)whole(y) : 0;
#endif
}

/* Values a block of the checked sums takes: its k (each below 2^53 in
 * magnitude) add up in 64 bits, and its k^2 (below 2^106) below 2^122,
 * so the block needs no check of overflow, only its sums added to the
 * totals. */
enum { CHECKED_BLOCK = 512 };

void effekt_exact_sum_add_checked(effekt_exact_sum *a, const double *x, size_t n)
{
    if (a->decimals < 0)
        return;
    double scale = effekt_pow10[a->decimals];
    effekt_int128 s1 = a->s1, s2 = a->s2;
    for (size_t from = 0; from < n; from += CHECKED_BLOCK) {
        size_t to = n - from < CHECKED_BLOCK ? n : from + CHECKED_BLOCK;
        /* unsigned: the k of a value that fails (INT64_MIN past 2^63)
         * may wrap them, which is defined; the sums of a block that
         * passes are those of the signed k */
        uint64_t b1 = 0;
        effekt_uint128 b2 = 0;
        int bad = 0;
        for (size_t i = from; i < to; i++) {
            /* effekt_exact_decimals's test of each value, without a
             * branch: a value that fails it marks the block, whose sums
             * are then not kept */
            double y = x[i] * scale;
            int64_t k = whole_int(y);
            bad |= !(fabs(y) < 9007199254740992.0) | ((double)k / scale != x[i]);
            b1 += (uint64_t)k;
            b2 += (effekt_uint128)((effekt_int128)k * k);
        }
        /* sum |k| stays below 2^117 (n below 2^64, k below 2^53): only
         * sum k^2, which only grows, can overflow, and it does at the end
         * of a block when it did inside it */
        if (bad || __builtin_add_overflow(s2, (effekt_int128)b2, &s2)) {
            a->count = a->s1 = a->s2 = 0;
            a->decimals = -1;
            return;
        }
        s1 += (int64_t)b1;
    }
    a->count += n;
    a->s1 = s1;
    a->s2 = s2;
}

void effekt_exact_sum_of(effekt_exact_sum *a, const double *x, size_t n, int decimals)
{
    if (n == 0 || decimals < 0 || decimals > EFFEKT_POW10_MAX) {
        effekt_exact_sum_init(a, effekt_exact_decimals(x, n, decimals));
        effekt_exact_sum_add_all(a, x, n);
        return;
    }
    effekt_exact_sum_init(a, decimals);
    effekt_exact_sum_add_checked(a, x, n);
}

int effekt_exact_sum_merge(effekt_exact_sum *a, const effekt_exact_sum *b)
{
    if (a->decimals < 0 || b->decimals < 0) {
        a->decimals = -1;
        return 0;
    }
    int d = a->decimals > b->decimals ? a->decimals : b->decimals;
    effekt_int128 s1a = a->s1, s2a = a->s2, s1b = b->s1, s2b = b->s2;
    int ok = 1;
    for (int k = a->decimals; k < d && ok; k++)
        ok = !__builtin_mul_overflow(s1a, 10, &s1a) && !__builtin_mul_overflow(s2a, 100, &s2a);
    for (int k = b->decimals; k < d && ok; k++)
        ok = !__builtin_mul_overflow(s1b, 10, &s1b) && !__builtin_mul_overflow(s2b, 100, &s2b);
    if (!ok || __builtin_add_overflow(s1a, s1b, &a->s1) || __builtin_add_overflow(s2a, s2b, &a->s2)) {
        a->decimals = -1;
        return 0;
    }
    a->count += b->count;
    a->decimals = d;
    return 1;
}

int effekt_exact_sum_moments(const effekt_exact_sum *a, long double *sum, long double *mean, long double *var)
{
    double scale = effekt_pow10[a->decimals];
    *sum = (long double)a->s1 / scale;
    *mean = (long double)a->s1 / (long double)a->count / scale;
    *var = NAN;
    if (a->count < 2)
        return 1;
    effekt_int128 x, y, num;
    if (__builtin_mul_overflow(a->count, a->s2, &x) || __builtin_mul_overflow(a->s1, a->s1, &y)
        || __builtin_sub_overflow(x, y, &num))
        return 0;
    *var = (long double)num / ((long double)a->count * (long double)(a->count - 1)) / ((long double)scale * scale);
    return 1;
}

double effekt_exact_iqr(double q1, double q3, int type, double scale)
{
    /* On decimal data (k/scale) a quartile is k/(u scale) for a whole k,
     * u the steps of the type's interpolation at p = 1/4 and 3/4: h is
     * n p + m with m in quarters for types 4-7, in twelfths for type 8
     * ((n + 1/3) p + 1/3) and sixteenths for type 9 ((n + 1/4) p + 3/8);
     * type 2 averages two values.  Taken in those units the IQR is the
     * exact difference, correctly rounded once.  The guard is relative
     * to the quartiles, so values of 1e-9 cannot pass a wrong unit. */
    static const int units[10] = { [1] = 1, [2] = 2, [3] = 1, [4] = 4, [5] = 4, [6] = 4, [7] = 4, [8] = 12, [9] = 16 };
    if (!scale || type < 1 || type > 9)
        return q3 - q1;
    long double u = units[type] * (long double)scale;
    long double a = nearbyintl((long double)q1 * u), b = nearbyintl((long double)q3 * u);
    long double d = (b - a) / u;
    long double tol = 1e-12L * (fabsl((long double)q1) + fabsl((long double)q3));
    return fabsl((long double)(q3 - q1) - d) <= tol ? (double)d : q3 - q1;
}
