/* The money plan of a project table: per row, the factor that restates
 * its amounts in one currency and one year's prices, or why not. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/date.h"
#include "effekt/money.h"
#include "lib_alloc.h"

/* The year an amount is in: price_year, else the start year, else 0. */
static long amount_year(const effekt_table *t, size_t row)
{
    const effekt_column *py = effekt_table_column(t, "price_year");
    if (py && py->values && !isnan(py->values[row]))
        return (long)py->values[row];
    const effekt_column *sd = effekt_table_column(t, "start_date");
    if (sd && sd->type == EFFEKT_TYPE_DATE && !isnan(sd->values[row]))
        return effekt_date_year((long)sd->values[row]);
    return 0;
}

void effekt_money_plan_destroy(effekt_money_plan *p)
{
    if (!p)
        return;
    for (size_t i = 0; p->reason && i < p->n; i++)
        free(p->reason[i]);
    free(p->reason);
    free(p->factor);
    free(p->why);
    free(p);
}

void effekt_money_plan_kpi_options(const effekt_money_plan *plan, effekt_kpi_options *kopt)
{
    kopt->money_factor = plan->factor;
    kopt->money_reason = (const char *const *)plan->reason;
    kopt->money_why = plan->why;
}

static void set_why(effekt_kpi_why *w, effekt_kpi_reason id, const char *a1, long year)
{
    memset(w, 0, sizeof *w);
    w->id = id;
    if (a1)
        snprintf(w->arg[0], sizeof w->arg[0], "%s", a1);
    if (year)
        snprintf(w->arg[a1 ? 1 : 0], sizeof w->arg[0], "%ld", year);
}

/* Why row r's factor is unknown, or id NONE and *k the factor. */
static void row_factor(const effekt_table *t, const effekt_column *cur, const effekt_money_options *opt, size_t r,
                       double *k, effekt_kpi_why *why)
{
    char scratch[160];
    long year = amount_year(t, r);
    memset(why, 0, sizeof *why);
    *k = 1.0;
    if (opt->currency) {
        double fx, probe;
        if (!cur || !cur->text[r]) {
            set_why(why, EFFEKT_REASON_CURRENCY_NOT_REPORTED, NULL, 0);
            return;
        }
        if (effekt_rates_factor(opt->rates, cur->text[r], year, opt->currency, &fx, scratch, sizeof scratch)
            != EFFEKT_OK) {
            /* the currency without a rate: the row's, unless it has one */
            const char *missing = effekt_rates_factor(opt->rates, cur->text[r], year, "EUR", &probe, scratch,
                                                      sizeof scratch) == EFFEKT_OK ? opt->currency : cur->text[r];
            if (year)
                set_why(why, EFFEKT_REASON_NO_RATE, missing, year);
            else
                set_why(why, EFFEKT_REASON_NO_RATE_NO_YEAR, missing, 0);
            return;
        }
        *k *= fx;
    }
    if (opt->price_year) {
        double d, probe;
        if (!year) {
            set_why(why, EFFEKT_REASON_PRICE_YEAR_UNKNOWN, NULL, 0);
            return;
        }
        if (effekt_deflator_factor(opt->deflator, year, opt->price_year, &d, scratch, sizeof scratch) != EFFEKT_OK) {
            long missing = effekt_deflator_factor(opt->deflator, year, year, &probe, scratch, sizeof scratch)
                                   == EFFEKT_OK ? opt->price_year : year;
            set_why(why, EFFEKT_REASON_NO_PRICE_INDEX, NULL, missing);
            return;
        }
        *k *= d;
    }
}

effekt_status effekt_money_plan_run(const effekt_table *t, const effekt_money_options *opt,
                                    effekt_money_plan **out, effekt_diag *diag)
{
    *out = NULL;
    if ((opt->currency && !opt->rates) || (opt->price_year && !opt->deflator)) {
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, NULL, NULL, "%s",
                        opt->currency && !opt->rates ? "restating a currency needs exchange rates"
                                                     : "restating in a price year needs a price index");
        return EFFEKT_EINVAL;
    }
    const effekt_column *cur = effekt_table_column(t, "currency");
    if (cur && cur->type != EFFEKT_TYPE_TEXT)
        cur = NULL;
    if (!opt->currency && cur) {
        size_t first = (size_t)-1;
        for (size_t r = 0; r < t->n_rows; r++) {
            if (!cur->text[r])
                continue;
            if (first == (size_t)-1) {
                first = r;
            } else if (strcasecmp(cur->text[first], cur->text[r]) != 0) {
                effekt_diag_add(diag, EFFEKT_ERROR, t->source, effekt_table_row_line(t, r), cur->index, cur->heading,
                                cur->text[r], "projects report amounts in %s (line %zu) and %s (line %zu)",
                                cur->text[first], effekt_table_row_line(t, first), cur->text[r],
                                effekt_table_row_line(t, r));
                return EFFEKT_EINVAL;
            }
        }
    }
    effekt_money_plan *p = effekt_calloc(1, sizeof *p);
    if (!p)
        return EFFEKT_ENOMEM;
    p->n = t->n_rows;
    if (!opt->currency && !opt->price_year) {
        *out = p;
        return EFFEKT_OK;
    }
    p->factor = effekt_calloc(p->n + 1, sizeof *p->factor);
    p->reason = effekt_calloc(p->n + 1, sizeof *p->reason);
    p->why = effekt_calloc(p->n + 1, sizeof *p->why);
    if (!p->factor || !p->reason || !p->why) {
        effekt_money_plan_destroy(p);
        return EFFEKT_ENOMEM;
    }
    for (size_t r = 0; r < t->n_rows; r++) {
        double k;
        row_factor(t, cur, opt, r, &k, &p->why[r]);
        p->factor[r] = p->why[r].id == EFFEKT_REASON_NONE ? k : NAN;
        if (p->why[r].id != EFFEKT_REASON_NONE) {
            char text[160];
            effekt_kpi_why_english(&p->why[r], text, sizeof text);
            if (!(p->reason[r] = effekt_malloc(strlen(text) + 1))) {
                effekt_money_plan_destroy(p);
                return EFFEKT_ENOMEM;
            }
            strcpy(p->reason[r], text);
        }
    }
    *out = p;
    return EFFEKT_OK;
}
