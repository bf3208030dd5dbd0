/* effekt/column.h — one column of a loaded table: its values, heading, type and
 * how it was written. */
#ifndef EFFEKT_COLUMN_H
#define EFFEKT_COLUMN_H

#include "effekt/export.h"

#include <stddef.h>
#include <stdint.h>

#include "effekt/type.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Column flags. */
enum {
    EFFEKT_COLUMN_PERCENT = 1u << 0,   /* values were written as 50%; stored as 0.5 */
    EFFEKT_COLUMN_GROUPED = 1u << 1,   /* thousands grouping was seen */
    EFFEKT_COLUMN_SCALED = 1u << 2,    /* the heading's unit (£m, tkr.) scaled the values */
    EFFEKT_COLUMN_MIXED_CURRENCY = 1u << 3,  /* its amounts are in different currencies
                                                (row_currency says which): never add
                                                them up as one */
    EFFEKT_COLUMN_DERIVED = 1u << 4,   /* not in the source file: made by the loader
                                          (a currency found in cells or headings) */
    EFFEKT_COLUMN_EU_DERIVED = 1u << 5 /* with DERIVED: eu_contribution computed as
                                          total_cost x eu_rate (the file gives no EU
                                          amount); outputs say so */
};

typedef struct {
    char *heading;          /* the source heading, UTF-8 */
    const char *canonical;  /* canonical name (static) or NULL */
    effekt_type type;
    unsigned flags;
    char decimal_mark;      /* '.' or ',' as read; 0 if no decimals were written */
    char date_order;        /* date columns written in numbers with the year last:
                               'd' day first, 'm' month first; 0 otherwise */
    size_t index;           /* 1-based field number in the source file */
    int decimals;           /* when every value was written as a plain decimal of at
                               most 15 significant digits: the most decimals any
                               has (so value * 10^decimals is an exact integer);
                               else -1.  Lets statistics work on the decimals as
                               written, not on their binary roundings. */
    size_t n_missing;
    const char *currency;   /* amounts: the currency its values or its heading name
                               ("EUR", "DKK", "kr" for a krone of no stated country;
                               static), or NULL; NULL too when mixed (see flags) */
    const char **row_currency;  /* EFFEKT_COLUMN_MIXED_CURRENCY: per row, the currency
                                   written with the value (static strings, NULL when
                                   none); else NULL.  Owned by the column. */
    double scale;           /* what the heading's unit multiplied the values by (1, 1e3,
                               1e6); 0 when not numeric */
    double *values;         /* non-text columns: n_rows values */
    char **text;            /* text columns: n_rows pointers into the arena */
    char *arena;            /* storage behind text (or dict) */
    /* A text column loaded with effekt_csv_options.coded: the code of
     * each row indexes dict (n_dict distinct texts, trimmed, in order of
     * first appearance, stored in the arena); text is NULL then.  Codes
     * take code_bytes each, as few as the dictionary needs: 1 below 255
     * texts, 2 below 65,535, else 4; the largest value of the width marks
     * a missing value.  One to four bytes a row instead of a pointer and a
     * copy, for a column a command groups by.  Read a row's code with
     * effekt_column_code, its text (either form) with
     * effekt_column_string. */
    void *codes;
    unsigned code_bytes;
    char **dict;
    size_t n_dict;
} effekt_column;

#define EFFEKT_COLUMN_NO_CODE UINT32_MAX

/* Free a column's values once the caller no longer needs them (its
 * heading and name stay; it becomes an empty column).  Lets a command
 * that has read a grouping column into group ids give its memory back. */
EFFEKT_API void effekt_column_release(effekt_column *col);

/* Is the value missing? */
EFFEKT_API int effekt_column_missing(const effekt_column *col, size_t row);

/* The code of row in a coded column (dict's index), or
 * EFFEKT_COLUMN_NO_CODE when the value is missing. */
EFFEKT_API uint32_t effekt_column_code(const effekt_column *col, size_t row);

/* A text column's value at row, whichever form it was loaded in (text or
 * codes): the text, owned by the column, or NULL when missing.  NULL too
 * for a column that is not text. */
EFFEKT_API const char *effekt_column_string(const effekt_column *col, size_t row);

/* The value of row as a person reads it: the text, a date as
 * YYYY-MM-DD, a number with up to 15 significant digits, or "(missing)".
 * Writes at most size bytes (with the NUL) into buf. */
EFFEKT_API void effekt_column_text(const effekt_column *col, size_t row, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
