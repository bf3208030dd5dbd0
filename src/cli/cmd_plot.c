/* effekt plot KIND FILE... -o OUT.png|svg|pdf: the statistics of the
 * other commands as charts.  This file only gathers numbers into an
 * effekt_chart; libeffekt computes and draws. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/chart.h"
#include "effekt/compare.h"
#include "effekt/kpi.h"
#include "effekt/survival.h"
#include "effekt/text.h"

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
    "  timeline  project periods: start_date to end_date, and expected_end_date\n\n"
    "Options:\n"
    "  -o, --output FILE       the chart (.png, .svg or .pdf), written atomically\n"
    "      --kpi NAME          bar, forest: the KPI (see 'effekt kpi --help')\n"
    "      --reference V       a reference line at V, or 'pooled' (ratio of sums)\n"
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

/* Strings the chart points at, freed together. */
typedef struct {
    char **s;
    size_t n, cap;
} strings;

static const char *keep(strings *ss, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *keep(strings *ss, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = len < 0 ? NULL : malloc((size_t)len + 1);
    if (!s)
        return "";
    va_start(ap, fmt);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    va_end(ap);
    if (ss->n == ss->cap) {
        size_t cap = ss->cap ? 2 * ss->cap : 32;
        char **ns = realloc(ss->s, cap * sizeof *ns);
        if (!ns) {
            free(s);
            return "";
        }
        ss->s = ns;
        ss->cap = cap;
    }
    ss->s[ss->n++] = s;
    return s;
}

/* Everything a chart holds, owned here. */
typedef struct {
    effekt_chart chart;
    strings text;
    effekt_chart_item *items;
    size_t n_items, cap_items;
    effekt_chart_curve *curves;
    size_t n_curves, cap_curves;
    double **arrays;           /* owned number arrays */
    size_t n_arrays, cap_arrays;
    long latest_date;          /* the latest date in the data, for the caption */
    const char *source;
    const effekt_locale *loc;
    char **args;               /* the argument vector parsed */
} plot;

static double *array(plot *p, size_t n)
{
    double *a = malloc((n ? n : 1) * sizeof *a);
    if (!a)
        return NULL;
    if (p->n_arrays == p->cap_arrays) {
        size_t cap = p->cap_arrays ? 2 * p->cap_arrays : 16;
        double **na = realloc(p->arrays, cap * sizeof *na);
        if (!na) {
            free(a);
            return NULL;
        }
        p->arrays = na;
        p->cap_arrays = cap;
    }
    p->arrays[p->n_arrays++] = a;
    return a;
}

static effekt_chart_item *add_item(plot *p)
{
    if (p->n_items == p->cap_items) {
        size_t cap = p->cap_items ? 2 * p->cap_items : 16;
        effekt_chart_item *ni = realloc(p->items, cap * sizeof *ni);
        if (!ni)
            return NULL;
        p->items = ni;
        p->cap_items = cap;
    }
    effekt_chart_item *it = &p->items[p->n_items++];
    *it = (effekt_chart_item){ .value = NAN, .lower = NAN, .upper = NAN, .x = NAN, .y = NAN, .start = NAN,
                               .end = NAN, .revised_end = NAN };
    for (size_t k = 0; k < EFFEKT_CHART_MAX_PARTS; k++)
        it->parts[k] = NAN;
    return it;
}

static effekt_chart_curve *add_curve(plot *p)
{
    if (p->n_curves == p->cap_curves) {
        size_t cap = p->cap_curves ? 2 * p->cap_curves : 8;
        effekt_chart_curve *nc = realloc(p->curves, cap * sizeof *nc);
        if (!nc)
            return NULL;
        p->curves = nc;
        p->cap_curves = cap;
    }
    effekt_chart_curve *c = &p->curves[p->n_curves++];
    memset(c, 0, sizeof *c);
    return c;
}

static void plot_free(plot *p)
{
    for (size_t i = 0; i < p->text.n; i++)
        free(p->text.s[i]);
    free(p->text.s);
    for (size_t i = 0; i < p->n_arrays; i++)
        free(p->arrays[i]);
    free(p->arrays);
    free(p->items);
    free(p->curves);
    free(p->args);
}

/* Decimals that show a round step such as 0.25 or 5000 exactly. */
static int auto_width_decimals(double w)
{
    int d = 0;
    while (d < 10 && fabs(w * pow(10, d) - round(w * pow(10, d))) > 1e-9 * fmax(1, fabs(w) * pow(10, d)))
        d++;
    return d;
}

/* Decimals that show v to `digits` significant digits (none for large v). */
static int significant(double v, int digits)
{
    if (v == 0 || !isfinite(v))
        return 0;
    int d = digits - 1 - (int)floor(log10(fabs(v)));
    return d < 0 ? 0 : d > 10 ? 10 : d;
}

static const char *word(const plot *p, effekt_word w)
{
    return effekt_text_word(p->loc, w);
}

/* The word w in the chart's locale with {1}, {2}, … filled from args,
 * kept with the chart. */
static const char *say_n(plot *p, effekt_word w, size_t n, const char *const *args)
{
    char *s = effekt_text_compose(p->loc, w, n, args);
    const char *k = keep(&p->text, "%s", s ? s : "");
    free(s);
    return k;
}
#define say(p, w, ...)                                                                                 \
    say_n(p, w, sizeof((const char *[]){ __VA_ARGS__ }) / sizeof(const char *), (const char *[]){ __VA_ARGS__ })

/* A count, a number and a share as the chart's locale writes them, kept. */
static const char *count_text(plot *p, size_t n)
{
    return keep(&p->text, "%zu", n);
}

static const char *number_text(plot *p, double v, int decimals)
{
    char buf[128];
    return keep(&p->text, "%s", effekt_locale_format(p->loc, v, decimals, buf, sizeof buf));
}

static const char *percent_text(plot *p, double share)
{
    char buf[128];
    return keep(&p->text, "%s", effekt_locale_format_percent(p->loc, share, -1, buf, sizeof buf));
}

/* A column's name as the reader says it. */
static const char *column_word(const plot *p, const char *column)
{
    return effekt_text_column(p->loc, column);
}

static void note_dates(plot *p, const effekt_table *t)
{
    for (size_t c = 0; c < t->n_columns; c++) {
        const effekt_column *col = &t->columns[c];
        if (col->type != EFFEKT_TYPE_DATE || !col->values)
            continue;
        for (size_t r = 0; r < t->n_rows; r++)
            if (!isnan(col->values[r]) && (long)col->values[r] > p->latest_date)
                p->latest_date = (long)col->values[r];
    }
}

/* The label of row r: --label, else name, else project_id, else "row N". */
static const char *row_label(plot *p, const cli_options *o, const effekt_table *t, size_t r)
{
    const char *names[] = { o->label, "name", "project_id", "owner" };
    for (size_t i = o->label ? 0 : 1; i < 4; i++) {
        const effekt_column *c = names[i] ? effekt_table_column(t, names[i]) : NULL;
        if (c && !effekt_column_missing(c, r)) {
            char buf[512];
            value_text(c, r, buf, sizeof buf);
            return keep(&p->text, "%s", buf);
        }
        if (i == 0 && !c) {
            cli_error("%s: --label: no column '%s'", t->source, o->label);
            return NULL;
        }
    }
    return say(p, EFFEKT_WORD_ROW, count_text(p, effekt_table_row_line(t, r)));
}

/* The currency of a table when every row states the same one. */
static const char *currency_of(const effekt_table *t)
{
    const effekt_column *c = effekt_table_column(t, "currency");
    const char *cur = NULL;
    for (size_t r = 0; c && c->text && r < t->n_rows; r++) {
        if (!c->text[r])
            continue;
        if (cur && strcmp(cur, c->text[r]) != 0)
            return NULL;
        cur = c->text[r];
    }
    return cur;
}

/* Sum of numerator / sum of denominator over rows where both are reported
 * (the pooled KPI, a ratio of sums).  A rate leaves out the rows whose own
 * rate is impossible (jobs above participants), as kpi --by does; their
 * number is added to *impossible. */
static double pooled_ratio(const effekt_table *t, const effekt_kpi_def *def, double *x, double *n,
                           size_t *impossible)
{
    const effekt_column *a = def->numerator ? effekt_table_column(t, def->numerator) : NULL;
    const effekt_column *b = def->denominator ? effekt_table_column(t, def->denominator) : NULL;
    double sa = 0, sb = 0;
    for (size_t r = 0; a && b && a->values && b->values && r < t->n_rows; r++)
        if (!isnan(a->values[r]) && !isnan(b->values[r])) {
            if (def->kind == EFFEKT_KPI_RATE && a->values[r] > b->values[r]) {
                (*impossible)++;
                continue;
            }
            sa += a->values[r];
            sb += b->values[r];
        }
    *x = sa;
    *n = sb;
    return sb > 0 ? sa / sb : NAN;
}

static int kpi_items(plot *p, const cli_options *o, const effekt_table *t, const effekt_kpi_def *def,
                     double *pool_x, double *pool_n, size_t *impossible)
{
    effekt_kpi_options ko = { .confidence = o->confidence };
    effekt_kpi_sheet *sheet = NULL;
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_kpi_compute(t, &ko, &sheet, &diag);
    effekt_diag_free(&diag);   /* data warnings are kpi's and validate's business */
    if (st != EFFEKT_OK)
        return EXIT_BAD;
    size_t k = (size_t)(def - effekt_kpi_definitions());
    for (size_t r = 0; r < sheet->n_projects; r++) {
        const effekt_figure *f = effekt_kpi_figure(sheet, r, k);
        effekt_chart_item *it = add_item(p);
        const char *label = row_label(p, o, t, r);
        if (!it || !label) {
            effekt_kpi_sheet_destroy(sheet);
            return EXIT_BAD;
        }
        it->label = label;
        it->value = f->value;
        it->lower = f->lower;
        it->upper = f->upper;
        it->reason = keep(&p->text, "%s", f->reason);
    }
    effekt_kpi_sheet_destroy(sheet);
    double x, n;
    pooled_ratio(t, def, &x, &n, impossible);
    *pool_x += x;
    *pool_n += n;
    return EXIT_OK;
}

static int build_kpi_chart(plot *p, const cli_options *o, effekt_table **tables, size_t n_tables)
{
    const char *name = o->kpi ? o->kpi : p->chart.kind == EFFEKT_CHART_FOREST ? "placement_rate" : "cost_per_job";
    const effekt_kpi_def *def = effekt_kpi_find(name);
    if (!def) {
        cli_error("plot: unknown KPI '%s' (see 'effekt kpi --help' for the names)", name);
        return EXIT_BAD;
    }
    double px = 0, pn = 0;
    size_t impossible = 0;
    for (size_t i = 0; i < n_tables; i++)
        if (kpi_items(p, o, tables[i], def, &px, &pn, &impossible) != EXIT_OK)
            return EXIT_BAD;
    const char *cur = n_tables ? currency_of(tables[0]) : NULL;
    int share = strcmp(def->unit, "share") == 0;
    int money = effekt_kpi_is_money(def);
    effekt_chart *ch = &p->chart;
    ch->percent = share;
    ch->money_decimals = money ? 0 : -1;
    ch->sorted = ch->kind == EFFEKT_CHART_BAR;
    size_t undefined = 0;
    for (size_t i = 0; i < p->n_items; i++)
        undefined += isnan(p->items[i].value);
    const char *title = effekt_text_kpi_title(p->loc, def->name);
    const char *formula = effekt_text_kpi_formula(p->loc, def->name);
    const char *unit = effekt_text_kpi_unit(p->loc, def->name);
    ch->title = title ? title : def->name;
    if (impossible)
        ch->subtitle = say(p, EFFEKT_WORD_KPI_SUBTITLE_LEFT_OUT, formula ? formula : def->description,
                           count_text(p, p->n_items), count_text(p, undefined), count_text(p, impossible),
                           column_word(p, def->numerator), column_word(p, def->denominator));
    else
        ch->subtitle = say(p, EFFEKT_WORD_KPI_SUBTITLE, formula ? formula : def->description,
                           count_text(p, p->n_items), count_text(p, undefined));
    if (unit) {
        const char *currency = cur ? cur : word(p, EFFEKT_WORD_AMOUNT);
        char *label = NULL;
        /* the unit's {1} is the currency */
        size_t len = strlen(unit) + strlen(currency) + 1;
        if ((label = malloc(len + 8))) {
            const char *ph = strstr(unit, "{1}");
            if (ph)
                snprintf(label, len + 8, "%.*s%s%s", (int)(ph - unit), unit, currency, ph + 3);
            else
                snprintf(label, len + 8, "%s", unit);
            ch->x_label = keep(&p->text, "%s", label);
            free(label);
        }
    } else {
        ch->x_label = money && cur ? keep(&p->text, "%s (%s)", def->name, cur) : def->name;
    }
    double pooled = pn > 0 ? px / pn : NAN;
    if (ch->kind == EFFEKT_CHART_FOREST && !isnan(pooled)) {
        effekt_chart_item *it = add_item(p);
        if (!it)
            return EXIT_BAD;
        it->label = word(p, EFFEKT_WORD_POOLED_RATIO_ROW);
        it->value = pooled;
        it->pooled = 1;
        if (def->kind == EFFEKT_KPI_RATE)
            effekt_wilson_interval(px, pn, o->confidence, &it->lower, &it->upper);
    }
    if (o->reference && strcmp(o->reference, "pooled") == 0) {
        ch->reference = pooled;
        ch->reference_label = word(p, EFFEKT_WORD_POOLED);
    }
    return EXIT_OK;
}

static const effekt_column *need_group(const effekt_table *t, const char *by)
{
    const effekt_column *c = effekt_table_column(t, by);
    if (!c)
        cli_error("%s: --by: no column '%s'", t->source, by);
    return c;
}

/* Events and trials per group of an outcome column (dates: an event
 * when given). */
static int outcome_counts(const cli_options *o, effekt_table **tables, size_t n_tables, key_map *map,
                          double **x, double **n)
{
    size_t cap = 0;
    *x = *n = NULL;
    for (size_t i = 0; i < n_tables; i++) {
        const effekt_table *t = tables[i];
        const effekt_column *by = need_group(t, o->by), *oc = effekt_table_column(t, o->outcome);
        if (!by)
            return EXIT_BAD;
        if (!oc) {
            cli_error("%s: --outcome: no column '%s'", t->source, o->outcome);
            return EXIT_BAD;
        }
        int dated = oc->type == EFFEKT_TYPE_DATE;
        if (!dated && oc->type != EFFEKT_TYPE_BOOLEAN && oc->type != EFFEKT_TYPE_INTEGER) {
            cli_error("%s: --outcome: column '%s' is %s; an outcome is 0/1, yes/no, or a date", t->source,
                      oc->heading, effekt_type_name(oc->type));
            return EXIT_BAD;
        }
        for (size_t r = 0; r < t->n_rows; r++) {
            double v = dated ? !effekt_column_missing(oc, r) : oc->values[r];
            if (isnan(v))
                continue;
            if (v != 0 && v != 1) {
                cli_error("%s:%zu:%zu: outcome %g in column '%s' (expected 0 or 1)", t->source,
                          effekt_table_row_line(t, r), oc->index, v, oc->heading);
                return EXIT_BAD;
            }
            char key[1024];
            value_text(by, r, key, sizeof key);
            size_t id = key_map_id(map, key);
            if (id == (size_t)-1)
                return EXIT_BAD;
            if (id >= cap) {
                size_t nc = cap ? 2 * cap : 64;
                double *nx = realloc(*x, nc * sizeof *nx);
                if (nx)
                    *x = nx;
                double *nn = realloc(*n, nc * sizeof *nn);
                if (nn)
                    *n = nn;
                if (!nx || !nn)
                    return EXIT_BAD;
                memset(*x + cap, 0, (nc - cap) * sizeof **x);
                memset(*n + cap, 0, (nc - cap) * sizeof **n);
                cap = nc;
            }
            (*x)[id] += v;
            (*n)[id] += 1;
        }
    }
    return EXIT_OK;
}

static int build_rates(plot *p, const cli_options *o, effekt_table **tables, size_t n_tables)
{
    effekt_chart *ch = &p->chart;
    if (!o->outcome || !o->by) {
        cli_error("plot %s: give --outcome COLUMN and --by GROUP", effekt_chart_kind_name(ch->kind));
        return EXIT_BAD;
    }
    key_map map = { 0 };
    double *x = NULL, *n = NULL;
    int rc = outcome_counts(o, tables, n_tables, &map, &x, &n);
    double sx = 0, sn = 0;
    for (size_t g = 0; rc == EXIT_OK && g < map.n; g++) {
        sx += x[g];
        sn += n[g];
    }
    double p0 = sn > 0 ? sx / sn : NAN;
    double nmax = 0, nmin = INFINITY;
    size_t outside = 0;
    for (size_t g = 0; rc == EXIT_OK && g < map.n; g++) {
        effekt_chart_item *it = add_item(p);
        if (!it) {
            rc = EXIT_BAD;
            break;
        }
        it->label = keep(&p->text, "%s", map.keys[g]);
        it->value = it->y = n[g] > 0 ? x[g] / n[g] : NAN;
        it->x = n[g];
        effekt_wilson_interval(x[g], n[g], o->confidence, &it->lower, &it->upper);
        if (ch->kind == EFFEKT_CHART_FUNNEL && n[g] > 0 && !isnan(p0)) {
            double lo, hi;
            effekt_funnel_limits((unsigned long)n[g], p0, 0.998, &lo, &hi);
            it->flagged = it->y < lo || it->y > hi;
            outside += (size_t)it->flagged;
        }
        nmax = fmax(nmax, n[g]);
        nmin = fmin(nmin, n[g]);
    }
    const char *what = column_word(p, o->outcome), *by = column_word(p, o->by);
    ch->percent = 1;
    ch->reference = p0;
    ch->reference_label = word(p, EFFEKT_WORD_POOLED);
    if (rc == EXIT_OK && ch->kind == EFFEKT_CHART_FOREST) {
        effekt_chart_item *it = add_item(p);
        if (!it)
            rc = EXIT_BAD;
        else {
            it->label = word(p, EFFEKT_WORD_POOLED_ROW);
            it->value = p0;
            it->pooled = 1;
            effekt_wilson_interval(sx, sn, o->confidence, &it->lower, &it->upper);
        }
        ch->title = say(p, EFFEKT_WORD_BY, what, by);
        ch->subtitle = say(p, EFFEKT_WORD_RATES_SUBTITLE, what, percent_text(p, o->confidence), count_text(p, map.n),
                           number_text(p, sn, 0));
        ch->x_label = say(p, EFFEKT_WORD_SHARE_WITH, what);
    }
    if (rc == EXIT_OK && ch->kind == EFFEKT_CHART_FUNNEL && !isnan(p0)) {
        /* the limits at every n from the smallest group to the largest */
        size_t lo_n = (size_t)fmax(1, floor(nmin * 0.9)), hi_n = (size_t)ceil(nmax * 1.05);
        size_t m = hi_n - lo_n + 1, stride = m > 400 ? m / 400 + 1 : 1, k = (m + stride - 1) / stride;
        static const double levels[2] = { 0.95, 0.998 };
        for (size_t L = 0; L < 2 && rc == EXIT_OK; L++) {
            effekt_chart_curve *cv = add_curve(p);
            double *gx = array(p, k), *glo = array(p, k), *ghi = array(p, k);
            if (!cv || !gx || !glo || !ghi) {
                rc = EXIT_BAD;
                break;
            }
            for (size_t j = 0; j < k; j++) {
                unsigned long nn = (unsigned long)(lo_n + j * stride);
                gx[j] = (double)nn;
                effekt_funnel_limits(nn, p0, levels[L], &glo[j], &ghi[j]);
            }
            cv->n = k;
            cv->x = gx;
            cv->lower = glo;
            cv->upper = ghi;
            cv->dash = L == 0 ? 1 : 2;
            cv->label = say(p, EFFEKT_WORD_LIMITS, percent_text(p, levels[L]));
        }
        char pooled[64];
        ch->title = say(p, EFFEKT_WORD_FUNNEL_TITLE, what, by);
        ch->subtitle = say(p, EFFEKT_WORD_FUNNEL_SUBTITLE, effekt_locale_format_percent(p->loc, p0, 1, pooled, sizeof pooled),
                           count_text(p, outside), count_text(p, map.n), percent_text(p, levels[1]));
        ch->x_label = word(p, EFFEKT_WORD_GROUP_SIZE);
        ch->y_label = say(p, EFFEKT_WORD_SHARE_WITH, what);
    }
    free(x);
    free(n);
    key_map_free(&map);
    return rc;
}

static int build_stacked(plot *p, const cli_options *o, effekt_table **tables, size_t n_tables)
{
    static const char *const cols[] = { "eu_contribution", "national_public", "private_funding", "other_funding" };
    effekt_chart *ch = &p->chart;
    static const effekt_word parts[] = { EFFEKT_WORD_PART_EU, EFFEKT_WORD_PART_NATIONAL, EFFEKT_WORD_PART_PRIVATE,
                                         EFFEKT_WORD_PART_OTHER, EFFEKT_WORD_PART_UNATTRIBUTED };
    for (size_t k = 0; k < 5; k++)
        ch->part_names[k] = word(p, parts[k]);
    ch->n_parts = 5;
    ch->amounts = o->amounts;
    ch->percent = !o->amounts;
    ch->money_decimals = 0;
    const char *cur = NULL;
    for (size_t i = 0; i < n_tables; i++) {
        const effekt_table *t = tables[i];
        const effekt_column *total = effekt_table_column(t, "total_cost");
        const effekt_column *c[4];
        for (size_t k = 0; k < 4; k++)
            c[k] = effekt_table_column(t, cols[k]);
        if (i == 0)
            cur = currency_of(t);
        for (size_t r = 0; r < t->n_rows; r++) {
            effekt_chart_item *it = add_item(p);
            const char *label = row_label(p, o, t, r);
            if (!it || !label)
                return EXIT_BAD;
            it->label = label;
            double sum = 0;
            int any = 0;
            for (size_t k = 0; k < 4; k++) {
                double v = c[k] && c[k]->values ? c[k]->values[r] : NAN;
                it->parts[k] = v;
                if (!isnan(v)) {
                    sum += v;
                    any = 1;
                }
            }
            double tot = total && total->values ? total->values[r] : NAN;
            /* the rest of a reported total is not attributed, never hidden */
            it->parts[4] = !isnan(tot) && tot > sum ? tot - sum : NAN;
            if (!any && isnan(tot))
                it->reason = word(p, EFFEKT_WORD_NO_FUNDING);
        }
    }
    ch->title = word(p, EFFEKT_WORD_FUNDING_TITLE);
    ch->subtitle = word(p, o->amounts ? EFFEKT_WORD_FUNDING_AMOUNTS : EFFEKT_WORD_FUNDING_SHARES);
    ch->x_label = o->amounts ? (cur ? keep(&p->text, "%s", cur) : word(p, EFFEKT_WORD_AMOUNT))
                             : word(p, EFFEKT_WORD_SHARE_OF_TOTAL);
    return EXIT_OK;
}

static int build_timeline(plot *p, const cli_options *o, effekt_table **tables, size_t n_tables)
{
    effekt_chart *ch = &p->chart;
    for (size_t i = 0; i < n_tables; i++) {
        const effekt_table *t = tables[i];
        const effekt_column *s = effekt_table_column(t, "start_date"), *e = effekt_table_column(t, "end_date");
        const effekt_column *x = effekt_table_column(t, "expected_end_date");
        if (!s || !e) {
            cli_error("%s: a timeline needs start_date and end_date columns", t->source);
            return EXIT_BAD;
        }
        for (size_t r = 0; r < t->n_rows; r++) {
            effekt_chart_item *it = add_item(p);
            const char *label = row_label(p, o, t, r);
            if (!it || !label)
                return EXIT_BAD;
            it->label = label;
            it->start = s->values ? s->values[r] : NAN;
            it->end = e->values ? e->values[r] : NAN;
            it->revised_end = x && x->values ? x->values[r] : NAN;
            it->reason = word(p, EFFEKT_WORD_DATES_NOT_REPORTED);
        }
    }
    ch->x_dates = 1;
    ch->title = word(p, EFFEKT_WORD_PERIODS_TITLE);
    ch->subtitle = word(p, EFFEKT_WORD_PERIODS_SUBTITLE);
    ch->part_names[0] = word(p, EFFEKT_WORD_PLANNED_PERIOD);
    ch->part_names[1] = word(p, EFFEKT_WORD_EXTENDED_PERIOD);
    return EXIT_OK;
}

static const effekt_column *numeric(const effekt_table *t, const char *name, const char *option)
{
    const effekt_column *c = effekt_table_column(t, name);
    if (!c)
        cli_error("%s: %s: no column '%s'", t->source, option, name);
    else if (!c->values || c->type == EFFEKT_TYPE_TEXT)
        cli_error("%s: %s: column '%s' is %s; expected numbers", t->source, option, name, effekt_type_name(c->type));
    else
        return c;
    return NULL;
}

/* Values of --value over all tables, with group ids when --by is given. */
static int gather_values(const cli_options *o, effekt_table **tables, size_t n_tables, double **v, size_t **gid,
                         size_t *n, size_t *missing, key_map *map)
{
    size_t total = 0;
    for (size_t i = 0; i < n_tables; i++)
        total += tables[i]->n_rows;
    *v = malloc((total ? total : 1) * sizeof **v);
    *gid = malloc((total ? total : 1) * sizeof **gid);
    *n = *missing = 0;
    if (!*v || !*gid)
        return EXIT_BAD;
    for (size_t i = 0; i < n_tables; i++) {
        const effekt_table *t = tables[i];
        const effekt_column *c = numeric(t, o->value, "--value"), *by = o->by ? need_group(t, o->by) : NULL;
        if (!c || (o->by && !by))
            return EXIT_BAD;
        for (size_t r = 0; r < t->n_rows; r++) {
            if (isnan(c->values[r])) {
                (*missing)++;
                continue;
            }
            char key[1024] = "all";
            if (by)
                value_text(by, r, key, sizeof key);
            size_t id = key_map_id(map, key);
            if (id == (size_t)-1)
                return EXIT_BAD;
            (*v)[*n] = c->values[r];
            (*gid)[*n] = id;
            (*n)++;
        }
    }
    return EXIT_OK;
}

/* A box plot's rows: more groups than this are refused at once.  At 16 pt
 * a row, the renderer's 10000 pt height holds a little over 600 rows, and
 * refuses only after every box is computed. */
#define BOX_MAX_GROUPS 500

static int build_box_hist(plot *p, const cli_options *o, effekt_table **tables, size_t n_tables)
{
    effekt_chart *ch = &p->chart;
    if (!o->value) {
        cli_error("plot %s: give --value COLUMN", effekt_chart_kind_name(ch->kind));
        return EXIT_BAD;
    }
    key_map map = { 0 };
    double *v = NULL;
    size_t *gid = NULL, n, missing;
    int rc = gather_values(o, tables, n_tables, &v, &gid, &n, &missing, &map);
    ch->money_decimals = -1;
    if (rc == EXIT_OK && ch->kind == EFFEKT_CHART_BOX && map.n > BOX_MAX_GROUPS) {
        cli_error("plot box: %zu groups in --by %s; a box plot has a row per group and room for at most %d "
                  "(choose a coarser --by)", map.n,
                  o->by ? o->by : "", BOX_MAX_GROUPS);
        rc = EXIT_BAD;
    }
    if (rc == EXIT_OK && ch->kind == EFFEKT_CHART_BOX) {
        /* each group's values in one pass: counts, then fill */
        size_t *count = calloc(map.n + 1, sizeof *count);
        double **gv = calloc(map.n + 1, sizeof *gv);
        if (!count || !gv)
            rc = EXIT_BAD;
        for (size_t i = 0; i < n && rc == EXIT_OK; i++)
            count[gid[i]]++;
        for (size_t g = 0; g < map.n && rc == EXIT_OK; g++)
            if (!(gv[g] = array(p, count[g])))
                rc = EXIT_BAD;
        for (size_t g = 0; g < map.n && rc == EXIT_OK; g++)
            count[g] = 0;
        for (size_t i = 0; i < n && rc == EXIT_OK; i++)
            gv[gid[i]][count[gid[i]]++] = v[i];
        for (size_t g = 0; g < map.n && rc == EXIT_OK; g++) {
            effekt_chart_item *it = add_item(p);
            if (!it) {
                rc = EXIT_BAD;
                break;
            }
            it->label = keep(&p->text, "%s", map.keys[g]);
            it->values = gv[g];
            it->n_values = count[g];
            effekt_boxplot_compute(gv[g], count[g], &it->box);
        }
        free(count);
        free(gv);
        ch->title = say(p, EFFEKT_WORD_BY, column_word(p, o->value), o->by ? column_word(p, o->by) : "");
        ch->subtitle = say(p, EFFEKT_WORD_BOX_SUBTITLE, number_text(p, 1.5, 1), number_text(p, (double)n, 0),
                           count_text(p, missing));
        ch->x_label = column_word(p, o->value);
    } else if (rc == EXIT_OK) {
        effekt_histogram_rule rule = EFFEKT_HISTOGRAM_STURGES;
        if (o->bins && effekt_histogram_rule_parse(o->bins, &rule) != EFFEKT_OK) {
            cli_error("plot hist: --bins expects sturges, scott or fd (got '%s')", o->bins);
            rc = EXIT_BAD;
        }
        double *breaks = NULL, *counts = NULL;
        size_t k = 0;
        if (rc == EXIT_OK && effekt_histogram_compute(v, n, rule, &breaks, &counts, &k) != EFFEKT_OK) {
            cli_error("plot hist: no values in column '%s'", o->value);
            rc = EXIT_BAD;
        }
        if (rc == EXIT_OK) {
            double *b = array(p, k + 1), *c = array(p, k);
            if (!b || !c)
                rc = EXIT_BAD;
            else {
                memcpy(b, breaks, (k + 1) * sizeof *b);
                memcpy(c, counts, k * sizeof *c);
                ch->breaks = b;
                ch->counts = c;
                ch->n_bins = k;
                ch->title = say(p, EFFEKT_WORD_HIST_TITLE, column_word(p, o->value));
                ch->subtitle = say(p, EFFEKT_WORD_HIST_SUBTITLE, effekt_histogram_rule_name(rule), count_text(p, k),
                                   number_text(p, b[1] - b[0], auto_width_decimals(b[1] - b[0])),
                                   number_text(p, (double)n, 0), count_text(p, missing));
                ch->x_label = column_word(p, o->value);
                ch->y_label = word(p, EFFEKT_WORD_COUNT);
            }
        }
        free(breaks);
        free(counts);
    }
    free(v);
    free(gid);
    key_map_free(&map);
    return rc;
}

static int build_scatter(plot *p, const cli_options *o, effekt_table **tables, size_t n_tables)
{
    effekt_chart *ch = &p->chart;
    if (!o->x || !o->y) {
        cli_error("plot scatter: give --x COLUMN and --y COLUMN");
        return EXIT_BAD;
    }
    size_t total = 0, missing = 0;
    for (size_t i = 0; i < n_tables; i++)
        total += tables[i]->n_rows;
    double *xs = array(p, total), *ys = array(p, total);
    if (!xs || !ys)
        return EXIT_BAD;
    size_t m = 0;
    for (size_t i = 0; i < n_tables; i++) {
        const effekt_table *t = tables[i];
        const effekt_column *cx = numeric(t, o->x, "--x"), *cy = numeric(t, o->y, "--y");
        if (!cx || !cy)
            return EXIT_BAD;
        for (size_t r = 0; r < t->n_rows; r++) {
            if (isnan(cx->values[r]) || isnan(cy->values[r])) {
                missing++;
                continue;
            }
            effekt_chart_item *it = add_item(p);
            if (!it)
                return EXIT_BAD;
            it->x = xs[m] = cx->values[r];
            it->y = ys[m] = cy->values[r];
            m++;
        }
    }
    effekt_ols fit;
    char a[64], b[64], r2[64];
    ch->title = keep(&p->text, "%s ~ %s", o->y, o->x);
    if (effekt_ols_fit(xs, ys, m, &fit) == EFFEKT_OK) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < m; i++) {
            lo = fmin(lo, xs[i]);
            hi = fmax(hi, xs[i]);
        }
        enum { GRID = 101 };
        double *gx = array(p, GRID), *gy = array(p, GRID), *gl = array(p, GRID), *gu = array(p, GRID);
        effekt_chart_curve *cv = add_curve(p);
        if (!gx || !gy || !gl || !gu || !cv)
            return EXIT_BAD;
        for (size_t j = 0; j < GRID; j++)
            gx[j] = lo + (hi - lo) * (double)j / (GRID - 1);
        effekt_ols_band(&fit, gx, GRID, o->confidence, gy, gl, gu);
        *cv = (effekt_chart_curve){ .n = GRID, .x = gx, .y = gy, .lower = gl, .upper = gu,
                                    .label = say(p, EFFEKT_WORD_OLS_LINE, percent_text(p, o->confidence)) };
        ch->subtitle = keep(&p->text, "%s = %s + %s \u00b7 %s; R\u00b2 = %s; n = %zu%s",
                            o->y, effekt_locale_format(p->loc, fit.intercept, significant(fit.intercept, 4), a, sizeof a),
                            effekt_locale_format(p->loc, fit.slope, significant(fit.slope, 4), b, sizeof b), o->x,
                            effekt_locale_format(p->loc, fit.r_squared, 3, r2, sizeof r2), m,
                            missing ? say(p, EFFEKT_WORD_ROWS_MISSING_XY, count_text(p, missing)) : "");
    } else {
        ch->subtitle = say(p, EFFEKT_WORD_TOO_FEW_POINTS, count_text(p, m));
    }
    ch->x_label = column_word(p, o->x);
    ch->y_label = column_word(p, o->y);
    ch->money_decimals = -1;
    return EXIT_OK;
}

static int build_km(plot *p, const cli_options *o, effekt_table **tables, size_t n_tables)
{
    effekt_chart *ch = &p->chart;
    effekt_conf_type ct = EFFEKT_CONF_LOG;
    if (o->conf_type && effekt_conf_type_parse(o->conf_type, &ct) != EFFEKT_OK) {
        cli_error("plot km: --conf-type expects log, log-log or plain (got '%s')", o->conf_type);
        return EXIT_BAD;
    }
    if (n_tables != 1) {
        cli_error("plot km: give one participant file");
        return EXIT_BAD;
    }
    cli_spells sp;
    int rc = cli_spells_build(o, tables[0], tables[0]->source, &sp);
    double tmax = 0;
    for (size_t i = 0; rc == EXIT_OK && i < sp.m; i++)
        tmax = fmax(tmax, sp.time[i]);
    /* the numbers at risk stand under the x axis ticks, which are R's
     * pretty() over [0, longest time] as the renderer draws them */
    double first, step;
    size_t n_int;
    effekt_pretty(0, tmax > 0 ? tmax : 1, 5, &first, &step, &n_int);
    double *risk_times = array(p, n_int + 1);
    if (!risk_times)
        rc = EXIT_BAD;
    for (size_t j = 0; rc == EXIT_OK && j <= n_int; j++)
        risk_times[j] = first + step * (double)j;
    double *gt = array(p, sp.m), *ge = array(p, sp.m);
    if (!gt || !ge)
        rc = EXIT_BAD;
    for (size_t g = 0; rc == EXIT_OK && g < sp.map.n; g++) {
        size_t k = 0;
        for (size_t i = 0; i < sp.m; i++)
            if (sp.gid[i] == g) {
                gt[k] = sp.time[i];
                ge[k] = sp.event[i];
                k++;
            }
        effekt_km km;
        if (effekt_km_fit(gt, ge, k, o->confidence, ct, &km) != EFFEKT_OK) {
            rc = EXIT_BAD;
            break;
        }
        /* the curve starts at (0, 1); censoring times get a tick */
        size_t nt = km.n_times + 1, nc = 0;
        double *x = array(p, nt), *y = array(p, nt), *lo = array(p, nt), *hi = array(p, nt);
        double *cx = array(p, km.n_times), *risk = array(p, n_int + 1);
        effekt_chart_curve *cv = add_curve(p);
        if (!x || !y || !lo || !hi || !cx || !risk || !cv) {
            effekt_km_free(&km);
            rc = EXIT_BAD;
            break;
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
        for (size_t j = 0; j <= n_int; j++) {
            double at = 0;
            for (size_t i = 0; i < k; i++)
                at += gt[i] >= risk_times[j];
            risk[j] = at;
        }
        *cv = (effekt_chart_curve){ .label = keep(&p->text, "%s (n = %zu)", sp.map.keys[g], km.n), .n = nt, .x = x,
                                    .y = y, .lower = lo, .upper = hi, .steps = 1, .censor_x = cx, .n_censor = nc,
                                    .at_risk = risk };
        effekt_km_free(&km);
    }
    /* bands of more than three curves hide each other: say so, draw none */
    int banded = p->n_curves <= 3;
    for (size_t k = 0; !banded && k < p->n_curves; k++)
        p->curves[k].lower = p->curves[k].upper = NULL;
    if (rc == EXIT_OK) {
        int time_to_job = o->to && strcmp(o->to, "placed_date") == 0;
        ch->risk_times = risk_times;
        ch->n_risk_times = n_int + 1;
        ch->percent = 1;
        ch->title = word(p, time_to_job ? EFFEKT_WORD_TIME_TO_JOB : EFFEKT_WORD_RETENTION_TITLE);
        ch->subtitle = say(p, EFFEKT_WORD_KM_SUBTITLE, number_text(p, (double)sp.m, 0),
                           o->by ? say(p, EFFEKT_WORD_KM_BY, column_word(p, o->by)) : "",
                           banded ? say(p, EFFEKT_WORD_KM_BANDS, percent_text(p, o->confidence))
                                  : word(p, EFFEKT_WORD_KM_NO_BANDS));
        ch->x_label = word(p, EFFEKT_WORD_DAYS);
        ch->y_label = word(p, time_to_job ? EFFEKT_WORD_NOT_YET_PLACED : EFFEKT_WORD_STILL_EMPLOYED);
    }
    cli_spells_free(&sp);
    return rc;
}

static int build(plot *p, const cli_options *o, effekt_table **tables, size_t n)
{
    switch (p->chart.kind) {
    case EFFEKT_CHART_BAR:
        return build_kpi_chart(p, o, tables, n);
    case EFFEKT_CHART_FOREST:
        return o->outcome ? build_rates(p, o, tables, n) : build_kpi_chart(p, o, tables, n);
    case EFFEKT_CHART_FUNNEL:
        return build_rates(p, o, tables, n);
    case EFFEKT_CHART_STACKED:
        return build_stacked(p, o, tables, n);
    case EFFEKT_CHART_TIMELINE:
        return build_timeline(p, o, tables, n);
    case EFFEKT_CHART_BOX:
    case EFFEKT_CHART_HIST:
        return build_box_hist(p, o, tables, n);
    case EFFEKT_CHART_SCATTER:
        return build_scatter(p, o, tables, n);
    case EFFEKT_CHART_KM:
        return build_km(p, o, tables, n);
    }
    return EXIT_BAD;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Parse "plot KIND OPTIONS FILES", load, and fill p's chart.  *o gets
 * the options.  EXIT_OK, or a status with the message printed (-1 for
 * --help). */
static int plot_prepare(int argc, char **argv, plot *p, cli_options *o)
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
    p->latest_date = -100000;
    p->chart.reference = NAN;
    if (effekt_chart_kind_parse(argv[1], &p->chart.kind) != EFFEKT_OK) {
        fprintf(stderr, "effekt plot: unknown kind '%s' (expected bar, stacked, forest, funnel, km, box, hist, "
                        "scatter or timeline)\n", argv[1]);
        return EXIT_BAD;
    }
    /* parse "plot OPTIONS FILES" */
    char **args = malloc((size_t)argc * sizeof *args);
    if (!args)
        return EXIT_BAD;
    /* copies: the chart keeps pointers to option values (titles, column
     * names), and must outlive the caller's arguments (the report) */
    args[0] = (char *)keep(&p->text, "%s", argv[0]);
    for (int i = 2; i < argc; i++)
        args[i - 1] = (char *)keep(&p->text, "%s", argv[i]);
    int prc = cli_parse(argc - 1, args, OPT_OUTPUT | OPT_CSV | OPT_BY | OPT_CONFIDENCE | OPT_QUIET | OPT_PLOT |
                                             OPT_RETENTION,
                        plot_usage, o);
    p->args = args;   /* o->inputs point into it (getopt reorders it) */
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
    p->loc = effekt_locale_find(o->locale ? o->locale : "en");
    if (o->reference && strcmp(o->reference, "pooled") != 0) {
        char *end;
        p->chart.reference = strtod(o->reference, &end);
        if (*end || !isfinite(p->chart.reference)) {
            cli_error("plot: --reference expects a number or 'pooled' (got '%s')", o->reference);
            return EXIT_BAD;
        }
    }
    effekt_table **tables = calloc(o->n_inputs, sizeof *tables);
    int rc = tables ? EXIT_OK : EXIT_BAD;
    for (size_t i = 0; i < o->n_inputs && rc == EXIT_OK; i++) {
        effekt_status st;
        tables[i] = cli_load(o, o->inputs[i], &st);
        if (st != EFFEKT_OK)
            rc = EXIT_BAD;
        else
            note_dates(p, tables[i]);
    }
    if (rc == EXIT_OK) {
        double keep_reference = p->chart.reference;
        rc = build(p, o, tables, o->n_inputs);
        if (!isnan(keep_reference))
            p->chart.reference = keep_reference;
    }
    for (size_t i = 0; tables && i < o->n_inputs; i++)
        effekt_table_destroy(tables[i]);
    free(tables);
    if (rc != EXIT_OK)
        return rc;
    effekt_chart *ch = &p->chart;
    ch->items = p->items;
    ch->n_items = p->n_items;
    ch->curves = p->curves;
    ch->n_curves = p->n_curves;
    if (o->title)
        ch->title = o->title;
    if (o->subtitle)
        ch->subtitle = o->subtitle;
    /* the caption names the data and its date: the latest date in it,
     * so the same data gives the same chart on any day */
    char sources[1024] = "";
    for (size_t i = 0; i < o->n_inputs; i++)
        snprintf(sources + strlen(sources), sizeof sources - strlen(sources), "%s%s", i ? ", " : "",
                 base_name(o->inputs[i]));
    char date[64] = "";
    if (p->latest_date > -100000)
        effekt_locale_format_date(p->loc, p->latest_date, date, sizeof date);
    ch->caption = o->caption ? o->caption
                             : say(p, EFFEKT_WORD_CAPTION, sources, *date ? say(p, EFFEKT_WORD_CAPTION_DATE, date) : "",
                                   PACKAGE_VERSION);
    return EXIT_OK;
}

struct cli_plot {
    plot p;
};

int cli_plot_prepare(int argc, char **argv, cli_plot **out, const effekt_chart **chart)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return EXIT_BAD;
    cli_options o;
    int rc = plot_prepare(argc, argv, &(*out)->p, &o);
    *chart = &(*out)->p.chart;
    return rc;
}

void cli_plot_free(cli_plot *cp)
{
    if (cp)
        plot_free(&cp->p);
    free(cp);
}

int cmd_plot(int argc, char **argv)
{
    plot p = { 0 };
    cli_options o;
    int rc = plot_prepare(argc, argv, &p, &o);
    if (rc == EXIT_OK) {
        effekt_chart_format fmt;
        effekt_chart_format_from_path(o.output, &fmt);
        effekt_chart_page page = { .width_mm = o.width_mm, .height_mm = o.height_mm, .dpi = o.dpi, .locale = p.loc };
        effekt_diag diag;
        effekt_diag_init(&diag);
        effekt_output out;
        effekt_status st = effekt_output_open(&out, o.output, (const char *const *)o.inputs, o.n_inputs, &diag);
        if (st == EFFEKT_OK) {
            st = effekt_chart_render(&p.chart, &page, fmt, out.stream, NULL, &diag);
            if (st == EFFEKT_OK)
                st = effekt_output_commit(&out, &diag);
            else
                effekt_output_abort(&out);
        }
        if (st != EFFEKT_OK && diag.n == 0)
            effekt_diag_add(&diag, EFFEKT_ERROR, o.output, 0, 0, NULL, NULL, "cannot write the chart: %s",
                            effekt_strerror(st));
        cli_report(&diag, 0);
        effekt_diag_free(&diag);
        rc = st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
    }
    plot_free(&p);
    return rc < 0 ? EXIT_OK : rc;
}
