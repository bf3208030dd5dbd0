/* Box-plot numbers (Tukey's hinges as quantiles of type 7, whiskers to
 * 1.5 IQR): what a box plot shows, computed before anything draws. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "effekt/boxplot.h"
#include "effekt/sort.h"
#include "effekt/stats.h"

effekt_status effekt_boxplot_compute(const double *values, size_t n, effekt_boxplot_stats *out)
{
    size_t m;
    double *s = effekt_sort_copy(values, n, &m);
    if (!s)
        return EFFEKT_ENOMEM;
    out->n = m;
    if (m == 0) {
        out->q1 = out->median = out->q3 = out->whisker_low = out->whisker_high = NAN;
        free(s);
        return EFFEKT_EUNDEF;
    }
    out->q1 = effekt_stats_quantile_sorted(s, m, 0.25, 7);
    out->median = effekt_stats_quantile_sorted(s, m, 0.5, 7);
    out->q3 = effekt_stats_quantile_sorted(s, m, 0.75, 7);
    double reach = 1.5 * (out->q3 - out->q1);
    size_t lo = 0, hi = m - 1;
    while (s[lo] < out->q1 - reach)
        lo++;
    while (s[hi] > out->q3 + reach)
        hi--;
    out->whisker_low = s[lo];
    out->whisker_high = s[hi];
    free(s);
    return EFFEKT_OK;
}

