/* libFuzzer harness: the CSV loader on any bytes, then what every command
 * does with a loaded table (KPIs, summaries, partials).
 *
 * The first byte chooses the reading options (csv_options.h); the rest
 * is the file. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/csv.h"
#include "effekt/kpi.h"
#include "effekt/partial.h"
#include "effekt/stats.h"
#include "csv_options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void exercise(const effekt_table *t)
{
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_kpi_options ko = { .confidence = 0.95 };
    effekt_kpi_sheet *sheet = NULL;
    if (effekt_kpi_compute(t, &ko, &sheet, &diag) == EFFEKT_OK && sheet) {
        effekt_kpi_group *g = NULL;
        size_t ng = 0;
        if (t->n_columns > 0 &&
            effekt_kpi_group_by(t, sheet, t->columns[0].heading, &ko, &g, &ng, &diag) == EFFEKT_OK)
            effekt_kpi_groups_destroy(g, ng);
        effekt_kpi_sheet_destroy(sheet);
    }
    effekt_diag_clear(&diag);

    double *work = malloc((t->n_rows ? t->n_rows : 1) * 2 * sizeof *work);
    if (!work)
        return;
    for (size_t c = 0; c < t->n_columns; c++) {
        const effekt_column *col = &t->columns[c];
        if (!col->values)
            continue;
        effekt_stats_options o = { .confidence = 0.95, .quantile_type = (int)(c % 9) + 1,
                                      .n_percentiles = 2, .percentiles = { 5, 90 },
                                      .decimals = col->decimals };
        effekt_stats_summary s;
        effekt_stats_describe(col->values, t->n_rows, &o, work, &s);
        effekt_partial p;
        if (effekt_partial_compute(col->values, t->n_rows, col->decimals, &p) == EFFEKT_OK) {
            effekt_partial q;
            if (effekt_partial_compute(col->values, t->n_rows, col->decimals, &q) == EFFEKT_OK) {
                /* the same values twice: the same id, which merge refuses;
                 * name them as two places to merge them */
                effekt_partial_identify(&q, "second");
                effekt_partial_merge(&p, &q);
                effekt_partial_clear(&q);
            }
            effekt_partial_summary(&p, 0.95, &s);
            effekt_partial_clear(&p);
        }
    }
    free(work);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    effekt_csv_options opt = fuzz_csv_options(data[0]);
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_table *t = NULL;
    effekt_csv_load_buffer(data + 1, size - 1, "fuzz.csv", &opt, &t, &diag);
    /* every problem must format without overrunning */
    char buf[256];
    for (size_t i = 0; i < diag.n; i++)
        effekt_diag_problem_format(&diag.items[i], buf, sizeof buf);
    effekt_diag_clear(&diag);
    if (t) {
        exercise(t);
        effekt_table_destroy(t);
    }
    return 0;
}
