/* load.h — the pieces of CSV loading shared by the reader (csv.c) and
 * the column typing (infer.c).  Internal to libeffekt. */
#ifndef EFFEKT_IO_LOAD_H
#define EFFEKT_IO_LOAD_H

#include <stddef.h>
#include <math.h>
#include <stdint.h>

#include "effekt/csv.h"
#include "effekt/status.h"
#include "effekt/table.h"

/* The raw values of one column: NUL-terminated strings back to back, in
 * row order.  Kept only until the column is typed. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} raw_column;

/* What a value looked like (one byte per value). */
enum {
    VALUE_MISSING = 0,
    VALUE_PLAIN,        /* 1234 */
    VALUE_POINT,        /* needs '.' as decimal mark */
    VALUE_COMMA,        /* needs ',' as decimal mark */
    VALUE_AMBIG_DOT,    /* 1.786 */
    VALUE_AMBIG_COMMA,  /* 3,690 */
    VALUE_GROUPED,      /* 3 690 661 */
    VALUE_DATE,
    VALUE_BAD_DATE,     /* date-shaped, but no such day */
    VALUE_BOOLEAN,
    VALUE_TEXT,
    VALUE_PERCENT = 0x80  /* flag on a numeric kind */
};

/* What a column's dates say about their day/month order (dates.h):
 * values that fit day first only (31/12/2017), month first only
 * (12/17/2015), or both (03/04/2015, written with '/': a '.' or '-'
 * is day first by convention), with the first row of each; and how many
 * had a time of day, no day, a two-digit year. */
typedef struct {
    size_t dmy, mdy, ambiguous;
    size_t first_dmy, first_mdy, first_ambiguous;
    size_t timed, month_only, two_digit;
    size_t year_last;   /* dates in numbers with the year last, in any order */
} date_evidence;

/* A column's values after the first look: provisional numbers (under
 * '.' as decimal mark), dates and booleans in `values`, and what each
 * value looked like in `kinds`. */
typedef struct {
    double *values;
    uint8_t *kinds;
    uint8_t *format;   /* FORMAT_CLEAN | leading zeros << 4 | decimals: the
                          value's text can be written back from the value,
                          so it is not kept; 0: the raw text is kept */
    size_t n, cap;
    int borrowed;      /* the arrays are a region of a larger block: never
                          realloc'd or freed here; on overflow they move to
                          a block of their own */
    /* Until a value's kind or format differs from the first's, the rows
     * are one run (n_lazy of them, lazy_kind and lazy_format) and kinds
     * and format are not written: a column of one shape of plain number
     * (most numeric columns) never touches their pages.  The first other
     * value writes the run out (effekt_infer_scan_materialise); so does
     * anything that reads the arrays. */
    int materialised;
    size_t n_lazy;
    uint8_t lazy_kind, lazy_format;
    size_t count[VALUE_TEXT + 1];
    size_t percent;
    size_t grouped;    /* values with thousands grouping whatever the mark */
    size_t fraction;   /* values with decimals whatever the mark */
    size_t nonwhole;   /* numbers (as first read) that are not whole */
    size_t clean;      /* values read by read_clean (exact decimals of <= 15 digits) */
    unsigned max_decimals;   /* the most decimals among them */
    size_t negative;   /* numbers (as first read) below zero */
    size_t unreadable; /* number-shaped values beyond the range of a double */
    size_t first_row[VALUE_TEXT + 1];   /* first row of each kind */
    int currency;            /* the first currency mark written with a value
                                (effekt_number_currency_code), 0: none */
    size_t currency_row;     /* its row */
    int currency_other;      /* the first mark of another currency, 0: none */
    size_t currency_other_row;
    date_evidence date;
} column_scan;

typedef struct {
    const effekt_table *table;        /* source name and row lines */
    const effekt_csv_options *opt;
    effekt_diag *diag;
    const char *file_mark_column;     /* the heading of the first column whose own
                                         values settle the file's decimal mark */
} infer_context;

/* Does this trimmed text mean "missing"? */
int effekt_infer_is_missing(const effekt_csv_options *opt, const char *s, size_t len);

#define FORMAT_CLEAN 0x80

/* Which first bytes can start a missing-value token (a fast reject). */
typedef struct {
    unsigned char first[256];
} missing_set;

void effekt_infer_missing_init(missing_set *set, const effekt_csv_options *opt);

/* A value of a column read as text whatever it holds (ids, names): *s
 * and *len trimmed as the column's text is; 1 when it is missing (as
 * effekt_infer_scan_add_slow decides).  For coded columns (dict.h). */
int effekt_infer_text_value(const effekt_csv_options *opt, const missing_set *missing, const char **s,
                            size_t *len);

/* Write the run of a lazy scan into kinds and format (rows [0, n_lazy)):
 * before the arrays are read or another value is added.  Cannot fail:
 * the arrays already hold room for those rows. */
void effekt_infer_scan_materialise(column_scan *scan);

/* The general case of column_scan_add (and growing the arrays). */
int effekt_infer_scan_add_slow(column_scan *scan, const effekt_csv_options *opt,
                         const missing_set *missing, const char *s, size_t len, int text_only);

static const double load_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
};

/* The plain numbers most files are made of, [-]digits[.digits] with at
 * most 15 significant digits, read in one pass.  15 digits is what makes
 * "%.*f" write exactly the same digits back from the double (see
 * clean_text), so such a value's text need not be kept.  Returns 1 and
 * the value, its kind and its format byte, or 0. */
static inline int read_clean(const char *s, size_t len, double *value, uint8_t *kind, uint8_t *format)
{
    size_t i = 0;
    int neg = s[0] == '-';
    i = (size_t)neg;
    uint64_t m = 0;
    size_t int_digits = 0, int_zeros = 0, frac = 0, sig = 0;
    for (; i < len; i++) {
        unsigned c = (unsigned char)s[i] - '0';
        if (c > 9)
            break;
        int_digits++;
        if (sig || c) {
            sig++;
        } else {
            int_zeros++;
        }
        m = m * 10 + c;
    }
    if (int_digits == 0)
        return 0;
    if (i < len) {
        if (s[i] != '.' || i + 1 == len)
            return 0;
        for (i++; i < len; i++) {
            unsigned c = (unsigned char)s[i] - '0';
            if (c > 9)
                return 0;
            frac++;
            if (sig || c)
                sig++;
            m = m * 10 + c;
        }
    }
    /* "%.*f" writes the integer part without leading zeros, "0" if it is 0 */
    size_t lead = int_zeros == int_digits ? int_digits - 1 : int_zeros;
    if (sig > 15 || frac > 15 || lead > 7)
        return 0;
    double v = (double)m / load_pow10[frac];
    *value = neg ? -v : v;
    *format = (uint8_t)(FORMAT_CLEAN | lead << 4 | frac);
    if (!frac)
        *kind = VALUE_PLAIN;
    else if (frac == 3 && int_digits <= 3 && int_zeros == 0)
        *kind = VALUE_AMBIG_DOT;
    else
        *kind = VALUE_POINT;
    return 1;
}

/* First look at one value, in row order, as it is read (len is known
 * there, so no value is scanned twice).  Returns 1 when the raw text must
 * be kept (appended to the column's raw buffer), 0 when the value can
 * write its own text back (plain numbers, missing values), -1 when out of
 * memory.  The plain-number case is inline: it is most of most files. */
static inline int column_scan_add(column_scan *scan, const effekt_csv_options *opt,
                                  const missing_set *missing, const char *s, size_t len,
                                  int text_only)
{
    double v;
    uint8_t kind, format;
    if (scan->n < scan->cap && !text_only && len && s[0] != ' ' && s[len - 1] != ' '
        && !missing->first[(unsigned char)s[0]] && read_clean(s, len, &v, &kind, &format)) {
        size_t row = scan->n++;
        scan->clean++;
        if ((unsigned)(format & 15) > scan->max_decimals)
            scan->max_decimals = format & 15;
        scan->fraction += kind == VALUE_POINT;
        scan->nonwhole += v != (double)(int64_t)v;
        scan->negative += v < 0;
        if (scan->count[kind]++ == 0)
            scan->first_row[kind] = row;
        if (!scan->materialised && (row == 0 || (kind == scan->lazy_kind && format == scan->lazy_format))) {
            scan->lazy_kind = kind;   /* one more row of the run */
            scan->lazy_format = format;
            scan->n_lazy = row + 1;
        } else {
            if (!scan->materialised)
                effekt_infer_scan_materialise(scan);
            scan->kinds[row] = kind;
            scan->format[row] = format;
        }
        scan->values[row] = v;
        return 0;
    }
    return effekt_infer_scan_add_slow(scan, opt, missing, s, len, text_only);
}

/* malloc and realloc that ask for transparent huge pages on large
 * blocks: a million-row column is faulted in 2 MiB at a time, not 4 KiB.
 * Freed with free(). */
/* effekt_csv_load_buffer read by libcsv alone, without the fast path
 * for plain lines (csv.c): the reference the fast path must equal, for
 * the differential fuzzer and the tests.  Not public. */
effekt_status effekt_csv_load_buffer_libcsv(const void *data, size_t len, const char *name,
                                            const effekt_csv_options *opt, effekt_table **out,
                                            effekt_diag *diag);

void *effekt_big_alloc(size_t size);
void *effekt_big_realloc(void *p, size_t size);
void effekt_infer_scan_free(column_scan *scan);

/* The decimal mark a column's own values call for: '.', ',' or 0 when
 * they say nothing (or contradict each other). */
char effekt_infer_scan_mark(const column_scan *scan);

/* Decide the column's type, convert its values (using `file_mark`, the
 * mark the rest of the file settles on, for values that cannot tell) and
 * fill `col`.  Consumes raw and scan.  Value errors are recorded in the
 * diagnostics and counted in *n_errors; the value is then missing. */
effekt_status effekt_infer_column_finish(const infer_context *ctx, raw_column *raw, column_scan *scan,
                            size_t n_rows, char file_mark, const effekt_canonical *canon,
                            effekt_column *col, size_t *n_errors);

/* After every column is typed: when the file has no currency column
 * but its amounts carry a currency (in their cells or their headings),
 * add a `currency` column (EFFEKT_COLUMN_DERIVED) saying it per row, so
 * that amounts in several currencies are converted by --currency, never
 * added up as one.  Notes go to diag. */
effekt_status effekt_table_fill_currency(effekt_table *t, effekt_diag *diag);

/* After the currency: a list that gives the total and the Union
 * co-financing rate but no EU amount (most German 2014-2020 lists) gets
 * an `eu_contribution` column of total_cost x eu_rate per row, flagged
 * EFFEKT_COLUMN_DERIVED | EFFEKT_COLUMN_EU_DERIVED so that every output
 * can say the amount was not in the file.  A note says so. */
effekt_status effekt_table_derive_eu(effekt_table *t, effekt_diag *diag);

#endif
