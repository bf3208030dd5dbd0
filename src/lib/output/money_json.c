/* What a KPI document says of its money plan. */
#include "config.h"

#include "lib_json.h"

#include "effekt/money.h"

effekt_status effekt_money_json_settings(const effekt_money_options *opt, effekt_json *json_doc)
{    cJSON *doc = effekt_json_cjson(json_doc);

    if (opt->currency && !cJSON_AddStringToObject(doc, "currency", opt->currency))
        return EFFEKT_ENOMEM;
    if (opt->price_year && !cJSON_AddNumberToObject(doc, "price_year", (double)opt->price_year))
        return EFFEKT_ENOMEM;
    return EFFEKT_OK;
}
