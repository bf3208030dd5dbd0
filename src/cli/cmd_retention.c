/* effekt retention: how long people stay in work (or how long until a
 * job): Kaplan–Meier curves per group and log-rank tests. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/cox.h"
#include "effekt/retention.h"

#define MAX_COX 32   /* covariates of --cox */

static const char retention_usage[] =
    "Usage: effekt retention [OPTION]... FILE...\n"
    "Kaplan-Meier curves of employment spells (or of the time to a job) per group,\n"
    "with Greenwood standard errors and intervals, the median with its interval,\n"
    "retention at chosen horizons, and the log-rank test between groups.\n\n"
    "Spells from dates (the default: a job from placed_date to job_end_date,\n"
    "still employed at followup_date):\n"
    "      --from COLUMN       start date (default placed_date; rows without one are\n"
    "                          not in the analysis and are counted)\n"
    "      --to COLUMN         date of the event (default job_end_date; empty: censored)\n"
    "      --censor COLUMN     follow-up date (default followup_date)\n"
    "      --censor-date DATE  one follow-up date for everyone instead\n"
    "  Time to a job: --from enrolled_date --to placed_date.\n"
    "Or ready columns: --time COLUMN (days) --event COLUMN (1 event, 0 censored).\n\n"
    "  -g, --by COLUMN         one curve per group\n"
    "      --at DAYS           retention at these horizons, e.g. 182,365\n"
    "      --quantiles P       times by which a share P has left, e.g. 0.25,0.75\n"
    "                          (with intervals; the median is always given)\n"
    "      --rmst DAYS         restricted mean time up to DAYS, with its standard error\n"
    "      --conf-type T       log (default, as survfit), log-log or plain\n"
    "      --rho R             0 log-rank (default), 1 Peto-Peto\n"
    "      --steps             the step function itself, for plotting\n"
    "      --cox A,B,...       a Cox model of the spells on these covariates (numbers as\n"
    "                          they are, text as indicators against its first level):\n"
    "                          hazard ratios with Wald intervals, likelihood-ratio, Wald\n"
    "                          and score tests, and cox.zph's test of proportional\n"
    "                          hazards per covariate and global\n"
    "      --strata COLUMN     with --cox: a baseline hazard per value of the column\n"
    "      --confidence P      level of the intervals (default 0.95)\n"
    "  -f, --format FMT        table (default), csv or json\n"
    "  -o, --output FILE       write there (atomically)\n"
    "      --keep-going        a bad file is reported and left out, the others go on;\n"
    "                          a summary at the end, exit 1 (without: the first stops all)\n"
    "  -q, --quiet             no notes and no progress bar on standard error\n\n"
    "Methods as R's survival package: survfit (Kaplan-Meier, Greenwood,\n"
    "conf.type), its median and interval rule, survdiff (G-rho tests); coxph\n"
    "(ties = \"efron\") and cox.zph (transform = \"km\").\n";


/* The results of every file, kept for their steps (--steps): the fits'
 * arrays (64 bytes a step) rather than cJSON (a million steps took
 * 1.5 GB), made into rows one at a time as the writer asks for them. */
typedef struct {
    effekt_retention_result **r;
    size_t n, cap, rows;
    size_t cursor, cursor_start;   /* the curve (over all results) of the last row asked for, and its first row */
} step_store;

static void steps_truncate(step_store *s, size_t n)
{
    while (s->n > n) {
        effekt_retention_result *r = s->r[--s->n];
        for (size_t c = 0; c < r->n_curves; c++)
            s->rows -= r->curves[c].km.n_times;
        effekt_retention_result_destroy(r);
    }
    s->cursor = s->cursor_start = 0;
}

/* Takes r (destroyed on failure too). */
static int steps_add(step_store *s, effekt_retention_result *r)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        effekt_retention_result **a = realloc(s->r, cap * sizeof *a);
        if (!a) {
            effekt_retention_result_destroy(r);
            return -1;
        }
        s->r = a;
        s->cap = cap;
    }
    s->r[s->n++] = r;
    for (size_t c = 0; c < r->n_curves; c++)
        s->rows += r->curves[c].km.n_times;
    return 0;
}

/* Curve number i over all results. */
static const effekt_retention_curve *curve_at(const step_store *s, size_t i)
{
    for (size_t f = 0; f < s->n; f++) {
        if (i < s->r[f]->n_curves)
            return &s->r[f]->curves[i];
        i -= s->r[f]->n_curves;
    }
    return NULL;
}

static effekt_json *step_row(void *ctx, size_t i)
{
    step_store *s = ctx;
    if (i < s->cursor_start)
        s->cursor = s->cursor_start = 0;
    const effekt_retention_curve *c;
    while ((c = curve_at(s, s->cursor)) && i >= s->cursor_start + c->km.n_times) {
        s->cursor_start += c->km.n_times;
        s->cursor++;
    }
    return c ? effekt_retention_json_step(c, i - s->cursor_start) : NULL;
}

/* The Cox model of a file's spells (--cox), into doc. */
static effekt_status run_cox(const effekt_cox_options *co, const effekt_table *t, const char *path, cJSON *doc)
{
    effekt_cox_result *r = NULL;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_cox_run(t, co, &r, &diag);
    for (size_t i = 0; i < diag.n; i++)
        cli_say_problem(path, &diag.items[i]);
    if (st == EFFEKT_OK)
        st = effekt_cox_json(r, path, cli_json(doc));
    else if (!diag.n_by_severity[EFFEKT_ERROR])
        cli_error("%s: error: %s", path, effekt_status_message(st));
    effekt_diag_clear(&diag);
    effekt_cox_result_destroy(r);
    return st;
}

static int run(const cli_options *o, const effekt_retention_options *ro, const effekt_cox_options *co,
               const char *path, step_store *store, cJSON *doc)
{
    effekt_table *t = cli_load_table(o, path);
    if (!t)
        return EXIT_BAD;
    effekt_retention_result *r = NULL;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_retention_run(t, ro, &r, &diag);
    cli_analysis_problems(path, &diag);
    effekt_diag_clear(&diag);
    if (st == EFFEKT_OK && co)
        st = run_cox(co, t, path, doc);
    effekt_table_destroy(t);
    if (st == EFFEKT_OK)
        st = effekt_retention_json(r, path, cli_json(doc));
    if (st != EFFEKT_OK) {
        effekt_retention_result_destroy(r);
        return EXIT_BAD;
    }
    if (!o->steps) {
        effekt_retention_result_destroy(r);
        return EXIT_OK;
    }
    return steps_add(store, r) == 0 ? EXIT_OK : EXIT_BAD;
}

static int repeated(const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            if (v[i] == v[j])
                return 1;
    return 0;
}

int cmd_retention(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_BY | OPT_CONFIDENCE | OPT_RETENTION | OPT_QUIET | OPT_BATCH,
                       retention_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    effekt_km_conf_type ct = EFFEKT_CONF_LOG;
    if (o.conf_type && effekt_km_conf_type_parse(o.conf_type, &ct) != EFFEKT_OK) {
        cli_usage_error("retention", "--conf-type: '%s' (expected log, log-log or plain)", o.conf_type);
        return EXIT_BAD;
    }
    if (o.time_col && !o.event_col) {
        cli_usage_error("retention", "--time needs --event");
        return EXIT_BAD;
    }
    double *at = NULL, *qs = NULL;
    size_t n_at = 0, n_q = 0;
    if (o.at && cli_numbers(o.at, 0, INFINITY, 0, &at, &n_at) != 0) {
        cli_usage_error("retention", "--at expects days such as 182,365 (got '%s')", o.at);
        return EXIT_BAD;
    }
    if (o.quantiles && cli_numbers(o.quantiles, 0, 1, 1, &qs, &n_q) != 0) {
        cli_usage_error("retention", "--quantiles expects shares between 0 and 1, such as 0.25,0.75 (got '%s')", o.quantiles);
        free(at);
        return EXIT_BAD;
    }
    /* each horizon and share names its own keys: the same one twice would
     * make two equal keys in one JSON object */
    const char *twice = repeated(at, n_at) ? "--at" : repeated(qs, n_q) ? "--quantiles" : NULL;
    if (twice) {
        cli_usage_error("retention", "%s gives the same number twice (got '%s'; expected each once)", twice,
                  twice[2] == 'a' ? o.at : o.quantiles);
        free(at);
        free(qs);
        return EXIT_BAD;
    }
    if (o.strata && !o.cox) {
        cli_usage_error("retention", "--strata goes with --cox (the strata of a Cox model)");
        free(at);
        free(qs);
        return EXIT_BAD;
    }
    /* --cox age,gender: the names, in a copy cut at the commas */
    char cox_list[1024] = "";
    const char *covariates[MAX_COX];
    size_t n_cov = 0;
    if (o.cox) {
        snprintf(cox_list, sizeof cox_list, "%s", o.cox);
        for (char *tok = strtok(cox_list, ","); tok; tok = strtok(NULL, ","))
            if (n_cov < MAX_COX)
                covariates[n_cov++] = tok;
        if (n_cov == 0 || strlen(o.cox) >= sizeof cox_list || strtok(NULL, ",")) {
            cli_usage_error("retention", "--cox expects covariates such as age,gender (at most %d; got '%s')",
                            MAX_COX, o.cox);
            free(at);
            free(qs);
            return EXIT_BAD;
        }
    }
    effekt_retention_options ro;
    effekt_retention_options_init(&ro);
    cli_spells_options(&o, &ro.spells);
    ro.confidence = o.confidence;
    ro.conf_type = ct;
    ro.rho = o.rho;
    ro.at = at;
    ro.n_at = n_at;
    ro.quantiles = qs;
    ro.n_quantiles = n_q;
    ro.rmst = o.rmst;
    ro.keep_steps = o.steps;
    effekt_cox_options co;
    effekt_cox_options_init(&co);
    co.spells = ro.spells;
    co.covariates = covariates;
    co.n_covariates = n_cov;
    co.strata = o.strata;
    co.confidence = o.confidence;
    cJSON *doc = cJSON_CreateObject();
    effekt_retention_json_head(&ro, cli_json(doc));
    if (o.cox) {
        cJSON_AddArrayToObject(doc, "cox");
        cJSON_AddArrayToObject(doc, "cox_tests");
        cJSON_AddArrayToObject(doc, "cox_zph");
    }
    /* read only the columns the analysis uses */
    const char *wanted[6 + MAX_COX];
    size_t n_wanted = 0;
    if (o.time_col) {
        wanted[n_wanted++] = o.time_col;
        if (o.event_col)
            wanted[n_wanted++] = o.event_col;
    } else {
        wanted[n_wanted++] = o.from ? o.from : "placed_date";
        wanted[n_wanted++] = o.to ? o.to : "job_end_date";
        if (!o.censor_date)
            wanted[n_wanted++] = o.censor ? o.censor : "followup_date";
    }
    if (o.by)
        wanted[n_wanted++] = o.by;
    for (size_t i = 0; i < n_cov; i++)
        wanted[n_wanted++] = covariates[i];
    if (o.strata)
        wanted[n_wanted++] = o.strata;
    o.csv.columns = wanted;
    o.csv.n_columns = n_wanted;
    cli_batch batch;
    step_store store = { 0 };
    cli_batch_begin(&batch, &o, doc);
    for (size_t i = 0; i < o.n_inputs; i++) {
        cli_batch_file(&batch, i);
        size_t mark = store.n;
        int file_rc = run(&o, &ro, o.cox ? &co : NULL, o.inputs[i], &store, doc);
        if (file_rc != EXIT_OK)
            steps_truncate(&store, mark);   /* as the batch drops the file's rows */
        if (!cli_batch_done(&batch, file_rc))
            break;
    }
    int status = cli_batch_end(&batch);
    if (status != EXIT_BAD) {
        effekt_output_sheet sheets[] = { { .path = "curves", .title = "Kaplan-Meier by group (times in days)" },
                                  { .path = "tests", .title = "tests" },
                                  { .path = "steps", .title = "steps", .row = step_row, .ctx = &store,
                                    .n_rows = store.rows },
                                  { .path = "cox", .title = "Cox model (hazard ratios of leaving)" },
                                  { .path = "cox_tests", .title = "Cox model: tests" },
                                  { .path = "cox_zph", .title = "proportional hazards (cox.zph)" } };
        int emitted = cli_emit(&o, doc, sheets, o.cox ? 6 : 3);
        if (emitted != EXIT_OK)
            status = emitted;
    }
    steps_truncate(&store, 0);
    free(store.r);
    free(at);
    free(qs);
    cJSON_Delete(doc);
    return status;
}
