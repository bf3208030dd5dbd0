/* draw.h — drawing charts and text with cairo, inside libeffekt: the
 * chart renderer (chart_cairo.c, frame.h) and the document writers
 * (src/lib/doc/write_pdf.c, write_html.c) share it. */
#ifndef EFFEKT_RENDER_DRAW_H
#define EFFEKT_RENDER_DRAW_H

#include <cairo.h>

#include "effekt/chart.h"

/* The font every chart and report uses (fonts-dejavu-core). */
#define EFFEKT_FONT "DejaVu Sans"

/* Set up a context for deterministic text: no hinting, so metrics are the
 * same on every surface (a PNG measures as its PDF does). */
void effekt_draw_prepare(cairo_t *cr);

/* Draw chart into the rectangle (0, 0, width, height) of cr, in points.
 * height 0: measure only (nothing is drawn) and return the height the
 * chart needs at this width.  Otherwise returns the height used.  Marks
 * are added to scene when it is not NULL.  *status gets EFFEKT_ENOMEM
 * when the scene could not grow. */
double effekt_chart_draw(cairo_t *cr, const effekt_chart *chart, const effekt_locale *loc,
                         double width, double height, effekt_chart_scene *scene,
                         effekt_status *status);

/* Whether the chart can be drawn (its kind's checks: items, arrays):
 * EFFEKT_EINVAL with the reason in diag.  effekt_chart_render checks
 * first; a caller that draws with effekt_chart_draw (the document
 * writers) must too. */
effekt_status effekt_chart_validate(const effekt_chart *chart, effekt_diag *diag);

/* Break s into at most max_lines lines of at most max_width points in the
 * current font, at spaces; a word or line that does not fit is cut at a
 * character boundary and ends in "…".  lines[i] hold up to line_size
 * bytes each.  Returns the number of lines (at least 1). */
size_t effekt_draw_wrap(cairo_t *cr, const char *s, double max_width, size_t max_lines,
                        char (*lines)[256]);

/* Width of s in the current font. */
double effekt_draw_width(cairo_t *cr, const char *s);

#endif
