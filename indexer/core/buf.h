/* buf.h: the one growable byte buffer of tagdex, for text built piece by
 * piece (a query printed back, table keys, text extracted from HTML) and
 * bytes encoded for a segment (postings, gaps, document fields).
 * Once anything is put, s is NUL-terminated after its n bytes. Running out
 * of memory is sticky: the buffer keeps what it held, ignores every later
 * put and has oom set, so a caller can put many pieces and look once.
 * A zeroed td_buf is empty; td_buf_clear frees what it holds. Internal. */
#ifndef TAGDEX_BUF_H
#define TAGDEX_BUF_H

#include <stddef.h>

typedef struct td_buf {
	char *s;  /* NULL until the first put */
	size_t n; /* bytes held, the NUL not counted */
	size_t cap;
	int oom; /* an allocation failed: nothing more is put */
} td_buf;

/* Appends n bytes of p. 0, or TD_ENOMEM (recorded with td_error) when out
 * of memory now or before. */
int td_buf_add(td_buf *b, const void *p, size_t n);
/* td_buf_add of a C string, and of one byte. */
int td_buf_adds(td_buf *b, const char *s);
int td_buf_addc(td_buf *b, char c);
/* Appends n bytes of value c (to be written in place later, say). 0, or
 * TD_ENOMEM as td_buf_add. */
int td_buf_fill(td_buf *b, int c, size_t n);
/* Room for n more bytes (and the NUL) without moving s again, for a
 * writer that puts them in place and then sets n (and s[n] = '\0').
 * 0, or TD_ENOMEM as td_buf_add. */
int td_buf_reserve(td_buf *b, size_t n);
/* Frees the contents; b is an empty buffer again. */
void td_buf_clear(td_buf *b);

#endif
