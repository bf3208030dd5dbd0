/* effekt meta: random-effects pooling of projects.  The analysis is the
 * library's (effekt_meta_run); here the options are read, the results
 * written and the problems said in the command line's words. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/meta.h"

static const char meta_usage[] =
    "Usage: effekt meta [OPTION]... (--by PROJECT --outcome COLUMN | --events COL --n COL\n"
    "                                | --estimate COL --se COL) FILE...\n"
    "Pool projects' rates or effects with a random-effects model: the pooled rate\n"
    "with its interval, the between-project variance tau^2 with its interval, tau,\n"
    "I^2, H^2, Cochran's Q, and the prediction interval (the rate a new project of\n"
    "this kind can be expected to reach); each project's rate, interval and weight.\n\n"
    "  -g, --by COLUMN       the projects: with --outcome the rows of participants are\n"
    "                        counted by it; otherwise the labels of a row per project\n"
    "      --outcome COLUMN  participant rows: 0/1, yes/no, or a date (given: an event)\n"
    "      --events COLUMN   a row per project: its events (jobs_created) ...\n"
    "      --n COLUMN        ... among its participants\n"
    "      --estimate COLUMN a row per project: an effect on any scale ...\n"
    "      --se COLUMN       ... and its standard error\n"
    "      --method M        reml (default), dl (DerSimonian-Laird) or pm (Paule-Mandel)\n"
    "      --knha            Hartung-Knapp: t tests and intervals with k - 1 df\n"
    "      --measure M       the scale rates are pooled on: logit (default), raw, log\n"
    "                        or arcsine (Freeman-Tukey); shown back-transformed\n"
    "      --confidence P    level of the intervals (default 0.95)\n"
    "  -f, --format FMT      table (default), csv or json\n"
    "  -o, --output FILE     write there (atomically)\n"
    "      --keep-going      a bad file is reported and left out, the others go on\n"
    "  -q, --quiet           no notes on standard error\n"
    "      --delimiter, --decimal-comma, --decimal-point, --encoding, --na, --map\n\n"
    "Methods as metafor: escalc(measure = \"PLO\" | \"PR\" | \"PLN\" | \"PFT\") with its\n"
    "1/2 added to the cells of a project without events (or with only events),\n"
    "rma(method = \"REML\" | \"DL\" | \"PM\", test = \"z\" | \"knha\"), confint(fit) for\n"
    "tau^2 (Q-profile), predict(fit) back-transformed by transf.ilogit, exp or\n"
    "transf.ipft.hm (the harmonic mean of the projects' n).\n";

static void say_problems(const cli_options *o, const char *path, const effekt_diag *diag)
{
    for (size_t i = 0; i < diag->n; i++) {
        const effekt_diag_problem *p = &diag->items[i];
        if (p->severity == EFFEKT_NOTE && o->quiet)
            continue;
        cli_say_problem(path, p);
    }
}

static int run_file(const cli_options *o, const effekt_meta_options *mo, const char *path, cJSON *doc)
{
    effekt_table *t = cli_load_table(o, path);
    if (!t)
        return EXIT_BAD;
    effekt_meta_result *r = NULL;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_meta_run(t, mo, &r, &diag);
    say_problems(o, path, &diag);
    if (st == EFFEKT_OK)
        st = effekt_meta_json(r, o->n_inputs > 1 ? path : NULL, cli_json(doc));
    else if (!diag.n_by_severity[EFFEKT_ERROR])
        cli_error("%s: error: %s", path, effekt_status_message(st));
    effekt_meta_result_destroy(r);
    effekt_diag_clear(&diag);
    effekt_table_destroy(t);
    return st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
}

int cmd_meta(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_BY | OPT_CONFIDENCE | OPT_META | OPT_QUIET | OPT_BATCH,
                       meta_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    int forms = !!o.outcome + !!(o.events || o.n_column) + !!(o.estimate || o.se);
    if (forms != 1 || (o.outcome && !o.by) || (forms == 1 && !o.outcome && (!o.events != !o.n_column || !o.estimate != !o.se))) {
        fprintf(stderr, "effekt meta: give the projects and their participants' outcome (--by COLUMN --outcome COLUMN), "
                        "a row per project with events and participants (--events COLUMN --n COLUMN), "
                        "or estimates with standard errors (--estimate COLUMN --se COLUMN)\n"
                        "Try 'effekt meta --help'.\n");
        return EXIT_BAD;
    }
    effekt_meta_options mo;
    effekt_meta_options_init(&mo);
    if (o.method && effekt_meta_method_parse(o.method, &mo.method) != EFFEKT_OK) {
        cli_usage_error("meta", "--method: '%s' (expected reml, dl or pm)", o.method);
        return EXIT_BAD;
    }
    if (o.measure && effekt_meta_measure_parse(o.measure, &mo.measure) != EFFEKT_OK) {
        cli_usage_error("meta", "--measure: '%s' (expected logit, raw, log or arcsine)", o.measure);
        return EXIT_BAD;
    }
    if (o.measure && o.estimate) {
        cli_usage_error("meta", "--measure goes with rates (--outcome or --events/--n); estimates are pooled as given");
        return EXIT_BAD;
    }
    mo.knha = o.knha;
    mo.confidence = o.confidence;
    mo.by = o.by;
    mo.outcome = o.outcome;
    mo.events = o.events;
    mo.n = o.n_column;
    mo.estimate = o.estimate;
    mo.se = o.se;
    cJSON *doc = cJSON_CreateObject();
    effekt_meta_json_head(&mo, cli_json(doc));
    cli_batch batch;
    cli_batch_begin(&batch, &o, doc);
    for (size_t i = 0; i < o.n_inputs; i++) {
        cli_batch_file(&batch, i);
        if (!cli_batch_done(&batch, run_file(&o, &mo, o.inputs[i], doc)))
            break;
    }
    effekt_output_sheet sheets[] = { { .path = "pooled", .title = "pooled (random effects)" },
                                  { .path = "projects", .title = "projects" } };
    return cli_batch_finish(&batch, sheets, 2);
}
