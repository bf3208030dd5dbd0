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

#include "effekt/canonical.h"
#include "effekt/column.h"
#include "effekt/heading.h"
#include "effekt/diag.h"
#include "effekt/status.h"
#include "effekt/type.h"

#ifdef __cplusplus
extern "C" {
#endif

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

#ifdef __cplusplus
}
#endif
#endif
