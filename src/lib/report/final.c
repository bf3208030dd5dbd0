/* The final evaluation of one project (spec "kind": "final", "project":
 * its project_id): summary sentences pointing to their tables, the
 * project, target attainment, unit costs, participants, results and
 * retention, comparison with other projects, then the sections both
 * kinds share (data quality, method, annex).  Words from the words
 * table, numbers through the locale (build.c). */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/date.h"
#include "effekt/retention.h"
#include "effekt/typeset.h"
#include "report_int.h"

/* The KPIs a final evaluation shows and explains. */
static const char *const final_kpis[] = { "eu_share", "cost_per_participant", "cost_per_job", "planned_cost_per_job",
                                          "eu_cost_per_job", "target_attainment", "placement_rate",
                                          "retention_6m", "retention_12m", "duration_months" };
#define N_FINAL_KPIS (sizeof final_kpis / sizeof *final_kpis)

typedef struct {
    report_build *b;
    const effekt_table *t;          /* the KPI input */
    effekt_kpi_sheet *sheet;
    size_t row;                     /* the project's row */
    const char *name;               /* its name (or id) */
    const char *id;
    const effekt_table *people;     /* participant input or NULL */
    const char *people_name;
    int people_synthetic;
    const char *people_path;
} final_ctx;

/* The project's figure of kpi in *buf; NULL when the sheet has no such KPI. */
static const effekt_kpi_value *fig(const final_ctx *f, const char *kpi, effekt_kpi_value *buf)
{
    const effekt_kpi_def *defs = effekt_kpi_definitions();
    for (size_t k = 0; k < f->sheet->n_kpis; k++)
        if (strcmp(defs[k].name, kpi) == 0) {
            *buf = effekt_kpi_figure(f->sheet, f->row, k);
            return buf;
        }
    return NULL;
}

static double col(const final_ctx *f, const char *name)
{
    const effekt_column *c = effekt_table_column(f->t, name);
    return c && c->values ? c->values[f->row] : NAN;
}

static const char *text(const final_ctx *f, const char *name)
{
    const effekt_column *c = effekt_table_column(f->t, name);
    return c && c->text && c->text[f->row] ? c->text[f->row] : NULL;
}

static double value(const final_ctx *f, const char *kpi)
{
    effekt_kpi_value x_v;
    const effekt_kpi_value *x = fig(f, kpi, &x_v);
    return x && !x->reason[0] ? x->value : NAN;
}

/* A project's name from the KPI input (its name column), else the id. */
static const char *project_name(const final_ctx *f, const char *id)
{
    const effekt_column *idc = effekt_table_column(f->t, "project_id"), *nc = effekt_table_column(f->t, "name");
    for (size_t r = 0; idc && idc->text && nc && nc->text && r < f->t->n_rows; r++)
        if (idc->text[r] && strcmp(idc->text[r], id) == 0 && nc->text[r])
            return nc->text[r];
    return id;
}

#define sentence effekt_rb_sentence
#define strong(x) effekt_rb_strong(b, (x))

/* ---- placement and retention from the participant data ---- */

typedef struct {
    size_t n_groups;
    char **label;
    double *n, *placed;
} placement;

static void placement_free(placement *p)
{
    free(p->label);
    free(p->n);
    free(p->placed);
}

/* Participants and placed ones by project_id, in the file's order. */
static effekt_status count_placement(const effekt_table *t, placement *p)
{
    memset(p, 0, sizeof *p);
    const effekt_column *id = effekt_table_column(t, "project_id"), *pl = effekt_table_column(t, "placed_date");
    if (!id || !id->text || !pl)
        return EFFEKT_EINVAL;
    p->label = effekt_calloc(t->n_rows + 1, sizeof *p->label);
    p->n = effekt_calloc(t->n_rows + 1, sizeof *p->n);
    p->placed = effekt_calloc(t->n_rows + 1, sizeof *p->placed);
    if (!p->label || !p->n || !p->placed)
        return EFFEKT_ENOMEM;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (!id->text[r])
            continue;
        size_t g = 0;
        while (g < p->n_groups && strcmp(p->label[g], id->text[r]) != 0)
            g++;
        if (g == p->n_groups)
            p->label[p->n_groups++] = id->text[r];
        p->n[g] += 1;
        p->placed[g] += !effekt_column_missing(pl, r);
    }
    return EFFEKT_OK;
}

/* ---- the sections ---- */

static void summary(final_ctx *f, const placement *pl, const effekt_retention_result *ret, size_t this_group,
                    size_t this_curve)
{
    report_build *b = f->b;
    effekt_rb_check(b, effekt_document_section(b->doc, 1, 0, "summary", effekt_rb_word(b, EFFEKT_WORD_RP_SUMMARY)));
    const effekt_column *sd = effekt_table_column(f->t, "start_date"), *ed = effekt_table_column(f->t, "end_date");
    if (sd && ed && !isnan(sd->values[f->row]) && !isnan(ed->values[f->row])) {
        char range[160];
        effekt_typeset_range(effekt_rb_date(b, (long)sd->values[f->row]), effekt_rb_date(b, (long)ed->values[f->row]),
                             range, sizeof range);
        sentence(b, effekt_rb_compose(b, EFFEKT_WORD_RP_SUM_PERIOD, 3, effekt_rb_fmt(b, "%s", range),
                                      strong(effekt_rb_num(b, value(f, "duration_months"), 0)),
                                      strong(effekt_rb_num(b, col(f, "stated_months"), 0))),
                 "project-facts");
    }
    sentence(b, effekt_rb_compose(b, EFFEKT_WORD_RP_SUM_COST, 2, strong(effekt_rb_money(b, col(f, "total_cost"))),
                                  strong(effekt_rb_fmt(b, "%s (%s)", effekt_rb_money(b, col(f, "eu_contribution")),
                                                       effekt_rb_pct(b, value(f, "eu_share"), 1)))),
             "project-funding");
    const char *jobs = !isnan(col(f, "jobs_created"))
                           ? effekt_rb_compose(b, EFFEKT_WORD_RP_SUM_JOBS_ACHIEVED, 2,
                                               strong(effekt_rb_num(b, col(f, "jobs_created"), 0)),
                                               strong(effekt_rb_pct(b, value(f, "target_attainment"), 0)))
                           : effekt_rb_word(b, EFFEKT_WORD_RP_SUM_JOBS_NA);
    sentence(b, effekt_rb_compose(b, EFFEKT_WORD_RP_SUM_JOBS, 3, f->name, strong(effekt_rb_num(b, col(f, "jobs_target"), 0)),
                                  jobs),
             "attainment");
    sentence(b, effekt_rb_compose(b, EFFEKT_WORD_RP_SUM_COST_JOB, 2, strong(effekt_rb_money(b, value(f, "planned_cost_per_job"))),
                                  strong(effekt_rb_money(b, value(f, "cost_per_participant")))),
             "unit-costs");
    if (pl && this_group < pl->n_groups) {
        double lo, hi, n = pl->n[this_group], x = pl->placed[this_group];
        effekt_interval_wilson(x, n, b->spec->confidence, &lo, &hi);
        char iv[128];
        effekt_typeset_share_interval(b->loc, x / n, lo, hi, 1, iv, sizeof iv);
        sentence(b, effekt_rb_compose(b, f->people_synthetic ? EFFEKT_WORD_RP_SUM_PLACED : EFFEKT_WORD_RP_SUM_PLACED_REAL,
                                      3, strong(effekt_rb_num(b, x, 0)), strong(effekt_rb_num(b, n, 0)), strong(iv)),
                 "placement");
    }
    if (ret && this_curve < ret->n_curves && ret->n_at > 1) {
        const effekt_retention_horizon *h = &ret->curves[this_curve].horizons[1];
        char iv[128];
        effekt_typeset_share_interval(b->loc, h->survival, h->lower, h->upper, 1, iv, sizeof iv);
        sentence(b, effekt_rb_compose(b, EFFEKT_WORD_RP_SUM_RETAINED, 1, strong(iv)), "retention");
    }
    effekt_rb_fair_summary(b, f->id);
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_contents(b->doc));
    if (b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_page_break(b->doc));
}

static void project(final_ctx *f)
{
    report_build *b = f->b;
    effekt_rb_section(b, 1, "project", effekt_rb_word(b, EFFEKT_WORD_RP_PROJECT));
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_ITEM), effekt_rb_word(b, EFFEKT_WORD_RP_VALUE) };
    const effekt_align al[] = { EFFEKT_ALIGN_LEFT, EFFEKT_ALIGN_LEFT };
    effekt_rb_table(b, "project-facts", effekt_rb_compose(b, EFFEKT_WORD_RP_CAP_FACTS, 1, f->name), 2, h, al);
    const char *rows[][2] = {
        { effekt_rb_word(b, EFFEKT_WORD_RP_NAME), f->name },
        { effekt_rb_word(b, EFFEKT_WORD_RP_OWNER), text(f, "owner") },
        { effekt_rb_word(b, EFFEKT_WORD_RP_REGION), text(f, "region") },
        { effekt_rb_word(b, EFFEKT_WORD_RP_FUND), effekt_typeset_fund(b->loc, text(f, "fund")) },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        const char *cells[] = { rows[i][0], rows[i][1] ? rows[i][1] : effekt_rb_word(b, EFFEKT_WORD_RP_NA) };
        effekt_rb_row(b, cells, 0);
    }
    const effekt_column *sd = effekt_table_column(f->t, "start_date"), *ed = effekt_table_column(f->t, "end_date");
    if (sd && ed && !isnan(sd->values[f->row]) && !isnan(ed->values[f->row])) {
        char range[160];
        effekt_typeset_range(effekt_rb_date(b, (long)sd->values[f->row]), effekt_rb_date(b, (long)ed->values[f->row]),
                             range, sizeof range);
        const char *cells[] = { effekt_rb_word(b, EFFEKT_WORD_RP_PERIOD),
                                effekt_rb_fmt(b, "%s (%s)", range,
                                              effekt_rb_compose(b, EFFEKT_WORD_RP_MONTHS_N, 1,
                                                                effekt_rb_num(b, value(f, "duration_months"), 1))) };
        effekt_rb_row(b, cells, 0);
    }
    if (!isnan(col(f, "stated_months"))) {
        const char *cells[] = { effekt_rb_word(b, EFFEKT_WORD_RP_STATED_DURATION),
                                effekt_rb_compose(b, EFFEKT_WORD_RP_MONTHS_N, 1, effekt_rb_num(b, col(f, "stated_months"), 0)) };
        effekt_rb_row(b, cells, 0);
    }
    const char *budget[] = { effekt_rb_word(b, EFFEKT_WORD_RP_BUDGET), effekt_rb_money(b, col(f, "total_cost")) };
    effekt_rb_row(b, budget, 0);
    const char *people[] = { effekt_rb_word(b, EFFEKT_WORD_RP_PARTICIPANTS), effekt_rb_num(b, col(f, "participants"), 0) };
    effekt_rb_row(b, people, 0);
    const char *comp[] = { effekt_rb_word(b, EFFEKT_WORD_RP_COMPANIES), effekt_rb_num(b, col(f, "companies"), 0) };
    effekt_rb_row(b, comp, 0);
    effekt_rb_end(b, effekt_rb_source(b, f->t));

    /* the funding mix: each reported source, the rest not attributed */
    char unit[64];
    effekt_typeset_money_unit(b->loc, "DKK", 0, unit, sizeof unit);
    const char *fh[] = { effekt_rb_word(b, EFFEKT_WORD_RP_SOURCE), effekt_rb_compose(b, EFFEKT_WORD_RP_AMOUNT, 1, unit),
                         effekt_rb_word(b, EFFEKT_WORD_RP_SHARE_PCT) };
    effekt_rb_table(b, "project-funding", effekt_rb_compose(b, EFFEKT_WORD_RP_CAP_FUNDING, 1, f->name), 3, fh, NULL);
    static const struct {
        const char *column;
        effekt_text_word_id word;
    } parts[] = { { "eu_contribution", EFFEKT_WORD_PART_EU }, { "national_public", EFFEKT_WORD_PART_NATIONAL },
                  { "private_funding", EFFEKT_WORD_PART_PRIVATE }, { "other_funding", EFFEKT_WORD_PART_OTHER } };
    double total = col(f, "total_cost"), attributed = 0;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        double v = col(f, parts[i].column);
        if (isnan(v))
            continue;
        attributed += v;
        const char *cells[] = { effekt_rb_capital(b, effekt_rb_word(b, parts[i].word)), effekt_rb_num(b, v, 0),
                                effekt_rb_pct(b, v / total, 1) };
        effekt_rb_row(b, cells, 0);
    }
    if (!isnan(total) && total - attributed > 0.5) {
        const char *cells[] = { effekt_rb_capital(b, effekt_rb_word(b, EFFEKT_WORD_PART_UNATTRIBUTED)),
                                effekt_rb_num(b, total - attributed, 0),
                                effekt_rb_pct(b, (total - attributed) / total, 1) };
        effekt_rb_row(b, cells, 0);
    }
    const char *tot[] = { effekt_rb_word(b, EFFEKT_WORD_RP_TOTAL), effekt_rb_num(b, total, 0), effekt_rb_pct(b, 1, 1) };
    effekt_rb_row(b, tot, 1);
    effekt_rb_end(b, effekt_rb_source(b, f->t));
}

static void attainment(final_ctx *f)
{
    report_build *b = f->b;
    effekt_rb_section(b, 1, "target-attainment", effekt_rb_word(b, EFFEKT_WORD_RP_ATTAINMENT));
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_INDICATOR), effekt_rb_word(b, EFFEKT_WORD_RP_PLANNED),
                        effekt_rb_word(b, EFFEKT_WORD_RP_ACHIEVED), effekt_rb_word(b, EFFEKT_WORD_RP_ATTAINMENT_PCT) };
    effekt_rb_table(b, "attainment", effekt_rb_compose(b, EFFEKT_WORD_RP_CAP_ATTAINMENT, 1, f->name), 4, h, NULL);
    const char *jobs[] = { effekt_rb_word(b, EFFEKT_WORD_RP_JOBS), effekt_rb_num(b, col(f, "jobs_target"), 0),
                           effekt_rb_num(b, col(f, "jobs_created"), 0), effekt_rb_pct(b, value(f, "target_attainment"), 0) };
    effekt_rb_row(b, jobs, 0);
    /* the seeds give participants and companies as planned; none reports them as achieved */
    const char *people[] = { effekt_rb_word(b, EFFEKT_WORD_RP_PARTICIPANTS), effekt_rb_num(b, col(f, "participants"), 0),
                             effekt_rb_word(b, EFFEKT_WORD_RP_NA), effekt_rb_word(b, EFFEKT_WORD_RP_NA) };
    effekt_rb_row(b, people, 0);
    const char *comp[] = { effekt_rb_word(b, EFFEKT_WORD_RP_COMPANIES), effekt_rb_num(b, col(f, "companies"), 0),
                           effekt_rb_word(b, EFFEKT_WORD_RP_NA), effekt_rb_word(b, EFFEKT_WORD_RP_NA) };
    effekt_rb_row(b, comp, 0);
    double stated = col(f, "stated_months"), actual = value(f, "duration_months");
    const char *period[] = { effekt_rb_word(b, EFFEKT_WORD_RP_DURATION_MONTHS), effekt_rb_num(b, stated, 0),
                             effekt_rb_num(b, actual, 0),
                             isnan(stated) || isnan(actual) ? effekt_rb_word(b, EFFEKT_WORD_RP_NA)
                                                            : effekt_rb_pct(b, actual / stated, 0) };
    effekt_rb_row(b, period, 0);
    effekt_rb_end(b, effekt_rb_source(b, f->t));
}

static void unit_costs(final_ctx *f)
{
    report_build *b = f->b;
    effekt_rb_section(b, 1, "unit-cost", effekt_rb_word(b, EFFEKT_WORD_RP_UNIT_COSTS));
    char unit[64];
    effekt_typeset_money_unit(b->loc, "DKK", 0, unit, sizeof unit);
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_INDICATOR),
                        effekt_rb_fmt(b, "%s (%s)", effekt_rb_word(b, EFFEKT_WORD_RP_PLANNED), unit),
                        effekt_rb_fmt(b, "%s (%s)", effekt_rb_word(b, EFFEKT_WORD_RP_ACHIEVED), unit) };
    effekt_rb_table(b, "unit-costs", effekt_rb_compose(b, EFFEKT_WORD_RP_CAP_UNIT, 1, f->name), 3, h, NULL);
    double target = col(f, "jobs_target"), eu = col(f, "eu_contribution");
    const char *r1[] = { effekt_text_kpi_title(b->loc, "cost_per_participant"),
                         effekt_rb_num(b, value(f, "cost_per_participant"), 0), effekt_rb_word(b, EFFEKT_WORD_RP_NA) };
    const char *r2[] = { effekt_text_kpi_title(b->loc, "cost_per_job"), effekt_rb_num(b, value(f, "planned_cost_per_job"), 0),
                         effekt_rb_num(b, value(f, "cost_per_job"), 0) };
    const char *r3[] = { effekt_text_kpi_title(b->loc, "eu_cost_per_job"),
                         effekt_rb_num(b, target > 0 ? eu / target : NAN, 0), effekt_rb_num(b, value(f, "eu_cost_per_job"), 0) };
    effekt_rb_row(b, r1, 0);
    effekt_rb_row(b, r2, 0);
    effekt_rb_row(b, r3, 0);
    effekt_rb_end(b, effekt_rb_source(b, f->t));
}

/* Counts of this project's participants by a column's values, as rows. */
static void profile_rows(final_ctx *f, const char *column, effekt_text_word_id what, size_t *n_total)
{
    report_build *b = f->b;
    const effekt_column *id = effekt_table_column(f->people, "project_id"), *c = effekt_table_column(f->people, column);
    if (!id || !c)
        return;
    const char *seen[64];
    double count[64];
    size_t k = 0, n = 0;
    for (size_t r = 0; r < f->people->n_rows; r++) {
        if (!id->text[r] || strcmp(id->text[r], f->id) != 0)
            continue;
        char v[64];
        const char *key;
        if (c->type == EFFEKT_TYPE_TEXT) {
            key = c->text[r];
        } else {
            /* age bands as the ESF common indicators: under 25, 25–54, 55 and over */
            double a = c->values[r];
            snprintf(v, sizeof v, "%s", a < 25 ? "0" : a < 30 ? "1" : a < 40 ? "2" : a < 55 ? "3" : "4");
            key = NULL;
            static const char *const bands[] = { "0", "1", "2", "3", "4" };
            for (size_t j = 0; j < 5; j++)
                if (strcmp(v, bands[j]) == 0)
                    key = bands[j];
        }
        if (!key)
            continue;
        size_t j = 0;
        while (j < k && strcmp(seen[j], key) != 0)
            j++;
        if (j == k && k < 64) {
            seen[k] = key;
            count[k++] = 0;
        }
        if (j < k) {
            count[j] += 1;
            n++;
        }
    }
    /* age bands in order */
    for (size_t i = 0; c->type != EFFEKT_TYPE_TEXT && i < k; i++)
        for (size_t j = i + 1; j < k; j++)
            if (strcmp(seen[j], seen[i]) < 0) {
                const char *ts = seen[i];
                double tc = count[i];
                seen[i] = seen[j];
                count[i] = count[j];
                seen[j] = ts;
                count[j] = tc;
            }
    for (size_t j = 0; j < k; j++) {
        const char *label;
        if (c->type == EFFEKT_TYPE_TEXT) {
            label = effekt_rb_value(b, seen[j]);
        } else {
            int band = seen[j][0] - '0';
            label = band == 0   ? effekt_rb_compose(b, EFFEKT_WORD_RP_AGE_UNDER, 1, "25")
                    : band == 1 ? effekt_rb_compose(b, EFFEKT_WORD_RP_AGE_RANGE, 2, "25", "29")
                    : band == 2 ? effekt_rb_compose(b, EFFEKT_WORD_RP_AGE_RANGE, 2, "30", "39")
                    : band == 3 ? effekt_rb_compose(b, EFFEKT_WORD_RP_AGE_RANGE, 2, "40", "54")
                                : effekt_rb_compose(b, EFFEKT_WORD_RP_AGE_OVER, 1, "55");
        }
        const char *cells[] = { effekt_rb_fmt(b, "%s: %s", effekt_rb_capital(b, effekt_rb_word(b, what)), label), effekt_rb_num(b, count[j], 0),
                                effekt_rb_pct(b, count[j] / (double)n, 1) };
        effekt_rb_row(b, cells, 0);
    }
    *n_total = n;
}

static void participants(final_ctx *f)
{
    report_build *b = f->b;
    effekt_rb_section(b, 1, "participants", effekt_rb_word(b, EFFEKT_WORD_RP_PARTICIPANTS));
    if (!f->people) {
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_NO_PARTICIPANTS));
        return;
    }
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_PARTICIPANT_INTRO));
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_GROUP), effekt_rb_word(b, EFFEKT_WORD_RP_COUNT),
                        effekt_rb_word(b, EFFEKT_WORD_RP_SHARE_PCT) };
    const char *what = effekt_rb_fmt(b, "%s, %s, %s, %s", effekt_rb_word(b, EFFEKT_WORD_RP_GENDER),
                                     effekt_rb_word(b, EFFEKT_WORD_RP_AGE_BAND), effekt_rb_word(b, EFFEKT_WORD_RP_EDUCATION),
                                     effekt_rb_word(b, EFFEKT_WORD_RP_ORIGIN));
    effekt_rb_table(b, "profile",
                    effekt_rb_mark(b, effekt_rb_compose(b, EFFEKT_WORD_RP_CAP_PROFILE, 2, f->name, what), f->people_synthetic),
                    3, h, NULL);
    size_t n = 0;
    profile_rows(f, "gender", EFFEKT_WORD_RP_GENDER, &n);
    profile_rows(f, "age", EFFEKT_WORD_RP_AGE_BAND, &n);
    profile_rows(f, "education", EFFEKT_WORD_RP_EDUCATION, &n);
    profile_rows(f, "origin", EFFEKT_WORD_RP_ORIGIN, &n);
    const char *tot[] = { effekt_rb_word(b, EFFEKT_WORD_RP_TOTAL), effekt_rb_num(b, (double)n, 0), effekt_rb_pct(b, 1, 1) };
    effekt_rb_row(b, tot, 1);
    effekt_rb_end(b, effekt_rb_source(b, f->people));
}

/* A chart of the participant data from a chart spec written here. */
static effekt_chart *people_chart(final_ctx *f, const char *json)
{
    return effekt_rb_chart(f->b, f->people, f->people_path, json);
}

static void results(final_ctx *f, const placement *pl, const effekt_retention_result *ret)
{
    report_build *b = f->b;
    effekt_rb_section(b, 1, "results", effekt_rb_word(b, EFFEKT_WORD_RP_RESULTS));
    if (!f->people) {
        effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_NO_PARTICIPANTS));
        return;
    }
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_RESULTS_INTRO));
    char level[32];
    effekt_locale_format_percent(b->loc, b->spec->confidence, -1, level, sizeof level);
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_NAME), effekt_rb_word(b, EFFEKT_WORD_RP_PARTICIPANTS),
                        effekt_rb_word(b, EFFEKT_WORD_RP_PLACED),
                        effekt_rb_compose(b, EFFEKT_WORD_RP_PLACEMENT_RATE, 1, level) };
    effekt_rb_table(b, "placement", effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_CAP_PLACEMENT), f->people_synthetic),
                    4, h, NULL);
    double sn = 0, sx = 0;
    for (size_t g = 0; pl && g < pl->n_groups; g++) {
        double lo, hi;
        effekt_interval_wilson(pl->placed[g], pl->n[g], b->spec->confidence, &lo, &hi);
        char iv[128];
        effekt_typeset_share_interval(b->loc, pl->placed[g] / pl->n[g], lo, hi, 1, iv, sizeof iv);
        const char *name = project_name(f, pl->label[g]);
        const char *cells[] = { strcmp(pl->label[g], f->id) == 0 ? effekt_rb_compose(b, EFFEKT_WORD_RP_THIS_PROJECT, 1, name)
                                                                 : name,
                                effekt_rb_num(b, pl->n[g], 0), effekt_rb_num(b, pl->placed[g], 0), effekt_rb_fmt(b, "%s", iv) };
        effekt_rb_row(b, cells, 0);
        sn += pl->n[g];
        sx += pl->placed[g];
    }
    if (sn > 0) {
        double lo, hi;
        effekt_interval_wilson(sx, sn, b->spec->confidence, &lo, &hi);
        char iv[128];
        effekt_typeset_share_interval(b->loc, sx / sn, lo, hi, 1, iv, sizeof iv);
        const char *cells[] = { effekt_rb_word(b, EFFEKT_WORD_RP_POOLED_ALL), effekt_rb_num(b, sn, 0), effekt_rb_num(b, sx, 0),
                                effekt_rb_fmt(b, "%s", iv) };
        effekt_rb_row(b, cells, 1);
    }
    effekt_rb_end(b, effekt_rb_source(b, f->people));

    if (ret) {
        const char *rh[] = { effekt_rb_word(b, EFFEKT_WORD_RP_NAME), effekt_rb_word(b, EFFEKT_WORD_RP_STARTED_JOBS),
                             effekt_rb_compose(b, EFFEKT_WORD_RP_AT_6M, 1, level),
                             effekt_rb_compose(b, EFFEKT_WORD_RP_AT_12M, 1, level) };
        effekt_rb_table(b, "retention", effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_CAP_RETENTION), f->people_synthetic),
                        4, rh, NULL);
        for (size_t c = 0; c < ret->n_curves; c++) {
            const effekt_retention_curve *cv = &ret->curves[c];
            char a[128], z[128];
            effekt_typeset_share_interval(b->loc, cv->horizons[0].survival, cv->horizons[0].lower, cv->horizons[0].upper, 1,
                                          a, sizeof a);
            effekt_typeset_share_interval(b->loc, cv->horizons[1].survival, cv->horizons[1].lower, cv->horizons[1].upper, 1,
                                          z, sizeof z);
            const char *name = project_name(f, cv->label);
            const char *cells[] = { strcmp(cv->label, f->id) == 0 ? effekt_rb_compose(b, EFFEKT_WORD_RP_THIS_PROJECT, 1, name)
                                                                  : name,
                                    effekt_rb_num(b, (double)cv->n, 0),
                                    isnan(cv->horizons[0].survival) ? effekt_rb_word(b, EFFEKT_WORD_RP_NA) : effekt_rb_fmt(b, "%s", a),
                                    isnan(cv->horizons[1].survival) ? effekt_rb_word(b, EFFEKT_WORD_RP_NA) : effekt_rb_fmt(b, "%s", z) };
            effekt_rb_row(b, cells, 0);
        }
        effekt_rb_end(b, effekt_rb_source(b, f->people));
    }
    effekt_chart *km = people_chart(f, "{\"kind\":\"km\",\"by\":\"project_id\"}");
    if (km)
        effekt_rb_figure(b, "km-retention", km,
                         effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_FIG_KM), f->people_synthetic),
                         effekt_rb_source(b, f->people));
}

static void comparison(final_ctx *f)
{
    report_build *b = f->b;
    effekt_rb_section(b, 1, "comparison", effekt_rb_word(b, EFFEKT_WORD_RP_COMPARISON));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RP_COMPARISON_INTRO));
    if (f->people) {
        /* the funnel draws the exact binomial 95 % and 99.8 % limits
         * whatever the spec's confidence: the caption names both */
        char inner[32], outer[32];
        effekt_locale_format_percent(b->loc, 0.95, -1, inner, sizeof inner);
        effekt_locale_format_percent(b->loc, 0.998, -1, outer, sizeof outer);
        effekt_chart *funnel = people_chart(f, "{\"kind\":\"funnel\",\"by\":\"project_id\",\"outcome\":\"placed_date\"}");
        /* the project's own place, named (an outlier keeps its colour) */
        for (size_t i = 0; funnel && i < funnel->n_items; i++)
            if (funnel->items[i].label && strcmp(funnel->items[i].label, f->id) == 0) {
                funnel->items[i].label = effekt_chart_keep(funnel, f->name);
                if (!funnel->items[i].flagged)
                    funnel->items[i].flagged = 2;
            }
        if (funnel) /* its own title says "job efter projekt": the reader's words instead */
            funnel->title = effekt_chart_keep(funnel, effekt_rb_mark(b, effekt_rb_word(b, EFFEKT_WORD_RP_CAP_PLACEMENT),
                                                                     f->people_synthetic));
        if (funnel)
            effekt_rb_figure(b, "funnel-placement", funnel,
                             effekt_rb_mark(b, effekt_rb_compose(b, EFFEKT_WORD_RP_FIG_FUNNEL, 2, inner, outer), f->people_synthetic),
                             effekt_rb_source(b, f->people));
    }
    const char *cmp_name = effekt_report_str(b->spec->root, "comparison"), *cmp_path = NULL;
    const effekt_table *cmp = effekt_rb_input(b, cmp_name, &cmp_path);
    if (!cmp)
        return;
    effekt_kpi_options ko = { .confidence = b->spec->confidence };
    effekt_kpi_sheet *sheet = NULL;
    effekt_kpi_group *groups = NULL;
    size_t n_groups = 0;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_kpi_compute(cmp, &ko, &sheet, &diag);
    if (st == EFFEKT_OK)
        st = effekt_kpi_group_by(cmp, sheet, "fund", &ko, &groups, &n_groups, &diag);
    effekt_diag_clear(&diag);
    effekt_rb_check(b, st);
    if (st == EFFEKT_OK) {
        char mio[64];
        effekt_typeset_money_unit(b->loc, "DKK", 1, mio, sizeof mio);
        const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_FUND), effekt_rb_word(b, EFFEKT_WORD_RP_PROJECTS_N),
                            effekt_rb_fmt(b, "%s (%s)", effekt_rb_word(b, EFFEKT_WORD_RP_BUDGET), mio),
                            effekt_rb_word(b, EFFEKT_WORD_RP_EU_SHARE_PCT) };
        effekt_rb_table(b, "pooled-by-fund", effekt_rb_word(b, EFFEKT_WORD_RP_CAP_POOLED), 4, h, NULL);
        const effekt_column *tc = effekt_table_column(cmp, "total_cost"), *fc = effekt_table_column(cmp, "fund");
        size_t eu_k = 0;
        for (const effekt_kpi_def *d = effekt_kpi_definitions(); d[eu_k].name && strcmp(d[eu_k].name, "eu_share"); eu_k++)
            ;
        for (size_t g = 0; g < n_groups; g++) {
            double sum = 0;
            for (size_t r = 0; tc && fc && r < cmp->n_rows; r++)
                if (fc->text[r] && strcmp(fc->text[r], groups[g].group) == 0 && !isnan(tc->values[r]))
                    sum += tc->values[r];
            const effekt_kpi_value *p = &groups[g].kpi[eu_k].pooled;
            const char *cells[] = { effekt_typeset_fund(b->loc, groups[g].group), effekt_rb_num(b, (double)groups[g].n_projects, 0),
                                    effekt_rb_num(b, sum / 1e6, 1), effekt_rb_pct(b, p->reason[0] ? NAN : p->value, 1) };
            effekt_rb_row(b, cells, 0);
        }
        const char *mine[] = { effekt_rb_compose(b, EFFEKT_WORD_RP_THIS_PROJECT, 1, f->name), "1",
                               effekt_rb_num(b, col(f, "total_cost") / 1e6, 1), effekt_rb_pct(b, value(f, "eu_share"), 1) };
        effekt_rb_row(b, mine, 1);
        effekt_rb_end(b, effekt_rb_source(b, cmp));
    }
    effekt_kpi_groups_destroy(groups, n_groups);
    effekt_kpi_sheet_destroy(sheet);
}

void effekt_rb_final(report_build *b)
{
    const cJSON *root = b->spec->root;
    final_ctx f = { .b = b };
    f.t = effekt_rb_input(b, effekt_report_str(cJSON_GetObjectItemCaseSensitive(root, "kpis"), "input"), NULL);
    f.id = effekt_report_str(root, "project");
    if (!f.t || !f.id) {
        effekt_rb_check(b, EFFEKT_EINVAL);   /* the spec check names the missing key */
        return;
    }
    effekt_kpi_options ko = { .confidence = b->spec->confidence };
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_rb_check(b, effekt_kpi_compute(f.t, &ko, &f.sheet, &diag));
    effekt_diag_clear(&diag);
    if (b->st != EFFEKT_OK)
        return;
    f.row = f.sheet->n_projects;
    for (size_t p = 0; p < f.sheet->n_projects; p++)
        if (strcmp(f.sheet->project[p], f.id) == 0)
            f.row = p;
    if (f.row == f.sheet->n_projects) {
        effekt_kpi_sheet_destroy(f.sheet);
        effekt_rb_check(b, EFFEKT_EINVAL);
        return;
    }
    f.name = f.sheet->name[f.row] ? f.sheet->name[f.row] : f.id;
    f.people_name = effekt_report_str(root, "participants");
    f.people = effekt_rb_input(b, f.people_name, &f.people_path);
    f.people_synthetic = effekt_rb_synthetic(b, f.people_name);

    placement pl = { 0 };
    effekt_retention_result *ret = NULL;
    size_t this_group = (size_t)-1, this_curve = (size_t)-1;
    if (f.people) {
        effekt_rb_check(b, count_placement(f.people, &pl));
        for (size_t g = 0; g < pl.n_groups; g++)
            if (strcmp(pl.label[g], f.id) == 0)
                this_group = g;
        effekt_retention_options ro;
        effekt_retention_options_init(&ro);
        ro.spells.by = "project_id";
        ro.confidence = b->spec->confidence;
        static const double at[] = { 182, 365 };
        ro.at = at;
        ro.n_at = 2;
        effekt_diag_init(&diag);
        if (effekt_retention_run(f.people, &ro, &ret, &diag) != EFFEKT_OK) {
            effekt_retention_result_destroy(ret);
            ret = NULL;
        }
        effekt_diag_clear(&diag);
        for (size_t c = 0; ret && c < ret->n_curves; c++)
            if (strcmp(ret->curves[c].label, f.id) == 0)
                this_curve = c;
    }
    summary(&f, f.people ? &pl : NULL, ret, this_group, this_curve);
    project(&f);
    attainment(&f);
    unit_costs(&f);
    participants(&f);
    results(&f, f.people ? &pl : NULL, ret);
    comparison(&f);
    effekt_rb_fair(b, f.id);
    effekt_rb_further(b);
    effekt_rb_analyses(b);
    size_t rows[] = { f.row };
    effekt_rb_quality(b, f.sheet, rows, 1, final_kpis, N_FINAL_KPIS, f.people ? f.people_name : NULL);
    effekt_rb_method(b, final_kpis, N_FINAL_KPIS, f.people != NULL);
    effekt_rb_annex(b);
    effekt_retention_result_destroy(ret);
    placement_free(&pl);
    effekt_kpi_sheet_destroy(f.sheet);
}
