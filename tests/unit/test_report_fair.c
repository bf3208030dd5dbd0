/* Check suite for the fair comparison of a report (spec
 * "fair_comparison", src/lib/report/fair.c, issue 19): the figures of
 * the bundled Go Vest report equal R's on the same data, its tables
 * show them through the locale, and the spec's mistakes are named by
 * their JSON path with nothing made.
 *
 * R 4.2, survival 3.5.3, metafor 3.8.1 (also tests/data/report_fair.R):
 *   p <- read.csv("datasets/participants.csv", stringsAsFactors = FALSE)
 *   p$placed <- as.integer(p$placed_date != "")
 *   fit <- glm(placed ~ age + gender + education, family = binomial, data = p)
 *   O <- tapply(p$placed, p$project_id, sum)
 *   E <- tapply(fitted(fit), p$project_id, sum)
 *   poisson.test(O["GOVEST"], E["GOVEST"])$conf.int          # O/E interval x E
 *   n <- tapply(p$placed, p$project_id, length)
 *   m <- rma(yi, vi, data = escalc("PLO", xi = O, ni = n), method = "REML")
 *   predict(m, transf = transf.ilogit); confint(m)$random["tau^2", ]
 *   s <- p[p$placed == 1, ]; s$end <- ifelse(s$job_end_date != "", s$job_end_date, s$followup_date)
 *   s$time <- as.numeric(as.Date(s$end) - as.Date(s$placed_date)); s$event <- as.integer(s$job_end_date != "")
 *   cx <- coxph(Surv(time, event) ~ age + gender, data = s, ties = "efron")
 *   summary(cx); cx$wald.test; cox.zph(cx)$table
 * Tolerance 1e-8 relative, as every other R oracle of the models; the
 * likelihood-ratio statistic is a difference of two log likelihoods of
 * about -2945 and agrees to 1e-11. */
#include "config.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "effekt/report.h"

#define TOL 1e-8

static char dir[256];

static void fresh_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/effekt-test-fair-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void cleanup(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

static void near(double got, double want, const char *what)
{
    ck_assert_msg(fabs(got - want) <= TOL * fabs(want), "%s: %.17g, R %.17g", what, got, want);
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    ck_assert_msg(cJSON_IsNumber(v), "no number '%s'", key);
    return v->valuedouble;
}

static const cJSON *row_where(const cJSON *array, const char *key, const char *value)
{
    for (const cJSON *e = array ? array->child : NULL; e; e = e->next) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, key);
        if (cJSON_IsString(v) && strcmp(v->valuestring, value) == 0)
            return e;
    }
    ck_abort_msg("no row with %s = %s", key, value);
    return NULL;
}

/* The bundled Go Vest report (datasets/report-spec.json), written into dir/out. */
static void run_bundled(void)
{
    const char *srcdir = getenv("srcdir");
    char spec[1024], out[600];
    snprintf(spec, sizeof spec, "%s/datasets/report-spec.json", srcdir ? srcdir : ".");
    snprintf(out, sizeof out, "%s/out", dir);
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_report_spec *s = NULL;
    ck_assert_int_eq(effekt_report_spec_read(spec, &s, &diag), EFFEKT_OK);
    effekt_report *r = NULL;
    ck_assert_int_eq(effekt_report_run(s, &r, &diag), EFFEKT_OK);
    ck_assert_int_eq(effekt_report_write(r, out, &diag), EFFEKT_OK);
    ck_assert_uint_eq(effekt_diag_count(&diag, EFFEKT_ERROR), 0);
    effekt_report_destroy(r);
    effekt_report_spec_destroy(s);
    effekt_diag_clear(&diag);
    effekt_chart_release_fonts();
}

START_TEST(test_fair_equals_r)
{
    fresh_dir();
    run_bundled();
    char path[700];
    snprintf(path, sizeof path, "%s/out/results.json", dir);
    char *text = slurp(path);
    cJSON *root = cJSON_Parse(text);
    free(text);
    ck_assert_ptr_nonnull(root);
    const cJSON *fair = cJSON_GetObjectItemCaseSensitive(root, "fair_comparison");
    ck_assert_ptr_nonnull(fair);

    /* O/E: glm + poisson.test */
    const cJSON *groups = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(fair, "casemix"), "groups");
    const cJSON *g = row_where(groups, "group", "GOVEST");
    near(num(g, "expected"), 16.224799486327818, "GOVEST E");
    const cJSON *oe = cJSON_GetObjectItemCaseSensitive(g, "o_e");
    near(num(oe, "value"), 0.86287661131328042, "GOVEST O/E");
    near(num(oe, "lower"), 0.47174267286017008, "GOVEST O/E lower");
    near(num(oe, "upper"), 1.4477603339030241, "GOVEST O/E upper");
    g = row_where(groups, "group", "SYN-SYD");
    near(num(g, "expected"), 86.281812364161851, "SYN-SYD E");
    oe = cJSON_GetObjectItemCaseSensitive(g, "o_e");
    near(num(oe, "value"), 0.637446044455655, "SYN-SYD O/E");
    near(num(oe, "lower"), 0.48021159774163913, "SYN-SYD O/E lower");
    near(num(oe, "upper"), 0.82972364643669816, "SYN-SYD O/E upper");

    /* pooling: rma(method = "REML"), predict(transf = transf.ilogit), confint */
    const cJSON *pooled = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(fair, "meta"), "pooled")->child;
    ck_assert_ptr_nonnull(pooled);
    near(num(pooled, "estimate"), 0.50915707152569578, "pooled rate");
    near(num(pooled, "lower"), 0.42814039869760206, "pooled lower");
    near(num(pooled, "upper"), 0.58969558758202079, "pooled upper");
    near(num(pooled, "prediction_lower"), 0.32264281948773155, "prediction lower");
    near(num(pooled, "prediction_upper"), 0.69315642425266333, "prediction upper");
    near(num(pooled, "tau2"), 0.13000351862147916, "tau2");
    near(num(pooled, "tau2_lower"), 0.032152285614121132, "tau2 lower");
    near(num(pooled, "tau2_upper"), 0.84000773971494935, "tau2 upper");
    near(num(pooled, "I2"), 87.168804064622762, "I2");
    near(num(pooled, "Q"), 34.122273041399779, "Q");
    near(num(pooled, "Q_p"), 2.2512021620691545e-06, "Q p");

    /* Cox: coxph (Efron), its three tests, cox.zph */
    const cJSON *cox = cJSON_GetObjectItemCaseSensitive(fair, "cox");
    const cJSON *coefs = cJSON_GetObjectItemCaseSensitive(cox, "cox");
    const cJSON *c = row_where(coefs, "covariate", "age");
    near(num(c, "hazard_ratio"), 0.9967887101300984, "HR age");
    near(num(c, "lower"), 0.98858380029739379, "HR age lower");
    near(num(c, "upper"), 1.0050617179281374, "HR age upper");
    near(num(c, "p"), 0.44563412271589997, "p age");
    c = row_where(coefs, "covariate", "gendermale");
    near(num(c, "hazard_ratio"), 1.010339091058251, "HR men");
    near(num(c, "lower"), 0.84551637095408616, "HR men lower");
    near(num(c, "upper"), 1.2072919153162611, "HR men upper");
    near(num(c, "p"), 0.90987202939210932, "p men");
    const cJSON *tests = cJSON_GetObjectItemCaseSensitive(cox, "cox_tests");
    near(num(row_where(tests, "test", "likelihood ratio"), "chisq"), 0.59125574359313759, "LR");
    near(num(row_where(tests, "test", "likelihood ratio"), "p"), 0.7440642638055105, "LR p");
    near(num(row_where(tests, "test", "Wald"), "chisq"), 0.5910022642446332, "Wald");
    near(num(row_where(tests, "test", "Wald"), "p"), 0.74415857224411208, "Wald p");
    near(num(row_where(tests, "test", "score (log-rank)"), "chisq"), 0.59114407101156208, "score");
    near(num(row_where(tests, "test", "score (log-rank)"), "p"), 0.74410581075401216, "score p");
    const cJSON *zph = cJSON_GetObjectItemCaseSensitive(cox, "cox_zph");
    near(num(row_where(zph, "term", "age"), "chisq"), 5.0424901325999683, "zph age");
    near(num(row_where(zph, "term", "gender"), "p"), 0.0438980299055877279, "zph gender p");
    near(num(row_where(zph, "term", "GLOBAL"), "chisq"), 9.2884653900269196, "zph global");
    near(num(row_where(zph, "term", "GLOBAL"), "p"), 0.0096169059292581325, "zph global p");
    cJSON_Delete(root);

    /* the tables show those figures as the Danish locale writes them */
    struct {
        const char *table, *want;
    } shown[] = {
        { "fair-oe", "Go Vest (dette projekt);30;14;16,2;0,86 (0,47–1,45);inden for grænserne" },
        { "fair-oe", "SYN-SYD;160;55;86,3;0,64 (0,48–0,83);under 99,8\u00a0%-grænsen" },
        { "fair-pool", "Et nyt projekt (prædiktionsinterval);;;50,9\u00a0% (32,3–69,3);" },
        { "fair-pool", "Samlet (tilfældige effekter);1.500;812;50,9\u00a0% (42,8–59,0);100,0" },
        { "fair-cox", "Køn: mænd (mod kvinder);1,010 (0,846–1,207);0,910" },
        { "fair-cox-tests", "Proportionale hazards: samlet;9,29;2;0,010" },
        { "fair-casemix-model", "Uddannelse: erhvervsuddannelse (mod bachelor);0,841 (0,628–1,126);0,246" },
    };
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
        snprintf(path, sizeof path, "%s/out/tables/%s.csv", dir, shown[i].table);
        char *csv = slurp(path);
        ck_assert_msg(strstr(csv, shown[i].want) != NULL, "%s lacks '%s':\n%s", shown[i].table, shown[i].want, csv);
        free(csv);
    }
    /* both charts, and the models as the commands write them */
    const char *files[] = { "charts/fair-oe-funnel.png", "charts/fair-pool-forest.svg", "data/fair-casemix.json",
                            "data/fair-meta.json", "data/fair-cox.json" };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        struct stat sb;
        snprintf(path, sizeof path, "%s/out/%s", dir, files[i]);
        ck_assert_msg(stat(path, &sb) == 0 && sb.st_size > 0, "%s missing", files[i]);
    }
    cleanup();
}
END_TEST

/* A spec in a fresh folder: participants.csv as "p", the given
 * fair_comparison object (and more top-level keys). */
static const char *spec_with(const char *fair, const char *more)
{
    static char path[512];
    fresh_dir();
    snprintf(path, sizeof path, "%s/spec.json", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    const char *srcdir = getenv("srcdir");
    char abs[1024];
    ck_assert_ptr_nonnull(realpath(srcdir ? srcdir : ".", abs));
    fprintf(f, "{ \"title\": \"t\", \"inputs\": { \"p\": { \"file\": \"%s/datasets/participants.csv\" } },\n"
               "  %s\"fair_comparison\": %s }\n", abs, more, fair);
    fclose(f);
    return path;
}

/* Mistakes of the spec itself: each by its JSON path, nothing read. */
START_TEST(test_fair_spec_mistakes)
{
    static const struct {
        const char *fair, *more, *want;
    } cases[] = {
        { "{ \"adjust\": [\"age\"], \"colour\": 1 }", "\"participants\": \"p\", ", "fair_comparison.colour: unknown key" },
        { "{ \"adjust\": \"age\" }", "\"participants\": \"p\", ", "fair_comparison.adjust: expected a list of strings" },
        { "{ \"pool\": \"yes\" }", "\"participants\": \"p\", ", "fair_comparison.pool: expected true or false" },
        { "{ \"pool\": true, \"method\": \"ml\" }", "\"participants\": \"p\", ",
          "fair_comparison.method: 'ml' (expected reml, dl or pm)" },
        { "{ \"adjust\": [\"age\"], \"overdispersion\": \"big\" }", "\"participants\": \"p\", ",
          "fair_comparison.overdispersion: 'big' (expected none, multiplicative or additive)" },
        { "{ \"adjust\": [] }", "\"participants\": \"p\", ", "fair_comparison.adjust: expected from 1 to 64 column names" },
        { "{ \"cox\": [\"age\"], \"method\": \"dl\" }", "\"participants\": \"p\", ",
          "fair_comparison.method: goes with \"pool\": true" },
        { "{ \"adjust\": [\"age\"], \"strata\": \"gender\" }", "\"participants\": \"p\", ",
          "fair_comparison.strata: goes with \"cox\" (the strata of the Cox model)" },
        { "{ \"pool\": false }", "\"participants\": \"p\", ",
          "fair_comparison: nothing to do (expected \"adjust\", \"pool\": true or \"cox\")" },
        { "{ \"pool\": true }", "",
          "fair_comparison.input: missing (expected the participant-level input, here or as participants)" },
        { "{ \"pool\": true, \"input\": \"q\" }", "", "fair_comparison.input: no input named 'q' in inputs" },
        { "[\"age\"]", "", "fair_comparison: expected an object" },
        { "{ \"pool\": true }, \"charts\": [ { \"kind\": \"km\", \"input\": \"p\", \"name\": \"fair-oe\" } ]",
          "\"participants\": \"p\", ", "charts[0].name: 'fair-oe' (names starting with fair- are the fair comparison's)" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *spec = spec_with(cases[i].fair, cases[i].more);
        effekt_diag diag;
        effekt_diag_init(&diag);
        effekt_report_spec *s = NULL;
        ck_assert_int_eq(effekt_report_spec_read(spec, &s, &diag), EFFEKT_EINVAL);
        ck_assert_ptr_null(s);
        ck_assert_msg(diag.n == 1 && strcmp(diag.items[0].message, cases[i].want) == 0, "case %zu: got %zu, first '%s'", i,
                      diag.n, diag.n ? diag.items[0].message : "");
        ck_assert_str_eq(diag.items[0].file, spec);
        effekt_diag_clear(&diag);
        cleanup();
    }
}
END_TEST

/* Names the loaded input lacks: each by its JSON path, no report. */
START_TEST(test_fair_unknown_columns)
{
    const char *spec = spec_with("{ \"adjust\": [\"age\", \"agee\"], \"cox\": [\"gender\", \"hair\"], \"by\": \"project\" }",
                                 "\"participants\": \"p\", ");
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_report_spec *s = NULL;
    ck_assert_int_eq(effekt_report_spec_read(spec, &s, &diag), EFFEKT_OK);
    effekt_report *r = NULL;
    ck_assert_int_eq(effekt_report_run(s, &r, &diag), EFFEKT_EINVAL);
    ck_assert_ptr_null(r);
    const char *want[] = { "fair_comparison.by: no column 'project' in ", "fair_comparison.adjust[1]: no column 'agee' in ",
                           "fair_comparison.cox[1]: no column 'hair' in " };
    for (size_t k = 0; k < 3; k++) {
        int found = 0;
        for (size_t i = 0; i < diag.n; i++)
            found |= strstr(diag.items[i].message, want[k]) == diag.items[i].message &&
                     strstr(diag.items[i].message, "datasets/participants.csv") != NULL;
        ck_assert_msg(found, "no problem '%s'", want[k]);
    }
    effekt_report_spec_destroy(s);
    effekt_diag_clear(&diag);
    cleanup();
}
END_TEST

/* A model that cannot be fitted is the spec's problem too, by its key:
 * a column with one value among the jobs. */
START_TEST(test_fair_model_fails)
{
    const char *spec = spec_with("{ \"cox\": [\"synthetic\"] }", "\"participants\": \"p\", ");
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_report_spec *s = NULL;
    ck_assert_int_eq(effekt_report_spec_read(spec, &s, &diag), EFFEKT_OK);
    effekt_report *r = NULL;
    ck_assert_int_ne(effekt_report_run(s, &r, &diag), EFFEKT_OK);
    ck_assert_ptr_null(r);
    int found = 0;
    for (size_t i = 0; i < diag.n; i++)
        found |= diag.items[i].severity == EFFEKT_ERROR && strncmp(diag.items[i].message, "fair_comparison.cox: ", 21) == 0;
    ck_assert_msg(found, "no error named fair_comparison.cox (first: %s)", diag.n ? diag.items[0].message : "");
    effekt_report_spec_destroy(s);
    effekt_diag_clear(&diag);
    cleanup();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report_fair");
    TCase *tc = tcase_create("fair");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_fair_equals_r);
    tcase_add_test(tc, test_fair_spec_mistakes);
    tcase_add_test(tc, test_fair_unknown_columns);
    tcase_add_test(tc, test_fair_model_fails);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
