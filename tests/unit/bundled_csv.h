/* bundled_csv.h — every CSV file the repository bundles (datasets/,
 * tests/data/, tests/data/nist/, the bad-input corpus tests/bad/), read
 * whole and handed to a check: the corpus the unit tests hold each
 * reading path against.  Paths are relative to $srcdir (make check sets
 * it).  Returns how many files were checked. */
#ifndef EFFEKT_TESTS_BUNDLED_CSV_H
#define EFFEKT_TESTS_BUNDLED_CSV_H

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline size_t each_bundled_csv(void (*check)(const char *path, const char *text, size_t size))
{
    static const char *const dirs[] = { "datasets", "tests/data", "tests/data/nist", "tests/bad" };
    const char *srcdir = getenv("srcdir");
    size_t files = 0;
    for (size_t k = 0; k < sizeof dirs / sizeof *dirs; k++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", srcdir ? srcdir : ".", dirs[k]);
        DIR *dp = opendir(dir);
        ck_assert_msg(dp != NULL, "cannot open %s", dir);
        struct dirent *e;
        while ((e = readdir(dp))) {
            size_t len = strlen(e->d_name);
            if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0)
                continue;
            char path[8192];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            FILE *f = fopen(path, "rb");
            ck_assert_ptr_nonnull(f);
            fseek(f, 0, SEEK_END);
            long size = ftell(f);
            rewind(f);
            char *text = malloc((size_t)size + 1);
            ck_assert_ptr_nonnull(text);
            ck_assert_uint_eq(fread(text, 1, (size_t)size, f), (size_t)size);
            fclose(f);
            check(path, text, (size_t)size);
            free(text);
            files++;
        }
        closedir(dp);
    }
    return files;
}

#endif
