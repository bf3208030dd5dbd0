/* effekt/chart.h — the figures of an evaluation report.
 *
 * A chart is a plain data model (effekt_chart) filled by the caller with
 * numbers that are already computed; the renderer only draws.  The
 * helpers below compute what a chart shows but a statistic does not give
 * directly (box-plot hinges, histogram bins, an OLS line with its band,
 * funnel limits), so that drawing never computes.
 *
 * Rendering writes PNG, SVG or PDF to a stream.  SVG and PDF carry no
 * timestamps: the same chart gives the same bytes.  All text is UTF-8. */
#ifndef EFFEKT_CHART_H
#define EFFEKT_CHART_H

#include "effekt/export.h"

#include <stdio.h>

#include "effekt/boxplot.h"
#include "effekt/casemix.h"
#include "effekt/histogram.h"
#include "effekt/locale.h"
#include "effekt/meta.h"
#include "effekt/ols.h"
#include "effekt/pretty.h"
#include "effekt/diag.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_CHART_BAR = 0,    /* one value per item, sorted, with whiskers */
    EFFEKT_CHART_STACKED,    /* parts per item, as 100 % bars or amounts */
    EFFEKT_CHART_FOREST,     /* estimates with intervals, pooled as a diamond */
    EFFEKT_CHART_FUNNEL,     /* rate against n with control limits */
    EFFEKT_CHART_KM,         /* Kaplan–Meier curves with bands and numbers at risk */
    EFFEKT_CHART_BOX,        /* distribution per group */
    EFFEKT_CHART_HIST,       /* one histogram */
    EFFEKT_CHART_SCATTER,    /* points with an OLS line and its band */
    EFFEKT_CHART_TIMELINE    /* periods on a time axis */
} effekt_chart_kind;

/* "bar", "stacked", …; EFFEKT_EINVAL for an unknown name. */
EFFEKT_API effekt_status effekt_chart_kind_parse(const char *name, effekt_chart_kind *out);
EFFEKT_API const char *effekt_chart_kind_name(effekt_chart_kind kind);

#define EFFEKT_CHART_MAX_PARTS 6

/* One bar, row, point, box or period. Which fields count depends on the
 * kind; a NaN value is drawn as "not reported" with its reason. */
typedef struct {
    const char *label;
    const char *reason;        /* why the value is undefined (bar, forest) */
    double value, lower, upper;/* bar, forest; NaN: none */
    double x, y;               /* funnel (n, rate), scatter */
    int flagged;               /* funnel: 1 outside the outer limits (labelled, accent colour);
                                  2 the one a report is about (labelled, the first colour) */
    double parts[EFFEKT_CHART_MAX_PARTS];   /* stacked: amounts; NaN: not reported */
    double start, end, revised_end;         /* timeline: days since 1970-01-01 (end as planned, revised_end as expected or actual); NaN: none */
    const double *values;      /* box: the group's values */
    size_t n_values;
    effekt_boxplot_stats box;      /* box: filled by effekt_boxplot_compute */
    int pooled;                /* forest: draw as a diamond below the others */
    double weight;             /* forest: a share of the weight (%); the marker's area grows with it;
                                  NaN or <= 0: the usual size */
    int prediction;            /* forest, with pooled: [lower, upper] as a bar (a prediction interval) */
} effekt_chart_item;

/* A line through points (x[i], y[i]) with an optional band
 * [lower[i], upper[i]] (NULL: none): a Kaplan–Meier curve (drawn as
 * steps), an OLS fit, a funnel limit. */
typedef struct {
    const char *label;
    size_t n;
    const double *x, *y, *lower, *upper;
    int steps;                 /* draw as a right-continuous step function */
    const double *censor_x;    /* KM: times of censoring, ticked on the curve */
    size_t n_censor;
    const double *at_risk;     /* KM: number at risk at each chart->risk_times */
    int dash;                  /* 0 solid, 1 dashed, 2 dotted */
} effekt_chart_curve;

typedef struct {
    effekt_chart_kind kind;
    const char *title, *subtitle, *caption;
    const char *x_label, *y_label;
    int percent;               /* values are shares: axis and labels in % */
    int money_decimals;        /* decimals of value labels (0 for money) */
    double reference;          /* a reference line; NaN: none */
    const char *reference_label;
    int sorted;                /* bar: sort by value, largest first */
    effekt_chart_item *items;
    size_t n_items;
    const char *part_names[EFFEKT_CHART_MAX_PARTS];   /* stacked */
    size_t n_parts;
    int amounts;               /* stacked: amounts, not 100 % bars */
    effekt_chart_curve *curves;/* km, funnel limits, scatter fit */
    size_t n_curves;
    const double *risk_times;  /* km: times of the numbers-at-risk table */
    size_t n_risk_times;
    const double *breaks;      /* hist: n_bins + 1 edges */
    const double *counts;      /* hist: n_bins counts */
    size_t n_bins;
    int x_dates;               /* x values are days since 1970: a time axis */
    /* A chart made by effekt_chart_create owns every string and array it
     * points at (the store); a chart a caller fills by hand has no store
     * and points at the caller's memory. */
    struct effekt_chart_store *store;
} effekt_chart;

/* ---- a chart that owns its memory ---- */
/* (declared after the builders' inputs below) */

/* A new, empty chart of the kind (reference NaN, no items), owning what
 * the functions below add to it.  Free it with effekt_chart_destroy. */
EFFEKT_API effekt_status effekt_chart_create(effekt_chart_kind kind, effekt_chart **out);
EFFEKT_API void effekt_chart_destroy(effekt_chart *chart);

/* A copy of s kept with the chart, for its titles, labels and reasons:
 * the caller's s may go at once.  NULL for NULL, or when out of memory
 * (the chart's status then says EFFEKT_ENOMEM: see effekt_chart_status). */
EFFEKT_API const char *effekt_chart_keep(effekt_chart *chart, const char *s);

/* n doubles kept with the chart (uninitialised). */
EFFEKT_API double *effekt_chart_array(effekt_chart *chart, size_t n);

/* A new item (all numbers NaN, no label) or curve (all zero) at the end
 * of chart->items or chart->curves.  The pointer holds until the next
 * add; NULL when out of memory. */
EFFEKT_API effekt_chart_item *effekt_chart_add_item(effekt_chart *chart);
EFFEKT_API effekt_chart_curve *effekt_chart_add_curve(effekt_chart *chart);

/* EFFEKT_ENOMEM when an addition above failed, else EFFEKT_OK. */
EFFEKT_API effekt_status effekt_chart_status(const effekt_chart *chart);

typedef enum { EFFEKT_CHART_PNG, EFFEKT_CHART_SVG, EFFEKT_CHART_PDF } effekt_chart_format;

/* The format named by a path's extension (.png .svg .pdf, any case). */
EFFEKT_API effekt_status effekt_chart_format_from_path(const char *path, effekt_chart_format *out);
/* "png", "svg", "pdf" ("?" for another value); _parse reads them (case
 * ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_chart_format_name(effekt_chart_format format);
EFFEKT_API effekt_status effekt_chart_format_parse(const char *name, effekt_chart_format *out);

typedef struct {
    double width_mm;           /* 0: 170 (the text width of an A4 page) */
    double height_mm;          /* 0: chosen by the kind and the number of rows */
    double dpi;                /* PNG only; 0: 150 */
    const effekt_locale *locale;   /* NULL: en */
} effekt_chart_page;

/* What was drawn where, for tests and for callers laying out a report:
 * every text with its box, every mark (bar, point, box) with its box, in
 * points from the top left. */
typedef enum { EFFEKT_CHART_MARK_TEXT, EFFEKT_CHART_MARK_BAR, EFFEKT_CHART_MARK_POINT, EFFEKT_CHART_MARK_BOX,
               EFFEKT_CHART_MARK_LINE, EFFEKT_CHART_MARK_AREA } effekt_chart_mark_type;
/* "text", "bar", "point", "box", "line", "area" ("?" for another value);
 * _parse reads them (case ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_chart_mark_type_name(effekt_chart_mark_type type);
EFFEKT_API effekt_status effekt_chart_mark_type_parse(const char *name, effekt_chart_mark_type *out);

typedef struct {
    effekt_chart_mark_type type;
    char *role;                /* "title", "label", "tick", "value", "legend", "bar", … */
    char *text;                /* texts only */
    double x, y, w, h;
    size_t item;               /* index of the item or curve, or (size_t)-1 */
} effekt_chart_mark;

/* The marks and their strings are the scene's own (effekt_chart_scene_clear). */
typedef struct {
    effekt_chart_mark *marks;
    size_t n, cap;
    double width, height;      /* of the page, in points */
} effekt_chart_scene;

EFFEKT_API void effekt_chart_scene_clear(effekt_chart_scene *scene);

/* Free the font caches cairo and fontconfig keep for the whole process.
 * Call it once, at exit, when nothing else in the process draws text
 * with cairo any more (a program that ends anyway need not; it keeps
 * leak checkers quiet). */
EFFEKT_API void effekt_chart_release_fonts(void);

/* Draw chart on a page of the given size into out.  scene, when not NULL,
 * receives the marks (free it with effekt_chart_scene_clear).  Bad models
 * (no items, mismatched arrays) are EFFEKT_EINVAL with a message in diag;
 * a failed write is EFFEKT_EIO. */
EFFEKT_API effekt_status effekt_chart_render(const effekt_chart *chart, const effekt_chart_page *page,
                                             effekt_chart_format format, FILE *out,
                                             effekt_chart_scene *scene, effekt_diag *diag);

/* ---- charts built from tables and typed results ----
 *
 * Each builder makes a chart that owns its memory (free it with
 * effekt_chart_destroy), with every word from the words table of the
 * locale (effekt/text.h) and every number written in it.  Problems (a
 * missing column, an unknown KPI) are EFFEKT_EINVAL with a message in
 * diag naming the column or value; the inputs are not kept. */

/* Borrowed: read during a builder's call (the chart copies its words). */
typedef struct {
    const effekt_locale *locale;   /* NULL: the first (English) */
    double confidence;             /* intervals and bands; 0: 0.95 */
    const char *label;             /* the column of the row labels; NULL: name, else project_id, else owner */
    size_t top;                    /* bar and forest of a KPI: draw the `top` highest values and
                                      the rest as one row, their ratio of sums ("412 others");
                                      0: every row, refused above EFFEKT_CHART_MAX_ROWS */
} effekt_chart_options;

/* The most rows a bar or forest chart of a KPI draws without `top`: at
 * 16 pt a row more are a chart taller than any screen or page (the
 * Danish export's 382 projects made a 6,111 px PNG) in which no label
 * can be found. */
#define EFFEKT_CHART_MAX_ROWS 60

/* A KPI per project (bar: sorted, with whiskers; forest: with the
 * pooled ratio of sums as a diamond) from project tables.  kpi: a name
 * of effekt_kpi_definitions().  reference_pooled: a reference line at
 * the pooled value. */
EFFEKT_API effekt_status effekt_chart_build_kpi(effekt_chart_kind kind, const effekt_table *const *tables, size_t n_tables,
                                                const char *kpi, int reference_pooled, const effekt_chart_options *opt,
                                                effekt_chart **out, effekt_diag *diag);

/* The funding mix per project (stacked): EU, national public, private,
 * other and the unattributed rest of total_cost; shares, or amounts. */
EFFEKT_API effekt_status effekt_chart_build_funding(const effekt_table *const *tables, size_t n_tables, int amounts,
                                                    const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag);

/* Project periods (timeline): start_date to end_date, extended to
 * expected_end_date when later. */
EFFEKT_API effekt_status effekt_chart_build_periods(const effekt_table *const *tables, size_t n_tables,
                                                    const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag);

/* Events among trials per group, as an outcome counter gives them
 * (effekt_chart_rates_count, or the caller's own).  Nothing here is kept
 * by the chart; filled by a caller, every pointer is borrowed. */
typedef struct {
    const char *outcome, *by;      /* column names, for the words */
    size_t n_groups;
    const char *const *labels;     /* n_groups */
    const double *events, *trials; /* n_groups */
} effekt_chart_rates;

/* Rates per group with Wilson intervals around the pooled rate: a
 * forest (pooled as a diamond) or a funnel (exact binomial 95 % and
 * 99.8 % limits; groups outside 99.8 % flagged). */
EFFEKT_API effekt_status effekt_chart_build_rates(effekt_chart_kind kind, const effekt_chart_rates *in,
                                                  const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag);

/* The rates of tables[0..n_tables): per group of column `by` (the one
 * grouper over all the tables, in the order groups first appear), the
 * events of column `outcome` (0/1, yes/no, or a date: an event when
 * given) among the rows where it has a value; a row without one makes
 * no trial and no group.  Problems go to diag with the table's name:
 * EFFEKT_EINVAL for a column that is not there or an outcome of another
 * type (hint EFFEKT_HINT_BY or EFFEKT_HINT_OUTCOME), EFFEKT_EVALUE for an
 * outcome not 0 or 1 (its line and column); EFFEKT_ENOMEM.  On success
 * *out owns everything it points at, the names too (the tables may go):
 * free it with effekt_chart_rates_destroy; otherwise *out is NULL. */
EFFEKT_API effekt_status effekt_chart_rates_count(const effekt_table *const *tables, size_t n_tables,
                                                  const char *outcome, const char *by, effekt_chart_rates **out,
                                                  effekt_diag *diag);
EFFEKT_API void effekt_chart_rates_destroy(effekt_chart_rates *in);

/* Spells (time, 1 = event / 0 = censored) in groups, as a spell builder
 * gives them.  Borrowed. */
typedef struct {
    const char *by;                /* column name, or NULL for one group */
    int time_to_job;               /* the spells end at placement: "time to job" */
    size_t n;
    const double *time, *event;
    const size_t *group;           /* n group ids below n_groups */
    size_t n_groups;
    const char *const *labels;     /* n_groups */
    int conf_type;                 /* an effekt_km_conf_type (effekt/survival.h) */
} effekt_chart_spells;

/* Kaplan–Meier curves per group with bands (at most 3 groups; more are
 * drawn without), censoring ticks and numbers at risk under the ticks
 * the renderer draws (pretty() over 0 to the longest time). */
EFFEKT_API effekt_status effekt_chart_build_km(const effekt_chart_spells *in, const effekt_chart_options *opt,
                                               effekt_chart **out, effekt_diag *diag);

/* Values in groups (group ids below n_groups; one group "all" when
 * labels is NULL), with the number of rows left out because the value is
 * missing.  Filled by a caller, every pointer is borrowed. */
typedef struct {
    const char *value, *by;        /* column names, for the words; by may be NULL */
    size_t n;
    const double *values;
    const size_t *group;           /* NULL: one group */
    size_t n_groups;
    const char *const *labels;
    size_t missing;
} effekt_chart_values;

/* A box per group (box), or one histogram of all values (hist, with the
 * rule's breaks). */
EFFEKT_API effekt_status effekt_chart_build_box(const effekt_chart_values *in, const effekt_chart_options *opt,
                                                effekt_chart **out, effekt_diag *diag);
EFFEKT_API effekt_status effekt_chart_build_hist(const effekt_chart_values *in, effekt_histogram_rule rule,
                                                 const effekt_chart_options *opt, effekt_chart **out, effekt_diag *diag);

/* The values of numeric column `value` of tables[0..n_tables), by the
 * groups of column `by` over all the tables (NULL: one group "all"); a
 * row without a value is left out and counted in missing.  Problems go
 * to diag with the table's name: EFFEKT_EINVAL for a column that is not
 * there or not numeric (hint EFFEKT_HINT_VALUE or EFFEKT_HINT_BY);
 * EFFEKT_ENOMEM.  On success *out owns everything it points at: free it
 * with effekt_chart_values_destroy; otherwise *out is NULL. */
EFFEKT_API effekt_status effekt_chart_values_gather(const effekt_table *const *tables, size_t n_tables,
                                                    const char *value, const char *by, effekt_chart_values **out,
                                                    effekt_diag *diag);
EFFEKT_API void effekt_chart_values_destroy(effekt_chart_values *in);

/* y against x, both numeric columns of the tables, with the OLS line and
 * its pointwise band at opt->confidence. */
EFFEKT_API effekt_status effekt_chart_build_scatter(const effekt_table *const *tables, size_t n_tables, const char *x,
                                                    const char *y, const effekt_chart_options *opt, effekt_chart **out,
                                                    effekt_diag *diag);

/* ---- charts of models (issue 19) ---- */

/* The coefficients of a model (forest, the intercept left out): odds or
 * rate ratios for binomial and Poisson models with a reference line at
 * 1, coefficients for a linear model with a line at 0; a text
 * predictor's rows name the level and its reference. */
EFFEKT_API effekt_status effekt_chart_build_coef(const effekt_model_result *r, const effekt_chart_options *opt,
                                                 effekt_chart **out, effekt_diag *diag);

/* Observed / expected events per group against the expected count
 * (funnel) with the result's 95 % and 99.8 % limits around 1; groups
 * outside 99.8 % flagged.  by names the groups' column, for the words. */
EFFEKT_API effekt_status effekt_chart_build_casemix(const effekt_casemix_result *r, const char *by,
                                                    const effekt_chart_options *opt, effekt_chart **out,
                                                    effekt_diag *diag);
/* A meta-analysis as a forest (src/lib/chart/build_meta.c): each project
 * with its interval and its weight as the marker's area, the pooled
 * estimate as a diamond, and the prediction interval as a bar, all
 * back-transformed (rates in %).  outcome and by name the columns for
 * the title (either may be NULL). */
EFFEKT_API effekt_status effekt_chart_build_meta(const effekt_meta_result *r, const char *outcome, const char *by,
                                                 const effekt_chart_options *opt, effekt_chart **out,
                                                 effekt_diag *diag);

/* The caption of a chart: the sources (file names), the latest date in
 * the tables and the program's version, in the chart's locale; kept
 * with the chart. */
EFFEKT_API effekt_status effekt_chart_caption(effekt_chart *chart, const effekt_table *const *tables, size_t n_tables,
                                              const char *const *sources, size_t n_sources, const char *version,
                                              const effekt_locale *locale);

#ifdef __cplusplus
}
#endif
#endif
