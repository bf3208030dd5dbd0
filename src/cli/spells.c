/* Spells for the retention chart: the library's builder
 * (effekt_spells_build) with the command line's options and words. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "effekt/retention.h"

void cli_spells_options(const cli_options *o, effekt_spells_options *so)
{
    *so = (effekt_spells_options){ .by = o->by, .from = o->from, .to = o->to, .censor = o->censor,
                                   .censor_date = o->censor_date, .time = o->time_col,
                                   .event = o->time_col ? o->event_col : NULL };
}

void cli_analysis_problems(const char *path, const effekt_diag *diag)
{
    for (size_t i = 0; i < diag->n; i++) {
        const effekt_problem *p = &diag->items[i];
        if (p->severity != EFFEKT_ERROR)
            continue;
        cli_say_problem(path, p);
    }
}

int cli_spells_build(const cli_options *o, const effekt_table *t, const char *path, cli_spells *s)
{
    memset(s, 0, sizeof *s);
    effekt_spells_options so;
    cli_spells_options(o, &so);
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_spells *sp = NULL;
    effekt_status st = effekt_spells_build(t, &so, &sp, &diag);
    cli_analysis_problems(path, &diag);
    effekt_diag_free(&diag);
    if (st != EFFEKT_OK)
        return EXIT_BAD;
    /* the arrays change hands; the group names go where the chart reads them */
    s->time = sp->time;
    s->event = sp->event;
    s->gid = sp->group;
    s->m = sp->n;
    s->excluded = sp->excluded;
    sp->time = sp->event = NULL;
    sp->group = NULL;
    int rc = EXIT_OK;
    for (size_t g = 0; g < sp->n_groups; g++)
        if (key_map_id(&s->map, sp->labels[g]) != g)
            rc = EXIT_BAD;
    effekt_spells_destroy(sp);
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
