/* strtab.c: a set of byte strings with dense ids, used to build lexicons,
 * element names and span string pools. Insertion order gives the ids; the
 * segment builder sorts afterwards. Open addressing, FNV-1a hash. */
#include "config.h"
#include "strtab.h"
#include "hash.h"
#include "vec.h"
#include "error.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

void td_strtab_init(td_strtab *t)
{
	memset(t, 0, sizeof *t);
}

void td_strtab_clear(td_strtab *t)
{
	free(t->buf);
	free(t->off);
	free(t->slen);
	free(t->slots);
	memset(t, 0, sizeof *t);
}

static uint64_t hash(const char *s, size_t len)
{
	return td_hash(s, len);
}

static int grow_slots(td_strtab *t)
{
	uint32_t n = t->nslots ? t->nslots * 2 : 1024;
	uint32_t *v = calloc(n, sizeof *v);
	if (!v)
		return td_error(TD_ENOMEM, "out of memory");
	for (uint32_t id = 0; id < t->n; id++) {
		uint64_t h = hash(td_strtab_str(t, id), t->slen[id]);
		uint32_t i = h & (n - 1);
		while (v[i])
			i = (i + 1) & (n - 1);
		v[i] = id + 1;
	}
	free(t->slots);
	t->slots = v;
	t->nslots = n;
	return 0;
}

int td_strtab_find(const td_strtab *t, const char *s, size_t len, uint32_t *id)
{
	if (!t->nslots)
		return 0;
	uint32_t i = hash(s, len) & (t->nslots - 1);
	while (t->slots[i]) {
		uint32_t k = t->slots[i] - 1;
		if (t->slen[k] == len &&
		        memcmp(td_strtab_str(t, k), s, len) == 0) {
			*id = k;
			return 1;
		}
		i = (i + 1) & (t->nslots - 1);
	}
	return 0;
}

int td_strtab_put(
        td_strtab *t, const char *s, size_t len, uint32_t *id, int *added)
{
	return td_strtab_put_h(t, s, len, hash(s, len), id, added);
}

uint64_t td_strtab_hash(const char *s, size_t len)
{
	return hash(s, len);
}

void td_strtab_prefetch(const td_strtab *t, uint64_t h, int stage)
{
	if (!t->nslots)
		return;
	const uint32_t *slot = &t->slots[h & (t->nslots - 1)];
	if (stage == 0) {
		__builtin_prefetch(slot);
		return;
	}
	if (!*slot)
		return;
	uint32_t k = *slot - 1;
	if (stage == 1) {
		__builtin_prefetch(&t->slen[k]);
		__builtin_prefetch(&t->off[k]);
	} else {
		__builtin_prefetch(t->buf + t->off[k]);
	}
}

int td_strtab_put_h(td_strtab *t, const char *s, size_t len, uint64_t h,
        uint32_t *id, int *added)
{
	if (len > UINT32_MAX - 1 || t->n == UINT32_MAX - 1)
		return td_error(TD_ELIMIT, "string table full");
	if ((uint64_t)(t->n + 1) * 2 > t->nslots) {
		int rc = grow_slots(t);
		if (rc)
			return rc;
	}
	uint32_t i = h & (t->nslots - 1);
	while (t->slots[i]) {
		uint32_t k = t->slots[i] - 1;
		if (t->slen[k] == len &&
		        memcmp(td_strtab_str(t, k), s, len) == 0) {
			*id = k;
			if (added)
				*added = 0;
			return 0;
		}
		i = (i + 1) & (t->nslots - 1);
	}
	/* off and slen share cap_ids: the last grows it */
	size_t co = t->cap_ids;
	if (TD_VEC_RESERVE_N(t->buf, t->len + len + 1, t->cap, 4096) ||
	        TD_VEC_RESERVE(t->off, t->n, co, 256) ||
	        TD_VEC_RESERVE(t->slen, t->n, t->cap_ids, 256))
		return td_error(TD_ENOMEM, "out of memory");
	if (len)
		memcpy(t->buf + t->len, s, len);
	t->buf[t->len + len] = '\0';
	t->off[t->n] = t->len;
	t->slen[t->n] = (uint32_t)len;
	t->len += len + 1;
	t->slots[i] = t->n + 1;
	*id = t->n++;
	if (added)
		*added = 1;
	return 0;
}
