/* annotate.c: the annotator object (lexicons loaded once, read-only after
 * td_annotator_new) and td_annotate(), which runs the stage table (below)
 * in order over a document that already has its structure spans: each
 * stage reads what the stages before it wrote and never calls another
 * stage. Also span insertion that never lets two spans cross. The word
 * and pattern matching the stages share is match.c; the lexicons that
 * several stages read are lexicons.c. All per-document memory is per call.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "words.h"
#include "sentences.h"
#include "hash.h"
#include "util.h"
#include "profile.h"

/* --------------------------------------------------------------- spans */

int td_actx_add(td_actx *c, const char *name, size_t start, size_t end,
        size_t *out, const char *n1, const char *v1, const char *n2,
        const char *v2)
{
	td_doc *d = c->doc;
	if (start >= end)
		return 1;
	for (size_t i = 0; i < d->n_spans; i++) {
		const td_span *sp = &d->spans[i];
		/* apart from [start, end): neither crosses nor equals it (the
		 * usual case, told by one compare or two) */
		if (sp->end <= start || sp->start >= end)
			continue;
		int crosses =
		        (sp->start < start && start < sp->end &&
		                sp->end < end) ||
		        (start < sp->start && sp->start < end && end < sp->end);
		if (crosses)
			return 1;
		/* identical range and same element: already there */
		if (sp->start == start && sp->end == end &&
		        strcmp(sp->name, name) == 0)
			return 1;
	}
	if (n2)
		return td_doc_add_span(
		        d, name, start, end, out, n1, v1, n2, v2, NULL);
	if (n1)
		return td_doc_add_span(d, name, start, end, out, n1, v1, NULL);
	return td_doc_add_span(d, name, start, end, out, NULL);
}

int td_actx_in_quote_search(const td_actx *c, size_t s, size_t e)
{
	if (c->n_qix == c->n_quotes && c->n_qix) {
		/* some quote starting at or before s ends at or after e */
		size_t lo = 0, hi = c->n_qix;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (c->qix_start[mid] <= s)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo > 0 && c->qix_maxend[lo - 1] >= e;
	}
	for (size_t i = 0; i < c->n_quotes; i++)
		if (c->quotes[i].start <= s && e <= c->quotes[i].end)
			return 1;
	return 0;
}

/* ----------------------------------------------------------- annotator */

static int index_quotes(td_actx *c);

static const char *pos_model_given;

void td_annotator_pos_model_set(const char *path)
{
	pos_model_given = path && *path ? path : NULL;
}

const td_words *td_annotator_tagger(const td_annotator *a)
{
	return a->tagger;
}

static int pos_load(td_annotator *a, const char *dir)
{
	(void)dir;
	int rc = td_words_tagger(pos_model_given, &a->tagger);
	for (unsigned t = 0; !rc && t < 256; t++)
		a->pos_name[t] = td_words_tag_name(a->tagger, t);
	return rc;
}

static void pos_unload(td_annotator *a)
{
	td_words_free(a->tagger);
	a->tagger = NULL;
	memset(a->pos_name, 0, sizeof a->pos_name);
}

/* The pos stage: every token's part of speech, before the stages that
 * read it (names by their context); kept on the document, so that
 * --words and the index's layers do not tag it again. */
static int pos_tag(td_actx *c)
{
	int rc = td_words_tag_tokens(c->a->tagger, c->doc, &c->tok);
	if (!rc)
		c->pos = c->doc->pos_tags;
	return rc;
}

/* The stages in the order they run, with what each reads and writes
 * (besides the tokens and sentences that every stage reads). A stage's
 * load reads its own lexicons and its unload frees them (a stage with
 * neither has none); those of several stages (speech verbs, titles) are
 * lexicons.c's, loaded before all of them. */
static const td_stage stages[] = {
        {.name = "pos",
                .load = pos_load,
                .run = pos_tag,
                .unload = pos_unload,
                .reads = "sentences",
                .writes = "part of speech of every token (doc->pos_tags)"},
        {.name = "quotes",
                .load = td_quotes_load,
                .run = td_quotes_find,
                .unload = td_reported_unload,
                .reads = "paragraphs",
                .writes = "quotes (in memory: ranges and chains, no speaker)"},
        {.name = "quote-index",
                .run = index_quotes,
                .reads = "quotes",
                .writes = "the index behind td_actx_in_quote"},
        {.name = "actors",
                .load = td_actors_load,
                .run = td_actors_find,
                .unload = td_actors_unload,
                .reads = "quotes (names inside them), speech verbs, titles",
                .writes =
                        "mentions (persName, orgName, placeName, name spans), "
                        "new actors"},
        {.name = "speakers",
                .run = td_quotes_attribute,
                .reads = "quotes, mentions, speech verbs, titles",
                .writes = "q spans with @who, said spans with @who"},
        {.name = "hedges",
                .load = td_hedges_load,
                .run = td_hedges_find,
                .unload = td_hedges_unload,
                .reads = "quotes",
                .writes = "hedge seg spans, per-token hedge marks"},
        {.name = "labels",
                .load = td_labels_load,
                .run = td_labels_apply,
                .unload = td_labels_unload,
                .reads = "hedges, quotes, said, speech verbs",
                .writes = "sentence labels (in memory)"},
        {.name = "dates",
                .run = td_dates_find,
                .reads = "sentence labels",
                .writes = "date spans of predictions"},
        {.name = "labels-write",
                .run = td_labels_write,
                .reads = "sentence labels",
                .writes = "s@ana"},
};
enum { NSTAGES = sizeof stages / sizeof stages[0] };

const td_stage *td_annotate_stages(size_t *n)
{
	*n = NSTAGES;
	return stages;
}

int td_annotator_new(const char *lexdir, td_annotator **out)
{
	td_annotator *a;
	int rc;

	*out = NULL;
	if (!lexdir)
		lexdir = td_lexicon_dir();
	a = calloc(1, sizeof *a);
	if (!a)
		return td_error(TD_ENOMEM, "out of memory");
	rc = td_shared_load(a, lexdir);
	for (size_t i = 0; i < NSTAGES && rc >= 0; i++)
		if (stages[i].load)
			rc = stages[i].load(a, lexdir);
	if (rc >= 0)
		rc = td_words_register(a, td_match_lists);
	if (rc >= 0)
		rc = td_words_index(a);
	if (rc < 0) {
		td_annotator_free(a);
		return rc;
	}
	*out = a;
	return 0;
}

void td_annotator_free(td_annotator *a)
{
	if (!a)
		return;
	/* each stage frees what its load loaded, the last first */
	for (size_t i = NSTAGES; i-- > 0;)
		if (stages[i].unload)
			stages[i].unload(a);
	td_shared_unload(a);
	/* the word table the stages registered their words in */
	free(a->reg);
	free(a->reg_slot);
	free(a->wslot);
	free(a->reg_bit);
	free(a->reg_dir);
	free(a->reg_dbit);
	free(a->wtab[0]);
	free(a->wtab[1]);
	free(a);
}

static int sent_cmp(const void *x, const void *y)
{
	const td_sent *a = x, *b = y;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* Collects the <s> spans, their tokens and their enclosing block. */
static int build_context(td_actx *c)
{
	td_doc *d = c->doc;
	size_t ns = 0;
	size_t nb = 0, *blocks;
	for (size_t i = 0; i < d->n_spans; i++) {
		const char *nm = d->spans[i].name;
		ns += strcmp(nm, "s") == 0;
		nb += strcmp(nm, "p") == 0 || strcmp(nm, "head") == 0 ||
		      strcmp(nm, "quote") == 0;
	}
	c->sents = calloc(ns ? ns : 1, sizeof *c->sents);
	c->sflags = calloc(ns ? ns : 1, sizeof *c->sflags);
	blocks = malloc((nb ? nb : 1) * sizeof *blocks);
	if (!c->sents || !c->sflags || !blocks) {
		free(blocks);
		return td_error(TD_ENOMEM, "out of memory");
	}
	/* the spans a sentence may sit in, in span order, named once */
	nb = 0;
	for (size_t i = 0; i < d->n_spans; i++) {
		const char *nm = d->spans[i].name;
		if (strcmp(nm, "p") == 0 || strcmp(nm, "head") == 0 ||
		        strcmp(nm, "quote") == 0)
			blocks[nb++] = i;
	}
	for (size_t i = 0; i < d->n_spans; i++) {
		if (strcmp(d->spans[i].name, "s") != 0)
			continue;
		td_sent *s = &c->sents[c->n_sents++];
		s->span = i;
		s->start = d->spans[i].start;
		s->end = d->spans[i].end;
		s->para = -1;
		size_t best = (size_t)-1;
		for (size_t bi = 0; bi < nb; bi++) {
			size_t j = blocks[bi];
			const td_span *p = &d->spans[j];
			if (p->start <= s->start && s->end <= p->end &&
			        (best == (size_t)-1 ||
			                p->end - p->start <
			                        d->spans[best].end -
			                                d->spans[best].start))
				best = j;
		}
		s->para = best == (size_t)-1 ? -1 : (int)best;
	}
	free(blocks);
	qsort(c->sents, c->n_sents, sizeof *c->sents, sent_cmp);
	if (d->tokens) {
		/* cut by the structure stage over the same text: take them */
		c->tok = *d->tokens;
		free(d->tokens);
		d->tokens = NULL;
	} else {
		int rc = td_tokenize(d->text, d->len, 0, &c->tok);
		if (rc)
			return rc;
	}
	c->tok_sent = malloc((c->tok.n ? c->tok.n : 1) * sizeof *c->tok_sent);
	c->tok_hash[0] =
	        malloc((c->tok.n ? c->tok.n : 1) * sizeof *c->tok_hash[0]);
	c->tok_hash[1] =
	        malloc((c->tok.n ? c->tok.n : 1) * sizeof *c->tok_hash[1]);
	c->tok_ent[0] =
	        malloc((c->tok.n ? c->tok.n : 1) * sizeof *c->tok_ent[0]);
	c->tok_ent[1] =
	        malloc((c->tok.n ? c->tok.n : 1) * sizeof *c->tok_ent[1]);
	if (!c->tok_sent || !c->tok_hash[0] || !c->tok_hash[1] ||
	        !c->tok_ent[0] || !c->tok_ent[1])
		return td_error(TD_ENOMEM, "out of memory");
	/* each token's first of the same bytes, for td_doc_terms when the
	 * tokens go back to the document */
	free(d->tok_first);
	td_tok_classify(c->a, d->text, c->tok.v, c->tok.n, c->tok_hash,
	        c->tok_ent, &d->tok_first);
	size_t k = 0;
	for (size_t t = 0; t < c->tok.n; t++)
		c->tok_sent[t] = -1;
	for (size_t si = 0; si < c->n_sents; si++) {
		td_sent *s = &c->sents[si];
		while (k < c->tok.n && c->tok.v[k].start < s->start)
			k++;
		s->t0 = k;
		while (k < c->tok.n && c->tok.v[k].end <= s->end)
			c->tok_sent[k++] = (int)si;
		s->t1 = k;
	}
	if (d->meta.date) {
		int y = 0, m = 0, dd = 0;
		if (sscanf(d->meta.date, "%4d-%2d-%2d", &y, &m, &dd) >= 1) {
			c->pub_y = y;
			c->pub_m = m;
			c->pub_d = dd;
		}
	}
	return 0;
}

static int range_cmp(const void *x, const void *y)
{
	const td_range *a = x, *b = y;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* The longest stretch of a document's text td_actx_in_quote's table
 * covers (4 bytes a byte of text). */
enum { QAT_MAX = 1 << 24 };

/* Indexes the quotes for td_actx_in_quote(); without memory it scans. */
static int index_quotes(td_actx *c)
{
	size_t n = c->n_quotes;
	td_range *r = malloc((n ? n : 1) * sizeof *r);
	c->qix_start = malloc((n ? n : 1) * sizeof *c->qix_start);
	c->qix_maxend = malloc((n ? n : 1) * sizeof *c->qix_maxend);
	if (!r || !c->qix_start || !c->qix_maxend) {
		free(r);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		r[i] = (td_range){c->quotes[i].start, c->quotes[i].end};
	qsort(r, n, sizeof *r, range_cmp);
	size_t mx = 0;
	for (size_t i = 0; i < n; i++) {
		c->qix_start[i] = r[i].start;
		mx = r[i].end > mx ? r[i].end : mx;
		c->qix_maxend[i] = mx;
	}
	c->n_qix = n;
	free(r);
	/* the answer per byte from the first quote's start to the last's
	 * (one load instead of a binary search: the rules ask about every
	 * token, ~8,500 times a news article); past the last start every
	 * quote counts. Not for a text whose table would be large or whose
	 * offsets do not fit: the search answers then. */
	if (!n || c->qix_start[n - 1] - c->qix_start[0] >= QAT_MAX ||
	        mx > UINT32_MAX)
		return 0;
	size_t na = c->qix_start[n - 1] - c->qix_start[0] + 1;
	if (!(c->qix_at = malloc(na * sizeof *c->qix_at)))
		return 0;
	/* quote i's stretch: from its start to the next one's */
	for (size_t i = 0, k = 0; i < n; i++) {
		size_t to =
		        i + 1 < n ? c->qix_start[i + 1] - c->qix_start[0] : na;
		for (uint32_t v = (uint32_t)c->qix_maxend[i]; k < to; k++)
			c->qix_at[k] = v;
	}
	c->n_qat = na;
	return 0;
}

static void free_context(td_actx *c)
{
	free(c->qix_at);
	free(c->qix_start);
	free(c->qix_maxend);
	td_tokens_clear(&c->tok);
	free(c->tok_sent);
	free(c->tok_hash[0]);
	free(c->tok_hash[1]);
	free(c->tok_ent[0]);
	free(c->tok_ent[1]);
	free(c->sents);
	free(c->sflags);
	free(c->tok_hedge);
	free(c->tok_name);
	free(c->tok_shape);
	free(c->ments);
	for (size_t i = 0; i < c->n_dyn; i++) {
		free(c->dyn[i].key);
		free(c->dyn[i].name);
	}
	free(c->dyn);
	free(c->quotes);
	free(c->said);
}

int td_annotate_until(const td_annotator *a, td_doc *doc, const char *last)
{
	td_actx c;
	int rc;
	if (!a || !doc)
		return td_error(TD_EUSAGE, "td_annotate: NULL argument");
	size_t n = NSTAGES;
	if (last) {
		for (n = 0; n < NSTAGES && strcmp(stages[n].name, last); n++)
			;
		if (n == NSTAGES)
			return td_error(
			        TD_EUSAGE, "no annotation stage '%s'", last);
		n++;
	}
	/* --profile (profile.h): the context's tables are "annotate", each
	 * stage its own name */
	const char *st = td_profile_enter("annotate");
	memset(&c, 0, sizeof c);
	c.a = a;
	c.doc = doc;
	rc = build_context(&c);
	for (size_t i = 0; i < n && rc == 0; i++) {
		const char *in = td_profile_enter(stages[i].name);
		rc = stages[i].run(&c);
		td_profile_leave(in);
	}
	/* the tokens go back to the document for the later stages (the
	 * index's layers and segment): annotation never changes the text */
	td_tokens *t = rc || doc->tokens ? NULL : malloc(sizeof *t);
	if (t) {
		*t = c.tok;
		memset(&c.tok, 0, sizeof c.tok);
		doc->tokens = t;
	} else {
		/* not the document's tokens: nothing to number them by */
		free(doc->tok_first);
		doc->tok_first = NULL;
	}
	free_context(&c);
	if (rc == 0)
		td_doc_sort_spans(doc);
	td_profile_leave(st);
	return rc;
}

int td_annotate(const td_annotator *a, td_doc *doc)
{
	return td_annotate_until(a, doc, NULL);
}
