/* Check suite for the CSV loader: one test per quirk of real exports.
 * Expected values are hand-read from the inputs written in each test. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "effekt/csv.h"
#include "../../src/lib/io/dates.h"
#include "effekt/sha256.h"
#include "effekt/group.h"
#include "bundled_csv.h"

static effekt_diag diag;
static effekt_table *table;

static void setup(void)
{
    effekt_diag_init(&diag);
    table = NULL;
}

static void teardown(void)
{
    effekt_table_destroy(table);
    effekt_diag_clear(&diag);
}

static effekt_status load_opt(const char *text, const effekt_csv_options *opt)
{
    effekt_table_destroy(table);
    table = NULL;
    effekt_diag_clear(&diag);   /* each load starts with no problems */
    return effekt_csv_load_buffer(text, strlen(text), "t.csv", opt, &table, &diag);
}

static effekt_status load_opt_len(const char *text, size_t len, const effekt_csv_options *opt)
{
    effekt_table_destroy(table);
    table = NULL;
    effekt_diag_clear(&diag);
    return effekt_csv_load_buffer(text, len, "t.csv", opt, &table, &diag);
}

static effekt_status load(const char *text)
{
    return load_opt(text, NULL);
}

static const effekt_column *col(const char *name)
{
    const effekt_column *c = effekt_table_column(table, name);
    ck_assert_msg(c != NULL, "no column %s", name);
    return c;
}

/* The first problem of a severity, or NULL. */
static const effekt_diag_problem *first(effekt_severity sev)
{
    for (size_t i = 0; i < diag.n; i++)
        if (diag.items[i].severity == sev)
            return &diag.items[i];
    return NULL;
}

#define ASSERT_ERROR_AT(line_, col_, needle)                                             \
    do {                                                                                 \
        const effekt_diag_problem *p_ = first(EFFEKT_ERROR);                                  \
        ck_assert_msg(p_ != NULL, "expected an error");                                  \
        ck_assert_uint_eq(p_->line, line_);                                              \
        ck_assert_uint_eq(p_->column, col_);                                             \
        ck_assert_msg(strstr(p_->message, needle), "message '%s' lacks '%s'", p_->message, \
                      needle);                                                           \
    } while (0)

START_TEST(delimiter_comma)
{
    ck_assert_int_eq(load("a,b\n1,2\n3,4\n"), EFFEKT_OK);
    ck_assert_int_eq(table->delimiter, ',');
    ck_assert_uint_eq(table->n_columns, 2);
    ck_assert_double_eq(col("b")->values[1], 4);
}
END_TEST

START_TEST(delimiter_semicolon_tab_pipe)
{
    ck_assert_int_eq(load("a;b;c\n1;2;3\n"), EFFEKT_OK);
    ck_assert_int_eq(table->delimiter, ';');
    ck_assert_int_eq(load("a\tb\n1\t2\n"), EFFEKT_OK);
    ck_assert_int_eq(table->delimiter, '\t');
    ck_assert_int_eq(load("a|b\n1|2\n"), EFFEKT_OK);
    ck_assert_int_eq(table->delimiter, '|');
    /* commas inside values do not fool the detection */
    ck_assert_int_eq(load("name;amount\n\"a, b\";1,5\n\"c, d\";2,5\n"), EFFEKT_OK);
    ck_assert_int_eq(table->delimiter, ';');
    ck_assert_double_eq(col("amount")->values[0], 1.5);
}
END_TEST

START_TEST(delimiter_option)
{
    effekt_csv_options o = { .delimiter = ';' };
    ck_assert_int_eq(load_opt("a,b;c\n1,5;2\n", &o), EFFEKT_OK);
    ck_assert_uint_eq(table->n_columns, 2);
    ck_assert_str_eq(table->columns[0].heading, "a,b");
}
END_TEST

START_TEST(quoted_fields)
{
    ck_assert_int_eq(load("id,text,n\n1,\"a, \"\"quoted\"\" b\",5\n2,\"two\nlines\",6\n3,x,7\n"), EFFEKT_OK);
    const effekt_column *t = col("text");
    ck_assert_str_eq(t->text[0], "a, \"quoted\" b");
    ck_assert_str_eq(t->text[1], "two\nlines");
    /* row 3 starts on physical line 5: the quoted newline counts */
    ck_assert_uint_eq(effekt_table_row_line(table, 0), 2);
    ck_assert_uint_eq(effekt_table_row_line(table, 1), 3);
    ck_assert_uint_eq(effekt_table_row_line(table, 2), 5);
}
END_TEST

START_TEST(line_numbers_after_multiline_field)
{
    /* the bad value on physical line 6 is reported there */
    ck_assert_int_eq(load("id,note,total_cost\nA,\"x\ny\nz\",1\nB,ok,2\nC,ok,abc\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(6, 3, "invalid number 'abc' in column 'total_cost'");
}
END_TEST

START_TEST(crlf_and_lf)
{
    ck_assert_int_eq(load("a,b\r\n1,2\r\n3,x\r\n"), EFFEKT_OK);
    ck_assert_str_eq(col("b")->text[1], "x");
    ck_assert_uint_eq(effekt_table_row_line(table, 1), 3);
    ck_assert_int_eq(load("id,total_cost\r\nA,1\r\n\r\nB,bad\r\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(4, 2, "invalid number");   /* line 3 is blank */
}
END_TEST

START_TEST(utf8_bom_dropped)
{
    ck_assert_int_eq(load("\xEF\xBB\xBFproject_id,total_cost\nA,1\n"), EFFEKT_OK);
    ck_assert_str_eq(table->columns[0].heading, "project_id");
    ck_assert_str_eq(table->columns[0].canonical, "project_id");
}
END_TEST

START_TEST(windows_1252_detected)
{
    /* "Støttemodtagerens navn" and "Århus" in Windows-1252 */
    ck_assert_int_eq(load("St\xF8ttemodtagerens navn;Projektnavn\n\xC5rhus;1\n"), EFFEKT_OK);
    ck_assert_str_eq(table->encoding, "Windows-1252");
    ck_assert_str_eq(table->columns[0].heading, "Støttemodtagerens navn");
    ck_assert_str_eq(table->columns[0].canonical, "owner");
    ck_assert_str_eq(col("owner")->text[0], "Århus");
    const effekt_diag_problem *note = first(EFFEKT_NOTE);
    ck_assert_ptr_nonnull(note);
    ck_assert_ptr_nonnull(strstr(note->message, "Windows-1252"));
    /* € is 0x80 in Windows-1252 */
    ck_assert_int_eq(load("a\n\x80" "uro\n"), EFFEKT_OK);
    ck_assert_str_eq(col("a")->text[0], "€uro");
}
END_TEST

START_TEST(utf8_forced_rejects_bad_bytes)
{
    effekt_csv_options o = { .encoding = EFFEKT_ENCODING_UTF8 };
    ck_assert_int_eq(load_opt("a,b\nok,fine\nx,\xE6" "ble\n", &o), EFFEKT_EENCODING);
    ASSERT_ERROR_AT(3, 2, "invalid UTF-8 byte 0xE6");
}
END_TEST

START_TEST(mixed_encodings_rejected)
{
    ck_assert_int_eq(load("a\nÅrhus\n\xC5rhus\n"), EFFEKT_EENCODING);
    ASSERT_ERROR_AT(3, 1, "earlier lines were UTF-8");
}
END_TEST

START_TEST(utf16le_with_bom)
{
    /* "a,b\n1,ø\n" in UTF-16LE */
    static const char text[] = "\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0" "\xF8" "\0\n\0";
    effekt_table_destroy(table);
    table = NULL;
    ck_assert_int_eq(effekt_csv_load_buffer(text, sizeof text - 1, "u.csv", NULL, &table, &diag), EFFEKT_OK);
    ck_assert_str_eq(table->encoding, "UTF-16LE");
    ck_assert_str_eq(col("b")->text[0], "ø");
}
END_TEST

START_TEST(decimal_comma_per_column)
{
    ck_assert_int_eq(load("x;y\n1,5;2.5\n2,25;3.75\n"), EFFEKT_OK);
    ck_assert_double_eq(col("x")->values[1], 2.25);
    ck_assert_int_eq(col("x")->decimal_mark, ',');
    ck_assert_double_eq(col("y")->values[1], 3.75);
    ck_assert_int_eq(col("y")->decimal_mark, '.');
}
END_TEST

START_TEST(decimal_mark_from_the_file)
{
    /* 893.345 alone is ambiguous; 1.786.690 elsewhere settles '.' as grouping */
    ck_assert_int_eq(load("a;b\n1.786.690;893.345\n"), EFFEKT_OK);
    ck_assert_double_eq(col("a")->values[0], 1786690);
    ck_assert_double_eq(col("b")->values[0], 893345);
    ck_assert_int_eq(col("b")->type, EFFEKT_TYPE_INTEGER);
    ck_assert_int_eq(load("a,b\n1.5,1.786\n"), EFFEKT_OK);
    ck_assert_double_eq(col("b")->values[0], 1.786);
}
END_TEST

START_TEST(ambiguous_number_is_an_error)
{
    ck_assert_int_eq(load("id;total_cost\nA;1.786\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 2, "ambiguous number '1.786'");
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "--decimal-comma"));
    effekt_csv_options o = { .decimal_mark = ',' };
    ck_assert_int_eq(load_opt("id;total_cost\nA;1.786\n", &o), EFFEKT_OK);
    ck_assert_double_eq(col("total_cost")->values[0], 1786);
    o.decimal_mark = '.';
    ck_assert_int_eq(load_opt("id;total_cost\nA;1.786\n", &o), EFFEKT_OK);
    ck_assert_double_eq(col("total_cost")->values[0], 1.786);
}
END_TEST

START_TEST(thousands_grouping)
{
    ck_assert_int_eq(load("a;b;c;d\n3.690.661;3 690 661;\"3,690,661\";\"1.234,5\"\n"), EFFEKT_OK);
    ck_assert_double_eq(col("a")->values[0], 3690661);
    ck_assert_double_eq(col("b")->values[0], 3690661);
    ck_assert_double_eq(col("c")->values[0], 3690661);
    ck_assert_double_eq(col("d")->values[0], 1234.5);
    ck_assert_uint_ne(col("a")->flags & EFFEKT_COLUMN_GROUPED, 0);
    /* a malformed group is not a number */
    ck_assert_int_eq(load("id;total_cost\nA;3.69.661\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 2, "invalid number '3.69.661'");
}
END_TEST

START_TEST(currency_in_cell_and_heading)
{
    ck_assert_int_eq(load("id;Budget (kr.);b\nA;1.500.000 kr.;DKK 20\n"), EFFEKT_OK);
    ck_assert_str_eq(col("total_cost")->heading, "Budget (kr.)");
    ck_assert_double_eq(col("total_cost")->values[0], 1500000);
    ck_assert_double_eq(col("b")->values[0], 20);
}
END_TEST

START_TEST(percent_values)
{
    ck_assert_int_eq(load("r;s\n50%;12,5 %\n45%;7,5 %\n"), EFFEKT_OK);
    ck_assert_double_eq(col("r")->values[1], 0.45);
    ck_assert_double_eq(col("s")->values[0], 0.125);
    ck_assert_uint_ne(col("r")->flags & EFFEKT_COLUMN_PERCENT, 0);
}
END_TEST

START_TEST(dates)
{
    ck_assert_int_eq(load("a,b,c\n2019-09-09,09.09.2019,09-09-2019\n2022-12-31,31.12.2022,1-3-2012\n"), EFFEKT_OK);
    /* 2019-09-09 is day 18148 after 1970-01-01 (date -d 2019-09-09 +%s / 86400) */
    ck_assert_double_eq(col("a")->values[0], 18148);
    ck_assert_double_eq(col("b")->values[0], 18148);
    ck_assert_double_eq(col("c")->values[0], 18148);
    ck_assert_int_eq(col("a")->type, EFFEKT_TYPE_DATE);
    ck_assert_double_eq(col("c")->values[1], 15400);   /* 2012-03-01 */
}
END_TEST

START_TEST(out_of_range_dates)
{
    ck_assert_int_eq(load("id,start_date\nA,2019-02-28\nB,2019-02-29\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(3, 2, "invalid date '2019-02-29'");
    ck_assert_int_eq(load("id,start_date\nA,29.02.2020\nB,32.01.2020\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(3, 2, "no such day");
    ck_assert_int_eq(load("id,end_date\nA,primo 2020\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 2, "expected a date");
    /* which part is wrong: a year below 1000 said "no such day" */
    static const struct { const char *value, *why; } bad[] = {
        { "0999-05-01", "(the year 0999: expected a year from 1000 to 9999)" },
        { "01.05.0999", "(the year 0999: expected a year from 1000 to 9999)" },
        { "0000-01-01", "(the year 0000: expected a year from 1000 to 9999)" },
        { "2019-13-01", "(no such month 13: expected a month from 1 to 12)" },
        { "01.00.2019", "(no such month 0: expected a month from 1 to 12)" },
        { "2019-02-29", "(no such day: February 2019 has 28 days)" },
        { "31-04-2020", "(no such day: April 2020 has 30 days)" },
        { "2020-01-00", "(no such day: day 0, expected a day from 1)" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[128], want[256];
        snprintf(text, sizeof text, "id,start_date\nA,2019-09-09\nB, %s\n", bad[i].value);
        snprintf(want, sizeof want, "invalid date '%s' in column 'start_date' %s", bad[i].value, bad[i].why);
        ck_assert_int_eq(load(text), EFFEKT_EVALUE);
        ASSERT_ERROR_AT(3, 2, want);
    }
    ck_assert_int_eq(load("id,start_date\nA,1000-01-01\nB,9999-12-31\n"), EFFEKT_OK);   /* the range's ends */
    ck_assert_double_eq(col("start_date")->values[0], -354285);   /* as R: as.numeric(as.Date("1000-01-01")) */
    ck_assert_double_eq(col("start_date")->values[1], 2932896);   /* as.numeric(as.Date("9999-12-31")) */
}
END_TEST

START_TEST(missing_values)
{
    ck_assert_int_eq(load("x\n1\nNA\n\n-\n.\nn/a\n4\n"), EFFEKT_OK);
    ck_assert_uint_eq(table->n_rows, 6);   /* blank lines are skipped, not read as values */
    ck_assert_uint_eq(col("x")->n_missing, 4);
    ck_assert(isnan(col("x")->values[1]));
    ck_assert_double_eq(col("x")->values[5], 4);
    /* a missing value is never zero */
    ck_assert_int_eq(load("a,b\n,1\n2,\n"), EFFEKT_OK);
    ck_assert(isnan(col("a")->values[0]));
    ck_assert_uint_eq(col("a")->n_missing, 1);
}
END_TEST

START_TEST(custom_missing_tokens)
{
    const char *na[] = { "unknown", "?" };
    effekt_csv_options o = { .na_tokens = na, .n_na_tokens = 2 };
    ck_assert_int_eq(load_opt("x\n1\nunknown\n?\n", &o), EFFEKT_OK);
    ck_assert_uint_eq(col("x")->n_missing, 2);
    /* NA is no longer missing: the column is text */
    ck_assert_int_eq(load_opt("x\n1\nNA\n", &o), EFFEKT_OK);
    ck_assert_int_eq(col("x")->type, EFFEKT_TYPE_TEXT);
}
END_TEST

START_TEST(type_inference)
{
    ck_assert_int_eq(load("i,n,d,b,t,e\n1,1.5,2020-01-01,yes,abc,\n2,2,2020-01-02,nej,12,\n"), EFFEKT_OK);
    ck_assert_int_eq(col("i")->type, EFFEKT_TYPE_INTEGER);
    ck_assert_int_eq(col("n")->type, EFFEKT_TYPE_NUMBER);
    ck_assert_int_eq(col("d")->type, EFFEKT_TYPE_DATE);
    ck_assert_int_eq(col("b")->type, EFFEKT_TYPE_BOOLEAN);
    ck_assert_double_eq(col("b")->values[1], 0);
    ck_assert_int_eq(col("t")->type, EFFEKT_TYPE_TEXT);
    ck_assert_str_eq(col("t")->text[1], "12");
    ck_assert_int_eq(col("e")->type, EFFEKT_TYPE_EMPTY);
}
END_TEST

START_TEST(heading_aliases)
{
    ck_assert_int_eq(load("\"Projektitel / Operation name\";\"Budget / Budget\";\"EU-medfinansiering / Union co-financing\";"
                          "\"Samlede støtteberettigede projektudgifter (kr.)\";\"Fond / Fund\";\"  START_DATE \";Ukendt\n"
                          "x;1;2;3;S;2020-01-01;z\n"), EFFEKT_ESCHEMA);
    /* two headings map to total_cost: an error naming both */
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "both map to 'total_cost'"));
    ck_assert_str_eq(table->columns[0].canonical, "name");
    ck_assert_str_eq(table->columns[1].canonical, "total_cost");
    ck_assert_str_eq(table->columns[2].canonical, "eu_contribution");
    ck_assert_ptr_null(table->columns[3].canonical);
    ck_assert_str_eq(table->columns[4].canonical, "fund");
    ck_assert_str_eq(table->columns[5].canonical, "start_date");
    /* unknown columns are kept */
    ck_assert_ptr_null(table->columns[6].canonical);
    ck_assert_str_eq(table->columns[6].heading, "Ukendt");
}
END_TEST


/* Amounts: currency marks before and after, with and without a space,
 * U+00A0 and U+202F grouping, accounting and trailing-minus negatives;
 * the currency recorded per column (values checked by hand). */
START_TEST(amounts_conventions)
{
    ck_assert_int_eq(load("id,a,b,c\n"
                          "A,\"1\xc2\xa0" "234,50 \xe2\x82\xac\",\"(1.500)\",\"12 z\xc5\x82\"\n"
                          "B,\"2\xe2\x80\xaf" "000 EUR\",\"4.000-\",\"3,5 z\xc5\x82\"\n"
                          "C,\"\xe2\x82\xac 3.000,25\",\"(2.000,50 \xe2\x82\xac)\",\"Z\xc5\x82 7\"\n"), EFFEKT_OK);
    ck_assert_double_eq(col("a")->values[0], 1234.5);
    ck_assert_double_eq(col("a")->values[1], 2000);
    ck_assert_double_eq(col("a")->values[2], 3000.25);
    ck_assert_str_eq(col("a")->currency, "EUR");
    ck_assert_double_eq(col("b")->values[0], -1500);
    ck_assert_double_eq(col("b")->values[1], -4000);
    ck_assert_double_eq(col("b")->values[2], -2000.5);
    ck_assert_str_eq(col("c")->currency, "PLN");
    ck_assert_double_eq(col("c")->values[1], 3.5);
    /* a row with amounts in two currencies: no currency column is made */
    ck_assert_ptr_null(effekt_table_column(table, "currency"));
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_WARNING)->message, "amounts of one row in EUR and PLN"));
    /* the file's currency fills a currency column it lacks */
    ck_assert_int_eq(load("id,a\nA,\"1 234,50 kr.\"\nB,\"DKK 12\"\n"), EFFEKT_OK);
    ck_assert_str_eq(col("currency")->text[0], "kr");
    ck_assert_str_eq(col("currency")->text[1], "DKK");
    ck_assert_uint_ne(col("currency")->flags & EFFEKT_COLUMN_DERIVED, 0);
}
END_TEST

START_TEST(amounts_mixed_currency)
{
    ck_assert_int_eq(load("id,total_cost\nA,\"1.000,00 kn\"\nB,\"2.000,50 \xe2\x82\xac\"\n"), EFFEKT_OK);
    const effekt_column *c = col("total_cost");
    ck_assert_uint_ne(c->flags & EFFEKT_COLUMN_MIXED_CURRENCY, 0);
    ck_assert_ptr_null(c->currency);
    ck_assert_str_eq(c->row_currency[0], "HRK");
    ck_assert_str_eq(c->row_currency[1], "EUR");
    ck_assert_str_eq(col("currency")->text[0], "HRK");
    ck_assert_str_eq(col("currency")->text[1], "EUR");
    ck_assert_ptr_nonnull(first(EFFEKT_WARNING));
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_WARNING)->message, "mixes currencies: HRK and EUR"));
}
END_TEST

/* A unit in the heading scales the values, exactly as written decimals
 * (0.1 in millions is 100000, by hand), and is said in a note; a unit
 * the values contradict is not applied. */
START_TEST(amounts_heading_units)
{
    ck_assert_int_eq(load("id,Cost \xc2\xa3m,Grant (in 1.000 EUR),Tilskud tkr.,Ramme mio. kr.,Program (H2020)\n"
                          "A,\"0,1\",\"2,5\",\"1.200\",\"2,25\",7\nB,\"1,5\",250,800,1,8\n"), EFFEKT_OK);
    ck_assert_double_eq(col("Cost \xc2\xa3m")->values[0], 100000);
    ck_assert_double_eq(col("Cost \xc2\xa3m")->values[1], 1500000);
    ck_assert_str_eq(col("Cost \xc2\xa3m")->currency, "GBP");
    ck_assert_double_eq(col("Grant (in 1.000 EUR)")->values[0], 2500);
    ck_assert_double_eq(col("Tilskud tkr.")->values[0], 1200000);
    ck_assert_double_eq(col("Ramme mio. kr.")->values[0], 2250000);
    ck_assert_double_eq(col("Program (H2020)")->values[0], 7);
    ck_assert_double_eq(col("Program (H2020)")->scale, 1);
    effekt_heading_unit_info u;
    ck_assert_int_eq(effekt_heading_unit("Program (H2020)", &u), 0);
    ck_assert_int_eq(effekt_heading_unit("Total project costs \xc2\xa3m", &u), 1);
    ck_assert_double_eq(u.scale, 1e6);
    ck_assert_str_eq(u.currency, "GBP");
    ck_assert_int_eq(effekt_heading_unit("Innvilget bel\xc3\xb8p organisasjon EUR", &u), 1);
    ck_assert_double_eq(u.scale, 1);
    ck_assert_str_eq(u.currency, "EUR");
    /* whole pounds under a £m heading (the UK list): read as written */
    ck_assert_int_eq(load("id,Cost \xc2\xa3m\nA,1434364\nB,5000000\n"), EFFEKT_OK);
    ck_assert_double_eq(col("Cost \xc2\xa3m")->values[0], 1434364);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_WARNING)->message, "read as written, not scaled"));
}
END_TEST

/* A column's reading never depends on which other columns are asked for. */
START_TEST(amounts_mark_independent_of_selection)
{
    const char *data = "id,a,b\nA,\"1.786\",\"1.234,5\"\nB,\"2.500\",\"3,5\"\n";
    const char *only_a[] = { "a" };
    effekt_csv_options o = { .columns = only_a, .n_columns = 1 };
    ck_assert_int_eq(load_opt(data, &o), EFFEKT_OK);
    ck_assert_double_eq(col("a")->values[0], 1786);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_NOTE)->message, "as column 'b' shows"));
    ck_assert_int_eq(load(data), EFFEKT_OK);
    ck_assert_double_eq(col("a")->values[0], 1786);
}
END_TEST

/* Headings: the alias table is data, normalised, one language a row; the
 * one matching rule for aliases and for the names users type. */
START_TEST(headings_normalisation)
{
    size_t n = 0;
    for (const effekt_canonical_alias *a = effekt_canonical_aliases(); a->canonical; a++, n++) {
        char key[1001];
        effekt_heading_normalise(a->heading, key, sizeof key);
        ck_assert_msg(strcmp(key, a->heading) == 0, "alias '%s' is not normalised ('%s')", a->heading, key);
        ck_assert_ptr_nonnull(effekt_canonical_find(a->canonical));
        ck_assert_uint_eq(strlen(a->language), 2);
    }
    ck_assert_uint_gt(n, 300);
    static const struct { const char *heading, *canonical; } cases[] = {
        { "Gesamtbetrag f\xc3\xb6rderf\xc3\xa4higer \nAusgaben", "total_cost" },
        { "GESAMTBETRAG DER F\xc3\x96RDERF\xc3\x84HIGEN AUSGABEN (in EUR)", "total_cost" },
        { "Naam Aanvrager          Beneficiary name", "owner" },
        { "Startdatum project           Project start date", "start_date" },
        { "Projekt-ID/Project ID", "project_id" },
        { "TYTU\xc5\x81 PROJEKTU", "name" },
        { "Kofinanzierungssatz\xc2\xb9", "eu_rate" },
        { "Kofinanzierungssatz (1)", "eu_rate" },
        { "Type and focus of support (*Category of intervention)*", "category" },
        { "ERDF/ESF investment \xc2\xa3m", "eu_contribution" },
        { "Total project costs \xc2\xa3m", "total_cost" },
        { "start_dato", "start_date" },
        { "Union co-financing rate", "eu_rate" },
        { "total eligible expenditure allocated to the operation", "total_cost" },
        { "Varighed (m\xc3\xa5neder)", "stated_months" },
        { "Program (H2020)", NULL },
        { "Rata de cofinan\xc5\xa3" "are a Uniunii", "eu_rate" },   /* t with cedilla */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const effekt_canonical *c = effekt_canonical_match(cases[i].heading);
        if (cases[i].canonical)
            ck_assert_msg(c && strcmp(c->name, cases[i].canonical) == 0, "'%s' -> %s", cases[i].heading,
                          c ? c->name : "nothing");
        else
            ck_assert_msg(!c, "'%s' -> %s", cases[i].heading, c ? c->name : "");
    }
    ck_assert(effekt_heading_same("TOTAL  ", "total"));
    ck_assert(effekt_heading_same("Land       Country", "country"));
    ck_assert(effekt_heading_same("Total project costs \xc2\xa3m", "total project costs"));
    ck_assert(!effekt_heading_same("Program (H2020)", "program"));
    /* the table finds what the loader kept, by the same rule */
    ck_assert_int_eq(load("id,TOTAL  ,Budget\nA,1,2\n"), EFFEKT_OK);
    ck_assert_ptr_eq(effekt_table_column(table, "total"), col("TOTAL"));
    ck_assert_ptr_eq(effekt_table_find_column(table, "samlet budget"), col("total_cost"));
}
END_TEST

START_TEST(map_option)
{
    effekt_csv_mapping m[] = { { "jobs_created", "Ansatte efter forløb" } };
    effekt_csv_options o = { .map = m, .n_map = 1 };
    ck_assert_int_eq(load_opt("id,Ansatte efter forløb\nA,4\n", &o), EFFEKT_OK);
    ck_assert_double_eq(col("jobs_created")->values[0], 4);
    effekt_csv_mapping bad[] = { { "jobs_created", "No such" } };
    o.map = bad;
    ck_assert_int_eq(load_opt("id,x\nA,4\n", &o), EFFEKT_EINVAL);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "no column 'No such'"));
    char spec[] = "total_cost=Budget i alt";
    effekt_csv_mapping parsed;
    ck_assert_int_eq(effekt_csv_mapping_parse(spec, &parsed), EFFEKT_OK);
    ck_assert_str_eq(parsed.canonical, "total_cost");
    ck_assert_str_eq(parsed.heading, "Budget i alt");
    char unknown[] = "budgetx=Budget";
    ck_assert_int_eq(effekt_csv_mapping_parse(unknown, &parsed), EFFEKT_EINVAL);
}
END_TEST

START_TEST(ragged_rows)
{
    ck_assert_int_eq(load("a,b,c\n1,2,3\n4,5\n6,7,8,9\n"), EFFEKT_ESCHEMA);
    ASSERT_ERROR_AT(3, 2, "row has 2 fields, expected 3");
    ck_assert_uint_eq(diag.items[1].line, 4);
    ck_assert_uint_eq(diag.items[1].column, 4);
}
END_TEST

/* The table comes back with the layout intact; the fields a short row
 * lacks are missing (NaN, counted), never 0 nor whatever was in memory.
 * Found by fuzzing: the date and the amount of row B were left unset. */
START_TEST(ragged_row_fields_are_missing)
{
    ck_assert_int_eq(load("project_id,start_date,total_cost\nA,2020-01-01,5\nB\nC,2021-01-01,7\n"), EFFEKT_ESCHEMA);
    ck_assert_ptr_nonnull(table);
    ck_assert_uint_eq(table->n_rows, 3);
    ck_assert(isnan(col("start_date")->values[1]));
    ck_assert(isnan(col("total_cost")->values[1]));
    ck_assert_uint_eq(col("start_date")->n_missing, 1);
    ck_assert_uint_eq(col("total_cost")->n_missing, 1);
    ck_assert_double_eq(col("total_cost")->values[2], 7);
}
END_TEST

START_TEST(duplicate_headings)
{
    ck_assert_int_eq(load("a,b,A\n1,2,3\n"), EFFEKT_ESCHEMA);
    ASSERT_ERROR_AT(1, 3, "duplicate heading 'A' (also column 1)");
}
END_TEST

START_TEST(required_project_id)
{
    ck_assert_int_eq(load("total_cost,jobs_created\n1,2\n"), EFFEKT_ESCHEMA);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "missing required column 'project_id'"));
    /* a name column identifies the rows, as in the structural-funds export */
    ck_assert_int_eq(load("name,total_cost\nx,1\n"), EFFEKT_OK);
}
END_TEST

START_TEST(duplicate_project_id)
{
    ck_assert_int_eq(load("project_id,total_cost\nA,1\nB,2\nA,3\n"), EFFEKT_ESCHEMA);
    ASSERT_ERROR_AT(4, 1, "duplicate project_id 'A' (first at line 2)");
}
END_TEST

START_TEST(negative_budget)
{
    ck_assert_int_eq(load("project_id,total_cost\nA,-5\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 2, "negative value '-5' in column 'total_cost'");
}
END_TEST

START_TEST(whole_numbers_for_counts)
{
    ck_assert_int_eq(load("project_id,participants\nA,2.5\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 2, "not a whole number");
}
END_TEST

START_TEST(malformed_quotes)
{
    ck_assert_int_eq(load("a,b\n1,\"x\"y\n"), EFFEKT_EPARSE);
    ASSERT_ERROR_AT(2, 2, "malformed quoting");
    ck_assert_ptr_null(table);
    ck_assert_int_eq(load("a,b\n1,2\n3,\"open\n"), EFFEKT_EPARSE);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "unterminated quoted field"));
}
END_TEST

START_TEST(empty_file)
{
    ck_assert_int_eq(load(""), EFFEKT_ESCHEMA);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "empty"));
    ck_assert_int_eq(load("a,b\n"), EFFEKT_OK);
    ck_assert_uint_eq(table->n_rows, 0);
}
END_TEST

START_TEST(field_limit)
{
    effekt_csv_options o = { .max_field_bytes = 1000 };
    size_t n = 2 * 1024 * 1024;
    char *big = malloc(n + 16);
    strcpy(big, "a\n\"");
    memset(big + 3, 'x', n);
    big[n + 3] = '\0';
    ck_assert_int_eq(load_opt(big, &o), EFFEKT_ELIMIT);
    free(big);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "longer than 1000 bytes"));
}
END_TEST

START_TEST(column_selection)
{
    const char *want[] = { "total_cost" };
    effekt_csv_options o = { .columns = want, .n_columns = 1 };
    ck_assert_int_eq(load_opt("project_id,Budget,x\nA,10,zz\n", &o), EFFEKT_OK);
    ck_assert_uint_eq(table->n_columns, 1);
    ck_assert_double_eq(col("total_cost")->values[0], 10);
    const char *none[] = { "nope" };
    o.columns = none;
    ck_assert_int_eq(load_opt("a\n1\n", &o), EFFEKT_ESCHEMA);
}
END_TEST

/* Conversion is correctly rounded: compare with glibc's strtod, which is. */
START_TEST(correct_rounding)
{
    static const char *const cases[] = {
        "0.1", "0.3", "10000000.2", "1000000000000.2", "0.000123456789012345",
        "9007199254740993", "9007199254740995", "123456789012345678901234567890",
        "2.2250738585072014e-308", "1.7976931348623157e308", "4.9e-324",
        "0.99999999999999994448884876874217297882", "1e23", "8.98846567431158e307",
        "3.14159265358979323846264338327950288", "-0.0",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[256];
        snprintf(text, sizeof text, "x\n%s\n", cases[i]);
        ck_assert_int_eq(load(text), EFFEKT_OK);
        double want = strtod(cases[i], NULL);
        ck_assert_msg(col("x")->values[0] == want && signbit(col("x")->values[0]) == signbit(want),
                      "%s read as %.17g, want %.17g", cases[i], col("x")->values[0], want);
    }
    ck_assert_int_eq(load("x\n1e999\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 1, "beyond the range of a double");
    ck_assert_int_eq(load("x\n1e-999\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 1, "beyond the range of a double");
}
END_TEST

/* Numbers of any length: past the 770 digits kept for strtod, a dropped
 * digit of the fraction once lowered the exponent (1. and 800 zeros read
 * as 1e-31).  Trailing zeros never change the value, and a nonzero digit
 * far out still decides a tie.  Expected values are exact by hand:
 * 1 + 2^-53 = 1.00000000000000011102230246251565404236316680908203125
 * lies halfway between 1 and 1 + 2^-52 (ties to even: 1); anything above
 * it rounds up.  2^53 + 1 = 9007199254740993 lies halfway between 2^53
 * and 2^53 + 2. */
static char *long_cell(const char *head, char pad, size_t n_pad, const char *tail)
{
    size_t h = strlen(head), t = strlen(tail);
    char *s = malloc(h + n_pad + t + 1);
    memcpy(s, head, h);
    memset(s + h, pad, n_pad);
    memcpy(s + h + n_pad, tail, t + 1);
    return s;
}

START_TEST(numbers_of_any_length)
{
    static const char half_ulp[] = "1.00000000000000011102230246251565404236316680908203125";
    const struct {
        const char *head;
        size_t n_zeros;
        const char *tail;
        double want;
    } cases[] = {
        { "1.", 800, "", 1.0 },
        { "1,", 800, "", 1.0 },                           /* decimal comma */
        { half_ulp, 855 - (sizeof half_ulp - 2), "", 1.0 },   /* 855 digits, a tie */
        { half_ulp, 855 - (sizeof half_ulp - 2), "1", 1.0 + 0x1p-52 },
        { half_ulp, 2000, "1", 1.0 + 0x1p-52 },
        { "9007199254740993.", 800, "", 9007199254740992.0 },
        { "9007199254740993.", 800, "1", 9007199254740994.0 },
        { "", 900, "1.5", 1.5 },                          /* leading zeros */
        { "0.", 900, "15e902", 15.0 },
        { "1", 300, ".", 1e300 },
        { "-1", 300, ".5", -1e300 },
        { "12.5", 1000, "e-3", 0.0125 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *cell = long_cell(cases[i].head, '0', cases[i].n_zeros, cases[i].tail);
        char *text = long_cell("x\n", ' ', 0, cell);
        char *full = malloc(strlen(text) + 2);
        strcpy(full, text);
        strcat(full, "\n");
        ck_assert_int_eq(load(full), EFFEKT_OK);
        double got = col("x")->values[0];
        ck_assert_msg(got == cases[i].want, "case %zu (%zu digits) read as %.17g, want %.17g", i,
                      strlen(cell), got, cases[i].want);
        /* glibc's strtod is correctly rounded for any length: the same */
        if (!strchr(cell, ','))
            ck_assert_msg(got == strtod(cell, NULL), "case %zu differs from strtod", i);
        free(full);
        free(text);
        free(cell);
    }
    /* beyond the range of a double however it is written */
    char *huge = long_cell("x\n1", '0', 400, ".\n");
    ck_assert_int_eq(load(huge), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 1, "beyond the range of a double");
    free(huge);
    char *tiny = long_cell("x\n0.", '0', 800, "1\n");
    ck_assert_int_eq(load(tiny), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 1, "beyond the range of a double");
    free(tiny);
}
END_TEST

/* Plain numbers are not kept as text while they are read; a column that
 * turns out to be text must still show them exactly as written. */
START_TEST(numbers_in_text_columns_keep_their_text)
{
    ck_assert_int_eq(load("x\n007\n0.050\n-0\n12.30\n123456789012345\n0\n-0.5\nNA\n9.999999999\nlast\n"), EFFEKT_OK);
    const effekt_column *x = col("x");
    ck_assert_int_eq(x->type, EFFEKT_TYPE_TEXT);
    static const char *const want[] = { "007", "0.050", "-0", "12.30", "123456789012345", "0", "-0.5",
                                        NULL, "9.999999999", "last" };
    for (size_t r = 0; r < 10; r++) {
        if (!want[r])
            ck_assert_ptr_null(x->text[r]);
        else
            ck_assert_str_eq(x->text[r], want[r]);
    }
    /* and error messages quote them as written */
    ck_assert_int_eq(load("project_id,participants\nA,0012.50\n"), EFFEKT_EVALUE);
    ASSERT_ERROR_AT(2, 2, "'0012.50' in column 'participants' is not a whole number");
}
END_TEST

/* Files of 8 MiB and more are read in two halves at once; the result
 * must be exactly that of one reading (the buffer loader reads in one). */
static char *big_csv(size_t *len, const char *header, int variant)
{
    size_t cap = 12u << 20, n = 0;
    char *buf = malloc(cap);
    n += (size_t)snprintf(buf + n, cap - n, "%s", header);
    for (long i = 0; n < (10u << 20); i++) {
        if (i % 997 == 0)
            n += (size_t)snprintf(buf + n, cap - n, "R%ld,\"two\nlines, \"\"quoted\"\"\",%ld,%ld.25\n", i, i, i);
        else if (variant == 1 && i == 250000)
            n += (size_t)snprintf(buf + n, cap - n, "R%ld,bad,%ld,oops\n", i, i);
        else if (variant == 2 && i == 240000)
            n += (size_t)snprintf(buf + n, cap - n, "R%ld,\xC5rhus,%ld,%ld.5\n", i, i, i);
        else
            n += (size_t)snprintf(buf + n, cap - n, "R%ld,t%ld,%ld,%ld.5\n", i, i % 7, i, i);
    }
    *len = n;
    return buf;
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Read text with these options (NULL: the defaults) from a file (in
 * parts when it has at least opt->parallel_min_bytes, 0 meaning the
 * loader's 8 MiB) and from memory: the status, every problem, and the
 * table down to each value's bits must agree. */
static void compare_file_and_buffer_once(const char *text, size_t len, effekt_status want,
                                         const effekt_csv_options *opt)
{
    char path[] = "/tmp/effekt-test-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    fclose(f);
    effekt_diag d1, d2;
    effekt_diag_init(&d1);
    effekt_diag_init(&d2);
    effekt_table *a = NULL, *b = NULL;
    ck_assert_int_eq(effekt_csv_load_file(path, opt, &a, &d1), want);
    ck_assert_int_eq(effekt_csv_load_buffer(text, len, path, opt, &b, &d2), want);
    unlink(path);
    for (size_t i = 0; i < d1.n && i < d2.n; i++) {
        const effekt_diag_problem *x = &d1.items[i], *y = &d2.items[i];
        ck_assert_msg(same_text(x->message, y->message) && x->line == y->line && x->column == y->column
                          && x->severity == y->severity && same_text(x->value, y->value),
                      "problem %zu: %zu:%zu %s vs %zu:%zu %s", i, x->line, x->column, x->message, y->line,
                      y->column, y->message);
    }
    ck_assert_uint_eq(d1.n, d2.n);
    ck_assert_int_eq(a == NULL, b == NULL);
    if (a) {
        ck_assert_uint_eq(a->n_rows, b->n_rows);
        ck_assert_uint_eq(a->n_columns, b->n_columns);
        ck_assert_str_eq(a->encoding, b->encoding);
        ck_assert_int_eq(a->delimiter, b->delimiter);
        ck_assert_uint_eq(a->header_line, b->header_line);
        for (size_t r = 0; r < a->n_rows; r++)
            ck_assert_uint_eq(effekt_table_row_line(a, r), effekt_table_row_line(b, r));
        for (size_t c = 0; c < a->n_columns; c++) {
            const effekt_column *x = &a->columns[c], *y = &b->columns[c];
            ck_assert_str_eq(x->heading, y->heading);
            ck_assert_int_eq(x->type, y->type);
            ck_assert_uint_eq(x->flags, y->flags);
            ck_assert_int_eq(x->decimals, y->decimals);
            ck_assert_int_eq(x->decimal_mark, y->decimal_mark);
            ck_assert_uint_eq(x->n_missing, y->n_missing);
            for (size_t r = 0; r < a->n_rows; r++) {
                if (x->type == EFFEKT_TYPE_TEXT) {
                    ck_assert_msg(same_text(x->text[r], y->text[r]), "column %zu row %zu", c + 1, r + 1);
                } else if (x->values) {
                    ck_assert(memcmp(&x->values[r], &y->values[r], sizeof(double)) == 0);
                }
            }
        }
    }
    effekt_table_destroy(a);
    effekt_table_destroy(b);
    effekt_diag_clear(&d1);
    effekt_diag_clear(&d2);
}

/* compare_file_and_buffer_once, and where the options ask for parts,
 * in 2 (one a core here), 3, 5 and 7 of them: the parts after the first
 * number their lines from 1 and meet in order, each shifted by the line
 * breaks of all before it, their columns' regions in one block. */
static void compare_file_and_buffer(const char *text, size_t len, effekt_status want,
                                    const effekt_csv_options *opt)
{
    compare_file_and_buffer_once(text, len, want, opt);
    static const unsigned parts[] = { 2, 3, 5, 7 };
    for (size_t k = 0; opt && opt->parallel_min_bytes == 1 && k < sizeof parts / sizeof *parts; k++) {
        effekt_csv_options in_parts = *opt;
        in_parts.parallel_parts = parts[k];
        compare_file_and_buffer_once(text, len, want, &in_parts);
    }
}

/* A text column read as codes (effekt_csv_options.coded) holds what the
 * text column holds, row by row: trimmed, missing-value tokens missing,
 * ids of one to eight bytes (the word lookup) and longer, quoted, UTF-8,
 * a ragged row's absent field; from memory and from a file in two
 * halves (whose dictionaries are merged), and grouped alike. */
static void check_coded(const char *text, size_t len, const char *id, unsigned width)
{
    const char *ids[] = { id };
    effekt_csv_options coded = { .coded = ids, .n_coded = 1 }, coded_halves = coded;
    coded_halves.parallel_min_bytes = 1;
    char path[] = "/tmp/effekt-test-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
    close(fd);
    effekt_diag d[3];
    effekt_table *t[3] = { NULL, NULL, NULL };
    effekt_status st[3];
    for (int i = 0; i < 3; i++)
        effekt_diag_init(&d[i]);
    st[0] = effekt_csv_load_buffer(text, len, "x.csv", NULL, &t[0], &d[0]);
    st[1] = effekt_csv_load_buffer(text, len, "x.csv", &coded, &t[1], &d[1]);
    st[2] = effekt_csv_load_file(path, &coded_halves, &t[2], &d[2]);
    unlink(path);
    const effekt_column *c[3];
    effekt_group *g[3];
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(st[i], st[0]);
        ck_assert_uint_eq(d[i].n, d[0].n);
        ck_assert_ptr_nonnull(t[i]);
        ck_assert_uint_eq(t[i]->n_rows, t[0]->n_rows);
        c[i] = effekt_table_column(t[i], id);
        ck_assert_ptr_nonnull(c[i]);
        ck_assert_int_eq(c[i]->type, c[0]->type);
        ck_assert_uint_eq(c[i]->n_missing, c[0]->n_missing);
        ck_assert_int_eq(effekt_group_create(t[i], ids, 1, &g[i], NULL), EFFEKT_OK);
        ck_assert_int_eq(effekt_group_add_all(g[i]), EFFEKT_OK);
        ck_assert_uint_eq(effekt_group_count(g[i]), effekt_group_count(g[0]));
    }
    ck_assert_ptr_null(c[0]->codes);
    if (c[0]->type == EFFEKT_TYPE_TEXT) {
        /* as few bytes a code as the dictionary needs, whichever reading */
        ck_assert_ptr_nonnull(c[1]->codes);
        ck_assert_uint_eq(c[1]->code_bytes, width);
        ck_assert_uint_eq(c[2]->code_bytes, width);
        for (size_t r = 0; r < t[0]->n_rows; r++) {
            uint32_t code = effekt_column_code(c[1], r);
            ck_assert(code == EFFEKT_COLUMN_NO_CODE ? effekt_column_string(c[0], r) == NULL
                                                    : strcmp(c[1]->dict[code], effekt_column_string(c[0], r)) == 0);
        }
    }
    for (size_t r = 0; r < t[0]->n_rows; r++)
        for (int i = 1; i < 3; i++) {
            ck_assert_msg(same_text(effekt_column_string(c[i], r), effekt_column_string(c[0], r)),
                          "reading %d row %zu: '%s' vs '%s'", i, r + 1, effekt_column_string(c[i], r),
                          effekt_column_string(c[0], r));
            ck_assert_int_eq(effekt_column_missing(c[i], r), effekt_column_missing(c[0], r));
            ck_assert_uint_eq(effekt_group_of(g[i], r), effekt_group_of(g[0], r));
        }
    /* the rows' groups by windows (no array kept for codes), then as the
     * array made on first use: the same */
    for (int i = 0; i < 3; i++) {
        uint32_t window[7];
        for (size_t r = 0; r < t[0]->n_rows; r += 7) {
            size_t m = t[0]->n_rows - r < 7 ? t[0]->n_rows - r : 7;
            effekt_group_rows_copy(g[i], r, m, window);
            for (size_t j = 0; j < m; j++)
                ck_assert_uint_eq(window[j], effekt_group_of(g[0], r + j));
        }
        const uint32_t *rows = effekt_group_rows(g[i]);
        ck_assert_ptr_nonnull(rows);
        for (size_t r = 0; r < t[0]->n_rows; r++)
            ck_assert_uint_eq(rows[r], effekt_group_of(g[0], r));
        size_t gid;   /* a row added again keeps its group */
        if (t[0]->n_rows) {
            ck_assert_int_eq(effekt_group_add(g[i], t[0]->n_rows - 1, &gid), EFFEKT_OK);
            ck_assert_uint_eq(gid, effekt_group_of(g[0], t[0]->n_rows - 1));
        }
    }
    for (size_t k = 0; k < effekt_group_count(g[0]); k++)
        for (int i = 1; i < 3; i++) {
            ck_assert_str_eq(effekt_group_label(g[i], k), effekt_group_label(g[0], k));
            ck_assert_uint_eq(effekt_group_size(g[i], k), effekt_group_size(g[0], k));
        }
    for (int i = 0; i < 3; i++) {
        effekt_group_destroy(g[i]);
        effekt_table_destroy(t[i]);
        effekt_diag_clear(&d[i]);
    }
}

START_TEST(coded_columns_equal_text)
{
    static const char *const values[] = {
        "P1", " P1 ", "P1\t", "NA", "", "-", "N12", "n/a", "ABCDEFGH", "ABCDEFGHI", "ABCDEFG", "A",
        "Projekt \xC3\x86r\xC3\xB8 Kommune 2019", "\"P,2\"", "\"  P3\"", "P3", "12", "0012", "\"\"", ".", "AB",
    };
    size_t n_values = sizeof values / sizeof *values;
    size_t cap = 1 << 20, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text + len, cap - len, "cost,project_id\n");
    for (size_t r = 0; r < 20000; r++) {
        if (r % 3 == 0)
            len += (size_t)snprintf(text + len, cap - len, "%zu,%s\n", r, values[(r / 3) % n_values]);
        else   /* many distinct ids: the dictionaries grow, and the halves meet new ones */
            len += (size_t)snprintf(text + len, cap - len, "%zu,Q%zu\n", r, (r * 7919) % 5003);
    }
    check_coded(text, len, "project_id", 2);
    free(text);
    /* 254 texts take a byte a code, 255 two; past 65,534 four: the first
     * half with few ids, the second with many (its codes wider than the
     * first's when the halves meet) */
    static const size_t distinct[] = { 254, 255, 65534, 65535, 70000 };
    for (size_t d = 0; d < sizeof distinct / sizeof *distinct; d++) {
        size_t rows = 2 * distinct[d] + 2000;
        cap = 64 * rows;
        len = 0;
        text = malloc(cap);
        ck_assert_ptr_nonnull(text);
        len += (size_t)snprintf(text + len, cap - len, "cost,project_id\n");
        for (size_t r = 0; r < rows; r++) {
            size_t k = r < rows / 2 ? r % 7 : (r - rows / 2) % distinct[d];
            /* missing values in the first half only: every id of the second appears */
            len += (size_t)snprintf(text + len, cap - len, r % 11 == 5 && r < rows / 2 ? "%zu,NA\n" : "%zu,I%zu\n",
                                    r, k);
        }
        check_coded(text, len, "project_id", distinct[d] < 255 ? 1 : distinct[d] < 65535 ? 2 : 4);
        free(text);
    }
    text = NULL;
    /* a ragged row's absent id is missing (a file with an error is read
     * in one go, not in halves) */
    static const char ragged[] = "cost,project_id\n1,P1\n2\n3,P2\n4,P1\n";
    check_coded(ragged, sizeof ragged - 1, "project_id", 1);
    /* every value missing: an empty column either way */
    static const char empty[] = "cost,project_id\n1,NA\n2,\n3, \n";
    check_coded(empty, sizeof empty - 1, "project_id", 1);
}
END_TEST


/* A numeric column's kinds and formats are not written while every value
 * has the first one's shape (column_scan's run); the first other value,
 * and anything that reads them, writes the run out.  Text written back
 * from a run ("1.50", not "1.5"), a run ended in either half of a file
 * read in two, runs of two shapes meeting at the halves' seam, and a run
 * that stays whole. */
START_TEST(lazy_kinds_written_out)
{
    static const char *const tails[] = { "abc", "1.234", "", "7", "2.5" };
    for (size_t t = 0; t < sizeof tails / sizeof *tails; t++)
        for (int late = 0; late < 2; late++) {
            size_t cap = 1 << 16, len = 0;
            char *text = malloc(cap);
            ck_assert_ptr_nonnull(text);
            len += (size_t)snprintf(text + len, cap - len, "x,y\n");
            for (int r = 0; r < 2000; r++) {
                const char *x = (late ? r == 1700 : r == 300) ? tails[t] : "1.50";
                len += (size_t)snprintf(text + len, cap - len, "%s,%d\n", x, r < 1000 ? 3 : 4);
            }
            const effekt_csv_options in_halves = { .parallel_min_bytes = 1 };
            compare_file_and_buffer(text, len, EFFEKT_OK, &in_halves);
            ck_assert_int_eq(load_opt_len(text, len, NULL), EFFEKT_OK);
            const effekt_column *x = col("x");
            if (t == 0) {
                ck_assert_int_eq(x->type, EFFEKT_TYPE_TEXT);
                ck_assert_str_eq(x->text[0], "1.50");
                ck_assert_str_eq(x->text[late ? 1700 : 300], "abc");
            } else {
                ck_assert_int_eq(x->type, EFFEKT_TYPE_NUMBER);
                ck_assert_double_eq(x->values[0], 1.5);
            }
            free(text);
        }
    /* two runs of different shapes, one a half, both written out: under a
     * forced decimal comma the second half's values are errors, each
     * quoting its own text, and the first half's whole numbers are not */
    size_t cap = 1 << 16, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text + len, cap - len, "x,y\n");
    for (int r = 0; r < 2000; r++)
        /* lines of one length: the halves meet at row 1000 */
        len += (size_t)snprintf(text + len, cap - len, "%s,%04d\n", r < 1000 ? "150" : "1.5", r);
    const effekt_csv_options comma_halves = { .parallel_min_bytes = 1, .decimal_mark = ',' };
    compare_file_and_buffer(text, len, EFFEKT_EVALUE, &comma_halves);
    free(text);
}
END_TEST


/* The halves are split at the first LF after the middle without a look
 * at what comes before: the second half numbers its lines from 1 and is
 * moved by the first half's line breaks when they meet.  Blank lines and
 * a quoted field over several lines in either half (rows whose line is
 * not the next), a note about a byte of another encoding in the second
 * half (a problem's line), and an LF in a quoted field right at the
 * middle (the first half then ends inside quotes: read in one go). */
START_TEST(halves_split_without_counting)
{
    const effekt_csv_options in_halves = { .parallel_min_bytes = 1 };
    for (int variant = 0; variant < 3; variant++) {
        size_t cap = 1 << 20, len = 0;
        char *text = malloc(cap);
        ck_assert_ptr_nonnull(text);
        len += (size_t)snprintf(text + len, cap - len, "id,note,n\n");
        for (int r = 0; r < 4000; r++) {
            if (r % 97 == 13)
                len += (size_t)snprintf(text + len, cap - len, "\n");   /* blank */
            if (r % 211 == 7)
                len += (size_t)snprintf(text + len, cap - len, "R%d,\"two\nlines\",%d\n", r, r);
            else if (variant == 1 && r == 3000)
                len += (size_t)snprintf(text + len, cap - len, "R%d,\xC5rhus,%d\n", r, r);   /* Windows-1252 */
            else
                len += (size_t)snprintf(text + len, cap - len, "R%d,x,%d\n", r, r);
            if (variant == 2 && r == 2000) {
                /* a quoted field of many lines around the middle */
                len += (size_t)snprintf(text + len, cap - len, "Q,\"");
                for (int k = 0; k < 4000; k++)
                    len += (size_t)snprintf(text + len, cap - len, "line %d\n", k);
                len += (size_t)snprintf(text + len, cap - len, "\",1\n");
            }
        }
        compare_file_and_buffer(text, len, EFFEKT_OK, &in_halves);
        free(text);
    }
}
END_TEST

START_TEST(large_file_in_two_halves)
{
    size_t len;
    char *text = big_csv(&len, "id,text,n,amount\n", 0);
    compare_file_and_buffer(text, len, EFFEKT_OK, NULL);
    free(text);
}
END_TEST

START_TEST(large_file_with_an_error_late)
{
    size_t len;
    char *text = big_csv(&len, "project_id,notes,participants,total_cost\n", 1);
    compare_file_and_buffer(text, len, EFFEKT_EVALUE, NULL);
    free(text);
}
END_TEST

START_TEST(large_file_windows_1252_late)
{
    size_t len;
    char *text = big_csv(&len, "id,text,n,amount\n", 2);
    compare_file_and_buffer(text, len, EFFEKT_OK, NULL);
    free(text);
}
END_TEST

START_TEST(large_file_header_over_two_lines)
{
    size_t len;
    char *text = big_csv(&len, "id,\"text\nsecond line\",n,amount\n", 0);
    compare_file_and_buffer(text, len, EFFEKT_OK, NULL);
    free(text);
}
END_TEST

static char *data_path(const char *name);

/* files of any size read in two halves */
static const effekt_csv_options halves = { .parallel_min_bytes = 1 };

/* A lone CR ends a line as LF and CRLF do (old Mac exports; a mixed
 * file).  Reading in halves once numbered the second half a line short
 * per lone CR before the split, and a header ending in a lone CR made
 * the first half start a row late (found by fuzz_split). */
START_TEST(lone_cr_in_two_halves)
{
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof text, "id,n\r");
    for (int i = 0; i < 60; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "R%d,%d%s", i, i, i % 7 == 3 ? "\r" : "\n");
    n += (size_t)snprintf(text + n, sizeof text - n, "R60,\xC5rhus\r\nR61,1\n");   /* Windows-1252 late */
    compare_file_and_buffer(text, n, EFFEKT_OK, &halves);
    ck_assert_int_eq(load(text), EFFEKT_OK);
    ck_assert_uint_eq(table->n_rows, 62);
    ck_assert_uint_eq(effekt_table_row_line(table, 0), 2);
    ck_assert_uint_eq(effekt_table_row_line(table, 61), 63);
}
END_TEST

/* The second half's rows are estimated from the first half's lines; a
 * first half of one long line and a second of many short ones outgrow
 * the estimate, and the second half's columns must grow. */
START_TEST(second_half_outgrows_its_estimate)
{
    size_t cap = 200000, n = 0;
    char *text = malloc(cap);
    n += (size_t)snprintf(text, cap, "id,note,n\nR0,\"");
    memset(text + n, 'x', 60000);
    n += 60000;
    n += (size_t)snprintf(text + n, cap - n, "\",0.5\n");
    for (int i = 1; n < 120000; i++)
        n += (size_t)snprintf(text + n, cap - n, "R%d,,%d\n", i, i);
    compare_file_and_buffer(text, n, EFFEKT_OK, &halves);
    free(text);
}
END_TEST

/* A part's rows are estimated from the lines of its first 256 KiB: a
 * part that starts with long lines and goes on in short ones outgrows
 * its region of the columns' block and moves to a block of its own; the
 * parts after it then move to blocks of their own too, and the first
 * part's region (which starts the block) grows in place.  The part that
 * outgrows is the first, a middle one, or the last, in 2 to 7 parts. */
START_TEST(parts_outgrow_their_estimates)
{
    const effekt_csv_options in_parts = { .parallel_min_bytes = 1 };
    size_t part = 700000, cap = 3 * part + 4096;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    char note[1001];
    memset(note, 'x', 1000);
    note[1000] = '\0';
    for (int which = 0; which < 3; which++) {
        size_t len = (size_t)snprintf(text, cap, "id,note,n\n");
        for (int p = 0, r = 0; p < 3; p++) {
            size_t end = (size_t)(p + 1) * part;
            /* 300,000 bytes of long lines first in part `which` */
            for (; p == which && len < (size_t)p * part + 300000; r++)
                len += (size_t)snprintf(text + len, cap - len, "L%d,%s,%d.5\n", r, note, r);
            for (; len < end; r++)
                len += (size_t)snprintf(text + len, cap - len, "S%d,,%d\n", r, r);
        }
        compare_file_and_buffer(text, len, EFFEKT_OK, &in_parts);
    }
    free(text);
}
END_TEST

/* Summing by a column the file lacks, read in two halves: the error
 * once (the halves' error sent the file to a second reading, which
 * said it again; fuzz_split, tests/fuzz/regressions/split-sum-by-missing-twice). */
START_TEST(sum_by_missing_column_in_two_halves)
{
    effekt_csv_options opt = { .parallel_min_bytes = 1, .sum_by = "project_id" };
    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "colour,cost\n");
    for (int i = 0; n < 6000; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "c%d,%d\n", i % 40, i);
    compare_file_and_buffer(text, n, EFFEKT_EINVAL, &opt);
}
END_TEST

/* Loading only some columns, the halves skip the others' fields. */
START_TEST(some_columns_in_two_halves)
{
    static const char *const keep[] = { "id", "amount" };
    effekt_csv_options opt = { .parallel_min_bytes = 1, .columns = keep, .n_columns = 2 };
    char text[16384];
    size_t n = (size_t)snprintf(text, sizeof text, "id,text,n,amount\n");
    for (int i = 0; n < 12000; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, i % 13 ? "R%d,t%d,%d,%d.5\n" : "R%d,\"two\nlines %d\",%d,%d.25\n",
                              i, i % 7, i, i);
    compare_file_and_buffer(text, n, EFFEKT_OK, &opt);
    ck_assert_int_eq(load_opt(text, &opt), EFFEKT_OK);
    ck_assert_uint_eq(table->n_columns, 2);
    ck_assert_str_eq(table->columns[1].heading, "amount");
    ck_assert_double_eq(table->columns[1].values[13], 13.25);
}
END_TEST

/* An encoding libuchardet detects is detected from the bytes one
 * reading gives it: the chunk holding the first field that is not UTF-8.
 * Reading in halves gave it the header's first half only, which it took
 * for Windows-1257 while the whole file is Windows-1253 to it (found by
 * fuzz_split: the halves succeeded where one reading finds bytes that are
 * not characters in Windows-1253). */
START_TEST(encoding_detected_from_one_readings_chunk)
{
    static const char text[] =
        "project_id,name,fund,currency,total_cost,participa\x8Ets,jobscread_et\n"
        "P1,Alpha,S,DKK,1000000,40,10\n"
        "P2,Beta,S,DKK,2000000,2)0,30\n"
        "P3,GamSm,a,DKK,500000,10,5\n"
        "P4,Delta,R,DKK,800000,25,\x9E\x9E\x9E\x9E\x9E\x9E\x9E\x9E\x9E\x9E\x9E\x9E\x9E\x9E"
        "\x9E\x9E\x9E\x9E\x9E\x9E\x9E" "69583d78078fbabd353c53a";
    compare_file_and_buffer(text, sizeof text - 1, EFFEKT_EENCODING, &halves);
}
END_TEST

/* The same when the header is ASCII and the first half meets the field:
 * that half alone, without the header and the second half, looked like
 * Windows-1250 to libuchardet; one reading's chunk (the whole file) is
 * Windows-1252.  The halves now read in pieces of one reading's chunks
 * and give libuchardet the whole chunk. */
START_TEST(encoding_detected_in_a_half_from_one_readings_chunk)
{
    static const char text[] =
        "id,name,n\n"
        "R0,\xA0v\xCD\xA9\xEF,0\n"
        "R1,beta the alpha,1\n"
        "R2,kommune projekt,2\n"
        "R3,ledig job uddannelse,3\n"
        "R4,uddannelse gamma the,4\n"
        "R5,ledig,5\n";
    compare_file_and_buffer(text, sizeof text - 1, EFFEKT_OK, &halves);
    ck_assert_int_eq(load(text), EFFEKT_OK);
    ck_assert_str_eq(table->encoding, "Windows-1252");
}
END_TEST

/* A quoting error's line counts lone CRs too (it counted LF only). */
START_TEST(parse_error_line_after_lone_cr)
{
    ck_assert_int_eq(load("a,b\r1,2\r3,x\"y\n"), EFFEKT_EPARSE);
    ASSERT_ERROR_AT(3, 2, "malformed quoting");
}
END_TEST

/* ASCII text widened to UTF-16LE (width 2) or UTF-32LE (4), after an
 * optional prefix (a byte-order mark), then `tail` stray bytes: a file
 * that ends inside a character.  Returns the length. */
static size_t widen(char *out, const char *prefix, const char *text, size_t len, size_t width, const char *tail)
{
    size_t n = strlen(prefix);
    memcpy(out, prefix, n);
    for (size_t i = 0; i < len; i++) {
        memset(out + n, 0, width);
        out[n] = text[i];
        n += width;
    }
    memcpy(out + n, tail, strlen(tail));
    return n + strlen(tail);
}

/* A file that ends inside a character: the error is on the line the
 * stray bytes are on, after every line break before them, whoever read
 * the lines and whatever stopped the reading before.  It took the line
 * the row callbacks had reached: the fast path stops calling them at an
 * error (a NUL), libcsv does not, and an open quote holds them back.
 * The first file is fuzz_split's (tests/fuzz/regressions/
 * split-utf16-end-line): a NUL character on line 3, the odd byte after
 * the 4th line break; the fast path said line 4. */
START_TEST(end_of_input_line_after_a_stop)
{
    static const char fuzzed[] =
        "\xff\xfe\x9f\x01\x00\x60\x30\x01\x00\x04\x7b\xc4\x2c\x00\x62\x00\x0a\x00\x31\x00\x2c\x00\x32\x00\x0a"
        "\x00\x78\x00\x60\x30\x01\x00\x04\x7b\xc4\x2c\x00\x62\x00\x0a\x00\x00\x00\x31\x32\x0a\x00\x2c\x00\x78"
        "\x0a\x00\x31\x00\x2c\x00\x32\x10\x10\x10\x10\x10\x10\x10\x10\x10\x10\x10\x10\x00\x0a\x00\x78";
    ck_assert_int_eq(load_opt_len(fuzzed, sizeof fuzzed - 1, NULL), EFFEKT_EENCODING);
    ck_assert_uint_eq(diag.n, 2);
    ck_assert_uint_eq(diag.items[0].line, 3);
    ck_assert_ptr_nonnull(strstr(diag.items[0].message, "a NUL byte"));
    ck_assert_uint_eq(diag.items[1].line, 5);
    ck_assert_ptr_nonnull(strstr(diag.items[1].message, "ends inside a character (an odd number of bytes)"));
    compare_file_and_buffer(fuzzed, sizeof fuzzed - 1, EFFEKT_EENCODING, &halves);

    effekt_csv_options utf32 = { .encoding = EFFEKT_ENCODING_OTHER, .encoding_name = "UTF-32LE" };
    effekt_csv_options utf32_halves = utf32;
    utf32_halves.parallel_min_bytes = 1;
    static const struct {
        const char *text;
        size_t len;   /* the text holds NULs */
        size_t width, end_line;
    } files[] = {
        /* a NUL, then a malformed quote libcsv meets after the stop (it
         * left libcsv's count of line breaks a chunk short: line 1) */
        { "a,b\nx\0,1\n1,2\"3\n4,5\n", 20, 2, 5 },
        /* the same where libcsv reads the stopping line (quoted) */
        { "a,b\n\"\0\",1\"2\n3,4\n", 16, 2, 4 },
        /* a quote left open: the callbacks saw line 2 */
        { "a,b\n\"x\ny\n", 9, 2, 4 },
        { "a,b\n1,2\r", 8, 2, 3 },   /* a CR is a line break */
        { "a,b\n1,2\nx\0,1\n3,4\n", 17, 4, 5 },
        { "a,b\n\"x\ny\n", 9, 4, 4 },
    };
    char buf[256];
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        int wide = files[i].width == 4;
        size_t len = widen(buf, wide ? "" : "\xff\xfe", files[i].text, files[i].len, files[i].width,
                           wide ? "xy" : "x");
        ck_assert_int_eq(load_opt_len(buf, len, wide ? &utf32 : NULL), EFFEKT_EENCODING);
        const effekt_diag_problem *last = &diag.items[diag.n - 1];
        ck_assert_msg(last->line == files[i].end_line, "file %zu: line %zu, expected %zu", i, last->line,
                      files[i].end_line);
        ck_assert_ptr_nonnull(strstr(last->message, "the file ends inside a character"));
        compare_file_and_buffer(buf, len, EFFEKT_EENCODING, wide ? &utf32_halves : &halves);
    }
}
END_TEST

/* Bytes that do not convert (an unpaired surrogate in UTF-16, a code
 * point past U+10FFFF in UTF-32) are reported on their own line, not on
 * the first line of the 256 KiB chunk they were converted in. */
START_TEST(conversion_error_line)
{
    effekt_csv_options utf32 = { .encoding = EFFEKT_ENCODING_OTHER, .encoding_name = "UTF-32LE" };
    effekt_csv_options utf32_halves = utf32;
    utf32_halves.parallel_min_bytes = 1;
    size_t rows = 40000, cap = 4 * (rows * 4 + 64) + 16;
    char *text = malloc(rows * 4 + 64), *buf = malloc(cap);
    for (int wide = 0; wide <= 1; wide++) {
        for (size_t before = 0; before <= rows; before += rows) {   /* in the first chunk, then past it */
            size_t len = (size_t)sprintf(text, "a,b\n\"1\n2\",2\n");
            for (size_t r = 0; r < before; r++)
                len += (size_t)sprintf(text + len, "1,2\n");
            len += (size_t)sprintf(text + len, "3,");
            size_t n = widen(buf, wide ? "" : "\xff\xfe", text, len, wide ? 4 : 2, "");
            /* a low surrogate alone; 0x110000 */
            memcpy(buf + n, wide ? "\x00\x00\x11\x00" : "\x00\xdc", wide ? 4 : 2);
            n += wide ? 4 : 2;
            n += widen(buf + n, "", "\n4,5\n", 5, wide ? 4 : 2, "");
            ck_assert_int_eq(load_opt_len(buf, n, wide ? &utf32 : NULL), EFFEKT_EENCODING);
            ck_assert_uint_eq(diag.n, 1);
            ck_assert_msg(diag.items[0].line == 4 + before, "%s: line %zu, expected %zu",
                          wide ? "UTF-32" : "UTF-16", diag.items[0].line, 4 + before);
            ck_assert_ptr_nonnull(strstr(diag.items[0].message, wide ? "not text in UTF-32LE" : "unpaired surrogate"));
            compare_file_and_buffer(buf, n, EFFEKT_EENCODING, wide ? &utf32_halves : &halves);
        }
    }
    free(text);
    free(buf);
}
END_TEST

/* Excel's first line "sep=;" sets the delimiter and is no header (it
 * was taken for one: every column nameless, every KPI n/a).  Lines stay
 * those of the file: the header is line 2. */
START_TEST(excel_sep_line)
{
    static const char *const files[] = {
        "sep=;\nproject_id;total_cost\nA;1,5\nB;x\n",
        "sep=;\r\nproject_id;total_cost\r\nA;1,5\r\nB;x\r\n",
        "\xEF\xBB\xBFsep=;\r\nproject_id;total_cost\r\nA;1,5\r\nB;x\r\n",   /* after a BOM */
        "\"sep=;\"\nproject_id;total_cost\nA;1,5\nB;x\n",                        /* quoted */
        "SEP=;;\rproject_id;total_cost\rA;1,5\rB;x\r",                           /* padded, lone CR */
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        ck_assert_int_eq(load(files[i]), EFFEKT_EVALUE);
        ck_assert_int_eq(table->delimiter, ';');
        ck_assert_uint_eq(table->n_columns, 2);
        ck_assert_str_eq(table->columns[0].heading, "project_id");
        ck_assert_str_eq(table->columns[1].heading, "total_cost");
        ck_assert_uint_eq(table->header_line, 2);
        ck_assert_uint_eq(effekt_table_row_line(table, 0), 3);
        ck_assert_double_eq(col("total_cost")->values[0], 1.5);
        ASSERT_ERROR_AT(4, 2, "invalid number 'x'");
        const effekt_diag_problem *note = first(EFFEKT_NOTE);
        ck_assert_ptr_nonnull(note);
        ck_assert_uint_eq(note->line, 1);
        ck_assert_ptr_nonnull(strstr(note->message, "sep=;"));
        compare_file_and_buffer(files[i], strlen(files[i]), EFFEKT_EVALUE, &halves);
    }
    /* a tab, in UTF-16 */
    static const char utf16[] = "\xFF\xFEs\0e\0p\0=\0\t\0\n\0a\0\t\0b\0\n\0001\0\t\0002\0\n\0";
    ck_assert_int_eq(load_opt_len(utf16, sizeof utf16 - 1, NULL), EFFEKT_OK);
    ck_assert_int_eq(table->delimiter, '\t');
    ck_assert_uint_eq(table->header_line, 2);
    ck_assert_double_eq(col("b")->values[0], 2);
    /* a quoting error is on its physical line */
    ck_assert_int_eq(load("sep=,\na,b\n1,2\n3,x\"y\n"), EFFEKT_EPARSE);
    ASSERT_ERROR_AT(4, 2, "malformed quoting");
    /* --delimiter wins, with a warning */
    effekt_csv_options o = { .delimiter = ',' };
    ck_assert_int_eq(load_opt("sep=;\na,b\n1,2\n", &o), EFFEKT_OK);
    ck_assert_uint_eq(table->n_columns, 2);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_WARNING)->message, "'sep=;'"));
    /* not a delimiter line: kept as the header */
    ck_assert_int_eq(load("sep=:x\n1\n"), EFFEKT_OK);
    ck_assert_str_eq(table->columns[0].heading, "sep=:x");
    ck_assert_int_eq(load("sep=\n1\n"), EFFEKT_OK);
    ck_assert_str_eq(table->columns[0].heading, "sep=");
    /* the line alone: an empty file */
    ck_assert_int_eq(load("sep=;\n"), EFFEKT_ESCHEMA);
    /* a large file with the line, in two halves */
    size_t len;
    char *text = big_csv(&len, "sep=,\nid,text,n,amount\n", 0);
    compare_file_and_buffer(text, len, EFFEKT_OK, NULL);
    ck_assert_int_eq(load(text), EFFEKT_OK);
    ck_assert_uint_eq(table->header_line, 2);
    ck_assert_uint_eq(effekt_table_row_line(table, 0), 3);
    free(text);
}
END_TEST

/* The loader hashes the bytes it reads (kpi and report once opened the
 * file again: a FIFO hung, standard input had no hash).  The reference is
 * the hash of the same bytes in one piece; the SHA-256 itself is checked
 * against FIPS 180-4's example ("abc") and, in tests/fifo.sh, against
 * sha256sum. */
static void sha256_of(const void *data, size_t len, char hex[65])
{
    effekt_sha256 h;
    effekt_sha256_init(&h);
    effekt_sha256_update(&h, data, len);
    effekt_sha256_hex(&h, hex);
}

static void check_hash(const char *text, size_t len, const effekt_csv_options *opt)
{
    char want[65], path[] = "/tmp/effekt-test-XXXXXX";
    sha256_of(text, len, want);
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    fclose(f);
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_table *t = NULL;
    effekt_csv_load_file(path, opt, &t, &d);   /* from the file: maybe in two halves */
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(effekt_table_sha256(t));
    ck_assert_str_eq(effekt_table_sha256(t), want);
    effekt_table_destroy(t);
    t = NULL;
    FILE *in = fopen(path, "rb");   /* as a stream (what standard input is) */
    effekt_csv_options one = *opt;
    one.parallel_min_bytes = SIZE_MAX;
    effekt_csv_load_stream(in, "s", &one, &t, &d);
    fclose(in);
    ck_assert_str_eq(effekt_table_sha256(t), want);
    effekt_table_destroy(t);
    t = NULL;
    effekt_csv_load_buffer(text, len, "b", opt, &t, &d);
    ck_assert_str_eq(effekt_table_sha256(t), want);
    effekt_table_destroy(t);
    unlink(path);
    effekt_diag_clear(&d);
}

START_TEST(sha256_of_the_bytes_read)
{
    char hex[65];
    sha256_of("abc", 3, hex);   /* FIPS 180-4 example B.1 */
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const effekt_csv_options hashed = { .sha256 = 1 }, hashed_halves = { .sha256 = 1, .parallel_min_bytes = 1 };
    static const char *const small[] = {
        "a,b\n1,2\n",
        "\xEF\xBB\xBFsep=;\r\nproject_id;total_cost\r\nA;1,5\r\n",
        "id,n\r\nR0,\"two\nlines\"\r\nR1,\xC5rhus\r\n",
    };
    for (size_t i = 0; i < sizeof small / sizeof *small; i++) {
        check_hash(small[i], strlen(small[i]), &hashed);
        check_hash(small[i], strlen(small[i]), &hashed_halves);
    }
    static const char utf16[] = "\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0" "2\0\n\0";
    check_hash(utf16, sizeof utf16 - 1, &hashed);
    check_hash(utf16, sizeof utf16 - 1, &hashed_halves);
    /* files of many lines read in two halves: the header part, the
     * first half and the second, in order */
    char text[16384];
    size_t n = (size_t)snprintf(text, sizeof text, "id,\"text\nover two lines\",n,amount\n");
    for (int i = 0; n < 12000; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "R%d,t%d,%d,%d.5\n", i, i % 7, i, i);
    check_hash(text, n, &hashed_halves);
    size_t len;
    char *big = big_csv(&len, "id,text,n,amount\n", 0);
    check_hash(big, len, &hashed);
    free(big);
    big = big_csv(&len, "project_id,notes,participants,total_cost\n", 1);   /* halves, then once */
    check_hash(big, len, &hashed);
    free(big);
    /* not asked: none */
    ck_assert_int_eq(load("a\n1\n"), EFFEKT_OK);
    ck_assert_ptr_null(effekt_table_sha256(table));
}
END_TEST

/* Every CSV file bundled (datasets, tests, the bad-input corpus) read in
 * two halves, whatever its size, gives what one reading gives. */
static void halves_as_one(const char *path, const char *text, size_t size)
{
    (void)path;
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_table *t = NULL;
    effekt_status want = effekt_csv_load_buffer(text, size, "x", NULL, &t, &d);
    effekt_table_destroy(t);
    effekt_diag_clear(&d);
    compare_file_and_buffer(text, size, want, &halves);
}

START_TEST(bundled_files_in_two_halves)
{
    ck_assert_uint_ge(each_bundled_csv(halves_as_one), 40);
}
END_TEST

/* The fast path for plain lines hands over to libcsv at the first line
 * it does not take (quoted fields, spaces at a field's edge, a CR alone)
 * and takes over again between rows, across the 256 KiB chunks: every
 * value and every row's line must be as written, whichever read it
 * (libcsv alone read this the same before the fast path existed). */
START_TEST(fast_path_hands_over)
{
    size_t rows = 60000, cap = rows * 64 + 64, len = 0, line = 1;
    char *text = malloc(cap);
    size_t *lines = malloc(rows * sizeof *lines);
    len += (size_t)sprintf(text + len, "id,value,note\n");
    for (size_t r = 0; r < rows; r++) {
        lines[r] = ++line;
        switch (r % 97) {
        case 5:   /* quoted, with a line break inside: two lines */
            len += (size_t)sprintf(text + len, "\"%zu\",\"%zu.25\",\"a\nb\"\n", r, r);
            line++;
            break;
        case 17:  /* spaces at the edges, trimmed by libcsv */
            len += (size_t)sprintf(text + len, " %zu , %zu.25 ,x y \n", r, r);
            break;
        case 31:  /* CRLF: still plain */
            len += (size_t)sprintf(text + len, "%zu,%zu.25,crlf\r\n", r, r);
            break;
        case 43:  /* a blank line before it */
            len += (size_t)sprintf(text + len, "\n%zu,%zu.25,after blank\n", r, r);
            lines[r] = ++line;
            break;
        case 59:  /* a lone CR ends a line too */
            len += (size_t)sprintf(text + len, "%zu,%zu.25,cr\r", r, r);
            break;
        default:
            len += (size_t)sprintf(text + len, "%zu,%zu.25,n%zu\n", r, r, r % 7);
        }
    }
    ck_assert_uint_gt(len, 3 * 256 * 1024);
    effekt_table *t = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_csv_load_buffer(text, len, "mixed.csv", NULL, &t, &d), EFFEKT_OK);
    ck_assert_uint_eq(d.n, 0);
    ck_assert_uint_eq(t->n_rows, rows);
    const effekt_column *id = effekt_table_column(t, "id"), *v = effekt_table_column(t, "value"),
                        *note = effekt_table_column(t, "note");
    for (size_t r = 0; r < rows; r++) {
        char want_id[24];   /* an id column is text */
        snprintf(want_id, sizeof want_id, "%zu", r);
        ck_assert_str_eq(id->text[r], want_id);
        ck_assert_msg(v->values[r] == (double)r + 0.25, "row %zu: value %g", r, v->values[r]);
        ck_assert_msg(effekt_table_row_line(t, r) == lines[r], "row %zu: line %zu, expected %zu", r,
                      effekt_table_row_line(t, r), lines[r]);
        const char *want = r % 97 == 5 ? "a\nb" : r % 97 == 17 ? "x y" : r % 97 == 31 ? "crlf"
                           : r % 97 == 43 ? "after blank" : r % 97 == 59 ? "cr" : NULL;
        char plain[8];
        snprintf(plain, sizeof plain, "n%zu", r % 7);
        ck_assert_str_eq(note->text[r], want ? want : plain);
    }
    effekt_table_destroy(t);
    effekt_diag_clear(&d);
    /* a stray quote far into the file: libcsv's message, at its line */
    memcpy(text + len - 40, "1\"2", 3);
    size_t bad_line = 1;
    for (size_t i = 0; i < len - 40; i++)
        bad_line += text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n');
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_csv_load_buffer(text, len, "mixed.csv", NULL, &t, &d), EFFEKT_EPARSE);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_uint_eq(d.items[0].line, bad_line);
    ck_assert_ptr_nonnull(strstr(d.items[0].message, "malformed quoting"));
    effekt_diag_clear(&d);
    /* a CRLF cut by the first chunk's end (256 KiB: the CR its last
     * byte), then a stray quote two chunks on: the line libcsv counts
     * (CRLF one break, the LF of the cut one none) */
    size_t chunk = 256 * 1024;
    len = (size_t)sprintf(text, "id,value,note\n");
    while (len + 40 < chunk)
        len += (size_t)sprintf(text + len, "%zu,1.5,plain\n", len);
    len += (size_t)sprintf(text + len, "1,1.5,");
    while (len < chunk - 1)
        text[len++] = 'x';
    text[len++] = '\r';
    text[len++] = '\n';
    for (int k = 0; len < 2 * chunk + 100; k++)   /* the error in the third chunk */
        len += (size_t)sprintf(text + len, "%d,2.5,after\r\n", k);
    size_t at = len;
    len += (size_t)sprintf(text + len, "1,2\"5,bad\n3,4,x\n");
    bad_line = 1;
    for (size_t i = 0; i < at; i++)
        bad_line += text[i] == '\n' ? text[i - 1] != '\r' : text[i] == '\r';
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_csv_load_buffer(text, len, "cut.csv", NULL, &t, &d), EFFEKT_EPARSE);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_uint_eq(d.items[0].line, bad_line);
    effekt_diag_clear(&d);
    free(text);
    free(lines);
}
END_TEST

/* Decimal conversion is correctly rounded: a column of 1,000,000 random
 * decimals (1 to 25 significant digits, some with an exponent, so past
 * the exact 15-digit path: Eisel-Lemire, and strtod where it cannot
 * decide) and the hard cases (halfway points, the largest and smallest
 * normal doubles, 2^53 + 1, more digits than a double holds) read back
 * equal to strtod bit for bit. */
START_TEST(decimals_as_strtod)
{
    static const char *const hard[] = {
        "9007199254740993", "9007199254740992.5", "2.2250738585072014e-308", "1.7976931348623157e308",
        "7.2057594037927933e16", "0.1", "0.3", "123456789012345678901234567890", "1e23",
        "8.98846567431158e307", "9223372036854775807", "9223372036854775808", "18446744073709551615",
        "18446744073709551616", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126", "4503599627370496.5",
        "4503599627370497.5", "7.038531e-26", "3.4028235677973366e38", "2.2250738585072011e-308",
        "1.2345678901234567890123456789e-300", "9.999999999999999999999999e299",
    };
    size_t n_hard = sizeof hard / sizeof *hard, rows = 1000000 + n_hard;
    char *text = malloc(rows * 48 + 16), **cell = malloc(rows * sizeof *cell);
    size_t len = (size_t)sprintf(text, "x\n");
    unsigned long long st = 88172645463325252ull;
#define NEXT() (st ^= st << 13, st ^= st >> 7, st ^= st << 17, st)
    for (size_t r = 0; r < rows; r++) {
        cell[r] = text + len;
        if (r >= rows - n_hard) {
            len += (size_t)sprintf(text + len, "%s", hard[r - (rows - n_hard)]);
        } else {
            int nd = 1 + (int)(NEXT() % 25), dot = (int)(NEXT() % (unsigned)(nd + 1));
            if (NEXT() % 2)
                text[len++] = '-';
            for (int k = 0; k < nd; k++) {
                if (k == dot && k)
                    text[len++] = '.';
                text[len++] = (char)('0' + (k ? NEXT() % 10 : 1 + NEXT() % 9));   /* no leading zero: an id */
            }
            if (NEXT() % 3 == 0)
                len += (size_t)sprintf(text + len, "e%d", (int)(NEXT() % 561) - 280);
        }
        text[len++] = '\n';
    }
#undef NEXT
    effekt_table *t = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_csv_load_buffer(text, len, "decimals.csv", NULL, &t, &d), EFFEKT_OK);
    ck_assert_uint_eq(t->n_rows, rows);
    const double *v = t->columns[0].values;
    ck_assert_ptr_nonnull(v);
    for (size_t r = 0; r < rows; r++) {
        double want = strtod(cell[r], NULL);
        ck_assert_msg(memcmp(&v[r], &want, sizeof want) == 0, "row %zu '%.*s': %.17g, strtod %.17g", r,
                      (int)strcspn(cell[r], "\n"), cell[r], v[r], want);
    }
    effekt_table_destroy(t);
    effekt_diag_clear(&d);
    free(text);
    free(cell);
}
END_TEST

static char *data_path(const char *name)
{
    const char *srcdir = getenv("srcdir");
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", srcdir ? srcdir : ".", name);
    return path;
}

/* The two seed files hold the same facts: same canonical columns, types
 * and values. */
START_TEST(seed_files_agree)
{
    effekt_table *en = NULL, *da = NULL;
    ck_assert_int_eq(effekt_csv_load_file(data_path("datasets/seed_projects.csv"), NULL, &en, &diag), EFFEKT_OK);
    ck_assert_int_eq(effekt_csv_load_file(data_path("datasets/seed_projects_da.csv"), NULL, &da, &diag), EFFEKT_OK);
    ck_assert_str_eq(da->encoding, "Windows-1252");
    ck_assert_uint_eq(en->n_columns, da->n_columns);
    ck_assert_uint_eq(en->n_rows, 5);
    ck_assert_uint_eq(da->n_rows, 5);
    for (size_t c = 0; c < en->n_columns; c++) {
        const effekt_column *a = &en->columns[c], *b = &da->columns[c];
        ck_assert_ptr_nonnull(a->canonical);
        ck_assert_msg(b->canonical && strcmp(a->canonical, b->canonical) == 0, "column %zu: %s vs %s",
                      c + 1, a->canonical, b->canonical ? b->canonical : "(none)");
        ck_assert_msg(a->type == b->type, "%s: %s vs %s", a->canonical, effekt_type_name(a->type),
                      effekt_type_name(b->type));
        for (size_t r = 0; r < en->n_rows; r++) {
            if (a->type == EFFEKT_TYPE_TEXT) {
                ck_assert_int_eq(a->text[r] == NULL, b->text[r] == NULL);
                if (a->text[r])
                    ck_assert_str_eq(a->text[r], b->text[r]);
            } else if (a->values) {
                ck_assert_int_eq(isnan(a->values[r]), isnan(b->values[r]));
                if (!isnan(a->values[r]))
                    ck_assert_double_eq(a->values[r], b->values[r]);
            }
        }
    }
    /* Go Vest: 3.690.661 and 893.345 (settled by the rest of the file) */
    ck_assert_double_eq(effekt_table_column(da, "total_cost")->values[2], 3690661);
    ck_assert_double_eq(effekt_table_column(da, "national_public")->values[2], 893345);
    effekt_table_destroy(en);
    effekt_table_destroy(da);
}
END_TEST

/* The real structural-funds export reads with no options. */
START_TEST(real_export)
{
    ck_assert_int_eq(effekt_csv_load_file(data_path("datasets/dk-structural-funds-2014-2020.csv"), NULL,
                                          &table, &diag), EFFEKT_OK);
    ck_assert_uint_eq(table->n_rows, 107);
    ck_assert_uint_eq(table->n_columns, 18);
    ck_assert_str_eq(table->encoding, "Windows-1252");
    ck_assert_int_eq(table->delimiter, ';');
    ck_assert_double_eq(col("total_cost")->values[0], 15414794);
    ck_assert_double_eq(col("eu_contribution")->values[0], 7707397);
    ck_assert_double_eq(col("eu_rate")->values[0], 0.5);
    ck_assert_str_eq(col("name")->text[0], "Vækst 2.0");
    ck_assert_str_eq(col("fund")->text[0], "R");
    /* coordinates keep their decimal point although amounts group with '.' */
    ck_assert_double_eq(col("Koordinat east / Coordinates east")->values[0], 560016.186);
    ck_assert_uint_eq(col("Koordinat east / Coordinates east")->n_missing, 21);
}
END_TEST

/* ---- issue 17: detection, encodings, dates --------------------------- */

START_TEST(detect_delimiter_trailing_semicolon)
{
    /* the Finnish export: ','-separated, every line ending in ';' (some in ',;') */
    ck_assert_int_eq(load("a,b,c;\n1,2,x;\n4,5,y,;\n7,8,z;\n"), EFFEKT_ESCHEMA);
    ck_assert_int_eq(table->delimiter, ',');
    ck_assert_uint_eq(table->n_columns, 3);
    ck_assert_int_eq(load("a,b,c;\n1,2,x;\n4,5,y;\n"), EFFEKT_OK);
    ck_assert_int_eq(table->delimiter, ',');
    /* ';' still wins where it splits the lines */
    ck_assert_int_eq(load("a;b;c\n1,5;2;x\n4,5;5;y\n"), EFFEKT_OK);
    ck_assert_int_eq(table->delimiter, ';');
}
END_TEST

START_TEST(detect_delimiter_tie_is_error)
{
    ck_assert_int_eq(load("a;b\tc\n1;2\t3\n4;5\t6\n"), EFFEKT_EPARSE);
    ck_assert_ptr_null(table);
    const effekt_diag_problem *e = first(EFFEKT_ERROR);
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_nonnull(strstr(e->message, "cannot tell the delimiter: ';' and TAB"));
    /* more fields settle it */
    ck_assert_int_eq(load("a;b;c\td\n1;2;3\t4\n"), EFFEKT_OK);
    ck_assert_int_eq(table->delimiter, ';');
}
END_TEST

START_TEST(detect_windows_1250)
{
    /* "Tytuł projektu;Wartość projektu" and Polish names in Windows-1250,
     * as the Polish list is written (uchardet needs a few lines to tell) */
    const char *pl =
        "Tytu\xB3 projektu;Nazwa beneficjenta;Warto\x9C\xE6 projektu\n"
        "Budowa drogi ekspresowej S3;Generalna Dyrekcja Dr\xF3g Krajowych i Autostrad;1317453968.43\n"
        "Przebudowa linii kolejowej \xA3\xF3" "d\x9F - Warszawa;PKP Polskie Linie Kolejowe S.A.;2607614076.74\n"
        "Modernizacja oczyszczalni \x9C" "ciek\xF3w w \x8Cl\xB9sku;Miejskie Przedsi\xEA" "biorstwo Wodoci\xB9g\xF3w;45000\n";
    ck_assert_int_eq(load(pl), EFFEKT_OK);
    ck_assert_str_eq(table->encoding, "WINDOWS-1250");
    ck_assert_str_eq(table->columns[2].heading, "Wartość projektu");
    ck_assert_str_eq(table->columns[0].text[1], "Przebudowa linii kolejowej Łódź - Warszawa");
    const effekt_diag_problem *note = first(EFFEKT_NOTE);
    ck_assert_ptr_nonnull(note);
    ck_assert_ptr_nonnull(strstr(note->message, "read as WINDOWS-1250, the encoding detected"));
}
END_TEST

START_TEST(encoding_any_iconv_name)
{
    effekt_csv_encoding e;
    ck_assert_int_eq(effekt_csv_encoding_parse("windows-1250", &e), EFFEKT_OK);
    ck_assert_int_eq(e, EFFEKT_ENCODING_OTHER);
    ck_assert_int_eq(effekt_csv_encoding_parse("cp1252", &e), EFFEKT_OK);
    ck_assert_int_eq(e, EFFEKT_ENCODING_CP1252);
    ck_assert_int_eq(effekt_csv_encoding_parse("no-such-encoding", &e), EFFEKT_EINVAL);
    /* ISO-8859-2: "ą" is 0xB1 there (0xB9 in Windows-1250) */
    effekt_csv_options o = { .encoding = EFFEKT_ENCODING_OTHER, .encoding_name = "ISO-8859-2" };
    ck_assert_int_eq(load_opt("a\nw\xB1s\n", &o), EFFEKT_OK);
    ck_assert_str_eq(table->encoding, "ISO-8859-2");
    ck_assert_str_eq(col("a")->text[0], "wąs");
    /* UTF-32LE is converted before the fields are split */
    static const char u32[] = "a\0\0\0,\0\0\0b\0\0\0\n\0\0\0\x01\x01\0\0,\0\0\0" "2\0\0\0\n\0\0\0";
    effekt_csv_options o32 = { .encoding = EFFEKT_ENCODING_OTHER, .encoding_name = "UTF-32LE" };
    ck_assert_int_eq(load_opt_len(u32, sizeof u32 - 1, &o32), EFFEKT_OK);
    ck_assert_uint_eq(table->n_columns, 2);
    ck_assert_str_eq(col("a")->text[0], "ā");
    ck_assert_double_eq(col("b")->values[0], 2);
}
END_TEST

START_TEST(encoding_single_byte_then_utf8_is_error)
{
    /* Århus in Windows-1252 first, in UTF-8 later: two groups before */
    ck_assert_int_eq(load("id,owner\nA,\xC5rhus\nB,\xC3\x85rhus\n"), EFFEKT_EENCODING);
    const effekt_diag_problem *e = first(EFFEKT_ERROR);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->line, 3);
    ck_assert_ptr_nonnull(strstr(e->message, "is UTF-8, but line 2 was Windows-1252"));
    /* a UTF-8 byte-order mark that lies about the body */
    ck_assert_int_eq(load("\xEF\xBB\xBFid,owner\nA,\xC5rhus\n"), EFFEKT_EENCODING);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "byte-order mark"));
}
END_TEST

START_TEST(dates_order_per_column)
{
    /* 12/17/2015 proves the column month first; 31.12.2017 day first */
    ck_assert_int_eq(load("a,b\n12/17/2015,31.12.2017\n3/4/2015,1.3.2015\n"), EFFEKT_OK);
    ck_assert_int_eq(col("a")->date_order, 'm');
    ck_assert_int_eq(col("b")->date_order, 'd');
    /* days since 1970-01-01 (R: as.numeric(as.Date("2015-03-04")) == 16498) */
    ck_assert_double_eq(col("a")->values[1], 16498);
    ck_assert_double_eq(col("b")->values[1], 16495);   /* 2015-03-01 */
    /* nothing settles 03/04/2015: an error that names the option */
    ck_assert_int_eq(load("a,b\n03/04/2015,x\n05/06/2016,y\n"), EFFEKT_EVALUE);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "--date-order dmy|mdy|ymd"));
    effekt_csv_options o = { .date_order = EFFEKT_DATE_ORDER_MDY };
    ck_assert_int_eq(load_opt("a,b\n03/04/2015,x\n05/06/2016,y\n", &o), EFFEKT_OK);
    ck_assert_double_eq(col("a")->values[0], 16498);
    effekt_csv_date_order d;
    ck_assert_int_eq(effekt_csv_date_order_parse("ymd", &d), EFFEKT_OK);
    ck_assert_int_eq(d, EFFEKT_DATE_ORDER_YMD);
    ck_assert_int_eq(effekt_csv_date_order_parse("ydm", &d), EFFEKT_EINVAL);
}
END_TEST

START_TEST(dates_with_times_and_names)
{
    ck_assert_int_eq(load("a,b,c\n01.06.2020 00:00,01. Nov 15,9. september 2019\n"
                          "2016-10-14 01:17:38,Mrz 16,31. Dez 18\n2016-10-14T01:17:38Z,01-Jan-2015,1 janvier 2015\n"),
                     EFFEKT_OK);
    char d[32];
    const char *want[3][3] = { { "2020-06-01", "2016-10-14", "2016-10-14" },
                               { "2015-11-01", "2016-03-01", "2015-01-01" },
                               { "2019-09-09", "2018-12-31", "2015-01-01" } };
    const char *names[] = { "a", "b", "c" };
    for (int c = 0; c < 3; c++) {
        ck_assert_int_eq(col(names[c])->type, EFFEKT_TYPE_DATE);
        for (int r = 0; r < 3; r++) {
            effekt_date_format((long)col(names[c])->values[r], d);
            ck_assert_str_eq(d, want[c][r]);
        }
    }
}
END_TEST

START_TEST(dates_odd_cell_is_error)
{
    /* one number among nine dates: an error at its cell, the column stays dates */
    ck_assert_int_eq(load("x\n1.3.2015\n2.3.2015\n7560\n4.3.2015\n5.3.2015\n6.3.2015\n7.3.2015\n"
                          "8.3.2015\n9.3.2015\n10.3.2015\n"), EFFEKT_EVALUE);
    ck_assert_int_eq(col("x")->type, EFFEKT_TYPE_DATE);
    const effekt_diag_problem *e = first(EFFEKT_ERROR);
    ck_assert_uint_eq(e->line, 4);
    ck_assert_uint_eq(e->column, 1);
    /* two-digit years in numbers only: an error that says what to do */
    ck_assert_int_eq(load("x\n01.03.15\n02.03.15\n"), EFFEKT_EVALUE);
    ck_assert_ptr_nonnull(strstr(first(EFFEKT_ERROR)->message, "a two-digit year"));
    /* too many words: text, with a note naming the first */
    ck_assert_int_eq(load("x\n1.3.2015\n2.3.2015\nlater\n"), EFFEKT_OK);
    ck_assert_int_eq(col("x")->type, EFFEKT_TYPE_TEXT);
    const effekt_diag_problem *n = first(EFFEKT_NOTE);
    ck_assert_ptr_nonnull(n);
    ck_assert_uint_eq(n->line, 4);
    ck_assert_ptr_nonnull(strstr(n->message, "'later' is not a date"));
}
END_TEST

static Suite *csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("loader");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);   /* large files, on a busy or sanitized machine */
    tcase_add_test(tc, delimiter_comma);
    tcase_add_test(tc, delimiter_semicolon_tab_pipe);
    tcase_add_test(tc, delimiter_option);
    tcase_add_test(tc, quoted_fields);
    tcase_add_test(tc, line_numbers_after_multiline_field);
    tcase_add_test(tc, crlf_and_lf);
    tcase_add_test(tc, utf8_bom_dropped);
    tcase_add_test(tc, windows_1252_detected);
    tcase_add_test(tc, utf8_forced_rejects_bad_bytes);
    tcase_add_test(tc, mixed_encodings_rejected);
    tcase_add_test(tc, utf16le_with_bom);
    tcase_add_test(tc, decimal_comma_per_column);
    tcase_add_test(tc, decimal_mark_from_the_file);
    tcase_add_test(tc, ambiguous_number_is_an_error);
    tcase_add_test(tc, thousands_grouping);
    tcase_add_test(tc, currency_in_cell_and_heading);
    tcase_add_test(tc, percent_values);
    tcase_add_test(tc, dates);
    tcase_add_test(tc, out_of_range_dates);
    tcase_add_test(tc, missing_values);
    tcase_add_test(tc, custom_missing_tokens);
    tcase_add_test(tc, type_inference);
    tcase_add_test(tc, heading_aliases);
    tcase_add_test(tc, map_option);
    tcase_add_test(tc, amounts_conventions);
    tcase_add_test(tc, amounts_mixed_currency);
    tcase_add_test(tc, amounts_heading_units);
    tcase_add_test(tc, amounts_mark_independent_of_selection);
    tcase_add_test(tc, headings_normalisation);
    tcase_add_test(tc, ragged_rows);
    tcase_add_test(tc, ragged_row_fields_are_missing);
    tcase_add_test(tc, duplicate_headings);
    tcase_add_test(tc, required_project_id);
    tcase_add_test(tc, duplicate_project_id);
    tcase_add_test(tc, negative_budget);
    tcase_add_test(tc, whole_numbers_for_counts);
    tcase_add_test(tc, malformed_quotes);
    tcase_add_test(tc, empty_file);
    tcase_add_test(tc, field_limit);
    tcase_add_test(tc, column_selection);
    tcase_add_test(tc, correct_rounding);
    tcase_add_test(tc, numbers_of_any_length);
    tcase_add_test(tc, numbers_in_text_columns_keep_their_text);
    tcase_add_test(tc, large_file_in_two_halves);
    tcase_add_test(tc, coded_columns_equal_text);
    tcase_add_test(tc, lazy_kinds_written_out);
    tcase_add_test(tc, halves_split_without_counting);
    tcase_add_test(tc, large_file_with_an_error_late);
    tcase_add_test(tc, large_file_windows_1252_late);
    tcase_add_test(tc, large_file_header_over_two_lines);
    tcase_add_test(tc, lone_cr_in_two_halves);
    tcase_add_test(tc, some_columns_in_two_halves);
    tcase_add_test(tc, encoding_detected_from_one_readings_chunk);
    tcase_add_test(tc, encoding_detected_in_a_half_from_one_readings_chunk);
    tcase_add_test(tc, second_half_outgrows_its_estimate);
    tcase_add_test(tc, sum_by_missing_column_in_two_halves);
    tcase_add_test(tc, parts_outgrow_their_estimates);
    tcase_add_test(tc, parse_error_line_after_lone_cr);
    tcase_add_test(tc, end_of_input_line_after_a_stop);
    tcase_add_test(tc, conversion_error_line);
    tcase_add_test(tc, excel_sep_line);
    tcase_add_test(tc, sha256_of_the_bytes_read);
    tcase_add_test(tc, bundled_files_in_two_halves);
    tcase_add_test(tc, fast_path_hands_over);
    tcase_add_test(tc, decimals_as_strtod);
    tcase_add_test(tc, seed_files_agree);
    tcase_add_test(tc, real_export);
    tcase_add_test(tc, detect_delimiter_trailing_semicolon);
    tcase_add_test(tc, detect_delimiter_tie_is_error);
    tcase_add_test(tc, detect_windows_1250);
    tcase_add_test(tc, encoding_any_iconv_name);
    tcase_add_test(tc, encoding_single_byte_then_utf8_is_error);
    tcase_add_test(tc, dates_order_per_column);
    tcase_add_test(tc, dates_with_times_and_names);
    tcase_add_test(tc, dates_odd_cell_is_error);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(csv_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
