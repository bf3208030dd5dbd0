/* numbers.h — reading numbers as people write them in spreadsheets.
 * Internal to libeffekt. */
#ifndef EFFEKT_IO_NUMBERS_H
#define EFFEKT_IO_NUMBERS_H

#include <stddef.h>

/* What the text of a number says about the decimal mark. */
typedef enum {
    NUMBER_INVALID = 0,  /* not a number */
    NUMBER_PLAIN,        /* digits only (maybe sign, exponent): no mark */
    NUMBER_POINT,        /* only readable with '.' as decimal mark: 12.5, 1,234.5, 3,690,661 */
    NUMBER_COMMA,        /* only readable with ',' as decimal mark: 12,5, 1.234,5, 3.690.661 */
    NUMBER_AMBIG_DOT,    /* 1.786: 1786 grouped, or 1.786 */
    NUMBER_AMBIG_COMMA,  /* 3,690: 3690 grouped, or 3.69 */
    NUMBER_GROUPED       /* 3 690 661: grouped by spaces, no decimals */
} number_kind;

typedef struct {
    number_kind kind;
    int percent;       /* a trailing % */
    int fraction;      /* has a fractional part under its own reading */
    int negative;
    int grouped;       /* thousands grouping whatever the mark (3.690.661, 1 234) */
    int currency;      /* the currency mark written with it: see effekt_number_currency_code; 0: none */
} number_shape;

/* The code of a currency mark as number_shape.currency gives it ("EUR",
 * "DKK", "kr" for a krone or krona of no stated country, ...), or NULL
 * for 0.  The string is static. */
const char *effekt_number_currency_code(int currency);

/* The number_shape.currency of s[0..len) when it is exactly a currency
 * mark ("€", "kr.", "EUR"; ASCII case-insensitive), else 0. */
int effekt_number_currency_mark(const char *s, size_t len);

/* The number_shape.currency of a code ("EUR"), or 0 when unknown. */
int effekt_number_currency_find(const char *code);

/* Classify the trimmed text s[0..len).  Currency marks before or after
 * (€, EUR, kr., DKK, SEK, NOK, £, zł, kn, Kč, lei, Ft, ...: the table in
 * numbers.c), a trailing %, accounting parentheses (1.000) and a trailing
 * minus 1.000- are accepted. */
number_shape effekt_number_classify(const char *s, size_t len);

/* Convert s[0..len) reading `mark` ('.' or ',') as the decimal mark and
 * the other as thousands grouping.  The result is correctly rounded
 * (exact fast path, else strtod on a normalised copy).  A percentage is
 * returned as written (50% gives 50).  Returns 0 on success, -1 when the
 * text is not a number under that mark, -2 when it is beyond the range
 * of a double. */
int effekt_number_convert(const char *s, size_t len, char mark, double *out);

/* Classify and, when the text reads as a number with '.' as the decimal
 * mark, convert it (else *value is NaN), in one pass for the common
 * case.  A percentage is returned as written. */
number_shape effekt_number_read(const char *s, size_t len, double *value);

#endif
