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
                                   .da = "Kasse: kvartiler og median; knurhår til {1} × kvartilafstanden; {2} værdier, {3} mangler", .sv = "Låda: kvartiler och median; morrhår till {1} × kvartilavståndet; {2} värden, {3} saknas" },
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
    /* regression models and case-mix adjustment (issue 19) */
    [EFFEKT_WORD_MODEL_LINEAR] = { .en = "linear regression", .da = "lineær regression", .sv = "linjär regression" },
    [EFFEKT_WORD_MODEL_LOGISTIC] = { .en = "logistic regression", .da = "logistisk regression", .sv = "logistisk regression" },
    [EFFEKT_WORD_MODEL_POISSON] = { .en = "Poisson regression", .da = "Poisson-regression", .sv = "Poissonregression" },
    [EFFEKT_WORD_COEF_TITLE] = { .en = "{1}: {2} on {3}", .da = "{1}: {2} på {3}", .sv = "{1}: {2} på {3}" },
    [EFFEKT_WORD_COEF_SUBTITLE] = {
        .en = "Estimates with {1} intervals; {2} people ({3} left out for a missing value); {4}",
        .da = "Estimater med {1}-intervaller; {2} personer ({3} udeladt for en manglende værdi); {4}",
        .sv = "Skattningar med {1}-intervall; {2} personer ({3} utelämnade för ett saknat värde); {4}" },
    [EFFEKT_WORD_COEF_LEVEL] = { .en = "{1}: {2} (vs {3})", .da = "{1}: {2} (mod {3})", .sv = "{1}: {2} (mot {3})" },
    [EFFEKT_WORD_SE_MODEL] = { .en = "model standard errors", .da = "modellens standardfejl", .sv = "modellens standardfel" },
    [EFFEKT_WORD_SE_HC1] = { .en = "robust (HC1) standard errors", .da = "robuste (HC1) standardfejl", .sv = "robusta (HC1) standardfel" },
    [EFFEKT_WORD_SE_CLUSTER] = { .en = "cluster-robust standard errors ({1} clusters)",
                                 .da = "klyngerobuste standardfejl ({1} klynger)", .sv = "klusterrobusta standardfel ({1} kluster)" },
    [EFFEKT_WORD_ODDS_RATIO] = { .en = "odds ratio", .da = "odds ratio", .sv = "oddskvot" },
    [EFFEKT_WORD_RATE_RATIO] = { .en = "rate ratio", .da = "rateratio", .sv = "frekvenskvot" },
    [EFFEKT_WORD_COEFFICIENT] = { .en = "change in {1}", .da = "ændring i {1}", .sv = "förändring i {1}" },
    [EFFEKT_WORD_NO_EFFECT] = { .en = "no effect", .da = "ingen effekt", .sv = "ingen effekt" },
    [EFFEKT_WORD_OE_TITLE] = { .en = "{1} by {2}: observed / expected, adjusted for {3}",
                               .da = "{1} efter {2}: observeret / forventet, justeret for {3}",
                               .sv = "{1} per {2}: observerat / förväntat, justerat för {3}" },
    [EFFEKT_WORD_OE_SUBTITLE] = { .en = "Expected from a pooled logistic model; {1}; {2} of {3} groups outside {4}",
                                  .da = "Forventet efter en fælles logistisk model; {1}; {2} af {3} grupper uden for {4}",
                                  .sv = "Förväntat enligt en gemensam logistisk modell; {1}; {2} av {3} grupper utanför {4}" },
    [EFFEKT_WORD_OE_EXACT] = { .en = "exact Poisson limits around 1", .da = "eksakte Poisson-grænser om 1",
                               .sv = "exakta Poissongränser kring 1" },
    [EFFEKT_WORD_OE_PHI] = { .en = "limits widened for overdispersion (multiplicative, φ = {1})",
                             .da = "grænser udvidet for overspredning (multiplikativ, φ = {1})",
                             .sv = "gränser vidgade för överspridning (multiplikativ, φ = {1})" },
    [EFFEKT_WORD_OE_TAU2] = { .en = "limits widened for overdispersion (additive, τ² = {1})",
                              .da = "grænser udvidet for overspredning (additiv, τ² = {1})",
                              .sv = "gränser vidgade för överspridning (additiv, τ² = {1})" },
    [EFFEKT_WORD_OE_AXIS] = { .en = "observed / expected", .da = "observeret / forventet", .sv = "observerat / förväntat" },
    [EFFEKT_WORD_EXPECTED_EVENTS] = { .en = "expected events", .da = "forventede hændelser", .sv = "förväntade händelser" },
    /* meta-analysis and Cox regression (issue 19) */
    [EFFEKT_WORD_META_TITLE] = { .en = "{1} by {2}, pooled with random effects",
                                 .da = "{1} efter {2}, samlet med tilfældige effekter",
                                 .sv = "{1} per {2}, sammanvägt med slumpeffekter" },
    [EFFEKT_WORD_META_TITLE_ESTIMATE] = { .en = "{1} by {2}, pooled with random effects",
                                          .da = "{1} efter {2}, samlet med tilfældige effekter",
                                          .sv = "{1} per {2}, sammanvägt med slumpeffekter" },
    [EFFEKT_WORD_META_SUBTITLE] = { .en = "{1}; \u03c4\u00b2 = {2}, I\u00b2 = {3}; {4} intervals; {5} projects",
                                    .da = "{1}; \u03c4\u00b2 = {2}, I\u00b2 = {3}; {4}-intervaller; {5} projekter",
                                    .sv = "{1}; \u03c4\u00b2 = {2}, I\u00b2 = {3}; {4}-intervall; {5} projekt" },
    [EFFEKT_WORD_META_POOLED_ROW] = { .en = "Pooled (random effects)", .da = "Samlet (tilfældige effekter)",
                                      .sv = "Sammanvägt (slumpeffekter)" },
    [EFFEKT_WORD_META_PREDICTION_ROW] = { .en = "Prediction interval", .da = "Prædiktionsinterval",
                                          .sv = "Prediktionsintervall" },
    [EFFEKT_WORD_META_WEIGHT_NOTE] = { .en = "{1} (a marker's area: the project's weight)",
                                       .da = "{1} (mærkets areal: projektets vægt)",
                                       .sv = "{1} (markörens yta: projektets vikt)" },
    /* the document writers (src/lib/doc/) */
    [EFFEKT_WORD_DOC_TABLE] = { .en = "Table {1}", .da = "Tabel {1}", .sv = "Tabell {1}" },
    [EFFEKT_WORD_DOC_FIGURE] = { .en = "Figure {1}", .da = "Figur {1}", .sv = "Figur {1}" },
    [EFFEKT_WORD_DOC_SECTION] = { .en = "section {1}", .da = "afsnit {1}", .sv = "avsnitt {1}" },
    [EFFEKT_WORD_DOC_CONTENTS] = { .en = "Contents", .da = "Indhold", .sv = "Innehåll" },
    [EFFEKT_WORD_DOC_PAGE] = { .en = "Page {1}", .da = "Side {1}", .sv = "Sida {1}" },
    [EFFEKT_WORD_DOC_NOTES] = { .en = "Notes", .da = "Noter", .sv = "Noter" },
    [EFFEKT_WORD_DOC_CONTINUED] = { .en = "{1} (continued)", .da = "{1} (fortsat)", .sv = "{1} (forts.)" },
    [EFFEKT_WORD_DOC_BACK] = { .en = "Back to the text", .da = "Tilbage til teksten", .sv = "Tillbaka till texten" },
    [EFFEKT_WORD_DOC_FOOTNOTE] = { .en = "Footnote {1}", .da = "Fodnote {1}", .sv = "Fotnot {1}" },
    /* typography of figures in text and tables (src/lib/text/typeset.c) */
    [EFFEKT_WORD_TS_MONTH_1] = { .en = "January", .da = "januar", .sv = "januari" },
    [EFFEKT_WORD_TS_MONTH_2] = { .en = "February", .da = "februar", .sv = "februari" },
    [EFFEKT_WORD_TS_MONTH_3] = { .en = "March", .da = "marts", .sv = "mars" },
    [EFFEKT_WORD_TS_MONTH_4] = { .en = "April", .da = "april", .sv = "april" },
    [EFFEKT_WORD_TS_MONTH_5] = { .en = "May", .da = "maj", .sv = "maj" },
    [EFFEKT_WORD_TS_MONTH_6] = { .en = "June", .da = "juni", .sv = "juni" },
    [EFFEKT_WORD_TS_MONTH_7] = { .en = "July", .da = "juli", .sv = "juli" },
    [EFFEKT_WORD_TS_MONTH_8] = { .en = "August", .da = "august", .sv = "augusti" },
    [EFFEKT_WORD_TS_MONTH_9] = { .en = "September", .da = "september", .sv = "september" },
    [EFFEKT_WORD_TS_MONTH_10] = { .en = "October", .da = "oktober", .sv = "oktober" },
    [EFFEKT_WORD_TS_MONTH_11] = { .en = "November", .da = "november", .sv = "november" },
    [EFFEKT_WORD_TS_MONTH_12] = { .en = "December", .da = "december", .sv = "december" },
    [EFFEKT_WORD_TS_DATE] = { .en = "{1}\u00a0{2} {3}", .da = "{1}.\u00a0{2} {3}", .sv = "{1}\u00a0{2} {3}" },
    [EFFEKT_WORD_TS_POINTS] = { .en = "{1} percentage points", .da = "{1} procentpoint", .sv = "{1} procentenheter" },
    [EFFEKT_WORD_TS_DKK] = { .en = "DKK\u00a0{1}", .da = "{1}\u00a0kr.", .sv = "{1}\u00a0DKK" },
    [EFFEKT_WORD_TS_DKK_MILLION] = { .en = "DKK\u00a0{1} million", .da = "{1}\u00a0mio. kr.", .sv = "{1}\u00a0miljoner DKK" },
    [EFFEKT_WORD_TS_MONEY] = { .en = "{2}\u00a0{1}", .da = "{1}\u00a0{2}", .sv = "{1}\u00a0{2}" },
    [EFFEKT_WORD_TS_MONEY_MILLION] = { .en = "{2}\u00a0{1} million", .da = "{1}\u00a0mio. {2}", .sv = "{1}\u00a0miljoner {2}" },
    [EFFEKT_WORD_TS_UNIT_DKK] = { .en = "DKK", .da = "kr.", .sv = "DKK" },
    [EFFEKT_WORD_TS_UNIT_DKK_MILLION] = { .en = "DKK million", .da = "mio. kr.", .sv = "miljoner DKK" },
    [EFFEKT_WORD_TS_UNIT_MILLION] = { .en = "{1} million", .da = "mio. {1}", .sv = "miljoner {1}" },
    [EFFEKT_WORD_TS_UNIT_MONTHS] = { .en = "months", .da = "måneder", .sv = "månader" },
    [EFFEKT_WORD_TS_HEADER] = { .en = "{1} ({2})", .da = "{1} ({2})", .sv = "{1} ({2})" },
    [EFFEKT_WORD_TS_FUND_ESF] = { .en = "ESF", .da = "Socialfonden", .sv = "Socialfonden" },
    [EFFEKT_WORD_TS_FUND_ERDF] = { .en = "ERDF", .da = "Regionalfonden", .sv = "Regionalfonden" },
    /* the report's content (src/lib/report/: final.c, portfolio.c, sections) */
    [EFFEKT_WORD_RP_KIND_FINAL] = { .en = "Final evaluation", .da = "Slutevaluering", .sv = "Slututvärdering" },
    [EFFEKT_WORD_RP_KIND_PORTFOLIO] = { .en = "Portfolio of projects", .da = "Projektportefølje", .sv = "Projektportfölj" },
    [EFFEKT_WORD_RP_COVER_PROJECT] = { .en = "Project: {1}", .da = "Projekt: {1}", .sv = "Projekt: {1}" },
    [EFFEKT_WORD_RP_COVER_CLIENT] = { .en = "Client: {1}", .da = "Rekvirent: {1}", .sv = "Beställare: {1}" },
    [EFFEKT_WORD_RP_COVER_EVALUATOR] = { .en = "Evaluator: {1}", .da = "Evaluator: {1}", .sv = "Utvärderare: {1}" },
    [EFFEKT_WORD_RP_COVER_VERSION] = { .en = "Version {1}", .da = "Version {1}", .sv = "Version {1}" },
    [EFFEKT_WORD_RP_COVER_SYNTHETIC] = { .en = "Synthetic data: {1} is made up for illustration. Every table and figure that uses it says so; it describes no real person.", .da = "Syntetiske data: {1} er konstrueret til illustration. Alle tabeller og figurer, der bruger dem, siger det; de beskriver ingen virkelige personer.", .sv = "Syntetiska data: {1} är konstruerade som illustration. Varje tabell och figur som använder dem säger det; de beskriver ingen verklig person." },
    [EFFEKT_WORD_RP_SYNTHETIC_MARK] = { .en = "{1} (synthetic data)", .da = "{1} (syntetiske data)", .sv = "{1} (syntetiska data)" },
    [EFFEKT_WORD_RP_SUMMARY] = { .en = "Summary", .da = "Resumé", .sv = "Sammanfattning" },
    [EFFEKT_WORD_RP_PROJECT] = { .en = "The project", .da = "Projektet", .sv = "Projektet" },
    [EFFEKT_WORD_RP_ATTAINMENT] = { .en = "Target attainment", .da = "Målopfyldelse", .sv = "Måluppfyllelse" },
    [EFFEKT_WORD_RP_UNIT_COSTS] = { .en = "Unit costs", .da = "Enhedsomkostninger", .sv = "Enhetskostnader" },
    [EFFEKT_WORD_RP_PARTICIPANTS] = { .en = "Participants", .da = "Deltagere", .sv = "Deltagare" },
    [EFFEKT_WORD_RP_RESULTS] = { .en = "Results and retention", .da = "Resultater og fastholdelse", .sv = "Resultat och kvarstannande i arbete" },
    [EFFEKT_WORD_RP_COMPARISON] = { .en = "Comparison with other projects", .da = "Sammenligning med andre projekter", .sv = "Jämförelse med andra projekt" },
    [EFFEKT_WORD_RP_QUALITY] = { .en = "Data quality and limitations", .da = "Datakvalitet og begrænsninger", .sv = "Datakvalitet och begränsningar" },
    [EFFEKT_WORD_RP_METHOD] = { .en = "Method and glossary", .da = "Metode og ordliste", .sv = "Metod och ordlista" },
    [EFFEKT_WORD_RP_ANNEX] = { .en = "Annex: data and provenance", .da = "Bilag: data og proveniens", .sv = "Bilaga: data och proveniens" },
    [EFFEKT_WORD_RP_TOTALS] = { .en = "Totals by fund and region", .da = "Samlede tal efter fond og region", .sv = "Totaler per fond och region" },
    [EFFEKT_WORD_RP_DISTRIBUTION] = { .en = "Distribution of budgets and EU shares", .da = "Fordeling af budgetter og EU-andele", .sv = "Fördelning av budgetar och EU-andelar" },
    [EFFEKT_WORD_RP_OUTLIERS] = { .en = "Projects that stand out", .da = "Projekter der skiller sig ud", .sv = "Projekt som avviker" },
    [EFFEKT_WORD_RP_ALL_PROJECTS] = { .en = "Annex: all projects", .da = "Bilag: alle projekter", .sv = "Bilaga: alla projekt" },
    [EFFEKT_WORD_RP_ITEM] = { .en = "Item", .da = "Forhold", .sv = "Uppgift" },
    [EFFEKT_WORD_RP_VALUE] = { .en = "Value", .da = "Værdi", .sv = "Värde" },
    [EFFEKT_WORD_RP_NAME] = { .en = "Project", .da = "Projekt", .sv = "Projekt" },
    [EFFEKT_WORD_RP_OWNER] = { .en = "Project owner", .da = "Projektejer", .sv = "Projektägare" },
    [EFFEKT_WORD_RP_REGION] = { .en = "Region", .da = "Region", .sv = "Region" },
    [EFFEKT_WORD_RP_FUND] = { .en = "Fund", .da = "Fond", .sv = "Fond" },
    [EFFEKT_WORD_RP_PERIOD] = { .en = "Period (from the dates)", .da = "Periode (efter datoerne)", .sv = "Period (enligt datumen)" },
    [EFFEKT_WORD_RP_STATED_DURATION] = { .en = "Stated duration", .da = "Oplyst varighed", .sv = "Angiven varaktighet" },
    [EFFEKT_WORD_RP_MONTHS_N] = { .en = "{1} months", .da = "{1} måneder", .sv = "{1} månader" },
    [EFFEKT_WORD_RP_BUDGET] = { .en = "Total eligible cost", .da = "Samlede støtteberettigede udgifter", .sv = "Totala stödberättigade kostnader" },
    [EFFEKT_WORD_RP_SOURCE] = { .en = "Funding source", .da = "Finansieringskilde", .sv = "Finansieringskälla" },
    [EFFEKT_WORD_RP_AMOUNT] = { .en = "Amount ({1})", .da = "Beløb ({1})", .sv = "Belopp ({1})" },
    [EFFEKT_WORD_RP_SHARE_PCT] = { .en = "Share (%)", .da = "Andel (%)", .sv = "Andel (%)" },
    [EFFEKT_WORD_RP_TOTAL] = { .en = "Total", .da = "I alt", .sv = "Totalt" },
    [EFFEKT_WORD_RP_INDICATOR] = { .en = "Indicator", .da = "Indikator", .sv = "Indikator" },
    [EFFEKT_WORD_RP_PLANNED] = { .en = "Planned", .da = "Planlagt", .sv = "Planerat" },
    [EFFEKT_WORD_RP_ACHIEVED] = { .en = "Achieved", .da = "Opnået", .sv = "Uppnått" },
    [EFFEKT_WORD_RP_ATTAINMENT_PCT] = { .en = "Attainment (%)", .da = "Målopfyldelse (%)", .sv = "Måluppfyllelse (%)" },
    [EFFEKT_WORD_RP_JOBS] = { .en = "Jobs", .da = "Job", .sv = "Jobb" },
    [EFFEKT_WORD_RP_COMPANIES] = { .en = "Companies", .da = "Virksomheder", .sv = "Företag" },
    [EFFEKT_WORD_RP_DURATION_MONTHS] = { .en = "Duration (months)", .da = "Varighed (måneder)", .sv = "Varaktighet (månader)" },
    [EFFEKT_WORD_RP_CAP_FACTS] = { .en = "Key facts of {1}", .da = "Nøgleoplysninger om {1}", .sv = "Nyckeluppgifter om {1}" },
    [EFFEKT_WORD_RP_CAP_FUNDING] = { .en = "Funding of {1}", .da = "Finansiering af {1}", .sv = "Finansiering av {1}" },
    [EFFEKT_WORD_RP_CAP_ATTAINMENT] = { .en = "Planned and achieved, {1}", .da = "Planlagt og opnået, {1}", .sv = "Planerat och uppnått, {1}" },
    [EFFEKT_WORD_RP_CAP_UNIT] = { .en = "Unit costs of {1}, planned and achieved", .da = "Enhedsomkostninger for {1}, planlagt og opnået", .sv = "Enhetskostnader för {1}, planerat och uppnått" },
    [EFFEKT_WORD_RP_CAP_PROFILE] = { .en = "Participants of {1} by {2}", .da = "Deltagere i {1} efter {2}", .sv = "Deltagare i {1} efter {2}" },
    [EFFEKT_WORD_RP_CAP_PLACEMENT] = { .en = "Placement in work by project", .da = "Overgang til job efter projekt", .sv = "Övergång till arbete per projekt" },
    [EFFEKT_WORD_RP_CAP_RETENTION] = { .en = "Still in work 6 and 12 months after the start of the job", .da = "Stadig i job 6 og 12 måneder efter jobstart", .sv = "Kvar i arbete 6 och 12 månader efter jobbstart" },
    [EFFEKT_WORD_RP_CAP_POOLED] = { .en = "Pooled figures by fund (ratios of sums)", .da = "Samlede tal efter fond (sum over sum)", .sv = "Sammanvägda tal per fond (kvot av summor)" },
    [EFFEKT_WORD_RP_CAP_POOLED_REGION] = { .en = "Pooled figures by region (ratios of sums)", .da = "Samlede tal efter region (sum over sum)", .sv = "Sammanvägda tal per region (kvot av summor)" },
    [EFFEKT_WORD_RP_CAP_UNDEFINED] = { .en = "Figures that cannot be computed, and why", .da = "Tal der ikke kan beregnes, og hvorfor", .sv = "Tal som inte kan beräknas, och varför" },
    [EFFEKT_WORD_RP_CAP_WARNINGS] = { .en = "Warnings from reading and checking the data", .da = "Advarsler fra indlæsning og kontrol af data", .sv = "Varningar från inläsning och kontroll av data" },
    [EFFEKT_WORD_RP_CAP_FILES] = { .en = "Files read", .da = "Indlæste filer", .sv = "Inlästa filer" },
    [EFFEKT_WORD_RP_CAP_ALL] = { .en = "All projects", .da = "Alle projekter", .sv = "Alla projekt" },
    [EFFEKT_WORD_RP_CAP_OUTLIERS] = { .en = "Projects whose EU share lies outside the fund's usual range", .da = "Projekter hvis EU-andel ligger uden for fondens sædvanlige niveau", .sv = "Projekt vars EU-andel ligger utanför fondens vanliga nivå" },
    [EFFEKT_WORD_RP_CAP_RUN] = { .en = "How the report was made", .da = "Hvordan rapporten er lavet", .sv = "Hur rapporten gjordes" },
    [EFFEKT_WORD_RP_FIG_KM] = { .en = "Share still in work, by days since the start of the job", .da = "Andel stadig i job efter dage siden jobstart", .sv = "Andel kvar i arbete efter dagar sedan jobbstart" },
    [EFFEKT_WORD_RP_FIG_FUNNEL] = { .en = "Placement rate by project size, with {1} and {2} limits around the pooled rate", .da = "Overgang til job efter projektets størrelse, med {1}- og {2}-grænser om den samlede andel", .sv = "Övergång till arbete efter projektets storlek, med {1}- och {2}-gränser kring den sammanvägda andelen" },
    [EFFEKT_WORD_RP_FIG_HIST] = { .en = "Distribution of project budgets", .da = "Fordeling af projekternes budgetter", .sv = "Fördelning av projektens budgetar" },
    [EFFEKT_WORD_RP_FIG_EU_SHARE_HIST] = { .en = "Distribution of the projects' EU co-financing rate", .da = "Fordeling af projekternes EU-medfinansieringssats", .sv = "Fördelning av projektens EU-medfinansieringsgrad" },
    [EFFEKT_WORD_RP_FIG_FUNDING] = { .en = "Funding of {1} by source", .da = "Finansiering af {1} efter kilde", .sv = "Finansiering av {1} per källa" },
    [EFFEKT_WORD_RP_ALT_CHART] = { .en = "Chart: {1}", .da = "Diagram: {1}", .sv = "Diagram: {1}" },
    [EFFEKT_WORD_RP_SOURCE_LINE] = { .en = "Source: {1}", .da = "Kilde: {1}", .sv = "Källa: {1}" },
    [EFFEKT_WORD_RP_GROUP] = { .en = "Group", .da = "Gruppe", .sv = "Grupp" },
    [EFFEKT_WORD_RP_COUNT] = { .en = "Number", .da = "Antal", .sv = "Antal" },
    [EFFEKT_WORD_RP_PROJECTS_N] = { .en = "Projects", .da = "Projekter", .sv = "Projekt" },
    [EFFEKT_WORD_RP_AGE_BAND] = { .en = "age", .da = "alder", .sv = "ålder" },
    [EFFEKT_WORD_RP_AGE_UNDER] = { .en = "under {1} years", .da = "under {1} år", .sv = "under {1} år" },
    [EFFEKT_WORD_RP_AGE_RANGE] = { .en = "{1}–{2} years", .da = "{1}–{2} år", .sv = "{1}–{2} år" },
    [EFFEKT_WORD_RP_AGE_OVER] = { .en = "{1} years and over", .da = "{1} år og derover", .sv = "{1} år och äldre" },
    [EFFEKT_WORD_RP_GENDER] = { .en = "gender", .da = "køn", .sv = "kön" },
    [EFFEKT_WORD_RP_EDUCATION] = { .en = "education", .da = "uddannelse", .sv = "utbildning" },
    [EFFEKT_WORD_RP_ORIGIN] = { .en = "origin", .da = "oprindelse", .sv = "ursprung" },
    [EFFEKT_WORD_RP_V_FEMALE] = { .en = "women", .da = "kvinder", .sv = "kvinnor" },
    [EFFEKT_WORD_RP_V_MALE] = { .en = "men", .da = "mænd", .sv = "män" },
    [EFFEKT_WORD_RP_V_AFRICA] = { .en = "Africa", .da = "Afrika", .sv = "Afrika" },
    [EFFEKT_WORD_RP_V_AMERICAS] = { .en = "the Americas", .da = "Amerika", .sv = "Amerika" },
    [EFFEKT_WORD_RP_V_ASIA] = { .en = "Asia", .da = "Asien", .sv = "Asien" },
    [EFFEKT_WORD_RP_V_EU] = { .en = "EU", .da = "EU", .sv = "EU" },
    [EFFEKT_WORD_RP_V_MIDDLE_EAST] = { .en = "the Middle East", .da = "Mellemøsten", .sv = "Mellanöstern" },
    [EFFEKT_WORD_RP_V_NON_EU] = { .en = "Europe outside the EU", .da = "Europa uden for EU", .sv = "Europa utanför EU" },
    [EFFEKT_WORD_RP_V_BACHELOR] = { .en = "bachelor", .da = "bachelor", .sv = "kandidat" },
    [EFFEKT_WORD_RP_V_MASTER] = { .en = "master", .da = "kandidat", .sv = "master" },
    [EFFEKT_WORD_RP_V_PHD] = { .en = "PhD", .da = "ph.d.", .sv = "doktor" },
    [EFFEKT_WORD_RP_V_VOCATIONAL] = { .en = "vocational", .da = "erhvervsuddannelse", .sv = "yrkesutbildning" },
    [EFFEKT_WORD_RP_PLACED] = { .en = "Placed in work", .da = "I job", .sv = "I arbete" },
    [EFFEKT_WORD_RP_PLACEMENT_RATE] = { .en = "Placement rate (%), {1} interval", .da = "Andel i job (%), {1}-interval", .sv = "Andel i arbete (%), {1}-intervall" },
    [EFFEKT_WORD_RP_AT_6M] = { .en = "After 6 months (%), {1} interval", .da = "Efter 6 måneder (%), {1}-interval", .sv = "Efter 6 månader (%), {1}-intervall" },
    [EFFEKT_WORD_RP_AT_12M] = { .en = "After 12 months (%), {1} interval", .da = "Efter 12 måneder (%), {1}-interval", .sv = "Efter 12 månader (%), {1}-intervall" },
    [EFFEKT_WORD_RP_STARTED_JOBS] = { .en = "Jobs started", .da = "Påbegyndte job", .sv = "Påbörjade jobb" },
    [EFFEKT_WORD_RP_REASON] = { .en = "Why", .da = "Hvorfor", .sv = "Varför" },
    [EFFEKT_WORD_RP_WHERE] = { .en = "Where", .da = "Hvor", .sv = "Var" },
    [EFFEKT_WORD_RP_MESSAGE] = { .en = "Message", .da = "Meddelelse", .sv = "Meddelande" },
    [EFFEKT_WORD_RP_FILE] = { .en = "File", .da = "Fil", .sv = "Fil" },
    [EFFEKT_WORD_RP_ROWS] = { .en = "Rows", .da = "Rækker", .sv = "Rader" },
    [EFFEKT_WORD_RP_COLUMNS_READ] = { .en = "Columns read", .da = "Indlæste kolonner", .sv = "Inlästa kolumner" },
    [EFFEKT_WORD_RP_ENCODING] = { .en = "Encoding", .da = "Tegnsæt", .sv = "Teckenkodning" },
    [EFFEKT_WORD_RP_LINE_N] = { .en = "line {1}", .da = "linje {1}", .sv = "rad {1}" },
    [EFFEKT_WORD_RP_NO_WARNINGS] = { .en = "Reading and checking the data gave no warnings.", .da = "Indlæsning og kontrol af data gav ingen advarsler.", .sv = "Inläsning och kontroll av data gav inga varningar." },
    [EFFEKT_WORD_RP_NO_UNDEFINED] = { .en = "Every figure shown could be computed.", .da = "Alle viste tal kunne beregnes.", .sv = "Alla visade tal kunde beräknas." },
    [EFFEKT_WORD_RP_DERIVED] = { .en = "Derived, not reported: the duration in months is computed from the start and end dates (days / 30.4375); shares, unit costs and attainment are computed from the reported amounts and counts; an amount not reported is never taken as zero.", .da = "Afledt, ikke oplyst: varigheden i måneder er beregnet ud fra start- og slutdato (dage / 30,4375); andele, enhedsomkostninger og målopfyldelse er beregnet ud fra de oplyste beløb og antal; et beløb, der ikke er oplyst, regnes aldrig som nul.", .sv = "Härlett, inte angivet: varaktigheten i månader beräknas från start- och slutdatum (dagar / 30,4375); andelar, enhetskostnader och måluppfyllelse beräknas från angivna belopp och antal; ett belopp som inte angetts räknas aldrig som noll." },
    [EFFEKT_WORD_RP_SYNTHETIC_LIMIT] = { .en = "The participant data ({1}) are synthetic: they show how the analysis works, not what the project achieved. Placement, retention and the participant profile are therefore no evidence of the project's effect.", .da = "Deltagerdata ({1}) er syntetiske: de viser, hvordan analysen virker, ikke hvad projektet opnåede. Overgang til job, fastholdelse og deltagerprofil er derfor ikke belæg for projektets effekt.", .sv = "Deltagardata ({1}) är syntetiska: de visar hur analysen fungerar, inte vad projektet uppnådde. Övergång till arbete, kvarstannande och deltagarprofil är därför inga belägg för projektets effekt." },
    [EFFEKT_WORD_RP_NO_EFFECT] = { .en = "The figures describe what happened in the project; without a comparison group they do not show what would have happened without it.", .da = "Tallene beskriver, hvad der skete i projektet; uden en sammenligningsgruppe viser de ikke, hvad der ville være sket uden det.", .sv = "Siffrorna beskriver vad som hände i projektet; utan jämförelsegrupp visar de inte vad som skulle ha hänt utan det." },
    [EFFEKT_WORD_RP_METHOD_INTRO] = { .en = "All figures are computed by effekt {1} from the files listed in the annex; the same files give the same report. Intervals are {2} intervals.", .da = "Alle tal er beregnet af effekt {1} ud fra filerne i bilaget; de samme filer giver den samme rapport. Intervaller er {2}-intervaller.", .sv = "Alla tal beräknas av effekt {1} från filerna i bilagan; samma filer ger samma rapport. Intervall är {2}-intervall." },
    [EFFEKT_WORD_RP_METHOD_WILSON] = { .en = "A share of people (placed in work, still in work) has a Wilson score interval: the range of true shares that the observed count is compatible with.", .da = "En andel af personer (i job, stadig i job) har et Wilson-interval: de sande andele, som det observerede antal er foreneligt med.", .sv = "En andel av personer (i arbete, kvar i arbete) har ett Wilson-intervall: de sanna andelar som det observerade antalet är förenligt med." },
    [EFFEKT_WORD_RP_METHOD_KM] = { .en = "Retention in work is estimated with the Kaplan–Meier method, which uses people still in work at the end of follow-up without assuming they leave; below the curve the numbers still followed (at risk) are shown.", .da = "Fastholdelse i job er beregnet med Kaplan–Meier-metoden, som bruger personer, der stadig er i job ved opfølgningens slutning, uden at antage at de stopper; under kurven vises antallet, der stadig følges (i risiko).", .sv = "Kvarstannande i arbete skattas med Kaplan–Meier-metoden, som använder personer som fortfarande arbetar vid uppföljningens slut utan att anta att de slutar; under kurvan visas antalet som fortfarande följs (i risk)." },
    [EFFEKT_WORD_RP_METHOD_FUNNEL] = { .en = "A funnel plot shows each project's rate against its size, with limits around the pooled rate within which chance alone would put 95 % of projects.", .da = "Et tragtdiagram viser hvert projekts andel mod dets størrelse, med grænser om den samlede andel, inden for hvilke tilfældighed alene ville placere 95 % af projekterne.", .sv = "Ett trattdiagram visar varje projekts andel mot dess storlek, med gränser kring den sammanvägda andelen inom vilka slumpen ensam skulle placera 95 % av projekten." },
    [EFFEKT_WORD_RP_METHOD_POOLED] = { .en = "Pooled figures across projects are ratios of sums (total cost of all projects / all their jobs), never averages of the projects' ratios.", .da = "Samlede tal på tværs af projekter er sum over sum (alle projekters udgifter / alle deres job), aldrig gennemsnit af projekternes forholdstal.", .sv = "Sammanvägda tal över projekt är kvoter av summor (alla projekts kostnader / alla deras jobb), aldrig medelvärden av projektens kvoter." },
    [EFFEKT_WORD_RP_GLOSSARY] = { .en = "Glossary", .da = "Ordliste", .sv = "Ordlista" },
    [EFFEKT_WORD_RP_TERM_DEF] = { .en = "{1}. Computed as {2}.", .da = "{1}. Beregnet som {2}.", .sv = "{1}. Beräknas som {2}." },
    [EFFEKT_WORD_RP_RUN_VERSION] = { .en = "effekt version", .da = "effekt-version", .sv = "effekt-version" },
    [EFFEKT_WORD_RP_RUN_CONFIDENCE] = { .en = "Confidence level", .da = "Konfidensniveau", .sv = "Konfidensnivå" },
    [EFFEKT_WORD_RP_RUN_SEED] = { .en = "Seed of random numbers", .da = "Startværdi for tilfældige tal", .sv = "Startvärde för slumptal" },
    [EFFEKT_WORD_RP_RUN_LOCALE] = { .en = "Language", .da = "Sprog", .sv = "Språk" },
    [EFFEKT_WORD_RP_RUN_NONE] = { .en = "none (no random numbers used)", .da = "ingen (ingen tilfældige tal brugt)", .sv = "inget (inga slumptal används)" },
    [EFFEKT_WORD_RP_SUM_JOBS] = { .en = "{1} set itself a target of {2} jobs; {3} ", .da = "{1} havde som mål at skabe {2} job; {3} ", .sv = "{1} hade som mål att skapa {2} jobb; {3} " },
    [EFFEKT_WORD_RP_SUM_JOBS_ACHIEVED] = { .en = "{1} were created, an attainment of {2}", .da = "der blev skabt {1}, en målopfyldelse på {2}", .sv = "{1} skapades, en måluppfyllelse på {2}" },
    [EFFEKT_WORD_RP_SUM_JOBS_NA] = { .en = "the number of jobs created is not reported, so attainment cannot be computed", .da = "antallet af skabte job er ikke oplyst, så målopfyldelsen kan ikke beregnes", .sv = "antalet skapade jobb är inte angivet, så måluppfyllelsen kan inte beräknas" },
    [EFFEKT_WORD_RP_SUM_COST] = { .en = "The total eligible cost was {1}, of which the EU paid {2} ", .da = "De samlede støtteberettigede udgifter var {1}, hvoraf EU betalte {2} ", .sv = "De totala stödberättigade kostnaderna var {1}, varav EU betalade {2} " },
    [EFFEKT_WORD_RP_SUM_COST_JOB] = { .en = "At the target the cost per job is {1}; per participant {2} ", .da = "Ved målet er omkostningen pr. job {1}; pr. deltager {2} ", .sv = "Vid målet är kostnaden per jobb {1}; per deltagare {2} " },
    [EFFEKT_WORD_RP_SUM_PLACED] = { .en = "In the synthetic participant data, {1} of {2} participants were placed in work, {3} ", .da = "I de syntetiske deltagerdata kom {1} af {2} deltagere i job, {3} ", .sv = "I de syntetiska deltagardata kom {1} av {2} deltagare i arbete, {3} " },
    [EFFEKT_WORD_RP_SUM_PLACED_REAL] = { .en = "{1} of {2} participants were placed in work, {3} ", .da = "{1} af {2} deltagere kom i job, {3} ", .sv = "{1} av {2} deltagare kom i arbete, {3} " },
    [EFFEKT_WORD_RP_SUM_RETAINED] = { .en = "Of those placed, {1} were still in work after 12 months ", .da = "Af dem, der kom i job, var {1} stadig i job efter 12 måneder ", .sv = "Av dem som kom i arbete var {1} kvar i arbete efter 12 månader " },
    [EFFEKT_WORD_RP_SUM_PERIOD] = { .en = "The project ran {1}, about {2} months; the application states {3} months ", .da = "Projektet løb {1}, omkring {2} måneder; ansøgningen angiver {3} måneder ", .sv = "Projektet pågick {1}, omkring {2} månader; ansökan anger {3} månader " },
    [EFFEKT_WORD_RP_SUM_PORTFOLIO] = { .en = "The {1} projects have a total budget of {2}, of which the EU co-finances {3} ", .da = "De {1} projekter har et samlet budget på {2}, hvoraf EU medfinansierer {3} ", .sv = "De {1} projekten har en total budget på {2}, varav EU medfinansierar {3} " },
    [EFFEKT_WORD_RP_SUM_PORTFOLIO_FUNDS] = { .en = "By fund: {1} ", .da = "Efter fond: {1} ", .sv = "Per fond: {1} " },
    [EFFEKT_WORD_RP_SUM_FUND_ITEM] = { .en = "{1} {2} projects, EU share {3}", .da = "{1} {2} projekter, EU-andel {3}", .sv = "{1} {2} projekt, EU-andel {3}" },
    [EFFEKT_WORD_RP_SUM_PORTFOLIO_MISSING] = { .en = "No project reports participants or jobs, so no cost per participant or per job can be computed for the portfolio ", .da = "Intet projekt oplyser deltagere eller job, så der kan ikke beregnes omkostning pr. deltager eller pr. job for porteføljen ", .sv = "Inget projekt anger deltagare eller jobb, så ingen kostnad per deltagare eller per jobb kan beräknas för portföljen " },
    [EFFEKT_WORD_RP_SUM_OUTLIERS] = { .en = "{1} projects have an EU share outside the usual range of their fund ", .da = "{1} projekter har en EU-andel uden for fondens sædvanlige niveau ", .sv = "{1} projekt har en EU-andel utanför fondens vanliga nivå " },
    [EFFEKT_WORD_RP_SEE] = { .en = "({1}).", .da = "({1}).", .sv = "({1})." },
    [EFFEKT_WORD_RP_OUTLIER_RULE] = { .en = "A project stands out when its EU share lies more than 1.5 interquartile ranges outside the quartiles of its fund's projects (Tukey's fences).", .da = "Et projekt skiller sig ud, når dets EU-andel ligger mere end 1,5 kvartilafstande uden for kvartilerne for fondens projekter (Tukeys grænser).", .sv = "Ett projekt avviker när dess EU-andel ligger mer än 1,5 kvartilavstånd utanför kvartilerna för fondens projekt (Tukeys gränser)." },
    [EFFEKT_WORD_RP_NO_OUTLIERS] = { .en = "No project stands out.", .da = "Intet projekt skiller sig ud.", .sv = "Inget projekt avviker." },
    [EFFEKT_WORD_RP_MISSING_ALL] = { .en = "{1}: not reported by any of the {2} projects.", .da = "{1}: oplyst af ingen af de {2} projekter.", .sv = "{1}: angivet av inget av de {2} projekten." },
    [EFFEKT_WORD_RP_MISSING_SOME] = { .en = "{1}: not reported by {2} of the {3} projects.", .da = "{1}: ikke oplyst af {2} af de {3} projekter.", .sv = "{1}: inte angivet av {2} av de {3} projekten." },
    [EFFEKT_WORD_RP_ALL_REPORTED] = { .en = "Every project reports {1}.", .da = "Alle projekter oplyser {1}.", .sv = "Alla projekt anger {1}." },
    [EFFEKT_WORD_RP_PARTICIPANT_INTRO] = { .en = "The profile counts each participant once, as the ESF common indicators do: by gender, age band, education and origin.", .da = "Profilen tæller hver deltager én gang, som ESF's fælles indikatorer gør: efter køn, aldersgruppe, uddannelse og oprindelse.", .sv = "Profilen räknar varje deltagare en gång, som ESF:s gemensamma indikatorer gör: efter kön, åldersgrupp, utbildning och ursprung." },
    [EFFEKT_WORD_RP_NO_PARTICIPANTS] = { .en = "No participant-level data were given for this project.", .da = "Der er ikke givet data om de enkelte deltagere i projektet.", .sv = "Inga uppgifter om enskilda deltagare gavs för projektet." },
    [EFFEKT_WORD_RP_COMPARISON_INTRO] = { .en = "The project is compared with the other projects of the participant data and with the pooled figures of the structural-funds projects.", .da = "Projektet sammenlignes med de øvrige projekter i deltagerdata og med de samlede tal for strukturfondsprojekterne.", .sv = "Projektet jämförs med de andra projekten i deltagardata och med de sammanvägda talen för strukturfondsprojekten." },
    [EFFEKT_WORD_RP_THIS_PROJECT] = { .en = "{1} (this project)", .da = "{1} (dette projekt)", .sv = "{1} (detta projekt)" },
    [EFFEKT_WORD_RP_POOLED_ALL] = { .en = "All projects, pooled", .da = "Alle projekter, samlet", .sv = "Alla projekt, sammanvägt" },
    [EFFEKT_WORD_RP_NA] = { .en = "n/a", .da = "i.o.", .sv = "e.u." },
    [EFFEKT_WORD_RP_MEDIAN_IQR] = { .en = "median (quartiles)", .da = "median (kvartiler)", .sv = "median (kvartiler)" },
    [EFFEKT_WORD_RP_OPTIONS] = { .en = "Specification", .da = "Specifikation", .sv = "Specifikation" },
    [EFFEKT_WORD_RP_SHA] = { .en = "SHA-256", .da = "SHA-256", .sv = "SHA-256" },
    [EFFEKT_WORD_RP_RESULTS_INTRO] = { .en = "Placement is counted from the participant data: a participant with a date of placement is placed. Retention counts the days from the start of the job to its end or to the end of follow-up.", .da = "Overgang til job tælles ud fra deltagerdata: en deltager med en dato for jobstart er kommet i job. Fastholdelse tæller dagene fra jobstart til jobbets slutning eller til opfølgningens slutning.", .sv = "Övergång till arbete räknas från deltagardata: en deltagare med ett datum för jobbstart har kommit i arbete. Kvarstannande räknar dagarna från jobbstart till jobbets slut eller till uppföljningens slut." },
    [EFFEKT_WORD_RP_W_ENCODING] = { .en = "The file is not valid UTF-8; it was read as Windows-1252, the encoding detected.",
                                    .da = "Filen er ikke gyldig UTF-8; den blev læst som Windows-1252, det fundne tegnsæt.",
                                    .sv = "Filen är inte giltig UTF-8; den lästes som Windows-1252, den upptäckta kodningen." },
    [EFFEKT_WORD_RP_W_DURATION] = { .en = "The stated duration of {1} months differs from the dates {2} ({3} months).",
                                    .da = "Den oplyste varighed på {1} måneder afviger fra datoerne {2} ({3} måneder).",
                                    .sv = "Den angivna varaktigheten på {1} månader skiljer sig från datumen {2} ({3} månader)." },
    [EFFEKT_WORD_RP_FURTHER] = { .en = "Further figures", .da = "Yderligere figurer", .sv = "Ytterligare figurer" },
    [EFFEKT_WORD_RP_EU_SHARE_PCT] = { .en = "EU share (%)", .da = "EU-andel (%)", .sv = "EU-andel (%)" },
    [EFFEKT_WORD_RP_SEE_REF] = { .en = "; see ", .da = "; se ", .sv = "; se " },
    /* plot bar/forest --top (issue 17) */
    [EFFEKT_WORD_TOP_OTHERS] = { .en = "{1} others (ratio of sums)", .da = "{1} øvrige (sum over sum)",
                                 .sv = "{1} övriga (kvot av summor)" },
    [EFFEKT_WORD_TOP_OTHERS_NOT_POOLED] = { .en = "{1} others (not pooled)", .da = "{1} øvrige (ikke samlet)",
                                            .sv = "{1} övriga (ej sammanvägda)" },
    [EFFEKT_WORD_TOP_SUBTITLE] = { .en = "{1}; the {2} highest of {3} shown", .da = "{1}; de {2} højeste af {3} vist",
                                   .sv = "{1}; de {2} högsta av {3} visas" },
    /* fair comparison (src/lib/report/fair.c, issue 19) */
    [EFFEKT_WORD_RP_FAIR] = { .en = "Fair comparison", .da = "Retfærdig sammenligning", .sv = "Rättvis jämförelse" },
    [EFFEKT_WORD_RP_FAIR_INTRO] = { .en = "Projects serve different people: a project that takes participants who find work less easily will place fewer of them, whatever it does. This section compares the projects with those differences taken out, pools their rates into what a new project of this kind can expect, and models how long the jobs last.", .da = "Projekterne har forskellige deltagere: et projekt med deltagere, der har sværere ved at finde job, vil få færre i job, uanset hvad det gør. Dette afsnit sammenligner projekterne, efter at disse forskelle er taget ud, samler deres andele til det, et nyt projekt af samme slags kan forvente, og modellerer, hvor længe jobbene varer.", .sv = "Projekten har olika deltagare: ett projekt med deltagare som har svårare att få arbete får färre i arbete, vad det än gör. Detta avsnitt jämför projekten med de skillnaderna borttagna, vägar samman deras andelar till vad ett nytt projekt av samma slag kan vänta sig och modellerar hur länge jobben varar." },
    [EFFEKT_WORD_RP_FAIR_OE] = { .en = "Observed against expected placements", .da = "Observeret mod forventet overgang til job", .sv = "Observerad mot förväntad övergång till arbete" },
    [EFFEKT_WORD_RP_FAIR_OE_METHOD] = { .en = "Method: a logistic regression of placement on {1} over all {2} participants of the {3} projects, without the project, gives each participant's chance of placement given who they are. A project's expected placements (E) are the sum of its participants' chances; O/E divides the placements it achieved (O) by them. The interval of O/E is the exact Poisson interval of O; the funnel's limits are where chance alone would put 95% and 99.8% of projects of that size.", .da = "Metode: en logistisk regression af overgang til job på {1} over alle {2} deltagere i de {3} projekter, uden projektet, giver hver deltagers chance for job ud fra, hvem de er. Et projekts forventede antal i job (F) er summen af dets deltageres chancer; O/F er det opnåede antal (O) delt med det. Intervallet for O/F er det eksakte Poisson-interval for O; tragtens grænser er dér, hvor tilfældighed alene ville placere 95\u00a0% og 99,8\u00a0% af projekter af den størrelse.", .sv = "Metod: en logistisk regression av övergång till arbete på {1} över alla {2} deltagare i de {3} projekten, utan projektet, ger varje deltagares chans till arbete utifrån vilka de är. Ett projekts förväntade antal i arbete (F) är summan av dess deltagares chanser; O/F är det uppnådda antalet (O) delat med det. Intervallet för O/F är det exakta Poisson-intervallet för O; trattens gränser är där slumpen ensam skulle placera 95\u00a0% och 99,8\u00a0% av projekt av den storleken." },
    [EFFEKT_WORD_RP_FAIR_OE_FUNDER] = { .en = "For a funder: O/E is a project's result with the differences in its participants taken out. Above 1, it placed more people than projects on average place with such participants; below 1, fewer. A project inside the limits cannot be told apart from the average; outside the 99.8% limits it differs by more than chance.", .da = "For en bevillingsgiver: O/F er projektets resultat, efter at forskellene i dets deltagere er taget ud. Over 1 fik det flere i job, end projekter i gennemsnit gør med sådanne deltagere; under 1 færre. Et projekt inden for grænserne kan ikke skelnes fra gennemsnittet; uden for 99,8\u00a0%-grænserne afviger det mere, end tilfældighed forklarer.", .sv = "För en finansiär: O/F är projektets resultat med skillnaderna i dess deltagare borttagna. Över 1 fick det fler i arbete än projekt i genomsnitt får med sådana deltagare; under 1 färre. Ett projekt inom gränserna kan inte skiljas från genomsnittet; utanför 99,8\u00a0%-gränserna avviker det mer än slumpen förklarar." },
    [EFFEKT_WORD_RP_FAIR_OE_LIMITS] = { .en = "Limitations: only differences in {1} are taken out; participants may differ in what the data do not record (health, motivation, the local labour market). E is relative to these projects, not an absolute standard. {2}", .da = "Begrænsninger: kun forskelle i {1} er taget ud; deltagerne kan være forskellige på måder, data ikke registrerer (helbred, motivation, det lokale arbejdsmarked). F er målt i forhold til disse projekter, ikke en absolut norm. {2}", .sv = "Begränsningar: bara skillnader i {1} är borttagna; deltagarna kan skilja sig i sådant som data inte registrerar (hälsa, motivation, den lokala arbetsmarknaden). F är relativt dessa projekt, ingen absolut norm. {2}" },
    [EFFEKT_WORD_RP_FAIR_PHI_HIGH] = { .en = "The projects vary more than chance explains (overdispersion φ\u00a0=\u00a0{1}, p\u00a0{2}); the limits shown are exact Poisson limits and so flag projects readily.", .da = "Projekterne varierer mere, end tilfældighed forklarer (overspredning φ\u00a0=\u00a0{1}, p\u00a0{2}); grænserne er eksakte Poisson-grænser og markerer derfor let et projekt.", .sv = "Projekten varierar mer än slumpen förklarar (överspridning φ\u00a0=\u00a0{1}, p\u00a0{2}); gränserna är exakta Poisson-gränser och markerar därför lätt ett projekt." },
    [EFFEKT_WORD_RP_FAIR_PHI_OK] = { .en = "The projects vary no more than chance explains (φ\u00a0=\u00a0{1}, p\u00a0{2}).", .da = "Projekterne varierer ikke mere, end tilfældighed forklarer (φ\u00a0=\u00a0{1}, p\u00a0{2}).", .sv = "Projekten varierar inte mer än slumpen förklarar (φ\u00a0=\u00a0{1}, p\u00a0{2})." },
    [EFFEKT_WORD_RP_FAIR_PHI_WIDENED] = { .en = "The limits are widened for overdispersion by its factor φ\u00a0=\u00a0{1} (Spiegelhalter 2005).", .da = "Grænserne er udvidet for overspredning med dens faktor φ\u00a0=\u00a0{1} (Spiegelhalter 2005).", .sv = "Gränserna är vidgade för överspridning med dess faktor φ\u00a0=\u00a0{1} (Spiegelhalter 2005)." },
    [EFFEKT_WORD_RP_FAIR_CAP_OE] = { .en = "Observed and expected placements by project, adjusted for {1}", .da = "Observeret og forventet antal i job efter projekt, justeret for {1}", .sv = "Observerat och förväntat antal i arbete per projekt, justerat för {1}" },
    [EFFEKT_WORD_RP_FAIR_CAP_MODEL] = { .en = "The case-mix model: odds ratios of placement", .da = "Justeringsmodellen: odds ratio for overgang til job", .sv = "Justeringsmodellen: oddskvoter för övergång till arbete" },
    [EFFEKT_WORD_RP_FAIR_FIG_OE] = { .en = "Observed / expected placements against the expected number, with 95% and 99.8% limits", .da = "Observeret / forventet antal i job mod det forventede antal, med 95\u00a0%- og 99,8\u00a0%-grænser", .sv = "Observerat / förväntat antal i arbete mot det förväntade antalet, med 95\u00a0%- och 99,8\u00a0%-gränser" },
    [EFFEKT_WORD_RP_FAIR_H_PARTICIPANTS] = { .en = "Participants", .da = "Deltagere", .sv = "Deltagare" },
    [EFFEKT_WORD_RP_FAIR_H_OBSERVED] = { .en = "Placed (O)", .da = "I job (O)", .sv = "I arbete (O)" },
    [EFFEKT_WORD_RP_FAIR_H_EXPECTED] = { .en = "Expected (E)", .da = "Forventet (F)", .sv = "Förväntat (F)" },
    [EFFEKT_WORD_RP_FAIR_H_OE] = { .en = "O/E ({1} interval)", .da = "O/F ({1}-interval)", .sv = "O/F ({1}-intervall)" },
    [EFFEKT_WORD_RP_FAIR_H_FUNNEL] = { .en = "Place in the funnel", .da = "Placering i tragten", .sv = "Placering i tratten" },
    [EFFEKT_WORD_RP_FAIR_INSIDE] = { .en = "inside the limits", .da = "inden for grænserne", .sv = "inom gränserna" },
    [EFFEKT_WORD_RP_FAIR_ABOVE] = { .en = "above the {1} limit", .da = "over {1}-grænsen", .sv = "över {1}-gränsen" },
    [EFFEKT_WORD_RP_FAIR_BELOW] = { .en = "below the {1} limit", .da = "under {1}-grænsen", .sv = "under {1}-gränsen" },
    [EFFEKT_WORD_RP_FAIR_H_TERM] = { .en = "Characteristic", .da = "Kendetegn", .sv = "Kännetecken" },
    [EFFEKT_WORD_RP_FAIR_H_OR] = { .en = "Odds ratio ({1} interval)", .da = "Odds ratio ({1}-interval)", .sv = "Oddskvot ({1}-intervall)" },
    [EFFEKT_WORD_RP_FAIR_H_HR] = { .en = "Hazard ratio ({1} interval)", .da = "Hazard ratio ({1}-interval)", .sv = "Hazardkvot ({1}-intervall)" },
    [EFFEKT_WORD_RP_FAIR_H_P] = { .en = "p-value", .da = "p-værdi", .sv = "p-värde" },
    [EFFEKT_WORD_RP_FAIR_LEVEL] = { .en = "{1}: {2} (against {3})", .da = "{1}: {2} (mod {3})", .sv = "{1}: {2} (mot {3})" },
    [EFFEKT_WORD_RP_FAIR_PER_YEAR] = { .en = "{1}, per year", .da = "{1}, pr. år", .sv = "{1}, per år" },
    [EFFEKT_WORD_RP_FAIR_PER_UNIT] = { .en = "{1}, per unit", .da = "{1}, pr. enhed", .sv = "{1}, per enhet" },
    [EFFEKT_WORD_RP_FAIR_MODEL_NOTE] = { .en = "Logistic regression (as R's glm); {1} participants, {2} left out for a missing value.", .da = "Logistisk regression (som R's glm); {1} deltagere, {2} udeladt for en manglende værdi.", .sv = "Logistisk regression (som R:s glm); {1} deltagare, {2} utelämnade för ett saknat värde." },
    [EFFEKT_WORD_RP_FAIR_POOL] = { .en = "Pooled placement rate and what a new project can expect", .da = "Samlet andel i job og hvad et nyt projekt kan forvente", .sv = "Sammanvägd andel i arbete och vad ett nytt projekt kan vänta sig" },
    [EFFEKT_WORD_RP_FAIR_POOL_METHOD] = { .en = "Method: the {1} projects' placement rates are pooled in a random-effects meta-analysis (the variance between projects estimated by {2}, on the logit scale, as R's metafor). Each project weighs by its precision, and the projects may truly differ. The pooled rate is {3}; the prediction interval, {4}, is the range in which the placement rate of a new project of this kind can be expected to fall.", .da = "Metode: de {1} projekters andele i job er samlet i en metaanalyse med tilfældige effekter (variansen mellem projekter estimeret med {2}, på logit-skala, som R's metafor). Hvert projekt vægtes efter sin præcision, og projekterne må reelt være forskellige. Den samlede andel er {3}; prædiktionsintervallet, {4}, er det område, hvor andelen i job for et nyt projekt af samme slags kan forventes at ligge.", .sv = "Metod: de {1} projektens andelar i arbete vägs samman i en metaanalys med slumpeffekter (variansen mellan projekt skattad med {2}, på logitskala, som R:s metafor). Varje projekt vägs efter sin precision, och projekten får verkligen skilja sig åt. Den sammanvägda andelen är {3}; prediktionsintervallet, {4}, är det område där andelen i arbete för ett nytt projekt av samma slag kan väntas ligga." },
    [EFFEKT_WORD_RP_FAIR_POOL_FUNDER] = { .en = "For a funder: the prediction interval, not the narrower interval of the pooled rate, is the benchmark for the next project: a target below it is modest, one above it ambitious, for projects like these. Of the variation between projects, {1} is more than chance (I²; Q\u00a0=\u00a0{2} on {3} degrees of freedom, p\u00a0{4}); τ²\u00a0=\u00a0{5}.", .da = "For en bevillingsgiver: prædiktionsintervallet, ikke det smallere interval for den samlede andel, er målestokken for det næste projekt: et mål under det er beskedent, et over det ambitiøst, for projekter som disse. Af variationen mellem projekterne er {1} mere end tilfældighed (I²; Q\u00a0=\u00a0{2} med {3} frihedsgrader, p\u00a0{4}); τ²\u00a0=\u00a0{5}.", .sv = "För en finansiär: prediktionsintervallet, inte det smalare intervallet för den sammanvägda andelen, är måttstocken för nästa projekt: ett mål under det är blygsamt, ett över det ambitiöst, för projekt som dessa. Av variationen mellan projekten är {1} mer än slumpen (I²; Q\u00a0=\u00a0{2} med {3} frihetsgrader, p\u00a0{4}); τ²\u00a0=\u00a0{5}." },
    [EFFEKT_WORD_RP_FAIR_POOL_LIMITS] = { .en = "Limitations: pooling treats the projects as a sample of similar projects; with {1} projects the variance between them is uncertain (τ²\u00a0=\u00a0{2}, with an interval of {3}), and the prediction interval with it. The rates pooled here are not adjusted for whom the projects served; the O/E comparison does that.", .da = "Begrænsninger: sammenvejningen behandler projekterne som et udsnit af lignende projekter; med {1} projekter er variansen mellem dem usikker (τ²\u00a0=\u00a0{2}, med et interval på {3}), og prædiktionsintervallet med den. Andelene, der samles her, er ikke justeret for projekternes deltagere; det gør O/F-sammenligningen.", .sv = "Begränsningar: sammanvägningen behandlar projekten som ett urval av likartade projekt; med {1} projekt är variansen mellan dem osäker (τ²\u00a0=\u00a0{2}, med ett intervall på {3}), och prediktionsintervallet med den. Andelarna som vägs samman här är inte justerade för projektens deltagare; det gör O/F-jämförelsen." },
    [EFFEKT_WORD_RP_FAIR_CAP_POOL] = { .en = "Placement rates by project, pooled with random effects", .da = "Andel i job efter projekt, samlet med tilfældige effekter", .sv = "Andel i arbete per projekt, sammanvägd med slumpeffekter" },
    [EFFEKT_WORD_RP_FAIR_FIG_POOL] = { .en = "Placement rate by project, the pooled rate and the prediction interval for a new project", .da = "Andel i job efter projekt, den samlede andel og prædiktionsintervallet for et nyt projekt", .sv = "Andel i arbete per projekt, den sammanvägda andelen och prediktionsintervallet för ett nytt projekt" },
    [EFFEKT_WORD_RP_FAIR_H_WEIGHT] = { .en = "Weight (%)", .da = "Vægt (%)", .sv = "Vikt (%)" },
    [EFFEKT_WORD_RP_FAIR_POOLED_ROW] = { .en = "Pooled (random effects)", .da = "Samlet (tilfældige effekter)", .sv = "Sammanvägt (slumpeffekter)" },
    [EFFEKT_WORD_RP_FAIR_PREDICTION_ROW] = { .en = "A new project (prediction interval)", .da = "Et nyt projekt (prædiktionsinterval)", .sv = "Ett nytt projekt (prediktionsintervall)" },
    [EFFEKT_WORD_RP_FAIR_METHOD_REML] = { .en = "REML", .da = "REML", .sv = "REML" },
    [EFFEKT_WORD_RP_FAIR_METHOD_DL] = { .en = "DerSimonian–Laird", .da = "DerSimonian–Laird", .sv = "DerSimonian–Laird" },
    [EFFEKT_WORD_RP_FAIR_METHOD_PM] = { .en = "Paule–Mandel", .da = "Paule–Mandel", .sv = "Paule–Mandel" },
    [EFFEKT_WORD_RP_FAIR_KNHA] = { .en = "{1}, with the Hartung–Knapp adjustment", .da = "{1}, med Hartung–Knapp-justering", .sv = "{1}, med Hartung–Knapp-justering" },
    [EFFEKT_WORD_RP_FAIR_COX] = { .en = "How long the jobs last: a Cox model", .da = "Hvor længe jobbene varer: en Cox-model", .sv = "Hur länge jobben varar: en Cox-modell" },
    [EFFEKT_WORD_RP_FAIR_COX_METHOD] = { .en = "Method: the time from the start of a job to its end, or to the end of follow-up, is modelled by a Cox proportional hazards regression on {1} ({2} jobs, {3} of which ended; Efron's ties, as R's coxph). A hazard ratio above 1 means the job ends sooner: at any time the chance of leaving is that many times as high, other things equal.", .da = "Metode: tiden fra jobstart til jobbets slutning, eller til opfølgningens slutning, er modelleret med en Cox-regression (proportionale hazards) på {1} ({2} job, hvoraf {3} sluttede; Efrons metode for ties, som R's coxph). En hazard ratio over 1 betyder, at jobbet slutter tidligere: til enhver tid er risikoen for at stoppe så mange gange højere, alt andet lige.", .sv = "Metod: tiden från jobbstart till jobbets slut, eller till uppföljningens slut, modelleras med en Cox-regression (proportionella hasarder) på {1} ({2} jobb, varav {3} tog slut; Efrons metod för ties, som R:s coxph). En hazardkvot över 1 betyder att jobbet tar slut tidigare: vid varje tidpunkt är risken att sluta så många gånger högre, allt annat lika." },
    [EFFEKT_WORD_RP_FAIR_COX_FUNDER] = { .en = "For a funder: the hazard ratios say whose jobs last, which matters when projects serve different people; they do not say which project keeps people in work longer.", .da = "For en bevillingsgiver: hazard ratio siger, hvis job varer, hvilket betyder noget, når projekterne har forskellige deltagere; de siger ikke, hvilket projekt der holder folk i job længst.", .sv = "För en finansiär: hazardkvoterna säger vems jobb som varar, vilket spelar roll när projekten har olika deltagare; de säger inte vilket projekt som håller folk kvar i arbete längst." },
    [EFFEKT_WORD_RP_FAIR_COX_PH_OK] = { .en = "The test of proportional hazards (Schoenfeld residuals, as R's cox.zph) does not reject the model's assumption (global p\u00a0{1}).", .da = "Testet for proportionale hazards (Schoenfeld-residualer, som R's cox.zph) afviser ikke modellens antagelse (samlet p\u00a0{1}).", .sv = "Testet av proportionella hasarder (Schoenfeld-residualer, som R:s cox.zph) förkastar inte modellens antagande (globalt p\u00a0{1})." },
    [EFFEKT_WORD_RP_FAIR_COX_PH_BAD] = { .en = "Limitations: the test of proportional hazards (Schoenfeld residuals, as R's cox.zph) rejects the model's assumption (global p\u00a0{1}): a hazard ratio changes over time, so it is an average over the follow-up and should be read with care.", .da = "Begrænsninger: testet for proportionale hazards (Schoenfeld-residualer, som R's cox.zph) afviser modellens antagelse (samlet p\u00a0{1}): en hazard ratio ændrer sig over tid, så den er et gennemsnit over opfølgningen og skal læses med forsigtighed.", .sv = "Begränsningar: testet av proportionella hasarder (Schoenfeld-residualer, som R:s cox.zph) förkastar modellens antagande (globalt p\u00a0{1}): en hazardkvot ändras över tid, så den är ett genomsnitt över uppföljningen och bör läsas med försiktighet." },
    [EFFEKT_WORD_RP_FAIR_COX_LIMITS] = { .en = "Follow-up is assumed to end for reasons unrelated to the job; {1} jobs were left out for a missing value.", .da = "Det antages, at opfølgningen slutter af grunde, der ikke har med jobbet at gøre; {1} job er udeladt for en manglende værdi.", .sv = "Uppföljningen antas sluta av skäl som inte har med jobbet att göra; {1} jobb utelämnades för ett saknat värde." },
    [EFFEKT_WORD_RP_FAIR_CAP_COX] = { .en = "Hazard ratios of leaving the job", .da = "Hazard ratio for at stoppe i jobbet", .sv = "Hazardkvoter för att sluta i jobbet" },
    [EFFEKT_WORD_RP_FAIR_CAP_COX_TESTS] = { .en = "Tests of the Cox model and of proportional hazards", .da = "Test af Cox-modellen og af proportionale hazards", .sv = "Test av Cox-modellen och av proportionella hasarder" },
    [EFFEKT_WORD_RP_FAIR_H_TEST] = { .en = "Test", .da = "Test", .sv = "Test" },
    [EFFEKT_WORD_RP_FAIR_H_CHISQ] = { .en = "χ²", .da = "χ²", .sv = "χ²" },
    [EFFEKT_WORD_RP_FAIR_H_DF] = { .en = "Degrees of freedom", .da = "Frihedsgrader", .sv = "Frihetsgrader" },
    [EFFEKT_WORD_RP_FAIR_T_LR] = { .en = "Likelihood ratio", .da = "Likelihood ratio", .sv = "Likelihoodkvot" },
    [EFFEKT_WORD_RP_FAIR_T_WALD] = { .en = "Wald", .da = "Wald", .sv = "Wald" },
    [EFFEKT_WORD_RP_FAIR_T_SCORE] = { .en = "Score (log-rank)", .da = "Score (log-rank)", .sv = "Score (log-rank)" },
    [EFFEKT_WORD_RP_FAIR_T_PH] = { .en = "Proportional hazards: {1}", .da = "Proportionale hazards: {1}", .sv = "Proportionella hasarder: {1}" },
    [EFFEKT_WORD_RP_FAIR_T_PH_GLOBAL] = { .en = "Proportional hazards: all together", .da = "Proportionale hazards: samlet", .sv = "Proportionella hasarder: totalt" },
    [EFFEKT_WORD_RP_FAIR_SUM] = { .en = "Adjusted for {1}, {2} placed {3} participants where {4} were expected, O/E {5}, {6}; a new project of this kind can expect a placement rate of {7} ", .da = "Justeret for {1} fik {2} {3} deltagere i job, hvor {4} var forventet, O/F {5}, {6}; et nyt projekt af samme slags kan forvente en andel i job på {7} ", .sv = "Justerat för {1} fick {2} {3} deltagare i arbete där {4} var förväntade, O/F {5}, {6}; ett nytt projekt av samma slag kan vänta sig en andel i arbete på {7} " },
    [EFFEKT_WORD_RP_FAIR_SUM_OE] = { .en = "Adjusted for {1}, {2} placed {3} participants where {4} were expected, O/E {5}, {6} ", .da = "Justeret for {1} fik {2} {3} deltagere i job, hvor {4} var forventet, O/F {5}, {6} ", .sv = "Justerat för {1} fick {2} {3} deltagare i arbete där {4} var förväntade, O/F {5}, {6} " },
    [EFFEKT_WORD_RP_FAIR_SUM_POOL] = { .en = "Pooled across the projects, a new project of this kind can expect a placement rate of {1} ", .da = "Samlet på tværs af projekterne kan et nyt projekt af samme slags forvente en andel i job på {1} ", .sv = "Sammanvägt över projekten kan ett nytt projekt av samma slag vänta sig en andel i arbete på {1} " },
    [EFFEKT_WORD_RP_FAIR_AND] = { .en = "{1} and {2}", .da = "{1} og {2}", .sv = "{1} och {2}" },
    [EFFEKT_WORD_RP_FAIR_PHI_WIDENED_ADD] = { .en = "The limits are widened for overdispersion by a variance between projects τ²\u00a0=\u00a0{1} (Spiegelhalter 2005).", .da = "Grænserne er udvidet for overspredning med en varians mellem projekter τ²\u00a0=\u00a0{1} (Spiegelhalter 2005).", .sv = "Gränserna är vidgade för överspridning med en varians mellan projekt τ²\u00a0=\u00a0{1} (Spiegelhalter 2005)." },
    /* the report's review (issue 16) */
    [EFFEKT_WORD_RV_ANALYSES] = { .en = "Further analyses", .da = "Yderligere analyser", .sv = "Ytterligare analyser" },
    [EFFEKT_WORD_RV_ANALYSES_INTRO] = { .en = "The analyses the specification asks for, each as a table; results.json holds the same figures unrounded.",
                                        .da = "De analyser, specifikationen beder om, hver som en tabel; results.json har de samme tal uafrundede.",
                                        .sv = "De analyser som specifikationen begär, var och en som en tabell; results.json har samma tal oavrundade." },
    [EFFEKT_WORD_RV_VARIABLE] = { .en = "Variable", .da = "Variabel", .sv = "Variabel" },
    [EFFEKT_WORD_RV_VALUES] = { .en = "Values", .da = "Værdier", .sv = "Värden" },
    [EFFEKT_WORD_RV_MISSING] = { .en = "Missing", .da = "Mangler", .sv = "Saknas" },
    [EFFEKT_WORD_RV_MEAN_CI] = { .en = "Mean, {1} interval", .da = "Gennemsnit, {1}-interval", .sv = "Medelvärde, {1}-intervall" },
    [EFFEKT_WORD_RV_SD] = { .en = "Standard deviation", .da = "Standardafvigelse", .sv = "Standardavvikelse" },
    [EFFEKT_WORD_RV_MEDIAN_Q] = { .en = "Median (quartiles)", .da = "Median (kvartiler)", .sv = "Median (kvartiler)" },
    [EFFEKT_WORD_RV_PERSONS] = { .en = "Persons", .da = "Personer", .sv = "Personer" },
    [EFFEKT_WORD_RV_WITH] = { .en = "With {1}", .da = "Med {1}", .sv = "Med {1}" },
    [EFFEKT_WORD_RV_SHARE_CI] = { .en = "Share (%), {1} interval", .da = "Andel (%), {1}-interval", .sv = "Andel (%), {1}-intervall" },
    [EFFEKT_WORD_RV_CHISQ] = { .en = "Test of equal shares in all groups (chi-square, without continuity correction): \u03c7\u00b2 = {1}, df = {2}, p {3}.",
                               .da = "Test for ens andele i alle grupper (chi-i-anden, uden kontinuitetskorrektion): \u03c7\u00b2 = {1}, frihedsgrader = {2}, p {3}.",
                               .sv = "Test av lika andelar i alla grupper (chi-två, utan kontinuitetskorrektion): \u03c7\u00b2 = {1}, frihetsgrader = {2}, p {3}." },
    [EFFEKT_WORD_RV_ENDED] = { .en = "Jobs ended", .da = "Ophørte job", .sv = "Avslutade jobb" },
    [EFFEKT_WORD_RV_MEDIAN_DAYS] = { .en = "Median days in work, {1} interval", .da = "Median dage i job, {1}-interval", .sv = "Median dagar i arbete, {1}-intervall" },
    [EFFEKT_WORD_RV_AFTER_DAYS] = { .en = "In work after {1} days (%), {2} interval", .da = "I job efter {1} dage (%), {2}-interval", .sv = "I arbete efter {1} dagar (%), {2}-intervall" },
    [EFFEKT_WORD_RV_FROM] = { .en = "{1} (from {2})", .da = "{1} (fra {2})", .sv = "{1} (från {2})" },
    [EFFEKT_WORD_RV_FROM_NOTE] = { .en = "An interval given as \u201cfrom\u201d has no upper limit: the curve of its upper limit does not fall to one half within the follow-up.",
                                   .da = "Et interval angivet med \u201dfra\u201d har ingen øvre grænse: kurven for den øvre grænse falder ikke til det halve inden for opfølgningen.",
                                   .sv = "Ett intervall angivet med \u201dfrån\u201d saknar övre gräns: kurvan för den övre gränsen faller inte till hälften inom uppföljningen." },
    [EFFEKT_WORD_RV_CAP_DESCRIBE] = { .en = "Summary statistics", .da = "Beskrivende statistik", .sv = "Beskrivande statistik" },
    [EFFEKT_WORD_RV_CAP_COMPARE] = { .en = "Shares by group", .da = "Andele efter gruppe", .sv = "Andelar per grupp" },
    [EFFEKT_WORD_RV_CAP_RETENTION] = { .en = "Retention in work by group", .da = "Fastholdelse i job efter gruppe", .sv = "Kvar i arbete per grupp" },
    [EFFEKT_WORD_RV_LANG_EN] = { .en = "English", .da = "engelsk", .sv = "engelska" },
    [EFFEKT_WORD_RV_LANG_DA] = { .en = "Danish", .da = "dansk", .sv = "danska" },
    [EFFEKT_WORD_RV_LANG_SV] = { .en = "Swedish", .da = "svensk", .sv = "svenska" },
    [EFFEKT_WORD_RV_CAP_UNIT_FUND] = { .en = "{1} by fund: pooled and spread over the projects", .da = "{1} efter fond: samlet og spredning over projekterne", .sv = "{1} per fond: sammanvägt och spridning över projekten" },
    [EFFEKT_WORD_RV_POOLED_SUMS] = { .en = "Pooled (sum over sum)", .da = "Samlet (sum over sum)", .sv = "Sammanvägt (summa över summa)" },
    [EFFEKT_WORD_RV_RANGE] = { .en = "Lowest\u2013highest", .da = "Laveste\u2013højeste", .sv = "Lägsta\u2013högsta" },
    [EFFEKT_WORD_RV_NA_MEDIAN] = { .en = "n/a: the curve does not fall to one half within the follow-up.", .da = "i.o.: kurven falder ikke til det halve inden for opfølgningen.", .sv = "e.u.: kurvan faller inte till hälften inom uppföljningen." },
    [EFFEKT_WORD_RV_NO_FUNNEL] = { .en = "There is no funnel or caterpillar plot: the export counts no persons, and the EU share is a ratio of two amounts, not a share of persons, so it has no binomial limits. The distribution of the EU shares and the projects outside their fund's usual range take its place; for the same reason there is no distribution of the cost per participant or per job.",
                                   .da = "Der er intet tragtdiagram: eksporten tæller ingen personer, og EU-andelen er forholdet mellem to beløb, ikke en andel af personer, så den har ingen binomiale grænser. Fordelingen af EU-andelene og projekterne uden for deres fonds sædvanlige spænd træder i stedet; af samme grund er der ingen fordeling af omkostningen pr. deltager eller pr. job.",
                                   .sv = "Det finns inget trattdiagram: exporten räknar inga personer, och EU-andelen är kvoten mellan två belopp, inte en andel av personer, så den har inga binomiala gränser. Fördelningen av EU-andelarna och projekten utanför sin fonds vanliga spann tar dess plats; av samma skäl finns ingen fördelning av kostnaden per deltagare eller per jobb." },
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
    { "cost_per_participant", { .en = "Cost per participant", .da = "Omkostning pr. deltager", .sv = "Kostnad per deltagare" },
      { .en = "total cost / participants", .da = "samlede udgifter / deltagere", .sv = "totala kostnader / deltagare" },
      { .en = "{1} per participant", .da = "{1} pr. deltager", .sv = "{1} per deltagare" } },
    { "cost_per_company", { .en = "Cost per company", .da = "Omkostning pr. virksomhed", .sv = "Kostnad per företag" },
      { .en = "total cost / companies", .da = "samlede udgifter / virksomheder", .sv = "totala kostnader / företag" },
      { .en = "{1} per company", .da = "{1} pr. virksomhed", .sv = "{1} per företag" } },
    { "cost_per_job", { .en = "Cost per job created", .da = "Omkostning pr. skabt job", .sv = "Kostnad per skapat jobb" },
      { .en = "total cost / jobs created", .da = "samlede udgifter / skabte job", .sv = "totala kostnader / skapade jobb" },
      { .en = "{1} per job created", .da = "{1} pr. skabt job", .sv = "{1} per skapat jobb" } },
    { "planned_cost_per_job", { .en = "Cost per job at target", .da = "Omkostning pr. job ved målet", .sv = "Kostnad per jobb enligt målet" },
      { .en = "total cost / jobs target", .da = "samlede udgifter / mål for job", .sv = "totala kostnader / mål för jobb" },
      { .en = "{1} per targeted job", .da = "{1} pr. job i målet", .sv = "{1} per jobb i målet" } },
    { "eu_cost_per_job", { .en = "EU cost per job created", .da = "EU-omkostning pr. skabt job", .sv = "EU-kostnad per skapat jobb" },
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
    { "monthly_cost", { .en = "Cost per month", .da = "Omkostning pr. måned", .sv = "Kostnad per månad" },
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
    { "cost", { .en = "cost", .da = "omkostning", .sv = "kostnad" } },
    { "total_cost", { .en = "total cost", .da = "samlede udgifter", .sv = "totala kostnader" } },
    { "eu_contribution", { .en = "EU contribution", .da = "EU-tilskud", .sv = "EU-bidrag" } },
    { "national_public", { .en = "national public funding", .da = "national offentlig finansiering", .sv = "nationell offentlig finansiering" } },
    { "private_funding", { .en = "private funding", .da = "privat finansiering", .sv = "privat finansiering" } },
    { "participants", { .en = "participants", .da = "deltagere", .sv = "deltagare" } },
    { "jobs_created", { .en = "jobs created", .da = "skabte job", .sv = "skapade jobb" } },
    { "start_date", { .en = "start date", .da = "startdato", .sv = "startdatum" } },
    { "end_date", { .en = "end date", .da = "slutdato", .sv = "slutdatum" } },
    { "jobs_target", { .en = "target for jobs", .da = "mål for job", .sv = "mål för jobb" } },
    { "eu_rate", { .en = "EU co-financing rate", .da = "EU-medfinansieringssats", .sv = "EU-medfinansieringsgrad" } },
    { "retained_6m", { .en = "retained at 6 months", .da = "fastholdt efter 6 måneder", .sv = "kvar efter 6 månader" } },
    { "retained_12m", { .en = "retained at 12 months", .da = "fastholdt efter 12 måneder", .sv = "kvar efter 12 månader" } },
    { "placed_date", { .en = "job", .da = "job", .sv = "arbete" } },
    { "enrolled_date", { .en = "enrolment", .da = "indskrivning", .sv = "inskrivning" } },
    /* the case-mix columns of a fair comparison (src/lib/report/fair.c) */
    { "education", { .en = "education", .da = "uddannelse", .sv = "utbildning" } },
    { "origin", { .en = "origin", .da = "oprindelse", .sv = "ursprung" } },
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

const char *effekt_text_word(const effekt_locale *loc, effekt_text_word_id w)
{
    if ((size_t)w >= EFFEKT_N_WORDS || !words[w].en)
        return "";
    return cell_or_en(&words[w], loc);
}

int effekt_text_has(const effekt_locale *loc, effekt_text_word_id w)
{
    return (size_t)w < EFFEKT_N_WORDS && cell(&words[w], loc) != NULL;
}

char *effekt_text_compose(const effekt_locale *loc, effekt_text_word_id w, size_t n_args, const char *const *args)
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
