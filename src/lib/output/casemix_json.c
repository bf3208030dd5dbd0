/* The case-mix adjusted comparison as JSON: a row per project, the
 * case-mix model's coefficients and fit, and the funnel's method. */
#include "config.h"

#include "lib_json.h"

#include <math.h>

#include <cjson/cJSON.h>

#include "effekt/casemix.h"
#include "effekt/output.h"

static cJSON *array_of(cJSON *doc, const char *key)
{
    cJSON *a = cJSON_GetObjectItemCaseSensitive(doc, key);
    return a ? a : cJSON_AddArrayToObject(doc, key);
}

effekt_status effekt_casemix_json(const effekt_casemix_result *r, const char *file, effekt_json *json_doc)
{
    cJSON *doc = effekt_json_cjson(json_doc);
    cJSON *groups = array_of(doc, "groups"), *funnel = array_of(doc, "funnel");
    if (!groups || !funnel)
        return EFFEKT_ENOMEM;
    for (size_t g = 0; g < r->n_groups; g++) {
        const effekt_casemix_group *cg = &r->groups[g];
        cJSON *row = cJSON_CreateObject();
        if (!row)
            return EFFEKT_ENOMEM;
        if (file)
            cJSON_AddStringToObject(row, "file", file);
        cJSON_AddStringToObject(row, "group", cg->label);
        cJSON_AddNumberToObject(row, "n", (double)cg->n);
        effekt_cjson_number(row, "observed", cg->observed);
        effekt_cjson_number(row, "expected", cg->expected);
        cJSON_AddItemToObject(row, "o_e", effekt_cjson_figure_of(cg->ratio, cg->lower, cg->upper, "no expected events"));
        effekt_cjson_number(row, "z", cg->z);
        cJSON_AddItemToObject(row, "limits_95", effekt_cjson_figure_of(1, cg->lower_95, cg->upper_95, NULL));
        cJSON_AddItemToObject(row, "limits_99_8", effekt_cjson_figure_of(1, cg->lower_99_8, cg->upper_99_8, NULL));
        cJSON_AddStringToObject(row, "funnel", cg->funnel);
        cJSON_AddItemToArray(groups, row);
    }
    cJSON *row = cJSON_CreateObject();
    if (!row)
        return EFFEKT_ENOMEM;
    if (file)
        cJSON_AddStringToObject(row, "file", file);
    cJSON_AddStringToObject(row, "method", r->method);
    cJSON_AddStringToObject(row, "overdispersion", effekt_overdispersion_name(r->overdispersion));
    cJSON_AddNumberToObject(row, "projects", (double)r->n_compared);
    effekt_cjson_number(row, "observed", r->observed);
    effekt_cjson_number(row, "expected", r->expected);
    effekt_cjson_number(row, "phi", r->phi);
    effekt_cjson_number(row, "phi_p", r->phi_p);
    if (r->overdispersion == EFFEKT_OVERDISPERSION_ADDITIVE)
        effekt_cjson_number(row, "tau2", r->tau2);
    cJSON_AddBoolToObject(row, "widened", r->widened);
    cJSON_AddItemToArray(funnel, row);
    return effekt_model_json(r->model, file, effekt_json_of(doc));
}
