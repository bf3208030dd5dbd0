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
#include <stdint.h>
#include <string.h>

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

/* The key of d whose order as an unsigned integer is the order of the
 * doubles, -0 before +0 (the order of effekt_sort from 256 values). */
static inline uint64_t effekt_sort_key(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    /* negative: flip all bits; positive: flip the sign bit (without a
     * branch: the sign spread over the word says which) */
    return u ^ ((uint64_t)((int64_t)u >> 63) | 0x8000000000000000ull);
}

/* The values effekt_select would put at ranks[0..n_ranks) of x[0..n)
 * (no NaN), into values, without putting them there: ranks is sorted in
 * place and duplicates and ranks outside [0, n) dropped, as by
 * effekt_select; returns how many are left, values[j] the value of rank
 * ranks[j].  keys: NULL, or the least and greatest effekt_sort_key of
 * x, when the caller has them (one pass fewer).  x keeps its values but
 * not their order (from 4,096 values only the few in the buckets of the
 * wanted ranks move, to the front; no value moves into its class as in
 * effekt_select).  Allocates nothing. */
size_t effekt_select_values(double *x, size_t n, size_t *ranks, size_t n_ranks, const uint64_t *keys,
                            double *values);

/* Compare the items of indexes a and b under ctx: <0, 0, >0. */
typedef int (*effekt_index_cmp)(size_t a, size_t b, const void *ctx);

/* Sort idx[0..n) stably by cmp(idx[i], idx[j], ctx) (a merge sort,
 * O(n log n)).  Returns 0, or -1 when its scratch space of n indexes
 * cannot be allocated (idx is then unchanged).  ctx is only passed on. */
int effekt_sort_index(size_t *idx, size_t n, effekt_index_cmp cmp, const void *ctx);

#endif
