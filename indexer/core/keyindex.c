/* keyindex.c: the string-keyed hash index of keyindex.h. It never owns,
 * moves or frees a row; growth doubles the slots from 64. */
#include "config.h"
#include "keyindex.h"
#include "hash.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *key_at(
        const void *rows, size_t stride, size_t key_off, size_t i)
{
	const char *k;
	memcpy(&k, (const char *)rows + i * stride + key_off, sizeof k);
	return k;
}

int td_keyindex_reserve(td_keyindex *x, const void *rows, size_t stride,
        size_t key_off, size_t n)
{
	if ((n + 1) * 2 <= x->nslots)
		return 0;
	size_t ns = x->nslots ? x->nslots * 2 : 64;
	if (x->nslots > SIZE_MAX / 2 / sizeof *x->slots)
		return -1;
	size_t *sl = calloc(ns, sizeof *sl);
	if (!sl)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *k = key_at(rows, stride, key_off, i);
		size_t h = (size_t)td_hash(k, strlen(k)) & (ns - 1);
		while (sl[h])
			h = (h + 1) & (ns - 1);
		sl[h] = i + 1;
	}
	free(x->slots);
	x->slots = sl;
	x->nslots = ns;
	return 0;
}

size_t *td_keyindex_slot(const td_keyindex *x, const void *rows, size_t stride,
        size_t key_off, const char *key, size_t len)
{
	size_t h = (size_t)td_hash(key, len) & (x->nslots - 1);
	while (x->slots[h]) {
		const char *k = key_at(rows, stride, key_off, x->slots[h] - 1);
		if (strlen(k) == len && !memcmp(k, key, len))
			break;
		h = (h + 1) & (x->nslots - 1);
	}
	return &x->slots[h];
}

void td_keyindex_clear(td_keyindex *x)
{
	free(x->slots);
	x->slots = NULL;
	x->nslots = 0;
}
