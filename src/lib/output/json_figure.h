/* json_figure.h — numbers and figures as every JSON writer of a result
 * puts them (internal to the library's output/ writers). */
#ifndef EFFEKT_OUTPUT_JSON_FIGURE_H
#define EFFEKT_OUTPUT_JSON_FIGURE_H

#include <cjson/cJSON.h>

#include "lib_json.h"

#include "effekt/compare.h"
#include "effekt/output.h"

/* effekt_cjson_number and effekt_cjson_figure_of: lib_json.h. */

/* The same from a figure, with its reason beside a defined value when it
 * has one (a ratio without an interval). */
cJSON *effekt_json_figure(const effekt_compare_figure *f);

#endif
