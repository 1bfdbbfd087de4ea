/* segment_spans.c: a segment's elements: names, span lists (bit-packed in
 * blocks of TD_SPAN_BLOCK) and attributes, with the values rebuilt from a
 * document's id cached per segment in an arena freed at close or trim. */
#include "config.h"
#include "segment_int.h"
#include "bits.h"
#include "error.h"
#include "index.h"
#include "segformat.h"
#include "segment.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

uint32_t td_seg_span_nnames(td_seg *s)
{
	return s->hdr.nspnames;
}

/* Bits per span of a name's list. */
static uint64_t span_bits(const td_segspname *n)
{
	uint64_t w = 0;
	for (int j = 0; j < TD_SPF_N; j++)
		w += n->bits[j];
	return w;
}

/* Copies SPNAMES out of the map at open, each entry checked against the
 * SPANS section, so span lookups need no block check for it. */
int td_seg_load_spnames(td_seg *s)
{
	uint32_t nn = s->hdr.nspnames;
	const uint8_t *p = td_seg_sec(
	        s, TD_SEC_SPNAMES, 0, (uint64_t)nn * sizeof(td_segspname));
	if (!p)
		return TD_ECORRUPT;
	td_segspname *v = malloc(((size_t)nn + 1) * sizeof *v);
	if (!v)
		return td_error(TD_ENOMEM, "out of memory");
	memcpy(v, p, (size_t)nn * sizeof *v);
	for (uint32_t k = 0; k < nn; k++) {
		uint64_t nb = ((uint64_t)v[k].count + TD_SPAN_BLOCK - 1) /
		              TD_SPAN_BLOCK;
		uint64_t len = nb * sizeof(td_segspblk) +
		               (v[k].count * span_bits(&v[k]) + 7) / 8 + 8;
		int wide = 0;
		for (int j = 0; j < TD_SPF_N; j++)
			wide |= v[k].bits[j] > 32;
		if (wide || v[k].off > s->hdr.sec_len[TD_SEC_SPANS] ||
		        len > s->hdr.sec_len[TD_SEC_SPANS] - v[k].off) {
			free(v);
			return td_seg_mark_damaged(s, "bad span table");
		}
	}
	s->spn = v;
	return 0;
}

static int spname(td_seg *s, uint32_t k, td_segspname *n)
{
	memset(n, 0, sizeof *n);
	if (k >= s->hdr.nspnames)
		return td_error(TD_EUSAGE, "no element name %u", k);
	int rc;
	if (!s->spn && (rc = td_seg_load_spnames(s)))
		return rc;
	*n = s->spn[k];
	return 0;
}

static const char *spstr(td_seg *s, uint32_t off)
{
	return td_seg_cstr(s, TD_SEC_SPSTR, off, "bad span string");
}

const char *td_seg_span_name(td_seg *s, uint32_t k)
{
	td_segspname n;
	if (spname(s, k, &n))
		return NULL;
	return spstr(s, n.str_off);
}

static int spname_cmp(td_seg *s, uint32_t i, const void *key, int *c)
{
	const char *m = td_seg_span_name(s, i);
	if (!m)
		return -1;
	*c = strcmp(m, key);
	return 0;
}

int64_t td_seg_span_find(td_seg *s, const char *name)
{
	return td_seg_bsearch(s, s->hdr.nspnames, name, spname_cmp);
}

uint32_t td_seg_span_count(td_seg *s, uint32_t k)
{
	td_segspname n;
	if (spname(s, k, &n))
		return 0;
	return n.count;
}

int td_seg_span_rec(td_seg *s, uint32_t k, uint32_t i, td_segspan *r)
{
	int rc;
	if (k >= s->hdr.nspnames)
		return td_error(TD_EUSAGE, "no element name %u", k);
	if (!s->spn && (rc = td_seg_load_spnames(s)))
		return rc;
	const td_segspname *n = &s->spn[k];
	if (i >= n->count)
		return td_error(TD_EUSAGE, "no span %u of element %u", i, k);
	if (s->has_last_span && s->last_k == k && s->last_i == i) {
		*r = s->last_span;
		return 0;
	}
	/* the block's bases, then the span's fields (load_spnames checked
	 * that the list lies inside SPANS) */
	uint64_t nb = ((uint64_t)n->count + TD_SPAN_BLOCK - 1) / TD_SPAN_BLOCK;
	uint64_t w = span_bits(n), bit = (uint64_t)i * w;
	const uint8_t *hb = td_seg_sec(s, TD_SEC_SPANS,
	        n->off + (uint64_t)(i / TD_SPAN_BLOCK) * sizeof(td_segspblk),
	        sizeof(td_segspblk));
	const uint8_t *p =
	        hb ? td_seg_sec(s, TD_SEC_SPANS,
	                     n->off + nb * sizeof(td_segspblk) + bit / 8,
	                     (bit % 8 + w + 7) / 8 + 8)
	           : NULL;
	if (!p)
		return TD_ECORRUPT;
	td_segspblk b;
	memcpy(&b, hb, sizeof b);
	uint32_t f[TD_SPF_N];
	unsigned at = (unsigned)(bit % 8);
	for (int j = 0; j < TD_SPF_N; j++) {
		f[j] = n->bits[j] ? (uint32_t)td_bits_at(
		                            p + at / 8, at % 8, n->bits[j])
		                  : 0;
		at += n->bits[j];
	}
	r->start = b.start + f[TD_SPF_START];
	r->end = r->start + f[TD_SPF_LEN];
	r->doc = b.doc + f[TD_SPF_DOC];
	r->attr_first = b.attr + f[TD_SPF_ATTR];
	r->nattrs = f[TD_SPF_NATTRS];
	if (r->start < b.start || r->end < r->start ||
	        r->end > s->hdr.ntokens || r->doc >= s->hdr.ndocs ||
	        r->attr_first < b.attr)
		return td_seg_mark_damaged(s, "bad span");
	s->last_span = *r;
	s->last_k = k;
	s->last_i = i;
	s->has_last_span = 1;
	return 0;
}

int td_seg_span_get(
        td_seg *s, uint32_t k, uint32_t i, uint32_t *start, uint32_t *end)
{
	td_segspan r;
	int rc = td_seg_span_rec(s, k, i, &r);
	if (rc)
		return rc;
	*start = r.start;
	*end = r.end;
	return 0;
}

int td_seg_span_doc(td_seg *s, uint32_t k, uint32_t i, uint32_t *doc)
{
	td_segspan r;
	int rc = td_seg_span_rec(s, k, i, &r);
	if (rc)
		return rc;
	*doc = r.doc;
	return 0;
}

uint32_t td_seg_span_nattrs(td_seg *s, uint32_t k, uint32_t i)
{
	td_segspan r;
	if (td_seg_span_rec(s, k, i, &r))
		return 0;
	return r.nattrs;
}

/* n bytes that live until td_seg_close(), from chunks of at least 64 KiB */
static char *arena_alloc(td_seg *s, size_t n)
{
	if (s->arena_fill + n > s->arena_cap) {
		size_t cap =
		        n + sizeof(char *) > 65536 ? n + sizeof(char *) : 65536;
		char *c = malloc(cap);
		if (!c)
			return NULL;
		memcpy(c, &s->arena, sizeof(char *)); /* chain the chunks */
		s->arena = c;
		s->arena_fill = sizeof(char *);
		s->arena_cap = cap;
		s->kept += cap;
	}
	char *p = s->arena + s->arena_fill;
	s->arena_fill += n;
	return p;
}

static uint32_t av_hash(uint64_t key, uint32_t nslots)
{
	return (uint32_t)((key * 0x9e3779b97f4a7c15ull) >> 32) & (nslots - 1);
}

static int av_grow(td_seg *s)
{
	uint32_t ns = s->av_slots ? s->av_slots * 2 : 1024;
	uint64_t *k = calloc(ns, sizeof *k);
	char **v = calloc(ns, sizeof *v);
	if (!k || !v) {
		free(k);
		free(v);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (uint32_t i = 0; i < s->av_slots; i++) {
		if (!s->av_key[i])
			continue;
		uint32_t h = av_hash(s->av_key[i], ns);
		while (k[h])
			h = (h + 1) & (ns - 1);
		k[h] = s->av_key[i];
		v[h] = s->av_val[i];
	}
	free(s->av_key);
	free(s->av_val);
	s->kept += (size_t)(ns - s->av_slots) * (sizeof *k + sizeof *v);
	s->av_key = k;
	s->av_val = v;
	s->av_slots = ns;
	return 0;
}

/* The value of SPATTR pair `pair` whose value entry is e: a string of
 * SPSTR, or one rebuilt from the span's document id (see TD_SPV_*). */
static const char *attr_value(
        td_seg *s, const td_segspan *r, uint32_t pair, uint32_t e)
{
	uint32_t kind = e >> TD_SPV_SHIFT;
	const char *suf = spstr(s, e & TD_SPV_MASK);
	if (!suf || kind == TD_SPV_PLAIN)
		return suf;
	if (kind > TD_SPV_HASHDOCID) {
		td_seg_mark_damaged(s, "bad span attribute");
		return NULL;
	}
	uint64_t key = (uint64_t)r->doc << 32 | (pair + 1);
	uint32_t h = 0;
	if (s->av_slots) {
		h = av_hash(key, s->av_slots);
		while (s->av_key[h]) {
			if (s->av_key[h] == key)
				return s->av_val[h];
			h = (h + 1) & (s->av_slots - 1);
		}
	}
	td_docinfo di;
	if (s->has_av_doc && s->av_doc == r->doc) {
		/* spans come by document: skip the parse */
		di.id = s->av_docid;
	} else {
		if (td_seg_doc(s, r->doc, &di))
			return NULL;
		s->has_av_doc = 1;
		s->av_doc = r->doc;
		s->av_docid = di.id;
	}
	if (!di.id) {
		td_seg_mark_damaged(
		        s, "span attribute of a document without id");
		return NULL;
	}
	size_t il = strlen(di.id), sl = strlen(suf),
	       hl = kind == TD_SPV_HASHDOCID;
	char *v = arena_alloc(s, hl + il + sl + 1);
	if (!v) {
		td_error(TD_ENOMEM, "out of memory");
		return NULL;
	}
	memcpy(v, "#", hl);
	memcpy(v + hl, di.id, il);
	memcpy(v + hl + il, suf, sl + 1);
	if ((s->av_n + 1) * 2 > s->av_slots) {
		if (av_grow(s))
			return v; /* still correct, only not cached */
	}
	h = av_hash(key, s->av_slots);
	while (s->av_key[h])
		h = (h + 1) & (s->av_slots - 1);
	s->av_key[h] = key;
	s->av_val[h] = v;
	s->av_n++;
	return v;
}

int td_seg_span_attr(td_seg *s, uint32_t k, uint32_t i, uint32_t j,
        const char **name, const char **value)
{
	td_segspan r;
	int rc = td_seg_span_rec(s, k, i, &r);
	if (rc)
		return rc;
	if (j >= r.nattrs)
		return td_error(TD_EUSAGE, "no attribute %u", j);
	const uint8_t *p = td_seg_sec(
	        s, TD_SEC_SPATTR, ((uint64_t)r.attr_first + j) * 8, 8);
	if (!p)
		return TD_ECORRUPT;
	uint32_t o[2];
	memcpy(o, p, 8);
	*name = spstr(s, o[0]);
	*value = attr_value(s, &r, r.attr_first + j, o[1]);
	return *name && *value ? 0 : TD_ECORRUPT;
}

int td_seg_span_attr_find(
        td_seg *s, uint32_t k, uint32_t i, const char *name, const char **value)
{
	td_segspan r;
	*value = NULL;
	int rc = td_seg_span_rec(s, k, i, &r);
	if (rc)
		return rc;
	if (!r.nattrs)
		return 0;
	const uint8_t *p = td_seg_sec(s, TD_SEC_SPATTR,
	        (uint64_t)r.attr_first * 8, (uint64_t)r.nattrs * 8);
	if (!p)
		return TD_ECORRUPT;
	for (uint32_t j = 0; j < r.nattrs; j++) {
		uint32_t o[2];
		memcpy(o, p + (size_t)j * 8, 8);
		const char *n = spstr(s, o[0]);
		if (!n)
			return TD_ECORRUPT;
		/* only the value asked for is read (or rebuilt) */
		if (strcmp(n, name))
			continue;
		if (!(*value = attr_value(s, &r, r.attr_first + j, o[1])))
			return TD_ECORRUPT;
		return 1;
	}
	return 0;
}
