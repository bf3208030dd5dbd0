/* effekt/spells.h — spells (time, event) from a participant table: from date
 * columns with censoring, or from ready time and event columns; the one
 * spell builder retention and the Kaplan–Meier chart use. */
#ifndef EFFEKT_SPELLS_H
#define EFFEKT_SPELLS_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/diag.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where spells come from.  Strings are borrowed (read during the call).
 * From dates (time unset): a spell runs from `from` to `to` (the event),
 * censored at `censor` or at the one date censor_date (text such as
 * 2022-12-31; it wins when set).  From ready columns: `time` (>= 0) and
 * `event` (0 or 1).  Rows without a start, or without an end and a
 * follow-up, or starting after the one follow-up date, are excluded and
 * counted. */
typedef struct {
    const char *by;            /* NULL: one group "all" */
    const char *from, *to, *censor, *censor_date;   /* NULL: placed_date, job_end_date, followup_date */
    const char *time, *event;  /* both or neither */
} effekt_spells_options;

typedef struct {
    double *time, *event;      /* by spell */
    size_t *group;             /* by spell: the group id */
    size_t n;                  /* spells */
    size_t excluded;           /* rows not in the analysis */
    char **labels;             /* by group (in the order of the file) */
    size_t n_groups;
    size_t *row;               /* by spell: its row of the table (covariates of a Cox model) */
} effekt_spells;

/* The spells of t.  EFFEKT_EINVAL (each problem in diag, with the option
 * concerned as its hint) when a column is not there or of the wrong type,
 * a censor date is not a date, or only one of time and event is given;
 * EFFEKT_EVALUE (its line and column) for a spell ending before it starts,
 * a follow-up before the start, a negative time or an event not 0/1.  On
 * success *out is the caller's (effekt_spells_destroy); else NULL. */
EFFEKT_API effekt_status effekt_spells_build(const effekt_table *t, const effekt_spells_options *o, effekt_spells **out,
                                  effekt_diag *diag);
EFFEKT_API void effekt_spells_destroy(effekt_spells *s);

#ifdef __cplusplus
}
#endif
#endif
