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
/* td_strtab_put of s[0,len) whose td_strtab_hash is h. */
int td_strtab_put_h(td_strtab *t, const char *s, size_t len, uint64_t h,
        uint32_t *id, int *added);
uint64_t td_strtab_hash(const char *s, size_t len);
/* A hint, nothing else: the memory a put of hash h will read, brought
 * into the cache ahead of it, in three stages a few puts apart (0: its
 * slot; 1: the length and offset of the string the slot names, read
 * from the slot; 2: that string's bytes). A table of a segment's
 * words is megabytes, and a put without it waits for memory four times
 * in a row. */
void td_strtab_prefetch(const td_strtab *t, uint64_t h, int stage);
/* 1 and its id in *id if s[0,len) is in t, else 0 (t unchanged). */
int td_strtab_find(const td_strtab *t, const char *s, size_t len, uint32_t *id);
static inline const char *td_strtab_str(const td_strtab *t, uint32_t id)
{
	return t->buf + t->off[id];
}

#endif
