/* A report run: each input loaded once, the KPIs, the analyses and the
 * charts computed by the library's calls on those tables, results.json
 * assembled, the document built and every file of the report made in
 * memory.  Nothing is written here (write.c does that, all or nothing).
 * A problem of an analysis or chart is said in the spec's words: its
 * JSON path and key ("analyses[0].by: no column 'x' in p.csv"). */
#define _GNU_SOURCE
#include "config.h"

#include "lib_json.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/compare.h"
#include "effekt/csv.h"
#include "effekt/group.h"
#include "effekt/kpi.h"
#include "effekt/output.h"
#include "effekt/retention.h"
#include "effekt/text.h"
#include "effekt/date.h"
#include "../output/json_figure.h"
#include "report_int.h"

typedef struct {
    const effekt_report_spec *spec;
    effekt_table **tables;   /* by input, in the spec's order */
    effekt_diag *diag;
} run_ctx;

effekt_status effekt_report_add_file(effekt_report *r, const char *path, char *data, size_t len)
{
    char *p = data ? effekt_malloc(strlen(path) + 1) : NULL;
    if (p && r->n_files == r->cap_files) {
        size_t cap = r->cap_files ? 2 * r->cap_files : 32;
        report_file *nf = effekt_realloc(r->files, cap * sizeof *nf);
        if (!nf) {
            free(p);
            p = NULL;
        } else {
            r->files = nf;
            r->cap_files = cap;
        }
    }
    if (!p) {
        free(data);
        return EFFEKT_ENOMEM;
    }
    strcpy(p, path);
    r->files[r->n_files++] = (report_file){ .path = p, .data = data, .len = len };
    return EFFEKT_OK;
}

static effekt_status add_json(effekt_report *r, const char *path, const cJSON *doc)
{
    char *text = effekt_cjson_print(doc, 1);
    if (!text)
        return EFFEKT_ENOMEM;
    size_t len = strlen(text);
    char *nt = effekt_realloc(text, len + 2);
    if (!nt) {
        free(text);
        return EFFEKT_ENOMEM;
    }
    nt[len] = '\n';
    nt[len + 1] = '\0';
    return effekt_report_add_file(r, path, nt, len + 1);
}

static size_t input_index(const effekt_report_spec *s, const char *name)
{
    for (size_t i = 0; i < s->n_inputs; i++)
        if (strcmp(s->input_names[i], name) == 0)
            return i;
    return 0;   /* the spec check made sure it is there */
}

/* ---- inputs: read once, with the spec's reading options ---- */

static effekt_status load_input(run_ctx *c, size_t i, const cJSON *in, cJSON *r_inputs, effekt_report *rep)
{
    const effekt_report_spec *s = c->spec;
    char path[64];
    snprintf(path, sizeof path, "inputs.%.40s", s->input_names[i]);
    effekt_csv_options o = { .sha256 = 1 };
    const char *d = effekt_report_str(in, "delimiter");
    if (d) {
        if (strcmp(d, "tab") == 0 || strcmp(d, "\t") == 0)
            o.delimiter = '\t';
        else if (strlen(d) == 1 && strchr(",;|", d[0]))
            o.delimiter = d[0];
        else
            return effekt_diag_add(c->diag, EFFEKT_ERROR, s->path, 0, 0, NULL, NULL,
                                   "%s.delimiter: '%s' (expected ',', ';', '|' or 'tab')", path, d), EFFEKT_EINVAL;
    }
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(in, "decimal_comma")))
        o.decimal_mark = ',';
    const char *enc = effekt_report_str(in, "encoding");
    if (enc && effekt_csv_encoding_parse(enc, &o.encoding) != EFFEKT_OK)
        return effekt_diag_add(c->diag, EFFEKT_ERROR, s->path, 0, 0, NULL, NULL,
                               "%s.encoding: unknown encoding '%s' (expected utf-8, windows-1252, latin1, utf-16le "
                               "or utf-16be)", path, enc), EFFEKT_EINVAL;
    const cJSON *map = cJSON_GetObjectItemCaseSensitive(in, "map");
    const cJSON *na = cJSON_GetObjectItemCaseSensitive(in, "na");
    size_t n_map = (size_t)cJSON_GetArraySize(map), n_na = (size_t)cJSON_GetArraySize(na);
    effekt_csv_mapping *maps = effekt_calloc(n_map + 1, sizeof *maps);
    const char **tokens = effekt_calloc(n_na + 1, sizeof *tokens);
    effekt_status st = maps && tokens ? EFFEKT_OK : EFFEKT_ENOMEM;
    size_t k = 0;
    for (const cJSON *m = map ? map->child : NULL; m && st == EFFEKT_OK; m = m->next, k++) {
        maps[k] = (effekt_csv_mapping){ .canonical = m->string, .heading = m->valuestring };
        char probe[512];
        snprintf(probe, sizeof probe, "%s=x", m->string);
        effekt_csv_mapping check;
        if (effekt_csv_mapping_parse(probe, &check) != EFFEKT_OK) {
            effekt_diag_add(c->diag, EFFEKT_ERROR, s->path, 0, 0, NULL, NULL, "%s.map.%s: not a canonical column name",
                            path, m->string);
            st = EFFEKT_EINVAL;
        }
    }
    k = 0;
    for (const cJSON *t = na ? na->child : NULL; t; t = t->next)
        tokens[k++] = t->valuestring;
    if (st == EFFEKT_OK) {
        o.map = maps;
        o.n_map = n_map;
        if (n_na) {
            o.na_tokens = tokens;
            o.n_na_tokens = n_na;
        }
        size_t from = c->diag->n;
        st = effekt_csv_load_file(s->input_paths[i], &o, &c->tables[i], c->diag);
        cJSON *read = effekt_json_cjson(effekt_json_validation(s->input_paths[i], c->tables[i], st, c->diag, from, 0));
        cJSON *doc = cJSON_CreateObject(), *files = cJSON_AddArrayToObject(doc, "files");
        cJSON_AddItemToArray(files, cJSON_Duplicate(read, 1));
        if (st == EFFEKT_OK)
            st = add_json(rep, s->files[i], doc);
        cJSON_Delete(doc);
        cJSON *hex = cJSON_DetachItemFromObjectCaseSensitive(read, "sha256");
        cJSON *entry = cJSON_CreateObject();
        cJSON_AddStringToObject(entry, "name", s->input_names[i]);
        cJSON_AddStringToObject(entry, "file", effekt_report_str(in, "file"));
        if (hex)
            cJSON_AddItemToObject(entry, "sha256", hex);
        else
            cJSON_AddNullToObject(entry, "sha256");
        cJSON_AddItemToObject(entry, "read", read);
        cJSON_AddItemToArray(r_inputs, entry);
    }
    free(maps);
    free(tokens);
    return st;
}

/* ---- names in the spec that the loaded inputs must have ---- */

/* 1 when the table holds people, not projects: a participant id, or the
 * dates of a person's spell. */
static int participant_level(const effekt_table *t)
{
    static const char *const person[] = { "participant_id", "enrolled_date", "placed_date", "days_to_job" };
    for (size_t k = 0; k < t->n_columns; k++)
        for (size_t j = 0; j < sizeof person / sizeof *person; j++)
            if (t->columns[k].canonical && strcmp(t->columns[k].canonical, person[j]) == 0)
                return 1;
    return 0;
}

static int check_level(run_ctx *c, const char *key, const char *input, int want_people)
{
    if (!input)
        return 0;
    size_t i = input_index(c->spec, input);
    int people = participant_level(c->tables[i]);
    if (people == want_people)
        return 0;
    if (people)
        effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL,
                        "%s: input '%s' (%s) holds participants (one row per person); expected a project-level file "
                        "(one row per project)", key, input, c->spec->input_paths[i]);
    else
        effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL,
                        "%s: input '%s' (%s) holds projects (one row per project); expected a participant-level file "
                        "(one row per person, with participant_id or enrolled_date)", key, input,
                        c->spec->input_paths[i]);
    return 1;
}

static int check_column(run_ctx *c, const char *where, const char *key, const cJSON *o)
{
    const char *name = effekt_report_str(o, key);
    const effekt_table *t = c->tables[input_index(c->spec, effekt_report_str(o, "input"))];
    if (!name || effekt_table_column(t, name))
        return 0;
    effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL, "%s.%s: no column '%s' in %s", where, key,
                    name, c->spec->input_paths[input_index(c->spec, effekt_report_str(o, "input"))]);
    return 1;
}

/* Every name of a column or a level the spec uses, checked against the
 * loaded inputs before anything runs: each mistake by its JSON path. */
static effekt_status check_names(run_ctx *c)
{
    const cJSON *root = c->spec->root;
    int bad = 0;
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(root, "kpis");
    if (k)
        bad |= check_level(c, "kpis.input", effekt_report_str(k, "input"), 0);
    bad |= check_level(c, "comparison", effekt_report_str(root, "comparison"), 0);
    bad |= check_level(c, "participants", effekt_report_str(root, "participants"), 1);
    bad |= check_level(c, "fair_comparison.input",
                       effekt_report_str(cJSON_GetObjectItemCaseSensitive(root, "fair_comparison"), "input"), 1);
    bad |= effekt_report_fair_check(c->spec, c->tables, c->diag);
    const char *logo = effekt_report_str(root, "logo");
    if (logo) {
        /* the cover's image, relative to the spec like the inputs */
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", c->spec->dir, logo);
        FILE *f = fopen(logo[0] == '/' ? logo : path, "rb");
        unsigned char magic[8] = { 0 };
        int png = f && fread(magic, 1, 8, f) == 8 && memcmp(magic, "\x89PNG\r\n\x1a\n", 8) == 0;
        if (f)
            fclose(f);
        if (!png) {
            effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL,
                            "logo: %s is %s (expected a PNG file)", logo[0] == '/' ? logo : path,
                            f ? "not a PNG file" : "not there or not readable");
            bad = 1;
        }
    }
    const char *project = effekt_report_str(root, "project");
    if (project && k) {
        size_t i = input_index(c->spec, effekt_report_str(k, "input"));
        const effekt_column *id = effekt_table_column(c->tables[i], "project_id");
        int found = 0;
        for (size_t r = 0; id && id->text && r < c->tables[i]->n_rows && !found; r++)
            found = id->text[r] && strcmp(id->text[r], project) == 0;
        if (!found) {
            effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL,
                            "project: no project '%s' in %s (expected a value of its project_id column)", project,
                            c->spec->input_paths[i]);
            bad = 1;
        }
    } else if (project) {
        effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL,
                        "project: needs kpis.input, the project-level file that holds it");
        bad = 1;
    }
    static const char *const keys[] = { "by", "outcome", "value", "from", "to", "x", "y" };
    const char *lists[] = { "analyses", "charts" };
    for (size_t l = 0; l < 2; l++) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, lists[l]);
        size_t i = 0;
        for (const cJSON *e = a ? a->child : NULL; e; e = e->next, i++) {
            char where[64];
            snprintf(where, sizeof where, "%s[%zu]", lists[l], i);
            for (size_t j = 0; j < sizeof keys / sizeof *keys; j++)
                bad |= check_column(c, where, keys[j], e);
            const cJSON *cols = cJSON_GetObjectItemCaseSensitive(e, "columns");
            size_t j = 0;
            const effekt_table *t = c->tables[input_index(c->spec, effekt_report_str(e, "input"))];
            for (const cJSON *col = cols ? cols->child : NULL; col; col = col->next, j++)
                if (!effekt_table_column(t, col->valuestring)) {
                    effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL,
                                    "%s.columns[%zu]: no column '%s' in %s", where, j, col->valuestring,
                                    c->spec->input_paths[input_index(c->spec, effekt_report_str(e, "input"))]);
                    bad = 1;
                }
        }
    }
    return bad ? EFFEKT_EINVAL : EFFEKT_OK;
}

/* ---- problems in the spec's words ---- */

/* The spec key of a problem's role. */
static const char *hint_key(effekt_hint h)
{
    switch (h) {
    case EFFEKT_HINT_BY: return "by";
    case EFFEKT_HINT_OUTCOME: return "outcome";
    case EFFEKT_HINT_VALUE: return "value";
    case EFFEKT_HINT_FROM: return "from";
    case EFFEKT_HINT_TO: return "to";
    default: return NULL;
    }
}

/* Move the problems of one part (its JSON path in where) from part into
 * the report's diag: a problem with a line keeps its place in the data;
 * one without names the spec's path and key and the file. */
static void say(run_ctx *c, const char *where, const char *file, const effekt_diag *part)
{
    for (size_t i = 0; i < part->n; i++) {
        const effekt_diag_problem *p = &part->items[i];
        if (p->line) {
            effekt_diag_add(c->diag, p->severity, p->file, p->line, p->column, p->column_name, p->value, "%s: %s", where,
                            p->message);
        } else if (p->severity == EFFEKT_ERROR) {
            const char *key = hint_key(p->hint);
            effekt_diag_add(c->diag, p->severity, c->spec->path, 0, 0, p->column_name, p->value, "%s%s%s: %s in %s",
                            where, key ? "." : "", key ? key : "", p->message, file);
        } else {
            effekt_diag_add(c->diag, p->severity, file, 0, 0, p->column_name, p->value, "%s: %s", where, p->message);
        }
    }
}

/* ---- KPIs ---- */

static effekt_status run_kpis(run_ctx *c, const cJSON *kspec, cJSON **out)
{
    size_t i = input_index(c->spec, effekt_report_str(kspec, "input"));
    const effekt_table *t = c->tables[i];
    const char *path = c->spec->input_paths[i];
    size_t known = 0;
    for (size_t k = 0; k < t->n_columns; k++)
        known += t->columns[k].canonical != NULL;
    if (!known) {
        effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL,
                        "kpis.input: no column that the KPIs know in %s (expected project-level columns such as "
                        "project_id, total_cost, participants, jobs_created)", path);
        return EFFEKT_EINVAL;
    }
    effekt_diag part;
    effekt_diag_init(&part);
    effekt_kpi_options ko = { .confidence = c->spec->confidence };
    effekt_kpi_sheet *sheet = NULL;
    effekt_status st = effekt_kpi_compute(t, &ko, &sheet, &part);
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddNumberToObject(doc, "confidence", c->spec->confidence);
    cJSON *ins = cJSON_AddArrayToObject(doc, "inputs"), *warn = cJSON_AddArrayToObject(doc, "warnings");
    for (size_t k = 0; k < part.n; k++) {
        cJSON *w = cJSON_CreateObject();
        cJSON_AddStringToObject(w, "file", path);
        cJSON_AddNumberToObject(w, "line", (double)part.items[k].line);
        cJSON_AddStringToObject(w, "message", part.items[k].message);
        cJSON_AddItemToArray(warn, w);
        const effekt_diag_problem *p = &part.items[k];
        effekt_diag_add(c->diag, p->severity, p->file, p->line, p->column, p->column_name, p->value, "%s", p->message);
    }
    effekt_diag_clear(&part);
    if (st != EFFEKT_OK) {
        effekt_kpi_sheet_destroy(sheet);
        cJSON_Delete(doc);
        effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL, "kpis: %s: %s", path,
                        effekt_status_message(st));
        return st;
    }
    cJSON *in = cJSON_CreateObject();
    cJSON_AddStringToObject(in, "file", path);
    cJSON_AddNumberToObject(in, "rows", (double)t->n_rows);
    if (effekt_table_sha256(t))
        cJSON_AddStringToObject(in, "sha256", effekt_table_sha256(t));
    else
        cJSON_AddNullToObject(in, "sha256");
    cJSON_AddItemToArray(ins, in);
    const effekt_kpi_def *defs = effekt_kpi_definitions();
    const effekt_column *cur = effekt_table_column(t, "currency");
    cJSON *projects = cJSON_AddArrayToObject(doc, "projects");
    for (size_t p = 0; p < sheet->n_projects; p++) {
        cJSON *row = cJSON_CreateObject();
        cJSON_AddStringToObject(row, "project", sheet->project[p]);
        if (sheet->name[p])
            cJSON_AddStringToObject(row, "name", sheet->name[p]);
        else
            cJSON_AddNullToObject(row, "name");
        cJSON_AddNumberToObject(row, "line", (double)sheet->line[p]);
        if (cur && cur->type == EFFEKT_TYPE_TEXT && cur->text[p])
            cJSON_AddStringToObject(row, "currency", cur->text[p]);
        else
            cJSON_AddNullToObject(row, "currency");
        for (size_t k = 0; k < sheet->n_kpis; k++) {
            const effekt_kpi_value f_v = effekt_kpi_figure(sheet, p, k), *f = &f_v;
            cJSON_AddItemToObject(row, defs[k].name, effekt_cjson_figure_of(f->value, f->lower, f->upper, f->reason));
        }
        cJSON_AddItemToArray(projects, row);
    }
    effekt_kpi_sheet_destroy(sheet);
    *out = doc;
    return EFFEKT_OK;
}

/* ---- analyses ---- */

static effekt_status run_analysis(run_ctx *c, size_t ai, const cJSON *an, cJSON **out)
{
    char where[64];
    snprintf(where, sizeof where, "analyses[%zu]", ai);
    size_t i = input_index(c->spec, effekt_report_str(an, "input"));
    const effekt_table *t = c->tables[i];
    const char *path = c->spec->input_paths[i], *type = effekt_report_str(an, "type"), *by = effekt_report_str(an, "by");
    const char *outcome = effekt_report_str(an, "outcome"), *value = effekt_report_str(an, "value");
    double conf = c->spec->confidence;
    effekt_diag part;
    effekt_diag_init(&part);
    cJSON *doc = cJSON_CreateObject();
    effekt_status st;
    if (strcmp(type, "describe") == 0) {
        const cJSON *cols = cJSON_GetObjectItemCaseSensitive(an, "columns");
        size_t n = (size_t)cJSON_GetArraySize(cols), k = 0;
        const char **names = effekt_calloc(n + 1, sizeof *names);
        for (const cJSON *e = cols ? cols->child : NULL; names && e; e = e->next)
            names[k++] = e->valuestring;
        st = names ? effekt_report_describe(t, names, n, by, conf, cJSON_AddArrayToObject(doc, "statistics"), &part)
                   : EFFEKT_ENOMEM;
        free(names);
        cJSON_AddNumberToObject(doc, "confidence", conf);
        cJSON_AddNumberToObject(doc, "quantile_type", 7);
    } else if (strcmp(type, "compare") == 0) {
        if (!by || !outcome == !value) {
            effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL,
                            "%s: a comparison needs \"by\" and either \"outcome\" or \"value\"", where);
            cJSON_Delete(doc);
            return EFFEKT_EINVAL;
        }
        effekt_compare_options co;
        effekt_compare_options_init(&co, outcome ? EFFEKT_COMPARE_RATES : EFFEKT_COMPARE_VALUES);
        co.by = by;
        co.outcome = outcome;
        co.value = value;
        co.confidence = conf;
        co.pairwise_limit = EFFEKT_COMPARE_PAIRWISE_DEFAULT;
        effekt_compare_json_head(&co, effekt_json_of(doc));
        effekt_compare_result *r = NULL;
        st = effekt_compare_run(t, &co, &r, &part);
        if (st == EFFEKT_OK)
            st = effekt_compare_json(r, NULL, path, effekt_json_of(doc));
        effekt_compare_result_destroy(r);
    } else {
        effekt_retention_options ro;
        effekt_retention_options_init(&ro);
        ro.spells.by = by;
        ro.spells.from = effekt_report_str(an, "from");
        ro.spells.to = effekt_report_str(an, "to");
        ro.confidence = conf;
        const cJSON *at = cJSON_GetObjectItemCaseSensitive(an, "at");
        size_t n_at = (size_t)cJSON_GetArraySize(at), k = 0;
        double *days = effekt_calloc(n_at + 1, sizeof *days);
        for (const cJSON *e = at ? at->child : NULL; days && e; e = e->next)
            days[k++] = e->valuedouble;
        ro.at = days;
        ro.n_at = n_at;
        effekt_retention_json_head(&ro, effekt_json_of(doc));
        effekt_retention_result *r = NULL;
        st = days ? effekt_retention_run(t, &ro, &r, &part) : EFFEKT_ENOMEM;
        if (st == EFFEKT_OK)
            st = effekt_retention_json(r, path, effekt_json_of(doc));
        effekt_retention_result_destroy(r);
        free(days);
    }
    say(c, where, path, &part);
    if (st != EFFEKT_OK && !part.n_by_severity[EFFEKT_ERROR])
        effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL, "%s: %s", where, effekt_status_message(st));
    effekt_diag_clear(&part);
    if (st != EFFEKT_OK) {
        cJSON_Delete(doc);
        return st;
    }
    *out = doc;
    return EFFEKT_OK;
}

/* ---- charts: the library's builders on the loaded tables ---- */

/* Events and trials of an outcome per group, rows without an outcome
 * left out (and so out of the groups). */
static effekt_status chart_rates(const effekt_table *t, const cJSON *ch, effekt_chart_kind kind,
                                 const effekt_chart_options *co, effekt_chart **out, effekt_diag *diag)
{
    const char *by = effekt_report_str(ch, "by"), *outcome = effekt_report_str(ch, "outcome");
    if (!by || !outcome)
        return effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "a %s of rates needs \"outcome\" and \"by\"",
                               effekt_chart_kind_name(kind)), EFFEKT_EINVAL;
    const effekt_column *oc = effekt_table_column(t, outcome);
    if (!oc) {
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, outcome, NULL, "no column '%s'", outcome);
        effekt_diag_hint(diag, EFFEKT_HINT_OUTCOME);
        return EFFEKT_EINVAL;
    }
    int dated = oc->type == EFFEKT_TYPE_DATE;
    if (!dated && oc->type != EFFEKT_TYPE_BOOLEAN && oc->type != EFFEKT_TYPE_INTEGER) {
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, outcome, NULL,
                        "column '%s' is %s; an outcome is 0/1, yes/no, or a date", oc->heading, effekt_type_name(oc->type));
        effekt_diag_hint(diag, EFFEKT_HINT_OUTCOME);
        return EFFEKT_EINVAL;
    }
    effekt_group *g = NULL;
    effekt_status st = effekt_group_create(t, &by, 1, &g, diag);
    if (st != EFFEKT_OK) {
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
        return st;
    }
    double *x = effekt_calloc(t->n_rows + 1, sizeof *x), *n = effekt_calloc(t->n_rows + 1, sizeof *n);
    st = x && n ? EFFEKT_OK : EFFEKT_ENOMEM;
    for (size_t r = 0; r < t->n_rows && st == EFFEKT_OK; r++) {
        double v = dated ? !effekt_column_missing(oc, r) : oc->values[r];
        if (isnan(v))
            continue;
        if (v != 0 && v != 1) {
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, effekt_table_row_line(t, r), oc->index, oc->heading, NULL,
                            "outcome %g in column '%s' (expected 0 or 1)", v, oc->heading);
            st = EFFEKT_EVALUE;
            break;
        }
        size_t id;
        st = effekt_group_add(g, r, &id);
        if (st == EFFEKT_OK) {
            x[id] += v;
            n[id] += 1;
        }
    }
    size_t k = effekt_group_count(g);
    const char **labels = effekt_calloc(k + 1, sizeof *labels);
    if (st == EFFEKT_OK && !labels)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        for (size_t j = 0; j < k; j++)
            labels[j] = effekt_group_label(g, j);
        effekt_chart_rates in = { .outcome = outcome, .by = by, .n_groups = k, .labels = labels, .events = x, .trials = n };
        st = effekt_chart_build_rates(kind, &in, co, out, diag);
    }
    free(labels);
    free(x);
    free(n);
    effekt_group_destroy(g);
    return st;
}

/* Values (missing left out and counted) by group, for box and hist. */
static effekt_status chart_values(const effekt_table *t, const cJSON *ch, effekt_chart_kind kind,
                                  const effekt_chart_options *co, effekt_chart **out, effekt_diag *diag)
{
    const char *value = effekt_report_str(ch, "value"), *by = effekt_report_str(ch, "by"), *bins = effekt_report_str(ch, "bins");
    if (!value)
        return effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "a %s needs \"value\"",
                               effekt_chart_kind_name(kind)), EFFEKT_EINVAL;
    effekt_histogram_rule rule = EFFEKT_HISTOGRAM_STURGES;
    if (bins && effekt_histogram_rule_parse(bins, &rule) != EFFEKT_OK)
        return effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                               "bins: expected sturges, scott or fd (got '%s')", bins), EFFEKT_EINVAL;
    const effekt_column *vc = effekt_table_column(t, value);
    if (!vc || !vc->values || vc->type == EFFEKT_TYPE_TEXT) {
        if (vc)
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, value, NULL, "column '%s' is %s; expected numbers",
                            value, effekt_type_name(vc->type));
        else
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, value, NULL, "no column '%s'", value);
        effekt_diag_hint(diag, EFFEKT_HINT_VALUE);
        return EFFEKT_EINVAL;
    }
    effekt_group *g = NULL;
    effekt_status st = effekt_group_create(t, by ? &by : NULL, by ? 1 : 0, &g, diag);
    if (st != EFFEKT_OK) {
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
        return st;
    }
    double *v = effekt_malloc((t->n_rows + 1) * sizeof *v);
    size_t *gid = effekt_malloc((t->n_rows + 1) * sizeof *gid), n = 0, missing = 0;
    st = v && gid ? EFFEKT_OK : EFFEKT_ENOMEM;
    for (size_t r = 0; r < t->n_rows && st == EFFEKT_OK; r++) {
        if (isnan(vc->values[r])) {
            missing++;
            continue;
        }
        st = effekt_group_add(g, r, &gid[n]);
        v[n++] = vc->values[r];
    }
    size_t k = effekt_group_count(g);
    const char **labels = effekt_calloc(k + 1, sizeof *labels);
    if (st == EFFEKT_OK && !labels)
        st = EFFEKT_ENOMEM;
    if (st == EFFEKT_OK && kind == EFFEKT_CHART_BOX && k > 500) {
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, 0, 0, by, NULL,
                        "%zu groups in column '%s'; a box plot has a row per group and room for at most 500", k, by);
        effekt_diag_hint(diag, EFFEKT_HINT_BY);
        st = EFFEKT_EINVAL;
    }
    if (st == EFFEKT_OK) {
        for (size_t j = 0; j < k; j++)
            labels[j] = effekt_group_label(g, j);
        effekt_chart_values in = { .value = value, .by = by, .n = n, .values = v, .group = gid, .n_groups = k,
                                   .labels = labels, .missing = missing };
        st = kind == EFFEKT_CHART_BOX ? effekt_chart_build_box(&in, co, out, diag)
                                      : effekt_chart_build_hist(&in, rule, co, out, diag);
    }
    free(labels);
    free(v);
    free(gid);
    effekt_group_destroy(g);
    return st;
}

static effekt_status chart_km(const effekt_table *t, const cJSON *ch, const effekt_chart_options *co,
                              effekt_chart **out, effekt_diag *diag)
{
    effekt_spells_options so = { .by = effekt_report_str(ch, "by"), .from = effekt_report_str(ch, "from"), .to = effekt_report_str(ch, "to") };
    effekt_spells *sp = NULL;
    effekt_status st = effekt_spells_build(t, &so, &sp, diag);
    if (st == EFFEKT_OK) {
        effekt_chart_spells in = { .by = so.by, .time_to_job = so.to && strcmp(so.to, "placed_date") == 0,
                                   .n = sp->n, .time = sp->time, .event = sp->event, .group = sp->group,
                                   .n_groups = sp->n_groups, .labels = (const char *const *)sp->labels,
                                   .conf_type = (int)EFFEKT_CONF_LOG };
        st = effekt_chart_build_km(&in, co, out, diag);
    }
    effekt_spells_destroy(sp);
    return st;
}

static effekt_status build_chart(const effekt_table *t, const cJSON *ch, const effekt_chart_options *co,
                                 effekt_chart **out, effekt_diag *diag)
{
    effekt_chart_kind kind;
    effekt_chart_kind_parse(effekt_report_str(ch, "kind"), &kind);   /* checked with the spec */
    const effekt_table *const tables[] = { t };
    const cJSON *ref = cJSON_GetObjectItemCaseSensitive(ch, "reference");
    int pooled = cJSON_IsString(ref) && strcmp(ref->valuestring, "pooled") == 0;
    if (cJSON_IsString(ref) && !pooled)
        return effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL,
                               "reference: expected a number or 'pooled' (got '%s')", ref->valuestring), EFFEKT_EINVAL;
    const char *kpi = effekt_report_str(ch, "kpi");
    switch (kind) {
    case EFFEKT_CHART_BAR:
        return effekt_chart_build_kpi(kind, tables, 1, kpi, pooled, co, out, diag);
    case EFFEKT_CHART_FOREST:
        return effekt_report_str(ch, "outcome") ? chart_rates(t, ch, kind, co, out, diag)
                                         : effekt_chart_build_kpi(kind, tables, 1, kpi, pooled, co, out, diag);
    case EFFEKT_CHART_FUNNEL:
        return chart_rates(t, ch, kind, co, out, diag);
    case EFFEKT_CHART_STACKED:
        return effekt_chart_build_funding(tables, 1, 0, co, out, diag);
    case EFFEKT_CHART_TIMELINE:
        return effekt_chart_build_periods(tables, 1, co, out, diag);
    case EFFEKT_CHART_BOX:
    case EFFEKT_CHART_HIST:
        return chart_values(t, ch, kind, co, out, diag);
    case EFFEKT_CHART_SCATTER:
        if (!effekt_report_str(ch, "x") || !effekt_report_str(ch, "y"))
            return effekt_diag_add(diag, EFFEKT_ERROR, NULL, 0, 0, NULL, NULL, "a scatter needs \"x\" and \"y\""),
                   EFFEKT_EINVAL;
        return effekt_chart_build_scatter(tables, 1, effekt_report_str(ch, "x"), effekt_report_str(ch, "y"), co, out, diag);
    case EFFEKT_CHART_KM:
        return chart_km(t, ch, co, out, diag);
    }
    return EFFEKT_EINVAL;
}

static effekt_status render(effekt_report *rep, const effekt_chart *chart, const effekt_locale *loc,
                            effekt_chart_format fmt, const char *path, effekt_diag *diag)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    if (!f)
        return EFFEKT_ENOMEM;
    effekt_chart_page page = { .locale = loc };
    effekt_status st = effekt_chart_render(chart, &page, fmt, f, NULL, diag);
    if (fclose(f) != 0 && st == EFFEKT_OK)
        st = EFFEKT_ENOMEM;
    if (st != EFFEKT_OK) {
        free(data);
        return st;
    }
    return effekt_report_add_file(rep, path, data, len);
}

effekt_status effekt_report_chart(const effekt_table *t, const char *path, const cJSON *ch, const effekt_locale *loc,
                                  double confidence, effekt_chart **out, effekt_diag *diag)
{
    effekt_chart_options co = { .locale = loc, .confidence = confidence };
    *out = NULL;
    effekt_status st = build_chart(t, ch, &co, out, diag);
    if (st == EFFEKT_OK)
        st = effekt_chart_caption(*out, &t, 1, &path, 1, PACKAGE_VERSION, loc);
    if (st == EFFEKT_OK)
        st = effekt_chart_status(*out);
    if (st != EFFEKT_OK) {
        effekt_chart_destroy(*out);
        *out = NULL;
    }
    return st;
}

effekt_status effekt_report_render_chart(effekt_report *rep, const effekt_chart *chart, const effekt_locale *loc,
                                         const char *name, effekt_diag *diag)
{
    char png[600], svg[600];
    snprintf(png, sizeof png, "charts/%s.png", name);
    snprintf(svg, sizeof svg, "charts/%s.svg", name);
    effekt_status st = render(rep, chart, loc, EFFEKT_CHART_PNG, png, diag);
    if (st == EFFEKT_OK)
        st = render(rep, chart, loc, EFFEKT_CHART_SVG, svg, diag);
    return st;
}

static effekt_status run_chart(run_ctx *c, size_t ci, const cJSON *ch, effekt_report *rep, effekt_chart **out)
{
    char where[64];
    snprintf(where, sizeof where, "charts[%zu]", ci);
    size_t i = input_index(c->spec, effekt_report_str(ch, "input"));
    const effekt_table *t = c->tables[i];
    const char *path = c->spec->input_paths[i];
    const effekt_locale *loc = effekt_locale_find(c->spec->locale);
    effekt_chart_options co = { .locale = loc, .confidence = c->spec->confidence };
    effekt_diag part;
    effekt_diag_init(&part);
    effekt_chart *chart = NULL;
    effekt_status st = build_chart(t, ch, &co, &chart, &part);
    if (st == EFFEKT_OK)
        st = effekt_chart_caption(chart, &t, 1, &path, 1, PACKAGE_VERSION, loc);
    if (st == EFFEKT_OK) {
        const cJSON *ref = cJSON_GetObjectItemCaseSensitive(ch, "reference");
        if (cJSON_IsNumber(ref))
            chart->reference = ref->valuedouble;
        if (effekt_report_str(ch, "title"))
            chart->title = effekt_chart_keep(chart, effekt_report_str(ch, "title"));
        /* projects by name, not id, as in the figures the report draws */
        effekt_report_relabel(c->spec, c->tables, chart);
        st = effekt_chart_status(chart);
    }
    char png[600], svg[600];
    snprintf(png, sizeof png, "charts/%s.png", effekt_report_str(ch, "name"));
    snprintf(svg, sizeof svg, "charts/%s.svg", effekt_report_str(ch, "name"));
    if (st == EFFEKT_OK)
        st = render(rep, chart, loc, EFFEKT_CHART_PNG, png, &part);
    if (st == EFFEKT_OK)
        st = render(rep, chart, loc, EFFEKT_CHART_SVG, svg, &part);
    say(c, where, path, &part);
    if (st != EFFEKT_OK && !part.n_by_severity[EFFEKT_ERROR])
        effekt_diag_add(c->diag, EFFEKT_ERROR, c->spec->path, 0, 0, NULL, NULL, "%s: %s", where, effekt_status_message(st));
    effekt_diag_clear(&part);
    if (st != EFFEKT_OK) {
        effekt_chart_destroy(chart);
        return st;
    }
    *out = chart;
    return EFFEKT_OK;
}

/* ---- the whole run ---- */

static effekt_status run_all(run_ctx *c, effekt_report *rep, cJSON *results, effekt_chart **charts)
{
    const effekt_report_spec *s = c->spec;
    const cJSON *root = s->root;
    effekt_status st = EFFEKT_OK;
    cJSON *r_inputs = cJSON_AddArrayToObject(results, "inputs");
    cJSON *r_analyses = cJSON_AddArrayToObject(results, "analyses");
    cJSON *r_charts = cJSON_AddArrayToObject(results, "charts");
    size_t i = 0, file = s->n_inputs;
    for (const cJSON *in = cJSON_GetObjectItemCaseSensitive(root, "inputs")->child; in && st == EFFEKT_OK;
         in = in->next, i++)
        st = load_input(c, i, in, r_inputs, rep);
    if (st == EFFEKT_OK)
        st = check_names(c);
    const cJSON *kspec = cJSON_GetObjectItemCaseSensitive(root, "kpis");
    if (st == EFFEKT_OK && kspec) {
        cJSON *kdoc = NULL;
        st = run_kpis(c, kspec, &kdoc);
        if (st == EFFEKT_OK) {
            st = add_json(rep, s->files[file++], kdoc);
            cJSON_AddItemToObject(results, "kpis", kdoc);
        }
    }
    const cJSON *analyses = cJSON_GetObjectItemCaseSensitive(root, "analyses");
    i = 0;
    for (const cJSON *an = analyses ? analyses->child : NULL; an && st == EFFEKT_OK; an = an->next, i++) {
        cJSON *doc = NULL;
        st = run_analysis(c, i, an, &doc);
        if (st == EFFEKT_OK) {
            st = add_json(rep, s->files[file++], doc);
            cJSON *entry = cJSON_CreateObject();
            cJSON_AddItemToObject(entry, "spec", cJSON_Duplicate(an, 1));
            cJSON_AddItemToObject(entry, "result", doc);
            cJSON_AddItemToArray(r_analyses, entry);
        }
    }
    const cJSON *chs = cJSON_GetObjectItemCaseSensitive(root, "charts");
    i = 0;
    for (const cJSON *ch = chs ? chs->child : NULL; ch && st == EFFEKT_OK; ch = ch->next, i++) {
        st = run_chart(c, i, ch, rep, &charts[i]);
        if (st == EFFEKT_OK) {
            rep->n_charts++;
            cJSON *entry = cJSON_CreateObject(), *files = cJSON_CreateArray();
            cJSON_AddStringToObject(entry, "name", effekt_report_str(ch, "name"));
            cJSON_AddStringToObject(entry, "kind", effekt_report_str(ch, "kind"));
            cJSON_AddItemToArray(files, cJSON_CreateString(rep->files[rep->n_files - 2].path));
            cJSON_AddItemToArray(files, cJSON_CreateString(rep->files[rep->n_files - 1].path));
            cJSON_AddItemToObject(entry, "files", files);
            cJSON_AddItemToArray(r_charts, entry);
        }
    }
    /* kpis after the lists, as results.json has always had it */
    cJSON *k = cJSON_DetachItemFromObjectCaseSensitive(results, "kpis");
    if (k)
        cJSON_AddItemToObject(results, "kpis", k);
    return st;
}

/* One format of the document into the report's files. */
static effekt_status write_format(effekt_report *rep, const effekt_document *doc, const char *path,
                                  effekt_status (*writer)(const effekt_document *, FILE *, effekt_diag *),
                                  effekt_diag *diag)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    if (!f)
        return EFFEKT_ENOMEM;
    effekt_status st = writer(doc, f, diag);
    if (fclose(f) != 0 && st == EFFEKT_OK)
        st = EFFEKT_ENOMEM;
    if (st != EFFEKT_OK) {
        free(data);
        return st;
    }
    return effekt_report_add_file(rep, path, data, len);
}

/* The document as report.pdf, report.html, report.docx and each table as
 * tables/ID.csv. */
static effekt_status write_document(effekt_report *rep, const effekt_document *doc, effekt_diag *diag)
{
    effekt_status st = write_format(rep, doc, "report.pdf", effekt_document_write_pdf, diag);
    if (st == EFFEKT_OK)
        st = write_format(rep, doc, "report.html", effekt_document_write_html, diag);
    if (st == EFFEKT_OK)
        st = write_format(rep, doc, "report.docx", effekt_document_write_docx, diag);
    for (size_t i = 0; i < effekt_document_tables(doc) && st == EFFEKT_OK; i++) {
        char *data = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&data, &len);
        if (!f)
            return EFFEKT_ENOMEM;
        st = effekt_document_write_table_csv(doc, i, f, diag);
        if (fclose(f) != 0 && st == EFFEKT_OK)
            st = EFFEKT_ENOMEM;
        char path[200];
        snprintf(path, sizeof path, "tables/%s.csv", effekt_document_table_id(doc, i));
        if (st == EFFEKT_OK)
            st = effekt_report_add_file(rep, path, data, len);
        else
            free(data);
    }
    return st;
}

effekt_status effekt_report_run(const effekt_report_spec *spec, effekt_report **out, effekt_diag *diag)
{
    *out = NULL;
    effekt_report *rep = effekt_calloc(1, sizeof *rep);
    run_ctx c = { .spec = spec, .diag = diag, .tables = effekt_calloc(spec->n_inputs + 1, sizeof *c.tables) };
    size_t n_charts = (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(spec->root, "charts"));
    effekt_chart **charts = effekt_calloc(n_charts + 1, sizeof *charts);
    cJSON *results = cJSON_CreateObject();
    effekt_status st = rep && c.tables && charts && results ? EFFEKT_OK : EFFEKT_ENOMEM;
    if (st == EFFEKT_OK) {
        cJSON_AddStringToObject(results, "effekt", PACKAGE_VERSION);
        cJSON_AddItemToObject(results, "spec", cJSON_Duplicate(spec->root, 1));
        st = run_all(&c, rep, results, charts);
    }
    report_fair *fair = NULL;
    if (st == EFFEKT_OK)
        st = effekt_report_fair_run(spec, c.tables, rep, results, diag, &fair);
    if (st == EFFEKT_OK) {
        report_build b = { .spec = spec, .loc = effekt_locale_find(spec->locale), .tables = c.tables,
                           .problems = diag, .rep = rep, .charts = charts, .n_charts = rep->n_charts, .fair = fair,
                           .analyses = cJSON_GetObjectItemCaseSensitive(results, "analyses") };
        st = effekt_report_build(&b);
        if (st == EFFEKT_OK)
            st = write_document(rep, b.doc, diag);
        effekt_document_destroy(b.doc);
        effekt_report_build_free(&b);
        if (st == EFFEKT_OK)
            st = add_json(rep, "results.json", results);
    }
    effekt_report_fair_destroy(fair);
    for (size_t i = 0; i < n_charts && charts; i++)
        effekt_chart_destroy(charts[i]);
    free(charts);
    for (size_t i = 0; i < spec->n_inputs && c.tables; i++)
        effekt_table_destroy(c.tables[i]);
    free(c.tables);
    cJSON_Delete(results);
    if (st != EFFEKT_OK) {
        effekt_report_destroy(rep);
        return st;
    }
    *out = rep;
    return EFFEKT_OK;
}

void effekt_report_destroy(effekt_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_files; i++) {
        free(r->files[i].path);
        free(r->files[i].data);
    }
    free(r->files);
    free(r);
}

size_t effekt_report_charts(const effekt_report *r)
{
    return r->n_charts;
}
