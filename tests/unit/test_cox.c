/* Cox regression against survival 3.5.3 (R 4.2): the figures of
 * tests/data/cox_oracle.R (run it from the source tree to remake the
 * table; the R code is there).  The spells are effekt retention's
 * defaults on datasets/participants.csv.  Tolerance 1e-8 relative: the
 * fit follows coxph's Newton-Raphson steps and stopping rule, so the
 * estimates agree to rounding. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/cox.h"
#include "effekt/csv.h"
#include "load_table.h"

#define REL 1e-8

static int close_to(double a, double b)
{
    return a == b || fabs(a - b) <= REL * fabs(b);
}

/* coef (p), se (p), exp(coef) lower .95 (p), upper .95 (p), loglik at 0
 * and at the fit, LR and p, Wald and p, score and p, cox.zph chisq
 * (terms, GLOBAL) and p (terms, GLOBAL). */
typedef struct {
    const char *label;
    size_t n, events;
    double v[40];
} fixture;

static const fixture fixtures[] = {
    { "age gender", 812, 486, { -0.0032164571265539481, 0.010286008228254174, 0.004217122197646285, 0.090865831214705345, 0.98858380029739379, 0.84551637095408616, 1.0050617179281374, 1.2072919153162611, -2945.4894135812674, -2945.1937857094708, 0.59125574359313759, 0.7440642638055105, 0.5910022642446332, 0.74415857224411208, 0.59114407101156208, 0.74410581075401216, 5.0424901325999683, 4.0604796065721001, 9.2884653900269196, 0.024732912853967927, 0.043898029905587728, 0.0096169059292581325 } },
    { "age gender strata project_id", 812, 486, { -0.002634898701509313, 0.0019112425413092026, 0.0042464345541731096, 0.091883580336379805, 0.98910206004616141, 0.83679407546265594, 1.0057041672463412, 1.1996138949015072, -2274.8641606843466, -2274.6715822209944, 0.38515692670443968, 0.82482959676933354, 0.38504707070260219, 0.82487490425449617, 0.38511083648531436, 0.82484860527678738, 5.0532203962421312, 5.012696177825247, 10.234400725185544, 0.024580212530620801, 0.025162089680837212, 0.0059927770340632656 } },
    { "age education", 812, 486, { -0.0032505321482067273, -0.096372334524847586, -0.021939351012026851, -0.0007881618804563773, 0.0042122240407099125, 0.12577258400018221, 0.1270909447255601, 0.1297309828193639, 0.98855960519233743, 0.70972190454967088, 0.76259131107918865, 0.77487293656847411, 1.0050178225821664, 1.161993890136781, 1.2550235325091319, 1.2885014701976336, -2945.4894135812674, -2944.8093020926285, 1.3602229772777719, 0.85107813838034563, 1.3525789000952126, 0.85239370824648675, 1.3532291637546208, 0.85228188886082012, 5.0056448501819837, 5.6650236900831157, 11.063498906447089, 0.025264789774100554, 0.12909486322766039, 0.025859567364865773 } },
};

START_TEST(test_cox_against_survival)
{
    const fixture *f = &fixtures[_i];
    char words[4][32] = { "", "", "", "" };
    int nw = sscanf(f->label, "%31s %31s strata %31s", words[0], words[1], words[2]);
    const char *cov[2] = { words[0], words[1] };
    effekt_cox_options o;
    effekt_cox_options_init(&o);
    o.covariates = cov;
    o.n_covariates = 2;
    o.strata = nw == 3 ? words[2] : NULL;
    effekt_table *t = load("datasets/participants.csv");
    effekt_cox_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_cox_run(t, &o, &r, &d), EFFEKT_OK);
    ck_assert_uint_eq(d.n, 0);
    ck_assert_uint_eq(r->n, f->n);
    ck_assert_uint_eq(r->events, f->events);
    size_t p = r->p, k = 0;
    for (size_t j = 0; j < p; j++, k++)
        ck_assert_msg(close_to(r->coefs[j].coef, f->v[k]), "%s coef %zu %.17g R %.17g", f->label, j, r->coefs[j].coef, f->v[k]);
    for (size_t j = 0; j < p; j++, k++)
        ck_assert_msg(close_to(r->coefs[j].se, f->v[k]), "%s se %zu %.17g R %.17g", f->label, j, r->coefs[j].se, f->v[k]);
    for (size_t j = 0; j < p; j++, k++)
        ck_assert_msg(close_to(r->coefs[j].hr_lower, f->v[k]), "%s lower %zu", f->label, j);
    for (size_t j = 0; j < p; j++, k++)
        ck_assert_msg(close_to(r->coefs[j].hr_upper, f->v[k]), "%s upper %zu", f->label, j);
    double tests[] = { r->stats.loglik0, r->stats.loglik, r->lr, r->lr_p, r->stats.wald, r->wald_p, r->stats.score,
                       r->score_p };
    for (size_t j = 0; j < 8; j++, k++)
        ck_assert_msg(close_to(tests[j], f->v[k]), "%s test %zu %.17g R %.17g", f->label, j, tests[j], f->v[k]);
    ck_assert_uint_eq(r->n_zph, 3);
    for (size_t j = 0; j < r->n_zph; j++, k++)
        ck_assert_msg(close_to(r->zph[j].chisq, f->v[k]), "%s zph chisq %zu %.17g R %.17g", f->label, j,
                      r->zph[j].chisq, f->v[k]);
    for (size_t j = 0; j < r->n_zph; j++, k++)
        ck_assert_msg(close_to(r->zph[j].p, f->v[k]), "%s zph p %zu %.17g R %.17g", f->label, j, r->zph[j].p,
                      f->v[k]);
    effekt_cox_result_destroy(r);
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

static effekt_cox_result *fit_file(const char *file, effekt_status want, effekt_diag *d)
{
    const char *cov[] = { "age", "site" };
    effekt_cox_options o;
    effekt_cox_options_init(&o);
    o.covariates = cov;
    o.n_covariates = 2;
    effekt_table *t = load(file);
    effekt_cox_result *r = NULL;
    ck_assert_int_eq(effekt_cox_run(t, &o, &r, d), want);
    effekt_table_destroy(t);
    return r;
}

/* Perfect prediction: site 'south' has no event.  coxph runs out of its
 * 20 steps (cox_oracle.R, "separation"): effekt stops at the same place,
 * and says which covariate runs off. */
START_TEST(test_cox_perfect_prediction)
{
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_cox_result *r = fit_file("tests/data/cox_separation.csv", EFFEKT_OK, &d);
    ck_assert(close_to(r->coefs[0].coef, -0.056364691916150886));
    ck_assert(close_to(r->coefs[1].coef, -22.578684062370126));
    ck_assert(close_to(r->stats.loglik0, -10.316920830293469));
    ck_assert(close_to(r->stats.loglik, -4.2502965542168178));
    ck_assert_int_eq(r->stats.converged, 0);
    ck_assert_int_eq(r->coefs[0].infinite, 0);
    ck_assert_int_eq(r->coefs[1].infinite, 1);
    ck_assert_uint_eq(d.n, 2);
    ck_assert_int_eq(d.items[0].severity, EFFEKT_WARNING);
    ck_assert_str_eq(d.items[0].message,
                     "covariate 'sitesouth': its coefficient runs off to infinity (-22.58 after 20 steps): the "
                     "covariate predicts which spells end perfectly (e.g. a level in which every spell ends, or none "
                     "does); its hazard ratio and interval mean nothing (coxph warns: coefficient may be infinite)");
    ck_assert_str_eq(d.items[1].message, "the Cox model did not converge in 20 Newton-Raphson steps");
    effekt_diag_clear(&d);
    effekt_cox_result_destroy(r);
}
END_TEST

/* A covariate with one level among the spells: nothing to compare (R:
 * "contrasts can be applied only to factors with 2 or more levels"). */
START_TEST(test_cox_one_level)
{
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_cox_result *r = fit_file("tests/data/cox_one_level.csv", EFFEKT_EINVAL, &d);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_str_eq(d.items[0].message, "covariate 'site' has one level ('north') among the 10 spells used: "
                                         "nothing to compare (leave it out)");
    effekt_diag_clear(&d);
}
END_TEST

/* Collinear covariates (the same column twice): a singular information
 * matrix, said so (R's coxph would give one of them NA). */
START_TEST(test_cox_collinear)
{
    const char *cov[] = { "age", "age" };
    effekt_cox_options o;
    effekt_cox_options_init(&o);
    o.covariates = cov;
    o.n_covariates = 2;
    effekt_table *t = load("datasets/participants.csv");
    effekt_cox_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_cox_run(t, &o, &r, &d), EFFEKT_EUNDEF);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_str_eq(d.items[0].message, "the covariates' information matrix is singular (collinear covariates, or "
                                         "one constant within every stratum): leave one out");
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cox");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_cox_against_survival, 0, (int)(sizeof fixtures / sizeof *fixtures));
    tcase_add_test(tc, test_cox_perfect_prediction);
    tcase_add_test(tc, test_cox_one_level);
    tcase_add_test(tc, test_cox_collinear);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
