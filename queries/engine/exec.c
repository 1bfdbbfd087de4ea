/* exec.c: runs a plan over the index, segment by segment, document by
 * document. A node's meaning is the set of end positions it can reach from a
 * start position; a hit is a start with the largest non-empty end. Token
 * conditions are decided once per segment over the lexicon (never over the
 * text), candidate starts come from the rarest fixed token's postings or an
 * element's spans, and matching never crosses a document boundary.
 * This file runs the segments; the stages are exec_*.c (exec_int.h).
 */
#include "config.h"
#include "exec_int.h"
#include "article.h"
#include "ast.h"
#include "exec.h"
#include "filter.h"
#include "hits.h"
#include "plan.h"
#include "index.h"
#include "tagdex.h"

static void ctx_clear(ctx *c)
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
			free(c->spans[i].ends);
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
	c->rlim = UINT32_MAX;
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
		if ((rc = exec_leaf_prepare(c, i)) < 0)
			return rc;
	return 0;
}

/* Tries a start in the current document; 1 with a hit in *h. */
static int try_start(ctx *c, uint32_t s, vec *e, tq_hit *h)
{
	e->n = 0;
	int rc = exec_ends(c, c->p->ast, s, e);
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
	return exec_anchor_starts(c, a, &it->v);
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
	if (TD_VEC_RESERVE(c->pend, c->npend, c->cappend, 16))
		return td_error(TD_ENOMEM, "out of memory");
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
		if (rare < 0 ||
		        c->leaves[leaf[i]].freq < c->leaves[leaf[rare]].freq)
			rare = (int)i;
	}
	if (rare < 0)
		return 0;
	for (size_t i = 0; i < n->nkids; i++)
		if (leaf[i] >= 0 && c->leaves[leaf[i]].lit < 0)
			return 1; /* a term absent from this segment */
	td_postings *pp[PHRASE_MAX] = {0};
	uint32_t cur[PHRASE_MAX];
	int have[PHRASE_MAX] = {0}, scan[PHRASE_MAX] = {0}, rc = 0;
	uint32_t len = (uint32_t)n->nkids, pos;
	for (size_t i = 0; i < n->nkids && rc == 0; i++)
		if (leaf[i] >= 0) {
			rc = td_postings_open(c->s, c->leaves[leaf[i]].layer,
			        (uint32_t)c->leaves[leaf[i]].lit, &pp[i]);
			scan[i] = exec_leaf_scanned(c, leaf[i]);
		}
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
			if (scan[i]) {
				/* a frequent pos term: the tag of s + i, not a
				 * scan to its next position */
				int r = td_postings_at(pp[i], s + i);
				if (r < 0) {
					rc = r;
					break;
				}
				ok = r;
				continue;
			}
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
			int in = exec_doc_enter(c, doc_of(c, s));
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
	anchor a = exec_choose_anchor(c);
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
				in = exec_doc_enter(c, doc_of(c, s));
				if (in < 0) {
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
			if ((in = exec_doc_enter(c, d)) < 0) {
				rc = in;
				goto out;
			}
			wcache *w = NULL;
			/* A within B: a hit starts only where a hit of B
			 * reaches past the start */
			if (in && c->p->ast->kind == TQ_WITHIN &&
			        !c->p->ast->neg && c->dend > c->dfirst &&
			        (rc = exec_wc_load(c, c->p->ast, &w)) < 0)
				goto out;
			if (w && w->direct) {
				/* the union of B's spans, in order */
				uint32_t s = c->dfirst;
				for (size_t k = 0; k < w->n; k++) {
					if (s < w->iv[k].start)
						s = w->iv[k].start;
					for (; s < w->iv[k].end && s < c->dend;
					        s++) {
						if ((rc = try_start(
						             c, s, &e, &h)) < 0)
							goto out;
						if (rc &&
						        (rc = strat_emit(c, &h,
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
				if (rc &&
				        (rc = strat_emit(c, &h, fn, arg)) != 0)
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

/* TD_EUSAGE if the query reads the lemma or pos layer of an index made
 * without them: refused, never "no hits" */
static int cond_layers(td_index *ix, const tq_cond *k)
{
	if (!k)
		return 0;
	if (k->kind == TQC_ATTR)
		return td_index_need_layer(ix, k->layer);
	int rc = cond_layers(ix, k->a);
	return rc < 0 ? rc : cond_layers(ix, k->b);
}

static int node_layers(td_index *ix, const tq_node *n)
{
	int rc = cond_layers(ix, n->cond);
	if (rc == 0)
		rc = cond_layers(ix, n->where);
	for (size_t i = 0; i < n->nkids && rc == 0; i++)
		rc = node_layers(ix, n->kids[i]);
	return rc;
}

static int need_layers(td_index *ix, const tq_plan *p)
{
	/* with labels, p->ast is the query freed of them, p->vp's the query */
	int rc = node_layers(ix, p->ast);
	return rc == 0 && p->vp ? node_layers(ix, p->vp->ast) : rc;
}

/* A way to answer a segment without running the query (from its lexicon):
 * sets *done when it did; returns 0, an error, or > 0 when a callback
 * asked to stop. */
typedef int (*seg_answer_fn)(ctx *c, void *arg, int *done);

/* Runs plan p over every segment of ix in turn: answer (when not NULL,
 * with answer_arg) first, run_seg with fn and arg where it did not answer.
 * 0 once every segment ran or a callback asked to stop; an error, a
 * segment found damaged by a lookup included. */
static int each_seg(td_index *ix, tq_plan *p, const tq_filter *f,
        seg_answer_fn answer, void *answer_arg, tq_hit_fn fn, void *arg)
{
	size_t nseg = td_index_nsegs(ix);
	for (size_t i = 0; i < nseg; i++) {
		ctx c;
		int done = 0;
		int rc = ctx_init(&c, p, td_index_seg(ix, i), i, f);
		if (rc == 0 && answer)
			rc = answer(&c, answer_arg, &done);
		if (rc == 0 && !done)
			rc = run_seg(&c, fn, arg);
		ctx_clear(&c);
		if (rc >= 0 && td_seg_damaged(td_index_seg(ix, i)) < 0)
			rc = TD_ECORRUPT; /* damage some lookup took for
			                     "absent" */
		if (rc < 0)
			return rc;
		if (rc > 0)
			return 0; /* the callback asked to stop */
	}
	return 0;
}

int tq_exec(
        td_index *ix, tq_plan *p, const tq_filter *f, tq_hit_fn fn, void *arg)
{
	int lrc = need_layers(ix, p);
	if (lrc < 0)
		return lrc;
	if (p->vp && !p->regions) /* labels, target, '::': labels.c */
		return tq_exec_labels(ix, p, f, fn, arg);
	return each_seg(ix, p, f, NULL, NULL, fn, arg);
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
	if (rc == 0 && (rc = tq_nonarticle(c->s, 0, td_seg_ntokens(c->s), c->f,
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
	if (!ls->bits && !exec_leaf_scanned(c, l)) {
		/* one term: skip along its postings (the ranges ascend) */
		td_postings *pp;
		uint32_t pos = 0;
		int more = 1;
		if (ls->lit < 0 || !ex->n)
			return 0;
		if ((rc = td_postings_open(
		             c->s, ls->layer, (uint32_t)ls->lit, &pp)) < 0)
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
				if (rc == 0 && (more = td_postings_next(
				                        pp, 0, &pos)) < 0)
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
				return td_error(
				        TD_ECORRUPT, "%s", td_error_last());
			/* exec_leaf_at's test, without reading id again */
			if (ls->bits ? (ls->bits[id >> 3] >> (id & 7)) & 1
			             : id == (uint32_t)ls->lit)
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

/* tq_count of a one-token query in a segment, from its lexicon: the
 * leaf's occurrences less those seg_counts subtracts */
static int count_answer(ctx *c, void *arg, int *done)
{
	uint64_t *out = arg;
	int leaf = c->p->ast->cond->leaf;
	vec sub = {0};
	int rc = seg_counts(c, leaf, &sub);
	if (rc > 0) {
		*out += c->leaves[leaf].freq - sub.n;
		*done = 1;
		rc = 0;
	}
	free(sub.v);
	return rc;
}

/* A one-token query without a document filter: counted from the segments'
 * lexicons where they can (seg_counts). */
static int single_token(const tq_node *n, const tq_filter *f)
{
	return n->kind == TQ_TOKEN && n->cond && n->cond->kind == TQC_ATTR &&
	       (!f || (!f->from && !f->to && !f->genre && !f->doc));
}

int tq_count(td_index *ix, tq_plan *p, const tq_filter *f, uint64_t *out)
{
	int lrc = need_layers(ix, p);
	*out = 0;
	if (lrc < 0)
		return lrc;
	const tq_node *n = p->ast;
	if (p->vp)
		return tq_exec_labels(ix, p, f, count_hit, out);
	if (n->kind == TQ_TOKEN && !n->cond) {
		/* []: every token searched */
		*out = tq_ntokens(ix, f);
		return 0;
	}
	return each_seg(ix, p, f, single_token(n, f) ? count_answer : NULL, out,
	        count_hit, out);
}

uint64_t tq_ntokens(td_index *ix, const tq_filter *f)
{
	uint64_t n = 0;
	tq_ranges na = {0};
	for (size_t i = 0; i < td_index_nsegs(ix); i++) {
		td_seg *s = td_index_seg(ix, i);
		for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
			td_docinfo di;
			if (!tq_filter_doc(s, d, f) ||
			        td_seg_doc(s, d, &di) < 0)
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

typedef struct terms_arg {
	int layer;
	tq_term_fn fn;
	void *arg;
} terms_arg;

/* tq_exec_terms of a one-token query in a segment, from its lexicon: each
 * term of the leaf with its occurrences less those seg_counts subtracts */
static int terms_answer(ctx *c, void *arg, int *done)
{
	const terms_arg *ta = arg;
	int leaf = c->p->ast->cond->leaf;
	vec sub = {0};
	int rc = seg_counts(c, leaf, &sub);
	if (rc > 0) {
		leafset *ls = &c->leaves[leaf];
		size_t k = 0;
		*done = 1;
		rc = 0;
		/* ls->ids and sub are both ascending */
		for (size_t j = 0; j < ls->ids.n && rc == 0; j++) {
			size_t len = 0;
			uint32_t id = ls->ids.v[j];
			const char *t =
			        td_seg_lex_term(c->s, ta->layer, id, &len);
			uint64_t fr = td_seg_lex_freq(c->s, ta->layer, id);
			while (k < sub.n && sub.v[k] < id)
				k++;
			for (; k < sub.n && sub.v[k] == id && fr; k++)
				fr--;
			if (!t)
				rc = td_seg_lex_term_err(c->s);
			else if (fr)
				rc = ta->fn(ta->arg, t, len, fr);
		}
	}
	free(sub.v);
	return rc;
}

int tq_exec_terms(td_index *ix, tq_plan *p, const tq_filter *f, int layer,
        tq_term_fn term_fn, tq_hit_fn hit_fn, void *arg)
{
	int lrc = need_layers(ix, p);
	if (lrc < 0 || (lrc = td_index_need_layer(ix, layer)) < 0)
		return lrc;
	const tq_node *n = p->ast;
	terms_arg ta = {layer, term_fn, arg};
	if (p->vp)
		return tq_exec_labels(ix, p, f, hit_fn, arg);
	return each_seg(ix, p, f,
	        single_token(n, f) && n->cond->layer == layer ? terms_answer
	                                                      : NULL,
	        &ta, hit_fn, arg);
}
