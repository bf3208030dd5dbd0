/* effekt/rates.h — exchange rates per EUR by currency and year (a user's CSV:
 * currency, year, rate).  The one rate built in is the fixed ERM II central
 * rate of the Danish krone, 7.46038 DKK per EUR; no other rate is shipped. */
#ifndef EFFEKT_RATES_H
#define EFFEKT_RATES_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

#define EFFEKT_DKK_PER_EUR_ERM2 7.46038

typedef struct {
    char currency[8];
    long year;        /* 0: every year (the built-in ERM II rate) */
    double per_eur;   /* units of currency per euro */
} effekt_rates_entry;

/* Owns its entries: filled by effekt_rates_load, freed by
 * effekt_rates_clear. */
typedef struct {
    effekt_rates_entry *rates;
    size_t n;
} effekt_rates;

/* Rates from a CSV with columns currency, year, rate (per EUR); path
 * NULL gives the built-in DKK rate only.  Bad rows are errors in diag. */
EFFEKT_API effekt_status effekt_rates_load(const char *path, effekt_rates *out, effekt_diag *diag);
EFFEKT_API void effekt_rates_clear(effekt_rates *rates);

/* The factor that turns an amount in `from` of `year` into `to`.  On
 * failure, reason says why ("no DKK rate for 2019 in rates.csv"). */
EFFEKT_API effekt_status effekt_rates_factor(const effekt_rates *rates, const char *from, long year,
                                             const char *to, double *factor, char *reason, size_t reason_size);

#ifdef __cplusplus
}
#endif
#endif
