/* Cox proportional hazards with Efron's ties, step by step as survival's
 * coxph (coxfit6) so that it stops where coxph stops, and cox.zph's
 * score test of proportional hazards (survival 3.x).  See effekt/cox.h
 * for which R call each figure agrees with. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "effekt/cox.h"
#include "lib_alloc.h"
#include "lib_gsl.h"
#include "lib_sort.h"

#define COX_EPS 1e-9      /* coxph.control()$eps */
#define COX_MAXITER 20    /* coxph.control()$iter.max */

typedef struct {
    const double *time, *event, *x;
    const size_t *strata;
    size_t n, p;
    size_t *order;        /* by stratum, then time descending */
} cox_data;

static int by_stratum_time_desc(size_t a, size_t b, const void *ctx)
{
    const cox_data *d = ctx;
    size_t sa = d->strata ? d->strata[a] : 0, sb = d->strata ? d->strata[b] : 0;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (d->time[a] != d->time[b])
        return d->time[a] > d->time[b] ? -1 : 1;
    return a < b ? -1 : a > b;
}

static effekt_status prepare(cox_data *d)
{
    d->order = effekt_malloc((d->n ? d->n : 1) * sizeof *d->order);
    if (!d->order)
        return EFFEKT_ENOMEM;
    for (size_t i = 0; i < d->n; i++)
        d->order[i] = i;
    return effekt_sort_index(d->order, d->n, by_stratum_time_desc, d) == 0 ? EFFEKT_OK : EFFEKT_ENOMEM;
}

/* One pass over the risk sets: the log partial likelihood, its score u
 * (p) and information imat (p * p) at beta.  With g (per spell; used at
 * events), also the score uz and information iz (2p, 2p * 2p) of the
 * covariates [x, g(t) x] at the same beta: cox.zph's pieces.  work holds
 * 6 p + 3 p * p doubles. */
static void pass(const cox_data *d, const double *beta, double *ll, double *u, double *imat, const double *g,
                 double *uz, double *iz, double *work)
{
    size_t n = d->n, p = d->p, q = 2 * p;
    double *s1 = work, *d1 = s1 + p, *mean = d1 + p, *xsum = mean + p, *s2 = xsum + p, *d2 = s2 + p * p,
           *v = d2 + p * p;
    *ll = 0;
    memset(u, 0, p * sizeof *u);
    memset(imat, 0, p * p * sizeof *imat);
    if (g) {
        memset(uz, 0, q * sizeof *uz);
        memset(iz, 0, q * q * sizeof *iz);
    }
    size_t i = 0;
    while (i < n) {
        /* a stratum: its risk set grows as time goes back */
        size_t stratum = d->strata ? d->strata[d->order[i]] : 0;
        double s0 = 0;
        memset(s1, 0, p * sizeof *s1);
        memset(s2, 0, p * p * sizeof *s2);
        while (i < n && (d->strata ? d->strata[d->order[i]] : 0) == stratum) {
            double t = d->time[d->order[i]], d0 = 0, deaths = 0, eta_sum = 0, gt = 0;
            memset(d1, 0, p * sizeof *d1);
            memset(d2, 0, p * p * sizeof *d2);
            memset(xsum, 0, p * sizeof *xsum);
            for (; i < n && d->time[d->order[i]] == t && (d->strata ? d->strata[d->order[i]] : 0) == stratum; i++) {
                size_t k = d->order[i];
                const double *xk = d->x + k * p;
                double eta = 0;
                for (size_t a = 0; a < p; a++)
                    eta += beta[a] * xk[a];
                double w = exp(eta);
                s0 += w;
                for (size_t a = 0; a < p; a++) {
                    s1[a] += w * xk[a];
                    for (size_t b = 0; b <= a; b++)
                        s2[a * p + b] += w * xk[a] * xk[b];
                }
                if (d->event[k] != 0) {
                    deaths++;
                    d0 += w;
                    eta_sum += eta;
                    if (g)
                        gt = g[k];
                    for (size_t a = 0; a < p; a++) {
                        d1[a] += w * xk[a];
                        xsum[a] += xk[a];
                        for (size_t b = 0; b <= a; b++)
                            d2[a * p + b] += w * xk[a] * xk[b];
                    }
                }
            }
            if (deaths == 0)
                continue;
            *ll += eta_sum;
            for (size_t a = 0; a < p; a++) {
                u[a] += xsum[a];
                if (g)
                    uz[p + a] += gt * xsum[a];
            }
            for (double r = 0; r < deaths; r++) {
                double f = r / deaths, den = s0 - f * d0;
                *ll -= log(den);
                for (size_t a = 0; a < p; a++) {
                    mean[a] = (s1[a] - f * d1[a]) / den;
                    u[a] -= mean[a];
                    if (g)
                        uz[p + a] -= gt * mean[a];
                }
                for (size_t a = 0; a < p; a++)
                    for (size_t b = 0; b <= a; b++) {
                        v[a * p + b] = (s2[a * p + b] - f * d2[a * p + b]) / den - mean[a] * mean[b];
                        imat[a * p + b] += v[a * p + b];
                    }
                if (g)
                    for (size_t a = 0; a < p; a++)
                        for (size_t b = 0; b < p; b++) {
                            double vv = a >= b ? v[a * p + b] : v[b * p + a];
                            iz[a * q + b] += vv;
                            iz[(p + a) * q + b] += gt * vv;
                            iz[a * q + (p + b)] += gt * vv;
                            iz[(p + a) * q + (p + b)] += gt * gt * vv;
                        }
            }
        }
    }
    /* the upper triangles */
    for (size_t a = 0; a < p; a++)
        for (size_t b = 0; b < a; b++)
            imat[b * p + a] = imat[a * p + b];
    if (g)
        for (size_t a = 0; a < p; a++)
            uz[a] = u[a];
}

/* Solve m x = b (m symmetric positive definite, k * k) by Cholesky; inv
 * (may be NULL) gets m^-1.  m is kept.  EFFEKT_EUNDEF when singular. */
static effekt_status solve_spd(const double *m, size_t k, const double *b, double *x, double *inv)
{
    gsl_matrix *a = gsl_matrix_alloc(k, k);
    gsl_vector *bb = gsl_vector_alloc(k), *xx = gsl_vector_alloc(k);
    effekt_status st = a && bb && xx ? EFFEKT_OK : EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        for (size_t i = 0; i < k; i++) {
            gsl_vector_set(bb, i, b ? b[i] : 0);
            for (size_t j = 0; j < k; j++)
                gsl_matrix_set(a, i, j, m[i * k + j]);
        }
        if (gsl_linalg_cholesky_decomp1(a) != GSL_SUCCESS)
            st = EFFEKT_EUNDEF;
        /* a nearly singular matrix passes Cholesky with a tiny pivot */
        for (size_t i = 0; st == EFFEKT_OK && i < k; i++)
            if (!(gsl_matrix_get(a, i, i) > 1e-10 * sqrt(fabs(m[i * k + i])) && m[i * k + i] > 0))
                st = EFFEKT_EUNDEF;
    }
    if (st == EFFEKT_OK && b && x) {
        gsl_linalg_cholesky_solve(a, bb, xx);
        for (size_t i = 0; i < k; i++)
            x[i] = gsl_vector_get(xx, i);
    }
    if (st == EFFEKT_OK && inv) {
        gsl_linalg_cholesky_invert(a);
        for (size_t i = 0; i < k; i++)
            for (size_t j = 0; j < k; j++)
                inv[i * k + j] = gsl_matrix_get(a, i, j);
    }
    gsl_matrix_free(a);
    gsl_vector_free(bb);
    gsl_vector_free(xx);
    return st;
}

effekt_status effekt_cox_fit(const double *time, const double *event, const double *x, size_t n, size_t p,
                             const size_t *strata, double *beta, double *var, int *infinite, effekt_cox_stats *stats,
                             effekt_diag *diag)
{
    effekt_gsl_errors_off();
    memset(stats, 0, sizeof *stats);
    cox_data d = { time, event, x, strata, n, p, NULL };
    effekt_status st = prepare(&d);
    double *work = effekt_calloc(6 * p + 3 * p * p + 1, sizeof *work);
    double *u = effekt_calloc(p + 1, sizeof *u), *imat = effekt_calloc(p * p + 1, sizeof *imat);
    double *newbeta = effekt_calloc(p + 1, sizeof *newbeta), *step = effekt_calloc(p + 1, sizeof *step);
    double *inv = effekt_calloc(p * p + 1, sizeof *inv);
    if (!work || !u || !imat || !newbeta || !step || !inv)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        memset(beta, 0, p * sizeof *beta);
        double loglik, newlk;
        pass(&d, beta, &loglik, u, imat, NULL, NULL, NULL, work);
        stats->loglik0 = loglik;
        st = solve_spd(imat, p, u, step, NULL);
        if (st == EFFEKT_OK) {
            double sc = 0;
            for (size_t a = 0; a < p; a++)
                sc += u[a] * step[a];
            stats->score = sc;
            for (size_t a = 0; a < p; a++)
                newbeta[a] = beta[a] + step[a];
        }
        int halving = 0, iter;
        stats->converged = 0;
        for (iter = 1; st == EFFEKT_OK && iter <= COX_MAXITER; iter++) {
            pass(&d, newbeta, &newlk, u, imat, NULL, NULL, NULL, work);
            if (fabs(1 - loglik / newlk) <= COX_EPS && halving == 0) {
                stats->converged = 1;
                break;
            }
            if (iter == COX_MAXITER)
                break;
            if (newlk < loglik) {   /* not going up: halve the step */
                halving++;
                for (size_t a = 0; a < p; a++)
                    newbeta[a] = (newbeta[a] + beta[a]) / 2;
            } else {
                halving = 0;
                loglik = newlk;
                st = solve_spd(imat, p, u, step, NULL);
                for (size_t a = 0; st == EFFEKT_OK && a < p; a++) {
                    beta[a] = newbeta[a];
                    newbeta[a] = beta[a] + step[a];
                }
            }
        }
        stats->iterations = iter > COX_MAXITER ? COX_MAXITER : iter;
        if (st == EFFEKT_OK) {
            memcpy(beta, newbeta, p * sizeof *beta);
            stats->loglik = newlk;
            st = solve_spd(imat, p, u, step, inv);
        }
        if (st == EFFEKT_OK) {
            double w = 0;
            for (size_t a = 0; a < p; a++)
                for (size_t b = 0; b < p; b++)
                    w += beta[a] * imat[a * p + b] * beta[b];
            stats->wald = w;
            if (var)
                memcpy(var, inv, p * p * sizeof *var);
            /* coxph: infs = |u var| > eps and > sqrt(eps) |coef| (the
             * step Newton-Raphson would still take).  coxph asks only
             * after converging; a fit that ran out of steps is asked too,
             * so that its message can name the covariate running off. */
            for (size_t a = 0; infinite && a < p; a++)
                infinite[a] = fabs(step[a]) > COX_EPS && fabs(step[a]) > sqrt(COX_EPS) * fabs(beta[a]);
        }
        if (st == EFFEKT_EUNDEF && diag)
            effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                            "the covariates' information matrix is singular (collinear covariates, or one constant "
                            "within every stratum): leave one out");
    }
    free(d.order);
    free(work);
    free(u);
    free(imat);
    free(newbeta);
    free(step);
    free(inv);
    return st;
}

/* 1 - KM(t-) of all spells (strata ignored, as cox.zph's survfitKM). */
static effekt_status km_transform(const double *time, const double *event, size_t n, double *out)
{
    size_t *idx = effekt_malloc((n ? n : 1) * sizeof *idx);
    if (!idx)
        return EFFEKT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    cox_data d = { time, event, NULL, NULL, n, 0, NULL };
    if (effekt_sort_index(idx, n, by_stratum_time_desc, &d) != 0) {
        free(idx);
        return EFFEKT_ENOMEM;
    }
    /* ascending: walk from the end of the descending order */
    double s = 1;
    size_t at_risk = n, j = n;
    while (j > 0) {
        double t = time[idx[j - 1]];
        size_t deaths = 0, m = 0, k = j;
        while (k > 0 && time[idx[k - 1]] == t) {
            deaths += event[idx[k - 1]] != 0;
            m++;
            k--;
        }
        for (size_t i = k; i < j; i++)
            out[idx[i]] = 1 - s;   /* S(t-) */
        if (deaths)
            s *= 1 - (double)deaths / (double)at_risk;
        at_risk -= m;
        j = k;
    }
    free(idx);
    return EFFEKT_OK;
}

effekt_status effekt_cox_zph(const double *time, const double *event, const double *x, size_t n, size_t p,
                             const size_t *strata, const double *beta, const size_t *term, size_t n_terms,
                             double *chisq, double *df, double *pval)
{
    effekt_gsl_errors_off();
    size_t q = 2 * p;
    cox_data d = { time, event, x, strata, n, p, NULL };
    effekt_status st = prepare(&d);
    double *g = effekt_calloc(n + 1, sizeof *g), *work = effekt_calloc(6 * p + 3 * p * p + 1, sizeof *work);
    double *u = effekt_calloc(p + 1, sizeof *u), *imat = effekt_calloc(p * p + 1, sizeof *imat);
    double *uz = effekt_calloc(q + 1, sizeof *uz), *iz = effekt_calloc(q * q + 1, sizeof *iz);
    double *sub = effekt_calloc(q * q + 1, sizeof *sub), *ub = effekt_calloc(q + 1, sizeof *ub),
           *sol = effekt_calloc(q + 1, sizeof *sol);
    size_t *kk = effekt_calloc(q + 1, sizeof *kk);
    if (!g || !work || !u || !imat || !uz || !iz || !sub || !ub || !sol || !kk)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK)
        st = km_transform(time, event, n, g);
    if (st == EFFEKT_OK) {
        double sum = 0, m = 0;
        for (size_t i = 0; i < n; i++)
            if (event[i] != 0) {
                sum += g[i];
                m++;
            }
        double mean = sum / m;
        for (size_t i = 0; i < n; i++)
            g[i] -= mean;
        double ll;
        pass(&d, beta, &ll, u, imat, g, uz, iz, work);
    }
    /* per term, then all: u = (0, uz[p + jj]) against iz[kk, kk] */
    for (size_t t = 0; st == EFFEKT_OK && t <= n_terms; t++) {
        size_t k = 0, dfk = 0;
        for (size_t a = 0; a < p; a++)
            kk[k++] = a;
        for (size_t a = 0; a < p; a++)
            if (t == n_terms || term[a] == t) {
                kk[k++] = p + a;
                dfk++;
            }
        for (size_t a = 0; a < k; a++) {
            ub[a] = kk[a] < p ? 0 : uz[kk[a]];
            for (size_t b = 0; b < k; b++)
                sub[a * k + b] = iz[kk[a] * q + kk[b]];
        }
        st = solve_spd(sub, k, ub, sol, NULL);
        if (st != EFFEKT_OK)
            break;
        double c = 0;
        for (size_t a = 0; a < k; a++)
            c += sol[a] * ub[a];
        chisq[t] = c;
        df[t] = (double)dfk;
        pval[t] = gsl_cdf_chisq_Q(c, (double)dfk);
    }
    free(d.order);
    free(g);
    free(work);
    free(u);
    free(imat);
    free(uz);
    free(iz);
    free(sub);
    free(ub);
    free(sol);
    free(kk);
    return st;
}
