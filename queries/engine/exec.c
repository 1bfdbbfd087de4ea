/* exec.c: runs a plan over the index, segment by segment, document by
 * document. A node's meaning is the set of end positions it can reach from a
 * start position; a hit is a start with the largest non-empty end. Token
 * conditions are decided once per segment over the lexicon (never over the
 * text), candidate starts come from the rarest fixed token's postings or an
 * element's spans, and matching never crosses a document boundary.
 */
#include "config.h"
#include "query.h"
#include "plan_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct vec {
	uint32_t *v;
	size_t n, cap;
} vec;

static int vpush(vec *a, uint32_t x)
{
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		uint32_t *v = realloc(a->v, cap * sizeof *v);
		if (!v)
			return td_error(TD_ENOMEM, "out of memory");
		a->v = v;
		a->cap = cap;
	}
	a->v[a->n++] = x;
	return 0;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static void vuniq(vec *a)
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
	int direct;      /* B is made of spans: iv and m are used */
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

/* ends() calls allowed per document and per segment: a bound on
 * pathological queries such as []{0,9999} []{0,9999} over long documents,
 * far above what any sensible query needs */
#define WORK_LIMIT 10000000u
#define SEG_WORK_LIMIT 400000000u

typedef struct ctx {
	tq_plan *p;
	td_seg *s;
	size_t segno;
	leafset *leaves;
	spanset *spans;
	wcache *wc;
	rstate *rs;
	uint64_t work;    /* ends() calls in the current document */
	uint64_t segwork; /* and in the segment before it */
	uint32_t doc, dfirst, dend;
	tq_ranges na; /* text of the current document that is not the
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

/* ----------------------------------------------------------- leaves */

static int leaf_prepare(ctx *c, size_t i)
{
	tq_leaf *l = &c->p->leaves[i];
	leafset *ls = &c->leaves[i];
	ls->layer = l->cond->layer;
	ls->lit = -1;
	if (l->literal) {
		ls->lit = td_seg_lex_find(c->s, ls->layer, l->cond->pattern,
		        strlen(l->cond->pattern));
		if (ls->lit == TD_ECORRUPT)
			return TD_ECORRUPT;
		if (ls->lit >= 0) {
			ls->freq = td_seg_lex_freq(
			        c->s, ls->layer, (uint32_t)ls->lit);
			return vpush(&ls->ids, (uint32_t)ls->lit);
		}
		return 0;
	}
	uint32_t n = td_seg_lex_size(c->s, ls->layer), id = 0;
	ls->bits = calloc((size_t)n / 8 + 1, 1);
	if (!ls->bits)
		return td_error(TD_ENOMEM, "out of memory");
	if (l->prefix) {
		/* the lexicon is sorted: its terms with the prefix are a run */
		uint32_t hi = n;
		while (id < hi) {
			uint32_t mid = id + (hi - id) / 2;
			size_t len = 0;
			const char *t = td_seg_lex_term(c->s, ls->layer, mid, &len);
			if (!t)
				return td_error(TD_ECORRUPT, "%s", td_error_last());
			int cmp = memcmp(t, l->prefix,
			        len < l->prefix_len ? len : l->prefix_len);
			if (cmp < 0 || (!cmp && len < l->prefix_len))
				id = mid + 1;
			else
				hi = mid;
		}
	}
	for (; id < n; id++) {
		size_t len = 0;
		const char *t = td_seg_lex_term(c->s, ls->layer, id, &len);
		if (!t)
			continue;
		if (l->prefix && (len < l->prefix_len ||
		                         memcmp(t, l->prefix, l->prefix_len)))
			break;
		int rc = tq_plan_match_term(c->p, (int)i, t, len);
		if (rc < 0)
			return rc;
		if (rc) {
			ls->bits[id >> 3] |= (uint8_t)(1u << (id & 7));
			ls->freq += td_seg_lex_freq(c->s, ls->layer, id);
			if ((rc = vpush(&ls->ids, id)) < 0)
				return rc;
		}
	}
	return 0;
}

static int leaf_at(ctx *c, int i, uint32_t pos)
{
	leafset *ls = &c->leaves[i];
	uint32_t id = td_seg_id_at(c->s, ls->layer, pos);
	if (id == UINT32_MAX)
		return 0; /* damage: td_seg_damaged() fails the segment */
	if (ls->bits)
		return (ls->bits[id >> 3] >> (id & 7)) & 1;
	return ls->lit >= 0 && id == (uint32_t)ls->lit;
}

static int cond_at(ctx *c, const tq_cond *k, uint32_t pos)
{
	switch (k->kind) {
	case TQC_ATTR:
		return leaf_at(c, k->leaf, pos);
	case TQC_NOT:
		return !cond_at(c, k->a, pos);
	case TQC_AND:
		return cond_at(c, k->a, pos) && cond_at(c, k->b, pos);
	default:
		return cond_at(c, k->a, pos) || cond_at(c, k->b, pos);
	}
}

/* ------------------------------------------------------------ spans */

static size_t cache_slot(const spanset *ss, const char *v, uint32_t j)
{
	size_t h = ((uintptr_t)v * 0x9E3779B97F4A7C15ull + j) >> 17;
	return h & (ss->cslots - 1);
}

/* tq_plan_match_attr through ss's cache of results by value pointer */
static int match_cached(ctx *c, const tq_node *n, spanset *ss, uint32_t j,
        const char *v)
{
	size_t h = 0;
	if (ss->cslots) {
		for (h = cache_slot(ss, v, j); ss->ckey[h];
		        h = (h + 1) & (ss->cslots - 1))
			if (ss->ckey[h] == v && ss->cj[h] == j)
				return ss->cres[h];
	}
	int rc = tq_plan_match_attr(c->p, n, j, v);
	if (rc < 0)
		return rc;
	if ((ss->cn + 1) * 2 > ss->cslots) {
		size_t ns = ss->cslots ? ss->cslots * 2 : 256;
		const char **k = calloc(ns, sizeof *k);
		uint32_t *jj = calloc(ns, sizeof *jj);
		uint8_t *r = calloc(ns, 1);
		if (!k || !jj || !r) {
			free(k);
			free(jj);
			free(r);
			return rc; /* still right, only not cached */
		}
		size_t old = ss->cslots;
		const char **ok = ss->ckey;
		uint32_t *oj = ss->cj;
		uint8_t *or = ss->cres;
		ss->ckey = k;
		ss->cj = jj;
		ss->cres = r;
		ss->cslots = ns;
		for (size_t a = 0; a < old; a++) {
			if (!ok[a])
				continue;
			size_t t = cache_slot(ss, ok[a], oj[a]);
			while (k[t])
				t = (t + 1) & (ns - 1);
			k[t] = ok[a];
			jj[t] = oj[a];
			r[t] = or[a];
		}
		free(ok);
		free(oj);
		free(or);
	}
	for (h = cache_slot(ss, v, j); ss->ckey[h]; h = (h + 1) & (ss->cslots - 1))
		;
	ss->ckey[h] = v;
	ss->cj[h] = j;
	ss->cres[h] = (uint8_t)rc;
	ss->cn++;
	return rc;
}

static int span_ok(ctx *c, const tq_node *n, spanset *ss, uint32_t i)
{
	for (size_t j = 0; j < n->nattrs; j++) {
		const char *value = NULL;
		/* by name: values nobody asked for are never rebuilt */
		int rc = td_seg_span_attr_find(
		        c->s, (uint32_t)ss->k, i, n->attrs[j].name, &value);
		if (rc < 0)
			return td_error(TD_ECORRUPT, "%s", td_error_last());
		/* a span without the attribute matches no pattern */
		if (rc && (rc = match_cached(c, n, ss, (uint32_t)j, value)) < 0)
			return rc;
		if (rc == n->attrs[j].neg)
			return 0;
	}
	return 1;
}

/* Fills ss with the matching spans of node n in the current document. */
static int spans_load(ctx *c, const tq_node *n, spanset *ss)
{
	if (ss->doc == c->doc)
		return 0;
	ss->n = 0;
	ss->doc = c->doc;
	if (ss->k < 0)
		return 0;
	uint32_t i, cnt = td_seg_span_count(c->s, (uint32_t)ss->k);
	int rc = tq_span_lower(c->s, (uint32_t)ss->k, c->dfirst, &i);
	for (; rc == 0 && i < cnt; i++) {
		uint32_t st, en;
		if ((rc = td_seg_span_get(c->s, (uint32_t)ss->k, i, &st, &en)) <
		        0)
			break;
		if (st >= c->dend)
			break;
		if (en <= st || en > c->dend)
			continue;
		if ((rc = span_ok(c, n, ss, i)) < 0)
			break;
		if (!rc)
			continue;
		rc = 0;
		if (ss->n == ss->cap) {
			size_t cap = ss->cap ? ss->cap * 2 : 16;
			range *v = realloc(ss->v, cap * sizeof *v);
			if (!v)
				return td_error(TD_ENOMEM, "out of memory");
			ss->v = v;
			ss->cap = cap;
		}
		ss->v[ss->n++] = (range){st, en};
	}
	return rc;
}

static int span_ends(ctx *c, const tq_node *n, uint32_t s, vec *out)
{
	spanset *ss = &c->spans[n->slot];
	int rc = spans_load(c, n, ss);
	if (rc < 0)
		return rc;
	size_t lo = 0, hi = ss->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ss->v[mid].start < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < ss->n && ss->v[lo].start == s; lo++)
		if ((rc = vpush(out, ss->v[lo].end)) < 0)
			return rc;
	return 0;
}

/* ------------------------------------------------------------ nodes */

static int ends(ctx *c, const tq_node *n, uint32_t s, vec *out);

static int ends_many(ctx *c, const tq_node *n, const vec *from, vec *out)
{
	out->n = 0;
	for (size_t i = 0; i < from->n; i++) {
		int rc = ends(c, n, from->v[i], out);
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

static int too_much_work(void)
{
	return td_error(TD_ELIMIT,
	        "the query needs too much work on one document (nested "
	        "open repetitions such as []{0,999} []{0,999}); bound "
	        "the repetitions or restrict it with within");
}

/* Whether every hit of n is a whole element (a span or a choice of spans):
 * then its ends from each start come straight from the span lists. */
static int spans_only(const tq_node *n)
{
	if (n->kind == TQ_SPAN)
		return 1;
	if (n->kind != TQ_ALT)
		return 0;
	for (size_t i = 0; i < n->nkids; i++)
		if (!spans_only(n->kids[i]))
			return 0;
	return 1;
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
	int rc = spans_load(c, b, ss);
	if (rc < 0)
		return rc;
	if (w->n + ss->n > w->capiv) {
		size_t cap = (w->n + ss->n) * 2;
		range *v = realloc(w->iv, cap * sizeof *v);
		uint32_t *m = v ? realloc(w->m, cap * sizeof *m) : NULL;
		if (v)
			w->iv = v;
		if (!m)
			return td_error(TD_ENOMEM, "out of memory");
		w->m = m;
		w->capiv = cap;
	}
	if (ss->n) /* both may still be NULL: NULL + 0 is undefined */
		memcpy(w->iv + w->n, ss->v, ss->n * sizeof *ss->v);
	w->n += ss->n;
	return 0;
}

/* The bound on ends of A's matches from start s (dfirst <= s <= dend):
 * within: the furthest end of a hit of B starting at or before s (0 if
 * none); containing: the nearest end of a hit of B starting at or after s
 * (UINT32_MAX if none). */
static uint32_t wc_bound(const ctx *c, const wcache *w, int within,
        uint32_t s)
{
	if (!w->direct)
		return w->bound[s - c->dfirst];
	size_t lo = 0, hi = w->n;
	while (lo < hi) { /* spans starting before s (within: at or before) */
		size_t mid = lo + (hi - lo) / 2;
		if (within ? w->iv[mid].start <= s : w->iv[mid].start < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (within)
		return lo ? w->m[lo - 1] : 0;
	return lo < w->n ? w->m[lo] : UINT32_MAX;
}

/* within/containing: the bounds B's hits put on ends in the current
 * document, computed once per document. */
static int wc_load(ctx *c, const tq_node *n, wcache **out)
{
	wcache *w = &c->wc[n->slot];
	size_t len = c->dend - c->dfirst;
	*out = w;
	if (w->doc == c->doc)
		return 0;
	int within = n->kind == TQ_WITHIN;
	int rc = 0;
	w->doc = UINT32_MAX;
	if ((w->direct = spans_only(n->kids[1]))) {
		/* as much work as the general loop's ends() calls */
		c->work += len;
		if (c->work > WORK_LIMIT || c->work + c->segwork > SEG_WORK_LIMIT)
			return too_much_work();
		w->n = 0;
		if ((rc = wc_spans(c, n->kids[1], w)) < 0)
			return rc;
		/* one element's spans come sorted by start already */
		if (w->n > 1 && n->kids[1]->kind != TQ_SPAN)
			qsort(w->iv, w->n, sizeof *w->iv, cmp_range);
		if (within) {
			for (size_t i = 0; i < w->n; i++)
				w->m[i] = i && w->m[i - 1] > w->iv[i].end
				        ? w->m[i - 1] : w->iv[i].end;
		} else {
			for (size_t i = w->n; i-- > 0;)
				w->m[i] = i + 1 < w->n && w->m[i + 1] < w->iv[i].end
				        ? w->m[i + 1] : w->iv[i].end;
		}
		w->doc = c->doc;
		return 0;
	}
	if (len + 1 > w->cap) {
		uint32_t *b = realloc(w->bound, (len + 1) * sizeof *b);
		if (!b)
			return td_error(TD_ENOMEM, "out of memory");
		w->bound = b;
		w->cap = len + 1;
	}
	vec e = {0};
	for (size_t i = 0; i < len && rc == 0; i++) {
		uint32_t bs = c->dfirst + (uint32_t)i;
		e.n = 0;
		if ((rc = ends(c, n->kids[1], bs, &e)) < 0)
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
		if ((rc = td_postings_open(c->s, ls->layer, ls->ids.v[k], &pp)) < 0)
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
static int gap_ends(ctx *c, const tq_node *r, const tq_node *t,
        const vec *from, vec *out)
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

static int ends(ctx *c, const tq_node *n, uint32_t s, vec *out)
{
	int rc = 0;
	if (++c->work > WORK_LIMIT || c->work + c->segwork > SEG_WORK_LIMIT)
		return too_much_work();
	if (!(c->work & 4095) && (rc = tq_past_deadline(c->f)) < 0)
		return rc;
	switch (n->kind) {
	case TQ_TOKEN:
		if (s < c->dend && (!n->cond || cond_at(c, n->cond, s)))
			return vpush(out, s + 1);
		return 0;
	case TQ_SPAN:
		return span_ends(c, n, s, out);
	case TQ_ALT:
		for (size_t i = 0; i < n->nkids && rc == 0; i++)
			rc = ends(c, n->kids[i], s, out);
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
		if ((rc = wc_load(c, n, &w)) < 0 ||
		        (rc = ends(c, n->kids[0], s, &e)) < 0) {
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

/* ------------------------------------------------------- documents */

int tq_filter_doc(td_seg *s, uint32_t d, const tq_filter *f)
{
	td_docinfo di;
	if (!td_seg_doc_live(s, d))
		return 0;
	/* liveness needs no metadata: read it only to compare fields */
	if (!f || (!f->doc && !f->genre && !f->from && !f->to))
		return 1;
	if (td_seg_doc(s, d, &di) < 0 || !di.live)
		return 0;
	if (f->doc && (!di.id || strcmp(di.id, f->doc)))
		return 0;
	if (f->genre && (!di.genre || strcmp(di.genre, f->genre)))
		return 0;
	if (f->from &&
	        (!di.date || strncmp(di.date, f->from, strlen(di.date)) < 0))
		return 0;
	if (f->to && (!di.date || strncmp(di.date, f->to, strlen(f->to)) > 0))
		return 0;
	return 1;
}

/* Enters document d; returns 1 if it passes the filter. */
static int doc_enter(ctx *c, uint32_t d)
{
	uint32_t first, ntok;
	int rc = tq_past_deadline(c->f);
	if (rc < 0)
		return rc;
	c->doc = d;
	c->segwork += c->work;
	c->work = 0;
	c->na.n = 0;
	if (!tq_filter_doc(c->s, d, c->f) ||
	        td_seg_doc_range(c->s, d, &first, &ntok) < 0)
		return 0;
	c->dfirst = first;
	c->dend = first + ntok;
	rc = tq_nonarticle(c->s, c->dfirst, c->dend, c->f, &c->na);
	return rc < 0 ? rc : 1;
}

static int in_pullquote(const ctx *c, uint32_t s, uint32_t e)
{
	for (size_t i = 0; i < c->na.n; i++)
		if (s < c->na.v[i].end && c->na.v[i].start < e)
			return 1;
	return 0;
}

/* ---------------------------------------------------------- anchors */

/* The cheapest way to enumerate possible starts: a leaf's postings at a
 * fixed offset from the start, or an element's spans. */
typedef struct anchor {
	int kind; /* 0 none (scan), 1 leaf, 2 span */
	int leaf;
	uint32_t off;
	const tq_node *span;
	uint64_t cost;
} anchor;

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

static anchor choose_anchor(ctx *c)
{
	anchor best = {0, -1, 0, NULL, td_seg_ntokens(c->s) / 2 + 1};
	const tq_node *n = c->p->ast;
	/* hits of A within/containing B are hits of A */
	while (n->kind == TQ_WITHIN || n->kind == TQ_CONTAINING)
		n = n->kids[0];
	if (n->kind == TQ_TOKEN) {
		consider_token(c, n, 0, &best);
	} else if (n->kind == TQ_SPAN) {
		consider_span(c, n, 0, &best);
	} else if (n->kind == TQ_SEQ) {
		uint32_t off = 0;
		for (size_t i = 0; i < n->nkids; i++) {
			const tq_node *k = n->kids[i];
			if (k->kind == TQ_TOKEN) {
				consider_token(c, k, off, &best);
				off++;
			} else if (k->kind == TQ_SPAN && i == 0) {
				consider_span(c, k, 0, &best);
				break;
			} else if (k->kind == TQ_REPEAT && k->min == k->max &&
			           k->kids[0]->kind == TQ_TOKEN) {
				if (k->min > 0)
					consider_token(
					        c, k->kids[0], off, &best);
				off += (uint32_t)k->min;
			} else {
				break;
			}
		}
	}
	return best;
}

static int anchor_starts(ctx *c, const anchor *a, vec *out)
{
	int rc = 0;
	if (a->kind == 2) {
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
	if (rc < 0)
		return rc;
	vuniq(out);
	return 0;
}

/* ---------------------------------------------------------- running */

static void ctx_free(ctx *c)
{
	if (c->leaves)
		for (size_t i = 0; i < c->p->nleaves; i++) {
			free(c->leaves[i].bits);
			free(c->leaves[i].ids.v);
			free(c->leaves[i].pos.v);
		}
	if (c->spans)
		for (size_t i = 0; i < c->p->nspans; i++) {
			free(c->spans[i].v);
			free(c->spans[i].ckey);
			free(c->spans[i].cj);
			free(c->spans[i].cres);
		}
	if (c->wc)
		for (size_t i = 0; i < c->p->nslots; i++) {
			free(c->wc[i].bound);
			free(c->wc[i].iv);
			free(c->wc[i].m);
		}
	if (c->rs)
		for (size_t i = 0; i < c->p->nrepeats; i++)
			free(c->rs[i].stamp);
	free(c->rs);
	free(c->ends.v);
	free(c->pend);
	free(c->leaves);
	free(c->spans);
	free(c->wc);
	free(c->na.v);
	tq_join_free(c->join);
}

static int ctx_init(
        ctx *c, tq_plan *p, td_seg *s, size_t segno, const tq_filter *f)
{
	memset(c, 0, sizeof *c);
	c->p = p;
	c->s = s;
	c->segno = segno;
	c->f = f;
	c->doc = UINT32_MAX;
	c->leaves = calloc(p->nleaves + 1, sizeof *c->leaves);
	c->spans = calloc(p->nspans + 1, sizeof *c->spans);
	c->wc = calloc(p->nslots + 1, sizeof *c->wc);
	c->rs = calloc(p->nrepeats + 1, sizeof *c->rs);
	if (!c->leaves || !c->spans || !c->wc || !c->rs)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < p->nslots; i++)
		c->wc[i].doc = UINT32_MAX;
	for (size_t i = 0; i < p->nspans; i++) {
		c->spans[i].k = td_seg_span_find(s, p->spans[i].node->elem);
		if (c->spans[i].k == TD_ECORRUPT)
			return TD_ECORRUPT;
		c->spans[i].doc = UINT32_MAX;
	}
	int rc = tq_join_new(p->ast, s, f, &c->join);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < p->nleaves; i++)
		if ((rc = leaf_prepare(c, i)) < 0)
			return rc;
	return 0;
}

/* Tries a start in the current document; 1 with a hit in *h. */
static int try_start(ctx *c, uint32_t s, vec *e, tq_hit *h)
{
	e->n = 0;
	int rc = ends(c, c->p->ast, s, e);
	if (rc < 0)
		return rc;
	/* the longest end whose match stays out of pull quotes (shortest
	 * for the strategies standard and shortest) */
	uint32_t best = s;
	int longest = c->p->strategy == TQ_MATCH_LONGEST;
	for (size_t i = 0; i < e->n; i++)
		if (e->v[i] > s &&
		        (best == s ||
		                (longest ? e->v[i] > best : e->v[i] < best)) &&
		        !in_pullquote(c, s, e->v[i]))
			best = e->v[i];
	if (best == s)
		return 0;
	*h = (tq_hit){c->segno, c->s, c->doc, s, best, 0, 0, 0};
	return 1;
}

/* Start positions in ascending order, without duplicates. A single term's
 * postings are streamed (so a query stopped after N hits decodes only what
 * it needs); several terms' are gathered and sorted first. */
typedef struct startit {
	vec v;
	size_t i;
	td_postings *pp;
	uint32_t off, last;
	int any;
} startit;

static int starts_open(ctx *c, const anchor *a, startit *it)
{
	memset(it, 0, sizeof *it);
	if (a->kind == 1 && c->leaves[a->leaf].ids.n == 1) {
		leafset *ls = &c->leaves[a->leaf];
		it->off = a->off;
		return td_postings_open(c->s, ls->layer, ls->ids.v[0], &it->pp);
	}
	return anchor_starts(c, a, &it->v);
}

/* 1 with *s set, 0 at the end, or an error. */
static int starts_next(startit *it, uint32_t *s)
{
	if (!it->pp) {
		if (it->i >= it->v.n)
			return 0;
		*s = it->v.v[it->i++];
		return 1;
	}
	uint32_t pos;
	int rc;
	while ((rc = td_postings_next(it->pp, it->off, &pos)) == 1) {
		if (it->any && pos - it->off == it->last)
			continue;
		it->any = 1;
		it->last = pos - it->off;
		*s = it->last;
		return 1;
	}
	return rc;
}

static void starts_close(startit *it)
{
	free(it->v.v);
	if (it->pp)
		td_postings_close(it->pp);
}

/* The document holding position s (td_seg_doc_at), galloping forward from
 * the last one found when s lies past its start. */
static uint32_t doc_of(ctx *c, uint32_t s)
{
	uint32_t nd = td_seg_ndocs(c->s), lo, hi = nd, step = 1, first, ntok;
	if (!c->has_hint || s < c->hint_first)
		goto slow;
	lo = c->hint_doc; /* its first token is at or before s */
	for (;;) {
		uint32_t probe = lo + step;
		if (probe >= nd)
			break;
		if (td_seg_doc_range(c->s, probe, &first, &ntok) < 0)
			goto slow;
		if (first > s) {
			hi = probe;
			break;
		}
		lo = probe;
		step *= 2;
	}
	/* the last document in [lo, hi) whose first token is <= s */
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (td_seg_doc_range(c->s, mid, &first, &ntok) < 0)
			goto slow;
		if (first <= s)
			lo = mid;
		else
			hi = mid;
	}
	/* documents without tokens share first_tok with the next one */
	for (;;) {
		if (td_seg_doc_range(c->s, lo, &first, &ntok) < 0)
			goto slow;
		if (s < first + ntok || lo + 1 >= nd)
			break;
		lo++;
	}
	if (td_seg_doc_range(c->s, lo, &first, &ntok) < 0)
		goto slow;
	c->hint_doc = lo;
	c->hint_first = first;
	c->has_hint = 1;
	return lo;
slow:
	lo = td_seg_doc_at(c->s, s);
	c->has_hint = lo != UINT32_MAX &&
	              td_seg_doc_range(c->s, lo, &c->hint_first, &ntok) == 0;
	c->hint_doc = lo;
	return lo;
}

/* Passes a match on as a logical hit (hits.c): 0 to go on, else what fn
 * returned or an error. */
static int emit(ctx *c, tq_hit *h, tq_hit_fn fn, void *arg)
{
	int rc = tq_join_hit(c->join, h);
	return rc <= 0 ? rc : fn(arg, h);
}

/* The matching strategy over the hits of try_start (the shortest or
 * longest match of each start), which come in order of their starts:
 * standard drops a hit ending where an earlier one ends; longest one that
 * an earlier hit contains (ending at or before the furthest end so far);
 * shortest holds hits back until no later start can lie inside them, and
 * drops those that a later hit lies inside. 0 to go on, else what fn
 * returned or an error. */
static int strat_emit(ctx *c, tq_hit *h, tq_hit_fn fn, void *arg)
{
	int rc = 0;
	switch (c->p->strategy) {
	case TQ_MATCH_LONGEST:
		if (c->any_far && h->end <= c->far)
			return 0;
		c->far = h->end;
		c->any_far = 1;
		return emit(c, h, fn, arg);
	case TQ_MATCH_STANDARD: {
		size_t j = 0;
		int seen = 0;
		for (size_t i = 0; i < c->ends.n; i++) {
			if (c->ends.v[i] <= h->start)
				continue; /* no later hit can end there */
			seen |= c->ends.v[i] == h->end;
			c->ends.v[j++] = c->ends.v[i];
		}
		c->ends.n = j;
		if (seen)
			return 0;
		if ((rc = vpush(&c->ends, h->end)) < 0)
			return rc;
		return emit(c, h, fn, arg);
	}
	default:
		break;
	}
	/* shortest: a pending hit ending at or before this start is final */
	size_t k = 0;
	while (k < c->npend && c->pend[k].end <= h->start && rc == 0)
		rc = emit(c, &c->pend[k++], fn, arg);
	if (k) { /* pend may still be NULL: NULL + 0 is undefined */
		memmove(c->pend, c->pend + k, (c->npend - k) * sizeof *c->pend);
		c->npend -= k;
	}
	if (rc != 0)
		return rc;
	/* those that contain h (ends ascend: a suffix) are no hits */
	while (c->npend && c->pend[c->npend - 1].end >= h->end)
		c->npend--;
	if (c->npend == c->cappend) {
		size_t cap = c->cappend ? c->cappend * 2 : 16;
		tq_hit *v = realloc(c->pend, cap * sizeof *v);
		if (!v)
			return td_error(TD_ENOMEM, "out of memory");
		c->pend = v;
		c->cappend = cap;
	}
	c->pend[c->npend++] = *h;
	return 0;
}

/* The hits shortest still holds at the end of a segment. */
static int strat_flush(ctx *c, tq_hit_fn fn, void *arg)
{
	int rc = 0;
	size_t k = 0;
	while (k < c->npend && rc == 0)
		rc = emit(c, &c->pend[k++], fn, arg);
	c->npend = 0;
	return rc;
}

/* A sequence of fixed tokens ("will" "probably", "the" [] "of"): the
 * positions of its rarest term, each confirmed by seeking the other terms'
 * postings to their offsets (all seeks ascend, so each list is read at most
 * once). Documents are looked at only for accepted matches. Returns 1 if
 * the plan has that shape (and ran it), 0 if not, or an error. */
#define PHRASE_MAX 16
static int run_phrase(ctx *c, tq_hit_fn fn, void *arg)
{
	const tq_node *n = c->p->ast;
	if (n->kind != TQ_SEQ || n->nkids < 2 || n->nkids > PHRASE_MAX)
		return 0;
	int leaf[PHRASE_MAX], rare = -1;
	for (size_t i = 0; i < n->nkids; i++) {
		const tq_node *k = n->kids[i];
		if (k->kind != TQ_TOKEN)
			return 0;
		leaf[i] = -1;
		if (!k->cond)
			continue;
		if (k->cond->kind != TQC_ATTR || c->leaves[k->cond->leaf].bits)
			return 0;
		leaf[i] = k->cond->leaf;
		if (rare < 0 || c->leaves[leaf[i]].freq <
		                        c->leaves[leaf[rare]].freq)
			rare = (int)i;
	}
	if (rare < 0)
		return 0;
	for (size_t i = 0; i < n->nkids; i++)
		if (leaf[i] >= 0 && c->leaves[leaf[i]].lit < 0)
			return 1; /* a term absent from this segment */
	td_postings *pp[PHRASE_MAX] = {0};
	uint32_t cur[PHRASE_MAX];
	int have[PHRASE_MAX] = {0}, rc = 0;
	uint32_t len = (uint32_t)n->nkids, pos;
	for (size_t i = 0; i < n->nkids && rc == 0; i++)
		if (leaf[i] >= 0)
			rc = td_postings_open(c->s, c->leaves[leaf[i]].layer,
			        (uint32_t)c->leaves[leaf[i]].lit, &pp[i]);
	while (rc == 0 && (rc = td_postings_next(pp[rare], 0, &pos)) == 1) {
		rc = 0;
		if (pos < (uint32_t)rare)
			continue;
		uint32_t s = pos - (uint32_t)rare, i;
		int ok = 1;
		if ((uint64_t)s + len > td_seg_ntokens(c->s))
			break;
		for (i = 0; i < len && ok; i++) {
			if (leaf[i] < 0 || (int)i == rare)
				continue;
			/* a list's position at or past the target is kept:
			 * td_postings_next always advances */
			if (!have[i] || cur[i] < s + i) {
				int r = td_postings_next(pp[i], s + i, &cur[i]);
				if (r < 0) {
					rc = r;
					break;
				}
				if (r == 0)
					goto out; /* no further match */
				have[i] = 1;
			}
			ok = cur[i] == s + i;
		}
		if (rc < 0 || !ok)
			continue;
		if (c->doc == UINT32_MAX || s >= c->dend || s < c->dfirst) {
			int in = doc_enter(c, doc_of(c, s));
			if (in < 0) {
				rc = in;
				break;
			}
			if (!in) {
				c->dend = 0; /* re-enter on the next match */
				c->doc = UINT32_MAX;
				continue;
			}
		}
		/* a match must not cross documents nor touch a pull quote */
		if (s + len > c->dend || in_pullquote(c, s, s + len))
			continue;
		tq_hit h = {c->segno, c->s, c->doc, s, s + len, 0, 0, 0};
		if ((rc = emit(c, &h, fn, arg)) != 0)
			break;
	}
out:
	for (size_t i = 0; i < n->nkids; i++)
		if (pp[i])
			td_postings_close(pp[i]);
	return rc < 0 ? rc : rc > 0 ? 2 : 1;
}

static int run_seg(ctx *c, tq_hit_fn fn, void *arg)
{
	int ph = run_phrase(c, fn, arg);
	if (ph != 0)
		return ph < 0 ? ph : ph - 1;
	anchor a = choose_anchor(c);
	vec e = {0};
	startit it = {0};
	int rc = 0, in = 0;
	tq_hit h;
	if (a.kind) {
		if ((rc = starts_open(c, &a, &it)) < 0)
			goto out;
		uint32_t s;
		while ((rc = starts_next(&it, &s)) == 1) {
			if (c->doc == UINT32_MAX || s >= c->dend ||
			        s < c->dfirst) {
				if ((in = doc_enter(c, doc_of(c, s))) < 0) {
					rc = in;
					goto out;
				}
				if (!in) {
					c->dend = 0; /* re-enter on the next
					                start */
					c->doc = UINT32_MAX;
					continue;
				}
			}
			if ((rc = try_start(c, s, &e, &h)) < 0)
				goto out;
			if (rc && (rc = strat_emit(c, &h, fn, arg)) != 0)
				goto out;
		}
		if (rc < 0)
			goto out;
	} else {
		uint32_t nd = td_seg_ndocs(c->s);
		for (uint32_t d = 0; d < nd; d++) {
			if ((in = doc_enter(c, d)) < 0) {
				rc = in;
				goto out;
			}
			wcache *w = NULL;
			/* A within B: a hit starts only where a hit of B
			 * reaches past the start */
			if (in && c->p->ast->kind == TQ_WITHIN &&
			        !c->p->ast->neg && c->dend > c->dfirst &&
			        (rc = wc_load(c, c->p->ast, &w)) < 0)
				goto out;
			if (w && w->direct) {
				/* the union of B's spans, in order */
				uint32_t s = c->dfirst;
				for (size_t k = 0; k < w->n; k++) {
					if (s < w->iv[k].start)
						s = w->iv[k].start;
					for (; s < w->iv[k].end && s < c->dend;
					        s++) {
						if ((rc = try_start(c, s, &e,
						             &h)) < 0)
							goto out;
						if (rc && (rc = strat_emit(c, &h,
						                   fn, arg)) != 0)
							goto out;
					}
				}
				continue;
			}
			for (uint32_t s = c->dfirst; in && s < c->dend; s++) {
				if (w && w->bound[s - c->dfirst] <= s)
					continue;
				if ((rc = try_start(c, s, &e, &h)) < 0)
					goto out;
				if (rc && (rc = strat_emit(c, &h, fn, arg)) != 0)
					goto out;
			}
		}
	}
out:
	if (rc == 0)
		rc = strat_flush(c, fn, arg);
	starts_close(&it);
	free(e.v);
	return rc;
}

int tq_exec(
        td_index *ix, tq_plan *p, const tq_filter *f, tq_hit_fn fn, void *arg)
{
	if (p->vp && !p->regions) /* labels, target, '::': labels.c */
		return tq_exec_labels(ix, p, f, fn, arg);
	size_t nseg = td_index_nsegs(ix);
	for (size_t i = 0; i < nseg; i++) {
		ctx c;
		int rc = ctx_init(&c, p, td_index_seg(ix, i), i, f);
		if (rc == 0)
			rc = run_seg(&c, fn, arg);
		ctx_free(&c);
		if (rc >= 0 && td_seg_damaged(td_index_seg(ix, i)) < 0)
			rc = TD_ECORRUPT; /* damage some lookup took for "absent" */
		if (rc < 0)
			return rc;
		if (rc > 0)
			return 0; /* the callback asked to stop */
	}
	return 0;
}

static int count_hit(void *arg, const tq_hit *h)
{
	(void)h;
	(*(uint64_t *)arg)++;
	return 0;
}

/* Ranges of a segment that no hit of a one-token query may touch: deleted
 * documents and, unless f->pullquotes, pull quotes. Sorted and merged into
 * pairs (start, end) in *out. Returns 0, or an error. */
static int excluded(ctx *c, vec *out)
{
	vec r = {0};
	int rc = 0;
	uint32_t nd = td_seg_ndocs(c->s);
	for (uint32_t d = 0; d < nd && rc == 0; d++) {
		td_docinfo di;
		if (td_seg_doc_live(c->s, d))
			continue;
		if ((rc = td_seg_doc(c->s, d, &di)) < 0)
			break;
		if (di.ntok && (rc = vpush(&r, di.first_tok)) == 0)
			rc = vpush(&r, di.first_tok + di.ntok);
	}
	if (rc == 0 &&
	        (rc = tq_nonarticle(c->s, 0, td_seg_ntokens(c->s), c->f,
	                 &c->na)) == 0)
		for (size_t i = 0; i < c->na.n && rc == 0; i++)
			if ((rc = vpush(&r, c->na.v[i].start)) == 0)
				rc = vpush(&r, c->na.v[i].end);
	c->na.n = 0;
	if (rc < 0) {
		free(r.v);
		return rc;
	}
	/* sort the pairs by start (insertion: they come nearly sorted) */
	range *v = (range *)r.v;
	size_t n = r.n / 2, m = 0;
	for (size_t i = 1; i < n; i++) {
		range x = v[i];
		size_t j = i;
		while (j > 0 && v[j - 1].start > x.start) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
	for (size_t i = 0; i < n; i++) {
		if (m && v[i].start <= v[m - 1].end) {
			if (v[i].end > v[m - 1].end)
				v[m - 1].end = v[i].end;
		} else {
			v[m++] = v[i];
		}
	}
	r.n = 2 * m;
	*out = r;
	return 0;
}

/* For a one-token query (leaf l): the ids of the matching tokens inside the
 * excluded ranges, ascending, repeated once per occurrence. */
static int excluded_ids(ctx *c, int l, const vec *ex, vec *out)
{
	leafset *ls = &c->leaves[l];
	int rc = 0;
	if (!ls->bits) {
		/* one term: skip along its postings (the ranges ascend) */
		td_postings *pp;
		uint32_t pos = 0;
		int more = 1;
		if (ls->lit < 0 || !ex->n)
			return 0;
		if ((rc = td_postings_open(c->s, ls->layer, (uint32_t)ls->lit,
		             &pp)) < 0)
			return rc;
		for (size_t i = 0; i + 1 < ex->n && more && rc == 0; i += 2) {
			uint32_t a = ex->v[i], b = ex->v[i + 1];
			if (pos < a || i == 0) {
				if ((more = td_postings_next(pp, a, &pos)) < 0)
					rc = more;
			}
			while (more == 1 && rc == 0 && pos < b) {
				if (pos >= a)
					rc = vpush(out, (uint32_t)ls->lit);
				if (rc == 0 &&
				        (more = td_postings_next(pp, 0, &pos)) < 0)
					rc = more;
			}
		}
		td_postings_close(pp);
		return rc < 0 ? rc : 0;
	}
	for (size_t i = 0; i + 1 < ex->n && rc == 0; i += 2) {
		uint32_t a = ex->v[i], b = ex->v[i + 1];
		for (uint32_t p = a; p < b && rc == 0; p++) {
			uint32_t id = td_seg_id_at(c->s, ls->layer, p);
			if (id == UINT32_MAX)
				return td_error(TD_ECORRUPT, "%s", td_error_last());
			if (leaf_at(c, l, p))
				rc = vpush(out, id);
		}
	}
	if (rc < 0)
		return rc;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, cmp_u32);
	return 0;
}

/* Whether a one-token query can be answered from the lexicon in this
 * segment: *sub receives the occurrences to subtract per id. 0 if the
 * excluded part is too large for that to pay (then run the query). */
static int seg_counts(ctx *c, int l, vec *sub)
{
	vec ex = {0};
	int rc = excluded(c, &ex);
	if (rc < 0)
		return rc;
	uint64_t len = 0;
	for (size_t i = 0; i + 1 < ex.n; i += 2)
		len += ex.v[i + 1] - ex.v[i];
	if (len > td_seg_ntokens(c->s) / 8 + 1024) {
		free(ex.v);
		return 0;
	}
	rc = excluded_ids(c, l, &ex, sub);
	free(ex.v);
	return rc < 0 ? rc : 1;
}

int tq_count(td_index *ix, tq_plan *p, const tq_filter *f, uint64_t *out)
{
	const tq_node *n = p->ast;
	int single = n->kind == TQ_TOKEN && n->cond &&
	             n->cond->kind == TQC_ATTR &&
	             (!f || (!f->from && !f->to && !f->genre && !f->doc));
	size_t nseg = td_index_nsegs(ix);
	*out = 0;
	if (p->vp)
		return tq_exec_labels(ix, p, f, count_hit, out);
	if (n->kind == TQ_TOKEN && !n->cond) {
		/* []: every token searched */
		*out = tq_ntokens(ix, f);
		return 0;
	}
	for (size_t i = 0; i < nseg; i++) {
		ctx c;
		int rc = ctx_init(&c, p, td_index_seg(ix, i), i, f);
		vec sub = {0};
		if (rc == 0 && single &&
		        (rc = seg_counts(&c, n->cond->leaf, &sub)) > 0) {
			*out += c.leaves[n->cond->leaf].freq - sub.n;
			rc = 0;
		} else if (rc == 0) {
			rc = run_seg(&c, count_hit, out);
		}
		free(sub.v);
		ctx_free(&c);
		if (rc >= 0 && td_seg_damaged(td_index_seg(ix, i)) < 0)
			rc = TD_ECORRUPT; /* damage some lookup took for "absent" */
		if (rc < 0)
			return rc;
	}
	return 0;
}

uint64_t tq_ntokens(td_index *ix, const tq_filter *f)
{
	uint64_t n = 0;
	tq_ranges na = {0};
	for (size_t i = 0; i < td_index_nsegs(ix); i++) {
		td_seg *s = td_index_seg(ix, i);
		for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
			td_docinfo di;
			if (!tq_filter_doc(s, d, f) || td_seg_doc(s, d, &di) < 0)
				continue;
			n += di.ntok;
			/* nested or overlapping ranges are merged: once each */
			if (tq_nonarticle(s, di.first_tok,
			            di.first_tok + di.ntok, f, &na) == 0)
				n -= tq_ranges_len(&na);
		}
	}
	free(na.v);
	return n;
}

int tq_exec_terms(td_index *ix, tq_plan *p, const tq_filter *f, int layer,
        tq_term_fn term_fn, tq_hit_fn hit_fn, void *arg)
{
	const tq_node *n = p->ast;
	int single = n->kind == TQ_TOKEN && n->cond &&
	             n->cond->kind == TQC_ATTR && n->cond->layer == layer &&
	             (!f || (!f->from && !f->to && !f->genre && !f->doc));
	size_t nseg = td_index_nsegs(ix);
	if (p->vp)
		return tq_exec_labels(ix, p, f, hit_fn, arg);
	for (size_t i = 0; i < nseg; i++) {
		ctx c;
		int rc = ctx_init(&c, p, td_index_seg(ix, i), i, f);
		vec sub = {0};
		if (rc == 0 && single &&
		        (rc = seg_counts(&c, n->cond->leaf, &sub)) > 0) {
			leafset *ls = &c.leaves[n->cond->leaf];
			size_t k = 0;
			rc = 0;
			/* ls->ids and sub are both ascending */
			for (size_t j = 0; j < ls->ids.n && rc == 0; j++) {
				size_t len = 0;
				uint32_t id = ls->ids.v[j];
				const char *t = td_seg_lex_term(
				        c.s, layer, id, &len);
				uint64_t fr = td_seg_lex_freq(c.s, layer, id);
				while (k < sub.n && sub.v[k] < id)
					k++;
				for (; k < sub.n && sub.v[k] == id && fr; k++)
					fr--;
				if (t && fr)
					rc = term_fn(arg, t, len, fr);
			}
		} else if (rc == 0) {
			rc = run_seg(&c, hit_fn, arg);
		}
		free(sub.v);
		ctx_free(&c);
		if (rc >= 0 && td_seg_damaged(td_index_seg(ix, i)) < 0)
			rc = TD_ECORRUPT; /* damage some lookup took for "absent" */
		if (rc < 0)
			return rc;
		if (rc > 0)
			return 0;
	}
	return 0;
}
