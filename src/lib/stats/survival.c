/* Kaplan–Meier and log-rank, after R's survival package. */
#include "config.h"

#include "lib_sort.h"

#include "lib_alloc.h"
#include "lib_gsl.h"
#include "lib_enum.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/survival.h"

effekt_status effekt_km_conf_type_parse(const char *name, effekt_km_conf_type *out)
{
    if (!name)
        return EFFEKT_EINVAL;
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
    return effekt_order(((const spell *)a)->t, ((const spell *)b)->t);
}

void effekt_km_clear(effekt_km *km)
{
    free(km->time);
    memset(km, 0, sizeof *km);
}

#define SURV_TOL 1.4901161193847656e-08   /* sqrt(.Machine$double.eps), survival's tolerance */

/* The median rule of survfit's table (print(fit), summary(fit)$table;
 * survival 3.5's survmean, its minmin): among the times where the curve is
 * below 0.5 + tol, the first; if the curve is there at 0.5 (within tol)
 * and later falls further, the midpoint of that time and the first time it
 * is lower.  A curve that stays at exactly 0.5 to its end thus gives the
 * first time it reached 0.5.  NaN (missing) values of s are skipped. */
static double table_median(const double *time, const double *s, size_t m)
{
    size_t first = m;
    for (size_t i = 0; i < m; i++) {
        if (isnan(s[i]) || !(s[i] < 0.5 + SURV_TOL))
            continue;
        if (first == m) {
            first = i;
            if (!(fabs(s[i] - 0.5) < SURV_TOL))
                return time[i];
        } else if (s[i] < s[first]) {
            return (time[first] + time[i]) / 2;
        }
    }
    return first < m ? time[first] : NAN;
}

/* The rule of quantile.survfit (survival 3.5's findq) for the time by
 * which 1 - s reaches p, on the points (0, 0), (time[i], 1 - s[i]) with
 * repeated values of 1 - s dropped (duplicated(): a missing value after
 * the first missing one too): x1, the first point at p - tol or beyond,
 * and x2, the first at p + tol or beyond, averaged; where the last point
 * kept is within tol of p, x1 and the last time averaged.  Missing values
 * take no part otherwise.  The curves are monotone, so a repeat is a
 * repeat of the last number kept. */
static double findq(const double *time, const double *s, size_t m, double p)
{
    double top = 0;   /* max(y, na.rm = TRUE): y starts at 0 */
    for (size_t i = 0; i < m; i++)
        if (!isnan(s[i]) && 1 - s[i] > top)
            top = 1 - s[i];
    if (top < p)
        return NAN;
    double x1 = NAN, x2 = NAN, last_number = 0, y_last = 0;
    int seen_missing = 0;
    for (size_t i = 0; i < m; i++) {
        if (isnan(s[i])) {
            if (!seen_missing)
                y_last = NAN;   /* kept: the last point may be missing */
            seen_missing = 1;
            continue;
        }
        double y = 1 - s[i];
        if (y == last_number)
            continue;   /* duplicated(y) */
        last_number = y_last = y;
        if (isnan(x1) && y + SURV_TOL >= p)
            x1 = time[i];
        if (isnan(x2) && y - SURV_TOL >= p)
            x2 = time[i];
    }
    if (0 + SURV_TOL >= p)
        x1 = 0;   /* p within tol of 0: the point at time 0 */
    if (!isnan(y_last) && fabs(p - y_last) < SURV_TOL)
        return (x1 + (m ? time[m - 1] : 0)) / 2;
    return (x1 + x2) / 2;
}

effekt_status effekt_km_fit(const double *time, const double *event, size_t n, double confidence,
                            effekt_km_conf_type conf_type, effekt_km *out)
{
    effekt_gsl_errors_off();
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
    out->median = table_median(out->time, out->surv, m);
    out->median_lower = table_median(out->time, out->lower, m);
    out->median_upper = table_median(out->time, out->upper, m);
    return EFFEKT_OK;
}

void effekt_km_quantile(const effekt_km *km, double p, double *q, double *lower, double *upper)
{
    *q = findq(km->time, km->surv, km->n_times, p);
    *lower = findq(km->time, km->lower, km->n_times, p);
    *upper = findq(km->time, km->upper, km->n_times, p);
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
    return effekt_logrank_expected(time, event, group, n, k, rho, NULL, chisq, df, p);
}

effekt_status effekt_logrank_expected(const double *time, const double *event, const size_t *group, size_t n,
                                      size_t k, double rho, double *expected, double *chisq, double *df,
                                      double *p)
{
    effekt_gsl_errors_off();
    *chisq = *df = *p = NAN;
    if (k < 2)
        return EFFEKT_EUNDEF;
    spell *sp = effekt_malloc((n ? n : 1) * sizeof *sp);
    double *risk = effekt_calloc(k, sizeof *risk), *dg = effekt_calloc(k, sizeof *dg), *u = effekt_calloc(k, sizeof *u);
    double *v = effekt_calloc(k * k, sizeof *v), *e = effekt_calloc(k, sizeof *e);
    size_t *keep = effekt_malloc(k * sizeof *keep);
    /* one way out, which frees all of these and the GSL workspace */
    gsl_matrix *mv = NULL;
    gsl_vector *vu = NULL, *x = NULL;
    gsl_permutation *perm = NULL;
    effekt_status st = EFFEKT_OK;
    if (!sp || !risk || !dg || !u || !v || !e || !keep) {
        st = EFFEKT_ENOMEM;
        goto done;
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
                e[g] += w * risk[g] * d / at_risk;
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
    /* as survdiff: a group with no expected events (none of it at risk at
     * any event, e.g. all censored before the first) has a zero row and
     * column in V; it is left out and df is the groups kept - 1.  The
     * chi-square on all kept groups but one: u' V^-1 u. */
    size_t kept = 0;
    for (size_t g = 0; g < k; g++) {
        if (expected)
            expected[g] = e[g];
        if (e[g] > 0)
            keep[kept++] = g;
    }
    if (kept < 2) {
        st = EFFEKT_EUNDEF;
        goto done;
    }
    size_t r = kept - 1;
    mv = gsl_matrix_alloc(r, r);
    vu = gsl_vector_alloc(r);
    x = gsl_vector_alloc(r);
    perm = gsl_permutation_alloc(r);
    if (!mv || !vu || !x || !perm) {
        st = EFFEKT_ENOMEM;
    } else {
        for (size_t g = 0; g < r; g++) {
            gsl_vector_set(vu, g, u[keep[g]]);
            for (size_t h = 0; h < r; h++)
                gsl_matrix_set(mv, g, h, v[keep[g] * k + keep[h]]);
        }
        int sign;
        if (gsl_linalg_LU_decomp(mv, perm, &sign) != 0 || gsl_linalg_LU_solve(mv, perm, vu, x) != 0) {
            st = EFFEKT_EUNDEF;
        } else {
            double c = 0;
            for (size_t g = 0; g < r; g++)
                c += u[keep[g]] * gsl_vector_get(x, g);
            *chisq = c;
            *df = (double)r;
            *p = gsl_cdf_chisq_Q(c, *df);
            if (!isfinite(c))
                st = EFFEKT_EUNDEF;
        }
    }
done:
    gsl_matrix_free(mv);
    gsl_vector_free(vu);
    gsl_vector_free(x);
    gsl_permutation_free(perm);
    free(sp);
    free(risk);
    free(dg);
    free(u);
    free(v);
    free(e);
    free(keep);
    return st;
}

static const char *const conf_type_names[] = { "log", "log-log", "plain" };

const char *effekt_km_conf_type_name(effekt_km_conf_type value)
{
    return effekt_enum_name(conf_type_names, EFFEKT_ENUM_COUNT(conf_type_names), (int)value);
}
