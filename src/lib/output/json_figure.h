/* json_figure.h — numbers and figures as every JSON writer of a result
 * puts them (internal to the library's output/ writers). */
#ifndef EFFEKT_OUTPUT_JSON_FIGURE_H
#define EFFEKT_OUTPUT_JSON_FIGURE_H

#include <cjson/cJSON.h>

#include "effekt/compare.h"

/* key: v; null when NaN; null with key_reason when infinite (an
 * overflow); -0 as 0. */
void effekt_json_number(cJSON *o, const char *key, double v);

/* {"value", "lower", "upper"} (limits when either is a number), or
 * {"value": null, "reason"} (reason NULL: "undefined"; infinite: beyond
 * the range of a double). */
cJSON *effekt_json_figure_of(double v, double lower, double upper, const char *reason);

/* The same from a figure, with its reason beside a defined value when it
 * has one (a ratio without an interval). */
cJSON *effekt_json_figure(const effekt_compare_figure *f);

#endif
