/* effekt compare: rates between groups. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/compare.h"

static const char compare_usage[] =
    "Usage: effekt compare [OPTION]... --by GROUP --outcome COLUMN FILE...\n"
    "Compare a rate between groups: per group n, events and the rate with its\n"
    "interval; Pearson's chi-square test of homogeneity; Fisher's exact test when\n"
    "there are two groups; for every pair the risk difference and risk ratio with\n"
    "intervals and a p-value adjusted for the number of pairs.\n\n"
    "  -g, --by COLUMN       the groups (e.g. project_id)\n"
    "      --outcome COLUMN  the event: a 0/1 or yes/no column, or a date column\n"
    "                        (a date given is an event: placed_date)\n"
    "      --interval M      wilson (default), clopper-pearson or agresti-coull\n"
    "      --adjust M        holm (default), bh or none\n"
    "      --confidence P    level of the intervals (default 0.95)\n"
    "  -f, --format FMT      table (default), csv or json\n"
    "  -o, --output FILE     write there (atomically)\n"
    "      --delimiter, --decimal-comma, --decimal-point, --encoding, --na, --map\n\n"
    "Methods as R: intervals as prop.test(correct = FALSE) (Wilson) and binom.test\n"
    "(Clopper-Pearson); chisq.test(correct = FALSE); fisher.test; the difference's\n"
    "Wald interval as prop.test on two groups; the ratio's Katz log interval;\n"
    "pairwise p-values as pairwise.prop.test(correct = FALSE) with p.adjust.\n";

typedef struct {
    double n, events;
    size_t missing;
    size_t first_row;
} group_count;

static cJSON *figure(double v, double lo, double hi, const char *reason)
{
    cJSON *o = cJSON_CreateObject();
    if (isnan(v)) {
        cJSON_AddNullToObject(o, "value");
        cJSON_AddStringToObject(o, "reason", reason);
        return o;
    }
    cJSON_AddNumberToObject(o, "value", v);
    if (!isnan(lo) && !isnan(hi)) {
        cJSON_AddNumberToObject(o, "lower", lo);
        cJSON_AddNumberToObject(o, "upper", hi);
    }
    return o;
}

static int run_file(const cli_options *o, const char *path, effekt_interval_method im, effekt_adjust_method am,
                    cJSON *doc)
{
    effekt_status st;
    effekt_table *t = cli_load(o, path, &st);
    if (st != EFFEKT_OK) {
        effekt_table_destroy(t);
        return EXIT_BAD;
    }
    const effekt_column *by = effekt_table_column(t, o->by), *oc = effekt_table_column(t, o->outcome);
    int rc = EXIT_OK;
    if (!by || !oc) {
        cli_error("%s: no column '%s'", path, !by ? o->by : o->outcome);
        effekt_table_destroy(t);
        return EXIT_BAD;
    }
    int dated = oc->type == EFFEKT_TYPE_DATE;
    if (!dated && oc->type != EFFEKT_TYPE_BOOLEAN && oc->type != EFFEKT_TYPE_INTEGER) {
        cli_error("%s: --outcome: column '%s' is %s; an outcome is 0/1, yes/no, or a date (an event when "
                  "given)", path, oc->heading, effekt_type_name(oc->type));
        effekt_table_destroy(t);
        return EXIT_BAD;
    }
    key_map map = { 0 };
    size_t cap = 64;
    group_count *g = calloc(cap, sizeof *g);
    char key[1024];
    for (size_t r = 0; r < t->n_rows && g; r++) {
        double v;
        if (dated) {
            v = effekt_column_missing(oc, r) ? 0 : 1;   /* no date: no event */
        } else {
            v = oc->values[r];
            if (!isnan(v) && v != 0 && v != 1) {
                cli_error("%s:%zu:%zu: outcome %g in column '%s' (expected 0 or 1)", path,
                          effekt_table_row_line(t, r), oc->index, v, oc->heading);
                rc = EXIT_BAD;
                break;
            }
        }
        value_text(by, r, key, sizeof key);
        size_t id = key_map_id(&map, key);
        if (id == (size_t)-1)
            break;
        if (id >= cap) {
            group_count *ng = realloc(g, 2 * cap * sizeof *g);
            if (!ng)
                break;
            memset(ng + cap, 0, cap * sizeof *g);
            g = ng;
            cap *= 2;
        }
        if (g[id].n == 0 && g[id].missing == 0)
            g[id].first_row = r;
        if (isnan(v)) {
            g[id].missing++;
            continue;
        }
        g[id].n++;
        g[id].events += v;
    }
    size_t k = map.n;
    cJSON *groups = cJSON_GetObjectItemCaseSensitive(doc, "groups");
    cJSON *tests = cJSON_GetObjectItemCaseSensitive(doc, "tests");
    cJSON *pairs = cJSON_GetObjectItemCaseSensitive(doc, "pairwise");
    cJSON *warnings = cJSON_GetObjectItemCaseSensitive(doc, "warnings");
    double *x = calloc(k + 1, sizeof *x), *n = calloc(k + 1, sizeof *n);
    if (!g || !x || !n)
        rc = EXIT_BAD;
    for (size_t i = 0; i < k && rc == EXIT_OK; i++) {
        x[i] = g[i].events;
        n[i] = g[i].n;
        double lo, hi;
        effekt_binomial_interval(x[i], n[i], o->confidence, im, &lo, &hi);
        cJSON *row = cJSON_CreateObject();
        if (o->n_inputs > 1)
            cJSON_AddStringToObject(row, "file", path);
        cJSON_AddStringToObject(row, "group", map.keys[i]);
        cJSON_AddNumberToObject(row, "n", n[i]);
        cJSON_AddNumberToObject(row, "missing", (double)g[i].missing);
        cJSON_AddNumberToObject(row, "events", x[i]);
        cJSON_AddItemToObject(row, "rate", figure(n[i] > 0 ? x[i] / n[i] : NAN, lo, hi, "no values"));
        cJSON_AddItemToArray(groups, row);
    }
    if (rc == EXIT_OK) {
        double stat, df, p, emin;
        cJSON *row = cJSON_CreateObject();
        cJSON_AddStringToObject(row, "test", "chi-square test of homogeneity (no continuity correction)");
        if (effekt_chisq_homogeneity(x, n, k, &stat, &df, &p, &emin) == EFFEKT_OK) {
            cJSON_AddNumberToObject(row, "statistic", stat);
            cJSON_AddNumberToObject(row, "df", df);
            cJSON_AddNumberToObject(row, "p", p);
            if (emin < 5) {
                char w[256];
                snprintf(w, sizeof w, "%s: an expected count is below 5 (%.2f): the chi-square approximation "
                         "is poor%s", path, emin, k == 2 ? "; prefer Fisher's exact test" : "");
                cJSON_AddItemToArray(warnings, cJSON_CreateString(w));
                fprintf(stderr, "effekt: warning: %s\n", w);
            }
        } else {
            cJSON_AddNullToObject(row, "statistic");
            cJSON_AddNullToObject(row, "df");
            cJSON_AddNullToObject(row, "p");
            cJSON_AddStringToObject(row, "reason", k < 2 ? "fewer than two groups" : "no variation in the outcome");
        }
        cJSON_AddItemToArray(tests, row);
        if (k == 2) {
            cJSON *f = cJSON_CreateObject();
            cJSON_AddStringToObject(f, "test", "Fisher's exact test (two-sided)");
            cJSON_AddNullToObject(f, "statistic");
            cJSON_AddNullToObject(f, "df");
            cJSON_AddNumberToObject(f, "p", effekt_fisher_exact((unsigned)x[0], (unsigned)(n[0] - x[0]),
                                                                 (unsigned)x[1], (unsigned)(n[1] - x[1])));
            cJSON_AddItemToArray(tests, f);
        }
        /* every pair */
        size_t m = k * (k - 1) / 2, q = 0;
        double *pv = calloc(m + 1, sizeof *pv), *adj = calloc(m + 1, sizeof *adj);
        if (!pv || !adj) {
            rc = EXIT_BAD;
        } else {
            for (size_t a = 0; a < k; a++)
                for (size_t b = a + 1; b < k; b++) {
                    double xx[2] = { x[a], x[b] }, nn[2] = { n[a], n[b] }, s2, d2, e2;
                    if (effekt_chisq_homogeneity(xx, nn, 2, &s2, &d2, &pv[q], &e2) != EFFEKT_OK)
                        pv[q] = NAN;
                    q++;
                }
            /* NaN p-values (no variation) take no part in the adjustment */
            double *defined = calloc(m + 1, sizeof *defined), *dadj = calloc(m + 1, sizeof *dadj);
            size_t nd = 0;
            for (size_t i = 0; i < m && defined; i++)
                if (!isnan(pv[i]))
                    defined[nd++] = pv[i];
            if (defined && dadj)
                effekt_p_adjust(defined, nd, am, dadj);
            for (size_t i = 0, j = 0; i < m; i++)
                adj[i] = isnan(pv[i]) ? NAN : dadj ? dadj[j++] : NAN;
            free(defined);
            free(dadj);
            q = 0;
            for (size_t a = 0; a < k; a++)
                for (size_t b = a + 1; b < k; b++, q++) {
                    double d, dl, dh, rr, rl, rh;
                    cJSON *pair = cJSON_CreateObject();
                    if (o->n_inputs > 1)
                        cJSON_AddStringToObject(pair, "file", path);
                    cJSON_AddStringToObject(pair, "group", map.keys[a]);
                    cJSON_AddStringToObject(pair, "versus", map.keys[b]);
                    if (n[a] > 0 && n[b] > 0) {
                        effekt_risk_difference(x[a], n[a], x[b], n[b], o->confidence, &d, &dl, &dh);
                        effekt_risk_ratio(x[a], n[a], x[b], n[b], o->confidence, &rr, &rl, &rh);
                    } else {
                        d = dl = dh = rr = rl = rh = NAN;
                    }
                    cJSON_AddItemToObject(pair, "difference", figure(d, dl, dh, "a group has no values"));
                    cJSON_AddItemToObject(pair, "risk_ratio",
                                          figure(rr, rl, rh, x[b] == 0 ? "no events in the second group"
                                                                       : "a group has no values"));
                    cJSON_AddItemToObject(pair, "p", figure(pv[q], NAN, NAN, "no variation in the outcome"));
                    cJSON_AddItemToObject(pair, "p_adjusted", figure(adj[q], NAN, NAN, "no variation in the outcome"));
                    cJSON_AddItemToArray(pairs, pair);
                }
        }
        free(pv);
        free(adj);
    }
    free(x);
    free(n);
    free(g);
    key_map_free(&map);
    effekt_table_destroy(t);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_BY | OPT_CONFIDENCE | OPT_COMPARE | OPT_QUIET,
                       compare_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    effekt_interval_method im = EFFEKT_INTERVAL_WILSON;
    effekt_adjust_method am = EFFEKT_ADJUST_HOLM;
    if (!o.by || !o.outcome) {
        fprintf(stderr, "effekt compare: give the groups (--by COLUMN) and the outcome (--outcome COLUMN)\n"
                        "Try 'effekt compare --help'.\n");
        return EXIT_BAD;
    }
    if (o.interval && effekt_interval_parse(o.interval, &im) != EFFEKT_OK) {
        cli_error("compare: --interval: '%s' (expected wilson, clopper-pearson or agresti-coull)", o.interval);
        return EXIT_BAD;
    }
    if (o.adjust && effekt_adjust_parse(o.adjust, &am) != EFFEKT_OK) {
        cli_error("compare: --adjust: '%s' (expected holm, bh or none)", o.adjust);
        return EXIT_BAD;
    }
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "by", o.by);
    cJSON_AddStringToObject(doc, "outcome", o.outcome);
    cJSON_AddStringToObject(doc, "interval", effekt_interval_name(im));
    cJSON_AddNumberToObject(doc, "confidence", o.confidence);
    cJSON_AddStringToObject(doc, "adjust", am == EFFEKT_ADJUST_HOLM ? "holm" : am == EFFEKT_ADJUST_BH ? "BH" : "none");
    cJSON_AddArrayToObject(doc, "groups");
    cJSON_AddArrayToObject(doc, "tests");
    cJSON_AddArrayToObject(doc, "pairwise");
    cJSON_AddArrayToObject(doc, "warnings");
    int status = EXIT_OK;
    for (size_t i = 0; i < o.n_inputs && status == EXIT_OK; i++)
        status = run_file(&o, o.inputs[i], im, am, doc);
    if (status == EXIT_OK) {
        effekt_sheet sheets[] = { { .path = "groups", .title = "rates by group" },
                                  { .path = "tests", .title = "tests" },
                                  { .path = "pairwise", .title = "pairwise comparisons" } };
        status = cli_emit(&o, doc, sheets, 3);
    }
    cJSON_Delete(doc);
    return status;
}
