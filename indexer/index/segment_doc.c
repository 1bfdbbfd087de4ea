/* segment_doc.c: a document of a segment read back as a td_doc (text,
 * metadata, spans, lemma and pos; the tests compare it with what was
 * added), and the trim that gives back a segment's caches between
 * documents (the streaming merge, stream_merge.c, trims its sources). No
 * merge happens here: merging is stream_merge.c's alone. */
#include "config.h"
#include "segment_int.h"
#include "error.h"
#include "index.h"
#include "segformat.h"
#include "segment.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct rebuild {
	td_doc *doc;
	const char **source, **sha256;
	int rc;
};

static int rebuild_kv(void *ctx, const char *k, const char *v)
{
	struct rebuild *r = ctx;
	const td_metakey *mk = td_metakey_find(k);
	char **f = NULL;
	if (mk && mk->kind == TD_MK_SOURCE)
		*r->source = v;
	else if (mk && mk->kind == TD_MK_SHA256)
		*r->sha256 = v;
	else if (mk && mk->kind == TD_MK_META)
		f = (char **)((char *)&r->doc->meta + mk->meta);
	else if (mk)
		f = &r->doc->id;
	else if (!strcmp(k, "actor")) {
		char *c = strdup(v), *t1, *t2;
		if (!c)
			return td_error(TD_ENOMEM, "out of memory");
		if ((t1 = strchr(c, '\t')) && (t2 = strchr(t1 + 1, '\t'))) {
			*t1 = *t2 = '\0';
			int rc = td_doc_add_actor(r->doc, c, t1 + 1, t2 + 1);
			free(c);
			return rc;
		}
		free(c);
		return 0;
	}
	return f ? td_meta_set(f, v) : 0;
}

int td_seg_doc_load(td_seg *s, uint32_t d, td_doc **out, const char **source,
        const char **sha256)
{
	td_segdoc r;
	const char *text;
	size_t len;
	td_doc *doc = NULL;
	int rc;
	*out = NULL;
	*source = *sha256 = NULL;
	if ((rc = td_seg_doc_tokens(s, d, &r)) ||
	        (rc = td_seg_doc_text(s, d, &text, &len)) ||
	        (rc = td_doc_new(NULL, text, len, &doc)))
		return rc;
	struct rebuild rb = {doc, source, sha256, 0};
	if ((rc = td_seg_each_kv(s, d, rebuild_kv, &rb)))
		goto fail;
	/* spans of this document, back from token ranges to byte ranges that
	 * map to the same token ranges again */
	const td_tokens *t = &s->cache;
	for (uint32_t k = 0; k < s->hdr.nspnames; k++) {
		const char *name = td_seg_span_name(s, k);
		uint32_t n = td_seg_span_count(s, k);
		if (!name) {
			rc = TD_ECORRUPT;
			goto fail;
		}
		/* spans are sorted by start: find the first at first_tok */
		uint32_t lo = 0, hi = n;
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;
			td_segspan m;
			if ((rc = td_seg_span_rec(s, k, mid, &m)))
				goto fail;
			if (m.start < r.first_tok)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (uint32_t i = lo; i < n; i++) {
			td_segspan m;
			if ((rc = td_seg_span_rec(s, k, i, &m)))
				goto fail;
			if (m.start > r.first_tok + r.ntok)
				break;
			if (m.doc != d)
				continue;
			if (m.end > r.first_tok + r.ntok) {
				rc = td_seg_mark_damaged(
				        s, "span crosses its document");
				goto fail;
			}
			uint32_t a = m.start, b = m.end;
			a -= r.first_tok;
			b -= r.first_tok;
			size_t bs, be;
			if (a == b) {
				bs = be = a < t->n ? t->v[a].start : len;
			} else {
				bs = t->v[a].start;
				be = t->v[b - 1].end;
			}
			size_t idx;
			if ((rc = td_doc_add_span(
			             doc, name, bs, be, &idx, NULL)))
				goto fail;
			uint32_t na = td_seg_span_nattrs(s, k, i);
			for (uint32_t j = 0; j < na && na == m.nattrs; j++) {
				const char *an, *av;
				if ((rc = td_seg_span_attr(
				             s, k, i, j, &an, &av)) ||
				        (rc = td_span_set_attr(
				                 doc, idx, an, av)))
					goto fail;
			}
		}
	}
	td_doc_sort_spans(doc);
	/* the lemma and pos of every token go with it (a merge must not
	 * lose them, nor take them again from <w> spans); a segment without
	 * them has none to give (the caller's builder drops them too) */
	if (!td_seg_has_layers(s)) {
		*out = doc;
		return 0;
	}
	if ((rc = td_toklayers_new(r.ntok, &doc->layers)))
		goto fail;
	for (uint32_t i = 0; i < r.ntok; i++) {
		const char *v[2];
		for (int l = 0; l < 2; l++) {
			int layer = l ? TD_LAYER_POS : TD_LAYER_LEMMA;
			uint32_t id = td_seg_id_at(s, layer, r.first_tok + i);
			if (id == UINT32_MAX) {
				rc = TD_ECORRUPT;
				goto fail;
			}
			if (!(v[l] = td_seg_lex_term(s, layer, id, NULL))) {
				rc = td_seg_term_err(s);
				goto fail;
			}
		}
		if ((rc = td_toklayers_set(doc->layers, i, v[1], v[0])))
			goto fail;
	}
	*out = doc;
	return 0;
fail:
	td_doc_free(doc);
	return rc;
}

void td_seg_trim(td_seg *s)
{
	while (s->arena) {
		char *next;
		memcpy(&next, s->arena, sizeof next);
		free(s->arena);
		s->arena = next;
	}
	s->arena_fill = s->arena_cap = 0;
	s->kept = 0;
	free(s->av_key);
	free(s->av_val);
	s->av_key = NULL;
	s->av_val = NULL;
	s->av_n = s->av_slots = 0;
	s->has_av_doc = 0;
	for (int i = 0; i < TD_SEG_TEXTS; i++) {
		free(s->texts[i]);
		s->texts[i] = NULL;
	}
	td_seg_lstr_trim(s);
	/* read again from the page cache if needed; a failure only keeps
	 * the pages */
	madvise((void *)s->map, s->size, MADV_DONTNEED);
}
