/* The reading options a CSV harness's first byte chooses, so that every
 * detection path is reached both detected and forced: delimiter (detect
 * , ; TAB |), decimal mark (detect , .), encoding (auto: libuchardet,
 * UTF-8, Windows-1252, Latin-1, UTF-16LE/BE, and through iconv
 * Windows-1250 field by field and UTF-32LE before parsing), the date
 * order (auto, dmy, mdy, ymd), the missing-value tokens, rows summed
 * into projects (sum_by), and
 * small limits (field length, columns) so that the limit errors are
 * fuzzed too.  Shared by fuzz_csv.c and fuzz_split.c. */
#ifndef EFFEKT_FUZZ_CSV_OPTIONS_H
#define EFFEKT_FUZZ_CSV_OPTIONS_H

#include <stdint.h>

#include "effekt/csv.h"

static effekt_csv_options fuzz_csv_options(uint8_t o)
{
    static const char delimiters[] = { 0, ',', ';', '\t', '|', 0, 0, 0 };
    static const char marks[] = { 0, ',', '.', 0 };
    static const effekt_csv_encoding encodings[] = {
        EFFEKT_ENCODING_AUTO, EFFEKT_ENCODING_UTF8, EFFEKT_ENCODING_CP1252, EFFEKT_ENCODING_LATIN1,
        EFFEKT_ENCODING_UTF16LE, EFFEKT_ENCODING_UTF16BE, EFFEKT_ENCODING_OTHER, EFFEKT_ENCODING_OTHER
    };
    static const char *const iconv_names[] = { "WINDOWS-1250", "UTF-32LE" };
    static const char *const na[] = { "n/a", "?", "" };
    effekt_csv_options opt = { 0 };
    opt.delimiter = delimiters[o & 7];
    opt.decimal_mark = marks[(o >> 3) & 3];
    /* the fourth mark slot (detect again) also sums the rows by
     * project_id (--sum-by, issue 17), so that summing meets every
     * delimiter and encoding */
    if (((o >> 3) & 3) == 3)
        opt.sum_by = "project_id";
    opt.encoding = encodings[(o >> 5) & 7];
    if (opt.encoding == EFFEKT_ENCODING_OTHER)
        opt.encoding_name = iconv_names[(o >> 5) & 1];   /* the two slots: 6 and 7 */
    /* the date order from bits shared with the others, mixed so that
     * every order meets every delimiter and encoding */
    opt.date_order = (effekt_csv_date_order)((o ^ (o >> 2) ^ (o >> 5)) & 3);
    if ((o & 0x87) == 0x87) {   /* rarely: tight limits */
        opt.max_field_bytes = 16;
        opt.max_columns = 4;
    }
    if ((o & 0x44) == 0x44) {
        opt.na_tokens = na;
        opt.n_na_tokens = 3;
    }
    return opt;
}

#endif
