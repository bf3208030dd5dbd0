/* Chart models: kinds, locales, and the numbers a chart shows that a
 * statistic does not give directly (box-plot hinges, histogram breaks as
 * R's hist(), an OLS line with its confidence band).  Nothing here draws. */
#include "config.h"

#include "lib_alloc.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>

#include "effekt/chart.h"
#include "effekt/stats.h"

static const char *const kind_names[] = {
    [EFFEKT_CHART_BAR] = "bar",         [EFFEKT_CHART_STACKED] = "stacked",
    [EFFEKT_CHART_FOREST] = "forest",   [EFFEKT_CHART_FUNNEL] = "funnel",
    [EFFEKT_CHART_KM] = "km",           [EFFEKT_CHART_BOX] = "box",
    [EFFEKT_CHART_HIST] = "hist",       [EFFEKT_CHART_SCATTER] = "scatter",
    [EFFEKT_CHART_TIMELINE] = "timeline",
};

effekt_status effekt_chart_kind_parse(const char *name, effekt_chart_kind *out)
{
    for (size_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++)
        if (name && strcmp(name, kind_names[k]) == 0) {
            *out = (effekt_chart_kind)k;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_chart_kind_name(effekt_chart_kind kind)
{
    return (size_t)kind < sizeof kind_names / sizeof *kind_names ? kind_names[kind] : "?";
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sorted copy of the non-NaN values; *m gets their number. */
static double *sorted_copy(const double *values, size_t n, size_t *m)
{
    double *s = effekt_malloc((n ? n : 1) * sizeof *s);
    if (!s)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(values[i]))
            s[k++] = values[i];
    qsort(s, k, sizeof *s, cmp_double);
    *m = k;
    return s;
}

effekt_status effekt_box_stats_compute(const double *values, size_t n, effekt_box_stats *out)
{
    size_t m;
    double *s = sorted_copy(values, n, &m);
    if (!s)
        return EFFEKT_ENOMEM;
    out->n = m;
    if (m == 0) {
        out->q1 = out->median = out->q3 = out->whisker_low = out->whisker_high = NAN;
        free(s);
        return EFFEKT_EUNDEF;
    }
    out->q1 = effekt_quantile_sorted(s, m, 0.25, 7);
    out->median = effekt_quantile_sorted(s, m, 0.5, 7);
    out->q3 = effekt_quantile_sorted(s, m, 0.75, 7);
    double reach = 1.5 * (out->q3 - out->q1);
    size_t lo = 0, hi = m - 1;
    while (s[lo] < out->q1 - reach)
        lo++;
    while (s[hi] > out->q3 + reach)
        hi--;
    out->whisker_low = s[lo];
    out->whisker_high = s[hi];
    free(s);
    return EFFEKT_OK;
}

static const char *const rule_names[] = {
    [EFFEKT_BINS_STURGES] = "sturges", [EFFEKT_BINS_SCOTT] = "scott", [EFFEKT_BINS_FD] = "fd",
};

effekt_status effekt_bin_rule_parse(const char *name, effekt_bin_rule *out)
{
    for (size_t k = 0; k < sizeof rule_names / sizeof *rule_names; k++)
        if (name && strcasecmp(name, rule_names[k]) == 0) {
            *out = (effekt_bin_rule)k;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_bin_rule_name(effekt_bin_rule rule)
{
    static const char *const words[] = { "Sturges'", "Scott's", "Freedman\u2013Diaconis" };
    return (size_t)rule < 3 ? words[rule] : "?";
}

/* R's R_pretty (src/appl/pretty.c, R >= 4.1) with pretty.default's
 * defaults: shrink.sml 0.75, high.u.bias 1.5, u5.bias 0.5 + 1.5 * 1.5,
 * eps.correct 0, and min.n as given.  Returns the unit; *ns and *nu are
 * the bounds in units. */
static double r_pretty(double lo, double up, int *ndiv, int min_n, double *ns_out, double *nu_out)
{
    const double h = 1.5, h5 = .5 + 1.5 * h, shrink_sml = 0.75, rounding_eps = 1e-10;
    double dx = up - lo, cell, U;
    int i_small;
    if (dx == 0 && up == 0) {
        cell = 1;
        i_small = 1;
    } else {
        cell = fmax(fabs(lo), fabs(up));
        U = 1 + ((h5 >= 1.5 * h + .5) ? 1 / (1 + h) : 1.5 / (1 + h5));
        U *= (*ndiv > 1 ? *ndiv : 1) * DBL_EPSILON;
        i_small = dx < cell * U * 3;
    }
    if (i_small) {
        if (cell > 10)
            cell = 9 + cell / 10;
        cell *= shrink_sml;
        if (min_n > 1)
            cell /= min_n;
    } else {
        cell = dx;
        if (*ndiv > 1)
            cell /= *ndiv;
    }
    if (cell < 20 * DBL_MIN)
        cell = 20 * DBL_MIN;
    else if (cell * 10 > DBL_MAX)
        cell = .1 * DBL_MAX;
    double base = pow(10.0, floor(log10(cell)));
    double unit = base, ns;
    if ((ns = 2 * base) - cell < h * (cell - unit)) {
        unit = ns;
        if ((ns = 5 * base) - cell < h5 * (cell - unit)) {
            unit = ns;
            if ((ns = 10 * base) - cell < h * (cell - unit))
                unit = ns;
        }
    }
    ns = floor(lo / unit + rounding_eps);
    double nu = ceil(up / unit - rounding_eps);
    while (ns * unit > lo + rounding_eps * unit)
        ns--;
    while (nu * unit < up - rounding_eps * unit)
        nu++;
    int k = (int)(0.5 + nu - ns);
    if (k < min_n) {
        k = min_n - k;
        if (ns >= 0.) {
            nu += k / 2;
            ns -= k / 2 + k % 2;
        } else {
            ns -= k / 2;
            nu += k / 2 + k % 2;
        }
        *ndiv = min_n;
    } else {
        *ndiv = k;
    }
    *ns_out = ns;
    *nu_out = nu;
    return unit;
}

void effekt_pretty(double lo, double hi, size_t n, double *first, double *step, size_t *n_intervals)
{
    int ndiv = (int)(n > 1000 ? 1000 : n);
    double ns, nu;
    double unit = r_pretty(lo, hi, &ndiv, ndiv / 3, &ns, &nu);
    *first = ns * unit;
    *step = unit;
    *n_intervals = (size_t)ndiv;
}

/* signif(x, 5), as nclass.FD rounds its input. */
static double signif5(double x)
{
    if (x == 0 || !isfinite(x))
        return x;
    char buf[64];
    snprintf(buf, sizeof buf, "%.4e", x);
    return strtod(buf, NULL);
}

static size_t classes(const double *s, size_t m, effekt_bin_rule rule)
{
    double range = s[m - 1] - s[0];
    switch (rule) {
    case EFFEKT_BINS_STURGES:
        return (size_t)ceil(log2((double)m) + 1);
    case EFFEKT_BINS_SCOTT: {
        double mean = 0, ss = 0;
        for (size_t i = 0; i < m; i++)
            mean += s[i];
        mean /= (double)m;
        for (size_t i = 0; i < m; i++)
            ss += (s[i] - mean) * (s[i] - mean);
        double hw = m > 1 ? 3.5 * sqrt(ss / (double)(m - 1)) * pow((double)m, -1.0 / 3) : 0;
        return hw > 0 ? (size_t)fmax(1, ceil(range / hw)) : 1;
    }
    case EFFEKT_BINS_FD: {
        double *r = effekt_malloc(m * sizeof *r);
        if (!r)
            return 1;
        for (size_t i = 0; i < m; i++)
            r[i] = signif5(s[i]);   /* sorted stays sorted: rounding is monotone */
        double hw = effekt_quantile_sorted(r, m, 0.75, 7) - effekt_quantile_sorted(r, m, 0.25, 7);
        hw *= 2;
        for (double al = 0.25; hw == 0 && (al /= 2) >= 1.0 / 512;)
            hw = (effekt_quantile_sorted(r, m, 1 - al, 7) - effekt_quantile_sorted(r, m, al, 7)) /
                 (1 - 2 * al);
        free(r);
        return hw > 0 ? (size_t)fmax(1, ceil(range / (hw * pow((double)m, -1.0 / 3)))) : 1;
    }
    }
    return 1;
}

effekt_status effekt_histogram(const double *values, size_t n, effekt_bin_rule rule, double **breaks,
                               double **counts, size_t *n_bins)
{
    *breaks = *counts = NULL;
    *n_bins = 0;
    size_t m;
    double *s = sorted_copy(values, n, &m);
    if (!s)
        return EFFEKT_ENOMEM;
    if (m == 0 || !isfinite(s[0]) || !isfinite(s[m - 1])) {
        free(s);
        return EFFEKT_EUNDEF;
    }
    /* hist.default: breaks <- pretty(range(x), n = nclass, min.n = 1) */
    int ndiv = (int)fmin(1e6, (double)classes(s, m, rule));
    double ns, nu;
    double unit = r_pretty(s[0], s[m - 1], &ndiv, 1, &ns, &nu);
    size_t k = (size_t)ndiv;
    double *b = effekt_malloc((k + 1) * sizeof *b), *c = effekt_calloc(k, sizeof *c);
    if (!b || !c) {
        free(s);
        free(b);
        free(c);
        return EFFEKT_ENOMEM;
    }
    /* seq(ns * unit, nu * unit, length.out = k + 1), as R computes it */
    /* .Internal(pretty(bounds = TRUE)) keeps the data's range where the
     * rounded bound lies inside it by less than the rounding epsilon;
     * pretty.default then sets values within 1e-14 steps of 0 to 0. */
    double from = fmin(ns * unit, s[0]), to = fmax(nu * unit, s[m - 1]);
    double by = (to - from) / (double)k;
    for (size_t i = 0; i <= k; i++) {
        b[i] = i == 0 ? from : i == k ? to : from + (double)i * by;
        if (fabs(b[i]) < 1e-14 * by)
            b[i] = 0;
    }
    /* hist counts with breaks moved by a fuzz of 1e-7 times the median
     * width, so values on a break fall as R's do: (b[i], b[i+1]], the
     * first interval closed on both sides. */
    double *w = effekt_malloc(k * sizeof *w);
    if (!w) {
        free(s);
        free(b);
        free(c);
        return EFFEKT_ENOMEM;
    }
    for (size_t i = 0; i < k; i++)
        w[i] = b[i + 1] - b[i];
    qsort(w, k, sizeof *w, cmp_double);
    double fuzz = 1e-7 * (k % 2 ? w[k / 2] : (w[k / 2 - 1] + w[k / 2]) / 2);
    free(w);
    size_t j = 0;
    for (size_t i = 0; i < m; i++) {
        while (j + 1 < k && s[i] > b[j + 1] + fuzz)
            j++;
        c[j] += 1;
    }
    free(s);
    *breaks = b;
    *counts = c;
    *n_bins = k;
    return EFFEKT_OK;
}

effekt_status effekt_ols_fit(const double *x, const double *y, size_t n, effekt_ols *out)
{
    memset(out, 0, sizeof *out);
    double *xs = effekt_malloc((n ? n : 1) * sizeof *xs), *ys = effekt_malloc((n ? n : 1) * sizeof *ys);
    if (!xs || !ys) {
        free(xs);
        free(ys);
        return EFFEKT_ENOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]) && !isnan(y[i])) {
            xs[m] = x[i];
            ys[m] = y[i];
            m++;
        }
    out->n = m;
    effekt_status st = EFFEKT_EUNDEF;
    if (m >= 3) {
        double sumsq;
        gsl_error_handler_t *old = gsl_set_error_handler_off();
        int rc = gsl_fit_linear(xs, 1, ys, 1, m, &out->intercept, &out->slope, &out->cov00,
                                &out->cov01, &out->cov11, &sumsq);
        gsl_set_error_handler(old);
        if (rc == GSL_SUCCESS && isfinite(out->slope)) {
            double mean = 0, sst = 0;
            for (size_t i = 0; i < m; i++)
                mean += ys[i];
            mean /= (double)m;
            for (size_t i = 0; i < m; i++)
                sst += (ys[i] - mean) * (ys[i] - mean);
            out->r_squared = sst > 0 ? 1 - sumsq / sst : NAN;
            out->sigma = sqrt(sumsq / (double)(m - 2));
            st = EFFEKT_OK;
        }
    }
    free(xs);
    free(ys);
    return st;
}

void effekt_ols_band(const effekt_ols *fit, const double *grid, size_t m, double confidence,
                     double *fitted, double *lower, double *upper)
{
    double t = fit->n > 2 ? gsl_cdf_tdist_Pinv((1 + confidence) / 2, (double)(fit->n - 2)) : NAN;
    for (size_t j = 0; j < m; j++) {
        double x = grid[j];
        double yhat = fit->intercept + fit->slope * x;
        double var = fit->cov00 + x * (2 * fit->cov01 + x * fit->cov11);
        double se = sqrt(var > 0 ? var : 0);
        fitted[j] = yhat;
        lower[j] = yhat - t * se;
        upper[j] = yhat + t * se;
    }
}
