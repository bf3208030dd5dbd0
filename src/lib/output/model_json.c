/* effekt model's results as JSON: a row per coefficient and a row of the
 * fit (what effekt model writes, and its table and CSV sheets). */
#include "config.h"

#include "lib_json.h"

#include <math.h>

#include <cjson/cJSON.h>

#include "effekt/model.h"
#include "effekt/output.h"

static cJSON *array_of(cJSON *doc, const char *key)
{
    cJSON *a = cJSON_GetObjectItemCaseSensitive(doc, key);
    return a ? a : cJSON_AddArrayToObject(doc, key);
}

effekt_status effekt_model_json(const effekt_model_result *r, const char *file, effekt_json *json_doc)
{
    cJSON *doc = effekt_json_cjson(json_doc);
    cJSON *coefs = array_of(doc, "coefficients"), *fits = array_of(doc, "fit");
    if (!coefs || !fits)
        return EFFEKT_ENOMEM;
    int ratio = r->family != EFFEKT_MODEL_GAUSSIAN;
    const char *ratio_key = r->family == EFFEKT_MODEL_BINOMIAL ? "odds_ratio" : "rate_ratio";
    for (size_t j = 0; j < r->n_coefs; j++) {
        const effekt_model_coef *c = &r->coefs[j];
        cJSON *row = cJSON_CreateObject();
        if (!row)
            return EFFEKT_ENOMEM;
        if (file)
            cJSON_AddStringToObject(row, "file", file);
        cJSON_AddStringToObject(row, "term", c->name);
        effekt_cjson_number(row, "estimate", c->estimate);
        effekt_cjson_number(row, "se", c->se);
        effekt_cjson_number(row, r->t_statistic ? "t" : "z", c->statistic);
        effekt_cjson_number(row, "p", c->p);
        cJSON_AddItemToObject(row, "interval", effekt_cjson_figure_of(c->estimate, c->lower, c->upper, NULL));
        if (ratio)
            cJSON_AddItemToObject(row, ratio_key,
                                  effekt_cjson_figure_of(c->exp_estimate, c->exp_lower, c->exp_upper, NULL));
        cJSON_AddItemToArray(coefs, row);
    }
    cJSON *row = cJSON_CreateObject();
    if (!row)
        return EFFEKT_ENOMEM;
    if (file)
        cJSON_AddStringToObject(row, "file", file);
    cJSON_AddStringToObject(row, "outcome", r->outcome);
    cJSON_AddStringToObject(row, "family", effekt_model_family_name(r->family));
    cJSON_AddStringToObject(row, "se", effekt_model_se_name(r->se));
    if (r->se == EFFEKT_MODEL_SE_CLUSTER)
        cJSON_AddNumberToObject(row, "clusters", (double)r->n_clusters);
    cJSON_AddNumberToObject(row, "n", (double)r->n_used);
    cJSON_AddNumberToObject(row, "dropped", (double)r->n_dropped);
    effekt_cjson_number(row, "df_residual", r->df_residual);
    effekt_cjson_number(row, "deviance", r->deviance);
    effekt_cjson_number(row, "null_deviance", r->null_deviance);
    effekt_cjson_number(row, "df_null", r->df_null);
    effekt_cjson_number(row, "aic", r->aic);
    if (r->family == EFFEKT_MODEL_GAUSSIAN) {
        effekt_cjson_number(row, "r_squared", r->r_squared);
        effekt_cjson_number(row, "adj_r_squared", r->adj_r_squared);
        effekt_cjson_number(row, "sigma", r->sigma);
    } else {
        cJSON_AddNumberToObject(row, "iterations", (double)r->iterations);
    }
    if (r->n_factors) {
        cJSON *refs = cJSON_AddObjectToObject(row, "reference_levels");
        for (size_t j = 0; refs && j < r->n_factors; j++)
            cJSON_AddStringToObject(refs, r->factors[j].column, r->factors[j].level);
    }
    cJSON_AddItemToArray(fits, row);
    return EFFEKT_OK;
}
