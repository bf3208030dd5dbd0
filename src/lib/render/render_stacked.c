/* Stacked bars: the parts of each item (the funding mix) as 100 % bars or
 * as amounts, each share written inside its segment when it fits. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <cairo.h>

#include "frame.h"

static double stacked_total(const effekt_chart *ch, const effekt_chart_item *it)
{
    double t = 0;
    for (size_t p = 0; p < ch->n_parts; p++)
        if (!isnan(it->parts[p]))
            t += it->parts[p];
    return t;
}

static int undefined(const effekt_chart *ch, const effekt_chart_item *it)
{
    double total = 0;
    int any = 0;
    for (size_t p = 0; p < ch->n_parts; p++)
        if (!isnan(it->parts[p])) {
            total += it->parts[p];
            any = 1;
        }
    return !any || total <= 0;
}

static void range(const effekt_chart *ch, const effekt_chart_item *it, double *lo, double *hi)
{
    effekt_frame_take(ch->amounts ? stacked_total(ch, it) : 1.0, lo, hi);
    effekt_frame_take(0.0, lo, hi);
}

static void draw(effekt_frame *c, const effekt_chart_item *it, size_t i, const effekt_axis *ax, double mid, double bh)
{
    const effekt_chart *ch = c->chart;
    cairo_t *cr = c->cr;
    double total = stacked_total(ch, it), acc = 0;
    for (size_t p = 0; p < ch->n_parts; p++) {
        double v = it->parts[p];
        if (isnan(v) || v <= 0)
            continue;
        double a = ch->amounts ? acc : acc / total, b = ch->amounts ? acc + v : (acc + v) / total;
        double x0 = effekt_axis_pos(ax, a), x1 = effekt_axis_pos(ax, b);
        effekt_frame_rect(c, x0, mid - bh / 2, x1, mid + bh / 2, part_colours[p], 1, i, "segment", EFFEKT_CHART_MARK_BAR);
        /* the share inside the segment when it fits */
        char sh[64], num[64];
        effekt_locale_format(c->loc, v / total * 100, 0, num, sizeof num);
        snprintf(sh, sizeof sh, "%s%s", num, c->loc->percent);
        effekt_frame_font(cr, TICK_PT, 0, 0);
        if (effekt_draw_width(cr, sh) + 4 < x1 - x0) {
            effekt_rgb pc = part_colours[p];
            double lum = 0.299 * pc.r + 0.587 * pc.g + 0.114 * pc.b;
            effekt_frame_colour(cr, lum < 0.55 ? (effekt_rgb){ 1, 1, 1 } : ink, 1);
            effekt_frame_text(c, "share", i, (x0 + x1) / 2, mid + TICK_PT * 0.35, 0.5, sh);
        }
        acc += v;
    }
}

static const effekt_row_painter rows = {
    .undefined = undefined, .range = range, .draw = draw, .include_zero = 1,
};

static double draw_stacked(effekt_frame *c, double y, double bottom_reserved)
{
    return effekt_rows_draw(c, &rows, y, bottom_reserved);
}

static const char *check(const effekt_chart *ch)
{
    const char *why = effekt_frame_check_items(ch);
    if (!why && (ch->n_parts == 0 || ch->n_parts > EFFEKT_CHART_MAX_PARTS))
        why = "a stacked chart needs 1 to 6 parts";
    return why;
}

/* One swatch per part, in the colours of the segments. */
static size_t legend(const effekt_chart *ch, effekt_legend_entry *e, size_t max)
{
    size_t n = 0;
    for (size_t p = 0; p < ch->n_parts && n < max; p++)
        e[n++] = (effekt_legend_entry){ ch->part_names[p], part_colours[p], 0 };
    return n;
}

const effekt_chart_painter effekt_render_stacked = { .check = check, .legend = legend, .draw = draw_stacked };
