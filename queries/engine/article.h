/* article.h: the text of a document that is not its article (pull quotes,
 * layout markers) as token ranges, and walks over the article's documents
 * and words (article.c): what hits, contexts and counts leave out. */
#ifndef TAGDEX_ARTICLE_H
#define TAGDEX_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "filter.h"
#include "index.h"

/* article.c: token ranges [start, end) that are not the article's text. */
typedef struct tq_range {
	uint32_t start, end;
} tq_range;
typedef struct tq_ranges {
	tq_range *v;
	size_t n, cap;
} tq_ranges;
/* The pull quotes and layout markers over tokens [first, end) of segment s
 * (none when f->pullquotes), sorted and merged, into out (reused: the
 * caller frees out->v). 0 or an error. */
int tq_nonarticle(td_seg *s, uint32_t first, uint32_t end, const tq_filter *f,
        tq_ranges *out);
/* The index of the first span of element k in s whose start is >= pos
 * (binary search over spans sorted by start), into *out. 0 or an error. */
int tq_span_lower(td_seg *s, uint32_t k, uint32_t pos, uint32_t *out);
/* Whether pos lies in one of the ranges; their total length. */
int tq_ranges_has(const tq_ranges *r, uint32_t pos);
uint64_t tq_ranges_len(const tq_ranges *r);
/* Calls fn for each document of ix that f lets through (tq_filter_doc),
 * segment by segment in document order, with its header and its tokens
 * that are not the article (tq_nonarticle's ranges): the documents a
 * table's group sizes count. Stops at the first nonzero return: 0, that
 * return, or an error. */
typedef int (*tq_article_fn)(void *ctx, size_t segno, td_seg *s, uint32_t d,
        const td_docinfo *di, const tq_ranges *nonarticle);
int tq_article_docs(
        td_index *ix, const tq_filter *f, tq_article_fn fn, void *ctx);
/* The token off tokens of the article before (right 0) or after (right 1)
 * token from, in the document of tokens [first, end), skipping those in
 * na (as the KWIC context skips them): --freq and --sort leftN, rightN.
 * 1 with it in *out, 0 when the document ends first. */
int tq_article_word(const tq_ranges *na, uint32_t first, uint32_t end,
        uint32_t from, uint32_t off, int right, uint32_t *out);

#endif
