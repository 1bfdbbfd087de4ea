/* segbuild.c: builds one segment in memory from documents and writes it as
 * an immutable file. Documents are tokenised here, or come with the
 * pipeline's tokens (td_tokenize is deterministic, so readers recompute
 * offsets instead of storing them);
 * lexicons are sorted bytewise at write time. The file is written whole,
 * fsync'd, and only then may a manifest name it. */
#include "config.h"
#include "docpool.h"
#include "idcode.h"
#include "job.h"
#include "postings.h"
#include "segbuild.h"
#include "segformat.h"
#include "segout.h"
#include "strtab.h"
#include "bits.h"
#include "hash.h"
#include "vec.h"
#include "buf.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct bspan {
	uint32_t name, start, end, attr_first, nattrs, seq, doc;
} bspan;

typedef struct bdoc {
	uint64_t text_off, kv_off;
	uint32_t text_len, first_tok, ntok, kv_n;
} bdoc;

struct td_segbuild {
	td_strtab words, norms, spstr, names, gaps;
	td_strtab lemmas, poss; /* lemma and pos layers: terms, and */
	uint32_t *lids, *pids;  /* per position their ids (cap_ids each) */
	uint32_t *wlast;        /* per word id the pos and lemma ids it had
	                         * last (UINT32_MAX: none): most tokens of a
	                         * word repeat them, and two short strcmp
	                         * are cheaper than two string-table puts */
	size_t cap_wlast;
	uint32_t *omap; /* per byte offset of the document's
	                 * td_toklayers its pos id ([2k]) and lemma
	                 * id ([2k + 1]), UINT32_MAX: not yet seen;
	                 * words.c stores each value once a
	                 * document, so most tokens find theirs
	                 * here without comparing a string */
	size_t cap_omap;
	uint32_t *w2n;
	size_t cap_w2n;
	uint64_t *hash; /* add_tokens': the words' hashes of a document
	                 * (as long as the longest document: not in
	                 * td_segbuild_bytes, which says where a batch
	                 * is cut) */
	size_t cap_hash;
	uint32_t *tid; /* add_terms': the word id of each distinct string
	                * of a document (not in td_segbuild_bytes either) */
	size_t cap_tid;
	uint32_t *ids;
	size_t nids, cap_ids;
	td_buf text; /* the documents' gaps (add_gaps) */
	td_buf kv;   /* the documents' fields (kv_add): key codes, offsets */
	td_buf pool; /* their strings (DOCPOOL), laid out by dpool */
	td_docpool dpool;
	bspan *spans;
	size_t nspans, cap_spans;
	uint32_t *attrs;
	size_t nattrs, cap_attrs;
	bdoc *docs;
	size_t ndocs, cap_docs;
	int full;      /* the last add did not fit (td_segbuild_full) */
	int no_layers; /* td_segbuild_drop_layers() */
	int threads;   /* td_segbuild_set_threads() */
};

void td_segbuild_drop_layers(td_segbuild *b)
{
	b->no_layers = 1;
}

void td_segbuild_set_threads(td_segbuild *b, int n)
{
	b->threads = n;
}

int td_segbuild_new(td_segbuild **out)
{
	td_segbuild *b = calloc(1, sizeof *b);
	if (!b)
		return td_error(TD_ENOMEM, "out of memory");
	td_strtab_init(&b->words);
	td_strtab_init(&b->norms);
	td_strtab_init(&b->spstr);
	td_strtab_init(&b->names);
	td_strtab_init(&b->gaps);
	td_strtab_init(&b->lemmas);
	td_strtab_init(&b->poss);
	td_docpool_init(&b->dpool);
	*out = b;
	return 0;
}

void td_segbuild_free(td_segbuild *b)
{
	if (!b)
		return;
	td_strtab_clear(&b->words);
	td_strtab_clear(&b->norms);
	td_strtab_clear(&b->spstr);
	td_strtab_clear(&b->names);
	td_strtab_clear(&b->gaps);
	td_strtab_clear(&b->lemmas);
	td_strtab_clear(&b->poss);
	free(b->lids);
	free(b->pids);
	free(b->wlast);
	free(b->omap);
	free(b->w2n);
	free(b->hash);
	free(b->tid);
	free(b->ids);
	td_buf_clear(&b->text);
	td_buf_clear(&b->kv);
	td_buf_clear(&b->pool);
	td_docpool_clear(&b->dpool);
	free(b->spans);
	free(b->attrs);
	free(b->docs);
	free(b);
}

uint32_t td_segbuild_ndocs(const td_segbuild *b)
{
	return (uint32_t)b->ndocs;
}
uint32_t td_segbuild_ntokens(const td_segbuild *b)
{
	return (uint32_t)b->nids;
}
int td_segbuild_full(const td_segbuild *b)
{
	return b->full;
}

static size_t strtab_bytes(const td_strtab *t)
{
	return t->cap + (size_t)t->cap_ids * (8 + 4) + (size_t)t->nslots * 4;
}

size_t td_segbuild_bytes(const td_segbuild *b)
{
	size_t n = sizeof *b + strtab_bytes(&b->words) +
	           strtab_bytes(&b->norms) + strtab_bytes(&b->spstr) +
	           strtab_bytes(&b->names) + strtab_bytes(&b->gaps) +
	           strtab_bytes(&b->lemmas) + strtab_bytes(&b->poss);
	n += b->cap_ids * 3 * 4 + b->cap_wlast * 4 + b->cap_omap * 4 +
	     b->cap_w2n * 4 + b->text.cap + b->kv.cap + b->pool.cap +
	     td_docpool_bytes(&b->dpool) + b->cap_spans * sizeof *b->spans +
	     b->cap_attrs * 4 + b->cap_docs * sizeof *b->docs;
	/* what writing it takes on top: a layer's positions by term (4 bytes
	 * a token) and its encoded postings (about 2) */
	return n + b->nids * 6;
}

/* Room for need elements in the array v of capacity cap, doubling from 64
 * (the builder's arrays): 0, or TD_ENOMEM recorded. */
#define GROW(v, cap, need)                                                     \
	(TD_VEC_RESERVE_N(v, need, cap, 64)                                    \
	                ? td_error(TD_ENOMEM, "out of memory")                 \
	                : 0)

#define MK_META(f, i) TD_MK_META, offsetof(td_meta, f), i
const td_metakey td_metakeys[TD_NMETAKEYS] = {
        {"id", TD_MK_ID, 0, offsetof(td_docinfo, id)},
        {"title", MK_META(title, offsetof(td_docinfo, title))},
        {"date", MK_META(date, offsetof(td_docinfo, date))},
        {"genre", MK_META(genre, offsetof(td_docinfo, genre))},
        {"source", TD_MK_SOURCE, 0, offsetof(td_docinfo, source)},
        {"sha256", TD_MK_SHA256, 0, offsetof(td_docinfo, sha256)},
        {"subtitle", MK_META(subtitle, TD_MK_NOINFO)},
        {"reading_time", MK_META(reading_time, TD_MK_NOINFO)},
        {"author", MK_META(author, TD_MK_NOINFO)},
        {"url", MK_META(url, TD_MK_NOINFO)},
        {"source_name", MK_META(source_name, TD_MK_NOINFO)},
        {"source_sha256", MK_META(source_sha256, TD_MK_NOINFO)},
        {"extraction", MK_META(extraction, TD_MK_NOINFO)},
};

const td_metakey *td_metakey_find(const char *k)
{
	/* the table's own string first (td_seg_each_kv passes those), then
	 * the first byte: every document's metadata is looked up pair by pair
	 * (td_seg_doc) */
	for (size_t i = 0; i < TD_NMETAKEYS; i++)
		if (td_metakeys[i].key == k)
			return &td_metakeys[i];
	for (size_t i = 0; i < TD_NMETAKEYS; i++)
		if (td_metakeys[i].key[0] == k[0] &&
		        !strcmp(td_metakeys[i].key, k))
			return &td_metakeys[i];
	return NULL;
}

/* The pair (key code, value) of document d: its code and the value's
 * DOCPOOL offset in kv, the value in the pool unless it is there already
 * (td_docpool_put). */
static int kv_add(td_segbuild *b, bdoc *d, unsigned key, const char *v)
{
	int rc, add;
	uint64_t off;
	uint8_t code = (uint8_t)key;
	if (!v)
		return 0;
	size_t len = strlen(v);
	if ((rc = td_docpool_put(&b->dpool, key, v, len, &off, &add)) ||
	        (add && (rc = td_buf_add(&b->pool, v, len + 1))) ||
	        (rc = td_buf_add(&b->kv, &code, 1)) ||
	        (rc = td_buf_varint(&b->kv, off)))
		return rc;
	d->kv_n++;
	return 0;
}

/* first token whose start >= off */
static uint32_t tok_lower(const td_tokens *t, size_t off)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->v[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

/* How many tokens ahead add_tokens and add_layers start bringing what a
 * token's table lookups read into the cache (td_strtab_prefetch). */
enum { AHEAD = 16 };

/* Token i's pos and lemma ids are in b->omap (add_layers). */
static inline int omap_has(
        const td_segbuild *b, const td_toklayers *l, size_t i)
{
	return b->omap[2 * (size_t)l->off[2 * i]] != UINT32_MAX &&
	       b->omap[2 * (size_t)l->off[2 * i + 1] + 1] != UINT32_MAX;
}

/* The lemma and pos of every token: the document's own layers, else its
 * <w pos lemma> spans, else "". */
static int add_layers(td_segbuild *b, const td_doc *doc, const td_tokens *t)
{
	const td_toklayers *l = doc->layers;
	if (l && l->n != t->n)
		return td_error(TD_EUSAGE,
		        "%s: %zu tagged tokens, %zu in the text",
		        doc->id ? doc->id : "document", l->n, t->n);
	const char **pos = NULL, **lemma = NULL;
	if (!l) {
		pos = malloc((t->n + 1) * sizeof *pos);
		lemma = malloc((t->n + 1) * sizeof *lemma);
		if (!pos || !lemma) {
			free(pos);
			free(lemma);
			return td_error(TD_ENOMEM, "out of memory");
		}
		td_doc_w_layers(doc, t, pos, lemma);
	}
	int rc = 0;
	size_t base = b->nids - t->n, need = 2 * (size_t)b->words.n;
	size_t had = b->cap_wlast; /* new room in wlast is "none yet" */
	if (TD_VEC_RESERVE_N(b->wlast, need, b->cap_wlast, 1024))
		rc = td_error(TD_ENOMEM, "out of memory");
	else if (b->cap_wlast > had)
		memset(b->wlast + had, 0xff,
		        (b->cap_wlast - had) * sizeof *b->wlast);
	if (!rc && l &&
	        TD_VEC_RESERVE_N(b->omap, 2 * l->len, b->cap_omap, 4096))
		rc = td_error(TD_ENOMEM, "out of memory");
	if (!rc && l)
		memset(b->omap, 0xff, 2 * l->len * sizeof *b->omap);
	for (size_t i = 0; i < t->n && !rc; i++) {
		uint32_t *om = NULL;
		/* the word's last pos and lemma ids, and that lemma's bytes,
		 * into the cache ahead (a table by word id: megabytes), for a
		 * token whose values the document has not had yet: the others
		 * find their ids in omap, and the address of a lemma's bytes
		 * is itself a load from a table of megabytes */
		if (i + AHEAD < t->n && (!l || !omap_has(b, l, i + AHEAD)))
			__builtin_prefetch(
			        b->wlast +
			        2 * (size_t)b->ids[base + i + AHEAD]);
		if (i + AHEAD / 2 < t->n &&
		        (!l || !omap_has(b, l, i + AHEAD / 2))) {
			uint32_t lm = b->wlast[2 * (size_t)b->ids[base + i +
			                                          AHEAD / 2] +
			                       1];
			if (lm != UINT32_MAX)
				__builtin_prefetch(
				        td_strtab_str(&b->lemmas, lm));
		}
		if (l) {
			uint32_t *op = b->omap + 2 * (size_t)l->off[2 * i],
			         *ol = b->omap + 2 * (size_t)l->off[2 * i + 1] +
			               1;
			if (*op != UINT32_MAX && *ol != UINT32_MAX) {
				b->pids[base + i] = *op;
				b->lids[base + i] = *ol;
				continue;
			}
			om = op;
		}
		const char *p = l        ? td_toklayers_pos(l, i)
		                : pos[i] ? pos[i]
		                         : "";
		const char *m = l          ? td_toklayers_lemma(l, i)
		                : lemma[i] ? lemma[i]
		                           : "";
		uint32_t *last = b->wlast + 2 * (size_t)b->ids[base + i];
		if (last[0] != UINT32_MAX &&
		        !strcmp(td_strtab_str(&b->poss, last[0]), p))
			b->pids[base + i] = last[0];
		else if (!(rc = td_strtab_put(&b->poss, p, strlen(p),
		                   &b->pids[base + i], NULL)))
			last[0] = b->pids[base + i];
		if (rc)
			break;
		if (last[1] != UINT32_MAX &&
		        !strcmp(td_strtab_str(&b->lemmas, last[1]), m))
			b->lids[base + i] = last[1];
		else if (!(rc = td_strtab_put(&b->lemmas, m, strlen(m),
		                   &b->lids[base + i], NULL)))
			last[1] = b->lids[base + i];
		if (!rc && om) {
			*om = b->pids[base + i];
			b->omap[2 * (size_t)l->off[2 * i + 1] + 1] =
			        b->lids[base + i];
		}
	}
	free(pos);
	free(lemma);
	return rc;
}

/* The word id of w[0, wl) (hash h), its norm added with it if new. */
static int put_word(
        td_segbuild *b, const char *w, size_t wl, uint64_t h, uint32_t *wid)
{
	int added, rc;
	if ((rc = td_strtab_put_h(&b->words, w, wl, h, wid, &added)) || !added)
		return rc;
	char *n;
	size_t nl;
	uint32_t nid;
	if ((rc = td_normalize(w, wl, &n, &nl)))
		return rc;
	rc = td_strtab_put(&b->norms, n, nl, &nid, NULL);
	free(n);
	if (rc || (rc = GROW(b->w2n, b->cap_w2n, *wid + 1)))
		return rc;
	b->w2n[*wid] = nid;
	return 0;
}

/* The words of a document whose distinct strings the tagging thread has
 * found (td_doc_terms): each is looked up once, in the order of its first
 * token, so that new words get the ids a token at a time gives them. */
static int add_terms(td_segbuild *b, const td_doc *doc, const td_tokens *t,
        const td_tokterms *tt)
{
	int rc;
	if (TD_VEC_RESERVE_N(b->tid, tt->nterms, b->cap_tid, 1024))
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t u = 0; u < tt->nterms; u++) {
		const td_token *f = &t->v[tt->first[u]];
		if (u + AHEAD < tt->nterms)
			td_strtab_prefetch(&b->words, tt->hash[u + AHEAD], 0);
		if (u + AHEAD / 2 < tt->nterms)
			td_strtab_prefetch(
			        &b->words, tt->hash[u + AHEAD / 2], 1);
		if (u + AHEAD / 4 < tt->nterms)
			td_strtab_prefetch(
			        &b->words, tt->hash[u + AHEAD / 4], 2);
		if ((rc = put_word(b, doc->text + f->start, f->end - f->start,
		             tt->hash[u], &b->tid[u])))
			return rc;
	}
	uint32_t *ids = b->ids + b->nids;
	for (size_t i = 0; i < t->n; i++)
		ids[i] = b->tid[tt->tok[i]];
	b->nids += t->n;
	return 0;
}

static int add_tokens(td_segbuild *b, const td_doc *doc, const td_tokens *t)
{
	int rc;
	/* ids, lids and pids share cap_ids: the last grows it */
	size_t need = b->nids + t->n, cl = b->cap_ids, cp = b->cap_ids;
	if (TD_VEC_RESERVE_N(b->lids, need, cl, 64) ||
	        TD_VEC_RESERVE_N(b->pids, need, cp, 64) ||
	        TD_VEC_RESERVE_N(b->ids, need, b->cap_ids, 64))
		return td_error(TD_ENOMEM, "out of memory");
	if (doc->terms && doc->tokens && doc->terms->n == t->n)
		return add_terms(b, doc, t, doc->terms);
	if (TD_VEC_RESERVE_N(b->hash, t->n, b->cap_hash, 1024))
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < t->n; i++)
		b->hash[i] = td_strtab_hash(
		        doc->text + t->v[i].start, t->v[i].end - t->v[i].start);
	for (size_t i = 0; i < t->n; i++) {
		const char *w = doc->text + t->v[i].start;
		size_t wl = t->v[i].end - t->v[i].start;
		uint32_t wid;
		/* the puts AHEAD, AHEAD / 2 and AHEAD / 4 tokens on find
		 * their slot, entry and bytes in the cache */
		if (i + AHEAD < t->n)
			td_strtab_prefetch(&b->words, b->hash[i + AHEAD], 0);
		if (i + AHEAD / 2 < t->n)
			td_strtab_prefetch(
			        &b->words, b->hash[i + AHEAD / 2], 1);
		if (i + AHEAD / 4 < t->n)
			td_strtab_prefetch(
			        &b->words, b->hash[i + AHEAD / 4], 2);
		if ((rc = put_word(b, w, wl, b->hash[i], &wid)))
			return rc;
		b->ids[b->nids++] = wid;
	}
	return 0;
}

/* Milestones: TEI's empty elements that mark where a page, a column, a
 * gathering or a section of a reference system begins (pb, cb, gb,
 * milestone). lb is not one: it marks every line. */
static int is_milestone(const char *name)
{
	return !strcmp(name, "pb") || !strcmp(name, "cb") ||
	       !strcmp(name, "gb") || !strcmp(name, "milestone");
}

static int str_cmp0(const char *a, const char *b)
{
	return a == b ? 0 : !a ? -1 : !b ? 1 : strcmp(a, b);
}

/* The order of the milestones: by name, @unit and @ed (a milestone ends
 * only at the next one of its kind), then position, empty first, then
 * document order. */
static int ms_cmp(const void *x, const void *y, void *ctx)
{
	const td_doc *doc = ctx;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	const td_span *a = &doc->spans[i], *b = &doc->spans[j];
	int c = strcmp(a->name, b->name);
	if (!c)
		c = str_cmp0(td_span_attr(a, "unit"), td_span_attr(b, "unit"));
	if (!c)
		c = str_cmp0(td_span_attr(a, "ed"), td_span_attr(b, "ed"));
	if (c)
		return c;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if ((a->start == a->end) != (b->start == b->end))
		return a->start == a->end ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* CWB's reading of a TEI milestone: an empty pb, cb, gb or milestone
 * stands for the region from its position to the next one of the same
 * name, @unit and @ed in the document (the end of the text for the last),
 * with its attributes. *ends gets every span's end byte (NULL: no
 * milestone, the spans' own ends). Two at one position: the earlier in
 * document order stays empty (a blank page). A milestone with content
 * (not TEI) keeps its range and still ends the one before it. */
static int milestone_ends(const td_doc *doc, size_t **ends)
{
	size_t n = 0, *ix, *e;
	*ends = NULL;
	for (size_t i = 0; i < doc->n_spans; i++)
		n += is_milestone(doc->spans[i].name);
	if (!n)
		return 0;
	ix = malloc(n * sizeof *ix);
	e = malloc(doc->n_spans * sizeof *e);
	if (!ix || !e) {
		free(ix);
		free(e);
		return td_error(TD_ENOMEM, "out of memory");
	}
	n = 0;
	for (size_t i = 0; i < doc->n_spans; i++) {
		e[i] = doc->spans[i].end;
		if (is_milestone(doc->spans[i].name))
			ix[n++] = i;
	}
	qsort_r(ix, n, sizeof *ix, ms_cmp, (void *)doc);
	for (size_t k = 0; k < n; k++) {
		const td_span *sp = &doc->spans[ix[k]];
		if (sp->start != sp->end)
			continue;
		int last =
		        k + 1 == n ||
		        strcmp(sp->name, doc->spans[ix[k + 1]].name) ||
		        str_cmp0(td_span_attr(sp, "unit"),
		                td_span_attr(&doc->spans[ix[k + 1]], "unit")) ||
		        str_cmp0(td_span_attr(sp, "ed"),
		                td_span_attr(&doc->spans[ix[k + 1]], "ed"));
		e[ix[k]] = last ? doc->len : doc->spans[ix[k + 1]].start;
	}
	free(ix);
	*ends = e;
	return 0;
}

/* A document's element and attribute names, by address: most point into
 * doc.c's table of fixed names (td_span_name), and every span holds its
 * names while the document is added, so that one address is one string
 * within a document (not across documents: a name of its own is freed
 * with its document, and its address may come back with other bytes). */
enum { NAME_MEMO = 32 };
typedef struct {
	const char *s[NAME_MEMO];
	uint32_t id[NAME_MEMO];
} name_memo;

/* The id in t of the NUL-terminated name s, from memo when its address
 * was put before in this document (the same id: t's ids never change). */
static int put_name(td_strtab *t, name_memo *m, const char *s, uint32_t *id)
{
	size_t k = (size_t)(((uintptr_t)s * 0x9e3779b97f4a7c15ull) >> 59);
	if (m->s[k] == s) {
		*id = m->id[k];
		return 0;
	}
	int rc = td_strtab_put(t, s, strlen(s), id, NULL);
	if (!rc) {
		m->s[k] = s;
		m->id[k] = *id;
	}
	return rc;
}

static int add_spans(td_segbuild *b, const td_doc *doc, const td_tokens *t,
        uint32_t first_tok)
{
	int rc;
	size_t idl = doc->id ? strlen(doc->id) : 0, *ends;
	name_memo nm = {0}, am = {0}; /* element names, attribute names */
	if ((rc = GROW(b->spans, b->cap_spans, b->nspans + doc->n_spans)) ||
	        (rc = milestone_ends(doc, &ends)))
		return rc;
	for (size_t i = 0; i < doc->n_spans; i++) {
		const td_span *sp = &doc->spans[i];
		bspan *o = &b->spans[b->nspans];
		uint32_t id;
		if ((rc = put_name(&b->names, &nm, sp->name, &o->name)))
			goto out;
		uint32_t s = tok_lower(t, sp->start),
		         e = tok_lower(t, ends ? ends[i] : sp->end);
		if (e < s)
			e = s;
		o->start = first_tok + s;
		o->end = first_tok + e;
		o->seq = (uint32_t)b->nspans;
		o->doc = (uint32_t)b->ndocs;
		o->attr_first = (uint32_t)(b->nattrs / 2);
		o->nattrs = sp->n_attrs;
		if ((rc = GROW(b->attrs, b->cap_attrs,
		             b->nattrs + 2 * (size_t)sp->n_attrs)))
			goto out;
		for (uint32_t j = 0; j < sp->n_attrs; j++) {
			const td_attr *a = &sp->attrs[j];
			if ((rc = put_name(&b->spstr, &am, a->name, &id)))
				goto out;
			b->attrs[b->nattrs++] = id;
			/* values made of the document id and a suffix (xml:id
			 * "DOC-s12", pointers "#DOC-q3") store the suffix
			 * only */
			const char *v = a->value;
			uint32_t kind = 0;
			if (idl && !strncmp(v, doc->id, idl)) {
				kind = TD_SPV_DOCID;
				v += idl;
			} else if (idl && v[0] == '#' &&
			           !strncmp(v + 1, doc->id, idl)) {
				kind = TD_SPV_HASHDOCID;
				v += idl + 1;
			}
			if ((rc = td_strtab_put(
			             &b->spstr, v, strlen(v), &id, NULL)))
				goto out;
			if (id > TD_SPV_MASK) {
				rc = td_error(TD_ELIMIT,
				        "too many distinct attribute values");
				goto out;
			}
			b->attrs[b->nattrs++] = id | kind << TD_SPV_SHIFT;
		}
		b->nspans++;
	}
out:
	free(ends);
	return rc;
}

/* The text is not stored: it is the word terms at the document's positions
 * with the bytes between them (gaps). Appends the gaps of doc to b->text:
 * 2 bits per gap (TD_GAP_*), then for each TD_GAP_OTHER the GSTR offset and
 * length of its bytes as varints. */
static int add_gaps(td_segbuild *b, const td_doc *doc, const td_tokens *t)
{
	int rc;
	size_t ncodes = (t->n + 1 + 3) / 4, base = b->text.n;
	if ((rc = td_buf_fill(&b->text, 0, ncodes)))
		return rc;
	for (size_t i = 0; i <= t->n; i++) {
		size_t a = i ? t->v[i - 1].end : 0;
		size_t e = i < t->n ? t->v[i].start : doc->len;
		const char *g = doc->text + a;
		size_t gl = e - a;
		uint32_t code = TD_GAP_OTHER, id;
		if (gl == 0)
			code = TD_GAP_NONE;
		else if (gl == 1 && g[0] == ' ')
			code = TD_GAP_SPACE;
		else if (gl == 2 && g[0] == '\n' && g[1] == '\n')
			code = TD_GAP_PARA;
		/* b->text.s moves as the varints grow it */
		((uint8_t *)b->text.s)[base + i / 4] |=
		        (uint8_t)(code << (i % 4 * 2));
		if (code != TD_GAP_OTHER)
			continue;
		if ((rc = td_strtab_put(&b->gaps, g, gl, &id, NULL)) ||
		        (rc = td_buf_varint(&b->text, b->gaps.off[id])) ||
		        (rc = td_buf_varint(&b->text, gl)))
			return rc;
	}
	return 0;
}

int td_segbuild_add(td_segbuild *b, const td_doc *doc, const char *source,
        const char *sha256)
{
	int rc;
	td_tokens t = {0};
	b->full = 0;
	if (b->ndocs >= UINT32_MAX - 1 ||
	        b->text.n + doc->len > UINT32_MAX * 16ull)
		return td_error(TD_ELIMIT, "segment too large");
	/* the pipeline's tokens when it kept them (the same td_tokenize) */
	if (doc->tokens)
		t = *doc->tokens;
	else if ((rc = td_tokenize(doc->text, doc->len, 0, &t)))
		return rc;
	if (b->nids + t.n > TD_SEG_MAX_TOKENS) {
		if (!doc->tokens)
			td_tokens_clear(&t);
		/* b is as before: a new segment takes the document */
		b->full = 1;
		return td_error(TD_ELIMIT,
		        "%s: %zu tokens, more than a segment "
		        "holds (%llu)",
		        doc->id ? doc->id : "document", t.n,
		        (unsigned long long)TD_SEG_MAX_TOKENS);
	}
	if ((rc = GROW(b->docs, b->cap_docs, b->ndocs + 1)))
		goto out;
	bdoc *d = &b->docs[b->ndocs];
	memset(d, 0, sizeof *d);
	d->text_off = b->text.n;
	d->text_len = (uint32_t)doc->len;
	d->first_tok = (uint32_t)b->nids;
	d->ntok = (uint32_t)t.n;
	d->kv_off = b->kv.n;
	td_docpool_doc(&b->dpool);
	for (size_t i = 0; i < TD_NMETAKEYS && !rc; i++) {
		const td_metakey *mk = &td_metakeys[i];
		const char *v =
		        mk->kind == TD_MK_ID       ? doc->id
		        : mk->kind == TD_MK_SOURCE ? source
		        : mk->kind == TD_MK_SHA256
		                ? sha256
		                : *(char *const *)((const char *)&doc->meta +
		                                   mk->meta);
		rc = kv_add(b, d, (unsigned)i, v);
	}
	if (rc)
		goto out;
	for (size_t i = 0; i < doc->n_actors; i++) {
		const td_actor *a = &doc->actors[i];
		/* key TAB kind TAB name, joined by hand: snprintf cost a
		 * thousand instructions an actor on the one adding thread */
		size_t lk = strlen(a->key), lt = strlen(a->kind),
		       ln = strlen(a->name);
		char *v = malloc(lk + lt + ln + 3);
		if (!v) {
			rc = td_error(TD_ENOMEM, "out of memory");
			goto out;
		}
		memcpy(v, a->key, lk);
		v[lk] = '\t';
		memcpy(v + lk + 1, a->kind, lt);
		v[lk + 1 + lt] = '\t';
		memcpy(v + lk + lt + 2, a->name, ln + 1);
		rc = kv_add(b, d, TD_KV_ACTOR, v);
		free(v);
		if (rc)
			goto out;
	}
	if ((rc = add_gaps(b, doc, &t)) || (rc = add_tokens(b, doc, &t)) ||
	        (!b->no_layers && (rc = add_layers(b, doc, &t))) ||
	        (rc = add_spans(b, doc, &t, d->first_tok)))
		goto out;
	b->ndocs++;
out:
	if (!doc->tokens)
		td_tokens_clear(&t);
	return rc;
}

/* ------------------------------------------------------------ writing */

static int cmp_str(const void *a, const void *b, void *ctx)
{
	const td_strtab *t = ctx;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	size_t lx = t->slen[x], ly = t->slen[y];
	int c = memcmp(
	        td_strtab_str(t, x), td_strtab_str(t, y), lx < ly ? lx : ly);
	if (c)
		return c;
	return lx < ly ? -1 : lx > ly;
}

/* A string to sort: its first 8 bytes as a big-endian number (zeros past
 * its end) and its id. Two strings whose keys differ are in the order of
 * their keys: they differ first at a byte of the key, where either both
 * have a byte or the shorter has ended (its zero is below the other's
 * byte, which is not zero since they differ), the shorter one first as
 * cmp_str has it. Equal keys are compared whole. Most comparisons end at
 * the key, without reading the strings (megabytes, spread over the table's
 * buffer: a cache miss each). */
typedef struct skey {
	uint64_t key;
	uint32_t id;
} skey;

static int cmp_skey(const void *a, const void *b, void *ctx)
{
	const skey *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return cmp_str(&x->id, &y->id, ctx);
}

/* Sorts k[0, n) by key (tmp: room for n), a byte of the key a pass from
 * the lowest (stable), skipping a byte all keys share (the low bytes of
 * short strings): a few passes over the array instead of the n log n
 * indirect calls of a comparison sort. */
static void radix_skeys(skey *k, skey *tmp, size_t n)
{
	for (unsigned sh = 0; sh < 64; sh += 8) {
		size_t cnt[256] = {0}, sum = 0;
		for (size_t i = 0; i < n; i++)
			cnt[k[i].key >> sh & 255]++;
		if (cnt[k[0].key >> sh & 255] == n)
			continue;
		for (unsigned d = 0; d < 256; d++) {
			size_t c = cnt[d];
			cnt[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			tmp[cnt[k[i].key >> sh & 255]++] = k[i];
		memcpy(k, tmp, n * sizeof *k);
	}
}

/* order[new] = old and rank[old] = new for the bytewise order of t. */
static int sort_tab(const td_strtab *t, uint32_t **order, uint32_t **rank)
{
	/* the orders after the sort's room is given back (a segment's
	 * words: up to millions) */
	skey *k = malloc(((size_t)t->n + 1) * sizeof *k);
	skey *tmp = malloc(((size_t)t->n + 1) * sizeof *tmp);
	if (!k || !tmp) {
		free(k);
		free(tmp);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (uint32_t i = 0; i < t->n; i++) {
		const unsigned char *p =
		        (const unsigned char *)td_strtab_str(t, i);
		uint32_t l = t->slen[i] < 8 ? t->slen[i] : 8;
		uint64_t v = 0;
		for (uint32_t j = 0; j < 8; j++)
			v = v << 8 | (j < l ? p[j] : 0);
		k[i] = (skey){v, i};
	}
	if (t->n)
		radix_skeys(k, tmp, t->n);
	free(tmp);
	/* the strings of one key (the same first 8 bytes), whole */
	for (uint32_t i = 0, e; i < t->n; i = e) {
		for (e = i + 1; e < t->n && k[e].key == k[i].key; e++)
			;
		if (e - i > 1)
			qsort_r(k + i, e - i, sizeof *k, cmp_skey, (void *)t);
	}
	*order = malloc(((size_t)t->n + 1) * 4);
	*rank = malloc(((size_t)t->n + 1) * 4);
	if (!*order || !*rank) {
		free(k);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (uint32_t i = 0; i < t->n; i++) {
		(*order)[i] = k[i].id;
		(*rank)[k[i].id] = i;
	}
	free(k);
	return 0;
}

static int cmp_span(const void *a, const void *b)
{
	const bspan *x = a, *y = b;
	if (x->name != y->name)
		return x->name < y->name ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* What write_all sorts besides the words, in two parts: the norms, the
 * lemmas and the parts of speech (unless the segment has no layers),
 * needed once the words are written; then the span names and the spans
 * by name rank (cmp_span), needed last. With b->threads > 1 each part is
 * sorted on a thread of its own while the calling thread writes the
 * sections before the part's first: a run's last segment is written after
 * the tagging, when the other cores are idle. */
typedef struct presort {
	td_segbuild *b;
	uint32_t *norder, *nrank; /* the norms' */
	uint32_t *ord[2],
	        *rk[2]; /* the lemmas' [0], the parts of speech' [1] */
	uint32_t *sorder, *srank; /* the span names' */
	int part;                 /* being sorted: 0 or 1 */
	td_job job;
} presort;

static int presort_run(void *arg)
{
	presort *ps = arg;
	td_segbuild *b = ps->b;
	int rc = 0;
	if (ps->part == 0) {
		rc = sort_tab(&b->norms, &ps->norder, &ps->nrank);
		for (int l = 0; l < 2 && !rc && !b->no_layers; l++)
			rc = sort_tab(l ? &b->poss : &b->lemmas, &ps->ord[l],
			        &ps->rk[l]);
	} else if (!(rc = sort_tab(&b->names, &ps->sorder, &ps->srank))) {
		for (size_t i = 0; i < b->nspans; i++)
			b->spans[i].name = ps->srank[b->spans[i].name];
		if (b->nspans > 1)
			qsort(b->spans, b->nspans, sizeof *b->spans, cmp_span);
	}
	return rc;
}

static void presort_start(presort *ps, int part)
{
	ps->part = part;
	td_job_start(&ps->job, presort_run, ps, ps->b->threads > 1);
}

/* Waits for the thread and frees the orders write_all did not take. */
static void presort_clear(presort *ps)
{
	td_job_wait(&ps->job);
	free(ps->norder);
	free(ps->nrank);
	free(ps->sorder);
	free(ps->srank);
	for (int l = 0; l < 2; l++) {
		free(ps->ord[l]);
		free(ps->rk[l]);
	}
}

/* The term of position p is map[pos_id[p]] (map NULL: pos_id[p]).
 * share (norm and lemma layers, else NULL): per term (by rank) the
 * TD_POST_SHARED flags of the term of a layer below whose postings are
 * the same (td_post_share), TD_POST_UNION for a union of the words
 * umem[ustart[rank], ustart[rank + 1]) (word ranks, ascending), or 0: its
 * own postings. */
/* A layer's lexicon entries, strings (LSTR) and postings, built in memory
 * (layer_build, which touches neither the file nor the header) before
 * they are written (layer_emit): so the pos and lemma layers can be built
 * on a thread of their own while the calling thread builds and writes the
 * norms (write_all), and the bytes are those of one thread. */
typedef struct lbuilt {
	td_seglex *lex;
	uint32_t n;
	td_buf pb, sb; /* postings, LSTR */
} lbuilt;

static void lbuilt_clear(lbuilt *x)
{
	free(x->lex);
	x->lex = NULL;
	td_buf_clear(&x->pb);
	td_buf_clear(&x->sb);
}

static int layer_build(uint32_t ntokens, const td_strtab *t,
        const uint32_t *order, const uint32_t *rank, const uint32_t *pos_id,
        const uint32_t *map, int layer, const uint64_t *share,
        const uint32_t *ustart, const uint32_t *umem, lbuilt *x)
{
	int rc = 0;
	uint32_t n = t->n;
	uint32_t *freq = calloc((size_t)n + 1, 4);
	uint64_t *start = calloc((size_t)n + 1, 8);
	uint32_t *P = malloc(((size_t)ntokens + 1) * 4);
	td_buf pb = {0}, sb = {0}; /* postings, LSTR */
	td_lstrenc le = {0};
	td_seglex *lex = calloc((size_t)n + 1, sizeof *lex);
	if (!freq || !start || !P || !lex) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	for (uint32_t p = 0; p < ntokens; p++)
		freq[rank[map ? map[pos_id[p]] : pos_id[p]]]++;
	for (uint32_t i = 1; i <= n; i++)
		start[i] = start[i - 1] + freq[i - 1];
	for (uint32_t p = 0; p < ntokens; p++)
		P[start[rank[map ? map[pos_id[p]] : pos_id[p]]]++] = p;
	for (uint32_t i = 0; i < n; i++) {
		uint64_t s0 = start[i] - freq[i];
		size_t tl = t->slen[order[i]], el;
		if (sb.n > TD_LSTR_MAX - tl - 1) {
			rc = td_error(TD_ELIMIT, "segment lexicon too large");
			goto out;
		}
		lex[i].str_off = (uint32_t)sb.n;
		/* its front-coded entry (format 19) */
		if ((rc = td_buf_reserve(&sb, tl + 1)))
			goto out;
		if (!(el = td_lstrenc_put(&le, td_strtab_str(t, order[i]), tl,
		              (uint8_t *)sb.s + sb.n))) {
			rc = TD_ENOMEM;
			goto out;
		}
		sb.n += el;
		lex[i].freq = freq[i];
		if (pb.n > TD_POST_OFF_MASK) {
			rc = td_error(TD_ELIMIT, "segment postings too large");
			goto out;
		}
		lex[i].post_off = pb.n;
		if (share && share[i] == TD_POST_UNION) {
			lex[i].post_off |= TD_POST_UNION;
			if ((rc = td_union_encode(umem + ustart[i],
			             ustart[i + 1] - ustart[i], &pb)))
				goto out;
			continue;
		}
		if (share && share[i]) {
			lex[i].post_off |= share[i];
			continue;
		}
		if (layer == TD_LAYER_POS &&
		        (uint64_t)freq[i] * TD_POS_SCAN_RATIO > ntokens) {
			lex[i].post_off |= TD_POST_SCAN;
			continue;
		}
		if ((rc = td_postings_encode(P + s0, freq[i], &pb)))
			goto out;
	}
	*x = (lbuilt){lex, n, pb, sb};
	lex = NULL;
	memset(&pb, 0, sizeof pb);
	memset(&sb, 0, sizeof sb);
out:
	free(freq);
	free(start);
	free(P);
	td_buf_clear(&pb);
	td_buf_clear(&sb);
	td_lstrenc_clear(&le);
	free(lex);
	return rc;
}

/* Writes what layer_build made of the layer's terms, and frees it. */
static int layer_emit(td_out *o, td_seghdr *h, int layer, lbuilt *x)
{
	td_lexout lx;
	int rc = td_lexout_begin(o, h, &lx, td_sec_lex(layer));
	for (uint32_t i = 0; i < x->n && !rc; i++)
		rc = td_lexout_put(o, h, &lx, &x->lex[i]);
	if (!rc)
		rc = td_lexout_end(o, h, &lx);
	td_lexout_clear(&lx);
	if (!rc)
		rc = td_out_section(o, h, td_sec_lstr(layer),
		        x->sb.s ? x->sb.s : "", x->sb.n);
	if (!rc)
		rc = td_out_section(o, h, td_sec_post(layer), x->pb.s, x->pb.n);
	if (!rc)
		h->lexsize[layer] = x->n;
	lbuilt_clear(x);
	return rc;
}

static int write_layer(td_out *o, td_seghdr *h, const td_strtab *t,
        const uint32_t *order, const uint32_t *rank, const uint32_t *pos_id,
        const uint32_t *map, int layer, const uint64_t *share,
        const uint32_t *ustart, const uint32_t *umem)
{
	lbuilt x = {0};
	int rc = layer_build(h->ntokens, t, order, rank, pos_id, map, layer,
	        share, ustart, umem, &x);
	if (!rc)
		return layer_emit(o, h, layer, &x);
	lbuilt_clear(&x);
	return rc;
}

/* Writes bp's whole bytes; with last, also its partial byte and the 8
 * bytes of padding (bits.h: readers load 8 bytes at a time). */
static int bits_out_put(td_out *o, td_bitpack *bp, int last)
{
	int rc = 0;
	if (last)
		td_bitpack_end(bp);
	if (bp->nb)
		rc = td_out_put(o, bp->buf, bp->nb);
	bp->nb = 0;
	static const uint8_t pad[8];
	if (!rc && last)
		rc = td_out_put(o, pad, 8);
	return rc;
}

/* Section sec: the rank of every position's id, packed LSB first in the
 * fewest bits (at least 1) that hold nterms - 1; *bits receives that. */
static int write_ids(td_out *o, td_seghdr *h, int sec, const uint32_t *ids,
        size_t nids, const uint32_t *rank, uint32_t nterms, uint32_t *bits_out)
{
	uint32_t bits = 1;
	while (bits < 32 && ((uint64_t)1 << bits) < nterms)
		bits++;
	*bits_out = bits;
	int rc = td_out_begin(o, h, sec);
	td_bitpack bp = {0}; /* out_put a block at a time, not a byte */
	for (size_t p = 0; p < nids && !rc; p++)
		if (td_bitpack_put(&bp, rank[ids[p]], bits))
			rc = bits_out_put(o, &bp, 0);
	if (!rc)
		rc = bits_out_put(o, &bp, 1);
	td_out_end(o, h, sec);
	return rc;
}

/* IDS: every position's word id by its rank (idcode.h), the ranks and
 * tiers from the segment's frequencies; rank maps a builder id to its
 * output id. With pids (the pos layer; prk maps a builder pos id to its
 * output id, npos of them) IDS codes each position's (word, pos) pair
 * and IDS3 holds the pos id of each rank (format 15). */
static int write_word_ids(td_out *o, td_seghdr *h, const uint32_t *ids,
        size_t nids, const uint32_t *rank, uint32_t nterms,
        const uint32_t *pids, const uint32_t *prk, uint32_t npos)
{
	uint32_t bits = 1;
	while (bits < 32 && ((uint64_t)1 << bits) < nterms)
		bits++;
	h->id_bits = bits;
	td_idpairs pr;
	td_idenc e;
	memset(&e, 0, sizeof e);
	int rc = td_idpairs_init(&pr, nterms);
	for (size_t p = 0; p < nids && !rc; p++)
		if (td_idpairs_get(&pr, rank[ids[p]], pids ? prk[pids[p]] : 0,
		            1) == UINT32_MAX)
			rc = TD_ENOMEM;
	if (!rc && !(rc = td_idenc_init(&e, o, pr.freq, (uint32_t)pr.n))) {
		memcpy(h->id_tier, e.w, sizeof h->id_tier);
		h->id_ranks = (uint32_t)pr.n;
		rc = td_out_begin(o, h, TD_SEC_IDS);
	}
	for (size_t p = 0; p < nids && !rc; p++)
		rc = td_idenc_put(&e, td_idpairs_get(&pr, rank[ids[p]],
		                              pids ? prk[pids[p]] : 0, 0));
	if (!rc)
		rc = td_idenc_finish(&e, pr.word, bits);
	td_out_end(o, h, TD_SEC_IDS);
	if (!rc && pids) {
		uint32_t pb = 1;
		while (pb < 32 && ((uint64_t)1 << pb) < npos)
			pb++;
		h->lbits[1] = pb;
		if (!(rc = td_out_begin(o, h, TD_SEC_IDS3)))
			rc = td_idenc_write_pos(&e, pr.pos, pb);
		td_out_end(o, h, TD_SEC_IDS3);
	}
	td_idenc_clear(&e);
	td_idpairs_clear(&pr);
	return rc;
}

static unsigned width(uint32_t v)
{
	unsigned w = 0;
	while (w < 32 && (v >> w))
		w++;
	return w;
}

/* Writes the packed span list of one name (see td_segspname): sp holds its
 * n->count spans sorted, with attr_first in ->seq. */
static int write_span_list(
        td_out *o, td_seghdr *h, td_segspname *n, const bspan *sp)
{
	int rc = td_out_align(o);
	uint32_t cnt = n->count, nb = (cnt + TD_SPAN_BLOCK - 1) / TD_SPAN_BLOCK;
	uint32_t mx[TD_SPF_N] = {0};
	td_segspblk *blk = calloc((size_t)nb + 1, sizeof *blk);
	if (!blk)
		return td_error(TD_ENOMEM, "out of memory");
	if (rc)
		goto out;
	n->off = o->pos - h->sec_off[TD_SEC_SPANS];
	for (uint32_t bi = 0; bi < nb; bi++) {
		uint32_t a = bi * TD_SPAN_BLOCK, e = a + TD_SPAN_BLOCK;
		if (e > cnt)
			e = cnt;
		blk[bi] = (td_segspblk){sp[a].start, UINT32_MAX, UINT32_MAX};
		for (uint32_t i = a; i < e; i++) {
			if (sp[i].doc < blk[bi].doc)
				blk[bi].doc = sp[i].doc;
			if (sp[i].seq < blk[bi].attr)
				blk[bi].attr = sp[i].seq;
		}
		for (uint32_t i = a; i < e; i++) {
			uint32_t f[TD_SPF_N] = {sp[i].start - blk[bi].start,
			        sp[i].end - sp[i].start,
			        sp[i].doc - blk[bi].doc,
			        sp[i].seq - blk[bi].attr, sp[i].nattrs};
			for (int j = 0; j < TD_SPF_N; j++)
				if (f[j] > mx[j])
					mx[j] = f[j];
		}
	}
	for (int j = 0; j < TD_SPF_N; j++)
		n->bits[j] = (uint8_t)width(mx[j]);
	if ((rc = td_out_put(o, blk, (size_t)nb * sizeof *blk)))
		goto out;
	td_bitpack bp = {0};
	for (uint32_t i = 0; i < cnt && !rc; i++) {
		const td_segspblk *k = &blk[i / TD_SPAN_BLOCK];
		uint32_t f[TD_SPF_N] = {sp[i].start - k->start,
		        sp[i].end - sp[i].start, sp[i].doc - k->doc,
		        sp[i].seq - k->attr, sp[i].nattrs};
		for (int j = 0; j < TD_SPF_N && !rc; j++)
			if (td_bitpack_put(&bp, f[j], n->bits[j]))
				rc = bits_out_put(o, &bp, 0);
	}
	if (!rc)
		rc = bits_out_put(o, &bp, 1);
out:
	free(blk);
	return rc;
}

static uint32_t attr_run_hash(const uint32_t *a, uint32_t n)
{
	return (uint32_t)(td_hash(a, (size_t)n * sizeof *a) ^ n);
}

/* Sets each span's attr_first in SPATTR (in ->seq) and *emit to which
 * spans' pairs are written: each distinct run of pairs is stored once and
 * shared by every span that has it, across documents too (a value rebuilt
 * from the document id stores only its suffix, "-s12"). */
static int share_attrs(td_segbuild *b, uint8_t **emit)
{
	size_t ns = 1024;
	while (ns < 2 * b->nspans)
		ns *= 2;
	uint32_t *slot = calloc(ns, sizeof *slot); /* span index + 1 */
	*emit = calloc(b->nspans + 1, 1);
	if (!slot || !*emit) {
		free(slot);
		return td_error(TD_ENOMEM, "out of memory");
	}
	uint64_t apos = 0;
	for (size_t i = 0; i < b->nspans; i++) {
		bspan *sp = &b->spans[i];
		uint32_t n = 2 * sp->nattrs;
		if (n) {
			/* b->attrs is NULL while no span has an attribute */
			const uint32_t *a =
			        b->attrs + 2 * (size_t)sp->attr_first;
			size_t h = attr_run_hash(a, n) & (ns - 1);
			for (; slot[h]; h = (h + 1) & (ns - 1)) {
				const bspan *o = &b->spans[slot[h] - 1];
				if (o->nattrs == sp->nattrs &&
				        !memcmp(b->attrs +
				                        2 * (size_t)o->attr_first,
				                a, (size_t)n * 4))
					break;
			}
			if (slot[h]) {
				sp->seq = b->spans[slot[h] - 1].seq;
				continue;
			}
			slot[h] = (uint32_t)i + 1;
		}
		sp->seq = (uint32_t)apos; /* reused: attr_first in the file */
		(*emit)[i] = 1;
		apos += sp->nattrs;
	}
	free(slot);
	return 0;
}

/* The spans, sorted by ps (their names ranked). */
static int write_spans(
        td_out *o, td_seghdr *h, td_segbuild *b, const presort *ps)
{
	int rc = 0;
	const uint32_t *order = ps->sorder;
	uint32_t *strid = NULL;
	td_segspname *names = NULL;
	size_t *first = NULL; /* per name its first span in b->spans */
	uint8_t *emit = NULL; /* per span: its pairs are written */
	strid = malloc(((size_t)b->names.n + 1) * 4);
	names = calloc((size_t)b->names.n + 1, sizeof *names);
	if (!strid || !names) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	for (uint32_t i = 0; i < b->names.n; i++)
		if ((rc = td_strtab_put(&b->spstr,
		             td_strtab_str(&b->names, order[i]),
		             b->names.slen[order[i]], &strid[i], NULL)))
			goto out;
	if (b->spstr.len > TD_SPV_MASK) {
		rc = td_error(TD_ELIMIT, "too many distinct attribute values");
		goto out;
	}
	first = calloc((size_t)b->names.n + 1, sizeof *first);
	if (!first) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < b->nspans; i++) {
		td_segspname *n = &names[b->spans[i].name];
		if (!n->count)
			first[b->spans[i].name] = i;
		n->count++;
	}
	/* attr_first in SPATTR order: spans' pairs are written sorted */
	if ((rc = share_attrs(b, &emit)))
		goto out;
	for (uint32_t i = 0; i < b->names.n; i++)
		names[i].str_off = (uint32_t)b->spstr.off[strid[i]];
	h->nspnames = b->names.n;
	/* SPANS first (it fills in the names' offsets and widths) */
	if ((rc = td_out_begin(o, h, TD_SEC_SPANS)))
		goto out;
	for (uint32_t k = 0; k < b->names.n && !rc; k++)
		rc = write_span_list(o, h, &names[k], b->spans + first[k]);
	if (rc)
		goto out;
	td_out_end(o, h, TD_SEC_SPANS);
	if ((rc = td_out_section(o, h, TD_SEC_SPNAMES, names,
	             (size_t)b->names.n * sizeof *names)))
		goto out;
	if ((rc = td_out_begin(o, h, TD_SEC_SPATTR)))
		goto out;
	for (size_t i = 0; i < b->nspans; i++)
		for (uint32_t j = 0; emit[i] && j < 2 * b->spans[i].nattrs;
		        j++) {
			uint32_t a =
			        b->attrs[2 * (size_t)b->spans[i].attr_first +
			                 j];
			uint32_t v = (uint32_t)b->spstr.off[a & TD_SPV_MASK] |
			             (a & ~(uint32_t)TD_SPV_MASK);
			if ((rc = td_out_put(o, &v, 4)))
				goto out;
		}
	td_out_end(o, h, TD_SEC_SPATTR);
	if ((rc = td_out_section(
	             o, h, TD_SEC_SPSTR, b->spstr.buf, b->spstr.len)))
		goto out;
out:
	free(emit);
	free(strid);
	free(names);
	free(first);
	return rc;
}

/* The lemma ids as a function of the word and pos ids (format 8, IDS2
 * with lemma bits 0, TD_W2L_*): per word id (by rank) a u32, its lemma
 * rank when it has one (pos, lemma) pair, else TD_W2L_LIST | the start of
 * its list: the number of its pairs, then the pairs, lemma rank <<
 * TD_W2L_POS_BITS | pos rank, by pos rank. *derived is 0 when some word with
 * one pos has two lemmas in the segment (a tagged TEI input's own, unlike
 * ours), or the ranks do not fit: then nothing is written (the caller writes
 * the ids). */
static int write_w2l(td_out *o, td_seghdr *h, const td_segbuild *b,
        const uint32_t *word_order, const uint32_t *prk, const uint32_t *lrk,
        int *derived)
{
	int rc = 0;
	uint32_t nw = b->words.n;
	*derived = 0;
	if (b->poss.n > (1u << TD_W2L_POS_BITS) ||
	        b->lemmas.n > (1u << (32 - TD_W2L_POS_BITS)))
		return 0;
	/* per word id a list of its (pos, lemma) pairs: head, then next */
	uint32_t *head = malloc(((size_t)nw + 1) * 4), *pair = NULL,
	         *next = NULL;
	size_t np = 0, cap = (size_t)nw + 16;
	pair = malloc(cap * 4);
	next = malloc(cap * 4);
	if (!head || !pair || !next) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	memset(head, 0xff, ((size_t)nw + 1) * 4);
	int ok = 1;
	for (size_t p = 0; p < b->nids && ok; p++) {
		uint32_t w = b->ids[p], t = prk[b->pids[p]],
		         v = lrk[b->lids[p]] << TD_W2L_POS_BITS | t;
		uint32_t k = head[w];
		while (k != UINT32_MAX && (pair[k] & TD_W2L_POS_MASK) != t)
			k = next[k];
		if (k != UINT32_MAX) {
			ok = pair[k] == v;
			continue;
		}
		size_t cn = cap; /* pair and next share cap: pair grows it */
		if (TD_VEC_RESERVE(next, np, cn, 16) ||
		        TD_VEC_RESERVE(pair, np, cap, 16)) {
			rc = td_error(TD_ENOMEM, "out of memory");
			goto out;
		}
		pair[np] = v;
		next[np] = head[w];
		head[w] = (uint32_t)np++;
	}
	if (!ok)
		goto out;
	if (np + nw >= TD_W2L_LIST)
		goto out;
	*derived = 1;
	if ((rc = td_out_begin(o, h, TD_SEC_IDS2)))
		goto out;
	uint32_t at = 0;
	for (uint32_t r = 0; r < nw && !rc; r++) {
		uint32_t k = head[word_order[r]], n = 0, v;
		for (uint32_t q = k; q != UINT32_MAX; q = next[q])
			n++;
		if (n == 1) {
			v = pair[k] >> TD_W2L_POS_BITS;
		} else {
			v = TD_W2L_LIST | at;
			at += 1 + n;
		}
		rc = td_out_put(o, &v, 4);
	}
	uint32_t v[1 + TD_W2L_MAX_POS];
	for (uint32_t r = 0; r < nw && !rc; r++) {
		uint32_t n = 0;
		for (uint32_t k = head[word_order[r]]; k != UINT32_MAX;
		        k = next[k]) {
			/* insertion by pos rank: at most one per pos */
			uint32_t j = ++n;
			for (; j > 1 && (v[j - 1] & TD_W2L_POS_MASK) >
			                        (pair[k] & TD_W2L_POS_MASK);
			        j--)
				v[j] = v[j - 1];
			v[j] = pair[k];
		}
		v[0] = n;
		if (n > 1)
			rc = td_out_put(o, v, (size_t)(n + 1) * 4);
	}
	if (!rc)
		td_out_end(o, h, TD_SEC_IDS2);
out:
	free(head);
	free(pair);
	free(next);
	return rc;
}

/* Per lemma (by rank, order[rank] = id) the TD_POST_SHARED flags of the
 * word or else the norm whose positions are exactly the lemma's (the
 * lemma of all that word's or norm's positions and of no other), or 0:
 * about half the lemma postings' bytes are such copies. Else, when the
 * lemma's positions are exactly those of two or more words (each has the
 * lemma at every position), TD_POST_UNION, its words' ranks ascending in
 * (*umem)[(*ustart)[rank], (*ustart)[rank + 1]) (format 12). The word
 * ranks wrank (word_order the inverse), norm ranks nrank and lemma ranks
 * lrank are those of the files' lexicons. */
#define SH_NONE UINT32_MAX       /* no position seen yet */
#define SH_MANY (UINT32_MAX - 1) /* more than one */
static uint32_t one_of(uint32_t have, uint32_t v)
{
	return have == SH_NONE ? v : have == v ? v : SH_MANY;
}

static int lemma_share(const td_segbuild *b, const uint32_t *order,
        const uint32_t *lrank, const uint32_t *word_order,
        const uint32_t *wrank, const uint32_t *nrank, uint64_t **share,
        uint32_t **ustart, uint32_t **umem)
{
	uint32_t nl = b->lemmas.n, nw = b->words.n, nn = b->norms.n;
	uint32_t *lw = malloc(((size_t)nl + 1) * 4),
	         *ln = malloc(((size_t)nl + 1) * 4),
	         *wl = malloc(((size_t)nw + 1) * 4),
	         *nl_ = malloc(((size_t)nn + 1) * 4),
	         *wf = calloc((size_t)nw + 1, 4),
	         *lf = calloc((size_t)nl + 1, 4);
	uint64_t *sum = calloc((size_t)nl + 1, 8);
	int rc = 0;
	*share = calloc((size_t)nl + 1, 8);
	*ustart = calloc((size_t)nl + 2, 4);
	*umem = malloc(((size_t)nw + 1) * 4);
	if (!lw || !ln || !wl || !nl_ || !wf || !lf || !sum || !*share ||
	        !*ustart || !*umem) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	memset(lw, 0xff, ((size_t)nl + 1) * 4);
	memset(ln, 0xff, ((size_t)nl + 1) * 4);
	memset(wl, 0xff, ((size_t)nw + 1) * 4);
	memset(nl_, 0xff, ((size_t)nn + 1) * 4);
	for (size_t p = 0; p < b->nids; p++) {
		uint32_t w = b->ids[p], n = b->w2n[w], l = b->lids[p];
		lw[l] = one_of(lw[l], w);
		ln[l] = one_of(ln[l], n);
		wl[w] = one_of(wl[w], l);
		nl_[n] = one_of(nl_[n], l);
		wf[w]++;
		lf[l]++;
	}
	/* the words of one lemma at every position, by lemma rank */
	uint32_t *us = *ustart;
	for (uint32_t w = 0; w < nw; w++)
		if (wl[w] < SH_MANY) {
			sum[wl[w]] += wf[w];
			us[lrank[wl[w]] + 1]++;
		}
	for (uint32_t r = 0; r < nl; r++)
		us[r + 1] += us[r];
	for (uint32_t r = 0; r < nw; r++) {
		uint32_t l = wl[word_order[r]];
		if (l < SH_MANY)
			(*umem)[us[lrank[l]]++] = r;
	}
	memmove(us + 1, us, (size_t)nl * 4);
	us[0] = 0;
	for (uint32_t r = 0; r < nl; r++) {
		uint32_t l = order[r], w = lw[l], n = ln[l];
		if (w < SH_MANY && wl[w] == l && wrank[w] <= TD_POST_ID_MAX)
			(*share)[r] = td_post_share(TD_LAYER_WORD, wrank[w]);
		else if (n < SH_MANY && nl_[n] == l &&
		         nrank[n] <= TD_POST_ID_MAX)
			(*share)[r] = td_post_share(TD_LAYER_NORM, nrank[n]);
		else if (us[r + 1] - us[r] > 1 && sum[l] == lf[l])
			(*share)[r] = TD_POST_UNION;
	}
out:
	free(lw);
	free(ln);
	free(wl);
	free(nl_);
	free(wf);
	free(lf);
	free(sum);
	return rc;
}

/* The pos and lemma layers built (layer_build, with lemma_share) on a
 * thread of their own while write_all builds and writes the norms, the
 * word ids and W2N, when b->threads > 1: from the sorts of presort's first
 * part, read only, as are the builder's ids. A run's last segment is
 * written after the tagging, when the other cores are idle. */
typedef struct lmjob {
	const td_segbuild *b;
	uint32_t ntokens;
	const uint32_t *ord[2], *rk[2]; /* the lemmas' [0], pos' [1] */
	const uint32_t *word_order, *wrank, *nrank;
	lbuilt built[2];
	uint64_t *share; /* lemma_share's */
	uint32_t *ustart, *umem;
	td_job job;
} lmjob;

static int lm_run(void *arg)
{
	lmjob *j = arg;
	const td_segbuild *b = j->b;
	int rc = layer_build(j->ntokens, &b->poss, j->ord[1], j->rk[1], b->pids,
	        NULL, TD_LAYER_POS, NULL, NULL, NULL, &j->built[1]);
	if (!rc)
		rc = lemma_share(b, j->ord[0], j->rk[0], j->word_order,
		        j->wrank, j->nrank, &j->share, &j->ustart, &j->umem);
	if (!rc)
		rc = layer_build(j->ntokens, &b->lemmas, j->ord[0], j->rk[0],
		        b->lids, NULL, TD_LAYER_LEMMA, j->share, j->ustart,
		        j->umem, &j->built[0]);
	return rc;
}

/* Waits for the thread and frees what the job holds. */
static void lm_clear(lmjob *j)
{
	td_job_wait(&j->job);
	for (int l = 0; l < 2; l++)
		lbuilt_clear(&j->built[l]);
	free(j->share);
	free(j->ustart);
	free(j->umem);
}

/* The word ids (write_word_ids: IDS, and IDS3 with the pos layer)
 * written to memory on a thread of their own while write_all writes the
 * norms, when b->threads > 1, then spliced in after them (td_out_splice):
 * the bytes of one thread. */
typedef struct idsjob {
	const td_segbuild *b;
	const uint32_t *wrank, *prk;
	td_buf mem;
	td_out o;    /* its part, in mem (o.mem set once opened) */
	td_seghdr h; /* its sections, from the part's start */
	td_job job;
} idsjob;

static int ids_run(void *arg)
{
	idsjob *j = arg;
	const td_segbuild *b = j->b;
	int rc = td_out_mem(&j->o, &j->mem);
	if (!rc)
		rc = write_word_ids(&j->o, &j->h, b->ids, b->nids, j->wrank,
		        b->words.n, b->no_layers ? NULL : b->pids, j->prk,
		        b->poss.n);
	return rc;
}

/* The part ids_run wrote on its thread, put in o with what
 * write_word_ids sets in the header; without a thread, written here. */
static int ids_join(idsjob *j, td_out *o, td_seghdr *h)
{
	static const int secs[] = {TD_SEC_IDS, TD_SEC_IDS3};
	const td_segbuild *b = j->b;
	int pos = !b->no_layers;
	int rc;
	if (!j->job.on) /* one thread: written in place */
		return write_word_ids(o, h, b->ids, b->nids, j->wrank,
		        b->words.n, pos ? b->pids : NULL, j->prk, b->poss.n);
	if ((rc = td_job_join(&j->job)))
		return rc;
	h->id_bits = j->h.id_bits;
	memcpy(h->id_tier, j->h.id_tier, sizeof h->id_tier);
	h->id_ranks = j->h.id_ranks;
	if (pos)
		h->lbits[1] = j->h.lbits[1];
	return td_out_splice(o, h, &j->o, &j->h, secs, pos ? 2 : 1);
}

/* Waits for the thread and frees what the job holds. */
static void ids_clear(idsjob *j)
{
	td_job_wait(&j->job);
	if (j->o.mem)
		td_out_close(&j->o, 0);
	td_buf_clear(&j->mem);
}

/* What the write no longer reads goes as soon as it is written, so that
 * the builder does not hold it beside the write's own arrays (and, for a
 * flushed segment, beside the next segment filling): a builder is freed
 * once written, never added to. release_docs: the documents' records,
 * fields and gaps, and what only td_segbuild_add reads. */
static void release_docs(td_segbuild *b)
{
	td_buf_clear(&b->text);
	td_buf_clear(&b->kv);
	td_buf_clear(&b->pool);
	td_docpool_clear(&b->dpool);
	td_strtab_clear(&b->gaps);
	free(b->docs);
	b->docs = NULL;
	b->cap_docs = 0; /* b->ndocs stays: the writer's count */
	free(b->wlast);
	free(b->omap);
	free(b->hash);
	free(b->tid);
	b->wlast = b->omap = b->tid = NULL;
	b->hash = NULL;
	b->cap_wlast = b->cap_omap = b->cap_hash = b->cap_tid = 0;
}

/* The ids of every position (12 bytes a token: the largest part of a
 * builder) and the layers' strings, once every layer is written: only the
 * spans are left to write. With threads, the jobs that read them have
 * been joined. The freed heap goes back to the system (malloc_trim: glibc
 * keeps arrays under its mmap threshold, up to 32 MB, in its heaps). */
static void release_positions(td_segbuild *b)
{
	free(b->ids);
	free(b->lids);
	free(b->pids);
	free(b->w2n);
	b->ids = b->lids = b->pids = b->w2n = NULL;
	b->cap_ids = b->cap_w2n = 0;
	td_strtab_clear(&b->words);
	td_strtab_clear(&b->norms);
	td_strtab_clear(&b->lemmas);
	td_strtab_clear(&b->poss);
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

static int write_all(td_out *o, td_seghdr *h, td_segbuild *b)
{
	int rc;
	uint32_t *word_order = NULL, *wrank = NULL, *norder = NULL,
	         *nrank = NULL, *nforms = NULL, *umem = NULL;
	uint64_t *share = NULL;
	uint32_t *ord[2] = {NULL, NULL}, *rk[2] = {NULL, NULL};
	presort ps;
	memset(&ps, 0, sizeof ps);
	ps.b = b;
	lmjob lm;
	memset(&lm, 0, sizeof lm);
	idsjob ij;
	memset(&ij, 0, sizeof ij);
	h->ndocs = (uint32_t)b->ndocs;
	h->ntokens = (uint32_t)b->nids;
	presort_start(&ps, 0);
	if ((rc = td_out_begin(o, h, TD_SEC_DOCS)))
		goto out;
	for (size_t i = 0; i < b->ndocs; i++) {
		td_segdoc d = {b->docs[i].text_off, b->docs[i].text_len,
		        b->docs[i].first_tok, b->docs[i].ntok, b->docs[i].kv_n,
		        b->docs[i].kv_off};
		if ((rc = td_out_put(o, &d, sizeof d)))
			goto out;
	}
	td_out_end(o, h, TD_SEC_DOCS);
	if ((rc = td_out_section(o, h, TD_SEC_DOCSTR, b->kv.s, b->kv.n)))
		goto out;
	if ((rc = td_out_section(o, h, TD_SEC_DOCPOOL, b->pool.s, b->pool.n)))
		goto out;
	if ((rc = td_out_section(o, h, TD_SEC_TEXT, b->text.s, b->text.n)))
		goto out;
	if ((rc = td_out_section(o, h, TD_SEC_GSTR, b->gaps.buf, b->gaps.len)))
		goto out;
	release_docs(b);
	if ((rc = sort_tab(&b->words, &word_order, &wrank)) ||
	        (rc = write_layer(o, h, &b->words, word_order, wrank, b->ids,
	                 NULL, 0, NULL, NULL, NULL)))
		goto out;
	if ((rc = td_job_join(&ps.job)))
		goto out;
	norder = ps.norder;
	nrank = ps.nrank;
	ps.norder = ps.nrank = NULL;
	for (int l = 0; l < 2; l++) { /* the lemmas' and parts of speech' */
		ord[l] = ps.ord[l];
		rk[l] = ps.rk[l];
		ps.ord[l] = ps.rk[l] = NULL;
	}
	presort_start(&ps, 1);
	if (!b->no_layers) {
		lm = (lmjob){b, h->ntokens, {ord[0], ord[1]}, {rk[0], rk[1]},
		        word_order, wrank, nrank, {{0}, {0}}, NULL, NULL, NULL,
		        {0}};
		td_job_start(&lm.job, lm_run, &lm, b->threads > 1);
	}
	ij.b = b;
	ij.wrank = wrank;
	ij.prk = rk[1];
	/* one thread: ids_join writes them in place, not through memory */
	if (b->threads > 1)
		td_job_start(&ij.job, ids_run, &ij, b->threads > 1);
	/* a norm with one surface form has that word's postings (shared);
	 * one with more is the union of theirs (format 12): per norm rank its
	 * words' ranks, ascending, in umem from ustart */
	share = calloc((size_t)b->norms.n + 1, 8);
	nforms = calloc((size_t)b->norms.n + 2, 4);
	umem = malloc(((size_t)b->words.n + 1) * 4);
	if (!share || !nforms || !umem) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	for (uint32_t w = 0; w < b->words.n; w++)
		nforms[nrank[b->w2n[w]] + 1]++;
	for (uint32_t j = 0; j < b->norms.n; j++)
		nforms[j + 1] += nforms[j];
	for (uint32_t r = 0; r < b->words.n; r++)
		umem[nforms[nrank[b->w2n[word_order[r]]]]++] = r;
	/* nforms[j] is now the end of norm j's list, where j + 1's begins */
	memmove(nforms + 1, nforms, (size_t)b->norms.n * 4);
	nforms[0] = 0;
	for (uint32_t j = 0; j < b->norms.n; j++) {
		uint32_t n = nforms[j + 1] - nforms[j], w = umem[nforms[j]];
		share[j] = n > 1 ? TD_POST_UNION
		           : n == 1 && w <= TD_POST_ID_MAX
		                   ? td_post_share(TD_LAYER_WORD, w)
		                   : 0;
	}
	/* a position's norm is its word's: no array of them per position;
	 * IDS codes the word and pos ids together (format 15) */
	if ((rc = write_layer(o, h, &b->norms, norder, nrank, b->ids, b->w2n, 1,
	             share, nforms, umem)) ||
	        (rc = ids_join(&ij, o, h)) ||
	        (rc = td_out_begin(o, h, TD_SEC_W2N)))
		goto out;
	td_bitpack bp = {0}; /* td_w2n_bits bits a word (format 16) */
	uint32_t nb = td_w2n_bits((uint32_t)b->norms.n);
	for (uint32_t i = 0; i < b->words.n; i++)
		if (td_bitpack_put(&bp, nrank[b->w2n[word_order[i]]], nb) &&
		        (rc = bits_out_put(o, &bp, 0)))
			goto out;
	if ((rc = bits_out_put(o, &bp, 1)))
		goto out;
	td_out_end(o, h, TD_SEC_W2N);
	/* pos, then lemma: a lemma id is mostly a function of the word and
	 * pos ids (write_w2l) */
	if (b->no_layers) {
		/* the layers' sections, empty */
		h->flags |= TD_SEGF_NO_LAYERS;
		for (int sec = TD_SEC_LEX2; sec <= TD_SEC_IDS3 && !rc; sec++)
			if (!(rc = td_out_begin(o, h, sec)))
				td_out_end(o, h, sec);
	}
	if (!b->no_layers)
		rc = td_job_join(&lm.job);
	for (int l = 1; l >= 0 && !rc && !b->no_layers; l--) {
		const td_strtab *t = l ? &b->poss : &b->lemmas;
		const uint32_t *ids = l ? b->pids : b->lids;
		int layer = l ? TD_LAYER_POS : TD_LAYER_LEMMA, derived = 0;
		if ((rc = layer_emit(o, h, layer, &lm.built[l])))
			break;
		if (!l && (rc = write_w2l(o, h, b, word_order, rk[1], rk[0],
		                   &derived)))
			break;
		if (derived)
			h->lbits[l] = 0;
		else if (!l) /* IDS3: with IDS (write_word_ids) */
			rc = write_ids(o, h, td_sec_ids(layer), ids, b->nids,
			        rk[l], t->n, &h->lbits[l]);
	}
	if (!rc)
		release_positions(b);
	if (!rc && !(rc = td_job_join(&ps.job)))
		rc = write_spans(o, h, b, &ps);
out:
	lm_clear(&lm); /* before the sorts they read are freed */
	ids_clear(&ij);
	for (int l = 0; l < 2; l++) {
		free(ord[l]);
		free(rk[l]);
	}
	presort_clear(&ps);
	free(word_order);
	free(wrank);
	free(norder);
	free(nrank);
	free(share);
	free(nforms);
	free(umem);
	return rc;
}

int td_segbuild_write(
        td_segbuild *b, const char *path, uint64_t *size, uint32_t *crc)
{
	td_out o;
	td_seghdr h;
	memset(&h, 0, sizeof h);
	int rc = td_out_open(&o, path);
	if (rc)
		return rc;
	if (!(rc = write_all(&o, &h, b)))
		rc = td_out_finish(&o, &h, size, crc);
	return td_out_close(&o, rc);
}
