/* The fair comparison of projects (spec "fair_comparison", issue 19):
 * placements observed against expected given whom each project served
 * (effekt_casemix_run), the placement rates pooled with random effects
 * and the prediction interval for a new project (effekt_meta_run), and
 * a Cox model of how long the jobs last (effekt_cox_run).  The models
 * run once with the other analyses (effekt_report_fair_run): their JSON
 * as the commands write it (data/fair-*.json, the same bytes as effekt
 * compare --adjust, effekt meta and effekt retention --cox give) and in
 * results.json; the section (effekt_rb_fair) shows them in words and
 * tables, every number through the locale.  Nothing here computes a
 * statistic. */
#include "config.h"

#include "lib_json.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/casemix.h"
#include "effekt/cox.h"
#include "effekt/meta.h"
#include "effekt/retention.h"
#include "effekt/typeset.h"
#include "report_int.h"

struct report_fair {
    const cJSON *spec;              /* the spec's "fair_comparison" */
    const char *input;              /* its participant input's name */
    const effekt_table *t;
    const char *path;
    const char *by, *outcome;
    effekt_casemix_result *cm;      /* NULL: no "adjust" */
    effekt_meta_result *meta;       /* NULL: no "pool" */
    effekt_cox_result *cox;         /* NULL: no "cox" */
};

#define MAX_FAIR 64   /* columns of adjust or cox */

/* The participant input of the fair comparison: its own "input", else
 * the spec's participants. */
static const char *fair_input(const effekt_report_spec *spec, const cJSON *fc)
{
    const char *in = effekt_report_str(fc, "input");
    return in ? in : effekt_report_str(spec->root, "participants");
}

static const effekt_table *table_of(const effekt_report_spec *spec, effekt_table *const *tables, const char *input,
                                    const char **path)
{
    for (size_t i = 0; input && i < spec->n_inputs; i++)
        if (strcmp(spec->input_names[i], input) == 0) {
            *path = spec->input_paths[i];
            return tables[i];
        }
    return NULL;
}

int effekt_report_fair_check(const effekt_report_spec *spec, effekt_table *const *tables, effekt_diag *diag)
{
    const cJSON *fc = cJSON_GetObjectItemCaseSensitive(spec->root, "fair_comparison");
    if (!fc)
        return 0;
    const char *path = NULL;
    const effekt_table *t = table_of(spec, tables, fair_input(spec, fc), &path);
    if (!t)
        return 0;   /* the spec check said so */
    int bad = 0;
    static const char *const one[] = { "by", "outcome", "strata" };
    for (size_t k = 0; k < 3; k++) {
        const char *name = effekt_report_str(fc, one[k]);
        if (name && !effekt_table_column(t, name)) {
            effekt_diag_add(diag, EFFEKT_ERROR, spec->path, 0, 0, NULL, NULL, "fair_comparison.%s: no column '%s' in %s",
                            one[k], name, path);
            bad = 1;
        }
    }
    static const char *const lists[] = { "adjust", "cox" };
    for (size_t l = 0; l < 2; l++) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(fc, lists[l]);
        size_t j = 0;
        for (const cJSON *e = a ? a->child : NULL; e; e = e->next, j++)
            if (cJSON_IsString(e) && !effekt_table_column(t, e->valuestring)) {
                effekt_diag_add(diag, EFFEKT_ERROR, spec->path, 0, 0, NULL, NULL,
                                "fair_comparison.%s[%zu]: no column '%s' in %s", lists[l], j, e->valuestring, path);
                bad = 1;
            }
    }
    return bad;
}

/* The problems of one model into the run's: a problem with a line keeps
 * its place in the data, one without names the spec's key and the file. */
static void say(const effekt_report_spec *spec, effekt_diag *diag, const char *key, const char *file,
                const effekt_diag *part)
{
    for (size_t i = 0; i < part->n; i++) {
        const effekt_diag_problem *p = &part->items[i];
        if (p->line)
            effekt_diag_add(diag, p->severity, p->file, p->line, p->column, p->column_name, p->value,
                            "fair_comparison.%s: %s", key, p->message);
        else if (p->severity == EFFEKT_ERROR)
            effekt_diag_add(diag, p->severity, spec->path, 0, 0, p->column_name, p->value, "fair_comparison.%s: %s in %s",
                            key, p->message, file);
        else
            effekt_diag_add(diag, p->severity, file, 0, 0, p->column_name, p->value, "fair_comparison.%s: %s", key,
                            p->message);
    }
}

static size_t strings(const cJSON *a, const char **out)
{
    size_t n = 0;
    for (const cJSON *e = a ? a->child : NULL; e && n < MAX_FAIR; e = e->next)
        out[n++] = e->valuestring;
    return n;
}

static effekt_status add_doc(effekt_report *rep, cJSON *fair_results, const char *key, const char *file, cJSON *doc)
{
    char *text = effekt_cjson_print(doc, 1);
    if (!text) {
        cJSON_Delete(doc);
        return EFFEKT_ENOMEM;
    }
    size_t len = strlen(text);
    char *nt = effekt_realloc(text, len + 2);
    if (!nt) {
        free(text);
        cJSON_Delete(doc);
        return EFFEKT_ENOMEM;
    }
    nt[len] = '\n';
    nt[len + 1] = '\0';
    cJSON_AddItemToObject(fair_results, key, doc);
    return effekt_report_add_file(rep, file, nt, len + 1);
}

/* O/E: the document of effekt compare --by --outcome --adjust. */
static effekt_status run_casemix(report_fair *f, const effekt_report_spec *spec, effekt_report *rep, cJSON *res,
                                 effekt_diag *diag)
{
    const cJSON *adj = cJSON_GetObjectItemCaseSensitive(f->spec, "adjust");
    const char *names[MAX_FAIR];
    effekt_casemix_options co;
    effekt_casemix_options_init(&co);
    co.by = f->by;
    co.outcome = f->outcome;
    co.adjust = names;
    co.n_adjust = strings(adj, names);
    co.confidence = spec->confidence;
    const char *od = effekt_report_str(f->spec, "overdispersion");
    if (od)
        effekt_overdispersion_parse(od, &co.overdispersion);   /* checked with the spec */
    effekt_diag part;
    effekt_diag_init(&part);
    effekt_status st = effekt_casemix_run(f->t, &co, &f->cm, &part);
    say(spec, diag, "adjust", f->path, &part);
    if (st != EFFEKT_OK && !part.n_by_severity[EFFEKT_ERROR])
        effekt_diag_add(diag, EFFEKT_ERROR, spec->path, 0, 0, NULL, NULL, "fair_comparison.adjust: %s in %s",
                        effekt_status_message(st), f->path);
    effekt_diag_clear(&part);
    if (st != EFFEKT_OK)
        return st;
    cJSON *doc = cJSON_CreateObject();
    if (!doc)
        return EFFEKT_ENOMEM;
    cJSON_AddStringToObject(doc, "by", co.by);
    cJSON_AddStringToObject(doc, "outcome", co.outcome);
    cJSON *a = cJSON_AddArrayToObject(doc, "adjusted_for");
    for (size_t i = 0; i < co.n_adjust; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(names[i]));
    cJSON_AddNumberToObject(doc, "confidence", co.confidence);
    cJSON_AddArrayToObject(doc, "groups");
    cJSON_AddArrayToObject(doc, "funnel");
    cJSON_AddArrayToObject(doc, "coefficients");
    cJSON_AddArrayToObject(doc, "fit");
    st = effekt_casemix_json(f->cm, NULL, effekt_json_of(doc));
    if (st != EFFEKT_OK) {
        cJSON_Delete(doc);
        return st;
    }
    return add_doc(rep, res, "casemix", "data/fair-casemix.json", doc);
}

/* The pooled rate: the document of effekt meta --by --outcome. */
static effekt_status run_meta(report_fair *f, const effekt_report_spec *spec, effekt_report *rep, cJSON *res,
                              effekt_diag *diag)
{
    effekt_meta_options mo;
    effekt_meta_options_init(&mo);
    const char *method = effekt_report_str(f->spec, "method");
    if (method)
        effekt_meta_method_parse(method, &mo.method);   /* checked with the spec */
    mo.knha = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f->spec, "knha"));
    mo.confidence = spec->confidence;
    mo.by = f->by;
    mo.outcome = f->outcome;
    effekt_diag part;
    effekt_diag_init(&part);
    effekt_status st = effekt_meta_run(f->t, &mo, &f->meta, &part);
    say(spec, diag, "pool", f->path, &part);
    if (st != EFFEKT_OK && !part.n_by_severity[EFFEKT_ERROR])
        effekt_diag_add(diag, EFFEKT_ERROR, spec->path, 0, 0, NULL, NULL, "fair_comparison.pool: %s in %s",
                        effekt_status_message(st), f->path);
    effekt_diag_clear(&part);
    if (st != EFFEKT_OK)
        return st;
    cJSON *doc = cJSON_CreateObject();
    if (!doc)
        return EFFEKT_ENOMEM;
    st = effekt_meta_json_head(&mo, effekt_json_of(doc));
    if (st == EFFEKT_OK)
        st = effekt_meta_json(f->meta, NULL, effekt_json_of(doc));
    if (st != EFFEKT_OK) {
        cJSON_Delete(doc);
        return st;
    }
    return add_doc(rep, res, "meta", "data/fair-meta.json", doc);
}

/* The Cox model: the document of effekt retention FILE --cox COLUMNS
 * [--strata COLUMN] (its Kaplan-Meier curve of all spells too). */
static effekt_status run_cox(report_fair *f, const effekt_report_spec *spec, effekt_report *rep, cJSON *res,
                             effekt_diag *diag)
{
    const char *names[MAX_FAIR];
    effekt_retention_options ro;
    effekt_retention_options_init(&ro);
    ro.confidence = spec->confidence;
    effekt_cox_options co;
    effekt_cox_options_init(&co);
    co.spells = ro.spells;
    co.covariates = names;
    co.n_covariates = strings(cJSON_GetObjectItemCaseSensitive(f->spec, "cox"), names);
    co.strata = effekt_report_str(f->spec, "strata");
    co.confidence = spec->confidence;
    effekt_retention_result *km = NULL;
    effekt_diag part;
    effekt_diag_init(&part);
    effekt_status st = effekt_retention_run(f->t, &ro, &km, &part);
    if (st == EFFEKT_OK)
        st = effekt_cox_run(f->t, &co, &f->cox, &part);
    say(spec, diag, "cox", f->path, &part);
    if (st != EFFEKT_OK && !part.n_by_severity[EFFEKT_ERROR])
        effekt_diag_add(diag, EFFEKT_ERROR, spec->path, 0, 0, NULL, NULL, "fair_comparison.cox: %s in %s",
                        effekt_status_message(st), f->path);
    effekt_diag_clear(&part);
    cJSON *doc = st == EFFEKT_OK ? cJSON_CreateObject() : NULL;
    if (st == EFFEKT_OK && !doc)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK)
        st = effekt_retention_json_head(&ro, effekt_json_of(doc));
    if (st == EFFEKT_OK) {
        cJSON_AddArrayToObject(doc, "cox");
        cJSON_AddArrayToObject(doc, "cox_tests");
        cJSON_AddArrayToObject(doc, "cox_zph");
        st = effekt_cox_json(f->cox, f->path, effekt_json_of(doc));
    }
    if (st == EFFEKT_OK)
        st = effekt_retention_json(km, f->path, effekt_json_of(doc));
    effekt_retention_result_destroy(km);
    if (st != EFFEKT_OK) {
        cJSON_Delete(doc);
        return st;
    }
    return add_doc(rep, res, "cox", "data/fair-cox.json", doc);
}

effekt_status effekt_report_fair_run(const effekt_report_spec *spec, effekt_table *const *tables, effekt_report *rep,
                                     cJSON *results, effekt_diag *diag, report_fair **out)
{
    *out = NULL;
    const cJSON *fc = cJSON_GetObjectItemCaseSensitive(spec->root, "fair_comparison");
    if (!fc)
        return EFFEKT_OK;
    report_fair *f = effekt_calloc(1, sizeof *f);
    cJSON *res = cJSON_CreateObject();
    if (!f || !res) {
        free(f);
        cJSON_Delete(res);
        return EFFEKT_ENOMEM;
    }
    f->spec = fc;
    f->input = fair_input(spec, fc);
    f->t = table_of(spec, tables, f->input, &f->path);
    f->by = effekt_report_str(fc, "by") ? effekt_report_str(fc, "by") : "project_id";
    f->outcome = effekt_report_str(fc, "outcome") ? effekt_report_str(fc, "outcome") : "placed_date";
    cJSON_AddItemToObject(results, "fair_comparison", res);
    effekt_status st = f->t ? EFFEKT_OK : EFFEKT_EINVAL;
    if (st == EFFEKT_OK && cJSON_GetObjectItemCaseSensitive(fc, "adjust"))
        st = run_casemix(f, spec, rep, res, diag);
    if (st == EFFEKT_OK && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(fc, "pool")))
        st = run_meta(f, spec, rep, res, diag);
    if (st == EFFEKT_OK && cJSON_GetObjectItemCaseSensitive(fc, "cox"))
        st = run_cox(f, spec, rep, res, diag);
    if (st != EFFEKT_OK) {
        effekt_report_fair_destroy(f);
        return st;
    }
    *out = f;
    return EFFEKT_OK;
}

void effekt_report_fair_destroy(report_fair *f)
{
    if (!f)
        return;
    effekt_casemix_result_destroy(f->cm);
    effekt_meta_result_destroy(f->meta);
    effekt_cox_result_destroy(f->cox);
    free(f);
}

/* ---- the section ---- */

/* A project's name from the KPI input's name column, else its id. */
static const char *name_of(report_build *b, const char *id)
{
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(b->spec->root, "kpis");
    const effekt_table *t = effekt_rb_input(b, effekt_report_str(k, "input"), NULL);
    const effekt_column *idc = t ? effekt_table_column(t, "project_id") : NULL;
    const effekt_column *nc = t ? effekt_table_column(t, "name") : NULL;
    for (size_t r = 0; idc && idc->text && nc && nc->text && r < t->n_rows; r++)
        if (idc->text[r] && nc->text[r] && strcmp(idc->text[r], id) == 0)
            return nc->text[r];
    return id;
}

/* "Go Vest (this project)" for the report's own project. */
static const char *project_cell(report_build *b, const char *id, const char *this_id)
{
    const char *name = name_of(b, id);
    return this_id && strcmp(id, this_id) == 0 ? effekt_rb_compose(b, EFFEKT_WORD_RP_THIS_PROJECT, 1, name) : name;
}

/* "alder, køn og uddannelse": columns as a reader says them. */
static const char *column_list(report_build *b, const cJSON *a)
{
    const char *list = NULL;
    for (const cJSON *e = a ? a->child : NULL; e; e = e->next) {
        const char *w = effekt_text_column(b->loc, e->valuestring);
        list = !list ? w : e->next ? effekt_rb_fmt(b, "%s, %s", list, w)
                                   : effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_AND, 2, list, w);
    }
    return list ? list : "";
}

static const char *level_text(report_build *b)
{
    char level[32];
    effekt_locale_format_percent(b->loc, b->spec->confidence, -1, level, sizeof level);
    return effekt_rb_fmt(b, "%s", level);
}

static const char *interval(report_build *b, double v, double lo, double hi, int decimals)
{
    char buf[128];
    if (isnan(v))
        return effekt_rb_word(b, EFFEKT_WORD_RP_NA);
    return effekt_rb_fmt(b, "%s", effekt_typeset_interval(b->loc, v, lo, hi, decimals, buf, sizeof buf));
}

/* buf with a no-break space before each percent sign: "50,9 %" stays on one line */
static const char *keep_percent(report_build *b, const char *buf)
{
    char out[160];
    size_t o = 0;
    for (const char *s = buf; *s && o + 3 < sizeof out; s++) {
        if (s[0] == ' ' && s[1] == '%') {
            memcpy(out + o, "\u00a0", 2);
            o += 2;
        } else {
            out[o++] = *s;
        }
    }
    out[o] = '\0';
    return effekt_rb_fmt(b, "%s", out);
}

/* "50,9 % (42,8–59,0)" */
static const char *share_interval(report_build *b, double v, double lo, double hi)
{
    char buf[128];
    if (isnan(v))
        return effekt_rb_word(b, EFFEKT_WORD_RP_NA);
    return keep_percent(b, effekt_typeset_share_interval(b->loc, v, lo, hi, 1, buf, sizeof buf));
}

/* "p < 0,001" / "p = 0,042": a p-value after its letter. */
static const char *p_after(report_build *b, double p)
{
    char buf[64];
    effekt_typeset_p(b->loc, p, buf, sizeof buf);
    return buf[0] == '<' ? effekt_rb_fmt(b, "%s", buf) : effekt_rb_fmt(b, "=\u00a0%s", buf);
}

static const char *p_cell(report_build *b, double p)
{
    char buf[64];
    return effekt_rb_fmt(b, "%s", effekt_typeset_p(b->loc, p, buf, sizeof buf));
}

/* Where a project's O/E lies in the funnel, in words. */
static const char *funnel_place(report_build *b, const effekt_casemix_group *g)
{
    char l95[32], l998[32];
    const char *p95 = keep_percent(b, effekt_locale_format_percent(b->loc, 0.95, -1, l95, sizeof l95));
    const char *p998 = keep_percent(b, effekt_locale_format_percent(b->loc, 0.998, -1, l998, sizeof l998));
    if (g->ratio > g->upper_99_8)
        return effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_ABOVE, 1, p998);
    if (g->ratio < g->lower_99_8)
        return effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_BELOW, 1, p998);
    if (g->ratio > g->upper_95)
        return effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_ABOVE, 1, p95);
    if (g->ratio < g->lower_95)
        return effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_BELOW, 1, p95);
    return effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_INSIDE);
}

/* A coefficient as a reader says it: "køn: mænd (mod kvinder)", "alder, pr. år". */
static const char *coef_label(report_build *b, const char *column, const char *level, const char *reference)
{
    const char *col = effekt_rb_capital(b, effekt_text_column(b->loc, column));
    if (level)
        return effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_LEVEL, 3, col, effekt_rb_value(b, level),
                                 effekt_rb_value(b, reference ? reference : "?"));
    return effekt_rb_compose(b, strcmp(column, "age") == 0 ? EFFEKT_WORD_RP_FAIR_PER_YEAR : EFFEKT_WORD_RP_FAIR_PER_UNIT,
                             1, col);
}

static const char *model_reference(const effekt_model_result *m, const char *column)
{
    for (size_t i = 0; i < m->n_factors; i++)
        if (strcmp(m->factors[i].column, column) == 0)
            return m->factors[i].level;
    return NULL;
}

static const char *cox_reference(const effekt_cox_result *r, const char *term)
{
    for (size_t i = 0; i < r->n_zph; i++)
        if (r->zph[i].term && strcmp(r->zph[i].term, term) == 0)
            return r->zph[i].reference;
    return NULL;
}

/* The figure of chart; title: the chart's heading in the reader's words
 * (its own says "job efter projekt: ..."). */
static void figure(report_build *b, const report_fair *f, const char *name, effekt_chart *chart, effekt_status st,
                   const char *title, const char *caption)
{
    if (st == EFFEKT_OK && !(chart->title = effekt_chart_keep(chart, title)))
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK)
        st = effekt_chart_caption(chart, &f->t, 1, &f->path, 1, PACKAGE_VERSION, b->loc);
    if (st == EFFEKT_OK)
        st = effekt_chart_status(chart);
    if (st != EFFEKT_OK) {
        effekt_chart_destroy(chart);
        effekt_rb_check(b, st);
        return;
    }
    effekt_rb_figure(b, name, chart, caption, effekt_rb_source(b, f->t));
}

static void section_oe(report_build *b, const report_fair *f, int synthetic, const char *this_id)
{
    const effekt_casemix_result *r = f->cm;
    const cJSON *adj = cJSON_GetObjectItemCaseSensitive(f->spec, "adjust");
    const char *cols = column_list(b, adj), *level = level_text(b);
    effekt_rb_section(b, 2, "fair-adjusted", effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_OE));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY,
                   effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_OE_METHOD, 3, cols, effekt_rb_num(b, (double)r->model->n_used, 0),
                                     effekt_rb_num(b, (double)r->n_compared, 0)));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_OE_FUNDER));
    const char *phi = "";
    if (r->widened)
        phi = r->overdispersion == EFFEKT_OVERDISPERSION_ADDITIVE
                  ? effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_PHI_WIDENED_ADD, 1, effekt_rb_num(b, r->tau2, 3))
                  : effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_PHI_WIDENED, 1, effekt_rb_num(b, r->phi, 2));
    else if (!isnan(r->phi))
        phi = effekt_rb_compose(b, r->phi_p < 0.05 ? EFFEKT_WORD_RP_FAIR_PHI_HIGH : EFFEKT_WORD_RP_FAIR_PHI_OK, 2,
                                effekt_rb_num(b, r->phi, 2), p_after(b, r->phi_p));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_OE_LIMITS, 2, cols, phi));

    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_NAME), effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_PARTICIPANTS),
                        effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_OBSERVED), effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_EXPECTED),
                        effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_H_OE, 1, level),
                        effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_FUNNEL) };
    const effekt_align al[] = { EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_RIGHT,
                                EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_LEFT };
    effekt_rb_table(b, "fair-oe", effekt_rb_mark(b, effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_CAP_OE, 1, cols), synthetic),
                    6, h, al);
    double n = 0;
    for (size_t g = 0; g < r->n_groups; g++) {
        const effekt_casemix_group *cg = &r->groups[g];
        if (cg->missing_group)
            continue;
        const char *cells[] = { project_cell(b, cg->label, this_id), effekt_rb_num(b, (double)cg->n, 0),
                                effekt_rb_num(b, cg->observed, 0), effekt_rb_num(b, cg->expected, 1),
                                interval(b, cg->ratio, cg->lower, cg->upper, 2), funnel_place(b, cg) };
        effekt_rb_row(b, cells, 0);
        n += (double)cg->n;
    }
    const char *tot[] = { effekt_rb_word(b, EFFEKT_WORD_RP_TOTAL), effekt_rb_num(b, n, 0), effekt_rb_num(b, r->observed, 0),
                          effekt_rb_num(b, r->expected, 1), effekt_rb_num(b, r->observed / r->expected, 2), NULL };
    effekt_rb_row(b, tot, 1);
    effekt_rb_end(b, effekt_rb_source(b, f->t));

    effekt_chart_options co = { .locale = b->loc, .confidence = b->spec->confidence };
    effekt_chart *chart = NULL;
    effekt_diag part;
    effekt_diag_init(&part);
    effekt_status st = b->st == EFFEKT_OK ? effekt_chart_build_casemix(r, f->by, &co, &chart, &part) : b->st;
    effekt_rb_forward(b, "fair-oe-funnel", &part);
    effekt_diag_clear(&part);
    figure(b, f, "fair-oe-funnel", chart, st,
           effekt_rb_mark(b, effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_CAP_OE, 1, cols), synthetic),
           effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_FIG_OE), synthetic));

    /* the case-mix model itself: which characteristics go with placement */
    const effekt_model_result *m = r->model;
    const char *mh[] = { effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_TERM),
                         effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_H_OR, 1, level), effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_P) };
    effekt_rb_table(b, "fair-casemix-model", effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_CAP_MODEL), synthetic),
                    3, mh, NULL);
    for (size_t j = 0; j < m->n_coefs; j++) {
        const effekt_model_coef *c = &m->coefs[j];
        if (!c->column)
            continue;   /* the intercept */
        const char *cells[] = { coef_label(b, c->column, c->level, model_reference(m, c->column)),
                                interval(b, c->exp_estimate, c->exp_lower, c->exp_upper, 3), p_cell(b, c->p) };
        effekt_rb_row(b, cells, 0);
    }
    effekt_rb_end(b, effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_MODEL_NOTE, 2, effekt_rb_num(b, (double)m->n_used, 0),
                                       effekt_rb_num(b, (double)m->n_dropped, 0)));
}

static const char *method_words(report_build *b, const effekt_meta_result *r)
{
    const char *m = effekt_rb_word(b, r->options.method == EFFEKT_META_DL   ? EFFEKT_WORD_RP_FAIR_METHOD_DL
                                      : r->options.method == EFFEKT_META_PM ? EFFEKT_WORD_RP_FAIR_METHOD_PM
                                                                             : EFFEKT_WORD_RP_FAIR_METHOD_REML);
    return r->options.knha ? effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_KNHA, 1, m) : m;
}

/* "0,032–0,840": the interval of tau^2 */
static const char *tau2_range(report_build *b, const effekt_meta_result *r)
{
    char buf[160];
    return effekt_rb_fmt(b, "%s", effekt_typeset_range(effekt_rb_num(b, r->tau2_lower, 3), effekt_rb_num(b, r->tau2_upper, 3),
                                                       buf, sizeof buf));
}

static void section_pool(report_build *b, const report_fair *f, int synthetic, const char *this_id)
{
    const effekt_meta_result *r = f->meta;
    const char *level = level_text(b);
    effekt_rb_section(b, 2, "fair-pooled", effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_POOL));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY,
                   effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_POOL_METHOD, 4, effekt_rb_num(b, (double)r->k, 0),
                                     method_words(b, r), share_interval(b, r->value, r->value_lower, r->value_upper),
                                     share_interval(b, r->value, r->value_pi_lower, r->value_pi_upper)));
    char i2[64];
    effekt_locale_format_percent(b->loc, r->i2 / 100, 1, i2, sizeof i2);
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY,
                   effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_POOL_FUNDER, 5, effekt_rb_fmt(b, "%s", i2),
                                     effekt_rb_num(b, r->q, 2), effekt_rb_num(b, r->q_df, 0), p_after(b, r->q_p),
                                     effekt_rb_num(b, r->tau2, 3)));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY,
                   effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_POOL_LIMITS, 3, effekt_rb_num(b, (double)r->k, 0),
                                     effekt_rb_num(b, r->tau2, 3), tau2_range(b, r)));
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_NAME), effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_PARTICIPANTS),
                        effekt_rb_word(b, EFFEKT_WORD_RP_PLACED), effekt_rb_compose(b, EFFEKT_WORD_RP_PLACEMENT_RATE, 1, level),
                        effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_WEIGHT) };
    effekt_rb_table(b, "fair-pool", effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_CAP_POOL), synthetic), 5, h,
                    NULL);
    double n = 0, x = 0;
    for (size_t i = 0; i < r->k; i++) {
        const effekt_meta_study *s = &r->studies[i];
        const char *cells[] = { project_cell(b, s->label, this_id), effekt_rb_num(b, s->n, 0), effekt_rb_num(b, s->events, 0),
                                share_interval(b, s->value, s->value_lower, s->value_upper), effekt_rb_num(b, s->weight, 1) };
        effekt_rb_row(b, cells, 0);
        n += s->n;
        x += s->events;
    }
    const char *pooled[] = { effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_POOLED_ROW), effekt_rb_num(b, n, 0), effekt_rb_num(b, x, 0),
                             share_interval(b, r->value, r->value_lower, r->value_upper), effekt_rb_num(b, 100, 1) };
    effekt_rb_row(b, pooled, 1);
    const char *pred[] = { effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_PREDICTION_ROW), NULL, NULL,
                           share_interval(b, r->value, r->value_pi_lower, r->value_pi_upper), NULL };
    effekt_rb_row(b, pred, 0);
    effekt_rb_end(b, effekt_rb_source(b, f->t));

    effekt_chart_options co = { .locale = b->loc, .confidence = b->spec->confidence };
    effekt_chart *chart = NULL;
    effekt_diag part;
    effekt_diag_init(&part);
    effekt_status st = b->st == EFFEKT_OK ? effekt_chart_build_meta(r, f->outcome, f->by, &co, &chart, &part) : b->st;
    effekt_rb_forward(b, "fair-pool-forest", &part);
    effekt_diag_clear(&part);
    figure(b, f, "fair-pool-forest", chart, st,
           effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_CAP_POOL), synthetic),
           effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_FIG_POOL), synthetic));
}

static void section_cox(report_build *b, const report_fair *f, int synthetic)
{
    const effekt_cox_result *r = f->cox;
    const char *level = level_text(b);
    effekt_rb_section(b, 2, "fair-retention", effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_COX));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY,
                   effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_COX_METHOD, 3,
                                     column_list(b, cJSON_GetObjectItemCaseSensitive(f->spec, "cox")),
                                     effekt_rb_num(b, (double)r->n, 0), effekt_rb_num(b, (double)r->events, 0)));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_COX_FUNDER));
    double global = r->n_zph ? r->zph[r->n_zph - 1].p : NAN;
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY,
                   effekt_rb_fmt(b, "%s %s",
                                 effekt_rb_compose(b, global < 0.05 ? EFFEKT_WORD_RP_FAIR_COX_PH_BAD : EFFEKT_WORD_RP_FAIR_COX_PH_OK,
                                                   1, p_after(b, global)),
                                 effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_COX_LIMITS, 1,
                                                   effekt_rb_num(b, (double)r->missing, 0))));
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_TERM), effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_H_HR, 1, level),
                        effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_P) };
    effekt_rb_table(b, "fair-cox", effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_CAP_COX), synthetic), 3, h, NULL);
    for (size_t j = 0; j < r->p; j++) {
        const effekt_cox_coef *c = &r->coefs[j];
        const char *cells[] = { coef_label(b, c->term, c->level, cox_reference(r, c->term)),
                                interval(b, c->hr, c->hr_lower, c->hr_upper, 3), p_cell(b, c->p) };
        effekt_rb_row(b, cells, 0);
    }
    effekt_rb_end(b, effekt_rb_source(b, f->t));

    const char *th[] = { effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_TEST), effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_CHISQ),
                         effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_DF), effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_H_P) };
    effekt_rb_table(b, "fair-cox-tests", effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_CAP_COX_TESTS), synthetic), 4,
                    th, NULL);
    const double df = (double)r->p;
    const struct {
        effekt_text_word_id word;
        double chisq, p;
    } tests[] = { { EFFEKT_WORD_RP_FAIR_T_LR, r->lr, r->lr_p },
                  { EFFEKT_WORD_RP_FAIR_T_WALD, r->stats.wald, r->wald_p },
                  { EFFEKT_WORD_RP_FAIR_T_SCORE, r->stats.score, r->score_p } };
    for (size_t i = 0; i < 3; i++) {
        const char *cells[] = { effekt_rb_word(b, tests[i].word), effekt_rb_num(b, tests[i].chisq, 2),
                                effekt_rb_num(b, i == 0 ? r->lr_df : df, 0), p_cell(b, tests[i].p) };
        effekt_rb_row(b, cells, 0);
    }
    for (size_t i = 0; i < r->n_zph; i++) {
        const effekt_cox_term *z = &r->zph[i];
        const char *what = i + 1 == r->n_zph ? effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_T_PH_GLOBAL)
                                             : effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_T_PH, 1,
                                                                 effekt_text_column(b->loc, z->term));
        const char *cells[] = { what, effekt_rb_num(b, z->chisq, 2), effekt_rb_num(b, z->df, 0), p_cell(b, z->p) };
        effekt_rb_row(b, cells, 0);
    }
    effekt_rb_end(b, effekt_rb_source(b, f->t));
}

void effekt_rb_fair(report_build *b, const char *this_id)
{
    const report_fair *f = b->fair;
    if (!f || b->st != EFFEKT_OK)
        return;
    int synthetic = effekt_rb_synthetic(b, f->input);
    effekt_rb_section(b, 1, "fair-comparison", effekt_rb_word(b, EFFEKT_WORD_RP_FAIR));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_FAIR_INTRO));
    if (f->cm)
        section_oe(b, f, synthetic, this_id);
    if (f->meta)
        section_pool(b, f, synthetic, this_id);
    if (f->cox)
        section_cox(b, f, synthetic);
}

void effekt_rb_fair_summary(report_build *b, const char *this_id)
{
    const report_fair *f = b->fair;
    if (!f || b->st != EFFEKT_OK)
        return;
    const effekt_casemix_group *g = NULL;
    for (size_t i = 0; f->cm && this_id && i < f->cm->n_groups; i++)
        if (!f->cm->groups[i].missing_group && strcmp(f->cm->groups[i].label, this_id) == 0)
            g = &f->cm->groups[i];
    const char *pi = f->meta ? effekt_rb_strong(b, share_interval(b, f->meta->value, f->meta->value_pi_lower,
                                                                  f->meta->value_pi_upper))
                             : NULL;
    const char *s = NULL;
    if (g) {
        const char *cols = column_list(b, cJSON_GetObjectItemCaseSensitive(f->spec, "adjust"));
        const char *args[] = { cols, name_of(b, this_id), effekt_rb_strong(b, effekt_rb_num(b, g->observed, 0)),
                               effekt_rb_strong(b, effekt_rb_num(b, g->expected, 1)),
                               effekt_rb_strong(b, interval(b, g->ratio, g->lower, g->upper, 2)), funnel_place(b, g), pi };
        s = pi ? effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_SUM, 7, args[0], args[1], args[2], args[3], args[4], args[5],
                                   args[6])
               : effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_SUM_OE, 6, args[0], args[1], args[2], args[3], args[4], args[5]);
    } else if (pi) {
        s = effekt_rb_compose(b, EFFEKT_WORD_RP_FAIR_SUM_POOL, 1, pi);
    }
    if (s && effekt_rb_synthetic(b, f->input)) {
        size_t len = strlen(s);
        while (len && s[len - 1] == ' ')
            len--;
        s = effekt_rb_compose(b, EFFEKT_WORD_RP_SYNTHETIC_MARK, 1, effekt_rb_fmt(b, "%.*s", (int)len, s));
    }
    if (s)
        effekt_rb_sentence(b, s, "fair-comparison");
}
