/* vec.h: the one way tagdex grows an array. An array is a pointer, a count
 * and a capacity (size_t); TD_VEC_RESERVE makes room for one more element,
 * doubling the capacity from `first`. It returns 0, or -1 when out of
 * memory, with the array, its count and its capacity as they were, so the
 * caller reports the error in its own way (usually td_error(TD_ENOMEM)).
 *
 *     if (TD_VEC_RESERVE(c->quotes, c->n_quotes, c->cap_quotes, 16))
 *             return td_error(TD_ENOMEM, "out of memory");
 *     c->quotes[c->n_quotes++] = q;
 */
#ifndef TAGDEX_VEC_H
#define TAGDEX_VEC_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Grows the array *pv (a T * passed as the address of the pointer) of
 * elem-byte elements to at least twice *cap (first when 0). */
static inline int td_vec_grow_(void *pv, size_t *cap, size_t first, size_t elem)
{
	size_t c = *cap ? *cap : first;
	if (*cap) {
		if (c > SIZE_MAX / 2 / elem)
			return -1;
		c *= 2;
	}
	void *p;
	memcpy(&p, pv, sizeof p);
	p = realloc(p, c * elem);
	if (!p)
		return -1;
	memcpy(pv, &p, sizeof p);
	*cap = c;
	return 0;
}

#define TD_VEC_RESERVE(v, n, cap, first) \
	((n) < (cap) ? 0 : td_vec_grow_((void *)&(v), &(cap), (first), sizeof *(v)))

#endif
