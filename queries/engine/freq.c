/* freq.c: frequency tables of hits grouped by match text, normalised form,
 * actor, speech group, hedge subtype, document, year or month, with each
 * group's size in tokens and the rate per million of them. A hit that is
 * an actor mention (hedge cue, quote) itself is keyed by that element only;
 * another hit counts once under each distinct key of the elements over it,
 * or under the empty key (none), printed "(none)" in text, an empty field
 * in TSV/CSV and null in JSON. Speech groups partition the tokens (see
 * group_of).
 */
#include "config.h"
#include "article.h"
#include "ast.h"
#include "context.h"
#include "filter.h"
#include "freq.h"
#include "hits.h"
#include "render.h"
#include "keyindex.h"
#include "vec.h"
#include "stats.h"
#include "buf.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define NONE_KEY "" /* no key value: no real key is empty */

typedef struct row {
	char *key;
	uint64_t n;
	size_t id; /* order of creation: the row's number for disp.c */
} row;

/* The speech elements of one document: each token's innermost q or said
 * (own[pos - first], -1: none), and their @who (NULL: none). */
typedef struct speech {
	td_seg *seg;
	uint32_t doc, first, ntok;
	int valid;
	int32_t *own;
	const char **who;
	size_t n; /* elements (entries of who) */
	size_t cap_own, cap_who;
} speech;

struct tq_freq {
	int by;
	row *rows;
	size_t n, cap;
	td_keyindex ix; /* rows by key */
	speech sp;
	struct tq_freq *sizes; /* tokens per group (tq_freq_sizes) */
	char **hk;             /* keys already counted for the current hit */
	size_t last;           /* the row bump_n() last added to */
	size_t nhk, caphk;
	tq_disp *disp; /* --dispersion */
};

#define AUTHOR "(author)"
#define UNIDENTIFIED "(unidentified)"
#define MIXED "(mixed)"

static const char *const names[] = {"match", "norm", "actor", "who", "hedge",
        "doc", "year", "month", "lemma", "pos"};

int tq_freq_by(const char *name)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(name, names[i]))
			return (int)i;
	return -1;
}

int tq_freq_new(int by, tq_freq **out)
{
	tq_freq *f = calloc(1, sizeof *f);
	if (!f)
		return td_error(TD_ENOMEM, "out of memory");
	f->by = by;
	*out = f;
	return 0;
}

void tq_freq_free(tq_freq *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++)
		free(f->rows[i].key);
	free(f->rows);
	td_keyindex_clear(&f->ix);
	free(f->sp.own);
	free(f->sp.who);
	free(f->hk);
	tq_freq_free(f->sizes);
	tq_disp_free(f->disp);
	free(f);
}

static int bump_n(tq_freq *f, const char *key, size_t len, uint64_t n);

static int bump(tq_freq *f, const char *key, size_t len)
{
	return bump_n(f, key, len, 1);
}

int tq_freq_add_key(tq_freq *f, const char *key, size_t len, uint64_t n)
{
	return bump_n(f, key, len, n);
}

static int layer_of(const tq_freq *f)
{
	return f->by == TQ_BY_MATCH   ? TD_LAYER_WORD
	       : f->by == TQ_BY_NORM  ? TD_LAYER_NORM
	       : f->by == TQ_BY_LEMMA ? TD_LAYER_LEMMA
	       : f->by == TQ_BY_POS   ? TD_LAYER_POS
	                              : -1;
}

int tq_freq_layer(const tq_freq *f)
{
	return f->disp ? -1
	               : layer_of(f); /* dispersion: every hit's document */
}

static int bump_n(tq_freq *f, const char *key, size_t len, uint64_t n)
{
	if (td_keyindex_reserve(&f->ix, TD_KEYROWS(f->rows, row), f->n))
		return td_error(TD_ENOMEM, "out of memory");
	size_t *sl =
	        td_keyindex_slot(&f->ix, TD_KEYROWS(f->rows, row), key, len);
	if (*sl) {
		f->rows[*sl - 1].n += n;
		f->last = *sl - 1;
		return f->disp ? tq_disp_note(f->disp, f->rows[*sl - 1].id, n)
		               : 0;
	}
	if (TD_VEC_RESERVE(f->rows, f->n, f->cap, 32))
		return td_error(TD_ENOMEM, "out of memory");
	char *k = tq_dupn(key, len);
	if (!k)
		return td_error(TD_ENOMEM, "out of memory");
	f->rows[f->n] = (row){k, n, f->n};
	f->last = f->n;
	*sl = ++f->n;
	return f->disp ? tq_disp_note(f->disp, f->n - 1, n) : 0;
}

/* Notes the row bump_n() last added to as counted for the current hit
 * (rows keep their keys until the table is freed). */
static int remember(tq_freq *f)
{
	if (TD_VEC_RESERVE(f->hk, f->nhk, f->caphk, 8))
		return td_error(TD_ENOMEM, "out of memory");
	f->hk[f->nhk++] = f->rows[f->last].key;
	return 0;
}

/* Adds n to each value of a list ("#a #b": a and b); with once, a value
 * already counted for the current hit is not counted again. */
static int bump_values(tq_freq *f, const char *v, uint64_t n, int once)
{
	if (!*v) {
		size_t i = 0;
		for (; once && i < f->nhk; i++)
			if (!*f->hk[i])
				break;
		if (once && i < f->nhk)
			return 0;
		int rc = bump_n(f, NONE_KEY, 0, n);
		if (rc == 0 && once)
			rc = remember(f);
		return rc;
	}
	const char *w;
	size_t len;
	while ((w = tq_value_item(&v, &len))) {
		if (*w == '#') {
			w++;
			len--;
		}
		size_t i = 0;
		if (once)
			for (; i < f->nhk; i++)
				if (strlen(f->hk[i]) == len &&
				        !memcmp(f->hk[i], w, len))
					break;
		if (len && (!once || i == f->nhk)) {
			int rc = bump_n(f, w, len, n);
			if (rc < 0)
				return rc;
			if (once && (rc = remember(f)) < 0)
				return rc;
		}
	}
	return 0;
}

static int is_actor(const char *name)
{
	return !strcmp(name, "persName") || !strcmp(name, "orgName") ||
	       !strcmp(name, "rs") || !strcmp(name, "placeName");
}

/* Whether span i of element k is of the kind the table groups by (1, with
 * its key in *v, NULL if it has none) or not (0). */
static int key_of(
        const tq_freq *f, td_seg *s, uint32_t k, uint32_t i, const char **v)
{
	const char *name = td_seg_span_name(s, k), *t;
	*v = NULL;
	switch (f->by) {
	case TQ_BY_ACTOR:
		if (!is_actor(name))
			return 0;
		*v = tq_span_attr_get(s, k, i, "ref");
		return 1;
	case TQ_BY_WHO:
		if (strcmp(name, "q") && strcmp(name, "said"))
			return 0;
		*v = tq_span_attr_get(s, k, i, "who");
		if (!*v || !**v)
			*v = UNIDENTIFIED;
		return 1;
	default:
		t = tq_span_attr_get(s, k, i, "type");
		if (strcmp(name, "seg") || !t || strcmp(t, "hedge"))
			return 0;
		*v = tq_span_attr_get(s, k, i, "subtype");
		if (!*v)
			*v = NONE_KEY;
		return 1;
	}
}

typedef struct overlap {
	uint32_t st, en;
	int any;
} overlap;

/* tq_hit_parts's callback: whether a part overlaps [st, en) */
static int part_overlaps(void *ctx, uint32_t a, uint32_t e)
{
	overlap *o = ctx;
	if (o->st < e && o->en > a)
		o->any = 1;
	return 0;
}

/* The keys of the spans of the table's kind over hit h, once each; with
 * none, the row of hits without a key. A hit in parts takes only the
 * spans over a part, not over the narration between them. */
static int span_keys(tq_freq *f, const tq_hit *h)
{
	tq_span_iter it;
	const char *v;
	int found = 0, rc = tq_spans_begin(&it, h, 0);
	while (rc == 0 && (rc = tq_spans_next(&it)) == 1) {
		rc = 0;
		if (!key_of(f, h->seg, it.k, it.i, &v) || !v)
			continue;
		/* a hit in parts: over a part, not the narration */
		if (h->sk) {
			overlap o = {it.start, it.end, 0};
			if ((rc = tq_hit_parts(h, part_overlaps, &o)) < 0)
				break;
			if (!o.any)
				continue;
		}
		found = 1;
		rc = bump_values(f, v, 1, 1);
	}
	if (rc < 0)
		return rc;
	return found ? 0 : bump(f, NONE_KEY, 0);
}

/* ------------------------------------------------------ speech groups */

typedef struct sspan {
	uint32_t st, en;
	const char *who;
} sspan;

static int by_length(const void *a, const void *b)
{
	const sspan *x = a, *y = b;
	uint32_t lx = x->en - x->st, ly = y->en - y->st;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	return (x->st > y->st) - (x->st < y->st);
}

/* Loads the speech elements of document d: each token's innermost q or
 * said, an outer element painted first and inner ones over it. */
static int speech_load(speech *sp, td_seg *seg, uint32_t d)
{
	static const char *const el[] = {"q", "said"};
	int rc;
	if (sp->valid && sp->seg == seg && sp->doc == d)
		return 0;
	sp->valid = 0;
	if ((rc = td_seg_doc_range(seg, d, &sp->first, &sp->ntok)) < 0)
		return rc;
	sspan *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t e = 0; e < 2; e++) {
		int64_t k = td_seg_span_find(seg, el[e]);
		if (k == TD_ECORRUPT) {
			free(v); /* the spans of q, when said's look-up fails */
			return TD_ECORRUPT;
		}
		if (k < 0)
			continue;
		uint32_t cnt = td_seg_span_count(seg, (uint32_t)k), i;
		if ((rc = tq_span_lower(seg, (uint32_t)k, sp->first, &i)) < 0) {
			free(v);
			return rc;
		}
		for (; i < cnt; i++) {
			uint32_t st, en;
			if ((rc = td_seg_span_get(
			             seg, (uint32_t)k, i, &st, &en)) < 0) {
				free(v);
				return rc;
			}
			if (st >= sp->first + sp->ntok)
				break;
			if (en <= st)
				continue;
			if (TD_VEC_RESERVE(v, n, cap, 16)) {
				free(v);
				return td_error(TD_ENOMEM, "out of memory");
			}
			const char *w =
			        tq_span_attr_get(seg, (uint32_t)k, i, "who");
			v[n++] = (sspan){st, en, w && *w ? w : NULL};
		}
	}
	if (n > 1)
		qsort(v, n, sizeof *v, by_length);
	if (TD_VEC_RESERVE_N(sp->own, (size_t)sp->ntok + 1, sp->cap_own, 256) ||
	        TD_VEC_RESERVE_N(sp->who, n + 1, sp->cap_who, 16)) {
		free(v);
		return td_error(TD_ENOMEM, "out of memory");
	}
	int32_t *own = sp->own;
	const char **who = sp->who;
	for (uint32_t p = 0; p < sp->ntok; p++)
		own[p] = -1;
	for (size_t i = 0; i < n; i++) {
		who[i] = v[i].who;
		for (uint32_t p = v[i].st; p < v[i].en; p++)
			if (p >= sp->first && p - sp->first < sp->ntok)
				own[p - sp->first] = (int32_t)i;
	}
	free(v);
	sp->n = n;
	sp->seg = seg;
	sp->doc = d;
	sp->valid = 1;
	return 0;
}

/* The speech group of a token's owner: (author) outside any q/said,
 * (unidentified) in one without @who, else the @who value. */
static const char *group_of(const speech *sp, int32_t g)
{
	return g < 0 ? AUTHOR : sp->who[g] ? sp->who[g] : UNIDENTIFIED;
}

/* A hit's speech group: the element it is, else the group all its tokens
 * share, else (mixed). */
static int who_add(tq_freq *f, const tq_hit *h)
{
	const char *v;
	int rc;
	if (h->sk && key_of(f, h->seg, h->sk - 1, h->si, &v))
		return bump_values(f, v, 1, 1);
	if ((rc = speech_load(&f->sp, h->seg, h->doc)) < 0)
		return rc;
	const char *g = NULL;
	for (uint32_t p = h->start; p < h->end; p++) {
		if (p < f->sp.first || p - f->sp.first >= f->sp.ntok)
			continue;
		const char *x = group_of(&f->sp, f->sp.own[p - f->sp.first]);
		if (g && strcmp(g, x))
			return bump_values(f, MIXED, 1, 1);
		g = x;
	}
	return bump_values(f, g ? g : AUTHOR, 1, 1);
}

/* Counts the key built in b (rc: how building it went) and frees b. */
static int bump_built(tq_freq *f, int rc, td_buf *b)
{
	if (rc == 0)
		rc = bump(f, b->s ? b->s : "", b->n);
	td_buf_clear(b);
	return rc;
}

/* The key of a hit in one layer: its tokens' terms joined by spaces. */
static int layer_key(tq_freq *f, const tq_hit *h, int layer)
{
	td_buf b = {0};
	/* the layer is needed by a match of no token too */
	return bump_built(f, tq_hit_key_add(h, layer, &b), &b);
}

int tq_freq_add(tq_freq *f, const tq_hit *h)
{
	td_docinfo di;
	int rc;
	if (f->disp)
		tq_disp_part(f->disp, h->segno, h->doc);
	switch (f->by) {
	case TQ_BY_MATCH: {
		td_buf b = {0};
		return bump_built(f, tq_hit_key_add(h, -1, &b), &b);
	}
	case TQ_BY_NORM:
	case TQ_BY_LEMMA:
	case TQ_BY_POS:
		return layer_key(f, h, layer_of(f));
	case TQ_BY_DOC:
	case TQ_BY_YEAR:
	case TQ_BY_MONTH: {
		if ((rc = td_seg_doc(h->seg, h->doc, &di)) < 0)
			return rc;
		const char *v = f->by == TQ_BY_DOC ? di.id : di.date;
		size_t want = f->by == TQ_BY_YEAR ? 4 : 7;
		if (!v || (f->by != TQ_BY_DOC && strlen(v) < want))
			return bump(f, NONE_KEY, 0);
		return bump(f, v, f->by == TQ_BY_DOC ? strlen(v) : want);
	}
	default: {
		const char *v;
		f->nhk = 0;
		if (f->by == TQ_BY_WHO)
			return who_add(f, h);
		if (h->sk && key_of(f, h->seg, h->sk - 1, h->si, &v))
			return v ? bump_values(f, v, 1, 1)
			         : bump(f, NONE_KEY, 0);
		return span_keys(f, h);
	}
	}
}

typedef struct sizes_ctx {
	tq_freq *f;
	uint64_t *cnt; /* tokens per speech group of a document */
	size_t cnt_cap;
} sizes_ctx;

/* A document's article tokens into the group sizes: all to its key's
 * group (doc, year, month), or each to its speech group's (who). */
static int doc_sizes(void *arg, size_t segno, td_seg *s, uint32_t d,
        const td_docinfo *di, const tq_ranges *na)
{
	sizes_ctx *c = arg;
	tq_freq *f = c->f;
	int rc = 0;
	(void)segno;
	if (f->by != TQ_BY_WHO) {
		const char *v = f->by == TQ_BY_DOC ? di->id : di->date;
		size_t want = f->by == TQ_BY_YEAR ? 4 : 7;
		uint64_t n = di->ntok - tq_ranges_len(na);
		if (!v || (f->by != TQ_BY_DOC && strlen(v) < want))
			return bump_n(f->sizes, NONE_KEY, 0, n);
		return bump_n(
		        f->sizes, v, f->by == TQ_BY_DOC ? strlen(v) : want, n);
	}
	if ((rc = speech_load(&f->sp, s, d)) < 0)
		return rc;
	if (TD_VEC_RESERVE_N(c->cnt, f->sp.n + 1, c->cnt_cap, 16))
		return td_error(TD_ENOMEM, "out of memory");
	memset(c->cnt, 0, (f->sp.n + 1) * sizeof *c->cnt);
	for (uint32_t p = 0; p < f->sp.ntok; p++)
		if (!tq_ranges_has(na, f->sp.first + p))
			c->cnt[f->sp.own[p] + 1]++;
	for (size_t g = 0; g <= f->sp.n && rc == 0; g++)
		if (c->cnt[g])
			rc = bump_values(f->sizes,
			        group_of(&f->sp, (int32_t)g - 1), c->cnt[g], 0);
	return rc;
}

int tq_freq_sizes(tq_freq *f, td_index *ix, const tq_filter *flt)
{
	int rc = 0;
	if (f->by != TQ_BY_DOC && f->by != TQ_BY_YEAR && f->by != TQ_BY_MONTH &&
	        f->by != TQ_BY_WHO)
		return 0;
	tq_freq_free(f->sizes);
	if ((rc = tq_freq_new(f->by, &f->sizes)) < 0)
		return rc;
	sizes_ctx c = {f, NULL, 0};
	rc = tq_article_docs(ix, flt, doc_sizes, &c);
	free(c.cnt);
	return rc;
}

/* The size of a row's group: from tq_freq_sizes, else the whole base; 0
 * for (mixed), which has none. */
static uint64_t size_of(const tq_freq *f, const char *key, uint64_t base)
{
	if (!f->sizes)
		return base;
	const tq_freq *z = f->sizes;
	if (!z->ix.nslots)
		return 0;
	size_t *sl = td_keyindex_slot(
	        &z->ix, TD_KEYROWS(z->rows, row), key, strlen(key));
	return *sl ? z->rows[*sl - 1].n : 0;
}

int tq_freq_dispersion(tq_freq *f, td_index *ix, const tq_filter *flt)
{
	tq_disp_free(f->disp);
	f->disp = NULL;
	return tq_disp_new(ix, flt, &f->disp);
}

/* the dispersion columns of a row: docs, juilland_d, dp */
static void disp_dsv(tq_freq *f, FILE *out, size_t id, char sep, int fmt)
{
	tq_disp_row d;
	tq_disp_get(f->disp, id, &d);
	fprintf(out, "%c%llu%c", sep, (unsigned long long)d.docs, sep);
	tq_stat_num(out, fmt, d.d_def, d.d);
	fputc(sep, out);
	tq_stat_num(out, fmt, d.dp_def, d.dp);
}

static void disp_json(tq_freq *f, json_t *o, size_t id)
{
	tq_disp_row d;
	tq_disp_get(f->disp, id, &d);
	json_object_set_new(o, "docs", json_integer((json_int_t)d.docs));
	json_object_set_new(
	        o, "juilland_d", d.d_def ? json_real(d.d) : json_null());
	json_object_set_new(o, "dp", d.dp_def ? json_real(d.dp) : json_null());
}

int tq_freq_order(uint64_t na, const char *ka, uint64_t nb, const char *kb)
{
	if (na != nb)
		return na > nb ? -1 : 1;
	return strcmp(ka, kb);
}

static int by_count(const void *a, const void *b)
{
	const row *x = a, *y = b;
	return tq_freq_order(x->n, x->key, y->n, y->key);
}

void tq_freq_cells(FILE *out, uint64_t n, uint64_t size, char sep, int fmt)
{
	fprintf(out, "%llu%c", (unsigned long long)n, sep);
	if (size)
		fprintf(out, "%.2f", (double)n * 1e6 / (double)size);
	else if (fmt == TQ_OUT_TEXT)
		fputs("NA", out);
}

long tq_freq_print(tq_freq *f, FILE *out, uint64_t ntokens, int fmt)
{
	char sep = fmt == TQ_OUT_CSV ? ',' : '\t';
	if (f->n)
		qsort(f->rows, f->n, sizeof *f->rows, by_count);
	if (fmt == TQ_OUT_TSV || fmt == TQ_OUT_CSV)
		fprintf(out, "count%cper_million%cvalue%ctokens%s\n", sep, sep,
		        sep,
		        !f->disp     ? ""
		        : sep == ',' ? ",docs,juilland_d,dp"
		                     : "\tdocs\tjuilland_d\tdp");
	for (size_t i = 0; i < f->n; i++) {
		uint64_t size = size_of(f, f->rows[i].key, ntokens);
		double pm =
		        size ? (double)f->rows[i].n * 1e6 / (double)size : 0.0;
		const char *key = f->rows[i].key;
		if (fmt == TQ_OUT_JSON) {
			json_t *o = json_pack("{s:o, s:I, s:o, s:I}", "value",
			        *key ? json_string(key) : json_null(), "count",
			        (json_int_t)f->rows[i].n, "per_million",
			        size ? json_real(pm) : json_null(), "tokens",
			        (json_int_t)size);
			if (o && f->disp)
				disp_json(f, o, f->rows[i].id);
			int rc = tq_json_line(out, o, 0);
			if (rc)
				return rc;
			continue;
		}
		tq_freq_cells(out, f->rows[i].n, size, sep, fmt);
		fputc(sep, out);
		if (fmt == TQ_OUT_TEXT)
			fputs(*key ? key : "(none)", out);
		else
			tq_dsv_field(out, key, sep);
		fprintf(out, "%c%llu", sep, (unsigned long long)size);
		if (f->disp)
			disp_dsv(f, out, f->rows[i].id, sep, fmt);
		fputc('\n', out);
	}
	return (long)f->n;
}
