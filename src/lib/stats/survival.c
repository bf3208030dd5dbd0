/* Kaplan–Meier and log-rank, after R's survival package. */
#include "config.h"

#include "lib_alloc.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/survival.h"

effekt_status effekt_conf_type_parse(const char *name, effekt_conf_type *out)
{
    if (strcasecmp(name, "log") == 0)
        *out = EFFEKT_CONF_LOG;
    else if (strcasecmp(name, "log-log") == 0)
        *out = EFFEKT_CONF_LOGLOG;
    else if (strcasecmp(name, "plain") == 0)
        *out = EFFEKT_CONF_PLAIN;
    else
        return EFFEKT_EINVAL;
    return EFFEKT_OK;
}

typedef struct {
    double t, e;
    size_t g;
} spell;

static int by_time(const void *a, const void *b)
{
    double x = ((const spell *)a)->t, y = ((const spell *)b)->t;
    return (x > y) - (x < y);
}

void effekt_km_free(effekt_km *km)
{
    free(km->time);
    memset(km, 0, sizeof *km);
}

/* survival's rule: the first time the curve is at or below p; where it
 * sits at exactly p over an interval, the midpoint of that interval. */
static double curve_quantile(const double *time, const double *s, size_t m, double p)
{
    const double tol = 1.4901161193847656e-08;   /* sqrt(.Machine$double.eps) */
    for (size_t i = 0; i < m; i++) {
        if (isnan(s[i]))
            continue;
        if (fabs(s[i] - p) < tol) {
            for (size_t j = i + 1; j < m; j++)
                if (!isnan(s[j]) && s[j] < p - tol)
                    return (time[i] + time[j]) / 2;
            return NAN;   /* flat at p to the end */
        }
        if (s[i] < p)
            return time[i];
    }
    return NAN;
}

effekt_status effekt_km_fit(const double *time, const double *event, size_t n, double confidence,
                            effekt_conf_type conf_type, effekt_km *out)
{
    memset(out, 0, sizeof *out);
    out->median = out->median_lower = out->median_upper = NAN;
    spell *sp = effekt_malloc((n ? n : 1) * sizeof *sp);
    if (!sp)
        return EFFEKT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!(time[i] >= 0) || (event[i] != 0 && event[i] != 1)) {
            free(sp);
            return EFFEKT_EVALUE;
        }
        sp[i] = (spell){ time[i], event[i], 0 };
    }
    qsort(sp, n, sizeof *sp, by_time);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || sp[i].t != sp[i - 1].t)
            m++;
    /* one block for the eight columns of the curve */
    double *block = effekt_malloc(8 * (m ? m : 1) * sizeof *block);
    if (!block) {
        free(sp);
        return EFFEKT_ENOMEM;
    }
    out->time = block;
    out->n_risk = block + m;
    out->n_event = block + 2 * m;
    out->n_censor = block + 3 * m;
    out->surv = block + 4 * m;
    out->std_err = block + 5 * m;
    out->lower = block + 6 * m;
    out->upper = block + 7 * m;
    out->n = n;
    out->n_times = m;
    double z = gsl_cdf_ugaussian_Pinv(1 - (1 - confidence) / 2);
    double s = 1, green = 0;
    size_t at_risk = n;
    for (size_t i = 0, j = 0; i < n; j++) {
        size_t k = i;
        double d = 0, c = 0;
        while (k < n && sp[k].t == sp[i].t) {
            d += sp[k].e;
            c += 1 - sp[k].e;
            k++;
        }
        double r = (double)at_risk;
        if (d > 0) {
            s *= 1 - d / r;
            green += r > d ? d / (r * (r - d)) : INFINITY;
        }
        out->events += (size_t)d;
        out->time[j] = sp[i].t;
        out->n_risk[j] = r;
        out->n_event[j] = d;
        out->n_censor[j] = c;
        out->surv[j] = s;
        double se = sqrt(green);   /* of the cumulative hazard, as survfit's std.err */
        out->std_err[j] = s * se;
        double lo, hi;
        if (s == 0 || !isfinite(se)) {
            lo = hi = NAN;
        } else if (conf_type == EFFEKT_CONF_LOG) {
            lo = exp(log(s) - z * se);
            hi = fmin(1.0, exp(log(s) + z * se));
        } else if (conf_type == EFFEKT_CONF_LOGLOG) {
            if (s == 1) {
                lo = hi = NAN;
            } else {
                double xx = log(-log(s)), a = exp(-exp(xx + z * se / log(s))), b = exp(-exp(xx - z * se / log(s)));
                lo = fmin(a, b);
                hi = fmax(a, b);
            }
        } else {
            lo = fmax(0.0, s - z * s * se);
            hi = fmin(1.0, s + z * s * se);
        }
        if (green == 0 && conf_type != EFFEKT_CONF_LOGLOG)
            lo = hi = 1;   /* before the first event the curve is certain */
        out->lower[j] = lo;
        out->upper[j] = hi;
        at_risk -= k - i;
        i = k;
    }
    free(sp);
    out->median = curve_quantile(out->time, out->surv, m, 0.5);
    out->median_lower = curve_quantile(out->time, out->lower, m, 0.5);
    out->median_upper = curve_quantile(out->time, out->upper, m, 0.5);
    return EFFEKT_OK;
}

void effekt_km_quantile(const effekt_km *km, double p, double *q, double *lower, double *upper)
{
    *q = curve_quantile(km->time, km->surv, km->n_times, 1 - p);
    *lower = curve_quantile(km->time, km->lower, km->n_times, 1 - p);
    *upper = curve_quantile(km->time, km->upper, km->n_times, 1 - p);
}

void effekt_km_rmst(const effekt_km *km, double tau, double *mean, double *se)
{
    /* area of the steps up to tau, and for each event time before tau the
     * area after it, A_i: var = sum A_i^2 d_i / (n_i (n_i - d_i)) */
    size_t m = km->n_times;
    double area = 0, prev_t = 0, prev_s = 1;
    for (size_t j = 0; j < m && km->time[j] < tau; j++) {
        area += prev_s * (km->time[j] - prev_t);
        prev_t = km->time[j];
        prev_s = km->surv[j];
    }
    area += prev_s * (tau - prev_t);
    *mean = area;
    double var = 0, after = 0, t_next = tau;
    for (size_t j = m; j-- > 0;) {
        if (km->time[j] >= tau)
            continue;
        after += km->surv[j] * (t_next - km->time[j]);
        t_next = km->time[j];
        double d = km->n_event[j], n = km->n_risk[j];
        if (d > 0 && n > d)
            var += after * after * d / (n * (n - d));
    }
    *se = sqrt(var);
}

double effekt_km_at(const effekt_km *km, double t, double *lower, double *upper)
{
    double s = 1, lo = 1, hi = 1;
    for (size_t j = 0; j < km->n_times && km->time[j] <= t; j++) {
        s = km->surv[j];
        lo = km->lower[j];
        hi = km->upper[j];
    }
    if (lower)
        *lower = lo;
    if (upper)
        *upper = hi;
    return s;
}

effekt_status effekt_logrank(const double *time, const double *event, const size_t *group, size_t n,
                             size_t k, double rho, double *chisq, double *df, double *p)
{
    *chisq = *df = *p = NAN;
    if (k < 2)
        return EFFEKT_EUNDEF;
    spell *sp = effekt_malloc((n ? n : 1) * sizeof *sp);
    double *risk = effekt_calloc(k, sizeof *risk), *dg = effekt_calloc(k, sizeof *dg), *u = effekt_calloc(k, sizeof *u);
    double *v = effekt_calloc(k * k, sizeof *v);
    if (!sp || !risk || !dg || !u || !v) {
        free(sp);
        free(risk);
        free(dg);
        free(u);
        free(v);
        return EFFEKT_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        sp[i] = (spell){ time[i], event[i], group[i] };
        risk[group[i]]++;
    }
    qsort(sp, n, sizeof *sp, by_time);
    double at_risk = (double)n, km = 1;   /* pooled KM, left-continuous, for the weights */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        double d = 0;
        memset(dg, 0, k * sizeof *dg);
        while (j < n && sp[j].t == sp[i].t) {
            d += sp[j].e;
            dg[sp[j].g] += sp[j].e;
            j++;
        }
        if (d > 0) {
            double w = rho == 0 ? 1 : pow(km, rho);
            for (size_t g = 0; g < k; g++) {
                u[g] += w * (dg[g] - risk[g] * d / at_risk);
                if (at_risk > 1)
                    for (size_t h = 0; h < k; h++)
                        v[g * k + h] += w * w * d * (at_risk - d) / (at_risk - 1) * risk[g] / at_risk
                                        * ((g == h) - risk[h] / at_risk);
            }
            km *= 1 - d / at_risk;
        }
        for (size_t q = i; q < j; q++)
            risk[sp[q].g]--;
        at_risk -= (double)(j - i);
        i = j;
    }
    /* chi-square on the first k - 1 groups: u' V^-1 u */
    size_t r = k - 1;
    gsl_matrix *mv = gsl_matrix_alloc(r, r);
    gsl_vector *vu = gsl_vector_alloc(r), *x = gsl_vector_alloc(r);
    gsl_permutation *perm = gsl_permutation_alloc(r);
    effekt_status st = EFFEKT_OK;
    if (!mv || !vu || !x || !perm) {
        st = EFFEKT_ENOMEM;
    } else {
        for (size_t g = 0; g < r; g++) {
            gsl_vector_set(vu, g, u[g]);
            for (size_t h = 0; h < r; h++)
                gsl_matrix_set(mv, g, h, v[g * k + h]);
        }
        int sign;
        gsl_error_handler_t *old = gsl_set_error_handler_off();
        if (gsl_linalg_LU_decomp(mv, perm, &sign) != 0 || gsl_linalg_LU_solve(mv, perm, vu, x) != 0) {
            st = EFFEKT_EUNDEF;
        } else {
            double c = 0;
            for (size_t g = 0; g < r; g++)
                c += u[g] * gsl_vector_get(x, g);
            *chisq = c;
            *df = (double)r;
            *p = gsl_cdf_chisq_Q(c, *df);
            if (!isfinite(c))
                st = EFFEKT_EUNDEF;
        }
        gsl_set_error_handler(old);
    }
    gsl_matrix_free(mv);
    gsl_vector_free(vu);
    gsl_vector_free(x);
    gsl_permutation_free(perm);
    free(sp);
    free(risk);
    free(dg);
    free(u);
    free(v);
    return st;
}
