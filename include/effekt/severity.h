/* effekt/severity.h — how serious a problem in the diagnostics is. */
#ifndef EFFEKT_SEVERITY_H
#define EFFEKT_SEVERITY_H

#include "effekt/export.h"

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_NOTE = 0,  /* information: how the input was read */
    EFFEKT_WARNING,   /* suspicious data; the analysis still ran */
    EFFEKT_ERROR      /* the input cannot be used as it is */
} effekt_severity;

/* "note", "warning", "error" ("?" for another value); _parse reads them
 * (case ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_severity_name(effekt_severity severity);
EFFEKT_API effekt_status effekt_severity_parse(const char *name, effekt_severity *out);

#ifdef __cplusplus
}
#endif
#endif
