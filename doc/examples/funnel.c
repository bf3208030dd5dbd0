/* A funnel plot of placement rates by project, written as SVG, with
 * libeffekt: the rates counted by the compare analysis, the chart built
 * by the library's builder (exact binomial 95 % and 99.8 % limits around
 * the pooled rate) and drawn by its renderer (as effekt plot funnel
 * --outcome placed_date --by project_id).
 * Build: cc funnel.c $(pkg-config --cflags --libs effekt) -o funnel
 * Run:   ./funnel datasets/participants.csv funnel.svg */
#include <stdio.h>
#include <stdlib.h>

#include <effekt/chart.h>
#include <effekt/compare.h>
#include <effekt/csv.h>
#include <effekt/version.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s PARTICIPANTS.csv OUT.svg\n", argv[0]);
        return 2;
    }
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_table *table = NULL;
    effekt_compare_result *r = NULL;
    effekt_chart *chart = NULL;
    const char **labels = NULL;
    double *events = NULL, *trials = NULL;
    effekt_status st = effekt_csv_load_file(argv[1], NULL, &table, &diag);
    if (st == EFFEKT_OK) {
        effekt_compare_options opt;
        effekt_compare_options_init(&opt, EFFEKT_COMPARE_RATES);
        opt.by = "project_id";
        opt.outcome = "placed_date";   /* a date given is an event */
        st = effekt_compare_run(table, &opt, &r, &diag);
    }
    if (st == EFFEKT_OK) {
        /* the counts per group, as the chart builder takes them */
        labels = calloc(r->n_groups + 1, sizeof *labels);
        events = calloc(r->n_groups + 1, sizeof *events);
        trials = calloc(r->n_groups + 1, sizeof *trials);
        st = labels && events && trials ? EFFEKT_OK : EFFEKT_ENOMEM;
        for (size_t g = 0; st == EFFEKT_OK && g < r->n_groups; g++) {
            labels[g] = r->groups[g].label;
            events[g] = r->groups[g].events;
            trials[g] = (double)r->groups[g].n;
        }
    }
    if (st == EFFEKT_OK) {
        effekt_chart_rates in = { .outcome = "placed_date", .by = "project_id", .n_groups = r->n_groups,
                                  .labels = labels, .events = events, .trials = trials };
        effekt_chart_options co = { .locale = NULL, .confidence = 0.95 };
        st = effekt_chart_build_rates(EFFEKT_CHART_FUNNEL, &in, &co, &chart, &diag);
    }
    if (st == EFFEKT_OK) {
        const effekt_table *tables[] = { table };
        const char *sources[] = { argv[1] };
        st = effekt_chart_caption(chart, tables, 1, sources, 1, effekt_version(), NULL);
    }
    if (st == EFFEKT_OK) {
        FILE *out = fopen(argv[2], "wb");
        effekt_chart_page page = { 0 };   /* 170 mm wide, the height the kind chooses */
        st = out ? effekt_chart_render(chart, &page, EFFEKT_CHART_SVG, out, NULL, &diag) : EFFEKT_EIO;
        if (out && fclose(out) != 0 && st == EFFEKT_OK)
            st = EFFEKT_EIO;
    }
    for (size_t i = 0; i < diag.n; i++) {   /* problems and notes, file:line:column */
        char msg[512];
        effekt_diag_problem_format(&diag.items[i], msg, sizeof msg);
        fprintf(stderr, "%s\n", msg);
    }
    free(labels);
    free(events);
    free(trials);
    effekt_chart_destroy(chart);
    effekt_compare_result_destroy(r);
    effekt_table_destroy(table);
    effekt_diag_clear(&diag);
    effekt_chart_release_fonts();
    return st == EFFEKT_OK ? 0 : 1;
}
