/* hits.h: a hit (tq_hit: where a match is, and the element it is) and the
 * callback that receives hits; hits.c's logical hits, which join the parts
 * of an element split around narration into one. Everything that reads
 * the executor's answers (contexts, lines, tables, subcorpora) starts here. */
#ifndef TAGDEX_HITS_H
#define TAGDEX_HITS_H

#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "filter.h"
#include "index.h"

typedef struct tq_hit {
	size_t segno;
	td_seg *seg;
	uint32_t doc;        /* document number in the segment */
	uint32_t start, end; /* token positions in the segment, end exclusive */
	/* the element the hit is exactly (of those the query names as a
	 * whole: <q/>, alternatives, the left of within/containing): element
	 * number + 1 (0: none) and span index. A split element (parts linked
	 * by @next/@prev) is one hit from its first part's start to its last
	 * part's end, si being the first part. */
	uint32_t sk, si;
	uint32_t target; /* the target (@) token's position + 1, 0: none */
} tq_hit;

/* hits.c: logical hits (see tq_hit.sk). tq_join_hit() sets h->sk/si and
 * may extend h over a split element: 1 to report h, 0 to drop it (a later
 * part of an element already reported, or with f->outermost a hit inside an
 * earlier one), or an error. One tq_join per segment, fed its hits in
 * order. */
typedef struct tq_join tq_join;
/* The token ranges that hold h's text: each part of a split element (the
 * narration between two parts of a quote is not the quote's), else h
 * itself; fn(ctx, start, end) for each in order, stopping at its error.
 * 0 or an error. */
int tq_hit_parts(
        const tq_hit *h, int (*fn)(void *, uint32_t, uint32_t), void *ctx);
int tq_join_new(
        const tq_node *ast, td_seg *s, const tq_filter *f, tq_join **out);
void tq_join_free(tq_join *j);
int tq_join_hit(tq_join *j, tq_hit *h);

/* Called for each hit in corpus order. Return 0 to go on, 1 to stop, or a
 * negative code to abort with it. */
typedef int (*tq_hit_fn)(void *ctx, const tq_hit *h);

#endif
