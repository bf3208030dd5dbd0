/* effekt/typeset.h — figures as a publication table or sentence writes
 * them, in a locale: intervals "46,7 % (29,8–64,3)", p-values "< 0,001"
 * (never "1.2e-06"), differences of shares in percentage points, kroner
 * with thousands separators and large sums in millions ("30,0 mio.
 * kr."), long dates ("9. september 2019"), en-dash ranges, the decimals
 * of a column, headers with their unit ("Cost per participant (DKK)"),
 * funds by name.  Words come from effekt/text.h, numbers from
 * effekt/locale.h; nothing here prints.
 *
 * Every function writes at most size bytes with the NUL into buf and
 * returns buf; a result longer than size is cut (give 128 bytes: no
 * figure here is longer).  loc NULL: the first locale (English). */
#ifndef EFFEKT_TYPESET_H
#define EFFEKT_TYPESET_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/locale.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A share with its interval: "46.7% (29.8–64.3)", "46,7 % (29,8–64,3)":
 * the percent sign once, after the estimate; the bounds with the same
 * decimals.  A NaN bound: the estimate alone. */
EFFEKT_API char *effekt_typeset_share_interval(const effekt_locale *loc, double v, double lower, double upper,
                                               int decimals, char *buf, size_t size);

/* A number with its interval: "123,022 (100,000–150,000)". */
EFFEKT_API char *effekt_typeset_interval(const effekt_locale *loc, double v, double lower, double upper, int decimals,
                                         char *buf, size_t size);

/* A p-value: "< 0.001" below 0.001, else three decimals ("0.042",
 * "1.000"); "–" for NaN.  Never an exponent. */
EFFEKT_API char *effekt_typeset_p(const effekt_locale *loc, double p, char *buf, size_t size);

/* A difference of two shares (fractions) in percentage points, signed:
 * "+3.2 percentage points", "−3,2 procentpoint". */
EFFEKT_API char *effekt_typeset_points(const effekt_locale *loc, double difference, int decimals, char *buf,
                                       size_t size);

/* An amount of money in a sentence: whole units with thousands grouped
 * ("3.690.661 kr.", "DKK 3,690,661"); from 10 million on in millions
 * with one decimal ("30,0 mio. kr.", "DKK 30.0 million").  currency:
 * "DKK" (kroner in the locale's words) or another ISO code; NULL: the
 * number alone. */
EFFEKT_API char *effekt_typeset_money(const effekt_locale *loc, double v, const char *currency, char *buf,
                                      size_t size);

/* The unit of a money column for its header: "DKK" / "kr.", or in
 * millions "DKK million" / "mio. kr."; another currency as its code. */
EFFEKT_API char *effekt_typeset_money_unit(const effekt_locale *loc, const char *currency, int millions, char *buf,
                                           size_t size);

/* A date in words: "9 September 2019", "9. september 2019",
 * "9 september 2019" (no-break spaces after the day). */
EFFEKT_API char *effekt_typeset_date(const effekt_locale *loc, long days, char *buf, size_t size);

/* A range of two texts already written: "2019–2022"; with spaces around
 * the en dash when either holds a space or a hyphen ("9. september 2019
 * – 31. december 2022", "2015-04-20 – 2019-03-01"). */
EFFEKT_API char *effekt_typeset_range(const char *from, const char *to, char *buf, size_t size);

/* The decimals that show a column of values alike: 0 from 100 on (the
 * largest magnitude in the column), 1 from 10, 2 from 1, else 3; NaNs
 * ignored.  Every cell of the column is then written with them. */
EFFEKT_API int effekt_typeset_decimals(const double *values, size_t n);

/* A KPI's header with its unit, in the locale: "Cost per participant
 * (DKK)", "Udgift pr. deltager (kr.)", "EU share of the total cost (%)",
 * "Duration (months)"; a ratio without a unit.  currency: of money KPIs
 * (NULL: "DKK"); millions: money in millions.  The KPI's name itself
 * for a KPI the words table does not know. */
EFFEKT_API char *effekt_typeset_kpi_header(const effekt_locale *loc, const char *kpi, const char *currency,
                                           int millions, char *buf, size_t size);

/* A fund by the name readers know: "S", "ESF", "Socialfonden" → "ESF" /
 * "Socialfonden"; "R", "ERDF", "Regionalfonden" → "ERDF" /
 * "Regionalfonden"; any other text as it is. */
EFFEKT_API const char *effekt_typeset_fund(const effekt_locale *loc, const char *code);

#ifdef __cplusplus
}
#endif
#endif
