/* Allocation failure: every allocation libeffekt makes, one at a time,
 * made to fail (effekt_alloc_set_hook).  For each, the function must
 * either end with EFFEKT_ENOMEM and no result, or succeed with exactly
 * the result of a run without failures (an allocation it could do
 * without), and never crash.  Leaks are caught by the sanitizer build
 * (LeakSanitizer at each test's exit) and by make check-valgrind.
 *
 * The inputs: the Danish seed file (semicolons, decimal commas, grouped
 * thousands, Danish dates, Windows-1252 detection is not needed) and 80
 * synthetic participants (dates, spells). */
#include <check.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "effekt/alloc.h"
#include "effekt/chart.h"
#include "effekt/csv.h"
#include "effekt/kpi.h"
#include "effekt/output.h"
#include "effekt/partial.h"
#include "effekt/survival.h"

/* The library's effekt_json is a cJSON (effekt/json.h): this test reads
 * the documents with cJSON itself. */
#define AS_JSON(c) ((effekt_json *)(void *)(c))

/* fail the allocation whose number (from 1) is `target`; count them all */
static atomic_long calls, target;

static int fail_nth(void *ctx, size_t size)
{
    (void)ctx;
    (void)size;
    return atomic_fetch_add(&calls, 1) + 1 == atomic_load(&target);
}

static void arm(long n)
{
    atomic_store(&calls, 0);
    atomic_store(&target, n);
    effekt_alloc_set_hook(fail_nth, NULL);
}

/* after a run: did the armed failure happen? */
static int fired(void)
{
    effekt_alloc_set_hook(NULL, NULL);
    return atomic_load(&calls) >= atomic_load(&target);
}

static char *slurp(const char *rel, size_t *len)
{
    const char *srcdir = getenv("srcdir");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", srcdir ? srcdir : ".", rel);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char *buf = malloc(1 << 20);
    *len = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static effekt_table *load(const char *data, size_t len, effekt_status *st)
{
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_table *t = NULL;
    *st = effekt_csv_load_buffer(data, len, "in.csv", NULL, &t, &diag);
    effekt_diag_clear(&diag);
    return t;
}

static void same_table(const effekt_table *a, const effekt_table *b)
{
    ck_assert_uint_eq(a->n_rows, b->n_rows);
    ck_assert_uint_eq(a->n_columns, b->n_columns);
    for (size_t c = 0; c < a->n_columns; c++) {
        const effekt_column *x = &a->columns[c], *y = &b->columns[c];
        ck_assert_str_eq(x->heading, y->heading);
        ck_assert_int_eq(x->type, y->type);
        ck_assert_uint_eq(x->n_missing, y->n_missing);
        for (size_t r = 0; r < a->n_rows; r++) {
            if (x->values)
                ck_assert(memcmp(&x->values[r], &y->values[r], sizeof(double)) == 0);
            if (x->type == EFFEKT_TYPE_TEXT) {   /* either form: text or codes */
                const char *u = effekt_column_string(x, r), *v = effekt_column_string(y, r);
                ck_assert((u == NULL) == (v == NULL) && (!u || strcmp(u, v) == 0));
            }
        }
    }
}

/* Run `step` with the n-th allocation failing, n = 1, 2, ... until a run
 * makes fewer allocations than n; returns how many failures were tried. */
#define EACH_FAILURE(n) for (long n = 1;; n++)

START_TEST(csv_loader)
{
    const char *files[] = { "datasets/seed_projects_da.csv", "tests/data/participants_small.csv",
                            "datasets/dk-structural-funds-2014-2020.csv" };
    for (size_t i = 0; i < 3; i++) {
        size_t len;
        char *data = slurp(files[i], &len);
        effekt_status st;
        effekt_table *ref = load(data, len, &st);
        ck_assert_int_eq(st, EFFEKT_OK);
        long tried = 0;
        EACH_FAILURE(n) {
            arm(n);
            effekt_table *t = load(data, len, &st);
            int hit = fired();
            if (st == EFFEKT_OK)
                same_table(ref, t);
            else
                ck_assert_msg(st == EFFEKT_ENOMEM && t == NULL, "%s: failure %ld gave status %d, table %p", files[i], n, st, (void *)t);
            effekt_table_destroy(t);
            if (!hit)
                break;
            tried++;
        }
        ck_assert_int_gt(tried, 20);   /* the loader does allocate: the hook is in its path */
        effekt_table_destroy(ref);
        free(data);
    }
}
END_TEST

/* The same read from a file in parts on threads (forced for small files
 * by parallel_min_bytes; parts: 0 one a core), where part blocks change hands: a
 * failure in a part falls back to one reading, so the result is either
 * the table or ENOMEM.  The last input's second half outgrows its
 * estimated rows. */
static void load_file_each_failure(const char *data, size_t len, const char *what, const char *coded,
                                   unsigned parts)
{
    char path[] = "/tmp/effekt-alloc-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    fclose(f);
    effekt_status st;
    effekt_table *ref = load(data, len, &st);
    ck_assert_int_eq(st, EFFEKT_OK);
    effekt_csv_options opt = { .parallel_min_bytes = 1, .coded = &coded, .n_coded = coded != NULL,
                               .parallel_parts = parts };
    long tried = 0;
    EACH_FAILURE(n) {
        effekt_diag diag;
        effekt_diag_init(&diag);
        effekt_table *t = NULL;
        arm(n);
        st = effekt_csv_load_file(path, &opt, &t, &diag);
        int hit = fired();
        effekt_diag_clear(&diag);
        if (st == EFFEKT_OK)
            same_table(ref, t);
        else
            ck_assert_msg(st == EFFEKT_ENOMEM && t == NULL, "%s: failure %ld gave status %d", what, n, st);
        effekt_table_destroy(t);
        if (!hit)
            break;
        tried++;
    }
    ck_assert_int_gt(tried, 20);
    unlink(path);
    effekt_table_destroy(ref);
}

START_TEST(csv_loader_in_two_halves)
{
    size_t len0;
    const char *files[] = { "datasets/seed_projects_da.csv", "tests/data/participants_small.csv",
                            "datasets/dk-structural-funds-2014-2020.csv" };
    for (size_t i = 0; i < 3; i++) {
        size_t len;
        char *data = slurp(files[i], &len);
        load_file_each_failure(data, len, files[i], NULL, 0);
        free(data);
    }
    size_t cap = 100000, n = 0;
    char *text = malloc(cap);
    n += (size_t)snprintf(text, cap, "id,note,n\nR0,\"");
    memset(text + n, 'x', 20000);
    n += 20000;
    n += (size_t)snprintf(text + n, cap - n, "\",0.5\n");
    for (int i = 1; i <= 3000; i++)
        n += (size_t)snprintf(text + n, cap - n, "R%d,,%d\n", i, i);
    load_file_each_failure(text, n, "outgrown second half", NULL, 0);
    /* a column read as codes: its dictionaries, codes and their merge */
    load_file_each_failure(text, n, "outgrown second half, coded", "id", 0);
    char *data = slurp("tests/data/participants_small.csv", &len0);
    load_file_each_failure(data, len0, "participants, coded", "project_id", 0);
    /* in three parts: a part in the middle outgrows its region (the
     * others move to blocks of their own), and three dictionaries meet */
    load_file_each_failure(text, n, "outgrown middle part", NULL, 3);
    load_file_each_failure(data, len0, "participants in three parts, coded", "project_id", 3);
    free(data);
    free(text);
}
END_TEST

START_TEST(kpis)
{
    size_t len;
    char *data = slurp("datasets/seed_projects_da.csv", &len);
    effekt_status st;
    effekt_table *t = load(data, len, &st);
    ck_assert_int_eq(st, EFFEKT_OK);
    effekt_kpi_options opt = { .confidence = 0.95 };
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_kpi_sheet *ref = NULL;
    ck_assert_int_eq(effekt_kpi_compute(t, &opt, &ref, &diag), EFFEKT_OK);
    effekt_diag_clear(&diag);
    long tried = 0;
    EACH_FAILURE(n) {
        effekt_diag_init(&diag);
        effekt_kpi_sheet *s = NULL;
        arm(n);
        st = effekt_kpi_compute(t, &opt, &s, &diag);
        effekt_kpi_group *g = NULL;
        size_t ng = 0;
        effekt_status gs = st == EFFEKT_OK ? effekt_kpi_group_by(t, s, "fund", &opt, &g, &ng, &diag) : st;
        int hit = fired();
        if (st == EFFEKT_OK) {
            ck_assert_uint_eq(s->n_projects, ref->n_projects);
            ck_assert(memcmp(s->figures, ref->figures, ref->n_projects * ref->n_kpis * sizeof *s->figures) == 0);
        } else {
            ck_assert(st == EFFEKT_ENOMEM && s == NULL);
        }
        ck_assert(gs == EFFEKT_OK || gs == EFFEKT_ENOMEM);
        if (gs == EFFEKT_OK && st == EFFEKT_OK)
            effekt_kpi_groups_destroy(g, ng);
        effekt_kpi_sheet_destroy(s);
        effekt_diag_clear(&diag);
        if (!hit)
            break;
        tried++;
    }
    ck_assert_int_gt(tried, 5);
    effekt_kpi_sheet_destroy(ref);
    effekt_table_destroy(t);
    free(data);
}
END_TEST

START_TEST(survival_and_partials)
{
    /* spells: 1..40 days, every third censored */
    double time[40], event[40];
    size_t group[40];
    for (int i = 0; i < 40; i++) {
        time[i] = i + 1;
        event[i] = i % 3 != 0;
        group[i] = (size_t)(i % 2);
    }
    effekt_km ref;
    ck_assert_int_eq(effekt_km_fit(time, event, 40, 0.95, EFFEKT_CONF_LOG, &ref), EFFEKT_OK);
    double chisq0, df0, p0;
    ck_assert_int_eq(effekt_logrank(time, event, group, 40, 2, 0, &chisq0, &df0, &p0), EFFEKT_OK);
    EACH_FAILURE(n) {
        effekt_km km;
        arm(n);
        effekt_status st = effekt_km_fit(time, event, 40, 0.95, EFFEKT_CONF_LOG, &km);
        double chisq, df, p;
        effekt_status ls = effekt_logrank(time, event, group, 40, 2, 0, &chisq, &df, &p);
        int hit = fired();
        if (st == EFFEKT_OK) {
            ck_assert_uint_eq(km.n_times, ref.n_times);
            ck_assert(memcmp(km.surv, ref.surv, ref.n_times * sizeof *km.surv) == 0);
            effekt_km_clear(&km);
        } else {
            ck_assert_int_eq(st, EFFEKT_ENOMEM);
        }
        if (ls == EFFEKT_OK)
            ck_assert(chisq == chisq0 && p == p0);
        else
            ck_assert_int_eq(ls, EFFEKT_ENOMEM);
        if (!hit)
            break;
    }
    effekt_km_clear(&ref);

    /* partial summaries: compute, merge, to JSON and back */
    double x[6000];
    for (int i = 0; i < 6000; i++)
        x[i] = (i * 7919) % 6007 / 10.0;   /* more than the sketch keeps exactly */
    EACH_FAILURE(n) {
        effekt_partial a, b;
        arm(n);
        effekt_status sa = effekt_partial_compute(x, 3000, 1, &a);
        effekt_status sb = sa == EFFEKT_OK ? effekt_partial_compute(x + 3000, 3000, 1, &b) : sa;
        effekt_status sm = sb == EFFEKT_OK ? effekt_partial_merge(&a, &b) : sb;
        effekt_json *j = sm == EFFEKT_OK ? effekt_partial_to_json(&a) : NULL;
        effekt_partial back;
        char why[128];
        effekt_status sj = j ? effekt_partial_from_json(j, &back, why, sizeof why) : EFFEKT_ENOMEM;
        int hit = fired();
        ck_assert(sa == EFFEKT_OK || sa == EFFEKT_ENOMEM);
        ck_assert(sb == EFFEKT_OK || sb == EFFEKT_ENOMEM);
        ck_assert(sm == EFFEKT_OK || sm == EFFEKT_ENOMEM);
        ck_assert(sj == EFFEKT_OK || sj == EFFEKT_ENOMEM);
        if (sj == EFFEKT_OK) {
            effekt_stats_summary s;
            effekt_partial_summary(&back, 0.95, &s);
            ck_assert_uint_eq(s.n, 6000);
            effekt_partial_clear(&back);
        }
        effekt_json_destroy(j);
        if (sb == EFFEKT_OK)
            effekt_partial_clear(&b);
        if (sa == EFFEKT_OK)
            effekt_partial_clear(&a);
        if (!hit)
            break;
    }
}
END_TEST

START_TEST(output_and_charts)
{
    cJSON *doc = cJSON_Parse("{\"rows\":[{\"a\":1,\"b\":\"x\"},{\"a\":2.5,\"b\":null}]}");
    effekt_output_sheet sheet = { .path = "rows", .title = "t" };
    for (int fmt = 0; fmt < 3; fmt++) {
        EACH_FAILURE(n) {
            char *buf = NULL;
            size_t len = 0;
            FILE *mem = open_memstream(&buf, &len);
            arm(n);
            effekt_status st = effekt_output_write(mem, AS_JSON(doc), (effekt_format)fmt, &sheet, 1);
            int hit = fired();
            fclose(mem);
            ck_assert(st == EFFEKT_OK || st == EFFEKT_ENOMEM);
            free(buf);
            if (!hit)
                break;
        }
    }
    cJSON_Delete(doc);
    double v[50];
    for (int i = 0; i < 50; i++)
        v[i] = i * i % 17;
    EACH_FAILURE(n) {
        double *breaks = NULL, *counts = NULL;
        size_t nb = 0;
        arm(n);
        effekt_status st = effekt_histogram_compute(v, 50, EFFEKT_HISTOGRAM_STURGES, &breaks, &counts, &nb);
        int hit = fired();
        ck_assert(st == EFFEKT_OK || st == EFFEKT_ENOMEM);
        if (st == EFFEKT_OK)
            ck_assert_uint_gt(nb, 0);
        free(breaks);
        free(counts);
        if (!hit)
            break;
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("failing allocations");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, csv_loader);
    tcase_add_test(tc, csv_loader_in_two_halves);
    tcase_add_test(tc, kpis);
    tcase_add_test(tc, survival_and_partials);
    tcase_add_test(tc, output_and_charts);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
