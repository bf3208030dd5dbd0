/* The report's document model: headings, paragraphs, tables and charts
 * (effekt_report_layout's blocks) built from the run's results, every
 * heading and table header from the words table of the spec's locale,
 * every number through the locale.  The PDF writer lays it out. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/kpi.h"
#include "effekt/text.h"
#include "report_int.h"

const char *effekt_report_doc_own(report_doc *d, void *p)
{
    if (!p) {
        d->failed = 1;
        return "";
    }
    if (d->n_owned == d->cap_owned) {
        size_t cap = d->cap_owned ? 2 * d->cap_owned : 256;
        void **no = effekt_realloc(d->owned, cap * sizeof *no);
        if (!no) {
            free(p);
            d->failed = 1;
            return "";
        }
        d->owned = no;
        d->cap_owned = cap;
    }
    d->owned[d->n_owned++] = p;
    return p;
}

const char *effekt_report_doc_fmt(report_doc *d, const char *f, ...)
{
    va_list ap, again;
    va_start(ap, f);
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, f, ap);   /* any length: text is never cut */
    char *s = len < 0 ? NULL : effekt_malloc((size_t)len + 1);
    if (s)
        vsnprintf(s, (size_t)len + 1, f, again);
    va_end(again);
    va_end(ap);
    return effekt_report_doc_own(d, s);
}

effekt_block *effekt_report_doc_block(report_doc *d, effekt_block_kind kind)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 64;
        effekt_block *nb = effekt_realloc(d->blocks, cap * sizeof *nb);
        if (!nb) {
            d->failed = 1;
            return NULL;
        }
        d->blocks = nb;
        d->cap = cap;
    }
    effekt_block *b = &d->blocks[d->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

void effekt_report_doc_free(report_doc *d)
{
    for (size_t i = 0; i < d->n_owned; i++)
        free(d->owned[i]);
    free(d->owned);
    free(d->blocks);
    memset(d, 0, sizeof *d);
}

static const char *word(report_doc *d, effekt_word w)
{
    return effekt_text_word(d->loc, w);
}

static const char *compose(report_doc *d, effekt_word w, size_t n, const char *const *args)
{
    return effekt_report_doc_own(d, effekt_text_compose(d->loc, w, n, args));
}

static void heading(report_doc *d, int level, const char *text)
{
    effekt_block *b = effekt_report_doc_block(d, EFFEKT_BLOCK_HEADING);
    if (b) {
        b->level = level;
        b->text = text;
    }
}

static void para(report_doc *d, const char *text)
{
    effekt_block *b = effekt_report_doc_block(d, EFFEKT_BLOCK_PARAGRAPH);
    if (b)
        b->text = text;
}

/* A table block with its arrays owned by d; NULL when out of memory. */
static effekt_block *table(report_doc *d, size_t nc, size_t nr, const char ***header, const char ***cells, int **right)
{
    *header = effekt_calloc(nc + 1, sizeof **header);
    *cells = effekt_calloc(nr * nc + 1, sizeof **cells);
    *right = effekt_calloc(nc + 1, sizeof **right);
    effekt_report_doc_own(d, (void *)*header);
    effekt_report_doc_own(d, (void *)*cells);
    effekt_report_doc_own(d, *right);
    if (d->failed)
        return NULL;
    effekt_block *b = effekt_report_doc_block(d, EFFEKT_BLOCK_TABLE);
    if (b) {
        b->n_columns = nc;
        b->n_rows = nr;
        b->header = *header;
        b->cells = *cells;
        b->right = *right;
    }
    return b;
}

/* A number as a person reads it: whole numbers grouped, others to four
 * significant digits. */
static const char *number_text(report_doc *d, double v)
{
    char buf[96];
    int dec = v == floor(v) && fabs(v) < 1e15 ? 0 : fabs(v) >= 1000 ? 1 : fabs(v) >= 1 ? 3 : 4;
    if (fabs(v) < 0.001 && v != 0 && v == v) {
        snprintf(buf, sizeof buf, "%.3g", v);
        return effekt_report_doc_fmt(d, "%s", buf);
    }
    return effekt_report_doc_fmt(d, "%s", effekt_locale_format(d->loc, v, dec, buf, sizeof buf));
}

static const char *cell_text(report_doc *d, const cJSON *v)
{
    if (cJSON_IsString(v))
        return v->valuestring;
    if (cJSON_IsNumber(v))
        return number_text(d, v->valuedouble);
    if (cJSON_IsBool(v))
        return cJSON_IsTrue(v) ? "yes" : "no";
    if (cJSON_IsObject(v)) {
        const cJSON *val = cJSON_GetObjectItemCaseSensitive(v, "value");
        const cJSON *lo = cJSON_GetObjectItemCaseSensitive(v, "lower"), *hi = cJSON_GetObjectItemCaseSensitive(v, "upper");
        if (cJSON_IsNumber(val) && cJSON_IsNumber(lo) && cJSON_IsNumber(hi))
            return effekt_report_doc_fmt(d, "%s (%s\u2013%s)", number_text(d, val->valuedouble), number_text(d, lo->valuedouble),
                                  number_text(d, hi->valuedouble));
        if (cJSON_IsNumber(val))
            return number_text(d, val->valuedouble);
    }
    return "n/a";
}

/* A table of an array of objects: the first object's keys are the columns. */
static void json_table(report_doc *d, const cJSON *arr, const char *skip)
{
    if (!cJSON_IsArray(arr) || !arr->child)
        return;
    size_t nc = 0, nr = (size_t)cJSON_GetArraySize(arr);
    for (const cJSON *k = arr->child->child; k; k = k->next)
        nc += strcmp(k->string, skip) != 0;
    const char **header, **cells;
    int *right;
    if (!table(d, nc, nr, &header, &cells, &right))
        return;
    size_t c = 0;
    for (const cJSON *k = arr->child->child; k; k = k->next)
        if (strcmp(k->string, skip) != 0) {
            header[c] = k->string;
            right[c++] = !cJSON_IsString(k);
        }
    size_t r = 0;
    for (const cJSON *row = arr->child; row; row = row->next, r++)
        for (c = 0; c < nc; c++)
            cells[r * nc + c] = cell_text(d, cJSON_GetObjectItemCaseSensitive(row, header[c]));
}

/* Still English only: the method sentences (a word each in the table is next). */
static const char *method_words(report_doc *d, const char *type, double confidence)
{
    if (strcmp(type, "describe") == 0)
        return effekt_report_doc_fmt(d, "Method: counts, means and standard deviations (denominator n - 1) with a t-interval of "
                                 "the mean at %g %%; quartiles of R's type 7; missing values are left out and counted. "
                                 "Sums are exact when the values are decimals as written.", confidence * 100);
    if (strcmp(type, "compare") == 0)
        return effekt_report_doc_fmt(d, "Method: for a rate, each group's share with a Wilson interval at %g %%, Pearson's "
                                 "chi-square test of homogeneity, pairwise tests with Holm's adjustment, and exact "
                                 "binomial funnel limits; for a value, Welch's t-test or ANOVA and the Mann-Whitney or "
                                 "Kruskal-Wallis test, with Hedges' g.", confidence * 100);
    return effekt_report_doc_fmt(d, "Method: Kaplan-Meier estimates of the share still in work (or not yet placed) with "
                             "Greenwood standard errors and log-transformed %g %% intervals; spells still running at "
                             "follow-up are censored; groups compared by the log-rank test.", confidence * 100);
}

static const char *const kpi_default[] = { "eu_share", "cost_per_participant", "cost_per_job", "planned_cost_per_job",
                                           "placement_rate", "duration_months", NULL };

static void kpi_table(report_doc *d, const effekt_report_spec *s, const cJSON *kdoc)
{
    const cJSON *kspec = cJSON_GetObjectItemCaseSensitive(s->root, "kpis");
    const cJSON *input = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s->root, "inputs"),
                                                          effekt_report_str(kspec, "input"));
    heading(d, 1, word(d, EFFEKT_WORD_REPORT_KEY_FIGURES));
    para(d, effekt_report_doc_fmt(d, "From %s. Shares are of the total cost; unit costs are total cost divided by the count; "
                              "rates carry Wilson intervals at %g %%. A figure that cannot be computed (a missing "
                              "input, a zero count) is shown as n/a, never as zero.",
                           effekt_report_str(input, "file"), s->confidence * 100));
    const cJSON *show = cJSON_GetObjectItemCaseSensitive(kspec, "show");
    size_t nc = 1;
    for (const cJSON *e = show ? show->child : NULL; e; e = e->next)
        nc++;
    if (nc == 1)
        for (size_t k = 0; kpi_default[k]; k++)
            nc++;
    const char **cols = effekt_calloc(nc + 1, sizeof *cols);
    effekt_report_doc_own(d, (void *)cols);
    if (d->failed)
        return;
    size_t c = 0;
    cols[c++] = "project";
    if (show && show->child)
        for (const cJSON *e = show->child; e; e = e->next)
            cols[c++] = e->valuestring;
    else
        for (size_t k = 0; kpi_default[k]; k++)
            cols[c++] = kpi_default[k];
    const cJSON *projects = cJSON_GetObjectItemCaseSensitive(kdoc, "projects");
    const cJSON *first = projects ? projects->child : NULL;
    const char *cur = first ? effekt_report_str(first, "currency") : NULL;
    size_t nr = (size_t)cJSON_GetArraySize(projects);
    const char **header, **cells;
    int *right;
    if (!table(d, nc, nr, &header, &cells, &right))
        return;
    for (size_t k = 0; k < nc; k++) {
        const effekt_kpi_def *def = effekt_kpi_find(cols[k]);
        int share = def && strcmp(def->unit, "share") == 0, money = def && effekt_kpi_is_money(def);
        header[k] = k == 0 ? word(d, EFFEKT_WORD_REPORT_PROJECT)
                  : share ? effekt_report_doc_fmt(d, "%s (%%)", cols[k])
                  : money && cur ? effekt_report_doc_fmt(d, "%s (%s)", cols[k], cur)
                  : strcmp(cols[k], "total_cost") == 0 && cur ? compose(d, EFFEKT_WORD_REPORT_TOTAL_COST, 1, &cur)
                  : def && strcmp(def->unit, "months") == 0 ? compose(d, EFFEKT_WORD_REPORT_MONTHS, 1, &cols[k])
                                                            : cols[k];
        right[k] = k > 0;
        size_t r = 0;
        for (const cJSON *p = first; p; p = p->next, r++) {
            if (k == 0) {
                cells[r * nc] = effekt_report_str(p, "project");
                continue;
            }
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, cols[k]);
            const cJSON *val = cJSON_IsObject(v) ? cJSON_GetObjectItemCaseSensitive(v, "value") : v;
            char buf[96];
            cells[r * nc + k] = !cJSON_IsNumber(val) ? "n/a"
                              : effekt_report_doc_fmt(d, "%s", effekt_locale_format(d->loc, share ? val->valuedouble * 100
                                                                                           : val->valuedouble,
                                                                             share ? 1 : money ? 0 : 1, buf, sizeof buf));
        }
    }
}

static void provenance(report_doc *d, const effekt_report_spec *s, const cJSON *results, const char *version)
{
    heading(d, 1, word(d, EFFEKT_WORD_REPORT_PROVENANCE));
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(s->root, "seed");
    para(d, effekt_report_doc_fmt(d, "effekt %s; confidence %g %%; seed %s; locale %s.", version, s->confidence * 100,
                           cJSON_IsNumber(seed) ? effekt_report_doc_fmt(d, "%.0f", seed->valuedouble) : "none (nothing random)",
                           s->locale));
    const cJSON *ins = cJSON_GetObjectItemCaseSensitive(results, "inputs");
    const char **header, **cells;
    int *right;
    size_t nr = (size_t)cJSON_GetArraySize(ins);
    if (!table(d, 6, nr, &header, &cells, &right))
        return;
    const effekt_word ph[] = { EFFEKT_WORD_REPORT_INPUT, EFFEKT_WORD_REPORT_FILE, EFFEKT_WORD_REPORT_ROWS,
                               EFFEKT_WORD_REPORT_COLUMNS, EFFEKT_WORD_REPORT_MISSING_VALUES };
    for (size_t c = 0; c < 5; c++)
        header[c] = word(d, ph[c]);
    header[5] = "SHA-256";
    right[2] = right[3] = right[4] = 1;
    size_t r = 0;
    for (const cJSON *e = ins->child; e; e = e->next, r++) {
        const cJSON *read = cJSON_GetObjectItemCaseSensitive(e, "read");
        const cJSON *cols = cJSON_GetObjectItemCaseSensitive(read, "columns");
        double missing = 0;
        for (const cJSON *col = cols ? cols->child : NULL; col; col = col->next) {
            const cJSON *m = cJSON_GetObjectItemCaseSensitive(col, "missing");
            missing += cJSON_IsNumber(m) ? m->valuedouble : 0;
        }
        const cJSON *rows = cJSON_GetObjectItemCaseSensitive(read, "rows");
        cells[r * 6 + 0] = effekt_report_str(e, "name");
        cells[r * 6 + 1] = effekt_report_str(e, "file");
        cells[r * 6 + 2] = cJSON_IsNumber(rows) ? number_text(d, rows->valuedouble) : "n/a";
        cells[r * 6 + 3] = number_text(d, (double)cJSON_GetArraySize(cols));
        cells[r * 6 + 4] = number_text(d, missing);
        cells[r * 6 + 5] = effekt_report_str(e, "sha256");
    }
}

void effekt_report_doc_build(report_doc *d, const effekt_report_spec *s, const cJSON *results,
                      const effekt_chart *const *charts, size_t n_charts, const char *version)
{
    /* the note under the title: a paragraph of level -1, first */
    const char *inputs_line = "";
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(s->root, "inputs");
    for (const cJSON *in = inputs->child; in; in = in->next)
        inputs_line = effekt_report_doc_fmt(d, "%s%s%s", inputs_line, in == inputs->child ? "" : ", ", effekt_report_str(in, "file"));
    effekt_block *note = effekt_report_doc_block(d, EFFEKT_BLOCK_PARAGRAPH);
    if (note) {
        note->level = -1;
        note->text = effekt_report_doc_fmt(d, "Data: %s.\nMade with effekt %s from %s; the same spec and data give the same "
                                       "report, byte for byte.", inputs_line, version, s->path);
    }
    const cJSON *kdoc = cJSON_GetObjectItemCaseSensitive(results, "kpis");
    if (kdoc)
        kpi_table(d, s, kdoc);
    if (n_charts) {
        effekt_report_doc_block(d, EFFEKT_BLOCK_PAGE_BREAK);
        heading(d, 1, word(d, EFFEKT_WORD_REPORT_CHARTS));
        for (size_t k = 0; k < n_charts; k++) {
            effekt_block *b = effekt_report_doc_block(d, EFFEKT_BLOCK_CHART);
            if (b)
                b->chart = charts[k];
        }
    }
    static const char *const sections[] = { "statistics", "groups", "curves", "tests", "pairwise" };
    static const effekt_word section_words[] = { EFFEKT_WORD_REPORT_STATISTICS, EFFEKT_WORD_REPORT_GROUPS,
                                                  EFFEKT_WORD_REPORT_CURVES, EFFEKT_WORD_REPORT_TESTS,
                                                  EFFEKT_WORD_REPORT_PAIRWISE };
    const cJSON *analyses = cJSON_GetObjectItemCaseSensitive(results, "analyses");
    for (const cJSON *e = analyses ? analyses->child : NULL; e; e = e->next) {
        const cJSON *an = cJSON_GetObjectItemCaseSensitive(e, "spec"), *doc = cJSON_GetObjectItemCaseSensitive(e, "result");
        const char *type = effekt_report_str(an, "type");
        const char *args[] = { type, effekt_report_str(an, "input"), effekt_report_str(an, "by") };
        heading(d, 1, effekt_report_str(an, "title") ? effekt_report_str(an, "title")
                      : compose(d, args[2] ? EFFEKT_WORD_REPORT_ANALYSIS_OF_BY : EFFEKT_WORD_REPORT_ANALYSIS_OF,
                                args[2] ? 3 : 2, args));
        para(d, method_words(d, type, s->confidence));
        for (size_t k = 0; k < 5; k++) {
            const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, sections[k]);
            if (cJSON_IsArray(arr) && arr->child) {
                heading(d, 2, word(d, section_words[k]));
                json_table(d, arr, "file");
            }
        }
    }
    heading(d, 1, word(d, EFFEKT_WORD_REPORT_WARNINGS));
    const cJSON *warn = kdoc ? cJSON_GetObjectItemCaseSensitive(kdoc, "warnings") : NULL;
    if (cJSON_IsArray(warn) && warn->child)
        json_table(d, warn, "severity");
    else
        para(d, word(d, EFFEKT_WORD_REPORT_NO_WARNINGS));
    heading(d, 1, word(d, EFFEKT_WORD_REPORT_METHODS));
    para(d, "KPIs follow the product's definitions: a pooled unit cost is a ratio of sums (the sum of costs over the sum "
            "of jobs), never a mean of ratios; a KPI whose inputs are missing or whose denominator is zero is undefined "
            "and reported with its reason. Proportions carry Wilson score intervals. Descriptive statistics keep "
            "missing values out and count them; quantiles are R's type 7. Retention uses Kaplan-Meier estimates with "
            "Greenwood variances; tests are stated with their statistic, degrees of freedom and p-value. Every "
            "statistic is tested in effekt's test suite against R or NIST certified values.");
    provenance(d, s, results, version);
}
