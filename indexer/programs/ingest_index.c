/* ingest_index.c: the index mode of tagdex-ingest. Expands the inputs,
 * skips sources whose bytes are unchanged (SHA-256), runs the pipeline on
 * -j threads, adds the documents in input order (so the index does not
 * depend on thread timing) and commits once at the end. A failing file is
 * reported and skipped; the rest is committed.
 * A source is the file's absolute canonical path (realpath), so every
 * spelling of a path (relative, absolute, through a symbolic link, from any
 * directory) is one document; a new source with the bytes of a document
 * whose file is gone is that document moved; a document id already used by
 * another source gets a suffix from the hash of its path (see the man page).
 * Sources recorded relative by older versions are resolved from the current
 * directory. A file of several documents (a teiCorpus) records each as
 * "PATH#teiK", K from 1 in document order: its documents are replaced,
 * moved and pruned together, as the file is.
 * With -o DIR as well, the workers write each input's TEI as they make its
 * documents (tei_out.h), for the unchanged inputs too, so that an input is
 * annotated once and the TEI is written on -j threads. */
#include "config.h"
#include "docmap.h"
#include "index_int.h"
#include "manifest.h"
#include "segment.h"
#include "ingest.h"
#include "inputs.h"
#include "keyindex.h"
#include "profile.h"
#include "tei.h"
#include "tei_out.h"
#include "vec.h"
#include "util.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A live document of the committed state, read back from its segment
 * when needed (kn_get): the run's tables hold only its number (the
 * writer's, td_docmap_doc), so that their memory does not grow with the
 * strings of every document of the index. */
typedef struct known {
	uint32_t g;         /* its number in the tables */
	const char *source; /* as recorded (NULL: none); into the segment */
	const char *id;     /* "" if none */
	const char *sha;    /* "" if none */
	const char *canon;  /* absolute canonical source (with its "#teiK");
	                     * NULL when a relative (older) source does not
	                     * resolve from here */
	size_t file_len;    /* of canon without "#teiK": the file */
} known;

/* Documents of the committed state, latest first. */
typedef struct kset {
	uint32_t *g;
	size_t n, cap;
} kset;

/* The length of path without a trailing "#teiK" (K digits). Inputs end in
 * .txt, .html, .htm or .xml, so no input path ends so itself. */
static size_t file_len(const char *path)
{
	size_t n = strlen(path), i = n;
	while (i > 0 && path[i - 1] >= '0' && path[i - 1] <= '9')
		i--;
	if (i < n && i >= 4 && !strncmp(path + i - 4, "#tei", 4))
		return i - 4;
	return n;
}

/* String keys to pointers; keys are not copied. The rows are found
 * through the one string-keyed hash index (keyindex.h). */
typedef struct srow {
	const char *key;
	void *v;
} srow;

typedef struct smap {
	srow *rows;
	size_t n, cap;
	td_keyindex ix;
} smap;

/* k's row, or NULL */
static srow *smap_row(const smap *m, const char *k)
{
	if (!m->ix.nslots)
		return NULL;
	size_t *sl = td_keyindex_slot(
	        &m->ix, TD_KEYROWS(m->rows, srow), k, strlen(k));
	return *sl ? &m->rows[*sl - 1] : NULL;
}

static void *smap_get(const smap *m, const char *k)
{
	srow *r = smap_row(m, k);
	return r ? r->v : NULL;
}

/* 1 and the value (may be NULL) in *v if k is a key of m, else 0. */
static int smap_has(const smap *m, const char *k, void **v)
{
	srow *r = smap_row(m, k);
	if (r)
		*v = r->v;
	return r != NULL;
}

static int smap_put(smap *m, const char *k, void *v)
{
	if (td_keyindex_reserve(&m->ix, TD_KEYROWS(m->rows, srow), m->n) ||
	        TD_VEC_RESERVE(m->rows, m->n, m->cap, 64))
		return td_error(TD_ENOMEM, "out of memory");
	size_t *sl = td_keyindex_slot(
	        &m->ix, TD_KEYROWS(m->rows, srow), k, strlen(k));
	if (!*sl) {
		m->rows[m->n] = (srow){k, NULL};
		*sl = ++m->n;
	}
	m->rows[*sl - 1].v = v;
	return 0;
}

static void smap_clear(smap *m)
{
	free(m->rows);
	td_keyindex_clear(&m->ix);
}

/* Strings owned for the whole run (keys and values of the maps). */
typedef struct pool_str {
	char **v;
	size_t n, cap;
} pool_str;

static char *keep(pool_str *p, char *s)
{
	if (!s)
		return NULL;
	if (TD_VEC_RESERVE(p->v, p->n, p->cap, 64)) {
		free(s);
		return NULL;
	}
	return p->v[p->n++] = s;
}

/* The committed documents by file, by id and by bytes (tables of their
 * numbers, td_docmap: 8 bytes a document each), and what this run did. */
typedef struct knowns {
	td_docmap byfile, byid, bysha;
	uint8_t *claimed; /* per document: an input of this run replaces,
	                   * moves or removes it */
	smap ids;         /* ids this run freed (NULL) or gave (the source
	                   * holding it); before the committed documents' */
	pool_str *ps;     /* canonical paths of relative sources */
	char *scratch;    /* file_key's */
} knowns;

/* The file of an absolute path does not exist any more (a path that
 * cannot be checked, e.g. for lack of permission, is not gone). */
static int gone(const char *path)
{
	struct stat st;
	return stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

/* Document g read back. The strings point into its segment (good while
 * the writer's committed state is open, trims or not); the canonical path
 * of a relative source is resolved anew and kept in ks->ps. */
static int kn_get(knowns *ks, uint32_t g, known *k)
{
	td_docinfo di;
	int rc = td_docmap_doc(&ks->byfile, g, NULL, NULL, &di);
	if (rc)
		return rc;
	memset(k, 0, sizeof *k);
	k->g = g;
	k->source = di.source;
	k->id = di.id ? di.id : "";
	k->sha = di.sha256 ? di.sha256 : "";
	if (di.source && di.source[0] == '/') {
		k->canon = di.source;
	} else if (di.source) {
		char *c = realpath(di.source, NULL);
		if (!c && errno == ENOMEM)
			return td_error(TD_ENOMEM, "out of memory");
		if (c && !(k->canon = keep(ks->ps, c)))
			return td_error(TD_ENOMEM, "out of memory");
	}
	if (k->canon)
		k->file_len = file_len(k->canon);
	return 0;
}

/* The file of k is gone (see gone()). */
static int kn_gone(const known *k)
{
	if (!k->canon)
		return 0;
	if (!k->canon[k->file_len])
		return gone(k->canon);
	char *f = strndup(k->canon, k->file_len);
	int r = f && gone(f);
	free(f);
	return r;
}

/* The keys of the three tables, from a record read back. */
static const char *file_key(void *ctx, const td_docinfo *di, size_t *len)
{
	knowns *ks = ctx;
	const char *c = di->source;
	free(ks->scratch);
	ks->scratch = NULL;
	if (c && c[0] != '/')
		c = ks->scratch = realpath(c, NULL);
	if (c)
		*len = file_len(c);
	return c;
}

static const char *id_key(void *ctx, const td_docinfo *di, size_t *len)
{
	(void)ctx;
	const char *id = di->id ? di->id : "";
	*len = strlen(id);
	return id;
}

static const char *sha_key(void *ctx, const td_docinfo *di, size_t *len)
{
	(void)ctx;
	if (!di->sha256 || !*di->sha256)
		return NULL;
	*len = strlen(di->sha256);
	return di->sha256;
}

static int cmp_desc(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* The documents filed in m under key[0, len) into *out, latest first (the
 * order in which the tables of pointers of old gave them). */
static int kset_find(knowns *ks, td_docmap *m, td_docmap_key fn,
        const char *key, size_t len, kset *out)
{
	td_docmap_it it;
	uint32_t g;
	int rc;
	out->n = 0;
	td_docmap_find(m, &it, key, len);
	while ((rc = td_docmap_next(m, &it, fn, ks, &g)) == 1) {
		if (TD_VEC_RESERVE(out->g, out->n, out->cap, 4))
			return td_error(TD_ENOMEM, "out of memory");
		out->g[out->n++] = g;
	}
	if (rc < 0)
		return rc;
	if (out->n > 1)
		qsort(out->g, out->n, sizeof *out->g, cmp_desc);
	return 0;
}

static int kset_file(knowns *ks, const char *file, kset *out)
{
	return kset_find(ks, &ks->byfile, file_key, file, strlen(file), out);
}

static void kset_clear(kset *k)
{
	free(k->g);
	memset(k, 0, sizeof *k);
}

/* A file that failed takes nothing away: the documents indexed from it
 * before stay. The note added to its message says so ("" when there were
 * none), and *kept counts such files for the summary. */
static void kept_note(
        knowns *ks, const kset *prev, char *note, size_t n, size_t *kept)
{
	known kn;
	note[0] = '\0';
	if (!prev->n)
		return;
	(*kept)++;
	if (kn_get(ks, prev->g[0], &kn) || !kn.id[0])
		snprintf(note, n,
		        "; its version indexed before stays in the "
		        "index");
	else if (prev->n == 1)
		snprintf(note, n,
		        "; its version indexed before (%s) stays in "
		        "the index",
		        kn.id);
	else
		snprintf(note, n,
		        "; its version indexed before (%s and %zu "
		        "others) stays in the index",
		        kn.id, prev->n - 1);
}

/* The committed document that holds id (the latest one), or none (0). */
static int id_last(knowns *ks, const char *id, uint32_t *g)
{
	kset k = {0};
	int rc = kset_find(ks, &ks->byid, id_key, id, strlen(id), &k);
	if (!rc && k.n)
		*g = k.g[0];
	rc = rc ? rc : k.n > 0;
	kset_clear(&k);
	return rc;
}

/* *out: a copy of the source that holds id (NULL: the id is free). */
static int id_holder(knowns *ks, const char *id, char **out)
{
	void *v;
	uint32_t g;
	known k;
	int rc;
	*out = NULL;
	if (smap_has(&ks->ids, id, &v)) {
		if (v && !(*out = strdup(v)))
			return td_error(TD_ENOMEM, "out of memory");
		return 0;
	}
	if ((rc = id_last(ks, id, &g)) <= 0 || (rc = kn_get(ks, g, &k)))
		return rc;
	const char *h = k.canon ? k.canon : k.source ? k.source : "";
	if (!(*out = strdup(h)))
		return td_error(TD_ENOMEM, "out of memory");
	return 0;
}

/* The id of k is free for another document now that k goes: unless this
 * run gave or freed it already, or another document holds it. */
static int id_free(knowns *ks, const known *k)
{
	void *v;
	uint32_t g;
	int rc;
	if (!k->canon || smap_has(&ks->ids, k->id, &v))
		return 0;
	if ((rc = id_last(ks, k->id, &g)) <= 0 || g != k->g)
		return rc;
	return smap_put(&ks->ids, k->id, NULL);
}

typedef struct job {
	char *path;  /* as the user spelt it, for messages and the id */
	char *canon; /* the source: absolute canonical path */
	kset prev;   /* the committed documents of this file, if any */
	kset moved;  /* those of a file that is gone, with these bytes */
	int state;   /* TD_SOURCE_* */
	int done;
	int rc;
	char *msg;      /* error message when rc != 0 */
	td_doc **docs;  /* what the file holds (a teiCorpus: several) */
	char combo[65]; /* a corpus root: the SHA-256 of its own and its
	                 * included files' SHA-256, else "" */
	size_t ndocs;
	char sha[65];
	size_t bytes;
	/* with -o (pool.tei_dir) */
	int tei_only; /* TEI only, not indexed: unchanged in the index, or
	               * a second spelling of an input named before */
	char *op;     /* its TEI file: DIR/NAME.xml (several documents:
	               * DIR/ID.xml each) */
	int tei_late; /* an earlier input has the same op: the consumer
	               * writes it in input order, or refuses it if the
	               * earlier one was written, as -o alone does */
	int tei_rc;   /* the TEI's writing failed: tei_msg says why */
	char *tei_msg;
} job;

typedef struct pool {
	const td_pipeline *p;
	const char *tei_dir; /* -o DIR, or NULL */
	job *jobs;
	size_t n, next, consumed;
	size_t window;    /* how far workers may run ahead of the consumer */
	td_profile *prof; /* --profile: the workers' stages added here */
	pthread_mutex_t mu;
	pthread_cond_t cv;
} pool;

/* SIGINT/SIGTERM: finish the document at hand, commit nothing, say so.
 * During a commit the writer sees the flag too (td_writer_set_interrupt):
 * before its manifest write it gives up and the index is unchanged; from
 * there on the commit completes, and the message says which. */
static volatile sig_atomic_t stop_sig;

static void on_stop(int sig)
{
	stop_sig = sig;
}

/* The handlers on_stop replaces while the index is written. */
typedef struct stop_old {
	struct sigaction intr, term;
} stop_old;

/* Sends SIGINT and SIGTERM to on_stop, keeping the handlers they had in
 * *old for stop_end. */
static void stop_begin(stop_old *old)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old->intr);
	sigaction(SIGTERM, &sa, &old->term);
}

static void stop_end(const stop_old *old)
{
	sigaction(SIGINT, &old->intr, NULL);
	sigaction(SIGTERM, &old->term, NULL);
}

/* The committed generation of the index in dir (0: none). The writer
 * holds the lock: nobody else changes it. */
static uint64_t generation(const char *dir)
{
	td_manifest m;
	if (td_manifest_read(dir, &m)) {
		td_error_clear();
		return 0;
	}
	uint64_t g = m.generation;
	td_manifest_clear(&m);
	return g;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *normalize_path(const char *in)
{
	char *o = malloc(strlen(in) + 1), *q = o;
	if (!o)
		return NULL;
	const char *s = in;
	while (s[0] == '.' && s[1] == '/') {
		s += 2;
		while (*s == '/')
			s++;
	}
	for (; *s; s++) {
		if (*s == '/' && q > o && q[-1] == '/')
			continue;
		if (*s == '/' && s[1] == '.' && s[2] == '/') {
			s++;
			continue;
		}
		*q++ = *s;
	}
	*q = '\0';
	return o;
}

/* The TEI of j's documents, unless the consumer writes it (tei_late). */
static void tei_job(job *j, const char *tei_dir)
{
	if (j->rc || j->tei_late)
		return;
	const char *st = td_profile_enter("tei");
	if ((j->tei_rc = tei_out_docs(j->docs, j->ndocs, tei_dir, j->op)))
		j->tei_msg = strdup(td_error_last());
	td_profile_leave(st);
}

static void run_job(const td_pipeline *p, job *j, const char *tei_dir)
{
	char *data = NULL;
	size_t len = 0;
	const char *st = td_profile_enter("read");
	int rc = td_read_file(j->path, &data, &len), read_rc = rc;
	td_profile_leave(st);
	if (!rc)
		rc = td_pipeline_docs(
		        p, j->path, data, len, &j->docs, &j->ndocs);
	if (!read_rc) {
		/* the input's SHA-256: a text or HTML reader hashed the same
		 * bytes (a second hash of every input was 2.4% of an ingest's
		 * instructions under callgrind) */
		const char *h =
		        !rc && j->ndocs == 1 &&
		                        td_pipeline_hashes_input(j->path)
		                ? j->docs[0]->meta.source_sha256
		                : NULL;
		if (h && strlen(h) == sizeof j->sha - 1)
			memcpy(j->sha, h, sizeof j->sha);
		else {
			st = td_profile_enter("read");
			td_sha256_hex(data, len, j->sha);
			td_profile_leave(st);
		}
		if (j->combo[0])
			memcpy(j->sha, j->combo, sizeof j->sha);
		j->bytes = len;
	}
	free(data);
	/* the distinct words of each document, here on the -j threads: the
	 * one thread that adds the documents to the segment looks up each
	 * once (td_doc_terms) */
	st = td_profile_enter("terms");
	for (size_t i = 0; i < j->ndocs && !rc; i++)
		rc = td_doc_terms(j->docs[i]);
	td_profile_leave(st);
	j->rc = rc;
	if (rc)
		j->msg = strdup(td_error_last());
	if (tei_dir)
		tei_job(j, tei_dir);
}

/* The consumer's part of j's TEI, in input order: a late one (tei_late)
 * is written now, or refused when an earlier input's file of that name
 * was written; a failure is reported and counted in *failed. written
 * holds the files of one document written so far. 0, or TD_ENOMEM. */
static int tei_done(
        job *j, const char *dir, smap *written, size_t *failed, int tty)
{
	if (j->tei_late && smap_get(written, j->op)) {
		j->tei_rc = td_error(TD_EINPUT,
		        "%s: output %s was already "
		        "written from another input; skipped",
		        j->path, j->op);
		j->tei_msg = strdup(td_error_last());
	} else if (j->tei_late) {
		j->tei_late = 0;
		tei_job(j, dir);
	}
	if (j->tei_rc) {
		if (tty)
			fputs("\r\033[K", stderr);
		fprintf(stderr, "tagdex-ingest: %s\n",
		        j->tei_msg ? j->tei_msg : "error");
		(*failed)++;
		return 0;
	}
	if (!j->rc && j->ndocs == 1)
		return smap_put(written, j->op, j->op);
	return 0;
}

static void *worker(void *arg)
{
	pool *pl = arg;
	td_profile mine;
	memset(&mine, 0, sizeof mine);
	if (pl->prof)
		td_profile_attach(&mine);
	for (;;) {
		pthread_mutex_lock(&pl->mu);
		while (pl->next < pl->n &&
		        pl->next >= pl->consumed + pl->window)
			pthread_cond_wait(&pl->cv, &pl->mu);
		if (pl->next >= pl->n) {
			if (pl->prof) {
				td_profile_attach(NULL);
				td_profile_add(pl->prof, &mine);
			}
			pthread_mutex_unlock(&pl->mu);
			return NULL;
		}
		job *j = &pl->jobs[pl->next++];
		pthread_mutex_unlock(&pl->mu);
		run_job(pl->p, j, pl->tei_dir);
		pthread_mutex_lock(&pl->mu);
		j->done = 1;
		pthread_cond_broadcast(&pl->cv);
		pthread_mutex_unlock(&pl->mu);
	}
}

/* No job is handed out any more: each worker finishes the one at hand and
 * returns. */
static void pool_stop(pool *pl)
{
	pthread_mutex_lock(&pl->mu);
	pl->n = pl->next;
	pthread_cond_broadcast(&pl->cv);
	pthread_mutex_unlock(&pl->mu);
}

/* Rewrites the document id old to id in d and in every attribute value
 * token made from it ("OLD-q1", "#OLD-q1-2"), so the links of a renamed
 * document still point inside it. */
static int rename_doc(td_doc *d, const char *id)
{
	const char *old = d->id ? d->id : "";
	size_t ol = strlen(old), nl = strlen(id);
	for (size_t i = 0; i < d->n_spans; i++) {
		td_span *sp = &d->spans[i];
		for (uint32_t a = 0; a < sp->n_attrs; a++) {
			const char *v = sp->attrs[a].value;
			size_t hits = 0;
			for (const char *t = v; (t = strstr(t, old)); t += ol)
				hits++;
			if (!ol || !hits)
				continue;
			char *o = malloc(strlen(v) + hits * nl + 1), *q = o;
			if (!o)
				return td_error(TD_ENOMEM, "out of memory");
			for (const char *t = v; *t;) {
				const char *tok = t;
				int hash = *t == '#';
				if (hash)
					t++;
				int at_start = tok == v || tok[-1] == ' ';
				if (at_start && !strncmp(t, old, ol) &&
				        (t[ol] == '\0' || t[ol] == '-' ||
				                t[ol] == ' ')) {
					if (hash)
						*q++ = '#';
					memcpy(q, id, nl);
					q += nl;
					t += ol;
				} else {
					*q++ = *tok;
					t = tok + 1;
				}
			}
			*q = '\0';
			free(sp->attrs[a].value);
			sp->attrs[a].value = o;
		}
	}
	char *n = strdup(id);
	if (!n)
		return td_error(TD_ENOMEM, "out of memory");
	free(d->id);
	d->id = n;
	return 0;
}

/* The id of a new or changed document: its own, or, when another source
 * holds it, the id with "-" and the first 8 (16, 24, ...) hex digits of
 * the SHA-256 of its source path. Deterministic: the same file gets the
 * same id on every run. */
static int choose_id(knowns *ks, td_doc *doc, const job *j, const char *src)
{
	char *holder;
	int rc = id_holder(ks, doc->id, &holder);
	if (rc || !holder || !strcmp(holder, src)) {
		free(holder);
		return rc;
	}
	char h[65];
	td_sha256_hex(src, strlen(src), h);
	size_t l = strlen(doc->id) + 66;
	char *cand = malloc(l);
	if (!cand) {
		free(holder);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (int n = 8; n <= 64 && !rc; n += 8) {
		char *o;
		snprintf(cand, l, "%s-%.*s", doc->id, n, h);
		if ((rc = id_holder(ks, cand, &o)))
			break;
		int free_id = !o || !strcmp(o, src);
		free(o);
		if (free_id)
			break;
	}
	if (!rc) {
		td_warn("%s: document id %s is already used by %s; this one "
		        "is %s",
		        j->path, doc->id, holder, cand);
		rc = rename_doc(doc, cand);
	}
	free(holder);
	free(cand);
	return rc;
}

/* The documents of a job into the writer, each under its source (the
 * file, or "FILE#teiK" when it holds several); the documents the file (or
 * the file it moved from) had before and that are not replaced are removed.
 * A moved file's documents keep the ids of those at the same place. */
static int add_file(td_writer *w, job *j, knowns *ks, pool_str *ps)
{
	int rc = 0;
	known k;
	const kset *old = j->moved.n ? &j->moved : &j->prev;
	/* the ids of the file's old documents are free for its new ones */
	for (size_t x = 0; x < old->n; x++)
		if ((rc = kn_get(ks, old->g[x], &k)) || (rc = id_free(ks, &k)))
			return rc;
	char **src = calloc(j->ndocs + 1, sizeof *src);
	if (!src)
		return td_error(TD_ENOMEM, "out of memory");
	size_t cl = strlen(j->canon);
	for (size_t i = 0; i < j->ndocs && !rc; i++) {
		td_doc *d = j->docs[i];
		char *s = malloc(cl + 32);
		if (s && j->ndocs == 1)
			memcpy(s, j->canon, cl + 1);
		else if (s)
			snprintf(s, cl + 32, "%s#tei%zu", j->canon, i + 1);
		if (!(s = keep(ps, s))) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		src[i] = s;
		for (size_t x = 0; x < j->moved.n && !rc; x++) {
			if ((rc = kn_get(ks, j->moved.g[x], &k)))
				break;
			if (k.canon && !strcmp(k.canon + k.file_len, s + cl)) {
				rc = rename_doc(d, k.id);
				break;
			}
		}
		if (!rc)
			rc = choose_id(ks, d, j, s);
		if (!rc)
			rc = td_writer_add_sha(w, d, s, j->sha);
		char *idk = rc ? NULL : keep(ps, strdup(d->id));
		if (!rc && !idk)
			rc = td_error(TD_ENOMEM, "out of memory");
		if (!rc)
			rc = smap_put(&ks->ids, idk, s);
	}
	for (size_t x = 0; x < old->n && !rc; x++) {
		int replaced = 0;
		if ((rc = kn_get(ks, old->g[x], &k)) || !k.source)
			break;
		for (size_t i = 0; i < j->ndocs && !replaced; i++)
			replaced = src[i] && !strcmp(src[i], k.source);
		if (!replaced)
			rc = td_writer_remove(w, k.source);
	}
	free(src);
	return rc;
}

static void free_docs(job *j)
{
	for (size_t i = 0; i < j->ndocs; i++)
		td_doc_free(j->docs[i]);
	free(j->docs);
	j->docs = NULL;
	j->ndocs = 0;
}

/* The tables of the live documents of the committed state (ix may be
 * NULL): each by its file, its id and its bytes. */
static int load_known(td_index *ix, knowns *ks)
{
	int rc;
	if ((rc = td_docmap_init(&ks->byfile, ix)) ||
	        (rc = td_docmap_init(&ks->byid, ix)) ||
	        (rc = td_docmap_init(&ks->bysha, ix)))
		return rc;
	if (!(ks->claimed = calloc(ks->byfile.first[ks->byfile.nsegs] + 1, 1)))
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; ix && i < td_index_nsegs(ix); i++) {
		td_seg *s = td_index_seg(ix, i);
		for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
			td_docinfo di;
			uint32_t g = (uint32_t)(ks->byfile.first[i] + d);
			size_t len;
			const char *key;
			if (!td_seg_doc_live(s, d))
				continue;
			if ((rc = td_seg_doc(s, d, &di)))
				return rc;
			if (!di.source)
				continue;
			if ((key = file_key(ks, &di, &len)))
				td_docmap_add(&ks->byfile, g, key, len);
			key = id_key(ks, &di, &len);
			td_docmap_add(&ks->byid, g, key, len);
			if ((key = sha_key(ks, &di, &len)))
				td_docmap_add(&ks->bysha, g, key, len);
			/* the pages read are not needed again */
			if (d % TD_TRIM_DOCS == TD_TRIM_DOCS - 1)
				td_seg_trim(s);
		}
		td_seg_trim(s);
	}
	return 0;
}

static void free_known(knowns *ks)
{
	td_docmap_clear(&ks->byfile);
	td_docmap_clear(&ks->byid);
	td_docmap_clear(&ks->bysha);
	free(ks->claimed);
	smap_clear(&ks->ids);
	free(ks->scratch);
}

static void group(char *out, size_t n, uint64_t v)
{
	char t[32];
	snprintf(t, sizeof t, "%llu", (unsigned long long)v);
	size_t len = strlen(t), k = 0;
	for (size_t i = 0; i < len && k + 2 < n; i++) {
		if (i && (len - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = t[i];
	}
	out[k] = '\0';
}

/* --merge-index: the shards' segments put into dir (hard links, or
 * copies), committed, then merged into one segment. */
static int combine(const td_ingest_opts *o, const char *dir)
{
	double t0 = now();
	td_writer *w;
	int rc;
	stop_old old;
	stop_begin(&old);
	if ((rc = td_writer_open(dir, 0, &w)))
		goto restore;
	td_writer_set_interrupt(w, &stop_sig);
	uint64_t gen0 = generation(dir);
	for (size_t i = 0; !rc && i < o->nmerge_from; i++)
		if ((rc = td_writer_add_index(w, o->merge_from[i])) &&
		        o->merge_where && o->merge_where[i]) {
			char msg[1024]; /* FILE:LINE of a --merge-list entry */
			snprintf(msg, sizeof msg, "%s", td_error_last());
			td_error(rc, "%s: %s", o->merge_where[i], msg);
		}
	if (!rc)
		rc = td_writer_commit(w);
	int committed = !rc && generation(dir) != gen0;
	if (!rc)
		rc = td_writer_merge(w);
	if (rc == TD_EINTR || stop_sig) {
		fprintf(stderr, "tagdex-ingest: interrupted: %s\n",
		        !committed ? "index unchanged"
		        : rc ? "the shards are committed (not merged: run "
		               "--merge "
		               "again)"
		             : "the shards are committed and merged");
		rc = 128 + stop_sig;
	} else if (!rc && !o->quiet) {
		td_index *ix = td_writer_base(w);
		char toks[48];
		group(toks, sizeof toks, ix ? td_index_ntokens(ix) : 0);
		fprintf(stderr,
		        "tagdex-ingest: %s: %zu indexes combined; %llu "
		        "documents, %s tokens, %zu segment%s in %.1f s\n",
		        dir, o->nmerge_from,
		        (unsigned long long)(ix ? td_index_ndocs(ix) : 0), toks,
		        ix ? td_index_nsegs(ix) : 0,
		        ix && td_index_nsegs(ix) == 1 ? "" : "s", now() - t0);
	}
	td_writer_close(w);
restore:
	stop_end(&old);
	return rc;
}

int td_ingest_index(const td_ingest_opts *o, const td_pipeline *p,
        char *const *paths, size_t n)
{
	if (o->nmerge_from)
		return combine(
		        o, o->index_dir ? o->index_dir : TD_DEFAULT_INDEX);
	const char *dir = o->index_dir ? o->index_dir : TD_DEFAULT_INDEX;
	int rc;
	if (o->check) {
		td_index *ix;
		/* this program gives each document its own id: one live
		 * twice is a lost "del" line (a moved file counted twice) */
		if ((rc = td_index_check_memory(dir,
		             o->memory ? o->memory : TD_WRITER_MEMORY,
		             TD_CHECK_IDS)) ||
		        (rc = td_index_open(dir, &ix)))
			return rc;
		if (!o->quiet)
			fprintf(stderr,
			        "tagdex-ingest: %s: ok, %llu documents, "
			        "%llu tokens, %zu segments\n",
			        dir, (unsigned long long)td_index_ndocs(ix),
			        (unsigned long long)td_index_ntokens(ix),
			        td_index_nsegs(ix));
		td_index_close(ix);
		return rc;
	}
	if (o->recover) {
		size_t kept, dropped;
		uint64_t docs;
		if ((rc = td_index_recover_flags(
		             dir, TD_RECOVER_IDS, &kept, &dropped, &docs)))
			return rc;
		if (!o->quiet)
			fprintf(stderr,
			        "tagdex-ingest: %s: recovered %llu documents "
			        "from %zu segments; %zu segments could not be "
			        "kept. "
			        "Documents removed since may be back: run with "
			        "--prune\n",
			        dir, (unsigned long long)docs, kept, dropped);
		return dropped ? 2 : 0; /* damage, reported: exit 4 */
	}
	/* --prune or --merge without inputs acts on an index that exists: a
	 * mistyped -x must not make an empty one and report success */
	if (n == 0 && (rc = td_manifest_require(dir)))
		return td_error(rc,
		        "%s; --prune and --merge without inputs act "
		        "on an existing index",
		        td_error_last());
	double t0 = now();
	td_writer *w;
	stop_old old;
	stop_begin(&old);
	/* the committed documents: each id once (TD_WRITE_UNIQUE_IDS), else a
	 * lost "del" line counts a moved file twice and this batch goes on
	 * from a wrong state */
	/* --profile: reading the committed state is "open" */
	const char *st = td_profile_enter("open");
	if ((rc = td_writer_open(dir,
	             TD_WRITE_UNIQUE_IDS | (o->rebuild ? TD_WRITE_REBUILD : 0) |
	                     (o->no_layers ? TD_WRITE_NO_LAYERS : 0),
	             &w))) {
		stop_end(&old);
		return rc;
	}
	td_writer_set_interrupt(w, &stop_sig);
	if (o->memory)
		td_writer_set_memory(w, o->memory);
	td_writer_set_threads(w, o->jobs);
	/* what a signal during the commits changed: told by the generation */
	uint64_t gen0 = generation(dir);
	int tty = !o->quiet && isatty(2);
	size_t failed = 0, added = 0, changed = 0, unchanged = 0, moved = 0;
	size_t removed = 0, unresolved = 0, skipped = 0, ndocs = 0;
	size_t kept_old = 0; /* failed files whose earlier version stays */
	job *jobs = NULL;
	size_t njobs = 0, cap_jobs = 0;
	smap seen = {0};
	smap written = {0};    /* -o: the TEI files of one input written */
	size_t tei_failed = 0; /* -o: inputs whose TEI was not written */
	pool_str ps = {0};
	knowns ks;
	memset(&ks, 0, sizeof ks);
	ks.ps = &ps;
	known kn;
	kset ksh = {0};
	if ((rc = load_known(td_writer_base(w), &ks)))
		goto out;
	td_profile_leave(st);
	/* expand each argument alone: a missing one fails only itself; a file
	 * named twice (two spellings, a directory and a file in it) is one */
	for (size_t i = 0; i < n; i++) {
		char **v;
		size_t k;
		if ((rc = td_collect_inputs(&paths[i], 1, &v, &k))) {
			/* out of memory is no bad input: nothing is
			 * committed */
			if (rc == TD_ENOMEM)
				goto out;
			fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
			failed++;
			rc = 0;
			continue;
		}
		if (TD_VEC_RESERVE_N(jobs, njobs + k + 1, cap_jobs, 16)) {
			td_free_inputs(v, k);
			rc = td_error(TD_ENOMEM, "out of memory");
			goto out;
		}
		for (size_t j = 0; j < k; j++) {
			char *canon = realpath(v[j], NULL);
			if (!canon && errno == ENOMEM) {
				td_free_inputs(v, k);
				rc = td_error(TD_ENOMEM, "out of memory");
				goto out;
			}
			if (!canon) {
				fprintf(stderr, "tagdex-ingest: %s: %s\n", v[j],
				        strerror(errno));
				failed++;
				continue;
			}
			/* with -o, a second spelling is a TEI input again,
			 * as -o alone takes it */
			int again = smap_get(&seen, canon) != NULL;
			if (again && !o->tei_dir) {
				free(canon);
				continue;
			}
			memset(&jobs[njobs], 0, sizeof *jobs);
			jobs[njobs].canon = canon;
			jobs[njobs].tei_only = again;
			jobs[njobs].path = normalize_path(v[j]);
			if (!jobs[njobs].path ||
			        (!again &&
			                (rc = smap_put(&seen, canon, canon)))) {
				free(jobs[njobs].path);
				free(canon);
				td_free_inputs(v, k);
				rc = td_error(TD_ENOMEM, "out of memory");
				goto out;
			}
			njobs++;
		}
		td_free_inputs(v, k);
	}
	if (o->rebuild && njobs == 0) {
		rc = td_error(TD_EUSAGE,
		        "--rebuild: no input file could be "
		        "read; the index %s was left as it was",
		        dir);
		goto out;
	}
	/* a file that a corpus root of this run includes is read through the
	 * root only, not a second time on its own (a root that cannot be
	 * read takes nothing away); what it was indexed as on its own goes */
	smap included = {0};
	for (size_t i = 0; i < njobs; i++) {
		char *data, **v = NULL;
		size_t len, k = 0;
		size_t pl = strlen(jobs[i].path);
		if (pl < 4 || strcasecmp(jobs[i].path + pl - 4, ".xml"))
			continue;
		if (td_read_file(jobs[i].path, &data, &len))
			continue; /* reported below */
		if (memmem(data, len, "http://www.w3.org/2001/XInclude", 31) &&
		        td_tei_included(jobs[i].path, data, len, &v, &k) == 0) {
			/* its bytes are its own and its included files' */
			char *hs = malloc(65 * (k + 1) + 1);
			if (hs)
				td_sha256_hex(data, len, hs);
			for (size_t x = 0; x < k && !rc; x++) {
				char *d2 = NULL;
				size_t l2 = 0;
				if (hs && !td_read_file(v[x], &d2, &l2))
					td_sha256_hex(
					        d2, l2, hs + 64 * (x + 1));
				else
					hs = (free(hs), NULL);
				free(d2);
				char *c = keep(&ps, v[x]);
				rc = c ? smap_put(&included, c, jobs[i].canon)
				       : td_error(TD_ENOMEM, "out of memory");
			}
			if (hs && !rc)
				td_sha256_hex(hs, 64 * (k + 1), jobs[i].combo);
			free(hs);
			free(v);
		}
		free(data);
		if (rc) {
			smap_clear(&included);
			goto out;
		}
	}
	size_t kept_n = 0;
	for (size_t i = 0; i < njobs; i++) {
		job *j = &jobs[i];
		const char *root = smap_get(&included, j->canon);
		if (!root || !strcmp(root, j->canon)) {
			jobs[kept_n++] = *j;
			continue;
		}
		rc = kset_file(&ks, j->canon, &ksh);
		for (size_t x = 0; x < ksh.n && !rc; x++) {
			if (ks.claimed[ksh.g[x]])
				continue;
			ks.claimed[ksh.g[x]] = 1;
			if (!(rc = kn_get(&ks, ksh.g[x], &kn)) &&
			        !(rc = id_free(&ks, &kn)))
				rc = td_writer_remove(w, kn.source);
			removed++;
		}
		free(j->path);
		free(j->canon);
		if (rc) {
			for (size_t x = i + 1; x < njobs; x++)
				jobs[kept_n++] = jobs[x];
			njobs = kept_n;
			smap_clear(&included);
			goto out;
		}
	}
	njobs = kept_n;
	smap_clear(&included);
	/* which sources changed: hash the bytes; unchanged ones are skipped;
	 * a new source with the bytes of a document whose file is gone is
	 * that document moved */
	size_t keep_n = 0;
	uint64_t total_bytes = 0;
	int fresh = ks.byfile.first[ks.byfile.nsegs] == 0;
	st = td_profile_enter("sources");
	for (size_t i = 0; i < njobs; i++) {
		char *data;
		size_t len;
		char sha[65];
		job *j = &jobs[i];
		if (stop_sig) { /* the rest is freed at out */
			for (size_t k = i; k < njobs; k++)
				jobs[keep_n++] = jobs[k];
			break;
		}
		if (j->tei_only) { /* a second spelling: its TEI only */
			jobs[keep_n++] = *j;
			continue;
		}
		/* an index without documents: none is unchanged or moved, so
		 * the file is read once, by a worker (which reports a failure
		 * with the same message), not first here on the one thread
		 * while the workers wait; its size is the progress line's */
		if (fresh) {
			struct stat sb;
			if (stat(j->path, &sb) == 0)
				total_bytes += (uint64_t)sb.st_size;
			j->state = TD_SOURCE_NEW;
			jobs[keep_n++] = *j;
			continue;
		}
		if ((rc = td_read_file(j->path, &data, &len))) {
			if (rc == TD_ENOMEM) { /* the rest is freed at out */
				for (size_t k = i; k < njobs; k++)
					jobs[keep_n++] = jobs[k];
				njobs = keep_n;
				goto out;
			}
			rc = 0;
			char msg[1024], note[160];
			kset prev = {0};
			snprintf(msg, sizeof msg, "%s", td_error_last());
			if (kset_file(&ks, j->canon, &prev) == 0)
				kept_note(&ks, &prev, note, sizeof note,
				        &kept_old);
			else
				note[0] = '\0';
			kset_clear(&prev);
			fprintf(stderr, "tagdex-ingest: %s%s\n", msg, note);
			failed++;
			free(j->path);
			free(j->canon);
			continue;
		}
		td_sha256_hex(data, len, sha);
		/* a corpus root's bytes are its own and its included files';
		 * one whose includes could not be listed is read again */
		int incl = !j->combo[0] &&
		           memmem(data, len, "http://www.w3.org/2001/XInclude",
		                   31);
		if (j->combo[0])
			memcpy(sha, j->combo, sizeof sha);
		free(data);
		if ((rc = kset_file(&ks, j->canon, &j->prev)) ||
		        (j->prev.n && (rc = kn_get(&ks, j->prev.g[0], &kn)))) {
			for (size_t k = i; k < njobs; k++)
				jobs[keep_n++] = jobs[k];
			njobs = keep_n;
			goto out;
		}
		if (j->prev.n) {
			for (size_t x = 0; x < j->prev.n; x++)
				ks.claimed[j->prev.g[x]] = 1;
			if (!strcmp(kn.sha, sha) && !o->rebuild && !incl) {
				unchanged++;
				if (o->tei_dir) { /* its TEI is written all the
					             same */
					j->tei_only = 1;
					jobs[keep_n++] = *j;
					continue;
				}
				free(j->path);
				free(j->canon);
				kset_clear(&j->prev);
				continue;
			}
			j->state = TD_SOURCE_CHANGED;
		} else {
			j->state = TD_SOURCE_NEW;
			rc = kset_find(&ks, &ks.bysha, sha_key, sha,
			        strlen(sha), &ksh);
			for (size_t x = 0; x < ksh.n && !rc; x++) {
				if (ks.claimed[ksh.g[x]] ||
				        (rc = kn_get(&ks, ksh.g[x], &kn)) ||
				        !kn_gone(&kn))
					continue;
				char *f = strndup(kn.canon, kn.file_len);
				rc = f ? kset_file(&ks, f, &j->moved)
				       : td_error(TD_ENOMEM, "out of memory");
				free(f);
				for (size_t y = 0; y < j->moved.n; y++)
					ks.claimed[j->moved.g[y]] = 1;
				break;
			}
			if (rc) {
				for (size_t k = i; k < njobs; k++)
					jobs[keep_n++] = jobs[k];
				njobs = keep_n;
				goto out;
			}
		}
		total_bytes += len;
		jobs[keep_n++] = *j;
	}
	td_profile_leave(st);
	njobs = keep_n;
	/* --prune: documents whose file is gone and that did not move */
	for (size_t i = 0; o->prune && td_writer_base(w) &&
	                   i < td_index_nsegs(td_writer_base(w));
	        i++) {
		td_seg *s = td_index_seg(td_writer_base(w), i);
		for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
			uint32_t g = (uint32_t)(ks.byfile.first[i] + d);
			if (!td_seg_doc_live(s, d) || ks.claimed[g])
				continue;
			if ((rc = kn_get(&ks, g, &kn)))
				goto out;
			if (!kn.source)
				continue;
			if (!kn.canon) {
				unresolved++;
				continue;
			}
			if (!kn_gone(&kn))
				continue;
			if ((rc = td_writer_remove(w, kn.source)))
				goto out;
			ks.claimed[g] = 1;
			removed++;
			if ((rc = id_free(&ks, &kn)))
				goto out;
		}
	}
	if (unresolved)
		td_warn("--prune: %zu documents were recorded with paths "
		        "relative "
		        "to the directory an older tagdex-ingest ran in and "
		        "are not "
		        "found from here; they were kept",
		        unresolved);
	/* -o: each input's TEI file; one named by an earlier input waits for
	 * the consumer (tei_done), which knows in order whether that one was
	 * written */
	smap opseen = {0};
	for (size_t i = 0; o->tei_dir && i < njobs; i++) {
		job *j = &jobs[i];
		if (!(j->op = tei_out_path(o->tei_dir, j->path))) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		if (smap_get(&opseen, j->op))
			j->tei_late = 1;
		else if ((rc = smap_put(&opseen, j->op, j)))
			break;
	}
	smap_clear(&opseen);
	if (rc)
		goto out;
	pool pl = {p, o->tei_dir, jobs, njobs, 0, 0,
	        (size_t)(o->jobs > 1 ? o->jobs : 1) * 4, o->profile,
	        PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
	size_t nthreads = o->jobs > 1 ? (size_t)o->jobs : 0, started = 0;
	pthread_t *th = nthreads ? calloc(nthreads, sizeof *th) : NULL;
	for (size_t i = 0; i < nthreads && th; i++)
		if (pthread_create(&th[i], NULL, worker, &pl) == 0)
			started++;
	uint64_t done_bytes = 0;
	double last = 0;
	for (size_t i = 0; i < njobs && !stop_sig; i++) {
		job *j = &jobs[i];
		if (started) {
			pthread_mutex_lock(&pl.mu);
			while (!j->done)
				pthread_cond_wait(&pl.cv, &pl.mu);
			pthread_mutex_unlock(&pl.mu);
		} else {
			run_job(p, j, o->tei_dir);
		}
		if (!j->tei_only)
			done_bytes += j->bytes;
		if (o->tei_dir)
			rc = tei_done(
			        j, o->tei_dir, &written, &tei_failed, tty);
		/* out of memory is no bad input: nothing is committed */
		if (j->rc == TD_ENOMEM && !j->tei_only)
			rc = td_error(TD_ENOMEM, "%s: out of memory", j->path);
		if (j->tei_only && !rc) {
			/* its TEI alone, as -o alone takes it */
			if (j->rc) {
				if (tty)
					fputs("\r\033[K", stderr);
				fprintf(stderr, "tagdex-ingest: %s\n",
				        j->msg ? j->msg : "error");
				tei_failed++;
			}
		} else if (j->rc && !rc) {
			char note[160];
			if (tty)
				fputs("\r\033[K", stderr);
			kept_note(&ks, &j->prev, note, sizeof note, &kept_old);
			fprintf(stderr, "tagdex-ingest: %s%s\n",
			        j->msg ? j->msg : "error", note);
			failed++;
		} else {
			/* a moved document keeps its id; a changed one whose
			 * source was recorded relative is recorded anew */
			st = td_profile_enter("segment");
			if (!rc)
				rc = add_file(w, j, &ks, &ps);
			td_profile_leave(st);
			if (rc && rc != TD_ENOMEM && rc != TD_EIO) {
				char msg[1024], note[160];
				snprintf(
				        msg, sizeof msg, "%s", td_error_last());
				kept_note(&ks, &j->prev, note, sizeof note,
				        &kept_old);
				fprintf(stderr, "tagdex-ingest: %s: %s%s\n",
				        j->path, msg, note);
				failed++;
				rc = 0;
			} else if (rc) {
				/* stop the workers before giving up */
				pool_stop(&pl);
				for (size_t k = 0; k < started; k++)
					pthread_join(th[k], NULL);
				started = 0;
				free(th);
				th = NULL;
				for (size_t k = i; k < njobs; k++)
					free_docs(&jobs[k]);
				goto out;
			} else if (!j->ndocs) {
				skipped++;
			} else if (j->moved.n) {
				if (!o->quiet &&
				        !kn_get(&ks, j->moved.g[0], &kn) &&
				        kn.source)
					fprintf(stderr,
					        "tagdex-ingest: %s: moved from "
					        "%.*s "
					        "(same bytes; id %s%s kept)\n",
					        j->path,
					        (int)file_len(kn.source),
					        kn.source, j->docs[0]->id,
					        j->ndocs > 1 ? " and the others"
					                     : "");
				moved++;
			} else if (j->state == TD_SOURCE_CHANGED) {
				changed++;
			} else {
				added++;
			}
			if (!rc)
				ndocs += j->ndocs;
		}
		st = td_profile_enter("free");
		free_docs(j);
		td_profile_leave(st);
		pthread_mutex_lock(&pl.mu);
		pl.consumed = i + 1;
		pthread_cond_broadcast(&pl.cv);
		pthread_mutex_unlock(&pl.mu);
		double t = now();
		if (tty && (t - last > 0.1 || i + 1 == njobs)) {
			double mbs = done_bytes / 1e6 /
			             (t - t0 > 1e-6 ? t - t0 : 1e-6);
			double eta = done_bytes ? (t - t0) *
			                                  (double)(total_bytes -
			                                           done_bytes) /
			                                  (double)done_bytes
			                        : 0;
			fprintf(stderr,
			        "\r\033[Ktagdex-ingest: %zu/%zu documents, "
			        "%.1f MB/s, ETA %.0f s",
			        i + 1, njobs, mbs, eta);
			last = t;
		}
	}
	if (stop_sig) /* let the workers finish the document at hand */
		pool_stop(&pl);
	for (size_t k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	free(th);
	if (tty && njobs)
		fputs("\r\033[K", stderr);
	if (stop_sig) {
		fprintf(stderr,
		        "tagdex-ingest: interrupted: index unchanged\n");
		rc = 128 + stop_sig;
		goto out;
	}
	st = td_profile_enter("commit");
	rc = td_writer_commit(w);
	td_profile_leave(st);
	if (rc == TD_EINTR) {
		fprintf(stderr,
		        "tagdex-ingest: interrupted: index unchanged\n");
		rc = 128 + stop_sig;
		goto out;
	}
	if (rc)
		goto out;
	/* did the commit change the index (a batch with nothing new does
	 * not) */
	int committed = generation(dir) != gen0;
	int mrc = 0;
	st = td_profile_enter("merge");
	if (o->merge && !stop_sig)
		mrc = td_writer_merge(w);
	td_profile_leave(st);
	if (mrc && mrc != TD_EINTR) {
		/* the batch is durable: say so rather than fail the run */
		td_warn("%s: the batch is committed, but the merge failed: %s "
		        "(the index is whole; run --merge again later)",
		        dir, td_error_last());
	}
	if (stop_sig) {
		int merged = o->merge && !mrc &&
		             generation(dir) != gen0 + (uint64_t)committed;
		fprintf(stderr, "tagdex-ingest: interrupted: %s%s\n",
		        committed ? "the batch is committed"
		        : merged  ? "the merge is committed"
		                  : "index unchanged",
		        committed && merged ? " and the segments merged"
		        : committed && o->merge
		                ? " (not merged: run --merge again)"
		                : "");
		rc = 128 + stop_sig;
		goto out;
	}
	if (!o->quiet) {
		char toks[48];
		group(toks, sizeof toks, td_writer_tokens_added(w));
		char sk[48] = "", ko[80] = "";
		if (skipped)
			snprintf(sk, sizeof sk, ", %zu skipped", skipped);
		if (kept_old)
			snprintf(ko, sizeof ko,
			        " (%zu still indexed as before)", kept_old);
		fprintf(stderr,
		        "tagdex-ingest: %zu added, %zu changed, %zu moved, "
		        "%zu unchanged, %zu removed, %zu failed%s%s; %zu "
		        "documents, "
		        "%s tokens in %.1f s\n",
		        added, changed, moved, unchanged, removed, failed, ko,
		        sk, ndocs, toks, now() - t0);
	}
out:
	smap_clear(&written);
	for (size_t i = 0; i < njobs; i++) {
		free(jobs[i].path);
		free(jobs[i].canon);
		free(jobs[i].msg);
		free(jobs[i].op);
		free(jobs[i].tei_msg);
		kset_clear(&jobs[i].prev);
		kset_clear(&jobs[i].moved);
		free_docs(&jobs[i]);
	}
	free(jobs);
	free_known(&ks);
	kset_clear(&ksh);
	td_writer_close(w);
	smap_clear(&seen);
	for (size_t i = 0; i < ps.n; i++)
		free(ps.v[i]);
	free(ps.v);
	stop_end(&old);
	if (rc)
		return rc;
	return failed || tei_failed ? 1 : 0;
}
