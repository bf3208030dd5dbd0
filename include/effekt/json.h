/* effekt/json.h — JSON values as effekt writes and reads them.
 *
 * effekt_json is opaque: a JSON value (a document, an object, an array,
 * a number) that the library's writers fill and its printers write, so
 * that a program needs no JSON library of its own.  (Inside libeffekt it
 * is a value of the JSON library libeffekt links; a program that uses
 * that library too may cast a pointer both ways.) */
#ifndef EFFEKT_JSON_H
#define EFFEKT_JSON_H

#include "effekt/export.h"

#include <stddef.h>
#include <stdint.h>

#include "effekt/diag.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct effekt_json effekt_json;

/* A new empty object or array, the caller's: free it with
 * effekt_json_destroy.  NULL when out of memory. */
EFFEKT_API effekt_json *effekt_json_create_object(void);
EFFEKT_API effekt_json *effekt_json_create_array(void);

/* Free j and every value in it (NULL: nothing). */
EFFEKT_API void effekt_json_destroy(effekt_json *j);

/* Print doc as JSON (indented when formatted) with every number as
 * effekt_format_exact writes it, NaN and infinities as null.  the JSON
 * library's own printer loses digits (%.15g with an approximate round-trip test).
 * Returns text the caller frees with free(), or NULL when out of memory.
 * Every JSON effekt writes goes through here. */
EFFEKT_API char *effekt_json_print(const effekt_json *doc, int formatted);

/* An unsigned 64-bit integer as a JSON number, exactly (a double holds
 * integers exactly only up to 2^53): a raw item, printed as it is.  NULL
 * when out of memory. */
EFFEKT_API effekt_json *effekt_json_uint64(uint64_t v);

/* key: v; null when NaN; null with key_reason when infinite (an
 * overflow); -0 as 0. */
EFFEKT_API void effekt_json_number(effekt_json *o, const char *key, double v);

/* {"value", "lower", "upper"} (limits when either is a number), or
 * {"value": null, "reason"} (reason NULL: "undefined"; infinite: beyond
 * the range of a double).  NULL when out of memory. */
EFFEKT_API effekt_json *effekt_json_figure_of(double v, double lower, double upper, const char *reason);

/* How a CSV file was read, as effekt validate writes it and the report
 * keeps it: {"file", "status", "sha256", "encoding", "delimiter", "rows",
 * "columns": [...], "problems": [...]}, the problems from diag->items[from]
 * on; with values, every value of every column.  t may be NULL (not
 * read: no columns).  NULL when out of memory. */
EFFEKT_API effekt_json *effekt_json_validation(const char *path, const effekt_table *t, effekt_status st,
                                         const effekt_diag *diag, size_t from, int values);

/* The largest JSON file read: 2 GiB. */
#define EFFEKT_JSON_MAX_BYTES ((size_t)1 << 31)

/* Parse text as JSON; the document the caller frees with effekt_json_destroy,
 * or NULL after a problem in diag (path, line and column where the JSON
 * goes wrong; nesting deeper than the parser's limit said as such; an empty
 * text as empty).  path only names the text in the problem. */
EFFEKT_API effekt_json *effekt_json_parse(const char *path, const char *text, effekt_diag *diag);

/* The text of a JSON file (at most EFFEKT_JSON_MAX_BYTES; "-": standard input),
 * or NULL after a problem "cannot read: why" in diag. */
EFFEKT_API char *effekt_json_read_text(const char *path, effekt_diag *diag);

/* Read and parse a JSON file ("-": standard input) into *out (the caller's:
 * effekt_json_destroy): EFFEKT_OK, EFFEKT_EIO (unreadable or too large) or
 * EFFEKT_EPARSE, the problem in diag. */
EFFEKT_API effekt_status effekt_json_read(const char *path, effekt_json **out, effekt_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
