/* bits.h: the one bit packing of the segment files: values LSB first, each
 * in the width of its field (0 to 32 bits), read back 8 bytes at a time, so
 * every packed run is followed by 8 bytes of padding. segbuild.c packs
 * (term ids, span lists), segment*.c unpack. Internal to indexer/index. */
#ifndef TAGDEX_BITS_H
#define TAGDEX_BITS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A packer: whole bytes gather in buf for the caller to write out. */
typedef struct td_bitpack {
	uint64_t acc; /* bits not yet a whole byte (nacc < 8 between puts) */
	unsigned nacc;
	size_t nb; /* bytes in buf */
	uint8_t buf[4096];
} td_bitpack;

/* Appends v (below 2^bits, bits <= 32). 1 when buf is nearly full: the
 * caller writes its nb bytes and sets nb to 0; else 0. */
static inline int td_bitpack_put(td_bitpack *p, uint64_t v, unsigned bits)
{
	p->acc |= v << p->nacc;
	p->nacc += bits;
	while (p->nacc >= 8) {
		p->buf[p->nb++] = p->acc & 0xff;
		p->acc >>= 8;
		p->nacc -= 8;
	}
	return p->nb > sizeof p->buf - 8;
}

/* Puts the last, partial byte into buf. */
static inline void td_bitpack_end(td_bitpack *p)
{
	if (p->nacc)
		p->buf[p->nb++] = p->acc & 0xff;
	p->acc = 0;
	p->nacc = 0;
}

/* The value of width bits starting shift bits (< 8) into p, of which 8
 * bytes must be readable. */
static inline uint64_t td_bits_at(
        const uint8_t *p, unsigned shift, unsigned width)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return (v >> shift) & (((uint64_t)1 << width) - 1);
}

#endif
