/* effekt/risk.h — two proportions compared: their difference and their ratio,
 * each with an interval. */
#ifndef EFFEKT_RISK_H
#define EFFEKT_RISK_H

#include "effekt/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Difference p1 - p2 of two proportions with Newcombe's (1998) hybrid
 * score interval (his method 10) from the Wilson limits [l, u] of each:
 * d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
 * (Epi::ci.pd, method "Nc").  All NaN when a group has no trials. */
EFFEKT_API void effekt_risk_difference(double x1, double n1, double x2, double n2, double confidence,
                                       double *diff, double *lower, double *upper);

/* The ratio p1 / p2 with the Katz log interval
 * exp(log(r) -/+ z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)): NaN when x2 = 0 or a
 * group has no trials; the ratio 0 without an interval when x1 = 0 (the
 * log interval needs events in both groups). */
EFFEKT_API void effekt_risk_ratio(double x1, double n1, double x2, double n2, double confidence,
                                  double *ratio, double *lower, double *upper);

#ifdef __cplusplus
}
#endif
#endif
