/* frame.h — what every chart kind draws with (private to render/): the
 * look (colours, sizes), text and the scene it records (frame.c), axes
 * and their ticks (axis.c), the two layouts a kind plugs into (rows.c:
 * one row per item; plane.c: an x–y plane) and the table entry by which
 * chart_cairo.c finds a kind's drawing (render_<kind>.c).
 *
 * As PSPP splits its charts (charts/boxplot.c, boxplot-cairo.c and one
 * dispatch in cairo-chart.c): a kind's file says only what is its own;
 * the frame, the axes and the layouts are the same for every kind. */
#ifndef EFFEKT_RENDER_FRAME_H
#define EFFEKT_RENDER_FRAME_H

#include <stddef.h>

#include <cairo.h>

#include "draw.h"
#include "effekt/chart.h"
#include "effekt/text.h"

/* ---- colours: Okabe & Ito (2008), safe for colour-blind readers ---- */

typedef struct { double r, g, b; } effekt_rgb;

#define EFFEKT_RGB(R, G, B) { (R) / 255.0, (G) / 255.0, (B) / 255.0 }
static const effekt_rgb palette[] = {
    EFFEKT_RGB(0, 114, 178),   /* blue */
    EFFEKT_RGB(213, 94, 0),    /* vermillion */
    EFFEKT_RGB(0, 158, 115),   /* bluish green */
    EFFEKT_RGB(204, 121, 167), /* reddish purple */
    EFFEKT_RGB(230, 159, 0),   /* orange */
    EFFEKT_RGB(86, 180, 233),  /* sky blue */
    EFFEKT_RGB(240, 228, 66),  /* yellow */
    EFFEKT_RGB(0, 0, 0),       /* black */
};
#define N_PALETTE (sizeof palette / sizeof *palette)
/* Funding parts: EU blue, national public green, private orange, other
 * purple, unattributed grey (not a source: drawn as a neutral). */
static const effekt_rgb part_colours[EFFEKT_CHART_MAX_PARTS] = {
    EFFEKT_RGB(0, 114, 178),  EFFEKT_RGB(0, 158, 115),   EFFEKT_RGB(230, 159, 0),
    EFFEKT_RGB(204, 121, 167), EFFEKT_RGB(187, 187, 187), EFFEKT_RGB(86, 180, 233),
};
static const effekt_rgb ink = EFFEKT_RGB(34, 34, 34), grey = EFFEKT_RGB(110, 110, 110),
                        grid = EFFEKT_RGB(225, 225, 225), accent = EFFEKT_RGB(213, 94, 0);

/* ---- sizes, in points ---- */
enum { MARGIN = 14 };
static const double TITLE_PT = 12.5, SUBTITLE_PT = 9, LABEL_PT = 8.5, TICK_PT = 7.5, CAPTION_PT = 7;

/* One drawing of one chart.  draw 0: measuring, nothing reaches the
 * surface and no mark is recorded.  Borrows everything it points at. */
typedef struct effekt_frame {
    cairo_t *cr;
    const effekt_chart *chart;
    const effekt_locale *loc;
    effekt_chart_scene *scene;   /* NULL: no scene */
    double W, H;                 /* H 0: as tall as the chart needs */
    int draw;
    effekt_status status;        /* EFFEKT_ENOMEM when the scene could not grow */
} effekt_frame;

/* ---- text and marks (frame.c) ---- */

void effekt_frame_font(cairo_t *cr, double size, int bold, int italic);
void effekt_frame_colour(cairo_t *cr, effekt_rgb c, double alpha);
/* Ascent plus descent of the current font. */
double effekt_frame_line_height(cairo_t *cr);

/* Record a mark in the scene (when there is one and the frame draws). */
void effekt_frame_mark(effekt_frame *c, effekt_chart_mark_type type, const char *role, const char *text, double x,
                       double y, double w, double h, size_t item);

/* Text with its baseline at y, aligned at x by `align` (0 left, 0.5
 * centre, 1 right), recorded as a text mark.  Returns its width. */
double effekt_frame_text(effekt_frame *c, const char *role, size_t item, double x, double y, double align,
                         const char *s);

/* A value as the chart states it (shares in %, money whole) into buf;
 * returns buf. */
char *effekt_frame_value_text(const effekt_frame *c, double v, char *buf, size_t size);

void effekt_frame_stroke(effekt_frame *c, double x0, double y0, double x1, double y1, double width);
/* 0 solid, 1 dashed, 2 dotted. */
void effekt_frame_dash(effekt_frame *c, int kind);
void effekt_frame_point(effekt_frame *c, double x, double y, double r, effekt_rgb col, double alpha, size_t item,
                        const char *role);
void effekt_frame_rect(effekt_frame *c, double x0, double y0, double x1, double y1, effekt_rgb col, double alpha,
                       size_t item, const char *role, effekt_chart_mark_type type);

/* Widen [*lo, *hi] to take v when v is finite. */
void effekt_frame_take(double v, double *lo, double *hi);

/* For the kinds whose item is a value with its interval (bar, forest):
 * the item is undefined when its value is NaN; its range is the value
 * and the limits. */
int effekt_frame_value_undefined(const effekt_chart *ch, const effekt_chart_item *it);
void effekt_frame_value_range(const effekt_chart *ch, const effekt_chart_item *it, double *lo, double *hi);

/* ---- the frame around every chart (frame.c) ---- */

/* Title and subtitle from y down; returns the y below them. */
double effekt_frame_heading(effekt_frame *c, double y);

/* The height the caption needs under the chart (0: none). */
double effekt_frame_caption_height(effekt_frame *c);
void effekt_frame_caption(effekt_frame *c, double y);

typedef struct {
    const char *label;
    effekt_rgb col;
    int shape;   /* 0 square swatch, 1 line, 2 dashed line, 3 dotted line, 4 point */
} effekt_legend_entry;

/* Entries in a row that wraps; returns the y below. */
double effekt_frame_legend(effekt_frame *c, const effekt_legend_entry *e, size_t n, double y);

/* ---- axes (axis.c): the one place ticks come from ---- */

typedef struct {
    double lo, hi;            /* data range shown */
    double p0, p1;            /* device positions of lo and hi */
    double first, step;       /* ticks */
    size_t n_ticks;
    int decimals;
    int percent, dates;
} effekt_axis;

/* The device position of v on the axis. */
static inline double effekt_axis_pos(const effekt_axis *a, double v)
{
    if (a->hi == a->lo)
        return (a->p0 + a->p1) / 2;
    return a->p0 + (v - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
}

/* Round ticks over [lo, hi] (R's pretty with n = 5); the axis is widened
 * to the outer ticks.  Dates tick at whole years.  p0 and p1 are left 0
 * for the layout to set. */
void effekt_axis_make(effekt_axis *a, double lo, double hi, int include_zero, int percent, int dates);

/* A proportion axis: 0 to 1 in steps of 0.2 whatever the data. */
void effekt_axis_unit(effekt_axis *a);

double effekt_axis_tick_value(const effekt_axis *a, size_t i);
char *effekt_axis_tick_text(const effekt_frame *c, const effekt_axis *a, size_t i, char *buf, size_t size);
/* The widest tick label in the current font. */
double effekt_axis_widest_tick(const effekt_frame *c, const effekt_axis *a);

/* Horizontal axis at y = bottom with vertical grid lines up to top;
 * returns the y below its tick labels. */
double effekt_axis_draw_x(effekt_frame *c, const effekt_axis *a, double top, double bottom);
/* Vertical axis at x = left with horizontal grid lines to right. */
void effekt_axis_draw_y(effekt_frame *c, const effekt_axis *a, double left, double right);

/* ---- charts with one row per item (rows.c) ---- */

/* A row as laid out: its item, sort key and wrapped label (as many
 * lines as the label needs: a label a person reads is never cut). */
#define EFFEKT_ROW_LINES 6
typedef struct {
    size_t item;
    double value;             /* the sort key; NaN: undefined */
    char lines[EFFEKT_ROW_LINES][256];
    size_t n_lines;
} effekt_row;

/* What a row kind adds to the row layout. */
typedef struct {
    /* The item has nothing to draw: "not reported" with its reason. */
    int (*undefined)(const effekt_chart *ch, const effekt_chart_item *it);
    /* Widen [*lo, *hi] to the values of the item. */
    void (*range)(const effekt_chart *ch, const effekt_chart_item *it, double *lo, double *hi);
    /* Reorder the rows (NULL: as given). */
    void (*order)(const effekt_chart *ch, effekt_row *rows, size_t n);
    /* The text of the item's right column into buf, "" for none (NULL:
     * the kind has no right column). */
    void (*right_text)(const effekt_frame *c, const effekt_chart_item *it, char *buf, size_t size);
    /* Draw item i centred on mid, bh high. */
    void (*draw)(effekt_frame *c, const effekt_chart_item *it, size_t i, const effekt_axis *ax, double mid,
                 double bh);
    int include_zero;         /* the value axis shows 0 */
    int dates;                /* a time axis whatever chart->x_dates says */
    int value_at_end;         /* the value labels sit at the bar ends, not in a column */
} effekt_row_painter;

/* Lay out and draw the rows from y, leaving bottom_reserved for the
 * caption; returns the y below the axis and its label. */
double effekt_rows_draw(effekt_frame *c, const effekt_row_painter *p, double y, double bottom_reserved);

/* ---- charts on an x–y plane (plane.c) ---- */

/* What a plane kind adds to the plane layout. */
typedef struct {
    /* The ranges of x and y to show; effekt_plane_range gives those of the
     * items and curves. */
    void (*range)(const effekt_chart *ch, double *xlo, double *xhi, double *ylo, double *yhi);
    int x_zero, y_zero;       /* the axis shows 0 */
    int x_exact;              /* x spans the data exactly (the breaks of a histogram) */
    int y_unit;               /* y is a proportion: effekt_axis_unit */
    /* Under the curves, inside the plot (NULL: nothing). */
    void (*underlay)(effekt_frame *c, const effekt_axis *ax, const effekt_axis *ay, double left, double right,
                     double bottom);
    /* Below the x axis (NULL: nothing): `left` gives the x the plot must
     * start at least, `height` the room it needs, `draw` draws it from y
     * and returns the y below. */
    double (*below_left)(effekt_frame *c);
    double (*below_height)(effekt_frame *c);
    double (*below_draw)(effekt_frame *c, const effekt_axis *ax, double y);
    const effekt_rgb *curve_colour;   /* NULL: the palette, one colour per curve */
    double curve_width;
    double point_alpha;
} effekt_plane_painter;

void effekt_plane_range(const effekt_chart *ch, double *xlo, double *xhi, double *ylo, double *yhi);

/* Lay out and draw the plane from y, leaving bottom_reserved for the
 * caption; returns the y below it. */
double effekt_plane_draw(effekt_frame *c, const effekt_plane_painter *p, double y, double bottom_reserved);

/* ---- a chart kind: its row in chart_cairo.c's table ---- */

typedef struct {
    /* Why the chart cannot be drawn, or NULL. */
    const char *(*check)(const effekt_chart *ch);
    /* Legend entries into e (at most max); NULL: no legend. */
    size_t (*legend)(const effekt_chart *ch, effekt_legend_entry *e, size_t max);
    /* Lay out (c->draw 0: measure) and draw the chart's body from y;
     * returns the y below it. */
    double (*draw)(effekt_frame *c, double y, double bottom_reserved);
} effekt_chart_painter;

/* "nothing to draw" for a chart without items, else NULL. */
const char *effekt_frame_check_items(const effekt_chart *ch);

extern const effekt_chart_painter effekt_render_bar, effekt_render_stacked, effekt_render_forest,
    effekt_render_funnel, effekt_render_km, effekt_render_box, effekt_render_hist, effekt_render_scatter,
    effekt_render_timeline;

#endif
