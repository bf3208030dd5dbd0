/* group_codes.h — a look inside a grouper over one coded column, for the
 * loops over millions of rows that would otherwise copy each row's group
 * out a window at a time (describe's passes).  Internal to libeffekt. */
#ifndef EFFEKT_ANALYSIS_GROUP_CODES_H
#define EFFEKT_ANALYSIS_GROUP_CODES_H

#include <stdint.h>

#include "effekt/group.h"

typedef struct {
    const void *codes;     /* the column's codes, width bytes each */
    unsigned width;        /* 1, 2 or 4 */
    const uint32_t *of;    /* by code (< n_codes): its group */
    size_t n_codes;
    uint32_t missing;      /* the group of a missing value (the width's largest code) */
} effekt_group_codes;

/* When g spans one table grouped by one coded column and keeps no array
 * of the rows' groups: 1 and *v, the group of row r being
 * of[codes[r]] (missing for the width's largest code).  Else 0. */
int effekt_group_codes_view(const effekt_group *g, effekt_group_codes *v);

/* The rows [from, to) of v's view added to count[group] (count has a
 * place for each group of the grouper): one-byte codes counted by code
 * first, a histogram, no group looked up a row. */
void effekt_group_codes_count(const effekt_group_codes *v, size_t from, size_t to, size_t *count);

#endif
