/* Numbers and figures of results in JSON: one way for every writer. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "output/json_figure.h"

void effekt_json_number(cJSON *o, const char *key, double v)
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

cJSON *effekt_json_figure_of(double v, double lower, double upper, const char *reason)
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
        effekt_json_number(o, "lower", lower);
        effekt_json_number(o, "upper", upper);
    }
    return o;
}

cJSON *effekt_json_figure(const effekt_compare_figure *f)
{
    cJSON *o = effekt_json_figure_of(f->value, f->lower, f->upper, f->reason);
    if (o && !isnan(f->value) && !isinf(f->value) && f->reason)
        cJSON_AddStringToObject(o, "reason", f->reason);
    return o;
}
