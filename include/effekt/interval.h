/* effekt/interval.h — intervals of a binomial proportion (Wilson, Clopper-Pearson,
 * Agresti-Coull), each as the R function it agrees with. */
#ifndef EFFEKT_INTERVAL_H
#define EFFEKT_INTERVAL_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_INTERVAL_WILSON = 0,   /* prop.test(x, n, correct = FALSE)$conf.int */
    EFFEKT_INTERVAL_CLOPPER_PEARSON, /* binom.test(x, n)$conf.int */
    EFFEKT_INTERVAL_AGRESTI_COULL /* p~ = (x + z^2/2)/(n + z^2), p~ -/+ z sqrt(p~(1-p~)/(n + z^2)) */
} effekt_interval_method;

/* _parse reads wilson, clopper-pearson (cp, exact), agresti-coull (ac),
 * case ignored, and the labels _name gives ("Wilson score", "Clopper-Pearson
 * (exact)", "Agresti-Coull"; "?" for another value), so the two are
 * inverse; EFFEKT_EINVAL for another name or NULL. */
EFFEKT_API effekt_status effekt_interval_parse(const char *name, effekt_interval_method *out);
EFFEKT_API const char *effekt_interval_name(effekt_interval_method m);

/* A binomial proportion's interval; NaN when n is 0. */
EFFEKT_API void effekt_interval_binomial(double x, double n, double confidence, effekt_interval_method method,
                                         double *lower, double *upper);

/* Wilson score interval for x successes in n trials at the given level
 * (as R's prop.test(x, n, correct = FALSE)$conf.int). */
EFFEKT_API void effekt_interval_wilson(double x, double n, double confidence, double *lower, double *upper);

#ifdef __cplusplus
}
#endif
#endif
