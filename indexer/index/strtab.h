/* strtab.h: an append-only set of strings with dense ids (strtab.c): the
 * segment builder's lexicons, element and attribute names. */
#ifndef TAGDEX_STRTAB_H
#define TAGDEX_STRTAB_H

#include <stddef.h>
#include <stdint.h>

/* An append-only set of byte strings with dense ids 0..n-1 in insertion
 * order; each string is stored NUL-terminated. */
typedef struct td_strtab {
	char *buf; /* the strings, each followed by NUL */
	size_t len, cap;
	uint64_t *off;  /* id -> offset in buf */
	uint32_t *slen; /* id -> length */
	uint32_t n;
	size_t cap_ids;  /* of off and slen */
	uint32_t *slots; /* open addressing: id + 1, 0 = empty */
	uint32_t nslots;
} td_strtab;

void td_strtab_init(td_strtab *t);
void td_strtab_clear(td_strtab *t);
/* The id of s[0,len), adding it if new; *added (may be NULL) says which. */
int td_strtab_put(
        td_strtab *t, const char *s, size_t len, uint32_t *id, int *added);
/* 1 and its id in *id if s[0,len) is in t, else 0 (t unchanged). */
int td_strtab_find(const td_strtab *t, const char *s, size_t len, uint32_t *id);
static inline const char *td_strtab_str(const td_strtab *t, uint32_t id)
{
	return t->buf + t->off[id];
}

#endif
