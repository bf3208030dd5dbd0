/* Check suite for the report in the library (effekt/report.h): a spec
 * read, run and written without the command line; mistakes named by
 * their JSON path; a failed run leaves nothing. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "effekt/report.h"

static char dir[256];

/* A spec in a fresh folder, its input the bundled participants. */
static const char *spec_file(const char *analyses)
{
    static char path[512];
    snprintf(dir, sizeof dir, "/tmp/effekt-test-report-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/spec.json", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    const char *srcdir = getenv("srcdir");
    char abs[1024];
    ck_assert_ptr_nonnull(realpath(srcdir ? srcdir : ".", abs));
    fprintf(f, "{ \"title\": \"t\", \"inputs\": { \"p\": { \"file\": \"%s/datasets/participants.csv\" } },\n"
               "  \"analyses\": [ %s ] }\n", abs, analyses);
    fclose(f);
    return path;
}

static int exists(const char *rel)
{
    char path[1024];
    struct stat sb;
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    return stat(path, &sb) == 0;
}

static void cleanup(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_report_runs)
{
    const char *spec = spec_file("{ \"type\": \"compare\", \"input\": \"p\", \"by\": \"project_id\", \"outcome\": \"placed_date\" }");
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_report_spec *s = NULL;
    ck_assert_int_eq(effekt_report_spec_read(spec, &s, &diag), EFFEKT_OK);
    ck_assert_uint_eq(effekt_report_spec_inputs(s), 1);
    ck_assert_str_eq(effekt_report_spec_input_name(s, 0), "p");
    /* the files, in the order they are written */
    ck_assert_str_eq(effekt_report_spec_file(s, 0), "data/input-p.json");
    ck_assert_str_eq(effekt_report_spec_file(s, 1), "data/analysis-1-compare.json");
    ck_assert_str_eq(effekt_report_spec_file(s, 2), "report.pdf");
    effekt_report *r = NULL;
    ck_assert_int_eq(effekt_report_run(s, &r, &diag), EFFEKT_OK);
    char out[600];
    snprintf(out, sizeof out, "%s/out", dir);
    ck_assert_int_eq(effekt_report_write(r, out, &diag), EFFEKT_OK);
    ck_assert(exists("out/report.pdf"));
    ck_assert(exists("out/results.json"));
    ck_assert(exists("out/data/analysis-1-compare.json"));
    effekt_report_destroy(r);
    effekt_report_spec_destroy(s);
    effekt_chart_release_fonts();   /* fontconfig's caches, for the leak checker */
    ck_assert_uint_eq(effekt_diag_count(&diag, EFFEKT_ERROR), 0);
    effekt_diag_clear(&diag);
    cleanup();
}
END_TEST

START_TEST(test_report_spec_paths)
{
    const char *spec = spec_file("{ \"type\": \"compare\", \"input\": \"q\", \"by\": 5 }, { \"type\": \"x\", \"input\": \"p\", \"colour\": 1 }");
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_report_spec *s = NULL;
    ck_assert_int_eq(effekt_report_spec_read(spec, &s, &diag), EFFEKT_EINVAL);
    ck_assert_ptr_null(s);
    const char *want[] = { "analyses[0].by: expected a string", "analyses[0].input: no input named 'q' in inputs",
                           "analyses[1].colour: unknown key", "analyses[1].type: expected describe, compare or retention" };
    ck_assert_uint_eq(diag.n, 4);
    for (size_t i = 0; i < 4; i++) {
        ck_assert_str_eq(diag.items[i].message, want[i]);
        ck_assert_str_eq(diag.items[i].file, spec);
    }
    effekt_diag_clear(&diag);
    cleanup();
}
END_TEST

/* The third analysis fails: the run gives no report, so nothing is written. */
START_TEST(test_report_fails_whole)
{
    const char *spec = spec_file("{ \"type\": \"describe\", \"input\": \"p\", \"columns\": [\"age\"] },"
                                 "{ \"type\": \"retention\", \"input\": \"p\", \"by\": \"project_id\" },"
                                 "{ \"type\": \"compare\", \"input\": \"p\", \"by\": \"nosuch\", \"outcome\": \"placed_date\" }");
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_report_spec *s = NULL;
    ck_assert_int_eq(effekt_report_spec_read(spec, &s, &diag), EFFEKT_OK);
    effekt_report *r = NULL;
    ck_assert_int_eq(effekt_report_run(s, &r, &diag), EFFEKT_EINVAL);
    ck_assert_ptr_null(r);
    int found = 0;
    for (size_t i = 0; i < diag.n; i++)
        found |= strstr(diag.items[i].message, "analyses[2].by: no column 'nosuch' in ") == diag.items[i].message;
    ck_assert_msg(found, "no problem named analyses[2].by");
    effekt_report_spec_destroy(s);
    effekt_diag_clear(&diag);
    cleanup();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("report");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_report_runs);
    tcase_add_test(tc, test_report_spec_paths);
    tcase_add_test(tc, test_report_fails_whole);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
