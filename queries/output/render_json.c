/* render_json.c: hits as JSON Lines, one object a line, built with jansson
 * so that escaping is never hand-made. "spans" lists every element over the
 * match with its name, token range within the document and attributes.
 */
#include "config.h"
#include "output.h"
#include "context.h"
#include "hits.h"
#include "kwic.h"
#include "render.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <jansson.h>
#include <stdlib.h>

int tq_json_line(FILE *out, json_t *o, size_t flags)
{
	char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | flags)
	            : NULL;
	json_decref(o);
	if (!s)
		return td_error(TD_ENOMEM, "out of memory");
	fputs(s, out);
	fputc('\n', out);
	free(s);
	return 0;
}

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

/* One span of the cursor as {"name", "start", "end", "attrs"}, its token
 * range counted from token first, into arr. */
static int add_span(
        json_t *arr, td_seg *s, const tq_span_iter *it, uint32_t first)
{
	json_t *o = json_object(), *attrs = json_object();
	if (!o || !attrs) {
		json_decref(o);
		json_decref(attrs);
		return td_error(TD_ENOMEM, "out of memory");
	}
	uint32_t na = td_seg_span_nattrs(s, it->k, it->i);
	for (uint32_t a = 0; a < na; a++) {
		const char *n = NULL, *v = NULL;
		if (td_seg_span_attr(s, it->k, it->i, a, &n, &v) == 0 && n && v)
			json_object_set_new(attrs, n, json_string(v));
	}
	json_object_set_new(o, "name", json_string(td_seg_span_name(s, it->k)));
	json_object_set_new(o, "start", json_integer(it->start - first));
	json_object_set_new(o, "end", json_integer(it->end - first));
	json_object_set_new(o, "attrs", attrs);
	json_array_append_new(arr, o);
	return 0;
}

int tq_json_spans(const tq_hit *h, int contain, uint32_t first, json_t *arr)
{
	tq_span_iter it;
	int rc = tq_spans_begin(&it, h, contain);
	while (rc == 0 && (rc = tq_spans_next(&it)) == 1)
		rc = add_span(arr, h->seg, &it, first);
	return rc;
}

/* "tokens": per token of the match its word, norm, lemma and pos */
static int add_tokens(json_t *o, const tq_hit *h)
{
	static const char *const key[TD_NLAYERS] = {
	        "word", "norm", "lemma", "pos"};
	json_t *arr = json_array();
	if (!arr)
		return td_error(TD_ENOMEM, "out of memory");
	json_object_set_new(o, "tokens", arr);
	for (uint32_t p = h->start; p < h->end; p++) {
		json_t *t = json_object();
		if (!t)
			return td_error(TD_ENOMEM, "out of memory");
		json_array_append_new(arr, t);
		for (int l = 0; l < TD_NLAYERS; l++) {
			size_t len = 0;
			int lrc = td_seg_need_layer(h->seg, l);
			if (lrc < 0)
				return lrc;
			const char *v = td_seg_term_at(h->seg, l, p, &len);
			if (!v) /* never a wrong value */
				return td_seg_lex_term_err(h->seg);
			json_object_set_new(t, key[l], json_stringn(v, len));
		}
	}
	return 0;
}

int tq_json_print(FILE *out, const tq_line *l)
{
	return tq_json_print_tokens(out, l, 0);
}

int tq_json_print_tokens(FILE *out, const tq_line *l, int tokens)
{
	json_t *o = json_object();
	json_t *spans = json_array();
	if (!o || !spans) {
		json_decref(o);
		json_decref(spans);
		return td_error(TD_ENOMEM, "out of memory");
	}
	json_object_set_new(o, "doc", str_or_null(l->doc));
	json_object_set_new(o, "s", str_or_null(l->sid));
	json_object_set_new(o, "start", json_integer(l->start));
	json_object_set_new(o, "end", json_integer(l->end));
	if (l->hit.target) { /* CQP's target (@): its token and word */
		uint32_t t = l->hit.target - 1;
		size_t len = 0;
		const char *w =
		        td_seg_term_at(l->hit.seg, TD_LAYER_WORD, t, &len);
		if (!w) { /* never a wrong value */
			json_decref(o);
			json_decref(spans);
			return td_seg_lex_term_err(l->hit.seg);
		}
		json_object_set_new(o, "target",
		        json_integer(t - (l->hit.start - l->start)));
		json_object_set_new(o, "target_word", json_stringn(w, len));
	}
	json_object_set_new(o, "left", json_string(l->left));
	json_object_set_new(o, "match", json_string(l->match));
	json_object_set_new(o, "right", json_string(l->right));
	json_object_set_new(o, "date", str_or_null(l->date));
	json_object_set_new(o, "title", str_or_null(l->title));
	if (l->nshow) { /* --show: "show": {"pb@n": "12", ...} */
		json_t *sh = json_object();
		if (!sh) {
			json_decref(o);
			json_decref(spans);
			return td_error(TD_ENOMEM, "out of memory");
		}
		for (unsigned k = 0; k < l->nshow; k++)
			json_object_set_new(sh, l->show_def[k].key,
			        str_or_null(l->show[k]));
		json_object_set_new(o, "show", sh);
	}
	int rc = tq_json_spans(&l->hit, 1, l->hit.start - l->start, spans);
	json_object_set_new(o, "spans", spans);
	if (rc == 0 && tokens)
		rc = add_tokens(o, &l->hit);
	if (rc == 0)
		rc = tq_json_line(out, o, 0);
	else
		json_decref(o);
	if (rc == 0 && ferror(out))
		rc = td_error(TD_EIO, "write error");
	return rc;
}
