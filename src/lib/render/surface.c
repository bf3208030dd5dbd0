/* The PNG, SVG and PDF writers.  The same chart gives the same bytes:
 * no creation date in the PDF, and SVG's process-wide surface counter
 * replaced by a fixed name. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "surface.h"

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
static cairo_status_t write_mem(void *closure, const unsigned char *data, unsigned int length)
{
    effekt_surface *m = closure;
    if (m->svg_len + length > m->svg_cap) {
        size_t cap = m->svg_cap ? m->svg_cap : 65536;
        while (cap < m->svg_len + length)
            cap *= 2;
        unsigned char *n = effekt_realloc(m->svg, cap);
        if (!n)
            return CAIRO_STATUS_NO_MEMORY;
        m->svg = n;
        m->svg_cap = cap;
    }
    memcpy(m->svg + m->svg_len, data, length);
    m->svg_len += length;
    return CAIRO_STATUS_SUCCESS;
}

/* The CRC of a PNG chunk (ISO 3309, as the PNG specification gives
 * it), over its type and data. */
static unsigned long png_crc(const unsigned char *p, size_t n)
{
    unsigned long c = 0xffffffffUL;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320UL ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xffffffffUL;
}

static void put32(unsigned char *p, unsigned long v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* The gathered PNG to out with a pHYs chunk after its IHDR: the
 * resolution it was drawn at, in pixels per metre, so that a word
 * processor inserts it at its physical size (cairo writes none). */
static cairo_status_t write_png(const effekt_surface *m, FILE *out)
{
    const size_t head = 8 + 4 + 4 + 13 + 4;   /* signature, IHDR's length, type, data, CRC */
    if (m->svg_len < head || memcmp(m->svg + 12, "IHDR", 4) != 0)
        return fwrite(m->svg, 1, m->svg_len, out) == m->svg_len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
    unsigned char phys[4 + 4 + 9 + 4];
    unsigned long ppm = (unsigned long)(m->dpi / 0.0254 + 0.5);
    put32(phys, 9);
    memcpy(phys + 4, "pHYs", 4);
    put32(phys + 8, ppm);
    put32(phys + 12, ppm);
    phys[16] = 1;   /* the unit is the metre */
    put32(phys + 17, png_crc(phys + 4, 4 + 9));
    int ok = fwrite(m->svg, 1, head, out) == head && fwrite(phys, 1, sizeof phys, out) == sizeof phys &&
             fwrite(m->svg + head, 1, m->svg_len - head, out) == m->svg_len - head;
    return ok ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The gathered SVG to out, its first group named "chart". */
static cairo_status_t write_svg(const effekt_surface *m, FILE *out)
{
    static const char tag[] = "<g id=\"surface";
    const unsigned char *p = m->svg, *end = m->svg + m->svg_len;
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

void effekt_surface_open(effekt_surface *s, effekt_chart_format format, FILE *out, double W, double H, double dpi,
                         const char *title)
{
    memset(s, 0, sizeof *s);
    s->format = format;
    s->out = out;
    s->dpi = dpi;
    double scale = 1;
    if (format == EFFEKT_CHART_PNG) {
        scale = dpi / 72.0;
        s->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(W * scale), (int)ceil(H * scale));
    } else if (format == EFFEKT_CHART_SVG) {
        s->surface = cairo_svg_surface_create_for_stream(write_mem, s, W, H);
    } else {
        s->surface = cairo_pdf_surface_create_for_stream(write_stream, out, W, H);
        /* no timestamp: the same chart gives the same bytes */
        cairo_pdf_surface_set_metadata(s->surface, CAIRO_PDF_METADATA_CREATOR, "effekt " PACKAGE_VERSION);
        cairo_pdf_surface_set_metadata(s->surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
        cairo_pdf_surface_set_metadata(s->surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
    }
    s->cr = cairo_create(s->surface);
    cairo_scale(s->cr, scale, scale);
}

cairo_status_t effekt_surface_close(effekt_surface *s)
{
    cairo_show_page(s->cr);
    cairo_status_t cs = cairo_status(s->cr);
    cairo_destroy(s->cr);
    if (s->format == EFFEKT_CHART_PNG && cs == CAIRO_STATUS_SUCCESS) {
        cs = cairo_surface_write_to_png_stream(s->surface, write_mem, s);
        if (cs == CAIRO_STATUS_SUCCESS)
            cs = write_png(s, s->out);
    }
    cairo_surface_finish(s->surface);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(s->surface);
    cairo_surface_destroy(s->surface);
    if (s->format == EFFEKT_CHART_SVG && cs == CAIRO_STATUS_SUCCESS)
        cs = write_svg(s, s->out);
    free(s->svg);
    memset(s, 0, sizeof *s);
    return cs;
}

cairo_t *effekt_surface_scratch(void)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create(s);
    cairo_surface_destroy(s);   /* cr holds a reference */
    return cr;
}
