/* libFuzzer harness: the report spec reader — cJSON's parser (with its
 * nesting limit) and effekt's validation of keys, types and references,
 * whose messages name JSON paths built from the fuzzed keys. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cJSON *root = cJSON_ParseWithLength((const char *)data, size);
    if (root) {
        cli_spec_check("fuzz.json", root);
        cJSON_Delete(root);
    }
    return 0;
}
