/* Histograms: the bins as bars between their breaks (R's hist() rules,
 * computed in stats/); the x axis spans the breaks exactly. */
#include "config.h"

#include <cairo.h>

#include "frame.h"

static void range(const effekt_chart *ch, double *xlo, double *xhi, double *ylo, double *yhi)
{
    if (ch->n_bins) {
        effekt_frame_take(ch->breaks[0], xlo, xhi);
        effekt_frame_take(ch->breaks[ch->n_bins], xlo, xhi);
    }
    effekt_frame_take(0, ylo, yhi);
    for (size_t i = 0; i < ch->n_bins; i++)
        effekt_frame_take(ch->counts[i], ylo, yhi);
    effekt_plane_range(ch, xlo, xhi, ylo, yhi);
}

/* The bins, outlined in white so that neighbours stay apart. */
static void underlay(effekt_frame *c, const effekt_axis *ax, const effekt_axis *ay, double left, double right,
                     double bottom)
{
    const effekt_chart *ch = c->chart;
    cairo_t *cr = c->cr;
    (void)left;
    (void)right;
    for (size_t i = 0; i < ch->n_bins; i++) {
        double x0 = effekt_axis_pos(ax, ch->breaks[i]), x1 = effekt_axis_pos(ax, ch->breaks[i + 1]);
        double y = effekt_axis_pos(ay, ch->counts[i]);
        effekt_frame_rect(c, x0, y, x1, bottom, palette[0], 0.85, i, "bin", EFFEKT_CHART_MARK_BAR);
        if (c->draw && ch->counts[i] > 0) {
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 0.6);
            cairo_rectangle(cr, x0, y, x1 - x0, bottom - y);
            cairo_stroke(cr);
        }
    }
}

static const effekt_plane_painter plane = {
    .range = range, .y_zero = 1, .x_exact = 1, .underlay = underlay, .curve_width = 1.6, .point_alpha = 1,
};

static double draw_hist(effekt_frame *c, double y, double bottom_reserved)
{
    return effekt_plane_draw(c, &plane, y, bottom_reserved);
}

static const char *check(const effekt_chart *ch)
{
    return ch->n_bins == 0 || !ch->breaks || !ch->counts ? "nothing to draw" : NULL;
}

const effekt_chart_painter effekt_render_hist = { .check = check, .draw = draw_hist };
