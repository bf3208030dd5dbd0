/* The docx writer (not yet written: this first version only checks the
 * document, so the model links and its users can be built). */
#include "config.h"

#include "doc/doc_int.h"

effekt_status effekt_document_write_docx(const effekt_document *doc, FILE *out, effekt_diag *diag)
{
    (void)out;
    effekt_status st = effekt_doc_check_refs(doc, diag);
    if (st != EFFEKT_OK)
        return st;
    effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "the docx writer is not yet written");
    return EFFEKT_EINVAL;
}
