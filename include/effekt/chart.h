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

#include <stdio.h>

#include "effekt/boxplot.h"
#include "effekt/histogram.h"
#include "effekt/locale.h"
#include "effekt/ols.h"
#include "effekt/pretty.h"
#include "effekt/status.h"

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
effekt_status effekt_chart_kind_parse(const char *name, effekt_chart_kind *out);
const char *effekt_chart_kind_name(effekt_chart_kind kind);

#define EFFEKT_CHART_MAX_PARTS 6

/* One bar, row, point, box or period. Which fields count depends on the
 * kind; a NaN value is drawn as "not reported" with its reason. */
typedef struct {
    const char *label;
    const char *reason;        /* why the value is undefined (bar, forest) */
    double value, lower, upper;/* bar, forest; NaN: none */
    double x, y;               /* funnel (n, rate), scatter */
    int flagged;               /* funnel: outside the outer limits; labelled */
    double parts[EFFEKT_CHART_MAX_PARTS];   /* stacked: amounts; NaN: not reported */
    double start, end, revised_end;         /* timeline: days since 1970-01-01 (end as planned, revised_end as expected or actual); NaN: none */
    const double *values;      /* box: the group's values */
    size_t n_values;
    effekt_boxplot_stats box;      /* box: filled by effekt_boxplot_compute */
    int pooled;                /* forest: draw as a diamond below the others */
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
} effekt_chart;

typedef enum { EFFEKT_CHART_PNG, EFFEKT_CHART_SVG, EFFEKT_CHART_PDF } effekt_chart_format;

/* The format named by a path's extension (.png .svg .pdf, any case). */
effekt_status effekt_chart_format_from_path(const char *path, effekt_chart_format *out);

typedef struct {
    double width_mm;           /* 0: 170 (the text width of an A4 page) */
    double height_mm;          /* 0: chosen by the kind and the number of rows */
    double dpi;                /* PNG only; 0: 150 */
    const effekt_locale *locale;   /* NULL: en */
} effekt_chart_page;

/* What was drawn where, for tests and for callers laying out a report:
 * every text with its box, every mark (bar, point, box) with its box, in
 * points from the top left. */
typedef enum { EFFEKT_MARK_TEXT, EFFEKT_MARK_BAR, EFFEKT_MARK_POINT, EFFEKT_MARK_BOX,
               EFFEKT_MARK_LINE, EFFEKT_MARK_AREA } effekt_mark_type;

typedef struct {
    effekt_mark_type type;
    char *role;                /* "title", "label", "tick", "value", "legend", "bar", … */
    char *text;                /* texts only */
    double x, y, w, h;
    size_t item;               /* index of the item or curve, or (size_t)-1 */
} effekt_mark;

typedef struct {
    effekt_mark *marks;
    size_t n, cap;
    double width, height;      /* of the page, in points */
} effekt_chart_scene;

void effekt_chart_scene_free(effekt_chart_scene *scene);

/* Free the font caches cairo and fontconfig keep for the whole process.
 * Call it once, at exit, when nothing else in the process draws text
 * with cairo any more (a program that ends anyway need not; it keeps
 * leak checkers quiet). */
void effekt_chart_release_fonts(void);

/* Draw chart on a page of the given size into out.  scene, when not NULL,
 * receives the marks (free it with effekt_chart_scene_free).  Bad models
 * (no items, mismatched arrays) are EFFEKT_EINVAL with a message in diag;
 * a failed write is EFFEKT_EIO. */
effekt_status effekt_chart_render(const effekt_chart *chart, const effekt_chart_page *page,
                                  effekt_chart_format format, FILE *out,
                                  effekt_chart_scene *scene, effekt_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
