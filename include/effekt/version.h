/* effekt/version.h — the version of libeffekt. */
#ifndef EFFEKT_VERSION_H
#define EFFEKT_VERSION_H

#include "effekt/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of libeffekt, "0.1.0": for captions and provenance. */
EFFEKT_API const char *effekt_version(void);

#ifdef __cplusplus
}
#endif
#endif
