/* libFuzzer harness, differential: a file read in two halves on two
 * threads (the loader's path for files of 8 MiB and more, forced here for
 * any size) must give exactly what one reading gives, one reading of
 * a file exactly what reading the same bytes from memory gives, and the
 * fast path for plain lines exactly what libcsv alone gives (on the input,
 * and on the input repeated past the 256 KiB chunks, so that lines are
 * cut between chunks, for one input in eight): the same
 * status, table (every heading, type, flag, value bit, text and line
 * number) and problems (severity, place, wording).  Any difference
 * aborts, so the fuzzer keeps it.
 *
 * The first byte chooses the reading options (csv_options.h); the rest
 * is the file, put in an anonymous in-memory file (memfd) so that the
 * loader sees a regular file of that size. */
#define _GNU_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "effekt/csv.h"
#include "effekt/group.h"
#include "csv_options.h"
#include "io/load.h"   /* effekt_csv_load_buffer_libcsv: the reading without the fast path */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void differ(const char *how, const char *what, size_t i)
{
    fprintf(stderr, "fuzz_split: %s differs from one reading in %s (%zu)\n", how, what, i);
    abort();
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* any_form: text columns may be text or codes (effekt_csv_options.coded)
 * on either side; their strings must agree. */
static void compare_forms(const char *how, effekt_status sa, const effekt_table *a, const effekt_diag *da,
                          effekt_status sb, const effekt_table *b, const effekt_diag *db, int any_form)
{
    if (sa != sb)
        differ(how, "status", (size_t)sb);
    for (size_t i = 0; i < da->n && i < db->n; i++) {
        const effekt_diag_problem *x = &da->items[i], *y = &db->items[i];
        if (x->severity != y->severity || x->line != y->line || x->column != y->column
            || !same_text(x->file, y->file) || !same_text(x->column_name, y->column_name)
            || !same_text(x->value, y->value) || !same_text(x->message, y->message)) {
            char one[512], other[512];
            effekt_diag_problem_format(x, one, sizeof one);
            effekt_diag_problem_format(y, other, sizeof other);
            fprintf(stderr, "one reading: %s\n%s: %s\n", one, how, other);
            differ(how, "problem", i);
        }
    }
    if (da->n != db->n || da->dropped != db->dropped)
        differ(how, "number of problems", db->n);
    if (!a != !b)
        differ(how, "whether a table came back", 0);
    if (!a)
        return;
    if (a->n_rows != b->n_rows || a->n_columns != b->n_columns || a->delimiter != b->delimiter
        || !same_text(a->encoding, b->encoding) || a->header_line != b->header_line
        || !same_text(a->source, b->source))
        differ(how, "table layout", b->n_rows);
    for (size_t r = 0; r < a->n_rows; r++)
        if (effekt_table_row_line(a, r) != effekt_table_row_line(b, r))
            differ(how, "line of row", r);
    for (size_t c = 0; c < a->n_columns; c++) {
        const effekt_column *x = &a->columns[c], *y = &b->columns[c];
        if (!same_text(x->heading, y->heading) || !same_text(x->canonical, y->canonical)
            || x->type != y->type || x->flags != y->flags || x->decimal_mark != y->decimal_mark
            || x->index != y->index || x->decimals != y->decimals || x->n_missing != y->n_missing
            || !x->values != !y->values || (!any_form && !x->text != !y->text))
            differ(how, "column", c);
        for (size_t r = 0; r < a->n_rows; r++) {
            if (x->values && memcmp(&x->values[r], &y->values[r], sizeof(double)) != 0
                && !(isnan(x->values[r]) && isnan(y->values[r])))
                differ(how, "value in row", r);
            if (x->type == EFFEKT_TYPE_TEXT && !same_text(effekt_column_string(x, r), effekt_column_string(y, r)))
                differ(how, "text in row", r);
        }
    }
}

static void compare(const char *how, effekt_status sa, const effekt_table *a, const effekt_diag *da,
                    effekt_status sb, const effekt_table *b, const effekt_diag *db)
{
    compare_forms(how, sa, a, da, sb, b, db, 0);
}

/* Every column asked for as codes (those read as text become codes),
 * from memory and in two halves: the same strings as one reading, and
 * grouping by the first column puts every row in the same group. */
static void compare_coded(FILE *f, const uint8_t *data, size_t size, effekt_csv_options opt,
                          effekt_status s_one, const effekt_table *one, const effekt_diag *d_one)
{
    const char **names = malloc((one->n_columns ? one->n_columns : 1) * sizeof *names);
    if (!names)
        return;
    for (size_t c = 0; c < one->n_columns; c++)
        names[c] = one->columns[c].heading;
    opt.coded = names;
    opt.n_coded = one->n_columns;
    for (int halves = 0; halves < 2; halves++) {
        effekt_table *t = NULL;
        effekt_diag d;
        effekt_diag_init(&d);
        effekt_status st;
        if (halves) {
            opt.parallel_min_bytes = 1;
            rewind(f);
            st = effekt_csv_load_stream(f, "fuzz.csv", &opt, &t, &d);
        } else {
            st = effekt_csv_load_buffer(data, size, "fuzz.csv", &opt, &t, &d);
        }
        compare_forms(halves ? "codes in two halves" : "codes", s_one, one, d_one, st, t, &d, 1);
        if (t && t->n_columns) {
            const char *by[1] = { one->columns[0].heading };
            effekt_group *ga = NULL, *gb = NULL;
            if (effekt_group_create(one, by, 1, &ga, NULL) == EFFEKT_OK && effekt_group_add_all(ga) == EFFEKT_OK
                && effekt_group_create(t, by, 1, &gb, NULL) == EFFEKT_OK && effekt_group_add_all(gb) == EFFEKT_OK) {
                if (effekt_group_count(ga) != effekt_group_count(gb))
                    differ("codes", "number of groups", effekt_group_count(gb));
                for (size_t r = 0; r < one->n_rows; r++)
                    if (effekt_group_of(ga, r) != effekt_group_of(gb, r))
                        differ("codes", "group of row", r);
                for (size_t k = 0; k < effekt_group_count(ga); k++)
                    if (strcmp(effekt_group_label(ga, k), effekt_group_label(gb, k)) != 0
                        || effekt_group_size(ga, k) != effekt_group_size(gb, k))
                        differ("codes", "group", k);
            }
            effekt_group_destroy(ga);
            effekt_group_destroy(gb);
        }
        effekt_table_destroy(t);
        effekt_diag_clear(&d);
    }
    free(names);
}

static effekt_status load_stream(FILE *f, const effekt_csv_options *opt, effekt_table **t, effekt_diag *d)
{
    rewind(f);
    effekt_diag_init(d);
    *t = NULL;
    return effekt_csv_load_stream(f, "fuzz.csv", opt, t, d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int fd = memfd_create("fuzz.csv", 0);
    if (fd < 0)
        return 0;
    FILE *f = fdopen(fd, "w+b");
    if (!f) {
        close(fd);
        return 0;
    }
    if (fwrite(data + 1, 1, size - 1, f) != size - 1 || fflush(f) != 0) {
        fclose(f);
        return 0;
    }
    effekt_csv_options opt = fuzz_csv_options(data[0]);
    effekt_table *one = NULL, *stream = NULL, *halves = NULL;
    effekt_diag d_one, d_stream, d_halves;
    effekt_diag_init(&d_one);
    effekt_status s_one = effekt_csv_load_buffer(data + 1, size - 1, "fuzz.csv", &opt, &one, &d_one);
    opt.parallel_min_bytes = SIZE_MAX;
    effekt_status s_stream = load_stream(f, &opt, &stream, &d_stream);
    opt.parallel_min_bytes = 1;
    opt.parallel_parts = 2 + (unsigned)(size % 5);   /* 2 to 6 parts, from the input's size */
    effekt_status s_halves = load_stream(f, &opt, &halves, &d_halves);
    compare("a file read at once", s_one, one, &d_one, s_stream, stream, &d_stream);
    {
        effekt_table *ref = NULL;
        effekt_diag d_ref;
        effekt_diag_init(&d_ref);
        effekt_status s_ref = effekt_csv_load_buffer_libcsv(data + 1, size - 1, "fuzz.csv", &opt, &ref, &d_ref);
        compare("libcsv alone (the fast path read the other)", s_ref, ref, &d_ref, s_one, one, &d_one);
        effekt_table_destroy(ref);
        effekt_diag_clear(&d_ref);
    }
    if (size > 1 && size < 8192 && ((size ^ data[size - 1]) & 7) == 0) {
        /* the input again and again past a few chunks: lines cut by the
         * chunks' ends, the fast path handing over mid-chunk */
        size_t body = size - 1, times = 600 * 1024 / body + 1;
        unsigned char *big = malloc(body * times);
        if (big) {
            for (size_t k = 0; k < times; k++)
                memcpy(big + k * body, data + 1, body);
            effekt_table *x = NULL, *y = NULL;
            effekt_diag dx, dy;
            effekt_diag_init(&dx);
            effekt_diag_init(&dy);
            effekt_status sx = effekt_csv_load_buffer_libcsv(big, body * times, "fuzz.csv", &opt, &x, &dx);
            effekt_status sy = effekt_csv_load_buffer(big, body * times, "fuzz.csv", &opt, &y, &dy);
            compare("the fast path over chunks", sx, x, &dx, sy, y, &dy);
            effekt_table_destroy(x);
            effekt_table_destroy(y);
            effekt_diag_clear(&dx);
            effekt_diag_clear(&dy);
            free(big);
        }
    }
    compare("a file read in two halves", s_one, one, &d_one, s_halves, halves, &d_halves);
    if (one && !opt.sum_by)
        compare_coded(f, data + 1, size - 1, opt, s_one, one, &d_one);
    /* and with only some columns loaded (the first and the last, or for
     * inputs of odd size the middle one, with columns not loaded on both
     * sides): the halves then skip the others' fields, and look for
     * decimal marks only in the span of those not loaded */
    if (one && one->n_columns >= 2) {
        const char *keep[2] = { one->columns[0].heading, one->columns[one->n_columns - 1].heading };
        opt.columns = keep;
        opt.n_columns = 2;
        if (size % 2 && one->n_columns >= 3) {
            keep[0] = one->columns[one->n_columns / 2].heading;
            opt.n_columns = 1;
        }
        effekt_table *some = NULL, *some_halves = NULL;
        effekt_diag d_some, d_some_halves;
        effekt_diag_init(&d_some);
        effekt_status s_some = effekt_csv_load_buffer(data + 1, size - 1, "fuzz.csv", &opt, &some, &d_some);
        effekt_status s_some_halves = load_stream(f, &opt, &some_halves, &d_some_halves);
        compare("some columns read in two halves", s_some, some, &d_some, s_some_halves, some_halves,
                &d_some_halves);
        effekt_table *some_ref = NULL;
        effekt_diag d_some_ref;
        effekt_diag_init(&d_some_ref);
        effekt_status s_some_ref = effekt_csv_load_buffer_libcsv(data + 1, size - 1, "fuzz.csv", &opt, &some_ref,
                                                                  &d_some_ref);
        compare("some columns by libcsv alone", s_some_ref, some_ref, &d_some_ref, s_some, some, &d_some);
        effekt_table_destroy(some_ref);
        effekt_diag_clear(&d_some_ref);
        effekt_table_destroy(some);
        effekt_table_destroy(some_halves);
        effekt_diag_clear(&d_some);
        effekt_diag_clear(&d_some_halves);
    }
    fclose(f);
    effekt_table_destroy(one);
    effekt_table_destroy(stream);
    effekt_table_destroy(halves);
    effekt_diag_clear(&d_one);
    effekt_diag_clear(&d_stream);
    effekt_diag_clear(&d_halves);
    return 0;
}
