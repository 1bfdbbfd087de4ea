/* colloc.c: collocations of a query's hits (tagdex-query --collocates). The
 * window tokens are the union of the windows around the hits' parts (a
 * quote split around narration has two), measured over the tokens searched
 * (text that is not the article is stepped over, as --freq leftN steps
 * over it), less the hits' own tokens; f_pair counts each window token
 * once, however many windows hold it (Evert 2008). f_coll and N come from
 * one scan of the documents searched. Reads the index only.
 */
#include "config.h"
#include "stats.h"
#include "vec.h"
#include "error.h"
#include "article.h"
#include "context.h"
#include "exec.h"
#include "filter.h"
#include "hits.h"
#include "plan.h"
#include "index.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

typedef struct hitvec {
	tq_hit *v;
	size_t n, cap;
} hitvec;

static int collect(void *arg, const tq_hit *h)
{
	hitvec *hv = arg;
	if (TD_VEC_RESERVE(hv->v, hv->n, hv->cap, 1024))
		return td_error(TD_ENOMEM, "out of memory");
	hv->v[hv->n++] = *h;
	return 0;
}

static int by_place(const void *a, const void *b)
{
	const tq_hit *x = a, *y = b;
	if (x->segno != y->segno)
		return x->segno < y->segno ? -1 : 1;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return (x->start > y->start) - (x->start < y->start);
}

int tq_stats_hits(
        td_index *ix, tq_plan *p, const tq_filter *f, tq_hit **out, size_t *n)
{
	hitvec hv = {0};
	int rc = tq_exec(ix, p, f, collect, &hv);
	if (rc < 0) {
		free(hv.v);
		return rc;
	}
	if (hv.n > 1)
		qsort(hv.v, hv.n, sizeof *hv.v, by_place);
	*out = hv.v;
	*n = hv.n;
	return 0;
}

/* the parts of one hit, appended as hits of their own */
typedef struct partv {
	hitvec *hv;
	const tq_hit *h;
} partv;

static int add_part(void *ctx, uint32_t start, uint32_t end)
{
	partv *p = ctx;
	tq_hit h = *p->h;
	h.start = start;
	h.end = end;
	h.sk = 0;
	return collect(p->hv, &h);
}

int tq_stats_parts(tq_hit **v, size_t *n)
{
	hitvec hv = {0};
	int rc = 0;
	for (size_t i = 0; i < *n && rc == 0; i++) {
		partv p = {&hv, &(*v)[i]};
		rc = tq_hit_parts(&(*v)[i], add_part, &p);
	}
	if (rc < 0) {
		free(hv.v);
		return rc;
	}
	if (hv.n > 1)
		qsort(hv.v, hv.n, sizeof *hv.v, by_place);
	free(*v);
	*v = hv.v;
	*n = hv.n;
	return 0;
}

/* The start or end of the sentence over pos, or -1 if there is none. */
static int64_t sentence_edge(td_seg *s, uint32_t pos, int end)
{
	uint32_t si, st, en;
	int64_t k = td_seg_span_find(s, "s");
	if (k < 0 || !tq_sentence_at(s, pos, &si) ||
	        td_seg_span_get(s, (uint32_t)k, si, &st, &en) < 0)
		return -1;
	return end ? en : st;
}

/* Makes v (of capacity cap) n zeroed elements: 0 or TD_ENOMEM. */
#define ZEROED(v, cap, n)                                                      \
	(TD_VEC_RESERVE_N(v, n, cap, 1024)                                     \
	                ? td_error(TD_ENOMEM, "out of memory")                 \
	                : (memset(v, 0, (n) * sizeof *(v)), 0))

/* Clears the marks of tokens [first, first + ntok) that lie in r. */
static void unmark(
        uint8_t *mark, uint32_t first, uint32_t ntok, const tq_ranges *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (uint32_t p = r->v[i].start; p < r->v[i].end; p++)
			if (p >= first && p - first < ntok)
				mark[p - first] = 0;
}

enum { IN_WINDOW = 1, IN_NODE = 2 };

/* One document's marks and what the window of a part needs. */
typedef struct docwin {
	const tq_coll_opts *o;
	td_seg *s;
	uint8_t *mark;
	uint32_t first, end;
	const tq_ranges *na; /* text that is not searched: stepped over */
} docwin;

static void mark_window(const docwin *w, uint32_t p)
{
	if (!w->mark[p - w->first])
		w->mark[p - w->first] = IN_WINDOW;
}

/* tq_hit_parts's callback: the tokens of a part are node tokens */
static int node_part(void *ctx, uint32_t start, uint32_t end)
{
	const docwin *w = ctx;
	for (uint32_t p = start; p < end && p < w->end; p++)
		if (p >= w->first)
			w->mark[p - w->first] = IN_NODE;
	return 0;
}

/* tq_hit_parts's callback: marks the window of one part of a hit, the
 * left and right tokens counted over the tokens searched (as --freq
 * leftN and rightN count them), or its sentences */
static int window_part(void *ctx, uint32_t start, uint32_t end)
{
	const docwin *w = ctx;
	uint32_t p;
	if (start < w->first || end > w->end || start >= end)
		return 0;
	if (w->o->sentence) {
		int64_t a = sentence_edge(w->s, start, 0);
		int64_t b = sentence_edge(w->s, end - 1, 1);
		uint32_t lo = a < 0 ? start : (uint32_t)a;
		uint32_t hi = b < 0 ? end : (uint32_t)b;
		for (p = lo < w->first ? w->first : lo; p < hi && p < w->end;
		        p++)
			mark_window(w, p);
		return 0;
	}
	/* one step at a time: each from the token the last one reached */
	p = start;
	for (uint32_t i = 0; i < w->o->left && tq_article_word(w->na, w->first,
	                                               w->end, p, 1, 0, &p);
	        i++)
		mark_window(w, p);
	p = end - 1;
	for (uint32_t i = 0; i < w->o->right && tq_article_word(w->na, w->first,
	                                                w->end, p, 1, 1, &p);
	        i++)
		mark_window(w, p);
	return 0;
}

/* Marks the windows of hits v[0..n) of one document; counts the window
 * tokens' terms into cnt and their number into t->window. A hit in parts
 * (a quote split around narration) has a window around each part, and
 * only its parts are node tokens. */
static int windows(tq_stat_table *t, const tq_coll_opts *o, const tq_filter *f,
        const tq_hit *v, size_t n, uint8_t *mark, uint32_t first, uint32_t ntok,
        uint64_t *cnt, tq_ranges *na)
{
	docwin w = {o, v[0].seg, mark, first, first + ntok, na};
	int rc;
	if ((rc = tq_nonarticle(w.s, first, w.end, f, na)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = tq_hit_parts(&v[i], node_part, &w)) < 0)
			return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = tq_hit_parts(&v[i], window_part, &w)) < 0)
			return rc;
	unmark(mark, first, ntok, na);
	for (uint32_t p = 0; p < ntok; p++) {
		if (mark[p] != IN_WINDOW)
			continue;
		uint32_t id = td_seg_id_at(w.s, o->layer, first + p);
		if (id >= td_seg_lex_size(w.s, o->layer))
			return tq_stat_damaged(
			        w.s, "a token's term id is out of range");
		cnt[id]++;
		t->window++;
	}
	return 0;
}

/* Adds the counts of segment s's terms to the table: as a (f_pair) for
 * every term counted, or as b (f_coll) to the rows already there. */
static int add_terms(tq_stat_table *t, td_seg *s, int layer,
        const uint64_t *cnt, uint32_t lex, int as_b)
{
	for (uint32_t id = 0; id < lex; id++) {
		if (!cnt[id])
			continue;
		size_t len = 0;
		const char *term = td_seg_lex_term(s, layer, id, &len);
		if (!term)
			return td_seg_lex_term_err(s);
		if (!as_b) {
			int rc = tq_stat_add(t, term, len, cnt[id], 0);
			if (rc < 0)
				return rc;
			continue;
		}
		tq_stat_row *r = tq_stat_find(t, term, len);
		if (r)
			r->b += cnt[id];
	}
	return 0;
}

int tq_stats_scan(td_seg *s, int layer, const tq_filter *f, uint64_t *cnt,
        uint64_t *ntok, tq_ranges *na)
{
	uint32_t lex = td_seg_lex_size(s, layer);
	int rc;
	for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
		uint32_t first, n;
		if (!tq_filter_doc(s, d, f))
			continue;
		if ((rc = tq_past_deadline(f)) < 0 ||
		        (rc = td_seg_doc_range(s, d, &first, &n)) < 0 ||
		        (rc = tq_nonarticle(s, first, first + n, f, na)) < 0)
			return rc;
		size_t r = 0;
		for (uint32_t p = first; p < first + n; p++) {
			while (r < na->n && na->v[r].end <= p)
				r++;
			if (r < na->n && na->v[r].start <= p) {
				p = na->v[r].end - 1;
				continue;
			}
			uint32_t id = td_seg_id_at(s, layer, p);
			if (id >= lex)
				return tq_stat_damaged(
				        s, "a token's term id is out of range");
			cnt[id]++;
			(*ntok)++;
		}
	}
	return 0;
}

typedef struct collkeep {
	const tq_stat_table *t;
	const tq_coll_opts *o;
} collkeep;

/* tq_stat_keep's test: a collocate seen often enough, with its measures */
static int keep(tq_stat_row *r, void *ctx)
{
	const collkeep *c = ctx;
	if (!(r->a >= c->o->min_pair && r->a >= 1 && r->b >= c->o->min_freq))
		return 0;
	tq_assoc_measures(
	        r->a, c->t->f_node, r->b, c->t->window, c->t->ntok, &r->m);
	return 1;
}

int tq_collocates(td_index *ix, tq_plan *p, const tq_filter *f,
        const tq_coll_opts *o, tq_stat_table **out)
{
	tq_stat_table *t = calloc(1, sizeof *t);
	tq_hit *hits = NULL;
	size_t nhits = 0, hi = 0, markcap = 0, cntcap = 0;
	uint8_t *mark = NULL;
	uint64_t *cnt = NULL;
	tq_ranges na = {0};
	int rc = t ? 0 : td_error(TD_ENOMEM, "out of memory");
	*out = NULL;
	if (rc == 0)
		rc = td_index_need_layer(ix, o->layer);
	if (rc == 0)
		rc = tq_stats_hits(ix, p, f, &hits, &nhits);
	if (rc == 0) {
		t->measure = o->measure;
		t->f_node = nhits;
	}
	/* the windows, segment by segment, document by document */
	for (size_t i = 0; rc == 0 && i < td_index_nsegs(ix); i++) {
		td_seg *s = td_index_seg(ix, i);
		uint32_t lex = td_seg_lex_size(s, o->layer);
		if (hi >= nhits || hits[hi].segno != i)
			continue;
		if ((rc = ZEROED(cnt, cntcap, (size_t)lex + 1)) < 0)
			break;
		while (rc == 0 && hi < nhits && hits[hi].segno == i) {
			size_t hj = hi;
			uint32_t first, ntok;
			while (hj < nhits && hits[hj].segno == i &&
			        hits[hj].doc == hits[hi].doc)
				hj++;
			if ((rc = td_seg_doc_range(
			             s, hits[hi].doc, &first, &ntok)) < 0 ||
			        (rc = ZEROED(mark, markcap, (size_t)ntok + 1)) <
			                0)
				break;
			rc = windows(t, o, f, hits + hi, hj - hi, mark, first,
			        ntok, cnt, &na);
			hi = hj;
		}
		if (rc == 0)
			rc = add_terms(t, s, o->layer, cnt, lex, 0);
	}
	/* f_coll and N over every document searched */
	for (size_t i = 0; rc == 0 && i < td_index_nsegs(ix); i++) {
		td_seg *s = td_index_seg(ix, i);
		uint32_t lex = td_seg_lex_size(s, o->layer);
		if ((rc = ZEROED(cnt, cntcap, (size_t)lex + 1)) < 0 ||
		        (rc = tq_stats_scan(
		                 s, o->layer, f, cnt, &t->ntok, &na)) < 0)
			break;
		rc = add_terms(t, s, o->layer, cnt, lex, 1);
	}
	if (rc == 0) {
		collkeep ck = {t, o};
		tq_stat_keep(t, keep, &ck);
	}
	free(hits);
	free(mark);
	free(cnt);
	free(na.v);
	if (rc < 0) {
		tq_stat_free(t);
		return rc;
	}
	*out = t;
	return 0;
}
