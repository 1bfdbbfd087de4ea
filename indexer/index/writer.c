/* writer.c: the one writer of an index directory. It holds LOCK, collects
 * added documents into a new segment and deletions against the committed
 * segments, and publishes both with one manifest rename (td_writer_commit).
 * Until then nothing it does is visible; a crash at any step leaves the
 * previous manifest and every segment it names untouched. */
#include "config.h"
#include "docmap.h"
#include "durable.h"
#include "fault.h"
#include "index_int.h"
#include "job.h"
#include "manifest.h"
#include "segbuild.h"
#include "segment.h"
#include "stream_merge.h"
#include "strtab.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "profile.h"
#include "tagdex.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A source this writer was asked about or added: where its document is.
 * The committed documents are found through base (by source, the strings
 * left in the segments) and copied here when first asked about, so that
 * what the writer holds grows with its batch, not with the index. */
typedef struct srcloc {
	int32_t seg; /* index in the manifest, or -1 for the pending segment */
	uint32_t doc;
	uint8_t live;
	uint8_t base; /* a committed document of the source was looked up */
	char sha[65];
} srcloc;

/* A flushed segment whose file is written on a thread of its own while
 * the batch goes on (flush): the tagging threads need not wait for it. Its
 * name and place in the manifest are fixed when it starts; the rename
 * and the manifest entry wait for bg_join, in the writer's thread, so that
 * everything else the writer does happens in the order it did before. */
typedef struct bgseg {
	td_job job;     /* its thread (job.on: started, not joined), the
	                 * write's error and its message */
	td_segbuild *b; /* the documents it writes (freed by its thread
	                 * once written) */
	td_mseg pend;   /* the deletions among them */
	char *name;     /* seg-N.tdx */
	char *path;     /* DIR/seg-N.tdx, for w->flushed */
	char tmp[4200]; /* written here, then renamed */
	uint64_t size;
	uint32_t crc;
	td_profile prof; /* --profile: its CPU time, added to the writer's
	                  * thread's profile at the join */
	int profiled;    /* the writer's thread had a profile attached */
} bgseg;

struct td_writer {
	char *dir;
	int lockfd[2];
	int broken; /* a commit failed half-way: reopen to continue */
	int dirty;
	td_manifest m;
	td_index *ix;        /* the committed state the writer started from */
	td_docmap base;      /* the committed documents (ix) by source */
	td_strtab src;       /* source paths of loc */
	td_strtab ids_added; /* document ids td_writer_add_index() added
	                      * since the committed state */
	srcloc *loc;
	size_t cap_loc;
	td_segbuild *b; /* pending documents, NULL if none */
	td_mseg pend;   /* deletions within the pending segment */
	uint64_t tokens_added;
	const volatile sig_atomic_t *stop; /* td_writer_set_interrupt() */
	size_t budget;                     /* td_writer_set_memory() */
	char **flushed; /* segment files written for this batch that no
	                 * manifest names yet: removed unless committed */
	size_t nflushed, cap_flushed;
	int no_layers; /* TD_WRITE_NO_LAYERS */
	int threads;   /* td_writer_set_threads() */
	bgseg bg;      /* a flushed segment being written */
};

static int bg_join(td_writer *w);

void td_writer_set_memory(td_writer *w, size_t bytes)
{
	w->budget = bytes < TD_WRITER_MEMORY_MIN ? TD_WRITER_MEMORY_MIN : bytes;
}

/* Removes the batch's flushed segment files (the commit failed or never
 * came), or only forgets them (committed != 0: a manifest names them). */
static void drop_flushed(td_writer *w, int committed)
{
	for (size_t i = 0; i < w->nflushed; i++) {
		if (!committed)
			unlink(w->flushed[i]);
		free(w->flushed[i]);
	}
	w->nflushed = 0;
}

void td_writer_set_threads(td_writer *w, int n)
{
	w->threads = n;
}

void td_writer_set_interrupt(td_writer *w, const volatile sig_atomic_t *flag)
{
	w->stop = flag;
}

/* 0, or TD_EINTR when the caller asked to stop; newseg (a segment file no
 * manifest names yet, or NULL) is removed then. Only called before the
 * manifest write: from there on a commit finishes. */
static int check_stop(td_writer *w, const char *newseg)
{
	if (!w->stop || !*w->stop)
		return 0;
	if (newseg && *newseg)
		unlink(newseg);
	drop_flushed(w, 0);
	return td_error(
	        TD_EINTR, "%s: interrupted; the index is unchanged", w->dir);
}

uint64_t td_writer_tokens_added(const td_writer *w)
{
	return w->tokens_added;
}

static int mkdirs(const char *dir)
{
	char p[4096];
	snprintf(p, sizeof p, "%s", dir);
	for (char *c = p + 1; *c; c++) {
		if (*c != '/')
			continue;
		*c = '\0';
		if (mkdir(p, 0755) && errno != EEXIST)
			return td_error(TD_EIO, "%s: %s", p, strerror(errno));
		*c = '/';
	}
	if (mkdir(p, 0755) && errno != EEXIST)
		return td_error(TD_EIO, "%s: %s", p, strerror(errno));
	return 0;
}

static int set_loc(td_writer *w, const char *source, int32_t seg, uint32_t doc,
        const char *sha)
{
	uint32_t id;
	int added;
	int rc = td_strtab_put(&w->src, source, strlen(source), &id, &added);
	if (rc)
		return rc;
	if (TD_VEC_RESERVE_N(w->loc, (size_t)id + 1, w->cap_loc, 256))
		return td_error(TD_ENOMEM, "out of memory");
	srcloc *l = &w->loc[id];
	l->seg = seg;
	l->doc = doc;
	l->live = 1;
	if (added)
		l->base = 0;
	snprintf(l->sha, sizeof l->sha, "%s", sha ? sha : "");
	return 0;
}

static const char *source_key(void *ctx, const td_docinfo *di, size_t *len)
{
	(void)ctx;
	if (di->source)
		*len = strlen(di->source);
	return di->source;
}

/* *out: the live document of source (NULL: none). A source asked about
 * for the first time gets an entry in loc, the committed document's
 * (found in base) or a dead one. 0, or an error (reading the record). */
static int find_loc(td_writer *w, const char *source, srcloc **out)
{
	uint32_t id, g, best = UINT32_MAX;
	size_t seg;
	uint32_t doc;
	td_docinfo di;
	td_docmap_it it;
	int rc;
	*out = NULL;
	if (td_strtab_find(&w->src, source, strlen(source), &id)) {
		*out = w->loc[id].live ? &w->loc[id] : NULL;
		return 0;
	}
	/* the last of the source (an index holds one) */
	td_docmap_find(&w->base, &it, source, strlen(source));
	while ((rc = td_docmap_next(&w->base, &it, source_key, NULL, &g)) == 1)
		if (best == UINT32_MAX || g > best)
			best = g;
	if (rc < 0)
		return rc;
	if (best == UINT32_MAX) {
		if ((rc = set_loc(w, source, -1, 0, NULL)))
			return rc;
		td_strtab_find(&w->src, source, strlen(source), &id);
		w->loc[id].live = 0;
		return 0;
	}
	if ((rc = td_docmap_doc(&w->base, best, &seg, &doc, &di)) ||
	        (rc = set_loc(w, source, (int32_t)seg, doc, di.sha256)))
		return rc;
	td_strtab_find(&w->src, source, strlen(source), &id);
	w->loc[id].base = 1;
	*out = &w->loc[id];
	return 0;
}

/* What an index directory holds besides the manifest. */
typedef struct dirscan {
	uint64_t max_seg;  /* highest segment number present, 0 if none */
	size_t nsegs;      /* seg-N.tdx files */
	char foreign[256]; /* a file that is no index file, "" if none */
} dirscan;

static int index_file(const char *n, uint64_t *segno)
{
	size_t len = strlen(n);
	*segno = 0;
	if (!strcmp(n, "MANIFEST") || !strcmp(n, "MANIFEST.tmp") ||
	        !strcmp(n, "LOCK") || !strcmp(n, "subcorpora"))
		return 1;
	if (len > 4 && !strcmp(n + len - 4, ".tmp"))
		len -= 4;
	if (len < 9 || strncmp(n, "seg-", 4) || strncmp(n + len - 4, ".tdx", 4))
		return 0;
	for (size_t i = 4; i < len - 4; i++) {
		if (n[i] < '0' || n[i] > '9')
			return 0;
		*segno = *segno * 10 + (uint64_t)(n[i] - '0');
	}
	return 2 + (len != strlen(n)); /* 2 segment, 3 its .tmp */
}

static int scan_dir(const char *dir, dirscan *ds)
{
	memset(ds, 0, sizeof *ds);
	DIR *d = opendir(dir);
	if (!d)
		return td_error(TD_EIO, "%s: %s", dir, strerror(errno));
	struct dirent *e;
	while ((e = readdir(d))) {
		uint64_t no;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		int k = index_file(e->d_name, &no);
		if (!k && !*ds->foreign)
			snprintf(ds->foreign, sizeof ds->foreign, "%s",
			        e->d_name);
		if (k >= 2 && no > ds->max_seg)
			ds->max_seg = no;
		ds->nsegs += k == 2;
	}
	closedir(d);
	return 0;
}

/* Loads the committed state: manifest, segments and the source map. ids:
 * refuse an id live twice too (TD_WRITE_UNIQUE_IDS, at the open; the
 * reload after a commit asks only for sources, as before). */
static int load_state(td_writer *w, int rebuild, int ids)
{
	int rc;
	dirscan ds;
	td_manifest_clear(&w->m);
	td_docmap_clear(&w->base);
	td_index_close(w->ix);
	w->ix = NULL;
	td_strtab_clear(&w->src);
	td_strtab_init(&w->src);
	td_strtab_clear(&w->ids_added);
	td_strtab_init(&w->ids_added);
	rc = td_manifest_read(w->dir, &w->m);
	if (rc && rc != TD_ENOMEM && (rc != TD_EIO || rebuild)) {
		int err = rc;
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", td_error_last());
		if ((rc = scan_dir(w->dir, &ds)))
			return rc;
		if (err == TD_ENOTFOUND && ds.nsegs && !rebuild)
			return td_error(TD_ECORRUPT,
			        "%s: segment files but no "
			        "MANIFEST (it was lost): 'tagdex-ingest -x %s "
			        "--recover' rebuilds it from the segments",
			        w->dir, w->dir);
		if (err != TD_ENOTFOUND && !rebuild) {
			td_error(err, "%s", msg);
			return err;
		}
		/* no index yet, or --rebuild whatever state it is in: start
		 * empty, numbering past every file present */
		memset(&w->m, 0, sizeof w->m);
		w->m.next_seg = ds.max_seg + 1;
		td_error_clear();
		return 0;
	}
	if (rc)
		return rc;
	if (rebuild) {
		/* keep numbering; forget the segments (cleaned up at commit) */
		for (size_t i = 0; i < w->m.nsegs; i++) {
			free(w->m.segs[i].name);
			free(w->m.segs[i].del);
		}
		w->m.nsegs = 0;
		return 0;
	}
	/* one reading of the keys for both questions: a source live twice,
	 * and with TD_WRITE_UNIQUE_IDS an id live twice */
	if ((rc = td_index_open(w->dir, &w->ix)) ||
	        (rc = ids ? td_index_check_ids(w->ix)
	                  : td_index_check_live(w->ix)) ||
	        (rc = td_docmap_init(&w->base, w->ix)))
		return rc;
	for (size_t i = 0; i < td_index_nsegs(w->ix); i++) {
		td_seg *s = td_index_seg(w->ix, i);
		for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
			td_docinfo di;
			if (!td_seg_doc_live(s, d))
				continue;
			if ((rc = td_seg_doc(s, d, &di)))
				return rc;
			if (di.source)
				td_docmap_add(&w->base,
				        (uint32_t)(w->base.first[i] + d),
				        di.source, strlen(di.source));
			/* the pages read are not needed again (td_seg_trim) */
			if (d % TD_TRIM_DOCS == TD_TRIM_DOCS - 1)
				td_seg_trim(s);
		}
		td_seg_trim(s);
	}
	return 0;
}

/* Unlinks segment files no manifest names any more. Readers that mapped
 * them keep their mapping. */
static void clean_segments(td_writer *w)
{
	DIR *d = opendir(w->dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		uint64_t no;
		if (index_file(e->d_name, &no) != 2)
			continue;
		int named = 0;
		for (size_t i = 0; i < w->m.nsegs && !named; i++)
			named = !strcmp(w->m.segs[i].name, e->d_name);
		if (!named) {
			char p[4096];
			snprintf(p, sizeof p, "%s/%s", w->dir, e->d_name);
			if (!td_fault_step("unlink"))
				unlink(p); /* a failure leaves an orphan that
				            * the next writer removes */
		}
	}
	closedir(d);
}

/* Removes temporary files a crashed writer left behind. */
static void clean_tmp(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n > 4 && !strcmp(e->d_name + n - 4, ".tmp")) {
			char p[4096];
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			unlink(p);
		}
	}
	closedir(d);
}

int td_writer_open(const char *dir, int flags, td_writer **out)
{
	int rc;
	*out = NULL;
	td_fault_from_env();
	td_writer *w = calloc(1, sizeof *w);
	if (!w || !(w->dir = strdup(dir))) {
		free(w);
		return td_error(TD_ENOMEM, "out of memory");
	}
	w->lockfd[0] = w->lockfd[1] = -1;
	w->budget = TD_WRITER_MEMORY;
	td_strtab_init(&w->src);
	td_strtab_init(&w->ids_added);
	dirscan ds;
	if ((rc = mkdirs(dir)) || (rc = scan_dir(dir, &ds)))
		goto fail;
	/* never take a folder of other files for an index (nor delete in it) */
	char mpath[4200];
	snprintf(mpath, sizeof mpath, "%s/MANIFEST", dir);
	if (*ds.foreign && access(mpath, F_OK)) {
		rc = td_error(TD_EUSAGE,
		        "%s: not an index directory (it holds "
		        "%s, and no MANIFEST); give -x a new or empty "
		        "directory",
		        dir, ds.foreign);
		goto fail;
	}
	if ((rc = td_lock_take(dir, w->lockfd)))
		goto fail;
	clean_tmp(dir);
	if ((rc = load_state(w, flags & TD_WRITE_REBUILD,
	             (flags & TD_WRITE_UNIQUE_IDS) != 0)))
		goto fail;
	/* segments no committed manifest names: left by a writer killed
	 * between its segment rename and manifest rename, or during cleanup */
	if (!(flags & TD_WRITE_REBUILD))
		clean_segments(w);
	w->dirty = (flags & TD_WRITE_REBUILD) != 0;
	w->no_layers = (flags & TD_WRITE_NO_LAYERS) != 0;
	*out = w;
	return 0;
fail:
	td_writer_close(w);
	return rc;
}

void td_writer_close(td_writer *w)
{
	if (!w)
		return;
	bg_join(w); /* its file goes with the others, uncommitted */
	drop_flushed(w, 0);
	free(w->flushed);
	td_segbuild_free(w->b);
	free(w->pend.del);
	td_docmap_clear(&w->base);
	td_index_close(w->ix);
	td_manifest_clear(&w->m);
	td_strtab_clear(&w->src);
	td_strtab_clear(&w->ids_added);
	free(w->loc);
	td_lock_release(w->lockfd);
	free(w->dir);
	free(w);
}

int td_writer_source_state(td_writer *w, const char *source, const char *sha256)
{
	srcloc *l;
	if (find_loc(w, source, &l))
		return TD_SOURCE_NEW;
	if (!l)
		return TD_SOURCE_NEW;
	return sha256 && !strcmp(l->sha, sha256) ? TD_SOURCE_UNCHANGED
	                                         : TD_SOURCE_CHANGED;
}

static int publish_segment(
        td_writer *w, td_segbuild *b, td_mseg *pend, char path[4096]);

/* Room in w->flushed for one more file, and *path, a buffer for its name
 * (the caller's until it joins w->flushed). */
static int flushed_reserve(td_writer *w, char **path)
{
	if (TD_VEC_RESERVE(w->flushed, w->nflushed, w->cap_flushed, 8))
		return td_error(TD_ENOMEM, "out of memory");
	if (!(*path = malloc(4096)))
		return td_error(TD_ENOMEM, "out of memory");
	return 0;
}

/* Gives the memory a segment's builder freed back to the system. glibc
 * keeps it otherwise: its mmap threshold rises to 32 MB after the first
 * large free, so most of the builder's arrays come from the heaps, which
 * shrink only from the top, and the next builder's larger arrays do not
 * fit in the holes. Once a segment: a walk of the free lists. */
static void give_back(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

/* The job of a flushed segment (bgseg): its file written, its builder
 * freed. */
static int bg_write(void *arg)
{
	bgseg *g = arg;
	if (g->profiled)
		td_profile_attach(&g->prof);
	/* the stage the flush ran in when it was written in the writer's
	 * thread */
	const char *st = td_profile_enter("segment");
	int rc = td_segbuild_write(g->b, g->tmp, &g->size, &g->crc);
	/* its documents go now, not at the join: that waits for the next
	 * flush or the commit, and until then they were a second segment's
	 * memory beside the one filling (issue 17: -j2 held 150 to 200 MB
	 * more at 100M tokens) */
	td_segbuild_free(g->b);
	g->b = NULL;
	give_back();
	td_profile_leave(st);
	td_profile_attach(NULL);
	return rc;
}

/* Finishes the flushed segment being written, if any: renames its file
 * and appends it to w->m as publish() would have. 0, or the write's error
 * (the writer is then broken, as a failed flush left it). */
static int bg_join(td_writer *w)
{
	bgseg *g = &w->bg;
	if (!g->job.on)
		return 0;
	int rc = td_job_join(&g->job);
	if (g->profiled && td_profile_current())
		td_profile_add(td_profile_current(), &g->prof);
	td_segbuild_free(g->b);
	g->b = NULL;
	if (!rc)
		rc = td_rename_tmp(g->tmp, g->path, "segment rename");
	if (rc) {
		free(g->name);
		free(g->path);
		free(g->pend.del);
		w->broken = 1;
		return rc;
	}
	td_mseg *ms = &w->m.segs[w->m.nsegs];
	*ms = (td_mseg){g->name, g->pend.ndocs, g->size, g->crc, g->pend.del,
	        g->pend.ndel, g->pend.cap_del};
	w->m.nsegs++;
	w->m.next_seg++;
	w->flushed[w->nflushed++] = g->path;
	return 0;
}

/* Writes the pending documents to a segment file of this batch (named by
 * no manifest until the commit) and starts afresh: what keeps a batch's
 * memory within the budget. The file joins w->m as the commit will
 * write it, with the deletions among its documents. The file is written
 * on a thread of its own (bgseg) while the batch goes on; one that cannot
 * be started is written here. */
static int flush(td_writer *w)
{
	char *path;
	int rc;
	if ((rc = bg_join(w)) || (rc = flushed_reserve(w, &path)))
		return rc;
	int32_t seg = (int32_t)w->m.nsegs;
	bgseg *g = &w->bg;
	char name[64];
	snprintf(name, sizeof name, "seg-%06llu.tdx",
	        (unsigned long long)w->m.next_seg);
	snprintf(path, 4096, "%s/%s", w->dir, name);
	snprintf(g->tmp, sizeof g->tmp, "%s.tmp", path);
	/* the manifest's room and the name first: the join may not fail
	 * but for the write and the rename */
	if (TD_VEC_RESERVE(w->m.segs, w->m.nsegs, w->m.cap_segs, 8) ||
	        !(g->name = strdup(name))) {
		free(path);
		return td_error(TD_ENOMEM, "out of memory");
	}
	/* written by one thread: the workers keep the cores busy, and the
	 * sorts and layers built beside one another on more (segbuild.c)
	 * would hold their arrays at once, beside the next segment filling:
	 * 526 MiB of peak RSS at 100M tokens with the budget of 256M, over
	 * issue 17's 512 MB. The bytes are the same. */
	td_segbuild_set_threads(w->b, 1);
	g->b = w->b;
	g->pend = w->pend;
	g->pend.ndocs = td_segbuild_ndocs(w->b);
	g->path = path;
	memset(&g->prof, 0, sizeof g->prof);
	g->profiled = td_profile_current() != NULL;
	td_job_start(&g->job, bg_write, g, 1);
	if (!g->job.on) {
		free(g->name);
		g->name = NULL;
		/* no thread: written here, as before */
		const volatile sig_atomic_t *stop = w->stop;
		w->stop = NULL;
		rc = publish_segment(w, w->b, &w->pend, path);
		w->stop = stop;
		if (rc) {
			free(path);
			w->broken = 1;
			return rc;
		}
		w->flushed[w->nflushed++] = path;
		td_segbuild_free(w->b);
		g->b = NULL;
		g->path = NULL;
	}
	memset(&w->pend, 0, sizeof w->pend);
	/* a stop request ends the batch in the caller, which then closes
	 * the writer (which joins, and removes what was flushed) */
	for (uint32_t i = 0; i < w->src.n && i < w->cap_loc; i++)
		if (w->loc[i].seg < 0)
			w->loc[i].seg = seg;
	w->b = NULL;
	return 0;
}

static int drop(td_writer *w, srcloc *l)
{
	/* a document of the flushed segment being written: deleted once it
	 * is in w->m */
	int rc = l->seg >= (int32_t)w->m.nsegs ? bg_join(w) : 0;
	if (rc)
		return rc;
	rc = l->seg < 0 ? td_mseg_delete(&w->pend, l->doc)
	                : td_mseg_delete(&w->m.segs[l->seg], l->doc);
	if (rc)
		return rc;
	l->live = 0;
	w->dirty = 1;
	return 0;
}

/* The pending segment, empty, as the writer was set up. */
static int new_segbuild(td_writer *w)
{
	int rc = td_segbuild_new(&w->b);
	if (rc)
		return rc;
	if (w->no_layers)
		td_segbuild_drop_layers(w->b);
	td_segbuild_set_threads(w->b, w->threads);
	return 0;
}

int td_writer_add_sha(
        td_writer *w, const td_doc *doc, const char *source, const char *sha256)
{
	int rc;
	if (w->broken)
		return td_error(TD_EUSAGE,
		        "%s: the writer was left behind by "
		        "an earlier failure; reopen the index",
		        w->dir);
	if (!source || !*source)
		return td_error(TD_EUSAGE, "document without a source");
	srcloc *l;
	if ((rc = find_loc(w, source, &l)) || (l && (rc = drop(w, l))))
		return rc;
	if (!w->b && (rc = new_segbuild(w)))
		return rc;
	uint32_t before = td_segbuild_ntokens(w->b);
	rc = td_segbuild_add(w->b, doc, source, sha256);
	if (rc == TD_ELIMIT && td_segbuild_full(w->b) &&
	        td_segbuild_ndocs(w->b)) {
		/* the segment is full: the document starts the next one */
		td_error_clear();
		if ((rc = flush(w)) || (rc = new_segbuild(w)))
			return rc;
		before = 0;
		rc = td_segbuild_add(w->b, doc, source, sha256);
	}
	if (rc || (rc = set_loc(
	                   w, source, -1, td_segbuild_ndocs(w->b) - 1, sha256)))
		return rc;
	w->tokens_added += td_segbuild_ntokens(w->b) - before;
	w->dirty = 1;
	if (td_segbuild_bytes(w->b) >= w->budget)
		return flush(w);
	return 0;
}

int td_writer_add(td_writer *w, const td_doc *doc, const char *source)
{
	return td_writer_add_sha(w, doc, source, doc->meta.source_sha256);
}

int td_writer_remove(td_writer *w, const char *source)
{
	srcloc *l;
	int rc = find_loc(w, source, &l);
	if (rc)
		return rc;
	if (!l)
		return td_error(TD_ENOTFOUND, "%s: not in the index", source);
	return drop(w, l);
}

td_index *td_writer_base(td_writer *w)
{
	return w->ix;
}

int td_writer_each_source(
        td_writer *w, int (*fn)(void *ctx, const char *source), void *ctx)
{
	int rc;
	/* the committed documents in order, as loc has them if it does;
	 * then the sources added */
	for (size_t i = 0; w->ix && i < td_index_nsegs(w->ix); i++) {
		td_seg *s = td_index_seg(w->ix, i);
		for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
			td_docinfo di;
			uint32_t id;
			if (!td_seg_doc_live(s, d))
				continue;
			if ((rc = td_docmap_doc(&w->base,
			             (uint32_t)(w->base.first[i] + d), NULL,
			             NULL, &di)))
				return rc;
			if (!di.source || (td_strtab_find(&w->src, di.source,
			                           strlen(di.source), &id) &&
			                          !w->loc[id].live))
				continue;
			if ((rc = fn(ctx, di.source)))
				return rc;
		}
	}
	uint32_t n = w->src.n;
	for (uint32_t i = 0; i < n; i++) {
		if (!w->loc[i].live || w->loc[i].base)
			continue;
		if ((rc = fn(ctx, td_strtab_str(&w->src, i))))
			return rc;
	}
	return 0;
}

/* Writes the next segment file, from b or (b NULL) merged from the
 * segments segs[0..nsegs) (td_segmerge_write), and appends it to the
 * manifest. *written (may be NULL) is 0 when a merge had no live
 * document: then no file is written. */
static int publish(td_writer *w, td_segbuild *b, td_seg *const *segs,
        size_t nsegs, td_mseg *pend, char path[4096], int *written)
{
	char name[64], tmp[4200];
	int rc;
	snprintf(name, sizeof name, "seg-%06llu.tdx",
	        (unsigned long long)w->m.next_seg);
	snprintf(path, 4096, "%s/%s", w->dir, name);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	uint64_t size;
	uint32_t crc;
	/* the manifest's room first: once the file is renamed, nothing may
	 * fail before the manifest names it */
	if (TD_VEC_RESERVE(w->m.segs, w->m.nsegs, w->m.cap_segs, 8))
		return td_error(TD_ENOMEM, "out of memory");
	char *nm = strdup(name);
	if (!nm)
		return td_error(TD_ENOMEM, "out of memory");
	uint32_t ndocs = b ? td_segbuild_ndocs(b) : 0;
	if (written)
		*written = 0;
	if ((rc = check_stop(w, NULL)) ||
	        (rc = b ? td_segbuild_write(b, tmp, &size, &crc)
	                : td_segmerge_write(segs, nsegs, tmp, w->stop, &ndocs,
	                          &size, &crc))) {
		free(nm);
		if (rc == TD_EINTR)
			drop_flushed(w, 0);
		return rc;
	}
	if (!ndocs) {
		free(nm);
		return 0;
	}
	if ((rc = check_stop(w, tmp))) {
		free(nm);
		return rc;
	}
	if ((rc = td_rename_tmp(tmp, path, "segment rename"))) {
		free(nm);
		return rc;
	}
	td_mseg *ms = &w->m.segs[w->m.nsegs];
	memset(ms, 0, sizeof *ms);
	ms->name = nm;
	ms->ndocs = ndocs;
	ms->size = size;
	ms->crc = crc;
	if (pend) {
		*ms = (td_mseg){ms->name, ms->ndocs, size, crc, pend->del,
		        pend->ndel, pend->cap_del};
		memset(pend, 0, sizeof *pend);
	}
	w->m.nsegs++;
	w->m.next_seg++;
	if (written)
		*written = 1;
	return 0;
}

static int publish_segment(
        td_writer *w, td_segbuild *b, td_mseg *pend, char path[4096])
{
	return publish(w, b, NULL, 0, pend, path, NULL);
}

/* Commits w->m. If that fails before the manifest rename, the segment
 * just published (newseg, "" if none) goes at once: a retry must not need
 * twice the space. */
static int write_manifest(td_writer *w, const char *newseg)
{
	int renamed;
	int rc = td_manifest_write(w->dir, &w->m, &renamed);
	if (rc && !renamed && *newseg && !td_fault_step("unlink"))
		unlink(newseg);
	drop_flushed(w, !rc || renamed);
	return rc;
}

/* After the manifest rename: the writer's view of the new state. A failure
 * here (out of memory) is not the commit's, which stands: the writer stays
 * broken (it refuses more work until reopened) and says so by a warning. */
static int reload(td_writer *w)
{
	if (load_state(w, 0, 0) == 0) {
		w->broken = 0;
		return 0;
	}
	td_warn("%s: committed, but the writer could not read the new state "
	        "back: %s (reopen the index to continue)",
	        w->dir, td_error_last());
	td_error_clear();
	return -1;
}

/* ------------------------------------------------------------ merging */

/* Merge policy, after Lucene's TieredMergePolicy: segments are sized by
 * their live tokens; one of more than half the largest merged size
 * (max_merged) is left alone; up to TD_TIER_SEGS segments of a size are
 * allowed per tier (tiers TD_MERGE_AT_ONCE times apart, the smallest at
 * max_merged / 1024) and past that count the best run of up to
 * TD_MERGE_AT_ONCE neighbours merges: the least skewed one (its largest
 * segment the least part of it), small ones first. Unlike Lucene it merges
 * neighbours only, so the documents keep their order (and every answer its
 * order), and never a run of more than max_merged tokens: that keeps
 * every segment under the per-segment limit, TD_SEG_MAX_TOKENS. */
#define TD_TIER_SEGS 8
#define TD_MERGE_AT_ONCE 10
/* The largest segment a merge makes: the per-segment limit, and at most
 * TD_MERGE_MAX_TOKENS, so that each layer's postings stay well inside
 * the 32-bit offsets of a segment's lexicon (about 1.5 bytes a position)
 * and a merge of the largest segments does not rewrite the whole index
 * at every step. The merge streams (td_segmerge_write): its memory does
 * not grow with this size. */
#define TD_MERGE_MAX_TOKENS ((uint64_t)1 << 30)

static uint64_t max_merged(const td_writer *w)
{
	(void)w;
	uint64_t t = TD_MERGE_MAX_TOKENS;
	if (t > TD_SEG_MAX_TOKENS)
		t = TD_SEG_MAX_TOKENS;
	return t ? t : 1;
}

/* Live tokens of segment i (its tokens in the share of live documents). */
static uint64_t live_tokens(td_writer *w, size_t i)
{
	td_seg *s = td_index_seg(w->ix, i);
	const td_mseg *ms = &w->m.segs[i];
	if (!ms->ndocs)
		return 0;
	return (uint64_t)td_seg_ntokens(s) * (ms->ndocs - ms->ndel) / ms->ndocs;
}

/* The run [*a, *e) to merge next, 0 if none. force (--merge): the first
 * run from segment `from` on of two or more neighbours within max_merged,
 * or a segment alone with deleted documents. */
static int pick_merge(
        td_writer *w, int force, size_t from, size_t *a, size_t *e)
{
	size_t n = w->m.nsegs;
	uint64_t max = max_merged(w);
	if (!w->ix || td_index_nsegs(w->ix) != n || n == 0)
		return 0;
	if (force) {
		for (size_t i = from; i < n; i++) {
			uint64_t tot = live_tokens(w, i);
			size_t j = i + 1;
			while (j < n && tot + live_tokens(w, j) <= max)
				tot += live_tokens(w, j++);
			if (j - i >= 2 || w->m.segs[i].ndel) {
				*a = i;
				*e = j;
				return 1;
			}
		}
		return 0;
	}
	uint64_t floor = max / 1024 ? max / 1024 : 1, total = 0,
	         least = UINT64_MAX;
	size_t eligible = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t t = live_tokens(w, i);
		if (t > max / 2)
			continue;
		eligible++;
		total += t;
		if (t < least)
			least = t;
	}
	/* the segments a tiered index of this size may hold */
	double allowed = 0, left = (double)total;
	uint64_t level = least > floor ? least : floor;
	for (;;) {
		double c = left / (double)level;
		if (c < TD_TIER_SEGS || level >= max) {
			allowed += ceil(c);
			break;
		}
		allowed += TD_TIER_SEGS;
		left -= TD_TIER_SEGS * (double)level;
		level = level * TD_MERGE_AT_ONCE < max
		                ? level * TD_MERGE_AT_ONCE
		                : max;
	}
	if (allowed < TD_TIER_SEGS)
		allowed = TD_TIER_SEGS;
	if ((double)eligible <= allowed)
		return 0;
	double best = 0;
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t tot = 0, ftot = 0, fmax = 0;
		for (size_t j = i; j < n && j - i < TD_MERGE_AT_ONCE; j++) {
			uint64_t t = live_tokens(w, j),
			         f = t > floor ? t : floor;
			if (t > max / 2 || tot + t > max)
				break;
			tot += t;
			ftot += f;
			if (f > fmax)
				fmax = f;
			if (j == i)
				continue;
			double score = (double)fmax / (double)ftot *
			               pow((double)tot + 1, 0.05);
			if (!found || score < best) {
				best = score;
				*a = i;
				*e = j + 1;
				found = 1;
			}
		}
	}
	return found;
}

/* Merges segments [a, e) of the committed state into one segment in
 * their place, without their deleted documents, and commits that. The
 * merge streams from their files (td_segmerge_write): no document is
 * rebuilt, and its memory does not depend on their size; the policy
 * (pick_merge) keeps the result within max_merged tokens. *nout receives
 * the number of segments that took their place (0 when no document was
 * live); a merge that would leave as many segments as it took, and drop
 * no document, is given up (*nout = SIZE_MAX, nothing committed): merging
 * on would go round in circles. */
static int merge_run(td_writer *w, size_t a, size_t e, size_t *nout)
{
	int rc = 0, written = 0;
	size_t n0 = w->m.nsegs;
	uint64_t ndel = 0;
	for (size_t i = a; i < e; i++)
		ndel += w->m.segs[i].ndel;
	if (e - a < 2 && !ndel) {
		*nout = SIZE_MAX;
		return 0;
	}
	char *path;
	if ((rc = flushed_reserve(w, &path)))
		return rc;
	td_seg **segs = malloc((e - a + 1) * sizeof *segs);
	if (!segs) {
		free(path);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (size_t i = a; i < e; i++)
		segs[i - a] = td_index_seg(w->ix, i);
	w->broken = 1;
	rc = publish(w, NULL, segs, e - a, NULL, path, &written);
	free(segs);
	if (rc || !written)
		free(path);
	else
		w->flushed[w->nflushed++] = path;
	if (rc) {
		drop_flushed(w, 0);
		return rc;
	}
	/* the output (appended) takes the run's place */
	size_t k = w->m.nsegs - n0;
	td_mseg *out = malloc((k + 1) * sizeof *out);
	if (!out) {
		drop_flushed(w, 0);
		return td_error(TD_ENOMEM, "out of memory");
	}
	memcpy(out, w->m.segs + n0, k * sizeof *out);
	for (size_t i = a; i < e; i++) {
		free(w->m.segs[i].name);
		free(w->m.segs[i].del);
	}
	memmove(w->m.segs + a + k, w->m.segs + e, (n0 - e) * sizeof *out);
	memcpy(w->m.segs + a, out, k * sizeof *out);
	free(out);
	w->m.nsegs = n0 - (e - a) + k;
	*nout = k;
	w->m.generation++;
	if ((rc = check_stop(w, NULL)) || (rc = write_manifest(w, "")))
		return rc;
	if (!td_fault_step("cleanup"))
		clean_segments(w);
	reload(w);
	return 0;
}

static int commit(td_writer *w, int merging)
{
	int rc;
	char newseg[4096] = "";
	if ((rc = bg_join(w)))
		return rc;
	if (w->broken)
		return td_error(TD_EUSAGE,
		        "%s: the writer was left behind by "
		        "an earlier failure; reopen the index",
		        w->dir);
	if (!w->dirty)
		return 0;
	if ((rc = check_stop(w, NULL)))
		return rc;
	w->broken = 1;
	if (w->b && td_segbuild_ndocs(w->b)) {
		if ((rc = publish_segment(w, w->b, &w->pend, newseg)))
			return rc;
	}
	/* segments whose every document is deleted go */
	size_t k = 0;
	for (size_t i = 0; i < w->m.nsegs; i++) {
		td_mseg *ms = &w->m.segs[i];
		if (ms->ndel >= ms->ndocs) {
			free(ms->name);
			free(ms->del);
			continue;
		}
		w->m.segs[k++] = *ms;
	}
	w->m.nsegs = k;
	w->m.generation++;
	if ((rc = check_stop(w, newseg)) || (rc = write_manifest(w, newseg)))
		return rc;
	if (!td_fault_step("cleanup"))
		clean_segments(w);
	td_segbuild_free(w->b);
	w->b = NULL;
	give_back(); /* before the merges and what follows the commit */
	free(w->pend.del);
	memset(&w->pend, 0, sizeof w->pend);
	w->dirty = 0;
	if (reload(w))
		return 0;
	/* the merge policy's merges (pick_merge) */
	size_t a, e, nout, rounds = 0;
	rc = 0;
	while (!merging && !rc && !w->broken && rounds++ < 64 &&
	        pick_merge(w, 0, 0, &a, &e) &&
	        !(rc = merge_run(w, a, e, &nout)) && nout != SIZE_MAX)
		;
	if (rc) {
		/* the batch is durable: that is what the caller asked for
		 * (and a merge the caller stopped needs no warning) */
		if (rc != TD_EINTR)
			td_warn("%s: the batch is committed, but the merge "
			        "that followed failed: %s (the index is whole; "
			        "run tagdex-ingest --merge later)",
			        w->dir, td_error_last());
		if (load_state(w, 0, 0) == 0)
			w->broken = 0;
		td_error_clear();
	}
	return 0;
}

int td_writer_commit(td_writer *w)
{
	return commit(w, 0);
}

int td_writer_merge(td_writer *w)
{
	int rc;
	if ((rc = commit(w, 1)))
		return rc;
	/* run after run from the first, each committed: the next starts
	 * after the segments the last one left */
	size_t from = 0, a, e, nout;
	while (!w->broken && pick_merge(w, 1, from, &a, &e)) {
		if ((rc = merge_run(w, a, e, &nout)))
			return rc;
		from = a + (nout == SIZE_MAX ? 1 : nout);
	}
	return 0;
}

/* Puts the segment file src into the index as name: a hard link where
 * both are on one file system (segments are immutable), else a copy,
 * fsync'd. Written under name.tmp and renamed, as publish_segment does. */
static int put_segment_file(td_writer *w, const char *src, const char *path)
{
	char tmp[4200];
	int rc = 0;
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	unlink(tmp);
	if (td_fault_step("segment link") || link(src, tmp)) {
		int in = open(src, O_RDONLY | O_CLOEXEC);
		if (in < 0)
			return td_error(TD_EIO, "%s: %s", src, strerror(errno));
		int out = td_fault_step("open")
		                  ? -1
		                  : open(tmp,
		                            O_WRONLY | O_CREAT | O_TRUNC |
		                                    O_CLOEXEC,
		                            0644);
		if (out < 0) {
			rc = td_error(TD_EIO, "%s: %s", tmp, strerror(errno));
			close(in);
			return rc;
		}
		char buf[1 << 16];
		ssize_t n;
		while (!rc && (n = read(in, buf, sizeof buf)) != 0) {
			if (n < 0) {
				if (errno == EINTR)
					continue;
				rc = td_error(
				        TD_EIO, "%s: %s", src, strerror(errno));
				break;
			}
			rc = td_write_full(
			        out, buf, (size_t)n, -1, tmp, "write");
			if (!rc && (rc = check_stop(w, NULL)))
				break;
		}
		if (!rc && (td_fault_step("fsync") || fsync(out)))
			rc = td_error(TD_EIO, "%s: %s", tmp, strerror(errno));
		if (close(out) && !rc)
			rc = td_error(TD_EIO, "%s: %s", tmp, strerror(errno));
		close(in);
		if (rc) {
			unlink(tmp);
			return rc;
		}
	}
	return td_rename_tmp(tmp, path, "segment rename");
}

int td_writer_add_index(td_writer *w, const char *dir)
{
	int rc;
	td_index *src;
	if ((rc = bg_join(w)))
		return rc;
	if (w->broken)
		return td_error(TD_EUSAGE,
		        "%s: the writer was left behind by "
		        "an earlier failure; reopen the index",
		        w->dir);
	if (w->b && td_segbuild_ndocs(w->b))
		return td_error(TD_EUSAGE,
		        "%s: commit the documents added "
		        "before adding an index",
		        w->dir);
	if ((rc = td_index_open(dir, &src))) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", td_error_last());
		if (strncmp(msg, dir, strlen(dir)))
			td_error(rc, "%s: %s", dir, msg);
		return rc;
	}
	/* every source and id must be new here, as td_index_open_many
	 * requires of a union, before a file is put in place */
	td_strtab ids;
	td_strtab_init(&ids);
	for (uint32_t i = 0; !rc && i < w->ids_added.n; i++) {
		uint32_t id;
		const char *t = td_strtab_str(&w->ids_added, i);
		rc = td_strtab_put(&ids, t, strlen(t), &id, NULL);
	}
	for (size_t i = 0; !rc && w->ix && i < td_index_nsegs(w->ix); i++) {
		td_seg *s = td_index_seg(w->ix, i);
		for (uint32_t d = 0; !rc && d < td_seg_ndocs(s); d++) {
			td_docinfo di;
			uint32_t id;
			if (!td_seg_doc_live(s, d))
				continue;
			if (!(rc = td_seg_doc(s, d, &di)) && di.id)
				rc = td_strtab_put(
				        &ids, di.id, strlen(di.id), &id, NULL);
		}
	}
	for (size_t i = 0; !rc && i < td_index_nsegs(src); i++) {
		td_seg *s = td_index_seg(src, i);
		for (uint32_t d = 0; !rc && d < td_seg_ndocs(s); d++) {
			td_docinfo di;
			uint32_t id;
			int added = 1;
			if (!td_seg_doc_live(s, d))
				continue;
			if ((rc = td_seg_doc(s, d, &di)))
				break;
			srcloc *l = NULL;
			if (di.source && (rc = find_loc(w, di.source, &l)))
				break;
			if (l)
				rc = td_error(TD_EUSAGE,
				        "%s and %s both hold the "
				        "document of source %s: combined, it "
				        "would be counted twice; give each "
				        "source "
				        "to one index only",
				        w->dir, dir, di.source);
			else if (di.id &&
			         !(rc = td_strtab_put(&ids, di.id,
			                   strlen(di.id), &id, &added)) &&
			         !added)
				rc = td_error(TD_EUSAGE,
				        "%s and %s both hold a "
				        "document with id %s: one index gives "
				        "each "
				        "document its own id; give files of "
				        "the "
				        "same name to one index",
				        w->dir, dir, di.id);
		}
	}
	td_strtab_clear(&ids);
	/* a new index gets its (empty) manifest first: segment files put in
	 * place and never committed (an error, a kill) are then the orphans
	 * the next writer removes, not a "lost manifest" to recover from */
	if (!rc && w->m.generation == 0 && w->m.nsegs == 0 &&
	        !(rc = check_stop(w, NULL))) {
		w->m.generation++;
		if ((rc = td_manifest_write(w->dir, &w->m, NULL)))
			w->m.generation--;
	}
	size_t first = w->m.nsegs;
	w->broken = 1; /* until every segment is in the manifest */
	for (size_t i = 0; !rc && i < td_index_nsegs(src); i++) {
		td_seg *s = td_index_seg(src, i);
		char name[64], path[4096];
		if (TD_VEC_RESERVE(w->m.segs, w->m.nsegs, w->m.cap_segs, 8)) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		td_mseg *ms = &w->m.segs[w->m.nsegs];
		memset(ms, 0, sizeof *ms);
		snprintf(name, sizeof name, "seg-%06llu.tdx",
		        (unsigned long long)w->m.next_seg);
		snprintf(path, sizeof path, "%s/%s", w->dir, name);
		if (!(ms->name = strdup(name))) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		ms->ndocs = td_seg_ndocs(s);
		ms->size = s->size;
		ms->crc = s->hdr.hdr_crc;
		for (uint32_t d = 0; !rc && d < ms->ndocs; d++)
			if (!td_seg_doc_live(s, d))
				rc = td_mseg_delete(ms, d);
		if (!rc && !(rc = check_stop(w, NULL)))
			rc = put_segment_file(w, s->path, path);
		if (rc) {
			free(ms->name);
			free(ms->del);
			break;
		}
		w->m.nsegs++;
		w->m.next_seg++;
		for (uint32_t d = 0; !rc && d < ms->ndocs; d++) {
			td_docinfo di;
			uint32_t id;
			if (!td_seg_doc_live(s, d))
				continue;
			if (!(rc = td_seg_doc(s, d, &di)) && di.source)
				rc = set_loc(w, di.source,
				        (int32_t)(w->m.nsegs - 1), d,
				        di.sha256);
			if (!rc && di.id)
				rc = td_strtab_put(&w->ids_added, di.id,
				        strlen(di.id), &id, NULL);
		}
	}
	/* after an error with segment files in place (the next writer
	 * removes them: no manifest names them) the writer stays broken */
	if (!rc || first == w->m.nsegs)
		w->broken = 0;
	if (!rc && first != w->m.nsegs)
		w->dirty = 1;
	td_index_close(src);
	return rc;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int td_index_recover(
        const char *dir, size_t *kept, size_t *dropped, uint64_t *ndocs)
{
	return td_index_recover_flags(dir, 0, kept, dropped, ndocs);
}

int td_index_recover_flags(const char *dir, unsigned flags, size_t *kept,
        size_t *dropped, uint64_t *ndocs)
{
	int rc, lock[2];
	uint64_t *nos = NULL;
	size_t n = 0, cap = 0;
	td_manifest m = {0};
	td_strtab seen, seen_ids;
	*kept = *dropped = 0;
	*ndocs = 0;
	td_strtab_init(&seen);
	td_strtab_init(&seen_ids);
	if ((rc = td_lock_take(dir, lock)))
		return rc;
	clean_tmp(dir);
	DIR *d = opendir(dir);
	if (!d) {
		rc = td_error(TD_EIO, "%s: %s", dir, strerror(errno));
		goto out;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		uint64_t no;
		if (index_file(e->d_name, &no) != 2)
			continue;
		if (TD_VEC_RESERVE(nos, n, cap, 16)) {
			closedir(d);
			rc = td_error(TD_ENOMEM, "out of memory");
			goto out;
		}
		nos[n++] = no;
	}
	closedir(d);
	if (!n) {
		rc = td_error(TD_ENOTFOUND,
		        "%s: no segment files to recover "
		        "from",
		        dir);
		goto out;
	}
	qsort(nos, n, sizeof *nos, cmp_u64);
	if (!(m.segs = calloc(n + 1, sizeof *m.segs))) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	td_manifest old;
	if ((rc = td_manifest_read(dir, &old)) == 0) {
		m.generation = old.generation;
		td_manifest_clear(&old);
	} else if (rc == TD_ENOMEM) {
		/* the old generation is not known: the new one might repeat it,
		 * and readers tell states apart by it */
		goto out;
	}
	rc = 0;
	td_error_clear();
	m.generation++;
	m.next_seg = n ? nos[n - 1] + 1 : 1;
	/* newest first: a source (and, with TD_RECOVER_IDS, an id) keeps its
	 * newest document */
	for (size_t i = n; i-- > 0;) {
		char name[64], path[4200];
		td_seg *s;
		snprintf(name, sizeof name, "seg-%06llu.tdx",
		        (unsigned long long)nos[i]);
		snprintf(path, sizeof path, "%s/%s", dir, name);
		if ((rc = td_seg_open(path, &s)) == 0 && (rc = td_seg_check(s)))
			td_seg_close(s);
		if (rc == TD_ENOMEM)
			goto out;
		if (rc) {
			td_warn("%s: cannot keep it: %s", path,
			        td_error_last());
			(*dropped)++;
			rc = 0;
			continue;
		}
		td_mseg ms = {0};
		ms.ndocs = td_seg_ndocs(s);
		ms.size = s->size;
		ms.crc = s->hdr.hdr_crc;
		for (uint32_t k = ms.ndocs; k-- > 0 && !rc;) {
			td_docinfo di;
			int added = 1, id_added = 1;
			uint32_t id;
			if ((rc = td_seg_doc(s, k, &di)))
				break;
			if (di.source)
				rc = td_strtab_put(&seen, di.source,
				        strlen(di.source), &id, &added);
			/* a moved file's newest document has the old one's
			 * id */
			if (!rc && added && di.id && (flags & TD_RECOVER_IDS))
				rc = td_strtab_put(&seen_ids, di.id,
				        strlen(di.id), &id, &id_added);
			if (!rc && (!added || !id_added))
				rc = td_mseg_delete(&ms, k);
		}
		td_seg_close(s);
		if (!rc && !(ms.name = strdup(name)))
			rc = td_error(TD_ENOMEM, "out of memory");
		if (rc) {
			free(ms.del);
			goto out;
		}
		if (ms.ndel == ms.ndocs) { /* all replaced by newer ones */
			free(ms.name);
			free(ms.del);
			continue;
		}
		*ndocs += ms.ndocs - ms.ndel;
		/* the manifest lists segments oldest first */
		memmove(m.segs + 1, m.segs, m.nsegs * sizeof *m.segs);
		m.segs[0] = ms;
		m.nsegs++;
		(*kept)++;
	}
	rc = td_manifest_write(dir, &m, NULL);
out:
	td_manifest_clear(&m);
	td_strtab_clear(&seen);
	td_strtab_clear(&seen_ids);
	free(nos);
	td_lock_release(lock);
	return rc;
}
