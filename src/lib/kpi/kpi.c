/* Project KPIs.  The definitions are data; compute() walks them. */
#include "config.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/dates.h"
#include "effekt/kpi.h"

/* PRODUCT.md, "KPI definitions".  Order is the order of output. */
static const effekt_kpi_def kpi_definitions[] = {
    { .name = "eu_share", .kind = EFFEKT_KPI_RATIO, .numerator = "eu_contribution", .denominator = "total_cost",
      .unit = "share", .description = "EU contribution / total cost" },
    { .name = "national_public_share", .kind = EFFEKT_KPI_RATIO, .numerator = "national_public",
      .denominator = "total_cost", .unit = "share", .description = "national public funding / total cost" },
    { .name = "private_share", .kind = EFFEKT_KPI_RATIO, .numerator = "private_funding",
      .denominator = "total_cost", .unit = "share", .description = "private funding / total cost" },
    { .name = "other_share", .kind = EFFEKT_KPI_RATIO, .numerator = "other_funding",
      .denominator = "total_cost", .unit = "share", .description = "other funding / total cost" },
    { .name = "unattributed", .kind = EFFEKT_KPI_UNATTRIBUTED, .unit = "money",
      .description = "total cost - reported funding sources (when any is reported)" },
    { .name = "unattributed_share", .kind = EFFEKT_KPI_UNATTRIBUTED_SHARE, .unit = "share",
      .description = "unattributed / total cost" },
    { .name = "cost_per_participant", .kind = EFFEKT_KPI_RATIO, .numerator = "total_cost",
      .denominator = "participants", .unit = "money", .description = "total cost / participants" },
    { .name = "cost_per_company", .kind = EFFEKT_KPI_RATIO, .numerator = "total_cost",
      .denominator = "companies", .unit = "money", .description = "total cost / companies" },
    { .name = "cost_per_job", .kind = EFFEKT_KPI_RATIO, .numerator = "total_cost",
      .denominator = "jobs_created", .unit = "money", .description = "total cost / jobs created" },
    { .name = "planned_cost_per_job", .kind = EFFEKT_KPI_RATIO, .numerator = "total_cost",
      .denominator = "jobs_target", .unit = "money", .description = "total cost / jobs target" },
    { .name = "eu_cost_per_job", .kind = EFFEKT_KPI_RATIO, .numerator = "eu_contribution",
      .denominator = "jobs_created", .unit = "money", .description = "EU contribution / jobs created" },
    { .name = "target_attainment", .kind = EFFEKT_KPI_RATIO, .numerator = "jobs_created",
      .denominator = "jobs_target", .unit = "ratio", .description = "jobs created / jobs target" },
    { .name = "placement_rate", .kind = EFFEKT_KPI_RATE, .numerator = "jobs_created",
      .denominator = "participants", .unit = "share", .description = "jobs created / participants, Wilson interval" },
    { .name = "retention_6m", .kind = EFFEKT_KPI_RATE, .numerator = "retained_6m",
      .denominator = "jobs_created", .unit = "share", .description = "retained at 6 months / jobs created, Wilson interval" },
    { .name = "retention_12m", .kind = EFFEKT_KPI_RATE, .numerator = "retained_12m",
      .denominator = "jobs_created", .unit = "share", .description = "retained at 12 months / jobs created, Wilson interval" },
    { .name = "duration_months", .kind = EFFEKT_KPI_DURATION, .unit = "months",
      .description = "(end_date - start_date) in days / 30.4375" },
    { .name = "monthly_cost", .kind = EFFEKT_KPI_MONTHLY_COST, .unit = "money/month",
      .description = "total cost / duration in months" },
    { .name = NULL }
};

/* The funding sources whose sum must not exceed the total. */
static const char *const funding_sources[] = {
    "eu_contribution", "national_public", "private_funding", "other_funding", NULL
};

#define DAYS_PER_MONTH 30.4375   /* 365.25 / 12 */

const effekt_kpi_def *effekt_kpi_definitions(void)
{
    return kpi_definitions;
}

const effekt_kpi_def *effekt_kpi_find(const char *name)
{
    for (const effekt_kpi_def *d = kpi_definitions; d->name; d++)
        if (strcmp(d->name, name) == 0)
            return d;
    return NULL;
}

void effekt_wilson_interval(double x, double n, double confidence, double *lower, double *upper)
{
    double z = gsl_cdf_ugaussian_Pinv(1.0 - (1.0 - confidence) / 2.0);
    double p = x / n, z2 = z * z;
    double denom = 1.0 + z2 / n;
    double center = (p + z2 / (2.0 * n)) / denom;
    double half = z / denom * sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    *lower = fmax(0.0, center - half);
    *upper = fmin(1.0, center + half);
}

static void undefined(effekt_figure *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void undefined(effekt_figure *f, const char *fmt, ...)
{
    va_list ap;
    f->value = f->lower = f->upper = NAN;
    va_start(ap, fmt);
    vsnprintf(f->reason, sizeof f->reason, fmt, ap);
    va_end(ap);
}

static void defined(effekt_figure *f, double v)
{
    f->value = v;
    f->lower = f->upper = NAN;
    f->reason[0] = '\0';
}

/* The value of a canonical column in a row, or NaN (absent or missing). */
static double cell(const effekt_table *t, const char *name, size_t row)
{
    const effekt_column *c = effekt_table_column(t, name);
    if (!c || !c->values || c->type == EFFEKT_TYPE_TEXT)
        return NAN;
    return c->values[row];
}

static void ratio(effekt_figure *f, const effekt_table *t, size_t row, const char *num, const char *den)
{
    double a = cell(t, num, row), b = cell(t, den, row);
    if (isnan(a))
        undefined(f, "%s not reported", num);
    else if (isnan(b))
        undefined(f, "%s not reported", den);
    else if (b == 0)
        undefined(f, "%s is 0", den);
    else
        defined(f, a / b);
}

static double duration_months(const effekt_table *t, size_t row, effekt_figure *f)
{
    double s = cell(t, "start_date", row), e = cell(t, "end_date", row);
    if (isnan(s))
        undefined(f, "start_date not reported");
    else if (isnan(e))
        undefined(f, "end_date not reported");
    else if (e < s)
        undefined(f, "end_date is before start_date");
    else {
        defined(f, (e - s) / DAYS_PER_MONTH);
        return f->value;
    }
    return NAN;
}

/* Σ reported sources; *n the number reported. */
static double sources_sum(const effekt_table *t, size_t row, size_t *n)
{
    double sum = 0;
    *n = 0;
    for (const char *const *s = funding_sources; *s; s++) {
        double v = cell(t, *s, row);
        if (!isnan(v)) {
            sum += v;
            (*n)++;
        }
    }
    return sum;
}

static void compute_one(const effekt_kpi_def *d, effekt_figure *f, const effekt_table *t, size_t row,
                        double confidence)
{
    switch (d->kind) {
    case EFFEKT_KPI_RATIO:
        ratio(f, t, row, d->numerator, d->denominator);
        break;
    case EFFEKT_KPI_RATE:
        ratio(f, t, row, d->numerator, d->denominator);
        if (!isnan(f->value)) {
            double x = cell(t, d->numerator, row), n = cell(t, d->denominator, row);
            if (x > n)
                undefined(f, "%s exceeds %s", d->numerator, d->denominator);
            else
                effekt_wilson_interval(x, n, confidence, &f->lower, &f->upper);
        }
        break;
    case EFFEKT_KPI_UNATTRIBUTED:
    case EFFEKT_KPI_UNATTRIBUTED_SHARE: {
        size_t n;
        double sum = sources_sum(t, row, &n);
        double total = cell(t, "total_cost", row);
        if (isnan(total))
            undefined(f, "total_cost not reported");
        else if (n == 0)
            undefined(f, "no funding source reported");
        else if (d->kind == EFFEKT_KPI_UNATTRIBUTED)
            defined(f, total - sum);
        else if (total == 0)
            undefined(f, "total_cost is 0");
        else
            defined(f, (total - sum) / total);
        break;
    }
    case EFFEKT_KPI_DURATION:
        duration_months(t, row, f);
        break;
    case EFFEKT_KPI_MONTHLY_COST: {
        double months = duration_months(t, row, f);
        double total = cell(t, "total_cost", row);
        if (isnan(months))
            break;   /* the duration's reason stands */
        if (isnan(total))
            undefined(f, "total_cost not reported");
        else if (months == 0)
            undefined(f, "duration is 0");
        else
            defined(f, total / months);
        break;
    }
    }
}

/* Impossible or inconsistent data: warnings with the project's line. */
static void check_row(const effekt_table *t, size_t row, const char *id, const effekt_figure *eu_share,
                      effekt_diag *diag)
{
    size_t line = effekt_table_row_line(t, row);
    const char *src = t->source;
    double start = cell(t, "start_date", row), end = cell(t, "end_date", row);
    char a[32], b[32];
    if (!isnan(start) && !isnan(end) && end < start) {
        date_format((long)start, a);
        date_format((long)end, b);
        effekt_diag_add(diag, EFFEKT_WARNING, src, line, 0, NULL, NULL,
                        "%s: end_date %s is before start_date %s", id, b, a);
    }
    double stated = cell(t, "stated_months", row);
    if (!isnan(stated) && !isnan(start) && !isnan(end) && end >= start) {
        double months = (end - start) / DAYS_PER_MONTH;
        if (fabs(months - stated) > 1.0) {
            date_format((long)start, a);
            date_format((long)end, b);
            effekt_diag_add(diag, EFFEKT_WARNING, src, line, 0, NULL, NULL,
                            "%s: stated duration %g months differs from the dates %s to %s (%.1f months)",
                            id, stated, a, b, months);
        }
    }
    size_t n;
    double sum = sources_sum(t, row, &n), total = cell(t, "total_cost", row);
    if (n && !isnan(total) && sum > total)
        effekt_diag_add(diag, EFFEKT_WARNING, src, line, 0, NULL, NULL,
                        "%s: funding sources sum to %.0f, above the total cost %.0f", id, sum, total);
    double jobs = cell(t, "jobs_created", row), participants = cell(t, "participants", row);
    if (!isnan(jobs) && !isnan(participants) && jobs > participants)
        effekt_diag_add(diag, EFFEKT_WARNING, src, line, 0, NULL, NULL,
                        "%s: jobs_created %.0f exceeds participants %.0f", id, jobs, participants);
    static const char *const retained[] = { "retained_6m", "retained_12m" };
    for (int i = 0; i < 2; i++) {
        double r = cell(t, retained[i], row);
        if (!isnan(r) && !isnan(jobs) && r > jobs)
            effekt_diag_add(diag, EFFEKT_WARNING, src, line, 0, NULL, NULL,
                            "%s: %s %.0f exceeds jobs_created %.0f", id, retained[i], r, jobs);
    }
    /* a stated rate such as "50%" is rounded to whole percent: allow half a point */
    double rate = cell(t, "eu_rate", row);
    if (!isnan(rate) && !isnan(eu_share->value) && fabs(rate - eu_share->value) > 0.005)
        effekt_diag_add(diag, EFFEKT_WARNING, src, line, 0, NULL, NULL,
                        "%s: stated EU co-financing rate %.4g%% differs from the computed EU share "
                        "%.4g%% (eu_contribution / total_cost)",
                        id, 100 * rate, 100 * eu_share->value);
}

void effekt_kpi_sheet_destroy(effekt_kpi_sheet *s)
{
    if (!s)
        return;
    for (size_t p = 0; p < s->n_projects; p++) {
        free(s->project ? s->project[p] : NULL);
        free(s->name ? s->name[p] : NULL);
    }
    free(s->project);
    free(s->name);
    free(s->line);
    free(s->figures);
    free(s);
}

const effekt_figure *effekt_kpi_figure(const effekt_kpi_sheet *s, size_t p, size_t k)
{
    return &s->figures[p * s->n_kpis + k];
}

effekt_status effekt_kpi_compute(const effekt_table *t, double confidence,
                                 effekt_kpi_sheet **out, effekt_diag *diag)
{
    *out = NULL;
    if (!(confidence > 0 && confidence < 1))
        return EFFEKT_EINVAL;
    size_t n_kpis = 0;
    while (kpi_definitions[n_kpis].name)
        n_kpis++;
    effekt_kpi_sheet *s = calloc(1, sizeof *s);
    if (!s)
        return EFFEKT_ENOMEM;
    size_t n = t->n_rows;
    s->n_projects = n;
    s->n_kpis = n_kpis;
    s->project = calloc(n ? n : 1, sizeof *s->project);
    s->name = calloc(n ? n : 1, sizeof *s->name);
    s->line = calloc(n ? n : 1, sizeof *s->line);
    s->figures = calloc((n ? n : 1) * n_kpis, sizeof *s->figures);
    if (!s->project || !s->name || !s->line || !s->figures) {
        effekt_kpi_sheet_destroy(s);
        return EFFEKT_ENOMEM;
    }
    const effekt_column *id = effekt_table_column(t, "project_id");
    const effekt_column *name = effekt_table_column(t, "name");
    for (size_t row = 0; row < n; row++) {
        char buf[32];
        s->line[row] = effekt_table_row_line(t, row);
        if (id && id->type == EFFEKT_TYPE_TEXT && id->text[row]) {
            s->project[row] = strdup(id->text[row]);
        } else {
            snprintf(buf, sizeof buf, "row %zu", row + 1);
            s->project[row] = strdup(buf);
        }
        if (name && name->type == EFFEKT_TYPE_TEXT && name->text[row])
            s->name[row] = strdup(name->text[row]);
        if (!s->project[row] || (name && name->type == EFFEKT_TYPE_TEXT && name->text[row] && !s->name[row])) {
            effekt_kpi_sheet_destroy(s);
            return EFFEKT_ENOMEM;
        }
        for (size_t k = 0; k < n_kpis; k++)
            compute_one(&kpi_definitions[k], &s->figures[row * n_kpis + k], t, row, confidence);
        check_row(t, row, s->project[row], &s->figures[row * n_kpis + 0], diag);
    }
    *out = s;
    return EFFEKT_OK;
}
