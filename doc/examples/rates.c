/* Placement rates by project with Wilson intervals and Pearson's
 * chi-square test of homogeneity, with libeffekt (as effekt compare
 * --by project_id --outcome placed_date).
 * Build: cc rates.c $(pkg-config --cflags --libs effekt) -o rates
 * Run:   ./rates datasets/participants.csv */
#include <stdio.h>

#include <effekt/compare.h>
#include <effekt/csv.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PARTICIPANTS.csv\n", argv[0]);
        return 2;
    }
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_table *table = NULL;
    effekt_compare_result *r = NULL;
    effekt_status st = effekt_csv_load_file(argv[1], NULL, &table, &diag);
    if (st == EFFEKT_OK) {
        effekt_compare_options opt;
        effekt_compare_options_init(&opt, EFFEKT_COMPARE_RATES);
        opt.by = "project_id";
        opt.outcome = "placed_date";   /* a date given is an event */
        opt.interval = EFFEKT_INTERVAL_WILSON;
        st = effekt_compare_run(table, &opt, &r, &diag);
    }
    for (size_t i = 0; i < diag.n; i++) {   /* problems and notes, file:line:column */
        char msg[512];
        effekt_diag_problem_format(&diag.items[i], msg, sizeof msg);
        fprintf(stderr, "%s\n", msg);
    }
    if (st == EFFEKT_OK) {
        printf("group,n,events,rate,lower,upper\n");
        for (size_t g = 0; g < r->n_groups; g++) {
            const effekt_compare_group *cg = &r->groups[g];
            printf("%s,%zu,%.17g,%.17g,%.17g,%.17g\n", cg->label, cg->n, cg->events, cg->rate.value,
                   cg->rate.lower, cg->rate.upper);
        }
        const effekt_compare_test *chi = &r->tests[0];   /* the chi-square test comes first */
        printf("chi-square,%.17g,%.17g,%.17g\n", chi->statistic, chi->df, chi->p);
    }
    effekt_compare_result_destroy(r);
    effekt_table_destroy(table);
    effekt_diag_clear(&diag);
    return st == EFFEKT_OK ? 0 : 1;
}
