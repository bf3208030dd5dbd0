/* report_int.h — the parts of a report run shared by the files of
 * src/lib/report (internal to the library). */
#ifndef EFFEKT_REPORT_INT_H
#define EFFEKT_REPORT_INT_H

#include <cjson/cJSON.h>

#include "effekt/chart.h"
#include "effekt/kpi.h"
#include "effekt/report.h"
#include "effekt/table.h"

/* A spec read and checked: the JSON, and where its files are. */
struct effekt_report_spec {
    cJSON *root;
    char *path;              /* as given */
    char *dir;               /* its folder: inputs are relative to it */
    size_t n_inputs;
    char **input_names, **input_paths;   /* n_inputs, in the spec's order */
    size_t n_files;
    char **files;            /* what a run writes, relative to OUT_DIR, in order */
    double confidence;
    const char *locale;      /* "en" when not given */
};

/* A file of the finished report: its path under OUT_DIR and its bytes. */
typedef struct {
    char *path;
    char *data;
    size_t len;
} report_file;

struct effekt_report {
    report_file *files;
    size_t n_files, cap_files;
    size_t n_charts;
};

/* The value of key in o when it is a string, else NULL. */
const char *effekt_report_str(const cJSON *o, const char *key);

/* Add a file (takes data, malloc'd).  EFFEKT_ENOMEM (data freed). */
effekt_status effekt_report_add_file(effekt_report *r, const char *path, char *data, size_t len);

/* The grouped describe of one analysis as effekt describe's rows (the
 * grouping values, "column", the statistics n missing mean sd ci median
 * q1 q3), appended to rows.  Problems in diag as the library words them. */
effekt_status effekt_report_describe(const effekt_table *t, const char *const *columns, size_t n_columns, const char *by,
                              double confidence, cJSON *rows, effekt_diag *diag);


/* ---- the report's content: an effekt_document built from the spec and
 * the loaded inputs (build.c: shared helpers; final.c, portfolio.c: the
 * two kinds; sections.c: the sections both have) ---- */

#include "effekt/document.h"
#include "effekt/text.h"

typedef struct {
    const effekt_report_spec *spec;
    const effekt_locale *loc;
    effekt_document *doc;
    effekt_table *const *tables;     /* by input, in the spec's order */
    effekt_diag *problems;           /* the run's warnings and notes, shown in full; a builder's errors go here */
    effekt_report *rep;              /* the charts' PNG and SVG files go here */
    effekt_status st;                /* the first failure; later calls do nothing */
    char **scratch;                  /* strings freed with the build */
    size_t n_scratch, cap_scratch;
    size_t n_figures;
    effekt_chart **charts;           /* the spec's charts: each one the document takes is set NULL */
    const cJSON *analyses;           /* results.json's "analyses" ({spec, result} each), borrowed */
    size_t n_charts;
    const struct report_fair *fair;  /* the fair comparison's models (fair.c); NULL: none */
} report_build;

/* Build the document of the spec's kind into b->doc (created here). */
void effekt_rb_forward(report_build *b, const char *where, const effekt_diag *part);
/* A chart the report draws itself, from a chart spec in JSON ({"kind": …}),
 * on input t; NULL after a failure (said in b->problems). */
effekt_chart *effekt_rb_chart(report_build *b, const effekt_table *t, const char *path, const char *json);
effekt_status effekt_report_build(report_build *b);
void effekt_report_build_free(report_build *b);

/* helpers (build.c): each keeps its string until effekt_report_build_free;
 * after a failure they return "" and record it in b->st */
const char *effekt_rb_word(report_build *b, effekt_text_word_id w);
const char *effekt_rb_compose(report_build *b, effekt_text_word_id w, size_t n, ...);
const char *effekt_rb_fmt(report_build *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *effekt_rb_num(report_build *b, double v, int decimals);
const char *effekt_rb_pct(report_build *b, double v, int decimals);
const char *effekt_rb_money(report_build *b, double v);
const char *effekt_rb_date(report_build *b, long days);
const char *effekt_rb_value(report_build *b, const char *data_value);   /* a data value in the locale's words */
const char *effekt_rb_mark(report_build *b, const char *caption, int synthetic);
int effekt_rb_synthetic(const report_build *b, const char *input);
const effekt_table *effekt_rb_input(const report_build *b, const char *input, const char **path);
void effekt_rb_check(report_build *b, effekt_status st);
/* A figure to be set in bold by effekt_rb_sentence. */
const char *effekt_rb_strong(report_build *b, const char *figure);
/* A summary sentence: its figures (effekt_rb_strong) in bold, then
 * "; see Table N." linking to ref (NULL: a full stop only). */
void effekt_rb_sentence(report_build *b, const char *s, const char *ref);
/* "Source: participants.csv": a table's source line, the file's name without its folder. */
const char *effekt_rb_source(report_build *b, const effekt_table *t);
/* s with its first letter a capital (ASCII letters; "ikke fordelt" -> "Ikke fordelt"). */
const char *effekt_rb_capital(report_build *b, const char *s);
void effekt_rb_section(report_build *b, int level, const char *id, const char *title);
void effekt_rb_para(report_build *b, effekt_paragraph_style style, const char *text);
void effekt_rb_table(report_build *b, const char *id, const char *caption, size_t n, const char *const *headers,
                     const effekt_align *align);
void effekt_rb_row(report_build *b, const char *const *cells, int total);
void effekt_rb_end(report_build *b, const char *note);
/* A chart as a numbered figure and as charts/NAME.png and .svg. */
void effekt_rb_figure(report_build *b, const char *name, effekt_chart *chart, const char *caption, const char *source);
/* A chart from a chart spec (as in the spec's "charts"), on table t. */
effekt_status effekt_report_chart(const effekt_table *t, const char *path, const cJSON *ch, const effekt_locale *loc,
                                  double confidence, effekt_chart **out, effekt_diag *diag);
effekt_status effekt_report_render_chart(effekt_report *rep, const effekt_chart *chart, const effekt_locale *loc,
                                         const char *name, effekt_diag *diag);

/* Each label of chart that is a project id ("GOVEST", "GOVEST (n = 14)")
 * with the project's name from the KPI input's name column (build.c). */
void effekt_report_relabel(const effekt_report_spec *spec, effekt_table *const *tables, effekt_chart *chart);

/* sections both kinds have (sections.c) */
void effekt_rb_quality(report_build *b, const effekt_kpi_sheet *sheet, const size_t *rows, size_t n_rows,
                       const char *const *kpis, size_t n_kpis, const char *participants);
void effekt_rb_method(report_build *b, const char *const *kpis, size_t n_kpis, int people);
void effekt_rb_annex(report_build *b);

/* the spec's own charts as figures (build.c) */
void effekt_rb_further(report_build *b);

/* ---- the fair comparison (fair.c, spec "fair_comparison"): O/E
 * adjusted for case mix, random-effects pooling, a Cox model ---- */
typedef struct report_fair report_fair;
/* Its column names checked against the loaded input, each mistake by
 * its JSON path into diag; 1 when there was one. */
int effekt_report_fair_check(const effekt_report_spec *spec, effekt_table *const *tables, effekt_diag *diag);
/* Run its models (nothing when the spec has none: *out NULL): their
 * JSON as data/fair-*.json and results.json's "fair_comparison".  *out
 * is the caller's (effekt_report_fair_destroy). */
effekt_status effekt_report_fair_run(const effekt_report_spec *spec, effekt_table *const *tables, effekt_report *rep,
                                     cJSON *results, effekt_diag *diag, report_fair **out);
void effekt_report_fair_destroy(report_fair *f);
/* The section, and the summary's sentence pointing to it; this_id: the
 * report's own project (NULL in a portfolio). */
void effekt_rb_fair(report_build *b, const char *this_id);
void effekt_rb_fair_summary(report_build *b, const char *this_id);
/* The name of project id from the KPI input's name column; else the
 * value in the locale's words (effekt_rb_value). */
const char *effekt_rb_project(report_build *b, const char *id);
/* the spec's analyses as tables, in a section of their own (analyses.c) */
void effekt_rb_analyses(report_build *b);

/* the two kinds */
void effekt_rb_final(report_build *b);
void effekt_rb_portfolio(report_build *b);

#endif
