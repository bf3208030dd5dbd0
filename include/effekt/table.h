/* effekt/table.h — a loaded data table, one array per column.
 *
 * Numeric, integer, date and boolean columns hold doubles (dates as days
 * since 1970-01-01, booleans as 0/1), NaN where the value is missing, so
 * statistics run over contiguous memory.  Text columns hold UTF-8
 * strings, NULL where missing.  Every column knows its source heading and,
 * when it maps to one, its canonical name (see effekt_canonical_*). */
#ifndef EFFEKT_TABLE_H
#define EFFEKT_TABLE_H

#include <stddef.h>

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
const char *effekt_type_name(effekt_type type);

/* Column flags. */
enum {
    EFFEKT_COLUMN_PERCENT = 1u << 0,   /* values were written as 50%; stored as 0.5 */
    EFFEKT_COLUMN_GROUPED = 1u << 1    /* thousands grouping was seen */
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

void effekt_table_destroy(effekt_table *table);

/* The SHA-256 of the bytes the table was read from (all of them, byte-order
 * mark and all, as they came: a pipe or standard input is read once), as
 * 64 lower-case hex digits; NULL when the loader was not asked for it.
 * The string belongs to the table. */
const char *effekt_table_sha256(const effekt_table *table);

/* The physical line in the source file on which data row `row` (0-based)
 * starts. */
size_t effekt_table_row_line(const effekt_table *table, size_t row);

/* The column with this canonical name, or else this exact heading, or
 * NULL. */
const effekt_column *effekt_table_column(const effekt_table *table, const char *name);

/* Free a column's values once the caller no longer needs them (its
 * heading and name stay; it becomes an empty column).  Lets a command
 * that has read a grouping column into group ids give its memory back. */
void effekt_column_release(effekt_column *col);

/* Is the value missing? */
int effekt_column_missing(const effekt_column *col, size_t row);

/* The value of row as a person reads it: the text, a date as
 * YYYY-MM-DD, a number with up to 15 significant digits, or "(missing)".
 * Writes at most size bytes (with the NUL) into buf. */
void effekt_column_text(const effekt_column *col, size_t row, char *buf, size_t size);

/* Canonical columns (PRODUCT.md): name, level and expected type. */
typedef enum {
    EFFEKT_LEVEL_ANY = 0,
    EFFEKT_LEVEL_PROJECT,
    EFFEKT_LEVEL_PARTICIPANT
} effekt_level;

typedef struct {
    const char *name;
    effekt_level level;
    effekt_type type;       /* expected: TEXT, NUMBER, INTEGER, DATE, BOOLEAN */
    int nonnegative;        /* a negative value is an error */
    const char *const *aliases;  /* normalised headings, NULL-terminated */
} effekt_canonical;

/* The canonical column a source heading maps to, or NULL.  Matching
 * ignores case, surrounding and repeated space, '_' versus ' ', and a
 * unit suffix such as "(kr.)"; a bilingual "Dansk / English" heading
 * matches by either half. */
const effekt_canonical *effekt_canonical_match(const char *heading);

/* The canonical column of this name, or NULL. */
const effekt_canonical *effekt_canonical_find(const char *name);

/* All canonical columns, ending with an entry whose name is NULL. */
const effekt_canonical *effekt_canonical_all(void);

#ifdef __cplusplus
}
#endif
#endif
