/* table.c: n-way frequency tables of hits (--freq KEY,KEY,...): one row per
 * distinct tuple of key values, with its count of hits, its number of
 * documents and its group's size in tokens. Keys are a hit's text or
 * layers, a word at an offset from it, an attribute of the innermost element
 * around it, or its document's metadata. The single keys of freq.c (actor,
 * who, hedge, with their own groups) are not mixed in here.
 */
#include "config.h"
#include "article.h"
#include "ast.h"
#include "context.h"
#include "filter.h"
#include "freq.h"
#include "hits.h"
#include "render.h"
#include "table.h"
#include "keyindex.h"
#include "vec.h"
#include "buf.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

enum {
	K_MATCH,
	K_LAYER, /* norm, lemma, pos: the hit's terms in that layer */
	K_LEFT,  /* the word n tokens before the hit */
	K_RIGHT, /* the word n tokens after it */
	K_ATTR,  /* elem@attr */
	K_DOC,
	K_YEAR,
	K_MONTH,
	K_GENRE,
	K_TITLE,
	K_TARGET /* the target's (@) term in a layer */
};

typedef struct tkey {
	int kind, layer;
	uint32_t off;
	char *name, *elem, *attr;
} tkey;

typedef struct trow {
	char *key; /* the values joined by US (0x1f) */
	uint64_t n, docs;
	size_t lastseg;
	uint32_t lastdoc;
	int any;
} trow;

struct tq_table {
	tkey *k;
	size_t nk, capk;
	trow *rows;
	size_t n, cap;
	td_keyindex ix; /* rows by key */
	/* group sizes by the tuple of the document keys' values */
	char **zkey;
	uint64_t *zn;
	size_t nz, capzk, capzn;
	int sized;
	/* leftN, rightN: the text of the hit's document that is not the
	 * article (none with --pullquotes), read once per document */
	int pullquotes, nahave;
	td_seg *naseg;
	uint32_t nadoc;
	tq_ranges na;
};

#define US '\x1f'

static int is_doc_key(int kind)
{
	return kind >= K_DOC && kind <= K_TITLE;
}

void tq_table_free(tq_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nk; i++) {
		free(t->k[i].name);
		free(t->k[i].elem);
		free(t->k[i].attr);
	}
	for (size_t i = 0; i < t->n; i++)
		free(t->rows[i].key);
	for (size_t i = 0; i < t->nz; i++)
		free(t->zkey[i]);
	free(t->na.v);
	free(t->k);
	free(t->rows);
	td_keyindex_clear(&t->ix);
	free(t->zkey);
	free(t->zn);
	free(t);
}

static int parse_key(const char *s, size_t len, tkey *k)
{
	char *name = strndup(s, len);
	if (!name)
		return td_error(TD_ENOMEM, "out of memory");
	memset(k, 0, sizeof *k);
	k->name = name;
	static const struct {
		const char *n;
		int kind, layer;
	} fixed[] = {{"match", K_MATCH, 0}, {"norm", K_LAYER, TD_LAYER_NORM},
	        {"lemma", K_LAYER, TD_LAYER_LEMMA},
	        {"pos", K_LAYER, TD_LAYER_POS}, {"doc", K_DOC, 0},
	        {"year", K_YEAR, 0}, {"month", K_MONTH, 0},
	        {"genre", K_GENRE, 0}, {"title", K_TITLE, 0}};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (!strcmp(name, fixed[i].n)) {
			k->kind = fixed[i].kind;
			k->layer = fixed[i].layer;
			return 0;
		}
	static const struct {
		const char *n;
		int layer;
	} tg[] = {{"target", TD_LAYER_WORD}, {"target.word", TD_LAYER_WORD},
	        {"target.norm", TD_LAYER_NORM},
	        {"target.lemma", TD_LAYER_LEMMA}, {"target.pos", TD_LAYER_POS}};
	for (size_t i = 0; i < sizeof tg / sizeof tg[0]; i++)
		if (!strcmp(name, tg[i].n)) {
			k->kind = K_TARGET;
			k->layer = tg[i].layer;
			return 0;
		}
	const char *at = strchr(name, '@');
	if (at && at > name && at[1]) {
		k->kind = K_ATTR;
		k->elem = strndup(name, (size_t)(at - name));
		k->attr = strdup(at + 1);
		if (!k->elem || !k->attr)
			return td_error(TD_ENOMEM, "out of memory");
		return 0;
	}
	int left = !strncmp(name, "left", 4),
	    right = !strncmp(name, "right", 5);
	if (left || right) {
		const char *d = name + (left ? 4 : 5);
		char *end = NULL;
		long v = *d >= '1' && *d <= '9' ? strtol(d, &end, 10) : 0;
		if (v >= 1 && v <= 100 && end && !*end) {
			k->kind = left ? K_LEFT : K_RIGHT;
			k->off = (uint32_t)v;
			return 0;
		}
	}
	/* freq.c's own groups (an actor per mention, speech groups): alone,
	 * or by the element's attribute in a table of several keys */
	static const char *const own[][2] = {
	        {"actor", "persName@ref, orgName@ref, placeName@ref or rs@ref"},
	        {"who", "q@who or said@who"}, {"hedge", "seg@subtype"}};
	for (size_t i = 0; i < 3; i++)
		if (!strcmp(name, own[i][0]))
			return td_error(TD_EUSAGE,
			        "--freq: '%s' is a table of its own (--freq %s "
			        "alone); with other keys use %s",
			        name, name, own[i][1]);
	if (!strcmp(name, "author"))
		return td_error(TD_EUSAGE,
		        "--freq: the index keeps no author; group by doc, "
		        "title, genre, year or month");
	return td_error(TD_EUSAGE,
	        "--freq: expected match, norm, lemma, pos, leftN, rightN "
	        "(N 1-100), ELEMENT@ATTRIBUTE (q@who), doc, year, month, "
	        "genre, title or target[.norm|.lemma|.pos], not '%s'",
	        name);
}

int tq_table_new(const char *spec, tq_table **out)
{
	tq_table *t = calloc(1, sizeof *t);
	*out = NULL;
	if (!t)
		return td_error(TD_ENOMEM, "out of memory");
	for (const char *p = spec;;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (TD_VEC_RESERVE(t->k, t->nk, t->capk, 4)) {
			tq_table_free(t);
			return td_error(TD_ENOMEM, "out of memory");
		}
		int rc = len ? parse_key(p, len, &t->k[t->nk])
		             : td_error(TD_EUSAGE,
		                       "--freq: an empty key in '%s'", spec);
		if (len)
			t->nk++;
		if (rc < 0) {
			tq_table_free(t);
			return rc;
		}
		if (!e)
			break;
		p = e + 1;
	}
	*out = t;
	return 0;
}

/* ------------------------------------------------------------ values */

typedef td_buf buf;

static int key_value(const tkey *k, const tq_hit *h, const td_docinfo *di,
        const tq_ranges *na, buf *b)
{
	int rc = 0;
	uint32_t at;
	switch (k->kind) {
	case K_MATCH: {
		return tq_hit_key_add(h, -1, b);
	}
	case K_LAYER:
		return tq_hit_key_add(h, k->layer, b);
	case K_LEFT: /* within the document's article only */
	case K_RIGHT:
		if (tq_article_word(na, di->first_tok, di->first_tok + di->ntok,
		            k->kind == K_LEFT ? h->start : h->end - 1, k->off,
		            k->kind == K_RIGHT, &at))
			return tq_terms_add(
			        h->seg, TD_LAYER_WORD, at, at + 1, b);
		return 0;
	case K_ATTR: {
		const char *v, *w;
		if ((rc = tq_attr_around(h, k->elem, k->attr, &v)) < 0)
			return rc;
		rc = 0;
		/* the value, each item without its leading '#' */
		size_t len;
		while (v && rc == 0 && (w = tq_value_item(&v, &len))) {
			if (*w == '#' && len > 1) {
				w++;
				len--;
			}
			if (b->n && b->s[b->n - 1] != US)
				rc = td_buf_add(b, " ", 1);
			if (rc == 0)
				rc = td_buf_add(b, w, len);
		}
		return rc;
	}
	case K_DOC:
		return di->id ? td_buf_add(b, di->id, strlen(di->id)) : 0;
	case K_YEAR:
	case K_MONTH: {
		size_t want = k->kind == K_YEAR ? 4 : 7;
		if (di->date && strlen(di->date) >= want)
			return td_buf_add(b, di->date, want);
		return 0;
	}
	case K_GENRE:
		return di->genre ? td_buf_add(b, di->genre, strlen(di->genre))
		                 : 0;
	case K_TARGET: /* none: the hit's path set no target */
		return h->target ? tq_terms_add(h->seg, k->layer, h->target - 1,
		                           h->target, b)
		                 : 0;
	default:
		return di->title ? td_buf_add(b, di->title, strlen(di->title))
		                 : 0;
	}
}

/* ------------------------------------------------------------- rows */

static trow *row_for(tq_table *t, const char *key, size_t len)
{
	if (td_keyindex_reserve(&t->ix, TD_KEYROWS(t->rows, trow), t->n))
		return NULL;
	size_t *sl =
	        td_keyindex_slot(&t->ix, TD_KEYROWS(t->rows, trow), key, len);
	if (*sl)
		return &t->rows[*sl - 1];
	if (TD_VEC_RESERVE(t->rows, t->n, t->cap, 32))
		return NULL;
	char *k = strndup(key, len);
	if (!k)
		return NULL;
	t->rows[t->n] = (trow){k, 0, 0, 0, 0, 0};
	*sl = ++t->n;
	return &t->rows[t->n - 1];
}

int tq_table_check(const tq_table *t, const tq_node *ast)
{
	for (size_t i = 0; i < t->nk; i++)
		if (t->k[i].kind == K_TARGET && !ast->has_target)
			return td_error(TD_EUSAGE,
			        "--freq %s: the query marks no target; put '@' "
			        "before one of its tokens (\"the\" "
			        "@[pos=\"JJ\"])",
			        t->k[i].name);
	return 0;
}

void tq_table_set_pullquotes(tq_table *t, int pullquotes)
{
	t->pullquotes = pullquotes;
}

int tq_table_add(tq_table *t, const tq_hit *h)
{
	td_docinfo di;
	buf b = {0};
	int rc = td_seg_doc(h->seg, h->doc, &di);
	for (size_t i = 0;
	        i < t->nk && rc == 0 &&
	        !(t->nahave && t->naseg == h->seg && t->nadoc == h->doc);
	        i++)
		if (t->k[i].kind == K_LEFT || t->k[i].kind == K_RIGHT) {
			tq_filter f = {0};
			f.pullquotes = t->pullquotes;
			t->nahave = 0;
			if ((rc = tq_nonarticle(h->seg, di.first_tok,
			             di.first_tok + di.ntok, &f, &t->na)) < 0)
				break;
			t->nahave = 1;
			t->naseg = h->seg;
			t->nadoc = h->doc;
		}
	for (size_t i = 0; i < t->nk && rc == 0; i++) {
		if (i)
			rc = td_buf_add(&b, "\x1f", 1);
		if (rc == 0)
			rc = key_value(&t->k[i], h, &di, &t->na, &b);
	}
	if (rc == 0 && !b.s)
		rc = td_buf_add(&b, "", 0);
	trow *r = rc == 0 ? row_for(t, b.s, b.n) : NULL;
	free(b.s);
	if (rc < 0)
		return rc;
	if (!r)
		return td_error(TD_ENOMEM, "out of memory");
	r->n++;
	/* hits come in corpus order: a row's documents one after another */
	if (!r->any || r->lastseg != h->segno || r->lastdoc != h->doc)
		r->docs++;
	r->any = 1;
	r->lastseg = h->segno;
	r->lastdoc = h->doc;
	return 0;
}

/* The document keys' part of a row key (or of a document's values). */
static int doc_part(const tq_table *t, const char *key, buf *b)
{
	const char *v = key;
	int rc = td_buf_add(b, "", 0);
	for (size_t i = 0; i < t->nk && rc == 0; i++) {
		const char *e = strchr(v, US);
		size_t len = e ? (size_t)(e - v) : strlen(v);
		if (is_doc_key(t->k[i].kind)) {
			rc = td_buf_add(b, v, len);
			if (rc == 0)
				rc = td_buf_add(b, "\x1f", 1);
		}
		v = e ? e + 1 : v + len;
	}
	return rc;
}

/* A document's article tokens into the size of its group: the group of
 * the row keys its document keys (doc_part) make. */
static int doc_size(void *arg, size_t segno, td_seg *s, uint32_t d,
        const td_docinfo *di, const tq_ranges *na)
{
	tq_table *t = arg;
	int rc = 0;
	buf v = {0}, z = {0};
	tq_hit h = {segno, s, d, di->first_tok, di->first_tok, 0, 0, 0};
	for (size_t k = 0; k < t->nk && rc == 0; k++) {
		if (k)
			rc = td_buf_add(&v, "\x1f", 1);
		if (rc == 0 && is_doc_key(t->k[k].kind))
			rc = key_value(&t->k[k], &h, di, na, &v);
	}
	if (rc == 0 && !v.s)
		rc = td_buf_add(&v, "", 0);
	if (rc == 0)
		rc = doc_part(t, v.s, &z);
	free(v.s);
	if (rc < 0) {
		free(z.s);
		return rc;
	}
	uint64_t n = di->ntok - tq_ranges_len(na);
	size_t j = 0;
	while (j < t->nz && strcmp(t->zkey[j], z.s))
		j++;
	if (j == t->nz) {
		if (TD_VEC_RESERVE(t->zkey, t->nz, t->capzk, 16) ||
		        TD_VEC_RESERVE(t->zn, t->nz, t->capzn, 16)) {
			free(z.s);
			return td_error(TD_ENOMEM, "out of memory");
		}
		t->zkey[t->nz] = z.s;
		t->zn[t->nz++] = 0;
		z.s = NULL;
	}
	t->zn[j] += n;
	free(z.s);
	return rc;
}

int tq_table_sizes(tq_table *t, td_index *ix, const tq_filter *flt)
{
	int any = 0;
	for (size_t i = 0; i < t->nk; i++)
		any |= is_doc_key(t->k[i].kind);
	if (!any)
		return 0;
	int rc = tq_article_docs(ix, flt, doc_size, t);
	t->sized = rc == 0;
	return rc;
}

static uint64_t size_of(const tq_table *t, const char *key, uint64_t base)
{
	if (!t->sized)
		return base;
	buf z = {0};
	uint64_t n = 0;
	if (doc_part(t, key, &z) == 0)
		for (size_t j = 0; j < t->nz; j++)
			if (!strcmp(t->zkey[j], z.s))
				n = t->zn[j];
	free(z.s);
	return n;
}

static int by_count(const void *a, const void *b)
{
	const trow *x = a, *y = b;
	return tq_freq_order(x->n, x->key, y->n, y->key);
}

long tq_table_print(tq_table *t, FILE *out, uint64_t ntokens, int fmt)
{
	char sep = fmt == TQ_OUT_CSV ? ',' : '\t';
	if (t->n)
		qsort(t->rows, t->n, sizeof *t->rows, by_count);
	if (fmt == TQ_OUT_TSV || fmt == TQ_OUT_CSV) {
		fprintf(out, "count%cper_million%cdocs", sep, sep);
		for (size_t i = 0; i < t->nk; i++) {
			fputc(sep, out);
			tq_dsv_field(out, t->k[i].name, sep);
		}
		fprintf(out, "%ctokens\n", sep);
	}
	for (size_t r = 0; r < t->n; r++) {
		const trow *row = &t->rows[r];
		uint64_t size = size_of(t, row->key, ntokens);
		double pm = size ? (double)row->n * 1e6 / (double)size : 0.0;
		json_t *o = fmt == TQ_OUT_JSON ? json_object() : NULL;
		if (fmt == TQ_OUT_JSON && !o)
			return td_error(TD_ENOMEM, "out of memory");
		if (o) {
			json_object_set_new(
			        o, "count", json_integer((json_int_t)row->n));
			json_object_set_new(o, "per_million",
			        size ? json_real(pm) : json_null());
			json_object_set_new(
			        o, "docs", json_integer((json_int_t)row->docs));
		} else {
			tq_freq_cells(out, row->n, size, sep, fmt);
			fprintf(out, "%c%llu", sep,
			        (unsigned long long)row->docs);
		}
		const char *v = row->key;
		for (size_t i = 0; i < t->nk; i++) {
			const char *e = strchr(v, US);
			size_t len = e ? (size_t)(e - v) : strlen(v);
			char *val = strndup(v, len);
			if (!val) {
				json_decref(o);
				return td_error(TD_ENOMEM, "out of memory");
			}
			if (o)
				json_object_set_new(o, t->k[i].name,
				        len ? json_string(val) : json_null());
			else {
				fputc(sep, out);
				if (fmt == TQ_OUT_TEXT)
					fputs(len ? val : "(none)", out);
				else
					tq_dsv_field(out, val, sep);
			}
			free(val);
			v = e ? e + 1 : v + len;
		}
		if (o) {
			json_object_set_new(
			        o, "tokens", json_integer((json_int_t)size));
			int rc = tq_json_line(out, o, 0);
			if (rc)
				return rc;
		} else {
			fprintf(out, "%c%llu\n", sep, (unsigned long long)size);
		}
	}
	return (long)t->n;
}
