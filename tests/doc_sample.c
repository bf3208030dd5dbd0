/* A sample document with every feature of effekt/document.h, written in
 * every format: for the browser and word-processor tests
 * (tests/doc_html.sh, tests/doc_docx.sh) and for looking at the output.
 *
 *     tests/doc_sample LANG DIR [FORMATS]   writes DIR/report.pdf,
 *         report.html, report.docx, tables/ID.csv; FORMATS (pdf,html,
 *         docx,csv) names only some of them
 *
 * LANG is da or en.  The words are the sample's own (a test's fixture),
 * not the report's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "effekt/document.h"

#define CK(x)                                                                                      \
    do {                                                                                           \
        effekt_status st_ = (x);                                                                   \
        if (st_ != EFFEKT_OK) {                                                                    \
            fprintf(stderr, "doc_sample:%d: %s: %s\n", __LINE__, #x, effekt_status_message(st_));        \
            exit(1);                                                                               \
        }                                                                                          \
    } while (0)

static effekt_chart *bars(int n, const char *title)
{
    effekt_chart *c;
    CK(effekt_chart_create(EFFEKT_CHART_BAR, &c));
    c->title = effekt_chart_keep(c, title);
    c->x_label = effekt_chart_keep(c, "kr. pr. deltager");
    c->sorted = 1;
    c->reference = 0.5e5;
    c->reference_label = effekt_chart_keep(c, "samlet");
    for (int i = 0; i < n; i++) {
        effekt_chart_item *it = effekt_chart_add_item(c);
        char name[64];
        snprintf(name, sizeof name, i % 3 ? "Projekt %d" : "Æblehaven Øst og Ålborg projekt %d", i + 1);
        it->label = effekt_chart_keep(c, name);
        it->value = 20000 + 3731.0 * ((i * 37) % 23);
        it->lower = it->value * 0.8;
        it->upper = it->value * 1.2;
    }
    CK(effekt_chart_status(c));
    return c;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: doc_sample da|en DIR [pdf,html,docx,csv]\n");
        return 2;
    }
    const int da = strcmp(argv[1], "da") == 0;
    effekt_document_meta meta = {
        .language = argv[1],
        .title = da ? "Evaluering af Go Vest" : "Evaluation of Go Vest",
        .subtitle = da ? "Slutevaluering af et socialfondsprojekt" : "Final evaluation of a Social Fund project",
        .project = da ? "Projekt: Go Vest (Æbeltoft, Ørsted og Århus)" : "Project: Go Vest",
        .client = da ? "Opdragsgiver: Region Nordjylland" : "Client: Region Nordjylland",
        .evaluator = "Evaluator: Effekt ApS",
        .date = da ? "3. december 2026" : "3 December 2026",
        .version = "Version 1.0",
        .acknowledgement = da ? "Projektet er medfinansieret af Den Europæiske Socialfond." : "The project is co-financed by the European Social Fund.",
        .cover_note = da ? "Deltagerdata i denne rapport er syntetiske (opdigtede) og må ikke læses som projektets resultater."
                         : "The participant data in this report are synthetic and must not be read as the project's results.",
        .author = "Effekt ApS", .subject = da ? "Slutevaluering" : "Final evaluation", .keywords = "ESF, evaluering",
    };
    /* a logo: a small chart drawn as PNG beside the files */
    char logo[4096];
    mkdir(argv[2], 0777);
    snprintf(logo, sizeof logo, "%s/logo.png", argv[2]);
    {
        effekt_chart *c = bars(2, "Effekt");
        effekt_chart_page page = { .width_mm = 40, .height_mm = 12, .dpi = 150 };
        FILE *f = fopen(logo, "wb");
        effekt_diag diag = { 0 };
        if (!f || effekt_chart_render(c, &page, EFFEKT_CHART_PNG, f, NULL, &diag) != EFFEKT_OK)
            return 1;
        fclose(f);
        effekt_diag_clear(&diag);
        effekt_chart_destroy(c);
    }
    meta.logo_path = logo;
    effekt_document *d;
    CK(effekt_document_create(&meta, &d));
    CK(effekt_document_section(d, 1, 0, "resume", da ? "Resumé" : "Summary"));
    CK(effekt_document_paragraph_begin(d, EFFEKT_PARAGRAPH_LEAD));
    CK(effekt_document_text(d, da ? "Projektet skaffede " : "The project found "));
    CK(effekt_document_strong(d, da ? "119 job" : "119 jobs"));
    CK(effekt_document_text(d, da ? " mod et mål på 150 (79,3 %; se " : " against a target of 150 (79.3 %; see "));
    CK(effekt_document_ref(d, "maal"));
    CK(effekt_document_text(d, da ? "). Omkostningen pr. job var " : "). The cost per job was "));
    CK(effekt_document_strong(d, da ? "87.412 kr." : "DKK 87,412"));
    CK(effekt_document_footnote(d, da ? "Omkostningen er projektets samlede udgift delt med antal job; se afsnit om metode."
                                      : "The cost is the project's total spending divided by the jobs; see the method."));
    CK(effekt_document_text(d, da ? " (" : " ("));
    CK(effekt_document_ref(d, "fig-omk"));
    CK(effekt_document_text(d, ")."));
    CK(effekt_document_paragraph_end(d));
    CK(effekt_document_contents(d));
    CK(effekt_document_page_break(d));

    CK(effekt_document_section(d, 1, 1, "projektet", da ? "Projektet" : "The project"));
    for (int k = 0; k < 3; k++)
        CK(effekt_document_paragraph(d, EFFEKT_PARAGRAPH_BODY,
                                     da ? "Go Vest var et beskæftigelsesprojekt i Vestjylland for ledige med en kort "
                                          "uddannelse. Deltagerne fik vejledning, kurser og praktik hos virksomheder i "
                                          "området; målet var at skaffe ordinære job, der holder. Særligt fokus var på "
                                          "unge under 30 år og på ledige med anden etnisk baggrund end dansk."
                                        : "Go Vest was an employment project in West Jutland for unemployed people with "
                                          "little schooling. Participants were given guidance, courses and placements "
                                          "with local companies; the aim was lasting ordinary jobs."));
    CK(effekt_document_paragraph(d, EFFEKT_PARAGRAPH_BULLET, da ? "Periode: 1. januar 2017 – 31. december 2019 (planlagt), forlænget til 30. juni 2020." : "Period: 1 January 2017 – 31 December 2019 (planned), extended to 30 June 2020."));
    CK(effekt_document_paragraph(d, EFFEKT_PARAGRAPH_BULLET, da ? "Partnere: tre jobcentre og to erhvervsskoler." : "Partners: three job centres and two vocational schools."));

    CK(effekt_document_section(d, 2, 1, "maalopfyldelse", da ? "Målopfyldelse" : "Target attainment"));
    CK(effekt_document_table_begin(d, "maal", da ? "Mål og resultater (syntetiske deltagerdata)" : "Targets and results (synthetic participant data)", 4));
    CK(effekt_document_table_column(d, 0, da ? "Mål" : "Target", EFFEKT_ALIGN_LEFT));
    CK(effekt_document_table_column(d, 1, da ? "Planlagt" : "Planned", EFFEKT_ALIGN_RIGHT));
    CK(effekt_document_table_column(d, 2, da ? "Opnået" : "Achieved", EFFEKT_ALIGN_RIGHT));
    CK(effekt_document_table_column(d, 3, da ? "Målopfyldelse (%)" : "Attainment (%)", EFFEKT_ALIGN_RIGHT));
    const char *r1[] = { da ? "Job" : "Jobs", "150", "119", da ? "79,3 %" : "79.3%" };
    const char *r2[] = { da ? "Deltagere" : "Participants", "400", "437", da ? "109,3 %" : "109.3%" };
    const char *r3[] = { da ? "Virksomheder" : "Companies", "60", "48", da ? "80,0 %" : "80.0%" };
    CK(effekt_document_table_row(d, r1, 0));
    CK(effekt_document_table_row(d, r2, 0));
    CK(effekt_document_table_row(d, r3, 0));
    CK(effekt_document_table_note(d, da ? "Kilde: projektets slutrapport; deltagerdata er syntetiske." : "Source: the project's final report; participant data are synthetic."));
    CK(effekt_document_table_end(d));

    CK(effekt_document_figure(d, "fig-omk", bars(8, da ? "Omkostning pr. deltager" : "Cost per participant"),
                              da ? "Omkostning pr. deltager (kr.) i otte projekter" : "Cost per participant (DKK) in eight projects",
                              da ? "Søjlediagram: omkostning pr. deltager for otte projekter, fra 20.000 til 102.000 kr."
                                 : "Bar chart: cost per participant in eight projects, from DKK 20,000 to 102,000.",
                              da ? "Kilde: Danmarks Erhvervsfremmebestyrelse, 2014–2020." : "Source: Danish Board of Business Development, 2014–2020."));

    CK(effekt_document_section(d, 1, 1, "sammenligning", da ? "Sammenligning med andre projekter" : "Comparison with other projects"));
    CK(effekt_document_paragraph(d, EFFEKT_PARAGRAPH_BODY, da ? "Tabellen nedenfor viser alle 60 projekter med deres nøgletal." : "The table below shows all 60 projects with their key figures."));
    CK(effekt_document_table_begin(d, "alle", da ? "Alle projekter med omkostninger og finansiering" : "All projects with costs and funding", 5));
    CK(effekt_document_table_column(d, 0, da ? "Projekt" : "Project", EFFEKT_ALIGN_LEFT));
    CK(effekt_document_table_column(d, 1, da ? "Fond" : "Fund", EFFEKT_ALIGN_LEFT));
    CK(effekt_document_table_column(d, 2, da ? "Samlede omkostninger (mio. kr.)" : "Total cost (DKK million)", EFFEKT_ALIGN_RIGHT));
    CK(effekt_document_table_column(d, 3, da ? "EU-andel (%)" : "EU share (%)", EFFEKT_ALIGN_RIGHT));
    CK(effekt_document_table_column(d, 4, da ? "Placeringsrate med 95 %-interval" : "Placement rate with 95% interval", EFFEKT_ALIGN_RIGHT));
    for (int i = 0; i < 60; i++) {
        char name[96], cost[32], share[32], rate[48];
        snprintf(name, sizeof name, i % 4 ? "Projekt nr. %d" : "Et projekt med et meget langt navn om kompetenceløft i Østjylland nr. %d", i + 1);
        snprintf(cost, sizeof cost, da ? "%d,%d" : "%d.%d", 3 + i % 17, i % 10);
        snprintf(share, sizeof share, da ? "%d,%d %%" : "%d.%d%%", 40 + i % 11, (i * 7) % 10);
        snprintf(rate, sizeof rate, da ? "46,7 %% (29,8–64,3)" : "46.7%% (29.8–64.3)");
        const char *row[] = { name, i % 3 ? (da ? "Socialfonden" : "ESF") : (da ? "Regionalfonden" : "ERDF"), cost, share, rate };
        CK(effekt_document_table_row(d, row, 0));
    }
    const char *tot[] = { da ? "I alt" : "Total", NULL, da ? "612,4" : "612.4", da ? "45,2 %" : "45.2%", NULL };
    CK(effekt_document_table_row(d, tot, 1));
    CK(effekt_document_table_end(d));

    CK(effekt_document_section(d, 2, 1, "bred", da ? "En bred tabel" : "A wide table"));
    CK(effekt_document_table_begin(d, "bred-tabel", da ? "Nøgletal pr. år for udvalgte projekter" : "Key figures by year for selected projects", 16));
    CK(effekt_document_table_column(d, 0, da ? "Projekt" : "Project", EFFEKT_ALIGN_LEFT));
    for (int j = 1; j < 16; j++) {
        char h[64];
        snprintf(h, sizeof h, da ? "Omkostning pr. deltager %d (kr.)" : "Cost per participant %d (DKK)", 2004 + j);
        CK(effekt_document_table_column(d, (size_t)j, h, EFFEKT_ALIGN_RIGHT));
    }
    for (int i = 0; i < 6; i++) {
        const char *row[16];
        char buf[16][32];
        snprintf(buf[0], sizeof buf[0], "Projekt %c", 'A' + i);
        row[0] = buf[0];
        for (int j = 1; j < 16; j++) {
            snprintf(buf[j], sizeof buf[j], da ? "%d.%03d" : "%d,%03d", 10 + (i * j) % 90, (i * 131 + j * 7) % 1000);
            row[j] = buf[j];
        }
        CK(effekt_document_table_row(d, row, 0));
    }
    CK(effekt_document_table_end(d));

    CK(effekt_document_section(d, 1, 1, "metode", da ? "Metode og begreber" : "Method and glossary"));
    CK(effekt_document_paragraph_begin(d, EFFEKT_PARAGRAPH_BODY));
    CK(effekt_document_text(d, da ? "Figurerne er tegnet med effekt; " : "The figures are drawn with effekt; "));
    CK(effekt_document_ref(d, "fig-mange"));
    CK(effekt_document_text(d, da ? " viser mange projekter." : " shows many projects."));
    CK(effekt_document_footnote(d, da ? "Med 40 projekter bliver figuren høj; den skaleres, så den passer på siden." : "With 40 projects the figure is tall; it is scaled to fit the page."));
    CK(effekt_document_paragraph_end(d));
    CK(effekt_document_figure(d, "fig-mange", bars(40, da ? "Mange projekter" : "Many projects"),
                              da ? "Omkostning pr. deltager i 40 projekter" : "Cost per participant in 40 projects",
                              da ? "Søjlediagram med 40 projekter." : "Bar chart of 40 projects.", NULL));
    CK(effekt_document_term(d, da ? "Fastholdelse" : "Retention", da ? "Andelen af dem, der fik job, som stadig er i job efter 6 og 12 måneder." : "The share of those placed who are still in work after 6 and 12 months."));
    CK(effekt_document_term(d, da ? "Placeringsrate" : "Placement rate", da ? "Andelen af deltagerne, der kom i ordinært job eller uddannelse." : "The share of participants who went into an ordinary job or education."));
    CK(effekt_document_section(d, 2, 1, "kilder", da ? "Kilder" : "Sources"));
    CK(effekt_document_paragraph(d, EFFEKT_PARAGRAPH_NOTE, "SHA-256: 3f6c1e0d2b9a8f7e6d5c4b3a29180716f5e4d3c2b1a09f8e7d6c5b4a39281706 datasets/dk-structural-funds-2014-2020.csv"));

    char path[4096];
    mkdir(argv[2], 0777);
    static const struct { const char *name; effekt_status (*fn)(const effekt_document *, FILE *, effekt_diag *); } w[] = {
        { "report.pdf", effekt_document_write_pdf }, { "report.html", effekt_document_write_html }, { "report.docx", effekt_document_write_docx },
    };
    int rc = 0;
    const char *only = argc == 4 ? argv[3] : "pdf,html,docx,csv";
    for (size_t k = 0; k < 3; k++) {
        if (!strstr(only, w[k].name + 7))
            continue;
        snprintf(path, sizeof path, "%s/%s", argv[2], w[k].name);
        FILE *f = fopen(path, "wb");
        effekt_diag diag = { 0 };
        effekt_status st = f ? w[k].fn(d, f, &diag) : EFFEKT_EIO;
        if (f)
            fclose(f);
        if (st != EFFEKT_OK) {
            fprintf(stderr, "doc_sample: %s: %s%s%s\n", w[k].name, effekt_status_message(st), diag.n ? ": " : "", diag.n ? diag.items[0].message : "");
            rc = 1;
        }
        effekt_diag_clear(&diag);
    }
    snprintf(path, sizeof path, "%s/tables", argv[2]);
    if (strstr(only, "csv"))
        mkdir(path, 0777);
    for (size_t i = 0; strstr(only, "csv") && i < effekt_document_tables(d); i++) {
        snprintf(path, sizeof path, "%s/tables/%s.csv", argv[2], effekt_document_table_id(d, i));
        FILE *f = fopen(path, "wb");
        effekt_diag diag = { 0 };
        if (!f || effekt_document_write_table_csv(d, i, f, &diag) != EFFEKT_OK)
            rc = 1;
        if (f)
            fclose(f);
        effekt_diag_clear(&diag);
    }
    effekt_document_destroy(d);
    effekt_chart_release_fonts();
    return rc;
}
