/* Check suite for effekt/typeset.h: each figure as en, da and sv write
 * it, checked against the text a person would type (by hand, from the
 * issue's examples: "46,7 % (29,8–64,3)", "< 0,001", "9. september
 * 2019", "30,0 mio. kr."). */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "effekt/date.h"
#include "effekt/typeset.h"

static const effekt_locale *en, *da, *sv;
static char buf[128];

static void setup(void)
{
    en = effekt_locale_find("en");
    da = effekt_locale_find("da");
    sv = effekt_locale_find("sv");
}

START_TEST(test_share_interval)
{
    ck_assert_str_eq(effekt_typeset_share_interval(da, 0.467, 0.298, 0.643, 1, buf, sizeof buf),
                     "46,7 % (29,8\u201364,3)");
    ck_assert_str_eq(effekt_typeset_share_interval(en, 0.467, 0.298, 0.643, 1, buf, sizeof buf),
                     "46.7% (29.8\u201364.3)");
    ck_assert_str_eq(effekt_typeset_share_interval(sv, 0.467, 0.298, 0.643, 1, buf, sizeof buf),
                     "46,7\u00a0% (29,8\u201364,3)");
    ck_assert_str_eq(effekt_typeset_share_interval(da, 0.5, NAN, NAN, 1, buf, sizeof buf), "50,0 %");
}
END_TEST

START_TEST(test_interval)
{
    ck_assert_str_eq(effekt_typeset_interval(en, 123022.4, 100000, 150000, 0, buf, sizeof buf),
                     "123,022 (100,000\u2013150,000)");
    ck_assert_str_eq(effekt_typeset_interval(da, 1.5, -0.25, 3.25, 2, buf, sizeof buf),
                     "1,50 (\u22120,25 \u2013 3,25)");
}
END_TEST

START_TEST(test_p_values)
{
    ck_assert_str_eq(effekt_typeset_p(da, 1.2e-06, buf, sizeof buf), "<\u00a00,001");
    ck_assert_str_eq(effekt_typeset_p(en, 1.2e-06, buf, sizeof buf), "<\u00a00.001");
    ck_assert_str_eq(effekt_typeset_p(en, 0.0421, buf, sizeof buf), "0.042");
    ck_assert_str_eq(effekt_typeset_p(da, 1, buf, sizeof buf), "1,000");
    ck_assert_str_eq(effekt_typeset_p(en, NAN, buf, sizeof buf), "\u2013");
    ck_assert_str_eq(effekt_typeset_p(en, 0.001, buf, sizeof buf), "0.001");
}
END_TEST

START_TEST(test_points)
{
    ck_assert_str_eq(effekt_typeset_points(en, 0.032, 1, buf, sizeof buf), "+3.2 percentage points");
    ck_assert_str_eq(effekt_typeset_points(da, -0.032, 1, buf, sizeof buf), "\u22123,2 procentpoint");
    ck_assert_str_eq(effekt_typeset_points(sv, 0, 1, buf, sizeof buf), "0,0 procentenheter");
}
END_TEST

START_TEST(test_money)
{
    ck_assert_str_eq(effekt_typeset_money(da, 3690661, "DKK", buf, sizeof buf), "3.690.661\u00a0kr.");
    ck_assert_str_eq(effekt_typeset_money(en, 3690661, "DKK", buf, sizeof buf), "DKK\u00a03,690,661");
    ck_assert_str_eq(effekt_typeset_money(da, 30000000, "DKK", buf, sizeof buf), "30,0\u00a0mio. kr.");
    ck_assert_str_eq(effekt_typeset_money(en, 30000000, "DKK", buf, sizeof buf), "DKK\u00a030.0 million");
    ck_assert_str_eq(effekt_typeset_money(en, 30000000, "EUR", buf, sizeof buf), "EUR\u00a030.0 million");
    ck_assert_str_eq(effekt_typeset_money(da, 307555.08, "EUR", buf, sizeof buf), "307.555\u00a0EUR");
    ck_assert_str_eq(effekt_typeset_money(sv, 88000, NULL, buf, sizeof buf), "88\u202f000");
    ck_assert_str_eq(effekt_typeset_money_unit(da, "DKK", 0, buf, sizeof buf), "kr.");
    ck_assert_str_eq(effekt_typeset_money_unit(da, "DKK", 1, buf, sizeof buf), "mio. kr.");
    ck_assert_str_eq(effekt_typeset_money_unit(en, "DKK", 1, buf, sizeof buf), "DKK million");
    ck_assert_str_eq(effekt_typeset_money_unit(en, "SEK", 1, buf, sizeof buf), "SEK million");
}
END_TEST

START_TEST(test_dates_and_ranges)
{
    long d = effekt_date_from_civil(2019, 9, 9), e = effekt_date_from_civil(2022, 12, 31);
    ck_assert_str_eq(effekt_typeset_date(da, d, buf, sizeof buf), "9.\u00a0september 2019");
    ck_assert_str_eq(effekt_typeset_date(en, d, buf, sizeof buf), "9\u00a0September 2019");
    ck_assert_str_eq(effekt_typeset_date(sv, e, buf, sizeof buf), "31\u00a0december 2022");
    char a[64], b[64];
    effekt_typeset_date(da, d, a, sizeof a);
    effekt_typeset_date(da, e, b, sizeof b);
    ck_assert_str_eq(effekt_typeset_range(a, b, buf, sizeof buf),
                     "9.\u00a0september 2019 \u2013 31.\u00a0december 2022");
    ck_assert_str_eq(effekt_typeset_range("2019", "2022", buf, sizeof buf), "2019\u20132022");
    ck_assert_str_eq(effekt_typeset_range("2015-04-20", "2019-03-01", buf, sizeof buf), "2015-04-20 \u2013 2019-03-01");
}
END_TEST

START_TEST(test_decimals)
{
    const double money[] = { 123022.4, 88000, NAN }, shares[] = { 0.48, 0.5 }, months[] = { 39.7, 36, 30 };
    ck_assert_int_eq(effekt_typeset_decimals(money, 3), 0);
    ck_assert_int_eq(effekt_typeset_decimals(months, 3), 1);
    ck_assert_int_eq(effekt_typeset_decimals(shares, 2), 3);
    ck_assert_int_eq(effekt_typeset_decimals((const double[]){ 1.5, -2 }, 2), 2);
}
END_TEST

START_TEST(test_headers_and_funds)
{
    ck_assert_str_eq(effekt_typeset_kpi_header(en, "cost_per_participant", "DKK", 0, buf, sizeof buf),
                     "Cost per participant (DKK)");
    ck_assert_str_eq(effekt_typeset_kpi_header(da, "cost_per_participant", "DKK", 0, buf, sizeof buf),
                     "Omkostning pr. deltager (kr.)");
    ck_assert_str_eq(effekt_typeset_kpi_header(da, "eu_share", NULL, 0, buf, sizeof buf),
                     "EU-andel af de samlede udgifter (%)");
    ck_assert_str_eq(effekt_typeset_kpi_header(sv, "duration_months", NULL, 0, buf, sizeof buf),
                     "Varaktighet (månader)");
    ck_assert_str_eq(effekt_typeset_kpi_header(en, "no_such_kpi", NULL, 0, buf, sizeof buf), "no_such_kpi");
    ck_assert_str_eq(effekt_typeset_fund(da, "S"), "Socialfonden");
    ck_assert_str_eq(effekt_typeset_fund(en, "S"), "ESF");
    ck_assert_str_eq(effekt_typeset_fund(da, "R"), "Regionalfonden");
    ck_assert_str_eq(effekt_typeset_fund(en, "erdf"), "ERDF");
    ck_assert_str_eq(effekt_typeset_fund(en, "Industriens Fond"), "Industriens Fond");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("typeset");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_share_interval);
    tcase_add_test(tc, test_interval);
    tcase_add_test(tc, test_p_values);
    tcase_add_test(tc, test_points);
    tcase_add_test(tc, test_money);
    tcase_add_test(tc, test_dates_and_ranges);
    tcase_add_test(tc, test_decimals);
    tcase_add_test(tc, test_headers_and_funds);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
