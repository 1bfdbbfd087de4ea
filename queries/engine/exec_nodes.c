/* exec_nodes.c: the ends a query node reaches from a start position:
 * tokens, elements, choices, repetitions, sequences and within/containing.
 * Bounded work per document and segment, so a pathological query fails
 * with TD_ELIMIT instead of running for ever.
 */
#include "config.h"
#include "exec_int.h"
#include "lower.h"
#include "ast.h"
#include "filter.h"
#include "index.h"
#include "tagdex.h"

#include <time.h>

/* exec_ends() calls allowed per document and per segment: a bound on
 * pathological queries such as []{0,9999} []{0,9999} over long documents,
 * far above what any sensible query needs */
#define WORK_LIMIT 10000000u
#define SEG_WORK_LIMIT 400000000u

static int ends_many(ctx *c, const tq_node *n, const vec *from, vec *out)
{
	out->n = 0;
	for (size_t i = 0; i < from->n; i++) {
		int rc = exec_ends(c, n, from->v[i], out);
		if (rc < 0)
			return rc;
	}
	vuniq(out);
	return 0;
}

static int same(const vec *a, const vec *b)
{
	return a->n == b->n && !memcmp(a->v, b->v, a->n * sizeof *a->v);
}

static int repeat_ends(ctx *c, const tq_node *n, uint32_t s, vec *out)
{
	rstate *r = &c->rs[n->slot];
	size_t len = (size_t)(c->dend - c->dfirst) + 1;
	if (s < c->dfirst || s > c->dend)
		return 0;
	if (len > r->cap) {
		free(r->stamp);
		r->stamp = calloc(len, sizeof *r->stamp);
		if (!r->stamp) {
			r->cap = 0;
			return td_error(TD_ENOMEM, "out of memory");
		}
		r->cap = len;
		r->gen = 0;
	}
	if (++r->gen == 0) {
		memset(r->stamp, 0, r->cap * sizeof *r->stamp);
		r->gen = 1;
	}
	uint32_t *st = r->stamp - c->dfirst; /* indexed by position */
	vec cur = {0}, nxt = {0}, tmp;
	int rc = vpush(&cur, s);
	if (rc == 0 && n->min == 0) {
		st[s] = r->gen;
		rc = vpush(out, s);
	}
	for (long i = 1; rc == 0 && (n->max < 0 || i <= n->max); i++) {
		if ((rc = ends_many(c, n->kids[0], &cur, &nxt)) < 0)
			break;
		if (n->max < 0 && n->bound > 0) {
			/* the hard boundary: ends only grow with more
			 * repetitions, so one past it is dropped for good */
			size_t j = 0;
			for (size_t a = 0; a < nxt.n; a++)
				if (nxt.v[a] - s <= (uint32_t)n->bound)
					nxt.v[j++] = nxt.v[a];
			nxt.n = j;
		}
		if (i < n->min) {
			/* a fixpoint below min stays one: jump to min */
			if (same(&cur, &nxt))
				i = n->min - 1;
		} else {
			/* positions reached at an earlier count >= min had at
			 * least as many repetitions left: drop them */
			size_t j = 0;
			for (size_t a = 0; a < nxt.n && rc == 0; a++) {
				uint32_t p = nxt.v[a];
				if (p < c->dfirst || p > c->dend ||
				        st[p] == r->gen)
					continue;
				st[p] = r->gen;
				nxt.v[j++] = p;
				rc = vpush(out, p);
			}
			nxt.n = j;
		}
		if (!nxt.n)
			break;
		tmp = cur;
		cur = nxt;
		nxt = tmp;
	}
	free(cur.v);
	free(nxt.v);
	return rc;
}

int tq_past_deadline(const tq_filter *f)
{
	struct timespec t;
	if (!f || !f->deadline || clock_gettime(CLOCK_MONOTONIC, &t) != 0)
		return 0;
	if ((uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec <
	        f->deadline)
		return 0;
	return td_error(TD_EINTR, "the query ran out of its time limit");
}

/* At the offset of n, the part being matched when the work ran out. */
static int too_much_work(const tq_node *n)
{
	return tq_limit_error(n,
	        "the query needs too much work on one document (nested "
	        "open repetitions such as []{0,999} []{0,999}); bound "
	        "the repetitions or restrict it with within");
}

static int cmp_range(const void *a, const void *b)
{
	const range *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Appends B's spans of the current document to w->iv. */
static int wc_spans(ctx *c, const tq_node *b, wcache *w)
{
	if (b->kind == TQ_ALT) {
		for (size_t i = 0; i < b->nkids; i++) {
			int rc = wc_spans(c, b->kids[i], w);
			if (rc < 0)
				return rc;
		}
		return 0;
	}
	spanset *ss = &c->spans[b->slot];
	int rc = exec_spans_load(c, b, ss);
	if (rc < 0)
		return rc;
	size_t need = w->n + ss->n, cm = w->capiv; /* iv and m share capiv */
	if (TD_VEC_RESERVE_N(w->m, need, cm, 64) ||
	        TD_VEC_RESERVE_N(w->iv, need, w->capiv, 64))
		return td_error(TD_ENOMEM, "out of memory");
	if (ss->n) /* both may still be NULL: NULL + 0 is undefined */
		memcpy(w->iv + w->n, ss->v, ss->n * sizeof *ss->v);
	w->n += ss->n;
	return 0;
}

/* The bound on ends of A's matches from start s (dfirst <= s <= dend):
 * within: the furthest end of a hit of B starting at or before s (0 if
 * none); containing: the nearest end of a hit of B starting at or after s
 * (UINT32_MAX if none). */
static uint32_t wc_bound(const ctx *c, const wcache *w, int within, uint32_t s)
{
	if (!w->direct)
		return w->bound[s - c->dfirst];
	size_t lo; /* spans starting before s (within: at or before) */
	TD_LOWER_BOUND(lo, w->n, mid,
	        within ? w->iv[mid].start <= s : w->iv[mid].start < s);
	if (within)
		return lo ? w->m[lo - 1] : 0;
	return lo < w->n ? w->m[lo] : UINT32_MAX;
}

/* within/containing: the bounds B's hits put on ends in the current
 * document, computed once per document. */
int exec_wc_load(ctx *c, const tq_node *n, wcache **out)
{
	wcache *w = &c->wc[n->slot];
	size_t len = c->dend - c->dfirst;
	*out = w;
	if (w->doc == c->doc)
		return 0;
	int within = n->kind == TQ_WITHIN;
	int rc = 0;
	w->doc = UINT32_MAX;
	if ((w->direct = tq_spans_only(n->kids[1]))) {
		/* as much work as the general loop's exec_ends() calls */
		c->work += len;
		if (c->work > WORK_LIMIT ||
		        c->work + c->segwork > SEG_WORK_LIMIT)
			return too_much_work(n);
		w->n = 0;
		if ((rc = wc_spans(c, n->kids[1], w)) < 0)
			return rc;
		/* one element's spans come sorted by start already */
		if (w->n > 1 && n->kids[1]->kind != TQ_SPAN)
			qsort(w->iv, w->n, sizeof *w->iv, cmp_range);
		if (within) {
			for (size_t i = 0; i < w->n; i++)
				w->m[i] = i && w->m[i - 1] > w->iv[i].end
				                  ? w->m[i - 1]
				                  : w->iv[i].end;
		} else {
			for (size_t i = w->n; i-- > 0;)
				w->m[i] = i + 1 < w->n && w->m[i + 1] <
				                                  w->iv[i].end
				                  ? w->m[i + 1]
				                  : w->iv[i].end;
		}
		w->doc = c->doc;
		return 0;
	}
	if (TD_VEC_RESERVE_N(w->bound, len + 1, w->cap, 64))
		return td_error(TD_ENOMEM, "out of memory");
	vec e = {0};
	/* B's hits are B's wherever A is: kept for the document, they are
	 * found outside any region A lies in */
	uint32_t rlim = c->rlim;
	c->rlim = UINT32_MAX;
	for (size_t i = 0; i < len && rc == 0; i++) {
		uint32_t bs = c->dfirst + (uint32_t)i;
		e.n = 0;
		if ((rc = exec_ends(c, n->kids[1], bs, &e)) < 0)
			break;
		uint32_t v = within ? 0 : UINT32_MAX;
		for (size_t a = 0; a < e.n; a++) {
			if (e.v[a] <= bs)
				continue;
			if (within ? e.v[a] > v : e.v[a] < v)
				v = e.v[a];
		}
		w->bound[i] = v;
	}
	c->rlim = rlim;
	free(e.v);
	if (rc < 0)
		return rc;
	/* within: running max from the left; containing: min from the right */
	/* position len (the document's end) starts no hit of B but an empty
	 * match of A there may still lie inside one */
	w->bound[len] = within ? 0 : UINT32_MAX;
	if (within) {
		for (size_t i = 1; i <= len; i++)
			if (w->bound[i - 1] > w->bound[i])
				w->bound[i] = w->bound[i - 1];
	} else {
		for (size_t i = len; i-- > 1;)
			if (w->bound[i] < w->bound[i - 1])
				w->bound[i - 1] = w->bound[i];
	}
	w->doc = c->doc;
	return 0;
}

/* A gap and a token, "the" []* "of": kids[i] is [] repeated and kids[i+1]
 * one condition on one leaf. Then the ends after both come straight from
 * the leaf's positions in the window of each start, not token by token.
 * The leaf's positions are loaded once per segment, unless they are too
 * many to pay (then 0: evaluate as usual). 1 if usable, 0 if not, or an
 * error. */
static int gap_usable(ctx *c, const tq_node *n, size_t i)
{
	if (i + 1 >= n->nkids)
		return 0;
	const tq_node *r = n->kids[i], *t = n->kids[i + 1];
	if (r->kind != TQ_REPEAT || r->kids[0]->kind != TQ_TOKEN ||
	        r->kids[0]->cond || (r->max < 0 && r->bound <= 0) ||
	        t->kind != TQ_TOKEN || !t->cond || t->cond->kind != TQC_ATTR)
		return 0;
	leafset *ls = &c->leaves[t->cond->leaf];
	if (ls->pos_state)
		return ls->pos_state > 0;
	ls->pos_state = -1;
	if (ls->freq > td_seg_ntokens(c->s) / 8 + 1024)
		return 0;
	int rc = 0;
	for (size_t k = 0; k < ls->ids.n && rc == 0; k++) {
		td_postings *pp = NULL;
		uint32_t pos;
		if ((rc = td_postings_open(
		             c->s, ls->layer, ls->ids.v[k], &pp)) < 0)
			break;
		while ((rc = td_postings_next(pp, 0, &pos)) == 1)
			if ((rc = vpush(&ls->pos, pos)) < 0)
				break;
		td_postings_close(pp);
	}
	if (rc < 0)
		return rc;
	if (ls->ids.n > 1)
		vuniq(&ls->pos);
	ls->pos_state = 1;
	return 1;
}

/* The ends after kids[i] ([] min..max times, or up to the hard boundary)
 * and kids[i+1] from each position of from: q + 1 for each position q of
 * the leaf with p + min <= q <= p + max, q in the document. */
static int gap_ends(
        ctx *c, const tq_node *r, const tq_node *t, const vec *from, vec *out)
{
	const vec *pv = &c->leaves[t->cond->leaf].pos;
	uint64_t span = r->max < 0 ? (uint64_t)r->bound : (uint64_t)r->max;
	int rc = 0;
	out->n = 0;
	for (size_t a = 0; a < from->n && rc == 0; a++) {
		uint64_t lo = (uint64_t)from->v[a] + (uint64_t)r->min,
		         hi = (uint64_t)from->v[a] + span;
		if (hi >= c->dend)
			hi = (uint64_t)c->dend - 1;
		if ((uint64_t)r->min > span || lo > hi)
			continue;
		size_t l = 0, h = pv->n;
		while (l < h) {
			size_t mid = l + (h - l) / 2;
			if (pv->v[mid] < lo)
				l = mid + 1;
			else
				h = mid;
		}
		for (; l < pv->n && pv->v[l] <= hi && rc == 0; l++)
			rc = vpush(out, pv->v[l] + 1);
	}
	if (rc == 0)
		vuniq(out);
	return rc;
}

int exec_ends(ctx *c, const tq_node *n, uint32_t s, vec *out)
{
	int rc = 0;
	if (++c->work > WORK_LIMIT || c->work + c->segwork > SEG_WORK_LIMIT)
		return too_much_work(n);
	if (!(c->work & 4095) && (rc = tq_past_deadline(c->f)) < 0)
		return rc;
	switch (n->kind) {
	case TQ_TOKEN:
		if (s < c->dend && s < c->rlim &&
		        (!n->cond || exec_cond_at(c, n->cond, s)))
			return vpush(out, s + 1);
		return 0;
	case TQ_SPAN:
		return exec_span_ends(c, n, s, out);
	case TQ_TAG:
		return exec_tag_ends(c, n, s, out);
	case TQ_REGION:
		return exec_region_ends(c, n, s, out);
	case TQ_ALT:
		for (size_t i = 0; i < n->nkids && rc == 0; i++)
			rc = exec_ends(c, n->kids[i], s, out);
		return rc;
	case TQ_REPEAT:
		return repeat_ends(c, n, s, out);
	case TQ_SEQ: {
		vec cur = {0}, nxt = {0}, tmp;
		rc = vpush(&cur, s);
		for (size_t i = 0; i < n->nkids && rc == 0 && cur.n; i++) {
			if ((rc = gap_usable(c, n, i)) > 0) {
				rc = gap_ends(c, n->kids[i], n->kids[i + 1],
				        &cur, &nxt);
				i++;
			} else if (rc == 0) {
				rc = ends_many(c, n->kids[i], &cur, &nxt);
			}
			tmp = cur;
			cur = nxt;
			nxt = tmp;
		}
		for (size_t a = 0; a < cur.n && rc == 0; a++)
			rc = vpush(out, cur.v[a]);
		free(cur.v);
		free(nxt.v);
		return rc;
	}
	default: { /* TQ_WITHIN, TQ_CONTAINING */
		if (s > c->dend)
			return 0;
		wcache *w = NULL;
		vec e = {0};
		if ((rc = exec_wc_load(c, n, &w)) < 0 ||
		        (rc = exec_ends(c, n->kids[0], s, &e)) < 0) {
			free(e.v);
			return rc;
		}
		uint32_t b = wc_bound(c, w, n->kind == TQ_WITHIN, s);
		for (size_t a = 0; a < e.n && rc == 0; a++)
			/* within: 0 means no hit of B begins at or before s */
			if ((n->kind == TQ_WITHIN ? b && e.v[a] <= b
			                          : e.v[a] >= b) != n->neg)
				rc = vpush(out, e.v[a]);
		free(e.v);
		return rc;
	}
	}
}
