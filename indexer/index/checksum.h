/* checksum.h: CRC32C (checksum.c), the checksum of a segment's blocks and
 * header and of MANIFEST. */
#ifndef TAGDEX_CHECKSUM_H
#define TAGDEX_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* CRC32C (Castagnoli), continuing from crc (start with 0). Uses SSE4.2 when
 * the CPU has it, a table otherwise; both give the same value. */
uint32_t td_crc32c(uint32_t crc, const void *data, size_t len);
/* the software (table) path only, for tests */
uint32_t td_crc32c_soft(uint32_t crc, const void *data, size_t len);

#endif
