/* Funnel plots: each group's rate against its size, the pooled rate as a
 * line and the control limits as grey curves (solid, dashed, dotted);
 * groups outside the outer limits flagged and labelled. */
#include "config.h"

#include <math.h>

#include <cairo.h>

#include "frame.h"

static void range(const effekt_chart *ch, double *xlo, double *xhi, double *ylo, double *yhi)
{
    effekt_plane_range(ch, xlo, xhi, ylo, yhi);
    effekt_frame_take(ch->reference, ylo, yhi);
}

/* The pooled rate across the plot, under the limits. */
static void underlay(effekt_frame *c, const effekt_axis *ax, const effekt_axis *ay, double left, double right,
                     double bottom)
{
    (void)ax;
    (void)bottom;
    if (isnan(c->chart->reference))
        return;
    double y = effekt_axis_pos(ay, c->chart->reference);
    effekt_frame_colour(c->cr, ink, 1);
    effekt_frame_stroke(c, left, y, right, y, 1);
}

static const effekt_plane_painter plane = {
    .range = range, .x_zero = 1, .underlay = underlay, .curve_colour = &grey, .curve_width = 1, .point_alpha = 1,
};

static double draw_funnel(effekt_frame *c, double y, double bottom_reserved)
{
    return effekt_plane_draw(c, &plane, y, bottom_reserved);
}

/* The limits, each in its dash. */
static size_t legend(const effekt_chart *ch, effekt_legend_entry *e, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < ch->n_curves && n < max; k++)
        if (ch->curves[k].label)
            e[n++] = (effekt_legend_entry){ ch->curves[k].label, grey, 1 + ch->curves[k].dash };
    return n;
}

const effekt_chart_painter effekt_render_funnel = { .check = effekt_frame_check_items, .legend = legend,
                                                    .draw = draw_funnel };
