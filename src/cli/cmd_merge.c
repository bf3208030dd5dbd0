/* effekt merge: combine the partial summaries of 'effekt describe
 * --partial' (one per process, machine or piece of a file) into the
 * statistics a single run over all the data gives. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/partial.h"

static const char merge_usage[] =
    "Usage: effekt merge [OPTION]... PARTIAL.json...\n"
    "Combine partial summaries written by 'effekt describe --partial' into the\n"
    "statistics of all their data: rows with the same group and column merge.\n\n"
    "Counts, min, max, sum, mean, sd, se and the t-interval are exact: equal to\n"
    "one run over all the data (bit for bit when the values are decimals as\n"
    "written; else to about 1e-15).  Quartiles come from the quantile sketch:\n"
    "exact while a group has at most 4096 values, else within the stated\n"
    "quantile_rank_error (a fraction of n) of the true rank.\n\n"
    "  --confidence P    level of the t-interval (default 0.95)\n"
    "  -f, --format FMT  table (default), csv or json\n"
    "  -o, --output FILE write there (atomically)\n"
    "  -q, --quiet       no notes on standard error\n";

/* The key of a row: every member but the partial, in order. */
static char *row_key(const cJSON *row)
{
    cJSON *copy = cJSON_Duplicate(row, 1);
    if (!copy)
        return NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(copy, "partial");
    char *key = effekt_json_print(cli_json(copy), 0);
    cJSON_Delete(copy);
    return key;
}

int cmd_merge(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CONFIDENCE | OPT_QUIET, merge_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    size_t cap = 0, n = 0;
    char **keys = NULL;
    cJSON **heads = NULL;
    effekt_partial *parts = NULL;
    /* every partial's id, where it was read: the same data twice would
     * count twice (the library sees a repeat only in one pair) */
    typedef struct { char id[65]; size_t file, index; } seen_id;
    seen_id *seen = NULL;
    size_t n_seen = 0, cap_seen = 0;
    rc = EXIT_OK;
    for (size_t f = 0; f < o.n_inputs && rc == EXIT_OK; f++) {
        const char *path = o.inputs[f];
        cJSON *doc = cli_read_json(path);
        if (!doc) {
            rc = EXIT_BAD;
            break;
        }
        const cJSON *kind = cJSON_GetObjectItemCaseSensitive(doc, "effekt_partial");
        const cJSON *rows = cJSON_GetObjectItemCaseSensitive(doc, "statistics");
        if (!doc || !cJSON_IsString(kind) || strcmp(kind->valuestring, "describe 1") != 0 || !cJSON_IsArray(rows)) {
            cli_error("%s: error: not a partial summary of 'effekt describe --partial'", path);
            cJSON_Delete(doc);
            rc = EXIT_BAD;
            break;
        }
        size_t index = 0;
        for (const cJSON *row = rows->child; row && rc == EXIT_OK; row = row->next, index++) {
            effekt_partial p;
            char why[400];
            effekt_status ps = effekt_partial_from_json(cli_json_const(cJSON_GetObjectItemCaseSensitive(row, "partial")), &p, why, sizeof why);
            if (ps != EFFEKT_OK) {
                if (ps == EFFEKT_EPARSE)
                    cli_error("%s: error: statistics[%zu].partial%s", path, index, why);
                else
                    cli_error("%s: error: %s", path, effekt_status_message(ps));
                rc = EXIT_BAD;
                break;
            }
            size_t s_at = 0;
            while (s_at < n_seen && strcmp(seen[s_at].id, p.id) != 0)
                s_at++;
            if (s_at < n_seen) {
                cli_error("%s: error: statistics[%zu].partial.id: the same data as %s, statistics[%zu] (merging a partial "
                          "twice would count its values twice)", path, index, o.inputs[seen[s_at].file],
                          seen[s_at].index);
                effekt_partial_clear(&p);
                rc = EXIT_BAD;
                break;
            }
            if (n_seen == cap_seen) {
                cap_seen = cap_seen ? 2 * cap_seen : 16;
                seen_id *ns = realloc(seen, cap_seen * sizeof *ns);
                if (!ns) {
                    effekt_partial_clear(&p);
                    rc = EXIT_BAD;
                    break;
                }
                seen = ns;
            }
            memcpy(seen[n_seen].id, p.id, sizeof p.id);
            seen[n_seen].file = f;
            seen[n_seen].index = index;
            n_seen++;
            char *key = row_key(row);
            size_t k = 0;
            while (k < n && key && strcmp(keys[k], key) != 0)
                k++;
            if (!key) {
                effekt_partial_clear(&p);
                rc = EXIT_BAD;
                break;
            }
            if (k < n) {
                free(key);
                effekt_status ms = effekt_partial_merge(&parts[k], &p);
                if (ms != EFFEKT_OK) {
                    cli_error("%s: error: statistics[%zu]: cannot merge: %s", path, index, effekt_status_message(ms));
                    rc = EXIT_BAD;
                }
                effekt_partial_clear(&p);
                continue;
            }
            if (n == cap) {
                cap = cap ? 2 * cap : 16;
                char **nk = realloc(keys, cap * sizeof *nk);
                cJSON **nh = realloc(heads, cap * sizeof *nh);
                effekt_partial *np = realloc(parts, cap * sizeof *np);
                if (nk)
                    keys = nk;
                if (nh)
                    heads = nh;
                if (np)
                    parts = np;
                if (!nk || !nh || !np) {
                    free(key);
                    effekt_partial_clear(&p);
                    rc = EXIT_BAD;
                    break;
                }
            }
            keys[n] = key;
            heads[n] = cJSON_Duplicate(row, 1);
            cJSON_DeleteItemFromObjectCaseSensitive(heads[n], "partial");
            parts[n] = p;
            n++;
        }
        cJSON_Delete(doc);
    }
    cJSON *out = cJSON_CreateObject();
    cJSON *stats = cJSON_AddArrayToObject(out, "statistics");
    for (size_t k = 0; k < n; k++) {
        if (rc == EXIT_OK) {
            effekt_stats_summary s;
            effekt_partial_summary(&parts[k], o.confidence, &s);
            cJSON *row = heads[k];
            heads[k] = NULL;
            /* the statistics a partial defines, in describe's order */
            const struct { const char *key; double v; } cells[] = {
                { "n", (double)s.n }, { "missing", (double)s.missing }, { "sum", s.sum }, { "mean", s.mean },
                { "sd", s.sd }, { "se", s.se }, { "ci_lower", s.ci_lower }, { "ci_upper", s.ci_upper },
                { "min", s.min }, { "q1", s.q1 }, { "median", s.median }, { "q3", s.q3 }, { "max", s.max },
                { "iqr", s.iqr }, { "quantile_rank_error", parts[k].rank_error },
            };
            for (size_t i = 0; i < sizeof cells / sizeof *cells; i++)
                effekt_json_number(cli_json(row), cells[i].key, cells[i].v);
            cJSON_AddBoolToObject(row, "exact_moments", s.exact);
            cJSON_AddItemToArray(stats, row);
        }
        cJSON_Delete(heads[k]);
        free(keys[k]);
        effekt_partial_clear(&parts[k]);
    }
    free(keys);
    free(heads);
    free(parts);
    free(seen);
    if (rc == EXIT_OK) {
        cJSON_AddNumberToObject(out, "confidence", o.confidence);
        effekt_output_sheet sheets[] = { { .path = "statistics" } };
        rc = cli_emit(&o, out, sheets, 1);
    }
    cJSON_Delete(out);
    return rc;
}
