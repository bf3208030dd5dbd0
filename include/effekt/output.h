/* effekt/output.h — one writer for every command: table, CSV or JSON,
 * and output files that appear whole or not at all.
 *
 * A command builds its result as a cJSON document.  JSON output prints
 * it; table and CSV output print the arrays of objects named by `sheets`
 * (dotted paths such as "projects" or "files.0.columns"), one row per
 * object, one column per key.  A value that is an object with "value"
 * (and optionally "lower", "upper", "reason") is a figure with its
 * interval or the reason it is undefined. */
#ifndef EFFEKT_OUTPUT_H
#define EFFEKT_OUTPUT_H

#include "effekt/export.h"

#include <stdint.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "effekt/status.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_FORMAT_TABLE = 0,
    EFFEKT_FORMAT_CSV,
    EFFEKT_FORMAT_JSON
} effekt_format;

EFFEKT_API effekt_status effekt_format_parse(const char *name, effekt_format *out);
/* "table", "csv", "json" ("?" for another value), which
 * effekt_format_parse reads. */
EFFEKT_API const char *effekt_format_name(effekt_format format);

typedef struct {
    const char *path;    /* array of objects, dotted path from the root */
    const char *title;   /* printed above the table (table format only) */
    /* Optional, for sheets too long to hold as cJSON (a million steps of a
     * curve): rows made one at a time.  row(ctx, i) returns a new object
     * for row i < n_rows, which the writer deletes (NULL: out of memory);
     * it may be called more than once for the same i (a table is measured
     * before it is written).  In JSON the rows go where doc holds an empty
     * array at path, which must then be a key of the root. */
    cJSON *(*row)(void *ctx, size_t i);
    void *ctx;
    size_t n_rows;
} effekt_sheet;

/* Write doc in the given format.  Returns EFFEKT_EIO when the stream
 * reports a write error. */
EFFEKT_API effekt_status effekt_output_write(FILE *out, const cJSON *doc, effekt_format format,
                                             const effekt_sheet *sheets, size_t n_sheets);

/* Format a number for people: whole numbers without decimals, large
 * ones with two, small ones with six significant digits. */
EFFEKT_API void effekt_format_number(double v, char *buf, size_t size);

/* The shortest text that strtod reads back to the same bits (trying 1
 * to 17 significant digits, %g style), for machines: whole numbers below
 * 1e17 as plain integers, their exact value ("100", not "1e+02"), -0 as
 * "0".  size 32 is always enough.  Returns -1 and writes "" when v is not finite. */
EFFEKT_API int effekt_format_exact(double v, char *buf, size_t size);

/* Print doc as JSON (indented when formatted) with every number as
 * effekt_format_exact writes it, NaN and infinities as null.  cJSON's
 * own printer loses digits (%.15g with an approximate round-trip test).
 * Returns text the caller frees with free(), or NULL when out of memory.
 * Every JSON effekt writes goes through here. */
EFFEKT_API char *effekt_json_print(const cJSON *doc, int formatted);

/* An unsigned 64-bit integer as a JSON number, exactly (a double holds
 * integers exactly only up to 2^53): a raw item, printed as it is.  NULL
 * when out of memory. */
EFFEKT_API cJSON *effekt_json_uint64(uint64_t v);

/* ---- numbers and figures in the JSON of results: one way for every
 * writer, the library's and the CLI's ---- */

/* key: v; null when NaN; null with key_reason when infinite (an
 * overflow); -0 as 0. */
EFFEKT_API void effekt_json_number(cJSON *o, const char *key, double v);

/* {"value", "lower", "upper"} (limits when either is a number), or
 * {"value": null, "reason"} (reason NULL: "undefined"; infinite: beyond
 * the range of a double).  NULL when out of memory. */
EFFEKT_API cJSON *effekt_json_figure_of(double v, double lower, double upper, const char *reason);

/* How a CSV file was read, as effekt validate writes it and the report
 * keeps it: {"file", "status", "sha256", "encoding", "delimiter", "rows",
 * "columns": [...], "problems": [...]}, the problems from diag->items[from]
 * on; with values, every value of every column.  t may be NULL (not
 * read: no columns).  NULL when out of memory. */
EFFEKT_API cJSON *effekt_validate_json(const char *path, const effekt_table *t, effekt_status st,
                                       const effekt_diag *diag, size_t from, int values);

/* ---- reading JSON (the report's spec, partial summaries) ---- */

/* The largest JSON file read: 2 GiB. */
#define EFFEKT_JSON_MAX_BYTES ((size_t)1 << 31)

/* The whole file ("-": standard input) as a NUL-terminated string the
 * caller frees with free(); NULL with errno set when it cannot be read
 * (ERANGE: larger than max bytes). */
EFFEKT_API char *effekt_file_read(const char *path, size_t max);

/* Parse text as JSON; the document the caller deletes with cJSON_Delete,
 * or NULL after a problem in diag (path, line and column where the JSON
 * goes wrong; nesting deeper than cJSON's limit said as such; an empty
 * text as empty).  path only names the text in the problem. */
EFFEKT_API cJSON *effekt_json_parse(const char *path, const char *text, effekt_diag *diag);

/* The text of a JSON file (effekt_file_read with EFFEKT_JSON_MAX_BYTES),
 * or NULL after a problem "cannot read: why" in diag. */
EFFEKT_API char *effekt_json_read_text(const char *path, effekt_diag *diag);

/* Read and parse a JSON file ("-": standard input) into *out (caller
 * deletes it): EFFEKT_OK, EFFEKT_EIO (unreadable or too large) or
 * EFFEKT_EPARSE, the problem in diag. */
EFFEKT_API effekt_status effekt_json_read(const char *path, cJSON **out, effekt_diag *diag);

/* An output file written to a temporary name in the same folder and
 * renamed over `path` only when complete, so a failed run leaves no
 * partial file.  path NULL or "-" is standard output.  A path that is a
 * device or a pipe (/dev/stdout, /dev/full, a FIFO) is written to
 * directly: a file renamed over it would replace the device. */
typedef struct {
    FILE *stream;
    char *path;
    char *temp;
    int direct;     /* a device or pipe, opened as it is */
} effekt_output;

/* Open; refuses (EFFEKT_EINVAL, message in diag) a path that is one of
 * the inputs.  The inputs may be NULL. */
EFFEKT_API effekt_status effekt_output_open(effekt_output *o, const char *path,
                                            const char *const *inputs, size_t n_inputs,
                                            effekt_diag *diag);
/* Flush, sync and rename into place; on any failure the temporary file
 * is removed and EFFEKT_EIO returned (message in diag). */
EFFEKT_API effekt_status effekt_output_commit(effekt_output *o, effekt_diag *diag);
/* Remove the temporary file. */
EFFEKT_API void effekt_output_abort(effekt_output *o);

#ifdef __cplusplus
}
#endif
#endif
