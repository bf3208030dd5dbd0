/* Cost per participant of every project in a CSV file, with libeffekt.
 * Build: cc example.c $(pkg-config --cflags --libs effekt) -o example */
#include <math.h>
#include <stdio.h>

#include <effekt/csv.h>
#include <effekt/kpi.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PROJECTS.csv\n", argv[0]);
        return 2;
    }
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_table *table = NULL;
    effekt_kpi_sheet *sheet = NULL;
    /* NULL options: detect delimiter, encoding, decimal mark, dates */
    effekt_status st = effekt_csv_load_file(argv[1], NULL, &table, &diag);
    if (st == EFFEKT_OK) {
        effekt_kpi_options opt = { .confidence = 0.95 };
        st = effekt_kpi_compute(table, &opt, &sheet, &diag);
    }
    for (size_t i = 0; i < diag.n; i++) {   /* problems, file:line:column */
        char msg[512];
        effekt_diag_problem_format(&diag.items[i], msg, sizeof msg);
        fprintf(stderr, "%s\n", msg);
    }
    if (st == EFFEKT_OK) {
        const effekt_kpi_def *defs = effekt_kpi_definitions();
        size_t k = (size_t)(effekt_kpi_find("cost_per_participant") - defs);
        for (size_t p = 0; p < sheet->n_projects; p++) {
            effekt_kpi_value f = effekt_kpi_figure(sheet, p, k);
            if (isnan(f.value))   /* undefined: a reason, never 0 */
                printf("%-10s n/a (%s)\n", sheet->project[p], f.reason);
            else
                printf("%-10s %.2f\n", sheet->project[p], f.value);
        }
    }
    effekt_kpi_sheet_destroy(sheet);
    effekt_table_destroy(table);
    effekt_diag_clear(&diag);
    return st == EFFEKT_OK ? 0 : 1;
}
