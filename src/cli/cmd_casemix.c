/* effekt compare --by P --outcome O --adjust COLUMNS: projects compared
 * on observed against expected events (the library's
 * effekt_casemix_run); here the options are read and the results
 * written. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/casemix.h"

static int run_file(const cli_options *o, const effekt_casemix_options *co, const char *path, cJSON *doc)
{
    effekt_table *t = cli_load_table(o, path);
    if (!t)
        return EXIT_BAD;
    effekt_casemix_result *r = NULL;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_casemix_run(t, co, &r, &diag);
    for (size_t i = 0; i < diag.n; i++)
        if (!(o->quiet && diag.items[i].severity == EFFEKT_NOTE))
            cli_say_problem(path, &diag.items[i]);
    if (st == EFFEKT_OK)
        st = effekt_casemix_json(r, o->n_inputs > 1 ? path : NULL, cli_json(doc));
    else if (!diag.n_by_severity[EFFEKT_ERROR])
        cli_error("%s: error: %s", path, effekt_status_message(st));
    effekt_casemix_result_destroy(r);
    effekt_diag_clear(&diag);
    effekt_table_destroy(t);
    return st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
}

int cli_compare_casemix(const cli_options *o, const char *columns)
{
    effekt_casemix_options co;
    effekt_casemix_options_init(&co);
    if (o->overdispersion && effekt_overdispersion_parse(o->overdispersion, &co.overdispersion) != EFFEKT_OK) {
        cli_usage_error("compare", "--overdispersion: '%s' (expected none, multiplicative or additive)",
                        o->overdispersion);
        return EXIT_BAD;
    }
    if (o->value || o->ratio || o->funnel) {
        cli_usage_error("compare", "case-mix adjustment (--adjust COLUMNS) goes with --outcome and makes its own funnel");
        return EXIT_BAD;
    }
    char list[1024];
    snprintf(list, sizeof list, "%s", columns);
    const char *names[64];
    co.n_adjust = cli_split_list(list, names, 64);
    co.adjust = names;
    if (!co.n_adjust) {
        cli_usage_error("compare", "--adjust names no column");
        return EXIT_BAD;
    }
    char refbuf[64][256];
    effekt_model_ref refs[64];
    co.n_refs = cli_model_refs(o, refbuf, refs);
    co.refs = refs;
    co.by = o->by;
    co.outcome = o->outcome;
    co.confidence = o->confidence;
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "by", o->by);
    cJSON_AddStringToObject(doc, "outcome", o->outcome);
    cJSON *adj = cJSON_AddArrayToObject(doc, "adjusted_for");
    for (size_t i = 0; i < co.n_adjust; i++)
        cJSON_AddItemToArray(adj, cJSON_CreateString(names[i]));
    cJSON_AddNumberToObject(doc, "confidence", o->confidence);
    cJSON_AddArrayToObject(doc, "groups");
    cJSON_AddArrayToObject(doc, "funnel");
    cJSON_AddArrayToObject(doc, "coefficients");
    cJSON_AddArrayToObject(doc, "fit");
    cli_batch batch;
    cli_batch_begin(&batch, o, doc);
    for (size_t i = 0; i < o->n_inputs; i++) {
        cli_batch_file(&batch, i);
        if (!cli_batch_done(&batch, run_file(o, &co, o->inputs[i], doc)))
            break;
    }
    effekt_output_sheet sheets[] = { { .path = "groups", .title = "observed and expected events by group (O/E)" },
                                  { .path = "funnel", .title = "funnel" },
                                  { .path = "coefficients", .title = "case-mix model (logistic)" },
                                  { .path = "fit", .title = "fit" } };
    return cli_batch_finish(&batch, sheets, 4);
}
