/* scan.h — where the structure of CSV text is, 64 bytes at a time: the
 * bit masks the fast path of the reader (csv.c, fast_lines) walks.
 * Internal to libeffekt. */
#ifndef EFFEKT_IO_SCAN_H
#define EFFEKT_IO_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Bit i of each mask is byte i of a block of 64. */
typedef struct {
    uint64_t delim;   /* the delimiter */
    uint64_t mark;    /* LF, CR or '"': where a plain line ends, or stops being plain */
    uint64_t odd;     /* NUL or not ASCII (on_field must look at the field) */
    uint64_t space;   /* space or tab (libcsv may trim them) */
} effekt_scan_block;

/* Fills out[0..blocks) for p[0..64 * blocks); reads nothing else. */
typedef void (*effekt_scan_fn)(const unsigned char *p, size_t blocks, unsigned char delim,
                               effekt_scan_block *out);

enum { EFFEKT_SCAN_SWAR, EFFEKT_SCAN_SSE2, EFFEKT_SCAN_AVX2 };

/* The fastest this CPU runs: AVX2 when it has it (asked at run time),
 * else SSE2 (every x86-64), else 8 bytes at a time in a portable word;
 * the word always in a build with -DEFFEKT_CSV_SWAR. */
effekt_scan_fn effekt_scan_best(void);

/* One of them by name (EFFEKT_SCAN_...), NULL when not built here or
 * the CPU lacks it: for the tests, which compare them. */
effekt_scan_fn effekt_scan_get(int which);

#endif
