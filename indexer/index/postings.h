/* postings.h: how a term's positions are encoded (postings.c): blocks of
 * positions, a union term's member list, and the LEB128 varints both are
 * made of. Decoding through a segment is index.h's td_postings_next. */
#ifndef TAGDEX_POSTINGS_H
#define TAGDEX_POSTINGS_H

#include <stdint.h>

#include "buf.h"

#define TD_POST_BLOCK 128 /* positions per postings block */

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
