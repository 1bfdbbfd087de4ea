/* doc.c: the document model, text plus standoff spans.
 * A td_doc owns every string it points to but the fixed span and attribute
 * names, which point into this file's static tables (td_span_clear() tells
 * them by address). Spans may be added in any order;
 * td_doc_sort_spans() puts them into nesting order for the writers. Nothing
 * here checks that spans nest: the TEI writer does, at the one place that
 * needs it. */
#include "config.h"
#include "tagdex.h"
#include "vec.h"
#include "error.h"
#include "hash.h"
#include "lower.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static char *xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

int td_doc_new(const char *id, const char *text, size_t len, td_doc **out)
{
	td_doc *d = calloc(1, sizeof *d);
	if (!d)
		return td_error(TD_ENOMEM, "out of memory");
	d->id = xstrdup(id ? id : "doc");
	d->text = malloc(len + 1);
	if (!d->id || !d->text) {
		td_doc_free(d);
		return td_error(TD_ENOMEM, "out of memory");
	}
	if (len)
		memcpy(d->text, text, len);
	d->text[len] = '\0';
	d->len = len;
	*out = d;
	return 0;
}

void td_meta_clear(td_meta *m)
{
	free(m->title);
	free(m->subtitle);
	free(m->date);
	free(m->genre);
	free(m->reading_time);
	free(m->author);
	free(m->url);
	free(m->source_name);
	free(m->source_sha256);
	free(m->extraction);
	free(m->tei_header);
	memset(m, 0, sizeof *m);
}

/* The fixed names: every element name of td_span_rank() and the attribute
 * names the readers and annotators write most. A span's name or attribute
 * name equal to one of them points into these tables instead of a strdup
 * (~75,000 strdup and free an ingest of 300k tokens); one array each, so
 * td_span_clear() tells a table's name by its address. A name is at most
 * 15 bytes (a 16-byte one would compile without its '\0'). */
static const struct {
	char name[16];
	int32_t rank;
} ranks[] = {
        {"text", 0},
        {"front", 10},
        {"body", 10},
        {"back", 10},
        {"div", 20},
        {"docTitle", 25},
        {"argument", 25},
        {"docImprint", 25},
        {"quote", 28},
        {"note", 28},
        {"titlePart", 30},
        {"head", 30},
        {"p", 30},
        {"s", 40},
        {"said", 45},
        {"q", 47},
        {"persName", 60},
        {"orgName", 60},
        {"placeName", 60},
        {"rs", 60},
        {"name", 60},
        {"seg", 70},
        {"date", 75},
        {"docDate", 75},
        {"w", 90},
};

static const char attr_names[][16] = {
        "xml:id",
        "ana",
        "ref",
        "type",
        "subtype",
        "who",
        "when",
        "direct",
        "prev",
        "next",
        "pos",
        "lemma",
        "join",
        "n",
        "notBefore",
        "notAfter",
};

/* Whether p points into the array [t, t + size): a table's name. */
static int in_table(const char *p, const void *t, size_t size)
{
	return (uintptr_t)p - (uintptr_t)t < size;
}

/* The rank table's entry of name, or -1. */
static int rank_index(const char *name)
{
	/* the first byte before strcmp: a span is added ~35,000 times an
	 * ingest of 300k tokens, and most names are late in the list */
	for (size_t i = 0; i < sizeof ranks / sizeof ranks[0]; i++)
		if (ranks[i].name[0] == name[0] &&
		        strcmp(ranks[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* The attribute table's copy of name, or a strdup of it (NULL when out of
 * memory). */
static const char *attr_name_dup(const char *name)
{
	for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
		if (attr_names[i][0] == name[0] &&
		        strcmp(attr_names[i], name) == 0)
			return attr_names[i];
	return strdup(name);
}

static void free_name(const char *name)
{
	if (!in_table(name, ranks, sizeof ranks) &&
	        !in_table(name, attr_names, sizeof attr_names))
		free((char *)name);
}

const char *td_span_name_dup(const char *name)
{
	int i = rank_index(name);
	return i >= 0 ? ranks[i].name : strdup(name);
}

void td_span_clear(td_span *sp)
{
	if (sp->name)
		free_name(sp->name);
	for (uint32_t j = 0; j < sp->n_attrs; j++) {
		free_name(sp->attrs[j].name);
		free(sp->attrs[j].value);
	}
	free(sp->attrs);
	sp->name = NULL;
	sp->attrs = NULL;
	sp->n_attrs = 0;
	sp->cap_attrs = 0;
}

void td_doc_drop_span(td_doc *doc, size_t i)
{
	if (i >= doc->n_spans)
		return;
	td_span_clear(&doc->spans[i]);
	memmove(doc->spans + i, doc->spans + i + 1,
	        (doc->n_spans - i - 1) * sizeof *doc->spans);
	doc->n_spans--;
}

void td_doc_free(td_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->n_spans; i++)
		td_span_clear(&doc->spans[i]);
	free(doc->spans);
	for (size_t i = 0; i < doc->n_actors; i++) {
		free(doc->actors[i].key);
		free(doc->actors[i].kind);
		free(doc->actors[i].name);
	}
	free(doc->actors);
	if (doc->tokens) {
		td_tokens_clear(doc->tokens);
		free(doc->tokens);
	}
	td_toklayers_free(doc->layers);
	td_tokterms_free(doc->terms);
	free(doc->tok_first);
	free(doc->pos_tags);
	free(doc->pos_hash);
	td_meta_clear(&doc->meta);
	free(doc->id);
	free(doc->text);
	free(doc);
}

int32_t td_span_rank(const char *name)
{
	int i = rank_index(name);
	return i >= 0 ? ranks[i].rank : 50;
}

int td_doc_add_span(td_doc *doc, const char *name, size_t start, size_t end,
        size_t *out_index, ...)
{
	va_list ap;
	td_span sp = {0};
	if (start > end || end > doc->len)
		return td_error(TD_EUSAGE,
		        "span <%s> [%zu,%zu) outside text of %zu bytes", name,
		        start, end, doc->len);
	if (TD_VEC_RESERVE(doc->spans, doc->n_spans, doc->cap_spans, 64))
		return td_error(TD_ENOMEM, "out of memory");
	sp.start = start;
	sp.end = end;
	int r = rank_index(name);
	sp.rank = r >= 0 ? ranks[r].rank : 50;
	sp.name = r >= 0 ? ranks[r].name : strdup(name);
	if (!sp.name)
		return td_error(TD_ENOMEM, "out of memory");
	doc->spans[doc->n_spans] = sp;
	size_t idx = doc->n_spans++;
	va_start(ap, out_index);
	for (;;) {
		const char *an = va_arg(ap, const char *);
		if (!an)
			break;
		const char *av = va_arg(ap, const char *);
		int rc = td_span_set_attr(doc, idx, an, av ? av : "");
		if (rc) {
			va_end(ap);
			return rc;
		}
	}
	va_end(ap);
	if (out_index)
		*out_index = idx;
	return 0;
}

int td_span_set_attr(td_doc *doc, size_t i, const char *name, const char *value)
{
	return td_span_put_attr(&doc->spans[i], name, value);
}

int td_span_put_attr(td_span *sp, const char *name, const char *value)
{
	for (uint32_t j = 0; j < sp->n_attrs; j++) {
		if (strcmp(sp->attrs[j].name, name) == 0) {
			char *v = strdup(value);
			if (!v)
				return td_error(TD_ENOMEM, "out of memory");
			free(sp->attrs[j].value);
			sp->attrs[j].value = v;
			return 0;
		}
	}
	if (TD_VEC_RESERVE(sp->attrs, sp->n_attrs, sp->cap_attrs, 2))
		return td_error(TD_ENOMEM, "out of memory");
	td_attr *a = sp->attrs;
	a[sp->n_attrs].name = attr_name_dup(name);
	a[sp->n_attrs].value = strdup(value);
	if (!a[sp->n_attrs].name || !a[sp->n_attrs].value) {
		if (a[sp->n_attrs].name)
			free_name(a[sp->n_attrs].name);
		free(a[sp->n_attrs].value);
		return td_error(TD_ENOMEM, "out of memory");
	}
	sp->n_attrs++;
	return 0;
}

const char *td_span_attr(const td_span *sp, const char *name)
{
	for (uint32_t j = 0; j < sp->n_attrs; j++)
		if (strcmp(sp->attrs[j].name, name) == 0)
			return sp->attrs[j].value;
	return NULL;
}

int td_span_order(const td_span *x, const td_span *y)
{
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return 0;
}

/* Merges the sorted runs a[0, m) and a[m, n) through tmp: equal spans keep
 * their order (the left run's first). */
static void merge_runs(td_span *a, size_t m, size_t n, td_span *tmp)
{
	size_t i = 0, j = m, k = 0;
	while (i < m && j < n)
		tmp[k++] = td_span_order(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
	while (i < m)
		tmp[k++] = a[i++];
	memcpy(a, tmp, k * sizeof *a); /* a[j, n) is in place already */
}

void td_doc_sort_spans(td_doc *doc)
{
	/* Stable: equal spans keep the order they were added in. Equal rank
	 * and range nest either way, but two milestones at one position (a
	 * blank page: <pb n="12"/><pb n="13"/>) must stay in document order,
	 * for the writer and for the index's milestone regions. Bottom-up
	 * merge sort; without memory for it, insertion sort (also stable). */
	size_t n = doc->n_spans;
	td_span *a = doc->spans, *tmp = n > 1 ? malloc(n * sizeof *tmp) : NULL;
	if (n > 1 && !tmp) {
		for (size_t i = 1; i < n; i++) {
			td_span x = a[i];
			size_t j = i;
			for (; j > 0 && td_span_order(&x, &a[j - 1]) < 0; j--)
				a[j] = a[j - 1];
			a[j] = x;
		}
		return;
	}
	for (size_t w = 1; w < n; w *= 2)
		for (size_t lo = 0; lo + w < n; lo += 2 * w) {
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			if (td_span_order(&a[lo + w], &a[lo + w - 1]) < 0)
				merge_runs(a + lo, w, hi - lo, tmp);
		}
	free(tmp);
}

int td_doc_add_actor(
        td_doc *doc, const char *key, const char *kind, const char *name)
{
	for (size_t i = 0; i < doc->n_actors; i++)
		if (strcmp(doc->actors[i].key, key) == 0)
			return 0;
	if (TD_VEC_RESERVE(doc->actors, doc->n_actors, doc->cap_actors, 16))
		return td_error(TD_ENOMEM, "out of memory");
	td_actor *a = &doc->actors[doc->n_actors];
	a->key = strdup(key);
	a->kind = strdup(kind ? kind : "person");
	a->name = strdup(name ? name : key);
	if (!a->key || !a->kind || !a->name) {
		free(a->key);
		free(a->kind);
		free(a->name);
		return td_error(TD_ENOMEM, "out of memory");
	}
	doc->n_actors++;
	return 0;
}

int td_meta_set(char **field, const char *value)
{
	char *v = NULL;
	if (value && !(v = strdup(value)))
		return td_error(TD_ENOMEM, "out of memory");
	free(*field);
	*field = v;
	return 0;
}

/* ------------------------------------------------------ token layers */

int td_toklayers_new(size_t n, td_toklayers **out)
{
	td_toklayers *l = calloc(1, sizeof *l);
	if (!l || !(l->off = calloc(2 * n + 1, sizeof *l->off)) ||
	        !(l->buf = malloc(64))) {
		td_toklayers_free(l);
		return td_error(TD_ENOMEM, "out of memory");
	}
	l->n = n;
	l->buf[0] = '\0'; /* every offset 0: "" */
	l->len = 1;
	l->cap = 64;
	*out = l;
	return 0;
}

void td_toklayers_free(td_toklayers *l)
{
	if (!l)
		return;
	free(l->off);
	free(l->buf);
	free(l);
}

int td_toklayers_put(td_toklayers *l, const char *s, uint32_t *off)
{
	size_t n = strlen(s) + 1;
	if (n == 1) {
		*off = 0;
		return 0;
	}
	if (l->len + n > UINT32_MAX)
		return td_error(TD_ELIMIT, "token layers too large");
	if (TD_VEC_RESERVE_N(l->buf, l->len + n, l->cap, 64))
		return td_error(TD_ENOMEM, "out of memory");
	memcpy(l->buf + l->len, s, n);
	*off = (uint32_t)l->len;
	l->len += n;
	return 0;
}

int td_toklayers_set(
        td_toklayers *l, size_t i, const char *pos, const char *lemma)
{
	int rc = 0;
	if (i >= l->n)
		return td_error(TD_EUSAGE, "token %zu of %zu", i, l->n);
	if (pos)
		rc = td_toklayers_put(l, pos, &l->off[2 * i]);
	if (!rc && lemma)
		rc = td_toklayers_put(l, lemma, &l->off[2 * i + 1]);
	return rc;
}

void td_doc_w_layers(const td_doc *doc, const td_tokens *t, const char **pos,
        const char **lemma)
{
	for (size_t i = 0; i < t->n; i++)
		pos[i] = lemma[i] = NULL;
	/* spans in document order: a later span holding a token is inside
	 * (or after) an earlier one that holds it, so it overrides */
	size_t *ord = NULL, nw = 0;
	for (size_t k = 0; k < doc->n_spans; k++)
		nw += !strcmp(doc->spans[k].name, "w");
	if (!nw || !(ord = malloc(nw * sizeof *ord))) {
		/* out of memory: no tags taken (the caller's own tagger
		 * answers), never wrong ones */
		return;
	}
	nw = 0;
	for (size_t k = 0; k < doc->n_spans; k++)
		if (!strcmp(doc->spans[k].name, "w"))
			ord[nw++] = k;
	/* insertion order of equal starts is kept: sort by start, then end
	 * descending (outer first) */
	for (size_t a = 1; a < nw; a++) {
		size_t v = ord[a], b = a;
		const td_span *x = &doc->spans[v];
		while (b > 0) {
			const td_span *y = &doc->spans[ord[b - 1]];
			if (y->start < x->start ||
			        (y->start == x->start && y->end >= x->end))
				break;
			ord[b] = ord[b - 1];
			b--;
		}
		ord[b] = v;
	}
	for (size_t a = 0; a < nw; a++) {
		const td_span *sp = &doc->spans[ord[a]];
		const char *p = td_span_attr(sp, "pos"),
		           *l = td_span_attr(sp, "lemma");
		if (!p && !l)
			continue;
		size_t lo;
		TD_LOWER_BOUND(lo, t->n, mid, t->v[mid].start < sp->start);
		for (size_t i = lo; i < t->n && t->v[i].end <= sp->end; i++) {
			if (p)
				pos[i] = p;
			if (l)
				lemma[i] = l;
		}
	}
	free(ord);
}

/* ------------------------------------------------------ distinct terms */

void td_tokterms_free(td_tokterms *t)
{
	if (!t)
		return;
	free(t->tok);
	free(t->first);
	free(t->hash);
	free(t);
}

int td_doc_tokens(td_doc *doc, td_tokens **out)
{
	if (!doc->tokens) {
		td_tokens *t = calloc(1, sizeof *t);
		if (!t)
			return td_error(TD_ENOMEM, "out of memory");
		int rc = td_tokenize(doc->text, doc->len, 0, t);
		if (rc) {
			free(t);
			return rc;
		}
		doc->tokens = t;
	}
	*out = doc->tokens;
	return 0;
}

int td_doc_terms(td_doc *doc)
{
	td_tokens *tk;
	/* the annotator's first token of each token's bytes, for its own
	 * tokens only (not for tokens cut now) */
	const uint32_t *from = doc->tokens ? doc->tok_first : NULL;
	int rc = td_doc_tokens(doc, &tk);
	if (rc)
		return rc;
	size_t nslots = 64;
	while (nslots < 2 * tk->n)
		nslots *= 2;
	td_tokterms *tt = calloc(1, sizeof *tt);
	uint32_t *slots = from ? NULL : calloc(nslots, sizeof *slots);
	if (tt) {
		tt->tok = malloc((tk->n + 1) * sizeof *tt->tok);
		tt->first = malloc((tk->n + 1) * sizeof *tt->first);
		tt->hash = malloc((tk->n + 1) * sizeof *tt->hash);
	}
	if (!tt || (!from && !slots) || !tt->tok || !tt->first || !tt->hash) {
		td_tokterms_free(tt);
		free(slots);
		return td_error(TD_ENOMEM, "out of memory");
	}
	/* the tagger's hashes of the first 64 bytes are the whole hash of
	 * every shorter token */
	const uint64_t *ph = doc->pos_tags ? doc->pos_hash : NULL;
	for (size_t i = 0; i < tk->n; i++) {
		const char *w = doc->text + tk->v[i].start;
		size_t wl = tk->v[i].end - tk->v[i].start;
		if (from && from[i] != i) {
			/* an earlier token's bytes: its string, numbered */
			tt->tok[i] = tt->tok[from[i]];
			continue;
		}
		uint64_t h = ph && wl <= 64 ? ph[i] : td_hash(w, wl);
		if (from) {
			tt->first[tt->nterms] = (uint32_t)i;
			tt->hash[tt->nterms] = h;
			tt->tok[i] = (uint32_t)tt->nterms++;
			continue;
		}
		size_t s = h & (nslots - 1);
		uint32_t k;
		while ((k = slots[s])) {
			const td_token *f = &tk->v[tt->first[k - 1]];
			if (tt->hash[k - 1] == h && f->end - f->start == wl &&
			        !memcmp(doc->text + f->start, w, wl))
				break;
			s = (s + 1) & (nslots - 1);
		}
		if (!k) {
			tt->first[tt->nterms] = (uint32_t)i;
			tt->hash[tt->nterms] = h;
			k = slots[s] = (uint32_t)++tt->nterms;
		}
		tt->tok[i] = k - 1;
	}
	free(slots);
	tt->n = tk->n;
	td_tokterms_free(doc->terms);
	doc->terms = tt;
	return 0;
}
