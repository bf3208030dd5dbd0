/* Batch runs: many input files in one command, --keep-going, and the
 * progress bar on standard error.
 *
 * Without --keep-going the first bad file ends the command (exit 2, no
 * output), as a single file would.  With it, a bad file's message is
 * printed, whatever the file had added to the results is taken out again,
 * the other files go on, and at the end a summary names the files left
 * out: exit 1 when the others gave results, 2 when none did.
 *
 * The progress bar is drawn only when standard error is a terminal and
 * --quiet was not given, and only once the work has taken half a second
 * (short runs do not flicker); it is redrawn at most ten times a second
 * and erased before any message and at the end, so messages and the bar
 * never share a line and a pipe or a log file never sees it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* ---- the progress bar ---- */

static struct {
    int on;
    int drawn;
    double start, last, after;
    size_t file, n_files;
    const char *name;
    const char *what;
} bar;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(const cli_options *o, size_t n_files)
{
    memset(&bar, 0, sizeof bar);
    bar.on = !o->quiet && isatty(STDERR_FILENO);
    bar.start = bar.last = now();
    /* EFFEKT_PROGRESS_AFTER: seconds before the bar shows; 0 (for tests)
     * also draws every update */
    const char *after = getenv("EFFEKT_PROGRESS_AFTER");
    bar.after = after && *after ? atof(after) : 0.5;
    bar.n_files = n_files;
}

void cli_progress_erase(void)
{
    if (bar.drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        bar.drawn = 0;
    }
}

void cli_progress_stop(void)
{
    cli_progress_erase();
    bar.on = 0;
}

static void draw(double fraction, const char *detail)
{
    const int width = 24;
    if (fraction < 0)
        fraction = 0;
    if (fraction > 1)
        fraction = 1;
    int fill = (int)(fraction * width + 0.5);
    char cells[64];
    for (int i = 0; i < width; i++)
        cells[i] = i < fill ? '#' : '.';
    cells[width] = '\0';
    char files[64] = "";
    if (bar.n_files > 1)
        snprintf(files, sizeof files, " file %zu/%zu", bar.file + 1, bar.n_files);
    /* the name last, cut so that the line fits 80 columns */
    fprintf(stderr, "\r\033[K[%s] %3d%%%s %s %.30s", cells, (int)(fraction * 100), files, detail,
            bar.name ? bar.name : "");
    fflush(stderr);
    bar.drawn = 1;
}

static int due(void)
{
    if (!bar.on)
        return 0;
    double t = now();
    if (t - bar.start < bar.after || (bar.after > 0 && bar.drawn && t - bar.last < 0.1))
        return 0;
    bar.last = t;
    return 1;
}

void cli_progress_file(size_t i, const char *name)
{
    bar.file = i;
    bar.name = name;
    if (due())
        draw(bar.n_files ? (double)i / (double)bar.n_files : 0, "");
}

/* effekt_progress callbacks: reading (bytes) and resampling (replicates) */
static void on_bytes(void *ctx, unsigned long long done, unsigned long long total)
{
    (void)ctx;
    if (!due())
        return;
    char detail[48];
    double in_file = total ? (double)done / (double)total : 0;
    if (total)
        snprintf(detail, sizeof detail, "reading %.0f of %.0f MB", done / 1e6, total / 1e6);
    else
        snprintf(detail, sizeof detail, "reading %.0f MB", done / 1e6);
    draw(bar.n_files > 1 ? ((double)bar.file + in_file) / (double)bar.n_files : in_file, detail);
}

static void on_replicates(void *ctx, unsigned long long done, unsigned long long total)
{
    (void)ctx;
    if (!due())
        return;
    char detail[64];
    snprintf(detail, sizeof detail, "resampling %llu of %llu", done, total);
    draw(total ? (double)done / (double)total : 0, detail);
}

effekt_progress cli_progress_reading(void)
{
    return (effekt_progress){ .fn = bar.on ? on_bytes : NULL };
}

effekt_progress cli_progress_resampling(void)
{
    return (effekt_progress){ .fn = bar.on ? on_replicates : NULL };
}

/* ---- many files, --keep-going ---- */

void cli_batch_begin(cli_batch *b, const cli_options *o, cJSON *doc)
{
    memset(b, 0, sizeof *b);
    b->o = o;
    b->doc = doc;
    cli_progress_start(o, o->n_inputs);
}

void cli_batch_file(cli_batch *b, size_t i)
{
    b->current = i;
    cli_progress_file(i, b->o->inputs[i]);
    /* what the results held before this file: the length of every
     * top-level list or object, to take this file's additions out again */
    b->n_marks = 0;
    for (const cJSON *c = b->doc ? b->doc->child : NULL; c && b->n_marks < CLI_BATCH_MARKS; c = c->next) {
        size_t n = 0;
        for (const cJSON *e = (cJSON_IsArray(c) || cJSON_IsObject(c)) ? c->child : NULL; e; e = e->next)
            n++;
        b->marks[b->n_marks++] = n;
    }
    b->n_top = b->n_marks;
}

static void drop_after(cJSON *parent, size_t keep)
{
    size_t n = (size_t)cJSON_GetArraySize(parent);   /* objects count their members too */
    while (n > keep)
        cJSON_DeleteItemFromArray(parent, (int)--n);
}

int cli_batch_done(cli_batch *b, int rc)
{
    if (rc == EXIT_OK) {
        b->ok++;
        return 1;
    }
    b->failed++;
    if (b->doc) {
        size_t k = 0;
        for (cJSON *c = b->doc->child; c && k < b->n_marks; c = c->next, k++)
            if (cJSON_IsArray(c) || cJSON_IsObject(c))
                drop_after(c, b->marks[k]);
        drop_after(b->doc, b->n_top);
        if (b->o->keep_going) {
            cJSON *f = cJSON_GetObjectItemCaseSensitive(b->doc, "failed_files");
            if (!f)
                f = cJSON_AddArrayToObject(b->doc, "failed_files");
            cJSON_AddItemToArray(f, cJSON_CreateString(b->o->inputs[b->current]));
        }
    }
    return b->o->keep_going;
}

int cli_batch_end(cli_batch *b)
{
    cli_progress_stop();
    if (b->failed == 0)
        return EXIT_OK;
    if (!b->o->keep_going)
        return EXIT_BAD;
    fprintf(stderr, "effekt: %zu of %zu files failed and were left out (--keep-going); ", b->failed,
            b->o->n_inputs);
    if (b->ok)
        fprintf(stderr, "the results are from the other %zu\n", b->ok);
    else
        fprintf(stderr, "no results\n");
    return b->ok ? EXIT_PROBLEMS : EXIT_BAD;
}

int cli_batch_finish(cli_batch *b, const effekt_output_sheet *sheets, size_t n_sheets)
{
    int status = cli_batch_end(b);
    if (status != EXIT_BAD) {
        int emitted = cli_emit(b->o, b->doc, sheets, n_sheets);
        if (emitted != EXIT_OK)
            status = emitted;
    }
    cJSON_Delete(b->doc);
    return status;
}
