/* effekt kpi: the project-level KPI sheet. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "effekt/kpi.h"
#include "effekt/money.h"

static const char kpi_usage[] =
    "Usage: effekt kpi [OPTION]... FILE...\n"
    "Compute the KPIs of every project-level row: funding shares, cost per\n"
    "participant, company and job, target attainment, placement and retention\n"
    "rates with Wilson intervals, duration and monthly cost.  A KPI that cannot\n"
    "be computed is null with its reason, never 0 or infinity.\n\n"
    "  -f, --format FMT     table (default: the main KPIs), csv or json (all KPIs)\n"
    "  -o, --output FILE    write there (atomically) instead of standard output\n"
    "      --keep-going     a bad file is reported and left out, the others go on;\n"
    "                       a summary at the end, exit 1 (without: the first stops all)\n"
    "      --sort KPI       rank projects by a KPI (undefined values last)\n"
    "  -g, --by COLUMN      pool the KPIs per group of projects (fund, region, owner...):\n"
    "                       ratios of sums, with the median, quartiles and range of the\n"
    "                       project values\n"
    "      --currency CODE  restate amounts in CODE (e.g. EUR); DKK uses the ERM II central\n"
    "                       rate 7.46038 per EUR unless --rates gives others\n"
    "      --rates FILE     exchange rates: a CSV with currency, year, rate (per EUR)\n"
    "      --price-year Y   restate amounts in year-Y prices, with --deflator FILE\n"
    "      --deflator FILE  price index: a CSV with year, index\n"
    "      --confidence P   level of the intervals (default 0.95)\n"
    "      --sum-by COLUMN  one row per partner: sum the rows of each project first\n"
    "      --delimiter, --decimal-comma, --decimal-point, --encoding, --na, --map\n"
    "                       how to read the CSV (see effekt validate --help)\n"
    "  -q, --quiet          no notes and no progress bar on standard error\n\n"
    "Exit status: 0 success, 2 bad usage or input.  Warnings about inconsistent\n"
    "data (a stated duration the dates contradict, sources above the total, ...)\n"
    "are printed on standard error and listed in the JSON output.\n";

/* The KPIs the table format shows; csv and json show all. */
static const char *const table_kpis[] = {
    "eu_share", "cost_per_participant", "cost_per_job", "planned_cost_per_job",
    "target_attainment", "placement_rate", "duration_months", NULL
};

static cJSON *figure_json(const effekt_kpi_value *f)
{
    return cli_cjson(effekt_json_figure_of(f->value, f->lower, f->upper, f->reason));
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
    double u = effekt_kpi_figure(x->sheet, x->project, sort_kpi).value;
    double v = effekt_kpi_figure(y->sheet, y->project, sort_kpi).value;
    if (isnan(u) != isnan(v))
        return isnan(u) ? 1 : -1;
    if (!isnan(u) && u != v)
        return u < v ? -1 : 1;
    /* stable: file order */
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return x->project < y->project ? -1 : x->project > y->project;
}

/* Is the table's eu_contribution derived (total_cost x eu_rate)? */
static int eu_derived(const effekt_table *t)
{
    const effekt_column *eu = effekt_table_column(t, "eu_contribution");
    return eu && (eu->flags & EFFEKT_COLUMN_EU_DERIVED);
}

typedef struct {
    const cli_options *o;
    const project_ref *refs;
    effekt_table *const *tables;
    const effekt_kpi_def *defs;
} project_rows;

/* Row r of the projects sheet, made when the writer asks for it (it
 * deletes it). */
static cJSON *project_cjson(void *ctx, size_t r)
{
    const project_rows *pr = ctx;
    const cli_options *o = pr->o;
    const effekt_kpi_sheet *s = pr->refs[r].sheet;
    size_t p = pr->refs[r].project;
    const effekt_table *t = pr->tables[pr->refs[r].file];
    int human = o->format == EFFEKT_FORMAT_TABLE;
    cJSON *row = cJSON_CreateObject();
    if (!row)
        return NULL;
    if (o->sort) {
        /* undefined values are marked, not ranked */
        if (isnan(effekt_kpi_figure(s, p, sort_kpi).value))
            cJSON_AddNullToObject(row, "rank");
        else
            cJSON_AddNumberToObject(row, "rank", (double)(r + 1));
    }
    if (o->n_inputs > 1)
        cJSON_AddStringToObject(row, "file", o->inputs[pr->refs[r].file]);
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
    if (eu_derived(t))
        cJSON_AddTrueToObject(row, "eu_derived");
    for (size_t k = 0; k < s->n_kpis; k++) {
        int show = !human;
        for (const char *const *tk = table_kpis; *tk && !show; tk++)
            show = strcmp(*tk, pr->defs[k].name) == 0;
        if (show) {
            effekt_kpi_value f = effekt_kpi_figure(s, p, k);
            cJSON_AddItemToObject(row, pr->defs[k].name, figure_json(&f));
        }
    }
    return row;
}

/* The row as the sheet writer takes it. */
static effekt_json *project_row(void *ctx, size_t r)
{
    return cli_json(project_cjson(ctx, r));
}

/* The money plan of table t (effekt_money_plan_run), its problems
 * printed; several currencies without --currency get the advice of the
 * options that choose one.  NULL on failure. */
static effekt_money_plan *plan_money(const cli_options *o, const effekt_table *t, const effekt_rates *rates,
                                     const effekt_deflator *deflator)
{
    effekt_money_options mo = { .currency = o->currency, .price_year = o->price_year, .rates = rates,
                                .deflator = deflator };
    effekt_money_plan *plan;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_money_plan_run(t, &mo, &plan, &diag);
    if (st == EFFEKT_EINVAL && !o->currency && diag.n)
        cli_error("%s: %s; choose one currency with --currency (and --rates for rates other than the built-in DKK)",
                  t->source, diag.items[0].message);
    else
        cli_report(&diag, o->quiet);
    effekt_diag_clear(&diag);
    return st == EFFEKT_OK ? plan : NULL;
}

static cJSON *pool_json(const effekt_kpi_group *g, const effekt_kpi_def *d, size_t k, int fund)
{
    const effekt_kpi_pool *p = &g->kpi[k];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "group", g->group);
    const char *name = fund ? effekt_kpi_fund_name(g->group) : NULL;
    if (name)
        cJSON_AddStringToObject(o, "fund", name);
    cJSON_AddStringToObject(o, "kpi", d->name);
    cJSON_AddNumberToObject(o, "projects", (double)g->n_projects);
    cJSON_AddNumberToObject(o, "reporting", (double)p->n_used);
    if (p->n_impossible) {
        /* only when there are some: the pooled rate is over fewer projects than report */
        char why[160];
        snprintf(why, sizeof why, "%s exceeds %s", d->numerator, d->denominator);
        cJSON_AddNumberToObject(o, "left_out", (double)p->n_impossible);
        cJSON_AddStringToObject(o, "left_out_reason", why);
    }
    cJSON_AddItemToObject(o, "pooled", figure_json(&p->pooled));
    const double v[] = { p->median, p->q1, p->q3, p->min, p->max };
    const char *const names[] = { "median", "q1", "q3", "min", "max" };
    for (int i = 0; i < 5; i++)
        if (isnan(v[i]))
            cJSON_AddNullToObject(o, names[i]);
        else
            cJSON_AddNumberToObject(o, names[i], v[i]);
    return o;
}

/* A file in which no heading is a canonical column gives every KPI of
 * every row as undefined: a sheet of n/a and exit 0 hid that the file
 * was not read as meant (Excel's "sep=;" line taken for the header, a
 * file of another kind, a language of headings not known).  It is an
 * error, naming the headings found.  Returns EXIT_OK or EXIT_BAD. */
static int check_recognised(const cli_options *o, const effekt_table *t)
{
    for (size_t c = 0; c < t->n_columns; c++)
        if (t->columns[c].canonical)
            return EXIT_OK;
    char found[512] = "";
    size_t len = 0, shown = 0;
    for (size_t c = 0; c < t->n_columns && len < sizeof found; c++) {
        if (shown == 4) {
            len += (size_t)snprintf(found + len, sizeof found - len, ", ... (%zu in all)", t->n_columns);
            break;
        }
        len += (size_t)snprintf(found + len, sizeof found - len, "%s'%s'", shown ? ", " : "",
                                t->columns[c].heading);
        shown++;
    }
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_diag_add(&diag, EFFEKT_ERROR, t->source, t->header_line, 0, NULL, NULL,
                    "no column that kpi knows among the headings %s (expected project-level "
                    "columns such as project_id, total_cost, participants, jobs_created; "
                    "'effekt validate' shows how each heading was read, --map C=HEADING names one)",
                    found);
    cli_report(&diag, o->quiet);
    effekt_diag_clear(&diag);
    return EXIT_BAD;
}

/* The pooled groups of every file (--by), kept until they are written:
 * row r of the groups sheet is made from them when the writer asks (50,000
 * groups held as cJSON took 1.5 GB). */
typedef struct {
    const cli_options *o;
    effekt_table **tables;
    effekt_kpi_group **groups;    /* per file; NULL for a failed file */
    size_t *n_groups;
    size_t shown[32], n_shown;    /* the KPIs shown: all, or table_kpis for people */
} group_rows;

static cJSON *group_cjson(void *ctx, size_t r)
{
    const group_rows *gr = ctx;
    const effekt_kpi_def *defs = effekt_kpi_definitions();
    for (size_t i = 0; i < gr->o->n_inputs; i++) {
        size_t here = gr->n_groups[i] * gr->n_shown;
        if (r >= here) {
            r -= here;
            continue;
        }
        size_t g = r / gr->n_shown, k = gr->shown[r % gr->n_shown];
        const effekt_column *bc = effekt_table_column(gr->tables[i], gr->o->by);
        int fund = bc && bc->canonical && strcmp(bc->canonical, "fund") == 0;
        cJSON *row = pool_json(&gr->groups[i][g], &defs[k], k, fund);
        if (row && gr->o->n_inputs > 1)
            cJSON_AddStringToObject(row, "file", gr->o->inputs[i]);
        return row;
    }
    return NULL;
}

static effekt_json *group_row(void *ctx, size_t r)
{
    return cli_json(group_cjson(ctx, r));
}

/* KPIs of input i into sheets[i] (its table in tables[i]), its groups
 * into store, warnings and provenance added to doc. */
static int run_file(const cli_options *o, size_t i, const effekt_rates *rates, const effekt_deflator *deflator,
                    effekt_table **tables, effekt_kpi_sheet **sheets, group_rows *store, cJSON *doc)
{
    effekt_status st;
    tables[i] = cli_load(o, o->inputs[i], &st);
    if (st != EFFEKT_OK)
        return EXIT_BAD;
    if (check_recognised(o, tables[i]) != EXIT_OK)
        return EXIT_BAD;
    effekt_money_plan *plan = plan_money(o, tables[i], rates, deflator);
    if (!plan)
        return EXIT_BAD;
    effekt_kpi_options kopt = { .confidence = o->confidence };
    effekt_money_plan_kpi_options(plan, &kopt);
    effekt_diag diag;
    effekt_diag_init(&diag);
    st = effekt_kpi_compute(tables[i], &kopt, &sheets[i], &diag);
    if (st == EFFEKT_OK && o->by) {
        st = effekt_kpi_group_by(tables[i], sheets[i], o->by, &kopt, &store->groups[i], &store->n_groups[i],
                                 &diag);
        if (st == EFFEKT_OK && !cJSON_GetObjectItemCaseSensitive(doc, "groups")) {
            /* the rows are made as they are written (group_row) */
            cJSON_AddStringToObject(doc, "by", o->by);
            cJSON_AddArrayToObject(doc, "groups");
        }
    }
    effekt_money_plan_destroy(plan);
    cli_report(&diag, o->quiet);
    for (size_t k = 0; k < diag.n; k++) {
        cJSON *w = cJSON_CreateObject();
        cJSON_AddStringToObject(w, "file", o->inputs[i]);
        cJSON_AddNumberToObject(w, "line", (double)diag.items[k].line);
        cJSON_AddStringToObject(w, "message", diag.items[k].message);
        cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(doc, "warnings"), w);
    }
    effekt_diag_clear(&diag);
    if (st != EFFEKT_OK) {
        cli_error("%s: %s", o->inputs[i], effekt_status_message(st));
        return EXIT_BAD;
    }
    cJSON *in = cJSON_CreateObject();
    cJSON_AddStringToObject(in, "file", o->inputs[i]);
    cJSON_AddNumberToObject(in, "rows", (double)tables[i]->n_rows);
    /* of the bytes the loader read: opening the file again to hash it
     * hung on a FIFO and could not hash standard input */
    const char *hex = effekt_table_sha256(tables[i]);
    if (hex)
        cJSON_AddStringToObject(in, "sha256", hex);
    else
        cJSON_AddNullToObject(in, "sha256");
    cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(doc, "inputs"), in);
    return EXIT_OK;
}

int cmd_kpi(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv,
                       OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_CONFIDENCE | OPT_SORT | OPT_QUIET | OPT_BY
                           | OPT_CURRENCY | OPT_BATCH,
                       kpi_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    o.csv.sha256 = 1;   /* the inputs' provenance */
    const effekt_kpi_def *defs = effekt_kpi_definitions();
    if (o.sort) {
        const effekt_kpi_def *d = effekt_kpi_find(o.sort);
        if (!d) {
            cli_error("kpi: --sort: unknown KPI '%s'", o.sort);
            return EXIT_BAD;
        }
        sort_kpi = (size_t)(d - defs);
    }
    if (o.price_year && !o.deflator) {
        cli_error("kpi: --price-year needs --deflator FILE (a CSV with year, index); none is built in");
        return EXIT_BAD;
    }
    if (o.deflator && !o.price_year) {
        cli_error("kpi: --deflator needs --price-year YEAR, the year to restate amounts in");
        return EXIT_BAD;
    }
    if (o.rates && !o.currency) {
        cli_error("kpi: --rates needs --currency CODE, the currency to restate amounts in");
        return EXIT_BAD;
    }
    effekt_rates rates = { 0 };
    effekt_deflator deflator = { 0 };
    {
        effekt_diag d;
        effekt_diag_init(&d);
        effekt_status st = o.currency ? effekt_rates_load(o.rates, &rates, &d) : EFFEKT_OK;
        if (st == EFFEKT_OK && o.deflator)
            st = effekt_deflator_load(o.deflator, &deflator, &d);
        cli_report(&d, o.quiet);
        effekt_diag_clear(&d);
        if (st != EFFEKT_OK) {
            effekt_rates_clear(&rates);
            effekt_deflator_clear(&deflator);
            return EXIT_BAD;
        }
    }
    effekt_kpi_sheet **sheets = calloc(o.n_inputs, sizeof *sheets);
    effekt_table **tables = calloc(o.n_inputs, sizeof *tables);
    group_rows store = { .o = &o, .tables = tables, .groups = calloc(o.n_inputs, sizeof *store.groups),
                         .n_groups = calloc(o.n_inputs, sizeof *store.n_groups) };
    for (size_t k = 0; defs[k].name && store.n_shown < sizeof store.shown / sizeof *store.shown; k++) {
        int show = o.format != EFFEKT_FORMAT_TABLE;
        for (const char *const *tk = table_kpis; *tk && !show; tk++)
            show = strcmp(*tk, defs[k].name) == 0;
        if (show)
            store.shown[store.n_shown++] = k;
    }
    cJSON *doc = cJSON_CreateObject();
    if (!sheets || !tables || !doc || !store.groups || !store.n_groups) {
        cli_error("out of memory");
        free(store.groups);
        free(store.n_groups);
        free(sheets);
        free(tables);
        cJSON_Delete(doc);
        effekt_rates_clear(&rates);
        effekt_deflator_clear(&deflator);
        return EXIT_BAD;
    }
    cJSON_AddNumberToObject(doc, "confidence", o.confidence);
    cJSON_AddArrayToObject(doc, "inputs");
    cJSON_AddArrayToObject(doc, "warnings");
    size_t total = 0;
    cli_batch batch;
    cli_batch_begin(&batch, &o, doc);
    for (size_t i = 0; i < o.n_inputs; i++) {
        cli_batch_file(&batch, i);
        if (run_file(&o, i, &rates, &deflator, tables, sheets, &store, doc) != EXIT_OK) {
            /* a failed file takes no part in the results */
            effekt_kpi_groups_destroy(store.groups[i], store.n_groups[i]);
            store.groups[i] = NULL;
            store.n_groups[i] = 0;
            effekt_kpi_sheet_destroy(sheets[i]);
            effekt_table_destroy(tables[i]);
            sheets[i] = NULL;
            tables[i] = NULL;
            if (!cli_batch_done(&batch, EXIT_BAD))
                break;
            continue;
        }
        cli_batch_done(&batch, EXIT_OK);
        total += sheets[i]->n_projects;
    }
    int status = cli_batch_end(&batch);
    if (status != EXIT_BAD) {
        project_ref *refs = calloc(total ? total : 1, sizeof *refs);
        size_t n = 0;
        for (size_t i = 0; i < o.n_inputs; i++)
            for (size_t p = 0; sheets[i] && p < sheets[i]->n_projects; p++)
                refs[n++] = (project_ref){ .sheet = sheets[i], .project = p, .file = i };
        if (o.sort)
            qsort(refs, n, sizeof *refs, by_kpi);
        /* the rows are made one at a time as they are written: a sheet of
         * 100,000 projects held as cJSON took 9 KB (CSV) to 16 KB (JSON)
         * a project */
        project_rows rows = { .o = &o, .refs = refs, .tables = tables, .defs = defs };
        cJSON_AddArrayToObject(doc, "projects");
        int any_derived = 0;
        for (size_t i = 0; i < o.n_inputs; i++)
            any_derived |= tables[i] && eu_derived(tables[i]);
        if (any_derived) {
            /* said in every format: a field in JSON and CSV, a note under the table */
            cJSON *d = cJSON_AddObjectToObject(doc, "derived");
            cJSON_AddStringToObject(d, "eu_contribution", "total_cost x eu_rate");
            cJSON *notes = cJSON_AddArrayToObject(doc, "notes");
            cJSON *nrow = cJSON_CreateObject();
            /* short: the table cuts text at 41 characters */
            cJSON_AddStringToObject(nrow, "note", "eu_derived: EU amount = total x EU rate");
            cJSON_AddItemToArray(notes, nrow);
        }
        int has_groups = cJSON_GetObjectItemCaseSensitive(doc, "groups") != NULL;
        size_t n_group_rows = 0;
        for (size_t i = 0; i < o.n_inputs; i++)
            n_group_rows += store.n_groups[i] * store.n_shown;
        effekt_money_options mo = { .currency = o.currency, .price_year = o.price_year };
        effekt_money_json_settings(&mo, cli_json(doc));
        effekt_output_sheet out_sheets[] = { { .path = "projects", .title = NULL, .row = project_row, .ctx = &rows,
                                        .n_rows = n },
                                      { .path = "groups", .title = "pooled by group (ratios of sums)",
                                        .row = has_groups ? group_row : NULL, .ctx = &store,
                                        .n_rows = n_group_rows },
                                      { .path = "notes", .title = "notes" } };
        int emitted = cli_emit(&o, doc, out_sheets, any_derived && o.format == EFFEKT_FORMAT_TABLE ? 3 : 2);
        if (emitted != EXIT_OK)
            status = emitted;
        free(refs);
    }
    for (size_t i = 0; i < o.n_inputs; i++) {
        effekt_kpi_groups_destroy(store.groups[i], store.n_groups[i]);
        effekt_kpi_sheet_destroy(sheets[i]);
        effekt_table_destroy(tables[i]);
    }
    free(store.groups);
    free(store.n_groups);
    free(sheets);
    free(tables);
    cJSON_Delete(doc);
    effekt_rates_clear(&rates);
    effekt_deflator_clear(&deflator);
    return status;
}
