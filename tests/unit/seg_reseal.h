/* seg_reseal.h: for the unit tests that damage a segment file on
 * purpose (test_index, test_corrupt). td_test_reseal makes the block
 * checksums, the checksum table's and the header's right again after a
 * test changed bytes of the segment in memory, so that only the
 * structure can tell the damage (the reader's answer must then be
 * TD_ECORRUPT, never a wrong answer). Include after segformat.h and
 * checksum.h. */
#ifndef TD_TEST_SEG_RESEAL_H
#define TD_TEST_SEG_RESEAL_H

#include <stdint.h>
#include <string.h>

/* b: a whole segment file in memory, its header first. */
static void td_test_reseal(uint8_t *b)
{
	td_seghdr h;
	memcpy(&h, b, sizeof h);
	uint32_t *crcs = (uint32_t *)(b + h.crc_off);
	for (uint32_t k = 0; k < h.nblocks; k++) {
		uint64_t off = TD_SEG_HDR + (uint64_t)k * TD_SEG_BLOCK;
		uint64_t len = h.crc_off - off < TD_SEG_BLOCK ? h.crc_off - off
		                                              : TD_SEG_BLOCK;
		crcs[k] = td_crc32c(0, b + off, len);
	}
	h.crc_crc = td_crc32c(0, crcs, (size_t)h.nblocks * 4);
	h.hdr_crc = 0;
	memcpy(b, &h, sizeof h);
	h.hdr_crc = td_crc32c(0, b, TD_SEG_HDR);
	memcpy(b, &h, sizeof h);
}

#endif
