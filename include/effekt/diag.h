/* effekt/diag.h — diagnostics: the problems found in the data (a bad value, a
 * ragged row), collected so that a caller can show all of them, each with
 * file, line, column, column name and the offending value.  The library
 * never prints. */
#ifndef EFFEKT_DIAG_H
#define EFFEKT_DIAG_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/hint.h"
#include "effekt/severity.h"
#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One problem.  line and column are 1-based physical positions in the
 * file (column = field number); 0 means "not applicable".  All strings
 * are owned by the effekt_diag that holds the problem. */
typedef struct {
    effekt_severity severity;
    char *file;
    size_t line;
    size_t column;
    char *column_name;
    char *value;
    char *message;
    effekt_hint hint;   /* EFFEKT_HINT_NONE unless set by effekt_diag_hint */
} effekt_diag_problem;

/* A growing list of problems.  Zero-initialise it (or call
 * effekt_diag_init) before use; effekt_diag_clear releases everything. */
typedef struct {
    effekt_diag_problem *items;
    size_t n;
    size_t cap;
    size_t n_by_severity[3];
    size_t dropped;     /* problems not stored because max_items was reached */
    size_t max_items;   /* 0: the default limit (1000) */
} effekt_diag;

EFFEKT_API void effekt_diag_init(effekt_diag *diag);
EFFEKT_API void effekt_diag_clear(effekt_diag *diag);

/* Add a problem; every string argument may be NULL and is copied.
 * Returns EFFEKT_ENOMEM if the copy failed (the problem is then lost). */
EFFEKT_API effekt_status effekt_diag_add(effekt_diag *diag, effekt_severity severity,
                                         const char *file, size_t line, size_t column,
                                         const char *column_name, const char *value,
                                         const char *fmt, ...)
               __attribute__((format(printf, 8, 9)));

/* Set the hint of the problem added last (nothing when it was dropped). */
EFFEKT_API void effekt_diag_hint(effekt_diag *diag, effekt_hint hint);

/* Number of problems of one severity, including dropped ones. */
EFFEKT_API size_t effekt_diag_count(const effekt_diag *diag, effekt_severity severity);

/* Format a problem as "file:line:column: message" into buf (always NUL
 * terminated, truncated to size).  Returns the length it wanted. */
EFFEKT_API size_t effekt_diag_problem_format(const effekt_diag_problem *p, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
