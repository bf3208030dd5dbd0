/* A dictionary of texts for coded columns (dict.h).  Ids and names in a
 * participant file repeat: 10 million rows name a few thousand projects.
 * Keeping each text once and a 32-bit code a row takes 4 bytes a row
 * instead of a pointer and a copy (12 or more), and grouping by the
 * column then compares codes, not strings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "lib_alloc.h"

void effekt_dict_init(effekt_dict *d)
{
    memset(d, 0, sizeof *d);
}

void effekt_dict_clear(effekt_dict *d)
{
    free(d->bytes);
    free(d->start);
    free(d->hash);
    free(d->word);
    free(d->slots);
    effekt_dict_init(d);
}

/* A short text: the mix of its word (what effekt_dict_find_word
 * computes); a longer one: FNV-1a over 8-byte words, then the mix, so the
 * low bits, which pick the slot, depend on every byte. */
static uint32_t hash_bytes(const char *s, size_t len)
{
    if (len >= 1 && len <= 8)
        return effekt_dict_mix(effekt_dict_word(s, len));
    uint64_t h = 1469598103934665603ull ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 1099511628211ull;
    }
    if (i < len) {
        uint64_t w = 0;
        memcpy(&w, s + i, len - i);
        h = (h ^ w) * 1099511628211ull;
    }
    return effekt_dict_mix(h);
}

static int grow_slots(effekt_dict *d)
{
    size_t n_slots = d->n_slots ? 2 * d->n_slots : 64;
    uint32_t *slots = effekt_calloc(n_slots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t c = 0; c < d->n; c++) {
        size_t i = d->hash[c] & (n_slots - 1);
        while (slots[i])
            i = (i + 1) & (n_slots - 1);
        slots[i] = (uint32_t)c + 1;
    }
    free(d->slots);
    d->slots = slots;
    d->n_slots = n_slots;
    return 0;
}

int effekt_dict_intern(effekt_dict *d, const char *s, size_t len, uint32_t *code)
{
    uint32_t h = hash_bytes(s, len);
    if (d->n_slots) {
        size_t i = h & (d->n_slots - 1);
        for (uint32_t c; (c = d->slots[i]) != 0; i = (i + 1) & (d->n_slots - 1)) {
            c--;
            if (d->hash[c] == h) {
                const char *t = d->bytes + d->start[c];
                if (memcmp(t, s, len) == 0 && t[len] == '\0') {
                    *code = c;
                    return 0;
                }
            }
        }
    }
    /* a new text */
    if (d->n >= EFFEKT_DICT_MAX_CODES)
        return -1;
    if (4 * (d->n + 1) > d->n_slots && grow_slots(d) != 0)   /* at most a quarter full: a probe rarely goes on */
        return -1;
    if (d->n == d->n_cap) {
        size_t cap = d->n_cap ? 2 * d->n_cap : 64;
        size_t *start = effekt_realloc(d->start, cap * sizeof *start);
        if (!start)
            return -1;
        d->start = start;
        uint32_t *hash = effekt_realloc(d->hash, cap * sizeof *hash);
        if (!hash)
            return -1;
        d->hash = hash;
        uint64_t *word = effekt_realloc(d->word, cap * sizeof *word);
        if (!word)
            return -1;
        d->word = word;
        d->n_cap = cap;
    }
    if (d->len + len + 1 > d->cap) {
        size_t cap = d->cap ? d->cap : 256;
        while (cap < d->len + len + 1)
            cap *= 2;
        char *b = effekt_realloc(d->bytes, cap);
        if (!b)
            return -1;
        d->bytes = b;
        d->cap = cap;
    }
    memcpy(d->bytes + d->len, s, len);
    d->bytes[d->len + len] = '\0';
    d->start[d->n] = d->len;
    d->hash[d->n] = h;
    d->word[d->n] = len >= 1 && len <= 8 ? effekt_dict_word(s, len) : 0;
    d->len += len + 1;
    size_t i = h & (d->n_slots - 1);
    while (d->slots[i])
        i = (i + 1) & (d->n_slots - 1);
    d->slots[i] = (uint32_t)d->n + 1;
    *code = (uint32_t)d->n++;
    return 0;
}
