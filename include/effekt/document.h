/* effekt/document.h — a document for people, independent of its format:
 * sections, paragraphs (text, strong figures, cross-references,
 * footnotes), numbered tables and figures with captions and sources,
 * a glossary, a table of contents, a cover.  One writer per format:
 * PDF (cairo), HTML, DOCX; each table also as CSV.
 *
 * Contract:
 *
 *  - The document owns everything: every string passed in is copied;
 *    a chart passed to effekt_document_figure is taken over (destroyed
 *    with the document, also when the call fails).
 *  - Every word and number is already in the document's language and
 *    locale when it is added: the model never formats, the caller uses
 *    the text layer and effekt_locale.  The only words the writers add
 *    themselves ("Table", "Figure", "Contents", "Page", "Notes"…) come
 *    from the text layer for meta->language.
 *  - Numbering: tables and figures are numbered in the order they are
 *    added (Table 1, 2, …; Figure 1, 2, …); sections are numbered
 *    1, 1.1, 1.1.1 unless unnumbered (cover-like front matter: summary,
 *    contents).  ids are plain names [a-z0-9-], unique in the document
 *    (EFFEKT_EINVAL for a duplicate): anchors in HTML/PDF/DOCX bookmarks,
 *    and the CSV file name of a table (tables/ID.csv).
 *  - A cross-reference to an id not (yet) in the document is resolved at
 *    write time; an id never added is EFFEKT_EINVAL from the writer with
 *    the id in diag (a report never ships "Table ??").
 *  - Builders return EFFEKT_OK, EFFEKT_EINVAL (misuse: e.g. a row with
 *    the wrong number of cells, text outside a paragraph) or
 *    EFFEKT_ENOMEM; after a failure the document may be destroyed only.
 */
#ifndef EFFEKT_DOCUMENT_H
#define EFFEKT_DOCUMENT_H

#include "effekt/export.h"

#include <stddef.h>
#include <stdio.h>

#include "effekt/chart.h"
#include "effekt/locale.h"
#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct effekt_document effekt_document;

/* The cover and the file's metadata.  Every field may be NULL (not
 * shown).  Strings are copied. */
typedef struct {
    const char *language;        /* "da", "en", "sv": lang of HTML, DOCX, PDF metadata; words the writers add */
    const char *title;
    const char *subtitle;
    const char *project;         /* "Project: Go Vest" line of the cover, already worded */
    const char *client;          /* already worded, e.g. "Client: Region Nordjylland" */
    const char *evaluator;
    const char *date;            /* already formatted for the locale: "3. december 2026" */
    const char *version;
    const char *acknowledgement; /* the fund's sentence */
    const char *logo_path;       /* a PNG file; NULL: no logo */
    const char *cover_note;      /* e.g. the synthetic-data marking, set apart on the cover */
    const char *author, *subject, *keywords;   /* metadata */
} effekt_document_meta;

EFFEKT_API effekt_status effekt_document_create(const effekt_document_meta *meta, effekt_document **out);
EFFEKT_API void effekt_document_destroy(effekt_document *doc);

/* A section heading, level 1..3.  numbered 0: not numbered (and not in
 * the numbering of the others).  id may be NULL. */
EFFEKT_API effekt_status effekt_document_section(effekt_document *doc, int level, int numbered, const char *id,
                                                 const char *title);

/* The table of contents, placed here (sections with their numbers and
 * pages in PDF, links everywhere). */
EFFEKT_API effekt_status effekt_document_contents(effekt_document *doc);

/* Start a new page (PDF, DOCX; HTML: a print page break). */
EFFEKT_API effekt_status effekt_document_page_break(effekt_document *doc);

/* ---- paragraphs, built of runs ---- */
typedef enum {
    EFFEKT_PARAGRAPH_BODY = 0,
    EFFEKT_PARAGRAPH_LEAD,       /* the summary's sentences: slightly larger */
    EFFEKT_PARAGRAPH_BULLET,     /* one item of a bulleted list */
    EFFEKT_PARAGRAPH_NOTE        /* small print: data quality notes, provenance */
} effekt_paragraph_style;

EFFEKT_API effekt_status effekt_document_paragraph_begin(effekt_document *doc, effekt_paragraph_style style);
EFFEKT_API effekt_status effekt_document_text(effekt_document *doc, const char *text);    /* a plain run */
EFFEKT_API effekt_status effekt_document_strong(effekt_document *doc, const char *text);  /* a bold run: headline figures */
/* "Table 3" / "Figure 2" / "section 4.1" (words of the language), a link. */
EFFEKT_API effekt_status effekt_document_ref(effekt_document *doc, const char *id);
/* A numbered footnote here; its text at the page foot (PDF, DOCX) or
 * the end of the section (HTML). */
EFFEKT_API effekt_status effekt_document_footnote(effekt_document *doc, const char *text);
EFFEKT_API effekt_status effekt_document_paragraph_end(effekt_document *doc);
/* One plain paragraph: begin, text, end. */
EFFEKT_API effekt_status effekt_document_paragraph(effekt_document *doc, effekt_paragraph_style style,
                                                   const char *text);

/* ---- tables ---- */
typedef enum { EFFEKT_ALIGN_LEFT = 0, EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_CENTER } effekt_align;

/* A numbered table: caption above ("Table 3. caption"), headers (which
 * wrap, never cut), rows, notes and source below.  Wide tables are
 * split or set landscape by the writer; long ones continue onto the
 * next page with their header repeated.  Cells are text as shown (the
 * CSV of the table has the same text). */
EFFEKT_API effekt_status effekt_document_table_begin(effekt_document *doc, const char *id, const char *caption,
                                                     size_t n_columns);
EFFEKT_API effekt_status effekt_document_table_column(effekt_document *doc, size_t j, const char *header,
                                                      effekt_align align);
/* n_columns cells (NULL: empty).  total 1: a totals row (rule above, bold). */
EFFEKT_API effekt_status effekt_document_table_row(effekt_document *doc, const char *const *cells, int total);
/* A line under the table: a note, or the source ("Source: …", worded by the caller). */
EFFEKT_API effekt_status effekt_document_table_note(effekt_document *doc, const char *text);
EFFEKT_API effekt_status effekt_document_table_end(effekt_document *doc);

/* ---- figures ---- */
/* A numbered figure: the chart (taken over), caption below ("Figure 2.
 * caption"), alt text (what it shows, for HTML alt/aria and PDF/DOCX
 * alternative text), source line (NULL: none). */
EFFEKT_API effekt_status effekt_document_figure(effekt_document *doc, const char *id, effekt_chart *chart,
                                                const char *caption, const char *alt, const char *source);

/* ---- glossary ---- a term and its definition, shown as a definition list. */
EFFEKT_API effekt_status effekt_document_term(effekt_document *doc, const char *term, const char *definition);

/* ---- reading it back (writers, tests) ---- */
EFFEKT_API size_t effekt_document_tables(const effekt_document *doc);
EFFEKT_API const char *effekt_document_table_id(const effekt_document *doc, size_t i);
EFFEKT_API size_t effekt_document_figures(const effekt_document *doc);
EFFEKT_API const char *effekt_document_figure_id(const effekt_document *doc, size_t i);
EFFEKT_API const effekt_chart *effekt_document_figure_chart(const effekt_document *doc, size_t i);

/* ---- writers ---- each writes the whole document to out; EFFEKT_EIO
 * when the stream fails, EFFEKT_EINVAL for a reference to an unknown id;
 * messages in diag.  Same document, same bytes (no timestamps). */
EFFEKT_API effekt_status effekt_document_write_pdf(const effekt_document *doc, FILE *out, effekt_diag *diag);
EFFEKT_API effekt_status effekt_document_write_html(const effekt_document *doc, FILE *out, effekt_diag *diag);
EFFEKT_API effekt_status effekt_document_write_docx(const effekt_document *doc, FILE *out, effekt_diag *diag);
/* Table i as CSV in display form (caption not included; header row of
 * the column headers).  Danish (language "da"): UTF-8 BOM, ';' between
 * fields; others: ','.  Cells as shown. */
EFFEKT_API effekt_status effekt_document_write_table_csv(const effekt_document *doc, size_t i, FILE *out,
                                                         effekt_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
