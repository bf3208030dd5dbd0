/* Check suite: every public enum has a _name and a _parse, and they are
 * inverse: parse(name(v)) == v for every value, a value outside the enum
 * is named "?", a name that is none of them (or NULL) is EFFEKT_EINVAL
 * and leaves the output alone.  The names are spelled out once here, so a
 * renamed word (which JSON, a report spec or a command line may carry)
 * shows up as a failing test. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/chart.h"
#include "effekt/compare.h"
#include "effekt/csv.h"
#include "effekt/describe.h"
#include "effekt/diag.h"
#include "effekt/histogram.h"
#include "effekt/kpi.h"
#include "effekt/output.h"
#include "effekt/report.h"
#include "effekt/status.h"
#include "effekt/survival.h"
#include "effekt/table.h"

/* For enum E with values 0..n-1 named as in want[]: the round trip, the
 * names, "?" past the end, EINVAL for a stranger and for NULL. */
#define ROUND_TRIP(E, name_fn, parse_fn, ...)                                          \
    do {                                                                               \
        static const char *const want[] = { __VA_ARGS__ };                             \
        size_t n = sizeof want / sizeof *want;                                         \
        for (size_t v = 0; v < n; v++) {                                               \
            ck_assert_str_eq(name_fn((E)v), want[v]);                                  \
            E got = (E)(n + 7);                                                        \
            ck_assert_int_eq(parse_fn(want[v], &got), EFFEKT_OK);                      \
            ck_assert_int_eq((int)got, (int)v);                                        \
        }                                                                              \
        ck_assert_str_eq(name_fn((E)n), "?");                                          \
        E keep = (E)0;                                                                 \
        ck_assert_int_eq(parse_fn("no such name", &keep), EFFEKT_EINVAL);              \
        ck_assert_int_eq(parse_fn(NULL, &keep), EFFEKT_EINVAL);                        \
        ck_assert_int_eq((int)keep, 0);                                                \
    } while (0)

START_TEST(status_and_severity)
{
    ROUND_TRIP(effekt_status, effekt_status_name, effekt_status_parse, "ok", "enomem", "eio", "eparse",
               "eencoding", "evalue", "eschema", "einval", "eundef", "elimit");
    ROUND_TRIP(effekt_severity, effekt_severity_name, effekt_severity_parse, "note", "warning", "error");
    effekt_severity s;
    ck_assert_int_eq(effekt_severity_parse("Warning", &s), EFFEKT_OK);   /* case ignored */
    ck_assert_int_eq(s, EFFEKT_WARNING);
    ROUND_TRIP(effekt_hint, effekt_hint_name, effekt_hint_parse, "none", "by", "outcome", "value", "ratio", "from",
               "to", "censor", "censor-date", "time", "event", "pairwise-none", "pairwise-limit", "sum-by");
}
END_TEST

START_TEST(table_and_csv)
{
    ROUND_TRIP(effekt_type, effekt_type_name, effekt_type_parse, "empty", "integer", "number", "date", "boolean",
               "text");
    ROUND_TRIP(effekt_canonical_level, effekt_canonical_level_name, effekt_canonical_level_parse, "any", "project", "participant");
    for (int e = EFFEKT_ENCODING_AUTO; e <= EFFEKT_ENCODING_UTF16BE; e++) {
        effekt_csv_encoding got;
        ck_assert_int_eq(effekt_csv_encoding_parse(effekt_csv_encoding_name((effekt_csv_encoding)e), &got), EFFEKT_OK);
        ck_assert_int_eq(got, e);
    }
    ROUND_TRIP(effekt_format, effekt_format_name, effekt_format_parse, "table", "csv", "json");
    ROUND_TRIP(effekt_csv_date_order, effekt_csv_date_order_name, effekt_csv_date_order_parse, "auto", "dmy", "mdy",
               "ymd");
}
END_TEST

START_TEST(statistics)
{
    ROUND_TRIP(effekt_adjust_method, effekt_adjust_name, effekt_adjust_parse, "holm", "BH", "none");
    ROUND_TRIP(effekt_compare_kind, effekt_compare_kind_name, effekt_compare_kind_parse, "rates", "values", "ratio");
    ROUND_TRIP(effekt_km_conf_type, effekt_km_conf_type_name, effekt_km_conf_type_parse, "log", "log-log", "plain");
    ROUND_TRIP(effekt_kpi_kind, effekt_kpi_kind_name, effekt_kpi_kind_parse, "ratio", "rate", "unattributed",
               "unattributed_share", "duration", "monthly_cost");
    for (int m = EFFEKT_INTERVAL_WILSON; m <= EFFEKT_INTERVAL_AGRESTI_COULL; m++) {
        effekt_interval_method got;
        ck_assert_int_eq(effekt_interval_parse(effekt_interval_name((effekt_interval_method)m), &got), EFFEKT_OK);
        ck_assert_int_eq(got, m);
    }
    for (int r = EFFEKT_HISTOGRAM_STURGES; r <= EFFEKT_HISTOGRAM_FD; r++) {
        effekt_histogram_rule got;
        ck_assert_int_eq(effekt_histogram_rule_parse(effekt_histogram_rule_name((effekt_histogram_rule)r), &got),
                         EFFEKT_OK);
        ck_assert_int_eq(got, r);
    }
}
END_TEST

/* The parsers whose names are not one table round-tripped above refuse
 * NULL and a stranger too, leaving the output alone. */
#define REFUSES(E, parse_fn)                                                         \
    do {                                                                             \
        E keep = (E)0;                                                               \
        ck_assert_int_eq(parse_fn(NULL, &keep), EFFEKT_EINVAL);                      \
        ck_assert_int_eq(parse_fn("no such name", &keep), EFFEKT_EINVAL);            \
        ck_assert_int_eq((int)keep, 0);                                              \
    } while (0)

START_TEST(parsers_refuse_null)
{
    REFUSES(effekt_interval_method, effekt_interval_parse);
    REFUSES(effekt_histogram_rule, effekt_histogram_rule_parse);
    REFUSES(effekt_chart_kind, effekt_chart_kind_parse);
    REFUSES(effekt_describe_stat, effekt_describe_stat_parse);
    REFUSES(effekt_kpi_reason, effekt_kpi_reason_parse);
    REFUSES(effekt_csv_encoding, effekt_csv_encoding_parse);
}
END_TEST

START_TEST(charts_and_reports)
{
    ROUND_TRIP(effekt_chart_format, effekt_chart_format_name, effekt_chart_format_parse, "png", "svg", "pdf");
    ROUND_TRIP(effekt_chart_mark_type, effekt_chart_mark_type_name, effekt_chart_mark_type_parse, "text", "bar", "point", "box",
               "line", "area");
    for (int k = EFFEKT_CHART_BAR; k <= EFFEKT_CHART_TIMELINE; k++) {
        effekt_chart_kind got;
        ck_assert_int_eq(effekt_chart_kind_parse(effekt_chart_kind_name((effekt_chart_kind)k), &got), EFFEKT_OK);
        ck_assert_int_eq(got, k);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("names");
    TCase *tc = tcase_create("enums");
    tcase_add_test(tc, status_and_severity);
    tcase_add_test(tc, table_and_csv);
    tcase_add_test(tc, statistics);
    tcase_add_test(tc, charts_and_reports);
    tcase_add_test(tc, parsers_refuse_null);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
