/* effekt/histogram.h — histogram breaks and counts as R's hist(). */
#ifndef EFFEKT_HISTOGRAM_H
#define EFFEKT_HISTOGRAM_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { EFFEKT_HISTOGRAM_STURGES = 0, EFFEKT_HISTOGRAM_SCOTT, EFFEKT_HISTOGRAM_FD } effekt_histogram_rule;

/* "sturges", "scott", "fd" (any case); EFFEKT_EINVAL for another name.
 * _name gives the name _parse reads. */
EFFEKT_API effekt_status effekt_histogram_rule_parse(const char *name, effekt_histogram_rule *out);
EFFEKT_API const char *effekt_histogram_rule_name(effekt_histogram_rule rule);

/* Histogram breaks and counts of n values (NaN skipped) as R's
 * hist(x, breaks = "Sturges"|"Scott"|"FD"): the rule gives a number of
 * classes, pretty() turns it into round breaks, intervals are closed on
 * the right and the first on both sides.  *breaks (n_bins + 1) and
 * *counts (n_bins) are malloc'd and owned by the caller. */
EFFEKT_API effekt_status effekt_histogram_compute(const double *values, size_t n, effekt_histogram_rule rule, double **breaks,
                                          double **counts, size_t *n_bins);


#ifdef __cplusplus
}
#endif
#endif
