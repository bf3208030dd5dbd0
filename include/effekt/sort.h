/* effekt/sort.h — sorting doubles (the one comparator set's public half). */
#ifndef EFFEKT_SORT_H
#define EFFEKT_SORT_H

#include "effekt/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sort n doubles (no NaN) ascending, in O(n) (radix sort). tmp holds n. */
EFFEKT_API void effekt_sort(double *x, size_t n, double *tmp);

/* A sorted copy of the values that are not NaN; *m gets their number.
 * malloc'd, owned by the caller; NULL when out of memory. */
EFFEKT_API double *effekt_sort_copy(const double *values, size_t n, size_t *m);

#ifdef __cplusplus
}
#endif
#endif
