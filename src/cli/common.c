/* Options, messages, loading and output shared by the subcommands. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "effekt/chart.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    cli_progress_erase();
    fputs("effekt: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

enum {
    LO_MAP = 256, LO_DELIMITER, LO_DECIMAL_COMMA, LO_DECIMAL_POINT, LO_ENCODING, LO_NA,
    LO_CONFIDENCE, LO_VALUES, LO_SORT, LO_CURRENCY, LO_RATES, LO_PRICE_YEAR, LO_DEFLATOR,
    LO_STRICT, LO_PERCENTILES, LO_QUANTILE_TYPE, LO_STATS, LO_WEIGHT, LO_OUTCOME, LO_VALUE, LO_FUNNEL, LO_RATIO, LO_BOOTSTRAP, LO_SEED, LO_FROM, LO_TO, LO_CENSOR, LO_CENSOR_DATE, LO_TIME, LO_EVENT, LO_AT, LO_CONF_TYPE, LO_RHO, LO_STEPS, LO_RMST, LO_QUANTILES, LO_INTERVAL, LO_ADJUST, LO_PAIRWISE,
    LO_KPI, LO_REFERENCE, LO_X, LO_Y, LO_LABEL, LO_BINS, LO_AMOUNTS, LO_WIDTH, LO_HEIGHT, LO_DPI, LO_LOCALE,
    LO_TITLE, LO_SUBTITLE, LO_CAPTION, LO_PARTIAL, LO_KEEP_GOING,
    LO_DATE_ORDER,
    LO_PREDICTORS, LO_FAMILY, LO_REF, LO_ROBUST, LO_CLUSTER, LO_CASE_MIX, LO_OVERDISPERSION,
    /* meta and Cox (issue 19) */
    LO_EVENTS, LO_N, LO_ESTIMATE, LO_SE, LO_METHOD, LO_KNHA, LO_MEASURE, LO_COX, LO_STRATA, LO_META,
    LO_SUM_BY, LO_TOP
};

/* An option, the commands it applies to, and for an option that only
 * keeps its text or sets a flag, the field of cli_options it sets (the
 * others are read by cli_parse's switch). */
enum { SET_NONE = 0, SET_TEXT, SET_FLAG };
#define TEXT(field) SET_TEXT, offsetof(cli_options, field)
#define FLAG(field) SET_FLAG, offsetof(cli_options, field)
#define PARSED SET_NONE, 0

static const struct {
    struct option opt;
    unsigned group;
    int set;
    size_t field;
} option_table[] = {
    { { "format", required_argument, NULL, 'f' }, OPT_FORMAT, PARSED },
    { { "output", required_argument, NULL, 'o' }, OPT_OUTPUT, TEXT(output) },
    { { "by", required_argument, NULL, 'g' }, OPT_BY, TEXT(by) },
    { { "map", required_argument, NULL, LO_MAP }, OPT_CSV, PARSED },
    { { "sum-by", required_argument, NULL, LO_SUM_BY }, OPT_CSV, PARSED },
    { { "delimiter", required_argument, NULL, LO_DELIMITER }, OPT_CSV, PARSED },
    { { "decimal-comma", no_argument, NULL, LO_DECIMAL_COMMA }, OPT_CSV, PARSED },
    { { "decimal-point", no_argument, NULL, LO_DECIMAL_POINT }, OPT_CSV, PARSED },
    { { "encoding", required_argument, NULL, LO_ENCODING }, OPT_CSV, PARSED },
    { { "na", required_argument, NULL, LO_NA }, OPT_CSV, PARSED },
    { { "date-order", required_argument, NULL, LO_DATE_ORDER }, OPT_CSV, PARSED },
    { { "confidence", required_argument, NULL, LO_CONFIDENCE }, OPT_CONFIDENCE, PARSED },
    { { "values", no_argument, NULL, LO_VALUES }, OPT_VALUES, FLAG(values) },
    { { "sort", required_argument, NULL, LO_SORT }, OPT_SORT, TEXT(sort) },
    { { "currency", required_argument, NULL, LO_CURRENCY }, OPT_CURRENCY, TEXT(currency) },
    { { "rates", required_argument, NULL, LO_RATES }, OPT_CURRENCY, TEXT(rates) },
    { { "price-year", required_argument, NULL, LO_PRICE_YEAR }, OPT_CURRENCY, PARSED },
    { { "deflator", required_argument, NULL, LO_DEFLATOR }, OPT_CURRENCY, TEXT(deflator) },
    { { "strict", no_argument, NULL, LO_STRICT }, OPT_STRICT, FLAG(strict) },
    { { "columns", required_argument, NULL, 'c' }, OPT_DESCRIBE, TEXT(columns) },
    { { "percentiles", required_argument, NULL, LO_PERCENTILES }, OPT_DESCRIBE, TEXT(percentiles) },
    { { "quantile-type", required_argument, NULL, LO_QUANTILE_TYPE }, OPT_DESCRIBE, PARSED },
    { { "stats", required_argument, NULL, LO_STATS }, OPT_DESCRIBE, TEXT(stats) },
    { { "weight", required_argument, NULL, LO_WEIGHT }, OPT_DESCRIBE, TEXT(weight) },
    { { "partial", no_argument, NULL, LO_PARTIAL }, OPT_DESCRIBE, FLAG(partial) },
    { { "outcome", required_argument, NULL, LO_OUTCOME }, OPT_COMPARE | OPT_PLOT | OPT_MODEL | OPT_META, TEXT(outcome) },
    { { "value", required_argument, NULL, LO_VALUE }, OPT_COMPARE | OPT_PLOT, TEXT(value) },
    { { "funnel", no_argument, NULL, LO_FUNNEL }, OPT_COMPARE, FLAG(funnel) },
    { { "ratio", required_argument, NULL, LO_RATIO }, OPT_COMPARE, TEXT(ratio) },
    { { "bootstrap", required_argument, NULL, LO_BOOTSTRAP }, OPT_COMPARE, PARSED },
    { { "seed", required_argument, NULL, LO_SEED }, OPT_COMPARE, PARSED },
    { { "from", required_argument, NULL, LO_FROM }, OPT_RETENTION, TEXT(from) },
    { { "to", required_argument, NULL, LO_TO }, OPT_RETENTION, TEXT(to) },
    { { "censor", required_argument, NULL, LO_CENSOR }, OPT_RETENTION, TEXT(censor) },
    { { "censor-date", required_argument, NULL, LO_CENSOR_DATE }, OPT_RETENTION, TEXT(censor_date) },
    { { "time", required_argument, NULL, LO_TIME }, OPT_RETENTION, TEXT(time_col) },
    { { "event", required_argument, NULL, LO_EVENT }, OPT_RETENTION, TEXT(event_col) },
    { { "at", required_argument, NULL, LO_AT }, OPT_RETENTION, TEXT(at) },
    { { "conf-type", required_argument, NULL, LO_CONF_TYPE }, OPT_RETENTION, TEXT(conf_type) },
    { { "rho", required_argument, NULL, LO_RHO }, OPT_RETENTION, PARSED },
    { { "steps", no_argument, NULL, LO_STEPS }, OPT_RETENTION, FLAG(steps) },
    { { "rmst", required_argument, NULL, LO_RMST }, OPT_RETENTION, PARSED },
    { { "quantiles", required_argument, NULL, LO_QUANTILES }, OPT_RETENTION, TEXT(quantiles) },
    { { "interval", required_argument, NULL, LO_INTERVAL }, OPT_COMPARE, TEXT(interval) },
    { { "adjust", required_argument, NULL, LO_ADJUST }, OPT_COMPARE | OPT_CASEMIX, TEXT(adjust) },
    { { "pairwise", required_argument, NULL, LO_PAIRWISE }, OPT_COMPARE, PARSED },
    { { "kpi", required_argument, NULL, LO_KPI }, OPT_PLOT, TEXT(kpi) },
    { { "reference", required_argument, NULL, LO_REFERENCE }, OPT_PLOT, TEXT(reference) },
    { { "x", required_argument, NULL, LO_X }, OPT_PLOT, TEXT(x) },
    { { "y", required_argument, NULL, LO_Y }, OPT_PLOT, TEXT(y) },
    { { "label", required_argument, NULL, LO_LABEL }, OPT_PLOT, TEXT(label) },
    { { "top", required_argument, NULL, LO_TOP }, OPT_PLOT, PARSED },
    { { "bins", required_argument, NULL, LO_BINS }, OPT_PLOT, TEXT(bins) },
    { { "amounts", no_argument, NULL, LO_AMOUNTS }, OPT_PLOT, FLAG(amounts) },
    { { "width", required_argument, NULL, LO_WIDTH }, OPT_PLOT, PARSED },
    { { "height", required_argument, NULL, LO_HEIGHT }, OPT_PLOT, PARSED },
    { { "dpi", required_argument, NULL, LO_DPI }, OPT_PLOT, PARSED },
    { { "locale", required_argument, NULL, LO_LOCALE }, OPT_PLOT, PARSED },
    { { "title", required_argument, NULL, LO_TITLE }, OPT_PLOT, TEXT(title) },
    { { "subtitle", required_argument, NULL, LO_SUBTITLE }, OPT_PLOT, TEXT(subtitle) },
    { { "caption", required_argument, NULL, LO_CAPTION }, OPT_PLOT, TEXT(caption) },
    { { "keep-going", no_argument, NULL, LO_KEEP_GOING }, OPT_BATCH, FLAG(keep_going) },
    { { "predictors", required_argument, NULL, LO_PREDICTORS }, OPT_MODEL, TEXT(predictors) },
    { { "family", required_argument, NULL, LO_FAMILY }, OPT_MODEL, TEXT(family) },
    { { "ref", required_argument, NULL, LO_REF }, OPT_MODEL | OPT_CASEMIX, PARSED },
    { { "robust", no_argument, NULL, LO_ROBUST }, OPT_MODEL, FLAG(robust) },
    { { "cluster", required_argument, NULL, LO_CLUSTER }, OPT_MODEL, TEXT(cluster) },
    { { "case-mix", required_argument, NULL, LO_CASE_MIX }, OPT_CASEMIX, TEXT(case_mix) },
    { { "overdispersion", required_argument, NULL, LO_OVERDISPERSION }, OPT_CASEMIX, TEXT(overdispersion) },
    { { "events", required_argument, NULL, LO_EVENTS }, OPT_META, TEXT(events) },
    { { "n", required_argument, NULL, LO_N }, OPT_META, TEXT(n_column) },
    { { "estimate", required_argument, NULL, LO_ESTIMATE }, OPT_META, TEXT(estimate) },
    { { "se", required_argument, NULL, LO_SE }, OPT_META, TEXT(se) },
    { { "method", required_argument, NULL, LO_METHOD }, OPT_META, TEXT(method) },
    { { "knha", no_argument, NULL, LO_KNHA }, OPT_META, FLAG(knha) },
    { { "measure", required_argument, NULL, LO_MEASURE }, OPT_META, TEXT(measure) },
    { { "cox", required_argument, NULL, LO_COX }, OPT_RETENTION, TEXT(cox) },
    { { "strata", required_argument, NULL, LO_STRATA }, OPT_RETENTION, TEXT(strata) },
    { { "meta", no_argument, NULL, LO_META }, OPT_PLOT, FLAG(meta) },
    { { "quiet", no_argument, NULL, 'q' }, OPT_QUIET, FLAG(quiet) },
    { { "help", no_argument, NULL, 'h' }, 0, PARSED },
};
#define N_OPTIONS (sizeof option_table / sizeof *option_table)

/* "effekt CMD: error: " and the message, without its end of line. */
static void usage_say(const char *cmd, const char *fmt, va_list ap)
{
    cli_progress_erase();
    fprintf(stderr, "effekt %s: error: ", cmd);
    vfprintf(stderr, fmt, ap);
}

void cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    usage_say(cmd, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* An option's value as a whole number in [lo, hi] into *out: 1, else 0
 * (not a number, text after it, out of range). */
static int whole_in(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

/* An option's value as a number in [lo, hi] (an end excluded when open)
 * into *out: 1, else 0 (NaN is in no range). */
static int number_in(const char *s, double lo, int lo_open, double hi, int hi_open, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (*end || !(lo_open ? v > lo : v >= lo) || !(hi_open ? v < hi : v <= hi))
        return 0;
    *out = v;
    return 1;
}

static int bad_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    usage_say(cmd, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'effekt %s --help'.\n", cmd);
    return EXIT_BAD;
}

int cli_parse(int argc, char **argv, unsigned accepted, const char *usage, cli_options *o)
{
    memset(o, 0, sizeof *o);
    o->confidence = 0.95;
    const char *cmd = argv[0];
    struct option longopts[N_OPTIONS + 1];
    for (size_t i = 0; i < N_OPTIONS; i++)
        longopts[i] = option_table[i].opt;
    memset(&longopts[N_OPTIONS], 0, sizeof longopts[N_OPTIONS]);
    size_t n_map = 0;
    optind = 0;   /* 0, not 1: GNU getopt then forgets the previous vector (report parses many) */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:o:g:c:qh", longopts, NULL)) != -1) {
        if (c == '?')
            return bad_usage(cmd, "unknown option '%s'", argv[optind - 1]);
        if (c == ':')
            return bad_usage(cmd, "option '%s' needs a value", argv[optind - 1]);
        size_t k = 0;
        while (k < N_OPTIONS && option_table[k].opt.val != c)
            k++;
        if (k < N_OPTIONS && option_table[k].group && !(option_table[k].group & accepted))
            return bad_usage(cmd, "option --%s does not apply to this command", option_table[k].opt.name);
        if (k < N_OPTIONS && option_table[k].set == SET_TEXT) {
            *(const char **)(void *)((char *)o + option_table[k].field) = optarg;
            continue;
        }
        if (k < N_OPTIONS && option_table[k].set == SET_FLAG) {
            *(int *)(void *)((char *)o + option_table[k].field) = 1;
            continue;
        }
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            return -1;
        case 'f':
            if (effekt_format_parse(optarg, &o->format) != EFFEKT_OK)
                return bad_usage(cmd, "unknown format '%s' (expected table, csv or json)", optarg);
            break;
        case LO_MAP:
            if (n_map == sizeof o->maps / sizeof *o->maps)
                return bad_usage(cmd, "too many --map options");
            if (effekt_csv_mapping_parse(optarg, &o->maps[n_map]) != EFFEKT_OK)
                return bad_usage(cmd, "--map expects CANONICAL=Source Heading with a canonical "
                                      "column name (got '%s')", optarg);
            n_map++;
            break;
        case LO_DELIMITER:
            if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\\t") == 0 || strcmp(optarg, "\t") == 0)
                o->csv.delimiter = '\t';
            else if (strlen(optarg) == 1 && strchr(",;|", optarg[0]))
                o->csv.delimiter = optarg[0];
            else
                return bad_usage(cmd, "--delimiter expects ',', ';', '|' or 'tab' (got '%s')", optarg);
            break;
        case LO_DECIMAL_COMMA: o->csv.decimal_mark = ','; break;
        case LO_DECIMAL_POINT: o->csv.decimal_mark = '.'; break;
        case LO_ENCODING:
            if (effekt_csv_encoding_parse(optarg, &o->csv.encoding) != EFFEKT_OK)
                return bad_usage(cmd, "unknown encoding '%s' (expected a name iconv knows, as "
                                      "utf-8, windows-1250, windows-1252, iso-8859-2, utf-16le, or "
                                      "auto; `iconv -l` lists them)", optarg);
            o->csv.encoding_name = optarg;
            break;
        case LO_SUM_BY:
            o->csv.sum_by = optarg;
            break;
        case LO_DATE_ORDER:
            if (effekt_csv_date_order_parse(optarg, &o->csv.date_order) != EFFEKT_OK)
                return bad_usage(cmd, "--date-order expects dmy, mdy or ymd (got '%s')", optarg);
            break;
        case LO_NA: {
            size_t n = 0;
            for (char *tok = strtok(optarg, ","); tok; tok = strtok(NULL, ",")) {
                if (n == sizeof o->na / sizeof *o->na)
                    return bad_usage(cmd, "too many --na tokens");
                o->na[n++] = tok;
            }
            o->csv.na_tokens = o->na;
            o->csv.n_na_tokens = n;
            break;
        }
        case LO_CONFIDENCE:
            if (!number_in(optarg, 0, 1, 1, 1, &o->confidence))
                return bad_usage(cmd, "--confidence expects a level between 0 and 1, such as 0.95 (got '%s')", optarg);
            break;
        case LO_PRICE_YEAR:
            if (!whole_in(optarg, 1900, 2200, &o->price_year))
                return bad_usage(cmd, "--price-year expects a year such as 2020 (got '%s')", optarg);
            break;
        case LO_RMST:
            if (!number_in(optarg, 0, 1, INFINITY, 0, &o->rmst))
                return bad_usage(cmd, "--rmst expects a horizon in days above 0, e.g. 365 (got '%s')", optarg);
            break;
        case LO_RHO:
            if (!number_in(optarg, 0, 0, 10, 0, &o->rho))
                return bad_usage(cmd, "--rho expects a number from 0 (log-rank) to 10; 1 is Peto-Peto (got '%s')", optarg);
            break;
        case LO_BOOTSTRAP:
            if (!whole_in(optarg, 100, 10000000, &o->bootstrap))
                return bad_usage(cmd, "--bootstrap expects a number of resamples from 100 to 10000000 (got '%s')", optarg);
            break;
        case LO_SEED: {
            /* strtoull takes "-1" as 2^64-1 and clamps what is above
             * 2^64-1: a recorded seed must give back the run, so only
             * digits, and no overflow */
            char *end;
            errno = 0;
            unsigned long long v = optarg[0] >= '0' && optarg[0] <= '9' ? strtoull(optarg, &end, 10) : 0;
            if (!(optarg[0] >= '0' && optarg[0] <= '9') || *end || errno == ERANGE)
                return bad_usage(cmd, "--seed expects a whole number from 0 to 18446744073709551615 (got '%s')", optarg);
            o->seed = v;
            o->seed_given = 1;
            break;
        }
        case LO_PAIRWISE: {
            /* a number of groups: the pairs grow as its square */
            char *end;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (strcmp(optarg, "all") == 0)
                o->pairwise = SIZE_MAX;
            else if (strcmp(optarg, "none") == 0)
                o->pairwise = 0;
            else if (!*optarg || *end || *optarg == '-' || v >= SIZE_MAX)
                return bad_usage(cmd, "--pairwise expects all, none or a number of groups (got '%s')", optarg);
            else
                o->pairwise = (size_t)v;
            o->pairwise_given = 1;
            break;
        }
        case LO_QUANTILE_TYPE: {
            long t;
            if (!whole_in(optarg, 1, 9, &t))
                return bad_usage(cmd, "--quantile-type expects 1 to 9 (R's types; 7 is the default) (got '%s')", optarg);
            o->quantile_type = (int)t;
            break;
        }
        case LO_TOP: {
            long v;
            if (!whole_in(optarg, 1, 100000, &v))
                return bad_usage(cmd, "--top expects a number of rows from 1 to 100000 (got '%s')", optarg);
            o->top = (size_t)v;
            break;
        }
        case LO_WIDTH:
        case LO_HEIGHT: {
            /* 170mm, 6.5in or 1200px (at --dpi, default 150) */
            char *end;
            double v = strtod(optarg, &end);
            double f = strcmp(end, "mm") == 0 ? 1 : strcmp(end, "cm") == 0 ? 10 : strcmp(end, "in") == 0 ? 25.4
                     : strcmp(end, "px") == 0 ? -1 : 0;
            if (f == 0 || !(v > 0 && v < 100000))
                return bad_usage(cmd, "--%s expects a length such as 170mm, 16cm, 6.5in or 1000px (got '%s')",
                                 c == LO_WIDTH ? "width" : "height", optarg);
            /* pixels are kept negative until the dpi is known */
            double mm = f < 0 ? -v : v * f;
            if (c == LO_WIDTH)
                o->width_mm = mm;
            else
                o->height_mm = mm;
            break;
        }
        case LO_DPI:
            if (!number_in(optarg, 10, 0, 2400, 0, &o->dpi))
                return bad_usage(cmd, "--dpi expects 10 to 2400 (got '%s')", optarg);
            break;
        case LO_LOCALE:
            if (!effekt_locale_find(optarg)) {
                char names[256];
                return bad_usage(cmd, "--locale: no locale '%s' (expected %s)", optarg,
                                 cli_locale_names(names, sizeof names));
            }
            o->locale = optarg;
            break;
        case LO_REF:
            if (o->n_refs == sizeof o->refs / sizeof *o->refs)
                return bad_usage(cmd, "too many --ref options");
            if (!strchr(optarg, '=') || optarg[0] == '=')
                return bad_usage(cmd, "--ref expects COLUMN=LEVEL, e.g. education=primary (got '%s')", optarg);
            o->refs[o->n_refs++] = optarg;
            break;
        default:
            return bad_usage(cmd, "unexpected option");
        }
    }
    double dpi = o->dpi > 0 ? o->dpi : 150;
    if (o->width_mm < 0)
        o->width_mm = -o->width_mm / dpi * 25.4;
    if (o->height_mm < 0)
        o->height_mm = -o->height_mm / dpi * 25.4;
    o->csv.map = o->maps;
    o->csv.n_map = n_map;
    o->inputs = argv + optind;
    o->n_inputs = (size_t)(argc - optind);
    if (o->n_inputs == 0)
        return bad_usage(cmd, "no input file (give one or more CSV files, or - for standard input)");
    size_t n_stdin = 0;
    for (size_t i = 0; i < o->n_inputs; i++)
        n_stdin += strcmp(o->inputs[i], "-") == 0;
    if (n_stdin > 1)
        return bad_usage(cmd, "standard input ('-') can be read only once");
    if (o->output) {
        if (!*o->output) {
            cli_error("-o '': error: the output path is empty (expected a file name, or - for standard output)");
            return EXIT_BAD;
        }
        /* every file this command reads, whatever option named it */
        cli_input *in = malloc((o->n_inputs + 2) * sizeof *in);
        if (!in) {
            cli_error("%s: error: out of memory", o->output);
            return EXIT_BAD;
        }
        size_t n_in = 0;
        for (size_t i = 0; i < o->n_inputs; i++)
            in[n_in++] = (cli_input){ o->inputs[i], NULL };
        if (o->rates)
            in[n_in++] = (cli_input){ o->rates, "--rates" };
        if (o->deflator)
            in[n_in++] = (cli_input){ o->deflator, "--deflator" };
        int clash = cli_output_clash(o->output, NULL, in, n_in);
        free(in);
        if (clash)
            return EXIT_BAD;
    }
    return 0;
}

/* The file a path names for reading ("-": standard input), following
 * symbolic links; 0 when there is none. */
static int input_stat(const char *path, struct stat *st)
{
    return strcmp(path, "-") == 0 ? fstat(STDIN_FILENO, st) == 0 : stat(path, st) == 0;
}

int cli_output_clash(const char *output, const char *written_by, const cli_input *in, size_t n)
{
    struct stat out;
    /* an output that does not exist yet replaces nothing; a terminal or
     * /dev/null is written, never replaced, so reading it too harms nothing */
    if (!output || strcmp(output, "-") == 0 || stat(output, &out) != 0 || S_ISCHR(out.st_mode))
        return 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (!in[i].path || !input_stat(in[i].path, &st) || st.st_dev != out.st_dev || st.st_ino != out.st_ino)
            continue;
        const char *how = written_by ? written_by : "-o names";
        const char *via = in[i].via ? in[i].via : "an input file";
        if (strcmp(in[i].path, "-") == 0)
            cli_error("%s: error: %s an input (standard input reads this file); refusing to overwrite it", output, how);
        else if (strcmp(in[i].path, output) == 0)
            cli_error("%s: error: %s an input (%s); refusing to overwrite it", output, how, via);
        else
            cli_error("%s: error: %s an input (%s %s, the same file by another name); refusing to overwrite it",
                      output, how, via, in[i].path);
        return 1;
    }
    return 0;
}

static const char *hint_advice(effekt_hint hint);

void cli_report(const effekt_diag *diag, int quiet)
{
    char buf[2048];
    if (diag->n)
        cli_progress_erase();
    for (size_t i = 0; i < diag->n; i++) {
        const effekt_diag_problem *p = &diag->items[i];
        if (quiet && p->severity == EFFEKT_NOTE)
            continue;
        effekt_diag_problem_format(p, buf, sizeof buf);
        const char *advice = hint_advice(p->hint);
        fprintf(stderr, "effekt: %s%s%s%s\n", buf, advice ? " (" : "", advice ? advice : "", advice ? ")" : "");
    }
    if (diag->dropped)
        fprintf(stderr, "effekt: ... and %zu more problems not shown\n", diag->dropped);
}

effekt_table *cli_load(const cli_options *o, const char *path, effekt_status *status)
{
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_table *t = NULL;
    effekt_csv_options csv = o->csv;
    csv.progress = cli_progress_reading();
    *status = effekt_csv_load_file(path, &csv, &t, &diag);
    cli_report(&diag, o->quiet);
    effekt_diag_clear(&diag);
    return t;
}

effekt_table *cli_load_table(const cli_options *o, const char *path)
{
    effekt_status st;
    effekt_table *t = cli_load(o, path, &st);
    if (st == EFFEKT_OK)
        return t;
    effekt_table_destroy(t);
    return NULL;
}

int cli_emit(const cli_options *o, const cJSON *doc, const effekt_output_sheet *sheets, size_t n_sheets)
{
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_output out;
    effekt_status st = effekt_output_open(&out, o->output, (const char *const *)o->inputs,
                                          o->n_inputs, &diag);
    if (st == EFFEKT_OK) {
        st = effekt_output_write(out.stream, cli_json_const(doc), o->format, sheets, n_sheets);
        if (st == EFFEKT_OK)
            st = effekt_output_commit(&out, &diag);
        else
            effekt_output_abort(&out);
    }
    if (st != EFFEKT_OK && diag.n == 0)
        effekt_diag_add(&diag, EFFEKT_ERROR, o->output ? o->output : "<stdout>", 0, 0, NULL, NULL,
                        "cannot write the output: %s", effekt_status_message(st));
    cli_report(&diag, 0);
    effekt_diag_clear(&diag);
    return st == EFFEKT_OK ? EXIT_OK : EXIT_BAD;
}

int cli_numbers(const char *text, double min, double max, int open, double **out, size_t *n)
{
    /* as many numbers as there are commas and one: no fixed buffer, no
     * limit but memory, nothing cut off */
    size_t cap = 1;
    for (const char *p = text; *p; p++)
        cap += *p == ',';
    *n = 0;
    *out = malloc(cap * sizeof **out);
    if (!*out)
        return -1;
    const char *p = text;
    for (;;) {
        char *end;
        double d = strtod(p, &end);
        int inside = open ? (d > min && d < max) : (d >= min && d <= max);
        if (end == p || (*end != ',' && *end != '\0') || !isfinite(d) || !inside) {
            free(*out);
            *out = NULL;
            *n = 0;
            return -1;   /* an empty item, a word, or out of range */
        }
        (*out)[(*n)++] = d;
        if (!*end)
            return 0;
        p = end + 1;
    }
}

cJSON *cli_read_json(const char *path)
{
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_json *doc = NULL;
    effekt_json_read(path, &doc, &diag);
    cli_report(&diag, 0);
    effekt_diag_clear(&diag);
    return cli_cjson(doc);
}

const char *cli_locale_names(char *buf, size_t size)
{
    size_t n = effekt_locale_count(), o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && o < size; i++) {
        int w = snprintf(buf + o, size - o, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", effekt_locale_at(i)->name);
        if (w < 0)
            break;
        o += (size_t)w;
    }
    return buf;
}

/* The flag of each option a library hint names; advice in brackets after
 * the message, roles before it.  Problems with a line are about a value
 * and need no flag. */
static const struct {
    const char *role;     /* "--by: ...", NULL */
    const char *advice;   /* "... (--pairwise none)", NULL */
} hint_words[] = {
    [EFFEKT_HINT_BY] = { "--by", NULL },
    [EFFEKT_HINT_OUTCOME] = { "--outcome", NULL },
    [EFFEKT_HINT_VALUE] = { "--value", NULL },
    [EFFEKT_HINT_RATIO] = { "--ratio", NULL },
    [EFFEKT_HINT_FROM] = { "--from", NULL },
    [EFFEKT_HINT_TO] = { "--to", NULL },
    [EFFEKT_HINT_CENSOR] = { "--censor", NULL },
    [EFFEKT_HINT_CENSOR_DATE] = { "--censor-date", NULL },
    [EFFEKT_HINT_TIME] = { "--time", NULL },
    [EFFEKT_HINT_EVENT] = { "--event", NULL },
    [EFFEKT_HINT_PAIRWISE_NONE] = { NULL, "--pairwise none" },
    [EFFEKT_HINT_PAIRWISE_LIMIT] = { NULL, "--pairwise all or N to change" },
    [EFFEKT_HINT_SUM_BY] = { NULL, "--sum-by COLUMN" },
};

static const char *hint_advice(effekt_hint hint)
{
    return (size_t)hint < sizeof hint_words / sizeof *hint_words ? hint_words[hint].advice : NULL;
}

void cli_problem_text(const effekt_diag_problem *p, char *buf, size_t size)
{
    const char *role = NULL, *advice = NULL;
    if ((size_t)p->hint < sizeof hint_words / sizeof *hint_words) {
        role = p->line ? NULL : hint_words[p->hint].role;
        advice = hint_words[p->hint].advice;
    }
    snprintf(buf, size, "%s%s%s%s%s%s", role ? role : "", role ? ": " : "", p->message ? p->message : "",
             advice ? " (" : "", advice ? advice : "", advice ? ")" : "");
}

void cli_say_problem(const char *path, const effekt_diag_problem *p)
{
    static const char *const label[] = { "note", "warning", "error" };
    char text[1024];
    cli_problem_text(p, text, sizeof text);
    cli_progress_erase();
    if (p->line && p->column)
        fprintf(stderr, "effekt: %s:%zu:%zu: %s: %s\n", path, p->line, p->column, label[p->severity], text);
    else if (p->line)
        fprintf(stderr, "effekt: %s:%zu: %s: %s\n", path, p->line, label[p->severity], text);
    else
        fprintf(stderr, "effekt: %s: %s: %s\n", path, label[p->severity], text);
}

void cli_spells_options(const cli_options *o, effekt_spells_options *so)
{
    *so = (effekt_spells_options){ .by = o->by, .from = o->from, .to = o->to, .censor = o->censor,
                                   .censor_date = o->censor_date, .time = o->time_col,
                                   .event = o->time_col ? o->event_col : NULL };
}

void cli_analysis_problems(const char *path, const effekt_diag *diag)
{
    for (size_t i = 0; i < diag->n; i++) {
        const effekt_diag_problem *p = &diag->items[i];
        if (p->severity != EFFEKT_ERROR)
            continue;
        cli_say_problem(path, p);
    }
}
