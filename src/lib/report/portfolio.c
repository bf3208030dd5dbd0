/* The portfolio of many projects for a funder (spec "kind":
 * "portfolio"): summary, totals and pooled figures by fund and region,
 * the distribution of budgets (charts that fit any number of projects:
 * a histogram, a box per fund, a scatter), the projects that stand out
 * (named), the figures the projects do not report, then data quality,
 * method, provenance and an annex table of all projects. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/typeset.h"
#include "report_int.h"

static const char *const portfolio_kpis[] = { "eu_share", "cost_per_participant", "cost_per_job", "duration_months",
                                              "monthly_cost" };
#define N_PORTFOLIO_KPIS (sizeof portfolio_kpis / sizeof *portfolio_kpis)

typedef struct {
    report_build *b;
    const effekt_table *t;
    const char *path;
    int synthetic;
    effekt_kpi_sheet *sheet;
    size_t k_eu, k_duration;
} pf_ctx;

static size_t kpi_index(const char *name)
{
    const effekt_kpi_def *d = effekt_kpi_definitions();
    size_t k = 0;
    while (d[k].name && strcmp(d[k].name, name) != 0)
        k++;
    return k;
}

static double amount(const pf_ctx *p, const char *column, size_t r)
{
    const effekt_column *c = effekt_table_column(p->t, column);
    return c && c->values ? c->values[r] : NAN;
}

static const char *cell_text(const pf_ctx *p, const char *column, size_t r)
{
    const effekt_column *c = effekt_table_column(p->t, column);
    return c && c->text && c->text[r] ? c->text[r] : NULL;
}

static const char *caption(pf_ctx *p, const char *text)
{
    return effekt_rb_mark(p->b, text, p->synthetic);
}

static const char *source(pf_ctx *p)
{
    return effekt_rb_source(p->b, p->t);
}

/* Totals of budget and EU money, the pooled EU share and the median
 * duration per value of column `by` (funds by name), with a total row. */
static void totals_by(pf_ctx *p, const char *by, const char *id, effekt_text_word_id cap, effekt_text_word_id first)
{
    report_build *b = p->b;
    effekt_kpi_options ko = { .confidence = b->spec->confidence };
    effekt_kpi_group *g = NULL;
    size_t n = 0;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_kpi_group_by(p->t, p->sheet, by, &ko, &g, &n, &diag);
    effekt_diag_clear(&diag);
    if (st != EFFEKT_OK) {
        effekt_kpi_groups_destroy(g, n);
        return;   /* the input has no such column: no table */
    }
    char mio[64];
    effekt_typeset_money_unit(b->loc, "DKK", 1, mio, sizeof mio);
    const char *h[] = { effekt_rb_word(b, first), effekt_rb_word(b, EFFEKT_WORD_RP_PROJECTS_N),
                        effekt_rb_fmt(b, "%s (%s)", effekt_rb_word(b, EFFEKT_WORD_RP_BUDGET), mio),
                        effekt_rb_fmt(b, "%s (%s)", effekt_rb_word(b, EFFEKT_WORD_PART_EU), mio),
                        effekt_rb_word(b, EFFEKT_WORD_RP_EU_SHARE_PCT),
                        effekt_rb_fmt(b, "%s, %s", effekt_rb_word(b, EFFEKT_WORD_RP_DURATION_MONTHS),
                                      effekt_rb_word(b, EFFEKT_WORD_RP_MEDIAN_IQR)) };
    effekt_rb_table(b, id, caption(p, effekt_rb_word(b, cap)), 6, h, NULL);
    const effekt_column *bc = effekt_table_column(p->t, by);
    double all_cost = 0, all_eu = 0;
    for (size_t i = 0; i < n; i++) {
        double cost = 0, eu = 0;
        for (size_t r = 0; r < p->t->n_rows; r++) {
            const char *v = bc && bc->text ? bc->text[r] : NULL;
            if (!(v ? strcmp(v, g[i].group) == 0 : strcmp(g[i].group, "(not reported)") == 0))
                continue;
            if (!isnan(amount(p, "total_cost", r)))
                cost += amount(p, "total_cost", r);
            if (!isnan(amount(p, "eu_contribution", r)))
                eu += amount(p, "eu_contribution", r);
        }
        all_cost += cost;
        all_eu += eu;
        const effekt_kpi_pool *share = &g[i].kpi[p->k_eu], *dur = &g[i].kpi[p->k_duration];
        const char *label = strcmp(g[i].group, "(not reported)") == 0 ? effekt_rb_word(b, EFFEKT_WORD_NOT_REPORTED)
                            : strcmp(by, "fund") == 0                ? effekt_typeset_fund(b->loc, g[i].group)
                                                                      : g[i].group;
        const char *cells[] = { label, effekt_rb_num(b, (double)g[i].n_projects, 0), effekt_rb_num(b, cost / 1e6, 1),
                                effekt_rb_num(b, eu / 1e6, 1),
                                effekt_rb_pct(b, share->pooled.reason[0] ? NAN : share->pooled.value, 1),
                                isnan(dur->median) ? effekt_rb_word(b, EFFEKT_WORD_RP_NA)
                                                   : effekt_rb_fmt(b, "%s (%s\u2013%s)", effekt_rb_num(b, dur->median, 1),
                                                                   effekt_rb_num(b, dur->q1, 1), effekt_rb_num(b, dur->q3, 1)) };
        effekt_rb_row(b, cells, 0);
    }
    const char *tot[] = { effekt_rb_word(b, EFFEKT_WORD_RP_TOTAL), effekt_rb_num(b, (double)p->t->n_rows, 0),
                          effekt_rb_num(b, all_cost / 1e6, 1), effekt_rb_num(b, all_eu / 1e6, 1),
                          effekt_rb_pct(b, all_cost > 0 ? all_eu / all_cost : NAN, 1), "" };
    effekt_rb_row(b, tot, 1);
    effekt_rb_end(b, source(p));
    effekt_kpi_groups_destroy(g, n);
}

/* The distribution of a unit cost the export allows (cost per month;
 * cost per participant or per job when reported) by fund: the pooled
 * ratio of sums beside the spread of the projects' own values. */
static void unit_cost_by_fund(pf_ctx *p, const char *kpi, const char *id)
{
    report_build *b = p->b;
    effekt_kpi_options ko = { .confidence = b->spec->confidence };
    effekt_kpi_group *g = NULL;
    size_t n = 0, k = kpi_index(kpi), used = 0;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_kpi_group_by(p->t, p->sheet, "fund", &ko, &g, &n, &diag);
    effekt_diag_clear(&diag);
    for (size_t i = 0; st == EFFEKT_OK && i < n; i++)
        used += g[i].kpi[k].n_used;
    if (st != EFFEKT_OK || !used) {
        effekt_kpi_groups_destroy(g, n);
        return;   /* no fund column, or no project with the figure */
    }
    char head[160];
    effekt_typeset_kpi_header(b->loc, kpi, "DKK", 0, head, sizeof head);
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_FUND), effekt_rb_word(b, EFFEKT_WORD_RP_PROJECTS_N),
                        effekt_rb_word(b, EFFEKT_WORD_RV_POOLED_SUMS), effekt_rb_word(b, EFFEKT_WORD_RV_MEDIAN_Q),
                        effekt_rb_word(b, EFFEKT_WORD_RV_RANGE) };
    effekt_rb_table(b, id, caption(p, effekt_rb_compose(b, EFFEKT_WORD_RV_CAP_UNIT_FUND, 1, head)), 5, h, NULL);
    for (size_t i = 0; i < n; i++) {
        const effekt_kpi_pool *q = &g[i].kpi[k];
        const char *label = strcmp(g[i].group, "(not reported)") == 0 ? effekt_rb_word(b, EFFEKT_WORD_NOT_REPORTED)
                                                                      : effekt_typeset_fund(b->loc, g[i].group);
        const char *na = effekt_rb_word(b, EFFEKT_WORD_RP_NA);
        const char *cells[] = {
            label, effekt_rb_num(b, (double)q->n_used, 0),
            q->pooled.reason[0] || isnan(q->pooled.value) ? na : effekt_rb_num(b, q->pooled.value, 0),
            isnan(q->median) ? na
                             : effekt_rb_fmt(b, "%s (%s\u2013%s)", effekt_rb_num(b, q->median, 0), effekt_rb_num(b, q->q1, 0),
                                             effekt_rb_num(b, q->q3, 0)),
            isnan(q->min) ? na : effekt_rb_fmt(b, "%s\u2013%s", effekt_rb_num(b, q->min, 0), effekt_rb_num(b, q->max, 0))
        };
        effekt_rb_row(b, cells, 0);
    }
    effekt_rb_end(b, source(p));
    effekt_kpi_groups_destroy(g, n);
}

static effekt_chart *chart(pf_ctx *p, const char *json)
{
    return effekt_rb_chart(p->b, p->t, p->path, json);
}

/* Tukey's fences on the EU share within each fund: the projects outside
 * them, named, with their fund's quartiles. */
static size_t outliers(pf_ctx *p, int write)
{
    report_build *b = p->b;
    effekt_kpi_options ko = { .confidence = b->spec->confidence };
    effekt_kpi_group *g = NULL;
    size_t n = 0, found = 0;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_kpi_group_by(p->t, p->sheet, "fund", &ko, &g, &n, &diag);
    effekt_diag_clear(&diag);
    const effekt_column *fc = effekt_table_column(p->t, "fund");
    if (st == EFFEKT_OK && write) {
        const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_NAME), effekt_rb_word(b, EFFEKT_WORD_RP_FUND),
                            effekt_rb_word(b, EFFEKT_WORD_RP_EU_SHARE_PCT),
                            effekt_rb_fmt(b, "%s (%%)", effekt_rb_capital(b, effekt_rb_word(b, EFFEKT_WORD_RP_MEDIAN_IQR))) };
        const effekt_align al[] = { EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_RIGHT };
        effekt_rb_table(b, "outliers", caption(p, effekt_rb_word(b, EFFEKT_WORD_RP_CAP_OUTLIERS)), 4, h, al);
    }
    for (size_t i = 0; st == EFFEKT_OK && fc && i < n; i++) {
        const effekt_kpi_pool *s = &g[i].kpi[p->k_eu];
        double iqr = s->q3 - s->q1, lo = s->q1 - 1.5 * iqr, hi = s->q3 + 1.5 * iqr;
        for (size_t r = 0; r < p->t->n_rows && !isnan(iqr); r++) {
            const effekt_kpi_value f_v = effekt_kpi_figure(p->sheet, r, p->k_eu), *f = &f_v;
            if (!fc->text[r] || strcmp(fc->text[r], g[i].group) != 0 || f->reason[0])
                continue;
            if (f->value >= lo - 1e-12 && f->value <= hi + 1e-12)
                continue;
            found++;
            if (!write)
                continue;
            char q[96];
            effekt_typeset_range(effekt_rb_num(b, s->q1 * 100, 1), effekt_rb_num(b, s->q3 * 100, 1), q, sizeof q);
            const char *cells[] = { p->sheet->name[r] ? p->sheet->name[r] : p->sheet->project[r],
                                    effekt_typeset_fund(b->loc, g[i].group), effekt_rb_num(b, f->value * 100, 1),
                                    effekt_rb_fmt(b, "%s (%s)", effekt_rb_num(b, s->median * 100, 1), q) };
            effekt_rb_row(b, cells, 0);
        }
    }
    if (st == EFFEKT_OK && write)
        effekt_rb_end(b, effekt_rb_word(b, EFFEKT_WORD_RP_OUTLIER_RULE));
    effekt_kpi_groups_destroy(g, n);
    return found;
}

static void summary(pf_ctx *p)
{
    report_build *b = p->b;
    effekt_rb_check(b, effekt_document_section(b->doc, 1, 0, "summary", effekt_rb_word(b, EFFEKT_WORD_RP_SUMMARY)));
    double cost = 0, eu = 0;
    for (size_t r = 0; r < p->t->n_rows; r++) {
        if (!isnan(amount(p, "total_cost", r)))
            cost += amount(p, "total_cost", r);
        if (!isnan(amount(p, "eu_contribution", r)))
            eu += amount(p, "eu_contribution", r);
    }
    const char *s = effekt_rb_compose(b, EFFEKT_WORD_RP_SUM_PORTFOLIO, 3,
                                      effekt_rb_strong(b, effekt_rb_num(b, (double)p->t->n_rows, 0)),
                                      effekt_rb_strong(b, effekt_rb_money(b, cost)),
                                      effekt_rb_strong(b, effekt_rb_fmt(b, "%s (%s)", effekt_rb_money(b, eu),
                                                                        effekt_rb_pct(b, eu / cost, 1))));
    const char *refs[4] = { "totals", NULL, NULL, NULL };
    const char *texts[4] = { s, NULL, NULL, NULL };
    size_t n_out = outliers(p, 0);
    size_t no_jobs = 0;
    size_t k_cpj = kpi_index("cost_per_job");
    for (size_t r = 0; r < p->sheet->n_projects; r++)
        no_jobs += effekt_kpi_figure(p->sheet, r, k_cpj).reason[0] != 0;
    if (no_jobs == p->sheet->n_projects) {
        texts[1] = effekt_rb_word(b, EFFEKT_WORD_RP_SUM_PORTFOLIO_MISSING);
        refs[1] = "missing";
    }
    if (effekt_table_column(p->t, "fund")) {   /* outliers are within a fund */
        texts[2] = effekt_rb_compose(b, EFFEKT_WORD_RP_SUM_OUTLIERS, 1,
                                     effekt_rb_strong(b, effekt_rb_num(b, (double)n_out, 0)));
        refs[2] = "outliers-section";
    }
    for (size_t i = 0; i < 4 && b->st == EFFEKT_OK; i++) {
        if (!texts[i])
            continue;
        effekt_rb_sentence(b, texts[i], refs[i]);
    }
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_contents(b->doc));
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_page_break(b->doc));
}

/* Which of the project-level figures the projects leave out. */
static void missing(pf_ctx *p)
{
    report_build *b = p->b;
    effekt_rb_section(b, 1, "missing", effekt_rb_word(b, EFFEKT_WORD_RP_CAP_UNDEFINED));
    static const char *const columns[] = { "total_cost", "eu_contribution", "start_date", "end_date", "participants",
                                           "companies", "jobs_target", "jobs_created" };
    size_t n = p->t->n_rows;
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++) {
        const effekt_column *c = effekt_table_column(p->t, columns[i]);
        size_t miss = 0;
        for (size_t r = 0; r < n; r++)
            miss += !c || effekt_column_missing(c, r);
        const char *name = effekt_text_column(b->loc, columns[i]);
        char cap[128];
        snprintf(cap, sizeof cap, "%s", name);
        if (cap[0] >= 'a' && cap[0] <= 'z')
            cap[0] = (char)(cap[0] - 'a' + 'A');
        const char *t = miss == n   ? effekt_rb_compose(b, EFFEKT_WORD_RP_MISSING_ALL, 2, effekt_rb_fmt(b, "%s", cap),
                                                        effekt_rb_num(b, (double)n, 0))
                        : miss == 0 ? effekt_rb_compose(b, EFFEKT_WORD_RP_ALL_REPORTED, 1, name)
                                    : effekt_rb_compose(b, EFFEKT_WORD_RP_MISSING_SOME, 3, effekt_rb_fmt(b, "%s", cap),
                                                        effekt_rb_num(b, (double)miss, 0), effekt_rb_num(b, (double)n, 0));
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BULLET, t);
    }
}

static void all_projects(pf_ctx *p)
{
    report_build *b = p->b;
    /* the long annex table starts a page: its heading never stays behind alone */
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_page_break(b->doc));
    effekt_rb_section(b, 1, "all-projects", effekt_rb_word(b, EFFEKT_WORD_RP_ALL_PROJECTS));
    char unit[64];
    effekt_typeset_money_unit(b->loc, "DKK", 0, unit, sizeof unit);
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_NAME), effekt_rb_word(b, EFFEKT_WORD_RP_FUND),
                        effekt_rb_word(b, EFFEKT_WORD_RP_REGION), effekt_rb_word(b, EFFEKT_WORD_RP_PERIOD),
                        effekt_rb_fmt(b, "%s (%s)", effekt_rb_word(b, EFFEKT_WORD_RP_BUDGET), unit),
                        effekt_rb_word(b, EFFEKT_WORD_RP_EU_SHARE_PCT) };
    const effekt_align al[] = { EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_LEFT,
                                EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_RIGHT };
    effekt_rb_table(b, "projects", caption(p, effekt_rb_word(b, EFFEKT_WORD_RP_CAP_ALL)), 6, h, al);
    const effekt_column *sd = effekt_table_column(p->t, "start_date"), *ed = effekt_table_column(p->t, "end_date");
    for (size_t r = 0; r < p->t->n_rows && b->st == EFFEKT_OK; r++) {
        char period[96] = "";
        if (sd && ed && !isnan(sd->values[r]) && !isnan(ed->values[r])) {
            char a[16], z[16];
            effekt_locale_format_date(b->loc, (long)sd->values[r], a, sizeof a);
            effekt_locale_format_date(b->loc, (long)ed->values[r], z, sizeof z);
            effekt_typeset_range(a, z, period, sizeof period);
        }
        const effekt_kpi_value f_v = effekt_kpi_figure(p->sheet, r, p->k_eu), *f = &f_v;
        const char *fund = cell_text(p, "fund", r), *region = cell_text(p, "region", r);
        const char *cells[] = { p->sheet->name[r] ? p->sheet->name[r] : p->sheet->project[r],
                                fund ? effekt_typeset_fund(b->loc, fund) : effekt_rb_word(b, EFFEKT_WORD_RP_NA),
                                region ? region : effekt_rb_word(b, EFFEKT_WORD_RP_NA),
                                *period ? effekt_rb_fmt(b, "%s", period) : effekt_rb_word(b, EFFEKT_WORD_RP_NA),
                                effekt_rb_num(b, amount(p, "total_cost", r), 0),
                                effekt_rb_num(b, f->reason[0] ? NAN : f->value * 100, 1) };
        effekt_rb_row(b, cells, 0);
    }
    effekt_rb_end(b, source(p));
}

void effekt_rb_portfolio(report_build *b)
{
    const cJSON *root = b->spec->root;
    const char *name = effekt_report_str(cJSON_GetObjectItemCaseSensitive(root, "kpis"), "input");
    pf_ctx p = { .b = b, .k_eu = kpi_index("eu_share"), .k_duration = kpi_index("duration_months") };
    p.t = effekt_rb_input(b, name, &p.path);
    if (!p.t) {
        effekt_rb_check(b, EFFEKT_EINVAL);
        return;
    }
    p.synthetic = effekt_rb_synthetic(b, name);
    effekt_kpi_options ko = { .confidence = b->spec->confidence };
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_rb_check(b, effekt_kpi_compute(p.t, &ko, &p.sheet, &diag));
    effekt_diag_clear(&diag);
    if (b->st != EFFEKT_OK)
        return;
    summary(&p);
    effekt_rb_section(b, 1, "totals", effekt_rb_word(b, EFFEKT_WORD_RP_TOTALS));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_METHOD_POOLED));
    totals_by(&p, "fund", "totals-fund", EFFEKT_WORD_RP_CAP_POOLED, EFFEKT_WORD_RP_FUND);
    totals_by(&p, "region", "totals-region", EFFEKT_WORD_RP_CAP_POOLED_REGION, EFFEKT_WORD_RP_REGION);
    effekt_rb_section(b, 1, "distribution", effekt_rb_word(b, EFFEKT_WORD_RP_DISTRIBUTION));
    effekt_chart *hist = chart(&p, "{\"kind\":\"hist\",\"value\":\"total_cost\"}");
    if (hist)
        effekt_rb_figure(b, "hist-budget", hist, caption(&p, effekt_rb_word(b, EFFEKT_WORD_RP_FIG_HIST)), source(&p));
    effekt_chart *box = effekt_table_column(p.t, "eu_rate") ? chart(&p, "{\"kind\":\"hist\",\"value\":\"eu_rate\"}") : NULL;
    if (box)
        effekt_rb_figure(b, "hist-eu-rate", box, caption(&p, effekt_rb_word(b, EFFEKT_WORD_RP_FIG_EU_SHARE_HIST)),
                         source(&p));
    unit_cost_by_fund(&p, "cost_per_participant", "unit-cost-participant");
    unit_cost_by_fund(&p, "cost_per_job", "unit-cost-job");
    unit_cost_by_fund(&p, "monthly_cost", "unit-cost-month");
    if (effekt_table_column(p.t, "fund")) {
        effekt_rb_section(b, 1, "outliers-section", effekt_rb_word(b, EFFEKT_WORD_RP_OUTLIERS));
        outliers(&p, 1);
    }
    missing(&p);
    effekt_rb_fair(b, NULL);
    effekt_rb_further(b);
    effekt_rb_analyses(b);
    size_t *rows = effekt_calloc(p.sheet->n_projects + 1, sizeof *rows);
    if (!rows)
        effekt_rb_check(b, EFFEKT_ENOMEM);
    for (size_t r = 0; rows && r < p.sheet->n_projects; r++)
        rows[r] = r;
    /* the undefined figures of the portfolio are said in the missing
     * section by column; the quality section keeps to warnings */
    if (rows)
        effekt_rb_quality(b, p.sheet, rows, 0, portfolio_kpis, N_PORTFOLIO_KPIS, NULL);
    free(rows);
    /* the portfolio draws no funnel: say why, where the limits are said */
    size_t k_cpp = kpi_index("cost_per_participant"), no_people = 0;
    for (size_t r = 0; r < p.sheet->n_projects; r++)
        no_people += effekt_kpi_figure(p.sheet, r, k_cpp).reason[0] != 0;
    if (p.sheet->n_projects && no_people == p.sheet->n_projects)
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RV_NO_FUNNEL));
    effekt_rb_method(b, portfolio_kpis, N_PORTFOLIO_KPIS, 0);
    effekt_rb_annex(b);
    all_projects(&p);
    effekt_kpi_sheet_destroy(p.sheet);
}
