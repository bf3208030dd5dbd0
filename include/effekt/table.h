/* effekt/table.h — a loaded data table, one array per column.
 *
 * Numeric, integer, date and boolean columns hold doubles (dates as days
 * since 1970-01-01, booleans as 0/1), NaN where the value is missing, so
 * statistics run over contiguous memory.  Text columns hold UTF-8
 * strings, NULL where missing.  Every column knows its source heading and,
 * when it maps to one, its canonical name (see effekt_canonical_*). */
#ifndef EFFEKT_TABLE_H
#define EFFEKT_TABLE_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_TYPE_EMPTY = 0,   /* every value missing */
    EFFEKT_TYPE_INTEGER,
    EFFEKT_TYPE_NUMBER,
    EFFEKT_TYPE_DATE,
    EFFEKT_TYPE_BOOLEAN,
    EFFEKT_TYPE_TEXT
} effekt_type;

/* "empty", "integer", "number", "date", "boolean", "text". */
EFFEKT_API const char *effekt_type_name(effekt_type type);
/* The type of that name (case ignored): EFFEKT_OK, or EFFEKT_EINVAL for
 * another name or NULL. */
EFFEKT_API effekt_status effekt_type_parse(const char *name, effekt_type *out);

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
    char *arena;            /* storage behind text */
} effekt_column;

typedef struct {
    char *source;           /* the name the table was loaded as */
    size_t n_rows;
    size_t n_columns;
    effekt_column *columns;
    char delimiter;
    const char *encoding;   /* "UTF-8", "Windows-1252", "WINDOWS-1250", ...: static,
                               or encoding_name below */
    /* physical lines: the header's, and marks where a row does not start
     * on the line after the previous one (multi-line fields, blank
     * lines); see effekt_table_row_line */
    size_t header_line;
    size_t n_line_marks;
    size_t *line_mark_row;
    size_t *line_mark_line;
    char sha256[65];        /* SHA-256 of the input's bytes as read, 64 hex digits, when
                               the loader was asked (effekt_csv_options.sha256); else "" */
    char encoding_name[48]; /* an encoding named by iconv or libuchardet */
} effekt_table;

EFFEKT_API void effekt_table_destroy(effekt_table *table);

/* The SHA-256 of the bytes the table was read from (all of them, byte-order
 * mark and all, as they came: a pipe or standard input is read once), as
 * 64 lower-case hex digits; NULL when the loader was not asked for it.
 * The string belongs to the table. */
EFFEKT_API const char *effekt_table_sha256(const effekt_table *table);

/* The physical line in the source file on which data row `row` (0-based)
 * starts. */
EFFEKT_API size_t effekt_table_row_line(const effekt_table *table, size_t row);

/* The column a user means by `name`: the column with this canonical
 * name, else this exact heading, else the first whose heading is the same
 * by effekt_heading_same (case, spacing, footnote marks, units, either
 * half of a bilingual heading), else the column whose canonical name the
 * name is an alias of.  NULL when none.  Every option that names a
 * column (-c, --by, --weight, --map, ...) looks it up here, so that they
 * all match alike. */
EFFEKT_API const effekt_column *effekt_table_column(const effekt_table *table, const char *name);

/* The same, by its other name. */
EFFEKT_API const effekt_column *effekt_table_find_column(const effekt_table *table, const char *name);

/* The column that names the projects of a list: `name`, else (a list
 * with no project name, as the Go Vest seed's headings) the beneficiary
 * (`owner`), else the first text column the file has (not one the loader
 * derived, not an id).  NULL when there is none.  The KPI sheet and the
 * layout check use it alike, so that a list with a label is never shown
 * as "row 1 ... row N" alone. */
EFFEKT_API const effekt_column *effekt_table_label_column(const effekt_table *table);

/* A list with one row per partner summed into one row per project: the
 * rows that share a value of column `by` (any name effekt_table_column
 * finds) become one, at the line of the first.  Amounts and counts are
 * summed (missing values left out; amounts of one project in two
 * currencies are not summed: missing), the start date is the first, the
 * other dates the last, text and the other values are kept where every
 * row that gives one agrees, else missing with a note naming the column.
 * A note says how many rows became how many projects.  *out is a new
 * table owned by the caller; the input is not changed. */
EFFEKT_API effekt_status effekt_table_sum_by(const effekt_table *table, const char *by, effekt_table **out,
                                             effekt_diag *diag);

/* Free a column's values once the caller no longer needs them (its
 * heading and name stay; it becomes an empty column).  Lets a command
 * that has read a grouping column into group ids give its memory back. */
EFFEKT_API void effekt_column_release(effekt_column *col);

/* Is the value missing? */
EFFEKT_API int effekt_column_missing(const effekt_column *col, size_t row);

/* The value of row as a person reads it: the text, a date as
 * YYYY-MM-DD, a number with up to 15 significant digits, or "(missing)".
 * Writes at most size bytes (with the NUL) into buf. */
EFFEKT_API void effekt_column_text(const effekt_column *col, size_t row, char *buf, size_t size);

/* Canonical columns (PRODUCT.md): name, level and expected type. */
typedef enum {
    EFFEKT_LEVEL_ANY = 0,
    EFFEKT_LEVEL_PROJECT,
    EFFEKT_LEVEL_PARTICIPANT
} effekt_level;

/* "any", "project", "participant" ("?" for another value); _parse reads
 * them (case ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_level_name(effekt_level level);
EFFEKT_API effekt_status effekt_level_parse(const char *name, effekt_level *out);

typedef struct {
    const char *name;
    effekt_level level;
    effekt_type type;       /* expected: TEXT, NUMBER, INTEGER, DATE, BOOLEAN */
    int nonnegative;        /* a negative value is an error */
} effekt_canonical;

/* One heading that maps to a canonical column, in one language. */
typedef struct {
    const char *canonical;  /* canonical name */
    const char *language;   /* ISO 639-1: "da", "de", "en", "fi", "fr", "hr", "lt",
                               "lv", "nl", "no", "pl", "ro", "sv" */
    const char *heading;    /* normalised (effekt_heading_normalise) */
} effekt_alias;

/* The alias table, ending with a row whose canonical is NULL. */
EFFEKT_API const effekt_alias *effekt_canonical_aliases(void);

/* The canonical column a source heading maps to, or NULL.  Matching
 * folds case (Latin, Greek, Cyrillic) and runs of space, reads '_' as a
 * space, drops footnote marks (*, ¹, (1)) and a unit tail (see
 * effekt_heading_unit); a bilingual heading split on '/', on runs of
 * three or more spaces or on a line break matches by either part. */
EFFEKT_API const effekt_canonical *effekt_canonical_match(const char *heading);

/* A unit stated in a heading: "£m", "mio. kr.", "(in 1.000 EUR)",
 * "tkr.", "(%)".  A bracketed part is a unit only when all of it is:
 * "Program (H2020)" has none. */
typedef struct {
    double scale;           /* 1, 1e3 or 1e6 */
    const char *currency;   /* "EUR", "GBP", ... (static) or NULL */
    int percent;
    int plain;              /* internal: a unit of time or count, "(måneder)" */
    char text[32];          /* the unit as the heading writes it (folded) */
} effekt_unit;

/* The unit in a heading.  Returns 1 when it has one, else 0 (and *unit
 * is scale 1, no currency). */
EFFEKT_API int effekt_heading_unit(const char *heading, effekt_unit *unit);

/* Does `name` (as a user typed it) name the column headed `heading`?  The
 * same after case folding and spacing, or after dropping footnote marks
 * and units, whole or by one part of a bilingual heading. */
EFFEKT_API int effekt_heading_same(const char *heading, const char *name);

/* The key a heading is matched by (folded, no footnote mark, no unit)
 * into out (size bytes); returns its length, 0 when it does not fit. */
EFFEKT_API size_t effekt_heading_normalise(const char *heading, char *out, size_t size);

/* The canonical column of this name, or NULL. */
EFFEKT_API const effekt_canonical *effekt_canonical_find(const char *name);

/* All canonical columns, ending with an entry whose name is NULL. */
EFFEKT_API const effekt_canonical *effekt_canonical_all(void);

#ifdef __cplusplus
}
#endif
#endif
