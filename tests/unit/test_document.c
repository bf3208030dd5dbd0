/* Check suite for the document model (effekt/document.h): numbering of
 * sections, tables, figures; ids checked for form and uniqueness;
 * misuse refused; references resolved at write time (an unknown one an
 * error naming it); a chart taken over even when refused; tables as CSV
 * (Danish: BOM and ';'), fields quoted as RFC 4180 says. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/document.h"

/* Everything written to a stream by fn, as a string (free it). */
static char *captured(effekt_status (*fn)(const effekt_document *, size_t, FILE *, effekt_diag *),
                      const effekt_document *d, size_t i, effekt_status *st, size_t *len)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    effekt_diag diag = { 0 };
    *st = fn(d, i, f, &diag);
    effekt_diag_clear(&diag);
    long n = ftell(f);
    rewind(f);
    char *s = calloc((size_t)n + 1, 1);
    ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return s;
}

static effekt_chart *small_chart(void)
{
    effekt_chart *c;
    ck_assert_int_eq(effekt_chart_create(EFFEKT_CHART_BAR, &c), EFFEKT_OK);
    effekt_chart_item *it = effekt_chart_add_item(c);
    it->label = effekt_chart_keep(c, "A");
    it->value = 1;
    return c;
}

START_TEST(test_numbering_and_ids)
{
    effekt_document_meta meta = { .language = "da", .title = "Evaluering" };
    effekt_document *d;
    ck_assert_int_eq(effekt_document_create(&meta, &d), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_section(d, 1, 0, "resume", "Resumé"), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_contents(d), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_section(d, 1, 1, "projekt", "Projektet"), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_section(d, 2, 1, NULL, "Periode"), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_section(d, 2, 1, "budget", "Budget"), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_section(d, 1, 1, "resultater", "Resultater"), EFFEKT_OK);
    /* misuse: a duplicate id, ids that are not plain names, levels out of range */
    ck_assert_int_eq(effekt_document_section(d, 1, 1, "budget", "Igen"), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_document_section(d, 1, 1, "Budget", "Stort"), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_document_section(d, 1, 1, "a_b", "Streg"), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_document_section(d, 1, 1, "", "Tom"), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_document_section(d, 4, 1, NULL, "Dyb"), EFFEKT_EINVAL);
    /* text outside a paragraph, a row outside a table */
    ck_assert_int_eq(effekt_document_text(d, "løs tekst"), EFFEKT_EINVAL);
    const char *cells[] = { "a", "b" };
    ck_assert_int_eq(effekt_document_table_row(d, cells, 0), EFFEKT_EINVAL);

    /* a reference before its target */
    ck_assert_int_eq(effekt_document_paragraph_begin(d, EFFEKT_PARAGRAPH_LEAD), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_text(d, "Se "), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_ref(d, "maal"), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_footnote(d, "En fodnote."), EFFEKT_OK);
    /* no section while the paragraph is open */
    ck_assert_int_eq(effekt_document_section(d, 1, 1, NULL, "Midt i"), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_document_paragraph_end(d), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_paragraph_end(d), EFFEKT_EINVAL);

    ck_assert_int_eq(effekt_document_table_begin(d, "maal", "Målopfyldelse", 2), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_table_column(d, 0, "Mål", EFFEKT_ALIGN_LEFT), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_table_column(d, 1, "Opnået (%)", EFFEKT_ALIGN_RIGHT), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_table_column(d, 2, "for mange", EFFEKT_ALIGN_RIGHT), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_document_table_row(d, cells, 0), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_table_note(d, "Kilde: projektets regnskab."), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_table_end(d), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_table_begin(d, "maal", "Igen", 2), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_document_table_begin(d, "tom", "Ingen kolonner", 0), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_document_table_begin(d, "omk", "Omkostninger", 3), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_table_end(d), EFFEKT_OK);

    /* a refused figure still takes the chart (ASan would see a leak) */
    ck_assert_int_eq(effekt_document_figure(d, "maal", small_chart(), "x", "y", NULL), EFFEKT_EINVAL);
    ck_assert_int_eq(effekt_document_figure(d, "fig-a", small_chart(), "Første", "Søjler", "Kilde: x"), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_figure(d, "fig-b", small_chart(), "Anden", "Søjler", NULL), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_term(d, "Fastholdelse", "Andel i job efter 6 måneder."), EFFEKT_OK);

    ck_assert_uint_eq(effekt_document_tables(d), 2);
    ck_assert_str_eq(effekt_document_table_id(d, 0), "maal");
    ck_assert_str_eq(effekt_document_table_id(d, 1), "omk");
    ck_assert_ptr_null(effekt_document_table_id(d, 2));
    ck_assert_uint_eq(effekt_document_figures(d), 2);
    ck_assert_str_eq(effekt_document_figure_id(d, 1), "fig-b");
    ck_assert_ptr_nonnull(effekt_document_figure_chart(d, 0));
    ck_assert_ptr_null(effekt_document_figure_chart(d, 2));
    effekt_document_destroy(d);
}
END_TEST

START_TEST(test_unknown_reference_is_an_error)
{
    effekt_document *d;
    ck_assert_int_eq(effekt_document_create(NULL, &d), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_section(d, 1, 1, "a", "A"), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_paragraph_begin(d, EFFEKT_PARAGRAPH_BODY), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_ref(d, "nowhere"), EFFEKT_OK);
    ck_assert_int_eq(effekt_document_paragraph_end(d), EFFEKT_OK);
    effekt_status (*writers[])(const effekt_document *, FILE *, effekt_diag *) = {
        effekt_document_write_pdf, effekt_document_write_html, effekt_document_write_docx
    };
    for (size_t k = 0; k < 3; k++) {
        FILE *f = tmpfile();
        effekt_diag diag = { 0 };
        ck_assert_int_eq(writers[k](d, f, &diag), EFFEKT_EINVAL);
        ck_assert_uint_ge(diag.n, 1);
        ck_assert_ptr_nonnull(strstr(diag.items[0].message, "'nowhere'"));
        ck_assert_int_eq(ftell(f), 0);   /* nothing written */
        effekt_diag_clear(&diag);
        fclose(f);
    }
    effekt_document_destroy(d);
}
END_TEST

START_TEST(test_csv_danish_and_english)
{
    for (int da = 0; da < 2; da++) {
        effekt_document_meta meta = { .language = da ? "da" : "en" };
        effekt_document *d;
        ck_assert_int_eq(effekt_document_create(&meta, &d), EFFEKT_OK);
        ck_assert_int_eq(effekt_document_table_begin(d, "t", "T", 3), EFFEKT_OK);
        effekt_document_table_column(d, 0, "Projekt", EFFEKT_ALIGN_LEFT);
        effekt_document_table_column(d, 1, da ? "Omkostning pr. deltager (kr.)" : "Cost, per participant (DKK)",
                                     EFFEKT_ALIGN_RIGHT);
        effekt_document_table_column(d, 2, "Andel", EFFEKT_ALIGN_RIGHT);
        const char *r1[] = { "Go \"Vest\"", "20.589,58", "46,7 %" };
        const char *r2[] = { "I alt", NULL, "12; 3" };
        ck_assert_int_eq(effekt_document_table_row(d, r1, 0), EFFEKT_OK);
        ck_assert_int_eq(effekt_document_table_row(d, r2, 1), EFFEKT_OK);
        ck_assert_int_eq(effekt_document_table_end(d), EFFEKT_OK);
        effekt_status st;
        size_t len;
        char *s = captured(effekt_document_write_table_csv, d, 0, &st, &len);
        ck_assert_int_eq(st, EFFEKT_OK);
        if (da)
            ck_assert_str_eq(s, "\xEF\xBB\xBFProjekt;Omkostning pr. deltager (kr.);Andel\r\n"
                                "\"Go \"\"Vest\"\"\";20.589,58;46,7 %\r\n"
                                "I alt;;\"12; 3\"\r\n");
        else
            ck_assert_str_eq(s, "Projekt,\"Cost, per participant (DKK)\",Andel\r\n"
                                "\"Go \"\"Vest\"\"\",\"20.589,58\",\"46,7 %\"\r\n"
                                "I alt,,12; 3\r\n");
        free(s);
        s = captured(effekt_document_write_table_csv, d, 1, &st, &len);
        ck_assert_int_eq(st, EFFEKT_EINVAL);
        free(s);
        effekt_document_destroy(d);
    }
}
END_TEST

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* A PNG chart carries the resolution it was drawn at (pHYs, pixels per
 * metre, right after IHDR, its CRC right), so Word inserts it at its
 * physical size: 300 dpi is 11811 px/m (300 / 0.0254 = 11811.02), the
 * default 150 dpi 5906 (5905.51 rounded). */
START_TEST(test_png_resolution)
{
    const double dpis[] = { 300, 0 };
    const unsigned long ppm[] = { 11811, 5906 };
    for (size_t k = 0; k < 2; k++) {
        effekt_chart *c = small_chart();
        effekt_chart_page page = { .width_mm = 100, .dpi = dpis[k] };
        FILE *f = tmpfile();
        effekt_diag diag = { 0 };
        ck_assert_int_eq(effekt_chart_render(c, &page, EFFEKT_CHART_PNG, f, NULL, &diag), EFFEKT_OK);
        effekt_diag_clear(&diag);
        effekt_chart_destroy(c);
        long n = ftell(f);
        rewind(f);
        unsigned char *p = malloc((size_t)n);
        ck_assert_uint_eq(fread(p, 1, (size_t)n, f), (size_t)n);
        fclose(f);
        ck_assert_int_eq(memcmp(p, "\x89PNG\r\n\x1a\n", 8), 0);
        ck_assert_int_eq(memcmp(p + 12, "IHDR", 4), 0);
        /* width: 100 mm at the resolution */
        ck_assert_uint_eq(be32(p + 16), (unsigned long)ceil(100 / 25.4 * 72 * (dpis[k] ? dpis[k] : 150) / 72));
        const unsigned char *ph = p + 8 + 25;
        ck_assert_uint_eq(be32(ph), 9);
        ck_assert_int_eq(memcmp(ph + 4, "pHYs", 4), 0);
        ck_assert_uint_eq(be32(ph + 8), ppm[k]);
        ck_assert_uint_eq(be32(ph + 12), ppm[k]);
        ck_assert_uint_eq(ph[16], 1);
        /* the CRC, computed here bit by bit over type and data */
        unsigned long crc = 0xffffffffUL;
        for (size_t i = 4; i < 17; i++) {
            crc ^= ph[i];
            for (int b = 0; b < 8; b++)
                crc = crc & 1 ? 0xedb88320UL ^ (crc >> 1) : crc >> 1;
        }
        ck_assert_uint_eq(be32(ph + 17), crc ^ 0xffffffffUL);
        /* only one pHYs in the file */
        size_t count = 0;
        for (long i = 0; i + 4 <= n; i++)
            count += memcmp(p + i, "pHYs", 4) == 0;
        ck_assert_uint_eq(count, 1);
        free(p);
    }
}
END_TEST

/* Allocation failure injection (effekt_alloc_set_hook): the n-th
 * allocation of the library fails, for every n a small document with
 * every kind of block makes; each builder and writer then ends with
 * EFFEKT_ENOMEM (never OK with something left out), frees what it had
 * (the sanitizer build checks) and never crashes. */
static long alloc_calls, alloc_target;
static int fail_nth(void *ctx, size_t size)
{
    (void)ctx, (void)size;
    return ++alloc_calls == alloc_target;
}

static effekt_status build_small(effekt_document **out, effekt_chart **chart)
{
    effekt_document_meta meta = { .language = "da", .title = "T", .subtitle = "U", .cover_note = "Syntetisk" };
    effekt_status st = effekt_document_create(&meta, out);
    effekt_document *d = *out;
#define GO(x) if (st == EFFEKT_OK) st = (x)
    GO(effekt_document_section(d, 1, 0, "a", "Resumé"));
    GO(effekt_document_contents(d));
    GO(effekt_document_section(d, 1, 1, "b", "Et afsnit"));
    GO(effekt_document_paragraph_begin(d, EFFEKT_PARAGRAPH_BODY));
    GO(effekt_document_text(d, "Se "));
    GO(effekt_document_ref(d, "t"));
    GO(effekt_document_strong(d, " 12 "));
    GO(effekt_document_footnote(d, "En note."));
    GO(effekt_document_paragraph_end(d));
    GO(effekt_document_paragraph(d, EFFEKT_PARAGRAPH_BULLET, "Punkt"));
    GO(effekt_document_table_begin(d, "t", "Tabel", 2));
    GO(effekt_document_table_column(d, 0, "A", EFFEKT_ALIGN_LEFT));
    GO(effekt_document_table_column(d, 1, "B", EFFEKT_ALIGN_RIGHT));
    const char *row[] = { "x", "1,5" };
    GO(effekt_document_table_row(d, row, 0));
    GO(effekt_document_table_row(d, row, 1));
    GO(effekt_document_table_note(d, "Kilde: x"));
    GO(effekt_document_table_end(d));
    if (st == EFFEKT_OK) {
        st = effekt_document_figure(d, "f", *chart, "Figur", "Alt", "Kilde");
        *chart = NULL;   /* the document's now, also when refused */
    }
    GO(effekt_document_term(d, "Ord", "Forklaring"));
#undef GO
    return st;
}

START_TEST(test_allocation_failures)
{
    effekt_status (*writers[])(const effekt_document *, FILE *, effekt_diag *) = {
        effekt_document_write_pdf, effekt_document_write_html, effekt_document_write_docx
    };
    size_t failed = 0;
    for (long n = 1; n < 100000; n++) {
        /* the chart is made before the hook is armed */
        effekt_document *d = NULL;
        effekt_chart *chart = small_chart();
        alloc_calls = 0;
        alloc_target = n;
        effekt_alloc_set_hook(fail_nth, NULL);
        effekt_status st = build_small(&d, &chart);
        for (size_t k = 0; st == EFFEKT_OK && k < 3; k++) {
            FILE *f = tmpfile();
            effekt_diag diag = { 0 };
            st = writers[k](d, f, &diag);
            effekt_diag_clear(&diag);
            fclose(f);
        }
        if (st == EFFEKT_OK) {
            FILE *f = tmpfile();
            effekt_diag diag = { 0 };
            st = effekt_document_write_table_csv(d, 0, f, &diag);
            effekt_diag_clear(&diag);
            fclose(f);
        }
        int fired = alloc_calls >= alloc_target;
        effekt_alloc_set_hook(NULL, NULL);
        effekt_document_destroy(d);
        effekt_chart_destroy(chart);
        if (!fired) {
            ck_assert_int_eq(st, EFFEKT_OK);
            break;
        }
        ck_assert_msg(st == EFFEKT_ENOMEM, "allocation %ld failed, status %d", n, (int)st);
        failed++;
    }
    ck_assert_uint_gt(failed, 50);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("document");
    TCase *tc = tcase_create("model");
    tcase_add_test(tc, test_numbering_and_ids);
    tcase_add_test(tc, test_unknown_reference_is_an_error);
    tcase_add_test(tc, test_csv_danish_and_english);
    tcase_add_test(tc, test_png_resolution);
    tcase_add_test(tc, test_allocation_failures);
    tcase_set_timeout(tc, 120);
    /* fontconfig's caches, for the leak checker of the sanitizer build */
    tcase_add_checked_fixture(tc, NULL, effekt_chart_release_fonts);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
