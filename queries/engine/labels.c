/* labels.c: queries with CQP's labels (a:[...]), label references in token
 * conditions ([lemma = a.lemma]), a target (@[...]) or a global constraint
 * (:: a.word = b.word). Their matches depend on which token each label
 * names, which exec.c's sets of end positions do not keep; so:
 *
 * 1. exec.c runs the plan's free query (plan.c: the query without labels,
 *    its label conditions made []) with the longest strategy. Its matches
 *    are the maximal ones, and every match of the query lies inside one
 *    (the free query matches wherever the query does): these regions are
 *    all that is searched.
 * 2. Here, from every start inside a region, the query is matched token
 *    by token by backtracking, every path with its labels' positions,
 *    the global constraint tested at the end of each path. A start's
 *    matches are the ends some path reaches with the constraint true,
 *    its target the least target position among those paths (none if
 *    none sets it). Work is bounded: TD_ELIMIT past MAX_STEPS, TD_EINTR
 *    past the filter's deadline (asked every 4096 steps, as exec.c does).
 * 3. The matching strategy then picks among the document's matches as
 *    exec.c does among its own (tagdex-query(1), "Matching strategy").
 *
 * within and containing are decided by the elements of their right side,
 * which plan.c requires to be elements or alternatives of them.
 */
#include "config.h"
#include "article.h"
#include "ast.h"
#include "exec.h"
#include "filter.h"
#include "hits.h"
#include "plan.h"
#include "plan_int.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define MAX_STEPS 50000000ull

typedef struct lc {
	tq_plan *p, *vp;
	const tq_node *ast;
	int strategy; /* TQ_MATCH_*: the plan's own (it runs with longest) */
	tq_filter f;
	tq_hit_fn fn;
	void *arg;
	int stop, err;
	/* the segment */
	td_seg *s;
	size_t segno;
	int have_seg;
	tq_join *join;
	int64_t *elem;   /* per span slot of vp: element number, -1 absent */
	uint8_t **leafc; /* per leaf of vp, per term id: 0 not known yet,
	                  * 1 no match, 2 match */
	/* the document */
	uint32_t doc, dfirst, dend;
	int have_doc;
	uint32_t *maxend; /* per token of the document: the furthest end of
	                   * a region holding it (0: in none) */
	uint32_t *lo, *hi, *tlo, *thi; /* per start: shortest and longest
	                                * end (0: none) and their targets */
	size_t cap;
	tq_ranges na;
	/* matching from one start */
	uint32_t *bind, tgt, start, lim;
	uint32_t rlim;   /* inside a region <s> ... </s>: its end, which no
	                  * token nor start tag may reach; NONE outside */
	uint32_t *found; /* per end - start: 0 no match, else the least
	                  * target + 1, NONE when no path sets one */
	size_t fcap;
	uint64_t steps;
} lc;

typedef struct kont kont;
typedef int (*kfn)(lc *c, const kont *k, uint32_t pos);
struct kont {
	kfn fn;
	const tq_node *n;
	size_t i;    /* SEQ: the next kid */
	long count;  /* REPEAT: repetitions so far */
	uint32_t s0; /* REPEAT: where it began; WITHIN: the match's start */
	uint32_t it; /* REPEAT: where this repetition began */
	const kont *next;
};

/* ---------------------------------------------------------- conditions */

static int leaf_term(lc *c, const tq_cond *k, uint32_t pos)
{
	uint32_t id = td_seg_id_at(c->s, k->layer, pos);
	if (id == NONE)
		return 0; /* damage: td_seg_damaged() fails the segment */
	uint8_t *cache = c->leafc[k->leaf];
	if (cache && cache[id])
		return cache[id] == 2;
	size_t len = 0;
	const char *t = td_seg_lex_term(c->s, k->layer, id, &len);
	if (!t)
		return td_seg_lex_term_err(c->s);
	int r = tq_plan_match_term(c->vp, k->leaf, t, len);
	if (r >= 0 && cache)
		cache[id] = r ? 2 : 1;
	return r;
}

static int ceval(lc *c, const tq_cond *k, uint32_t pos)
{
	int r;
	switch (k->kind) {
	case TQC_NOT:
		r = ceval(c, k->a, pos);
		return r < 0 ? r : !r;
	case TQC_AND:
		r = ceval(c, k->a, pos);
		return r <= 0 ? r : ceval(c, k->b, pos);
	case TQC_OR:
		r = ceval(c, k->a, pos);
		return r != 0 ? r : ceval(c, k->b, pos);
	default:
		break;
	}
	uint32_t at = pos;
	if (k->lab && (at = c->bind[k->lab - 1]) == NONE)
		return 0; /* a label not set */
	if (!k->pattern && !k->ref)
		return 1; /* a bare label, set */
	if (k->ref) {
		uint32_t q = c->bind[k->ref - 1];
		if (q == NONE)
			return 0;
		uint32_t a = td_seg_id_at(c->s, k->layer, at),
		         b = td_seg_id_at(c->s, k->layer, q);
		return a != NONE && a == b;
	}
	return leaf_term(c, k, at);
}

/* ------------------------------------------------------------ elements */

/* Whether span i of element k satisfies span node n's attributes */
static int span_attrs(lc *c, const tq_node *n, uint32_t k, uint32_t i)
{
	for (size_t j = 0; j < n->nattrs; j++) {
		const char *v = NULL;
		int r = td_seg_span_attr_find(c->s, k, i, n->attrs[j].name, &v);
		if (r < 0)
			return r;
		if (r == 1 && (r = tq_plan_match_attr(c->vp, n, j, v)) < 0)
			return r;
		if (r == n->attrs[j].neg)
			return 0;
	}
	return 1;
}

/* within (in 1): some non-empty span of b holds [s, e); containing: some
 * non-empty span of b lies in [s, e). b is an element or alternatives. */
static int bound_ok(lc *c, const tq_node *b, uint32_t s, uint32_t e, int in)
{
	if (b->kind == TQ_ALT) {
		for (size_t i = 0; i < b->nkids; i++) {
			int r = bound_ok(c, b->kids[i], s, e, in);
			if (r != 0)
				return r;
		}
		return 0;
	}
	int64_t k = c->elem[b->slot];
	if (k < 0)
		return 0;
	uint32_t i, cnt = td_seg_span_count(c->s, (uint32_t)k);
	int rc = tq_span_lower(c->s, (uint32_t)k, in ? c->dfirst : s, &i);
	if (rc < 0)
		return rc;
	for (; i < cnt; i++) {
		uint32_t st, en;
		if ((rc = td_seg_span_get(c->s, (uint32_t)k, i, &st, &en)) < 0)
			return rc;
		if (in ? st > s : st >= e)
			break;
		if (en <= st || (in ? en < e : en > e))
			continue;
		if ((rc = span_attrs(c, b, (uint32_t)k, i)) != 0)
			return rc;
	}
	return 0;
}

/* ------------------------------------------------------------ matching */

static int match(lc *c, const tq_node *n, uint32_t pos, const kont *k);

static int seq_k(lc *c, const kont *k, uint32_t pos)
{
	if (k->i == k->n->nkids)
		return k->next->fn(c, k->next, pos);
	kont nk = {seq_k, k->n, k->i + 1, 0, 0, 0, k->next};
	return match(c, k->n->kids[k->i], pos, &nk);
}

static int rep(lc *c, const tq_node *n, long count, uint32_t s0, uint32_t pos,
        const kont *k);

static int rep_k(lc *c, const kont *k, uint32_t pos)
{
	/* an empty repetition only while the minimum is not reached */
	if (pos == k->it && k->count - 1 >= k->n->min)
		return 0;
	return rep(c, k->n, k->count, k->s0, pos, k->next);
}

static int rep(lc *c, const tq_node *n, long count, uint32_t s0, uint32_t pos,
        const kont *k)
{
	int rc;
	if (n->max < 0 && n->bound > 0 && pos - s0 > (uint32_t)n->bound)
		return 0; /* the hard boundary */
	if (count >= n->min && (rc = k->fn(c, k, pos)) != 0)
		return rc;
	if (n->max >= 0 && count >= n->max)
		return 0;
	kont nk = {rep_k, n, 0, count + 1, s0, pos, k};
	return match(c, n->kids[0], pos, &nk);
}

static int wc_k(lc *c, const kont *k, uint32_t pos)
{
	int r = bound_ok(c, k->n->kids[1], k->s0, pos, k->n->kind == TQ_WITHIN);
	if (r < 0)
		return r;
	return r != k->n->neg ? k->next->fn(c, k->next, pos) : 0;
}

/* the end of a region's kid: on only at the element's end (s0), out of
 * the region again (its outer bound in it) */
static int region_k(lc *c, const kont *k, uint32_t pos)
{
	if (pos != k->s0)
		return 0;
	uint32_t in = c->rlim;
	c->rlim = k->it;
	int rc = k->next->fn(c, k->next, pos);
	c->rlim = in;
	return rc;
}

/* A start tag (an element of n's starting at pos) or an end tag (one
 * ending there), or with region the elements starting at pos, each run
 * through n's kid. */
static int tag_match(lc *c, const tq_node *n, uint32_t pos, const kont *k)
{
	int64_t e = c->elem[n->slot];
	int region = n->kind == TQ_REGION, close = !region && n->close, rc;
	if (e < 0 || (!close && pos >= c->rlim))
		return 0;
	uint32_t i, cnt = td_seg_span_count(c->s, (uint32_t)e);
	if ((rc = tq_span_lower(
	             c->s, (uint32_t)e, close ? c->dfirst : pos, &i)) < 0)
		return rc;
	for (; i < cnt; i++) {
		uint32_t st, en;
		if ((rc = td_seg_span_get(c->s, (uint32_t)e, i, &st, &en)) < 0)
			return rc;
		if (st > pos || (!close && st != pos))
			break;
		if (en < st || (region && en > c->lim) ||
		        (close && en != pos) || en > c->dend)
			continue; /* en > dend: the next document's */
		uint32_t d;
		if (en == st && (st == c->dfirst || st == c->dend) &&
		        ((rc = td_seg_span_doc(c->s, (uint32_t)e, i, &d)) < 0 ||
		                d != c->doc)) {
			if (rc < 0)
				return rc;
			continue;
		}
		if ((rc = span_attrs(c, n, (uint32_t)e, i)) < 0)
			return rc;
		if (!rc)
			continue;
		if (!region)
			return k->fn(c, k, pos); /* once, whatever the count */
		kont nk = {region_k, n, 0, 0, en, c->rlim, k};
		uint32_t out = c->rlim;
		c->rlim = en;
		rc = n->nkids ? match(c, n->kids[0], pos, &nk)
		              : region_k(c, &nk, pos);
		c->rlim = out;
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int match(lc *c, const tq_node *n, uint32_t pos, const kont *k)
{
	int rc = 0;
	if (++c->steps > MAX_STEPS)
		return tq_limit_error(n,
		        "the query with labels, '@' or '::' needs more than "
		        "%llu matching steps; narrow it (fewer or bounded "
		        "repetitions, a smaller --hard-boundary, a filter)",
		        (unsigned long long)MAX_STEPS);
	if (!(c->steps & 4095) && (rc = tq_past_deadline(&c->f)) < 0)
		return rc;
	switch (n->kind) {
	case TQ_TAG:
	case TQ_REGION:
		return tag_match(c, n, pos, k);
	case TQ_TOKEN: {
		if (pos >= c->lim || pos >= c->rlim)
			return 0;
		if (n->cond && (rc = ceval(c, n->cond, pos)) <= 0)
			return rc;
		uint32_t ob = n->lab ? c->bind[n->lab - 1] : 0, ot = c->tgt;
		if (n->lab)
			c->bind[n->lab - 1] = pos;
		if (n->target)
			c->tgt = pos;
		rc = k->fn(c, k, pos + 1);
		if (n->lab)
			c->bind[n->lab - 1] = ob;
		c->tgt = ot;
		return rc;
	}
	case TQ_SPAN: {
		int64_t e = c->elem[n->slot];
		if (e < 0)
			return 0;
		uint32_t i, cnt = td_seg_span_count(c->s, (uint32_t)e);
		if ((rc = tq_span_lower(c->s, (uint32_t)e, pos, &i)) < 0)
			return rc;
		for (; i < cnt && rc == 0; i++) {
			uint32_t st, en;
			if ((rc = td_seg_span_get(
			             c->s, (uint32_t)e, i, &st, &en)) < 0)
				return rc;
			if (st != pos)
				break;
			if (en <= st || en > c->lim)
				continue;
			if ((rc = span_attrs(c, n, (uint32_t)e, i)) > 0)
				rc = k->fn(c, k, en);
		}
		return rc;
	}
	case TQ_SEQ: {
		kont nk = {seq_k, n, 1, 0, 0, 0, k};
		return match(c, n->kids[0], pos, &nk);
	}
	case TQ_ALT:
		for (size_t i = 0; i < n->nkids && rc == 0; i++)
			rc = match(c, n->kids[i], pos, k);
		return rc;
	case TQ_REPEAT:
		return rep(c, n, 0, pos, pos, k);
	default: { /* within, containing */
		kont nk = {wc_k, n, 0, 0, pos, 0, k};
		return match(c, n->kids[0], pos, &nk);
	}
	}
}

/* the end of a path: a match if non-empty, clear of text that is not the
 * article and the global constraint holds */
static int fin(lc *c, const kont *k, uint32_t pos)
{
	(void)k;
	if (pos <= c->start || pos > c->lim)
		return 0;
	if (c->ast->where) {
		int r = ceval(c, c->ast->where, pos);
		if (r <= 0)
			return r;
	}
	for (size_t i = 0; i < c->na.n; i++)
		if (c->na.v[i].start < pos && c->na.v[i].end > c->start)
			return 0;
	uint32_t t = c->tgt == NONE ? NONE : c->tgt + 1;
	uint32_t *f = &c->found[pos - c->start];
	if (!*f || t < *f)
		*f = t;
	return 0;
}

/* ----------------------------------------------------------- documents */

static int grow(lc *c, size_t n)
{
	if (n <= c->cap)
		return 0;
	/* the five arrays grow alike: from the same capacity to the same */
	uint32_t **v[] = {&c->maxend, &c->lo, &c->hi, &c->tlo, &c->thi};
	size_t cap = c->cap;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		cap = c->cap;
		if (TD_VEC_RESERVE_N(*v[i], n, cap, 256))
			return td_error(TD_ENOMEM, "out of memory");
	}
	c->cap = cap;
	return 0;
}

static int report(lc *c, uint32_t s, uint32_t x, uint32_t t)
{
	tq_hit h = {0};
	h.segno = c->segno;
	h.seg = c->s;
	h.doc = c->doc;
	h.start = s;
	h.end = x;
	h.target = t == NONE ? 0 : t;
	int rc = tq_join_hit(c->join, &h);
	if (rc <= 0)
		return rc;
	rc = c->fn(c->arg, &h);
	if (rc > 0)
		c->stop = 1;
	return rc;
}

/* The matches from every start of the document's regions, then the
 * strategy's choice among them, reported in order of their starts. */
static int flush_doc(lc *c)
{
	if (!c->have_doc)
		return 0;
	c->have_doc = 0;
	uint32_t n = c->dend - c->dfirst;
	int rc = tq_nonarticle(c->s, c->dfirst, c->dend, &c->f, &c->na);
	for (uint32_t r = 0; r < n && rc >= 0; r++) {
		c->lo[r] = c->hi[r] = 0;
		if (!c->maxend[r])
			continue;
		c->start = c->dfirst + r;
		c->lim = c->maxend[r];
		c->rlim = NONE;
		size_t w = c->lim - c->start + 1;
		if (TD_VEC_RESERVE_N(c->found, w, c->fcap, 64))
			return td_error(TD_ENOMEM, "out of memory");
		memset(c->found, 0, w * sizeof *c->found);
		for (size_t l = 0; l < c->ast->nlabels; l++)
			c->bind[l] = NONE;
		c->tgt = NONE;
		kont top = {fin, NULL, 0, 0, 0, 0, NULL};
		if ((rc = match(c, c->ast, c->start, &top)) < 0)
			break;
		for (size_t x = 1; x < w; x++)
			if (c->found[x]) {
				if (!c->lo[r]) {
					c->lo[r] = c->start + (uint32_t)x;
					c->tlo[r] = c->found[x];
				}
				c->hi[r] = c->start + (uint32_t)x;
				c->thi[r] = c->found[x];
			}
	}
	if (rc < 0)
		return rc;
	/* the strategies as exec.c applies them over its matches; maxend
	 * now marks the ends taken (standard) */
	uint32_t far = 0;
	memset(c->maxend, 0, n * sizeof *c->maxend);
	for (uint32_t r = 0; r < n && rc == 0; r++) {
		uint32_t s = c->dfirst + r, x, t;
		int keep;
		switch (c->strategy) {
		case TQ_MATCH_LONGEST:
			x = c->hi[r];
			t = c->thi[r];
			keep = x && x > far;
			if (keep)
				far = x;
			break;
		case TQ_MATCH_SHORTEST:
			x = c->lo[r];
			t = c->tlo[r];
			keep = x != 0;
			for (uint32_t q = r + 1; keep && c->dfirst + q < x; q++)
				keep = !(c->lo[q] && c->lo[q] <= x);
			break;
		default: /* the first start of those ending at x */
			x = c->lo[r];
			t = c->tlo[r];
			keep = x != 0 && !c->maxend[x - c->dfirst - 1];
			if (x)
				c->maxend[x - c->dfirst - 1] = 1;
			break;
		}
		if (keep)
			rc = report(c, s, x, t);
	}
	return rc < 0 ? rc : c->stop;
}

static void seg_clear(lc *c)
{
	if (c->leafc)
		for (size_t i = 0; i < c->vp->nleaves; i++)
			free(c->leafc[i]);
	free(c->leafc);
	free(c->elem);
	tq_join_free(c->join);
	c->leafc = NULL;
	c->elem = NULL;
	c->join = NULL;
	c->have_seg = 0;
}

static int seg_enter(lc *c, const tq_hit *h)
{
	seg_clear(c);
	c->s = h->seg;
	c->segno = h->segno;
	c->have_seg = 1;
	c->elem = calloc(c->vp->nspans + 1, sizeof *c->elem);
	c->leafc = calloc(c->vp->nleaves + 1, sizeof *c->leafc);
	if (!c->elem || !c->leafc)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < c->vp->nspans; i++) {
		int64_t k = td_seg_span_find(c->s, c->vp->spans[i].node->elem);
		c->elem[i] = k < 0 ? -1 : k;
	}
	for (size_t i = 0; i < c->vp->nleaves; i++) {
		/* a missing cache only costs time */
		uint32_t n =
		        td_seg_lex_size(c->s, c->vp->leaves[i].cond->layer);
		c->leafc[i] = calloc((size_t)n + 1, 1);
	}
	return tq_join_new(c->ast, c->s, &c->f, &c->join);
}

/* a region: a longest match of the free query */
static int region(void *arg, const tq_hit *h)
{
	lc *c = arg;
	int rc;
	if (!c->have_seg || h->segno != c->segno || h->doc != c->doc) {
		if ((rc = flush_doc(c)) != 0)
			goto out;
		if (c->have_seg && h->segno != c->segno &&
		        td_seg_damaged(c->s) < 0) {
			rc = TD_ECORRUPT;
			goto out;
		}
		if ((!c->have_seg || h->segno != c->segno) &&
		        (rc = seg_enter(c, h)) < 0)
			goto out;
		td_docinfo di;
		if ((rc = td_seg_doc(h->seg, h->doc, &di)) < 0)
			goto out;
		c->doc = h->doc;
		c->dfirst = di.first_tok;
		c->dend = di.first_tok + di.ntok;
		if ((rc = grow(c, di.ntok + 1)) < 0)
			goto out;
		memset(c->maxend, 0, di.ntok * sizeof *c->maxend);
		c->have_doc = 1;
	}
	for (uint32_t s = h->start; s < h->end && s < c->dend; s++)
		if (c->maxend[s - c->dfirst] < h->end)
			c->maxend[s - c->dfirst] = h->end;
	return 0;
out:
	if (rc < 0)
		c->err = rc;
	return rc < 0 ? rc : 1;
}

int tq_exec_labels(
        td_index *ix, tq_plan *p, const tq_filter *f, tq_hit_fn fn, void *arg)
{
	lc c = {0};
	c.p = p;
	c.vp = p->vp;
	c.ast = p->vp->ast;
	tq_filter rf = {0};
	if (f)
		c.f = *f;
	rf = c.f;
	rf.outermost = 0; /* whole regions; the hits' join drops nested ones */
	c.fn = fn;
	c.arg = arg;
	c.bind = calloc(c.ast->nlabels + 1, sizeof *c.bind);
	if (!c.bind)
		return td_error(TD_ENOMEM, "out of memory");
	int strategy = p->strategy;
	c.strategy = strategy;
	p->strategy = TQ_MATCH_LONGEST;
	p->regions = 1;
	int rc = tq_exec(ix, p, &rf, region, &c);
	p->regions = 0;
	p->strategy = strategy;
	if (rc >= 0 && c.err)
		rc = c.err;
	if (rc >= 0 && !c.stop) {
		rc = flush_doc(&c);
		if (rc >= 0 && c.have_seg && td_seg_damaged(c.s) < 0)
			rc = TD_ECORRUPT;
	}
	seg_clear(&c);
	free(c.bind);
	free(c.maxend);
	free(c.lo);
	free(c.hi);
	free(c.tlo);
	free(c.thi);
	free(c.found);
	free(c.na.v);
	return rc < 0 ? rc : 0;
}
