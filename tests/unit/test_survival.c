/* Check suite for Kaplan–Meier and log-rank, against R's survival 3.x
 * (R code beside the numbers); tolerance 1e-12 relative unless stated. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "effekt/survival.h"

#define NEAR(got, want, tol)                                                                   \
    do {                                                                                       \
        double g_ = (got), w_ = (want);                                                        \
        ck_assert_msg(fabs(g_ - w_) <= (tol) * fabs(w_), "%s = %.17g, want %.17g", #got, g_, w_); \
    } while (0)

/* time <- c(5, 8, 8, 12, 12, 12, 15, 20, 22, 22, 30, 31, 35, 40, 41)
 * status <- c(1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0)
 * group <- c(1, 2, 1, 1, 2, 2, 1, 2, 1, 2, 2, 1, 2, 1, 2)
 * s <- summary(survfit(Surv(time, status) ~ 1), censored = TRUE)  -- ties and censoring */
static const double tm[] = { 5, 8, 8, 12, 12, 12, 15, 20, 22, 22, 30, 31, 35, 40, 41 };
static const double st[] = { 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0 };
static const size_t gr[] = { 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1 };

START_TEST(kaplan_meier_as_survfit)
{
    static const double t[] = { 5, 8, 12, 15, 20, 22, 30, 31, 35, 40, 41 };
    static const double nr[] = { 15, 14, 12, 9, 8, 7, 5, 4, 3, 2, 1 };
    static const double d[] = { 1, 1, 2, 1, 0, 2, 0, 1, 0, 1, 0 };
    static const double c[] = { 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1 };
    static const double S[] = { 0.93333333333333335, 0.8666666666666667, 0.72222222222222232,
                                0.64197530864197538, 0.64197530864197538, 0.45855379188712531,
                                0.45855379188712531, 0.34391534391534395, 0.34391534391534395,
                                0.17195767195767198, 0.17195767195767198 };
    static const double se[] = { 0.064406118871953064, 0.087770745147251111, 0.11850405004278637,
                                 0.12969166978388769, 0.12969166978388769, 0.1435169516002428,
                                 0.1435169516002428, 0.1464320925399773, 0.1464320925399773,
                                 0.14193417454566848, 0.14193417454566848 };
    static const double lo[] = { 0.81526404565358501, 0.71063658492750736, 0.52360470906792267,
                                 0.43207469335867332, 0.43207469335867332, 0.24830386744604033,
                                 0.24830386744604033, 0.14928886331080463, 0.14928886331080463,
                                 0.034106586665594824, 0.034106586665594824 };
    static const double hi[] = { 1, 1, 0.99618076239253572, 0.953845025503127, 0.953845025503127,
                                 0.84683167530508097, 0.84683167530508097, 0.79227452843663715,
                                 0.79227452843663715, 0.86697156871844472, 0.86697156871844472 };
    effekt_km km;
    ck_assert_int_eq(effekt_km_fit(tm, st, 15, 0.95, EFFEKT_CONF_LOG, &km), EFFEKT_OK);
    ck_assert_uint_eq(km.n_times, 11);
    ck_assert_uint_eq(km.events, 9);
    for (size_t i = 0; i < 11; i++) {
        ck_assert_double_eq(km.time[i], t[i]);
        ck_assert_double_eq(km.n_risk[i], nr[i]);
        ck_assert_double_eq(km.n_event[i], d[i]);
        ck_assert_double_eq(km.n_censor[i], c[i]);
        NEAR(km.surv[i], S[i], 1e-12);
        NEAR(km.std_err[i], se[i], 1e-12);
        NEAR(km.lower[i], lo[i], 1e-12);
        NEAR(km.upper[i], hi[i], 1e-12);
    }
    /* summary(f)$table: median 22, 0.95LCL 15, 0.95UCL NA */
    ck_assert_double_eq(km.median, 22);
    ck_assert_double_eq(km.median_lower, 15);
    ck_assert(isnan(km.median_upper));
    double l, h;
    NEAR(effekt_km_at(&km, 21, &l, &h), 0.64197530864197538, 1e-12);
    ck_assert_double_eq(effekt_km_at(&km, 4, &l, &h), 1.0);
    effekt_km_clear(&km);

    /* conf.type = "log-log": summary(f2)$lower and $upper at the event times */
    static const double ll[] = { 0.61264124377487184, 0.56391200570895161, 0.4171751699280567,
                                 0.33860603355681873, 0.18043347027674708, 0.097031352078545061,
                                 0.012120747558363548 };
    static const double lh[] = { 0.99033223665001691, 0.96488449591647152, 0.88591680824181807,
                                 0.83410955769486905, 0.70117438362058615, 0.61361900156474836,
                                 0.49541646120521637 };
    ck_assert_int_eq(effekt_km_fit(tm, st, 15, 0.95, EFFEKT_CONF_LOGLOG, &km), EFFEKT_OK);
    size_t e = 0;
    for (size_t i = 0; i < km.n_times; i++)
        if (km.n_event[i] > 0) {
            NEAR(km.lower[i], ll[e], 1e-12);
            NEAR(km.upper[i], lh[e], 1e-12);
            e++;
        }
    ck_assert_uint_eq(e, 7);
    effekt_km_clear(&km);
}
END_TEST

/* survdiff(Surv(time, status) ~ group)$chisq          1.8558955380767783, p 0.17309926237647316
 * survdiff(Surv(time, status) ~ group, rho = 1)$chisq 1.1706182961060663, p 0.27927423373565619
 * g3 <- rep(1:3, 5); survdiff(Surv(time, status) ~ g3)$chisq 1.8639769472807122 */
START_TEST(logrank_as_survdiff)
{
    double chi, df, p;
    ck_assert_int_eq(effekt_logrank(tm, st, gr, 15, 2, 0, &chi, &df, &p), EFFEKT_OK);
    NEAR(chi, 1.8558955380767783, 1e-12);
    ck_assert_double_eq(df, 1);
    NEAR(p, 0.17309926237647316, 1e-10);
    ck_assert_int_eq(effekt_logrank(tm, st, gr, 15, 2, 1, &chi, &df, &p), EFFEKT_OK);
    NEAR(chi, 1.1706182961060663, 1e-12);
    NEAR(p, 0.27927423373565619, 1e-10);
    size_t g3[15];
    for (size_t i = 0; i < 15; i++)
        g3[i] = i % 3;
    ck_assert_int_eq(effekt_logrank(tm, st, g3, 15, 3, 0, &chi, &df, &p), EFFEKT_OK);
    NEAR(chi, 1.8639769472807122, 1e-12);
    ck_assert_double_eq(df, 2);
}
END_TEST

/* x <- summary(survfit(Surv(time, status) ~ 1), rmean = 30)$table
 *   rmean 21.595590828924163, se(rmean) 2.414459526576973; rmean = 41: 25.321340388007055, 3.5967886878168143
 * quantile(survfit(...), c(.25, .5, .75)): 12 22 40; lower 8 15 22; upper NA NA NA */
START_TEST(rmst_and_quantiles_as_survival)
{
    effekt_km km;
    ck_assert_int_eq(effekt_km_fit(tm, st, 15, 0.95, EFFEKT_CONF_LOG, &km), EFFEKT_OK);
    double mean, se;
    effekt_km_rmst(&km, 30, &mean, &se);
    NEAR(mean, 21.595590828924163, 1e-12);
    NEAR(se, 2.414459526576973, 1e-12);
    effekt_km_rmst(&km, 41, &mean, &se);
    NEAR(mean, 25.321340388007055, 1e-12);
    NEAR(se, 3.5967886878168143, 1e-12);
    const double p[] = { 0.25, 0.5, 0.75 }, q[] = { 12, 22, 40 }, lo[] = { 8, 15, 22 };
    for (int i = 0; i < 3; i++) {
        double a, b, c;
        effekt_km_quantile(&km, p[i], &a, &b, &c);
        ck_assert_double_eq(a, q[i]);
        ck_assert_double_eq(b, lo[i]);
        ck_assert(isnan(c));
    }
    effekt_km_clear(&km);
}
END_TEST

START_TEST(edge_cases)
{
    effekt_km km;
    /* all censored: S stays 1, the median is not reached */
    const double t[] = { 3, 5, 7 }, none[] = { 0, 0, 0 }, bad[] = { 1, 2, 0 }, neg[] = { -1, 2, 3 };
    ck_assert_int_eq(effekt_km_fit(t, none, 3, 0.95, EFFEKT_CONF_LOG, &km), EFFEKT_OK);
    ck_assert_double_eq(km.surv[2], 1.0);
    ck_assert(isnan(km.median));
    effekt_km_clear(&km);
    /* zero-length spells are events at time 0 */
    const double z[] = { 0, 0, 4 }, ev[] = { 1, 0, 1 };
    ck_assert_int_eq(effekt_km_fit(z, ev, 3, 0.95, EFFEKT_CONF_LOG, &km), EFFEKT_OK);
    NEAR(km.surv[0], 2.0 / 3.0, 1e-15);
    ck_assert_double_eq(km.surv[1], 0.0);
    effekt_km_clear(&km);
    ck_assert_int_eq(effekt_km_fit(t, bad, 3, 0.95, EFFEKT_CONF_LOG, &km), EFFEKT_EVALUE);
    ck_assert_int_eq(effekt_km_fit(neg, none, 3, 0.95, EFFEKT_CONF_LOG, &km), EFFEKT_EVALUE);
    /* a single group: no test */
    double chi, df, p;
    const size_t one[] = { 0, 0, 0 };
    ck_assert_int_eq(effekt_logrank(t, ev, one, 3, 1, 0, &chi, &df, &p), EFFEKT_EUNDEF);
}
END_TEST

/* The median and its limits by survfit's table rule, and quantile()'s own
 * rule, for curves with ties and flat stretches at exactly 0.5 (R 4.2,
 * survival 3.5.3; tests/data/km_flat.R prints these):
 *   fit <- survfit(Surv(t, e) ~ 1, conf.type = ct)
 *   summary(fit)$table[c("median", "0.95LCL", "0.95UCL")]
 *   q <- quantile(fit, c(.25, .5, .75)); q$quantile; q$lower; q$upper
 * The answers are times of the data or midpoints of two: exact. */
static const double EA_t[] = { 1, 2, 3, 4 }, EA_e[] = { 1, 1, 0, 0 };
static const double EB_t[] = { 1, 2, 3, 4 }, EB_e[] = { 1, 1, 0, 1 };
static const double EC_t[] = { 1, 1, 2, 2, 3, 3, 4, 4 }, EC_e[] = { 1, 1, 1, 1, 0, 0, 1, 0 };
static const double ED_t[] = { 2, 3, 5, 8, 8, 9, 10, 12, 13, 15, 15, 16, 18, 20, 20, 21, 22, 25, 30, 30 };
static const double ED_e[] = { 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
/* set.seed(14); t <- round(rexp(40) * 100); e <- rbinom(40, 1, 0.7) */
static const double EE_t[] = { 71, 28, 38, 2, 30, 122, 11, 51, 111, 35, 24, 137, 24, 38, 50, 24, 123, 5, 37, 234,
                               62, 148, 9, 11, 112, 272, 29, 11, 154, 52, 38, 149, 427, 60, 272, 107, 58, 231, 5, 232 };
static const double EE_e[] = { 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1,
                               1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1 };
static const double EF_t[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, EF_e[] = { 1, 0, 1, 0, 1, 1, 0, 0, 0, 0 };

START_TEST(median_rules_as_survival)
{
    const double N = NAN;
    static const struct {
        const double *t, *e;
        size_t n;
        effekt_km_conf_type ct;
        double table[3], q[3][3];   /* median LCL UCL; per p .25 .5 .75: quantile lower upper */
    } cases[] = {
        /* flat at 0.5 to the end: the table says 2, quantile() 3 */
        { EA_t, EA_e, 4, EFFEKT_CONF_LOG, { 2, 1, N }, { { 1.5, 1, N }, { 3, 1, N }, { N, 2, N } } },
        { EA_t, EA_e, 4, EFFEKT_CONF_LOGLOG, { 2, 1, N }, { { 1.5, 1, N }, { 3, 1, N }, { N, 1, N } } },
        { EA_t, EA_e, 4, EFFEKT_CONF_PLAIN, { 2, 1, N }, { { 1.5, 1, N }, { 3, 1, N }, { N, 2, N } } },
        /* flat at 0.5, then lower: the midpoint by both rules */
        { EB_t, EB_e, 4, EFFEKT_CONF_LOG, { 3, 1, N }, { { 1.5, 1, N }, { 3, 1, N }, { 4, 2, N } } },
        { EB_t, EB_e, 4, EFFEKT_CONF_LOGLOG, { 3, 1, N }, { { 1.5, 1, N }, { 3, 1, N }, { 4, 1, N } } },
        /* ties */
        { EC_t, EC_e, 8, EFFEKT_CONF_LOG, { 3, 2, N }, { { 1.5, 1, N }, { 3, 2, N }, { 4, 4, N } } },
        { EC_t, EC_e, 8, EFFEKT_CONF_LOGLOG, { 3, 1, N }, { { 1.5, 1, 4 }, { 3, 1, N }, { 4, 2, N } } },
        { EC_t, EC_e, 8, EFFEKT_CONF_PLAIN, { 3, 1, N }, { { 1.5, 1, 4 }, { 3, 1, N }, { 4, 2, N } } },
        /* the median is not reached, its lower limit is */
        { ED_t, ED_e, 20, EFFEKT_CONF_LOG, { N, 10, N }, { { 8.5, 5, N }, { N, 10, N }, { N, N, N } } },
        { ED_t, ED_e, 20, EFFEKT_CONF_LOGLOG, { N, 8, N }, { { 8.5, 2, N }, { N, 8, N }, { N, N, N } } },
        { ED_t, ED_e, 20, EFFEKT_CONF_PLAIN, { N, 9, N }, { { 8.5, 5, N }, { N, 9, N }, { N, N, N } } },
        { EE_t, EE_e, 40, EFFEKT_CONF_LOG, { 71, 38, 149 }, { { 35, 24, 58 }, { 71, 38, 149 }, { 154, 137, N } } },
        { EE_t, EE_e, 40, EFFEKT_CONF_LOGLOG, { 71, 38, 148 }, { { 35, 11, 51 }, { 71, 38, 148 }, { 154, 123, 272 } } },
        { EE_t, EE_e, 40, EFFEKT_CONF_PLAIN, { 71, 38, 148 }, { { 35, 24, 52 }, { 71, 38, 148 }, { 154, 123, 234 } } },
        { EF_t, EF_e, 10, EFFEKT_CONF_LOG, { N, 5, N }, { { 5, 1, N }, { N, 5, N }, { N, N, N } } },
        { EF_t, EF_e, 10, EFFEKT_CONF_LOGLOG, { N, 1, N }, { { 5, 1, N }, { N, 1, N }, { N, 6, N } } },
        { EF_t, EF_e, 10, EFFEKT_CONF_PLAIN, { N, 5, N }, { { 5, 1, N }, { N, 5, N }, { N, 6, N } } },
    };
    static const double ps[] = { 0.25, 0.5, 0.75 };
#define SAME(got, want, what)                                                                        \
    ck_assert_msg((isnan(want) && isnan(got)) || (got) == (want), "case %zu %s: %.17g, want %.17g", c, \
                  what, (got), (want))
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        effekt_km km;
        ck_assert_int_eq(effekt_km_fit(cases[c].t, cases[c].e, cases[c].n, 0.95, cases[c].ct, &km), EFFEKT_OK);
        SAME(km.median, cases[c].table[0], "median");
        SAME(km.median_lower, cases[c].table[1], "0.95LCL");
        SAME(km.median_upper, cases[c].table[2], "0.95UCL");
        for (size_t i = 0; i < 3; i++) {
            double q, lo, hi;
            effekt_km_quantile(&km, ps[i], &q, &lo, &hi);
            SAME(q, cases[c].q[i][0], "quantile");
            SAME(lo, cases[c].q[i][1], "quantile lower");
            SAME(hi, cases[c].q[i][2], "quantile upper");
        }
        effekt_km_clear(&km);
    }
#undef SAME
}
END_TEST

/* A group censored before the first event has no expected events; as
 * survdiff, it is left out and df counts the others (R 4.2, survival 3.5.3):
 *   time  <- c(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 1, 2, 1.5)
 *   event <- c(1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0)
 *   group <- rep(c("A", "B", "C"), c(6, 6, 3))
 *   s <- survdiff(Surv(time, event) ~ group, rho = rho)
 *   rho 0: chisq 8.1702055733028764, df 1, p 0.0042584080190855118,
 *          s$exp 1.9378787878787878 8.0621212121212125 0
 *   rho 1: chisq 7.5000000000000009, p 0.0061698993205441515, s$exp 1.6666666666666665 4.4444444444444438 0
 * 1e-12 relative (sums of a dozen terms). */
START_TEST(logrank_leaves_out_group_without_expected)
{
    static const double t[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 1, 2, 1.5 };
    static const double ev[] = { 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0 };
    static const size_t g[] = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2 };
    double chi, df, p, e[3];
    ck_assert_int_eq(effekt_logrank_expected(t, ev, g, 15, 3, 0, e, &chi, &df, &p), EFFEKT_OK);
    NEAR(chi, 8.1702055733028764, 1e-12);
    ck_assert_double_eq(df, 1);
    NEAR(p, 0.0042584080190855118, 1e-12);
    NEAR(e[0], 1.9378787878787878, 1e-12);
    NEAR(e[1], 8.0621212121212125, 1e-12);
    ck_assert_double_eq(e[2], 0);
    ck_assert_int_eq(effekt_logrank(t, ev, g, 15, 3, 1, &chi, &df, &p), EFFEKT_OK);
    NEAR(chi, 7.5000000000000009, 1e-12);
    ck_assert_double_eq(df, 1);
    NEAR(p, 0.0061698993205441515, 1e-12);
    /* only one group left: nothing to test */
    static const size_t g2[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1 };
    ck_assert_int_eq(effekt_logrank(t, ev, g2, 15, 2, 0, &chi, &df, &p), EFFEKT_EUNDEF);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("survival");
    TCase *tc = tcase_create("km");
    tcase_add_test(tc, kaplan_meier_as_survfit);
    tcase_add_test(tc, logrank_as_survdiff);
    tcase_add_test(tc, edge_cases);
    tcase_add_test(tc, rmst_and_quantiles_as_survival);
    tcase_add_test(tc, median_rules_as_survival);
    tcase_add_test(tc, logrank_leaves_out_group_without_expected);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
