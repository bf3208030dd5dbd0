/* load.h — the pieces of CSV loading shared by the reader (csv.c) and
 * the column typing (infer.c).  Internal to libeffekt. */
#ifndef EFFEKT_IO_LOAD_H
#define EFFEKT_IO_LOAD_H

#include <stddef.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

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

/* A scan whose arrays are a region of a larger block (borrowed) moved to
 * blocks of its own with room for cap values (at least its n): its
 * values, and its kinds and format once written out.  0, or -1 out of
 * memory (the scan unchanged). */
int effekt_infer_scan_own(column_scan *scan, size_t cap);

/* The general case of column_scan_add (and growing the arrays). */
int effekt_infer_scan_add_slow(column_scan *scan, const effekt_csv_options *opt,
                         const missing_set *missing, const char *s, size_t len, int text_only);

static const double load_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
};

/* The digits of a run starting at s[i], read one at a time: adds each
 * to *m, counts in *sig the digits from the first non-zero one and in
 * *zeros the zeros before it; returns where the run stops. */
static inline size_t clean_digits_loop(const char *s, size_t i, size_t len, uint64_t *m, size_t *sig,
                                       size_t *zeros)
{
    for (; i < len; i++) {
        unsigned c = (unsigned char)s[i] - '0';
        if (c > 9)
            break;
        if (*sig || c)
            (*sig)++;
        else
            (*zeros)++;
        *m = *m * 10 + c;
    }
    return i;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The high bit of each byte of x that is not zero (exact: no carry
 * between bytes). */
static inline uint64_t clean_nonzero_bytes(uint64_t x)
{
    const uint64_t lo7 = 0x7F7F7F7F7F7F7F7Full;
    return (((x & lo7) + lo7) | x) & ~lo7;
}

/* The same run as clean_digits_loop, 8 bytes at a time, for a text of
 * at least 8 bytes: each load is of 8 bytes inside s[0..len) (the last 8
 * when fewer remain, shifted down), never past s[len - 1], which may be
 * the last byte of a buffer.  The digits of a word are combined with
 * three multiplications (byte 0 the most significant digit). */
static inline size_t clean_digits_words(const char *s, size_t i, size_t len, uint64_t *m, size_t *sig,
                                        size_t *zeros)
{
    const uint64_t ones = 0x0101010101010101ull;
    while (i < len) {
        size_t at = len - i >= 8 ? i : len - 8;
        uint64_t x;
        memcpy(&x, s + at, 8);
        x >>= 8 * (i - at);   /* the bytes before i out; zero bytes in: not digits */
        /* a byte is a digit when its high nibble is 3, and still 3 with 6
         * added (a carry out of a byte >= 0xFA only reaches bytes after a
         * non-digit, which are not looked at) */
        uint64_t bad = ((x & ones * 0xF0) ^ ones * 0x30) | (((x + ones * 0x06) & ones * 0xF0) ^ ones * 0x30);
        uint64_t stop = clean_nonzero_bytes(bad);
        unsigned k = stop ? (unsigned)__builtin_ctzll(stop) / 8 : 8;   /* digits in the word */
        if (k == 0)
            break;
        uint64_t d = x - ones * '0';
        d <<= 8 * (8 - k);   /* the k digits at the top: zeros before them */
        uint64_t nz = clean_nonzero_bytes(d);
        if (!*sig) {
            /* zeros before the first non-zero digit (k of them if none) */
            unsigned z = nz ? (unsigned)__builtin_ctzll(nz) / 8 - (8 - k) : k;
            *zeros += z;
            *sig += k - z;
        } else {
            *sig += k;
        }
        d = d * 10 + (d >> 8);
        d = (((d & 0x000000FF000000FFull) * (100 + (1000000ull << 32)))
             + (((d >> 16) & 0x000000FF000000FFull) * (1 + (10000ull << 32)))) >> 32;
        static const uint64_t scale[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000 };
        *m = *m * scale[k] + d;   /* wraps only past 15 significant digits: not used then */
        i += k;
        if (k < 8)
            break;
    }
    return i;
}
#endif

/* A run of digits (clean_digits_loop), by words when the text has 8
 * bytes or more. */
static inline size_t clean_digits(const char *s, size_t i, size_t len, uint64_t *m, size_t *sig, size_t *zeros)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (len >= 8)
        return clean_digits_words(s, i, len, m, sig, zeros);
#endif
    return clean_digits_loop(s, i, len, m, sig, zeros);
}

/* What read_clean needs to know of a text's digits. */
typedef struct {
    uint64_t m;            /* all the digits, as one integer */
    size_t int_digits, int_zeros, frac, sig;
} clean_parts;

/* A number of at most 8 bytes after its sign, in a text of at least 8
 * bytes (a price such as 73113.58): all its bytes in one word, loaded
 * from the text's last 8 bytes; the '.' taken out, the digits combined
 * at once.  Returns 1 with *c, 0 when the text is no clean number. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static inline int clean_one_word(const char *s, size_t len, size_t start, clean_parts *c)
{
    const uint64_t ones = 0x0101010101010101ull;
    size_t body = len - start;   /* 7 or 8 */
    uint64_t x;
    memcpy(&x, s + len - 8, 8);
    x >>= 8 * (8 - body);
    uint64_t in = body == 8 ? ~0ull : (1ull << 8 * body) - 1;
    uint64_t bad = ((x & ones * 0xF0) ^ ones * 0x30) | (((x + ones * 0x06) & ones * 0xF0) ^ ones * 0x30);
    uint64_t nd = clean_nonzero_bytes(bad) & in;
    size_t k = body;
    c->int_digits = body;
    c->frac = 0;
    if (nd) {
        /* one non-digit, a '.' with digits on both sides (a second one,
         * or a byte carried into by one >= 0xFA, comes after the first) */
        unsigned p = (unsigned)__builtin_ctzll(nd) / 8;
        if ((nd & (nd - 1)) || s[start + p] != '.' || p == 0 || p + 1 == body)
            return 0;
        uint64_t below = (1ull << 8 * p) - 1;
        x = (x & below) | ((x >> 8) & ~below);
        k = body - 1;
        c->int_digits = p;
        c->frac = k - p;
    }
    /* (digits only below byte k: no borrow reaches them) */
    uint64_t d = (x - ones * '0') & (k == 8 ? ~0ull : (1ull << 8 * k) - 1);
    d <<= 8 * (8 - k);   /* the k digits at the top: zeros before them */
    uint64_t nz = clean_nonzero_bytes(d);
    size_t first = nz ? (size_t)__builtin_ctzll(nz) / 8 - (8 - k) : k;   /* the first non-zero digit */
    c->sig = k - first;
    c->int_zeros = first < c->int_digits ? first : c->int_digits;
    d = d * 10 + (d >> 8);
    c->m = (((d & 0x000000FF000000FFull) * (100 + (1000000ull << 32)))
            + (((d >> 16) & 0x000000FF000000FFull) * (1 + (10000ull << 32)))) >> 32;
    return 1;
}
#endif

/* The plain numbers most files are made of, [-]digits[.digits] with at
 * most 15 significant digits, read in one pass.  15 digits is what makes
 * "%.*f" write exactly the same digits back from the double (see
 * clean_text), so such a value's text need not be kept.  Returns 1 and
 * the value, its kind and its format byte, or 0.  s[0..len), len >= 1,
 * is all that is read. */
/* m divisible by 10^f (f <= 15) without a division: by 2^f through its
 * low bits, by 5^f through 5^f's inverse modulo 2^64 (m * inv <= max
 * exactly when 5^f divides m; Granlund and Montgomery). */
static inline int clean_divisible_pow10(uint64_t m, unsigned f)
{
    static const uint64_t inv5[16][2] = {
        { 0x0000000000000001ull, 0xffffffffffffffffull }, { 0xcccccccccccccccdull, 0x3333333333333333ull },
        { 0x8f5c28f5c28f5c29ull, 0x0a3d70a3d70a3d70ull }, { 0x1cac083126e978d5ull, 0x020c49ba5e353f7cull },
        { 0xd288ce703afb7e91ull, 0x0068db8bac710cb2ull }, { 0x5d4e8fb00bcbe61dull, 0x0014f8b588e368f0ull },
        { 0x790fb65668c26139ull, 0x000431bde82d7b63ull }, { 0xe5032477ae8d46a5ull, 0x0000d6bf94d5e57aull },
        { 0xc767074b22e90e21ull, 0x00002af31dc46118ull }, { 0x8e47ce423a2e9c6dull, 0x0000089705f4136bull },
        { 0x4fa7f60d3ed61f49ull, 0x000001b7cdfd9d7bull }, { 0x0fee64690c913975ull, 0x00000057f5ff85e5ull },
        { 0x3662e0e1cf503eb1ull, 0x000000119799812dull }, { 0xa47a2cf9f6433fbdull, 0x0000000384b84d09ull },
        { 0x54186f653140a659ull, 0x00000000b424dc35ull }, { 0x7738164770402145ull, 0x0000000024075f3dull },
    };
    return ((m & ((1ull << f) - 1)) == 0) & (m * inv5[f][0] <= inv5[f][1]);
}

/* Bits of read_clean_shape: what the first look counts of a value,
 * known from its digits before its double is (a division away). */
enum { CLEAN_NONWHOLE = 1, CLEAN_NEGATIVE = 2 };

static inline int read_clean_shape(const char *s, size_t len, double *value, uint8_t *kind, uint8_t *format,
                                   unsigned *shape);

static inline int read_clean(const char *s, size_t len, double *value, uint8_t *kind, uint8_t *format)
{
    unsigned shape;
    return read_clean_shape(s, len, value, kind, format, &shape);
}

/* read_clean, and in *shape whether the value is not whole and whether
 * it is below zero, from its integer digits: the counts need not wait
 * for the division that makes the double (a row's count then waits on
 * the row before through memory: 19 % of the load stalled there). */
static inline int read_clean_shape(const char *s, size_t len, double *value, uint8_t *kind, uint8_t *format,
                                   unsigned *shape)
{
    int neg = s[0] == '-';
    size_t start = (size_t)neg;
    clean_parts c = { 0, 0, 0, 0, 0 };
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (len >= 8 && len - start <= 8) {
        if (!clean_one_word(s, len, start, &c))
            return 0;
    } else
#endif
    {
        size_t frac_zeros = 0;
        size_t i = clean_digits(s, start, len, &c.m, &c.sig, &c.int_zeros);
        c.int_digits = i - start;
        if (c.int_digits == 0)
            return 0;
        if (i < len) {
            if (s[i] != '.' || i + 1 == len)
                return 0;
            size_t end = clean_digits(s, i + 1, len, &c.m, &c.sig, &frac_zeros);
            if (end < len)
                return 0;
            c.frac = end - (i + 1);
        }
    }
    /* "%.*f" writes the integer part without leading zeros, "0" if it is 0 */
    size_t lead = c.int_zeros == c.int_digits ? c.int_digits - 1 : c.int_zeros;
    if (c.sig > 15 || c.frac > 15 || lead > 7)
        return 0;
    double v = (double)c.m / load_pow10[c.frac];
    *value = neg ? -v : v;
    *shape = (clean_divisible_pow10(c.m, (unsigned)c.frac) ? 0u : CLEAN_NONWHOLE)
             | (neg && c.m ? (unsigned)CLEAN_NEGATIVE : 0u);
    *format = (uint8_t)(FORMAT_CLEAN | lead << 4 | c.frac);
    if (!c.frac)
        *kind = VALUE_PLAIN;
    else if (c.frac == 3 && c.int_digits <= 3 && c.int_zeros == 0)
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
    unsigned shape;
    if (scan->n < scan->cap && !text_only && len && s[0] != ' ' && s[len - 1] != ' '
        && !missing->first[(unsigned char)s[0]] && read_clean_shape(s, len, &v, &kind, &format, &shape)) {
        size_t row = scan->n++;
        scan->clean++;
        if ((unsigned)(format & 15) > scan->max_decimals)
            scan->max_decimals = format & 15;
        scan->fraction += kind == VALUE_POINT;
        scan->nonwhole += shape & CLEAN_NONWHOLE;
        scan->negative += (shape & CLEAN_NEGATIVE) >> 1;
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

/* effekt_csv_load_buffer read by libcsv alone, without the fast path
 * for plain lines (csv.c): the reference the fast path must equal, for
 * the differential fuzzer and the tests.  Not public. */
effekt_status effekt_csv_load_buffer_libcsv(const void *data, size_t len, const char *name,
                                            const effekt_csv_options *opt, effekt_table **out,
                                            effekt_diag *diag);

/* malloc and realloc for a column's large blocks (infer.c says why they
 * are the C library's own).  Freed with free(). */
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
