/* Reading CSV with libcsv: delimiter and encoding detection, physical
 * line numbers, ragged rows, and the hand-over to column typing.
 *
 * Input is read in chunks and fed to libcsv; field bytes of the columns
 * wanted are appended to one raw buffer per column, then each column is
 * typed (infer.c).  Line numbers are counted from libcsv's row events
 * (CSV_REPALL_NL reports every unquoted CR and LF) plus the newlines
 * inside quoted fields, so a value's line is where it starts. */
#include "config.h"

#include "lib_alloc.h"
#include "lib_sort.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "effekt/csv.h"
#include "effekt/sha256.h"
#include "encoding.h"
#include "dict.h"
#include "load.h"
#include "numbers.h"
#include "scan.h"

#define CHUNK_SIZE (256 * 1024)
#define DEFAULT_MAX_FIELD (64u * 1024 * 1024)
#define DEFAULT_MAX_COLUMNS 10000

static const struct { const char *name; effekt_csv_encoding encoding; } encoding_names[] = {
    { "auto", EFFEKT_ENCODING_AUTO },
    { "utf-8", EFFEKT_ENCODING_UTF8 }, { "utf8", EFFEKT_ENCODING_UTF8 },
    { "windows-1252", EFFEKT_ENCODING_CP1252 }, { "cp1252", EFFEKT_ENCODING_CP1252 },
    { "latin1", EFFEKT_ENCODING_LATIN1 }, { "iso-8859-1", EFFEKT_ENCODING_LATIN1 },
    { "latin-1", EFFEKT_ENCODING_LATIN1 },
    { "utf-16le", EFFEKT_ENCODING_UTF16LE }, { "utf-16be", EFFEKT_ENCODING_UTF16BE },
};

effekt_status effekt_csv_encoding_parse(const char *name, effekt_csv_encoding *out)
{
    for (size_t i = 0; name && i < sizeof encoding_names / sizeof *encoding_names; i++)
        if (strcasecmp(name, encoding_names[i].name) == 0) {
            *out = encoding_names[i].encoding;
            return EFFEKT_OK;
        }
    if (name && *name && effekt_encoding_iconv_known(name)) {
        *out = EFFEKT_ENCODING_OTHER;
        return EFFEKT_OK;
    }
    return EFFEKT_EINVAL;
}

effekt_status effekt_csv_date_order_parse(const char *name, effekt_csv_date_order *out)
{
    static const struct { const char *name; effekt_csv_date_order order; } orders[] = {
        { "auto", EFFEKT_DATE_ORDER_AUTO }, { "dmy", EFFEKT_DATE_ORDER_DMY },
        { "mdy", EFFEKT_DATE_ORDER_MDY }, { "ymd", EFFEKT_DATE_ORDER_YMD },
    };
    for (size_t i = 0; name && i < sizeof orders / sizeof *orders; i++)
        if (strcasecmp(name, orders[i].name) == 0) {
            *out = orders[i].order;
            return EFFEKT_OK;
        }
    return EFFEKT_EINVAL;
}

const char *effekt_csv_encoding_name(effekt_csv_encoding encoding)
{
    switch (encoding) {
    case EFFEKT_ENCODING_AUTO: return "auto";
    case EFFEKT_ENCODING_UTF8: return "UTF-8";
    case EFFEKT_ENCODING_CP1252: return "Windows-1252";
    case EFFEKT_ENCODING_LATIN1: return "ISO-8859-1";
    case EFFEKT_ENCODING_UTF16LE: return "UTF-16LE";
    case EFFEKT_ENCODING_UTF16BE: return "UTF-16BE";
    case EFFEKT_ENCODING_OTHER: return "other";
    }
    return "?";
}

effekt_status effekt_csv_mapping_parse(char *spec, effekt_csv_mapping *m)
{
    char *eq = strchr(spec, '=');
    if (!eq || eq == spec || !eq[1])
        return EFFEKT_EINVAL;
    *eq = '\0';
    if (!effekt_canonical_find(spec))
        return EFFEKT_EINVAL;
    m->canonical = spec;
    m->heading = eq + 1;
    return EFFEKT_OK;
}

/* A kept column read as codes (effekt_csv_options.coded): its distinct
 * texts once, a code a row. */
typedef struct {
    int on;
    effekt_dict dict;
    void *codes;
    unsigned width;              /* bytes a code: 1, 2 or 4, as few as the dictionary
                                    needs (code_width_for); widened as it grows */
    size_t n, cap;
    size_t missing;
} coded_column;

/* The code of a missing value in codes of width w bytes: the largest. */
static inline uint32_t code_none(unsigned w)
{
    return w == 4 ? UINT32_MAX : (1u << (8 * w)) - 1;
}

/* The width that holds codes 0..n_dict-1 and code_none. */
static unsigned code_width_for(size_t n_dict)
{
    return n_dict < UINT8_MAX ? 1 : n_dict < UINT16_MAX ? 2 : 4;
}

static inline uint32_t code_get(const void *codes, unsigned w, size_t i)
{
    return w == 1 ? ((const uint8_t *)codes)[i] : w == 2 ? ((const uint16_t *)codes)[i] : ((const uint32_t *)codes)[i];
}

static inline void code_put(void *codes, unsigned w, size_t i, uint32_t c)
{
    if (w == 1)
        ((uint8_t *)codes)[i] = (uint8_t)c;
    else if (w == 2)
        ((uint16_t *)codes)[i] = (uint16_t)c;
    else
        ((uint32_t *)codes)[i] = c;
}

/* cc's codes in width w (room for cc->cap, or at least n), a missing
 * value's code the new width's.  0, or -1 out of memory (unchanged). */
static int code_widen(coded_column *cc, unsigned w, size_t n)
{
    size_t cap = cc->cap > n ? cc->cap : n;
    void *codes = effekt_malloc((cap ? cap : 1) * w);
    if (!codes)
        return -1;
    uint32_t was = code_none(cc->width), none = code_none(w);
    for (size_t i = 0; i < cc->n; i++) {
        uint32_t c = code_get(cc->codes, cc->width, i);
        code_put(codes, w, i, c == was ? none : c);
    }
    free(cc->codes);
    cc->codes = codes;
    cc->width = w;
    cc->cap = cap;
    return 0;
}

typedef struct {
    const effekt_csv_options *opt;
    const char *name;
    effekt_diag *diag;
    effekt_status status;        /* first fatal problem */
    int stop;                    /* set by a callback to end parsing */
    /* progress: bytes read by every part of one load, shared; the part on
     * the caller's thread also calls opt->progress */
    atomic_ullong *progress;
    unsigned long long progress_total;
    int progress_calls;

    /* encoding */
    effekt_csv_encoding encoding;    /* as given, or as decided */
    int decided;                 /* the encoding is known (by option or evidence) */
    int detected;                /* ...by libuchardet: a UTF-8 field later is a mix */
    int bom;                     /* the file starts with a UTF-8 byte-order mark */
    size_t decided_line;         /* the line whose field decided it */
    int utf8_judged;             /* decide_encoding found utf8_chunk mostly UTF-8 */
    size_t utf8_chunk;           /* which chunk (SIZE_MAX: the sample) */
    char enc_name[48];           /* EFFEKT_ENCODING_OTHER: the iconv name */
    iconv_t cd;                  /* to UTF-8 from enc_name, field by field; opened on use */
    iconv_t chunk_cd;            /* to UTF-8 before parsing (an encoding that is not
                                    ASCII-compatible, as UTF-32) */
    const unsigned char *sample; /* the chunk being parsed: what libuchardet looks at */
    size_t sample_len;
    /* a part of a file read in parts: its chunks are pieces of one
     * reading's (source.align), and libuchardet must look at the whole of
     * one reading's chunk, read again from the file */
    int file_fd;                 /* -1: the chunk being parsed is the sample */
    size_t file_size;
    off_t chunk_at;              /* file offset of the chunk being parsed */
    size_t head_skip;            /* bytes one reading leaves out of its first chunk
                                    (a byte-order mark, Excel's "sep=" line) */
    unsigned char *conv;
    size_t conv_cap;

    /* position */
    size_t line;                 /* physical line at the parser's position */
    int pending_cr;
    int event;                   /* a callback fired during the current chunk */

    /* the row being read */
    size_t field;
    size_t row_line;
    int last_field_empty;

    /* header */
    int header_done;
    size_t header_line;
    char **headings;
    size_t n_headings, headings_cap;
    size_t header_bytes;
    size_t n_cols;
    long *slot;                  /* source field -> kept column, or -1 */
    size_t n_kept;
    raw_column *raw;             /* per source field */
    column_scan *scan;           /* per source field: the first look at each value */
    unsigned char *text_only;    /* per source field: canonical text (ids, names): no typing */
    size_t (*unkept_marks)[2];   /* per source field not loaded: values that need '.' and
                                    ',' as decimal mark, so that the file's mark is the
                                    same whichever columns are asked for */
    missing_set missing;
    size_t size_hint;            /* input size when known, to size buffers once */
    size_t rows_hint;            /* rows expected, from the first chunk's lines */
    int header_only;             /* stop once the header is read */
    size_t header_last_line;     /* the line the header ends on */

    /* rows */
    size_t n_rows;
    size_t n_ragged;
    size_t *mark_row, *mark_line;
    size_t n_marks, marks_cap;
    int libcsv_only;             /* no fast path (parse_chunk): the reference reading */
    size_t fast_lines_read;      /* lines the fast path has read */
    size_t lines_read;           /* after parse_source: the line breaks before the
                                    source's end (its lines_before and its own) */
    unsigned char *fast_kind;    /* per source field, for the fast path: FAST_SKIP,
                                    FAST_MARKS or FAST_STORE (NULL: not yet made) */
    coded_column *coded;         /* per source field (NULL: no column is coded) */
    size_t *fast_store;          /* the fields fast_kind says FAST_STORE, in order */
    size_t n_fast_store;
    int fast_any_marks;          /* some field is FAST_MARKS */
    size_t fast_marks_from;      /* the first and the last FAST_MARKS field */
    size_t fast_marks_to;
} reader;

static int append(raw_column *r, const char *s, size_t len)
{
    if (!r->data || r->len + len + 1 > r->cap) {
        size_t cap = r->data && r->cap ? r->cap : 4096;
        while (cap < r->len + len + 1)
            cap *= 2;
        char *d = effekt_big_realloc(r->data, cap);
        if (!d)
            return -1;
        r->data = d;
        r->cap = cap;
    }
    if (len)
        memcpy(r->data + r->len, s, len);
    r->data[r->len + len] = '\0';
    r->len += len + 1;
    return 0;
}

static void fail(reader *rd, effekt_status status)
{
    if (rd->status == EFFEKT_OK)
        rd->status = status;
    rd->stop = 1;
}

static int conv_reserve(reader *rd, size_t need)
{
    if (rd->conv_cap >= need)
        return 0;
    unsigned char *c = effekt_realloc(rd->conv, need);
    if (!c) {
        fail(rd, EFFEKT_ENOMEM);
        return -1;
    }
    rd->conv = c;
    rd->conv_cap = need;
    return 0;
}

/* The name of the encoding the reader uses, for messages. */
static const char *reader_encoding_name(const reader *rd)
{
    return rd->encoding == EFFEKT_ENCODING_OTHER ? rd->enc_name : effekt_csv_encoding_name(rd->encoding);
}

/* Decide the encoding of a file whose first non-ASCII field is not UTF-8:
 * ask libuchardet about the chunk being read (a field alone is too short
 * to tell).  Windows-1252 and ISO-8859-1 are read by effekt itself, any
 * other encoding through iconv.  Returns 0, or -1 when the chunk is
 * mostly UTF-8 (the field is then a stray of another encoding). */
static int decide_encoding(reader *rd, unsigned char bad_byte, size_t line)
{
    char found[48];
    const unsigned char *sample = rd->sample;
    size_t sample_len = rd->sample_len;
    unsigned char *whole = NULL;
    /* the same chunk gives the same answer: a file of many stray fields
     * asked libuchardet about 256 KiB once per field (quadratic; a fuzz
     * input of 20,000 such rows took 2 minutes) */
    size_t chunk = rd->file_fd >= 0 ? (size_t)(rd->chunk_at / CHUNK_SIZE) : SIZE_MAX;
    if (rd->utf8_judged && rd->utf8_chunk == chunk)
        return -1;
    if (rd->file_fd >= 0) {
        /* a part of a file: one reading's chunk holding this one, so that
         * the decision is the same whichever part meets the field first */
        off_t from = rd->chunk_at / CHUNK_SIZE * CHUNK_SIZE, to = from + CHUNK_SIZE;
        if ((size_t)from < rd->head_skip)
            from = (off_t)rd->head_skip;
        if ((size_t)to > rd->file_size)
            to = (off_t)rd->file_size;
        whole = effekt_malloc(CHUNK_SIZE);
        if (!whole || to < from || pread(rd->file_fd, whole, (size_t)(to - from), from) != to - from) {
            free(whole);
            fail(rd, EFFEKT_EIO);   /* the loader reads the file in one go instead */
            return -1;
        }
        sample = whole;
        sample_len = (size_t)(to - from);
    }
    int known = effekt_encoding_detect(sample, sample_len, found, sizeof found) == 0;
    free(whole);
    if (known && (strcasecmp(found, "UTF-8") == 0 || strcasecmp(found, "ASCII") == 0)) {
        rd->utf8_judged = 1;
        rd->utf8_chunk = chunk;
        return -1;
    }
    if (!known || !effekt_encoding_iconv_known(found)) {
        rd->encoding = EFFEKT_ENCODING_CP1252;
        effekt_diag_add(rd->diag, EFFEKT_NOTE, rd->name, line, rd->field + 1, NULL, NULL,
                        "not valid UTF-8 (byte 0x%02X); read as Windows-1252, as Danish Excel "
                        "writes: the encoding could not be detected%s%s%s (--encoding sets it)",
                        bad_byte, known ? " ('" : "", known ? found : "", known ? "' is unknown to iconv)" : "");
    } else {
        if (strcasecmp(found, "WINDOWS-1252") == 0 || strcasecmp(found, "ISO-8859-1") == 0) {
            rd->encoding = EFFEKT_ENCODING_CP1252;   /* its superset, read here */
        } else {
            rd->encoding = EFFEKT_ENCODING_OTHER;
            snprintf(rd->enc_name, sizeof rd->enc_name, "%s", found);
        }
        effekt_diag_add(rd->diag, EFFEKT_NOTE, rd->name, line, rd->field + 1, NULL, NULL,
                        "not valid UTF-8 (byte 0x%02X); read as %s, the encoding detected "
                        "(--encoding sets it)", bad_byte, reader_encoding_name(rd));
    }
    rd->decided = 1;
    rd->detected = 1;
    rd->decided_line = line;
    return 0;
}

/* Convert a field from rd->enc_name with iconv.  Returns the bytes
 * written to rd->conv, or (size_t)-1 with *bad the offset of the first
 * byte that is not a character there. */
static size_t iconv_field(reader *rd, const char *s, size_t len, size_t *bad)
{
    if (rd->cd == (iconv_t)-1 && (rd->cd = iconv_open("UTF-8", rd->enc_name)) == (iconv_t)-1) {
        *bad = 0;
        return (size_t)-1;
    }
    if (conv_reserve(rd, 4 * len + 16) != 0)
        return 0;
    iconv(rd->cd, NULL, NULL, NULL, NULL);   /* a field starts in the initial state */
    char *in = (char *)s, *out = (char *)rd->conv;
    size_t inleft = len, outleft = rd->conv_cap - 1;
    if (iconv(rd->cd, &in, &inleft, &out, &outleft) == (size_t)-1
        || iconv(rd->cd, NULL, NULL, &out, &outleft) == (size_t)-1) {
        *bad = len - inleft;
        return (size_t)-1;
    }
    return (size_t)(out - (char *)rd->conv);
}

/* Make the field UTF-8, deciding the encoding on the first non-ASCII
 * field when it was not given.  Returns the bytes to store (maybe the
 * conversion buffer) or NULL after recording an error. */
static const char *field_to_utf8(reader *rd, const char *s, size_t *len, size_t line)
{
    if (effekt_encoding_ascii_only((const unsigned char *)s, *len))
        return s;
    effekt_csv_encoding enc = rd->encoding;
    if (enc == EFFEKT_ENCODING_UTF16LE || enc == EFFEKT_ENCODING_UTF16BE || rd->chunk_cd != (iconv_t)-1)
        return s;   /* converted before parsing */
    size_t bad = effekt_encoding_utf8_invalid_offset((const unsigned char *)s, *len);
    if (enc == EFFEKT_ENCODING_AUTO || enc == EFFEKT_ENCODING_UTF8) {
        if (bad == *len) {
            if (!rd->decided) {
                rd->encoding = EFFEKT_ENCODING_UTF8;
                rd->decided = 1;
                rd->decided_line = line;
            }
            return s;
        }
        if (enc == EFFEKT_ENCODING_UTF8 || rd->decided || decide_encoding(rd, (unsigned char)s[bad], line) != 0) {
            if (rd->stop)
                return NULL;
            char why[96];
            if (enc == EFFEKT_ENCODING_UTF8 && !rd->decided)
                snprintf(why, sizeof why, "the file was declared UTF-8");
            else if (rd->bom)
                snprintf(why, sizeof why, "the file starts with a UTF-8 byte-order mark");
            else if (rd->decided)
                snprintf(why, sizeof why, "earlier lines were UTF-8 (line %zu)", rd->decided_line);
            else
                snprintf(why, sizeof why, "the rest of the file is UTF-8");
            effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, line, rd->field + 1, NULL, NULL,
                            "invalid UTF-8 byte 0x%02X in field %zu (%s; mixed encodings: save the file "
                            "in one, or if it is all in another, name it with --encoding, e.g. "
                            "windows-1252)", (unsigned char)s[bad], rd->field + 1, why);
            if (rd->status == EFFEKT_OK)
                rd->status = EFFEKT_EENCODING;
            enc = EFFEKT_ENCODING_LATIN1;   /* store something readable */
        } else {
            enc = rd->encoding;
        }
    } else if (rd->detected && bad == *len) {
        /* valid UTF-8 with non-ASCII letters in a file detected as a
         * single-byte encoding: Århus written twice, in two encodings */
        effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, line, rd->field + 1, NULL, NULL,
                        "field %zu is UTF-8, but line %zu was %s (mixed encodings: save the file in one)",
                        rd->field + 1, rd->decided_line, reader_encoding_name(rd));
        if (rd->status == EFFEKT_OK)
            rd->status = EFFEKT_EENCODING;
        return s;
    }
    size_t n;
    if (enc == EFFEKT_ENCODING_OTHER) {
        n = iconv_field(rd, s, *len, &bad);
        if (rd->stop)
            return NULL;
        if (n != (size_t)-1) {
            *len = n;
            return (const char *)rd->conv;
        }
        effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, line, rd->field + 1, NULL, NULL,
                        "byte 0x%02X is not a character in %s (field %zu; --encoding names the "
                        "file's encoding)", bad < *len ? (unsigned char)s[bad] : 0, rd->enc_name,
                        rd->field + 1);
        if (rd->status == EFFEKT_OK)
            rd->status = EFFEKT_EENCODING;
        enc = EFFEKT_ENCODING_LATIN1;   /* store something readable */
    }
    if (conv_reserve(rd, 3 * *len + 1) != 0)
        return NULL;
    n = effekt_encoding_single_byte_to_utf8((const unsigned char *)s, *len, enc == EFFEKT_ENCODING_CP1252,
                            rd->conv, &bad);
    if (n == (size_t)-1) {
        effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, line, rd->field + 1, NULL, NULL,
                        "byte 0x%02X is not a character in Windows-1252 or UTF-8 "
                        "(--encoding names the file's encoding: latin1, windows-1250, ...)",
                        (unsigned char)s[bad]);
        if (rd->status == EFFEKT_OK)
            rd->status = EFFEKT_EENCODING;
        n = effekt_encoding_single_byte_to_utf8((const unsigned char *)s, *len, 0, rd->conv, &bad);
    }
    *len = n;
    return (const char *)rd->conv;
}

/* Line breaks as the reader counts them (on_row): CR, LF and CRLF one
 * each.  *after_cr says the bytes before s ended in CR, so that a leading
 * LF is its pair; it is updated for the next call. */
static size_t count_line_breaks(const char *s, size_t len, int *after_cr)
{
    size_t n = 0;
    for (const char *p = s, *end = s + len; (p = memchr(p, '\r', (size_t)(end - p))); p++)
        n++;
    for (const char *p = s, *end = s + len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        n += p > s ? p[-1] != '\r' : !*after_cr;
    if (len)
        *after_cr = s[len - 1] == '\r';
    return n;
}

/* Whether a cell holds a '.' or ','; a loop over the bytes, as fields
 * are short and two memchr calls a cell cost more than the cell. */
static int has_mark(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == '.' || s[i] == ',')
            return 1;
    return 0;
}

/* What a byte tells the field scan: 1 a line break, 2 a NUL (binary
 * input), 0x80 a non-ASCII byte.  A table: one load a byte. */
static const unsigned char byte_class[256] = {
    0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
};

static inline void field_store(reader *rd, const char *str, size_t len, size_t start);
static int code_add(reader *rd, coded_column *cc, const char *s, size_t len);

/* A value of kept source field f, once the header is read: its code, or
 * its first look (and its text, when the value cannot write it back). */
static inline void store_kept(reader *rd, size_t f, const char *str, size_t len)
{
    if (rd->coded && rd->coded[f].on) {
        if (code_add(rd, &rd->coded[f], str, len) != 0)
            fail(rd, EFFEKT_ENOMEM);
        return;
    }
    int keep = column_scan_add(&rd->scan[f], rd->opt, &rd->missing, str, len, rd->text_only[f]);
    if (keep < 0 || (keep && append(&rd->raw[f], str, len) != 0))
        fail(rd, EFFEKT_ENOMEM);
}

/* A value of a coded column: trimmed and judged missing as a text
 * column's value is (effekt_infer_text_value), then its code.  0, or -1
 * out of memory (or out of codes: 2^32 - 1 distinct values). */
static int code_add(reader *rd, coded_column *cc, const char *s, size_t len)
{
    if (cc->n == cc->cap) {
        size_t cap = cc->cap ? 2 * cc->cap : rd->rows_hint ? rd->rows_hint + rd->rows_hint / 16 + 1024 : 4096;
        /* realloc, not effekt_big_realloc: a large block grows by mremap,
         * without a copy */
        void *c = effekt_realloc(cc->codes, cap * cc->width);
        if (!c)
            return -1;
        cc->codes = c;
        cc->cap = cap;
    }
    uint32_t code;
    /* an id of a few bytes met before: its word finds its code (the
     * dictionary holds trimmed texts that are not missing, so bytes equal
     * to one of them need neither trimming nor the missing test) */
    if (len - 1 < 8 && effekt_dict_find_word(&cc->dict, effekt_dict_word(s, len), &code)) {
        code_put(cc->codes, cc->width, cc->n++, code);
        return 0;
    }
    if (effekt_infer_text_value(rd->opt, &rd->missing, &s, &len)) {
        cc->missing++;
        code = code_none(cc->width);
    } else if (effekt_dict_intern(&cc->dict, s, len, &code) != 0) {
        return -1;
    } else if (code_width_for(cc->dict.n) > cc->width && code_widen(cc, code_width_for(cc->dict.n), 0) != 0) {
        return -1;
    }
    code_put(cc->codes, cc->width, cc->n++, code);
    return 0;
}

static void on_field(void *s, size_t len, void *data)
{
    reader *rd = data;
    rd->event = 1;
    rd->pending_cr = 0;
    if (rd->stop)
        return;
    const char *str = s ? s : "";
    /* quoted newlines move the position without a row event */
    size_t start = rd->line;
    /* one pass over the (short) field: line breaks and non-ASCII bytes */
    unsigned char seen = 0;
    for (size_t i = 0; i < len; i++)
        seen |= byte_class[(unsigned char)str[i]];
    if (seen & 2) {
        effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, start, rd->field + 1, NULL, NULL,
                        "a NUL byte in field %zu: this is not a text file (is it a spreadsheet "
                        "saved as .xlsx? export it as CSV)", rd->field + 1);
        fail(rd, EFFEKT_EENCODING);
        return;
    }
    if (seen & 1) {
        int after_cr = 0;   /* a field starts after a delimiter or quote */
        rd->line += count_line_breaks(str, len, &after_cr);
    }
    if (rd->field == 0)
        rd->row_line = start;
    if (seen & 0x80) {
        str = field_to_utf8(rd, str, &len, start);
        if (!str)
            return;
    }
    field_store(rd, str, len, start);
}

/* What on_field does with a field once its bytes are known to be UTF-8
 * without NUL: the header's heading, a kept column's value, or the look
 * at an unkept one's decimal marks.  start: the field's line. */
static inline void field_store(reader *rd, const char *str, size_t len, size_t start)
{
    rd->last_field_empty = len == 0;
    if (!rd->header_done) {
        size_t max_cols = rd->opt->max_columns ? rd->opt->max_columns : DEFAULT_MAX_COLUMNS;
        if (rd->n_headings >= max_cols) {
            effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, start, rd->field + 1, NULL, NULL,
                            "more than %zu columns (the limit; --max-columns raises it)", max_cols);
            fail(rd, EFFEKT_ELIMIT);
            return;
        }
        if (rd->n_headings == rd->headings_cap) {
            size_t cap = rd->headings_cap ? 2 * rd->headings_cap : 16;
            char **h = effekt_realloc(rd->headings, cap * sizeof *h);
            if (!h) {
                fail(rd, EFFEKT_ENOMEM);
                return;
            }
            rd->headings = h;
            rd->headings_cap = cap;
        }
        char *h = effekt_malloc(len + 1);
        if (!h) {
            fail(rd, EFFEKT_ENOMEM);
            return;
        }
        memcpy(h, str, len);
        h[len] = '\0';
        rd->headings[rd->n_headings++] = h;
        rd->header_bytes += len + 1;
    } else if (rd->field < rd->n_cols && rd->slot[rd->field] >= 0) {
        store_kept(rd, rd->field, str, len);
    } else if (rd->field < rd->n_cols && rd->unkept_marks && !rd->text_only[rd->field]
               && !(rd->unkept_marks[rd->field][0] && rd->unkept_marks[rd->field][1])   /* settled: both */
               && has_mark(str, len)) {
        number_shape shape = effekt_number_classify(str, len);
        rd->unkept_marks[rd->field][0] += shape.kind == NUMBER_POINT;
        rd->unkept_marks[rd->field][1] += shape.kind == NUMBER_COMMA;
    }
    rd->field++;
}

static int add_line_mark(reader *rd, size_t row, size_t line)
{
    if (rd->n_marks == rd->marks_cap) {
        size_t cap = rd->marks_cap ? 2 * rd->marks_cap : 16;
        size_t *r = effekt_realloc(rd->mark_row, cap * sizeof *r);
        if (!r)
            return -1;
        rd->mark_row = r;
        size_t *l = effekt_realloc(rd->mark_line, cap * sizeof *l);
        if (!l)
            return -1;
        rd->mark_line = l;
        rd->marks_cap = cap;
    }
    rd->mark_row[rd->n_marks] = row;
    rd->mark_line[rd->n_marks] = line;
    rd->n_marks++;
    return 0;
}

static size_t expected_line(const reader *rd, size_t row)
{
    if (rd->n_marks == 0)
        return rd->header_line + 1 + row;
    return rd->mark_line[rd->n_marks - 1] + (row - rd->mark_row[rd->n_marks - 1]);
}

static int header_ready(reader *rd);

static void end_row(reader *rd)
{
    if (!rd->header_done) {
        rd->header_done = 1;
        rd->header_line = rd->row_line;
        rd->header_last_line = rd->line;
        if (header_ready(rd) != 0 || rd->header_only)
            rd->stop = 1;
        return;
    }
    /* a line of nothing but spaces in a multi-column file is blank */
    if (rd->field == 1 && rd->last_field_empty && rd->n_cols > 1)
        return;
    size_t row = rd->n_rows;
    if (rd->row_line != expected_line(rd, row) && add_line_mark(rd, row, rd->row_line) != 0) {
        fail(rd, EFFEKT_ENOMEM);
        return;
    }
    if (rd->field != rd->n_cols) {
        rd->n_ragged++;
        effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, rd->row_line,
                        rd->field < rd->n_cols ? rd->field : rd->n_cols + 1, NULL, NULL,
                        "row has %zu field%s, expected %zu as in the header (line %zu)%s",
                        rd->field, rd->field == 1 ? "" : "s", rd->n_cols, rd->header_line,
                        rd->field > rd->n_cols ? "; quote fields that contain the delimiter" : "");
        if (rd->status == EFFEKT_OK)
            rd->status = EFFEKT_ESCHEMA;
        for (size_t f = rd->field; f < rd->n_cols; f++)
            /* the absent fields are missing values: NaN, counted as missing
             * (found by fuzzing: passing text_only here left the value unset) */
            if (rd->slot[f] >= 0)
                store_kept(rd, f, "", 0);
    }
    rd->n_rows++;
}

static void on_row(int c, void *data)
{
    reader *rd = data;
    rd->event = 1;
    if (!rd->stop && rd->field > 0)
        end_row(rd);
    rd->field = 0;
    if (c == '\r') {
        rd->line++;
        rd->pending_cr = 1;
    } else if (c == '\n') {
        if (rd->pending_cr)
            rd->pending_cr = 0;
        else
            rd->line++;
    }
}

/* Case-insensitive heading comparison after trimming spaces. */
static int same_heading(const char *a, const char *b)
{
    while (*a == ' ') a++;
    while (*b == ' ') b++;
    size_t la = strlen(a), lb = strlen(b);
    while (la && a[la - 1] == ' ') la--;
    while (lb && b[lb - 1] == ' ') lb--;
    return la == lb && strncasecmp(a, b, la) == 0;
}

/* The canonical column a heading stands for: --map's target, else its
 * alias. */
static const effekt_canonical *mapped_canonical(const effekt_csv_options *opt, const char *heading)
{
    const effekt_canonical *target = NULL;
    for (size_t m = 0; m < opt->n_map; m++)
        if (effekt_heading_same(heading, opt->map[m].heading))
            target = effekt_canonical_find(opt->map[m].canonical);
    return target ? target : effekt_canonical_match(heading);
}

/* Does a column option's `name` ask for the column headed `heading`: by
 * the one rule of effekt_heading_same, or by the canonical name the
 * heading maps to (--map targets included)? */
static int names_column(const effekt_csv_options *opt, const char *heading, const char *name)
{
    if (effekt_heading_same(heading, name))
        return 1;
    const effekt_canonical *canon = mapped_canonical(opt, heading);
    if (!canon)
        return 0;
    if (strcmp(canon->name, name) == 0)
        return 1;
    const effekt_canonical *asked = effekt_canonical_match(name);
    return asked == canon;
}

/* Size each column's buffers from the input size once (growing by
 * doubling copies and faults pages twice). */
static int size_buffers(reader *rd)
{
    size_t n = rd->n_cols;
    if (rd->size_hint && n) {
        /* raw text is kept for text-like values only: start small for
         * columns that may hold numbers */
        size_t raw_guess = rd->size_hint / n + 4096;
        size_t rows_guess = rd->rows_hint ? rd->rows_hint + rd->rows_hint / 16 + 1024 : 1024;
        if (rows_guess > rd->size_hint / (2 * n) + 1024)
            rows_guess = rd->size_hint / (2 * n) + 1024;
        for (size_t i = 0; i < n; i++) {
            if (rd->slot[i] < 0 || rd->scan[i].cap || (rd->coded && rd->coded[i].on))
                continue;   /* not kept, given its buffers, or coded */
            rd->raw[i].data = effekt_big_alloc(raw_guess);
            rd->scan[i].values = effekt_big_alloc(rows_guess * sizeof(double));
            rd->scan[i].kinds = effekt_big_alloc(rows_guess);
            rd->scan[i].format = effekt_big_alloc(rows_guess);
            if (!rd->raw[i].data || !rd->scan[i].values || !rd->scan[i].kinds || !rd->scan[i].format) {
                fail(rd, EFFEKT_ENOMEM);
                return -1;
            }
            rd->raw[i].cap = raw_guess;
            rd->scan[i].cap = rows_guess;
        }
    }
    return 0;
}

/* The header is read: check it, map headings to canonical names, and
 * choose the columns to keep. */
static int header_ready(reader *rd)
{
    const effekt_csv_options *opt = rd->opt;
    size_t n = rd->n_cols = rd->n_headings;
    rd->slot = effekt_malloc((n ? n : 1) * sizeof *rd->slot);
    rd->raw = effekt_calloc(n ? n : 1, sizeof *rd->raw);
    rd->scan = effekt_calloc(n ? n : 1, sizeof *rd->scan);
    rd->text_only = effekt_calloc(n ? n : 1, 1);
    effekt_infer_missing_init(&rd->missing, opt);
    if (!rd->slot || !rd->raw || !rd->scan || !rd->text_only) {
        fail(rd, EFFEKT_ENOMEM);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        rd->slot[i] = -1;
    for (size_t i = 0; i < n; i++) {
        if (!*rd->headings[i])
            continue;
        for (size_t j = 0; j < i; j++)
            if (same_heading(rd->headings[i], rd->headings[j])) {
                effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, rd->row_line, i + 1,
                                rd->headings[i], rd->headings[i],
                                "duplicate heading '%s' (also column %zu)", rd->headings[i], j + 1);
                if (rd->status == EFFEKT_OK)
                    rd->status = EFFEKT_ESCHEMA;
                break;
            }
    }
    for (size_t m = 0; m < opt->n_map; m++) {
        int found = 0;
        for (size_t i = 0; i < n; i++)
            found |= effekt_heading_same(rd->headings[i], opt->map[m].heading);
        if (!found) {
            effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, rd->row_line, 0, NULL,
                            opt->map[m].heading, "--map %s=%s: the file has no column '%s'",
                            opt->map[m].canonical, opt->map[m].heading, opt->map[m].heading);
            if (rd->status == EFFEKT_OK)
                rd->status = EFFEKT_EINVAL;
        }
    }
    for (size_t c = 0; c < opt->n_columns; c++) {
        int found = 0;
        for (size_t i = 0; i < n; i++)
            found |= names_column(opt, rd->headings[i], opt->columns[c]);
        if (!found) {
            effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, rd->row_line, 0, NULL,
                            opt->columns[c], "no column '%s' in the file", opt->columns[c]);
            fail(rd, EFFEKT_ESCHEMA);
            return -1;
        }
    }
    rd->n_kept = 0;
    for (size_t i = 0; i < n; i++) {
        int keep = opt->n_columns == 0;
        for (size_t c = 0; c < opt->n_columns && !keep; c++)
            keep = names_column(opt, rd->headings[i], opt->columns[c]);
        rd->slot[i] = keep ? (long)rd->n_kept++ : -1;
        const effekt_canonical *target = mapped_canonical(opt, rd->headings[i]);
        rd->text_only[i] = target && target->type == EFFEKT_TYPE_TEXT;
    }
    /* the columns to read as codes: text whatever their values, asked for */
    for (size_t i = 0; i < n && !opt->sum_by; i++) {
        int code = 0;
        for (size_t c = 0; c < opt->n_coded && !code && rd->slot[i] >= 0 && rd->text_only[i]; c++)
            code = names_column(opt, rd->headings[i], opt->coded[c]);
        if (!code)
            continue;
        if (!rd->coded && !(rd->coded = effekt_calloc(n, sizeof *rd->coded))) {
            fail(rd, EFFEKT_ENOMEM);
            return -1;
        }
        rd->coded[i].on = 1;
        rd->coded[i].width = 1;
    }
    if (opt->n_columns && rd->n_kept < n) {
        rd->unkept_marks = effekt_calloc(n, sizeof *rd->unkept_marks);
        if (!rd->unkept_marks) {
            fail(rd, EFFEKT_ENOMEM);
            return -1;
        }
    }
    return size_buffers(rd);
}

/* Pick the delimiter among , ; TAB | from the first records of the
 * sample (up to a thousand; quoted fields may span lines): the
 * candidate that the header has and that splits the most records into
 * one number of fields, the most common (outside quotes).  Counts alone
 * mislead: a Finnish export ends every line in ';' (and some in ',,;')
 * and is ','-separated, so ';' looked the more consistent.  Trailing
 * empty fields are therefore not counted, for any candidate: a ';' that
 * only ends lines splits nothing.  Among equally consistent candidates
 * the one giving more fields wins; two that give as many fields as
 * consistently cannot be told apart: 0 is returned and *tie_a, *tie_b
 * name them.  at_end: the sample is the whole input (its last,
 * unterminated record is complete). */
static char detect_delimiter(const char *s, size_t len, int at_end, char *tie_a, char *tie_b,
                             size_t *tie_fields)
{
    static const char cand[] = { ';', ',', '\t', '|' };
    enum { NC = 4, MAX_RECORDS = 1000 };
    /* per record and candidate: delimiters seen before the record's last
     * byte of content (neither a space nor a candidate); 16 KB on the
     * stack, so that no state outlives the call */
    uint32_t counts[MAX_RECORDS][NC];
    uint32_t seen[NC] = { 0 };
    size_t records = 0;
    int quoted = 0, content = 0;
    memset(counts[0], 0, sizeof counts[0]);
    for (size_t i = 0; i < len && records < MAX_RECORDS; i++) {
        char c = s[i];
        if (!quoted && (c == '\n' || c == '\r')) {
            if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
                i++;
            memset(seen, 0, sizeof seen);
            if (!content)
                continue;   /* a blank line, or delimiters only */
            if (++records < MAX_RECORDS)
                memset(counts[records], 0, sizeof counts[records]);
            content = 0;
            continue;
        }
        int k = -1;
        if (!quoted)
            for (int j = 0; j < NC; j++)
                if (c == cand[j])
                    k = j;
        if (c == '"')
            quoted = !quoted;
        if (k >= 0) {
            seen[k]++;
        } else if (c != ' ') {
            content = 1;
            memcpy(counts[records], seen, sizeof seen);
        }
    }
    if (records < MAX_RECORDS && content && (at_end || records == 0))
        records++;   /* the last, unterminated record */
    int best = -1;
    size_t best_agree = 0, best_fields = 0;
    *tie_a = *tie_b = 0;
    for (int k = 0; k < NC && records; k++) {
        if (counts[0][k] == 0)
            continue;
        /* the count most records have, among those it splits (the header
         * may differ: a ragged export is still told by its rows) */
        uint32_t mode = counts[0][k];
        size_t agree = 0;
        for (size_t r = 0; r < records; r++) {
            if (counts[r][k] == 0 || (r && counts[r][k] == counts[r - 1][k]))
                continue;   /* splits nothing, or counted already (the record before) */
            size_t same = 0;
            for (size_t q = 0; q < records; q++)
                same += counts[q][k] == counts[r][k];
            if (same > agree || (same == agree && counts[r][k] > mode)) {
                agree = same;
                mode = counts[r][k];
            }
        }
        size_t fields = (size_t)mode + 1;
        if (fields < 2)
            continue;   /* only at the ends of lines: it splits nothing */
        if (best >= 0 && agree == best_agree && fields == best_fields) {
            *tie_a = cand[best];
            *tie_b = cand[k];
            *tie_fields = fields;
        } else if (best < 0 || agree > best_agree || (agree == best_agree && fields > best_fields)) {
            best = k;
            best_agree = agree;
            best_fields = fields;
            *tie_a = *tie_b = 0;
        }
    }
    if (*tie_a)
        return 0;
    if (best >= 0)
        return cand[best];
    /* one column: a delimiter that never occurs, so values stay whole */
    for (int k = 1; k < NC; k++) {
        int any = 0;
        for (size_t r = 0; r < records; r++)
            any |= counts[r][k] != 0;
        if (!any && !memchr(s, cand[k], len < 65536 ? len : 65536))
            return cand[k];
    }
    return ',';
}

/* How a delimiter is named in a message. */
static const char *delimiter_name(char c)
{
    switch (c) {
    case '\t': return "TAB";
    case ';': return "';'";
    case ',': return "','";
    case '|': return "'|'";
    }
    return "?";
}

/* Excel's delimiter line: "sep=;" (or quoted, "\"sep=;\"", as some tools
 * rewrite it; maybe padded with the delimiter to the header's width) on
 * the file's first line, then a line break or the end.  Excel reads it
 * as an instruction and hides it; taken for the header, it made every
 * column nameless.  Returns the bytes of that line with its line break
 * (0: not such a line) and the delimiter in *sep; *broke says whether a
 * line break was consumed. */
static size_t excel_sep_line(const char *s, size_t n, char *sep, int *broke)
{
    size_t i = 0;
    int quoted = n > 0 && s[0] == '"';
    i += (size_t)quoted;
    if (n < i + 5 || strncasecmp(s + i, "sep=", 4) != 0)
        return 0;
    unsigned char c = (unsigned char)s[i + 4];
    if (c == 0 || c == '"' || c == '\r' || c == '\n' || c >= 0x80)
        return 0;
    i += 5;
    if (quoted) {
        if (i == n || s[i] != '"')
            return 0;
        i++;
    }
    while (i < n && (unsigned char)s[i] == c)
        i++;
    *broke = 0;
    if (i < n) {
        if (s[i] != '\r' && s[i] != '\n')
            return 0;
        *broke = 1;
        i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
    }
    *sep = (char)c;
    return i;
}

static int space_only(unsigned char c)
{
    return c == ' ';
}

/* ---- the fast path: regular lines without libcsv ---------------------
 *
 * Most lines of a large file are plain: no quote, no CR but a CRLF's, no
 * space or tab at a field's edge (libcsv trims those).  For such a line
 * libcsv does nothing but call on_field for each piece between
 * delimiters and on_row for the line break (CR then LF for a CRLF; a
 * blank line only the row event).  The fast path finds the delimiters
 * and line breaks from bit masks of 64 bytes (scan.c: AVX2, SSE2 or a
 * portable word), walked across lines, and makes those same calls
 * itself.  It takes only whole lines that start when libcsv is between
 * rows, and checks a line to its end before it calls anything: the first
 * line it does not take, or a line the chunk cuts, goes to libcsv from
 * its start, so the callbacks, and with them the table, the line numbers
 * and every message, are libcsv's.  (fuzz_split compares the two on
 * every input; effekt_csv_load_buffer_libcsv reads without it.) */

/* The most fields a line may have to be taken (more: libcsv reads it). */
#define FAST_MAX_FIELDS 1024

/* Whether libcsv sees c as a space (it trims those at a field's edges):
 * space and tab, or space alone in a tab-delimited file (space_only). */
static inline int fast_space(unsigned char c, unsigned char delim)
{
    return c == ' ' || (c == '\t' && delim != '\t');
}

enum { FAST_SKIP, FAST_MARKS, FAST_STORE };

/* What field_store does with each source field once the header is read:
 * store it (a kept column), look at its decimal marks (a column not
 * loaded, when the file's mark must be known), or nothing.  NULL when
 * out of memory (fail() called). */
static const unsigned char *fast_kinds(reader *rd)
{
    rd->fast_kind = effekt_malloc(rd->n_cols ? rd->n_cols : 1);
    if (!rd->fast_kind) {
        fail(rd, EFFEKT_ENOMEM);
        return NULL;
    }
    rd->fast_store = effekt_malloc((rd->n_cols ? rd->n_cols : 1) * sizeof *rd->fast_store);
    if (!rd->fast_store) {
        free(rd->fast_kind);
        rd->fast_kind = NULL;
        fail(rd, EFFEKT_ENOMEM);
        return NULL;
    }
    rd->n_fast_store = 0;
    rd->fast_any_marks = 0;
    for (size_t f = 0; f < rd->n_cols; f++) {
        rd->fast_kind[f] = rd->slot[f] >= 0 ? FAST_STORE
                           : rd->unkept_marks && !rd->text_only[f] ? FAST_MARKS : FAST_SKIP;
        if (rd->fast_kind[f] == FAST_STORE)
            rd->fast_store[rd->n_fast_store++] = f;
        if (rd->fast_kind[f] == FAST_MARKS) {
            if (!rd->fast_any_marks)
                rd->fast_marks_from = f;
            rd->fast_marks_to = f;
            rd->fast_any_marks = 1;
        }
    }
    return rd->fast_kind;
}

/* A plain line of exactly n_cols fields (ends[0..nf): its delimiters;
 * body_end: its line break) as field_store's cases would take it one
 * field after another, with the work only where there is some: each
 * stored field, and a field not loaded only where a decimal mark lies in
 * it (found by memchr from the first such field to the end of the last,
 * not by a look at every field, nor over the stored fields outside, whose
 * numbers hold marks on most lines).  The fields' effects are independent of their order (each
 * field's own column, or its own mark counts), so the table is the same. */
static void fast_row(reader *rd, const unsigned char *s, size_t line_start, const size_t *ends, size_t nf,
                     size_t body_end, unsigned char delim)
{
    const unsigned char *kind = rd->fast_kind;
    for (size_t i = 0; i < rd->n_fast_store && !rd->stop; i++) {
        /* field_store's case of a kept field, for a header already read */
        size_t f = rd->fast_store[i];
        size_t a = f ? ends[f - 1] + 1 : line_start, e = f < nf ? ends[f] : body_end;
        store_kept(rd, f, (const char *)s + a, e - a);
    }
    /* the marks: '.', and ',' when it is not the delimiter (a plain
     * line's fields hold no delimiter), from the first field that may
     * need them to the end of the last */
    size_t from = rd->fast_marks_from, last = rd->fast_marks_to;   /* last <= nf */
    size_t to = last < nf ? ends[last] : body_end;
    for (int m = 0; m < 2 && rd->fast_any_marks && !rd->stop; m++) {
        unsigned char mark = m ? ',' : '.';
        if (mark == delim)
            continue;
        size_t f = from;
        for (size_t p = f ? ends[f - 1] + 1 : line_start; p < to;) {
            const unsigned char *hit = memchr(s + p, mark, to - p);
            if (!hit)
                break;
            size_t at = (size_t)(hit - s);
            /* its field: the first whose end is past it (a binary search) */
            for (size_t lo = f, hi = last; lo < hi;) {
                size_t mid = lo + (hi - lo) / 2;
                if (ends[mid] < at)
                    lo = f = mid + 1;
                else
                    hi = mid;
            }
            size_t a = f ? ends[f - 1] + 1 : line_start, e = f < nf ? ends[f] : body_end;
            /* a field with both marks is looked at once, for the first */
            if (kind[f] == FAST_MARKS && !(rd->unkept_marks[f][0] && rd->unkept_marks[f][1])
                && !(m && memchr(s + a, '.', e - a) && '.' != delim)) {
                rd->field = f;
                field_store(rd, (const char *)s + a, e - a, rd->line);
                if (rd->stop)
                    break;
            }
            p = e + 1;   /* the next field */
        }
    }
    rd->field = nf + 1;
    rd->last_field_empty = body_end == (nf ? ends[nf - 1] + 1 : line_start);
}

/* Read the plain lines at the start of s[0..n) as libcsv would; returns
 * the bytes taken (whole lines), stopping at the first line that is not
 * plain or not whole, or when a callback stops the reading. */
/* The masks of the blocks of s[0..n) from byte at on: as many whole
 * blocks as *want says (doubled each time, to 64: a file of quoted lines,
 * which the fast path gives back at once, costs a block a line), or the
 * last part block, padded with bytes that are no mark. */
static size_t fast_window(effekt_scan_fn scan, const unsigned char *s, size_t n, size_t at, unsigned char delim,
                          effekt_scan_block *win, size_t *want)
{
    size_t full = (n - at) / 64;
    if (!full) {
        unsigned char pad[64];
        memcpy(pad, s + at, n - at);
        memset(pad + (n - at), 'x', 64 - (n - at));
        scan(pad, 1, delim, win);
        return 1;
    }
    size_t k = full < *want ? full : *want;
    scan(s + at, k, delim, win);
    if (*want < 64)
        *want *= 2;
    return k;
}

static size_t fast_lines(reader *rd, const unsigned char *s, size_t n, unsigned char delim)
{
    /* (64 to spare: a block's delimiters are stored before the count is
     * looked at) */
    size_t ends[FAST_MAX_FIELDS + 64];
    size_t line_start = 0;
    if (n == 0)
        return 0;
    effekt_scan_fn scan = effekt_scan_best();
    effekt_scan_block win[64];
    size_t want = 1, win_n = fast_window(scan, s, n, 0, delim, win, &want), w = 0;
    /* the block s[blk..blk+64) and its masks, without the bits of the
     * bytes already read */
    size_t blk = 0;
    uint64_t dm = win[0].delim, xm = win[0].mark, om = win[0].odd, sm = win[0].space;
    while (line_start < n && !rd->stop) {
        size_t nf = 0, body_end = 0, next = 0;
        uint64_t odd = 0, spaces = 0;
        int crlf = 0;
        while (!xm) {
            /* the line goes on past this block: its delimiters, then the next */
            for (; dm; dm &= dm - 1)
                ends[nf++] = blk + (size_t)__builtin_ctzll(dm);
            if (nf > FAST_MAX_FIELDS)
                return line_start;
            odd |= om;
            spaces |= sm;
            blk += 64;
            if (blk >= n)
                return line_start;   /* the chunk cuts the line */
            if (++w == win_n) {
                win_n = fast_window(scan, s, n, blk, delim, win, &want);
                w = 0;
            }
            dm = win[w].delim;
            xm = win[w].mark;
            om = win[w].odd;
            sm = win[w].space;
            if (line_start > blk) {   /* the LF of a CRLF the last block ended in */
                uint64_t keep = ~0ull << (line_start - blk);
                dm &= keep;
                xm &= keep;
                om &= keep;
                sm &= keep;
            }
        }
        unsigned b = (unsigned)__builtin_ctzll(xm);
        uint64_t upto = ((uint64_t)2 << b) - 1;   /* bits 0..b (all when b is 63) */
        for (uint64_t d = dm & upto; d; d &= d - 1)
            ends[nf++] = blk + (size_t)__builtin_ctzll(d);
        if (nf > FAST_MAX_FIELDS)
            return line_start;
        odd |= om & upto;
        spaces |= sm & upto;
        size_t at = blk + b;
        unsigned char c = s[at];
        if (c == '\n') {
            body_end = at;
            next = at + 1;
        } else if (c == '\r' && at + 1 < n && s[at + 1] == '\n') {
            body_end = at;
            next = at + 2;
            crlf = 1;
        } else {
            return line_start;   /* a quote, or a CR alone */
        }
        /* keep the bits of the bytes from next on */
        uint64_t keep = next - blk >= 64 ? 0 : ~0ull << (next - blk);
        dm &= keep;
        xm &= keep;
        om &= keep;
        sm &= keep;
        /* libcsv trims spaces at a field's edges (and a line of spaces is
         * no field): such a line is its */
        for (size_t k = 0, a = line_start; spaces && k <= nf; k++) {
            size_t e = k < nf ? ends[k] : body_end;
            if (e > a && (fast_space(s[a], delim) || fast_space(s[e - 1], delim)))
                return line_start;
            a = e + 1;
        }
        /* the calls libcsv makes: a field for each piece (none for an
         * empty line), then the line break */
        if ((nf || body_end > line_start) && (odd || !rd->header_done)) {
            for (size_t k = 0, a = line_start; k <= nf && !rd->stop; k++) {
                size_t e = k < nf ? ends[k] : body_end;
                on_field((void *)(uintptr_t)(s + a), e - a, rd);
                a = e + 1;
            }
        } else if (nf || body_end > line_start) {
            /* ASCII without NUL or line breaks: on_field's checks would
             * find nothing; a field of a column not loaded is only counted,
             * or looked at for decimal marks (field_store's cases) */
            const unsigned char *kind = rd->fast_kind ? rd->fast_kind : fast_kinds(rd);
            if (!kind)
                return line_start;
            rd->event = 1;
            rd->pending_cr = 0;
            size_t f = rd->field;
            if (f == 0)
                rd->row_line = rd->line;
            if (f == 0 && nf + 1 == rd->n_cols)
                fast_row(rd, s, line_start, ends, nf, body_end, delim);
            else for (size_t k = 0, a = line_start; k <= nf; k++, f++) {
                size_t e = k < nf ? ends[k] : body_end;
                unsigned char how = f < rd->n_cols ? kind[f] : FAST_SKIP;
                if (how == FAST_MARKS && rd->unkept_marks[f][0] && rd->unkept_marks[f][1])
                    how = FAST_SKIP;   /* settled */
                if (how == FAST_SKIP || (how == FAST_MARKS && !has_mark((const char *)s + a, e - a))) {
                    rd->last_field_empty = e == a;
                    rd->field = f + 1;
                } else {
                    rd->field = f;
                    field_store(rd, (const char *)s + a, e - a, rd->line);
                    if (rd->stop)
                        break;
                }
                a = e + 1;
            }
        }
        if (crlf)
            on_row('\r', rd);
        on_row('\n', rd);
        rd->fast_lines_read++;
        line_start = next;
    }
    return line_start;
}

/* csv_parse over chunk[0..n), the plain lines read by the fast path
 * when use_fast (else all by libcsv).  Returns what csv_parse would:
 * the bytes parsed, fewer than n after a parse error (p->status) -- but
 * n once a callback stopped the reading, whatever libcsv then met.
 * When all n are parsed (or stopped), *breaks gets the line breaks in them as
 * count_line_breaks counts them (carrying *after_cr): the fast path's
 * lines end in one LF or CRLF each and hold no other CR or LF, so only
 * libcsv's bytes need counting. */
static size_t parse_chunk(reader *rd, struct csv_parser *p, const char *chunk, size_t n, int use_fast,
                          size_t *breaks, int *after_cr)
{
    const unsigned char *s = (const unsigned char *)chunk;
    unsigned char delim = p->delim_char;
    *breaks = 0;
    if (!use_fast || p->quote_char != '"' || !(delim == ',' || delim == ';' || delim == '\t' || delim == '|')) {
        size_t done = csv_parse(p, chunk, n, on_field, on_row, rd);
        /* stopped, libcsv read on and may have met a parse error nobody
         * reports: the chunk is read all the same, its breaks counted */
        if (done == n || rd->stop)
            *breaks = count_line_breaks(chunk, n, after_cr);
        return rd->stop ? n : done;
    }
    size_t pos = 0;
    while (pos < n && !rd->stop) {
        /* libcsv between rows (state 0, ROW_NOT_BEGUN, nothing buffered) */
        /* (an LF right after a CR the bytes before ended in is that CR's
         * pair, not a line break of its own: libcsv's, as counted) */
        /* (an LF right after a CR the bytes before ended in is that CR's
         * pair, not a line break of its own: libcsv's, as counted) */
        if (p->pstate == 0 && p->entry_pos == 0 && !p->quoted && !(*after_cr && s[pos] == '\n')) {
            size_t rows_before = rd->fast_lines_read;
            size_t took = fast_lines(rd, s + pos, n - pos, delim);
            if (took) {
                /* one break a line; the last ends in LF: no CR carried */
                *breaks += rd->fast_lines_read - rows_before;
                *after_cr = 0;
            }
            pos += took;
            if (pos >= n || rd->stop)
                break;
        }
        /* a line for libcsv, to its LF (a quoted field may go on: the
         * loop gives it the next line, until it is between rows again) */
        const unsigned char *nl = memchr(s + pos, '\n', n - pos);
        size_t seg = nl ? (size_t)(nl - (s + pos)) + 1 : n - pos;
        size_t done = csv_parse(p, chunk + pos, seg, on_field, on_row, rd);
        if (done < seg && !rd->stop)
            return pos + done;
        *breaks += count_line_breaks(chunk + pos, seg, after_cr);
        pos += seg;
    }
    if (rd->stop && pos < n)
        *breaks += count_line_breaks(chunk + pos, n - pos, after_cr);   /* nobody reads it: for form */
    return rd->stop ? n : pos;
}

/* Where in the input (line, field) a parse error happened. */
static void report_parse_error(reader *rd, const char *chunk, size_t done, size_t lines_before,
                               int after_cr, int at_end)
{
    size_t line = lines_before + 1 + (chunk ? count_line_breaks(chunk, done, &after_cr) : 0);
    if (at_end) {
        effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, rd->line, rd->field + 1, NULL, NULL,
                        "unterminated quoted field: the file ends inside quotes opened on or "
                        "after this line (a closing '\"' is missing)");
    } else {
        effekt_diag_add(rd->diag, EFFEKT_ERROR, rd->name, line, rd->field + 1, NULL, NULL,
                        "malformed quoting: a '\"' inside an unquoted field, or text after a "
                        "closing quote (quote the whole field and double inner quotes: \"a \"\"b\"\"\")");
    }
    fail(rd, EFFEKT_EPARSE);
}

typedef struct {
    FILE *in;
    int fd;                    /* with in NULL and fd > 0: pread from offset */
    off_t offset;
    size_t limit;              /* read at most this many bytes (0: to the end) */
    size_t read;
    size_t size;               /* total bytes when known, else 0 */
    const unsigned char *mem;
    size_t mem_len, mem_pos;
    int eof;
    int align;                 /* pread parts: each read stops at a multiple of
                                  CHUNK_SIZE of the file offset, so that every chunk
                                  is a piece of one of one reading's chunks */
    effekt_sha256 *hash;       /* NULL, or hash every byte read... */
    off_t hash_from;           /* ...at this file offset or after (pread parts) */
} source;

/* Hash the n bytes just read at file offset `at` that lie at or after
 * src->hash_from (another part hashed those before). */
static void source_hash(source *src, const unsigned char *buf, size_t n, off_t at)
{
    if (!src->hash || !n)
        return;
    size_t skip = src->hash_from > at ? (size_t)(src->hash_from - at) : 0;
    if (skip < n)
        effekt_sha256_update(src->hash, buf + skip, n - skip);
}

static size_t source_read(source *src, unsigned char *buf, size_t cap, int *err)
{
    if (!src->in && src->fd > 0) {
        /* a part of a file read by position, so two parts can be read at once */
        if (src->limit && cap > src->limit - src->read)
            cap = src->limit - src->read;
        if (src->align) {
            size_t at = (size_t)src->offset + src->read, to_boundary = CHUNK_SIZE - at % CHUNK_SIZE;
            if (cap > to_boundary)
                cap = to_boundary;
        }
        ssize_t n = cap ? pread(src->fd, buf, cap, src->offset + (off_t)src->read) : 0;
        if (n < 0) {
            *err = errno;
            src->eof = 1;
            return 0;
        }
        source_hash(src, buf, (size_t)n, src->offset + (off_t)src->read);
        src->read += (size_t)n;
        if ((size_t)n < cap || (src->limit && src->read == src->limit))
            src->eof = 1;
        return (size_t)n;
    }
    if (src->in) {
        if (src->limit && cap > src->limit - src->read)
            cap = src->limit - src->read;
        size_t n = cap ? fread(buf, 1, cap, src->in) : 0;
        source_hash(src, buf, n, (off_t)src->read);
        src->read += n;
        if (src->limit && src->read == src->limit) {
            src->eof = 1;
            return n;
        }
        if (n < cap) {
            if (ferror(src->in))
                *err = errno ? errno : EIO;
            src->eof = 1;
        }
        return n;
    }
    size_t n = src->mem_len - src->mem_pos;
    if (n > cap)
        n = cap;
    memcpy(buf, src->mem + src->mem_pos, n);
    source_hash(src, buf, n, (off_t)src->mem_pos);
    src->mem_pos += n;
    if (src->mem_pos == src->mem_len)
        src->eof = 1;
    return n;
}

static void reader_free(reader *rd)
{
    for (size_t i = 0; i < rd->n_headings; i++)
        free(rd->headings[i]);
    free(rd->headings);
    if (rd->raw)
        for (size_t i = 0; i < rd->n_cols; i++)
            free(rd->raw[i].data);
    if (rd->scan)
        for (size_t i = 0; i < rd->n_cols; i++)
            effekt_infer_scan_free(&rd->scan[i]);
    free(rd->raw);
    free(rd->scan);
    free(rd->text_only);
    free(rd->unkept_marks);
    free(rd->slot);
    free(rd->conv);
    /* a reader cleared with memset holds NULL: no converter either */
    if (rd->cd != (iconv_t)-1 && rd->cd)
        iconv_close(rd->cd);
    if (rd->chunk_cd != (iconv_t)-1 && rd->chunk_cd)
        iconv_close(rd->chunk_cd);
    rd->cd = rd->chunk_cd = (iconv_t)-1;
    free(rd->mark_row);
    free(rd->mark_line);
    free(rd->fast_kind);
    rd->fast_kind = NULL;
    free(rd->fast_store);
    rd->fast_store = NULL;
    if (rd->coded)
        for (size_t i = 0; i < rd->n_cols; i++) {
            effekt_dict_clear(&rd->coded[i].dict);
            free(rd->coded[i].codes);
        }
    free(rd->coded);
    rd->coded = NULL;
}

static effekt_status check_layout(effekt_table *t, const effekt_csv_options *opt, effekt_diag *diag);

/* Parse everything, then type the kept columns into a table. */
/* Read a source to its end with libcsv.  *delim is the delimiter (0:
 * detect it on the first chunk).  lines_before counts the input's lines
 * before this source (a part of a file).  first_part: the source starts
 * at the file's start, where a byte-order mark may be. */
static void parse_source(reader *rd, source *src, char *delim, size_t lines_before, int first_part)
{
    const effekt_csv_options *opt = rd->opt;
    const char *name = rd->name;
    effekt_diag *diag = rd->diag;
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0) {
        fail(rd, EFFEKT_ENOMEM);
        return;
    }
    /* libcsv grows a field's buffer by a fixed block (128 bytes unless
     * set): a 64 MiB field then costs half a million reallocs, each a copy
     * where realloc cannot grow in place (under AddressSanitizer, always).
     * A block of one read, doubled below as a field grows, makes it a few. */
    csv_set_blk_size(&parser, CHUNK_SIZE);
    csv_set_realloc_func(&parser, effekt_realloc);   /* failure injection reaches it too */
    /* libcsv trims spaces and tabs itself, inline; only a tab-delimited
     * file needs tabs left alone, through a (slower) function per byte */
    if (*delim) {
        csv_set_delim(&parser, (unsigned char)*delim);
        if (*delim == '\t')
            csv_set_space_func(&parser, space_only);
    }
    size_t max_field = opt->max_field_bytes ? opt->max_field_bytes : DEFAULT_MAX_FIELD;

    unsigned char *buf = effekt_malloc(CHUNK_SIZE);
    unsigned char *utf16 = NULL;
    if (!buf) {
        csv_free(&parser);
        fail(rd, EFFEKT_ENOMEM);
        return;
    }
    int first = first_part, err = 0, after_cr = 0;
    int sep_line_here = first_part;   /* Excel's "sep=;" can only open the file */
    size_t since_event = 0;
    unsigned char carry[8];
    size_t n_carry = 0;
    while (!rd->stop) {
        off_t at = src->offset + (off_t)src->read;   /* pread parts: where this chunk starts */
        size_t n = source_read(src, buf + n_carry, CHUNK_SIZE - n_carry, &err);
        if (rd->progress) {
            unsigned long long done = atomic_fetch_add(rd->progress, n) + n;
            if (rd->progress_calls)
                opt->progress.fn(opt->progress.ctx, done, rd->progress_total);
        }
        if (n_carry && n_carry <= sizeof carry)
            memcpy(buf, carry, n_carry);
        n += n_carry;
        n_carry = 0;
        if (err) {
            effekt_diag_add(diag, EFFEKT_ERROR, name, 0, 0, NULL, NULL, "cannot read: %s", strerror(err));
            fail(rd, EFFEKT_EIO);
            break;
        }
        const char *chunk = (const char *)buf;
        if (first) {
            first = 0;
            if (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
                chunk += 3;   /* UTF-8 byte-order mark, as Excel writes */
                n -= 3;
                if (rd->encoding == EFFEKT_ENCODING_AUTO) {
                    rd->encoding = EFFEKT_ENCODING_UTF8;
                    rd->decided = 1;
                    rd->bom = 1;
                }
            } else if (n >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF))
                       && (rd->encoding == EFFEKT_ENCODING_AUTO || rd->encoding == EFFEKT_ENCODING_UTF16LE
                           || rd->encoding == EFFEKT_ENCODING_UTF16BE)) {
                rd->encoding = buf[0] == 0xFF ? EFFEKT_ENCODING_UTF16LE : EFFEKT_ENCODING_UTF16BE;
                rd->decided = 1;
                chunk += 2;
                n -= 2;
            }
        }
        if (rd->encoding == EFFEKT_ENCODING_UTF16LE || rd->encoding == EFFEKT_ENCODING_UTF16BE) {
            if (!utf16 && !(utf16 = effekt_malloc(CHUNK_SIZE / 2 * 3 + 4))) {
                fail(rd, EFFEKT_ENOMEM);
                break;
            }
            size_t used;
            size_t m = effekt_encoding_utf16_to_utf8((const unsigned char *)chunk, n,
                                     rd->encoding == EFFEKT_ENCODING_UTF16LE, utf16, &used);
            if (m == (size_t)-1) {
                /* the line of the surrogate (used: where it is): after the
                 * line breaks of the text before it, not the chunk's first */
                int ac = after_cr;
                size_t before = effekt_encoding_utf16_to_utf8((const unsigned char *)chunk, used,
                                                              rd->encoding == EFFEKT_ENCODING_UTF16LE, utf16,
                                                              &used);
                size_t line = lines_before + 1 + count_line_breaks((const char *)utf16, before, &ac);
                effekt_diag_add(diag, EFFEKT_ERROR, name, line, 0, NULL, NULL,
                                "invalid UTF-16: an unpaired surrogate");
                fail(rd, EFFEKT_EENCODING);
                break;
            }
            n_carry = n - used;   /* an odd byte or half a surrogate pair: at most 3 */
            if (n_carry > sizeof carry) {
                fail(rd, EFFEKT_EENCODING);
                break;
            }
            memcpy(carry, chunk + used, n_carry);
            chunk = (const char *)utf16;
            n = m;
        } else if (rd->chunk_cd != (iconv_t)-1) {
            /* an encoding whose bytes for , ; " and line breaks are not
             * ASCII's: the whole chunk is converted before parsing */
            if (!utf16 && !(utf16 = effekt_malloc(4 * CHUNK_SIZE + 16))) {
                fail(rd, EFFEKT_ENOMEM);
                break;
            }
            char *in = (char *)chunk, *o = (char *)utf16;
            size_t inleft = n, outleft = 4 * CHUNK_SIZE + 16;
            if (iconv(rd->chunk_cd, &in, &inleft, &o, &outleft) == (size_t)-1 && errno != EINVAL) {
                int ac = after_cr;   /* the bad bytes' line: after the text converted before them */
                size_t line = lines_before + 1
                               + count_line_breaks((const char *)utf16, (size_t)(o - (char *)utf16), &ac);
                effekt_diag_add(diag, EFFEKT_ERROR, name, line, 0, NULL, NULL,
                                "bytes that are not text in %s (near byte %zu of this part)",
                                rd->enc_name, (size_t)(in - chunk));
                fail(rd, EFFEKT_EENCODING);
                break;
            }
            n_carry = inleft;   /* a character split by the chunk's end */
            if (n_carry > sizeof carry) {
                fail(rd, EFFEKT_EENCODING);
                break;
            }
            memcpy(carry, in, n_carry);
            chunk = (const char *)utf16;
            n = (size_t)(o - (char *)utf16);
        }
        if (sep_line_here) {
            sep_line_here = 0;
            char sep;
            int broke;
            size_t skip = excel_sep_line(chunk, n, &sep, &broke);
            if (skip) {
                /* the line is read, not parsed: it counts as line 1 */
                if (opt->delimiter && opt->delimiter != sep)
                    effekt_diag_add(diag, EFFEKT_WARNING, name, rd->line, 1, NULL, NULL,
                                    "the file says 'sep=%c' (Excel's delimiter line); the delimiter "
                                    "given, '%c', is used", sep, opt->delimiter);
                else
                    effekt_diag_add(diag, EFFEKT_NOTE, name, rd->line, 1, NULL, NULL,
                                    "'sep=%c' (Excel's delimiter line) sets the delimiter; the header "
                                    "is on the next line", sep);
                *delim = opt->delimiter ? opt->delimiter : sep;
                csv_set_delim(&parser, (unsigned char)*delim);
                if (*delim == '\t')
                    csv_set_space_func(&parser, space_only);
                chunk += skip;
                n -= skip;
                rd->line += (size_t)broke;
                lines_before += (size_t)broke;
            }
            if (chunk >= (const char *)buf && chunk < (const char *)buf + CHUNK_SIZE)   /* not converted */
                rd->head_skip = (size_t)(chunk - (const char *)buf);
        }
        if (!*delim) {
            char tie_a, tie_b;
            size_t tie_fields = 0;
            *delim = opt->delimiter ? opt->delimiter
                                    : detect_delimiter(chunk, n, src->eof, &tie_a, &tie_b, &tie_fields);
            if (!*delim) {
                effekt_diag_add(diag, EFFEKT_ERROR, name, rd->line, 0, NULL, NULL,
                                "cannot tell the delimiter: %s and %s both split the lines into %zu "
                                "fields as consistently (--delimiter names it)",
                                delimiter_name(tie_a), delimiter_name(tie_b), tie_fields);
                fail(rd, EFFEKT_EPARSE);
                break;
            }
            csv_set_delim(&parser, (unsigned char)*delim);
            if (*delim == '\t')
                csv_set_space_func(&parser, space_only);
        }
        if (!rd->rows_hint && n) {
            size_t lines = 0;
            for (const char *p = chunk, *end = chunk + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
                lines++;
            rd->rows_hint = lines ? (size_t)((double)rd->size_hint * (double)lines / (double)n) : 1;
            if (rd->header_done && size_buffers(rd) != 0)   /* a later part of a file */
                break;
        }
        if (n) {
            rd->event = 0;
            rd->sample = (const unsigned char *)chunk;
            rd->sample_len = n;
            rd->chunk_at = at;
            size_t breaks = 0;
            int after_cr_before = after_cr;
            size_t done = parse_chunk(rd, &parser, chunk, n, !rd->libcsv_only, &breaks, &after_cr);
            if (parser.entry_size > parser.blk_size)
                csv_set_blk_size(&parser, parser.entry_size);
            if (done < n && !rd->stop) {
                report_parse_error(rd, chunk, done, lines_before, after_cr_before, 0);
                break;
            }
            since_event = rd->event ? 0 : since_event + n;
            if (since_event > max_field) {
                effekt_diag_add(diag, EFFEKT_ERROR, name, rd->line, rd->field + 1, NULL, NULL,
                                "a field longer than %zu bytes (the limit; is a closing quote missing?)",
                                max_field);
                fail(rd, EFFEKT_ELIMIT);
                break;
            }
            lines_before += breaks;
        }
        if (src->eof) {
            /* no more bytes will come to complete a carried character.
             * Its line follows every line break of the text before it,
             * as counted in lines_before (after a stop too): not rd->line,
             * which counts the rows the callbacks saw, and which the fast
             * path and libcsv leave at different lines once a field
             * stopped the reading (the fuzzer found it) */
            size_t end_line = lines_before + 1;
            if (n_carry && rd->chunk_cd != (iconv_t)-1) {
                effekt_diag_add(diag, EFFEKT_ERROR, name, end_line, 0, NULL, NULL,
                                "the file ends inside a character of %s", rd->enc_name);
                fail(rd, EFFEKT_EENCODING);
            } else if (n_carry) {
                effekt_diag_add(diag, EFFEKT_ERROR, name, end_line, 0, NULL, NULL,
                                "invalid UTF-16: the file ends inside a character (%s)",
                                n_carry == 1 ? "an odd number of bytes" : "half a surrogate pair");
                fail(rd, EFFEKT_EENCODING);
            }
            break;
        }
    }
    if (!rd->stop && csv_fini(&parser, on_field, on_row, rd) != 0)
        report_parse_error(rd, NULL, 0, lines_before, after_cr, 1);
    rd->lines_read = lines_before;
    csv_free(&parser);
    free(buf);
    free(utf16);
}

static void reader_init(reader *rd, const effekt_csv_options *opt, const char *name, effekt_diag *diag,
                        size_t size_hint)
{
    *rd = (reader){ .opt = opt, .name = name, .diag = diag, .line = 1, .size_hint = size_hint,
                    .encoding = opt->encoding, .decided = opt->encoding != EFFEKT_ENCODING_AUTO,
                    .cd = (iconv_t)-1, .chunk_cd = (iconv_t)-1, .file_fd = -1 };
    if (opt->encoding == EFFEKT_ENCODING_OTHER) {
        snprintf(rd->enc_name, sizeof rd->enc_name, "%s", opt->encoding_name ? opt->encoding_name : "");
        /* UTF-32, EBCDIC, ...: converted as read, before the fields are split */
        if (!effekt_encoding_ascii_compatible(rd->enc_name))
            rd->chunk_cd = iconv_open("UTF-8", rd->enc_name);
    }
}

static effekt_status finish_load(reader *rd_in, char delim, effekt_sha256 *hash, effekt_table **out,
                                 effekt_diag *diag);

static void progress_init(reader *rd, atomic_ullong *counter, size_t total, int calls)
{
    if (!rd->opt->progress.fn)
        return;
    rd->progress = counter;
    rd->progress_total = total;
    rd->progress_calls = calls;
}

static const effekt_csv_options default_options;

static effekt_status load_with(source *src, const char *name, const effekt_csv_options *opt_in,
                               effekt_table **out, effekt_diag *diag, int libcsv_only)
{
    const effekt_csv_options *opt = opt_in ? opt_in : &default_options;
    *out = NULL;
    reader rd;
    reader_init(&rd, opt, name, diag, src->size);
    rd.libcsv_only = libcsv_only;
    atomic_ullong progress = 0;
    progress_init(&rd, &progress, src->size, 1);
    char delim = 0;
    effekt_sha256 hash;
    if (opt->sha256) {
        effekt_sha256_init(&hash);
        src->hash = &hash;
        src->hash_from = 0;
    }
    parse_source(&rd, src, &delim, 0, 1);
    return finish_load(&rd, delim, opt->sha256 ? &hash : NULL, out, diag);
}

static effekt_status load(source *src, const char *name, const effekt_csv_options *opt_in,
                          effekt_table **out, effekt_diag *diag)
{
    return load_with(src, name, opt_in, out, diag, 0);
}

/* The table from a reader that has read everything; hash (NULL: none
 * asked for) has seen every byte of the input. */
/* A coded column into the table's column: a text column (empty when
 * every value is missing, as effekt_infer_column_finish types it) that
 * takes over the codes and the dictionary's texts. */
static effekt_status coded_finish(coded_column *cc, size_t n_rows, effekt_column *col)
{
    col->n_missing = cc->missing;
    col->values = NULL;
    if (cc->missing == n_rows) {
        col->type = EFFEKT_TYPE_EMPTY;
        return EFFEKT_OK;
    }
    char **dict = effekt_malloc(cc->dict.n * sizeof *dict);
    if (!dict)
        return EFFEKT_ENOMEM;
    for (size_t c = 0; c < cc->dict.n; c++)
        dict[c] = cc->dict.bytes + cc->dict.start[c];
    col->type = EFFEKT_TYPE_TEXT;
    col->dict = dict;
    col->n_dict = cc->dict.n;
    col->arena = cc->dict.bytes;
    cc->dict.bytes = NULL;
    col->codes = cc->codes;
    col->code_bytes = cc->width;
    cc->codes = NULL;
    return EFFEKT_OK;
}

static effekt_status finish_load(reader *rd_in, char delim, effekt_sha256 *hash, effekt_table **out,
                                 effekt_diag *diag)
{
    reader rd = *rd_in;
    const effekt_csv_options *opt = rd.opt;
    const char *name = rd.name;
    *out = NULL;
    effekt_status status = rd.status;
    if (!rd.stop && !rd.header_done) {
        if (rd.n_headings == 0) {
            effekt_diag_add(diag, EFFEKT_ERROR, name, 0, 0, NULL, NULL,
                            "the file is empty (expected a header line naming the columns)");
            reader_free(&rd);
            return EFFEKT_ESCHEMA;
        }
    }
    if (rd.stop) {   /* a fatal problem: nothing usable was read */
        reader_free(&rd);
        return status ? status : EFFEKT_EPARSE;
    }

    effekt_table *t = effekt_calloc(1, sizeof *t);
    if (!t || !(t->source = effekt_strdup(name))) {
        free(t);
        reader_free(&rd);
        return EFFEKT_ENOMEM;
    }
    t->n_rows = rd.n_rows;
    t->delimiter = delim;
    if (hash)
        effekt_sha256_hex(hash, t->sha256);
    t->encoding = effekt_csv_encoding_name(rd.encoding == EFFEKT_ENCODING_AUTO ? EFFEKT_ENCODING_UTF8
                                                                            : rd.encoding);
    if (rd.encoding == EFFEKT_ENCODING_OTHER) {
        snprintf(t->encoding_name, sizeof t->encoding_name, "%s", rd.enc_name);
        t->encoding = t->encoding_name;
    }
    t->header_line = rd.header_line;
    t->n_line_marks = rd.n_marks;
    t->line_mark_row = rd.mark_row;
    t->line_mark_line = rd.mark_line;
    rd.mark_row = rd.mark_line = NULL;
    t->columns = effekt_calloc(rd.n_kept ? rd.n_kept : 1, sizeof *t->columns);
    if (!t->columns) {
        effekt_table_destroy(t);
        reader_free(&rd);
        return EFFEKT_ENOMEM;
    }
    t->n_columns = rd.n_kept;

    /* name and map the kept columns */
    for (size_t i = 0; i < rd.n_cols; i++) {
        if (rd.slot[i] < 0)
            continue;
        effekt_column *col = &t->columns[rd.slot[i]];
        col->index = i + 1;
        col->decimals = -1;
        if (*rd.headings[i]) {
            col->heading = rd.headings[i];
            rd.headings[i] = NULL;
        } else {
            char buf2[32];
            snprintf(buf2, sizeof buf2, "column %zu", i + 1);
            col->heading = effekt_strdup(buf2);
            effekt_diag_add(diag, EFFEKT_WARNING, name, rd.header_line, i + 1, NULL, NULL,
                            "column %zu has no heading; called '%s'", i + 1, buf2);
        }
        if (!col->heading) {
            effekt_table_destroy(t);
            reader_free(&rd);
            return EFFEKT_ENOMEM;
        }
        const effekt_canonical *canon = mapped_canonical(opt, col->heading);
        if (canon) {
            for (size_t j = 0; j < (size_t)rd.slot[i]; j++)
                if (t->columns[j].canonical == canon->name) {
                    effekt_diag_add(diag, EFFEKT_ERROR, name, rd.header_line, i + 1, col->heading, NULL,
                                    "columns '%s' (%zu) and '%s' (%zu) both map to '%s' "
                                    "(use --map %s=HEADING to choose)",
                                    t->columns[j].heading, t->columns[j].index, col->heading, i + 1,
                                    canon->name, canon->name);
                    if (status == EFFEKT_OK)
                        status = EFFEKT_ESCHEMA;
                    canon = NULL;
                    break;
                }
        }
        col->canonical = canon ? canon->name : NULL;
    }

    /* type the columns: first look, then the file's decimal mark, then finish */
    infer_context ctx = { .table = t, .opt = opt, .diag = diag };
    column_scan *scans = effekt_calloc(rd.n_kept ? rd.n_kept : 1, sizeof *scans);
    raw_column *raws = effekt_calloc(rd.n_kept ? rd.n_kept : 1, sizeof *raws);
    if (!scans || !raws) {
        free(scans);
        free(raws);
        effekt_table_destroy(t);
        reader_free(&rd);
        return EFFEKT_ENOMEM;
    }
    for (size_t i = 0; i < rd.n_cols; i++)
        if (rd.slot[i] >= 0) {
            raws[rd.slot[i]] = rd.raw[i];
            memset(&rd.raw[i], 0, sizeof rd.raw[i]);
            scans[rd.slot[i]] = rd.scan[i];
            memset(&rd.scan[i], 0, sizeof rd.scan[i]);
        }
    effekt_status st = EFFEKT_OK;
    size_t file_point = 0, file_comma = 0;
    const char *first_point = NULL, *first_comma = NULL;
    for (size_t i = 0; i < rd.n_cols && st == EFFEKT_OK; i++) {
        char m = 0;
        const char *heading = rd.headings[i];
        if (rd.slot[i] >= 0) {
            size_t c = (size_t)rd.slot[i];
            if (!raws[c].data && append(&raws[c], "", 0) != 0)   /* no rows: an empty buffer */
                st = EFFEKT_ENOMEM;
            m = effekt_infer_scan_mark(&scans[c]);
            heading = t->columns[c].heading;
        } else if (rd.unkept_marks) {
            /* a column not asked for still says how the file writes numbers */
            size_t point = rd.unkept_marks[i][0], comma = rd.unkept_marks[i][1];
            m = point && !comma ? '.' : comma && !point ? ',' : 0;
        }
        file_point += m == '.';
        file_comma += m == ',';
        if (m == '.' && !first_point)
            first_point = heading;
        if (m == ',' && !first_comma)
            first_comma = heading;
    }
    char file_mark = file_point && !file_comma ? '.' : file_comma && !file_point ? ',' : 0;
    ctx.file_mark_column = file_mark == '.' ? first_point : file_mark == ',' ? first_comma : NULL;
    size_t n_errors = 0;
    unsigned char *coded = effekt_calloc(t->n_columns ? t->n_columns : 1, 1);
    if (!coded)
        st = EFFEKT_ENOMEM;
    for (size_t i = 0; i < rd.n_cols && rd.coded && st == EFFEKT_OK; i++)
        if (rd.coded[i].on && rd.slot[i] >= 0) {
            coded[rd.slot[i]] = 1;
            st = coded_finish(&rd.coded[i], t->n_rows, &t->columns[rd.slot[i]]);
        }
    for (size_t c = 0; c < t->n_columns && st == EFFEKT_OK; c++) {
        if (coded[c])
            continue;
        const effekt_canonical *canon = t->columns[c].canonical ? effekt_canonical_find(t->columns[c].canonical) : NULL;
        st = effekt_infer_column_finish(&ctx, &raws[c], &scans[c], t->n_rows, file_mark, canon, &t->columns[c],
                           &n_errors);
    }
    if (st == EFFEKT_OK)
        st = effekt_table_fill_currency(t, diag);
    if (st == EFFEKT_OK)
        st = effekt_table_derive_eu(t, diag);
    for (size_t c = 0; c < rd.n_kept; c++) {
        free(raws[c].data);
        effekt_infer_scan_free(&scans[c]);
    }
    free(raws);
    free(scans);
    free(coded);
    reader_free(&rd);
    if (st != EFFEKT_OK) {
        effekt_table_destroy(t);
        return st;
    }
    if (n_errors && status == EFFEKT_OK)
        status = EFFEKT_EVALUE;
    if (opt->sum_by && status == EFFEKT_OK) {
        effekt_table *summed;
        effekt_status sst = effekt_table_sum_by(t, opt->sum_by, &summed, diag);
        if (sst != EFFEKT_OK) {
            effekt_table_destroy(t);
            return sst;
        }
        effekt_table_destroy(t);
        t = summed;
    }
    effekt_status layout = check_layout(t, opt, diag);
    if (layout == EFFEKT_ENOMEM) {   /* the layout is unchecked: no table */
        effekt_table_destroy(t);
        return layout;
    }
    if (layout != EFFEKT_OK && status == EFFEKT_OK)
        status = layout;
    *out = t;
    return status;
}

/* Rows by their id (ctx: the id column's texts); the sort is stable, so
 * rows of one id stay in row order. */
static int by_id(size_t x, size_t y, const void *ctx)
{
    const effekt_column *id = ctx;
    return strcmp(effekt_column_string(id, x), effekt_column_string(id, y));
}

/* What kind of file this is decides what it needs: a project-level file
 * needs an id (or at least names) and unique ids. */
static effekt_status check_layout(effekt_table *t, const effekt_csv_options *opt, effekt_diag *diag)
{
    if (opt->n_columns)
        return EFFEKT_OK;   /* a selection of columns: the command checks what it needs */
    int project = 0, participant = 0;
    for (size_t c = 0; c < t->n_columns; c++) {
        const effekt_canonical *canon = t->columns[c].canonical ? effekt_canonical_find(t->columns[c].canonical) : NULL;
        if (canon && canon->level == EFFEKT_LEVEL_PROJECT && strcmp(canon->name, "name") != 0)
            project = 1;
        if (canon && canon->level == EFFEKT_LEVEL_PARTICIPANT)
            participant = 1;
    }
    if (participant || !project)
        return EFFEKT_OK;
    const effekt_column *id = effekt_table_column(t, "project_id");
    if (!id) {
        const effekt_column *label = effekt_table_label_column(t);
        if (label && label->canonical && strcmp(label->canonical, "name") == 0)
            return EFFEKT_OK;   /* rows are then named by row number and name */
        if (label) {
            /* a list of beneficiaries with no project name (the seeds' Go
             * Vest headings): its rows are still told apart, by number and
             * by that label; refusing it left a readable list unread */
            effekt_diag_add(diag, EFFEKT_NOTE, t->source, t->header_line, label->index, label->heading, NULL,
                            "no project_id and no name column: projects are named by row number and "
                            "column '%s' (--map project_id=HEADING or --map name=HEADING names others)",
                            label->heading);
            return EFFEKT_OK;
        }
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, t->header_line, 0, NULL, NULL,
                        "missing required column 'project_id' (a project-level file needs an id "
                        "or a 'name' column; --map project_id=HEADING names it)");
        return EFFEKT_ESCHEMA;
    }
    effekt_status status = EFFEKT_OK;
    if (id->type != EFFEKT_TYPE_TEXT)
        return EFFEKT_OK;
    /* duplicates by sorting the rows by id (then row): n log n, not n^2 */
    size_t n = t->n_rows, *order = effekt_malloc((n ? n : 1) * sizeof *order);
    size_t *first = effekt_malloc((n ? n : 1) * sizeof *first);
    if (!order || !first) {
        free(order);
        free(first);
        return EFFEKT_ENOMEM;
    }
    size_t k = 0;
    for (size_t r = 0; r < n; r++) {
        if (!effekt_column_string(id, r)) {
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, effekt_table_row_line(t, r), id->index,
                            id->heading, NULL, "missing project_id (every project needs one)");
            status = EFFEKT_ESCHEMA;
            continue;
        }
        order[k++] = r;
    }
    if (effekt_sort_index(order, k, by_id, id) != 0) {
        free(order);
        free(first);
        return EFFEKT_ENOMEM;
    }
    for (size_t r = 0; r < n; r++)
        first[r] = r;
    for (size_t i = 1; i < k; i++)
        if (by_id(order[i], order[i - 1], id) == 0)
            first[order[i]] = first[order[i - 1]];
    for (size_t r = 0; r < n; r++)   /* reported in row order */
        if (first[r] != r) {
            effekt_diag_add(diag, EFFEKT_ERROR, t->source, effekt_table_row_line(t, r), id->index,
                            id->heading, effekt_column_string(id, r), "duplicate project_id '%s' (first at line %zu)",
                            effekt_column_string(id, r), effekt_table_row_line(t, first[r]));
            status = EFFEKT_ESCHEMA;
        }
    if (status == EFFEKT_ESCHEMA && k == n) {
        /* a list of partners repeats its project's id on each row: say
         * once, after the lines, what reads it (a hint: the CLI names its
         * option) */
        effekt_diag_add(diag, EFFEKT_ERROR, t->source, t->header_line, id->index, id->heading, NULL,
                        "project_id is not unique: if the file has one row per partner, its rows can be "
                        "summed into projects by project_id");
        effekt_diag_hint(diag, EFFEKT_HINT_SUM_BY);
    }
    free(order);
    free(first);
    return status;
}


/* ---- all cores for large files ------------------------------------- */

#define PARALLEL_MIN_BYTES (8u << 20)

/* Where a part of a file starts: just after the first LF at or after
 * `from`, or 0 when there is none.  Nothing before it is read: the part
 * before is parsed while this one is, not first scanned for its quotes
 * and lines (80 ms of a 0.6 s run over 361 MB, on one core).  An LF
 * inside a quoted field is caught by the part before's own reading,
 * which then ends inside quotes (an unterminated quoted field: a
 * problem), and any problem reads the file in one go instead.  Each part
 * after the first numbers its lines from 1; they are shifted by the line
 * breaks of the parts before when the parts meet. */
static size_t find_split(FILE *in, size_t size, size_t from)
{
    size_t mid = from, pos = mid;
    char *buf = effekt_malloc(CHUNK_SIZE);
    if (!buf || fseek(in, (long)mid, SEEK_SET) != 0) {
        free(buf);
        return 0;
    }
    size_t split = 0;
    while (!split) {
        size_t n = fread(buf, 1, CHUNK_SIZE, in);
        if (n == 0)
            break;
        const char *nl = memchr(buf, '\n', n);
        if (nl)
            split = pos + (size_t)(nl - buf) + 1;
        pos += n;
    }
    free(buf);
    return split < size ? split : 0;
}

/* Rows a region of the file holds, estimated from the lines of its first
 * 256 KiB (at least 1024 more, and a sixteenth): the size of the regions
 * parts' columns are built in.  A part that outgrows its region moves
 * to a block of its own. */
static size_t rows_estimate(int fd, off_t from, size_t bytes)
{
    char *buf = effekt_malloc(CHUNK_SIZE);
    ssize_t n = buf ? pread(fd, buf, bytes < CHUNK_SIZE ? bytes : CHUNK_SIZE, from) : -1;
    size_t lines = 0;
    for (const char *p = buf, *e = buf + (n > 0 ? n : 0); n > 0 && (p = memchr(p, '\n', (size_t)(e - p))); p++)
        lines++;
    free(buf);
    double per_byte = n > 0 && lines ? (double)lines / (double)n : 1.0 / 64;
    double rows = (double)bytes * per_byte;
    return (size_t)(rows * 1.0625) + 1024;
}

static int grow_copy(void **dst, size_t have, const void *src, size_t add, size_t elem)
{
    void *d = effekt_big_realloc(*dst, (have + add) * elem + 1);
    if (!d)
        return -1;
    if (add)
        memcpy((char *)d + have * elem, src, add * elem);
    *dst = d;
    return 0;
}

/* Append part b's rows to part a.  When both parts wrote into their
 * regions of one block (the usual case), b's rows move down next to a's
 * inside that block; otherwise they are copied. */
static int merge_parts(reader *a, reader *b)
{
    size_t rows_a = a->n_rows;
    for (size_t i = 0; i < a->n_cols && a->unkept_marks && b->unkept_marks; i++) {
        a->unkept_marks[i][0] += b->unkept_marks[i][0];
        a->unkept_marks[i][1] += b->unkept_marks[i][1];
    }
    for (size_t i = 0; i < a->n_cols && a->coded; i++) {
        coded_column *x = &a->coded[i], *y = &b->coded[i];
        if (!x->on)
            continue;
        /* b's codes in a's dictionary: b's texts are interned in a's in
         * b's order of first appearance, which is the order one reading
         * would have met them after a's */
        uint32_t *map = effekt_malloc((y->dict.n ? y->dict.n : 1) * sizeof *map);
        if (!map)
            return -1;
        for (size_t c = 0; c < y->dict.n; c++)
            if (effekt_dict_intern(&x->dict, effekt_dict_text(&y->dict, (uint32_t)c),
                                   strlen(effekt_dict_text(&y->dict, (uint32_t)c)), &map[c]) != 0) {
                free(map);
                return -1;
            }
        unsigned w = code_width_for(x->dict.n);
        if (w < x->width)
            w = x->width;
        if (w > x->width && code_widen(x, w, x->n + y->n) != 0) {
            free(map);
            return -1;
        }
        if (x->n + y->n > x->cap) {
            void *codes = effekt_realloc(x->codes, (x->n + y->n) * w);
            if (!codes) {
                free(map);
                return -1;
            }
            x->codes = codes;
            x->cap = x->n + y->n;
        }
        uint32_t y_none = code_none(y->width), none = code_none(w);
        if (w == 1 && y->width == 1) {
            /* (the usual ids: a table of 256 bytes, a row a load and a
             * store, not two switches on the widths; 10 ms of 10M rows) */
            uint8_t to[256];
            for (unsigned c = 0; c < 256; c++)
                to[c] = (uint8_t)(c == y_none ? none : c < y->dict.n ? map[c] : 0);   /* (others never occur) */
            const uint8_t *from = y->codes;
            uint8_t *into = (uint8_t *)x->codes + x->n;
            for (size_t r = 0; r < y->n; r++)
                into[r] = to[from[r]];
        } else {
            for (size_t r = 0; r < y->n; r++) {
                uint32_t c = code_get(y->codes, y->width, r);
                code_put(x->codes, w, x->n + r, c == y_none ? none : map[c]);
            }
        }
        free(map);
        x->n += y->n;
        x->missing += y->missing;
    }
    for (size_t i = 0; i < a->n_cols; i++) {
        if (a->slot[i] < 0 || (a->coded && a->coded[i].on))
            continue;
        column_scan *x = &a->scan[i], *y = &b->scan[i];
        size_t n = x->n;
        /* two runs of one shape stay one run, whose kinds and format are
         * neither written nor moved; else both are written out */
        int one_run = !x->materialised && !y->materialised
                      && (!n || !y->n || (x->lazy_kind == y->lazy_kind && x->lazy_format == y->lazy_format));
        if (!one_run) {
            effekt_infer_scan_materialise(x);
            effekt_infer_scan_materialise(y);
        }
        if (x->borrowed && y->borrowed) {
            if (y->values != x->values + n) {   /* a had fewer rows than lines */
                memmove(x->values + n, y->values, y->n * sizeof *x->values);
                if (!one_run) {
                    memmove(x->kinds + n, y->kinds, y->n);
                    memmove(x->format + n, y->format, y->n);
                }
            }
            x->cap = (size_t)(y->values - x->values) + y->cap;
        } else {
            if (grow_copy((void **)&x->values, n, y->values, y->n, sizeof *x->values) != 0)
                return -1;
            if (one_run) {
                /* room for the run, its bytes unwritten: nothing to copy */
                uint8_t *k = effekt_big_alloc(n + y->n + 1), *f = effekt_big_alloc(n + y->n + 1);
                if (!k || !f) {
                    free(k);
                    free(f);
                    return -1;
                }
                if (!x->borrowed) {
                    free(x->kinds);
                    free(x->format);
                }
                x->kinds = k;
                x->format = f;
            } else if (grow_copy((void **)&x->kinds, n, y->kinds, y->n, 1) != 0
                       || grow_copy((void **)&x->format, n, y->format, y->n, 1) != 0) {
                return -1;
            }
            x->cap = n + y->n;
        }
        if (one_run) {
            if (!n) {
                x->lazy_kind = y->lazy_kind;
                x->lazy_format = y->lazy_format;
            }
            x->n_lazy = n + y->n;
        }
        x->borrowed = 0;
        x->n = n + y->n;
        for (size_t k = 0; k <= VALUE_TEXT; k++) {
            if (!x->count[k] && y->count[k])
                x->first_row[k] = n + y->first_row[k];
            x->count[k] += y->count[k];
        }
        x->percent += y->percent;
        x->grouped += y->grouped;
        x->fraction += y->fraction;
        x->nonwhole += y->nonwhole;
        x->negative += y->negative;
        x->unreadable += y->unreadable;
        x->clean += y->clean;
        date_evidence *xd = &x->date;
        const date_evidence *yd = &y->date;
        if (!xd->dmy && yd->dmy) xd->first_dmy = n + yd->first_dmy;
        if (!xd->mdy && yd->mdy) xd->first_mdy = n + yd->first_mdy;
        if (!xd->ambiguous && yd->ambiguous) xd->first_ambiguous = n + yd->first_ambiguous;
        xd->dmy += yd->dmy;
        xd->mdy += yd->mdy;
        xd->ambiguous += yd->ambiguous;
        xd->timed += yd->timed;
        xd->month_only += yd->month_only;
        xd->two_digit += yd->two_digit;
        xd->year_last += yd->year_last;
        if (y->max_decimals > x->max_decimals)
            x->max_decimals = y->max_decimals;
        /* currencies: a's first, then the first other of a, else of b */
        if (!x->currency) {
            x->currency = y->currency;
            x->currency_other = y->currency_other;
            x->currency_other_row = n + y->currency_other_row;
        } else if (!x->currency_other) {
            int other = y->currency && strcmp(effekt_number_currency_code(y->currency),
                                               effekt_number_currency_code(x->currency)) != 0
                            ? y->currency : y->currency_other;
            if (other) {
                /* the row of b's first value in that currency: b's first currency row is
                 * not kept, so find it from b's other row when it is the one */
                x->currency_other = other;
                x->currency_other_row = n + (other == y->currency_other ? y->currency_other_row : y->currency_row);
            }
        }
        raw_column *r = &a->raw[i], *q = &b->raw[i];
        if (q->len && grow_copy((void **)&r->data, r->len, q->data, q->len, 1) != 0)
            return -1;
        r->len += q->len;
        if (r->data)
            r->cap = r->len + 1;
    }
    /* line numbers: b's first row, then b's own marks */
    size_t b_first = b->n_marks && b->mark_row[0] == 0 ? b->mark_line[0] : b->header_line + 1;
    if (b->n_rows && expected_line(a, rows_a) != b_first && add_line_mark(a, rows_a, b_first) != 0)
        return -1;
    for (size_t m = 0; m < b->n_marks; m++)
        if (b->mark_row[m] != 0 && add_line_mark(a, rows_a + b->mark_row[m], b->mark_line[m]) != 0)
            return -1;
    a->n_rows += b->n_rows;
    a->n_ragged += b->n_ragged;
    if (a->status == EFFEKT_OK)
        a->status = b->status;
    return 0;
}

/* from's problems after to's; a line (not 0: none) moved by shift. */
static void move_problems(effekt_diag *to, const effekt_diag *from, int drop_encoding_note, size_t shift)
{
    for (size_t i = 0; i < from->n; i++) {
        const effekt_diag_problem *p = &from->items[i];
        if (drop_encoding_note && p->severity == EFFEKT_NOTE && p->message
            && strstr(p->message, "not valid UTF-8 (byte"))
            continue;
        effekt_diag_add(to, p->severity, p->file, p->line ? p->line + shift : 0, p->column, p->column_name, p->value,
                        "%s", p->message ? p->message : "");
    }
}

/* Offset just after the n-th line break (with the LF of a CRLF). */
static size_t offset_after_lines(int fd, size_t lines)
{
    char buf[65536];
    size_t pos = 0, seen = 0;
    char prev = 0;
    if (!lines)
        return 0;
    for (;;) {
        ssize_t n = pread(fd, buf, sizeof buf, (off_t)pos);
        if (n <= 0)
            return 0;
        for (ssize_t i = 0; i < n; prev = buf[i++]) {
            /* counted as count_line_breaks counts: CR, or LF not after CR */
            if (!(buf[i] == '\r' || (buf[i] == '\n' && prev != '\r')) || ++seen < lines)
                continue;
            size_t after = pos + (size_t)i + 1;
            char next = 0;   /* a CR's LF belongs to it */
            return after + (buf[i] == '\r' && pread(fd, &next, 1, (off_t)after) == 1 && next == '\n');
        }
        pos += (size_t)n;
    }
}

/* A reader for a part of the file after the header, which p has read. */
static int init_part(reader *r, const reader *p, effekt_diag *diag, size_t first_line, size_t bytes)
{
    reader_init(r, p->opt, p->name, diag, bytes);
    r->header_done = 1;
    r->n_cols = p->n_cols;
    r->n_kept = p->n_kept;
    r->header_line = first_line - 1;
    r->line = first_line;
    r->encoding = p->encoding;
    r->decided = p->decided;
    r->detected = p->detected;
    r->bom = p->bom;
    r->decided_line = p->decided_line;
    memcpy(r->enc_name, p->enc_name, sizeof r->enc_name);
    r->missing = p->missing;
    size_t n = p->n_cols ? p->n_cols : 1;
    r->slot = effekt_malloc(n * sizeof *r->slot);
    r->text_only = effekt_malloc(n);
    r->raw = effekt_calloc(n, sizeof *r->raw);
    r->scan = effekt_calloc(n, sizeof *r->scan);
    if (!r->slot || !r->text_only || !r->raw || !r->scan)
        return -1;
    memcpy(r->slot, p->slot, p->n_cols * sizeof *r->slot);
    memcpy(r->text_only, p->text_only, p->n_cols);
    if (p->coded) {
        if (!(r->coded = effekt_calloc(n, sizeof *r->coded)))
            return -1;
        for (size_t i = 0; i < p->n_cols; i++) {
            r->coded[i].on = p->coded[i].on;
            r->coded[i].width = 1;
        }
    }
    if (p->unkept_marks && !(r->unkept_marks = effekt_calloc(n, sizeof *r->unkept_marks)))
        return -1;
    return 0;
}

/* Hash bytes [from, to) of a file by position.  The parts after the
 * first of a file read in parts are parsed on other threads while the
 * first is hashed in order, so their bytes alone are read twice (a
 * regular file, from the page cache; a pipe is never read in parts).
 * 0 or -1. */
static int hash_range(int fd, off_t from, off_t to, effekt_sha256 *hash)
{
    unsigned char buf[65536];
    while (from < to) {
        size_t want = (size_t)(to - from) < sizeof buf ? (size_t)(to - from) : sizeof buf;
        ssize_t n = pread(fd, buf, want, from);
        if (n <= 0)
            return -1;
        effekt_sha256_update(hash, buf, (size_t)n);
        from += n;
    }
    return 0;
}

/* The parts a file is read in: opt->parallel_parts, else one per online
 * processor, none smaller than 1 MiB; at most MAX_PARTS, at least 2. */
enum { MAX_PARTS = 64 };

static unsigned parts_for(const effekt_csv_options *opt, size_t size)
{
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    size_t n = opt->parallel_parts;
    if (!n) {
        n = online > 1 ? (size_t)online : 1;
        if (n > size / (1u << 20))
            n = size / (1u << 20);
    }
    if (n > MAX_PARTS)
        n = MAX_PARTS;
    return n < 2 ? 2 : (unsigned)n;
}

/* One part's reading on a thread: parts are taken in order from *next
 * until none is left (a part that reads slowly does not hold the others). */
typedef struct {
    reader *parts;
    source *src;
    char delim;
    unsigned n;
    atomic_uint *next;
} part_pool;

static void *run_parts(void *arg)
{
    part_pool *pool = arg;
    for (;;) {
        unsigned k = atomic_fetch_add(pool->next, 1);
        if (k >= pool->n)
            return NULL;
        char delim = pool->delim;
        parse_source(&pool->parts[k], &pool->src[k], &delim, 0, 0);   /* its lines from 1 */
    }
}

/* Read a large regular file in parts at once, one thread per processor
 * (parts_for).  Returns EFFEKT_EINVAL (with nothing reported) when the
 * file is not suited, so the caller reads it in one go; any problem in a
 * part also sends it there, so the messages are exactly those of one
 * reading. */
static effekt_status load_parallel(FILE *in, const char *name, size_t size, const effekt_csv_options *opt,
                                   effekt_table **out, effekt_diag *diag)
{
    unsigned char head[4] = { 0 };
    if (fread(head, 1, 2, in) != 2 || (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)
        || opt->encoding == EFFEKT_ENCODING_UTF16LE || opt->encoding == EFFEKT_ENCODING_UTF16BE
        || (opt->encoding == EFFEKT_ENCODING_OTHER
            && (!opt->encoding_name || !effekt_encoding_ascii_compatible(opt->encoding_name))))
        return EFFEKT_EINVAL;
    int fd = fileno(in);
    /* the parts' starts: the first line break after each k/n of the file
     * (no pre-scan; a line break inside quotes leaves the part before in
     * an open quote, which sends the file to one reading) */
    unsigned n_parts = parts_for(opt, size);
    size_t cut[MAX_PARTS + 1];
    unsigned n = 0;
    cut[0] = 0;
    for (unsigned k = 1; k < n_parts; k++) {
        size_t at = find_split(in, size, (size_t)((double)size * k / n_parts));
        if (at && at > cut[n])
            cut[++n] = at;
    }
    if (!n)
        return EFFEKT_EINVAL;
    n_parts = n + 1;
    cut[n_parts] = size;

    /* the header and the delimiter, from the file's start */
    effekt_diag dp;
    effekt_diag_init(&dp);
    reader p;
    reader *r = effekt_calloc(n_parts, sizeof *r);
    effekt_diag *d = effekt_calloc(n_parts, sizeof *d);
    source *src = effekt_calloc(n_parts, sizeof *src);
    size_t *rows = effekt_calloc(n_parts, sizeof *rows), *shift = effekt_calloc(n_parts, sizeof *shift);
    for (unsigned k = 0; d && k < n_parts; k++)
        effekt_diag_init(&d[k]);
    reader_init(&p, opt, name, &dp, 0);
    p.header_only = 1;
    atomic_ullong progress = 0;
    progress_init(&p, &progress, size, 1);
    char delim = 0;
    effekt_sha256 hash;
    effekt_sha256_init(&hash);
    effekt_sha256 *hashp = opt->sha256 ? &hash : NULL;
    /* the header is read in the chunks one reading reads, the whole file
     * in view (not just the first part): the delimiter and an encoding
     * detected in the header are decided from the same bytes (the fuzzer
     * found a file of 222 bytes whose first half libuchardet took for
     * Windows-1257 and the whole for Windows-1253) */
    source sp = { .fd = fd, .size = size };
    parse_source(&p, &sp, &delim, 0, 1);
    effekt_status st = EFFEKT_EINVAL;
    size_t n_cols = p.n_cols;
    double **base_v = effekt_calloc(n_cols ? n_cols : 1, sizeof *base_v);
    uint8_t **base_k = effekt_calloc(n_cols ? n_cols : 1, sizeof *base_k);
    uint8_t **base_f = effekt_calloc(n_cols ? n_cols : 1, sizeof *base_f);
    /* the rows start after the line break that ends the header */
    size_t header_end = p.header_done ? offset_after_lines(fd, p.header_last_line) : 0;
    cut[0] = header_end;
    int ok = r && d && src && rows && shift && base_v && base_k && base_f && p.status == EFFEKT_OK && p.header_done
             && delim && header_end && header_end < cut[1];
    for (unsigned k = 0; ok && k < n_parts; k++)
        ok = init_part(&r[k], &p, &d[k], k ? 1 : p.header_last_line + 1, cut[k + 1] - cut[k]) == 0;
    if (!ok)
        goto done;

    /* one block per column, a region for each part, so the parts need not
     * be copied together: rows estimated from the lines at each part's
     * start (a part's rows are at most its lines: exactly so without
     * quoted line breaks and blank lines, and then the next part's rows
     * start right after them) */
    size_t total = 0;
    for (unsigned k = 0; k < n_parts; k++) {
        rows[k] = rows_estimate(fd, (off_t)cut[k], cut[k + 1] - cut[k]);
        total += rows[k];
    }
    for (size_t i = 0; i < n_cols; i++) {
        if (p.slot[i] < 0)
            continue;
        if (p.coded && p.coded[i].on) {
            /* each part's codes a block of its own, grown by realloc
             * (mremap for a large block, no copy), as the merge grows the
             * first part's */
            for (unsigned k = 0; k < n_parts; k++) {
                if (!(r[k].coded[i].codes = effekt_malloc(rows[k] ? rows[k] : 1)))   /* a byte a code to start */
                    goto done;
                r[k].coded[i].cap = rows[k];
            }
            continue;
        }
        base_v[i] = effekt_big_alloc(total * sizeof(double));
        base_k[i] = effekt_big_alloc(total);
        base_f[i] = effekt_big_alloc(total);
        if (!base_v[i] || !base_k[i] || !base_f[i])
            goto done;
        for (unsigned k = 0, at = 0; k < n_parts; at += rows[k], k++)
            r[k].scan[i] = (column_scan){ .values = base_v[i] + at, .kinds = base_k[i] + at,
                                          .format = base_f[i] + at, .cap = rows[k], .borrowed = 1 };
    }

    /* the header was read twice: count it once */
    atomic_store(&progress, header_end);
    for (unsigned k = 0; k < n_parts; k++) {
        progress_init(&r[k], &progress, size, k == 0);   /* the others' threads count, do not call */
        /* the parts read in pieces of one reading's chunks, and an
         * encoding one of them detects is detected from one reading's
         * chunk */
        r[k].file_fd = fd;
        r[k].file_size = size;
        r[k].head_skip = p.head_skip;
        src[k] = (source){ .fd = fd, .offset = (off_t)cut[k], .limit = cut[k + 1] - cut[k],
                           .size = cut[k + 1] - cut[k], .align = 1 };
    }
    /* the hash follows the file's order: the header's bytes, the first
     * part's as it is read, then the rest's */
    src[0].hash = hashp;
    src[0].hash_from = (off_t)header_end;
    int hashed = !hashp || hash_range(fd, 0, (off_t)header_end, hashp) == 0;
    /* the first part here, then whatever part is left; the others on
     * threads from the second on */
    atomic_uint next = 1;
    part_pool pool = { .parts = r, .src = src, .delim = delim, .n = n_parts, .next = &next };
    pthread_t thread[MAX_PARTS];
    int started[MAX_PARTS] = { 0 };
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned n_threads = online > 1 ? (unsigned)online : 1;
    if (n_threads > n_parts)
        n_threads = n_parts;
    for (unsigned t = 1; t < n_threads; t++)
        started[t] = pthread_create(&thread[t], NULL, run_parts, &pool) == 0;
    char delim_0 = delim;
    parse_source(&r[0], &src[0], &delim_0, p.header_last_line, 0);
    hashed = hashed && (!hashp || (src[0].read == cut[1] - header_end
                                   && hash_range(fd, (off_t)cut[1], (off_t)size, hashp) == 0));
    run_parts(&pool);
    for (unsigned t = 1; t < n_threads; t++)
        if (started[t])
            pthread_join(thread[t], NULL);

    /* any problem or disagreement: read the file in one go instead */
    int enc = -1;   /* the encoding the first part that decided one decided */
    unsigned enc_part = 0;
    const char *enc_name = NULL;
    uint64_t other = 0;   /* bit k: part k decided an encoding other than UTF-8 itself */
    for (unsigned k = 0; k < n_parts; k++) {
        if (r[k].stop || r[k].status != EFFEKT_OK || !hashed)
            goto done;
        if (!r[k].decided)
            continue;
        other |= (uint64_t)(r[k].encoding != EFFEKT_ENCODING_UTF8) << k;
        if (enc < 0) {
            enc = (int)r[k].encoding;
            enc_name = r[k].enc_name;
            enc_part = k;
        } else if (enc != (int)r[k].encoding
                   || (enc == EFFEKT_ENCODING_OTHER && strcmp(enc_name, r[k].enc_name) != 0)) {
            goto done;
        }
    }
    /* each part numbered its lines from 1: they follow the line breaks
     * of the parts before (the first's from the header's) */
    for (unsigned k = 1; k < n_parts; k++)
        shift[k] = shift[k - 1] + r[k - 1].lines_read;
    /* where a part outgrew its region, a merge grows another part's
     * region in place (realloc): the parts still in regions of that
     * column's block move to blocks of their own first, and the first
     * part's region, which starts the block, is the first part's from
     * here on, not ours to free (it was freed twice: the unit test that
     * outgrows the estimate found it) */
    for (size_t i = 0; i < n_cols; i++) {
        if (p.slot[i] < 0 || (p.coded && p.coded[i].on))
            continue;
        int outgrown = 0;
        for (unsigned k = 1; k < n_parts; k++)
            outgrown |= !r[k].scan[i].borrowed;
        if (!outgrown)
            continue;
        for (unsigned k = 1; k < n_parts; k++)
            if (r[k].scan[i].borrowed && effekt_infer_scan_own(&r[k].scan[i], 0) != 0)
                goto done;
        if (r[0].scan[i].values == base_v[i]) {
            r[0].scan[i].borrowed = 0;
            base_v[i] = NULL;
            base_k[i] = NULL;
            base_f[i] = NULL;
        }
    }
    for (unsigned k = 1; k < n_parts; k++) {
        reader *b = &r[k];
        for (size_t m = 0; m < b->n_marks; m++)
            b->mark_line[m] += shift[k];
        b->header_line += shift[k];
        b->line += shift[k];
        if (merge_parts(&r[0], b) != 0)
            goto done;
        /* the first part's region goes on into the next part's */
        for (size_t i = 0; i < n_cols && k + 1 < n_parts; i++)
            if (p.slot[i] >= 0 && !(p.coded && p.coded[i].on) && r[0].scan[i].values == base_v[i])
                r[0].scan[i].borrowed = 1;
    }
    if (!r[0].decided && enc >= 0) {   /* the first part that decided one */
        r[0].encoding = r[enc_part].encoding;
        memcpy(r[0].enc_name, r[enc_part].enc_name, sizeof r[0].enc_name);
        r[0].decided = 1;
    }
    /* the header's notes, then each part's in line order; a part after
     * one that decided an encoding other than UTF-8 does not say again
     * that the text is not UTF-8 */
    move_problems(diag, &dp, 0, 0);
    int other_before = p.decided && p.encoding != EFFEKT_ENCODING_UTF8;
    for (unsigned k = 0; k < n_parts; k++) {
        move_problems(diag, &d[k], other_before, shift[k]);
        other_before |= (int)(other >> k & 1);
    }
    /* the first part takes the header's names */
    r[0].headings = p.headings;
    r[0].n_headings = p.n_headings;
    r[0].headings_cap = p.headings_cap;
    r[0].header_line = p.header_line;
    p.headings = NULL;
    p.n_headings = 0;
    r[0].diag = diag;
    /* the first part counted its lines from the header's last line; the table counts
     * from the header's first: a header over several lines needs a mark */
    if (r[0].n_rows && p.header_last_line != p.header_line && (r[0].n_marks == 0 || r[0].mark_row[0] != 0)) {
        if (add_line_mark(&r[0], 0, p.header_last_line + 1) != 0)
            goto done;
        size_t last = r[0].n_marks - 1;
        memmove(r[0].mark_row + 1, r[0].mark_row, last * sizeof *r[0].mark_row);
        memmove(r[0].mark_line + 1, r[0].mark_line, last * sizeof *r[0].mark_line);
        r[0].mark_row[0] = 0;
        r[0].mark_line[0] = p.header_last_line + 1;
    }
    for (size_t i = 0; i < n_cols; i++) {
        if (p.slot[i] < 0)
            continue;
        if (r[0].scan[i].values != base_v[i]) free(base_v[i]);
        if (r[0].scan[i].kinds != base_k[i]) free(base_k[i]);
        if (r[0].scan[i].format != base_f[i]) free(base_f[i]);
        base_v[i] = NULL;
        base_k[i] = NULL;
        base_f[i] = NULL;
    }
    st = finish_load(&r[0], delim, hashp, out, diag);
    memset(&r[0], 0, sizeof r[0]);
done:
    /* a block that a part still points at is freed once, here */
    for (size_t i = 0; r && i < n_cols && base_v && base_k && base_f; i++) {
        if (r[0].scan && r[0].scan[i].values == base_v[i]) r[0].scan[i].borrowed = 1;
        if (r[0].scan && r[0].scan[i].kinds == base_k[i]) r[0].scan[i].borrowed = 1;
        if (r[0].scan && r[0].scan[i].format == base_f[i]) r[0].scan[i].borrowed = 1;
    }
    for (unsigned k = 0; r && k < n_parts; k++)
        reader_free(&r[k]);
    reader_free(&p);
    for (size_t i = 0; i < n_cols && base_v; i++) {
        free(base_v[i]);
        free(base_k ? base_k[i] : NULL);
        free(base_f ? base_f[i] : NULL);
    }
    free(base_v);
    free(base_k);
    free(base_f);
    effekt_diag_clear(&dp);
    for (unsigned k = 0; d && k < n_parts; k++)
        effekt_diag_clear(&d[k]);
    free(r);
    free(d);
    free(src);
    free(rows);
    free(shift);
    return st;
}


effekt_status effekt_csv_load_stream(FILE *in, const char *name, const effekt_csv_options *opt,
                                     effekt_table **out, effekt_diag *diag)
{
    source src = { .in = in };
    struct stat st;
    if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode))
        src.size = (size_t)st.st_size;
    if (!opt)
        opt = &default_options;
    size_t parallel_min = opt->parallel_min_bytes ? opt->parallel_min_bytes : PARALLEL_MIN_BYTES;
    if (src.size >= parallel_min && sysconf(_SC_NPROCESSORS_ONLN) > 1) {
        size_t said = diag ? diag->n + diag->dropped : 0;
        effekt_status ps = load_parallel(in, name, src.size, opt, out, diag);
        /* EINVAL with nothing said: not suited, read it in one go; with a
         * problem said (a --sum-by column that is not there) it is the
         * answer, and a second reading would say it twice */
        if (ps != EFFEKT_EINVAL || *out || (diag && diag->n + diag->dropped > said))
            return ps;
        rewind(in);
    }
    return load(&src, name, opt, out, diag);
}

effekt_status effekt_csv_load_buffer(const void *data, size_t len, const char *name,
                                     const effekt_csv_options *opt, effekt_table **out,
                                     effekt_diag *diag)
{
    source src = { .mem = data, .mem_len = len, .eof = len == 0, .size = len };
    return load(&src, name, opt, out, diag);
}

effekt_status effekt_csv_load_buffer_libcsv(const void *data, size_t len, const char *name,
                                            const effekt_csv_options *opt, effekt_table **out,
                                            effekt_diag *diag)
{
    source src = { .mem = data, .mem_len = len, .eof = len == 0, .size = len };
    return load_with(&src, name, opt, out, diag, 1);
}

effekt_status effekt_csv_load_file(const char *path, const effekt_csv_options *opt,
                                   effekt_table **out, effekt_diag *diag)
{
    *out = NULL;
    if (strcmp(path, "-") == 0)
        return effekt_csv_load_stream(stdin, "<stdin>", opt, out, diag);
    FILE *in = fopen(path, "rb");
    if (!in) {
        effekt_diag_add(diag, EFFEKT_ERROR, path, 0, 0, NULL, NULL, "cannot open: %s", strerror(errno));
        return EFFEKT_EIO;
    }
    effekt_status st = effekt_csv_load_stream(in, path, opt, out, diag);
    fclose(in);
    return st;
}
