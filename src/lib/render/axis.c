/* Axes: the one place ticks come from.  Values are placed by
 * effekt_axis_pos (frame.h) on the same axis their tick labels are drawn
 * from, so whatever a kind writes under an axis (numbers at risk) lines up
 * with its ticks. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo.h>

#include "frame.h"

/* Days since 1970-01-01 of 1 January of a year (proleptic Gregorian). */
static double year_start(long y)
{
    long yy = y - 1;
    long days = 365 * (y - 1970) + (yy / 4 - 1969 / 4) - (yy / 100 - 1969 / 100) + (yy / 400 - 1969 / 400);
    return (double)days;
}

static long year_of(double day)
{
    long y = 1970 + (long)floor(day / 365.2425);
    while (year_start(y) > day)
        y--;
    while (year_start(y + 1) <= day)
        y++;
    return y;
}

/* Round ticks over [lo, hi] (R's pretty with n = 5); the axis is
 * widened to the outer ticks.  Dates tick at whole years. */
void effekt_axis_make(effekt_axis *a, double lo, double hi, int include_zero, int percent, int dates)
{
    memset(a, 0, sizeof *a);
    a->percent = percent;
    a->dates = dates;
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (include_zero) {
        lo = fmin(lo, 0);
        hi = fmax(hi, 0);
    }
    if (dates) {
        long y0 = year_of(lo), y1 = year_of(hi) + 1;
        long span = y1 - y0, step = span <= 8 ? 1 : span <= 16 ? 2 : span <= 40 ? 5 : 10;
        y0 -= ((y0 % step) + step) % step;
        while (y1 % step)
            y1++;
        a->lo = year_start(y0);
        a->hi = year_start(y1);
        a->first = (double)y0;
        a->step = (double)step;
        a->n_ticks = (size_t)((y1 - y0) / step) + 1;
        return;
    }
    if (hi == lo) {
        hi = lo + (lo == 0 ? 1 : fabs(lo) * 0.1);
        lo = lo - (lo == 0 ? 0 : fabs(lo) * 0.1);
    }
    size_t n;
    effekt_pretty(lo, hi, 5, &a->first, &a->step, &n);
    a->lo = a->first;
    a->hi = a->first + a->step * (double)n;
    a->n_ticks = n + 1;
    double s = percent ? a->step * 100 : a->step;
    a->decimals = s >= 1 ? 0 : (int)ceil(-log10(s) - 1e-9);
    if (a->decimals > 10)
        a->decimals = 10;
}

double effekt_axis_tick_value(const effekt_axis *a, size_t i)
{
    if (a->dates)
        return year_start((long)(a->first + a->step * (double)i));
    double v = a->first + a->step * (double)i;
    return fabs(v) < a->step * 1e-9 ? 0 : v;
}

char *effekt_axis_tick_text(const effekt_frame *c, const effekt_axis *a, size_t i, char *buf, size_t size)
{
    if (a->dates) {
        snprintf(buf, size, "%ld", (long)(a->first + a->step * (double)i));
        return buf;
    }
    double v = effekt_axis_tick_value(a, i);
    if (a->percent) {
        char num[64];
        effekt_locale_format(c->loc, v * 100, a->decimals, num, sizeof num);
        snprintf(buf, size, "%s%s", num, c->loc->percent);
    } else {
        effekt_locale_format(c->loc, v, a->decimals, buf, size);
    }
    return buf;
}

double effekt_axis_widest_tick(const effekt_frame *c, const effekt_axis *a)
{
    char buf[96];
    double w = 0;
    for (size_t i = 0; i < a->n_ticks; i++)
        w = fmax(w, effekt_draw_width(c->cr, effekt_axis_tick_text(c, a, i, buf, sizeof buf)));
    return w;
}

/* Horizontal value axis under [top, bottom] with vertical grid lines;
 * returns the y below its tick labels. */
double effekt_axis_draw_x(effekt_frame *c, const effekt_axis *a, double top, double bottom)
{
    char buf[96];
    effekt_frame_font(c->cr, TICK_PT, 0, 0);
    double lh = effekt_frame_line_height(c->cr);
    double slack = (a->hi - a->lo) * 1e-9;
    for (size_t i = 0; i < a->n_ticks; i++) {
        double v = effekt_axis_tick_value(a, i);
        /* an axis set to exact ends (a histogram's breaks) keeps only the
         * ticks on it: a "0.0" left of the first break would stand
         * outside the plot */
        if (!a->dates && (v < a->lo - slack || v > a->hi + slack))
            continue;
        double x = effekt_axis_pos(a, v);
        effekt_frame_colour(c->cr, grid, 1);
        effekt_frame_stroke(c, x, top, x, bottom, 0.5);
        effekt_frame_colour(c->cr, ink, 1);
        effekt_frame_stroke(c, x, bottom, x, bottom + 3, 0.6);
        effekt_frame_text(c, "tick", (size_t)-1, x, bottom + 4 + lh * 0.8, 0.5,
                          effekt_axis_tick_text(c, a, i, buf, sizeof buf));
    }
    effekt_frame_colour(c->cr, ink, 1);
    effekt_frame_stroke(c, a->p0, bottom, a->p1, bottom, 0.8);
    return bottom + 4 + lh;
}

/* Vertical value axis left of [left, right] with horizontal grid lines. */
void effekt_axis_draw_y(effekt_frame *c, const effekt_axis *a, double left, double right)
{
    char buf[96];
    effekt_frame_font(c->cr, TICK_PT, 0, 0);
    double lh = effekt_frame_line_height(c->cr);
    for (size_t i = 0; i < a->n_ticks; i++) {
        double y = effekt_axis_pos(a, effekt_axis_tick_value(a, i));
        effekt_frame_colour(c->cr, grid, 1);
        effekt_frame_stroke(c, left, y, right, y, 0.5);
        effekt_frame_colour(c->cr, ink, 1);
        effekt_frame_stroke(c, left - 3, y, left, y, 0.6);
        effekt_frame_text(c, "tick", (size_t)-1, left - 5, y + lh * 0.3, 1,
                          effekt_axis_tick_text(c, a, i, buf, sizeof buf));
    }
    effekt_frame_colour(c->cr, ink, 1);
    effekt_frame_stroke(c, left, a->p0, left, a->p1, 0.8);
}

void effekt_axis_unit(effekt_axis *a)
{
    a->lo = 0;
    a->hi = 1;
    a->first = 0;
    a->step = 0.2;
    a->n_ticks = 6;
    a->decimals = 0;
}
