/* The bootstrap of a ratio of sums (cost per job from participant rows),
 * with percentile and BCa intervals as R's boot package computes them. */
#include "config.h"

#include "lib_sort.h"

#include "lib_gsl.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/bootstrap.h"
#include "effekt/compare.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

typedef struct {
    uint64_t s[4];
} xoshiro;

static inline uint64_t xoshiro_next(xoshiro *r)
{
    uint64_t result = rotl(r->s[1] * 5, 7) * 9, t = r->s[1] << 17;
    r->s[2] ^= r->s[0];
    r->s[3] ^= r->s[1];
    r->s[1] ^= r->s[2];
    r->s[0] ^= r->s[3];
    r->s[2] ^= t;
    r->s[3] = rotl(r->s[3], 45);
    return result;
}

typedef struct {
    const double *num, *den;
    size_t n, from, to;
    unsigned long long seed;
    double *out;
    atomic_ullong *done;             /* replicates drawn by every thread */
    const effekt_progress *progress; /* called by the caller's thread only */
    size_t total;
} boot_job;

static void *boot_range(void *arg)
{
    boot_job *j = arg;
    __extension__ typedef unsigned __int128 u128;
    for (size_t b = j->from; b < j->to; b++) {
        uint64_t sm = (uint64_t)j->seed ^ (0xD1B54A32D192ED03ull * (uint64_t)(b + 1));
        xoshiro r;
        for (int i = 0; i < 4; i++)
            r.s[i] = splitmix64(&sm);
        double sn = 0, sd = 0;
        for (size_t i = 0; i < j->n; i++) {
            /* a uniform index in [0, n) by multiply-shift (Lemire) */
            size_t k = (size_t)(((u128)xoshiro_next(&r) * j->n) >> 64);
            sn += j->num[k];
            sd += j->den[k];
        }
        j->out[b] = sn / sd;
        if (j->done && (b - j->from) % 64 == 63) {
            unsigned long long d = atomic_fetch_add(j->done, 64) + 64;
            if (j->progress)
                j->progress->fn(j->progress->ctx, d, j->total);
        }
    }
    return NULL;
}

effekt_status effekt_bootstrap_ratio(const double *num, const double *den, size_t n, size_t B,
                                     unsigned long long seed, unsigned threads, double *replicates,
                                     const effekt_progress *progress)
{
    int report = progress && progress->fn;
    atomic_ullong done = 0;
    if (n == 0 || B == 0)
        return EFFEKT_EUNDEF;
    if (threads < 1)
        threads = 1;
    if (threads > 16)
        threads = 16;
    boot_job jobs[16];
    pthread_t tid[16];
    int started[16] = { 0 };
    for (unsigned t = 0; t < threads; t++) {
        jobs[t] = (boot_job){ .num = num, .den = den, .n = n, .seed = seed, .out = replicates,
                              .from = B * t / threads, .to = B * (t + 1) / threads,
                              .done = report ? &done : NULL, .progress = report && t == 0 ? progress : NULL,
                              .total = B };
        if (t > 0)
            started[t] = pthread_create(&tid[t], NULL, boot_range, &jobs[t]) == 0;
    }
    boot_range(&jobs[0]);
    for (unsigned t = 1; t < threads; t++) {
        if (started[t])
            pthread_join(tid[t], NULL);
        else
            boot_range(&jobs[t]);
    }
    return EFFEKT_OK;
}

effekt_status effekt_bootstrap_jackknife(const double *num, const double *den, size_t n, double *L)
{
    if (n < 2)
        return EFFEKT_EUNDEF;
    long double sn = 0, sd = 0;
    for (size_t i = 0; i < n; i++) {
        sn += num[i];
        sd += den[i];
    }
    long double t0 = sn / sd;
    for (size_t i = 0; i < n; i++)
        L[i] = (double)(((long double)n - 1) * (t0 - (sn - num[i]) / (sd - den[i])));
    return EFFEKT_OK;
}

/* boot's norm.inter: the order statistic at (R + 1) alpha, interpolated on
 * the normal scale between neighbours; t sorted, finite. */
static double norm_inter(const double *t, size_t R, double alpha)
{
    if (!(alpha > 0 && alpha < 1))
        return NAN;   /* never an index from NaN or out of range */
    double rk = ((double)R + 1) * alpha;
    double k = trunc(rk);
    if (k == rk && k >= 1 && k <= (double)R)
        return t[(size_t)k - 1];
    if (k <= 0)
        return t[0];
    if (k >= (double)R)
        return t[R - 1];
    double z = gsl_cdf_ugaussian_Pinv(alpha);
    double zk = gsl_cdf_ugaussian_Pinv(k / ((double)R + 1));
    double zk1 = gsl_cdf_ugaussian_Pinv((k + 1) / ((double)R + 1));
    double tk = t[(size_t)k - 1], tk1 = t[(size_t)k];
    return tk + (z - zk) / (zk1 - zk) * (tk1 - tk);
}

effekt_status effekt_bootstrap_intervals(double t0, double *t, size_t B, const double *L, size_t n,
                                         double confidence, double *perc_lower, double *perc_upper,
                                         double *bca_lower, double *bca_upper, size_t *dropped,
                                         const char **reason)
{
    effekt_gsl_errors_off();
    *perc_lower = *perc_upper = *bca_lower = *bca_upper = NAN;
    const char *why = NULL;
    size_t R = 0;
    for (size_t i = 0; i < B; i++)
        if (isfinite(t[i]))
            t[R++] = t[i];
    if (dropped)
        *dropped = B - R;   /* resamples whose denominator summed to 0 */
    effekt_status st = EFFEKT_OK;
    if (R < 2) {
        why = "fewer than two resamples with a nonzero denominator";
        st = EFFEKT_EUNDEF;
        goto out;
    }
    /* boot's w counts the replicates below t0 among all of them */
    size_t below = 0;
    for (size_t i = 0; i < R; i++)
        below += t[i] < t0;
    qsort(t, R, sizeof *t, effekt_cmp_double);
    double lo = (1 - confidence) / 2, hi = (1 + confidence) / 2;
    *perc_lower = norm_inter(t, R, lo);
    *perc_upper = norm_inter(t, R, hi);
    double w = gsl_cdf_ugaussian_Pinv((double)below / (double)R);
    if (!L) {
        why = "no jackknife values";
        st = EFFEKT_EUNDEF;
        goto out;
    }
    if (!isfinite(w)) {
        why = "all resamples on one side of the estimate (bias correction infinite)";
        st = EFFEKT_EUNDEF;
        goto out;
    }
    long double s2 = 0, s3 = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(L[i])) {
            /* leaving out row i leaves a denominator of 0 */
            why = "a jackknife value is infinite (one row holds the whole denominator)";
            st = EFFEKT_EUNDEF;
            goto out;
        }
        s2 += (long double)L[i] * L[i];
        s3 += (long double)L[i] * L[i] * L[i];
    }
    double a = (double)(s3 / (6 * powl(s2, 1.5L)));
    double za = gsl_cdf_ugaussian_Pinv(lo), zb = gsl_cdf_ugaussian_Pinv(hi);
    double al = gsl_cdf_ugaussian_P(w + (w + za) / (1 - a * (w + za)));
    double ah = gsl_cdf_ugaussian_P(w + (w + zb) / (1 - a * (w + zb)));
    *bca_lower = norm_inter(t, R, al);
    *bca_upper = norm_inter(t, R, ah);
    if (isnan(*bca_lower) || isnan(*bca_upper)) {
        *bca_lower = *bca_upper = NAN;
        why = "the acceleration is undefined (jackknife values all equal)";
        st = EFFEKT_EUNDEF;
    }
out:
    if (reason)
        *reason = why;
    return st;
}
