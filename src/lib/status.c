/* Status codes and the diagnostic list. */
#include "config.h"

#include "lib_alloc.h"
#include "lib_gsl.h"
#include "lib_enum.h"

#include <gsl/gsl_errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/alloc.h"
#include "effekt/diag.h"
#include "effekt/status.h"
#include "effekt/version.h"

const char *effekt_status_message(effekt_status status)
{
    switch (status) {
    case EFFEKT_OK:        return "success";
    case EFFEKT_ENOMEM:    return "out of memory";
    case EFFEKT_EIO:       return "input/output error";
    case EFFEKT_EPARSE:    return "malformed input";
    case EFFEKT_EENCODING: return "invalid text encoding";
    case EFFEKT_EVALUE:    return "invalid value";
    case EFFEKT_ESCHEMA:   return "invalid table layout";
    case EFFEKT_EINVAL:    return "invalid argument";
    case EFFEKT_EUNDEF:    return "undefined result";
    case EFFEKT_ELIMIT:    return "limit exceeded";
    }
    return "unknown status";
}

void effekt_diag_init(effekt_diag *diag)
{
    memset(diag, 0, sizeof *diag);
}

void effekt_diag_clear(effekt_diag *diag)
{
    for (size_t i = 0; i < diag->n; i++) {
        effekt_diag_problem *p = &diag->items[i];
        free(p->file);
        free(p->column_name);
        free(p->value);
        free(p->message);
    }
    free(diag->items);
    memset(diag, 0, sizeof *diag);
}

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *d = effekt_strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

effekt_status effekt_diag_add(effekt_diag *diag, effekt_severity severity,
                              const char *file, size_t line, size_t column,
                              const char *column_name, const char *value,
                              const char *fmt, ...)
{
    size_t limit = diag->max_items ? diag->max_items : 1000;
    diag->n_by_severity[severity]++;
    if (diag->n >= limit) {
        diag->dropped++;
        return EFFEKT_OK;
    }
    if (diag->n == diag->cap) {
        size_t cap = diag->cap ? diag->cap * 2 : 8;
        effekt_diag_problem *items = effekt_realloc(diag->items, cap * sizeof *items);
        if (!items)
            return EFFEKT_ENOMEM;
        diag->items = items;
        diag->cap = cap;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);

    int failed = 0;
    effekt_diag_problem p = {
        .severity = severity,
        .file = dup_or_null(file, &failed),
        .line = line,
        .column = column,
        .column_name = dup_or_null(column_name, &failed),
        .value = dup_or_null(value, &failed),
        .message = dup_or_null(msg, &failed),
    };
    if (failed) {
        free(p.file);
        free(p.column_name);
        free(p.value);
        free(p.message);
        return EFFEKT_ENOMEM;
    }
    diag->items[diag->n++] = p;
    return EFFEKT_OK;
}

size_t effekt_diag_count(const effekt_diag *diag, effekt_severity severity)
{
    return diag->n_by_severity[severity];
}

size_t effekt_diag_problem_format(const effekt_diag_problem *p, char *buf, size_t size)
{
    static const char *const label[] = { "note", "warning", "error" };
    char where[512] = "";
    if (p->file && p->line && p->column)
        snprintf(where, sizeof where, "%s:%zu:%zu: ", p->file, p->line, p->column);
    else if (p->file && p->line)
        snprintf(where, sizeof where, "%s:%zu: ", p->file, p->line);
    else if (p->file)
        snprintf(where, sizeof where, "%s: ", p->file);
    int n = snprintf(buf, size, "%s%s: %s", where, label[p->severity],
                     p->message ? p->message : "");
    return n < 0 ? 0 : (size_t)n;
}

void effekt_diag_hint(effekt_diag *diag, effekt_hint hint)
{
    if (diag && diag->n && !diag->dropped)
        diag->items[diag->n - 1].hint = hint;
}

static const char *const hint_names[] = {
    [EFFEKT_HINT_NONE] = "none",         [EFFEKT_HINT_BY] = "by",
    [EFFEKT_HINT_OUTCOME] = "outcome",   [EFFEKT_HINT_VALUE] = "value",
    [EFFEKT_HINT_RATIO] = "ratio",       [EFFEKT_HINT_FROM] = "from",
    [EFFEKT_HINT_TO] = "to",             [EFFEKT_HINT_CENSOR] = "censor",
    [EFFEKT_HINT_CENSOR_DATE] = "censor-date", [EFFEKT_HINT_TIME] = "time",
    [EFFEKT_HINT_EVENT] = "event",       [EFFEKT_HINT_PAIRWISE_NONE] = "pairwise-none",
    [EFFEKT_HINT_PAIRWISE_LIMIT] = "pairwise-limit", [EFFEKT_HINT_SUM_BY] = "sum-by",
};

EFFEKT_ENUM_FUNCTIONS(effekt_hint_name, effekt_hint_parse, effekt_hint, hint_names)

static void gsl_handler_off(void)
{
    gsl_set_error_handler_off();
}

void effekt_gsl_errors_off(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, gsl_handler_off);
}

const char *effekt_enum_name(const char *const *names, size_t n, int value)
{
    return value >= 0 && (size_t)value < n ? names[value] : "?";
}

effekt_status effekt_enum_parse(const char *const *names, size_t n, const char *name, int *out)
{
    for (size_t i = 0; name && i < n; i++)
        if (strcasecmp(name, names[i]) == 0) {
            *out = (int)i;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

static const char *const status_names[] = { "ok", "enomem", "eio", "eparse", "eencoding", "evalue", "eschema", "einval", "eundef", "elimit" };

EFFEKT_ENUM_FUNCTIONS(effekt_status_name, effekt_status_parse, effekt_status, status_names)

static const char *const severity_names[] = { "note", "warning", "error" };

EFFEKT_ENUM_FUNCTIONS(effekt_severity_name, effekt_severity_parse, effekt_severity, severity_names)

const char *effekt_version(void)
{
    return PACKAGE_VERSION;
}
