/* effekt/retention.h — how long people stay (in work, or until a job):
 * spells from a participant table, then Kaplan–Meier curves per group,
 * their quantiles, horizons and restricted mean, and the G-rho tests
 * between groups (see survival.h for the statistics themselves). */
#ifndef EFFEKT_RETENTION_H
#define EFFEKT_RETENTION_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/diag.h"
#include "effekt/json.h"
#include "effekt/km.h"
#include "effekt/spells.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    effekt_spells_options spells;
    double confidence;          /* 0.95 */
    effekt_km_conf_type conf_type; /* EFFEKT_CONF_LOG */
    double rho;                 /* 0: log-rank, 1: Peto-Peto */
    const double *at;           /* horizons (days), borrowed */
    size_t n_at;
    const double *quantiles;    /* shares in (0, 1) besides the median, borrowed */
    size_t n_quantiles;
    double rmst;                /* restricted mean up to this many days; 0: none */
    int keep_steps;             /* keep each curve's steps (km) in the result */
} effekt_retention_options;

EFFEKT_API void effekt_retention_options_init(effekt_retention_options *o);

/* A time by which the curve falls to a level, its limits each on its own
 * (NaN: not reached). */
typedef struct {
    double value, lower, upper;
    double level;               /* the level the curve falls to: 1 - share */
} effekt_retention_quantile;

typedef struct {
    double survival, lower, upper;   /* NaN when beyond */
    int beyond;                 /* the horizon is after the last time of the curve */
    double at_risk;
} effekt_retention_horizon;

typedef struct {
    char *label;                /* owned */
    size_t n, events;
    effekt_retention_quantile median;
    effekt_retention_quantile *quantiles;   /* n_quantiles of the options */
    double rmst, rmst_se;       /* NaN without spells or without rmst */
    effekt_retention_horizon *horizons;     /* n_at of the options */
    effekt_km km;               /* the steps, when kept (keep_steps); else empty */
} effekt_retention_curve;

typedef struct {
    const char *name;           /* "log-rank", "Peto-Peto", "G-rho" */
    double rho, chisq, df, p;   /* NaN when undefined */
    const char *reason;         /* why undefined; NULL */
    char *left_out;             /* groups without expected events, ", "-joined; NULL */
} effekt_retention_test;

typedef struct {
    effekt_retention_curve *curves;
    size_t n_curves;
    effekt_retention_test test;
    int has_test;               /* 0 only when there is no group at all */
    size_t excluded;            /* rows not in the analysis */
    double *at, *quantiles;     /* copies of the options' */
    size_t n_at, n_quantiles;
    double rmst;
} effekt_retention_result;

/* Spells, curves and the test.  Problems as effekt_spells_build.  On
 * success *out is the caller's (effekt_retention_result_destroy). */
EFFEKT_API effekt_status effekt_retention_run(const effekt_table *t, const effekt_retention_options *o,
                                   effekt_retention_result **out, effekt_diag *diag);
EFFEKT_API void effekt_retention_result_destroy(effekt_retention_result *r);

/* ---- as JSON (src/lib/output/retention_json.c) ---- */
/* The head of effekt retention's document: conf_type, confidence and the
 * empty "curves", "tests", "steps" and "excluded". */
EFFEKT_API effekt_status effekt_retention_json_head(const effekt_retention_options *o, effekt_json *doc);

/* Append r's curves and test, and "excluded": {path: n}. */
EFFEKT_API effekt_status effekt_retention_json(const effekt_retention_result *r, const char *path, effekt_json *doc);

/* Step j of curve c as a row {group, time, n_risk, n_event, n_censor,
 * survival, std_err}, for writers that stream steps; NULL out of memory. */
EFFEKT_API effekt_json *effekt_retention_json_step(const effekt_retention_curve *c, size_t j);

#ifdef __cplusplus
}
#endif
#endif
