/* docpool.h: the pool of the documents' metadata strings of a segment
 * (DOCPOOL, format 13), as the segment builder and the streaming merge lay
 * it out (docpool.c). */
#ifndef TAGDEX_DOCPOOL_H
#define TAGDEX_DOCPOOL_H

#include "strtab.h"

#include <stddef.h>
#include <stdint.h>

/* A value is the tail of an earlier value of its document when it ends
 * one, else the string of a recent document when one had it (for keys
 * whose values recur across documents: actor, date, genre...), else
 * appended. The dictionary of recent values is forgotten once it holds
 * TD_DOCPOOL_DICT bytes (bounded memory); the same documents in the same
 * order give the same offsets. */
#define TD_DOCPOOL_DICT (4u << 20)
#define TD_DOCPOOL_TAIL 16 /* earlier values of a document compared */
typedef struct td_docpool {
	td_strtab dict;
	uint64_t *doff; /* per dictionary id its pool offset */
	size_t cap_doff;
	uint64_t len;                    /* the pool's bytes so far */
	const char *tv[TD_DOCPOOL_TAIL]; /* the document's values so far */
	size_t tl[TD_DOCPOOL_TAIL];
	uint64_t to[TD_DOCPOOL_TAIL];
	int nt;
	uint32_t recur; /* the key codes that go to the dictionary */
} td_docpool;
void td_docpool_init(td_docpool *p);
void td_docpool_clear(td_docpool *p);
/* Starts a document: its values are compared with its own only. */
void td_docpool_doc(td_docpool *p);
/* The memory p holds. */
size_t td_docpool_bytes(const td_docpool *p);
/* *off gets the pool offset of v[0,len), the value of key code key
 * (an index of td_metakeys, or TD_KV_ACTOR); *add is 1 when the caller must
 * append v and a NUL to the pool
 * (*off is then the pool's length before). v must stay valid until the
 * next td_docpool_doc, unless key is TD_KV_ACTOR. 0, or TD_ENOMEM. */
int td_docpool_put(td_docpool *p, unsigned key, const char *v, size_t len,
        uint64_t *off, int *add);

#endif
