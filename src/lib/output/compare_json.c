/* effekt compare's results as JSON: the document effekt compare writes
 * (and its table and CSV sheets are made from). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "effekt/compare.h"
#include "effekt/output.h"
#include "output/json_figure.h"

static const char *adjust_json(effekt_adjust_method m)
{
    return m == EFFEKT_ADJUST_HOLM ? "holm" : m == EFFEKT_ADJUST_BH ? "BH" : "none";
}

effekt_status effekt_compare_json_head(const effekt_compare_options *o, effekt_json *json_doc)
{    cJSON *doc = effekt_json_cjson(json_doc);

    cJSON_AddStringToObject(doc, "by", o->by ? o->by : "");
    if (o->kind == EFFEKT_COMPARE_RATES) {
        cJSON_AddStringToObject(doc, "outcome", o->outcome);
        cJSON_AddStringToObject(doc, "interval", effekt_interval_name(o->interval));
    } else if (o->kind == EFFEKT_COMPARE_VALUES) {
        cJSON_AddStringToObject(doc, "value", o->value);
    } else {
        cJSON *ratio = cJSON_CreateString("");
        size_t len = strlen(o->numerator) + strlen(o->denominator) + 2;
        char *text = malloc(len);
        if (text) {
            snprintf(text, len, "%s/%s", o->numerator, o->denominator);
            cJSON_SetValuestring(ratio, text);
            free(text);
        }
        cJSON_AddItemToObject(doc, "ratio", ratio);
        cJSON_AddNumberToObject(doc, "bootstrap", o->bootstrap ? (double)o->bootstrap : 10000);
        cJSON_AddItemToObject(doc, "seed", effekt_cjson_uint64((uint64_t)o->seed));
    }
    cJSON_AddNumberToObject(doc, "confidence", o->confidence);
    cJSON_AddStringToObject(doc, "adjust", adjust_json(o->adjust));
    cJSON_AddArrayToObject(doc, "groups");
    cJSON_AddArrayToObject(doc, "tests");
    cJSON_AddArrayToObject(doc, "pairwise");
    if (!cJSON_AddArrayToObject(doc, "warnings"))
        return EFFEKT_ENOMEM;
    return EFFEKT_OK;
}

static cJSON *row_of(const char *file)
{
    cJSON *row = cJSON_CreateObject();
    if (row && file)
        cJSON_AddStringToObject(row, "file", file);
    return row;
}

static void add_figure(cJSON *row, const char *key, const effekt_compare_figure *f)
{
    cJSON_AddItemToObject(row, key, effekt_json_figure(f));
}

static cJSON *group_row(const effekt_compare_result *r, const effekt_compare_group *g, const char *file)
{
    cJSON *row = row_of(file);
    cJSON_AddStringToObject(row, "group", g->label);
    cJSON_AddNumberToObject(row, "n", (double)g->n);
    cJSON_AddNumberToObject(row, "missing", (double)g->missing);
    switch (r->kind) {
    case EFFEKT_COMPARE_RATES:
        cJSON_AddNumberToObject(row, "events", g->events);
        add_figure(row, "rate", &g->rate);
        if (g->funnel) {
            effekt_cjson_number(row, "pooled", g->pooled);
            add_figure(row, "limits_95", &g->limits_95);
            add_figure(row, "limits_99_8", &g->limits_99_8);
            cJSON_AddStringToObject(row, "funnel", g->funnel);
        }
        break;
    case EFFEKT_COMPARE_VALUES:
        add_figure(row, "mean", &g->mean);
        effekt_cjson_number(row, "sd", g->sd);
        effekt_cjson_number(row, "median", g->median);
        break;
    case EFFEKT_COMPARE_RATIO:
        cJSON_AddNumberToObject(row, "numerator", g->numerator);
        cJSON_AddNumberToObject(row, "denominator", g->denominator);
        cJSON_AddNumberToObject(row, "resamples_dropped", (double)g->resamples_dropped);
        add_figure(row, "ratio_percentile", &g->ratio_percentile);
        add_figure(row, "ratio_bca", &g->ratio_bca);
        break;
    }
    return row;
}

/* Rates' test rows name no file (as they always have); values' do. */
static cJSON *test_row(const effekt_compare_result *r, const effekt_compare_test *t, const char *file)
{
    cJSON *row = row_of(r->kind == EFFEKT_COMPARE_VALUES ? file : NULL);
    cJSON_AddStringToObject(row, "test", t->name);
    if (t->null_statistic) {
        cJSON_AddNullToObject(row, "statistic");
        cJSON_AddNullToObject(row, "df");
        if (t->has_df2)
            effekt_cjson_number(row, "df2", t->df2);
        effekt_cjson_number(row, "p", t->p);
    } else if (t->has_df2) {
        effekt_cjson_number(row, "statistic", t->statistic);
        effekt_cjson_number(row, "df", t->df);
        effekt_cjson_number(row, "df2", t->df2);
        effekt_cjson_number(row, "p", t->p);
    } else {
        effekt_cjson_number(row, "statistic", t->statistic);
        effekt_cjson_number(row, "df", t->df);
        effekt_cjson_number(row, "p", t->p);
    }
    if (t->reason)
        cJSON_AddStringToObject(row, "reason", t->reason);
    if (t->note)
        cJSON_AddStringToObject(row, "note", t->note);
    return row;
}

static cJSON *pair_row(const effekt_compare_result *r, const effekt_compare_pair *p, const char *file)
{
    cJSON *row = row_of(file);
    cJSON_AddStringToObject(row, "group", r->groups[p->group].label);
    cJSON_AddStringToObject(row, "versus", r->groups[p->versus].label);
    add_figure(row, "difference", &p->difference);
    if (r->kind == EFFEKT_COMPARE_RATES) {
        add_figure(row, "risk_ratio", &p->risk_ratio);
        add_figure(row, "p", &p->p);
        add_figure(row, "p_adjusted", &p->p_adjusted);
    } else {
        add_figure(row, "p_welch", &p->p_welch);
        add_figure(row, "p_welch_adjusted", &p->p_welch_adjusted);
        add_figure(row, "hedges_g", &p->hedges_g);
        add_figure(row, "rank_biserial", &p->rank_biserial);
        add_figure(row, "p_mann_whitney", &p->p_mann_whitney);
        add_figure(row, "p_mann_whitney_adjusted", &p->p_mann_whitney_adjusted);
    }
    return row;
}

effekt_status effekt_compare_json(const effekt_compare_result *r, const char *file, const char *path, effekt_json *json_doc)
{    cJSON *doc = effekt_json_cjson(json_doc);

    cJSON *groups = cJSON_GetObjectItemCaseSensitive(doc, "groups");
    cJSON *tests = cJSON_GetObjectItemCaseSensitive(doc, "tests");
    cJSON *pairs = cJSON_GetObjectItemCaseSensitive(doc, "pairwise");
    cJSON *warnings = cJSON_GetObjectItemCaseSensitive(doc, "warnings");
    if (!groups || !tests || !pairs || !warnings)
        return EFFEKT_EINVAL;
    if (!path)
        path = file ? file : r->source;
    for (size_t g = 0; g < r->n_groups; g++)
        cJSON_AddItemToArray(groups, group_row(r, &r->groups[g], file));
    for (size_t i = 0; i < r->n_warnings; i++) {
        size_t len = strlen(path) + strlen(r->warnings[i]) + 3;
        char *w = malloc(len);
        if (!w)
            return EFFEKT_ENOMEM;
        snprintf(w, len, "%s: %s", path, r->warnings[i]);
        cJSON_AddItemToArray(warnings, cJSON_CreateString(w));
        free(w);
    }
    for (size_t i = 0; i < r->n_tests; i++)
        cJSON_AddItemToArray(tests, test_row(r, &r->tests[i], file));
    for (size_t q = 0; q < r->n_pairs; q++)
        cJSON_AddItemToArray(pairs, pair_row(r, &r->pairs[q], file));
    return EFFEKT_OK;
}
