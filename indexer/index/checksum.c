/* checksum.c: CRC32C for index files. The SSE4.2 instruction is used when
 * the CPU has it (checked once at run time); the table fallback gives the
 * same values, so an index written on one machine checks on any other. */
#include "config.h"
#include "checksum.h"
#include "index.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static uint32_t table[8][256];
static int have_hw = -1;

static void init_table(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
		table[0][i] = c;
	}
	for (uint32_t i = 0; i < 256; i++)
		for (int t = 1; t < 8; t++)
			table[t][i] = (table[t - 1][i] >> 8) ^
			              table[0][table[t - 1][i] & 0xff];
}

static uint32_t crc_sw(uint32_t crc, const uint8_t *p, size_t len)
{
	while (len >= 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		v ^= crc;
		crc = table[7][v & 0xff] ^ table[6][(v >> 8) & 0xff] ^
		      table[5][(v >> 16) & 0xff] ^ table[4][(v >> 24) & 0xff] ^
		      table[3][(v >> 32) & 0xff] ^ table[2][(v >> 40) & 0xff] ^
		      table[1][(v >> 48) & 0xff] ^ table[0][v >> 56];
		p += 8;
		len -= 8;
	}
	while (len--)
		crc = (crc >> 8) ^ table[0][(crc ^ *p++) & 0xff];
	return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) static uint32_t crc_hw(
        uint32_t crc, const uint8_t *p, size_t len)
{
	uint64_t c = crc;
	while (len >= 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		c = __builtin_ia32_crc32di(c, v);
		p += 8;
		len -= 8;
	}
	uint32_t c32 = (uint32_t)c;
	while (len--)
		c32 = __builtin_ia32_crc32qi(c32, *p++);
	return c32;
}
#endif

static int force_soft;

void td_index_crc_soft(void)
{
	force_soft = 1;
}

static void init(void)
{
	init_table();
#if defined(__x86_64__)
	__builtin_cpu_init();
	have_hw = __builtin_cpu_supports("sse4.2") && !force_soft;
#else
	have_hw = 0;
#endif
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

uint32_t td_crc32c(uint32_t crc, const void *data, size_t len)
{
	pthread_once(&once, init);
	crc = ~crc;
#if defined(__x86_64__)
	if (have_hw)
		crc = crc_hw(crc, data, len);
	else
#endif
		crc = crc_sw(crc, data, len);
	return ~crc;
}

/* The table path alone, whatever the CPU has: lets the tests compare the two
 * paths in one process. */
uint32_t td_crc32c_soft(uint32_t crc, const void *data, size_t len)
{
	pthread_once(&once, init);
	return ~crc_sw(~crc, data, len);
}
