/* effekt/hint.h — what a problem concerns or advises, for a caller to say in its
 * own words (a flag on the command line, a key in a report spec). */
#ifndef EFFEKT_HINT_H
#define EFFEKT_HINT_H

#include "effekt/export.h"

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

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
    EFFEKT_HINT_PAIRWISE_LIMIT, /* pairs are made up to a number of groups, which can be raised */
    EFFEKT_HINT_SUM_BY         /* rows of one project could be summed into one by a column */
} effekt_hint;

/* "none", "by", "outcome", ..., "pairwise-none", "pairwise-limit" ("?" for
 * another value); _parse reads them (case ignored), EFFEKT_EINVAL for
 * another name. */
EFFEKT_API const char *effekt_hint_name(effekt_hint hint);
EFFEKT_API effekt_status effekt_hint_parse(const char *name, effekt_hint *out);

#ifdef __cplusplus
}
#endif
#endif
