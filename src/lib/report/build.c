/* The helpers the report's content is written with: words of the
 * spec's locale, numbers through effekt_locale and effekt/typeset.h,
 * strings kept until the build is freed, and the document calls with
 * the first failure remembered (so a builder reads as the report does,
 * not as a ladder of status checks). */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/date.h"
#include "effekt/typeset.h"
#include "report_int.h"

void effekt_rb_check(report_build *b, effekt_status st)
{
    if (b->st == EFFEKT_OK && st != EFFEKT_OK) {
        b->st = st;
        /* never a silent failure: the model refuses misuse (an id used
         * twice, a row of the wrong width) without a diag of its own */
        if (st != EFFEKT_ENOMEM && b->problems)
            effekt_diag_add(b->problems, EFFEKT_ERROR, b->spec->path, 0, 0, NULL, NULL,
                            "the report's document refused a part (%s): a bug in effekt, please report it",
                            effekt_status_message(st));
    }
}

/* Keep s (malloc'd, may be NULL: out of memory) until the build is freed. */
static const char *keep(report_build *b, char *s)
{
    if (s && b->n_scratch == b->cap_scratch) {
        size_t cap = b->cap_scratch ? 2 * b->cap_scratch : 256;
        char **ns = effekt_realloc(b->scratch, cap * sizeof *ns);
        if (!ns) {
            free(s);
            s = NULL;
        } else {
            b->scratch = ns;
            b->cap_scratch = cap;
        }
    }
    if (!s) {
        effekt_rb_check(b, EFFEKT_ENOMEM);
        return "";
    }
    b->scratch[b->n_scratch++] = s;
    return s;
}

/* The errors of a part (a chart the report draws itself) into the run's
 * problems, said as the report's: where names the figure. */
void effekt_rb_forward(report_build *b, const char *where, const effekt_diag *part)
{
    for (size_t i = 0; i < part->n; i++)
        if (part->items[i].severity == EFFEKT_ERROR)
            effekt_diag_add(b->problems, EFFEKT_ERROR, part->items[i].file, part->items[i].line, part->items[i].column,
                            NULL, NULL, "%s: %s", where, part->items[i].message);
}

effekt_chart *effekt_rb_chart(report_build *b, const effekt_table *t, const char *path, const char *json)
{
    if (b->st != EFFEKT_OK)
        return NULL;
    cJSON *ch = cJSON_Parse(json);
    if (!ch) {
        effekt_rb_check(b, EFFEKT_ENOMEM);
        return NULL;
    }
    effekt_chart *chart = NULL;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_report_chart(t, path, ch, b->loc, b->spec->confidence, &chart, &diag);
    cJSON_Delete(ch);   /* the chart owns its strings (#15): the spec may go */
    effekt_rb_forward(b, json, &diag);
    effekt_diag_clear(&diag);
    effekt_rb_check(b, st);
    return st == EFFEKT_OK ? chart : NULL;
}

void effekt_report_build_free(report_build *b)
{
    for (size_t i = 0; i < b->n_scratch; i++)
        free(b->scratch[i]);
    free(b->scratch);
    b->scratch = NULL;
    b->n_scratch = b->cap_scratch = 0;
}

const char *effekt_rb_word(report_build *b, effekt_text_word_id w)
{
    return effekt_text_word(b->loc, w);
}

const char *effekt_rb_compose(report_build *b, effekt_text_word_id w, size_t n, ...)
{
    const char *args[9] = { NULL };
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n && i < 9; i++)
        args[i] = va_arg(ap, const char *);
    va_end(ap);
    return keep(b, effekt_text_compose(b->loc, w, n, args));
}

const char *effekt_rb_fmt(report_build *b, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    char *s = len < 0 ? NULL : effekt_malloc((size_t)len + 1);
    if (s)
        vsnprintf(s, (size_t)len + 1, fmt, again);
    va_end(again);
    va_end(ap);
    return keep(b, s);
}

const char *effekt_rb_num(report_build *b, double v, int decimals)
{
    char buf[128];
    if (isnan(v))
        return effekt_rb_word(b, EFFEKT_WORD_RP_NA);
    return effekt_rb_fmt(b, "%s", effekt_locale_format(b->loc, v, decimals, buf, sizeof buf));
}

const char *effekt_rb_pct(report_build *b, double v, int decimals)
{
    char buf[128];
    if (isnan(v))
        return effekt_rb_word(b, EFFEKT_WORD_RP_NA);
    return effekt_rb_fmt(b, "%s", effekt_locale_format_percent(b->loc, v, decimals, buf, sizeof buf));
}

const char *effekt_rb_money(report_build *b, double v)
{
    char buf[128];
    if (isnan(v))
        return effekt_rb_word(b, EFFEKT_WORD_RP_NA);
    return effekt_rb_fmt(b, "%s", effekt_typeset_money(b->loc, v, "DKK", buf, sizeof buf));
}

const char *effekt_rb_date(report_build *b, long days)
{
    char buf[128];
    return effekt_rb_fmt(b, "%s", effekt_typeset_date(b->loc, days, buf, sizeof buf));
}

/* The values of the synthetic participants' columns, as the reader's
 * words; any other value as it is (names, codes). */
const char *effekt_rb_value(report_build *b, const char *v)
{
    static const struct {
        const char *value;
        effekt_text_word_id word;
    } values[] = {
        { "female", EFFEKT_WORD_RP_V_FEMALE }, { "male", EFFEKT_WORD_RP_V_MALE },
        { "Africa", EFFEKT_WORD_RP_V_AFRICA }, { "Americas", EFFEKT_WORD_RP_V_AMERICAS },
        { "Asia", EFFEKT_WORD_RP_V_ASIA }, { "EU", EFFEKT_WORD_RP_V_EU },
        { "Middle East", EFFEKT_WORD_RP_V_MIDDLE_EAST }, { "non-EU Europe", EFFEKT_WORD_RP_V_NON_EU },
        { "bachelor", EFFEKT_WORD_RP_V_BACHELOR }, { "master", EFFEKT_WORD_RP_V_MASTER },
        { "phd", EFFEKT_WORD_RP_V_PHD }, { "vocational", EFFEKT_WORD_RP_V_VOCATIONAL },
    };
    for (size_t i = 0; v && i < sizeof values / sizeof *values; i++)
        if (strcasecmp(v, values[i].value) == 0)
            return effekt_rb_word(b, values[i].word);
    return v ? v : "";
}

const char *effekt_rb_strong(report_build *b, const char *figure)
{
    return effekt_rb_fmt(b, "\001%s\002", figure);
}

void effekt_rb_sentence(report_build *b, const char *s, const char *ref)
{
    if (b->st != EFFEKT_OK)
        return;
    effekt_rb_check(b, effekt_document_paragraph_begin(b->doc, EFFEKT_PARAGRAPH_LEAD));
    /* runs: plain text, and the figures between \001 and \002 in bold */
    /* the sentence's words end with a space before the reference */
    size_t len = strlen(s);
    while (len && s[len - 1] == ' ')
        len--;
    const char *end = s + len;
    while (s < end && b->st == EFFEKT_OK) {
        const char *open = memchr(s, '\001', (size_t)(end - s));
        const char *close = open ? memchr(open, '\002', (size_t)(end - open)) : NULL;
        if (!open || !close) {
            effekt_rb_check(b, effekt_document_text(b->doc, effekt_rb_fmt(b, "%.*s", (int)(end - s), s)));
            break;
        }
        if (open > s)
            effekt_rb_check(b, effekt_document_text(b->doc, effekt_rb_fmt(b, "%.*s", (int)(open - s), s)));
        effekt_rb_check(b, effekt_document_strong(b->doc, effekt_rb_fmt(b, "%.*s", (int)(close - open - 1), open + 1)));
        s = close + 1;
    }
    /* "; se Tabel 3." rather than "(Tabel 3).": a line never breaks
     * between an opening parenthesis and the reference */
    if (ref) {
        effekt_rb_check(b, effekt_document_text(b->doc, effekt_rb_word(b, EFFEKT_WORD_RP_SEE_REF)));
        effekt_rb_check(b, effekt_document_ref(b->doc, ref));
    }
    effekt_rb_check(b, effekt_document_text(b->doc, "."));
    effekt_rb_check(b, effekt_document_paragraph_end(b->doc));
}

const char *effekt_rb_source(report_build *b, const effekt_table *t)
{
    const char *base = t->source && strrchr(t->source, '/') ? strrchr(t->source, '/') + 1 : t->source;
    return effekt_rb_compose(b, EFFEKT_WORD_RP_SOURCE_LINE, 1, base ? base : "");
}

const char *effekt_rb_capital(report_build *b, const char *s)
{
    if (!s || !(*s >= 'a' && *s <= 'z'))
        return s;
    return effekt_rb_fmt(b, "%c%s", *s - 'a' + 'A', s + 1);
}

const char *effekt_rb_mark(report_build *b, const char *caption, int synthetic)
{
    return synthetic ? effekt_rb_compose(b, EFFEKT_WORD_RP_SYNTHETIC_MARK, 1, caption) : caption;
}

int effekt_rb_synthetic(const report_build *b, const char *input)
{
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(b->spec->root, "inputs");
    const cJSON *in = input ? cJSON_GetObjectItemCaseSensitive(inputs, input) : NULL;
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(in, "synthetic"));
}

const effekt_table *effekt_rb_input(const report_build *b, const char *input, const char **path)
{
    for (size_t i = 0; input && i < b->spec->n_inputs; i++)
        if (strcmp(b->spec->input_names[i], input) == 0) {
            if (path)
                *path = b->spec->input_paths[i];
            return b->tables[i];
        }
    return NULL;
}

void effekt_rb_section(report_build *b, int level, const char *id, const char *title)
{
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_section(b->doc, level, 1, id, title));
}

void effekt_rb_para(report_build *b, effekt_paragraph_style style, const char *text)
{
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_paragraph(b->doc, style, text));
}

void effekt_rb_table(report_build *b, const char *id, const char *caption, size_t n, const char *const *headers,
                     const effekt_align *align)
{
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_table_begin(b->doc, id, caption, n));
    for (size_t j = 0; j < n && b->st == EFFEKT_OK; j++)
        effekt_rb_check(b, effekt_document_table_column(b->doc, j, headers[j],
                                                        align ? align[j] : j ? EFFEKT_ALIGN_RIGHT : EFFEKT_ALIGN_LEFT));
}

void effekt_rb_row(report_build *b, const char *const *cells, int total)
{
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_table_row(b->doc, cells, total));
}

void effekt_rb_end(report_build *b, const char *note)
{
    if (b->st == EFFEKT_OK && note)
        effekt_rb_check(b, effekt_document_table_note(b->doc, note));
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_table_end(b->doc));
}

/* The name of project id in the KPI input (its name column); NULL when
 * it has none. */
static const char *name_of(const effekt_report_spec *spec, effekt_table *const *tables, const char *id, size_t len)
{
    const char *input = effekt_report_str(cJSON_GetObjectItemCaseSensitive(spec->root, "kpis"), "input");
    const effekt_table *t = NULL;
    for (size_t i = 0; input && i < spec->n_inputs; i++)
        if (strcmp(spec->input_names[i], input) == 0)
            t = tables[i];
    const effekt_column *idc = t ? effekt_table_column(t, "project_id") : NULL, *nc = t ? effekt_table_column(t, "name") : NULL;
    for (size_t r = 0; idc && idc->text && nc && nc->text && r < t->n_rows; r++)
        if (idc->text[r] && nc->text[r] && strlen(idc->text[r]) == len && strncmp(idc->text[r], id, len) == 0)
            return nc->text[r];
    return NULL;
}

const char *effekt_rb_project(report_build *b, const char *id)
{
    const char *name = id ? name_of(b->spec, b->tables, id, strlen(id)) : NULL;
    return name ? name : effekt_rb_value(b, id ? id : "");
}

/* A label "GOVEST" or "GOVEST (n = 14)" with the project's name for its
 * id, kept by the chart. */
static const char *relabel(const effekt_report_spec *spec, effekt_table *const *tables, effekt_chart *chart,
                           const char *label)
{
    if (!label)
        return label;
    const char *paren = strstr(label, " (");
    size_t len = paren ? (size_t)(paren - label) : strlen(label);
    const char *name = name_of(spec, tables, label, len);
    if (!name)
        return label;
    char buf[512];
    snprintf(buf, sizeof buf, "%s%s", name, paren ? paren : "");
    const char *kept = effekt_chart_keep(chart, buf);
    return kept ? kept : label;
}

void effekt_report_relabel(const effekt_report_spec *spec, effekt_table *const *tables, effekt_chart *chart)
{
    for (size_t i = 0; chart && i < chart->n_items; i++)
        chart->items[i].label = relabel(spec, tables, chart, chart->items[i].label);
    for (size_t i = 0; chart && i < chart->n_curves; i++)
        chart->curves[i].label = relabel(spec, tables, chart, chart->curves[i].label);
}

void effekt_rb_figure(report_build *b, const char *name, effekt_chart *chart, const char *caption, const char *source)
{
    /* projects by name, not id, where the KPI input has a name column */
    effekt_report_relabel(b->spec, b->tables, chart);
    if (b->st != EFFEKT_OK) {
        effekt_chart_destroy(chart);
        return;
    }
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_report_render_chart(b->rep, chart, b->loc, name, &diag);
    effekt_rb_forward(b, name, &diag);
    effekt_diag_clear(&diag);
    if (st != EFFEKT_OK) {
        effekt_chart_destroy(chart);
        effekt_rb_check(b, st);
        return;
    }
    const char *alt = effekt_rb_compose(b, EFFEKT_WORD_RP_ALT_CHART, 1, caption);
    /* the chart draws its own source line (file, latest date, version):
     * a second one under the caption would only repeat it */
    (void)source;
    effekt_rb_check(b, effekt_document_figure(b->doc, name, chart, caption, alt, NULL));
    b->n_figures++;
}

void effekt_rb_further(report_build *b)
{
    const cJSON *chs = cJSON_GetObjectItemCaseSensitive(b->spec->root, "charts");
    if (!b->n_charts)
        return;
    effekt_rb_section(b, 1, "further", effekt_rb_word(b, EFFEKT_WORD_RP_FURTHER));
    size_t i = 0;
    for (const cJSON *ch = chs ? chs->child : NULL; ch && i < b->n_charts && b->st == EFFEKT_OK; ch = ch->next, i++) {
        effekt_chart *chart = b->charts[i];
        if (!chart)
            continue;
        const char *path = NULL;
        const char *input = effekt_report_str(ch, "input");
        effekt_rb_input(b, input, &path);
        const char *title = effekt_report_str(ch, "title") ? effekt_report_str(ch, "title")
                            : chart->title                ? chart->title
                                                          : effekt_report_str(ch, "name");
        const char *caption = effekt_rb_mark(b, effekt_rb_fmt(b, "%s", title), effekt_rb_synthetic(b, input));
        const char *base = path && strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        const char *alt = effekt_rb_compose(b, EFFEKT_WORD_RP_ALT_CHART, 1, caption);
        b->charts[i] = NULL;   /* the document destroys it, also when the call fails */
        (void)base;   /* the chart draws its own source line */
        /* the figure's id: the spec's names may hold capitals and '_', and
         * may equal an id the report uses itself ("summary") */
        char id[32];
        snprintf(id, sizeof id, "chart-%zu", i + 1);
        effekt_rb_check(b, effekt_document_figure(b->doc, id, chart, caption, alt, NULL));
    }
}

effekt_status effekt_report_build(report_build *b)
{
    const cJSON *root = b->spec->root;
    const char *kind = effekt_report_str(root, "kind");
    const cJSON *kpis = cJSON_GetObjectItemCaseSensitive(root, "kpis");
    /* without "kind": a final evaluation when the spec names its project,
     * a portfolio of the KPI input's projects when it has one, else the
     * spec's own figures with data quality and provenance */
    int final = kind ? strcmp(kind, "final") == 0 : effekt_report_str(root, "project") != NULL;
    int portfolio = kind ? strcmp(kind, "portfolio") == 0 : !final && kpis != NULL;
    const char *title = effekt_report_str(root, "title");
    const char *project = NULL, *client = NULL, *evaluator = NULL, *version = NULL, *date = NULL, *note = NULL;
    if (effekt_report_str(root, "client"))
        client = effekt_rb_compose(b, EFFEKT_WORD_RP_COVER_CLIENT, 1, effekt_report_str(root, "client"));
    if (effekt_report_str(root, "evaluator"))
        evaluator = effekt_rb_compose(b, EFFEKT_WORD_RP_COVER_EVALUATOR, 1, effekt_report_str(root, "evaluator"));
    if (effekt_report_str(root, "version"))
        version = effekt_rb_compose(b, EFFEKT_WORD_RP_COVER_VERSION, 1, effekt_report_str(root, "version"));
    long days;
    const char *d = effekt_report_str(root, "date");
    if (d && effekt_date_parse(d, strlen(d), &days) == 0)
        date = effekt_rb_date(b, days);
    else if (d)
        date = d;
    /* the project's name on the cover, from the KPI input's name column */
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(root, "kpis");
    const effekt_table *pt = effekt_rb_input(b, effekt_report_str(k, "input"), NULL);
    const char *pid = effekt_report_str(root, "project");
    const effekt_column *idc = pt ? effekt_table_column(pt, "project_id") : NULL;
    const effekt_column *nc = pt ? effekt_table_column(pt, "name") : NULL;
    for (size_t r = 0; !portfolio && pid && idc && idc->text && r < pt->n_rows; r++)
        if (idc->text[r] && strcmp(idc->text[r], pid) == 0)
            project = effekt_rb_compose(b, EFFEKT_WORD_RP_COVER_PROJECT, 1,
                                        nc && nc->text && nc->text[r] ? nc->text[r] : pid);
    /* the synthetic inputs, named on the cover */
    const char *synthetic = NULL;
    for (size_t i = 0; i < b->spec->n_inputs; i++)
        if (effekt_rb_synthetic(b, b->spec->input_names[i])) {
            const cJSON *in = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "inputs"),
                                                               b->spec->input_names[i]);
            const char *file = effekt_report_str(in, "file");
            synthetic = synthetic ? effekt_rb_fmt(b, "%s, %s", synthetic, file) : file;
        }
    if (synthetic)
        note = effekt_rb_compose(b, EFFEKT_WORD_RP_COVER_SYNTHETIC, 1, synthetic);
    effekt_document_meta meta = {
        .language = b->loc->name,
        .title = title,
        .subtitle = effekt_report_str(root, "subtitle") ? effekt_report_str(root, "subtitle")
                                                        : effekt_rb_word(b, portfolio ? EFFEKT_WORD_RP_KIND_PORTFOLIO
                                                                                      : EFFEKT_WORD_RP_KIND_FINAL),
        .project = project,
        .client = client,
        .evaluator = evaluator,
        .date = date,
        .version = version,
        .acknowledgement = effekt_report_str(root, "acknowledgement"),
        .logo_path = !effekt_report_str(root, "logo")          ? NULL
                     : effekt_report_str(root, "logo")[0] == '/' ? effekt_report_str(root, "logo")
                                                                 : effekt_rb_fmt(b, "%s/%s", b->spec->dir,
                                                                                 effekt_report_str(root, "logo")),
        .cover_note = note,
        .author = effekt_report_str(root, "evaluator"),
        .subject = effekt_rb_word(b, portfolio ? EFFEKT_WORD_RP_KIND_PORTFOLIO : EFFEKT_WORD_RP_KIND_FINAL),
    };
    if (b->st != EFFEKT_OK)
        return b->st;
    effekt_rb_check(b, effekt_document_create(&meta, &b->doc));
    if (b->st != EFFEKT_OK)
        return b->st;
    if (portfolio) {
        effekt_rb_portfolio(b);
    } else if (final) {
        effekt_rb_final(b);
    } else {
        effekt_rb_check(b, effekt_document_contents(b->doc));
        effekt_rb_fair(b, NULL);
        effekt_rb_further(b);
        effekt_rb_quality(b, NULL, NULL, 0, NULL, 0, NULL);
        effekt_rb_annex(b);
    }
    return b->st;
}
