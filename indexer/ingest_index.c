/* ingest_index.c: the index mode of tagdex-ingest. Expands the inputs,
 * skips sources whose bytes are unchanged (SHA-256), runs the pipeline on
 * -j threads, adds the documents in input order (so the index does not
 * depend on thread timing) and commits once at the end. A failing file is
 * reported and skipped; the rest is committed. Sources are the paths as
 * given, relative to the current directory, without "./" or doubled "/". */
#include "config.h"
#include "index_int.h"
#include "pipeline.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct job {
	char *path;
	int state;       /* TD_SOURCE_* */
	int done;
	int rc;
	char *msg;       /* error message when rc != 0 */
	td_doc *doc;
	char sha[65];
	size_t bytes;
} job;

typedef struct pool {
	const td_pipeline *p;
	job *jobs;
	size_t n, next, consumed;
	size_t window;   /* how far workers may run ahead of the consumer */
	pthread_mutex_t mu;
	pthread_cond_t cv;
} pool;

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

static void run_job(const td_pipeline *p, job *j)
{
	char *data = NULL;
	size_t len = 0;
	int rc = td_read_file(j->path, &data, &len);
	if (!rc) {
		td_sha256_hex(data, len, j->sha);
		j->bytes = len;
		rc = td_pipeline_doc(p, j->path, data, len, &j->doc);
	}
	free(data);
	j->rc = rc;
	if (rc)
		j->msg = strdup(td_error_last());
}

static void *worker(void *arg)
{
	pool *pl = arg;
	for (;;) {
		pthread_mutex_lock(&pl->mu);
		while (pl->next < pl->n && pl->next >= pl->consumed + pl->window)
			pthread_cond_wait(&pl->cv, &pl->mu);
		if (pl->next >= pl->n) {
			pthread_mutex_unlock(&pl->mu);
			return NULL;
		}
		job *j = &pl->jobs[pl->next++];
		pthread_mutex_unlock(&pl->mu);
		run_job(pl->p, j);
		pthread_mutex_lock(&pl->mu);
		j->done = 1;
		pthread_cond_broadcast(&pl->cv);
		pthread_mutex_unlock(&pl->mu);
	}
}

typedef struct prune_ctx {
	td_writer *w;
	size_t removed;
	int rc;
} prune_ctx;

static int prune_one(void *ctx, const char *source)
{
	prune_ctx *c = ctx;
	if (access(source, F_OK) == 0 || errno != ENOENT)
		return 0;
	int rc = td_writer_remove(c->w, source);
	if (rc)
		return rc;
	c->removed++;
	return 0;
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

int td_ingest_index(const td_ingest_opts *o, const td_pipeline *p,
	char *const *paths, size_t n)
{
	const char *dir = o->index_dir ? o->index_dir : TD_DEFAULT_INDEX;
	int rc;
	if (o->check) {
		if ((rc = td_index_check(dir)))
			return rc;
		if (!o->quiet) {
			td_index *ix;
			if (!td_index_open(dir, &ix)) {
				fprintf(stderr, "tagdex-ingest: %s: ok, %llu documents, "
					"%llu tokens, %zu segments\n", dir,
					(unsigned long long)td_index_ndocs(ix),
					(unsigned long long)td_index_ntokens(ix),
					td_index_nsegs(ix));
				td_index_close(ix);
			}
		}
		return 0;
	}
	double t0 = now();
	td_writer *w;
	if ((rc = td_writer_open(dir, o->rebuild ? TD_WRITE_REBUILD : 0, &w)))
		return rc;
	int tty = !o->quiet && isatty(2);
	size_t failed = 0, added = 0, changed = 0, unchanged = 0;
	prune_ctx pc = {w, 0, 0};
	job *jobs = NULL;
	size_t njobs = 0;
	/* expand each argument alone: a missing one fails only itself */
	for (size_t i = 0; i < n; i++) {
		char **v;
		size_t k;
		if (td_collect_inputs(&paths[i], 1, &v, &k)) {
			fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
			failed++;
			continue;
		}
		job *nj = realloc(jobs, (njobs + k + 1) * sizeof *nj);
		if (!nj) {
			td_free_inputs(v, k);
			rc = td_error(TD_ENOMEM, "out of memory");
			goto out;
		}
		jobs = nj;
		for (size_t j = 0; j < k; j++) {
			memset(&jobs[njobs], 0, sizeof *jobs);
			jobs[njobs].path = normalize_path(v[j]);
			if (!jobs[njobs].path) {
				td_free_inputs(v, k);
				rc = td_error(TD_ENOMEM, "out of memory");
				goto out;
			}
			njobs++;
		}
		td_free_inputs(v, k);
	}
	if (o->prune && (rc = td_writer_each_source(w, prune_one, &pc)))
		goto out;
	/* which sources changed: hash the bytes; unchanged ones are skipped */
	size_t keep = 0;
	uint64_t total_bytes = 0;
	for (size_t i = 0; i < njobs; i++) {
		char *data;
		size_t len;
		char sha[65];
		if (td_read_file(jobs[i].path, &data, &len)) {
			fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
			failed++;
			free(jobs[i].path);
			continue;
		}
		td_sha256_hex(data, len, sha);
		free(data);
		int st = td_writer_source_state(w, jobs[i].path, sha);
		if (st == TD_SOURCE_UNCHANGED && !o->rebuild) {
			unchanged++;
			free(jobs[i].path);
			continue;
		}
		jobs[i].state = st;
		total_bytes += len;
		jobs[keep++] = jobs[i];
	}
	njobs = keep;
	pool pl = {p, jobs, njobs, 0, 0, (size_t)(o->jobs > 1 ? o->jobs : 1) * 4,
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
	size_t nthreads = o->jobs > 1 ? (size_t)o->jobs : 0, started = 0;
	pthread_t *th = nthreads ? calloc(nthreads, sizeof *th) : NULL;
	for (size_t i = 0; i < nthreads && th; i++)
		if (pthread_create(&th[i], NULL, worker, &pl) == 0)
			started++;
	uint64_t done_bytes = 0;
	double last = 0;
	for (size_t i = 0; i < njobs; i++) {
		job *j = &jobs[i];
		if (started) {
			pthread_mutex_lock(&pl.mu);
			while (!j->done)
				pthread_cond_wait(&pl.cv, &pl.mu);
			pthread_mutex_unlock(&pl.mu);
		} else {
			run_job(p, j);
		}
		done_bytes += j->bytes;
		if (j->rc) {
			if (tty)
				fputs("\r\033[K", stderr);
			fprintf(stderr, "tagdex-ingest: %s\n", j->msg ? j->msg : "error");
			failed++;
		} else {
			rc = td_writer_add_sha(w, j->doc, j->path, j->sha);
			if (rc && rc != TD_ENOMEM && rc != TD_EIO) {
				fprintf(stderr, "tagdex-ingest: %s: %s\n", j->path,
					td_error_last());
				failed++;
				rc = 0;
			} else if (rc) {
				/* stop the workers before giving up */
				pthread_mutex_lock(&pl.mu);
				pl.n = pl.next;
				pthread_cond_broadcast(&pl.cv);
				pthread_mutex_unlock(&pl.mu);
				for (size_t k = 0; k < started; k++)
					pthread_join(th[k], NULL);
				started = 0;
				free(th);
				th = NULL;
				for (size_t k = i; k < njobs; k++) {
					td_doc_free(jobs[k].doc);
					jobs[k].doc = NULL;
				}
				goto out;
			} else if (j->state == TD_SOURCE_CHANGED) {
				changed++;
			} else {
				added++;
			}
		}
		td_doc_free(j->doc);
		j->doc = NULL;
		pthread_mutex_lock(&pl.mu);
		pl.consumed = i + 1;
		pthread_cond_broadcast(&pl.cv);
		pthread_mutex_unlock(&pl.mu);
		double t = now();
		if (tty && (t - last > 0.1 || i + 1 == njobs)) {
			double mbs = done_bytes / 1e6 / (t - t0 > 1e-6 ? t - t0 : 1e-6);
			double eta = done_bytes ? (t - t0) *
				(double)(total_bytes - done_bytes) / (double)done_bytes : 0;
			fprintf(stderr, "\r\033[Ktagdex-ingest: %zu/%zu documents, "
				"%.1f MB/s, ETA %.0f s", i + 1, njobs, mbs, eta);
			last = t;
		}
	}
	for (size_t k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	free(th);
	if (tty && njobs)
		fputs("\r\033[K", stderr);
	if ((rc = td_writer_commit(w)))
		goto out;
	if (o->merge && (rc = td_writer_merge(w)))
		goto out;
	if (!o->quiet) {
		char toks[48];
		group(toks, sizeof toks, td_writer_tokens_added(w));
		fprintf(stderr, "tagdex-ingest: %zu added, %zu changed, %zu "
			"unchanged, %zu removed, %zu failed; %s tokens in %.1f s\n",
			added, changed, unchanged, pc.removed, failed, toks,
			now() - t0);
	}
out:
	for (size_t i = 0; i < njobs; i++) {
		free(jobs[i].path);
		free(jobs[i].msg);
		td_doc_free(jobs[i].doc);
	}
	free(jobs);
	td_writer_close(w);
	if (rc)
		return rc;
	return failed ? 1 : 0;
}
