/* bench_load FILE [REPEATS [one-core]] — load a CSV with libeffekt (all
 * columns, typed) and print the best time and the throughput in MB/s.
 * "one-core" loads the file from memory, which reads it in one part on
 * one core (the file loader splits large files over two). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "effekt/csv.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_load FILE [REPEATS]\n");
        return 2;
    }
    int repeats = argc > 2 ? atoi(argv[2]) : 5;
    int one_core = argc > 3 && strcmp(argv[3], "one-core") == 0;
    struct stat st;
    if (stat(argv[1], &st) != 0) {
        perror(argv[1]);
        return 2;
    }
    char *mem = NULL;
    if (one_core) {
        FILE *f = fopen(argv[1], "rb");
        mem = malloc((size_t)st.st_size + 1);
        if (!f || !mem || fread(mem, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
            perror(argv[1]);
            return 2;
        }
        fclose(f);
    }
    double best = 1e300;
    size_t rows = 0, cols = 0;
    for (int r = 0; r < repeats; r++) {
        effekt_diag diag;
        effekt_diag_init(&diag);
        effekt_table *t = NULL;
        double t0 = now();
        effekt_status s = one_core ? effekt_csv_load_buffer(mem, (size_t)st.st_size, argv[1], NULL, &t, &diag)
                                   : effekt_csv_load_file(argv[1], NULL, &t, &diag);
        double dt = now() - t0;
        if (s != EFFEKT_OK) {
            fprintf(stderr, "load failed: %s\n", effekt_status_message(s));
            return 1;
        }
        rows = t->n_rows;
        cols = t->n_columns;
        effekt_table_destroy(t);
        effekt_diag_clear(&diag);
        if (dt < best)
            best = dt;
    }
    printf("load %s%s: %zu rows x %zu columns, %.1f MB, best of %d: %.3f s = %.0f MB/s\n", argv[1],
           one_core ? " (from memory, one core)" : "", rows, cols, st.st_size / 1e6, repeats, best,
           st.st_size / 1e6 / best);
    free(mem);
    return 0;
}
