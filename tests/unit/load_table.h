/* load_table.h — the unit tests' one way to load a bundled CSV file:
 * path relative to $srcdir (make check sets it), default options, and
 * the test fails unless the file loads.  The table is the caller's
 * (effekt_table_destroy). */
#ifndef EFFEKT_TESTS_LOAD_TABLE_H
#define EFFEKT_TESTS_LOAD_TABLE_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "effekt/csv.h"
#include "effekt/diag.h"

static inline effekt_table *load(const char *name)
{
    char path[1024];
    const char *srcdir = getenv("srcdir");
    snprintf(path, sizeof path, "%s/%s", srcdir ? srcdir : ".", name);
    effekt_table *t = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_csv_load_file(path, NULL, &t, &d), EFFEKT_OK);
    effekt_diag_clear(&d);
    return t;
}

#endif
