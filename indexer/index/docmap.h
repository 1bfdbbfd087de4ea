/* docmap.h: the documents of an opened index by a string of their record
 * (docmap.c), the writer's and tagdex-ingest's table of sources. */
#ifndef TAGDEX_DOCMAP_H
#define TAGDEX_DOCMAP_H

#include <stddef.h>
#include <stdint.h>

#include "index.h"

/* The documents of an opened index by a string of their record, the
 * strings left in the segments: 8 bytes a document of ix. A document is
 * numbered across the segments of ix in order (its segment's first number
 * plus its number in it). Sized once for every document of ix; add each
 * at most once. */
typedef struct td_docmap {
	td_index *ix;
	uint64_t *first; /* per segment its first number; [nsegs] the total */
	size_t nsegs;
	uint32_t *slot; /* number + 1, 0 = empty; at most half are used */
	uint64_t nslots;
	uint32_t reads; /* records read since the last trim */
} td_docmap;
/* The key of a document read back (NULL: it has none), its length in *len. */
typedef const char *(*td_docmap_key)(
        void *ctx, const td_docinfo *di, size_t *len);
typedef struct td_docmap_it {
	const char *key;
	size_t len;
	uint64_t i;
} td_docmap_it;
/* ix may be NULL (no documents). TD_ENOMEM, TD_ELIMIT. */
int td_docmap_init(td_docmap *m, td_index *ix);
void td_docmap_clear(td_docmap *m);
/* Files document g under key[0, len). */
void td_docmap_add(td_docmap *m, uint32_t g, const char *key, size_t len);
/* The record of document g, and (each may be NULL) the index in ix of its
 * segment and its number there. Every TD_TRIM_DOCS records read the segments of
 * ix are trimmed (td_seg_trim): a string of an earlier record stays good (it
 * points into the mapping), a pointer into their caches does not. */
int td_docmap_doc(
        td_docmap *m, uint32_t g, size_t *seg, uint32_t *d, td_docinfo *di);
/* The documents filed under key[0, len): td_docmap_find starts, then each
 * td_docmap_next gives one in *g (1), in no set order, until 0 (or an
 * error < 0). fn gives a candidate's key, compared byte for byte; key
 * must stay valid until the end. */
void td_docmap_find(
        const td_docmap *m, td_docmap_it *it, const char *key, size_t len);
int td_docmap_next(td_docmap *m, td_docmap_it *it, td_docmap_key fn, void *ctx,
        uint32_t *g);

#endif
