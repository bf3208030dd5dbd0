/* Timelines: each project's period on a time axis in years, the
 * extension to its revised end in a lighter colour, ended by a stroke. */
#include "config.h"

#include <math.h>

#include <cairo.h>

#include "frame.h"

static int undefined(const effekt_chart *ch, const effekt_chart_item *it)
{
    (void)ch;
    return isnan(it->start) || (isnan(it->end) && isnan(it->revised_end));
}

static void range(const effekt_chart *ch, const effekt_chart_item *it, double *lo, double *hi)
{
    (void)ch;
    effekt_frame_take(it->start, lo, hi);
    effekt_frame_take(it->end, lo, hi);
    effekt_frame_take(it->revised_end, lo, hi);
}

static int extended(const effekt_chart_item *it)
{
    return !isnan(it->end) && !isnan(it->revised_end) && it->revised_end != it->end;
}

static void draw(effekt_frame *c, const effekt_chart_item *it, size_t i, const effekt_axis *ax, double mid, double bh)
{
    double s = it->start, e = isnan(it->end) ? it->revised_end : it->end;
    effekt_frame_rect(c, effekt_axis_pos(ax, s), mid - bh / 2, effekt_axis_pos(ax, e), mid + bh / 2, palette[0], 1, i,
                      "period", EFFEKT_CHART_MARK_BAR);
    if (extended(it)) {
        double a = effekt_axis_pos(ax, it->end), b = effekt_axis_pos(ax, it->revised_end);
        effekt_frame_rect(c, a, mid - bh / 2, b, mid + bh / 2, palette[5], 0.6, i, "extension", EFFEKT_CHART_MARK_BAR);
        effekt_frame_colour(c->cr, accent, 1);
        effekt_frame_stroke(c, b, mid - bh / 2 - 2, b, mid + bh / 2 + 2, 1.6);
    }
}

static const effekt_row_painter rows = {
    .undefined = undefined, .range = range, .draw = draw, .dates = 1,
};

static double draw_timeline(effekt_frame *c, double y, double bottom_reserved)
{
    return effekt_rows_draw(c, &rows, y, bottom_reserved);
}

/* The two colours explained when some period was extended. */
static size_t legend(const effekt_chart *ch, effekt_legend_entry *e, size_t max)
{
    int ext = 0;
    for (size_t i = 0; i < ch->n_items; i++)
        ext |= extended(&ch->items[i]);
    if (!ext || !ch->part_names[0] || !ch->part_names[1] || max < 2)
        return 0;
    e[0] = (effekt_legend_entry){ ch->part_names[0], palette[0], 0 };
    e[1] = (effekt_legend_entry){ ch->part_names[1], palette[5], 0 };
    return 2;
}

const effekt_chart_painter effekt_render_timeline = { .check = effekt_frame_check_items, .draw = draw_timeline,
                                                      .legend = legend };
