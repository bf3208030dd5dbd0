/* The JSON of a grouped describe: one object per column and group, the
 * rows every format (table, CSV, JSON) is written from. */
#include "config.h"

#include "lib_json.h"

#include <math.h>
#include <stdio.h>

#include "effekt/describe.h"
#include "effekt/output.h"

static void add_where(cJSON *o, const effekt_describe_result *r, size_t c, size_t g)
{
    for (size_t i = 0; i < r->n_by; i++)
        cJSON_AddStringToObject(o, r->by[i], r->values[g * r->n_by + i]);
    cJSON_AddStringToObject(o, "column", r->columns[c]);
}

effekt_json *effekt_describe_json_where(const effekt_describe_result *r, size_t c, size_t g)
{
    cJSON *o = cJSON_CreateObject();
    if (o)
        add_where(o, r, c, g);
    return effekt_json_of(o);
}

static void add_statistics(cJSON *row, const effekt_describe_result *r, const effekt_describe_cell *cell)
{
    const effekt_stats_summary *s = &cell->summary;
    if (r->weighted)
        effekt_cjson_number(row, "sum_weights", cell->sum_weights);
    const double vals[EFFEKT_DESCRIBE_N_STATS] = {
        (double)s->n, (double)s->missing, s->sum, s->mean, s->sd, s->se, NAN, s->min, s->q1, s->median,
        s->q3, s->max, s->iqr, s->mad, s->skewness, s->kurtosis
    };
    for (int i = 0; i < EFFEKT_DESCRIBE_N_STATS; i++) {
        if (!(r->stats & (1u << i)))
            continue;
        if (i == EFFEKT_DESCRIBE_CI) {
            effekt_cjson_number(row, "ci_lower", s->ci_lower);
            effekt_cjson_number(row, "ci_upper", s->ci_upper);
        } else {
            effekt_cjson_number(row, effekt_describe_stat_name((effekt_describe_stat)i), vals[i]);
        }
    }
    for (size_t k = 0; k < r->n_percentiles; k++) {
        char name[32];
        snprintf(name, sizeof name, "p%g", r->percentiles[k]);
        effekt_cjson_number(row, name, s->percentile[k]);
    }
}

effekt_status effekt_describe_json_rows(const effekt_describe_result *r, const char *file, effekt_json *json_rows)
{    cJSON *rows = effekt_json_cjson(json_rows);

    for (size_t c = 0; c < r->n_columns; c++)
        for (size_t g = 0; g < r->n_groups; g++) {
            const effekt_describe_cell *cell = &r->cells[c * r->n_groups + g];
            cJSON *row = cJSON_CreateObject();
            if (!row)
                return EFFEKT_ENOMEM;
            if (file)
                cJSON_AddStringToObject(row, "file", file);
            add_where(row, r, c, g);
            if (r->partial)
                cJSON_AddItemToObject(row, "partial", effekt_json_cjson(effekt_partial_to_json(&cell->partial)));
            else
                add_statistics(row, r, cell);
            cJSON_AddItemToArray(rows, row);
        }
    return EFFEKT_OK;
}

effekt_status effekt_describe_json_settings(const effekt_describe_run_options *opt, effekt_json *json_doc)
{    cJSON *doc = effekt_json_cjson(json_doc);

    if (opt->partial) {
        cJSON_AddStringToObject(doc, "effekt_partial", "describe 1");
    } else {
        cJSON_AddNumberToObject(doc, "confidence", opt->confidence);
        cJSON_AddNumberToObject(doc, "quantile_type", opt->quantile_type ? opt->quantile_type : 7);
    }
    return EFFEKT_OK;
}
