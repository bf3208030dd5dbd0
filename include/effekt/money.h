/* effekt/money.h — the money plan of a project table: amounts in one
 * currency (exchange rates, effekt/rates.h) and one price year (a
 * deflator, effekt/deflator.h). */
#ifndef EFFEKT_MONEY_H
#define EFFEKT_MONEY_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/kpi.h"
#include "effekt/rates.h"
#include "effekt/deflator.h"
#include "effekt/diag.h"
#include "effekt/json.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the money plan of a project table ----
 *
 * Per project (row): the factor that restates its amounts in one
 * currency and one year's prices.  The year of a row's amounts is its
 * price_year, else the year of its start_date; its currency the
 * currency column.  A row whose factor is unknown gets NaN and why. */

typedef struct {
    const char *currency;              /* restate in this currency (borrowed); NULL: as reported */
    long price_year;                   /* restate in this year's prices; 0: not */
    const effekt_rates *rates;         /* borrowed; needed with currency */
    const effekt_deflator *deflator;   /* borrowed; needed with price_year */
} effekt_money_options;

/* Owned by itself (effekt_money_plan_destroy). */
typedef struct {
    size_t n;                 /* rows of the table */
    double *factor;           /* n factors, NaN when unknown; NULL when nothing is restated */
    char **reason;            /* n: why unknown in English, NULL when known (or factor NULL) */
    effekt_kpi_why *why;      /* n: the same as ids (or NULL with factor) */
} effekt_money_plan;

/* The plan for table t: with neither currency nor price_year, no
 * factors (amounts as given), after a check that the rows report one
 * currency.  EFFEKT_EINVAL when they report several and no currency was
 * chosen: a problem in diag names the first two and their lines (the
 * advice, which option chooses one, is the caller's to give);
 * EFFEKT_EINVAL too when currency lacks rates or price_year a deflator;
 * EFFEKT_ENOMEM.  *out is the caller's on success, NULL on failure. */
EFFEKT_API effekt_status effekt_money_plan_run(const effekt_table *t, const effekt_money_options *opt,
                                    effekt_money_plan **out, effekt_diag *diag);
EFFEKT_API void effekt_money_plan_destroy(effekt_money_plan *plan);

/* The KPI options that restate by plan (borrowed: plan must outlive them). */
EFFEKT_API void effekt_money_plan_kpi_options(const effekt_money_plan *plan, effekt_kpi_options *kopt);

/* What a KPI document says of the money plan (src/lib/output/money_json.c):
 * "currency" and "price_year" when restated, added to doc. */
EFFEKT_API effekt_status effekt_money_json_settings(const effekt_money_options *opt, effekt_json *doc);

#ifdef __cplusplus
}
#endif
#endif
