/* kwic.c: keyword-in-context lines: a hit with its document, date, sentence
 * id and left/right context (N words or the whole sentence, never crossing
 * the document nor showing text that is not the article: article.c), and
 * the aligned text rendering of one line.
 */
#include "config.h"
#include "query.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

#define LEFT_WIDTH 40 /* columns the left context is right-aligned to */

/* The text of tokens [a, b) less the ranges in na, pieces joined by a
 * space. */
static int article_text(
        td_seg *s, uint32_t a, uint32_t b, const tq_ranges *na, char **out)
{
	td_buf buf = {0};
	char *piece;
	int rc = 0;
	for (uint32_t p = a; p < b && rc == 0;) {
		if (tq_ranges_has(na, p)) {
			p++;
			continue;
		}
		uint32_t q = p;
		while (q < b && !tq_ranges_has(na, q))
			q++;
		if ((rc = tq_text(s, p, q, &piece)) < 0)
			break;
		size_t pl = strlen(piece);
		if (buf.n && pl)
			td_buf_addc(&buf, ' ');
		rc = td_buf_add(&buf, piece, pl);
		free(piece);
		p = q;
	}
	if (rc == 0 && !buf.s)
		rc = td_buf_add(&buf, "", 0);
	if (rc < 0) {
		td_buf_clear(&buf);
		return rc;
	}
	*out = buf.s;
	return 0;
}

int tq_line_make(const tq_hit *h, const tq_kwic_opts *o, tq_line *l)
{
	td_docinfo di;
	tq_ranges na = {0};
	tq_filter f = {0};
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
	f.pullquotes = o->pullquotes;
	if ((rc = tq_nonarticle(h->seg, di.first_tok, dend, &f, &na)) < 0)
		return rc;
	/* N words of the article on each side */
	uint32_t a = h->start, b = h->end;
	for (unsigned n = 0; a > di.first_tok && n < o->words; a--)
		n += !tq_ranges_has(&na, a - 1);
	for (unsigned n = 0; b < dend && n < o->words; b++)
		n += !tq_ranges_has(&na, b);
	if (tq_sentence_at(h->seg, h->start, &si)) {
		int64_t k = td_seg_span_find(h->seg, "s");
		l->sid = tq_span_attr_get(h->seg, (uint32_t)k, si, "xml:id");
	}
	if (o->sentence) {
		/* the sentence (else block) at each end: a hit over two
		 * sentences shows both */
		uint32_t st, en;
		a = h->start;
		b = h->end;
		for (int end = 0; end < 2; end++)
			if (tq_block_at(h->seg, end ? h->end - 1 : h->start,
			            &st, &en)) {
				a = st < a ? st : a;
				b = en > b ? en : b;
			}
		a = a < di.first_tok ? di.first_tok : a;
		b = b > dend ? dend : b;
	}
	if ((rc = article_text(h->seg, a, h->start, &na, &l->left)) < 0 ||
	        (rc = tq_text(h->seg, h->start, h->end, &l->match)) < 0 ||
	        (rc = article_text(h->seg, h->end, b, &na, &l->right)) < 0)
		tq_line_free(l);
	free(na.v);
	return rc < 0 ? rc : 0;
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
