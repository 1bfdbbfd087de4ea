/* exec_spans.c: the executor's element nodes: the spans of an element that
 * match the node's attribute patterns, loaded once per document, each
 * distinct attribute value matched once per segment (by its pointer).
 */
#include "config.h"
#include "exec_int.h"
#include "lower.h"

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

/* Fills ss with the matching spans of node n in the current document. */
int exec_spans_load(ctx *c, const tq_node *n, spanset *ss)
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
		if (TD_VEC_RESERVE(ss->v, ss->n, ss->cap, 16))
			return td_error(TD_ENOMEM, "out of memory");
		ss->v[ss->n++] = (range){st, en};
	}
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
