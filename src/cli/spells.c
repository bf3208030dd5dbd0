/* Spells for retention and its chart: from start and end dates (censored
 * at a follow-up date) or from a time and an event column, grouped. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/date.h"

const effekt_column *cli_need_column(const effekt_table *t, const char *name, int date, int *rc)
{
    const effekt_column *c = effekt_table_column(t, name);
    if (!c)
        cli_error("%s: no column '%s'", t->source, name);
    else if (date && c->type != EFFEKT_TYPE_DATE && c->type != EFFEKT_TYPE_EMPTY)
        cli_error("%s: column '%s' is %s; expected dates", t->source, name, effekt_type_name(c->type));
    else if (!date && (!c->values || c->type == EFFEKT_TYPE_TEXT || c->type == EFFEKT_TYPE_DATE))
        cli_error("%s: column '%s' is %s; expected numbers", t->source, name, effekt_type_name(c->type));
    else
        return c;
    *rc = EXIT_BAD;
    return NULL;
}


int cli_spells_build(const cli_options *o, const effekt_table *t, const char *path, cli_spells *s)
{
    int rc = EXIT_OK;
    memset(s, 0, sizeof *s);
    const effekt_column *from = NULL, *to = NULL, *cens = NULL, *tc = NULL, *ec = NULL, *by = NULL;
    long cdate = 0;
    if (o->time_col) {
        tc = cli_need_column(t, o->time_col, 0, &rc);
        ec = o->event_col ? cli_need_column(t, o->event_col, 0, &rc) : NULL;
        if (!o->event_col) {
            cli_error("retention: --time needs --event");
            rc = EXIT_BAD;
        }
    } else {
        from = cli_need_column(t, o->from ? o->from : "placed_date", 1, &rc);
        to = cli_need_column(t, o->to ? o->to : "job_end_date", 1, &rc);
        if (o->censor_date) {
            if (effekt_date_parse(o->censor_date, strlen(o->censor_date), &cdate) != 0) {
                cli_error("retention: --censor-date expects a date such as 2022-12-31 (got '%s')", o->censor_date);
                rc = EXIT_BAD;
            }
        } else {
            cens = cli_need_column(t, o->censor ? o->censor : "followup_date", 1, &rc);
        }
    }
    if (o->by && !(by = effekt_table_column(t, o->by))) {
        cli_error("%s: --by: no column '%s'", path, o->by);
        rc = EXIT_BAD;
    }
    size_t n = t->n_rows;
    double *time = s->time = malloc((n ? n : 1) * sizeof *time);
    double *event = s->event = malloc((n ? n : 1) * sizeof *event);
    size_t *gid = s->gid = malloc((n ? n : 1) * sizeof *gid);
    key_map *map = &s->map;
    size_t m = 0, excluded = 0;
    if (!time || !event || !gid)
        rc = EXIT_BAD;
    for (size_t r = 0; r < n && rc == EXIT_OK; r++) {
        double tt, ee;
        size_t line = effekt_table_row_line(t, r);
        if (tc) {
            tt = tc->values[r];
            ee = ec->values[r];
            if (isnan(tt) || isnan(ee)) {
                excluded++;
                continue;
            }
            if (tt < 0 || (ee != 0 && ee != 1)) {
                int bad_time = tt < 0;
                cli_error("%s:%zu:%zu: error: %s %g in column '%s' (expected %s)", path, line,
                          bad_time ? tc->index : ec->index, bad_time ? "time" : "event", bad_time ? tt : ee,
                          bad_time ? tc->heading : ec->heading,
                          bad_time ? "a time of 0 or more" : "an event of 0 or 1");
                rc = EXIT_BAD;
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
                cli_error("%s:%zu:%zu: error: %s %s is before %s %s (expected a spell to end on or after its start)",
                          path, line, to->index, to->heading, de, from->heading, df);
                rc = EXIT_BAD;
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
                    cli_error("%s:%zu:%zu: error: %s %s is before %s %s (expected the follow-up on or after the start)",
                              path, line, cens->index, cens->heading, dc, from->heading, df);
                    rc = EXIT_BAD;
                    break;
                }
                tt = c - f;
                ee = 0;   /* still there at follow-up: censored */
            }
        }
        char key[1024] = "all";
        if (by)
            value_text(by, r, key, sizeof key);
        size_t id = key_map_id(map, key);
        if (id == (size_t)-1) {
            rc = EXIT_BAD;
            break;
        }
        time[m] = tt;
        event[m] = ee;
        gid[m] = id;
        m++;
    }
    s->m = m;
    s->excluded = excluded;
    return rc;
}

void cli_spells_free(cli_spells *s)
{
    free(s->time);
    free(s->event);
    free(s->gid);
    key_map_free(&s->map);
    memset(s, 0, sizeof *s);
}
