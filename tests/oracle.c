/* oracle.c: the brute-force reference for test_differential.c. Slow on
 * purpose and simple to check by eye: every node yields the set of end
 * positions reachable from a start, computed by plain recursion over the
 * tokens, with no index, no lexicon and no candidate selection. */
#include "oracle.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>

typedef struct odoc {
	const td_doc *doc;
	td_tokens tok;
	size_t n;
	uint32_t *sp_start, *sp_end; /* per span: token range */
	int bad;
} odoc;

static char *nomarks(const char *s, size_t len)
{
	utf8proc_uint8_t *d = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &d,
	            UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK) <
	        0) {
		char *c = malloc(len + 1);
		memcpy(c, s, len);
		c[len] = 0;
		return c;
	}
	return (char *)d;
}

/* whole-string regex match, compiled anew every time */
static int rmatch(
        odoc *o, const char *pat, unsigned flags, const char *s, size_t len)
{
	char *p2 =
	        flags & TQ_FLAG_DIAC ? nomarks(pat, strlen(pat)) : strdup(pat);
	char *s2 = flags & TQ_FLAG_DIAC ? nomarks(s, len) : strndup(s, len);
	size_t plen = strlen(p2) + 16;
	char *wrapped = malloc(plen);
	snprintf(wrapped, plen, "(?:%s)\\z", p2);
	int err;
	PCRE2_SIZE eo;
	pcre2_code *re =
	        pcre2_compile((PCRE2_SPTR)wrapped, PCRE2_ZERO_TERMINATED,
	                PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED |
	                        (flags & TQ_FLAG_CASE ? PCRE2_CASELESS : 0),
	                &err, &eo, NULL);
	int r = 0;
	if (!re) {
		o->bad = 1;
	} else {
		pcre2_match_data *md =
		        pcre2_match_data_create_from_pattern(re, NULL);
		r = pcre2_match(re, (PCRE2_SPTR)s2, strlen(s2), 0, 0, md,
		            NULL) >= 0;
		pcre2_match_data_free(md);
		pcre2_code_free(re);
	}
	free(wrapped);
	free(p2);
	free(s2);
	return r;
}

static int cond(odoc *o, const tq_cond *c, size_t t)
{
	switch (c->kind) {
	case TQC_NOT:
		return !cond(o, c->a, t);
	case TQC_AND:
		return cond(o, c->a, t) && cond(o, c->b, t);
	case TQC_OR:
		return cond(o, c->a, t) || cond(o, c->b, t);
	default:
		break;
	}
	const char *s = o->doc->text + o->tok.v[t].start;
	size_t len = o->tok.v[t].end - o->tok.v[t].start;
	if (c->layer == TD_LAYER_WORD)
		return rmatch(o, c->pattern, c->flags, s, len);
	char *nrm = NULL;
	size_t nl = 0;
	if (td_normalize(s, len, &nrm, &nl) < 0)
		return 0;
	int r = rmatch(o, c->pattern, c->flags, nrm, nl);
	free(nrm);
	return r;
}

/* a value as written or without its leading '#'; a whole value list
 * (single spaces) as written or with every '#' dropped */
static int attr_ok(odoc *o, const td_span *sp, const tq_sattr *a)
{
	for (uint32_t i = 0; i < sp->n_attrs; i++) {
		if (strcmp(sp->attrs[i].name, a->name))
			continue;
		const char *val = sp->attrs[i].value;
		char *v = strdup(val), *save = NULL;
		char *all = calloc(strlen(val) + 2, 1);
		char *bare = calloc(strlen(val) + 2, 1);
		int n = 0, ok = 0;
		for (char *w = strtok_r(v, " \t\n\r", &save); w && !ok;
		        w = strtok_r(NULL, " \t\n\r", &save), n++) {
			ok = rmatch(o, a->pattern, 0, w, strlen(w)) ||
			     (w[0] == '#' && w[1] &&
			             rmatch(o, a->pattern, 0, w + 1,
			                     strlen(w + 1)));
			if (n) {
				strcat(all, " ");
				strcat(bare, " ");
			}
			strcat(all, w);
			strcat(bare, *w == '#' ? w + 1 : w);
		}
		if (!ok && n > 1)
			ok = rmatch(o, a->pattern, 0, all, strlen(all)) ||
			     rmatch(o, a->pattern, 0, bare, strlen(bare));
		free(v);
		free(all);
		free(bare);
		if (ok)
			return 1;
	}
	return 0;
}

static void ends(odoc *o, const tq_node *n, size_t s, char *out);

static void seq(odoc *o, const tq_node *n, size_t i, size_t s, char *out)
{
	if (i == n->nkids) {
		out[s] = 1;
		return;
	}
	char *e = calloc(o->n + 1, 1);
	ends(o, n->kids[i], s, e);
	for (size_t x = 0; x <= o->n; x++)
		if (e[x])
			seq(o, n, i + 1, x, out);
	free(e);
}

static void rep(
        odoc *o, const tq_node *n, long count, size_t s, char *out, long *done)
{
	if (count >= n->min) {
		if (done[s] <= count)
			return; /* already expanded with as many repeats left */
		done[s] = count;
		out[s] = 1;
	}
	if (n->max >= 0 && count >= n->max)
		return;
	char *e = calloc(o->n + 1, 1);
	ends(o, n->kids[0], s, e);
	for (size_t x = 0; x <= o->n; x++)
		if (e[x] && !(x == s && count >= n->min))
			rep(o, n, count + 1, x, out, done);
	free(e);
}

/* does some non-empty hit of b start at bs and end at or before/after e */
static int b_hit(odoc *o, const tq_node *b, size_t bs, size_t e, int within)
{
	char *be = calloc(o->n + 1, 1);
	int found = 0;
	ends(o, b, bs, be);
	for (size_t x = bs + 1; x <= o->n && !found; x++)
		if (be[x] && (within ? x >= e : x <= e))
			found = 1;
	free(be);
	return found;
}

static void ends(odoc *o, const tq_node *n, size_t s, char *out)
{
	switch (n->kind) {
	case TQ_TOKEN:
		if (s < o->n && (!n->cond || cond(o, n->cond, s)))
			out[s + 1] = 1;
		break;
	case TQ_SPAN:
		for (size_t i = 0; i < o->doc->n_spans; i++) {
			const td_span *sp = &o->doc->spans[i];
			if (strcmp(sp->name, n->elem) || o->sp_start[i] != s ||
			        o->sp_end[i] <= s)
				continue;
			size_t j = 0;
			while (j < n->nattrs && attr_ok(o, sp, &n->attrs[j]))
				j++;
			if (j == n->nattrs)
				out[o->sp_end[i]] = 1;
		}
		break;
	case TQ_SEQ:
		seq(o, n, 0, s, out);
		break;
	case TQ_ALT:
		for (size_t i = 0; i < n->nkids; i++)
			ends(o, n->kids[i], s, out);
		break;
	case TQ_REPEAT: {
		long *done = malloc((o->n + 1) * sizeof *done);
		for (size_t i = 0; i <= o->n; i++)
			done[i] = LONG_MAX;
		rep(o, n, 0, s, out, done);
		free(done);
		break;
	}
	default: {
		char *e = calloc(o->n + 1, 1);
		ends(o, n->kids[0], s, e);
		for (size_t x = 0; x <= o->n; x++) {
			if (!e[x])
				continue;
			int ok = 0;
			if (n->kind == TQ_WITHIN) {
				for (size_t bs = 0; bs <= s && !ok; bs++)
					ok = b_hit(o, n->kids[1], bs, x, 1);
			} else {
				for (size_t bs = s; bs < x && !ok; bs++)
					ok = b_hit(o, n->kids[1], bs, x, 0);
			}
			if (ok)
				out[x] = 1;
		}
		free(e);
	}
	}
}

/* the index's rule: the first token starting at or after a byte offset */
static uint32_t tok_from(const odoc *o, size_t byte)
{
	size_t t = 0;
	while (t < o->n && o->tok.v[t].start < byte)
		t++;
	return (uint32_t)t;
}

int oracle_hits(const td_doc *doc, const tq_node *ast, int pullquotes,
        char **out, size_t *len)
{
	odoc o = {0};
	o.doc = doc;
	if (td_tokenize(doc->text, doc->len, 0, &o.tok) < 0)
		return -1;
	o.n = o.tok.n;
	o.sp_start = calloc(doc->n_spans + 1, sizeof *o.sp_start);
	o.sp_end = calloc(doc->n_spans + 1, sizeof *o.sp_end);
	for (size_t i = 0; i < doc->n_spans; i++) {
		o.sp_start[i] = tok_from(&o, doc->spans[i].start);
		o.sp_end[i] = tok_from(&o, doc->spans[i].end);
	}
	FILE *m = open_memstream(out, len);
	char *e = calloc(o.n + 1, 1);
	for (size_t s = 0; s < o.n; s++) {
		memset(e, 0, o.n + 1);
		ends(&o, ast, s, e);
		size_t best = s;
		for (size_t x = s + 1; x <= o.n; x++) {
			if (!e[x])
				continue;
			int pq = 0;
			for (size_t i = 0; i < doc->n_spans && !pullquotes;
			        i++) {
				const td_span *sp = &doc->spans[i];
				const char *t = td_span_attr(sp, "type");
				if (!strcmp(sp->name, "quote") && t &&
				        !strcmp(t, "pullquote") &&
				        o.sp_start[i] < x && o.sp_end[i] > s)
					pq = 1;
			}
			if (!pq)
				best = x;
		}
		if (best == s)
			continue;
		fprintf(m, "%s:%zu-%zu ", doc->id, s, best);
	}
	fclose(m);
	free(e);
	free(o.sp_start);
	free(o.sp_end);
	td_tokens_free(&o.tok);
	return o.bad ? -1 : 0;
}
