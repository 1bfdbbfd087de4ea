/* ngrams.c: n-grams (clusters) of a layer's terms over the documents
 * searched, or those holding a query's hits (tagdex-query --ngrams). An
 * n-gram is n consecutive tokens of article text in one document: it never
 * spans a pull quote or layout marker, nor two documents. Reads the index
 * only.
 */
#include "config.h"
#include "stats.h"
#include "vec.h"
#include "error.h"
#include "article.h"
#include "exec.h"
#include "filter.h"
#include "hits.h"
#include "plan.h"
#include "index.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

typedef struct gram {
	char *buf;
	size_t cap;
	const char **term; /* per token of the document: its term */
	size_t *len;
	uint8_t *ok; /* 1: article text */
	size_t cap_term, cap_len, cap_ok;
} gram;

/* Loads the terms of document d (tokens [first, first + ntok)). */
static int load_doc(gram *g, td_seg *s, int layer, const tq_filter *f,
        uint32_t first, uint32_t ntok, tq_ranges *na)
{
	int rc;
	size_t need = (size_t)ntok + 1;
	if (TD_VEC_RESERVE_N(g->term, need, g->cap_term, 1024) ||
	        TD_VEC_RESERVE_N(g->len, need, g->cap_len, 1024) ||
	        TD_VEC_RESERVE_N(g->ok, need, g->cap_ok, 1024))
		return td_error(TD_ENOMEM, "out of memory");
	if ((rc = tq_nonarticle(s, first, first + ntok, f, na)) < 0)
		return rc;
	memset(g->ok, 1, ntok);
	for (size_t i = 0; i < na->n; i++)
		for (uint32_t p = na->v[i].start; p < na->v[i].end; p++)
			if (p >= first && p - first < ntok)
				g->ok[p - first] = 0;
	for (uint32_t p = 0; p < ntok; p++) {
		if (!g->ok[p])
			continue;
		/* not td_seg_term_at: a call less a token of every document */
		uint32_t id = td_seg_id_at(s, layer, first + p);
		if (id == UINT32_MAX)
			return tq_stat_damaged(
			        s, "a token's term is unreadable");
		if (!(g->term[p] = td_seg_lex_term(s, layer, id, &g->len[p])))
			return td_seg_lex_term_err(s);
	}
	return 0;
}

/* Counts the n-gram at document token p if it is all article text. */
static int count_at(tq_stat_table *t, gram *g, uint32_t p, unsigned n)
{
	size_t len = 0;
	for (unsigned i = 0; i < n; i++)
		if (!g->ok[p + i])
			return 0;
	for (unsigned i = 0; i < n; i++)
		len += g->len[p + i] + 1;
	if (TD_VEC_RESERVE_N(g->buf, len, g->cap, 64))
		return td_error(TD_ENOMEM, "out of memory");
	len = 0;
	for (unsigned i = 0; i < n; i++) {
		if (i)
			g->buf[len++] = ' ';
		memcpy(g->buf + len, g->term[p + i], g->len[p + i]);
		len += g->len[p + i];
	}
	return tq_stat_add(t, g->buf, len, 1, 0);
}

/* tq_stat_keep's test: an n-gram seen at least *min_freq times */
static int frequent(tq_stat_row *r, void *min_freq)
{
	return r->a >= *(const uint64_t *)min_freq;
}

int tq_ngrams(td_index *ix, tq_plan *p, const tq_filter *f, int layer,
        unsigned n, uint64_t min_freq, tq_stat_table **out)
{
	tq_stat_table *t = calloc(1, sizeof *t);
	tq_hit *hits = NULL;
	size_t nhits = 0, hi = 0;
	gram g = {0};
	tq_ranges na = {0};
	int rc = t ? 0 : td_error(TD_ENOMEM, "out of memory");
	*out = NULL;
	if (rc == 0)
		rc = td_index_need_layer(ix, layer);
	if (rc == 0 && p)
		rc = tq_stats_hits(ix, p, f, &hits, &nhits);
	if (rc == 0) {
		t->ngrams = n;
		t->ntok = tq_ntokens(ix, f);
	}
	for (size_t i = 0; rc == 0 && i < td_index_nsegs(ix); i++) {
		td_seg *s = td_index_seg(ix, i);
		for (uint32_t d = 0; rc == 0 && d < td_seg_ndocs(s); d++) {
			uint32_t first, ntok;
			if (p && (hi >= nhits || hits[hi].segno != i ||
			                 hits[hi].doc != d))
				continue;
			if (!tq_filter_doc(s, d, f))
				continue;
			if ((rc = td_seg_doc_range(s, d, &first, &ntok)) < 0 ||
			        (rc = load_doc(&g, s, layer, f, first, ntok,
			                 &na)) < 0)
				break;
			if (!p) {
				for (uint32_t q = 0; rc == 0 && q + n <= ntok;
				        q++)
					rc = count_at(t, &g, q, n);
				continue;
			}
			/* every n-gram holding a whole hit, once per hit */
			for (; rc == 0 && hi < nhits && hits[hi].segno == i &&
			        hits[hi].doc == d;
			        hi++) {
				uint32_t a = hits[hi].start - first,
				         b = hits[hi].end - first;
				if (b - a > n)
					continue;
				for (uint32_t q = b >= n ? b - n : 0;
				        rc == 0 && q <= a && q + n <= ntok; q++)
					rc = count_at(t, &g, q, n);
			}
		}
	}
	if (rc == 0) {
		tq_stat_keep(t, frequent, &min_freq);
	}
	free(hits);
	free(g.buf);
	free(g.term);
	free(g.len);
	free(g.ok);
	free(na.v);
	if (rc < 0) {
		tq_stat_free(t);
		return rc;
	}
	*out = t;
	return 0;
}
