/* Check suite for the text layer: every locale of the locales table has
 * every word, KPI and column of the words table, with the same
 * placeholders as English; numbers, shares and dates as each locale
 * writes them (by hand); placeholders filled in any order. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/kpi.h"
#include "effekt/text.h"

/* The set of placeholders {1} … {9} in s, as bits. */
static unsigned placeholders(const char *s)
{
    unsigned bits = 0;
    for (; *s; s++)
        if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}')
            bits |= 1u << (s[1] - '0');
    return bits;
}

START_TEST(test_every_locale_complete)
{
    ck_assert_uint_ge(effekt_locale_count(), 2);
    ck_assert_str_eq(effekt_locale_at(0)->name, "en");
    ck_assert_ptr_null(effekt_locale_at(effekt_locale_count()));
    for (size_t i = 0; i < effekt_locale_count(); i++) {
        const effekt_locale *l = effekt_locale_at(i);
        ck_assert_ptr_eq(effekt_locale_find(l->name), l);
        ck_assert(l->language && l->decimal_mark && l->group_mark && l->percent && l->minus && l->date_format);
        for (int w = 0; w < EFFEKT_N_WORDS; w++) {
            ck_assert_msg(effekt_text_has(l, (effekt_text_word_id)w), "locale %s lacks word %d", l->name, w);
            const char *s = effekt_text_word(l, (effekt_text_word_id)w), *en = effekt_text_word(effekt_locale_at(0), (effekt_text_word_id)w);
            ck_assert_msg(*s, "locale %s: word %d is empty", l->name, w);
            ck_assert_msg(placeholders(s) == placeholders(en), "locale %s: word %d has other placeholders than en",
                          l->name, w);
        }
        ck_assert_msg(effekt_text_kpi_complete(l), "locale %s lacks a KPI's words", l->name);
        ck_assert_msg(effekt_text_columns_complete(l), "locale %s lacks a column's word", l->name);
        /* every KPI of kpi.c has its words, with the same placeholders */
        for (const effekt_kpi_def *d = effekt_kpi_definitions(); d->name; d++) {
            ck_assert_msg(effekt_text_kpi_title(l, d->name) != NULL, "no title for KPI %s", d->name);
            ck_assert_uint_eq(placeholders(effekt_text_kpi_unit(l, d->name)),
                              placeholders(effekt_text_kpi_unit(NULL, d->name)));
        }
    }
    ck_assert_ptr_null(effekt_locale_find("xx"));
    ck_assert_ptr_null(effekt_text_kpi_title(NULL, "no_such_kpi"));
    ck_assert_str_eq(effekt_text_column(NULL, "my_column"), "my_column");
    ck_assert_str_eq(effekt_text_word(NULL, EFFEKT_N_WORDS), "");
}
END_TEST

START_TEST(test_compose)
{
    const effekt_locale *en = effekt_locale_find("en"), *da = effekt_locale_find("da");
    char *s = effekt_text_compose(en, EFFEKT_WORD_BY, 2, (const char *[]){ "cost", "project" });
    ck_assert_str_eq(s, "cost by project");
    free(s);
    s = effekt_text_compose(da, EFFEKT_WORD_KPI_SUBTITLE, 3, (const char *[]){ "a / b", "5", "3" });
    ck_assert_str_eq(s, "a / b; 5 projekter, 3 uden tal");
    free(s);
    /* a placeholder without its argument stays as it is */
    s = effekt_text_compose(en, EFFEKT_WORD_BY, 1, (const char *[]){ "cost" });
    ck_assert_str_eq(s, "cost by {2}");
    free(s);
    ck_assert_str_eq(effekt_text_kpi_unit(da, "cost_per_participant"), "{1} pr. deltager");
    ck_assert_str_eq(effekt_text_column(da, "project_id"), "projekt");
}
END_TEST

/* The marks by hand: 1 234 567,891 in each locale's convention. */
START_TEST(test_locale_numbers)
{
    const effekt_locale *en = effekt_locale_find("en"), *da = effekt_locale_find("da");
    char buf[64];
    ck_assert_str_eq(effekt_locale_format(en, 1234567.891, 2, buf, sizeof buf), "1,234,567.89");
    ck_assert_str_eq(effekt_locale_format(da, -1234567.891, 1, buf, sizeof buf), "\u22121.234.567,9");
    ck_assert_str_eq(effekt_locale_format_percent(en, 0.484, 1, buf, sizeof buf), "48.4%");
    ck_assert_str_eq(effekt_locale_format_percent(da, 0.484, 1, buf, sizeof buf), "48,4 %");
    ck_assert_str_eq(effekt_locale_format_percent(en, 0.95, -1, buf, sizeof buf), "95%");
    ck_assert_str_eq(effekt_locale_format_percent(da, 0.998, -1, buf, sizeof buf), "99,8 %");
    ck_assert_str_eq(effekt_locale_format_percent(en, NAN, 1, buf, sizeof buf), "\u2013");
    /* 19722 is 2023-12-31 (as.numeric(as.Date("2023-12-31")) in R) */
    ck_assert_str_eq(effekt_locale_format_date(en, 19722, buf, sizeof buf), "2023-12-31");
    ck_assert_str_eq(effekt_locale_format_date(da, 19722, buf, sizeof buf), "31.12.2023");
    /* too small a buffer: cut, never overrun */
    char small[5];
    ck_assert_str_eq(effekt_locale_format(en, 1234567, 0, small, sizeof small), "1,23");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("tables");
    tcase_add_test(tc, test_every_locale_complete);
    tcase_add_test(tc, test_compose);
    tcase_add_test(tc, test_locale_numbers);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
