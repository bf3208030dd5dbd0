/* The document model: blocks in reading order, each with owned copies of
 * its strings; numbering of sections, tables, figures and footnotes as
 * they are added; ids checked for form and uniqueness; references
 * resolved when a writer asks (so a reference may come before its
 * target). */
#include "config.h"

#include "lib_alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc_int.h"

/* A copy of s (NULL for NULL); *ok cleared when the copy failed. */
static char *dup(const char *s, int *ok)
{
    if (!s)
        return NULL;
    char *c = effekt_strdup(s);
    if (!c)
        *ok = 0;
    return c;
}

effekt_status effekt_document_create(const effekt_document_meta *meta, effekt_document **out)
{
    *out = NULL;
    effekt_document *d = effekt_calloc(1, sizeof *d);
    if (!d)
        return EFFEKT_ENOMEM;
    int ok = 1;
    if (meta) {
        d->language = dup(meta->language, &ok);
        d->title = dup(meta->title, &ok);
        d->subtitle = dup(meta->subtitle, &ok);
        d->project = dup(meta->project, &ok);
        d->client = dup(meta->client, &ok);
        d->evaluator = dup(meta->evaluator, &ok);
        d->date = dup(meta->date, &ok);
        d->version = dup(meta->version, &ok);
        d->acknowledgement = dup(meta->acknowledgement, &ok);
        d->logo_path = dup(meta->logo_path, &ok);
        d->cover_note = dup(meta->cover_note, &ok);
        d->author = dup(meta->author, &ok);
        d->subject = dup(meta->subject, &ok);
        d->keywords = dup(meta->keywords, &ok);
    }
    if (!ok) {
        effekt_document_destroy(d);
        return EFFEKT_ENOMEM;
    }
    d->locale = d->language ? effekt_locale_find(d->language) : NULL;
    if (!d->locale)
        d->locale = effekt_locale_at(0);
    *out = d;
    return EFFEKT_OK;
}

static void block_free(doc_block *b)
{
    free(b->id);
    free(b->title);
    for (size_t i = 0; i < b->n_runs; i++)
        free(b->runs[i].text);
    free(b->runs);
    for (size_t j = 0; b->headers && j < b->n_columns; j++)
        free(b->headers[j]);
    free(b->headers);
    free(b->align);
    for (size_t i = 0; b->cells && i < b->n_rows * b->n_columns; i++)
        free(b->cells[i]);
    free(b->cells);
    free(b->total);
    for (size_t i = 0; i < b->n_notes; i++)
        free(b->notes[i]);
    free(b->notes);
    effekt_chart_destroy(b->chart);
    free(b->alt);
    free(b->source);
    free(b->term);
    free(b->definition);
}

void effekt_document_destroy(effekt_document *d)
{
    if (!d)
        return;
    char **meta[] = { &d->language, &d->title, &d->subtitle, &d->project, &d->client, &d->evaluator, &d->date,
                      &d->version, &d->acknowledgement, &d->logo_path, &d->cover_note, &d->author, &d->subject,
                      &d->keywords };
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
        free(*meta[i]);
    for (size_t i = 0; i < d->n_blocks; i++)
        block_free(&d->blocks[i]);
    free(d->blocks);
    free(d);
}

/* A new zeroed block at the end; NULL when out of memory.  Pointers to
 * earlier blocks (d->open) are refreshed by the caller's use of the
 * returned one only: nothing else is open while a block is added. */
static doc_block *add_block(effekt_document *d, doc_block_kind kind)
{
    if (d->n_blocks == d->cap_blocks) {
        size_t cap = d->cap_blocks ? 2 * d->cap_blocks : 32;
        doc_block *nb = effekt_realloc(d->blocks, cap * sizeof *nb);
        if (!nb)
            return NULL;
        d->blocks = nb;
        d->cap_blocks = cap;
    }
    doc_block *b = &d->blocks[d->n_blocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

const doc_block *effekt_doc_find(const effekt_document *d, const char *id)
{
    for (size_t i = 0; id && i < d->n_blocks; i++)
        if (d->blocks[i].id && strcmp(d->blocks[i].id, id) == 0)
            return &d->blocks[i];
    return NULL;
}

/* A plain name: [a-z0-9-], starting with a letter or digit, at most 64
 * bytes (it becomes a file name, an HTML anchor and a Word bookmark),
 * and not yet in the document.  NULL is allowed where the caller says. */
static int id_ok(const effekt_document *d, const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 64 || id[0] == '-')
        return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return effekt_doc_find(d, id) == NULL;
}

/* Builders refuse to start a block while a paragraph or table is open. */
static int closed(const effekt_document *d)
{
    return d->open == NULL;
}

effekt_status effekt_document_section(effekt_document *d, int level, int numbered, const char *id,
                                      const char *title)
{
    if (!d || !closed(d) || level < 1 || level > 3 || !title || (id && !id_ok(d, id)))
        return EFFEKT_EINVAL;
    doc_block *b = add_block(d, DOC_SECTION);
    if (!b)
        return EFFEKT_ENOMEM;
    int ok = 1;
    b->level = level;
    b->numbered = numbered != 0;
    b->index = d->n_sections++;
    b->id = dup(id, &ok);
    b->title = dup(title, &ok);
    if (b->numbered) {
        d->section_no[level - 1]++;
        for (int k = level; k < 3; k++)
            d->section_no[k] = 0;
        /* a level-2 section before any level-1 one counts as 0.1: never
         * a "0" shown though, a caller starts with level 1 */
        int n = snprintf(b->number, sizeof b->number, "%d", d->section_no[0]);
        for (int k = 1; k < level; k++)
            n += snprintf(b->number + n, sizeof b->number - (size_t)n, ".%d", d->section_no[k]);
    }
    return ok ? EFFEKT_OK : EFFEKT_ENOMEM;
}

effekt_status effekt_document_contents(effekt_document *d)
{
    if (!d || !closed(d))
        return EFFEKT_EINVAL;
    return add_block(d, DOC_CONTENTS) ? EFFEKT_OK : EFFEKT_ENOMEM;
}

effekt_status effekt_document_page_break(effekt_document *d)
{
    if (!d || !closed(d))
        return EFFEKT_EINVAL;
    return add_block(d, DOC_PAGE_BREAK) ? EFFEKT_OK : EFFEKT_ENOMEM;
}

effekt_status effekt_document_paragraph_begin(effekt_document *d, effekt_paragraph_style style)
{
    if (!d || !closed(d) || (int)style < EFFEKT_PARAGRAPH_BODY || style > EFFEKT_PARAGRAPH_NOTE)
        return EFFEKT_EINVAL;
    doc_block *b = add_block(d, DOC_PARAGRAPH);
    if (!b)
        return EFFEKT_ENOMEM;
    b->style = style;
    d->open = b;
    return EFFEKT_OK;
}

static effekt_status add_run(effekt_document *d, doc_run_kind kind, const char *text)
{
    if (!d || !d->open || d->open->kind != DOC_PARAGRAPH || !text)
        return EFFEKT_EINVAL;
    doc_block *b = d->open;
    if (b->n_runs == b->cap_runs) {
        size_t cap = b->cap_runs ? 2 * b->cap_runs : 4;
        doc_run *nr = effekt_realloc(b->runs, cap * sizeof *nr);
        if (!nr)
            return EFFEKT_ENOMEM;
        b->runs = nr;
        b->cap_runs = cap;
    }
    char *c = effekt_strdup(text);
    if (!c)
        return EFFEKT_ENOMEM;
    doc_run *r = &b->runs[b->n_runs++];
    r->kind = kind;
    r->text = c;
    r->footnote = kind == DOC_RUN_FOOTNOTE ? ++d->n_footnotes : 0;
    return EFFEKT_OK;
}

effekt_status effekt_document_text(effekt_document *d, const char *text)
{
    return add_run(d, DOC_RUN_TEXT, text);
}

effekt_status effekt_document_strong(effekt_document *d, const char *text)
{
    return add_run(d, DOC_RUN_STRONG, text);
}

effekt_status effekt_document_ref(effekt_document *d, const char *id)
{
    /* the target may come later: checked by the writers */
    return add_run(d, DOC_RUN_REF, id);
}

effekt_status effekt_document_footnote(effekt_document *d, const char *text)
{
    return add_run(d, DOC_RUN_FOOTNOTE, text);
}

effekt_status effekt_document_paragraph_end(effekt_document *d)
{
    if (!d || !d->open || d->open->kind != DOC_PARAGRAPH)
        return EFFEKT_EINVAL;
    d->open = NULL;
    return EFFEKT_OK;
}

effekt_status effekt_document_paragraph(effekt_document *d, effekt_paragraph_style style, const char *text)
{
    effekt_status st = effekt_document_paragraph_begin(d, style);
    if (st == EFFEKT_OK)
        st = effekt_document_text(d, text ? text : "");
    if (st == EFFEKT_OK)
        st = effekt_document_paragraph_end(d);
    return st;
}

effekt_status effekt_document_table_begin(effekt_document *d, const char *id, const char *caption, size_t n_columns)
{
    if (!d || !closed(d) || !id || !id_ok(d, id) || n_columns == 0 || n_columns > 1000)
        return EFFEKT_EINVAL;
    doc_block *b = add_block(d, DOC_TABLE);
    if (!b)
        return EFFEKT_ENOMEM;
    int ok = 1;
    b->id = dup(id, &ok);
    b->title = dup(caption, &ok);
    b->n_columns = n_columns;
    b->headers = effekt_calloc(n_columns, sizeof *b->headers);
    b->align = effekt_calloc(n_columns, sizeof *b->align);
    b->index = d->n_tables++;
    snprintf(b->number, sizeof b->number, "%zu", b->index + 1);
    d->open = b;
    return ok && b->headers && b->align ? EFFEKT_OK : EFFEKT_ENOMEM;
}

effekt_status effekt_document_table_column(effekt_document *d, size_t j, const char *header, effekt_align align)
{
    if (!d || !d->open || d->open->kind != DOC_TABLE || j >= d->open->n_columns || (int)align < EFFEKT_ALIGN_LEFT ||
        align > EFFEKT_ALIGN_CENTER)
        return EFFEKT_EINVAL;
    doc_block *b = d->open;
    int ok = 1;
    char *h = dup(header, &ok);
    if (!ok)
        return EFFEKT_ENOMEM;
    free(b->headers[j]);
    b->headers[j] = h;
    b->align[j] = align;
    return EFFEKT_OK;
}

effekt_status effekt_document_table_row(effekt_document *d, const char *const *cells, int total)
{
    if (!d || !d->open || d->open->kind != DOC_TABLE || !cells)
        return EFFEKT_EINVAL;
    doc_block *b = d->open;
    const size_t nc = b->n_columns;
    if (b->n_rows == b->cap_rows) {
        size_t cap = b->cap_rows ? 2 * b->cap_rows : 16;
        char **nc_cells = effekt_realloc(b->cells, cap * nc * sizeof *nc_cells);
        if (!nc_cells)
            return EFFEKT_ENOMEM;
        b->cells = nc_cells;
        unsigned char *nt = effekt_realloc(b->total, cap);
        if (!nt)
            return EFFEKT_ENOMEM;
        b->total = nt;
        b->cap_rows = cap;
    }
    char **row = b->cells + b->n_rows * nc;
    int ok = 1;
    for (size_t j = 0; j < nc; j++)
        row[j] = dup(cells[j], &ok);
    b->total[b->n_rows] = total != 0;
    b->n_rows++;   /* counted even when a copy failed: destroy frees what is there */
    return ok ? EFFEKT_OK : EFFEKT_ENOMEM;
}

effekt_status effekt_document_table_note(effekt_document *d, const char *text)
{
    if (!d || !d->open || d->open->kind != DOC_TABLE || !text)
        return EFFEKT_EINVAL;
    doc_block *b = d->open;
    char **nn = effekt_realloc(b->notes, (b->n_notes + 1) * sizeof *nn);
    if (!nn)
        return EFFEKT_ENOMEM;
    b->notes = nn;
    if (!(nn[b->n_notes] = effekt_strdup(text)))
        return EFFEKT_ENOMEM;
    b->n_notes++;
    return EFFEKT_OK;
}

effekt_status effekt_document_table_end(effekt_document *d)
{
    if (!d || !d->open || d->open->kind != DOC_TABLE)
        return EFFEKT_EINVAL;
    d->open = NULL;
    return EFFEKT_OK;
}

effekt_status effekt_document_figure(effekt_document *d, const char *id, effekt_chart *chart, const char *caption,
                                     const char *alt, const char *source)
{
    /* the chart is ours from here on, also when we refuse it */
    if (!d || !closed(d) || !chart || !id || !id_ok(d, id)) {
        effekt_chart_destroy(chart);
        return EFFEKT_EINVAL;
    }
    doc_block *b = add_block(d, DOC_FIGURE);
    if (!b) {
        effekt_chart_destroy(chart);
        return EFFEKT_ENOMEM;
    }
    int ok = 1;
    b->chart = chart;
    b->id = dup(id, &ok);
    b->title = dup(caption, &ok);
    b->alt = dup(alt, &ok);
    b->source = dup(source, &ok);
    b->index = d->n_figures++;
    snprintf(b->number, sizeof b->number, "%zu", b->index + 1);
    return ok ? EFFEKT_OK : EFFEKT_ENOMEM;
}

effekt_status effekt_document_term(effekt_document *d, const char *term, const char *definition)
{
    if (!d || !closed(d) || !term || !definition)
        return EFFEKT_EINVAL;
    doc_block *b = add_block(d, DOC_TERM);
    if (!b)
        return EFFEKT_ENOMEM;
    int ok = 1;
    b->term = dup(term, &ok);
    b->definition = dup(definition, &ok);
    return ok ? EFFEKT_OK : EFFEKT_ENOMEM;
}

/* ---- reading back ---- */

static const doc_block *nth(const effekt_document *d, doc_block_kind kind, size_t i)
{
    for (size_t k = 0; d && k < d->n_blocks; k++)
        if (d->blocks[k].kind == kind && d->blocks[k].index == i)
            return &d->blocks[k];
    return NULL;
}

const doc_block *effekt_doc_table(const effekt_document *d, size_t i)
{
    return nth(d, DOC_TABLE, i);
}

const doc_block *effekt_doc_figure(const effekt_document *d, size_t i)
{
    return nth(d, DOC_FIGURE, i);
}

size_t effekt_document_tables(const effekt_document *d)
{
    return d ? d->n_tables : 0;
}

const char *effekt_document_table_id(const effekt_document *d, size_t i)
{
    const doc_block *b = effekt_doc_table(d, i);
    return b ? b->id : NULL;
}

size_t effekt_document_figures(const effekt_document *d)
{
    return d ? d->n_figures : 0;
}

const char *effekt_document_figure_id(const effekt_document *d, size_t i)
{
    const doc_block *b = effekt_doc_figure(d, i);
    return b ? b->id : NULL;
}

const effekt_chart *effekt_document_figure_chart(const effekt_document *d, size_t i)
{
    const doc_block *b = effekt_doc_figure(d, i);
    return b ? b->chart : NULL;
}

/* ---- for the writers ---- */

const char *effekt_doc_word(const effekt_document *d, effekt_text_word_id w)
{
    return effekt_text_word(d->locale, w);
}

const char *effekt_doc_anchor(const doc_block *b, char *buf, size_t size)
{
    if (b->id)
        return b->id;
    snprintf(buf, size, "_%c%zu", b->kind == DOC_SECTION ? 's' : b->kind == DOC_TABLE ? 't' : 'f', b->index + 1);
    return buf;
}

char *effekt_doc_ref_text(const effekt_document *d, const char *id, effekt_diag *diag, effekt_status *st)
{
    const doc_block *b = effekt_doc_find(d, id);
    if (!b) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, id,
                        "a reference to '%s', which the document does not have (expected the id of a section, "
                        "table or figure)", id);
        *st = EFFEKT_EINVAL;
        return NULL;
    }
    char *s;
    if (b->kind == DOC_SECTION && !b->numbered) {
        s = effekt_strdup(b->title);
    } else {
        const char *args[] = { b->number };
        effekt_text_word_id w = b->kind == DOC_TABLE    ? EFFEKT_WORD_DOC_TABLE
                        : b->kind == DOC_FIGURE ? EFFEKT_WORD_DOC_FIGURE
                                                : EFFEKT_WORD_DOC_SECTION;
        s = effekt_text_compose(d->locale, w, 1, args);
    }
    if (!s)
        *st = EFFEKT_ENOMEM;
    return s;
}

effekt_status effekt_doc_check_refs(const effekt_document *d, effekt_diag *diag)
{
    effekt_status st = EFFEKT_OK;
    if (d->open) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                        "the document has a %s that was not ended", d->open->kind == DOC_TABLE ? "table" : "paragraph");
        st = EFFEKT_EINVAL;
    }
    for (size_t i = 0; i < d->n_blocks; i++)
        for (size_t k = 0; k < d->blocks[i].n_runs; k++) {
            const doc_run *r = &d->blocks[i].runs[k];
            if (r->kind == DOC_RUN_REF && !effekt_doc_find(d, r->text)) {
                effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, r->text,
                                "a reference to '%s', which the document does not have (expected the id of a "
                                "section, table or figure)", r->text);
                st = EFFEKT_EINVAL;
            }
        }
    return st;
}

char *effekt_doc_caption(const effekt_document *d, const doc_block *b)
{
    const char *args[] = { b->number };
    char *label = effekt_text_compose(d->locale, b->kind == DOC_TABLE ? EFFEKT_WORD_DOC_TABLE : EFFEKT_WORD_DOC_FIGURE,
                                      1, args);
    if (!label || !b->title || !*b->title)
        return label;
    size_t n = strlen(label) + strlen(b->title) + 3;
    char *s = effekt_malloc(n);
    if (s)
        snprintf(s, n, "%s. %s", label, b->title);
    free(label);
    return s;
}
