/* effekt/survival.h — survival analysis as R's survival package: includes
 * Kaplan–Meier curves (effekt/km.h, survfit) and the log-rank family of
 * tests (effekt/logrank.h, survdiff).  It declares nothing itself. */
#ifndef EFFEKT_SURVIVAL_H
#define EFFEKT_SURVIVAL_H

#include "effekt/km.h"
#include "effekt/logrank.h"

#endif
