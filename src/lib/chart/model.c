/* Chart models: kinds, and the model's own memory (strings, items,
 * curves, arrays), so that no caller keeps anything alive for a chart.
 * The numbers a chart shows are computed in stats/ (boxplot.c,
 * histogram.c, pretty.c, ols.c); nothing here computes or draws. */
#include "config.h"

#include "lib_alloc.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>

#include "effekt/chart.h"
#include "effekt/stats.h"

static const char *const kind_names[] = {
    [EFFEKT_CHART_BAR] = "bar",         [EFFEKT_CHART_STACKED] = "stacked",
    [EFFEKT_CHART_FOREST] = "forest",   [EFFEKT_CHART_FUNNEL] = "funnel",
    [EFFEKT_CHART_KM] = "km",           [EFFEKT_CHART_BOX] = "box",
    [EFFEKT_CHART_HIST] = "hist",       [EFFEKT_CHART_SCATTER] = "scatter",
    [EFFEKT_CHART_TIMELINE] = "timeline",
};

effekt_status effekt_chart_kind_parse(const char *name, effekt_chart_kind *out)
{
    for (size_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++)
        if (name && strcmp(name, kind_names[k]) == 0) {
            *out = (effekt_chart_kind)k;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_chart_kind_name(effekt_chart_kind kind)
{
    return (size_t)kind < sizeof kind_names / sizeof *kind_names ? kind_names[kind] : "?";
}

