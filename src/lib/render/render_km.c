/* Kaplan–Meier charts: survival curves as steps with their bands and
 * censoring ticks on a 0–1 axis, and the numbers at risk under the x
 * axis, placed by the same axis as its ticks so that they line up. */
#include "config.h"

#include <math.h>

#include <cairo.h>

#include "frame.h"

static void range(const effekt_chart *ch, double *xlo, double *xhi, double *ylo, double *yhi)
{
    effekt_plane_range(ch, xlo, xhi, ylo, yhi);
    effekt_frame_take(0, ylo, yhi);
    effekt_frame_take(1, ylo, yhi);
    effekt_frame_take(0, xlo, xhi);
}

/* The rows of the numbers-at-risk table: curves with numbers, when the
 * chart has times to give them at. */
static size_t risk_rows(const effekt_chart *ch)
{
    size_t n = 0;
    for (size_t k = 0; ch->n_risk_times && k < ch->n_curves; k++)
        n += ch->curves[k].at_risk != NULL;
    return n;
}

/* The width of the group names left of the table, at most 30 %. */
static double risk_label_width(effekt_frame *c)
{
    const effekt_chart *ch = c->chart;
    double w = 0;
    if (!ch->n_risk_times)
        return 0;
    effekt_frame_font(c->cr, TICK_PT, 0, 0);
    for (size_t k = 0; k < ch->n_curves; k++)
        if (ch->curves[k].at_risk)
            w = fmax(w, effekt_draw_width(c->cr, ch->curves[k].label ? ch->curves[k].label : ""));
    return fmin(w, (c->W - 2 * MARGIN) * 0.3);
}

/* The group names and half the first number must fit left of the axis. */
static double below_left(effekt_frame *c)
{
    const effekt_chart *ch = c->chart;
    double label_w = risk_label_width(c), num_w = 0;
    char num[96];
    for (size_t k = 0; risk_rows(ch) && k < ch->n_curves; k++)
        if (ch->curves[k].at_risk && ch->n_risk_times)
            num_w = fmax(num_w, effekt_draw_width(c->cr, effekt_locale_format(c->loc, ch->curves[k].at_risk[0], 0,
                                                                                num, sizeof num)));
    return MARGIN + label_w + num_w / 2 + 10;
}

/* The name of curve k wrapped at the label column's width: a long
 * project name takes more lines, it is never cut.  TICK_PT font set. */
#define RISK_LINES 4
static size_t risk_label_lines(effekt_frame *c, size_t k, double label_w, char (*lines)[256])
{
    const effekt_chart_curve *cv = &c->chart->curves[k];
    effekt_frame_font(c->cr, TICK_PT, 0, 0);
    return effekt_draw_wrap(c->cr, cv->label ? cv->label : "", label_w, RISK_LINES, lines);
}

static double below_height(effekt_frame *c)
{
    size_t n = risk_rows(c->chart);
    if (!n)
        return 0;
    double label_w = risk_label_width(c), h = TICK_PT * 1.5 + 8;
    char lines[RISK_LINES][256];
    for (size_t k = 0; k < c->chart->n_curves; k++)
        if (c->chart->curves[k].at_risk)
            h += TICK_PT * 1.5 + (double)(risk_label_lines(c, k, label_w, lines) - 1) * TICK_PT * 1.2;
    return h;
}

/* The numbers at risk: a heading, then a row per curve in its colour,
 * each number under its time on the x axis. */
static double below_draw(effekt_frame *c, const effekt_axis *ax, double y)
{
    const effekt_chart *ch = c->chart;
    cairo_t *cr = c->cr;
    if (!risk_rows(ch))
        return y;
    double label_w = risk_label_width(c);
    double ry = y + TICK_PT * 1.6;
    effekt_frame_font(cr, TICK_PT, 1, 0);
    effekt_frame_colour(cr, ink, 1);
    effekt_frame_text(c, "risk-heading", (size_t)-1, MARGIN, ry, 0,
                      effekt_text_word(c->loc, EFFEKT_WORD_NUMBER_AT_RISK));
    for (size_t k = 0; k < ch->n_curves; k++) {
        const effekt_chart_curve *cv = &ch->curves[k];
        if (!cv->at_risk)
            continue;
        ry += TICK_PT * 1.5;
        effekt_frame_font(cr, TICK_PT, 0, 0);
        effekt_frame_colour(cr, palette[k % N_PALETTE], 1);
        char lines[RISK_LINES][256];
        size_t n_lines = risk_label_lines(c, k, label_w, lines);
        effekt_frame_colour(cr, palette[k % N_PALETTE], 1);
        for (size_t l = 0; l < n_lines; l++)
            effekt_frame_text(c, "risk-label", k, MARGIN, ry + (double)l * TICK_PT * 1.2, 0, lines[l]);
        effekt_frame_colour(cr, ink, 1);
        for (size_t t = 0; t < ch->n_risk_times; t++) {
            char num[64];
            effekt_locale_format(c->loc, cv->at_risk[t], 0, num, sizeof num);
            effekt_frame_text(c, "at-risk", k, effekt_axis_pos(ax, ch->risk_times[t]), ry, 0.5, num);
        }
        ry += (double)(n_lines - 1) * TICK_PT * 1.2;
    }
    return ry + 4;
}

static const effekt_plane_painter plane = {
    .range = range, .x_zero = 1, .y_zero = 1, .y_unit = 1, .below_left = below_left,
    .below_height = below_height, .below_draw = below_draw, .curve_width = 1.6, .point_alpha = 1,
};

static double draw_km(effekt_frame *c, double y, double bottom_reserved)
{
    return effekt_plane_draw(c, &plane, y, bottom_reserved);
}

static const char *check(const effekt_chart *ch)
{
    return ch->n_curves == 0 ? "nothing to draw" : NULL;
}

/* One line per curve when there are several. */
static size_t legend(const effekt_chart *ch, effekt_legend_entry *e, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; ch->n_curves > 1 && k < ch->n_curves && n < max; k++)
        e[n++] = (effekt_legend_entry){ ch->curves[k].label, palette[k % N_PALETTE], 1 };
    return n;
}

const effekt_chart_painter effekt_render_km = { .check = check, .legend = legend, .draw = draw_km };
