/* The grouped describe of a report's analysis, as effekt describe's rows:
 * the library's grouped describe (effekt/describe.h) with the statistics
 * that fit a page. */
#include "config.h"

#include "lib_json.h"

#include "effekt/describe.h"
#include "report_int.h"

effekt_status effekt_report_describe(const effekt_table *t, const char *const *columns, size_t n_columns, const char *by,
                              double confidence, cJSON *rows, effekt_diag *diag)
{
    effekt_describe_run_options o;
    effekt_describe_run_options_init(&o);
    o.columns = n_columns ? columns : NULL;
    o.n_columns = n_columns;
    o.by = by ? &by : NULL;
    o.n_by = by ? 1 : 0;
    o.confidence = confidence;
    o.stats = 1u << EFFEKT_DESCRIBE_N | 1u << EFFEKT_DESCRIBE_MISSING | 1u << EFFEKT_DESCRIBE_MEAN |
              1u << EFFEKT_DESCRIBE_SD | 1u << EFFEKT_DESCRIBE_CI | 1u << EFFEKT_DESCRIBE_Q1 |
              1u << EFFEKT_DESCRIBE_MEDIAN | 1u << EFFEKT_DESCRIBE_Q3;
    effekt_describe_result *r = NULL;
    effekt_status st = effekt_describe_run(t, &o, &r, diag);
    if (st == EFFEKT_OK)
        st = effekt_describe_json_rows(r, NULL, effekt_json_of(rows));
    effekt_describe_result_destroy(r);
    return st;
}
