/* The layout of charts with one row per item (bar, stacked, forest, box,
 * timeline): a label column, the value axis under the rows, a right
 * column, a reference line; the kind (effekt_row_painter) says what a row
 * holds and draws it. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "frame.h"

/* The range the rows must show: the kind's values and the reference. */
static void row_range(const effekt_chart *ch, const effekt_row_painter *p, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t i = 0; i < ch->n_items; i++)
        p->range(ch, &ch->items[i], lo, hi);
    effekt_frame_take(ch->reference, lo, hi);
    if (*lo > *hi) {
        *lo = 0;
        *hi = 1;
    }
}

static const char *undefined_text(const effekt_frame *c, const effekt_chart_item *it)
{
    /* the reasons are written in English (kpi.c): other locales say
     * "not reported" in their words */
    if (c->loc == effekt_locale_at(0) && it->reason && *it->reason)
        return it->reason;
    return effekt_text_word(c->loc, EFFEKT_WORD_NOT_REPORTED);
}

double effekt_rows_draw(effekt_frame *c, const effekt_row_painter *p, double y, double bottom_reserved)
{
    const effekt_chart *ch = c->chart;
    cairo_t *cr = c->cr;
    size_t n = ch->n_items;
    effekt_row *rows = effekt_calloc(n ? n : 1, sizeof *rows);
    if (!rows) {
        c->status = EFFEKT_ENOMEM;
        return y;
    }
    double plot_w = c->W - 2 * MARGIN;
    /* label column: as wide as the widest label, at most a third */
    /* in the font each is drawn in: pooled rows are bold, and a bold
     * "130 others (ratio of sums)" measured in the regular font ran off
     * the left edge */
    double label_w = 0;
    for (size_t i = 0; i < n; i++) {
        effekt_frame_font(cr, LABEL_PT, ch->items[i].pooled, 0);
        label_w = fmax(label_w, effekt_draw_width(cr, ch->items[i].label ? ch->items[i].label : ""));
    }
    label_w = fmin(label_w, plot_w * 0.34);
    size_t max_lines = 1;
    for (size_t i = 0; i < n; i++) {
        effekt_frame_font(cr, LABEL_PT, ch->items[i].pooled, 0);
        rows[i].item = i;
        rows[i].value = ch->items[i].value;
        rows[i].n_lines = effekt_draw_wrap(cr, ch->items[i].label ? ch->items[i].label : "", label_w, EFFEKT_ROW_LINES,
                                           rows[i].lines);
        if (rows[i].n_lines > max_lines)
            max_lines = rows[i].n_lines;
    }
    effekt_frame_font(cr, LABEL_PT, 0, 0);
    if (p->order)
        p->order(ch, rows, n);
    /* the right column (values, estimates, n), measured in the label font */
    double right_w = 0;
    for (size_t i = 0; p->right_text && i < n; i++) {
        char buf[160] = "";
        p->right_text(c, &ch->items[i], buf, sizeof buf);
        right_w = fmax(right_w, effekt_draw_width(cr, buf));
    }
    double x_left = MARGIN + label_w + 10, x_right = c->W - MARGIN - (right_w > 0 ? right_w + 10 : 4);
    if (p->value_at_end)
        x_right = c->W - MARGIN - right_w - 8;   /* value labels sit at the bar ends */
    if (x_right - x_left < 60)
        x_right = x_left + 60;

    double lo, hi;
    row_range(ch, p, &lo, &hi);
    effekt_axis ax;
    effekt_axis_make(&ax, lo, hi, p->include_zero, ch->percent, p->dates || ch->x_dates);
    ax.p0 = x_left;
    ax.p1 = x_right;

    double lh = LABEL_PT * 1.2;
    double row_h = fmax(16, (double)max_lines * lh + 6);
    size_t n_pooled = 0;
    for (size_t i = 0; i < n; i++)
        n_pooled += ch->items[i].pooled != 0;
    double extra = n_pooled ? 6 : 0;
    if (c->H > 0) {
        /* a given height: rows share what the frame leaves */
        double avail = c->H - y - bottom_reserved - 40 - extra;
        if (avail / (double)(n ? n : 1) > row_h)
            row_h = fmin(avail / (double)(n ? n : 1), 3 * row_h);
    }
    /* reference label above the rows */
    if (!isnan(ch->reference)) {
        effekt_frame_font(cr, TICK_PT, 0, 0);
        effekt_frame_colour(cr, accent, 1);
        char v[64], lab[200];
        effekt_frame_value_text(c, ch->reference, v, sizeof v);
        snprintf(lab, sizeof lab, "%s%s%s", ch->reference_label ? ch->reference_label : "",
                 ch->reference_label ? " " : "", v);
        double rx = effekt_axis_pos(&ax, ch->reference), w = effekt_draw_width(cr, lab);
        double align = rx + w / 2 > c->W - MARGIN ? 1 : rx - w / 2 < x_left ? 0 : 0.5;
        effekt_frame_text(c, "reference", (size_t)-1, rx, y + TICK_PT, align, lab);
        y += TICK_PT + 4;
    }
    double top = y, bottom = y + row_h * (double)n + extra;
    /* grid first, so marks lie over it */
    double after_axis = effekt_axis_draw_x(c, &ax, top, bottom);
    /* the reference line under the marks, so labels stay readable */
    if (!isnan(ch->reference)) {
        effekt_frame_colour(cr, accent, 1);
        effekt_frame_dash(c, 1);
        double rx = effekt_axis_pos(&ax, ch->reference);
        effekt_frame_stroke(c, rx, top - 2, rx, bottom, 1.1);
        effekt_frame_dash(c, 0);
    }
    effekt_frame_font(cr, LABEL_PT, 0, 0);
    for (size_t r = 0; r < n; r++) {
        size_t i = rows[r].item;
        const effekt_chart_item *it = &ch->items[i];
        double ry = top + row_h * (double)r + (it->pooled ? extra : 0);
        double mid = ry + row_h / 2;
        /* one rule above the pooled rows, not between them (a diamond
         * and its prediction interval belong together) */
        if (it->pooled && c->draw && (r == 0 || !ch->items[rows[r - 1].item].pooled)) {
            effekt_frame_colour(cr, grey, 1);
            effekt_frame_stroke(c, MARGIN, ry - extra / 2, c->W - MARGIN, ry - extra / 2, 0.5);
        }
        /* label, vertically centred */
        effekt_frame_font(cr, LABEL_PT, it->pooled, 0);
        effekt_frame_colour(cr, ink, 1);
        double ty = mid - (double)rows[r].n_lines * lh / 2 + lh * 0.78;
        for (size_t l = 0; l < rows[r].n_lines; l++)
            effekt_frame_text(c, "label", i, x_left - 10, ty + (double)l * lh, 1, rows[r].lines[l]);
        if (p->undefined(ch, it)) {
            effekt_frame_font(cr, LABEL_PT, 0, 1);
            effekt_frame_colour(cr, grey, 1);
            char u[256];
            effekt_draw_wrap(cr, undefined_text(c, it), x_right - x_left - 8, 1, (char (*)[256])u);
            effekt_frame_text(c, "undefined", i, x_left + 4, mid + LABEL_PT * 0.35, 0, u);
            continue;
        }
        p->draw(c, it, i, &ax, mid, fmin(row_h * 0.62, 14));
    }
    free(rows);
    y = after_axis;
    if (ch->x_label) {
        effekt_frame_font(cr, LABEL_PT, 0, 0);
        effekt_frame_colour(cr, ink, 1);
        y += LABEL_PT * 1.4;
        effekt_frame_text(c, "axis-label", (size_t)-1, (x_left + x_right) / 2, y, 0.5, ch->x_label);
    }
    return y;
}

