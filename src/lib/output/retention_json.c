/* effekt retention's results as JSON: the document effekt retention
 * writes (and its table and CSV sheets are made from). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "effekt/output.h"
#include "effekt/retention.h"
#include "output/json_figure.h"

effekt_status effekt_retention_json_head(const effekt_retention_options *o, effekt_json *json_doc)
{    cJSON *doc = effekt_json_cjson(json_doc);

    cJSON_AddStringToObject(doc, "conf_type", o->conf_type == EFFEKT_CONF_LOG      ? "log"
                                              : o->conf_type == EFFEKT_CONF_LOGLOG ? "log-log"
                                                                                   : "plain");
    cJSON_AddNumberToObject(doc, "confidence", o->confidence);
    cJSON_AddArrayToObject(doc, "curves");
    cJSON_AddArrayToObject(doc, "tests");
    cJSON_AddArrayToObject(doc, "steps");
    return cJSON_AddObjectToObject(doc, "excluded") ? EFFEKT_OK : EFFEKT_ENOMEM;
}

/* A time by which the curve falls to a level with its limits, each kept
 * on its own, as survfit's table: a median not reached may have a lower
 * limit that is (R prints NA [8, NA]).  What is missing is null with its
 * reason (reason, lower_reason, upper_reason). */
static cJSON *quantile_figure(const effekt_retention_quantile *q)
{
    cJSON *o = cJSON_CreateObject();
    char why[96];
    if (isnan(q->value)) {
        cJSON_AddNullToObject(o, "value");
        snprintf(why, sizeof why, "the curve does not fall to %g", q->level);
        cJSON_AddStringToObject(o, "reason", why);
        if (isnan(q->lower) && isnan(q->upper))
            return o;
    } else {
        cJSON_AddNumberToObject(o, "value", q->value);
    }
    const char *side[] = { "lower", "upper" };
    double lim[] = { q->lower, q->upper };
    for (int i = 0; i < 2; i++) {
        if (!isnan(lim[i])) {
            cJSON_AddNumberToObject(o, side[i], lim[i]);
            continue;
        }
        char key[16];
        cJSON_AddNullToObject(o, side[i]);
        snprintf(key, sizeof key, "%s_reason", side[i]);
        snprintf(why, sizeof why, "the %s limit curve does not fall to %g", side[i], q->level);
        cJSON_AddStringToObject(o, key, why);
    }
    return o;
}

/* A share or horizon in a key: the shortest of 15 to 17 digits that reads
 * back, so two different numbers never make the same key. */
static void key_number(double v, char *buf, size_t size)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v == 0 ? 0.0 : v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

static cJSON *curve_row(const effekt_retention_result *r, const effekt_retention_curve *c)
{
    cJSON *row = cJSON_CreateObject();
    cJSON_AddStringToObject(row, "group", c->label);
    cJSON_AddNumberToObject(row, "n", (double)c->n);
    cJSON_AddNumberToObject(row, "events", (double)c->events);
    cJSON_AddItemToObject(row, "median_days", quantile_figure(&c->median));
    for (size_t qi = 0; qi < r->n_quantiles; qi++) {
        char num[32], name[48];
        key_number(r->quantiles[qi], num, sizeof num);
        snprintf(name, sizeof name, "q%s_days", num);
        cJSON_AddItemToObject(row, name, quantile_figure(&c->quantiles[qi]));
    }
    if (r->rmst > 0) {
        char name[48];
        snprintf(name, sizeof name, "rmst_%gd", r->rmst);
        cJSON_AddItemToObject(row, name, effekt_cjson_figure_of(c->rmst, NAN, NAN, "no spells"));
        snprintf(name, sizeof name, "rmst_%gd_se", r->rmst);
        cJSON_AddItemToObject(row, name, effekt_cjson_figure_of(c->rmst_se, NAN, NAN, "no spells"));
    }
    for (size_t a = 0; a < r->n_at; a++) {
        const effekt_retention_horizon *h = &c->horizons[a];
        char num[32], name[48];
        key_number(r->at[a], num, sizeof num);
        snprintf(name, sizeof name, "retention_%sd", num);
        cJSON_AddItemToObject(row, name, h->beyond ? effekt_cjson_figure_of(NAN, NAN, NAN, "beyond the last follow-up")
                                                   : effekt_cjson_figure_of(h->survival, h->lower, h->upper, ""));
        snprintf(name, sizeof name, "at_risk_%sd", num);
        cJSON_AddNumberToObject(row, name, h->at_risk);
    }
    return row;
}

effekt_status effekt_retention_json(const effekt_retention_result *r, const char *path, effekt_json *json_doc)
{    cJSON *doc = effekt_json_cjson(json_doc);

    cJSON *curves = cJSON_GetObjectItemCaseSensitive(doc, "curves");
    cJSON *tests = cJSON_GetObjectItemCaseSensitive(doc, "tests");
    cJSON *excluded = cJSON_GetObjectItemCaseSensitive(doc, "excluded");
    if (!curves || !tests || !excluded)
        return EFFEKT_EINVAL;
    for (size_t c = 0; c < r->n_curves; c++)
        cJSON_AddItemToArray(curves, curve_row(r, &r->curves[c]));
    if (r->has_test) {
        const effekt_retention_test *t = &r->test;
        cJSON *row = cJSON_CreateObject();
        cJSON_AddStringToObject(row, "test", t->name);
        cJSON_AddNumberToObject(row, "rho", t->rho);
        if (r->n_curves == 1) {
            cJSON_AddNullToObject(row, "chisq");
            /* a grouping column is what would make groups */
            cJSON_AddStringToObject(row, "reason", "one group: nothing to compare (--by names the groups)");
        } else if (!isnan(t->chisq)) {
            cJSON_AddNumberToObject(row, "chisq", t->chisq);
            cJSON_AddNumberToObject(row, "df", t->df);
            cJSON_AddNumberToObject(row, "p", t->p);
        } else {
            cJSON_AddNullToObject(row, "chisq");
            cJSON_AddStringToObject(row, "reason", t->reason ? t->reason : "undefined");
        }
        if (t->left_out) {
            cJSON_AddStringToObject(row, "left_out", t->left_out);
            cJSON_AddStringToObject(row, "left_out_reason", "no one at risk at any event time");
        }
        cJSON_AddItemToArray(tests, row);
    }
    cJSON_AddNumberToObject(excluded, path, (double)r->excluded);
    return EFFEKT_OK;
}

effekt_json *effekt_retention_json_step(const effekt_retention_curve *c, size_t j)
{
    const effekt_km *km = &c->km;
    if (j >= km->n_times)
        return NULL;
    cJSON *r = cJSON_CreateObject();
    if (!r)
        return NULL;
    cJSON_AddStringToObject(r, "group", c->label);
    cJSON_AddNumberToObject(r, "time", km->time[j]);
    cJSON_AddNumberToObject(r, "n_risk", km->n_risk[j]);
    cJSON_AddNumberToObject(r, "n_event", km->n_event[j]);
    cJSON_AddNumberToObject(r, "n_censor", km->n_censor[j]);
    cJSON_AddItemToObject(r, "survival", effekt_cjson_figure_of(km->surv[j], km->lower[j], km->upper[j], "undefined"));
    cJSON_AddNumberToObject(r, "std_err", km->std_err[j]);
    return effekt_json_of(r);
}
