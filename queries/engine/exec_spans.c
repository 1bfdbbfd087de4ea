/* exec_spans.c: the executor's element nodes: the spans of an element that
 * match the node's attribute patterns, loaded once per document, each
 * distinct attribute value matched once per segment (by its pointer).
 */
#include "config.h"
#include "exec_int.h"
#include "lower.h"
#include "article.h"
#include "ast.h"
#include "plan.h"
#include "index.h"
#include "tagdex.h"

static size_t cache_slot(const spanset *ss, const char *v, uint32_t j)
{
	size_t h = ((uintptr_t)v * 0x9E3779B97F4A7C15ull + j) >> 17;
	return h & (ss->cslots - 1);
}

/* tq_plan_match_attr through ss's cache of results by value pointer */
static int match_cached(
        ctx *c, const tq_node *n, spanset *ss, uint32_t j, const char *v)
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
		uint8_t * or = ss->cres;
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
			r[t] = or [a];
		}
		free(ok);
		free(oj);
		free(or);
	}
	for (h = cache_slot(ss, v, j); ss->ckey[h];
	        h = (h + 1) & (ss->cslots - 1))
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

/* Fills ss with the matching spans of node n in the current document:
 * for a whole element the non-empty ones; for a tag or a region empty ones
 * too (an empty element is where its start and end tags both are), and
 * for an end tag their ends, sorted. */
int exec_spans_load(ctx *c, const tq_node *n, spanset *ss)
{
	if (ss->doc == c->doc)
		return 0;
	int empty_ok = n->kind != TQ_SPAN;
	ss->n = 0;
	ss->nends = 0;
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
		if (st > c->dend || (st == c->dend && !empty_ok))
			break;
		if (en < st || (en == st && !empty_ok) || en > c->dend ||
		        (st == c->dend && en != st))
			continue;
		if (en == st && (st == c->dfirst || st == c->dend)) {
			/* at a boundary: the document's, or the one's next
			 * to it */
			uint32_t d;
			if ((rc = td_seg_span_doc(
			             c->s, (uint32_t)ss->k, i, &d)) < 0)
				break;
			if (d != c->doc)
				continue;
		}
		if ((rc = span_ok(c, n, ss, i)) < 0)
			break;
		if (!rc)
			continue;
		rc = 0;
		if (TD_VEC_RESERVE(ss->v, ss->n, ss->cap, 16))
			return td_error(TD_ENOMEM, "out of memory");
		ss->v[ss->n++] = (range){st, en};
	}
	if (rc < 0 || n->kind != TQ_TAG || !n->close)
		return rc;
	if (TD_VEC_RESERVE_N(ss->ends, ss->n, ss->capends, 16))
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t a = 0; a < ss->n; a++)
		ss->ends[a] = ss->v[a].end;
	ss->nends = ss->n;
	if (ss->nends > 1)
		qsort(ss->ends, ss->nends, sizeof *ss->ends, cmp_u32);
	return 0;
}

/* A start or end tag at s: s itself when a matching element starts (ends)
 * there. A start tag inside a region must lie before its end. */
int exec_tag_ends(ctx *c, const tq_node *n, uint32_t s, vec *out)
{
	spanset *ss = &c->spans[n->slot];
	int rc = exec_spans_load(c, n, ss);
	if (rc < 0 || (!n->close && s >= c->rlim))
		return rc;
	size_t lo;
	if (n->close) {
		TD_LOWER_BOUND(lo, ss->nends, mid, ss->ends[mid] < s);
		return lo < ss->nends && ss->ends[lo] == s ? vpush(out, s) : 0;
	}
	TD_LOWER_BOUND(lo, ss->n, mid, ss->v[mid].start < s);
	return lo < ss->n && ss->v[lo].start == s ? vpush(out, s) : 0;
}

/* A region <x> kid </x> from s: the end of each matching element starting
 * at s that kid, bounded by it, reaches exactly. */
int exec_region_ends(ctx *c, const tq_node *n, uint32_t s, vec *out)
{
	spanset *ss = &c->spans[n->slot];
	int rc = exec_spans_load(c, n, ss);
	if (rc < 0 || s >= c->rlim)
		return rc;
	size_t lo;
	TD_LOWER_BOUND(lo, ss->n, mid, ss->v[mid].start < s);
	vec e = {0};
	uint32_t outer = c->rlim;
	for (; lo < ss->n && ss->v[lo].start == s && rc == 0; lo++) {
		uint32_t en = ss->v[lo].end;
		int hit = !n->nkids && en == s;
		if (n->nkids) {
			/* the kid loads spans of other nodes only: ss->v
			 * stays */
			e.n = 0;
			c->rlim = en;
			rc = exec_ends(c, n->kids[0], s, &e);
			c->rlim = outer;
			for (size_t a = 0; a < e.n && rc == 0 && !hit; a++)
				hit = e.v[a] == en;
		}
		if (rc == 0 && hit)
			rc = vpush(out, en);
	}
	free(e.v);
	return rc;
}

int exec_span_ends(ctx *c, const tq_node *n, uint32_t s, vec *out)
{
	spanset *ss = &c->spans[n->slot];
	int rc = exec_spans_load(c, n, ss);
	if (rc < 0)
		return rc;
	size_t lo;
	TD_LOWER_BOUND(lo, ss->n, mid, ss->v[mid].start < s);
	for (; lo < ss->n && ss->v[lo].start == s; lo++)
		if ((rc = vpush(out, ss->v[lo].end)) < 0)
			return rc;
	return 0;
}
