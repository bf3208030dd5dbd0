/* The report layout: A4 pages, a title page, headings, wrapped
 * paragraphs, tables that continue over pages with their header
 * repeated, and charts drawn as vectors at the text width. */
#include "config.h"

#include "lib_alloc.h"
#include "lib_enum.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "draw.h"
#include "effekt/report.h"

enum { PAGE_W = 595, PAGE_H = 842 };   /* A4 in points (595.28 x 841.89) */
static const double MARGIN_X = 56, MARGIN_TOP = 56, MARGIN_BOTTOM = 60;

typedef struct {
    cairo_t *cr;
    const effekt_report_layout *doc;
    double y;
    int page;
} layout;

static void font(cairo_t *cr, double size, int bold)
{
    cairo_select_font_face(cr, EFFEKT_FONT, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

static void show(cairo_t *cr, double x, double y, const char *s)
{
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s);
    cairo_new_path(cr);
}

static void footer(layout *l)
{
    char num[32];
    snprintf(num, sizeof num, "%d", l->page);
    font(l->cr, 8, 0);
    cairo_set_source_rgb(l->cr, 0.45, 0.45, 0.45);
    double w = effekt_draw_width(l->cr, num);
    show(l->cr, PAGE_W - MARGIN_X - w, PAGE_H - 30, num);
    if (l->doc->title) {
        char line[1][256];
        effekt_draw_wrap(l->cr, l->doc->title, PAGE_W - 2 * MARGIN_X - 60, 1, line);
        show(l->cr, MARGIN_X, PAGE_H - 30, line[0]);
    }
}

static void new_page(layout *l)
{
    footer(l);
    cairo_show_page(l->cr);
    l->page++;
    l->y = MARGIN_TOP;
}

static void need(layout *l, double h)
{
    if (l->y + h > PAGE_H - MARGIN_BOTTOM && l->y > MARGIN_TOP)
        new_page(l);
}

static void paragraph(layout *l, const char *text, double size, int bold, double gap)
{
    const double width = PAGE_W - 2 * MARGIN_X, lh = size * 1.35;
    font(l->cr, size, bold);
    cairo_set_source_rgb(l->cr, 0.13, 0.13, 0.13);
    /* paragraphs break at newlines, lines at spaces */
    const char *p = text ? text : "";
    while (*p) {
        size_t len = strcspn(p, "\n");
        char *part = strndup(p, len);
        if (!part)
            return;
        const char *q = part;
        char lines[32][256];
        while (*q) {
            /* wrap up to 32 lines at a time from what is left */
            size_t n = effekt_draw_wrap(l->cr, q, width, 32, lines);
            size_t used = 0;
            for (size_t i = 0; i < n; i++) {
                size_t ll = strlen(lines[i]);
                int cut = ll >= 3 && strcmp(lines[i] + ll - 3, "\u2026") == 0 && strncmp(q + used, lines[i], ll) != 0;
                if (cut && i + 1 == n)
                    break;   /* the last line was cut: take it again in the next round */
                need(l, lh);
                font(l->cr, size, bold);
                cairo_set_source_rgb(l->cr, 0.13, 0.13, 0.13);
                l->y += lh;
                show(l->cr, MARGIN_X, l->y - size * 0.3, lines[i]);
                used += ll;
                while (q[used] == ' ')
                    used++;
            }
            if (used == 0)
                break;
            q += used;
        }
        free(part);
        p += len;
        if (*p == '\n') {
            p++;
            l->y += size * 0.5;
        }
    }
    l->y += gap;
}

/* Column widths: each column's widest text, shrunk in proportion when
 * the table is wider than the page (texts are then cut with "…"). */
static void table(layout *l, const effekt_block *b)
{
    cairo_t *cr = l->cr;
    const double width = PAGE_W - 2 * MARGIN_X, pad = 4, row_h = 7.5 * 1.7;
    double *w = effekt_calloc(b->n_columns ? b->n_columns : 1, sizeof *w);
    if (!w)
        return;
    double total = 0;
    for (size_t c = 0; c < b->n_columns; c++) {
        const double size = 7.5;
        font(cr, size, 1);
        w[c] = effekt_draw_width(cr, b->header[c] ? b->header[c] : "") + 2 * pad;
        font(cr, size, 0);
        for (size_t r = 0; r < b->n_rows; r++) {
            const char *s = b->cells[r * b->n_columns + c];
            w[c] = fmax(w[c], effekt_draw_width(cr, s ? s : "") + 2 * pad);
        }
        w[c] = fmin(w[c], width * 0.45);
        total += w[c];
    }
    /* too wide: a smaller type first (down to 5.5 pt), then cut texts */
    double size = 7.5;
    if (total > width) {
        size = fmax(5.5, 7.5 * width / total);
        double t2 = 0;
        for (size_t c = 0; c < b->n_columns; c++)
            t2 += (w[c] *= size / 7.5);
        total = t2;
        if (total > width)
            for (size_t c = 0; c < b->n_columns; c++)
                w[c] *= width / total;
        total = fmin(total, width);
    }
    int header_drawn = 0;
    for (size_t r = 0; r <= b->n_rows; r++) {
        if (!header_drawn || l->y + row_h > PAGE_H - MARGIN_BOTTOM) {
            if (header_drawn || l->y + 2 * row_h > PAGE_H - MARGIN_BOTTOM)
                new_page(l);
            /* the header, on every page the table is on */
            cairo_set_source_rgb(cr, 0.90, 0.93, 0.96);
            cairo_rectangle(cr, MARGIN_X, l->y, fmin(total, width), row_h);
            cairo_fill(cr);
            font(cr, size, 1);
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
            double x = MARGIN_X;
            for (size_t c = 0; c < b->n_columns; c++) {
                char cell[1][256];
                effekt_draw_wrap(cr, b->header[c] ? b->header[c] : "", w[c] - 2 * pad, 1, cell);
                double tw = effekt_draw_width(cr, cell[0]);
                show(cr, b->right && b->right[c] ? x + w[c] - pad - tw : x + pad, l->y + row_h * 0.68, cell[0]);
                x += w[c];
            }
            l->y += row_h;
            header_drawn = 1;
        }
        if (r == b->n_rows)
            break;
        font(cr, size, 0);
        cairo_set_source_rgb(cr, 0.13, 0.13, 0.13);
        double x = MARGIN_X;
        for (size_t c = 0; c < b->n_columns; c++) {
            const char *s = b->cells[r * b->n_columns + c];
            char cell[1][256];
            effekt_draw_wrap(cr, s ? s : "", w[c] - 2 * pad, 1, cell);
            double tw = effekt_draw_width(cr, cell[0]);
            show(cr, b->right && b->right[c] ? x + w[c] - pad - tw : x + pad, l->y + row_h * 0.68, cell[0]);
            x += w[c];
        }
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_set_line_width(cr, 0.4);
        cairo_move_to(cr, MARGIN_X, l->y + row_h);
        cairo_line_to(cr, MARGIN_X + fmin(total, width), l->y + row_h);
        cairo_stroke(cr);
        l->y += row_h;
    }
    l->y += 10;
    free(w);
}

static void chart(layout *l, const effekt_chart *ch)
{
    const double width = PAGE_W - 2 * MARGIN_X, max_h = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM;
    effekt_status st;
    double h = effekt_chart_draw(l->cr, ch, l->doc->locale, width, 0, NULL, &st);
    if (h > max_h)
        h = max_h;   /* a very long chart is squeezed onto one page */
    need(l, h);
    cairo_save(l->cr);
    cairo_translate(l->cr, MARGIN_X, l->y);
    cairo_rectangle(l->cr, 0, 0, width, h);
    cairo_clip(l->cr);
    effekt_chart_draw(l->cr, ch, l->doc->locale, width, h, NULL, &st);
    cairo_restore(l->cr);
    l->y += h + 12;
}

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

effekt_status effekt_report_layout_write_pdf(const effekt_report_layout *doc, FILE *out, effekt_diag *diag)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_stream, out, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, doc->title ? doc->title : "");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "effekt " PACKAGE_VERSION);
    /* no clock time: SOURCE_DATE_EPOCH when the build system gives one,
     * else no date at all, so the same document gives the same bytes */
    char date[128] = "";
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        long long t = strtoll(epoch, &end, 10);
        if (!*end && t >= 0) {
            long long days = t / 86400, secs = t % 86400;
            /* civil date from days since 1970 (Howard Hinnant's algorithm) */
            long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
            long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, y = yoe + era * 400;
            long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
            long long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
            snprintf(date, sizeof date, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", y + (m <= 2), m, d, secs / 3600,
                     secs / 60 % 60, secs % 60);
        }
    }
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_t *cr = cairo_create(s);
    effekt_draw_prepare(cr);
    layout l = { .cr = cr, .doc = doc, .y = MARGIN_TOP, .page = 1 };
    /* title page */
    l.y = PAGE_H * 0.3;
    paragraph(&l, doc->title, 22, 1, 10);
    paragraph(&l, doc->subtitle, 12, 0, 24);
    paragraph(&l, doc->title_note, 9, 0, 0);
    new_page(&l);
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const effekt_block *b = &doc->blocks[i];
        switch (b->kind) {
        case EFFEKT_BLOCK_HEADING:
            need(&l, b->level <= 1 ? 60 : 40);   /* not alone at the foot of a page */
            l.y += b->level <= 1 ? 8 : 4;
            paragraph(&l, b->text, b->level <= 1 ? 15 : 11.5, 1, 4);
            break;
        case EFFEKT_BLOCK_PARAGRAPH:
            paragraph(&l, b->text, 9.5, 0, 6);
            break;
        case EFFEKT_BLOCK_TABLE:
            table(&l, b);
            break;
        case EFFEKT_BLOCK_CHART:
            if (b->chart)
                chart(&l, b->chart);
            break;
        case EFFEKT_BLOCK_PAGE_BREAK:
            if (l.y > MARGIN_TOP)
                new_page(&l);
            break;
        }
    }
    footer(&l);
    cairo_show_page(cr);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (cs != CAIRO_STATUS_SUCCESS) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "cannot write the report: %s",
                        cairo_status_to_string(cs));
        return cs == CAIRO_STATUS_NO_MEMORY ? EFFEKT_ENOMEM : EFFEKT_EIO;
    }
    return EFFEKT_OK;
}

static const char *const block_kind_names[] = { "heading", "paragraph", "table", "chart", "page_break" };

EFFEKT_ENUM_FUNCTIONS(effekt_block_kind_name, effekt_block_kind_parse, effekt_block_kind, block_kind_names)
