/* Kaplan–Meier curves per group from typed spells, with bands, ticks at
 * censoring and the numbers at risk under the axis ticks. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart/build.h"
#include "effekt/survival.h"

/* One curve: the fit of group g's spells gt/ge (k of them), starting at
 * (0, 1), with the numbers at risk at the n_risk times. */
static effekt_status km_curve(effekt_build *b, const effekt_chart_spells *in, size_t g, const double *gt,
                              const double *ge, size_t k, const double *risk_times, size_t n_risk)
{
    effekt_km km;
    effekt_status st = effekt_km_fit(gt, ge, k, b->confidence, (effekt_km_conf_type)in->conf_type, &km);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b->chart;
    size_t nt = km.n_times + 1, nc = 0;
    double *x = effekt_chart_array(ch, nt), *y = effekt_chart_array(ch, nt), *lo = effekt_chart_array(ch, nt),
           *hi = effekt_chart_array(ch, nt), *cx = effekt_chart_array(ch, km.n_times),
           *risk = effekt_chart_array(ch, n_risk);
    effekt_chart_curve *cv = effekt_chart_add_curve(ch);
    if (!x || !y || !lo || !hi || !cx || !risk || !cv) {
        effekt_km_clear(&km);
        return EFFEKT_ENOMEM;
    }
    x[0] = 0;
    y[0] = lo[0] = hi[0] = 1;
    for (size_t j = 0; j < km.n_times; j++) {
        x[j + 1] = km.time[j];
        y[j + 1] = km.surv[j];
        lo[j + 1] = km.lower[j];
        hi[j + 1] = km.upper[j];
        if (km.n_censor[j] > 0)
            cx[nc++] = km.time[j];
    }
    for (size_t j = 0; j < n_risk; j++) {
        double at = 0;
        for (size_t i = 0; i < k; i++)
            at += gt[i] >= risk_times[j];
        risk[j] = at;
    }
    char label[512];
    snprintf(label, sizeof label, "%s (n = %zu)", in->labels ? in->labels[g] : "", km.n);
    *cv = (effekt_chart_curve){ .label = effekt_build_keep(b, label), .n = nt, .x = x, .y = y, .lower = lo,
                                .upper = hi, .steps = 1, .censor_x = cx, .n_censor = nc, .at_risk = risk };
    effekt_km_clear(&km);
    return EFFEKT_OK;
}

effekt_status effekt_chart_build_km(const effekt_chart_spells *in, const effekt_chart_options *opt,
                                    effekt_chart **out, effekt_diag *diag)
{
    *out = NULL;
    (void)diag;
    effekt_build b;
    effekt_status st = effekt_build_begin(&b, EFFEKT_CHART_KM, opt);
    if (st != EFFEKT_OK)
        return st;
    effekt_chart *ch = b.chart;
    double tmax = 0;
    for (size_t i = 0; i < in->n; i++)
        tmax = fmax(tmax, in->time[i]);
    /* the numbers at risk stand under the x axis ticks, which are R's
     * pretty() over [0, longest time] as the renderer draws them */
    double first, step;
    size_t n_int;
    effekt_pretty(0, tmax > 0 ? tmax : 1, 5, &first, &step, &n_int);
    double *risk_times = effekt_chart_array(ch, n_int + 1);
    double *gt = effekt_chart_array(ch, in->n), *ge = effekt_chart_array(ch, in->n);
    if (!risk_times || !gt || !ge)
        return effekt_build_end(&b, EFFEKT_ENOMEM, out);
    for (size_t j = 0; j <= n_int; j++)
        risk_times[j] = first + step * (double)j;
    for (size_t g = 0; g < in->n_groups && st == EFFEKT_OK; g++) {
        size_t k = 0;
        for (size_t i = 0; i < in->n; i++)
            if (!in->group || in->group[i] == g) {
                gt[k] = in->time[i];
                ge[k] = in->event[i];
                k++;
            }
        st = km_curve(&b, in, g, gt, ge, k, risk_times, n_int + 1);
    }
    if (st != EFFEKT_OK)
        return effekt_build_end(&b, st, out);
    /* bands of more than three curves hide each other: say so, draw none */
    int banded = ch->n_curves <= 3;
    for (size_t k = 0; !banded && k < ch->n_curves; k++)
        ch->curves[k].lower = ch->curves[k].upper = NULL;
    ch->risk_times = risk_times;
    ch->n_risk_times = n_int + 1;
    ch->percent = 1;
    ch->title = effekt_build_word(&b, in->time_to_job ? EFFEKT_WORD_TIME_TO_JOB : EFFEKT_WORD_RETENTION_TITLE);
    ch->subtitle = effekt_build_say(
        &b, EFFEKT_WORD_KM_SUBTITLE, effekt_build_number(&b, (double)in->n, 0),
        in->by ? effekt_build_say(&b, EFFEKT_WORD_KM_BY, effekt_build_column(&b, in->by)) : "",
        banded ? effekt_build_say(&b, EFFEKT_WORD_KM_BANDS, effekt_build_percent(&b, b.confidence))
               : effekt_build_word(&b, EFFEKT_WORD_KM_NO_BANDS));
    ch->x_label = effekt_build_word(&b, EFFEKT_WORD_DAYS);
    ch->y_label = effekt_build_word(&b, in->time_to_job ? EFFEKT_WORD_NOT_YET_PLACED : EFFEKT_WORD_STILL_EMPLOYED);
    return effekt_build_end(&b, EFFEKT_OK, out);
}
