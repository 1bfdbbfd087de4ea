/* test_oom.c: out-of-memory injection at every allocation of a commit
 * (issue 12; SQLite's malloc-failure loop) and of a query (a term not
 * decoded for want of memory is TD_ENOMEM, never damage). This program is
 * linked with -Wl,--wrap for malloc, calloc, realloc, strdup, strndup,
 * open_memstream and realpath, so every allocation the library makes goes
 * through fail_now(); nothing of this exists in the library or the programs.
 *
 * For k = 1, 2, ... the k-th allocation of an operation fails (once, or
 * from then on), until a run no longer reaches k. The operation must then
 * either fail with TD_ENOMEM ("out of memory") and leave the index exactly
 * as it was (the same MANIFEST bytes, the same files, --check passes, the
 * same dump), or succeed with exactly the state of a run without failure.
 * Leaks on the error paths are found by valgrind (make check-valgrind) and
 * LeakSanitizer (the ASan build), which run this program as it is.
 *
 * TAGDEX_OOM_STEP=N tries every N-th allocation only (default 1, 4 under
 * valgrind; failing from k on, every 4N-th);
 * TD_OOM_TRACE=1 prints a backtrace at each failing allocation. */
#include "config.h"
#include "segment.h"
#include "segbuild.h"
#include "ingest.h"
#include "ast.h"
#include "plan.h"
#include "exec.h"
#include "freq.h"
#include "kwic.h"
#include "lookup.h"
#include "render.h"
#include "sort.h"
#include "stats.h"
#include "util.h"
#include "index.h"
#include "tagdex.h"
#include "error.h"

#include <dirent.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

/* ------------------------------------------------ the allocation hook */

static long alloc_count;   /* allocations since arm() */
static long alloc_fail_at; /* 0: none fails */
static int alloc_persist;  /* every allocation from fail_at on fails */
static long alloc_failed;  /* allocations refused since arm() */
static int alloc_trace;    /* TD_OOM_TRACE: a backtrace at each failure */
/* while set, the allocations refused on a thread other than main_thread
 * are counted in alloc_failed_off (test_segjob_oom); the counts are
 * atomic, as a segment's write allocates on several threads */
static int watch_threads;
static pthread_t main_thread;
static long alloc_failed_off;

static void arm(long k, int persist)
{
	alloc_count = 0;
	alloc_failed = 0;
	alloc_persist = persist;
	alloc_fail_at = k;
}

static void disarm(void)
{
	alloc_fail_at = 0;
}

static int fail_now(void)
{
	if (alloc_fail_at <= 0)
		return 0;
	long n = __atomic_add_fetch(&alloc_count, 1, __ATOMIC_RELAXED);
	if (n == alloc_fail_at || (alloc_persist && n > alloc_fail_at)) {
		if (alloc_trace && !alloc_failed) {
			void *bt[32];
			fprintf(stderr, "allocation %ld fails:\n", n);
			backtrace_symbols_fd(bt, backtrace(bt, 32), 2);
		}
		__atomic_add_fetch(&alloc_failed, 1, __ATOMIC_RELAXED);
		if (watch_threads &&
		        !pthread_equal(pthread_self(), main_thread))
			__atomic_add_fetch(
			        &alloc_failed_off, 1, __ATOMIC_RELAXED);
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *__real_malloc(size_t n);
void *__real_calloc(size_t a, size_t b);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
FILE *__real_open_memstream(char **p, size_t *n);
char *__real_realpath(const char *path, char *resolved);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t a, size_t b);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);
FILE *__wrap_open_memstream(char **p, size_t *n);
char *__wrap_realpath(const char *path, char *resolved);

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t a, size_t b)
{
	return fail_now() ? NULL : __real_calloc(a, b);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return fail_now() ? NULL : __real_strndup(s, n);
}

FILE *__wrap_open_memstream(char **p, size_t *n)
{
	return fail_now() ? NULL : __real_open_memstream(p, n);
}

char *__wrap_realpath(const char *path, char *resolved)
{
	if (!resolved && fail_now())
		return NULL;
	return __real_realpath(path, resolved);
}

/* ------------------------------------------------------------ fixtures */

/* On tmpfs when there is one: the loops commit thousands of times, and
 * each commit's fsyncs on a disk cost more than the rest of the test;
 * durability is not what this test is about. */
static char tmpl_shm[] = "/dev/shm/td-oom-XXXXXX";
static char tmpl[] = "/tmp/td-oom-XXXXXX";
static char *root;
static long step = 1;

static td_doc *make_doc(const char *id, const char *text)
{
	td_doc *d;
	size_t len = strlen(text);
	assert_int_equal(td_doc_new(id, text, len, &d), 0);
	assert_int_equal(td_meta_set(&d->meta.title, id), 0);
	assert_int_equal(td_meta_set(&d->meta.date, "2024-01-19"), 0);
	assert_int_equal(
	        td_doc_add_actor(d, "kim-jong-un", "person", "Kim Jong Un"), 0);
	assert_int_equal(td_doc_add_span(d, "text", 0, len, NULL, NULL), 0);
	assert_int_equal(td_doc_add_span(d, "s", 0, len / 2, NULL, "xml:id",
	                         "s1", "ana", "#claim", NULL),
	        0);
	assert_int_equal(td_doc_add_span(d, "persName", 0, 3, NULL, "ref",
	                         "#kim-jong-un", NULL),
	        0);
	td_doc_sort_spans(d);
	return d;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every live document of dir (source, hash, id, text, spans, norm terms),
 * sorted: two states with the same dump answer every query alike. */
static char *dump(const char *dir)
{
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	char **parts = NULL;
	size_t n = 0;
	for (size_t i = 0; i < td_index_nsegs(ix); i++) {
		td_seg *s = td_index_seg(ix, i);
		for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
			if (!td_seg_doc_live(s, d))
				continue;
			td_doc *doc;
			const char *src, *sha;
			assert_int_equal(
			        td_seg_doc_load(s, d, &doc, &src, &sha), 0);
			char *buf = NULL;
			size_t len = 0;
			FILE *f = open_memstream(&buf, &len);
			assert_non_null(f);
			fprintf(f, "%s|%s|%s|%s\n", src, sha ? sha : "",
			        doc->id,
			        doc->meta.title ? doc->meta.title : "");
			fwrite(doc->text, 1, doc->len, f);
			for (size_t k = 0; k < doc->n_spans; k++) {
				fprintf(f, "\n%s %zu %zu", doc->spans[k].name,
				        doc->spans[k].start, doc->spans[k].end);
				for (uint32_t j = 0; j < doc->spans[k].n_attrs;
				        j++)
					fprintf(f, " %s=%s",
					        doc->spans[k].attrs[j].name,
					        doc->spans[k].attrs[j].value);
			}
			td_docinfo di;
			assert_int_equal(td_seg_doc(s, d, &di), 0);
			for (uint32_t p = di.first_tok;
			        p < di.first_tok + di.ntok; p++)
				fprintf(f, " %s",
				        td_seg_lex_term(s, TD_LAYER_NORM,
				                td_seg_id_at(
				                        s, TD_LAYER_NORM, p),
				                NULL));
			fclose(f);
			parts = realloc(parts, (n + 1) * sizeof *parts);
			assert_non_null(parts);
			parts[n++] = buf;
			td_doc_free(doc);
		}
	}
	td_index_close(ix);
	if (n)
		qsort(parts, n, sizeof *parts, cmp_str);
	size_t total = 1;
	for (size_t i = 0; i < n; i++)
		total += strlen(parts[i]) + 1;
	char *out = calloc(1, total);
	assert_non_null(out);
	for (size_t i = 0; i < n; i++) {
		strcat(out, parts[i]);
		strcat(out, "\n");
		free(parts[i]);
	}
	free(parts);
	return out;
}

static char *read_all(const char *path)
{
	char *data;
	size_t len;
	assert_int_equal(td_read_file(path, &data, &len), 0);
	return data;
}

/* The exact state of an index directory: MANIFEST's bytes, the names and
 * sizes of its files (LOCK aside: it only names the last writer's pid),
 * and the dump. */
static char *state_of(const char *dir)
{
	char p[512], *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	snprintf(p, sizeof p, "%s/MANIFEST", dir);
	char *m = read_all(p);
	fprintf(f, "%s--\n", m);
	free(m);
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	assert_true(n >= 0);
	for (int i = 0; i < n; i++) {
		struct stat st;
		snprintf(p, sizeof p, "%s/%s", dir, names[i]->d_name);
		if (names[i]->d_name[0] != '.' &&
		        strcmp(names[i]->d_name, "LOCK") && stat(p, &st) == 0)
			fprintf(f, "%s %lld\n", names[i]->d_name,
			        (long long)st.st_size);
		free(names[i]);
	}
	free(names);
	char *d = dump(dir);
	fprintf(f, "--\n%s", d);
	free(d);
	fclose(f);
	return buf;
}

/* The part of state_of() after the file list: what a query can see. */
static const char *docs_of(const char *state)
{
	const char *d = strstr(state, "\n--\n");
	d = d ? strstr(d + 4, "\n--\n") : NULL;
	assert_non_null(d);
	return d + 4;
}

/* Empties dir (a flat index directory) and removes it, if it exists. */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char p[600];
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		assert_int_equal(unlink(p), 0);
	}
	closedir(d);
	assert_int_equal(rmdir(dir), 0);
}

/* A fresh copy of the index directory from in to (no fork: the loops
 * copy thousands of times, under valgrind too). */
static void copy_dir(const char *from, const char *to)
{
	remove_dir(to);
	assert_int_equal(mkdir(to, 0755), 0);
	DIR *d = opendir(from);
	assert_non_null(d);
	struct dirent *e;
	char p[600], q[600];
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof p, "%s/%s", from, e->d_name);
		snprintf(q, sizeof q, "%s/%s", to, e->d_name);
		char *data;
		size_t len;
		assert_int_equal(td_read_file(p, &data, &len), 0);
		int fd = open(q, O_WRONLY | O_CREAT | O_EXCL, 0644);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, data, len), (ssize_t)len);
		close(fd);
		free(data);
	}
	closedir(d);
}

/* ---------------------------------------------------- the operations */

enum {
	OP_ADD,
	OP_CHANGE,
	OP_PRUNE,
	OP_MERGE,
	OP_REBUILD,
	OP_AUTOMERGE,
	OP_RECOVER,
	NOPS
};
static const char *op_name[] = {"add", "change", "prune", "merge", "rebuild",
        "commit+automatic merge", "recover"};

static td_doc *docs[4];

static int add(td_writer *w, int i, const char *source)
{
	char sha[65];
	td_sha256_hex(docs[i]->text, docs[i]->len, sha);
	return td_writer_add_sha(w, docs[i], source, sha);
}

static int run_op(const char *dir, int op)
{
	td_writer *w;
	int rc;
	if (op == OP_RECOVER) {
		size_t kept, dropped;
		uint64_t n;
		return td_index_recover(dir, &kept, &dropped, &n);
	}
	if ((rc = td_writer_open(
	             dir, op == OP_REBUILD ? TD_WRITE_REBUILD : 0, &w)))
		return rc;
	switch (op) {
	case OP_ADD: /* a batch of two new documents */
		if (!(rc = add(w, 2, "c.txt")))
			rc = add(w, 3, "d.txt");
		break;
	case OP_CHANGE:
		rc = add(w, 2, "b.txt");
		break;
	case OP_PRUNE:
		rc = td_writer_remove(w, "a.txt");
		break;
	case OP_REBUILD:
		if (!(rc = add(w, 0, "a.txt")))
			rc = add(w, 3, "d.txt");
		break;
	case OP_AUTOMERGE:
		rc = add(w, 3, "d.txt");
		break;
	}
	if (!rc)
		rc = op == OP_MERGE ? td_writer_merge(w) : td_writer_commit(w);
	td_writer_close(w);
	return rc;
}

/* Runs op on a copy of base at every k-th allocation failing, once or
 * (persist) from then on; returns the number of runs that failed. */
static long oom_loop(const char *base, int op, int persist, long *allocs)
{
	/* failing from k on mostly takes the paths failing at k takes:
	 * a quarter of the values of k */
	long by = persist ? 4 * step : step;
	char dir[300];
	snprintf(dir, sizeof dir, "%s/want", root);
	copy_dir(base, dir);
	char *old = state_of(base);
	assert_int_equal(run_op(dir, op), 0);
	char *want = state_of(dir);
	assert_string_not_equal(want, old);
	snprintf(dir, sizeof dir, "%s/run", root);
	long failures = 0, k;
	int reached = 1;
	for (k = 1; reached; k += by) {
		copy_dir(base, dir);
		td_error_clear();
		arm(k, persist);
		int rc = run_op(dir, op);
		reached = alloc_failed > 0;
		disarm();
		if (!reached) {
			*allocs = alloc_count;
			assert_int_equal(rc, 0);
		}
		if (rc != 0 && rc != TD_ENOMEM)
			fail_msg("%s, allocation %ld failing%s: code %d: %s",
			        op_name[op], k, persist ? " on" : "", rc,
			        td_error_last());
		if (rc == TD_ENOMEM &&
		        !strstr(td_error_last(), "out of memory"))
			fail_msg("%s, allocation %ld: message: %s", op_name[op],
			        k, td_error_last());
		assert_int_equal(td_index_check(dir), 0);
		char *now = state_of(dir);
		if (rc == TD_ENOMEM && strcmp(now, old))
			fail_msg("%s, allocation %ld failing%s: out of memory, "
			         "but the index changed:\n%s\ninstead of\n%s",
			        op_name[op], k, persist ? " on" : "", now, old);
		/* success: the state of a run without failure (the automatic
		 * merge may have failed with a warning: the same documents) */
		if (rc == 0 && (op == OP_AUTOMERGE ? strcmp(docs_of(now),
		                                             docs_of(want))
		                                   : strcmp(now, want)))
			fail_msg("%s, allocation %ld failing%s: success, but "
			         "not "
			         "the new state",
			        op_name[op], k, persist ? " on" : "");
		failures += rc != 0;
		free(now);
	}
	free(old);
	free(want);
	return failures;
}

static int quiet_warn_calls;

static void quiet_warn(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
	quiet_warn_calls++;
}

static const char *texts[] = {
        "Kim Jong Un said the talks would likely fail. Analysts disagreed.",
        "The sanctions will probably hold, officials said on Monday.",
        "Kim's envoy may return to Seoul; nobody expects a deal soon.",
        "Experts warned that the missile tests could resume by spring.",
};

static void test_writer_oom(void **state)
{
	(void)state;
	char base[300], base8[300];
	snprintf(base, sizeof base, "%s/base", root);
	snprintf(base8, sizeof base8, "%s/base8", root);
	td_writer *w;
	/* two segments: a.txt, then b.txt */
	assert_int_equal(td_writer_open(base, 0, &w), 0);
	assert_int_equal(add(w, 0, "a.txt"), 0);
	assert_int_equal(td_writer_commit(w), 0);
	assert_int_equal(add(w, 1, "b.txt"), 0);
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	/* eight segments: the next commit merges */
	assert_int_equal(td_writer_open(base8, 0, &w), 0);
	for (int i = 0; i < 8; i++) {
		char src[32];
		snprintf(src, sizeof src, "x%d.txt", i);
		assert_int_equal(add(w, i % 3, src), 0);
		assert_int_equal(td_writer_commit(w), 0);
	}
	td_writer_close(w);
	td_set_warn(quiet_warn, NULL);
	for (int persist = 0; persist < 2; persist++) {
		for (int op = 0; op < NOPS; op++) {
			long allocs = 0;
			long f = oom_loop(op == OP_AUTOMERGE ? base8 : base, op,
			        persist, &allocs);
			fprintf(stderr,
			        "%s: %ld allocations, %ld runs out of "
			        "memory%s\n",
			        op_name[op], allocs, f,
			        persist ? " (every allocation from k on "
			                  "failing)"
			                : "");
			assert_true(f > 0);
		}
	}
	td_set_warn(NULL, NULL);
}

/* tagdex-ingest's index mode (td_ingest_index, linked into this program):
 * a new, a changed and a removed TEI source with --prune and --merge. */
static const char *tei_fmt =
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"t%d\"><teiHeader>"
        "<fileDesc><titleStmt><title>T%d</title></titleStmt></fileDesc>"
        "</teiHeader><text><body><p><s>%s</s></p></body></text></TEI>\n";

static void write_tei(const char *dir, int i, const char *text)
{
	char p[400];
	snprintf(p, sizeof p, "%s/t%d.xml", dir, i);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fprintf(f, tei_fmt, i, i, text);
	assert_int_equal(fclose(f), 0);
}

static char src_dir[300];

static int run_ingest(const char *dir)
{
	td_ingest_opts o = {0};
	td_pipeline p = {0};
	char *paths[] = {src_dir};
	o.index_dir = dir;
	o.jobs = 1;
	o.prune = 1;
	o.merge = 1;
	o.quiet = 1;
	return td_ingest_index(&o, &p, paths, 1);
}

static void test_ingest_oom(void **state)
{
	(void)state;
	char base[300], dir[300];
	snprintf(src_dir, sizeof src_dir, "%s/src", root);
	snprintf(base, sizeof base, "%s/ibase", root);
	assert_int_equal(mkdir(src_dir, 0755), 0);
	write_tei(src_dir, 1, texts[0]);
	write_tei(src_dir, 2, texts[1]);
	assert_int_equal(run_ingest(base), 0);
	write_tei(src_dir, 3, texts[2]);
	assert_int_equal(run_ingest(base), 0);
	/* the batch: t1 gone, t2 changed, t4 new */
	char p[400];
	snprintf(p, sizeof p, "%s/t1.xml", src_dir);
	assert_int_equal(unlink(p), 0);
	write_tei(src_dir, 2, texts[3]);
	write_tei(src_dir, 4, texts[0]);
	char *old = state_of(base);
	snprintf(dir, sizeof dir, "%s/iwant", root);
	copy_dir(base, dir);
	assert_int_equal(run_ingest(dir), 0);
	char *want = state_of(dir);
	assert_string_not_equal(want, old);
	snprintf(dir, sizeof dir, "%s/irun", root);
	long k, failures = 0, allocs = 0;
	int reached = 1;
	for (k = 1; reached; k += step) {
		copy_dir(base, dir);
		td_error_clear();
		arm(k, 0);
		int rc = run_ingest(dir);
		reached = alloc_failed > 0;
		allocs = alloc_count;
		disarm();
		if (rc != 0 && rc != TD_ENOMEM)
			fail_msg("ingest, allocation %ld failing: code %d: %s",
			        k, rc, td_error_last());
		if (rc == TD_ENOMEM &&
		        !strstr(td_error_last(), "out of memory"))
			fail_msg("ingest, allocation %ld: message: %s", k,
			        td_error_last());
		assert_int_equal(td_index_check(dir), 0);
		char *now = state_of(dir);
		if (rc == TD_ENOMEM && strcmp(now, old))
			fail_msg("ingest, allocation %ld failing: out of "
			         "memory, but "
			         "the index changed",
			        k);
		if (rc == 0 && strcmp(docs_of(now), docs_of(want)))
			fail_msg("ingest, allocation %ld failing: success, but "
			         "not "
			         "the new state",
			        k);
		failures += rc != 0;
		free(now);
	}
	fprintf(stderr,
	        "tagdex-ingest -x --prune --merge: %ld allocations, "
	        "%ld runs out of memory\n",
	        allocs, failures);
	assert_true(failures > 0);
	free(old);
	free(want);
}

/* tq_plan_new of queries with labels, a target and a global constraint
 * (plan.c copies the query without them, node by node): the k-th
 * allocation fails, once or from then on; the plan is TD_ENOMEM and
 * nothing is freed twice or lost (glibc, ASan and valgrind see to that),
 * or it is made all the same. */
static void test_plan_oom(void **state)
{
	(void)state;
	static const char *const queries[] = {
	        "a:[word=\"the\"] []{0,2} b:[pos=a.pos] :: a.word = b.word",
	        "@[lemma=\"say\"] (\"that\" | \"if\") a:[] [word=a.word]",
	};
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		for (int persist = 0; persist < 2; persist++) {
			long failures = 0;
			for (long k = 1;; k += step) {
				tq_node *ast = NULL;
				tq_plan *p = NULL;
				assert_int_equal(
				        tq_parse(queries[q], strlen(queries[q]),
				                &ast),
				        0);
				arm(k, persist);
				int rc = tq_plan_new(ast, &p);
				long failed = alloc_failed;
				disarm();
				tq_plan_free(p);
				tq_node_free(ast);
				if (!failed) {
					assert_int_equal(rc, 0);
					break;
				}
				/* an allocation the plan can do without */
				if (rc == 0)
					continue;
				assert_int_equal(rc, TD_ENOMEM);
				assert_null(p);
				failures++;
			}
			assert_true(failures > 0);
		}
	}
}

/* The token layers' strings (td_toklayers_put, which grows its buffer by
 * TD_VEC_RESERVE_N): the k-th allocation fails, once or from then on; a
 * put is TD_ENOMEM and every string put before it reads back as it was,
 * or all 40 are put. */
static void test_toklayers_oom(void **state)
{
	(void)state;
	enum { N = 40 };
	for (int persist = 0; persist < 2; persist++) {
		long failures = 0;
		for (long k = 1;; k += step) {
			td_toklayers *l = NULL;
			uint32_t off[N];
			char w[N][32];
			int i = 0;
			arm(k, persist);
			int rc = td_toklayers_new(2, &l);
			for (; !rc && i < N; i++) {
				snprintf(w[i], sizeof w[i],
				        "lemma-%02d-abcdefghij", i);
				rc = td_toklayers_put(l, w[i], &off[i]);
			}
			long failed = alloc_failed;
			disarm();
			if (!failed) {
				assert_int_equal(rc, 0);
				assert_int_equal(i, N);
			} else if (rc) {
				assert_int_equal(rc, TD_ENOMEM);
				i--; /* the put that failed */
				failures++;
			}
			for (int j = 0; j < i; j++)
				assert_string_equal(l->buf + off[j], w[j]);
			td_toklayers_free(l);
			if (!failed)
				break;
		}
		assert_true(failures > 0);
	}
}

/* Queries over an index opened before the loop arms the hook, so that
 * the lexicon's blocks of terms (format 20: decoded into malloc'd memory
 * on first use) are decoded inside the query: term lookups, a regex and a
 * prefix over the lexicon, label conditions, sort keys, frequency tables,
 * collocates, keywords, n-grams, JSON tokens and an actor's mentions. The
 * k-th allocation fails, once or from then on; the query is TD_ENOMEM with
 * "out of memory" (never TD_ECORRUPT, "damaged", nor an answer with a term
 * missing), or it gives the answer of a run without failure. */
enum {
	QOP_COUNT,
	QOP_HITS,
	QOP_PREFIX,
	QOP_LABELS,
	QOP_SORT,
	QOP_FREQ,
	QOP_TERMS,
	QOP_COLLOC,
	QOP_KEYWORDS,
	QOP_NGRAMS,
	QOP_JSON,
	QOP_ACTOR,
	NQOPS
};
static const char *const qop_query[NQOPS] = {
        "\"likely\"",
        "[word=\".*ly|.*s\"]",
        "\"pro.*\"",
        "a:[] [] :: a.norm = \"the|kim\"",
        "\"the\"",
        "[] \"said\"",
        "[norm=\".*s\"]",
        "\"said\"",
        "\"the\"",
        NULL,
        "@[] \"said\"",
        NULL,
};

static int freq_term(void *ctx, const char *term, size_t len, uint64_t n)
{
	return tq_freq_add_key(ctx, term, len, n);
}

static int freq_hit(void *ctx, const tq_hit *h)
{
	return tq_freq_add(ctx, h);
}

/* Query op qop over ix with plan p (NULL for those without a query), its
 * answer printed to out. */
static int run_qop(td_index *ix, tq_plan *p, int qop, FILE *out)
{
	tq_filter f = {0};
	tq_stat_table *t = NULL;
	tq_hit *hits = NULL;
	size_t nhits = 0;
	int rc = 0;
	switch (qop) {
	case QOP_COUNT: {
		uint64_t n = 0;
		if (!(rc = tq_count(ix, p, &f, &n)))
			fprintf(out, "%llu\n", (unsigned long long)n);
		break;
	}
	case QOP_HITS:
	case QOP_PREFIX:
	case QOP_LABELS:
	case QOP_SORT:
	case QOP_JSON: {
		tq_sort *so = NULL;
		tq_kwic_opts ko = {.words = 2};
		rc = tq_stats_hits(ix, p, &f, &hits, &nhits);
		if (!rc && qop == QOP_SORT &&
		        !(rc = tq_sort_new("right1,match", TQ_COLL_BYTES, &so)))
			rc = tq_hits_sort(hits, nhits, &ko, so);
		for (size_t i = 0; !rc && i < nhits; i++) {
			fprintf(out, "%zu %u %u\n", hits[i].segno,
			        hits[i].start, hits[i].end);
			if (qop != QOP_JSON)
				continue;
			tq_line l;
			if (!(rc = tq_line_make(&hits[i], &ko, &l))) {
				rc = tq_json_print_tokens(out, &l, 1);
				tq_line_clear(&l);
			}
		}
		tq_sort_free(so);
		break;
	}
	case QOP_FREQ:
	case QOP_TERMS: {
		tq_freq *fr = NULL;
		if ((rc = tq_freq_new(
		             tq_freq_by(qop == QOP_FREQ ? "match" : "norm"),
		             &fr)))
			break;
		rc = qop == QOP_FREQ ? tq_exec(ix, p, &f, freq_hit, fr)
		                     : tq_exec_terms(ix, p, &f, TD_LAYER_NORM,
		                               freq_term, freq_hit, fr);
		if (!rc) {
			long r = tq_freq_print(fr, out, 1000, TQ_OUT_TSV);
			rc = r < 0 ? (int)r : 0;
		}
		tq_freq_free(fr);
		break;
	}
	case QOP_COLLOC: {
		tq_coll_opts o = {.layer = TD_LAYER_WORD,
		        .left = 3,
		        .right = 3,
		        .min_freq = 1,
		        .min_pair = 1};
		rc = tq_collocates(ix, p, &f, &o, &t);
		break;
	}
	case QOP_KEYWORDS: {
		tq_kw_opts o = {.layer = TD_LAYER_NORM, .alpha = 1};
		rc = tq_keywords(ix, p, NULL, &f, &o, &t);
		break;
	}
	case QOP_NGRAMS:
		rc = tq_ngrams(ix, NULL, &f, TD_LAYER_WORD, 2, 1, &t);
		break;
	case QOP_ACTOR: {
		tq_lookup l = {0};
		if (!(rc = tq_lookup_actor(ix, "Kim Jong Un", 0, &l)))
			fprintf(out, "%d %s\n", l.kind,
			        l.pattern ? l.pattern : "-");
		tq_lookup_clear(&l);
		break;
	}
	}
	if (!rc && t) {
		long r = tq_stat_print(t, out, TQ_OUT_TSV);
		rc = r < 0 ? (int)r : 0;
	}
	tq_stat_free(t);
	free(hits);
	return rc;
}

/* The answer of qop over dir, or NULL with *rc its error; allocations
 * armed at k (0: none) after the index is opened and the plan made. */
static char *qop_answer(const char *dir, int qop, long k, int persist, int *rc)
{
	td_index *ix;
	tq_node *ast = NULL;
	tq_plan *p = NULL;
	const char *text = qop_query[qop];
	assert_int_equal(td_index_open(dir, &ix), 0);
	if (text) {
		assert_int_equal(tq_parse(text, strlen(text), &ast), 0);
		assert_int_equal(tq_plan_new(ast, &p), 0);
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	td_error_clear();
	if (k)
		arm(k, persist);
	*rc = run_qop(ix, p, qop, out);
	disarm();
	fclose(out);
	tq_plan_free(p);
	tq_node_free(ast);
	td_index_close(ix);
	if (*rc) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void test_query_oom(void **state)
{
	(void)state;
	char dir[300];
	long bad = 0;
	snprintf(src_dir, sizeof src_dir, "%s/qsrc", root);
	snprintf(dir, sizeof dir, "%s/qidx", root);
	assert_int_equal(mkdir(src_dir, 0755), 0);
	/* two segments from TEI, each lexicon more than one block of terms */
	for (int i = 0; i < 4; i++)
		write_tei(src_dir, i, texts[i]);
	assert_int_equal(run_ingest(dir), 0);
	write_tei(src_dir, 4, texts[1]);
	write_tei(src_dir, 5, texts[3]);
	assert_int_equal(run_ingest(dir), 0);
	/* and one with an actor's mention (make_doc) */
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	assert_int_equal(add(w, 0, "a.txt"), 0);
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	for (int qop = 0; qop < NQOPS; qop++) {
		const char *q = qop_query[qop] ? qop_query[qop] : "-";
		int rc;
		char *want = qop_answer(dir, qop, 0, 0, &rc);
		assert_int_equal(rc, 0);
		assert_true(strlen(want) > 0);
		for (int persist = 0; persist < 2; persist++) {
			long failures = 0, allocs = 0, wrong = 0;
			for (long k = 1;; k += step) {
				char *got =
				        qop_answer(dir, qop, k, persist, &rc);
				long failed = alloc_failed;
				allocs = alloc_count;
				/* the first wrong outcome of each query */
				if (rc &&
				        (rc != TD_ENOMEM ||
				                !strstr(td_error_last(),
				                        "out of memory")) &&
				        !wrong++)
					fprintf(stderr,
					        "query %d (%s), allocation "
					        "%ld failing: code %d: %s\n",
					        qop, q, k, rc, td_error_last());
				if (!rc && strcmp(got, want) && !wrong++)
					fprintf(stderr,
					        "query %d (%s), allocation "
					        "%ld failing: a wrong answer:\n"
					        "%s\ninstead of\n%s\n",
					        qop, q, k, got, want);
				free(got);
				failures += rc != 0;
				if (!failed)
					break;
			}
			fprintf(stderr,
			        "query %d (%s): %ld allocations, %ld runs out "
			        "of memory, %ld wrong%s\n",
			        qop, q, allocs, failures, wrong,
			        persist ? " (every allocation from k on "
			                  "failing)"
			                : "");
			assert_true(failures > 0);
			bad += wrong;
		}
		free(want);
	}
	assert_int_equal(bad, 0);
}

/* A segment written on three threads (td_segbuild_set_threads: the sorts,
 * the pos and lemma layers and the word ids are jobs of their own, the
 * rest the caller's) with its k-th allocation failing, once or from then
 * on, wherever it falls: TD_ENOMEM with "out of memory" (a job's error
 * and message carried back to the writing thread), or the bytes of a run
 * without failure. Some of the refusals must fall on a job's thread. */
static void test_segjob_oom(void **state)
{
	(void)state;
	static const char *const tags[] = {"NN", "VBD", "DT", "JJ", "NNP"};
	static const char *const lemmas[] = {"war", "be", "the", "envoy", "x"};
	td_doc *ld[4];
	for (int i = 0; i < 4; i++) {
		char id[16];
		snprintf(id, sizeof id, "doc-l%d", i);
		ld[i] = make_doc(id, texts[i]);
		td_tokens tk = {0};
		assert_int_equal(
		        td_tokenize(ld[i]->text, ld[i]->len, 0, &tk), 0);
		assert_int_equal(td_toklayers_new(tk.n, &ld[i]->layers), 0);
		for (size_t t = 0; t < tk.n; t++)
			assert_int_equal(td_toklayers_set(ld[i]->layers, t,
			                         tags[(t * 7 + (size_t)i) % 5],
			                         lemmas[(t + (size_t)i) % 5]),
			        0);
		td_tokens_clear(&tk);
	}
	char path[300];
	snprintf(path, sizeof path, "%s/seg.tdx", root);
	char *want = NULL, *got;
	size_t want_len = 0, got_len;
	main_thread = pthread_self();
	alloc_failed_off = 0;
	for (int persist = 0; persist < 2; persist++) {
		long by = persist ? 4 * step : step, failures = 0;
		int reached = 1;
		for (long k = persist ? 1 : 0; reached; k += k ? by : 1) {
			td_segbuild *b;
			assert_int_equal(td_segbuild_new(&b), 0);
			td_segbuild_set_threads(b, 3);
			for (int i = 0; i < 4; i++)
				assert_int_equal(td_segbuild_add(b, ld[i],
				                         ld[i]->id, NULL),
				        0);
			unlink(path);
			td_error_clear();
			watch_threads = 1;
			arm(k, persist); /* k = 0: none fails, the bytes wanted
			                  */
			int rc = td_segbuild_write(b, path, NULL, NULL);
			reached = k && alloc_failed > 0;
			disarm();
			watch_threads = 0;
			td_segbuild_free(b);
			if (!k) {
				assert_int_equal(rc, 0);
				assert_int_equal(
				        td_read_file(path, &want, &want_len),
				        0);
				reached = 1;
				continue;
			}
			if (rc == TD_ENOMEM) {
				if (!strstr(td_error_last(), "out of memory"))
					fail_msg("segment, allocation %ld: %s",
					        k, td_error_last());
				failures++;
				continue;
			}
			if (rc != 0)
				fail_msg("segment, allocation %ld failing%s: "
				         "code "
				         "%d: %s",
				        k, persist ? " on" : "", rc,
				        td_error_last());
			assert_int_equal(td_read_file(path, &got, &got_len), 0);
			assert_true(got_len == want_len &&
			            !memcmp(got, want, want_len));
			free(got);
		}
		fprintf(stderr,
		        "segment on 3 threads: %ld runs out of memory%s\n",
		        failures,
		        persist ? " (every allocation from k on failing)" : "");
		assert_true(failures > 0);
	}
	fprintf(stderr,
	        "segment on 3 threads: %ld allocations refused on a "
	        "job's thread\n",
	        alloc_failed_off);
	assert_true(alloc_failed_off > 0);
	free(want);
	unlink(path);
	for (int i = 0; i < 4; i++)
		td_doc_free(ld[i]);
}

int main(void)
{
	root = mkdtemp(tmpl_shm);
	if (!root)
		root = mkdtemp(tmpl);
	if (!root)
		return 1;
	/* under valgrind (make check-valgrind) every 4th allocation: the
	 * plain and ASan runs try every one, LeakSanitizer included */
	const char *e = getenv("TAGDEX_OOM_STEP");
	if (e && atol(e) > 0)
		step = atol(e);
	else if (getenv("TD_VALGRIND"))
		step = 4;
	alloc_trace = getenv("TD_OOM_TRACE") != NULL;
	for (int i = 0; i < 4; i++) {
		char id[16];
		snprintf(id, sizeof id, "doc-%c", 'a' + i);
		docs[i] = make_doc(id, texts[i]);
	}
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_writer_oom),
	        cmocka_unit_test(test_ingest_oom),
	        cmocka_unit_test(test_plan_oom),
	        cmocka_unit_test(test_toklayers_oom),
	        cmocka_unit_test(test_query_oom),
	        cmocka_unit_test(test_segjob_oom),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	for (int i = 0; i < 4; i++)
		td_doc_free(docs[i]);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", root);
	if (system(cmd) != 0)
		return 1;
	return rc;
}
