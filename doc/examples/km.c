/* Retention in work by project: Kaplan–Meier curves from the date
 * columns of a participant file (placed_date to job_end_date, censored at
 * followup_date), their medians, and the log-rank test, with libeffekt
 * (as effekt retention --by project_id).
 * Build: cc km.c $(pkg-config --cflags --libs effekt) -o km
 * Run:   ./km datasets/participants.csv */
#include <stdio.h>

#include <effekt/csv.h>
#include <effekt/retention.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PARTICIPANTS.csv\n", argv[0]);
        return 2;
    }
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_table *table = NULL;
    effekt_retention_result *r = NULL;
    effekt_status st = effekt_csv_load_file(argv[1], NULL, &table, &diag);
    if (st == EFFEKT_OK) {
        effekt_retention_options opt;
        effekt_retention_options_init(&opt);
        opt.spells.by = "project_id";
        opt.spells.from = "placed_date";
        opt.spells.to = "job_end_date";
        opt.spells.censor = "followup_date";
        double at[] = { 365 };
        opt.at = at;
        opt.n_at = 1;
        st = effekt_retention_run(table, &opt, &r, &diag);
    }
    for (size_t i = 0; i < diag.n; i++) {
        char msg[512];
        effekt_diag_problem_format(&diag.items[i], msg, sizeof msg);
        fprintf(stderr, "%s\n", msg);
    }
    if (st == EFFEKT_OK) {
        printf("group,n,events,median,median_lower,retention_365d,lower,upper\n");
        for (size_t c = 0; c < r->n_curves; c++) {
            const effekt_retention_curve *k = &r->curves[c];
            printf("%s,%zu,%zu,%.17g,%.17g,%.17g,%.17g,%.17g\n", k->label, k->n, k->events, k->median.value,
                   k->median.lower, k->horizons[0].survival, k->horizons[0].lower, k->horizons[0].upper);
        }
        printf("%s,%.17g,%.17g,%.17g\n", r->test.name, r->test.chisq, r->test.df, r->test.p);
    }
    effekt_retention_result_destroy(r);
    effekt_table_destroy(table);
    effekt_diag_clear(&diag);
    return st == EFFEKT_OK ? 0 : 1;
}
