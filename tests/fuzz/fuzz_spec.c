/* libFuzzer harness: the report spec reader (effekt_report_spec_parse)
 * — cJSON's parser with its nesting limit, effekt's JSON line:column of a
 * syntax error, and the validation of keys, types and references, whose
 * messages name JSON paths built from the fuzzed keys. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_report_spec *spec = NULL;
    if (effekt_report_spec_parse("fuzz.json", text, &spec, &diag) == EFFEKT_OK)
        effekt_report_spec_destroy(spec);
    effekt_diag_clear(&diag);
    free(text);
    return 0;
}
