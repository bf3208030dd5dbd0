/* Sorting doubles by radix: four passes of 16 bits over keys in which
 * the order of the unsigned integers is the order of the doubles.  O(n),
 * which matters for medians of millions of values.  And sorting indexes
 * with a context argument (lib_sort.h), which qsort lacks. */
#include "config.h"

#include "lib_alloc.h"
#include "lib_sort.h"

#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/sort.h"
#include "effekt/stats.h"

static inline uint64_t key_of(double d)
{
    return effekt_sort_key(d);
}

static inline double double_of(uint64_t k)
{
    /* top bit set: was positive, flip the sign bit back; else all bits */
    uint64_t u = k ^ ((uint64_t)((int64_t)~k >> 63) | 0x8000000000000000ull);
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

int effekt_cmp_double(const void *a, const void *b)
{
    return effekt_order(*(const double *)a, *(const double *)b);
}

void effekt_sort(double *x, size_t n, double *tmp)
{
    if (n < 256) {
        qsort(x, n, sizeof *x, effekt_cmp_double);
        return;
    }
    /* keys in place; memcpy keeps the type punning defined */
    for (size_t i = 0; i < n; i++) {
        uint64_t k = key_of(x[i]);
        memcpy(&x[i], &k, sizeof k);
    }
    uint64_t *a = (uint64_t *)(void *)x, *b = (uint64_t *)(void *)tmp;
    size_t *count = effekt_calloc(4 * 65536, sizeof *count);
    if (!count) {
        for (size_t i = 0; i < n; i++) {
            uint64_t k;
            memcpy(&k, &x[i], sizeof k);
            x[i] = double_of(k);
        }
        qsort(x, n, sizeof *x, effekt_cmp_double);
        return;
    }
    for (size_t i = 0; i < n; i++)
        for (int pass = 0; pass < 4; pass++)
            count[pass * 65536 + ((a[i] >> (16 * pass)) & 0xFFFF)]++;
    for (int pass = 0; pass < 4; pass++) {
        size_t *c = count + pass * 65536;
        /* a pass where every key has the same digit changes nothing */
        if (c[(a[0] >> (16 * pass)) & 0xFFFF] == n)
            continue;
        size_t sum = 0;
        for (size_t d = 0; d < 65536; d++) {
            size_t t = c[d];
            c[d] = sum;
            sum += t;
        }
        for (size_t i = 0; i < n; i++)
            b[c[(a[i] >> (16 * pass)) & 0xFFFF]++] = a[i];
        uint64_t *t = a;
        a = b;
        b = t;
    }
    if ((void *)a != (void *)x)
        memcpy(x, a, n * sizeof *x);
    free(count);
    for (size_t i = 0; i < n; i++) {
        uint64_t k;
        memcpy(&k, &x[i], sizeof k);
        x[i] = double_of(k);
    }
}

double *effekt_sort_copy(const double *values, size_t n, size_t *m)
{
    double *s = effekt_malloc((n ? n : 1) * sizeof *s);
    double *tmp = effekt_malloc((n ? n : 1) * sizeof *tmp);
    if (!s || !tmp) {
        free(s);
        free(tmp);
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(values[i]))
            s[k++] = values[i];
    effekt_sort(s, k, tmp);
    free(tmp);
    *m = k;
    return s;
}

/* Runs this short are sorted by insertion before merging: fewer
 * comparisons through the function pointer than merging from 1. */
enum { INSERTION_RUN = 16 };

int effekt_sort_index(size_t *idx, size_t n, effekt_index_cmp cmp, const void *ctx)
{
    if (n < 2)
        return 0;
    size_t *tmp = n > INSERTION_RUN ? effekt_malloc(n * sizeof *tmp) : NULL;
    if (n > INSERTION_RUN && !tmp)
        return -1;
    for (size_t lo = 0; lo < n; lo += INSERTION_RUN) {
        size_t hi = lo + INSERTION_RUN < n ? lo + INSERTION_RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            size_t v = idx[i], j = i;
            for (; j > lo && cmp(idx[j - 1], v, ctx) > 0; j--)   /* > keeps equal items in order */
                idx[j] = idx[j - 1];
            idx[j] = v;
        }
    }
    size_t *a = idx, *b = tmp;
    for (size_t width = INSERTION_RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                b[k++] = cmp(a[j], a[i], ctx) < 0 ? a[j++] : a[i++];   /* the left one on ties: stable */
            while (i < mid)
                b[k++] = a[i++];
            while (j < hi)
                b[k++] = a[j++];
        }
        size_t *t = a;
        a = b;
        b = t;
    }
    if (a != idx)
        memcpy(idx, a, n * sizeof *idx);
    free(tmp);
    return 0;
}

/* ---- selection ---- */

static inline void swap_keys(uint64_t *a, uint64_t *b)
{
    uint64_t t = *a;
    *a = *b;
    *b = t;
}

static int cmp_key(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The position of the smallest (largest: max) key of k[lo..hi). */
static size_t extreme_at(const uint64_t *k, size_t lo, size_t hi, int max)
{
    size_t at = lo;
    for (size_t i = lo + 1; i < hi; i++)
        if (max ? k[i] > k[at] : k[i] < k[at])
            at = i;
    return at;
}

/* A range this long or longer takes its pivots from a sample. */
enum { SAMPLED = 2048, SAMPLE = 127 };

/* Place in k[lo..hi) the keys of ranks want[0..n_want) (ascending,
 * within [lo, hi)) where sorting would put them.  Quickselect on all the
 * wanted ranks at once: partition, then only the parts holding a wanted
 * rank are visited.  The first or last rank of a range is found by a
 * scan, not by partitions (min and max are always asked).  A long range
 * is cut by two pivots from a sorted sample, just below and just above
 * the wanted rank nearest its middle (as Floyd and Rivest's SELECT): the
 * part between them, where that rank lies, is small, and the ranks on
 * either side keep their own parts.  A short range takes a median of
 * three.  depth bounds the partitions; past it the range is sorted
 * (qsort: O(n log n)), so a hostile order cannot make it quadratic
 * (introselect).  Every way gives the same keys at the wanted ranks. */
static void select_ranks(uint64_t *k, size_t lo, size_t hi, const size_t *want, size_t n_want, int depth)
{
    while (n_want && hi - lo > 16) {
        /* a first or last rank is scanned for once no other rank is
         * left in the range: the partitions have made it short by then */
        if (n_want == 1 && want[0] == lo) {
            swap_keys(&k[lo], &k[extreme_at(k, lo, hi, 0)]);
            lo++;
            want++;
            n_want--;
            continue;
        }
        if (n_want == 1 && want[0] == hi - 1) {
            swap_keys(&k[hi - 1], &k[extreme_at(k, lo, hi, 1)]);
            hi--;
            n_want--;
            continue;
        }
        if (depth-- <= 0) {
            qsort(k + lo, hi - lo, sizeof *k, cmp_key);
            return;
        }
        uint64_t low, high;   /* the pivots: low <= high */
        size_t n = hi - lo;
        if (n >= SAMPLED) {
            /* the wanted rank nearest the middle, not the first or the
             * last of the range (those are cut off by the way) */
            size_t t = want[n_want / 2];
            for (size_t i = 0; i < n_want; i++) {
                if (want[i] == lo || want[i] == hi - 1)
                    continue;
                size_t d = want[i] > lo + n / 2 ? want[i] - (lo + n / 2) : lo + n / 2 - want[i];
                size_t e = t > lo + n / 2 ? t - (lo + n / 2) : lo + n / 2 - t;
                if (d < e)
                    t = want[i];
            }
            /* a sample spread over the range, sorted; its ranks j -+ 2
             * sqrt(SAMPLE) bracket t with high probability */
            uint64_t sample[SAMPLE];
            for (size_t i = 0; i < SAMPLE; i++)
                sample[i] = k[lo + (size_t)((double)n * (i + 0.5) / SAMPLE)];
            for (size_t i = 1; i < SAMPLE; i++) {
                uint64_t v = sample[i];
                size_t j = i;
                for (; j > 0 && sample[j - 1] > v; j--)
                    sample[j] = sample[j - 1];
                sample[j] = v;
            }
            size_t j = (size_t)((double)(t - lo) * SAMPLE / n), margin = 16;
            low = sample[j > margin ? j - margin : 0];
            high = sample[j + margin < SAMPLE ? j + margin : SAMPLE - 1];
        } else {
            size_t mid = lo + n / 2;
            /* median of three into k[mid] */
            if (k[mid] < k[lo])
                swap_keys(&k[mid], &k[lo]);
            if (k[hi - 1] < k[mid]) {
                swap_keys(&k[hi - 1], &k[mid]);
                if (k[mid] < k[lo])
                    swap_keys(&k[mid], &k[lo]);
            }
            low = high = k[mid];
        }
        /* three-way partition (Dijkstra): with one pivot, ties, common in
         * money, end in the middle block and need no further work */
        size_t lt = lo, i = lo, gt = hi;
        while (i < gt) {
            if (k[i] < low)
                swap_keys(&k[lt++], &k[i++]);
            else if (k[i] > high)
                swap_keys(&k[i], &k[--gt]);
            else
                i++;
        }
        /* [lo, lt) < low, [lt, gt) in [low, high], [gt, hi) > high */
        size_t a = 0;
        while (a < n_want && want[a] < lt)
            a++;
        size_t b = a;
        while (b < n_want && want[b] < gt)
            b++;
        /* the left part and the middle by recursion, the right one by
         * the loop */
        if (a)
            select_ranks(k, lo, lt, want, a, depth);
        if (b > a && low != high)
            select_ranks(k, lt, gt, want + a, b - a, depth);
        want += b;
        n_want -= b;
        lo = gt;
    }
    if (n_want && hi - lo > 1) {
        for (size_t i = lo + 1; i < hi; i++) {
            uint64_t v = k[i];
            size_t j = i;
            for (; j > lo && k[j - 1] > v; j--)
                k[j] = k[j - 1];
            k[j] = v;
        }
    }
}

/* x[0..n) turned into their keys in place (key_of, each double's 8
 * bytes), for the selection; returns select_ranks's depth limit, 2 log2 n
 * partitions, past which a range is sorted. */
static int keys_in_place(double *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t k = key_of(x[i]);
        memcpy(&x[i], &k, sizeof k);
    }
    int depth = 0;
    for (size_t s = n; s > 1; s >>= 1)
        depth += 2;
    return depth;
}

/* Selection in a long range by the keys' bits first: one pass for the
 * least and greatest key, one counting the keys in 2^RADIX_BITS buckets
 * of the bits below their common prefix, one moving them in place into
 * classes (the buckets of the wanted ranks, and the runs of buckets
 * between them), which lie in order; then select_ranks inside each
 * wanted rank's bucket, short as a rule.  Three passes of a few
 * instructions a key, against the partitions' several passes of
 * compares and swaps.  k[0..n), want ascending and inside it. */
#define RADIX_MIN 4096
#define RADIX_BITS 11

static void select_radix(uint64_t *k, size_t n, const size_t *want, size_t n_want, int depth)
{
    uint64_t min = k[0], max = k[0];
    for (size_t i = 1; i < n; i++) {
        min = k[i] < min ? k[i] : min;
        max = k[i] > max ? k[i] : max;
    }
    if (min == max)
        return;   /* one key: in order already */
    int bits = 64 - __builtin_clzll(max - min);
    int shift = bits > RADIX_BITS ? bits - RADIX_BITS : 0;
    size_t count[1u << RADIX_BITS] = { 0 };
    for (size_t i = 0; i < n; i++)
        count[(k[i] - min) >> shift]++;
    /* the wanted ranks' buckets, ascending, once each; a bucket's class
     * is 2j + 1 when it is the j-th of them, 2j between the (j-1)-th and
     * the j-th */
    enum { MAX_WANTED = 64 };
    size_t n_b = 0;
    unsigned char cls[1u << RADIX_BITS];
    size_t below = 0, w = 0;
    for (size_t b = 0; b < (1u << RADIX_BITS); b++) {
        int hit = 0;
        while (w < n_want && want[w] < below + count[b]) {
            hit = 1;
            w++;
        }
        if (hit) {
            if (n_b == MAX_WANTED) {   /* more ranks than classes: the partitions do it */
                select_ranks(k, 0, n, want, n_want, depth);
                return;
            }
            n_b++;
        }
        cls[b] = (unsigned char)(hit ? 2 * n_b - 1 : 2 * n_b);
        below += count[b];
    }
    /* the classes' ranges, then the keys moved into them (cycles) */
    size_t n_cls = 2 * n_b + 1, start[2 * MAX_WANTED + 2] = { 0 }, next[2 * MAX_WANTED + 1];
    for (size_t b = 0; b < (1u << RADIX_BITS); b++)
        start[cls[b] + 1] += count[b];
    for (size_t c = 0; c < n_cls; c++) {
        start[c + 1] += start[c];
        next[c] = start[c];
    }
    for (size_t c = 0; c < n_cls; c++)
        while (next[c] < start[c + 1]) {
            uint64_t v = k[next[c]];
            size_t d = cls[(v - min) >> shift];
            while (d != c) {
                uint64_t t = k[next[d]];
                k[next[d]++] = v;
                v = t;
                d = cls[(v - min) >> shift];
            }
            k[next[c]++] = v;
        }
    /* each wanted rank inside its bucket's class */
    for (size_t j = 0, first = 0; j < n_b; j++) {
        size_t lo = start[2 * j + 1], hi = start[2 * j + 2], last = first;
        while (last < n_want && want[last] < hi)
            last++;
        select_ranks(k, lo, hi, want + first, last - first, depth);
        first = last;
    }
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

void effekt_select(double *x, size_t n, size_t *ranks, size_t n_ranks)
{
    if (n < 2 || n_ranks == 0)
        return;
    if (n < 256) {
        /* what effekt_sort does there, so that -0 and +0 come out in
         * the same order as from it (qsort by value sees them equal) */
        qsort(x, n, sizeof *x, effekt_cmp_double);
        return;
    }
    /* the ranks ascending, once each, inside [0, n) */
    qsort(ranks, n_ranks, sizeof *ranks, cmp_size);
    size_t m = 0;
    for (size_t i = 0; i < n_ranks; i++)
        if (ranks[i] < n && (m == 0 || ranks[m - 1] != ranks[i]))
            ranks[m++] = ranks[i];
    int depth = keys_in_place(x, n);
    if (n >= RADIX_MIN)
        select_radix((uint64_t *)(void *)x, n, ranks, m, depth);
    else
        select_ranks((uint64_t *)(void *)x, 0, n, ranks, m, depth);
    for (size_t i = 0; i < n; i++) {
        uint64_t k;
        memcpy(&k, &x[i], sizeof k);
        x[i] = double_of(k);
    }
}

/* The most ranks effekt_select_values takes by the keys' bits. */
enum { MAX_RANKS_SELECTED = 64 };

/* The values at the wanted ranks from a long array, by the keys' bits
 * as select_radix, but without moving every value into its class: the
 * least and greatest key (one pass, unless the caller has them) give
 * the first and the last rank and the buckets; one pass counts the keys
 * in the buckets, one moves only the values of the other wanted ranks'
 * buckets to the front (a swap each, the rest only read); select_ranks
 * then runs on those, short as a rule, as keys, with each rank less the
 * values of the buckets left out below it.  x[0..n) holds doubles again
 * after.  want ascending, once each, inside [0, n); n >= RADIX_MIN. */
static void values_radix(double *x, size_t n, const size_t *want, size_t n_want, const uint64_t *keys,
                         double *values)
{
    uint64_t min, max;
    if (keys) {
        min = keys[0];
        max = keys[1];
    } else {
        min = max = key_of(x[0]);
        for (size_t i = 1; i < n; i++) {
            uint64_t k = key_of(x[i]);
            min = k < min ? k : min;
            max = k > max ? k : max;
        }
    }
    if (min == max) {   /* one key: every rank's */
        for (size_t j = 0; j < n_want; j++)
            values[j] = double_of(min);
        return;
    }
    int bits = 64 - __builtin_clzll(max - min);
    int shift = bits > RADIX_BITS ? bits - RADIX_BITS : 0;
    size_t count[1u << RADIX_BITS] = { 0 };
    for (size_t i = 0; i < n; i++)
        count[(key_of(x[i]) - min) >> shift]++;
    /* the wanted buckets; each wanted rank (but the first and the last,
     * the least and greatest keys) as a rank among their values */
    unsigned char wanted[1u << RADIX_BITS];
    size_t inner[MAX_RANKS_SELECTED], of[MAX_RANKS_SELECTED], n_inner = 0, below = 0, kept = 0, w = 0;
    for (size_t b = 0; b < (1u << RADIX_BITS); b++) {
        wanted[b] = 0;
        for (; w < n_want && want[w] < below + count[b]; w++) {
            if (want[w] == 0 || want[w] == n - 1) {
                values[w] = double_of(want[w] ? max : min);
                continue;
            }
            inner[n_inner] = want[w] - below + kept;
            of[n_inner++] = w;
            wanted[b] = 1;
        }
        kept += wanted[b] ? count[b] : 0;
        below += count[b];
    }
    if (!n_inner)
        return;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (wanted[(key_of(x[i]) - min) >> shift]) {
            double t = x[m];
            x[m++] = x[i];
            x[i] = t;
        }
    uint64_t *k = (uint64_t *)(void *)x;
    int depth = keys_in_place(x, m);
    select_ranks(k, 0, m, inner, n_inner, depth);
    for (size_t j = 0; j < n_inner; j++)
        values[of[j]] = double_of(k[inner[j]]);
    for (size_t i = 0; i < m; i++) {
        uint64_t key;
        memcpy(&key, &x[i], sizeof key);
        x[i] = double_of(key);
    }
}

size_t effekt_select_values(double *x, size_t n, size_t *ranks, size_t n_ranks, const uint64_t *keys,
                            double *values)
{
    qsort(ranks, n_ranks, sizeof *ranks, cmp_size);
    size_t m = 0;
    for (size_t i = 0; i < n_ranks; i++)
        if (ranks[i] < n && (m == 0 || ranks[m - 1] != ranks[i]))
            ranks[m++] = ranks[i];
    if (n < RADIX_MIN || m > MAX_RANKS_SELECTED) {
        /* effekt_select's way (below 256 values its qsort decides the
         * order of -0 and +0), read where it puts them */
        effekt_select(x, n, ranks, m);
        for (size_t j = 0; j < m; j++)
            values[j] = x[ranks[j]];
        return m;
    }
    values_radix(x, n, ranks, m, keys, values);
    return m;
}
