/* effekt/boxplot.h — the five numbers of a box plot. */
#ifndef EFFEKT_BOXPLOT_H
#define EFFEKT_BOXPLOT_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A box plot's five numbers (Tukey: hinges are quartiles of type 7,
 * whiskers reach the furthest value within 1.5 IQR of the box). */
typedef struct {
    size_t n;
    double q1, median, q3;
    double whisker_low, whisker_high;
} effekt_boxplot_stats;

/* Box-plot numbers of n values (NaN skipped).  values is not changed. */
EFFEKT_API effekt_status effekt_boxplot_compute(const double *values, size_t n, effekt_boxplot_stats *out);


#ifdef __cplusplus
}
#endif
#endif
