/* postings.c: the positions of one term, encoded and iterated. A list of
 * up to TD_POST_BLOCK positions is a varint of the first position and
 * varint deltas. A longer list starts with a skip table of (first position,
 * byte offset) per block of TD_POST_BLOCK, so td_postings_next() can seek
 * without decoding the blocks it passes. Decoding never reads past the list. */
#include "config.h"
#include "index_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
int td_postings_encode(const uint32_t *pos, uint64_t n, td_buf *out)
{
	if (n > (SIZE_MAX - out->n) / 6 - 1)
		return td_error(TD_ENOMEM, "out of memory");
	uint64_t nb =
		n <= TD_POST_BLOCK ? 0 : (n + TD_POST_BLOCK - 1) / TD_POST_BLOCK;
	int rc = td_buf_reserve(out, (size_t)(nb * 8 + n * 5));
	if (rc)
		return rc;
	uint8_t *s = (uint8_t *)out->s, *p = s + out->n;
	if (!nb) {
		for (uint64_t i = 0; i < n; i++)
			p = varint_put(p, i ? pos[i] - pos[i - 1] : pos[0]);
		out->n = (size_t)(p - s);
		out->s[out->n] = '\0';
		return 0;
	}
	/* the skip table: per block its first position and its data's
	 * offset after the table; then the blocks' deltas */
	uint8_t *skip = p, *data = p + nb * 8;
	p = data;
	for (uint64_t b = 0; b < nb; b++) {
		uint32_t z[2] = {pos[b * TD_POST_BLOCK], (uint32_t)(p - data)};
		memcpy(skip + b * 8, z, sizeof z);
		uint64_t end = (b + 1) * TD_POST_BLOCK;
		if (end > n)
			end = n;
		for (uint64_t i = b * TD_POST_BLOCK + 1; i < end; i++)
			p = varint_put(p, pos[i] - pos[i - 1]);
	}
	out->n = (size_t)(p - s);
	out->s[out->n] = '\0';
	return 0;
}

struct td_postings {
	const uint8_t *base, *end; /* the whole list */
	const uint8_t *data;       /* after the skip table */
	const uint8_t *p;          /* next byte to decode */
	uint32_t freq, nblocks, done, blk, in_blk, cur, ntokens;
	td_seg *seg;
	/* a pos term without postings (TD_POST_SCAN): its id, the bits of a
	 * packed pos id, and the first position not yet scanned; skipped
	 * once a target passed over positions not scanned (done then no
	 * longer counts the positions before next) */
	int scan, skipped;
	uint32_t id, bits, next;
};

/* positions decoded per td_seg_sec() call of a scan: a few KiB */
#define SCAN_CHUNK 4096

static int bad_term(td_seg *s, uint32_t id)
{
	char what[64];
	snprintf(what, sizeof what, "bad postings of term %u", id);
	return td_seg_mark_damaged(s, what);
}

static uint32_t skip_first(const td_postings *q, uint32_t b)
{
	uint32_t v;
	memcpy(&v, q->base + (size_t)b * 8, 4);
	return v;
}

static uint32_t skip_off(const td_postings *q, uint32_t b)
{
	uint32_t v;
	memcpy(&v, q->base + (size_t)b * 8 + 4, 4);
	return v;
}

int td_postings_open(td_seg *s, int layer, uint32_t id, td_postings **out)
{
	*out = NULL;
	if (layer < 0 || layer >= TD_NLAYERS || id >= s->hdr.lexsize[layer])
		return td_error(TD_EUSAGE, "no term %u in layer %d", id, layer);
	int lsec = td_sec_lex(layer);
	int psec = td_sec_post(layer);
	const uint8_t *e = td_seg_sec(s, lsec, (uint64_t)id * sizeof(td_seglex),
		sizeof(td_seglex) * (id + 1 < s->hdr.lexsize[layer] ? 2 : 1));
	if (!e)
		return TD_ECORRUPT;
	td_seglex a, b;
	memcpy(&a, e, sizeof a);
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
		int rc = td_postings_open(s, to, (uint32_t)t, out);
		if (rc == 0 && (*out)->freq != a.freq) {
			td_postings_close(*out);
			*out = NULL;
			return bad_term(s, id);
		}
		return rc;
	}
	if (a.post_off & TD_POST_SCAN) {
		/* a frequent pos term: its positions are found in IDS3 */
		uint32_t bits = s->hdr.lbits[TD_LAYER_POS - TD_LAYER_LEMMA];
		if (layer != TD_LAYER_POS || bits == 0 || bits > 32 || a.freq == 0)
			return bad_term(s, id);
		td_postings *q = calloc(1, sizeof *q);
		if (!q)
			return td_error(TD_ENOMEM, "out of memory");
		q->scan = 1;
		q->freq = a.freq;
		q->id = id;
		q->bits = bits;
		q->ntokens = s->hdr.ntokens;
		q->seg = s;
		*out = q;
		return 0;
	}
	uint64_t end = s->hdr.sec_len[psec];
	if (id + 1 < s->hdr.lexsize[layer]) {
		memcpy(&b, e + sizeof a, sizeof b);
		end = b.post_off & TD_POST_OFF_MASK;
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
		? (a.freq + TD_POST_BLOCK - 1) / TD_POST_BLOCK : 1;
	if (q->nblocks > 1) {
		if ((uint64_t)(q->end - q->base) < (uint64_t)q->nblocks * 8) {
			free(q);
			return bad_term(s, id);
		}
		q->data = p + (size_t)q->nblocks * 8;
	} else {
		q->data = p;
	}
	q->p = q->data;
	*out = q;
	return 0;
}

static int corrupt(td_postings *q)
{
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
	q->in_blk = 0;
	q->done = b * TD_POST_BLOCK;
	q->p = q->data + off;
	return 0;
}

/* td_postings_next() of a TD_POST_SCAN term: the next position from
 * max(target, q->next) whose packed pos id is q->id */
static int scan_next(td_postings *q, uint32_t target, uint32_t *pos)
{
	if (q->done >= q->freq)
		return 0;
	uint32_t p = q->next;
	if (target > p) {
		p = target;
		q->skipped = 1;
	}
	const uint64_t mask = ((uint64_t)1 << q->bits) - 1;
	while (p < q->ntokens) {
		uint32_t n = q->ntokens - p < SCAN_CHUNK ? q->ntokens - p
		                                         : SCAN_CHUNK;
		uint64_t bit = (uint64_t)p * q->bits, byte0 = bit / 8;
		/* each id is read as 8 bytes from its first byte: IDS3 is
		 * padded by 8 */
		uint64_t len = ((uint64_t)(p + n - 1) * q->bits) / 8 + 8 - byte0;
		const uint8_t *b = td_seg_sec(q->seg, TD_SEC_IDS3, byte0, len);
		if (!b)
			return TD_ECORRUPT;
		bit -= byte0 * 8;
		for (uint32_t i = 0; i < n; i++, bit += q->bits) {
			uint64_t v;
			memcpy(&v, b + bit / 8, 8);
			if (((v >> (bit % 8)) & mask) == q->id) {
				q->next = p + i + 1;
				if (++q->done > q->freq && !q->skipped)
					return corrupt(q);
				*pos = q->cur = p + i;
				return 1;
			}
		}
		p += n;
	}
	q->next = q->ntokens;
	if (!q->skipped && q->done != q->freq)
		return corrupt(q);
	q->done = q->freq;
	return 0;
}

int td_postings_next(td_postings *q, uint32_t target, uint32_t *pos)
{
	int rc;
	if (q->scan)
		return scan_next(q, target, pos);
	if (q->done >= q->freq)
		return 0;
	if (q->nblocks > 1 && (q->done == 0 || target > q->cur) &&
		q->blk + 1 < q->nblocks && skip_first(q, q->blk + 1) <= target) {
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
	for (;;) {
		uint32_t v, d = 0;
		if (q->nblocks > 1 && q->in_blk == 0) {
			v = skip_first(q, q->blk);
		} else {
			if ((rc = varint(q, &d)))
				return rc;
			v = q->done ? q->cur + d : d;
			if (q->done && (d == 0 || v < q->cur))
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
		if (v >= target) {
			*pos = v;
			return 1;
		}
		if (q->done >= q->freq)
			return 0;
	}
}

void td_postings_close(td_postings *q)
{
	free(q);
}
