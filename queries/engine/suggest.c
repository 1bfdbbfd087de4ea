/* suggest.c: "did you mean": names an element, attribute, attribute value,
 * document id or genre of the query that the index does not hold, with the
 * nearest ones it does, so that a typo is a warning and not a silent 0.
 * Read-only; a check stops at the first span that satisfies it, so a query
 * whose names all exist costs a few lookups.
 */
#include "config.h"
#include "ast.h"
#include "context.h"
#include "filter.h"
#include "plan.h"
#include "suggest.h"
#include "hash.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define NEAREST 3      /* suggestions named */
#define MAX_CAND 20000 /* distinct candidates kept per check */
#define CMP_LEN 64     /* bytes compared for the distance */

/* candidate strings, distinct, with their distance to the wanted one */
typedef struct cands {
	char **v;
	size_t n;
	size_t slot[2 * MAX_CAND]; /* open addressing: index + 1, 0 empty */
} cands;

static cands *cands_new(void)
{
	cands *c = calloc(1, sizeof *c);
	if (c && !(c->v = calloc(MAX_CAND, sizeof *c->v))) {
		free(c);
		c = NULL;
	}
	if (!c)
		td_error(TD_ENOMEM, "out of memory");
	return c;
}

static void cands_free(cands *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	free(c);
}

static int cands_add(cands *c, const char *s, size_t len)
{
	size_t h = (size_t)(td_hash(s, len) % (2 * MAX_CAND));
	for (; c->slot[h]; h = (h + 1) % (2 * MAX_CAND)) {
		const char *o = c->v[c->slot[h] - 1];
		if (strlen(o) == len && !memcmp(o, s, len))
			return 0;
	}
	if (c->n >= MAX_CAND)
		return 0;
	char *d = tq_dupn(s, len);
	if (!d)
		return td_error(TD_ENOMEM, "out of memory");
	c->v[c->n++] = d;
	c->slot[h] = c->n;
	return 0;
}

/* Levenshtein distance, ASCII case folded, a leading '#' ignored */
size_t tq_distance(const char *a, const char *b)
{
	if (*a == '#')
		a++;
	if (*b == '#')
		b++;
	size_t la = strlen(a), lb = strlen(b);
	la = la > CMP_LEN ? CMP_LEN : la;
	lb = lb > CMP_LEN ? CMP_LEN : lb;
	size_t row[CMP_LEN + 1];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			int same = tolower((unsigned char)a[i - 1]) ==
			           tolower((unsigned char)b[j - 1]);
			size_t best = diag + !same;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* Appends "did you mean A, B or C?" (pre/post around each) to the message
 * being built in buf. */
static void nearest(
        char *buf, size_t cap, cands *c, const char *want, const char *fmt)
{
	size_t used = strlen(buf);
	if (!c->n) {
		snprintf(buf + used, cap - used, "; it holds none");
		return;
	}
	size_t pick[NEAREST], dist[NEAREST], k = 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t d = tq_distance(want, c->v[i]), at = k;
		while (at > 0 &&
		        (dist[at - 1] > d ||
		                (dist[at - 1] == d && strcmp(c->v[pick[at - 1]],
		                                              c->v[i]) > 0)))
			at--;
		if (at >= NEAREST)
			continue;
		if (k < NEAREST)
			k++;
		memmove(pick + at + 1, pick + at, (k - 1 - at) * sizeof *pick);
		memmove(dist + at + 1, dist + at, (k - 1 - at) * sizeof *dist);
		pick[at] = i;
		dist[at] = d;
	}
	used += (size_t)snprintf(buf + used, cap - used, "; did you mean ");
	for (size_t i = 0; i < k && used < cap; i++) {
		const char *sep = i == 0 ? "" : i + 1 == k ? " or " : ", ";
		used += (size_t)snprintf(buf + used, cap - used, "%s", sep);
		if (used < cap)
			used += (size_t)snprintf(
			        buf + used, cap - used, fmt, c->v[pick[i]]);
	}
	if (used < cap)
		snprintf(buf + used, cap - used, "?");
}

typedef struct sctx {
	td_index *ix;
	tq_plan *p;
	tq_warn_fn fn;
	void *arg;
	const tq_node **spans; /* every span node of the query */
	size_t nspans, cap_spans;
} sctx;

static int collect(sctx *c, const tq_node *n)
{
	/* whole elements, tags and regions name elements alike */
	if (n->kind == TQ_SPAN || n->kind == TQ_TAG || n->kind == TQ_REGION) {
		if (TD_VEC_RESERVE(c->spans, c->nspans, c->cap_spans, 8))
			return td_error(TD_ENOMEM, "out of memory");
		c->spans[c->nspans++] = n;
	}
	for (size_t i = 0; i < n->nkids; i++) {
		int rc = collect(c, n->kids[i]);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* 1 if a segment of ix has an element called name; 0 if none has; else
 * the error of a segment whose names could not be read (TD_ECORRUPT): an
 * element a damaged segment may hold is not absent, and the query's own
 * error says what is wrong. */
static int has_element(td_index *ix, const char *name)
{
	int rc = 0;
	for (size_t s = 0; s < td_index_nsegs(ix); s++) {
		int64_t k = td_seg_span_find(td_index_seg(ix, s), name);
		if (k >= 0)
			return 1;
		if (k != TD_ENOTFOUND && rc == 0)
			rc = (int)k;
	}
	return rc;
}

static int warn(sctx *c, const char *msg)
{
	c->fn(c->arg, msg);
	return 0;
}

static int check_element(sctx *c, const tq_node *n)
{
	int has = has_element(c->ix, n->elem);
	if (has != 0)
		return has;
	/* said once per element name however often the query uses it */
	for (size_t i = 0; i < c->nspans && c->spans[i] != n; i++)
		if (!strcmp(c->spans[i]->elem, n->elem))
			return 0;
	cands *cd = cands_new();
	if (!cd)
		return TD_ENOMEM;
	int rc = 0;
	for (size_t s = 0; s < td_index_nsegs(c->ix) && rc == 0; s++) {
		td_seg *sg = td_index_seg(c->ix, s);
		for (uint32_t k = 0; k < td_seg_span_nnames(sg) && rc == 0;
		        k++) {
			const char *nm = td_seg_span_name(sg, k);
			rc = cands_add(cd, nm, strlen(nm));
		}
	}
	char msg[1024];
	snprintf(msg, sizeof msg, "no element <%s> in this index", n->elem);
	if (rc == 0) {
		nearest(msg, sizeof msg, cd, n->elem, "<%s>");
		warn(c, msg);
	}
	cands_free(cd);
	return rc < 0 ? rc : 0;
}

/* Attribute j of span node n, checked over every span node of the query
 * with the same attribute name and pattern (the --who and --actor
 * shorthands ask several elements for one value): found as soon as one
 * span's value matches. Otherwise warns once, naming the nearest names or
 * values of those elements. */
static int check_attr(sctx *c, size_t ni, size_t j)
{
	const tq_node *n = c->spans[ni];
	const tq_sattr *a = &n->attrs[j];
	/* the first node of the query with this name and pattern does it */
	for (size_t m = 0; m < ni; m++)
		for (size_t x = 0; x < c->spans[m]->nattrs; x++)
			if (!strcmp(c->spans[m]->attrs[x].name, a->name) &&
			        !c->spans[m]->attrs[x].neg &&
			        !strcmp(c->spans[m]->attrs[x].pattern,
			                a->pattern))
				return 0;
	int has_name = 0, rc = 0;
	for (int pass = 0; pass < 2; pass++) {
		cands *cd = cands_new();
		if (!cd)
			return TD_ENOMEM;
		char els[256] = "";
		for (size_t m = ni; m < c->nspans; m++) {
			const tq_node *o = c->spans[m];
			size_t oj = 0;
			while (oj < o->nattrs &&
			        (strcmp(o->attrs[oj].name, a->name) ||
			                o->attrs[oj].neg ||
			                strcmp(o->attrs[oj].pattern,
			                        a->pattern)))
				oj++;
			if (oj == o->nattrs)
				continue;
			size_t el = strlen(els);
			snprintf(els + el, sizeof els - el, "%s<%s>",
			        el ? " or " : "", o->elem);
			for (size_t s = 0; s < td_index_nsegs(c->ix); s++) {
				td_seg *sg = td_index_seg(c->ix, s);
				int64_t k = td_seg_span_find(sg, o->elem);
				if (k == TD_ECORRUPT) {
					rc = TD_ECORRUPT;
					goto out;
				}
				if (k < 0)
					continue;
				uint32_t cnt =
				        td_seg_span_count(sg, (uint32_t)k);
				for (uint32_t i = 0; i < cnt; i++) {
					const char *v = NULL;
					if (pass == 1 && !has_name) {
						uint32_t na =
						        td_seg_span_nattrs(sg,
						                (uint32_t)k, i);
						for (uint32_t x = 0; x < na;
						        x++) {
							const char *an, *av;
							if (td_seg_span_attr(sg,
							            (uint32_t)k,
							            i, x, &an,
							            &av) == 0 &&
							        an &&
							        (rc = cands_add(
							                 cd, an,
							                 strlen(an))) <
							                0)
								goto out;
						}
						continue;
					}
					rc = td_seg_span_attr_find(sg,
					        (uint32_t)k, i, a->name, &v);
					if (rc < 0)
						goto out;
					if (rc == 0 || !v)
						continue;
					has_name = 1;
					if (pass == 0) {
						rc = tq_plan_match_attr(
						        c->p, o, oj, v);
						if (rc != 0)
							goto out; /* found, or
							             error */
						continue;
					}
					/* each whitespace-separated value */
					const char *w;
					size_t len;
					while ((w = tq_value_item(&v, &len)))
						if ((rc = cands_add(
						             cd, w, len)) < 0)
							goto out;
				}
			}
		}
		if (pass == 1) {
			char msg[1024];
			if (!has_name) {
				snprintf(msg, sizeof msg,
				        "no %s in this index has an attribute "
				        "'%s'",
				        els, a->name);
				nearest(msg, sizeof msg, cd, a->name, "'%s'");
			} else {
				snprintf(msg, sizeof msg,
				        "no '%s' value of %s in this index "
				        "matches '%s'",
				        a->name, els, a->pattern);
				nearest(msg, sizeof msg, cd, a->pattern,
				        "'%s'");
			}
			warn(c, msg);
		}
		rc = 0;
	out:
		cands_free(cd);
		if (rc != 0)
			return rc < 0 ? rc : 0;
	}
	return 0;
}

/* --doc and --genre: an exact value some live document has */
static int check_doc(sctx *c, const char *want, int genre)
{
	cands *cd = cands_new();
	if (!cd)
		return TD_ENOMEM;
	int rc = 0;
	for (size_t s = 0; s < td_index_nsegs(c->ix); s++) {
		td_seg *sg = td_index_seg(c->ix, s);
		for (uint32_t d = 0; d < td_seg_ndocs(sg); d++) {
			td_docinfo di;
			if (!td_seg_doc_live(sg, d))
				continue;
			if ((rc = td_seg_doc(sg, d, &di)) < 0)
				goto out;
			const char *v = genre ? di.genre : di.id;
			if (!v)
				continue;
			if (!strcmp(v, want))
				goto out;
			if ((rc = cands_add(cd, v, strlen(v))) < 0)
				goto out;
		}
	}
	char msg[1024];
	snprintf(msg, sizeof msg,
	        genre ? "--genre: no document of genre '%s' in this index"
	              : "--doc: no document '%s' in this index",
	        want);
	nearest(msg, sizeof msg, cd, want, "'%s'");
	warn(c, msg);
out:
	cands_free(cd);
	return rc < 0 ? rc : 0;
}

int tq_suggest(td_index *ix, const tq_node *ast, tq_plan *p, const tq_filter *f,
        tq_warn_fn fn, void *arg)
{
	sctx c = {ix, p, fn, arg, NULL, 0, 0};
	int rc = ast ? collect(&c, ast) : 0;
	for (size_t i = 0; rc == 0 && i < c.nspans; i++) {
		if ((rc = check_element(&c, c.spans[i])) <= 0)
			continue; /* absent: its attributes need no check */
		rc = 0;
		/* name!="re" matches spans without a matching value: a
		 * pattern matching no value is no reason for no hits */
		for (size_t j = 0; rc == 0 && j < c.spans[i]->nattrs; j++)
			if (!c.spans[i]->attrs[j].neg)
				rc = check_attr(&c, i, j);
	}
	if (rc == 0 && f && f->doc)
		rc = check_doc(&c, f->doc, 0);
	if (rc == 0 && f && f->genre)
		rc = check_doc(&c, f->genre, 1);
	free(c.spans);
	return rc;
}
