/* doc_int.h — the document model's insides (private to src/lib/doc/):
 * a list of blocks that the writers (write_pdf.c, write_html.c,
 * write_docx.c, write_csv.c) walk in order.  Every string is the
 * document's own copy. */
#ifndef EFFEKT_DOC_INT_H
#define EFFEKT_DOC_INT_H

#include "effekt/document.h"
#include "effekt/text.h"

typedef enum { DOC_RUN_TEXT, DOC_RUN_STRONG, DOC_RUN_REF, DOC_RUN_FOOTNOTE } doc_run_kind;

typedef struct {
    doc_run_kind kind;
    char *text;          /* the words; a ref's id; a footnote's text */
    size_t footnote;     /* footnote: its number, from 1, in document order */
} doc_run;

typedef enum {
    DOC_SECTION, DOC_CONTENTS, DOC_PAGE_BREAK, DOC_PARAGRAPH, DOC_TABLE, DOC_FIGURE, DOC_TERM
} doc_block_kind;

typedef struct {
    doc_block_kind kind;
    char *id;                        /* section, table, figure; NULL: none */
    /* section */
    int level, numbered;
    char *title;                     /* section title; table/figure caption */
    char number[32];                 /* "2.1" (numbered section), "3" (table, figure); "" otherwise */
    size_t index;                    /* table, figure: 0-based among its kind; section: among sections */
    /* paragraph */
    effekt_paragraph_style style;
    doc_run *runs;
    size_t n_runs, cap_runs;
    /* table */
    size_t n_columns, n_rows, cap_rows;
    char **headers;                  /* n_columns */
    effekt_align *align;             /* n_columns */
    char **cells;                    /* n_rows x n_columns, row-major; NULL: empty */
    unsigned char *total;            /* n_rows */
    char **notes;
    size_t n_notes;
    /* figure */
    effekt_chart *chart;
    char *alt, *source;
    /* term */
    char *term, *definition;
} doc_block;

struct effekt_document {
    /* meta, owned copies */
    char *language, *title, *subtitle, *project, *client, *evaluator, *date, *version, *acknowledgement,
        *logo_path, *cover_note, *author, *subject, *keywords;
    const effekt_locale *locale;     /* of language; the first (English) when unknown */
    doc_block *blocks;
    size_t n_blocks, cap_blocks;
    size_t n_sections, n_tables, n_figures, n_footnotes;
    int section_no[3];               /* the numbering counters of levels 1..3 */
    doc_block *open;                 /* the paragraph or table being built; NULL */
};

/* The block of table i / figure i (0-based); NULL past the end. */
const doc_block *effekt_doc_table(const effekt_document *doc, size_t i);
const doc_block *effekt_doc_figure(const effekt_document *doc, size_t i);

/* The block that carries id; NULL when none. */
const doc_block *effekt_doc_find(const effekt_document *doc, const char *id);

/* What a reference to id reads, in the document's language: "Table 3",
 * "Figure 2", "section 4.1" (an unnumbered section: its title).  A new
 * string (free it); NULL for an unknown id (EFFEKT_EINVAL with the id in
 * diag, *st set) or when out of memory (*st EFFEKT_ENOMEM). */
char *effekt_doc_ref_text(const effekt_document *doc, const char *id, effekt_diag *diag, effekt_status *st);

/* Every reference of the document names an id it has: EFFEKT_OK, else
 * EFFEKT_EINVAL with each unknown id in diag.  Writers call it first, so
 * nothing is written for a document with a broken reference. */
effekt_status effekt_doc_check_refs(const effekt_document *doc, effekt_diag *diag);

/* "Table 3. caption" / "Figure 2. caption" (the caption may be NULL:
 * "Table 3"): a new string, NULL when out of memory. */
char *effekt_doc_caption(const effekt_document *doc, const doc_block *b);

/* A word of the document's language. */
const char *effekt_doc_word(const effekt_document *doc, effekt_text_word_id w);

/* The anchor name of a block: its id, or "s<k>"/"t<k>"/"f<k>" from its
 * index when it has none.  Writes into buf (size >= 32). */
const char *effekt_doc_anchor(const doc_block *b, char *buf, size_t size);

#endif
