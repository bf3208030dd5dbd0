/* How a CSV file was read, in JSON: the file, its encoding and
 * delimiter, each column (heading, canonical name, type, counts, range,
 * notes) and every problem.  effekt validate writes it and the report
 * keeps it in results.json: one writer for both. */
#include "config.h"

#include "lib_json.h"

#include <math.h>
#include <string.h>

#include "effekt/date.h"
#include "effekt/output.h"

static cJSON *value_json(const effekt_column *col, size_t row)
{
    if (effekt_column_missing(col, row))
        return cJSON_CreateNull();
    switch (col->type) {
    case EFFEKT_TYPE_TEXT:
        return cJSON_CreateString(col->text[row]);
    case EFFEKT_TYPE_DATE: {
        char d[32];
        effekt_date_format((long)col->values[row], d);
        return cJSON_CreateString(d);
    }
    case EFFEKT_TYPE_BOOLEAN:
        return cJSON_CreateBool(col->values[row] != 0);
    default:
        return cJSON_CreateNumber(col->values[row]);
    }
}

static cJSON *column_json(const effekt_table *t, const effekt_column *col, int values)
{
    cJSON *c = cJSON_CreateObject();
    cJSON_AddNumberToObject(c, "column", (double)col->index);
    cJSON_AddStringToObject(c, "heading", col->heading);
    if (col->canonical)
        cJSON_AddStringToObject(c, "canonical", col->canonical);
    else
        cJSON_AddNullToObject(c, "canonical");
    cJSON_AddStringToObject(c, "type", effekt_type_name(col->type));
    cJSON_AddNumberToObject(c, "count", (double)(t->n_rows - col->n_missing));
    cJSON_AddNumberToObject(c, "missing", (double)col->n_missing);
    char mark[2] = { col->decimal_mark, 0 };
    cJSON_AddStringToObject(c, "decimal_mark", mark);
    const char *notes = (col->flags & EFFEKT_COLUMN_EU_DERIVED) ? "derived: total_cost x eu_rate"
                        : (col->flags & EFFEKT_COLUMN_PERCENT) ? "percent"
                        : (col->flags & EFFEKT_COLUMN_GROUPED) ? "thousands grouped"
                        : col->date_order == 'd' ? "day first"
                        : col->date_order == 'm' ? "month first" : "";
    cJSON_AddStringToObject(c, "notes", notes);
    if (col->values && col->type != EFFEKT_TYPE_BOOLEAN) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t r = 0; r < t->n_rows; r++)
            if (!isnan(col->values[r])) {
                if (col->values[r] < lo) lo = col->values[r];
                if (col->values[r] > hi) hi = col->values[r];
            }
        if (col->type == EFFEKT_TYPE_DATE && lo <= hi) {
            char a[32], b[32];
            effekt_date_format((long)lo, a);
            effekt_date_format((long)hi, b);
            cJSON_AddStringToObject(c, "min", a);
            cJSON_AddStringToObject(c, "max", b);
        } else if (lo <= hi) {
            cJSON_AddNumberToObject(c, "min", lo);
            cJSON_AddNumberToObject(c, "max", hi);
        }
    }
    if (values) {
        cJSON *v = cJSON_AddArrayToObject(c, "values");
        for (size_t r = 0; r < t->n_rows; r++)
            cJSON_AddItemToArray(v, value_json(col, r));
    }
    return c;
}

static cJSON *problems_json(const effekt_diag *diag, size_t from)
{
    static const char *const sev[] = { "note", "warning", "error" };
    cJSON *a = cJSON_CreateArray();
    for (size_t i = from; i < diag->n; i++) {
        const effekt_diag_problem *p = &diag->items[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "severity", sev[p->severity]);
        if (p->line) cJSON_AddNumberToObject(o, "line", (double)p->line);
        else cJSON_AddNullToObject(o, "line");
        if (p->column) cJSON_AddNumberToObject(o, "column", (double)p->column);
        else cJSON_AddNullToObject(o, "column");
        cJSON_AddStringToObject(o, "message", p->message ? p->message : "");
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

effekt_json *effekt_json_validation(const char *path, const effekt_table *t, effekt_status st, const effekt_diag *diag,
                           size_t from, int values)
{
    cJSON *f = cJSON_CreateObject();
    if (!f)
        return NULL;
    cJSON_AddStringToObject(f, "file", path);
    cJSON_AddStringToObject(f, "status", st == EFFEKT_OK ? "ok" : effekt_status_message(st));
    if (t) {
        char delim[4] = { t->delimiter, 0 };
        if (t->delimiter == '\t')
            strcpy(delim, "tab");
        if (effekt_table_sha256(t))
            cJSON_AddStringToObject(f, "sha256", effekt_table_sha256(t));
        cJSON_AddStringToObject(f, "encoding", t->encoding);
        cJSON_AddStringToObject(f, "delimiter", delim);
        cJSON_AddNumberToObject(f, "rows", (double)t->n_rows);
        cJSON *cols = cJSON_AddArrayToObject(f, "columns");
        for (size_t c = 0; c < t->n_columns; c++)
            cJSON_AddItemToArray(cols, column_json(t, &t->columns[c], values));
    }
    cJSON_AddItemToObject(f, "problems", problems_json(diag, from));
    return effekt_json_of(f);
}
