/* effekt — statistical evaluation of labour-market and talent projects.
 * The binary is a thin layer over libeffekt: a table of subcommands. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "effekt/chart.h"

static const cli_command commands[] = {
    { .name = "validate", .run = cmd_validate,
      .summary = "load files, show how each column was read, report problems" },
    { .name = "kpi", .run = cmd_kpi,
      .summary = "project KPIs: cost per job, funding shares, attainment, rates" },
    { .name = "describe", .run = cmd_describe,
      .summary = "descriptive statistics of numeric columns, by group" },
    { .name = "compare", .run = cmd_compare,
      .summary = "rates, values and ratios between groups: intervals, tests, effect sizes" },
    { .name = "retention", .run = cmd_retention,
      .summary = "retention and time to job: Kaplan-Meier curves, log-rank tests" },
    { .name = "model", .run = cmd_model,
      .summary = "regression: linear, logistic, Poisson; robust and cluster-robust errors" },
    { .name = "meta", .run = cmd_meta,
      .summary = "random-effects pooling of projects' rates or effects, prediction interval" },
    { .name = "merge", .run = cmd_merge,
      .summary = "combine partial summaries (describe --partial) into one answer" },
    { .name = "report", .run = cmd_report,
      .summary = "the evaluation report from a spec: PDF, results.json, charts" },
    { .name = "plot", .run = cmd_plot,
      .summary = "charts: bar, stacked, forest, funnel, km, box, hist, scatter, timeline" },
    { .name = NULL }
};

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: effekt COMMAND [OPTION]... FILE...\n"
            "Statistical evaluation of labour-market and talent projects.\n\n"
            "Commands:\n");
    for (const cli_command *c = commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out,
            "\n'effekt COMMAND --help' describes a command's options.\n"
            "Exit status: 0 success, 1 problems found that were asked to fail on,\n"
            "2 bad usage or bad input.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_BAD;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        if (argc > 2 && strcmp(name, "help") == 0) {
            for (const cli_command *c = commands; c->name; c++)
                if (strcmp(c->name, argv[2]) == 0) {
                    char *args[] = { argv[2], "--help", NULL };
                    return c->run(2, args);
                }
        }
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("effekt %s\n", PACKAGE_VERSION);
        return EXIT_OK;
    }
    for (const cli_command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0) {
            int rc = c->run(argc - 1, argv + 1);
            /* cairo's font caches, so that leak checkers see only ours */
            effekt_chart_release_fonts();
            return rc;
        }
    fprintf(stderr, "effekt: unknown command '%s'; the commands are:", name);
    for (const cli_command *c = commands; c->name; c++)
        fprintf(stderr, " %s", c->name);
    fprintf(stderr, "\n");
    return EXIT_BAD;
}
