/* Random-effects pooling against metafor 3.8.1 (R 4.2): the figures of
 * tests/data/meta_oracle.R (run it from the source tree to remake the
 * table below; the R code is there, line by line).  Tolerance 1e-8
 * relative: REML and PM follow metafor's own iterations (Fisher scoring
 * to a change of 1e-5, uniroot to 1.22e-4), so the same path gives the
 * same tau^2 to rounding; GSL's t and chi-square quantiles differ from
 * R's in the last digits only. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/chart.h"
#include "effekt/csv.h"
#include "effekt/meta.h"
#include "load_table.h"

#define REL 1e-8

static int close_to(double a, double b)
{
    return a == b || fabs(a - b) <= REL * fabs(b);
}

/* R's figures in the order meta_oracle.R prints them: beta, se, zval,
 * pval, ci.lb, ci.ub, tau2, confint's tau^2 lb and ub, tau, I2, H2, QE,
 * QEp, predict's pred, ci.lb, ci.ub, pi.lb, pi.ub (back-transformed),
 * then weights(fit) by project. */
typedef struct {
    const char *label;
    double v[19 + 6];
} fixture;

static const fixture fixtures[] = {
    { "participants PLO DL z", { 0.038859534148987948, 0.15629140121098997, 0.24863513826028361, 0.80364302543997213, -0.26746598331785215, 0.34518505161582808, 0.11145932820649751, 0.032152285614121139, 0.84000773971494924, 0.33385525038030706, 85.346814399106364, 6.8244546082799564, 34.122273041399779, 2.2512021620691545e-06, 0.50971366121432438, 0.43352929788626748, 0.58544948156802434, 0.33544996871077265, 0.68164815359134834, 9.9544444240410872, 12.680909256314685, 19.064656977375307, 20.065026354362658, 17.552552603773989, 20.682410384132282 } },
    { "participants PLO DL knha", { 0.038859534148987948, 0.16000288474436405, 0.24286770961082149, 0.81775643878818849, -0.37244097502428514, 0.45016004332226106, 0.11145932820649751, 0.032152285614121139, 0.84000773971494924, 0.33385525038030706, 85.346814399106364, 6.8244546082799564, 34.122273041399779, 2.2512021620691545e-06, 0.50971366121432438, 0.40795132788550742, 0.61067728500920937, 0.28642470741518355, 0.72919285622425978, 9.9544444240410872, 12.680909256314685, 19.064656977375307, 20.065026354362658, 17.552552603773989, 20.682410384132282 } },
    { "participants PLO REML z", { 0.036632382065161312, 0.16636770751382884, 0.22018925795510136, 0.82572376225473199, -0.28944233285243692, 0.36270709698275949, 0.13000351862147921, 0.032152285614121139, 0.84000773971494924, 0.36056000696344459, 87.168804064622762, 7.793505804419004, 34.122273041399779, 2.2512021620691545e-06, 0.50915707152569578, 0.42814039869760206, 0.58969558758202079, 0.32264281948773155, 0.69315642425266344, 10.486869595189489, 13.106930964631863, 18.870907963043688, 19.73021502029918, 17.550164177541802, 20.254912279293976 } },
    { "participants PLO REML knha", { 0.036632382065161312, 0.15976468050598525, 0.22928961488324046, 0.82772785087921097, -0.37405580361976365, 0.44732056775008622, 0.13000351862147921, 0.032152285614121139, 0.84000773971494924, 0.36056000696344459, 87.168804064622762, 7.793505804419004, 34.122273041399779, 2.2512021620691545e-06, 0.50915707152569578, 0.40756136116206443, 0.61000198639333325, 0.27346165523073407, 0.74085066872150096, 10.486869595189489, 13.106930964631863, 18.870907963043688, 19.73021502029918, 17.550164177541802, 20.254912279293976 } },
    { "participants PLO PM z", { 0.038005588257255141, 0.15992022034827605, 0.23765342603009265, 0.81214990939928744, -0.27543228402507536, 0.35144346053958564, 0.11798426287040183, 0.032152285614121139, 0.84000773971494924, 0.34348837370484875, 86.044091151744936, 7.165423698830133, 34.122273041399779, 2.2512021620691545e-06, 0.50950025355840323, 0.43157396638680351, 0.58696757051810788, 0.33079136109399271, 0.68581355192755455, 10.152113506804923, 12.84161664653978, 18.993004446726534, 19.938915435238165, 17.554050439000708, 20.520299525689882 } },
    { "participants PLO PM knha", { 0.038005588257255141, 0.15991987432909624, 0.23765394024162451, 0.82158080478254347, -0.37308153585036191, 0.44909271236487219, 0.11798426287040183, 0.032152285614121139, 0.84000773971494924, 0.34348837370484875, 86.044091151744936, 7.165423698830133, 34.122273041399779, 2.2512021620691545e-06, 0.50950025355840323, 0.40779662425103347, 0.61042349654348493, 0.28171600350065584, 0.73340681867511004, 10.152113506804923, 12.84161664653978, 18.993004446726534, 19.938915435238165, 17.554050439000708, 20.520299525689882 } },
    { "projects PLO REML z", { -0.77480238792867351, 0.51259859906644201, -1.5115187387163445, 0.13065633801468393, -1.7794771806245868, 0.22987240476723969, 1.039628412571747, 0.24611287341925472, 22.816154754722657, 1.0196217007163721, 88.308894141246626, 8.5535107806014707, 24.821153034917781, 5.4651558304664628e-05, 0.31544117008322231, 0.14436770369707314, 0.55721637373046162, 0.046906589022986847, 0.81183073864124589, 22.67737629798463, 8.5342847941973652, 23.751106616669055, 22.359855993164317, 22.67737629798463 } },
    { "projects PR REML z", { 0.31287820662020804, 0.10596275675830107, 2.9527186361702253, 0.0031498892176183425, 0.10519501967135977, 0.52056139356905629, 0.052227795259545122, 0.016440166589487146, 0.45315752326388331, 0.22853401335369122, 94.686564502010228, 18.820215289680888, 87.066623554752127, 5.5259621934968894e-18, 0.31287820662020804, 0.10519501967135977, 0.52056139356905629, -0.18084563413129617, 0.80660204737171226, 19.53468425348877, 21.203822179006266, 19.909944055340162, 20.348219428879837, 19.003330083284968 } },
    { "projects PLN REML z", { -1.0983990234387282, 0.28670845429748509, -3.8310660427858996, 0.00012758924955200802, -1.6603372679249468, -0.53646077895250943, 0.29759048804419597, 0.075832587007458777, 14.528339364389735, 0.54551854967929003, 87.390080035808268, 7.9302644492565388, 22.055690237129724, 0.00019536895108057098, 0.3334044293240091, 0.19007486313515606, 0.58481438134103492, 0.099632026552399208, 1.1156905800205406, 23.095317826019151, 3.638647443336013, 26.157475345719376, 21.147774525313725, 25.960784859611735 } },
    { "projects PFT REML z", { 0.56330583324917827, 0.13565975792126161, 4.1523429046374023, 3.290886559395373e-05, 0.29741759357208325, 0.82919407292627323, 0.085638875145437082, 0.026236695125402106, 0.77982456438029002, 0.29264120548110972, 93.448815023761426, 15.264414050695272, 50.165794211406499, 3.334202900540967e-10, 0.27962962879643272, 0.075528964909504004, 0.54486467374188163, 0, 0.87490947782222372, 20.044903843795709, 19.282303696936136, 20.500549259603808, 20.315374618072848, 19.856868581591495 } },
    { "effects DL knha", { 0.28268820419430285, 0.10434433891917864, 2.7091858276399923, 0.042317285169584849, 0.014462541917182825, 0.55091386647142282, 0.027480131292272739, 0, 0.38297007227253599, 0.16577132228546873, 44.868765989436326, 1.8138538306767997, 9.0692691533839991, 0.10633293787930839, 0.28268820419430285, 0.014462541917182825, 0.55091386647142282, -0.22083013452474731, 0.78620654291335301, 17.882037406583649, 14.111450908738796, 11.900168762829054, 21.424088332579284, 25.567702742066846, 9.1145518472023692 } },
    { "effects REML knha", { 0.28329265310534901, 0.10446305180460547, 2.7118933269845318, 0.042180777985734198, 0.014761829641294799, 0.55182347656940323, 0.02858013227175198, 0, 0.38297007227253599, 0.16905659487802296, 45.841480023015663, 1.84643155024356, 9.0692691533839991, 0.10633293787930839, 0.28329265310534901, 0.014761829641294799, 0.55182347656940323, -0.2275529216195783, 0.79413822783027632, 17.893761982900756, 14.174618052156038, 11.980263371828173, 21.361807889443622, 25.387636446937734, 9.201912256733678 } },
    { "effects PM knha", { 0.28328028500956365, 0.10446064551045123, 2.7118373969958056, 0.042183592952458625, 0.014755647121553528, 0.55180492289757377, 0.028557327043167904, 0, 0.38297007227253599, 0.16898913291442116, 45.821662265870941, 1.8457561487163545, 9.0692691533839991, 0.10633293787930839, 0.28328028500956365, 0.014755647121553528, 0.55180492289757377, -0.22741452087212072, 0.79397509089124796, 17.89353432115605, 14.173335606641141, 11.978629935576372, 21.363085119020418, 25.391291745800899, 9.2001232718051149 } },
    { "identical PLO REML z", { -1.0986122886681096, 0.21081851067789195, -5.2111756464624266, 1.8764768511658727e-07, -1.5118089768711505, -0.68541560046506855, 0, 0, 0, 0, 0, 1, 0, 1, 0.25000000000000006, 0.18067085759560206, 0.33505367049430929, 0.18067085759560206, 0.33505367049430929, 33.333333333333329, 33.333333333333329, 33.333333333333329 } },
};

static const char *const names[] = { "beta", "se", "zval", "pval", "ci.lb", "ci.ub", "tau2", "tau2.lb", "tau2.ub",
                                     "tau", "I2", "H2", "QE", "QEp", "pred", "pred.ci.lb", "pred.ci.ub", "pi.lb",
                                     "pi.ub" };

/* The options and file of a fixture's label: "participants PLO DL z". */
static effekt_meta_result *run_fixture(const char *label)
{
    char what[32], measure[8], method[8], test[8];
    ck_assert_int_ge(sscanf(label, "%31s %7s %7s %7s", what, measure, method, test), 3);
    effekt_meta_options o;
    effekt_meta_options_init(&o);
    if (strcmp(what, "effects") == 0) {   /* "effects DL knha": no measure */
        strcpy(test, method);
        strcpy(method, measure);
    }
    ck_assert_int_eq(effekt_meta_method_parse(method, &o.method), EFFEKT_OK);
    o.knha = strcmp(test, "knha") == 0;
    const char *file;
    if (strcmp(what, "participants") == 0) {
        file = "datasets/participants.csv";
        o.by = "project_id";
        o.outcome = "placed_date";
    } else if (strcmp(what, "effects") == 0) {
        file = "tests/data/meta_effects.csv";
        o.by = "study";
        o.estimate = "estimate";
        o.se = "se";
    } else {
        file = strcmp(what, "identical") == 0 ? "tests/data/meta_identical.csv" : "tests/data/meta_projects.csv";
        o.by = "project_id";
        o.events = "jobs_created";
        o.n = "participants";
    }
    if (strcmp(what, "effects") != 0)
        ck_assert_int_eq(effekt_meta_measure_parse(measure, &o.measure), EFFEKT_OK);
    effekt_table *t = load(file);
    effekt_meta_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_meta_run(t, &o, &r, &d), EFFEKT_OK);
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
    return r;
}

START_TEST(test_meta_against_metafor)
{
    const fixture *f = &fixtures[_i];
    effekt_meta_result *r = run_fixture(f->label);
    double got[19] = { r->estimate, r->se, r->statistic, r->p, r->lower, r->upper, r->tau2, r->tau2_lower,
                       r->tau2_upper, r->tau, r->i2, r->h2, r->q, r->q_p, r->value, r->value_lower,
                       r->value_upper, r->value_pi_lower, r->value_pi_upper };
    for (size_t j = 0; j < 19; j++)
        ck_assert_msg(close_to(got[j], f->v[j]), "%s: %s %.17g, metafor %.17g", f->label, names[j], got[j],
                      f->v[j]);
    for (size_t i = 0; i < r->k; i++)
        ck_assert_msg(close_to(r->studies[i].weight, f->v[19 + i]), "%s: weight %zu %.17g, metafor %.17g", f->label,
                      i, r->studies[i].weight, f->v[19 + i]);
    effekt_meta_result_destroy(r);
}
END_TEST

/* A project without events: escalc's 1/2 in its cells, and a note. */
START_TEST(test_meta_no_events)
{
    effekt_table *t = load("tests/data/meta_projects.csv");
    effekt_meta_options o;
    effekt_meta_options_init(&o);
    o.by = "project_id";
    o.events = "jobs_created";
    o.n = "participants";
    effekt_meta_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_meta_run(t, &o, &r, &d), EFFEKT_OK);
    ck_assert_int_eq(r->studies[1].corrected, 1);
    ck_assert_int_eq(r->studies[0].corrected, 0);
    /* log(0.5 / 25.5), 1/0.5 + 1/25.5: escalc(measure = "PLO", xi = 0, ni = 25) */
    ck_assert(close_to(r->studies[1].yi, -3.9318256327243257));
    ck_assert(close_to(r->studies[1].vi, 2.0392156862745097));
    ck_assert_uint_eq(d.n, 1);
    ck_assert_int_eq(d.items[0].severity, EFFEKT_NOTE);
    ck_assert_str_eq(d.items[0].message, "project 'Bornholm' has no events: 1/2 added to its events and non-events "
                                         "(as metafor's escalc, add = 1/2, to = \"only0\")");
    effekt_diag_clear(&d);
    effekt_meta_result_destroy(r);
    effekt_table_destroy(t);
}
END_TEST

/* One project: nothing to pool, said so. */
START_TEST(test_meta_single_project)
{
    effekt_table *t = load("tests/data/meta_single.csv");
    effekt_meta_options o;
    effekt_meta_options_init(&o);
    o.by = "project_id";
    o.events = "jobs_created";
    o.n = "participants";
    effekt_meta_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_meta_run(t, &o, &r, &d), EFFEKT_EUNDEF);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_str_eq(d.items[0].message,
                     "one project: nothing to pool (random-effects pooling needs at least two projects)");
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

/* Identical projects: tau^2 = 0, its interval [0, 0], I^2 0, Q 0 (also
 * a fixture row); with Hartung-Knapp the weighted RSS is 0 and the SE
 * with it, as metafor's s2w = 0. */
START_TEST(test_meta_identical)
{
    effekt_table *t = load("tests/data/meta_identical.csv");
    effekt_meta_options o;
    effekt_meta_options_init(&o);
    o.by = "project_id";
    o.events = "jobs_created";
    o.n = "participants";
    o.method = EFFEKT_META_PM;
    effekt_meta_result *r = NULL;
    ck_assert_int_eq(effekt_meta_run(t, &o, &r, NULL), EFFEKT_OK);
    ck_assert(r->tau2 == 0 && r->tau2_lower == 0 && r->tau2_upper == 0 && r->i2 == 0 && r->q == 0);
    ck_assert(close_to(r->value, 0.25));
    effekt_meta_result_destroy(r);
    effekt_table_destroy(t);
}
END_TEST

/* The forest of a meta-analysis: the projects with their weights, the
 * pooled diamond and the prediction interval as a bar, in the locale's
 * words; drawn, the bar and a marker per project are on the page. */
START_TEST(test_meta_chart)
{
    effekt_meta_result *r = run_fixture("participants PLO REML z");
    effekt_chart_options co = { .locale = effekt_locale_find("da") };
    effekt_chart *ch = NULL;
    ck_assert_int_eq(effekt_chart_build_meta(r, "placed_date", "project_id", &co, &ch, NULL), EFFEKT_OK);
    ck_assert_uint_eq(ch->n_items, r->k + 2);
    ck_assert(close_to(ch->items[0].weight, 10.486869595189489));   /* weights(fit)[1] */
    const effekt_chart_item *pooled = &ch->items[r->k], *pi = &ch->items[r->k + 1];
    ck_assert(pooled->pooled && !pooled->prediction);
    ck_assert(pi->pooled && pi->prediction);
    ck_assert(close_to(pi->lower, 0.32264281948773155) && close_to(pi->upper, 0.69315642425266344));
    ck_assert_str_eq(pi->label, "Prædiktionsinterval");
    ck_assert_ptr_nonnull(strstr(ch->title, "samlet med tilfældige effekter"));
    effekt_chart_scene scene = { 0 };
    FILE *out = tmpfile();
    ck_assert_int_eq(effekt_chart_render(ch, NULL, EFFEKT_CHART_SVG, out, &scene, NULL), EFFEKT_OK);
    fclose(out);
    size_t bars = 0, markers = 0, diamonds = 0;
    for (size_t i = 0; i < scene.n; i++) {
        if (scene.marks[i].role && strcmp(scene.marks[i].role, "prediction") == 0)
            bars++;
        if (scene.marks[i].role && strcmp(scene.marks[i].role, "estimate") == 0)
            markers++;
        if (scene.marks[i].role && strcmp(scene.marks[i].role, "diamond") == 0)
            diamonds++;
    }
    ck_assert_uint_eq(bars, 1);
    ck_assert_uint_eq(markers, r->k);
    ck_assert_uint_eq(diamonds, 1);
    /* the heaviest project has the largest marker */
    double w_small = 0, w_big = 0;
    for (size_t i = 0; i < scene.n; i++)
        if (scene.marks[i].role && strcmp(scene.marks[i].role, "estimate") == 0) {
            if (scene.marks[i].item == 0)
                w_small = scene.marks[i].w;   /* GOVEST, 10.5 % */
            if (scene.marks[i].item == 5)
                w_big = scene.marks[i].w;     /* SYN-OERESUND, 20.3 % */
        }
    ck_assert(w_big > w_small * 1.3);
    effekt_chart_scene_clear(&scene);
    effekt_chart_destroy(ch);
    effekt_meta_result_destroy(r);
    effekt_chart_release_fonts();   /* fontconfig's caches, for the leak checker */
}
END_TEST

START_TEST(test_meta_names)
{
    effekt_meta_measure m;
    ck_assert_int_eq(effekt_meta_measure_parse("PFT", &m), EFFEKT_OK);
    ck_assert_int_eq(m, EFFEKT_META_ARCSINE);
    ck_assert_str_eq(effekt_meta_measure_name(EFFEKT_META_LOGIT), "logit");
    ck_assert_int_eq(effekt_meta_measure_parse("probit", &m), EFFEKT_EINVAL);
    effekt_meta_method me;
    ck_assert_int_eq(effekt_meta_method_parse("DL", &me), EFFEKT_OK);
    ck_assert_int_eq(me, EFFEKT_META_DL);
    ck_assert_str_eq(effekt_meta_method_name(EFFEKT_META_REML), "reml");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("meta");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_meta_against_metafor, 0, (int)(sizeof fixtures / sizeof *fixtures));
    tcase_add_test(tc, test_meta_no_events);
    tcase_add_test(tc, test_meta_single_project);
    tcase_add_test(tc, test_meta_identical);
    tcase_add_test(tc, test_meta_names);
    tcase_add_test(tc, test_meta_chart);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
