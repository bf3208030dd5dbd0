/* Check suite for the grouped describe (effekt_describe_run) and its JSON:
 * groups in order with the one missing label, statistics against R 4.2,
 * frequency weights against Hmisc, refused weights with their cell, and
 * partials of parts that merge to the whole run's bits. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "effekt/alloc.h"
#include "effekt/csv.h"
#include "effekt/date.h"
#include "effekt/describe.h"
#include "effekt/group.h"
#include "effekt/output.h"

/* The library's effekt_json is a cJSON (effekt/json.h): this test reads
 * the documents with cJSON itself. */
#define AS_JSON(c) ((effekt_json *)(void *)(c))

/* Tolerance: 1e-15 relative, the values being one rounding from R's. */
#define NEAR(a, b) ck_assert_msg(fabs((a) - (b)) <= 1e-15 * fabs(b), #a " = %.17g, want %.17g", (a), (b))

static effekt_table *load(const char *csv)
{
    effekt_table *t = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_csv_load_buffer(csv, strlen(csv), "t.csv", NULL, &t, &d), EFFEKT_OK);
    effekt_diag_clear(&d);
    return t;
}

static const char groups_csv[] = "g,x\nb,10\na,1.5\na,2.25\n,7\na,\nb,20\na,4\n";

/* R 4.2:
 *   a <- c(1.5, 2.25, 4); mean(a); sd(a); quantile(a, c(.25, .5, .75)); mad(a)
 *   2.5833333333333335 1.2829003598617210 1.875 2.25 3.125 1.11195
 *   b <- c(10, 20); mean(b); sd(b)   15 7.0710678118654755 */
START_TEST(test_groups)
{
    effekt_table *t = load(groups_csv);
    effekt_describe_run_options o;
    effekt_describe_run_options_init(&o);
    o.by = (const char *[]){ "g" };
    o.n_by = 1;
    effekt_describe_result *r;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_describe_run(t, &o, &r, &d), EFFEKT_OK);
    ck_assert_uint_eq(d.n, 0);
    ck_assert_uint_eq(r->n_columns, 1);
    ck_assert_str_eq(r->columns[0], "x");
    ck_assert_uint_eq(r->n_groups, 3);
    /* by the text of the values: "(missing)" sorts before letters */
    ck_assert_str_eq(r->values[0], EFFEKT_GROUP_MISSING);
    ck_assert_str_eq(r->values[1], "a");
    ck_assert_str_eq(r->values[2], "b");
    const effekt_stats_summary *a = &r->cells[1].summary, *b = &r->cells[2].summary;
    ck_assert_uint_eq(a->n, 3);
    ck_assert_uint_eq(a->missing, 1);
    NEAR(a->mean, 2.5833333333333335);
    NEAR(a->sd, 1.2829003598617210);
    NEAR(a->q1, 1.875);
    NEAR(a->median, 2.25);
    NEAR(a->q3, 3.125);
    NEAR(a->mad, 1.11195);
    ck_assert(a->exact);
    NEAR(b->mean, 15.0);
    NEAR(b->sd, 7.0710678118654755);
    ck_assert_uint_eq(r->cells[0].summary.n, 1);
    ck_assert(isnan(r->cells[0].sum_weights));

    /* the rows as every format writes them */
    cJSON *rows = cJSON_CreateArray();
    ck_assert_int_eq(effekt_describe_json_rows(r, NULL, AS_JSON(rows)), EFFEKT_OK);
    ck_assert_int_eq(cJSON_GetArraySize(rows), 3);
    cJSON *row = cJSON_GetArrayItem(rows, 1);
    ck_assert_str_eq(cJSON_GetObjectItem(row, "g")->valuestring, "a");
    ck_assert_str_eq(cJSON_GetObjectItem(row, "column")->valuestring, "x");
    ck_assert_int_eq(cJSON_GetObjectItem(row, "n")->valuedouble, 3);
    ck_assert(cJSON_GetObjectItem(row, "ci_lower") && cJSON_GetObjectItem(row, "kurtosis"));
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(row, "kurtosis")));   /* n < 4 */
    cJSON_Delete(rows);
    effekt_describe_result_destroy(r);

    /* only some statistics, a percentile */
    o.stats = 1u << EFFEKT_DESCRIBE_N | 1u << EFFEKT_DESCRIBE_MEAN;
    o.n_percentiles = 1;
    o.percentiles[0] = 90;
    ck_assert_int_eq(effekt_describe_run(t, &o, &r, &d), EFFEKT_OK);
    rows = cJSON_CreateArray();
    effekt_describe_json_rows(r, "t.csv", AS_JSON(rows));
    row = cJSON_GetArrayItem(rows, 1);
    ck_assert_int_eq(cJSON_GetArraySize(row), 6);   /* file, g, column, n, mean, p90 */
    ck_assert_str_eq(cJSON_GetObjectItem(row, "file")->valuestring, "t.csv");
    /* R: quantile(c(1.5, 2.25, 4), .9) = 3.65 */
    NEAR(cJSON_GetObjectItem(row, "p90")->valuedouble, 3.65);
    cJSON_Delete(rows);
    effekt_describe_result_destroy(r);
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

/* One numeric grouping column: by value, missing last. */
START_TEST(test_numeric_order)
{
    effekt_table *t = load("k,x\n10,1\n9,2\n,3\n10,4\n");
    effekt_describe_run_options o;
    effekt_describe_run_options_init(&o);
    o.by = (const char *[]){ "k" };
    o.n_by = 1;
    effekt_describe_result *r;
    ck_assert_int_eq(effekt_describe_run(t, &o, &r, NULL), EFFEKT_OK);
    ck_assert_uint_eq(r->n_groups, 3);
    ck_assert_str_eq(r->values[0], "9");
    ck_assert_str_eq(r->values[1], "10");
    ck_assert_str_eq(r->values[2], "(missing)");
    ck_assert_uint_eq(r->cells[1].summary.n, 2);
    effekt_describe_result_destroy(r);
    effekt_table_destroy(t);
}
END_TEST

/* Hmisc 5.x (R 4.2): x <- c(1, 2, 3, 5); w <- c(2, 0, 1, 3)
 *   wtd.mean(x, w) 3.3333333333333335; wtd.var(x, w) 3.8666666666666671;
 *   sum(w) 6; quantile(rep(x, w), .5) 4 */
START_TEST(test_weights)
{
    effekt_table *t = load("x,w\n1,2\n2,0\n3,1\n5,3\n");
    effekt_describe_run_options o;
    effekt_describe_run_options_init(&o);
    o.weight = "w";
    effekt_describe_result *r;
    ck_assert_int_eq(effekt_describe_run(t, &o, &r, NULL), EFFEKT_OK);
    ck_assert_uint_eq(r->n_columns, 1);   /* the weight is not described */
    ck_assert_uint_eq(r->n_groups, 1);
    const effekt_describe_cell *c = &r->cells[0];
    NEAR(c->sum_weights, 6.0);
    NEAR(c->summary.mean, 3.3333333333333335);
    NEAR(c->summary.sd * c->summary.sd, 3.8666666666666671);   /* squaring: within 2 ulp */
    NEAR(c->summary.median, 4.0);
    effekt_describe_result_destroy(r);
    effekt_table_destroy(t);

    /* a weight that is no count: refused at its cell, nothing computed */
    t = load("x,w\n1,2\n2,2.5\n");
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_describe_run(t, &o, &r, &d), EFFEKT_EVALUE);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_uint_eq(d.items[0].line, 3);
    ck_assert_uint_eq(d.items[0].column, 2);
    ck_assert_str_eq(d.items[0].value, "2.5");
    ck_assert_ptr_null(strstr(d.items[0].message, "--"));   /* names columns, not flags */
    effekt_diag_clear(&d);
    effekt_table_destroy(t);

    /* a text column asked for */
    t = load("x,name\n1,a\n");
    effekt_diag_init(&d);
    o.weight = NULL;
    o.columns = (const char *[]){ "name" };
    o.n_columns = 1;
    ck_assert_int_eq(effekt_describe_run(t, &o, &r, &d), EFFEKT_EINVAL);
    ck_assert_str_eq(d.items[0].message, "column 'name' is text; describe summarises numbers");
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

/* Partials of two parts of 16-digit integers (some above 2^53) merge to
 * the bits of one run over both: one exact accumulator for both. */
START_TEST(test_partials_merge)
{
    char whole[65536] = "x\n", part[2][32768] = { "x\n", "x\n" };
    for (int i = 1; i <= 600; i++) {
        char line[32];
        snprintf(line, sizeof line, "%.0f\n", 1e15 + fmod(i * 2999999999989.0, 9e15));
        strcat(whole, line);
        strcat(part[i % 2], line);
    }
    effekt_describe_run_options o;
    effekt_describe_run_options_init(&o);
    effekt_describe_result *w, *p[2];
    effekt_table *tw = load(whole);
    ck_assert_int_eq(effekt_describe_run(tw, &o, &w, NULL), EFFEKT_OK);
    o.partial = 1;
    for (int k = 0; k < 2; k++) {
        effekt_table *t = load(part[k]);
        o.origin = k ? "part 1" : "part 0";
        ck_assert_int_eq(effekt_describe_run(t, &o, &p[k], NULL), EFFEKT_OK);
        effekt_table_destroy(t);
    }
    ck_assert_int_eq(p[0]->cells[0].partial.decimals, 0);   /* exact sums */
    ck_assert_int_eq(effekt_partial_merge(&p[0]->cells[0].partial, &p[1]->cells[0].partial), EFFEKT_OK);
    effekt_stats_summary m;
    effekt_partial_summary(&p[0]->cells[0].partial, 0.95, &m);
    const effekt_stats_summary *s = &w->cells[0].summary;
    ck_assert(s->exact);
    ck_assert_uint_eq(m.n, s->n);
    ck_assert(m.sum == s->sum && m.mean == s->mean && m.sd == s->sd && m.se == s->se);
    ck_assert(m.ci_lower == s->ci_lower && m.ci_upper == s->ci_upper);
    ck_assert(m.q1 == s->q1 && m.median == s->median && m.q3 == s->q3 && m.iqr == s->iqr);
    /* the same values from another origin are other data */
    ck_assert_str_ne(p[0]->cells[0].partial.id, p[1]->cells[0].partial.id);
    effekt_describe_result_destroy(w);
    effekt_describe_result_destroy(p[0]);
    effekt_describe_result_destroy(p[1]);
    effekt_table_destroy(tw);
}
END_TEST

START_TEST(test_stat_names)
{
    for (int i = 0; i < EFFEKT_DESCRIBE_N_STATS; i++) {
        effekt_describe_stat s;
        ck_assert_int_eq(effekt_describe_stat_parse(effekt_describe_stat_name((effekt_describe_stat)i), &s), EFFEKT_OK);
        ck_assert_int_eq(s, i);
    }
    effekt_describe_stat s;
    ck_assert_int_eq(effekt_describe_stat_parse("count", &s), EFFEKT_OK);
    ck_assert_int_eq(s, EFFEKT_DESCRIBE_N);
    ck_assert_int_eq(effekt_describe_stat_parse("p90", &s), EFFEKT_EINVAL);
    ck_assert_str_eq(effekt_describe_stat_name(EFFEKT_DESCRIBE_N_STATS), "?");
}
END_TEST

/* The one day -> year conversion (effekt/date.h), at the edges of years
 * either side of 1970 and across leap days. */
START_TEST(test_date_year)
{
    static const struct { long y; unsigned m, d; } days[] = {
        { 1970, 1, 1 }, { 1969, 12, 31 }, { 2000, 2, 29 }, { 2000, 12, 31 }, { 2001, 1, 1 },
        { 1600, 1, 1 }, { 1899, 12, 31 }, { 9999, 12, 31 }, { 1000, 1, 1 },
    };
    for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
        long n = effekt_date_from_civil(days[i].y, days[i].m, days[i].d);
        ck_assert_int_eq(effekt_date_year(n), days[i].y);
        ck_assert_int_eq(effekt_date_year(n - (days[i].m == 1 && days[i].d == 1)), days[i].y - (days[i].m == 1 && days[i].d == 1));
    }
    long d;
    ck_assert_int_eq(effekt_date_parse("2019-02-30", 10, &d), -2);
    ck_assert_int_eq(effekt_date_parse("hello", 5, &d), -1);
    ck_assert_int_eq(effekt_date_parse("09.09.2019", 10, &d), 0);
    char out[32];
    effekt_date_format(d, out);
    ck_assert_str_eq(out, "2019-09-09");
}
END_TEST

/* ---- batches, memory and threads (issue 18) ---- */

/* A table of n rows: group g (one big group of every other row and
 * n_small groups of the rest, or n_small even groups when big is 0),
 * x in cents with a missing value now and then, w a count 0..3. */
static effekt_table *synthetic(size_t n, size_t n_small, int big)
{
    size_t size = 32 * n + 16, at = 0;
    char *csv = malloc(size);
    at += (size_t)snprintf(csv, size, "g,x,w\n");
    unsigned long long state = 18;
    for (size_t i = 0; i < n; i++) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        unsigned long long r = state >> 33;
        char g[16];
        if (big && i % 2 == 0)
            snprintf(g, sizeof g, "big");
        else
            snprintf(g, sizeof g, "s%zu", (size_t)(r % n_small));
        if (r % 97 == 0)
            at += (size_t)snprintf(csv + at, size - at, "%s,,%llu\n", g, r % 4);
        else
            at += (size_t)snprintf(csv + at, size - at, "%s,%lld.%02llu,%llu\n", g, (long long)(r % 200000) - 50000,
                                   (r >> 20) % 100, (r >> 8) % 4);
    }
    effekt_table *t = load(csv);
    free(csv);
    return t;
}

/* The reference: each group's values gathered in row order into one
 * array, summarised by effekt_stats_describe (_weighted) with its own
 * work array, as the plain scatter did. */
static void check_against_plain(const effekt_table *t, const effekt_describe_result *r, int weighted,
                                const effekt_stats_options *dopt)
{
    const effekt_column *g = effekt_table_column(t, "g"), *x = effekt_table_column(t, "x"),
                        *w = effekt_table_column(t, "w");
    size_t n = t->n_rows;
    double *v = malloc(n * sizeof *v), *f = malloc(n * sizeof *f), *work = malloc(2 * n * sizeof *work);
    size_t *place = malloc(n * sizeof *place);   /* the group of each row, as r orders them */
    for (size_t row = 0; row < n; row++) {
        char text[64];
        effekt_group_value_text(g, row, text, sizeof text);
        for (place[row] = 0; strcmp(text, r->values[place[row]]) != 0; place[row]++)
            ck_assert_uint_lt(place[row] + 1, r->n_groups);
    }
    for (size_t gi = 0; gi < r->n_groups; gi++) {
        size_t m = 0;
        for (size_t row = 0; row < n; row++) {
            if (place[row] != gi)
                continue;
            f[m] = w->values[row];
            v[m++] = x->values[row];
        }
        effekt_stats_summary s;
        double sw = NAN;
        effekt_stats_options o = *dopt;
        o.decimals = x->decimals;
        if (weighted)
            ck_assert_int_eq(effekt_stats_describe_weighted(v, f, m, &o, work, &s, &sw), EFFEKT_OK);
        else
            ck_assert_int_eq(effekt_stats_describe(v, m, &o, work, &s), EFFEKT_OK);
        const effekt_describe_cell *c = &r->cells[gi];
        ck_assert_msg(memcmp(&c->summary, &s, sizeof s) == 0, "group %s differs", r->values[gi]);
        ck_assert(memcmp(&c->sum_weights, &sw, sizeof sw) == 0);
    }
    free(v);
    free(f);
    free(work);
    free(place);
}

/* Many small groups and one of half the rows: more than one batch (the
 * big group alone fills the buffer), every cell the bits of the plain
 * one-copy summary, weighted or not. */
START_TEST(test_batches_equal_plain)
{
    effekt_table *t = synthetic(20000, 300, 1);
    effekt_describe_run_options o;
    effekt_describe_run_options_init(&o);
    o.by = (const char *[]){ "g" };
    o.n_by = 1;
    o.columns = (const char *[]){ "x" };
    o.n_columns = 1;
    o.percentiles[0] = 90;
    o.n_percentiles = 1;
    effekt_stats_options dopt = { .confidence = 0.95, .quantile_type = 7, .n_percentiles = 1, .percentiles = { 90 } };
    for (int weighted = 0; weighted < 2; weighted++) {
        o.weight = weighted ? "w" : NULL;
        effekt_describe_result *r;
        ck_assert_int_eq(effekt_describe_run(t, &o, &r, NULL), EFFEKT_OK);
        ck_assert_uint_eq(r->n_groups, 301);
        check_against_plain(t, r, weighted, &dopt);
        effekt_describe_result_destroy(r);
    }
    effekt_table_destroy(t);
}
END_TEST

static atomic_size_t allocated;

static int count_bytes(void *ctx, size_t size)
{
    (void)ctx;
    atomic_fetch_add(&allocated, size);
    return 0;
}

/* Beyond the table and the grouper (its row ids), describe allocates at
 * most two fifths of one column as doubles (a third for the batch buffer,
 * a little for the groups): not two copies of the column (16 n bytes). */
START_TEST(test_memory_budget)
{
    size_t n = 100000;
    effekt_table *t = synthetic(n, 50, 0);
    const char *by[] = { "g" };
    effekt_describe_run_options o;
    effekt_describe_run_options_init(&o);
    o.by = by;
    o.n_by = 1;
    o.columns = (const char *[]){ "x" };
    o.n_columns = 1;
    o.stats = (1u << EFFEKT_DESCRIBE_N) | (1u << EFFEKT_DESCRIBE_MEAN) | (1u << EFFEKT_DESCRIBE_SD)
              | (1u << EFFEKT_DESCRIBE_MEDIAN) | (1u << EFFEKT_DESCRIBE_MAD);
    /* what the grouper alone takes */
    effekt_group *g;
    atomic_store(&allocated, 0);
    effekt_alloc_set_hook(count_bytes, NULL);
    ck_assert_int_eq(effekt_group_create(t, by, 1, &g, NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_group_add_all(g), EFFEKT_OK);
    effekt_alloc_set_hook(NULL, NULL);
    size_t grouper = atomic_load(&allocated);
    effekt_group_destroy(g);
    effekt_describe_result *r;
    atomic_store(&allocated, 0);
    effekt_alloc_set_hook(count_bytes, NULL);
    ck_assert_int_eq(effekt_describe_run(t, &o, &r, NULL), EFFEKT_OK);
    effekt_alloc_set_hook(NULL, NULL);
    size_t extra = atomic_load(&allocated) - grouper;
    ck_assert_msg(extra <= n * sizeof(double) * 2 / 5, "describe allocated %zu bytes beyond the grouper's %zu (n = %zu)",
                  extra, grouper, n);
    ck_assert_uint_eq(r->n_groups, 50);
    effekt_describe_result_destroy(r);
    effekt_table_destroy(t);
}
END_TEST

/* From 2^18 rows the work is shared among threads: one, two and three
 * threads give the same bits, cell by cell, weighted, plain and partial. */
START_TEST(test_threads_equal_one)
{
    effekt_table *t = synthetic((1u << 18) + 1000, 40, 1);
    effekt_describe_run_options o;
    effekt_describe_run_options_init(&o);
    o.by = (const char *[]){ "g" };
    o.n_by = 1;
    o.columns = (const char *[]){ "x" };
    o.n_columns = 1;
    for (int mode = 0; mode < 3; mode++) {
        o.weight = mode == 1 ? "w" : NULL;
        o.partial = mode == 2;
        effekt_describe_result *r[3];
        for (unsigned k = 0; k < 3; k++) {
            o.threads = k + 1;
            ck_assert_int_eq(effekt_describe_run(t, &o, &r[k], NULL), EFFEKT_OK);
        }
        for (unsigned k = 1; k < 3; k++)
            for (size_t c = 0; c < r[0]->n_groups; c++) {
                const effekt_describe_cell *a = &r[0]->cells[c], *b = &r[k]->cells[c];
                ck_assert(memcmp(&a->summary, &b->summary, sizeof a->summary) == 0);
                ck_assert(memcmp(&a->sum_weights, &b->sum_weights, sizeof a->sum_weights) == 0);
                if (mode == 2)
                    ck_assert_str_eq(a->partial.id, b->partial.id);
            }
        for (unsigned k = 0; k < 3; k++)
            effekt_describe_result_destroy(r[k]);
    }
    effekt_table_destroy(t);
}
END_TEST


/* Grouped by a coded id column (describe --by reads its ids as codes),
 * the groups are found through the codes (the rows read in order until
 * every code has its group, the rest counted by code), and from 2^18
 * rows the passes count and read each row's group straight from its
 * code (the last row range's counts taken from the groups' sizes): every
 * cell equals the one from the same file read as text, bit for bit, for
 * one, two and three threads, for codes of one, two and four bytes,
 * with missing ids throughout or only in the last rows after an id
 * first seen at the last row but one. */
START_TEST(test_coded_equals_text)
{
    for (int wide = 0; wide < 3; wide++)
        for (int late = 0; late < 2; late++) {
            size_t rows = (1u << 18) + 777, cap = 40 * rows, len = 0;
            size_t ids = wide == 0 ? 37 : wide == 1 ? 600 : 70000;
            char *text = malloc(cap);
            ck_assert_ptr_nonnull(text);
            len += (size_t)snprintf(text + len, cap - len, "project_id,cost\n");
            for (size_t r = 0; r < rows; r++) {
                size_t g = wide == 2 ? r % ids : (r * 2654435761u) % ids;
                if (late ? r + 40 >= rows && r % 3 == 0 : r % 101 == 3)
                    len += (size_t)snprintf(text + len, cap - len, "NA,%zu.%02zu\n", r % 1000, r % 100);
                else if (late && r == rows - 2)
                    len += (size_t)snprintf(text + len, cap - len, "LATE,%zu.%02zu\n", r % 1000, r % 100);
                else
                    len += (size_t)snprintf(text + len, cap - len, "G%zu,%zu.%02zu\n", g, (r * 7) % 100000, r % 100);
            }
            const char *by[] = { "project_id" };
            effekt_csv_options plain = { 0 }, coded = { .coded = by, .n_coded = 1 };
            effekt_table *t[2] = { NULL, NULL };
            ck_assert_int_eq(effekt_csv_load_buffer(text, len, "x.csv", &plain, &t[0], NULL), EFFEKT_OK);
            ck_assert_int_eq(effekt_csv_load_buffer(text, len, "x.csv", &coded, &t[1], NULL), EFFEKT_OK);
            ck_assert_ptr_nonnull(effekt_table_column(t[1], "project_id")->codes);
            ck_assert_uint_eq(effekt_table_column(t[1], "project_id")->code_bytes, wide == 2 ? 4 : wide ? 2 : 1);
            free(text);
            effekt_describe_run_options o;
            effekt_describe_run_options_init(&o);
            o.by = by;
            o.n_by = 1;
            o.columns = (const char *[]){ "cost" };
            o.n_columns = 1;
            for (unsigned threads = 1; threads <= 3; threads++) {
                o.threads = threads;
                effekt_describe_result *r[2];
                for (int k = 0; k < 2; k++)
                    ck_assert_int_eq(effekt_describe_run(t[k], &o, &r[k], NULL), EFFEKT_OK);
                ck_assert_uint_eq(r[0]->n_groups, r[1]->n_groups);
                ck_assert_uint_eq(r[0]->n_groups, ids + 1 + (size_t)late);
                for (size_t g = 0; g < r[0]->n_groups; g++) {
                    ck_assert_str_eq(r[0]->values[g], r[1]->values[g]);
                    ck_assert(memcmp(&r[0]->cells[g].summary, &r[1]->cells[g].summary, sizeof r[0]->cells[g].summary) == 0);
                }
                effekt_describe_result_destroy(r[0]);
                effekt_describe_result_destroy(r[1]);
            }
            effekt_table_destroy(t[0]);
            effekt_table_destroy(t[1]);
        }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("describe");
    TCase *tc = tcase_create("run");
    tcase_add_test(tc, test_groups);
    tcase_add_test(tc, test_coded_equals_text);
    tcase_add_test(tc, test_numeric_order);
    tcase_add_test(tc, test_weights);
    tcase_add_test(tc, test_partials_merge);
    tcase_add_test(tc, test_stat_names);
    tcase_add_test(tc, test_date_year);
    tcase_add_test(tc, test_batches_equal_plain);
    tcase_add_test(tc, test_memory_budget);
    tcase_add_test(tc, test_threads_equal_one);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
