/* dict.h — the distinct texts of a column, each given a code (0, 1, ...
 * in order of first appearance): what a coded text column
 * (effekt_csv_options.coded) stores instead of one copy a row.
 * Internal to libeffekt. */
#ifndef EFFEKT_IO_DICT_H
#define EFFEKT_IO_DICT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    char *bytes;          /* the texts back to back, each NUL-terminated */
    size_t len, cap;
    size_t *start;        /* by code: where its text starts in bytes */
    uint32_t *hash;       /* by code: its hash (the slots are rebuilt from it) */
    uint64_t *word;       /* by code: a text of 1 to 8 bytes as effekt_dict_word
                             makes it, 0 for longer ones (a text holds no NUL, so
                             the word alone tells short texts apart) */
    size_t n, n_cap;      /* codes given; room for */
    uint32_t *slots;      /* open addressing: code + 1, 0 empty; a power of two */
    size_t n_slots;
} effekt_dict;

/* The most codes a dictionary gives (a code is 32 bits; one value is
 * left for "missing"). */
#define EFFEKT_DICT_MAX_CODES (UINT32_MAX - 1u)

/* An empty dictionary (all zero is one too). */
void effekt_dict_init(effekt_dict *d);
void effekt_dict_clear(effekt_dict *d);

/* The code of s[0..len) (which holds no NUL), given a new one when the
 * text is new.  0; -1 out of memory or out of codes (the dictionary is
 * unchanged). */
int effekt_dict_intern(effekt_dict *d, const char *s, size_t len, uint32_t *code);

/* A text of 1 to 8 bytes as one word: its bytes in order from the low
 * end, the rest zero (loads that never read outside s[0..len)). */
static inline uint64_t effekt_dict_word(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, u, 4);
        memcpy(&hi, u + len - 4, 4);
        return (uint64_t)lo | (uint64_t)hi << (8 * (len - 4));
    }
    return (uint64_t)u[0] | (uint64_t)u[len >> 1] << (8 * (len >> 1)) | (uint64_t)u[len - 1] << (8 * (len - 1));
}

static inline uint32_t effekt_dict_mix(uint64_t h)
{
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return (uint32_t)h;
}

/* The code of the short text whose word (effekt_dict_word) is w, when the
 * dictionary has it: 1 and *code; else 0.  The common case of ids, inline. */
static inline int effekt_dict_find_word(const effekt_dict *d, uint64_t w, uint32_t *code)
{
    if (!d->n_slots)
        return 0;
    uint32_t h = effekt_dict_mix(w);
    for (size_t i = h & (d->n_slots - 1);; i = (i + 1) & (d->n_slots - 1)) {
        uint32_t c = d->slots[i];
        if (!c)
            return 0;
        if (d->word[c - 1] == w) {
            *code = c - 1;
            return 1;
        }
    }
}

/* The text of a code (< d->n), NUL-terminated, owned by d. */
static inline const char *effekt_dict_text(const effekt_dict *d, uint32_t code)
{
    return d->bytes + d->start[code];
}

#endif
