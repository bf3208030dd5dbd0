/* A table of the document as CSV, in the form it is shown: its column
 * headers, then its cells as text (numbers already written in the
 * locale).  Danish Excel reads ';' between fields and decimal commas,
 * and takes a file as UTF-8 only with a byte-order mark; other languages
 * get ',' and no mark.  Lines end in CRLF (RFC 4180). */
#include "config.h"

#include <string.h>

#include "doc/doc_int.h"

/* One field, quoted when it holds the separator, a quote, a line break
 * or a leading or trailing space (which a spreadsheet would drop). */
static int field(FILE *out, const char *s, char sep)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    int quote = strchr(s, sep) || strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r') ||
                (n && (s[0] == ' ' || s[n - 1] == ' '));
    if (!quote)
        return fputs(s, out) != EOF;
    if (putc('"', out) == EOF)
        return 0;
    for (const char *p = s; *p; p++)
        if ((*p == '"' && putc('"', out) == EOF) || putc(*p, out) == EOF)
            return 0;
    return putc('"', out) != EOF;
}

static int line(FILE *out, char *const *cells, size_t n, char sep)
{
    for (size_t j = 0; j < n; j++)
        if ((j && putc(sep, out) == EOF) || !field(out, cells[j], sep))
            return 0;
    return fputs("\r\n", out) != EOF;
}

effekt_status effekt_document_write_table_csv(const effekt_document *doc, size_t i, FILE *out, effekt_diag *diag)
{
    const doc_block *b = effekt_doc_table(doc, i);
    if (!b) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                        "no table %zu in the document (it has %zu)", i, effekt_document_tables(doc));
        return EFFEKT_EINVAL;
    }
    const int danish = strcmp(doc->locale->name, "da") == 0;
    const char sep = danish ? ';' : ',';
    int ok = !danish || fputs("\xEF\xBB\xBF", out) != EOF;
    ok = ok && line(out, b->headers, b->n_columns, sep);
    for (size_t r = 0; ok && r < b->n_rows; r++)
        ok = line(out, b->cells + r * b->n_columns, b->n_columns, sep);
    if (!ok || fflush(out) == EOF || ferror(out)) {
        effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, b->id, "cannot write table '%s' as CSV", b->id);
        return EFFEKT_EIO;
    }
    return EFFEKT_OK;
}
