/* Forest plots: an estimate with its interval per row, the estimate and
 * interval written in the right column, pooled rows last as diamonds. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "frame.h"

/* Pooled rows go last, each group in its given order.  Out of memory the
 * rows stay as given: the picture is still right, only the order differs. */
static void order(const effekt_chart *ch, effekt_row *rows, size_t n)
{
    size_t k = 0;
    effekt_row *tmp = effekt_malloc((n ? n : 1) * sizeof *tmp);
    if (!tmp)
        return;
    for (size_t i = 0; i < n; i++)
        if (!ch->items[rows[i].item].pooled)
            tmp[k++] = rows[i];
    for (size_t i = 0; i < n; i++)
        if (ch->items[rows[i].item].pooled)
            tmp[k++] = rows[i];
    memcpy(rows, tmp, n * sizeof *rows);
    free(tmp);
}

/* "estimate (lower–upper)", or the estimate alone. */
static void right_text(const effekt_frame *c, const effekt_chart_item *it, char *buf, size_t size)
{
    char a[64], b[64], d[64];
    if (isnan(it->value))
        return;
    if (it->prediction && !isnan(it->lower))   /* a range, no estimate of its own */
        snprintf(buf, size, "%s\u2013%s", effekt_frame_value_text(c, it->lower, b, sizeof b),
                 effekt_frame_value_text(c, it->upper, d, sizeof d));
    else if (!isnan(it->lower))
        snprintf(buf, size, "%s (%s\u2013%s)", effekt_frame_value_text(c, it->value, a, sizeof a),
                 effekt_frame_value_text(c, it->lower, b, sizeof b),
                 effekt_frame_value_text(c, it->upper, d, sizeof d));
    else
        effekt_frame_value_text(c, it->value, buf, size);
}

/* The largest weight of the chart's rows: a marker's area is its share
 * of it (0 when no row has a weight). */
static double max_weight(const effekt_chart *ch)
{
    double m = 0;
    for (size_t i = 0; i < ch->n_items; i++)
        if (!ch->items[i].pooled && ch->items[i].weight > 0)
            m = fmax(m, ch->items[i].weight);
    return m;
}

static void draw(effekt_frame *c, const effekt_chart_item *it, size_t i, const effekt_axis *ax, double mid, double bh)
{
    cairo_t *cr = c->cr;
    double x = effekt_axis_pos(ax, it->value);
    effekt_frame_colour(cr, it->pooled ? ink : palette[0], 1);
    if (it->pooled && it->prediction) {
        /* a prediction interval: a bar over its range, no point */
        double a = effekt_axis_pos(ax, it->lower), b = effekt_axis_pos(ax, it->upper), h = bh * 0.22;
        effekt_frame_rect(c, a, mid - h, b, mid + h, palette[0], 0.45, i, "prediction", EFFEKT_CHART_MARK_BAR);
        if (c->draw) {
            effekt_frame_colour(cr, palette[0], 1);
            cairo_rectangle(cr, a, mid - h, b - a, 2 * h);
            cairo_set_line_width(cr, 0.8);
            cairo_stroke(cr);
        }
    } else if (it->pooled) {
        double a = effekt_axis_pos(ax, isnan(it->lower) ? it->value : it->lower);
        double b = effekt_axis_pos(ax, isnan(it->upper) ? it->value : it->upper);
        /* a ratio of sums has no interval: a diamond of no width was
         * drawn as nothing (looked at in forest --kpi eu_share) */
        a = fmin(a, x - 5);
        b = fmax(b, x + 5);
        if (c->draw) {
            cairo_move_to(cr, a, mid);
            cairo_line_to(cr, x, mid - bh / 2);
            cairo_line_to(cr, b, mid);
            cairo_line_to(cr, x, mid + bh / 2);
            cairo_close_path(cr);
            cairo_fill(cr);
        }
        effekt_frame_mark(c, EFFEKT_CHART_MARK_POINT, "diamond", NULL, a, mid - bh / 2, b - a, bh, i);
    } else {
        if (!isnan(it->lower) && !isnan(it->upper))
            effekt_frame_stroke(c, effekt_axis_pos(ax, it->lower), mid, effekt_axis_pos(ax, it->upper), mid, 1.2);
        double wmax = it->weight > 0 ? max_weight(c->chart) : 0;
        double half = wmax > 0 ? fmax(1.8, bh * 0.7 * sqrt(it->weight / wmax)) : 3.5;
        effekt_frame_rect(c, x - half, mid - half, x + half, mid + half, palette[0], 1, i, "estimate",
                          EFFEKT_CHART_MARK_POINT);
    }
    effekt_frame_font(cr, TICK_PT, it->pooled, 0);
    effekt_frame_colour(cr, ink, 1);
    char buf[160] = "";
    right_text(c, it, buf, sizeof buf);
    effekt_frame_text(c, "value", i, c->W - MARGIN, mid + TICK_PT * 0.35, 1, buf);
}

static const effekt_row_painter rows = {
    .undefined = effekt_frame_value_undefined, .range = effekt_frame_value_range, .order = order, .right_text = right_text, .draw = draw,
};

static double draw_forest(effekt_frame *c, double y, double bottom_reserved)
{
    return effekt_rows_draw(c, &rows, y, bottom_reserved);
}

const effekt_chart_painter effekt_render_forest = { .check = effekt_frame_check_items, .draw = draw_forest };
