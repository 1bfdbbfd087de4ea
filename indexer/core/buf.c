/* buf.c: the growable byte buffer of buf.h: capacity doubles from 64
 * (TD_VEC_RESERVE_N); a failed allocation leaves the bytes as they were
 * and sets oom for good. */
#include "config.h"
#include "buf.h"
#include "tagdex.h"
#include "vec.h"
#include "error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Room for n more bytes and the NUL; 0, or TD_ENOMEM (oom set). */
static int reserve(td_buf *b, size_t n)
{
	if (b->oom)
		return TD_ENOMEM;
	if (n >= SIZE_MAX - b->n ||
	        TD_VEC_RESERVE_N(b->s, b->n + n + 1, b->cap, 64)) {
		b->oom = 1;
		return td_error(TD_ENOMEM, "out of memory");
	}
	return 0;
}

int td_buf_reserve(td_buf *b, size_t n)
{
	return reserve(b, n);
}

int td_buf_add(td_buf *b, const void *p, size_t n)
{
	int rc = reserve(b, n);
	if (rc)
		return rc;
	if (n)
		memcpy(b->s + b->n, p, n);
	b->n += n;
	b->s[b->n] = '\0';
	return 0;
}

int td_buf_fill(td_buf *b, int c, size_t n)
{
	int rc = reserve(b, n);
	if (rc)
		return rc;
	memset(b->s + b->n, c, n);
	b->n += n;
	b->s[b->n] = '\0';
	return 0;
}

int td_buf_adds(td_buf *b, const char *s)
{
	return td_buf_add(b, s, strlen(s));
}

int td_buf_addc(td_buf *b, char c)
{
	return td_buf_add(b, &c, 1);
}

void td_buf_clear(td_buf *b)
{
	free(b->s);
	*b = (td_buf){0};
}
