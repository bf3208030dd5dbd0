/* The columnar table: lifetime, lookup and line numbers. */
#include "config.h"

#include "lib_enum.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/table.h"

const char *effekt_type_name(effekt_type type)
{
    switch (type) {
    case EFFEKT_TYPE_EMPTY: return "empty";
    case EFFEKT_TYPE_INTEGER: return "integer";
    case EFFEKT_TYPE_NUMBER: return "number";
    case EFFEKT_TYPE_DATE: return "date";
    case EFFEKT_TYPE_BOOLEAN: return "boolean";
    case EFFEKT_TYPE_TEXT: return "text";
    }
    return "?";
}

void effekt_table_destroy(effekt_table *table)
{
    if (!table)
        return;
    for (size_t c = 0; c < table->n_columns; c++) {
        effekt_column *col = &table->columns[c];
        free(col->heading);
        free(col->values);
        free(col->text);
        free(col->arena);
        free(col->codes);
        free(col->dict);
        free(col->row_currency);
    }
    free(table->columns);
    free(table->source);
    free(table->line_mark_row);
    free(table->line_mark_line);
    free(table);
}

const char *effekt_table_sha256(const effekt_table *table)
{
    return table && table->sha256[0] ? table->sha256 : NULL;
}

size_t effekt_table_row_line(const effekt_table *table, size_t row)
{
    /* the last mark at or before row, by binary search */
    size_t lo = 0, hi = table->n_line_marks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (table->line_mark_row[mid] <= row)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return table->header_line + 1 + row;
    return table->line_mark_line[lo - 1] + (row - table->line_mark_row[lo - 1]);
}

const effekt_column *effekt_table_column(const effekt_table *table, const char *name)
{
    for (size_t c = 0; c < table->n_columns; c++)
        if (table->columns[c].canonical && strcmp(table->columns[c].canonical, name) == 0)
            return &table->columns[c];
    for (size_t c = 0; c < table->n_columns; c++)
        if (strcmp(table->columns[c].heading, name) == 0)
            return &table->columns[c];
    /* A canonical name the loader gave no column is not there: every
     * heading that means it was mapped when the table was read.  (KPIs
     * look up canonical names per cell; the heading matching below,
     * which normalises every heading, is for names people type.) */
    if (effekt_canonical_find(name))
        return NULL;
    /* "Total " for "total", "Budget" for "Budget / Budget", "Total costs"
     * for "Total costs £m": what the loader kept, the commands find */
    for (size_t c = 0; c < table->n_columns; c++)
        if (!(table->columns[c].flags & EFFEKT_COLUMN_DERIVED)
            && effekt_heading_same(table->columns[c].heading, name))
            return &table->columns[c];
    const effekt_canonical *canon = effekt_canonical_match(name);
    if (canon)
        for (size_t c = 0; c < table->n_columns; c++)
            if (table->columns[c].canonical == canon->name)
                return &table->columns[c];
    return NULL;
}

const effekt_column *effekt_table_find_column(const effekt_table *table, const char *name)
{
    return effekt_table_column(table, name);
}

const effekt_column *effekt_table_label_column(const effekt_table *table)
{
    const effekt_column *c = effekt_table_column(table, "name");
    if (c && c->type == EFFEKT_TYPE_TEXT)
        return c;
    c = effekt_table_column(table, "owner");
    if (c && c->type == EFFEKT_TYPE_TEXT)
        return c;
    for (size_t i = 0; i < table->n_columns; i++) {
        c = &table->columns[i];
        if (c->type == EFFEKT_TYPE_TEXT && !(c->flags & EFFEKT_COLUMN_DERIVED)
            && !(c->canonical && strcmp(c->canonical, "project_id") == 0))
            return c;
    }
    return NULL;
}

int effekt_column_missing(const effekt_column *col, size_t row)
{
    if (col->type == EFFEKT_TYPE_TEXT)
        return col->codes ? effekt_column_code(col, row) == EFFEKT_COLUMN_NO_CODE : col->text[row] == NULL;
    if (col->type == EFFEKT_TYPE_EMPTY)
        return 1;
    return isnan(col->values[row]);
}

void effekt_column_release(effekt_column *col)
{
    free(col->values);
    free(col->text);
    free(col->arena);
    free(col->codes);
    free(col->dict);
    col->values = NULL;
    col->text = NULL;
    col->arena = NULL;
    col->codes = NULL;
    col->dict = NULL;
    col->n_dict = 0;
    col->code_bytes = 0;
    col->type = EFFEKT_TYPE_EMPTY;
}

uint32_t effekt_column_code(const effekt_column *col, size_t row)
{
    switch (col->code_bytes) {
    case 1: {
        uint8_t c = ((const uint8_t *)col->codes)[row];
        return c == UINT8_MAX ? EFFEKT_COLUMN_NO_CODE : c;
    }
    case 2: {
        uint16_t c = ((const uint16_t *)col->codes)[row];
        return c == UINT16_MAX ? EFFEKT_COLUMN_NO_CODE : c;
    }
    default:
        return ((const uint32_t *)col->codes)[row];
    }
}

const char *effekt_column_string(const effekt_column *col, size_t row)
{
    if (col->type != EFFEKT_TYPE_TEXT)
        return NULL;
    if (col->codes) {
        uint32_t code = effekt_column_code(col, row);
        return code == EFFEKT_COLUMN_NO_CODE ? NULL : col->dict[code];
    }
    return col->text[row];
}

/* The names effekt_type_name gives, in value order. */
static const char *const type_parse_names[] = { "empty", "integer", "number", "date", "boolean", "text" };

effekt_status effekt_type_parse(const char *name, effekt_type *out)
{
    int v;
    effekt_status st = effekt_enum_parse(type_parse_names, EFFEKT_ENUM_COUNT(type_parse_names), name, &v);
    if (st == EFFEKT_OK)
        *out = (effekt_type)v;
    return st;
}

static const char *const level_names[] = { "any", "project", "participant" };

EFFEKT_ENUM_FUNCTIONS(effekt_canonical_level_name, effekt_canonical_level_parse, effekt_canonical_level, level_names)
