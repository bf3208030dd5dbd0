/* The library's analyses called directly: the grouper, compare and
 * retention on datasets/participants.csv and tests/data/two_groups.csv,
 * against the numbers effekt's golden CLI cases hold (which were checked
 * against R: tests/data/rates_groups.R, km_flat.R and the CLI cases'
 * notes).  The same doubles are expected: tolerance 1e-12 relative, only
 * to allow for printing. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/chart.h"
#include "effekt/compare.h"
#include "effekt/csv.h"
#include "effekt/group.h"
#include "effekt/retention.h"
#include "load_table.h"

#define REL 1e-12
#define ck_close(a, b) ck_assert_msg(fabs((double)(a) - (double)(b)) <= REL * fabs((double)(b)), "%.17g != %.17g", (double)(a), (double)(b))

START_TEST(test_group_order_and_missing)
{
    effekt_table *t = load("datasets/participants.csv");
    const char *by[] = { "project_id" };
    effekt_group *g = NULL;
    ck_assert_int_eq(effekt_group_create(t, by, 1, &g, NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_group_add_all(g), EFFEKT_OK);
    const char *want[] = { "GOVEST", "TPA", "SYN-NORD", "SYN-MIDT", "SYN-SYD", "SYN-OERESUND" };
    ck_assert_uint_eq(effekt_group_count(g), 6);
    size_t total = 0;
    for (size_t i = 0; i < 6; i++) {
        ck_assert_str_eq(effekt_group_label(g, i), want[i]);
        ck_assert_int_eq(effekt_group_missing(g, i), 0);
        total += effekt_group_size(g, i);
    }
    ck_assert_uint_eq(total, t->n_rows);
    ck_assert_uint_eq(effekt_group_size(g, 0), 30);
    ck_assert_uint_eq(effekt_group_of(g, effekt_group_first_row(g, 1)), 1);
    effekt_group_destroy(g);
    /* two columns: labels joined; no columns: one group "all" */
    const char *two[] = { "project_id", "gender" };
    ck_assert_int_eq(effekt_group_create(t, two, 2, &g, NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_group_add_all(g), EFFEKT_OK);
    ck_assert_ptr_nonnull(strstr(effekt_group_label(g, 0), "GOVEST, "));
    effekt_group_destroy(g);
    ck_assert_int_eq(effekt_group_create(t, NULL, 0, &g, NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_group_add(g, 5, NULL), EFFEKT_OK);
    ck_assert_uint_eq(effekt_group_count(g), 1);
    ck_assert_str_eq(effekt_group_label(g, 0), EFFEKT_GROUP_ALL);
    ck_assert_uint_eq(effekt_group_of(g, 4), EFFEKT_GROUP_NONE);
    effekt_group_destroy(g);
    /* a column that is not there: a problem naming it */
    effekt_diag d;
    effekt_diag_init(&d);
    const char *nope[] = { "nope" };
    ck_assert_int_eq(effekt_group_create(t, nope, 1, &g, &d), EFFEKT_EINVAL);
    ck_assert_ptr_null(g);
    ck_assert_str_eq(d.items[0].column_name, "nope");
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

START_TEST(test_group_missing_label)
{
    effekt_table *t = load("tests/data/rates_groups.csv");
    const char *by[] = { "group" };
    effekt_group *g = NULL;
    ck_assert_int_eq(effekt_group_create(t, by, 1, &g, NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_group_add_all(g), EFFEKT_OK);
    int seen = 0;
    for (size_t i = 0; i < effekt_group_count(g); i++)
        if (effekt_group_missing(g, i)) {
            ck_assert_str_eq(effekt_group_label(g, i), EFFEKT_GROUP_MISSING);
            seen = 1;
        }
    ck_assert_int_eq(seen, 1);
    effekt_group_destroy(g);
    effekt_table_destroy(t);
}
END_TEST

/* One grouper over two tables: the rows numbered one after the other,
 * the groups of both in the order they first appear. */
START_TEST(test_group_tables)
{
    effekt_table *a = load("tests/data/rates_groups.csv"), *b = load("tests/data/rates_groups.csv");
    const effekt_table *ts[] = { a, b };
    const char *by[] = { "group" };
    effekt_group *one = NULL, *g = NULL;
    ck_assert_int_eq(effekt_group_create(a, by, 1, &one, NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_group_add_all(one), EFFEKT_OK);
    ck_assert_int_eq(effekt_group_create_tables(ts, 2, by, 1, &g, NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_group_add_all(g), EFFEKT_OK);
    size_t k = effekt_group_count(one);
    ck_assert_uint_eq(effekt_group_count(g), k);
    const char *const *labels = effekt_group_labels(g);
    for (size_t i = 0; i < k; i++) {
        ck_assert_str_eq(labels[i], effekt_group_label(one, i));
        ck_assert_uint_eq(effekt_group_size(g, i), 2 * effekt_group_size(one, i));
    }
    /* row r of the second table is row n_rows + r */
    ck_assert_uint_eq(effekt_group_of(g, a->n_rows + 3), effekt_group_of(one, 3));
    ck_assert_int_eq(effekt_group_add_in(g, 2, 0, NULL), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_group_add_in(g, 1, b->n_rows, NULL), EFFEKT_EINVAL);
    effekt_group_destroy(g);
    effekt_group_destroy(one);
    /* a table without the column is named */
    effekt_table *p = load("datasets/participants.csv");
    const effekt_table *mixed[] = { a, p };
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_group_create_tables(mixed, 2, by, 1, &g, &d), EFFEKT_EINVAL);
    ck_assert_ptr_null(g);
    ck_assert_str_eq(d.items[0].file, p->source);
    effekt_diag_clear(&d);
    effekt_table_destroy(p);
    effekt_table_destroy(a);
    effekt_table_destroy(b);
}
END_TEST

/* The inputs of the rates and values charts, counted by the library:
 * the same events and trials as compare's rates, over one table or two. */
START_TEST(test_chart_inputs)
{
    effekt_table *t = load("tests/data/rates_groups.csv");
    effekt_compare_options o;
    effekt_compare_options_init(&o, EFFEKT_COMPARE_RATES);
    o.by = "group";
    o.outcome = "placed";
    effekt_compare_result *cr;
    ck_assert_int_eq(effekt_compare_run(t, &o, &cr, NULL), EFFEKT_OK);
    const effekt_table *ts[] = { t, t };
    for (size_t n_tables = 1; n_tables <= 2; n_tables++) {
        effekt_chart_rates *in;
        ck_assert_int_eq(effekt_chart_rates_count(ts, n_tables, "placed", "group", &in, NULL), EFFEKT_OK);
        ck_assert_str_eq(in->outcome, "placed");
        size_t matched = 0;
        for (size_t g = 0; g < in->n_groups; g++)
            for (size_t c = 0; c < cr->n_groups; c++)
                if (strcmp(in->labels[g], cr->groups[c].label) == 0) {
                    ck_assert_double_eq(in->events[g], (double)n_tables * cr->groups[c].events);
                    ck_assert_double_eq(in->trials[g], (double)n_tables * (double)cr->groups[c].n);
                    matched++;
                }
        ck_assert_uint_eq(matched, in->n_groups);
        effekt_chart_rates_destroy(in);
    }
    effekt_compare_result_destroy(cr);
    effekt_table_destroy(t);

    /* values: every row is a value or missing; groups as the grouper's */
    t = load("datasets/participants.csv");
    effekt_chart_values *v;
    ck_assert_int_eq(effekt_chart_values_gather((const effekt_table *const *)&t, 1, "age", "project_id", &v, NULL),
                     EFFEKT_OK);
    ck_assert_uint_eq(v->n + v->missing, t->n_rows);
    ck_assert_uint_eq(v->n_groups, 6);
    ck_assert_str_eq(v->labels[0], "GOVEST");
    for (size_t i = 0; i < v->n; i++)
        ck_assert_uint_lt(v->group[i], v->n_groups);
    effekt_chart_values_destroy(v);
    ck_assert_int_eq(effekt_chart_values_gather((const effekt_table *const *)&t, 1, "age", NULL, &v, NULL),
                     EFFEKT_OK);
    ck_assert_uint_eq(v->n_groups, 1);
    ck_assert_str_eq(v->labels[0], EFFEKT_GROUP_ALL);
    effekt_chart_values_destroy(v);

    /* problems name the column, the line, and the role as a hint */
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_chart_rates *in = NULL;
    ck_assert_int_eq(effekt_chart_rates_count((const effekt_table *const *)&t, 1, "age", "project_id", &in, &d),
                     EFFEKT_EVALUE);
    ck_assert_ptr_null(in);
    ck_assert_uint_eq(d.items[0].line, 2);
    ck_assert_uint_eq(d.items[0].column, 7);
    ck_assert_int_eq(d.items[0].hint, EFFEKT_HINT_OUTCOME);
    effekt_diag_clear(&d);
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_chart_values_gather((const effekt_table *const *)&t, 1, "project_id", NULL, &v, &d),
                     EFFEKT_EINVAL);
    ck_assert_int_eq(d.items[0].hint, EFFEKT_HINT_VALUE);
    ck_assert_int_eq(effekt_chart_rates_count((const effekt_table *const *)&t, 1, "placed_date", "nope", &in, &d),
                     EFFEKT_EINVAL);
    ck_assert_int_eq(d.items[1].hint, EFFEKT_HINT_BY);
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

/* effekt compare --by project_id --outcome placed_date --format csv
 * datasets/participants.csv (tests/cli/compare_participants_json.out) */
START_TEST(test_compare_rates)
{
    effekt_table *t = load("datasets/participants.csv");
    effekt_compare_options o;
    effekt_compare_options_init(&o, EFFEKT_COMPARE_RATES);
    o.by = "project_id";
    o.outcome = "placed_date";
    effekt_compare_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_compare_run(t, &o, &r, &d), EFFEKT_OK);
    ck_assert_uint_eq(r->n_groups, 6);
    ck_assert_str_eq(r->groups[0].label, "GOVEST");
    ck_assert_uint_eq(r->groups[0].n, 30);
    ck_close(r->groups[0].events, 14);
    ck_close(r->groups[0].rate.value, 0.4666666666666667);
    ck_close(r->groups[0].rate.lower, 0.3023238890769976);
    ck_close(r->groups[0].rate.upper, 0.638577003801267);
    ck_close(r->groups[5].rate.lower, 0.5462959189855783);
    ck_assert_str_eq(r->tests[0].name, "chi-square test of homogeneity (no continuity correction)");
    ck_close(r->tests[0].statistic, 35.49950973927287);
    ck_close(r->tests[0].df, 5);
    ck_close(r->tests[0].p, 1.1958922205026474e-06);
    ck_assert_uint_eq(r->n_pairs, 15);
    ck_assert_uint_eq(d.n, 0);   /* no notes, no warnings */
    effekt_compare_result_destroy(r);
    /* pairs not made: a note with its hint, never a flag in the words */
    o.pairwise_limit = 0;
    o.pairwise_asked = 1;
    ck_assert_int_eq(effekt_compare_run(t, &o, &r, &d), EFFEKT_OK);
    ck_assert_uint_eq(r->n_pairs, 0);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_int_eq(d.items[0].severity, EFFEKT_NOTE);
    ck_assert_int_eq(d.items[0].hint, EFFEKT_HINT_PAIRWISE_NONE);
    ck_assert_ptr_null(strstr(d.items[0].message, "--"));
    effekt_compare_result_destroy(r);
    effekt_diag_clear(&d);
    /* a text outcome: EINVAL, the column named, the role as hint */
    effekt_diag_init(&d);
    o.outcome = "gender";
    ck_assert_int_eq(effekt_compare_run(t, &o, &r, &d), EFFEKT_EINVAL);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(d.items[0].hint, EFFEKT_HINT_OUTCOME);
    ck_assert_str_eq(d.items[0].column_name, "gender");
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

/* two groups: the warning of a small expected count goes to the
 * diagnostics; Fisher's test; Newcombe and risk ratio (tests/cli/
 * compare_two_groups_table.out with Wilson: prop.test, fisher.test) */
START_TEST(test_compare_two_groups)
{
    effekt_table *t = load("tests/data/two_groups.csv");
    effekt_compare_options o;
    effekt_compare_options_init(&o, EFFEKT_COMPARE_RATES);
    o.by = "group";
    o.outcome = "placed";
    effekt_compare_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_compare_run(t, &o, &r, &d), EFFEKT_OK);
    ck_close(r->groups[0].rate.lower, 0.08894166839405476);
    ck_close(r->groups[0].rate.upper, 0.5323053349335656);
    ck_close(r->tests[0].statistic, 5.743181818181817);
    ck_close(r->tests[0].p, 0.01655278026104847);
    ck_assert_uint_eq(r->n_tests, 2);
    ck_assert_str_eq(r->tests[1].name, "Fisher's exact test (two-sided)");
    ck_assert_uint_eq(r->n_pairs, 1);
    ck_close(r->pairs[0].difference.value, 0.25 - 0.7777777777777778);
    ck_assert_uint_eq(effekt_diag_count(&d, EFFEKT_WARNING), 1);
    ck_assert_uint_eq(r->n_warnings, 1);
    ck_assert_ptr_nonnull(strstr(r->warnings[0], "expected count is below 5 (4.29)"));
    effekt_compare_result_destroy(r);
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

/* effekt retention --by project_id --at 365 datasets/participants.csv
 * (tests/cli/retention_participants_json.out; survfit / survdiff) */
START_TEST(test_retention_dates)
{
    effekt_table *t = load("datasets/participants.csv");
    effekt_retention_options o;
    effekt_retention_options_init(&o);
    o.spells.by = "project_id";
    double at[] = { 365 };
    o.at = at;
    o.n_at = 1;
    effekt_retention_result *r = NULL;
    ck_assert_int_eq(effekt_retention_run(t, &o, &r, NULL), EFFEKT_OK);
    ck_assert_uint_eq(r->n_curves, 6);
    ck_assert_str_eq(r->curves[0].label, "GOVEST");
    ck_assert_uint_eq(r->curves[0].n, 14);
    ck_assert_uint_eq(r->curves[0].events, 6);
    ck_close(r->curves[0].median.value, 1014);
    ck_close(r->curves[0].median.lower, 399);
    ck_assert(isnan(r->curves[0].median.upper));
    ck_close(r->curves[0].horizons[0].survival, 0.7660714285714285);
    ck_close(r->curves[0].horizons[0].lower, 0.5648125634071915);
    ck_close(r->curves[5].horizons[0].upper, 0.7281312648496313);
    ck_close(r->curves[5].horizons[0].at_risk, 224);
    ck_assert_str_eq(r->test.name, "log-rank");
    ck_close(r->test.chisq, 19.391627255811326);
    ck_close(r->test.df, 5);
    ck_close(r->test.p, 0.001624534694453578);
    ck_assert_uint_eq(r->curves[0].km.n_times, 0);   /* steps not kept */
    effekt_retention_result_destroy(r);
    effekt_table_destroy(t);
}
END_TEST

/* spells: a spell ending before its start is an error with its line
 * (tests/cli/retention_end_before_start) */
START_TEST(test_spells_errors)
{
    effekt_table *t = load("tests/data/end_before_start.csv");
    effekt_spells_options so = { 0 };
    effekt_spells *s = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_spells_build(t, &so, &s, &d), EFFEKT_EVALUE);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(d.items[0].line, 2);
    ck_assert_uint_eq(d.items[0].column, 3);
    ck_assert_int_eq(d.items[0].hint, EFFEKT_HINT_TO);
    ck_assert_ptr_nonnull(strstr(d.items[0].message, "job_end_date 2020-03-01 is before placed_date 2020-05-01"));
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

/* The grouper over a coded column (describe --by reads its ids as
 * codes) reads the rows in order only until every code of the dictionary
 * has its group, then counts the rest by code.  Its groups, in their
 * order, with their sizes, first rows and missing flags, and every row's
 * group equal those of the same file read as text, for codes of one, two
 * and four bytes, whatever comes late: a code first seen at the last
 * row, a missing value first seen after every code (also with an id
 * written "(missing)", which is that group's key too), every id first
 * seen in the last rows after missing values. */
enum { LATE_CODE, LATE_MISSING, MISSING_BETWEEN, MOSTLY_MISSING };

/* The id of row r of n (-1: missing) for a pattern over `ids` ids. */
static long late_id(int pattern, size_t r, size_t n, size_t ids)
{
    switch (pattern) {
    case LATE_CODE:   /* id ids - 1 first at the last row; missing early */
        if (r == n - 1)
            return (long)ids - 1;
        return r % 97 == 5 ? -1 : (long)((r * 7) % (ids - 1));
    case LATE_MISSING:   /* every id in the first rows; missing near the end */
        return r == n - 10 || r == n - 3 ? -1 : (long)(r < ids ? r : (r * 13) % ids);
    case MISSING_BETWEEN:   /* missing before the last id's first row */
        return r == 2 || r == n / 2 ? -1 : (long)(r < ids ? r : (r * 5) % ids);
    default:   /* missing but for the ids, each once, in the last rows */
        return r + ids >= n ? (long)(r + ids - n) : -1;
    }
}

static void check_coded_grouper(int pattern, size_t n, size_t ids, unsigned code_bytes, int literal)
{
    size_t cap = 32 * n + 64, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text + len, cap - len, "id,x\n");
    for (size_t r = 0; r < n; r++) {
        long id = late_id(pattern, r, n, ids);
        if (id < 0)
            len += (size_t)snprintf(text + len, cap - len, "NA,%zu\n", r);
        else if (literal && id == 3)
            len += (size_t)snprintf(text + len, cap - len, "%s,%zu\n", EFFEKT_GROUP_MISSING, r);
        else
            len += (size_t)snprintf(text + len, cap - len, "K%ld,%zu\n", id, r);
    }
    const char *by[] = { "id" };
    effekt_csv_options plain = { 0 }, coded = { .coded = by, .n_coded = 1 };
    effekt_table *t[2] = { NULL, NULL };
    ck_assert_int_eq(effekt_csv_load_buffer(text, len, "late.csv", &plain, &t[0], NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_csv_load_buffer(text, len, "late.csv", &coded, &t[1], NULL), EFFEKT_OK);
    free(text);
    const effekt_column *c = effekt_table_column(t[1], "id");
    ck_assert_ptr_nonnull(c->codes);
    ck_assert_uint_eq(c->code_bytes, code_bytes);
    ck_assert_ptr_null(effekt_table_column(t[0], "id")->codes);
    effekt_group *g[2] = { NULL, NULL };
    for (int k = 0; k < 2; k++) {
        ck_assert_int_eq(effekt_group_create(t[k], by, 1, &g[k], NULL), EFFEKT_OK);
        ck_assert_int_eq(effekt_group_add_all(g[k]), EFFEKT_OK);
    }
    size_t groups = effekt_group_count(g[0]), total = 0;
    ck_assert_uint_eq(effekt_group_count(g[1]), groups);
    for (size_t i = 0; i < groups; i++) {
        ck_assert_str_eq(effekt_group_label(g[1], i), effekt_group_label(g[0], i));
        ck_assert_uint_eq(effekt_group_size(g[1], i), effekt_group_size(g[0], i));
        ck_assert_uint_eq(effekt_group_first_row(g[1], i), effekt_group_first_row(g[0], i));
        ck_assert_int_eq(effekt_group_missing(g[1], i), effekt_group_missing(g[0], i));
        total += effekt_group_size(g[1], i);
    }
    ck_assert_uint_eq(total, n);
    for (size_t r = 0; r < n; r++)
        ck_assert_uint_eq(effekt_group_of(g[1], r), effekt_group_of(g[0], r));
    /* what each pattern is there for */
    if (pattern == LATE_CODE)
        ck_assert_uint_eq(effekt_group_first_row(g[1], groups - 1), n - 1);
    if (pattern == LATE_MISSING) {   /* its own group, last; or the group of the id "(missing)" */
        size_t m = literal ? 3 : groups - 1;
        ck_assert_uint_eq(effekt_group_first_row(g[1], m), (literal ? 3 : n - 10));
        ck_assert_int_eq(effekt_group_missing(g[1], m), 1);
    }
    if (pattern == MOSTLY_MISSING)
        ck_assert_uint_eq(effekt_group_size(g[1], 0), n - ids + (size_t)(literal && ids > 3));
    for (int k = 0; k < 2; k++) {
        effekt_group_destroy(g[k]);
        effekt_table_destroy(t[k]);
    }
}

START_TEST(test_group_codes_late)
{
    for (int pattern = LATE_CODE; pattern <= MOSTLY_MISSING; pattern++) {
        check_coded_grouper(pattern, 5000, 11, 1, 0);
        check_coded_grouper(pattern, 5000, 11, 1, 1);
        check_coded_grouper(pattern, 5000, 300, 2, 0);
        check_coded_grouper(pattern, 5000, 300, 2, 1);
    }
    check_coded_grouper(LATE_CODE, 140000, 70000, 4, 0);
    check_coded_grouper(LATE_MISSING, 140000, 70000, 4, 1);
    check_coded_grouper(MISSING_BETWEEN, 140000, 70000, 4, 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("analysis");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_group_order_and_missing);
    tcase_add_test(tc, test_group_missing_label);
    tcase_add_test(tc, test_group_tables);
    tcase_add_test(tc, test_group_codes_late);
    tcase_add_test(tc, test_chart_inputs);
    tcase_add_test(tc, test_compare_rates);
    tcase_add_test(tc, test_compare_two_groups);
    tcase_add_test(tc, test_retention_dates);
    tcase_add_test(tc, test_spells_errors);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
