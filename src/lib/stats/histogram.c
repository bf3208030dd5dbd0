/* Histogram breaks and counts as R's hist(): Sturges, Scott or
 * Freedman-Diaconis classes, made round by pretty(). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/histogram.h"
#include "effekt/sort.h"
#include "effekt/stats.h"
#include "lib_alloc.h"
#include "stats/pretty_r.h"

static const char *const rule_names[] = {
    [EFFEKT_HISTOGRAM_STURGES] = "sturges", [EFFEKT_HISTOGRAM_SCOTT] = "scott", [EFFEKT_HISTOGRAM_FD] = "fd",
};

effekt_status effekt_histogram_rule_parse(const char *name, effekt_histogram_rule *out)
{
    for (size_t k = 0; k < sizeof rule_names / sizeof *rule_names; k++)
        if (name && strcasecmp(name, rule_names[k]) == 0) {
            *out = (effekt_histogram_rule)k;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_histogram_rule_name(effekt_histogram_rule rule)
{
    /* the name _parse reads; the words for a reader are in words.c */
    return (size_t)rule < sizeof rule_names / sizeof *rule_names ? rule_names[rule] : "?";
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

static size_t classes(const double *s, size_t m, effekt_histogram_rule rule)
{
    double range = s[m - 1] - s[0];
    switch (rule) {
    case EFFEKT_HISTOGRAM_STURGES:
        return (size_t)ceil(log2((double)m) + 1);
    case EFFEKT_HISTOGRAM_SCOTT: {
        double mean = 0, ss = 0;
        for (size_t i = 0; i < m; i++)
            mean += s[i];
        mean /= (double)m;
        for (size_t i = 0; i < m; i++)
            ss += (s[i] - mean) * (s[i] - mean);
        double hw = m > 1 ? 3.5 * sqrt(ss / (double)(m - 1)) * pow((double)m, -1.0 / 3) : 0;
        return hw > 0 ? (size_t)fmax(1, ceil(range / hw)) : 1;
    }
    case EFFEKT_HISTOGRAM_FD: {
        double *r = effekt_malloc(m * sizeof *r);
        if (!r)
            return 1;
        for (size_t i = 0; i < m; i++)
            r[i] = signif5(s[i]);   /* sorted stays sorted: rounding is monotone */
        double hw = effekt_stats_quantile_sorted(r, m, 0.75, 7) - effekt_stats_quantile_sorted(r, m, 0.25, 7);
        hw *= 2;
        for (double al = 0.25; hw == 0 && (al /= 2) >= 1.0 / 512;)
            hw = (effekt_stats_quantile_sorted(r, m, 1 - al, 7) - effekt_stats_quantile_sorted(r, m, al, 7)) /
                 (1 - 2 * al);
        free(r);
        return hw > 0 ? (size_t)fmax(1, ceil(range / (hw * pow((double)m, -1.0 / 3)))) : 1;
    }
    }
    return 1;
}

effekt_status effekt_histogram_compute(const double *values, size_t n, effekt_histogram_rule rule, double **breaks,
                               double **counts, size_t *n_bins)
{
    *breaks = *counts = NULL;
    *n_bins = 0;
    size_t m;
    double *s = effekt_sort_copy(values, n, &m);
    if (!s)
        return EFFEKT_ENOMEM;
    if (m == 0 || !isfinite(s[0]) || !isfinite(s[m - 1])) {
        free(s);
        return EFFEKT_EUNDEF;
    }
    /* hist.default: breaks <- pretty(range(x), n = nclass, min.n = 1) */
    int ndiv = (int)fmin(1e6, (double)classes(s, m, rule));
    double ns, nu;
    double unit = effekt_pretty_r(s[0], s[m - 1], &ndiv, 1, &ns, &nu);
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
    double *w = effekt_malloc(2 * k * sizeof *w);
    if (!w) {
        free(s);
        free(b);
        free(c);
        return EFFEKT_ENOMEM;
    }
    for (size_t i = 0; i < k; i++)
        w[i] = b[i + 1] - b[i];
    effekt_sort(w, k, w + k);   /* w holds 2k: the second half is the sort's room */
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

