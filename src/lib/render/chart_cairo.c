/* The chart renderer: one look for every kind of chart (Okabe–Ito
 * colours, DejaVu Sans, round ticks, numbers in the reader's locale), laid
 * out in points so that PNG, SVG and PDF show the same picture.  It draws
 * what the model holds and computes nothing but positions. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>

#include "draw.h"
#include "effekt/chart.h"
#include "effekt/text.h"

/* ---- colours: Okabe & Ito (2008), safe for colour-blind readers ---- */

typedef struct { double r, g, b; } rgb;

#define RGB(R, G, B) { (R) / 255.0, (G) / 255.0, (B) / 255.0 }
static const rgb palette[] = {
    RGB(0, 114, 178),   /* blue */
    RGB(213, 94, 0),    /* vermillion */
    RGB(0, 158, 115),   /* bluish green */
    RGB(204, 121, 167), /* reddish purple */
    RGB(230, 159, 0),   /* orange */
    RGB(86, 180, 233),  /* sky blue */
    RGB(240, 228, 66),  /* yellow */
    RGB(0, 0, 0),       /* black */
};
#define N_PALETTE (sizeof palette / sizeof *palette)
/* Funding parts: EU blue, national public green, private orange, other
 * purple, unattributed grey (not a source: drawn as a neutral). */
static const rgb part_colours[EFFEKT_CHART_MAX_PARTS] = {
    RGB(0, 114, 178), RGB(0, 158, 115), RGB(230, 159, 0), RGB(204, 121, 167), RGB(187, 187, 187),
    RGB(86, 180, 233),
};
static const rgb ink = RGB(34, 34, 34), grey = RGB(110, 110, 110), grid = RGB(225, 225, 225),
                 accent = RGB(213, 94, 0);

/* ---- sizes, in points ---- */
enum { MARGIN = 14 };
static const double TITLE_PT = 12.5, SUBTITLE_PT = 9, LABEL_PT = 8.5, TICK_PT = 7.5, CAPTION_PT = 7;

typedef struct {
    cairo_t *cr;
    const effekt_chart *chart;
    const effekt_locale *loc;
    effekt_chart_scene *scene;
    double W, H;
    int draw;                 /* 0: measuring */
    effekt_status status;
} ctx;

void effekt_draw_prepare(cairo_t *cr)
{
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
}

static void font(cairo_t *cr, double size, int bold, int italic)
{
    cairo_select_font_face(cr, EFFEKT_FONT, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

static void colour(cairo_t *cr, rgb c, double alpha)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

double effekt_draw_width(cairo_t *cr, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    return e.x_advance;
}

static double line_height(cairo_t *cr)
{
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    return fe.ascent + fe.descent;
}

static void mark(ctx *c, effekt_mark_type type, const char *role, const char *text, double x, double y,
                 double w, double h, size_t item)
{
    effekt_chart_scene *s = c->scene;
    if (!s || !c->draw)
        return;
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        effekt_mark *m = effekt_realloc(s->marks, cap * sizeof *m);
        if (!m) {
            c->status = EFFEKT_ENOMEM;
            return;
        }
        s->marks = m;
        s->cap = cap;
    }
    effekt_mark *m = &s->marks[s->n];
    *m = (effekt_mark){ .type = type, .x = x, .y = y, .w = w, .h = h, .item = item };
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
static double text(ctx *c, const char *role, size_t item, double x, double y, double align, const char *s)
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
    mark(c, EFFEKT_MARK_TEXT, role, s, x0, y - fe.ascent, e.x_advance, fe.ascent + fe.descent, item);
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
static char *value_text(ctx *c, double v, char *buf, size_t size)
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

/* ---- axes ---- */

typedef struct {
    double lo, hi;            /* data range shown */
    double p0, p1;            /* device positions of lo and hi */
    double first, step;       /* ticks */
    size_t n_ticks;
    int decimals;
    int percent, dates;
} axis;

static double pos(const axis *a, double v)
{
    if (a->hi == a->lo)
        return (a->p0 + a->p1) / 2;
    return a->p0 + (v - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
}

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
static void axis_make(axis *a, double lo, double hi, int include_zero, int percent, int dates)
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

static double tick_value(const axis *a, size_t i)
{
    if (a->dates)
        return year_start((long)(a->first + a->step * (double)i));
    double v = a->first + a->step * (double)i;
    return fabs(v) < a->step * 1e-9 ? 0 : v;
}

static char *tick_text(ctx *c, const axis *a, size_t i, char *buf, size_t size)
{
    if (a->dates) {
        snprintf(buf, size, "%ld", (long)(a->first + a->step * (double)i));
        return buf;
    }
    double v = tick_value(a, i);
    if (a->percent) {
        char num[64];
        effekt_locale_format(c->loc, v * 100, a->decimals, num, sizeof num);
        snprintf(buf, size, "%s%s", num, c->loc->percent);
    } else {
        effekt_locale_format(c->loc, v, a->decimals, buf, size);
    }
    return buf;
}

static double widest_tick(ctx *c, const axis *a)
{
    char buf[96];
    double w = 0;
    for (size_t i = 0; i < a->n_ticks; i++)
        w = fmax(w, effekt_draw_width(c->cr, tick_text(c, a, i, buf, sizeof buf)));
    return w;
}

static void stroke_line(ctx *c, double x0, double y0, double x1, double y1, double width)
{
    if (!c->draw)
        return;
    cairo_set_line_width(c->cr, width);
    cairo_move_to(c->cr, x0, y0);
    cairo_line_to(c->cr, x1, y1);
    cairo_stroke(c->cr);
}

static void dash(ctx *c, int kind)
{
    static const double dashed[] = { 4, 3 }, dotted[] = { 1, 2 };
    if (kind == 1)
        cairo_set_dash(c->cr, dashed, 2, 0);
    else if (kind == 2)
        cairo_set_dash(c->cr, dotted, 2, 0);
    else
        cairo_set_dash(c->cr, NULL, 0, 0);
}

/* Horizontal value axis under [top, bottom] with vertical grid lines;
 * returns the y below its tick labels. */
static double axis_x(ctx *c, const axis *a, double top, double bottom)
{
    char buf[96];
    font(c->cr, TICK_PT, 0, 0);
    double lh = line_height(c->cr);
    for (size_t i = 0; i < a->n_ticks; i++) {
        double x = pos(a, tick_value(a, i));
        colour(c->cr, grid, 1);
        stroke_line(c, x, top, x, bottom, 0.5);
        colour(c->cr, ink, 1);
        stroke_line(c, x, bottom, x, bottom + 3, 0.6);
        text(c, "tick", (size_t)-1, x, bottom + 4 + lh * 0.8, 0.5, tick_text(c, a, i, buf, sizeof buf));
    }
    colour(c->cr, ink, 1);
    stroke_line(c, a->p0, bottom, a->p1, bottom, 0.8);
    return bottom + 4 + lh;
}

/* Vertical value axis left of [left, right] with horizontal grid lines. */
static void axis_y(ctx *c, const axis *a, double left, double right)
{
    char buf[96];
    font(c->cr, TICK_PT, 0, 0);
    double lh = line_height(c->cr);
    for (size_t i = 0; i < a->n_ticks; i++) {
        double y = pos(a, tick_value(a, i));
        colour(c->cr, grid, 1);
        stroke_line(c, left, y, right, y, 0.5);
        colour(c->cr, ink, 1);
        stroke_line(c, left - 3, y, left, y, 0.6);
        text(c, "tick", (size_t)-1, left - 5, y + lh * 0.3, 1, tick_text(c, a, i, buf, sizeof buf));
    }
    colour(c->cr, ink, 1);
    stroke_line(c, left, a->p0, left, a->p1, 0.8);
}

/* ---- frame: title, subtitle, legend, caption ---- */

static double block(ctx *c, const char *s, double y, double size, int bold, int italic, rgb col,
                    size_t max_lines, const char *role)
{
    if (!s || !*s)
        return y;
    char lines[4][256];
    font(c->cr, size, bold, italic);
    colour(c->cr, col, 1);
    size_t n = effekt_draw_wrap(c->cr, s, c->W - 2 * MARGIN, max_lines > 4 ? 4 : max_lines, lines);
    double lh = size * 1.25;
    for (size_t i = 0; i < n; i++) {
        y += lh;
        text(c, role, (size_t)-1, MARGIN, y - size * 0.25, 0, lines[i]);
    }
    return y;
}

static double heading(ctx *c, double y)
{
    y = block(c, c->chart->title, y, TITLE_PT, 1, 0, ink, 3, "title");
    y = block(c, c->chart->subtitle, y + 2, SUBTITLE_PT, 0, 0, grey, 3, "subtitle");
    return y + 8;
}

static double caption_height(ctx *c)
{
    if (!c->chart->caption || !*c->chart->caption)
        return 0;
    char lines[4][256];
    font(c->cr, CAPTION_PT, 0, 0);
    size_t n = effekt_draw_wrap(c->cr, c->chart->caption, c->W - 2 * MARGIN, 4, lines);
    return 6 + (double)n * CAPTION_PT * 1.25;
}

static void caption(ctx *c, double y)
{
    block(c, c->chart->caption, y + 6, CAPTION_PT, 0, 0, grey, 4, "caption");
}

typedef struct {
    const char *label;
    rgb col;
    int shape;   /* 0 square swatch, 1 line, 2 dashed line, 3 dotted line, 4 point */
} legend_entry;

/* Entries in a row that wraps; returns the y below. */
static double legend(ctx *c, const legend_entry *e, size_t n, double y)
{
    if (n == 0)
        return y;
    font(c->cr, LABEL_PT, 0, 0);
    double lh = LABEL_PT * 1.5, x = MARGIN;
    y += lh * 0.8;
    for (size_t i = 0; i < n; i++) {
        double w = 16 + effekt_draw_width(c->cr, e[i].label) + 12;
        if (x > MARGIN && x + w > c->W - MARGIN) {
            x = MARGIN;
            y += lh;
        }
        colour(c->cr, e[i].col, 1);
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
            dash(c, e[i].shape - 1);
            stroke_line(c, x, y - 3, x + 12, y - 3, 1.4);
            dash(c, 0);
        }
        colour(c->cr, ink, 1);
        text(c, "legend", i, x + 15, y, 0, e[i].label);
        x += w;
    }
    return y + lh * 0.6;
}

/* ---- charts with one row per item: bar, stacked, forest, box, timeline ---- */

typedef struct {
    size_t item;
    double value;             /* the sort key; NaN: undefined */
    char lines[2][256];
    size_t n_lines;
} row;

static int undefined_item(const effekt_chart *ch, const effekt_chart_item *it)
{
    switch (ch->kind) {
    case EFFEKT_CHART_BAR:
    case EFFEKT_CHART_FOREST:
        return isnan(it->value);
    case EFFEKT_CHART_STACKED: {
        double total = 0;
        int any = 0;
        for (size_t p = 0; p < ch->n_parts; p++)
            if (!isnan(it->parts[p])) {
                total += it->parts[p];
                any = 1;
            }
        return !any || total <= 0;
    }
    case EFFEKT_CHART_BOX:
        return it->box.n == 0;
    case EFFEKT_CHART_TIMELINE:
        return isnan(it->start) || (isnan(it->end) && isnan(it->revised_end));
    default:
        return 0;
    }
}

/* The bar order: defined values largest first, then undefined ones in
 * their given order. */
static int by_value(const void *a, const void *b)
{
    const row *ra = a, *rb = b;
    int ua = isnan(ra->value), ub = isnan(rb->value);
    if (ua != ub)
        return ua - ub;
    if (!ua && ra->value != rb->value)
        return ra->value < rb->value ? 1 : -1;
    return (ra->item > rb->item) - (ra->item < rb->item);
}

static double stacked_total(const effekt_chart *ch, const effekt_chart_item *it)
{
    double t = 0;
    for (size_t p = 0; p < ch->n_parts; p++)
        if (!isnan(it->parts[p]))
            t += it->parts[p];
    return t;
}

/* The value range the rows must show. */
static void row_range(const effekt_chart *ch, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
#define TAKE(v) do { double v_ = (v); if (isfinite(v_)) { *lo = fmin(*lo, v_); *hi = fmax(*hi, v_); } } while (0)
    for (size_t i = 0; i < ch->n_items; i++) {
        const effekt_chart_item *it = &ch->items[i];
        switch (ch->kind) {
        case EFFEKT_CHART_BAR:
        case EFFEKT_CHART_FOREST:
            TAKE(it->value);
            TAKE(it->lower);
            TAKE(it->upper);
            break;
        case EFFEKT_CHART_STACKED:
            TAKE(ch->amounts ? stacked_total(ch, it) : 1.0);
            TAKE(0.0);
            break;
        case EFFEKT_CHART_BOX:
            for (size_t k = 0; k < it->n_values; k++)
                TAKE(it->values[k]);
            break;
        case EFFEKT_CHART_TIMELINE:
            TAKE(it->start);
            TAKE(it->end);
            TAKE(it->revised_end);
            break;
        default:
            break;
        }
    }
    TAKE(ch->reference);
#undef TAKE
    if (*lo > *hi) {
        *lo = 0;
        *hi = 1;
    }
}

/* Deterministic jitter in [-0.5, 0.5) for point k of item i. */
static double jitter(size_t i, size_t k)
{
    unsigned long long z = (unsigned long long)i * 0x9E3779B97F4A7C15ull + (unsigned long long)k + 1;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (double)(z >> 11) / 9007199254740992.0 - 0.5;
}

static void point(ctx *c, double x, double y, double r, rgb col, double alpha, size_t item, const char *role)
{
    if (c->draw) {
        colour(c->cr, col, alpha);
        cairo_arc(c->cr, x, y, r, 0, 2 * M_PI);
        cairo_fill(c->cr);
    }
    mark(c, EFFEKT_MARK_POINT, role, NULL, x - r, y - r, 2 * r, 2 * r, item);
}

static void rect(ctx *c, double x0, double y0, double x1, double y1, rgb col, double alpha, size_t item,
                 const char *role, effekt_mark_type type)
{
    double x = fmin(x0, x1), w = fabs(x1 - x0);
    if (c->draw) {
        colour(c->cr, col, alpha);
        cairo_rectangle(c->cr, x, y0, w, y1 - y0);
        cairo_fill(c->cr);
    }
    mark(c, type, role, NULL, x, y0, w, y1 - y0, item);
}

static const char *undefined_text(ctx *c, const effekt_chart_item *it)
{
    /* the reasons are written in English (kpi.c): other locales say
     * "not reported" in their words */
    if (c->loc == effekt_locale_at(0) && it->reason && *it->reason)
        return it->reason;
    return effekt_text_word(c->loc, EFFEKT_WORD_NOT_REPORTED);
}

static double draw_rows(ctx *c, double y, double bottom_reserved)
{
    const effekt_chart *ch = c->chart;
    cairo_t *cr = c->cr;
    size_t n = ch->n_items;
    row *rows = effekt_calloc(n ? n : 1, sizeof *rows);
    if (!rows) {
        c->status = EFFEKT_ENOMEM;
        return y;
    }
    double plot_w = c->W - 2 * MARGIN;
    /* label column: as wide as the widest label, at most a third */
    font(cr, LABEL_PT, 0, 0);
    double label_w = 0;
    for (size_t i = 0; i < n; i++)
        label_w = fmax(label_w, effekt_draw_width(cr, ch->items[i].label ? ch->items[i].label : ""));
    label_w = fmin(label_w, plot_w * 0.34);
    size_t max_lines = 1;
    for (size_t i = 0; i < n; i++) {
        rows[i].item = i;
        rows[i].value = ch->items[i].value;
        rows[i].n_lines = effekt_draw_wrap(cr, ch->items[i].label ? ch->items[i].label : "", label_w, 2,
                                           rows[i].lines);
        if (rows[i].n_lines > max_lines)
            max_lines = rows[i].n_lines;
    }
    if (ch->kind == EFFEKT_CHART_BAR && ch->sorted) {
        qsort(rows, n, sizeof *rows, by_value);
    }
    /* pooled rows (forest) go last */
    if (ch->kind == EFFEKT_CHART_FOREST) {
        size_t k = 0;
        row *tmp = effekt_malloc((n ? n : 1) * sizeof *tmp);
        if (tmp) {
            for (size_t i = 0; i < n; i++)
                if (!ch->items[rows[i].item].pooled)
                    tmp[k++] = rows[i];
            for (size_t i = 0; i < n; i++)
                if (ch->items[rows[i].item].pooled)
                    tmp[k++] = rows[i];
            memcpy(rows, tmp, n * sizeof *rows);
            free(tmp);
        }
    }
    /* right column: values (bar), estimates (forest), n (box), period (timeline) */
    char buf[160];
    double right_w = 0;
    for (size_t i = 0; i < n; i++) {
        const effekt_chart_item *it = &ch->items[i];
        char a[64], b[64], d[64];
        buf[0] = '\0';
        if (ch->kind == EFFEKT_CHART_FOREST && !isnan(it->value)) {
            if (!isnan(it->lower))
                snprintf(buf, sizeof buf, "%s (%s\u2013%s)", value_text(c, it->value, a, sizeof a),
                         value_text(c, it->lower, b, sizeof b), value_text(c, it->upper, d, sizeof d));
            else
                value_text(c, it->value, buf, sizeof buf);
        } else if (ch->kind == EFFEKT_CHART_BOX) {
            snprintf(buf, sizeof buf, "n = %s", effekt_locale_format(c->loc, (double)it->box.n, 0, a, sizeof a));
        } else if (ch->kind == EFFEKT_CHART_BAR && !isnan(it->value)) {
            value_text(c, it->value, buf, sizeof buf);
        }
        right_w = fmax(right_w, effekt_draw_width(cr, buf));
    }
    double x_left = MARGIN + label_w + 10, x_right = c->W - MARGIN - (right_w > 0 ? right_w + 10 : 4);
    if (ch->kind == EFFEKT_CHART_BAR)
        x_right = c->W - MARGIN - right_w - 8;   /* value labels sit at the bar ends */
    if (x_right - x_left < 60)
        x_right = x_left + 60;

    double lo, hi;
    row_range(ch, &lo, &hi);
    axis ax;
    axis_make(&ax, lo, hi, ch->kind == EFFEKT_CHART_BAR || ch->kind == EFFEKT_CHART_STACKED, ch->percent,
              ch->kind == EFFEKT_CHART_TIMELINE || ch->x_dates);
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
        font(cr, TICK_PT, 0, 0);
        colour(cr, accent, 1);
        char v[64], lab[200];
        value_text(c, ch->reference, v, sizeof v);
        snprintf(lab, sizeof lab, "%s%s%s", ch->reference_label ? ch->reference_label : "",
                 ch->reference_label ? " " : "", v);
        double rx = pos(&ax, ch->reference), w = effekt_draw_width(cr, lab);
        double align = rx + w / 2 > c->W - MARGIN ? 1 : rx - w / 2 < x_left ? 0 : 0.5;
        text(c, "reference", (size_t)-1, rx, y + TICK_PT, align, lab);
        y += TICK_PT + 4;
    }
    double top = y, bottom = y + row_h * (double)n + extra;
    /* grid first, so marks lie over it */
    double after_axis = axis_x(c, &ax, top, bottom);
    /* the reference line under the marks, so labels stay readable */
    if (!isnan(ch->reference)) {
        colour(cr, accent, 1);
        dash(c, 1);
        double rx = pos(&ax, ch->reference);
        stroke_line(c, rx, top - 2, rx, bottom, 1.1);
        dash(c, 0);
    }
    font(cr, LABEL_PT, 0, 0);
    for (size_t r = 0; r < n; r++) {
        size_t i = rows[r].item;
        const effekt_chart_item *it = &ch->items[i];
        double ry = top + row_h * (double)r + (it->pooled ? extra : 0);
        double mid = ry + row_h / 2;
        if (it->pooled && c->draw) {
            colour(cr, grey, 1);
            stroke_line(c, MARGIN, ry - extra / 2, c->W - MARGIN, ry - extra / 2, 0.5);
        }
        /* label, vertically centred */
        font(cr, LABEL_PT, it->pooled, 0);
        colour(cr, ink, 1);
        double ty = mid - (double)rows[r].n_lines * lh / 2 + lh * 0.78;
        for (size_t l = 0; l < rows[r].n_lines; l++)
            text(c, "label", i, x_left - 10, ty + (double)l * lh, 1, rows[r].lines[l]);
        if (undefined_item(ch, it)) {
            font(cr, LABEL_PT, 0, 1);
            colour(cr, grey, 1);
            char u[256];
            effekt_draw_wrap(cr, undefined_text(c, it), x_right - x_left - 8, 1, (char (*)[256])u);
            text(c, "undefined", i, x_left + 4, mid + LABEL_PT * 0.35, 0, u);
            continue;
        }
        double bh = fmin(row_h * 0.62, 14);
        switch (ch->kind) {
        case EFFEKT_CHART_BAR: {
            double x0 = pos(&ax, 0), x1 = pos(&ax, it->value);
            rect(c, x0, mid - bh / 2, x1, mid + bh / 2, palette[0], 1, i, "bar", EFFEKT_MARK_BAR);
            double end = fmax(x0, x1);
            if (!isnan(it->lower) && !isnan(it->upper)) {
                double a = pos(&ax, it->lower), b = pos(&ax, it->upper);
                colour(cr, ink, 1);
                stroke_line(c, a, mid, b, mid, 1);
                stroke_line(c, a, mid - bh / 4, a, mid + bh / 4, 1);
                stroke_line(c, b, mid - bh / 4, b, mid + bh / 4, 1);
                end = fmax(end, b);
            }
            font(cr, TICK_PT, 0, 0);
            value_text(c, it->value, buf, sizeof buf);
            if (c->draw) {   /* a white ground under the number, over any line */
                cairo_set_source_rgb(cr, 1, 1, 1);
                cairo_rectangle(cr, end + 2, mid - TICK_PT * 0.7, effekt_draw_width(cr, buf) + 4, TICK_PT * 1.4);
                cairo_fill(cr);
            }
            colour(cr, ink, 1);
            text(c, "value", i, end + 4, mid + TICK_PT * 0.35, 0, buf);
            break;
        }
        case EFFEKT_CHART_STACKED: {
            double total = stacked_total(ch, it), acc = 0;
            for (size_t p = 0; p < ch->n_parts; p++) {
                double v = it->parts[p];
                if (isnan(v) || v <= 0)
                    continue;
                double a = ch->amounts ? acc : acc / total, b = ch->amounts ? acc + v : (acc + v) / total;
                double x0 = pos(&ax, a), x1 = pos(&ax, b);
                rect(c, x0, mid - bh / 2, x1, mid + bh / 2, part_colours[p], 1, i, "segment", EFFEKT_MARK_BAR);
                /* the share inside the segment when it fits */
                char sh[64], num[64];
                effekt_locale_format(c->loc, v / total * 100, 0, num, sizeof num);
                snprintf(sh, sizeof sh, "%s%s", num, c->loc->percent);
                font(cr, TICK_PT, 0, 0);
                if (effekt_draw_width(cr, sh) + 4 < x1 - x0) {
                    rgb pc = part_colours[p];
                    double lum = 0.299 * pc.r + 0.587 * pc.g + 0.114 * pc.b;
                    colour(cr, lum < 0.55 ? (rgb){ 1, 1, 1 } : ink, 1);
                    text(c, "share", i, (x0 + x1) / 2, mid + TICK_PT * 0.35, 0.5, sh);
                }
                acc += v;
            }
            break;
        }
        case EFFEKT_CHART_FOREST: {
            double x = pos(&ax, it->value);
            colour(cr, it->pooled ? ink : palette[0], 1);
            if (it->pooled) {
                double a = pos(&ax, isnan(it->lower) ? it->value : it->lower);
                double b = pos(&ax, isnan(it->upper) ? it->value : it->upper);
                if (c->draw) {
                    cairo_move_to(cr, a, mid);
                    cairo_line_to(cr, x, mid - bh / 2);
                    cairo_line_to(cr, b, mid);
                    cairo_line_to(cr, x, mid + bh / 2);
                    cairo_close_path(cr);
                    cairo_fill(cr);
                }
                mark(c, EFFEKT_MARK_POINT, "diamond", NULL, a, mid - bh / 2, b - a, bh, i);
            } else {
                if (!isnan(it->lower) && !isnan(it->upper))
                    stroke_line(c, pos(&ax, it->lower), mid, pos(&ax, it->upper), mid, 1.2);
                rect(c, x - 3.5, mid - 3.5, x + 3.5, mid + 3.5, palette[0], 1, i, "estimate", EFFEKT_MARK_POINT);
            }
            font(cr, TICK_PT, it->pooled, 0);
            colour(cr, ink, 1);
            char a[64], b[64], d[64];
            if (!isnan(it->lower))
                snprintf(buf, sizeof buf, "%s (%s\u2013%s)", value_text(c, it->value, a, sizeof a),
                         value_text(c, it->lower, b, sizeof b), value_text(c, it->upper, d, sizeof d));
            else
                value_text(c, it->value, buf, sizeof buf);
            text(c, "value", i, c->W - MARGIN, mid + TICK_PT * 0.35, 1, buf);
            break;
        }
        case EFFEKT_CHART_BOX: {
            const effekt_boxplot_stats *b = &it->box;
            rgb col = palette[0];
            double x1 = pos(&ax, b->q1), x3 = pos(&ax, b->q3), xm = pos(&ax, b->median);
            colour(cr, ink, 1);
            stroke_line(c, pos(&ax, b->whisker_low), mid, x1, mid, 1);
            stroke_line(c, x3, mid, pos(&ax, b->whisker_high), mid, 1);
            stroke_line(c, pos(&ax, b->whisker_low), mid - bh / 4, pos(&ax, b->whisker_low), mid + bh / 4, 1);
            stroke_line(c, pos(&ax, b->whisker_high), mid - bh / 4, pos(&ax, b->whisker_high), mid + bh / 4, 1);
            rect(c, x1, mid - bh / 2, x3, mid + bh / 2, col, 0.25, i, "box", EFFEKT_MARK_BOX);
            if (c->draw) {
                colour(cr, col, 1);
                cairo_set_line_width(cr, 1);
                cairo_rectangle(cr, fmin(x1, x3), mid - bh / 2, fabs(x3 - x1), bh);
                cairo_stroke(cr);
            }
            colour(cr, ink, 1);
            stroke_line(c, xm, mid - bh / 2, xm, mid + bh / 2, 2);
            /* every value when there are few, else only those beyond the whiskers */
            for (size_t k = 0; k < it->n_values; k++) {
                double v = it->values[k];
                if (isnan(v))
                    continue;
                int outside = v < b->whisker_low || v > b->whisker_high;
                if (b->n <= 30 || outside)
                    point(c, pos(&ax, v), mid + jitter(i, k) * bh * 0.8, 1.6, outside ? accent : ink,
                          0.7, i, outside ? "outlier" : "value");
            }
            font(cr, TICK_PT, 0, 0);
            colour(cr, grey, 1);
            char a[64];
            snprintf(buf, sizeof buf, "n = %s", effekt_locale_format(c->loc, (double)b->n, 0, a, sizeof a));
            text(c, "n", i, c->W - MARGIN, mid + TICK_PT * 0.35, 1, buf);
            break;
        }
        case EFFEKT_CHART_TIMELINE: {
            double s = it->start, e = isnan(it->end) ? it->revised_end : it->end;
            rect(c, pos(&ax, s), mid - bh / 2, pos(&ax, e), mid + bh / 2, palette[0], 1, i, "period",
                 EFFEKT_MARK_BAR);
            if (!isnan(it->end) && !isnan(it->revised_end) && it->revised_end != it->end) {
                double a = pos(&ax, it->end), b = pos(&ax, it->revised_end);
                rect(c, a, mid - bh / 2, b, mid + bh / 2, palette[5], 0.6, i, "extension", EFFEKT_MARK_BAR);
                colour(cr, accent, 1);
                stroke_line(c, b, mid - bh / 2 - 2, b, mid + bh / 2 + 2, 1.6);
            }
            break;
        }
        default:
            break;
        }
    }
    free(rows);
    y = after_axis;
    if (ch->x_label) {
        font(cr, LABEL_PT, 0, 0);
        colour(cr, ink, 1);
        y += LABEL_PT * 1.4;
        text(c, "axis-label", (size_t)-1, (x_left + x_right) / 2, y, 0.5, ch->x_label);
    }
    return y;
}

/* ---- charts on an x–y plane: funnel, km, hist, scatter ---- */

static void xy_range(const effekt_chart *ch, double *xlo, double *xhi, double *ylo, double *yhi)
{
    *xlo = *ylo = INFINITY;
    *xhi = *yhi = -INFINITY;
#define TX(v) do { double v_ = (v); if (isfinite(v_)) { *xlo = fmin(*xlo, v_); *xhi = fmax(*xhi, v_); } } while (0)
#define TY(v) do { double v_ = (v); if (isfinite(v_)) { *ylo = fmin(*ylo, v_); *yhi = fmax(*yhi, v_); } } while (0)
    if (ch->kind == EFFEKT_CHART_HIST) {
        if (ch->n_bins) {
            TX(ch->breaks[0]);
            TX(ch->breaks[ch->n_bins]);
        }
        TY(0);
        for (size_t i = 0; i < ch->n_bins; i++)
            TY(ch->counts[i]);
    }
    for (size_t i = 0; i < ch->n_items; i++) {
        TX(ch->items[i].x);
        TY(ch->items[i].y);
    }
    for (size_t k = 0; k < ch->n_curves; k++) {
        const effekt_chart_curve *cv = &ch->curves[k];
        for (size_t i = 0; i < cv->n; i++) {
            TX(cv->x[i]);
            if (cv->y)
                TY(cv->y[i]);
            if (cv->lower)
                TY(cv->lower[i]);
            if (cv->upper)
                TY(cv->upper[i]);
        }
    }
    if (ch->kind == EFFEKT_CHART_KM) {
        TY(0);
        TY(1);
        TX(0);
    }
    if (ch->kind == EFFEKT_CHART_FUNNEL)
        TY(ch->reference);
#undef TX
#undef TY
}

/* Set the clip to the plot area while drawing marks that may leave it. */
static void clip_plot(ctx *c, double x0, double y0, double x1, double y1)
{
    if (!c->draw)
        return;
    cairo_save(c->cr);
    cairo_rectangle(c->cr, x0, y0, x1 - x0, y1 - y0);
    cairo_clip(c->cr);
}

static void unclip(ctx *c)
{
    if (c->draw)
        cairo_restore(c->cr);
}

/* The path of a curve's values v (y, lower or upper) as steps or lines;
 * a NaN value breaks the line. */
static void curve_path(ctx *c, const effekt_chart_curve *cv, const double *v, const axis *ax, const axis *ay)
{
    cairo_t *cr = c->cr;
    int open = 0;
    for (size_t i = 0; i < cv->n; i++) {
        if (isnan(v[i])) {
            open = 0;
            continue;
        }
        double x = pos(ax, cv->x[i]), y = pos(ay, v[i]);
        if (!open) {
            cairo_move_to(cr, x, y);
            open = 1;
            continue;
        }
        if (cv->steps)   /* right-continuous: hold the previous level up to this time */
            cairo_line_to(cr, x, pos(ay, v[i - 1]));
        cairo_line_to(cr, x, y);
    }
}

static double draw_plane(ctx *c, double y, double bottom_reserved)
{
    const effekt_chart *ch = c->chart;
    cairo_t *cr = c->cr;
    double xlo, xhi, ylo, yhi;
    xy_range(ch, &xlo, &xhi, &ylo, &yhi);
    axis ax, ay;
    int y_percent = ch->percent;
    axis_make(&ax, xlo, xhi, ch->kind == EFFEKT_CHART_FUNNEL || ch->kind == EFFEKT_CHART_KM, 0, ch->x_dates);
    if (ch->kind == EFFEKT_CHART_HIST) {
        ax.lo = xlo;   /* the breaks are the axis: hist draws them exactly */
        ax.hi = xhi;
    }
    axis_make(&ay, ylo, yhi, ch->kind == EFFEKT_CHART_HIST || ch->kind == EFFEKT_CHART_KM, y_percent, 0);
    if (ch->kind == EFFEKT_CHART_KM) {
        ay.lo = 0;
        ay.hi = 1;
        ay.first = 0;
        ay.step = 0.2;
        ay.n_ticks = 6;
        ay.decimals = 0;
    }
    font(cr, TICK_PT, 0, 0);
    double tick_w = widest_tick(c, &ay);
    /* numbers-at-risk rows need their group names left of the axis */
    double risk_label_w = 0;
    size_t risk_rows = 0;
    if (ch->kind == EFFEKT_CHART_KM && ch->n_risk_times) {
        font(cr, TICK_PT, 0, 0);
        for (size_t k = 0; k < ch->n_curves; k++)
            if (ch->curves[k].at_risk) {
                risk_rows++;
                risk_label_w = fmax(risk_label_w, effekt_draw_width(cr, ch->curves[k].label ? ch->curves[k].label : ""));
            }
        risk_label_w = fmin(risk_label_w, (c->W - 2 * MARGIN) * 0.3);
    }
    double left = MARGIN + (ch->y_label ? LABEL_PT * 1.6 : 0) + tick_w + 8;
    char last[96];
    double risk_num_w = 0;
    for (size_t k = 0; risk_rows && k < ch->n_curves; k++)
        if (ch->curves[k].at_risk && ch->n_risk_times)
            risk_num_w = fmax(risk_num_w, effekt_draw_width(cr, effekt_locale_format(c->loc, ch->curves[k].at_risk[0], 0,
                                                                                       last, sizeof last)));
    left = fmax(left, MARGIN + risk_label_w + risk_num_w / 2 + 10);
    double right = c->W - MARGIN - fmax(8, effekt_draw_width(cr, tick_text(c, &ax, ax.n_ticks - 1, last, sizeof last)) / 2);
    double risk_h = risk_rows ? (double)(risk_rows + 1) * TICK_PT * 1.5 + 8 : 0;
    double below = 4 + TICK_PT * 1.4 + (ch->x_label ? LABEL_PT * 1.6 : 0) + risk_h;
    double H = c->H > 0 ? c->H : y + (c->W - 2 * MARGIN) * 0.5 + below + bottom_reserved;
    double top = y + 4, bottom = H - bottom_reserved - below;
    if (bottom - top < 60)
        bottom = top + 60;
    ax.p0 = left;
    ax.p1 = right;
    ay.p0 = bottom;
    ay.p1 = top;

    axis_y(c, &ay, left, right);
    double after = axis_x(c, &ax, bottom, bottom);   /* no vertical grid on planes */
    if (ch->x_label) {
        font(cr, LABEL_PT, 0, 0);
        colour(cr, ink, 1);
        after += LABEL_PT * 1.4;
        text(c, "axis-label", (size_t)-1, (left + right) / 2, after, 0.5, ch->x_label);
    }
    if (ch->y_label) {
        font(cr, LABEL_PT, 0, 0);
        colour(cr, ink, 1);
        double w = effekt_draw_width(cr, ch->y_label), cx = left - tick_w - 10 - LABEL_PT * 0.3, cy = (top + bottom) / 2;
        if (c->draw) {
            cairo_save(cr);
            cairo_translate(cr, cx, cy);
            cairo_rotate(cr, -M_PI / 2);
            cairo_move_to(cr, -w / 2, 0);
            cairo_show_text(cr, ch->y_label);
            cairo_new_path(cr);
            cairo_restore(cr);
        }
        mark(c, EFFEKT_MARK_TEXT, "axis-label", ch->y_label, cx - LABEL_PT, cy - w / 2, LABEL_PT * 1.2, w,
             (size_t)-1);
    }

    clip_plot(c, left, top - 1, right + 1, bottom);
    if (ch->kind == EFFEKT_CHART_HIST) {
        for (size_t i = 0; i < ch->n_bins; i++) {
            double x0 = pos(&ax, ch->breaks[i]), x1 = pos(&ax, ch->breaks[i + 1]);
            rect(c, x0, pos(&ay, ch->counts[i]), x1, bottom, palette[0], 0.85, i, "bin", EFFEKT_MARK_BAR);
            if (c->draw && ch->counts[i] > 0) {
                cairo_set_source_rgb(cr, 1, 1, 1);
                cairo_set_line_width(cr, 0.6);
                cairo_rectangle(cr, x0, pos(&ay, ch->counts[i]), x1 - x0, bottom - pos(&ay, ch->counts[i]));
                cairo_stroke(cr);
            }
        }
    }
    if (ch->kind == EFFEKT_CHART_FUNNEL && !isnan(ch->reference)) {
        colour(cr, ink, 1);
        stroke_line(c, left, pos(&ay, ch->reference), right, pos(&ay, ch->reference), 1);
    }
    for (size_t k = 0; k < ch->n_curves; k++) {
        const effekt_chart_curve *cv = &ch->curves[k];
        rgb col = ch->kind == EFFEKT_CHART_FUNNEL ? grey : palette[k % N_PALETTE];
        if (ch->kind == EFFEKT_CHART_SCATTER)
            col = accent;
        if (!c->draw)
            continue;
        if (cv->y && cv->lower && cv->upper) {
            colour(cr, col, 0.15);
            cairo_new_path(cr);
            if (cv->steps) {
                /* a step band is a row of rectangles, one per step; a step
                 * without an interval (S = 0) has none */
                for (size_t j = 0; j + 1 < cv->n; j++)
                    if (!isnan(cv->lower[j]) && !isnan(cv->upper[j])) {
                        double x0 = pos(&ax, cv->x[j]), x1 = pos(&ax, cv->x[j + 1]);
                        double y0 = pos(&ay, cv->upper[j]), y1 = pos(&ay, cv->lower[j]);
                        cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
                    }
            } else {
                curve_path(c, cv, cv->upper, &ax, &ay);
                for (size_t j = cv->n; j-- > 0;)
                    if (!isnan(cv->lower[j]))
                        cairo_line_to(cr, pos(&ax, cv->x[j]), pos(&ay, cv->lower[j]));
                cairo_close_path(cr);
            }
            cairo_fill(cr);
        }
        colour(cr, col, 1);
        dash(c, cv->dash);
        cairo_set_line_width(cr, ch->kind == EFFEKT_CHART_FUNNEL ? 1 : 1.6);
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
        dash(c, 0);
        /* censoring ticks: a short vertical stroke on the curve */
        if (cv->censor_x && cv->y) {
            cairo_set_line_width(cr, 0.9);
            size_t j = 0;
            for (size_t t = 0; t < cv->n_censor; t++) {
                double tx = cv->censor_x[t];
                while (j + 1 < cv->n && cv->x[j + 1] <= tx)
                    j++;
                double s = cv->x[0] <= tx ? cv->y[j] : 1;
                double px = pos(&ax, tx), py = pos(&ay, s);
                cairo_move_to(cr, px, py - 3);
                cairo_line_to(cr, px, py + 3);
            }
            cairo_stroke(cr);
        }
    }
    for (size_t k = 0; k < ch->n_curves; k++)
        mark(c, EFFEKT_MARK_LINE, "curve", ch->curves[k].label, left, top, right - left, bottom - top, k);
    /* points, flagged ones in the accent colour */
    for (size_t i = 0; i < ch->n_items; i++) {
        const effekt_chart_item *it = &ch->items[i];
        if (isnan(it->x) || isnan(it->y))
            continue;
        point(c, pos(&ax, it->x), pos(&ay, it->y), it->flagged ? 3.2 : 2.6, it->flagged ? accent : palette[0],
              ch->kind == EFFEKT_CHART_SCATTER ? 0.75 : 1, i, it->flagged ? "flagged" : "point");
    }
    unclip(c);
    /* labels of flagged points, pushed down when they would overlap */
    font(cr, TICK_PT, 0, 0);
    double placed[64][4];
    size_t n_placed = 0;
    for (size_t i = 0; i < ch->n_items; i++) {
        const effekt_chart_item *it = &ch->items[i];
        if (!it->flagged || !it->label || isnan(it->x) || isnan(it->y))
            continue;
        double w = effekt_draw_width(cr, it->label), h = TICK_PT * 1.2;
        double px = pos(&ax, it->x) + 5, py = pos(&ay, it->y) - 4;
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
        colour(cr, ink, 1);
        text(c, "point-label", i, px, py, align, it->label);
        if (n_placed < 64) {
            placed[n_placed][0] = x0;
            placed[n_placed][1] = py;
            placed[n_placed][2] = w;
            placed[n_placed][3] = h;
            n_placed++;
        }
    }
    /* numbers at risk under the axis */
    if (risk_rows) {
        double ry = after + TICK_PT * 1.6;
        font(cr, TICK_PT, 1, 0);
        colour(cr, ink, 1);
        text(c, "risk-heading", (size_t)-1, MARGIN, ry, 0,
             effekt_text_word(c->loc, EFFEKT_WORD_NUMBER_AT_RISK));
        for (size_t k = 0; k < ch->n_curves; k++) {
            const effekt_chart_curve *cv = &ch->curves[k];
            if (!cv->at_risk)
                continue;
            ry += TICK_PT * 1.5;
            font(cr, TICK_PT, 0, 0);
            colour(cr, palette[k % N_PALETTE], 1);
            char lab[256];
            effekt_draw_wrap(cr, cv->label ? cv->label : "", risk_label_w, 1, (char (*)[256])lab);
            text(c, "risk-label", k, MARGIN, ry, 0, lab);
            colour(cr, ink, 1);
            for (size_t t = 0; t < ch->n_risk_times; t++) {
                char num[64];
                effekt_locale_format(c->loc, cv->at_risk[t], 0, num, sizeof num);
                text(c, "at-risk", k, pos(&ax, ch->risk_times[t]), ry, 0.5, num);
            }
        }
        after = ry + 4;
    }
    return fmax(after, c->H > 0 ? c->H - bottom_reserved : after);
}

static size_t legend_entries(const effekt_chart *ch, const effekt_locale *loc, legend_entry *e, size_t max)
{
    size_t n = 0;
    (void)loc;
    if (ch->kind == EFFEKT_CHART_STACKED) {
        for (size_t p = 0; p < ch->n_parts && n < max; p++)
            e[n++] = (legend_entry){ ch->part_names[p], part_colours[p], 0 };
    } else if (ch->kind == EFFEKT_CHART_KM && ch->n_curves > 1) {
        for (size_t k = 0; k < ch->n_curves && n < max; k++)
            e[n++] = (legend_entry){ ch->curves[k].label, palette[k % N_PALETTE], 1 };
    } else if (ch->kind == EFFEKT_CHART_FUNNEL) {
        for (size_t k = 0; k < ch->n_curves && n < max; k++)
            if (ch->curves[k].label)
                e[n++] = (legend_entry){ ch->curves[k].label, grey, 1 + ch->curves[k].dash };
    } else if (ch->kind == EFFEKT_CHART_SCATTER) {
        for (size_t k = 0; k < ch->n_curves && n < max; k++)
            if (ch->curves[k].label)
                e[n++] = (legend_entry){ ch->curves[k].label, accent, 1 };
    } else if (ch->kind == EFFEKT_CHART_TIMELINE) {
        int ext = 0;
        for (size_t i = 0; i < ch->n_items; i++)
            ext |= !isnan(ch->items[i].end) && !isnan(ch->items[i].revised_end) &&
                   ch->items[i].end != ch->items[i].revised_end;
        if (ext && ch->part_names[0] && ch->part_names[1]) {
            e[n++] = (legend_entry){ ch->part_names[0], palette[0], 0 };
            e[n++] = (legend_entry){ ch->part_names[1], palette[5], 0 };
        }
    }
    return n;
}

static int row_kind(effekt_chart_kind k)
{
    return k == EFFEKT_CHART_BAR || k == EFFEKT_CHART_STACKED || k == EFFEKT_CHART_FOREST ||
           k == EFFEKT_CHART_BOX || k == EFFEKT_CHART_TIMELINE;
}

double effekt_chart_draw(cairo_t *cr, const effekt_chart *chart, const effekt_locale *loc, double width,
                         double height, effekt_chart_scene *scene, effekt_status *status)
{
    ctx c = { .cr = cr, .chart = chart, .loc = loc ? loc : effekt_locale_at(0), .scene = scene,
              .W = width, .H = height, .draw = height > 0, .status = EFFEKT_OK };
    effekt_draw_prepare(cr);
    if (c.draw) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_rectangle(cr, 0, 0, width, height);
        cairo_fill(cr);
    }
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    double y = heading(&c, MARGIN - 4);
    legend_entry e[16];
    y = legend(&c, e, legend_entries(chart, c.loc, e, 16), y);
    double cap = caption_height(&c);
    double end = row_kind(chart->kind) ? draw_rows(&c, y, cap) : draw_plane(&c, y, cap);
    if (c.draw && c.H > 0)
        end = fmax(end, c.H - cap - 4);
    caption(&c, end);
    if (status)
        *status = c.status;
    return end + cap + MARGIN - 4;
}

void effekt_chart_release_fonts(void)
{
    cairo_debug_reset_static_data();
    FcFini();
}

void effekt_chart_scene_free(effekt_chart_scene *scene)
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

/* ---- files ---- */

effekt_status effekt_chart_format_from_path(const char *path, effekt_chart_format *out)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot)
        return EFFEKT_EINVAL;
    static const struct { const char *ext; effekt_chart_format f; } exts[] = {
        { ".png", EFFEKT_CHART_PNG }, { ".svg", EFFEKT_CHART_SVG }, { ".pdf", EFFEKT_CHART_PDF },
    };
    for (size_t i = 0; i < 3; i++) {
        const char *a = dot, *b = exts[i].ext;
        while (*a && *b && (*a | 0x20) == *b)
            a++, b++;
        if (!*a && !*b) {
            *out = exts[i].f;
            return EFFEKT_OK;
        }
    }
    return EFFEKT_EINVAL;
}

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* SVG is gathered in memory first: cairo names the page's group after a
 * process-wide surface counter ("surface5"), which would make the second
 * chart a program draws differ from the first. */
typedef struct {
    unsigned char *data;
    size_t len, cap;
} membuf;

static cairo_status_t write_mem(void *closure, const unsigned char *data, unsigned int length)
{
    membuf *m = closure;
    if (m->len + length > m->cap) {
        size_t cap = m->cap ? m->cap : 65536;
        while (cap < m->len + length)
            cap *= 2;
        unsigned char *n = effekt_realloc(m->data, cap);
        if (!n)
            return CAIRO_STATUS_NO_MEMORY;
        m->data = n;
        m->cap = cap;
    }
    memcpy(m->data + m->len, data, length);
    m->len += length;
    return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t write_svg(const membuf *m, FILE *out)
{
    static const char tag[] = "<g id=\"surface";
    const unsigned char *p = m->data, *end = m->data + m->len;
    for (const unsigned char *q = p; q + sizeof tag < end; q++)
        if (memcmp(q, tag, sizeof tag - 1) == 0) {
            const unsigned char *d = q + sizeof tag - 1;
            while (d < end && *d >= '0' && *d <= '9')
                d++;
            if (fwrite(p, 1, (size_t)(q - p), out) != (size_t)(q - p) || fputs("<g id=\"chart", out) == EOF)
                return CAIRO_STATUS_WRITE_ERROR;
            p = d;
            break;
        }
    return fwrite(p, 1, (size_t)(end - p), out) == (size_t)(end - p) ? CAIRO_STATUS_SUCCESS
                                                                    : CAIRO_STATUS_WRITE_ERROR;
}

static effekt_status validate(const effekt_chart *ch, effekt_diag *diag)
{
    const char *why = NULL;
    if (ch->kind == EFFEKT_CHART_HIST ? ch->n_bins == 0 || !ch->breaks || !ch->counts
                                      : ch->kind == EFFEKT_CHART_KM ? ch->n_curves == 0
                                                                    : ch->n_items == 0 || !ch->items)
        why = "nothing to draw";
    else if (ch->kind == EFFEKT_CHART_STACKED && (ch->n_parts == 0 || ch->n_parts > EFFEKT_CHART_MAX_PARTS))
        why = "a stacked chart needs 1 to 6 parts";
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
    effekt_status st = validate(chart, diag);
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
        cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
        cairo_t *cr = cairo_create(s);
        effekt_status ms = EFFEKT_OK;
        H = ceil(effekt_chart_draw(cr, chart, loc, W, 0, NULL, &ms));
        cairo_destroy(cr);
        cairo_surface_destroy(s);
        if (H > 10000) {
            effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                            "%zu rows make a chart %.0f pt high (more than 10000): select fewer",
                            chart->n_items, H);
            return EFFEKT_ELIMIT;
        }
    }
    cairo_surface_t *surface;
    membuf svg = { 0 };
    double scale = 1;
    if (format == EFFEKT_CHART_PNG) {
        scale = dpi / 72.0;
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(W * scale), (int)ceil(H * scale));
    } else if (format == EFFEKT_CHART_SVG) {
        surface = cairo_svg_surface_create_for_stream(write_mem, &svg, W, H);
    } else {
        surface = cairo_pdf_surface_create_for_stream(write_stream, out, W, H);
        /* no timestamp: the same chart gives the same bytes */
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "effekt " PACKAGE_VERSION);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, chart->title ? chart->title : "");
    }
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    if (scene) {
        scene->width = W;
        scene->height = H;
    }
    effekt_status ds = EFFEKT_OK;
    effekt_chart_draw(cr, chart, loc, W, H, scene, &ds);
    cairo_show_page(cr);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    if (format == EFFEKT_CHART_PNG && cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_write_to_png_stream(surface, write_stream, out);
    cairo_surface_finish(surface);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (format == EFFEKT_CHART_SVG && cs == CAIRO_STATUS_SUCCESS)
        cs = write_svg(&svg, out);
    free(svg.data);
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
