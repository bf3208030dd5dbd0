/* bench_load FILE [REPEATS] — load a CSV with libeffekt (all columns,
 * typed) and print the best time and the throughput in MB/s. */
#include <stdio.h>
#include <stdlib.h>
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
    struct stat st;
    if (stat(argv[1], &st) != 0) {
        perror(argv[1]);
        return 2;
    }
    double best = 1e300;
    size_t rows = 0, cols = 0;
    for (int r = 0; r < repeats; r++) {
        effekt_diag diag;
        effekt_diag_init(&diag);
        effekt_table *t = NULL;
        double t0 = now();
        effekt_status s = effekt_csv_load_file(argv[1], NULL, &t, &diag);
        double dt = now() - t0;
        if (s != EFFEKT_OK) {
            fprintf(stderr, "load failed: %s\n", effekt_strerror(s));
            return 1;
        }
        rows = t->n_rows;
        cols = t->n_columns;
        effekt_table_destroy(t);
        effekt_diag_free(&diag);
        if (dt < best)
            best = dt;
    }
    printf("load %s: %zu rows x %zu columns, %.1f MB, best of %d: %.3f s = %.0f MB/s\n", argv[1], rows,
           cols, st.st_size / 1e6, repeats, best, st.st_size / 1e6 / best);
    return 0;
}
