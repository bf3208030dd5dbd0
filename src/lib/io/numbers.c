/* Numbers as written in Danish, Swedish and English spreadsheets.
 *
 * A number is an optional sign, digit runs separated by '.', ',' or
 * spaces (also U+00A0 and U+202F, as Swedish, French and Finnish Excel
 * write them), an optional exponent, and optional currency or percent
 * affixes.  Accounting negatives (1.000) and a trailing minus 1.000- are
 * negatives.  Classification and conversion share one scanner, so what is
 * classified as a number always converts. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "numbers.h"

/* Significant digits kept for strtod.  Deciding the rounding of a
 * decimal near a point halfway between two doubles can take up to 768
 * digits; past MAX_DIGITS only whether any dropped digit is nonzero
 * matters, and a single sticky digit carries that (as in fast_float and
 * Go's strconv). */
#define MAX_DIGITS 770
#define MAX_RUNS 64

typedef struct {
    int negative;
    int percent;
    int currency;       /* row of currency_marks plus one, or 0 */
    size_t n_runs;
    size_t run_len[MAX_RUNS];   /* digits in each run */
    char sep[MAX_RUNS];         /* separator after run i (' ' for any space) */
    const char *run_start[MAX_RUNS];
    int has_exp;
    long long exp;
} scan;

/* Currency marks written before or after an amount, with or without a
 * space, and the code each is recorded as.  A table, so that a new mark
 * is one row.  Longer marks come before their prefixes ("kr." before
 * "kr", "euro" before "eur").  "kr." says krone or krona without the
 * country: it is recorded as "kr", which no rate converts until the file
 * says which. */
static const struct { const char *mark; const char *code; } currency_marks[] = {
    { "\xe2\x82\xac", "EUR" },   /* € */
    { "euros", "EUR" }, { "euro", "EUR" }, { "eur", "EUR" },
    { "\xc2\xa3", "GBP" },         /* £ */
    { "gbp", "GBP" },
    { "kr.", "kr" }, { "kr", "kr" },
    { "dkk", "DKK" }, { "sek", "SEK" }, { "nok", "NOK" }, { "isk", "ISK" },
    { "z\xc5\x82", "PLN" },        /* zł */
    { "pln", "PLN" },
    { "kn", "HRK" }, { "hrk", "HRK" },
    { "K\xc4\x8d", "CZK" }, { "k\xc4\x8d", "CZK" },   /* Kč */
    { "czk", "CZK" },
    { "lei", "RON" }, { "ron", "RON" },
    { "ft", "HUF" }, { "huf", "HUF" },
    { "\xd0\xbb\xd0\xb2.", "BGN" }, { "\xd0\xbb\xd0\xb2", "BGN" },   /* лв. */
    { "bgn", "BGN" },
    { "chf", "CHF" }, { "usd", "USD" }, { "$", "USD" },
    { NULL, NULL }
};

const char *effekt_number_currency_code(int currency)
{
    static const size_t n = sizeof currency_marks / sizeof *currency_marks - 1;
    return currency > 0 && (size_t)currency <= n ? currency_marks[currency - 1].code : NULL;
}

int effekt_number_currency_mark(const char *s, size_t len)
{
    for (size_t i = 0; currency_marks[i].mark; i++)
        if (strlen(currency_marks[i].mark) == len && strncasecmp(currency_marks[i].mark, s, len) == 0)
            return (int)i + 1;
    return 0;
}

int effekt_number_currency_find(const char *code)
{
    for (size_t i = 0; currency_marks[i].mark; i++)
        if (strcasecmp(currency_marks[i].code, code) == 0)
            return (int)i + 1;
    return 0;
}

static int is_space_at(const char *s, size_t len, size_t i, size_t *width)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ') { *width = 1; return 1; }
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) { *width = 2; return 1; }  /* NBSP */
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80
        && ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89)) {  /* narrow NBSP, thin space */
        *width = 3;
        return 1;
    }
    return 0;
}

static void trim_spaces(const char **s, size_t *len)
{
    size_t w;
    while (*len && is_space_at(*s, *len, 0, &w)) { *s += w; *len -= w; }
    for (;;) {
        if (*len >= 1 && (*s)[*len - 1] == ' ') { (*len)--; continue; }
        if (*len >= 2 && (unsigned char)(*s)[*len - 2] == 0xC2 && (unsigned char)(*s)[*len - 1] == 0xA0) { *len -= 2; continue; }
        if (*len >= 3 && (unsigned char)(*s)[*len - 3] == 0xE2 && (unsigned char)(*s)[*len - 2] == 0x80
            && ((unsigned char)(*s)[*len - 1] == 0xAF || (unsigned char)(*s)[*len - 1] == 0x89)) { *len -= 3; continue; }
        break;
    }
}

/* Strip one currency mark at the start or end (ASCII case-insensitive).
 * Returns its row in currency_marks plus one, or 0.  A mark must not be
 * part of a word: "12kr" and "kr 12" are amounts, "12kroner" is not. */
static int strip_currency(const char **s, size_t *len)
{
    for (size_t k = 0; currency_marks[k].mark; k++) {
        const char *a = currency_marks[k].mark;
        size_t n = strlen(a);
        if (*len <= n)
            continue;
        if (strncasecmp(*s + *len - n, a, n) == 0) {
            unsigned char before = (unsigned char)(*s)[*len - n - 1];
            if ((before | 32) >= 'a' && (before | 32) <= 'z')
                continue;
            *len -= n;
            trim_spaces(s, len);
            return (int)k + 1;
        }
        if (strncasecmp(*s, a, n) == 0) {
            unsigned char after = (unsigned char)(*s)[n];
            if ((after | 32) >= 'a' && (after | 32) <= 'z')
                continue;
            *s += n;
            *len -= n;
            trim_spaces(s, len);
            return (int)k + 1;
        }
    }
    return 0;
}

/* Split s into sign, digit runs and separators.  Returns 0 when the
 * shape is that of a number. */
static int scan_number(const char *s, size_t len, scan *sc)
{
    /* no memset: the struct is large and this runs once per value */
    sc->negative = sc->percent = sc->has_exp = sc->currency = 0;
    sc->exp = 0;
    sc->n_runs = 0;
    sc->run_len[0] = 0;
    trim_spaces(&s, &len);
    if (len && s[len - 1] == '%') {
        sc->percent = 1;
        len--;
        trim_spaces(&s, &len);
    }
    sc->currency = strip_currency(&s, &len);
    /* accounting negatives: (1.000), (1.000 €), € (1.000) */
    int accounting = 0;
    if (len >= 3 && s[0] == '(' && s[len - 1] == ')') {
        accounting = 1;
        s++;
        len -= 2;
        trim_spaces(&s, &len);
        if (!sc->currency)
            sc->currency = strip_currency(&s, &len);
    }
    /* a trailing minus, as SAP and older ledgers write: 1.000- */
    int trailing_minus = 0;
    if (!accounting && len >= 2 && s[len - 1] == '-' && s[len - 2] >= '0' && s[len - 2] <= '9') {
        trailing_minus = 1;
        len--;
    }
    if (!len)
        return -1;
    size_t i = 0;
    if (accounting || trailing_minus) {
        /* the sign is said once: (-5) and -5- are not numbers */
        sc->negative = 1;
        if (s[0] == '-' || s[0] == '+' || (unsigned char)s[0] == 0xE2)
            return -1;
    } else if (s[0] == '-' || s[0] == '+') {
        sc->negative = s[0] == '-';
        i = 1;
    } else if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88
               && (unsigned char)s[2] == 0x92) {  /* U+2212 MINUS SIGN */
        sc->negative = 1;
        i = 3;
    }
    if (i == len)
        return -1;
    size_t run = 0;
    sc->run_start[0] = s + i;
    int last_was_sep = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        size_t w = 1;
        if (c >= '0' && c <= '9') {
            sc->run_len[run]++;
            last_was_sep = 0;
            i++;
            continue;
        }
        if (c == 'e' || c == 'E') {
            /* exponent: needs digits before it and after it */
            if (last_was_sep && sc->run_len[run] == 0 && run == 0)
                return -1;
            i++;
            int eneg = 0;
            if (i < len && (s[i] == '+' || s[i] == '-')) {
                eneg = s[i] == '-';
                i++;
            }
            if (i == len)
                return -1;
            /* saturates far beyond any range of a double, yet far below
             * LLONG_MAX, so that adding the count of digits in the cell
             * (which can be long: 0.000…1e5000) cannot overflow */
            long long e = 0;
            for (; i < len; i++) {
                if (s[i] < '0' || s[i] > '9')
                    return -1;
                if (e < 1000000000000000LL)
                    e = e * 10 + (s[i] - '0');
            }
            sc->has_exp = 1;
            sc->exp = eneg ? -e : e;
            break;
        }
        char sep;
        if (c == '.' || c == ',') {
            sep = (char)c;
        } else if (is_space_at(s, len, i, &w)) {
            sep = ' ';
        } else {
            return -1;
        }
        if (last_was_sep || run + 1 >= MAX_RUNS)
            return -1;
        sc->sep[run] = sep;
        run++;
        sc->run_len[run] = 0;
        sc->run_start[run] = s + i + w;
        last_was_sep = 1;
        i += w;
    }
    sc->n_runs = run + 1;
    size_t digits = 0;
    for (size_t r = 0; r < sc->n_runs; r++)
        digits += sc->run_len[r];
    if (digits == 0)
        return -1;
    return 0;
}

/* Runs 1..last (exclusive) are thousands groups: the first of 1-3 digits
 * not starting with 0 (unless it is the only digit), the rest exactly 3. */
static int groups_ok(const scan *sc, size_t first, size_t end)
{
    if (sc->run_len[first] < 1 || sc->run_len[first] > 3)
        return 0;
    if (sc->run_start[first][0] == '0')
        return 0;
    for (size_t r = first + 1; r < end; r++)
        if (sc->run_len[r] != 3)
            return 0;
    return 1;
}

number_shape effekt_number_classify(const char *s, size_t len)
{
    number_shape shape = { 0 };
    scan sc;
    if (scan_number(s, len, &sc) != 0)
        return shape;
    shape.percent = sc.percent;
    shape.negative = sc.negative;
    shape.currency = sc.currency;
    size_t nsep = sc.n_runs - 1;
    if (nsep == 0) {
        shape.kind = NUMBER_PLAIN;
        shape.fraction = sc.has_exp && sc.exp < 0;
        return shape;
    }
    char last = sc.sep[nsep - 1];
    int same = 1;
    for (size_t r = 0; r < nsep; r++)
        if (sc.sep[r] != sc.sep[0])
            same = 0;
    if (same && last == ' ') {
        if (!sc.has_exp && groups_ok(&sc, 0, sc.n_runs)) {
            shape.kind = NUMBER_GROUPED;
            shape.grouped = 1;
        }
        return shape;
    }
    if (nsep == 1) {
        /* one mark: a decimal mark, or a single thousands group */
        shape.fraction = sc.run_len[1] > 0;
        int groupable = !sc.has_exp && sc.run_len[1] == 3 && groups_ok(&sc, 0, 2);
        if (groupable)
            shape.kind = last == '.' ? NUMBER_AMBIG_DOT : NUMBER_AMBIG_COMMA;
        else
            shape.kind = last == '.' ? NUMBER_POINT : NUMBER_COMMA;
        return shape;
    }
    if (sc.has_exp)
        return shape;
    if (same) {
        /* 3.690.661 or 3,690,661: only grouping, which tells the mark */
        if (groups_ok(&sc, 0, sc.n_runs)) {
            shape.kind = last == '.' ? NUMBER_COMMA : NUMBER_POINT;
            shape.grouped = 1;
        }
        return shape;
    }
    /* 1.234,56 or 1,234.56 or 1 234,56: groups, then one decimal mark */
    char group = sc.sep[0];
    for (size_t r = 0; r + 1 < nsep; r++)
        if (sc.sep[r] != group)
            return shape;
    if (last == ' ' || group == last || !groups_ok(&sc, 0, sc.n_runs - 1))
        return shape;
    shape.fraction = sc.run_len[sc.n_runs - 1] > 0;
    shape.grouped = 1;
    shape.kind = last == '.' ? NUMBER_POINT : NUMBER_COMMA;
    return shape;
}

static const double exact_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

int effekt_number_convert(const char *s, size_t len, char mark, double *out)
{
    scan sc;
    if (scan_number(s, len, &sc) != 0)
        return -1;
    size_t nsep = sc.n_runs - 1;
    /* which run starts the fraction: the run after the decimal mark */
    size_t frac_run = sc.n_runs;
    if (nsep > 0 && sc.sep[nsep - 1] == mark)
        frac_run = sc.n_runs - 1;
    /* every other separator must be grouping with valid groups */
    if (frac_run > 1 || (frac_run == sc.n_runs && nsep > 0)) {
        if (sc.has_exp || !groups_ok(&sc, 0, frac_run))
            return -1;
        for (size_t r = 0; r + 1 < frac_run; r++)
            if (sc.sep[r] == mark)
                return -1;
    }

    /* Collect significant digits and the power of ten: the value is
     * digits * 10^exp10.  Digits past MAX_DIGITS are dropped, each
     * raising exp10 by one whether it stood before or after the mark;
     * a nonzero one among them leaves a sticky '1' so that rounding
     * still sees that the value lies above the kept digits. */
    char digits[MAX_DIGITS + 2];
    size_t nd = 0;
    long long exp10 = sc.has_exp ? sc.exp : 0;
    int sticky = 0;
    for (size_t r = 0; r < sc.n_runs; r++) {
        const char *p = sc.run_start[r];
        for (size_t k = 0; k < sc.run_len[r]; k++) {
            if (r >= frac_run)
                exp10--;
            if (nd == 0 && p[k] == '0')
                continue;   /* leading zero */
            if (nd < MAX_DIGITS) {
                digits[nd++] = p[k];
            } else {
                exp10++;
                sticky |= p[k] != '0';
            }
        }
    }
    if (sticky) {
        digits[nd++] = '1';
        exp10--;
    }
    double sign = sc.negative ? -1.0 : 1.0;
    if (nd == 0) {
        *out = sign * 0.0;
        return 0;
    }
    /* Exact fast path: an integer mantissa below 2^53 times or divided by
     * an exactly representable power of ten is one correctly rounded IEEE
     * operation (Clinger 1990). */
    if (nd <= 19) {
        uint64_t m = 0;
        for (size_t k = 0; k < nd; k++)
            m = m * 10 + (uint64_t)(digits[k] - '0');
        if (m <= (UINT64_C(1) << 53) && exp10 >= -22 && exp10 <= 22) {
            double v = (double)m;
            v = exp10 < 0 ? v / exact_pow10[-exp10] : v * exact_pow10[exp10];
            *out = sign * v;
            return 0;
        }
    }
    char buf[MAX_DIGITS + 32];
    memcpy(buf, digits, nd);
    snprintf(buf + nd, sizeof buf - nd, "e%lld", exp10);
    errno = 0;
    double v = strtod(buf, NULL);
    if (errno == ERANGE && (isinf(v) || v == 0.0))
        return -2;
    *out = sign * v;
    return 0;
}

/* The common case, done without the general scanner: [-]digits[.digits]
 * with at most 19 significant digits.  Returns 1 when it applied. */
static int read_simple(const char *s, size_t len, number_shape *shape, double *value)
{
    size_t i = 0;
    int neg = 0;
    if (len && s[0] == '-') {
        neg = 1;
        i = 1;
    }
    uint64_t m = 0;
    size_t int_digits = 0, frac_digits = 0, sig = 0;
    int dot = 0;
    const char *int_start = s + i;
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') {
            if (dot)
                frac_digits++;
            else
                int_digits++;
            if (sig || c != '0') {
                if (++sig > 19)
                    return 0;
            }
            m = m * 10 + (c - '0');
        } else if (c == '.' && !dot) {
            dot = 1;
        } else {
            return 0;
        }
    }
    if (int_digits + frac_digits == 0 || m > (UINT64_C(1) << 53) || frac_digits > 22)
        return 0;
    shape->negative = neg;
    shape->percent = 0;
    shape->currency = 0;
    shape->grouped = 0;
    shape->fraction = frac_digits > 0;
    if (!dot)
        shape->kind = NUMBER_PLAIN;
    else if (frac_digits == 3 && int_digits >= 1 && int_digits <= 3 && int_start[0] != '0')
        shape->kind = NUMBER_AMBIG_DOT;
    else
        shape->kind = NUMBER_POINT;
    double v = (double)m / exact_pow10[frac_digits];
    *value = neg ? -v : v;
    return 1;
}

number_shape effekt_number_read(const char *s, size_t len, double *value)
{
    number_shape shape;
    if (read_simple(s, len, &shape, value))
        return shape;
    shape = effekt_number_classify(s, len);
    *value = NAN;
    if (shape.kind != NUMBER_INVALID && shape.kind != NUMBER_COMMA) {
        double v;
        if (effekt_number_convert(s, len, '.', &v) == 0)
            *value = v;
    }
    return shape;
}
