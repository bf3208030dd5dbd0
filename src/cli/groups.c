/* Group keys shared by the subcommands that group rows: an open-
 * addressing map from a key's text to a group id. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effekt/date.h"
#include "cli.h"

/* ---- group keys: open addressing over strings ---- */
static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static int key_map_grow(key_map *m)
{
    size_t n_slots = m->n_slots ? 2 * m->n_slots : 1024;
    size_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t g = 0; g < m->n; g++) {
        size_t i = hash_str(m->keys[g]) & (n_slots - 1);
        while (slots[i])
            i = (i + 1) & (n_slots - 1);
        slots[i] = g + 1;
    }
    free(m->slots);
    m->slots = slots;
    m->n_slots = n_slots;
    return 0;
}

/* The group id of key (copied when new); (size_t)-1 when out of memory. */
size_t key_map_id(key_map *m, const char *key)
{
    if (2 * (m->n + 1) > m->n_slots && key_map_grow(m) != 0)
        return (size_t)-1;
    size_t i = hash_str(key) & (m->n_slots - 1);
    while (m->slots[i]) {
        if (strcmp(m->keys[m->slots[i] - 1], key) == 0)
            return m->slots[i] - 1;
        i = (i + 1) & (m->n_slots - 1);
    }
    if (m->n == m->cap_keys) {
        size_t cap = m->cap_keys ? 2 * m->cap_keys : 64;
        char **k = realloc(m->keys, cap * sizeof *k);
        if (!k)
            return (size_t)-1;
        m->keys = k;
        m->cap_keys = cap;
    }
    if (!(m->keys[m->n] = strdup(key)))
        return (size_t)-1;
    m->slots[i] = m->n + 1;
    return m->n++;
}

void key_map_free(key_map *m)
{
    for (size_t g = 0; g < m->n; g++)
        free(m->keys[g]);
    free(m->keys);
    free(m->slots);
}

/* The text of a value as a group key. */
void value_text(const effekt_column *c, size_t row, char *buf, size_t size)
{
    if (effekt_column_missing(c, row))
        snprintf(buf, size, "(missing)");
    else if (c->type == EFFEKT_TYPE_TEXT)
        snprintf(buf, size, "%s", c->text[row]);
    else if (c->type == EFFEKT_TYPE_DATE)
        effekt_date_format((long)c->values[row], buf);
    else
        snprintf(buf, size, "%.15g", c->values[row]);
}

