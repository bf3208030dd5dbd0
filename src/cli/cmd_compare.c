/* effekt compare: rates, values or ratios between groups.  The analysis
 * is the library's (effekt_compare_run); here the options are read, the
 * results written and the problems said in the command line's words. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/compare.h"

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
    "      --adjust COLUMNS  with --outcome, columns other than holm, bh, none: the\n"
    "                        case-mix adjusted comparison (also --case-mix COLUMNS): a\n"
    "                        pooled logistic model of the outcome on COLUMNS (without the\n"
    "                        groups), each group's expected events E = the sum of its\n"
    "                        fitted probabilities, O/E with the exact Poisson interval of\n"
    "                        O (as poisson.test), and its place in a funnel of O/E against\n"
    "                        E: exact Poisson 95 % and 99.8 % limits around 1\n"
    "      --overdispersion M  none (default), multiplicative (phi) or additive\n"
    "                        (random-effects tau^2): limits widened as Spiegelhalter (2005)\n"
    "      --ref COL=LEVEL   the reference level of a text case-mix column\n"
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

/* The problems of one file as the command line says them: errors and
 * warnings always, notes unless --quiet; notes also into the document's
 * "notes" (made on the first).  A problem that concerns an option names
 * its flag. */
static void say_problems(const cli_options *o, const char *path, const effekt_diag *diag, cJSON *doc)
{
    for (size_t i = 0; i < diag->n; i++) {
        const effekt_diag_problem *p = &diag->items[i];
        char text[1024];
        cli_problem_text(p, text, sizeof text);
        if (p->severity == EFFEKT_NOTE) {
            char note[1200];
            snprintf(note, sizeof note, "%s: %s", path, text);
            cJSON *notes = cJSON_GetObjectItemCaseSensitive(doc, "notes");
            if (!notes)
                notes = cJSON_AddArrayToObject(doc, "notes");
            cJSON_AddItemToArray(notes, cJSON_CreateString(note));
            if (o->quiet)
                continue;
        }
        cli_say_problem(path, p);
    }
}

static int run_file(const cli_options *o, const effekt_compare_options *co, const char *path, cJSON *doc)
{
    effekt_table *t = cli_load_table(o, path);
    if (!t)
        return EXIT_BAD;
    effekt_compare_options file_co = *co;
    file_co.progress = cli_progress_resampling();   /* the bar of this file */
    effekt_compare_result *r = NULL;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_compare_run(t, &file_co, &r, &diag);
    say_problems(o, path, &diag, doc);
    if (st == EFFEKT_OK)
        st = effekt_compare_json(r, o->n_inputs > 1 ? path : NULL, path, cli_json(doc));
    else if (!diag.n_by_severity[EFFEKT_ERROR])
        cli_error("%s: error: %s", path, effekt_status_message(st));
    effekt_compare_result_destroy(r);
    effekt_diag_clear(&diag);
    effekt_table_destroy(t);
    return st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
}

int cmd_compare(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_BY | OPT_CONFIDENCE | OPT_COMPARE | OPT_CASEMIX | OPT_QUIET | OPT_BATCH,
                       compare_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if ((!o.by && !o.ratio) || (!!o.outcome + !!o.value + !!o.ratio) != 1) {
        fprintf(stderr, "effekt compare: give the groups (--by COLUMN) and either an outcome (--outcome COLUMN), "
                        "a value (--value COLUMN) or a ratio (--ratio NUM/DEN)\n"
                        "Try 'effekt compare --help'.\n");
        return EXIT_BAD;
    }
    /* --adjust names columns (not a p-value method) with --outcome: the case-mix adjusted comparison */
    effekt_adjust_method method;
    if (o.outcome && o.adjust && effekt_adjust_parse(o.adjust, &method) != EFFEKT_OK && !o.case_mix)
        o.case_mix = o.adjust;
    if (o.case_mix)
        return cli_compare_casemix(&o, o.case_mix);
    if (o.overdispersion || o.n_refs) {
        cli_usage_error("compare", "--%s goes with case-mix adjustment (--adjust COLUMNS)",
                        o.overdispersion ? "overdispersion" : "ref");
        return EXIT_BAD;
    }
    effekt_compare_options co;
    effekt_compare_options_init(&co, o.outcome ? EFFEKT_COMPARE_RATES : o.value ? EFFEKT_COMPARE_VALUES
                                                                               : EFFEKT_COMPARE_RATIO);
    if (o.funnel && !o.outcome) {
        cli_usage_error("compare", "--funnel goes with --outcome (limits for rates)");
        return EXIT_BAD;
    }
    if (o.interval && effekt_interval_parse(o.interval, &co.interval) != EFFEKT_OK) {
        cli_usage_error("compare", "--interval: '%s' (expected wilson, clopper-pearson or agresti-coull)", o.interval);
        return EXIT_BAD;
    }
    if (o.adjust && effekt_adjust_parse(o.adjust, &co.adjust) != EFFEKT_OK) {
        cli_usage_error("compare", "--adjust: '%s' (expected holm, bh or none)", o.adjust);
        return EXIT_BAD;
    }
    char ratio[512] = "";
    if (o.ratio) {
        snprintf(ratio, sizeof ratio, "%s", o.ratio);
        char *slash = strchr(ratio, '/');
        if (!slash || slash == ratio || !slash[1]) {
            cli_usage_error("compare", "--ratio expects NUMERATOR/DENOMINATOR, e.g. cost/placed_date (got '%s')", o.ratio);
            return EXIT_BAD;
        }
        *slash = '\0';
        co.numerator = ratio;
        co.denominator = slash + 1;
    }
    co.by = o.by;
    co.outcome = o.outcome;
    co.value = o.value;
    co.confidence = o.confidence;
    co.funnel = o.funnel;
    co.pairwise_limit = o.pairwise_given ? o.pairwise : EFFEKT_COMPARE_PAIRWISE_DEFAULT;
    co.pairwise_asked = o.pairwise_given;
    if (o.bootstrap)
        co.bootstrap = (size_t)o.bootstrap;
    if (o.seed_given)
        co.seed = o.seed;
    cJSON *doc = cJSON_CreateObject();
    effekt_compare_json_head(&co, cli_json(doc));
    cli_batch batch;
    cli_batch_begin(&batch, &o, doc);
    for (size_t i = 0; i < o.n_inputs; i++) {
        cli_batch_file(&batch, i);
        if (!cli_batch_done(&batch, run_file(&o, &co, o.inputs[i], doc)))
            break;
    }
    effekt_output_sheet sheets[] = { { .path = "groups", .title = o.outcome ? "rates by group" : o.value ? "values by group" : "ratios of sums by group" },
                                  { .path = "tests", .title = "tests" },
                                  { .path = "pairwise", .title = "pairwise comparisons" } };
    return cli_batch_finish(&batch, sheets, 3);
}
