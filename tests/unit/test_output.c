/* Numbers as effekt writes them for machines (effekt_format_exact,
 * effekt_json_print): the shortest text that reads back to the same bits.
 * The reference is strtod (glibc's, correctly rounded) and the bits of
 * the double: no tolerance, every case must round-trip exactly. */
#include <check.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "effekt/output.h"

/* The library's effekt_json is a cJSON (effekt/json.h): this test reads
 * the documents with cJSON itself. */
#define AS_JSON(c) ((effekt_json *)(void *)(c))

static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* significant digits of a %g text */
static int digits(const char *s)
{
    int n = 0, lead = 1;
    for (; *s && *s != 'e'; s++) {
        if (*s < '0' || *s > '9')
            continue;
        if (lead && *s == '0')
            continue;
        lead = 0;
        n++;
    }
    return n;
}

START_TEST(exact_texts)
{
    static const struct { double v; const char *text; } cases[] = {
        { 0.30000000000000004, "0.30000000000000004" },   /* 0.1 + 0.2 */
        { 0.1, "0.1" },
        { 100, "100" },                                   /* not 1e+02 */
        { -2.5e-7, "-2.5e-07" },
        { 9007199254740992.0, "9007199254740992" },       /* 2^53 */
        { 9007199254740991.0, "9007199254740991" },
        { 11000000000000050.0, "11000000000000050" },     /* above 2^53, whole */
        { 99999999999999984.0, "99999999999999984" },     /* below 1e17 */
        { 1e17, "1e+17" },
        { 123456789012345680000.0, "1.2345678901234568e+20" },
        { 1e-320, "1e-320" },                             /* subnormal */
        { 5e-324, "5e-324" },                             /* the smallest */
        { 1.7976931348623157e308, "1.7976931348623157e+308" },
        { 2.2250738585072014e-308, "2.2250738585072014e-308" },
        { 1e15, "1000000000000000" },
        { 1e22, "1e+22" },
        { -0.0, "0" },
        { 0.0, "0" },
        { -42, "-42" },
        { 1.0 / 3, "0.3333333333333333" },
        { 333333333333333.3125, "333333333333333.3" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[32];
        ck_assert_int_eq(effekt_format_exact(cases[i].v, buf, sizeof buf), 0);
        ck_assert_str_eq(buf, cases[i].text);
        double back = strtod(buf, NULL);
        ck_assert_msg(same_bits(back, cases[i].v == 0 ? 0.0 : cases[i].v), "%s does not read back", buf);
    }
    char buf[32] = "x";
    ck_assert_int_eq(effekt_format_exact(NAN, buf, sizeof buf), -1);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(effekt_format_exact(-INFINITY, buf, sizeof buf), -1);
}
END_TEST

START_TEST(random_bits_round_trip)
{
    /* 30,000 doubles from random bit patterns (all exponents, subnormals
     * included): each reads back to its bits, and one digit fewer would
     * not (the text is the shortest) unless it is a plain integer */
    uint64_t s = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 30000; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        double v;
        memcpy(&v, &s, sizeof v);
        if (!isfinite(v) || v == 0)
            continue;
        char buf[32];
        ck_assert_int_eq(effekt_format_exact(v, buf, sizeof buf), 0);
        ck_assert_msg(same_bits(strtod(buf, NULL), v), "%s for %a", buf, v);
        int d = digits(buf);
        ck_assert_int_le(d, 17);
        if (d > 1 && !(v == floor(v) && fabs(v) < 1e17)) {
            char shorter[32];
            snprintf(shorter, sizeof shorter, "%.*g", d - 1, v);
            ck_assert_msg(!same_bits(strtod(shorter, NULL), v), "%s is shorter than %s", shorter, buf);
        }
    }
}
END_TEST

START_TEST(json_print_is_exact)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddNumberToObject(doc, "a", 0.30000000000000004);
    cJSON *arr = cJSON_AddArrayToObject(doc, "b");
    cJSON_AddItemToArray(arr, cJSON_CreateNumber(9007199254740992.0));
    cJSON_AddItemToArray(arr, cJSON_CreateNumber(NAN));
    cJSON_AddItemToArray(arr, cJSON_CreateNumber(-0.0));
    cJSON *in = cJSON_AddObjectToObject(doc, "c");
    cJSON_AddNumberToObject(in, "d", 5e-324);
    cJSON_AddItemToObject(in, "seed", (cJSON *)(void *)effekt_json_uint64(UINT64_MAX));
    cJSON_AddStringToObject(in, "s", "1.5");
    char *text = effekt_json_print(AS_JSON(doc), 0);
    ck_assert_ptr_nonnull(text);
    ck_assert_str_eq(text, "{\"a\":0.30000000000000004,\"b\":[9007199254740992,null,0],"
                           "\"c\":{\"d\":5e-324,\"seed\":18446744073709551615,\"s\":\"1.5\"}}");
    /* the tree printed is not changed */
    ck_assert(cJSON_IsNumber(cJSON_GetObjectItem(doc, "a")));
    /* read back: the same doubles */
    cJSON *back = cJSON_Parse(text);
    ck_assert_ptr_nonnull(back);
    ck_assert(same_bits(cJSON_GetObjectItem(back, "a")->valuedouble, 0.30000000000000004));
    ck_assert(same_bits(cJSON_GetArrayItem(cJSON_GetObjectItem(back, "b"), 0)->valuedouble, 9007199254740992.0));
    cJSON_Delete(back);
    free(text);
    text = effekt_json_print(AS_JSON(doc), 1);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(strstr(text, "\"a\":\t0.30000000000000004,\n"));
    free(text);
    cJSON_Delete(doc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("output");
    TCase *tc = tcase_create("exact numbers");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, exact_texts);
    tcase_add_test(tc, random_bits_round_trip);
    tcase_add_test(tc, json_print_is_exact);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
