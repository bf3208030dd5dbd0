/* Typing a column: from raw text to integers, numbers, dates, booleans
 * or text, with the decimal mark settled per column.
 *
 * Two passes.  The first reads every value once, converting it under the
 * provisional reading ('.' as decimal mark, which is also the reading of
 * plain integers and dates) and noting what it looked like.  The second
 * touches only the values the decision changes: those written with a
 * mark when the mark turns out to be ',', and the values in error. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <malloc.h>
#include <sys/mman.h>

#include "dates.h"
#include "load.h"
#include "numbers.h"
#include "effekt/table.h"


#define BIG_BLOCK (1u << 20)

static const char *const default_na[] = { "NA", "N/A", "-", "." };

static void trim(const char **s, size_t *len)
{
    while (*len && ((*s)[0] == ' ' || (*s)[0] == '\t')) { (*s)++; (*len)--; }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\r'
                    || (*s)[*len - 1] == '\n'))
        (*len)--;
}

int effekt_infer_is_missing(const effekt_csv_options *opt, const char *s, size_t len)
{
    if (len == 0)
        return 1;
    if (len > 3)
        return opt->na_tokens ? -1 : 0;   /* -1: ask the caller's list */
    const char *const *na = default_na;
    size_t n = sizeof default_na / sizeof *default_na;
    if (opt->na_tokens) {
        na = opt->na_tokens;
        n = opt->n_na_tokens;
    }
    for (size_t i = 0; i < n; i++)
        if (strlen(na[i]) == len && strncasecmp(na[i], s, len) == 0)
            return 1;
    return 0;
}

/* Missing, with user tokens of any length. */
static int is_missing(const effekt_csv_options *opt, const char *s, size_t len)
{
    int m = effekt_infer_is_missing(opt, s, len);
    if (m >= 0)
        return m;
    for (size_t i = 0; i < opt->n_na_tokens; i++)
        if (strlen(opt->na_tokens[i]) == len && strncasecmp(opt->na_tokens[i], s, len) == 0)
            return 1;
    return 0;
}

static const struct { const char *word; int value; } boolean_words[] = {
    { "true", 1 }, { "false", 0 }, { "yes", 1 }, { "no", 0 },
    { "ja", 1 }, { "nej", 0 }, { "sand", 1 }, { "falsk", 0 },
};

static int read_boolean(const char *s, size_t len, int *v)
{
    if (len < 2 || len > 5)
        return 0;
    for (size_t i = 0; i < sizeof boolean_words / sizeof *boolean_words; i++)
        if (strlen(boolean_words[i].word) == len && strncasecmp(boolean_words[i].word, s, len) == 0) {
            *v = boolean_words[i].value;
            return 1;
        }
    return 0;
}

static const uint8_t kind_of_shape[] = {
    [NUMBER_INVALID] = VALUE_TEXT,
    [NUMBER_PLAIN] = VALUE_PLAIN,
    [NUMBER_POINT] = VALUE_POINT,
    [NUMBER_COMMA] = VALUE_COMMA,
    [NUMBER_AMBIG_DOT] = VALUE_AMBIG_DOT,
    [NUMBER_AMBIG_COMMA] = VALUE_AMBIG_COMMA,
    [NUMBER_GROUPED] = VALUE_GROUPED,
};

void effekt_infer_missing_init(missing_set *set, const effekt_csv_options *opt)
{
    memset(set, 0, sizeof *set);
    const char *const *na = default_na;
    size_t n = sizeof default_na / sizeof *default_na;
    if (opt->na_tokens) {
        na = opt->na_tokens;
        n = opt->n_na_tokens;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)na[i][0];
        set->first[c] = 1;
        if (c >= 'a' && c <= 'z')
            set->first[c - 32] = 1;
        else if (c >= 'A' && c <= 'Z')
            set->first[c + 32] = 1;
    }
}

void effekt_infer_scan_materialise(column_scan *scan)
{
    if (scan->materialised)
        return;
    if (scan->n_lazy) {
        memset(scan->kinds, scan->lazy_kind, scan->n_lazy);
        memset(scan->format, scan->lazy_format, scan->n_lazy);
    }
    scan->materialised = 1;
}

void effekt_infer_scan_free(column_scan *scan)
{
    if (!scan->borrowed) {
        free(scan->values);
        free(scan->kinds);
        free(scan->format);
    }
    scan->values = NULL;
    scan->kinds = NULL;
    scan->format = NULL;
}

/* Large blocks: the C library's.  They used to start on a 2 MiB boundary
 * with madvise(MADV_HUGEPAGE), to be faulted in 2 MiB at a time; on a
 * machine whose memory is fragmented (a page cache full of the very file
 * being read) each huge page fault waits for compaction: touching 80 MB
 * took 90-170 ms against 34 ms in 4 KiB pages (measured here, THP
 * "madvise" with defrag "madvise").  Plain blocks also grow by realloc,
 * which for a large block is mremap: no copy. */
void *effekt_big_alloc(size_t size)
{
    return effekt_malloc(size);
}

void *effekt_big_realloc(void *old, size_t size)
{
    return effekt_realloc(old, size);
}

/* Write back the text of a clean value (see read_clean). */
static size_t clean_text(double v, uint8_t format, char *out)
{
    size_t o = 0;
    if (signbit(v))
        out[o++] = '-';
    for (unsigned z = (format >> 4) & 7; z; z--)
        out[o++] = '0';
    int n = snprintf(out + o, 48, "%.*f", format & 15, fabs(v));
    return o + (size_t)n;
}

static int memchr_digit(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned)(s[i] - '0') <= 9)
            return 1;
    return 0;
}

/* Number paths: the currency written with a value.  "€" and "EUR" are
 * one currency: compared by code. */
static void note_currency(column_scan *scan, int currency, size_t row)
{
    if (!scan->currency) {
        scan->currency = currency;
        scan->currency_row = row;
    } else if (!scan->currency_other
               && strcmp(effekt_number_currency_code(scan->currency), effekt_number_currency_code(currency)) != 0) {
        scan->currency_other = currency;
        scan->currency_other_row = row;
    }
}

static const unsigned char trimmable[256] = { [' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1 };

/* ---- dates: the evidence of a column's day/month order -------------- */

/* Count what one date says (column_finish settles the order from it). */
static void date_note_evidence(date_evidence *e, const date_reading *r, size_t row)
{
    e->timed += (size_t)r->timed;
    e->month_only += (size_t)r->month_only;
    e->two_digit += (size_t)r->two_digit;
    e->year_last += r->sep != 0;
    if (r->fits == DATE_FITS_DMY) {
        if (!e->dmy++) e->first_dmy = row;
    } else if (r->fits == DATE_FITS_MDY) {
        if (!e->mdy++) e->first_mdy = row;
    } else if (r->fits == (DATE_FITS_DMY | DATE_FITS_MDY) && r->sep == '/') {
        /* 03/04/2015: the UK and France write day first, the US month first */
        if (!e->ambiguous++) e->first_ambiguous = row;
    }
}

int effekt_infer_text_value(const effekt_csv_options *opt, const missing_set *missing, const char **s,
                            size_t *len)
{
    if (*len && (trimmable[(unsigned char)(*s)[0]] | trimmable[(unsigned char)(*s)[*len - 1]]))
        trim(s, len);
    return *len == 0 || (missing->first[(unsigned char)(*s)[0]] && is_missing(opt, *s, *len));
}

int effekt_infer_scan_own(column_scan *scan, size_t cap)
{
    if (cap < scan->n || !cap)
        cap = scan->n ? scan->n : 1;
    double *v = effekt_big_alloc(cap * sizeof *v);
    uint8_t *k = effekt_big_alloc(cap), *f = effekt_big_alloc(cap);
    if (!v || !k || !f) {
        free(v);
        free(k);
        free(f);
        return -1;
    }
    memcpy(v, scan->values, scan->n * sizeof *v);
    if (scan->materialised) {   /* (a run's bytes are not written) */
        memcpy(k, scan->kinds, scan->n);
        memcpy(f, scan->format, scan->n);
    }
    scan->values = v;
    scan->kinds = k;
    scan->format = f;
    scan->cap = cap;
    scan->borrowed = 0;
    return 0;
}

int effekt_infer_scan_add_slow(column_scan *scan, const effekt_csv_options *opt,
                         const missing_set *missing, const char *s, size_t len, int text_only)
{
    effekt_infer_scan_materialise(scan);
    /* the region is full: move to a block of our own */
    if (scan->n == scan->cap && scan->borrowed && effekt_infer_scan_own(scan, 2 * scan->cap + 1024) != 0)
        return -1;
    if (scan->n == scan->cap) {
        size_t cap = scan->cap ? 2 * scan->cap : 1024;
        double *v = effekt_big_realloc(scan->values, cap * sizeof *v);
        if (!v)
            return -1;
        scan->values = v;
        uint8_t *k = effekt_big_realloc(scan->kinds, cap);
        if (!k)
            return -1;
        scan->kinds = k;
        uint8_t *f = effekt_big_realloc(scan->format, cap);
        if (!f)
            return -1;
        scan->format = f;
        scan->cap = cap;
    }
    size_t row = scan->n++;
    if (len && (trimmable[(unsigned char)s[0]] | trimmable[(unsigned char)s[len - 1]]))
        trim(&s, &len);
    uint8_t kind, format = 0;
    double v = NAN;
    if (len == 0 || (missing->first[(unsigned char)s[0]] && is_missing(opt, s, len))) {
        kind = VALUE_MISSING;
        format = FORMAT_CLEAN;
    } else if (text_only) {
        kind = VALUE_TEXT;   /* an id or a name: never read as a number */
    } else if (read_clean(s, len, &v, &kind, &format)) {
        scan->clean++;
        if ((unsigned)(format & 15) > scan->max_decimals)
            scan->max_decimals = format & 15;
        scan->fraction += kind == VALUE_POINT;
        scan->nonwhole += v != floor(v);
        scan->negative += v < 0;
    } else if (!memchr_digit(s, len)) {
        /* no digit: neither a number nor a date; perhaps yes/no */
        int bv;
        kind = VALUE_TEXT;
        if (read_boolean(s, len, &bv)) {
            kind = VALUE_BOOLEAN;
            v = bv;
        }
    } else {
        number_shape shape = effekt_number_read(s, len, &v);
        kind = kind_of_shape[shape.kind];
        if (kind == VALUE_TEXT) {
            date_reading dr;
            int bv;
            int d = effekt_date_read(s, len, (int)opt->date_order, &dr);
            if (d == 0) {
                kind = VALUE_DATE;
                v = (double)dr.days;
                date_note_evidence(&scan->date, &dr, row);
            } else if (d == -2) {
                kind = VALUE_BAD_DATE;
            } else if (read_boolean(s, len, &bv)) {
                kind = VALUE_BOOLEAN;
                v = bv;
            }
        } else {
            scan->grouped += shape.grouped;
            scan->fraction += shape.fraction && kind != VALUE_AMBIG_DOT && kind != VALUE_AMBIG_COMMA;
            scan->unreadable += isnan(v) && kind != VALUE_COMMA;
            scan->nonwhole += !isnan(v) && v != floor(v);
            scan->negative += v < 0;
            if (shape.percent) {
                scan->percent++;
                kind |= VALUE_PERCENT;
            }
            if (shape.currency)
                note_currency(scan, shape.currency, row);
        }
    }
    uint8_t base = kind & (uint8_t)~VALUE_PERCENT;
    if (scan->count[base]++ == 0)
        scan->first_row[base] = row;
    scan->kinds[row] = kind;
    scan->format[row] = format;
    if (!text_only)   /* an id column's values are never read: leave its pages untouched */
        scan->values[row] = v;
    return format == 0;
}

char effekt_infer_scan_mark(const column_scan *scan)
{
    size_t point = scan->count[VALUE_POINT], comma = scan->count[VALUE_COMMA];
    if (point && !comma)
        return '.';
    if (comma && !point)
        return ',';
    return 0;
}

static const char *display_name(const effekt_column *col)
{
    return col->canonical ? col->canonical : col->heading;
}

/* The text of every row, raw where it was kept, written back where the
 * value can write its own (see read_clean).  Built on first use: most
 * numeric columns never need their text again. */
typedef struct {
    const raw_column *raw;
    const column_scan *scan;
    size_t n_rows;
    char *arena;
    size_t *offsets;
    int failed;
} raw_index;

static int materialise(raw_index *idx)
{
    /* the text of a value written back needs its format (the scan is the
     * caller's: the run is written out once, for every later reader) */
    effekt_infer_scan_materialise((column_scan *)(uintptr_t)idx->scan);
    size_t n = idx->n_rows, cap = idx->raw->len + 64, used = 0;
    char *arena = effekt_big_alloc(cap);
    size_t *off = effekt_big_alloc((n ? n : 1) * sizeof *off);
    const char *raw = idx->raw->data;
    if (!arena || !off)
        goto fail;
    for (size_t r = 0; r < n; r++) {
        char buf[64];
        const char *text = buf;
        size_t len;
        uint8_t f = idx->scan->format[r];
        if (f) {
            len = idx->scan->kinds[r] == VALUE_MISSING ? 0 : clean_text(idx->scan->values[r], f, buf);
        } else {
            text = raw;
            len = strlen(raw);
            raw += len + 1;
        }
        if (used + len + 1 > cap) {
            while (used + len + 1 > cap)
                cap *= 2;
            char *a = effekt_big_realloc(arena, cap);
            if (!a)
                goto fail;
            arena = a;
        }
        memcpy(arena + used, text, len);
        arena[used + len] = '\0';
        off[r] = used;
        used += len + 1;
    }
    idx->arena = arena;
    idx->offsets = off;
    return 0;
fail:
    free(arena);
    free(off);
    idx->failed = 1;
    return -1;
}

/* The end of effekt_infer_column_finish: the first look's kinds and the text index
 * are no longer needed. */
static effekt_status release(column_scan *scan, raw_index *idx)
{
    free(scan->kinds);
    scan->kinds = NULL;
    free(idx->arena);
    free(idx->offsets);
    return idx->failed ? EFFEKT_ENOMEM : EFFEKT_OK;
}

static const char *raw_value(const raw_column *raw, raw_index *idx, size_t row)
{
    (void)raw;
    if (!idx->offsets && materialise(idx) != 0)
        return "";
    return idx->arena + idx->offsets[row];
}

#define VALUE_ERROR(row, ...)                                                          \
    do {                                                                               \
        (*n_errors)++;                                                                 \
        effekt_diag_add(ctx->diag, EFFEKT_ERROR, ctx->table->source,                   \
                        effekt_table_row_line(ctx->table, row), col->index, col->heading, \
                        raw_value(raw, offsets, row), __VA_ARGS__);                    \
        values[row] = NAN;                                                             \
    } while (0)

static const char *type_expectation(effekt_type t)
{
    switch (t) {
    case EFFEKT_TYPE_INTEGER: return "expected a whole number";
    case EFFEKT_TYPE_NUMBER: return "expected a number";
    case EFFEKT_TYPE_DATE: return "expected a date such as 2019-09-09, 09.09.2019 or 09-09-2019";
    case EFFEKT_TYPE_BOOLEAN: return "expected 0/1, true/false, yes/no or ja/nej";
    default: return "expected text";
    }
}

static int is_numeric_kind(uint8_t base)
{
    return base >= VALUE_PLAIN && base <= VALUE_GROUPED;
}

/* ---- number paths: currency and the heading's unit ------------------- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Scale a value written with `decimals` decimals by 10^k exactly as the
 * decimal it was written as (0.1 in millions is 100000, not
 * 100000.00000000001): round to the integer it is times 10^decimals, then
 * one correctly rounded operation. */
static double scale_exact(double v, int decimals, double scale)
{
    if (decimals < 0 || decimals > 15)
        return v * scale;
    double m = nearbyint(v * load_pow10[decimals]);
    if (fabs(m) > 9007199254740992.0)
        return v * scale;
    double p = load_pow10[decimals];
    return scale >= p ? m * (scale / p) : m / (p / scale);
}

/* A numeric column is typed: record the currency its cells and heading
 * name, and scale it by its heading's unit (£m, tkr., (in 1.000 EUR)),
 * saying so.  A unit the values contradict (a median that would make the
 * typical row ten billion or more) is not applied, with a warning: the UK
 * list heads its columns "£m" but writes whole pounds. */
static effekt_status settle_amounts(const infer_context *ctx, column_scan *scan, effekt_column *col,
                                    double *values, size_t n_rows, raw_column *raw, raw_index *offsets)
{
    (void)raw;
    effekt_heading_unit_info unit;
    effekt_heading_unit(col->heading, &unit);
    const char *name = display_name(col);
    const char *cell = effekt_number_currency_code(scan->currency);
    col->scale = 1;
    if (scan->currency_other) {
        col->flags |= EFFEKT_COLUMN_MIXED_CURRENCY;
        col->row_currency = calloc(n_rows ? n_rows : 1, sizeof *col->row_currency);
        if (!col->row_currency)
            return EFFEKT_ENOMEM;
        for (size_t row = 0; row < n_rows; row++) {
            if (isnan(values[row]))
                continue;
            const char *text = raw_value(raw, offsets, row);
            number_shape shape = effekt_number_classify(text, strlen(text));
            col->row_currency[row] = shape.currency ? effekt_number_currency_code(shape.currency) : unit.currency;
        }
        effekt_diag_add(ctx->diag, EFFEKT_WARNING, ctx->table->source,
                        effekt_table_row_line(ctx->table, scan->currency_other_row), col->index,
                        col->heading, raw_value(raw, offsets, scan->currency_other_row),
                        "column '%s' mixes currencies: %s and %s (first here); its amounts are kept "
                        "per row and never added up as one (--currency restates them in one)",
                        name, cell, effekt_number_currency_code(scan->currency_other));
    } else {
        col->currency = cell ? cell : unit.currency;
        if (cell && unit.currency && strcmp(cell, unit.currency) != 0)
            effekt_diag_add(ctx->diag, EFFEKT_WARNING, ctx->table->source, ctx->table->header_line,
                            col->index, col->heading, NULL,
                            "column '%s': the heading says %s but the values are written in %s; read as %s",
                            name, unit.currency, cell, cell);
    }
    if (unit.scale == 1)
        return EFFEKT_OK;
    size_t n = 0;
    double *abs_values = malloc((n_rows ? n_rows : 1) * sizeof *abs_values);
    if (!abs_values)
        return EFFEKT_ENOMEM;
    int whole = 1;
    for (size_t row = 0; row < n_rows; row++)
        if (!isnan(values[row]) && values[row] != 0) {
            abs_values[n++] = fabs(values[row]);
            whole &= values[row] == floor(values[row]);
        }
    double median = 0;
    if (n) {
        qsort(abs_values, n, sizeof *abs_values, cmp_double);
        median = n % 2 ? abs_values[n / 2] : (abs_values[n / 2 - 1] + abs_values[n / 2]) / 2;
    }
    free(abs_values);
    const char *scale_name = unit.scale == 1e6 ? "millions" : "thousands";
    (void)whole;
    if (median * unit.scale >= 1e10) {
        effekt_diag_add(ctx->diag, EFFEKT_WARNING, ctx->table->source, ctx->table->header_line,
                        col->index, col->heading, NULL,
                        "column '%s': the heading says %s (%s) but its values have a median of %.0f, "
                        "which would be %.3g a row: read as written, not scaled",
                        name, unit.text, scale_name, median, median * unit.scale);
        return EFFEKT_OK;
    }
    for (size_t row = 0; row < n_rows; row++)
        if (!isnan(values[row]))
            values[row] = scale_exact(values[row], col->decimals, unit.scale);
    col->scale = unit.scale;
    col->flags |= EFFEKT_COLUMN_SCALED;
    if (col->decimals >= 0)
        col->decimals = col->decimals > (unit.scale == 1e6 ? 6 : 3) ? col->decimals - (unit.scale == 1e6 ? 6 : 3) : 0;
    effekt_diag_add(ctx->diag, EFFEKT_NOTE, ctx->table->source, ctx->table->header_line, col->index,
                    col->heading, NULL, "column '%s' is in %s%s%s ('%s' in the heading): values multiplied by %s",
                    name, scale_name, col->currency ? " of " : "", col->currency ? col->currency : "",
                    unit.text, unit.scale == 1e6 ? "1,000,000" : "1,000");
    return EFFEKT_OK;
}

/* ---- dates: the column's type and day/month order ------------------- */

/* A column is of dates when its values are, but for a few odd cells
 * (one in ten at most, and at least two dates): the odd cell (a stray
 * 7560 among start dates) is then an error at its line and column, not a
 * silent switch of the whole column to text. */
static int date_column(size_t dates, size_t present)
{
    return dates == present || (dates >= 2 && (present - dates) * 10 <= present);
}

/* The date of a row re-read from its text. */
static int date_reread(const raw_column *raw, raw_index *offsets, size_t row, date_reading *r)
{
    const char *t = raw_value(raw, offsets, row);
    size_t len = strlen(t);
    trim(&t, &len);
    return effekt_date_read(t, len, 0, r);
}

/* Settle the order of a date column written in numbers with the year
 * last, as the decimal mark is settled: by the column's own values.  A
 * day above 12 proves its place (31/12/2017 day first, 12/17/2015 month
 * first); a column with both is an error at the values of the fewer;
 * values that fit both with nothing to settle them ('/' only: '.' and
 * '-' are day first by convention) are an error that asks for
 * --date-order.  The first look read every value day first. */
static void date_settle_order(const infer_context *ctx, raw_column *raw, raw_index *offsets,
                              column_scan *scan, size_t n_rows, effekt_column *col, double *values,
                              size_t *n_errors)
{
    const date_evidence *e = &scan->date;
    const char *name = display_name(col);
    effekt_csv_date_order forced = ctx->opt->date_order;
    if (forced) {
        col->date_order = forced == EFFEKT_DATE_ORDER_MDY ? 'm' : e->year_last ? 'd' : 0;
        return;
    }
    int month_first = e->mdy > e->dmy;
    col->date_order = e->year_last ? (month_first ? 'm' : 'd') : 0;
    if (e->mdy && e->dmy) {
        size_t proof = month_first ? e->first_mdy : e->first_dmy;
        char proof_text[64];
        snprintf(proof_text, sizeof proof_text, "%s", raw_value(raw, offsets, proof));
        for (size_t row = 0; row < n_rows; row++) {
            date_reading r;
            if (scan->kinds[row] != VALUE_DATE || date_reread(raw, offsets, row, &r) != 0)
                continue;
            if (r.fits == (month_first ? DATE_FITS_DMY : DATE_FITS_MDY))
                VALUE_ERROR(row, "date '%s' in column '%s' fits only %s first, but line %zu ('%s') fits "
                                 "only %s first: the column mixes orders (--date-order dmy|mdy|ymd "
                                 "sets one)", raw_value(raw, offsets, row), name,
                            month_first ? "day" : "month", effekt_table_row_line(ctx->table, proof),
                            proof_text, month_first ? "month" : "day");
            else if (month_first && (r.fits & DATE_FITS_MDY))
                values[row] = (double)r.days_mdy;
        }
    } else if (e->mdy) {
        for (size_t row = 0; row < n_rows; row++) {
            date_reading r;
            if (scan->kinds[row] == VALUE_DATE && date_reread(raw, offsets, row, &r) == 0
                && (r.fits & DATE_FITS_MDY))
                values[row] = (double)r.days_mdy;
        }
    } else if (!e->dmy && e->ambiguous) {
        size_t first = e->first_ambiguous;
        date_reading r;
        if (date_reread(raw, offsets, first, &r) != 0)
            return;
        char dmy[32], mdy[32];
        effekt_date_format(r.days, dmy);
        effekt_date_format(r.days_mdy, mdy);
        VALUE_ERROR(first, "date '%s' in column '%s' is %s read day first and %s read month first, "
                           "and no value in the column settles it (a day above 12 would): give "
                           "--date-order dmy|mdy|ymd", raw_value(raw, offsets, first), name, dmy, mdy);
        for (size_t row = first + 1; row < n_rows; row++)
            if (scan->kinds[row] == VALUE_DATE && date_reread(raw, offsets, row, &r) == 0
                && r.fits == (DATE_FITS_DMY | DATE_FITS_MDY) && r.sep == '/')
                values[row] = NAN;   /* the same doubt: said once */
    }
}

/* Notes on what a date column's reading dropped or assumed. */
static void date_notes(const infer_context *ctx, const column_scan *scan, const effekt_column *col)
{
    const date_evidence *e = &scan->date;
    const char *name = display_name(col);
    if (e->timed)
        effekt_diag_add(ctx->diag, EFFEKT_NOTE, ctx->table->source, ctx->table->header_line, col->index,
                        col->heading, NULL, "column '%s': %zu value%s with a time of day; the dates are "
                        "kept, the times dropped", name, e->timed, e->timed == 1 ? "" : "s");
    if (e->month_only)
        effekt_diag_add(ctx->diag, EFFEKT_NOTE, ctx->table->source, ctx->table->header_line, col->index,
                        col->heading, NULL, "column '%s': %zu date%s with a month and no day (as 'Mrz 16'), "
                        "read as the month's first day", name, e->month_only, e->month_only == 1 ? "" : "s");
    if (e->two_digit)
        effekt_diag_add(ctx->diag, EFFEKT_NOTE, ctx->table->source, ctx->table->header_line, col->index,
                        col->heading, NULL, "column '%s': %zu two-digit year%s read as Excel does "
                        "(00-29: 2000-2029, 30-99: 1930-1999)", name, e->two_digit, e->two_digit == 1 ? "" : "s");
}

/* A column read as text although most of its values are dates or
 * numbers: name the first cell that stopped it (validate shows it). */
static void text_column_note(const infer_context *ctx, const column_scan *scan, size_t n_rows,
                             const effekt_column *col)
{
    const size_t *count = scan->count;
    size_t present = n_rows - count[VALUE_MISSING];
    size_t dates = count[VALUE_DATE] + count[VALUE_BAD_DATE], numeric = 0;
    for (uint8_t k = VALUE_PLAIN; k <= VALUE_GROUPED; k++)
        numeric += count[k];
    int as_dates = dates * 2 > present && dates >= 2;
    if (!as_dates && !(numeric * 2 > present && numeric >= 2))
        return;
    for (size_t row = 0; row < n_rows; row++) {
        uint8_t base = scan->kinds[row] & (uint8_t)~VALUE_PERCENT;
        int odd = as_dates ? base != VALUE_DATE && base != VALUE_BAD_DATE && base != VALUE_MISSING
                           : base == VALUE_TEXT || base == VALUE_DATE || base == VALUE_BAD_DATE
                                 || base == VALUE_BOOLEAN;
        if (!odd || !col->text[row])
            continue;
        effekt_diag_add(ctx->diag, EFFEKT_NOTE, ctx->table->source, effekt_table_row_line(ctx->table, row),
                        col->index, col->heading, col->text[row],
                        "column '%s' is read as text: '%s' is not a %s (%zu of %zu values are; "
                        "--map gives the column a type)", display_name(col), col->text[row],
                        as_dates ? "date" : "number", as_dates ? dates : numeric, present);
        return;
    }
}

effekt_status effekt_infer_column_finish(const infer_context *ctx, raw_column *raw, column_scan *scan,
                            size_t n_rows, char file_mark, const effekt_canonical *canon,
                            effekt_column *col, size_t *n_errors)
{
    raw_index index = { .raw = raw, .scan = scan, .n_rows = n_rows };
    raw_index *offsets = &index;
    double *values = scan->values;
    const size_t *count = scan->count;
    size_t present = n_rows - count[VALUE_MISSING];
    size_t numeric = 0;
    for (uint8_t k = VALUE_PLAIN; k <= VALUE_GROUPED; k++)
        numeric += count[k];
    size_t dates = count[VALUE_DATE] + count[VALUE_BAD_DATE];
    effekt_type want = canon ? canon->type : EFFEKT_TYPE_EMPTY;
    col->n_missing = count[VALUE_MISSING];

    effekt_type type;
    if (present == 0)
        type = EFFEKT_TYPE_EMPTY;
    else if (want == EFFEKT_TYPE_TEXT)
        type = EFFEKT_TYPE_TEXT;
    else if (want == EFFEKT_TYPE_DATE || (!want && date_column(dates, present)))
        type = EFFEKT_TYPE_DATE;
    else if (want == EFFEKT_TYPE_BOOLEAN || (!want && count[VALUE_BOOLEAN] == present))
        type = EFFEKT_TYPE_BOOLEAN;
    else if (want == EFFEKT_TYPE_NUMBER || want == EFFEKT_TYPE_INTEGER || (!want && numeric == present))
        type = EFFEKT_TYPE_NUMBER;   /* INTEGER is decided after conversion */
    else
        type = EFFEKT_TYPE_TEXT;

    if (type == EFFEKT_TYPE_TEXT || type == EFFEKT_TYPE_EMPTY) {
        effekt_infer_scan_materialise(scan);
        col->values = NULL;
        col->type = type;
        if (type == EFFEKT_TYPE_TEXT) {
            col->text = effekt_big_alloc((n_rows ? n_rows : 1) * sizeof *col->text);
            if (!col->text)
                return EFFEKT_ENOMEM;
            /* when every value's text was kept, the raw buffer is the text */
            int all_raw = 1;
            for (size_t row = 0; row < n_rows && all_raw; row++)
                all_raw = scan->format[row] == 0 || scan->kinds[row] == VALUE_MISSING;
            char *p = raw->data;
            if (!all_raw) {
                if (!index.offsets && materialise(&index) != 0) {
                    free(index.arena);
                    free(index.offsets);
                    return EFFEKT_ENOMEM;
                }
                p = index.arena;
            }
            for (size_t row = 0; row < n_rows; row++) {
                if (scan->kinds[row] == VALUE_MISSING && (all_raw || !p)) {
                    col->text[row] = NULL;
                    continue;
                }
                char *t = all_raw ? p : index.arena + index.offsets[row];
                size_t len = strlen(t);
                if (all_raw)
                    p += len + 1;
                if (scan->kinds[row] == VALUE_MISSING) {
                    col->text[row] = NULL;
                    continue;
                }
                if (len && (trimmable[(unsigned char)t[0]] | trimmable[(unsigned char)t[len - 1]])) {
                    const char *tt = t;
                    trim(&tt, &len);
                    ((char *)tt)[len] = '\0';
                    t = (char *)tt;
                }
                col->text[row] = t;
            }
            if (all_raw) {
                col->arena = raw->data;   /* the text stays where it was read */
                raw->data = NULL;
            } else {
                col->arena = index.arena;
                index.arena = NULL;
            }
        }
        if (type == EFFEKT_TYPE_TEXT && !want)
            text_column_note(ctx, scan, n_rows, col);
        free(values);
        scan->values = NULL;
        return release(scan, &index);
    }

    const char *name = display_name(col);
    if (type != EFFEKT_TYPE_NUMBER)
        effekt_infer_scan_materialise(scan);   /* a number column's clean reading reads no kinds */
    if (type == EFFEKT_TYPE_DATE) {
        date_settle_order(ctx, raw, offsets, scan, n_rows, col, values, n_errors);
        for (size_t row = 0; row < n_rows; row++) {
            uint8_t k = scan->kinds[row];
            if (k == VALUE_DATE || k == VALUE_MISSING)
                continue;
            if (k == VALUE_BAD_DATE) {
                /* shaped like a date: say which part is wrong (a year
                 * below 1000 was called "no such day") */
                const char *text = raw_value(raw, offsets, row);
                const char *t = text;
                size_t len = strlen(text);
                trim(&t, &len);   /* as when it was read */
                char why[256];
                effekt_date_problem_in(t, len, (int)ctx->opt->date_order, why, sizeof why);
                VALUE_ERROR(row, "invalid date '%s' in column '%s' (%s)", text, name, why);
            } else if (k == VALUE_PLAIN && values[row] >= 1900 && values[row] <= 2100) {
                VALUE_ERROR(row, "invalid date '%s' in column '%s' (a bare year: write the whole date, "
                                 "as %.0f-01-01; a column of years alone is read as numbers)",
                            raw_value(raw, offsets, row), name, values[row]);
            } else
                VALUE_ERROR(row, "invalid date '%s' in column '%s' (%s)",
                            raw_value(raw, offsets, row), name, type_expectation(type));
        }
        date_notes(ctx, scan, col);
    } else if (type == EFFEKT_TYPE_BOOLEAN) {
        for (size_t row = 0; row < n_rows; row++) {
            uint8_t k = scan->kinds[row];
            if (k == VALUE_BOOLEAN || k == VALUE_MISSING)
                continue;
            if (k == VALUE_PLAIN && (values[row] == 0.0 || values[row] == 1.0))
                continue;
            VALUE_ERROR(row, "invalid boolean '%s' in column '%s' (%s)",
                        raw_value(raw, offsets, row), name, type_expectation(type));
        }
    } else {
        /* numbers: settle the decimal mark */
        char mark = ctx->opt->decimal_mark;
        int forced = mark != 0;
        char own = effekt_infer_scan_mark(scan);
        int conflict = count[VALUE_POINT] && count[VALUE_COMMA];
        if (!mark)
            mark = own;
        if (!mark && conflict)
            mark = count[VALUE_COMMA] > count[VALUE_POINT] ? ',' : '.';
        if (!mark) {
            mark = file_mark;
            if (mark && (count[VALUE_AMBIG_DOT] || count[VALUE_AMBIG_COMMA]) && ctx->file_mark_column)
                effekt_diag_add(ctx->diag, EFFEKT_NOTE, ctx->table->source, ctx->table->header_line,
                                col->index, col->heading, NULL,
                                "column '%s' does not show its decimal mark; read with '%c', as column "
                                "'%s' shows", display_name(col), mark, ctx->file_mark_column);
        }
        size_t ambig_same = mark == ',' ? count[VALUE_AMBIG_COMMA] : mark == '.' ? count[VALUE_AMBIG_DOT] : 0;
        size_t ambig_other = mark == ',' ? count[VALUE_AMBIG_DOT] : mark == '.' ? count[VALUE_AMBIG_COMMA] : 0;
        col->decimal_mark = (scan->fraction || ambig_same) ? (mark ? mark : '.') : 0;
        if (scan->grouped || ambig_other)
            col->flags |= EFFEKT_COLUMN_GROUPED;
        int percent_column = scan->percent > 0 && scan->percent == numeric;
        if (percent_column)
            col->flags |= EFFEKT_COLUMN_PERCENT;
        /* A column of numbers all read under their final reading needs no
         * second look: its counts say what the loops below would find. */
        size_t settled = count[VALUE_MISSING] + count[VALUE_PLAIN] + count[VALUE_GROUPED]
                         + (mark == '.' ? count[VALUE_POINT] + count[VALUE_AMBIG_DOT] + count[VALUE_AMBIG_COMMA] : 0);
        int clean = settled == n_rows && !scan->percent && !scan->unreadable
                    && (want != EFFEKT_TYPE_INTEGER || !scan->nonwhole)
                    && !(canon && canon->nonnegative && scan->negative);
        if (clean) {
            /* every value a plain decimal: value * 10^decimals is an integer */
            col->decimals = scan->clean == n_rows - count[VALUE_MISSING] ? (int)scan->max_decimals : -1;
            effekt_status st = settle_amounts(ctx, scan, col, values, n_rows, raw, offsets);
            int whole = !scan->nonwhole;
            for (size_t row = 0; row < n_rows && whole && (col->flags & EFFEKT_COLUMN_SCALED); row++)
                whole = isnan(values[row]) || values[row] == floor(values[row]);
            col->type = whole ? EFFEKT_TYPE_INTEGER : EFFEKT_TYPE_NUMBER;
            col->values = values;
            col->n_missing = count[VALUE_MISSING];
            scan->values = NULL;
            effekt_status rst = release(scan, &index);
            return st != EFFEKT_OK ? st : rst;
        }
        effekt_infer_scan_materialise(scan);
        for (size_t row = 0; row < n_rows; row++) {
            uint8_t k = scan->kinds[row];
            uint8_t base = k & (uint8_t)~VALUE_PERCENT;
            if (base == VALUE_MISSING)
                continue;
            /* the common case needs nothing more: a number already read
             * under its final reading */
            if (!scan->percent && !isnan(values[row])
                && (base == VALUE_PLAIN || base == VALUE_GROUPED
                    || (mark == '.' && (base == VALUE_POINT || base == VALUE_AMBIG_DOT
                                        || base == VALUE_AMBIG_COMMA))))
                continue;
            const char *text = raw_value(raw, offsets, row);
            if (!is_numeric_kind(base)) {
                VALUE_ERROR(row, "invalid number '%s' in column '%s' (%s%s)", text, name,
                            type_expectation(want ? want : EFFEKT_TYPE_NUMBER),
                            mark == ',' ? "; decimal comma detected" : "");
                continue;
            }
            if (!mark && (base == VALUE_AMBIG_DOT || base == VALUE_AMBIG_COMMA)) {
                char m = base == VALUE_AMBIG_DOT ? '.' : ',';
                double grouped = values[row];
                if (base == VALUE_AMBIG_DOT)
                    grouped = values[row] * 1000.0;   /* provisional reading was 1.786 */
                VALUE_ERROR(row,
                            "ambiguous number '%s' in column '%s': %.0f if '%c' groups thousands, "
                            "or a decimal if '%c' is the decimal mark, and nothing in the file "
                            "settles it (use --decimal-comma or --decimal-point)",
                            text, name, grouped, m, m);
                continue;
            }
            if (mark == ',' && (base == VALUE_POINT || base == VALUE_COMMA || base == VALUE_AMBIG_DOT
                                || base == VALUE_AMBIG_COMMA || (k & VALUE_PERCENT))) {
                double v;
                int rc = effekt_number_convert(text, strlen(text), ',', &v);
                if (rc == 0) {
                    values[row] = v;
                } else {
                    VALUE_ERROR(row, "invalid number '%s' in column '%s' (%s '.' as decimal mark, but the %s uses ',')",
                                text, name, rc == -2 ? "beyond the range of a double;" : "it uses",
                                forced ? "--decimal-comma option" : conflict ? "column mostly" : "file");
                    continue;
                }
            } else if (mark == '.' && base == VALUE_COMMA) {
                VALUE_ERROR(row, "invalid number '%s' in column '%s' (it uses ',' as decimal mark, but the %s uses '.')",
                            text, name, forced ? "--decimal-point option" : conflict ? "column mostly" : "file");
                continue;
            } else if (isnan(values[row])) {
                VALUE_ERROR(row, "number '%s' in column '%s' is beyond the range of a double", text, name);
                continue;
            }
            if (k & VALUE_PERCENT) {
                if (!percent_column) {
                    VALUE_ERROR(row, "percentage '%s' in column '%s' whose other values are not percentages",
                                text, name);
                    continue;
                }
                values[row] /= 100.0;
            } else if (scan->percent) {
                VALUE_ERROR(row, "'%s' in column '%s' lacks the %% sign its other values have", text, name);
                continue;
            }
        }
        if (!percent_column) {
            effekt_status st = settle_amounts(ctx, scan, col, values, n_rows, raw, offsets);
            if (st != EFFEKT_OK) {
                release(scan, &index);
                return st;
            }
        }
        /* integer when every value is whole */
        int whole = !percent_column;
        for (size_t row = 0; row < n_rows && whole; row++)
            if (!isnan(values[row]) && (values[row] != floor(values[row]) || fabs(values[row]) > 9007199254740992.0))
                whole = 0;
        type = whole ? EFFEKT_TYPE_INTEGER : EFFEKT_TYPE_NUMBER;
        if (want == EFFEKT_TYPE_INTEGER && !whole) {
            for (size_t row = 0; row < n_rows; row++)
                if (!isnan(values[row]) && values[row] != floor(values[row]))
                    VALUE_ERROR(row, "'%s' in column '%s' is not a whole number (expected a count)",
                                raw_value(raw, offsets, row), name);
            type = EFFEKT_TYPE_INTEGER;
        }
        if (canon && canon->nonnegative) {
            for (size_t row = 0; row < n_rows; row++)
                if (values[row] < 0)
                    VALUE_ERROR(row, "negative value '%s' in column '%s' (expected zero or more)",
                                raw_value(raw, offsets, row), name);
        }
    }
    col->type = type;
    col->values = values;
    scan->values = NULL;
    /* recount missing: values in error are missing now */
    size_t missing = 0;
    for (size_t row = 0; row < n_rows; row++)
        missing += isnan(values[row]);
    col->n_missing = missing;
    return release(scan, &index);
}

effekt_status effekt_table_fill_currency(effekt_table *t, effekt_diag *diag)
{
    for (size_t c = 0; c < t->n_columns; c++)
        if (t->columns[c].canonical && strcmp(t->columns[c].canonical, "currency") == 0)
            return EFFEKT_OK;   /* the file says it: its word stands */
    /* the currency of each row: every amount column's, which must agree */
    const effekt_column *from = NULL;
    int any = 0;
    for (size_t c = 0; c < t->n_columns; c++) {
        const effekt_column *col = &t->columns[c];
        if (!col->currency && !col->row_currency)
            continue;
        any = 1;
        if (!from)
            from = col;
    }
    if (!any)
        return EFFEKT_OK;
    size_t n = t->n_rows;
    char **text = effekt_big_alloc((n ? n : 1) * sizeof *text);
    if (!text)
        return EFFEKT_ENOMEM;
    const char **code = calloc(n ? n : 1, sizeof *code);
    if (!code) {
        free(text);
        return EFFEKT_ENOMEM;
    }
    for (size_t c = 0; c < t->n_columns; c++) {
        const effekt_column *col = &t->columns[c];
        if (!col->currency && !col->row_currency)
            continue;
        for (size_t r = 0; r < n; r++) {
            if (effekt_column_missing(col, r))
                continue;
            const char *k = col->row_currency ? col->row_currency[r] : col->currency;
            if (!k)
                continue;
            if (!code[r]) {
                code[r] = k;
            } else if (strcmp(code[r], k) != 0) {
                effekt_diag_add(diag, EFFEKT_WARNING, t->source, effekt_table_row_line(t, r), col->index,
                                col->heading, NULL,
                                "amounts of one row in %s and %s: no currency column is made "
                                "(add one, or --map currency=HEADING)", code[r], k);
                free(text);
                free(code);
                return EFFEKT_OK;
            }
        }
    }
    /* text: the codes are static; the arena holds them once each */
    size_t arena_len = 0;
    for (size_t r = 0; r < n; r++)
        arena_len += code[r] ? strlen(code[r]) + 1 : 0;
    char *arena = effekt_big_alloc(arena_len ? arena_len : 1), *p = arena;
    effekt_column *cols = realloc(t->columns, (t->n_columns + 1) * sizeof *cols);
    char *heading = arena ? effekt_strdup("currency") : NULL;
    if (!arena || !cols || !heading) {
        free(arena);
        free(heading);
        free(text);
        free(code);
        if (cols)
            t->columns = cols;
        return EFFEKT_ENOMEM;
    }
    t->columns = cols;
    size_t missing = 0;
    for (size_t r = 0; r < n; r++) {
        if (!code[r]) {
            text[r] = NULL;
            missing++;
            continue;
        }
        size_t len = strlen(code[r]);
        memcpy(p, code[r], len + 1);
        text[r] = p;
        p += len + 1;
    }
    free(code);
    from = NULL;   /* t->columns moved: find it again */
    for (size_t c = 0; c < t->n_columns && !from; c++)
        if (t->columns[c].currency || t->columns[c].row_currency)
            from = &t->columns[c];
    effekt_column *cur = &t->columns[t->n_columns++];
    memset(cur, 0, sizeof *cur);
    cur->heading = heading;
    cur->canonical = effekt_canonical_find("currency")->name;
    cur->type = missing == n ? EFFEKT_TYPE_EMPTY : EFFEKT_TYPE_TEXT;
    cur->flags = EFFEKT_COLUMN_DERIVED;
    cur->decimals = -1;
    cur->n_missing = missing;
    cur->text = text;
    cur->arena = arena;
    effekt_diag_add(diag, EFFEKT_NOTE, t->source, t->header_line, from->index, from->heading, NULL,
                    "the file has no currency column; its amounts say %s%s (first in column '%s'): "
                    "column 'currency' filled from them",
                    from->currency ? from->currency : "several currencies",
                    from->row_currency ? ", per row" : "", from->canonical ? from->canonical : from->heading);
    return EFFEKT_OK;
}

effekt_status effekt_table_derive_eu(effekt_table *t, effekt_diag *diag)
{
    const effekt_column *total = NULL, *rate = NULL;
    for (size_t c = 0; c < t->n_columns; c++) {
        const char *k = t->columns[c].canonical;
        if (!k)
            continue;
        if (strcmp(k, "eu_contribution") == 0)
            return EFFEKT_OK;   /* the file gives the amount: it stands */
        if (strcmp(k, "total_cost") == 0)
            total = &t->columns[c];
        else if (strcmp(k, "eu_rate") == 0)
            rate = &t->columns[c];
    }
    if (!total || !rate || !total->values || !rate->values)
        return EFFEKT_OK;
    size_t n = t->n_rows, missing = 0;
    for (size_t r = 0; r < n; r++)
        if (rate->values[r] > 1 || rate->values[r] < 0) {
            /* a rate of 49.92 meant as per cent, or a column that is no
             * rate: an amount derived from it would be off by 100 */
            effekt_diag_add(diag, EFFEKT_NOTE, t->source, effekt_table_row_line(t, r), rate->index,
                            rate->heading, NULL,
                            "eu_rate %g is not a share between 0 and 1 (write 49.92%%): no eu_contribution "
                            "derived from it", rate->values[r]);
            return EFFEKT_OK;
        }
    double *values = effekt_big_alloc((n ? n : 1) * sizeof *values);
    const char **row_currency = NULL;
    if (values && total->row_currency)
        row_currency = calloc(n ? n : 1, sizeof *row_currency);
    char *heading = effekt_strdup("eu_contribution");
    effekt_column *cols = values && heading && (row_currency || !total->row_currency)
                              ? realloc(t->columns, (t->n_columns + 1) * sizeof *cols)
                              : NULL;
    if (!cols) {
        free(values);
        free(row_currency);
        free(heading);
        return EFFEKT_ENOMEM;
    }
    t->columns = cols;
    /* the columns moved: find them again */
    total = effekt_table_column(t, "total_cost");
    rate = effekt_table_column(t, "eu_rate");
    for (size_t r = 0; r < n; r++) {
        values[r] = total->values[r] * rate->values[r];   /* NaN when either is missing */
        missing += isnan(values[r]);
        if (row_currency)
            row_currency[r] = total->row_currency[r];
    }
    size_t total_index = total->index, rate_index = rate->index;
    const char *rate_heading = rate->heading;
    const char *currency = total->currency;
    unsigned mixed = total->flags & EFFEKT_COLUMN_MIXED_CURRENCY;
    double scale = total->scale;
    effekt_column *eu = &t->columns[t->n_columns++];
    memset(eu, 0, sizeof *eu);
    eu->heading = heading;
    eu->canonical = effekt_canonical_find("eu_contribution")->name;
    eu->type = missing == n ? EFFEKT_TYPE_EMPTY : EFFEKT_TYPE_NUMBER;
    eu->flags = EFFEKT_COLUMN_DERIVED | EFFEKT_COLUMN_EU_DERIVED | mixed;
    eu->decimals = -1;
    eu->n_missing = missing;
    eu->currency = currency;
    eu->row_currency = row_currency;
    eu->scale = scale ? scale : 1;
    eu->values = values;
    effekt_diag_add(diag, EFFEKT_NOTE, t->source, t->header_line, rate_index, rate_heading, NULL,
                    "the file gives no EU amount: eu_contribution derived as total_cost (column %zu) "
                    "x eu_rate (column %zu), and marked as derived in every output",
                    total_index, rate_index);
    return EFFEKT_OK;
}
