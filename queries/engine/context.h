/* context.h: what surrounds a hit in its document (context.c): the
 * sentence or block around a position, the elements over a hit and their
 * attributes, and the hit's text or terms as a key. The KWIC lines
 * (kwic.h), the tables and the sort keys read hits through it. */
#ifndef TAGDEX_CONTEXT_H
#define TAGDEX_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hits.h"
#include "index.h"

/* context.c: what surrounds a hit. */

/* The sentence (<s>) holding position pos, its span number in *i; 0 if
 * none, 1 if found. */
int tq_sentence_at(td_seg *s, uint32_t pos, uint32_t *i);
/* The unit of --context s around position pos: its sentence (<s>), else the
 * innermost block element over it (p, u, sp, l, head, ...). 1 with its
 * token range in *st, *en; 0 if none. */
int tq_block_at(td_seg *s, uint32_t pos, uint32_t *st, uint32_t *en);
/* The innermost element called name over position pos (for "s": its
 * sentence, else the innermost block, as tq_block_at): 1 with its token
 * range, 0 if none. */
int tq_elem_at(
        td_seg *s, const char *name, uint32_t pos, uint32_t *st, uint32_t *en);
/* A span's attribute value or NULL. */
const char *tq_span_attr_get(
        td_seg *s, uint32_t k, uint32_t i, const char *name);
/* The next item of a space-separated attribute value (ana, who, ...) at
 * *v, which moves past it: its start, with its length in *len, or NULL
 * when none is left. A leading '#' is the caller's to drop or keep. */
static inline const char *tq_value_item(const char **v, size_t *len)
{
	const char *s = *v, *e;
	while (*s == ' ')
		s++;
	for (e = s; *e && *e != ' '; e++)
		;
	*v = e;
	*len = (size_t)(e - s);
	return e > s ? s : NULL;
}
/* The spans of the hit's document that overlap the hit (that hold all of
 * it: when contain is set), in element order then document order, as a
 * loop over a cursor:
 *     tq_span_iter it;
 *     if ((rc = tq_spans_begin(&it, h, contain)) == 0)
 *             while ((rc = tq_spans_next(&it)) == 1)
 *                     ... span it.i of element it.k, tokens [it.start, it.end)
 * tq_spans_begin gives 0 or an error; tq_spans_next 1 with the next span,
 * 0 after the last, or an error. The cursor holds no memory. */
typedef struct tq_span_iter {
	uint32_t k, i;       /* the span: element k, span number i */
	uint32_t start, end; /* its token range */
	const tq_hit *h;     /* (the cursor's own from here on) */
	int contain;
	uint32_t first_tok;  /* the document's first token */
	uint32_t nn;         /* element names in the segment */
	uint32_t next, last; /* element k's spans still to look at */
} tq_span_iter;
int tq_spans_begin(tq_span_iter *it, const tq_hit *h, int contain);
int tq_spans_next(tq_span_iter *it);
/* Sets *buf (malloc'd, the caller frees) to the document text of tokens
 * [a, b) of segment s, white space runs made single spaces. */
int tq_text(td_seg *s, uint32_t a, uint32_t b, char **buf);
/* Appends tq_text's text of tokens [a, e) of s to out: a match as a
 * frequency or table key. 0, or an error. */
int tq_text_add(td_seg *s, uint32_t a, uint32_t e, td_buf *out);
/* Appends the terms of tokens [a, e) of s in layer to out, a space
 * between two: a match's key in a layer (--freq norm, a table's lemma).
 * 0, or an error (TD_EUSAGE: s has no such layer, td_seg_need_layer). */
int tq_terms_add(td_seg *s, int layer, uint32_t a, uint32_t e, td_buf *out);
/* The key of hit h as --freq match (layer < 0: tq_text_add) or a layer
 * (tq_terms_add) groups it: of its text only, so a hit in parts (a quote
 * split around narration, tq_hit_parts) gives its parts' keys joined by
 * TQ_PARTS_SEP, never the narration's words. 0, or an error. */
#define TQ_PARTS_SEP " … "
int tq_hit_key_add(const tq_hit *h, int layer, td_buf *out);
/* Makes each run of white space (space, tab, CR, LF) in t[0, n) one space,
 * none at the start, in place, as tq_text does: the new length. The text
 * is not NUL-terminated. */
size_t tq_squeeze_space(char *t, size_t n);
/* The attribute attr of the innermost element elem containing hit h (the
 * shortest; --sort and --freq ELEM@ATTR, --show): 1 with *v (borrowed
 * from the index; NULL when that element lacks attr), 0 when none
 * contains the hit, or an error. */
int tq_attr_around(
        const tq_hit *h, const char *elem, const char *attr, const char **v);

#endif
