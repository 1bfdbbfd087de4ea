/* table.h: n-way frequency tables (table.c, --freq KEY,KEY,...): a row
 * per tuple of key values with its hits, documents and group size. */
#ifndef TAGDEX_TABLE_H
#define TAGDEX_TABLE_H

#include <stdint.h>
#include <stdio.h>

#include "ast.h"
#include "filter.h"
#include "hits.h"
#include "index.h"

/* table.c: n-way frequency tables (--freq KEY,KEY,...). A row per distinct
 * tuple of key values: its hits, its documents (those holding one of its
 * hits) and its group's size in tokens: the tokens of the documents passing
 * the filter whose document keys (doc, year, month, genre, title) have the
 * row's values, text that is not the article left out; all those tokens
 * when the table has no document key. Keys: match; norm, lemma, pos (the
 * hit's terms); leftN, rightN (the word N tokens of the article before or
 * after the hit, in its document); ELEM@ATTR (that attribute of the innermost
 * ELEM holding the whole hit, each value's leading '#' dropped); doc, year,
 * month, genre, title. */
typedef struct tq_table tq_table;
/* Parses the comma-separated keys. TD_EUSAGE naming a bad key. */
int tq_table_new(const char *spec, tq_table **out);
void tq_table_free(tq_table *t);
/* TD_EUSAGE when a key is target (target.norm, .lemma, .pos: the term of
 * the hit's target token, CQP's "group ... target") and ast marks none. */
int tq_table_check(const tq_table *t, const tq_node *ast);
/* leftN and rightN count the tokens of the article only, unless
 * pullquotes (as --pullquotes): call before the first tq_table_add. */
void tq_table_set_pullquotes(tq_table *t, int pullquotes);
int tq_table_add(tq_table *t, const tq_hit *h);
/* Computes the groups' sizes over the documents passing flt. */
int tq_table_sizes(tq_table *t, td_index *ix, const tq_filter *flt);
/* Prints the rows by count descending, then by values: count,
 * per_million (of the group's size), docs, one column per key, tokens (the
 * group's size). TSV/CSV with a header row, JSON Lines with the keys'
 * names as fields; a missing value is (none) in text, empty in TSV/CSV,
 * null in JSON. Returns the number of rows. */
long tq_table_print(tq_table *t, FILE *out, uint64_t ntokens, int fmt);

#endif
