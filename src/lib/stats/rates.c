/* Proportions and their comparison, as R's stats package computes them. */
#include "config.h"

#include "lib_alloc.h"
#include "lib_gsl.h"
#include "lib_enum.h"
#include "lib_sort.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/binomial.h"
#include "effekt/compare.h"
#include "effekt/kpi.h"
#include "effekt/risk.h"
#include "effekt/test.h"

static const struct { const char *name; effekt_interval_method m; } interval_names[] = {
    { "wilson", EFFEKT_INTERVAL_WILSON },
    { "clopper-pearson", EFFEKT_INTERVAL_CLOPPER_PEARSON }, { "cp", EFFEKT_INTERVAL_CLOPPER_PEARSON },
    { "exact", EFFEKT_INTERVAL_CLOPPER_PEARSON },
    { "agresti-coull", EFFEKT_INTERVAL_AGRESTI_COULL }, { "ac", EFFEKT_INTERVAL_AGRESTI_COULL },
    /* the labels effekt_interval_name gives (and compare's JSON carries) */
    { "Wilson score", EFFEKT_INTERVAL_WILSON }, { "Clopper-Pearson (exact)", EFFEKT_INTERVAL_CLOPPER_PEARSON },
};

effekt_status effekt_interval_parse(const char *name, effekt_interval_method *out)
{
    for (size_t i = 0; name && i < sizeof interval_names / sizeof *interval_names; i++)
        if (strcasecmp(name, interval_names[i].name) == 0) {
            *out = interval_names[i].m;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_interval_name(effekt_interval_method m)
{
    switch (m) {
    case EFFEKT_INTERVAL_WILSON: return "Wilson score";
    case EFFEKT_INTERVAL_CLOPPER_PEARSON: return "Clopper-Pearson (exact)";
    case EFFEKT_INTERVAL_AGRESTI_COULL: return "Agresti-Coull";
    }
    return "?";
}

static double z_of(double confidence)
{
    return gsl_cdf_ugaussian_Pinv(1 - (1 - confidence) / 2);
}

void effekt_interval_binomial(double x, double n, double confidence, effekt_interval_method method,
                              double *lower, double *upper)
{
    effekt_gsl_errors_off();
    if (!(n > 0)) {
        *lower = *upper = NAN;
        return;
    }
    double alpha = 1 - confidence;
    switch (method) {
    case EFFEKT_INTERVAL_WILSON:
        effekt_interval_wilson(x, n, confidence, lower, upper);
        return;
    case EFFEKT_INTERVAL_CLOPPER_PEARSON:
        /* binom.test: qbeta(alpha/2, x, n - x + 1), qbeta(1 - alpha/2, x + 1, n - x) */
        *lower = x == 0 ? 0.0 : gsl_cdf_beta_Pinv(alpha / 2, x, n - x + 1);
        *upper = x == n ? 1.0 : gsl_cdf_beta_Pinv(1 - alpha / 2, x + 1, n - x);
        return;
    case EFFEKT_INTERVAL_AGRESTI_COULL: {
        double z = z_of(confidence), nt = n + z * z, pt = (x + z * z / 2) / nt;
        double h = z * sqrt(pt * (1 - pt) / nt);
        *lower = fmax(0.0, pt - h);
        *upper = fmin(1.0, pt + h);
        return;
    }
    }
}

effekt_status effekt_test_chisq_homogeneity(const double *x, const double *n, size_t k, double *statistic,
                                            double *df, double *p, double *min_expected)
{
    effekt_gsl_errors_off();
    /* a group of no trials (0/0) is no row of R's table: it adds nothing
     * and takes no degree of freedom */
    double sx = 0, sn = 0;
    size_t used = 0;
    for (size_t i = 0; i < k; i++) {
        if (!(n[i] > 0))
            continue;
        sx += x[i];
        sn += n[i];
        used++;
    }
    *statistic = *df = *p = *min_expected = NAN;
    if (used < 2 || sx == 0 || sx == sn)
        return EFFEKT_EUNDEF;   /* fewer than two groups, or no variation */
    double pooled = sx / sn, chi = 0, emin = INFINITY;
    for (size_t i = 0; i < k; i++) {
        if (!(n[i] > 0))
            continue;
        double e1 = n[i] * pooled, e0 = n[i] - e1;
        chi += (x[i] - e1) * (x[i] - e1) / e1 + ((n[i] - x[i]) - e0) * ((n[i] - x[i]) - e0) / e0;
        emin = fmin(emin, fmin(e1, e0));
    }
    *statistic = chi;
    *df = (double)(used - 1);
    *p = gsl_cdf_chisq_Q(chi, *df);
    *min_expected = emin;
    return EFFEKT_OK;
}

double effekt_test_fisher_exact(unsigned a, unsigned b, unsigned c, unsigned d)
{
    effekt_gsl_errors_off();
    /* the first cell of tables with the same margins is hypergeometric */
    unsigned r1 = a + b, c1 = a + c, total = a + b + c + d;
    unsigned lo = r1 + c1 > total ? r1 + c1 - total : 0, hi = r1 < c1 ? r1 : c1;
    double observed = gsl_ran_hypergeometric_pdf(a, c1, total - c1, r1);
    /* R: tables with probability <= observed * (1 + 1e-7) */
    double p = 0;
    for (unsigned k = lo; k <= hi; k++) {
        double pk = gsl_ran_hypergeometric_pdf(k, c1, total - c1, r1);
        if (pk <= observed * (1 + 1e-7))
            p += pk;
    }
    return fmin(1.0, p);
}

void effekt_risk_difference(double x1, double n1, double x2, double n2, double confidence,
                            double *diff, double *lower, double *upper)
{
    *diff = *lower = *upper = NAN;
    if (!(n1 > 0) || !(n2 > 0))
        return;
    /* Newcombe's hybrid score: each limit combines the distances from
     * each proportion to its Wilson limit on the side that moves the
     * difference that way; unlike Wald it never collapses to a point at
     * 0/n or n/n, and it stays inside [-1, 1] */
    double p1 = x1 / n1, p2 = x2 / n2, l1, u1, l2, u2;
    effekt_interval_wilson(x1, n1, confidence, &l1, &u1);
    effekt_interval_wilson(x2, n2, confidence, &l2, &u2);
    *diff = p1 - p2;
    *lower = *diff - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
    *upper = *diff + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
}

void effekt_risk_ratio(double x1, double n1, double x2, double n2, double confidence,
                       double *ratio, double *lower, double *upper)
{
    *ratio = *lower = *upper = NAN;
    if (x2 == 0 || !(n1 > 0) || !(n2 > 0))
        return;
    *ratio = (x1 / n1) / (x2 / n2);
    if (x1 == 0)
        return;   /* the log interval needs events in both groups */
    double z = z_of(confidence), se = sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
    *lower = exp(log(*ratio) - z * se);
    *upper = exp(log(*ratio) + z * se);
}

effekt_status effekt_adjust_parse(const char *name, effekt_adjust_method *out)
{
    if (!name)
        return EFFEKT_EINVAL;
    if (strcasecmp(name, "holm") == 0)
        *out = EFFEKT_ADJUST_HOLM;
    else if (strcasecmp(name, "bh") == 0 || strcasecmp(name, "fdr") == 0)
        *out = EFFEKT_ADJUST_BH;
    else if (strcasecmp(name, "none") == 0)
        *out = EFFEKT_ADJUST_NONE;
    else
        return EFFEKT_EINVAL;
    return EFFEKT_OK;
}

/* Indexes by their p-value (ctx: the p-values); ties keep their order
 * (the sort is stable). */
static int by_p(size_t i, size_t j, const void *ctx)
{
    const double *p = ctx;
    return (p[i] > p[j]) - (p[i] < p[j]);
}

effekt_status effekt_adjust_p(const double *p, size_t m, effekt_adjust_method method, double *adj)
{
    /* the defined p-values, in ascending order */
    size_t *o = effekt_malloc((m ? m : 1) * sizeof *o), d = 0;
    if (!o)
        return EFFEKT_ENOMEM;
    for (size_t i = 0; i < m; i++) {
        adj[i] = p[i];
        if (!isnan(p[i]))
            o[d++] = i;
    }
    if (method == EFFEKT_ADJUST_NONE || d == 0) {
        free(o);
        return EFFEKT_OK;
    }
    if (effekt_sort_index(o, d, by_p, p) != 0) {
        free(o);
        return EFFEKT_ENOMEM;
    }
    if (method == EFFEKT_ADJUST_HOLM) {
        /* cummax((d - i + 1) p_(i)), capped at 1 */
        double run = 0;
        for (size_t i = 0; i < d; i++) {
            run = fmax(run, fmin(1.0, (double)(d - i) * p[o[i]]));
            adj[o[i]] = run;
        }
    } else {
        /* cummin from the largest of d / i p_(i) */
        double run = 1;
        for (size_t i = d; i-- > 0;) {
            run = fmin(run, (double)d / (double)(i + 1) * p[o[i]]);
            adj[o[i]] = fmin(1.0, run);
        }
    }
    free(o);
    return EFFEKT_OK;
}

double effekt_binomial_quantile(double p, unsigned long n, double prob)
{
    effekt_gsl_errors_off();
    if (!(p >= 0 && p <= 1) || !(prob >= 0 && prob <= 1))
        return NAN;
    /* R nudges p up by 64 epsilon so a cumulative probability that is p
     * up to rounding still counts */
    double target = p * (1 + 64 * 2.220446049250313e-16);
    if (target >= 1)
        return (double)n;
    unsigned long lo = 0, hi = n;   /* P(X <= hi) = 1 >= target */
    while (lo < hi) {
        unsigned long mid = lo + (hi - lo) / 2;
        if (gsl_cdf_binomial_P((unsigned)mid, prob, (unsigned)n) >= target)
            hi = mid;
        else
            lo = mid + 1;
    }
    return (double)lo;
}

void effekt_binomial_limits(unsigned long n, double p0, double level, double *lower, double *upper)
{
    if (n == 0) {
        *lower = *upper = NAN;
        return;
    }
    double a = 1 - level;
    *lower = effekt_binomial_quantile(a / 2, n, p0) / (double)n;
    *upper = effekt_binomial_quantile(1 - a / 2, n, p0) / (double)n;
}

static const char *const adjust_names[] = { "holm", "BH", "none" };

const char *effekt_adjust_name(effekt_adjust_method value)
{
    return effekt_enum_name(adjust_names, EFFEKT_ENUM_COUNT(adjust_names), (int)value);
}
