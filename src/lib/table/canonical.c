/* Canonical column names and the headings that map to them.
 *
 * The aliases are a table, not code: adding a heading from a new export
 * is one line.  They are stored normalised (see normalise_heading), so
 * they are lower case, single-spaced and without unit suffixes. */
#include "config.h"


#include <stdlib.h>
#include <string.h>

#include "effekt/table.h"

#define ALIASES(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const effekt_canonical canonical_columns[] = {
    /* project level */
    { .name = "project_id", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("project id", "id", "projekt id", "projekt-id", "projektnummer",
                         "projekt nr.", "journalnummer", "project number", "projektnr") },
    { .name = "name", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("name", "project name", "projektnavn", "projektitel", "projekttitel",
                         "operation name", "projektnamn", "titel", "title") },
    { .name = "owner", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("owner", "projektejer", "støttemodtagerens navn", "støttemodtager",
                         "beneficiary name", "beneficiary", "kontraktansvarlig partner",
                         "projektägare", "lead partner") },
    { .name = "region", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("region") },
    { .name = "fund", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("fund", "fond", "finansiering", "funding programme", "program") },
    { .name = "start_date", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_DATE,
      .aliases = ALIASES("start date", "startdato", "operation start date", "startdatum",
                         "projektstart", "start") },
    { .name = "end_date", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_DATE,
      .aliases = ALIASES("end date", "slutdato", "operation end date", "slutdatum",
                         "projektslut", "end") },
    { .name = "expected_end_date", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_DATE,
      .aliases = ALIASES("expected end date", "forventet slutdato", "revised end date") },
    { .name = "stated_months", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1,
      .aliases = ALIASES("stated months", "months", "duration months", "varighed",
                         "varighed i måneder", "måneder", "projektperiode", "månader") },
    { .name = "currency", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("currency", "valuta") },
    { .name = "price_year", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .aliases = ALIASES("price year", "prisår", "prisniveau") },
    { .name = "total_cost", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1,
      .aliases = ALIASES("total cost", "budget", "samlede støtteberettigede projektudgifter",
                         "samlet budget", "total budget", "projektudgifter",
                         "total eligible cost", "totalt budget", "total kostnad") },
    { .name = "eu_contribution", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1,
      .aliases = ALIASES("eu contribution", "eu-støtte til projektet", "eu-støtte",
                         "eu-medfinansiering", "union co-financing", "eu funding", "eu-stöd",
                         "eu-bidrag") },
    { .name = "eu_rate", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1,
      .aliases = ALIASES("eu rate", "eu-medfinansieringssats", "union co-financing rate",
                         "co-financing rate", "eu-støttesats", "stated eu share") },
    { .name = "national_public", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1,
      .aliases = ALIASES("national public", "decentrale erhvervsfremmemidler",
                         "national offentlig medfinansiering", "offentlig medfinansiering",
                         "national public funding", "nationell offentlig finansiering") },
    { .name = "private_funding", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1,
      .aliases = ALIASES("private funding", "privat medfinansiering", "private",
                         "privat finansiering") },
    { .name = "other_funding", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1,
      .aliases = ALIASES("other funding", "anden finansiering", "øvrig finansiering",
                         "anden medfinansiering", "övrig finansiering") },
    { .name = "participants", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1,
      .aliases = ALIASES("participants", "deltagere", "antal deltagere", "kandidater",
                         "deltagare", "antal deltagare") },
    { .name = "companies", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1,
      .aliases = ALIASES("companies", "virksomheder", "antal virksomheder", "företag",
                         "antal företag") },
    { .name = "activities", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1,
      .aliases = ALIASES("activities", "aktiviteter", "antal aktiviteter", "aktiviteter antal") },
    { .name = "jobs_target", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1,
      .aliases = ALIASES("jobs target", "target jobs", "jobmål", "mål for job", "mål jobs") },
    { .name = "jobs_created", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1,
      .aliases = ALIASES("jobs created", "skabte job", "job skabt", "jobs", "antal job",
                         "skabte jobs", "skapade jobb") },
    { .name = "retained_6m", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1,
      .aliases = ALIASES("retained 6m", "retained 6 months", "fastholdt 6 mdr.",
                         "fastholdt 6 mdr", "fastholdt 6 måneder") },
    { .name = "retained_12m", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1,
      .aliases = ALIASES("retained 12m", "retained 12 months", "fastholdt 12 mdr.",
                         "fastholdt 12 mdr", "fastholdt 12 måneder") },
    { .name = "source", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("source", "kilde", "källa") },
    { .name = "notes", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("notes", "note", "noter", "bemærkninger", "anmärkningar") },
    /* participant level */
    { .name = "participant_id", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("participant id", "deltager id", "deltager-id", "deltagar-id", "person id") },
    { .name = "enrolled_date", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_DATE,
      .aliases = ALIASES("enrolled date", "enrolment date", "enrollment date", "indskrevet",
                         "indskrivningsdato", "startdato deltager") },
    { .name = "placed_date", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_DATE,
      .aliases = ALIASES("placed date", "placement date", "ansat dato", "ansættelsesdato", "jobstart") },
    { .name = "job_end_date", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_DATE,
      .aliases = ALIASES("job end date", "job ended", "fratrædelsesdato", "jobslut") },
    { .name = "followup_date", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_DATE,
      .aliases = ALIASES("followup date", "follow-up date", "opfølgningsdato", "censoring date") },
    { .name = "placed", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_BOOLEAN,
      .aliases = ALIASES("placed", "i job", "ansat") },
    { .name = "days_to_job", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1, .aliases = ALIASES("days to job", "dage til job") },
    { .name = "days_employed", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1, .aliases = ALIASES("days employed", "dage i job", "dage ansat") },
    { .name = "still_employed", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_BOOLEAN,
      .aliases = ALIASES("still employed", "fortsat ansat", "stadig i job") },
    { .name = "age", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_NUMBER, .nonnegative = 1,
      .aliases = ALIASES("age", "alder", "ålder") },
    { .name = "gender", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("gender", "sex", "køn", "kön") },
    { .name = "origin", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("origin", "oprindelse", "ursprung", "herkomst") },
    { .name = "education", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT,
      .aliases = ALIASES("education", "uddannelse", "utbildning") },
    { .name = "cost", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1, .aliases = ALIASES("cost", "omkostning", "udgift", "kostnad") },
    { .name = "weight", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_NUMBER, .nonnegative = 1,
      .aliases = ALIASES("weight", "vægt", "vikt") },
    { .name = NULL }
};

const effekt_canonical *effekt_canonical_all(void)
{
    return canonical_columns;
}

const effekt_canonical *effekt_canonical_find(const char *name)
{
    for (const effekt_canonical *c = canonical_columns; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* Lower-case ASCII and the Latin-1 capitals (Æ Ø Å Ä Ö É ...), turn '_'
 * into ' ', fold runs of space, trim, and drop a trailing unit in
 * parentheses such as "(kr.)", "(DKK)" or "(%)".  out holds len+1. */
static void normalise_heading(const char *s, size_t len, char *out)
{
    size_t o = 0;
    int space = 1;   /* drop leading space */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '_' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (!space)
                out[o++] = ' ';
            space = 1;
            continue;
        }
        space = 0;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c == 0xC3 && i + 1 < len) {
            unsigned char d = (unsigned char)s[i + 1];
            out[o++] = (char)c;
            /* U+00C0..U+00DE except U+00D7 are capitals of U+00E0..U+00FE */
            out[o++] = (char)((d >= 0x80 && d <= 0x9E && d != 0x97) ? d + 0x20 : d);
            i++;
            continue;
        }
        out[o++] = (char)c;
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    /* a trailing "(unit)" of up to 12 bytes */
    if (o >= 3 && out[o - 1] == ')') {
        char *open = strrchr(out, '(');
        if (open && open > out && (size_t)(out + o - open) <= 14) {
            *open = '\0';
            o = (size_t)(open - out);
            while (o && out[o - 1] == ' ')
                out[--o] = '\0';
        }
    }
}

static const effekt_canonical *match_normalised(const char *h)
{
    if (!*h)
        return NULL;
    for (const effekt_canonical *c = canonical_columns; c->name; c++) {
        /* the canonical name itself, with '_' read as ' ' */
        char own[64];
        normalise_heading(c->name, strlen(c->name), own);
        if (strcmp(own, h) == 0)
            return c;
        for (const char *const *a = c->aliases; *a; a++)
            if (strcmp(*a, h) == 0)
                return c;
    }
    return NULL;
}

const effekt_canonical *effekt_canonical_match(const char *heading)
{
    /* on the stack, so that matching cannot fail for want of memory (a
     * NULL here would silently read a known column as an unknown one);
     * no alias is anywhere near this long */
    size_t len = strlen(heading);
    if (len > 1000)
        return NULL;
    char h[2 * 1000 + 1];
    normalise_heading(heading, len, h);
    const effekt_canonical *c = match_normalised(h);
    /* "Dansk / English": try each half */
    char *slash = c ? NULL : strstr(h, " / ");
    if (slash) {
        *slash = '\0';
        char *second = slash + 3;
        char *half = h + len + 1;   /* the spare half of the buffer */
        normalise_heading(h, strlen(h), half);
        c = match_normalised(half);
        if (!c) {
            normalise_heading(second, strlen(second), half);
            c = match_normalised(half);
        }
    }
    return c;
}
