/* Random-effects pooling (meta-analysis) of k projects, following
 * metafor::rma.uni step by step so that the iterative estimators stop
 * where metafor's stop: Fisher scoring's and uniroot's tolerances are
 * coarse (1e-5, 1.22e-4), so only the same path gives the same digits.
 * See include/effekt/meta.h for which R call each figure agrees with. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>

#include "effekt/meta.h"
#include "lib_alloc.h"
#include "lib_gsl.h"
#include "lib_sort.h"

static const char *const measure_names[] = { "logit", "raw", "log", "arcsine", "estimate" };
static const char *const measure_metafor[] = { "PLO", "PR", "PLN", "PFT", "GEN" };
static const char *const method_names[] = { "reml", "dl", "pm" };

effekt_status effekt_meta_measure_parse(const char *name, effekt_meta_measure *out)
{
    for (size_t i = 0; name && i < 4; i++)
        if (strcasecmp(name, measure_names[i]) == 0 || strcasecmp(name, measure_metafor[i]) == 0) {
            *out = (effekt_meta_measure)i;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_meta_measure_name(effekt_meta_measure m)
{
    return (size_t)m < 5 ? measure_names[m] : "?";
}

effekt_status effekt_meta_method_parse(const char *name, effekt_meta_method *out)
{
    for (size_t i = 0; name && i < 3; i++)
        if (strcasecmp(name, method_names[i]) == 0) {
            *out = (effekt_meta_method)i;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_meta_method_name(effekt_meta_method m)
{
    return (size_t)m < 3 ? method_names[m] : "?";
}

void effekt_meta_options_init(effekt_meta_options *o)
{
    memset(o, 0, sizeof *o);
    o->method = EFFEKT_META_REML;
    o->measure = EFFEKT_META_LOGIT;
    o->confidence = 0.95;
}

void effekt_meta_result_destroy(effekt_meta_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->k; i++)
        free(r->studies[i].label);
    free(r->studies);
    free(r->source);
    free(r);
}

effekt_status effekt_meta_escalc(effekt_meta_measure m, double x, double n, double *yi, double *vi, int *corrected)
{
    if (!(n > 0) || !(x >= 0) || x > n || !isfinite(n))
        return EFFEKT_EINVAL;
    int add = m != EFFEKT_META_ARCSINE && (x == 0 || x == n);   /* escalc: add = 1/2, to = "only0" */
    if (corrected)
        *corrected = add;
    double xa = add ? x + 0.5 : x, ma = add ? n - x + 0.5 : n - x, na = xa + ma, p = xa / na;
    switch (m) {
    case EFFEKT_META_LOGIT:
        *yi = log(p / (1 - p));
        *vi = 1 / xa + 1 / ma;
        return EFFEKT_OK;
    case EFFEKT_META_RAW:
        *yi = p;
        *vi = p * (1 - p) / na;
        return EFFEKT_OK;
    case EFFEKT_META_LOG:
        *yi = log(p);
        *vi = 1 / xa - 1 / na;
        return EFFEKT_OK;
    case EFFEKT_META_ARCSINE:
        *yi = 0.5 * (asin(sqrt(x / (n + 1))) + asin(sqrt((x + 1) / (n + 1))));
        *vi = 1 / (4 * n + 2);
        return EFFEKT_OK;
    default:
        return EFFEKT_EINVAL;
    }
}

/* ---- R's uniroot: Brent's method in the form of R's zeroin2 (the same
 * sequence of steps, so the same root at a coarse tolerance) ---- */
double effekt_meta_uniroot(double (*f)(double x, void *ctx), void *ctx, double a, double b, double fa, double fb,
                           double tol, int maxit, int *iter)
{
    double c = a, fc = fa;
    if (iter)
        *iter = 0;
    if (fa == 0)
        return a;
    if (fb == 0)
        return b;
    for (int it = 1; it <= maxit + 1; it++) {
        double prev_step = b - a;
        if (fabs(fc) < fabs(fb)) {   /* b the best approximation so far */
            a = b, b = c, c = a;
            fa = fb, fb = fc, fc = fa;
        }
        double tol_act = 2 * DBL_EPSILON * fabs(b) + tol / 2;
        double new_step = (c - b) / 2;
        if (fabs(new_step) <= tol_act || fb == 0) {
            if (iter)
                *iter = it - 1;
            return b;
        }
        if (fabs(prev_step) >= tol_act && fabs(fa) > fabs(fb)) {
            double p, q, cb = c - b;
            if (a == c) {   /* linear interpolation */
                double t1 = fb / fa;
                p = cb * t1;
                q = 1.0 - t1;
            } else {        /* inverse quadratic interpolation */
                double t1, t2;
                q = fa / fc;
                t1 = fb / fc;
                t2 = fb / fa;
                p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
                q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
            }
            if (p > 0)
                q = -q;
            else
                p = -p;
            if (p < (0.75 * cb * q - fabs(tol_act * q) / 2) && p < fabs(prev_step * q / 2))
                new_step = p / q;
        }
        if (fabs(new_step) < tol_act)
            new_step = new_step > 0 ? tol_act : -tol_act;
        a = b, fa = fb;
        b += new_step;
        fb = f(b, ctx);
        if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0))
            c = a, fc = fa;
    }
    if (iter)
        *iter = -1;
    return b;
}

/* ---- the model's pieces for an intercept-only model ---- */

typedef struct {
    const double *y, *v;
    size_t k;
    double objective;
} qe_ctx;

/* sum w (y - mu_w)^2 with w = 1/(v + tau2): metafor's .QE.func (RSS). */
static double weighted_rss(const double *y, const double *v, size_t k, double tau2)
{
    double sw = 0, swy = 0;
    for (size_t i = 0; i < k; i++) {
        double w = 1 / (v[i] + tau2);
        sw += w;
        swy += w * y[i];
    }
    double mu = swy / sw, rss = 0;
    for (size_t i = 0; i < k; i++) {
        double d = y[i] - mu;
        rss += d * d / (v[i] + tau2);
    }
    return rss;
}

static double qe_func(double tau2, void *ctx)
{
    const qe_ctx *c = ctx;
    return weighted_rss(c->y, c->v, c->k, tau2) - c->objective;
}

/* The REML log likelihood without constants that cancel in metafor's
 * comparison with tau^2 = 0 (all of them are kept: the difference is
 * what is compared, but keeping them costs nothing). */
static double reml_ll(const double *y, const double *v, size_t k, double tau2)
{
    double sw = 0, slog = 0;
    for (size_t i = 0; i < k; i++) {
        sw += 1 / (v[i] + tau2);
        slog += log(v[i] + tau2);
    }
    return -0.5 * (double)(k - 1) * log(2 * M_PI) - 0.5 * slog - 0.5 * log(sw) -
           0.5 * weighted_rss(y, v, k, tau2);
}

static double median_of(double *x, size_t k)
{
    qsort(x, k, sizeof *x, effekt_cmp_double);
    return k % 2 ? x[k / 2] : (x[k / 2 - 1] + x[k / 2]) / 2;
}

/* R's mad(y): 1.4826 median |y - median(y)|. */
static double mad(const double *y, size_t k, double *work)
{
    memcpy(work, y, k * sizeof *work);
    double m = median_of(work, k);
    for (size_t i = 0; i < k; i++)
        work[i] = fabs(y[i] - m);
    return 1.4826 * median_of(work, k);
}

/* transf.pft(p, n) and transf.ipft.hm(x, n) of metafor. */
static double pft(double p, double n)
{
    double x = p * n;
    return 0.5 * (asin(sqrt(x / (n + 1))) + asin(sqrt((x + 1) / (n + 1))));
}

static double ipft_hm(double x, double nhm)
{
    if (isnan(x))
        return NAN;
    if (x > pft(1, nhm))
        return 1;
    if (x < pft(0, nhm))
        return 0;
    double s = sin(2 * x), c = cos(2 * x);
    double sg = c > 0 ? 1 : c < 0 ? -1 : 0;
    double in = s + (s - 1 / s) / nhm;
    double r = 1 - in * in;
    return r < 0 ? NAN : 0.5 * (1 - sg * sqrt(r));
}

static double back(const effekt_meta_result *r, double x)
{
    switch (r->options.measure) {
    case EFFEKT_META_LOGIT:
        return 1 / (1 + exp(-x));   /* plogis */
    case EFFEKT_META_LOG:
        return exp(x);
    case EFFEKT_META_ARCSINE:
        return ipft_hm(x, r->n_harmonic);
    default:
        return x;
    }
}

static effekt_status fail(effekt_diag *diag, effekt_status st, const char *message)
{
    if (diag)
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "%s", message);
    return st;
}

/* tau^2 by DL, REML or PM as rma.uni; *iterations and *reset set. */
static effekt_status estimate_tau2(const double *y, const double *v, size_t k, effekt_meta_method method, double *w,
                                   double *out, int *iterations, int *reset, effekt_diag *diag)
{
    double km1 = (double)(k - 1);
    *iterations = 0;
    *reset = 0;
    if (method == EFFEKT_META_DL) {
        double sw = 0, sw2 = 0;
        for (size_t i = 0; i < k; i++) {
            sw += 1 / v[i];
            sw2 += 1 / (v[i] * v[i]);
        }
        double q = weighted_rss(y, v, k, 0);
        double t = (q - km1) / (sw - sw2 / sw);
        *out = t > 0 ? t : 0;
        return EFFEKT_OK;
    }
    if (method == EFFEKT_META_PM) {
        double tau2_max = mad(y, k, w);
        tau2_max = fmax(100, 10 * tau2_max * tau2_max);
        qe_ctx c = { y, v, k, km1 };
        double f0 = qe_func(0, &c);
        if (f0 < 0) {
            *out = 0;
            return EFFEKT_OK;
        }
        double f1 = qe_func(tau2_max, &c);
        if (f1 > 0)
            return fail(diag, EFFEKT_EUNDEF,
                        "Paule-Mandel: tau^2 lies beyond the search interval [0, max(100, 10 mad(yi)^2)] (the "
                        "projects differ too much; try REML or DL)");
        *out = effekt_meta_uniroot(qe_func, &c, 0, tau2_max, f0, f1, pow(DBL_EPSILON, 0.25), 100, iterations);
        if (*iterations < 0)
            return fail(diag, EFFEKT_EUNDEF, "Paule-Mandel: the search for tau^2 did not converge in 100 steps");
        return EFFEKT_OK;
    }
    /* REML: start from the Hedges (HE) estimate */
    double mean = 0, ss = 0, sv = 0;
    for (size_t i = 0; i < k; i++)
        mean += y[i];
    mean /= (double)k;
    for (size_t i = 0; i < k; i++) {
        ss += (y[i] - mean) * (y[i] - mean);
        sv += v[i];
    }
    double tau2 = (ss - (sv - sv / (double)k)) / km1;
    if (!(tau2 > 0))
        tau2 = 0;
    double change = 1e-5 + 1;
    int iter = 0;
    while (change > 1e-5) {
        iter++;
        double old = tau2, sw = 0, swy = 0, sw2 = 0, sw3 = 0;
        for (size_t i = 0; i < k; i++) {
            double wi = 1 / (v[i] + tau2);
            sw += wi;
            swy += wi * y[i];
            sw2 += wi * wi;
            sw3 += wi * wi * wi;
        }
        double mu = swy / sw, ypy = 0;
        for (size_t i = 0; i < k; i++) {
            double wi = 1 / (v[i] + tau2), d = wi * (y[i] - mu);
            ypy += d * d;   /* Y'PPY = |PY|^2, PY = w (y - mu) */
        }
        double trp = sw - sw2 / sw;
        double trpp = sw2 - 2 * sw3 / sw + sw2 * sw2 / (sw * sw);
        double adj = (ypy - trp) / trpp;
        if (isnan(adj))
            adj = 0;
        while (tau2 + adj < 0)
            adj /= 2;
        tau2 += adj;
        change = fabs(old - tau2);
        if (iter > 100) {
            *iterations = iter;
            return fail(diag, EFFEKT_EUNDEF,
                        "REML: Fisher scoring did not converge in 100 steps (DL or PM need no iterations "
                        "that can fail this way)");
        }
    }
    *iterations = iter;
    /* metafor's ll0check: a better likelihood at 0 sets tau^2 to 0 */
    if (reml_ll(y, v, k, 0) - reml_ll(y, v, k, tau2) > pow(DBL_EPSILON, 0.25) && tau2 > 1e-5) {
        tau2 = 0;
        *reset = 1;
    }
    *out = tau2 > 0 ? tau2 : 0;
    return EFFEKT_OK;
}

/* tau^2's Q-profile interval as confint.rma.uni. */
static void tau2_interval(effekt_meta_result *r, const double *y, const double *v)
{
    size_t k = r->k;
    double alpha = 1 - r->options.confidence, df = (double)(k - 1);
    double tmin = fmin(0, r->tau2), tmax = fmax(100, fmax(r->tau2 * 10, tmin * 10));
    double crit_u = gsl_cdf_chisq_Qinv(alpha / 2, df), crit_l = gsl_cdf_chisq_Pinv(alpha / 2, df);
    qe_ctx c = { y, v, k, 0 };
    double qmax = qe_func(tmax, &c), qmin = qe_func(tmin, &c);
    double lb = NAN, ub = NAN;
    if (qmin < crit_l)
        lb = ub = tmin;
    else if (qmax > crit_l)
        ub = tmax;
    else {
        c.objective = crit_l;
        int it;
        double root = effekt_meta_uniroot(qe_func, &c, tmin, tmax, qmin - crit_l, qmax - crit_l,
                                          pow(DBL_EPSILON, 0.25), 1000, &it);
        ub = it < 0 ? NAN : root;
    }
    if (qmax > crit_u)
        lb = ub = tmax;
    else if (qmin < crit_u)
        lb = tmin;
    else {
        c.objective = crit_u;
        int it;
        double root = effekt_meta_uniroot(qe_func, &c, tmin, tmax, qmin - crit_u, qmax - crit_u,
                                          pow(DBL_EPSILON, 0.25), 1000, &it);
        lb = it < 0 ? NAN : root;
    }
    r->tau2_lower = lb;
    r->tau2_upper = ub;
    r->tau_lower = sqrt(lb);
    r->tau_upper = sqrt(ub);
}

effekt_status effekt_meta_pool(const double *yi, const double *vi, size_t k, const char *const *labels,
                               const double *events, const double *n, const effekt_meta_options *o,
                               effekt_meta_result **out, effekt_diag *diag)
{
    effekt_gsl_errors_off();
    *out = NULL;
    if (k < 2) {
        if (diag)
            effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                            "%s: nothing to pool (random-effects pooling needs at least two projects)",
                            k == 1 ? "one project" : "no projects");
        return EFFEKT_EUNDEF;
    }
    for (size_t i = 0; i < k; i++)
        if (!(vi[i] > 0) || !isfinite(vi[i]) || !isfinite(yi[i])) {
            char name[32];
            snprintf(name, sizeof name, "%zu", i + 1);
            if (diag)
                effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                                "project '%s': estimate %g with variance %g (expected a finite estimate and a "
                                "positive, finite variance)",
                                labels && labels[i] ? labels[i] : name, yi[i], vi[i]);
            return EFFEKT_EVALUE;
        }
    effekt_meta_result *r = effekt_calloc(1, sizeof *r);
    double *work = effekt_calloc(k, sizeof *work);
    if (!r || !work || !(r->studies = effekt_calloc(k, sizeof *r->studies))) {
        free(work);
        effekt_meta_result_destroy(r);
        return EFFEKT_ENOMEM;
    }
    r->options = *o;
    r->options.by = r->options.outcome = r->options.events = r->options.n = NULL;
    r->options.estimate = r->options.se = NULL;
    r->k = k;
    effekt_status st = EFFEKT_OK;
    for (size_t i = 0; i < k && st == EFFEKT_OK; i++) {
        char name[32];
        snprintf(name, sizeof name, "%zu", i + 1);
        if (!(r->studies[i].label = effekt_strdup(labels && labels[i] ? labels[i] : name)))
            st = EFFEKT_ENOMEM;
    }
    if (st == EFFEKT_OK)
        st = estimate_tau2(yi, vi, k, o->method, work, &r->tau2, &r->iterations, &r->tau2_reset, diag);
    free(work);
    if (st != EFFEKT_OK) {
        effekt_meta_result_destroy(r);
        return st;
    }
    double df = (double)(k - 1), alpha = 1 - o->confidence, tau2 = r->tau2;
    r->tau = sqrt(tau2);
    /* the pooled estimate */
    double sw = 0, swy = 0;
    for (size_t i = 0; i < k; i++) {
        double w = 1 / (vi[i] + tau2);
        sw += w;
        swy += w * yi[i];
    }
    r->estimate = swy / sw;
    double vb = 1 / sw;
    if (o->knha) {
        double rss = weighted_rss(yi, vi, k, tau2);
        vb *= rss <= DBL_EPSILON ? 0 : rss / df;
    }
    r->se = sqrt(vb);
    r->statistic = r->estimate / r->se;
    double crit;
    if (o->knha) {
        r->df = df;
        r->p = 2 * gsl_cdf_tdist_Q(fabs(r->statistic), df);
        crit = gsl_cdf_tdist_Qinv(alpha / 2, df);
    } else {
        r->df = NAN;
        r->p = 2 * gsl_cdf_ugaussian_Q(fabs(r->statistic));
        crit = gsl_cdf_ugaussian_Qinv(alpha / 2);
    }
    r->lower = r->estimate - crit * r->se;
    r->upper = r->estimate + crit * r->se;
    double pse = sqrt(vb + tau2);
    r->pi_lower = r->estimate - crit * pse;
    r->pi_upper = r->estimate + crit * pse;
    /* heterogeneity with the fixed-effect weights */
    double sw0 = 0, sw02 = 0;
    for (size_t i = 0; i < k; i++) {
        sw0 += 1 / vi[i];
        sw02 += 1 / (vi[i] * vi[i]);
    }
    double q = weighted_rss(yi, vi, k, 0);
    r->q = q > 0 ? q : 0;
    r->q_df = df;
    r->q_p = gsl_cdf_chisq_Q(r->q, df);
    double vt = df / (sw0 - sw02 / sw0);
    r->i2 = 100 * tau2 / (vt + tau2);
    r->h2 = tau2 / vt + 1;
    tau2_interval(r, yi, vi);
    r->i2_lower = 100 * r->tau2_lower / (vt + r->tau2_lower);
    r->i2_upper = 100 * r->tau2_upper / (vt + r->tau2_upper);
    /* the back-transform */
    r->n_harmonic = NAN;
    if (o->measure == EFFEKT_META_ARCSINE && n) {
        double s = 0;
        for (size_t i = 0; i < k; i++)
            s += 1 / n[i];
        r->n_harmonic = (double)k / s;
    }
    double zc = gsl_cdf_ugaussian_Qinv(alpha / 2);
    for (size_t i = 0; i < k; i++) {
        effekt_meta_study *s = &r->studies[i];
        s->events = events ? events[i] : NAN;
        s->n = n ? n[i] : NAN;
        s->yi = yi[i];
        s->vi = vi[i];
        s->se = sqrt(vi[i]);
        s->lower = yi[i] - zc * s->se;
        s->upper = yi[i] + zc * s->se;
        s->weight = 100 / (vi[i] + tau2) / sw;
        s->value = back(r, s->yi);
        s->value_lower = back(r, s->lower);
        s->value_upper = back(r, s->upper);
    }
    r->value = back(r, r->estimate);
    r->value_lower = back(r, r->lower);
    r->value_upper = back(r, r->upper);
    r->value_pi_lower = back(r, r->pi_lower);
    r->value_pi_upper = back(r, r->pi_upper);
    *out = r;
    return EFFEKT_OK;
}

effekt_status effekt_meta_pool_counts(const double *events, const double *n, size_t k, const char *const *labels,
                                      const effekt_meta_options *o, effekt_meta_result **out, effekt_diag *diag)
{
    *out = NULL;
    double *y = effekt_calloc(k + 1, sizeof *y), *v = effekt_calloc(k + 1, sizeof *v);
    int *corr = effekt_calloc(k + 1, sizeof *corr);
    effekt_status st = y && v && corr ? EFFEKT_OK : EFFEKT_ENOMEM;
    for (size_t i = 0; i < k && st == EFFEKT_OK; i++) {
        st = effekt_meta_escalc(o->measure, events[i], n[i], &y[i], &v[i], &corr[i]);
        if (st != EFFEKT_OK && diag) {
            char name[32];
            snprintf(name, sizeof name, "%zu", i + 1);
            effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                            "project '%s': %g events among %g participants (expected 0 <= events <= "
                            "participants, participants > 0)",
                            labels && labels[i] ? labels[i] : name, events[i], n[i]);
        }
    }
    if (st == EFFEKT_OK)
        st = effekt_meta_pool(y, v, k, labels, events, n, o, out, diag);
    for (size_t i = 0; st == EFFEKT_OK && i < k; i++) {
        (*out)->studies[i].corrected = corr[i];
        if (corr[i] && diag)
            effekt_diag_add(diag, EFFEKT_NOTE, NULL, 0, 0, NULL, NULL,
                            "project '%s' has %s: 1/2 added to its events and non-events (as metafor's escalc, "
                            "add = 1/2, to = \"only0\")",
                            (*out)->studies[i].label, events[i] == 0 ? "no events" : "only events");
    }
    free(y);
    free(v);
    free(corr);
    return st;
}
