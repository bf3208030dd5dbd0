/* effekt validate: how each column was read, and every problem. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

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
    "      --sum-by COLUMN  one row per partner: sum the rows of each COLUMN value\n"
    "                       into one project (amounts summed, dates first/last)\n"
    "  -q, --quiet          no notes on standard error\n\n"
    "Exit status: 0 clean, 1 warnings (with --strict), 2 errors or unreadable input.\n";

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
    effekt_output_sheet *sheets = calloc(2 * o.n_inputs, sizeof *sheets);
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
                effekt_diag_problem_format(&diag.items[k], buf, sizeof buf);
                fprintf(stderr, "effekt: %s\n", buf);
            }
        cJSON *f = cli_cjson(effekt_json_validation(o.inputs[i], t, st, &diag, 0, o.values));
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
        sheets[2 * i] = (effekt_output_sheet){ .path = paths[4 * i], .title = paths[4 * i + 1] };
        sheets[2 * i + 1] = (effekt_output_sheet){ .path = paths[4 * i + 2], .title = "problems" };
        if (st != EFFEKT_OK)
            worst = EXIT_BAD;
        else if (o.strict && effekt_diag_count(&diag, EFFEKT_WARNING) && worst == EXIT_OK)
            worst = EXIT_PROBLEMS;
        effekt_table_destroy(t);
        effekt_diag_clear(&diag);
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
