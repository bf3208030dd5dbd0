/* effekt/status.h — status codes and diagnostics shared by every module.
 *
 * Library functions return an effekt_status and deliver results through
 * out-parameters.  Problems found in the data (a bad value, a ragged row)
 * are collected in an effekt_diag so a caller can show all of them, each
 * with file, line, column, column name and the offending value.  The
 * library never prints and never exits. */
#ifndef EFFEKT_STATUS_H
#define EFFEKT_STATUS_H

#include "effekt/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_OK = 0,
    EFFEKT_ENOMEM,    /* allocation failed */
    EFFEKT_EIO,       /* a file could not be read or written */
    EFFEKT_EPARSE,    /* malformed CSV or JSON */
    EFFEKT_EENCODING, /* bytes that are not text in the stated encoding */
    EFFEKT_EVALUE,    /* a value of the wrong type or out of range */
    EFFEKT_ESCHEMA,   /* ragged rows, duplicate or missing columns */
    EFFEKT_EINVAL,    /* a bad argument or option */
    EFFEKT_EUNDEF,    /* a result is undefined (reason given) */
    EFFEKT_ELIMIT     /* a stated limit was exceeded */
} effekt_status;

/* A constant English description of a status code. */
EFFEKT_API const char *effekt_strerror(effekt_status status);

/* The short name of a status code, "ok", "enomem", "eio", "eparse",
 * "eencoding", "evalue", "eschema", "einval", "eundef", "elimit" (for
 * machines: JSON, logs), "?" for another value; _parse reads it back
 * (case ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_status_name(effekt_status status);
EFFEKT_API effekt_status effekt_status_parse(const char *name, effekt_status *out);

typedef enum {
    EFFEKT_NOTE = 0,  /* information: how the input was read */
    EFFEKT_WARNING,   /* suspicious data; the analysis still ran */
    EFFEKT_ERROR      /* the input cannot be used as it is */
} effekt_severity;

/* What a problem concerns or advises, for a caller to say in its own
 * words: the command line names its flag, a report its spec key.  The
 * library's messages name columns and values, never options.  The role
 * hints say which analysis input a column was given as; the advice hints
 * name the setting that would change what was done. */
typedef enum {
    EFFEKT_HINT_NONE = 0,
    EFFEKT_HINT_BY,            /* the grouping column(s) */
    EFFEKT_HINT_OUTCOME,       /* the outcome column of rates */
    EFFEKT_HINT_VALUE,         /* the value column compared */
    EFFEKT_HINT_RATIO,         /* the numerator or denominator column */
    EFFEKT_HINT_FROM,          /* a spell's start date column */
    EFFEKT_HINT_TO,            /* a spell's end date column */
    EFFEKT_HINT_CENSOR,        /* the follow-up date column */
    EFFEKT_HINT_CENSOR_DATE,   /* the one follow-up date */
    EFFEKT_HINT_TIME,          /* the time column */
    EFFEKT_HINT_EVENT,         /* the event column */
    EFFEKT_HINT_PAIRWISE_NONE, /* pairs were not asked for */
    EFFEKT_HINT_PAIRWISE_LIMIT /* pairs are made up to a number of groups, which can be raised */
} effekt_hint;

/* "by", "outcome", ..., "pairwise-none", "pairwise-limit"; "none". */
/* The version of libeffekt, "0.1.0": for captions and provenance. */
EFFEKT_API const char *effekt_version(void);

EFFEKT_API const char *effekt_hint_name(effekt_hint hint);

/* "note", "warning", "error" ("?" for another value); _parse reads them
 * (case ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_severity_name(effekt_severity severity);
EFFEKT_API effekt_status effekt_severity_parse(const char *name, effekt_severity *out);

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
} effekt_problem;

/* A growing list of problems.  Zero-initialise it (or call
 * effekt_diag_init) before use; effekt_diag_free releases everything. */
typedef struct {
    effekt_problem *items;
    size_t n;
    size_t cap;
    size_t n_by_severity[3];
    size_t dropped;     /* problems not stored because max_items was reached */
    size_t max_items;   /* 0: the default limit (1000) */
} effekt_diag;

EFFEKT_API void effekt_diag_init(effekt_diag *diag);
EFFEKT_API void effekt_diag_free(effekt_diag *diag);

/* Add a problem; every string argument may be NULL and is copied.
 * Returns EFFEKT_ENOMEM if the copy failed (the problem is then lost). */
EFFEKT_API effekt_status effekt_diag_add(effekt_diag *diag, effekt_severity severity,
                                         const char *file, size_t line, size_t column,
                                         const char *column_name, const char *value,
                                         const char *fmt, ...)
               __attribute__((format(printf, 8, 9)));

/* Set the hint of the problem added last (nothing when it was dropped). */
EFFEKT_API void effekt_diag_hint(effekt_diag *diag, effekt_hint hint);

/* Progress of long work (reading a large file, resampling): fn, when not
 * NULL, is called now and then on the thread that started the work, with
 * the units done and the total (0 when the total is unknown). */
typedef struct {
    void (*fn)(void *ctx, unsigned long long done, unsigned long long total);
    void *ctx;
} effekt_progress;

/* Allocation failure injection, for tests: while a hook is set, every
 * allocation libeffekt makes first calls fail(ctx, size), and a nonzero
 * answer makes it fail as if memory were exhausted.  Functions then end
 * with EFFEKT_ENOMEM, having freed what they held.  NULL restores normal
 * allocation.  Change it only while no thread is inside the library (the
 * hook itself may be called from the library's worker threads). */
EFFEKT_API void effekt_set_alloc_hook(int (*fail)(void *ctx, size_t size), void *ctx);

/* Number of problems of one severity, including dropped ones. */
EFFEKT_API size_t effekt_diag_count(const effekt_diag *diag, effekt_severity severity);

/* Format a problem as "file:line:column: message" into buf (always NUL
 * terminated, truncated to size).  Returns the length it wanted. */
EFFEKT_API size_t effekt_problem_format(const effekt_problem *p, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
