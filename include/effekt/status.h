/* effekt/status.h — the status codes every library function returns.
 *
 * Library functions return an effekt_status and deliver results through
 * out-parameters; problems found in the data go to an effekt_diag
 * (effekt/diag.h).  The library never prints and never exits. */
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
EFFEKT_API const char *effekt_status_message(effekt_status status);

/* The short name of a status code, "ok", "enomem", "eio", "eparse",
 * "eencoding", "evalue", "eschema", "einval", "eundef", "elimit" (for
 * machines: JSON, logs), "?" for another value; _parse reads it back
 * (case ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_status_name(effekt_status status);
EFFEKT_API effekt_status effekt_status_parse(const char *name, effekt_status *out);

#ifdef __cplusplus
}
#endif
#endif
