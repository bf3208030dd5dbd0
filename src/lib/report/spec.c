/* A report's spec: read, every key checked against a table of keys
 * (type, required), names that refer to nothing caught, each mistake
 * named by its JSON path ("analyses[1].by: expected a string").  Nothing
 * is loaded or written here. */
#include "config.h"

#include "lib_json.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/casemix.h"
#include "effekt/kpi.h"
#include "effekt/locale.h"
#include "effekt/meta.h"
#include "effekt/output.h"
#include "report_int.h"

typedef enum { T_STRING, T_NUMBER, T_BOOL, T_OBJECT, T_STRINGS, T_NUMBERS, T_OBJECTS, T_STRING_MAP, T_SCALAR } spec_type;

typedef struct {
    const char *key;
    spec_type type;
    int required;
} spec_key;

static const spec_key top_keys[] = {
    { "title", T_STRING, 1 }, { "subtitle", T_STRING, 0 }, { "locale", T_STRING, 0 },
    { "confidence", T_NUMBER, 0 }, { "seed", T_NUMBER, 0 }, { "inputs", T_OBJECT, 1 },
    { "kpis", T_OBJECT, 0 }, { "analyses", T_OBJECTS, 0 }, { "charts", T_OBJECTS, 0 },
    /* the kind of report and its cover (datasets/README.md) */
    { "kind", T_STRING, 0 }, { "project", T_STRING, 0 }, { "participants", T_STRING, 0 },
    { "comparison", T_STRING, 0 }, { "client", T_STRING, 0 }, { "evaluator", T_STRING, 0 },
    { "date", T_STRING, 0 }, { "version", T_STRING, 0 }, { "acknowledgement", T_STRING, 0 },
    { "logo", T_STRING, 0 }, { "fair_comparison", T_OBJECT, 0 }, { NULL, 0, 0 }
};
/* the fair comparison (fair.c; datasets/README.md) */
static const spec_key fair_keys[] = {
    { "input", T_STRING, 0 }, { "by", T_STRING, 0 }, { "outcome", T_STRING, 0 }, { "adjust", T_STRINGS, 0 },
    { "overdispersion", T_STRING, 0 }, { "pool", T_BOOL, 0 }, { "method", T_STRING, 0 }, { "knha", T_BOOL, 0 },
    { "cox", T_STRINGS, 0 }, { "strata", T_STRING, 0 }, { NULL, 0, 0 }
};
static const spec_key input_keys[] = {
    { "file", T_STRING, 1 }, { "map", T_STRING_MAP, 0 }, { "delimiter", T_STRING, 0 },
    { "decimal_comma", T_BOOL, 0 }, { "encoding", T_STRING, 0 }, { "na", T_STRINGS, 0 },
    { "synthetic", T_BOOL, 0 }, { NULL, 0, 0 }
};
static const spec_key kpi_keys[] = { { "input", T_STRING, 1 }, { "show", T_STRINGS, 0 }, { NULL, 0, 0 } };
static const spec_key analysis_keys[] = {
    { "type", T_STRING, 1 }, { "input", T_STRING, 1 }, { "title", T_STRING, 0 }, { "by", T_STRING, 0 },
    { "columns", T_STRINGS, 0 }, { "outcome", T_STRING, 0 }, { "value", T_STRING, 0 }, { "at", T_NUMBERS, 0 },
    { "from", T_STRING, 0 }, { "to", T_STRING, 0 }, { "name", T_STRING, 0 }, { NULL, 0, 0 }
};
static const spec_key chart_keys[] = {
    { "kind", T_STRING, 1 }, { "input", T_STRING, 1 }, { "name", T_STRING, 1 }, { "title", T_STRING, 0 },
    { "kpi", T_STRING, 0 }, { "by", T_STRING, 0 }, { "outcome", T_STRING, 0 }, { "value", T_STRING, 0 },
    { "x", T_STRING, 0 }, { "y", T_STRING, 0 }, { "reference", T_SCALAR, 0 }, { "bins", T_STRING, 0 },
    { "from", T_STRING, 0 }, { "to", T_STRING, 0 }, { NULL, 0, 0 }
};

static const char *const type_words[] = { "a string", "a number", "true or false", "an object", "a list of strings",
                                          "a list of numbers", "a list of objects", "an object of strings",
                                          "a string or a number" };

const char *effekt_report_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int type_ok(const cJSON *v, spec_type t)
{
    switch (t) {
    case T_STRING: return cJSON_IsString(v);
    case T_NUMBER: return cJSON_IsNumber(v) && isfinite(v->valuedouble);
    case T_BOOL: return cJSON_IsBool(v);
    case T_OBJECT: return cJSON_IsObject(v);
    case T_SCALAR: return cJSON_IsString(v) || cJSON_IsNumber(v);
    case T_STRINGS: case T_NUMBERS: case T_OBJECTS: case T_STRING_MAP:
        if (!(t == T_STRING_MAP ? cJSON_IsObject(v) : cJSON_IsArray(v)))
            return 0;
        for (const cJSON *e = v->child; e; e = e->next)
            if (!(t == T_NUMBERS ? cJSON_IsNumber(e) : t == T_OBJECTS ? cJSON_IsObject(e) : cJSON_IsString(e)))
                return 0;
        return 1;
    }
    return 0;
}

/* A mistake at a JSON path: "PATH: what" under the spec's name. */
static void mistake(effekt_diag *diag, const char *spec, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void mistake(effekt_diag *diag, const char *spec, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    effekt_diag_add(diag, EFFEKT_ERROR, spec, 0, 0, NULL, NULL, "%s", text);
}

static int check_object(effekt_diag *diag, const char *spec, const char *path, const cJSON *o, const spec_key *keys)
{
    int bad = 0;
    const char *dot = *path ? "." : "";
    for (const cJSON *e = o->child; e; e = e->next) {
        const spec_key *k = keys;
        while (k->key && strcmp(k->key, e->string) != 0)
            k++;
        if (!k->key) {
            mistake(diag, spec, "%s%s%s: unknown key", path, dot, e->string);
            bad = 1;
        } else if (!type_ok(e, k->type)) {
            mistake(diag, spec, "%s%s%s: expected %s", path, dot, e->string, type_words[k->type]);
            bad = 1;
        }
    }
    for (const spec_key *k = keys; k->key; k++)
        if (k->required && !cJSON_GetObjectItemCaseSensitive(o, k->key)) {
            mistake(diag, spec, "%s%s%s: missing (required)", path, dot, k->key);
            bad = 1;
        }
    return bad;
}

/* A name that becomes part of a file name or an anchor: letters, digits,
 * '-' and '_', not starting with '-' (no folders, no dot files, no
 * option look-alikes). */
static int plain_name(const char *s)
{
    if (!*s || *s == '-' || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-' ||
              *s == '_'))
            return 0;
    return 1;
}

/* The path of the earlier element of the analyses or charts named nm, in
 * buf; NULL when none.  Charts and analyses share one set of names: both
 * become ids of the document (a table's or a figure's anchor). */
static const char *earlier_name(const cJSON *root, const cJSON *upto, const char *nm, char *buf, size_t size)
{
    const char *lists[] = { "analyses", "charts" };
    for (size_t l = 0; l < 2; l++) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, lists[l]);
        size_t j = 0;
        for (const cJSON *f = cJSON_IsArray(a) ? a->child : NULL; f; f = f->next, j++) {
            if (f == upto)
                return NULL;
            const char *other = effekt_report_str(f, "name");
            if (other && strcmp(other, nm) == 0) {
                snprintf(buf, size, "%s[%zu]", lists[l], j);
                return buf;
            }
        }
    }
    return NULL;
}

static int repeated(const cJSON *array)
{
    for (const cJSON *a = array ? array->child : NULL; a; a = a->next)
        for (const cJSON *b = array->child; b != a; b = b->next)
            if (cJSON_IsNumber(a) && cJSON_IsNumber(b) && a->valuedouble == b->valuedouble)
                return 1;
    return 0;
}

/* "fair_comparison": its keys, its input, and its names of methods. */
static int check_fair(effekt_diag *diag, const char *spec, const cJSON *root)
{
    const cJSON *fc = cJSON_GetObjectItemCaseSensitive(root, "fair_comparison");
    if (!cJSON_IsObject(fc))
        return 0;
    int bad = check_object(diag, spec, "fair_comparison", fc, fair_keys);
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(root, "inputs");
    const char *in = effekt_report_str(fc, "input");
    if (in && !cJSON_GetObjectItemCaseSensitive(inputs, in)) {
        mistake(diag, spec, "fair_comparison.input: no input named '%s' in inputs", in);
        bad = 1;
    } else if (!in && !effekt_report_str(root, "participants")) {
        mistake(diag, spec, "fair_comparison.input: missing (expected the participant-level input, here or as "
                            "participants)");
        bad = 1;
    }
    const char *od = effekt_report_str(fc, "overdispersion");
    effekt_overdispersion o;
    if (od && effekt_overdispersion_parse(od, &o) != EFFEKT_OK) {
        mistake(diag, spec, "fair_comparison.overdispersion: '%s' (expected none, multiplicative or additive)", od);
        bad = 1;
    }
    const char *m = effekt_report_str(fc, "method");
    effekt_meta_method mm;
    if (m && effekt_meta_method_parse(m, &mm) != EFFEKT_OK) {
        mistake(diag, spec, "fair_comparison.method: '%s' (expected reml, dl or pm)", m);
        bad = 1;
    }
    const char *lists[] = { "adjust", "cox" };
    for (size_t l = 0; l < 2; l++) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(fc, lists[l]);
        if (cJSON_IsArray(a) && (!a->child || cJSON_GetArraySize(a) > 64)) {
            mistake(diag, spec, "fair_comparison.%s: expected from 1 to 64 column names", lists[l]);
            bad = 1;
        }
    }
    const cJSON *pool = cJSON_GetObjectItemCaseSensitive(fc, "pool");   /* a pool that is no bool is said above */
    if ((m || cJSON_GetObjectItemCaseSensitive(fc, "knha")) && (!pool || cJSON_IsFalse(pool))) {
        mistake(diag, spec, "fair_comparison.%s: goes with \"pool\": true", m ? "method" : "knha");
        bad = 1;
    }
    if (effekt_report_str(fc, "strata") && !cJSON_GetObjectItemCaseSensitive(fc, "cox")) {
        mistake(diag, spec, "fair_comparison.strata: goes with \"cox\" (the strata of the Cox model)");
        bad = 1;
    }
    if (od && !cJSON_GetObjectItemCaseSensitive(fc, "adjust")) {
        mistake(diag, spec, "fair_comparison.overdispersion: goes with \"adjust\" (the limits of the O/E funnel)");
        bad = 1;
    }
    if (!cJSON_GetObjectItemCaseSensitive(fc, "adjust") && (!pool || cJSON_IsFalse(pool)) &&
        !cJSON_GetObjectItemCaseSensitive(fc, "cox")) {
        mistake(diag, spec, "fair_comparison: nothing to do (expected \"adjust\", \"pool\": true or \"cox\")");
        bad = 1;
    }
    return bad;
}

/* Every mistake of the spec in diag; 1 when there was one. */
static int check_spec(effekt_diag *diag, const char *spec, const cJSON *root)
{
    if (!cJSON_IsObject(root)) {
        mistake(diag, spec, "expected a JSON object");
        return 1;
    }
    int bad = check_object(diag, spec, "", root, top_keys);
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(root, "inputs");
    for (const cJSON *e = cJSON_IsObject(inputs) ? inputs->child : NULL; e; e = e->next) {
        char path[320];
        snprintf(path, sizeof path, "inputs.%s", e->string);
        if (!plain_name(e->string)) {
            /* the name is part of the file names of the report (data/input-NAME.json) */
            mistake(diag, spec, "%s: expected a plain name (letters, digits, '-' and '_', at most 64)", path);
            bad = 1;
        }
        if (!cJSON_IsObject(e)) {
            mistake(diag, spec, "%s: expected an object", path);
            bad = 1;
        } else {
            bad |= check_object(diag, spec, path, e, input_keys);
        }
    }
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(root, "kpis");
    if (cJSON_IsObject(k)) {
        bad |= check_object(diag, spec, "kpis", k, kpi_keys);
        const char *in = effekt_report_str(k, "input");
        if (in && !cJSON_GetObjectItemCaseSensitive(inputs, in)) {
            mistake(diag, spec, "kpis.input: no input named '%s' in inputs", in);
            bad = 1;
        }
        const cJSON *show = cJSON_GetObjectItemCaseSensitive(k, "show");
        size_t j = 0;
        for (const cJSON *e = cJSON_IsArray(show) ? show->child : NULL; e; e = e->next, j++)
            if (cJSON_IsString(e) && !effekt_kpi_find(e->valuestring)) {
                mistake(diag, spec, "kpis.show[%zu]: unknown KPI '%s' (effekt kpi --help lists them)", j,
                        e->valuestring);
                bad = 1;
            }
    }
    const char *refs[] = { "participants", "comparison" };
    for (size_t r = 0; r < 2; r++) {
        const char *in = effekt_report_str(root, refs[r]);
        if (in && !cJSON_GetObjectItemCaseSensitive(inputs, in)) {
            mistake(diag, spec, "%s: no input named '%s' in inputs", refs[r], in);
            bad = 1;
        }
    }
    bad |= check_fair(diag, spec, root);
    const char *report_kind = effekt_report_str(root, "kind");
    if (report_kind && strcmp(report_kind, "final") && strcmp(report_kind, "portfolio")) {
        mistake(diag, spec, "kind: '%s' (expected final or portfolio)", report_kind);
        bad = 1;
    }
    if (report_kind && strcmp(report_kind, "final") == 0 && !effekt_report_str(root, "project")) {
        mistake(diag, spec, "project: missing (a final evaluation needs the project_id of its project)");
        bad = 1;
    }
    if (report_kind && !cJSON_IsObject(k)) {
        mistake(diag, spec, "kpis: missing (a %s report needs the project-level input as kpis.input)", report_kind);
        bad = 1;
    }
    const char *lists[] = { "analyses", "charts" };
    const spec_key *list_keys[] = { analysis_keys, chart_keys };
    for (size_t l = 0; l < 2; l++) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, lists[l]);
        size_t i = 0;
        for (const cJSON *e = cJSON_IsArray(a) ? a->child : NULL; e; e = e->next, i++) {
            char path[64];
            snprintf(path, sizeof path, "%s[%zu]", lists[l], i);
            if (cJSON_IsObject(e))
                bad |= check_object(diag, spec, path, e, list_keys[l]);
            const char *in = effekt_report_str(e, "input");
            if (in && !cJSON_GetObjectItemCaseSensitive(inputs, in)) {
                mistake(diag, spec, "%s.input: no input named '%s' in inputs", path, in);
                bad = 1;
            }
            const char *t = effekt_report_str(e, "type");
            if (l == 0 && t && strcmp(t, "describe") && strcmp(t, "compare") && strcmp(t, "retention")) {
                mistake(diag, spec, "%s.type: expected describe, compare or retention", path);
                bad = 1;
            }
            if (l == 0 && repeated(cJSON_GetObjectItemCaseSensitive(e, "at"))) {
                /* each horizon names its own keys in the results */
                mistake(diag, spec, "%s.at: the same number twice (expected each once)", path);
                bad = 1;
            }
            const char *nm = effekt_report_str(e, "name");
            if (nm && !plain_name(nm)) {
                mistake(diag, spec, "%s.name: expected a plain name (letters, digits, '-' and '_', at most 64)",
                        path);
                bad = 1;
            }
            const char *kind = effekt_report_str(e, "kind");
            effekt_chart_kind ck;
            if (l == 1 && kind && effekt_chart_kind_parse(kind, &ck) != EFFEKT_OK) {
                mistake(diag, spec, "%s.kind: unknown kind '%s' (expected bar, stacked, forest, funnel, km, box, "
                                    "hist, scatter or timeline)", path, kind);
                bad = 1;
            }
            /* the fair comparison's tables and figures are named fair-... (fair.c) */
            if (nm && strncmp(nm, "fair-", 5) == 0 && cJSON_GetObjectItemCaseSensitive(root, "fair_comparison")) {
                mistake(diag, spec, "%s.name: '%s' (names starting with fair- are the fair comparison's)", path, nm);
                bad = 1;
            }
            /* two charts of one name would write one file twice */
            char other[64];
            if (nm && earlier_name(root, e, nm, other, sizeof other)) {
                mistake(diag, spec, "%s.name: '%s' is the name of %s too", path, nm, other);
                bad = 1;
            }
        }
    }
    const char *loc = effekt_report_str(root, "locale");
    if (loc && !effekt_locale_find(loc)) {
        char names[256] = "";
        size_t n = effekt_locale_count(), o = 0;
        for (size_t i = 0; i < n && o < sizeof names; i++)
            o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ",
                                  effekt_locale_at(i)->name);
        mistake(diag, spec, "locale: no locale \"%s\" (expected %s)", loc, names);
        bad = 1;
    }
    const cJSON *conf = cJSON_GetObjectItemCaseSensitive(root, "confidence");
    if (cJSON_IsNumber(conf) && !(conf->valuedouble > 0 && conf->valuedouble < 1)) {
        mistake(diag, spec, "confidence: expected a level between 0 and 1");
        bad = 1;
    }
    /* a recorded seed must reproduce the run: a JSON number is read as a
     * double, exact for whole numbers up to 2^53 only */
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(root, "seed");
    if (cJSON_IsNumber(seed) && !(seed->valuedouble >= 0 && seed->valuedouble <= 9007199254740992.0 &&
                                  seed->valuedouble == floor(seed->valuedouble))) {
        mistake(diag, spec, "seed: expected a whole number from 0 to 9007199254740992 (a JSON number beyond "
                            "2^53 is not read exactly)");
        bad = 1;
    }
    return bad;
}

static char *dup_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *dup_printf(const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    char *s = len < 0 ? NULL : effekt_malloc((size_t)len + 1);
    if (s)
        vsnprintf(s, (size_t)len + 1, fmt, again);
    va_end(again);
    va_end(ap);
    return s;
}

static int add_file(effekt_report_spec *s, size_t *cap, char *name)
{
    if (!name)
        return -1;
    if (s->n_files == *cap) {
        size_t nc = *cap ? 2 * *cap : 32;
        char **nf = effekt_realloc(s->files, nc * sizeof *nf);
        if (!nf) {
            free(name);
            return -1;
        }
        s->files = nf;
        *cap = nc;
    }
    s->files[s->n_files++] = name;
    return 0;
}

/* The inputs' paths (relative to the spec's folder) and every file a run
 * writes, in the order it writes them. */
static effekt_status plan(effekt_report_spec *s)
{
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(s->root, "inputs");
    s->n_inputs = (size_t)cJSON_GetArraySize(inputs);
    s->input_names = effekt_calloc(s->n_inputs + 1, sizeof *s->input_names);
    s->input_paths = effekt_calloc(s->n_inputs + 1, sizeof *s->input_paths);
    if (!s->input_names || !s->input_paths)
        return EFFEKT_ENOMEM;
    size_t i = 0, cap = 0;
    int bad = 0;
    for (const cJSON *e = inputs->child; e; e = e->next, i++) {
        const char *file = effekt_report_str(e, "file");
        s->input_names[i] = dup_printf("%s", e->string);
        s->input_paths[i] = file[0] == '/' ? dup_printf("%s", file) : dup_printf("%s/%s", s->dir, file);
        bad |= !s->input_names[i] || !s->input_paths[i];
        bad |= add_file(s, &cap, dup_printf("data/input-%s.json", e->string));
    }
    if (cJSON_GetObjectItemCaseSensitive(s->root, "kpis"))
        bad |= add_file(s, &cap, dup_printf("data/kpi.json"));
    const cJSON *an = cJSON_GetObjectItemCaseSensitive(s->root, "analyses");
    i = 0;
    for (const cJSON *e = an ? an->child : NULL; e; e = e->next, i++)
        bad |= add_file(s, &cap, dup_printf("data/analysis-%zu-%s.json", i + 1, effekt_report_str(e, "type")));
    const cJSON *ch = cJSON_GetObjectItemCaseSensitive(s->root, "charts");
    for (const cJSON *e = ch ? ch->child : NULL; e; e = e->next) {
        bad |= add_file(s, &cap, dup_printf("charts/%s.png", effekt_report_str(e, "name")));
        bad |= add_file(s, &cap, dup_printf("charts/%s.svg", effekt_report_str(e, "name")));
    }
    /* the fair comparison's models, as the commands write them (fair.c) */
    const cJSON *fc = cJSON_GetObjectItemCaseSensitive(s->root, "fair_comparison");
    if (cJSON_GetObjectItemCaseSensitive(fc, "adjust"))
        bad |= add_file(s, &cap, dup_printf("data/fair-casemix.json"));
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(fc, "pool")))
        bad |= add_file(s, &cap, dup_printf("data/fair-meta.json"));
    if (cJSON_GetObjectItemCaseSensitive(fc, "cox"))
        bad |= add_file(s, &cap, dup_printf("data/fair-cox.json"));
    bad |= add_file(s, &cap, dup_printf("report.pdf"));
    bad |= add_file(s, &cap, dup_printf("results.json"));
    return bad ? EFFEKT_ENOMEM : EFFEKT_OK;
}

effekt_status effekt_report_spec_read(const char *path, effekt_report_spec **out, effekt_diag *diag)
{
    *out = NULL;
    char *text = effekt_json_read_text(path, diag);
    if (!text)
        return EFFEKT_EIO;
    effekt_status st = effekt_report_spec_parse(path, text, out, diag);
    free(text);
    return st;
}

effekt_status effekt_report_spec_parse(const char *path, const char *text, effekt_report_spec **out,
                                       effekt_diag *diag)
{
    *out = NULL;
    cJSON *root = effekt_json_cjson(effekt_json_parse(path, text, diag));
    if (!root)
        return EFFEKT_EPARSE;
    if (check_spec(diag, path, root)) {
        cJSON_Delete(root);
        return EFFEKT_EINVAL;
    }
    effekt_report_spec *s = effekt_calloc(1, sizeof *s);
    if (!s) {
        cJSON_Delete(root);
        return EFFEKT_ENOMEM;
    }
    s->root = root;
    s->path = dup_printf("%s", path);
    const char *slash = strrchr(path, '/');
    s->dir = slash ? dup_printf("%.*s", (int)(slash - path), path) : dup_printf(".");
    const cJSON *conf = cJSON_GetObjectItemCaseSensitive(root, "confidence");
    s->confidence = cJSON_IsNumber(conf) ? conf->valuedouble : 0.95;
    s->locale = effekt_report_str(root, "locale") ? effekt_report_str(root, "locale") : "en";
    if (!s->path || !s->dir || plan(s) != EFFEKT_OK) {
        effekt_report_spec_destroy(s);
        return EFFEKT_ENOMEM;
    }
    *out = s;
    return EFFEKT_OK;
}

void effekt_report_spec_destroy(effekt_report_spec *s)
{
    if (!s)
        return;
    cJSON_Delete(s->root);
    for (size_t i = 0; i < s->n_inputs; i++) {
        free(s->input_names ? s->input_names[i] : NULL);
        free(s->input_paths ? s->input_paths[i] : NULL);
    }
    free(s->input_names);
    free(s->input_paths);
    for (size_t i = 0; i < s->n_files; i++)
        free(s->files[i]);
    free(s->files);
    free(s->path);
    free(s->dir);
    free(s);
}

size_t effekt_report_spec_inputs(const effekt_report_spec *s)
{
    return s->n_inputs;
}

const char *effekt_report_spec_input_name(const effekt_report_spec *s, size_t i)
{
    return i < s->n_inputs ? s->input_names[i] : NULL;
}

const char *effekt_report_spec_input_path(const effekt_report_spec *s, size_t i)
{
    return i < s->n_inputs ? s->input_paths[i] : NULL;
}

size_t effekt_report_spec_files(const effekt_report_spec *s)
{
    return s->n_files;
}

const char *effekt_report_spec_file(const effekt_report_spec *s, size_t i)
{
    return i < s->n_files ? s->files[i] : NULL;
}
