/* Check suite: two analyses at once on two threads give what each gives
 * alone.  The library keeps no state between calls (no static or
 * thread-local sort context, no GSL error handler swapped around a call),
 * so the results must be bit for bit those of a single thread.  Each
 * thread works on its own data, so a shared sort context would sort one
 * thread's indexes by the other's values.  The reference for every value
 * is the same function run alone on the same data (its correctness
 * against R is tested in test_stats, test_compare and test_survival);
 * tolerance 0: equal bits.  make check-sanitizers runs it under ASan and
 * UBSan; tests/threads-tsan.sh under ThreadSanitizer. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/compare.h"
#include "effekt/csv.h"
#include "effekt/stats.h"
#include "effekt/survival.h"
#include "effekt/test.h"

enum { N_DESCRIBE = 4000, N_P = 2000, N_MW = 300, N_KM = 600, N_ROWS = 400, ITERATIONS = 200 };

typedef struct {
    double describe_mean, describe_sd, describe_median, describe_q1, describe_p90;
    double adjusted[N_P];
    double w, mw_p, mw_estimate;
    double chisq, df, p;
    size_t duplicates, first_line;
} results;

typedef struct {
    uint64_t state;
    double x[N_DESCRIBE], work[N_DESCRIBE];
    double pvalues[N_P];
    double a[N_MW], b[N_MW];
    double time[N_KM], event[N_KM];
    size_t group[N_KM];
    char *csv;
    size_t csv_len;
    results want;
    int mismatches;
    const char *first_mismatch;
} job;

static double uniform(job *j)   /* splitmix64 in (0, 1) */
{
    uint64_t z = (j->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return ((double)(z >> 11) + 0.5) / 9007199254740992.0;
}

static void make_data(job *j, uint64_t seed)
{
    j->state = seed;
    for (size_t i = 0; i < N_DESCRIBE; i++)
        j->x[i] = floor(100000 * uniform(j)) / 100;
    for (size_t i = 0; i < N_P; i++)
        j->pvalues[i] = uniform(j) < 0.05 ? NAN : uniform(j) * uniform(j);
    for (size_t i = 0; i < N_MW; i++) {
        j->a[i] = floor(50 * uniform(j));   /* ties: the normal approximation with their correction */
        j->b[i] = floor(50 * uniform(j)) + 3;
    }
    for (size_t i = 0; i < N_KM; i++) {
        j->group[i] = i % 3;
        j->time[i] = floor(365 * uniform(j) * (1 + 0.3 * (double)j->group[i])) + 1;
        j->event[i] = uniform(j) < 0.7;
    }
    /* a project-level file with repeated ids: loading it sorts the rows by
     * id to report each duplicate with its first line */
    size_t cap = N_ROWS * 48 + 64, len = 0;
    j->csv = malloc(cap);
    ck_assert_ptr_nonnull(j->csv);
    len += (size_t)snprintf(j->csv + len, cap - len, "project_id,name,total_cost\n");
    for (size_t r = 0; r < N_ROWS; r++)
        len += (size_t)snprintf(j->csv + len, cap - len, "P%u,Project %zu,%u\n",
                                (unsigned)(uniform(j) * N_ROWS * 4), r, (unsigned)(uniform(j) * 1e6));
    j->csv_len = len;
}

static void analyse(job *j, results *r)
{
    effekt_stats_options opt = { .confidence = 0.95, .quantile_type = 7, .n_percentiles = 1,
                                    .percentiles = { 90 }, .decimals = -1 };
    effekt_stats_summary s;
    memset(r, 0, sizeof *r);
    if (effekt_stats_describe(j->x, N_DESCRIBE, &opt, j->work, &s) == EFFEKT_OK) {
        r->describe_mean = s.mean;
        r->describe_sd = s.sd;
        r->describe_median = s.median;
        r->describe_q1 = s.q1;
        r->describe_p90 = s.percentile[0];
    }
    effekt_adjust_p(j->pvalues, N_P, EFFEKT_ADJUST_BH, r->adjusted);
    effekt_test_result t;
    if (effekt_test_mann_whitney(j->a, N_MW, j->b, N_MW, &t) == EFFEKT_OK) {
        r->w = t.statistic;
        r->mw_p = t.p;
        r->mw_estimate = t.estimate;
    }
    effekt_logrank(j->time, j->event, j->group, N_KM, 3, 0, &r->chisq, &r->df, &r->p);
    effekt_table *tab = NULL;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_csv_options copt = { 0 };
    effekt_csv_load_buffer(j->csv, j->csv_len, "threads.csv", &copt, &tab, &diag);
    r->duplicates = diag.n;
    r->first_line = diag.n ? diag.items[0].line : 0;
    effekt_table_destroy(tab);
    effekt_diag_clear(&diag);
}

#define SAME(field)                                                      \
    if (memcmp(&got.field, &j->want.field, sizeof got.field) != 0) {    \
        if (!j->mismatches++)                                           \
            j->first_mismatch = #field;                                 \
    }

static void *run(void *arg)
{
    job *j = arg;
    for (int it = 0; it < ITERATIONS; it++) {
        results got;
        analyse(j, &got);
        SAME(describe_mean) SAME(describe_sd) SAME(describe_median) SAME(describe_q1) SAME(describe_p90)
        SAME(adjusted) SAME(w) SAME(mw_p) SAME(mw_estimate) SAME(chisq) SAME(df) SAME(p)
        SAME(duplicates) SAME(first_line)
    }
    return NULL;
}

START_TEST(two_threads_as_one)
{
    static job jobs[2];
    for (int k = 0; k < 2; k++) {
        make_data(&jobs[k], 20260101u + 977u * (unsigned)k);
        analyse(&jobs[k], &jobs[k].want);   /* alone, before any thread */
    }
    /* the two data sets differ where a shared context would show it */
    ck_assert(jobs[0].want.adjusted[0] != jobs[1].want.adjusted[0] || jobs[0].want.adjusted[1] != jobs[1].want.adjusted[1]);
    ck_assert(jobs[0].want.w != jobs[1].want.w);
    ck_assert(jobs[0].want.duplicates > 0 && jobs[1].want.duplicates > 0);
    ck_assert(isfinite(jobs[0].want.chisq) && jobs[0].want.df == 2);
    pthread_t th[2];
    for (int k = 0; k < 2; k++)
        ck_assert_int_eq(pthread_create(&th[k], NULL, run, &jobs[k]), 0);
    for (int k = 0; k < 2; k++)
        pthread_join(th[k], NULL);
    for (int k = 0; k < 2; k++) {
        ck_assert_msg(jobs[k].mismatches == 0, "thread %d: %d of %d runs differ from the single-thread result, first in %s",
                      k, jobs[k].mismatches, ITERATIONS, jobs[k].first_mismatch);
        free(jobs[k].csv);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("concurrent");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, two_threads_as_one);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
