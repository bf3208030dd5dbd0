/* The sections both kinds of report end with: data quality and
 * limitations (every undefined figure with its reason, every warning in
 * full, what was derived, what is synthetic), method and glossary (each
 * KPI's definition from the KPI table), and the annex of provenance
 * (files, SHA-256 in full, rows, columns, options, version, seed). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/date.h"
#include "effekt/typeset.h"
#include "report_int.h"

/* A warning the library words in English, in the report's words when it
 * is one the report knows; else as it is. */
static const char *warning_text(report_build *b, const effekt_diag_problem *p)
{
    const char *m = p->message;
    if (strstr(m, "read as Windows-1252"))
        return effekt_rb_compose(b, EFFEKT_WORD_RP_W_ENCODING, 0);
    const char *s = strstr(m, "stated duration ");
    double stated, actual;
    char from[16], to[16];
    if (s && sscanf(s, "stated duration %lf months differs from the dates %15s to %15s (%lf months)", &stated, from, to,
                    &actual) == 4) {
        long d1, d2;
        char range[160];
        if (effekt_date_parse(from, strlen(from), &d1) == 0 && effekt_date_parse(to, strlen(to), &d2) == 0)
            effekt_typeset_range(effekt_rb_date(b, d1), effekt_rb_date(b, d2), range, sizeof range);
        else
            snprintf(range, sizeof range, "%s\u2013%s", from, to);
        return effekt_rb_compose(b, EFFEKT_WORD_RP_W_DURATION, 3, effekt_rb_num(b, stated, 0),
                                 effekt_rb_fmt(b, "%s", range), effekt_rb_num(b, actual, 1));
    }
    return m;
}

void effekt_rb_quality(report_build *b, const effekt_kpi_sheet *sheet, const size_t *rows, size_t n_rows,
                       const char *const *kpis, size_t n_kpis, const char *participants)
{
    effekt_rb_section(b, 1, "quality", effekt_rb_word(b, EFFEKT_WORD_RP_QUALITY));
    /* every figure that could not be computed, with its reason */
    const effekt_kpi_def *defs = effekt_kpi_definitions();
    size_t n_undefined = 0;
    for (size_t i = 0; sheet && i < n_rows; i++)
        for (size_t k = 0; k < sheet->n_kpis; k++)
            for (size_t j = 0; j < n_kpis; j++)
                if (strcmp(defs[k].name, kpis[j]) == 0 && effekt_kpi_figure(sheet, rows[i], k).reason[0])
                    n_undefined++;
    if (!n_undefined && n_rows) {
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_NO_UNDEFINED));
    } else if (n_undefined) {
        const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_NAME), effekt_rb_word(b, EFFEKT_WORD_RP_INDICATOR),
                            effekt_rb_word(b, EFFEKT_WORD_RP_REASON) };
        const effekt_align al[] = { EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_LEFT };
        effekt_rb_table(b, "undefined", effekt_rb_word(b, EFFEKT_WORD_RP_CAP_UNDEFINED), 3, h, al);
        for (size_t i = 0; i < n_rows; i++)
            for (size_t j = 0; j < n_kpis; j++)
                for (size_t k = 0; k < sheet->n_kpis; k++) {
                    const effekt_kpi_value f_v = effekt_kpi_figure(sheet, rows[i], k), *f = &f_v;
                    if (strcmp(defs[k].name, kpis[j]) != 0 || !f->reason[0])
                        continue;
                    char *why = effekt_text_kpi_reason(b->loc, &f->why);
                    const char *cells[] = { sheet->name[rows[i]] ? sheet->name[rows[i]] : sheet->project[rows[i]],
                                            effekt_text_kpi_title(b->loc, kpis[j]), why ? effekt_rb_fmt(b, "%s", why) : "" };
                    free(why);
                    effekt_rb_row(b, cells, 0);
                }
        effekt_rb_end(b, NULL);
    }
    /* every warning and note of reading and checking, in full */
    size_t n_warn = 0;
    for (size_t i = 0; i < b->problems->n; i++)
        n_warn += b->problems->items[i].severity != EFFEKT_ERROR;
    if (!n_warn) {
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_NO_WARNINGS));
    } else {
        const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_WHERE), effekt_rb_word(b, EFFEKT_WORD_RP_MESSAGE) };
        const effekt_align al[] = { EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_LEFT };
        effekt_rb_table(b, "warnings", effekt_rb_word(b, EFFEKT_WORD_RP_CAP_WARNINGS), 2, h, al);
        for (size_t i = 0; i < b->problems->n; i++) {
            const effekt_diag_problem *p = &b->problems->items[i];
            if (p->severity == EFFEKT_ERROR)
                continue;
            const char *base = p->file ? strrchr(p->file, '/') : NULL;
            base = base ? base + 1 : p->file ? p->file : "";
            const char *where = p->line ? effekt_rb_fmt(b, "%s, %s", base,
                                                        effekt_rb_compose(b, EFFEKT_WORD_RP_LINE_N, 1,
                                                                          effekt_rb_fmt(b, "%zu", p->line)))
                                        : base;
            const char *cells[] = { where, warning_text(b, p) };
            effekt_rb_row(b, cells, 0);
        }
        effekt_rb_end(b, NULL);
    }
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_DERIVED));
    if (participants && effekt_rb_synthetic(b, participants)) {
        const char *path = NULL;
        effekt_rb_input(b, participants, &path);
        const char *base = path && strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_compose(b, EFFEKT_WORD_RP_SYNTHETIC_LIMIT, 1, base ? base : ""));
    }
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_NO_EFFECT));
}

void effekt_rb_method(report_build *b, const char *const *kpis, size_t n_kpis, int people)
{
    effekt_rb_section(b, 1, "method", effekt_rb_word(b, EFFEKT_WORD_RP_METHOD));
    char level[32];
    effekt_locale_format_percent(b->loc, b->spec->confidence, -1, level, sizeof level);
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_compose(b, EFFEKT_WORD_RP_METHOD_INTRO, 2, PACKAGE_VERSION, level));
    if (people) {
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_METHOD_WILSON));
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_METHOD_KM));
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_METHOD_FUNNEL));
    }
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_METHOD_POOLED));
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_section(b->doc, 2, 1, "glossary", effekt_rb_word(b, EFFEKT_WORD_RP_GLOSSARY)));
    for (size_t j = 0; j < n_kpis && b->st == EFFEKT_OK; j++) {
        const char *title = effekt_text_kpi_title(b->loc, kpis[j]), *formula = effekt_text_kpi_formula(b->loc, kpis[j]);
        /* the unit in words, the currency in it where it is money ("kr. pr. deltager") */
        const char *unit = effekt_text_kpi_unit(b->loc, kpis[j]);
        char money[64], filled[256];
        effekt_typeset_money_unit(b->loc, "DKK", 0, money, sizeof money);
        const char *at = unit ? strstr(unit, "{1}") : NULL;
        if (at)
            snprintf(filled, sizeof filled, "%.*s%s%s", (int)(at - unit), unit, money, at + 3);
        else
            snprintf(filled, sizeof filled, "%s", unit ? unit : "");
        if (filled[0] >= 'a' && filled[0] <= 'z')
            filled[0] = (char)(filled[0] - 'a' + 'A');   /* the definition starts a sentence */
        const char *def = effekt_rb_compose(b, EFFEKT_WORD_RP_TERM_DEF, 2, effekt_rb_fmt(b, "%s", filled),
                                            formula ? formula : "");
        effekt_rb_check(b, effekt_document_term(b->doc, title ? title : kpis[j], def));
    }
}

void effekt_rb_annex(report_build *b)
{
    effekt_rb_section(b, 1, "annex", effekt_rb_word(b, EFFEKT_WORD_RP_ANNEX));
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_FILE), effekt_rb_word(b, EFFEKT_WORD_RP_ROWS),
                        effekt_rb_word(b, EFFEKT_WORD_RP_COLUMNS_READ), effekt_rb_word(b, EFFEKT_WORD_RP_ENCODING) };
    const effekt_align al[] = { EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_LEFT };
    effekt_rb_table(b, "files", effekt_rb_word(b, EFFEKT_WORD_RP_CAP_FILES), 4, h, al);
    for (size_t i = 0; i < b->spec->n_inputs; i++) {
        const effekt_table *t = b->tables[i];
        size_t known = 0;
        for (size_t k = 0; k < t->n_columns; k++)
            known += t->columns[k].canonical != NULL;
        const cJSON *in = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(b->spec->root, "inputs"),
                                                           b->spec->input_names[i]);
        const char *file = effekt_report_str(in, "file");
        const char *cells[] = { effekt_rb_mark(b, file, effekt_rb_synthetic(b, b->spec->input_names[i])),
                                effekt_rb_num(b, (double)t->n_rows, 0),
                                effekt_rb_fmt(b, "%zu / %zu", known, t->n_columns),
                                effekt_rb_fmt(b, "%s, \u201c%c\u201d", t->encoding ? t->encoding : "UTF-8",
                                              t->delimiter ? t->delimiter : ',') };
        effekt_rb_row(b, cells, 0);
    }
    effekt_rb_end(b, NULL);
    /* the hashes in full, one line each: a table cell would have to wrap them */
    for (size_t i = 0; i < b->spec->n_inputs; i++) {
        const cJSON *in = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(b->spec->root, "inputs"),
                                                           b->spec->input_names[i]);
        const char *sha = effekt_table_sha256(b->tables[i]);
        effekt_rb_para(b, EFFEKT_PARAGRAPH_NOTE,
                       effekt_rb_fmt(b, "%s %s: %s", effekt_rb_word(b, EFFEKT_WORD_RP_SHA), effekt_report_str(in, "file"),
                                     sha ? sha : effekt_rb_word(b, EFFEKT_WORD_RP_NA)));
    }
    const char *rh[] = { effekt_rb_word(b, EFFEKT_WORD_RP_ITEM), effekt_rb_word(b, EFFEKT_WORD_RP_VALUE) };
    const effekt_align ral[] = { EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_LEFT };
    effekt_rb_table(b, "run", effekt_rb_word(b, EFFEKT_WORD_RP_CAP_RUN), 2, rh, ral);
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(b->spec->root, "seed");
    const char *spec_base = strrchr(b->spec->path, '/') ? strrchr(b->spec->path, '/') + 1 : b->spec->path;
    const char *rows[][2] = {
        { effekt_rb_word(b, EFFEKT_WORD_RP_RUN_VERSION), PACKAGE_VERSION },
        { effekt_rb_word(b, EFFEKT_WORD_RP_OPTIONS), spec_base },
        { effekt_rb_word(b, EFFEKT_WORD_RP_RUN_CONFIDENCE), effekt_rb_pct(b, b->spec->confidence, -1) },
        { effekt_rb_word(b, EFFEKT_WORD_RP_RUN_SEED),
          cJSON_IsNumber(seed) ? effekt_rb_fmt(b, "%.0f", seed->valuedouble) : effekt_rb_word(b, EFFEKT_WORD_RP_RUN_NONE) },
        { effekt_rb_word(b, EFFEKT_WORD_RP_RUN_LOCALE),
          /* the language by name, not its code ("dansk", not "da") */
          strcmp(b->loc->name, "da") == 0   ? effekt_rb_word(b, EFFEKT_WORD_RV_LANG_DA)
          : strcmp(b->loc->name, "sv") == 0 ? effekt_rb_word(b, EFFEKT_WORD_RV_LANG_SV)
                                             : effekt_rb_word(b, EFFEKT_WORD_RV_LANG_EN) },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        effekt_rb_row(b, rows[i], 0);
    effekt_rb_end(b, NULL);
}
