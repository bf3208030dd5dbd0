/* Spells of a participant table: from start and end dates (censored at a
 * follow-up date) or from a time and an event column, grouped. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/group.h"
#include "effekt/retention.h"
#include "effekt/date.h"
#include "lib_alloc.h"

void effekt_spells_destroy(effekt_spells *s)
{
    if (!s)
        return;
    for (size_t g = 0; g < s->n_groups; g++)
        free(s->labels[g]);
    free(s->labels);
    free(s->time);
    free(s->event);
    free(s->group);
    free(s->row);
    free(s);
}

/* A column of t holding dates (date 1) or numbers; NULL with a problem. */
static const effekt_column *need_column(const effekt_table *t, const char *name, int date, effekt_hint hint,
                                        effekt_diag *diag)
{
    const effekt_column *c = effekt_table_column(t, name);
    const char *problem = NULL;
    if (!c)
        problem = "no column";
    else if (date && c->type != EFFEKT_TYPE_DATE && c->type != EFFEKT_TYPE_EMPTY)
        problem = "dates";
    else if (!date && (!c->values || c->type == EFFEKT_TYPE_TEXT || c->type == EFFEKT_TYPE_DATE))
        problem = "numbers";
    else
        return c;
    if (diag) {
        if (!c)
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, name, NULL, "no column '%s'", name);
        else
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, name, NULL, "column '%s' is %s; expected %s",
                            name, effekt_type_name(c->type), problem);
        effekt_diag_hint(diag, hint);
    }
    return NULL;
}

/* A problem of one row's value (its line and field). */
static void row_problem(effekt_diag *diag, const effekt_table *t, size_t r, const effekt_column *c,
                        effekt_hint hint, const char *msg)
{
    if (!diag)
        return;
    effekt_diag_add(diag, EFFEKT_ERROR, t->source, effekt_table_row_line(t, r), c->index, c->heading, NULL, "%s", msg);
    effekt_diag_hint(diag, hint);
}

effekt_status effekt_spells_build(const effekt_table *t, const effekt_spells_options *o, effekt_spells **out,
                                  effekt_diag *diag)
{
    *out = NULL;
    effekt_status st = EFFEKT_OK;
    const effekt_column *from = NULL, *to = NULL, *cens = NULL, *tc = NULL, *ec = NULL;
    long cdate = 0;
    if (o->time || o->event) {
        if (!o->time || !o->event) {
            if (diag) {
                effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, NULL, NULL,
                                "a time column needs an event column and an event column a time column");
                effekt_diag_hint(diag, o->time ? EFFEKT_HINT_EVENT : EFFEKT_HINT_TIME);
            }
            return EFFEKT_EINVAL;
        }
        if (!(tc = need_column(t, o->time, 0, EFFEKT_HINT_TIME, diag)))
            st = EFFEKT_EINVAL;
        if (!(ec = need_column(t, o->event, 0, EFFEKT_HINT_EVENT, diag)))
            st = EFFEKT_EINVAL;
    } else {
        if (!(from = need_column(t, o->from ? o->from : "placed_date", 1, EFFEKT_HINT_FROM, diag)))
            st = EFFEKT_EINVAL;
        if (!(to = need_column(t, o->to ? o->to : "job_end_date", 1, EFFEKT_HINT_TO, diag)))
            st = EFFEKT_EINVAL;
        if (o->censor_date) {
            if (effekt_date_parse(o->censor_date, strlen(o->censor_date), &cdate) != 0) {
                if (diag) {
                    effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, NULL, o->censor_date,
                                    "'%s' is not a date (expected a date such as 2022-12-31)", o->censor_date);
                    effekt_diag_hint(diag, EFFEKT_HINT_CENSOR_DATE);
                }
                st = EFFEKT_EINVAL;
            }
        } else if (!(cens = need_column(t, o->censor ? o->censor : "followup_date", 1, EFFEKT_HINT_CENSOR, diag))) {
            st = EFFEKT_EINVAL;
        }
    }
    effekt_group *grp = NULL;
    effekt_status gs = effekt_group_create(t, &o->by, o->by ? 1 : 0, &grp, diag);
    if (gs == EFFEKT_EINVAL)
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
    if (st == EFFEKT_OK)
        st = gs;
    effekt_spells *s = st == EFFEKT_OK ? effekt_calloc(1, sizeof *s) : NULL;
    size_t n = t->n_rows;
    if (st == EFFEKT_OK && s) {
        s->time = effekt_malloc((n ? n : 1) * sizeof *s->time);
        s->event = effekt_malloc((n ? n : 1) * sizeof *s->event);
        s->group = effekt_malloc((n ? n : 1) * sizeof *s->group);
        s->row = effekt_malloc((n ? n : 1) * sizeof *s->row);
    }
    if (st == EFFEKT_OK && (!s || !s->time || !s->event || !s->group || !s->row))
        st = EFFEKT_ENOMEM;
    size_t m = 0, excluded = 0;
    for (size_t r = 0; r < n && st == EFFEKT_OK; r++) {
        double tt, ee;
        char msg[256];
        if (tc) {
            tt = tc->values[r];
            ee = ec->values[r];
            if (isnan(tt) || isnan(ee)) {
                excluded++;
                continue;
            }
            if (tt < 0) {
                snprintf(msg, sizeof msg, "time %g in column '%s' (expected a time of 0 or more)", tt, tc->heading);
                row_problem(diag, t, r, tc, EFFEKT_HINT_TIME, msg);
                st = EFFEKT_EVALUE;
                break;
            }
            if (ee != 0 && ee != 1) {
                snprintf(msg, sizeof msg, "event %g in column '%s' (expected an event of 0 or 1)", ee, ec->heading);
                row_problem(diag, t, r, ec, EFFEKT_HINT_EVENT, msg);
                st = EFFEKT_EVALUE;
                break;
            }
        } else {
            double f = from->values ? from->values[r] : NAN;
            if (isnan(f)) {
                excluded++;   /* no start: not in this analysis */
                continue;
            }
            double e = to->values ? to->values[r] : NAN;
            double c = cens ? (cens->values ? cens->values[r] : NAN) : (double)cdate;
            if (!isnan(e) && e < f) {
                char de[32], df[32];
                effekt_date_format((long)e, de);
                effekt_date_format((long)f, df);
                snprintf(msg, sizeof msg, "%s %s is before %s %s (expected a spell to end on or after its start)",
                         to->heading, de, from->heading, df);
                row_problem(diag, t, r, to, EFFEKT_HINT_TO, msg);
                st = EFFEKT_EVALUE;
                break;
            }
            if (isnan(e) && isnan(c)) {
                excluded++;   /* neither an end nor a follow-up: unknown */
                continue;
            }
            if (!isnan(e) && (isnan(c) || e <= c)) {
                tt = e - f;
                ee = 1;
            } else {
                if (c < f && !cens) {
                    excluded++;   /* starts after the common follow-up date: not observed */
                    continue;
                }
                if (c < f) {
                    char dc[32], df[32];
                    effekt_date_format((long)c, dc);
                    effekt_date_format((long)f, df);
                    snprintf(msg, sizeof msg,
                             "%s %s is before %s %s (expected the follow-up on or after the start)", cens->heading,
                             dc, from->heading, df);
                    row_problem(diag, t, r, cens, EFFEKT_HINT_CENSOR, msg);
                    st = EFFEKT_EVALUE;
                    break;
                }
                tt = c - f;
                ee = 0;   /* still there at follow-up: censored */
            }
        }
        size_t id;
        if ((st = effekt_group_add(grp, r, &id)) != EFFEKT_OK)
            break;
        s->time[m] = tt;
        s->event[m] = ee;
        s->group[m] = id;
        s->row[m] = r;
        m++;
    }
    if (st == EFFEKT_OK) {
        s->n = m;
        s->excluded = excluded;
        size_t k = effekt_group_count(grp);
        if (!(s->labels = effekt_calloc(k + 1, sizeof *s->labels)))
            st = EFFEKT_ENOMEM;
        for (size_t g = 0; st == EFFEKT_OK && g < k; g++, s->n_groups++)
            if (!(s->labels[g] = effekt_strdup(effekt_group_label(grp, g))))
                st = EFFEKT_ENOMEM;
    }
    effekt_group_destroy(grp);
    if (st != EFFEKT_OK) {
        effekt_spells_destroy(s);
        return st;
    }
    *out = s;
    return EFFEKT_OK;
}
