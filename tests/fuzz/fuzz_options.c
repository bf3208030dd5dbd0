/* libFuzzer harness: the option parsers, driven as a user drives them —
 * a whole subcommand run on a fuzzed command line.
 *
 * The input is the command line, one argument per line; the first names
 * the subcommand (validate, kpi, describe, compare, retention, plot,
 * merge).  Every parser is reached that way: getopt's table, --map,
 * --delimiter, --na, --encoding, numbers and lists (--at, --percentiles,
 * --stats, --quantiles, --ratio, --width...), and the files named.
 *
 * The runs happen in a private folder holding a few small inputs (copied
 * there at start), and arguments with '/' or ".." are refused, so that
 * the fuzzer can name only those files and can write (-o) only there.
 * Standard input is /dev/null.  --bootstrap is refused: a large count is
 * slow, not wrong. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "effekt/chart.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef FUZZ_DATA_DIR
#define FUZZ_DATA_DIR "."
#endif

static void copy_in(const char *from, const char *to)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", FUZZ_DATA_DIR, from);
    FILE *in = fopen(path, "rb"), *out = fopen(to, "wb");
    if (!in || !out) {
        fprintf(stderr, "fuzz_options: cannot copy %s\n", path);
        exit(1);
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[] = "/tmp/effekt-fuzz-XXXXXX";
    if (!mkdtemp(dir) || chdir(dir) != 0) {
        perror("fuzz_options");
        exit(1);
    }
    copy_in("datasets/seed_projects.csv", "p.csv");
    copy_in("datasets/seed_projects_da.csv", "d.csv");
    copy_in("tests/data/participants_small.csv", "s.csv");
    copy_in("tests/data/rates.csv", "r.csv");
    if (!freopen("/dev/null", "r", stdin))
        exit(1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } commands[] = {
        { "validate", cmd_validate }, { "kpi", cmd_kpi }, { "describe", cmd_describe },
        { "compare", cmd_compare }, { "retention", cmd_retention }, { "plot", cmd_plot },
        { "merge", cmd_merge }, { "model", cmd_model }, { "meta", cmd_meta },
    };
    if (size > 4096 || memchr(data, '\0', size))
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *argv[64];
    int argc = 0;
    for (char *line = strtok(text, "\n"); line && argc < 63; line = strtok(NULL, "\n")) {
        if (strchr(line, '/') || strstr(line, "..") || strncmp(line, "--bo", 4) == 0) {
            free(text);
            return 0;
        }
        argv[argc++] = line;
    }
    argv[argc] = NULL;
    if (argc > 0)
        for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
            if (strcmp(argv[0], commands[i].name) == 0) {
                commands[i].run(argc, argv);
                /* fontconfig's caches, as effekt's main gives them back
                 * at exit: else the leak checker counts them */
                if (commands[i].run == cmd_plot)
                    effekt_chart_release_fonts();
                break;
            }
    free(text);
    return 0;
}
