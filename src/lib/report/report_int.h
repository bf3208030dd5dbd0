/* report_int.h — the parts of a report run shared by the files of
 * src/lib/report (internal to the library). */
#ifndef EFFEKT_REPORT_INT_H
#define EFFEKT_REPORT_INT_H

#include <cjson/cJSON.h>

#include "effekt/chart.h"
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

/* The document: blocks of effekt_report_layout, with the strings and arrays
 * they point to owned here. */
typedef struct {
    effekt_block *blocks;
    size_t n, cap;
    void **owned;
    size_t n_owned, cap_owned;
    const effekt_locale *loc;
    int failed;              /* out of memory on the way */
} report_doc;

const char *effekt_report_doc_own(report_doc *d, void *p);
const char *effekt_report_doc_fmt(report_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
effekt_block *effekt_report_doc_block(report_doc *d, effekt_block_kind kind);
void effekt_report_doc_free(report_doc *d);

/* The blocks of the whole report from results.json's document; charts
 * are drawn from charts[0..n_charts). */
void effekt_report_doc_build(report_doc *d, const effekt_report_spec *spec, const cJSON *results,
                      const effekt_chart *const *charts, size_t n_charts, const char *version);

#endif
