/* index.c: one committed state of an index directory, opened read-only.
 * The manifest is read once; the segments it names are mapped and kept, so
 * a concurrent commit, merge or prune never changes what this reader sees.
 * No lock is taken: readers never block writers or each other. */
#include "config.h"
#include "index_int.h"

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

void td_index_close(td_index *ix)
{
	if (!ix)
		return;
	for (size_t i = 0; i < ix->nsegs; i++)
		td_seg_close(ix->segs[i]);
	free(ix->segs);
	td_manifest_free(&ix->m);
	free(ix->dir);
	free(ix);
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

uint64_t td_index_generation(const td_index *ix) { return ix->m.generation; }

const char *td_index_seg_name(const td_index *ix, size_t i)
{
	return i < ix->nsegs ? ix->m.segs[i].name : NULL;
}
