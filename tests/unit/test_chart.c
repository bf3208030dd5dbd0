/* Check suite for charts: the numbers charts show (R's pretty() and
 * hist(), NIST's Norris regression, predict.lm's band, box-plot hinges by
 * hand) and the drawings themselves: what was drawn where (the scene),
 * the SVG's bars, the PNG's pixels, a reviewed golden SVG, and identical
 * bytes for identical charts. */
#include "config.h"

#include <cairo.h>
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/chart.h"
#include "effekt/csv.h"
#include "effekt/kpi.h"

#define NEAR(a, b, tol) \
    ck_assert_msg(fabs((double)(a) - (double)(b)) <= (tol) * fmax(fabs((double)(b)), 1e-300), #a " = %.17g, want %.17g", (double)(a), (double)(b))

static char *data_path(const char *name)
{
    const char *srcdir = getenv("srcdir");
    static char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/%s", srcdir ? srcdir : ".", name);
    return path;
}

/* ---- numbers ---- */

START_TEST(test_locale_format)
{
    char buf[64];
    const effekt_locale *en = effekt_locale_find("en"), *da = effekt_locale_find("da");
    ck_assert_ptr_nonnull(en);
    ck_assert_ptr_nonnull(da);
    ck_assert_ptr_null(effekt_locale_find("fr"));
    ck_assert_str_eq(effekt_locale_format(en, 3690661, 0, buf, sizeof buf), "3,690,661");
    ck_assert_str_eq(effekt_locale_format(da, 3690661, 0, buf, sizeof buf), "3.690.661");
    ck_assert_str_eq(effekt_locale_format(da, 1234.5, 1, buf, sizeof buf), "1.234,5");
    ck_assert_str_eq(effekt_locale_format(en, 999.96, 1, buf, sizeof buf), "1,000.0");
    ck_assert_str_eq(effekt_locale_format(en, 100, 0, buf, sizeof buf), "100");
    ck_assert_str_eq(effekt_locale_format(en, -1234567.891, 2, buf, sizeof buf), "\u22121,234,567.89");
    ck_assert_str_eq(effekt_locale_format(en, -0.0, 0, buf, sizeof buf), "0");
    ck_assert_str_eq(effekt_locale_format(en, -0.004, 2, buf, sizeof buf), "0.00");   /* rounds to zero: no sign */
    ck_assert_str_eq(effekt_locale_format(en, NAN, 2, buf, sizeof buf), "\u2013");
}
END_TEST

/* R 4.2.2:
 *   pretty(c(0, 1463), 5)        # 0 500 1000 1500
 *   pretty(c(0.0123, 0.0871), 5) # 0 0.02 0.04 0.06 0.08 0.10
 *   pretty(c(-3.2, 118), 5)      # -20 0 20 ... 120
 *   pretty(c(5, 5), 5)           # 0 5 */
START_TEST(test_pretty_r)
{
    static const struct { double lo, hi, first, step; size_t n; } cases[] = {
        { 0, 1463, 0, 500, 3 },
        { 0.0123, 0.0871, 0, 0.02, 5 },
        { -3.2, 118, -20, 20, 7 },
        { 5, 5, 0, 5, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double first, step;
        size_t n;
        effekt_pretty(cases[i].lo, cases[i].hi, 5, &first, &step, &n);
        NEAR(first, cases[i].first, 1e-12);
        NEAR(step, cases[i].step, 1e-12);
        ck_assert_uint_eq(n, cases[i].n);
    }
}
END_TEST

/* R 4.2.2:
 *   x <- c(2.3, 5.1, 5.1, 7.8, 9.0, 10.0, 10.0, 11.2, 12.5, 14.9, 15.0, 15.0,
 *          18.3, 20.0, 21.7, 25.0, 33.3, 40.1, 41.0, 60.2)
 *   h <- hist(x, breaks = "Sturges", plot = FALSE)  # also "Scott", "FD"
 *   h$breaks; h$counts
 * Sturges and FD: breaks 0, 10, ..., 70, counts 7 7 2 1 2 0 1 (10 and 20
 * fall in the interval they close); Scott: 0, 20, ..., 80, counts 14 3 2 1. */
START_TEST(test_histogram_r)
{
    static const double x[] = { 2.3, 5.1, 5.1, 7.8, 9.0, 10.0, 10.0, 11.2, 12.5, 14.9,
                                15.0, 15.0, 18.3, 20.0, 21.7, 25.0, 33.3, 40.1, 41.0, 60.2, NAN };
    static const double sturges[] = { 7, 7, 2, 1, 2, 0, 1 }, scott[] = { 14, 3, 2, 1 };
    static const struct { effekt_histogram_rule rule; double width; const double *counts; size_t n; } cases[] = {
        { EFFEKT_HISTOGRAM_STURGES, 10, sturges, 7 },
        { EFFEKT_HISTOGRAM_FD, 10, sturges, 7 },
        { EFFEKT_HISTOGRAM_SCOTT, 20, scott, 4 },
    };
    for (size_t i = 0; i < 3; i++) {
        double *b, *c;
        size_t k;
        ck_assert_int_eq(effekt_histogram_compute(x, 21, cases[i].rule, &b, &c, &k), EFFEKT_OK);
        ck_assert_uint_eq(k, cases[i].n);
        for (size_t j = 0; j <= k; j++)
            NEAR(b[j], cases[i].width * (double)j, 1e-12);
        for (size_t j = 0; j < k; j++)
            ck_assert_msg(c[j] == cases[i].counts[j], "rule %d bin %zu: %g, want %g", (int)cases[i].rule, j, c[j],
                          cases[i].counts[j]);
        free(b);
        free(c);
    }
    double *b, *c;
    size_t k;
    ck_assert_int_eq(effekt_histogram_compute(x + 20, 1, EFFEKT_HISTOGRAM_STURGES, &b, &c, &k), EFFEKT_EUNDEF);
    effekt_histogram_rule r;
    ck_assert_int_eq(effekt_histogram_rule_parse("FD", &r), EFFEKT_OK);
    ck_assert_int_eq(r, EFFEKT_HISTOGRAM_FD);
    ck_assert_int_eq(effekt_histogram_rule_parse("doane", &r), EFFEKT_EINVAL);
}
END_TEST

/* NIST StRD Norris: certified B0 -0.262323073774029, B1 1.00211681802045,
 * residual SD 0.884796396144373, R^2 0.999993745883712.  Tolerance 1e-9
 * relative (an "average difficulty" set; GSL's centred sums reach 12+
 * digits). */
START_TEST(test_ols_norris)
{
    effekt_table *t = NULL;
    effekt_csv_options o = { 0 };
    ck_assert_int_eq(effekt_csv_load_file(data_path("nist/Norris.csv"), &o, &t, NULL), EFFEKT_OK);
    const effekt_column *x = effekt_table_column(t, "x"), *y = effekt_table_column(t, "y");
    ck_assert_uint_eq(t->n_rows, 36);
    effekt_ols fit;
    ck_assert_int_eq(effekt_ols_fit(x->values, y->values, t->n_rows, &fit), EFFEKT_OK);
    NEAR(fit.intercept, -0.262323073774029, 1e-9);
    NEAR(fit.slope, 1.00211681802045, 1e-9);
    NEAR(fit.sigma, 0.884796396144373, 1e-9);
    NEAR(fit.r_squared, 0.999993745883712, 1e-9);
    NEAR(sqrt(fit.cov00), 0.232818234301152, 1e-9);
    NEAR(sqrt(fit.cov11), 0.429796848199937E-03, 1e-9);
    effekt_table_destroy(t);
}
END_TEST

/* R 4.2.2:
 *   xs <- 1:8; ys <- c(2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1)
 *   predict(lm(ys ~ xs), data.frame(xs = c(0, 4.5, 10)),
 *           interval = "confidence", level = 0.95)
 * Tolerance 1e-12 relative (1e-9 for the fit near 0, where it is the
 * difference of two numbers near 2). */
START_TEST(test_ols_band_r)
{
    static const double xs[] = { 1, 2, 3, 4, 5, 6, 7, 8, NAN }, ys[] = { 2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 1 };
    static const double grid[] = { 0, 4.5, 10 };
    static const double fit_r[] = { 0.035714285714286538, 9.025000000000000355, 20.011904761904762751 };
    static const double lwr_r[] = { -0.307796320489058972, 8.869134602185530625, 19.606597638056069144 };
    static const double upr_r[] = { 0.379224891917632034, 9.180865397814470086, 20.417211885753456357 };
    effekt_ols fit;
    ck_assert_int_eq(effekt_ols_fit(xs, ys, 9, &fit), EFFEKT_OK);   /* the NaN pair is left out */
    ck_assert_uint_eq(fit.n, 8);
    NEAR(fit.r_squared, 0.99883928660113874, 1e-12);
    NEAR(fit.sigma, 0.18016747059421578, 1e-12);
    double f[3], lo[3], hi[3];
    effekt_ols_band(&fit, grid, 3, 0.95, f, lo, hi);
    for (size_t j = 0; j < 3; j++) {
        NEAR(f[j], fit_r[j], 1e-9);
        NEAR(lo[j], lwr_r[j], 1e-12);
        NEAR(hi[j], upr_r[j], 1e-12);
    }
    ck_assert_int_eq(effekt_ols_fit(xs, ys, 2, &fit), EFFEKT_EUNDEF);   /* a line needs 3 points for a band */
}
END_TEST

/* By hand: 1..10 and 30.  Type 7 quartiles of 11 values sit at ranks 3.5
 * and 8.5: Q1 = 3.5, median 6, Q3 = 8.5, IQR 5; the upper fence 8.5 + 7.5
 * = 16 leaves 30 out, so the upper whisker ends at 10; the lower at 1. */
START_TEST(test_box_hand)
{
    static const double v[] = { 30, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NAN };
    effekt_boxplot_stats b;
    ck_assert_int_eq(effekt_boxplot_compute(v, 12, &b), EFFEKT_OK);
    ck_assert_uint_eq(b.n, 11);
    NEAR(b.q1, 3.5, 0);
    NEAR(b.median, 6, 0);
    NEAR(b.q3, 8.5, 0);
    NEAR(b.whisker_low, 1, 0);
    NEAR(b.whisker_high, 10, 0);
    ck_assert_int_eq(effekt_boxplot_compute(v + 11, 1, &b), EFFEKT_EUNDEF);
}
END_TEST

/* ---- drawings ---- */

/* The bar chart of cost per job of tests/data/nordic_projects.csv:
 * OST 3,690,661 / 15 = 246,044.07, AEB 2,000,000 / 10 = 200,000, ABE
 * undefined (0 jobs), ORE undefined (jobs not reported). */
typedef struct {
    effekt_table *table;
    effekt_kpi_sheet *sheet;
    effekt_chart_item items[4];
    effekt_kpi_value figures[4];   /* the items' reasons point into these */
    effekt_chart chart;
} bar_fixture;

static void bar_setup(bar_fixture *f)
{
    memset(f, 0, sizeof *f);
    effekt_csv_options o = { 0 };
    ck_assert_int_eq(effekt_csv_load_file(data_path("nordic_projects.csv"), &o, &f->table, NULL), EFFEKT_OK);
    effekt_kpi_options ko = { .confidence = 0.95 };
    ck_assert_int_eq(effekt_kpi_compute(f->table, &ko, &f->sheet, NULL), EFFEKT_OK);
    size_t k = (size_t)(effekt_kpi_find("cost_per_job") - effekt_kpi_definitions());
    const effekt_column *name = effekt_table_column(f->table, "name");
    ck_assert_uint_eq(f->sheet->n_projects, 4);
    for (size_t r = 0; r < 4; r++) {
        f->figures[r] = effekt_kpi_figure(f->sheet, r, k);
        const effekt_kpi_value *fig = &f->figures[r];
        f->items[r] = (effekt_chart_item){ .label = name->text[r], .value = fig->value, .lower = NAN, .upper = NAN,
                                           .reason = fig->reason };
    }
    f->chart = (effekt_chart){ .kind = EFFEKT_CHART_BAR, .title = "Cost per job created",
                               .subtitle = "total cost / jobs created", .caption = "Source: nordic_projects.csv",
                               .x_label = "DKK per job", .reference = 220000, .reference_label = "target",
                               .sorted = 1, .items = f->items, .n_items = 4 };
}

static void bar_teardown(bar_fixture *f)
{
    effekt_kpi_sheet_destroy(f->sheet);
    effekt_table_destroy(f->table);
}

/* Render into memory. */
static char *render(const effekt_chart *ch, const effekt_chart_page *page, effekt_chart_format fmt, size_t *len,
                    effekt_chart_scene *scene)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    ck_assert_ptr_nonnull(f);
    effekt_diag diag;
    effekt_diag_init(&diag);
    effekt_status st = effekt_chart_render(ch, page, fmt, f, scene, &diag);
    ck_assert_msg(st == EFFEKT_OK, "render: %s", diag.n ? diag.items[0].message : effekt_status_message(st));
    effekt_diag_clear(&diag);
    fclose(f);
    return buf;
}

static const effekt_chart_mark *find_text(const effekt_chart_scene *s, const char *role, const char *text)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->marks[i].type == EFFEKT_CHART_MARK_TEXT && strcmp(s->marks[i].role, role) == 0 &&
            (!text || strcmp(s->marks[i].text, text) == 0))
            return &s->marks[i];
    return NULL;
}

START_TEST(test_bar_scene)
{
    bar_fixture f;
    bar_setup(&f);
    effekt_chart_scene s = { 0 };
    size_t len;
    free(render(&f.chart, NULL, EFFEKT_CHART_SVG, &len, &s));
    /* two bars, OST (item 1) above and longer than AEB (item 0) */
    const effekt_chart_mark *bars[2];
    size_t nb = 0;
    for (size_t i = 0; i < s.n; i++)
        if (s.marks[i].type == EFFEKT_CHART_MARK_BAR) {
            ck_assert_uint_lt(nb, 2);
            bars[nb++] = &s.marks[i];
        }
    ck_assert_uint_eq(nb, 2);
    ck_assert_uint_eq(bars[0]->item, 1);
    ck_assert_uint_eq(bars[1]->item, 0);
    ck_assert(bars[0]->y < bars[1]->y);
    /* bar lengths in proportion to the values, from the same zero */
    NEAR(bars[0]->x, bars[1]->x, 1e-12);
    NEAR(bars[0]->w / bars[1]->w, (3690661.0 / 15) / 200000.0, 1e-12);
    /* labels with Æ Ø Å Ö, the long one wrapped onto as many lines as it
     * needs and never cut (issue 16: nothing a person reads is cut) */
    ck_assert_ptr_nonnull(find_text(&s, "label", "Ærø Æblegård talentforløb"));
    ck_assert_ptr_nonnull(find_text(&s, "label", "Åbenrå åbne døre"));
    ck_assert_ptr_nonnull(find_text(&s, "label", "Örebro läns välkomstprogram"));
    size_t ost_lines = 0, cut = 0;
    char joined[512] = "";
    for (size_t i = 0; i < s.n; i++)
        if (s.marks[i].type == EFFEKT_CHART_MARK_TEXT && strcmp(s.marks[i].role, "label") == 0 && s.marks[i].item == 1) {
            ost_lines++;
            cut += strstr(s.marks[i].text, "\u2026") != NULL;
            snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s", ost_lines > 1 ? " " : "",
                     s.marks[i].text);
        }
    ck_assert_uint_gt(ost_lines, 2);
    ck_assert_uint_eq(cut, 0);
    ck_assert_str_eq(joined, "Østjysk Øresundsbro for internationale talenter med en meget lang projekttitel der skal ombrydes pænt");
    /* undefined values say why, and are not drawn as bars of zero */
    ck_assert_ptr_nonnull(find_text(&s, "undefined", "jobs_created is 0"));
    ck_assert_ptr_nonnull(find_text(&s, "undefined", "jobs_created not reported"));
    ck_assert_ptr_nonnull(find_text(&s, "value", "246,044"));
    ck_assert_ptr_nonnull(find_text(&s, "value", "200,000"));
    ck_assert_ptr_nonnull(find_text(&s, "reference", "target 220,000"));
    ck_assert_ptr_nonnull(find_text(&s, "title", "Cost per job created"));
    ck_assert_ptr_nonnull(find_text(&s, "caption", "Source: nordic_projects.csv"));
    /* no two texts overlap, and every text lies on the page */
    for (size_t i = 0; i < s.n; i++) {
        const effekt_chart_mark *a = &s.marks[i];
        if (a->type != EFFEKT_CHART_MARK_TEXT)
            continue;
        ck_assert_msg(a->x >= 0 && a->y >= 0 && a->x + a->w <= s.width && a->y + a->h <= s.height,
                      "'%s' leaves the page", a->text);
        for (size_t j = i + 1; j < s.n; j++) {
            const effekt_chart_mark *b = &s.marks[j];
            if (b->type != EFFEKT_CHART_MARK_TEXT)
                continue;
            int overlap = a->x < b->x + b->w - 0.01 && b->x < a->x + a->w - 0.01 && a->y < b->y + b->h - 0.01 &&
                          b->y < a->y + a->h - 0.01;
            ck_assert_msg(!overlap, "'%s' overlaps '%s'", a->text, b->text);
        }
    }
    effekt_chart_scene_clear(&s);
    bar_teardown(&f);
}
END_TEST

/* cairo writes a filled rectangle as a path "M x0 y0 L x1 y0 L x1 y1 L x0
 * y1 Z" with its fill colour in the style; Okabe-Ito blue #0072B2 is
 * rgb(0%,44.705882%,69.803922%). */
START_TEST(test_bar_svg)
{
    bar_fixture f;
    bar_setup(&f);
    size_t len;
    char *svg = render(&f.chart, NULL, EFFEKT_CHART_SVG, &len, NULL);
    const char *blue = "fill:rgb(0%,44.705882%,69.803922%);fill-opacity:1;\" d=\"M ";
    double x0[4], x1[4], y0[4];
    size_t n = 0;
    for (const char *p = strstr(svg, blue); p; p = strstr(p + 1, blue)) {
        ck_assert_uint_lt(n, 4);
        ck_assert_int_eq(sscanf(p + strlen(blue), "%lf %lf L %lf", &x0[n], &y0[n], &x1[n]), 3);
        n++;
    }
    ck_assert_uint_eq(n, 2);
    ck_assert(y0[0] < y0[1]);                       /* largest first */
    ck_assert(x1[0] - x0[0] > x1[1] - x0[1]);       /* and longest */
    ck_assert_ptr_nonnull(strstr(svg, "<svg"));
    ck_assert_ptr_nonnull(strstr(svg, "</svg>"));
    /* same chart, same bytes */
    size_t len2;
    char *again = render(&f.chart, NULL, EFFEKT_CHART_SVG, &len2, NULL);
    ck_assert_uint_eq(len, len2);
    ck_assert(memcmp(svg, again, len) == 0);
    free(again);
    free(svg);
    bar_teardown(&f);
}
END_TEST

/* The SVG without glyph outlines (the font's, not ours). */
static char *normalise_svg(const char *svg)
{
    size_t n = strlen(svg);
    char *out = malloc(n + 1), *o = out;
    const char *p = svg;
    while (*p) {
        if (strncmp(p, "<symbol", 7) == 0) {
            const char *end = strstr(p, "</symbol>");
            if (!end)
                break;
            p = end + 9;
            continue;
        }
        *o++ = *p++;
    }
    *o = '\0';
    return out;
}

START_TEST(test_bar_golden)
{
    bar_fixture f;
    bar_setup(&f);
    size_t len;
    char *svg = render(&f.chart, NULL, EFFEKT_CHART_SVG, &len, NULL);
    char *got = normalise_svg(svg);
    const char *path = data_path("golden/bar-nordic.svg");
    if (getenv("EFFEKT_UPDATE_GOLDEN")) {
        FILE *w = fopen(path, "w");
        ck_assert_ptr_nonnull(w);
        fputs(got, w);
        fclose(w);
    }
    FILE *r = fopen(path, "r");
    ck_assert_msg(r != NULL, "no golden file %s", path);
    char *want = calloc(1, 1 << 20);
    size_t wl = fread(want, 1, (1 << 20) - 1, r);
    fclose(r);
    ck_assert_msg(wl == strlen(got) && memcmp(want, got, wl) == 0,
                  "the SVG differs from the reviewed %s (EFFEKT_UPDATE_GOLDEN=1 rewrites it after review)", path);
    free(want);
    free(got);
    free(svg);
    bar_teardown(&f);
}
END_TEST

static cairo_status_t read_mem(void *closure, unsigned char *data, unsigned int length)
{
    const char **p = closure;
    memcpy(data, *p, length);
    *p += length;
    return CAIRO_STATUS_SUCCESS;
}

START_TEST(test_bar_png_pixels)
{
    bar_fixture f;
    bar_setup(&f);
    effekt_chart_scene s = { 0 };
    size_t len;
    effekt_chart_page page = { .dpi = 144 };   /* 2 pixels per point */
    char *png = render(&f.chart, &page, EFFEKT_CHART_PNG, &len, &s);
    ck_assert(len > 8 && memcmp(png, "\x89PNG", 4) == 0);
    const char *p = png;
    cairo_surface_t *img = cairo_image_surface_create_from_png_stream(read_mem, &p);
    ck_assert_int_eq(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
    ck_assert_int_eq(cairo_image_surface_get_width(img), (int)ceil(s.width * 2));
    unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
#define PIXEL(X, Y) ((const unsigned char *)(data + (int)((Y) * 2) * stride + (int)((X) * 2) * 4))
    size_t bars = 0;
    for (size_t i = 0; i < s.n; i++) {
        const effekt_chart_mark *m = &s.marks[i];
        if (m->type == EFFEKT_CHART_MARK_BAR) {
            /* the middle of a bar is Okabe-Ito blue (0, 114, 178): BGRA in memory */
            const unsigned char *px = PIXEL(m->x + m->w / 2, m->y + m->h / 2);
            ck_assert_msg(px[2] == 0 && px[1] == 114 && px[0] == 178, "bar pixel %d,%d,%d", px[2], px[1], px[0]);
            /* just past its end, white (no whisker here) */
            px = PIXEL(m->x + m->w + 2, m->y + 2);
            ck_assert_msg(px[0] == 255 && px[1] == 255 && px[2] == 255, "past the bar %d,%d,%d", px[2], px[1], px[0]);
            bars++;
        }
        if (m->type == EFFEKT_CHART_MARK_TEXT && strcmp(m->role, "undefined") == 0) {
            /* no bar where the value is undefined: a little above the
             * text, right of the axis, is white */
            const unsigned char *px = PIXEL(m->x + m->w + 20, m->y + 1);
            ck_assert_msg(px[0] == 255 && px[1] == 255 && px[2] == 255, "undefined row is not blank");
        }
    }
    ck_assert_uint_eq(bars, 2);
    cairo_surface_destroy(img);
    free(png);
    effekt_chart_scene_clear(&s);
    bar_teardown(&f);
}
END_TEST

START_TEST(test_locale_da_ticks)
{
    bar_fixture f;
    bar_setup(&f);
    effekt_chart_scene s = { 0 };
    size_t len;
    effekt_chart_page page = { .locale = effekt_locale_find("da") };
    free(render(&f.chart, &page, EFFEKT_CHART_SVG, &len, &s));
    ck_assert_ptr_nonnull(find_text(&s, "tick", "100.000"));
    ck_assert_ptr_nonnull(find_text(&s, "value", "246.044"));
    ck_assert_ptr_nonnull(find_text(&s, "undefined", "ikke oplyst"));
    effekt_chart_scene_clear(&s);
    bar_teardown(&f);
}
END_TEST

/* One small model of every kind renders to PNG, SVG and PDF; SVG and PDF
 * come out byte-identical when drawn twice. */
START_TEST(test_every_kind)
{
    static const double vals[] = { 3, 5, 4, 8, 6, 7, 2, 9, 5, 6 };
    static const double kx[] = { 0, 10, 20, 30 }, ky[] = { 1, 0.8, 0.5, 0.5 }, klo[] = { 1, 0.6, 0.3, 0.3 },
                        khi[] = { 1, 0.95, 0.7, 0.7 }, kc[] = { 25 }, risk_t[] = { 0, 10, 20, 30 },
                        risk[] = { 10, 8, 5, 2 };
    static const double breaks[] = { 0, 2, 4, 6, 8, 10 }, counts[] = { 1, 2, 4, 2, 1 };
    effekt_chart_item items[3];
    for (size_t i = 0; i < 3; i++) {
        items[i] = (effekt_chart_item){ .label = i == 0 ? "Æ" : i == 1 ? "Ø" : "Å", .value = 0.2 * (double)(i + 1),
                                        .lower = 0.1 * (double)(i + 1), .upper = 0.3 * (double)(i + 1),
                                        .x = 10.0 * (double)(i + 1), .y = 0.2 * (double)(i + 1), .flagged = i == 2,
                                        .start = 18000 + 100.0 * (double)i, .end = 18500 + 100.0 * (double)i,
                                        .revised_end = 18700, .values = vals, .n_values = 10, .pooled = i == 2 };
        for (size_t p = 0; p < EFFEKT_CHART_MAX_PARTS; p++)
            items[i].parts[p] = p < 3 ? 100.0 * (double)(p + 1) : NAN;
        effekt_boxplot_compute(vals, 10, &items[i].box);
    }
    effekt_chart_curve curve = { .label = "Ö", .n = 4, .x = kx, .y = ky, .lower = klo, .upper = khi, .steps = 1,
                                 .censor_x = kc, .n_censor = 1, .at_risk = risk };
    for (int k = EFFEKT_CHART_BAR; k <= EFFEKT_CHART_TIMELINE; k++) {
        effekt_chart ch = { .kind = (effekt_chart_kind)k, .title = "Title", .caption = "Caption",
                            .reference = NAN, .items = items, .n_items = 3,
                            .part_names = { "EU", "national public", "private" }, .n_parts = 3,
                            .curves = &curve, .n_curves = k == EFFEKT_CHART_KM || k == EFFEKT_CHART_SCATTER,
                            .risk_times = risk_t, .n_risk_times = 4, .breaks = breaks, .counts = counts,
                            .n_bins = 5, .x_dates = k == EFFEKT_CHART_TIMELINE };
        for (int fmt = EFFEKT_CHART_PNG; fmt <= EFFEKT_CHART_PDF; fmt++) {
            size_t a, b;
            char *one = render(&ch, NULL, (effekt_chart_format)fmt, &a, NULL);
            char *two = render(&ch, NULL, (effekt_chart_format)fmt, &b, NULL);
            ck_assert_msg(a > 100, "%s: %zu bytes", effekt_chart_kind_name(ch.kind), a);
            if (fmt != EFFEKT_CHART_PNG)
                ck_assert_msg(a == b && memcmp(one, two, a) == 0, "%s format %d differs between two renderings",
                              effekt_chart_kind_name(ch.kind), fmt);
            free(one);
            free(two);
        }
    }
}
END_TEST

/* The numbers at risk are placed by the axis their ticks come from
 * (render/axis.c): each number sits centred under the tick of its time. */
START_TEST(test_km_risk_under_ticks)
{
    static const double kx[] = { 0, 10, 20, 30 }, ky[] = { 1, 0.8, 0.5, 0.5 }, risk_t[] = { 0, 10, 20, 30 },
                        risk[] = { 120, 80, 55, 2 };
    static const char *const tick_text[] = { "0", "10", "20", "30" }, *const risk_text[] = { "120", "80", "55", "2" };
    effekt_chart_curve curves[2] = {
        { .label = "A", .n = 4, .x = kx, .y = ky, .steps = 1, .at_risk = risk },
        { .label = "B", .n = 4, .x = kx, .y = ky, .steps = 1, .at_risk = risk },
    };
    effekt_chart ch = { .kind = EFFEKT_CHART_KM, .title = "Retention", .percent = 1, .reference = NAN,
                        .curves = curves, .n_curves = 2, .risk_times = risk_t, .n_risk_times = 4 };
    effekt_chart_scene s = { 0 };
    size_t len;
    free(render(&ch, NULL, EFFEKT_CHART_SVG, &len, &s));
    for (size_t t = 0; t < 4; t++) {
        const effekt_chart_mark *tick = find_text(&s, "tick", tick_text[t]);
        ck_assert_ptr_nonnull(tick);
        size_t found = 0;
        for (size_t i = 0; i < s.n; i++) {
            const effekt_chart_mark *m = &s.marks[i];
            if (m->type != EFFEKT_CHART_MARK_TEXT || strcmp(m->role, "at-risk") != 0 || strcmp(m->text, risk_text[t]) != 0)
                continue;
            found++;
            /* centred on the same x to rounding (x0 + w/2 from x - w/2) */
            NEAR(m->x + m->w / 2, tick->x + tick->w / 2, 1e-9);
            ck_assert(m->y > tick->y + tick->h);
        }
        ck_assert_uint_eq(found, 2);   /* one row per curve */
    }
    ck_assert_ptr_nonnull(find_text(&s, "risk-label", "A"));
    ck_assert_ptr_nonnull(find_text(&s, "risk-label", "B"));
    effekt_chart_scene_clear(&s);
}
END_TEST

/* A long group name left of the numbers at risk wraps onto more lines,
 * whole (it was cut to one line with "…"), and the next curve's row
 * starts below its last line. */
START_TEST(test_km_risk_label_wraps)
{
    static const double kx[] = { 0, 10, 20, 30 }, ky[] = { 1, 0.8, 0.5, 0.5 }, risk_t[] = { 0, 10, 20, 30 },
                        risk[] = { 120, 80, 55, 2 };
    const char *longname = "Modtagelse og fastholdelse af udenlandsk arbejdskraft i Region Midtjylland II (n = 5)";
    effekt_chart_curve curves[2] = {
        { .label = longname, .n = 4, .x = kx, .y = ky, .steps = 1, .at_risk = risk },
        { .label = "B", .n = 4, .x = kx, .y = ky, .steps = 1, .at_risk = risk },
    };
    effekt_chart ch = { .kind = EFFEKT_CHART_KM, .title = "Retention", .percent = 1, .reference = NAN,
                        .curves = curves, .n_curves = 2, .risk_times = risk_t, .n_risk_times = 4 };
    effekt_chart_scene s = { 0 };
    size_t len;
    free(render(&ch, NULL, EFFEKT_CHART_SVG, &len, &s));
    char joined[512] = "";
    size_t lines = 0;
    double last_y = 0;
    for (size_t i = 0; i < s.n; i++) {
        const effekt_chart_mark *m = &s.marks[i];
        if (m->type == EFFEKT_CHART_MARK_TEXT && strcmp(m->role, "risk-label") == 0 && m->item == 0) {
            ck_assert_ptr_null(strstr(m->text, "\u2026"));
            snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s", lines++ ? " " : "", m->text);
            last_y = fmax(last_y, m->y + m->h);
        }
    }
    ck_assert_uint_gt(lines, 1);
    ck_assert_str_eq(joined, longname);
    const effekt_chart_mark *b = find_text(&s, "risk-label", "B");
    ck_assert_ptr_nonnull(b);
    ck_assert(b->y >= last_y);
    effekt_chart_scene_clear(&s);
}
END_TEST

START_TEST(test_bad_models)
{
    effekt_chart ch = { .kind = EFFEKT_CHART_BAR, .reference = NAN };
    effekt_diag diag;
    effekt_diag_init(&diag);
    ck_assert_int_eq(effekt_chart_render(&ch, NULL, EFFEKT_CHART_SVG, stdout, NULL, &diag), EFFEKT_EINVAL);
    ck_assert_str_eq(diag.items[0].message, "bar chart: nothing to draw");
    effekt_chart_item it = { .label = "x", .value = 1 };
    ch.items = &it;
    ch.n_items = 1;
    effekt_chart_page page = { .width_mm = 10 };
    ck_assert_int_eq(effekt_chart_render(&ch, &page, EFFEKT_CHART_SVG, stdout, NULL, &diag), EFFEKT_EINVAL);
    /* a kind the table of kinds does not hold is refused, not drawn as
     * some other kind */
    effekt_chart odd = { .kind = (effekt_chart_kind)99, .reference = NAN, .items = &it, .n_items = 1 };
    size_t before = diag.n;
    ck_assert_int_eq(effekt_chart_render(&odd, NULL, EFFEKT_CHART_SVG, stdout, NULL, &diag), EFFEKT_EINVAL);
    ck_assert_uint_eq(diag.n, before + 1);
    ck_assert_str_eq(diag.items[before].message, "? chart: not a kind of chart");
    effekt_diag_clear(&diag);
    effekt_chart_format f;
    ck_assert_int_eq(effekt_chart_format_from_path("a/b.SVG", &f), EFFEKT_OK);
    ck_assert_int_eq(f, EFFEKT_CHART_SVG);
    ck_assert_int_eq(effekt_chart_format_from_path("b.pdf", &f), EFFEKT_OK);
    ck_assert_int_eq(f, EFFEKT_CHART_PDF);
    ck_assert_int_eq(effekt_chart_format_from_path("b.jpeg", &f), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_chart_format_from_path("png", &f), EFFEKT_EINVAL);
    effekt_chart_kind k;
    ck_assert_int_eq(effekt_chart_kind_parse("funnel", &k), EFFEKT_OK);
    ck_assert_int_eq(k, EFFEKT_CHART_FUNNEL);
    ck_assert_int_eq(effekt_chart_kind_parse("pie", &k), EFFEKT_EINVAL);
}
END_TEST


/* #15: a chart owns its strings.  The column names a caller passes
 * (value, by, outcome, x, y) are scribbled over and freed before the
 * chart is drawn: every word it shows must be its own copy (a column the
 * words table does not know used to come back as the caller's pointer;
 * ASan in make check-sanitizers sees the use after free, and the
 * scribble makes it fail without). */
static char *scratch(const char *s)
{
    char *c = malloc(strlen(s) + 1);
    ck_assert_ptr_nonnull(c);
    return strcpy(c, s);
}

static void spoil(char *s)
{
    memset(s, 'X', strlen(s));
    free(s);
}

START_TEST(test_builders_own_strings)
{
    effekt_diag diag;
    effekt_diag_init(&diag);
    const effekt_locale *en = effekt_locale_find("en");
    effekt_chart_options co = { .locale = en };
    double values[] = { 1, 2, 3, 4, 5, 6 }, ones[] = { 1, 0, 1, 1, 0, 1 };
    size_t group[] = { 0, 0, 0, 1, 1, 1 };
    char *l0 = scratch("Alpha"), *l1 = scratch("Beta");
    const char *labels[] = { l0, l1 };

    char *value = scratch("hours_coached"), *by = scratch("team_code");
    effekt_chart_values in = { .value = value, .by = by, .n = 6, .values = values, .group = group,
                               .n_groups = 2, .labels = labels };
    effekt_chart *box = NULL, *hist = NULL;
    ck_assert_int_eq(effekt_chart_build_box(&in, &co, &box, &diag), EFFEKT_OK);
    ck_assert_int_eq(effekt_chart_build_hist(&in, EFFEKT_HISTOGRAM_STURGES, &co, &hist, &diag), EFFEKT_OK);

    char *outcome = scratch("got_work"), *rby = scratch("site_code");
    double events[] = { 3, 5 }, trials[] = { 10, 12 };
    effekt_chart_rates rin = { .outcome = outcome, .by = rby, .n_groups = 2, .labels = labels,
                               .events = events, .trials = trials };
    effekt_chart *funnel = NULL, *forest = NULL;
    ck_assert_int_eq(effekt_chart_build_rates(EFFEKT_CHART_FUNNEL, &rin, &co, &funnel, &diag), EFFEKT_OK);
    ck_assert_int_eq(effekt_chart_build_rates(EFFEKT_CHART_FOREST, &rin, &co, &forest, &diag), EFFEKT_OK);

    char *kby = scratch("cohort_code");
    effekt_chart_spells sin = { .by = kby, .n = 6, .time = values, .event = ones, .group = group,
                                .n_groups = 2, .labels = labels };
    effekt_chart *km = NULL;
    ck_assert_int_eq(effekt_chart_build_km(&sin, &co, &km, &diag), EFFEKT_OK);

    spoil(value);
    spoil(by);
    spoil(outcome);
    spoil(rby);
    spoil(kby);
    spoil(l0);
    spoil(l1);
    ck_assert_str_eq(box->x_label, "hours_coached");
    ck_assert_ptr_nonnull(strstr(box->title, "team_code"));
    ck_assert_str_eq(box->items[1].label, "Beta");
    ck_assert_str_eq(hist->x_label, "hours_coached");
    ck_assert_ptr_nonnull(strstr(funnel->title, "got_work"));
    ck_assert_ptr_nonnull(strstr(forest->title, "site_code"));
    ck_assert_ptr_nonnull(strstr(km->subtitle, "cohort_code"));
    effekt_chart *charts[] = { box, hist, funnel, forest, km };
    for (size_t i = 0; i < 5; i++) {
        char *svg = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&svg, &len);
        effekt_chart_page page = { .locale = en };
        ck_assert_int_eq(effekt_chart_render(charts[i], &page, EFFEKT_CHART_SVG, f, NULL, &diag), EFFEKT_OK);
        fclose(f);
        ck_assert_ptr_null(strstr(svg, "XXXX"));
        free(svg);
        effekt_chart_destroy(charts[i]);
    }
    effekt_diag_clear(&diag);
}
END_TEST

/* A histogram's x axis is its breaks exactly: a round tick below the
 * first break ("0.0" for EU shares binned from 0.05, the portfolio's
 * Figure 2) was drawn left of the plot, outside the axis. */
START_TEST(test_hist_ticks_on_axis)
{
    effekt_diag diag;
    effekt_diag_init(&diag);
    /* 100 shares from 0.05 to 0.5: Sturges' 8 classes make R's
     * pretty(c(0.05, 0.5), 8) breaks 0.05, 0.10, …, 0.50 */
    double v[100];
    for (size_t i = 0; i < 100; i++)
        v[i] = 0.05 + 0.45 * (double)i / 99;
    effekt_chart_values in = { .value = "eu_rate", .n = 100, .values = v };
    effekt_chart_options co = { 0 };
    effekt_chart *ch = NULL;
    ck_assert_int_eq(effekt_chart_build_hist(&in, EFFEKT_HISTOGRAM_STURGES, &co, &ch, &diag), EFFEKT_OK);
    ck_assert_double_gt(ch->breaks[0], 0);
    effekt_chart_scene scene = { 0 };
    FILE *f = fopen("/dev/null", "w");
    ck_assert_int_eq(effekt_chart_render(ch, &(effekt_chart_page){ 0 }, EFFEKT_CHART_SVG, f, &scene, &diag), EFFEKT_OK);
    fclose(f);
    double bins_left = 1e9;
    for (size_t i = 0; i < scene.n; i++)
        if (scene.marks[i].type == EFFEKT_CHART_MARK_BAR)
            bins_left = fmin(bins_left, scene.marks[i].x);
    for (size_t i = 0; i < scene.n; i++) {
        const effekt_chart_mark *m = &scene.marks[i];
        /* an x tick sits below the bins: its middle may not be left of them */
        if (m->type == EFFEKT_CHART_MARK_TEXT && strcmp(m->role, "tick") == 0 && m->text && strchr(m->text, '.'))
            ck_assert_msg(m->x + m->w / 2 >= bins_left - 0.5, "tick '%s' at %g, left of the first bin at %g", m->text,
                          m->x + m->w / 2, bins_left);
    }
    effekt_chart_scene_clear(&scene);
    effekt_chart_destroy(ch);
    effekt_diag_clear(&diag);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("chart");
    TCase *numbers = tcase_create("numbers");
    tcase_add_test(numbers, test_locale_format);
    tcase_add_test(numbers, test_pretty_r);
    tcase_add_test(numbers, test_histogram_r);
    tcase_add_test(numbers, test_ols_norris);
    tcase_add_test(numbers, test_ols_band_r);
    tcase_add_test(numbers, test_box_hand);
    suite_add_tcase(s, numbers);
    TCase *drawing = tcase_create("drawing");
    tcase_set_timeout(drawing, 60);
    /* cairo's font caches live for the process: let each test's process
     * give them back, so the leak checker sees only our memory */
    tcase_add_checked_fixture(drawing, NULL, effekt_chart_release_fonts);
    tcase_add_test(drawing, test_bar_scene);
    tcase_add_test(drawing, test_bar_svg);
    tcase_add_test(drawing, test_bar_golden);
    tcase_add_test(drawing, test_bar_png_pixels);
    tcase_add_test(drawing, test_locale_da_ticks);
    tcase_add_test(drawing, test_every_kind);
    tcase_add_test(drawing, test_km_risk_under_ticks);
    tcase_add_test(drawing, test_km_risk_label_wraps);
    tcase_add_test(drawing, test_bad_models);
    tcase_add_test(drawing, test_builders_own_strings);
    tcase_add_test(drawing, test_hist_ticks_on_axis);
    suite_add_tcase(s, drawing);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
