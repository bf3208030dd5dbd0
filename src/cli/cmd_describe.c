/* effekt describe: descriptive statistics of numeric columns, by group. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/partial.h"
#include "effekt/sha256.h"
#include "effekt/stats.h"

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

static const key_map *sort_map;
static const effekt_column *const *sort_by;
static size_t sort_n_by;
static const size_t *sort_first_row;

static int by_group_key(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    /* one numeric column: numeric order; otherwise the text of the keys */
    if (sort_n_by == 1 && sort_by[0]->values && sort_by[0]->type != EFFEKT_TYPE_TEXT) {
        double u = sort_by[0]->values[sort_first_row[x]], v = sort_by[0]->values[sort_first_row[y]];
        if (isnan(u) != isnan(v))
            return isnan(u) ? 1 : -1;
        if (u != v)
            return u < v ? -1 : 1;
        return 0;
    }
    return strcmp(sort_map->keys[x], sort_map->keys[y]);
}

static const char *const stat_names[] = {
    "n", "missing", "sum", "mean", "sd", "se", "ci", "min", "q1", "median", "q3", "max", "iqr",
    "mad", "skewness", "kurtosis", NULL
};


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
    if (n_cols > 256 || n_by > 16 || n_stats > 64 || n_pct > EFFEKT_MAX_PERCENTILES) {
        /* at once: the lists below must not be read past their arrays
         * (found by fuzzing: 17 --by columns) */
        cli_error("describe: at most %s", n_cols > 256 ? "256 columns (-c)" : n_by > 16 ? "16 grouping columns (--by)"
                                          : n_stats > 64 ? "64 statistics (--stats)" : "16 percentiles");
        free(cols_s);
        free(by_s);
        free(stats_s);
        free(pct_s);
        return EXIT_BAD;
    }
    effekt_describe_options dopt = { .confidence = o.confidence, .quantile_type = o.quantile_type };
    /* which statistics: all, or the --stats list (pN adds a percentile) */
    int want[sizeof stat_names / sizeof *stat_names] = { 0 };
    for (size_t i = 0; stat_names[i]; i++)
        want[i] = n_stats == 0;
    for (size_t k = 0; k < n_stats && status == EXIT_OK; k++) {
        size_t i = 0;
        const char *name = strcmp(stats[k], "count") == 0 ? "n" : stats[k];
        while (stat_names[i] && strcmp(stat_names[i], name) != 0)
            i++;
        if (stat_names[i]) {
            want[i] = 1;
        } else if (name[0] == 'p' && name[1] && n_pct < EFFEKT_MAX_PERCENTILES) {
            pcts[n_pct++] = (char *)name + 1;
        } else if (name[0] == 'p' && name[1]) {
            cli_error("describe: at most 16 percentiles");
            status = EXIT_BAD;
        } else {
            cli_error("describe: --stats: unknown statistic '%s' (n missing sum mean sd se ci min q1 "
                      "median q3 max iqr mad skewness kurtosis pN)", stats[k]);
            status = EXIT_BAD;
        }
    }
    for (size_t k = 0; k < n_pct && status == EXIT_OK; k++) {
        char *end;
        double p = strtod(pcts[k], &end);
        if (*end || !(p >= 0 && p <= 100)) {
            cli_error("describe: a percentile is a number from 0 to 100 (got '%s')", pcts[k]);
            status = EXIT_BAD;
            break;
        }
        dopt.percentiles[dopt.n_percentiles++] = p;
    }
    if (!want[14] && !want[15])
        dopt.skip |= EFFEKT_SKIP_SHAPE;
    if (!want[13])
        dopt.skip |= EFFEKT_SKIP_MAD;
    if (!want[7] && !want[8] && !want[9] && !want[10] && !want[11] && !want[12] && !want[13] && !dopt.n_percentiles)
        dopt.skip |= EFFEKT_SKIP_ORDER;
    /* load only what is described and grouped by */
    const char *wanted[256 + 16 + 1];
    if (n_cols) {
        for (size_t i = 0; i < n_cols; i++)
            wanted[i] = cols[i];
        for (size_t i = 0; i < n_by; i++)
            wanted[n_cols + i] = bys[i];
        o.csv.columns = wanted;
        o.csv.n_columns = n_cols + n_by;
        if (o.weight)
            wanted[o.csv.n_columns++] = o.weight;
    }
    cJSON *doc = cJSON_CreateObject();
    cJSON *rows = cJSON_AddArrayToObject(doc, "statistics");
    if (status != EXIT_OK) {   /* bad options: nothing is read */
        cJSON_Delete(doc);
        free(cols_s);
        free(by_s);
        free(stats_s);
        free(pct_s);
        return status;
    }
    cli_batch batch;
    cli_batch_begin(&batch, &o, doc);
    for (size_t f = 0; f < o.n_inputs; f++) {
        cli_batch_file(&batch, f);
        status = EXIT_OK;
        effekt_status st;
        effekt_table *t = cli_load(&o, o.inputs[f], &st);
        if (st != EFFEKT_OK) {
            effekt_table_destroy(t);
            if (!cli_batch_done(&batch, EXIT_BAD))
                break;
            continue;
        }
        /* a partial's id names its file by the file's SHA-256, so the
         * same file described twice gives the same ids (standard input:
         * its bytes are gone, only the values name it) */
        char file_id[65] = "-";
        if (o.partial && strcmp(o.inputs[f], "-") != 0 && effekt_sha256_file(o.inputs[f], file_id) != EFFEKT_OK)
            snprintf(file_id, sizeof file_id, "-");
        /* the columns to describe */
        const effekt_column *targets[256];
        size_t n_targets = 0;
        for (size_t c = 0; c < t->n_columns && n_targets < 256; c++) {
            const effekt_column *col = &t->columns[c];
            int listed = 0, grouping = 0;
            for (size_t i = 0; i < n_cols; i++)
                listed |= col == effekt_table_column(t, cols[i]);
            for (size_t i = 0; i < n_by; i++)
                grouping |= col == effekt_table_column(t, bys[i]);
            if (o.weight)
                grouping |= col == effekt_table_column(t, o.weight);
            int numeric = col->type == EFFEKT_TYPE_INTEGER || col->type == EFFEKT_TYPE_NUMBER
                          || col->type == EFFEKT_TYPE_EMPTY;
            if (listed && !numeric) {
                cli_error("%s: column '%s' is %s; describe summarises numbers", o.inputs[f], col->heading,
                          effekt_type_name(col->type));
                status = EXIT_BAD;
            }
            if ((listed || (!n_cols && !grouping && numeric)) && numeric)
                targets[n_targets++] = col;
        }
        const effekt_column *wcol = o.weight ? effekt_table_column(t, o.weight) : NULL;
        if (o.weight && status == EXIT_OK && (!wcol || !wcol->values || wcol->type == EFFEKT_TYPE_TEXT
                                              || wcol->type == EFFEKT_TYPE_DATE)) {
            cli_error("%s: --weight: %s", o.inputs[f], wcol ? "the weight column must hold numbers" : "no such column");
            status = EXIT_BAD;
        }
        /* Frequency weights are counts: the first cell that is not one
         * stops the file, before anything is computed.  A fractional
         * weight is a sampling weight, whose standard errors need the
         * survey design: refused rather than treated as a count. */
        for (size_t r = 0; wcol && status == EXIT_OK && r < t->n_rows; r++) {
            double v = wcol->values[r];
            if (effekt_weight_valid(v) == EFFEKT_OK)
                continue;
            char text[32];
            for (int digits = 1; digits <= 17; digits++) {   /* the shortest that reads back */
                snprintf(text, sizeof text, "%.*g", digits, v);
                if (strtod(text, NULL) == v)
                    break;
            }
            cli_error("%s:%zu:%zu: error: weight %s in column '%s' is %s: frequency weights must be whole "
                      "numbers, 0 or more%s", o.inputs[f], effekt_table_row_line(t, r), wcol->index, text, wcol->heading,
                      v < 0 ? "negative" : isinf(v) ? "infinite" : v != floor(v) ? "not a whole number" : "too large",
                      v >= 0 && v == floor(v) && !isinf(v) ? " and below 2^53" : "");
            status = EXIT_BAD;
        }
        const effekt_column *by_cols[16];
        for (size_t i = 0; i < n_by && status == EXIT_OK; i++)
            if (!(by_cols[i] = effekt_table_column(t, bys[i]))) {
                cli_error("%s: --by: no column '%s'", o.inputs[f], bys[i]);
                status = EXIT_BAD;
            }
        /* group ids */
        size_t n = t->n_rows;
        uint32_t *group = calloc(n ? n : 1, sizeof *group);
        key_map map = { 0 };
        size_t *first_row = NULL;
        if (!group) {
            status = EXIT_BAD;
        } else if (status == EXIT_OK) {
            char key[4096];
            for (size_t r = 0; r < n; r++) {
                if (n_by == 0) {
                    group[r] = 0;
                    continue;
                }
                if (n_by == 1 && by_cols[0]->type == EFFEKT_TYPE_TEXT) {
                    /* the common case: one text column, its values are the keys */
                    const char *v = by_cols[0]->text[r];
                    size_t id = key_map_id(&map, v ? v : "(missing)");
                    group[r] = (uint32_t)id;
                    if (id == (size_t)-1 || id >= UINT32_MAX) {
                        status = EXIT_BAD;
                        break;
                    }
                    continue;
                }
                size_t len = 0;
                for (size_t i = 0; i < n_by; i++) {
                    if (i)
                        key[len++] = '\x1f';
                    value_text(by_cols[i], r, key + len, sizeof key - len);
                    len += strlen(key + len);
                }
                size_t id = key_map_id(&map, key);
                group[r] = (uint32_t)id;
                if (id == (size_t)-1 || id >= UINT32_MAX) {
                    status = EXIT_BAD;
                    break;
                }
            }
        }
        size_t n_groups = n_by ? map.n : 1;
        size_t *order = calloc(n_groups + 1, sizeof *order);
        size_t *start = calloc(n_groups + 1, sizeof *start);
        first_row = calloc(n_groups + 1, sizeof *first_row);
        double *buf = malloc((n ? n : 1) * sizeof *buf);
        double *work = malloc((wcol ? 2 : 1) * (n ? n : 1) * sizeof *work);
        double *wbuf = wcol ? malloc((n ? n : 1) * sizeof *wbuf) : NULL;
        size_t *fill = calloc(n_groups + 1, sizeof *fill);
        if (!order || !start || !first_row || !buf || !work || !fill)
            status = EXIT_BAD;
        if (status == EXIT_OK) {
            for (size_t g = 0; g < n_groups; g++) {
                order[g] = g;
                first_row[g] = (size_t)-1;
            }
            for (size_t r = 0; r < n; r++) {
                start[group[r] + 1]++;
                if (first_row[group[r]] == (size_t)-1)
                    first_row[group[r]] = r;
            }
            for (size_t g = 0; g < n_groups; g++)
                start[g + 1] += start[g];
            if (n_by) {
                sort_map = &map;
                sort_by = by_cols;
                sort_n_by = n_by;
                sort_first_row = first_row;
                qsort(order, n_groups, sizeof *order, by_group_key);
                /* the groups are known: the grouping columns' memory goes back */
                for (size_t i = 0; i < n_by; i++) {
                    int described = 0;
                    for (size_t c = 0; c < n_targets; c++)
                        described |= targets[c] == by_cols[i];
                    if (!described && by_cols[i] != wcol)
                        effekt_column_release(&t->columns[by_cols[i] - t->columns]);
                }
            }
        }
        for (size_t c = 0; c < n_targets && status == EXIT_OK; c++) {
            const effekt_column *col = targets[c];
            /* the column's values gathered group by group (a counting sort) */
            memcpy(fill, start, n_groups * sizeof *fill);
            for (size_t r = 0; r < n; r++) {
                if (wbuf)
                    wbuf[fill[group[r]]] = wcol->values[r];
                buf[fill[group[r]]++] = col->values ? col->values[r] : NAN;
            }
            dopt.decimals = col->decimals;
            for (size_t oi = 0; oi < n_groups; oi++) {
                size_t g = order[oi];
                cJSON *row = cJSON_CreateObject();
                if (o.n_inputs > 1 && !o.partial)
                    cJSON_AddStringToObject(row, "file", o.inputs[f]);
                /* the group's key holds each grouping value, joined by 0x1f */
                const char *part = n_by ? map.keys[g] : "";
                for (size_t i = 0; i < n_by; i++) {
                    const char *end = strchr(part, '\x1f');
                    size_t len = end ? (size_t)(end - part) : strlen(part);
                    char v[1024];
                    snprintf(v, sizeof v, "%.*s", (int)len, part);
                    cJSON_AddStringToObject(row, by_cols[i]->canonical ? by_cols[i]->canonical : by_cols[i]->heading, v);
                    part = end ? end + 1 : part + len;
                }
                cJSON_AddStringToObject(row, "column", col->canonical ? col->canonical : col->heading);
                cJSON_AddItemToArray(rows, row);
                if (o.partial) {
                    effekt_partial pa;
                    if (effekt_partial_compute(buf + start[g], start[g + 1] - start[g], col->decimals, &pa) != EFFEKT_OK) {
                        status = EXIT_BAD;
                        break;
                    }
                    /* the id also covers the file, the group and the column */
                    char *where = effekt_json_print(row, 0);
                    char *context = where ? malloc(strlen(where) + 66) : NULL;
                    if (!context) {
                        free(where);
                        effekt_partial_free(&pa);
                        status = EXIT_BAD;
                        break;
                    }
                    sprintf(context, "%s\n%s", file_id, where);
                    effekt_partial_identify(&pa, context);
                    free(context);
                    free(where);
                    cJSON_AddItemToObject(row, "partial", effekt_partial_to_json(&pa));
                    effekt_partial_free(&pa);
                    continue;
                }
                effekt_summary s;
                double sum_w = NAN;
                effekt_status ds = wbuf ? effekt_describe_weighted(buf + start[g], wbuf + start[g], start[g + 1] - start[g],
                                                                   &dopt, work, &s, &sum_w)
                                        : effekt_describe(buf + start[g], start[g + 1] - start[g], &dopt, work, &s);
                if (ds != EFFEKT_OK) {
                    /* bad weights were refused above, by their cells */
                    if (ds == EFFEKT_ELIMIT)
                        cli_error("%s: --weight: the weights in column '%s' add up to 2^53 or more "
                                  "(the ranks of the quantiles would not be exact)", o.inputs[f], wcol->heading);
                    status = EXIT_BAD;
                    break;
                }
                if (wbuf)
                    cli_number(row, "sum_weights", sum_w);
                const double vals[] = { (double)s.n, (double)s.missing, s.sum, s.mean, s.sd, s.se, NAN,
                                        s.min, s.q1, s.median, s.q3, s.max, s.iqr, s.mad, s.skewness, s.kurtosis };
                for (size_t i = 0; stat_names[i]; i++) {
                    if (!want[i])
                        continue;
                    if (i == 6) {
                        cli_number(row, "ci_lower", s.ci_lower);
                        cli_number(row, "ci_upper", s.ci_upper);
                    } else {
                        cli_number(row, stat_names[i], vals[i]);
                    }
                }
                for (size_t k = 0; k < dopt.n_percentiles; k++) {
                    char name[32];
                    snprintf(name, sizeof name, "p%g", dopt.percentiles[k]);
                    cli_number(row, name, s.percentile[k]);
                }
            }
        }
        free(group);
        free(order);
        free(start);
        free(first_row);
        free(fill);
        free(buf);
        free(wbuf);
        free(work);
        key_map_free(&map);
        effekt_table_destroy(t);
        if (!cli_batch_done(&batch, status))
            break;
    }
    status = cli_batch_end(&batch);
    int emitted = EXIT_OK;
    if (status != EXIT_BAD && o.partial) {
        /* partials are for machines: always JSON */
        cJSON_AddStringToObject(doc, "effekt_partial", "describe 1");
        o.format = EFFEKT_FORMAT_JSON;
        emitted = cli_emit(&o, doc, NULL, 0);
    } else if (status != EXIT_BAD) {
        cJSON_AddNumberToObject(doc, "confidence", o.confidence);
        cJSON_AddNumberToObject(doc, "quantile_type", o.quantile_type ? o.quantile_type : 7);
        effekt_sheet sheets[] = { { .path = "statistics" } };
        emitted = cli_emit(&o, doc, sheets, 1);
    }
    if (emitted != EXIT_OK)
        status = emitted;
    cJSON_Delete(doc);
    free(cols_s);
    free(by_s);
    free(stats_s);
    free(pct_s);
    return status;
}
