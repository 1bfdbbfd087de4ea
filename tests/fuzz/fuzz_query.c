/* fuzz_query.c: libFuzzer harness for the query language: lexer, parser,
 * printer, regex compilation and the executor over a small index built once
 * in a temporary directory (kept small: the executor's cost grows
 * with document length times repeat bounds, and each input runs it).
 * Invariants: a rejected query is TD_ESYNTAX or TD_ELIMIT with an offset inside
 * the query (what the caret points at); an accepted query prints to a canonical
 * form that parses again and prints the same; the executor ends (hits, none,
 * TD_ELIMIT, or TD_EINTR at a deadline 2 s ahead) within libFuzzer's -timeout,
 * whatever the regexes and repeats. */
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "ast.h"
#include "exec.h"
#include "filter.h"
#include "hits.h"
#include "plan.h"
#include "tei.h"
#include "util.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#define MAX_HITS 500 /* enough to walk the executor; keeps runs fast */

static char dir[64];
static td_index *ix;

static int rm_one(
        const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void cleanup(void)
{
	td_index_close(ix);
	ix = NULL;
	if (dir[0])
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void die(const char *what)
{
	fprintf(stderr, "fuzz_query: %s: %s\n", what, td_error_last());
	abort();
}

/* A document with what pathological regexes feed on: a long run of one
 * letter ("(a+)+b"), repeats of one word, punctuation. */
static const char synthetic[] =
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac aaaa aaaa "
        "aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa. The the THE thé Thé. "
        "Kim said: \xe2\x80\x9cwe may strike\xe2\x80\x9d, and Putin might "
        "respond; U.S. officials 2.5 don't know.";

static void add_file(td_writer *w, const char *path)
{
	char *data = NULL, src[1100];
	size_t len = 0, n = 0;
	td_doc **v = NULL;
	if (td_read_file(path, &data, &len) ||
	        td_tei_read_all(path, data, len, &v, &n))
		die(path);
	for (size_t i = 0; i < n; i++) {
		/* a teiCorpus: one document per TEI, as tagdex-ingest adds
		 * them */
		snprintf(src, sizeof src, "%s#tei%zu", path, i + 1);
		td_doc_sort_spans(v[i]);
		if (td_writer_add(w, v[i], n > 1 ? src : path))
			die(path);
		td_doc_free(v[i]);
	}
	free(v);
	free(data);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	td_set_warn(fuzz_quiet, NULL);
	strcpy(dir, "/tmp/td-fuzz-query-XXXXXX");
	if (!mkdtemp(dir))
		die("mkdtemp");
	atexit(cleanup);
	td_writer *w = NULL;
	if (td_writer_open(dir, 0, &w))
		die(dir);
	add_file(w, TD_SRCDIR "/tests/data/tei/small.xml");
	add_file(w, TD_SRCDIR "/tests/data/tei/corpus.xml");
	td_doc *d = NULL;
	size_t n = strlen(synthetic), sp;
	if (td_doc_new("doc-synthetic", synthetic, n, &d) ||
	        td_doc_add_span(d, "p", 0, n, &sp, NULL) ||
	        td_doc_add_span(d, "s", 0, 66, NULL, "xml:id",
	                "doc-synthetic-s1", NULL) ||
	        td_doc_add_span(
	                d, "q", 0, 10, NULL, "ana", "#hedge #claim", NULL) ||
	        td_meta_set(&d->meta.date, "2020-02-02"))
		die("synthetic document");
	td_doc_sort_spans(d);
	if (td_writer_add(w, d, "synthetic") || td_writer_commit(w))
		die("commit");
	td_doc_free(d);
	td_writer_close(w);
	if (td_index_open(dir, &ix))
		die("open");
	return 0;
}

static int on_hit(void *ctx, const tq_hit *h)
{
	size_t *n = ctx;
	FUZZ_CHECK(h->start < h->end, "empty hit");
	FUZZ_CHECK(h->end <= td_seg_ntokens(h->seg), "hit past the segment");
	return ++*n >= MAX_HITS;
}

static void check_error(int rc, size_t size, const char *what)
{
	FUZZ_CHECK(rc == TD_ESYNTAX || rc == TD_ELIMIT, "%s failed with %d",
	        what, rc);
	long off = td_error_offset();
	FUZZ_CHECK(off >= 0 && (size_t)off <= size,
	        "%s error offset %ld outside the query of %zu bytes", what, off,
	        size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *q = (const char *)data;
	tq_node *ast = NULL, *again = NULL;
	char *p1 = NULL, *p2 = NULL;
	td_error_clear();
	int rc = tq_parse(q, size, &ast);
	if (rc) {
		check_error(rc, size, "parse");
		FUZZ_CHECK(ast == NULL, "failed parse left an AST");
		return 0;
	}
	FUZZ_CHECK(tq_node_print(ast, &p1) == 0, "print failed");
	rc = tq_parse(p1, strlen(p1), &again);
	/* the printer groups every sequence, alternative and repetition in
	 * parentheses, so a query near the nesting bound may print deeper than
	 * TQ_MAX_DEPTH; only that may fail (token conditions print with the
	 * parentheses their precedence needs, no more) */
	FUZZ_CHECK(rc == 0 || rc == TD_ELIMIT,
	        "printed query does not parse: "
	        "%s",
	        p1);
	if (rc == 0) {
		FUZZ_CHECK(tq_node_print(again, &p2) == 0, "print failed");
		FUZZ_CHECK(strcmp(p1, p2) == 0, "print not canonical: %s -> %s",
		        p1, p2);
	}
	free(p1);
	free(p2);
	tq_node_free(again);

	/* the executor's work bound (10M steps a document) takes about 0.5 s
	 * natively but over 10 s under the sanitizers on a loaded machine
	 * (@".+"+{0,12}); a deadline 2 s ahead stops it there, as tagdex-serve
	 * --timeout does, and libFuzzer's -timeout still catches a loop that
	 * never asks for the deadline */
	struct timespec t;
	tq_filter flt;
	memset(&flt, 0, sizeof flt);
	if (clock_gettime(CLOCK_MONOTONIC, &t) == 0)
		flt.deadline = (uint64_t)t.tv_sec * 1000000000u +
		               (uint64_t)t.tv_nsec + 2000000000u;
	tq_plan *plan = NULL;
	td_error_clear();
	rc = tq_plan_new(ast, &plan);
	if (rc) {
		check_error(rc, size, "plan");
	} else {
		size_t hits = 0;
		rc = tq_exec(ix, plan, &flt, on_hit, &hits);
		FUZZ_CHECK(rc == 0 || rc == TD_ELIMIT || rc == TD_EINTR,
		        "exec failed with %d", rc);
		tq_plan_free(plan);
	}
	tq_node_free(ast);
	return 0;
}
