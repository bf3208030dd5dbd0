/* effekt/stats.h — descriptive statistics that keep the certified digits.
 *
 * Missing values (NaN) are excluded and counted.  Sums and moments are
 * exact when the data are decimals as written in a file (the column's
 * `decimals`: every value times 10^decimals an integer) or whole numbers
 * (below 2^63): they are then computed on those integers in 128-bit
 * arithmetic.  Otherwise a corrected two-pass algorithm in extended
 * precision is used, the third and fourth moments too (about the mean
 * with its measured rounding error taken out).  Quantiles
 * follow Hyndman & Fan (1996), the nine types of R's quantile(); type 7,
 * R's default, unless asked. */
#ifndef EFFEKT_STATS_H
#define EFFEKT_STATS_H

#include "effekt/export.h"

#include <stddef.h>

#include "effekt/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define EFFEKT_MAX_PERCENTILES 16

typedef struct {
    double confidence;          /* of the t-interval of the mean (0.95) */
    int quantile_type;          /* 1..9; 0 means 7 */
    size_t n_percentiles;
    double percentiles[EFFEKT_MAX_PERCENTILES];   /* in [0, 100] */
    int decimals;               /* the column's decimals, or -1 */
    unsigned skip;              /* EFFEKT_SKIP_*: statistics not wanted (saves passes) */
} effekt_stats_options;

enum {
    EFFEKT_SKIP_SHAPE = 1u << 0,   /* skewness, kurtosis */
    EFFEKT_SKIP_MAD = 1u << 1,     /* the second sort */
    EFFEKT_SKIP_ORDER = 1u << 2    /* min, quartiles, percentiles, MAD: no sort at all */
};

typedef struct {
    size_t n;                   /* values present */
    size_t missing;
    double sum, mean, sd, se;   /* sd with denominator n - 1 */
    double ci_lower, ci_upper;  /* t-interval of the mean */
    double min, q1, median, q3, max, iqr;
    double mad;                 /* median absolute deviation, scaled by 1.4826 as R's mad() */
    double skewness;            /* adjusted Fisher-Pearson G1 */
    double kurtosis;            /* excess kurtosis G2 (as SAS, SPSS, e1071 type 2) */
    double percentile[EFFEKT_MAX_PERCENTILES];
    int exact;                  /* 1 when the moments came from exact decimal arithmetic */
} effekt_stats_summary;

/* Summarise x[0..n) (NaN = missing).  work must hold n doubles, the
 * caller's scratch: its contents afterwards are unspecified.  work may be
 * x itself (in place: no second copy of the data; x's contents are then
 * unspecified afterwards), else it must not overlap x.  The result is the
 * same, bit for bit, either way.  Statistics that need more values than
 * there are (sd with n < 2, skewness with n < 3, kurtosis with n < 4) are
 * NaN. */
EFFEKT_API effekt_status effekt_stats_describe(const double *x, size_t n, const effekt_stats_options *opt,
                                               double *work, effekt_stats_summary *out);

/* Summary of x with frequency weights w: every statistic of
 * effekt_stats_describe, equal to it on the data with each x[i] repeated w[i]
 * times, computed without repeating them (O(n log n)).  So mean =
 * sum w x / sum w, variance = sum w (x - mean)^2 / (sum w - 1), se =
 * sd / sqrt(sum w), the t-interval on sum w - 1 degrees of freedom (Hmisc's
 * wtd.mean and wtd.var with normwt = FALSE), quantiles of
 * opt->quantile_type as R's quantile(rep(x, w), type = ...), MAD,
 * skewness and kurtosis likewise.  The weights must be whole numbers,
 * 0 or more (see effekt_stats_weight_valid), else EFFEKT_EVALUE and nothing is
 * computed; a sum of weights of 2^53 or more is EFFEKT_ELIMIT.  A row of
 * weight 0 stands for no value: it is not in n, missing, min, max or any
 * quantile.  A row with a missing value or a missing weight is left out
 * and counted in missing.  n is the number of rows counted (weight > 0);
 * sum_weights gets sum w over them, the number of values they stand for.
 * work must hold 2 n doubles, the caller's scratch.  In place: work may
 * be x when w is x + n (the values, then their weights, in one array of
 * 2 n doubles, whose contents are then unspecified afterwards); else work
 * must not overlap x or w.  The result is the same, bit for bit, either
 * way. */
EFFEKT_API effekt_status effekt_stats_describe_weighted(const double *x, const double *w, size_t n,
                                                        const effekt_stats_options *opt, double *work,
                                                        effekt_stats_summary *out, double *sum_weights);

/* EFFEKT_OK when w can be a frequency weight: a whole number from 0 to
 * 2^53 (exclusive), or NaN (missing); else EFFEKT_EVALUE (negative,
 * fractional, infinite).  Fractional weights are not frequencies;
 * sampling weights would need a design-based standard error. */
EFFEKT_API effekt_status effekt_stats_weight_valid(double w);

/* Quantile p in [0, 1] of sorted[0..n) by type 1..9 (R's quantile()); 0
 * means 7; another type, or p outside [0, 1], gives NaN. */
EFFEKT_API double effekt_stats_quantile_sorted(const double *sorted, size_t n, double p, int type);

#ifdef __cplusplus
}
#endif
#endif
