/* surface.h — the files a chart is written as (private to render/):
 * PNG, SVG and PDF surfaces that give the same bytes for the same chart. */
#ifndef EFFEKT_RENDER_SURFACE_H
#define EFFEKT_RENDER_SURFACE_H

#include <stdio.h>

#include <cairo.h>

#include "effekt/chart.h"

/* One chart file being drawn.  Borrows out; owns the rest until
 * effekt_surface_close.  The SVG surface writes into the struct: it must
 * stay where it is between open and close. */
typedef struct {
    effekt_chart_format format;
    FILE *out;
    cairo_surface_t *surface;
    cairo_t *cr;                  /* draw here, in points */
    double dpi;                   /* PNG: its resolution, written into its pHYs chunk */
    unsigned char *svg;           /* SVG (and PNG) gathered in memory (see surface.c) */
    size_t svg_len, svg_cap;
} effekt_surface;

/* Open a W x H pt page in the format (PNG at dpi) for out; s->cr is
 * scaled to points.  title goes into the PDF's metadata. */
void effekt_surface_open(effekt_surface *s, effekt_chart_format format, FILE *out, double W, double H, double dpi,
                         const char *title);

/* Finish the page, write the file to out and free the surface.  Returns
 * the first cairo error, CAIRO_STATUS_SUCCESS when all was written. */
cairo_status_t effekt_surface_close(effekt_surface *s);

/* A context on a scratch surface to measure on (text metrics are
 * unhinted, the same on every surface); cairo_destroy frees both. */
cairo_t *effekt_surface_scratch(void);

#endif
