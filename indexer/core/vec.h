/* vec.h: the one way tagdex grows an array. An array is a pointer, a count
 * and a capacity (size_t); TD_VEC_RESERVE makes room for one more element,
 * TD_VEC_RESERVE_N for `need` elements in all, doubling the capacity from
 * `first` (> 0) until they fit. Both return 0, or -1 when out of memory,
 * with the array and its capacity as they were, so the caller reports the
 * error in its own way (usually td_error(TD_ENOMEM)). New room is not
 * initialised.
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
 * elem-byte elements to the first capacity of *cap (first when 0), twice
 * that, four times ... that holds need elements; need > *cap. */
static inline int td_vec_grow_(
        void *pv, size_t *cap, size_t need, size_t first, size_t elem)
{
	size_t c = *cap ? *cap : first;
	while (c < need) {
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

#define TD_VEC_RESERVE(v, n, cap, first)                                       \
	((n) < (cap) ? 0                                                       \
	             : td_vec_grow_((void *)&(v), &(cap), (n) + 1, (first),    \
	                       sizeof *(v)))
#define TD_VEC_RESERVE_N(v, need, cap, first)                                  \
	((need) <= (cap) ? 0                                                   \
	                 : td_vec_grow_((void *)&(v), &(cap), (need), (first), \
	                           sizeof *(v)))

#endif
