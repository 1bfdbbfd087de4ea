/* exec_int.h: what the parts of the executor share (exec.c runs a plan
 * segment by segment; exec_leaves.c, exec_spans.c, exec_nodes.c,
 * exec_docs.c and exec_anchors.c are its stages). Only those files include
 * it. The small helpers of the inner loops are inline here, as they were
 * when the executor was one file.
 */
#ifndef TAGDEX_EXEC_INT_H
#define TAGDEX_EXEC_INT_H

#include "article.h"
#include "ast.h"
#include "filter.h"
#include "hits.h"
#include "plan.h"
#include "plan_int.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct vec {
	uint32_t *v;
	size_t n, cap;
} vec;

static inline int vpush(vec *a, uint32_t x)
{
	if (TD_VEC_RESERVE(a->v, a->n, a->cap, 16))
		return td_error(TD_ENOMEM, "out of memory");
	a->v[a->n++] = x;
	return 0;
}

static inline int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static inline void vuniq(vec *a)
{
	if (a->n < 2)
		return;
	qsort(a->v, a->n, sizeof *a->v, cmp_u32);
	size_t j = 1;
	for (size_t i = 1; i < a->n; i++)
		if (a->v[i] != a->v[j - 1])
			a->v[j++] = a->v[i];
	a->n = j;
}

typedef tq_range range;

typedef struct leafset {
	int layer;
	int64_t lit;   /* literal leaf: the id or -1 */
	uint8_t *bits; /* regex leaf: one bit per lexicon id */
	uint64_t freq; /* occurrences of all matching ids */
	vec ids;       /* matching ids */
	vec pos;       /* gap_ends: every position of the leaf, ascending */
	int pos_state; /* 0 not loaded, 1 loaded, -1 too many to load */
} leafset;

typedef struct spanset {
	int64_t k; /* element number in the segment, -1 if absent */
	range *v;  /* the current document's matching spans by start */
	size_t n, cap;
	uint32_t *ends; /* an end tag's: their ends, ascending */
	size_t nends, capends;
	uint32_t doc; /* the document v belongs to, UINT32_MAX: none */
	/* attribute regex results by value: the index returns one pointer
	 * per distinct stored value, valid until close, so a value seen once
	 * is never matched again (key: the pointer and the attribute j) */
	const char **ckey;
	uint32_t *cj;
	uint8_t *cres;
	size_t cslots, cn;
} spanset;

/* within/containing: the bound B's hits put on ends, per start. For B made
 * of spans it is kept sparse: B's spans of the document by start (iv) with
 * the running max of their ends from the left (within) or min from the
 * right (containing) in m; otherwise one bound per position. */
typedef struct wcache {
	uint32_t *bound; /* per position of the current document */
	size_t cap;
	uint32_t doc;
	int direct; /* B is made of spans: iv and m are used */
	range *iv;
	uint32_t *m;
	size_t n, capiv;
} wcache;

/* positions a repeat has reached, by generation stamp: no node is
 * re-entered while it is being evaluated, so one array per node is enough */
typedef struct rstate {
	uint32_t *stamp;
	size_t cap;
	uint32_t gen;
} rstate;

typedef struct ctx {
	tq_plan *p;
	td_seg *s;
	size_t segno;
	leafset *leaves;
	spanset *spans;
	wcache *wc;
	rstate *rs;
	uint64_t work;    /* exec_ends() calls in the current document */
	uint64_t segwork; /* and in the segment before it */
	uint32_t doc, dfirst, dend;
	/* inside a region (<s> ... </s>): its end, which no token nor start
	 * tag may reach (CQP's StrictRegions); UINT32_MAX outside */
	uint32_t rlim;
	tq_ranges na;  /* text of the current document that is not the
	                * article (article.c) */
	tq_join *join; /* hits.c */
	/* starts and documents are mostly visited in ascending order: the
	 * last document found for a position, to gallop from */
	uint32_t hint_doc, hint_first;
	int has_hint;
	const tq_filter *f;
	/* the matching strategy's state over the hits of a segment, in
	 * order of their starts (strat_emit): longest: the furthest end so
	 * far; standard: the ends of hits still ahead of the current start;
	 * shortest: the hits that a later, shorter one may still replace
	 * (ends ascending) */
	uint32_t far;
	int any_far;
	vec ends;
	tq_hit *pend;
	size_t npend, cappend;
} ctx;

/* The cheapest way to enumerate possible starts: a leaf's postings at a
 * fixed offset from the start, an element's spans, or the union of the
 * anchors of alternatives. */
typedef struct anchor {
	int kind; /* 0 none (scan), 1 leaf, 2 span, 3 alternatives */
	int leaf;
	uint32_t off;
	const tq_node *span; /* 2: the element; 3: the TQ_ALT node */
	uint64_t cost;
} anchor;

/* exec_leaves.c: token conditions, decided per segment over the lexicon */
int exec_leaf_prepare(ctx *c, size_t i);
int exec_leaf_at(ctx *c, int i, uint32_t pos);
/* 1 if leaf i is one term without postings of its own in this segment (a
 * frequent pos term: td_seg_lex_scanned), tested at a position rather
 * than walked to it. */
int exec_leaf_scanned(ctx *c, int i);
int exec_cond_at(ctx *c, const tq_cond *k, uint32_t pos);

/* exec_spans.c: an element's matching spans in the current document */
int exec_spans_load(ctx *c, const tq_node *n, spanset *ss);
int exec_span_ends(ctx *c, const tq_node *n, uint32_t s, vec *out);
int exec_tag_ends(ctx *c, const tq_node *n, uint32_t s, vec *out);
int exec_region_ends(ctx *c, const tq_node *n, uint32_t s, vec *out);

/* exec_nodes.c: the ends a node reaches from a start */
int exec_ends(ctx *c, const tq_node *n, uint32_t s, vec *out);
int exec_wc_load(ctx *c, const tq_node *n, wcache **out);

/* exec_docs.c: entering a document */
int exec_doc_enter(ctx *c, uint32_t d);

static inline int in_pullquote(const ctx *c, uint32_t s, uint32_t e)
{
	for (size_t i = 0; i < c->na.n; i++)
		if (s < c->na.v[i].end && c->na.v[i].start < e)
			return 1;
	return 0;
}

/* exec_anchors.c: where starts come from */
anchor exec_choose_anchor(ctx *c);
int exec_anchor_starts(ctx *c, const anchor *a, vec *out);

#endif
