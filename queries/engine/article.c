/* article.c: which tokens of a document are not the article's text: pull
 * quotes (<quote type="pullquote">, the layout's duplicate of a passage) and
 * layout markers (<note type="layout">, "Article 2nd half"). The TEI keeps
 * them; hits, token counts and KWIC context leave them out unless the
 * filter's pullquotes flag keeps them. Read-only over index.h.
 */
#include "config.h"
#include "article.h"
#include "filter.h"
#include "subcorpus.h"
#include "vec.h"
#include "error.h"
#include "lower.h"
#include "index.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *elem, *type;
} nonarticle[] = {{"quote", "pullquote"}, {"note", "layout"}};

int tq_span_lower(td_seg *s, uint32_t k, uint32_t pos, uint32_t *out)
{
	uint32_t lo = 0, hi = td_seg_span_count(s, k);
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2, st, en;
		int rc = td_seg_span_get(s, k, mid, &st, &en);
		if (rc < 0)
			return rc;
		if (st < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	*out = lo;
	return 0;
}

static int push(tq_ranges *r, uint32_t st, uint32_t en)
{
	if (TD_VEC_RESERVE(r->v, r->n, r->cap, 8))
		return td_error(TD_ENOMEM, "out of memory");
	r->v[r->n++] = (tq_range){st, en};
	return 0;
}

static int by_start(const void *a, const void *b)
{
	const tq_range *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

static int push_outside(void *ctx, uint32_t st, uint32_t en)
{
	return push(ctx, st, en);
}

int tq_nonarticle(td_seg *s, uint32_t first, uint32_t end, const tq_filter *f,
        tq_ranges *out)
{
	out->n = 0;
	/* --in NAME: what no saved span covers is left out as well */
	if (f && f->in) {
		int rc =
		        tq_sub_outside(f->in, s, first, end, push_outside, out);
		if (rc < 0)
			return rc;
	}
	for (size_t e = 0; !(f && f->pullquotes) &&
	                   e < sizeof nonarticle / sizeof *nonarticle;
	        e++) {
		int64_t k = td_seg_span_find(s, nonarticle[e].elem);
		if (k == TD_ECORRUPT)
			return TD_ECORRUPT;
		if (k < 0)
			continue;
		uint32_t i, cnt = td_seg_span_count(s, (uint32_t)k);
		/* spans do not cross documents: none starting before first
		 * reaches into [first, end) from another document */
		int rc = tq_span_lower(s, (uint32_t)k, first, &i);
		for (; rc == 0 && i < cnt; i++) {
			uint32_t st, en;
			const char *type = NULL;
			if ((rc = td_seg_span_get(
			             s, (uint32_t)k, i, &st, &en)) < 0 ||
			        st >= end)
				break;
			if (en <= st)
				continue;
			rc = td_seg_span_attr_find(
			        s, (uint32_t)k, i, "type", &type);
			if (rc < 0)
				break;
			rc = 0;
			if (type && !strcmp(type, nonarticle[e].type))
				rc = push(out, st, en < end ? en : end);
		}
		if (rc < 0)
			return rc;
	}
	/* sorted by start, overlapping ones merged */
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, by_start);
	size_t m = 0;
	for (size_t i = 0; i < out->n; i++) {
		if (m && out->v[i].start <= out->v[m - 1].end) {
			if (out->v[i].end > out->v[m - 1].end)
				out->v[m - 1].end = out->v[i].end;
		} else {
			out->v[m++] = out->v[i];
		}
	}
	out->n = m;
	return 0;
}

int tq_ranges_has(const tq_ranges *r, uint32_t pos)
{
	size_t lo;
	TD_LOWER_BOUND(lo, r->n, mid, r->v[mid].end <= pos);
	return lo < r->n && r->v[lo].start <= pos;
}

uint64_t tq_ranges_len(const tq_ranges *r)
{
	uint64_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += r->v[i].end - r->v[i].start;
	return n;
}

int tq_article_docs(
        td_index *ix, const tq_filter *f, tq_article_fn fn, void *ctx)
{
	tq_ranges na = {0};
	int rc = 0;
	for (size_t i = 0; i < td_index_nsegs(ix) && rc == 0; i++) {
		td_seg *s = td_index_seg(ix, i);
		for (uint32_t d = 0; d < td_seg_ndocs(s) && rc == 0; d++) {
			td_docinfo di;
			if (!tq_filter_doc(s, d, f))
				continue;
			if ((rc = td_seg_doc(s, d, &di)) == 0 &&
			        (rc = tq_nonarticle(s, di.first_tok,
			                 di.first_tok + di.ntok, f, &na)) == 0)
				rc = fn(ctx, i, s, d, &di, &na);
		}
	}
	free(na.v);
	return rc;
}

int tq_article_word(const tq_ranges *na, uint32_t first, uint32_t end,
        uint32_t from, uint32_t off, int right, uint32_t *out)
{
	uint64_t p = from;
	for (uint32_t i = 0; i < off; i++)
		do {
			if (right ? p + 1 >= end : p <= first)
				return 0;
			p = right ? p + 1 : p - 1;
		} while (tq_ranges_has(na, (uint32_t)p));
	*out = (uint32_t)p;
	return 1;
}
