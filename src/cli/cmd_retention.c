/* effekt retention: how long people stay in work (or how long until a
 * job): Kaplan–Meier curves per group and log-rank tests. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/survival.h"

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
    "      --confidence P      level of the intervals (default 0.95)\n"
    "  -f, --format FMT        table (default), csv or json\n"
    "  -o, --output FILE       write there (atomically)\n"
    "      --keep-going        a bad file is reported and left out, the others go on;\n"
    "                          a summary at the end, exit 1 (without: the first stops all)\n"
    "  -q, --quiet             no notes and no progress bar on standard error\n\n"
    "Methods as R's survival package: survfit (Kaplan-Meier, Greenwood,\n"
    "conf.type), its median and interval rule, survdiff (G-rho tests).\n";


/* A time by which the curve falls to `level` (the median: 0.5) with its
 * limits, each kept on its own, as survfit's table: a median not reached
 * may have a lower limit that is (R prints NA [8, NA]).  What is missing
 * is null with its reason (reason, lower_reason, upper_reason). */
static cJSON *quantile_figure(double q, double lo, double hi, double level)
{
    cJSON *o = cJSON_CreateObject();
    char why[96];
    if (isnan(q)) {
        cJSON_AddNullToObject(o, "value");
        snprintf(why, sizeof why, "the curve does not fall to %g", level);
        cJSON_AddStringToObject(o, "reason", why);
        if (isnan(lo) && isnan(hi))
            return o;
    } else {
        cJSON_AddNumberToObject(o, "value", q);
    }
    const char *side[] = { "lower", "upper" };
    double lim[] = { lo, hi };
    for (int i = 0; i < 2; i++) {
        if (!isnan(lim[i])) {
            cJSON_AddNumberToObject(o, side[i], lim[i]);
            continue;
        }
        char key[16];
        cJSON_AddNullToObject(o, side[i]);
        snprintf(key, sizeof key, "%s_reason", side[i]);
        snprintf(why, sizeof why, "the %s limit curve does not fall to %g", side[i], level);
        cJSON_AddStringToObject(o, key, why);
    }
    return o;
}

/* The curves whose steps are written (--steps), kept as the fits' arrays
 * (64 bytes a step) rather than as cJSON (a million steps took 1.5 GB),
 * and made into rows one at a time as the writer asks for them. */
typedef struct {
    struct step_curve {
        char *group;
        effekt_km km;
    } *c;
    size_t n, cap, rows;
    size_t cursor, cursor_start;   /* the curve of the last row asked for, and its first row */
} step_store;

static void steps_truncate(step_store *s, size_t n)
{
    while (s->n > n) {
        s->n--;
        s->rows -= s->c[s->n].km.n_times;
        free(s->c[s->n].group);
        effekt_km_free(&s->c[s->n].km);
    }
    s->cursor = s->cursor_start = 0;
}

/* Takes km (on success the store owns its arrays). */
static int steps_add(step_store *s, const char *group, effekt_km *km)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        struct step_curve *c = realloc(s->c, cap * sizeof *c);
        if (!c)
            return -1;
        s->c = c;
        s->cap = cap;
    }
    char *g = strdup(group);
    if (!g)
        return -1;
    s->c[s->n].group = g;
    s->c[s->n].km = *km;
    s->rows += km->n_times;
    s->n++;
    return 0;
}

static cJSON *step_row(void *ctx, size_t i)
{
    step_store *s = ctx;
    if (i < s->cursor_start)
        s->cursor = s->cursor_start = 0;
    while (s->cursor < s->n && i >= s->cursor_start + s->c[s->cursor].km.n_times)
        s->cursor_start += s->c[s->cursor++].km.n_times;
    if (s->cursor == s->n)
        return NULL;
    const effekt_km *km = &s->c[s->cursor].km;
    size_t j = i - s->cursor_start;
    cJSON *r = cJSON_CreateObject();
    if (!r)
        return NULL;
    cJSON_AddStringToObject(r, "group", s->c[s->cursor].group);
    cJSON_AddNumberToObject(r, "time", km->time[j]);
    cJSON_AddNumberToObject(r, "n_risk", km->n_risk[j]);
    cJSON_AddNumberToObject(r, "n_event", km->n_event[j]);
    cJSON_AddNumberToObject(r, "n_censor", km->n_censor[j]);
    cJSON_AddItemToObject(r, "survival", cli_figure(km->surv[j], km->lower[j], km->upper[j], "undefined"));
    cJSON_AddNumberToObject(r, "std_err", km->std_err[j]);
    return r;
}

static int run(const cli_options *o, const char *path, effekt_conf_type ct, const double *at, size_t n_at,
               const double *qs, size_t n_q, step_store *store, cJSON *doc)
{
    effekt_status st;
    effekt_table *t = cli_load(o, path, &st);
    if (st != EFFEKT_OK) {
        effekt_table_destroy(t);
        return EXIT_BAD;
    }
    cli_spells sp;
    int rc = cli_spells_build(o, t, path, &sp);
    double *time = sp.time, *event = sp.event;
    size_t *gid = sp.gid, m = sp.m, excluded = sp.excluded;
    key_map map = sp.map;
    cJSON *curves = cJSON_GetObjectItemCaseSensitive(doc, "curves");
    cJSON *tests = cJSON_GetObjectItemCaseSensitive(doc, "tests");
    double *gt = malloc((m ? m : 1) * sizeof *gt), *ge = malloc((m ? m : 1) * sizeof *ge);
    for (size_t g = 0; g < map.n && rc == EXIT_OK && gt && ge; g++) {
        size_t k = 0;
        for (size_t i = 0; i < m; i++)
            if (gid[i] == g) {
                gt[k] = time[i];
                ge[k] = event[i];
                k++;
            }
        effekt_km km;
        if (effekt_km_fit(gt, ge, k, o->confidence, ct, &km) != EFFEKT_OK) {
            rc = EXIT_BAD;
            break;
        }
        cJSON *row = cJSON_CreateObject();
        cJSON_AddStringToObject(row, "group", map.keys[g]);
        cJSON_AddNumberToObject(row, "n", (double)km.n);
        cJSON_AddNumberToObject(row, "events", (double)km.events);
        cJSON_AddItemToObject(row, "median_days", quantile_figure(km.median, km.median_lower, km.median_upper, 0.5));
        for (size_t qi = 0; qi < n_q; qi++) {
            char num[32], name[48];
            double q, ql, qh;
            effekt_km_quantile(&km, qs[qi], &q, &ql, &qh);
            cli_exact_number(qs[qi], num, sizeof num);
            snprintf(name, sizeof name, "q%s_days", num);
            cJSON_AddItemToObject(row, name, quantile_figure(q, ql, qh, 1 - qs[qi]));
        }
        if (o->rmst > 0) {
            double mean, se;
            effekt_km_rmst(&km, o->rmst, &mean, &se);
            char name[48];
            snprintf(name, sizeof name, "rmst_%gd", o->rmst);
            cJSON_AddItemToObject(row, name, cli_figure(km.n ? mean : NAN, NAN, NAN, "no spells"));
            snprintf(name, sizeof name, "rmst_%gd_se", o->rmst);
            cJSON_AddItemToObject(row, name, cli_figure(km.n ? se : NAN, NAN, NAN, "no spells"));
        }
        for (size_t a = 0; a < n_at; a++) {
            char num[32], name[48];
            double lo, hi, s = effekt_km_at(&km, at[a], &lo, &hi);
            cli_exact_number(at[a], num, sizeof num);
            snprintf(name, sizeof name, "retention_%sd", num);
            double last = km.n_times ? km.time[km.n_times - 1] : 0;
            cJSON_AddItemToObject(row, name, at[a] > last ? cli_figure(NAN, NAN, NAN, "beyond the last follow-up")
                                                          : cli_figure(s, lo, hi, ""));
            snprintf(name, sizeof name, "at_risk_%sd", num);
            double risk = 0;
            for (size_t j = 0; j < km.n_times; j++)
                if (km.time[j] >= at[a]) {
                    risk = km.n_risk[j];
                    break;
                }
            cJSON_AddNumberToObject(row, name, risk);
        }
        cJSON_AddItemToArray(curves, row);
        if (o->steps && steps_add(store, map.keys[g], &km) != 0) {
            effekt_km_free(&km);
            rc = EXIT_BAD;
            break;
        }
        if (!o->steps)
            effekt_km_free(&km);
    }
    if (rc == EXIT_OK && map.n == 1) {
        cJSON *row = cJSON_CreateObject();
        cJSON_AddStringToObject(row, "test", o->rho == 0 ? "log-rank" : o->rho == 1 ? "Peto-Peto" : "G-rho");
        cJSON_AddNumberToObject(row, "rho", o->rho);
        cJSON_AddNullToObject(row, "chisq");
        cJSON_AddStringToObject(row, "reason", "one group: nothing to compare (--by names the groups)");
        cJSON_AddItemToArray(tests, row);
    }
    if (rc == EXIT_OK && map.n > 1) {
        double chi, df, p;
        cJSON *row = cJSON_CreateObject();
        cJSON_AddStringToObject(row, "test", o->rho == 0 ? "log-rank" : o->rho == 1 ? "Peto-Peto" : "G-rho");
        cJSON_AddNumberToObject(row, "rho", o->rho);
        double *expected = malloc(map.n * sizeof *expected);
        effekt_status ls = expected ? effekt_logrank_expected(time, event, gid, m, map.n, o->rho, expected, &chi,
                                                              &df, &p)
                                    : EFFEKT_ENOMEM;
        if (ls == EFFEKT_OK) {
            cJSON_AddNumberToObject(row, "chisq", chi);
            cJSON_AddNumberToObject(row, "df", df);
            cJSON_AddNumberToObject(row, "p", p);
        } else {
            /* survdiff gives chisq 0 on 0 or -1 df here (and p 1 or NA):
             * not a test, so null with the reason that applies */
            size_t kept = 0;
            for (size_t g = 0; ls != EFFEKT_ENOMEM && g < map.n; g++)
                kept += expected[g] > 0;
            cJSON_AddNullToObject(row, "chisq");
            cJSON_AddStringToObject(row, "reason", ls == EFFEKT_ENOMEM ? "out of memory"
                                    : kept == 0 ? "no events: nothing to test"
                                    : kept == 1 ? "only one group has expected events: nothing to compare"
                                                : "groups that cannot be told apart");
        }
        /* as survdiff: groups with no expected events are not in the test;
         * say which, in a string so that tables and CSV show it too */
        size_t len = 0;
        for (size_t g = 0; ls != EFFEKT_ENOMEM && g < map.n; g++)
            if (!(expected[g] > 0))
                len += strlen(map.keys[g]) + 2;
        if (len) {
            char *names = malloc(len), *end = names;
            for (size_t g = 0; names && g < map.n; g++)
                if (!(expected[g] > 0))
                    end += sprintf(end, "%s%s", end == names ? "" : ", ", map.keys[g]);
            cJSON_AddStringToObject(row, "left_out", names ? names : "");
            cJSON_AddStringToObject(row, "left_out_reason", "no one at risk at any event time");
            free(names);
        }
        free(expected);
        cJSON_AddItemToArray(tests, row);
    }
    cJSON_AddNumberToObject(cJSON_GetObjectItemCaseSensitive(doc, "excluded"), path, (double)excluded);
    free(gt);
    free(ge);
    cli_spells_free(&sp);
    effekt_table_destroy(t);
    return rc;
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
    effekt_conf_type ct = EFFEKT_CONF_LOG;
    if (o.conf_type && effekt_conf_type_parse(o.conf_type, &ct) != EFFEKT_OK) {
        cli_error("retention: --conf-type: '%s' (expected log, log-log or plain)", o.conf_type);
        return EXIT_BAD;
    }
    double *at = NULL, *qs = NULL;
    size_t n_at = 0, n_q = 0;
    if (o.at && cli_numbers(o.at, 0, INFINITY, 0, &at, &n_at) != 0) {
        cli_error("retention: --at expects days such as 182,365 (got '%s')", o.at);
        return EXIT_BAD;
    }
    if (o.quantiles && cli_numbers(o.quantiles, 0, 1, 1, &qs, &n_q) != 0) {
        cli_error("retention: --quantiles expects shares between 0 and 1, such as 0.25,0.75 (got '%s')", o.quantiles);
        free(at);
        return EXIT_BAD;
    }
    /* each horizon and share names its own keys: the same one twice would
     * make two equal keys in one JSON object */
    const char *twice = repeated(at, n_at) ? "--at" : repeated(qs, n_q) ? "--quantiles" : NULL;
    if (twice) {
        cli_error("retention: %s gives the same number twice (got '%s'; expected each once)", twice,
                  twice[2] == 'a' ? o.at : o.quantiles);
        free(at);
        free(qs);
        return EXIT_BAD;
    }
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "conf_type", ct == EFFEKT_CONF_LOG ? "log" : ct == EFFEKT_CONF_LOGLOG ? "log-log" : "plain");
    cJSON_AddNumberToObject(doc, "confidence", o.confidence);
    cJSON_AddArrayToObject(doc, "curves");
    cJSON_AddArrayToObject(doc, "tests");
    cJSON_AddArrayToObject(doc, "steps");
    cJSON_AddObjectToObject(doc, "excluded");
    /* read only the columns the analysis uses */
    const char *wanted[5];
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
    o.csv.columns = wanted;
    o.csv.n_columns = n_wanted;
    cli_batch batch;
    step_store store = { 0 };
    cli_batch_begin(&batch, &o, doc);
    for (size_t i = 0; i < o.n_inputs; i++) {
        cli_batch_file(&batch, i);
        size_t mark = store.n;
        int file_rc = run(&o, o.inputs[i], ct, at, n_at, qs, n_q, &store, doc);
        if (file_rc != EXIT_OK)
            steps_truncate(&store, mark);   /* as the batch drops the file's rows */
        if (!cli_batch_done(&batch, file_rc))
            break;
    }
    int status = cli_batch_end(&batch);
    if (status != EXIT_BAD) {
        effekt_sheet sheets[] = { { .path = "curves", .title = "Kaplan-Meier by group (times in days)" },
                                  { .path = "tests", .title = "tests" },
                                  { .path = "steps", .title = "steps", .row = step_row, .ctx = &store,
                                    .n_rows = store.rows } };
        int emitted = cli_emit(&o, doc, sheets, 3);
        if (emitted != EXIT_OK)
            status = emitted;
    }
    steps_truncate(&store, 0);
    free(store.c);
    free(at);
    free(qs);
    cJSON_Delete(doc);
    return status;
}
