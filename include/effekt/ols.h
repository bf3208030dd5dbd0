/* effekt/ols.h — a least-squares line with its confidence band. */
#ifndef EFFEKT_OLS_H
#define EFFEKT_OLS_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The least-squares line y = intercept + slope x of n points (pairs with
 * a NaN skipped), its R², residual standard error, and at each of m
 * points grid[j] the fitted value with a pointwise confidence interval,
 * as predict(lm(y ~ x), interval = "confidence", level = confidence). */
typedef struct {
    size_t n;
    double intercept, slope, r_squared, sigma;
    double cov00, cov01, cov11;
} effekt_ols;

EFFEKT_API effekt_status effekt_ols_fit(const double *x, const double *y, size_t n, effekt_ols *out);
EFFEKT_API void effekt_ols_band(const effekt_ols *fit, const double *grid, size_t m, double confidence,
                                double *fitted, double *lower, double *upper);


#ifdef __cplusplus
}
#endif
#endif
