/* Bar charts: one value per item with its interval, sorted largest first
 * when the chart says so, the value written at the bar's end. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>

#include <cairo.h>

#include "frame.h"

/* Defined values largest first, then undefined ones in their given order. */
static int by_value(const void *a, const void *b)
{
    const effekt_row *ra = a, *rb = b;
    int ua = isnan(ra->value), ub = isnan(rb->value);
    if (ua != ub)
        return ua - ub;
    if (!ua && ra->value != rb->value)
        return ra->value < rb->value ? 1 : -1;
    return (ra->item > rb->item) - (ra->item < rb->item);
}

static void order(const effekt_chart *ch, effekt_row *rows, size_t n)
{
    if (ch->sorted)
        qsort(rows, n, sizeof *rows, by_value);
    /* pooled rows (the others of --top) last, under their line, in order */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!ch->items[rows[i].item].pooled) {
            effekt_row r = rows[i];
            memmove(&rows[m + 1], &rows[m], (i - m) * sizeof *rows);
            rows[m++] = r;
        }
}

static void right_text(const effekt_frame *c, const effekt_chart_item *it, char *buf, size_t size)
{
    if (!isnan(it->value))
        effekt_frame_value_text(c, it->value, buf, size);
}

static void draw(effekt_frame *c, const effekt_chart_item *it, size_t i, const effekt_axis *ax, double mid, double bh)
{
    cairo_t *cr = c->cr;
    double x0 = effekt_axis_pos(ax, 0), x1 = effekt_axis_pos(ax, it->value);
    effekt_frame_rect(c, x0, mid - bh / 2, x1, mid + bh / 2, palette[0], 1, i, "bar", EFFEKT_CHART_MARK_BAR);
    double end = fmax(x0, x1);
    if (!isnan(it->lower) && !isnan(it->upper)) {
        double a = effekt_axis_pos(ax, it->lower), b = effekt_axis_pos(ax, it->upper);
        effekt_frame_colour(cr, ink, 1);
        effekt_frame_stroke(c, a, mid, b, mid, 1);
        effekt_frame_stroke(c, a, mid - bh / 4, a, mid + bh / 4, 1);
        effekt_frame_stroke(c, b, mid - bh / 4, b, mid + bh / 4, 1);
        end = fmax(end, b);
    }
    char buf[160];
    effekt_frame_font(cr, TICK_PT, 0, 0);
    effekt_frame_value_text(c, it->value, buf, sizeof buf);
    if (c->draw) {   /* a white ground under the number, over any line */
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_rectangle(cr, end + 2, mid - TICK_PT * 0.7, effekt_draw_width(cr, buf) + 4, TICK_PT * 1.4);
        cairo_fill(cr);
    }
    effekt_frame_colour(cr, ink, 1);
    effekt_frame_text(c, "value", i, end + 4, mid + TICK_PT * 0.35, 0, buf);
}

static const effekt_row_painter rows = {
    .undefined = effekt_frame_value_undefined, .range = effekt_frame_value_range, .order = order, .right_text = right_text, .draw = draw,
    .include_zero = 1, .value_at_end = 1,
};

static double draw_bar(effekt_frame *c, double y, double bottom_reserved)
{
    return effekt_rows_draw(c, &rows, y, bottom_reserved);
}

const effekt_chart_painter effekt_render_bar = { .check = effekt_frame_check_items, .draw = draw_bar };
