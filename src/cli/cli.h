/* cli.h — the effekt command line: options shared by every subcommand,
 * loading inputs with messages, writing results.  Only src/cli talks to
 * the user. */
#ifndef EFFEKT_CLI_H
#define EFFEKT_CLI_H

#include <stdio.h>

#include <cjson/cJSON.h>

#include "effekt/chart.h"
#include "effekt/csv.h"
#include "effekt/model.h"
#include "effekt/output.h"
#include "effekt/retention.h"
#include "effekt/status.h"
#include "effekt/table.h"

/* The command builds its documents with cJSON; the library takes and
 * gives them as its opaque effekt_json (effekt/json.h), which is the
 * same value: these casts, and no others, cross between the two. */
static inline effekt_json *cli_json(cJSON *c)
{
    return (effekt_json *)(void *)c;
}

static inline const effekt_json *cli_json_const(const cJSON *c)
{
    return (const effekt_json *)(const void *)c;
}

static inline cJSON *cli_cjson(effekt_json *j)
{
    return (cJSON *)(void *)j;
}

/* Exit statuses (see effekt(1)). */
enum {
    EXIT_OK = 0,
    EXIT_PROBLEMS = 1,   /* ran, and found problems the user asked to fail on */
    EXIT_BAD = 2         /* bad usage or bad input */
};

/* Options a subcommand accepts, as bits. */
enum {
    OPT_FORMAT = 1u << 0,
    OPT_OUTPUT = 1u << 1,
    OPT_CSV = 1u << 2,        /* --delimiter --decimal-comma --decimal-point --encoding --na --map */
    OPT_BY = 1u << 3,
    OPT_CONFIDENCE = 1u << 4,
    OPT_VALUES = 1u << 5,
    OPT_SORT = 1u << 6,
    OPT_CURRENCY = 1u << 7,   /* --currency --rates --price-year --deflator */
    OPT_STRICT = 1u << 8,
    OPT_QUIET = 1u << 9,
    OPT_DESCRIBE = 1u << 10,  /* -c/--columns --percentiles --quantile-type --stats */
    OPT_COMPARE = 1u << 11,   /* --outcome --interval --adjust */
    OPT_RETENTION = 1u << 12, /* --from --to --censor --censor-date --time --event --at --conf-type --rho --steps --rmst --quantiles */
    OPT_BATCH = 1u << 14,     /* --keep-going */
    OPT_MODEL = 1u << 15,     /* --predictors --family --ref --robust --cluster */
    OPT_CASEMIX = 1u << 16,   /* --case-mix --overdispersion --ref (and --adjust COLUMNS) */
    OPT_META = 1u << 17,      /* --events --n --estimate --se --method --knha --measure (and --outcome) */
    OPT_PLOT = 1u << 13       /* --kpi --reference --x --y --label --bins --amounts --width --height --dpi --locale --title --subtitle --caption */
};

typedef struct {
    effekt_format format;
    const char *output;
    const char *by;
    const char *sort;
    double confidence;
    int values;
    int strict;
    int quiet;
    int keep_going;             /* --keep-going: a bad file is left out, the others go on */
    const char *currency;
    const char *rates;
    long price_year;
    const char *deflator;
    const char *columns;        /* -c: comma-separated */
    const char *percentiles;    /* --percentiles 5,90 */
    int quantile_type;          /* --quantile-type 1..9 */
    const char *stats;          /* --stats count,mean,... */
    const char *weight;         /* --weight COLUMN */
    int partial;                /* --partial: mergeable partial summaries */
    const char *outcome;        /* --outcome COLUMN */
    const char *value;          /* --value COLUMN */
    int funnel;                 /* --funnel */
    const char *ratio;          /* --ratio NUM/DEN */
    long bootstrap;             /* --bootstrap N (default 10000) */
    unsigned long long seed;    /* --seed N */
    int seed_given;
    const char *from, *to, *censor, *censor_date, *time_col, *event_col, *at, *conf_type;
    double rho;
    int steps;
    double rmst;                /* --rmst TAU, 0: none */
    const char *quantiles;      /* --quantiles 0.25,0.75 */
    const char *interval;       /* --interval wilson|clopper-pearson|agresti-coull */
    const char *adjust;         /* --adjust holm|bh|none */
    size_t pairwise;            /* --pairwise: pairs only up to this many groups (SIZE_MAX: all) */
    int pairwise_given;
    const char *kpi;            /* --kpi NAME */
    const char *reference;      /* --reference VALUE|pooled */
    size_t top;                 /* --top N: bar/forest of a KPI, the N highest and the rest as one row */
    const char *x, *y, *label;  /* --x --y --label COLUMN */
    const char *bins;           /* --bins sturges|scott|fd */
    int amounts;                /* --amounts */
    double width_mm, height_mm, dpi;
    const char *locale;         /* --locale en|da */
    const char *title, *subtitle, *caption;
    const char *predictors;     /* --predictors A,B,... */
    const char *family;         /* --family gaussian|binomial|poisson */
    const char *refs[64];       /* --ref COL=LEVEL, as given */
    size_t n_refs;
    int robust;                 /* --robust: HC1 */
    const char *cluster;        /* --cluster COL */
    const char *case_mix;       /* compare --adjust COLS (not a p-value method) or --case-mix COLS */
    const char *overdispersion; /* --overdispersion none|multiplicative|additive */
    const char *events, *n_column, *estimate, *se;   /* meta: --events --n --estimate --se */
    const char *method, *measure;   /* meta: --method dl|reml|pm, --measure logit|raw|log|arcsine */
    int knha;                   /* meta: --knha */
    int meta;                   /* plot forest --meta: a random-effects meta-analysis */
    const char *cox, *strata;   /* retention: --cox A,B --strata COLUMN */
    effekt_csv_options csv;
    effekt_csv_mapping maps[64];
    const char *na[64];
    char **inputs;
    size_t n_inputs;
} cli_options;

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} cli_command;

/* Parse argv[1..] of a subcommand: options in `accepted`, the rest are
 * input files.  Prints help and returns -1 (exit 0) for --help, prints a
 * message and returns EXIT_BAD for bad usage, 0 otherwise. */
int cli_parse(int argc, char **argv, unsigned accepted, const char *usage, cli_options *o);

/* A file a command reads and what named it, for the messages: "--rates",
 * "the spec", ...; NULL for a file named on the command line. */
typedef struct {
    const char *path;   /* "-": standard input */
    const char *via;
} cli_input;

/* Whether writing `output` would replace one of the inputs: the same
 * file by device and inode, so another spelling of the path, a symbolic
 * link or a hard link is caught too.  Prints "effekt: OUTPUT: error: ...
 * refusing to overwrite it" and returns 1 when it would; 0 otherwise
 * (also when output does not exist yet, is "-" or a character device).
 * written_by says who writes it ("the report writes"); NULL is "-o names".
 * cli_parse runs it for -o against the inputs it knows (the files named
 * on the command line, --rates, --deflator); a command that reads more
 * (the report's spec names its inputs) runs it again with those before
 * it writes anything. */
int cli_output_clash(const char *output, const char *written_by, const cli_input *in, size_t n);

/* Print every problem in diag to stderr as "effekt: file:line:col: ...".
 * Notes are shown unless quiet. */
void cli_report(const effekt_diag *diag, int quiet);

/* Load one input; problems printed.  Returns the table or NULL; *status
 * gets the load status. */
effekt_table *cli_load(const cli_options *o, const char *path, effekt_status *status);

/* The same for a command that stops at a failed load: the table, or NULL
 * (problems printed, nothing left to free). */
effekt_table *cli_load_table(const cli_options *o, const char *path);

/* Write doc to -o (atomically) or stdout in the chosen format.  Returns
 * EXIT_OK or EXIT_BAD. */
int cli_emit(const cli_options *o, const cJSON *doc, const effekt_output_sheet *sheets, size_t n_sheets);

/* A comma-separated list of finite numbers in [min, max] ((min, max) when
 * open), as many as given, into *out (the caller frees it); -1 (and *out
 * NULL) when one is not a number in range, is empty, or memory runs out. */
int cli_numbers(const char *text, double min, double max, int open, double **out, size_t *n);

/* A JSON file ("-": standard input) parsed; NULL after a message naming
 * the problem: unreadable, too large, or where (line:column) the JSON
 * goes wrong, nesting deeper than cJSON's limit said as such. */
cJSON *cli_read_json(const char *path);

/* A library problem's message in the command line's words: a problem
 * about a column given for an option starts with the option's flag
 * ("--outcome: column ..."), advice ends with the flag to use
 * ("(--pairwise none)").  No file or position. */
/* A library problem about PATH in the one form of every message:
 * "effekt: PATH[:LINE:COL]: note|warning|error: text", hints as flags. */
void cli_say_problem(const char *path, const effekt_diag_problem *p);
void cli_problem_text(const effekt_diag_problem *p, char *buf, size_t size);

/* "effekt: " + message on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "effekt CMD: error: ..." for a mistake in a command line (an option's
 * value, a missing option); data errors name their file instead. */
void cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The names of the locales table, "en, da or sv", for messages: nothing
 * in the CLI lists the locales itself.  Returns buf. */
const char *cli_locale_names(char *buf, size_t size);

/* The spell options of the command line (--by --from --to --censor
 * --censor-date --time --event); strings borrowed from o. */
void cli_spells_options(const cli_options *o, effekt_spells_options *so);

/* The errors in diag of an analysis of path, in the command line's words. */
void cli_analysis_problems(const char *path, const effekt_diag *diag);


/* Many files in one run (batch.c).  The loop over the inputs is
 *
 *     cli_batch b;
 *     cli_batch_begin(&b, &o, doc);
 *     for (size_t i = 0; i < o.n_inputs; i++) {
 *         cli_batch_file(&b, i);
 *         if (!cli_batch_done(&b, run_one_file(...)))
 *             break;
 *     }
 *     int status = cli_batch_end(&b);   then emit unless EXIT_BAD
 *
 * cli_batch_done takes a failed file's additions out of doc again (every
 * top-level list and object is cut back to its length before the file)
 * and, with --keep-going, lists the file under "failed_files" and goes
 * on.  cli_batch_end prints the summary and gives EXIT_OK, EXIT_PROBLEMS
 * (--keep-going, some files left out) or EXIT_BAD. */
#define CLI_BATCH_MARKS 32
typedef struct {
    const cli_options *o;
    cJSON *doc;
    size_t current, ok, failed;
    size_t marks[CLI_BATCH_MARKS], n_marks, n_top;
} cli_batch;
void cli_batch_begin(cli_batch *b, const cli_options *o, cJSON *doc);
void cli_batch_file(cli_batch *b, size_t i);
int cli_batch_done(cli_batch *b, int rc);
int cli_batch_end(cli_batch *b);
/* cli_batch_end, then (unless EXIT_BAD) the document emitted as sheets,
 * and the document deleted: the exit status. */
int cli_batch_finish(cli_batch *b, const effekt_output_sheet *sheets, size_t n_sheets);

/* The progress bar on standard error (batch.c): only on a terminal,
 * never with --quiet.  cli_load reports reading through it; long
 * computations take cli_progress_resampling() and the like. */
void cli_progress_start(const cli_options *o, size_t n_files);
void cli_progress_file(size_t i, const char *name);
void cli_progress_erase(void);   /* before a message; the bar comes back on its next update */
void cli_progress_stop(void);
effekt_progress cli_progress_reading(void);
effekt_progress cli_progress_resampling(void);

int cmd_validate(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_kpi(int argc, char **argv);
int cmd_describe(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_retention(int argc, char **argv);
int cmd_model(int argc, char **argv);
/* effekt compare --by P --outcome O --adjust COLUMNS (cmd_casemix.c):
 * the case-mix adjusted comparison, columns comma-separated. */
int cli_compare_casemix(const cli_options *o, const char *columns);
/* --ref COL=LEVEL options as model references, borrowed from buf (64 of
 * each at most); the number of them. */
size_t cli_model_refs(const cli_options *o, char (*buf)[256], effekt_model_ref *refs);
/* "a,b,c" split in place into at most max names; the number of them. */
size_t cli_split_list(char *text, const char **names, size_t max);
int cmd_meta(int argc, char **argv);

#endif
