/* sort.c: the orders of a concordance, shared by tagdex-query's --sort and
 * tagdex-serve's sort= so that both list the same hits in the same order:
 * by several keys (words of the match or its context, an element's
 * attribute, metadata), each ascending or descending, compared by Unicode
 * collation (ICU) or by bytes, ties in the order the hits came; and by
 * place (document id, then token), which does not depend on ingest history.
 * A hit's key is made once from its token ids, never from formatted lines,
 * and a word's collation key once per distinct word of a segment.
 *
 * ICU is loaded (dlopen) the first time a sort needs the collator, not
 * linked: mapping and relocating libicui18n, libicuuc and libstdc++ cost
 * every tagdex-query process about 5 ms of CPU before main, sorting or
 * not. The functions are found by their versioned names (ucol_open_72),
 * which the ICU headers' renaming macros give, so the library loaded is
 * the one the headers describe.
 */
#include "config.h"
#include "sort.h"
#include "vec.h"
#include "buf.h"
#include "error.h"
#include "article.h"
#include "context.h"
#include "filter.h"
#include "hits.h"
#include "kwic.h"
#include "index.h"
#include "tagdex.h"

#include <dlfcn.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/uvernum.h>

/* The ICU functions sort.c calls, resolved once by icu_load(). The names
 * below are macros of the ICU headers (ucol_open is ucol_open_72), so
 * STR() gives the symbol's real name and __typeof__ its prototype. */
#define STR2(x) #x
#define STR(x) STR2(x)
#define ICU_FUNCS(X)                                                           \
	X(ucol_open)                                                           \
	X(ucol_close)                                                          \
	X(ucol_setAttribute)                                                   \
	X(ucol_setStrength)                                                    \
	X(ucol_getSortKey)                                                     \
	X(u_strFromUTF8WithSub)                                                \
	X(u_errorName)
static struct {
#define X(f) __typeof__(f) *f;
	ICU_FUNCS(X)
#undef X
} icu;
static const char *icu_failed; /* why loading failed, or NULL */
static char icu_why[256];
static pthread_once_t icu_once = PTHREAD_ONCE_INIT;

static void icu_load_once(void)
{
	/* libicui18n brings libicuuc with it; dlsym on its handle searches
	 * both */
	static const char lib[] = "libicui18n.so." U_ICU_VERSION_SHORT;
	void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
	const char *e = h ? NULL : dlerror();
#define X(f)                                                                   \
	if (h && !e && !(icu.f = (__typeof__(f) *)dlsym(h, STR(f))))           \
		e = dlerror();
	ICU_FUNCS(X)
#undef X
	if (e) {
		snprintf(icu_why, sizeof icu_why, "%s", e);
		icu_failed = icu_why;
	}
}

/* 0, or TD_EIO with an error naming the library and what failed. */
static int icu_load(void)
{
	pthread_once(&icu_once, icu_load_once);
	if (icu_failed)
		return td_error(TD_EIO,
		        "Unicode collation needs ICU %s (libicui18n.so.%s): %s;"
		        " --collation bytes sorts without it",
		        U_ICU_VERSION, U_ICU_VERSION_SHORT, icu_failed);
	return 0;
}

enum {
	K_WORDS, /* the match's words in a layer */
	K_LEFT,  /* the left context, nearest word first */
	K_RIGHT,
	K_LEFTN, /* the word off tokens before the match */
	K_RIGHTN,
	K_ATTR, /* elem@attr of the innermost elem around the hit */
	K_DOC,
	K_DATE,
	K_YEAR,
	K_MONTH,
	K_GENRE,
	K_TITLE,
	K_FIELD /* header metadata attr */
};

typedef struct skey {
	int kind, layer, desc;
	uint32_t off;
	char *elem, *attr;
} skey;

struct tq_sort {
	skey *k;
	size_t nk, capk;
	int coll;
};

int tq_collation(const char *name)
{
	static const char *const names[] = {
	        "primary", "secondary", "tertiary", "bytes"};
	for (int i = 0; i < 4; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

void tq_sort_free(tq_sort *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nk; i++) {
		free(s->k[i].elem);
		free(s->k[i].attr);
	}
	free(s->k);
	free(s);
}

static int bad_key(const char *name)
{
	return td_error(TD_EUSAGE,
	        "expected sort keys match, norm, lemma, pos, left, right, "
	        "leftN, rightN (N 1-100), ELEMENT@ATTRIBUTE (q@who), doc, "
	        "date, year, month, genre, title or field:NAME, each with a "
	        "leading '-' for descending, not '%s'",
	        name);
}

static int parse_key(const char *s, size_t len, skey *k)
{
	memset(k, 0, sizeof *k);
	char *name = strndup(s, len);
	if (!name)
		return td_error(TD_ENOMEM, "out of memory");
	const char *n = name;
	int rc = 0;
	if (*n == '-') {
		k->desc = 1;
		n++;
	}
	static const struct {
		const char *n;
		int kind, layer;
	} fixed[] = {{"match", K_WORDS, TD_LAYER_WORD},
	        {"norm", K_WORDS, TD_LAYER_NORM},
	        {"lemma", K_WORDS, TD_LAYER_LEMMA},
	        {"pos", K_WORDS, TD_LAYER_POS}, {"left", K_LEFT, 0},
	        {"right", K_RIGHT, 0}, {"doc", K_DOC, 0}, {"date", K_DATE, 0},
	        {"year", K_YEAR, 0}, {"month", K_MONTH, 0},
	        {"genre", K_GENRE, 0}, {"title", K_TITLE, 0}};
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		if (!strcmp(n, fixed[i].n)) {
			k->kind = fixed[i].kind;
			k->layer = fixed[i].layer;
			goto out;
		}
	const char *at = strchr(n, '@');
	if (!strncmp(n, "field:", 6) && n[6]) {
		k->kind = K_FIELD;
		if (!(k->attr = strdup(n + 6)))
			rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	if (at && at > n && at[1] && !strchr(at + 1, '@')) {
		k->kind = K_ATTR;
		k->elem = strndup(n, (size_t)(at - n));
		k->attr = strdup(at + 1);
		if (!k->elem || !k->attr)
			rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	int left = !strncmp(n, "left", 4), right = !strncmp(n, "right", 5);
	if (left || right) {
		const char *d = n + (left ? 4 : 5);
		char *end = NULL;
		long v = *d >= '1' && *d <= '9' ? strtol(d, &end, 10) : 0;
		if (v >= 1 && v <= 100 && end && !*end) {
			k->kind = left ? K_LEFTN : K_RIGHTN;
			k->off = (uint32_t)v;
			goto out;
		}
	}
	rc = bad_key(name);
out:
	free(name);
	return rc;
}

int tq_sort_new(const char *spec, int collation, tq_sort **out)
{
	*out = NULL;
	if (collation < TQ_COLL_PRIMARY || collation > TQ_COLL_BYTES)
		return td_error(TD_EUSAGE, "no such collation");
	tq_sort *s = calloc(1, sizeof *s);
	if (!s)
		return td_error(TD_ENOMEM, "out of memory");
	s->coll = collation;
	for (const char *p = spec;;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (TD_VEC_RESERVE(s->k, s->nk, s->capk, 4)) {
			tq_sort_free(s);
			return td_error(TD_ENOMEM, "out of memory");
		}
		int rc = len ? parse_key(p, len, &s->k[s->nk]) : bad_key("");
		if (rc == 0)
			s->nk++;
		if (rc < 0) {
			tq_sort_free(s);
			return rc;
		}
		if (!e)
			break;
		p = e + 1;
	}
	*out = s;
	return 0;
}

/* ------------------------------------------------------------- keys */

/* a word's collation key: bytes [off, off + len) of the pool; len 0 until
 * made */
typedef struct wkey {
	uint32_t off, len;
} wkey;

typedef struct maker {
	const tq_sort *s;
	const tq_kwic_opts *kwic;
	UCollator *col;
	td_buf pool;   /* the words' keys */
	wkey **words;  /* [segno * TD_NLAYERS + layer][word id] */
	size_t nwords; /* entries of words */
	UChar *u;      /* a word in UTF-16 for the collator */
	size_t ucap;
	uint8_t *kb; /* its collation key */
	size_t kcap;
	td_buf keys;  /* the hits' keys, one after another */
	size_t *koff; /* hit i, key j: keys [koff[i*(nk+1)+j], ...[+1]) */
	/* the document of the last hit */
	td_seg *dseg;
	uint32_t ddoc;
	td_docinfo di;
	tq_ranges na;
} maker;

/* A buffer's capacity as ICU takes it */
static int32_t icu_cap(size_t cap)
{
	return cap > INT32_MAX ? INT32_MAX : (int32_t)cap;
}

/* Appends the collation key of UTF-8 text t (with its terminating 0, so
 * that keys written one after another compare as the sequence of them) to
 * b. Bytes: the text itself, which holds no 0. */
static int text_key(maker *m, const char *t, size_t tl, td_buf *b)
{
	if (m->s->coll == TQ_COLL_BYTES) {
		size_t n = strnlen(t, tl);
		int rc = td_buf_add(b, t, n);
		return rc < 0 ? rc : td_buf_add(b, "", 1);
	}
	UErrorCode err = U_ZERO_ERROR;
	int32_t ul = 0;
	for (;;) {
		err = U_ZERO_ERROR;
		icu.u_strFromUTF8WithSub(m->u, icu_cap(m->ucap), &ul, t,
		        (int32_t)tl, 0xfffd, NULL, &err);
		if (err != U_BUFFER_OVERFLOW_ERROR)
			break;
		if (TD_VEC_RESERVE_N(m->u, (size_t)ul + 1, m->ucap, 64))
			return td_error(TD_ENOMEM, "out of memory");
	}
	if (U_FAILURE(err))
		return td_error(TD_EIO,
		        "converting a word for the collator: %s",
		        icu.u_errorName(err));
	int32_t kl;
	while ((kl = icu.ucol_getSortKey(m->col, m->u, ul, m->kb,
	                icu_cap(m->kcap))) > icu_cap(m->kcap))
		if (TD_VEC_RESERVE_N(m->kb, (size_t)kl, m->kcap, 64))
			return td_error(TD_ENOMEM, "out of memory");
	if (kl <= 0)
		return td_error(TD_EIO, "the collator gave no key");
	return td_buf_add(b, m->kb, (size_t)kl);
}

/* Appends the key of token p's term in layer to the hit's key. */
static int word_key(maker *m, const tq_hit *h, int layer, uint32_t p)
{
	size_t slot = h->segno * TD_NLAYERS + (size_t)layer;
	if (slot >= m->nwords) { /* a slot's table is NULL until made */
		size_t old = m->nwords;
		if (TD_VEC_RESERVE_N(m->words, slot + 1, m->nwords, 8))
			return td_error(TD_ENOMEM, "out of memory");
		memset(m->words + old, 0, (m->nwords - old) * sizeof *m->words);
	}
	uint32_t id = td_seg_id_at(h->seg, layer, p);
	uint32_t nlex = td_seg_lex_size(h->seg, layer);
	if (!m->words[slot]) {
		if (!(m->words[slot] = calloc((size_t)nlex + 1, sizeof(wkey))))
			return td_error(TD_ENOMEM, "out of memory");
	}
	wkey *w = &m->words[slot][id < nlex ? id : nlex];
	if (!w->len) {
		size_t tl = 0, at = m->pool.n;
		const char *t = "";
		/* an id past the lexicon is damage, reported by the
		 * segment's check; a term not decoded is its error */
		if (id < nlex && !(t = td_seg_lex_term(h->seg, layer, id, &tl)))
			return td_seg_lex_term_err(h->seg);
		int rc = text_key(m, t, tl, &m->pool);
		if (rc < 0)
			return rc;
		if (m->pool.n - at > UINT32_MAX || m->pool.n > UINT32_MAX)
			return td_error(TD_ENOMEM, "sort keys over 4 GiB");
		w->off = (uint32_t)at;
		w->len = (uint32_t)(m->pool.n - at);
	}
	return td_buf_add(&m->keys, m->pool.s + w->off, w->len);
}

static int str_key(maker *m, const char *v)
{
	return v ? text_key(m, v, strlen(v), &m->keys) : 0;
}

/* One key of hit h into m->keys; nothing for a value that is missing, so
 * that it sorts first. */
static int key_of(maker *m, const skey *k, const tq_hit *h)
{
	const td_docinfo *di = &m->di;
	uint32_t a, b, dend = di->first_tok + di->ntok;
	int rc = 0;
	switch (k->kind) {
	case K_WORDS:
		for (uint32_t p = h->start; p < h->end && rc == 0; p++)
			rc = word_key(m, h, k->layer, p);
		return rc;
	case K_LEFT:
	case K_RIGHT:
		tq_line_range(h, m->kwic, di, &m->na, &a, &b);
		if (k->kind == K_LEFT) {
			for (uint32_t p = h->start; p > a && rc == 0; p--)
				if (!tq_ranges_has(&m->na, p - 1))
					rc = word_key(
					        m, h, TD_LAYER_WORD, p - 1);
		} else {
			for (uint32_t p = h->end; p < b && rc == 0; p++)
				if (!tq_ranges_has(&m->na, p))
					rc = word_key(m, h, TD_LAYER_WORD, p);
		}
		return rc;
	case K_LEFTN: /* within the document's article, as --freq leftN */
	case K_RIGHTN:
		if (tq_article_word(&m->na, di->first_tok, dend,
		            k->kind == K_LEFTN ? h->start : h->end - 1, k->off,
		            k->kind == K_RIGHTN, &a))
			return word_key(m, h, TD_LAYER_WORD, a);
		return 0;
	case K_ATTR: {
		const char *v;
		if ((rc = tq_attr_around(h, k->elem, k->attr, &v)) < 0)
			return rc;
		return str_key(m, v);
	}
	case K_DOC:
		return str_key(m, di->id);
	case K_DATE:
		return str_key(m, di->date);
	case K_YEAR:
	case K_MONTH: {
		size_t want = k->kind == K_YEAR ? 4 : 7;
		if (di->date && strlen(di->date) >= want)
			return text_key(m, di->date, want, &m->keys);
		return 0;
	}
	case K_GENRE:
		return str_key(m, di->genre);
	case K_TITLE:
		return str_key(m, di->title);
	default:
		return str_key(m, td_seg_doc_meta(h->seg, h->doc, k->attr));
	}
}

static int hit_keys(maker *m, const tq_hit *h, size_t *koff)
{
	int rc = 0;
	if (h->seg != m->dseg || h->doc != m->ddoc) {
		tq_filter f = {0};
		f.pullquotes = m->kwic->pullquotes;
		m->dseg = NULL;
		if ((rc = td_seg_doc(h->seg, h->doc, &m->di)) < 0 ||
		        (rc = tq_nonarticle(h->seg, m->di.first_tok,
		                 m->di.first_tok + m->di.ntok, &f, &m->na)) < 0)
			return rc;
		m->dseg = h->seg;
		m->ddoc = h->doc;
	}
	for (size_t j = 0; j < m->s->nk && rc == 0; j++) {
		koff[j] = m->keys.n;
		rc = key_of(m, &m->s->k[j], h);
	}
	koff[m->s->nk] = m->keys.n;
	return rc;
}

static int by_keys(const void *a, const void *b, void *arg)
{
	const maker *m = arg;
	size_t x = *(const size_t *)a, y = *(const size_t *)b, nk = m->s->nk;
	const size_t *kx = m->koff + x * (nk + 1), *ky = m->koff + y * (nk + 1);
	for (size_t j = 0; j < nk; j++) {
		size_t lx = kx[j + 1] - kx[j], ly = ky[j + 1] - ky[j];
		int c = memcmp(m->keys.s + kx[j], m->keys.s + ky[j],
		        lx < ly ? lx : ly);
		if (!c)
			c = (lx > ly) - (lx < ly);
		if (c)
			return m->s->k[j].desc ? -c : c;
	}
	return (x > y) - (x < y); /* stable: the order the hits came in */
}

/* A hit to sort: the first 8 bytes of its first key (big-endian, 0 after
 * its end), which decide most comparisons without reading the keys. Where
 * they differ, the keys compare as they do (a key that ends first is less,
 * and its padding is 0 as the least byte); where equal, by_keys decides. */
typedef struct item {
	uint64_t pre;
	size_t i;
} item;

static int by_items(const void *a, const void *b, void *arg)
{
	const maker *m = arg;
	const item *x = a, *y = b;
	if (x->pre != y->pre) {
		int c = x->pre < y->pre ? -1 : 1;
		return m->s->k[0].desc ? -c : c;
	}
	return by_keys(&x->i, &y->i, arg);
}

int tq_hits_sort(
        tq_hit *hits, size_t n, const tq_kwic_opts *kwic, const tq_sort *s)
{
	maker m = {0};
	m.s = s;
	m.kwic = kwic;
	int rc = td_buf_add(&m.keys, "", 0); /* never a NULL to compare */
	item *order = NULL;
	tq_hit *tmp = NULL;
	if (rc == 0 && s->coll != TQ_COLL_BYTES)
		rc = icu_load();
	if (rc == 0 && s->coll != TQ_COLL_BYTES) {
		UErrorCode err = U_ZERO_ERROR;
		m.col = icu.ucol_open("", &err); /* the root collation (CLDR) */
		if (U_SUCCESS(err))
			icu.ucol_setAttribute(
			        m.col, UCOL_NORMALIZATION_MODE, UCOL_ON, &err);
		if (U_SUCCESS(err))
			icu.ucol_setStrength(m.col,
			        s->coll == TQ_COLL_PRIMARY     ? UCOL_PRIMARY
			        : s->coll == TQ_COLL_SECONDARY ? UCOL_SECONDARY
			                                       : UCOL_TERTIARY);
		if (U_FAILURE(err))
			rc = td_error(err == U_MEMORY_ALLOCATION_ERROR
			                      ? TD_ENOMEM
			                      : TD_EIO,
			        "opening the ICU collator: %s",
			        icu.u_errorName(err));
	}
	if (rc == 0 &&
	        (!(m.koff = malloc((n * (s->nk + 1) + 1) * sizeof *m.koff)) ||
	                !(order = malloc((n + 1) * sizeof *order)) ||
	                !(tmp = malloc((n + 1) * sizeof *tmp))))
		rc = td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = hit_keys(&m, &hits[i], m.koff + i * (s->nk + 1));
	if (rc == 0 && (m.keys.oom || m.pool.oom))
		rc = td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++) {
		const size_t *k = m.koff + i * (s->nk + 1);
		const uint8_t *p = (const uint8_t *)m.keys.s + k[0];
		uint64_t pre = 0;
		for (size_t j = 0; j < 8; j++)
			pre = pre << 8 | (j < k[1] - k[0] ? p[j] : 0);
		order[i] = (item){pre, i};
	}
	if (rc == 0 && n) { /* n 0: hits may be NULL */
		qsort_r(order, n, sizeof *order, by_items, &m);
		for (size_t i = 0; i < n; i++)
			tmp[i] = hits[order[i].i];
		memcpy(hits, tmp, n * sizeof *hits);
	}
	if (m.col)
		icu.ucol_close(m.col);
	for (size_t i = 0; i < m.nwords; i++)
		free(m.words[i]);
	free(m.words);
	td_buf_clear(&m.pool);
	td_buf_clear(&m.keys);
	free(m.koff);
	free(m.u);
	free(m.kb);
	free(m.na.v);
	free(order);
	free(tmp);
	return rc;
}

/* Hits by document id, then token number in the document: an order that
 * does not depend on how the documents were ingested or merged. Hits come
 * document by document, so runs of one document are ordered by id and
 * kept together. */
typedef struct docrun {
	const char *id;
	size_t first, n;
} docrun;

static int by_run(const void *a, const void *b)
{
	const docrun *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->first > y->first) - (x->first < y->first);
}

static int by_start(const void *a, const void *b)
{
	const tq_hit *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

int tq_hits_by_place(tq_hit *v, size_t n)
{
	docrun *runs = NULL;
	size_t nr = 0, cap = 0;
	tq_hit *o = malloc((n + 1) * sizeof *o);
	int rc = o ? 0 : td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (i && v[i].seg == v[i - 1].seg && v[i].doc == v[i - 1].doc) {
			runs[nr - 1].n++;
			continue;
		}
		td_docinfo di;
		if ((rc = td_seg_doc(v[i].seg, v[i].doc, &di)) < 0)
			break;
		if (TD_VEC_RESERVE(runs, nr, cap, 64)) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		runs[nr++] = (docrun){di.id ? di.id : "", i, 1};
	}
	if (rc == 0) {
		qsort(runs, nr, sizeof *runs, by_run);
		size_t j = 0;
		for (size_t r = 0; r < nr; r++) {
			memcpy(o + j, v + runs[r].first, runs[r].n * sizeof *o);
			/* a split element's hit may start before the one
			 * reported ahead of it */
			qsort(o + j, runs[r].n, sizeof *o, by_start);
			j += runs[r].n;
		}
		memcpy(v, o, n * sizeof *v);
	}
	free(runs);
	free(o);
	return rc;
}
