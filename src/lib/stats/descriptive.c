/* Descriptive statistics: exact decimal moments where the data allow,
 * corrected two-pass in extended precision otherwise; the nine quantile
 * types of Hyndman & Fan as R computes them. */
#include "config.h"

#include "lib_alloc.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/stats.h"

__extension__ typedef __int128 int128;

static const double pow10_exact[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
};

/* Interpolate between two order statistics.  With scale (10^decimals),
 * on the exact decimals behind them, so 10000000.3 - 10000000.1 is 0.2,
 * not the difference of their binary roundings. */
static double lerp(double lo, double hi, double h, double scale)
{
    if (scale == 0)
        return (1 - h) * lo + h * hi;
    long double a = nearbyint(lo * scale), b = nearbyint(hi * scale);
    return (double)(((1 - (long double)h) * a + (long double)h * b) / scale);
}

static double quantile_scaled(const double *x, size_t n, double p, int type, double scale);

/* R's quantile(x, p, type) on sorted x (R 4.x, src/library/stats/R/quantile.R). */
double effekt_quantile_sorted(const double *x, size_t n, double p, int type)
{
    return quantile_scaled(x, n, p, type, 0);
}

static double quantile_scaled(const double *x, size_t n, double p, int type, double scale)
{
    if (n == 0 || isnan(p) || p < 0 || p > 1)
        return NAN;
    if (type == 0)
        type = 7;
    const double fuzz = 4 * 2.220446049250313e-16;
    double nd = (double)n;
    if (type == 7) {
        double index = 1 + (nd - 1) * p;
        double lo = floor(index), hi = ceil(index);
        double q = x[(size_t)lo - 1];
        double h = index - lo;
        if (index > lo && x[(size_t)hi - 1] != q)
            q = lerp(q, x[(size_t)hi - 1], h, scale);
        return q;
    }
    double nppm, j, h;
    if (type <= 3) {
        nppm = type == 3 ? nd * p - 0.5 : nd * p;
        j = floor(nppm + fuzz);
        if (type == 1)
            h = nppm > j;
        else if (type == 2)
            h = ((nppm > j) + 1) / 2.0;
        else
            h = (nppm != j) || fmod(j, 2) == 1;
    } else {
        static const double ab[][2] = {
            [4] = { 0, 1 }, [5] = { 0.5, 0.5 }, [6] = { 0, 0 },
            [8] = { 1.0 / 3, 1.0 / 3 }, [9] = { 3.0 / 8, 3.0 / 8 },
        };
        double a = ab[type][0], b = ab[type][1];
        nppm = a + p * (nd + 1 - a - b);
        j = floor(nppm + fuzz);
        h = nppm - j;
        if (fabs(h) < fuzz)
            h = 0;
    }
    /* x padded as c(x[1], x[1], x, x[n], x[n]): element j+2 (1-based) */
    long lj = (long)j;
    long i2 = lj + 2, i3 = lj + 3;   /* 1-based in the padded vector */
    long k2 = i2 - 2 < 1 ? 1 : (i2 - 2 > (long)n ? (long)n : i2 - 2);
    long k3 = i3 - 2 < 1 ? 1 : (i3 - 2 > (long)n ? (long)n : i3 - 2);
    double x2 = x[k2 - 1], x3 = x[k3 - 1];
    if (h == 1)
        return x3;
    if (h > 0 && h < 1 && x2 != x3)
        return lerp(x2, x3, h, scale);
    return x2;
}

/* The scale 10^d that makes every x an exact integer k = x 10^d, for the
 * exact path, or 0 when there is none.  The column's decimals when it has
 * them (every k then below 2^53 and x the correctly rounded k / 10^d);
 * else, when every x is a whole number below 2^63 in magnitude, 1: such
 * doubles are integers exactly, whatever was written (16-digit integers
 * are not "clean" decimals to the loader, but their doubles are exact up
 * to 2^53, and past it the double is all anyone has). */
static double exact_scale(const double *x, size_t n, int decimals)
{
    if (n == 0 || decimals > 15)
        return 0;
    if (decimals < 0) {
        for (size_t i = 0; i < n; i++)
            if (!(fabs(x[i]) < 9223372036854775808.0) || x[i] != floor(x[i]))
                return 0;
        return 1;
    }
    double scale = pow10_exact[decimals];
    for (size_t i = 0; i < n; i++) {
        double y = x[i] * scale;
        if (!(fabs(y) < 9007199254740992.0))
            return 0;
        if ((double)(int64_t)nearbyint(y) / scale != x[i])
            return 0;
    }
    return scale;
}

static int64_t scaled(double x, double scale)
{
    return (int64_t)nearbyint(x * scale);
}

/* Exact sums of the integers k = x * scale (see exact_scale).  Returns 0
 * when 128 bits could overflow. */
static int exact_moments(const double *x, size_t n, double scale, long double *sum, long double *mean,
                         long double *var)
{
    int128 s1 = 0, s2 = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t k = scaled(x[i], scale);
        s1 += k;   /* n < 2^64 values below 2^63: below 2^127 */
        int128 kk = (int128)k * k;
        if (__builtin_add_overflow(s2, kk, &s2))
            return 0;
    }
    *sum = (long double)s1 / scale;
    *mean = (long double)s1 / (long double)n / scale;
    if (n < 2) {
        *var = NAN;
        return 1;
    }
    int128 nn = (int128)n, num;
    int128 a, b;
    if (__builtin_mul_overflow(nn, s2, &a) || __builtin_mul_overflow(s1, s1, &b)
        || __builtin_sub_overflow(a, b, &num))
        return 0;
    *var = (long double)num / ((long double)n * (long double)(n - 1)) / ((long double)scale * scale);
    return 1;
}

effekt_status effekt_describe(const double *x, size_t n_all, const effekt_describe_options *opt,
                              double *work, effekt_summary *out)
{
    memset(out, 0, sizeof *out);
    size_t n = 0;
    for (size_t i = 0; i < n_all; i++)
        if (!isnan(x[i]))
            work[n++] = x[i];
    out->n = n;
    out->missing = n_all - n;
    double nan = NAN;
    out->sum = n ? 0 : nan;
    out->mean = out->sd = out->se = out->ci_lower = out->ci_upper = nan;
    out->min = out->q1 = out->median = out->q3 = out->max = out->iqr = out->mad = nan;
    out->skewness = out->kurtosis = nan;
    for (size_t k = 0; k < opt->n_percentiles; k++)
        out->percentile[k] = nan;
    if (n == 0)
        return EFFEKT_OK;

    long double sum, mean, var = NAN;
    /* the mean's rounding error, measured: sum (x - mean) / n */
    long double delta = 0;
    double scale = exact_scale(work, n, opt->decimals);
    if (scale && exact_moments(work, n, scale, &sum, &mean, &var)) {
        out->exact = 1;
    } else {
        scale = 0;
        /* Neumaier-compensated sum, then the corrected two-pass variance */
        long double s = 0, c = 0;
        for (size_t i = 0; i < n; i++) {
            long double t = s + work[i];
            c += fabsl(s) >= fabsl((long double)work[i]) ? (s - t) + work[i] : ((long double)work[i] - t) + s;
            s = t;
        }
        sum = s + c;
        mean = sum / (long double)n;
        long double d1 = 0, d2 = 0;
        for (size_t i = 0; i < n; i++) {
            long double d = work[i] - mean;
            d1 += d;
            d2 += d * d;
        }
        delta = d1 / (long double)n;
        if (n >= 2)
            var = (d2 - d1 * d1 / (long double)n) / (long double)(n - 1);
    }
    out->mean = (double)mean;
    out->sum = (double)sum;
    if (n >= 2) {
        out->sd = (double)sqrtl(var);
        out->se = (double)(sqrtl(var) / sqrtl((long double)n));
        double level = opt->confidence > 0 && opt->confidence < 1 ? opt->confidence : 0.95;
        double t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, (double)(n - 1));
        out->ci_lower = out->mean - t * out->se;
        out->ci_upper = out->mean + t * out->se;
    }
    /* Third and fourth moments about the mean.  Like the variance they
     * must be about the mean itself, not its rounding: with values near
     * 1e15 a mean off by 3e-5 moved G1 in the fourth digit.  Exact data:
     * d = (n k - sum k) / (n 10^d), its numerator exact.  Otherwise
     * d = (x - mean) - delta, the measured rounding error taken out. */
    if (n >= 3 && !(opt->skip & EFFEKT_SKIP_SHAPE)) {
        long double m2 = 0, m3 = 0, m4 = 0;
        int128 s1 = 0;
        if (scale)
            for (size_t i = 0; i < n; i++)
                s1 += scaled(work[i], scale);
        for (size_t i = 0; i < n; i++) {
            long double d = scale ? (long double)((int128)n * scaled(work[i], scale) - s1) / ((long double)n * scale)
                                  : (work[i] - mean) - delta;
            long double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        long double nn = (long double)n;
        m2 /= nn;
        m3 /= nn;
        m4 /= nn;
        if (m2 > 0) {
            long double g1 = m3 / powl(m2, 1.5L);
            out->skewness = (double)(g1 * sqrtl(nn * (nn - 1)) / (nn - 2));
            if (n >= 4) {
                long double g2 = m4 / (m2 * m2) - 3;
                out->kurtosis = (double)(((nn + 1) * g2 + 6) * (nn - 1) / ((nn - 2) * (nn - 3)));
            }
        }
    }
    /* order statistics */
    if (opt->skip & EFFEKT_SKIP_ORDER)
        return EFFEKT_OK;
    double *tmp = effekt_malloc(n * sizeof *tmp);
    if (!tmp)
        return EFFEKT_ENOMEM;
    effekt_sort(work, n, tmp);
    int type = opt->quantile_type ? opt->quantile_type : 7;
    out->min = work[0];
    out->max = work[n - 1];
    out->q1 = quantile_scaled(work, n, 0.25, type, scale);
    out->median = quantile_scaled(work, n, 0.5, type, scale);
    out->q3 = quantile_scaled(work, n, 0.75, type, scale);
    /* the quartiles are k/scale for k with at most one more digit (an
     * interpolation at 1/4, 1/2 or 3/4 adds at most two); take them in
     * 4 k units, which are whole numbers for types 4-9 on decimal data */
    if (scale) {
        long double a = nearbyintl((long double)out->q1 * scale * 4), b = nearbyintl((long double)out->q3 * scale * 4);
        long double d = (b - a) / (4 * (long double)scale);
        out->iqr = fabsl((long double)(out->q3 - out->q1) - d) < 1e-9L * (fabsl(d) + 1) ? (double)d : out->q3 - out->q1;
    } else {
        out->iqr = out->q3 - out->q1;
    }
    for (size_t k = 0; k < opt->n_percentiles; k++)
        out->percentile[k] = quantile_scaled(work, n, opt->percentiles[k] / 100.0, type, scale);
    if (opt->skip & EFFEKT_SKIP_MAD) {
        free(tmp);
        return EFFEKT_OK;
    }
    /* R's mad(): 1.4826 * median(|x - median(x)|), medians of type 7 */
    double med7 = quantile_scaled(work, n, 0.5, 7, scale);
    if (scale) {
        /* the median of n values is k/scale or (k1 + k2)/(2 scale): work in 2k */
        long double m2k = 2 * (long double)nearbyint(med7 * scale * 2) / 2;
        for (size_t i = 0; i < n; i++)
            tmp[i] = (double)(fabsl(2 * (long double)nearbyint(work[i] * scale) - m2k) / (2 * scale));
    } else {
        for (size_t i = 0; i < n; i++)
            tmp[i] = fabs(work[i] - med7);
    }
    double *tmp2 = work;   /* work is free again once the quantiles are taken */
    effekt_sort(tmp, n, tmp2);
    out->mad = 1.4826 * effekt_quantile_sorted(tmp, n, 0.5, 7);
    free(tmp);
    return EFFEKT_OK;
}

/* ---- weights ---- */

typedef struct { double x, w; } weighted;

static int by_x(const void *a, const void *b)
{
    double u = ((const weighted *)a)->x, v = ((const weighted *)b)->x;
    return (u > v) - (u < v);
}

static double weighted_quantile(const weighted *v, size_t n, double total, double p)
{
    double target = p * total, cum = 0;
    for (size_t i = 0; i < n; i++) {
        cum += v[i].w;
        if (cum >= target * (1 - 1e-15) && cum > 0)
            return v[i].x;
    }
    return v[n - 1].x;
}

effekt_status effekt_describe_weighted(const double *x, const double *w, size_t n_all,
                                       const effekt_describe_options *opt, double *work,
                                       effekt_summary *out, double *sum_weights)
{
    memset(out, 0, sizeof *out);
    weighted *v = (weighted *)(void *)work;
    size_t n = 0;
    long double sw = 0, swx = 0;
    for (size_t i = 0; i < n_all; i++) {
        if (isnan(x[i]) || isnan(w[i]))
            continue;
        if (w[i] < 0)
            return EFFEKT_EVALUE;
        v[n].x = x[i];
        v[n].w = w[i];
        sw += w[i];
        swx += (long double)w[i] * x[i];
        n++;
    }
    double nan = NAN;
    out->n = n;
    out->missing = n_all - n;
    *sum_weights = (double)sw;
    out->mean = out->sd = out->se = out->ci_lower = out->ci_upper = nan;
    out->min = out->q1 = out->median = out->q3 = out->max = out->iqr = out->mad = nan;
    out->skewness = out->kurtosis = nan;
    out->sum = nan;
    for (size_t k = 0; k < opt->n_percentiles; k++)
        out->percentile[k] = nan;
    if (n == 0 || !(sw > 0))
        return EFFEKT_OK;
    long double mean = swx / sw;
    out->mean = (double)mean;
    out->sum = (double)swx;   /* the weighted total */
    if (sw > 1) {
        long double ss = 0;
        for (size_t i = 0; i < n; i++) {
            long double d = v[i].x - mean;
            ss += v[i].w * d * d;
        }
        long double var = ss / (sw - 1);
        out->sd = (double)sqrtl(var);
        out->se = (double)(sqrtl(var) / sqrtl(sw));
        double level = opt->confidence > 0 && opt->confidence < 1 ? opt->confidence : 0.95;
        double t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, (double)(sw - 1));
        out->ci_lower = out->mean - t * out->se;
        out->ci_upper = out->mean + t * out->se;
    }
    if (opt->skip & EFFEKT_SKIP_ORDER)
        return EFFEKT_OK;
    qsort(v, n, sizeof *v, by_x);
    out->min = v[0].x;
    out->max = v[n - 1].x;
    double total = (double)sw;
    out->q1 = weighted_quantile(v, n, total, 0.25);
    out->median = weighted_quantile(v, n, total, 0.5);
    out->q3 = weighted_quantile(v, n, total, 0.75);
    out->iqr = out->q3 - out->q1;
    for (size_t k = 0; k < opt->n_percentiles; k++)
        out->percentile[k] = weighted_quantile(v, n, total, opt->percentiles[k] / 100.0);
    return EFFEKT_OK;
}
