/* test_scan.c — the reader's byte-level pieces against references:
 * read_clean (load.h) against the digit-at-a-time version it replaced,
 * on every short text and millions of random ones; the structural scan
 * (scan.c) of each kind (AVX2, SSE2, word) against a byte-at-a-time
 * definition; and the fast path it feeds against libcsv alone, on every
 * bundled CSV file and on random CSV-like text.  Linked with the static
 * library: it calls functions the shared one does not export. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/csv.h"
#include "bundled_csv.h"
#include "../../src/lib/io/load.h"
#include "../../src/lib/io/scan.h"

/* ck_assert_msg without its cost when it holds (Check writes a mark
 * for every assertion it runs, millions here). */
#define expect(cond, ...) \
    do { \
        if (!(cond)) \
            ck_abort_msg(__VA_ARGS__); \
    } while (0)

/* read_clean as it was (commit e196151), one digit at a time: the
 * reference the word-at-a-time version must equal bit for bit. */
static int read_clean_ref(const char *s, size_t len, double *value, uint8_t *kind, uint8_t *format)
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

static size_t clean_checked, clean_taken;

/* read_clean and the reference on text[0..len), copied to the very end
 * of a block of its own (so that AddressSanitizer sees any read past
 * it): the same answer, value bits, kind and format. */
static void same_clean(const char *text, size_t len)
{
    char *s = malloc(len ? len : 1);
    expect(s != NULL, "out of memory");
    memcpy(s, text, len);
    double v1 = 0, v2 = 0;
    uint8_t k1 = 0xEE, k2 = 0xEE, f1 = 0xEE, f2 = 0xEE;
    int r1 = read_clean(s, len, &v1, &k1, &f1), r2 = read_clean_ref(s, len, &v2, &k2, &f2);
    if (r1 != r2 || (r1 && (memcmp(&v1, &v2, sizeof v1) != 0 || k1 != k2 || f1 != f2)))
        ck_abort_msg("read_clean(\"%.*s\"): %d %.17g kind %u format %#x, expected %d %.17g kind %u format %#x",
                     (int)len, text, r1, v1, k1, f1, r2, v2, k2, f2);
    /* the counts' shape from the digits: as the double says */
    unsigned shape = 0;
    double v3 = 0;
    if (read_clean_shape(s, len, &v3, &k1, &f1, &shape)) {
        unsigned want = (v3 != (double)(int64_t)v3 ? (unsigned)CLEAN_NONWHOLE : 0u) | (v3 < 0 ? (unsigned)CLEAN_NEGATIVE : 0u);
        if (shape != want)
            ck_abort_msg("read_clean_shape(\"%.*s\"): shape %u, expected %u", (int)len, text, shape, want);
    }
    clean_checked++;
    clean_taken += (size_t)r1;
    free(s);
}

/* Every text of up to 4 bytes over digits, '.', '-', 'x' and space, and
 * of up to 9 over a smaller alphabet that reaches the 8-byte words. */
START_TEST(read_clean_every_short_text)
{
    static const char wide[] = "0123456789.-x ";
    static const char narrow[] = "019.-";
    char buf[16];
    for (size_t len = 1; len <= 4; len++) {
        size_t total = 1;
        for (size_t k = 0; k < len; k++)
            total *= sizeof wide - 1;
        for (size_t code = 0; code < total; code++) {
            size_t c = code;
            for (size_t k = 0; k < len; k++, c /= sizeof wide - 1)
                buf[k] = wide[c % (sizeof wide - 1)];
            same_clean(buf, len);
        }
    }
    for (size_t len = 5; len <= 9; len++) {
        size_t total = 1;
        for (size_t k = 0; k < len; k++)
            total *= sizeof narrow - 1;
        for (size_t code = 0; code < total; code++) {
            size_t c = code;
            for (size_t k = 0; k < len; k++, c /= sizeof narrow - 1)
                buf[k] = narrow[c % (sizeof narrow - 1)];
            same_clean(buf, len);
        }
    }
    ck_assert_uint_gt(clean_taken, 1000);
}
END_TEST

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng(void)
{
    /* xorshift64*: reproducible, no libc state */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

/* Number-shaped texts of every length to 40: [-]digits[.digits] with
 * runs of zeros, then with one byte replaced by anything (a byte next to
 * the digits, '/' and ':', one that carries, 0xFA..0xFF, NUL). */
START_TEST(read_clean_random_texts)
{
    char buf[48];
    size_t before = clean_taken;
    for (size_t n = 0; n < 3000000; n++) {
        uint64_t r = rng();
        size_t len = 0;
        if (r & 1)
            buf[len++] = '-';
        size_t ints = (r >> 1) % 24, fracs = (r >> 6) % 20;
        int dot = (r >> 11) % 4 != 0;
        unsigned zeros = (unsigned)(r >> 13) % 4;   /* how likely a digit is 0 */
        for (size_t k = 0; k < ints && len < 40; k++) {
            uint64_t q = rng();
            buf[len++] = (char)(q % 4 < zeros ? '0' : '0' + (q >> 8) % 10);
        }
        if (dot && len < 40)
            buf[len++] = '.';
        for (size_t k = 0; dot && k < fracs && len < 40; k++) {
            uint64_t q = rng();
            buf[len++] = (char)(q % 4 < zeros ? '0' : '0' + (q >> 8) % 10);
        }
        if (len == 0)
            buf[len++] = '7';
        if ((r >> 16) % 3 == 0) {
            static const unsigned char odd[] = { '/', ':', '.', '-', 'e', ' ', 0, 0xFA, 0xFF, 0x80, 0x39 + 6 };
            uint64_t q = rng();
            buf[q % len] = (char)((q >> 8) % 2 ? odd[(q >> 16) % sizeof odd] : (unsigned char)(q >> 24));
        }
        same_clean(buf, len);
    }
    ck_assert_uint_gt(clean_taken - before, 500000);
}
END_TEST

/* The edges of the rules, spelled out: 15 significant digits and not
 * 16, 15 decimals and not 16, the leading-zero limit, d{1,3}.ddd. */
START_TEST(read_clean_rule_edges)
{
    static const char *const texts[] = {
        "123456789012345", "1234567890123456", "-123456789012345", "0.123456789012345",
        "0.1234567890123456", "1.000000000000000", "1.0000000000000000", "00000001", "000000001",
        "0000000.5", "00000000.5", "00000000", "000000000", "12345678", "1234567.8", "123.456",
        "-123.456", "0123.456", "1234.567", "1.234", "12.345", "99999999.9999999", "99999999.99999999",
        "00000000000000001", "12345678.", ".12345678", "1234567-", "-12345678", "--1234567",
        "1234567\xFA", ("\xFA" "1234567"), "12345678901234567890123", "0.000000000000001",
        "0.0000000000000001", "1e5678901", "73113.58", "5.000000", "10000000.0",
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
        same_clean(texts[k], strlen(texts[k]));
    double v;
    uint8_t kind, format;
    ck_assert_int_eq(read_clean("73113.58", 8, &v, &kind, &format), 1);
    ck_assert(v == 73113.58 && kind == VALUE_POINT && format == (FORMAT_CLEAN | 2));
    ck_assert_int_eq(read_clean("123.456", 7, &v, &kind, &format), 1);
    ck_assert(v == 123.456 && kind == VALUE_AMBIG_DOT);
}
END_TEST

/* The masks of one block, a byte at a time: what scan.h says. */
static effekt_scan_block scan_ref(const unsigned char *p, unsigned char delim)
{
    effekt_scan_block m = { 0, 0, 0, 0 };
    for (int i = 0; i < 64; i++) {
        uint64_t bit = (uint64_t)1 << i;
        unsigned char c = p[i];
        if (c == delim)
            m.delim |= bit;
        if (c == '\n' || c == '\r' || c == '"')
            m.mark |= bit;
        if (c == 0 || c >= 0x80)
            m.odd |= bit;
        if (c == ' ' || c == '\t')
            m.space |= bit;
    }
    return m;
}

/* Every kind of scan built here and run by this CPU gives the masks of
 * the definition: on a block of each byte value at each place, and on
 * random blocks over the bytes that matter, for each delimiter. */
START_TEST(scan_kinds_agree)
{
    static const char *const names[] = { "word", "SSE2", "AVX2" };
    static const unsigned char delims[] = { ',', ';', '\t', '|' };
    static const unsigned char some[] = { ',', ';', '\t', '|', '\n', '\r', '"', ' ', 0, 0x80, 0xFF, 'a', '0',
                                          0x2C ^ 0x80, 0x0A ^ 0x80, 0x7F };
    enum { BLOCKS = 8 };
    unsigned char buf[64 * BLOCKS];
    effekt_scan_block got[BLOCKS];
    int kinds = 0;
    for (int which = EFFEKT_SCAN_SWAR; which <= EFFEKT_SCAN_AVX2; which++) {
        effekt_scan_fn fn = effekt_scan_get(which);
        if (!fn)
            continue;
        kinds++;
        for (size_t di = 0; di < sizeof delims; di++) {
            unsigned char delim = delims[di];
            for (unsigned v = 0; v < 256; v++) {
                for (size_t k = 0; k < sizeof buf; k++)
                    buf[k] = (unsigned char)(k % 64 == (v + k / 64) % 64 ? v : 'x');
                fn(buf, BLOCKS, delim, got);
                for (size_t b = 0; b < BLOCKS; b++) {
                    effekt_scan_block want = scan_ref(buf + 64 * b, delim);
                    expect(memcmp(&got[b], &want, sizeof want) == 0, "%s: byte %u, delimiter %u",
                                  names[which], v, delim);
                }
            }
            for (int round = 0; round < 2000; round++) {
                for (size_t k = 0; k < sizeof buf; k++) {
                    uint64_t r = rng();
                    buf[k] = r % 3 ? some[(r >> 8) % sizeof some] : (unsigned char)(r >> 16);
                }
                size_t blocks = 1 + (size_t)round % BLOCKS;
                fn(buf, blocks, delim, got);
                for (size_t b = 0; b < blocks; b++) {
                    effekt_scan_block want = scan_ref(buf + 64 * b, delim);
                    expect(memcmp(&got[b], &want, sizeof want) == 0, "%s: random block, delimiter %u",
                                  names[which], delim);
                }
            }
        }
    }
    ck_assert_int_ge(kinds, 1);
    ck_assert_ptr_nonnull(effekt_scan_best());
}
END_TEST

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The fast path (effekt_csv_load_buffer) and libcsv alone read
 * text[0..len) alike: status, every problem, the table's layout, each
 * row's line, every heading, type, flag, value bit and text.  The text
 * is copied to a block of its own size, so that ASan sees a read past
 * it. */
static void same_reading(const char *what, const char *text, size_t len, const effekt_csv_options *opt)
{
    char *copy = malloc(len ? len : 1);
    expect(copy != NULL, "out of memory");
    memcpy(copy, text, len);
    effekt_table *a = NULL, *b = NULL;
    effekt_diag da, db;
    effekt_diag_init(&da);
    effekt_diag_init(&db);
    effekt_status sa = effekt_csv_load_buffer(copy, len, "t.csv", opt, &a, &da);
    effekt_status sb = effekt_csv_load_buffer_libcsv(copy, len, "t.csv", opt, &b, &db);
    expect(sa == sb, "%s: status %d, libcsv %d", what, sa, sb);
    expect(da.n == db.n && da.dropped == db.dropped, "%s: %zu problems, libcsv %zu", what, da.n, db.n);
    for (size_t i = 0; i < da.n; i++) {
        const effekt_diag_problem *x = &da.items[i], *y = &db.items[i];
        expect(x->severity == y->severity && x->line == y->line && x->column == y->column
                      && same_text(x->file, y->file) && same_text(x->column_name, y->column_name)
                      && same_text(x->value, y->value) && same_text(x->message, y->message),
                      "%s: problem %zu: %zu:%zu %s, libcsv %zu:%zu %s", what, i, x->line, x->column, x->message,
               y->line, y->column, y->message);
    }
    expect(!a == !b, "%s: a table from one reader only", what);
    if (a) {
        expect(a->n_rows == b->n_rows && a->n_columns == b->n_columns && a->delimiter == b->delimiter
                      && same_text(a->encoding, b->encoding) && a->header_line == b->header_line,
                      "%s: layout %zu x %zu, libcsv %zu x %zu", what, a->n_rows, a->n_columns, b->n_rows,
                      b->n_columns);
        for (size_t r = 0; r < a->n_rows; r++)
            expect(effekt_table_row_line(a, r) == effekt_table_row_line(b, r), "%s: line of row %zu",
                          what, r);
        for (size_t c = 0; c < a->n_columns; c++) {
            const effekt_column *x = &a->columns[c], *y = &b->columns[c];
            expect(same_text(x->heading, y->heading) && same_text(x->canonical, y->canonical)
                          && x->type == y->type && x->flags == y->flags && x->decimal_mark == y->decimal_mark
                          && x->index == y->index && x->decimals == y->decimals && x->n_missing == y->n_missing
                          && !x->values == !y->values && !x->text == !y->text,
                          "%s: column %zu", what, c);
            for (size_t r = 0; r < a->n_rows; r++) {
                expect(!x->values || memcmp(&x->values[r], &y->values[r], sizeof(double)) == 0
                              || (isnan(x->values[r]) && isnan(y->values[r])),
                              "%s: value of column %zu row %zu", what, c, r);
                expect(!x->text || same_text(x->text[r], y->text[r]), "%s: text of column %zu row %zu",
                              what, c, r);
            }
        }
    }
    effekt_table_destroy(a);
    effekt_table_destroy(b);
    effekt_diag_clear(&da);
    effekt_diag_clear(&db);
    free(copy);
}

/* Every CSV file bundled (datasets, tests, the bad-input corpus), as it
 * is and repeated past the 256 KiB chunks (lines cut between chunks),
 * read by the fast path and by libcsv alone: the same. */
static void fast_as_libcsv(const char *path, const char *text, size_t size)
{
    same_reading(path, text, size, NULL);
    if (size > 0 && size < 300 * 1024) {
        size_t times = 300 * 1024 / size + 1;
        char *big = malloc(size * times);
        ck_assert_ptr_nonnull(big);
        for (size_t i = 0; i < times; i++)
            memcpy(big + i * size, text, size);
        same_reading(path, big, size * times, NULL);
        free(big);
    }
}

START_TEST(bundled_files_fast_as_libcsv)
{
    ck_assert_uint_ge(each_bundled_csv(fast_as_libcsv), 40);
}
END_TEST

/* Random CSV-like text (short fields, delimiters, LF, CRLF and lone CR,
 * quotes, spaces and tabs, NUL and non-ASCII bytes, lines longer than a
 * block of 64 and with more than 1024 fields), some of it plain for
 * pages, then a byte of trouble at any place: read by the fast path and
 * by libcsv alone, the same. */
START_TEST(random_text_fast_as_libcsv)
{
    static const char *const pieces[] = { "1", "22", "abc", "3.5", "-7", "x y", "", "\xC3\xA9", "0" };
    static const char *const trouble[] = { "\"", "\r", "\r\n", "\n", " ", "\t", "\0", "\xFF", "\"q\"", ";", "," };
    size_t cap = 1 << 20;
    char *text = malloc(cap);
    for (int round = 0; round < 400; round++) {
        uint64_t r = rng();
        size_t len = 0, fields = 1 + r % 12, lines = 1 + (r >> 8) % 600;
        if ((r >> 20) % 16 == 0)
            fields = 1000 + (r >> 24) % 60;   /* about the limit of 1024 */
        int crlf = (r >> 30) % 4 == 0;
        for (size_t l = 0; l < lines && len + 8 * fields + 64 < cap; l++) {
            size_t nf = (r >> 34) % 8 == 0 ? 1 + rng() % (fields + 1) : fields;
            for (size_t f = 0; f < nf; f++) {
                const char *p = pieces[rng() % (sizeof pieces / sizeof *pieces)];
                size_t pl = strlen(p);
                if ((rng() & 255) == 0)   /* a long field, across blocks */
                    for (int k = 0; k < 70; k++)
                        text[len++] = 'w';
                memcpy(text + len, p, pl);
                len += pl;
                if (f + 1 < nf)
                    text[len++] = ',';
            }
            if (crlf)
                text[len++] = '\r';
            text[len++] = '\n';
        }
        /* some trouble at random places (none in one round of four) */
        for (size_t k = (r >> 40) % 4 == 0 ? 0 : 1 + (r >> 42) % 3; k > 0 && len > 0; k--) {
            uint64_t q = rng();
            const char *p = trouble[q % (sizeof trouble / sizeof *trouble)];
            size_t pl = p[0] ? strlen(p) : 1, at = (q >> 8) % len;
            if (len + pl > cap)
                break;
            memmove(text + at + pl, text + at, len - at);
            memcpy(text + at, p, pl);
            len += pl;
        }
        if ((r >> 50) % 4 == 0 && len > 0)
            len -= (r >> 52) % len;   /* cut anywhere: no line break at the end */
        char what[64];
        snprintf(what, sizeof what, "round %d", round);
        same_reading(what, text, len, NULL);
        if (round % 8 == 0) {
            effekt_csv_options opt = { 0 };
            opt.delimiter = ',';
            same_reading(what, text, len, &opt);
        }
        if (round % 4 == 1) {   /* one column loaded, the others skipped */
            char first[256];
            size_t k = 0;
            while (k < len && k < sizeof first - 1 && text[k] != ',' && text[k] != '\n' && text[k] != '\r')
                first[k] = text[k], k++;
            first[k] = '\0';
            const char *cols[] = { first };
            effekt_csv_options opt = { 0 };
            opt.columns = cols;
            opt.n_columns = 1;
            same_reading(what, text, len, &opt);
        }
    }
    free(text);
}
END_TEST

/* Decimal marks in columns not loaded, beside loaded columns whose
 * numbers hold marks of their own: the fast path looks for marks from
 * the first column not loaded to the end of the last (one memchr a
 * line), and must count a mark in each unloaded column, never one in a
 * loaded column, as libcsv's reading field by field does.  Every subset
 * of five columns is loaded, with ',' and ';' as the delimiter (with ';'
 * both '.' and ',' are marks, and a field may hold both). */
START_TEST(unloaded_marks_beside_loaded)
{
    /* each column's style: integers; decimal points; "1.234" alone, which
     * reads as a thousand or a decimal as the file's mark says; and with
     * ';' decimal commas, "1,234" alone, and both marks in one field.  The
     * file's mark follows from the columns' marks, loaded or not: every
     * combination of three styles over four columns, so that each column
     * is at some point the only one that settles it */
    static const char *const style_values[6][3] = {
        { "7", "-3", "" }, { "1.5", "1.234", "x" }, { "1.234", "7", "" },
        { "2,5", "1,234", "" }, { "1,234", "7", "" }, { "1.234,5", "7", "2.000,25" }
    };
    static const int styles[3][3] = { { 0, 1, 2 }, { 0, 3, 4 }, { 1, 3, 5 } };
    static const char *const names[] = { "a", "b", "c", "d" };
    char text[1024];
    for (int set = 0; set < 3; set++) {
        char d = set ? ';' : ',';
        for (int combo = 0; combo < 81; combo++) {
            int style[4];
            for (int c = 0, k = combo; c < 4; c++, k /= 3)
                style[c] = styles[set][k % 3];
            size_t len = (size_t)sprintf(text, "a%cb%cc%cd\n", d, d, d);
            for (int row = 0; row < 4; row++) {
                for (int c = 0; c < 4; c++)
                    len += (size_t)sprintf(text + len, "%s%s", c ? (set ? ";" : ",") : "",
                                           style_values[style[c]][(row + c) % 3]);
                text[len++] = '\n';
            }
            for (unsigned subset = 1; subset < 16; subset++) {
                const char *cols[4];
                effekt_csv_options opt = { 0 };
                for (int c = 0; c < 4; c++)
                    if (subset & (1u << c))
                        cols[opt.n_columns++] = names[c];
                opt.columns = cols;
                char what[64];
                snprintf(what, sizeof what, "styles %d.%d, columns %u", set, combo, subset);
                same_reading(what, text, len, &opt);
            }
        }
    }
}
END_TEST

/* Lines whose breaks fall at the edges of the blocks of 64: a CR as the
 * last byte of a block and its LF the first of the next, an LF as the
 * last byte, a field that ends at the block's end; and the text ending
 * at each byte of a block. */
START_TEST(block_edges_fast_as_libcsv)
{
    char text[4096];
    for (size_t first = 1; first < 140; first++) {
        for (int crlf = 0; crlf < 2; crlf++) {
            size_t len = 0;
            memcpy(text, "a,b\r\n", crlf ? 5 : 4);
            len = crlf ? 5 : 4;
            if (!crlf)
                text[3] = '\n';
            /* a first line of `first` bytes of fields, then short lines */
            for (size_t k = 0; k < first; k++)
                text[len++] = k % 5 == 4 ? ',' : (char)('0' + k % 10);
            for (int l = 0; l < 40; l++) {
                if (crlf)
                    text[len++] = '\r';
                text[len++] = '\n';
                len += (size_t)sprintf(text + len, "%d,%d.5", l, l * 7 % 13);
            }
            for (size_t cut = len - 70; cut <= len; cut++)
                same_reading("block edges", text, cut, NULL);
        }
    }
}
END_TEST

static Suite *scan_suite(void)
{
    Suite *s = suite_create("scan");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, read_clean_every_short_text);
    tcase_add_test(tc, read_clean_random_texts);
    tcase_add_test(tc, read_clean_rule_edges);
    tcase_add_test(tc, scan_kinds_agree);
    tcase_add_test(tc, bundled_files_fast_as_libcsv);
    tcase_add_test(tc, random_text_fast_as_libcsv);
    tcase_add_test(tc, block_edges_fast_as_libcsv);
    tcase_add_test(tc, unloaded_marks_beside_loaded);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(scan_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
