/* effekt/adjust.h — adjusted p-values for multiple comparisons, as R's p.adjust. */
#ifndef EFFEKT_ADJUST_H
#define EFFEKT_ADJUST_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { EFFEKT_ADJUST_HOLM = 0, EFFEKT_ADJUST_BH, EFFEKT_ADJUST_NONE } effekt_adjust_method;

EFFEKT_API effekt_status effekt_adjust_parse(const char *name, effekt_adjust_method *out);
/* R's name of the method, "holm", "BH", "none" ("?" for another value),
 * which effekt_adjust_parse reads. */
EFFEKT_API const char *effekt_adjust_name(effekt_adjust_method method);

/* p.adjust(p, "holm" | "BH" | "none") into adjusted[0..m).  As in R, a
 * NaN p-value (a test that could not be done) stays NaN and does not
 * count among the m tests. */
EFFEKT_API effekt_status effekt_adjust_p(const double *p, size_t m, effekt_adjust_method method, double *adjusted);

#ifdef __cplusplus
}
#endif
#endif
