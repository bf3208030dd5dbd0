/* Allocation in libeffekt, with a failure injection hook for tests.
 *
 * Every allocation of the library goes through these, so a test can make
 * the n-th one fail and check that each function then ends with
 * EFFEKT_ENOMEM (or its documented partial result), frees what it had,
 * and never crashes.  Memory stays the C library's: free() releases it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "effekt/alloc.h"
#include "effekt/status.h"
#include "lib_alloc.h"

static int (*fail_hook)(void *ctx, size_t size);
static void *fail_ctx;

void effekt_alloc_set_hook(int (*fail)(void *ctx, size_t size), void *ctx)
{
    fail_hook = fail;
    fail_ctx = ctx;
}

static int refused(size_t size)
{
    return fail_hook && fail_hook(fail_ctx, size);
}

void *effekt_malloc(size_t size)
{
    return refused(size) ? NULL : malloc(size);
}

void *effekt_calloc(size_t n, size_t size)
{
    return refused(n * size) ? NULL : calloc(n, size);
}

void *effekt_realloc(void *p, size_t size)
{
    return refused(size) ? NULL : realloc(p, size);
}

void *effekt_aligned_alloc(size_t alignment, size_t size)
{
    return refused(size) ? NULL : aligned_alloc(alignment, size);
}

char *effekt_strdup(const char *s)
{
    return refused(strlen(s) + 1) ? NULL : strdup(s);
}
