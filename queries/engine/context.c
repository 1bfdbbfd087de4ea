/* context.c: what surrounds a hit in the index: its sentence, the spans
 * over it, and the document text of a token range. Read-only over index.h;
 * spans of one element are sorted by start, so lookups are binary searches.
 */
#include "config.h"
#include "context.h"
#include "hits.h"
#include "error.h"
#include "buf.h"
#include "index.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

/* The number of spans of element k whose start is <= pos. */
static uint32_t upto(td_seg *s, uint32_t k, uint32_t pos)
{
	uint32_t lo = 0, hi = td_seg_span_count(s, k);
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2, st = 0, en = 0;
		if (td_seg_span_get(s, k, mid, &st, &en) < 0)
			return lo;
		if (st <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int tq_sentence_at(td_seg *s, uint32_t pos, uint32_t *i)
{
	int64_t k = td_seg_span_find(s, "s");
	if (k < 0)
		return 0;
	/* sentences do not nest: the last one starting at or before pos */
	uint32_t n = upto(s, (uint32_t)k, pos);
	while (n > 0) {
		uint32_t st, en;
		if (td_seg_span_get(s, (uint32_t)k, n - 1, &st, &en) < 0)
			return 0;
		if (en > pos) {
			*i = n - 1;
			return 1;
		}
		if (en > st)
			return 0;
		n--; /* an empty <s> before pos: look further left */
	}
	return 0;
}

/* Block-level TEI elements whose text reads as one unit: paragraphs, verse
 * lines, speeches and utterances (DraCor <sp>, ParlaMint <u>), headings,
 * the front matter's title and imprint. <seg> is not one: it is inline in
 * our TEI (hedges) and a paragraph only in ParlaMint, inside a <u>. */
static const char *const blocks[] = {"p", "ab", "l", "head", "item", "cell",
        "u", "sp", "stage", "speaker", "note", "titlePart", "docImprint",
        "byline", "dateline", "trailer", "label"};
#define BACK_SCAN 64 /* same-name spans looked at before pos */

/* The latest-starting span of element k over pos (its innermost): 1 with
 * its range, 0 if none. */
static int innermost(
        td_seg *s, uint32_t k, uint32_t pos, uint32_t *st, uint32_t *en)
{
	uint32_t n = upto(s, k, pos);
	for (uint32_t i = n, seen = 0; i > 0 && seen < BACK_SCAN; i--, seen++) {
		uint32_t a, e;
		if (td_seg_span_get(s, k, i - 1, &a, &e) < 0)
			return 0;
		if (e > pos) {
			*st = a;
			*en = e;
			return 1;
		}
	}
	return 0;
}

int tq_elem_at(
        td_seg *s, const char *name, uint32_t pos, uint32_t *st, uint32_t *en)
{
	if (!strcmp(name, "s"))
		return tq_block_at(s, pos, st, en);
	int64_t k = td_seg_span_find(s, name);
	return k < 0 ? 0 : innermost(s, (uint32_t)k, pos, st, en);
}

int tq_block_at(td_seg *s, uint32_t pos, uint32_t *st, uint32_t *en)
{
	uint32_t si, bs = 0, be = 0;
	int found = 0;
	if (tq_sentence_at(s, pos, &si))
		return td_seg_span_get(s, (uint32_t)td_seg_span_find(s, "s"),
		               si, st, en) == 0;
	for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
		int64_t k = td_seg_span_find(s, blocks[b]);
		if (k < 0)
			continue;
		/* the latest-starting span over pos is this name's innermost */
		uint32_t n = upto(s, (uint32_t)k, pos);
		for (uint32_t i = n, seen = 0; i > 0 && seen < BACK_SCAN;
		        i--, seen++) {
			uint32_t a, e;
			if (td_seg_span_get(s, (uint32_t)k, i - 1, &a, &e) < 0)
				break;
			if (e <= pos)
				continue;
			if (!found || a > bs || (a == bs && e < be)) {
				bs = a;
				be = e;
				found = 1;
			}
			break;
		}
	}
	if (found) {
		*st = bs;
		*en = be;
	}
	return found;
}

const char *tq_span_attr_get(
        td_seg *s, uint32_t k, uint32_t i, const char *name)
{
	const char *v = NULL;
	return td_seg_span_attr_find(s, k, i, name, &v) == 1 ? v : NULL;
}

/* it's spans of element it->k that start before the hit's end, from
 * the first one of the hit's document */
static void spans_of(tq_span_iter *it)
{
	td_seg *s = it->h->seg;
	it->next = it->first_tok ? upto(s, it->k, it->first_tok - 1) : 0;
	it->last = upto(s, it->k, it->h->end - 1);
}

int tq_spans_begin(tq_span_iter *it, const tq_hit *h, int contain)
{
	td_docinfo di;
	memset(it, 0, sizeof *it);
	it->h = h;
	it->contain = contain;
	int rc = td_seg_doc(h->seg, h->doc, &di);
	if (rc < 0)
		return rc;
	it->first_tok = di.first_tok;
	it->nn = td_seg_span_nnames(h->seg);
	if (it->nn)
		spans_of(it);
	return 0;
}

int tq_spans_next(tq_span_iter *it)
{
	const tq_hit *h = it->h;
	for (;;) {
		while (it->next >= it->last) {
			if (it->k + 1 >= it->nn)
				return 0;
			it->k++;
			spans_of(it);
		}
		uint32_t i = it->next++, st, en;
		int rc = td_seg_span_get(h->seg, it->k, i, &st, &en);
		if (rc < 0)
			return rc;
		if (st < it->first_tok || en <= st)
			continue;
		if (it->contain ? (st <= h->start && en >= h->end)
		                : (st < h->end && en > h->start)) {
			it->i = i;
			it->start = st;
			it->end = en;
			return 1;
		}
	}
}

int tq_attr_around(
        const tq_hit *h, const char *elem, const char *attr, const char **v)
{
	*v = NULL;
	int64_t k = td_seg_span_find(h->seg, elem);
	if (k < 0)
		return 0;
	td_docinfo di;
	int rc = td_seg_doc(h->seg, h->doc, &di);
	if (rc < 0)
		return rc;
	/* as tq_spans_next, for one name: the shortest span of the
	 * document holding the whole hit, the first of equal ones */
	uint32_t first =
	        di.first_tok ? upto(h->seg, (uint32_t)k, di.first_tok - 1) : 0;
	uint32_t last = upto(h->seg, (uint32_t)k, h->end - 1), best = 0, bi = 0;
	int found = 0;
	for (uint32_t i = first; i < last; i++) {
		uint32_t st, en;
		if ((rc = td_seg_span_get(h->seg, (uint32_t)k, i, &st, &en)) <
		        0)
			return rc;
		if (st < di.first_tok || en <= st || st > h->start ||
		        en < h->end)
			continue;
		if (!found || en - st < best) {
			found = 1;
			best = en - st;
			bi = i;
		}
	}
	if (found)
		*v = tq_span_attr_get(h->seg, (uint32_t)k, bi, attr);
	return found;
}

size_t tq_squeeze_space(char *t, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
			if (k && t[k - 1] != ' ')
				t[k++] = ' ';
		} else {
			t[k++] = c;
		}
	}
	return k;
}

int tq_text_add(td_seg *s, uint32_t a, uint32_t e, td_buf *out)
{
	char *t = NULL;
	int rc = tq_text(s, a, e, &t);
	if (rc == 0)
		rc = td_buf_adds(out, t);
	free(t);
	return rc;
}

int tq_terms_add(td_seg *s, int layer, uint32_t a, uint32_t e, td_buf *out)
{
	int rc = 0;
	for (uint32_t p = a; p < e && rc == 0; p++) {
		size_t tl = 0;
		if (p > a)
			rc = td_buf_addc(out, ' ');
		if (rc == 0)
			rc = td_seg_need_layer(s, layer);
		if (rc == 0) {
			const char *t = td_seg_term_at(s, layer, p, &tl);
			rc = t ? td_buf_add(out, t, tl)
			       : td_seg_lex_term_err(s);
		}
	}
	return rc;
}

typedef struct keyparts {
	td_seg *s;
	int layer;
	td_buf *out;
	int n; /* parts so far */
} keyparts;

static int key_part(void *ctx, uint32_t a, uint32_t e)
{
	keyparts *k = ctx;
	int rc = 0;
	if (k->n++)
		rc = td_buf_adds(k->out, TQ_PARTS_SEP);
	if (rc == 0)
		rc = k->layer < 0 ? tq_text_add(k->s, a, e, k->out)
		                  : tq_terms_add(k->s, k->layer, a, e, k->out);
	return rc;
}

int tq_hit_key_add(const tq_hit *h, int layer, td_buf *out)
{
	keyparts k = {h->seg, layer, out, 0};
	int rc = layer < 0 ? 0 : td_seg_need_layer(h->seg, layer);
	return rc < 0 ? rc : tq_hit_parts(h, key_part, &k);
}

int tq_text(td_seg *s, uint32_t a, uint32_t b, char **buf)
{
	*buf = NULL;
	if (b <= a) {
		*buf = strdup("");
		return *buf ? 0 : td_error(TD_ENOMEM, "out of memory");
	}
	char *o;
	size_t len;
	int rc = td_seg_text_range(s, a, b, &o, &len);
	if (rc < 0)
		return rc;
	o[tq_squeeze_space(o, len)] = '\0';
	*buf = o;
	return 0;
}
