/* gen_bench N — a participant-level CSV of N rows and 9 columns (about
 * 43 bytes a row), the same on every machine (fixed seed), for the
 * benchmarks. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 42;

static uint64_t next(void)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    puts("project_id,participant_id,age,gender,days_to_job,days_employed,placed,still_employed,cost");
    for (long i = 0; i < n; i++) {
        uint64_t r = next();
        int project = (int)(r % 50);
        int placed = (r >> 8) % 10 < 6;
        printf("P%02d,%ld,%d,%c,%d,%d,%d,%d,%.2f\n", project, i + 1, 20 + (int)((r >> 16) % 45),
               (r >> 24) & 1 ? 'f' : 'm', placed ? 1 + (int)((r >> 28) % 400) : 0,
               placed ? (int)((r >> 40) % 1500) : 0, placed, placed && ((r >> 52) & 1),
               (double)((r >> 20) % 10000000) / 100.0);
    }
    return 0;
}
