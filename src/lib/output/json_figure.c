/* Numbers and figures of results in JSON: one way for every writer. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "output/json_figure.h"

void effekt_cjson_number(cJSON *o, const char *key, double v)
{
    if (isnan(v)) {
        cJSON_AddNullToObject(o, key);
    } else if (isinf(v)) {
        /* an overflow (a sum of values near 1e308): undefined, with why */
        char reason[128];
        snprintf(reason, sizeof reason, "%s_reason", key);
        cJSON_AddNullToObject(o, key);
        cJSON_AddStringToObject(o, reason, "beyond the range of a double");
    } else {
        cJSON_AddNumberToObject(o, key, v == 0 ? 0.0 : v);   /* -0 is shown as 0 */
    }
}

cJSON *effekt_cjson_figure_of(double v, double lower, double upper, const char *reason)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    if (isnan(v) || isinf(v)) {
        cJSON_AddNullToObject(o, "value");
        cJSON_AddStringToObject(o, "reason", isinf(v) ? "beyond the range of a double" : reason ? reason : "undefined");
        return o;
    }
    cJSON_AddNumberToObject(o, "value", v == 0 ? 0.0 : v);
    if (!isnan(lower) || !isnan(upper)) {
        effekt_cjson_number(o, "lower", lower);
        effekt_cjson_number(o, "upper", upper);
    }
    return o;
}

cJSON *effekt_json_figure(const effekt_compare_figure *f)
{
    cJSON *o = effekt_cjson_figure_of(f->value, f->lower, f->upper, f->reason);
    if (o && !isnan(f->value) && !isinf(f->value) && f->reason)
        cJSON_AddStringToObject(o, "reason", f->reason);
    return o;
}

/* The public faces of the two above (effekt/json.h), on the opaque type. */
void effekt_json_number(effekt_json *o, const char *key, double v)
{
    effekt_cjson_number(effekt_json_cjson(o), key, v);
}

effekt_json *effekt_json_figure_of(double v, double lower, double upper, const char *reason)
{
    return effekt_json_of(effekt_cjson_figure_of(v, lower, upper, reason));
}

effekt_json *effekt_json_create_object(void)
{
    return effekt_json_of(cJSON_CreateObject());
}

effekt_json *effekt_json_create_array(void)
{
    return effekt_json_of(cJSON_CreateArray());
}

void effekt_json_destroy(effekt_json *j)
{
    cJSON_Delete(effekt_json_cjson(j));
}
