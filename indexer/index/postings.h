/* postings.h: how a term's positions are encoded (postings.c): blocks of
 * positions (Elias-Fano or LEB128 varint gaps), a union term's member
 * list (varints), and the varints. Decoding through a segment is
 * index.h's td_postings_next. */
#ifndef TAGDEX_POSTINGS_H
#define TAGDEX_POSTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define TD_POST_BLOCK 128 /* positions per postings block */
/* A block of more than TD_POST_EF_MIN positions after its first begins
 * with a byte: the low bits l (0..31) of its Elias-Fano code, or
 * TD_POST_VARINT for varint gaps (format 18); a shorter one is varints */
#define TD_POST_EF_MIN 2
#define TD_POST_VARINT 0xff
/* The most bytes td_post_block_code writes */
#define TD_POST_BLOCK_MAX (1 + 5 * (TD_POST_BLOCK - 1))

/* Codes the m (< TD_POST_BLOCK) ascending positions v[1..m] of a block
 * after its first, v[0], into out (TD_POST_BLOCK_MAX bytes), the shorter
 * of Elias-Fano and varint gaps: returns its length in bytes. */
size_t td_post_block_code(const uint32_t *v, uint32_t m, uint8_t *out);

/* The skip table of a list of nb > 1 blocks (format 21), sk[b] the first
 * position of block b | the byte offset of its code after the table <<
 * 32: a byte wf and a byte wo (0..32), the first position of block 0 as
 * a u32, then per block its first position less block 0's in wf bits and
 * its offset in wo bits, packed LSB first, padded to a byte (format 20
 * and before: 8 bytes a block). Format 22: where it is shorter, each
 * field less a line, a0 + b * a, instead (wf | TD_SKIP_LINEAR, wo, then
 * a0 and a of the first positions and a0 and a of the offsets, u32
 * each, then the entries as before; a the slope between the first and
 * last entries, a0 the value at block 0 less the most any entry falls
 * below the line; arithmetic modulo 2^32). Writes it to out unless
 * NULL; returns its length in bytes (at most TD_SKIP_HEAD + 8 * nb). */
#define TD_SKIP_HEAD 6
#define TD_SKIP_HEAD_LIN 18
#define TD_SKIP_LINEAR 0x80
size_t td_skip_code(const uint64_t *sk, uint64_t nb, uint8_t *out);

/* Appends the encoding of the n ascending positions pos to out: 0, or
 * TD_ENOMEM (td_buf's, sticky). */
int td_postings_encode(const uint32_t *pos, uint64_t n, td_buf *out);
/* Appends the member list of a union term (TD_POST_UNION): the n
 * ascending word ids, the first and then the gaps as LEB128 varints. */
int td_union_encode(const uint32_t *ids, uint32_t n, td_buf *out);
/* 1 if the scanned pos term p is read as the union of its words'
 * postings (postings.c's puni, decided at its first td_postings_next),
 * 0 if by scanning IDS or not a scanned term: for the tests. */
struct td_postings;
int td_postings_is_union(const struct td_postings *p);
/* The positions td_postings_next passed over in an Elias-Fano block by
 * their high parts alone, a 64-bit word of them at a time (ef_skip):
 * for the tests. */
uint64_t td_postings_passed(const struct td_postings *p);
/* The freq positions (below ntokens) coded by td_postings_encode in
 * [p, p + len), as a segment's term would be read (td_postings_next,
 * td_postings_close), without a segment: for the tests. 0, TD_ENOMEM, or
 * TD_ECORRUPT; damage met while reading is TD_ECORRUPT. */
int td_postings_open_buf(const uint8_t *p, size_t len, uint32_t freq,
        uint32_t ntokens, struct td_postings **out);
/* Appends v to b as a LEB128 varint: 0, or TD_ENOMEM as td_buf_add. */
int td_buf_varint(td_buf *b, uint64_t v);
/* Reads the LEB128 varint at *p (before end) into *v and moves *p past
 * it: 0, or -1 when it runs past end or 64 bits. */
static inline int td_varint_get(
        const uint8_t **p, const uint8_t *end, uint64_t *v)
{
	uint64_t x = 0;
	for (int sh = 0; sh < 64 && *p < end; sh += 7) {
		uint8_t c = *(*p)++;
		x |= (uint64_t)(c & 0x7f) << sh;
		if (!(c & 0x80)) {
			*v = x;
			return 0;
		}
	}
	return -1;
}

#endif
