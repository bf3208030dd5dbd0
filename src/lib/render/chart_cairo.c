/* The chart renderer: one look for every kind of chart (Okabe–Ito
 * colours, DejaVu Sans, round ticks, numbers in the reader's locale), laid
 * out in points so that PNG, SVG and PDF show the same picture.  It draws
 * what the model holds and computes nothing but positions.
 *
 * This file is the dispatch: a table of kinds, each row in its own
 * render_<kind>.c; the frame (frame.c, axis.c), the two layouts (rows.c,
 * plane.c) and the file writers (surface.c) are shared. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <cairo.h>

#include "frame.h"
#include "surface.h"

static const effekt_chart_painter *const painters[] = {
    [EFFEKT_CHART_BAR] = &effekt_render_bar,
    [EFFEKT_CHART_STACKED] = &effekt_render_stacked,
    [EFFEKT_CHART_FOREST] = &effekt_render_forest,
    [EFFEKT_CHART_FUNNEL] = &effekt_render_funnel,
    [EFFEKT_CHART_KM] = &effekt_render_km,
    [EFFEKT_CHART_BOX] = &effekt_render_box,
    [EFFEKT_CHART_HIST] = &effekt_render_hist,
    [EFFEKT_CHART_SCATTER] = &effekt_render_scatter,
    [EFFEKT_CHART_TIMELINE] = &effekt_render_timeline,
};
_Static_assert(sizeof painters / sizeof *painters == EFFEKT_CHART_TIMELINE + 1, "a chart kind without a painter");

/* The kind's row in the table; NULL for a kind out of range. */
static const effekt_chart_painter *painter_of(effekt_chart_kind kind)
{
    return (size_t)kind < sizeof painters / sizeof *painters ? painters[kind] : NULL;
}

double effekt_chart_draw(cairo_t *cr, const effekt_chart *chart, const effekt_locale *loc, double width,
                         double height, effekt_chart_scene *scene, effekt_status *status)
{
    const effekt_chart_painter *p = painter_of(chart->kind);
    if (!p) {
        if (status)
            *status = EFFEKT_EINVAL;
        return 0;
    }
    effekt_frame c = { .cr = cr, .chart = chart, .loc = loc ? loc : effekt_locale_at(0), .scene = scene,
                       .W = width, .H = height, .draw = height > 0, .status = EFFEKT_OK };
    effekt_draw_prepare(cr);
    if (c.draw) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_rectangle(cr, 0, 0, width, height);
        cairo_fill(cr);
    }
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    double y = effekt_frame_heading(&c, MARGIN - 4);
    effekt_legend_entry e[16];
    y = effekt_frame_legend(&c, e, p->legend ? p->legend(chart, e, 16) : 0, y);
    double cap = effekt_frame_caption_height(&c);
    double end = p->draw(&c, y, cap);
    if (c.draw && c.H > 0)
        end = fmax(end, c.H - cap - 4);
    effekt_frame_caption(&c, end);
    if (status)
        *status = c.status;
    return end + cap + MARGIN - 4;
}

effekt_status effekt_chart_validate(const effekt_chart *ch, effekt_diag *diag)
{
    const effekt_chart_painter *p = painter_of(ch->kind);
    const char *why = p ? p->check(ch) : "not a kind of chart";
    for (size_t k = 0; !why && k < ch->n_curves; k++)
        if (ch->curves[k].n && !ch->curves[k].x)
            why = "a curve without x values";
    if (why) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "%s chart: %s",
                        effekt_chart_kind_name(ch->kind), why);
        return EFFEKT_EINVAL;
    }
    return EFFEKT_OK;
}

effekt_status effekt_chart_render(const effekt_chart *chart, const effekt_chart_page *page,
                                  effekt_chart_format format, FILE *out, effekt_chart_scene *scene,
                                  effekt_diag *diag)
{
    effekt_status st = effekt_chart_validate(chart, diag);
    if (st != EFFEKT_OK)
        return st;
    const double pt_per_mm = 72.0 / 25.4;
    double W = (page && page->width_mm > 0 ? page->width_mm : 170) * pt_per_mm;
    double H = page && page->height_mm > 0 ? page->height_mm * pt_per_mm : 0;
    double dpi = page && page->dpi > 0 ? page->dpi : 150;
    const effekt_locale *loc = page && page->locale ? page->locale : effekt_locale_at(0);
    if (W < 100 || W > 10000 || H > 10000 || dpi < 10 || dpi > 2400) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                        "chart size %.0f x %.0f pt at %.0f dpi is outside 100..10000 pt and 10..2400 dpi", W, H,
                        dpi);
        return EFFEKT_EINVAL;
    }
    if (H == 0) {
        /* measure on a scratch surface: text metrics are unhinted, so they
         * are the same on every surface */
        cairo_t *cr = effekt_surface_scratch();
        effekt_status ms = EFFEKT_OK;
        H = ceil(effekt_chart_draw(cr, chart, loc, W, 0, NULL, &ms));
        cairo_destroy(cr);
        if (ms != EFFEKT_OK)
            return ms;   /* out of memory while measuring: the height is not to be trusted */
        if (H > 10000) {
            effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                            "%zu rows make a chart %.0f pt high (more than 10000): select fewer",
                            chart->n_items, H);
            return EFFEKT_ELIMIT;
        }
    }
    effekt_surface file;
    effekt_surface_open(&file, format, out, W, H, dpi, chart->title);
    if (scene) {
        scene->width = W;
        scene->height = H;
    }
    effekt_status ds = EFFEKT_OK;
    effekt_chart_draw(file.cr, chart, loc, W, H, scene, &ds);
    cairo_status_t cs = effekt_surface_close(&file);
    if (ds != EFFEKT_OK)
        return ds;
    if (cs == CAIRO_STATUS_NO_MEMORY)
        return EFFEKT_ENOMEM;
    if (cs != CAIRO_STATUS_SUCCESS) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "cannot write the chart: %s",
                        cairo_status_to_string(cs));
        return EFFEKT_EIO;
    }
    return EFFEKT_OK;
}
