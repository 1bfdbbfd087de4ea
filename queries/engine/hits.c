/* hits.c: from matches to logical hits, between the executor and the
 * caller. A hit that is exactly an element the query names as a whole
 * remembers which (tq_hit.sk/si), so that tables group it by that element
 * and not by every span around it. The parts of a split element (a quote
 * over two sentences: <q xml:id next="#.."> ... <q prev="#..">) are one
 * hit, from the first part's start to the last part's end, reported once.
 * With f->outermost a hit inside an earlier one is dropped. Hits arrive in
 * segment order, document by document; nothing here reads the text.
 */
#include "config.h"
#include "ast.h"
#include "filter.h"
#include "hits.h"
#include "error.h"
#include "vec.h"
#include "index.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

#define JOIN_ELEMS 8  /* element names a query may name as a whole */
#define CHAIN_MAX 256 /* parts followed along @next/@prev */

/* the first part of a split element: span i of element k */
struct head {
	uint32_t k, i;
};

struct tq_join {
	td_seg *s;
	uint32_t k[JOIN_ELEMS];
	uint32_t cur[JOIN_ELEMS]; /* per element: no span before it starts
	                           * at or after the last hit's start */
	size_t nk;
	int outermost;
	uint32_t doc, dfirst, dend;
	int has_doc;
	uint32_t ostart, oend; /* the kept hit reaching furthest */
	int has_o;
	struct head *heads; /* first parts of split elements reported */
	size_t nheads, cap;
};

static void names_of(const tq_node *n, const char **v, size_t *nv)
{
	switch (n->kind) {
	case TQ_SPAN:
	case TQ_REGION: /* <q> ... </q>: its hits are whole elements too */
		for (size_t i = 0; i < *nv; i++)
			if (!strcmp(v[i], n->elem))
				return;
		if (*nv < JOIN_ELEMS)
			v[(*nv)++] = n->elem;
		return;
	case TQ_ALT:
		for (size_t i = 0; i < n->nkids; i++)
			names_of(n->kids[i], v, nv);
		return;
	case TQ_WITHIN:
	case TQ_CONTAINING:
		names_of(n->kids[0], v, nv);
		return;
	default:
		return;
	}
}

int tq_join_new(
        const tq_node *ast, td_seg *s, const tq_filter *f, tq_join **out)
{
	tq_join *j = calloc(1, sizeof *j);
	if (!j)
		return td_error(TD_ENOMEM, "out of memory");
	const char *names[JOIN_ELEMS];
	size_t nn = 0;
	names_of(ast, names, &nn);
	for (size_t i = 0; i < nn; i++) {
		int64_t k = td_seg_span_find(s, names[i]);
		if (k == TD_ECORRUPT) {
			free(j);
			return TD_ECORRUPT;
		}
		if (k >= 0)
			j->k[j->nk++] = (uint32_t)k;
	}
	j->s = s;
	j->outermost = f && f->outermost;
	*out = j;
	return 0;
}

void tq_join_free(tq_join *j)
{
	if (!j)
		return;
	free(j->heads);
	free(j);
}

/* The span of element k with extent [st, en), or -1. Spans are sorted by
 * start, then end descending; hits mostly ascend, so the search starts
 * from *cur, where the last one ended. */
static int64_t exact(
        td_seg *s, uint32_t k, uint32_t *cur, uint32_t st, uint32_t en)
{
	uint32_t lo = 0, hi = td_seg_span_count(s, k), a, b;
	if (*cur < hi && td_seg_span_get(s, k, *cur, &a, &b) == 0 && a < st) {
		/* gallop forward from the cursor */
		uint32_t step = 1;
		lo = *cur + 1;
		for (;;) {
			uint32_t probe = *cur + step;
			if (probe >= hi)
				break;
			if (td_seg_span_get(s, k, probe, &a, &b) < 0)
				return TD_ECORRUPT;
			if (a >= st) {
				hi = probe;
				break;
			}
			lo = probe + 1;
			step *= 2;
		}
	} else if (*cur<hi && * cur> 0 &&
	           td_seg_span_get(s, k, *cur - 1, &a, &b) == 0 && a < st) {
		lo = hi = *cur; /* the cursor is the first at or after st */
	}
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (td_seg_span_get(s, k, mid, &a, &b) < 0)
			return TD_ECORRUPT;
		if (a < st)
			lo = mid + 1;
		else
			hi = mid;
	}
	*cur = lo;
	for (; lo < td_seg_span_count(s, k); lo++) {
		if (td_seg_span_get(s, k, lo, &a, &b) < 0)
			return TD_ECORRUPT;
		if (a != st || b < en)
			break;
		if (b == en)
			return lo;
	}
	return -1;
}

/* The part that span i's attribute name (next or prev) points to, searched
 * in the direction of the link inside the document; -1 if none. */
static int64_t linked(tq_join *j, uint32_t k, uint32_t i, const char *name)
{
	const char *ref = NULL, *id = NULL;
	int rc = td_seg_span_attr_find(j->s, k, i, name, &ref);
	if (rc <= 0)
		return rc < 0 ? rc : -1;
	if (*ref == '#')
		ref++;
	int fwd = !strcmp(name, "next");
	uint32_t cnt = td_seg_span_count(j->s, k), st, en;
	for (uint32_t x = fwd ? i + 1 : i - 1; fwd ? x < cnt : x != UINT32_MAX;
	        fwd ? x++ : x--) {
		if ((rc = td_seg_span_get(j->s, k, x, &st, &en)) < 0)
			return rc;
		if (fwd ? st >= j->dend : st < j->dfirst)
			break;
		if ((rc = td_seg_span_attr_find(j->s, k, x, "xml:id", &id)) < 0)
			return rc;
		if (rc == 1 && !strcmp(id, ref))
			return x;
	}
	return -1;
}

static int seen_head(tq_join *j, uint32_t k, uint32_t i)
{
	for (size_t x = 0; x < j->nheads; x++)
		if (j->heads[x].k == k && j->heads[x].i == i)
			return 1;
	if (TD_VEC_RESERVE(j->heads, j->nheads, j->cap, 8))
		return td_error(TD_ENOMEM, "out of memory");
	j->heads[j->nheads++] = (struct head){k, i};
	return 0;
}

/* Extends h over the split element whose part is span i of element k.
 * 1: report it, 0: its first part was reported already. */
static int chain(tq_join *j, uint32_t k, uint32_t i, tq_hit *h)
{
	int64_t head = i, tail = i, x;
	uint32_t st, en;
	int rc;
	for (int n = 0; n < CHAIN_MAX &&
	                (x = linked(j, k, (uint32_t)head, "prev")) >= 0;
	        n++)
		head = x;
	if (x < -1)
		return (int)x;
	for (int n = 0; n < CHAIN_MAX &&
	                (x = linked(j, k, (uint32_t)tail, "next")) >= 0;
	        n++)
		tail = x;
	if (x < -1)
		return (int)x;
	if (head == i && tail == i)
		return 1;
	if ((rc = seen_head(j, k, (uint32_t)head)) != 0)
		return rc < 0 ? rc : 0;
	if ((rc = td_seg_span_get(j->s, k, (uint32_t)head, &st, &en)) < 0)
		return rc;
	if (st < h->start)
		h->start = st;
	if ((rc = td_seg_span_get(j->s, k, (uint32_t)tail, &st, &en)) < 0)
		return rc;
	if (en > h->end)
		h->end = en;
	h->si = (uint32_t)head;
	return 1;
}

int tq_join_hit(tq_join *j, tq_hit *h)
{
	int rc;
	if (!j->has_doc || h->doc != j->doc) {
		uint32_t ntok;
		if ((rc = td_seg_doc_range(j->s, h->doc, &j->dfirst, &ntok)) <
		        0)
			return rc;
		j->dend = j->dfirst + ntok;
		j->doc = h->doc;
		j->has_doc = 1;
		j->has_o = 0;
		j->nheads = 0;
	}
	h->sk = 0;
	h->si = 0;
	for (size_t e = 0; e < j->nk; e++) {
		int64_t i = exact(j->s, j->k[e], &j->cur[e], h->start, h->end);
		if (i < -1)
			return (int)i;
		if (i < 0)
			continue;
		h->sk = j->k[e] + 1;
		h->si = (uint32_t)i;
		if ((rc = chain(j, j->k[e], (uint32_t)i, h)) <= 0)
			return rc;
		break;
	}
	if (j->outermost) {
		if (j->has_o && h->start >= j->ostart && h->end <= j->oend)
			return 0;
		if (!j->has_o || h->end > j->oend) {
			j->ostart = h->start;
			j->oend = h->end;
			j->has_o = 1;
		}
	}
	return 1;
}

int tq_hit_parts(
        const tq_hit *h, int (*fn)(void *, uint32_t, uint32_t), void *ctx)
{
	uint32_t ntok, st, en;
	int rc;
	tq_join j = {0};
	if (!h->sk)
		return fn(ctx, h->start, h->end);
	j.s = h->seg;
	if ((rc = td_seg_doc_range(h->seg, h->doc, &j.dfirst, &ntok)) < 0)
		return rc;
	j.dend = j.dfirst + ntok;
	int64_t i = h->si;
	for (int n = 0; n < CHAIN_MAX && i >= 0; n++) {
		if ((rc = td_seg_span_get(
		             h->seg, h->sk - 1, (uint32_t)i, &st, &en)) < 0 ||
		        (st < en && (rc = fn(ctx, st, en)) < 0))
			return rc;
		i = linked(&j, h->sk - 1, (uint32_t)i, "next");
	}
	return i < -1 ? (int)i : 0;
}
