/* Comparing values between groups: t, rank and ANOVA tests, effect
 * sizes.  Each agrees with the R function its header names. */
#include "config.h"

#include "lib_alloc.h"
#include "lib_gsl.h"
#include "lib_sort.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/compare.h"
#include "effekt/test.h"

static void mean_var(const double *x, size_t n, double *mean, double *var)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i];
    long double m = s / (long double)n, d1 = 0, d2 = 0;
    for (size_t i = 0; i < n; i++) {
        long double d = x[i] - m;
        d1 += d;
        d2 += d * d;
    }
    *mean = (double)m;
    *var = n > 1 ? (double)((d2 - d1 * d1 / (long double)n) / (long double)(n - 1)) : NAN;
}

static void clear(effekt_test_result *r)
{
    r->statistic = r->df = r->df2 = r->p = r->estimate = r->lower = r->upper = NAN;
    r->exact = 0;
}

/* What the two-sample tests of means start with: out cleared, at least
 * two values a sample (else EFFEKT_EUNDEF), each sample's mean and
 * variance. */
static effekt_status two_samples(const double *a, size_t na, const double *b, size_t nb, effekt_test_result *out,
                                 double *ma, double *va, double *mb, double *vb)
{
    effekt_gsl_errors_off();
    clear(out);
    if (na < 2 || nb < 2)
        return EFFEKT_EUNDEF;
    mean_var(a, na, ma, va);
    mean_var(b, nb, mb, vb);
    return EFFEKT_OK;
}

effekt_status effekt_test_welch_t(const double *a, size_t na, const double *b, size_t nb, double confidence,
                                  effekt_test_result *out)
{
    double ma, va, mb, vb;
    if (two_samples(a, na, b, nb, out, &ma, &va, &mb, &vb) != EFFEKT_OK)
        return EFFEKT_EUNDEF;
    double sa = va / (double)na, sb = vb / (double)nb, se = sqrt(sa + sb);
    out->estimate = ma - mb;
    if (!(se > 0))
        return EFFEKT_EUNDEF;   /* both groups constant */
    out->statistic = out->estimate / se;
    out->df = (sa + sb) * (sa + sb) / (sa * sa / (double)(na - 1) + sb * sb / (double)(nb - 1));
    out->p = 2 * gsl_cdf_tdist_Q(fabs(out->statistic), out->df);
    double q = gsl_cdf_tdist_Pinv(1 - (1 - confidence) / 2, out->df);
    out->lower = out->estimate - q * se;
    out->upper = out->estimate + q * se;
    return EFFEKT_OK;
}

/* Mid-ranks of the pooled values (1-based), and sum(t^3 - t) over ties. */
static int by_value(size_t x, size_t y, const void *ctx)
{
    const double *values = ctx;
    return (values[x] > values[y]) - (values[x] < values[y]);
}

static int mid_ranks(const double *v, size_t n, double *rank, double *ties)
{
    size_t *o = effekt_malloc((n ? n : 1) * sizeof *o);
    if (!o)
        return -1;
    for (size_t i = 0; i < n; i++)
        o[i] = i;
    if (effekt_sort_index(o, n, by_value, v) != 0) {
        free(o);
        return -1;
    }
    *ties = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && v[o[j + 1]] == v[o[i]])
            j++;
        double r = (double)(i + j + 2) / 2.0, t = (double)(j - i + 1);
        for (size_t k = i; k <= j; k++)
            rank[o[k]] = r;
        *ties += t * t * t - t;
        i = j + 1;
    }
    free(o);
    return 0;
}

/* One tail of the Mann-Whitney U of m and n values without ties, by
 * counting: f(j, k, u) = f(j - 1, k, u - k) + f(j, k - 1, u), additions
 * only, so no cancellation.  upper 0: P(U <= u); upper 1: P(U >= u),
 * summed from its own counts (as pwilcox(u - 1, lower.tail = FALSE)), so a
 * small upper tail is not lost in 1 - P(U < u). */
static double wilcox_tail(double u, size_t m, size_t n, int upper)
{
    size_t top = m * n;
    double *prev = effekt_calloc((m + 1) * (top + 1), sizeof *prev);
    double *cur = effekt_calloc((m + 1) * (top + 1), sizeof *cur);
    if (!prev || !cur) {
        free(prev);
        free(cur);
        return NAN;
    }
#define F(t, j, w) (t)[(j) * (top + 1) + (w)]
    /* k = 0: no y values, so U = 0 whatever j */
    for (size_t j = 0; j <= m; j++)
        F(prev, j, 0) = 1;
    for (size_t k = 1; k <= n; k++) {
        memset(cur, 0, (m + 1) * (top + 1) * sizeof *cur);
        for (size_t j = 0; j <= m; j++)
            for (size_t w = 0; w <= j * k && w <= top; w++) {
                double v = F(prev, j, w);
                if (j > 0 && w >= k)
                    v += F(cur, j - 1, w - k);
                F(cur, j, w) = v;
            }
        double *t = prev;
        prev = cur;
        cur = t;
    }
    long double total = 0, tail = 0;
    for (size_t w = 0; w <= top; w++) {
        total += F(prev, m, w);
        if (upper ? (double)w >= u : (double)w <= u)
            tail += F(prev, m, w);
    }
#undef F
    free(prev);
    free(cur);
    return (double)(tail / total);
}

effekt_status effekt_test_mann_whitney(const double *a, size_t na, const double *b, size_t nb,
                                       effekt_test_result *out)
{
    effekt_gsl_errors_off();
    clear(out);
    if (na == 0 || nb == 0)
        return EFFEKT_EUNDEF;
    size_t n = na + nb;
    double *v = effekt_malloc(n * sizeof *v), *r = effekt_malloc(n * sizeof *r);
    double ties;
    if (!v || !r || (memcpy(v, a, na * sizeof *v), memcpy(v + na, b, nb * sizeof *v), mid_ranks(v, n, r, &ties)) != 0) {
        free(v);
        free(r);
        return EFFEKT_ENOMEM;
    }
    double sum = 0;
    for (size_t i = 0; i < na; i++)
        sum += r[i];
    free(v);
    free(r);
    double w = sum - (double)na * (double)(na + 1) / 2, mn = (double)na * (double)nb;
    out->statistic = w;
    out->estimate = 2 * w / mn - 1;
    if (na < 50 && nb < 50 && ties == 0) {
        /* wilcox.test: pwilcox on the side the statistic lies, the upper
         * tail summed directly (1 - cdf would round 1.7e-17 to 0) */
        double p = w > mn / 2 ? wilcox_tail(w, na, nb, 1) : wilcox_tail(w, na, nb, 0);
        if (isnan(p))
            return EFFEKT_ENOMEM;   /* fmin would turn it into 1 */
        out->p = fmin(1.0, 2 * p);
        out->exact = 1;
        return EFFEKT_OK;
    }
    double z = w - mn / 2;
    double sigma = sqrt(mn / 12 * (((double)n + 1) - ties / ((double)n * ((double)n - 1))));
    if (!(sigma > 0))
        return EFFEKT_EUNDEF;
    double correction = z > 0 ? 0.5 : z < 0 ? -0.5 : 0;
    z = (z - correction) / sigma;
    out->p = 2 * fmin(gsl_cdf_ugaussian_P(z), gsl_cdf_ugaussian_Q(z));
    return EFFEKT_OK;
}

effekt_status effekt_test_welch_anova(const double *const *groups, const size_t *n, size_t k,
                                      effekt_test_result *out)
{
    effekt_gsl_errors_off();
    clear(out);
    if (k < 2)
        return EFFEKT_EUNDEF;
    double *w = effekt_malloc(k * sizeof *w), *m = effekt_malloc(k * sizeof *m);
    if (!w || !m) {
        free(w);
        free(m);
        return EFFEKT_ENOMEM;
    }
    double sw = 0, swm = 0;
    effekt_status st = EFFEKT_OK;
    for (size_t i = 0; i < k; i++) {
        double var;
        if (n[i] < 2) {
            st = EFFEKT_EUNDEF;
            break;
        }
        mean_var(groups[i], n[i], &m[i], &var);
        if (!(var > 0)) {
            st = EFFEKT_EUNDEF;
            break;
        }
        w[i] = (double)n[i] / var;
        sw += w[i];
        swm += w[i] * m[i];
    }
    if (st == EFFEKT_OK) {
        double mean = swm / sw, num = 0, tmp = 0;
        for (size_t i = 0; i < k; i++) {
            num += w[i] * (m[i] - mean) * (m[i] - mean);
            tmp += (1 - w[i] / sw) * (1 - w[i] / sw) / (double)(n[i] - 1);
        }
        double kk = (double)k;
        tmp /= kk * kk - 1;
        out->statistic = num / ((kk - 1) * (1 + 2 * (kk - 2) * tmp));
        out->df = kk - 1;
        out->df2 = 1 / (3 * tmp);
        out->p = gsl_cdf_fdist_Q(out->statistic, out->df, out->df2);
    }
    free(w);
    free(m);
    return st;
}

effekt_status effekt_test_kruskal_wallis(const double *const *groups, const size_t *n, size_t k,
                                         effekt_test_result *out)
{
    effekt_gsl_errors_off();
    clear(out);
    size_t total = 0;
    for (size_t i = 0; i < k; i++)
        total += n[i];
    if (k < 2 || total < 2)
        return EFFEKT_EUNDEF;
    double *v = effekt_malloc(total * sizeof *v), *r = effekt_malloc(total * sizeof *r), ties;
    if (!v || !r) {
        free(v);
        free(r);
        return EFFEKT_ENOMEM;
    }
    for (size_t i = 0, o = 0; i < k; o += n[i], i++)
        memcpy(v + o, groups[i], n[i] * sizeof *v);
    if (mid_ranks(v, total, r, &ties) != 0) {
        free(v);
        free(r);
        return EFFEKT_ENOMEM;
    }
    double nn = (double)total, h = 0;
    for (size_t i = 0, o = 0; i < k; o += n[i], i++) {
        double s = 0;
        for (size_t j = 0; j < n[i]; j++)
            s += r[o + j];
        if (n[i])
            h += s * s / (double)n[i];
    }
    free(v);
    free(r);
    double denom = 1 - ties / (nn * nn * nn - nn);
    if (!(denom > 0))
        return EFFEKT_EUNDEF;
    out->statistic = (12 / (nn * (nn + 1)) * h - 3 * (nn + 1)) / denom;
    out->df = (double)k - 1;
    out->p = gsl_cdf_chisq_Q(out->statistic, out->df);
    return EFFEKT_OK;
}

effekt_status effekt_test_hedges_g(const double *a, size_t na, const double *b, size_t nb, double confidence,
                                   effekt_test_result *out)
{
    double ma, va, mb, vb;
    if (two_samples(a, na, b, nb, out, &ma, &va, &mb, &vb) != EFFEKT_OK)
        return EFFEKT_EUNDEF;
    double n1 = (double)na, n2 = (double)nb;
    double sp = sqrt(((n1 - 1) * va + (n2 - 1) * vb) / (n1 + n2 - 2));
    if (!(sp > 0))
        return EFFEKT_EUNDEF;
    double g = (1 - 3 / (4 * (n1 + n2) - 9)) * (ma - mb) / sp;
    double se = sqrt((n1 + n2) / (n1 * n2) + g * g / (2 * (n1 + n2)));
    double z = gsl_cdf_ugaussian_Pinv(1 - (1 - confidence) / 2);
    out->estimate = g;
    out->lower = g - z * se;
    out->upper = g + z * se;
    return EFFEKT_OK;
}
