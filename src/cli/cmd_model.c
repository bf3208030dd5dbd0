/* effekt model: linear, logistic or Poisson regression of an outcome on
 * predictors.  The fit is the library's (effekt_model_fit); here the
 * options are read, the results written and the problems said. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/model.h"

static const char model_usage[] =
    "Usage: effekt model [OPTION]... --outcome COLUMN --predictors A,B,... FILE...\n"
    "Regress an outcome on predictors: per coefficient the estimate, its standard\n"
    "error, t (linear) or z, p, the confidence interval and, for logistic and Poisson\n"
    "models, exp(estimate) (odds ratio, rate ratio) with its interval; for the fit\n"
    "the rows used and left out (a missing value in a used column), deviance, null\n"
    "deviance, AIC, and R-squared (adjusted too) for a linear model.\n\n"
    "      --outcome COLUMN  gaussian: a number; binomial: 0/1, yes/no or a date (an\n"
    "                        event when given: placed_date); poisson: a count\n"
    "      --predictors A,B  columns: numbers as they are, text as indicators of each\n"
    "                        level against a reference level\n"
    "      --family F        gaussian (default; least squares), binomial (logistic)\n"
    "                        or poisson (log link)\n"
    "      --ref COL=LEVEL   the reference level of a text predictor (default: its\n"
    "                        first level in sorted order, as R's factor); repeatable\n"
    "      --robust          heteroscedasticity-robust standard errors (HC1)\n"
    "      --cluster COLUMN  cluster-robust standard errors by COLUMN (as vcovCL:\n"
    "                        HC1 with the adjustment G/(G-1))\n"
    "      --confidence P    level of the intervals (default 0.95)\n"
    "  -f, --format FMT      table (default), csv or json\n"
    "  -o, --output FILE     write there (atomically)\n"
    "      --keep-going      a bad file is reported and left out, the others go on\n"
    "  -q, --quiet           no notes on standard error\n"
    "      --delimiter, --decimal-comma, --decimal-point, --encoding, --na, --map\n\n"
    "Methods as R: lm (gsl_multifit_linear), glm(family = binomial | poisson) by\n"
    "iteratively reweighted least squares with glm's convergence rule\n"
    "(|dev - devold|/(|dev| + 0.1) < 1e-8, at most 25 iterations); intervals\n"
    "estimate -/+ q se with q from t (linear, as confint) or the normal (as\n"
    "confint.default); sandwich::vcovHC(type = \"HC1\") and sandwich::vcovCL.\n"
    "Perfect separation, a predictor with one level and collinear predictors are\n"
    "errors naming the column.\n";

static int run_file(const cli_options *o, const effekt_model_options *mo, const char *path, cJSON *doc)
{
    effekt_table *t = cli_load_table(o, path);
    if (!t)
        return EXIT_BAD;
    effekt_model_result *r = NULL;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_model_fit(t, mo, &r, &diag);
    for (size_t i = 0; i < diag.n; i++)
        if (!(o->quiet && diag.items[i].severity == EFFEKT_NOTE))
            cli_say_problem(path, &diag.items[i]);
    if (st == EFFEKT_OK)
        st = effekt_model_json(r, o->n_inputs > 1 ? path : NULL, cli_json(doc));
    else if (!diag.n_by_severity[EFFEKT_ERROR])
        cli_error("%s: error: %s", path, effekt_status_message(st));
    effekt_model_result_destroy(r);
    effekt_diag_clear(&diag);
    effekt_table_destroy(t);
    return st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
}

size_t cli_split_list(char *text, const char **names, size_t max)
{
    size_t n = 0;
    for (char *tok = strtok(text, ","); tok && n < max; tok = strtok(NULL, ","))
        if (*tok)
            names[n++] = tok;
    return n;
}

size_t cli_model_refs(const cli_options *o, char (*buf)[256], effekt_model_ref *refs)
{
    for (size_t i = 0; i < o->n_refs; i++) {
        snprintf(buf[i], sizeof buf[i], "%s", o->refs[i]);
        char *eq = strchr(buf[i], '=');
        *eq = '\0';
        refs[i] = (effekt_model_ref){ buf[i], eq + 1 };
    }
    return o->n_refs;
}

int cmd_model(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_CONFIDENCE | OPT_MODEL | OPT_QUIET | OPT_BATCH,
                       model_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!o.outcome || !o.predictors) {
        fprintf(stderr, "effekt model: give the outcome (--outcome COLUMN) and the predictors (--predictors A,B,...)\n"
                        "Try 'effekt model --help'.\n");
        return EXIT_BAD;
    }
    effekt_model_family family = EFFEKT_MODEL_GAUSSIAN;
    if (o.family && effekt_model_family_parse(o.family, &family) != EFFEKT_OK) {
        cli_usage_error("model", "--family: '%s' (expected gaussian, binomial or poisson)", o.family);
        return EXIT_BAD;
    }
    if (o.robust && o.cluster) {
        cli_usage_error("model", "--robust and --cluster are two kinds of standard errors; give one");
        return EXIT_BAD;
    }
    effekt_model_options mo;
    effekt_model_options_init(&mo, family);
    char list[1024];
    snprintf(list, sizeof list, "%s", o.predictors);
    const char *names[64];
    mo.n_predictors = cli_split_list(list, names, 64);
    mo.predictors = names;
    if (!mo.n_predictors) {
        cli_usage_error("model", "--predictors names no column");
        return EXIT_BAD;
    }
    char refbuf[64][256];
    effekt_model_ref refs[64];
    mo.n_refs = cli_model_refs(&o, refbuf, refs);
    mo.refs = refs;
    mo.outcome = o.outcome;
    mo.confidence = o.confidence;
    mo.se = o.cluster ? EFFEKT_MODEL_SE_CLUSTER : o.robust ? EFFEKT_MODEL_SE_HC1 : EFFEKT_MODEL_SE_MODEL;
    mo.cluster = o.cluster;
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "family", effekt_model_family_name(family));
    cJSON_AddNumberToObject(doc, "confidence", o.confidence);
    cJSON_AddArrayToObject(doc, "coefficients");
    cJSON_AddArrayToObject(doc, "fit");
    cli_batch batch;
    cli_batch_begin(&batch, &o, doc);
    for (size_t i = 0; i < o.n_inputs; i++) {
        cli_batch_file(&batch, i);
        if (!cli_batch_done(&batch, run_file(&o, &mo, o.inputs[i], doc)))
            break;
    }
    effekt_output_sheet sheets[] = { { .path = "coefficients", .title = "coefficients" },
                                  { .path = "fit", .title = "fit" } };
    return cli_batch_finish(&batch, sheets, 2);
}
