/* What the chart builders share: the chart being built, its words and
 * numbers in the locale, row labels, and the caption. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/build.h"
#include "lib_alloc.h"

effekt_status effekt_build_begin(effekt_build *b, effekt_chart_kind kind, const effekt_chart_options *opt)
{
    static const effekt_chart_options defaults = { 0 };
    b->opt = opt ? opt : &defaults;
    b->loc = b->opt->locale ? b->opt->locale : effekt_locale_at(0);
    b->confidence = b->opt->confidence > 0 ? b->opt->confidence : 0.95;
    return effekt_chart_create(kind, &b->chart);
}

effekt_status effekt_build_end(effekt_build *b, effekt_status st, effekt_chart **out)
{
    if (st == EFFEKT_OK)
        st = effekt_chart_status(b->chart);
    if (st != EFFEKT_OK) {
        effekt_chart_destroy(b->chart);
        b->chart = NULL;
    }
    *out = b->chart;
    return st;
}

const char *effekt_build_keep(effekt_build *b, const char *s)
{
    const char *k = effekt_chart_keep(b->chart, s);
    return k ? k : "";
}

const char *effekt_build_word(const effekt_build *b, effekt_text_word_id w)
{
    return effekt_text_word(b->loc, w);   /* static: nothing to keep */
}

const char *effekt_build_say_n(effekt_build *b, effekt_text_word_id w, size_t n, const char *const *args)
{
    char *s = effekt_text_compose(b->loc, w, n, args);
    const char *k = effekt_build_keep(b, s);   /* "" when s is NULL (out of memory) */
    free(s);
    return k;
}

const char *effekt_build_count(effekt_build *b, size_t n)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", n);
    return effekt_build_keep(b, buf);
}

const char *effekt_build_number(effekt_build *b, double v, int decimals)
{
    char buf[128];
    return effekt_build_keep(b, effekt_locale_format(b->loc, v, decimals, buf, sizeof buf));
}

const char *effekt_build_percent(effekt_build *b, double share)
{
    char buf[128];
    return effekt_build_keep(b, effekt_locale_format_percent(b->loc, share, -1, buf, sizeof buf));
}

const char *effekt_build_column(effekt_build *b, const char *column)
{
    /* kept: a column the words table does not know comes back as the
     * caller's own string, which the chart may not point at (#15) */
    return column ? effekt_build_keep(b, effekt_text_column(b->loc, column)) : "";
}

const char *effekt_build_row_label(effekt_build *b, const effekt_table *t, size_t r, effekt_diag *diag)
{
    const char *names[] = { b->opt->label, "name", "project_id", "owner" };
    for (size_t i = b->opt->label ? 0 : 1; i < 4; i++) {
        const effekt_column *c = effekt_table_column(t, names[i]);
        if (c && !effekt_column_missing(c, r)) {
            char buf[512];
            effekt_column_text(c, r, buf, sizeof buf);
            return effekt_build_keep(b, buf);
        }
        if (i == 0 && !c) {
            effekt_build_fail(diag, t->source, names[0], "no column '%s' for the row labels", names[0]);
            return NULL;
        }
    }
    char line[32];
    snprintf(line, sizeof line, "%zu", effekt_table_row_line(t, r));
    return effekt_build_say(b, EFFEKT_WORD_ROW, line);
}

effekt_chart_item *effekt_build_row_item(effekt_build *b, const effekt_table *t, size_t r, effekt_diag *diag,
                                         effekt_status *st)
{
    const char *label = effekt_build_row_label(b, t, r, diag);
    effekt_chart_item *it = label ? effekt_chart_add_item(b->chart) : NULL;
    if (!it) {
        *st = label ? EFFEKT_ENOMEM : EFFEKT_EINVAL;
        return NULL;
    }
    it->label = label;
    return it;
}

const char *effekt_build_currency(const effekt_table *t)
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

int effekt_build_significant(double v, int digits)
{
    if (v == 0 || !isfinite(v))
        return 0;
    int d = digits - 1 - (int)floor(log10(fabs(v)));
    return d < 0 ? 0 : d > 10 ? 10 : d;
}

/* The caption names the data and its date: the latest date in it, so
 * the same data gives the same chart on any day. */
effekt_status effekt_chart_caption(effekt_chart *chart, const effekt_table *const *tables, size_t n_tables,
                                   const char *const *sources, size_t n_sources, const char *version,
                                   const effekt_locale *locale)
{
    effekt_build b = { .chart = chart, .loc = locale ? locale : effekt_locale_at(0) };
    double latest = -INFINITY;
    for (size_t i = 0; i < n_tables; i++)
        for (size_t c = 0; c < tables[i]->n_columns; c++) {
            const effekt_column *col = &tables[i]->columns[c];
            if (col->type != EFFEKT_TYPE_DATE || !col->values)
                continue;
            for (size_t r = 0; r < tables[i]->n_rows; r++)
                if (!isnan(col->values[r]) && col->values[r] > latest)
                    latest = col->values[r];
        }
    char names[1024] = "";
    for (size_t i = 0; i < n_sources; i++) {
        const char *slash = strrchr(sources[i], '/');
        size_t len = strlen(names);
        snprintf(names + len, sizeof names - len, "%s%s", i ? ", " : "", slash ? slash + 1 : sources[i]);
    }
    char date[64] = "";
    if (isfinite(latest))
        effekt_locale_format_date(b.loc, (long)latest, date, sizeof date);
    chart->caption = effekt_build_say(&b, EFFEKT_WORD_CAPTION, names,
                                      *date ? effekt_build_say(&b, EFFEKT_WORD_CAPTION_DATE, date) : "",
                                      version ? version : PACKAGE_VERSION);
    return effekt_chart_status(chart);
}

effekt_status effekt_build_fail(effekt_diag *diag, const char *file, const char *column, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (diag)
        effekt_diag_add(diag, EFFEKT_ERROR, file, 0, 0, column, NULL, "%s", msg);
    return EFFEKT_EINVAL;
}
