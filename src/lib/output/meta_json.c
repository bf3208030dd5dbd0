/* effekt meta's results as JSON: the document effekt meta writes (and
 * its table and CSV sheets are made from). */
#include "config.h"

#include "lib_json.h"

#include <math.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "effekt/meta.h"
#include "effekt/output.h"

static const char *measure_metafor(effekt_meta_measure m)
{
    static const char *const names[] = { "PLO", "PR", "PLN", "PFT", "GEN" };
    return (size_t)m < 5 ? names[m] : "?";
}

effekt_status effekt_meta_json_head(const effekt_meta_options *o, effekt_json *json_doc)
{
    cJSON *doc = effekt_json_cjson(json_doc);
    cJSON_AddStringToObject(doc, "method", effekt_meta_method_name(o->method));
    cJSON_AddStringToObject(doc, "test", o->knha ? "knha" : "z");
    if (o->outcome || o->events)
        cJSON_AddStringToObject(doc, "measure", effekt_meta_measure_name(o->measure));
    else
        cJSON_AddStringToObject(doc, "measure", "estimate");
    cJSON_AddNumberToObject(doc, "confidence", o->confidence);
    cJSON_AddArrayToObject(doc, "pooled");
    return cJSON_AddArrayToObject(doc, "projects") ? EFFEKT_OK : EFFEKT_ENOMEM;
}

effekt_status effekt_meta_json(const effekt_meta_result *r, const char *file, effekt_json *json_doc)
{
    cJSON *doc = effekt_json_cjson(json_doc);
    cJSON *pooled = cJSON_GetObjectItemCaseSensitive(doc, "pooled");
    cJSON *projects = cJSON_GetObjectItemCaseSensitive(doc, "projects");
    if (!pooled || !projects)
        return EFFEKT_EINVAL;
    cJSON *p = cJSON_CreateObject();
    if (!p)
        return EFFEKT_ENOMEM;
    cJSON_AddItemToArray(pooled, p);
    if (file)
        cJSON_AddStringToObject(p, "file", file);
    cJSON_AddNumberToObject(p, "projects", (double)r->k);
    /* people read the back-transformed rate first */
    effekt_cjson_number(p, "estimate", r->value);
    effekt_cjson_number(p, "lower", r->value_lower);
    effekt_cjson_number(p, "upper", r->value_upper);
    effekt_cjson_number(p, "prediction_lower", r->value_pi_lower);
    effekt_cjson_number(p, "prediction_upper", r->value_pi_upper);
    cJSON_AddStringToObject(p, "scale", measure_metafor(r->options.measure));
    effekt_cjson_number(p, "scale_estimate", r->estimate);
    effekt_cjson_number(p, "scale_se", r->se);
    effekt_cjson_number(p, "scale_lower", r->lower);
    effekt_cjson_number(p, "scale_upper", r->upper);
    effekt_cjson_number(p, "scale_prediction_lower", r->pi_lower);
    effekt_cjson_number(p, "scale_prediction_upper", r->pi_upper);
    effekt_cjson_number(p, r->options.knha ? "t" : "z", r->statistic);
    effekt_cjson_number(p, "df", r->df);
    effekt_cjson_number(p, "p", r->p);
    effekt_cjson_number(p, "tau2", r->tau2);
    effekt_cjson_number(p, "tau2_lower", r->tau2_lower);
    effekt_cjson_number(p, "tau2_upper", r->tau2_upper);
    effekt_cjson_number(p, "tau", r->tau);
    effekt_cjson_number(p, "I2", r->i2);
    effekt_cjson_number(p, "I2_lower", r->i2_lower);
    effekt_cjson_number(p, "I2_upper", r->i2_upper);
    effekt_cjson_number(p, "H2", r->h2);
    effekt_cjson_number(p, "Q", r->q);
    effekt_cjson_number(p, "Q_df", r->q_df);
    effekt_cjson_number(p, "Q_p", r->q_p);
    if (r->options.measure == EFFEKT_META_ARCSINE)
        effekt_cjson_number(p, "n_harmonic", r->n_harmonic);
    for (size_t i = 0; i < r->k; i++) {
        const effekt_meta_study *s = &r->studies[i];
        cJSON *o = cJSON_CreateObject();
        if (!o)
            return EFFEKT_ENOMEM;
        cJSON_AddItemToArray(projects, o);
        if (file)
            cJSON_AddStringToObject(o, "file", file);
        cJSON_AddStringToObject(o, "project", s->label);
        if (r->options.measure != EFFEKT_META_ESTIMATE) {
            effekt_cjson_number(o, "events", s->events);
            effekt_cjson_number(o, "n", s->n);
        }
        effekt_cjson_number(o, "estimate", s->value);
        effekt_cjson_number(o, "lower", s->value_lower);
        effekt_cjson_number(o, "upper", s->value_upper);
        effekt_cjson_number(o, "weight_percent", s->weight);
        effekt_cjson_number(o, "scale_estimate", s->yi);
        effekt_cjson_number(o, "scale_se", s->se);
        if (r->options.measure != EFFEKT_META_ESTIMATE)
            cJSON_AddBoolToObject(o, "half_added", s->corrected);
    }
    return EFFEKT_OK;
}
