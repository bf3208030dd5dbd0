/* Scatter plots: the points, and the OLS line with its band as the model
 * holds them (computed in stats/, not here). */
#include "config.h"

#include <cairo.h>

#include "frame.h"

static const effekt_plane_painter plane = {
    .range = effekt_plane_range, .curve_colour = &accent, .curve_width = 1.6, .point_alpha = 0.75,
};

static double draw_scatter(effekt_frame *c, double y, double bottom_reserved)
{
    return effekt_plane_draw(c, &plane, y, bottom_reserved);
}

/* The fitted line. */
static size_t legend(const effekt_chart *ch, effekt_legend_entry *e, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < ch->n_curves && n < max; k++)
        if (ch->curves[k].label)
            e[n++] = (effekt_legend_entry){ ch->curves[k].label, accent, 1 };
    return n;
}

const effekt_chart_painter effekt_render_scatter = { .check = effekt_frame_check_items, .legend = legend,
                                                     .draw = draw_scatter };
