/* effekt/canonical.h — the canonical columns (PRODUCT.md) and the headings, in many
 * languages, that map to them. */
#ifndef EFFEKT_CANONICAL_H
#define EFFEKT_CANONICAL_H

#include "effekt/export.h"

#include "effekt/status.h"
#include "effekt/type.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Canonical columns (PRODUCT.md): name, level and expected type. */
typedef enum {
    EFFEKT_LEVEL_ANY = 0,
    EFFEKT_LEVEL_PROJECT,
    EFFEKT_LEVEL_PARTICIPANT
} effekt_canonical_level;

/* "any", "project", "participant" ("?" for another value); _parse reads
 * them (case ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_canonical_level_name(effekt_canonical_level level);
EFFEKT_API effekt_status effekt_canonical_level_parse(const char *name, effekt_canonical_level *out);

typedef struct {
    const char *name;
    effekt_canonical_level level;
    effekt_type type;       /* expected: TEXT, NUMBER, INTEGER, DATE, BOOLEAN */
    int nonnegative;        /* a negative value is an error */
} effekt_canonical;

/* One heading that maps to a canonical column, in one language. */
typedef struct {
    const char *canonical;  /* canonical name */
    const char *language;   /* ISO 639-1: "da", "de", "en", "fi", "fr", "hr", "lt",
                               "lv", "nl", "no", "pl", "ro", "sv" */
    const char *heading;    /* normalised (effekt_heading_normalise) */
} effekt_canonical_alias;

/* The alias table, ending with a row whose canonical is NULL. */
EFFEKT_API const effekt_canonical_alias *effekt_canonical_aliases(void);

/* The canonical column a source heading maps to, or NULL.  Matching
 * folds case (Latin, Greek, Cyrillic) and runs of space, reads '_' as a
 * space, drops footnote marks (*, ¹, (1)) and a unit tail (see
 * effekt_heading_unit); a bilingual heading split on '/', on runs of
 * three or more spaces or on a line break matches by either part. */
EFFEKT_API const effekt_canonical *effekt_canonical_match(const char *heading);

/* The canonical column of this name, or NULL. */
EFFEKT_API const effekt_canonical *effekt_canonical_find(const char *name);

/* All canonical columns, ending with an entry whose name is NULL. */
EFFEKT_API const effekt_canonical *effekt_canonical_all(void);

#ifdef __cplusplus
}
#endif
#endif
