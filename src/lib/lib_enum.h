/* lib_enum.h — names of enum values from a table (status.c): every
 * public enum has effekt_<enum>_name and effekt_<enum>_parse, written as
 * two lines over a table of its names in value order. */
#ifndef EFFEKT_LIB_ENUM_H
#define EFFEKT_LIB_ENUM_H

#include <stddef.h>

#include "effekt/status.h"

/* names[value], or "?" for a value outside [0, n). */
const char *effekt_enum_name(const char *const *names, size_t n, int value);

/* The value whose name is name (ASCII case ignored) into *out:
 * EFFEKT_OK, or EFFEKT_EINVAL (*out unchanged) for NULL or another name. */
effekt_status effekt_enum_parse(const char *const *names, size_t n, const char *name, int *out);

#define EFFEKT_ENUM_COUNT(names) (sizeof(names) / sizeof *(names))

/* The two functions of a public enum over its table of names:
 *   const char *name_fn(type value);
 *   effekt_status parse_fn(const char *name, type *out);
 * written once here rather than again beside every enum. */
#define EFFEKT_ENUM_FUNCTIONS(name_fn, parse_fn, type, names)                                    \
    const char *name_fn(type value)                                                              \
    {                                                                                            \
        return effekt_enum_name(names, EFFEKT_ENUM_COUNT(names), (int)value);                    \
    }                                                                                            \
    effekt_status parse_fn(const char *name, type *out)                                          \
    {                                                                                            \
        int v;                                                                                   \
        effekt_status st = effekt_enum_parse(names, EFFEKT_ENUM_COUNT(names), name, &v);         \
        if (st == EFFEKT_OK)                                                                     \
            *out = (type)v;                                                                      \
        return st;                                                                               \
    }

#endif
