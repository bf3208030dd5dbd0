/* The frame every chart is drawn in: text (fonts, wrapping, cut with
 * "…"), the marks of the scene, numbers as the chart states them, strokes
 * and shapes, and the title, legend and caption around the chart's body.
 * Laid out in points so that PNG, SVG and PDF show the same picture. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "frame.h"

/* ---- text ---- */

void effekt_draw_prepare(cairo_t *cr)
{
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
}

void effekt_frame_font(cairo_t *cr, double size, int bold, int italic)
{
    cairo_select_font_face(cr, EFFEKT_FONT, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

void effekt_frame_colour(cairo_t *cr, effekt_rgb c, double alpha)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

double effekt_draw_width(cairo_t *cr, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    return e.x_advance;
}

double effekt_frame_line_height(cairo_t *cr)
{
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    return fe.ascent + fe.descent;
}

void effekt_frame_mark(effekt_frame *c, effekt_chart_mark_type type, const char *role, const char *text, double x,
                       double y, double w, double h, size_t item)
{
    effekt_chart_scene *s = c->scene;
    if (!s || !c->draw)
        return;
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        effekt_chart_mark *m = effekt_realloc(s->marks, cap * sizeof *m);
        if (!m) {
            c->status = EFFEKT_ENOMEM;
            return;
        }
        s->marks = m;
        s->cap = cap;
    }
    effekt_chart_mark *m = &s->marks[s->n];
    *m = (effekt_chart_mark){ .type = type, .x = x, .y = y, .w = w, .h = h, .item = item };
    m->role = effekt_strdup(role);
    m->text = text ? effekt_strdup(text) : NULL;
    if (!m->role || (text && !m->text)) {
        free(m->role);
        free(m->text);
        c->status = EFFEKT_ENOMEM;
        return;
    }
    s->n++;
}

/* Text with its baseline at y, aligned at x by `align` (0 left, 0.5
 * centre, 1 right).  Returns its width. */
double effekt_frame_text(effekt_frame *c, const char *role, size_t item, double x, double y, double align,
                         const char *s)
{
    cairo_text_extents_t e;
    cairo_font_extents_t fe;
    cairo_text_extents(c->cr, s, &e);
    cairo_font_extents(c->cr, &fe);
    double x0 = x - align * e.x_advance;
    if (c->draw) {
        cairo_move_to(c->cr, x0, y);
        cairo_show_text(c->cr, s);
        cairo_new_path(c->cr);
    }
    effekt_frame_mark(c, EFFEKT_CHART_MARK_TEXT, role, s, x0, y - fe.ascent, e.x_advance, fe.ascent + fe.descent, item);
    return e.x_advance;
}

/* Cut s (UTF-8) so that s + "…" fits max_width. */
static void ellipsize(cairo_t *cr, char *s, double max_width)
{
    char buf[256];
    size_t len = strlen(s);
    if (len > 250)
        len = 250;
    while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
        len--;   /* never cut inside a character */
    for (;;) {
        memcpy(buf, s, len);
        memcpy(buf + len, "\u2026", 4);   /* 3 bytes and the NUL */
        if (len == 0 || effekt_draw_width(cr, buf) <= max_width)
            break;
        do
            len--;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80);
        while (len > 0 && s[len - 1] == ' ')
            len--;
    }
    memcpy(s, buf, strlen(buf) + 1);
}

size_t effekt_draw_wrap(cairo_t *cr, const char *s, double max_width, size_t max_lines, char (*lines)[256])
{
    size_t n = 0;
    lines[0][0] = '\0';
    const char *p = s ? s : "";
    int cut = 0;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t wl = strcspn(p, " ");
        char trial[512];
        if (lines[n][0])
            snprintf(trial, sizeof trial, "%s %.*s", lines[n], (int)wl, p);
        else
            snprintf(trial, sizeof trial, "%.*s", (int)wl, p);
        if (strlen(trial) < 255 && effekt_draw_width(cr, trial) <= max_width) {
            snprintf(lines[n], 256, "%s", trial);
            p += wl;
            continue;
        }
        if (lines[n][0] && n + 1 < max_lines) {
            lines[++n][0] = '\0';
            continue;   /* the word goes on the next line */
        }
        /* the word does not fit on an empty line, or no line is left */
        snprintf(lines[n], 256, "%.255s", trial);
        cut = 1;
        break;
    }
    if (cut || effekt_draw_width(cr, lines[n]) > max_width)
        ellipsize(cr, lines[n], max_width);
    return n + 1;
}

/* ---- numbers ---- */

static int auto_decimals(double v)
{
    double a = fabs(v);
    return a >= 100 || a == 0 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
}

/* A value as the chart states it: shares in %, money whole. */
char *effekt_frame_value_text(const effekt_frame *c, double v, char *buf, size_t size)
{
    if (c->chart->percent) {
        char num[64];
        effekt_locale_format(c->loc, v * 100, 1, num, sizeof num);
        snprintf(buf, size, "%s%s", num, c->loc->percent);
    } else {
        int d = c->chart->money_decimals >= 0 ? c->chart->money_decimals : auto_decimals(v);
        effekt_locale_format(c->loc, v, d, buf, size);
    }
    return buf;
}


/* ---- strokes and shapes ---- */

void effekt_frame_stroke(effekt_frame *c, double x0, double y0, double x1, double y1, double width)
{
    if (!c->draw)
        return;
    cairo_set_line_width(c->cr, width);
    cairo_move_to(c->cr, x0, y0);
    cairo_line_to(c->cr, x1, y1);
    cairo_stroke(c->cr);
}

void effekt_frame_dash(effekt_frame *c, int kind)
{
    static const double dashed[] = { 4, 3 }, dotted[] = { 1, 2 };
    if (kind == 1)
        cairo_set_dash(c->cr, dashed, 2, 0);
    else if (kind == 2)
        cairo_set_dash(c->cr, dotted, 2, 0);
    else
        cairo_set_dash(c->cr, NULL, 0, 0);
}

void effekt_frame_point(effekt_frame *c, double x, double y, double r, effekt_rgb col, double alpha, size_t item,
                        const char *role)
{
    if (c->draw) {
        effekt_frame_colour(c->cr, col, alpha);
        cairo_arc(c->cr, x, y, r, 0, 2 * M_PI);
        cairo_fill(c->cr);
    }
    effekt_frame_mark(c, EFFEKT_CHART_MARK_POINT, role, NULL, x - r, y - r, 2 * r, 2 * r, item);
}

void effekt_frame_rect(effekt_frame *c, double x0, double y0, double x1, double y1, effekt_rgb col, double alpha,
                       size_t item, const char *role, effekt_chart_mark_type type)
{
    double x = fmin(x0, x1), w = fabs(x1 - x0);
    if (c->draw) {
        effekt_frame_colour(c->cr, col, alpha);
        cairo_rectangle(c->cr, x, y0, w, y1 - y0);
        cairo_fill(c->cr);
    }
    effekt_frame_mark(c, type, role, NULL, x, y0, w, y1 - y0, item);
}

void effekt_frame_take(double v, double *lo, double *hi)
{
    if (isfinite(v)) {
        *lo = fmin(*lo, v);
        *hi = fmax(*hi, v);
    }
}

int effekt_frame_value_undefined(const effekt_chart *ch, const effekt_chart_item *it)
{
    (void)ch;
    return isnan(it->value);
}

void effekt_frame_value_range(const effekt_chart *ch, const effekt_chart_item *it, double *lo, double *hi)
{
    (void)ch;
    effekt_frame_take(it->value, lo, hi);
    effekt_frame_take(it->lower, lo, hi);
    effekt_frame_take(it->upper, lo, hi);
}

const char *effekt_frame_check_items(const effekt_chart *ch)
{
    return ch->n_items == 0 || !ch->items ? "nothing to draw" : NULL;
}

/* ---- frame: title, subtitle, legend, caption ---- */

static double block(effekt_frame *c, const char *s, double y, double size, int bold, int italic, effekt_rgb col,
                    size_t max_lines, const char *role)
{
    if (!s || !*s)
        return y;
    char lines[4][256];
    effekt_frame_font(c->cr, size, bold, italic);
    effekt_frame_colour(c->cr, col, 1);
    size_t n = effekt_draw_wrap(c->cr, s, c->W - 2 * MARGIN, max_lines > 4 ? 4 : max_lines, lines);
    double lh = size * 1.25;
    for (size_t i = 0; i < n; i++) {
        y += lh;
        effekt_frame_text(c, role, (size_t)-1, MARGIN, y - size * 0.25, 0, lines[i]);
    }
    return y;
}

double effekt_frame_heading(effekt_frame *c, double y)
{
    y = block(c, c->chart->title, y, TITLE_PT, 1, 0, ink, 3, "title");
    y = block(c, c->chart->subtitle, y + 2, SUBTITLE_PT, 0, 0, grey, 3, "subtitle");
    return y + 8;
}

double effekt_frame_caption_height(effekt_frame *c)
{
    if (!c->chart->caption || !*c->chart->caption)
        return 0;
    char lines[4][256];
    effekt_frame_font(c->cr, CAPTION_PT, 0, 0);
    size_t n = effekt_draw_wrap(c->cr, c->chart->caption, c->W - 2 * MARGIN, 4, lines);
    return 6 + (double)n * CAPTION_PT * 1.25;
}

void effekt_frame_caption(effekt_frame *c, double y)
{
    block(c, c->chart->caption, y + 6, CAPTION_PT, 0, 0, grey, 4, "caption");
}

double effekt_frame_legend(effekt_frame *c, const effekt_legend_entry *e, size_t n, double y)
{
    if (n == 0)
        return y;
    effekt_frame_font(c->cr, LABEL_PT, 0, 0);
    double lh = LABEL_PT * 1.5, x = MARGIN;
    y += lh * 0.8;
    for (size_t i = 0; i < n; i++) {
        double w = 16 + effekt_draw_width(c->cr, e[i].label) + 12;
        if (x > MARGIN && x + w > c->W - MARGIN) {
            x = MARGIN;
            y += lh;
        }
        effekt_frame_colour(c->cr, e[i].col, 1);
        if (e[i].shape == 0) {
            if (c->draw) {
                cairo_rectangle(c->cr, x, y - 7, 10, 8);
                cairo_fill(c->cr);
            }
        } else if (e[i].shape == 4) {
            if (c->draw) {
                cairo_arc(c->cr, x + 5, y - 3, 2.5, 0, 2 * M_PI);
                cairo_fill(c->cr);
            }
        } else {
            effekt_frame_dash(c, e[i].shape - 1);
            effekt_frame_stroke(c, x, y - 3, x + 12, y - 3, 1.4);
            effekt_frame_dash(c, 0);
        }
        effekt_frame_colour(c->cr, ink, 1);
        effekt_frame_text(c, "legend", i, x + 15, y, 0, e[i].label);
        x += w;
    }
    return y + lh * 0.6;
}

void effekt_chart_release_fonts(void)
{
    cairo_debug_reset_static_data();
    FcFini();
}

void effekt_chart_scene_clear(effekt_chart_scene *scene)
{
    if (!scene)
        return;
    for (size_t i = 0; i < scene->n; i++) {
        free(scene->marks[i].role);
        free(scene->marks[i].text);
    }
    free(scene->marks);
    memset(scene, 0, sizeof *scene);
}
