/* effekt/csv.h — loading CSV as real exports write it.
 *
 * Detects the delimiter (, ; TAB |: the one that splits the most lines
 * into the same number of fields), the encoding (UTF-8; a UTF-8 or UTF-16
 * byte-order mark; else what libuchardet finds, converted with iconv),
 * the decimal mark per column (falling back to the file's), thousands
 * grouping, dates and their day/month order per column, missing values
 * and column types, and maps headings to canonical names.  Every problem
 * is recorded with file:line:column. */
#ifndef EFFEKT_CSV_H
#define EFFEKT_CSV_H

#include "effekt/export.h"

#include <stdio.h>

#include "effekt/diag.h"
#include "effekt/progress.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EFFEKT_ENCODING_AUTO = 0,   /* UTF-8; not valid UTF-8: what libuchardet detects */
    EFFEKT_ENCODING_UTF8,
    EFFEKT_ENCODING_CP1252,
    EFFEKT_ENCODING_LATIN1,
    EFFEKT_ENCODING_UTF16LE,
    EFFEKT_ENCODING_UTF16BE,
    EFFEKT_ENCODING_OTHER       /* effekt_csv_options.encoding_name, through iconv */
} effekt_csv_encoding;

/* Parse an encoding name, case-insensitive: "auto", "utf-8", "windows-1252"
 * ("cp1252"), "latin1" ("iso-8859-1"), "utf-16le", "utf-16be" are read
 * by effekt itself; any other name iconv knows ("windows-1250",
 * "ISO-8859-2", "CP850", ...) gives EFFEKT_ENCODING_OTHER, and the name
 * then goes in effekt_csv_options.encoding_name.  EFFEKT_EINVAL for a
 * name iconv does not know. */
EFFEKT_API effekt_status effekt_csv_encoding_parse(const char *name, effekt_csv_encoding *out);
EFFEKT_API const char *effekt_csv_encoding_name(effekt_csv_encoding encoding);

/* The order of day, month and year in dates written with numbers only
 * (12/11/2015).  AUTO: settled per column by its values (a day above 12
 * proves its place); a column where every value fits two orders is an
 * error that asks for the option. */
typedef enum {
    EFFEKT_DATE_ORDER_AUTO = 0,
    EFFEKT_DATE_ORDER_DMY,
    EFFEKT_DATE_ORDER_MDY,
    EFFEKT_DATE_ORDER_YMD
} effekt_csv_date_order;

/* "dmy", "mdy", "ymd" (or "auto"), case-insensitive; EFFEKT_EINVAL else.
 * _name gives the name _parse reads ("?" for another value). */
EFFEKT_API effekt_status effekt_csv_date_order_parse(const char *name, effekt_csv_date_order *out);
EFFEKT_API const char *effekt_csv_date_order_name(effekt_csv_date_order order);

/* --map canonical=Source Heading */
/* A heading of the file read as a canonical column.  Both strings are
 * borrowed: the caller keeps them alive while the options are in use. */
typedef struct {
    const char *canonical;
    const char *heading;
} effekt_csv_mapping;

/* How to read a file.  Zero-initialised means: detect.  Every pointer in
 * it is borrowed, read only during the load call and never freed nor
 * kept by the table (the table copies what it needs). */
typedef struct {
    char delimiter;                 /* 0: detect */
    char decimal_mark;              /* 0: detect; '.' or ',' */
    effekt_csv_encoding encoding;
    const char *encoding_name;      /* with EFFEKT_ENCODING_OTHER: an iconv name */
    effekt_csv_date_order date_order;   /* AUTO: per column */
    const char *const *na_tokens;   /* NULL: the defaults "", NA, N/A, -, . */
    size_t n_na_tokens;
    const effekt_csv_mapping *map;
    size_t n_map;
    const char *const *columns;     /* load only these (heading or canonical); NULL: all */
    size_t n_columns;
    size_t max_field_bytes;         /* 0: 64 MiB */
    size_t max_columns;             /* 0: 10,000 */
    size_t parallel_min_bytes;      /* a regular file at least this large is read in parts,
                                       a thread per core, when there is more than one core
                                       (the result is exactly that of one reading);
                                       0: 8 MiB; SIZE_MAX: never */
    effekt_progress progress;       /* after each 256 KiB read: bytes read, the size
                                       (0 when unknown, as for a pipe) */
    int sha256;                     /* compute the SHA-256 of the bytes read, as they are
                                       read (effekt_table_sha256): a FIFO or standard
                                       input cannot be opened again to hash it */
    const char *sum_by;             /* a list with one row per partner: sum the rows that
                                       share this column into projects
                                       (effekt_table_sum_by) before the layout is checked;
                                       NULL: one row is one project */
    const char *const *coded;       /* text columns (heading or canonical name) to keep as
                                       codes into a dictionary of their distinct values
                                       (effekt_column.codes) rather than one text a row:
                                       for a caller that groups by them.  Applies to
                                       columns read as text whatever their values (ids and
                                       names: canonical text columns); others load as
                                       usual.  Not with sum_by (its columns stay text). */
    size_t n_coded;
    unsigned parallel_parts;        /* the parts such a file is read in (at most 64; the
                                       threads are at most the cores); 0: one per core,
                                       each of 1 MiB or more */
} effekt_csv_options;

/* Parse "canonical=Source Heading" into m (pointers into spec, which is
 * modified).  Fails with EFFEKT_EINVAL for a missing '=' or an unknown
 * canonical name. */
EFFEKT_API effekt_status effekt_csv_mapping_parse(char *spec, effekt_csv_mapping *m);

/* Load a CSV file ("-" reads standard input).  On success *out is a new
 * table owned by the caller (effekt_table_destroy).  When the data has
 * errors that leave the layout intact (a bad value), the table is still
 * returned, with those values missing, together with the error status;
 * otherwise *out is NULL.  Problems of every severity go to diag. */
EFFEKT_API effekt_status effekt_csv_load_file(const char *path, const effekt_csv_options *opt,
                                              effekt_table **out, effekt_diag *diag);

/* The same from an open stream, reported under `name`. */
EFFEKT_API effekt_status effekt_csv_load_stream(FILE *in, const char *name,
                                                const effekt_csv_options *opt,
                                                effekt_table **out, effekt_diag *diag);

/* The same from memory. */
EFFEKT_API effekt_status effekt_csv_load_buffer(const void *data, size_t len, const char *name,
                                                const effekt_csv_options *opt,
                                                effekt_table **out, effekt_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
