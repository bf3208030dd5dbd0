/* A Cox model's results as JSON: the rows effekt retention --cox adds to
 * its document (and its table and CSV sheets are made from). */
#include "config.h"

#include "lib_json.h"

#include <math.h>

#include <cjson/cJSON.h>

#include "effekt/cox.h"
#include "effekt/output.h"

static cJSON *array(cJSON *doc, const char *key)
{
    cJSON *a = cJSON_GetObjectItemCaseSensitive(doc, key);
    return a ? a : cJSON_AddArrayToObject(doc, key);
}

static cJSON *row(cJSON *a, const char *file)
{
    cJSON *o = cJSON_CreateObject();
    if (o) {
        cJSON_AddItemToArray(a, o);
        if (file)
            cJSON_AddStringToObject(o, "file", file);
    }
    return o;
}

effekt_status effekt_cox_json(const effekt_cox_result *r, const char *file, effekt_json *json_doc)
{
    cJSON *doc = effekt_json_cjson(json_doc);
    cJSON *coefs = array(doc, "cox"), *tests = array(doc, "cox_tests"), *zph = array(doc, "cox_zph");
    if (!coefs || !tests || !zph)
        return EFFEKT_ENOMEM;
    for (size_t j = 0; j < r->p; j++) {
        const effekt_cox_coef *c = &r->coefs[j];
        cJSON *o = row(coefs, file);
        if (!o)
            return EFFEKT_ENOMEM;
        cJSON_AddStringToObject(o, "covariate", c->name);
        cJSON_AddStringToObject(o, "term", c->term);
        if (c->level)
            cJSON_AddStringToObject(o, "level", c->level);
        else
            cJSON_AddNullToObject(o, "level");
        effekt_cjson_number(o, "coef", c->coef);
        effekt_cjson_number(o, "se", c->se);
        effekt_cjson_number(o, "z", c->z);
        effekt_cjson_number(o, "p", c->p);
        effekt_cjson_number(o, "hazard_ratio", c->hr);
        effekt_cjson_number(o, "lower", c->hr_lower);
        effekt_cjson_number(o, "upper", c->hr_upper);
        cJSON_AddBoolToObject(o, "may_be_infinite", c->infinite);
    }
    static const char *const names[] = { "likelihood ratio", "Wald", "score (log-rank)" };
    double stat[] = { r->lr, r->stats.wald, r->stats.score }, p[] = { r->lr_p, r->wald_p, r->score_p };
    for (int i = 0; i < 3; i++) {
        cJSON *o = row(tests, file);
        if (!o)
            return EFFEKT_ENOMEM;
        cJSON_AddStringToObject(o, "test", names[i]);
        effekt_cjson_number(o, "chisq", stat[i]);
        effekt_cjson_number(o, "df", (double)r->p);
        effekt_cjson_number(o, "p", p[i]);
        effekt_cjson_number(o, "n", (double)r->n);
        effekt_cjson_number(o, "events", (double)r->events);
        if (i == 0) {
            effekt_cjson_number(o, "loglik0", r->stats.loglik0);
            effekt_cjson_number(o, "loglik", r->stats.loglik);
        }
    }
    for (size_t i = 0; i < r->n_zph; i++) {
        cJSON *o = row(zph, file);
        if (!o)
            return EFFEKT_ENOMEM;
        cJSON_AddStringToObject(o, "term", r->zph[i].term);
        effekt_cjson_number(o, "chisq", r->zph[i].chisq);
        effekt_cjson_number(o, "df", r->zph[i].df);
        effekt_cjson_number(o, "p", r->zph[i].p);
    }
    return EFFEKT_OK;
}
