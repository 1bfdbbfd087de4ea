/* lower.h: the one binary search over a sorted array in memory: the lower
 * bound, the first place whose element no longer passes a test that
 * holds for a prefix of the array (start < s, doc < d), which is where s
 * would be inserted. The searches that read their elements through a call
 * that can fail (a segment's records) or want the last element at or
 * before a key stay written out at their place. Internal.
 *
 *     size_t lo;
 *     TD_LOWER_BOUND(lo, ss->n, mid, ss->v[mid].start < s);
 */
#ifndef TAGDEX_LOWER_H
#define TAGDEX_LOWER_H

#include <stddef.h>

/* Sets lo (a size_t) to the first i in [0, n) for which `below`, an
 * expression of the index named mid, is false; n when it holds for all. */
#define TD_LOWER_BOUND(lo, n, mid, below)                                      \
	do {                                                                   \
		size_t td_hi_ = (n);                                           \
		(lo) = 0;                                                      \
		while ((lo) < td_hi_) {                                        \
			size_t mid = (lo) + (td_hi_ - (lo)) / 2;               \
			if (below)                                             \
				(lo) = mid + 1;                                \
			else                                                   \
				td_hi_ = mid;                                  \
		}                                                              \
	} while (0)

#endif
