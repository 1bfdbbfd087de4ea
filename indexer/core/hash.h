/* hash.h: the one string hash of tagdex, 64-bit FNV-1a, for in-memory
 * tables (string tables, lexicon first words, lemma cache, frequency
 * tables, candidate sets). The index stores no hash value, but the
 * part-of-speech model is keyed by td_hash_add from a seeded start (pos.c):
 * changing the function means retraining the model. Internal to tagdex.
 *
 * td_hash_add() is one step, for callers that map bytes while hashing
 * (annotate.c folds case and apostrophes on the fly); td_hash() and
 * td_hash_str() hash a byte range and a C string from TD_HASH_SEED.
 *
 * td_hash32_update() is the 32-bit FNV-1a over 32-bit words, the
 * part-of-speech model's checksum (pos.c checks it, tagdex-train-pos
 * writes it): changing it makes every model file corrupt. */
#ifndef TAGDEX_HASH_H
#define TAGDEX_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TD_HASH_SEED UINT64_C(14695981039346656037)

static inline uint64_t td_hash_add(uint64_t h, unsigned char c)
{
	return (h ^ c) * UINT64_C(1099511628211);
}

/* Continues h over len bytes: td_hash of a whole is td_hash_update of
 * its pieces in order, from TD_HASH_SEED. */
static inline uint64_t td_hash_update(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++)
		h = td_hash_add(h, p[i]);
	return h;
}

static inline uint64_t td_hash(const void *data, size_t len)
{
	return td_hash_update(TD_HASH_SEED, data, len);
}

static inline uint64_t td_hash_str(const char *s)
{
	uint64_t h = TD_HASH_SEED;
	for (; *s; s++)
		h = td_hash_add(h, (unsigned char)*s);
	return h;
}

#define TD_HASH32_SEED UINT32_C(0x811c9dc5)

/* Continues the 32-bit FNV-1a h (from TD_HASH32_SEED) over the 32-bit
 * words of data[0, len), in the machine's order, then over its last len % 4
 * bytes one at a time: a quarter of the steps of a byte at a time (model
 * version 1's checksum, a tenth of loading the model). Each step is a
 * bijection of h, so any one changed word changes the result. Pieces of
 * whole words chain: two calls give what one over both gives. */
static inline uint32_t td_hash32_update(
        uint32_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i = 0;
	for (; i + 4 <= len; i += 4) {
		uint32_t w;
		memcpy(&w, p + i, 4);
		h = (h ^ w) * UINT32_C(0x01000193);
	}
	for (; i < len; i++)
		h = (h ^ p[i]) * UINT32_C(0x01000193);
	return h;
}

#endif
