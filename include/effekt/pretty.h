/* effekt/pretty.h — R's pretty(): round values over a range. */
#ifndef EFFEKT_PRETTY_H
#define EFFEKT_PRETTY_H

#include "effekt/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* R's pretty(c(lo, hi), n): about n + 1 round values covering [lo, hi].
 * Writes the first value, the step and the number of intervals. */
EFFEKT_API void effekt_pretty(double lo, double hi, size_t n, double *first, double *step, size_t *n_intervals);


#ifdef __cplusplus
}
#endif
#endif
