/* test_scan.c — the reader's byte-level pieces against references:
 * read_clean (load.h) against the digit-at-a-time version it replaced,
 * on every short text and millions of random ones.  Linked with the
 * static library: it calls functions the shared one does not export. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/io/load.h"

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
    ck_assert_ptr_nonnull(s);
    memcpy(s, text, len);
    double v1 = 0, v2 = 0;
    uint8_t k1 = 0xEE, k2 = 0xEE, f1 = 0xEE, f2 = 0xEE;
    int r1 = read_clean(s, len, &v1, &k1, &f1), r2 = read_clean_ref(s, len, &v2, &k2, &f2);
    if (r1 != r2 || (r1 && (memcmp(&v1, &v2, sizeof v1) != 0 || k1 != k2 || f1 != f2)))
        ck_abort_msg("read_clean(\"%.*s\"): %d %.17g kind %u format %#x, expected %d %.17g kind %u format %#x",
                     (int)len, text, r1, v1, k1, f1, r2, v2, k2, f2);
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
        "1234567\xFA", "\xFA" "1234567", "12345678901234567890123", "0.000000000000001",
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

static Suite *scan_suite(void)
{
    Suite *s = suite_create("scan");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, read_clean_every_short_text);
    tcase_add_test(tc, read_clean_random_texts);
    tcase_add_test(tc, read_clean_rule_edges);
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
