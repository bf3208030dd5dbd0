/* effekt compare: rates between groups. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/compare.h"
#include "effekt/group.h"
#include "effekt/stats.h"

static const char compare_usage[] =
    "Usage: effekt compare [OPTION]... --by GROUP (--outcome COLUMN | --value COLUMN) FILE...\n"
    "Compare a rate (--outcome) or a value (--value) between groups.\n"
    "Rates: per group n, events and the rate with its interval; Pearson's chi-square\n"
    "test of homogeneity; Fisher's exact test when there are two groups; for every\n"
    "pair the risk difference and risk ratio with intervals and an adjusted p-value.\n"
    "Values: per group n, mean, sd, median; Welch's t-test and Mann-Whitney U for two\n"
    "groups, Welch's ANOVA and Kruskal-Wallis for more; for every pair the difference\n"
    "of means with its interval, Hedges' g with its interval, the rank-biserial\n"
    "correlation, and adjusted p-values of both tests.\n"
    "Tests and pairs leave out rows of a missing group (as R) and groups without a\n"
    "value (0/0); the table still shows them and a note says so.\n\n"
    "  -g, --by COLUMN       the groups (e.g. project_id)\n"
    "      --outcome COLUMN  the event: a 0/1 or yes/no column, or a date column\n"
    "                        (a date given is an event: placed_date)\n"
    "      --value COLUMN    a numeric column (days_to_job, cost, age)\n"
    "      --ratio NUM/DEN   the ratio of sums sum(NUM)/sum(DEN) per group (cost/placed_date:\n"
    "                        the participant-level cost per job; a date column counts 1\n"
    "                        where a date is given) with bootstrap percentile and BCa\n"
    "                        intervals (as boot.ci, jackknife influence values)\n"
    "      --bootstrap N     resamples (default 10000), on both cores, the same bits\n"
    "                        for a given --seed (0 to 2^64-1, default 1)\n"
    "      --funnel          with --outcome: each group's exact binomial 95 % and\n"
    "                        99.8 % limits around the pooled rate, and whether the\n"
    "                        group lies outside them (how to compare projects of\n"
    "                        different sizes)\n"
    "      --interval M      wilson (default), clopper-pearson or agresti-coull\n"
    "      --adjust M        holm (default), bh or none\n"
    "      --pairwise all|none|N  pairs only when there are at most N groups to test\n"
    "                        (default 20: 190 pairs); a note says when they are not made\n"
    "      --confidence P    level of the intervals (default 0.95)\n"
    "  -f, --format FMT      table (default), csv or json\n"
    "  -o, --output FILE     write there (atomically)\n"
    "      --keep-going      a bad file is reported and left out, the others go on;\n"
    "                        a summary at the end, exit 1 (without: the first stops all)\n"
    "  -q, --quiet           no notes and no progress bar on standard error\n"
    "      --delimiter, --decimal-comma, --decimal-point, --encoding, --na, --map\n\n"
    "Methods as R: intervals as prop.test(correct = FALSE) (Wilson) and binom.test\n"
    "(Clopper-Pearson); chisq.test(correct = FALSE); fisher.test; the difference's\n"
    "Newcombe hybrid score interval (his method 10, as Epi::ci.pd); the ratio's\n"
    "Katz log interval; pairwise p-values as pairwise.prop.test(correct = FALSE)\n"
    "with p.adjust;\n"
    "t.test (Welch), wilcox.test (exact p below 50 values a group without ties),\n"
    "oneway.test (Welch), kruskal.test; Hedges' g with J = 1 - 3/(4N - 9).\n";

typedef struct {
    double n, events;
    size_t missing;
    size_t first_row;
    int na;               /* the rows whose group value is missing */
} group_count;

/* Pairs are shown up to this many groups unless --pairwise says otherwise:
 * 20 groups make 190 pairs, about what a reader can scan. */
#define PAIRWISE_DEFAULT 20

static size_t pairwise_limit(const cli_options *o)
{
    return o->pairwise_given ? o->pairwise : PAIRWISE_DEFAULT;
}

/* A note for the reader: into the document's "notes" (made on the first)
 * and, unless --quiet, on standard error. */
static void add_note(const cli_options *o, cJSON *doc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add_note(const cli_options *o, cJSON *doc, const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    cJSON *notes = cJSON_GetObjectItemCaseSensitive(doc, "notes");
    if (!notes)
        notes = cJSON_AddArrayToObject(doc, "notes");
    cJSON_AddItemToArray(notes, cJSON_CreateString(text));
    if (!o->quiet) {
        cli_progress_erase();
        fprintf(stderr, "effekt: note: %s\n", text);
    }
}

/* Which groups the tests take: not the missing group values (R's table()
 * and model formulas drop NA) and not a group without a value (0/0 has
 * no row in R's table).  Their ids go to tested[0..*kt); the text of what
 * was left out to why (empty when nothing). */
static void tested_groups(const effekt_group *map, const int *na, const size_t *n, size_t k, size_t *tested,
                          size_t *kt, char *why, size_t size)
{
    size_t empty = 0, missing = 0, first_empty = 0;
    *kt = 0;
    for (size_t g = 0; g < k; g++) {
        if (na[g])
            missing++;
        else if (n[g] == 0) {
            if (!empty++)
                first_empty = g;
        } else
            tested[(*kt)++] = g;
    }
    why[0] = '\0';
    if (empty == 1)
        snprintf(why, size, "left out: group '%s' (no values)%s", effekt_group_label(map, first_empty),
                 missing ? " and the rows of missing group values" : "");
    else if (empty > 1)
        snprintf(why, size, "left out: %zu groups without values%s", empty,
                 missing ? " and the rows of missing group values" : "");
    else if (missing)
        snprintf(why, size, "left out: the rows of missing group values");
}

/* Whether the pairs of kt groups are shown; when not, a note says why. */
static int pairs_shown(const cli_options *o, cJSON *doc, const char *path, size_t kt)
{
    size_t limit = pairwise_limit(o);
    if (kt < 2 || kt <= limit)
        return 1;
    double pairs = (double)kt * (double)(kt - 1) / 2;
    if (limit == 0)
        add_note(o, doc, "%s: pairwise comparisons not made (--pairwise none)", path);
    else
        add_note(o, doc, "%s: pairwise comparisons not made: %zu groups would make %.0f pairs; they are made "
                 "for at most %zu groups %s (--pairwise all or N to change)", path, kt, pairs, limit,
                 o->pairwise_given ? "as asked" : "by default");
    return 0;
}

/* The risk ratio with why it is undefined or has no interval. */
static cJSON *ratio_figure(double x1, double x2, double r, double lo, double hi)
{
    const char *why = x1 == 0 && x2 == 0 ? "no events in either group"
                      : x2 == 0          ? "no events in the second group"
                      : x1 == 0          ? "no events in the first group: the log interval needs events in both"
                                         : "undefined";
    cJSON *f = cli_figure(r, lo, hi, why);
    if (!isnan(r) && isnan(lo))
        cJSON_AddStringToObject(f, "reason", why);
    return f;
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
    effekt_group *map = NULL;
    const char *by_name = o->by;
    size_t cap = 64;
    group_count *g = calloc(cap, sizeof *g);
    if (effekt_group_create(t, &by_name, 1, &map, NULL) != EFFEKT_OK) {
        free(g);
        g = NULL;
        rc = EXIT_BAD;
    }
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
        size_t id;
        if (effekt_group_add(map, r, &id) != EFFEKT_OK) {
            rc = EXIT_BAD;
            break;
        }
        if (id >= cap) {
            group_count *ng = realloc(g, 2 * cap * sizeof *g);
            if (!ng) {
                rc = EXIT_BAD;
                break;
            }
            memset(ng + cap, 0, cap * sizeof *g);
            g = ng;
            cap *= 2;
        }
        if (g[id].n == 0 && g[id].missing == 0) {
            g[id].first_row = r;
            g[id].na = effekt_column_missing(by, r);
        }
        if (isnan(v)) {
            g[id].missing++;
            continue;
        }
        g[id].n++;
        g[id].events += v;
    }
    size_t k = map ? effekt_group_count(map) : 0;
    cJSON *groups = cJSON_GetObjectItemCaseSensitive(doc, "groups");
    cJSON *tests = cJSON_GetObjectItemCaseSensitive(doc, "tests");
    cJSON *pairs = cJSON_GetObjectItemCaseSensitive(doc, "pairwise");
    cJSON *warnings = cJSON_GetObjectItemCaseSensitive(doc, "warnings");
    /* x, n: by group; xt, nt: of the tested groups, in their order */
    double *x = calloc(k + 1, sizeof *x), *n = calloc(k + 1, sizeof *n);
    double *xt = calloc(k + 1, sizeof *xt), *nt = calloc(k + 1, sizeof *nt);
    size_t *tested = calloc(k + 1, sizeof *tested), *nz = calloc(k + 1, sizeof *nz);
    int *na = calloc(k + 1, sizeof *na);
    if (!g || !x || !n || !xt || !nt || !tested || !nz || !na)
        rc = EXIT_BAD;
    size_t kt = 0;
    char left_out[512] = "";
    double p0 = NAN;
    if (rc == EXIT_OK) {
        for (size_t i = 0; i < k; i++) {
            x[i] = g[i].events;
            n[i] = g[i].n;
            nz[i] = (size_t)g[i].n;
            na[i] = g[i].na;
        }
        tested_groups(map, na, nz, k, tested, &kt, left_out, sizeof left_out);
        /* the funnel's pooled rate is over the tested groups too */
        double pooled_x = 0, pooled_n = 0;
        for (size_t j = 0; j < kt; j++) {
            xt[j] = x[tested[j]];
            nt[j] = n[tested[j]];
            pooled_x += xt[j];
            pooled_n += nt[j];
        }
        p0 = pooled_n > 0 ? pooled_x / pooled_n : NAN;
    }
    for (size_t i = 0; i < k && rc == EXIT_OK; i++) {
        double lo, hi;
        effekt_binomial_interval(x[i], n[i], o->confidence, im, &lo, &hi);
        cJSON *row = cJSON_CreateObject();
        if (o->n_inputs > 1)
            cJSON_AddStringToObject(row, "file", path);
        cJSON_AddStringToObject(row, "group", effekt_group_label(map, i));
        cJSON_AddNumberToObject(row, "n", n[i]);
        cJSON_AddNumberToObject(row, "missing", (double)g[i].missing);
        cJSON_AddNumberToObject(row, "events", x[i]);
        double rate = n[i] > 0 ? x[i] / n[i] : NAN;
        cJSON_AddItemToObject(row, "rate", cli_figure(rate, lo, hi, "no values"));
        if (o->funnel) {
            double l95, h95, l998, h998;
            effekt_funnel_limits((unsigned long)n[i], p0, 0.95, &l95, &h95);
            effekt_funnel_limits((unsigned long)n[i], p0, 0.998, &l998, &h998);
            cli_number(row, "pooled", p0);
            cJSON_AddItemToObject(row, "limits_95", cli_figure(isnan(l95) ? NAN : p0, l95, h95, "no values"));
            cJSON_AddItemToObject(row, "limits_99_8", cli_figure(isnan(l998) ? NAN : p0, l998, h998, "no values"));
            const char *where = isnan(rate) ? "no values"
                                : rate > h998 ? "above 99.8 % limit" : rate < l998 ? "below 99.8 % limit"
                                : rate > h95 ? "above 95 % limit" : rate < l95 ? "below 95 % limit" : "inside";
            cJSON_AddStringToObject(row, "funnel", where);
        }
        cJSON_AddItemToArray(groups, row);
    }
    if (rc == EXIT_OK) {
        double stat, df, p, emin;
        cJSON *row = cJSON_CreateObject();
        cJSON_AddStringToObject(row, "test", "chi-square test of homogeneity (no continuity correction)");
        if (effekt_chisq_homogeneity(xt, nt, kt, &stat, &df, &p, &emin) == EFFEKT_OK) {
            cJSON_AddNumberToObject(row, "statistic", stat);
            cJSON_AddNumberToObject(row, "df", df);
            cJSON_AddNumberToObject(row, "p", p);
            if (emin < 5) {
                char w[256];
                snprintf(w, sizeof w, "%s: an expected count is below 5 (%.2f): the chi-square approximation "
                         "is poor%s", path, emin, kt == 2 ? "; prefer Fisher's exact test" : "");
                cJSON_AddItemToArray(warnings, cJSON_CreateString(w));
                fprintf(stderr, "effekt: warning: %s\n", w);
            }
        } else {
            cJSON_AddNullToObject(row, "statistic");
            cJSON_AddNullToObject(row, "df");
            cJSON_AddNullToObject(row, "p");
            cJSON_AddStringToObject(row, "reason", kt < 2 ? "fewer than two groups with values"
                                                          : "no variation in the outcome");
        }
        if (*left_out) {
            cJSON_AddStringToObject(row, "note", left_out);
            add_note(o, doc, "%s: tests %s", path, left_out);
        }
        cJSON_AddItemToArray(tests, row);
        if (kt == 2) {
            cJSON *f = cJSON_CreateObject();
            cJSON_AddStringToObject(f, "test", "Fisher's exact test (two-sided)");
            cJSON_AddNullToObject(f, "statistic");
            cJSON_AddNullToObject(f, "df");
            cJSON_AddNumberToObject(f, "p", effekt_fisher_exact((unsigned)xt[0], (unsigned)(nt[0] - xt[0]),
                                                                 (unsigned)xt[1], (unsigned)(nt[1] - xt[1])));
            if (*left_out)
                cJSON_AddStringToObject(f, "note", left_out);
            cJSON_AddItemToArray(tests, f);
        }
    }
    /* every pair of tested groups, when there are few enough to read */
    if (rc == EXIT_OK && kt >= 2 && pairs_shown(o, doc, path, kt)) {
        size_t m = kt * (kt - 1) / 2, q = 0;
        double *pv = calloc(m + 1, sizeof *pv), *adj = calloc(m + 1, sizeof *adj);
        if (!pv || !adj) {
            cli_error("%s: out of memory for the %zu pairs of %zu groups (--pairwise N shows fewer)", path, m, kt);
            rc = EXIT_BAD;
        } else {
            for (size_t a = 0; a < kt; a++)
                for (size_t b = a + 1; b < kt; b++) {
                    double xx[2] = { xt[a], xt[b] }, nn[2] = { nt[a], nt[b] }, s2, d2, e2;
                    if (effekt_chisq_homogeneity(xx, nn, 2, &s2, &d2, &pv[q], &e2) != EFFEKT_OK)
                        pv[q] = NAN;
                    q++;
                }
            effekt_p_adjust(pv, m, am, adj);
            q = 0;
            for (size_t a = 0; a < kt; a++)
                for (size_t b = a + 1; b < kt; b++, q++) {
                    double d, dl, dh, rr, rl, rh;
                    cJSON *pair = cJSON_CreateObject();
                    if (o->n_inputs > 1)
                        cJSON_AddStringToObject(pair, "file", path);
                    cJSON_AddStringToObject(pair, "group", effekt_group_label(map, tested[a]));
                    cJSON_AddStringToObject(pair, "versus", effekt_group_label(map, tested[b]));
                    effekt_risk_difference(xt[a], nt[a], xt[b], nt[b], o->confidence, &d, &dl, &dh);
                    effekt_risk_ratio(xt[a], nt[a], xt[b], nt[b], o->confidence, &rr, &rl, &rh);
                    cJSON_AddItemToObject(pair, "difference", cli_figure(d, dl, dh, "a group has no values"));
                    cJSON_AddItemToObject(pair, "risk_ratio", ratio_figure(xt[a], xt[b], rr, rl, rh));
                    cJSON_AddItemToObject(pair, "p", cli_figure(pv[q], NAN, NAN, "no variation in the outcome"));
                    cJSON_AddItemToObject(pair, "p_adjusted", cli_figure(adj[q], NAN, NAN, "no variation in the outcome"));
                    cJSON_AddItemToArray(pairs, pair);
                }
        }
        free(pv);
        free(adj);
    }
    free(x);
    free(n);
    free(xt);
    free(nt);
    free(tested);
    free(nz);
    free(na);
    free(g);
    effekt_group_destroy(map);
    effekt_table_destroy(t);
    return rc;
}


static cJSON *test_row(const char *name, const effekt_test_result *r, effekt_status st, const char *path,
                       int many)
{
    cJSON *row = cJSON_CreateObject();
    if (many)
        cJSON_AddStringToObject(row, "file", path);
    cJSON_AddStringToObject(row, "test", name);
    cli_number(row, "statistic", r->statistic);
    cli_number(row, "df", r->df);
    cli_number(row, "df2", r->df2);
    cli_number(row, "p", r->p);
    if (st != EFFEKT_OK)
        cJSON_AddStringToObject(row, "reason", "too few values or no variation");
    else if (r->exact)
        cJSON_AddStringToObject(row, "reason", "exact p-value");
    return row;
}

/* --value: the values of each group gathered, then the tests. */
static int run_values(const cli_options *o, const char *path, effekt_adjust_method am, cJSON *doc)
{
    effekt_status st;
    effekt_table *t = cli_load(o, path, &st);
    if (st != EFFEKT_OK) {
        effekt_table_destroy(t);
        return EXIT_BAD;
    }
    const effekt_column *by = effekt_table_column(t, o->by), *vc = effekt_table_column(t, o->value);
    if (!by || !vc) {
        cli_error("%s: no column '%s'", path, !by ? o->by : o->value);
        effekt_table_destroy(t);
        return EXIT_BAD;
    }
    if (vc->type != EFFEKT_TYPE_INTEGER && vc->type != EFFEKT_TYPE_NUMBER) {
        cli_error("%s: --value: column '%s' is %s; compare --value takes numbers", path, vc->heading,
                  effekt_type_name(vc->type));
        effekt_table_destroy(t);
        return EXIT_BAD;
    }
    int many = o->n_inputs > 1, rc = EXIT_OK;
    size_t n = t->n_rows;
    effekt_group *map = NULL;
    const char *by_name = o->by;
    if (effekt_group_create(t, &by_name, 1, &map, NULL) != EFFEKT_OK || effekt_group_add_all(map) != EFFEKT_OK)
        rc = EXIT_BAD;
    const size_t *gid = map ? effekt_group_rows(map) : NULL;
    size_t k = map ? effekt_group_count(map) : 0;
    size_t *count = calloc(k + 1, sizeof *count), *missing = calloc(k + 1, sizeof *missing);
    size_t *start = calloc(k + 2, sizeof *start), *tested = calloc(k + 1, sizeof *tested);
    size_t *tcount = calloc(k + 1, sizeof *tcount);
    int *na = calloc(k + 1, sizeof *na);
    double *vals = malloc((n ? n : 1) * sizeof *vals), *work = malloc((n ? n : 1) * sizeof *work);
    const double **groups = calloc(k + 1, sizeof *groups), **tgroups = calloc(k + 1, sizeof *tgroups);
    if (!map || !count || !missing || !start || !tested || !tcount || !na || !vals || !work || !groups || !tgroups)
        rc = EXIT_BAD;
    if (rc == EXIT_OK) {
        for (size_t r = 0; r < n; r++) {
            isnan(vc->values[r]) ? missing[gid[r]]++ : count[gid[r]]++;
            if (effekt_column_missing(by, r))
                na[gid[r]] = 1;
        }
        for (size_t g = 0; g < k; g++)
            start[g + 1] = start[g] + count[g];
        size_t *fill = calloc(k + 1, sizeof *fill);
        for (size_t r = 0; r < n && fill; r++)
            if (!isnan(vc->values[r]))
                vals[start[gid[r]] + fill[gid[r]]++] = vc->values[r];
        free(fill);
        cJSON *groups_json = cJSON_GetObjectItemCaseSensitive(doc, "groups");
        for (size_t g = 0; g < k; g++) {
            groups[g] = vals + start[g];
            effekt_describe_options dopt = { .confidence = o->confidence, .decimals = vc->decimals,
                                             .skip = EFFEKT_SKIP_SHAPE | EFFEKT_SKIP_MAD };
            effekt_summary s;
            effekt_describe(groups[g], count[g], &dopt, work, &s);
            cJSON *row = cJSON_CreateObject();
            if (many)
                cJSON_AddStringToObject(row, "file", path);
            cJSON_AddStringToObject(row, "group", effekt_group_label(map, g));
            cJSON_AddNumberToObject(row, "n", (double)count[g]);
            cJSON_AddNumberToObject(row, "missing", (double)missing[g]);
            cJSON_AddItemToObject(row, "mean", cli_figure(s.mean, s.ci_lower, s.ci_upper, "no values"));
            cli_number(row, "sd", s.sd);
            cli_number(row, "median", s.median);
            cJSON_AddItemToArray(groups_json, row);
        }
        /* the tests take the groups with values, not the missing group values */
        size_t kt;
        char left_out[512];
        tested_groups(map, na, count, k, tested, &kt, left_out, sizeof left_out);
        for (size_t j = 0; j < kt; j++) {
            tgroups[j] = groups[tested[j]];
            tcount[j] = count[tested[j]];
        }
        cJSON *tests = cJSON_GetObjectItemCaseSensitive(doc, "tests");
        effekt_test_result r;
        cJSON *first = NULL, *second = NULL;
        if (kt == 2) {
            st = effekt_welch_t(tgroups[0], tcount[0], tgroups[1], tcount[1], o->confidence, &r);
            cJSON_AddItemToArray(tests, first = test_row("Welch two-sample t-test", &r, st, path, many));
            st = effekt_mann_whitney(tgroups[0], tcount[0], tgroups[1], tcount[1], &r);
            cJSON_AddItemToArray(tests, second = test_row("Mann-Whitney U (Wilcoxon rank sum), statistic W", &r, st, path, many));
        } else if (kt > 2) {
            st = effekt_welch_anova(tgroups, tcount, kt, &r);
            cJSON_AddItemToArray(tests, first = test_row("Welch one-way ANOVA, statistic F", &r, st, path, many));
            st = effekt_kruskal_wallis(tgroups, tcount, kt, &r);
            cJSON_AddItemToArray(tests, second = test_row("Kruskal-Wallis, statistic H", &r, st, path, many));
        } else {
            /* one group: say why there is no test rather than show none */
            cJSON *row = cJSON_CreateObject();
            if (many)
                cJSON_AddStringToObject(row, "file", path);
            cJSON_AddStringToObject(row, "test", "between groups");
            cJSON_AddNullToObject(row, "statistic");
            cJSON_AddNullToObject(row, "df");
            cJSON_AddNullToObject(row, "p");
            cJSON_AddStringToObject(row, "reason", kt == 1 ? "one group only: nothing to compare"
                                                           : "no group with values");
            cJSON_AddItemToArray(tests, first = row);
        }
        if (*left_out) {
            cJSON_AddStringToObject(first, "note", left_out);
            if (second)
                cJSON_AddStringToObject(second, "note", left_out);
            add_note(o, doc, "%s: tests %s", path, left_out);
        }
        size_t m = kt >= 2 && pairs_shown(o, doc, path, kt) ? kt * (kt - 1) / 2 : 0;
        double *pt = calloc(m + 1, sizeof *pt), *pu = calloc(m + 1, sizeof *pu);
        double *at = calloc(m + 1, sizeof *at), *au = calloc(m + 1, sizeof *au);
        effekt_test_result *tr = calloc(m + 1, sizeof *tr), *ur = calloc(m + 1, sizeof *ur);
        effekt_test_result *gr = calloc(m + 1, sizeof *gr);
        if (!pt || !pu || !at || !au || !tr || !ur || !gr) {
            cli_error("%s: out of memory for the %zu pairs of %zu groups (--pairwise N shows fewer)", path, m, kt);
            rc = EXIT_BAD;
        } else if (m) {
            size_t q = 0;
            for (size_t i = 0; i < kt; i++)
                for (size_t j = i + 1; j < kt; j++, q++) {
                    effekt_welch_t(tgroups[i], tcount[i], tgroups[j], tcount[j], o->confidence, &tr[q]);
                    effekt_mann_whitney(tgroups[i], tcount[i], tgroups[j], tcount[j], &ur[q]);
                    effekt_hedges_g(tgroups[i], tcount[i], tgroups[j], tcount[j], o->confidence, &gr[q]);
                    pt[q] = tr[q].p;
                    pu[q] = ur[q].p;
                }
            effekt_p_adjust(pt, m, am, at);
            effekt_p_adjust(pu, m, am, au);
            cJSON *pairs = cJSON_GetObjectItemCaseSensitive(doc, "pairwise");
            q = 0;
            for (size_t i = 0; i < kt; i++)
                for (size_t j = i + 1; j < kt; j++, q++) {
                    cJSON *row = cJSON_CreateObject();
                    if (many)
                        cJSON_AddStringToObject(row, "file", path);
                    cJSON_AddStringToObject(row, "group", effekt_group_label(map, tested[i]));
                    cJSON_AddStringToObject(row, "versus", effekt_group_label(map, tested[j]));
                    cJSON_AddItemToObject(row, "difference", cli_figure(tr[q].estimate, tr[q].lower, tr[q].upper, "too few values"));
                    cJSON_AddItemToObject(row, "p_welch", cli_figure(pt[q], NAN, NAN, "too few values or no variation"));
                    cJSON_AddItemToObject(row, "p_welch_adjusted", cli_figure(at[q], NAN, NAN, "too few values or no variation"));
                    cJSON_AddItemToObject(row, "hedges_g", cli_figure(gr[q].estimate, gr[q].lower, gr[q].upper, "too few values or no variation"));
                    cJSON_AddItemToObject(row, "rank_biserial", cli_figure(ur[q].estimate, NAN, NAN, "no values"));
                    cJSON_AddItemToObject(row, "p_mann_whitney", cli_figure(pu[q], NAN, NAN, "no values"));
                    cJSON_AddItemToObject(row, "p_mann_whitney_adjusted", cli_figure(au[q], NAN, NAN, "no values"));
                    cJSON_AddItemToArray(pairs, row);
                }
        }
        free(pt);
        free(pu);
        free(at);
        free(au);
        free(tr);
        free(ur);
        free(gr);
    }
    free(count);
    free(missing);
    free(start);
    free(tested);
    free(tcount);
    free(na);
    free(vals);
    free(work);
    free(groups);
    free(tgroups);
    effekt_group_destroy(map);
    effekt_table_destroy(t);
    return rc;
}

/* A column as numbers for a ratio: dates count 1 where given. */
static double ratio_value(const effekt_column *c, size_t r)
{
    if (c->type == EFFEKT_TYPE_DATE)
        return effekt_column_missing(c, r) ? 0.0 : 1.0;
    return c->values ? c->values[r] : NAN;
}

static int run_ratio(const cli_options *o, const char *path, cJSON *doc)
{
    char spec[512];
    snprintf(spec, sizeof spec, "%s", o->ratio);
    char *slash = strchr(spec, '/');
    if (!slash || slash == spec || !slash[1]) {
        cli_error("compare: --ratio expects NUMERATOR/DENOMINATOR, e.g. cost/placed_date (got '%s')", o->ratio);
        return EXIT_BAD;
    }
    *slash = '\0';
    effekt_status st;
    effekt_table *t = cli_load(o, path, &st);
    if (st != EFFEKT_OK) {
        effekt_table_destroy(t);
        return EXIT_BAD;
    }
    const effekt_column *nc = effekt_table_column(t, spec), *dc = effekt_table_column(t, slash + 1);
    const effekt_column *by = o->by ? effekt_table_column(t, o->by) : NULL;
    const char *bad = !nc ? spec : !dc ? slash + 1 : (o->by && !by) ? o->by : NULL;
    if (bad || nc->type == EFFEKT_TYPE_TEXT || dc->type == EFFEKT_TYPE_TEXT) {
        cli_error("%s: --ratio: %s", path, bad ? "no such column" : "the columns must hold numbers or dates");
        if (bad)
            fprintf(stderr, "effekt: no column '%s'\n", bad);
        effekt_table_destroy(t);
        return EXIT_BAD;
    }
    size_t n = t->n_rows, B = o->bootstrap ? (size_t)o->bootstrap : 10000;
    unsigned long long seed = o->seed_given ? o->seed : 1;
    effekt_group *map = NULL;
    const char *by_name = o->by;
    int rc = EXIT_OK;
    if (effekt_group_create(t, &by_name, by ? 1 : 0, &map, NULL) != EFFEKT_OK || effekt_group_add_all(map) != EFFEKT_OK)
        rc = EXIT_BAD;
    const size_t *gid = map ? effekt_group_rows(map) : NULL;
    double *num = malloc((n ? n : 1) * sizeof *num), *den = malloc((n ? n : 1) * sizeof *den);
    double *L = malloc((n ? n : 1) * sizeof *L), *rep = malloc(B * sizeof *rep);
    if (!num || !den || !L || !rep)
        rc = EXIT_BAD;
    cJSON *groups = cJSON_GetObjectItemCaseSensitive(doc, "groups");
    for (size_t g = 0; rc == EXIT_OK && g < effekt_group_count(map); g++) {
        size_t m = 0, missing = 0;
        for (size_t r = 0; r < n; r++) {
            if (gid[r] != g)
                continue;
            double a = ratio_value(nc, r), b = ratio_value(dc, r);
            if (isnan(a) || isnan(b)) {
                missing++;
                continue;
            }
            num[m] = a;
            den[m] = b;
            m++;
        }
        long double sa = 0, sb = 0;
        for (size_t i = 0; i < m; i++) {
            sa += num[i];
            sb += den[i];
        }
        double t0 = sb != 0 ? (double)(sa / sb) : NAN;
        double pl = NAN, ph = NAN, bl = NAN, bh = NAN;
        const char *why = m < 2 ? "fewer than two rows" : sb == 0 ? "the denominator sums to 0" : NULL;
        const char *bca_why = NULL;
        size_t dropped = 0;   /* resamples whose denominator summed to 0 */
        if (!why) {
            effekt_progress progress = cli_progress_resampling();
            effekt_bootstrap_ratio(num, den, m, B, seed, 2, rep, &progress);
            effekt_jackknife_ratio(num, den, m, L);
            if (effekt_bootstrap_intervals(t0, rep, B, L, m, o->confidence, &pl, &ph, &bl, &bh, &dropped,
                                           &bca_why) != EFFEKT_OK && isnan(pl))
                why = bca_why ? bca_why : "the bootstrap distribution is degenerate";
        }
        cJSON *row = cJSON_CreateObject();
        if (o->n_inputs > 1)
            cJSON_AddStringToObject(row, "file", path);
        cJSON_AddStringToObject(row, "group", effekt_group_label(map, g));
        cJSON_AddNumberToObject(row, "n", (double)m);
        cJSON_AddNumberToObject(row, "missing", (double)missing);
        cJSON_AddNumberToObject(row, "numerator", (double)sa);
        cJSON_AddNumberToObject(row, "denominator", (double)sb);
        cJSON_AddNumberToObject(row, "resamples_dropped", (double)dropped);
        cJSON_AddItemToObject(row, "ratio_percentile", cli_figure(t0, pl, ph, why ? why : "undefined"));
        cJSON_AddItemToObject(row, "ratio_bca", cli_figure(isnan(bl) ? NAN : t0, bl, bh,
                                                           why ? why : bca_why ? bca_why : "BCa undefined"));
        cJSON_AddItemToArray(groups, row);
    }
    free(num);
    free(den);
    free(L);
    free(rep);
    effekt_group_destroy(map);
    effekt_table_destroy(t);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_BY | OPT_CONFIDENCE | OPT_COMPARE | OPT_QUIET | OPT_BATCH,
                       compare_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    effekt_interval_method im = EFFEKT_INTERVAL_WILSON;
    effekt_adjust_method am = EFFEKT_ADJUST_HOLM;
    if ((!o.by && !o.ratio) || (!!o.outcome + !!o.value + !!o.ratio) != 1) {
        fprintf(stderr, "effekt compare: give the groups (--by COLUMN) and either an outcome (--outcome COLUMN), "
                        "a value (--value COLUMN) or a ratio (--ratio NUM/DEN)\n"
                        "Try 'effekt compare --help'.\n");
        return EXIT_BAD;
    }
    if (o.funnel && !o.outcome) {
        cli_error("compare: --funnel goes with --outcome (limits for rates)");
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
    cJSON_AddStringToObject(doc, "by", o.by ? o.by : "");
    if (o.outcome) {
        cJSON_AddStringToObject(doc, "outcome", o.outcome);
        cJSON_AddStringToObject(doc, "interval", effekt_interval_name(im));
    } else if (o.value) {
        cJSON_AddStringToObject(doc, "value", o.value);
    } else {
        cJSON_AddStringToObject(doc, "ratio", o.ratio);
        cJSON_AddNumberToObject(doc, "bootstrap", o.bootstrap ? (double)o.bootstrap : 10000);
        cJSON_AddItemToObject(doc, "seed", effekt_json_uint64(o.seed_given ? (uint64_t)o.seed : 1));
    }
    cJSON_AddNumberToObject(doc, "confidence", o.confidence);
    cJSON_AddStringToObject(doc, "adjust", am == EFFEKT_ADJUST_HOLM ? "holm" : am == EFFEKT_ADJUST_BH ? "BH" : "none");
    cJSON_AddArrayToObject(doc, "groups");
    cJSON_AddArrayToObject(doc, "tests");
    cJSON_AddArrayToObject(doc, "pairwise");
    cJSON_AddArrayToObject(doc, "warnings");
    cli_batch batch;
    cli_batch_begin(&batch, &o, doc);
    for (size_t i = 0; i < o.n_inputs; i++) {
        cli_batch_file(&batch, i);
        int rc_file = o.outcome ? run_file(&o, o.inputs[i], im, am, doc)
                      : o.value ? run_values(&o, o.inputs[i], am, doc) : run_ratio(&o, o.inputs[i], doc);
        if (!cli_batch_done(&batch, rc_file))
            break;
    }
    int status = cli_batch_end(&batch);
    if (status != EXIT_BAD) {
        effekt_sheet sheets[] = { { .path = "groups", .title = o.outcome ? "rates by group" : o.value ? "values by group" : "ratios of sums by group" },
                                  { .path = "tests", .title = "tests" },
                                  { .path = "pairwise", .title = "pairwise comparisons" } };
        int emitted = cli_emit(&o, doc, sheets, 3);
        if (emitted != EXIT_OK)
            status = emitted;
    }
    cJSON_Delete(doc);
    return status;
}
