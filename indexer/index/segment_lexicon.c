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

#include <stdlib.h>
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

/* Decodes block b of layer's LSTR (format 19: front-coded, segout.h)
 * into lstr_blk; 0, or TD_ECORRUPT with the segment marked, TD_ENOMEM. */
static int lstr_block(td_seg *s, int layer, uint32_t b)
{
	uint32_t n = s->hdr.lexsize[layer], first = b * TD_LSTR_BLOCK,
	         cnt = n - first < TD_LSTR_BLOCK ? n - first : TD_LSTR_BLOCK;
	if (!s->lstr_blk[layer]) {
		uint64_t nb = ((uint64_t)n + TD_LSTR_BLOCK - 1) / TD_LSTR_BLOCK;
		if (!(s->lstr_blk[layer] = calloc(nb, sizeof(td_lstrblk *))))
			return td_error(TD_ENOMEM, "out of memory");
	}
	/* the entries' bounds: each ends where the next begins (the last
	 * term's at the section's end) */
	uint64_t at[TD_LSTR_BLOCK + 1];
	td_seglex e;
	/* the string offsets, field 0 of the entries, read from their
	 * lexicon block (TD_LSTR_BLOCK divides TD_LEX_BLOCK) in a loop */
	if (lex_block(s, layer, first / TD_LEX_BLOCK))
		return TD_ECORRUPT;
	const td_lexcache *lc = &s->lxc[layer];
	for (uint32_t j = 0; j < cnt; j++) {
		uint64_t bit =
		        (uint64_t)((first + j) % TD_LEX_BLOCK) * lc->wsum;
		at[j] = lc->h.str_base +
		        td_bits_at(lc->p + bit / 8, bit % 8, lc->h.w[0]);
	}
	if (first + cnt == n)
		at[cnt] = s->hdr.sec_len[td_sec_lstr(layer)];
	else if (lex_get(s, layer, first + cnt, &e))
		return TD_ECORRUPT;
	else
		at[cnt] = e.str_off;
	if (at[cnt] <= at[0] || at[cnt] > s->hdr.sec_len[td_sec_lstr(layer)])
		return td_seg_mark_damaged(s, "bad lexicon entry");
	const uint8_t *p =
	        td_seg_sec(s, td_sec_lstr(layer), at[0], at[cnt] - at[0]);
	if (!p)
		return TD_ECORRUPT;
	/* the lengths: a prefix of the term before (none at the first),
	 * then the entry's own bytes */
	uint64_t len[TD_LSTR_BLOCK], total = 0;
	for (uint32_t j = 0; j < cnt; j++) {
		if (at[j + 1] <= at[j])
			return td_seg_mark_damaged(s, "bad lexicon entry");
		unsigned k = p[at[j] - at[0]];
		if (k > (j ? len[j - 1] : 0))
			return td_seg_mark_damaged(s, "bad lexicon entry");
		len[j] = k + (at[j + 1] - at[j] - 1);
		total += len[j] + 1;
	}
	if (total > UINT32_MAX - sizeof(td_lstrblk))
		return td_seg_mark_damaged(s, "bad lexicon entry");
	/* TD_LSTR_PAD zero bytes after the last term: PCRE2's JIT reads a
	 * subject a word at a time, past its end (valgrind's "uninitialised
	 * value" on a term at the block's end otherwise) */
	td_lstrblk *d = malloc(sizeof *d + total + TD_LSTR_PAD);
	if (!d)
		return td_error(TD_ENOMEM, "out of memory");
	memset((char *)d + sizeof *d + total, 0, TD_LSTR_PAD);
	char *c = (char *)d; /* the decoded block's bytes */
	uint32_t o = sizeof *d;
	for (uint32_t j = 0; j < cnt; j++) {
		unsigned k = p[at[j] - at[0]];
		d->off[j] = o;
		/* most terms are short: a loop, not two calls of memcpy */
		char *to = c + o;
		const char *from = j ? c + d->off[j - 1] : c;
		const uint8_t *own = p + (at[j] - at[0]) + 1;
		for (unsigned x = 0; x < k; x++)
			to[x] = from[x];
		for (uint64_t x = k; x < len[j]; x++)
			to[x] = (char)own[x - k];
		to[len[j]] = '\0';
		o += (uint32_t)len[j] + 1;
	}
	for (uint32_t j = cnt; j <= TD_LSTR_BLOCK; j++)
		d->off[j] = o;
	s->lstr_blk[layer][b] = d;
	s->lstr_bytes += o + TD_LSTR_PAD;
	/* the block td_seg_trim keeps (here, not at every term read: a
	 * store there cost queries up to 0.9% of their instructions), and
	 * the range it looks at */
	s->lstr_last[layer] = b + 1;
	if (s->lstr_lo[layer] >= s->lstr_hi[layer]) {
		s->lstr_lo[layer] = b;
		s->lstr_hi[layer] = b + 1;
	} else if (b < s->lstr_lo[layer])
		s->lstr_lo[layer] = b;
	else if (b >= s->lstr_hi[layer])
		s->lstr_hi[layer] = b + 1;
	return 0;
}

void td_seg_lstr_trim(td_seg *s)
{
	for (int l = 0; l < TD_NLAYERS; l++) {
		for (uint32_t b = s->lstr_lo[l]; b < s->lstr_hi[l]; b++) {
			td_lstrblk *d = s->lstr_blk[l][b];
			if (!d || b + 1 == s->lstr_last[l])
				continue;
			s->lstr_bytes -= d->off[TD_LSTR_BLOCK] + TD_LSTR_PAD;
			free(d);
			s->lstr_blk[l][b] = NULL;
		}
		/* what is held: the last term's block, or nothing */
		s->lstr_lo[l] = s->lstr_last[l] ? s->lstr_last[l] - 1 : 0;
		s->lstr_hi[l] = s->lstr_last[l];
	}
}

const char *td_seg_lex_term(td_seg *s, int layer, uint32_t id, size_t *len)
{
	if (layer < 0 || layer >= TD_NLAYERS || id >= s->hdr.lexsize[layer]) {
		s->term_rc = td_error(
		        TD_EUSAGE, "no term %u in layer %d", id, layer);
		return NULL;
	}
	uint32_t b = id / TD_LSTR_BLOCK, j = id % TD_LSTR_BLOCK;
	int rc;
	if ((!s->lstr_blk[layer] || !s->lstr_blk[layer][b]) &&
	        (rc = lstr_block(s, layer, b))) {
		s->term_rc = rc;
		return NULL;
	}
	const td_lstrblk *d = s->lstr_blk[layer][b];
	if (len)
		*len = d->off[j + 1] - d->off[j] - 1;
	return (const char *)d + d->off[j];
}

int td_seg_lex_term_err(const td_seg *s)
{
	return td_seg_term_err(s);
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
		return td_seg_term_err(s);
	*c = memcmp(m, k->term, ml < k->len ? ml : k->len);
	if (!*c)
		*c = ml < k->len ? -1 : ml > k->len;
	return 0;
}

/* lex_cmp for the first term of block i of LSTR, read in place (its
 * entry is a 0 and its bytes, format 19): no block decoded. */
static int head_cmp(td_seg *s, uint32_t i, const void *key, int *c)
{
	const lex_key *k = key;
	uint32_t id = i * TD_LSTR_BLOCK, n = s->hdr.lexsize[k->layer];
	td_seglex e;
	uint64_t a, end;
	if (lex_get(s, k->layer, id, &e))
		return -1;
	a = e.str_off;
	if (id + 1 == n)
		end = s->hdr.sec_len[td_sec_lstr(k->layer)];
	else if (lex_get(s, k->layer, id + 1, &e))
		return -1;
	else
		end = e.str_off;
	const uint8_t *p;
	if (end <= a || end > s->hdr.sec_len[td_sec_lstr(k->layer)])
		return td_seg_mark_damaged(s, "bad lexicon entry");
	if (!(p = td_seg_sec(s, td_sec_lstr(k->layer), a, end - a)))
		return -1;
	if (p[0])
		return td_seg_mark_damaged(s, "bad lexicon entry");
	size_t ml = (size_t)(end - a - 1);
	*c = memcmp(p + 1, k->term, ml < k->len ? ml : k->len);
	if (!*c)
		*c = ml < k->len ? -1 : ml > k->len;
	return 0;
}

int64_t td_seg_lex_find(td_seg *s, int layer, const char *term, size_t len)
{
	lex_key k = {layer, term, len};
	uint32_t n = td_seg_lex_size(s, layer);
	/* the last block whose first term is at most the key, by the
	 * blocks' first terms; then that block's terms */
	uint32_t lo = 0, hi = (uint32_t)(((uint64_t)n + TD_LSTR_BLOCK - 1) /
	                                 TD_LSTR_BLOCK);
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = 0;
		if (head_cmp(s, mid, &k, &c))
			return TD_ECORRUPT;
		if (!c)
			return (int64_t)mid * TD_LSTR_BLOCK;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return TD_ENOTFOUND; /* below the first term */
	uint32_t first = (lo - 1) * TD_LSTR_BLOCK,
	         cnt = n - first < TD_LSTR_BLOCK ? n - first : TD_LSTR_BLOCK;
	for (uint32_t j = 1; j < cnt; j++) {
		int c = 0, rc = lex_cmp(s, first + j, &k, &c);
		if (rc)
			return rc; /* TD_ENOMEM too */
		if (!c)
			return first + j;
		if (c > 0)
			break;
	}
	return TD_ENOTFOUND;
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
