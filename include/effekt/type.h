/* effekt/type.h — the types of a table's columns. */
#ifndef EFFEKT_TYPE_H
#define EFFEKT_TYPE_H

#include "effekt/export.h"

#include "effekt/status.h"

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
EFFEKT_API const char *effekt_type_name(effekt_type type);
/* The type of that name (case ignored): EFFEKT_OK, or EFFEKT_EINVAL for
 * another name or NULL. */
EFFEKT_API effekt_status effekt_type_parse(const char *name, effekt_type *out);

#ifdef __cplusplus
}
#endif
#endif
