/* The DOCX writer: an Office Open XML package (ECMA-376) built with
 * libzip in memory and written to the stream when complete.
 *
 * What Word and LibreOffice get: the built-in heading styles Heading 1–3
 * with outline levels (the navigation pane and a table of contents
 * work), Title, Subtitle and Caption; a TOC field (filled with the
 * sections, linked; Word updates its page numbers when the file is
 * opened: updateFields); captions numbered with SEQ fields (Word's
 * table of figures finds them) and bookmarked, so references are links;
 * real tables (w:tbl) with the header row repeated on every page
 * (w:tblHeader), rows that do not break, column widths from the text,
 * totals rows with a rule above; a wide table on a landscape section;
 * figures as PNG drawn at 300 dpi and inserted at their physical size,
 * with their alt text (wp:docPr descr); footnotes (word/footnotes.xml);
 * page numbers in the footer (a PAGE field), none on the cover;
 * the language (w:lang, dc:language) and the metadata in
 * docProps/core.xml.
 *
 * The same document gives the same bytes: no dates in core.xml, every
 * zip entry stamped 1980-01-01 00:00 (a DOS time, not the clock's, and
 * not the time zone's). */
#include "config.h"

#include "lib_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "doc/doc_int.h"

/* A4 and 2 cm margins, in twentieths of a point */
enum { PAGE_W = 11906, PAGE_H = 16838, MARGIN = 1134, TEXT_W = PAGE_W - 2 * MARGIN,
       TEXT_W_LAND = PAGE_H - 2 * MARGIN };
static const double EMU_PER_MM = 36000, FIGURE_MM = 170, FIGURE_DPI = 300;

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* One part of the package being written. */
typedef struct {
    char *text;
    size_t len;
    FILE *f;
} part;

typedef struct {
    unsigned char *png;
    size_t len;
    long w_px, h_px;
} image;

typedef struct {
    const effekt_document *doc;
    effekt_diag *diag;
    effekt_status status;
    part body, notes;
    image *images;          /* one per figure, in order */
    size_t n_images;
    int bookmark;           /* the next bookmark id */
    int drawing;            /* the next drawing id */
    int land;               /* the section being written is landscape */
} docx;

static int part_open(part *p)
{
    p->text = NULL;
    p->len = 0;
    p->f = open_memstream(&p->text, &p->len);
    return p->f != NULL;
}

/* Close the stream; 0 when it failed. */
static int part_close(part *p)
{
    if (!p->f)
        return 0;
    int bad = ferror(p->f);
    int rc = fclose(p->f);
    p->f = NULL;
    return !bad && rc == 0;
}

/* s escaped for XML text and attributes; control characters that XML
 * 1.0 cannot hold are left out. */
static void esc(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n')
                putc(c, f);
        }
    }
}

/* A run of text: newlines as <w:br/>.  rpr: the run's properties (NULL:
 * none). */
static void run(FILE *f, const char *text, const char *rpr)
{
    const char *p = text ? text : "";
    do {
        size_t n = strcspn(p, "\n");
        fputs("<w:r>", f);
        if (rpr)
            fprintf(f, "<w:rPr>%s</w:rPr>", rpr);
        fputs("<w:t xml:space=\"preserve\">", f);
        char *piece = strndup(p, n);
        esc(f, piece);
        free(piece);
        fputs("</w:t>", f);
        p += n;
        if (*p == '\n') {
            fputs("<w:br/>", f);
            p++;
        }
        fputs("</w:r>", f);
    } while (*p);
}

/* The bookmark name of a block: "x" and its anchor with '-' as '_'
 * (Word's names are letters, digits and underscores, and start with a
 * letter; ids never hold '_', so no two blocks get the same name). */
static void bookmark_name(const doc_block *b, char *out, size_t size)
{
    char abuf[32];
    snprintf(out, size, "x%s", effekt_doc_anchor(b, abuf, sizeof abuf));
    for (char *p = out; *p; p++)
        if (*p == '-')
            *p = '_';
}

static void bookmark_start(docx *x, const doc_block *b)
{
    char name[96];
    bookmark_name(b, name, sizeof name);
    fprintf(x->body.f, "<w:bookmarkStart w:id=\"%d\" w:name=\"%s\"/>", x->bookmark, name);
}

static void bookmark_end(docx *x)
{
    fprintf(x->body.f, "<w:bookmarkEnd w:id=\"%d\"/>", x->bookmark++);
}

/* A word of the language with {1} filled: the text before and after the
 * {1}, so that a field (SEQ, PAGE) can stand where the number goes. */
static void split_word(const docx *x, effekt_text_word_id w, char **before, char **after)
{
    const char *args[] = { "\x01" };
    char *s = effekt_text_compose(x->doc->locale, w, 1, args);
    *before = *after = NULL;
    if (!s)
        return;
    char *mark = strchr(s, '\x01');
    if (mark) {
        *mark = '\0';
        *after = effekt_strdup(mark + 1);
    } else {
        *after = effekt_strdup("");
    }
    *before = s;
}

static void simple_field(FILE *f, const char *instr, const char *result, const char *rpr)
{
    fprintf(f, "<w:fldSimple w:instr=\"%s\">", instr);
    run(f, result, rpr);
    fputs("</w:fldSimple>", f);
}

/* "Table 3. caption" with the number as a SEQ field, bookmarked. */
static void caption(docx *x, const doc_block *b)
{
    FILE *f = x->body.f;
    const int tab = b->kind == DOC_TABLE;
    fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/>%s</w:pPr>", tab ? "<w:keepNext/>" : "");
    bookmark_start(x, b);
    char *before, *after;
    split_word(x, tab ? EFFEKT_WORD_DOC_TABLE : EFFEKT_WORD_DOC_FIGURE, &before, &after);
    if (!before || !after) {
        x->status = EFFEKT_ENOMEM;
        free(before);
        free(after);
        return;
    }
    static const char bold[] = "<w:b/>";
    run(f, before, bold);
    /* the SEQ identifier is the label's word, as Word's own captions do */
    char instr[96];
    char ident[64];
    size_t k = 0;
    for (const char *p = before; *p && k + 1 < sizeof ident; p++)
        if (*p != ' ')
            ident[k++] = *p;
    ident[k] = '\0';
    snprintf(instr, sizeof instr, " SEQ %s \\* ARABIC ", k ? ident : (tab ? "Table" : "Figure"));
    simple_field(f, instr, b->number, bold);
    run(f, after, bold);
    if (b->title && *b->title) {
        run(f, ". ", bold);
        run(f, b->title, NULL);
    }
    bookmark_end(x);
    fputs("</w:p>\n", f);
    free(before);
    free(after);
}

static void paragraph(docx *x, const doc_block *b)
{
    FILE *f = x->body.f;
    static const char *const styles[] = {
        [EFFEKT_PARAGRAPH_BODY] = "BodyText", [EFFEKT_PARAGRAPH_LEAD] = "Lead",
        [EFFEKT_PARAGRAPH_BULLET] = "ListBullet", [EFFEKT_PARAGRAPH_NOTE] = "Note",
    };
    fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", styles[b->style]);
    if (b->style == EFFEKT_PARAGRAPH_BULLET)
        fputs("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>", f);
    fputs("</w:pPr>", f);
    for (size_t k = 0; k < b->n_runs; k++) {
        const doc_run *r = &b->runs[k];
        switch (r->kind) {
        case DOC_RUN_TEXT: run(f, r->text, NULL); break;
        case DOC_RUN_STRONG: run(f, r->text, "<w:b/>"); break;
        case DOC_RUN_REF: {
            effekt_status st = EFFEKT_OK;
            char *t = effekt_doc_ref_text(x->doc, r->text, x->diag, &st);
            const doc_block *target = effekt_doc_find(x->doc, r->text);
            if (!t || !target) {
                x->status = st != EFFEKT_OK ? st : EFFEKT_EINVAL;
                free(t);
                break;
            }
            char name[96];
            bookmark_name(target, name, sizeof name);
            fprintf(f, "<w:hyperlink w:anchor=\"%s\" w:history=\"1\">", name);
            run(f, t, "<w:rStyle w:val=\"Hyperlink\"/>");
            fputs("</w:hyperlink>", f);
            free(t);
            break;
        }
        case DOC_RUN_FOOTNOTE:
            fprintf(f, "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
                       "<w:footnoteReference w:id=\"%zu\"/></w:r>", r->footnote);
            fprintf(x->notes.f, "<w:footnote w:id=\"%zu\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
                                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>",
                    r->footnote);
            run(x->notes.f, " ", NULL);
            run(x->notes.f, r->text, NULL);
            fputs("</w:p></w:footnote>\n", x->notes.f);
            break;
        }
    }
    fputs("</w:p>\n", f);
}

/* The section properties: A4 portrait or landscape, 2 cm margins, the
 * footer with the page number; the first section's first page (the
 * cover) without it. */
static void sect_pr(FILE *f, int land, int first)
{
    fprintf(f, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"%s\"/>", land ? "rIdFooterLand" : "rIdFooter");
    if (land)
        fprintf(f, "<w:pgSz w:w=\"%d\" w:h=\"%d\" w:orient=\"landscape\"/>", PAGE_H, PAGE_W);
    else
        fprintf(f, "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>", PAGE_W, PAGE_H);
    fprintf(f, "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"567\" "
               "w:footer=\"567\" w:gutter=\"0\"/>",
            MARGIN, MARGIN, MARGIN, MARGIN);
    if (first)
        fputs("<w:titlePg/>", f);
    fputs("</w:sectPr>", f);
}

/* End the section being written here (its properties in a paragraph of
 * its own); the next one is land. */
static void section_break(docx *x, int land, int *first)
{
    fputs("<w:p><w:pPr>", x->body.f);
    sect_pr(x->body.f, x->land, *first);
    fputs("</w:pPr></w:p>\n", x->body.f);
    *first = 0;
    x->land = land;
}

/* Characters a text needs on one line, and its longest word. */
static void text_extent(const char *s, size_t *line, size_t *word)
{
    size_t l = 0, w = 0;
    *line = *word = 0;
    for (const char *p = s ? s : ""; *p; p++) {
        if (((unsigned char)*p & 0xC0) == 0x80)
            continue;   /* a continuation byte: the same character */
        if (*p == '\n') {
            l = w = 0;
            continue;
        }
        l++;
        w = *p == ' ' ? 0 : w + 1;
        if (l > *line)
            *line = l;
        if (w > *word)
            *word = w;
    }
}

/* Each column's narrowest width (its longest word; a figure's whole
 * text) and widest (every text on one line), in twips at 8 pt: a
 * character taken as 0.72 em (115 twips; 125 in the bold header), which
 * holds for the wide fonts a reader's machine may put in for Calibri,
 * plus the cell margins. */
static void table_measure(const doc_block *b, double *lo, double *hi)
{
    const size_t nc = b->n_columns;
    const double pad = 2 * 100 + 40;
    for (size_t j = 0; j < nc; j++) {
        size_t line, word;
        text_extent(b->headers[j], &line, &word);
        lo[j] = word * 125.0;
        hi[j] = line * 125.0;
        for (size_t r = 0; r < b->n_rows; r++) {
            text_extent(b->cells[r * nc + j], &line, &word);
            double l = (b->align[j] == EFFEKT_ALIGN_LEFT ? word : line) * 115.0, h = line * 115.0;
            lo[j] = lo[j] > l ? lo[j] : l;
            hi[j] = hi[j] > h ? hi[j] : h;
        }
        if (lo[j] > 0.4 * TEXT_W)
            lo[j] = 0.4 * TEXT_W;   /* a checksum or a path breaks rather than widen the table */
        lo[j] += pad;
        hi[j] += pad;
        if (hi[j] < lo[j])
            hi[j] = lo[j];
    }
    /* the row names: a short one is not broken over lines */
    double want0 = hi[0] < 0.2 * TEXT_W ? hi[0] : 0.2 * TEXT_W;
    if (lo[0] < want0)
        lo[0] = want0;
}

/* Portrait at 8 pt, at 7; landscape at 8, at 7; else landscape at 7 in
 * column groups (as the PDF writer does).  Returns 1 for landscape;
 * *size in points. */
static int table_choose(const double *lo, size_t nc, double *size)
{
    static const struct { int land; double size; } tries[] = { { 0, 8 }, { 0, 7 }, { 1, 8 }, { 1, 7 } };
    for (size_t t = 0; t < 4; t++) {
        double sum = 0;
        for (size_t j = 0; j < nc; j++)
            sum += lo[j] * tries[t].size / 8;
        if (sum <= (tries[t].land ? TEXT_W_LAND : TEXT_W)) {
            *size = tries[t].size;
            return tries[t].land;
        }
    }
    *size = 7;
    return 1;
}

static void cell(FILE *f, const char *text, int width, effekt_align align, int header, int total, int half_points)
{
    fprintf(f, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
    if (header)
        fputs("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF2F6\"/><w:vAlign w:val=\"bottom\"/>", f);
    if (total)
        fputs("<w:tcBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"222222\"/></w:tcBorders>", f);
    fputs("</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>", f);
    if (align != EFFEKT_ALIGN_LEFT)
        fprintf(f, "<w:jc w:val=\"%s\"/>", align == EFFEKT_ALIGN_RIGHT ? "right" : "center");
    fputs("</w:pPr>", f);
    char rpr[96];
    snprintf(rpr, sizeof rpr, "%s<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", header || total ? "<w:b/>" : "",
             half_points, half_points);
    if (text && *text)
        run(f, text, rpr);
    fputs("</w:p></w:tc>", f);
}

/* "Table 3 (continued)" over the second and later column groups. */
static void caption_continued(docx *x, const doc_block *b)
{
    const char *args[] = { b->number };
    char *label = effekt_text_compose(x->doc->locale, EFFEKT_WORD_DOC_TABLE, 1, args), *c = NULL;
    if (label) {
        const char *a2[] = { label };
        c = effekt_text_compose(x->doc->locale, EFFEKT_WORD_DOC_CONTINUED, 1, a2);
    }
    if (!c)
        x->status = EFFEKT_ENOMEM;
    fputs("<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>", x->body.f);
    run(x->body.f, c ? c : "", "<w:b/>");
    fputs("</w:p>\n", x->body.f);
    free(label);
    free(c);
}

/* One w:tbl of the columns cols at widths w (twips). */
static void table_part(docx *x, const doc_block *b, const size_t *cols, size_t nc, const int *w, int half_points)
{
    FILE *f = x->body.f;
    fputs("<w:tbl><w:tblPr><w:tblStyle w:val=\"EffektTable\"/><w:tblW w:w=\"0\" w:type=\"auto\"/>"
          "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" "
          "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>", f);
    for (size_t k = 0; k < nc; k++)
        fprintf(f, "<w:gridCol w:w=\"%d\"/>", w[k]);
    fputs("</w:tblGrid>\n<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>", f);
    for (size_t k = 0; k < nc; k++)
        cell(f, b->headers[cols[k]], w[k], b->align[cols[k]], 1, 0, half_points);
    fputs("</w:tr>\n", f);
    for (size_t r = 0; r < b->n_rows; r++) {
        fputs("<w:tr><w:trPr><w:cantSplit/></w:trPr>", f);
        for (size_t k = 0; k < nc; k++)
            cell(f, b->cells[r * b->n_columns + cols[k]], w[k], b->align[cols[k]], 0, b->total[r], half_points);
        fputs("</w:tr>\n", f);
    }
    fputs("</w:tbl>\n", f);
}

/* Whether table b goes onto a landscape page. */
static int table_is_landscape(docx *x, const doc_block *b)
{
    double *lo = effekt_calloc(b->n_columns, sizeof *lo), *hi = effekt_calloc(b->n_columns, sizeof *hi), size;
    int land = 0;
    if (lo && hi) {
        table_measure(b, lo, hi);
        land = table_choose(lo, b->n_columns, &size);
    } else {
        x->status = EFFEKT_ENOMEM;
    }
    free(lo);
    free(hi);
    return land;
}

static void table(docx *x, const doc_block *b, int *first)
{
    FILE *f = x->body.f;
    const size_t nc = b->n_columns;
    double *lo = effekt_calloc(nc, sizeof *lo), *hi = effekt_calloc(nc, sizeof *hi);
    int *w = effekt_calloc(nc, sizeof *w);
    size_t *cols = effekt_calloc(nc, sizeof *cols);
    if (!lo || !hi || !w || !cols) {
        x->status = EFFEKT_ENOMEM;
        goto done;
    }
    table_measure(b, lo, hi);
    double size;
    const int land = table_choose(lo, nc, &size);
    const double scale = size / 8, avail = land ? TEXT_W_LAND : TEXT_W;
    if (land != x->land)
        section_break(x, land, first);
    caption(x, b);
    size_t next = 0;
    for (int group = 0; next < nc; group++) {
        size_t k = 0;
        double sum = 0;
        if (next > 0) {
            cols[k++] = 0;
            sum += lo[0] * scale;
        }
        while (next < nc && (k == 0 || (next > 0 && k == 1) || sum + lo[next] * scale <= avail)) {
            sum += lo[next] * scale;
            cols[k++] = next++;
        }
        /* each its widest when all fit, else its narrowest and a share of the rest */
        double smin = 0, smax = 0;
        for (size_t i = 0; i < k; i++) {
            smin += lo[cols[i]] * scale;
            smax += hi[cols[i]] * scale;
        }
        for (size_t i = 0; i < k; i++) {
            double l = lo[cols[i]] * scale, h = hi[cols[i]] * scale;
            w[i] = (int)(smax <= avail ? h : smin >= avail ? l * avail / smin : l + (h - l) * (avail - smin) / (smax - smin));
        }
        if (group > 0) {
            fputs("<w:p><w:pPr><w:pStyle w:val=\"TableNote\"/><w:spacing w:after=\"0\"/></w:pPr></w:p>\n", f);
            caption_continued(x, b);
        }
        table_part(x, b, cols, k, w, (int)(size * 2));
    }
    for (size_t i = 0; i < b->n_notes; i++) {
        fputs("<w:p><w:pPr><w:pStyle w:val=\"TableNote\"/></w:pPr>", f);
        run(f, b->notes[i], NULL);
        fputs("</w:p>\n", f);
    }
    if (!b->n_notes)
        fputs("<w:p><w:pPr><w:pStyle w:val=\"TableNote\"/></w:pPr></w:p>\n", f);
    if (land)
        section_break(x, 0, first);
done:
    free(lo);
    free(hi);
    free(w);
    free(cols);
}

/* The width and height of a PNG from its IHDR; 0 when not a PNG. */
static int png_size(const unsigned char *p, size_t n, long *w, long *h)
{
    if (n < 24 || memcmp(p, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(p + 12, "IHDR", 4) != 0)
        return 0;
    *w = (long)p[16] << 24 | (long)p[17] << 16 | (long)p[18] << 8 | p[19];
    *h = (long)p[20] << 24 | (long)p[21] << 16 | (long)p[22] << 8 | p[23];
    return *w > 0 && *h > 0;
}

/* An inline picture of cx x cy EMU, the image relationship rid. */
static void drawing(docx *x, const char *rid, long long cx, long long cy, const char *name, const char *alt)
{
    FILE *f = x->body.f;
    int id = x->drawing++;
    fprintf(f, "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
               "<wp:extent cx=\"%lld\" cy=\"%lld\"/><wp:docPr id=\"%d\" name=\"",
            cx, cy, id);
    esc(f, name);
    fputs("\" descr=\"", f);
    esc(f, alt);
    fprintf(f, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"" NS_A "\" noChangeAspect=\"1\"/>"
               "</wp:cNvGraphicFramePr><a:graphic xmlns:a=\"" NS_A "\"><a:graphicData uri=\"" NS_PIC "\">"
               "<pic:pic xmlns:pic=\"" NS_PIC "\"><pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"",
            id);
    esc(f, name);
    fputs("\" descr=\"", f);
    esc(f, alt);
    fprintf(f, "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"%s\"/><a:stretch><a:fillRect/>"
               "</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%lld\" cy=\"%lld\"/>"
               "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>"
               "</a:graphic></wp:inline></w:drawing></w:r>",
            rid, cx, cy);
}

static void figure(docx *x, const doc_block *b)
{
    FILE *f = x->body.f;
    image *img = &x->images[b->index];
    /* at 300 dpi its physical size is its pixels / 300 inches (3048 EMU
     * a pixel); a chart taller than the page's text (235 mm) is shown
     * smaller, in proportion */
    long long cx = img->w_px * 3048LL, cy = img->h_px * 3048LL, max_cy = (long long)(235 * EMU_PER_MM);
    if (cy > max_cy) {
        cx = cx * max_cy / cy;
        cy = max_cy;
    }
    fputs("<w:p><w:pPr><w:pStyle w:val=\"Figure\"/><w:keepNext/></w:pPr>", f);
    char rid[32], name[48];
    snprintf(rid, sizeof rid, "rIdImg%zu", b->index + 1);
    snprintf(name, sizeof name, "figure%zu.png", b->index + 1);
    drawing(x, rid, cx, cy, name,
            b->alt ? b->alt : b->title ? b->title : "");
    fputs("</w:p>\n", f);
    caption(x, b);
    if (b->source) {
        fputs("<w:p><w:pPr><w:pStyle w:val=\"Source\"/></w:pPr>", f);
        run(f, b->source, NULL);
        fputs("</w:p>\n", f);
    }
}

static void heading(docx *x, const doc_block *b)
{
    FILE *f = x->body.f;
    fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"Heading%d\"/></w:pPr>", b->level);
    bookmark_start(x, b);
    if (b->numbered) {
        run(f, b->number, NULL);
        fputs("<w:r><w:tab/></w:r>", f);
    }
    run(f, b->title, NULL);
    bookmark_end(x);
    fputs("</w:p>\n", f);
}

/* The TOC field, its result filled with the sections (levels 1 and 2)
 * as links, so the contents are there before Word updates the field. */
static void contents(docx *x)
{
    FILE *f = x->body.f;
    const effekt_document *d = x->doc;
    fputs("<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr>", f);
    run(f, effekt_doc_word(d, EFFEKT_WORD_DOC_CONTENTS), NULL);
    fputs("</w:p>\n", f);
    static const char begin[] = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
                                "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
                                "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    static const char end[] = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    size_t n = 0, total = 0;
    for (size_t i = 0; i < d->n_blocks; i++)
        total += d->blocks[i].kind == DOC_SECTION && d->blocks[i].level <= 2;
    if (!total) {
        fprintf(f, "<w:p>%s%s</w:p>\n", begin, end);
        return;
    }
    for (size_t i = 0; i < d->n_blocks; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind != DOC_SECTION || b->level > 2)
            continue;
        char name[96];
        bookmark_name(b, name, sizeof name);
        fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"TOC%d\"/></w:pPr>%s<w:hyperlink w:anchor=\"%s\" w:history=\"1\">",
                b->level, n == 0 ? begin : "", name);
        if (b->numbered) {
            run(f, b->number, NULL);
            fputs("<w:r><w:tab/></w:r>", f);
        }
        run(f, b->title, NULL);
        fprintf(f, "</w:hyperlink>%s</w:p>\n", ++n == total ? end : "");
    }
}

static void cover(docx *x)
{
    FILE *f = x->body.f;
    const effekt_document *d = x->doc;
    const struct { const char *style, *text; } lines[] = {
        { "Title", d->title }, { "Subtitle", d->subtitle }, { "CoverProject", d->project },
        { "CoverLine", d->client }, { "CoverLine", d->evaluator }, { "CoverLine", d->date },
        { "CoverVersion", d->version }, { "CoverNote", d->cover_note }, { "Acknowledgement", d->acknowledgement },
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        if (!lines[i].text || !*lines[i].text)
            continue;
        fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", lines[i].style);
        run(f, lines[i].text, NULL);
        fputs("</w:p>\n", f);
    }
    fputs("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n", f);
}

/* The logo, when the meta names one: read as it is (a PNG). */
static int logo(docx *x, image *img)
{
    const effekt_document *d = x->doc;
    FILE *in = fopen(d->logo_path, "rb");
    if (!in)
        return 0;
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    int ok = m != NULL;
    char chunk[8192];
    size_t k;
    while (ok && (k = fread(chunk, 1, sizeof chunk, in)) > 0)
        ok = fwrite(chunk, 1, k, m) == k;
    ok = ok && !ferror(in);
    fclose(in);
    if (m && fclose(m) != 0)
        ok = 0;
    if (!ok || !png_size((unsigned char *)buf, n, &img->w_px, &img->h_px)) {
        free(buf);
        return 0;
    }
    img->png = (unsigned char *)buf;
    img->len = n;
    return 1;
}

static void body(docx *x, const image *logo_img)
{
    FILE *f = x->body.f;
    const effekt_document *d = x->doc;
    int first = 1;
    if (logo_img) {
        /* 15 mm high, its width in proportion */
        double h = 15, w = h * logo_img->w_px / logo_img->h_px;
        fputs("<w:p><w:pPr><w:pStyle w:val=\"CoverLine\"/></w:pPr>", f);
        drawing(x, "rIdLogo", (long long)(w * EMU_PER_MM), (long long)(h * EMU_PER_MM), "logo.png", "");
        fputs("</w:p>\n", f);
    }
    if (d->title || d->subtitle || d->project || d->cover_note)
        cover(x);
    for (size_t i = 0; i < d->n_blocks && x->status == EFFEKT_OK; i++) {
        const doc_block *b = &d->blocks[i];
        switch (b->kind) {
        case DOC_SECTION:
            /* a heading goes with its table onto a landscape page */
            if (i + 1 < d->n_blocks && d->blocks[i + 1].kind == DOC_TABLE) {
                int land = table_is_landscape(x, &d->blocks[i + 1]);
                if (land != x->land)
                    section_break(x, land, &first);
            }
            heading(x, b);
            break;
        case DOC_CONTENTS: contents(x); break;
        case DOC_PAGE_BREAK: fputs("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n", f); break;
        case DOC_PARAGRAPH: paragraph(x, b); break;
        case DOC_TABLE: table(x, b, &first); break;
        case DOC_FIGURE: figure(x, b); break;
        case DOC_TERM:
            fputs("<w:p><w:pPr><w:pStyle w:val=\"Term\"/></w:pPr>", f);
            run(f, b->term, NULL);
            fputs("</w:p>\n<w:p><w:pPr><w:pStyle w:val=\"Definition\"/></w:pPr>", f);
            run(f, b->definition, NULL);
            fputs("</w:p>\n", f);
            break;
        }
    }
    sect_pr(f, x->land, first);
}

/* ---- the fixed parts ---- */

static const char *lang_tag(const effekt_document *d)
{
    static const struct { const char *name, *tag; } tags[] = { { "da", "da-DK" }, { "en", "en-GB" }, { "sv", "sv-SE" } };
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (strcmp(d->locale->name, tags[i].name) == 0)
            return tags[i].tag;
    return "en-GB";
}

static void styles(FILE *f, const effekt_document *d)
{
    fprintf(f, XML_HEAD "<w:styles xmlns:w=\"" NS_W "\">\n"
               "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" "
               "w:cs=\"Calibri\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"%s\" w:eastAsia=\"%s\" "
               "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" "
               "w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\n",
            lang_tag(d), lang_tag(d));
    /* style id, name, type, based on, next, paragraph properties, run properties */
    static const struct { const char *id, *name, *type, *based, *pPr, *rPr; int q; } s[] = {
        { "Normal", "Normal", "paragraph", NULL, "", "", 1 },
        { "BodyText", "Body Text", "paragraph", "Normal", "", "", 1 },
        { "Lead", "Lead", "paragraph", "Normal", "<w:spacing w:after=\"160\"/>", "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>", 1 },
        { "ListBullet", "List Bullet", "paragraph", "Normal", "<w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>", "", 1 },
        { "Note", "Note", "paragraph", "Normal", "", "<w:color w:val=\"5F5F5F\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>", 1 },
        { "Title", "Title", "paragraph", "Normal", "<w:spacing w:before=\"3600\" w:after=\"200\"/>",
          "<w:b/><w:color w:val=\"005A99\"/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/>", 1 },
        { "Subtitle", "Subtitle", "paragraph", "Normal", "<w:spacing w:after=\"480\"/>", "<w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>", 1 },
        { "CoverProject", "Cover Project", "paragraph", "Normal", "<w:spacing w:after=\"80\"/>", "<w:b/><w:sz w:val=\"24\"/>", 0 },
        { "CoverLine", "Cover Line", "paragraph", "Normal", "<w:spacing w:after=\"80\"/>", "<w:sz w:val=\"24\"/>", 0 },
        { "CoverVersion", "Cover Version", "paragraph", "Normal", "<w:spacing w:after=\"80\"/>", "<w:color w:val=\"5F5F5F\"/><w:sz w:val=\"20\"/>", 0 },
        { "CoverNote", "Cover Note", "paragraph", "Normal",
          "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"D55E00\"/></w:pBdr>"
          "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF3E0\"/><w:spacing w:before=\"480\" w:after=\"480\"/><w:ind w:left=\"200\" w:right=\"200\"/>",
          "<w:b/>", 0 },
        { "Acknowledgement", "Acknowledgement", "paragraph", "Normal", "<w:spacing w:before=\"1200\"/>",
          "<w:color w:val=\"5F5F5F\"/><w:sz w:val=\"18\"/>", 0 },
        { "Heading1", "heading 1", "paragraph", "Normal",
          "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
          "<w:b/><w:color w:val=\"005A99\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>", 1 },
        { "Heading2", "heading 2", "paragraph", "Normal",
          "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>",
          "<w:b/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>", 1 },
        { "Heading3", "heading 3", "paragraph", "Normal",
          "<w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/>",
          "<w:b/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>", 1 },
        { "Caption", "caption", "paragraph", "Normal", "<w:spacing w:before=\"120\" w:after=\"80\"/>",
          "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>", 1 },
        { "Figure", "Figure", "paragraph", "Normal", "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"0\"/><w:jc w:val=\"center\"/>", "", 0 },
        { "Source", "Source", "paragraph", "Normal", "<w:spacing w:after=\"240\"/>", "<w:color w:val=\"5F5F5F\"/><w:sz w:val=\"16\"/>", 0 },
        { "TableText", "Table Text", "paragraph", "Normal", "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>",
          "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>", 0 },
        { "TableNote", "Table Note", "paragraph", "Normal", "<w:spacing w:before=\"60\" w:after=\"240\"/>",
          "<w:color w:val=\"5F5F5F\"/><w:sz w:val=\"16\"/>", 0 },
        { "Term", "Term", "paragraph", "Normal", "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/>", "<w:b/>", 0 },
        { "Definition", "Definition", "paragraph", "Normal", "<w:ind w:left=\"425\"/>", "", 0 },
        { "TOCHeading", "TOC Heading", "paragraph", "Heading1", "<w:outlineLvl w:val=\"9\"/>", "", 1 },
        { "TOC1", "toc 1", "paragraph", "Normal", "<w:tabs><w:tab w:val=\"left\" w:pos=\"440\"/><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9628\"/></w:tabs><w:spacing w:before=\"120\" w:after=\"40\"/>", "<w:b/>", 0 },
        { "TOC2", "toc 2", "paragraph", "Normal", "<w:tabs><w:tab w:val=\"left\" w:pos=\"1000\"/><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9628\"/></w:tabs><w:spacing w:after=\"40\"/><w:ind w:left=\"440\"/>", "", 0 },
        { "FootnoteText", "footnote text", "paragraph", "Normal", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
          "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>", 0 },
        { "Footer", "footer", "paragraph", "Normal", "<w:spacing w:after=\"0\"/>",
          "<w:color w:val=\"5F5F5F\"/><w:sz w:val=\"16\"/>", 0 },
        { "FootnoteReference", "footnote reference", "character", NULL, NULL, "<w:vertAlign w:val=\"superscript\"/>", 0 },
        { "Hyperlink", "Hyperlink", "character", NULL, NULL, "<w:color w:val=\"005A99\"/><w:u w:val=\"single\"/>", 0 },
    };
    for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
        fprintf(f, "<w:style w:type=\"%s\" w:styleId=\"%s\"%s><w:name w:val=\"%s\"/>", s[i].type, s[i].id,
                i == 0 ? " w:default=\"1\"" : "", s[i].name);
        if (s[i].based)
            fprintf(f, "<w:basedOn w:val=\"%s\"/>", s[i].based);
        if (strncmp(s[i].id, "Heading", 7) == 0 || strcmp(s[i].id, "Title") == 0)
            fputs("<w:next w:val=\"BodyText\"/>", f);
        if (s[i].q)
            fputs("<w:qFormat/>", f);
        if (s[i].pPr && *s[i].pPr)
            fprintf(f, "<w:pPr>%s</w:pPr>", s[i].pPr);
        if (*s[i].rPr)
            fprintf(f, "<w:rPr>%s</w:rPr>", s[i].rPr);
        fputs("</w:style>\n", f);
    }
    /* the tables' look: rules above and below, a rule under the header,
     * hairlines between rows, cell margins */
    fputs("<w:style w:type=\"table\" w:styleId=\"EffektTable\"><w:name w:val=\"Effekt Table\"/><w:basedOn w:val=\"TableNormal\"/>"
          "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"222222\"/>"
          "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"222222\"/>"
          "<w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"D9D9D9\"/></w:tblBorders>"
          "<w:tblCellMar><w:left w:w=\"100\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
          "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders>"
          "<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"888888\"/></w:tcBorders></w:tcPr></w:tblStylePr>"
          "</w:style>\n"
          "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
          "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
          "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
          "</w:tblCellMar></w:tblPr></w:style>\n</w:styles>\n",
          f);
}

/* The footer: the title at the left, the page number at the right
 * margin (tab at text_w twips). */
static void footer(docx *x, FILE *f, int text_w)
{
    const effekt_document *d = x->doc;
    fprintf(f, XML_HEAD "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
               "<w:tabs><w:tab w:val=\"right\" w:pos=\"%d\"/></w:tabs></w:pPr>",
            text_w);
    if (d->title)
        run(f, d->title, NULL);
    fputs("<w:r><w:tab/></w:r>", f);
    char *before, *after;
    split_word(x, EFFEKT_WORD_DOC_PAGE, &before, &after);
    if (before && after) {
        run(f, before, NULL);
        simple_field(f, " PAGE ", "1", NULL);
        run(f, after, NULL);
    } else {
        x->status = EFFEKT_ENOMEM;
    }
    free(before);
    free(after);
    fputs("</w:p></w:ftr>\n", f);
}

static void core(FILE *f, const effekt_document *d, const char *lang)
{
    fputs(XML_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
          f);
    const struct { const char *tag, *value; } p[] = {
        { "dc:title", d->title }, { "dc:subject", d->subject }, { "dc:creator", d->author },
        { "cp:keywords", d->keywords }, { "dc:language", lang },
    };
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        if (p[i].value) {
            fprintf(f, "<%s>", p[i].tag);
            esc(f, p[i].value);
            fprintf(f, "</%s>", p[i].tag);
        }
    fputs("</cp:coreProperties>\n", f);
}

static const char CONTENT_TYPES[] =
    XML_HEAD "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
    "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "</Types>\n";

static const char ROOT_RELS[] =
    XML_HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>\n";

static const char APP[] =
    XML_HEAD "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    "<Application>effekt " PACKAGE_VERSION "</Application></Properties>\n";

/* Fields are updated when Word opens the file (the TOC's page numbers). */
static const char SETTINGS[] =
    XML_HEAD "<w:settings xmlns:w=\"" NS_W "\"><w:updateFields w:val=\"true\"/>"
    "<w:defaultTabStop w:val=\"708\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
    "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "</w:settings>\n";

static const char NUMBERING[] =
    XML_HEAD "<w:numbering xmlns:w=\"" NS_W "\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u2022\"/><w:lvlJc w:val=\"left\"/>"
    "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>\n";

/* ---- the package ---- */

/* Add name with len bytes of data (copied) to the zip, stamped with a
 * fixed time. */
static int add(zip_t *z, const char *name, const void *data, size_t len)
{
    void *copy = malloc(len ? len : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, len);
    zip_source_t *s = zip_source_buffer(z, copy, len, 1);
    if (!s) {
        free(copy);
        return 0;
    }
    zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (i < 0) {
        zip_source_free(s);
        return 0;
    }
    /* 1980-01-01 00:00:00, the first DOS date */
    return zip_file_set_dostime(z, (zip_uint64_t)i, 0, (1 << 5) | 1, 0) == 0 &&
           zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE, 9) == 0;
}

static int add_text(zip_t *z, const char *name, const char *text)
{
    return add(z, name, text, strlen(text));
}

/* Every figure as a PNG at 300 dpi, 170 mm wide (the text width). */
static effekt_status render_images(docx *x)
{
    const effekt_document *d = x->doc;
    x->images = effekt_calloc(d->n_figures + 1, sizeof *x->images);
    if (!x->images)
        return EFFEKT_ENOMEM;
    x->n_images = d->n_figures;
    for (size_t i = 0; i < d->n_figures; i++) {
        char *buf = NULL;
        size_t n = 0;
        FILE *m = open_memstream(&buf, &n);
        if (!m)
            return EFFEKT_ENOMEM;
        effekt_chart_page page = { .width_mm = FIGURE_MM, .dpi = FIGURE_DPI, .locale = d->locale };
        effekt_status st = effekt_chart_render(effekt_doc_figure(d, i)->chart, &page, EFFEKT_CHART_PNG, m, NULL, x->diag);
        if (fclose(m) != 0 && st == EFFEKT_OK)
            st = EFFEKT_ENOMEM;
        x->images[i].png = (unsigned char *)buf;
        x->images[i].len = n;
        if (st != EFFEKT_OK)
            return st;
        if (!png_size(x->images[i].png, n, &x->images[i].w_px, &x->images[i].h_px))
            return EFFEKT_EIO;
    }
    return EFFEKT_OK;
}

static int package(docx *x, const image *logo_img, unsigned char **out, size_t *out_len)
{
    const effekt_document *d = x->doc;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!src)
        return 0;
    zip_source_keep(src);   /* it outlives the archive: the bytes are read from it after zip_close */
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!z) {
        zip_source_free(src);
        zip_source_free(src);
        zip_error_fini(&ze);
        return 0;
    }
    part styles_p = { 0 }, footer_p = { 0 }, footer_land = { 0 }, core_p = { 0 }, rels_p = { 0 };
    int ok = part_open(&styles_p) && part_open(&footer_p) && part_open(&footer_land) && part_open(&core_p) &&
             part_open(&rels_p);
    if (ok) {
        styles(styles_p.f, d);
        footer(x, footer_p.f, TEXT_W);
        footer(x, footer_land.f, TEXT_W_LAND);
        core(core_p.f, d, lang_tag(d));
        fputs(XML_HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
              "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
              "<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
              "<Relationship Id=\"rIdFootnotes\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>"
              "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
              "<Relationship Id=\"rIdFooterLand\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>",
              rels_p.f);
        for (size_t i = 0; i < x->n_images; i++)
            fprintf(rels_p.f, "<Relationship Id=\"rIdImg%zu\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
                              "Target=\"media/figure%zu.png\"/>", i + 1, i + 1);
        if (logo_img)
            fputs("<Relationship Id=\"rIdLogo\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
                  "Target=\"media/logo.png\"/>", rels_p.f);
        fputs("</Relationships>\n", rels_p.f);
    }
    ok = ok && x->status == EFFEKT_OK;   /* the footer's words */
    ok = part_close(&styles_p) && ok;
    ok = part_close(&footer_p) && ok;
    ok = part_close(&footer_land) && ok;
    ok = part_close(&core_p) && ok;
    ok = part_close(&rels_p) && ok;
    ok = ok && add_text(z, "[Content_Types].xml", CONTENT_TYPES) && add_text(z, "_rels/.rels", ROOT_RELS) &&
         add_text(z, "docProps/app.xml", APP) && add(z, "docProps/core.xml", core_p.text, core_p.len) &&
         add(z, "word/document.xml", x->body.text, x->body.len) && add(z, "word/_rels/document.xml.rels", rels_p.text, rels_p.len) &&
         add(z, "word/styles.xml", styles_p.text, styles_p.len) && add_text(z, "word/settings.xml", SETTINGS) &&
         add_text(z, "word/numbering.xml", NUMBERING) && add(z, "word/footnotes.xml", x->notes.text, x->notes.len) &&
         add(z, "word/footer1.xml", footer_p.text, footer_p.len) &&
         add(z, "word/footer2.xml", footer_land.text, footer_land.len);
    for (size_t i = 0; ok && i < x->n_images; i++) {
        char name[64];
        snprintf(name, sizeof name, "word/media/figure%zu.png", i + 1);
        ok = add(z, name, x->images[i].png, x->images[i].len);
    }
    if (ok && logo_img)
        ok = add(z, "word/media/logo.png", logo_img->png, logo_img->len);
    free(styles_p.text);
    free(footer_p.text);
    free(footer_land.text);
    free(core_p.text);
    free(rels_p.text);
    if (!ok || zip_close(z) != 0) {
        zip_discard(z);
        zip_source_free(src);
        zip_error_fini(&ze);
        return 0;
    }
    /* the archive's bytes, read back from the buffer source */
    zip_stat_t st;
    ok = zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && zip_source_open(src) == 0;
    if (ok) {
        *out = effekt_malloc(st.size ? st.size : 1);
        ok = *out && zip_source_read(src, *out, st.size) == (zip_int64_t)st.size;
        *out_len = st.size;
        zip_source_close(src);
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return ok;
}

effekt_status effekt_document_write_docx(const effekt_document *doc, FILE *out, effekt_diag *diag)
{
    effekt_status st = effekt_doc_check_refs(doc, diag);
    if (st != EFFEKT_OK)
        return st;
    docx x = { .doc = doc, .diag = diag, .status = EFFEKT_OK, .bookmark = 1, .drawing = 1 };
    image logo_img = { 0 };
    unsigned char *bytes = NULL;
    size_t n = 0;
    st = render_images(&x);
    if (st == EFFEKT_OK && doc->logo_path && !logo(&x, &logo_img)) {
        effekt_diag_add(diag, EFFEKT_ERROR, doc->logo_path, 0, 0, NULL, NULL, "cannot read the logo (expected a PNG file)");
        st = EFFEKT_EIO;
    }
    if (st == EFFEKT_OK && (!part_open(&x.body) || !part_open(&x.notes)))
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        fputs(XML_HEAD "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" xmlns:wp=\"" NS_WP "\" xmlns:a=\"" NS_A
              "\" xmlns:pic=\"" NS_PIC "\"><w:body>\n", x.body.f);
        fputs(XML_HEAD "<w:footnotes xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\">"
              "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
              "w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
              "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" "
              "w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>\n",
              x.notes.f);
        body(&x, doc->logo_path ? &logo_img : NULL);
        fputs("</w:body></w:document>\n", x.body.f);
        fputs("</w:footnotes>\n", x.notes.f);
        st = x.status;
    }
    int closed = part_close(&x.body);
    closed = part_close(&x.notes) && closed;
    if (st == EFFEKT_OK && !closed)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK && !package(&x, doc->logo_path ? &logo_img : NULL, &bytes, &n)) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "cannot make the DOCX package (zip)");
        st = EFFEKT_ENOMEM;
    }
    if (st == EFFEKT_OK && (fwrite(bytes, 1, n, out) != n || fflush(out) == EOF)) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "cannot write the DOCX");
        st = EFFEKT_EIO;
    }
    free(bytes);
    free(x.body.text);
    free(x.notes.text);
    for (size_t i = 0; x.images && i < x.n_images; i++)
        free(x.images[i].png);
    free(x.images);
    free(logo_img.png);
    return st;
}
