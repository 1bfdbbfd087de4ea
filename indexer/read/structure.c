/* structure.c: classified blocks into a document with TEI structure spans:
 * front matter, sections, headings, paragraphs, sentences, pull quotes and
 * layout markers. It only adds spans over the reader's text; it never edits
 * the text. Sentence ids count body paragraphs only, in order, from 0.
 * Decision: a pull quote is <quote type="pullquote"><p>…</p></quote> with no
 * <s> inside, because its words are counted where they occur in the body.
 */
#include "config.h"
#include "structure.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#define PULLQUOTE_MAX_TOKENS 80 /* a longer paragraph is never a pull quote */
#define PULLQUOTE_MIN_WORDS 4   /* nor is a shorter one */
#define LAYOUT_MAX 200          /* bytes: longer blocks are never markers */

int td_structure_lex_load(const char *lexdir, td_structure_lex **out)
{
	char path[4096];
	int rc;
	td_structure_lex *l = calloc(1, sizeof *l);
	if (!l)
		return td_error(TD_ENOMEM, "out of memory");
	snprintf(path, sizeof path, "%s/abbreviations.tsv", lexdir);
	if ((rc = td_abbrevs_load(path, &l->abbrevs)))
		goto fail;
	snprintf(path, sizeof path, "%s/layout.tsv", lexdir);
	if ((rc = td_layout_load(path, &l->layout)))
		goto fail;
	*out = l;
	return 0;
fail:
	td_structure_lex_free(l);
	return rc;
}

void td_structure_lex_free(td_structure_lex *lex)
{
	if (!lex)
		return;
	td_abbrevs_free(lex->abbrevs);
	td_layout_free(lex->layout);
	free(lex);
}

/* ---------------------------------------------------------- pull quotes */

static int is_word_token(const char *s, const td_token *t)
{
	utf8proc_int32_t cp;
	unsigned char b = (unsigned char)s[t->start];
	if (b < 0x80) /* ASCII: letters (Lu, Ll) and digits (Nd) only */
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
		       (b >= '0' && b <= '9');
	if (utf8proc_iterate((const uint8_t *)s + t->start,
	            (utf8proc_ssize_t)(t->end - t->start), &cp) <= 0)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       c == UTF8PROC_CATEGORY_ND;
}

static int tok_eq(const char *s, const td_token *a, const td_token *b)
{
	return a->end - a->start == b->end - b->start &&
	       memcmp(s + a->start, s + b->start, a->end - a->start) == 0;
}

/* Equal but for ASCII case: a pull quote may capitalise its first word. */
static int tok_eq_nocase(const char *s, const td_token *a, const td_token *b)
{
	unsigned char x = (unsigned char)s[a->start],
	              y = (unsigned char)s[b->start];
	if (x != y && (x | 0x20) != (y | 0x20)) /* first bytes differ, folded */
		return 0;
	return a->end - a->start == b->end - b->start &&
	       strncasecmp(s + a->start, s + b->start, a->end - a->start) == 0;
}

/* Does the token sequence n[0, nn) occur in h[0, nh)? */
static int contains(const char *s, const td_token *h, size_t nh,
        const td_token *n, size_t nn)
{
	for (size_t i = 0; nn && i + nn <= nh; i++) {
		size_t k = 0;
		if (!tok_eq_nocase(s, &h[i], &n[0]))
			continue;
		k = 1;
		while (k < nn && tok_eq(s, &h[i + k], &n[k]))
			k++;
		if (k == nn)
			return 1;
	}
	return 0;
}

static int space_byte(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' ||
	       ch == '\f' || ch == '\v';
}

/* Puts into *out the tokens of block k: a view into all (the tokens of the
 * whole text) when k is bordered by white space or the text's ends, since
 * no token crosses white space and the tokeniser looks past a token only
 * at the next character; else k's own tokens, cut alone. *own says which. */
static int block_tokens(const td_blocks *b, const td_tokens *all,
        const td_block *k, td_tokens *out, int *own)
{
	if (all && (k->start == 0 || space_byte(b->text[k->start - 1])) &&
	        (k->end == b->len || space_byte(b->text[k->end]))) {
		size_t lo = 0, hi = all->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (all->v[mid].start < k->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t e = lo;
		while (e < all->n && all->v[e].end <= k->end)
			e++;
		out->v = all->v + lo;
		out->n = out->cap = e - lo;
		*own = 0;
		return 0;
	}
	*own = 1;
	return td_tokenize(
	        b->text + k->start, k->end - k->start, k->start, out);
}

/* Does n[0, nn) occur in h[0, nh) as a whole: not after a word or a
 * comma, nor before a word? A heading-shaped line that repeats a sentence,
 * a clause or a quotation of the body is its pull quote ("A force that
 * watches is not the force we asked for" over “A force that watches is
 * not the force we asked for,” he said); one that merely occurs inside a
 * sentence ("Breeding might move up" in "Marv Breeding might move up a
 * notch") is a heading. */
static int contains_whole(const char *s, const td_token *h, size_t nh,
        const td_token *n, size_t nn)
{
	for (size_t i = 0; nn && i + nn <= nh; i++) {
		if (i > 0 && (is_word_token(s, &h[i - 1]) ||
		                     s[h[i - 1].start] == ','))
			continue;
		if (i + nn < nh && is_word_token(s, &h[i + nn]))
			continue;
		if (contains(s, h + i, nn, n, nn))
			return 1;
	}
	return 0;
}

/* A paragraph's words as a set of 512 bits, each token's bytes hashed to
 * one (case kept): contains(h, n) needs every token of n after the first
 * in h, so its bits in h's. Testing them first spares contains's scan of
 * every longer paragraph for each short one (1.5% of an ingest's
 * instructions). */
typedef struct {
	uint64_t w[8];
} tokbits;

static unsigned tok_bit(const char *s, const td_token *t)
{
	/* length, first, middle and last byte: enough to tell most words
	 * apart, at a few instructions a token */
	size_t n = t->end - t->start;
	const unsigned char *p = (const unsigned char *)s + t->start;
	if (!n)
		return 0;
	uint32_t h = (uint32_t)n * 0x9e3779b1u ^ p[0] ^
	             (uint32_t)p[n / 2] << 8 ^ (uint32_t)p[n - 1] << 16;
	return (h * 0x85ebca6bu) >> 23;
}

/* Adds the bits of tokens t[from, n) to b. */
static void tokbits_add(
        const char *s, const td_token *t, size_t from, size_t n, tokbits *b)
{
	for (size_t k = from; k < n; k++) {
		unsigned x = tok_bit(s, &t[k]);
		b->w[x >> 6] |= (uint64_t)1 << (x & 63);
	}
}

/* The bits of tokens t[from, n). */
static void tokbits_of(
        const char *s, const td_token *t, size_t from, size_t n, tokbits *b)
{
	memset(b, 0, sizeof *b);
	tokbits_add(s, t, from, n, b);
}

/* Every bit of need is in have: else no contains(have's, need's). */
static int tokbits_cover(const tokbits *have, const tokbits *need)
{
	uint64_t miss = 0;
	for (int k = 0; k < 8; k++)
		miss |= need->w[k] & ~have->w[k];
	return !miss;
}

/* Marks pull[i] for each block i of blk (body paragraphs and, where head[i],
 * headings) that is a pull quote: a short paragraph whose words (final
 * punctuation aside) occur word for word in a longer paragraph, or in a
 * later identical one; a heading (a pull quote without a final full stop
 * is one by its shape) whose words occur as a whole in a paragraph
 * (contains_whole). Only paragraphs are searched. */
static int find_pullquotes(const td_blocks *b, const td_tokens *all,
        const size_t *para, const char *head, size_t np, char *pull)
{
	td_tokens *tk = calloc(np ? np : 1, sizeof *tk);
	size_t *core = calloc(np ? np : 1, sizeof *core);
	char *own = calloc(np ? np : 1, 1);
	/* per paragraph: all its tokens; those after the first of its core,
	 * of all of it */
	tokbits *all_b = malloc((np ? np : 1) * sizeof *all_b);
	tokbits *core_b = malloc((np ? np : 1) * sizeof *core_b);
	tokbits *tail_b = malloc((np ? np : 1) * sizeof *tail_b);
	int rc = 0;
	if (!tk || !core || !own || !all_b || !core_b || !tail_b) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < np; i++) {
		const td_block *k = &b->v[para[i]];
		int o = 0;
		rc = block_tokens(b, all, k, &tk[i], &o);
		own[i] = (char)o;
		if (rc)
			goto done;
		core[i] = tk[i].n;
		while (core[i] > 0 &&
		        !is_word_token(b->text, &tk[i].v[core[i] - 1]))
			core[i]--;
		if (tk[i].n <= PULLQUOTE_MAX_TOKENS) { /* else no pull quote */
			/* each token hashed once: the core's tokens after
			 * the first, then the tail's rest, then the first */
			size_t c = core[i] > 1 ? core[i] : 1;
			tokbits_of(b->text, tk[i].v, 1, core[i], &core_b[i]);
			tail_b[i] = core_b[i];
			tokbits_add(b->text, tk[i].v, c, tk[i].n, &tail_b[i]);
			all_b[i] = tail_b[i];
			tokbits_add(b->text, tk[i].v, 0, tk[i].n ? 1 : 0,
			        &all_b[i]);
		} else
			tokbits_of(b->text, tk[i].v, 0, tk[i].n, &all_b[i]);
	}
	for (size_t i = 0; i < np; i++) {
		size_t words = 0;
		for (size_t t = 0; t < core[i]; t++)
			words += is_word_token(b->text, &tk[i].v[t]);
		if (tk[i].n > PULLQUOTE_MAX_TOKENS ||
		        words < PULLQUOTE_MIN_WORDS)
			continue;
		for (size_t j = 0; j < np && !pull[i]; j++) {
			int in_j = tokbits_cover(&all_b[j], &core_b[i]);
			if (head[i] && !head[j] && tk[j].n > core[i] && in_j &&
			        contains_whole(b->text, tk[j].v, tk[j].n,
			                tk[i].v, core[i]))
				pull[i] = 1;
			if (head[i] || head[j] || j == i || tk[j].n < tk[i].n)
				continue;
			int same = tk[j].n == tk[i].n;
			if (same &&
			        (j < i ||
			                !tokbits_cover(&all_b[j], &tail_b[i]) ||
			                !contains(b->text, tk[j].v, tk[j].n,
			                        tk[i].v, tk[i].n)))
				continue;
			if (same || (in_j && contains(b->text, tk[j].v, tk[j].n,
			                             tk[i].v, core[i])))
				pull[i] = 1;
		}
	}
done:
	for (size_t i = 0; tk && own && i < np; i++)
		if (own[i])
			td_tokens_clear(&tk[i]);
	free(tk);
	free(core);
	free(own);
	free(all_b);
	free(core_b);
	free(tail_b);
	return rc;
}

/* ------------------------------------------------------------ building */

static int copy_meta(td_meta *to, const td_meta *from)
{
	return td_meta_set(&to->title, from->title) ||
	       td_meta_set(&to->subtitle, from->subtitle) ||
	       td_meta_set(&to->date, from->date) ||
	       td_meta_set(&to->genre, from->genre) ||
	       td_meta_set(&to->reading_time, from->reading_time) ||
	       td_meta_set(&to->author, from->author) ||
	       td_meta_set(&to->url, from->url) ||
	       td_meta_set(&to->source_name, from->source_name) ||
	       td_meta_set(&to->source_sha256, from->source_sha256) ||
	       td_meta_set(&to->extraction, from->extraction);
}

static int add_front(const td_blocks *b, td_doc *d, size_t nf)
{
	int rc;
	if (nf == 0)
		return 0;
	if ((rc = td_doc_add_span(
	             d, "front", b->v[0].start, b->v[nf - 1].end, NULL, NULL)))
		return rc;
	for (size_t i = 0; i < nf; i++) {
		const td_block *k = &b->v[i];
		switch (k->kind) {
		case TD_BLOCK_TITLE:
			if ((rc = td_doc_add_span(d, "docTitle", k->start,
			             k->end, NULL, NULL)) ||
			        (rc = td_doc_add_span(d, "titlePart", k->start,
			                 k->end, NULL, "type", "main", NULL)))
				return rc;
			break;
		case TD_BLOCK_STANDFIRST: {
			size_t j = i;
			while (j + 1 < nf &&
			        b->v[j + 1].kind == TD_BLOCK_STANDFIRST)
				j++;
			if ((rc = td_doc_add_span(d, "argument", k->start,
			             b->v[j].end, NULL, NULL)))
				return rc;
			for (size_t x = i; x <= j; x++)
				if ((rc = td_doc_add_span(d, "p", b->v[x].start,
				             b->v[x].end, NULL, NULL)))
					return rc;
			i = j;
			break;
		}
		case TD_BLOCK_META:
			if ((rc = td_doc_add_span(d, "docImprint", k->start,
			             k->end, NULL, NULL)))
				return rc;
			if (b->line.iso[0] &&
			        b->line.date_end > b->line.date_start &&
			        b->line.date_start >= k->start &&
			        b->line.date_end <= k->end &&
			        (rc = td_doc_add_span(d, "docDate",
			                 b->line.date_start, b->line.date_end,
			                 NULL, "when", b->line.iso, NULL)))
				return rc;
			break;
		default: /* not front matter: cannot happen, nf counts front
		            kinds */
			break;
		}
	}
	return 0;
}

/* Writes v in decimal at p, then a 0 (at most 21 bytes). */
static void id_number(char *p, size_t v)
{
	char tmp[20];
	size_t n = 0;
	do
		tmp[n++] = (char)('0' + v % 10);
	while (v /= 10);
	while (n)
		*p++ = tmp[--n];
	*p = 0;
}

static int add_paragraph(const td_blocks *b, const td_structure_lex *lex,
        td_doc *d, const td_block *k, size_t *ns)
{
	td_range *r = NULL;
	size_t n = 0;
	char id[512];
	int rc = td_doc_add_span(d, "p", k->start, k->end, NULL, NULL);
	if (!rc)
		rc = td_sentences_split(lex ? lex->abbrevs : NULL, b->text,
		        k->start, k->end, &r, &n);
	/* "ID-sN": the prefix written once, the number by hand (snprintf
	 * was 900 instructions a sentence); an id too long for the whole
	 * to fit is cut as snprintf cuts it */
	size_t pl = strlen(d->id);
	int fast = pl + 2 + 21 <= sizeof id;
	if (fast) {
		memcpy(id, d->id, pl);
		memcpy(id + pl, "-s", 2);
		pl += 2;
	}
	for (size_t i = 0; !rc && i < n; i++) {
		if (fast)
			id_number(id + pl, (*ns)++);
		else
			snprintf(id, sizeof id, "%s-s%zu", d->id, (*ns)++);
		rc = td_doc_add_span(
		        d, "s", r[i].start, r[i].end, NULL, "xml:id", id, NULL);
	}
	free(r);
	return rc;
}

int td_structure_build(const td_blocks *b, const td_structure_lex *lex,
        const char *doc_id, td_doc **out)
{
	td_doc *d = NULL;
	size_t *para = NULL, np = 0, nf = 0, ns = 0;
	char *pull = NULL, *layout = NULL;
	int rc;
	if ((rc = td_doc_new(doc_id, b->text, b->len, &d)))
		return rc;
	if (copy_meta(&d->meta, &b->meta)) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto fail;
	}
	if ((rc = td_doc_add_span(d, "text", 0, b->len, NULL, NULL)))
		goto fail;
	while (nf < b->n && (b->v[nf].kind == TD_BLOCK_TITLE ||
	                            b->v[nf].kind == TD_BLOCK_STANDFIRST ||
	                            b->v[nf].kind == TD_BLOCK_META))
		nf++;
	if ((rc = add_front(b, d, nf)))
		goto fail;
	if (nf == b->n) { /* nothing but front matter: an empty paragraph */
		if ((rc = td_doc_add_span(
		             d, "body", b->len, b->len, NULL, NULL)) ||
		        (rc = td_doc_add_span(
		                 d, "p", b->len, b->len, NULL, NULL)))
			goto fail;
		*out = d;
		return 0;
	}
	para = calloc(b->n, sizeof *para);
	pull = calloc(b->n, 1);
	layout = calloc(b->n, 1);
	if (!para || !pull || !layout) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = nf; i < b->n; i++) {
		const td_block *k = &b->v[i];
		/* Front kinds after the body start are taken as paragraphs. */
		if (k->end - k->start <= LAYOUT_MAX && lex &&
		        td_layout_match(lex->layout, b->text + k->start,
		                k->end - k->start))
			layout[i] = 1;
		else
			para[np++] = i;
	}
	char *pq = calloc(np ? np : 1, 1), *hd = calloc(np ? np : 1, 1);
	for (size_t i = 0; pq && hd && i < np; i++)
		hd[i] = b->v[para[i]].kind == TD_BLOCK_HEAD;
	if (!pq || !hd) {
		free(pq);
		free(hd);
		rc = td_error(TD_ENOMEM, "out of memory");
		goto fail;
	}
	/* the whole text's tokens, cut once: pull quotes compare paragraphs
	 * by them and the annotator takes them over (d->tokens) */
	if (!(d->tokens = calloc(1, sizeof *d->tokens))) {
		free(pq);
		free(hd);
		rc = td_error(TD_ENOMEM, "out of memory");
		goto fail;
	}
	if ((rc = td_tokenize(d->text, d->len, 0, d->tokens)) ||
	        (rc = find_pullquotes(b, d->tokens, para, hd, np, pq))) {
		free(pq);
		free(hd);
		goto fail;
	}
	for (size_t i = 0; i < np; i++)
		pull[para[i]] = pq[i];
	free(pq);
	free(hd);
	if ((rc = td_doc_add_span(d, "body", b->v[nf].start, b->v[b->n - 1].end,
	             NULL, NULL)))
		goto fail;
	size_t div_start = nf;
	for (size_t i = nf; i <= b->n; i++) {
		if (i < b->n && !(b->v[i].kind == TD_BLOCK_HEAD && !layout[i] &&
		                        !pull[i] && i > div_start))
			continue;
		if ((rc = td_doc_add_span(d, "div", b->v[div_start].start,
		             b->v[i - 1].end, NULL, "type", "section", NULL)))
			goto fail;
		div_start = i;
	}
	for (size_t i = nf; i < b->n; i++) {
		const td_block *k = &b->v[i];
		if (layout[i])
			rc = td_doc_add_span(d, "note", k->start, k->end, NULL,
			        "type", "layout", NULL);
		else if (k->kind == TD_BLOCK_HEAD && !pull[i])
			rc = td_doc_add_span(
			        d, "head", k->start, k->end, NULL, NULL);
		else if (pull[i] &&
		         !(rc = td_doc_add_span(d, "quote", k->start, k->end,
		                   NULL, "type", "pullquote", NULL)))
			rc = td_doc_add_span(
			        d, "p", k->start, k->end, NULL, NULL);
		else if (!pull[i])
			rc = add_paragraph(b, lex, d, k, &ns);
		if (rc)
			goto fail;
	}
	free(para);
	free(pull);
	free(layout);
	*out = d;
	return 0;
fail:
	free(para);
	free(pull);
	free(layout);
	td_doc_free(d);
	return rc;
}
