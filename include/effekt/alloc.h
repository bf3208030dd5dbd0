/* effekt/alloc.h — allocation failure injection, for tests. */
#ifndef EFFEKT_ALLOC_H
#define EFFEKT_ALLOC_H

#include "effekt/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Allocation failure injection, for tests: while a hook is set, every
 * allocation libeffekt makes first calls fail(ctx, size), and a nonzero
 * answer makes it fail as if memory were exhausted.  Functions then end
 * with EFFEKT_ENOMEM, having freed what they held.  NULL restores normal
 * allocation.  Change it only while no thread is inside the library (the
 * hook itself may be called from the library's worker threads). */
EFFEKT_API void effekt_alloc_set_hook(int (*fail)(void *ctx, size_t size), void *ctx);

#ifdef __cplusplus
}
#endif
#endif
