/* The words table: one row per word id, a column per locale.  To add a
 * locale, add its column to `row`, its cell to every row, and its line
 * to `columns` (and its row to locale.c); test_text checks that no cell
 * is missing.  Placeholders {1} … {9} are filled by effekt_text_compose. */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/text.h"

typedef struct {
    const char *en, *da, *sv;
} row;

/* Where each locale's cell is in a row. */
static const struct {
    const char *locale;
    size_t offset;
} columns[] = {
    { "en", offsetof(row, en) },
    { "da", offsetof(row, da) },
    { "sv", offsetof(row, sv) },
};

static const row words[EFFEKT_N_WORDS] = {
    [EFFEKT_WORD_NOT_REPORTED] = { .en = "not reported", .da = "ikke oplyst", .sv = "uppgift saknas" },
    [EFFEKT_WORD_ROW] = { .en = "row {1}", .da = "række {1}", .sv = "rad {1}" },
    [EFFEKT_WORD_BY] = { .en = "{1} by {2}", .da = "{1} efter {2}", .sv = "{1} per {2}" },
    [EFFEKT_WORD_CAPTION] = { .en = "Source: {1}{2}. Drawn with effekt {3}.",
                              .da = "Kilde: {1}{2}. Tegnet med effekt {3}.", .sv = "Källa: {1}{2}. Ritat med effekt {3}." },
    [EFFEKT_WORD_CAPTION_DATE] = { .en = "; latest date in the data {1}", .da = "; seneste dato i data {1}", .sv = "; senaste datum i data {1}" },
    [EFFEKT_WORD_POOLED] = { .en = "pooled", .da = "samlet", .sv = "sammanvägt" },
    [EFFEKT_WORD_POOLED_ROW] = { .en = "Pooled", .da = "Samlet", .sv = "Sammanvägt" },
    [EFFEKT_WORD_POOLED_RATIO_ROW] = { .en = "Pooled (ratio of sums)", .da = "Samlet (sum over sum)", .sv = "Sammanvägt (kvot av summor)" },
    [EFFEKT_WORD_KPI_SUBTITLE] = { .en = "{1}; {2} projects, {3} not reported",
                                   .da = "{1}; {2} projekter, {3} uden tal", .sv = "{1}; {2} projekt, {3} utan uppgift" },
    [EFFEKT_WORD_KPI_SUBTITLE_LEFT_OUT] = {
        .en = "{1}; {2} projects, {3} not reported; {4} with {5} above {6} left out of the pooled rate",
        .da = "{1}; {2} projekter, {3} uden tal; {4} med {5} over {6} er ikke med i den samlede andel", .sv = "{1}; {2} projekt, {3} utan uppgift; {4} med {5} över {6} ingår inte i den sammanvägda andelen" },
    [EFFEKT_WORD_RATES_SUBTITLE] = { .en = "Share with {1} and Wilson interval ({2}); {3} groups, {4} people",
                                     .da = "Andel med {1} og Wilson-interval ({2}); {3} grupper, {4} personer", .sv = "Andel med {1} och Wilson-intervall ({2}); {3} grupper, {4} personer" },
    [EFFEKT_WORD_SHARE_WITH] = { .en = "share with {1}", .da = "andel med {1}", .sv = "andel med {1}" },
    [EFFEKT_WORD_LIMITS] = { .en = "{1} limits", .da = "{1}-grænser", .sv = "{1}-gränser" },
    [EFFEKT_WORD_FUNNEL_TITLE] = { .en = "{1} by {2}: funnel plot", .da = "{1} efter {2}: tragtdiagram", .sv = "{1} per {2}: trattdiagram" },
    [EFFEKT_WORD_FUNNEL_SUBTITLE] = {
        .en = "Exact binomial limits around the pooled rate {1}; {2} of {3} groups outside {4}",
        .da = "Eksakte binomiale grænser om den samlede andel {1}; {2} af {3} grupper uden for {4}", .sv = "Exakta binomiala gränser kring den sammanvägda andelen {1}; {2} av {3} grupper utanför {4}" },
    [EFFEKT_WORD_GROUP_SIZE] = { .en = "group size (people)", .da = "gruppens størrelse (personer)", .sv = "gruppens storlek (personer)" },
    [EFFEKT_WORD_PART_EU] = { .en = "EU", .da = "EU", .sv = "EU" },
    [EFFEKT_WORD_PART_NATIONAL] = { .en = "national public", .da = "national offentlig", .sv = "nationell offentlig" },
    [EFFEKT_WORD_PART_PRIVATE] = { .en = "private", .da = "privat", .sv = "privat" },
    [EFFEKT_WORD_PART_OTHER] = { .en = "other", .da = "anden", .sv = "annan" },
    [EFFEKT_WORD_PART_UNATTRIBUTED] = { .en = "not attributed", .da = "ikke fordelt", .sv = "ej fördelat" },
    [EFFEKT_WORD_NO_FUNDING] = { .en = "no funding reported", .da = "ingen finansiering oplyst", .sv = "ingen finansiering angiven" },
    [EFFEKT_WORD_FUNDING_TITLE] = { .en = "Funding mix per project", .da = "Finansiering pr. projekt", .sv = "Finansiering per projekt" },
    [EFFEKT_WORD_FUNDING_AMOUNTS] = { .en = "Amounts by source", .da = "Beløb efter kilde", .sv = "Belopp per källa" },
    [EFFEKT_WORD_FUNDING_SHARES] = { .en = "Share of the total cost by source; the rest is not attributed",
                                     .da = "Andel af de samlede udgifter efter kilde; resten er ikke fordelt", .sv = "Andel av de totala kostnaderna per källa; resten är ej fördelat" },
    [EFFEKT_WORD_AMOUNT] = { .en = "amount", .da = "beløb", .sv = "belopp" },
    [EFFEKT_WORD_SHARE_OF_TOTAL] = { .en = "share of the total cost", .da = "andel af de samlede udgifter", .sv = "andel av de totala kostnaderna" },
    [EFFEKT_WORD_DATES_NOT_REPORTED] = { .en = "dates not reported", .da = "datoer ikke oplyst", .sv = "datum saknas" },
    [EFFEKT_WORD_PERIODS_TITLE] = { .en = "Project periods", .da = "Projektperioder", .sv = "Projektperioder" },
    [EFFEKT_WORD_PERIODS_SUBTITLE] = {
        .en = "From start to end date; a later expected or actual end is shown lighter",
        .da = "Fra startdato til slutdato; en senere forventet eller faktisk slutdato er vist lysere", .sv = "Från startdatum till slutdatum; ett senare förväntat eller faktiskt slut visas ljusare" },
    [EFFEKT_WORD_PLANNED_PERIOD] = { .en = "planned period", .da = "planlagt periode", .sv = "planerad period" },
    [EFFEKT_WORD_EXTENDED_PERIOD] = { .en = "extended to the expected or actual end",
                                      .da = "forlænget til forventet/faktisk slut", .sv = "förlängd till förväntat/faktiskt slut" },
    [EFFEKT_WORD_BOX_SUBTITLE] = { .en = "Box: quartiles and median; whiskers to {1} IQR; {2} values, {3} missing",
                                   .da = "Kasse: kvartiler og median; knurhår til {1} IQR; {2} værdier, {3} mangler", .sv = "Låda: kvartiler och median; morrhår till {1} IQR; {2} värden, {3} saknas" },
    [EFFEKT_WORD_HIST_TITLE] = { .en = "Distribution of {1}", .da = "Fordeling af {1}", .sv = "Fördelning av {1}" },
    [EFFEKT_WORD_HIST_SUBTITLE] = {
        .en = "{1}: {2} bins of width {3} (as R's hist); {4} values, {5} missing",
        .da = "{1}: {2} intervaller à {3} (som R's hist); {4} værdier, {5} mangler",
        .sv = "{1}: {2} intervall med bredden {3} (som R:s hist); {4} värden, {5} saknas" },
    [EFFEKT_WORD_RULE_STURGES] = { .en = "Sturges' rule", .da = "Sturges' regel", .sv = "Sturges regel" },
    [EFFEKT_WORD_RULE_SCOTT] = { .en = "Scott's rule", .da = "Scotts regel", .sv = "Scotts regel" },
    [EFFEKT_WORD_RULE_FD] = { .en = "Freedman\u2013Diaconis rule", .da = "Freedman\u2013Diaconis' regel",
                              .sv = "Freedman\u2013Diaconis regel" },
    [EFFEKT_WORD_COUNT] = { .en = "count", .da = "antal", .sv = "antal" },
    [EFFEKT_WORD_OLS_LINE] = { .en = "OLS line with {1} interval", .da = "OLS-linje med {1}-interval", .sv = "OLS-linje med {1}-intervall" },
    [EFFEKT_WORD_ROWS_MISSING_XY] = { .en = "; {1} rows missing x or y", .da = "; {1} rækker mangler x eller y", .sv = "; {1} rader saknar x eller y" },
    [EFFEKT_WORD_TOO_FEW_POINTS] = { .en = "n = {1}: too few points for a line",
                                     .da = "n = {1}: for få punkter til en linje", .sv = "n = {1}: för få punkter för en linje" },
    [EFFEKT_WORD_TIME_TO_JOB] = { .en = "Time to job", .da = "Tid til job", .sv = "Tid till arbete" },
    [EFFEKT_WORD_RETENTION_TITLE] = { .en = "Retention in work (Kaplan\u2013Meier)",
                                      .da = "Fastholdelse i job (Kaplan\u2013Meier)", .sv = "Kvar i arbete (Kaplan\u2013Meier)" },
    [EFFEKT_WORD_KM_SUBTITLE] = { .en = "{1} spells{2}; {3}; ticks: censored",
                                  .da = "{1} forløb{2}; {3}; streger: censureret", .sv = "{1} perioder{2}; {3}; streck: censurerade" },
    [EFFEKT_WORD_KM_BY] = { .en = " by {1}", .da = " efter {1}", .sv = " per {1}" },
    [EFFEKT_WORD_KM_BANDS] = { .en = "bands: {1} intervals", .da = "bånd: {1}-interval", .sv = "band: {1}-intervall" },
    [EFFEKT_WORD_KM_NO_BANDS] = { .en = "no bands with more than 3 groups", .da = "ingen bånd ved mere end 3 grupper", .sv = "inga band vid fler än 3 grupper" },
    [EFFEKT_WORD_DAYS] = { .en = "days", .da = "dage", .sv = "dagar" },
    [EFFEKT_WORD_NOT_YET_PLACED] = { .en = "not yet placed", .da = "endnu uden job", .sv = "ännu utan arbete" },
    [EFFEKT_WORD_STILL_EMPLOYED] = { .en = "still employed", .da = "stadig i job", .sv = "fortfarande i arbete" },
    [EFFEKT_WORD_NUMBER_AT_RISK] = { .en = "Number at risk", .da = "Antal i risiko", .sv = "Antal i risk" },
    [EFFEKT_WORD_REASON_NOT_REPORTED] = { .en = "{1} not reported", .da = "{1} ikke oplyst", .sv = "{1} saknas" },
    [EFFEKT_WORD_REASON_IS_ZERO] = { .en = "{1} is 0", .da = "{1} er 0", .sv = "{1} är 0" },
    [EFFEKT_WORD_REASON_END_BEFORE_START] = { .en = "the end date is before the start date",
                                              .da = "slutdatoen ligger før startdatoen", .sv = "slutdatumet ligger före startdatumet" },
    [EFFEKT_WORD_REASON_EXCEEDS] = { .en = "{1} exceeds {2}", .da = "{1} overstiger {2}", .sv = "{1} överstiger {2}" },
    [EFFEKT_WORD_REASON_NO_FUNDING] = { .en = "no funding source reported", .da = "ingen finansieringskilde oplyst",
                                        .sv = "ingen finansieringskälla angiven" },
    [EFFEKT_WORD_REASON_DURATION_NOT_POOLED] = { .en = "a duration is not pooled (see the median)",
                                                 .da = "en varighed lægges ikke sammen (se medianen)",
                                                 .sv = "en varaktighet vägs inte samman (se medianen)" },
    [EFFEKT_WORD_REASON_NO_PROJECT_REPORTS] = { .en = "no project reports the inputs", .da = "intet projekt oplyser tallene",
                                                .sv = "inget projekt anger uppgifterna" },
    [EFFEKT_WORD_REASON_POOLED_DENOMINATOR_ZERO] = { .en = "the pooled denominator is 0", .da = "den samlede nævner er 0",
                                                     .sv = "den sammanvägda nämnaren är 0" },
    [EFFEKT_WORD_REASON_CURRENCY_NOT_REPORTED] = { .en = "currency not reported", .da = "valuta ikke oplyst", .sv = "valuta saknas" },
    [EFFEKT_WORD_REASON_NO_RATE] = { .en = "no {1} exchange rate for {2}", .da = "ingen {1}-kurs for {2}",
                                     .sv = "ingen {1}-kurs för {2}" },
    [EFFEKT_WORD_REASON_NO_RATE_NO_YEAR] = { .en = "no {1} exchange rate, and the year of the amounts is not known",
                                             .da = "ingen {1}-kurs, og beløbenes år er ikke kendt",
                                             .sv = "ingen {1}-kurs, och beloppens år är okänt" },
    [EFFEKT_WORD_REASON_PRICE_YEAR_UNKNOWN] = { .en = "the price year is not known", .da = "prisåret er ikke kendt",
                                                .sv = "prisåret är okänt" },
    [EFFEKT_WORD_REASON_NO_PRICE_INDEX] = { .en = "no price index for {1}", .da = "intet prisindeks for {1}",
                                            .sv = "inget prisindex för {1}" },
    [EFFEKT_WORD_REASON_NOT_RESTATED] = { .en = "the amount cannot be restated", .da = "beløbet kan ikke omregnes",
                                          .sv = "beloppet kan inte räknas om" },
    [EFFEKT_WORD_REPORT_KEY_FIGURES] = { .en = "Key figures per project", .da = "Nøgletal pr. projekt", .sv = "Nyckeltal per projekt" },
    [EFFEKT_WORD_REPORT_CHARTS] = { .en = "Charts", .da = "Diagrammer", .sv = "Diagram" },
    [EFFEKT_WORD_REPORT_WARNINGS] = { .en = "Warnings", .da = "Advarsler", .sv = "Varningar" },
    [EFFEKT_WORD_REPORT_NO_WARNINGS] = { .en = "The KPI inputs raised no warnings.", .da = "Nøgletallenes data gav ingen advarsler.", .sv = "Nyckeltalens data gav inga varningar." },
    [EFFEKT_WORD_REPORT_METHODS] = { .en = "Methods", .da = "Metode", .sv = "Metod" },
    [EFFEKT_WORD_REPORT_PROVENANCE] = { .en = "Data provenance", .da = "Datagrundlag", .sv = "Dataunderlag" },
    [EFFEKT_WORD_REPORT_ANALYSIS_OF] = { .en = "{1} of {2}", .da = "{1} af {2}", .sv = "{1} av {2}" },
    [EFFEKT_WORD_REPORT_ANALYSIS_OF_BY] = { .en = "{1} of {2} by {3}", .da = "{1} af {2} efter {3}", .sv = "{1} av {2} per {3}" },
    [EFFEKT_WORD_REPORT_STATISTICS] = { .en = "statistics", .da = "statistik", .sv = "statistik" },
    [EFFEKT_WORD_REPORT_GROUPS] = { .en = "groups", .da = "grupper", .sv = "grupper" },
    [EFFEKT_WORD_REPORT_CURVES] = { .en = "curves", .da = "kurver", .sv = "kurvor" },
    [EFFEKT_WORD_REPORT_TESTS] = { .en = "tests", .da = "test", .sv = "test" },
    [EFFEKT_WORD_REPORT_PAIRWISE] = { .en = "pairwise", .da = "parvise sammenligninger", .sv = "parvisa jämförelser" },
    [EFFEKT_WORD_REPORT_PROJECT] = { .en = "project", .da = "projekt", .sv = "projekt" },
    [EFFEKT_WORD_REPORT_TOTAL_COST] = { .en = "total cost ({1})", .da = "samlede udgifter ({1})", .sv = "total kostnad ({1})" },
    [EFFEKT_WORD_REPORT_MONTHS] = { .en = "{1} (months)", .da = "{1} (måneder)", .sv = "{1} (månader)" },
    [EFFEKT_WORD_REPORT_INPUT] = { .en = "input", .da = "datasæt", .sv = "datamängd" },
    [EFFEKT_WORD_REPORT_FILE] = { .en = "file", .da = "fil", .sv = "fil" },
    [EFFEKT_WORD_REPORT_ROWS] = { .en = "rows", .da = "rækker", .sv = "rader" },
    [EFFEKT_WORD_REPORT_COLUMNS] = { .en = "columns", .da = "kolonner", .sv = "kolumner" },
    [EFFEKT_WORD_REPORT_MISSING_VALUES] = { .en = "missing values", .da = "manglende værdier", .sv = "saknade värden" },
    /* plot bar/forest --top (issue 17) */
    [EFFEKT_WORD_TOP_OTHERS] = { .en = "{1} others (ratio of sums)", .da = "{1} øvrige (sum over sum)",
                                 .sv = "{1} övriga (kvot av summor)" },
    [EFFEKT_WORD_TOP_OTHERS_NOT_POOLED] = { .en = "{1} others (not pooled)", .da = "{1} øvrige (ikke samlet)",
                                            .sv = "{1} övriga (ej sammanvägda)" },
    [EFFEKT_WORD_TOP_SUBTITLE] = { .en = "{1}; the {2} highest of {3} shown", .da = "{1}; de {2} højeste af {3} vist",
                                   .sv = "{1}; de {2} högsta av {3} visas" },
};

/* The KPIs of kpi.c by name: title, formula in words, unit ({1}: the
 * currency, or the word "amount"). */
static const struct {
    const char *kpi;
    row title, formula, unit;
} kpi_words[] = {
    { "eu_share", { .en = "EU share of the total cost", .da = "EU-andel af de samlede udgifter", .sv = "EU-andel av de totala kostnaderna" },
      { .en = "EU contribution / total cost", .da = "EU-tilskud / samlede udgifter", .sv = "EU-bidrag / totala kostnader" },
      { .en = "share of the total cost", .da = "andel af de samlede udgifter", .sv = "andel av de totala kostnaderna" } },
    { "national_public_share",
      { .en = "National public share of the total cost", .da = "National offentlig andel af de samlede udgifter", .sv = "Nationell offentlig andel av de totala kostnaderna" },
      { .en = "national public funding / total cost", .da = "national offentlig finansiering / samlede udgifter", .sv = "nationell offentlig finansiering / totala kostnader" },
      { .en = "share of the total cost", .da = "andel af de samlede udgifter", .sv = "andel av de totala kostnaderna" } },
    { "private_share", { .en = "Private share of the total cost", .da = "Privat andel af de samlede udgifter", .sv = "Privat andel av de totala kostnaderna" },
      { .en = "private funding / total cost", .da = "privat finansiering / samlede udgifter", .sv = "privat finansiering / totala kostnader" },
      { .en = "share of the total cost", .da = "andel af de samlede udgifter", .sv = "andel av de totala kostnaderna" } },
    { "other_share", { .en = "Other funding's share of the total cost", .da = "Anden finansierings andel af de samlede udgifter", .sv = "Annan finansierings andel av de totala kostnaderna" },
      { .en = "other funding / total cost", .da = "anden finansiering / samlede udgifter", .sv = "annan finansiering / totala kostnader" },
      { .en = "share of the total cost", .da = "andel af de samlede udgifter", .sv = "andel av de totala kostnaderna" } },
    { "unattributed", { .en = "Cost not attributed to a funding source", .da = "Udgifter uden kendt finansieringskilde", .sv = "Kostnader utan angiven finansieringskälla" },
      { .en = "total cost \u2212 reported funding sources", .da = "samlede udgifter \u2212 oplyste finansieringskilder", .sv = "totala kostnader \u2212 angivna finansieringskällor" },
      { .en = "{1}", .da = "{1}", .sv = "{1}" } },
    { "unattributed_share", { .en = "Share of the total cost not attributed", .da = "Andel af de samlede udgifter uden kilde", .sv = "Andel av de totala kostnaderna utan källa" },
      { .en = "not attributed / total cost", .da = "ikke fordelt / samlede udgifter", .sv = "ej fördelat / totala kostnader" },
      { .en = "share of the total cost", .da = "andel af de samlede udgifter", .sv = "andel av de totala kostnaderna" } },
    { "cost_per_participant", { .en = "Cost per participant", .da = "Udgift pr. deltager", .sv = "Kostnad per deltagare" },
      { .en = "total cost / participants", .da = "samlede udgifter / deltagere", .sv = "totala kostnader / deltagare" },
      { .en = "{1} per participant", .da = "{1} pr. deltager", .sv = "{1} per deltagare" } },
    { "cost_per_company", { .en = "Cost per company", .da = "Udgift pr. virksomhed", .sv = "Kostnad per företag" },
      { .en = "total cost / companies", .da = "samlede udgifter / virksomheder", .sv = "totala kostnader / företag" },
      { .en = "{1} per company", .da = "{1} pr. virksomhed", .sv = "{1} per företag" } },
    { "cost_per_job", { .en = "Cost per job created", .da = "Udgift pr. skabt job", .sv = "Kostnad per skapat jobb" },
      { .en = "total cost / jobs created", .da = "samlede udgifter / skabte job", .sv = "totala kostnader / skapade jobb" },
      { .en = "{1} per job created", .da = "{1} pr. skabt job", .sv = "{1} per skapat jobb" } },
    { "planned_cost_per_job", { .en = "Cost per job at target", .da = "Udgift pr. job ved målet", .sv = "Kostnad per jobb enligt målet" },
      { .en = "total cost / jobs target", .da = "samlede udgifter / mål for job", .sv = "totala kostnader / mål för jobb" },
      { .en = "{1} per targeted job", .da = "{1} pr. job i målet", .sv = "{1} per jobb i målet" } },
    { "eu_cost_per_job", { .en = "EU cost per job created", .da = "EU-udgift pr. skabt job", .sv = "EU-kostnad per skapat jobb" },
      { .en = "EU contribution / jobs created", .da = "EU-tilskud / skabte job", .sv = "EU-bidrag / skapade jobb" },
      { .en = "{1} of EU funds per job created", .da = "{1} EU-midler pr. skabt job", .sv = "{1} EU-medel per skapat jobb" } },
    { "target_attainment", { .en = "Jobs created against target", .da = "Skabte job i forhold til målet", .sv = "Skapade jobb i förhållande till målet" },
      { .en = "jobs created / jobs target", .da = "skabte job / mål for job", .sv = "skapade jobb / mål för jobb" },
      { .en = "jobs created per targeted job", .da = "skabte job pr. job i målet", .sv = "skapade jobb per jobb i målet" } },
    { "placement_rate", { .en = "Placement rate", .da = "Andel i job", .sv = "Andel i arbete" },
      { .en = "jobs created / participants, Wilson interval", .da = "skabte job / deltagere, Wilson-interval", .sv = "skapade jobb / deltagare, Wilson-intervall" },
      { .en = "share of the participants", .da = "andel af deltagerne", .sv = "andel av deltagarna" } },
    { "retention_6m", { .en = "Still in work after 6 months", .da = "Stadig i job efter 6 måneder", .sv = "Fortfarande i arbete efter 6 månader" },
      { .en = "retained at 6 months / jobs created, Wilson interval",
        .da = "fastholdt efter 6 måneder / skabte job, Wilson-interval", .sv = "kvar efter 6 månader / skapade jobb, Wilson-intervall" },
      { .en = "share of the jobs created", .da = "andel af de skabte job", .sv = "andel av de skapade jobben" } },
    { "retention_12m", { .en = "Still in work after 12 months", .da = "Stadig i job efter 12 måneder", .sv = "Fortfarande i arbete efter 12 månader" },
      { .en = "retained at 12 months / jobs created, Wilson interval",
        .da = "fastholdt efter 12 måneder / skabte job, Wilson-interval", .sv = "kvar efter 12 månader / skapade jobb, Wilson-intervall" },
      { .en = "share of the jobs created", .da = "andel af de skabte job", .sv = "andel av de skapade jobben" } },
    { "duration_months", { .en = "Duration", .da = "Varighed", .sv = "Varaktighet" },
      { .en = "(end date \u2212 start date) in days / 30.4375", .da = "(slutdato \u2212 startdato) i dage / 30,4375", .sv = "(slutdatum \u2212 startdatum) i dagar / 30,4375" },
      { .en = "months", .da = "måneder", .sv = "månader" } },
    { "monthly_cost", { .en = "Cost per month", .da = "Udgift pr. måned", .sv = "Kostnad per månad" },
      { .en = "total cost / duration in months", .da = "samlede udgifter / varighed i måneder", .sv = "totala kostnader / varaktighet i månader" },
      { .en = "{1} per month", .da = "{1} pr. måned", .sv = "{1} per månad" } },
};

/* The canonical columns (and those of the bundled data) as a reader
 * says them. */
static const struct {
    const char *column;
    row word;
} column_words[] = {
    { "project_id", { .en = "project", .da = "projekt", .sv = "projekt" } },
    { "name", { .en = "name", .da = "navn", .sv = "namn" } },
    { "gender", { .en = "gender", .da = "køn", .sv = "kön" } },
    { "age", { .en = "age", .da = "alder", .sv = "ålder" } },
    { "cost", { .en = "cost", .da = "udgift", .sv = "kostnad" } },
    { "total_cost", { .en = "total cost", .da = "samlede udgifter", .sv = "totala kostnader" } },
    { "eu_contribution", { .en = "EU contribution", .da = "EU-tilskud", .sv = "EU-bidrag" } },
    { "national_public", { .en = "national public funding", .da = "national offentlig finansiering", .sv = "nationell offentlig finansiering" } },
    { "private_funding", { .en = "private funding", .da = "privat finansiering", .sv = "privat finansiering" } },
    { "participants", { .en = "participants", .da = "deltagere", .sv = "deltagare" } },
    { "jobs_created", { .en = "jobs created", .da = "skabte job", .sv = "skapade jobb" } },
    { "placed_date", { .en = "job", .da = "job", .sv = "arbete" } },
    { "enrolled_date", { .en = "enrolment", .da = "indskrivning", .sv = "inskrivning" } },
};

/* The cell of locale loc in r; NULL when the locale has none. */
static const char *cell(const row *r, const effekt_locale *loc)
{
    const char *name = loc ? loc->name : "en";
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
        if (strcmp(columns[i].locale, name) == 0)
            return *(const char *const *)(const void *)((const char *)r + columns[i].offset);
    return NULL;
}

static const char *cell_or_en(const row *r, const effekt_locale *loc)
{
    const char *s = cell(r, loc);
    return s ? s : r->en;
}

const char *effekt_text_word(const effekt_locale *loc, effekt_word w)
{
    if ((size_t)w >= EFFEKT_N_WORDS || !words[w].en)
        return "";
    return cell_or_en(&words[w], loc);
}

int effekt_text_has(const effekt_locale *loc, effekt_word w)
{
    return (size_t)w < EFFEKT_N_WORDS && cell(&words[w], loc) != NULL;
}

char *effekt_text_compose(const effekt_locale *loc, effekt_word w, size_t n_args, const char *const *args)
{
    const char *s = effekt_text_word(loc, w);
    /* two passes: measure, then write */
    char *out = NULL;
    for (int pass = 0; pass < 2; pass++) {
        size_t o = 0;
        for (const char *p = s; *p; p++) {
            size_t k = p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' ? (size_t)(p[1] - '0') : 0;
            const char *piece = k && k <= n_args && args[k - 1] ? args[k - 1] : NULL;
            size_t len = piece ? strlen(piece) : 1;
            if (out)
                memcpy(out + o, piece ? piece : p, len);
            o += len;
            if (piece)
                p += 2;
        }
        if (out) {
            out[o] = '\0';
            break;
        }
        if (!(out = malloc(o + 1)))
            return NULL;
    }
    return out;
}

static const row *kpi_row(const char *kpi, size_t field)
{
    for (size_t i = 0; kpi && i < sizeof kpi_words / sizeof *kpi_words; i++)
        if (strcmp(kpi_words[i].kpi, kpi) == 0)
            return field == 0 ? &kpi_words[i].title : field == 1 ? &kpi_words[i].formula : &kpi_words[i].unit;
    return NULL;
}

const char *effekt_text_kpi_title(const effekt_locale *loc, const char *kpi)
{
    const row *r = kpi_row(kpi, 0);
    return r ? cell_or_en(r, loc) : NULL;
}

const char *effekt_text_kpi_formula(const effekt_locale *loc, const char *kpi)
{
    const row *r = kpi_row(kpi, 1);
    return r ? cell_or_en(r, loc) : NULL;
}

const char *effekt_text_kpi_unit(const effekt_locale *loc, const char *kpi)
{
    const row *r = kpi_row(kpi, 2);
    return r ? cell_or_en(r, loc) : NULL;
}

int effekt_text_kpi_complete(const effekt_locale *loc)
{
    for (size_t i = 0; i < sizeof kpi_words / sizeof *kpi_words; i++)
        if (!cell(&kpi_words[i].title, loc) || !cell(&kpi_words[i].formula, loc) || !cell(&kpi_words[i].unit, loc))
            return 0;
    return 1;
}

const char *effekt_text_column(const effekt_locale *loc, const char *column)
{
    for (size_t i = 0; column && i < sizeof column_words / sizeof *column_words; i++)
        if (strcmp(column_words[i].column, column) == 0)
            return cell_or_en(&column_words[i].word, loc);
    return column;
}

int effekt_text_columns_complete(const effekt_locale *loc)
{
    for (size_t i = 0; i < sizeof column_words / sizeof *column_words; i++)
        if (!cell(&column_words[i].word, loc))
            return 0;
    return 1;
}
