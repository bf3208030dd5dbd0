/* effekt describe: descriptive statistics of numeric columns, by group. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/describe.h"
#include "effekt/sha256.h"

static const char describe_usage[] =
    "Usage: effekt describe [OPTION]... FILE...\n"
    "Descriptive statistics of numeric columns, overall or per group: n, missing,\n"
    "sum, mean, standard deviation, standard error, t-interval of the mean, min,\n"
    "quartiles, median, percentiles, max, IQR, MAD, skewness, excess kurtosis.\n"
    "Missing values are left out and counted.\n\n"
    "  -c, --columns LIST    the columns to describe (default: every numeric column)\n"
    "  -g, --by LIST         group by these columns\n"
    "      --stats LIST      only these statistics: n missing sum mean sd se ci min q1\n"
    "                        median q3 max iqr mad skewness kurtosis, and pN (p90)\n"
    "      --percentiles L   also these percentiles, e.g. 5,90\n"
    "      --quantile-type N R's quantile type 1..9 (default 7)\n"
    "      --weight COLUMN   frequency weights (whole numbers, 0 or more): every\n"
    "                        statistic of the data with each row repeated that often\n"
    "                        (rows of weight 0 are no data; a missing weight is missing)\n"
    "      --confidence P    level of the t-interval (default 0.95)\n"
    "      --partial         write mergeable partial summaries (JSON) instead:\n"
    "                        counts, exact sums or moments, a quantile sketch;\n"
    "                        'effekt merge' combines them into the statistics\n"
    "  -f, --format FMT      table (default), csv or json\n"
    "  -o, --output FILE     write there (atomically)\n"
    "      --keep-going      a bad file is reported and left out, the others go on;\n"
    "                        a summary at the end, exit 1 (without: the first stops all)\n"
    "  -q, --quiet           no notes and no progress bar on standard error\n"
    "      --delimiter, --decimal-comma, --decimal-point, --encoding, --na, --map\n"
    "                        how to read the CSV (see effekt validate --help)\n\n"
    "Methods: sums and moments are exact when the values are decimals as written\n"
    "(computed on the integers value x 10^decimals in 128-bit arithmetic), else a\n"
    "corrected two-pass algorithm in extended precision; quantiles after Hyndman &\n"
    "Fan (1996), as R's quantile(); MAD = 1.4826 median|x - median|, as R's mad();\n"
    "skewness G1 and excess kurtosis G2 (as SAS and SPSS).\n";

/* A comma-separated list, split in place; the count of items, which is
 * above max when there were more than out holds. */
static size_t split_list(char *s, char **out, size_t max)
{
    size_t n = 0;
    for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ","), n++)
        if (n < max)
            out[n] = tok;
    return n;
}

/* The options of the analysis from the command line: the --stats list
 * (pN adds a percentile) and --percentiles.  Returns EXIT_OK or EXIT_BAD
 * (the message printed). */
static int describe_options(const cli_options *o, char **stats, size_t n_stats, char **pcts, size_t n_pct,
                            effekt_describe_run_options *dopt)
{
    dopt->confidence = o->confidence;
    dopt->quantile_type = o->quantile_type;
    dopt->partial = o->partial;
    dopt->weight = o->weight;
    if (n_stats)
        dopt->stats = 0;
    for (size_t k = 0; k < n_stats; k++) {
        effekt_describe_stat s;
        const char *name = stats[k];
        if (effekt_describe_stat_parse(name, &s) == EFFEKT_OK) {
            dopt->stats |= 1u << s;
        } else if (name[0] == 'p' && name[1] && n_pct < EFFEKT_MAX_PERCENTILES) {
            pcts[n_pct++] = (char *)name + 1;
        } else if (name[0] == 'p' && name[1]) {
            cli_error("describe: at most 16 percentiles");
            return EXIT_BAD;
        } else {
            cli_error("describe: --stats: unknown statistic '%s' (n missing sum mean sd se ci min q1 "
                      "median q3 max iqr mad skewness kurtosis pN)", stats[k]);
            return EXIT_BAD;
        }
    }
    for (size_t k = 0; k < n_pct; k++) {
        char *end;
        double p = strtod(pcts[k], &end);
        if (*end || !(p >= 0 && p <= 100)) {
            cli_error("describe: a percentile is a number from 0 to 100 (got '%s')", pcts[k]);
            return EXIT_BAD;
        }
        dopt->percentiles[dopt->n_percentiles++] = p;
    }
    return EXIT_OK;
}

/* Describe input f into rows.  Returns EXIT_OK or EXIT_BAD (problems printed). */
static int describe_file(cli_options *o, size_t f, effekt_describe_run_options *dopt, cJSON *rows)
{
    effekt_table *t = cli_load_table(o, o->inputs[f]);
    if (!t)
        return EXIT_BAD;
    effekt_status st;
    /* a partial's id names its file by the file's SHA-256, so the same
     * file described twice gives the same ids (standard input: its bytes
     * are gone, only the values name it) */
    char file_id[65] = "-";
    if (o->partial && strcmp(o->inputs[f], "-") != 0 && effekt_sha256_file(o->inputs[f], file_id) != EFFEKT_OK)
        snprintf(file_id, sizeof file_id, "-");
    dopt->origin = file_id;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_describe_result *r;
    st = effekt_describe_run(t, dopt, &r, &diag);
    cli_report(&diag, o->quiet);
    effekt_diag_clear(&diag);
    if (st == EFFEKT_OK)
        st = effekt_describe_json_rows(r, o->n_inputs > 1 && !o->partial ? o->inputs[f] : NULL, cli_json(rows));
    effekt_describe_result_destroy(r);
    effekt_table_destroy(t);
    return st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
}

int cmd_describe(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv,
                       OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_BY | OPT_CONFIDENCE | OPT_DESCRIBE | OPT_QUIET | OPT_BATCH,
                       describe_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (o.partial && (o.weight || o.keep_going)) {
        /* a partial that silently lacks a file would merge into a wrong whole */
        cli_error("describe: --partial does not take %s", o.weight ? "--weight" : "--keep-going");
        return EXIT_BAD;
    }
    char *cols[256], *bys[16], *stats[64], *pcts[EFFEKT_MAX_PERCENTILES + 1];
    char *cols_s = o.columns ? strdup(o.columns) : NULL, *by_s = o.by ? strdup(o.by) : NULL;
    char *stats_s = o.stats ? strdup(o.stats) : NULL, *pct_s = o.percentiles ? strdup(o.percentiles) : NULL;
    size_t n_cols = cols_s ? split_list(cols_s, cols, 256) : 0;
    size_t n_by = by_s ? split_list(by_s, bys, 16) : 0;
    size_t n_stats = stats_s ? split_list(stats_s, stats, 64) : 0;
    size_t n_pct = pct_s ? split_list(pct_s, pcts, EFFEKT_MAX_PERCENTILES + 1) : 0;
    int status = EXIT_OK;
    effekt_describe_run_options dopt;
    effekt_describe_run_options_init(&dopt);
    if (n_cols > 256 || n_by > 16 || n_stats > 64 || n_pct > EFFEKT_MAX_PERCENTILES) {
        /* at once: the lists below must not be read past their arrays
         * (found by fuzzing: 17 --by columns) */
        cli_error("describe: at most %s", n_cols > 256 ? "256 columns (-c)" : n_by > 16 ? "16 grouping columns (--by)"
                                          : n_stats > 64 ? "64 statistics (--stats)" : "16 percentiles");
        status = EXIT_BAD;
    } else {
        status = describe_options(&o, stats, n_stats, pcts, n_pct, &dopt);
    }
    dopt.columns = (const char *const *)cols;
    dopt.n_columns = n_cols;
    dopt.by = (const char *const *)bys;
    dopt.n_by = n_by;
    /* load only what is described and grouped by */
    const char *wanted[256 + 16 + 1];
    if (n_cols && status == EXIT_OK) {
        for (size_t i = 0; i < n_cols; i++)
            wanted[i] = cols[i];
        for (size_t i = 0; i < n_by; i++)
            wanted[n_cols + i] = bys[i];
        o.csv.columns = wanted;
        o.csv.n_columns = n_cols + n_by;
        if (o.weight)
            wanted[o.csv.n_columns++] = o.weight;
    }
    /* the grouping columns only group: read as codes when they are ids
     * or names (4 bytes a row, grouped without comparing strings) */
    o.csv.coded = (const char *const *)bys;
    o.csv.n_coded = n_by;
    cJSON *doc = cJSON_CreateObject();
    cJSON *rows = cJSON_AddArrayToObject(doc, "statistics");
    if (status == EXIT_OK) {
        cli_batch batch;
        cli_batch_begin(&batch, &o, doc);
        for (size_t f = 0; f < o.n_inputs; f++) {
            cli_batch_file(&batch, f);
            if (!cli_batch_done(&batch, describe_file(&o, f, &dopt, rows)))
                break;
        }
        status = cli_batch_end(&batch);
    }
    if (status != EXIT_BAD) {
        effekt_output_sheet sheets[] = { { .path = "statistics" } };
        effekt_describe_json_settings(&dopt, cli_json(doc));
        if (o.partial)
            o.format = EFFEKT_FORMAT_JSON;   /* partials are for machines: always JSON */
        int emitted = cli_emit(&o, doc, o.partial ? NULL : sheets, o.partial ? 0 : 1);
        if (emitted != EXIT_OK)
            status = emitted;
    }
    cJSON_Delete(doc);
    free(cols_s);
    free(by_s);
    free(stats_s);
    free(pct_s);
    return status;
}
