/* The shared writer: JSON as built, table and CSV from arrays of
 * objects. */
#include "config.h"

#include "lib_alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/output.h"

effekt_status effekt_format_parse(const char *name, effekt_format *out)
{
    static const struct { const char *name; effekt_format f; } formats[] = {
        { "table", EFFEKT_FORMAT_TABLE }, { "csv", EFFEKT_FORMAT_CSV }, { "json", EFFEKT_FORMAT_JSON },
    };
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcasecmp(name, formats[i].name) == 0) {
            *out = formats[i].f;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

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

/* Shortest text that reads back as the same double. */
static void exact_number(double v, char *buf, size_t size)
{
    if (!isfinite(v)) {
        buf[0] = '\0';
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
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

typedef struct {
    char **cells;     /* rows x cols, row 0 the header */
    int *numeric;     /* per column: right-align */
    size_t rows, cols, cap_cols;
    char **keys;      /* column keys */
    int *part;        /* 0 value, 1 lower, 2 upper, 3 reason, 4 lower_reason, 5 upper_reason */
} grid;

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
    if (!v)
        return effekt_strdup("");
    if (cJSON_IsNull(v))
        return effekt_strdup(human ? "n/a" : "");
    return effekt_strdup("");
}

static int add_column(grid *g, const char *key, int part)
{
    for (size_t c = 0; c < g->cols; c++)
        if (strcmp(g->keys[c], key) == 0 && g->part[c] == part)
            return 0;
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
    g->keys[g->cols] = (char *)key;
    g->part[g->cols] = part;
    g->cols++;
    return 0;
}

/* Build the grid of strings for one array of objects. */
static int build_grid(const cJSON *array, int human, grid *g)
{
    memset(g, 0, sizeof *g);
    const cJSON *row;
    cJSON_ArrayForEach(row, array) {
        const cJSON *v;
        cJSON_ArrayForEach(v, row) {
            if (cJSON_IsArray(v) || (cJSON_IsObject(v) && !is_figure(v)))
                continue;
            if (add_column(g, v->string, 0) != 0)
                return -1;
            if (!human && is_figure(v)) {
                if (cJSON_GetObjectItemCaseSensitive(v, "lower") && add_column(g, v->string, 1) != 0)
                    return -1;
                if (cJSON_GetObjectItemCaseSensitive(v, "upper") && add_column(g, v->string, 2) != 0)
                    return -1;
                if (cJSON_GetObjectItemCaseSensitive(v, "reason") && add_column(g, v->string, 3) != 0)
                    return -1;
                if (cJSON_GetObjectItemCaseSensitive(v, "lower_reason") && add_column(g, v->string, 4) != 0)
                    return -1;
                if (cJSON_GetObjectItemCaseSensitive(v, "upper_reason") && add_column(g, v->string, 5) != 0)
                    return -1;
            }
        }
    }
    /* keep the parts of one key together: value, lower, upper, reason
     * (insertion sort on the first position of the key, then the part) */
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
    g->rows = (size_t)cJSON_GetArraySize(array) + 1;
    g->cells = effekt_calloc(g->rows * (g->cols ? g->cols : 1), sizeof *g->cells);
    g->numeric = effekt_calloc(g->cols ? g->cols : 1, sizeof *g->numeric);
    if (!g->cells || !g->numeric)
        return -1;
    static const char *const suffix[] = { "", "_lower", "_upper", "_reason", "_lower_reason", "_upper_reason" };
    for (size_t c = 0; c < g->cols; c++) {
        size_t n = strlen(g->keys[c]) + 16;
        g->cells[c] = effekt_malloc(n);
        if (!g->cells[c])
            return -1;
        snprintf(g->cells[c], n, "%s%s", g->keys[c], suffix[g->part[c]]);
        g->numeric[c] = 1;
    }
    size_t r = 1;
    cJSON_ArrayForEach(row, array) {
        for (size_t c = 0; c < g->cols; c++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(row, g->keys[c]);
            g->cells[r * g->cols + c] = text_of(v, g->part[c], human);
            if (!g->cells[r * g->cols + c])
                return -1;
            int num = (cJSON_IsNumber(v) || is_figure(v) || cJSON_IsNull(v) || !v) && g->part[c] < 3;
            if (!num)
                g->numeric[c] = 0;
        }
        r++;
    }
    return 0;
}

static void free_grid(grid *g)
{
    if (g->cells)
        for (size_t i = 0; i < g->rows * g->cols; i++)
            free(g->cells[i]);
    free(g->cells);
    free(g->numeric);
    free(g->keys);
    free(g->part);
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

static void write_grid(FILE *out, const grid *g, effekt_format format, const char *title, int first)
{
    if (format == EFFEKT_FORMAT_CSV) {
        if (!first)
            fputc('\n', out);
        for (size_t r = 0; r < g->rows; r++) {
            for (size_t c = 0; c < g->cols; c++) {
                if (c)
                    fputc(',', out);
                write_csv_field(out, g->cells[r * g->cols + c]);
            }
            fputc('\n', out);
        }
        return;
    }
    size_t *w = effekt_calloc(g->cols ? g->cols : 1, sizeof *w);
    if (!w)
        return;
    for (size_t r = 0; r < g->rows; r++)
        for (size_t c = 0; c < g->cols; c++) {
            size_t x = width_of(g->cells[r * g->cols + c]);
            if (x > w[c])
                w[c] = x;
        }
    if (!first)
        fputc('\n', out);
    if (title)
        fprintf(out, "%s\n", title);
    for (size_t r = 0; r < g->rows; r++) {
        for (size_t c = 0; c < g->cols; c++) {
            const char *s = g->cells[r * g->cols + c];
            size_t pad = w[c] - width_of(s);
            int right = g->numeric[c] && r > 0;
            if (c)
                fputs("  ", out);
            if (right)
                fprintf(out, "%*s", (int)pad, "");
            fputs(s, out);
            if (!right && c + 1 < g->cols)
                fprintf(out, "%*s", (int)pad, "");
        }
        fputc('\n', out);
        if (r == 0) {
            for (size_t c = 0; c < g->cols; c++) {
                if (c)
                    fputs("  ", out);
                for (size_t k = 0; k < w[c]; k++)
                    fputc('-', out);
            }
            fputc('\n', out);
        }
    }
    free(w);
}

/* Under a table for people: why each n/a is n/a, counted; a missing
 * limit of a figure (lower_reason, upper_reason) under its own label. */
static void write_reasons(FILE *out, const cJSON *array)
{
    enum { MAX = 64 };
    static const char *const field[] = { "reason", "lower_reason", "upper_reason" };
    static const char *const label[] = { "", " (lower limit)", " (upper limit)" };
    const char *key[MAX], *why[MAX];
    size_t count[MAX], part[MAX], n = 0;
    const cJSON *row;
    cJSON_ArrayForEach(row, array) {
        const cJSON *v;
        cJSON_ArrayForEach(v, row) {
            for (size_t f = 0; f < 3; f++) {
                const cJSON *r = is_figure(v) ? cJSON_GetObjectItemCaseSensitive(v, field[f]) : NULL;
                if (!cJSON_IsString(r))
                    continue;
                size_t i = 0;
                while (i < n && !(strcmp(key[i], v->string) == 0 && part[i] == f &&
                                  strcmp(why[i], r->valuestring) == 0))
                    i++;
                if (i == n) {
                    if (n == MAX)
                        continue;
                    key[n] = v->string;
                    why[n] = r->valuestring;
                    part[n] = f;
                    count[n++] = 0;
                }
                count[i]++;
            }
        }
    }
    if (n)
        fputs("n/a:\n", out);
    /* grouped by column, in the order the columns first appear; within
     * a column the figure's own reasons before its limits' */
    int done[MAX] = { 0 };
    for (size_t i = 0; i < n; i++)
        for (size_t f = 0; f < 3; f++)
            for (size_t j = i; j < n; j++) {
                if (done[j] || part[j] != f || strcmp(key[j], key[i]) != 0)
                    continue;
                done[j] = 1;
                fprintf(out, "  %s%s: %s (%zu row%s)\n", key[j], label[part[j]], why[j], count[j],
                        count[j] == 1 ? "" : "s");
            }
}

effekt_status effekt_output_write(FILE *out, const cJSON *doc, effekt_format format,
                                  const effekt_sheet *sheets, size_t n_sheets)
{
    if (format == EFFEKT_FORMAT_JSON) {
        char *s = cJSON_Print(doc);
        if (!s)
            return EFFEKT_ENOMEM;
        fputs(s, out);
        fputc('\n', out);
        cJSON_free(s);
    } else {
        int first = 1;
        for (size_t i = 0; i < n_sheets; i++) {
            const cJSON *array = at_path(doc, sheets[i].path);
            if (!cJSON_IsArray(array) || (format == EFFEKT_FORMAT_TABLE && cJSON_GetArraySize(array) == 0))
                continue;   /* people need no empty tables */
            grid g;
            if (build_grid(array, format == EFFEKT_FORMAT_TABLE, &g) != 0) {
                free_grid(&g);
                return EFFEKT_ENOMEM;
            }
            write_grid(out, &g, format, sheets[i].title, first);
            if (format == EFFEKT_FORMAT_TABLE)
                write_reasons(out, array);
            first = 0;
            free_grid(&g);
        }
    }
    return ferror(out) ? EFFEKT_EIO : EFFEKT_OK;
}
