/* effekt/deflator.h — a price index by year (a user's CSV: year, index), to restate
 * amounts in one year's prices.  No index is shipped. */
#ifndef EFFEKT_DEFLATOR_H
#define EFFEKT_DEFLATOR_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Owns its arrays: filled by effekt_deflator_load, freed by
 * effekt_deflator_clear. */
typedef struct {
    long *year;
    double *index;
    size_t n;
} effekt_deflator;

/* A deflator from a CSV with columns year, index. */
EFFEKT_API effekt_status effekt_deflator_load(const char *path, effekt_deflator *out, effekt_diag *diag);
EFFEKT_API void effekt_deflator_clear(effekt_deflator *d);

/* index(to_year) / index(from_year), or a reason. */
EFFEKT_API effekt_status effekt_deflator_factor(const effekt_deflator *d, long from_year, long to_year,
                                                double *factor, char *reason, size_t reason_size);

#ifdef __cplusplus
}
#endif
#endif
