/* The layout of charts on an x–y plane (funnel, km, hist, scatter): a y
 * axis with grid lines, an x axis, curves with bands, points and the
 * labels of flagged points; the kind (effekt_plane_painter) gives the
 * ranges, what lies under the curves and what goes under the x axis. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <cairo.h>

#include "frame.h"

void effekt_plane_range(const effekt_chart *ch, double *xlo, double *xhi, double *ylo, double *yhi)
{
    for (size_t i = 0; i < ch->n_items; i++) {
        effekt_frame_take(ch->items[i].x, xlo, xhi);
        effekt_frame_take(ch->items[i].y, ylo, yhi);
    }
    for (size_t k = 0; k < ch->n_curves; k++) {
        const effekt_chart_curve *cv = &ch->curves[k];
        for (size_t i = 0; i < cv->n; i++) {
            effekt_frame_take(cv->x[i], xlo, xhi);
            if (cv->y)
                effekt_frame_take(cv->y[i], ylo, yhi);
            if (cv->lower)
                effekt_frame_take(cv->lower[i], ylo, yhi);
            if (cv->upper)
                effekt_frame_take(cv->upper[i], ylo, yhi);
        }
    }
}

/* Set the clip to the plot area while drawing marks that may leave it. */
static void clip_plot(effekt_frame *c, double x0, double y0, double x1, double y1)
{
    if (!c->draw)
        return;
    cairo_save(c->cr);
    cairo_rectangle(c->cr, x0, y0, x1 - x0, y1 - y0);
    cairo_clip(c->cr);
}

static void unclip(effekt_frame *c)
{
    if (c->draw)
        cairo_restore(c->cr);
}

/* The path of a curve's values v (y, lower or upper) as steps or lines;
 * a NaN value breaks the line. */
static void curve_path(effekt_frame *c, const effekt_chart_curve *cv, const double *v, const effekt_axis *ax,
                       const effekt_axis *ay)
{
    cairo_t *cr = c->cr;
    int open = 0;
    for (size_t i = 0; i < cv->n; i++) {
        if (isnan(v[i])) {
            open = 0;
            continue;
        }
        double x = effekt_axis_pos(ax, cv->x[i]), y = effekt_axis_pos(ay, v[i]);
        if (!open) {
            cairo_move_to(cr, x, y);
            open = 1;
            continue;
        }
        if (cv->steps)   /* right-continuous: hold the previous level up to this time */
            cairo_line_to(cr, x, effekt_axis_pos(ay, v[i - 1]));
        cairo_line_to(cr, x, y);
    }
}

double effekt_plane_draw(effekt_frame *c, const effekt_plane_painter *p, double y, double bottom_reserved)
{
    const effekt_chart *ch = c->chart;
    cairo_t *cr = c->cr;
    double xlo, xhi, ylo, yhi;
    xlo = ylo = INFINITY;
    xhi = yhi = -INFINITY;
    p->range(ch, &xlo, &xhi, &ylo, &yhi);
    effekt_axis ax, ay;
    effekt_axis_make(&ax, xlo, xhi, p->x_zero, 0, ch->x_dates);
    if (p->x_exact) {
        ax.lo = xlo;   /* the breaks are the axis: hist draws them exactly */
        ax.hi = xhi;
    }
    effekt_axis_make(&ay, ylo, yhi, p->y_zero, ch->percent, 0);
    if (p->y_unit)
        effekt_axis_unit(&ay);
    effekt_frame_font(cr, TICK_PT, 0, 0);
    double tick_w = effekt_axis_widest_tick(c, &ay);
    double left = MARGIN + (ch->y_label ? LABEL_PT * 1.6 : 0) + tick_w + 8;
    /* what goes under the axis may need room left of it (group names) */
    left = fmax(left, p->below_left ? p->below_left(c) : MARGIN + 10);
    char last[96];
    /* room for half the last tick label right of the axis */
    double last_w = effekt_draw_width(cr, effekt_axis_tick_text(c, &ax, ax.n_ticks - 1, last, sizeof last));
    double right = c->W - MARGIN - fmax(8, last_w / 2);
    double under_h = p->below_height ? p->below_height(c) : 0;
    double below = 4 + TICK_PT * 1.4 + (ch->x_label ? LABEL_PT * 1.6 : 0) + under_h;
    double H = c->H > 0 ? c->H : y + (c->W - 2 * MARGIN) * 0.5 + below + bottom_reserved;
    double top = y + 4, bottom = H - bottom_reserved - below;
    if (bottom - top < 60)
        bottom = top + 60;
    ax.p0 = left;
    ax.p1 = right;
    ay.p0 = bottom;
    ay.p1 = top;

    effekt_axis_draw_y(c, &ay, left, right);
    double after = effekt_axis_draw_x(c, &ax, bottom, bottom);   /* no vertical grid on planes */
    if (ch->x_label) {
        effekt_frame_font(cr, LABEL_PT, 0, 0);
        effekt_frame_colour(cr, ink, 1);
        after += LABEL_PT * 1.4;
        effekt_frame_text(c, "axis-label", (size_t)-1, (left + right) / 2, after, 0.5, ch->x_label);
    }
    if (ch->y_label) {
        effekt_frame_font(cr, LABEL_PT, 0, 0);
        effekt_frame_colour(cr, ink, 1);
        double w = effekt_draw_width(cr, ch->y_label), cx = left - tick_w - 10 - LABEL_PT * 0.3;
        double cy = (top + bottom) / 2;
        if (c->draw) {
            cairo_save(cr);
            cairo_translate(cr, cx, cy);
            cairo_rotate(cr, -M_PI / 2);
            cairo_move_to(cr, -w / 2, 0);
            cairo_show_text(cr, ch->y_label);
            cairo_new_path(cr);
            cairo_restore(cr);
        }
        effekt_frame_mark(c, EFFEKT_CHART_MARK_TEXT, "axis-label", ch->y_label, cx - LABEL_PT, cy - w / 2, LABEL_PT * 1.2, w,
                          (size_t)-1);
    }

    clip_plot(c, left, top - 1, right + 1, bottom);
    if (p->underlay)
        p->underlay(c, &ax, &ay, left, right, bottom);
    for (size_t k = 0; k < ch->n_curves; k++) {
        const effekt_chart_curve *cv = &ch->curves[k];
        effekt_rgb col = p->curve_colour ? *p->curve_colour : palette[k % N_PALETTE];
        if (!c->draw)
            continue;
        if (cv->y && cv->lower && cv->upper) {
            effekt_frame_colour(cr, col, 0.15);
            cairo_new_path(cr);
            if (cv->steps) {
                /* a step band is a row of rectangles, one per step; a step
                 * without an interval (S = 0) has none */
                for (size_t j = 0; j + 1 < cv->n; j++)
                    if (!isnan(cv->lower[j]) && !isnan(cv->upper[j])) {
                        double x0 = effekt_axis_pos(&ax, cv->x[j]), x1 = effekt_axis_pos(&ax, cv->x[j + 1]);
                        double y0 = effekt_axis_pos(&ay, cv->upper[j]), y1 = effekt_axis_pos(&ay, cv->lower[j]);
                        cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
                    }
            } else {
                curve_path(c, cv, cv->upper, &ax, &ay);
                for (size_t j = cv->n; j-- > 0;)
                    if (!isnan(cv->lower[j]))
                        cairo_line_to(cr, effekt_axis_pos(&ax, cv->x[j]), effekt_axis_pos(&ay, cv->lower[j]));
                cairo_close_path(cr);
            }
            cairo_fill(cr);
        }
        effekt_frame_colour(cr, col, 1);
        effekt_frame_dash(c, cv->dash);
        cairo_set_line_width(cr, p->curve_width);
        if (cv->y) {
            cairo_new_path(cr);
            curve_path(c, cv, cv->y, &ax, &ay);
            cairo_stroke(cr);
        } else {
            if (cv->lower) {
                cairo_new_path(cr);
                curve_path(c, cv, cv->lower, &ax, &ay);
                cairo_stroke(cr);
            }
            if (cv->upper) {
                cairo_new_path(cr);
                curve_path(c, cv, cv->upper, &ax, &ay);
                cairo_stroke(cr);
            }
        }
        effekt_frame_dash(c, 0);
        /* censoring ticks: a short vertical stroke on the curve */
        if (cv->censor_x && cv->y) {
            cairo_set_line_width(cr, 0.9);
            size_t j = 0;
            for (size_t t = 0; t < cv->n_censor; t++) {
                double tx = cv->censor_x[t];
                while (j + 1 < cv->n && cv->x[j + 1] <= tx)
                    j++;
                double s = cv->x[0] <= tx ? cv->y[j] : 1;
                double px = effekt_axis_pos(&ax, tx), py = effekt_axis_pos(&ay, s);
                cairo_move_to(cr, px, py - 3);
                cairo_line_to(cr, px, py + 3);
            }
            cairo_stroke(cr);
        }
    }
    for (size_t k = 0; k < ch->n_curves; k++)
        effekt_frame_mark(c, EFFEKT_CHART_MARK_LINE, "curve", ch->curves[k].label, left, top, right - left, bottom - top, k);
    /* points, flagged ones in the accent colour */
    for (size_t i = 0; i < ch->n_items; i++) {
        const effekt_chart_item *it = &ch->items[i];
        if (isnan(it->x) || isnan(it->y))
            continue;
        effekt_frame_point(c, effekt_axis_pos(&ax, it->x), effekt_axis_pos(&ay, it->y), it->flagged ? 3.2 : 2.6,
                           it->flagged == 1 ? accent : palette[0], p->point_alpha, i,
                           it->flagged == 1 ? "flagged" : it->flagged ? "highlight" : "point");
    }
    unclip(c);
    /* labels of flagged points, pushed down when they would overlap */
    effekt_frame_font(cr, TICK_PT, 0, 0);
    double placed[64][4];
    size_t n_placed = 0;
    for (size_t i = 0; i < ch->n_items; i++) {
        const effekt_chart_item *it = &ch->items[i];
        if (!it->flagged || !it->label || isnan(it->x) || isnan(it->y))
            continue;
        double w = effekt_draw_width(cr, it->label), h = TICK_PT * 1.2;
        double px = effekt_axis_pos(&ax, it->x) + 5, py = effekt_axis_pos(&ay, it->y) - 4;
        double align = 0;
        if (px + w > right) {
            px -= 10;
            align = 1;
        }
        double x0 = px - align * w;
        for (int moved = 1, guard = 0; moved && guard < 64; guard++) {
            moved = 0;
            for (size_t k = 0; k < n_placed; k++)
                if (x0 < placed[k][0] + placed[k][2] && placed[k][0] < x0 + w && py - h < placed[k][1] &&
                    placed[k][1] - placed[k][3] < py) {
                    py = placed[k][1] + h;
                    moved = 1;
                }
        }
        effekt_frame_colour(cr, ink, 1);
        effekt_frame_text(c, "point-label", i, px, py, align, it->label);
        if (n_placed < 64) {
            placed[n_placed][0] = x0;
            placed[n_placed][1] = py;
            placed[n_placed][2] = w;
            placed[n_placed][3] = h;
            n_placed++;
        }
    }
    if (p->below_draw)
        after = p->below_draw(c, &ax, after);
    return fmax(after, c->H > 0 ? c->H - bottom_reserved : after);
}

