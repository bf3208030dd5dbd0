/* The spec's "analyses" as tables of the report (issue 16: they were
 * only in results.json): a describe as summary statistics per group and
 * column, a comparison of rates as shares with intervals and the test
 * of equal shares, a retention as medians and the shares still in work
 * at the spec's days.  The figures are those of results.json (the same
 * run), rounded for reading. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "effekt/locale.h"
#include "effekt/typeset.h"
#include "report_int.h"

static double num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

/* "39,0 (35,6–42,5)", or n/a when the estimate is missing. */
static const char *interval(report_build *b, double v, double lo, double hi, int decimals)
{
    if (isnan(v))
        return effekt_rb_word(b, EFFEKT_WORD_RP_NA);
    char buf[160];
    return effekt_rb_fmt(b, "%s", effekt_typeset_interval(b->loc, v, lo, hi, decimals, buf, sizeof buf));
}

static const char *share(report_build *b, const cJSON *o)
{
    if (!o || isnan(num(o, "value")))
        return effekt_rb_word(b, EFFEKT_WORD_RP_NA);
    char buf[160];
    return effekt_rb_fmt(b, "%s",
                         effekt_typeset_share_interval(b->loc, num(o, "value"), num(o, "lower"), num(o, "upper"), 1, buf,
                                                       sizeof buf));
}

static const char *level(report_build *b)
{
    char buf[32];
    return effekt_rb_fmt(b, "%s", effekt_locale_format_percent(b->loc, b->spec->confidence, -1, buf, sizeof buf));
}

static void describe(report_build *b, const char *id, const char *caption, const char *by, const cJSON *res,
                     const char *source)
{
    const cJSON *stats = cJSON_GetObjectItemCaseSensitive(res, "statistics");
    const char *h[] = { !by                                 ? effekt_rb_word(b, EFFEKT_WORD_RV_VARIABLE)
                        : strcmp(by, "project_id") == 0 ? effekt_rb_word(b, EFFEKT_WORD_RP_NAME)
                                                        : effekt_rb_capital(b, effekt_text_column(b->loc, by)),
                        effekt_rb_word(b, EFFEKT_WORD_RV_VARIABLE),
                        effekt_rb_word(b, EFFEKT_WORD_RV_VALUES),
                        effekt_rb_word(b, EFFEKT_WORD_RV_MISSING),
                        effekt_rb_compose(b, EFFEKT_WORD_RV_MEAN_CI, 1, level(b)),
                        effekt_rb_word(b, EFFEKT_WORD_RV_SD),
                        effekt_rb_word(b, EFFEKT_WORD_RV_MEDIAN_Q) };
    size_t skip = by ? 0 : 1;   /* without groups the first column is the variable */
    const effekt_align align[] = { EFFEKT_ALIGN_LEFT,  EFFEKT_ALIGN_LEFT,  EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_RIGHT,
                                   EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_RIGHT, EFFEKT_ALIGN_RIGHT };
    effekt_rb_table(b, id, caption, 7 - skip, h + skip, align + skip);
    for (const cJSON *r = stats ? stats->child : NULL; r && b->st == EFFEKT_OK; r = r->next) {
        const char *column = effekt_report_str(r, "column");
        /* one number of decimals per variable: those its means need */
        double means[512];
        size_t n_means = 0;
        for (const cJSON *s = stats->child; s && n_means < 512; s = s->next)
            if (column && effekt_report_str(s, "column") && strcmp(effekt_report_str(s, "column"), column) == 0)
                means[n_means++] = fabs(num(s, "mean"));
        int d = effekt_typeset_decimals(means, n_means);
        const char *group = by ? effekt_report_str(r, by) : NULL;
        const char *cells[] = { group ? effekt_rb_project(b, group) : effekt_rb_word(b, EFFEKT_WORD_RP_NA),
                                effekt_rb_capital(b, effekt_text_column(b->loc, column ? column : "")),
                                effekt_rb_num(b, num(r, "n"), 0),
                                effekt_rb_num(b, num(r, "missing"), 0),
                                interval(b, num(r, "mean"), num(r, "ci_lower"), num(r, "ci_upper"), d),
                                isnan(num(r, "sd")) ? effekt_rb_word(b, EFFEKT_WORD_RP_NA) : effekt_rb_num(b, num(r, "sd"), d),
                                interval(b, num(r, "median"), num(r, "q1"), num(r, "q3"), d) };
        effekt_rb_row(b, cells + skip, 0);
    }
    effekt_rb_end(b, source);
}

static void compare(report_build *b, const char *id, const char *caption, const char *outcome, const cJSON *res,
                    const char *source)
{
    const cJSON *groups = cJSON_GetObjectItemCaseSensitive(res, "groups");
    if (!groups || !groups->child || !cJSON_GetObjectItemCaseSensitive(groups->child, "rate"))
        return;   /* a comparison of values: its figures stay in results.json */
    const char *with = outcome && strcmp(outcome, "placed_date") == 0
                           ? effekt_rb_word(b, EFFEKT_WORD_RP_PLACED)
                           : effekt_rb_compose(b, EFFEKT_WORD_RV_WITH, 1, effekt_text_column(b->loc, outcome ? outcome : ""));
    const char *h[] = { effekt_rb_word(b, EFFEKT_WORD_RP_NAME), effekt_rb_word(b, EFFEKT_WORD_RV_PERSONS), with,
                        effekt_rb_compose(b, EFFEKT_WORD_RV_SHARE_CI, 1, level(b)) };
    effekt_rb_table(b, id, caption, 4, h, NULL);
    for (const cJSON *g = groups->child; g && b->st == EFFEKT_OK; g = g->next) {
        const char *cells[] = { effekt_rb_project(b, effekt_report_str(g, "group") ? effekt_report_str(g, "group") : ""),
                                effekt_rb_num(b, num(g, "n"), 0),
                                effekt_rb_num(b, num(g, "events"), 0),
                                share(b, cJSON_GetObjectItemCaseSensitive(g, "rate")) };
        effekt_rb_row(b, cells, 0);
    }
    const cJSON *tests = cJSON_GetObjectItemCaseSensitive(res, "tests");
    const cJSON *t = tests ? tests->child : NULL;
    if (t && b->st == EFFEKT_OK && !isnan(num(t, "statistic"))) {
        char p[64];
        effekt_typeset_p(b->loc, num(t, "p"), p, sizeof p);
        const char *ps = effekt_rb_fmt(b, "%s%s", p[0] == '<' ? "" : "= ", p);
        effekt_rb_check(b, effekt_document_table_note(
                               b->doc, effekt_rb_compose(b, EFFEKT_WORD_RV_CHISQ, 3, effekt_rb_num(b, num(t, "statistic"), 1),
                                                         effekt_rb_num(b, num(t, "df"), 0), ps)));
    }
    effekt_rb_end(b, source);
}

static void retention(report_build *b, const char *id, const char *caption, const cJSON *spec, const cJSON *res,
                      const char *source)
{
    const cJSON *curves = cJSON_GetObjectItemCaseSensitive(res, "curves");
    const cJSON *at = cJSON_GetObjectItemCaseSensitive(spec, "at");
    size_t n_at = 0;
    for (const cJSON *a = at ? at->child : NULL; a && n_at < 8; a = a->next)
        n_at++;
    const char *h[4 + 8];
    size_t nh = 0;
    h[nh++] = effekt_rb_word(b, EFFEKT_WORD_RP_NAME);
    h[nh++] = effekt_rb_word(b, EFFEKT_WORD_RP_STARTED_JOBS);
    h[nh++] = effekt_rb_word(b, EFFEKT_WORD_RV_ENDED);
    h[nh++] = effekt_rb_compose(b, EFFEKT_WORD_RV_MEDIAN_DAYS, 1, level(b));
    size_t k = 0;
    for (const cJSON *a = at ? at->child : NULL; a && k < n_at; a = a->next, k++)
        h[nh++] = effekt_rb_compose(b, EFFEKT_WORD_RV_AFTER_DAYS, 2, effekt_rb_num(b, a->valuedouble, 0), level(b));
    effekt_rb_table(b, id, caption, nh, h, NULL);
    int open = 0, na = 0;
    for (const cJSON *c = curves ? curves->child : NULL; c && b->st == EFFEKT_OK; c = c->next) {
        const char *cells[4 + 8];
        size_t nc = 0;
        cells[nc++] = effekt_rb_project(b, effekt_report_str(c, "group") ? effekt_report_str(c, "group") : "");
        cells[nc++] = effekt_rb_num(b, num(c, "n"), 0);
        cells[nc++] = effekt_rb_num(b, num(c, "events"), 0);
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(c, "median_days");
        if (!m || isnan(num(m, "value"))) {
            cells[nc++] = effekt_rb_word(b, EFFEKT_WORD_RP_NA);
            na = 1;
        } else if (isnan(num(m, "upper"))) {
            /* no upper limit within the follow-up: "1.014 (fra 399)" */
            cells[nc++] = effekt_rb_compose(b, EFFEKT_WORD_RV_FROM, 2, effekt_rb_num(b, num(m, "value"), 0),
                                            isnan(num(m, "lower")) ? effekt_rb_word(b, EFFEKT_WORD_RP_NA)
                                                                    : effekt_rb_num(b, num(m, "lower"), 0));
            open = 1;
        } else {
            cells[nc++] = interval(b, num(m, "value"), num(m, "lower"), num(m, "upper"), 0);
        }
        k = 0;
        for (const cJSON *a = at ? at->child : NULL; a && k < n_at; a = a->next, k++) {
            char key[64];
            snprintf(key, sizeof key, "retention_%.0fd", a->valuedouble);
            cells[nc++] = share(b, cJSON_GetObjectItemCaseSensitive(c, key));
        }
        effekt_rb_row(b, cells, 0);
    }
    if (open && b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_table_note(b->doc, effekt_rb_word(b, EFFEKT_WORD_RV_FROM_NOTE)));
    if (na && b->st == EFFEKT_OK)
        effekt_rb_check(b, effekt_document_table_note(b->doc, effekt_rb_word(b, EFFEKT_WORD_RV_NA_MEDIAN)));
    effekt_rb_end(b, source);
}

void effekt_rb_analyses(report_build *b)
{
    if (!b->analyses || !b->analyses->child || b->st != EFFEKT_OK)
        return;
    effekt_rb_section(b, 1, "analyses", effekt_rb_word(b, EFFEKT_WORD_RV_ANALYSES));
    effekt_rb_para(b, EFFEKT_PARAGRAPH_BODY, effekt_rb_word(b, EFFEKT_WORD_RV_ANALYSES_INTRO));
    size_t i = 0;
    for (const cJSON *e = b->analyses->child; e && b->st == EFFEKT_OK; e = e->next, i++) {
        const cJSON *spec = cJSON_GetObjectItemCaseSensitive(e, "spec"), *res = cJSON_GetObjectItemCaseSensitive(e, "result");
        const char *type = effekt_report_str(spec, "type"), *input = effekt_report_str(spec, "input");
        if (!type || !res)
            continue;
        const char *path = NULL;
        const effekt_table *t = effekt_rb_input(b, input, &path);
        const char *source = t ? effekt_rb_source(b, t) : NULL;
        effekt_text_word_id cap = strcmp(type, "describe") == 0  ? EFFEKT_WORD_RV_CAP_DESCRIBE
                                  : strcmp(type, "compare") == 0 ? EFFEKT_WORD_RV_CAP_COMPARE
                                                                 : EFFEKT_WORD_RV_CAP_RETENTION;
        const char *title = effekt_report_str(spec, "title") ? effekt_report_str(spec, "title") : effekt_rb_word(b, cap);
        const char *caption = effekt_rb_mark(b, effekt_rb_fmt(b, "%s", title), effekt_rb_synthetic(b, input));
        /* tables/analysis-NAME.csv: the prefix keeps a spec's name apart
         * from the report's own tables ("retention") */
        const char *name = effekt_report_str(spec, "name");
        const char *id = name ? effekt_rb_fmt(b, "analysis-%s", name) : effekt_rb_fmt(b, "analysis-%zu", i + 1);
        if (strcmp(type, "describe") == 0)
            describe(b, id, caption, effekt_report_str(spec, "by"), res, source);
        else if (strcmp(type, "compare") == 0)
            compare(b, id, caption, effekt_report_str(spec, "outcome"), res, source);
        else if (strcmp(type, "retention") == 0)
            retention(b, id, caption, spec, res, source);
    }
}
