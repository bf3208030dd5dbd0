/* lib_alloc.h — the library's allocation functions (alloc.c): the C
 * library's, unless a test has set a failure hook
 * (effekt_alloc_set_hook). */
#ifndef EFFEKT_LIB_ALLOC_H
#define EFFEKT_LIB_ALLOC_H

#include <stddef.h>

void *effekt_malloc(size_t size);
void *effekt_calloc(size_t n, size_t size);
void *effekt_realloc(void *p, size_t size);
void *effekt_aligned_alloc(size_t alignment, size_t size);
char *effekt_strdup(const char *s);

#endif
