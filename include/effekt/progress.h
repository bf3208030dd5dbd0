/* effekt/progress.h — progress of long work, reported to a caller's function. */
#ifndef EFFEKT_PROGRESS_H
#define EFFEKT_PROGRESS_H

#include "effekt/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Progress of long work (reading a large file, resampling): fn, when not
 * NULL, is called now and then on the thread that started the work, with
 * the units done and the total (0 when the total is unknown). */
typedef struct {
    void (*fn)(void *ctx, unsigned long long done, unsigned long long total);
    void *ctx;
} effekt_progress;

#ifdef __cplusplus
}
#endif
#endif
