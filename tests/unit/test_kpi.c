/* Check suite for the KPIs.  Every expected value is a hand calculation
 * written beside it; tolerance 1e-12 relative (the KPIs are one or two
 * IEEE operations). */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "effekt/csv.h"
#include "effekt/kpi.h"
#include "effekt/money.h"

#define REL 1e-12

static effekt_diag diag;
static effekt_table *table;
static effekt_kpi_sheet *sheet;

static void setup(void)
{
    effekt_diag_init(&diag);
    table = NULL;
    sheet = NULL;
}

static void teardown(void)
{
    effekt_kpi_sheet_destroy(sheet);
    effekt_table_destroy(table);
    effekt_diag_clear(&diag);
}

static void compute_with(const char *csv, const effekt_kpi_options *opt)
{
    effekt_kpi_sheet_destroy(sheet);
    effekt_table_destroy(table);
    effekt_diag_clear(&diag);
    sheet = NULL;
    ck_assert_int_eq(effekt_csv_load_buffer(csv, strlen(csv), "k.csv", NULL, &table, &diag), EFFEKT_OK);
    ck_assert_int_eq(effekt_kpi_compute(table, opt, &sheet, &diag), EFFEKT_OK);
}

static void compute(const char *csv)
{
    effekt_kpi_options opt = { .confidence = 0.95 };
    compute_with(csv, &opt);
}

/* The figure by value: each call its own copy, so two may be compared. */
static effekt_kpi_value fig_value(size_t project, const char *kpi)
{
    const effekt_kpi_def *d = effekt_kpi_find(kpi);
    ck_assert_ptr_nonnull(d);
    return effekt_kpi_figure(sheet, project, (size_t)(d - effekt_kpi_definitions()));
}
#define fig(project, kpi) (&(effekt_kpi_value[1]){ fig_value((project), (kpi)) }[0])

#define ASSERT_REL(got, want)                                                              \
    do {                                                                                   \
        double g_ = (got), w_ = (want);                                                    \
        ck_assert_msg(fabs(g_ - w_) <= REL * fabs(w_), "%s = %.17g, want %.17g", #got, g_, w_); \
    } while (0)

#define ASSERT_UNDEFINED(project, kpi, why)                                                \
    do {                                                                                   \
        const effekt_kpi_value *f_ = fig(project, kpi);                                       \
        ck_assert_msg(isnan(f_->value), "%s defined: %g", kpi, f_->value);                 \
        ck_assert_str_eq(f_->reason, why);                                                 \
    } while (0)

static int has_warning(const char *needle)
{
    for (size_t i = 0; i < diag.n; i++)
        if (diag.items[i].severity == EFFEKT_WARNING && strstr(diag.items[i].message, needle))
            return 1;
    return 0;
}

/* Go Vest as the seed page gives it (SEED-FACTS.md). */
static const char govest[] =
    "project_id,start_date,end_date,stated_months,total_cost,eu_contribution,national_public,"
    "participants,companies,jobs_target\n"
    "GOVEST,2019-09-09,2022-12-31,30,3690661,1786690,893345,30,15,12\n";

START_TEST(funding_shares)
{
    compute(govest);
    ASSERT_REL(fig(0, "eu_share")->value, 1786690.0 / 3690661.0);          /* 0.484111111803549... */
    ASSERT_REL(fig(0, "eu_share")->value, 0.48411111180354954);
    ASSERT_REL(fig(0, "national_public_share")->value, 893345.0 / 3690661.0);  /* 0.24205555590177477 */
    ASSERT_REL(fig(0, "unattributed")->value, 1010626.0);                   /* 3690661 - 1786690 - 893345 */
    ASSERT_REL(fig(0, "unattributed_share")->value, 1010626.0 / 3690661.0); /* 0.27383333229467566 */
    ASSERT_UNDEFINED(0, "private_share", "private_funding not reported");
}
END_TEST

START_TEST(unit_costs)
{
    compute(govest);
    ASSERT_REL(fig(0, "planned_cost_per_job")->value, 307555.0833333333);   /* 3690661 / 12 */
    ASSERT_REL(fig(0, "cost_per_participant")->value, 123022.03333333334);  /* 3690661 / 30 */
    ASSERT_REL(fig(0, "cost_per_company")->value, 3690661.0 / 15.0);        /* 246044.0666... */
    ASSERT_UNDEFINED(0, "cost_per_job", "jobs_created not reported");
    ASSERT_UNDEFINED(0, "eu_cost_per_job", "jobs_created not reported");
    ASSERT_UNDEFINED(0, "target_attainment", "jobs_created not reported");
}
END_TEST

START_TEST(zero_jobs_is_undefined_not_infinite)
{
    compute("project_id,total_cost,jobs_created,jobs_target,participants\nA,1000,0,0,10\n");
    ASSERT_UNDEFINED(0, "cost_per_job", "jobs_created is 0");
    ASSERT_UNDEFINED(0, "planned_cost_per_job", "jobs_target is 0");
    ASSERT_UNDEFINED(0, "target_attainment", "jobs_target is 0");
    /* 0 of 10 placed is a rate of 0 with an interval, not undefined */
    ck_assert_double_eq(fig(0, "placement_rate")->value, 0.0);
    ck_assert_double_eq(fig(0, "placement_rate")->lower, 0.0);
}
END_TEST

START_TEST(missing_is_not_zero)
{
    /* HEADSTART: EU-supported, amount not given -> eu_share undefined, not 0 */
    compute("project_id,total_cost,eu_contribution\nHEADSTART,20000000,\nTPA,4400000,0\n");
    ASSERT_UNDEFINED(0, "eu_share", "eu_contribution not reported");
    ck_assert_double_eq(fig(1, "eu_share")->value, 0.0);
    ASSERT_UNDEFINED(0, "unattributed", "no funding source reported");
}
END_TEST

START_TEST(rates_with_wilson_intervals)
{
    /* 7 of 20 placed; 5 of 7 retained.  Wilson 95 %, z = qnorm(0.975) =
     * 1.9599639845400536: p = 0.35, centre (p + z^2/40)/(1 + z^2/20),
     * half z/(1 + z^2/20) sqrt(p(1-p)/20 + z^2/1600) gives
     * [0.1811918241010821, 0.5671457233147637], as R's
     * prop.test(7, 20, correct = FALSE)$conf.int. */
    compute("project_id,participants,jobs_created,retained_6m,retained_12m\nA,20,7,5,\n");
    ASSERT_REL(fig(0, "placement_rate")->value, 0.35);
    ASSERT_REL(fig(0, "placement_rate")->lower, 0.1811918241010821);
    ASSERT_REL(fig(0, "placement_rate")->upper, 0.5671457233147637);
    ASSERT_REL(fig(0, "retention_6m")->value, 5.0 / 7.0);
    ck_assert(fig(0, "retention_6m")->lower < 5.0 / 7.0 && fig(0, "retention_6m")->upper > 5.0 / 7.0);
    ASSERT_UNDEFINED(0, "retention_12m", "retained_12m not reported");
}
END_TEST

START_TEST(wilson_at_the_edges)
{
    double lo, hi;
    /* 12 of 12: [12/(12+z^2), 1] = [0.7575059933447593, 1] */
    effekt_interval_wilson(12, 12, 0.95, &lo, &hi);
    ASSERT_REL(lo, 0.7575059933447593);
    ck_assert_double_eq(hi, 1.0);
    /* 0 of 12: [0, z^2/(12+z^2)] = [0, 0.2424940066552408] */
    effekt_interval_wilson(0, 12, 0.95, &lo, &hi);
    ck_assert_double_eq(lo, 0.0);
    ASSERT_REL(hi, 0.2424940066552408);
}
END_TEST

START_TEST(duration_and_monthly_cost)
{
    compute(govest);
    /* 2019-09-09 .. 2022-12-31 is 1209 days; 1209 / 30.4375 */
    ASSERT_REL(fig(0, "duration_months")->value, 39.72073921971253);
    ASSERT_REL(fig(0, "monthly_cost")->value, 3690661.0 / (1209.0 / 30.4375));
    /* the seed says 30 months: a warning naming both */
    ck_assert(has_warning("GOVEST: stated duration 30 months differs from the dates 2019-09-09 to "
                          "2022-12-31 (39.7 months)"));
    ck_assert_uint_eq(diag.items[0].line, 2);
}
END_TEST

START_TEST(impossible_data_warnings)
{
    compute("project_id,start_date,end_date,total_cost,eu_contribution,national_public,participants,"
            "jobs_created,retained_6m,retained_12m\n"
            "A,2020-01-01,2019-01-01,100,80,40,5,6,7,3\n");
    ck_assert(has_warning("A: end_date 2019-01-01 is before start_date 2020-01-01"));
    ck_assert(has_warning("A: funding sources sum to 120, above the total cost 100"));
    ck_assert(has_warning("A: jobs_created 6 exceeds participants 5"));
    ck_assert(has_warning("A: retained_6m 7 exceeds jobs_created 6"));
    ck_assert(!has_warning("retained_12m"));
    ASSERT_UNDEFINED(0, "duration_months", "end_date is before start_date");
    ASSERT_UNDEFINED(0, "placement_rate", "jobs_created exceeds participants");
}
END_TEST

START_TEST(stated_rate_check)
{
    /* 7.707.397 / 15.414.794 = 0.5 exactly: agrees with "50%" */
    compute("name;Budget / Budget;EU-medfinansiering / Union co-financing;EU-medfinansieringssats / Union co-financing rate\n"
            "V\xC3\xA6kst 2.0;15.414.794;7.707.397;50%\nOther;1.000.000;400.000;50%\n");
    ck_assert_str_eq(sheet->project[0], "row 1");
    ck_assert_str_eq(sheet->name[0], "Vækst 2.0");
    ASSERT_REL(fig(0, "eu_share")->value, 0.5);
    ck_assert(!has_warning("row 1"));
    /* 400.000 / 1.000.000 = 40 %, stated 50 %: beyond half a point */
    ck_assert(has_warning("row 2: stated EU co-financing rate 50% differs from the computed EU share 40%"));
}
END_TEST

START_TEST(pooled_is_a_ratio_of_sums)
{
    compute("project_id,fund,total_cost,jobs_created\nA,ESF,100,2\nB,ESF,300,1\nC,ERDF,50,\n");
    effekt_kpi_options opt = { .confidence = 0.95 };
    effekt_kpi_group *g;
    size_t n;
    ck_assert_int_eq(effekt_kpi_group_by(table, sheet, "fund", &opt, &g, &n, &diag), EFFEKT_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(g[0].group, "ESF");
    size_t k = (size_t)(effekt_kpi_find("cost_per_job") - effekt_kpi_definitions());
    /* (100 + 300) / (2 + 1) = 133.33..., not the mean of 50 and 300 */
    ASSERT_REL(g[0].kpi[k].pooled.value, 400.0 / 3.0);
    ck_assert_uint_eq(g[0].kpi[k].n_used, 2);
    /* project values 50 and 300: type-7 median 175, quartiles 112.5 and 237.5 */
    ASSERT_REL(g[0].kpi[k].median, 175.0);
    ASSERT_REL(g[0].kpi[k].q1, 112.5);
    ASSERT_REL(g[0].kpi[k].q3, 237.5);
    ck_assert_double_eq(g[0].kpi[k].min, 50.0);
    ck_assert_double_eq(g[0].kpi[k].max, 300.0);
    ck_assert_str_eq(g[1].group, "ERDF");
    ck_assert(isnan(g[1].kpi[k].pooled.value));
    ck_assert_str_eq(g[1].kpi[k].pooled.reason, "no project reports the inputs");
    effekt_kpi_groups_destroy(g, n);
}
END_TEST

START_TEST(currency_and_price_year)
{
    effekt_rates rates;
    ck_assert_int_eq(effekt_rates_load(NULL, &rates, &diag), EFFEKT_OK);
    double k;
    char why[128];
    /* the ERM II central rate: 746038 DKK = 100000 EUR */
    ck_assert_int_eq(effekt_rates_factor(&rates, "DKK", 2019, "EUR", &k, why, sizeof why), EFFEKT_OK);
    ASSERT_REL(746038.0 * k, 100000.0);
    ck_assert_int_eq(effekt_rates_factor(&rates, "SEK", 2019, "EUR", &k, why, sizeof why), EFFEKT_EUNDEF);
    ck_assert_str_eq(why, "no SEK rate for 2019 (--rates gives rates)");
    effekt_rates_clear(&rates);

    double factor[] = { 1.0 / 7.46038, NAN };
    const char *reason[] = { NULL, "currency not reported" };
    effekt_kpi_options opt = { .confidence = 0.95, .money_factor = factor, .money_reason = reason };
    compute_with("project_id,total_cost,eu_contribution,jobs_created\nA,746038,373019,2\nB,100,50,1\n", &opt);
    ASSERT_REL(fig(0, "cost_per_job")->value, 50000.0);     /* 100000 EUR / 2 */
    ASSERT_REL(fig(0, "eu_share")->value, 0.5);             /* shares do not change */
    ASSERT_UNDEFINED(1, "cost_per_job", "currency not reported");
    ASSERT_REL(fig(1, "eu_share")->value, 0.5);
}
END_TEST

START_TEST(deflator_and_rates_files)
{
    /* hand-made files: index 2019 = 100, 2022 = 110; 10 SEK per EUR in 2019 */
    char defl[] = "/tmp/effekt-deflator-XXXXXX", rates_path[] = "/tmp/effekt-rates-XXXXXX";
    int fd = mkstemp(defl);
    static const char defl_text[] = "year,index\n2019,100\n2022,110\n";
    static const char rates_text[] = "currency,year,rate\nSEK,2019,10\n";
    ck_assert(fd >= 0 && write(fd, defl_text, strlen(defl_text)) == (ssize_t)strlen(defl_text));
    close(fd);
    fd = mkstemp(rates_path);
    ck_assert(fd >= 0 && write(fd, rates_text, strlen(rates_text)) == (ssize_t)strlen(rates_text));
    close(fd);
    effekt_deflator d;
    effekt_rates r;
    ck_assert_int_eq(effekt_deflator_load(defl, &d, &diag), EFFEKT_OK);
    ck_assert_int_eq(effekt_rates_load(rates_path, &r, &diag), EFFEKT_OK);
    unlink(defl);
    unlink(rates_path);
    double k;
    char why[128];
    ck_assert_int_eq(effekt_deflator_factor(&d, 2019, 2022, &k, why, sizeof why), EFFEKT_OK);
    ASSERT_REL(k, 1.1);   /* 110 / 100 */
    ck_assert_int_eq(effekt_deflator_factor(&d, 2018, 2022, &k, why, sizeof why), EFFEKT_EUNDEF);
    ck_assert_str_eq(why, "no price index for 2018 in the deflator");
    /* SEK -> DKK through the euro: 7.46038 / 10 */
    ck_assert_int_eq(effekt_rates_factor(&r, "SEK", 2019, "DKK", &k, why, sizeof why), EFFEKT_OK);
    ASSERT_REL(k, 0.746038);
    ck_assert_int_eq(effekt_rates_factor(&r, "SEK", 2020, "EUR", &k, why, sizeof why), EFFEKT_EUNDEF);
    effekt_deflator_clear(&d);
    effekt_rates_clear(&r);
}
END_TEST

static Suite *kpi_suite(void)
{
    Suite *s = suite_create("kpi");
    TCase *tc = tcase_create("kpi");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, funding_shares);
    tcase_add_test(tc, unit_costs);
    tcase_add_test(tc, zero_jobs_is_undefined_not_infinite);
    tcase_add_test(tc, missing_is_not_zero);
    tcase_add_test(tc, rates_with_wilson_intervals);
    tcase_add_test(tc, wilson_at_the_edges);
    tcase_add_test(tc, duration_and_monthly_cost);
    tcase_add_test(tc, impossible_data_warnings);
    tcase_add_test(tc, stated_rate_check);
    tcase_add_test(tc, pooled_is_a_ratio_of_sums);
    tcase_add_test(tc, currency_and_price_year);
    tcase_add_test(tc, deflator_and_rates_files);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(kpi_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
