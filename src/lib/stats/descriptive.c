/* Descriptive statistics: exact decimal moments where the data allow,
 * corrected two-pass in extended precision otherwise; the nine quantile
 * types of Hyndman & Fan as R computes them.  Frequency weights are the
 * same statistics of the data with each row repeated w times, computed
 * without repeating them. */
#include "config.h"

#include "lib_sort.h"

#include "lib_alloc.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/sort.h"
#include "effekt/stats.h"
#include "exact_sum.h"

typedef effekt_int128 int128;

/* Counts of values (sums of whole-number weights) stay below 2^53, where
 * a double holds every integer: the order statistics' ranks are exact. */
#define EXACT_COUNT 9007199254740992.0

/* Values effekt_stats_describe's first pass takes at a time: 16 KB, in
 * the first level of cache while they are read a second time. */
enum { FIRST_BLOCK = 2048 };

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

/* Sorted data: x[0..n) ascending; with cum, x[i] stands for the values
 * of rank cum[i-1] + 1 .. cum[i] (cumulative whole-number weights), else
 * for rank i + 1.  total is the number of values, n or cum[n-1]. */
typedef struct {
    const double *x;
    const double *cum;
    size_t n;
    double total;
    /* not NULL: nothing is read; the ranks asked for (0-based) are noted
     * here instead, to be selected before the real pass (room for
     * MAX_RANKS, n_ranks counts them) */
    size_t *ranks;
    size_t n_ranks;
    /* not NULL: the values of the ranks at[0..n_at) (0-based), selected
     * (at_value), are read instead of x */
    const size_t *at;
    const double *at_value;
    size_t n_at;
} ordered;

/* The ranks one summary can ask for: two a quantile (the order
 * statistics interpolated), for the quartiles, the type-7 median,
 * the percentiles, plus min and max. */
#define MAX_RANKS (2 * (EFFEKT_MAX_PERCENTILES + 4) + 2)

/* The order statistic of rank r (1 <= r <= total, a whole number). */
static double order_stat(const ordered *o, double r)
{
    if (o->ranks) {
        ordered *w = (ordered *)o;   /* the noting pass: o is the caller's own */
        if (w->n_ranks < MAX_RANKS)
            w->ranks[w->n_ranks++] = (size_t)r - 1;
        return 0;
    }
    if (o->at) {
        for (size_t i = 0; i < o->n_at; i++)
            if (o->at[i] == (size_t)r - 1)
                return o->at_value[i];
        return NAN;   /* a rank the noting pass did not ask for: none */
    }
    if (!o->cum)
        return o->x[(size_t)r - 1];
    size_t lo = 0, hi = o->n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (o->cum[mid] >= r)
            hi = mid;
        else
            lo = mid + 1;
    }
    return o->x[lo];
}

/* R's quantile(x, p, type) (R 4.x, src/library/stats/R/quantile.R) of
 * the values o stands for: only the ranks are computed from the count,
 * so weighted data need not be repeated. */
static double quantile_at(const ordered *o, double p, int type, double scale)
{
    if (o->n == 0 || isnan(p) || p < 0 || p > 1)
        return NAN;
    if (type == 0)
        type = 7;
    if (type < 1 || type > 9)
        return NAN;   /* no such type (R stops): not a read past the table below */
    const double fuzz = 4 * 2.220446049250313e-16;
    double nd = o->total;
    if (type == 7) {
        double index = 1 + (nd - 1) * p;
        double lo = floor(index), hi = ceil(index);
        double q = order_stat(o, lo);
        double h = index - lo;
        if (index > lo) {
            double qh = order_stat(o, hi);
            if (qh != q)
                q = lerp(q, qh, h, scale);
        }
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
    /* R pads x as c(x[1], x[1], x, x[n], x[n]) and takes elements j+2
     * and j+3: the order statistics of ranks j and j+1 within [1, n] */
    double k2 = j < 1 ? 1 : (j > nd ? nd : j);
    double k3 = j + 1 < 1 ? 1 : (j + 1 > nd ? nd : j + 1);
    double x2 = order_stat(o, k2), x3 = order_stat(o, k3);
    if (h == 1)
        return x3;
    if (h > 0 && h < 1 && x2 != x3)
        return lerp(x2, x3, h, scale);
    return x2;
}

/* R's quantile(x, p, type) on sorted x. */
double effekt_stats_quantile_sorted(const double *x, size_t n, double p, int type)
{
    ordered o = { x, NULL, n, (double)n, NULL, 0, NULL, NULL, 0 };
    return quantile_at(&o, p, type, 0);
}

double effekt_quantile_sorted_scaled(const double *x, size_t n, double p, int type, double scale)
{
    ordered o = { x, NULL, n, (double)n, NULL, 0, NULL, NULL, 0 };
    return quantile_at(&o, p, type, scale);
}

static void set_missing(effekt_stats_summary *out, const effekt_stats_options *opt)
{
    double nan = NAN;
    out->sum = out->mean = out->sd = out->se = out->ci_lower = out->ci_upper = nan;
    out->min = out->q1 = out->median = out->q3 = out->max = out->iqr = out->mad = nan;
    out->skewness = out->kurtosis = nan;
    for (size_t k = 0; k < opt->n_percentiles; k++)
        out->percentile[k] = nan;
}

/* Sum, mean, sd, se, t-interval, skewness and kurtosis of x[0..n) (no
 * NaN), each value counted f[i] times (f NULL: once); total is the count,
 * n or sum f (whole numbers, below 2^53).  sums: NULL, or (f NULL) x's
 * effekt_exact_sum_of for opt->decimals, when the caller has it.  Returns the scale of the exact
 * path (see exact_scale), 0 when the two-pass one was taken. */
static double moments(const double *x, const double *f, size_t n, long double total,
                      const effekt_stats_options *opt, const effekt_exact_sum *sums, effekt_stats_summary *out)
{
    long double sum, mean, var = NAN;
    /* the mean's rounding error, measured: sum f (x - mean) / total */
    long double delta = 0;
    /* the exact sums of the integers k = x 10^d (each counted f times),
     * when the data are such integers and 128 bits hold the sums */
    effekt_exact_sum acc;
    if (f) {
        effekt_exact_sum_init(&acc, effekt_exact_decimals(x, n, opt->decimals));
        for (size_t i = 0; i < n && acc.decimals >= 0; i++)
            effekt_exact_sum_add(&acc, x[i], (int64_t)f[i]);
    } else if (sums) {
        acc = *sums;   /* the caller's, taken with the values */
    } else {
        effekt_exact_sum_of(&acc, x, n, opt->decimals);   /* the test and the sums in one pass */
    }
    double scale = effekt_exact_scale(acc.decimals);
    int128 s1 = acc.s1;
    if (scale && effekt_exact_sum_moments(&acc, &sum, &mean, &var)) {
        out->exact = 1;
    } else {
        scale = 0;
        /* Neumaier-compensated sum, then the corrected two-pass variance */
        long double s = 0, c = 0;
        for (size_t i = 0; i < n; i++) {
            long double v = f ? (long double)f[i] * x[i] : x[i];
            long double t = s + v;
            c += fabsl(s) >= fabsl(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }
        sum = s + c;
        mean = sum / total;
        long double d1 = 0, d2 = 0;
        for (size_t i = 0; i < n; i++) {
            long double d = x[i] - mean, w = f ? f[i] : 1;
            d1 += w * d;
            d2 += w * d * d;
        }
        delta = d1 / total;
        if (total >= 2)
            var = (d2 - d1 * d1 / total) / (total - 1);
    }
    out->mean = (double)mean;
    out->sum = (double)sum;
    if (total >= 2) {
        out->sd = (double)sqrtl(var);
        out->se = (double)(sqrtl(var) / sqrtl(total));
        double level = opt->confidence > 0 && opt->confidence < 1 ? opt->confidence : 0.95;
        double t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, (double)(total - 1));
        out->ci_lower = out->mean - t * out->se;
        out->ci_upper = out->mean + t * out->se;
    }
    /* Third and fourth moments about the mean.  Like the variance they
     * must be about the mean itself, not its rounding: with values near
     * 1e15 a mean off by 3e-5 moved G1 in the fourth digit.  Exact data:
     * d = (total k - sum k) / (total 10^d), its numerator exact.
     * Otherwise d = (x - mean) - delta, the measured rounding error taken
     * out. */
    if (total >= 3 && !(opt->skip & EFFEKT_SKIP_SHAPE)) {
        long double m2 = 0, m3 = 0, m4 = 0;
        int128 count = (int128)total;
        for (size_t i = 0; i < n; i++) {
            long double d = scale ? (long double)(count * effekt_exact_scaled(x[i], scale) - s1) / (total * scale)
                                  : (x[i] - mean) - delta;
            long double w = f ? f[i] : 1, d2 = d * d;
            m2 += w * d2;
            m3 += w * d2 * d;
            m4 += w * d2 * d2;
        }
        long double nn = total;
        m2 /= nn;
        m3 /= nn;
        m4 /= nn;
        if (m2 > 0) {
            long double g1 = m3 / powl(m2, 1.5L);
            out->skewness = (double)(g1 * sqrtl(nn * (nn - 1)) / (nn - 2));
            if (total >= 4) {
                long double g2 = m4 / (m2 * m2) - 3;
                out->kurtosis = (double)(((nn + 1) * g2 + 6) * (nn - 1) / ((nn - 2) * (nn - 3)));
            }
        }
    }
    return scale;
}

/* Min, quartiles, IQR, percentiles of the sorted data; the median of
 * type 7 (for MAD) in *med7. */
static void order_statistics(const ordered *o, const effekt_stats_options *opt, double scale,
                             effekt_stats_summary *out, double *med7)
{
    int type = opt->quantile_type ? opt->quantile_type : 7;
    out->min = o->at ? order_stat(o, 1) : o->x[0];
    out->max = o->at ? order_stat(o, o->total) : o->x[o->n - 1];
    out->q1 = quantile_at(o, 0.25, type, scale);
    out->median = quantile_at(o, 0.5, type, scale);
    out->q3 = quantile_at(o, 0.75, type, scale);
    out->iqr = effekt_exact_iqr(out->q1, out->q3, type, scale);
    for (size_t k = 0; k < opt->n_percentiles; k++)
        out->percentile[k] = quantile_at(o, opt->percentiles[k] / 100.0, type, scale);
    /* R's mad(): 1.4826 * median(|x - median(x)|), medians of type 7 */
    *med7 = quantile_at(o, 0.5, 7, scale);
}

/* |x - med| for R's mad(); with scale, on the decimals as written: the
 * median of values k/scale is k/scale or (k1 + k2)/(2 scale), so work in
 * 2k. */
static double abs_deviation(double x, double med, double scale)
{
    if (!scale)
        return fabs(x - med);
    long double m2k = (long double)nearbyint(med * scale * 2);
    return (double)(fabsl(2 * (long double)nearbyint(x * scale) - m2k) / (2 * scale));
}

effekt_status effekt_stats_describe(const double *x, size_t n_all, const effekt_stats_options *opt,
                                    double *work, effekt_stats_summary *out)
{
    memset(out, 0, sizeof *out);
    /* One pass over x, in blocks the first level of cache holds: the
     * values present to the front of work, in their order (in place when
     * work is x: n never passes i, and none moves before the first NaN);
     * then, from the block in cache, their least and greatest keys for
     * the selection and, with the decimals known, their exact sums (as
     * effekt_exact_sum_of on all of them gives) */
    int order = !(opt->skip & EFFEKT_SKIP_ORDER);
    int exact = opt->decimals >= 0 && opt->decimals <= EFFEKT_POW10_MAX;
    effekt_exact_sum sums;
    if (exact)
        effekt_exact_sum_init(&sums, opt->decimals);
    uint64_t keys[2] = { UINT64_MAX, 0 };
    size_t n = 0;
    for (size_t from = 0; from < n_all; from += FIRST_BLOCK) {
        size_t to = n_all - from < FIRST_BLOCK ? n_all : from + FIRST_BLOCK, start = n, i = from;
        if (work == x && n == i) {
            while (i < to && !isnan(x[i]))
                i++;
            n = i;
        }
        for (; i < to; i++)
            if (!isnan(x[i]))
                work[n++] = x[i];
        if (order)
            for (size_t j = start; j < n; j++) {
                uint64_t k = effekt_sort_key(work[j]);
                keys[0] = k < keys[0] ? k : keys[0];
                keys[1] = k > keys[1] ? k : keys[1];
            }
        if (exact)
            effekt_exact_sum_add_checked(&sums, work + start, n - start);
    }
    out->n = n;
    out->missing = n_all - n;
    set_missing(out, opt);
    if (n == 0)
        return EFFEKT_OK;
    double scale = moments(work, NULL, n, (long double)n, opt, exact ? &sums : NULL, out);
    if (opt->skip & EFFEKT_SKIP_ORDER)
        return EFFEKT_OK;
    /* Only the order statistics the summary reads are selected (O(n)),
     * not the whole sort, and read from where the selection left them:
     * the ranks are those a first pass of the same code asks for, so the
     * values are the sort's. */
    size_t ranks[MAX_RANKS];
    double at_value[MAX_RANKS];
    ordered o = { work, NULL, n, (double)n, ranks, 0, NULL, NULL, 0 };
    double med7;
    order_statistics(&o, opt, scale, out, &med7);
    ranks[o.n_ranks++] = 0;       /* min */
    ranks[o.n_ranks++] = n - 1;   /* max */
    o.n_at = effekt_select_values(work, n, ranks, o.n_ranks, keys, at_value);
    o.ranks = NULL;
    o.at = ranks;
    o.at_value = at_value;
    order_statistics(&o, opt, scale, out, &med7);
    if (!(opt->skip & EFFEKT_SKIP_MAD)) {
        /* the values are read for the last time: their deviations take
         * their place (no second buffer) */
        for (size_t i = 0; i < n; i++)
            work[i] = abs_deviation(work[i], med7, scale);
        /* the type-7 median's two order statistics */
        size_t mid[2] = { (n - 1) / 2, n / 2 };
        effekt_select(work, n, mid, 2);
        out->mad = 1.4826 * effekt_stats_quantile_sorted(work, n, 0.5, 7);
    }
    return EFFEKT_OK;
}

/* ---- weights ---- */

typedef struct { double x, w; } weighted;

static int by_x(const void *a, const void *b)
{
    return effekt_order(((const weighted *)a)->x, ((const weighted *)b)->x);
}

/* Sort the pairs by x and lay them out as o's x and cumulative weights
 * in xs and cum. */
static void to_ordered(weighted *v, size_t n, double *xs, double *cum, ordered *o)
{
    qsort(v, n, sizeof *v, by_x);
    double c = 0;
    for (size_t i = 0; i < n; i++) {
        c += v[i].w;   /* whole numbers below 2^53: exact */
        xs[i] = v[i].x;
        cum[i] = c;
    }
    *o = (ordered){ xs, cum, n, c, NULL, 0, NULL, NULL, 0 };
}

effekt_status effekt_stats_weight_valid(double w)
{
    if (isnan(w))
        return EFFEKT_OK;
    return w >= 0 && w < EXACT_COUNT && w == floor(w) ? EFFEKT_OK : EFFEKT_EVALUE;
}

effekt_status effekt_stats_describe_weighted(const double *x, const double *w, size_t n_all,
                                             const effekt_stats_options *opt, double *work,
                                             effekt_stats_summary *out, double *sum_weights)
{
    memset(out, 0, sizeof *out);
    /* the values in work[0..n), their weights in work[n_all..n_all+n),
     * in their order; in place when work is x and w is x + n_all (n never
     * passes i) */
    double *xs = work, *fs = work + n_all;
    size_t n = 0, missing = 0;
    long double total = 0;
    for (size_t i = 0; i < n_all; i++) {
        if (effekt_stats_weight_valid(w[i]) != EFFEKT_OK)
            return EFFEKT_EVALUE;
        if (w[i] == 0)
            continue;   /* a row that stands for no value: not data */
        if (isnan(x[i]) || isnan(w[i])) {
            missing++;
            continue;
        }
        xs[n] = x[i];
        fs[n] = w[i];
        total += w[i];
        n++;
    }
    out->n = n;
    out->missing = missing;
    *sum_weights = (double)total;
    set_missing(out, opt);
    if (n == 0)
        return EFFEKT_OK;
    if (!(total < EXACT_COUNT))
        return EFFEKT_ELIMIT;
    double scale = moments(xs, fs, n, total, opt, NULL, out);
    if (opt->skip & EFFEKT_SKIP_ORDER)
        return EFFEKT_OK;
    weighted *v = effekt_malloc(n * sizeof *v);
    if (!v)
        return EFFEKT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        v[i] = (weighted){ xs[i], fs[i] };
    ordered o;
    to_ordered(v, n, xs, fs, &o);
    double med7;
    order_statistics(&o, opt, scale, out, &med7);
    if (!(opt->skip & EFFEKT_SKIP_MAD)) {
        for (size_t i = 0; i < n; i++)
            v[i] = (weighted){ abs_deviation(xs[i], med7, scale), fs[i] - (i ? fs[i - 1] : 0) };
        to_ordered(v, n, xs, fs, &o);
        out->mad = 1.4826 * quantile_at(&o, 0.5, 7, 0);
    }
    free(v);
    return EFFEKT_OK;
}
