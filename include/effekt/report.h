/* effekt/report.h — a report as a list of blocks (headings, paragraphs,
 * tables, charts) laid out on A4 pages as a PDF.  The caller fills the
 * blocks with text and numbers already formatted; the layout breaks
 * pages, repeats a table's header on every page it continues onto, and
 * numbers the pages.  No timestamp is written: the same document gives
 * the same bytes. */
#ifndef EFFEKT_REPORT_H
#define EFFEKT_REPORT_H

#include "effekt/export.h"

#include <stdio.h>

#include "effekt/chart.h"
#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_BLOCK_HEADING = 0,   /* text, level 1 or 2 */
    EFFEKT_BLOCK_PARAGRAPH,     /* text, wrapped */
    EFFEKT_BLOCK_TABLE,         /* header + cells */
    EFFEKT_BLOCK_CHART,         /* chart, drawn at the text width */
    EFFEKT_BLOCK_PAGE_BREAK
} effekt_block_kind;

/* "heading", "paragraph", "table", "chart", "page_break" ("?" for another
 * value); _parse reads them (case ignored), EFFEKT_EINVAL for another name. */
EFFEKT_API const char *effekt_block_kind_name(effekt_block_kind kind);
EFFEKT_API effekt_status effekt_block_kind_parse(const char *name, effekt_block_kind *out);

typedef struct {
    effekt_block_kind kind;
    int level;
    const char *text;
    size_t n_columns, n_rows;
    const char *const *header;      /* n_columns */
    const char *const *cells;       /* n_rows x n_columns, row-major; NULL cell: empty */
    const int *right;               /* n_columns: 1 to right-align (numbers); NULL: all left */
    const effekt_chart *chart;
} effekt_block;

typedef struct {
    const char *title, *subtitle;
    const char *title_note;         /* under the title: data, version, seed */
    const effekt_block *blocks;
    size_t n_blocks;
    const effekt_locale *locale;
} effekt_document;

/* Lay out and write the document as PDF to out.  EFFEKT_EIO when the
 * stream fails (message in diag). */
EFFEKT_API effekt_status effekt_document_write_pdf(const effekt_document *doc, FILE *out, effekt_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
