/* keyindex.h: the one hash index from a string key to a row of the
 * caller's array (frequency, statistics and grouping tables). The caller
 * owns and appends the rows, structs with a NUL-terminated `char *key`
 * member; the index holds only row numbers, in open addressing kept at
 * most half full and hashed with td_hash (hash.h). Rows are found by key
 * bytes and length, so a key may not hold a NUL. Internal to tagdex.
 *
 *     if (td_keyindex_reserve(&t->ix, TD_KEYROWS(t->rows, row), t->n))
 *             return td_error(TD_ENOMEM, "out of memory");
 *     size_t *sl = td_keyindex_slot(&t->ix, TD_KEYROWS(t->rows, row), k, len);
 *     if (!*sl) { append the row t->rows[t->n]; *sl = ++t->n; }
 *     row *r = &t->rows[*sl - 1];
 */
#ifndef TAGDEX_KEYINDEX_H
#define TAGDEX_KEYINDEX_H

#include <stddef.h>

typedef struct td_keyindex {
	size_t *slots; /* row number + 1; 0: empty */
	size_t nslots; /* 0, or a power of two */
} td_keyindex;

/* The rows argument of the functions below: the array, its element size
 * and where the key is in an element. */
#define TD_KEYROWS(rows, type)                                                 \
	(const void *)(rows), sizeof(type), offsetof(type, key)

/* Makes room for one row more than the n the array holds now (rehashing
 * those n). 0, or -1 when out of memory with the index as it was. */
int td_keyindex_reserve(td_keyindex *x, const void *rows, size_t stride,
        size_t key_off, size_t n);

/* The slot of key[0, len): holding its row number + 1, or the empty slot
 * (0) to store the number + 1 of the row the caller appends for it. Only
 * after td_keyindex_reserve (or on an index with slots). */
size_t *td_keyindex_slot(const td_keyindex *x, const void *rows, size_t stride,
        size_t key_off, const char *key, size_t len);

/* Frees the slots; the index is empty again (the rows are the caller's). */
void td_keyindex_clear(td_keyindex *x);

#endif
