/* Check suite for the money plan of kpi (effekt_money_plan_run) and the
 * reasons a KPI is undefined: ids, the English of the JSON, and the
 * words in every locale. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/csv.h"
#include "effekt/kpi.h"
#include "effekt/money.h"
#include "effekt/text.h"

static effekt_table *load(const char *csv)
{
    effekt_table *t = NULL;
    ck_assert_int_eq(effekt_csv_load_buffer(csv, strlen(csv), "p.csv", NULL, &t, NULL), EFFEKT_OK);
    return t;
}

static const char projects[] =
    "project_id,currency,start_date,price_year,total_cost,participants\n"
    "A,DKK,2019-03-01,,746038,10\n"   /* 2019 from the start date */
    "B,SEK,2020-01-01,,1050,10\n"     /* SEK has a 2020 rate only */
    "C,SEK,2019-01-01,,1050,10\n"     /* no SEK rate for 2019 */
    "D,,2019-01-01,,100,10\n"         /* currency not reported */
    "E,EUR,,,100,10\n";               /* no year: fine for EUR, no price index */

/* Factors by hand: DKK at the ERM II rate 7.46038 per EUR, so 746038
 * DKK is 100000 EUR; SEK 10.5 per EUR in 2020; the deflator 2019 = 100,
 * 2020 = 102 makes 2019 amounts 1.02 times larger in 2020 prices. */
START_TEST(test_plan)
{
    effekt_table *t = load(projects);
    effekt_rates_entry r[] = { { "SEK", 2020, 10.5 }, { "DKK", 0, EFFEKT_DKK_PER_EUR_ERM2 } };
    effekt_rates rates = { r, 2 };
    long years[] = { 2019, 2020 };
    double index[] = { 100, 102 };
    effekt_deflator defl = { years, index, 2 };
    effekt_money_options o = { .currency = "EUR", .price_year = 2020, .rates = &rates, .deflator = &defl };
    effekt_money_plan *p;
    ck_assert_int_eq(effekt_money_plan_run(t, &o, &p, NULL), EFFEKT_OK);
    ck_assert_uint_eq(p->n, 5);
    ck_assert_msg(fabs(p->factor[0] * 746038 - 102000) < 1e-9, "A: %.17g", p->factor[0] * 746038);
    ck_assert_msg(fabs(p->factor[1] * 1050 - 100) < 1e-12, "B: %.17g", p->factor[1] * 1050);
    ck_assert_int_eq(p->why[2].id, EFFEKT_REASON_NO_RATE);
    ck_assert_str_eq(p->reason[2], "no SEK rate for 2019 (--rates gives rates)");
    ck_assert_int_eq(p->why[3].id, EFFEKT_REASON_CURRENCY_NOT_REPORTED);
    ck_assert_str_eq(p->reason[3], "currency not reported");
    ck_assert_int_eq(p->why[4].id, EFFEKT_REASON_PRICE_YEAR_UNKNOWN);
    ck_assert(isnan(p->factor[4]));
    ck_assert_ptr_null(p->reason[0]);

    /* through the KPIs: the reason as id and as English */
    effekt_kpi_options k = { .confidence = 0.95 };
    effekt_money_plan_kpi_options(p, &k);
    effekt_kpi_sheet *s;
    ck_assert_int_eq(effekt_kpi_compute(t, &k, &s, NULL), EFFEKT_OK);
    size_t cpp = (size_t)(effekt_kpi_find("cost_per_participant") - effekt_kpi_definitions());
    const effekt_kpi_value f_v = effekt_kpi_figure(s, 2, cpp), *f = &f_v;
    ck_assert(isnan(f->value));
    ck_assert_int_eq(f->why.id, EFFEKT_REASON_NO_RATE);
    ck_assert_str_eq(f->why.arg[0], "SEK");
    ck_assert_str_eq(f->why.arg[1], "2019");
    ck_assert_str_eq(f->reason, "no SEK rate for 2019 (--rates gives rates)");
    char *da = effekt_text_kpi_reason(effekt_locale_find("da"), &f->why);
    ck_assert_str_eq(da, "ingen SEK-kurs for 2019");
    free(da);
    ck_assert_msg(fabs(effekt_kpi_figure(s, 0, cpp).value - 10200) < 1e-9, "A per participant");
    effekt_kpi_sheet_destroy(s);
    effekt_money_plan_destroy(p);

    /* nothing restated: no factors */
    effekt_money_options none = { 0 };
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_money_plan_run(t, &none, &p, &d), EFFEKT_EINVAL);   /* DKK, SEK, EUR */
    ck_assert_ptr_null(p);
    ck_assert_str_eq(d.items[0].message, "projects report amounts in DKK (line 2) and SEK (line 3)");
    ck_assert_ptr_null(strstr(d.items[0].message, "--"));
    effekt_diag_clear(&d);
    effekt_table_destroy(t);

    t = load("project_id,currency,total_cost\nA,DKK,1\nB,,2\n");
    ck_assert_int_eq(effekt_money_plan_run(t, &none, &p, NULL), EFFEKT_OK);
    ck_assert_ptr_null(p->factor);
    effekt_money_plan_destroy(p);
    effekt_table_destroy(t);
}
END_TEST

/* Every reason: a name that parses back, English as the JSON has it, a
 * word in every locale (column names as a reader says them). */
START_TEST(test_reasons)
{
    for (int i = 0; i < EFFEKT_N_REASONS; i++) {
        effekt_kpi_reason r;
        ck_assert_int_eq(effekt_kpi_reason_parse(effekt_kpi_reason_name((effekt_kpi_reason)i), &r), EFFEKT_OK);
        ck_assert_int_eq(r, i);
        effekt_kpi_why w = { .id = (effekt_kpi_reason)i, .arg = { "participants", "2019" } };
        for (size_t l = 0; l < effekt_locale_count(); l++) {
            char *text = effekt_text_kpi_reason(effekt_locale_at(l), &w);
            ck_assert_ptr_nonnull(text);
            ck_assert_int_eq(*text == '\0', i == EFFEKT_REASON_NONE);
            ck_assert_ptr_null(strstr(text, "{"));
            ck_assert_ptr_null(strstr(text, "--"));   /* no flags for people */
            free(text);
        }
    }
    effekt_kpi_why w = { .id = EFFEKT_REASON_EXCEEDS, .arg = { "jobs_created", "participants" } };
    char buf[96];
    effekt_kpi_why_english(&w, buf, sizeof buf);
    ck_assert_str_eq(buf, "jobs_created exceeds participants");
    w = (effekt_kpi_why){ .id = EFFEKT_REASON_NOT_REPORTED, .arg = { "participants" } };
    char *sv = effekt_text_kpi_reason(effekt_locale_find("sv"), &w);
    ck_assert_str_eq(sv, "deltagare saknas");
    free(sv);
    char *da = effekt_text_kpi_reason(effekt_locale_find("da"), &w);
    ck_assert_str_eq(da, "deltagere ikke oplyst");
    free(da);
    ck_assert_str_eq(effekt_kpi_reason_name(EFFEKT_N_REASONS), "?");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("money");
    TCase *tc = tcase_create("plan");
    tcase_add_test(tc, test_plan);
    tcase_add_test(tc, test_reasons);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
