/* The shared writer: JSON as built, table and CSV from arrays of
 * objects. */
#include "config.h"

#include "lib_alloc.h"
#include "lib_enum.h"
#include "lib_json.h"

#include <inttypes.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/output.h"

void effekt_format_number(double v, char *buf, size_t size)
{
    if (!isfinite(v))
        snprintf(buf, size, "n/a");
    else if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, size, "%.0f", v == 0 ? 0.0 : v);
    else if (fabs(v) >= 1e15)   /* not 300 digits of which 17 mean something */
        snprintf(buf, size, "%.6g", v);
    else if (fabs(v) >= 100)
        snprintf(buf, size, "%.2f", v);
    else
        snprintf(buf, size, "%.6g", v);
}

int effekt_format_exact(double v, char *buf, size_t size)
{
    if (!isfinite(v)) {
        if (size)
            buf[0] = '\0';
        return -1;
    }
    /* whole numbers as integers: 100, not the shorter 1e+02 that also
     * reads back, and an exact sum of 16-digit integers as its digits.
     * Below 1e17 %.0f is the double's exact value in at most 17 digits,
     * so it reads back to the same bits; larger whole numbers would be
     * long runs of digits of which 17 mean something.  -0 as 0 */
    if (v == floor(v) && fabs(v) < 1e17) {
        snprintf(buf, size, "%.0f", v == 0 ? 0.0 : v);
        return 0;
    }
    /* the first precision that reads back to the same bits; 17
     * significant digits always do (IEEE 754 binary64).  Starting at 15
     * gives the same text as starting at 1: a value whose shortest form
     * has p <= 15 digits lies within half an ulp (< 1.2e-16 relative) of
     * it, nearer than half a unit of the 15th digit (>= 5e-16), so %.15g
     * rounds to those p digits and %g drops the zeros after them.  At
     * most 3 tries, not 17: the shortest search was half the time of a
     * 100,000-row kpi -f csv.  Subnormals have fewer bits: from 1. */
    for (int prec = fabs(v) < DBL_MIN ? 1 : 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return 0;
}

/* Give every number of the tree (a copy) its exact text as a raw item,
 * which cJSON prints as it is.  -1: out of memory. */
static int exact_numbers(cJSON *node)
{
    for (; node; node = node->next) {
        if (cJSON_IsNumber(node)) {
            char buf[32];
            if (effekt_format_exact(node->valuedouble, buf, sizeof buf) != 0) {
                /* JSON has no NaN or infinity: null, as cJSON writes them */
                node->type = (node->type & ~0xFF) | cJSON_NULL;
                continue;
            }
            char *text = effekt_strdup(buf);
            if (!text)
                return -1;
            node->type = (node->type & ~0xFF) | cJSON_Raw;
            node->valuestring = text;
        } else if (node->child && exact_numbers(node->child) != 0) {
            return -1;
        }
    }
    return 0;
}

char *effekt_cjson_print(const cJSON *doc, int formatted)
{
    cJSON *copy = cJSON_Duplicate(doc, 1);
    if (!copy)
        return NULL;
    char *text = NULL;
    if (exact_numbers(copy) == 0)
        text = formatted ? cJSON_Print(copy) : cJSON_PrintUnformatted(copy);
    cJSON_Delete(copy);
    return text;
}

cJSON *effekt_cjson_uint64(uint64_t v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%" PRIu64, v);
    return cJSON_CreateRaw(buf);
}

char *effekt_json_print(const effekt_json *doc, int formatted)
{
    return effekt_cjson_print(effekt_json_cjson_const(doc), formatted);
}

effekt_json *effekt_json_uint64(uint64_t v)
{
    return effekt_json_of(effekt_cjson_uint64(v));
}

/* Shortest text that reads back as the same double; empty when not
 * finite (CSV has no null). */
static void exact_number(double v, char *buf, size_t size)
{
    effekt_format_exact(v, buf, size);
}

static const cJSON *at_path(const cJSON *doc, const char *path)
{
    const cJSON *node = doc;
    const char *p = path;
    while (node && *p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        char key[128];
        if (n >= sizeof key)
            return NULL;
        memcpy(key, p, n);
        key[n] = '\0';
        if (cJSON_IsArray(node)) {
            char *end;
            long i = strtol(key, &end, 10);
            node = *end ? NULL : cJSON_GetArrayItem(node, (int)i);
        } else {
            node = cJSON_GetObjectItemCaseSensitive(node, key);
        }
        p += n + (dot ? 1 : 0);
    }
    return node;
}

static int is_figure(const cJSON *v)
{
    return cJSON_IsObject(v) && cJSON_GetObjectItemCaseSensitive(v, "value");
}

/* The columns of one sheet: a key of the row objects and which part of
 * it (a figure has its value, limits and reasons in columns of their own). */
typedef struct {
    size_t cols, cap_cols;
    char **keys;      /* column keys (copies: streamed rows do not stay) */
    int *part;        /* 0 value, 1 lower, 2 upper, 3 reason, 4 lower_reason, 5 upper_reason */
    int *numeric;     /* per column: right-align */
    size_t *width;    /* per column, in code points (tables) */
    size_t hint;      /* add_column: where the next key of this row likely is */
} grid;

/* The item of row under key, looked for first at *cursor and after it:
 * rows mostly hold their keys in the order of the columns, and a search
 * from the start per cell was O(keys^2) a row (half of kpi -f csv's time
 * at 100,000 projects). */
static const cJSON *item_at(const cJSON *row, const char *key, const cJSON **cursor)
{
    const cJSON *c = *cursor;
    if (c && c->string && strcmp(c->string, key) == 0)
        return c;
    if (c && c->next && c->next->string && strcmp(c->next->string, key) == 0) {
        *cursor = c->next;
        return c->next;
    }
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(row, key);
    if (v)
        *cursor = v;
    return v;
}

/* The rows of a sheet, one at a time: the items of its array in doc, or
 * objects its row function makes, each deleted when the next is asked for. */
typedef struct {
    const effekt_output_sheet *sheet;
    const cJSON *next_item;
    size_t i;
    cJSON *made;
    int failed;
} row_iter;

static void rows_begin(row_iter *it, const effekt_output_sheet *s, const cJSON *array)
{
    memset(it, 0, sizeof *it);
    it->sheet = s;
    it->next_item = array ? array->child : NULL;
}

static const cJSON *rows_next(row_iter *it)
{
    cJSON_Delete(it->made);
    it->made = NULL;
    if (it->sheet->row) {
        if (it->i >= it->sheet->n_rows)
            return NULL;
        it->made = effekt_json_cjson(it->sheet->row(it->sheet->ctx, it->i++));
        it->failed |= !it->made;
        return it->made;
    }
    const cJSON *r = it->next_item;
    if (r)
        it->next_item = r->next;
    return r;
}

static void rows_end(row_iter *it)
{
    cJSON_Delete(it->made);
    it->made = NULL;
}

static char *text_of(const cJSON *v, int part, int human)
{
    char buf[256];
    if (is_figure(v)) {
        const char *names[] = { "value", "lower", "upper", "reason", "lower_reason", "upper_reason" };
        if (human && part == 0) {
            const cJSON *val = cJSON_GetObjectItemCaseSensitive(v, "value");
            const cJSON *lo = cJSON_GetObjectItemCaseSensitive(v, "lower");
            const cJSON *hi = cJSON_GetObjectItemCaseSensitive(v, "upper");
            if (!cJSON_IsNumber(val) && !cJSON_IsNumber(lo) && !cJSON_IsNumber(hi))
                return effekt_strdup("n/a");
            /* a figure not reached may still have a limit that is (a
             * median not reached, its lower limit 399): n/a [399, n/a] */
            char a[48], b[48], c[48];
            if (cJSON_IsNumber(val))
                effekt_format_number(val->valuedouble, a, sizeof a);
            else
                snprintf(a, sizeof a, "n/a");
            if (cJSON_IsNumber(lo) || cJSON_IsNumber(hi)) {
                /* a one-sided interval shows its missing end as n/a */
                if (cJSON_IsNumber(lo))
                    effekt_format_number(lo->valuedouble, b, sizeof b);
                else
                    snprintf(b, sizeof b, "n/a");
                if (cJSON_IsNumber(hi))
                    effekt_format_number(hi->valuedouble, c, sizeof c);
                else
                    snprintf(c, sizeof c, "n/a");
                snprintf(buf, sizeof buf, "%s [%s, %s]", a, b, c);
                return effekt_strdup(buf);
            }
            return effekt_strdup(a);
        }
        v = cJSON_GetObjectItemCaseSensitive(v, names[part]);
        if (!v)
            return effekt_strdup("");
    }
    if (cJSON_IsNumber(v)) {
        if (human)
            effekt_format_number(v->valuedouble, buf, sizeof buf);
        else
            exact_number(v->valuedouble, buf, sizeof buf);
        return effekt_strdup(buf);
    }
    if (cJSON_IsString(v)) {
        /* people read tables: cut long text at 40 characters, on a
         * character boundary, with an ellipsis */
        const char *str = v->valuestring;
        size_t chars = 0, i = 0;
        for (; str[i] && chars < 40; i++)
            chars += ((unsigned char)str[i] & 0xC0) != 0x80;
        while (str[i] && ((unsigned char)str[i] & 0xC0) == 0x80)
            i++;
        if (!human || !str[i])
            return effekt_strdup(str);
        char *cut = effekt_malloc(i + 4);
        if (cut) {
            memcpy(cut, str, i);
            memcpy(cut + i, "\xe2\x80\xa6", 4);
        }
        return cut;
    }
    if (cJSON_IsBool(v))
        return effekt_strdup(cJSON_IsTrue(v) ? "true" : "false");
    if (cJSON_IsRaw(v))   /* a number no double holds, such as a seed */
        return effekt_strdup(v->valuestring);
    if (!v)
        return effekt_strdup("");
    if (cJSON_IsNull(v))
        return effekt_strdup(human ? "n/a" : "");
    return effekt_strdup("");
}

static int add_column(grid *g, const char *key, int part)
{
    if (g->hint < g->cols && g->part[g->hint] == part && strcmp(g->keys[g->hint], key) == 0) {
        g->hint++;
        return 0;
    }
    for (size_t c = 0; c < g->cols; c++)
        if (strcmp(g->keys[c], key) == 0 && g->part[c] == part) {
            g->hint = c + 1;
            return 0;
        }
    if (g->cols == g->cap_cols) {
        size_t cap = g->cap_cols ? 2 * g->cap_cols : 16;
        char **k = effekt_realloc(g->keys, cap * sizeof *k);
        if (!k)
            return -1;
        g->keys = k;
        int *p = effekt_realloc(g->part, cap * sizeof *p);
        if (!p)
            return -1;
        g->part = p;
        g->cap_cols = cap;
    }
    if (!(g->keys[g->cols] = effekt_strdup(key)))
        return -1;
    g->part[g->cols] = part;
    g->cols++;
    return 0;
}

/* The columns one row brings (a figure's parts only in CSV). */
static int collect_columns(grid *g, const cJSON *row, int human)
{
    static const char *const extra[] = { NULL, "lower", "upper", "reason", "lower_reason", "upper_reason" };
    const cJSON *v;
    g->hint = 0;
    cJSON_ArrayForEach(v, row) {
        if (cJSON_IsArray(v) || (cJSON_IsObject(v) && !is_figure(v)))
            continue;
        if (add_column(g, v->string, 0) != 0)
            return -1;
        for (int part = 1; !human && is_figure(v) && part < 6; part++)
            if (cJSON_GetObjectItemCaseSensitive(v, extra[part]) && add_column(g, v->string, part) != 0)
                return -1;
    }
    return 0;
}

/* Keep the parts of one key together: value, lower, upper, reasons
 * (insertion sort on the first position of the key, then the part). */
static void sort_columns(grid *g)
{
    for (size_t i = 1; i < g->cols; i++) {
        for (size_t j = i; j > 0; j--) {
            size_t a = 0, b = 0;
            while (strcmp(g->keys[a], g->keys[j - 1]) != 0) a++;
            while (strcmp(g->keys[b], g->keys[j]) != 0) b++;
            if (a < b || (a == b && g->part[j - 1] <= g->part[j]))
                break;
            char *tk = g->keys[j]; g->keys[j] = g->keys[j - 1]; g->keys[j - 1] = tk;
            int tp = g->part[j]; g->part[j] = g->part[j - 1]; g->part[j - 1] = tp;
        }
    }
}

static char *heading_of(const grid *g, size_t c)
{
    static const char *const suffix[] = { "", "_lower", "_upper", "_reason", "_lower_reason", "_upper_reason" };
    size_t n = strlen(g->keys[c]) + 16;
    char *h = effekt_malloc(n);
    if (h)
        snprintf(h, n, "%s%s", g->keys[c], suffix[g->part[c]]);
    return h;
}

static void free_grid(grid *g)
{
    for (size_t c = 0; g->keys && c < g->cols; c++)
        free(g->keys[c]);
    free(g->keys);
    free(g->part);
    free(g->numeric);
    free(g->width);
}

/* Display width: code points, not bytes. */
static size_t width_of(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void write_csv_field(FILE *out, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL && s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* Widths and alignment of a table's columns: every cell measured. */
static int measure_row(grid *g, const cJSON *row)
{
    const cJSON *cursor = row ? row->child : NULL;
    for (size_t c = 0; c < g->cols; c++) {
        const cJSON *v = item_at(row, g->keys[c], &cursor);
        char *text = text_of(v, g->part[c], 1);
        if (!text)
            return -1;
        size_t x = width_of(text);
        free(text);
        if (x > g->width[c])
            g->width[c] = x;
        if (!((cJSON_IsNumber(v) || is_figure(v) || cJSON_IsNull(v) || !v) && g->part[c] < 3))
            g->numeric[c] = 0;
    }
    return 0;
}

/* One line: the heading (row NULL) or a row, as CSV or padded. */
static int write_line(FILE *out, const grid *g, const cJSON *row, effekt_format format)
{
    int human = format == EFFEKT_FORMAT_TABLE;
    const cJSON *cursor = row ? row->child : NULL;
    for (size_t c = 0; c < g->cols; c++) {
        char *s = row ? text_of(item_at(row, g->keys[c], &cursor), g->part[c], human)
                      : heading_of(g, c);
        if (!s)
            return -1;
        if (!human) {
            if (c)
                fputc(',', out);
            write_csv_field(out, s);
        } else {
            size_t pad = g->width[c] - width_of(s);
            int right = g->numeric[c] && row;
            if (c)
                fputs("  ", out);
            if (right)
                fprintf(out, "%*s", (int)pad, "");
            fputs(s, out);
            if (!right && c + 1 < g->cols)
                fprintf(out, "%*s", (int)pad, "");
        }
        free(s);
    }
    fputc('\n', out);
    if (human && !row) {
        for (size_t c = 0; c < g->cols; c++) {
            if (c)
                fputs("  ", out);
            for (size_t k = 0; k < g->width[c]; k++)
                fputc('-', out);
        }
        fputc('\n', out);
    }
    return 0;
}

/* Under a table for people: why each n/a is n/a, counted; a missing
 * limit of a figure (lower_reason, upper_reason) under its own label.
 * Gathered row by row (the keys and reasons copied: streamed rows do not
 * stay), printed after the table. */
enum { MAX_REASONS = 64 };
typedef struct {
    char *key[MAX_REASONS], *why[MAX_REASONS];
    size_t count[MAX_REASONS], part[MAX_REASONS], n;
} reasons;

static int add_reasons(reasons *acc, const cJSON *row)
{
    static const char *const field[] = { "reason", "lower_reason", "upper_reason" };
    const cJSON *v;
    cJSON_ArrayForEach(v, row) {
        for (size_t f = 0; f < 3; f++) {
            const cJSON *r = is_figure(v) ? cJSON_GetObjectItemCaseSensitive(v, field[f]) : NULL;
            if (!cJSON_IsString(r))
                continue;
            size_t i = 0;
            while (i < acc->n && !(strcmp(acc->key[i], v->string) == 0 && acc->part[i] == f &&
                                   strcmp(acc->why[i], r->valuestring) == 0))
                i++;
            if (i == acc->n) {
                if (acc->n == MAX_REASONS)
                    continue;
                acc->key[i] = effekt_strdup(v->string);
                acc->why[i] = effekt_strdup(r->valuestring);
                if (!acc->key[i] || !acc->why[i]) {
                    free(acc->key[i]);
                    free(acc->why[i]);
                    return -1;
                }
                acc->part[i] = f;
                acc->count[acc->n++] = 0;
            }
            acc->count[i]++;
        }
    }
    return 0;
}

static void write_reasons(FILE *out, const reasons *acc)
{
    static const char *const label[] = { "", " (lower limit)", " (upper limit)" };
    size_t n = acc->n;
    if (n)
        fputs("n/a:\n", out);
    /* grouped by column, in the order the columns first appear; within
     * a column the figure's own reasons before its limits' */
    int done[MAX_REASONS] = { 0 };
    for (size_t i = 0; i < n; i++)
        for (size_t f = 0; f < 3; f++)
            for (size_t j = i; j < n; j++) {
                if (done[j] || acc->part[j] != f || strcmp(acc->key[j], acc->key[i]) != 0)
                    continue;
                done[j] = 1;
                fprintf(out, "  %s%s: %s (%zu row%s)\n", acc->key[j], label[acc->part[j]], acc->why[j],
                        acc->count[j], acc->count[j] == 1 ? "" : "s");
            }
}

static void free_reasons(reasons *acc)
{
    for (size_t i = 0; i < acc->n; i++) {
        free(acc->key[i]);
        free(acc->why[i]);
    }
}

/* One sheet as a table or CSV: the rows are walked once for the columns
 * (and the reasons), for a table once more for the widths, then written;
 * only one row is held at a time. */
static effekt_status write_sheet(FILE *out, const effekt_output_sheet *sheet, const cJSON *array, effekt_format format,
                                 int first)
{
    int human = format == EFFEKT_FORMAT_TABLE, bad = 0;
    grid g = { 0 };
    reasons acc = { .n = 0 };
    row_iter it;
    const cJSON *row;
    rows_begin(&it, sheet, array);
    while (!bad && (row = rows_next(&it)))
        bad = collect_columns(&g, row, human) != 0 || (human && add_reasons(&acc, row) != 0);
    bad |= it.failed;
    rows_end(&it);
    if (!bad && g.cols) {
        sort_columns(&g);
        g.numeric = effekt_malloc(g.cols * sizeof *g.numeric);
        g.width = effekt_malloc(g.cols * sizeof *g.width);
        bad = !g.numeric || !g.width;
        for (size_t c = 0; !bad && c < g.cols; c++) {
            char *h = heading_of(&g, c);
            bad = !h;
            g.numeric[c] = 1;
            g.width[c] = h ? width_of(h) : 0;
            free(h);
        }
    }
    if (!bad && human) {
        rows_begin(&it, sheet, array);
        while (!bad && (row = rows_next(&it)))
            bad = measure_row(&g, row) != 0;
        bad |= it.failed;
        rows_end(&it);
    }
    if (!bad) {
        if (!first)
            fputc('\n', out);
        if (human && sheet->title)
            fprintf(out, "%s\n", sheet->title);
        bad = write_line(out, &g, NULL, format) != 0;
        rows_begin(&it, sheet, array);
        while (!bad && (row = rows_next(&it)))
            bad = write_line(out, &g, row, format) != 0;
        bad |= it.failed;
        rows_end(&it);
        if (human)
            write_reasons(out, &acc);
    }
    free_grid(&g);
    free_reasons(&acc);
    return bad ? EFFEKT_ENOMEM : EFFEKT_OK;
}

/* JSON with streamed sheets: doc printed, and at each such sheet's empty
 * array (a key of the root, printed as "\n\t\"KEY\":\t[]") its rows,
 * printed one by one and indented as cJSON_Print indents an array's
 * objects at that depth (two tabs more after each line break: strings
 * hold no raw line breaks). */
static effekt_status write_json(FILE *out, const cJSON *doc, const effekt_output_sheet *sheets, size_t n_sheets)
{
    char *s = effekt_cjson_print(doc, 1);
    if (!s)
        return EFFEKT_ENOMEM;
    const char *at = s;
    effekt_status st = EFFEKT_OK;
    for (;;) {
        /* the next streamed sheet's place in the text */
        const char *best = NULL;
        const effekt_output_sheet *sheet = NULL;
        for (size_t i = 0; i < n_sheets; i++) {
            if (!sheets[i].row)
                continue;
            char marker[160];
            if (snprintf(marker, sizeof marker, "\n\t\"%s\":\t[]", sheets[i].path) >= (int)sizeof marker)
                continue;
            const char *p = strstr(at, marker);
            if (p && (!best || p < best)) {
                best = p + strlen(marker) - 1;   /* at the ']' */
                sheet = &sheets[i];
            }
        }
        if (!sheet)
            break;
        fwrite(at, 1, (size_t)(best - at), out);
        row_iter it;
        const cJSON *row;
        rows_begin(&it, sheet, NULL);
        for (size_t k = 0; st == EFFEKT_OK && (row = rows_next(&it)); k++) {
            char *text = effekt_cjson_print(row, 1);
            if (!text) {
                st = EFFEKT_ENOMEM;
                break;
            }
            if (k)
                fputs(", ", out);
            for (const char *c = text; *c; c++) {
                fputc(*c, out);
                if (*c == '\n')
                    fputs("\t\t", out);
            }
            free(text);
        }
        if (it.failed)
            st = EFFEKT_ENOMEM;
        rows_end(&it);
        at = best;
        if (st != EFFEKT_OK)
            break;
    }
    if (st == EFFEKT_OK) {
        fputs(at, out);
        fputc('\n', out);
    }
    free(s);
    return st;
}

effekt_status effekt_output_write(FILE *out, const effekt_json *json, effekt_format format,
                                  const effekt_output_sheet *sheets, size_t n_sheets)
{
    const cJSON *doc = effekt_json_cjson_const(json);
    if (format == EFFEKT_FORMAT_JSON) {
        effekt_status st = write_json(out, doc, sheets, n_sheets);
        if (st != EFFEKT_OK)
            return st;
    } else {
        int first = 1;
        for (size_t i = 0; i < n_sheets; i++) {
            const cJSON *array = sheets[i].row ? NULL : at_path(doc, sheets[i].path);
            size_t n = sheets[i].row ? sheets[i].n_rows : (size_t)cJSON_GetArraySize(array);
            if ((!sheets[i].row && !cJSON_IsArray(array)) || (format == EFFEKT_FORMAT_TABLE && n == 0))
                continue;   /* people need no empty tables */
            effekt_status st = write_sheet(out, &sheets[i], array, format, first);
            if (st != EFFEKT_OK)
                return st;
            first = 0;
        }
    }
    return ferror(out) ? EFFEKT_EIO : EFFEKT_OK;
}

static const char *const format_names[] = { "table", "csv", "json" };

EFFEKT_ENUM_FUNCTIONS(effekt_format_name, effekt_format_parse, effekt_format, format_names)
