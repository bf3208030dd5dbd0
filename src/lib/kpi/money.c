/* Exchange rates and price indices, read with the normal CSV loader. */
#include "config.h"

#include "lib_alloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/csv.h"
#include "effekt/money.h"

/* A column by one of several names (case-insensitive heading). */
static const effekt_column *find(const effekt_table *t, const char *const *names)
{
    for (const char *const *n = names; *n; n++)
        for (size_t c = 0; c < t->n_columns; c++)
            if (strcasecmp(t->columns[c].heading, *n) == 0)
                return &t->columns[c];
    return NULL;
}

static effekt_status load_table(const char *path, effekt_table **t, effekt_diag *diag)
{
    effekt_status st = effekt_csv_load_file(path, NULL, t, diag);
    if (st != EFFEKT_OK) {
        effekt_table_destroy(*t);
        *t = NULL;
    }
    return st;
}

effekt_status effekt_rates_load(const char *path, effekt_rates *out, effekt_diag *diag)
{
    memset(out, 0, sizeof *out);
    size_t n = 0;
    effekt_table *t = NULL;
    if (path) {
        effekt_status st = load_table(path, &t, diag);
        if (st != EFFEKT_OK)
            return st;
        n = t->n_rows;
    }
    out->rates = effekt_calloc(n + 1, sizeof *out->rates);
    if (!out->rates) {
        effekt_table_destroy(t);
        return EFFEKT_ENOMEM;
    }
    effekt_status status = EFFEKT_OK;
    if (t) {
        const effekt_column *cur = find(t, (const char *const[]){ "currency", "valuta", NULL });
        const effekt_column *year = find(t, (const char *const[]){ "year", "år", NULL });
        const effekt_column *rate = find(t, (const char *const[]){ "rate", "per_eur", "kurs", NULL });
        if (!cur || !year || !rate || cur->type != EFFEKT_TYPE_TEXT || !year->values || !rate->values) {
            effekt_diag_add(diag, EFFEKT_ERROR, path, t->header_line, 0, NULL, NULL,
                            "a rates file needs the columns currency (text), year and rate "
                            "(units of the currency per euro)");
            status = EFFEKT_ESCHEMA;
        } else {
            for (size_t r = 0; r < t->n_rows; r++) {
                double y = year->values[r], v = rate->values[r];
                const char *c = cur->text[r];
                if (!c || isnan(y) || isnan(v) || !(v > 0) || strlen(c) >= sizeof out->rates[0].currency) {
                    effekt_diag_add(diag, EFFEKT_ERROR, path, effekt_table_row_line(t, r), 0, NULL, NULL,
                                    "a rate needs a currency code, a year and a rate above 0");
                    status = EFFEKT_EVALUE;
                    continue;
                }
                effekt_rates_entry *e = &out->rates[out->n++];
                snprintf(e->currency, sizeof e->currency, "%s", c);
                e->year = (long)y;
                e->per_eur = v;
            }
        }
        effekt_table_destroy(t);
    }
    effekt_rates_entry *dkk = &out->rates[out->n++];
    snprintf(dkk->currency, sizeof dkk->currency, "DKK");
    dkk->year = 0;
    dkk->per_eur = EFFEKT_DKK_PER_EUR_ERM2;
    return status;
}

void effekt_rates_clear(effekt_rates *rates)
{
    free(rates->rates);
    memset(rates, 0, sizeof *rates);
}

/* Units of `currency` per euro in `year`: a rate of that year from the
 * user's file first, then a rate for every year (the built-in one). */
static int per_eur(const effekt_rates *rates, const char *currency, long year, double *v)
{
    if (strcasecmp(currency, "EUR") == 0) {
        *v = 1.0;
        return 1;
    }
    for (size_t i = 0; i < rates->n; i++)
        if (rates->rates[i].year == year && year && strcasecmp(rates->rates[i].currency, currency) == 0) {
            *v = rates->rates[i].per_eur;
            return 1;
        }
    for (size_t i = 0; i < rates->n; i++)
        if (rates->rates[i].year == 0 && strcasecmp(rates->rates[i].currency, currency) == 0) {
            *v = rates->rates[i].per_eur;
            return 1;
        }
    return 0;
}

effekt_status effekt_rates_factor(const effekt_rates *rates, const char *from, long year,
                                  const char *to, double *factor, char *reason, size_t reason_size)
{
    double f, t;
    if (strcasecmp(from, to) == 0) {
        *factor = 1.0;
        return EFFEKT_OK;
    }
    const char *missing = !per_eur(rates, from, year, &f) ? from : !per_eur(rates, to, year, &t) ? to : NULL;
    if (missing) {
        if (year)
            snprintf(reason, reason_size, "no %s rate for %ld (--rates gives rates)", missing, year);
        else
            snprintf(reason, reason_size, "no %s rate, and the year of the amounts is not known "
                     "(price_year or start_date)", missing);
        return EFFEKT_EUNDEF;
    }
    *factor = t / f;
    return EFFEKT_OK;
}

effekt_status effekt_deflator_load(const char *path, effekt_deflator *out, effekt_diag *diag)
{
    memset(out, 0, sizeof *out);
    effekt_table *t = NULL;
    effekt_status st = load_table(path, &t, diag);
    if (st != EFFEKT_OK)
        return st;
    const effekt_column *year = find(t, (const char *const[]){ "year", "år", NULL });
    const effekt_column *index = find(t, (const char *const[]){ "index", "indeks", "deflator", NULL });
    if (!year || !index || !year->values || !index->values) {
        effekt_diag_add(diag, EFFEKT_ERROR, path, t->header_line, 0, NULL, NULL,
                        "a deflator file needs the columns year and index");
        effekt_table_destroy(t);
        return EFFEKT_ESCHEMA;
    }
    out->year = effekt_calloc(t->n_rows + 1, sizeof *out->year);
    out->index = effekt_calloc(t->n_rows + 1, sizeof *out->index);
    if (!out->year || !out->index) {
        effekt_deflator_clear(out);
        effekt_table_destroy(t);
        return EFFEKT_ENOMEM;
    }
    effekt_status status = EFFEKT_OK;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (isnan(year->values[r]) || !(index->values[r] > 0)) {
            effekt_diag_add(diag, EFFEKT_ERROR, path, effekt_table_row_line(t, r), 0, NULL, NULL,
                            "a deflator row needs a year and an index above 0");
            status = EFFEKT_EVALUE;
            continue;
        }
        out->year[out->n] = (long)year->values[r];
        out->index[out->n] = index->values[r];
        out->n++;
    }
    effekt_table_destroy(t);
    return status;
}

void effekt_deflator_clear(effekt_deflator *d)
{
    free(d->year);
    free(d->index);
    memset(d, 0, sizeof *d);
}

effekt_status effekt_deflator_factor(const effekt_deflator *d, long from_year, long to_year,
                                     double *factor, char *reason, size_t reason_size)
{
    double from = NAN, to = NAN;
    for (size_t i = 0; i < d->n; i++) {
        if (d->year[i] == from_year)
            from = d->index[i];
        if (d->year[i] == to_year)
            to = d->index[i];
    }
    if (isnan(from) || isnan(to)) {
        snprintf(reason, reason_size, "no price index for %ld in the deflator", isnan(from) ? from_year : to_year);
        return EFFEKT_EUNDEF;
    }
    *factor = to / from;
    return EFFEKT_OK;
}
