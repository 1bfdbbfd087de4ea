/* freq.h: frequency lists (freq.c): hits counted by one key, with each
 * group's size in tokens for rates, and optionally their dispersion over
 * documents (disp.c). n-way tables are table.h's. */
#ifndef TAGDEX_FREQ_H
#define TAGDEX_FREQ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "filter.h"
#include "hits.h"
#include "index.h"

/* freq.c: counts of hits grouped by a key. */
enum {
	TQ_BY_MATCH,
	TQ_BY_NORM,
	TQ_BY_ACTOR,
	TQ_BY_WHO,
	TQ_BY_HEDGE,
	TQ_BY_DOC,
	TQ_BY_YEAR,
	TQ_BY_MONTH,
	TQ_BY_LEMMA, /* the lemmas of the hit's tokens, space-separated */
	TQ_BY_POS    /* their parts of speech */
};
/* TQ_BY_* for a name ("match", "norm", ...), or -1. */
int tq_freq_by(const char *name);
typedef struct tq_freq tq_freq;
int tq_freq_new(int by, tq_freq **out);
void tq_freq_free(tq_freq *f);
int tq_freq_add(tq_freq *f, const tq_hit *h);
/* Adds n to the row of a key. */
int tq_freq_add_key(tq_freq *f, const char *key, size_t len, uint64_t n);
/* The token layer whose terms are this table's keys (match: word, norm:
 * norm, lemma, pos), or -1. */
int tq_freq_layer(const tq_freq *f);
/* For tables by doc, year, month and who: the size in tokens of each group
 * over the documents passing flt, text that is not the article left out
 * (who: each token under the speech group of its innermost q or said). */
int tq_freq_sizes(tq_freq *f, td_index *ix, const tq_filter *flt);
/* Prints rows "count, per million of the group's tokens, value, the
 * group's tokens" by count descending in format fmt (TQ_OUT_*), the group
 * being all ntokens for tables without tq_freq_sizes. Text has no header
 * and shows a hit without a value as "(none)"; TSV and CSV start with a
 * header row and leave that value empty; JSON Lines make it null. A group
 * of no tokens ((mixed)) has no rate: NA in text, empty in TSV/CSV, null in
 * JSON. Returns the number of rows. */
long tq_freq_print(tq_freq *f, FILE *out, uint64_t ntokens, int fmt);
/* The order of the rows of tq_freq_print and tq_table_print: the larger
 * count na or nb first, then the key ka or kb in byte order (strcmp's
 * sign). */
int tq_freq_order(uint64_t na, const char *ka, uint64_t nb, const char *kb);
/* The count and per_million cells of a text, TSV or CSV row counting n
 * hits in a group of size tokens, as tq_freq_print and tq_table_print
 * write them: n, sep, the rate per million with two decimals, or for a
 * group of no tokens NA in text and nothing in TSV/CSV. */
void tq_freq_cells(FILE *out, uint64_t n, uint64_t size, char sep, int fmt);
/* Turns on dispersion (disp.c) over the documents passing flt: the rows
 * then end with the number of documents, Juilland's D and Gries' DP
 * (docs, juilland_d, dp), and tq_freq_layer() is -1. Call before adding
 * hits. 0 or an error. */
int tq_freq_dispersion(tq_freq *f, td_index *ix, const tq_filter *flt);

#endif
