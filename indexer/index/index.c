/* index.c: one committed state of an index directory, opened read-only.
 * The manifest is read once; the segments it names are mapped and kept, so
 * a concurrent commit, merge or prune never changes what this reader sees.
 * No lock is taken: readers never block writers or each other. */
#include "config.h"
#include "index_int.h"
#include "vec.h"

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
			td_manifest_free(&m);
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
			rc = td_error(TD_ECORRUPT, "%s: not the segment the "
				"manifest committed (size %zu, checksum %08x; "
				"committed: size %llu, checksum %08x); was it "
				"replaced? index the sources again into a new index "
				"directory",
				path, s->size, s->hdr.hdr_crc,
				(unsigned long long)ms->size, ms->crc);
			goto fail;
		}
		if (td_seg_ndocs(s) != ms->ndocs) {
			rc = td_error(TD_ECORRUPT, "%s: holds %u documents, the "
				"manifest says %u", path, td_seg_ndocs(s), ms->ndocs);
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

/* A source, and a document id, may be live in one part only: one index
 * never holds two documents of a source nor two under an id (ingest gives
 * the later one another id), so a union that did would count a document
 * twice or answer --doc with two. key 0 is the source, 1 the id. */
typedef struct seen_set {
	td_strtab t;
	uint32_t *owner; /* part of each string */
	size_t cap;
} seen_set;

static int seen_put(seen_set *ss, const char *key, uint32_t part,
	uint32_t *prev)
{
	uint32_t id;
	int added, rc;
	if ((rc = td_strtab_put(&ss->t, key, strlen(key), &id, &added)))
		return rc;
	if (!added) {
		*prev = ss->owner[id];
		return 1;
	}
	/* ids are given in order: id is the count of those before it */
	if (TD_VEC_RESERVE(ss->owner, id, ss->cap, 1024))
		return td_error(TD_ENOMEM, "out of memory");
	ss->owner[id] = part;
	return 0;
}

static int check_disjoint(td_index *ix, const char *const *dirs)
{
	seen_set ss[2];
	int rc = 0;
	memset(ss, 0, sizeof ss);
	td_strtab_init(&ss[0].t);
	td_strtab_init(&ss[1].t);
	for (size_t p = 0; p < ix->nparts && !rc; p++) {
		td_index *part = ix->parts[p];
		for (size_t i = 0; i < part->nsegs && !rc; i++) {
			td_seg *s = part->segs[i];
			for (uint32_t d = 0; d < td_seg_ndocs(s) && !rc; d++) {
				td_docinfo di;
				uint32_t prev = 0;
				if (!td_seg_doc_live(s, d))
					continue;
				if ((rc = td_seg_doc(s, d, &di)))
					break;
				if (di.source && (rc = seen_put(&ss[0], di.source,
							  (uint32_t)p, &prev)) == 1)
					rc = td_error(TD_EUSAGE, "%s and %s both hold "
						"the document of source %s: their "
						"union would count it twice; give "
						"each source to one index only",
						dirs[prev], dirs[p], di.source);
				else if (!rc && di.id && (rc = seen_put(&ss[1], di.id,
								(uint32_t)p, &prev)) == 1)
					rc = td_error(TD_EUSAGE, "%s and %s both hold "
						"a document with id %s (sources %s): "
						"one index gives each document its own "
						"id, so --doc and the tables by doc would "
						"mix them; give files of the same name "
						"to one index",
						dirs[prev], dirs[p], di.id,
						di.source ? di.source : "unknown");
			}
		}
	}
	for (int k = 0; k < 2; k++) {
		free(ss[k].owner);
		td_strtab_free(&ss[k].t);
	}
	return rc;
}

int td_index_open_many(const char *const *dirs, size_t n, td_index **out)
{
	int rc;
	*out = NULL;
	if (n == 0)
		return td_error(TD_EUSAGE, "no index to open");
	if (n == 1)
		return td_index_open(dirs[0], out);
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
		if ((rc = td_index_open(dirs[p], &ix->parts[p]))) {
			char msg[1024];
			snprintf(msg, sizeof msg, "%s", td_error_last());
			/* name the directory unless the message does */
			if (strncmp(msg, dirs[p], strlen(dirs[p])))
				td_error(rc, "%s: %s", dirs[p], msg);
			goto fail;
		}
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
	if ((rc = check_disjoint(ix, dirs)))
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
	td_manifest_free(&ix->m);
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

size_t td_index_nsegs(const td_index *ix) { return ix->nsegs; }

td_seg *td_index_seg(td_index *ix, size_t i)
{
	return i < ix->nsegs ? ix->segs[i] : NULL;
}

uint64_t td_index_ndocs(const td_index *ix) { return ix->ndocs; }
uint64_t td_index_ntokens(const td_index *ix) { return ix->ntokens; }

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
			return td_index_seg_name(ix->parts[p],
				i - ix->part_first[p]);
	return ix->m.segs[i].name;
}
