/* effekt plot KIND FILE... -o OUT.png|svg|pdf: the statistics of the
 * other commands as charts.  This file parses the options, loads the
 * tables, hands them to libeffekt (which counts the groups, outcomes,
 * values and spells and builds the chart), and writes what it draws. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/chart.h"
#include "effekt/casemix.h"
#include "effekt/compare.h"
#include "effekt/model.h"
#include "effekt/kpi.h"
#include "effekt/meta.h"
#include "effekt/retention.h"
#include "effekt/survival.h"
#include "effekt/text.h"

/* "plot KIND", the command a usage error names */
static const char *plot_kind_command(effekt_chart_kind kind)
{
    static const char *const names[] = { "plot bar", "plot stacked", "plot forest", "plot funnel", "plot km",
                                         "plot box", "plot hist", "plot scatter", "plot timeline" };
    const char *name = effekt_chart_kind_name(kind);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (name && strcmp(names[i] + 5, name) == 0)
            return names[i];
    return "plot";
}

static const char plot_usage[] =
    "Usage: effekt plot KIND [OPTION]... FILE... -o OUT.png|OUT.svg|OUT.pdf\n"
    "Draw a chart; the format follows the output's extension.\n\n"
    "Kinds and what they need:\n"
    "  bar       one KPI per project, sorted (--kpi NAME, default cost_per_job)\n"
    "  stacked   funding mix per project: EU, national public, private, other,\n"
    "            not attributed; 100 % bars, or --amounts\n"
    "  forest    a rate per group with its interval and the pooled rate as a\n"
    "            diamond (--outcome COLUMN --by GROUP), or a KPI per project (--kpi)\n"
    "  funnel    a rate against group size with exact binomial 95 % and 99.8 %\n"
    "            limits around the pooled rate (--outcome COLUMN --by GROUP)\n"
    "  km        Kaplan-Meier retention curves with bands, censoring ticks and\n"
    "            numbers at risk (retention's options; --by GROUP)\n"
    "  box       distribution of --value COLUMN by --by GROUP (at most 500 groups)\n"
    "  hist      histogram of --value COLUMN (--bins sturges|scott|fd)\n"
    "  scatter   --y COLUMN against --x COLUMN with an OLS line and its band\n"
    "  timeline  project periods: start_date to end_date, and expected_end_date\n"
    "  coef      a regression model's coefficients with intervals (odds or rate\n"
    "            ratios for --family binomial or poisson): --outcome COLUMN\n"
    "            --predictors A,B (effekt model's options: --family --ref --robust\n"
    "            --cluster)\n"
    "  funnel with --adjust COLUMNS (or --case-mix): observed / expected events\n"
    "            against expected events (effekt compare --adjust), exact Poisson\n"
    "            limits around 1, or widened by --overdispersion multiplicative|additive\n\n"
    "Options:\n"
    "  -o, --output FILE       the chart (.png, .svg or .pdf), written atomically\n"
    "      --kpi NAME          bar, forest: the KPI (see 'effekt kpi --help')\n"
    "      --reference V       a reference line at V, or 'pooled' (ratio of sums)\n"
    "      --top N             bar, forest: the N highest projects or groups and the others\n"
    "                          as one row, their ratio of sums (needed above 60 rows)\n"
    "      --outcome COLUMN    forest, funnel: 0/1, yes/no, or a date (event when given)\n"
    "      --value COLUMN      box, hist: the values\n"
    "      --x COLUMN, --y COLUMN  scatter: the axes\n"
    "      --label COLUMN      bar, stacked, forest, timeline: the row labels\n"
    "                          (default: name, else project_id)\n"
    "  -g, --by COLUMN         groups (forest, funnel, km, box)\n"
    "      --bins RULE         hist: sturges (default), scott or fd, as R's hist()\n"
    "      --amounts           stacked: amounts instead of shares\n"
    "      --confidence L      interval level (default 0.95)\n"
    "      --width LEN         170mm (default), 16cm, 6.5in or 1000px\n"
    "      --height LEN        default: as the kind and the number of rows need\n"
    "      --dpi N             PNG resolution (default 150)\n"
    "      --locale NAME       the words and numbers of a locale (see below)\n"
    "      --title T, --subtitle T, --caption T   replace the generated texts\n"
    "  retention's --from --to --censor --censor-date --time --event --conf-type\n"
    "  and the CSV options (--delimiter --decimal-comma --encoding --na --map).\n";

/* --help, then the locales of the table, each with a number as it writes it. */
static void plot_help(void)
{
    fputs(plot_usage, stdout);
    fputs("\nLocales (--locale):\n", stdout);
    for (size_t i = 0; i < effekt_locale_count(); i++) {
        const effekt_locale *l = effekt_locale_at(i);
        char num[64], pct[64];
        printf("  %-8s %s: %s, %s\n", l->name, l->language, effekt_locale_format(l, 3690661.5, 1, num, sizeof num),
               effekt_locale_format_percent(l, 0.484, 1, pct, sizeof pct));
    }
}

/* A box plot's rows: more groups than this are refused at once.  At 16 pt
 * a row, the renderer's 10000 pt height holds a little over 600 rows, and
 * refuses only after every box is computed. */
#define BOX_MAX_GROUPS 500

/* Problems of the library's counting, each with its table's name and
 * the option its hint names. */
static void say_problems(const effekt_diag *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].severity == EFFEKT_ERROR)
            cli_say_problem(d->items[i].file ? d->items[i].file : "", &d->items[i]);
}

static effekt_status build_rates(effekt_chart_kind kind, const cli_options *o, effekt_table **tables, size_t n,
                                 const effekt_chart_options *co, effekt_chart **out, effekt_diag *diag)
{
    if (!o->outcome || !o->by) {
        cli_usage_error(plot_kind_command(kind), "give --outcome COLUMN and --by GROUP");
        return EFFEKT_EINVAL;
    }
    effekt_chart_rates *in;
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_status st = effekt_chart_rates_count((const effekt_table *const *)tables, n, o->outcome, o->by, &in, &d);
    say_problems(&d);
    effekt_diag_clear(&d);
    if (st != EFFEKT_OK)
        return st;
    st = effekt_chart_build_rates(kind, in, co, out, diag);
    effekt_chart_rates_destroy(in);
    return st;
}

static effekt_status build_values(effekt_chart_kind kind, const cli_options *o, effekt_table **tables, size_t n_tables,
                                  const effekt_chart_options *co, effekt_chart **out, effekt_diag *diag)
{
    if (!o->value) {
        cli_usage_error(plot_kind_command(kind), "give --value COLUMN");
        return EFFEKT_EINVAL;
    }
    effekt_histogram_rule rule = EFFEKT_HISTOGRAM_STURGES;
    if (kind == EFFEKT_CHART_HIST && o->bins && effekt_histogram_rule_parse(o->bins, &rule) != EFFEKT_OK) {
        cli_usage_error("plot hist", "--bins expects sturges, scott or fd (got '%s')", o->bins);
        return EFFEKT_EINVAL;
    }
    effekt_chart_values *in;
    effekt_diag d;
    effekt_diag_init(&d);
    effekt_status st = effekt_chart_values_gather((const effekt_table *const *)tables, n_tables, o->value, o->by,
                                                  &in, &d);
    say_problems(&d);
    effekt_diag_clear(&d);
    if (st != EFFEKT_OK)
        return st;
    if (kind == EFFEKT_CHART_BOX && in->n_groups > BOX_MAX_GROUPS) {
        cli_usage_error("plot box", "%zu groups in --by %s; a box plot has a row per group and room for at most %d "
                        "(choose a coarser --by)", in->n_groups, o->by ? o->by : "", BOX_MAX_GROUPS);
        st = EFFEKT_EINVAL;
    } else {
        st = kind == EFFEKT_CHART_BOX ? effekt_chart_build_box(in, co, out, diag)
                                      : effekt_chart_build_hist(in, rule, co, out, diag);
    }
    effekt_chart_values_destroy(in);
    return st;
}

static effekt_status build_km(const cli_options *o, effekt_table **tables, size_t n_tables,
                              const effekt_chart_options *co, effekt_chart **out, effekt_diag *diag)
{
    effekt_km_conf_type ct = EFFEKT_CONF_LOG;
    if (o->conf_type && effekt_km_conf_type_parse(o->conf_type, &ct) != EFFEKT_OK) {
        cli_usage_error("plot km", "--conf-type expects log, log-log or plain (got '%s')", o->conf_type);
        return EFFEKT_EINVAL;
    }
    if (n_tables != 1) {
        cli_usage_error("plot km", "give one participant file");
        return EFFEKT_EINVAL;
    }
    effekt_spells_options so;
    cli_spells_options(o, &so);
    effekt_spells *sp = NULL;
    effekt_diag sd;
    effekt_diag_init(&sd);
    effekt_status st = effekt_spells_build(tables[0], &so, &sp, &sd);
    cli_analysis_problems(tables[0]->source, &sd);
    effekt_diag_clear(&sd);
    if (st != EFFEKT_OK)
        return EFFEKT_EINVAL;
    effekt_chart_spells in = { .by = o->by, .time_to_job = o->to && strcmp(o->to, "placed_date") == 0,
                               .n = sp->n, .time = sp->time, .event = sp->event, .group = sp->group,
                               .n_groups = sp->n_groups, .labels = (const char *const *)sp->labels,
                               .conf_type = (int)ct };
    st = effekt_chart_build_km(&in, co, out, diag);
    effekt_spells_destroy(sp);
    return st;
}

/* The coefficient chart of effekt model's fit (one file). */
static effekt_status build_coef(const cli_options *o, effekt_table **tables, size_t n,
                                const effekt_chart_options *co, effekt_chart **out, effekt_diag *diag)
{
    if (!o->outcome || !o->predictors || n != 1) {
        cli_usage_error("plot coef", "give --outcome COLUMN, --predictors A,B,... and one file");
        return EFFEKT_EINVAL;
    }
    effekt_model_family family = EFFEKT_MODEL_GAUSSIAN;
    if (o->family && effekt_model_family_parse(o->family, &family) != EFFEKT_OK) {
        cli_usage_error("plot coef", "--family: '%s' (expected gaussian, binomial or poisson)", o->family);
        return EFFEKT_EINVAL;
    }
    effekt_model_options mo;
    effekt_model_options_init(&mo, family);
    char list[1024], refbuf[64][256];
    const char *names[64];
    effekt_model_ref refs[64];
    snprintf(list, sizeof list, "%s", o->predictors);
    mo.n_predictors = cli_split_list(list, names, 64);
    mo.predictors = names;
    mo.n_refs = cli_model_refs(o, refbuf, refs);
    mo.refs = refs;
    mo.outcome = o->outcome;
    mo.confidence = o->confidence;
    mo.se = o->cluster ? EFFEKT_MODEL_SE_CLUSTER : o->robust ? EFFEKT_MODEL_SE_HC1 : EFFEKT_MODEL_SE_MODEL;
    mo.cluster = o->cluster;
    effekt_model_result *r = NULL;
    effekt_status st = effekt_model_fit(tables[0], &mo, &r, diag);
    if (st == EFFEKT_OK)
        st = effekt_chart_build_coef(r, co, out, diag);
    effekt_model_result_destroy(r);
    return st;
}

/* The O/E funnel of effekt compare --adjust (one file). */
static effekt_status build_casemix(const cli_options *o, effekt_table **tables, size_t n,
                                   const effekt_chart_options *co, effekt_chart **out, effekt_diag *diag)
{
    if (!o->outcome || !o->by || n != 1) {
        cli_usage_error("plot funnel", "case-mix adjustment needs --outcome COLUMN, --by GROUP and one file");
        return EFFEKT_EINVAL;
    }
    effekt_casemix_options cm;
    effekt_casemix_options_init(&cm);
    if (o->overdispersion && effekt_overdispersion_parse(o->overdispersion, &cm.overdispersion) != EFFEKT_OK) {
        cli_usage_error("plot funnel", "--overdispersion: '%s' (expected none, multiplicative or additive)",
                        o->overdispersion);
        return EFFEKT_EINVAL;
    }
    char list[1024], refbuf[64][256];
    const char *names[64];
    effekt_model_ref refs[64];
    snprintf(list, sizeof list, "%s", o->case_mix ? o->case_mix : o->adjust);
    cm.n_adjust = cli_split_list(list, names, 64);
    cm.adjust = names;
    cm.n_refs = cli_model_refs(o, refbuf, refs);
    cm.refs = refs;
    cm.by = o->by;
    cm.outcome = o->outcome;
    cm.confidence = o->confidence;
    effekt_casemix_result *r = NULL;
    effekt_status st = effekt_casemix_run(tables[0], &cm, &r, diag);
    if (st == EFFEKT_OK)
        st = effekt_chart_build_casemix(r, o->by, co, out, diag);
    effekt_casemix_result_destroy(r);
    return st;
}

/* A meta-analysis as effekt meta runs it, drawn as a forest. */
static effekt_status build_meta(const cli_options *o, effekt_table **tables, size_t n_tables,
                                const effekt_chart_options *co, effekt_chart **out, effekt_diag *diag)
{
    if (n_tables != 1) {
        cli_usage_error("plot forest", "--meta pools the projects of one file");
        return EFFEKT_EINVAL;
    }
    effekt_meta_options mo;
    effekt_meta_options_init(&mo);
    if (o->method && effekt_meta_method_parse(o->method, &mo.method) != EFFEKT_OK) {
        cli_usage_error("plot forest", "--method: '%s' (expected reml, dl or pm)", o->method);
        return EFFEKT_EINVAL;
    }
    if (o->measure && effekt_meta_measure_parse(o->measure, &mo.measure) != EFFEKT_OK) {
        cli_usage_error("plot forest", "--measure: '%s' (expected logit, raw, log or arcsine)", o->measure);
        return EFFEKT_EINVAL;
    }
    mo.knha = o->knha;
    mo.confidence = o->confidence;
    mo.by = o->by;
    mo.outcome = o->outcome;
    mo.events = o->events;
    mo.n = o->n_column;
    mo.estimate = o->estimate;
    mo.se = o->se;
    effekt_meta_result *r = NULL;
    effekt_status st = effekt_meta_run(tables[0], &mo, &r, diag);
    if (st == EFFEKT_OK)
        st = effekt_chart_build_meta(r, o->outcome ? o->outcome : o->events ? o->events : o->estimate, o->by, co,
                                     out, diag);
    effekt_meta_result_destroy(r);
    return st;
}

/* The chart of the kind from the tables. */
static effekt_status build(effekt_chart_kind kind, int coef, const cli_options *o, effekt_table **tables, size_t n,
                           const effekt_chart_options *co, effekt_chart **out, effekt_diag *diag)
{
    if (coef)
        return build_coef(o, tables, n, co, out, diag);
    if (kind == EFFEKT_CHART_FUNNEL && (o->case_mix || o->adjust))
        return build_casemix(o, tables, n, co, out, diag);
    const effekt_table *const *t = (const effekt_table *const *)tables;
    int pooled = o->reference && strcmp(o->reference, "pooled") == 0;
    switch (kind) {
    case EFFEKT_CHART_BAR:
        return effekt_chart_build_kpi(kind, t, n, o->kpi, pooled, co, out, diag);
    case EFFEKT_CHART_FOREST:
        if (o->meta)
            return build_meta(o, tables, n, co, out, diag);
        return o->outcome ? build_rates(kind, o, tables, n, co, out, diag)
                          : effekt_chart_build_kpi(kind, t, n, o->kpi, pooled, co, out, diag);
    case EFFEKT_CHART_FUNNEL:
        return build_rates(kind, o, tables, n, co, out, diag);
    case EFFEKT_CHART_STACKED:
        return effekt_chart_build_funding(t, n, o->amounts, co, out, diag);
    case EFFEKT_CHART_TIMELINE:
        return effekt_chart_build_periods(t, n, co, out, diag);
    case EFFEKT_CHART_BOX:
    case EFFEKT_CHART_HIST:
        return build_values(kind, o, tables, n, co, out, diag);
    case EFFEKT_CHART_SCATTER:
        if (!o->x || !o->y) {
            cli_usage_error("plot scatter", "give --x COLUMN and --y COLUMN");
            return EFFEKT_EINVAL;
        }
        return effekt_chart_build_scatter(t, n, o->x, o->y, co, out, diag);
    case EFFEKT_CHART_KM:
        return build_km(o, tables, n, co, out, diag);
    }
    return EFFEKT_EINVAL;
}

/* What a prepared plot holds: the chart, and the argument vector parsed
 * (the options point into it). */
typedef struct {
    effekt_chart *chart;
    char **args;
} cli_plot;

static void plot_release(cli_plot *cp)
{
    effekt_chart_destroy(cp->chart);
    for (size_t i = 0; cp->args && cp->args[i]; i++)
        free(cp->args[i]);
    free(cp->args);
}

/* Parse "plot KIND OPTIONS FILES", load, and build cp's chart.  *o gets
 * the options.  EXIT_OK, or a status with the message printed (-1 for
 * --help). */
static int plot_prepare(int argc, char **argv, cli_plot *cp, cli_options *o)
{
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            plot_help();
            return -1;
        }
        fprintf(stderr, "effekt plot: give a kind: bar, stacked, forest, funnel, km, box, hist, scatter or timeline\n"
                        "Try 'effekt plot --help'.\n");
        return EXIT_BAD;
    }
    effekt_chart_kind kind = EFFEKT_CHART_FOREST;
    int coef = strcmp(argv[1], "coef") == 0;   /* a forest of a model's coefficients */
    if (!coef && effekt_chart_kind_parse(argv[1], &kind) != EFFEKT_OK) {
        cli_usage_error("plot", "unknown kind '%s' (expected bar, stacked, forest, funnel, km, box, hist, "
                        "scatter, timeline or coef)", argv[1]);
        return EXIT_BAD;
    }
    /* copies: getopt reorders them, and the options point into them */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (!args)
        return EXIT_BAD;
    cp->args = args;
    for (int i = 0; i < argc; i++)
        if (i != 1 && !(args[i - (i > 1)] = strdup(argv[i])))
            return EXIT_BAD;
    int prc = cli_parse(argc - 1, args, OPT_OUTPUT | OPT_CSV | OPT_BY | OPT_CONFIDENCE | OPT_QUIET | OPT_PLOT |
                                             OPT_RETENTION | OPT_MODEL | OPT_CASEMIX | OPT_META,
                        plot_usage, o);
    if (prc != 0)
        return prc;
    effekt_chart_format fmt;
    if (!o->output) {
        fprintf(stderr, "effekt plot: give the chart file with -o OUT.png, OUT.svg or OUT.pdf\n");
        return EXIT_BAD;
    }
    if (effekt_chart_format_from_path(o->output, &fmt) != EFFEKT_OK) {
        cli_error("%s: error: expected a chart file OUT.png, OUT.svg or OUT.pdf (got '%s')", o->output, o->output);
        return EXIT_BAD;
    }
    double reference = NAN;
    if (o->reference && strcmp(o->reference, "pooled") != 0) {
        char *end;
        reference = strtod(o->reference, &end);
        if (*end || !isfinite(reference)) {
            cli_usage_error("plot", "--reference expects a number or 'pooled' (got '%s')", o->reference);
            return EXIT_BAD;
        }
    }
    const effekt_locale *loc = effekt_locale_find(o->locale ? o->locale : "en");
    effekt_table **tables = calloc(o->n_inputs, sizeof *tables);
    int rc = tables ? EXIT_OK : EXIT_BAD;
    for (size_t i = 0; i < o->n_inputs && rc == EXIT_OK; i++) {
        effekt_status st;
        tables[i] = cli_load(o, o->inputs[i], &st);
        if (st != EFFEKT_OK)
            rc = EXIT_BAD;
    }
    if (rc == EXIT_OK) {
        effekt_chart_options co = { .locale = loc, .confidence = o->confidence, .label = o->label, .top = o->top };
        effekt_diag diag;
        effekt_diag_init(&diag);
        effekt_status st = build(kind, coef, o, tables, o->n_inputs, &co, &cp->chart, &diag);
        if (st == EFFEKT_OK)
            st = effekt_chart_caption(cp->chart, (const effekt_table *const *)tables, o->n_inputs,
                                      (const char *const *)o->inputs, o->n_inputs, PACKAGE_VERSION, loc);
        cli_report(&diag, 0);
        effekt_diag_clear(&diag);
        rc = st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
    }
    for (size_t i = 0; tables && i < o->n_inputs; i++)
        effekt_table_destroy(tables[i]);
    free(tables);
    if (rc != EXIT_OK)
        return rc;
    effekt_chart *ch = cp->chart;
    if (!isnan(reference))
        ch->reference = reference;
    if (o->title)
        ch->title = effekt_chart_keep(ch, o->title);
    if (o->subtitle)
        ch->subtitle = effekt_chart_keep(ch, o->subtitle);
    if (o->caption)
        ch->caption = effekt_chart_keep(ch, o->caption);
    return effekt_chart_status(ch) == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
}

int cmd_plot(int argc, char **argv)
{
    cli_plot cp = { 0 };
    cli_options o;
    int rc = plot_prepare(argc, argv, &cp, &o);
    if (rc == EXIT_OK) {
        effekt_chart_format fmt;
        effekt_chart_format_from_path(o.output, &fmt);
        effekt_chart_page page = { .width_mm = o.width_mm, .height_mm = o.height_mm, .dpi = o.dpi,
                                   .locale = effekt_locale_find(o.locale ? o.locale : "en") };
        effekt_diag diag;
        effekt_diag_init(&diag);
        effekt_output out;
        effekt_status st = effekt_output_open(&out, o.output, (const char *const *)o.inputs, o.n_inputs, &diag);
        if (st == EFFEKT_OK) {
            st = effekt_chart_render(cp.chart, &page, fmt, out.stream, NULL, &diag);
            if (st == EFFEKT_OK)
                st = effekt_output_commit(&out, &diag);
            else
                effekt_output_abort(&out);
        }
        if (st != EFFEKT_OK && diag.n == 0)
            effekt_diag_add(&diag, EFFEKT_ERROR, o.output, 0, 0, NULL, NULL, "cannot write the chart: %s",
                            effekt_status_message(st));
        cli_report(&diag, 0);
        effekt_diag_clear(&diag);
        rc = st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
    }
    plot_release(&cp);
    return rc < 0 ? EXIT_OK : rc;
}
