/* words.c: the word layer of TEI output (tagdex-ingest --words): every
 * token becomes a <w pos="…" lemma="…"> span (TEI att.linguistic), tagged
 * sentence by sentence (the <s> spans) by the part-of-speech model and
 * lemmatised by lemma.c. It only adds spans: the text stays as it was.
 */
#include "config.h"
#include "lemma.h"
#include "pipeline.h"
#include "pos.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Tagging scratches outlive documents, for their per-type caches (pos.h):
 * a document takes one from the pool and gives it back, so each is used by
 * one thread at a time and there are as many as threads tag at once. */
typedef struct scratch_pool {
	pthread_mutex_t mu;
	td_pos_scratch **v;
	size_t n, cap;
} scratch_pool;

struct td_words {
	td_pos_model *model;
	scratch_pool *pool;
};

static td_pos_scratch *scratch_take(const td_words *w)
{
	scratch_pool *p = w->pool;
	td_pos_scratch *s = NULL;
	pthread_mutex_lock(&p->mu);
	if (p->n)
		s = p->v[--p->n];
	pthread_mutex_unlock(&p->mu);
	if (!s && !(s = calloc(1, sizeof *s)))
		td_error(TD_ENOMEM, "out of memory");
	return s;
}

/* Gives s back (frees it when the pool cannot hold it). */
static void scratch_give(const td_words *w, td_pos_scratch *s)
{
	scratch_pool *p = w->pool;
	pthread_mutex_lock(&p->mu);
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 4;
		td_pos_scratch **v = realloc(p->v, cap * sizeof *v);
		if (v) {
			p->v = v;
			p->cap = cap;
		}
	}
	if (p->n < p->cap) {
		p->v[p->n++] = s;
		s = NULL;
	}
	pthread_mutex_unlock(&p->mu);
	if (s) {
		td_pos_scratch_free(s);
		free(s);
	}
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

int td_words_new(const char *model_path, td_words **out)
{
	*out = NULL;
	td_words *w = calloc(1, sizeof *w);
	if (!w || !(w->pool = calloc(1, sizeof *w->pool))) {
		free(w);
		return td_error(TD_ENOMEM, "out of memory");
	}
	pthread_mutex_init(&w->pool->mu, NULL);
	int rc = td_pos_open(model_path ? model_path : td_pos_model_path(),
		&w->model);
	if (!rc)
		rc = td_lemma_init();
	if (rc) {
		td_words_free(w);
		return rc;
	}
	*out = w;
	return 0;
}

void td_words_free(td_words *w)
{
	if (!w)
		return;
	td_pos_close(w->model);
	for (size_t i = 0; i < w->pool->n; i++) {
		td_pos_scratch_free(w->pool->v[i]);
		free(w->pool->v[i]);
	}
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

/* tags[i] = the tag number of token i of tk, each <s> tagged on its own */
static int tag_tokens(const td_words *w, const td_doc *doc,
	const td_tokens *tk, uint8_t *tags)
{
	int rc = 0;
	/* sentence boundaries: the starts and ends of the <s> spans */
	size_t nb = 0, *bound = malloc((2 * doc->n_spans + 1) * sizeof *bound);
	td_pos_scratch *sc = bound ? scratch_take(w) : NULL;
	if (!sc) {
		free(bound);
		return td_error(TD_ENOMEM, "out of memory");
	}
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
			rc = td_pos_tag(w->model, doc->text, tk->v + first, i - first,
				tags + first, sc);
			first = i;
		}
	}
	scratch_give(w, sc);
	free(bound);
	return rc;
}

int td_words_add(const td_words *w, td_doc *doc)
{
	td_tokens own = {0}, *tk = doc->tokens;
	int rc = 0;
	if (!tk) {
		if ((rc = td_tokenize(doc->text, doc->len, 0, &own)))
			return rc;
		tk = &own;
	}
	uint8_t *tags = malloc(tk->n + 1);
	if (!tags) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	rc = tag_tokens(w, doc, tk, tags);
	for (size_t i = 0; i < tk->n && !rc; i++) {
		const char *pos = td_pos_tag_name(w->model, tags[i]);
		char lemma[256];
		td_lemma(doc->text + tk->v[i].start, tk->v[i].end - tk->v[i].start,
			pos, lemma, sizeof lemma);
		rc = td_doc_add_span(doc, "w", tk->v[i].start, tk->v[i].end, NULL,
			"pos", pos, "lemma", lemma, NULL);
	}
	if (!rc)
		td_doc_sort_spans(doc);
out:
	free(tags);
	td_tokens_free(&own);
	return rc;
}

int td_words_layers(const td_words *w, td_doc *doc)
{
	td_tokens own = {0}, *tk = doc->tokens;
	int rc = 0;
	if (!tk) {
		if ((rc = td_tokenize(doc->text, doc->len, 0, &own)))
			return rc;
		tk = &own;
	}
	td_toklayers *l = NULL;
	uint8_t *tags = malloc(tk->n + 1);
	const char **gpos = malloc((tk->n + 1) * sizeof *gpos);
	const char **glemma = malloc((tk->n + 1) * sizeof *glemma);
	if (!tags || !gpos || !glemma) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	/* tags a <w> of the input gives win (a tagged TEI corpus) */
	td_doc_w_layers(doc, tk, gpos, glemma);
	if ((rc = td_toklayers_new(tk->n, &l)) ||
		(rc = tag_tokens(w, doc, tk, tags)))
		goto out;
	for (size_t i = 0; i < tk->n && !rc; i++) {
		const char *pos = gpos[i] ? gpos[i]
					  : td_pos_tag_name(w->model, tags[i]);
		char lemma[256];
		if (!glemma[i])
			td_lemma(doc->text + tk->v[i].start,
				tk->v[i].end - tk->v[i].start, pos, lemma, sizeof lemma);
		rc = td_toklayers_set(l, i, pos, glemma[i] ? glemma[i] : lemma);
	}
	if (!rc) {
		td_toklayers_free(doc->layers);
		doc->layers = l;
		l = NULL;
	}
out:
	td_toklayers_free(l);
	free(tags);
	free(gpos);
	free(glemma);
	td_tokens_free(&own);
	return rc;
}
