/* info.c: what an index holds (tagdex-query --info, --values, --actors;
 * CQP's info and show cd, BlackLab's /fields): its elements and their
 * attributes with counts, the values of one attribute, the actors with the
 * names they are mentioned by. Everything is counted over the live
 * documents of the committed state. An element is a span as the TEI wrote
 * it (each part of a split element counts); a value is one
 * whitespace-separated item of an attribute, its leading '#' dropped.
 */
#include "config.h"
#include "context.h"
#include "info.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

typedef struct tup {
	const char *a, *b, *v; /* group, attribute name (or NULL), value */
	size_t alen, blen, vlen;
	uint64_t doc; /* segment << 32 | document */
	int first;    /* the element's first value of the attribute */
	char *own;    /* malloc'd text the tuple's pointers may point into */
} tup;

typedef struct tally {
	tup *v;
	size_t n, cap;
} tally;

static int tpush(tally *t, const tup *x)
{
	if (TD_VEC_RESERVE(t->v, t->n, t->cap, 256))
		return td_error(TD_ENOMEM, "out of memory");
	t->v[t->n++] = *x;
	return 0;
}

static void tfree(tally *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].own);
	free(t->v);
}

static int scmp(const char *a, size_t al, const char *b, size_t bl)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	int c = memcmp(a, b, al < bl ? al : bl);
	return c ? c : (al > bl) - (al < bl);
}

static int tcmp(const void *x, const void *y)
{
	const tup *p = x, *q = y;
	int c = scmp(p->a, p->alen, q->a, q->alen);
	if (!c)
		c = scmp(p->b, p->blen, q->b, q->blen);
	if (!c)
		c = scmp(p->v, p->vlen, q->v, q->vlen);
	if (!c)
		c = (p->doc > q->doc) - (p->doc < q->doc);
	return c;
}

static int u64cmp(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

/* The distinct documents of tuples [i, j) into *out. */
static int distinct_docs(const tally *t, size_t i, size_t j, uint64_t *out)
{
	uint64_t *dv = malloc((j - i + 1) * sizeof *dv);
	if (!dv)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t q = i; q < j; q++)
		dv[q - i] = t->v[q].doc;
	qsort(dv, j - i, sizeof *dv, u64cmp);
	*out = 0;
	for (size_t q = 0; q < j - i; q++)
		*out += !q || dv[q] != dv[q - 1];
	free(dv);
	return 0;
}

/* The document holding span [st, en) of segment s (an empty span at a
 * boundary belongs to the earlier document, as the index keeps it). */
static uint32_t span_doc(td_seg *s, uint32_t st, uint32_t en)
{
	uint32_t nt = td_seg_ntokens(s);
	if (en > st && st < nt)
		return td_seg_doc_at(s, st);
	if (st == 0)
		return 0;
	return td_seg_doc_at(s, (st > nt ? nt : st) - 1);
}

/* One tuple per value of the list val (base's other fields), the first
 * marked; val must stay valid as long as the tuples. */
static int each_value(const char *val, tally *t, const tup *base)
{
	int first = 1, rc = 0;
	size_t n0 = t->n;
	for (const char *p = val; *p && rc == 0;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != ' ' && *e != '\t' && *e != '\n' &&
		        *e != '\r')
			e++;
		const char *a = *p == '#' && e > p + 1 ? p + 1 : p;
		int dup = 0; /* a value listed twice counts once */
		for (size_t q = n0; q < t->n && !dup; q++)
			dup = !scmp(
			        t->v[q].v, t->v[q].vlen, a, (size_t)(e - a));
		if (dup) {
			p = e;
			continue;
		}
		tup x = *base;
		x.v = a;
		x.vlen = (size_t)(e - a);
		x.first = first;
		first = 0;
		rc = tpush(t, &x);
		p = e;
	}
	return rc;
}

typedef int (*span_fn)(void *ctx, td_seg *s, size_t si, uint32_t k, uint32_t i,
        uint32_t st, uint32_t en, uint64_t doc);

/* Calls fn for every span of element name (NULL: every element) in a
 * live document. */
static int each_span(td_index *ix, const char *name, span_fn fn, void *ctx)
{
	int rc = 0;
	for (size_t si = 0; si < td_index_nsegs(ix) && rc == 0; si++) {
		td_seg *s = td_index_seg(ix, si);
		for (uint32_t k = 0; k < td_seg_span_nnames(s) && rc == 0;
		        k++) {
			const char *nm = td_seg_span_name(s, k);
			if (!nm || (name && strcmp(nm, name)))
				continue;
			uint32_t cnt = td_seg_span_count(s, k);
			for (uint32_t i = 0; i < cnt && rc == 0; i++) {
				uint32_t st, en;
				if ((rc = td_seg_span_get(s, k, i, &st, &en)) <
				        0)
					break;
				uint32_t d = span_doc(s, st, en);
				if (td_seg_doc_live(s, d))
					rc = fn(ctx, s, si, k, i, st, en,
					        (uint64_t)si << 32 | d);
			}
		}
		if (rc == 0 && td_seg_damaged(s) < 0)
			rc = TD_ECORRUPT;
	}
	return rc;
}

typedef struct coll {
	tally *t;
	const char *attr; /* only this attribute (and no element tuples) */
} coll;

static int collect_fn(void *arg, td_seg *s, size_t si, uint32_t k, uint32_t i,
        uint32_t st, uint32_t en, uint64_t doc)
{
	coll *c = arg;
	(void)si;
	(void)st;
	(void)en;
	const char *nm = td_seg_span_name(s, k);
	tup base = {nm, NULL, NULL, strlen(nm), 0, 0, doc, 1, NULL};
	int rc = 0;
	/* --values: an element in parts (@next/@prev: a quotation around
	 * narration) is one element, as a query counts it: its head stands
	 * for it, the parts after it (with @prev) are not counted again */
	if (c->attr) {
		const char *prev = NULL;
		if ((rc = td_seg_span_attr_find(s, k, i, "prev", &prev)) != 0)
			return rc < 0 ? rc : 0;
	}
	if (!c->attr && (rc = tpush(c->t, &base)) < 0)
		return rc;
	uint32_t na = td_seg_span_nattrs(s, k, i);
	for (uint32_t j = 0; j < na && rc == 0; j++) {
		const char *an, *av;
		if ((rc = td_seg_span_attr(s, k, i, j, &an, &av)) < 0)
			break;
		if (c->attr && strcmp(an, c->attr))
			continue;
		tup x = base;
		x.b = an;
		x.blen = strlen(an);
		/* values rebuilt from the document id may not outlive the
		 * next lookup: keep a copy, owned by the first tuple */
		char *own = strdup(av);
		if (!own)
			return td_error(TD_ENOMEM, "out of memory");
		size_t n0 = c->t->n;
		rc = each_value(own, c->t, &x);
		if (c->t->n > n0)
			c->t->v[n0].own = own;
		else
			free(own);
	}
	return rc;
}

int tq_info_summary(td_index *ix, uint64_t *docs, uint64_t *tokens)
{
	*docs = *tokens = 0;
	for (size_t si = 0; si < td_index_nsegs(ix); si++) {
		td_seg *s = td_index_seg(ix, si);
		for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
			uint32_t first, n;
			if (!td_seg_doc_live(s, d))
				continue;
			int rc = td_seg_doc_range(s, d, &first, &n);
			if (rc < 0)
				return rc;
			(*docs)++;
			*tokens += n;
		}
	}
	return 0;
}

int tq_info_elements(td_index *ix, tq_info_fn fn, void *ctx)
{
	tally t = {0};
	coll c = {&t, NULL};
	int rc = each_span(ix, NULL, collect_fn, &c);
	if (rc == 0 && t.n)
		qsort(t.v, t.n, sizeof *t.v, tcmp);
	/* runs of one element's tuples (b NULL), then of one attribute's */
	for (size_t i = 0; i < t.n && rc == 0;) {
		size_t j = i;
		uint64_t n = 0, docs = 0, vals = 0;
		for (; j < t.n &&
		        !scmp(t.v[j].a, t.v[j].alen, t.v[i].a, t.v[i].alen) &&
		        !scmp(t.v[j].b, t.v[j].blen, t.v[i].b, t.v[i].blen);
		        j++) {
			n += t.v[j].first;
			vals += j == i ||
			        scmp(t.v[j].v, t.v[j].vlen, t.v[j - 1].v,
			                t.v[j - 1].vlen);
		}
		if ((rc = distinct_docs(&t, i, j, &docs)) < 0)
			break;
		char an[256], bn[256];
		snprintf(an, sizeof an, "%.*s", (int)t.v[i].alen, t.v[i].a);
		snprintf(bn, sizeof bn, "%.*s", (int)t.v[i].blen,
		        t.v[i].b ? t.v[i].b : "");
		rc = fn(ctx, an, t.v[i].b ? bn : NULL, n, docs,
		        t.v[i].b ? vals : 0);
		i = j;
	}
	tfree(&t);
	return rc < 0 ? rc : 0;
}

typedef struct row {
	const char *v;
	size_t vlen;
	uint64_t n, docs;
	char *names; /* --actors: "name (n); ..." */
} row;

static int by_count(const void *x, const void *y)
{
	const row *p = x, *q = y;
	if (p->n != q->n)
		return p->n < q->n ? 1 : -1;
	return scmp(p->v, p->vlen, q->v, q->vlen);
}

/* The run of t's sorted tuples from i that share one key (the value v, or
 * the group a with by_group) as row *r: the key, its tuples and their
 * distinct documents (*rc: 0 or an error). Returns the run's end. */
static size_t run_row(const tally *t, size_t i, int by_group, row *r, int *rc)
{
	const tup *x = &t->v[i];
	const char *k = by_group ? x->a : x->v;
	size_t klen = by_group ? x->alen : x->vlen, j = i + 1;
	for (; j < t->n; j++) {
		const tup *y = &t->v[j];
		if (by_group ? scmp(y->a, y->alen, k, klen)
		             : scmp(y->v, y->vlen, k, klen))
			break;
	}
	memset(r, 0, sizeof *r);
	r->v = k;
	r->vlen = klen;
	r->n = j - i;
	*rc = distinct_docs(t, i, j, &r->docs);
	return j;
}

int tq_info_values(td_index *ix, const char *elem, const char *attr,
        tq_value_fn fn, void *ctx)
{
	tally t = {0};
	coll c = {&t, attr};
	row *rows = NULL;
	size_t nr = 0;
	int rc = each_span(ix, elem, collect_fn, &c);
	if (rc == 0 && t.n)
		qsort(t.v, t.n, sizeof *t.v, tcmp);
	if (rc == 0 && !(rows = malloc((t.n + 1) * sizeof *rows)))
		rc = td_error(TD_ENOMEM, "out of memory");
	/* runs of one value: its elements (a value counted once per element
	 * even if listed twice) and documents */
	for (size_t i = 0; i < t.n && rc == 0;)
		i = run_row(&t, i, 0, &rows[nr++], &rc);
	if (rc == 0 && nr)
		qsort(rows, nr, sizeof *rows, by_count);
	for (size_t i = 0; i < nr && rc == 0; i++)
		rc = fn(ctx, rows[i].v, rows[i].vlen, rows[i].n, rows[i].docs,
		        NULL);
	free(rows);
	tfree(&t);
	return rc < 0 ? rc : 0;
}

/* --actors: mentions are the spans of these elements with a ref */
static const char *const mention_elems[] = {
        "persName", "orgName", "placeName", "rs"};

typedef struct acoll {
	tally *t;
} acoll;

static int actor_fn(void *arg, td_seg *s, size_t si, uint32_t k, uint32_t i,
        uint32_t st, uint32_t en, uint64_t doc)
{
	acoll *c = arg;
	(void)si;
	const char *ref = NULL;
	int rc = td_seg_span_attr_find(s, k, i, "ref", &ref);
	if (rc <= 0 || en <= st)
		return rc;
	char *name = NULL;
	if ((rc = tq_text(s, st, en, &name)) < 0)
		return rc;
	/* one tuple per key: a the key, v the name */
	char *keys = strdup(ref);
	if (!keys) {
		free(name);
		return td_error(TD_ENOMEM, "out of memory");
	}
	tally tmp = {0};
	tup base = {NULL, NULL, NULL, 0, 0, 0, doc, 1, NULL};
	rc = each_value(keys, &tmp, &base);
	for (size_t q = 0; q < tmp.n && rc == 0; q++) {
		tup x = tmp.v[q];
		x.a = x.v;
		x.alen = x.vlen;
		x.v = name;
		x.vlen = strlen(name);
		x.own = NULL;
		if (q == 0) {
			x.own = keys; /* frees with the first tuple */
			keys = NULL;
		}
		rc = tpush(c->t, &x);
	}
	free(tmp.v);
	free(keys);
	/* names are owned by a side list */
	if (rc == 0 && tmp.n) {
		tup own = {NULL, NULL, NULL, 0, 0, 0, UINT64_MAX, 0, name};
		/* a sentinel tuple with a NULL group sorts first and is
		 * skipped when counting */
		rc = tpush(c->t, &own);
	} else {
		free(name);
	}
	return rc;
}

int tq_info_actors(td_index *ix, tq_value_fn fn, void *ctx)
{
	tally t = {0};
	acoll c = {&t};
	int rc = 0;
	for (size_t e = 0;
	        e < sizeof mention_elems / sizeof *mention_elems && rc == 0;
	        e++)
		rc = each_span(ix, mention_elems[e], actor_fn, &c);
	if (rc == 0 && t.n)
		qsort(t.v, t.n, sizeof *t.v, tcmp);
	size_t i = 0;
	while (i < t.n && !t.v[i].a)
		i++; /* the names' owners */
	row *rows = malloc((t.n + 1) * sizeof *rows);
	size_t nr = 0;
	if (!rows && rc == 0)
		rc = td_error(TD_ENOMEM, "out of memory");
	while (i < t.n && rc == 0) {
		row *r = &rows[nr++];
		size_t j = run_row(&t, i, 1, r, &rc);
		if (rc < 0)
			break;
		/* the names, by how often (runs of v, sorted by count) */
		size_t nn = 0;
		row *names = malloc((j - i + 1) * sizeof *names);
		if (!names) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		for (size_t q = i; q < j;) {
			size_t w = q;
			while (w < j && !scmp(t.v[w].v, t.v[w].vlen, t.v[q].v,
			                        t.v[q].vlen))
				w++;
			names[nn] =
			        (row){t.v[q].v, t.v[q].vlen, w - q, 0, NULL};
			nn++;
			q = w;
		}
		qsort(names, nn, sizeof *names, by_count);
		char *buf = NULL;
		size_t blen = 0;
		FILE *m = open_memstream(&buf, &blen);
		if (!m) {
			free(names);
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		for (size_t q = 0; q < nn; q++)
			fprintf(m, "%s%.*s (%llu)", q ? "; " : "",
			        (int)names[q].vlen, names[q].v,
			        (unsigned long long)names[q].n);
		fclose(m);
		free(names);
		r->names = buf;
		i = j;
	}
	if (rc == 0 && nr)
		qsort(rows, nr, sizeof *rows, by_count);
	for (size_t q = 0; q < nr && rc == 0; q++)
		rc = fn(ctx, rows[q].v, rows[q].vlen, rows[q].n, rows[q].docs,
		        rows[q].names);
	for (size_t q = 0; q < nr; q++)
		free(rows[q].names);
	free(rows);
	tfree(&t);
	return rc < 0 ? rc : 0;
}

typedef struct docent {
	td_seg *s;
	uint32_t d;
	td_docinfo di;
} docent;

static int by_doc_id(const void *a, const void *b)
{
	const docent *x = a, *y = b;
	int c = strcmp(x->di.id ? x->di.id : "", y->di.id ? y->di.id : "");
	return c ? c : (x->d > y->d) - (x->d < y->d);
}

int tq_info_docs(td_index *ix, tq_doc_fn fn, void *ctx)
{
	docent *v = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	for (size_t si = 0; rc == 0 && si < td_index_nsegs(ix); si++) {
		td_seg *s = td_index_seg(ix, si);
		for (uint32_t d = 0; rc == 0 && d < td_seg_ndocs(s); d++) {
			if (!td_seg_doc_live(s, d))
				continue;
			if (TD_VEC_RESERVE(v, n, cap, 64)) {
				rc = td_error(TD_ENOMEM, "out of memory");
				break;
			}
			v[n].s = s;
			v[n].d = d;
			if ((rc = td_seg_doc(s, d, &v[n].di)) == 0)
				n++;
		}
	}
	if (rc == 0 && n)
		qsort(v, n, sizeof *v, by_doc_id);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = fn(ctx, v[i].s, v[i].d, &v[i].di);
	free(v);
	return rc;
}
