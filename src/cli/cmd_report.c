/* effekt report SPEC.json -o OUT_DIR: the whole evaluation from one spec.
 * Each part runs the subcommand that computes it (kpi, describe,
 * compare, retention, plot, validate) with JSON output into OUT_DIR/data,
 * so the numbers in the report are the ones those commands give; the
 * report reads them back and lays them out (libeffekt's report layout). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "effekt/kpi.h"
#include "effekt/output.h"
#include "effekt/report.h"

static const char report_usage[] =
    "Usage: effekt report SPEC.json -o OUT_DIR\n"
    "Run the evaluation a spec describes and write OUT_DIR/report.pdf (A4),\n"
    "OUT_DIR/results.json (every number in the report), the charts\n"
    "(OUT_DIR/charts/NAME.png and .svg) and each part's JSON (OUT_DIR/data/).\n"
    "File names in the spec are relative to the spec's folder.  The same spec\n"
    "and data give the same bytes.  datasets/report-spec.json is an example\n"
    "and datasets/README.md documents every key.\n\n"
    "  -o, --output DIR   the folder to write (created if missing); refused when a\n"
    "                     file the report writes there is the spec or an input\n"
    "  -q, --quiet        no notes on how inputs were read\n";

/* ---- the spec: keys, types, and messages with the JSON path ---- */

typedef enum { T_STRING, T_NUMBER, T_BOOL, T_OBJECT, T_STRINGS, T_NUMBERS, T_OBJECTS, T_STRING_MAP, T_SCALAR } spec_type;

typedef struct {
    const char *key;
    spec_type type;
    int required;
} spec_key;

static const spec_key top_keys[] = {
    { "title", T_STRING, 1 }, { "subtitle", T_STRING, 0 }, { "locale", T_STRING, 0 },
    { "confidence", T_NUMBER, 0 }, { "seed", T_NUMBER, 0 }, { "inputs", T_OBJECT, 1 },
    { "kpis", T_OBJECT, 0 }, { "analyses", T_OBJECTS, 0 }, { "charts", T_OBJECTS, 0 }, { NULL, 0, 0 }
};
static const spec_key input_keys[] = {
    { "file", T_STRING, 1 }, { "map", T_STRING_MAP, 0 }, { "delimiter", T_STRING, 0 },
    { "decimal_comma", T_BOOL, 0 }, { "encoding", T_STRING, 0 }, { "na", T_STRINGS, 0 }, { NULL, 0, 0 }
};
static const spec_key kpi_keys[] = { { "input", T_STRING, 1 }, { "show", T_STRINGS, 0 }, { NULL, 0, 0 } };
static const spec_key analysis_keys[] = {
    { "type", T_STRING, 1 }, { "input", T_STRING, 1 }, { "title", T_STRING, 0 }, { "by", T_STRING, 0 },
    { "columns", T_STRINGS, 0 }, { "outcome", T_STRING, 0 }, { "value", T_STRING, 0 }, { "at", T_NUMBERS, 0 },
    { "from", T_STRING, 0 }, { "to", T_STRING, 0 }, { NULL, 0, 0 }
};
static const spec_key chart_keys[] = {
    { "kind", T_STRING, 1 }, { "input", T_STRING, 1 }, { "name", T_STRING, 1 }, { "title", T_STRING, 0 },
    { "kpi", T_STRING, 0 }, { "by", T_STRING, 0 }, { "outcome", T_STRING, 0 }, { "value", T_STRING, 0 },
    { "x", T_STRING, 0 }, { "y", T_STRING, 0 }, { "reference", T_SCALAR, 0 }, { "bins", T_STRING, 0 },
    { "from", T_STRING, 0 }, { "to", T_STRING, 0 }, { NULL, 0, 0 }
};

static const char *type_words(spec_type t)
{
    static const char *const w[] = { "a string", "a number", "true or false", "an object", "a list of strings",
                                     "a list of numbers", "a list of objects", "an object of strings",
                                     "a string or a number" };
    return w[t];
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

/* Check an object against its keys; messages "spec: path.key: …". */
static int check_object(const char *spec, const char *path, const cJSON *o, const spec_key *keys)
{
    int bad = 0;
    for (const cJSON *e = o->child; e; e = e->next) {
        const spec_key *k = keys;
        while (k->key && strcmp(k->key, e->string) != 0)
            k++;
        if (!k->key) {
            cli_error("%s: %s%s%s: unknown key", spec, path, *path ? "." : "", e->string);
            bad = 1;
        } else if (!type_ok(e, k->type)) {
            cli_error("%s: %s%s%s: expected %s", spec, path, *path ? "." : "", e->string, type_words(k->type));
            bad = 1;
        }
    }
    for (const spec_key *k = keys; k->key; k++)
        if (k->required && !cJSON_GetObjectItemCaseSensitive(o, k->key)) {
            cli_error("%s: %s%s%s: missing (required)", spec, path, *path ? "." : "", k->key);
            bad = 1;
        }
    return bad;
}

int cli_spec_check(const char *spec, const cJSON *root)
{
    if (!cJSON_IsObject(root)) {
        cli_error("%s: expected a JSON object", spec);
        return 1;
    }
    int bad = check_object(spec, "", root, top_keys);
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(root, "inputs");
    for (const cJSON *e = cJSON_IsObject(inputs) ? inputs->child : NULL; e; e = e->next) {
        char path[256];
        snprintf(path, sizeof path, "inputs.%s", e->string);
        if (!cJSON_IsObject(e)) {
            cli_error("%s: %s: expected an object", spec, path);
            bad = 1;
        } else {
            bad |= check_object(spec, path, e, input_keys);
        }
    }
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(root, "kpis");
    if (cJSON_IsObject(k))
        bad |= check_object(spec, "kpis", k, kpi_keys);
    const char *lists[] = { "analyses", "charts" };
    const spec_key *list_keys[] = { analysis_keys, chart_keys };
    for (size_t l = 0; l < 2; l++) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, lists[l]);
        size_t i = 0;
        for (const cJSON *e = cJSON_IsArray(a) ? a->child : NULL; e; e = e->next, i++) {
            char path[64];
            snprintf(path, sizeof path, "%s[%zu]", lists[l], i);
            if (cJSON_IsObject(e))
                bad |= check_object(spec, path, e, list_keys[l]);
            const cJSON *in = cJSON_GetObjectItemCaseSensitive(e, "input");
            if (cJSON_IsString(in) && !cJSON_GetObjectItemCaseSensitive(inputs, in->valuestring)) {
                cli_error("%s: %s.input: no input named '%s' in inputs", spec, path, in->valuestring);
                bad = 1;
            }
            const cJSON *t = cJSON_GetObjectItemCaseSensitive(e, "type");
            if (l == 0 && cJSON_IsString(t) && strcmp(t->valuestring, "describe") && strcmp(t->valuestring, "compare") &&
                strcmp(t->valuestring, "retention")) {
                cli_error("%s: %s.type: expected describe, compare or retention", spec, path);
                bad = 1;
            }
            const cJSON *nm = cJSON_GetObjectItemCaseSensitive(e, "name");
            if (l == 1 && cJSON_IsString(nm) && (!*nm->valuestring || strpbrk(nm->valuestring, "/\\") ||
                                                 nm->valuestring[0] == '.')) {
                cli_error("%s: %s.name: expected a file name without folders", spec, path);
                bad = 1;
            }
        }
    }
    const cJSON *loc = cJSON_GetObjectItemCaseSensitive(root, "locale");
    if (cJSON_IsString(loc) && !effekt_locale_find(loc->valuestring)) {
        char names[256];
        cli_error("%s: locale: no locale \"%s\" (expected %s)", spec, loc->valuestring,
                  cli_locale_names(names, sizeof names));
        bad = 1;
    }
    const cJSON *conf = cJSON_GetObjectItemCaseSensitive(root, "confidence");
    if (cJSON_IsNumber(conf) && !(conf->valuedouble > 0 && conf->valuedouble < 1)) {
        cli_error("%s: error: confidence: expected a level between 0 and 1", spec);
        bad = 1;
    }
    /* a recorded seed must reproduce the run: a JSON number is read as a
     * double, exact for whole numbers up to 2^53 only */
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(root, "seed");
    if (cJSON_IsNumber(seed) && !(seed->valuedouble >= 0 && seed->valuedouble <= 9007199254740992.0 &&
                                  seed->valuedouble == floor(seed->valuedouble))) {
        cli_error("%s: error: seed: expected a whole number from 0 to 9007199254740992 (a JSON number beyond "
                  "2^53 is not read exactly)", spec);
        bad = 1;
    }
    return bad;
}

/* ---- running the parts ---- */

/* An argument vector of any length: every string is owned (copied), so
 * no list is cut at a fixed count or size.  A failed allocation marks
 * the vector, and run_json refuses to run a marked one. */
typedef struct {
    char **v;        /* n strings and a NULL */
    int n, cap;
    int failed;
} args;

static void arg_own(args *a, char *s)
{
    if (!s || a->failed) {
        free(s);
        a->failed = 1;
        return;
    }
    if (a->n + 2 > a->cap) {
        int cap = a->cap ? 2 * a->cap : 16;
        char **v = realloc(a->v, (size_t)cap * sizeof *v);
        if (!v) {
            free(s);
            a->failed = 1;
            return;
        }
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = s;
    a->v[a->n] = NULL;
}

static void arg(args *a, const char *s)
{
    arg_own(a, strdup(s));
}

static const char *argf(args *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *argf(args *a, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    char *s = len < 0 ? NULL : malloc((size_t)len + 1);
    if (s)
        vsnprintf(s, (size_t)len + 1, fmt, again);
    va_end(again);
    va_end(ap);
    arg_own(a, s);
    return a->failed ? NULL : a->v[a->n - 1];
}

/* "--NAME=" and the items of a JSON array joined by commas, numbers in
 * their exact shortest text (a horizon of 1234567 days stays that, not
 * %g's 1.23457e+06), as one argument. */
static void arg_list(args *a, const char *name, const cJSON *array)
{
    size_t len = strlen(name) + 4, used;
    for (const cJSON *e = array->child; e; e = e->next)
        len += (cJSON_IsString(e) ? strlen(e->valuestring) : 32) + 1;
    char *s = malloc(len);
    if (!s) {
        arg_own(a, NULL);
        return;
    }
    used = (size_t)snprintf(s, len, "--%s=", name);
    for (const cJSON *e = array->child; e; e = e->next) {
        char num[32];
        const char *text = cJSON_IsString(e) ? e->valuestring : num;
        if (!cJSON_IsString(e))
            effekt_format_exact(e->valuedouble, num, sizeof num);
        used += (size_t)snprintf(s + used, len - used, "%s%s", e == array->child ? "" : ",", text);
    }
    arg_own(a, s);
}

static void args_free(args *a)
{
    for (int i = 0; i < a->n; i++)
        free(a->v[i]);
    free(a->v);
    memset(a, 0, sizeof *a);
}

typedef struct {
    const char *spec_dir;
    const char *out;
    const cJSON *spec;
    const cJSON *inputs;
    double confidence;
    int quiet;
} ctx;

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* An input's file as the report reads it: relative to the spec's folder. */
static void input_path(const ctx *c, const char *file, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s%s%s", file[0] == '/' ? "" : c->spec_dir, file[0] == '/' ? "" : "/", file);
    if (n < 0 || (size_t)n >= size)
        buf[0] = '\0';   /* too long: names no file, and reading it says so */
}

/* The names of the parts' JSON files in OUT_DIR/data (without .json):
 * one place, for writing them and for report_clash. */
static void input_part(char *buf, size_t size, const char *input)
{
    snprintf(buf, size, "input-%s", input);
}

static void analysis_part(char *buf, size_t size, size_t index, const char *type)
{
    snprintf(buf, size, "analysis-%zu-%s", index + 1, type);
}

/* The input's file and reading options as arguments. */
static void input_args(const ctx *c, args *a, const char *name)
{
    const cJSON *in = cJSON_GetObjectItemCaseSensitive(c->inputs, name);
    const char *file = str(in, "file");
    const cJSON *map = cJSON_GetObjectItemCaseSensitive(in, "map");
    for (const cJSON *m = map ? map->child : NULL; m; m = m->next)
        argf(a, "--map=%s=%s", m->string, m->valuestring);
    if (str(in, "delimiter"))
        argf(a, "--delimiter=%s", str(in, "delimiter"));
    if (str(in, "encoding"))
        argf(a, "--encoding=%s", str(in, "encoding"));
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(in, "decimal_comma")))
        arg(a, "--decimal-comma");
    const cJSON *na = cJSON_GetObjectItemCaseSensitive(in, "na");
    for (const cJSON *t = na ? na->child : NULL; t; t = t->next)
        argf(a, "--na=%s", t->valuestring);
    if (c->quiet)
        arg(a, "-q");
    char path[4096];
    input_path(c, file, path, sizeof path);
    argf(a, "%s", path);
}

/* Before anything is written: 1, after a message, when OUT_DIR or a file
 * the report would write in it is a file the report reads (the spec or
 * an input it names), by device and inode; 0 otherwise.  The files are
 * those cmd_report writes: data/NAME.json of each part, charts/NAME.png
 * and .svg, report.pdf and results.json. */
static int report_clash(const ctx *c, const char *spec_path)
{
    typedef struct {
        char path[4096];
        char via[320];
    } named;
    size_t n = (size_t)cJSON_GetArraySize(c->inputs) + 1;
    named *names = calloc(n, sizeof *names);
    cli_input *in = calloc(n, sizeof *in);
    char *rel = malloc(8192), *path = malloc(8192 + 4096);
    int clash = 0;
    if (!names || !in || !rel || !path) {
        cli_error("%s: error: out of memory", c->out);
        clash = 1;
        goto done;
    }
    in[0] = (cli_input){ spec_path, "the spec" };
    size_t k = 1;
    for (const cJSON *e = c->inputs->child; e && k < n; e = e->next, k++) {
        input_path(c, str(e, "file"), names[k].path, sizeof names[k].path);
        snprintf(names[k].via, sizeof names[k].via, "the spec's input '%s'", e->string);
        in[k] = (cli_input){ names[k].path, names[k].via };
    }
    clash = cli_output_clash(c->out, NULL, in, n);
    /* every file, in the order the report writes them */
    const cJSON *analyses = cJSON_GetObjectItemCaseSensitive(c->spec, "analyses");
    const cJSON *charts = cJSON_GetObjectItemCaseSensitive(c->spec, "charts");
    const cJSON *e = c->inputs->child, *an = analyses ? analyses->child : NULL, *ch = charts ? charts->child : NULL;
    int kpis = cJSON_GetObjectItemCaseSensitive(c->spec, "kpis") != NULL, ext = 0, last = 0;
    for (size_t ai = 0; !clash && !last; ) {
        char part[600];
        if (e) {
            input_part(part, sizeof part, e->string);
            snprintf(rel, 8192, "data/%s.json", part);
            e = e->next;
        } else if (kpis) {
            snprintf(rel, 8192, "data/kpi.json");
            kpis = 0;
        } else if (an) {
            analysis_part(part, sizeof part, ai++, str(an, "type") ? str(an, "type") : "");
            snprintf(rel, 8192, "data/%s.json", part);
            an = an->next;
        } else if (ch) {
            snprintf(rel, 8192, "charts/%s.%s", str(ch, "name") ? str(ch, "name") : "", ext ? "svg" : "png");
            if ((ext = !ext) == 0)
                ch = ch->next;
        } else if (ext == 0) {
            snprintf(rel, 8192, "report.pdf");
            ext = 1;
        } else {
            snprintf(rel, 8192, "results.json");
            last = 1;
        }
        snprintf(path, 8192 + 4096, "%s/%s", c->out, rel);
        clash = cli_output_clash(path, "the report writes this file, and it is", in, n);
    }
done:
    free(names);
    free(in);
    free(rel);
    free(path);
    return clash;
}

/* Run a subcommand writing JSON to OUT/data/NAME.json; returns its document. */
static cJSON *run_json(const ctx *c, int (*cmd)(int, char **), args *a, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data/%s.json", c->out, name);
    arg(a, "--format=json");
    argf(a, "--output=%s", path);
    if (a->failed) {
        cli_error("report: the part '%s': out of memory", name);
        return NULL;
    }
    int rc = cmd(a->n, a->v);
    if (rc != EXIT_OK) {
        cli_error("report: the part '%s' failed (see above)", name);
        return NULL;
    }
    return cli_read_json(path);
}

/* ---- the document ---- */

typedef struct {
    effekt_block *blocks;
    size_t n, cap;
    char **strings;
    size_t n_strings, cap_strings;
    const effekt_locale *loc;
} doc_builder;

static const char *own(doc_builder *d, char *s)
{
    if (!s)
        return "";
    if (d->n_strings == d->cap_strings) {
        size_t cap = d->cap_strings ? 2 * d->cap_strings : 256;
        char **ns = realloc(d->strings, cap * sizeof *ns);
        if (!ns) {
            free(s);
            return "";
        }
        d->strings = ns;
        d->cap_strings = cap;
    }
    d->strings[d->n_strings++] = s;
    return s;
}

static const char *fmt(doc_builder *d, const char *f, ...) __attribute__((format(printf, 2, 3)));
static const char *fmt(doc_builder *d, const char *f, ...)
{
    va_list ap, again;
    va_start(ap, f);
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, f, ap);   /* any length: text is never cut */
    char *s = len < 0 ? NULL : malloc((size_t)len + 1);
    if (s)
        vsnprintf(s, (size_t)len + 1, f, again);
    va_end(again);
    va_end(ap);
    return own(d, s);
}

static effekt_block *block(doc_builder *d, effekt_block_kind kind)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 64;
        effekt_block *nb = realloc(d->blocks, cap * sizeof *nb);
        if (!nb)
            return NULL;
        d->blocks = nb;
        d->cap = cap;
    }
    effekt_block *b = &d->blocks[d->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

static void heading(doc_builder *d, int level, const char *text)
{
    effekt_block *b = block(d, EFFEKT_BLOCK_HEADING);
    if (b) {
        b->level = level;
        b->text = text;
    }
}

static void para(doc_builder *d, const char *text)
{
    effekt_block *b = block(d, EFFEKT_BLOCK_PARAGRAPH);
    if (b)
        b->text = text;
}

/* A number as a person reads it: whole numbers grouped, others to four
 * significant digits. */
static const char *number_text(doc_builder *d, double v)
{
    char buf[96];
    int dec = v == floor(v) && fabs(v) < 1e15 ? 0 : fabs(v) >= 1000 ? 1 : fabs(v) >= 1 ? 3 : 4;
    if (fabs(v) < 0.001 && v != 0 && v == v) {
        snprintf(buf, sizeof buf, "%.3g", v);
        return fmt(d, "%s", buf);
    }
    return fmt(d, "%s", effekt_locale_format(d->loc, v, dec, buf, sizeof buf));
}

static const char *cell_text(doc_builder *d, const cJSON *v)
{
    if (cJSON_IsString(v))
        return v->valuestring;
    if (cJSON_IsNumber(v))
        return number_text(d, v->valuedouble);
    if (cJSON_IsBool(v))
        return cJSON_IsTrue(v) ? "yes" : "no";
    if (cJSON_IsObject(v)) {
        const cJSON *val = cJSON_GetObjectItemCaseSensitive(v, "value");
        const cJSON *lo = cJSON_GetObjectItemCaseSensitive(v, "lower"), *hi = cJSON_GetObjectItemCaseSensitive(v, "upper");
        if (cJSON_IsNumber(val) && cJSON_IsNumber(lo) && cJSON_IsNumber(hi))
            return fmt(d, "%s (%s\u2013%s)", number_text(d, val->valuedouble), number_text(d, lo->valuedouble),
                       number_text(d, hi->valuedouble));
        if (cJSON_IsNumber(val))
            return number_text(d, val->valuedouble);
        return "n/a";
    }
    return "n/a";
}

/* A table of an array of objects: the first object's keys are the columns. */
static void json_table(doc_builder *d, const cJSON *arr, const char *const *skip)
{
    if (!cJSON_IsArray(arr) || !arr->child)
        return;
    const char *cols[64];
    size_t nc = 0;
    for (const cJSON *k = arr->child->child; k && nc < 64; k = k->next) {
        int skipped = 0;
        for (size_t s = 0; skip && skip[s]; s++)
            skipped |= strcmp(skip[s], k->string) == 0;
        if (!skipped)
            cols[nc++] = k->string;
    }
    size_t nr = (size_t)cJSON_GetArraySize(arr);
    const char **header = calloc(nc ? nc : 1, sizeof *header);
    const char **cells = calloc(nr * nc + 1, sizeof *cells);
    int *right = calloc(nc ? nc : 1, sizeof *right);
    effekt_block *b = header && cells && right ? block(d, EFFEKT_BLOCK_TABLE) : NULL;
    if (!b) {
        free(header);
        free(cells);
        free(right);
        return;
    }
    own(d, (char *)header);
    own(d, (char *)cells);
    own(d, (char *)right);
    for (size_t c = 0; c < nc; c++) {
        header[c] = cols[c];
        const cJSON *first = cJSON_GetObjectItemCaseSensitive(arr->child, cols[c]);
        right[c] = !cJSON_IsString(first);
    }
    size_t r = 0;
    for (const cJSON *row = arr->child; row; row = row->next, r++)
        for (size_t c = 0; c < nc; c++)
            cells[r * nc + c] = cell_text(d, cJSON_GetObjectItemCaseSensitive(row, cols[c]));
    b->n_columns = nc;
    b->n_rows = nr;
    b->header = header;
    b->cells = cells;
    b->right = right;
}

static const char *method_words(const char *type, const cJSON *a, double confidence)
{
    (void)a;
    static char buf[1024];
    if (strcmp(type, "describe") == 0)
        snprintf(buf, sizeof buf,
                 "Method: counts, means and standard deviations (denominator n - 1) with a t-interval of the mean "
                 "at %g %%; quartiles of R's type 7; missing values are left out and counted. Sums are exact when "
                 "the values are decimals as written.", confidence * 100);
    else if (strcmp(type, "compare") == 0)
        snprintf(buf, sizeof buf,
                 "Method: for a rate, each group's share with a Wilson interval at %g %%, Pearson's chi-square test "
                 "of homogeneity, pairwise tests with Holm's adjustment, and exact binomial funnel limits; for a "
                 "value, Welch's t-test or ANOVA and the Mann-Whitney or Kruskal-Wallis test, with Hedges' g.",
                 confidence * 100);
    else
        snprintf(buf, sizeof buf,
                 "Method: Kaplan-Meier estimates of the share still in work (or not yet placed) with Greenwood "
                 "standard errors and log-transformed %g %% intervals; spells still running at follow-up are "
                 "censored; groups compared by the log-rank test.", confidence * 100);
    return buf;
}

static int mkdir_p(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    return mkdir(buf, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

static const char *const kpi_default[] = { "eu_share", "cost_per_participant", "cost_per_job", "planned_cost_per_job",
                                           "placement_rate", "duration_months", NULL };

int cmd_report(int argc, char **argv)
{
    cli_options o;
    int rc = cli_parse(argc, argv, OPT_OUTPUT | OPT_QUIET, report_usage, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (o.n_inputs != 1 || !o.output) {
        fprintf(stderr, "effekt report: give one spec and the output folder: effekt report SPEC.json -o OUT_DIR\n");
        return EXIT_BAD;
    }
    const char *spec_path = o.inputs[0];
    cJSON *spec = cli_read_json(spec_path);
    if (!spec)
        return EXIT_BAD;
    if (cli_spec_check(spec_path, spec)) {
        cJSON_Delete(spec);
        return EXIT_BAD;
    }
    char spec_dir[4096];
    snprintf(spec_dir, sizeof spec_dir, "%s", spec_path);
    char *slash = strrchr(spec_dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(spec_dir, sizeof spec_dir, ".");
    const cJSON *conf = cJSON_GetObjectItemCaseSensitive(spec, "confidence");
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(spec, "seed");
    ctx c = { .spec_dir = spec_dir, .out = o.output, .spec = spec, .inputs = cJSON_GetObjectItemCaseSensitive(spec, "inputs"),
              .confidence = cJSON_IsNumber(conf) ? conf->valuedouble : 0.95, .quiet = o.quiet };
    const char *locale = str(spec, "locale") ? str(spec, "locale") : "en";
    if (report_clash(&c, spec_path)) {
        cJSON_Delete(spec);
        return EXIT_BAD;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/data", o.output);
    int dirs_ok = mkdir_p(dir) == 0;
    snprintf(dir, sizeof dir, "%s/charts", o.output);
    dirs_ok = dirs_ok && mkdir_p(dir) == 0;
    if (!dirs_ok) {
        cli_error("%s: error: cannot create the folder: %s", o.output, strerror(errno));
        cJSON_Delete(spec);
        return EXIT_BAD;
    }
    doc_builder d = { .loc = effekt_locale_find(locale) };
    cJSON *results = cJSON_CreateObject();
    cJSON_AddStringToObject(results, "effekt", PACKAGE_VERSION);
    cJSON_AddItemToObject(results, "spec", cJSON_Duplicate(spec, 1));
    cJSON *r_inputs = cJSON_AddArrayToObject(results, "inputs");
    cJSON *r_analyses = cJSON_AddArrayToObject(results, "analyses");
    cJSON *r_charts = cJSON_AddArrayToObject(results, "charts");
    cli_plot **plots = NULL;
    size_t n_plots = 0;
    rc = EXIT_OK;

    /* 1. inputs: how each was read, for the provenance appendix */
    size_t n_inputs = 0;
    for (const cJSON *in = c.inputs->child; in && rc == EXIT_OK; in = in->next, n_inputs++) {
        args a = { 0 };
        arg(&a, "validate");
        input_args(&c, &a, in->string);
        char name[300];
        input_part(name, sizeof name, in->string);
        cJSON *v = run_json(&c, cmd_validate, &a, name);
        if (!v)
            rc = EXIT_BAD;
        else {
            cJSON *f = cJSON_DetachItemFromArray(cJSON_GetObjectItemCaseSensitive(v, "files"), 0);
            /* the hash of the bytes validate read, not of a second opening */
            cJSON *hex = cJSON_DetachItemFromObjectCaseSensitive(f, "sha256");
            cJSON *entry = cJSON_CreateObject();
            cJSON_AddStringToObject(entry, "name", in->string);
            cJSON_AddStringToObject(entry, "file", str(in, "file"));
            if (hex)
                cJSON_AddItemToObject(entry, "sha256", hex);
            else
                cJSON_AddNullToObject(entry, "sha256");
            cJSON_AddItemToObject(entry, "read", f);
            cJSON_AddItemToArray(r_inputs, entry);
            cJSON_Delete(v);
        }
        args_free(&a);
    }

    /* 2. the KPI sheet */
    const cJSON *kspec = cJSON_GetObjectItemCaseSensitive(spec, "kpis");
    cJSON *kdoc = NULL;
    if (rc == EXIT_OK && kspec) {
        args a = { 0 };
        arg(&a, "kpi");
        argf(&a, "--confidence=%.17g", c.confidence);
        input_args(&c, &a, str(kspec, "input"));
        kdoc = run_json(&c, cmd_kpi, &a, "kpi");
        args_free(&a);
        if (!kdoc)
            rc = EXIT_BAD;
        else
            cJSON_AddItemReferenceToObject(results, "kpis", kdoc);
    }

    /* 3. analyses */
    const cJSON *analyses = cJSON_GetObjectItemCaseSensitive(spec, "analyses");
    size_t ai = 0;
    cJSON **adocs = calloc((size_t)cJSON_GetArraySize(analyses) + 1, sizeof *adocs);
    for (const cJSON *an = analyses ? analyses->child : NULL; an && rc == EXIT_OK && adocs; an = an->next, ai++) {
        const char *type = str(an, "type");
        args a = { 0 };
        arg(&a, (char *)type);
        int (*cmd)(int, char **) = strcmp(type, "describe") == 0 ? cmd_describe
                                 : strcmp(type, "compare") == 0  ? cmd_compare
                                                                 : cmd_retention;
        argf(&a, "--confidence=%.17g", c.confidence);
        if (str(an, "by"))
            argf(&a, "--by=%s", str(an, "by"));
        const cJSON *cols = cJSON_GetObjectItemCaseSensitive(an, "columns");
        if (cols && cols->child)
            arg_list(&a, "columns", cols);
        if (strcmp(type, "describe") == 0)   /* what fits a page */
            arg(&a, "--stats=n,missing,mean,sd,ci,median,q1,q3");
        const char *pass[] = { "outcome", "value", "from", "to" };
        for (size_t k = 0; k < 4; k++)
            if (str(an, pass[k]))
                argf(&a, "--%s=%s", pass[k], str(an, pass[k]));
        const cJSON *at = cJSON_GetObjectItemCaseSensitive(an, "at");
        if (at && at->child)
            arg_list(&a, "at", at);
        input_args(&c, &a, str(an, "input"));
        char name[64];
        analysis_part(name, sizeof name, ai, type);
        adocs[ai] = run_json(&c, cmd, &a, name);
        args_free(&a);
        if (!adocs[ai])
            rc = EXIT_BAD;
        else {
            cJSON *entry = cJSON_CreateObject();
            cJSON_AddItemToObject(entry, "spec", cJSON_Duplicate(an, 1));
            cJSON_AddItemReferenceToObject(entry, "result", adocs[ai]);
            cJSON_AddItemToArray(r_analyses, entry);
        }
    }

    /* 4. charts: files, and the models for the PDF */
    const cJSON *charts = cJSON_GetObjectItemCaseSensitive(spec, "charts");
    plots = calloc((size_t)cJSON_GetArraySize(charts) + 1, sizeof *plots);
    const effekt_chart **models = calloc((size_t)cJSON_GetArraySize(charts) + 1, sizeof *models);
    for (const cJSON *ch = charts ? charts->child : NULL; ch && rc == EXIT_OK && plots && models; ch = ch->next) {
        cJSON *files = cJSON_CreateArray();
        for (int ext = 0; ext < 3 && rc == EXIT_OK; ext++) {
            args a = { 0 };
            arg(&a, "plot");
            arg(&a, (char *)str(ch, "kind"));
            const char *pass[] = { "kpi", "by", "outcome", "value", "x", "y", "bins", "from", "to", "title" };
            for (size_t k = 0; k < sizeof pass / sizeof *pass; k++)
                if (str(ch, pass[k]))
                    argf(&a, "--%s=%s", pass[k], str(ch, pass[k]));
            const cJSON *ref = cJSON_GetObjectItemCaseSensitive(ch, "reference");
            if (cJSON_IsString(ref))
                argf(&a, "--reference=%s", ref->valuestring);
            else if (cJSON_IsNumber(ref))
                argf(&a, "--reference=%.17g", ref->valuedouble);
            argf(&a, "--confidence=%.17g", c.confidence);
            argf(&a, "--locale=%s", locale);
            static const char *const exts[] = { "png", "svg", "pdf" };
            argf(&a, "--output=%s/charts/%s.%s", o.output, str(ch, "name"), exts[ext]);
            input_args(&c, &a, str(ch, "input"));
            if (a.failed) {
                cli_error("report: chart '%s': out of memory", str(ch, "name"));
                rc = EXIT_BAD;
            } else if (ext < 2) {
                if (cmd_plot(a.n, a.v) != EXIT_OK)
                    rc = EXIT_BAD;
                char rel[600];
                snprintf(rel, sizeof rel, "charts/%s.%s", str(ch, "name"), exts[ext]);
                cJSON_AddItemToArray(files, cJSON_CreateString(rel));
            } else if (cli_plot_prepare(a.n, a.v, &plots[n_plots], &models[n_plots]) != EXIT_OK) {
                rc = EXIT_BAD;
            }
            /* the prepared chart keeps pointers into the arguments only through
             * its own copies, so the arguments can go */
            args_free(&a);
        }
        if (rc == EXIT_OK)
            n_plots++;
        cJSON *entry = cJSON_CreateObject();
        cJSON_AddStringToObject(entry, "name", str(ch, "name"));
        cJSON_AddStringToObject(entry, "kind", str(ch, "kind"));
        cJSON_AddItemToObject(entry, "files", files);
        cJSON_AddItemToArray(r_charts, entry);
    }

    /* 5. the document */
    if (rc == EXIT_OK) {
        const char *inputs_line = "";
        for (const cJSON *in = c.inputs->child; in; in = in->next)
            inputs_line = fmt(&d, "%s%s%s", inputs_line, in == c.inputs->child ? "" : ", ", str(in, "file"));
        /* KPIs */
        if (kdoc) {
            heading(&d, 1, "Key figures per project");
            para(&d, fmt(&d, "From %s. Shares are of the total cost; unit costs are total cost divided by the "
                             "count; rates carry Wilson intervals at %g %%. A figure that cannot be computed "
                             "(a missing input, a zero count) is shown as n/a, never as zero.",
                         str(cJSON_GetObjectItemCaseSensitive(c.inputs, str(kspec, "input")), "file"), c.confidence * 100));
            const cJSON *show = cJSON_GetObjectItemCaseSensitive(kspec, "show");
            const char *cols[32];
            size_t nc = 0;
            cols[nc++] = "project";
            if (show && show->child)
                for (const cJSON *e = show->child; e && nc < 32; e = e->next)
                    cols[nc++] = e->valuestring;
            else
                for (size_t k = 0; kpi_default[k]; k++)
                    cols[nc++] = kpi_default[k];
            const cJSON *projects = cJSON_GetObjectItemCaseSensitive(kdoc, "projects");
            size_t nr = (size_t)cJSON_GetArraySize(projects);
            const char **header = calloc(nc, sizeof *header);
            const char **cells = calloc(nr * nc + 1, sizeof *cells);
            int *right = calloc(nc, sizeof *right);
            effekt_block *b = header && cells && right ? block(&d, EFFEKT_BLOCK_TABLE) : NULL;
            own(&d, (char *)header);
            own(&d, (char *)cells);
            own(&d, (char *)right);
            const cJSON *first = projects ? projects->child : NULL;
            const char *cur = first ? str(first, "currency") : NULL;
            for (size_t k = 0; b && k < nc; k++) {
                const effekt_kpi_def *def = effekt_kpi_find(cols[k]);
                int share = def && strcmp(def->unit, "share") == 0, money = def && effekt_kpi_is_money(def);
                header[k] = share ? fmt(&d, "%s (%%)", cols[k])
                          : money && cur ? fmt(&d, "%s (%s)", cols[k], cur)
                          : strcmp(cols[k], "total_cost") == 0 && cur ? fmt(&d, "total cost (%s)", cur)
                          : def && strcmp(def->unit, "months") == 0 ? fmt(&d, "%s (months)", cols[k])
                                                                    : cols[k];
                right[k] = k > 0;
                size_t r = 0;
                for (const cJSON *p = first; p; p = p->next, r++) {
                    const cJSON *v = cJSON_GetObjectItemCaseSensitive(p, cols[k]);
                    char buf[96];
                    if (k == 0) {
                        cells[r * nc] = str(p, "project");
                        continue;
                    }
                    const cJSON *val = cJSON_IsObject(v) ? cJSON_GetObjectItemCaseSensitive(v, "value") : v;
                    if (!cJSON_IsNumber(val)) {
                        /* total_cost and other inputs are not in the KPI sheet: look in the table */
                        cells[r * nc + k] = "n/a";
                        continue;
                    }
                    double x = val->valuedouble;
                    cells[r * nc + k] = share ? fmt(&d, "%s", effekt_locale_format(d.loc, x * 100, 1, buf, sizeof buf))
                                      : fmt(&d, "%s", effekt_locale_format(d.loc, x, money ? 0 : 1, buf, sizeof buf));
                }
            }
            if (b) {
                b->n_columns = nc;
                b->n_rows = nr;
                b->header = header;
                b->cells = cells;
                b->right = right;
            }
        }
        /* charts */
        if (n_plots) {
            effekt_block *pb = block(&d, EFFEKT_BLOCK_PAGE_BREAK);
            (void)pb;
            heading(&d, 1, "Charts");
            for (size_t k = 0; k < n_plots; k++) {
                effekt_block *b = block(&d, EFFEKT_BLOCK_CHART);
                if (b)
                    b->chart = models[k];
            }
        }
        /* analyses */
        ai = 0;
        for (const cJSON *an = analyses ? analyses->child : NULL; an; an = an->next, ai++) {
            const char *type = str(an, "type");
            heading(&d, 1, str(an, "title") ? str(an, "title")
                                            : fmt(&d, "%s of %s%s%s", type, str(an, "input"), str(an, "by") ? " by " : "",
                                                  str(an, "by") ? str(an, "by") : ""));
            para(&d, method_words(type, an, c.confidence) ? fmt(&d, "%s", method_words(type, an, c.confidence)) : "");
            static const char *const sections[] = { "statistics", "groups", "curves", "tests", "pairwise" };
            static const char *const skip[] = { "file", NULL };
            for (size_t s = 0; s < 5; s++) {
                const cJSON *arr = cJSON_GetObjectItemCaseSensitive(adocs[ai], sections[s]);
                if (cJSON_IsArray(arr) && arr->child) {
                    heading(&d, 2, sections[s]);
                    json_table(&d, arr, skip);
                }
            }
        }
        /* warnings */
        heading(&d, 1, "Warnings");
        const cJSON *warn = kdoc ? cJSON_GetObjectItemCaseSensitive(kdoc, "warnings") : NULL;
        if (cJSON_IsArray(warn) && warn->child) {
            static const char *const skip[] = { "severity", NULL };
            json_table(&d, warn, skip);
        } else {
            para(&d, "The KPI inputs raised no warnings.");
        }
        /* methods and provenance */
        heading(&d, 1, "Methods");
        para(&d, "KPIs follow the product's definitions: a pooled unit cost is a ratio of sums (the sum of costs "
                 "over the sum of jobs), never a mean of ratios; a KPI whose inputs are missing or whose "
                 "denominator is zero is undefined and reported with its reason. Proportions carry Wilson score "
                 "intervals. Descriptive statistics keep missing values out and count them; quantiles are R's "
                 "type 7. Retention uses Kaplan-Meier estimates with Greenwood variances; tests are stated with "
                 "their statistic, degrees of freedom and p-value. Every statistic is tested in effekt's test "
                 "suite against R or NIST certified values.");
        heading(&d, 1, "Data provenance");
        para(&d, fmt(&d, "effekt %s; confidence %g %%; seed %s; locale %s.", PACKAGE_VERSION, c.confidence * 100,
                     cJSON_IsNumber(seed) ? fmt(&d, "%.0f", seed->valuedouble) : "none (nothing random)", locale));
        const char *ph[] = { "input", "file", "rows", "columns", "missing values", "SHA-256" };
        size_t nr = (size_t)cJSON_GetArraySize(r_inputs);
        const char **cells = calloc(nr * 6 + 1, sizeof *cells);
        static const int pr[] = { 0, 0, 1, 1, 1, 0 };
        effekt_block *b = cells ? block(&d, EFFEKT_BLOCK_TABLE) : NULL;
        own(&d, (char *)cells);
        size_t r = 0;
        for (const cJSON *e = r_inputs->child; b && e; e = e->next, r++) {
            const cJSON *read = cJSON_GetObjectItemCaseSensitive(e, "read");
            const cJSON *cols = cJSON_GetObjectItemCaseSensitive(read, "columns");
            double missing = 0;
            for (const cJSON *col = cols ? cols->child : NULL; col; col = col->next) {
                const cJSON *m = cJSON_GetObjectItemCaseSensitive(col, "missing");
                missing += cJSON_IsNumber(m) ? m->valuedouble : 0;
            }
            const cJSON *rows = cJSON_GetObjectItemCaseSensitive(read, "rows");
            cells[r * 6 + 0] = str(e, "name");
            cells[r * 6 + 1] = str(e, "file");
            cells[r * 6 + 2] = cJSON_IsNumber(rows) ? number_text(&d, rows->valuedouble) : "n/a";
            cells[r * 6 + 3] = number_text(&d, (double)cJSON_GetArraySize(cols));
            cells[r * 6 + 4] = number_text(&d, missing);
            cells[r * 6 + 5] = str(e, "sha256");
        }
        if (b) {
            b->n_columns = 6;
            b->n_rows = nr;
            b->header = ph;
            b->cells = cells;
            b->right = pr;
        }
        effekt_document document = {
            .title = str(spec, "title"), .subtitle = str(spec, "subtitle"),
            .title_note = fmt(&d, "Data: %s.\nMade with effekt %s from %s; the same spec and data give the same "
                                  "report, byte for byte.", inputs_line, PACKAGE_VERSION, spec_path),
            .blocks = d.blocks, .n_blocks = d.n, .locale = d.loc,
        };
        char path[4096];
        effekt_diag diag;
        effekt_diag_init(&diag);
        effekt_output out;
        snprintf(path, sizeof path, "%s/report.pdf", o.output);
        effekt_status st = effekt_output_open(&out, path, NULL, 0, &diag);
        if (st == EFFEKT_OK) {
            st = effekt_document_write_pdf(&document, out.stream, &diag);
            st = st == EFFEKT_OK ? effekt_output_commit(&out, &diag) : (effekt_output_abort(&out), st);
        }
        if (st == EFFEKT_OK) {
            snprintf(path, sizeof path, "%s/results.json", o.output);
            st = effekt_output_open(&out, path, NULL, 0, &diag);
            if (st == EFFEKT_OK) {
                char *text = effekt_json_print(results, 1);
                st = text && fputs(text, out.stream) != EOF && fputc('\n', out.stream) != EOF ? EFFEKT_OK : EFFEKT_EIO;
                free(text);
                st = st == EFFEKT_OK ? effekt_output_commit(&out, &diag) : (effekt_output_abort(&out), st);
            }
        }
        cli_report(&diag, 0);
        effekt_diag_free(&diag);
        if (st != EFFEKT_OK)
            rc = EXIT_BAD;
        else if (!o.quiet)
            fprintf(stderr, "effekt: wrote %s/report.pdf, %s/results.json and %zu charts\n", o.output, o.output, n_plots);
    }
    for (size_t k = 0; k < n_plots; k++)
        cli_plot_free(plots[k]);
    free(plots);
    free(models);
    for (size_t k = 0; adocs && k < ai + 1; k++)
        cJSON_Delete(adocs[k]);
    free(adocs);
    cJSON_Delete(kdoc);
    cJSON_Delete(results);
    for (size_t k = 0; k < d.n_strings; k++)
        free(d.strings[k]);
    free(d.strings);
    free(d.blocks);
    cJSON_Delete(spec);
    return rc;
}
