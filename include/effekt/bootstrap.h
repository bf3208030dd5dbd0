/* effekt/bootstrap.h — ratios of sums with bootstrap intervals (percentile and BCa,
 * as R's boot). */
#ifndef EFFEKT_BOOTSTRAP_H
#define EFFEKT_BOOTSTRAP_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/progress.h"
#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* B bootstrap replicates of sum(num) / sum(den) over n rows resampled
 * with replacement.  Replicate b draws from its own generator (xoshiro256**
 * seeded by splitmix64 from seed and b), so the replicates are the same bit
 * for bit whatever the number of threads (1 or more). */
EFFEKT_API effekt_status effekt_bootstrap_ratio(const double *num, const double *den, size_t n, size_t B,
                                                unsigned long long seed, unsigned threads, double *replicates,
                                                const effekt_progress *progress);

/* Jackknife influence values of the ratio of sums, as boot's
 * empinf(type = "jack"): L_i = (n - 1)(ratio - the ratio without row i). */
EFFEKT_API effekt_status effekt_bootstrap_jackknife(const double *num, const double *den, size_t n, double *L);

/* Percentile and BCa intervals from the replicates t[0..B) of an estimate
 * t0, as boot.ci(type = c("perc", "bca"), L = L) with its normal-scale
 * interpolation of order statistics.  t is compacted and sorted in place:
 * replicates that are not finite (a resample whose denominator sums to 0)
 * are dropped and counted in *dropped (may be NULL).  EFFEKT_EUNDEF when
 * BCa (or both intervals) cannot be had; then *reason (may be NULL) is a
 * static sentence why, and what is undefined is NaN (never read from an
 * index out of range): an infinite jackknife value (a row whose removal
 * leaves a zero denominator), all replicates on one side of t0, fewer
 * than two finite replicates. */
EFFEKT_API effekt_status effekt_bootstrap_intervals(double t0, double *t, size_t B, const double *L, size_t n,
                                                    double confidence, double *perc_lower, double *perc_upper,
                                                    double *bca_lower, double *bca_upper, size_t *dropped,
                                                    const char **reason);

#ifdef __cplusplus
}
#endif
#endif
