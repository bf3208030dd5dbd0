/* effekt/report.h — an evaluation report from a spec: the spec read and
 * checked, the inputs loaded once, the analyses run, the content built
 * as an effekt_document (effekt/document.h) and written as PDF, HTML,
 * DOCX, CSV tables, charts and results.json.  No timestamp is written:
 * the same spec and inputs give the same bytes. */
#ifndef EFFEKT_REPORT_H
#define EFFEKT_REPORT_H

#include "effekt/export.h"

#include <stdio.h>

#include "effekt/chart.h"
#include "effekt/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- a report from a spec (src/lib/report/) ----
 *
 *     effekt_report_spec *spec;     effekt_report *r;
 *     if (effekt_report_spec_read("spec.json", &spec, &diag) == EFFEKT_OK) {
 *         if (effekt_report_run(spec, &r, &diag) == EFFEKT_OK) {
 *             effekt_report_write(r, "out", &diag);
 *             effekt_report_destroy(r);
 *         }
 *         effekt_report_spec_destroy(spec);
 *     }
 *
 * The spec's keys are documented in datasets/README.md.  Problems go to
 * diag: a mistake of the spec with the spec's file and a message that
 * starts with its JSON path ("analyses[1].by: expected a string"); a
 * problem of an analysis or chart names its path and key too
 * ("analyses[0].by: no column 'x' in p.csv"), never a command-line flag;
 * a bad value in the data keeps its file, line and column. */
typedef struct effekt_report_spec effekt_report_spec;
typedef struct effekt_report effekt_report;

/* Read and check the spec at path.  Nothing is loaded.  EFFEKT_EIO (not
 * readable), EFFEKT_EPARSE (not JSON: the line and column), EFFEKT_EINVAL
 * (every mistake in diag), EFFEKT_ENOMEM.  *out is the caller's
 * (effekt_report_spec_destroy); NULL on failure. */
EFFEKT_API effekt_status effekt_report_spec_read(const char *path, effekt_report_spec **out, effekt_diag *diag);
/* The same from the NUL-terminated text of a spec; path names it in
 * messages, and its folder is where the inputs' relative paths start. */
EFFEKT_API effekt_status effekt_report_spec_parse(const char *path, const char *text, effekt_report_spec **out,
                                                  effekt_diag *diag);
EFFEKT_API void effekt_report_spec_destroy(effekt_report_spec *spec);

/* The inputs the spec names (their name, and their path: relative to the
 * spec's folder), and the files a run writes (relative to OUT_DIR, in the
 * order it writes them): for a caller that checks before running that
 * none of them is an input.  Strings owned by the spec. */
EFFEKT_API size_t effekt_report_spec_inputs(const effekt_report_spec *spec);
EFFEKT_API const char *effekt_report_spec_input_name(const effekt_report_spec *spec, size_t i);
EFFEKT_API const char *effekt_report_spec_input_path(const effekt_report_spec *spec, size_t i);
EFFEKT_API size_t effekt_report_spec_files(const effekt_report_spec *spec);
EFFEKT_API const char *effekt_report_spec_file(const effekt_report_spec *spec, size_t i);

/* Run it: each input loaded once, the KPIs, analyses and charts, the
 * document laid out; every file of the report made in memory, nothing
 * written.  Notes and warnings go to diag too.  *out is the caller's
 * (effekt_report_destroy); NULL on failure. */
EFFEKT_API effekt_status effekt_report_run(const effekt_report_spec *spec, effekt_report **out, effekt_diag *diag);
EFFEKT_API void effekt_report_destroy(effekt_report *report);

/* The number of charts of a run. */
EFFEKT_API size_t effekt_report_charts(const effekt_report *report);

/* Write the report's files into dir (made when missing): first into a
 * new folder beside it, then moved into place; on failure nothing is
 * left (EFFEKT_EIO, the message in diag). */
EFFEKT_API effekt_status effekt_report_write(const effekt_report *report, const char *dir, effekt_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
