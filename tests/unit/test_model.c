/* effekt_model_fit against R (lm, glm, confint / confint.default,
 * sandwich::vcovHC(type = "HC1"), sandwich::vcovCL), and its refusals.
 * The fixtures below are printed by tests/data/model_oracles.R (R 4.2.2,
 * sandwich; the R code is there), 17 significant digits.  Tolerance:
 * 1e-10 relative for least squares (a direct solution: only rounding),
 * 1e-8 for the IRLS fits (glm stops when the deviance changes by less
 * than 1e-8 relative; effekt repeats glm's iterations, so the two agree
 * far closer in practice: about 1e-13). */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/casemix.h"
#include "effekt/chart.h"
#include "effekt/csv.h"
#include "effekt/model.h"
#include "load_table.h"

/* parts_lm */
static const double parts_lm_est[] = { 50074.915542280156, -31.087119145333155, -680.4742834429336, 1245.676331192069, 1770.7868444303747, 2765.2618461365678 };
static const double parts_lm_se[] = { 2559.5751146639559, 54.945530302347457, 1177.4479205578903, 1656.4672786305221, 1682.3640326437207, 1689.5096824066586 };
static const double parts_lm_stat[] = { 19.56376089742318, -0.56578067359202477, -0.57792304148833684, 0.75200781039389264, 1.0525586674886906, 1.6367244739299338 };
static const double parts_lm_p[] = { 4.6314161206627878e-76, 0.57162784871224859, 0.56340317042020427, 0.45216481616310511, 0.29271351443061511, 0.1018986638010161 };
static const double parts_lm_lo[] = { 45054.173001850184, -138.86569529065491, -2990.1009203083813, -2003.572219867709, -1529.2595651443655, -548.80113499266872 };
static const double parts_lm_hi[] = { 55095.658082710128, 76.691456999988588, 1629.1523534225144, 4494.9248822518475, 5070.8332540051151, 6079.3248272658038 };
static const double parts_lm_hc1[] = { 2445.2823044067341, 51.129793877949218, 1173.9566615975825, 1612.8241258188725, 1518.0485614991233, 1686.3031645902026 };
static const double parts_lm_fit[] = { 774352199808.18213, 776093923777.79932, 34363.923987302624 }; /* deviance, null deviance, AIC */
static const double parts_lm_r2[] = { 0.0022442180208531327, -0.0010949914235214298 }; /* R^2, adjusted */
/* names: (Intercept) age gendermale educationmaster educationphd educationvocational; n = 1500 */
static const double parts_lm_cl[] = { 6697.9531122604512, 43.24791032464497, 1738.4199306450023, 2023.3520544931632, 1302.2884120942667, 2505.4932229639421 };
/* parts_logit */
static const double parts_logit_est[] = { 0.31395958796740669, -0.00082911489409527919, -0.051570317402182465, -0.074663158612161648, -0.10924991967393126, -0.17315698218885225 };
static const double parts_logit_se[] = { 0.22604570443505831, 0.0048461359342759271, 0.10384706684358377, 0.14644602908836096, 0.14861426485155832, 0.14911272021332328 };
static const double parts_logit_stat[] = { 1.3889208324133651, -0.17108783272691241, -0.49659869045563471, -0.5098339577859925, -0.73512404601977011, -1.1612488990954684 };
static const double parts_logit_p[] = { 0.16485682495491333, 0.86415470289351859, 0.61947207680095728, 0.61016779319813519, 0.4622639510343341, 0.24554069413502655 };
static const double parts_logit_lo[] = { -0.12908185158529345, -0.010327366789461461, -0.25510682831573023, -0.36169210130425422, -0.40052852637188235, -0.46541254344376359 };
static const double parts_logit_hi[] = { 0.75700102752010689, 0.0086691370012709022, 0.15196619351136528, 0.2123657840799309, 0.18202868702401981, 0.11909857906605906 };
static const double parts_logit_hc1[] = { 0.22607822512293529, 0.004844192306047543, 0.10408841848100664, 0.14668387422790993, 0.14896691542647178, 0.14939909512553373 };
static const double parts_logit_fit[] = { 2067.4509206789689, 2069.1791678520581, 2079.4509206789689 }; /* deviance, null deviance, AIC */
/* names: (Intercept) age gendermale educationmaster educationphd educationvocational; n = 1500 */
static const double parts_logit_cl[] = { 0.23952614746875422, 0.0049019824686815901, 0.096844140438964638, 0.082617598992685504, 0.10299164197698997, 0.067814752845254025 };
/* parts_logit_phd */
static const double parts_logit_phd_est[] = { 0.17769601862117398, -0.00084561601788133193, 0.11310339799736423, 0.037084395063691003, -0.061529552680381717 };
static const double parts_logit_phd_se[] = { 0.21785996096490864, 0.0048457319514801801, 0.14840153508411202, 0.14441560318760047, 0.14720205227353411 };
static const double parts_logit_phd_stat[] = { 0.81564330514956818, -0.17450738636565102, 0.76214439381141652, 0.25678939287133118, -0.4179938508333168 };
static const double parts_logit_phd_p[] = { 0.41470417382832292, 0.86146672635251909, 0.44597382951462627, 0.7973413588379481, 0.67595161311935448 };
static const double parts_logit_phd_lo[] = { -0.24930165854334893, -0.010343076121517476, -0.17775826601795253, -0.24596498598963368, -0.35004027358689094 };
static const double parts_logit_phd_hi[] = { 0.60469369578569687, 0.0086518440857548118, 0.40396506201268101, 0.32013377611701566, 0.22698116822612749 };
static const double parts_logit_phd_hc1[] = { 0.21806121256636432, 0.0048433536147163827, 0.14866607740349005, 0.14467179788725348, 0.14741952591635141 };
static const double parts_logit_phd_fit[] = { 2067.6975416935484, 2069.1791678520581, 2077.6975416935484 }; /* deviance, null deviance, AIC */
/* names: (Intercept) age education2bachelor education2master education2vocational; n = 1500 */
/* small_pois */
static const double small_pois_est[] = { 0.52632884307009176, 0.059637525077171238, 0.52964992057106719, -0.2471017574739405 };
static const double small_pois_se[] = { 0.34191095171993346, 0.028224254289850551, 0.20664839718819236, 0.23846100828685182 };
static const double small_pois_stat[] = { 1.5393740400021434, 2.1129885121045309, 2.5630487716230435, -1.0362354803796454 };
static const double small_pois_p[] = { 0.12371300790528632, 0.034601751152774154, 0.010375747223151497, 0.30009229795846554 };
static const double small_pois_lo[] = { -0.14380430822079093, 0.0043190031785640542, 0.1246265046192821, -0.71447674543327733 };
static const double small_pois_hi[] = { 1.1964619943609744, 0.11495604697577842, 0.93467333652285234, 0.22027323048539635 };
static const double small_pois_hc1[] = { 0.33523001741287622, 0.026603827409734476, 0.18216420007153866, 0.23080070206071465 };
static const double small_pois_fit[] = { 29.532461213542003, 44.818305119374948, 150.21155790723319 }; /* deviance, null deviance, AIC */
/* names: (Intercept) x grpb grpc; n = 38 */
static const double small_pois_cl[] = { 0.33829326643500168, 0.028267730938354465, 0.10159174104813187, 0.2178466134309979 };
/* small_lm */
static const double small_lm_est[] = { 1.7412632196447648, 0.55161032525594533, 1.1142190788170185, -1.0505648074680403 };
static const double small_lm_se[] = { 0.69447260152258883, 0.059445457228808, 0.45486339411795823, 0.4498475129090444 };
static const double small_lm_stat[] = { 2.5073173741154817, 9.2792679368715181, 2.4495685808651197, -2.3353798283207494 };
static const double small_lm_p[] = { 0.017106440462576717, 7.6426161657059625e-11, 0.019608542891410653, 0.025561558069546398 };
static const double small_lm_lo[] = { 0.32992508832889178, 0.43080262119881901, 0.18982544363117659, -1.9647649456076772 };
static const double small_lm_hi[] = { 3.1526013509606381, 0.67241802931307171, 2.0386127140028605, -0.1363646693284033 };
static const double small_lm_hc1[] = { 0.79154045157283448, 0.071376125624915729, 0.37132509798633334, 0.44857585966850871 };
static const double small_lm_fit[] = { 42.577273203973704, 157.78233684210528, 122.16123793996289 }; /* deviance, null deviance, AIC */
static const double small_lm_r2[] = { 0.73015184046499881, 0.70634170874132218 }; /* R^2, adjusted */
/* names: (Intercept) x grpb grpc; n = 38 */
static const double small_lm_cl[] = { 1.0395409642694728, 0.089432585894716296, 0.52230791555241018, 0.56111837208107018 };
/* small_logit */
static const double small_logit_est[] = { -0.85169444353427448, 0.15137142949527421, -1.3632204974948829, 0.051605641803318496 };
static const double small_logit_se[] = { 1.40954350861234, 0.12567149664922367, 0.87517388286867093, 0.8760170230738098 };
static const double small_logit_stat[] = { -0.604234234935214, 1.2045008894720544, -1.5576567401971346, 0.058909405233065211 };
static const double small_logit_p[] = { 0.54568792295238866, 0.22839603847991236, 0.11931464050172452, 0.95302426677080543 };
static const double small_logit_lo[] = { -3.6143489550566836, -0.094940177820450194, -3.0785297881275531, -1.6653561732653419 };
static const double small_logit_hi[] = { 1.9109600679881349, 0.39768303681099859, 0.3520887931377874, 1.7685674568719787 };
static const double small_logit_hc1[] = { 1.3876244422681689, 0.12326693777556363, 0.93238491554238534, 0.93869452587539248 };
static const double small_logit_fit[] = { 45.798833204353471, 52.2573520569102, 53.798833204353471 }; /* deviance, null deviance, AIC */
/* names: (Intercept) x grpb grpc; n = 38 */
static const double small_logit_cl[] = { 1.5549872110137331, 0.12354106283455495, 0.80975668885895391, 0.65935195285938875 };

static void close_to(double got, double want, double rel, const char *what, size_t j)
{
    ck_assert_msg(fabs(got - want) <= rel * fabs(want), "%s[%zu]: %.17g != %.17g (R)", what, j, got, want);
}

/* Fit and compare every coefficient with R's; se_kind picks the SEs
 * compared (the result holds one kind). */
static effekt_model_result *fit(const char *file, effekt_model_family family, const char *outcome,
                                const char *const *preds, size_t np, effekt_model_se se, const char *cluster)
{
    effekt_table *t = load(file);
    effekt_model_options o;
    effekt_model_options_init(&o, family);
    o.outcome = outcome;
    o.predictors = preds;
    o.n_predictors = np;
    o.se = se;
    o.cluster = cluster;
    effekt_model_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_status st = effekt_model_fit(t, &o, &r, &d);
    ck_assert_msg(st == EFFEKT_OK, "%s: %s", file, d.n ? d.items[0].message : "no message");
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
    return r;
}

#define CHECK_COEFS(r, name, rel)                                                              \
    do {                                                                                       \
        size_t k_ = sizeof name##_est / sizeof *name##_est;                                    \
        ck_assert_uint_eq((r)->n_coefs, k_);                                                   \
        for (size_t j = 0; j < k_; j++) {                                                      \
            close_to((r)->coefs[j].estimate, name##_est[j], rel, #name " estimate", j);        \
            close_to((r)->coefs[j].se, name##_se[j], rel, #name " se", j);                     \
            close_to((r)->coefs[j].statistic, name##_stat[j], rel, #name " statistic", j);     \
            close_to((r)->coefs[j].p, name##_p[j], rel, #name " p", j);                        \
            close_to((r)->coefs[j].lower, name##_lo[j], rel, #name " lower", j);               \
            close_to((r)->coefs[j].upper, name##_hi[j], rel, #name " upper", j);               \
        }                                                                                      \
        close_to((r)->deviance, name##_fit[0], rel, #name " deviance", 0);                     \
        close_to((r)->null_deviance, name##_fit[1], rel, #name " null deviance", 0);           \
        close_to((r)->aic, name##_fit[2], rel, #name " AIC", 0);                               \
    } while (0)

#define CHECK_SE(r, arr, rel)                                                                  \
    do {                                                                                       \
        for (size_t j = 0; j < (r)->n_coefs; j++)                                              \
            close_to((r)->coefs[j].se, arr[j], rel, #arr, j);                                  \
    } while (0)

static const char *const case_mix[] = { "age", "gender", "education" };

START_TEST(test_model_lm_participants)
{
    effekt_model_result *r = fit("datasets/participants.csv", EFFEKT_MODEL_GAUSSIAN, "cost", case_mix, 3,
                                 EFFEKT_MODEL_SE_MODEL, NULL);
    CHECK_COEFS(r, parts_lm, 1e-10);
    close_to(r->r_squared, parts_lm_r2[0], 1e-10, "R^2", 0);
    close_to(r->adj_r_squared, parts_lm_r2[1], 1e-10, "adjusted R^2", 0);
    ck_assert_str_eq(r->coefs[5].name, "educationvocational");
    ck_assert_uint_eq(r->n_used, 1500);
    ck_assert_uint_eq(r->n_dropped, 0);
    ck_assert(r->t_statistic);
    ck_assert(isnan(r->coefs[1].exp_estimate));
    effekt_model_result_destroy(r);
    r = fit("datasets/participants.csv", EFFEKT_MODEL_GAUSSIAN, "cost", case_mix, 3, EFFEKT_MODEL_SE_HC1, NULL);
    CHECK_SE(r, parts_lm_hc1, 1e-10);
    effekt_model_result_destroy(r);
    r = fit("datasets/participants.csv", EFFEKT_MODEL_GAUSSIAN, "cost", case_mix, 3, EFFEKT_MODEL_SE_CLUSTER,
            "project_id");
    CHECK_SE(r, parts_lm_cl, 1e-10);
    ck_assert_uint_eq(r->n_clusters, 6);
    effekt_model_result_destroy(r);
}
END_TEST

/* placed_date: an event where a date is given, as compare --outcome */
START_TEST(test_model_logit_participants)
{
    effekt_model_result *r = fit("datasets/participants.csv", EFFEKT_MODEL_BINOMIAL, "placed_date", case_mix, 3,
                                 EFFEKT_MODEL_SE_MODEL, NULL);
    CHECK_COEFS(r, parts_logit, 1e-8);
    for (size_t j = 0; j < r->n_coefs; j++) {
        close_to(r->coefs[j].exp_estimate, exp(parts_logit_est[j]), 1e-8, "odds ratio", j);
        close_to(r->coefs[j].exp_lower, exp(parts_logit_lo[j]), 1e-8, "odds ratio lower", j);
        close_to(r->coefs[j].exp_upper, exp(parts_logit_hi[j]), 1e-8, "odds ratio upper", j);
    }
    ck_assert_uint_eq(r->iterations, 3);
    ck_assert_str_eq(r->factors[1].column, "education");
    ck_assert_str_eq(r->factors[1].level, "bachelor");
    effekt_model_result_destroy(r);
    r = fit("datasets/participants.csv", EFFEKT_MODEL_BINOMIAL, "placed_date", case_mix, 3, EFFEKT_MODEL_SE_HC1,
            NULL);
    CHECK_SE(r, parts_logit_hc1, 1e-8);
    effekt_model_result_destroy(r);
    r = fit("datasets/participants.csv", EFFEKT_MODEL_BINOMIAL, "placed_date", case_mix, 3,
            EFFEKT_MODEL_SE_CLUSTER, "project_id");
    CHECK_SE(r, parts_logit_cl, 1e-8);
    effekt_model_result_destroy(r);
}
END_TEST

START_TEST(test_model_reference_level)
{
    effekt_table *t = load("datasets/participants.csv");
    const char *preds[] = { "age", "education" };
    effekt_model_ref ref = { "education", "phd" };
    effekt_model_options o;
    effekt_model_options_init(&o, EFFEKT_MODEL_BINOMIAL);
    o.outcome = "placed_date";
    o.predictors = preds;
    o.n_predictors = 2;
    o.refs = &ref;
    o.n_refs = 1;
    effekt_model_result *r = NULL;
    ck_assert_int_eq(effekt_model_fit(t, &o, &r, NULL), EFFEKT_OK);
    CHECK_COEFS(r, parts_logit_phd, 1e-8);
    ck_assert_str_eq(r->coefs[2].name, "educationbachelor");
    ck_assert_str_eq(r->factors[0].level, "phd");
    effekt_model_result_destroy(r);
    o.se = EFFEKT_MODEL_SE_HC1;
    ck_assert_int_eq(effekt_model_fit(t, &o, &r, NULL), EFFEKT_OK);
    CHECK_SE(r, parts_logit_phd_hc1, 1e-8);
    effekt_model_result_destroy(r);
    o.se = EFFEKT_MODEL_SE_MODEL;
    /* a level that is not there: named with the levels there are */
    ref.level = "primary";
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_model_fit(t, &o, &r, &d), EFFEKT_EINVAL);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(d.items[0].message, "reference level 'primary' is not a value of 'education' in the rows used "
                                         "(its levels: bachelor, master, phd, vocational)");
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}
END_TEST

static const char *const small_preds[] = { "x", "grp" };

START_TEST(test_model_small_missing_left_out)
{
    effekt_model_result *r = fit("tests/data/model_small.csv", EFFEKT_MODEL_POISSON, "cnt", small_preds, 2,
                                 EFFEKT_MODEL_SE_MODEL, NULL);
    CHECK_COEFS(r, small_pois, 1e-8);
    ck_assert_uint_eq(r->n_used, 38);
    ck_assert_uint_eq(r->n_dropped, 2);
    ck_assert(isnan(r->fitted[6]) && isnan(r->fitted[11]) && !isnan(r->fitted[0]));
    effekt_model_result_destroy(r);
    r = fit("tests/data/model_small.csv", EFFEKT_MODEL_POISSON, "cnt", small_preds, 2, EFFEKT_MODEL_SE_HC1, NULL);
    CHECK_SE(r, small_pois_hc1, 1e-8);
    effekt_model_result_destroy(r);
    r = fit("tests/data/model_small.csv", EFFEKT_MODEL_POISSON, "cnt", small_preds, 2, EFFEKT_MODEL_SE_CLUSTER, "cl");
    CHECK_SE(r, small_pois_cl, 1e-8);
    effekt_model_result_destroy(r);

    r = fit("tests/data/model_small.csv", EFFEKT_MODEL_GAUSSIAN, "y", small_preds, 2, EFFEKT_MODEL_SE_MODEL, NULL);
    CHECK_COEFS(r, small_lm, 1e-10);
    close_to(r->r_squared, small_lm_r2[0], 1e-10, "R^2", 0);
    close_to(r->adj_r_squared, small_lm_r2[1], 1e-10, "adjusted R^2", 0);
    effekt_model_result_destroy(r);
    r = fit("tests/data/model_small.csv", EFFEKT_MODEL_GAUSSIAN, "y", small_preds, 2, EFFEKT_MODEL_SE_HC1, NULL);
    CHECK_SE(r, small_lm_hc1, 1e-10);
    effekt_model_result_destroy(r);
    r = fit("tests/data/model_small.csv", EFFEKT_MODEL_GAUSSIAN, "y", small_preds, 2, EFFEKT_MODEL_SE_CLUSTER, "cl");
    CHECK_SE(r, small_lm_cl, 1e-10);
    effekt_model_result_destroy(r);

    r = fit("tests/data/model_small.csv", EFFEKT_MODEL_BINOMIAL, "ev", small_preds, 2, EFFEKT_MODEL_SE_MODEL, NULL);
    CHECK_COEFS(r, small_logit, 1e-8);
    effekt_model_result_destroy(r);
    r = fit("tests/data/model_small.csv", EFFEKT_MODEL_BINOMIAL, "ev", small_preds, 2, EFFEKT_MODEL_SE_HC1, NULL);
    CHECK_SE(r, small_logit_hc1, 1e-8);
    effekt_model_result_destroy(r);
    r = fit("tests/data/model_small.csv", EFFEKT_MODEL_BINOMIAL, "ev", small_preds, 2, EFFEKT_MODEL_SE_CLUSTER, "cl");
    CHECK_SE(r, small_logit_cl, 1e-8);
    effekt_model_result_destroy(r);
}
END_TEST

/* The refusals, each with its message. */
static void refused(const char *file, effekt_model_family family, const char *outcome, const char *const *preds,
                    size_t np, effekt_status want, const char *message)
{
    effekt_table *t = load(file);
    effekt_model_options o;
    effekt_model_options_init(&o, family);
    o.outcome = outcome;
    o.predictors = preds;
    o.n_predictors = np;
    effekt_model_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_model_fit(t, &o, &r, &d), want);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_msg(strcmp(d.items[0].message, message) == 0, "message: %s", d.items[0].message);
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
}

START_TEST(test_model_perfect_separation)
{
    /* glm warns "algorithm did not converge" and "fitted probabilities
     * numerically 0 or 1 occurred" and gives x = 44.69951 */
    const char *preds[] = { "x" };
    refused("tests/data/model_separation.csv", EFFEKT_MODEL_BINOMIAL, "y", preds, 1, EFFEKT_EUNDEF,
            "perfect separation: 8 of 10 rows have fitted probabilities of 0 or 1; the coefficient 'x' diverges "
            "(44.6995 after 25 iterations), so no finite estimate exists (leave the predictor out or merge its "
            "levels)");
}
END_TEST

START_TEST(test_model_one_level)
{
    /* the row of level b has no outcome: among the rows used grp is all a
     * (lm: "contrasts can be applied only to factors with 2 or more levels") */
    const char *preds[] = { "x", "grp" };
    refused("tests/data/model_one_level.csv", EFFEKT_MODEL_GAUSSIAN, "y", preds, 2, EFFEKT_EINVAL,
            "predictor 'grp' has one level ('a') in the 5 rows used; a category needs another to be compared with");
}
END_TEST

START_TEST(test_model_collinear)
{
    /* x2 = 2 x1 + 1: lm gives x2 NA */
    const char *preds[] = { "x1", "x2" };
    refused("tests/data/model_collinear.csv", EFFEKT_MODEL_GAUSSIAN, "y", preds, 2, EFFEKT_EINVAL,
            "collinear predictors: 'x2' is a linear combination of the intercept and the predictors before it in "
            "the rows used (R gives NA); leave it out");
}
END_TEST

START_TEST(test_model_bad_columns)
{
    const char *preds[] = { "age" };
    refused("datasets/participants.csv", EFFEKT_MODEL_BINOMIAL, "gender", preds, 1, EFFEKT_EINVAL,
            "column 'gender' is text; the outcome of a logistic model is 0/1, yes/no, or a date (an event when "
            "given)");
    const char *bad[] = { "enrolled_date" };
    refused("datasets/participants.csv", EFFEKT_MODEL_GAUSSIAN, "cost", bad, 1, EFFEKT_EINVAL,
            "predictor 'enrolled_date' is date; a predictor is a number or text (categories)");
    refused("datasets/participants.csv", EFFEKT_MODEL_GAUSSIAN, "costs", preds, 1, EFFEKT_EINVAL,
            "no column 'costs'");
    /* one cluster: G/(G-1) has no value */
    effekt_table *t = load("tests/data/casemix_one.csv");
    effekt_model_options o;
    effekt_model_options_init(&o, EFFEKT_MODEL_BINOMIAL);
    const char *age[] = { "age" };
    o.outcome = "placed";
    o.predictors = age;
    o.n_predictors = 1;
    o.se = EFFEKT_MODEL_SE_CLUSTER;
    o.cluster = "project";
    effekt_model_result *r = NULL;
    effekt_diag d;
    effekt_diag_init(&d);
    ck_assert_int_eq(effekt_model_fit(t, &o, &r, &d), EFFEKT_EUNDEF);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(d.items[0].message, "cluster-robust standard errors need two clusters or more; 'project' has 1 "
                                         "in the rows used");
    effekt_diag_clear(&d);
    effekt_table_destroy(t);
    effekt_model_family f;
    ck_assert_int_eq(effekt_model_family_parse("Logistic", &f), EFFEKT_OK);
    ck_assert_int_eq(f, EFFEKT_MODEL_BINOMIAL);
    ck_assert_int_eq(effekt_model_family_parse("probit", &f), EFFEKT_EINVAL);
    ck_assert_str_eq(effekt_model_family_name(EFFEKT_MODEL_POISSON), "poisson");
}
END_TEST

/* ---- case-mix: tests/data/casemix_oracles.R (R 4.2.2) ---- */
/* tests/data/casemix_small.csv: P1 P2 P3 P4 */
static const double cm_O[] = { 8, 7, 14, 0 };
static const double cm_E[] = { 9.9428498428422447, 6.9764358903001229, 8.3395882692955805, 3.7411259975635089 };
static const double cm_lo[] = { 0.34736843373279747, 0.40340986368596798, 0.91778275247479368, 0 };
static const double cm_hi[] = { 1.5853793901495026, 2.0673414890482023, 2.8166403859911027, 0.98603454054110973 };
static const double cm_l95[] = { 0.37479878019149893, 0.25408059888018408, 0.31492215658091605, 0.0038321939470327246 };
static const double cm_u95[] = { 1.6159451365202224, 1.7343451013808044, 1.6719216346474461, 2.0154041685331254 };
static const double cm_l998[] = { 0.12063698208192029, 0.0014607170419642719, 0.045814864148697364, 0 };
static const double cm_u998[] = { 2.0699244499765954, 2.2857390496420797, 2.1674860503428612, 2.8322808182717769 };
static const double cm_phi_tau2[] = { 1.9906973365743119, 0.046787030215719859, 0.23596516093213779 };
static const double cm_mult_95[] = { 0.12300873375723997, -0.046969198087077002, 0.042412642182773741, -0.42971522233495918, 1.8769912662427601, 2.0469691980870772, 1.9575873578172263, 2.4297152223349592 };
static const double cm_add_95[] = { -0.13701554497858104, -0.20709729452272829, -0.16922186196609013, -0.39042055960225164, 2.1370155449785813, 2.2070972945227281, 2.1692218619660899, 2.3904205596022514 };

static effekt_casemix_result *casemix(const char *file, effekt_overdispersion od, effekt_diag *d)
{
    effekt_table *t = load(file);
    static const char *const adjust[] = { "age", "gender" };
    effekt_casemix_options o;
    effekt_casemix_options_init(&o);
    o.by = "project";
    o.outcome = "placed";
    o.adjust = adjust;
    o.n_adjust = 2;
    o.overdispersion = od;
    effekt_casemix_result *r = NULL;
    ck_assert_int_eq(effekt_casemix_run(t, &o, &r, d), EFFEKT_OK);
    effekt_table_destroy(t);
    return r;
}

/* O, E, O/E with poisson.test's interval, the exact funnel limits; P4
 * has no events: O/E 0 with the interval [0, qgamma(0.975, 1)/E] */
START_TEST(test_casemix_oracle)
{
    effekt_casemix_result *r = casemix("tests/data/casemix_small.csv", EFFEKT_OVERDISPERSION_NONE, NULL);
    ck_assert_uint_eq(r->n_groups, 4);
    ck_assert_uint_eq(r->model->n_dropped, 1);
    for (size_t g = 0; g < 4; g++) {
        const effekt_casemix_group *cg = &r->groups[g];
        ck_assert_double_eq(cg->observed, cm_O[g]);
        close_to(cg->expected, cm_E[g], 1e-8, "E", g);
        close_to(cg->ratio, cm_O[g] / cm_E[g], 1e-8, "O/E", g);
        close_to(cg->lower, cm_lo[g], 1e-8, "O/E lower", g);
        close_to(cg->upper, cm_hi[g], 1e-8, "O/E upper", g);
        close_to(cg->lower_95, cm_l95[g], 1e-8, "lower 95", g);
        close_to(cg->upper_95, cm_u95[g], 1e-8, "upper 95", g);
        close_to(cg->lower_99_8, cm_l998[g], 1e-8, "lower 99.8", g);
        close_to(cg->upper_99_8, cm_u998[g], 1e-8, "upper 99.8", g);
    }
    ck_assert_str_eq(r->groups[3].label, "P4");
    ck_assert_double_eq(r->groups[3].ratio, 0);
    ck_assert_double_eq(r->groups[3].lower, 0);
    ck_assert_str_eq(r->groups[3].funnel, "below 95 % limit");   /* P(O = 0) = exp(-3.74) < 0.025 */
    close_to(r->phi, cm_phi_tau2[0], 1e-8, "phi", 0);
    close_to(r->phi_p, cm_phi_tau2[1], 1e-8, "phi p", 0);
    close_to(r->observed, r->expected, 1e-10, "sum O = sum E", 0);
    ck_assert(!r->widened);
    effekt_casemix_result_destroy(r);
    r = casemix("tests/data/casemix_small.csv", EFFEKT_OVERDISPERSION_MULTIPLICATIVE, NULL);
    ck_assert(r->widened);
    for (size_t g = 0; g < 4; g++) {
        close_to(r->groups[g].lower_95, fmax(0, cm_mult_95[g]), 1e-8, "phi lower 95", g);
        close_to(r->groups[g].upper_95, cm_mult_95[4 + g], 1e-8, "phi upper 95", g);
    }
    ck_assert_ptr_nonnull(strstr(r->method, "multiplicative"));
    effekt_casemix_result_destroy(r);
    r = casemix("tests/data/casemix_small.csv", EFFEKT_OVERDISPERSION_ADDITIVE, NULL);
    close_to(r->tau2, cm_phi_tau2[2], 1e-8, "tau2", 0);
    for (size_t g = 0; g < 4; g++) {
        close_to(r->groups[g].lower_95, fmax(0, cm_add_95[g]), 1e-8, "tau2 lower 95", g);
        close_to(r->groups[g].upper_95, cm_add_95[4 + g], 1e-8, "tau2 upper 95", g);
    }
    ck_assert_ptr_nonnull(strstr(r->method, "additive"));
    effekt_casemix_result_destroy(r);
}
END_TEST

/* One project: O = E (the model is its own), phi undefined, a note. */
START_TEST(test_casemix_single_project)
{
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_casemix_result *r = casemix("tests/data/casemix_one.csv", EFFEKT_OVERDISPERSION_MULTIPLICATIVE, &d);
    ck_assert_uint_eq(r->n_groups, 1);
    close_to(r->groups[0].ratio, 1, 1e-9, "O/E", 0);
    ck_assert(isnan(r->phi));
    ck_assert(!r->widened);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_int_eq(d.items[0].severity, EFFEKT_NOTE);
    ck_assert_str_eq(d.items[0].message, "one project only: its O/E is against the model fitted to its own "
                                         "participants (O = E), and overdispersion cannot be estimated");
    effekt_diag_clear(&d);
    effekt_casemix_result_destroy(r);
}
END_TEST

/* The coefficient chart: a row per coefficient but the intercept, odds
 * ratios around a line at 1, the words of the locale. */
START_TEST(test_chart_coef)
{
    effekt_model_result *r = fit("datasets/participants.csv", EFFEKT_MODEL_BINOMIAL, "placed_date", case_mix, 3,
                                 EFFEKT_MODEL_SE_MODEL, NULL);
    effekt_chart_options co = { .locale = effekt_locale_find("da") };
    effekt_chart *ch = NULL;
    ck_assert_int_eq(effekt_chart_build_coef(r, &co, &ch, NULL), EFFEKT_OK);
    ck_assert_int_eq(ch->kind, EFFEKT_CHART_FOREST);
    ck_assert_uint_eq(ch->n_items, 5);
    ck_assert_double_eq(ch->reference, 1);
    close_to(ch->items[0].value, exp(parts_logit_est[1]), 1e-8, "odds ratio of age", 0);
    close_to(ch->items[4].upper, exp(parts_logit_hi[5]), 1e-8, "upper of vocational", 0);
    ck_assert_ptr_nonnull(strstr(ch->items[4].label, "vocational (mod bachelor)"));
    ck_assert_ptr_nonnull(strstr(ch->title, "logistisk regression"));
    ck_assert_str_eq(ch->x_label, "odds ratio");
    effekt_chart_destroy(ch);
    effekt_model_result_destroy(r);
}
END_TEST

/* The O/E funnel: a point per project at (E, O/E), limits as the result's,
 * the project below 99.8 % flagged; the method in the subtitle. */
START_TEST(test_chart_casemix)
{
    effekt_casemix_result *r = casemix("tests/data/casemix_small.csv", EFFEKT_OVERDISPERSION_NONE, NULL);
    effekt_chart *ch = NULL;
    ck_assert_int_eq(effekt_chart_build_casemix(r, "project", NULL, &ch, NULL), EFFEKT_OK);
    ck_assert_int_eq(ch->kind, EFFEKT_CHART_FUNNEL);
    ck_assert_uint_eq(ch->n_items, 4);
    ck_assert_uint_eq(ch->n_curves, 2);
    close_to(ch->items[2].x, cm_E[2], 1e-8, "E", 2);
    ck_assert_double_eq(ch->items[3].y, 0);
    ck_assert(!ch->items[3].flagged);   /* below 95 %, not 99.8 % */
    ck_assert_ptr_nonnull(strstr(ch->subtitle, "exact Poisson limits around 1; 0 of 4 groups outside 99.8"));
    effekt_chart_destroy(ch);
    effekt_casemix_result_destroy(r);
    r = casemix("tests/data/casemix_small.csv", EFFEKT_OVERDISPERSION_MULTIPLICATIVE, NULL);
    ck_assert_int_eq(effekt_chart_build_casemix(r, "project", NULL, &ch, NULL), EFFEKT_OK);
    ck_assert_ptr_nonnull(strstr(ch->subtitle, "multiplicative, \u03c6 = 1.99"));
    effekt_chart_destroy(ch);
    effekt_casemix_result_destroy(r);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("model");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_model_lm_participants);
    tcase_add_test(tc, test_model_logit_participants);
    tcase_add_test(tc, test_model_reference_level);
    tcase_add_test(tc, test_model_small_missing_left_out);
    tcase_add_test(tc, test_model_perfect_separation);
    tcase_add_test(tc, test_model_one_level);
    tcase_add_test(tc, test_model_collinear);
    tcase_add_test(tc, test_model_bad_columns);
    tcase_add_test(tc, test_casemix_oracle);
    tcase_add_test(tc, test_casemix_single_project);
    tcase_add_test(tc, test_chart_coef);
    tcase_add_test(tc, test_chart_casemix);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
