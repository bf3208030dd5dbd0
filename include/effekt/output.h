/* effekt/output.h — one writer for every command: table, CSV or JSON,
 * and output files that appear whole or not at all.
 *
 * A command builds its result as a JSON document (effekt/json.h).  JSON
 * output prints it; table and CSV output print the arrays of objects
 * named by `sheets` (dotted paths such as "projects" or
 * "files.0.columns"), one row per object, one column per key.  A value that is an object with "value"
 * (and optionally "lower", "upper", "reason") is a figure with its
 * interval or the reason it is undefined. */
#ifndef EFFEKT_OUTPUT_H
#define EFFEKT_OUTPUT_H

#include "effekt/export.h"

#include <stdint.h>
#include <stdio.h>

#include "effekt/diag.h"
#include "effekt/format.h"
#include "effekt/json.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A sheet borrows its strings and ctx: they must live while
 * effekt_output_write runs. */
typedef struct {
    const char *path;    /* array of objects, dotted path from the root */
    const char *title;   /* printed above the table (table format only) */
    /* Optional, for sheets too long to hold as one document (a million steps of a
     * curve): rows made one at a time.  row(ctx, i) returns a new object
     * for row i < n_rows, which the writer deletes (NULL: out of memory);
     * it may be called more than once for the same i (a table is measured
     * before it is written).  In JSON the rows go where doc holds an empty
     * array at path, which must then be a key of the root. */
    effekt_json *(*row)(void *ctx, size_t i);
    void *ctx;
    size_t n_rows;
} effekt_output_sheet;

/* Write doc in the given format.  Returns EFFEKT_EIO when the stream
 * reports a write error. */
EFFEKT_API effekt_status effekt_output_write(FILE *out, const effekt_json *doc, effekt_format format,
                                             const effekt_output_sheet *sheets, size_t n_sheets);

/* An output file written to a temporary name in the same folder and
 * renamed over `path` only when complete, so a failed run leaves no
 * partial file.  path NULL or "-" is standard output.  A path that is a
 * device or a pipe (/dev/stdout, /dev/full, a FIFO) is written to
 * directly: a file renamed over it would replace the device.  The
 * struct is the caller's; its strings and stream are released by
 * effekt_output_commit or effekt_output_abort. */
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
