/* postings.c: the positions of one term, encoded and iterated. A list of
 * up to TD_POST_BLOCK positions is a varint of the first position and the
 * block code of the others (td_post_block_code: Elias-Fano or varint
 * gaps, whichever is shorter, format 18). A longer list starts with a
 * skip table of (first position, byte offset) per block of TD_POST_BLOCK,
 * then each block's code of its positions after the first, so
 * td_postings_next() can seek without decoding the blocks it passes (and
 * in an Elias-Fano block pass over positions by their high parts).
 * Decoding never reads past the list. A term stored as a union
 * (TD_POST_UNION, format 12) has the word ids of its members instead, and
 * is iterated as the merge of their postings. */
#include "config.h"
#include "postings.h"
#include "bits.h"
#include "segformat.h"
#include "segment.h"
#include "buf.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the slow paths of decoding, kept out of td_postings_next's loop */
#define TD_POST_SLOW __attribute__((noinline))

int td_buf_varint(td_buf *b, uint64_t v)
{
	uint8_t t[10];
	size_t n = 0;
	do {
		t[n] = v & 0x7f;
		v >>= 7;
		if (v)
			t[n] |= 0x80;
		n++;
	} while (v);
	return td_buf_add(b, t, n);
}

/* The LEB128 varint of v at p (at most 5 bytes); returns its end. */
static inline uint8_t *varint_put(uint8_t *p, uint32_t v)
{
	while (v >= 0x80) {
		*p++ = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t)v;
	return p;
}

/* td_buf_varint's bytes of every delta, written in place: a call per
 * varint cost about 100 instructions a position (the words, norms and
 * lemma layers each encode every position). */
int td_union_encode(const uint32_t *ids, uint32_t n, td_buf *out)
{
	int rc = td_buf_reserve(out, (size_t)n * 5);
	if (rc)
		return rc;
	uint8_t *s = (uint8_t *)out->s, *p = s + out->n;
	for (uint32_t i = 0; i < n; i++)
		p = varint_put(p, i ? ids[i] - ids[i - 1] : ids[0]);
	out->n = (size_t)(p - s);
	out->s[out->n] = '\0';
	return 0;
}

/* Sets the w bits of v at bit off of b (zeroed before), LSB first. */
static void bits_put(uint8_t *b, uint64_t off, uint64_t v, unsigned w)
{
	while (w) {
		unsigned sh = (unsigned)(off % 8), k = 8 - sh < w ? 8 - sh : w;
		b[off / 8] |= (uint8_t)((v & ((1u << k) - 1)) << sh);
		v >>= k;
		off += k;
		w -= k;
	}
}

/* A field of a skip table (f 0: the first positions, 1: the offsets)
 * less a0 + b * a: lin 1 the line from its first entry to its last (a
 * the slope rounded down, a0 moved down to the entry furthest below it),
 * else a = 0 and a0 the first position of block 0, or 0 for the offsets
 * (format 21). Sets *w to the bits the differences need. */
static void skip_fit(const uint64_t *sk, uint64_t nb, int f, int lin,
        uint32_t *a, uint32_t *a0, unsigned *w)
{
	uint32_t v0 = f ? (lin ? (uint32_t)(sk[0] >> 32) : 0) : (uint32_t)sk[0];
	uint32_t vl = f ? (uint32_t)(sk[nb - 1] >> 32) : (uint32_t)sk[nb - 1];
	*a = lin && nb > 1 && vl > v0 ? (uint32_t)((vl - v0) / (nb - 1)) : 0;
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	for (uint64_t b = 0; b < nb; b++) {
		uint32_t v = f ? (uint32_t)(sk[b] >> 32) : (uint32_t)sk[b];
		int64_t r = (int64_t)v - (int64_t)v0 - (int64_t)(b * *a);
		lo = r < lo ? r : lo;
		hi = r > hi ? r : hi;
	}
	if (!lin)
		lo = 0;          /* ascending: no entry below the first */
	*a0 = v0 + (uint32_t)lo; /* modulo 2^32 */
	uint64_t span = (uint64_t)(hi - lo);
	*w = 0;
	while (*w < 32 && span >> *w)
		(*w)++;
}

size_t td_skip_code(const uint64_t *sk, uint64_t nb, uint8_t *out)
{
	uint32_t af[2], a0f[2], ao[2], a0o[2];
	unsigned wf[2], wo[2];
	size_t len[2];
	for (int lin = 0; lin < 2; lin++) {
		skip_fit(sk, nb, 0, lin, &af[lin], &a0f[lin], &wf[lin]);
		skip_fit(sk, nb, 1, lin, &ao[lin], &a0o[lin], &wo[lin]);
		len[lin] = (lin ? TD_SKIP_HEAD_LIN : TD_SKIP_HEAD) +
		           (size_t)((nb * (wf[lin] + wo[lin]) + 7) / 8);
	}
	int lin = len[1] < len[0];
	if (!out)
		return len[lin];
	memset(out, 0, len[lin]);
	out[0] = (uint8_t)(wf[lin] | (lin ? TD_SKIP_LINEAR : 0));
	out[1] = (uint8_t)wo[lin];
	uint32_t head[4] = {a0f[lin], af[lin], a0o[lin], ao[lin]};
	for (int h = 0; h < (lin ? 4 : 1); h++)
		for (int k = 0; k < 4; k++)
			out[2 + 4 * h + k] = (uint8_t)(head[h] >> 8 * k);
	uint8_t *t = out + (lin ? TD_SKIP_HEAD_LIN : TD_SKIP_HEAD);
	unsigned w = wf[lin] + wo[lin];
	for (uint64_t b = 0; b < nb; b++) {
		uint64_t bit = b * w;
		uint32_t pf = a0f[lin] + (uint32_t)b * af[lin],
		         po = a0o[lin] + (uint32_t)b * ao[lin];
		bits_put(t, bit, (uint32_t)sk[b] - pf, wf[lin]);
		bits_put(t, bit + wf[lin], (uint32_t)(sk[b] >> 32) - po,
		        wo[lin]);
	}
	return len[lin];
}

size_t td_post_block_code(const uint32_t *v, uint32_t m, uint8_t *out)
{
	uint8_t *p = out;
	size_t vb = 0;
	for (uint32_t i = 1; i <= m; i++) {
		uint32_t d = v[i] - v[i - 1];
		vb += 1 + (d >= 1u << 7) + (d >= 1u << 14) + (d >= 1u << 21) +
		      (d >= 1u << 28);
	}
	if (m > TD_POST_EF_MIN) {
		/* Elias-Fano of x_i = v[i] - v[0] - i, ascending from 0: the
		 * low l bits of each, then each high part in unary (x_i >> l
		 * zeros in all before the i-th one) */
		uint64_t xm = (uint64_t)v[m] - v[0] - m, best = UINT64_MAX;
		unsigned l = 0;
		for (unsigned k = 0; k < 32; k++) {
			uint64_t b = (uint64_t)m * k + m + (xm >> k);
			if (b < best) {
				best = b;
				l = k;
			}
		}
		size_t eb = 1 + (size_t)(best + 7) / 8;
		if (eb < 1 + vb) {
			memset(out, 0, eb);
			out[0] = (uint8_t)l;
			for (uint32_t i = 1; i <= m; i++) {
				uint64_t x = (uint64_t)v[i] - v[0] - i;
				bits_put(out + 1, (uint64_t)(i - 1) * l, x, l);
				bits_put(out + 1,
				        (uint64_t)m * l + (x >> l) + (i - 1), 1,
				        1);
			}
			return eb;
		}
		*p++ = TD_POST_VARINT;
	}
	for (uint32_t i = 1; i <= m; i++)
		p = varint_put(p, v[i] - v[i - 1]);
	return (size_t)(p - out);
}

int td_postings_encode(const uint32_t *pos, uint64_t n, td_buf *out)
{
	if (n > (SIZE_MAX - out->n) / 6 - 1)
		return td_error(TD_ENOMEM, "out of memory");
	uint64_t nb = n <= TD_POST_BLOCK
	                      ? 0
	                      : (n + TD_POST_BLOCK - 1) / TD_POST_BLOCK;
	int rc = td_buf_reserve(
	        out, (size_t)(TD_SKIP_HEAD + nb * 9 + n * 5 + 6));
	if (rc)
		return rc;
	uint8_t *s = (uint8_t *)out->s, *p = s + out->n;
	if (!nb) {
		if (n) {
			p = varint_put(p, pos[0]);
			p += td_post_block_code(pos, (uint32_t)n - 1, p);
		}
		out->n = (size_t)(p - s);
		out->s[out->n] = '\0';
		return 0;
	}
	/* the skip table: per block its first position and its data's
	 * offset after the table (packed, format 21); then the blocks'
	 * codes, written after room for the longest table and moved up */
	uint64_t *sk = malloc(nb * sizeof *sk);
	if (!sk)
		return td_error(TD_ENOMEM, "out of memory");
	uint8_t *skip = p, *data = p + TD_SKIP_HEAD + nb * 8;
	p = data;
	for (uint64_t b = 0; b < nb; b++) {
		sk[b] = pos[b * TD_POST_BLOCK] | (uint64_t)(p - data) << 32;
		uint64_t end = (b + 1) * TD_POST_BLOCK;
		if (end > n)
			end = n;
		p += td_post_block_code(pos + b * TD_POST_BLOCK,
		        (uint32_t)(end - b * TD_POST_BLOCK - 1), p);
	}
	size_t tl = td_skip_code(sk, nb, NULL);
	memmove(skip + tl, data, (size_t)(p - data));
	p -= data - (skip + tl);
	td_skip_code(sk, nb, skip);
	free(sk);
	out->n = (size_t)(p - s);
	out->s[out->n] = '\0';
	return 0;
}

struct td_postings {
	const uint8_t *base, *end; /* the whole list */
	const uint8_t *data;       /* after the skip table */
	const uint8_t *p;          /* next byte to decode */
	uint32_t freq, nblocks, done, blk, in_blk, cur, ntokens;
	/* the skip table (nblocks > 1, format 21): its widths, and the
	 * lines its fields are coded against (format 22; a = 0 and a0 the
	 * first position of block 0, and 0, in format 21's code) */
	unsigned swf, swo, sw;       /* sw = swf + swo */
	uint32_t sf0, sfa, so0, soa; /* format 22: a0 + b * a + field */
	const uint8_t *sbits;        /* the entries */
	uint32_t nfirst; /* the first position of block blk + 1, if any */
	/* the block being decoded: its first position; when ef, its
	 * Elias-Fano code (format 18) at eb, of l low bits each, whose high
	 * parts begin at bit h0 (hk: h0 + the high parts read); hw holds
	 * the bits from bit hwb on not yet passed over (hwn of them were
	 * read); the next low bits are at bit lat; eavail bytes from eb on
	 * are the list's */
	int ef;
	unsigned l, hwn;
	uint32_t v0;
	const uint8_t *eb;
	uint64_t hk, hw, hwb, lat, lmask, eavail;
	uint64_t passed; /* positions ef_skip passed over: for the tests */
	td_seg *seg;
	/* a pos term without postings (TD_POST_SCAN): its id, the ranks of
	 * IDS whose pair has that pos (a bit each, format 15), and the
	 * first position not yet scanned; skipped once a target passed
	 * over positions not scanned (done then no longer counts the
	 * positions before next) */
	int scan, skipped;
	uint32_t id, next;
	uint64_t *rmask;
	uint64_t sbit; /* the bit offset of next's value in its block of IDS
	                * (UINT64_MAX: not known) */
	/* a scanned pos term read as the union of its words' postings
	 * (puni 1; -1: scanned, 0: not decided before the first
	 * td_postings_next): sub[i] is the i-th word with the tag, chk[i]
	 * 1 when the word has other tags (its positions are tested by their
	 * rank). The positions are gathered a window of TD_PUNI_WIN at a
	 * time in two bitmaps (wsure: certain, wchk: to test); each word
	 * waits in the bucket of the window of its next position (whead,
	 * wnext, spos); windows below wlow have empty buckets; win is the
	 * window gathered + 1 (0: none) */
	int puni;
	uint32_t nat; /* td_postings_at calls before the mask is made */
	uint8_t *chk;
	uint32_t *whead, *wnext, *spos;
	uint64_t *wsure, *wchk;
	uint32_t nwin, wlow, win;
	/* a union (TD_POST_UNION): its members' postings, and a min-heap of
	 * their next positions (position << 32 | member), filled at the
	 * first td_postings_next */
	td_postings **sub;
	uint64_t *heap;
	uint32_t nsub, nheap;
	int uni, started;
};

static int bad_term(td_seg *s, uint32_t id)
{
	char what[64];
	snprintf(what, sizeof what, "bad postings of term %u", id);
	return td_seg_mark_damaged(s, what);
}

/* w (<= 32) bits at bit of the skip table's entries: 8 bytes at once
 * where the list holds them (the table ends before its data), else a
 * byte at a time. */
static inline __attribute__((always_inline)) uint32_t skip_bits(
        const td_postings *q, uint64_t bit, unsigned w)
{
	const uint8_t *p = q->sbits + bit / 8;
	unsigned sh = (unsigned)(bit % 8);
	uint64_t v = 0;
	if (q->end - p >= 8)
		memcpy(&v, p, 8);
	else
		for (unsigned got = 0; got < sh + w; got += 8)
			v |= (uint64_t)*p++ << got;
	return (uint32_t)(v >> sh & (((uint64_t)1 << w) - 1));
}

static inline __attribute__((always_inline)) uint32_t skip_first(
        const td_postings *q, uint32_t b)
{
	return q->sf0 + b * q->sfa + skip_bits(q, (uint64_t)b * q->sw, q->swf);
}

static inline __attribute__((always_inline)) uint32_t skip_off(
        const td_postings *q, uint32_t b)
{
	return q->so0 + b * q->soa +
	       skip_bits(q, (uint64_t)b * q->sw + q->swf, q->swo);
}

/* Reads the skip table's head of q (nblocks > 1) and sets q->data after
 * the table: 0, or -1 when it does not fit the list. */
static int skip_open(td_postings *q)
{
	uint64_t len = (uint64_t)(q->end - q->base);
	if (len < TD_SKIP_HEAD)
		return -1;
	int lin = (q->base[0] & TD_SKIP_LINEAR) != 0;
	unsigned head = lin ? TD_SKIP_HEAD_LIN : TD_SKIP_HEAD;
	if (len < head)
		return -1;
	q->swf = q->base[0] & ~TD_SKIP_LINEAR;
	q->swo = q->base[1];
	uint32_t h[4] = {0, 0, 0, 0};
	for (unsigned k = 0; k < (lin ? 4u : 1u); k++) {
		const uint8_t *c = q->base + 2 + 4 * k;
		h[k] = (uint32_t)c[0] | (uint32_t)c[1] << 8 |
		       (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
	}
	q->sf0 = h[0];
	q->sfa = h[1];
	q->so0 = h[2];
	q->soa = h[3];
	if (q->swf > 32 || q->swo > 32)
		return -1;
	q->sw = q->swf + q->swo;
	uint64_t tl = head + ((uint64_t)q->nblocks * (q->swf + q->swo) + 7) / 8;
	if (len < tl)
		return -1;
	q->sbits = q->base + head;
	q->data = q->base + tl;
	q->nfirst = skip_first(q, 1);
	return 0;
}

void td_postings_close(td_postings *q)
{
	if (!q)
		return;
	if (q->sub) {
		for (uint32_t i = 0; i < q->nsub; i++)
			td_postings_close(q->sub[i]);
		free(q->sub);
		free(q->heap);
	}
	free(q->rmask); /* a union's, or a scanned pos term's (format 15) */
	free(q->chk);
	free(q->whead);
	free(q->wnext);
	free(q->spos);
	free(q->wsure);
	free(q->wchk);
	free(q);
}

/* A term of the norm or lemma layer stored as a union (TD_POST_UNION):
 * its bytes in POST are the word ids of its members, ascending, as a
 * varint and varint deltas; its positions are theirs, which are disjoint
 * (a word has one norm; a lemma is a union only of words that have it at
 * every position), so their frequencies sum to its own. end is where
 * the next term's bytes begin (the section's end after the last). */
static int open_union(td_seg *s, int layer, uint32_t id, const td_seglex *a,
        uint64_t end, td_postings **out)
{
	int psec = td_sec_post(layer);
	uint64_t off = a->post_off & TD_POST_OFF_MASK;
	if (a->post_off & ~(TD_POST_UNION | TD_POST_OFF_MASK) ||
	        (layer != TD_LAYER_NORM && layer != TD_LAYER_LEMMA) ||
	        off >= end || end > s->hdr.sec_len[psec] || a->freq == 0)
		return bad_term(s, id);
	const uint8_t *p = td_seg_sec(s, psec, off, end - off), *pe;
	if (!p)
		return TD_ECORRUPT;
	pe = p + (end - off);
	uint32_t n = 0;
	for (const uint8_t *c = p; c < pe; c++)
		n += !(*c & 0x80);
	if (n == 0)
		return bad_term(s, id);
	td_postings *q = calloc(1, sizeof *q);
	if (!q || !(q->sub = calloc(n, sizeof *q->sub)) ||
	        !(q->heap = malloc((size_t)n * sizeof *q->heap))) {
		td_postings_close(q);
		return td_error(TD_ENOMEM, "out of memory");
	}
	q->uni = 1;
	q->freq = a->freq;
	q->seg = s;
	uint64_t w = 0, sum = 0;
	int rc = 0;
	for (uint32_t i = 0; i < n && !rc; i++) {
		uint64_t d;
		if (td_varint_get(&p, pe, &d) || (i && d == 0) ||
		        d >= s->hdr.lexsize[TD_LAYER_WORD] - w) {
			rc = bad_term(s, id);
			break;
		}
		w += d;
		if (!(rc = td_postings_open(
		              s, TD_LAYER_WORD, (uint32_t)w, &q->sub[i]))) {
			q->nsub++;
			sum += q->sub[i]->freq;
		}
	}
	if (!rc && (p != pe || sum != a->freq))
		rc = bad_term(s, id);
	if (rc) {
		td_postings_close(q);
		return rc;
	}
	*out = q;
	return 0;
}

int td_postings_open(td_seg *s, int layer, uint32_t id, td_postings **out)
{
	*out = NULL;
	if (layer < 0 || layer >= TD_NLAYERS || id >= s->hdr.lexsize[layer])
		return td_error(TD_EUSAGE, "no term %u in layer %d", id, layer);
	int psec = td_sec_post(layer);
	td_seglex a;
	uint64_t end; /* where the next term's postings begin */
	int rc = td_seg_lex_entry(s, layer, id, &a, NULL, &end);
	if (rc)
		return rc;
	if (a.post_off & TD_POST_SHARED) {
		/* the postings of a term of a layer below (TD_POST_SHARED): a
		 * norm's are a word's, a lemma's a word's or a norm's, so the
		 * chain ends */
		int to = a.post_off & TD_POST_TO_WORD ? TD_LAYER_WORD
		                                      : TD_LAYER_NORM;
		uint64_t t = (a.post_off >> TD_POST_ID_SHIFT) & TD_POST_ID_MAX;
		if ((layer != TD_LAYER_NORM && layer != TD_LAYER_LEMMA) ||
		        to >= layer || t >= s->hdr.lexsize[to])
			return bad_term(s, id);
		rc = td_postings_open(s, to, (uint32_t)t, out);
		if (rc == 0 && (*out)->freq != a.freq) {
			td_postings_close(*out);
			*out = NULL;
			return bad_term(s, id);
		}
		return rc;
	}
	if ((a.post_off & TD_POST_UNION) && layer != TD_LAYER_POS)
		return open_union(s, layer, id, &a, end, out);
	if (a.post_off & TD_POST_SCAN) {
		/* a frequent pos term: its positions are those whose rank in
		 * IDS has its pos id in IDS3 */
		uint32_t bits = s->hdr.lbits[TD_LAYER_POS - TD_LAYER_LEMMA];
		if (layer != TD_LAYER_POS || bits == 0 || bits > 32 ||
		        a.freq == 0)
			return bad_term(s, id);
		td_postings *q = calloc(1, sizeof *q);
		if (!q)
			return td_error(TD_ENOMEM, "out of memory");
		q->scan = 1; /* its ranks found at the first td_postings_next:
		              * td_postings_at needs none (scan_mask) */
		q->freq = a.freq;
		q->id = id;
		q->ntokens = s->hdr.ntokens;
		q->seg = s;
		*out = q;
		return 0;
	}
	if (a.post_off > end || end > s->hdr.sec_len[psec] || a.freq == 0)
		return bad_term(s, id);
	const uint8_t *p = td_seg_sec(s, psec, a.post_off, end - a.post_off);
	if (!p)
		return TD_ECORRUPT;
	td_postings *q = calloc(1, sizeof *q);
	if (!q)
		return td_error(TD_ENOMEM, "out of memory");
	q->base = p;
	q->end = p + (end - a.post_off);
	q->freq = a.freq;
	q->ntokens = s->hdr.ntokens;
	q->seg = s;
	q->nblocks = a.freq > TD_POST_BLOCK
	                     ? (a.freq + TD_POST_BLOCK - 1) / TD_POST_BLOCK
	                     : 1;
	if (q->nblocks > 1) {
		if (skip_open(q)) {
			free(q);
			return bad_term(s, id);
		}
	} else {
		q->data = p;
	}
	q->p = q->data;
	*out = q;
	return 0;
}

static int corrupt(td_postings *q)
{
	if (!q->seg) /* td_postings_open_buf's */
		return td_error(TD_ECORRUPT, "postings do not decode");
	return td_seg_mark_damaged(q->seg, "postings do not decode");
}

static int varint(td_postings *q, uint32_t *v)
{
	uint64_t x = 0;
	for (int sh = 0; sh < 35; sh += 7) {
		if (q->p >= q->end)
			return corrupt(q);
		uint8_t c = *q->p++;
		x |= (uint64_t)(c & 0x7f) << sh;
		if (!(c & 0x80)) {
			if (x > UINT32_MAX)
				return corrupt(q);
			*v = (uint32_t)x;
			return 0;
		}
	}
	return corrupt(q);
}

static int seek_block(td_postings *q, uint32_t b)
{
	uint32_t off = skip_off(q, b);
	if (off > (size_t)(q->end - q->data))
		return corrupt(q);
	q->blk = b;
	if (b + 1 < q->nblocks)
		q->nfirst = skip_first(q, b + 1);
	q->in_blk = 0;
	q->done = b * TD_POST_BLOCK;
	q->p = q->data + off;
	return 0;
}

/* The w (<= 32) bits at bit off of the block code at eb, which must end
 * before q->end: 0 with *v, or the damage. */
static TD_POST_SLOW int ef_bits(
        td_postings *q, uint64_t off, unsigned w, uint64_t *v)
{
	uint64_t avail = (uint64_t)(q->end - q->eb), at = off / 8, x = 0;
	unsigned sh = (unsigned)(off % 8);
	if (at + 8 <= avail) {
		memcpy(&x, q->eb + at, 8);
	} else {
		if ((off + w + 7) / 8 > avail)
			return corrupt(q);
		for (uint64_t i = at; i < avail; i++)
			x |= (uint64_t)q->eb[i] << (8 * (i - at));
	}
	*v = (x >> sh) & (((uint64_t)1 << w) - 1);
	return 0;
}

/* Begins the block whose first position is v0 and whose code is at q->p:
 * 0, or the damage. */
static int block_begin(td_postings *q, uint32_t v0)
{
	uint32_t left = q->freq - q->blk * TD_POST_BLOCK,
	         m = (left < TD_POST_BLOCK ? left : TD_POST_BLOCK) - 1;
	q->v0 = v0;
	q->ef = 0;
	if (m <= TD_POST_EF_MIN)
		return 0;
	if (q->p >= q->end)
		return corrupt(q);
	uint8_t c = *q->p++;
	if (c == TD_POST_VARINT)
		return 0;
	if (c > 31)
		return corrupt(q);
	q->ef = 1;
	q->l = c;
	q->eb = q->p;
	q->hk = q->hwb = (uint64_t)m * c;
	q->hw = 0;
	q->hwn = 0;
	q->lat = 0;
	q->lmask = ((uint64_t)1 << c) - 1;
	q->eavail = (uint64_t)(q->end - q->eb);
	return 0;
}

/* Reads the next bits of the high parts into hw: 0, or the damage
 * (none left). */
static TD_POST_SLOW int ef_refill(td_postings *q)
{
	uint64_t avail = (uint64_t)(q->end - q->eb), b = q->hwb + q->hwn;
	q->hwb = b;
	if (b / 8 + 8 <= avail) {
		memcpy(&q->hw, q->eb + b / 8, 8);
		q->hw >>= b % 8;
		q->hwn = 64 - (unsigned)(b % 8);
		return 0;
	}
	if (b >= avail * 8)
		return corrupt(q);
	q->hwn = avail * 8 - b < 32 ? (unsigned)(avail * 8 - b) : 32;
	return ef_bits(q, b, q->hwn, &q->hw);
}

/* The in_blk-th position after the first of an Elias-Fano block: its low
 * bits read 8 bytes at a time where the list holds them (else through
 * ef_bits), its high part the next bit set of hw. In line: a call cost
 * as much as the decoding. */
__attribute__((always_inline)) static inline int ef_next(
        td_postings *q, uint64_t *v)
{
	uint64_t lo = 0, w, hi, at = q->lat;
	unsigned l = q->l;
	int rc;
	if (l) {
		if (at / 8 + 8 <= q->eavail) {
			memcpy(&w, q->eb + at / 8, 8);
			lo = (w >> at % 8) & q->lmask;
		} else if ((rc = ef_bits(q, at, l, &lo))) {
			return rc;
		}
		q->lat = at + l;
	}
	while (!q->hw)
		if ((rc = ef_refill(q)))
			return rc;
	hi = q->hwb + (unsigned)__builtin_ctzll(q->hw) - q->hk++;
	q->hw &= q->hw - 1;
	if (hi > UINT32_MAX >> l)
		return corrupt(q);
	*v = (uint64_t)q->v0 + q->in_blk + (hi << l | lo);
	return 0;
}

/* The next position of a list of postings of its own (not a union, not
 * scanned), decoded in line: 1 with *out, 0 at its end, or an error. */
__attribute__((always_inline)) static inline int plain_next(
        td_postings *q, uint32_t *out)
{
	uint32_t v, d = 0;
	int rc;
	if (q->done >= q->freq)
		return 0;
	if (q->in_blk == 0) {
		if (q->nblocks > 1)
			v = skip_first(q, q->blk);
		else if ((rc = varint(q, &v)))
			return rc;
		if ((rc = block_begin(q, v)))
			return rc;
	} else if (q->ef) {
		uint64_t x = 0;
		if ((rc = ef_next(q, &x)))
			return rc;
		if (x <= q->cur || x >= q->ntokens)
			return corrupt(q);
		v = (uint32_t)x;
	} else {
		if (q->p < q->end && !(*q->p & 0x80))
			d = *q->p++; /* a gap of one byte: most of them */
		else if ((rc = varint(q, &d)))
			return rc;
		v = q->cur + d;
		if (d == 0 || v < q->cur)
			return corrupt(q);
	}
	if (v >= q->ntokens || (q->done && q->in_blk == 0 && v <= q->cur))
		return corrupt(q);
	q->cur = v;
	q->done++;
	if (++q->in_blk == TD_POST_BLOCK && q->nblocks > 1 &&
	        q->blk + 1 < q->nblocks) {
		if ((rc = seek_block(q, q->blk + 1)))
			return rc;
		q->done = q->blk * TD_POST_BLOCK;
	}
	*out = v;
	return 1;
}

/* A scanned pos term as the union of its words (q->puni): positions a
 * window of TD_PUNI_WIN at a time; a term of more than TD_PUNI_MAXSUB
 * words is scanned (each word's postings state is about 200 bytes). */
#define TD_PUNI_SHIFT 16
#define TD_PUNI_WIN ((uint32_t)1 << TD_PUNI_SHIFT)
#define TD_PUNI_MAXSUB ((uint32_t)1 << 17)
/* The estimated instructions of reading a term (callgrind on the bench
 * index): a scan decodes every position's rank (about 33 each); the union
 * decodes each position of its words (about 24 each, set in a bitmap and
 * found again), tests the rank of those of words with other tags (about
 * 64 more) and opens each word (about 512). */
#define TD_PUNI_SCAN_COST 32
#define TD_PUNI_POS_COST 24
#define TD_PUNI_CHK_COST 64
#define TD_PUNI_WORD_COST 512

/* Word i waits for the window of its next position v. */
static void puni_push(td_postings *q, uint32_t i, uint32_t v)
{
	uint32_t w = v >> TD_PUNI_SHIFT;
	q->spos[i] = v;
	q->wnext[i] = q->whead[w];
	q->whead[w] = i;
}

/* Decides how the scanned pos term q is read: as the union of the words
 * whose (word, pos) pair has its tag (q->puni 1), when that decodes
 * fewer bytes than scanning every rank of IDS, the usual case (a tag's
 * words hold a few times its positions; IDS holds them all); else by
 * scanning (q->puni -1). 0, or an error. */
static int puni_build(td_postings *q)
{
	td_seg *s = q->seg;
	uint32_t nr = s->hdr.id_ranks, nw = s->hdr.lexsize[TD_LAYER_WORD],
	         bits = s->hdr.id_bits, nsub = 0;
	q->puni = -1;
	const uint8_t *rw = td_seg_sec(
	        s, TD_SEC_IDS, s->idc_rdir, ((uint64_t)nr * bits + 7) / 8 + 8);
	if (!rw)
		return TD_ECORRUPT;
	/* the words of two or more ranks (pairs), and the tag's */
	size_t nwd = (size_t)nw / 64 + 1;
	uint64_t *seen = calloc(2 * nwd, 8);
	if (!seen)
		return td_error(TD_ENOMEM, "out of memory");
	/* set only once seen is known not to be NULL: NULL + nwd is
	 * undefined (UBSan, under test_oom's failed allocations) */
	uint64_t *multi = seen + nwd;
	for (uint64_t r = 0, bit = 0; r < nr; r++, bit += bits) {
		uint64_t w = td_bits_at(rw + bit / 8, bit % 8, bits);
		if (w >= nw) {
			free(seen);
			return td_seg_mark_damaged(s, "bad term id");
		}
		if (seen[w / 64] >> w % 64 & 1)
			multi[w / 64] |= (uint64_t)1 << w % 64;
		seen[w / 64] |= (uint64_t)1 << w % 64;
		nsub += (uint32_t)(q->rmask[r / 64] >> r % 64 & 1);
	}
	if (nsub == 0 || nsub > TD_PUNI_MAXSUB) {
		free(seen);
		return 0;
	}
	q->sub = calloc(nsub, sizeof *q->sub);
	q->chk = calloc(nsub, 1);
	q->spos = malloc((size_t)nsub * 4);
	q->wnext = malloc((size_t)nsub * 4);
	if (!q->sub || !q->chk || !q->spos || !q->wnext) {
		free(seen);
		return td_error(TD_ENOMEM, "out of memory");
	}
	uint64_t cost = (uint64_t)nsub * TD_PUNI_WORD_COST;
	uint32_t k = 0;
	for (uint64_t r = 0, bit = 0; r < nr; r++, bit += bits) {
		if (!(q->rmask[r / 64] >> r % 64 & 1))
			continue;
		uint32_t w = (uint32_t)td_bits_at(rw + bit / 8, bit % 8, bits);
		uint64_t f = td_seg_lex_freq(s, TD_LAYER_WORD, w);
		q->chk[k] = (uint8_t)(multi[w / 64] >> w % 64 & 1);
		q->spos[k++] = w;
		cost += f *
		        (TD_PUNI_POS_COST + q->chk[k - 1] * TD_PUNI_CHK_COST);
	}
	free(seen);
	if (td_seg_damaged(s) < 0)
		return TD_ECORRUPT;
	if (cost >= (uint64_t)q->ntokens * TD_PUNI_SCAN_COST) {
		free(q->sub);
		q->sub = NULL;
		return 0;
	}
	q->nwin = (uint32_t)(((uint64_t)q->ntokens + TD_PUNI_WIN - 1) >>
	                     TD_PUNI_SHIFT);
	q->whead = malloc((size_t)q->nwin * 4);
	q->wsure = calloc(TD_PUNI_WIN / 64, 8);
	q->wchk = calloc(TD_PUNI_WIN / 64, 8);
	if (!q->whead || !q->wsure || !q->wchk)
		return td_error(TD_ENOMEM, "out of memory");
	memset(q->whead, 0xff, (size_t)q->nwin * 4);
	int rc;
	for (uint32_t i = 0; i < nsub; i++) {
		uint32_t v;
		if ((rc = td_postings_open(
		             s, TD_LAYER_WORD, q->spos[i], &q->sub[i])) < 0)
			return rc;
		q->nsub++;
		if (q->sub[i]->uni || q->sub[i]->scan)
			return bad_term(s, q->spos[i]); /* words have neither */
		if ((rc = td_postings_next(q->sub[i], 0, &v)) < 0)
			return rc;
		if (rc)
			puni_push(q, i, v);
	}
	q->puni = 1;
	return 0;
}

/* Gathers window w of a union read (q->puni) into wsure and wchk: the
 * words waiting in earlier windows (passed over by a seek) first go to
 * p, its first position wanted; then every position in w of the words
 * waiting in it. 0, or an error. */
static int puni_window(td_postings *q, uint32_t w, uint32_t p)
{
	uint32_t v, i;
	int rc;
	for (; q->wlow < w; q->wlow++) {
		i = q->whead[q->wlow];
		q->whead[q->wlow] = UINT32_MAX;
		while (i != UINT32_MAX) {
			uint32_t nx = q->wnext[i];
			if ((rc = td_postings_next(q->sub[i], p, &v)) < 0)
				return rc;
			if (rc)
				puni_push(q, i, v);
			i = nx;
		}
	}
	memset(q->wsure, 0, TD_PUNI_WIN / 8);
	memset(q->wchk, 0, TD_PUNI_WIN / 8);
	uint64_t base = (uint64_t)w << TD_PUNI_SHIFT, end = base + TD_PUNI_WIN;
	i = q->whead[w];
	q->whead[w] = UINT32_MAX;
	q->wlow = w + 1;
	while (i != UINT32_MAX) {
		uint32_t nx = q->wnext[i];
		uint64_t *b = q->chk[i] ? q->wchk : q->wsure;
		v = q->spos[i];
		for (;;) {
			uint32_t o = (uint32_t)(v - base);
			if ((q->wsure[o / 64] | q->wchk[o / 64]) >> o % 64 & 1)
				return corrupt(q); /* two words at one place */
			b[o / 64] |= (uint64_t)1 << o % 64;
			if ((rc = plain_next(q->sub[i], &v)) < 0)
				return rc;
			if (!rc)
				break;
			if (v >= end) {
				puni_push(q, i, v);
				break;
			}
		}
		i = nx;
	}
	q->win = w + 1;
	return 0;
}

/* scan_next of a term read as a union (q->puni 1) */
static int puni_next(td_postings *q, uint32_t target, uint32_t *pos)
{
	uint64_t p = q->next;
	int rc;
	if (target > p) {
		p = target;
		q->skipped = 1;
	}
	while (p < q->ntokens) {
		uint32_t w = (uint32_t)(p >> TD_PUNI_SHIFT);
		uint64_t base = (uint64_t)w << TD_PUNI_SHIFT;
		if (q->win != w + 1 &&
		        (rc = puni_window(q, w, (uint32_t)p)) < 0)
			return rc;
		uint32_t o = (uint32_t)(p - base), n = TD_PUNI_WIN;
		if (q->ntokens - base < n)
			n = (uint32_t)(q->ntokens - base);
		for (uint32_t k = o / 64; k * 64 < n; k++) {
			uint64_t sure = q->wsure[k], m = sure | q->wchk[k];
			if (k == o / 64)
				m &= ~(uint64_t)0 << o % 64;
			for (; m; m &= m - 1) {
				unsigned b = (unsigned)__builtin_ctzll(m);
				uint32_t f = (uint32_t)(base + k * 64 + b);
				if (!(sure >> b & 1)) {
					/* a word with other tags: its rank's */
					uint32_t r = td_seg_rank_at(q->seg, f);
					if (r == UINT32_MAX)
						return TD_ECORRUPT;
					if (!(q->rmask[r / 64] >> r % 64 & 1))
						continue;
				}
				q->next = f + 1;
				if (++q->done > q->freq && !q->skipped)
					return corrupt(q);
				*pos = q->cur = f;
				return 1;
			}
		}
		p = base + TD_PUNI_WIN;
	}
	q->next = q->ntokens;
	if (!q->skipped && q->done != q->freq)
		return corrupt(q);
	q->done = q->freq;
	return 0;
}

/* The ranks of IDS whose pair has the scanned pos term q's tag, a bit
 * each in q->rmask: 0, or an error. */
static int scan_mask(td_postings *q)
{
	td_seg *s = q->seg;
	uint32_t bits = s->hdr.lbits[TD_LAYER_POS - TD_LAYER_LEMMA],
	         nr = s->hdr.id_ranks;
	q->rmask = calloc(((size_t)nr + 63) / 64 + 1, 8);
	if (!q->rmask)
		return td_error(TD_ENOMEM, "out of memory");
	/* IDS3 is padded by 8 (its length checked at open) */
	const uint8_t *pk = td_seg_sec(
	        s, TD_SEC_IDS3, 0, ((uint64_t)nr * bits + 7) / 8 + 8);
	if (!pk)
		return TD_ECORRUPT;
	for (uint64_t r = 0, bit = 0; r < nr; r++, bit += bits)
		if (td_bits_at(pk + bit / 8, bit % 8, bits) == q->id)
			q->rmask[r / 64] |= (uint64_t)1 << r % 64;
	return 0;
}

/* td_postings_next() of a TD_POST_SCAN term: the next position from
 * max(target, q->next) whose rank in IDS is one of q->rmask's */
static int scan_next(td_postings *q, uint32_t target, uint32_t *pos)
{
	if (q->done >= q->freq)
		return 0;
	if (!q->rmask) {
		int rc = scan_mask(q);
		if (rc < 0)
			return rc;
	}
	if (!q->puni) {
		int rc = puni_build(q);
		if (rc < 0)
			return rc;
	}
	if (q->puni > 0)
		return puni_next(q, target, pos);
	uint32_t p = q->next;
	if (target > p) {
		p = target;
		q->skipped = 1;
	}
	if (p != q->next)
		q->sbit = UINT64_MAX; /* a seek: the value's place unknown */
	while (p < q->ntokens) {
		uint32_t f;
		int rc = td_seg_rank_scan(q->seg, p, &q->sbit, q->rmask, &f);
		if (rc < 0)
			return TD_ECORRUPT;
		if (rc) {
			q->next = f + 1;
			if (++q->done > q->freq && !q->skipped)
				return corrupt(q);
			*pos = q->cur = f;
			return 1;
		}
		p = (p / 64 + 1) * 64; /* the next block, from its start */
		q->sbit = 0;
	}
	q->next = q->ntokens;
	if (!q->skipped && q->done != q->freq)
		return corrupt(q);
	q->done = q->freq;
	return 0;
}

static void sift_down(td_postings *q, uint32_t i)
{
	uint64_t v = q->heap[i];
	for (;;) {
		uint32_t c = 2 * i + 1;
		if (c >= q->nheap)
			break;
		if (c + 1 < q->nheap && q->heap[c + 1] < q->heap[c])
			c++;
		if (q->heap[c] >= v)
			break;
		q->heap[i] = q->heap[c];
		i = c;
	}
	q->heap[i] = v;
}

/* td_postings_next() of a union: the least next position of its members
 * from max(target, one past the last returned). Members that would give
 * a position already given (two members with the same position: damage)
 * fail. */
static int union_next(td_postings *q, uint32_t target, uint32_t *pos)
{
	int rc;
	uint32_t v;
	if (!q->started) {
		q->started = 1;
		for (uint32_t i = 0; i < q->nsub; i++) {
			if ((rc = td_postings_next(q->sub[i], target, &v)) < 0)
				return rc;
			if (rc)
				q->heap[q->nheap++] = (uint64_t)v << 32 | i;
		}
		for (uint32_t i = q->nheap / 2; i-- > 0;)
			sift_down(q, i);
	}
	uint32_t t = target, seen = 0;
	if (q->done && t <= q->cur)
		t = q->cur + 1;
	while (q->nheap && (uint32_t)(q->heap[0] >> 32) < t) {
		uint32_t i = (uint32_t)q->heap[0];
		if (q->done && (uint32_t)(q->heap[0] >> 32) == q->cur && seen++)
			return corrupt(q);
		if ((rc = td_postings_next(q->sub[i], t, &v)) < 0)
			return rc;
		if (rc)
			q->heap[0] = (uint64_t)v << 32 | i;
		else
			q->heap[0] = q->heap[--q->nheap];
		if (q->nheap)
			sift_down(q, 0);
	}
	if (!q->nheap)
		return 0;
	*pos = q->cur = (uint32_t)(q->heap[0] >> 32);
	q->done++;
	return 1;
}

/* Passes over the positions of the Elias-Fano block being decoded in line
 * that are below target a 64-bit word of high parts at a time, without
 * their low bits: those of hw when the bound of its last, (its high part
 * + 1) << l - 1 above v0 + its index, is below target, leaving one
 * position of the block at least for plain_next; cur is then the least
 * the last passed over may be. 0, or the damage of a refill. */
static TD_POST_SLOW int ef_skip(td_postings *q, uint32_t target)
{
	uint32_t left = q->freq - q->blk * TD_POST_BLOCK,
	         m = (left < TD_POST_BLOCK ? left : TD_POST_BLOCK) - 1;
	unsigned l = q->l;
	int rc;
	for (;;) {
		/* a block not begun (the last one passed: q->ef is the
		 * block's before), or one position left at most (no refill
		 * past the code) */
		if (!q->in_blk || q->in_blk >= m)
			return 0;
		if (!q->hw && (rc = ef_refill(q)))
			return rc;
		uint32_t k = (uint32_t)__builtin_popcountll(q->hw);
		if (!k || k >= m + 1 - q->in_blk)
			return 0;
		uint64_t hi = q->hwb + 63u - (unsigned)__builtin_clzll(q->hw) -
		              (q->hk + k - 1);
		if (hi >= UINT32_MAX >> l)
			return 0; /* plain_next finds the damage, if any */
		uint64_t low = (uint64_t)q->v0 + q->in_blk + k - 1 + (hi << l);
		if (low + ((uint64_t)1 << l) - 1 >= target)
			return 0;
		q->lat += (uint64_t)k * l;
		q->hk += k;
		q->in_blk += k;
		q->done += k;
		q->hw = 0;
		q->cur = (uint32_t)low;
		q->passed += k;
	}
}

int td_postings_next(td_postings *q, uint32_t target, uint32_t *pos)
{
	int rc;
	if (q->uni)
		return union_next(q, target, pos);
	if (q->scan)
		return scan_next(q, target, pos);
	if (q->done >= q->freq)
		return 0;
	if (q->nblocks > 1 && (q->done == 0 || target > q->cur) &&
	        q->blk + 1 < q->nblocks && q->nfirst <= target) {
		/* the last block whose first position is <= target */
		uint32_t lo = q->blk + 1, hi = q->nblocks - 1;
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo + 1) / 2;
			if (skip_first(q, mid) <= target)
				lo = mid;
			else
				hi = mid - 1;
		}
		if ((rc = seek_block(q, lo)))
			return rc;
	}
	for (int first = 1;; first = 0) {
		uint32_t v = 0;
		if ((rc = plain_next(q, &v)) <= 0)
			return rc;
		if (v >= target) {
			*pos = v;
			return 1;
		}
		/* after the first position below the target only (the skip
		 * table has found its block): tried at each, "of" "the" cost
		 * 13% more instructions, at each call 4.5% */
		if (first && q->ef && (target - v) >> q->l >= 16 &&
		        (rc = ef_skip(q, target)))
			return rc;
	}
}

int td_postings_at(td_postings *q, uint32_t pos)
{
	if (q->scan) {
		/* the tag of the rank at pos, whichever way the term is
		 * iterated: from IDS3, or from the mask of its ranks once
		 * the tests have paid for making it (a bit from IDS3 each) */
		if (!q->rmask && ++q->nat > q->seg->hdr.id_ranks / 8) {
			int rc = scan_mask(q);
			if (rc < 0)
				return rc;
		}
		uint32_t r = q->rmask ? td_seg_rank_at(q->seg, pos)
		                      : td_seg_id_at(q->seg, TD_LAYER_POS, pos);
		if (r == UINT32_MAX)
			return td_seg_damaged(q->seg) < 0 ? TD_ECORRUPT
			                                  : TD_EUSAGE;
		return q->rmask ? (int)(q->rmask[r / 64] >> r % 64 & 1)
		                : r == q->id;
	}
	if (q->done && q->cur >= pos)
		return q->cur == pos;
	uint32_t v;
	int rc = td_postings_next(q, pos, &v);
	return rc <= 0 ? rc : v == pos;
}

int td_postings_open_buf(const uint8_t *p, size_t len, uint32_t freq,
        uint32_t ntokens, td_postings **out)
{
	*out = NULL;
	td_postings *q = calloc(1, sizeof *q);
	if (!q)
		return td_error(TD_ENOMEM, "out of memory");
	q->base = q->data = q->p = p;
	q->end = p + len;
	q->freq = freq;
	q->ntokens = ntokens;
	q->nblocks = freq > TD_POST_BLOCK
	                     ? (freq + TD_POST_BLOCK - 1) / TD_POST_BLOCK
	                     : 1;
	if (q->nblocks > 1) {
		if (skip_open(q)) {
			free(q);
			return td_error(TD_ECORRUPT, "postings do not decode");
		}
		q->p = q->data;
	}
	*out = q;
	return 0;
}

uint64_t td_postings_passed(const td_postings *q)
{
	return q->passed;
}

int td_postings_is_union(const td_postings *q)
{
	return q->scan && q->puni > 0;
}
