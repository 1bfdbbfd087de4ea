/* keyness.c: keywords of a focus subcorpus against a reference
 * (tagdex-query --keywords). The focus is the union of the tokens inside
 * the focus query's hits, the reference that of the reference query's hits
 * or every other token searched; text that is not the article is in
 * neither. A token in both is an error, not a count made twice.
 */
#include "config.h"
#include "stats.h"
#include "vec.h"
#include "error.h"
#include "article.h"
#include "filter.h"
#include "hits.h"
#include "plan.h"
#include "index.h"
#include "tagdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { IN_FOCUS = 1, IN_REF = 2, OUTSIDE = 4 };

/* Marks hits v[*i..) of segment seg and document d with bit; advances *i. */
static void mark_hits(uint8_t *mark, uint32_t first, uint32_t ntok,
        const tq_hit *v, size_t n, size_t *i, size_t seg, uint32_t d,
        uint8_t bit)
{
	while (*i < n &&
	        (v[*i].segno < seg || (v[*i].segno == seg && v[*i].doc < d)))
		(*i)++;
	for (; *i < n && v[*i].segno == seg && v[*i].doc == d; (*i)++)
		for (uint32_t p = v[*i].start; p < v[*i].end; p++)
			if (p >= first && p - first < ntok)
				mark[p - first] |= bit;
}

typedef struct kwscan {
	uint8_t *mark;
	size_t markcap;
	uint64_t *fc, *rc;
	size_t cap_fc, cap_rc;
	tq_ranges na;
} kwscan;

static int grow(kwscan *k, uint32_t ntok, uint32_t lex, int lexical)
{
	if (lexical) {
		size_t n = (size_t)lex + 1;
		if (TD_VEC_RESERVE_N(k->fc, n, k->cap_fc, 1024) ||
		        TD_VEC_RESERVE_N(k->rc, n, k->cap_rc, 1024))
			return td_error(TD_ENOMEM, "out of memory");
		memset(k->fc, 0, n * sizeof *k->fc);
		memset(k->rc, 0, n * sizeof *k->rc);
		return 0;
	}
	if (TD_VEC_RESERVE_N(k->mark, (size_t)ntok + 1, k->markcap, 1024))
		return td_error(TD_ENOMEM, "out of memory");
	memset(k->mark, 0, (size_t)ntok + 1);
	return 0;
}

/* Counts the focus and reference tokens of document d of segment si. */
static int scan_doc(tq_stat_table *t, kwscan *k, td_seg *s, size_t si,
        uint32_t d, const tq_hit *fh, size_t nf, size_t *fi, const tq_hit *rh,
        size_t nr, size_t *ri, int has_ref, int layer, const tq_filter *f)
{
	uint32_t first, ntok, lex = td_seg_lex_size(s, layer);
	int rc;
	if ((rc = td_seg_doc_range(s, d, &first, &ntok)) < 0 ||
	        (rc = grow(k, ntok, 0, 0)) < 0 ||
	        (rc = tq_nonarticle(s, first, first + ntok, f, &k->na)) < 0)
		return rc;
	mark_hits(k->mark, first, ntok, fh, nf, fi, si, d, IN_FOCUS);
	/* a reference query with no hits is an empty reference, not the
	 * rest of the corpus: has_ref, not rh, says which */
	if (has_ref)
		mark_hits(k->mark, first, ntok, rh, nr, ri, si, d, IN_REF);
	for (size_t i = 0; i < k->na.n; i++)
		for (uint32_t p = k->na.v[i].start; p < k->na.v[i].end; p++)
			if (p >= first && p - first < ntok)
				k->mark[p - first] = OUTSIDE;
	for (uint32_t p = 0; p < ntok; p++) {
		uint8_t m = k->mark[p];
		if (m == (IN_FOCUS | IN_REF)) {
			td_docinfo di;
			const char *id = td_seg_doc(s, d, &di) == 0 && di.id
			                         ? di.id
			                         : "?";
			return td_error(TD_EUSAGE,
			        "the focus and the reference share tokens "
			        "(document %s, token %u): they must be "
			        "disjoint",
			        id, p);
		}
		if (m & OUTSIDE)
			continue;
		if (!m && has_ref)
			continue; /* in neither */
		uint32_t id = td_seg_id_at(s, layer, first + p);
		if (id >= lex)
			return tq_stat_damaged(
			        s, "a token's term id is out of range");
		if (m & IN_FOCUS) {
			k->fc[id]++;
			t->n_focus++;
		} else {
			k->rc[id]++;
			t->n_ref++;
		}
	}
	return 0;
}

typedef struct kwkeep {
	const tq_stat_table *t;
	uint64_t min_freq;
	double alpha;
} kwkeep;

/* tq_stat_keep's test: a term seen often enough whose log-likelihood is
 * significant at alpha, with its measures */
static int significant(tq_stat_row *r, void *ctx)
{
	const kwkeep *k = ctx;
	tq_keyness_measures(r->a, r->b, k->t->n_focus, k->t->n_ref, &r->m);
	return r->a + r->b >= k->min_freq && r->m.def[TQ_M_LL] &&
	       tq_chi2_sf(r->m.v[TQ_M_LL]) <= k->alpha;
}

int tq_keywords(td_index *ix, tq_plan *focus, tq_plan *ref, const tq_filter *f,
        const tq_kw_opts *o, tq_stat_table **out)
{
	tq_stat_table *t = calloc(1, sizeof *t);
	tq_hit *fh = NULL, *rh = NULL;
	size_t nf = 0, nr = 0, fi = 0, ri = 0;
	kwscan k = {0};
	int rc = t ? 0 : td_error(TD_ENOMEM, "out of memory");
	*out = NULL;
	if (rc == 0)
		rc = td_index_need_layer(ix, o->layer);
	/* the tokens inside the hits: a split quote's parts only */
	if (rc == 0 && (rc = tq_stats_hits(ix, focus, f, &fh, &nf)) == 0)
		rc = tq_stats_parts(&fh, &nf);
	if (rc == 0 && ref) {
		if ((rc = tq_stats_hits(ix, ref, f, &rh, &nr)) == 0) {
			rc = tq_stats_parts(&rh, &nr);
		} else if (rc == TD_ELIMIT && td_error_offset() >= 0) {
			/* the offset is in the reference query: say so */
			char msg[1024];
			long off = td_error_offset();
			snprintf(msg, sizeof msg, "%s", td_error_last());
			rc = td_error_at(
			        TD_ELIMIT, off, "%s%s", TQ_IN_REFERENCE, msg);
		}
	}
	if (rc == 0) {
		t->keywords = 1;
		t->measure = o->measure;
	}
	for (size_t i = 0; rc == 0 && i < td_index_nsegs(ix); i++) {
		td_seg *s = td_index_seg(ix, i);
		uint32_t lex = td_seg_lex_size(s, o->layer);
		if ((rc = grow(&k, 0, lex, 1)) < 0)
			break;
		for (uint32_t d = 0; rc == 0 && d < td_seg_ndocs(s); d++)
			if (tq_filter_doc(s, d, f) &&
			        (rc = tq_past_deadline(f)) == 0)
				rc = scan_doc(t, &k, s, i, d, fh, nf, &fi, rh,
				        nr, &ri, ref != NULL, o->layer, f);
		for (uint32_t id = 0; rc == 0 && id < lex; id++) {
			size_t len = 0;
			if (!k.fc[id] && !k.rc[id])
				continue;
			const char *term =
			        td_seg_lex_term(s, o->layer, id, &len);
			if (!term)
				rc = td_seg_lex_term_err(s);
			else
				rc = tq_stat_add(
				        t, term, len, k.fc[id], k.rc[id]);
		}
	}
	if (rc == 0 && (!t->n_focus || !t->n_ref))
		rc = td_error(TD_EUSAGE,
		        "the %s has no tokens in the documents "
		        "searched: no keywords to compare",
		        !t->n_focus ? "focus" : "reference");
	if (rc == 0) {
		for (size_t i = 0; i < t->n; i++)
			if (t->rows[i].a + t->rows[i].b >= o->min_freq)
				t->tested++;
		kwkeep kk = {t, o->min_freq,
		        o->bonferroni && t->tested
		                ? o->alpha / (double)t->tested
		                : o->alpha};
		tq_stat_keep(t, significant, &kk);
	}
	free(fh);
	free(rh);
	free(k.mark);
	free(k.fc);
	free(k.rc);
	free(k.na.v);
	if (rc < 0) {
		tq_stat_free(t);
		return rc;
	}
	*out = t;
	return 0;
}
