/* exec_anchors.c: where the executor's candidate starts come from: the
 * rarest fixed token's postings at its offset from the start, an
 * element's spans, or for alternatives the union of each one's; none
 * (every position) when nothing is cheaper.
 */
#include "config.h"
#include "exec_int.h"
#include "ast.h"
#include "index.h"

/* The leaf of a condition that every matching token must satisfy, choosing
 * the rarest under AND; -1 if there is none (OR, NOT). */
static int cond_anchor(ctx *c, const tq_cond *k)
{
	if (k->kind == TQC_ATTR)
		return k->leaf;
	if (k->kind != TQC_AND)
		return -1;
	int a = cond_anchor(c, k->a), b = cond_anchor(c, k->b);
	if (a < 0 || b < 0)
		return a < 0 ? b : a;
	return c->leaves[a].freq <= c->leaves[b].freq ? a : b;
}

static void consider_token(ctx *c, const tq_node *t, uint32_t off, anchor *best)
{
	if (!t->cond)
		return;
	int l = cond_anchor(c, t->cond);
	if (l >= 0 && c->leaves[l].freq < best->cost)
		*best = (anchor){1, l, off, NULL, c->leaves[l].freq};
}

static void consider_span(ctx *c, const tq_node *n, uint32_t off, anchor *best)
{
	int64_t k = c->spans[n->slot].k;
	uint64_t cost = k < 0 ? 0 : td_seg_span_count(c->s, (uint32_t)k);
	if (cost < best->cost)
		*best = (anchor){2, -1, off, n, cost};
}

/* The cheapest anchor of the hits of node n into *best, unless none costs
 * less than best->cost: every hit of n starts at one of its starts. */
static void node_anchor(ctx *c, const tq_node *n, anchor *best)
{
	/* hits of A within/containing B are hits of A */
	while (n->kind == TQ_WITHIN || n->kind == TQ_CONTAINING)
		n = n->kids[0];
	if (n->kind == TQ_TOKEN) {
		consider_token(c, n, 0, best);
	} else if (n->kind == TQ_SPAN || n->kind == TQ_REGION) {
		consider_span(c, n, 0, best);
	} else if (n->kind == TQ_SEQ) {
		uint32_t off = 0;
		for (size_t i = 0; i < n->nkids; i++) {
			const tq_node *k = n->kids[i];
			if (k->kind == TQ_TOKEN) {
				consider_token(c, k, off, best);
				off++;
			} else if ((k->kind == TQ_SPAN ||
			                   k->kind == TQ_REGION) &&
			           i == 0) {
				consider_span(c, k, 0, best);
				break;
			} else if (k->kind == TQ_TAG) {
				/* zero-width: what follows keeps its offset;
				 * a start tag first starts every hit */
				if (!k->close && i == 0)
					consider_span(c, k, 0, best);
			} else if (k->kind == TQ_REPEAT && k->min == k->max &&
			           k->kids[0]->kind == TQ_TOKEN) {
				if (k->min > 0)
					consider_token(
					        c, k->kids[0], off, best);
				off += (uint32_t)k->min;
			} else {
				break;
			}
		}
	} else if (n->kind == TQ_ALT) {
		/* a hit of A | B starts where one of A or B does: the union
		 * of their anchors, when each has one */
		uint64_t cost = 0;
		for (size_t i = 0; i < n->nkids; i++) {
			anchor k = {0, -1, 0, NULL, UINT64_MAX};
			node_anchor(c, n->kids[i], &k);
			if (!k.kind || k.cost >= best->cost - cost)
				return;
			cost += k.cost;
		}
		*best = (anchor){3, -1, 0, n, cost};
	}
}

anchor exec_choose_anchor(ctx *c)
{
	anchor best = {0, -1, 0, NULL, td_seg_ntokens(c->s) / 2 + 1};
	node_anchor(c, c->p->ast, &best);
	return best;
}

/* The starts of anchor a appended to out, unsorted. */
static int anchor_starts(ctx *c, const anchor *a, vec *out)
{
	int rc = 0;
	if (a->kind == 3) {
		for (size_t i = 0; i < a->span->nkids && rc == 0; i++) {
			anchor k = {0, -1, 0, NULL, UINT64_MAX};
			node_anchor(c, a->span->kids[i], &k);
			rc = anchor_starts(c, &k, out);
		}
	} else if (a->kind == 2) {
		int64_t k = c->spans[a->span->slot].k;
		uint32_t cnt = k < 0 ? 0 : td_seg_span_count(c->s, (uint32_t)k);
		for (uint32_t i = 0; i < cnt && rc == 0; i++) {
			uint32_t st, en;
			if ((rc = td_seg_span_get(
			             c->s, (uint32_t)k, i, &st, &en)) == 0)
				rc = vpush(out, st);
		}
	} else {
		leafset *ls = &c->leaves[a->leaf];
		for (size_t i = 0; i < ls->ids.n && rc == 0; i++) {
			td_postings *pp = NULL;
			if ((rc = td_postings_open(
			             c->s, ls->layer, ls->ids.v[i], &pp)) < 0)
				break;
			uint32_t pos;
			while ((rc = td_postings_next(pp, 0, &pos)) == 1)
				if (pos >= a->off &&
				        (rc = vpush(out, pos - a->off)) < 0)
					break;
			td_postings_close(pp);
		}
	}
	return rc < 0 ? rc : 0;
}

int exec_anchor_starts(ctx *c, const anchor *a, vec *out)
{
	int rc = anchor_starts(c, a, out);
	if (rc < 0)
		return rc;
	vuniq(out);
	return 0;
}
