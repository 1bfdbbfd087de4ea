/* docmap.c: the documents of an opened index found by a string of their
 * record (source, id, sha256, a file) without copying the strings: a table
 * of document numbers, open addressing, 8 bytes a document, and the key of
 * a candidate read back from its segment to compare. What the writer and
 * tagdex-ingest know of the committed documents; the pages read are let go
 * every TD_TRIM_DOCS records, so that nothing held grows by more than
 * those bytes a document of the index. */
#include "config.h"
#include "docmap.h"
#include "segment.h"
#include "hash.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>

int td_docmap_init(td_docmap *m, td_index *ix)
{
	memset(m, 0, sizeof *m);
	m->ix = ix;
	m->nsegs = ix ? td_index_nsegs(ix) : 0;
	if (!(m->first = calloc(m->nsegs + 1, sizeof *m->first)))
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < m->nsegs; i++)
		m->first[i + 1] =
		        m->first[i] + td_seg_ndocs(td_index_seg(ix, i));
	uint64_t n = m->first[m->nsegs];
	if (n >= UINT32_MAX / 2) {
		td_docmap_clear(m);
		return td_error(TD_ELIMIT,
		        "an index of %llu documents: "
		        "tagdex counts at most %u",
		        (unsigned long long)n, UINT32_MAX / 2 - 1);
	}
	/* at most half full: 2.5 probes for a key that is not there */
	m->nslots = 2 * n + 1;
	if (!(m->slot = calloc(m->nslots, sizeof *m->slot))) {
		td_docmap_clear(m);
		return td_error(TD_ENOMEM, "out of memory");
	}
	return 0;
}

void td_docmap_clear(td_docmap *m)
{
	free(m->first);
	free(m->slot);
	memset(m, 0, sizeof *m);
}

static uint64_t home(const td_docmap *m, const char *key, size_t len)
{
	uint64_t h = td_hash(key, len);
	/* the high bits, spread over nslots (not a power of two) */
	return (uint64_t)(((unsigned __int128)h * m->nslots) >> 64);
}

void td_docmap_add(td_docmap *m, uint32_t g, const char *key, size_t len)
{
	uint64_t i = home(m, key, len);
	while (m->slot[i])
		i = i + 1 == m->nslots ? 0 : i + 1;
	m->slot[i] = g + 1;
}

int td_docmap_doc(
        td_docmap *m, uint32_t g, size_t *seg, uint32_t *d, td_docinfo *di)
{
	size_t lo = 0, hi = m->nsegs;
	/* the last segment whose first document is at most g */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->first[mid] <= g)
			lo = mid;
		else
			hi = mid;
	}
	td_seg *s = td_index_seg(m->ix, lo);
	uint32_t doc = (uint32_t)(g - m->first[lo]);
	if (++m->reads >= TD_TRIM_DOCS) {
		/* the strings returned before point into the mappings and
		 * stay good; only their pages go */
		for (size_t i = 0; i < m->nsegs; i++)
			td_seg_trim(td_index_seg(m->ix, i));
		m->reads = 0;
	}
	if (seg)
		*seg = lo;
	if (d)
		*d = doc;
	return td_seg_doc(s, doc, di);
}

void td_docmap_find(
        const td_docmap *m, td_docmap_it *it, const char *key, size_t len)
{
	it->key = key;
	it->len = len;
	it->i = m->nslots ? home(m, key, len) : 0;
}

int td_docmap_next(td_docmap *m, td_docmap_it *it, td_docmap_key fn, void *ctx,
        uint32_t *g)
{
	while (m->nslots && m->slot[it->i]) {
		uint32_t cand = m->slot[it->i] - 1;
		it->i = it->i + 1 == m->nslots ? 0 : it->i + 1;
		td_docinfo di;
		size_t len;
		int rc = td_docmap_doc(m, cand, NULL, NULL, &di);
		if (rc)
			return rc;
		const char *k = fn(ctx, &di, &len);
		if (k && len == it->len && !memcmp(k, it->key, len)) {
			*g = cand;
			return 1;
		}
	}
	return 0;
}
