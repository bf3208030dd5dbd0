/* Regression of an outcome on predictors named by column: OLS as R's lm
 * (gsl_multifit_linear), logistic and Poisson regression as R's glm.fit
 * (iteratively reweighted least squares, each step gsl_multifit_wlinear,
 * with glm's own convergence rule), and the sandwich estimators HC1 and
 * cluster-robust as the R package sandwich computes them. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <float.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_result.h>

#include "effekt/model.h"
#include "effekt/outcome.h"
#include "lib_alloc.h"
#include "lib_gsl.h"

static const char *const family_names[] = { "gaussian", "binomial", "poisson" };

effekt_status effekt_model_family_parse(const char *name, effekt_model_family *out)
{
    if (!name)
        return EFFEKT_EINVAL;
    for (size_t i = 0; i < sizeof family_names / sizeof *family_names; i++)
        if (strcasecmp(name, family_names[i]) == 0) {
            *out = (effekt_model_family)i;
            return EFFEKT_OK;
        }
    if (strcasecmp(name, "linear") == 0)
        *out = EFFEKT_MODEL_GAUSSIAN;
    else if (strcasecmp(name, "logistic") == 0)
        *out = EFFEKT_MODEL_BINOMIAL;
    else
        return EFFEKT_EINVAL;
    return EFFEKT_OK;
}

const char *effekt_model_family_name(effekt_model_family family)
{
    return (size_t)family < sizeof family_names / sizeof *family_names ? family_names[family] : "?";
}

const char *effekt_model_se_name(effekt_model_se se)
{
    return se == EFFEKT_MODEL_SE_MODEL ? "model" : se == EFFEKT_MODEL_SE_HC1 ? "HC1"
           : se == EFFEKT_MODEL_SE_CLUSTER ? "cluster" : "?";
}

void effekt_model_options_init(effekt_model_options *o, effekt_model_family family)
{
    memset(o, 0, sizeof *o);
    o->family = family;
    o->confidence = 0.95;
    o->max_iterations = 25;
    o->epsilon = 1e-8;
}

void effekt_model_result_destroy(effekt_model_result *r)
{
    if (!r)
        return;
    for (size_t j = 0; j < r->n_coefs; j++) {
        free(r->coefs[j].name);
        free(r->coefs[j].column);
        free(r->coefs[j].level);
    }
    for (size_t j = 0; j < r->n_factors; j++) {
        free(r->factors[j].column);
        free(r->factors[j].level);
    }
    free(r->coefs);
    free(r->factors);
    free(r->source);
    free(r->outcome);
    free(r->cov);
    free(r->fitted);
    free(r->used);
    free(r);
}

static effekt_status problem(effekt_diag *diag, const effekt_table *t, effekt_status st, effekt_hint hint,
                             size_t line, size_t col, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));
static effekt_status problem(effekt_diag *diag, const effekt_table *t, effekt_status st, effekt_hint hint,
                             size_t line, size_t col, const char *column, const char *fmt, ...)
{
    if (!diag)
        return st;
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    effekt_diag_add(diag, EFFEKT_ERROR, t->source, line, col, column, NULL, "%s", text);
    if (hint != EFFEKT_HINT_NONE)
        effekt_diag_hint(diag, hint);
    return st;
}

/* A predictor: a numeric column, or a text column as indicators of its
 * levels other than the reference. */
typedef struct {
    const effekt_column *c;
    int text;
    char **levels;        /* sorted, distinct, among the rows used (borrowed from the table) */
    size_t n_levels, ref;
    size_t first;         /* its first column in X */
} predictor;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The levels of a text column among the rows used, sorted by bytes
 * (R's factor() sorts by the locale's collation: the same for the
 * lower-case words of these data, not for mixed case). */
static effekt_status collect_levels(predictor *p, const unsigned char *used, size_t n_rows)
{
    char **all = effekt_malloc((n_rows ? n_rows : 1) * sizeof *all);
    if (!all)
        return EFFEKT_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < n_rows; i++)
        if (used[i])
            all[m++] = p->c->text[i];
    qsort(all, m, sizeof *all, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < m; i++)
        if (k == 0 || strcmp(all[i], all[k - 1]) != 0)
            all[k++] = all[i];
    p->levels = all;
    p->n_levels = k;
    return EFFEKT_OK;
}

static size_t level_of(const predictor *p, const char *s)
{
    char *const *hit = bsearch(&s, p->levels, p->n_levels, sizeof *p->levels, cmp_str);
    return hit ? (size_t)(hit - p->levels) : (size_t)-1;
}

/* ---- the links (as R's binomial() and poisson(), with their clamps) ---- */

static double linkinv(effekt_model_family f, double eta)
{
    if (f == EFFEKT_MODEL_BINOMIAL) {
        double tmp = eta < -30 ? DBL_EPSILON : eta > 30 ? 1 / DBL_EPSILON : exp(eta);
        return tmp / (1 + tmp);
    }
    return fmax(exp(eta), DBL_EPSILON);
}

static double mu_eta(effekt_model_family f, double eta)
{
    if (f == EFFEKT_MODEL_BINOMIAL) {
        double opexp = 1 + exp(eta);
        return eta > 30 || eta < -30 ? DBL_EPSILON : exp(eta) / (opexp * opexp);
    }
    return fmax(exp(eta), DBL_EPSILON);
}

static double variance(effekt_model_family f, double mu)
{
    return f == EFFEKT_MODEL_BINOMIAL ? mu * (1 - mu) : mu;
}

static double link(effekt_model_family f, double mu)
{
    return f == EFFEKT_MODEL_BINOMIAL ? log(mu / (1 - mu)) : log(mu);
}

static double dev_resid(effekt_model_family f, double y, double mu)
{
    if (f == EFFEKT_MODEL_BINOMIAL)
        return 2 * ((y > 0 ? y * log(y / mu) : 0) + (y < 1 ? (1 - y) * log((1 - y) / (1 - mu)) : 0));
    return y > 0 ? 2 * (y * log(y / mu) - (y - mu)) : 2 * mu;
}

/* The log-likelihood of one row at its fitted mean (for the AIC, as the
 * families' aic() in R). */
static double loglik_row(effekt_model_family f, double y, double mu)
{
    if (f == EFFEKT_MODEL_BINOMIAL)
        return y > 0.5 ? log(mu) : log1p(-mu);
    return (y > 0 ? y * log(mu) : 0) - mu - gsl_sf_lngamma(y + 1);
}

/* The first column of X (n x k) that is, to R's tolerance 1e-7, a linear
 * combination of the columns before it (modified Gram-Schmidt, the
 * order R's QR with limited pivoting keeps); k when none. */
static size_t collinear_column(const gsl_matrix *X)
{
    size_t n = X->size1, k = X->size2, found = k;
    gsl_matrix *Q = gsl_matrix_alloc(n, k);
    if (!Q)
        return k;
    gsl_matrix_memcpy(Q, X);
    size_t *kept = malloc(k * sizeof *kept), nk = 0;
    for (size_t j = 0; kept && j < k && found == k; j++) {
        gsl_vector_view v = gsl_matrix_column(Q, j);
        double orig = gsl_blas_dnrm2(&v.vector);
        for (size_t a = 0; a < nk; a++) {
            gsl_vector_view q = gsl_matrix_column(Q, kept[a]);
            double d;
            gsl_blas_ddot(&q.vector, &v.vector, &d);
            gsl_blas_daxpy(-d, &q.vector, &v.vector);
        }
        double rest = gsl_blas_dnrm2(&v.vector);
        if (!(orig > 0) || rest < 1e-7 * orig) {
            found = j;
            break;
        }
        gsl_vector_scale(&v.vector, 1 / rest);
        kept[nk++] = j;
    }
    free(kept);
    gsl_matrix_free(Q);
    return found;
}

/* bread * meat * bread * scale into V (k x k): the sandwich. */
static void sandwich(const gsl_matrix *bread, const gsl_matrix *meat, double scale, gsl_matrix *V, gsl_matrix *tmp)
{
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, bread, meat, 0.0, tmp);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, scale, tmp, bread, 0.0, V);
}

typedef struct {
    const char *key;
    size_t row;
} keyed_row;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed_row *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* Cluster ids 0..G-1 of the m rows used (rows[] their table rows), by
 * the text of the cluster column. */
static effekt_status cluster_ids(const effekt_column *cc, const size_t *rows, size_t m, size_t *id, size_t *G)
{
    keyed_row *kr = effekt_malloc((m ? m : 1) * sizeof *kr);
    char *texts = effekt_malloc((m ? m : 1) * 128);
    if (!kr || !texts) {
        free(kr);
        free(texts);
        return EFFEKT_ENOMEM;
    }
    for (size_t i = 0; i < m; i++) {
        char *s = texts + i * 128;
        effekt_column_text(cc, rows[i], s, 128);
        kr[i] = (keyed_row){ s, i };
    }
    qsort(kr, m, sizeof *kr, cmp_keyed);
    size_t g = 0;
    for (size_t i = 0; i < m; i++) {
        if (i > 0 && strcmp(kr[i].key, kr[i - 1].key) != 0)
            g++;
        id[kr[i].row] = g;
    }
    *G = m ? g + 1 : 0;
    free(kr);
    free(texts);
    return EFFEKT_OK;
}

static char *joined(const char *a, const char *b)
{
    size_t la = strlen(a), lb = b ? strlen(b) : 0;
    char *s = effekt_malloc(la + lb + 1);
    if (s) {
        memcpy(s, a, la);
        if (b)
            memcpy(s + la, b, lb);
        s[la + lb] = '\0';
    }
    return s;
}

/* The work of one fit, released in one place. */
typedef struct {
    predictor *preds;
    size_t n_preds;
    size_t *rows;                 /* the table rows used */
    double *y;
    gsl_matrix *X, *cov, *bread, *meat, *V, *tmp;
    gsl_vector *c, *w, *z, *eta, *mu, *wlast;
    gsl_multifit_linear_workspace *work;
    size_t *cid;
} fit_work;

static void work_free(fit_work *fw)
{
    for (size_t p = 0; p < fw->n_preds; p++)
        free(fw->preds[p].levels);
    free(fw->preds);
    free(fw->rows);
    free(fw->y);
    free(fw->cid);
    gsl_matrix_free(fw->X);
    gsl_matrix_free(fw->cov);
    gsl_matrix_free(fw->bread);
    gsl_matrix_free(fw->meat);
    gsl_matrix_free(fw->V);
    gsl_matrix_free(fw->tmp);
    gsl_vector_free(fw->c);
    gsl_vector_free(fw->w);
    gsl_vector_free(fw->z);
    gsl_vector_free(fw->eta);
    gsl_vector_free(fw->mu);
    gsl_vector_free(fw->wlast);
    if (fw->work)
        gsl_multifit_linear_free(fw->work);
}

/* The columns: outcome, predictors, cluster; which rows are used; the
 * factors' levels.  Fills r->used, n_used, n_dropped, the factors. */
static effekt_status read_columns(const effekt_table *t, const effekt_model_options *o, effekt_model_result *r,
                                  fit_work *fw, const effekt_column **oc_out, const effekt_column **cc_out,
                                  effekt_diag *diag)
{
    const effekt_column *oc = effekt_table_column(t, o->outcome);
    if (!oc)
        return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_OUTCOME, 0, 0, o->outcome, "no column '%s'", o->outcome);
    if (o->family == EFFEKT_MODEL_BINOMIAL && !effekt_outcome_column_ok(oc))
        return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_OUTCOME, 0, 0, oc->heading,
                       "column '%s' is %s; the outcome of a logistic model is 0/1, yes/no, or a date "
                       "(an event when given)", oc->heading, effekt_type_name(oc->type));
    if (o->family != EFFEKT_MODEL_BINOMIAL && oc->type != EFFEKT_TYPE_INTEGER && oc->type != EFFEKT_TYPE_NUMBER &&
        oc->type != EFFEKT_TYPE_BOOLEAN)
        return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_OUTCOME, 0, 0, oc->heading,
                       "column '%s' is %s; the outcome of a %s model is %s", oc->heading,
                       effekt_type_name(oc->type), o->family == EFFEKT_MODEL_POISSON ? "Poisson" : "linear",
                       o->family == EFFEKT_MODEL_POISSON ? "a count (a whole number 0 or more)" : "a number");
    const effekt_column *cc = NULL;
    if (o->se == EFFEKT_MODEL_SE_CLUSTER) {
        if (!o->cluster || !(cc = effekt_table_column(t, o->cluster)))
            return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_BY, 0, 0, o->cluster,
                           "no column '%s' (the clusters)", o->cluster ? o->cluster : "");
    }
    fw->preds = effekt_calloc(o->n_predictors + 1, sizeof *fw->preds);
    if (!fw->preds)
        return EFFEKT_ENOMEM;
    for (size_t p = 0; p < o->n_predictors; p++) {
        const effekt_column *c = effekt_table_column(t, o->predictors[p]);
        if (!c)
            return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, o->predictors[p],
                           "no column '%s' (a predictor)", o->predictors[p]);
        if (c == oc)
            return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, c->heading,
                           "column '%s' is the outcome; it cannot also be a predictor", c->heading);
        for (size_t q = 0; q < p; q++)
            if (fw->preds[q].c == c)
                return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, c->heading,
                               "predictor '%s' is named twice", c->heading);
        if (c->type != EFFEKT_TYPE_INTEGER && c->type != EFFEKT_TYPE_NUMBER && c->type != EFFEKT_TYPE_BOOLEAN &&
            c->type != EFFEKT_TYPE_TEXT)
            return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, c->heading,
                           "predictor '%s' is %s; a predictor is a number or text (categories)", c->heading,
                           effekt_type_name(c->type));
        fw->preds[p].c = c;
        fw->preds[p].text = c->type == EFFEKT_TYPE_TEXT;
        fw->n_preds++;
    }
    for (size_t j = 0; j < o->n_refs; j++) {
        const effekt_column *c = effekt_table_column(t, o->refs[j].column);
        size_t p = 0;
        while (p < fw->n_preds && fw->preds[p].c != c)
            p++;
        if (!c || p == fw->n_preds || !fw->preds[p].text)
            return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, o->refs[j].column,
                           "a reference level is given for '%s', which is not a text predictor of the model",
                           o->refs[j].column);
    }
    size_t n = t->n_rows;
    r->n_rows = n;
    if (!(r->used = effekt_calloc(n + 1, 1)) || !(fw->rows = effekt_malloc((n + 1) * sizeof *fw->rows)) ||
        !(fw->y = effekt_malloc((n + 1) * sizeof *fw->y)))
        return EFFEKT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        double v = o->family == EFFEKT_MODEL_BINOMIAL ? effekt_outcome_value(oc, i) : oc->values[i];
        int ok = !isnan(v);
        if (ok && ((o->family == EFFEKT_MODEL_BINOMIAL && v != 0 && v != 1) ||
                   (o->family == EFFEKT_MODEL_POISSON && !(v >= 0))))
            return problem(diag, t, EFFEKT_EVALUE, EFFEKT_HINT_OUTCOME, effekt_table_row_line(t, i), oc->index,
                           oc->heading, "outcome %g in column '%s' (expected %s)", v, oc->heading,
                           o->family == EFFEKT_MODEL_BINOMIAL ? "0 or 1" : "a count 0 or more");
        for (size_t p = 0; ok && p < fw->n_preds; p++)
            ok = !effekt_column_missing(fw->preds[p].c, i);
        if (ok && cc)
            ok = !effekt_column_missing(cc, i);
        if (ok) {
            r->used[i] = 1;
            fw->y[r->n_used] = v;
            fw->rows[r->n_used++] = i;
        }
    }
    r->n_dropped = n - r->n_used;
    size_t nf = 0;
    for (size_t p = 0; p < fw->n_preds; p++)
        nf += (size_t)fw->preds[p].text;
    if (!(r->factors = effekt_calloc(nf + 1, sizeof *r->factors)))
        return EFFEKT_ENOMEM;
    for (size_t p = 0; p < fw->n_preds; p++) {
        predictor *pr = &fw->preds[p];
        if (!pr->text)
            continue;
        if (collect_levels(pr, r->used, n) != EFFEKT_OK)
            return EFFEKT_ENOMEM;
        if (r->n_used > 0 && pr->n_levels < 2)
            return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, pr->c->heading,
                           "predictor '%s' has one level ('%s') in the %zu rows used; a category needs "
                           "another to be compared with", pr->c->heading, pr->levels[0], r->n_used);
        const char *want = NULL;
        for (size_t j = 0; j < o->n_refs; j++)
            if (effekt_table_column(t, o->refs[j].column) == pr->c)
                want = o->refs[j].level;
        pr->ref = 0;
        if (want && (pr->ref = level_of(pr, want)) == (size_t)-1) {
            char list[512] = "";
            for (size_t l = 0; l < pr->n_levels; l++) {
                size_t len = strlen(list);
                snprintf(list + len, sizeof list - len, "%s%s", l ? ", " : "", pr->levels[l]);
            }
            return problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, pr->c->heading,
                           "reference level '%s' is not a value of '%s' in the rows used (its levels: %s)", want,
                           pr->c->heading, list);
        }
        effekt_model_factor *f = &r->factors[r->n_factors++];
        if (!(f->column = effekt_strdup(pr->c->heading)) || !(f->level = effekt_strdup(pr->levels[pr->ref])))
            return EFFEKT_ENOMEM;
        f->n_levels = pr->n_levels;
    }
    *oc_out = oc;
    *cc_out = cc;
    return EFFEKT_OK;
}

/* X (n_used x k): the intercept, then each predictor's columns; the
 * coefficients' names. */
static effekt_status make_design(effekt_model_result *r, fit_work *fw)
{
    size_t k = 1;
    for (size_t p = 0; p < fw->n_preds; p++) {
        fw->preds[p].first = k;
        k += fw->preds[p].text ? fw->preds[p].n_levels - 1 : 1;
    }
    size_t m = r->n_used;
    if (!(r->coefs = effekt_calloc(k, sizeof *r->coefs)))
        return EFFEKT_ENOMEM;
    r->n_coefs = k;
    if (!(r->coefs[0].name = effekt_strdup("(Intercept)")))
        return EFFEKT_ENOMEM;
    for (size_t p = 0; p < fw->n_preds; p++) {
        const predictor *pr = &fw->preds[p];
        size_t j = pr->first;
        for (size_t l = 0; l < (pr->text ? pr->n_levels : 1); l++) {
            if (pr->text && l == pr->ref)
                continue;
            effekt_model_coef *cf = &r->coefs[j++];
            const char *level = pr->text ? pr->levels[l] : NULL;
            if (!(cf->name = joined(pr->c->heading, level)) || !(cf->column = effekt_strdup(pr->c->heading)) ||
                (level && !(cf->level = effekt_strdup(level))))
                return EFFEKT_ENOMEM;
        }
    }
    if (m == 0)
        return EFFEKT_OK;
    if (!(fw->X = gsl_matrix_calloc(m, k)))
        return EFFEKT_ENOMEM;
    for (size_t i = 0; i < m; i++) {
        size_t row = fw->rows[i];
        gsl_matrix_set(fw->X, i, 0, 1.0);
        for (size_t p = 0; p < fw->n_preds; p++) {
            const predictor *pr = &fw->preds[p];
            if (!pr->text) {
                gsl_matrix_set(fw->X, i, pr->first, pr->c->values[row]);
                continue;
            }
            size_t l = level_of(pr, pr->c->text[row]);
            if (l != pr->ref)
                gsl_matrix_set(fw->X, i, pr->first + l - (l > pr->ref), 1.0);
        }
    }
    return EFFEKT_OK;
}

static effekt_status alloc_fit(fit_work *fw, size_t m, size_t k)
{
    fw->cov = gsl_matrix_alloc(k, k);
    fw->bread = gsl_matrix_alloc(k, k);
    fw->meat = gsl_matrix_calloc(k, k);
    fw->V = gsl_matrix_alloc(k, k);
    fw->tmp = gsl_matrix_alloc(k, k);
    fw->c = gsl_vector_alloc(k);
    fw->w = gsl_vector_alloc(m);
    fw->z = gsl_vector_alloc(m);
    fw->eta = gsl_vector_alloc(m);
    fw->mu = gsl_vector_alloc(m);
    fw->wlast = gsl_vector_alloc(m);
    fw->work = gsl_multifit_linear_alloc(m, k);
    return fw->cov && fw->bread && fw->meat && fw->V && fw->tmp && fw->c && fw->w && fw->z && fw->eta && fw->mu &&
                   fw->wlast && fw->work
               ? EFFEKT_OK
               : EFFEKT_ENOMEM;
}

/* OLS: coefficients, the unscaled (X'X)^-1 into bread, residuals into z. */
static effekt_status fit_ols(const effekt_table *t, effekt_model_result *r, fit_work *fw, effekt_diag *diag)
{
    size_t m = r->n_used, k = r->n_coefs;
    gsl_vector_const_view yv = gsl_vector_const_view_array(fw->y, m);
    double rss;
    if (gsl_multifit_linear(fw->X, &yv.vector, fw->c, fw->cov, &rss, fw->work) != GSL_SUCCESS)
        return problem(diag, t, EFFEKT_EUNDEF, EFFEKT_HINT_NONE, 0, 0, NULL, "the least-squares fit failed");
    /* (X'X)^-1 without the residual variance, for the sandwich */
    gsl_vector_set_all(fw->w, 1.0);
    double chisq;
    gsl_vector *c1 = gsl_vector_alloc(k);
    if (!c1)
        return EFFEKT_ENOMEM;
    gsl_multifit_wlinear(fw->X, fw->w, &yv.vector, c1, fw->bread, &chisq, fw->work);
    gsl_vector_free(c1);
    double mean = 0, tss = 0;
    for (size_t i = 0; i < m; i++)
        mean += fw->y[i];
    mean /= (double)m;
    for (size_t i = 0; i < m; i++)
        tss += (fw->y[i] - mean) * (fw->y[i] - mean);
    gsl_blas_dgemv(CblasNoTrans, 1.0, fw->X, fw->c, 0.0, fw->mu);
    rss = 0;
    for (size_t i = 0; i < m; i++) {
        double e = fw->y[i] - gsl_vector_get(fw->mu, i);
        gsl_vector_set(fw->z, i, e);
        rss += e * e;
    }
    double dn = (double)m, dk = (double)k;
    r->deviance = rss;
    r->null_deviance = tss;
    r->df_residual = dn - dk;
    r->df_null = dn - 1;
    r->sigma = sqrt(rss / (dn - dk));
    r->r_squared = 1 - rss / tss;
    r->adj_r_squared = 1 - (1 - r->r_squared) * (dn - 1) / (dn - dk);
    r->log_likelihood = -dn / 2 * (log(2 * 3.14159265358979323846) + 1 + log(rss / dn));
    r->aic = -2 * r->log_likelihood + 2 * (dk + 1);
    r->t_statistic = 1;
    /* the model's covariance: sigma^2 (X'X)^-1 */
    gsl_matrix_memcpy(fw->cov, fw->bread);
    gsl_matrix_scale(fw->cov, rss / (dn - dk));
    return EFFEKT_OK;
}

/* IRLS as glm.fit: start from mustart, each step a weighted least-squares
 * fit of the working response, stop when the deviance changes by less
 * than epsilon relative.  The last step's weights stay in wlast and its
 * (X'WX)^-1 in bread (what summary.glm and sandwich use). */
static effekt_status fit_irls(const effekt_table *t, const effekt_model_options *o, effekt_model_result *r,
                              fit_work *fw, effekt_diag *diag)
{
    effekt_model_family f = o->family;
    size_t m = r->n_used, k = r->n_coefs;
    double devold = 0;
    for (size_t i = 0; i < m; i++) {
        double y = fw->y[i];
        double mustart = f == EFFEKT_MODEL_BINOMIAL ? (y + 0.5) / 2 : y + 0.1;
        double eta = link(f, mustart);
        gsl_vector_set(fw->eta, i, eta);
        gsl_vector_set(fw->mu, i, linkinv(f, eta));
        devold += dev_resid(f, y, gsl_vector_get(fw->mu, i));
    }
    int converged = 0;
    double dev = devold;
    size_t iter;
    size_t maxit = o->max_iterations ? o->max_iterations : 25;
    double eps = o->epsilon > 0 ? o->epsilon : 1e-8;
    for (iter = 1; iter <= maxit; iter++) {
        for (size_t i = 0; i < m; i++) {
            double eta = gsl_vector_get(fw->eta, i), mu = gsl_vector_get(fw->mu, i), me = mu_eta(f, eta);
            gsl_vector_set(fw->z, i, eta + (fw->y[i] - mu) / me);
            gsl_vector_set(fw->w, i, me * me / variance(f, mu));
        }
        double chisq;
        if (gsl_multifit_wlinear(fw->X, fw->w, fw->z, fw->c, fw->bread, &chisq, fw->work) != GSL_SUCCESS)
            return problem(diag, t, EFFEKT_EUNDEF, EFFEKT_HINT_NONE, 0, 0, NULL,
                           "the weighted least-squares step of the fit failed");
        gsl_vector_memcpy(fw->wlast, fw->w);
        gsl_blas_dgemv(CblasNoTrans, 1.0, fw->X, fw->c, 0.0, fw->eta);
        dev = 0;
        for (size_t i = 0; i < m; i++) {
            double mu = linkinv(f, gsl_vector_get(fw->eta, i));
            gsl_vector_set(fw->mu, i, mu);
            dev += dev_resid(f, fw->y[i], mu);
        }
        if (!isfinite(dev))
            return problem(diag, t, EFFEKT_EUNDEF, EFFEKT_HINT_NONE, 0, 0, NULL,
                           "the fit diverged (the deviance is no longer finite at iteration %zu)", iter);
        if (fabs(dev - devold) / (fabs(dev) + 0.1) < eps) {
            converged = 1;
            break;
        }
        devold = dev;
    }
    r->iterations = converged ? iter : maxit;
    /* perfect separation: glm warns "fitted probabilities numerically 0
     * or 1 occurred" and gives coefficients that are only where the
     * iterations stopped; here it is an error naming the largest one */
    size_t at_bound = 0;
    for (size_t i = 0; i < m; i++) {
        double mu = gsl_vector_get(fw->mu, i);
        if (f == EFFEKT_MODEL_BINOMIAL ? mu > 1 - 10 * DBL_EPSILON || mu < 10 * DBL_EPSILON : mu < 10 * DBL_EPSILON)
            at_bound++;
    }
    if (at_bound) {
        size_t big = k > 1 ? 1 : 0;
        for (size_t j = 1; j < k; j++)
            if (fabs(gsl_vector_get(fw->c, j)) > fabs(gsl_vector_get(fw->c, big)))
                big = j;
        return problem(diag, t, EFFEKT_EUNDEF, EFFEKT_HINT_NONE, 0, 0, r->coefs[big].column,
                       f == EFFEKT_MODEL_BINOMIAL
                           ? "perfect separation: %zu of %zu rows have fitted probabilities of 0 or 1; the "
                             "coefficient '%s' diverges (%g after %zu iterations), so no finite estimate exists "
                             "(leave the predictor out or merge its levels)"
                           : "fitted rates of 0 in %zu of %zu rows; the coefficient '%s' diverges (%g after %zu "
                             "iterations), so no finite estimate exists",
                       at_bound, m, r->coefs[big].name, gsl_vector_get(fw->c, big), r->iterations);
    }
    if (!converged)
        return problem(diag, t, EFFEKT_EUNDEF, EFFEKT_HINT_NONE, 0, 0, NULL,
                       "the fit did not converge in %zu iterations (the deviance still changed by %g relative)",
                       maxit, fabs(dev - devold) / (fabs(dev) + 0.1));
    double sy = 0, nulldev = 0, ll = 0;
    for (size_t i = 0; i < m; i++)
        sy += fw->y[i];
    double ybar = sy / (double)m;
    for (size_t i = 0; i < m; i++) {
        nulldev += dev_resid(f, fw->y[i], ybar);
        ll += loglik_row(f, fw->y[i], gsl_vector_get(fw->mu, i));
    }
    r->deviance = dev;
    r->null_deviance = nulldev;
    r->df_residual = (double)m - (double)k;
    r->df_null = (double)m - 1;
    r->log_likelihood = ll;
    r->aic = -2 * ll + 2 * (double)k;
    r->r_squared = r->adj_r_squared = r->sigma = NAN;
    gsl_matrix_memcpy(fw->cov, fw->bread);   /* dispersion 1 */
    /* the working residuals times the working weights, for the sandwich */
    for (size_t i = 0; i < m; i++) {
        double eta = gsl_vector_get(fw->eta, i), mu = gsl_vector_get(fw->mu, i);
        gsl_vector_set(fw->z, i, (fw->y[i] - mu) / mu_eta(f, eta) * gsl_vector_get(fw->wlast, i));
    }
    return EFFEKT_OK;
}

/* The robust covariance from the scores z[i] x_i (z: residuals for OLS,
 * working residuals times weights for a glm) and bread = (X'WX)^-1:
 * HC1 n/(n-k) B (sum s s') B; clusters G/(G-1) B (sum_g S_g S_g') B,
 * times (n-1)/(n-k) for least squares: vcovCL's defaults (cadjust =
 * TRUE; type "HC1" for an lm, "HC0" for a glm). */
static effekt_status robust(const effekt_table *t, const effekt_model_options *o, effekt_model_result *r,
                            fit_work *fw, const effekt_column *cc, effekt_diag *diag)
{
    size_t m = r->n_used, k = r->n_coefs;
    double dn = (double)m, dk = (double)k, scale;
    if (o->se == EFFEKT_MODEL_SE_HC1) {
        for (size_t i = 0; i < m; i++) {
            double zi = gsl_vector_get(fw->z, i);
            for (size_t a = 0; a < k; a++)
                for (size_t b = 0; b < k; b++)
                    *gsl_matrix_ptr(fw->meat, a, b) +=
                        zi * zi * gsl_matrix_get(fw->X, i, a) * gsl_matrix_get(fw->X, i, b);
        }
        scale = dn / (dn - dk);
    } else {
        size_t G;
        if (!(fw->cid = effekt_malloc((m + 1) * sizeof *fw->cid)) ||
            cluster_ids(cc, fw->rows, m, fw->cid, &G) != EFFEKT_OK)
            return EFFEKT_ENOMEM;
        if (G < 2)
            return problem(diag, t, EFFEKT_EUNDEF, EFFEKT_HINT_NONE, 0, 0, cc->heading,
                           "cluster-robust standard errors need two clusters or more; '%s' has %zu in the rows "
                           "used", cc->heading, G);
        gsl_matrix *S = gsl_matrix_calloc(G, k);
        if (!S)
            return EFFEKT_ENOMEM;
        for (size_t i = 0; i < m; i++)
            for (size_t a = 0; a < k; a++)
                *gsl_matrix_ptr(S, fw->cid[i], a) += gsl_vector_get(fw->z, i) * gsl_matrix_get(fw->X, i, a);
        gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1.0, S, S, 0.0, fw->meat);
        gsl_matrix_free(S);
        r->n_clusters = G;
        double g = (double)G;
        /* vcovCL's default type is HC1 for an lm and HC0 for a glm */
        scale = g / (g - 1) * (o->family == EFFEKT_MODEL_GAUSSIAN ? (dn - 1) / (dn - dk) : 1.0);
    }
    sandwich(fw->bread, fw->meat, scale, fw->V, fw->tmp);
    gsl_matrix_memcpy(fw->cov, fw->V);
    return EFFEKT_OK;
}

effekt_status effekt_model_fit(const effekt_table *t, const effekt_model_options *o, effekt_model_result **out,
                               effekt_diag *diag)
{
    *out = NULL;
    if (!o->outcome || (o->n_predictors && !o->predictors) || !(o->confidence > 0 && o->confidence < 1) ||
        (size_t)o->family > EFFEKT_MODEL_POISSON || (o->se == EFFEKT_MODEL_SE_CLUSTER && !o->cluster))
        return EFFEKT_EINVAL;
    effekt_gsl_errors_off();
    effekt_model_result *r = effekt_calloc(1, sizeof *r);
    if (!r)
        return EFFEKT_ENOMEM;
    r->family = o->family;
    r->se = o->se;
    r->confidence = o->confidence;
    r->r_squared = r->adj_r_squared = r->sigma = NAN;
    fit_work fw = { 0 };
    const effekt_column *oc = NULL, *cc = NULL;
    effekt_status st = (r->source = effekt_strdup(t->source ? t->source : "")) ? EFFEKT_OK : EFFEKT_ENOMEM;
    if (st == EFFEKT_OK)
        st = read_columns(t, o, r, &fw, &oc, &cc, diag);
    if (st == EFFEKT_OK && !(r->outcome = effekt_strdup(oc->heading)))
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK)
        st = make_design(r, &fw);
    size_t m = r->n_used, k = r->n_coefs;
    if (st == EFFEKT_OK && m <= k)
        st = problem(diag, t, EFFEKT_EUNDEF, EFFEKT_HINT_NONE, 0, 0, NULL,
                     "%zu rows with every value for %zu coefficients (%zu rows left out for a missing value): "
                     "a model needs more rows than coefficients", m, k, r->n_dropped);
    if (st == EFFEKT_OK) {
        size_t j = collinear_column(fw.X);
        if (j < k) {
            const effekt_model_coef *cf = &r->coefs[j];
            st = cf->level
                     ? problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, cf->column,
                               "collinear predictors: level '%s' of '%s' (coefficient '%s') is a linear "
                               "combination of the columns before it in the rows used (R gives NA); leave a "
                               "predictor out", cf->level, cf->column, cf->name)
                 : cf->column
                     ? problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, cf->column,
                               "collinear predictors: '%s' is a linear combination of the intercept and the "
                               "predictors before it in the rows used (R gives NA); leave it out", cf->column)
                     : problem(diag, t, EFFEKT_EINVAL, EFFEKT_HINT_NONE, 0, 0, NULL, "the intercept is zero");
        }
    }
    if (st == EFFEKT_OK)
        st = alloc_fit(&fw, m, k);
    if (st == EFFEKT_OK)
        st = o->family == EFFEKT_MODEL_GAUSSIAN ? fit_ols(t, r, &fw, diag) : fit_irls(t, o, r, &fw, diag);
    if (st == EFFEKT_OK && o->se != EFFEKT_MODEL_SE_MODEL)
        st = robust(t, o, r, &fw, cc, diag);
    if (st == EFFEKT_OK && (!(r->cov = effekt_malloc(k * k * sizeof *r->cov)) ||
                            !(r->fitted = effekt_malloc((r->n_rows + 1) * sizeof *r->fitted))))
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        for (size_t a = 0; a < k; a++)
            for (size_t b = 0; b < k; b++)
                r->cov[a * k + b] = gsl_matrix_get(fw.cov, a, b);
        for (size_t i = 0; i < r->n_rows; i++)
            r->fitted[i] = NAN;
        for (size_t i = 0; i < m; i++)
            r->fitted[fw.rows[i]] = gsl_vector_get(fw.mu, i);
        double q = r->t_statistic ? gsl_cdf_tdist_Pinv((1 + o->confidence) / 2, r->df_residual)
                                  : gsl_cdf_ugaussian_Pinv((1 + o->confidence) / 2);
        for (size_t j = 0; j < k; j++) {
            effekt_model_coef *cf = &r->coefs[j];
            cf->estimate = gsl_vector_get(fw.c, j);
            cf->se = sqrt(gsl_matrix_get(fw.cov, j, j));
            cf->statistic = cf->estimate / cf->se;
            double a = fabs(cf->statistic);
            /* the two-sided t tail as the incomplete beta I_{df/(df+t^2)}(df/2, 1/2):
             * gsl_cdf_tdist_Q loses digits far in the tail (1e-9 relative at
             * p = 1e-10, where R's pt keeps them) */
            cf->p = r->t_statistic ? gsl_sf_beta_inc(r->df_residual / 2, 0.5,
                                                     r->df_residual / (r->df_residual + a * a))
                                   : 2 * gsl_cdf_ugaussian_Q(a);
            cf->lower = cf->estimate - q * cf->se;
            cf->upper = cf->estimate + q * cf->se;
            int ratio = o->family != EFFEKT_MODEL_GAUSSIAN;
            cf->exp_estimate = ratio ? exp(cf->estimate) : NAN;
            cf->exp_lower = ratio ? exp(cf->lower) : NAN;
            cf->exp_upper = ratio ? exp(cf->upper) : NAN;
        }
    }
    work_free(&fw);
    if (st != EFFEKT_OK) {
        effekt_model_result_destroy(r);
        return st;
    }
    *out = r;
    return EFFEKT_OK;
}
