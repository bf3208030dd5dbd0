/* build.h — what the chart builders (build_*.c) share inside libeffekt:
 * a chart being built with its locale, and words and numbers kept with
 * it. */
#ifndef EFFEKT_CHART_BUILD_H
#define EFFEKT_CHART_BUILD_H

#include "effekt/chart.h"
#include "effekt/text.h"

typedef struct {
    effekt_chart *chart;
    const effekt_locale *loc;
    double confidence;
    const effekt_chart_options *opt;
} effekt_build;

/* Start a chart of the kind for opt (NULL: defaults). */
effekt_status effekt_build_begin(effekt_build *b, effekt_chart_kind kind, const effekt_chart_options *opt);

/* Finish: on st == EFFEKT_OK (and no failed allocation) *out gets the
 * chart; otherwise it is destroyed and *out is NULL.  Returns the
 * status. */
effekt_status effekt_build_end(effekt_build *b, effekt_status st, effekt_chart **out);

/* Words and numbers of the locale, kept with the chart ("" when out of
 * memory: the chart's status says so). */
const char *effekt_build_word(const effekt_build *b, effekt_text_word_id w);
const char *effekt_build_say_n(effekt_build *b, effekt_text_word_id w, size_t n, const char *const *args);
#define effekt_build_say(b, w, ...)                                                                   \
    effekt_build_say_n(b, w, sizeof((const char *[]){ __VA_ARGS__ }) / sizeof(const char *),          \
                       (const char *[]){ __VA_ARGS__ })
const char *effekt_build_count(effekt_build *b, size_t n);
const char *effekt_build_number(effekt_build *b, double v, int decimals);
const char *effekt_build_percent(effekt_build *b, double share);
const char *effekt_build_column(effekt_build *b, const char *column);
const char *effekt_build_keep(effekt_build *b, const char *s);

/* The label of row r of t: opt->label's column, else name, else
 * project_id, else owner, else "row N".  NULL with a message in diag
 * when opt->label names no column. */
const char *effekt_build_row_label(effekt_build *b, const effekt_table *t, size_t r, effekt_diag *diag);

/* A new item of the chart with row r's label; NULL with *st set when
 * there is none (EFFEKT_EINVAL: no label, the problem in diag;
 * EFFEKT_ENOMEM). */
effekt_chart_item *effekt_build_row_item(effekt_build *b, const effekt_table *t, size_t r, effekt_diag *diag,
                                         effekt_status *st);

/* The currency of a table when every row states the same one, else NULL. */
const char *effekt_build_currency(const effekt_table *t);

/* A problem with the data (diag may be NULL): EFFEKT_EINVAL. */
effekt_status effekt_build_fail(effekt_diag *diag, const char *file, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Decimals that show v to `digits` significant digits (none for large v). */
int effekt_build_significant(double v, int digits);

#endif
