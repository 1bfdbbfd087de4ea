/* kwic.c: keyword-in-context lines: a hit with its document, date, sentence
 * id and left/right context (N words or the whole sentence, never crossing
 * the document), and the aligned text rendering of one line.
 */
#include "config.h"
#include "query.h"

#include <stdlib.h>
#include <string.h>

#define LEFT_WIDTH 40 /* columns the left context is right-aligned to */

int tq_line_make(const tq_hit *h, const tq_kwic_opts *o, tq_line *l)
{
	td_docinfo di;
	memset(l, 0, sizeof *l);
	l->hit = *h;
	int rc = td_seg_doc(h->seg, h->doc, &di);
	if (rc < 0)
		return rc;
	l->doc = di.id;
	l->date = di.date;
	l->title = di.title;
	l->start = h->start - di.first_tok;
	l->end = h->end - di.first_tok;
	uint32_t dend = di.first_tok + di.ntok, si;
	uint32_t a = h->start > di.first_tok + o->words ? h->start - o->words
	                                                : di.first_tok;
	uint32_t b = h->end + o->words < dend ? h->end + o->words : dend;
	if (tq_sentence_at(h->seg, h->start, &si)) {
		int64_t k = td_seg_span_find(h->seg, "s");
		uint32_t st, en;
		l->sid = tq_span_attr_get(h->seg, (uint32_t)k, si, "xml:id");
		if (o->sentence && td_seg_span_get(h->seg, (uint32_t)k, si, &st,
		                           &en) == 0) {
			a = st < h->start ? st : h->start;
			b = en > h->end ? en : h->end;
		}
	} else if (o->sentence) {
		a = h->start;
		b = h->end;
	}
	if ((rc = tq_text(h->seg, a, h->start, &l->left)) < 0 ||
	        (rc = tq_text(h->seg, h->start, h->end, &l->match)) < 0 ||
	        (rc = tq_text(h->seg, h->end, b, &l->right)) < 0) {
		tq_line_free(l);
		return rc;
	}
	return 0;
}

void tq_line_free(tq_line *l)
{
	free(l->left);
	free(l->match);
	free(l->right);
	l->left = l->match = l->right = NULL;
}

/* display columns of UTF-8 text: one per code point */
static size_t columns(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

int tq_kwic_print(FILE *out, const tq_line *l, const tq_kwic_opts *o)
{
	size_t w = columns(l->left), dl = l->doc ? strlen(l->doc) : 0;
	const char *sid = l->sid ? l->sid : "-";
	/* "doc-x-s12" is shown as "s12" after its document's id */
	if (l->sid && dl && !strncmp(l->sid, l->doc, dl) && l->sid[dl] == '-')
		sid = l->sid + dl + 1;
	fprintf(out, "%s %s %s  ", l->doc ? l->doc : "-",
	        l->date ? l->date : "-", sid);
	for (size_t i = w; i < LEFT_WIDTH; i++)
		fputc(' ', out);
	fputs(l->left, out);
	if (o->color)
		fprintf(out, " \033[1;31m%s\033[0m ", l->match);
	else
		fprintf(out, " [%s] ", l->match);
	fputs(l->right, out);
	fputc('\n', out);
	return ferror(out) ? td_error(TD_EIO, "write error") : 0;
}
