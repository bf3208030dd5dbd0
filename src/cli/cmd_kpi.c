/* effekt kpi: the project-level KPI sheet. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/kpi.h"
#include "effekt/sha256.h"

static const char kpi_usage[] =
    "Usage: effekt kpi [OPTION]... FILE...\n"
    "Compute the KPIs of every project-level row: funding shares, cost per\n"
    "participant, company and job, target attainment, placement and retention\n"
    "rates with Wilson intervals, duration and monthly cost.  A KPI that cannot\n"
    "be computed is null with its reason, never 0 or infinity.\n\n"
    "  -f, --format FMT     table (default: the main KPIs), csv or json (all KPIs)\n"
    "  -o, --output FILE    write there (atomically) instead of standard output\n"
    "      --sort KPI       rank projects by a KPI (undefined values last)\n"
    "      --confidence P   level of the intervals (default 0.95)\n"
    "      --delimiter, --decimal-comma, --decimal-point, --encoding, --na, --map\n"
    "                       how to read the CSV (see effekt validate --help)\n"
    "  -q, --quiet          no notes on standard error\n\n"
    "Exit status: 0 success, 2 bad usage or input.  Warnings about inconsistent\n"
    "data (a stated duration the dates contradict, sources above the total, ...)\n"
    "are printed on standard error and listed in the JSON output.\n";

/* The KPIs the table format shows; csv and json show all. */
static const char *const table_kpis[] = {
    "eu_share", "cost_per_participant", "cost_per_job", "planned_cost_per_job",
    "target_attainment", "placement_rate", "duration_months", NULL
};

static cJSON *figure_json(const effekt_figure *f)
{
    cJSON *o = cJSON_CreateObject();
    if (isnan(f->value)) {
        cJSON_AddNullToObject(o, "value");
        cJSON_AddStringToObject(o, "reason", f->reason);
        return o;
    }
    cJSON_AddNumberToObject(o, "value", f->value);
    if (!isnan(f->lower)) {
        cJSON_AddNumberToObject(o, "lower", f->lower);
        cJSON_AddNumberToObject(o, "upper", f->upper);
    }
    return o;
}

typedef struct {
    const effekt_kpi_sheet *sheet;
    size_t project;
    size_t file;
} project_ref;

static size_t sort_kpi;
static int by_kpi(const void *a, const void *b)
{
    const project_ref *x = a, *y = b;
    double u = effekt_kpi_figure(x->sheet, x->project, sort_kpi)->value;
    double v = effekt_kpi_figure(y->sheet, y->project, sort_kpi)->value;
    if (isnan(u) != isnan(v))
        return isnan(u) ? 1 : -1;
    if (!isnan(u) && u != v)
        return u < v ? -1 : 1;
    /* stable: file order */
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return x->project < y->project ? -1 : x->project > y->project;
}

int cmd_kpi(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_CONFIDENCE | OPT_SORT | OPT_QUIET,
                       kpi_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    const effekt_kpi_def *defs = effekt_kpi_definitions();
    if (o.sort) {
        const effekt_kpi_def *d = effekt_kpi_find(o.sort);
        if (!d) {
            cli_error("kpi: --sort: unknown KPI '%s'", o.sort);
            return EXIT_BAD;
        }
        sort_kpi = (size_t)(d - defs);
    }
    effekt_kpi_sheet **sheets = calloc(o.n_inputs, sizeof *sheets);
    effekt_table **tables = calloc(o.n_inputs, sizeof *tables);
    cJSON *doc = cJSON_CreateObject();
    if (!sheets || !tables || !doc) {
        cli_error("out of memory");
        return EXIT_BAD;
    }
    cJSON_AddNumberToObject(doc, "confidence", o.confidence);
    cJSON *inputs = cJSON_AddArrayToObject(doc, "inputs");
    cJSON *warnings = cJSON_AddArrayToObject(doc, "warnings");
    int status = EXIT_OK;
    size_t total = 0;
    for (size_t i = 0; i < o.n_inputs && status == EXIT_OK; i++) {
        effekt_status st;
        tables[i] = cli_load(&o, o.inputs[i], &st);
        if (st != EFFEKT_OK) {
            status = EXIT_BAD;
            break;
        }
        effekt_diag diag;
        effekt_diag_init(&diag);
        st = effekt_kpi_compute(tables[i], o.confidence, &sheets[i], &diag);
        cli_report(&diag, o.quiet);
        for (size_t k = 0; k < diag.n; k++) {
            cJSON *w = cJSON_CreateObject();
            cJSON_AddStringToObject(w, "file", o.inputs[i]);
            cJSON_AddNumberToObject(w, "line", (double)diag.items[k].line);
            cJSON_AddStringToObject(w, "message", diag.items[k].message);
            cJSON_AddItemToArray(warnings, w);
        }
        effekt_diag_free(&diag);
        if (st != EFFEKT_OK) {
            cli_error("%s: %s", o.inputs[i], effekt_strerror(st));
            status = EXIT_BAD;
            break;
        }
        cJSON *in = cJSON_CreateObject();
        cJSON_AddStringToObject(in, "file", o.inputs[i]);
        cJSON_AddNumberToObject(in, "rows", (double)tables[i]->n_rows);
        char hex[65];
        if (strcmp(o.inputs[i], "-") != 0 && effekt_sha256_file(o.inputs[i], hex) == EFFEKT_OK)
            cJSON_AddStringToObject(in, "sha256", hex);
        else
            cJSON_AddNullToObject(in, "sha256");
        cJSON_AddItemToArray(inputs, in);
        total += sheets[i]->n_projects;
    }
    if (status == EXIT_OK) {
        project_ref *refs = calloc(total ? total : 1, sizeof *refs);
        size_t n = 0;
        for (size_t i = 0; i < o.n_inputs; i++)
            for (size_t p = 0; p < sheets[i]->n_projects; p++)
                refs[n++] = (project_ref){ .sheet = sheets[i], .project = p, .file = i };
        if (o.sort)
            qsort(refs, n, sizeof *refs, by_kpi);
        int human = o.format == EFFEKT_FORMAT_TABLE;
        cJSON *projects = cJSON_AddArrayToObject(doc, "projects");
        for (size_t r = 0; r < n; r++) {
            const effekt_kpi_sheet *s = refs[r].sheet;
            size_t p = refs[r].project;
            const effekt_table *t = tables[refs[r].file];
            cJSON *row = cJSON_CreateObject();
            if (o.n_inputs > 1)
                cJSON_AddStringToObject(row, "file", o.inputs[refs[r].file]);
            cJSON_AddStringToObject(row, "project", s->project[p]);
            if (s->name[p])
                cJSON_AddStringToObject(row, "name", s->name[p]);
            else
                cJSON_AddNullToObject(row, "name");
            if (!human) {
                cJSON_AddNumberToObject(row, "line", (double)s->line[p]);
                const effekt_column *cur = effekt_table_column(t, "currency");
                if (cur && cur->type == EFFEKT_TYPE_TEXT && cur->text[p])
                    cJSON_AddStringToObject(row, "currency", cur->text[p]);
                else
                    cJSON_AddNullToObject(row, "currency");
            }
            for (size_t k = 0; k < s->n_kpis; k++) {
                int show = !human;
                for (const char *const *tk = table_kpis; *tk && !show; tk++)
                    show = strcmp(*tk, defs[k].name) == 0;
                if (show)
                    cJSON_AddItemToObject(row, defs[k].name, figure_json(effekt_kpi_figure(s, p, k)));
            }
            cJSON_AddItemToArray(projects, row);
        }
        free(refs);
        effekt_sheet out_sheets[] = { { .path = "projects", .title = NULL } };
        status = cli_emit(&o, doc, out_sheets, 1);
    }
    for (size_t i = 0; i < o.n_inputs; i++) {
        effekt_kpi_sheet_destroy(sheets[i]);
        effekt_table_destroy(tables[i]);
    }
    free(sheets);
    free(tables);
    cJSON_Delete(doc);
    return status;
}
