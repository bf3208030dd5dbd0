/* Canonical column names, the headings that map to them, and the one
 * rule by which a heading is compared with a name: for the aliases, for
 * --map, -c, --by, --weight and every other option that names a column.
 *
 * The aliases are data (heading_aliases.h), one row per alias with its
 * language.  A heading is normalised before it is compared: case folded
 * (Latin, Greek, Cyrillic), '_' and runs of space as one space, footnote
 * marks and a unit tail dropped; the unit is kept apart, for scaling
 * (effekt_heading_unit).  A bilingual heading matches by either half: the
 * halves are split on '/', on runs of three or more spaces and on line
 * breaks.  A bracketed part is a unit only when it is one: "(in 1.000
 * EUR)" is, "(H2020)" is not. */
#include "config.h"


#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "effekt/table.h"
#include "io/numbers.h"

static const effekt_canonical_alias alias_rows[] = {
#define ALIAS(c, l, a) { .canonical = c, .language = l, .heading = a },
#include "heading_aliases.h"
#undef ALIAS
    { .canonical = NULL }
};

const effekt_canonical_alias *effekt_canonical_aliases(void)
{
    return alias_rows;
}


static const effekt_canonical canonical_columns[] = {
    /* project level */
    { .name = "project_id", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    { .name = "name", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_TEXT },
    { .name = "owner", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_TEXT },
    { .name = "region", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_TEXT },
    { .name = "fund", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_TEXT },
    { .name = "start_date", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_DATE },
    { .name = "end_date", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_DATE },
    { .name = "expected_end_date", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_DATE },
    { .name = "stated_months", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "currency", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    { .name = "price_year", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER },
    { .name = "total_cost", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "eu_contribution", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "eu_rate", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "national_public", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "private_funding", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "other_funding", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "participants", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1 },
    { .name = "companies", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1 },
    { .name = "activities", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1 },
    { .name = "jobs_target", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1 },
    { .name = "jobs_created", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1 },
    { .name = "retained_6m", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1 },
    { .name = "retained_12m", .level = EFFEKT_LEVEL_PROJECT, .type = EFFEKT_TYPE_INTEGER,
      .nonnegative = 1 },
    { .name = "source", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    { .name = "notes", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    /* the other Annex XII fields of a list of operations (Regulation (EU)
     * No 1303/2013): read as text, never as numbers (a postcode is not
     * an amount) */
    { .name = "summary", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    { .name = "postcode", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    { .name = "country", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    { .name = "category", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    /* participant level */
    { .name = "participant_id", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_TEXT },
    { .name = "enrolled_date", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_DATE },
    { .name = "placed_date", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_DATE },
    { .name = "job_end_date", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_DATE },
    { .name = "followup_date", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_DATE },
    { .name = "placed", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_BOOLEAN },
    { .name = "days_to_job", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "days_employed", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "still_employed", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_BOOLEAN },
    { .name = "age", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_NUMBER, .nonnegative = 1 },
    { .name = "gender", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    { .name = "origin", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    { .name = "education", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_TEXT },
    { .name = "cost", .level = EFFEKT_LEVEL_PARTICIPANT, .type = EFFEKT_TYPE_NUMBER,
      .nonnegative = 1 },
    { .name = "weight", .level = EFFEKT_LEVEL_ANY, .type = EFFEKT_TYPE_NUMBER, .nonnegative = 1 },
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


/* Case-fold one UTF-8 character in place when it is a capital of the
 * Latin-1, Latin Extended-A/B (Romanian), Greek or Cyrillic blocks; the
 * lower case has the same length, so the text never grows.  Romanian
 * s and t with cedilla are folded to the comma-below letters, as
 * spreadsheets write either. */
static size_t fold_char(const unsigned char *s, size_t len, unsigned char *out)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        out[0] = (unsigned char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        return 1;
    }
    if (len < 2 || (c & 0xE0) != 0xC0 || (s[1] & 0xC0) != 0x80) {
        /* a longer or broken sequence: copied as it is */
        size_t n = (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        if (n > len)
            n = len;
        memcpy(out, s, n);
        return n;
    }
    unsigned cp = ((unsigned)(c & 0x1F) << 6) | (s[1] & 0x3F);
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        cp += 0x20;
    else if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
        cp |= 1;
    else if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        cp += cp & 1;
    else if (cp == 0x218 || cp == 0x21A)
        cp++;
    else if (cp >= 0x391 && cp <= 0x3A9)
        cp += 0x20;
    else if (cp >= 0x410 && cp <= 0x42F)
        cp += 0x20;
    else if (cp >= 0x400 && cp <= 0x40F)
        cp += 0x50;
    if (cp == 0x15E || cp == 0x15F)
        cp = 0x219;
    else if (cp == 0x162 || cp == 0x163)
        cp = 0x21B;
    out[0] = (unsigned char)(0xC0 | (cp >> 6));
    out[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
}

static int space_at(const char *s, size_t len, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    *w = 1;
    if (c == ' ' || c == '_' || c == '\t' || c == '\r' || c == '\n')
        return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
        *w = 2;
        return 1;
    }
    return 0;
}

/* Fold case, read '_', tabs, line breaks and NBSP as spaces, collapse
 * runs of them and trim.  out holds len+1 bytes. */
static size_t fold(const char *s, size_t len, char *out)
{
    size_t o = 0, w;
    int space = 1;   /* drop leading space */
    for (size_t i = 0; i < len;) {
        if (space_at(s, len, i, &w)) {
            if (!space)
                out[o++] = ' ';
            space = 1;
            i += w;
            continue;
        }
        space = 0;
        size_t n = fold_char((const unsigned char *)s + i, len - i, (unsigned char *)out + o);
        o += n;
        i += n;
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return o;
}

/* ---- units -------------------------------------------------------- */

/* Words that scale an amount, as lists write them in a heading. */
static const struct { const char *word; double scale; } scale_words[] = {
    { "1.000", 1e3 }, { "1,000", 1e3 }, { "1 000", 1e3 }, { "1000", 1e3 }, { "'000", 1e3 },
    { "000", 1e3 }, { "000s", 1e3 }, { "000's", 1e3 }, { "thousand", 1e3 }, { "thousands", 1e3 },
    { "tsd.", 1e3 }, { "tsd", 1e3 }, { "tausend", 1e3 }, { "t", 1e3 }, { "k", 1e3 },
    { "tys.", 1e3 }, { "tys", 1e3 }, { "tis.", 1e3 }, { "tis", 1e3 }, { "tusind", 1e3 },
    { "tusen", 1e3 }, { "tuhatta", 1e3 }, { "ezer", 1e3 }, { "tūkst.", 1e3 },
    { "1.000.000", 1e6 }, { "1,000,000", 1e6 }, { "1 000 000", 1e6 }, { "m", 1e6 }, { "mn", 1e6 },
    { "mio.", 1e6 }, { "mio", 1e6 }, { "mill.", 1e6 }, { "mil.", 1e6 }, { "mln", 1e6 },
    { "mln.", 1e6 }, { "million", 1e6 }, { "millions", 1e6 }, { "millioner", 1e6 },
    { "milj.", 1e6 }, { "miljoner", 1e6 }, { "millió", 1e6 }, { "milioane", 1e6 },
    { "miljoen", 1e6 }, { "mil", 1e6 },
    { NULL, 0 }
};

static double scale_word(const char *s, size_t len)
{
    for (size_t i = 0; scale_words[i].word; i++)
        if (strlen(scale_words[i].word) == len && memcmp(scale_words[i].word, s, len) == 0)
            return scale_words[i].scale;
    return 0;
}

/* Words that may stand before a unit: "in EUR", "i 1.000 kr.", "w tys.
 * zł", "en euros", "v tis. Kč", "u kn". */
static int unit_preposition(const char *s, size_t len)
{
    static const char *const words[] = { "in", "i", "w", "en", "v", "u", "im", NULL };
    for (size_t i = 0; words[i]; i++)
        if (strlen(words[i]) == len && memcmp(words[i], s, len) == 0)
            return 1;
    return 0;
}

/* One token of a unit: a currency mark, a scale word, a currency mark
 * glued to a scale ("£m", "€m", "m€", "k€", "tkr.", "teur", "meur") or
 * "%".  Returns 1 and adds what it says to *u. */
static int unit_token(const char *s, size_t len, effekt_heading_unit_info *u)
{
    if (len == 1 && s[0] == '%') {
        u->percent = 1;
        return 1;
    }
    /* units of time and count, said in brackets: "Varighed (måneder)" */
    static const char *const plain_units[] = {
        "months", "måneder", "mdr.", "mdr", "månader", "mån.", "monate", "mois", "kuukautta",
        "miesiące", "maanden", "måneder", "days", "dage", "dagar", "tage", "jours", "years", "år",
        "jahre", "ans", "hours", "timer", "antal", "number", "no.", "pct.", "pct", "procent",
        "prozent", NULL
    };
    for (size_t i = 0; plain_units[i]; i++)
        if (strlen(plain_units[i]) == len && memcmp(plain_units[i], s, len) == 0) {
            u->plain = 1;
            return 1;
        }
    int cur = effekt_number_currency_mark(s, len);
    if (cur) {
        if (u->currency)
            return 0;
        u->currency = effekt_number_currency_code(cur);
        return 1;
    }
    double sc = scale_word(s, len);
    if (sc) {
        if (u->scale != 1)
            return 0;
        u->scale = sc;
        return 1;
    }
    /* glued: scale letter before or after a currency mark */
    if (len >= 2 && (s[0] == 't' || s[0] == 'k' || s[0] == 'm') && (cur = effekt_number_currency_mark(s + 1, len - 1))) {
        if (u->currency || u->scale != 1)
            return 0;
        u->scale = s[0] == 'm' ? 1e6 : 1e3;
        u->currency = effekt_number_currency_code(cur);
        return 1;
    }
    if (len >= 2 && (s[len - 1] == 'm' || s[len - 1] == 'k') && (cur = effekt_number_currency_mark(s, len - 1))) {
        if (u->currency || u->scale != 1)
            return 0;
        u->scale = s[len - 1] == 'm' ? 1e6 : 1e3;
        u->currency = effekt_number_currency_code(cur);
        return 1;
    }
    return 0;
}

/* Is s[0..len) (folded) wholly a unit: [preposition] tokens, where the
 * tokens say a currency, a scale or a percentage?  A bare tail (not in
 * brackets) must name a currency or be "%": "budget m" is no unit. */
static int parse_unit(const char *s, size_t len, int bracketed, effekt_heading_unit_info *u)
{
    effekt_heading_unit_info t = { .scale = 1 };
    size_t i = 0, n_tokens = 0;
    while (i < len) {
        while (i < len && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < len && s[j] != ' ')
            j++;
        if (j == i)
            break;
        /* "1 000" and "1 000 000" are one word */
        while (j + 4 <= len && s[j] == ' ' && s[j + 1] >= '0' && s[j + 1] <= '9' && s[j + 2] >= '0'
               && s[j + 3] >= '0' && (j + 4 == len || s[j + 4] == ' ') && scale_word(s + i, j + 4 - i))
            j += 4;
        if (n_tokens == 0 && unit_preposition(s + i, j - i) && j < len) {
            i = j;
            continue;
        }
        if (!unit_token(s + i, j - i, &t))
            return 0;
        n_tokens++;
        i = j;
    }
    if (!n_tokens || (!bracketed && !t.currency && !t.percent))
        return 0;
    if (t.plain && (t.currency || t.scale != 1))
        return 0;   /* "(months EUR)" is no unit */
    t.plain = 0;
    *u = t;
    return 1;
}

/* Drop footnote marks at the end of a folded heading: "*", "**", "¹",
 * "²", "³", "†", "(1)", "[2]", "(*)".  Returns the new length. */
static size_t drop_footnotes(char *h, size_t o)
{
    for (;;) {
        while (o && h[o - 1] == ' ')
            o--;
        if (o && h[o - 1] == '*') {
            o--;
            continue;
        }
        if (o >= 2 && (unsigned char)h[o - 2] == 0xC2
            && ((unsigned char)h[o - 1] == 0xB9 || (unsigned char)h[o - 1] == 0xB2 || (unsigned char)h[o - 1] == 0xB3)) {
            o -= 2;
            continue;
        }
        if (o >= 3 && (unsigned char)h[o - 3] == 0xE2 && (unsigned char)h[o - 2] == 0x80 && (unsigned char)h[o - 1] == 0xA0) {
            o -= 3;
            continue;
        }
        if (o >= 3 && (h[o - 1] == ')' || h[o - 1] == ']')) {
            char open = h[o - 1] == ')' ? '(' : '[';
            size_t k = o - 1;
            while (k && ((h[k - 1] >= '0' && h[k - 1] <= '9') || h[k - 1] == '*'))
                k--;
            if (k && k < o - 1 && o - 1 - k <= 2 && h[k - 1] == open && k - 1 > 0) {
                o = k - 1;
                continue;
            }
        }
        break;
    }
    h[o] = '\0';
    return o;
}

/* Take a unit off the end of a folded heading: a bracketed unit "(kr.)",
 * "(in 1.000 EUR)", "[EUR]", or a bare tail "£m", "mio. kr.", "in EUR",
 * "EUR".  Returns the new length; *u says the unit (scale 1 and no
 * currency when there was none).  Nothing is taken when nothing would be
 * left. */
static size_t drop_unit(char *h, size_t o, effekt_heading_unit_info *u)
{
    *u = (effekt_heading_unit_info){ .scale = 1 };
    if (o >= 3 && (h[o - 1] == ')' || h[o - 1] == ']')) {
        char open = h[o - 1] == ')' ? '(' : '[';
        size_t k = o - 1;
        while (k && h[k - 1] != open)
            k--;
        if (k > 1 && parse_unit(h + k, o - 1 - k, 1, u)) {
            snprintf(u->text, sizeof u->text, "%.*s", (int)(o - k + 1), h + k - 1);
            o = k - 1;
            while (o && h[o - 1] == ' ')
                o--;
            h[o] = '\0';
            return o;
        }
        return o;
    }
    /* the longest bare tail of up to four words that is a unit */
    size_t best = o;
    size_t start = o;
    for (int words = 0; words < 4 && start > 0; words++) {
        size_t k = start;
        while (k && h[k - 1] == ' ')
            k--;
        while (k && h[k - 1] != ' ')
            k--;
        if (k == 0)
            break;   /* the whole heading: nothing would be left */
        effekt_heading_unit_info t;
        if (parse_unit(h + k, o - k, 0, &t)) {
            best = k;
            *u = t;
            snprintf(u->text, sizeof u->text, "%.*s", (int)(o - k), h + k);
        }
        start = k;
    }
    if (best < o) {
        o = best;
        while (o && h[o - 1] == ' ')
            o--;
        h[o] = '\0';
    }
    return o;
}

/* The key a heading (or a part of one) is matched by: folded, footnote
 * marks and unit dropped.  out holds len+1 bytes. */
static size_t heading_key(const char *s, size_t len, char *out, effekt_heading_unit_info *u)
{
    size_t o = fold(s, len, out);
    o = drop_footnotes(out, o);
    effekt_heading_unit_info unit;
    o = drop_unit(out, o, &unit);
    o = drop_footnotes(out, o);
    if (u)
        *u = unit;
    return o;
}

/* The parts of a bilingual heading: split on '/', on runs of three or
 * more spaces and on line breaks.  Calls back with each part (raw);
 * stops when the callback returns nonzero and returns that. */
typedef int (*part_fn)(const char *s, size_t len, void *ctx);

static int each_part(const char *h, size_t len, part_fn fn, void *ctx)
{
    size_t start = 0;
    int n_parts = 0;
    for (size_t i = 0; i <= len; i++) {
        size_t skip = 0;
        if (i == len) {
            skip = 0;
        } else if (h[i] == '/' || h[i] == '\n' || h[i] == '\r') {
            skip = 1;
        } else if (h[i] == ' ' || h[i] == '\t') {
            size_t k = i;
            while (k < len && (h[k] == ' ' || h[k] == '\t'))
                k++;
            if (k - i < 3) {
                i = k - 1;
                continue;
            }
            skip = k - i;
        } else {
            continue;
        }
        if (i == len && n_parts == 0)
            return 0;   /* one part: the whole, already tried */
        if (i > start) {
            int r = fn(h + start, i - start, ctx);
            if (r)
                return r;
        }
        n_parts++;
        start = i + skip;
        if (skip)
            i += skip - 1;
    }
    return 0;
}

static const effekt_canonical *match_key(const char *h)
{
    if (!*h)
        return NULL;
    for (const effekt_canonical *c = canonical_columns; c->name; c++) {
        /* the canonical name itself, with '_' read as ' ' */
        size_t n = strlen(c->name);
        if (strlen(h) == n) {
            size_t k = 0;
            while (k < n && (h[k] == c->name[k] || (h[k] == ' ' && c->name[k] == '_')))
                k++;
            if (k == n)
                return c;
        }
    }
    for (const effekt_canonical_alias *a = alias_rows; a->canonical; a++)
        if (strcmp(a->heading, h) == 0)
            return effekt_canonical_find(a->canonical);
    return NULL;
}

#define MAX_HEADING 1000

typedef struct {
    const effekt_canonical *found;
    effekt_heading_unit_info unit;
    int have_unit;
} match_state;

static int match_part(const char *s, size_t len, void *ctx)
{
    match_state *m = ctx;
    char key[MAX_HEADING + 1];
    effekt_heading_unit_info u;
    heading_key(s, len, key, &u);
    if (!m->have_unit && (u.scale != 1 || u.currency || u.percent)) {
        m->unit = u;
        m->have_unit = 1;
    }
    const effekt_canonical *c = match_key(key);
    if (c && !m->found)
        m->found = c;
    return 0;
}

/* Match a heading: the whole first, then each part.  Also finds the
 * heading's unit (the whole's, else the first part's that has one). */
static void match_heading(const char *heading, match_state *m)
{
    memset(m, 0, sizeof *m);
    m->unit.scale = 1;
    size_t len = strlen(heading);
    if (len > MAX_HEADING)
        return;
    match_part(heading, len, m);
    if (!m->found || !m->have_unit)
        each_part(heading, len, match_part, m);
}

const effekt_canonical *effekt_canonical_match(const char *heading)
{
    match_state m;
    match_heading(heading, &m);
    return m.found;
}

int effekt_heading_unit(const char *heading, effekt_heading_unit_info *unit)
{
    match_state m;
    match_heading(heading, &m);
    *unit = m.unit;
    return m.have_unit;
}

typedef struct {
    const char *key;
} same_state;

static int same_part(const char *s, size_t len, void *ctx)
{
    same_state *st = ctx;
    char key[MAX_HEADING + 1];
    heading_key(s, len, key, NULL);
    return *key && strcmp(key, st->key) == 0;
}

int effekt_heading_same(const char *heading, const char *name)
{
    size_t hl = strlen(heading), nl = strlen(name);
    if (hl > MAX_HEADING || nl > MAX_HEADING)
        return strcmp(heading, name) == 0;
    char a[MAX_HEADING + 1], b[MAX_HEADING + 1];
    /* the same letters, whatever the case and spacing */
    fold(heading, hl, a);
    fold(name, nl, b);
    if (strcmp(a, b) == 0)
        return 1;
    /* the same once footnote marks and units are dropped, whole or by a
     * part of a bilingual heading */
    heading_key(name, nl, b, NULL);
    if (!*b)
        return 0;
    heading_key(heading, hl, a, NULL);
    if (strcmp(a, b) == 0)
        return 1;
    same_state st = { .key = b };
    return each_part(heading, hl, same_part, &st);
}

size_t effekt_heading_normalise(const char *heading, char *out, size_t size)
{
    size_t len = strlen(heading);
    if (len > MAX_HEADING || size < len + 1) {
        if (size)
            *out = '\0';
        return 0;
    }
    return heading_key(heading, len, out, NULL);
}
