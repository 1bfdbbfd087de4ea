/* segment_lexicon.c: a segment's lexicons (word, norm, lemma, pos: sorted
 * terms with their frequencies) and the packed term id at each position.
 * Every read goes through td_seg_sec, so damage is TD_ECORRUPT, never a
 * wrong id. */
#include "config.h"
#include "segment_int.h"
#include "bits.h"
#include "error.h"
#include "idcode.h"
#include "index.h"
#include "segformat.h"
#include "segment.h"
#include "tagdex.h"

#include <string.h>

uint32_t td_seg_lex_size(td_seg *s, int layer)
{
	return layer >= 0 && layer < TD_NLAYERS ? s->hdr.lexsize[layer] : 0;
}

/* Makes block b of layer's lexicon the current one (lxc): its offset
 * from the directory, its header, its bytes checked; 0, or TD_ECORRUPT
 * with the segment marked. The open checked the section's least size. */
static int lex_block(td_seg *s, int layer, uint64_t b)
{
	td_lexcache *c = &s->lxc[layer];
	if (c->blk == b + 1)
		return 0;
	int sec = td_sec_lex(layer);
	uint32_t n = s->hdr.lexsize[layer];
	uint64_t nb = ((uint64_t)n + TD_LEX_BLOCK - 1) / TD_LEX_BLOCK,
	         dir = s->hdr.sec_len[sec] - nb * 8, off;
	const uint8_t *p = td_seg_sec(s, sec, dir + b * 8, 8);
	if (!p)
		return TD_ECORRUPT;
	memcpy(&off, p, 8);
	td_seglexblk h;
	if (off > dir - 8 - sizeof h)
		return td_seg_mark_damaged(s, "bad lexicon block");
	if (!(p = td_seg_sec(s, sec, off, sizeof h)))
		return TD_ECORRUPT;
	memcpy(&h, p, sizeof h);
	uint64_t w = 0, cnt = n - b * TD_LEX_BLOCK;
	if (cnt > TD_LEX_BLOCK)
		cnt = TD_LEX_BLOCK;
	for (int f = 0; f < TD_LEX_FIELDS; f++) {
		if (h.w[f] > 32)
			return td_seg_mark_damaged(s, "bad lexicon block");
		w += h.w[f];
	}
	/* every field's 8 bytes within the section, before the directory */
	uint64_t len = sizeof h + (cnt * w + 7) / 8 + 8;
	if (len > dir - off)
		return td_seg_mark_damaged(s, "bad lexicon block");
	if (!(p = td_seg_sec(s, sec, off, len)))
		return TD_ECORRUPT;
	c->h = h;
	c->p = p + sizeof h;
	c->wsum = (unsigned)w;
	c->blk = b + 1;
	return 0;
}

/* Entry id, decoded from its block. */
static int lex_get(td_seg *s, int layer, uint32_t id, td_seglex *e)
{
	td_lexcache *c = &s->lxc[layer];
	if (c->id == id + 1) {
		*e = c->e;
		return 0;
	}
	int rc = lex_block(s, layer, id / TD_LEX_BLOCK);
	if (rc)
		return rc;
	const uint8_t *w = c->h.w;
	uint64_t bit = (uint64_t)(id % TD_LEX_BLOCK) * c->wsum,
	         v[TD_LEX_FIELDS];
	if (c->wsum <= 57) {
		/* the entry's fields in one load (most blocks) */
		uint64_t x = td_bits_at(c->p + bit / 8, bit % 8, c->wsum);
		for (int f = 0; f < TD_LEX_FIELDS; f++) {
			v[f] = x & (((uint64_t)1 << w[f]) - 1);
			x >>= w[f];
		}
	} else
		for (int f = 0; f < TD_LEX_FIELDS; f++) {
			v[f] = td_bits_at(c->p + bit / 8, bit % 8, w[f]);
			bit += w[f];
		}
	v[0] += c->h.str_base;
	v[2] += c->h.post_base;
	/* a shared term has an id, and only a shared term */
	int shared = (v[3] & 2) != 0;
	if (shared != (v[4] != 0))
		return td_seg_mark_damaged(s, "bad lexicon entry");
	if (v[4])
		v[4] += (uint64_t)c->h.id_base - 1;
	if (v[0] > UINT32_MAX || v[2] > UINT32_MAX || v[3] > 3 ||
	        v[4] > TD_POST_ID_MAX)
		return td_seg_mark_damaged(s, "bad lexicon entry");
	e->str_off = (uint32_t)v[0];
	e->freq = (uint32_t)v[1];
	e->post_off = v[3] << 62 | v[4] << TD_POST_ID_SHIFT | v[2];
	c->e = *e;
	c->id = id + 1;
	return 0;
}

int td_seg_lex_entry(td_seg *s, int layer, uint32_t id, td_seglex *e,
        uint64_t *str_end, uint64_t *post_end)
{
	if (layer < 0 || layer >= TD_NLAYERS || id >= s->hdr.lexsize[layer])
		return td_error(TD_EUSAGE, "no term %u in layer %d", id, layer);
	int rc = lex_get(s, layer, id, e);
	if (rc || (!str_end && !post_end))
		return rc;
	td_seglex x = {0};
	if (id + 1 < s->hdr.lexsize[layer]) {
		if ((rc = lex_get(s, layer, id + 1, &x)))
			return rc;
	}
	if (str_end)
		*str_end = id + 1 < s->hdr.lexsize[layer]
		                   ? x.str_off
		                   : s->hdr.sec_len[td_sec_lstr(layer)];
	if (post_end)
		*post_end = id + 1 < s->hdr.lexsize[layer]
		                    ? x.post_off & TD_POST_OFF_MASK
		                    : s->hdr.sec_len[td_sec_post(layer)];
	return 0;
}

const char *td_seg_lex_term(td_seg *s, int layer, uint32_t id, size_t *len)
{
	if (layer < 0 || layer >= TD_NLAYERS || id >= s->hdr.lexsize[layer]) {
		td_error(TD_EUSAGE, "no term %u in layer %d", id, layer);
		return NULL;
	}
	td_lexterm *c = &s->lxt[layer][id % TD_LEX_TERMS];
	if (c->id == id + 1) {
		if (len)
			*len = c->len;
		return (const char *)s->map +
		       s->hdr.sec_off[td_sec_lstr(layer)] + c->off;
	}
	/* the term ends where the next begins, less its NUL */
	td_seglex e;
	uint64_t end;
	if (td_seg_lex_entry(s, layer, id, &e, &end, NULL))
		return NULL;
	uint32_t a = e.str_off;
	if (end <= a) {
		td_seg_mark_damaged(s, "bad lexicon entry");
		return NULL;
	}
	const uint8_t *p = td_seg_sec(s, td_sec_lstr(layer), a, end - a);
	if (!p)
		return NULL;
	if (p[end - a - 1] != '\0') {
		td_seg_mark_damaged(s, "bad lexicon entry");
		return NULL;
	}
	if (len)
		*len = (size_t)(end - a - 1);
	*c = (td_lexterm){id + 1, a, (uint32_t)(end - a - 1)};
	return (const char *)p;
}

typedef struct lex_key {
	int layer;
	const char *term;
	size_t len;
} lex_key;

/* Terms sort by their bytes, a prefix first. */
static int lex_cmp(td_seg *s, uint32_t i, const void *key, int *c)
{
	const lex_key *k = key;
	size_t ml;
	const char *m = td_seg_lex_term(s, k->layer, i, &ml);
	if (!m)
		return -1;
	*c = memcmp(m, k->term, ml < k->len ? ml : k->len);
	if (!*c)
		*c = ml < k->len ? -1 : ml > k->len;
	return 0;
}

int64_t td_seg_lex_find(td_seg *s, int layer, const char *term, size_t len)
{
	lex_key k = {layer, term, len};
	return td_seg_bsearch(s, td_seg_lex_size(s, layer), &k, lex_cmp);
}

uint64_t td_seg_lex_freq(td_seg *s, int layer, uint32_t id)
{
	td_seglex e;
	if (td_seg_lex_entry(s, layer, id, &e, NULL, NULL))
		return 0;
	return e.freq;
}

int td_seg_lex_scanned(td_seg *s, int layer, uint32_t id)
{
	td_seglex e;
	if (td_seg_lex_entry(s, layer, id, &e, NULL, NULL))
		return 0;
	return layer == TD_LAYER_POS && (e.post_off & TD_POST_SCAN) != 0;
}

static uint32_t bad_id(td_seg *s)
{
	td_seg_mark_damaged(s, "bad term id");
	return UINT32_MAX;
}

/* The lemma id at position pos of word id w, from IDS2 (lemma bits 0,
 * TD_W2L_*): the word's own, or the one of pos's pos id in its list. */
static uint32_t w2l(td_seg *s, uint32_t w, uint32_t pos)
{
	if (w == UINT32_MAX)
		return UINT32_MAX;
	const uint8_t *p = td_seg_sec(s, TD_SEC_IDS2, (uint64_t)w * 4, 4);
	if (!p)
		return UINT32_MAX;
	uint32_t v, n, t;
	memcpy(&v, p, 4);
	if (v & TD_W2L_LIST) {
		uint64_t at = ((uint64_t)s->hdr.lexsize[TD_LAYER_WORD] +
		                      (v & ~TD_W2L_LIST)) *
		              4;
		if (!(p = td_seg_sec(s, TD_SEC_IDS2, at, 4)))
			return UINT32_MAX;
		memcpy(&n, p, 4);
		if (n > TD_W2L_MAX_POS ||
		        !(p = td_seg_sec(
		                  s, TD_SEC_IDS2, at + 4, (uint64_t)n * 4)) ||
		        (t = td_seg_id_at(s, TD_LAYER_POS, pos)) == UINT32_MAX)
			return n > TD_W2L_MAX_POS ? bad_id(s) : UINT32_MAX;
		for (v = UINT32_MAX; n; n--, p += 4) {
			uint32_t e;
			memcpy(&e, p, 4);
			if ((e & TD_W2L_POS_MASK) == t) {
				v = e >> TD_W2L_POS_BITS;
				break;
			}
		}
	}
	return v < s->hdr.lexsize[TD_LAYER_LEMMA] ? v : bad_id(s);
}

const char td_seg_no_layers_msg[] =
        "the index has no lemma and pos "
        "layers (made with tagdex-ingest --no-layers); index the sources "
        "again without --no-layers to query them";

int td_seg_has_layers(const td_seg *s)
{
	return !(s->hdr.flags & TD_SEGF_NO_LAYERS);
}

int td_seg_need_layer(const td_seg *s, int layer)
{
	if (layer < TD_LAYER_LEMMA || td_seg_has_layers(s))
		return 0;
	return td_error(TD_EUSAGE, "%s", td_seg_no_layers_msg);
}

/* Makes block b of IDS the segment's current one (idc_*): its offset
 * from the directory, its bytes checked, its selectors; 0, or -1 with
 * the segment marked damaged. */
static int load_block(td_seg *s, uint64_t b)
{
	uint64_t nb = ((uint64_t)s->hdr.ntokens + TD_IDC_BLOCK - 1) /
	              TD_IDC_BLOCK,
	         ng = (nb + TD_IDC_GROUP - 1) / TD_IDC_GROUP;
	if (s->idc_blk != b + 1) {
		const uint8_t *gp = td_seg_sec(
		        s, TD_SEC_IDS, s->idc_dir + b / TD_IDC_GROUP * 8, 8);
		const uint8_t *bp = td_seg_sec(
		        s, TD_SEC_IDS, s->idc_dir + ng * 8 + b * 2, 2);
		if (!gp || !bp)
			return -1;
		uint64_t g;
		uint16_t bo;
		memcpy(&g, gp, 8);
		memcpy(&bo, bp, 2);
		if (g + bo > s->idc_dir - TD_IDC_SEL - 8) {
			td_seg_mark_damaged(s, "bad word id block");
			return -1;
		}
		/* the whole block at most, its checksum blocks checked once */
		uint64_t len = s->idc_dir - (g + bo);
		if (len > TD_IDC_MAXLEN)
			len = TD_IDC_MAXLEN;
		const uint8_t *sp = td_seg_sec(s, TD_SEC_IDS, g + bo, len);
		if (!sp)
			return -1;
		memcpy(s->idc_sel, sp, TD_IDC_SEL);
		s->idc_p = sp;
		s->idc_len = len;
		s->idc_blk = b + 1;
		s->idc_next = 0;
	}
	return 0;
}

/* The rank at pos (< ntokens) in IDS (idcode.h): its block (kept for the
 * next call, which often reads a neighbour), its tier and value's place
 * from the selectors; UINT32_MAX with the segment marked damaged. */
static inline uint32_t rank_at(td_seg *s, uint32_t pos)
{
	if (load_block(s, pos / TD_IDC_BLOCK))
		return UINT32_MAX;
	unsigned t, i = pos % TD_IDC_BLOCK;
	uint64_t bit;
	if (s->idc_next == i + 2)
		return s->idc_r; /* read last: the word, then its pos, lemma */
	if (s->idc_next == i + 1 && i) {
		/* the position after the last one read: its value follows */
		bit = s->idc_bit + s->hdr.id_tier[s->idc_t];
		t = td_idc_tier(s->idc_sel, i);
	} else
		td_idc_locate(s->idc_sel, i, s->idc_coef, &t, &bit);
	s->idc_next = i + 2;
	s->idc_bit = bit;
	s->idc_t = t;
	uint64_t at = TD_IDC_SEL + bit / 8;
	if (at + 8 > s->idc_len) {
		td_seg_mark_damaged(s, "bad word id block");
		s->idc_next = 0;
		return UINT32_MAX;
	}
	const uint8_t *p = s->idc_p + at;
	uint64_t r = s->idc_base[t] + td_bits_at(p, bit % 8, s->hdr.id_tier[t]);
	if (r >= s->hdr.id_ranks) {
		td_seg_mark_damaged(s, "bad term id");
		s->idc_next = 0;
		return UINT32_MAX;
	}
	s->idc_r = (uint32_t)r;
	return (uint32_t)r;
}

uint32_t td_seg_rank_at(td_seg *s, uint32_t pos)
{
	if (pos >= s->hdr.ntokens) {
		td_error(TD_EUSAGE, "position %u outside segment", pos);
		return UINT32_MAX;
	}
	return rank_at(s, pos);
}

int td_seg_rank_scan(td_seg *s, uint32_t pos, uint64_t *bitp,
        const uint64_t *rmask, uint32_t *found)
{
	uint64_t b = pos / TD_IDC_BLOCK, first = b * TD_IDC_BLOCK;
	if (pos >= s->hdr.ntokens) {
		td_error(TD_EUSAGE, "position %u outside segment", pos);
		return -1;
	}
	if (load_block(s, b))
		return -1;
	unsigned n = s->hdr.ntokens - first < TD_IDC_BLOCK
	                     ? (unsigned)(s->hdr.ntokens - first)
	                     : TD_IDC_BLOCK;
	const uint8_t *w = s->hdr.id_tier;
	unsigned t, i = pos % TD_IDC_BLOCK;
	uint64_t bit;
	/* every value's 8 bytes in the block's: a block of TD_IDC_MAXLEN
	 * bytes holds 64 values of 32 bits; a shorter one (the last ones) is
	 * checked at its last value */
	if (s->idc_len < TD_IDC_MAXLEN) {
		td_idc_locate(s->idc_sel, n - 1, s->idc_coef, &t, &bit);
		if (TD_IDC_SEL + bit / 8 + 8 > s->idc_len) {
			td_seg_mark_damaged(s, "bad word id block");
			return -1;
		}
	}
	if (*bitp == UINT64_MAX)
		td_idc_locate(s->idc_sel, i, s->idc_coef, &t, &bit);
	else
		bit = *bitp;
	/* locals: nothing aliases them */
	const uint8_t *p = s->idc_p + TD_IDC_SEL;
	const uint64_t nr = s->hdr.id_ranks;
	uint64_t base[TD_IDC_TIERS], mask[TD_IDC_TIERS];
	unsigned wd[TD_IDC_TIERS];
	for (unsigned k = 0; k < TD_IDC_TIERS; k++) {
		base[k] = s->idc_base[k];
		wd[k] = w[k];
		mask[k] = ((uint64_t)1 << w[k]) - 1;
	}
	uint64_t s0 = s->idc_sel[0] >> i, s1 = s->idc_sel[1] >> i,
	         s2 = s->idc_sel[2] >> i;
	for (; i < n; i++, s0 >>= 1, s1 >>= 1, s2 >>= 1) {
		t = (unsigned)((s0 & 1) | (s1 & 1) << 1 | (s2 & 1) << 2);
		uint64_t x;
		memcpy(&x, p + bit / 8, 8);
		uint64_t v = base[t] + (x >> bit % 8 & mask[t]);
		bit += wd[t];
		if (v >= nr) {
			td_seg_mark_damaged(s, "bad term id");
			return -1;
		}
		if (rmask[v / 64] >> v % 64 & 1) {
			/* the next position's: 0 in the next block */
			*bitp = i + 1 < TD_IDC_BLOCK ? bit : 0;
			*found = (uint32_t)(first + i);
			return 1;
		}
	}
	*bitp = UINT64_MAX;
	return 0;
}

/* The word id of rank r (< id_ranks): the directory's. */
static uint32_t rank_word(td_seg *s, uint32_t r)
{
	uint32_t bits = s->hdr.id_bits;
	uint64_t bit = (uint64_t)r * bits;
	const uint8_t *q = td_seg_sec(s, TD_SEC_IDS, s->idc_rdir + bit / 8, 8);
	if (!q)
		return UINT32_MAX;
	uint32_t v = (uint32_t)td_bits_at(q, bit % 8, bits);
	if (v >= s->hdr.lexsize[0]) {
		td_seg_mark_damaged(s, "bad term id");
		return UINT32_MAX;
	}
	return v;
}

/* The pos id of rank r of IDS (IDS3, format 15); UINT32_MAX with the
 * segment marked damaged. */
static uint32_t rank_pos(td_seg *s, uint32_t r)
{
	uint32_t bits = s->hdr.lbits[TD_LAYER_POS - TD_LAYER_LEMMA];
	uint64_t bit = (uint64_t)r * bits;
	const uint8_t *p = td_seg_sec(s, TD_SEC_IDS3, bit / 8, 8);
	if (!p)
		return UINT32_MAX;
	uint64_t v = td_bits_at(p, bit % 8, bits);
	if (v >= s->hdr.lexsize[TD_LAYER_POS]) {
		td_seg_mark_damaged(s, "bad term id");
		return UINT32_MAX;
	}
	return (uint32_t)v;
}

uint32_t td_seg_rank_ids(td_seg *s, uint32_t r, uint32_t *pos)
{
	if (r >= s->hdr.id_ranks) {
		td_error(TD_EUSAGE, "no rank %u", r);
		return UINT32_MAX;
	}
	if (pos) {
		*pos = td_seg_has_layers(s) ? rank_pos(s, r) : 0;
		if (*pos == UINT32_MAX)
			return UINT32_MAX;
	}
	return rank_word(s, r);
}

uint32_t td_seg_id_at(td_seg *s, int layer, uint32_t pos)
{
	if (pos >= s->hdr.ntokens || layer < 0 || layer >= TD_NLAYERS) {
		td_error(TD_EUSAGE, "position %u outside segment", pos);
		return UINT32_MAX;
	}
	if (layer >= TD_LAYER_LEMMA && (s->hdr.flags & TD_SEGF_NO_LAYERS)) {
		td_error(TD_EUSAGE, "%s: %s", s->path, td_seg_no_layers_msg);
		return UINT32_MAX;
	}
	if (layer == TD_LAYER_LEMMA && s->hdr.lbits[0] == 0)
		return w2l(s, td_seg_id_at(s, TD_LAYER_WORD, pos), pos);
	if (layer == TD_LAYER_POS) {
		/* the pos id of the position's rank (format 15) */
		uint32_t r = rank_at(s, pos);
		return r == UINT32_MAX ? r : rank_pos(s, r);
	}
	if (layer >= TD_LAYER_LEMMA) {
		/* ids of their own, packed like the word ids */
		uint32_t bits = s->hdr.lbits[layer - TD_LAYER_LEMMA];
		uint64_t bit = (uint64_t)pos * bits;
		const uint8_t *p = td_seg_sec(s, td_sec_ids(layer), bit / 8, 8);
		if (!p)
			return UINT32_MAX;
		uint64_t v = td_bits_at(p, bit % 8, bits);
		if (v >= s->hdr.lexsize[layer]) {
			td_seg_mark_damaged(s, "bad term id");
			return UINT32_MAX;
		}
		return (uint32_t)v;
	}
	uint32_t v = rank_at(s, pos);
	if (v != UINT32_MAX)
		v = rank_word(s, v);
	if (v == UINT32_MAX)
		return UINT32_MAX;
	if (layer == TD_LAYER_WORD)
		return (uint32_t)v;
	uint32_t nb = td_w2n_bits(s->hdr.lexsize[1]);
	uint64_t at = (uint64_t)v * nb;
	const uint8_t *q = td_seg_sec(s, TD_SEC_W2N, at / 8, 8);
	if (!q)
		return UINT32_MAX;
	uint32_t n = (uint32_t)td_bits_at(q, at % 8, nb);
	if (n >= s->hdr.lexsize[1]) {
		td_seg_mark_damaged(s, "bad term id");
		return UINT32_MAX;
	}
	return n;
}
