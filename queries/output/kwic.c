/* kwic.c: keyword-in-context lines: a hit with its document, date, sentence
 * id and left/right context (N words or the whole sentence, never crossing
 * the document nor showing text that is not the article: article.c), and
 * the aligned text rendering of one line.
 */
#include "config.h"
#include "article.h"
#include "context.h"
#include "filter.h"
#include "hits.h"
#include "kwic.h"
#include "buf.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

#define LEFT_WIDTH 40 /* columns the left context is right-aligned to */

/* The text of tokens [a, b) of c's document less the ranges in na (NULL:
 * none), each piece as tq_text gives it, pieces joined by a space, into
 * *out (malloc'd); made in c->text, read through c->tc. */
static int line_text(
        tq_linedoc *c, uint32_t a, uint32_t b, const tq_ranges *na, char **out)
{
	td_buf *o = &c->text;
	int rc = td_buf_add(o, "", 0); /* never NULL below */
	if (rc < 0)
		return rc;
	o->n = 0;
	o->s[0] = '\0';
	for (uint32_t p = a; p < b && rc == 0;) {
		if (na && tq_ranges_has(na, p)) {
			p++;
			continue;
		}
		uint32_t q = p;
		while (q < b && !(na && tq_ranges_has(na, q)))
			q++;
		size_t sep = o->n;
		if (o->n)
			td_buf_addc(o, ' ');
		size_t m = o->n;
		if ((rc = td_seg_text_append(&c->tc, c->seg, c->doc, p, q, o)) <
		        0)
			break;
		size_t n = m + tq_squeeze_space(o->s + m, o->n - m);
		o->n = n > m ? n : sep; /* an empty piece: no space either */
		o->s[o->n] = '\0';
		p = q;
	}
	if (rc == 0 && o->oom)
		rc = td_error(TD_ENOMEM, "out of memory");
	if (rc == 0 && !(*out = malloc(o->n + 1)))
		rc = td_error(TD_ENOMEM, "out of memory");
	if (rc < 0)
		return rc;
	memcpy(*out, o->s, o->n + 1);
	return 0;
}

/* --context's sides */
static int side_parse(const char *s, size_t len, tq_ctx_side *out)
{
	size_t i = 0;
	unsigned long n = 0;
	memset(out, 0, sizeof *out);
	while (i < len && s[i] >= '0' && s[i] <= '9' && n <= 100000)
		n = n * 10 + (unsigned long)(s[i++] - '0');
	if (i == len) {
		if (!len || n > 1000)
			return -1;
		out->n = (unsigned)n;
		return 0;
	}
	if (i && (n < 1 || n > 100))
		return -1;
	size_t nl = len - i;
	if (nl >= sizeof out->elem)
		return -1;
	for (size_t j = i; j < len; j++) {
		char c = s[j];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		         c == '_' ||
		         (j > i && ((c >= '0' && c <= '9') || c == '-' ||
		                           c == '.' || c == ':'));
		if (!ok)
			return -1;
	}
	out->n = i ? (unsigned)n : 1;
	memcpy(out->elem, s + i, nl);
	out->elem[nl] = '\0';
	return 0;
}

int tq_context_parse(const char *spec, tq_kwic_opts *o)
{
	const char *comma = strchr(spec, ',');
	size_t ll = comma ? (size_t)(comma - spec) : strlen(spec);
	tq_ctx_side l, r;
	if (side_parse(spec, ll, &l) < 0 ||
	        side_parse(comma ? comma + 1 : spec,
	                comma ? strlen(comma + 1) : ll, &r) < 0 ||
	        (comma && strchr(comma + 1, ',')))
		return td_error(TD_EUSAGE,
		        "--context: expected N (words, 0-1000), s, Ns (N "
		        "sentences, 1-100), an element (p, u, sp, l, 2p), or "
		        "LEFT,RIGHT of those (5,s), not '%s'",
		        spec);
	o->sides = 1;
	o->left = l;
	o->right = r;
	return 0;
}

int tq_context_check(td_index *ix, const tq_kwic_opts *o)
{
	const tq_ctx_side *sd[] = {&o->left, &o->right};
	for (int k = 0; k < 2 && o->sides; k++) {
		const char *e = sd[k]->elem;
		int found = !*e || !strcmp(e, "s"); /* s: blocks stand in */
		for (size_t i = 0; i < td_index_nsegs(ix) && !found; i++)
			found = td_seg_span_find(td_index_seg(ix, i), e) >= 0;
		if (!found)
			return td_error(TD_EUSAGE,
			        "--context: no element <%s> in this index "
			        "(--info lists them)",
			        e);
	}
	return 0;
}

int tq_show_parse(const char *spec, tq_kwic_opts *o)
{
	const char *p = spec;
	for (;;) {
		size_t n = strcspn(p, ",");
		const char *at = memchr(p, '@', n);
		size_t el = at ? (size_t)(at - p) : 0, al = at ? n - el - 1 : 0;
		if (!at || !el || !al || el >= sizeof o->show[0].elem ||
		        al >= sizeof o->show[0].attr || memchr(at + 1, '@', al))
			return td_error(TD_EUSAGE,
			        "--show: '%.*s' is not ELEM@ATTR (pb@n, "
			        "u@who, s@xml:id)",
			        (int)n, p);
		if (o->nshow >= TQ_SHOW_MAX)
			return td_error(TD_EUSAGE,
			        "--show: at most %d attributes", TQ_SHOW_MAX);
		tq_show *sh = &o->show[o->nshow++];
		memcpy(sh->elem, p, el);
		sh->elem[el] = '\0';
		memcpy(sh->attr, at + 1, al);
		sh->attr[al] = '\0';
		memcpy(sh->key, p, n);
		sh->key[n] = '\0';
		if (!p[n])
			return 0;
		p += n + 1;
	}
}

int tq_show_check(td_index *ix, const tq_kwic_opts *o)
{
	for (unsigned k = 0; k < o->nshow; k++) {
		int found = 0;
		for (size_t i = 0; i < td_index_nsegs(ix) && !found; i++)
			found = td_seg_span_find(td_index_seg(ix, i),
			                o->show[k].elem) >= 0;
		if (!found)
			return td_error(TD_EUSAGE,
			        "--show: no element <%s> in this index "
			        "(--info lists them)",
			        o->show[k].elem);
	}
	return 0;
}

/* The first token of the left context (right: the end of the right one):
 * n words of the article, or n units of an element, stopping at a token no
 * such element holds; never outside [first, end). */
static uint32_t side_edge(const tq_hit *h, const tq_ctx_side *sd, int right,
        uint32_t first, uint32_t end, const tq_ranges *na)
{
	uint32_t a = h->start, b = h->end, st, en;
	if (!sd->elem[0]) {
		for (unsigned n = 0; !right && a > first && n < sd->n; a--)
			n += !tq_ranges_has(na, a - 1);
		for (unsigned n = 0; right && b < end && n < sd->n; b++)
			n += !tq_ranges_has(na, b);
		return right ? b : a;
	}
	uint32_t pos = right ? h->end - 1 : h->start;
	for (unsigned i = 0; i < sd->n; i++) {
		if (!tq_elem_at(h->seg, sd->elem, pos, &st, &en))
			break;
		if (right) {
			b = en > b ? en : b;
			if (b >= end)
				break;
			pos = b;
		} else {
			a = st < a ? st : a;
			if (a <= first)
				break;
			pos = a - 1;
		}
	}
	if (right)
		return b > end ? end : b;
	return a < first ? first : a;
}

void tq_line_range(const tq_hit *h, const tq_kwic_opts *o, const td_docinfo *di,
        const tq_ranges *na, uint32_t *from, uint32_t *to)
{
	uint32_t dend = di->first_tok + di->ntok;
	/* N words of the article on each side */
	uint32_t a = h->start, b = h->end;
	for (unsigned n = 0; a > di->first_tok && n < o->words; a--)
		n += !tq_ranges_has(na, a - 1);
	for (unsigned n = 0; b < dend && n < o->words; b++)
		n += !tq_ranges_has(na, b);
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
		a = a < di->first_tok ? di->first_tok : a;
		b = b > dend ? dend : b;
	}
	if (o->sides) {
		a = side_edge(h, &o->left, 0, di->first_tok, dend, na);
		b = side_edge(h, &o->right, 1, di->first_tok, dend, na);
	}
	*from = a;
	*to = b;
}

/* Reads h's document into c unless c holds it. */
static int linedoc_read(tq_linedoc *c, const tq_hit *h, int pullquotes)
{
	if (c->seg == h->seg && c->doc == h->doc && c->pullquotes == pullquotes)
		return 0;
	tq_filter f = {0};
	f.pullquotes = pullquotes;
	c->seg = NULL; /* until all of it is read */
	c->has_s = c->has_sid = 0;
	int rc = td_seg_doc(h->seg, h->doc, &c->di);
	if (rc < 0 || (rc = tq_nonarticle(h->seg, c->di.first_tok,
	                       c->di.first_tok + c->di.ntok, &f, &c->na)) < 0)
		return rc;
	c->seg = h->seg;
	c->doc = h->doc;
	c->pullquotes = pullquotes;
	return 0;
}

/* sentences looked at after the last hit's before a search instead */
#define SENTENCE_SCAN 16

/* The sentence over token pos of c's document, as tq_sentence_at finds
 * it: the last non-empty one starting at or before pos, if it holds pos
 * (sentences sorted by start). 1 with its index in *si, 0 if none. From
 * the last non-empty one found (c->si) when it starts at or before pos,
 * the next few are read instead of searching, which hits in document
 * order make the common case; c->si moves to the last non-empty one
 * starting at or before pos. */
static int line_sentence(tq_linedoc *c, uint32_t pos, uint32_t *si)
{
	int64_t k = td_seg_span_find(c->seg, "s");
	if (k < 0)
		return 0;
	if (c->has_s && c->s_st <= pos) {
		uint32_t n = td_seg_span_count(c->seg, (uint32_t)k);
		uint32_t b = c->si, bst = c->s_st, ben = c->s_en, st, en, j;
		int seen = 0; /* all those starting at or before pos */
		for (j = c->si + 1; j < n && j - c->si <= SENTENCE_SCAN; j++) {
			if (td_seg_span_get(c->seg, (uint32_t)k, j, &st, &en) <
			        0)
				break;
			if (st > pos) {
				seen = 1;
				break;
			}
			if (en > st) {
				b = j;
				bst = st;
				ben = en;
			}
		}
		if (seen || j == n) {
			c->si = b;
			c->s_st = bst;
			c->s_en = ben;
			*si = b;
			return ben > pos;
		}
	}
	c->has_s = 0;
	if (!tq_sentence_at(c->seg, pos, si) ||
	        td_seg_span_get(c->seg, (uint32_t)k, *si, &c->s_st, &c->s_en) <
	                0)
		return 0;
	c->si = *si;
	c->has_s = 1;
	return 1;
}

int tq_line_make_in(
        tq_linedoc *c, const tq_hit *h, const tq_kwic_opts *o, tq_line *l)
{
	memset(l, 0, sizeof *l);
	l->hit = *h;
	int rc = linedoc_read(c, h, o->pullquotes);
	if (rc < 0)
		return rc;
	const td_docinfo *di = &c->di;
	l->doc = di->id;
	l->date = di->date;
	l->title = di->title;
	l->start = h->start - di->first_tok;
	l->end = h->end - di->first_tok;
	uint32_t si, a, b;
	if (line_sentence(c, h->start, &si)) {
		if (!c->has_sid || c->sid_si != si)
			c->sid = tq_span_attr_get(h->seg,
			        (uint32_t)td_seg_span_find(h->seg, "s"), si,
			        "xml:id");
		c->sid_si = si;
		c->has_sid = 1;
		l->sid = c->sid;
	}
	if (o->nshow) {
		l->nshow = o->nshow;
		l->show_def = o->show;
		if (!(l->show = calloc(o->nshow, sizeof *l->show)))
			rc = td_error(TD_ENOMEM, "out of memory");
		for (unsigned k = 0; k < o->nshow && rc >= 0; k++)
			rc = tq_attr_around(h, o->show[k].elem, o->show[k].attr,
			        &l->show[k]);
		if (rc < 0) {
			tq_line_clear(l);
			return rc;
		}
	}
	tq_line_range(h, o, di, &c->na, &a, &b);
	if ((rc = line_text(c, a, h->start, &c->na, &l->left)) < 0 ||
	        (rc = line_text(c, h->start, h->end, NULL, &l->match)) < 0 ||
	        (rc = line_text(c, h->end, b, &c->na, &l->right)) < 0)
		tq_line_clear(l);
	return rc < 0 ? rc : 0;
}

void tq_linedoc_clear(tq_linedoc *c)
{
	free(c->na.v);
	td_buf_clear(&c->text);
	memset(c, 0, sizeof *c);
}

int tq_line_make(const tq_hit *h, const tq_kwic_opts *o, tq_line *l)
{
	tq_linedoc c = {0};
	int rc = tq_line_make_in(&c, h, o, l);
	tq_linedoc_clear(&c);
	return rc;
}

static int by_doc_pos(const void *a, const void *b, void *arg)
{
	const tq_hit *h = arg, *x = &h[*(const size_t *)a],
	             *y = &h[*(const size_t *)b];
	if (x->segno != y->segno)
		return x->segno < y->segno ? -1 : 1;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return (x->start > y->start) - (x->start < y->start);
}

int tq_lines_make(
        const tq_hit *hits, size_t n, const tq_kwic_opts *o, tq_line *out)
{
	size_t *p = malloc((n + 1) * sizeof *p);
	int rc = p ? 0 : td_error(TD_ENOMEM, "out of memory");
	memset(out, 0, n * sizeof *out);
	for (size_t i = 0; i < n && rc == 0; i++)
		p[i] = i;
	if (rc == 0)
		qsort_r(p, n, sizeof *p, by_doc_pos, (void *)hits);
	tq_linedoc c = {0};
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = tq_line_make_in(&c, &hits[p[i]], o, &out[p[i]]);
	tq_linedoc_clear(&c);
	for (size_t i = 0; i < n && rc < 0; i++)
		tq_line_clear(&out[i]);
	free(p);
	return rc;
}

void tq_line_clear(tq_line *l)
{
	free(l->left);
	free(l->match);
	free(l->right);
	free(l->show);
	l->left = l->match = l->right = NULL;
	l->show = NULL;
	l->nshow = 0;
}

/* display columns of UTF-8 text: one per code point */
static size_t columns(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* the bytes of the first n columns of s */
static size_t head_bytes(const char *s, size_t n)
{
	size_t i = 0;
	for (size_t c = 0; s[i]; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && c++ == n)
			break;
	}
	return i;
}

/* Writes s in exactly w columns: cut to w - 1 and an ellipsis when
 * longer (at its start when tail, keeping its end), else padded with
 * spaces on the left (pad_left) or the right. */
static void fit(FILE *out, const char *s, size_t w, int tail, int pad_left)
{
	size_t c = columns(s);
	if (c > w) {
		if (!w)
			return;
		if (tail) {
			fputs("\xe2\x80\xa6", out);
			fputs(s + head_bytes(s, c - (w - 1)), out);
		} else {
			fwrite(s, 1, head_bytes(s, w - 1), out);
			fputs("\xe2\x80\xa6", out);
		}
		return;
	}
	for (size_t i = c; pad_left && i < w; i++)
		fputc(' ', out);
	fputs(s, out);
	for (size_t i = c; !pad_left && i < w; i++)
		fputc(' ', out);
}

/* --show's k-th value in a text line: "-" for none (as a sentence id) */
static const char *shown(const tq_line *l, unsigned k)
{
	return l->show[k] && *l->show[k] ? l->show[k] : "-";
}

/* A line in o->width columns: the document, date and sentence in a quarter
 * of them, then the left context right-aligned in two fifths of the rest,
 * the match and the right context, each cut with an ellipsis where it does
 * not fit, so that every match starts in the same column. */
static int print_fitted(
        FILE *out, const tq_line *l, const tq_kwic_opts *o, const char *sid)
{
	size_t W = o->width < 40 ? 40 : o->width, pw = W / 4;
	char pre[512];
	int pl = snprintf(pre, sizeof pre, "%s %s %s", l->doc ? l->doc : "-",
	        l->date ? l->date : "-", sid);
	for (unsigned k = 0; k < l->nshow && pl > 0 && (size_t)pl < sizeof pre;
	        k++)
		pl += snprintf(
		        pre + pl, sizeof pre - (size_t)pl, " %s", shown(l, k));
	fit(out, pre, pw, 0, 0);
	fputs("  ", out);
	size_t rest = W - pw - 2, lw = rest * 2 / 5;
	fit(out, l->left, lw, 1, 1);
	size_t room = rest - lw, mc = columns(l->match) + 4; /* " [" "] " */
	if (mc + 1 > room) { /* the match alone fills the line */
		fputs(o->color ? " \033[1;31m" : " [", out);
		fit(out, l->match, room > 4 ? room - 4 : 1, 0, 0);
		fputs(o->color ? "\033[0m" : "]", out);
	} else {
		if (o->color)
			fprintf(out, " \033[1;31m%s\033[0m ", l->match);
		else
			fprintf(out, " [%s] ", l->match);
		size_t rc = columns(l->right);
		fit(out, l->right, rc < room - mc ? rc : room - mc, 0, 0);
	}
	fputc('\n', out);
	return ferror(out) ? td_error(TD_EIO, "write error") : 0;
}

int tq_kwic_print(FILE *out, const tq_line *l, const tq_kwic_opts *o)
{
	size_t w = columns(l->left), dl = l->doc ? strlen(l->doc) : 0;
	const char *sid = l->sid ? l->sid : "-";
	/* "doc-x-s12" is shown as "s12" after its document's id */
	if (l->sid && dl && !strncmp(l->sid, l->doc, dl) && l->sid[dl] == '-')
		sid = l->sid + dl + 1;
	if (o->width)
		return print_fitted(out, l, o, sid);
	/* fputs, not fprintf: a line for each of many hits */
	fputs(l->doc ? l->doc : "-", out);
	fputc(' ', out);
	fputs(l->date ? l->date : "-", out);
	fputc(' ', out);
	fputs(sid, out);
	for (unsigned k = 0; k < l->nshow; k++) {
		fputc(' ', out);
		fputs(shown(l, k), out);
	}
	fputs("  ", out);
	static const char pad[] = "                                        ";
	_Static_assert(sizeof pad == LEFT_WIDTH + 1, "LEFT_WIDTH spaces");
	if (w < LEFT_WIDTH)
		fwrite(pad, 1, LEFT_WIDTH - w, out);
	fputs(l->left, out);
	fputs(o->color ? " \033[1;31m" : " [", out);
	fputs(l->match, out);
	fputs(o->color ? "\033[0m " : "] ", out);
	fputs(l->right, out);
	fputc('\n', out);
	return ferror(out) ? td_error(TD_EIO, "write error") : 0;
}
