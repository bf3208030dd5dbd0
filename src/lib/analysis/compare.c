/* Groups of a table compared: rates (with intervals, chi-square, Fisher,
 * pairs), values (Welch, Mann-Whitney, ANOVA, Kruskal-Wallis, pairs) and
 * ratios of sums with bootstrap intervals.  Typed results; the words for
 * people are the callers' (output/compare_json.c, the CLI). */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis/columns.h"
#include "effekt/binomial.h"
#include "effekt/bootstrap.h"
#include "effekt/compare.h"
#include "effekt/group.h"
#include "effekt/outcome.h"
#include "effekt/risk.h"
#include "effekt/stats.h"
#include "effekt/test.h"
#include "lib_alloc.h"
#include "lib_enum.h"

static const char *const kind_names[] = { "rates", "values", "ratio" };

EFFEKT_ENUM_FUNCTIONS(effekt_compare_kind_name, effekt_compare_kind_parse, effekt_compare_kind, kind_names)

void effekt_compare_options_init(effekt_compare_options *o, effekt_compare_kind kind)
{
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->confidence = 0.95;
    o->interval = EFFEKT_INTERVAL_WILSON;
    o->adjust = EFFEKT_ADJUST_HOLM;
    o->pairwise_limit = EFFEKT_COMPARE_PAIRWISE_DEFAULT;
    o->bootstrap = 10000;
    o->seed = 1;
    o->threads = 2;
}

void effekt_compare_result_destroy(effekt_compare_result *r)
{
    if (!r)
        return;
    for (size_t g = 0; g < r->n_groups; g++)
        free(r->groups[g].label);
    for (size_t i = 0; i < r->n_tests; i++)
        free((char *)r->tests[i].note);
    for (size_t i = 0; i < r->n_warnings; i++)
        free(r->warnings[i]);
    free(r->warnings);
    free(r->groups);
    free(r->tests);
    free(r->pairs);
    free(r->source);
    free(r);
}

static effekt_compare_figure figure(double v, double lo, double hi, const char *reason_if_undefined)
{
    return (effekt_compare_figure){ .value = v, .lower = lo, .upper = hi,
                            .reason = isnan(v) ? reason_if_undefined : NULL };
}

static const effekt_compare_figure undefined_figure = { NAN, NAN, NAN, NULL };

/* A warning: into diag, and the result's list (its text for readers). */
static effekt_status warn(effekt_compare_result *r, effekt_diag *diag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static effekt_status warn(effekt_compare_result *r, effekt_diag *diag, const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    char **w = effekt_realloc(r->warnings, (r->n_warnings + 1) * sizeof *w);
    if (!w)
        return EFFEKT_ENOMEM;
    r->warnings = w;
    if (!(w[r->n_warnings] = effekt_strdup(text)))
        return EFFEKT_ENOMEM;
    r->n_warnings++;
    if (diag)
        effekt_diag_add(diag, EFFEKT_WARNING, r->source, 0, 0, NULL, NULL, "%s", text);
    return EFFEKT_OK;
}

/* The groups of the result from the grouper, with labels; which are in
 * the tests: not the missing group values (R's table() and model formulas
 * drop NA) and not a group without a value (0/0 has no row in R's
 * table).  Their ids go to tested[0..*kt); the sentence of what was left
 * out to why (empty when nothing). */
static effekt_status make_groups(effekt_compare_result *r, const effekt_group *grp)
{
    size_t k = effekt_group_count(grp);
    r->groups = effekt_calloc(k + 1, sizeof *r->groups);
    if (!r->groups)
        return EFFEKT_ENOMEM;
    for (size_t g = 0; g < k; g++) {
        effekt_compare_group *cg = &r->groups[g];
        if (!(cg->label = effekt_strdup(effekt_group_label(grp, g))))
            return EFFEKT_ENOMEM;
        r->n_groups++;
        cg->missing_group = effekt_group_missing(grp, g);
        cg->rate = cg->limits_95 = cg->limits_99_8 = cg->mean = undefined_figure;
        cg->ratio_percentile = cg->ratio_bca = undefined_figure;
        cg->events = cg->pooled = cg->sd = cg->median = cg->numerator = cg->denominator = NAN;
    }
    return EFFEKT_OK;
}

static void tested_groups(effekt_compare_result *r, size_t *tested, size_t *kt, char *why, size_t size)
{
    size_t empty = 0, missing = 0, first_empty = 0;
    *kt = 0;
    for (size_t g = 0; g < r->n_groups; g++) {
        effekt_compare_group *cg = &r->groups[g];
        if (cg->missing_group)
            missing++;
        else if (cg->n == 0) {
            if (!empty++)
                first_empty = g;
        } else {
            cg->tested = 1;
            tested[(*kt)++] = g;
        }
    }
    why[0] = '\0';
    if (empty == 1)
        snprintf(why, size, "left out: group '%s' (no values)%s", r->groups[first_empty].label,
                 missing ? " and the rows of missing group values" : "");
    else if (empty > 1)
        snprintf(why, size, "left out: %zu groups without values%s", empty,
                 missing ? " and the rows of missing group values" : "");
    else if (missing)
        snprintf(why, size, "left out: the rows of missing group values");
}

static effekt_status add_test(effekt_compare_result *r, effekt_compare_test test, const char *note)
{
    effekt_compare_test *t = effekt_realloc(r->tests, (r->n_tests + 1) * sizeof *t);
    if (!t)
        return EFFEKT_ENOMEM;
    r->tests = t;
    test.note = NULL;
    if (note && *note && !(test.note = effekt_strdup(note)))
        return EFFEKT_ENOMEM;
    r->tests[r->n_tests++] = test;
    return EFFEKT_OK;
}

/* A note of what the tests left out. */
static void note_left_out(const effekt_compare_result *r, effekt_diag *diag, const char *why)
{
    if (*why && diag)
        effekt_diag_add(diag, EFFEKT_NOTE, r->source, 0, 0, NULL, NULL, "tests %s", why);
}

/* Whether the pairs of kt groups are made; when not, a note says why. */
static int pairs_made(const effekt_compare_result *r, const effekt_compare_options *o, effekt_diag *diag, size_t kt)
{
    size_t limit = o->pairwise_limit;
    if (kt < 2 || kt <= limit)
        return 1;
    if (!diag)
        return 0;
    double pairs = (double)kt * (double)(kt - 1) / 2;
    if (limit == 0) {
        effekt_diag_add(diag, EFFEKT_NOTE, r->source, 0, 0, NULL, NULL, "pairwise comparisons not made");
        effekt_diag_hint(diag, EFFEKT_HINT_PAIRWISE_NONE);
    } else {
        effekt_diag_add(diag, EFFEKT_NOTE, r->source, 0, 0, NULL, NULL,
                        "pairwise comparisons not made: %zu groups would make %.0f pairs; they are made "
                        "for at most %zu groups %s", kt, pairs, limit, o->pairwise_asked ? "as asked" : "by default");
        effekt_diag_hint(diag, EFFEKT_HINT_PAIRWISE_LIMIT);
    }
    return 0;
}

static effekt_status alloc_pairs(effekt_compare_result *r, size_t kt, const size_t *tested)
{
    size_t m = kt * (kt - 1) / 2, q = 0;
    r->pairs = effekt_calloc(m + 1, sizeof *r->pairs);
    if (!r->pairs)
        return EFFEKT_ENOMEM;
    for (size_t a = 0; a < kt; a++)
        for (size_t b = a + 1; b < kt; b++, q++) {
            r->pairs[q].group = tested[a];
            r->pairs[q].versus = tested[b];
        }
    r->n_pairs = m;
    return EFFEKT_OK;
}

/* The risk ratio with why it is undefined or has no interval. */
static effekt_compare_figure ratio_figure(double x1, double x2, double rr, double lo, double hi)
{
    const char *why = x1 == 0 && x2 == 0 ? "no events in either group"
                      : x2 == 0          ? "no events in the second group"
                      : x1 == 0          ? "no events in the first group: the log interval needs events in both"
                                         : "undefined";
    return (effekt_compare_figure){ rr, lo, hi, isnan(rr) || isnan(lo) ? why : NULL };
}

/* Where a rate lies against its funnel limits. */
static const char *funnel_position(double rate, double l95, double h95, double l998, double h998)
{
    return isnan(rate) ? "no values"
           : rate > h998 ? "above 99.8 % limit" : rate < l998 ? "below 99.8 % limit"
           : rate > h95 ? "above 95 % limit" : rate < l95 ? "below 95 % limit" : "inside";
}

static effekt_status run_rates(const effekt_table *t, const effekt_compare_options *o, effekt_compare_result *r,
                               effekt_diag *diag)
{
    const effekt_column *oc = effekt_outcome_column(t, o->outcome, diag);
    if (!oc)
        return EFFEKT_EINVAL;
    effekt_group *grp = NULL;
    effekt_status st = effekt_group_create(t, &o->by, 1, &grp, diag);
    if (st == EFFEKT_EINVAL)
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
    double *x = NULL, *n = NULL, *xt = NULL, *nt = NULL;
    size_t *tested = NULL, kt = 0;
    for (size_t row = 0; st == EFFEKT_OK && row < t->n_rows; row++) {
        double v;
        if ((st = effekt_outcome_read(t, oc, row, &v, diag)) == EFFEKT_OK)
            st = effekt_group_add(grp, row, NULL);
    }
    size_t k = grp && st == EFFEKT_OK ? effekt_group_count(grp) : 0;
    if (st == EFFEKT_OK) {
        x = effekt_calloc(k + 1, sizeof *x);
        n = effekt_calloc(k + 1, sizeof *n);
        xt = effekt_calloc(k + 1, sizeof *xt);
        nt = effekt_calloc(k + 1, sizeof *nt);
        tested = effekt_calloc(k + 1, sizeof *tested);
        st = x && n && xt && nt && tested ? make_groups(r, grp) : EFFEKT_ENOMEM;
    }
    const uint32_t *gid = st == EFFEKT_OK ? effekt_group_rows(grp) : NULL;
    if (st == EFFEKT_OK && !gid)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        for (size_t row = 0; row < t->n_rows; row++) {
            double v;
            effekt_outcome_read(t, oc, row, &v, NULL);   /* checked above */
            if (isnan(v))
                r->groups[gid[row]].missing++;
            else {
                n[gid[row]]++;
                x[gid[row]] += v;
            }
        }
    }
    char left_out[512] = "";
    double p0 = NAN;
    if (st == EFFEKT_OK) {
        for (size_t g = 0; g < k; g++) {
            r->groups[g].n = (size_t)n[g];
            r->groups[g].events = x[g];
        }
        tested_groups(r, tested, &kt, left_out, sizeof left_out);
        /* the funnel's pooled rate is over the tested groups too */
        double pooled_x = 0, pooled_n = 0;
        for (size_t j = 0; j < kt; j++) {
            xt[j] = x[tested[j]];
            nt[j] = n[tested[j]];
            pooled_x += xt[j];
            pooled_n += nt[j];
        }
        p0 = pooled_n > 0 ? pooled_x / pooled_n : NAN;
        for (size_t g = 0; g < k; g++) {
            effekt_compare_group *cg = &r->groups[g];
            double lo, hi;
            effekt_interval_binomial(x[g], n[g], o->confidence, o->interval, &lo, &hi);
            double rate = n[g] > 0 ? x[g] / n[g] : NAN;
            cg->rate = figure(rate, lo, hi, "no values");
            if (o->funnel) {
                double l95, h95, l998, h998;
                effekt_binomial_limits((unsigned long)n[g], p0, 0.95, &l95, &h95);
                effekt_binomial_limits((unsigned long)n[g], p0, 0.998, &l998, &h998);
                cg->pooled = p0;
                cg->limits_95 = figure(isnan(l95) ? NAN : p0, l95, h95, "no values");
                cg->limits_99_8 = figure(isnan(l998) ? NAN : p0, l998, h998, "no values");
                cg->funnel = funnel_position(rate, l95, h95, l998, h998);
            }
        }
        effekt_compare_test chi = { .name = "chi-square test of homogeneity (no continuity correction)",
                                    .df2 = NAN };
        double emin;
        if (effekt_test_chisq_homogeneity(xt, nt, kt, &chi.statistic, &chi.df, &chi.p, &emin) == EFFEKT_OK) {
            if (emin < 5)
                st = warn(r, diag, "an expected count is below 5 (%.2f): the chi-square approximation is poor%s",
                          emin, kt == 2 ? "; prefer Fisher's exact test" : "");
        } else {
            chi.statistic = chi.df = chi.p = NAN;
            chi.reason = kt < 2 ? "fewer than two groups with values" : "no variation in the outcome";
        }
        note_left_out(r, diag, left_out);
        if (st == EFFEKT_OK)
            st = add_test(r, chi, left_out);
        if (st == EFFEKT_OK && kt == 2) {
            effekt_compare_test f = { .name = "Fisher's exact test (two-sided)", .null_statistic = 1,
                                      .statistic = NAN, .df = NAN, .df2 = NAN };
            f.p = effekt_test_fisher_exact((unsigned)xt[0], (unsigned)(nt[0] - xt[0]), (unsigned)xt[1],
                                           (unsigned)(nt[1] - xt[1]));
            st = add_test(r, f, left_out);
        }
    }
    /* every pair of tested groups, when there are few enough to read */
    if (st == EFFEKT_OK && kt >= 2 && pairs_made(r, o, diag, kt)) {
        st = alloc_pairs(r, kt, tested);
        size_t m = r->n_pairs, q = 0;
        double *pv = effekt_calloc(m + 1, sizeof *pv), *adj = effekt_calloc(m + 1, sizeof *adj);
        if (st == EFFEKT_OK && (!pv || !adj))
            st = EFFEKT_ENOMEM;
        if (st == EFFEKT_OK) {
            for (size_t a = 0; a < kt; a++)
                for (size_t b = a + 1; b < kt; b++, q++) {
                    double xx[2] = { xt[a], xt[b] }, nn[2] = { nt[a], nt[b] }, s2, d2, e2;
                    if (effekt_test_chisq_homogeneity(xx, nn, 2, &s2, &d2, &pv[q], &e2) != EFFEKT_OK)
                        pv[q] = NAN;
                }
            effekt_adjust_p(pv, m, o->adjust, adj);
            q = 0;
            for (size_t a = 0; a < kt; a++)
                for (size_t b = a + 1; b < kt; b++, q++) {
                    effekt_compare_pair *p = &r->pairs[q];
                    double d, dl, dh, rr, rl, rh;
                    effekt_risk_difference(xt[a], nt[a], xt[b], nt[b], o->confidence, &d, &dl, &dh);
                    effekt_risk_ratio(xt[a], nt[a], xt[b], nt[b], o->confidence, &rr, &rl, &rh);
                    p->difference = figure(d, dl, dh, "a group has no values");
                    p->risk_ratio = ratio_figure(xt[a], xt[b], rr, rl, rh);
                    p->p = figure(pv[q], NAN, NAN, "no variation in the outcome");
                    p->p_adjusted = figure(adj[q], NAN, NAN, "no variation in the outcome");
                }
        }
        free(pv);
        free(adj);
    }
    free(x);
    free(n);
    free(xt);
    free(nt);
    free(tested);
    effekt_group_destroy(grp);
    return st;
}

static effekt_compare_test test_of(const char *name, const effekt_test_result *tr, effekt_status st)
{
    return (effekt_compare_test){ .name = name, .statistic = tr->statistic, .df = tr->df, .df2 = tr->df2,
                                  .p = tr->p, .has_df2 = 1,
                                  .reason = st != EFFEKT_OK ? "too few values or no variation"
                                            : tr->exact ? "exact p-value" : NULL };
}

/* VALUES: the values of each group gathered, then the tests. */
static effekt_status run_values(const effekt_table *t, const effekt_compare_options *o, effekt_compare_result *r,
                                effekt_diag *diag)
{
    const effekt_column *vc = effekt_table_column(t, o->value);
    if (!vc)
        return effekt_column_problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_VALUE, o->value, "no column '%s'", o->value);
    if (vc->type != EFFEKT_TYPE_INTEGER && vc->type != EFFEKT_TYPE_NUMBER)
        return effekt_column_problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_VALUE, vc->heading,
                              "column '%s' is %s; values to compare are numbers", vc->heading,
                              effekt_type_name(vc->type));
    effekt_group *grp = NULL;
    effekt_status st = effekt_group_create(t, &o->by, 1, &grp, diag);
    if (st == EFFEKT_EINVAL)
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
    if (st == EFFEKT_OK)
        st = effekt_group_add_all(grp);
    if (st == EFFEKT_OK)
        st = make_groups(r, grp);
    if (st != EFFEKT_OK) {
        effekt_group_destroy(grp);
        return st;
    }
    size_t n = t->n_rows, k = r->n_groups;
    const uint32_t *gid = effekt_group_rows(grp);
    if (!gid) {
        effekt_group_destroy(grp);
        return EFFEKT_ENOMEM;
    }
    size_t *start = effekt_calloc(k + 2, sizeof *start), *tested = effekt_calloc(k + 1, sizeof *tested);
    size_t *tcount = effekt_calloc(k + 1, sizeof *tcount), *count = effekt_calloc(k + 1, sizeof *count);
    size_t *fill = effekt_calloc(k + 1, sizeof *fill);
    double *vals = effekt_malloc((n ? n : 1) * sizeof *vals), *work = effekt_malloc((n ? n : 1) * sizeof *work);
    const double **groups = effekt_calloc(k + 1, sizeof *groups), **tgroups = effekt_calloc(k + 1, sizeof *tgroups);
    size_t m = 0, kt = 0;
    double *pt = NULL, *pu = NULL, *at = NULL, *au = NULL;
    effekt_test_result *tr = NULL, *ur = NULL, *gr = NULL;
    if (!start || !tested || !tcount || !count || !fill || !vals || !work || !groups || !tgroups)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        for (size_t row = 0; row < n; row++)
            isnan(vc->values[row]) ? r->groups[gid[row]].missing++ : count[gid[row]]++;
        for (size_t g = 0; g < k; g++)
            start[g + 1] = start[g] + count[g];
        for (size_t row = 0; row < n; row++)
            if (!isnan(vc->values[row]))
                vals[start[gid[row]] + fill[gid[row]]++] = vc->values[row];
        for (size_t g = 0; g < k; g++) {
            groups[g] = vals + start[g];
            effekt_stats_options dopt = { .confidence = o->confidence, .decimals = vc->decimals,
                                             .skip = EFFEKT_SKIP_SHAPE | EFFEKT_SKIP_MAD };
            effekt_stats_summary s;
            effekt_stats_describe(groups[g], count[g], &dopt, work, &s);
            effekt_compare_group *cg = &r->groups[g];
            cg->n = count[g];
            cg->mean = figure(s.mean, s.ci_lower, s.ci_upper, "no values");
            cg->sd = s.sd;
            cg->median = s.median;
        }
        /* the tests take the groups with values, not the missing group values */
        char left_out[512];
        tested_groups(r, tested, &kt, left_out, sizeof left_out);
        for (size_t j = 0; j < kt; j++) {
            tgroups[j] = groups[tested[j]];
            tcount[j] = count[tested[j]];
        }
        effekt_test_result res;
        effekt_status ts;
        if (kt == 2) {
            ts = effekt_test_welch_t(tgroups[0], tcount[0], tgroups[1], tcount[1], o->confidence, &res);
            st = add_test(r, test_of("Welch two-sample t-test", &res, ts), left_out);
            ts = effekt_test_mann_whitney(tgroups[0], tcount[0], tgroups[1], tcount[1], &res);
            if (st == EFFEKT_OK)
                st = add_test(r, test_of("Mann-Whitney U (Wilcoxon rank sum), statistic W", &res, ts), left_out);
        } else if (kt > 2) {
            ts = effekt_test_welch_anova(tgroups, tcount, kt, &res);
            st = add_test(r, test_of("Welch one-way ANOVA, statistic F", &res, ts), left_out);
            ts = effekt_test_kruskal_wallis(tgroups, tcount, kt, &res);
            if (st == EFFEKT_OK)
                st = add_test(r, test_of("Kruskal-Wallis, statistic H", &res, ts), left_out);
        } else {
            /* one group: say why there is no test rather than show none */
            effekt_compare_test none = { .name = "between groups", .statistic = NAN, .df = NAN, .df2 = NAN,
                                         .p = NAN, .null_statistic = 1,
                                         .reason = kt == 1 ? "one group only: nothing to compare"
                                                           : "no group with values" };
            st = add_test(r, none, left_out);
        }
        note_left_out(r, diag, left_out);
        m = st == EFFEKT_OK && kt >= 2 && pairs_made(r, o, diag, kt) ? kt * (kt - 1) / 2 : 0;
    }
    if (st == EFFEKT_OK && m) {
        pt = effekt_calloc(m + 1, sizeof *pt);
        pu = effekt_calloc(m + 1, sizeof *pu);
        at = effekt_calloc(m + 1, sizeof *at);
        au = effekt_calloc(m + 1, sizeof *au);
        tr = effekt_calloc(m + 1, sizeof *tr);
        ur = effekt_calloc(m + 1, sizeof *ur);
        gr = effekt_calloc(m + 1, sizeof *gr);
        st = pt && pu && at && au && tr && ur && gr ? alloc_pairs(r, kt, tested) : EFFEKT_ENOMEM;
    }
    if (st == EFFEKT_OK && m) {
        size_t q = 0;
        for (size_t i = 0; i < kt; i++)
            for (size_t j = i + 1; j < kt; j++, q++) {
                effekt_test_welch_t(tgroups[i], tcount[i], tgroups[j], tcount[j], o->confidence, &tr[q]);
                effekt_test_mann_whitney(tgroups[i], tcount[i], tgroups[j], tcount[j], &ur[q]);
                effekt_test_hedges_g(tgroups[i], tcount[i], tgroups[j], tcount[j], o->confidence, &gr[q]);
                pt[q] = tr[q].p;
                pu[q] = ur[q].p;
            }
        effekt_adjust_p(pt, m, o->adjust, at);
        effekt_adjust_p(pu, m, o->adjust, au);
        for (q = 0; q < m; q++) {
            effekt_compare_pair *p = &r->pairs[q];
            const char *few = "too few values or no variation";
            p->difference = figure(tr[q].estimate, tr[q].lower, tr[q].upper, "too few values");
            p->p_welch = figure(pt[q], NAN, NAN, few);
            p->p_welch_adjusted = figure(at[q], NAN, NAN, few);
            p->hedges_g = figure(gr[q].estimate, gr[q].lower, gr[q].upper, few);
            p->rank_biserial = figure(ur[q].estimate, NAN, NAN, "no values");
            p->p_mann_whitney = figure(pu[q], NAN, NAN, "no values");
            p->p_mann_whitney_adjusted = figure(au[q], NAN, NAN, "no values");
        }
    }
    free(pt);
    free(pu);
    free(at);
    free(au);
    free(tr);
    free(ur);
    free(gr);
    free(start);
    free(tested);
    free(tcount);
    free(count);
    free(fill);
    free(vals);
    free(work);
    free(groups);
    free(tgroups);
    effekt_group_destroy(grp);
    return st;
}

/* A column as numbers for a ratio: dates count 1 where given. */
static double ratio_value(const effekt_column *c, size_t r)
{
    if (c->type == EFFEKT_TYPE_DATE)
        return effekt_column_missing(c, r) ? 0.0 : 1.0;
    return c->values ? c->values[r] : NAN;
}

static effekt_status run_ratio(const effekt_table *t, const effekt_compare_options *o, effekt_compare_result *r,
                               effekt_diag *diag)
{
    const effekt_column *nc = effekt_table_column(t, o->numerator), *dc = effekt_table_column(t, o->denominator);
    const char *bad = !nc ? o->numerator : !dc ? o->denominator : NULL;
    if (bad)
        return effekt_column_problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_RATIO, bad, "no column '%s'", bad);
    if (nc->type == EFFEKT_TYPE_TEXT || dc->type == EFFEKT_TYPE_TEXT) {
        const effekt_column *c = nc->type == EFFEKT_TYPE_TEXT ? nc : dc;
        return effekt_column_problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_RATIO, c->heading,
                              "column '%s' is text; the columns of a ratio must hold numbers or dates", c->heading);
    }
    effekt_group *grp = NULL;
    effekt_status st = effekt_group_create(t, &o->by, o->by ? 1 : 0, &grp, diag);
    if (st == EFFEKT_EINVAL)
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
    if (st == EFFEKT_OK)
        st = effekt_group_add_all(grp);
    if (st == EFFEKT_OK)
        st = make_groups(r, grp);
    size_t n = t->n_rows, B = o->bootstrap ? o->bootstrap : 10000;
    double *num = effekt_malloc((n ? n : 1) * sizeof *num), *den = effekt_malloc((n ? n : 1) * sizeof *den);
    double *L = effekt_malloc((n ? n : 1) * sizeof *L), *rep = effekt_malloc(B * sizeof *rep);
    if (!num || !den || !L || !rep)
        st = EFFEKT_ENOMEM;
    const uint32_t *gid = grp ? effekt_group_rows(grp) : NULL;
    if (grp && !gid)
        st = EFFEKT_ENOMEM;
    for (size_t g = 0; st == EFFEKT_OK && g < r->n_groups; g++) {
        size_t m = 0, missing = 0;
        for (size_t row = 0; row < n; row++) {
            if (gid[row] != g)
                continue;
            double a = ratio_value(nc, row), b = ratio_value(dc, row);
            if (isnan(a) || isnan(b)) {
                missing++;
                continue;
            }
            num[m] = a;
            den[m] = b;
            m++;
        }
        long double sa = 0, sb = 0;
        for (size_t i = 0; i < m; i++) {
            sa += num[i];
            sb += den[i];
        }
        double t0 = sb != 0 ? (double)(sa / sb) : NAN;
        double pl = NAN, ph = NAN, bl = NAN, bh = NAN;
        const char *why = m < 2 ? "fewer than two rows" : sb == 0 ? "the denominator sums to 0" : NULL;
        const char *bca_why = NULL;
        size_t dropped = 0;
        if (!why) {
            st = effekt_bootstrap_ratio(num, den, m, B, o->seed, o->threads ? o->threads : 1, rep, &o->progress);
            if (st == EFFEKT_OK)
                st = effekt_bootstrap_jackknife(num, den, m, L);
            if (st != EFFEKT_OK)
                break;
            if (effekt_bootstrap_intervals(t0, rep, B, L, m, o->confidence, &pl, &ph, &bl, &bh, &dropped,
                                           &bca_why) != EFFEKT_OK && isnan(pl))
                why = bca_why ? bca_why : "the bootstrap distribution is degenerate";
        }
        effekt_compare_group *cg = &r->groups[g];
        cg->n = m;
        cg->missing = missing;
        cg->numerator = (double)sa;
        cg->denominator = (double)sb;
        cg->resamples_dropped = dropped;
        cg->ratio_percentile = figure(t0, pl, ph, why ? why : "undefined");
        cg->ratio_bca = figure(isnan(bl) ? NAN : t0, bl, bh, why ? why : bca_why ? bca_why : "BCa undefined");
    }
    free(num);
    free(den);
    free(L);
    free(rep);
    effekt_group_destroy(grp);
    return st;
}

effekt_status effekt_compare_run(const effekt_table *t, const effekt_compare_options *o,
                                 effekt_compare_result **out, effekt_diag *diag)
{
    *out = NULL;
    int ok = o->kind == EFFEKT_COMPARE_RATES    ? o->by && o->outcome
             : o->kind == EFFEKT_COMPARE_VALUES ? o->by && o->value
             : o->kind == EFFEKT_COMPARE_RATIO  ? o->numerator && o->denominator
                                                : 0;
    if (!ok || !(o->confidence > 0 && o->confidence < 1))
        return EFFEKT_EINVAL;
    effekt_compare_result *r = effekt_calloc(1, sizeof *r);
    if (!r || !(r->source = effekt_strdup(t->source ? t->source : ""))) {
        free(r);
        return EFFEKT_ENOMEM;
    }
    r->kind = o->kind;
    effekt_status st = o->kind == EFFEKT_COMPARE_RATES    ? run_rates(t, o, r, diag)
                       : o->kind == EFFEKT_COMPARE_VALUES ? run_values(t, o, r, diag)
                                                          : run_ratio(t, o, r, diag);
    if (st != EFFEKT_OK) {
        effekt_compare_result_destroy(r);
        return st;
    }
    *out = r;
    return EFFEKT_OK;
}
