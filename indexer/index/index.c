/* index.c: one committed state of an index directory, opened read-only.
 * The manifest is read once; the segments it names are mapped and kept, so
 * a concurrent commit, merge or prune never changes what this reader sees.
 * No lock is taken: readers never block writers or each other. */
#include "config.h"
#include "index_int.h"
#include "manifest.h"
#include "segment.h"
#include "vec.h"
#include "hash.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local uint64_t opened_generation; /* of the last open_once */

struct td_index {
	char *dir;
	td_manifest m;
	td_seg **segs;
	size_t nsegs;
	uint64_t ndocs, ntokens;
	/* td_index_open_many: the indexes whose segments segs lists, in
	 * order (owned); dir and m are then empty */
	td_index **parts;
	size_t nparts;
	size_t *part_first; /* index in segs of each part's first segment */
};

static int open_once(const char *dir, td_index **out);
typedef int (*dup_fn)(
        void *ctx, int key, size_t a, size_t b, const td_docinfo *di);
static int live_once(
        td_seg *const *segs, size_t nsegs, int nkeys, dup_fn dup, void *ctx);
static int dup_in_index(
        void *ctx, int key, size_t a, size_t b, const td_docinfo *di);

/* A writer may unlink a segment between our manifest read and our open of
 * it (after a commit or merge named a new set): then the manifest's
 * generation has changed, and we start again from the new one, as Lucene
 * does. Damage (a file missing under an unchanged manifest) fails. */
int td_index_open(const char *dir, td_index **out)
{
	for (int attempt = 0;; attempt++) {
		td_manifest m;
		int rc = open_once(dir, out);
		if (rc != TD_ECORRUPT || attempt >= 100)
			return rc;
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", td_error_last());
		int mrc = td_manifest_read(dir, &m);
		uint64_t gen = m.generation;
		if (!mrc)
			td_manifest_clear(&m);
		if (mrc || gen == opened_generation) {
			td_error(rc, "%s", msg);
			return rc;
		}
	}
}

static int open_once(const char *dir, td_index **out)
{
	int rc;
	*out = NULL;
	opened_generation = UINT64_MAX;
	td_index *ix = calloc(1, sizeof *ix);
	if (!ix || !(ix->dir = strdup(dir))) {
		free(ix);
		return td_error(TD_ENOMEM, "out of memory");
	}
	if ((rc = td_manifest_read(dir, &ix->m)))
		goto fail;
	opened_generation = ix->m.generation;
	ix->segs = calloc(ix->m.nsegs + 1, sizeof *ix->segs);
	if (!ix->segs) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < ix->m.nsegs; i++) {
		char path[4096];
		td_mseg *ms = &ix->m.segs[i];
		snprintf(path, sizeof path, "%s/%s", dir, ms->name);
		if ((rc = td_seg_open(path, &ix->segs[i])))
			goto fail;
		ix->nsegs++;
		td_seg *s = ix->segs[i];
		if (s->size != ms->size || s->hdr.hdr_crc != ms->crc) {
			rc = td_error(TD_ECORRUPT,
			        "%s: not the segment the "
			        "manifest committed (size %zu, checksum %08x; "
			        "committed: size %llu, checksum %08x); was it "
			        "replaced? index the sources again into a new "
			        "index "
			        "directory",
			        path, s->size, s->hdr.hdr_crc,
			        (unsigned long long)ms->size, ms->crc);
			goto fail;
		}
		if (td_seg_ndocs(s) != ms->ndocs) {
			rc = td_error(TD_ECORRUPT,
			        "%s: holds %u documents, the "
			        "manifest says %u",
			        path, td_seg_ndocs(s), ms->ndocs);
			goto fail;
		}
		if ((rc = td_seg_set_deleted(s, ms->del, ms->ndel)))
			goto fail;
		ix->ndocs += ms->ndocs - s->ndeleted;
		ix->ntokens += td_seg_ntokens(s);
		for (uint32_t j = 0; j < ms->ndel; j++) {
			td_docinfo di;
			if ((rc = td_seg_doc(s, ms->del[j], &di)))
				goto fail;
			ix->ntokens -= di.ntok;
		}
	}
	*out = ix;
	return 0;
fail:
	td_index_close(ix);
	return rc;
}

/* A source may be live once: the writer replaces the document of a source
 * it adds again, so an index whose segments hold two (a manifest that lost
 * a "del" line) would count a document twice. A union of indexes may hold
 * neither a source nor a document id twice, else it would count a document
 * twice or answer --doc with two. In one index the library allows an id
 * twice (a renamed source keeps its document under both names until
 * pruned), but tagdex-ingest gives each document its own and a moved file
 * keeps its id under the new source: there a lost "del" line of the old
 * source leaves two documents with one id, the same text counted twice;
 * td_index_check_ids finds it. key 0 is the source, 1 the id. */

/* The live documents seen so far by the hash of a key: 16 bytes a slot,
 * at most half full. Equal hashes are compared by the keys themselves,
 * read again from the segment, so that a collision is never taken for a
 * document live twice. */
typedef struct seen_slot {
	uint64_t h;
	uint32_t seg1; /* segment + 1; 0: an empty slot */
	uint32_t doc;
} seen_slot;

/* The key (0 source, 1 id) of document d of segment s, or NULL. */
static const char *doc_key(td_seg *s, uint32_t d, int key, int *rc)
{
	const char *id, *source;
	*rc = td_seg_doc_keys(s, d, &id, &source);
	return *rc ? NULL : key ? id : source;
}

/* Calls dup(ctx, key, a, b, di) for the first live document di of segment
 * b whose source (key 0) or, with nkeys 2, id (key 1) a live document of
 * segment a < b has too, and returns what it returns (an error); 0 when
 * there is none.
 * Reads each live document's id and source once, nothing else. */
static int live_once(
        td_seg *const *segs, size_t nsegs, int nkeys, dup_fn dup, void *ctx)
{
	uint64_t n = 0;
	if (nsegs < 2) /* a segment holds each document once (checksummed) */
		return 0;
	for (size_t i = 0; i < nsegs; i++)
		n += td_seg_ndocs(segs[i]);
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	seen_slot *t[2] = {calloc(cap, sizeof **t), calloc(cap, sizeof **t)};
	int rc = 0;
	if (!t[0] || !t[1])
		rc = td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < nsegs && !rc; i++) {
		td_seg *s = segs[i];
		for (uint32_t d = 0; d < td_seg_ndocs(s) && !rc; d++) {
			td_docinfo di;
			/* what was read need not stay resident (slots hold
			 * document numbers, not pointers into the map) */
			if (d % TD_TRIM_DOCS == TD_TRIM_DOCS - 1)
				td_seg_trim(s);
			if (!td_seg_doc_live(s, d))
				continue;
			memset(&di, 0, sizeof di);
			if ((rc = td_seg_doc_keys(s, d, &di.id, &di.source)))
				break;
			for (int k = 0; k < nkeys && !rc; k++) {
				const char *key = k ? di.id : di.source;
				if (!key)
					continue;
				uint64_t h = td_hash_str(key), m = h;
				/* FNV's low bits cluster for keys that differ
				 * at the end (paths, "doc-a-1"): mix them */
				m ^= m >> 33;
				m *= UINT64_C(0xff51afd7ed558ccd);
				m ^= m >> 33;
				size_t j = (size_t)m & (cap - 1);
				for (; t[k][j].seg1; j = (j + 1) & (cap - 1)) {
					const seen_slot *e = &t[k][j];
					if (e->h != h)
						continue;
					const char *other =
					        doc_key(segs[e->seg1 - 1],
					                e->doc, k, &rc);
					if (rc)
						break;
					if (other && !strcmp(other, key)) {
						rc = dup(ctx, k, e->seg1 - 1, i,
						        &di);
						break;
					}
				}
				if (!rc)
					t[k][j] = (seen_slot){
					        h, (uint32_t)i + 1, d};
			}
		}
		/* its last pages go before the next segment's come: kept,
		 * they added up to most of the check's peak (test_rss.sh) */
		td_seg_trim(s);
	}
	for (size_t i = 0; i < nsegs; i++)
		td_seg_trim(segs[i]);
	free(t[0]);
	free(t[1]);
	return rc;
}

/* one index: its manifest is inconsistent */
static int dup_in_index(
        void *ctx, int key, size_t a, size_t b, const td_docinfo *di)
{
	const td_index *ix = ctx;
	if (!key)
		return td_error(TD_ECORRUPT,
		        "%s/MANIFEST: source %s is live in "
		        "%s and in %s (document %s): the manifest is "
		        "inconsistent (a \"del\" line lost?) and would count "
		        "it "
		        "twice; tagdex-ingest --recover rebuilds it (each "
		        "source "
		        "and id keeps its newest document)",
		        ix->dir, di->source, ix->m.segs[a].name,
		        ix->m.segs[b].name, di->id ? di->id : "without an id");
	return td_error(TD_ECORRUPT,
	        "%s/MANIFEST: document id %s is live in %s "
	        "and in %s (the latter from source %s): the manifest is "
	        "inconsistent (the \"del\" line of a moved or replaced file "
	        "lost?) and would count the document twice; tagdex-ingest "
	        "--recover rebuilds it (each source and id keeps its newest "
	        "document)",
	        ix->dir, di->id, ix->m.segs[a].name, ix->m.segs[b].name,
	        di->source ? di->source : "unknown");
}

int td_index_check_live(td_index *ix)
{
	return live_once(ix->segs, ix->nsegs, 1, dup_in_index, ix);
}

int td_index_check_ids(td_index *ix)
{
	return ix ? live_once(ix->segs, ix->nsegs, 2, dup_in_index, ix) : 0;
}

/* a union: the part of each segment, the directories and where each was
 * named (td_index_open_many_at) */
typedef struct union_ctx {
	const td_index *ix;
	const char *const *dirs, *const *where;
} union_ctx;

static size_t part_of(const td_index *ix, size_t seg)
{
	size_t p = 0;
	while (p + 1 < ix->nparts && ix->part_first[p + 1] <= seg)
		p++;
	return p;
}

/* "DIR" or "DIR (FILE:LINE)" into buf */
static const char *dir_named(const union_ctx *u, size_t p, char *buf, size_t n)
{
	if (!u->where || !u->where[p])
		return u->dirs[p];
	snprintf(buf, n, "%s (%s)", u->dirs[p], u->where[p]);
	return buf;
}

static int dup_in_union(
        void *ctx, int key, size_t a, size_t b, const td_docinfo *di)
{
	const union_ctx *u = ctx;
	char ba[2048], bb[2048];
	const char *da = dir_named(u, part_of(u->ix, a), ba, sizeof ba),
	           *db = dir_named(u, part_of(u->ix, b), bb, sizeof bb);
	if (!key)
		return td_error(TD_EUSAGE,
		        "%s and %s both hold the document of "
		        "source %s: their union would count it twice; give "
		        "each "
		        "source to one index only",
		        da, db, di->source);
	return td_error(TD_EUSAGE,
	        "%s and %s both hold a document with id %s "
	        "(sources %s): one index gives each document its own id, so "
	        "--doc and the tables by doc would mix them; give files of the "
	        "same name to one index",
	        da, db, di->id, di->source ? di->source : "unknown");
}

/* td_index_open of dir, its message naming dir once, after "where: " */
static int open_part(const char *dir, const char *where, td_index **out)
{
	int rc = td_index_open(dir, out);
	if (rc) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", td_error_last());
		/* name the directory unless the message does */
		size_t dl = strlen(dir);
		int named = !strncmp(msg, dir, dl) &&
		            (msg[dl] == ':' || msg[dl] == '/');
		td_error(rc, "%s%s%s%s%s", where ? where : "",
		        where ? ": " : "", named ? "" : dir, named ? "" : ": ",
		        msg);
	}
	return rc;
}

int td_index_open_many(const char *const *dirs, size_t n, td_index **out)
{
	return td_index_open_many_at(dirs, NULL, n, out);
}

int td_index_open_many_at(const char *const *dirs, const char *const *where,
        size_t n, td_index **out)
{
	int rc;
	*out = NULL;
	if (n == 0)
		return td_error(TD_EUSAGE, "no index to open");
	if (n == 1)
		return open_part(dirs[0], where ? where[0] : NULL, out);
	td_index *ix = calloc(1, sizeof *ix);
	if (!ix || !(ix->parts = calloc(n, sizeof *ix->parts)) ||
	        !(ix->part_first = calloc(n, sizeof *ix->part_first))) {
		if (ix)
			free(ix->parts);
		free(ix);
		return td_error(TD_ENOMEM, "out of memory");
	}
	size_t nsegs = 0;
	for (size_t p = 0; p < n; p++) {
		if ((rc = open_part(
		             dirs[p], where ? where[p] : NULL, &ix->parts[p])))
			goto fail;
		ix->nparts++;
		ix->part_first[p] = nsegs;
		nsegs += ix->parts[p]->nsegs;
	}
	if (!(ix->segs = calloc(nsegs + 1, sizeof *ix->segs))) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto fail;
	}
	for (size_t p = 0; p < n; p++) {
		td_index *part = ix->parts[p];
		memcpy(ix->segs + ix->nsegs, part->segs,
		        part->nsegs * sizeof *ix->segs);
		ix->nsegs += part->nsegs;
		ix->ndocs += part->ndocs;
		ix->ntokens += part->ntokens;
	}
	union_ctx u = {ix, dirs, where};
	if ((rc = live_once(ix->segs, ix->nsegs, 2, dup_in_union, &u)))
		goto fail;
	*out = ix;
	return 0;
fail:
	td_index_close(ix);
	return rc;
}

void td_index_close(td_index *ix)
{
	if (!ix)
		return;
	if (ix->parts) { /* the parts own the segments */
		for (size_t p = 0; p < ix->nparts; p++)
			td_index_close(ix->parts[p]);
		free(ix->parts);
		free(ix->part_first);
		free(ix->segs);
		free(ix);
		return;
	}
	for (size_t i = 0; i < ix->nsegs; i++)
		td_seg_close(ix->segs[i]);
	free(ix->segs);
	td_manifest_clear(&ix->m);
	free(ix->dir);
	free(ix);
}

int td_index_has_layers(td_index *ix)
{
	for (size_t i = 0; i < td_index_nsegs(ix); i++)
		if (!td_seg_has_layers(td_index_seg(ix, i)))
			return 0;
	return 1;
}

int td_index_need_layer(td_index *ix, int layer)
{
	if (layer < TD_LAYER_LEMMA || td_index_has_layers(ix))
		return 0;
	return td_error(TD_EUSAGE, "%s", td_seg_no_layers_msg);
}

size_t td_index_nsegs(const td_index *ix)
{
	return ix->nsegs;
}

td_seg *td_index_seg(td_index *ix, size_t i)
{
	return i < ix->nsegs ? ix->segs[i] : NULL;
}

uint64_t td_index_ndocs(const td_index *ix)
{
	return ix->ndocs;
}
uint64_t td_index_ntokens(const td_index *ix)
{
	return ix->ntokens;
}

int td_index_damaged(const td_index *ix)
{
	for (size_t i = 0; i < ix->nsegs; i++) {
		int rc = td_seg_damaged(ix->segs[i]);
		if (rc)
			return rc;
	}
	return 0;
}

uint64_t td_index_generation(const td_index *ix)
{
	uint64_t g = ix->m.generation;
	for (size_t p = 0; p < ix->nparts; p++)
		g += td_index_generation(ix->parts[p]);
	return g;
}

const char *td_index_seg_name(const td_index *ix, size_t i)
{
	if (i >= ix->nsegs)
		return NULL;
	for (size_t p = ix->nparts; p-- > 0;)
		if (i >= ix->part_first[p])
			return td_index_seg_name(
			        ix->parts[p], i - ix->part_first[p]);
	return ix->m.segs[i].name;
}
