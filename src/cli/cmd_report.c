/* effekt report SPEC.json -o OUT_DIR: the whole evaluation from one spec.
 * libeffekt reads the spec, loads each input once, runs the analyses,
 * builds the document and writes the folder (effekt/report.h); this file
 * parses the options, refuses an OUT_DIR whose files would replace an
 * input, and says the problems. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/report.h"

static const char report_usage[] =
    "Usage: effekt report SPEC.json -o OUT_DIR\n"
    "Run the evaluation a spec describes (a final evaluation of one project or a\n"
    "portfolio of many) and write OUT_DIR/report.pdf (A4), report.html,\n"
    "report.docx, results.json (every number in the report), tables/ID.csv (each\n"
    "table as shown), the charts (charts/NAME.png and .svg) and each part's JSON\n"
    "(data/).\n"
    "File names in the spec are relative to the spec's folder.  The same spec\n"
    "and data give the same bytes.  datasets/report-spec.json is an example\n"
    "and datasets/README.md documents every key.\n\n"
    "  -o, --output DIR   the folder to write (created if missing); refused when it\n"
    "                     holds the spec or an input, or a file the report writes\n"
    "                     there is one\n"
    "  -q, --quiet        no notes on how inputs were read\n";

/* A problem of the spec without a line says its JSON path: "SPEC: PATH: what". */
static void say(const effekt_diag *diag, const char *spec, int quiet)
{
    for (size_t i = 0; i < diag->n; i++) {
        const effekt_diag_problem *p = &diag->items[i];
        char buf[2048];
        if (quiet && p->severity == EFFEKT_NOTE)
            continue;
        if (p->severity == EFFEKT_ERROR && !p->line && p->file && strcmp(p->file, spec) == 0)
            fprintf(stderr, "effekt: %s: %s\n", p->file ? p->file : "report", p->message);
        else if (effekt_diag_problem_format(p, buf, sizeof buf))
            fprintf(stderr, "effekt: %s\n", buf);
    }
}

/* 1, after the message, when OUT_DIR holds the spec or an input (in it or
 * a folder below it): a report folder is the report's alone, so that
 * writing it again never touches what it was made from. */
static int holds_input(const char *out, const cli_input *in, size_t n)
{
    char *dir = realpath(out, NULL);
    int bad = 0;
    for (size_t i = 0; dir && i < n && !bad; i++) {
        char *f = realpath(in[i].path, NULL);
        size_t len = strlen(dir);
        if (f && strncmp(f, dir, len) == 0 && (f[len] == '/' || strcmp(dir, "/") == 0)) {
            cli_error("%s: error: the output folder holds %s (%s); expected a folder without the spec or the inputs "
                      "(write the report beside them)", out, in[i].via, in[i].path);
            bad = 1;
        }
        free(f);
    }
    free(dir);
    return bad;
}

/* 1, after the message, when OUT_DIR or a file the report writes in it
 * is the spec or an input (by device and inode). */
static int clash(const effekt_report_spec *spec, const char *spec_path, const char *out)
{
    size_t n = effekt_report_spec_inputs(spec) + 1;
    cli_input *in = calloc(n, sizeof *in);
    char **via = calloc(n, sizeof *via);
    int bad = !in || !via;
    if (!bad) {
        in[0] = (cli_input){ spec_path, "the spec" };
        for (size_t i = 1; i < n; i++) {
            const char *name = effekt_report_spec_input_name(spec, i - 1);
            via[i] = malloc(strlen(name) + 32);
            if (via[i])
                sprintf(via[i], "the spec's input '%s'", name);
            in[i] = (cli_input){ effekt_report_spec_input_path(spec, i - 1), via[i] ? via[i] : "an input" };
        }
        bad = cli_output_clash(out, NULL, in, n) || holds_input(out, in, n);
    }
    for (size_t i = 0; !bad && i < effekt_report_spec_files(spec); i++) {
        const char *f = effekt_report_spec_file(spec, i);
        char *path = malloc(strlen(out) + strlen(f) + 2);
        if (!path)
            bad = 1;
        else {
            sprintf(path, "%s/%s", out, f);
            bad = cli_output_clash(path, "the report writes this file, and it is", in, n);
            free(path);
        }
    }
    for (size_t i = 0; via && i < n; i++)
        free(via[i]);
    free(via);
    free(in);
    return bad;
}

int cmd_report(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_OUTPUT | OPT_QUIET, report_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (o.n_inputs != 1 || !o.output) {
        fprintf(stderr, "effekt report: give one spec and the output folder: effekt report SPEC.json -o OUT_DIR\n");
        return EXIT_BAD;
    }
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_report_spec *spec = NULL;
    effekt_report *report = NULL;
    effekt_status st = effekt_report_spec_read(o.inputs[0], &spec, &diag);
    if (st == EFFEKT_OK && clash(spec, o.inputs[0], o.output))
        st = EFFEKT_EINVAL;
    else if (st == EFFEKT_OK)
        st = effekt_report_run(spec, &report, &diag);
    if (st == EFFEKT_OK)
        st = effekt_report_write(report, o.output, &diag);
    say(&diag, o.inputs[0], o.quiet);
    if (st == EFFEKT_ENOMEM)
        cli_error("%s: error: out of memory", o.output);
    if (st == EFFEKT_OK && !o.quiet)
        fprintf(stderr, "effekt: wrote %s/report.pdf, report.html, report.docx, results.json, tables/ and %zu charts\n",
                o.output, effekt_report_charts(report));
    effekt_report_destroy(report);
    effekt_report_spec_destroy(spec);
    effekt_diag_clear(&diag);
    return st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
}
