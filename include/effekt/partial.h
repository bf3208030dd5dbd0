/* effekt/partial.h — mergeable partial summaries, so that a large job can
 * be split across processes or machines and give the single-run answer.
 *
 * A partial holds counts, min and max, the moments, and a quantile
 * sketch.  When the values are decimals as written (every x times 10^d an
 * integer, see effekt_column.decimals) the moments are the exact integer
 * sums sum(k) and sum(k^2) of k = x 10^d, so a merge gives the very bits
 * a single run gives (effekt_stats_describe computes from the same sums).
 * Otherwise they are a mean and a sum of squared deviations in extended
 * precision, merged by Chan, Golub & LeVeque's formula (agreeing with a
 * single run to about 1e-15 relative).
 *
 * The quantile sketch keeps every value while there are at most
 * EFFEKT_SKETCH_EXACT of them (quantiles then exact, as R's type 7);
 * beyond that, EFFEKT_SKETCH_POINTS order statistics at equal rank
 * steps with their ranks.  Its rank error (a fraction of n) is carried
 * and reported: a quantile from it lies within rank_error * n ranks of
 * the true one.  When two exact sketches merge, every value's rank in
 * the union is known: the result is the sketch one run over both gives.
 *
 * A partial carries an id of its data (SHA-256), so that the same data
 * are not merged twice. */
#ifndef EFFEKT_PARTIAL_H
#define EFFEKT_PARTIAL_H

#include "effekt/export.h"

#include <stddef.h>
#include <stdint.h>

#include "effekt/json.h"
#include "effekt/stats.h"
#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define EFFEKT_SKETCH_EXACT 4096
#define EFFEKT_SKETCH_POINTS 2049

typedef struct {
    size_t n, missing;
    double min, max;
    int decimals;             /* >= 0: s1, s2 are exact; -1: mean and m2 */
    int64_t s1_hi, s2_hi;     /* 128-bit sums, as high and low halves */
    uint64_t s1_lo, s2_lo;
    long double mean, m2;     /* when not exact */
    double *points;           /* the sketch: sorted values */
    double *ranks;            /* their ranks (0-based, estimated after a merge) */
    size_t n_points;
    double rank_error;        /* of the sketch, as a fraction of n; 0 when exact;
                                 at least the largest step between kept ranks / n */
    char id[65];              /* SHA-256 (hex) of the data summarised */
} effekt_partial;

/* Summarise x[0..n) (NaN missing); decimals as effekt_column.decimals
 * (-1: not decimals as written).  The id is the SHA-256 of the values'
 * bits in order.  Owned by the caller: effekt_partial_clear. */
EFFEKT_API effekt_status effekt_partial_compute(const double *x, size_t n, int decimals, effekt_partial *out);

/* Make p's id also name where its data come from (context: e.g. the
 * file's SHA-256, the group and the column), so that equal values from
 * different places are different data: id = SHA-256(context, NUL, id). */
EFFEKT_API void effekt_partial_identify(effekt_partial *p, const char *context);

/* Merge b into a; a's id becomes one of the union (the same in either
 * order).  EFFEKT_EINVAL, a unchanged, when a and b have the same id: the
 * same data twice.  (A merge of three or more cannot see that a third is
 * the first again: the caller keeps the ids it merged.) */
EFFEKT_API effekt_status effekt_partial_merge(effekt_partial *a, const effekt_partial *b);

/* The statistics a partial defines: n, missing, sum, mean, sd, se, the
 * t-interval, min, max, and q1, median, q3, iqr from the sketch (type
 * 7; exact when the sketch is).  MAD, skewness, kurtosis are NaN. */
EFFEKT_API void effekt_partial_summary(const effekt_partial *p, double confidence, effekt_stats_summary *out);

/* As JSON (the exact sums are written as decimal strings), and back.
 * from_json: EFFEKT_EPARSE when the object is not a partial, or one that
 * no data give (sum outside n [min, max], a sum of squares below sum^2/n,
 * values or ranks out of order, a rank error below the sketch's steps,
 * an exact sketch whose sums are not the moments).  why then holds the
 * JSON path below the object and what is wrong, as
 * ".sum_scaled: 1000 is outside n·[min, max] = [3, 9]" (": ..." for the
 * object itself). */
EFFEKT_API effekt_json *effekt_partial_to_json(const effekt_partial *p);
EFFEKT_API effekt_status effekt_partial_from_json(const effekt_json *json, effekt_partial *out, char *why, size_t why_size);

EFFEKT_API void effekt_partial_clear(effekt_partial *p);

#ifdef __cplusplus
}
#endif
#endif
