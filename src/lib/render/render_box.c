/* Box plots: per group the box from q1 to q3, the median, whiskers, and
 * the values themselves (all of them when there are few, else those
 * beyond the whiskers); n in the right column.  The hinges and whiskers
 * come computed in the model (effekt_boxplot_compute). */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <cairo.h>

#include "frame.h"

static int undefined(const effekt_chart *ch, const effekt_chart_item *it)
{
    (void)ch;
    return it->box.n == 0;
}

static void range(const effekt_chart *ch, const effekt_chart_item *it, double *lo, double *hi)
{
    (void)ch;
    for (size_t k = 0; k < it->n_values; k++)
        effekt_frame_take(it->values[k], lo, hi);
}

static void right_text(const effekt_frame *c, const effekt_chart_item *it, char *buf, size_t size)
{
    char a[64];
    snprintf(buf, size, "n = %s", effekt_locale_format(c->loc, (double)it->box.n, 0, a, sizeof a));
}

/* Deterministic jitter in [-0.5, 0.5) for point k of item i. */
static double jitter(size_t i, size_t k)
{
    unsigned long long z = (unsigned long long)i * 0x9E3779B97F4A7C15ull + (unsigned long long)k + 1;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (double)(z >> 11) / 9007199254740992.0 - 0.5;
}

static void draw(effekt_frame *c, const effekt_chart_item *it, size_t i, const effekt_axis *ax, double mid, double bh)
{
    cairo_t *cr = c->cr;
    const effekt_boxplot_stats *b = &it->box;
    effekt_rgb col = palette[0];
    double x1 = effekt_axis_pos(ax, b->q1), x3 = effekt_axis_pos(ax, b->q3), xm = effekt_axis_pos(ax, b->median);
    double wl = effekt_axis_pos(ax, b->whisker_low), wh = effekt_axis_pos(ax, b->whisker_high);
    effekt_frame_colour(cr, ink, 1);
    effekt_frame_stroke(c, wl, mid, x1, mid, 1);
    effekt_frame_stroke(c, x3, mid, wh, mid, 1);
    effekt_frame_stroke(c, wl, mid - bh / 4, wl, mid + bh / 4, 1);
    effekt_frame_stroke(c, wh, mid - bh / 4, wh, mid + bh / 4, 1);
    effekt_frame_rect(c, x1, mid - bh / 2, x3, mid + bh / 2, col, 0.25, i, "box", EFFEKT_CHART_MARK_BOX);
    if (c->draw) {
        effekt_frame_colour(cr, col, 1);
        cairo_set_line_width(cr, 1);
        cairo_rectangle(cr, fmin(x1, x3), mid - bh / 2, fabs(x3 - x1), bh);
        cairo_stroke(cr);
    }
    effekt_frame_colour(cr, ink, 1);
    effekt_frame_stroke(c, xm, mid - bh / 2, xm, mid + bh / 2, 2);
    /* every value when there are few, else only those beyond the whiskers */
    for (size_t k = 0; k < it->n_values; k++) {
        double v = it->values[k];
        if (isnan(v))
            continue;
        int outside = v < b->whisker_low || v > b->whisker_high;
        if (b->n <= 30 || outside)
            effekt_frame_point(c, effekt_axis_pos(ax, v), mid + jitter(i, k) * bh * 0.8, 1.6, outside ? accent : ink,
                               0.7, i, outside ? "outlier" : "value");
    }
    effekt_frame_font(cr, TICK_PT, 0, 0);
    effekt_frame_colour(cr, grey, 1);
    char buf[160];
    right_text(c, it, buf, sizeof buf);
    effekt_frame_text(c, "n", i, c->W - MARGIN, mid + TICK_PT * 0.35, 1, buf);
}

static const effekt_row_painter rows = {
    .undefined = undefined, .range = range, .right_text = right_text, .draw = draw,
};

static double draw_box(effekt_frame *c, double y, double bottom_reserved)
{
    return effekt_rows_draw(c, &rows, y, bottom_reserved);
}

const effekt_chart_painter effekt_render_box = { .check = effekt_frame_check_items, .draw = draw_box };
