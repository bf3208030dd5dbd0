/* The HTML writer: one self-contained file (CSS inline, charts as inline
 * SVG), readable on a phone (viewport, a measure of about 48 em, tables
 * that scroll sideways in their own box) and printable (a print
 * stylesheet: A4, page breaks, headings kept with what follows).
 *
 * Accessibility: lang on <html>; the title as <h1> and sections as
 * <h2>–<h4>; tables with <caption> and <th scope="col">; each chart an
 * <svg role="img"> named by a <title> holding the figure's alt text;
 * footnotes as links to a list at the end of their chapter and back.
 *
 * The file is built in memory and written at the end: a failure writes
 * nothing.  The same document gives the same bytes. */
#include "config.h"

#include "lib_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc_int.h"
#include "render/draw.h"

static const char STYLE[] =
    ":root{--ink:#222;--accent:#005a99;--grey:#5f5f5f;--rule:#d0d0d0;--head:#eef2f6}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
    "body{margin:0;padding:0 1rem 3rem;color:var(--ink);background:#fff;"
    "font-family:\"DejaVu Sans\",system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif;"
    "font-size:1rem;line-height:1.55}\n"
    "header.cover,main{max-width:50rem;margin:0 auto}\n"
    "header.cover{padding:3rem 0 2rem;border-bottom:1px solid var(--rule);margin-bottom:2rem}\n"
    "header.cover .logo{display:block;height:3rem;width:auto;margin-bottom:2rem}\n"
    "header.cover h1{color:var(--accent);font-size:2rem;line-height:1.2;margin:0 0 .5rem}\n"
    ".subtitle{font-size:1.2rem;margin:0 0 1.5rem}\n"
    ".meta p{margin:.15rem 0}.meta .project{font-weight:bold}.meta .version{color:var(--grey);font-size:.9rem}\n"
    ".cover-note{border-left:4px solid #d55e00;background:#fff3e0;padding:.75rem 1rem;font-weight:bold;margin:1.5rem 0}\n"
    ".ack{color:var(--grey);font-size:.85rem;margin-top:2rem}\n"
    "h2,h3,h4{line-height:1.25;margin:2rem 0 .6rem}\n"
    "h2{color:var(--accent);font-size:1.5rem}h3{font-size:1.2rem}h4{font-size:1.05rem}\n"
    ".num{margin-right:.5em}\n"
    "p{margin:.5rem 0 .8rem}.lead{font-size:1.12rem}.note{font-size:.85rem;color:var(--grey)}\n"
    "a{color:var(--accent)}\n"
    "nav.toc ol{list-style:none;padding-left:0;margin:.3rem 0}nav.toc ol ol{padding-left:2rem}\n"
    "nav.toc li{margin:.2rem 0}nav.toc .l1{font-weight:bold}\n"
    "figure{margin:1.5rem 0}\n"
    ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}\n"
    ".scroll:focus{outline:2px solid var(--accent)}\n"
    "table{border-collapse:collapse;font-size:.86rem;font-variant-numeric:tabular-nums;margin:0}\n"
    "caption{caption-side:top;text-align:left;font-size:.92rem;padding:0 0 .4rem}\n"
    ".label{font-weight:bold}\n"
    "th,td{padding:.3rem .55rem;vertical-align:top;border-bottom:1px solid #e4e4e4}\n"
    "thead th{vertical-align:bottom;background:var(--head);border-top:2px solid var(--ink);"
    "border-bottom:1px solid #888;text-align:left}\n"
    "th.r,td.r{text-align:right}th.c,td.c{text-align:center}td.r,td.c{white-space:nowrap}\n"
    "tr.total td{font-weight:bold;border-top:2px solid var(--ink)}\n"
    "tbody tr:last-child td{border-bottom:2px solid var(--ink)}\n"
    ".table-note{font-size:.8rem;color:var(--grey);margin:.3rem 0 0}\n"
    "svg.chart{display:block;width:100%;height:auto;max-width:100%}\n"
    "figcaption{font-size:.92rem;margin-top:.4rem}figcaption .source{display:block;font-size:.8rem;color:var(--grey)}\n"
    "dl{margin:.5rem 0}dt{font-weight:bold;margin-top:.6rem}dd{margin:0 0 0 1.5rem}\n"
    "sup a{text-decoration:none;padding:0 .1em}\n"
    "section.footnotes{border-top:1px solid var(--rule);margin-top:1.5rem;font-size:.85rem}\n"
    "section.footnotes h2{font-size:1rem;color:var(--ink);margin:.8rem 0 .3rem}\n"
    "section.footnotes ol{padding-left:1.5rem}\n"
    ".page-break{height:0}\n"
    "@media (max-width:40rem){body{font-size:.95rem}header.cover{padding-top:1.5rem}header.cover h1{font-size:1.6rem}"
    "h2{font-size:1.3rem}}\n"
    "@media print{@page{size:A4;margin:20mm 18mm}body{padding:0;font-size:10pt}"
    "header.cover,main{max-width:none}header.cover{min-height:240mm;border:0;break-after:page}"
    ".page-break{break-after:page}h2,h3,h4,caption,dt{break-after:avoid}"
    "figure{break-inside:avoid}figure.table{break-inside:auto}tr{break-inside:avoid}thead{display:table-header-group}"
    ".scroll{overflow:visible}a{color:inherit;text-decoration:none}sup a{color:var(--accent)}"
    /* on paper nothing can scroll: a table narrows to the page, a wide
     * one gets a landscape page and smaller type */
    "figure.wide{page:landscape}figure.wide table{font-size:7pt}}\n"
    "@page landscape{size:A4 landscape;margin:15mm 18mm}\n";

/* s with & < > " escaped. */
static void esc(FILE *f, const char *s)
{
    for (; s && *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: putc(*s, f);
        }
}

/* The text with newlines as <br>. */
static void esc_text(FILE *f, const char *s)
{
    for (const char *p = s; p && *p;) {
        size_t n = strcspn(p, "\n");
        char *part = strndup(p, n);
        esc(f, part);
        free(part);
        p += n;
        if (*p == '\n') {
            fputs("<br>", f);
            p++;
        }
    }
}

typedef struct {
    FILE *f;
    const effekt_document *doc;
    effekt_diag *diag;
    effekt_status status;
    /* footnotes cited since the last chapter began */
    const doc_run **notes;
    size_t n_notes, cap_notes;
} html;

static void note_add(html *h, const doc_run *r)
{
    if (h->n_notes == h->cap_notes) {
        size_t cap = h->cap_notes ? 2 * h->cap_notes : 8;
        const doc_run **nn = effekt_realloc(h->notes, cap * sizeof *nn);
        if (!nn) {
            h->status = EFFEKT_ENOMEM;
            return;
        }
        h->notes = nn;
        h->cap_notes = cap;
    }
    h->notes[h->n_notes++] = r;
}

/* The footnotes cited in the chapter that ends here. */
static void notes_flush(html *h)
{
    if (!h->n_notes)
        return;
    FILE *f = h->f;
    fputs("<section class=\"footnotes\"><h2>", f);
    esc(f, effekt_doc_word(h->doc, EFFEKT_WORD_DOC_NOTES));
    fputs("</h2><ol>\n", f);
    for (size_t i = 0; i < h->n_notes; i++) {
        const doc_run *r = h->notes[i];
        fprintf(f, "<li id=\"_fn%zu\" value=\"%zu\">", r->footnote, r->footnote);
        esc_text(f, r->text);
        fprintf(f, " <a href=\"#_fnref%zu\" aria-label=\"", r->footnote);
        esc(f, effekt_doc_word(h->doc, EFFEKT_WORD_DOC_BACK));
        fputs("\">\u21a9\ufe0e</a></li>\n", f);
    }
    fputs("</ol></section>\n", f);
    h->n_notes = 0;
}

static void runs(html *h, const doc_block *b)
{
    FILE *f = h->f;
    for (size_t k = 0; k < b->n_runs; k++) {
        const doc_run *r = &b->runs[k];
        switch (r->kind) {
        case DOC_RUN_TEXT: esc_text(f, r->text); break;
        case DOC_RUN_STRONG:
            fputs("<strong>", f);
            esc_text(f, r->text);
            fputs("</strong>", f);
            break;
        case DOC_RUN_REF: {
            effekt_status st = EFFEKT_OK;
            char *t = effekt_doc_ref_text(h->doc, r->text, h->diag, &st);
            char abuf[32];
            const doc_block *target = effekt_doc_find(h->doc, r->text);
            if (!t || !target) {
                h->status = st != EFFEKT_OK ? st : EFFEKT_EINVAL;
                free(t);
                break;
            }
            fprintf(f, "<a href=\"#%s\">", effekt_doc_anchor(target, abuf, sizeof abuf));
            esc(f, t);
            fputs("</a>", f);
            free(t);
            break;
        }
        case DOC_RUN_FOOTNOTE: {
            char num[32];
            effekt_locale_format(h->doc->locale, (double)r->footnote, 0, num, sizeof num);
            const char *args[] = { num };
            char *label = effekt_text_compose(h->doc->locale, EFFEKT_WORD_DOC_FOOTNOTE, 1, args);
            fprintf(f, "<sup id=\"_fnref%zu\"><a href=\"#_fn%zu\" aria-label=\"", r->footnote, r->footnote);
            esc(f, label ? label : num);
            fprintf(f, "\">%s</a></sup>", num);
            free(label);
            note_add(h, r);
            break;
        }
        }
    }
}

/* "<span class="label">Table 3.</span> caption" */
static void caption(html *h, const doc_block *b)
{
    const char *args[] = { b->number };
    char *label = effekt_text_compose(h->doc->locale, b->kind == DOC_TABLE ? EFFEKT_WORD_DOC_TABLE : EFFEKT_WORD_DOC_FIGURE,
                                      1, args);
    if (!label) {
        h->status = EFFEKT_ENOMEM;
        return;
    }
    fputs("<span class=\"label\">", h->f);
    esc(h->f, label);
    fputs(b->title && *b->title ? ".</span> " : "</span>", h->f);
    esc(h->f, b->title);
    free(label);
}

static const char *align_class(effekt_align a)
{
    return a == EFFEKT_ALIGN_RIGHT ? " class=\"r\"" : a == EFFEKT_ALIGN_CENTER ? " class=\"c\"" : "";
}

/* Whether a table is too wide for a portrait page: the narrowest it can
 * be (each column's longest word, a figure's whole text) is more than
 * about 90 characters. */
static int wide(const doc_block *b)
{
    size_t sum = 0;
    for (size_t j = 0; j < b->n_columns; j++) {
        size_t widest = 0;
        for (size_t r = 0; r <= b->n_rows; r++) {
            const char *s = r == 0 ? b->headers[j] : b->cells[(r - 1) * b->n_columns + j];
            size_t word = 0, line = 0;
            for (const char *p = s ? s : ""; *p; p++) {
                if (((unsigned char)*p & 0xC0) == 0x80)
                    continue;
                line++;
                word = *p == ' ' ? 0 : word + 1;
                size_t need = r > 0 && b->align[j] != EFFEKT_ALIGN_LEFT ? line : word;
                if (need > widest)
                    widest = need;
            }
        }
        sum += widest + 2;
    }
    return sum > 90;
}

static void table(html *h, const doc_block *b)
{
    FILE *f = h->f;
    char abuf[32];
    const char *id = effekt_doc_anchor(b, abuf, sizeof abuf);
    /* the box scrolls sideways on a narrow screen; it can take the
     * keyboard's focus so that it can be scrolled without a mouse */
    fprintf(f, "<figure class=\"table%s\" id=\"%s\">\n<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
               "aria-labelledby=\"%s-caption\">\n<table>\n<caption id=\"%s-caption\">", wide(b) ? " wide" : "", id, id, id);
    caption(h, b);
    fputs("</caption>\n<thead><tr>", f);
    for (size_t j = 0; j < b->n_columns; j++) {
        fprintf(f, "<th scope=\"col\"%s>", align_class(b->align[j]));
        esc_text(f, b->headers[j]);
        fputs("</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t r = 0; r < b->n_rows; r++) {
        fputs(b->total[r] ? "<tr class=\"total\">" : "<tr>", f);
        for (size_t j = 0; j < b->n_columns; j++) {
            fprintf(f, "<td%s>", align_class(b->align[j]));
            esc_text(f, b->cells[r * b->n_columns + j]);
            fputs("</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table>\n</div>\n", f);
    for (size_t i = 0; i < b->n_notes; i++) {
        fputs("<p class=\"table-note\">", f);
        esc_text(f, b->notes[i]);
        fputs("</p>\n", f);
    }
    fputs("</figure>\n", f);
}

/* The chart as SVG, inline: cairo's XML declaration dropped, its fixed
 * width and height replaced by CSS (it scales with the page, its
 * viewBox kept), the ids of its glyphs and clips prefixed with the
 * figure's anchor (several charts in one page must not share an id),
 * and a <title> from the alt text that names it for a screen reader. */
static void figure(html *h, const doc_block *b)
{
    FILE *f = h->f;
    char abuf[32];
    const char *id = effekt_doc_anchor(b, abuf, sizeof abuf);
    char *svg = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&svg, &n);
    if (!m) {
        h->status = EFFEKT_ENOMEM;
        return;
    }
    effekt_chart_page page = { .width_mm = 170, .locale = h->doc->locale };
    effekt_status st = effekt_chart_render(b->chart, &page, EFFEKT_CHART_SVG, m, NULL, h->diag);
    if (fclose(m) != 0 && st == EFFEKT_OK)
        st = EFFEKT_ENOMEM;
    if (st != EFFEKT_OK) {
        h->status = st;
        free(svg);
        return;
    }
    fprintf(f, "<figure id=\"%s\">\n", id);
    const char *p = strstr(svg, "<svg");
    const char *end = p ? strchr(p, '>') : NULL;
    if (!p || !end) {
        h->status = EFFEKT_EIO;
        free(svg);
        return;
    }
    /* the start tag, without width and height */
    fputs("<svg class=\"chart\" role=\"img\"", f);
    fprintf(f, " aria-labelledby=\"%s-alt\"", id);
    for (const char *a = p + 4; a < end;) {
        while (a < end && *a == ' ')
            a++;
        const char *q = a;
        while (q < end && *q != '=')
            q++;
        const char *v = q < end ? strchr(q + 2, '"') : NULL;
        if (!v || v > end)
            break;
        if (!(q - a == 5 && strncmp(a, "width", 5) == 0) && !(q - a == 6 && strncmp(a, "height", 6) == 0))
            fprintf(f, " %.*s", (int)(v + 1 - a), a);
        a = v + 1;
    }
    fprintf(f, ">\n<title id=\"%s-alt\">", id);
    esc(f, b->alt ? b->alt : b->title);
    fputs("</title>", f);
    /* the body, with every id and reference to one prefixed */
    static const char *const keys[] = { "id=\"", "href=\"#", "url(#" };
    for (const char *q = end + 1; *q;) {
        size_t k;
        for (k = 0; k < 3; k++)
            if (strncmp(q, keys[k], strlen(keys[k])) == 0)
                break;
        if (k < 3) {
            fprintf(f, "%s%s-", keys[k], id);
            q += strlen(keys[k]);
        } else {
            putc(*q++, f);
        }
    }
    free(svg);
    fputs("<figcaption>", f);
    caption(h, b);
    if (b->source) {
        fputs("<span class=\"source\">", f);
        esc(f, b->source);
        fputs("</span>", f);
    }
    fputs("</figcaption>\n</figure>\n", f);
}

static void contents(html *h)
{
    FILE *f = h->f;
    const effekt_document *d = h->doc;
    fputs("<nav class=\"toc\" aria-labelledby=\"_contents\">\n<h2 id=\"_contents\">", f);
    esc(f, effekt_doc_word(d, EFFEKT_WORD_DOC_CONTENTS));
    fputs("</h2>\n<ol>", f);
    int li1 = 0, ol2 = 0;   /* a level-1 item is open; a list of level-2 items in it is open */
    for (size_t i = 0; i < d->n_blocks; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind != DOC_SECTION || b->level > 2)
            continue;
        if (b->level == 1) {
            if (ol2)
                fputs("</li></ol>", f);
            if (li1)
                fputs("</li>", f);
            ol2 = 0;
            li1 = 1;
        } else {
            if (!li1)
                fputs("\n<li>", f);
            li1 = 1;
            fputs(ol2 ? "</li>" : "<ol>", f);
            ol2 = 1;
        }
        char abuf[32];
        fprintf(f, "\n<li class=\"l%d\"><a href=\"#%s\">", b->level, effekt_doc_anchor(b, abuf, sizeof abuf));
        if (b->numbered)
            fprintf(f, "<span class=\"num\">%s</span>", b->number);
        esc(f, b->title);
        fputs("</a>", f);
    }
    if (ol2)
        fputs("</li></ol>", f);
    if (li1)
        fputs("</li>", f);
    fputs("\n</ol>\n</nav>\n", f);
}

/* The logo as a data: URI (the file stays one file).  0 when it cannot
 * be read or is not a PNG. */
static int logo(html *h)
{
    FILE *in = fopen(h->doc->logo_path, "rb");
    if (!in)
        return 0;
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned char buf[3], sig[8];
    int ok = fread(sig, 1, 8, in) == 8 && memcmp(sig, "\x89PNG\r\n\x1a\n", 8) == 0;
    if (ok) {
        rewind(in);
        fputs("<img class=\"logo\" alt=\"\" src=\"data:image/png;base64,", h->f);
        size_t n;
        while ((n = fread(buf, 1, 3, in)) > 0) {
            unsigned v = (unsigned)buf[0] << 16 | (n > 1 ? (unsigned)buf[1] << 8 : 0) | (n > 2 ? buf[2] : 0);
            putc(b64[v >> 18 & 63], h->f);
            putc(b64[v >> 12 & 63], h->f);
            putc(n > 1 ? b64[v >> 6 & 63] : '=', h->f);
            putc(n > 2 ? b64[v & 63] : '=', h->f);
        }
        ok = !ferror(in);
        fputs("\">\n", h->f);
    }
    fclose(in);
    return ok;
}

static void cover(html *h)
{
    FILE *f = h->f;
    const effekt_document *d = h->doc;
    fputs("<header class=\"cover\">\n", f);
    if (d->logo_path && !logo(h)) {
        effekt_diag_add(h->diag, EFFEKT_ERROR, d->logo_path, 0, 0, NULL, NULL, "cannot read the logo (expected a PNG file)");
        h->status = EFFEKT_EIO;
    }
    if (d->title) {
        fputs("<h1>", f);
        esc(f, d->title);
        fputs("</h1>\n", f);
    }
    if (d->subtitle) {
        fputs("<p class=\"subtitle\">", f);
        esc(f, d->subtitle);
        fputs("</p>\n", f);
    }
    fputs("<div class=\"meta\">\n", f);
    const struct { const char *cls, *text; } lines[] = {
        { "project", d->project }, { "client", d->client }, { "evaluator", d->evaluator },
        { "date", d->date }, { "version", d->version },
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        if (lines[i].text) {
            fprintf(f, "<p class=\"%s\">", lines[i].cls);
            esc(f, lines[i].text);
            fputs("</p>\n", f);
        }
    fputs("</div>\n", f);
    if (d->cover_note) {
        fputs("<p class=\"cover-note\" role=\"note\">", f);
        esc(f, d->cover_note);
        fputs("</p>\n", f);
    }
    if (d->acknowledgement) {
        fputs("<p class=\"ack\">", f);
        esc(f, d->acknowledgement);
        fputs("</p>\n", f);
    }
    fputs("</header>\n", f);
}

static void body(html *h)
{
    FILE *f = h->f;
    const effekt_document *d = h->doc;
    for (size_t i = 0; i < d->n_blocks && h->status == EFFEKT_OK; i++) {
        const doc_block *b = &d->blocks[i], *prev = i ? &d->blocks[i - 1] : NULL, *next = i + 1 < d->n_blocks ? &d->blocks[i + 1] : NULL;
        switch (b->kind) {
        case DOC_SECTION: {
            if (b->level == 1)
                notes_flush(h);
            char abuf[32];
            fprintf(f, "<h%d id=\"%s\">", b->level + 1, effekt_doc_anchor(b, abuf, sizeof abuf));
            if (b->numbered)
                fprintf(f, "<span class=\"num\">%s</span>", b->number);
            esc(f, b->title);
            fprintf(f, "</h%d>\n", b->level + 1);
            break;
        }
        case DOC_CONTENTS: contents(h); break;
        case DOC_PAGE_BREAK: fputs("<div class=\"page-break\"></div>\n", f); break;
        case DOC_PARAGRAPH:
            if (b->style == EFFEKT_PARAGRAPH_BULLET) {
                if (!prev || prev->kind != DOC_PARAGRAPH || prev->style != EFFEKT_PARAGRAPH_BULLET)
                    fputs("<ul>\n", f);
                fputs("<li>", f);
                runs(h, b);
                fputs("</li>\n", f);
                if (!next || next->kind != DOC_PARAGRAPH || next->style != EFFEKT_PARAGRAPH_BULLET)
                    fputs("</ul>\n", f);
            } else {
                fputs(b->style == EFFEKT_PARAGRAPH_LEAD   ? "<p class=\"lead\">"
                      : b->style == EFFEKT_PARAGRAPH_NOTE ? "<p class=\"note\">"
                                                          : "<p>",
                      f);
                runs(h, b);
                fputs("</p>\n", f);
            }
            break;
        case DOC_TABLE: table(h, b); break;
        case DOC_FIGURE: figure(h, b); break;
        case DOC_TERM:
            if (!prev || prev->kind != DOC_TERM)
                fputs("<dl>\n", f);
            fputs("<dt>", f);
            esc(f, b->term);
            fputs("</dt><dd>", f);
            esc_text(f, b->definition);
            fputs("</dd>\n", f);
            if (!next || next->kind != DOC_TERM)
                fputs("</dl>\n", f);
            break;
        }
    }
    notes_flush(h);
}

effekt_status effekt_document_write_html(const effekt_document *doc, FILE *out, effekt_diag *diag)
{
    effekt_status st = effekt_doc_check_refs(doc, diag);
    if (st != EFFEKT_OK)
        return st;
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    if (!f)
        return EFFEKT_ENOMEM;
    html h = { .f = f, .doc = doc, .diag = diag, .status = EFFEKT_OK };
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
            doc->locale->name);
    esc(f, doc->title ? doc->title : "");
    fputs("</title>\n", f);
    const struct { const char *name, *value; } metas[] = {
        { "author", doc->author }, { "description", doc->subject }, { "keywords", doc->keywords },
    };
    for (size_t i = 0; i < 3; i++)
        if (metas[i].value) {
            fprintf(f, "<meta name=\"%s\" content=\"", metas[i].name);
            esc(f, metas[i].value);
            fputs("\">\n", f);
        }
    fputs("<meta name=\"generator\" content=\"effekt " PACKAGE_VERSION "\">\n<style>\n", f);
    fputs(STYLE, f);
    fputs("</style>\n</head>\n<body>\n", f);
    if (doc->title || doc->subtitle || doc->project || doc->cover_note || doc->logo_path)
        cover(&h);
    fputs("<main>\n", f);
    body(&h);
    fputs("</main>\n</body>\n</html>\n", f);
    free(h.notes);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad)
        h.status = h.status != EFFEKT_OK ? h.status : EFFEKT_ENOMEM;
    if (h.status == EFFEKT_OK && (fwrite(text, 1, n, out) != n || fflush(out) == EOF)) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "cannot write the HTML");
        h.status = EFFEKT_EIO;
    }
    free(text);
    return h.status;
}
