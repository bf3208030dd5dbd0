/* effekt/binomial.h — the binomial distribution: its quantile and the exact limits
 * a funnel plot draws around a pooled rate. */
#ifndef EFFEKT_BINOMIAL_H
#define EFFEKT_BINOMIAL_H

#include "effekt/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The binomial quantile: the smallest x with P(X <= x) >= p for X ~
 * Binomial(n, prob), as R's qbinom(p, n, prob). */
EFFEKT_API double effekt_binomial_quantile(double p, unsigned long n, double prob);

/* Funnel-plot limits for a group of n around the pooled rate p0: the
 * exact binomial qbinom(a/2, n, p0)/n and qbinom(1 - a/2, n, p0)/n with
 * a = 1 - level (level 0.95 and 0.998 are the usual pair). */
EFFEKT_API void effekt_binomial_limits(unsigned long n, double p0, double level, double *lower, double *upper);

#ifdef __cplusplus
}
#endif
#endif
