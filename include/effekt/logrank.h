/* effekt/logrank.h — the G-rho family of tests between survival curves (log-rank,
 * Peto & Peto), as R's survdiff. */
#ifndef EFFEKT_LOGRANK_H
#define EFFEKT_LOGRANK_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The G-rho family of tests between k groups (group[i] in 0..k-1), as
 * survdiff(rho = rho): rho 0 is the log-rank test, rho 1 Peto & Peto.
 * Groups with no expected events are left out, as below. */
EFFEKT_API effekt_status effekt_logrank(const double *time, const double *event, const size_t *group, size_t n,
                                        size_t k, double rho, double *chisq, double *df, double *p);

/* The same, and the expected (weighted) events of each group in
 * expected[0..k) (caller's array of k, or NULL), survdiff's $exp.  As
 * survdiff, a group with no expected events (none of it at risk at any
 * event time: all censored before the first event, or empty) is left out
 * of the test, and df is the groups kept - 1; a 0 in expected says which.
 * EFFEKT_EUNDEF when fewer than two groups are kept. */
EFFEKT_API effekt_status effekt_logrank_expected(const double *time, const double *event, const size_t *group, size_t n,
                                                 size_t k, double rho, double *expected, double *chisq, double *df,
                                                 double *p);

#ifdef __cplusplus
}
#endif
#endif
