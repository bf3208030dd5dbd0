/* Rows into groups by the text of their values: an open-addressing map
 * from a key to a group id, ids in the order groups first appear. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/group.h"
#include "effekt/date.h"
#include "lib_alloc.h"
#include "group_codes.h"

struct effekt_group {
    const effekt_table **tables;
    size_t n_tables;
    size_t *offset;      /* by table: the index of its first row among all (n_tables + 1) */
    const effekt_column **cols;   /* by table, n_cols each */
    size_t n_cols;
    uint32_t *row_group; /* by row of all tables; EFFEKT_GROUP_ROW_NONE when not added;
                            NULL until a row is added one by one or the array is
                            asked for (effekt_group_rows): add_all over one coded
                            column keeps only each code's group (code_group) */
    uint32_t **code_group;   /* by table: by code, its group (NULL: the table's rows
                                were not added by code) */
    uint32_t *missing_group; /* by table: the group of its missing values, or NONE */
    char **keys;         /* by group: the values joined by \x1f */
    char **labels;       /* by group: joined by ", " (NULL: the key) */
    const char **shown;  /* by group: the label, else the key (effekt_group_labels) */
    size_t *size, *first_row;
    uint64_t *hash;      /* by group: hash_str of its key */
    unsigned char *missing;
    size_t n, cap;
    size_t *slots;       /* group id + 1, 0 empty */
    size_t n_slots;
    char *buf;           /* a key being made */
    size_t buf_cap;
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void effekt_group_value_text(const effekt_column *c, size_t row, char *buf, size_t size)
{
    if (effekt_column_missing(c, row))
        snprintf(buf, size, "%s", EFFEKT_GROUP_MISSING);
    else if (c->type == EFFEKT_TYPE_TEXT)
        snprintf(buf, size, "%s", effekt_column_string(c, row));
    else if (c->type == EFFEKT_TYPE_DATE) {
        char d[32];
        effekt_date_format((long)c->values[row], d);
        snprintf(buf, size, "%s", d);
    } else
        snprintf(buf, size, "%.15g", c->values[row]);
}

effekt_status effekt_group_create_tables(const effekt_table *const *tables, size_t n_tables,
                                         const char *const *columns, size_t n_columns, effekt_group **out,
                                         effekt_diag *diag)
{
    *out = NULL;
    effekt_group *g = effekt_calloc(1, sizeof *g);
    if (!g)
        return EFFEKT_ENOMEM;
    g->n_tables = n_tables;
    g->n_cols = n_columns;
    g->tables = effekt_calloc(n_tables ? n_tables : 1, sizeof *g->tables);
    g->offset = effekt_calloc(n_tables + 1, sizeof *g->offset);
    g->cols = effekt_calloc(n_tables && n_columns ? n_tables * n_columns : 1, sizeof *g->cols);
    if (!g->tables || !g->offset || !g->cols) {
        effekt_group_destroy(g);
        return EFFEKT_ENOMEM;
    }
    for (size_t k = 0; k < n_tables; k++) {
        g->tables[k] = tables[k];
        g->offset[k + 1] = g->offset[k] + tables[k]->n_rows;
    }
    g->code_group = effekt_calloc(n_tables ? n_tables : 1, sizeof *g->code_group);
    g->missing_group = effekt_malloc((n_tables ? n_tables : 1) * sizeof *g->missing_group);
    if (!g->code_group || !g->missing_group) {
        effekt_group_destroy(g);
        return EFFEKT_ENOMEM;
    }
    for (size_t k = 0; k < n_tables; k++)
        g->missing_group[k] = EFFEKT_GROUP_ROW_NONE;
    for (size_t k = 0; k < n_tables; k++)
        for (size_t i = 0; i < n_columns; i++)
            if (!(g->cols[k * n_columns + i] = effekt_table_column(tables[k], columns[i]))) {
                if (diag)
                    effekt_diag_add(diag, EFFEKT_ERROR, tables[k]->source, 0, 0, columns[i], NULL,
                                    "no column '%s'", columns[i]);
                effekt_group_destroy(g);
                return EFFEKT_EINVAL;
            }
    *out = g;
    return EFFEKT_OK;
}

effekt_status effekt_group_create(const effekt_table *t, const char *const *columns, size_t n_columns,
                                  effekt_group **out, effekt_diag *diag)
{
    return effekt_group_create_tables(&t, 1, columns, n_columns, out, diag);
}

void effekt_group_destroy(effekt_group *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++) {
        free(g->keys[i]);
        free(g->labels[i]);
    }
    free(g->keys);
    free(g->labels);
    free(g->shown);
    free(g->size);
    free(g->first_row);
    free(g->hash);
    free(g->missing);
    free(g->slots);
    free(g->row_group);
    for (size_t k = 0; g->code_group && k < g->n_tables; k++)
        free(g->code_group[k]);
    free(g->code_group);
    free(g->missing_group);
    free(g->cols);
    free(g->tables);
    free(g->offset);
    free(g->buf);
    free(g);
}

static int grow_slots(effekt_group *g)
{
    size_t n_slots = g->n_slots ? 2 * g->n_slots : 1024;
    size_t *slots = effekt_calloc(n_slots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t id = 0; id < g->n; id++) {
        size_t i = g->hash[id] & (n_slots - 1);
        while (slots[i])
            i = (i + 1) & (n_slots - 1);
        slots[i] = id + 1;
    }
    free(g->slots);
    g->slots = slots;
    g->n_slots = n_slots;
    return 0;
}

static int grow_groups(effekt_group *g)
{
    size_t cap = g->cap ? 2 * g->cap : 64;
    if (cap > EFFEKT_GROUP_MAX)
        cap = EFFEKT_GROUP_MAX;
    char **keys = effekt_realloc(g->keys, cap * sizeof *keys);
    if (keys)
        g->keys = keys;
    char **labels = effekt_realloc(g->labels, cap * sizeof *labels);
    if (labels)
        g->labels = labels;
    size_t *size = effekt_realloc(g->size, cap * sizeof *size);
    if (size)
        g->size = size;
    size_t *first = effekt_realloc(g->first_row, cap * sizeof *first);
    if (first)
        g->first_row = first;
    unsigned char *missing = effekt_realloc(g->missing, cap * sizeof *missing);
    if (missing)
        g->missing = missing;
    const char **shown = effekt_realloc(g->shown, cap * sizeof *shown);
    if (shown)
        g->shown = shown;
    uint64_t *hash = effekt_realloc(g->hash, cap * sizeof *hash);
    if (hash)
        g->hash = hash;
    if (!keys || !labels || !size || !first || !missing || !shown || !hash)
        return -1;
    g->cap = cap;
    return 0;
}

/* The key of row r of the columns cols into g->buf. */
static int make_key(effekt_group *g, const effekt_column *const *cols, size_t r, int *missing)
{
    size_t len = 0;
    *missing = 0;
    if (g->n_cols == 0) {
        if (g->buf_cap < sizeof EFFEKT_GROUP_ALL) {
            char *b = effekt_realloc(g->buf, 64);
            if (!b)
                return -1;
            g->buf = b;
            g->buf_cap = 64;
        }
        memcpy(g->buf, EFFEKT_GROUP_ALL, sizeof EFFEKT_GROUP_ALL);
        return 0;
    }
    for (size_t i = 0; i < g->n_cols; i++) {
        const effekt_column *c = cols[i];
        char num[64];
        const char *v = num;
        if (effekt_column_missing(c, r)) {
            v = EFFEKT_GROUP_MISSING;
            *missing = 1;
        } else if (c->type == EFFEKT_TYPE_TEXT)
            v = effekt_column_string(c, r);
        else
            effekt_group_value_text(c, r, num, sizeof num);
        size_t vl = strlen(v);
        if (len + vl + 2 > g->buf_cap) {
            size_t cap = 2 * (len + vl + 2);
            char *b = effekt_realloc(g->buf, cap);
            if (!b)
                return -1;
            g->buf = b;
            g->buf_cap = cap;
        }
        if (i)
            g->buf[len++] = '\x1f';
        memcpy(g->buf + len, v, vl);
        len += vl;
        g->buf[len] = '\0';
    }
    return 0;
}

/* "a\x1fb" as "a, b". */
static char *label_of(const char *key)
{
    size_t extra = 0;
    for (const char *s = key; *s; s++)
        extra += *s == '\x1f';
    char *l = effekt_malloc(strlen(key) + extra + 1), *d = l;
    if (!l)
        return NULL;
    for (const char *s = key; *s; s++) {
        if (*s == '\x1f') {
            *d++ = ',';
            *d++ = ' ';
        } else
            *d++ = *s;
    }
    *d = '\0';
    return l;
}

/* Row `row` of the table whose grouping columns are cols (r is its
 * number among the rows of all tables) into its group, made when new:
 * *k gets it, its size counts the row.  The caller records the row's
 * group. */
static effekt_status join(effekt_group *g, const effekt_column *const *cols, size_t row, size_t r, size_t *k_out)
{
    int missing = 0;
    const char *key;
    const effekt_column *c0 = g->n_cols == 1 ? cols[0] : NULL;
    if (c0 && c0->type == EFFEKT_TYPE_TEXT && effekt_column_string(c0, row)) {
        key = effekt_column_string(c0, row);   /* one text column: its cell is the key, no copy */
    } else {
        if (make_key(g, cols, row, &missing) != 0)
            return EFFEKT_ENOMEM;
        key = g->buf;
    }
    if (2 * (g->n + 1) > g->n_slots && grow_slots(g) != 0)
        return EFFEKT_ENOMEM;
    uint64_t h = hash_str(key);
    size_t i = h & (g->n_slots - 1);
    while (g->slots[i]) {
        size_t k = g->slots[i] - 1;
        if (strcmp(g->keys[k], key) == 0) {
            g->size[k]++;
            g->missing[k] |= (unsigned char)missing;
            *k_out = k;
            return EFFEKT_OK;
        }
        i = (i + 1) & (g->n_slots - 1);
    }
    if (g->n == EFFEKT_GROUP_MAX)
        return EFFEKT_ELIMIT;
    if (g->n == g->cap && grow_groups(g) != 0)
        return EFFEKT_ENOMEM;
    size_t k = g->n;
    if (!(g->keys[k] = effekt_strdup(key)))
        return EFFEKT_ENOMEM;
    g->labels[k] = NULL;
    if (g->n_cols > 1 && !(g->labels[k] = label_of(key))) {
        free(g->keys[k]);
        return EFFEKT_ENOMEM;
    }
    g->shown[k] = g->labels[k] ? g->labels[k] : g->keys[k];
    g->size[k] = 1;
    g->hash[k] = h;
    g->first_row[k] = r;
    g->missing[k] = (unsigned char)missing;
    g->slots[i] = k + 1;
    g->n++;
    *k_out = k;
    return EFFEKT_OK;
}

/* The group of rows [from, from + n) of table k (rows numbered within
 * it) into out, from its codes' groups. */
static void by_codes(const effekt_group *g, size_t k, size_t from, size_t n, uint32_t *out)
{
    const effekt_column *c = g->cols[k * g->n_cols];
    const uint32_t *of = g->code_group[k];
    uint32_t missing = g->missing_group[k];
#define BY_CODES(T, NONE)                                                       \
    do {                                                                        \
        const T *codes = (const T *)c->codes + from;                            \
        for (size_t r = 0; r < n; r++)                                          \
            out[r] = codes[r] == (NONE) ? missing : of[codes[r]];               \
    } while (0)
    if (c->code_bytes == 1)
        BY_CODES(uint8_t, UINT8_MAX);
    else if (c->code_bytes == 2)
        BY_CODES(uint16_t, UINT16_MAX);
    else
        BY_CODES(uint32_t, UINT32_MAX);
#undef BY_CODES
}

/* The array of every row's group, made from the codes' groups of tables
 * added by code, when first needed.  0, or -1 out of memory. */
static int rows_made(effekt_group *g)
{
    if (g->row_group)
        return 0;
    size_t n_rows = g->offset[g->n_tables];
    uint32_t *rows = effekt_malloc((n_rows ? n_rows : 1) * sizeof *rows);
    if (!rows)
        return -1;
    for (size_t k = 0; k < g->n_tables; k++) {
        size_t base = g->offset[k], n = g->offset[k + 1] - base;
        if (g->code_group[k])
            by_codes(g, k, 0, n, rows + base);
        else
            for (size_t r = 0; r < n; r++)
                rows[base + r] = EFFEKT_GROUP_ROW_NONE;
    }
    g->row_group = rows;
    return 0;
}

/* Add `row` of the table whose grouping columns are cols; r is its
 * number among the rows of all tables.  The callers check the range. */
static effekt_status add_row(effekt_group *g, const effekt_column *const *cols, size_t row, size_t r, size_t *id)
{
    if (rows_made(g) != 0)
        return EFFEKT_ENOMEM;
    if (g->row_group[r] != EFFEKT_GROUP_ROW_NONE) {
        if (id)
            *id = g->row_group[r];
        return EFFEKT_OK;
    }
    size_t k;
    effekt_status st = join(g, cols, row, r, &k);
    if (st != EFFEKT_OK)
        return st;
    g->row_group[r] = (uint32_t)k;
    if (id)
        *id = k;
    return EFFEKT_OK;
}

effekt_status effekt_group_add_in(effekt_group *g, size_t table, size_t row, size_t *id)
{
    if (table >= g->n_tables || row >= g->tables[table]->n_rows)
        return EFFEKT_EINVAL;
    return add_row(g, g->cols + table * g->n_cols, row, g->offset[table] + row, id);
}

effekt_status effekt_group_add(effekt_group *g, size_t r, size_t *id)
{
    if (g->n_tables == 0 || r >= g->offset[1])
        return EFFEKT_EINVAL;
    return add_row(g, g->cols, r, r, id);
}

/* The rows [from, to) of a column of one-byte codes counted by code
 * into count[0..256): four tables of counts in turn, so that rows of one
 * code in a row do not each wait for the last one's count. */
static void count_bytes(const uint8_t *codes, size_t from, size_t to, size_t *count)
{
    size_t part[4][256] = { { 0 } };
    size_t r = from;
    for (; r + 4 <= to; r += 4) {
        part[0][codes[r]]++;
        part[1][codes[r + 1]]++;
        part[2][codes[r + 2]]++;
        part[3][codes[r + 3]]++;
    }
    for (; r < to; r++)
        part[0][codes[r]]++;
    for (unsigned c = 0; c < 256; c++)
        count[c] = part[0][c] + part[1][c] + part[2][c] + part[3][c];
}

/* Every row of table k, grouped by one coded column c0, no row of it
 * added yet.  Groups are numbered in the order of their first rows, so
 * the rows are read in order, each code's group found once (join, at
 * the code's first row), until every code of the dictionary has its
 * group: a loaded dictionary lists its texts in the order they first
 * appear, which is soon in a long file.  The rest is only counted by
 * code (codes of one or two bytes: a histogram, no group looked up a
 * row) and each code's count added to its group.  A missing value first
 * met in the rest makes its group then, at its first row: every other
 * group exists by that row, so the numbering is the one of a read in
 * order.  No array of the rows' groups is made. */
static effekt_status add_by_codes(effekt_group *g, size_t k, const effekt_column *c0)
{
    uint32_t *of = effekt_malloc((c0->n_dict ? c0->n_dict : 1) * sizeof *of);
    if (!of)
        return EFFEKT_ENOMEM;
    for (size_t c = 0; c < c0->n_dict; c++)
        of[c] = EFFEKT_GROUP_ROW_NONE;
    const effekt_column *const *cols = g->cols + k * g->n_cols;
    size_t n = g->tables[k]->n_rows, base = g->offset[k], r = 0, unseen = c0->n_dict;
    uint32_t missing = EFFEKT_GROUP_ROW_NONE;
    uint32_t none = c0->code_bytes == 1 ? UINT8_MAX : c0->code_bytes == 2 ? UINT16_MAX : UINT32_MAX;
    effekt_status st = EFFEKT_OK;
    /* in order while a code of the dictionary has no group (a loop per
     * width of code; the largest value of each: missing) */
#define SCAN(T)                                                                 \
    for (; r < n && unseen && st == EFFEKT_OK; r++) {                           \
        T code = ((const T *)c0->codes)[r];                                     \
        uint32_t *slot = code == (T)none ? &missing : &of[code];                \
        if (*slot != EFFEKT_GROUP_ROW_NONE) {                                   \
            g->size[*slot]++;                                                   \
            continue;                                                           \
        }                                                                       \
        size_t id;                                                              \
        if ((st = join(g, cols, r, base + r, &id)) == EFFEKT_OK) {              \
            *slot = (uint32_t)id;                                               \
            unseen -= code != (T)none;                                          \
        }                                                                       \
    }
    if (c0->code_bytes == 1)
        SCAN(uint8_t)
    else if (c0->code_bytes == 2)
        SCAN(uint16_t)
    else
        SCAN(uint32_t)
#undef SCAN
    /* the rest counted: by code, or (four-byte codes, whose counts would
     * take eight bytes a code of a dictionary as long as the rows) by
     * group; each code has its group by now, but missing may not */
    size_t n_missing = 0;
    if (st == EFFEKT_OK && r < n && c0->code_bytes <= 2) {
        size_t n_codes = c0->code_bytes == 1 ? 256 : 65536;
        size_t *count = effekt_calloc(n_codes, sizeof *count);
        if (!count)
            st = EFFEKT_ENOMEM;
        else {
            if (c0->code_bytes == 1)
                count_bytes(c0->codes, r, n, count);
            else
                for (const uint16_t *p = (const uint16_t *)c0->codes + r, *e = (const uint16_t *)c0->codes + n; p < e;
                     p++)
                    count[*p]++;
            for (size_t c = 0; c < c0->n_dict; c++)
                g->size[of[c]] += count[c];
            n_missing = count[none];
            free(count);
        }
    } else if (st == EFFEKT_OK && r < n) {
        const uint32_t *codes = c0->codes;
        for (size_t i = r; i < n; i++) {
            if (codes[i] == UINT32_MAX)
                n_missing++;
            else
                g->size[of[codes[i]]]++;
        }
    }
    if (st == EFFEKT_OK && n_missing) {
        if (missing == EFFEKT_GROUP_ROW_NONE) {
            while (effekt_column_code(c0, r) != EFFEKT_COLUMN_NO_CODE)
                r++;
            size_t id;
            if ((st = join(g, cols, r, base + r, &id)) == EFFEKT_OK) {
                missing = (uint32_t)id;
                n_missing--;   /* join counted it */
            }
        }
        if (st == EFFEKT_OK)
            g->size[missing] += n_missing;
    }
    if (st != EFFEKT_OK) {
        free(of);
        return st;
    }
    g->code_group[k] = of;
    g->missing_group[k] = missing;
    return EFFEKT_OK;
}

effekt_status effekt_group_add_all(effekt_group *g)
{
    for (size_t k = 0; k < g->n_tables; k++) {
        const effekt_column *const *cols = g->cols + k * g->n_cols;
        const effekt_column *c0 = g->n_cols == 1 ? cols[0] : NULL;
        size_t n = g->tables[k]->n_rows, base = g->offset[k];
        if (c0 && c0->type == EFFEKT_TYPE_TEXT && c0->codes && !g->row_group && !g->code_group[k]) {
            effekt_status st = add_by_codes(g, k, c0);
            if (st != EFFEKT_OK)
                return st;
            continue;
        }
        if (g->code_group[k] && !g->row_group)
            continue;   /* added by code already */
        if (rows_made(g) != 0)
            return EFFEKT_ENOMEM;
        if (c0 && c0->type == EFFEKT_TYPE_TEXT && !c0->codes) {
            /* One text column, the common case: add_row's lookup inline,
             * the key's hash compared before its bytes; a new group, a
             * missing cell or a row already added take add_row. */
            for (size_t r = 0; r < n; r++) {
                const char *key = c0->text[r];
                if (key && g->row_group[base + r] == EFFEKT_GROUP_ROW_NONE && g->n_slots) {
                    uint64_t h = hash_str(key);
                    size_t i = h & (g->n_slots - 1), id = EFFEKT_GROUP_NONE;
                    while (g->slots[i]) {
                        size_t c = g->slots[i] - 1;
                        if (g->hash[c] == h && strcmp(g->keys[c], key) == 0) {
                            id = c;
                            break;
                        }
                        i = (i + 1) & (g->n_slots - 1);
                    }
                    if (id != EFFEKT_GROUP_NONE) {
                        g->row_group[base + r] = (uint32_t)id;
                        g->size[id]++;
                        continue;
                    }
                }
                effekt_status st = add_row(g, cols, r, base + r, NULL);
                if (st != EFFEKT_OK)
                    return st;
            }
            continue;
        }
        for (size_t r = 0; r < n; r++) {
            effekt_status st = add_row(g, cols, r, base + r, NULL);
            if (st != EFFEKT_OK)
                return st;
        }
    }
    return EFFEKT_OK;
}

size_t effekt_group_count(const effekt_group *g)
{
    return g->n;
}

const char *effekt_group_label(const effekt_group *g, size_t id)
{
    return g->shown[id];
}

const char *const *effekt_group_labels(const effekt_group *g)
{
    return g->shown;
}

size_t effekt_group_size(const effekt_group *g, size_t id)
{
    return g->size[id];
}

size_t effekt_group_first_row(const effekt_group *g, size_t id)
{
    return g->first_row[id];
}

int effekt_group_missing(const effekt_group *g, size_t id)
{
    return g->missing[id];
}

size_t effekt_group_of(const effekt_group *g, size_t r)
{
    if (r >= g->offset[g->n_tables])
        return EFFEKT_GROUP_NONE;
    uint32_t id;
    effekt_group_rows_copy(g, r, 1, &id);
    return id == EFFEKT_GROUP_ROW_NONE ? EFFEKT_GROUP_NONE : id;
}

void effekt_group_rows_copy(const effekt_group *g, size_t from, size_t n, uint32_t *out)
{
    if (g->row_group) {
        memcpy(out, g->row_group + from, n * sizeof *out);
        return;
    }
    for (size_t k = 0; k < g->n_tables && n; k++) {
        size_t lo = g->offset[k], hi = g->offset[k + 1];
        if (from >= hi)
            continue;
        size_t m = hi - from < n ? hi - from : n;
        if (g->code_group[k])
            by_codes(g, k, from - lo, m, out);
        else
            for (size_t r = 0; r < m; r++)
                out[r] = EFFEKT_GROUP_ROW_NONE;
        out += m;
        from += m;
        n -= m;
    }
}

const uint32_t *effekt_group_rows(const effekt_group *g)
{
    /* made on first use: the grouper is the caller's, as a const cache */
    if (rows_made((effekt_group *)(uintptr_t)g) != 0)
        return NULL;
    return g->row_group;
}

int effekt_group_codes_view(const effekt_group *g, effekt_group_codes *v)
{
    if (g->row_group || g->n_tables != 1 || g->n_cols != 1 || !g->code_group[0])
        return 0;
    const effekt_column *c = g->cols[0];
    *v = (effekt_group_codes){ .codes = c->codes, .width = c->code_bytes, .of = g->code_group[0],
                               .n_codes = c->n_dict, .missing = g->missing_group[0] };
    return 1;
}

void effekt_group_codes_count(const effekt_group_codes *v, size_t from, size_t to, size_t *count)
{
    if (v->width == 1) {
        size_t by_code[256];
        count_bytes(v->codes, from, to, by_code);
        for (size_t c = 0; c < v->n_codes; c++)
            count[v->of[c]] += by_code[c];
        if (by_code[UINT8_MAX])
            count[v->missing] += by_code[UINT8_MAX];
        return;
    }
#define COUNT(T, NONE)                                                          \
    do {                                                                        \
        const T *codes = v->codes;                                              \
        for (size_t r = from; r < to; r++)                                      \
            count[codes[r] == (NONE) ? v->missing : v->of[codes[r]]]++;         \
    } while (0)
    if (v->width == 2)
        COUNT(uint16_t, UINT16_MAX);
    else
        COUNT(uint32_t, UINT32_MAX);
#undef COUNT
}
