/* effekt/group.h — rows of a table into groups by the values of one or
 * more columns: the one grouper every analysis uses.
 *
 * A group's key is the text of its values (text as it is, dates as
 * YYYY-MM-DD, numbers as %.15g), a missing value is EFFEKT_GROUP_MISSING
 * ("(missing)") whatever the column's type, and without columns every
 * row is in one group, EFFEKT_GROUP_ALL ("all").  Groups are numbered in
 * the order their first row was added, so output follows the file.  A
 * grouper may span several tables (the same columns in each, as a chart
 * of many files draws them): their rows are numbered one after another.
 * Memory: one group id (4 bytes) per row of the tables, plus the groups'
 * keys; at most EFFEKT_GROUP_MAX groups (EFFEKT_ELIMIT beyond).  A text
 * column loaded as codes (effekt_column.codes) is grouped by its codes,
 * each code's key made once. */
#ifndef EFFEKT_GROUP_H
#define EFFEKT_GROUP_H

#include "effekt/export.h"

#include <stddef.h>
#include <stdint.h>

#include "effekt/diag.h"
#include "effekt/table.h"

#ifdef __cplusplus
extern "C" {
#endif

#define EFFEKT_GROUP_MISSING "(missing)"
#define EFFEKT_GROUP_ALL "all"
/* The group of a row that was not added. */
#define EFFEKT_GROUP_NONE ((size_t)-1)
/* ...in the array of effekt_group_rows. */
#define EFFEKT_GROUP_ROW_NONE UINT32_MAX
#define EFFEKT_GROUP_MAX ((size_t)UINT32_MAX - 1)

typedef struct effekt_group effekt_group;

/* A grouper over table t by columns[0..n_columns) (n_columns 0: one group
 * "all").  t and the columns are borrowed: they must outlive the grouper.
 * EFFEKT_EINVAL (a problem naming the column in diag, which may be NULL)
 * when a name is not a column of t; EFFEKT_ENOMEM.  No row is added yet:
 * effekt_group_add_all or effekt_group_add. */
EFFEKT_API effekt_status effekt_group_create(const effekt_table *t, const char *const *columns, size_t n_columns,
                                  effekt_group **out, effekt_diag *diag);

/* A grouper over the rows of tables[0..n_tables), each grouped by its own
 * columns of those names; rows are numbered across them in order (the
 * rows of table k start at the sum of the earlier tables' n_rows), which
 * is the numbering of effekt_group_first_row, _of and _rows.  The tables
 * (not the array) are borrowed.  Problems as effekt_group_create, naming
 * the table that lacks the column. */
EFFEKT_API effekt_status effekt_group_create_tables(const effekt_table *const *tables, size_t n_tables,
                                                    const char *const *columns, size_t n_columns,
                                                    effekt_group **out, effekt_diag *diag);

/* Add row r (< t->n_rows) to its group, made when new; *id (may be NULL)
 * gets the group.  A row added twice keeps its group.  Rows an analysis
 * leaves out are simply not added: their group stays EFFEKT_GROUP_NONE
 * and a group only they would have made does not exist. */
EFFEKT_API effekt_status effekt_group_add(effekt_group *g, size_t r, size_t *id);

/* Add row `row` of table number `table` (of effekt_group_create_tables;
 * 0 for effekt_group_create's one table) to its group, as effekt_group_add.
 * EFFEKT_EINVAL for a table or row out of range. */
EFFEKT_API effekt_status effekt_group_add_in(effekt_group *g, size_t table, size_t row, size_t *id);

/* Add every row of the tables, in order. */
EFFEKT_API effekt_status effekt_group_add_all(effekt_group *g);

EFFEKT_API void effekt_group_destroy(effekt_group *g);

/* Groups so far. */
EFFEKT_API size_t effekt_group_count(const effekt_group *g);

/* The key of group id (< count) as people read it: the values of the
 * grouping columns joined by ", ".  Owned by g. */
EFFEKT_API const char *effekt_group_label(const effekt_group *g, size_t id);

/* Every group's label, by id (count of them; owned by g, valid until the
 * next add): the labels array a chart's input takes. */
EFFEKT_API const char *const *effekt_group_labels(const effekt_group *g);

/* Rows added to group id; its first row. */
EFFEKT_API size_t effekt_group_size(const effekt_group *g, size_t id);
EFFEKT_API size_t effekt_group_first_row(const effekt_group *g, size_t id);

/* Whether a grouping value of group id is missing (R's table() and model
 * formulas drop such rows from tests). */
EFFEKT_API int effekt_group_missing(const effekt_group *g, size_t id);

/* The group of row r, EFFEKT_GROUP_NONE when not added. */
EFFEKT_API size_t effekt_group_of(const effekt_group *g, size_t r);

/* The groups of rows [from, from + n) (of all tables' rows; the range
 * must lie within them) into out[0..n), EFFEKT_GROUP_ROW_NONE for a row
 * not added: a window of rows at a time, for loops over many rows that
 * need no array of them all (a grouper over one coded column keeps
 * none: its rows' groups are their codes' groups). */
EFFEKT_API void effekt_group_rows_copy(const effekt_group *g, size_t from, size_t n, uint32_t *out);

/* The array of all rows' groups (owned by g; EFFEKT_GROUP_ROW_NONE for a
 * row not added), made on the first call where the grouper keeps none
 * (4 bytes a row): NULL when out of memory.  Not to be called by two
 * threads at once for the first time. */
EFFEKT_API const uint32_t *effekt_group_rows(const effekt_group *g);

/* The text of a value as a group key: EFFEKT_GROUP_MISSING when missing,
 * dates as YYYY-MM-DD, numbers as %.15g; truncated to size. */
EFFEKT_API void effekt_group_value_text(const effekt_column *c, size_t row, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
