/* effekt validate: how each column was read, and every problem. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/date.h"
#include "cli.h"
#include "effekt/date.h"

static const char validate_usage[] =
    "Usage: effekt validate [OPTION]... FILE...\n"
    "Load each CSV file, show how every column was read (heading, canonical name,\n"
    "type, count, missing) and every problem found with file:line:column.\n\n"
    "  -f, --format FMT     table (default), csv or json\n"
    "  -o, --output FILE    write there (atomically) instead of standard output\n"
    "      --values         list every value of every column\n"
    "      --strict         exit 1 on warnings too\n"
    "      --delimiter C    ',', ';', '|' or 'tab' (default: detected)\n"
    "      --decimal-comma  ',' is the decimal mark, '.' groups thousands\n"
    "      --decimal-point  '.' is the decimal mark, ',' groups thousands\n"
    "      --encoding ENC   any name iconv knows: utf-8, windows-1250, windows-1252,\n"
    "                       iso-8859-2, utf-16le, ... (default: detected)\n"
    "      --date-order ORD dmy, mdy or ymd: the order of dates written in numbers\n"
    "                       (default: settled per column by its values)\n"
    "      --na LIST        tokens meaning missing, comma-separated (default: NA,N/A,-,.)\n"
    "      --map C=HEADING  read column HEADING as canonical column C\n"
    "  -q, --quiet          no notes on standard error\n\n"
    "Exit status: 0 clean, 1 warnings (with --strict), 2 errors or unreadable input.\n";

static cJSON *value_json(const effekt_column *col, size_t row)
{
    if (effekt_column_missing(col, row))
        return cJSON_CreateNull();
    switch (col->type) {
    case EFFEKT_TYPE_TEXT:
        return cJSON_CreateString(col->text[row]);
    case EFFEKT_TYPE_DATE: {
        char d[32];
        effekt_date_format((long)col->values[row], d);
        return cJSON_CreateString(d);
    }
    case EFFEKT_TYPE_BOOLEAN:
        return cJSON_CreateBool(col->values[row] != 0);
    default:
        return cJSON_CreateNumber(col->values[row]);
    }
}

static cJSON *column_json(const effekt_table *t, const effekt_column *col, int values)
{
    cJSON *c = cJSON_CreateObject();
    cJSON_AddNumberToObject(c, "column", (double)col->index);
    cJSON_AddStringToObject(c, "heading", col->heading);
    if (col->canonical)
        cJSON_AddStringToObject(c, "canonical", col->canonical);
    else
        cJSON_AddNullToObject(c, "canonical");
    cJSON_AddStringToObject(c, "type", effekt_type_name(col->type));
    cJSON_AddNumberToObject(c, "count", (double)(t->n_rows - col->n_missing));
    cJSON_AddNumberToObject(c, "missing", (double)col->n_missing);
    char mark[2] = { col->decimal_mark, 0 };
    cJSON_AddStringToObject(c, "decimal_mark", mark);
    const char *notes = (col->flags & EFFEKT_COLUMN_PERCENT) ? "percent"
                        : (col->flags & EFFEKT_COLUMN_GROUPED) ? "thousands grouped"
                        : col->date_order == 'd' ? "day first"
                        : col->date_order == 'm' ? "month first" : "";
    cJSON_AddStringToObject(c, "notes", notes);
    if (col->values && col->type != EFFEKT_TYPE_BOOLEAN) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t r = 0; r < t->n_rows; r++)
            if (!isnan(col->values[r])) {
                if (col->values[r] < lo) lo = col->values[r];
                if (col->values[r] > hi) hi = col->values[r];
            }
        if (col->type == EFFEKT_TYPE_DATE && lo <= hi) {
            char a[32], b[32];
            effekt_date_format((long)lo, a);
            effekt_date_format((long)hi, b);
            cJSON_AddStringToObject(c, "min", a);
            cJSON_AddStringToObject(c, "max", b);
        } else if (lo <= hi) {
            cJSON_AddNumberToObject(c, "min", lo);
            cJSON_AddNumberToObject(c, "max", hi);
        }
    }
    if (values) {
        cJSON *v = cJSON_AddArrayToObject(c, "values");
        for (size_t r = 0; r < t->n_rows; r++)
            cJSON_AddItemToArray(v, value_json(col, r));
    }
    return c;
}

static cJSON *problems_json(const effekt_diag *diag)
{
    static const char *const sev[] = { "note", "warning", "error" };
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < diag->n; i++) {
        const effekt_problem *p = &diag->items[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "severity", sev[p->severity]);
        if (p->line) cJSON_AddNumberToObject(o, "line", (double)p->line);
        else cJSON_AddNullToObject(o, "line");
        if (p->column) cJSON_AddNumberToObject(o, "column", (double)p->column);
        else cJSON_AddNullToObject(o, "column");
        cJSON_AddStringToObject(o, "message", p->message ? p->message : "");
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

int cmd_validate(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CSV | OPT_VALUES | OPT_STRICT | OPT_QUIET,
                       validate_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    /* provenance, shown in JSON (the report takes it from there) */
    o.csv.sha256 = o.format == EFFEKT_FORMAT_JSON;
    cJSON *doc = cJSON_CreateObject();
    cJSON *files = cJSON_AddArrayToObject(doc, "files");
    effekt_sheet *sheets = calloc(2 * o.n_inputs, sizeof *sheets);
    char **paths = calloc(4 * o.n_inputs, sizeof *paths);
    if (!doc || !sheets || !paths) {
        cli_error("error: out of memory");
        return EXIT_BAD;
    }
    int worst = EXIT_OK;
    for (size_t i = 0; i < o.n_inputs; i++) {
        effekt_diag diag;
        effekt_diag_init(&diag);
        effekt_table *t = NULL;
        effekt_status st = effekt_csv_load_file(o.inputs[i], &o.csv, &t, &diag);
        /* the report lists every problem; stderr gets the errors */
        for (size_t k = 0; k < diag.n; k++)
            if (diag.items[k].severity == EFFEKT_ERROR) {
                char buf[2048];
                effekt_problem_format(&diag.items[k], buf, sizeof buf);
                fprintf(stderr, "effekt: %s\n", buf);
            }
        cJSON *f = cJSON_CreateObject();
        cJSON_AddStringToObject(f, "file", o.inputs[i]);
        cJSON_AddStringToObject(f, "status", st == EFFEKT_OK ? "ok" : effekt_strerror(st));
        if (t) {
            char delim[4] = { t->delimiter, 0 };
            if (t->delimiter == '\t')
                strcpy(delim, "tab");
            if (effekt_table_sha256(t))
                cJSON_AddStringToObject(f, "sha256", effekt_table_sha256(t));
            cJSON_AddStringToObject(f, "encoding", t->encoding);
            cJSON_AddStringToObject(f, "delimiter", delim);
            cJSON_AddNumberToObject(f, "rows", (double)t->n_rows);
            cJSON *cols = cJSON_AddArrayToObject(f, "columns");
            for (size_t c = 0; c < t->n_columns; c++)
                cJSON_AddItemToArray(cols, column_json(t, &t->columns[c], o.values));
        }
        cJSON_AddItemToObject(f, "problems", problems_json(&diag));
        cJSON_AddItemToArray(files, f);
        char title[1024];
        if (t)
            snprintf(title, sizeof title, "%s: %zu rows, %s, delimiter '%s'", o.inputs[i], t->n_rows,
                     t->encoding, t->delimiter == '\t' ? "tab" : (char[]){ t->delimiter, 0 });
        else
            snprintf(title, sizeof title, "%s: not readable", o.inputs[i]);
        paths[4 * i] = malloc(64);
        paths[4 * i + 1] = strdup(title);
        paths[4 * i + 2] = malloc(64);
        snprintf(paths[4 * i], 64, "files.%zu.columns", i);
        snprintf(paths[4 * i + 2], 64, "files.%zu.problems", i);
        sheets[2 * i] = (effekt_sheet){ .path = paths[4 * i], .title = paths[4 * i + 1] };
        sheets[2 * i + 1] = (effekt_sheet){ .path = paths[4 * i + 2], .title = "problems" };
        if (st != EFFEKT_OK)
            worst = EXIT_BAD;
        else if (o.strict && effekt_diag_count(&diag, EFFEKT_WARNING) && worst == EXIT_OK)
            worst = EXIT_PROBLEMS;
        effekt_table_destroy(t);
        effekt_diag_free(&diag);
    }
    /* a problems sheet with no rows prints nothing; drop empty ones */
    size_t n_sheets = 0;
    for (size_t i = 0; i < 2 * o.n_inputs; i++) {
        const cJSON *f = cJSON_GetArrayItem(files, (int)(i / 2));
        const cJSON *probs = cJSON_GetObjectItemCaseSensitive(f, "problems");
        if (i % 2 == 1 && cJSON_GetArraySize(probs) == 0)
            continue;
        sheets[n_sheets++] = sheets[i];
    }
    /* bad input leaves no output file behind; the problems are on stderr */
    if (worst == EXIT_BAD && o.output)
        rc = EXIT_OK;
    else
        rc = cli_emit(&o, doc, sheets, n_sheets);
    for (size_t i = 0; i < 4 * o.n_inputs; i++)
        free(paths[i]);
    free(paths);
    free(sheets);
    cJSON_Delete(doc);
    return rc != EXIT_OK ? rc : worst;
}
