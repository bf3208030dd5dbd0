/* The PDF writer: the document laid out on A4 with cairo.
 *
 * What it promises a reader: a cover from the meta; a contents page with
 * page numbers and links; an outline (bookmarks) of every section;
 * headings kept with what follows them; text that wraps and is never
 * cut (a word wider than its column breaks between characters);
 * footnotes at the foot of the page that cites them; numbered captions;
 * tables whose headers wrap, that continue onto the next page with
 * their header repeated, that go onto a landscape page when they are too
 * wide for a portrait one and are split into column groups (the first
 * column repeated) when even that is too narrow; charts drawn as
 * vectors, scaled down (never clipped) when taller than a page; tagged
 * structure (H1–H3, P, Table/TR/TH/TD, Figure, Caption, Note, TOC) and
 * metadata.  Fonts are embedded by cairo.
 *
 * The page numbers of the contents are known only after the layout, so
 * the document is laid out twice: first into a PDF that is thrown away,
 * recording the page of every section, then for real.  Both passes run
 * the same code, so they break pages alike.  No clock time is written
 * (SOURCE_DATE_EPOCH when set): the same document gives the same bytes. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "doc/doc_int.h"
#include "render/draw.h"

/* A4 in points (595.28 x 841.89), margins */
static const double A4_W = 595.28, A4_H = 841.89;
static const double MARGIN_X = 62, MARGIN_TOP = 62, MARGIN_BOTTOM = 66;
static const double BODY_PT = 9.5, NOTE_PT = 7.5, FOOT_PT = 7.5, TABLE_PT = 8, CAPTION_PT = 8.5;

typedef struct { double r, g, b; } rgb;
static const rgb INK = { 0.13, 0.13, 0.13 }, GREY = { 0.40, 0.40, 0.40 }, LINK = { 0.0, 0.30, 0.60 },
                 RULE = { 0.55, 0.55, 0.55 }, LIGHT = { 0.85, 0.85, 0.85 }, HEAD_BG = { 0.92, 0.94, 0.96 },
                 ACCENT = { 0.0, 0.35, 0.60 };

/* ---- runs of text broken into lines ---- */

/* One word (or a footnote mark) of a flow: the text up to the next
 * space, its font, whether a space follows, and the link it is part of. */
typedef struct {
    const char *s;
    size_t len;
    int bold, sup;
    const char *link;     /* a dest name; NULL: none */
    size_t footnote;      /* a footnote mark: its number */
    int space_after;
    int brk;              /* a forced line break (a newline in the text) */
} tok;

typedef struct {
    tok *t;
    size_t n, cap;
    char **owned;         /* strings made for the flow (reference texts, numbers) */
    size_t n_owned;
    int failed;
} toks;

/* A piece of a token on a line: bytes [a, b) at x from the line's start. */
typedef struct {
    size_t tok, a, b;
    double x, w;
} piece;

typedef struct {
    size_t first, n;      /* pieces */
    double w;
} line;

typedef struct {
    piece *p;
    size_t np, capp;
    line *l;
    size_t nl, capl;
    int failed;
} flow;

static void toks_free(toks *T)
{
    for (size_t i = 0; i < T->n_owned; i++)
        free(T->owned[i]);
    free(T->owned);
    free(T->t);
    memset(T, 0, sizeof *T);
}

static void flow_free(flow *F)
{
    free(F->p);
    free(F->l);
    memset(F, 0, sizeof *F);
}

/* Keep s with the flow (it is freed with it); s itself, NULL when out of
 * memory (then s is freed). */
static char *toks_own(toks *T, char *s)
{
    if (!s) {
        T->failed = 1;
        return NULL;
    }
    char **no = effekt_realloc(T->owned, (T->n_owned + 1) * sizeof *no);
    if (!no) {
        free(s);
        T->failed = 1;
        return NULL;
    }
    T->owned = no;
    T->owned[T->n_owned++] = s;
    return s;
}

static tok *toks_push(toks *T)
{
    if (T->n == T->cap) {
        size_t cap = T->cap ? 2 * T->cap : 32;
        tok *nt = effekt_realloc(T->t, cap * sizeof *nt);
        if (!nt) {
            T->failed = 1;
            return NULL;
        }
        T->t = nt;
        T->cap = cap;
    }
    tok *t = &T->t[T->n++];
    memset(t, 0, sizeof *t);
    return t;
}

/* Words of s (split at spaces and newlines) in the font given.  A space
 * at the start of s belongs to the word before. */
static void toks_text(toks *T, const char *s, int bold, const char *link)
{
    for (const char *p = s; p && *p;) {
        if (*p == ' ') {
            if (T->n)
                T->t[T->n - 1].space_after = 1;
            p++;
            continue;
        }
        if (*p == '\n') {
            tok *t = toks_push(T);
            if (t)
                t->brk = 1;
            p++;
            continue;
        }
        size_t len = strcspn(p, " \n");
        tok *t = toks_push(T);
        if (!t)
            return;
        t->s = p;
        t->len = len;
        t->bold = bold;
        t->link = link;
        p += len;
    }
}

typedef struct layout layout;

static void font(cairo_t *cr, double size, int bold)
{
    cairo_select_font_face(cr, EFFEKT_FONT, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

static void colour(cairo_t *cr, rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Width of bytes [a, b) of a token in its font at size. */
static double tok_width(cairo_t *cr, const tok *t, size_t a, size_t b, double size)
{
    char buf[512];
    char *s = b - a < sizeof buf ? buf : effekt_malloc(b - a + 1);
    if (!s)
        return 0;
    memcpy(s, t->s + a, b - a);
    s[b - a] = '\0';
    font(cr, t->sup ? size * 0.68 : size, t->bold);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    if (s != buf)
        free(s);
    return e.x_advance;
}

static void flow_piece(flow *F, size_t tok_i, size_t a, size_t b, double x, double w)
{
    if (F->np == F->capp) {
        size_t cap = F->capp ? 2 * F->capp : 64;
        piece *np = effekt_realloc(F->p, cap * sizeof *np);
        if (!np) {
            F->failed = 1;
            return;
        }
        F->p = np;
        F->capp = cap;
    }
    F->p[F->np++] = (piece){ .tok = tok_i, .a = a, .b = b, .x = x, .w = w };
}

static void flow_line(flow *F, size_t first, double w)
{
    if (F->nl == F->capl) {
        size_t cap = F->capl ? 2 * F->capl : 16;
        line *nl = effekt_realloc(F->l, cap * sizeof *nl);
        if (!nl) {
            F->failed = 1;
            return;
        }
        F->l = nl;
        F->capl = cap;
    }
    F->l[F->nl++] = (line){ .first = first, .n = F->np - first, .w = w };
}

/* The length of the longest prefix of bytes [a, end) of t that fits in
 * width, at a UTF-8 character boundary; at least one character. */
static size_t fit_prefix(cairo_t *cr, const tok *t, size_t a, double width, double size)
{
    size_t best = 0;
    for (size_t b = a + 1; b <= t->len; b++) {
        if (b < t->len && ((unsigned char)t->s[b] & 0xC0) == 0x80)
            continue;   /* inside a character */
        if (tok_width(cr, t, a, b, size) > width && best)
            break;
        best = b;
    }
    return best;
}

/* Break the tokens into lines of at most width points: greedy, at
 * spaces; a word wider than a line is broken between characters.
 * Never cuts anything. */
static void flow_layout(cairo_t *cr, const toks *T, double width, double size, flow *F)
{
    F->np = F->nl = 0;
    size_t first = 0;
    double x = 0;
    for (size_t i = 0; i < T->n && !F->failed; i++) {
        const tok *t = &T->t[i];
        if (t->brk) {
            flow_line(F, first, x);
            first = F->np;
            x = 0;
            continue;
        }
        size_t a = 0;
        while (a < t->len && !F->failed) {
            double w = tok_width(cr, t, a, t->len, size);
            int empty = F->np == first;
            double gap = 0;
            if (!empty && a == 0) {
                const tok *prev = &T->t[F->p[F->np - 1].tok];
                if (prev->space_after) {
                    font(cr, size, prev->bold);
                    cairo_text_extents_t e;
                    cairo_text_extents(cr, " ", &e);
                    gap = e.x_advance;
                }
            }
            if (x + gap + w <= width + 0.01) {
                flow_piece(F, i, a, t->len, x + gap, w);
                x += gap + w;
                a = t->len;
            } else if (!empty) {
                flow_line(F, first, x);
                first = F->np;
                x = 0;
            } else {
                size_t b = fit_prefix(cr, t, a, width, size);
                double pw = tok_width(cr, t, a, b, size);
                flow_piece(F, i, a, b, 0, pw);
                a = b;
                if (a < t->len) {
                    flow_line(F, first, pw);
                    first = F->np;
                    x = 0;
                } else {
                    x = pw;
                }
            }
        }
    }
    if (F->np > first || F->nl == 0)
        flow_line(F, first, x);
}

/* The widest word of the tokens (what a column must give them not to
 * break a word), and the width of all of them on one line. */
static void toks_extent(cairo_t *cr, const toks *T, double size, double *min_w, double *one_line)
{
    double widest = 0, x = 0, best_line = 0, word = 0;
    for (size_t i = 0; i < T->n; i++) {
        const tok *t = &T->t[i];
        if (t->brk) {
            best_line = fmax(best_line, x);
            x = 0;
            word = 0;
            continue;
        }
        double w = tok_width(cr, t, 0, t->len, size);
        word += w;   /* words not separated by a space stay together */
        widest = fmax(widest, word);
        x += w;
        if (t->space_after) {
            font(cr, size, t->bold);
            cairo_text_extents_t e;
            cairo_text_extents(cr, " ", &e);
            if (i + 1 < T->n)
                x += e.x_advance;
            word = 0;
        }
    }
    *min_w = widest;
    *one_line = fmax(best_line, x);
}

/* ---- the page ---- */

typedef struct {
    size_t number;
    toks T;
} footnote;

struct layout {
    cairo_t *cr;
    cairo_surface_t *surface;
    const effekt_document *doc;
    int pass;                    /* 0: measuring (pages recorded), 1: writing */
    int page;                    /* 1-based */
    double pw, ph;               /* this page's size */
    double y;                    /* the next line's top */
    int landscape;
    int footer;                  /* the page gets a footer (not the cover) */
    int *section_page;           /* pass 0 fills, pass 1 reads; by section index */
    int *outline_id;             /* last outline item of levels 1..3 */
    footnote *foot;              /* footnotes of this page */
    size_t n_foot, cap_foot;
    double foot_h;               /* height they take at the foot */
    effekt_status status;
    effekt_diag *diag;
};

/* Free a flow's tokens or lines, and remember when making them failed
 * for want of memory: the writer then ends with EFFEKT_ENOMEM rather
 * than a document with a word missing. */
static void toks_done(layout *l, toks *T)
{
    if (T->failed)
        l->status = EFFEKT_ENOMEM;
    toks_free(T);
}

static void flow_done(layout *l, flow *F)
{
    if (F->failed)
        l->status = EFFEKT_ENOMEM;
    flow_free(F);
}

static double bottom(const layout *l)
{
    return l->ph - MARGIN_BOTTOM - l->foot_h;
}

static double text_width(const layout *l)
{
    return l->pw - 2 * MARGIN_X;
}

/* The text of a footnote as tokens. */
static void footnote_toks(const layout *l, toks *T, size_t number, const char *text)
{
    char num[32];
    effekt_locale_format(l->doc->locale, (double)number, 0, num, sizeof num);
    char *n = toks_own(T, effekt_strdup(num));
    if (n) {
        tok *t = toks_push(T);
        if (t) {
            t->s = n;
            t->len = strlen(n);
            t->sup = 1;
            t->space_after = 1;
        }
    }
    toks_text(T, text, 0, NULL);
}

/* The height of a footnote at the foot, laid out at the text width. */
static double footnote_height(layout *l, toks *T)
{
    flow F = { 0 };
    flow_layout(l->cr, T, text_width(l) - 10, FOOT_PT, &F);
    double h = F.nl * FOOT_PT * 1.3 + 2;
    flow_done(l, &F);
    return h;
}

/* Draw the lines of a flow with their first line's top at y: aligned
 * (0 left, 0.5 centre, 1 right) in a box of width at x. */
static void flow_draw(layout *l, const toks *T, const flow *F, double x, double y, double width, double size,
                      double lh, double align, rgb c)
{
    cairo_t *cr = l->cr;
    for (size_t k = 0; k < F->nl; k++) {
        const line *ln = &F->l[k];
        double x0 = x + (width - ln->w) * align, base = y + k * lh + size * 1.0;
        for (size_t m = 0; m < ln->n; m++) {
            const piece *p = &F->p[ln->first + m];
            const tok *t = &T->t[p->tok];
            char buf[512];
            char *s = p->b - p->a < sizeof buf ? buf : effekt_malloc(p->b - p->a + 1);
            if (!s) {
                l->status = EFFEKT_ENOMEM;
                continue;
            }
            memcpy(s, t->s + p->a, p->b - p->a);
            s[p->b - p->a] = '\0';
            if (t->link) {
                char attr[160];
                snprintf(attr, sizeof attr, "dest='%s'", t->link);
                cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
            }
            font(cr, t->sup ? size * 0.68 : size, t->bold);
            colour(cr, t->link || t->footnote ? LINK : c);
            cairo_move_to(cr, x0 + p->x, base - (t->sup ? size * 0.38 : 0));
            cairo_show_text(cr, s);
            cairo_new_path(cr);
            if (t->link)
                cairo_tag_end(cr, CAIRO_TAG_LINK);
            if (s != buf)
                free(s);
        }
    }
}

static void draw_footnotes(layout *l)
{
    if (!l->n_foot)
        return;
    cairo_t *cr = l->cr;
    double y = l->ph - MARGIN_BOTTOM - l->foot_h + 6;
    colour(cr, RULE);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, MARGIN_X, y - 3);
    cairo_line_to(cr, MARGIN_X + 100, y - 3);
    cairo_stroke(cr);
    for (size_t i = 0; i < l->n_foot; i++) {
        footnote *f = &l->foot[i];
        flow F = { 0 };
        flow_layout(cr, &f->T, text_width(l) - 10, FOOT_PT, &F);
        cairo_tag_begin(cr, "Note", NULL);
        char dest[48];
        snprintf(dest, sizeof dest, "name='_fn%zu'", f->number);
        cairo_tag_begin(cr, CAIRO_TAG_DEST, dest);
        flow_draw(l, &f->T, &F, MARGIN_X, y, text_width(l) - 10, FOOT_PT, FOOT_PT * 1.3, 0, INK);
        cairo_tag_end(cr, CAIRO_TAG_DEST);
        cairo_tag_end(cr, "Note");
        y += F.nl * FOOT_PT * 1.3 + 2;
        flow_done(l, &F);
        toks_done(l, &f->T);
    }
    l->n_foot = 0;
    l->foot_h = 0;
}

static void draw_footer(layout *l)
{
    if (!l->footer)
        return;
    cairo_t *cr = l->cr;
    char num[32], *page;
    effekt_locale_format(l->doc->locale, l->page, 0, num, sizeof num);
    const char *args[] = { num };
    page = effekt_text_compose(l->doc->locale, EFFEKT_WORD_DOC_PAGE, 1, args);
    toks T = { 0 };
    if (page) {
        toks_text(&T, page, 0, NULL);
        double mw, w;
        toks_extent(cr, &T, 7.5, &mw, &w);
        flow F = { 0 };
        flow_layout(cr, &T, w + 1, 7.5, &F);
        /* page furniture, not content: an artifact for the structure tree */
        flow_draw(l, &T, &F, l->pw - MARGIN_X - w, l->ph - 40, w, 7.5, 10, 0, GREY);
        flow_done(l, &F);
        toks_done(l, &T);
        if (l->doc->title) {
            toks_text(&T, l->doc->title, 0, NULL);
            flow_layout(cr, &T, text_width(l) - w - 30, 7.5, &F);
            flow_draw(l, &T, &F, MARGIN_X, l->ph - 40, text_width(l) - w - 30, 7.5, 9.5, 0, GREY);
            flow_done(l, &F);
            toks_done(l, &T);
        }
        free(page);
    } else {
        l->status = EFFEKT_ENOMEM;
    }
}

static void end_page(layout *l)
{
    draw_footnotes(l);
    draw_footer(l);
    cairo_show_page(l->cr);
}

/* Close this page and open the next one, portrait or landscape. */
static void new_page(layout *l, int landscape)
{
    end_page(l);
    l->page++;
    l->footer = 1;
    if (landscape != l->landscape) {
        l->landscape = landscape;
        l->pw = landscape ? A4_H : A4_W;
        l->ph = landscape ? A4_W : A4_H;
        cairo_pdf_surface_set_size(l->surface, l->pw, l->ph);
    }
    l->y = MARGIN_TOP;
}

/* Room for h more points on this page, else a new page. */
static void need(layout *l, double h)
{
    if (l->y + h > bottom(l) && l->y > MARGIN_TOP + 0.5)
        new_page(l, l->landscape);
}

/* ---- paragraphs ---- */

/* The runs of a paragraph as tokens: references as their words with a
 * link, footnotes as a raised number with a link to its text. */
static void paragraph_toks(layout *l, const doc_block *b, toks *T, int bold)
{
    for (size_t k = 0; k < b->n_runs; k++) {
        const doc_run *r = &b->runs[k];
        switch (r->kind) {
        case DOC_RUN_TEXT:
        case DOC_RUN_STRONG:
            toks_text(T, r->text, bold || r->kind == DOC_RUN_STRONG, NULL);
            break;
        case DOC_RUN_REF: {
            effekt_status st = EFFEKT_OK;
            char *s = toks_own(T, effekt_doc_ref_text(l->doc, r->text, l->diag, &st));
            const doc_block *target = effekt_doc_find(l->doc, r->text);
            char abuf[32];
            const char *anchor = target ? effekt_doc_anchor(target, abuf, sizeof abuf) : NULL;
            char *link = anchor ? toks_own(T, effekt_strdup(anchor)) : NULL;
            if (s)
                toks_text(T, s, bold, link);
            break;
        }
        case DOC_RUN_FOOTNOTE: {
            char num[32];
            effekt_locale_format(l->doc->locale, (double)r->footnote, 0, num, sizeof num);
            char *n = toks_own(T, effekt_strdup(num));
            char dest[32];
            snprintf(dest, sizeof dest, "_fn%zu", r->footnote);
            char *link = toks_own(T, effekt_strdup(dest));
            tok *t = n ? toks_push(T) : NULL;
            if (t) {
                t->s = n;
                t->len = strlen(n);
                t->sup = 1;
                t->footnote = r->footnote;
                t->link = link;
            }
            break;
        }
        }
    }
}

/* Place a flow line by line from l->y at x, breaking pages between
 * lines; footnotes cited on a line go to the foot of that line's page.
 * runs: the paragraph (for the footnotes' texts), or NULL. */
static void place_flow(layout *l, const toks *T, const doc_block *runs, double x, double width, double size,
                       double lh, rgb c, const char *tag)
{
    flow F = { 0 };
    flow_layout(l->cr, T, width, size, &F);
    if (F.failed)
        l->status = EFFEKT_ENOMEM;
    for (size_t k = 0; k < F.nl; k++) {
        /* the footnotes of this line, and the room they need */
        double fh = 0;
        toks notes[8] = { { 0 } };
        size_t numbers[8], nn = 0;
        for (size_t m = 0; m < F.l[k].n && runs; m++) {
            const tok *t = &T->t[F.p[F.l[k].first + m].tok];
            if (!t->footnote || nn == 8 || F.p[F.l[k].first + m].a != 0)
                continue;
            for (size_t r = 0; r < runs->n_runs; r++)
                if (runs->runs[r].kind == DOC_RUN_FOOTNOTE && runs->runs[r].footnote == t->footnote) {
                    footnote_toks(l, &notes[nn], t->footnote, runs->runs[r].text);
                    numbers[nn] = t->footnote;
                    fh += footnote_height(l, &notes[nn]);
                    nn++;
                }
        }
        if (nn && !l->n_foot)
            fh += 8;   /* the rule above the footnotes */
        if (l->y + lh + fh > bottom(l) && l->y > MARGIN_TOP + 0.5) {
            if (tag)
                cairo_tag_end(l->cr, tag);
            new_page(l, l->landscape);
            if (tag)
                cairo_tag_begin(l->cr, tag, NULL);
        }
        flow one = F;
        one.l = &F.l[k];
        one.nl = 1;
        flow_draw(l, T, &one, x, l->y, width, size, lh, 0, c);
        l->y += lh;
        for (size_t i = 0; i < nn; i++) {
            if (l->n_foot == l->cap_foot) {
                size_t cap = l->cap_foot ? 2 * l->cap_foot : 8;
                footnote *nf = effekt_realloc(l->foot, cap * sizeof *nf);
                if (!nf) {
                    l->status = EFFEKT_ENOMEM;
                    toks_done(l, &notes[i]);
                    continue;
                }
                l->foot = nf;
                l->cap_foot = cap;
            }
            if (!l->n_foot)
                l->foot_h += 8;
            l->foot_h += footnote_height(l, &notes[i]);
            l->foot[l->n_foot++] = (footnote){ .number = numbers[i], .T = notes[i] };
        }
    }
    flow_done(l, &F);
}

static void paragraph(layout *l, const doc_block *b)
{
    double size = BODY_PT, indent = 0;
    rgb c = INK;
    switch (b->style) {
    case EFFEKT_PARAGRAPH_LEAD: size = 11; break;
    case EFFEKT_PARAGRAPH_BULLET: indent = 14; break;
    case EFFEKT_PARAGRAPH_NOTE: size = NOTE_PT; c = GREY; break;
    default: break;
    }
    toks T = { 0 };
    paragraph_toks(l, b, &T, 0);
    const double lh = size * 1.4;
    need(l, lh);
    const char *tag = b->style == EFFEKT_PARAGRAPH_BULLET ? "LBody" : "P";
    if (b->style == EFFEKT_PARAGRAPH_BULLET)
        cairo_tag_begin(l->cr, "LI", NULL);
    cairo_tag_begin(l->cr, tag, NULL);
    if (b->style == EFFEKT_PARAGRAPH_BULLET) {
        font(l->cr, size, 0);
        colour(l->cr, ACCENT);
        cairo_move_to(l->cr, MARGIN_X + 3, l->y + size);
        cairo_show_text(l->cr, "\u2022");
        cairo_new_path(l->cr);
    }
    place_flow(l, &T, b, MARGIN_X + indent, text_width(l) - indent, size, lh, c, tag);
    cairo_tag_end(l->cr, tag);
    if (b->style == EFFEKT_PARAGRAPH_BULLET)
        cairo_tag_end(l->cr, "LI");
    if (T.failed)
        l->status = EFFEKT_ENOMEM;
    toks_done(l, &T);
    l->y += b->style == EFFEKT_PARAGRAPH_BULLET ? 2 : size * 0.6;
}

/* ---- headings ---- */

static const double HEAD_PT[3] = { 15, 12, 10.5 };

/* "2.1 Title" as tokens. */
static void heading_toks(const doc_block *b, toks *T)
{
    if (b->numbered)
        toks_text(T, b->number, 1, NULL);
    if (b->numbered && T->n)
        T->t[T->n - 1].space_after = 1;
    toks_text(T, b->title, 1, NULL);
}

static double heading_height(layout *l, const doc_block *b)
{
    toks T = { 0 };
    heading_toks(b, &T);
    flow F = { 0 };
    double size = HEAD_PT[b->level - 1];
    flow_layout(l->cr, &T, text_width(l), size, &F);
    double h = F.nl * size * 1.3 + (b->level == 1 ? 16 : 10);
    flow_done(l, &F);
    toks_done(l, &T);
    return h;
}

/* How much of the block after i must share the page with a heading at
 * i: a few lines of text, a table's caption, header and first rows, a
 * whole figure. */
static double figure_height(layout *l, const doc_block *b, double *scale);
static double follow_height(layout *l, size_t i)
{
    const effekt_document *d = l->doc;
    if (i + 1 >= d->n_blocks)
        return 0;
    const doc_block *n = &d->blocks[i + 1];
    switch (n->kind) {
    case DOC_PARAGRAPH: return 3 * BODY_PT * 1.4;
    case DOC_TABLE: return 90;
    case DOC_FIGURE: {
        double s;
        return figure_height(l, n, &s);
    }
    case DOC_SECTION: return heading_height(l, n) + (i + 2 < d->n_blocks ? 3 * BODY_PT * 1.4 : 0);
    case DOC_TERM: return 3 * BODY_PT * 1.4;
    default: return 0;
    }
}

static void turn(layout *l, int land);
static int table_landscape(layout *l, const doc_block *b);

static void heading(layout *l, size_t i)
{
    const doc_block *b = &l->doc->blocks[i];
    /* a heading goes with its table onto a landscape page */
    if (i + 1 < l->doc->n_blocks && l->doc->blocks[i + 1].kind == DOC_TABLE)
        turn(l, table_landscape(l, &l->doc->blocks[i + 1]));
    need(l, heading_height(l, b) + follow_height(l, i));
    if (l->y > MARGIN_TOP + 0.5)
        l->y += b->level == 1 ? 10 : 6;
    char abuf[32];
    const char *anchor = effekt_doc_anchor(b, abuf, sizeof abuf);
    if (l->pass == 0)
        l->section_page[b->index] = l->page;
    char attr[160];
    snprintf(attr, sizeof attr, "name='%s'", anchor);
    static const char *const tags[3] = { "H1", "H2", "H3" };
    cairo_tag_begin(l->cr, tags[b->level - 1], NULL);
    cairo_tag_begin(l->cr, CAIRO_TAG_DEST, attr);
    toks T = { 0 };
    heading_toks(b, &T);
    double size = HEAD_PT[b->level - 1];
    place_flow(l, &T, NULL, MARGIN_X, text_width(l), size, size * 1.3, b->level == 1 ? ACCENT : INK, NULL);
    cairo_tag_end(l->cr, CAIRO_TAG_DEST);
    cairo_tag_end(l->cr, tags[b->level - 1]);
    l->y += b->level == 1 ? 6 : 4;
    if (l->pass == 1) {
        /* the outline: every section, under the last one of the level above */
        char *text = NULL;
        size_t n = strlen(b->title) + strlen(b->number) + 2;
        if ((text = effekt_malloc(n)))
            snprintf(text, n, "%s%s%s", b->number, b->numbered ? " " : "", b->title);
        else
            l->status = EFFEKT_ENOMEM;
        snprintf(attr, sizeof attr, "dest='%s'", anchor);
        int parent = b->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : l->outline_id[b->level - 2];
        l->outline_id[b->level - 1] =
            cairo_pdf_surface_add_outline(l->surface, parent, text ? text : b->title, attr,
                                          b->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        for (int k = b->level; k < 3; k++)
            l->outline_id[k] = l->outline_id[b->level - 1];
        free(text);
    }
    toks_done(l, &T);
}

/* ---- contents ---- */

static void contents(layout *l)
{
    cairo_t *cr = l->cr;
    const effekt_document *d = l->doc;
    need(l, 80);
    toks T = { 0 };
    toks_text(&T, effekt_doc_word(d, EFFEKT_WORD_DOC_CONTENTS), 1, NULL);
    cairo_tag_begin(cr, "H1", NULL);
    place_flow(l, &T, NULL, MARGIN_X, text_width(l), HEAD_PT[0], HEAD_PT[0] * 1.3, ACCENT, NULL);
    cairo_tag_end(cr, "H1");
    toks_done(l, &T);
    l->y += 10;
    cairo_tag_begin(cr, "TOC", NULL);
    const double size = 10, lh = size * 1.45, page_w = 34;
    for (size_t i = 0; i < d->n_blocks; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind != DOC_SECTION || b->level > 2)
            continue;
        const double indent = b->level == 1 ? 0 : 26, num_w = b->level == 1 ? 26 : 32;
        toks E = { 0 };
        toks_text(&E, b->title, b->level == 1, NULL);
        flow F = { 0 };
        double tw = text_width(l) - indent - num_w - page_w - 10;
        flow_layout(cr, &E, tw, size, &F);
        if (F.failed || F.nl == 0 || E.failed) {
            flow_done(l, &F);
            toks_done(l, &E);
            l->status = EFFEKT_ENOMEM;
            continue;
        }
        if (l->y > MARGIN_TOP + 0.5)
            l->y += b->level == 1 ? 5 : 0;
        need(l, F.nl * lh);
        char abuf[32], attr[160];
        snprintf(attr, sizeof attr, "dest='%s'", effekt_doc_anchor(b, abuf, sizeof abuf));
        cairo_tag_begin(cr, "TOCI", NULL);
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
        if (b->numbered) {
            font(cr, size, b->level == 1);
            colour(cr, INK);
            cairo_move_to(cr, MARGIN_X + indent, l->y + size);
            cairo_show_text(cr, b->number);
            cairo_new_path(cr);
        }
        flow_draw(l, &E, &F, MARGIN_X + indent + num_w, l->y, tw, size, lh, 0, INK);
        /* the page number, right-aligned, with a dotted leader */
        char num[32];
        effekt_locale_format(d->locale, l->section_page[b->index], 0, num, sizeof num);
        font(cr, size, b->level == 1);
        cairo_text_extents_t e;
        cairo_text_extents(cr, num, &e);
        double last_y = l->y + (F.nl - 1) * lh + size;
        cairo_move_to(cr, l->pw - MARGIN_X - e.x_advance, last_y);
        cairo_show_text(cr, num);
        cairo_new_path(cr);
        double x0 = MARGIN_X + indent + num_w + F.l[F.nl - 1].w + 6, x1 = l->pw - MARGIN_X - e.x_advance - 6;
        colour(cr, LIGHT);
        for (double x = x1 - 2; x > x0; x -= 4) {
            cairo_arc(cr, x, last_y - 1, 0.55, 0, 2 * M_PI);
            cairo_fill(cr);
        }
        cairo_tag_end(cr, CAIRO_TAG_LINK);
        cairo_tag_end(cr, "TOCI");
        l->y += F.nl * lh;
        flow_done(l, &F);
        toks_done(l, &E);
    }
    cairo_tag_end(cr, "TOC");
    l->y += 10;
}

/* ---- tables ---- */

/* "Table 3. caption" (label bold), or "Table 3 (continued)". */
static void caption_toks(layout *l, const doc_block *b, toks *T, int continued)
{
    const char *args[] = { b->number };
    char *label = toks_own(T, effekt_text_compose(l->doc->locale,
                                                  b->kind == DOC_TABLE ? EFFEKT_WORD_DOC_TABLE : EFFEKT_WORD_DOC_FIGURE,
                                                  1, args));
    if (!label)
        return;
    if (continued) {
        const char *a2[] = { label };
        char *c = toks_own(T, effekt_text_compose(l->doc->locale, EFFEKT_WORD_DOC_CONTINUED, 1, a2));
        if (c)
            toks_text(T, c, 1, NULL);
        return;
    }
    size_t n = strlen(label) + 2;
    char *dot = toks_own(T, effekt_malloc(n));
    if (!dot)
        return;
    snprintf(dot, n, "%s%s", label, b->title && *b->title ? "." : "");
    toks_text(T, dot, 1, NULL);
    if (b->title && *b->title) {
        if (T->n)
            T->t[T->n - 1].space_after = 1;
        toks_text(T, b->title, 0, NULL);
    }
}

static double flow_height(layout *l, const toks *T, double width, double size, double lh)
{
    flow F = { 0 };
    flow_layout(l->cr, T, width, size, &F);
    double h = F.nl * lh;
    flow_done(l, &F);
    return h;
}

static const double PAD_X = 3.5, PAD_Y = 2.5;

/* The height of a row of the columns cols at widths w. */
static double row_height(layout *l, toks *cells, const size_t *cols, size_t nc, const double *w, double size)
{
    double lines_h = 0;
    for (size_t k = 0; k < nc; k++)
        lines_h = fmax(lines_h, flow_height(l, &cells[cols[k]], w[k] - 2 * PAD_X, size, size * 1.3));
    return lines_h + 2 * PAD_Y;
}

/* Draw a row at l->y: each cell's flow aligned in its column; header
 * rows bottom-aligned.  Tagged TR with TH or TD cells. */
static void draw_row(layout *l, const doc_block *b, toks *cells, const size_t *cols, size_t nc, const double *w,
                     double size, double h, int header)
{
    cairo_t *cr = l->cr;
    double x = MARGIN_X;
    cairo_tag_begin(cr, "TR", NULL);
    for (size_t k = 0; k < nc; k++) {
        flow F = { 0 };
        flow_layout(cr, &cells[cols[k]], w[k] - 2 * PAD_X, size, &F);
        double lh = size * 1.3, y = header ? l->y + h - PAD_Y - F.nl * lh : l->y + PAD_Y;
        double align = b->align[cols[k]] == EFFEKT_ALIGN_RIGHT ? 1 : b->align[cols[k]] == EFFEKT_ALIGN_CENTER ? 0.5 : 0;
        cairo_tag_begin(cr, header ? "TH" : "TD", NULL);
        flow_draw(l, &cells[cols[k]], &F, x + PAD_X, y, w[k] - 2 * PAD_X, size, lh, align, INK);
        cairo_tag_end(cr, header ? "TH" : "TD");
        flow_done(l, &F);
        x += w[k];
    }
    cairo_tag_end(cr, "TR");
}

static void rule(layout *l, double x0, double x1, double y, double width, rgb c)
{
    colour(l->cr, c);
    cairo_set_line_width(l->cr, width);
    cairo_move_to(l->cr, x0, y);
    cairo_line_to(l->cr, x1, y);
    cairo_stroke(l->cr);
}

/* One part of a table: the columns cols (all of them, or a group of a
 * split table with the first column repeated) at widths w.  tail_h: the
 * height of what must stay on the page of the last row (the table's
 * source and notes, after its last part; 0 otherwise). */
static void table_part(layout *l, const doc_block *b, toks *head, toks *cells, const size_t *cols, size_t nc,
                       const double *w, double size, int continued, double tail_h)
{
    cairo_t *cr = l->cr;
    double total_w = 0;
    for (size_t k = 0; k < nc; k++)
        total_w += w[k];
    toks cap = { 0 };
    caption_toks(l, b, &cap, continued);
    const double cap_h = flow_height(l, &cap, text_width(l), CAPTION_PT, CAPTION_PT * 1.35) + 4;
    const double head_h = row_height(l, head, cols, nc, w, size);
    double first_rows = 0;
    for (size_t r = 0; r < b->n_rows && r < 2; r++)
        first_rows += row_height(l, cells + r * b->n_columns, cols, nc, w, size);
    need(l, cap_h + head_h + first_rows + 4);
    /* references to the table lead to its caption */
    char abuf[32], attr[64];
    snprintf(attr, sizeof attr, "name='%s'", effekt_doc_anchor(b, abuf, sizeof abuf));
    cairo_tag_begin(cr, "Caption", NULL);
    if (!continued)
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
    place_flow(l, &cap, NULL, MARGIN_X, text_width(l), CAPTION_PT, CAPTION_PT * 1.35, INK, NULL);
    if (!continued)
        cairo_tag_end(cr, CAIRO_TAG_DEST);
    cairo_tag_end(cr, "Caption");
    toks_done(l, &cap);
    l->y += 4;
    cairo_tag_begin(cr, "Table", NULL);
    /* the header, on every page the table is on */
    int header_due = 1;
    for (size_t r = 0; r <= b->n_rows; r++) {
        double h = r < b->n_rows ? row_height(l, cells + r * b->n_columns, cols, nc, w, size) : 0;
        /* the last row takes the source line with it: a table's source
         * never stands alone at the top of the next page */
        double keep = r + 1 == b->n_rows ? tail_h : 0;
        if (r < b->n_rows && !header_due && l->y + h + keep > bottom(l)) {
            rule(l, MARGIN_X, MARGIN_X + total_w, l->y, 0.6, RULE);
            new_page(l, l->landscape);
            toks more = { 0 };
            caption_toks(l, b, &more, 1);
            place_flow(l, &more, NULL, MARGIN_X, text_width(l), CAPTION_PT, CAPTION_PT * 1.35, GREY, NULL);
            toks_done(l, &more);
            l->y += 4;
            header_due = 1;
        }
        if (header_due) {
            colour(cr, HEAD_BG);
            cairo_rectangle(cr, MARGIN_X, l->y, total_w, head_h);
            cairo_fill(cr);
            rule(l, MARGIN_X, MARGIN_X + total_w, l->y, 0.8, INK);
            draw_row(l, b, head, cols, nc, w, size, head_h, 1);
            l->y += head_h;
            rule(l, MARGIN_X, MARGIN_X + total_w, l->y, 0.6, RULE);
            header_due = 0;
        }
        if (r == b->n_rows)
            break;
        if (b->total[r])
            rule(l, MARGIN_X, MARGIN_X + total_w, l->y, 0.8, INK);
        draw_row(l, b, cells + r * b->n_columns, cols, nc, w, size, h, 0);
        l->y += h;
        if (r + 1 < b->n_rows && !b->total[r + 1])
            rule(l, MARGIN_X, MARGIN_X + total_w, l->y, 0.3, LIGHT);
    }
    rule(l, MARGIN_X, MARGIN_X + total_w, l->y, 0.8, INK);
    cairo_tag_end(cr, "Table");
    l->y += 4;
}

/* Widths of the columns cols in avail points: each its widest text when
 * that fits, else its narrowest (its widest word) plus a share of what
 * is left in proportion to what it would like more. */
static void distribute(const double *min_w, const double *max_w, const size_t *cols, size_t nc, double scale,
                       double avail, double *w)
{
    double smin = 0, smax = 0;
    for (size_t k = 0; k < nc; k++) {
        smin += min_w[cols[k]] * scale + 2 * PAD_X;
        smax += max_w[cols[k]] * scale + 2 * PAD_X;
    }
    for (size_t k = 0; k < nc; k++) {
        double lo = min_w[cols[k]] * scale + 2 * PAD_X, hi = max_w[cols[k]] * scale + 2 * PAD_X;
        w[k] = smax <= avail ? hi : lo + (hi - lo) * (avail - smin) / (smax - smin);
    }
}

/* The cells of a table as tokens, and each column's narrowest width
 * (its widest word; a figure's whole text) and widest (every text on one
 * line) at TABLE_PT. */
static int table_measure(layout *l, const doc_block *b, toks *head, toks *cells, double *min_w, double *max_w)
{
    cairo_t *cr = l->cr;
    const size_t nc = b->n_columns, nr = b->n_rows;
    const double portrait = A4_W - 2 * MARGIN_X;
    int failed = 0;
    for (size_t j = 0; j < nc; j++) {
        toks_text(&head[j], b->headers[j], 1, NULL);
        double lo, hi;
        toks_extent(cr, &head[j], TABLE_PT, &lo, &hi);
        min_w[j] = lo;
        max_w[j] = hi;
        failed |= head[j].failed;
        for (size_t r = 0; r < nr; r++) {
            toks *c = &cells[r * nc + j];
            toks_text(c, b->cells[r * nc + j], b->total[r], NULL);
            toks_extent(cr, c, TABLE_PT, &lo, &hi);
            failed |= c->failed;
            /* figures are never broken inside: a right-aligned cell needs
             * its whole width */
            min_w[j] = fmax(min_w[j], b->align[j] == EFFEKT_ALIGN_LEFT ? lo : hi);
            max_w[j] = fmax(max_w[j], hi);
        }
        /* a word longer than a good share of the page (a checksum, a
         * path) breaks between characters instead of widening the table */
        min_w[j] = fmin(min_w[j], 0.4 * portrait);
        max_w[j] = fmax(max_w[j], min_w[j]);
    }
    /* the first column names the rows: a short name ("Project A") is not
     * broken over lines to make room for the others */
    min_w[0] = fmax(min_w[0], fmin(max_w[0], 0.2 * portrait));
    return !failed;
}

/* Portrait at 8 pt, at 7 pt; landscape at 8, at 7; else landscape at 7
 * in column groups.  Returns 1 for landscape; *size the type size. */
static int table_choose(const double *min_w, size_t nc, double *size)
{
    const double portrait = A4_W - 2 * MARGIN_X, landscape = A4_H - 2 * MARGIN_X;
    static const struct { int landscape; double size; } tries[] = { { 0, 8 }, { 0, 7 }, { 1, 8 }, { 1, 7 } };
    for (size_t t = 0; t < 4; t++) {
        double sum = 0;
        for (size_t j = 0; j < nc; j++)
            sum += min_w[j] * tries[t].size / TABLE_PT + 2 * PAD_X;
        if (sum <= (tries[t].landscape ? landscape : portrait)) {
            *size = tries[t].size;
            return tries[t].landscape;
        }
    }
    *size = 7;
    return 1;
}

/* Whether table b goes onto a landscape page. */
static int table_landscape(layout *l, const doc_block *b)
{
    const size_t nc = b->n_columns, nr = b->n_rows;
    toks *head = effekt_calloc(nc, sizeof *head), *cells = effekt_calloc(nr * nc + 1, sizeof *cells);
    double *min_w = effekt_calloc(nc, sizeof *min_w), *max_w = effekt_calloc(nc, sizeof *max_w), size;
    int land = 0;
    if (head && cells && min_w && max_w && table_measure(l, b, head, cells, min_w, max_w))
        land = table_choose(min_w, nc, &size);
    else
        l->status = EFFEKT_ENOMEM;
    for (size_t j = 0; head && j < nc; j++)
        toks_done(l, &head[j]);
    for (size_t i = 0; cells && i < nr * nc; i++)
        toks_done(l, &cells[i]);
    free(head);
    free(cells);
    free(min_w);
    free(max_w);
    return land;
}

/* Turn to a page of the orientation: this one when nothing is on it
 * yet, else the next. */
static void turn(layout *l, int land)
{
    if (land == l->landscape)
        return;
    if (l->y <= MARGIN_TOP + 0.5 && !l->n_foot) {
        l->landscape = land;
        l->pw = land ? A4_H : A4_W;
        l->ph = land ? A4_W : A4_H;
        cairo_pdf_surface_set_size(l->surface, l->pw, l->ph);
    } else {
        new_page(l, land);
    }
}

static void table(layout *l, const doc_block *b)
{
    cairo_t *cr = l->cr;
    const size_t nc = b->n_columns, nr = b->n_rows;
    toks *head = effekt_calloc(nc, sizeof *head), *cells = effekt_calloc(nr * nc + 1, sizeof *cells);
    double *min_w = effekt_calloc(nc, sizeof *min_w), *max_w = effekt_calloc(nc, sizeof *max_w);
    double *w = effekt_calloc(nc, sizeof *w);
    size_t *cols = effekt_calloc(nc, sizeof *cols);
    if (!head || !cells || !min_w || !max_w || !w || !cols || !table_measure(l, b, head, cells, min_w, max_w)) {
        l->status = EFFEKT_ENOMEM;
        goto done;
    }
    const double portrait = A4_W - 2 * MARGIN_X, landscape = A4_H - 2 * MARGIN_X;
    double size;
    const int land = table_choose(min_w, nc, &size);
    const double scale = size / TABLE_PT;
    turn(l, land);
    const double avail = land ? landscape : portrait;
    /* column groups: all columns when they fit, else the first column and
     * as many more as fit, repeated */
    double notes_h = 0;
    for (size_t i = 0; i < b->n_notes; i++) {
        toks N = { 0 };
        toks_text(&N, b->notes[i], 0, NULL);
        notes_h += flow_height(l, &N, text_width(l), NOTE_PT, NOTE_PT * 1.35);
        toks_done(l, &N);
    }
    size_t next = 0;
    int part = 0;
    while (next < nc) {
        size_t k = 0;
        double sum = 0;
        if (next > 0) {
            cols[k++] = 0;
            sum += min_w[0] * scale + 2 * PAD_X;
        }
        while (next < nc && (k == 0 || (next > 0 && k == 1) ||
                             sum + min_w[next] * scale + 2 * PAD_X <= avail)) {
            sum += min_w[next] * scale + 2 * PAD_X;
            cols[k++] = next++;
        }
        distribute(min_w, max_w, cols, k, scale, avail, w);
        if (part > 0)
            l->y += 8;
        table_part(l, b, head, cells, cols, k, w, size, part > 0, next >= nc ? notes_h : 0);
        part++;
    }
    for (size_t i = 0; i < b->n_notes; i++) {
        toks N = { 0 };
        toks_text(&N, b->notes[i], 0, NULL);
        cairo_tag_begin(cr, "P", NULL);
        place_flow(l, &N, NULL, MARGIN_X, text_width(l), NOTE_PT, NOTE_PT * 1.35, GREY, "P");
        cairo_tag_end(cr, "P");
        toks_done(l, &N);
    }
    l->y += 10;
    if (land)
        new_page(l, 0);
done:
    for (size_t j = 0; head && j < nc; j++)
        toks_done(l, &head[j]);
    for (size_t i = 0; cells && i < nr * nc; i++)
        toks_done(l, &cells[i]);
    free(head);
    free(cells);
    free(min_w);
    free(max_w);
    free(w);
    free(cols);
}

/* ---- figures ---- */

static double figure_caption_height(layout *l, const doc_block *b)
{
    toks T = { 0 };
    caption_toks(l, b, &T, 0);
    double h = flow_height(l, &T, text_width(l), CAPTION_PT, CAPTION_PT * 1.35) + 6;
    toks_done(l, &T);
    if (b->source) {
        toks_text(&T, b->source, 0, NULL);
        h += flow_height(l, &T, text_width(l), NOTE_PT, NOTE_PT * 1.35);
        toks_done(l, &T);
    }
    return h;
}

/* The height a figure takes with its caption; *scale < 1 when the chart
 * is taller than a page and is drawn smaller to fit (never clipped). */
static double figure_height(layout *l, const doc_block *b, double *scale)
{
    effekt_status st = EFFEKT_OK;
    cairo_save(l->cr);
    double h = effekt_chart_draw(l->cr, b->chart, l->doc->locale, text_width(l), 0, NULL, &st);
    cairo_restore(l->cr);
    if (st != EFFEKT_OK)
        l->status = st;
    double cap = figure_caption_height(l, b), max = l->ph - MARGIN_TOP - MARGIN_BOTTOM - cap - 8;
    *scale = h > max ? max / h : 1;
    return h * *scale + cap + 8;
}

static void figure(layout *l, const doc_block *b)
{
    cairo_t *cr = l->cr;
    double scale, total = figure_height(l, b, &scale);
    need(l, total);
    const double W = text_width(l);
    effekt_status st = EFFEKT_OK;
    cairo_save(cr);
    double h = effekt_chart_draw(cr, b->chart, l->doc->locale, W, 0, NULL, &st);
    if (st != EFFEKT_OK)
        l->status = st;
    cairo_tag_begin(cr, "Figure", NULL);
    char abuf[32], attr[64];
    snprintf(attr, sizeof attr, "name='%s'", effekt_doc_anchor(b, abuf, sizeof abuf));
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
    cairo_translate(cr, MARGIN_X + (W - W * scale) / 2, l->y);
    cairo_scale(cr, scale, scale);
    effekt_chart_draw(cr, b->chart, l->doc->locale, W, h, NULL, &st);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    cairo_tag_end(cr, "Figure");
    cairo_restore(cr);
    if (st != EFFEKT_OK)
        l->status = st;
    /* a thin frame keeps the chart's white apart from the page */
    l->y += h * scale + 4;
    toks T = { 0 };
    caption_toks(l, b, &T, 0);
    cairo_tag_begin(cr, "Caption", NULL);
    place_flow(l, &T, NULL, MARGIN_X, W, CAPTION_PT, CAPTION_PT * 1.35, INK, "Caption");
    cairo_tag_end(cr, "Caption");
    toks_done(l, &T);
    if (b->source) {
        toks_text(&T, b->source, 0, NULL);
        cairo_tag_begin(cr, "P", NULL);
        place_flow(l, &T, NULL, MARGIN_X, W, NOTE_PT, NOTE_PT * 1.35, GREY, "P");
        cairo_tag_end(cr, "P");
        toks_done(l, &T);
    }
    l->y += 12;
}

/* ---- glossary ---- */

static void term(layout *l, const doc_block *b)
{
    toks T = { 0 }, D = { 0 };
    toks_text(&T, b->term, 1, NULL);
    toks_text(&D, b->definition, 0, NULL);
    need(l, BODY_PT * 1.4 * 2);
    cairo_tag_begin(l->cr, "P", NULL);
    place_flow(l, &T, NULL, MARGIN_X, text_width(l), BODY_PT, BODY_PT * 1.4, INK, "P");
    place_flow(l, &D, NULL, MARGIN_X + 14, text_width(l) - 14, BODY_PT, BODY_PT * 1.4, INK, "P");
    cairo_tag_end(l->cr, "P");
    l->y += 4;
    toks_done(l, &T);
    toks_done(l, &D);
}

/* ---- the cover ---- */

static void cover_line(layout *l, const char *text, double size, int bold, rgb c, double gap)
{
    if (!text || !*text)
        return;
    toks T = { 0 };
    toks_text(&T, text, bold, NULL);
    cairo_tag_begin(l->cr, "P", NULL);
    place_flow(l, &T, NULL, MARGIN_X, text_width(l), size, size * 1.3, c, "P");
    cairo_tag_end(l->cr, "P");
    toks_done(l, &T);
    l->y += gap;
}

static int has_cover(const effekt_document *d)
{
    return d->title || d->subtitle || d->project || d->client || d->evaluator || d->date || d->cover_note;
}

static void cover(layout *l)
{
    const effekt_document *d = l->doc;
    cairo_t *cr = l->cr;
    l->footer = 0;
    if (d->logo_path) {
        cairo_surface_t *img = cairo_image_surface_create_from_png(d->logo_path);
        if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS && cairo_image_surface_get_height(img) > 0) {
            double h = 48, s = h / cairo_image_surface_get_height(img);
            if (cairo_image_surface_get_width(img) * s > text_width(l) / 2)
                s = text_width(l) / 2 / cairo_image_surface_get_width(img);
            cairo_save(cr);
            cairo_translate(cr, MARGIN_X, MARGIN_TOP);
            cairo_scale(cr, s, s);
            cairo_set_source_surface(cr, img, 0, 0);
            cairo_paint(cr);
            cairo_restore(cr);
        } else {
            effekt_diag_add(l->diag, EFFEKT_ERROR, d->logo_path, 0, 0, NULL, NULL,
                            "cannot read the logo: %s (expected a PNG file)",
                            cairo_status_to_string(cairo_surface_status(img)));
            l->status = EFFEKT_EIO;
        }
        cairo_surface_destroy(img);
    }
    l->y = l->ph * 0.27;
    cairo_tag_begin(cr, "H1", NULL);
    toks T = { 0 };
    toks_text(&T, d->title ? d->title : "", 1, NULL);
    place_flow(l, &T, NULL, MARGIN_X, text_width(l), 24, 24 * 1.25, ACCENT, "H1");
    toks_done(l, &T);
    cairo_tag_end(cr, "H1");
    l->y += 8;
    cover_line(l, d->subtitle, 14, 0, INK, 6);
    l->y += 10;
    rule(l, MARGIN_X, MARGIN_X + 120, l->y, 1.5, ACCENT);
    l->y += 18;
    cover_line(l, d->project, 11, 1, INK, 4);
    cover_line(l, d->client, 11, 0, INK, 4);
    cover_line(l, d->evaluator, 11, 0, INK, 4);
    cover_line(l, d->date, 11, 0, INK, 4);
    cover_line(l, d->version, 9.5, 0, GREY, 4);
    if (d->cover_note && *d->cover_note) {
        /* set apart: a tinted box with a bar at its side */
        l->y += 18;
        toks_text(&T, d->cover_note, 1, NULL);
        double h = flow_height(l, &T, text_width(l) - 24, 10, 13) + 16;
        cairo_set_source_rgb(cr, 1.0, 0.95, 0.88);
        cairo_rectangle(cr, MARGIN_X, l->y, text_width(l), h);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.84, 0.37, 0.0);
        cairo_rectangle(cr, MARGIN_X, l->y, 3, h);
        cairo_fill(cr);
        l->y += 8;
        cairo_tag_begin(cr, "P", NULL);
        place_flow(l, &T, NULL, MARGIN_X + 12, text_width(l) - 24, 10, 13, INK, "P");
        cairo_tag_end(cr, "P");
        toks_done(l, &T);
        l->y += 8;
    }
    if (d->acknowledgement && *d->acknowledgement) {
        toks_text(&T, d->acknowledgement, 0, NULL);
        double h = flow_height(l, &T, text_width(l), 8.5, 11.5);
        if (l->y < l->ph - MARGIN_BOTTOM - h - 10)
            l->y = l->ph - MARGIN_BOTTOM - h;
        cairo_tag_begin(cr, "P", NULL);
        place_flow(l, &T, NULL, MARGIN_X, text_width(l), 8.5, 11.5, GREY, "P");
        cairo_tag_end(cr, "P");
        toks_done(l, &T);
    }
    new_page(l, 0);
}

/* ---- the file ---- */

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
    (void)closure, (void)data, (void)length;
    return CAIRO_STATUS_SUCCESS;
}

typedef struct {
    unsigned char *p;
    size_t n, cap;
} membuf;

static cairo_status_t to_memory(void *closure, const unsigned char *data, unsigned int length)
{
    membuf *m = closure;
    if (m->n + length > m->cap) {
        size_t cap = m->cap ? m->cap : 1 << 16;
        while (cap < m->n + length)
            cap *= 2;
        unsigned char *np = effekt_realloc(m->p, cap);
        if (!np)
            return CAIRO_STATUS_NO_MEMORY;
        m->p = np;
        m->cap = cap;
    }
    memcpy(m->p + m->n, data, length);
    m->n += length;
    return CAIRO_STATUS_SUCCESS;
}

/* The creation date: SOURCE_DATE_EPOCH when the build gives one, else
 * none at all (an empty date is left out), so reruns give the same
 * bytes. */
static void creation_date(char *date, size_t size)
{
    date[0] = '\0';
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch)
        return;
    char *end;
    long long t = strtoll(epoch, &end, 10);
    if (*end || t < 0)
        return;
    long long days = t / 86400, secs = t % 86400;
    /* civil date from days since 1970 (Howard Hinnant's algorithm) */
    long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    long long dd = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(date, size, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", y + (m <= 2), m, dd, secs / 3600,
             secs / 60 % 60, secs % 60);
}

/* One pass of the layout into write(closure). */
static effekt_status lay_out(const effekt_document *d, int pass, cairo_write_func_t write, void *closure,
                             int *section_page, effekt_diag *diag)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write, closure, A4_W, A4_H);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title ? d->title : "");
    if (d->author)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, d->author);
    if (d->subject)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, d->subject);
    if (d->keywords)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, d->keywords);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "effekt " PACKAGE_VERSION);
    char date[64];
    creation_date(date, sizeof date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_t *cr = cairo_create(s);
    effekt_draw_prepare(cr);
    int outline[3] = { 0, 0, 0 };
    layout l = { .cr = cr, .surface = s, .doc = d, .pass = pass, .page = 1, .pw = A4_W, .ph = A4_H,
                 .y = MARGIN_TOP, .footer = 1, .section_page = section_page, .outline_id = outline,
                 .status = EFFEKT_OK, .diag = diag };
    if (has_cover(d))
        cover(&l);
    for (size_t i = 0; i < d->n_blocks && l.status == EFFEKT_OK; i++) {
        const doc_block *b = &d->blocks[i];
        switch (b->kind) {
        case DOC_SECTION: heading(&l, i); break;
        case DOC_CONTENTS: contents(&l); break;
        case DOC_PAGE_BREAK:
            if (l.y > MARGIN_TOP + 0.5 || l.landscape)
                new_page(&l, 0);
            break;
        case DOC_PARAGRAPH: {
            /* bullets: L > LI > LBody in the structure tree */
            const int bullet = b->style == EFFEKT_PARAGRAPH_BULLET;
            const doc_block *prev = i ? &d->blocks[i - 1] : NULL, *next = i + 1 < d->n_blocks ? &d->blocks[i + 1] : NULL;
            if (bullet && !(prev && prev->kind == DOC_PARAGRAPH && prev->style == EFFEKT_PARAGRAPH_BULLET))
                cairo_tag_begin(cr, "L", NULL);
            paragraph(&l, b);
            if (bullet && !(next && next->kind == DOC_PARAGRAPH && next->style == EFFEKT_PARAGRAPH_BULLET))
                cairo_tag_end(cr, "L");
            break;
        }
        case DOC_TABLE: table(&l, b); break;
        case DOC_FIGURE: figure(&l, b); break;
        case DOC_TERM: term(&l, b); break;
        }
    }
    end_page(&l);
    for (size_t i = 0; i < l.n_foot; i++)
        toks_free(&l.foot[i].T);
    free(l.foot);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (l.status != EFFEKT_OK)
        return l.status;
    if (cs != CAIRO_STATUS_SUCCESS) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "cannot lay out the document as PDF: %s",
                        cairo_status_to_string(cs));
        return cs == CAIRO_STATUS_NO_MEMORY ? EFFEKT_ENOMEM : EFFEKT_EIO;
    }
    return EFFEKT_OK;
}

/* cairo 1.16 has no call for the document's language, and writes the
 * structure tree without saying the file is tagged: add /Lang and
 * /MarkInfo to the catalog.  The catalog's dictionary grows, so every
 * offset after it moves: the xref entries past it and startxref are
 * rewritten.  A file not in the shape cairo writes (a classic xref
 * table) is left as it is. */
static effekt_status add_to_catalog(membuf *m, const char *lang)
{
    char ins[96];
    int lang_ok = lang && *lang && strlen(lang) < 16 && strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") == strlen(lang);
    snprintf(ins, sizeof ins, "\n   /MarkInfo << /Marked true >>%s%s%s", lang_ok ? "\n   /Lang (" : "",
             lang_ok ? lang : "", lang_ok ? ")" : "");
    static const char cat[] = "/Type /Catalog";
    unsigned char *at = NULL;
    for (size_t i = 0; i + sizeof cat - 1 <= m->n; i++)
        if (memcmp(m->p + i, cat, sizeof cat - 1) == 0)
            at = m->p + i;
    static const char xref[] = "\nxref\n";
    unsigned char *x = NULL;
    for (size_t i = 0; i + sizeof xref - 1 <= m->n; i++)
        if (memcmp(m->p + i, xref, sizeof xref - 1) == 0)
            x = m->p + i;
    if (!at || !x || x < at)
        return EFFEKT_OK;
    const size_t pos = (size_t)(at - m->p) + sizeof cat - 1, add = strlen(ins);
    unsigned char *n = effekt_malloc(m->n + add + 32);
    if (!n)
        return EFFEKT_ENOMEM;
    memcpy(n, m->p, pos);
    memcpy(n + pos, ins, add);
    memcpy(n + pos + add, m->p + pos, m->n - pos);
    size_t len = m->n + add;
    n[len] = '\0';   /* sscanf and strstr below read a string (valgrind found them reading past it) */
    /* the xref table: "xref\n0 N\n" and N lines of 20 bytes "oooooooooo ggggg n \n" */
    char *p = (char *)n + (x - m->p) + add + sizeof xref - 1;
    unsigned long first, count;
    int used;
    if (sscanf(p, "%lu %lu\n%n", &first, &count, &used) == 2) {
        char *e = p + used;
        for (unsigned long k = 0; k < count && e + 20 <= (char *)n + len; k++, e += 20) {
            unsigned long long off = strtoull(e, NULL, 10);
            if (e[17] == 'n' && off > pos) {
                char num[16];
                snprintf(num, sizeof num, "%010llu", off + add);
                memcpy(e, num, 10);
            }
        }
        static const char sx[] = "startxref\n";
        char *s = strstr(e, sx);
        if (s) {
            unsigned long long off = strtoull(s + sizeof sx - 1, NULL, 10);
            int k = snprintf(s + sizeof sx - 1, 32, "%llu\n%%%%EOF\n", off + add);
            len = (size_t)(s + sizeof sx - 1 - (char *)n) + (size_t)k;
        }
    }
    size_t allocated = m->n + add + 32;
    free(m->p);
    m->p = n;
    m->n = len;
    m->cap = allocated;   /* what n holds (m->n + add + 32 after m->n changed overstated it) */
    return EFFEKT_OK;
}

effekt_status effekt_document_write_pdf(const effekt_document *doc, FILE *out, effekt_diag *diag)
{
    effekt_status st = effekt_doc_check_refs(doc, diag);
    for (size_t i = 0; st == EFFEKT_OK && i < doc->n_figures; i++)
        st = effekt_chart_validate(effekt_doc_figure(doc, i)->chart, diag);
    if (st != EFFEKT_OK)
        return st;
    int *pages = effekt_calloc(doc->n_sections + 1, sizeof *pages);
    if (!pages)
        return EFFEKT_ENOMEM;
    membuf m = { 0 };
    st = lay_out(doc, 0, discard, NULL, pages, diag);
    if (st == EFFEKT_OK)
        st = lay_out(doc, 1, to_memory, &m, pages, diag);
    free(pages);
    if (st == EFFEKT_OK)
        st = add_to_catalog(&m, doc->language);
    if (st == EFFEKT_OK && (fwrite(m.p, 1, m.n, out) != m.n || fflush(out) == EOF)) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "cannot write the PDF");
        st = EFFEKT_EIO;
    }
    free(m.p);
    return st;
}
