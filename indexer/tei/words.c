/* words.c: the word layer of TEI output (tagdex-ingest --words): every
 * token becomes a <w pos="…" lemma="…"> span (TEI att.linguistic), tagged
 * sentence by sentence (the <s> spans) by the part-of-speech model and
 * lemmatised by lemma.c. It only adds spans: the text stays as it was.
 */
#include "config.h"
#include "lemma.h"
#include "words.h"
#include "pos.h"
#include "hash.h"
#include "vec.h"
#include "error.h"
#include "profile.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The lemma of a word as written with a tag, per (word, tag) type: td_lemma
 * lowercases, compares and may search WordNet, and most tokens repeat a
 * type seen before. Words of at most LW bytes; at most LMAX types (then it
 * starts again empty; 16384 emptied it so often that td_lemma ran for 13% of
 * the tokens of the bench corpus, 5% now, for 6 MB a thread). A type also
 * remembers where the document at hand (stamp) holds its lemma, so that
 * td_words_layers stores it once per document, not once per token. */
enum { LW = TD_POS_HASH_LEN, LMAX = 65536, LBUF = LMAX * 32 };
typedef struct lemma_ent {
	uint64_t key;  /* hash of the word and the tag */
	uint32_t off;  /* the word, then the lemma with its NUL, in buf */
	uint8_t wlen1; /* the word's length + 1; 0: an empty slot */
	uint8_t tag;
	uint16_t llen;  /* the lemma's length */
	uint32_t stamp; /* the document whose td_toklayers holds the lemma */
	uint32_t doff;  /* at this offset (td_toklayers_put) */
} lemma_ent;

/* What a document's tagging and lemmatising use, kept across documents
 * for its caches (pos.h and above). A document takes one from the pool and
 * gives it back, so each is used by one thread at a time, and there are as
 * many as threads tag at once. */
typedef struct wscratch {
	td_pos_scratch pos;
	lemma_ent *lent; /* 2 * LMAX slots, allocated at the first use */
	char *lbuf;      /* LBUF bytes */
	size_t lused, ln;
	uint32_t stamp; /* numbers td_words_layers' documents, from 1 */
} wscratch;

typedef struct scratch_pool {
	pthread_mutex_t mu;
	wscratch **v;
	size_t n, cap;
} scratch_pool;

static void wscratch_free(wscratch *s)
{
	if (!s)
		return;
	td_pos_scratch_clear(&s->pos);
	free(s->lent);
	free(s->lbuf);
	free(s);
}

/* td_lemma(word, len, the name of tag in m), through the cache of s; wh is
 * the tagger's hash of the word (doc->pos_hash: td_hash of its first LW
 * bytes, so of all of it when it is cached). With ent, *ent is the type's
 * cache entry (NULL if none), and when there is one out is not written:
 * the lemma is at s->lbuf + (*ent)->off + len. */
static size_t lemma_of(wscratch *s, const td_pos_model *m, const char *word,
        size_t len, uint64_t wh, unsigned tag, char *out, size_t size,
        lemma_ent **ent)
{
	const char *pos = td_pos_tag_name(m, tag);
	if (ent)
		*ent = NULL;
	if (len > LW || size < 256)
		return td_lemma(word, len, pos, out, size);
	if (!s->lent) {
		s->lent = calloc(2 * LMAX, sizeof *s->lent);
		s->lbuf = malloc(LBUF);
		if (!s->lent || !s->lbuf) { /* no cache, same answers */
			free(s->lent);
			free(s->lbuf);
			s->lent = NULL;
			s->lbuf = NULL;
			return td_lemma(word, len, pos, out, size);
		}
	}
	uint64_t key = wh ^ (tag + 1) * 0x9e3779b97f4a7c15ull;
	uint32_t mask = 2 * LMAX - 1, j = (uint32_t)key & mask;
	for (;; j = (j + 1) & mask) {
		const lemma_ent *e = &s->lent[j];
		if (!e->wlen1)
			break;
		if (e->key == key && e->tag == tag && e->wlen1 == len + 1 &&
		        !memcmp(s->lbuf + e->off, word, len)) {
			if (ent)
				*ent = &s->lent[j];
			else
				memcpy(out, s->lbuf + e->off + len,
				        (size_t)e->llen + 1);
			return e->llen;
		}
	}
	size_t n = td_lemma(word, len, pos, out, size);
	if (s->ln == LMAX || s->lused + len + n + 1 > LBUF) {
		memset(s->lent, 0, 2 * LMAX * sizeof *s->lent);
		s->ln = s->lused = 0;
		for (j = (uint32_t)key & mask; s->lent[j].wlen1;
		        j = (j + 1) & mask)
			;
	}
	lemma_ent *e = &s->lent[j];
	e->key = key;
	e->off = (uint32_t)s->lused;
	e->wlen1 = (uint8_t)(len + 1);
	e->tag = (uint8_t)tag;
	e->llen = (uint16_t)n;
	e->stamp = 0;
	if (ent)
		*ent = e;
	memcpy(s->lbuf + s->lused, word, len);
	memcpy(s->lbuf + s->lused + len, out, n + 1);
	s->lused += len + n + 1;
	s->ln++;
	return n;
}

/* Starts loading what lemma_put() will read for a token AHEAD tokens on
 * (stage 0: its type's slot in lent) and AHEAD / 2 on (stage 1: the word
 * and lemma in lbuf of the type in that slot, which stage 0 has loaded):
 * lent and lbuf are megabytes read at random, and each token missed the
 * caches twice, one miss after the other. A hint only: what is loaded
 * never changes an answer. */
enum { AHEAD = 8 };
static inline void lemma_prefetch(
        const wscratch *s, uint64_t wh, unsigned tag, int stage)
{
	if (!s->lent)
		return;
	uint64_t key = wh ^ (tag + 1) * 0x9e3779b97f4a7c15ull;
	const lemma_ent *e = &s->lent[(uint32_t)key & (2 * LMAX - 1)];
	if (!stage)
		__builtin_prefetch(e);
	else if (e->key == key)
		__builtin_prefetch(s->lbuf + e->off);
}

/* The offset in l of the lemma of word[0, len) (tagger's hash wh) with
 * tag, stored in l once per document (s->stamp) and type. */
static int lemma_put(wscratch *s, td_toklayers *l, const td_pos_model *m,
        const char *word, size_t len, uint64_t wh, unsigned tag, uint32_t *off)
{
	char lemma[256];
	lemma_ent *e = NULL;
	/* most tokens: a type seen before in this document, found here */
	if (s->lent && len <= LW) {
		uint64_t key = wh ^ (tag + 1) * 0x9e3779b97f4a7c15ull;
		uint32_t mask = 2 * LMAX - 1, j = (uint32_t)key & mask;
		for (; s->lent[j].wlen1; j = (j + 1) & mask)
			if (s->lent[j].key == key && s->lent[j].tag == tag &&
			        s->lent[j].wlen1 == len + 1 &&
			        !memcmp(s->lbuf + s->lent[j].off, word, len)) {
				e = &s->lent[j];
				break;
			}
	}
	if (!e) {
		lemma_of(s, m, word, len, wh, tag, lemma, sizeof lemma, &e);
		if (!e)
			return td_toklayers_put(l, lemma, off);
	}
	if (e->stamp == s->stamp) {
		*off = e->doff;
		return 0;
	}
	int rc = td_toklayers_put(l, s->lbuf + e->off + len, off);
	if (!rc) {
		e->stamp = s->stamp;
		e->doff = *off;
	}
	return rc;
}

struct td_words {
	td_pos_model *model;
	scratch_pool *pool;
	int lemmas; /* WordNet opened (td_words_new; not td_words_tagger) */
	int shared; /* model is another td_words' (td_words_share) */
};

static wscratch *scratch_take(const td_words *w)
{
	scratch_pool *p = w->pool;
	wscratch *s = NULL;
	pthread_mutex_lock(&p->mu);
	if (p->n)
		s = p->v[--p->n];
	pthread_mutex_unlock(&p->mu);
	if (!s && !(s = calloc(1, sizeof *s)))
		td_error(TD_ENOMEM, "out of memory");
	return s;
}

/* Gives s back (frees it when the pool cannot hold it). */
static void scratch_give(const td_words *w, wscratch *s)
{
	scratch_pool *p = w->pool;
	pthread_mutex_lock(&p->mu);
	if (TD_VEC_RESERVE(p->v, p->n, p->cap, 4) == 0) {
		p->v[p->n++] = s;
		s = NULL;
	}
	pthread_mutex_unlock(&p->mu);
	wscratch_free(s);
}

const char *td_pos_model_path(void)
{
#ifdef TD_SRC_LEXDIR
	/* an uninstalled build uses the model of its own source tree */
	if (access(TD_PKGDATADIR "/models/" TD_POS_FILE, R_OK) != 0 &&
	        access(TD_SRC_LEXDIR "/../models/" TD_POS_FILE, R_OK) == 0)
		return TD_SRC_LEXDIR "/../models/" TD_POS_FILE;
#endif
	return TD_PKGDATADIR "/models/" TD_POS_FILE;
}

static int words_open(const char *model_path, int lemmas, td_words **out)
{
	*out = NULL;
	td_words *w = calloc(1, sizeof *w);
	if (!w || !(w->pool = calloc(1, sizeof *w->pool))) {
		free(w);
		return td_error(TD_ENOMEM, "out of memory");
	}
	pthread_mutex_init(&w->pool->mu, NULL);
	int rc = td_pos_open(
	        model_path ? model_path : td_pos_model_path(), &w->model);
	w->lemmas = lemmas;
	if (!rc && lemmas)
		rc = td_lemma_init();
	if (rc) {
		td_words_free(w);
		return rc;
	}
	*out = w;
	return 0;
}

int td_words_new(const char *model_path, td_words **out)
{
	return words_open(model_path, 1, out);
}

int td_words_tagger(const char *model_path, td_words **out)
{
	return words_open(model_path, 0, out);
}

int td_words_share(const td_words *base, td_words **out)
{
	*out = NULL;
	td_words *w = calloc(1, sizeof *w);
	if (!w || !(w->pool = calloc(1, sizeof *w->pool))) {
		free(w);
		return td_error(TD_ENOMEM, "out of memory");
	}
	pthread_mutex_init(&w->pool->mu, NULL);
	w->model = base->model;
	w->shared = 1;
	w->lemmas = 1;
	int rc = td_lemma_init();
	if (rc) {
		td_words_free(w);
		return rc;
	}
	*out = w;
	return 0;
}

const char *td_words_tag_name(const td_words *w, unsigned tag)
{
	return td_pos_tag_name(w->model, tag);
}

void td_words_free(td_words *w)
{
	if (!w)
		return;
	if (!w->shared)
		td_pos_close(w->model);
	for (size_t i = 0; i < w->pool->n; i++)
		wscratch_free(w->pool->v[i]);
	free(w->pool->v);
	pthread_mutex_destroy(&w->pool->mu);
	free(w->pool);
	free(w);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* tags[i] = the tag number of token i of tk, each <s> tagged on its own;
 * hash[i] its word's hash (td_pos_tag_hash) */
static int tag_tokens(const td_words *w, const td_doc *doc, const td_tokens *tk,
        uint8_t *tags, uint64_t *hash, wscratch *sc)
{
	int rc = 0;
	/* sentence boundaries: the starts and ends of the <s> spans */
	size_t nb = 0, *bound = malloc((2 * doc->n_spans + 1) * sizeof *bound);
	if (!bound)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < doc->n_spans; i++)
		if (!strcmp(doc->spans[i].name, "s")) {
			bound[nb++] = doc->spans[i].start;
			bound[nb++] = doc->spans[i].end;
		}
	qsort(bound, nb, sizeof *bound, cmp_size);
	size_t b = 0, first = 0;
	for (size_t i = 0; i <= tk->n && !rc; i++) {
		int cut = i == tk->n;
		if (!cut) {
			size_t at = tk->v[i].start;
			while (b < nb && bound[b] <= at) {
				if (i > first)
					cut = 1;
				b++;
			}
		}
		if (cut && i > first) {
			rc = td_pos_tag_hash(w->model, doc->text, tk->v + first,
			        i - first, tags + first, hash + first,
			        &sc->pos);
			first = i;
		}
	}
	free(bound);
	return rc;
}

int td_words_tag_tokens(const td_words *w, td_doc *doc, const td_tokens *tk)
{
	if (doc->pos_tags && doc->pos_model == td_pos_model_id(w->model))
		return 0;
	uint8_t *tags = malloc(tk->n + 1);
	uint64_t *hash = malloc((tk->n + 1) * sizeof *hash);
	wscratch *sc = tags && hash ? scratch_take(w) : NULL;
	if (!sc) {
		free(tags);
		free(hash);
		return td_error(TD_ENOMEM, "out of memory");
	}
	/* --profile: tagging is "pos" wherever it is asked for (profile.h) */
	const char *st = td_profile_enter("pos");
	int rc = tag_tokens(w, doc, tk, tags, hash, sc);
	td_profile_leave(st);
	scratch_give(w, sc);
	if (rc) {
		free(tags);
		free(hash);
		return rc;
	}
	free(doc->pos_tags);
	free(doc->pos_hash);
	doc->pos_tags = tags;
	doc->pos_hash = hash;
	doc->pos_model = td_pos_model_id(w->model);
	return 0;
}

int td_words_tag(const td_words *w, td_doc *doc)
{
	td_tokens *tk = NULL;
	int rc = td_doc_tokens(doc, &tk);
	return rc ? rc : td_words_tag_tokens(w, doc, tk);
}

int td_words_add(const td_words *w, td_doc *doc)
{
	int rc = td_words_tag(w, doc);
	if (rc)
		return rc;
	const td_tokens *tk = doc->tokens;
	const uint8_t *tags = doc->pos_tags;
	wscratch *sc = scratch_take(w);
	if (!sc)
		return td_error(TD_ENOMEM, "out of memory");
	const char *st = td_profile_enter("lemma");
	for (size_t i = 0; i < tk->n && !rc; i++) {
		const char *pos = td_pos_tag_name(w->model, tags[i]);
		char lemma[256];
		lemma_of(sc, w->model, doc->text + tk->v[i].start,
		        tk->v[i].end - tk->v[i].start, doc->pos_hash[i],
		        tags[i], lemma, sizeof lemma, NULL);
		rc = td_doc_add_span(doc, "w", tk->v[i].start, tk->v[i].end,
		        NULL, "pos", pos, "lemma", lemma, NULL);
	}
	if (!rc)
		td_doc_sort_spans(doc);
	td_profile_leave(st);
	scratch_give(w, sc);
	return rc;
}

/* Whether doc has a <w> span (a tagged TEI input): most documents have
 * none, and td_doc_w_layers' arrays cost more than the tagger's answer
 * per token. */
static int has_w(const td_doc *doc)
{
	for (size_t k = 0; k < doc->n_spans; k++)
		if (doc->spans[k].name[0] == 'w' && !doc->spans[k].name[1])
			return 1;
	return 0;
}

int td_words_layers(const td_words *w, td_doc *doc)
{
	/* --profile: all of it is "lemma" but the tagging ("pos", when the
	 * annotator has not tagged the document) */
	const char *st = td_profile_enter("lemma");
	td_tokens *tk;
	int rc = td_doc_tokens(doc, &tk);
	if (rc) {
		td_profile_leave(st);
		return rc;
	}
	td_toklayers *l = NULL;
	const uint8_t *tags;
	const char **gpos = NULL, **glemma = NULL;
	int given = has_w(doc);
	if (given) {
		gpos = malloc((tk->n + 1) * sizeof *gpos);
		glemma = malloc((tk->n + 1) * sizeof *glemma);
	}
	wscratch *sc = !given || (gpos && glemma) ? scratch_take(w) : NULL;
	if (!sc) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	/* tags a <w> of the input gives win (a tagged TEI corpus) */
	if (given)
		td_doc_w_layers(doc, tk, gpos, glemma);
	if ((rc = td_toklayers_new(tk->n, &l)) ||
	        (rc = td_words_tag_tokens(w, doc, tk)))
		goto out;
	tags = doc->pos_tags;
	/* each tag's name and each type's lemma stored once in l */
	uint32_t tagoff[256];
	memset(tagoff, 0xff, sizeof tagoff);
	if (++sc->stamp == 0) {
		/* 2^32 documents: no entry may claim this number */
		if (sc->lent)
			memset(sc->lent, 0, 2 * LMAX * sizeof *sc->lent);
		sc->ln = sc->lused = 0;
		sc->stamp = 1;
	}
	for (size_t i = 0; i < tk->n && !rc; i++) {
		const char *word = doc->text + tk->v[i].start;
		size_t len = tk->v[i].end - tk->v[i].start;
		if (i + AHEAD < tk->n)
			lemma_prefetch(sc, doc->pos_hash[i + AHEAD],
			        tags[i + AHEAD], 0);
		if (i + AHEAD / 2 < tk->n)
			lemma_prefetch(sc, doc->pos_hash[i + AHEAD / 2],
			        tags[i + AHEAD / 2], 1);
		if (!given || (!gpos[i] && !glemma[i])) {
			unsigned t = tags[i];
			uint32_t loff;
			if ((tagoff[t] == UINT32_MAX &&
			            (rc = td_toklayers_put(l,
			                     td_pos_tag_name(w->model, t),
			                     &tagoff[t]))) ||
			        (rc = lemma_put(sc, l, w->model, word, len,
			                 doc->pos_hash[i], t, &loff)))
				break;
			td_toklayers_set_off(l, i, tagoff[t], loff);
			continue;
		}
		/* a tagged input's own <w pos lemma> */
		const char *pos =
		        gpos[i] ? gpos[i] : td_pos_tag_name(w->model, tags[i]);
		char lemma[256];
		if (!glemma[i])
			td_lemma(word, len, pos, lemma, sizeof lemma);
		rc = td_toklayers_set(l, i, pos, glemma[i] ? glemma[i] : lemma);
	}
	if (!rc) {
		td_toklayers_free(doc->layers);
		doc->layers = l;
		l = NULL;
	}
out:
	if (sc)
		scratch_give(w, sc);
	td_toklayers_free(l);
	free(gpos);
	free(glemma);
	td_profile_leave(st);
	return rc;
}
