/* The least-squares line of a scatter plot and its pointwise confidence
 * band, as R's lm() and predict(interval = "confidence"). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>

#include "effekt/ols.h"
#include "lib_alloc.h"
#include "lib_gsl.h"

effekt_status effekt_ols_fit(const double *x, const double *y, size_t n, effekt_ols *out)
{
    effekt_gsl_errors_off();
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
        int rc = gsl_fit_linear(xs, 1, ys, 1, m, &out->intercept, &out->slope, &out->cov00,
                                &out->cov01, &out->cov11, &sumsq);
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
    effekt_gsl_errors_off();
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
