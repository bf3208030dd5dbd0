/* A Cox model of a table's spells: the spells effekt retention builds
 * (effekt_spells_build), covariates from the spells' rows (numbers as
 * they are, text as indicators against a reference level), strata by a
 * column; then effekt_cox_fit and effekt_cox_zph (stats/cox.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "effekt/cox.h"
#include "effekt/group.h"
#include "lib_alloc.h"

void effekt_cox_options_init(effekt_cox_options *o)
{
    memset(o, 0, sizeof *o);
    o->confidence = 0.95;
}

void effekt_cox_result_destroy(effekt_cox_result *r)
{
    if (!r)
        return;
    for (size_t j = 0; j < r->p; j++) {
        free(r->coefs[j].name);
        free(r->coefs[j].term);
        free(r->coefs[j].level);
    }
    for (size_t j = 0; j < r->n_zph; j++) {
        free(r->zph[j].term);
        free(r->zph[j].reference);
    }
    free(r->coefs);
    free(r->zph);
    free(r->strata);
    free(r);
}

/* A covariate's columns of the design. */
typedef struct {
    const effekt_column *c;
    int categorical;
    char **levels;                /* sorted; levels[0] the reference */
    size_t n_levels;
} covariate;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_covariates(covariate *cv, size_t n)
{
    for (size_t i = 0; cv && i < n; i++) {
        for (size_t l = 0; l < cv[i].n_levels; l++)
            free(cv[i].levels[l]);
        free(cv[i].levels);
    }
    free(cv);
}

/* The levels of a text column among the rows used, sorted. */
static effekt_status levels_of(covariate *v, const size_t *rows, size_t m)
{
    char **lv = effekt_calloc(m + 1, sizeof *lv);
    if (!lv)
        return EFFEKT_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        char text[512];
        effekt_group_value_text(v->c, rows[i], text, sizeof text);
        size_t j = 0;
        while (j < k && strcmp(lv[j], text) != 0)
            j++;
        if (j == k && !(lv[k++] = effekt_strdup(text))) {
            for (size_t a = 0; a < k - 1; a++)
                free(lv[a]);
            free(lv);
            return EFFEKT_ENOMEM;
        }
    }
    qsort(lv, k, sizeof *lv, cmp_str);
    v->levels = lv;
    v->n_levels = k;
    return EFFEKT_OK;
}

static int missing_at(const effekt_column *c, size_t r)
{
    return effekt_column_missing(c, r);
}

effekt_status effekt_cox_run(const effekt_table *t, const effekt_cox_options *o, effekt_cox_result **out,
                             effekt_diag *diag)
{
    *out = NULL;
    if (o->n_covariates == 0) {
        if (diag)
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, NULL, NULL, "a Cox model needs a covariate");
        return EFFEKT_EINVAL;
    }
    covariate *cv = effekt_calloc(o->n_covariates, sizeof *cv);
    if (!cv)
        return EFFEKT_ENOMEM;
    effekt_status st = EFFEKT_OK;
    for (size_t i = 0; i < o->n_covariates && st == EFFEKT_OK; i++) {
        const effekt_column *c = effekt_table_column(t, o->covariates[i]);
        if (!c || c->type == EFFEKT_TYPE_DATE) {
            if (diag)
                effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, o->covariates[i], NULL,
                                c ? "covariate '%s' is a date (expected numbers or categories)"
                                  : "covariate '%s' is not a column of the file",
                                o->covariates[i]);
            st = EFFEKT_EINVAL;
            break;
        }
        cv[i].c = c;
        cv[i].categorical = c->type == EFFEKT_TYPE_TEXT;
    }
    const effekt_column *sc = NULL;
    if (st == EFFEKT_OK && o->strata && !(sc = effekt_table_column(t, o->strata))) {
        if (diag)
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, o->strata, NULL,
                            "strata: '%s' is not a column of the file", o->strata);
        st = EFFEKT_EINVAL;
    }
    effekt_spells *sp = NULL;
    if (st == EFFEKT_OK) {
        effekt_spells_options so = o->spells;
        so.by = NULL;
        st = effekt_spells_build(t, &so, &sp, diag);
    }
    /* the spells with every covariate and the stratum */
    size_t m = 0, n_all = sp ? sp->n : 0;
    size_t *rows = NULL, *keep = NULL;
    if (st == EFFEKT_OK) {
        rows = effekt_calloc(n_all + 1, sizeof *rows);
        keep = effekt_calloc(n_all + 1, sizeof *keep);
        if (!rows || !keep)
            st = EFFEKT_ENOMEM;
    }
    for (size_t s = 0; st == EFFEKT_OK && s < n_all; s++) {
        size_t r = sp->row[s];
        int ok = !sc || !missing_at(sc, r);
        for (size_t i = 0; ok && i < o->n_covariates; i++)
            ok = !missing_at(cv[i].c, r);
        if (ok) {
            keep[m] = s;
            rows[m++] = r;
        }
    }
    size_t p = 0;
    for (size_t i = 0; st == EFFEKT_OK && i < o->n_covariates; i++) {
        if (cv[i].categorical) {
            st = levels_of(&cv[i], rows, m);
            if (st == EFFEKT_OK && cv[i].n_levels < 2) {
                if (diag)
                    effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, cv[i].c->heading, NULL,
                                    "covariate '%s' has one level ('%s') among the %zu spells used: nothing to "
                                    "compare (leave it out)",
                                    cv[i].c->heading, cv[i].n_levels ? cv[i].levels[0] : "", m);
                st = EFFEKT_EINVAL;
            }
            p += cv[i].n_levels - 1;
        } else {
            double first = NAN;
            int varies = 0;
            for (size_t k = 0; k < m && !varies; k++) {
                double v = cv[i].c->values[rows[k]];
                if (k == 0)
                    first = v;
                else
                    varies = v != first;
            }
            if (!varies) {
                if (diag)
                    effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, cv[i].c->heading, NULL,
                                    "covariate '%s' has one value (%g) among the %zu spells used: nothing to compare "
                                    "(leave it out)",
                                    cv[i].c->heading, first, m);
                st = EFFEKT_EINVAL;
            }
            p++;
        }
    }
    double *x = NULL, *time = NULL, *event = NULL, *beta = NULL, *var = NULL;
    size_t *strata = NULL, *term = NULL;
    int *inf = NULL;
    effekt_cox_result *r = NULL;
    if (st == EFFEKT_OK) {
        x = effekt_calloc(m * p + 1, sizeof *x);
        time = effekt_calloc(m + 1, sizeof *time);
        event = effekt_calloc(m + 1, sizeof *event);
        beta = effekt_calloc(p + 1, sizeof *beta);
        var = effekt_calloc(p * p + 1, sizeof *var);
        term = effekt_calloc(p + 1, sizeof *term);
        inf = effekt_calloc(p + 1, sizeof *inf);
        strata = sc ? effekt_calloc(m + 1, sizeof *strata) : NULL;
        r = effekt_calloc(1, sizeof *r);
        if (!x || !time || !event || !beta || !var || !term || !inf || (sc && !strata) || !r ||
            !(r->coefs = effekt_calloc(p + 1, sizeof *r->coefs)) ||
            !(r->zph = effekt_calloc(o->n_covariates + 2, sizeof *r->zph)))
            st = EFFEKT_ENOMEM;
    }
    if (st == EFFEKT_OK) {
        r->p = p;
        r->confidence = o->confidence;
        r->n = m;
        r->excluded = sp->excluded;
        r->missing = n_all - m;
        /* the design */
        for (size_t k = 0; k < m; k++) {
            size_t row = rows[k], j = 0;
            time[k] = sp->time[keep[k]];
            event[k] = sp->event[keep[k]];
            r->events += event[k] != 0;
            for (size_t i = 0; i < o->n_covariates; i++) {
                if (!cv[i].categorical) {
                    x[k * p + j++] = cv[i].c->values[row];
                    continue;
                }
                char text[512];
                effekt_group_value_text(cv[i].c, row, text, sizeof text);
                for (size_t l = 1; l < cv[i].n_levels; l++)
                    x[k * p + j++] = strcmp(text, cv[i].levels[l]) == 0;
            }
        }
        /* the strata as ids in order of first appearance */
        if (sc) {
            char **keys = effekt_calloc(m + 1, sizeof *keys);
            size_t nk = 0;
            st = keys ? EFFEKT_OK : EFFEKT_ENOMEM;
            for (size_t k = 0; st == EFFEKT_OK && k < m; k++) {
                char text[512];
                effekt_group_value_text(sc, rows[k], text, sizeof text);
                size_t id = 0;
                while (id < nk && strcmp(keys[id], text) != 0)
                    id++;
                if (id == nk && !(keys[nk++] = effekt_strdup(text)))
                    st = EFFEKT_ENOMEM;
                strata[k] = id;
            }
            for (size_t k = 0; keys && k < nk; k++)
                free(keys[k]);
            free(keys);
            r->n_strata = nk;
            if (st == EFFEKT_OK && !(r->strata = effekt_strdup(o->strata)))
                st = EFFEKT_ENOMEM;
        } else
            r->n_strata = 1;
        /* names: R's, column then level */
        size_t j = 0;
        for (size_t i = 0; st == EFFEKT_OK && i < o->n_covariates; i++) {
            size_t nl = cv[i].categorical ? cv[i].n_levels - 1 : 1;
            for (size_t l = 0; l < nl && st == EFFEKT_OK; l++, j++) {
                effekt_cox_coef *c = &r->coefs[j];
                term[j] = i;
                const char *lev = cv[i].categorical ? cv[i].levels[l + 1] : "";
                size_t len = strlen(cv[i].c->heading) + strlen(lev) + 1;
                c->name = effekt_malloc(len);
                c->term = effekt_strdup(cv[i].c->heading);
                c->level = cv[i].categorical ? effekt_strdup(lev) : NULL;
                if (!c->name || !c->term || (cv[i].categorical && !c->level))
                    st = EFFEKT_ENOMEM;
                else
                    snprintf(c->name, len, "%s%s", cv[i].c->heading, lev);
            }
        }
    }
    if (st == EFFEKT_OK) {
        effekt_diag fd;
        effekt_diag_init(&fd);
        st = effekt_cox_fit(time, event, x, m, p, strata, beta, var, inf, &r->stats, &fd);
        for (size_t i = 0; diag && i < fd.n; i++)
            effekt_diag_add(diag, fd.items[i].severity, t->source, 0, 0, NULL, NULL, "%s", fd.items[i].message);
        effekt_diag_clear(&fd);
    }
    if (st == EFFEKT_OK) {
        double z = gsl_cdf_ugaussian_Qinv((1 - o->confidence) / 2);
        for (size_t j = 0; j < p; j++) {
            effekt_cox_coef *c = &r->coefs[j];
            c->coef = beta[j];
            c->se = sqrt(var[j * p + j]);
            c->z = c->coef / c->se;
            c->p = 2 * gsl_cdf_ugaussian_Q(fabs(c->z));
            c->hr = exp(c->coef);
            c->hr_lower = exp(c->coef - z * c->se);
            c->hr_upper = exp(c->coef + z * c->se);
            c->infinite = inf[j];
            if (inf[j] && diag)
                effekt_diag_add(diag, EFFEKT_WARNING, t->source, 0, 0, c->term, NULL,
                                "covariate '%s': its coefficient runs off to infinity (%.4g after %d steps): the "
                                "covariate predicts which spells end perfectly (e.g. a level in which every spell "
                                "ends, or none does); its hazard ratio and interval mean nothing (coxph warns: "
                                "coefficient may be infinite)",
                                c->name, c->coef, r->stats.iterations);
        }
        if (!r->stats.converged && diag)
            effekt_diag_add(diag, EFFEKT_WARNING, t->source, 0, 0, NULL, NULL,
                            "the Cox model did not converge in 20 Newton-Raphson steps");
        double dfp = (double)p;
        r->lr = 2 * (r->stats.loglik - r->stats.loglik0);
        r->lr_df = dfp;
        r->lr_p = gsl_cdf_chisq_Q(r->lr, dfp);
        r->wald_p = gsl_cdf_chisq_Q(r->stats.wald, dfp);
        r->score_p = gsl_cdf_chisq_Q(r->stats.score, dfp);
        size_t nt = o->n_covariates;
        double *chisq = effekt_calloc(nt + 1, sizeof *chisq), *df = effekt_calloc(nt + 1, sizeof *df),
               *pv = effekt_calloc(nt + 1, sizeof *pv);
        st = chisq && df && pv ? effekt_cox_zph(time, event, x, m, p, strata, beta, term, nt, chisq, df, pv)
                               : EFFEKT_ENOMEM;
        for (size_t i = 0; st == EFFEKT_OK && i <= nt; i++) {
            effekt_cox_term *zt = &r->zph[i];
            zt->term = effekt_strdup(i < nt ? cv[i].c->heading : "GLOBAL");
            if (!zt->term || (i < nt && cv[i].categorical && !(zt->reference = effekt_strdup(cv[i].levels[0]))))
                st = EFFEKT_ENOMEM;
            zt->chisq = chisq[i];
            zt->df = df[i];
            zt->p = pv[i];
            r->n_zph++;
        }
        if (st == EFFEKT_EUNDEF && diag)
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, NULL, NULL,
                            "the test of proportional hazards has a singular information matrix");
        free(chisq);
        free(df);
        free(pv);
    }
    free_covariates(cv, o->n_covariates);
    effekt_spells_destroy(sp);
    free(rows);
    free(keep);
    free(x);
    free(time);
    free(event);
    free(beta);
    free(var);
    free(term);
    free(inf);
    free(strata);
    if (st != EFFEKT_OK) {
        effekt_cox_result_destroy(r);
        return st;
    }
    *out = r;
    return EFFEKT_OK;
}
