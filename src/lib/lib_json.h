/* lib_json.h — inside the library an effekt_json (effekt/json.h) is a
 * cJSON.  The casts between the two, written once; the library's writers
 * work in cJSON and convert only where a public function is called or
 * answers.  Internal. */
#ifndef EFFEKT_LIB_JSON_H
#define EFFEKT_LIB_JSON_H

#include <cjson/cJSON.h>

#include "effekt/json.h"

static inline cJSON *effekt_json_cjson(effekt_json *j)
{
    return (cJSON *)(void *)j;
}

static inline const cJSON *effekt_json_cjson_const(const effekt_json *j)
{
    return (const cJSON *)(const void *)j;
}

static inline effekt_json *effekt_json_of(cJSON *c)
{
    return (effekt_json *)(void *)c;
}

/* The writers' own versions of effekt_json_number, _figure_of, _print
 * and _uint64 (json_figure.c, writer.c), on cJSON. */
void effekt_cjson_number(cJSON *o, const char *key, double v);
cJSON *effekt_cjson_figure_of(double v, double lower, double upper, const char *reason);
char *effekt_cjson_print(const cJSON *doc, int formatted);
cJSON *effekt_cjson_uint64(uint64_t v);

#endif
