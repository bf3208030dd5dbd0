/* Check suite for the chart builders: a chart built from a table owns
 * its memory (the table and every input may go before it is drawn), its
 * words are the locale's, its numbers the ones the statistics give
 * (checked by hand), and problems name columns, not flags. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/chart.h"
#include "effekt/csv.h"

static char *data_path(const char *name)
{
    const char *srcdir = getenv("srcdir");
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", srcdir ? srcdir : ".", name);
    return path;
}

/* Draw ch as SVG into memory: the bytes' length, 0 on failure. */
static size_t draw(const effekt_chart *ch, const effekt_locale *loc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    effekt_chart_page page = { .locale = loc };
    effekt_status st = effekt_chart_render(ch, &page, EFFEKT_CHART_SVG, f, NULL, NULL);
    fclose(f);
    free(buf);
    return st == EFFEKT_OK ? len : 0;
}

START_TEST(test_kpi_bar_sv_owns_memory)
{
    effekt_csv_options o = { 0 };
    effekt_table *t = NULL;
    ck_assert_int_eq(effekt_csv_load_file(data_path("datasets/seed_projects.csv"), &o, &t, NULL), EFFEKT_OK);
    const effekt_locale *sv = effekt_locale_find("sv");
    char label[] = "name";   /* the caller's strings may change or go */
    effekt_chart_options co = { .locale = sv, .label = label };
    effekt_chart *ch = NULL;
    const effekt_table *const tables[] = { t };
    ck_assert_int_eq(effekt_chart_build_kpi(EFFEKT_CHART_BAR, tables, 1, "cost_per_participant", 1, &co, &ch, NULL),
                     EFFEKT_OK);
    const char *src[] = { "datasets/seed_projects.csv" };
    ck_assert_int_eq(effekt_chart_caption(ch, tables, 1, src, 1, "0", sv), EFFEKT_OK);
    effekt_table_destroy(t);
    memset(label, 'x', sizeof label - 1);
    ck_assert_str_eq(ch->title, "Kostnad per deltagare");
    ck_assert_str_eq(ch->x_label, "DKK per deltagare");
    ck_assert_str_eq(ch->subtitle, "totala kostnader / deltagare; 5 projekt, 3 utan uppgift");
    ck_assert_str_eq(ch->caption, "Källa: seed_projects.csv; senaste datum i data 2022-12-31. Ritat med effekt 0.");
    ck_assert_uint_eq(ch->n_items, 5);
    ck_assert_str_eq(ch->items[0].label, "HEADSTART");
    ck_assert(isnan(ch->items[0].value));
    /* Go Vest: total_cost 3690661 / 30 participants (by hand) */
    int found = 0;
    for (size_t i = 0; i < ch->n_items; i++)
        if (strcmp(ch->items[i].label, "Go Vest") == 0) {
            ck_assert(fabs(ch->items[i].value - 3690661.0 / 30) <= 1e-15 * 123022);
            found = 1;
        }
    ck_assert(found);
    ck_assert_uint_gt(draw(ch, sv), 0);
    effekt_chart_destroy(ch);
}
END_TEST

/* plot bar --top: the 2 highest EU shares (Gamma 300/400, Alpha 60/100)
 * and the other three as one row, their ratio of sums by hand:
 * (80 + 100 + 25) / (200 + 1000 + 50) = 205 / 1250 = 0.164.  Without
 * top, more than EFFEKT_CHART_MAX_ROWS projects are refused, naming
 * --top (issue 17: a 6,111 px chart of 107 projects). */
START_TEST(test_kpi_top_others)
{
    effekt_csv_options o = { 0 };
    effekt_table *t = NULL;
    ck_assert_int_eq(effekt_csv_load_file(data_path("tests/data/eu_top.csv"), &o, &t, NULL), EFFEKT_OK);
    const effekt_table *const tables[] = { t };
    effekt_chart_options co = { .top = 2 };
    effekt_chart *ch = NULL;
    ck_assert_int_eq(effekt_chart_build_kpi(EFFEKT_CHART_BAR, tables, 1, "eu_share", 0, &co, &ch, NULL), EFFEKT_OK);
    ck_assert_uint_eq(ch->n_items, 3);
    ck_assert_str_eq(ch->items[0].label, "Alpha");
    ck_assert_str_eq(ch->items[1].label, "Gamma");
    ck_assert(fabs(ch->items[1].value - 0.75) <= 1e-15);
    ck_assert_str_eq(ch->items[2].label, "3 others (ratio of sums)");
    ck_assert_int_eq(ch->items[2].pooled, 1);
    ck_assert(fabs(ch->items[2].value - 0.164) <= 1e-15);
    ck_assert_str_eq(ch->subtitle, "EU contribution / total cost; 5 projects, 0 not reported; the 2 highest of 5 shown");
    ck_assert_uint_gt(draw(ch, NULL), 0);
    effekt_chart_destroy(ch);
    /* Danish words */
    co.locale = effekt_locale_find("da");
    ck_assert_int_eq(effekt_chart_build_kpi(EFFEKT_CHART_FOREST, tables, 1, "eu_share", 0, &co, &ch, NULL), EFFEKT_OK);
    ck_assert_str_eq(ch->items[2].label, "3 øvrige (sum over sum)");
    effekt_chart_destroy(ch);
    effekt_table_destroy(t);
    /* 107 projects and no top: refused, naming the option (a diag: the
     * loader notes the file's Windows-1252 and takes no NULL) */
    effekt_diag diag;
    effekt_diag_init(&diag);
    ck_assert_int_eq(effekt_csv_load_file(data_path("datasets/dk-structural-funds-2014-2020.csv"), &o, &t, &diag),
                     EFFEKT_OK);
    effekt_diag_clear(&diag);
    effekt_diag_init(&diag);
    const effekt_table *const dk[] = { t };
    effekt_chart_options none = { 0 };
    ck_assert_int_eq(effekt_chart_build_kpi(EFFEKT_CHART_BAR, dk, 1, "eu_share", 0, &none, &ch, &diag), EFFEKT_EINVAL);
    ck_assert_ptr_null(ch);
    ck_assert_uint_ge(diag.n, 1);
    ck_assert_ptr_nonnull(strstr(diag.items[0].message, "--top N"));
    effekt_diag_clear(&diag);
    effekt_table_destroy(t);
}
END_TEST

/* forest --top of rates: groups A 3/12, B 7/9, C 1/10, D 5/10; the 2
 * highest (B 7/9, D 5/10) and the others as one row: (3 + 1) / (12 + 10)
 * = 4/22, with the Wilson interval of R's
 * prop.test(4, 22, correct = FALSE)$conf.int = 0.073068845834220603,
 * 0.385166074371265488 (1e-12). */
START_TEST(test_rates_top_others)
{
    const char *labels[] = { "A", "B", "C", "D" };
    const double x[] = { 3, 7, 1, 5 }, n[] = { 12, 9, 10, 10 };
    effekt_chart_rates in = { .outcome = "placed", .by = "group", .n_groups = 4, .labels = labels,
                              .events = x, .trials = n };
    effekt_chart_options co = { .top = 2 };
    effekt_chart *ch = NULL;
    ck_assert_int_eq(effekt_chart_build_rates(EFFEKT_CHART_FOREST, &in, &co, &ch, NULL), EFFEKT_OK);
    ck_assert_uint_eq(ch->n_items, 4);   /* B, D, the others, the pooled row */
    ck_assert_str_eq(ch->items[0].label, "B");
    ck_assert_str_eq(ch->items[1].label, "D");
    ck_assert_str_eq(ch->items[2].label, "2 others (ratio of sums)");
    ck_assert(fabs(ch->items[2].value - 4.0 / 22) <= 1e-15);
    ck_assert(fabs(ch->items[2].lower - 0.073068845834220603) <= 1e-12);
    ck_assert(fabs(ch->items[2].upper - 0.385166074371265488) <= 1e-12);
    ck_assert(fabs(ch->items[3].value - 16.0 / 41) <= 1e-15);
    ck_assert_uint_gt(draw(ch, NULL), 0);
    effekt_chart_destroy(ch);
}
END_TEST

START_TEST(test_rates_and_values)
{
    const char *labels[] = { "A", "B" };
    double events[] = { 3, 6 }, trials[] = { 10, 10 };
    effekt_chart_rates in = { .outcome = "placed_date", .by = "project_id", .n_groups = 2, .labels = labels,
                              .events = events, .trials = trials };
    effekt_chart_options co = { .locale = effekt_locale_find("da") };
    effekt_chart *ch = NULL;
    ck_assert_int_eq(effekt_chart_build_rates(EFFEKT_CHART_FOREST, &in, &co, &ch, NULL), EFFEKT_OK);
    ck_assert_str_eq(ch->title, "job efter projekt");
    ck_assert_uint_eq(ch->n_items, 3);   /* two groups and the pooled row */
    ck_assert(ch->items[2].pooled);
    ck_assert(fabs(ch->items[2].value - 0.45) < 1e-15);   /* 9 / 20 */
    ck_assert(fabs(ch->reference - 0.45) < 1e-15);
    ck_assert_uint_gt(draw(ch, co.locale), 0);
    effekt_chart_destroy(ch);

    double v[] = { 1, 2, 3, 4, 100 };
    size_t g[] = { 0, 0, 0, 1, 1 };
    effekt_chart_values vin = { .value = "age", .by = "gender", .n = 5, .values = v, .group = g, .n_groups = 2,
                                .labels = labels, .missing = 1 };
    ck_assert_int_eq(effekt_chart_build_box(&vin, NULL, &ch, NULL), EFFEKT_OK);
    ck_assert_str_eq(ch->title, "age by gender");
    ck_assert_uint_eq(ch->n_items, 2);
    ck_assert(fabs(ch->items[0].box.median - 2) < 1e-15);
    effekt_chart_destroy(ch);
    ck_assert_int_eq(effekt_chart_build_hist(&vin, EFFEKT_HISTOGRAM_STURGES, NULL, &ch, NULL), EFFEKT_OK);
    /* R: hist(c(1, 2, 3, 4, 100))$breaks is 0, 20, …, 100 */
    ck_assert_uint_eq(ch->n_bins, 5);
    ck_assert(ch->breaks[0] == 0 && ch->breaks[5] == 100);
    ck_assert_str_eq(ch->subtitle, "Sturges' rule: 5 bins of width 20 (as R's hist); 5 values, 1 missing");
    effekt_chart_destroy(ch);
    vin.n = 0;
    effekt_diag diag;
    effekt_diag_init(&diag);
    ck_assert_int_eq(effekt_chart_build_hist(&vin, EFFEKT_HISTOGRAM_STURGES, NULL, &ch, &diag), EFFEKT_EINVAL);
    ck_assert_ptr_null(ch);
    ck_assert_uint_eq(diag.n, 1);
    effekt_diag_clear(&diag);
}
END_TEST

START_TEST(test_problems_name_columns)
{
    effekt_csv_options o = { 0 };
    effekt_table *t = NULL;
    ck_assert_int_eq(effekt_csv_load_file(data_path("datasets/seed_projects.csv"), &o, &t, NULL), EFFEKT_OK);
    const effekt_table *const tables[] = { t };
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_chart *ch = NULL;
    ck_assert_int_eq(effekt_chart_build_scatter(tables, 1, "name", "total_cost", NULL, &ch, &diag), EFFEKT_EINVAL);
    ck_assert_ptr_null(ch);
    ck_assert_uint_eq(diag.n, 1);
    ck_assert_ptr_nonnull(strstr(diag.items[0].message, "column 'name' is text"));
    ck_assert_ptr_null(strstr(diag.items[0].message, "--"));
    effekt_diag_clear(&diag);
    effekt_diag_init(&diag);
    ck_assert_int_eq(effekt_chart_build_kpi(EFFEKT_CHART_BAR, tables, 1, "no_such_kpi", 0, NULL, &ch, &diag),
                     EFFEKT_EINVAL);
    effekt_diag_clear(&diag);
    effekt_table_destroy(t);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("build");
    TCase *tc = tcase_create("builders");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, NULL, effekt_chart_release_fonts);
    tcase_add_test(tc, test_kpi_bar_sv_owns_memory);
    tcase_add_test(tc, test_rates_and_values);
    tcase_add_test(tc, test_problems_name_columns);
    tcase_add_test(tc, test_kpi_top_others);
    tcase_add_test(tc, test_rates_top_others);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
