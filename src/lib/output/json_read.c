/* Reading JSON files: one reader for the CLI's inputs (partial summaries)
 * and the report's spec, with line:column errors and cJSON's nesting
 * limit said as such. */
#include "config.h"

#include "lib_json.h"

#include "lib_alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/output.h"

/* The whole file ("-": standard input) as a NUL-terminated string the
 * caller frees with free(); NULL with errno set when it cannot be read
 * (ERANGE: larger than max bytes). */
static char *file_read(const char *path, size_t max)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = effekt_malloc(cap);
    while (buf) {
        if (len + 1 >= cap) {
            char *nb = cap >= max ? NULL : effekt_realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                errno = cap >= max ? ERANGE : ENOMEM;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - 1 - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (buf)
        buf[len] = '\0';
    if (f != stdin)
        fclose(f);
    return buf;
}

effekt_json *effekt_json_parse(const char *path, const char *text, effekt_diag *diag)
{
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithOpts(text, &end, 1);
    if (doc)
        return effekt_json_of(doc);
    /* where: line and column, and how deep the brackets were there */
    size_t line = 1, col = 1, depth = 0;
    int in_string = 0;
    for (const char *p = text; end && p < end && *p; p++) {
        if (*p == '\n') {
            line++;
            col = 1;
            continue;
        }
        col++;
        if (in_string) {
            if (*p == '\\' && p[1])
                p++, col++;
            else if (*p == '"')
                in_string = 0;
        } else if (*p == '"') {
            in_string = 1;
        } else if (*p == '[' || *p == '{') {
            depth++;
        } else if ((*p == ']' || *p == '}') && depth) {
            depth--;
        }
    }
    if (depth >= CJSON_NESTING_LIMIT)
        effekt_diag_add(diag, EFFEKT_ERROR, path, line, col, NULL, NULL, "JSON nested deeper than %d levels (the limit)",
                        CJSON_NESTING_LIMIT);
    else if (!*text)
        effekt_diag_add(diag, EFFEKT_ERROR, path, 0, 0, NULL, NULL, "the file is empty (expected JSON)");
    else
        effekt_diag_add(diag, EFFEKT_ERROR, path, line, col, NULL, NULL, "not valid JSON here");
    return NULL;
}

char *effekt_json_read_text(const char *path, effekt_diag *diag)
{
    errno = 0;
    char *text = file_read(path, EFFEKT_JSON_MAX_BYTES);
    if (!text)
        effekt_diag_add(diag, EFFEKT_ERROR, path, 0, 0, NULL, NULL, "cannot read: %s",
                        errno == ERANGE ? "larger than 2 GiB (the limit)" : strerror(errno ? errno : EIO));
    return text;
}

effekt_status effekt_json_read(const char *path, effekt_json **out, effekt_diag *diag)
{
    *out = NULL;
    char *text = effekt_json_read_text(path, diag);
    if (!text)
        return EFFEKT_EIO;
    *out = effekt_json_parse(path, text, diag);
    free(text);
    return *out ? EFFEKT_OK : EFFEKT_EPARSE;
}
