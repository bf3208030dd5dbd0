/* lib_sort.h — sorting with a context argument (stats/sort.c), for the
 * library's modules.
 *
 * qsort's comparator sees only the two elements, so sorting indexes by
 * the values they point at needs the values somewhere else: a static or
 * thread-local variable is state shared between calls, and two analyses
 * on two threads would sort by each other's values.  These take the
 * context as an argument instead. */
#ifndef EFFEKT_LIB_SORT_H
#define EFFEKT_LIB_SORT_H

#include <stddef.h>

/* The order of two doubles: -1, 0 or 1 (NaN compares equal to all: keep
 * NaN out of what is sorted). */
static inline int effekt_order(double x, double y)
{
    return (x > y) - (x < y);
}

/* qsort's comparator for an array of doubles, ascending: the one every
 * module sorts plain doubles with (effekt_sort uses it below 256). */
int effekt_cmp_double(const void *a, const void *b);

/* Selection: reorder x[0..n) (no NaN) so that x[r] is, for each r in
 * ranks[0..n_ranks) (0-based), the value effekt_sort would put there
 * (the same order: below 256 values it sorts them as effekt_sort
 * does, else -0 goes before +0), every value before it no greater and
 * every value after it no smaller.  O(n log n_ranks) expected, O(n log n)
 * at worst.  ranks is sorted in place (and duplicates dropped); ranks
 * outside [0, n) are ignored.  Allocates nothing. */
void effekt_select(double *x, size_t n, size_t *ranks, size_t n_ranks);

/* Compare the items of indexes a and b under ctx: <0, 0, >0. */
typedef int (*effekt_index_cmp)(size_t a, size_t b, const void *ctx);

/* Sort idx[0..n) stably by cmp(idx[i], idx[j], ctx) (a merge sort,
 * O(n log n)).  Returns 0, or -1 when its scratch space of n indexes
 * cannot be allocated (idx is then unchanged).  ctx is only passed on. */
int effekt_sort_index(size_t *idx, size_t n, effekt_index_cmp cmp, const void *ctx);

#endif
