/* test_index.c: the on-disk index against a brute-force reading of the same
 * documents: round trip of every token, layer and span; add, change, delete,
 * unchanged and renamed sources; the lock; a reader during a write; merge;
 * fault injection at every commit step; flipped bytes; another version. */
#include "config.h"
#include "bits.h"
#include "checksum.h"
#include "docpool.h"
#include "fault.h"
#include "idcode.h"
#include "manifest.h"
#include "postings.h"
#include "segbuild.h"
#include "segformat.h"
#include "segment.h"
#include "segout.h"
#include "stream_merge.h"
#include "util.h"
#include "buf.h"
#include "index.h"
#include "tagdex.h"
#include "seg_reseal.h"

#include <dirent.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

/* A skipped test makes the program exit 77 (automake's SKIP), so that the
 * summary counts it instead of a PASS. */
static int tests_skipped;
#define skip_test()                                                            \
	do {                                                                   \
		tests_skipped = 1;                                             \
		skip();                                                        \
	} while (0)

static char tmpl[] = "/tmp/td-index-XXXXXX";
static char *root;
static int dircount;

static void newdir(char *out, size_t n)
{
	snprintf(out, n, "%s/ix%d", root, dircount++);
}

/* A document with words from a small vocabulary (so some terms pass the
 * postings block size), mixed case and accents, plus nested spans. */
static td_doc *make_doc(unsigned seed, int nwords, const char *id)
{
	static const char *vocab[] = {"the", "The", "THE", "likely", "Likely",
	        "war", "Kim", "Jong-un", "’s", "Café", "café", "CAFÉ", "don't",
	        "U.S.", "2.5", ",", ".", "—", "Straße", "ﬁsh", "peninsula"};
	size_t nv = sizeof vocab / sizeof *vocab;
	char *buf = malloc((size_t)nwords * 16 + 1);
	size_t len = 0;
	size_t *ws = malloc(sizeof *ws * (size_t)nwords);
	unsigned x = seed * 2654435761u + 1;
	for (int i = 0; i < nwords; i++) {
		x = x * 1103515245u + 12345u;
		const char *w = vocab[(x >> 8) % nv];
		ws[i] = len;
		/* gaps of every kind the text section codes: a space, a
		 * paragraph, others (from its string pool), none (inside
		 * "don't", before ",") */
		len += (size_t)sprintf(buf + len, "%s%s", w,
		        i % 7 == 6     ? "\n\n"
		        : i % 11 == 10 ? " \t "
		                       : " ");
	}
	td_doc *d;
	assert_int_equal(td_doc_new(id, buf, len, &d), 0);
	td_meta_set(&d->meta.title, id);
	td_meta_set(&d->meta.date, "2024-01-19");
	td_meta_set(&d->meta.genre, "Expert comment");
	td_meta_set(&d->meta.author, "A. Writer");
	td_doc_add_actor(d, "kim-jong-un", "person", "Kim Jong Un");
	assert_int_equal(td_doc_add_span(d, "text", 0, len, NULL, NULL), 0);
	for (int i = 0; i + 3 < nwords; i += 3) {
		char n[32];
		snprintf(n, sizeof n, "%s-s%d", id, i);
		assert_int_equal(
		        td_doc_add_span(d, "s", ws[i], ws[i + 3] - 1, NULL,
		                "xml:id", n, "ana", "#claim #hedged", NULL),
		        0);
		if (i % 2 == 0)
			assert_int_equal(td_doc_add_span(d, "persName",
			                         ws[i + 1], ws[i + 2] - 1, NULL,
			                         "ref", "#kim-jong-un", NULL),
			        0);
	}
	/* empty spans at the very start and end, and one inside a token */
	assert_int_equal(td_doc_add_span(d, "lb", 0, 0, NULL, NULL), 0);
	assert_int_equal(
	        td_doc_add_span(d, "pb", len, len, NULL, "n", "2", NULL), 0);
	assert_int_equal(td_doc_add_span(d, "hi", 1, 2, NULL, NULL), 0);
	td_doc_sort_spans(d);
	free(buf);
	free(ws);
	return d;
}

static uint32_t tok_lower(const td_tokens *t, size_t off)
{
	uint32_t i = 0;
	while (i < t->n && t->v[i].start < off)
		i++;
	return i;
}

/* Checks that document d of segment s holds exactly doc (brute force). */
static void check_doc(
        td_seg *s, uint32_t d, const td_doc *doc, const char *source)
{
	td_docinfo di;
	assert_int_equal(td_seg_doc(s, d, &di), 0);
	assert_string_equal(di.id, doc->id);
	assert_string_equal(di.title, doc->meta.title);
	assert_string_equal(di.source, source);
	assert_string_equal(td_seg_doc_meta(s, d, "author"), "A. Writer");
	assert_null(td_seg_doc_meta(s, d, "nonesuch"));
	const char *text;
	size_t len;
	assert_int_equal(td_seg_doc_text(s, d, &text, &len), 0);
	assert_int_equal(len, doc->len);
	assert_memory_equal(text, doc->text, len);
	td_tokens t = {0};
	assert_int_equal(td_tokenize(doc->text, doc->len, 0, &t), 0);
	assert_int_equal(di.ntok, t.n);
	for (size_t i = 0; i < t.n; i++) {
		uint32_t pos = di.first_tok + (uint32_t)i, a, b;
		assert_int_equal(td_seg_doc_at(s, pos), d);
		assert_int_equal(td_seg_tok_offsets(s, pos, &a, &b), 0);
		assert_int_equal(a, t.v[i].start);
		assert_int_equal(b, t.v[i].end);
		size_t wl;
		const char *w = td_seg_lex_term(s, TD_LAYER_WORD,
		        td_seg_id_at(s, TD_LAYER_WORD, pos), &wl);
		assert_non_null(w);
		assert_int_equal(wl, t.v[i].end - t.v[i].start);
		assert_memory_equal(w, doc->text + t.v[i].start, wl);
		char *n;
		size_t nl, ml;
		assert_int_equal(td_normalize(w, wl, &n, &nl), 0);
		const char *m = td_seg_lex_term(s, TD_LAYER_NORM,
		        td_seg_id_at(s, TD_LAYER_NORM, pos), &ml);
		assert_int_equal(ml, nl);
		assert_memory_equal(m, n, nl);
		free(n);
	}
	/* every range of up to 12 tokens, and the whole document, as its
	 * bytes of the text (td_seg_text_range rebuilds only the range) */
	for (size_t i = 0; i < t.n; i++)
		for (size_t j = i + 1; j <= t.n;
		        j = j < i + 12 || j == t.n ? j + 1 : t.n) {
			char *r;
			size_t rl;
			assert_int_equal(
			        td_seg_text_range(s, di.first_tok + (uint32_t)i,
			                di.first_tok + (uint32_t)j, &r, &rl),
			        0);
			assert_int_equal(rl, t.v[j - 1].end - t.v[i].start);
			assert_memory_equal(r, doc->text + t.v[i].start, rl);
			assert_int_equal(r[rl], '\0');
			free(r);
		}
	/* ranges in a jumping order, forward and back, through one reader
	 * (td_seg_text_append), now and then by way of document 0 */
	td_textcur cur = {0};
	td_buf o = {0};
	for (size_t k = 0; t.n && k < 3 * t.n; k++) {
		size_t i = (k * 7919) % t.n, j = i + 1 + k % 9;
		j = j > t.n ? t.n : j;
		o.n = 0;
		assert_int_equal(td_seg_text_append(&cur, s, d,
		                         di.first_tok + (uint32_t)i,
		                         di.first_tok + (uint32_t)j, &o),
		        0);
		assert_int_equal(o.n, t.v[j - 1].end - t.v[i].start);
		assert_memory_equal(o.s, doc->text + t.v[i].start, o.n);
		uint32_t f0, n0;
		if (k % 5 == 4 && d && td_seg_doc_range(s, 0, &f0, &n0) == 0 &&
		        n0) {
			o.n = 0;
			assert_int_equal(
			        td_seg_text_append(&cur, s, 0, f0, f0 + 1, &o),
			        0);
		}
	}
	if (t.n)
		assert_int_equal(td_seg_text_append(&cur, s, d, di.first_tok,
		                         di.first_tok + di.ntok + 1, &o),
		        TD_EUSAGE);
	td_buf_clear(&o);
	if (t.n) {
		char *r = (char *)1;
		size_t rl = 1;
		assert_int_equal(td_seg_text_range(s, di.first_tok,
		                         di.first_tok, &r, &rl),
		        TD_EUSAGE);
		assert_null(r);
		if (di.first_tok + di.ntok < td_seg_ntokens(s))
			assert_int_equal(
			        td_seg_text_range(s, di.first_tok,
			                di.first_tok + di.ntok + 1, &r, &rl),
			        TD_EUSAGE);
	}
	/* every span comes back as its token range with its attributes */
	for (size_t i = 0; i < doc->n_spans; i++) {
		const td_span *sp = &doc->spans[i];
		uint32_t a = tok_lower(&t, sp->start),
		         b = tok_lower(&t, sp->end);
		if (b < a)
			b = a;
		a += di.first_tok;
		b += di.first_tok;
		int64_t k = td_seg_span_find(s, sp->name);
		assert_true(k >= 0);
		int found = 0;
		for (uint32_t j = 0;
		        j < td_seg_span_count(s, (uint32_t)k) && !found; j++) {
			uint32_t x, y;
			assert_int_equal(
			        td_seg_span_get(s, (uint32_t)k, j, &x, &y), 0);
			if (x != a || y != b ||
			        td_seg_span_nattrs(s, (uint32_t)k, j) !=
			                sp->n_attrs)
				continue;
			found = 1;
			for (uint32_t q = 0; q < sp->n_attrs; q++) {
				const char *an, *av;
				assert_int_equal(
				        td_seg_span_attr(
				                s, (uint32_t)k, j, q, &an, &av),
				        0);
				if (strcmp(an, sp->attrs[q].name) ||
				        strcmp(av, sp->attrs[q].value))
					found = 0;
			}
		}
		assert_true(found);
	}
	td_tokens_clear(&t);
}

/* Postings of every term against a scan of the id table, with seeks. */
static void check_postings(td_seg *s)
{
	for (int l = 0; l < TD_NLAYERS; l++) {
		uint32_t n = td_seg_lex_size(s, l), nt = td_seg_ntokens(s);
		uint64_t total = 0;
		for (uint32_t id = 0; id < n; id++) {
			size_t len;
			const char *term = td_seg_lex_term(s, l, id, &len);
			assert_int_equal(td_seg_lex_find(s, l, term, len), id);
			uint32_t *exp = malloc(sizeof *exp * (nt + 1));
			uint32_t ne = 0;
			for (uint32_t p = 0; p < nt; p++)
				if (td_seg_id_at(s, l, p) == id)
					exp[ne++] = p;
			assert_int_equal(td_seg_lex_freq(s, l, id), ne);
			total += ne;
			td_postings *p;
			uint32_t pos;
			assert_int_equal(td_postings_open(s, l, id, &p), 0);
			for (uint32_t i = 0; i < ne; i++) {
				assert_int_equal(
				        td_postings_next(p, 0, &pos), 1);
				assert_int_equal(pos, exp[i]);
			}
			assert_int_equal(td_postings_next(p, 0, &pos), 0);
			td_postings_close(p);
			/* a test at every position, going forward */
			assert_int_equal(td_postings_open(s, l, id, &p), 0);
			for (uint32_t q = 0, i = 0; q < nt; q++) {
				int at = i < ne && exp[i] == q;
				assert_int_equal(td_postings_at(p, q), at);
				i += (uint32_t)at;
			}
			td_postings_close(p);
			/* seeking: every target gives the first position >=
			 * it */
			for (uint32_t tgt = 0; tgt < nt; tgt += 1 + tgt / 3) {
				assert_int_equal(
				        td_postings_open(s, l, id, &p), 0);
				uint32_t i = 0;
				while (i < ne && exp[i] < tgt)
					i++;
				int rc = td_postings_next(p, tgt, &pos);
				assert_int_equal(rc, i < ne);
				if (rc == 1) {
					assert_int_equal(pos, exp[i]);
					/* and continues from there */
					if (i + 1 < ne) {
						assert_int_equal(
						        td_postings_next(p,
						                pos + 1, &pos),
						        1);
						assert_int_equal(
						        pos, exp[i + 1]);
					}
				}
				td_postings_close(p);
			}
			free(exp);
		}
		assert_int_equal(total, nt);
		assert_int_equal(
		        td_seg_lex_find(s, l, "zzz-absent", 10), TD_ENOTFOUND);
	}
}

/* Finds the live document of a source; returns its segment or NULL. */
static td_seg *find_source(td_index *ix, const char *source, uint32_t *d)
{
	td_seg *found = NULL;
	for (size_t i = 0; i < td_index_nsegs(ix); i++) {
		td_seg *s = td_index_seg(ix, i);
		for (uint32_t k = 0; k < td_seg_ndocs(s); k++) {
			td_docinfo di;
			assert_int_equal(td_seg_doc(s, k, &di), 0);
			assert_int_equal(di.live, td_seg_doc_live(s, k));
			if (di.live && !strcmp(di.source, source)) {
				assert_null(
				        found); /* one live doc per source */
				found = s;
				*d = k;
			}
		}
	}
	return found;
}

static void add(td_writer *w, td_doc *doc, const char *source)
{
	char sha[65];
	td_sha256_hex(doc->text, doc->len, sha);
	assert_int_equal(td_writer_add_sha(w, doc, source, sha), 0);
}

static void test_roundtrip(void **state)
{
	(void)state;
	char dir[256];
	newdir(dir, sizeof dir);
	td_doc *docs[4];
	const char *src[4] = {"a.txt", "b/b.txt", "c.xml", "empty.txt"};
	docs[0] = make_doc(1, 900, "doc-a");
	docs[1] = make_doc(2, 40, "doc-b");
	docs[2] = make_doc(3, 1500, "doc-c");
	assert_int_equal(td_doc_new("doc-e", "", 0, &docs[3]), 0);
	td_meta_set(&docs[3]->meta.title, "doc-e");
	td_meta_set(&docs[3]->meta.author, "A. Writer");
	assert_int_equal(td_doc_add_span(docs[3], "text", 0, 0, NULL, NULL), 0);
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	for (int i = 0; i < 4; i++)
		add(w, docs[i], src[i]);
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_ndocs(ix), 4);
	assert_int_equal(td_index_nsegs(ix), 1);
	td_seg *s = td_index_seg(ix, 0);
	for (int i = 0; i < 4; i++) {
		uint32_t d;
		assert_ptr_equal(find_source(ix, src[i], &d), s);
		check_doc(s, d, docs[i], src[i]);
	}
	check_postings(s);
	assert_int_equal(td_index_check(dir), 0);
	td_index_close(ix);
	for (int i = 0; i < 4; i++)
		td_doc_free(docs[i]);
}

/* A canonical dump of the live content, sorted by source. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *dump(const char *dir)
{
	td_index *ix;
	if (td_index_open(dir, &ix))
		return NULL;
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
			fprintf(f, "%s|%s|%s|%s|%s\n", src, sha, doc->id,
			        doc->meta.title ? doc->meta.title : "",
			        doc->meta.author ? doc->meta.author : "");
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
			for (size_t k = 0; k < doc->n_actors; k++)
				fprintf(f, "\nactor %s %s %s",
				        doc->actors[k].key, doc->actors[k].kind,
				        doc->actors[k].name);
			td_docinfo di;
			assert_int_equal(td_seg_doc(s, d, &di), 0);
			for (uint32_t p = di.first_tok;
			        p < di.first_tok + di.ntok; p++)
				fprintf(f, " %s",
				        td_seg_lex_term(s, 1,
				                td_seg_id_at(s, 1, p), NULL));
			fclose(f);
			parts = realloc(parts, (n + 1) * sizeof *parts);
			parts[n++] = buf;
			td_doc_free(doc);
		}
	}
	td_index_close(ix);
	qsort(parts, n, sizeof *parts, cmp_str);
	size_t total = 1;
	for (size_t i = 0; i < n; i++)
		total += strlen(parts[i]) + 1;
	char *out = calloc(1, total);
	for (size_t i = 0; i < n; i++) {
		strcat(out, parts[i]);
		strcat(out, "\n");
		free(parts[i]);
	}
	free(parts);
	return out;
}

static int collect(void *ctx, const char *source)
{
	char *buf = ctx;
	strcat(buf, source);
	strcat(buf, ";");
	return 0;
}

static void test_batches(void **state)
{
	(void)state;
	char dir[256];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(10, 100, "doc-a"), *b = make_doc(11, 200, "doc-b"),
	       *b2 = make_doc(12, 150, "doc-b"), *c = make_doc(13, 50, "doc-c");
	char sha[65];
	td_writer *w, *w2;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	/* a second writer is refused with a clear message */
	assert_int_equal(td_writer_open(dir, 0, &w2), TD_ELOCKED);
	assert_non_null(strstr(
	        td_error_last(), "index is locked by another writer (pid"));
	add(w, a, "a.txt");
	add(w, b, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	/* unchanged, changed, new */
	td_sha256_hex(a->text, a->len, sha);
	assert_int_equal(
	        td_writer_source_state(w, "a.txt", sha), TD_SOURCE_UNCHANGED);
	td_sha256_hex(b2->text, b2->len, sha);
	assert_int_equal(
	        td_writer_source_state(w, "b.txt", sha), TD_SOURCE_CHANGED);
	assert_int_equal(
	        td_writer_source_state(w, "c.txt", sha), TD_SOURCE_NEW);
	add(w, b2, "b.txt");
	/* a rename: the new name is a new source; the old one stays until
	 * pruned */
	add(w, c, "c.txt");
	add(w, c, "c-renamed.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);

	td_index *ix;
	uint32_t d;
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_ndocs(ix), 4);
	td_seg *s = find_source(ix, "b.txt", &d);
	assert_non_null(s);
	check_doc(s, d, b2, "b.txt");
	s = find_source(ix, "a.txt", &d);
	check_doc(s, d, a, "a.txt");
	/* live tokens: a, b2 and c twice; the replaced b is not counted */
	uint64_t want = 0;
	td_doc *live[4] = {a, b2, c, c};
	for (int i = 0; i < 4; i++) {
		td_tokens t = {0};
		td_tokenize(live[i]->text, live[i]->len, 0, &t);
		want += t.n;
		td_tokens_clear(&t);
	}
	assert_int_equal(td_index_ntokens(ix), want);
	td_index_close(ix);

	/* a reader holding the old state keeps it while a writer prunes and
	 * merges, and segment files are unlinked under it */
	td_index *old;
	assert_int_equal(td_index_open(dir, &old), 0);
	char *before = dump(dir);
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	char srcs[256] = "";
	assert_int_equal(td_writer_each_source(w, collect, srcs), 0);
	assert_string_equal(srcs, "a.txt;b.txt;c.txt;c-renamed.txt;");
	assert_int_equal(td_writer_remove(w, "c.txt"), 0);
	assert_int_equal(td_writer_remove(w, "nope.txt"), TD_ENOTFOUND);
	assert_int_equal(td_writer_commit(w), 0);
	assert_int_equal(td_writer_merge(w), 0);
	td_writer_close(w);
	s = find_source(old, "c.txt", &d);
	assert_non_null(s);
	check_doc(s, d, c, "c.txt");
	check_postings(td_index_seg(old, 0));
	td_index_close(old);
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_ndocs(ix), 3);
	assert_int_equal(td_index_nsegs(ix), 1);
	assert_null(find_source(ix, "c.txt", &d));
	s = find_source(ix, "c-renamed.txt", &d);
	check_doc(s, d, c, "c-renamed.txt");
	check_postings(s);
	td_index_close(ix);
	/* merge keeps content: the dump equals the old one minus c.txt */
	char *after = dump(dir);
	assert_non_null(strstr(before, "\nc.txt|"));
	assert_null(strstr(after, "\nc.txt|"));
	assert_true(strlen(after) < strlen(before));
	assert_int_equal(td_index_check(dir), 0);

	/* many small commits merge automatically past the threshold */
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	for (int i = 0; i < 12; i++) {
		char src[32];
		snprintf(src, sizeof src, "x%02d.txt", i);
		td_doc *x = make_doc(100 + (unsigned)i, 20, "doc-x");
		add(w, x, src);
		td_doc_free(x);
		assert_int_equal(td_writer_commit(w), 0);
	}
	td_writer_close(w);
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_true(td_index_nsegs(ix) <= 8);
	assert_int_equal(td_index_ndocs(ix), 15);
	td_index_close(ix);
	/* rebuild starts empty */
	assert_int_equal(td_writer_open(dir, TD_WRITE_REBUILD, &w), 0);
	add(w, a, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_ndocs(ix), 1);
	td_index_close(ix);
	free(before);
	free(after);
	td_doc_free(a);
	td_doc_free(b);
	td_doc_free(b2);
	td_doc_free(c);
}

/* Stops the writer at every step of a commit (and of a merge) in a child
 * process, as kill -9 would; the previous state must be intact, and the next
 * run must finish the work. */
static void test_faults(void **state)
{
#ifndef TD_TEST_HOOKS
	(void)state;
	skip(); /* the fault hook: configure --enable-test-hooks */
#else
	(void)state;
	/* The forked writer stops by _exit() in the middle of a commit, with
	 * its memory still held: valgrind counts that as a leak of the child
	 * and changes its exit status. The plain and ASan runs cover this. */
	if (getenv("TD_VALGRIND"))
		skip_test();
	char dir[256];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(20, 300, "doc-a"), *b = make_doc(21, 300, "doc-b"),
	       *b2 = make_doc(22, 200, "doc-b");
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, a, "a.txt");
	add(w, b, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	char *old = dump(dir);
	char *want = NULL;
	int k, finished = 0;
	for (k = 1; k < 80 && !finished; k++) {
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			td_writer_fault_after(k);
			if (td_writer_open(dir, 0, &w))
				_exit(2);
			add(w, b2, "b.txt");
			if (td_writer_commit(w) || td_writer_merge(w))
				_exit(3);
			td_writer_close(w);
			_exit(0);
		}
		int st;
		assert_int_equal(waitpid(pid, &st, 0), pid);
		assert_true(WIFEXITED(st));
		int code = WEXITSTATUS(st);
		assert_true(code == 0 || code == 77);
		finished = code == 0;
		/* a reader sees one whole committed state */
		char *now = dump(dir);
		assert_non_null(now);
		if (strcmp(now, old)) {
			if (!want) {
				want = now;
				now = NULL;
			} else {
				assert_string_equal(now, want);
			}
		}
		free(now);
		assert_int_equal(td_index_check(dir), 0);
		/* the next run completes the work */
		if (!finished) {
			char copy[700];
			snprintf(copy, sizeof copy, "cp -a %s %s.redo", dir,
			        dir);
			assert_int_equal(system(copy), 0);
			snprintf(copy, sizeof copy, "%s.redo", dir);
			assert_int_equal(td_writer_open(copy, 0, &w), 0);
			add(w, b2, "b.txt");
			assert_int_equal(td_writer_commit(w), 0);
			assert_int_equal(td_writer_merge(w), 0);
			td_writer_close(w);
			char *redo = dump(copy);
			if (!want)
				want = strdup(redo);
			assert_string_equal(redo, want);
			free(redo);
			assert_int_equal(td_index_check(copy), 0);
			/* no temporary files are left behind */
			DIR *dd = opendir(copy);
			struct dirent *e;
			while ((e = readdir(dd)))
				assert_null(strstr(e->d_name, ".tmp"));
			closedir(dd);
			snprintf(copy, sizeof copy, "rm -rf %s.redo", dir);
			assert_int_equal(system(copy), 0);
		}
	}
	assert_true(finished);
	assert_true(k > 6); /* there were several steps to stop at */
	char *fin = dump(dir);
	assert_string_equal(fin, want);
	free(fin);
	free(old);
	free(want);
	td_doc_free(a);
	td_doc_free(b);
	td_doc_free(b2);
#endif
}

/* Reads everything a query could read; returns 0 or the first error. */
static int read_all(const char *dir)
{
	td_index *ix;
	int rc = td_index_open(dir, &ix);
	if (rc)
		return rc;
	for (size_t i = 0; i < td_index_nsegs(ix) && !rc; i++) {
		td_seg *s = td_index_seg(ix, i);
		for (uint32_t d = 0; d < td_seg_ndocs(s) && !rc; d++) {
			td_docinfo di;
			const char *t;
			size_t len;
			uint32_t a, b;
			if ((rc = td_seg_doc(s, d, &di)) ||
			        (rc = td_seg_doc_text(s, d, &t, &len)))
				break;
			for (uint32_t p = di.first_tok;
			        p < di.first_tok + di.ntok; p++)
				if ((rc = td_seg_tok_offsets(s, p, &a, &b)))
					break;
		}
		for (int l = 0; l < TD_NLAYERS && !rc; l++) {
			for (uint32_t p = 0; p < td_seg_ntokens(s); p++)
				if (td_seg_id_at(s, l, p) == UINT32_MAX) {
					rc = TD_ECORRUPT;
					break;
				}
			for (uint32_t id = 0; id < td_seg_lex_size(s, l) && !rc;
			        id++) {
				td_postings *p;
				uint32_t pos;
				if (!td_seg_lex_term(s, l, id, NULL)) {
					rc = TD_ECORRUPT;
					break;
				}
				if ((rc = td_postings_open(s, l, id, &p)))
					break;
				while ((rc = td_postings_next(p, 0, &pos)) == 1)
					;
				td_postings_close(p);
			}
		}
		for (uint32_t k = 0; k < td_seg_span_nnames(s) && !rc; k++) {
			if (!td_seg_span_name(s, k)) {
				rc = TD_ECORRUPT;
				break;
			}
			for (uint32_t j = 0; j < td_seg_span_count(s, k) && !rc;
			        j++) {
				uint32_t a, b;
				const char *an, *av;
				if ((rc = td_seg_span_get(s, k, j, &a, &b)))
					break;
				for (uint32_t q = 0;
				        q < td_seg_span_nattrs(s, k, j) && !rc;
				        q++)
					rc = td_seg_span_attr(
					        s, k, j, q, &an, &av);
			}
		}
	}
	td_index_close(ix);
	return rc;
}

static void flip(const char *path, long off)
{
	int fd = open(path, O_RDWR);
	unsigned char c;
	assert_true(fd >= 0);
	assert_int_equal(pread(fd, &c, 1, off), 1);
	c ^= 0x10;
	assert_int_equal(pwrite(fd, &c, 1, off), 1);
	close(fd);
}

static void test_flipped(void **state)
{
	(void)state;
	char dir[256], seg[300], man[300];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(30, 20000, "doc-a"),
	       *b = make_doc(31, 500, "doc-b");
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, a, "a.txt");
	add(w, b, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	assert_int_equal(read_all(dir), 0);
	snprintf(seg, sizeof seg, "%s/seg-000001.tdx", dir);
	snprintf(man, sizeof man, "%s/MANIFEST", dir);
	struct stat st;
	assert_int_equal(stat(seg, &st), 0);
	assert_true(st.st_size > 2 * TD_SEG_BLOCK); /* several blocks */
	/* a flipped byte anywhere in the segment fails --check and every full
	 * read; it never yields silently different data */
	int tried = 0;
	for (long off = 3; off < st.st_size; off += 1 + st.st_size / 97) {
		flip(seg, off);
		assert_int_equal(td_index_check(dir), TD_ECORRUPT);
		assert_non_null(strstr(td_error_last(), "seg-000001.tdx"));
		int rc = read_all(dir);
		assert_int_equal(rc, TD_ECORRUPT);
		flip(seg, off);
		tried++;
	}
	assert_true(tried > 90);
	assert_int_equal(td_index_check(dir), 0);
	/* the manifest too */
	assert_int_equal(stat(man, &st), 0);
	for (long off = 20; off < st.st_size; off += 7) {
		flip(man, off);
		td_index *ix;
		assert_true(td_index_open(dir, &ix) < 0);
		assert_true(td_index_check(dir) < 0);
		flip(man, off);
	}
	/* a truncated segment */
	assert_int_equal(truncate(seg, 5000), 0);
	assert_int_equal(td_index_check(dir), TD_ECORRUPT);
	td_doc_free(a);
	td_doc_free(b);
}

/* A new index in dir (made by newdir) of one committed document, id
 * (also its title and source name), text with the per-token layers
 * pos[i], lemma[i] (n tokens). */
static void layered_doc_index(char *dir, size_t dirsz, const char *id,
        const char *text, size_t n, const char **pos, const char **lemma)
{
	newdir(dir, dirsz);
	td_doc *d;
	assert_int_equal(td_doc_new(id, text, strlen(text), &d), 0);
	td_meta_set(&d->meta.title, id);
	assert_int_equal(td_toklayers_new(n, &d->layers), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(
		        td_toklayers_set(d->layers, i, pos[i], lemma[i]), 0);
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, d, id);
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	td_doc_free(d);
}

static td_seghdr layers_hdr; /* index_layers' segment header */

/* Indexes text with per-token layers pos[i], lemma[i] (n tokens) as one
 * segment in a new directory and checks every position's lemma and pos
 * against them; returns the segment's lemma bits (0: lemma ids kept per
 * word and pos id, format 8). */
static uint32_t index_layers(
        const char *text, size_t n, const char **pos, const char **lemma)
{
	char dir[256], path[300];
	layered_doc_index(dir, sizeof dir, "doc-l", text, n, pos, lemma);
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	td_seg *s = td_index_seg(ix, 0);
	assert_int_equal(td_seg_ntokens(s), n);
	for (uint32_t p = 0; p < n; p++) {
		assert_string_equal(
		        td_seg_lex_term(s, TD_LAYER_POS,
		                td_seg_id_at(s, TD_LAYER_POS, p), NULL),
		        pos[p]);
		assert_string_equal(
		        td_seg_lex_term(s, TD_LAYER_LEMMA,
		                td_seg_id_at(s, TD_LAYER_LEMMA, p), NULL),
		        lemma[p]);
	}
	check_postings(s);
	td_index_close(ix);
	assert_int_equal(td_index_check(dir), 0);
	snprintf(path, sizeof path, "%s/seg-000001.tdx", dir);
	td_seghdr h;
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(&h, sizeof h, 1, f), 1);
	fclose(f);
	layers_hdr = h;
	return h.lbits[0];
}

/* The lemma layer is stored per word and pos id when that determines it,
 * as an id per position otherwise; the answers are the same. */
static void test_lemma_table(void **state)
{
	(void)state;
	/* "saw" has two pos and a lemma for each, "Saw" one */
	const char *p1[] = {"NN", "VBD", "NN", "NNP", "VB", "VBD"};
	const char *l1[] = {"saw", "see", "saw", "Saw", "run", "see"};
	assert_int_equal(index_layers("saw saw saw Saw run saw", 6, p1, l1), 0);
	/* a word with one pos and two lemmas (a tagged TEI input may say so) */
	const char *l2[] = {"saw", "see", "sawing", "Saw", "run", "see"};
	assert_int_not_equal(
	        index_layers("saw saw saw Saw run saw", 6, p1, l2), 0);
	/* more pos terms than a pair holds */
	char text[1024], tags[70][8];
	const char *p3[70], *l3[70];
	size_t len = 0;
	for (int i = 0; i < 70; i++) {
		len += (size_t)sprintf(text + len, "%sw", i ? " " : "");
		sprintf(tags[i], "P%d", i);
		p3[i] = tags[i];
		l3[i] = i % 2 ? "w" : "x";
	}
	assert_int_not_equal(index_layers(text, 70, p3, l3), 0);
}

/* A pos term keeps postings only when it is rare (at most ntokens /
 * TD_POS_SCAN_RATIO positions); the others are found by scanning the pos
 * id of every position (format 9), with the same answers, seeks included
 * (index_layers' check_postings). */
static void test_pos_scan(void **state)
{
	(void)state;
	enum { N = 3000 };
	static char text[2 * N];
	static const char *pos[N], *lemma[N];
	for (int i = 0; i < N; i++) {
		memcpy(text + 2 * i, "w ", 2);
		pos[i] = i % 6 == 1 ? "VB" : "NN";
		lemma[i] = "w";
	}
	text[2 * N - 1] = '\0';
	pos[7] = pos[2998] = "SYM";
	assert_int_equal(N / TD_POS_SCAN_RATIO, 2);
	index_layers(text, N, pos, lemma);
	/* only SYM's two positions: varints 7 and 2991 */
	assert_int_equal(layers_hdr.sec_len[TD_SEC_POST3], 3);
	/* a tag on more positions than that: no postings at all */
	pos[1500] = "SYM";
	index_layers(text, N, pos, lemma);
	assert_int_equal(layers_hdr.sec_len[TD_SEC_POST3], 0);
}

/* A frequent pos term is read as the union of the postings of the words
 * that have its tag, a window of positions at a time, each position of a
 * word with other tags too tested by its rank (postings.c's puni): the
 * same positions as a scan of IDS, seeks across windows and tests at a
 * position included (check_postings). Words: "a" always DT (its
 * positions are the union's without a test), "b" NN or VB, "c" VB; the
 * text is longer than a window (65,536 positions). Without the union
 * td_postings_is_union is 0. */
static void test_pos_union(void **state)
{
	(void)state;
	enum { N = 70000 };
	static char text[2 * N];
	static const char *pos[N], *lemma[N];
	static const char *const w = "aacacbca";
	for (int i = 0; i < N; i++) {
		char c = w[(i * 7 + i / 5) % 8];
		text[2 * i] = c;
		text[2 * i + 1] = ' ';
		pos[i] = c == 'a' ? "DT" : c == 'c' || i % 3 == 0 ? "VB" : "NN";
		lemma[i] = c == 'a' ? "a" : "b";
	}
	text[2 * N - 1] = '\0';
	index_layers(text, N, pos, lemma);
	/* the same segment, opened again: every tag read as a union */
	char dir[256];
	layered_doc_index(dir, sizeof dir, "doc-u", text, N, pos, lemma);
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	td_seg *s = td_index_seg(ix, 0);
	for (uint32_t t = 0; t < td_seg_lex_size(s, TD_LAYER_POS); t++) {
		td_postings *p;
		uint32_t at, n = 0;
		assert_int_equal(td_seg_lex_scanned(s, TD_LAYER_POS, t), 1);
		assert_int_equal(td_postings_open(s, TD_LAYER_POS, t, &p), 0);
		while (td_postings_next(p, 0, &at) == 1)
			n++;
		assert_int_equal(td_postings_is_union(p), 1);
		assert_int_equal(n, td_seg_lex_freq(s, TD_LAYER_POS, t));
		td_postings_close(p);
	}
	td_index_close(ix);
}

/* Token layers whose values are stored once and shared by offset
 * (td_toklayers_put, as words.c stores them): the builder maps an offset
 * to its term id within one document only; the next document's offsets
 * (the same numbers, other strings) are its own. */
static void test_layers_by_offset(void **state)
{
	(void)state;
	static const char *const want[2][2][5] = {
	        {{"NN", "VB", "NN", "NN", "VB"}, {"x", "x", "", "y", "see"}},
	        {{"JJ", "JJ", "NN", "", "DT"}, {"big", "", "big", "x", "the"}}};
	char dir[256];
	newdir(dir, sizeof dir);
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	td_doc *d[2];
	for (int k = 0; k < 2; k++) {
		assert_int_equal(td_doc_new(k ? "doc-2" : "doc-1", "a b c d e",
		                         9, &d[k]),
		        0);
		td_meta_set(&d[k]->meta.title, "t");
		td_toklayers *l;
		assert_int_equal(td_toklayers_new(5, &l), 0);
		d[k]->layers = l;
		uint32_t o[4];
		if (k == 0) {
			/* NN, VB, x shared; the fourth NN and "y", "see" set
			 * per token */
			assert_int_equal(td_toklayers_put(l, "NN", &o[0]), 0);
			assert_int_equal(td_toklayers_put(l, "VB", &o[1]), 0);
			assert_int_equal(td_toklayers_put(l, "x", &o[2]), 0);
			td_toklayers_set_off(l, 0, o[0], o[2]);
			td_toklayers_set_off(l, 1, o[1], o[2]);
			td_toklayers_set_off(l, 2, o[0], 0);
			assert_int_equal(td_toklayers_set(l, 3, "NN", "y"), 0);
			assert_int_equal(
			        td_toklayers_set(l, 4, "VB", "see"), 0);
		} else {
			/* the same offsets as doc-1's, other strings */
			assert_int_equal(td_toklayers_put(l, "JJ", &o[0]), 0);
			assert_int_equal(td_toklayers_put(l, "NN", &o[1]), 0);
			assert_int_equal(td_toklayers_put(l, "big", &o[2]), 0);
			td_toklayers_set_off(l, 0, o[0], o[2]);
			td_toklayers_set_off(l, 1, o[0], 0);
			td_toklayers_set_off(l, 2, o[1], o[2]);
			assert_int_equal(td_toklayers_set(l, 3, "", "x"), 0);
			assert_int_equal(
			        td_toklayers_set(l, 4, "DT", "the"), 0);
		}
		add(w, d[k], k ? "2.txt" : "1.txt");
	}
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_nsegs(ix), 1);
	td_seg *s = td_index_seg(ix, 0);
	for (uint32_t p = 0; p < 10; p++) {
		assert_string_equal(
		        td_seg_lex_term(s, TD_LAYER_POS,
		                td_seg_id_at(s, TD_LAYER_POS, p), NULL),
		        want[p / 5][0][p % 5]);
		assert_string_equal(
		        td_seg_lex_term(s, TD_LAYER_LEMMA,
		                td_seg_id_at(s, TD_LAYER_LEMMA, p), NULL),
		        want[p / 5][1][p % 5]);
	}
	check_postings(s);
	td_index_close(ix);
	td_doc_free(d[0]);
	td_doc_free(d[1]);
}

/* A document of n tokens "w" tagged NN and VB, and tag rare[k] at the
 * positions at[k] (k < nrare). */
static td_doc *tagged_doc(const char *id, uint32_t n, const char *rare,
        const uint32_t *at, size_t nrare)
{
	char *text = malloc(2 * (size_t)n);
	assert_non_null(text);
	for (uint32_t i = 0; i < n; i++)
		memcpy(text + 2 * i, "w ", 2);
	td_doc *d;
	assert_int_equal(td_doc_new(id, text, 2 * (size_t)n - 1, &d), 0);
	free(text);
	td_meta_set(&d->meta.title, id);
	assert_int_equal(td_toklayers_new(n, &d->layers), 0);
	for (uint32_t i = 0; i < n; i++) {
		const char *t = i % 6 == 1 ? "VB" : "NN";
		for (size_t k = 0; k < nrare; k++)
			if (at[k] == i)
				t = rare;
		assert_int_equal(td_toklayers_set(d->layers, i, t, "w"), 0);
	}
	return d;
}

/* The header of the one segment of dir. */
static void one_seg_hdr(const char *dir, td_seghdr *h)
{
	DIR *dd = opendir(dir);
	struct dirent *e;
	int n = 0;
	assert_non_null(dd);
	while ((e = readdir(dd))) {
		size_t l = strlen(e->d_name);
		if (l < 4 || strcmp(e->d_name + l - 4, ".tdx"))
			continue;
		char path[600];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		assert_int_equal(fread(h, sizeof *h, 1, f), 1);
		fclose(f);
		n++;
	}
	closedir(dd);
	assert_int_equal(n, 1);
}

/* The pos layer of a merged segment (lexicon with its scan flags,
 * postings, ids) against the segment that the same documents make in one
 * batch. */
static void same_pos_layer(const char *merged, const char *whole)
{
	td_seghdr hm, hw;
	one_seg_hdr(merged, &hm);
	one_seg_hdr(whole, &hw);
	assert_int_equal(hm.ntokens, hw.ntokens);
	assert_int_equal(hm.lexsize[TD_LAYER_POS], hw.lexsize[TD_LAYER_POS]);
	assert_int_equal(hm.lbits[1], hw.lbits[1]);
	td_index *a, *b;
	assert_int_equal(td_index_open(merged, &a), 0);
	assert_int_equal(td_index_open(whole, &b), 0);
	td_seg *sa = td_index_seg(a, 0), *sb = td_index_seg(b, 0);
	static const int secs[] = {TD_SEC_LEX3, TD_SEC_LSTR3, TD_SEC_POST3,
	        TD_SEC_IDS3, TD_SEC_IDS};
	assert_int_equal(hm.id_ranks, hw.id_ranks);
	for (size_t i = 0; i < sizeof secs / sizeof secs[0]; i++) {
		uint64_t len = hw.sec_len[secs[i]];
		assert_int_equal(hm.sec_len[secs[i]], len);
		if (!len)
			continue;
		const uint8_t *pa = td_seg_sec(sa, secs[i], 0, len),
		              *pb = td_seg_sec(sb, secs[i], 0, len);
		assert_non_null(pa);
		assert_non_null(pb);
		assert_memory_equal(pa, pb, len);
	}
	check_postings(sa);
	td_index_close(a);
	td_index_close(b);
	assert_int_equal(td_index_check(merged), 0);
}

/* The streaming merge decides anew which pos terms keep postings (format
 * 9): a tag scanned in each of its small sources (2 of 1000 positions,
 * 3 of 3000) is rare in the merged segment and gets postings, a frequent
 * one none, as in a segment built from the same documents at once; with
 * a deleted document too (live counts of a source with deletions). */
static void test_pos_scan_merge(void **state)
{
	(void)state;
	static const uint32_t sym[] = {5, 900}, fw[] = {10, 1500, 2999};
	td_doc *a = tagged_doc("doc-a", 1000, "SYM", sym, 2),
	       *b = tagged_doc("doc-b", 3000, "FW", fw, 3),
	       *c = tagged_doc("doc-c", 1000, "", NULL, 0),
	       *c2 = tagged_doc("doc-c", 500, "", NULL, 0);
	char merged[256], whole[300];
	td_writer *w;
	/* a | b c, then c replaced: a deletion in the second segment */
	newdir(merged, sizeof merged);
	assert_int_equal(td_writer_open(merged, 0, &w), 0);
	add(w, a, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	add(w, b, "b.txt");
	add(w, c, "c.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	td_seghdr h;
	td_index *ix;
	assert_int_equal(td_index_open(merged, &ix), 0);
	assert_int_equal(td_index_nsegs(ix), 2);
	td_index_close(ix);
	/* without the deletion first: a b c */
	char copy[600];
	snprintf(whole, sizeof whole, "%s.nodel", merged);
	snprintf(copy, sizeof copy, "cp -a %s %s", merged, whole);
	assert_int_equal(system(copy), 0);
	assert_int_equal(td_writer_open(whole, 0, &w), 0);
	assert_int_equal(td_writer_merge(w), 0);
	td_writer_close(w);
	one_seg_hdr(whole, &h);
	assert_int_equal(h.ntokens, 5000);
	char ref[256];
	newdir(ref, sizeof ref);
	assert_int_equal(td_writer_open(ref, 0, &w), 0);
	add(w, a, "a.txt");
	add(w, b, "b.txt");
	add(w, c, "c.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	same_pos_layer(whole, ref);
	/* IDS codes the (word, pos) pairs (format 15): "w" with NN, VB, SYM
	 * and FW is 4 ranks, and IDS3 their 4 pos ids in 2 bits, a byte and
	 * 8 of padding, not 2 bits a position */
	assert_int_equal(h.id_ranks, 4);
	assert_int_equal(h.lbits[1], 2);
	assert_int_equal(h.sec_len[TD_SEC_IDS3], 9);
	/* SYM and FW: postings (varints 5 and 895; 1010, 2500 and 2499 ...) */
	assert_true(h.sec_len[TD_SEC_POST3] > 0);
	assert_true(h.sec_len[TD_SEC_POST3] < 16);
	/* with the deletion: a b c2 */
	assert_int_equal(td_writer_open(merged, 0, &w), 0);
	add(w, c2, "c.txt");
	assert_int_equal(td_writer_commit(w), 0);
	assert_int_equal(td_writer_merge(w), 0);
	td_writer_close(w);
	one_seg_hdr(merged, &h);
	assert_int_equal(h.ntokens, 4500);
	newdir(ref, sizeof ref);
	assert_int_equal(td_writer_open(ref, 0, &w), 0);
	add(w, a, "a.txt");
	add(w, b, "b.txt");
	add(w, c2, "c.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	same_pos_layer(merged, ref);
	td_doc_free(a);
	td_doc_free(b);
	td_doc_free(c);
	td_doc_free(c2);
}

/* A document of the given tokens (joined by spaces) with their pos and
 * lemma. */
static td_doc *layered_doc(const char *id, const char *const *tok,
        const char *const *pos, const char *const *lem, size_t n)
{
	char text[512] = "";
	for (size_t i = 0; i < n; i++) {
		strcat(text, tok[i]);
		if (i + 1 < n)
			strcat(text, " ");
	}
	td_doc *d;
	assert_int_equal(td_doc_new(id, text, strlen(text), &d), 0);
	td_meta_set(&d->meta.title, id);
	assert_int_equal(td_toklayers_new(n, &d->layers), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(
		        td_toklayers_set(d->layers, i, pos[i], lem[i]), 0);
	return d;
}

/* The postings offset (with its flags) of term t of layer in s. */
static uint64_t post_off(td_seg *s, int layer, const char *t)
{
	int64_t id = td_seg_lex_find(s, layer, t, strlen(t));
	assert_true(id >= 0);
	td_seglex e;
	assert_int_equal(
	        td_seg_lex_entry(s, layer, (uint32_t)id, &e, NULL, NULL), 0);
	return e.post_off;
}

/* Asserts that lemma t of s shares the postings of term t2 of layer to
 * (word or norm), or with to < 0 that it has its own. */
static void lemma_shares(td_seg *s, const char *t, int to, const char *t2)
{
	uint64_t o = post_off(s, TD_LAYER_LEMMA, t);
	if (to < 0) {
		assert_false(o & TD_POST_SHARED);
		return;
	}
	assert_true(o & TD_POST_SHARED);
	assert_int_equal(!!(o & TD_POST_TO_WORD), to == TD_LAYER_WORD);
	assert_int_equal((o >> TD_POST_ID_SHIFT) & TD_POST_ID_MAX,
	        td_seg_lex_find(s, to, t2, strlen(t2)));
}

/* The sections of every token layer of merged's one segment against
 * whole's, byte for byte. */
static void same_layers(const char *merged, const char *whole)
{
	td_seghdr hm, hw;
	one_seg_hdr(merged, &hm);
	one_seg_hdr(whole, &hw);
	td_index *a, *b;
	assert_int_equal(td_index_open(merged, &a), 0);
	assert_int_equal(td_index_open(whole, &b), 0);
	td_seg *sa = td_index_seg(a, 0), *sb = td_index_seg(b, 0);
	static const int secs[] = {TD_SEC_LEX0, TD_SEC_LEX1, TD_SEC_POST0,
	        TD_SEC_POST1, TD_SEC_IDS, TD_SEC_W2N, TD_SEC_LEX2, TD_SEC_LSTR2,
	        TD_SEC_POST2, TD_SEC_IDS2, TD_SEC_LEX3, TD_SEC_POST3,
	        TD_SEC_IDS3};
	for (size_t i = 0; i < sizeof secs / sizeof secs[0]; i++) {
		uint64_t len = hw.sec_len[secs[i]];
		assert_int_equal(hm.sec_len[secs[i]], len);
		if (!len)
			continue;
		const uint8_t *pa = td_seg_sec(sa, secs[i], 0, len),
		              *pb = td_seg_sec(sb, secs[i], 0, len);
		assert_non_null(pa);
		assert_non_null(pb);
		assert_memory_equal(pa, pb, len);
	}
	check_postings(sa);
	td_index_close(a);
	td_index_close(b);
	assert_int_equal(td_index_check(merged), 0);
}

static int open_edited(const char *path, const uint8_t *seg, size_t n,
        void (*edit)(td_seghdr *h));
static void narrow_tiers(td_seghdr *h);

/* The word of position i of ranked_doc: "the" every other position,
 * "of" every sixth, 350 rarer words between, so the tiers differ. */
static void ranked_word(uint32_t i, char *w, size_t n)
{
	if (i % 2)
		snprintf(w, n, "the");
	else if (i % 6 == 0)
		snprintf(w, n, "of");
	else
		snprintf(w, n, "w%u", i * 7919u % 700);
}

static td_doc *ranked_doc(const char *id, uint32_t first, uint32_t n)
{
	char *text = malloc(8 * (size_t)n + 1), w[16];
	size_t len = 0;
	assert_non_null(text);
	for (uint32_t i = first; i < first + n; i++) {
		ranked_word(i, w, sizeof w);
		len += (size_t)sprintf(
		        text + len, "%s%s", i > first ? " " : "", w);
	}
	td_doc *d;
	assert_int_equal(td_doc_new(id, text, len, &d), 0);
	free(text);
	td_meta_set(&d->meta.title, id);
	return d;
}

/* td_idc_locate (where a position's value lies in its block of IDS)
 * against a sum of the widths before it, with the popcnt instruction
 * (where the CPU has it) and without (td_idc_soft), for selectors of
 * every tier at every position. */
static void test_idc_locate(void **state)
{
	(void)state;
	/* widths that fall and rise (the coefficients come out negative),
	 * and the widest */
	const uint8_t ws[3][TD_IDC_TIERS] = {{0, 3, 7, 12, 13, 15, 16, 17},
	        {5, 0, 9, 2, 32, 1, 7, 3}, {32, 32, 32, 32, 32, 32, 32, 31}};
	uint64_t x = 88172645463325252u;
	for (int soft = 0; soft < 2; soft++) {
		td_idc_soft(soft);
		for (int k = 0; k < 300; k++) {
			const uint8_t *w = ws[k % 3];
			int64_t c[TD_IDC_TIERS];
			td_idc_coef(w, c);
			uint64_t sel[TD_IDC_PLANES];
			for (int h = 0; h < TD_IDC_PLANES; h++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				sel[h] = x;
			}
			uint64_t sum = 0;
			for (unsigned i = 0; i < TD_IDC_BLOCK; i++) {
				unsigned t,
				        want = (unsigned)((sel[0] >> i & 1) |
				                          (sel[1] >> i & 1)
				                                  << 1 |
				                          (sel[2] >> i & 1)
				                                  << 2);
				uint64_t bit;
				td_idc_locate(sel, i, c, &t, &bit);
				assert_int_equal(t, want);
				assert_int_equal(bit, sum);
				sum += w[want];
			}
		}
	}
	td_idc_soft(0);
}

/* The bits of IDS's blocks for ranks of frequencies freq (falling) in
 * the tiers of widths w, with sel bits of selector a position. */
static uint64_t tier_cost(const uint64_t *freq, uint32_t n, const uint8_t *w,
        unsigned ntiers, unsigned sel)
{
	uint64_t cost = 0, base = 0;
	unsigned k = 0;
	for (uint32_t r = 0; r < n; r++) {
		while (k < ntiers && r >= base + ((uint64_t)1 << w[k]))
			base += (uint64_t)1 << w[k++];
		assert_true(k < ntiers);
		cost += freq[r] * (w[k] + sel);
	}
	return cost;
}

/* The eight tiers of format 19 (idcode.h), chosen by td_idenc_init: on
 * a Zipf distribution of 70,000 words they hold every rank, cost no more
 * than any other rising widths tried, and less than the best four tiers
 * of 2-bit selectors that format 18 had (by 3% or more). */
static void test_idc_tiers(void **state)
{
	(void)state;
	const uint32_t n = 70000;
	uint64_t *freq = malloc(n * sizeof *freq);
	assert_non_null(freq);
	for (uint32_t r = 0; r < n; r++)
		freq[r] = 10000000 / (r + 1) + 1;
	td_idenc e;
	assert_int_equal(td_idenc_init(&e, NULL, freq, n), 0);
	assert_true(e.base[TD_IDC_TIERS] >= n);
	for (uint32_t r = 0; r < n; r++)
		assert_int_equal(e.rank[r], r); /* by falling frequency */
	uint64_t got = tier_cost(freq, n, e.w, TD_IDC_TIERS, TD_IDC_PLANES);
	/* the best four tiers with 2-bit selectors (format 18's search) */
	uint64_t four = UINT64_MAX;
	for (uint8_t a = 0; a <= 16; a++)
		for (uint8_t b = a; b <= 17; b++)
			for (uint8_t c = b; c <= 17; c++) {
				uint64_t b3 = ((uint64_t)1 << a) +
				              ((uint64_t)1 << b) +
				              ((uint64_t)1 << c);
				uint8_t d = 0;
				while (b3 + ((uint64_t)1 << d) < n)
					d++;
				uint8_t w4[4] = {a, b, c, d};
				uint64_t x = tier_cost(freq, n, w4, 4, 2);
				if (x < four)
					four = x;
			}
	assert_true(got * 100 <= four * 97);
	/* random rising widths that hold every rank cost no less */
	uint64_t x = 88172645463325252u;
	for (int k = 0; k < 2000; k++) {
		uint8_t w[TD_IDC_TIERS];
		uint64_t held = 0;
		for (unsigned j = 0; j < TD_IDC_TIERS; j++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			uint8_t lo = j ? w[j - 1] : 0;
			w[j] = (uint8_t)(lo + x % 4);
			if (w[j] > 17)
				w[j] = 17;
			held += (uint64_t)1 << w[j];
		}
		if (held < n)
			continue;
		assert_true(tier_cost(freq, n, w, TD_IDC_TIERS,
		                    TD_IDC_PLANES) >= got);
	}
	td_idenc_clear(&e);
	free(freq);
}

/* IDS codes a position's word by its rank in tiers (format 14, idcode.h):
 * every position's word comes back, over 3001 positions (47 blocks, the
 * last partial), from the builder and from the merge of two segments (the
 * same bytes), in fewer bytes than fixed-width ids; tiers that hold fewer
 * ranks than the lexicon's words are refused at open. */
static void test_word_ids_ranked(void **state)
{
	(void)state;
	const uint32_t n = 3001, half = 1500;
	char dir[256], ref[256], path[600], bad[600];
	td_writer *w;
	td_index *ix;
	newdir(dir, sizeof dir);
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	td_doc *d1 = ranked_doc("doc-1", 0, half),
	       *d2 = ranked_doc("doc-2", half, n - half);
	add(w, d1, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	add(w, d2, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	assert_int_equal(td_writer_merge(w), 0);
	td_writer_close(w);
	newdir(ref, sizeof ref);
	assert_int_equal(td_writer_open(ref, 0, &w), 0);
	add(w, d1, "a.txt");
	add(w, d2, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	same_layers(dir, ref);
	td_seghdr h;
	one_seg_hdr(ref, &h);
	assert_int_equal(h.ntokens, n);
	assert_int_equal(h.lexsize[TD_LAYER_WORD], 352);
	assert_true(h.sec_len[TD_SEC_IDS] < (uint64_t)n * h.id_bits / 8);
	assert_int_equal(h.id_tier[0], 0); /* "the" alone, in no bits */
	/* W2N packed in the bits of a norm id (format 16), not a u32 each */
	assert_int_equal(h.sec_len[TD_SEC_W2N],
	        td_w2n_len(h.lexsize[TD_LAYER_WORD], h.lexsize[TD_LAYER_NORM]));
	assert_true(h.sec_len[TD_SEC_W2N] < (uint64_t)h.lexsize[0] * 4);
	assert_int_equal(td_index_open(ref, &ix), 0);
	td_seg *s = td_index_seg(ix, 0);
	for (uint32_t i = 0; i < n; i++) {
		char want[16];
		size_t len = 0;
		ranked_word(i, want, sizeof want);
		const char *t = td_seg_lex_term(s, TD_LAYER_WORD,
		        td_seg_id_at(s, TD_LAYER_WORD, i), &len);
		assert_non_null(t);
		assert_int_equal(len, strlen(want));
		assert_memory_equal(t, want, len);
	}
	assert_int_equal(td_seg_damaged(s), 0);
	td_index_close(ix);
	assert_int_equal(td_index_check(ref), 0);

	/* the same segment with tiers too narrow for its 352 words */
	DIR *dd = opendir(ref);
	struct dirent *e;
	path[0] = 0;
	while ((e = readdir(dd)))
		if (!strncmp(e->d_name, "seg-", 4))
			snprintf(path, sizeof path, "%s/%s", ref, e->d_name);
	closedir(dd);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static uint8_t seg[1 << 20];
	size_t sz = fread(seg, 1, sizeof seg, f);
	fclose(f);
	assert_true(sz > TD_SEG_HDR && sz < sizeof seg);
	snprintf(bad, sizeof bad, "%s/narrow.tdx", ref);
	assert_int_equal(open_edited(bad, seg, sz, narrow_tiers), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "inconsistent section sizes"));
	td_doc_free(d1);
	td_doc_free(d2);
}

/* A lexicon entry is 16 bytes (format 11): no length, the term ends where
 * the next one's string begins (the last where LSTR ends), so every term
 * of every layer comes back with its own length, the last of each layer
 * and a one-byte term included, and a merged segment's entries are the
 * builder's. */
static void test_lexicon_entries(void **state)
{
	(void)state;
	static const char *const t1[] = {"zebra", "a", "Zebras", "a", "."},
	                         *p1[] = {"NN", "DT", "NNS", "DT", "."},
	                         *l1[] = {"zebra", "a", "zebra", "a", "."},
	                         *t2[] = {"ab", "zebu", "Ab"},
	                         *p2[] = {"NN", "NN", "NNP"},
	                         *l2[] = {"ab", "zebu", "ab"};
	static const char *const words[] = {
	        ".", "Ab", "Zebras", "a", "ab", "zebra", "zebu"};
	td_doc *d1 = layered_doc("doc-1", t1, p1, l1, 5),
	       *d2 = layered_doc("doc-2", t2, p2, l2, 3);
	char dir[256], ref[256];
	td_writer *w;
	td_index *ix;
	newdir(dir, sizeof dir);
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, d1, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	add(w, d2, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	assert_int_equal(td_writer_merge(w), 0);
	td_writer_close(w);
	newdir(ref, sizeof ref);
	assert_int_equal(td_writer_open(ref, 0, &w), 0);
	add(w, d1, "a.txt");
	add(w, d2, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	same_layers(dir, ref);
	td_seghdr h;
	one_seg_hdr(ref, &h);
	/* entries bit-packed by block (format 17): a block of 7 terms with
	 * a few postings each is its 20-byte header, a few bytes of fields,
	 * the padding and its offset, not 16 bytes a term */
	assert_int_equal(sizeof(td_seglexblk), 20);
	for (int l = 0; l < TD_NLAYERS; l++)
		if (h.lexsize[l])
			assert_in_range(h.sec_len[td_sec_lex(l)],
			        td_lex_min_len(h.lexsize[l]),
			        td_lex_min_len(h.lexsize[l]) +
			                (uint64_t)h.lexsize[l] * 8);
	assert_int_equal(h.lexsize[TD_LAYER_WORD], 7);
	assert_int_equal(td_index_open(ref, &ix), 0);
	td_seg *s = td_index_seg(ix, 0);
	for (uint32_t i = 0; i < 7; i++) {
		size_t len = 0;
		const char *t = td_seg_lex_term(s, TD_LAYER_WORD, i, &len);
		assert_non_null(t);
		assert_int_equal(len, strlen(words[i]));
		assert_memory_equal(t, words[i], len + 1);
		assert_int_equal(
		        td_seg_lex_find(s, TD_LAYER_WORD, words[i], len), i);
	}
	/* the last of each layer: its length from the end of LSTR */
	static const char *const last[] = {"zebu", "zebu", "zebu", "NNS"};
	for (int l = 0; l < TD_NLAYERS; l++) {
		size_t len = 0;
		const char *t = td_seg_lex_term(s, l, h.lexsize[l] - 1, &len);
		assert_non_null(t);
		assert_int_equal(len, strlen(last[l]));
		assert_memory_equal(t, last[l], len);
	}
	assert_null(td_seg_lex_term(s, TD_LAYER_WORD, 7, NULL));
	assert_int_equal(td_seg_damaged(s), 0);
	td_index_close(ix);
	td_doc_free(d1);
	td_doc_free(d2);
}

/* The lexicons are in bytewise order (shorter first on a common
 * prefix) however the words share their first 8 bytes, which the
 * builder's sort compares as a number before comparing strings: a word
 * ending inside the 8 (its zeros below any byte), words equal in the 8
 * and different after them, bytes above 0x7f (UTF-8), and a lexicon of
 * one. */
static void test_lexicon_order(void **state)
{
	(void)state;
	static const char *const t[] = {"internationally", "internal",
	        "international", "intern", "Ωmega", "internationale", "interna",
	        "internalise", "internAl", "Ω", "zz", "internationalb", "a"};
	static const char *const want[] = {"a", "intern", "internAl", "interna",
	        "internal", "internalise", "international", "internationalb",
	        "internationale", "internationally", "zz", "Ω", "Ωmega"};
	static const char *const one[] = {"x"};
	enum { N = sizeof t / sizeof *t };
	const char *pos[N], *lem[N];
	for (size_t i = 0; i < N; i++)
		pos[i] = lem[i] = t[N - 1 - i];
	for (int k = 0; k < 2; k++) {
		td_doc *d = k ? layered_doc("doc-1", one, one, one, 1)
		              : layered_doc("doc-1", t, pos, lem, N);
		char dir[256];
		td_writer *w;
		td_index *ix;
		newdir(dir, sizeof dir);
		assert_int_equal(td_writer_open(dir, 0, &w), 0);
		add(w, d, "a.txt");
		assert_int_equal(td_writer_commit(w), 0);
		td_writer_close(w);
		assert_int_equal(td_index_open(dir, &ix), 0);
		td_seg *s = td_index_seg(ix, 0);
		for (int l = 0; l < TD_NLAYERS; l++) {
			if (l == TD_LAYER_NORM)
				continue; /* case-folded: "internal" once */
			for (uint32_t i = 0; i < (k ? 1 : N); i++) {
				size_t len = 0;
				const char *x = td_seg_lex_term(s, l, i, &len);
				const char *wt = k ? one[0] : want[i];
				assert_non_null(x);
				assert_int_equal(len, strlen(wt));
				assert_memory_equal(x, wt, len);
			}
		}
		td_index_close(ix);
		td_doc_free(d);
	}
}

/* A lemma whose positions are exactly a word's or a norm's stores no copy
 * of its postings (format 10): "cat" shares the word "cat"'s, "the" the
 * norm "the"'s (The, the); "see" (saw, See) and "saw" (one of two saw)
 * keep their own. The streaming merge decides it on the live positions,
 * as the builder does: "cat" is the norm's while a deleted document has
 * "Cat", the word's once it is gone. */
static void test_shared_postings(void **state)
{
	(void)state;
	static const char *const t1[] = {"The", "cat", "saw", "the", "saw", ".",
	        "See"},
	                         *p1[] = {"DT", "NN", "VBD", "DT", "NN", ".",
	                                 "VB"},
	                         *l1[] = {"the", "cat", "see", "the", "saw",
	                                 ".", "see"},
	                         *t2[] = {"Cat", "."}, *p2[] = {"NN", "."},
	                         *l2[] = {"cat", "."}, *t3[] = {"the", "cat"},
	                         *p3[] = {"DT", "NN"}, *l3[] = {"the", "cat"},
	                         *t4[] = {"dog", "."}, *p4[] = {"NN", "."},
	                         *l4[] = {"dog", "."};
	td_doc *d1 = layered_doc("doc-1", t1, p1, l1, 7),
	       *d2 = layered_doc("doc-2", t2, p2, l2, 2),
	       *d3 = layered_doc("doc-3", t3, p3, l3, 2),
	       *d4 = layered_doc("doc-2", t4, p4, l4, 2);
	char dir[256], ref[256];
	td_writer *w;
	td_index *ix;
	newdir(dir, sizeof dir);
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, d1, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	assert_int_equal(td_index_open(dir, &ix), 0);
	td_seg *s = td_index_seg(ix, 0);
	lemma_shares(s, "cat", TD_LAYER_WORD, "cat");
	lemma_shares(s, ".", TD_LAYER_WORD, ".");
	lemma_shares(s, "the", TD_LAYER_NORM, "the");
	lemma_shares(s, "see", -1, NULL);
	lemma_shares(s, "saw", -1, NULL);
	/* the norm "cat" shares the word's; "the" has two forms */
	assert_true(post_off(s, TD_LAYER_NORM, "cat") & TD_POST_TO_WORD);
	assert_false(post_off(s, TD_LAYER_NORM, "the") & TD_POST_SHARED);
	check_postings(s);
	td_index_close(ix);
	assert_int_equal(td_index_check(dir), 0);
	/* a | 2 3, then 2 replaced: a deletion in the second segment */
	add(w, d2, "b.txt");
	add(w, d3, "c.txt");
	assert_int_equal(td_writer_commit(w), 0);
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_nsegs(ix), 2);
	lemma_shares(td_index_seg(ix, 1), "cat", TD_LAYER_NORM, "cat");
	td_index_close(ix);
	add(w, d4, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	assert_int_equal(td_writer_merge(w), 0);
	td_writer_close(w);
	newdir(ref, sizeof ref);
	assert_int_equal(td_writer_open(ref, 0, &w), 0);
	add(w, d1, "a.txt");
	add(w, d3, "c.txt");
	add(w, d4, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	same_layers(dir, ref);
	assert_int_equal(td_index_open(dir, &ix), 0);
	s = td_index_seg(ix, 0);
	lemma_shares(s, "cat", TD_LAYER_WORD, "cat");
	lemma_shares(s, "the", TD_LAYER_NORM, "the");
	lemma_shares(s, "dog", TD_LAYER_WORD, "dog");
	lemma_shares(s, "see", -1, NULL);
	td_index_close(ix);
	td_doc_free(d1);
	td_doc_free(d2);
	td_doc_free(d3);
	td_doc_free(d4);
}

/* A norm of two or more surface forms, and a lemma whose positions are
 * exactly those of two or more words, store the ascending ids of those
 * words instead of postings (TD_POST_UNION, format 12), and their
 * positions are the merge of those words' postings, from any target;
 * the streaming merge writes what the builder writes. "see" (saw is
 * also the noun) and "'s" (be and have) keep postings of their own. */
static void test_union_postings(void **state)
{
	(void)state;
	static const char *const t1[] = {"The", "cat", "is", "here", ".", "the",
	        "cats", "were", "Cats", ".", "Was", "the", "saw", "The", "Cat",
	        "saw", "See"},
	                         *p1[] = {"DT", "NN", "VBZ", "RB", ".", "DT",
	                                 "NNS", "VBD", "NNS", ".", "VBD", "DT",
	                                 "NN", "DT", "NN", "VBD", "VB"},
	                         *l1[] = {"the", "cat", "be", "here", ".",
	                                 "the", "cat", "be", "cat", ".", "be",
	                                 "the", "saw", "the", "cat", "see",
	                                 "see"},
	                         *t2[] = {"THE", "cats", "is", "."},
	                         *p2[] = {"DT", "NNS", "VBZ", "."},
	                         *l2[] = {"the", "cat", "be", "."};
	td_doc *d1 = layered_doc("doc-1", t1, p1, l1, 17),
	       *d2 = layered_doc("doc-2", t2, p2, l2, 4);
	char dir[256], ref[256];
	td_writer *w;
	td_index *ix;
	newdir(ref, sizeof ref);
	assert_int_equal(td_writer_open(ref, 0, &w), 0);
	add(w, d1, "a.txt");
	add(w, d2, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	assert_int_equal(td_index_open(ref, &ix), 0);
	td_seg *s = td_index_seg(ix, 0);
	static const char *const norms[] = {"the", "cat", "cats", "saw"};
	static const int nforms[] = {3, 2, 2, 1};
	uint64_t bytes = 0;
	for (int i = 0; i < 4; i++) {
		uint64_t o = post_off(s, TD_LAYER_NORM, norms[i]);
		/* a union has bit 62 without 63; a shared norm both */
		assert_int_equal(
		        (o & (TD_POST_UNION | TD_POST_SHARED)) == TD_POST_UNION,
		        nforms[i] > 1);
		assert_int_equal(!!(o & TD_POST_SHARED), nforms[i] == 1);
		bytes += nforms[i] > 1 ? (uint64_t)nforms[i] : 0;
	}
	/* the norms' postings hold one byte a word id here, nothing else */
	td_seghdr h;
	one_seg_hdr(ref, &h);
	assert_int_equal(h.sec_len[TD_SEC_POST1], bytes);
	/* be: is, were, Was (every one a be); cat: cat, cats, Cat, Cats */
	assert_int_equal(post_off(s, TD_LAYER_LEMMA, "be") &
	                         (TD_POST_UNION | TD_POST_SHARED),
	        TD_POST_UNION);
	assert_int_equal(post_off(s, TD_LAYER_LEMMA, "cat") &
	                         (TD_POST_UNION | TD_POST_SHARED),
	        TD_POST_UNION);
	assert_int_equal(post_off(s, TD_LAYER_LEMMA, "see") &
	                         (TD_POST_UNION | TD_POST_SHARED),
	        0);
	lemma_shares(s, "the", TD_LAYER_NORM, "the");
	/* the norm "the": positions 0 5 11 13 and 17 (THE) */
	static const uint32_t the[] = {0, 5, 11, 13, 17};
	td_postings *p;
	uint32_t pos;
	int64_t id = td_seg_lex_find(s, TD_LAYER_NORM, "the", 3);
	assert_true(id >= 0);
	assert_int_equal(
	        td_postings_open(s, TD_LAYER_NORM, (uint32_t)id, &p), 0);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(td_postings_next(p, 0, &pos), 1);
		assert_int_equal(pos, the[i]);
	}
	assert_int_equal(td_postings_next(p, 0, &pos), 0);
	td_postings_close(p);
	assert_int_equal(
	        td_postings_open(s, TD_LAYER_NORM, (uint32_t)id, &p), 0);
	assert_int_equal(td_postings_next(p, 6, &pos), 1);
	assert_int_equal(pos, 11);
	assert_int_equal(td_postings_next(p, 12, &pos), 1);
	assert_int_equal(pos, 13);
	assert_int_equal(td_postings_next(p, 0, &pos), 1);
	assert_int_equal(pos, 17);
	td_postings_close(p);
	check_postings(s);
	td_index_close(ix);
	assert_int_equal(td_index_check(ref), 0);
	/* merged from two segments: the builder's bytes */
	newdir(dir, sizeof dir);
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, d1, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	add(w, d2, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	assert_int_equal(td_writer_merge(w), 0);
	td_writer_close(w);
	same_layers(dir, ref);
	td_doc_free(d1);
	td_doc_free(d2);
}

/* How often the n bytes of v occur in section sec of the one segment of
 * dir. */
static int occurrences(const char *dir, int sec, const char *v)
{
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	td_seg *s = td_index_seg(ix, 0);
	td_seghdr h;
	one_seg_hdr(dir, &h);
	const uint8_t *p = td_seg_sec(s, sec, 0, h.sec_len[sec]);
	assert_non_null(p);
	size_t n = strlen(v);
	int k = 0;
	for (uint64_t i = 0; i + n <= h.sec_len[sec]; i++)
		k += !memcmp(p + i, v, n);
	td_index_close(ix);
	return k;
}

/* The documents' metadata (format 13): each value once in DOCPOOL, a
 * document's records in DOCSTR pointing at it. A value several documents
 * have (genre, date, author, an actor) is stored once, the sha256 given
 * twice (sha256, source_sha256) once, source_name as the tail of source;
 * every value reads back; the streaming merge makes the builder's bytes. */
static void test_doc_pool(void **state)
{
	(void)state;
	td_doc *d[3];
	char sha[3][65], ref[256], dir[256];
	const char *src[3] = {"in/first-article.txt", "in/second-article.txt",
	        "in/third-article.txt"};
	for (int i = 0; i < 3; i++) {
		char id[16];
		snprintf(id, sizeof id, "doc-%d", i);
		d[i] = make_doc(40u + (unsigned)i, 30, id);
		td_sha256_hex(d[i]->text, d[i]->len, sha[i]);
		td_meta_set(&d[i]->meta.source_sha256, sha[i]);
		td_meta_set(&d[i]->meta.source_name, strchr(src[i], '/') + 1);
		td_doc_add_actor(d[i], "united-states", "state",
		        i == 1 ? "USA" : "United States");
	}
	td_writer *w;
	newdir(ref, sizeof ref);
	assert_int_equal(td_writer_open(ref, 0, &w), 0);
	for (int i = 0; i < 3; i++)
		add(w, d[i], src[i]);
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	assert_int_equal(occurrences(ref, TD_SEC_DOCPOOL, "Expert comment"), 1);
	assert_int_equal(occurrences(ref, TD_SEC_DOCPOOL, "A. Writer"), 1);
	assert_int_equal(
	        occurrences(ref, TD_SEC_DOCPOOL, "kim-jong-un\tperson"), 1);
	assert_int_equal(occurrences(ref, TD_SEC_DOCPOOL, "United States"), 1);
	assert_int_equal(occurrences(ref, TD_SEC_DOCPOOL, "USA"), 1);
	assert_int_equal(occurrences(ref, TD_SEC_DOCPOOL, "2024-01-19"), 1);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(occurrences(ref, TD_SEC_DOCPOOL, sha[i]), 1);
		assert_int_equal(occurrences(ref, TD_SEC_DOCPOOL, src[i]), 1);
	}
	td_index *ix;
	assert_int_equal(td_index_open(ref, &ix), 0);
	td_seg *s = td_index_seg(ix, 0);
	for (uint32_t i = 0; i < 3; i++) {
		td_docinfo di;
		td_doc *back;
		const char *source, *sha256;
		assert_int_equal(td_seg_doc(s, i, &di), 0);
		assert_string_equal(di.source, src[i]);
		assert_string_equal(di.sha256, sha[i]);
		assert_string_equal(
		        td_seg_doc_meta(s, i, "source_sha256"), sha[i]);
		/* the tail of source, in place */
		const char *sn = td_seg_doc_meta(s, i, "source_name");
		assert_string_equal(sn, strchr(src[i], '/') + 1);
		assert_ptr_equal(sn, di.source + strlen("in/"));
		assert_int_equal(
		        td_seg_doc_load(s, i, &back, &source, &sha256), 0);
		assert_string_equal(back->id, d[i]->id);
		assert_string_equal(back->meta.genre, "Expert comment");
		assert_string_equal(back->meta.author, "A. Writer");
		assert_int_equal(back->n_actors, 2);
		assert_string_equal(
		        back->actors[1].name, i == 1 ? "USA" : "United States");
		td_doc_free(back);
	}
	td_seghdr hr;
	one_seg_hdr(ref, &hr);
	uint8_t *kv = malloc(hr.sec_len[TD_SEC_DOCSTR] + 1),
	        *pool = malloc(hr.sec_len[TD_SEC_DOCPOOL] + 1);
	memcpy(kv, td_seg_sec(s, TD_SEC_DOCSTR, 0, hr.sec_len[TD_SEC_DOCSTR]),
	        hr.sec_len[TD_SEC_DOCSTR]);
	memcpy(pool,
	        td_seg_sec(s, TD_SEC_DOCPOOL, 0, hr.sec_len[TD_SEC_DOCPOOL]),
	        hr.sec_len[TD_SEC_DOCPOOL]);
	td_index_close(ix);
	/* merged from three segments: the builder's bytes */
	newdir(dir, sizeof dir);
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	for (int i = 0; i < 3; i++) {
		add(w, d[i], src[i]);
		assert_int_equal(td_writer_commit(w), 0);
	}
	assert_int_equal(td_writer_merge(w), 0);
	td_writer_close(w);
	td_seghdr hm;
	one_seg_hdr(dir, &hm);
	assert_int_equal(hm.sec_len[TD_SEC_DOCSTR], hr.sec_len[TD_SEC_DOCSTR]);
	assert_int_equal(
	        hm.sec_len[TD_SEC_DOCPOOL], hr.sec_len[TD_SEC_DOCPOOL]);
	assert_int_equal(td_index_open(dir, &ix), 0);
	s = td_index_seg(ix, 0);
	assert_memory_equal(
	        td_seg_sec(s, TD_SEC_DOCSTR, 0, hm.sec_len[TD_SEC_DOCSTR]), kv,
	        hm.sec_len[TD_SEC_DOCSTR]);
	assert_memory_equal(
	        td_seg_sec(s, TD_SEC_DOCPOOL, 0, hm.sec_len[TD_SEC_DOCPOOL]),
	        pool, hm.sec_len[TD_SEC_DOCPOOL]);
	td_index_close(ix);
	assert_int_equal(td_index_check(dir), 0);
	free(kv);
	free(pool);
	for (int i = 0; i < 3; i++)
		td_doc_free(d[i]);
}

/* The dictionary of recent values forgets them all once it holds
 * TD_DOCPOOL_DICT bytes: a value seen before that is stored again, so the
 * memory stays bounded whatever the number of documents. A key that names
 * one document (title: td_metakeys[1]) never enters it: its value is
 * appended each time. */
static void test_doc_pool_bounded(void **state)
{
	(void)state;
	td_docpool p;
	uint64_t off, first;
	int add;
	td_docpool_init(&p);
	td_docpool_doc(&p);
	assert_int_equal(
	        td_docpool_put(&p, TD_KV_ACTOR, "Fiction", 7, &first, &add), 0);
	assert_int_equal(add, 1);
	assert_int_equal(first, 0);
	char v[4096];
	unsigned k = 0;
	while (p.len < 2 * (uint64_t)TD_DOCPOOL_DICT) {
		td_docpool_doc(&p);
		int n = snprintf(v, sizeof v, "%0900u", k++);
		assert_int_equal(td_docpool_put(&p, TD_KV_ACTOR, v, (size_t)n,
		                         &off, &add),
		        0);
		assert_int_equal(add, 1);
		if (k == 2) {
			/* before the dictionary fills: found */
			assert_int_equal(td_docpool_put(&p, TD_KV_ACTOR,
			                         "Fiction", 7, &off, &add),
			        0);
			assert_int_equal(add, 0);
			assert_int_equal(off, first);
		}
	}
	assert_true(td_docpool_bytes(&p) < 3 * (size_t)TD_DOCPOOL_DICT);
	td_docpool_doc(&p);
	assert_int_equal(
	        td_docpool_put(&p, TD_KV_ACTOR, "Fiction", 7, &off, &add), 0);
	assert_int_equal(add, 1);
	assert_true(off > first);
	uint64_t t1, t2;
	assert_string_equal(td_metakeys[1].key, "title");
	td_docpool_doc(&p);
	assert_int_equal(td_docpool_put(&p, 1, "A title", 7, &t1, &add), 0);
	assert_int_equal(add, 1);
	td_docpool_doc(&p);
	assert_int_equal(td_docpool_put(&p, 1, "A title", 7, &t2, &add), 0);
	assert_int_equal(add, 1);
	assert_int_equal(t2, t1 + 8);
	td_docpool_clear(&p);
}

static void test_version(void **state)
{
	(void)state;
	char dir[256], man[300];
	newdir(dir, sizeof dir);
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), TD_ENOTFOUND);
	mkdir(dir, 0755);
	snprintf(man, sizeof man, "%s/MANIFEST", dir);
	FILE *f = fopen(man, "w");
	fputs("tagdex-index 99\ngeneration 1\nend 00000000\n", f);
	fclose(f);
	assert_int_equal(td_index_open(dir, &ix), TD_EVERSION);
	assert_non_null(strstr(td_error_last(), "index format 99"));
	assert_int_equal(td_index_check(dir), TD_EVERSION);
	/* format 5 (norm without quote folding) is refused with the rebuild
	 * message, before its checksum is read */
	f = fopen(man, "w");
	fputs("tagdex-index 5\ngeneration 1\nend 00000000\n", f);
	fclose(f);
	assert_int_equal(td_index_open(dir, &ix), TD_EVERSION);
	assert_non_null(strstr(td_error_last(), "index format 5"));
	assert_non_null(strstr(td_error_last(), "index the sources again"));
	/* format 6 (no lemma and pos layers), 7 (a lemma id per
	 * position), 8 (postings of every pos term), 9 (lemmas with
	 * their own copy of a word's or norm's postings), 10 (24-byte
	 * lexicon entries), 11 (postings of norms of several forms) and 12
	 * (metadata strings per document), up to 18 (IDS in four tiers
	 * and a u32 a block)
	 * likewise, naming the command that reindexes */
	for (int v = 6; v < TD_INDEX_FORMAT; v++) {
		char line[64], want[32];
		f = fopen(man, "w");
		snprintf(line, sizeof line,
		        "tagdex-index %d\ngeneration 1\n"
		        "end 00000000\n",
		        v);
		fputs(line, f);
		fclose(f);
		assert_int_equal(td_index_open(dir, &ix), TD_EVERSION);
		snprintf(want, sizeof want, "index format %d", v);
		assert_non_null(strstr(td_error_last(), want));
		assert_non_null(
		        strstr(td_error_last(), "index the sources again"));
		/* the command, not --rebuild: that replaces the index in
		 * place, and the sources given may not be all of them */
		assert_non_null(
		        strstr(td_error_last(), "into a new index directory "
		                                "(tagdex-ingest -x NEW_DIR"));
		assert_null(strstr(td_error_last(), "--rebuild"));
	}
	/* --rebuild replaces an index of another version */
	td_writer *w;
	td_doc *a = make_doc(40, 30, "doc-a");
	assert_int_equal(td_writer_open(dir, 0, &w), TD_EVERSION);
	assert_int_equal(td_writer_open(dir, TD_WRITE_REBUILD, &w), 0);
	add(w, a, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	assert_int_equal(td_index_check(dir), 0);
	td_doc_free(a);
}

static void test_crc(void **state)
{
	(void)state;
	/* the standard check value of CRC-32C, in pieces and whole, on the
	 * default path (SSE4.2 where the CPU has it) and on the table path */
	assert_int_equal(td_crc32c(0, "123456789", 9), 0xE3069283u);
	assert_int_equal(
	        td_crc32c(td_crc32c(0, "1234", 4), "56789", 5), 0xE3069283u);
	assert_int_equal(td_crc32c_soft(0, "123456789", 9), 0xE3069283u);
	assert_int_equal(
	        td_crc32c_soft(td_crc32c_soft(0, "1234", 4), "56789", 5),
	        0xE3069283u);
	/* 32 zero bytes: the check value of RFC 3720 B.4 */
	static const char zeros[32];
	assert_int_equal(td_crc32c_soft(0, zeros, 32), 0x8A9136AAu);
	assert_int_equal(td_crc32c(0, zeros, 32), 0x8A9136AAu);
	/* both paths agree at every length and alignment (the 8-byte loop and
	 * the byte tail) */
	char buf[1000];
	for (int i = 0; i < 1000; i++)
		buf[i] = (char)(i * 7 + (i >> 3));
	for (size_t off = 0; off < 8; off++)
		for (size_t len = 0; len + off <= sizeof buf;
		        len += 1 + len / 4)
			assert_int_equal(td_crc32c(0, buf + off, len),
			        td_crc32c_soft(0, buf + off, len));
}

/* ----------------------------------------------------------- issue 12 */

static char warned[4096];
static void on_warn(void *ctx, const char *msg)
{
	(void)ctx;
	size_t n = strlen(warned);
	snprintf(warned + n, sizeof warned - n, "%s\n", msg);
}

static int nfiles(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	while (d && (e = readdir(d)))
		n += !strncmp(e->d_name, prefix, strlen(prefix));
	if (d)
		closedir(d);
	return n;
}

/* An index of docs a, b (two batches: two segments). */
static void two_batches(const char *dir, td_doc *a, td_doc *b)
{
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, a, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	add(w, b, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
}

/* LOCK deleted while writer A runs: writer B must still be refused (it
 * locked a fresh file, and A's batch was lost). */
static void test_lock_deleted(void **state)
{
	(void)state;
	char dir[256], p[300];
	newdir(dir, sizeof dir);
	td_writer *a, *b;
	assert_int_equal(td_writer_open(dir, 0, &a), 0);
	snprintf(p, sizeof p, "%s/LOCK", dir);
	assert_int_equal(unlink(p), 0);
	assert_int_equal(td_writer_open(dir, 0, &b), TD_ELOCKED);
	assert_non_null(strstr(td_error_last(), "locked by another writer"));
	td_writer_close(a);
	assert_int_equal(td_writer_open(dir, 0, &b), 0);
	td_writer_close(b);
}

/* MANIFEST deleted: a writer refuses (it unlinked every segment); --recover
 * rebuilds the manifest from the segments, newest document per source. */
static void test_manifest_lost(void **state)
{
	(void)state;
	char dir[256], p[300];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(40, 200, "doc-a"), *b = make_doc(41, 200, "doc-b"),
	       *b2 = make_doc(42, 150, "doc-b");
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, a, "a.txt");
	add(w, b, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	add(w, b2, "b.txt"); /* replaces b: a deletion the manifest held */
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	char *want = dump(dir);
	assert_non_null(want);
	snprintf(p, sizeof p, "%s/MANIFEST", dir);
	assert_int_equal(unlink(p), 0);
	int segs = nfiles(dir, "seg-");
	assert_int_equal(segs, 2);
	assert_int_equal(td_writer_open(dir, 0, &w), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "--recover"));
	assert_int_equal(nfiles(dir, "seg-"), segs); /* nothing deleted */
	size_t kept, dropped;
	uint64_t docs;
	/* damage one segment: recover keeps the others and says so */
	snprintf(p, sizeof p, "%s/seg-000002.tdx", dir);
	flip(p, 5000);
	warned[0] = '\0';
	td_set_warn(on_warn, NULL);
	assert_int_equal(td_index_recover(dir, &kept, &dropped, &docs), 0);
	td_set_warn(NULL, NULL);
	assert_int_equal(kept, 1);
	assert_int_equal(dropped, 1);
	assert_int_equal(docs, 2); /* a and the old b */
	assert_non_null(strstr(warned, "seg-000002.tdx: cannot keep it"));
	assert_int_equal(td_index_check(dir), 0);
	flip(p, 5000);
	snprintf(p, sizeof p, "%s/MANIFEST", dir);
	assert_int_equal(unlink(p), 0);
	assert_int_equal(td_index_recover(dir, &kept, &dropped, &docs), 0);
	assert_int_equal(kept, 2);
	assert_int_equal(dropped, 0);
	assert_int_equal(docs, 2);
	char *got = dump(dir);
	assert_string_equal(got, want);
	free(got);
	free(want);
	assert_int_equal(td_index_check(dir), 0);
	td_doc_free(a);
	td_doc_free(b);
	td_doc_free(b2);
}

static void put_manifest(const char *dir, const char *body);

/* Drops the first line of dir/MANIFEST starting with "del " and writes the
 * rest with a good checksum: damage the checksum cannot see. */
static void drop_del_line(const char *dir)
{
	char p[300], *data;
	size_t len;
	snprintf(p, sizeof p, "%s/MANIFEST", dir);
	assert_int_equal(td_read_file(p, &data, &len), 0);
	char *del = strstr(data, "\ndel "), *end = strstr(data, "\nend ");
	assert_non_null(del);
	assert_non_null(end);
	char *eol = strchr(del + 1, '\n');
	memmove(del, eol, strlen(eol) + 1);
	end = strstr(data, "\nend ");
	end[1] = '\0';
	put_manifest(dir, data);
	free(data);
}

/* A MANIFEST that lost the line deleting a replaced document (its checksum
 * made good) would revive it: the writer and td_index_check refuse
 * (TD_ECORRUPT naming the manifest, the source and both segments), and
 * --recover brings the state back. td_index_open does not look (every
 * query would pay a read of every document's id and source). */
static void test_manifest_del_lost(void **state)
{
	(void)state;
	char dir[256];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(50, 200, "doc-a"), *b = make_doc(51, 200, "doc-b"),
	       *b2 = make_doc(52, 150, "doc-b");
	td_writer *w;
	td_index *ix;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, a, "a.txt");
	add(w, b, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	add(w, b2, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	char *want = dump(dir);
	assert_non_null(want);
	drop_del_line(dir);
	assert_int_equal(td_index_open(dir, &ix), 0);
	td_index_close(ix);
	assert_int_equal(td_index_check(dir), TD_ECORRUPT);
	const char *msg = td_error_last();
	assert_non_null(strstr(msg, "/MANIFEST: source b.txt is live in "
	                            "seg-000001.tdx and in seg-000002.tdx"));
	assert_non_null(strstr(msg, "--recover"));
	assert_int_equal(td_writer_open(dir, 0, &w), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "source b.txt is live in"));
	size_t kept, dropped;
	uint64_t docs;
	assert_int_equal(td_index_recover(dir, &kept, &dropped, &docs), 0);
	assert_int_equal(docs, 2);
	char *got = dump(dir);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
	free(want);
	assert_int_equal(td_index_check(dir), 0);
	td_doc_free(a);
	td_doc_free(b);
	td_doc_free(b2);
}

/* A moved file keeps its id under its new source (tagdex-ingest): a
 * MANIFEST that lost the line deleting the old source (its checksum made
 * good) has two live documents with one id, the same text counted twice.
 * Sources differ, so only the id tells: td_index_check_ids refuses
 * (naming the id and both segments; tagdex-ingest asks it at --check and
 * at each batch, through TD_CHECK_IDS and TD_WRITE_UNIQUE_IDS), td_index_check
 * and the library's writer do not (it allows an id under two sources), and
 * td_index_recover_flags with TD_RECOVER_IDS keeps the newest document of the
 * id. */
static void test_manifest_del_lost_moved(void **state)
{
	(void)state;
	char dir[256];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(53, 200, "doc-a"), *c = make_doc(54, 120, "doc-c"),
	       *moved = make_doc(53, 200, "doc-a");
	td_writer *w;
	td_index *ix;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	add(w, a, "old/a.txt");
	add(w, c, "old/c.txt");
	assert_int_equal(td_writer_commit(w), 0);
	add(w, moved, "new/a.txt");
	assert_int_equal(td_writer_remove(w, "old/a.txt"), 0);
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_check_ids(ix), 0);
	td_index_close(ix);
	char *want = dump(dir);
	assert_non_null(want);
	drop_del_line(dir);
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_ndocs(ix), 3); /* doc-a twice */
	assert_int_equal(td_index_check_ids(ix), TD_ECORRUPT);
	const char *msg = td_error_last();
	assert_non_null(strstr(msg, "/MANIFEST: document id doc-a is live in "
	                            "seg-000001.tdx and in seg-000002.tdx"));
	assert_non_null(strstr(msg, "--recover"));
	td_index_close(ix);
	/* tagdex-ingest's batch and --check ask it in their one reading of
	 * the keys: the writer's open with TD_WRITE_UNIQUE_IDS, the check
	 * with TD_CHECK_IDS; without them the library allows the id twice */
	assert_int_equal(td_index_check_memory(dir, TD_WRITER_MEMORY, 0), 0);
	assert_int_equal(
	        td_index_check_memory(dir, TD_WRITER_MEMORY, TD_CHECK_IDS),
	        TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "document id doc-a is live in "
	                                        "seg-000001.tdx and in"));
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	td_writer_close(w);
	assert_int_equal(
	        td_writer_open(dir, TD_WRITE_UNIQUE_IDS, &w), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "document id doc-a is live in "
	                                        "seg-000001.tdx and in"));
	size_t kept, dropped;
	uint64_t docs;
	/* without TD_RECOVER_IDS both stay (two sources) */
	assert_int_equal(td_index_recover(dir, &kept, &dropped, &docs), 0);
	assert_int_equal(docs, 3);
	assert_int_equal(td_index_recover_flags(
	                         dir, TD_RECOVER_IDS, &kept, &dropped, &docs),
	        0);
	assert_int_equal(docs, 2); /* new/a.txt and old/c.txt */
	char *got = dump(dir);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
	free(want);
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_check_ids(ix), 0);
	td_index_close(ix);
	td_doc_free(a);
	td_doc_free(c);
	td_doc_free(moved);
}

/* A corrupt MANIFEST: --rebuild starts afresh; -x on a folder of other
 * files is refused without touching it. */
static void test_rebuild_any_state(void **state)
{
	(void)state;
	char dir[256], p[300];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(43, 100, "doc-a"), *b = make_doc(44, 100, "doc-b");
	two_batches(dir, a, b);
	snprintf(p, sizeof p, "%s/MANIFEST", dir);
	flip(p, 30);
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), TD_ECORRUPT);
	assert_int_equal(td_writer_open(dir, TD_WRITE_REBUILD, &w), 0);
	add(w, a, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	assert_int_equal(td_index_check(dir), 0);
	assert_int_equal(nfiles(dir, "seg-"), 1);
	/* MANIFEST deleted: --rebuild works too */
	assert_int_equal(unlink(p), 0);
	assert_int_equal(td_writer_open(dir, TD_WRITE_REBUILD, &w), 0);
	add(w, b, "b.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	assert_int_equal(td_index_check(dir), 0);
	assert_int_equal(nfiles(dir, "seg-"), 1);
	/* a folder of articles is no index */
	char arts[256];
	newdir(arts, sizeof arts);
	assert_int_equal(mkdir(arts, 0755), 0);
	snprintf(p, sizeof p, "%s/story.txt", arts);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs("An article.\n", f);
	fclose(f);
	assert_int_equal(td_writer_open(arts, 0, &w), TD_EUSAGE);
	assert_non_null(strstr(td_error_last(), "not an index directory"));
	assert_int_equal(td_writer_open(arts, TD_WRITE_REBUILD, &w), TD_EUSAGE);
	assert_int_equal(nfiles(arts, ""), 3); /* ., .., story.txt */
	td_doc_free(a);
	td_doc_free(b);
}

/* Orphans (a segment no manifest names): --check reports them, the next
 * writer removes them. */
static void test_orphans(void **state)
{
	(void)state;
	char dir[256], p[300], q[300], cmd[700];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(45, 100, "doc-a"), *b = make_doc(46, 100, "doc-b");
	two_batches(dir, a, b);
	snprintf(p, sizeof p, "%s/seg-000001.tdx", dir);
	snprintf(q, sizeof q, "%s/seg-000077.tdx", dir);
	snprintf(cmd, sizeof cmd, "cp %s %s", p, q);
	assert_int_equal(system(cmd), 0);
	warned[0] = '\0';
	td_set_warn(on_warn, NULL);
	assert_int_equal(td_index_check(dir), 0);
	td_set_warn(NULL, NULL);
	assert_non_null(strstr(warned, "seg-000077.tdx: stray file"));
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	td_writer_close(w);
	assert_int_equal(access(q, F_OK), -1);
	assert_int_equal(nfiles(dir, "seg-"), 2);
	td_doc_free(a);
	td_doc_free(b);
}

/* Readers opening the index while a writer commits and merges in a loop
 * (segments unlinked between a reader's manifest read and its open). */
static void test_churn(void **state)
{
	(void)state;
	if (getenv("TD_VALGRIND"))
		skip(); /* slow there; the plain and ASan runs cover it */
	char dir[256];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(47, 30, "doc-a"), *b = make_doc(48, 30, "doc-b");
	two_batches(dir, a, b);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		td_writer *w;
		for (int i = 0; i < 150; i++) {
			if (td_writer_open(dir, 0, &w))
				_exit(2);
			char src[32];
			snprintf(src, sizeof src, "c%d.txt", i % 3);
			char sha[65];
			td_sha256_hex(a->text, a->len, sha);
			sha[0] = (char)('a' + i % 6); /* a change each time */
			if (td_writer_add_sha(w, a, src, sha) ||
			        td_writer_commit(w) || td_writer_merge(w))
				_exit(3);
			td_writer_close(w);
		}
		_exit(0);
	}
	long opens = 0, failures = 0;
	int st;
	while (waitpid(pid, &st, WNOHANG) == 0) {
		td_index *ix;
		opens++;
		if (td_index_open(dir, &ix)) {
			failures++;
			fprintf(stderr, "churn: %s\n", td_error_last());
		} else {
			td_index_close(ix);
		}
	}
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	fprintf(stderr,
	        "churn: %ld opens during 150 commits and merges, %ld "
	        "failed\n",
	        opens, failures);
	assert_int_equal(failures, 0);
	td_doc_free(a);
	td_doc_free(b);
}

/* The I/O-error loop: every open, write, pwrite, fsync, close, rename and
 * unlink of an add, a change, a prune, a merge and a rebuild fails in turn
 * (EIO). The index must be the old state or the new one and pass --check;
 * the error names a file; a re-run reaches the new state; no segment is
 * left that the manifest does not name after a failed manifest write. */
enum { OP_ADD, OP_CHANGE, OP_PRUNE, OP_MERGE, OP_REBUILD, NOPS };

static __attribute__((unused)) int run_op(
        const char *dir, int op, td_doc *a, td_doc *b, td_doc *c)
{
	td_writer *w;
	int rc = td_writer_open(
	        dir, op == OP_REBUILD ? TD_WRITE_REBUILD : 0, &w);
	if (rc)
		return rc;
	char sha[65];
	switch (op) {
	case OP_ADD:
		td_sha256_hex(c->text, c->len, sha);
		rc = td_writer_add_sha(w, c, "c.txt", sha);
		break;
	case OP_CHANGE:
		td_sha256_hex(c->text, c->len, sha);
		rc = td_writer_add_sha(w, c, "b.txt", sha);
		break;
	case OP_PRUNE:
		rc = td_writer_remove(w, "a.txt");
		break;
	case OP_REBUILD:
		td_sha256_hex(a->text, a->len, sha);
		if (!(rc = td_writer_add_sha(w, a, "a.txt", sha))) {
			td_sha256_hex(b->text, b->len, sha);
			rc = td_writer_add_sha(w, b, "b.txt", sha);
		}
		break;
	}
	if (!rc)
		rc = op == OP_MERGE ? td_writer_merge(w) : td_writer_commit(w);
	td_writer_close(w);
	return rc;
}

static void test_io_errors(void **state)
{
#ifndef TD_TEST_HOOKS
	(void)state;
	skip(); /* the fault hook: configure --enable-test-hooks */
#else
	(void)state;
	td_doc *a = make_doc(50, 300, "doc-a"), *b = make_doc(51, 300, "doc-b"),
	       *c = make_doc(52, 200, "doc-c");
	char base[256], dir[256], cmd[700];
	newdir(base, sizeof base);
	two_batches(base, a, b);
	char *old = dump(base);
	long steps = 0;
	for (int op = 0; op < NOPS; op++) {
		/* the state the operation leads to */
		newdir(dir, sizeof dir);
		snprintf(cmd, sizeof cmd, "cp -a %s %s", base, dir);
		assert_int_equal(system(cmd), 0);
		assert_int_equal(run_op(dir, op, a, b, c), 0);
		char *want = dump(dir);
		int done = 0;
		for (int k = 1; k < 200 && !done; k++) {
			newdir(dir, sizeof dir);
			snprintf(cmd, sizeof cmd, "cp -a %s %s", base, dir);
			assert_int_equal(system(cmd), 0);
			td_writer_fault_fail(k);
			int rc = run_op(dir, op, a, b, c);
			/* past the last step */
			done = td_writer_fault_pending();
			td_writer_fault_fail(0);
			char *now = dump(dir);
			assert_non_null(now);
			int is_new = !strcmp(now, want);
			if (rc == 0) {
				/* a failed unlink of an old segment is no
				 * error */
				assert_string_equal(now, want);
			} else {
				steps++;
				if (rc != TD_EIO)
					fail_msg("op %d step %d: code %d: %s",
					        op, k, rc, td_error_last());
				assert_non_null(strstr(td_error_last(), dir));
				if (strcmp(now, old) && strcmp(now, want))
					fail_msg("op %d step %d: neither state",
					        op, k);
			}
			free(now);
			assert_int_equal(td_index_check(dir), 0);
			/* no more segments than the manifest names plus what a
			 * re-run will remove, and never an extra new one */
			td_index *ix;
			assert_int_equal(td_index_open(dir, &ix), 0);
			if (nfiles(dir, "seg-") > (int)td_index_nsegs(ix) + 2)
				fail_msg("op %d step %d: %d segment files", op,
				        k, nfiles(dir, "seg-"));
			/* failed before the manifest rename: the new segment is
			 * gone already (a retry needs no extra space) */
			if (!is_new &&
			        nfiles(dir, "seg-") != (int)td_index_nsegs(ix))
				fail_msg("op %d step %d: %d segment files for "
				         "%zu "
				         "named",
				        op, k, nfiles(dir, "seg-"),
				        td_index_nsegs(ix));
			td_index_close(ix);
			/* a re-run recovers */
			if (op != OP_PRUNE || !is_new)
				assert_int_equal(run_op(dir, op, a, b, c), 0);
			now = dump(dir);
			assert_string_equal(now, want);
			free(now);
			snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
			assert_int_equal(system(cmd), 0);
		}
		assert_true(done);
		free(want);
	}
	fprintf(stderr,
	        "I/O-error loop: %ld failed steps over add, change, "
	        "prune, merge, rebuild\n",
	        steps);
	assert_true(steps > 5 * 10);
	free(old);
	td_doc_free(a);
	td_doc_free(b);
	td_doc_free(c);
#endif
}

/* A commit that succeeded and the automatic merge after it failed: the
 * commit reports success, with a warning. */
/* A batch past its memory budget writes each full segment on a thread of
 * its own while documents are added (writer.c, bgseg). The batch: two
 * documents, the first removed while its segment is being written, then a
 * third, each past the budget. An I/O error at each step in turn
 * (the writes of the flushed segments included) fails the batch, at the
 * add or the commit that finds it, and leaves the old state or the new
 * one, whole, with no file the manifest does not name. */
#ifdef TD_TEST_HOOKS
static int flush_batch(const char *dir, td_doc *const *d, int *nsegs)
{
	td_writer *w;
	int rc = td_writer_open(dir, 0, &w);
	if (rc)
		return rc;
	td_writer_set_memory(w, TD_WRITER_MEMORY_MIN);
	char sha[65];
	const char *src[3] = {"b.txt", "c.txt", "d.txt"};
	for (int i = 0; i < 3 && !rc; i++) {
		td_sha256_hex(d[i]->text, d[i]->len, sha);
		rc = td_writer_add_sha(w, d[i], src[i], sha);
		/* b's segment is being written now */
		if (!rc && i == 0)
			rc = td_writer_remove(w, "b.txt");
	}
	if (!rc)
		rc = td_writer_commit(w);
	td_writer_close(w);
	if (nsegs) {
		td_index *ix;
		*nsegs = td_index_open(dir, &ix) ? -1 : (int)td_index_nsegs(ix);
		if (*nsegs >= 0)
			td_index_close(ix);
	}
	return rc;
}
#endif

static void test_flush_background(void **state)
{
#ifndef TD_TEST_HOOKS
	(void)state;
	skip(); /* the fault hook: configure --enable-test-hooks */
#else
	(void)state;
	char base[256], dir[256], cmd[700];
	td_doc *a = make_doc(70, 300, "doc-a");
	td_doc *d[3] = {make_doc(71, 6000, "doc-b"),
	        make_doc(72, 6000, "doc-c"), make_doc(73, 6000, "doc-d")};
	newdir(base, sizeof base);
	td_writer *w;
	assert_int_equal(td_writer_open(base, 0, &w), 0);
	add(w, a, "a.txt");
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	char *old = dump(base);
	newdir(dir, sizeof dir);
	snprintf(cmd, sizeof cmd, "cp -a %s %s", base, dir);
	assert_int_equal(system(cmd), 0);
	int nsegs;
	assert_int_equal(flush_batch(dir, d, &nsegs), 0);
	/* the base's segment and the batch's, one a document at least */
	assert_true(nsegs >= 3);
	char *want = dump(dir);
	assert_non_null(want);
	assert_null(strstr(want, "b.txt|"));
	assert_non_null(strstr(want, "c.txt|"));
	assert_non_null(strstr(want, "d.txt|"));
	assert_int_equal(td_index_check(dir), 0);
	int done = 0, failed = 0, bg_fsync = 0, k;
	for (k = 1; k < 200 && !done; k++) {
		newdir(dir, sizeof dir);
		snprintf(cmd, sizeof cmd, "cp -a %s %s", base, dir);
		assert_int_equal(system(cmd), 0);
		td_writer_fault_fail(k);
		int rc = flush_batch(dir, d, NULL);
		done = td_writer_fault_pending();
		td_writer_fault_fail(0);
		/* the first flushed segment's fsync fails on its thread
		 * (writer.c bg_write): its own error comes back */
		if (rc && strstr(td_error_last(), "seg-000002.tdx.tmp: fsync"))
			bg_fsync++;
		char *now = dump(dir);
		assert_non_null(now);
		if (rc)
			failed++;
		/* a failure after the manifest's rename has committed */
		if (strcmp(now, want))
			assert_string_equal(now, old);
		if (rc == 0)
			assert_string_equal(now, want);
		assert_int_equal(td_index_check(dir), 0);
		DIR *dd = opendir(dir);
		struct dirent *e;
		while ((e = readdir(dd)))
			assert_null(strstr(e->d_name, ".tmp"));
		closedir(dd);
		free(now);
	}
	assert_true(done);
	assert_true(failed > 6); /* the flushes' steps failed too */
	assert_int_equal(bg_fsync, 1);
	free(old);
	free(want);
	td_doc_free(a);
	for (int i = 0; i < 3; i++)
		td_doc_free(d[i]);
#endif
}

/* Bytes malloc has handed out and not had back (every arena and the
 * mapped blocks), or 0 where that is not known (another libc; valgrind
 * and the sanitizers bring their own allocator). */
static size_t heap_in_use(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
	struct mallinfo2 mi = mallinfo2();
	return mi.uordblks + mi.hblkhd;
#else
	return 0;
#endif
}

/* --memory bounds a batch (issue 17). A full segment is written by a
 * thread of its own while the next one fills (writer.c, bgseg); its
 * documents were freed at the join, which waits for the next flush or
 * the commit, so each segment stayed beside the next one all the while
 * it filled: 150 to 200 MB more at 100M tokens. Twelve segments of a
 * 4 MiB budget, a pause after each add as annotating the next document
 * would make; what the batch holds (malloc's bytes in use) must fall to
 * a fraction of the budget between flushes. */
static void test_budget_bounded(void **state)
{
	(void)state;
	if (getenv("TD_VALGRIND"))
		skip(); /* its own allocator: nothing to measure */
	const size_t budget = (size_t)4 << 20;
	size_t before = heap_in_use();
	char *probe = malloc((size_t)1 << 20);
	assert_non_null(probe);
	memset(probe, 1, (size_t)1 << 20);
	size_t with = heap_in_use();
	free(probe);
	if (with < before + ((size_t)1 << 20))
		skip(); /* malloc's figures are not known here */
	char dir[256], src[32];
	newdir(dir, sizeof dir);
	td_doc *d = make_doc(80, 6000, "doc-m");
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	td_writer_set_memory(w, budget);
	/* a document's share of a segment, as the writer counts it */
	td_segbuild *b;
	assert_int_equal(td_segbuild_new(&b), 0);
	assert_int_equal(td_segbuild_add(b, d, "probe.txt", NULL), 0);
	size_t n = 12 * budget / td_segbuild_bytes(b);
	td_segbuild_free(b);
	size_t base = heap_in_use(), most = 0, least = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		snprintf(src, sizeof src, "m%05zu.txt", i);
		add(w, d, src);
		/* the time annotating the next document takes: a segment's
		 * write ends meanwhile */
		usleep(20000);
		size_t now = heap_in_use();
		now = now > base ? now - base : 0;
		if (now > most)
			most = now;
		if (i >= n / 6 && now < least) /* two segments on */
			least = now;
	}
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_ndocs(ix), (uint64_t)n);
	td_index_close(ix);
	print_message("budget %zu KiB, %zu documents: %zu to %zu KiB held\n",
	        budget >> 10, n, least >> 10, most >> 10);
	/* a segment written is let go before the next one fills (it held
	 * 4,100 KiB at the least; now about 500, one document's) */
	assert_true(least <= budget / 2);
	/* and the two together stay near the budget (6,500 KiB; now 5,000:
	 * the budget counts capacity, and the write's arrays) */
	assert_true(most <= 2 * budget);
	td_doc_free(d);
}

static void test_merge_fails_after_commit(void **state)
{
#ifndef TD_TEST_HOOKS
	(void)state;
	skip(); /* the fault hook: configure --enable-test-hooks */
#else
	(void)state;
	char base[256], dir[256], cmd[700];
	newdir(base, sizeof base);
	td_writer *w;
	td_doc *d = make_doc(53, 20, "doc-x");
	assert_int_equal(td_writer_open(base, 0, &w), 0);
	for (int i = 0; i < 8; i++) { /* 8 segments: the next commit merges */
		char src[32];
		snprintf(src, sizeof src, "x%d.txt", i);
		add(w, d, src);
		assert_int_equal(td_writer_commit(w), 0);
	}
	td_writer_close(w);
	int warned_ok = 0, done = 0;
	for (int k = 1; k < 200 && !done; k++) {
		newdir(dir, sizeof dir);
		snprintf(cmd, sizeof cmd, "cp -a %s %s", base, dir);
		assert_int_equal(system(cmd), 0);
		assert_int_equal(td_writer_open(dir, 0, &w), 0);
		add(w, d, "new.txt");
		warned[0] = '\0';
		td_set_warn(on_warn, NULL);
		td_writer_fault_fail(k);
		int rc = td_writer_commit(w);
		done = td_writer_fault_pending();
		td_writer_fault_fail(0);
		td_set_warn(NULL, NULL);
		if (getenv("TD_DEBUG"))
			fprintf(stderr, "k %d rc %d %s | %s\n", k, rc,
			        td_error_last(), warned);
		td_writer_close(w);
		td_index *ix;
		assert_int_equal(td_index_open(dir, &ix), 0);
		uint64_t n = td_index_ndocs(ix);
		td_index_close(ix);
		if (rc == 0) {
			assert_int_equal(n, 9);
			if (strstr(warned,
			            "the batch is committed, but the merge"))
				warned_ok++;
		} else if (n != 8) {
			/* the manifest is in place, its durability unknown */
			assert_int_equal(n, 9);
			assert_non_null(
			        strstr(td_error_last(), "outcome uncertain"));
		}
		assert_int_equal(td_index_check(dir), 0);
	}
	assert_true(done);
	assert_true(warned_ok >= 5);
	td_doc_free(d);
#endif
}

/* A segment truncated under a running reader: SIGBUS becomes a message
 * naming the file and exit 3, not a crash. */

/* What a program's SIGBUS handler does (tagdex-query's): names the
 * segment file under the faulting address, then exits 3. */
static void name_bus_error(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	const char *path = td_index_map_path(si->si_addr);
	if (path && write(2, path, strlen(path)) >= 0 &&
	        write(2, ": bus error\n", 12) >= 0)
		_exit(3);
	_exit(5);
}

static void test_sigbus(void **state)
{
	(void)state;
	/* the child ends in _exit from a signal handler, its memory held:
	 * valgrind counts that as a leak; the plain and ASan runs cover it */
	if (getenv("TD_VALGRIND"))
		skip();
	char dir[256], p[300];
	newdir(dir, sizeof dir);
	td_doc *a = make_doc(54, 3000, "doc-a"),
	       *b = make_doc(55, 100, "doc-b");
	two_batches(dir, a, b);
	int pipefd[2];
	assert_int_equal(pipe(pipefd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(pipefd[1], 2);
		td_index *ix;
		if (td_index_open(dir, &ix))
			_exit(2);
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = name_bus_error;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGBUS, &sa, NULL);
		snprintf(p, sizeof p, "%s/seg-000001.tdx", dir);
		if (truncate(p, TD_SEG_HDR))
			_exit(4);
		td_seg *s = td_index_seg(ix, 0);
		for (uint32_t pos = 0; pos < td_seg_ntokens(s); pos++)
			td_seg_id_at(s, 0, pos);
		_exit(0);
	}
	close(pipefd[1]);
	char buf[1024] = "";
	size_t got = 0;
	ssize_t n;
	while (got < sizeof buf - 1 &&
	        (n = read(pipefd[0], buf + got, sizeof buf - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	close(pipefd[0]);
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 3);
	assert_non_null(strstr(buf, "seg-000001.tdx: bus error"));
	td_doc_free(a);
	td_doc_free(b);
}

/* Writes dir/MANIFEST: body, then the "end CRC" line over it. */
static void put_manifest(const char *dir, const char *body)
{
	char path[512];
	snprintf(path, sizeof path, "%s/MANIFEST", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fprintf(f, "%send %08x\n", body, td_crc32c(0, body, strlen(body)));
	fclose(f);
}

/* The manifest reader on hand-written manifests: the good one read back
 * field by field (deletions sorted, duplicates once), every bad line and a
 * bad checksum refused as damage, never read as something else. */
static void test_manifest_lines(void **state)
{
	(void)state;
	char dir[256], head[64], body[512];
	newdir(dir, sizeof dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(head, sizeof head, "tagdex-index %d\n", TD_INDEX_FORMAT);
	td_manifest m;
	snprintf(body, sizeof body,
	        "%sgeneration 7\nnext-seg 3\n"
	        "seg seg-000001.tdx 4 100 0000abcd\ndel 3 1 1\n"
	        "seg seg-000002.tdx 2 50 00001234\n",
	        head);
	put_manifest(dir, body);
	assert_int_equal(td_manifest_read(dir, &m), 0);
	assert_int_equal(m.generation, 7);
	assert_int_equal(m.next_seg, 3);
	assert_int_equal(m.nsegs, 2);
	assert_string_equal(m.segs[0].name, "seg-000001.tdx");
	assert_int_equal(m.segs[0].ndocs, 4);
	assert_int_equal(m.segs[0].size, 100);
	assert_int_equal(m.segs[0].crc, 0xabcd);
	assert_int_equal(m.segs[0].ndel, 2);
	assert_int_equal(m.segs[0].del[0], 1);
	assert_int_equal(m.segs[0].del[1], 3);
	assert_int_equal(m.segs[1].ndel, 0);
	/* written back and read again: the same */
	assert_int_equal(td_manifest_write(dir, &m, NULL), 0);
	td_manifest m2;
	assert_int_equal(td_manifest_read(dir, &m2), 0);
	assert_int_equal(m2.nsegs, 2);
	assert_int_equal(m2.segs[0].ndel, 2);
	assert_int_equal(m2.segs[0].del[1], 3);
	td_manifest_clear(&m2);
	td_manifest_clear(&m);
	static const char *const bad[] = {
	        "seg seg-000001.tdx 4 100 0000abcd\ndel 4\n", /* doc out of
	                                                         range */
	        "seg seg-000001.tdx 4 100 0000abcd\ndel 1 x\n",
	        "seg seg-00a1.tdx 4 100 0000abcd\n", /* not a segment name */
	        "seg seg-000001.tdx 4\n",            /* fields missing */
	        "bogus 1\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(body, sizeof body, "%sgeneration 1\nnext-seg 2\n%s",
		        head, bad[i]);
		put_manifest(dir, body);
		if (td_manifest_read(dir, &m) != TD_ECORRUPT)
			fail_msg("accepted: %s", bad[i]);
		assert_non_null(strstr(td_error_last(), "bad line"));
	}
	/* lines each valid, their sum not: a segment named twice (its
	 * documents counted twice: '[]' 5799 tokens for 5190, --check
	 * "ok"), and a next-seg not past a segment (the next commit wrote
	 * its segment over the live one) */
	static const char *const bad_sum[][2] = {
	        {"next-seg 3\nseg seg-000001.tdx 4 100 0000abcd\n"
	         "seg seg-000001.tdx 4 100 0000abcd\n",
	                "named twice"},
	        {"next-seg 3\nseg seg-000001.tdx 4 100 0000abcd\n"
	         "seg seg-1.tdx 4 100 0000abcd\n",
	                "named twice"},
	        {"next-seg 1\nseg seg-000001.tdx 4 100 0000abcd\n",
	                "next-seg 1 is not past segment seg-000001.tdx"},
	        {"next-seg 2\nseg seg-000001.tdx 4 100 0000abcd\n"
	         "seg seg-000002.tdx 4 100 0000abcd\n",
	                "not past"},
	};
	for (size_t i = 0; i < sizeof bad_sum / sizeof bad_sum[0]; i++) {
		snprintf(body, sizeof body, "%sgeneration 1\n%s", head,
		        bad_sum[i][0]);
		put_manifest(dir, body);
		if (td_manifest_read(dir, &m) != TD_ECORRUPT)
			fail_msg("accepted: %s", bad_sum[i][0]);
		assert_non_null(strstr(td_error_last(), bad_sum[i][1]));
	}
	/* a changed byte under the checksum; no end line; not a manifest */
	char path[512];
	snprintf(path, sizeof path, "%s/MANIFEST", dir);
	snprintf(body, sizeof body, "%sgeneration 1\nnext-seg 2\n", head);
	put_manifest(dir, body);
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	fseek(f, (long)strlen(head) + 11, SEEK_SET);
	fputc('9', f);
	fclose(f);
	assert_int_equal(td_manifest_read(dir, &m), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "manifest checksum mismatch"));
	f = fopen(path, "wb");
	fputs(body, f);
	fclose(f);
	assert_int_equal(td_manifest_read(dir, &m), TD_ECORRUPT);
	f = fopen(path, "wb");
	fputs("hello\n", f);
	fclose(f);
	assert_int_equal(td_manifest_read(dir, &m), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "not a tagdex manifest"));
	/* no directory to write into */
	m.generation = 1;
	snprintf(path, sizeof path, "%s/nodir", dir);
	assert_true(td_manifest_write(path, &m, NULL) < 0);
}

/* Writes n bytes of buf to path. */
static void put_file(const char *path, const void *buf, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* A copy of segment bytes seg with its header edited by edit and the header
 * checksum made right again, so that only the edit can be refused. */
static int open_edited(const char *path, const uint8_t *seg, size_t n,
        void (*edit)(td_seghdr *h))
{
	uint8_t *b = malloc(n);
	assert_non_null(b);
	memcpy(b, seg, n);
	td_seghdr h;
	memcpy(&h, b, sizeof h);
	edit(&h);
	h.hdr_crc = 0;
	memcpy(b, &h, sizeof h);
	h.hdr_crc = td_crc32c(0, b, TD_SEG_HDR);
	memcpy(b, &h, sizeof h);
	put_file(path, b, n);
	free(b);
	td_seg *s = NULL;
	int rc = td_seg_open(path, &s);
	if (!rc)
		td_seg_close(s);
	return rc;
}

static void other_format(td_seghdr *h)
{
	h->format++;
}
static void section_out(td_seghdr *h)
{
	h->sec_off[0] = h->crc_off + 1;
}
static void no_id_bits(td_seghdr *h)
{
	h->id_bits = 0;
}
static void narrow_tiers(td_seghdr *h)
{
	memset(h->id_tier, 0, sizeof h->id_tier);
}

/* A new directory (into dir, dirsz bytes) holding one segment, path
 * (pathsz bytes: DIR/seg.tdx), of document d from source src; d is
 * freed. */
static void one_doc_segment(td_doc *d, const char *src, char *dir, size_t dirsz,
        char *path, size_t pathsz)
{
	newdir(dir, dirsz);
	mkdir(dir, 0755);
	snprintf(path, pathsz, "%s/seg.tdx", dir);
	td_segbuild *b;
	assert_int_equal(td_segbuild_new(&b), 0);
	assert_int_equal(td_segbuild_add(b, d, src, NULL), 0);
	assert_int_equal(td_segbuild_write(b, path, NULL, NULL), 0);
	td_segbuild_free(b);
	td_doc_free(d);
}

/* Postings that do not decode under good checksums (written as zeros, the
 * block checksums, the table's and the header's made right): the check
 * fails naming the segment once (it was "PATH: PATH: postings ...") */
static void test_check_names_once(void **state)
{
	(void)state;
	char dir[256], path[300];
	td_doc *d;
	assert_int_equal(td_doc_new("doc-x", "x x x x", 7, &d), 0);
	one_doc_segment(d, "x.txt", dir, sizeof dir, path, sizeof path);
	uint8_t *buf;
	size_t n;
	assert_int_equal(td_read_file(path, (char **)&buf, &n), 0);
	td_seghdr h;
	memcpy(&h, buf, sizeof h);
	/* one term, 4 positions: 0 1 1 1 as gaps; zeros repeat position 0 */
	assert_true(h.sec_len[TD_SEC_POST0] >= 2);
	memset(buf + h.sec_off[TD_SEC_POST0], 0, h.sec_len[TD_SEC_POST0]);
	td_test_reseal(buf);
	put_file(path, buf, n);
	free(buf);
	td_seg *s;
	assert_int_equal(td_seg_open(path, &s), 0);
	assert_int_equal(td_seg_check(s), TD_ECORRUPT);
	const char *msg = td_error_last();
	assert_non_null(strstr(msg, "postings do not decode"));
	assert_int_equal(strncmp(msg, path, strlen(path)), 0);
	assert_null(strstr(msg + strlen(path), path));
	td_seg_close(s);
}

/* A segment of one document of nw words "w0000" ... (two lexicon blocks
 * of TD_LSTR_BLOCK terms or more a layer) at path in a new dir. */
static void words_segment(
        int nw, char *dir, size_t dirsz, char *path, size_t pathsz)
{
	char *text = malloc((size_t)nw * 6 + 1), *t = text;
	assert_non_null(text);
	for (int i = 0; i < nw; i++)
		t += sprintf(t, "%sw%04d", i ? " " : "", i);
	td_doc *d;
	assert_int_equal(td_doc_new("doc-x", text, (size_t)(t - text), &d), 0);
	free(text);
	one_doc_segment(d, "x.txt", dir, dirsz, path, pathsz);
}

/* Reads every term of every layer of s; returns the bytes decoded then
 * held (s->lstr_bytes). */
static size_t read_all_terms(td_seg *s)
{
	for (int l = 0; l < TD_NLAYERS; l++)
		for (uint32_t i = 0; i < td_seg_lex_size(s, l); i++)
			assert_non_null(td_seg_lex_term(s, l, i, NULL));
	return s->lstr_bytes;
}

/* The lexicon strings decoded (td_seg_lex_term) are let go with the
 * pages at td_seg_trim, all but the block of each layer decoded last,
 * which stays where it was given (a scan compares each term with the one
 * before across a trim, as --check does): after a --check of a segment
 * and after a merge of two, at most that block a layer is held; before,
 * every block stayed until close. A term read again after a trim is
 * decoded again, the same. */
static void test_lstr_trim(void **state)
{
	(void)state;
	enum { NW = 300 };
	char dir[256], path[300];
	words_segment(NW, dir, sizeof dir, path, sizeof path);
	td_seg *s;
	assert_int_equal(td_seg_open(path, &s), 0);
	assert_int_equal(s->lstr_bytes, 0);
	uint32_t n = td_seg_lex_size(s, TD_LAYER_WORD);
	assert_int_equal(n, NW);
	const char *prev = NULL;
	size_t most = 0;
	for (uint32_t i = 0; i < n; i++) {
		char want[16];
		snprintf(want, sizeof want, "w%04u", i);
		const char *w = td_seg_lex_term(s, TD_LAYER_WORD, i, NULL);
		assert_non_null(w);
		assert_string_equal(w, want);
		/* the term before, read before the trim, is still good */
		if (prev)
			assert_true(strcmp(prev, w) < 0);
		prev = w;
		td_seg_trim(s);
		if (s->lstr_bytes > most)
			most = s->lstr_bytes;
	}
	/* one block of TD_LSTR_BLOCK terms of 5 bytes at the most */
	assert_true(most > 0);
	assert_true(
	        most <= sizeof(td_lstrblk) + TD_LSTR_BLOCK * 6 + TD_LSTR_PAD);
	assert_string_equal(
	        td_seg_lex_term(s, TD_LAYER_WORD, 0, NULL), "w0000");
	size_t all = read_all_terms(s);
	assert_true(all > 8 * most);
	td_seg_close(s);
	/* --check: every term read, at most one block a layer kept */
	assert_int_equal(td_seg_open(path, &s), 0);
	assert_int_equal(td_seg_check(s), 0);
	assert_true(s->lstr_bytes > 0);
	assert_true(s->lstr_bytes <= TD_NLAYERS * most);
	td_seg_close(s);
	/* a merge of two segments: their terms read, let go at its end */
	char dir2[256], path2[300], out[600];
	words_segment(NW + 40, dir2, sizeof dir2, path2, sizeof path2);
	td_seg *two[2];
	assert_int_equal(td_seg_open(path, &two[0]), 0);
	assert_int_equal(td_seg_open(path2, &two[1]), 0);
	snprintf(out, sizeof out, "%s/merged.tdx", dir);
	uint32_t nd = 0;
	assert_int_equal(
	        td_segmerge_write(two, 2, out, NULL, &nd, NULL, NULL), 0);
	assert_int_equal(nd, 2);
	for (int i = 0; i < 2; i++) {
		assert_true(two[i]->lstr_bytes <= TD_NLAYERS * most);
		td_seg_close(two[i]);
	}
	assert_int_equal(td_seg_open(out, &s), 0);
	assert_int_equal(td_seg_lex_size(s, TD_LAYER_WORD), NW + 40);
	assert_int_equal(td_seg_check(s), 0);
	td_seg_close(s);
	unlink(out);
	unlink(path);
	unlink(path2);
	rmdir(dir);
	rmdir(dir2);
}
/* The skip table packed in the bits its first positions and offsets need
 * (format 21, td_skip_code): a list of 10 blocks has a table of under 8
 * bytes a block, every position comes back read in order and sought one
 * by one; widths over 32, or a table longer than the list, are
 * TD_ECORRUPT at open. Format 22: a list of evenly spread positions has
 * its fields coded less a line (TD_SKIP_LINEAR, a few bits a block), one
 * whose blocks are not is coded as format 21; both read back. */
static void test_skip_packed(void **state)
{
	(void)state;
	const uint32_t n = 10 * TD_POST_BLOCK + 5, ntok = 1000 * n;
	uint32_t *pos = malloc(n * sizeof *pos);
	assert_non_null(pos);
	for (int lin = 1; lin >= 0; lin--) {
		/* not linear: blocks of gaps of 1 and of 1000 in turn */
		for (uint32_t i = 0; i < n; i++)
			pos[i] =
			        lin ? 3 * i + (i % 7 == 0)
			        : i ? pos[i - 1] + (i / TD_POST_BLOCK % 2 ? 1000
			                                                  : 1)
			            : 0;
		td_buf b = {0};
		assert_int_equal(td_postings_encode(pos, n, &b), 0);
		uint64_t nb = (n + TD_POST_BLOCK - 1) / TD_POST_BLOCK;
		uint8_t wf = (uint8_t)b.s[0], wo = (uint8_t)b.s[1];
		assert_int_equal((wf & TD_SKIP_LINEAR) != 0, lin);
		wf &= (uint8_t)~TD_SKIP_LINEAR;
		assert_true(wf + wo < (lin ? 8 : 32)); /* 64 bits before */
		uint64_t tl = (lin ? TD_SKIP_HEAD_LIN : TD_SKIP_HEAD) +
		              (nb * (wf + wo) + 7) / 8;
		assert_true(tl < nb * 8);
		for (int seek = 0; seek < 2; seek++) {
			td_postings *q;
			assert_int_equal(
			        td_postings_open_buf(
			                (const uint8_t *)b.s, b.n, n, ntok, &q),
			        0);
			for (uint32_t i = 0; i < n; i++) {
				uint32_t v;
				assert_int_equal(td_postings_next(q,
				                         seek ? pos[i] : 0, &v),
				        1);
				assert_int_equal(v, pos[i]);
			}
			td_postings_close(q);
		}
		/* damaged heads */
		for (int k = 0; k < 3; k++) {
			uint8_t *c = malloc(b.n);
			assert_non_null(c);
			memcpy(c, b.s, b.n);
			size_t len = b.n;
			if (k == 0)
				c[0] = (uint8_t)(33 |
				                 (lin ? TD_SKIP_LINEAR : 0));
			else if (k == 1)
				len = tl - 1;
			else
				len = (lin ? TD_SKIP_HEAD_LIN : TD_SKIP_HEAD) -
				      1;
			td_postings *q = NULL;
			assert_int_equal(
			        td_postings_open_buf(c, len, n, ntok, &q),
			        TD_ECORRUPT);
			assert_null(q);
			free(c);
		}
		td_buf_clear(&b);
	}
	free(pos);
}

/* LSTR front-coded by blocks of TD_LSTR_BLOCK terms (format 20,
 * segout.h; 32 terms since format 22, 16 before: term 16 shares its
 * prefix with term 15, term 32 begins a block): every term of several blocks
 * comes back and is found, with prefixes longer than the 255 a byte holds;
 * absent terms before, between and after them are not found; the section is
 * smaller than the terms with their NULs (format 19). A block's first entry
 * with a prefix, or an entry whose prefix is longer than the term before, is
 * damage (TD_ECORRUPT under good checksums), not a wrong term. */
static void test_lstr_front(void **state)
{
	(void)state;
	enum { NW = 60, LONG = 270 };
	static char words[NW][LONG + 8];
	size_t nw = 0;
	char *text = malloc((size_t)NW * (LONG + 9)), *t = text;
	assert_non_null(text);
	/* sorted bytewise: long shared prefixes, then short words */
	for (int i = 0; i < 20; i++) {
		memset(words[nw], 'k', LONG);
		snprintf(words[nw] + LONG, 8, "%c", 'a' + i);
		nw++;
	}
	for (int i = 0; i < NW - 20; i++)
		snprintf(words[nw++], 8, "w%03d", i * 7);
	size_t sum = 0;
	for (size_t i = 0; i < nw; i++) {
		t += sprintf(t, "%s%s", i ? " " : "", words[i]);
		sum += strlen(words[i]) + 1;
	}
	char dir[256], path[300];
	td_doc *d;
	assert_int_equal(td_doc_new("doc-x", text, (size_t)(t - text), &d), 0);
	one_doc_segment(d, "x.txt", dir, sizeof dir, path, sizeof path);
	free(text);
	td_seg *s;
	assert_int_equal(td_seg_open(path, &s), 0);
	assert_int_equal(td_seg_lex_size(s, TD_LAYER_WORD), nw);
	assert_true(s->hdr.sec_len[TD_SEC_LSTR0] < sum / 2);
	uint64_t offblk = 0, off1 = 0, offmid = 0;
	for (size_t i = 0; i < nw; i++) {
		size_t len = 0;
		int64_t id = td_seg_lex_find(
		        s, TD_LAYER_WORD, words[i], strlen(words[i]));
		assert_int_equal(id, (int64_t)i);
		const char *w =
		        td_seg_lex_term(s, TD_LAYER_WORD, (uint32_t)i, &len);
		assert_non_null(w);
		assert_int_equal(len, strlen(words[i]));
		assert_string_equal(w, words[i]);
		td_seglex e;
		assert_int_equal(td_seg_lex_entry(s, TD_LAYER_WORD, (uint32_t)i,
		                         &e, NULL, NULL),
		        0);
		if (i == TD_LSTR_BLOCK)
			offblk = e.str_off;
		if (i == 16)
			offmid = e.str_off;
		if (i == 21)
			off1 = e.str_off;
	}
	char k1[LONG + 2], k2[LONG + 3];
	memset(k1, 'k', LONG);
	snprintf(k1 + LONG, 2, "z"); /* past the last long one */
	memset(k2, 'k', LONG);
	snprintf(k2 + LONG, 3, "bb");
	const char *absent[] = {"a", "kk", k1, k2, "w0", "w001", "w9", "zz"};
	for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
		assert_int_equal(td_seg_lex_find(s, TD_LAYER_WORD, absent[i],
		                         strlen(absent[i])),
		        TD_ENOTFOUND);
	assert_int_equal(td_seg_damaged(s), 0);
	uint64_t lstr = s->hdr.sec_off[TD_SEC_LSTR0];
	td_seg_close(s);
	/* a prefix at a block's first term; one past the term before */
	for (int k = 0; k < 2; k++) {
		uint8_t *buf;
		size_t n;
		assert_int_equal(td_read_file(path, (char **)&buf, &n), 0);
		/* blocks of 32 (format 22): term 16 keeps 255 bytes of
		 * term 15, term 32 none */
		assert_int_equal(buf[lstr + offmid], 255);
		assert_int_equal(buf[lstr + offblk], 0);
		if (k == 0)
			buf[lstr + offblk] = 1;
		else
			buf[lstr + off1] = 200; /* the term before has 4 */
		td_test_reseal(buf);
		char bad[320];
		snprintf(bad, sizeof bad, "%s/bad%d.tdx", dir, k);
		put_file(bad, buf, n);
		free(buf);
		assert_int_equal(td_seg_open(bad, &s), 0);
		uint32_t id = k == 0 ? TD_LSTR_BLOCK : 21;
		assert_null(td_seg_lex_term(s, TD_LAYER_WORD, id, NULL));
		assert_int_equal(td_seg_damaged(s), TD_ECORRUPT);
		td_seg_close(s);
	}
}

/* The two files of PATH hold the same bytes; both are removed. */
static void same_file_unlink(char path[2][300])
{
	char *file[2];
	size_t len[2];
	for (int t = 0; t < 2; t++)
		assert_int_equal(td_read_file(path[t], &file[t], &len[t]), 0);
	assert_int_equal(len[0], len[1]);
	assert_memory_equal(file[0], file[1], len[0]);
	for (int t = 0; t < 2; t++) {
		free(file[t]);
		unlink(path[t]);
	}
}

/* A part of a segment written to memory (td_out_mem) and spliced in
 * (td_out_splice) is the file written in one go: the same bytes, block
 * checksums and section offsets, for a part of several blocks that
 * begins off an 8-byte boundary of the file and holds two sections. */
static void test_out_splice(void **state)
{
	(void)state;
	char dir[256], path[2][300];
	newdir(dir, sizeof dir);
	mkdir(dir, 0755);
	size_t n = 3 * TD_SEG_BLOCK + 123;
	uint8_t *p = malloc(n);
	assert_non_null(p);
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(i * 131 + (i >> 9));
	td_seghdr h[2];
	uint32_t crc[2];
	uint64_t size[2];
	for (int t = 0; t < 2; t++) {
		snprintf(path[t], sizeof path[t], "%s/seg-%d.tdx", dir, t);
		memset(&h[t], 0, sizeof h[t]);
		td_out o;
		assert_int_equal(td_out_open(&o, path[t]), 0);
		assert_int_equal(
		        td_out_section(&o, &h[t], TD_SEC_TEXT, p, 5), 0);
		if (t) {
			td_buf mem = {0};
			td_out m;
			td_seghdr mh;
			memset(&mh, 0, sizeof mh);
			static const int secs[] = {TD_SEC_IDS, TD_SEC_IDS3};
			assert_int_equal(td_out_mem(&m, &mem), 0);
			assert_int_equal(
			        td_out_section(&m, &mh, TD_SEC_IDS, p, n), 0);
			assert_int_equal(
			        td_out_section(&m, &mh, TD_SEC_IDS3, p, 77), 0);
			assert_int_equal(
			        td_out_splice(&o, &h[t], &m, &mh, secs, 2), 0);
			assert_int_equal(td_out_close(&m, 0), 0);
			td_buf_clear(&mem);
		} else {
			assert_int_equal(
			        td_out_section(&o, &h[t], TD_SEC_IDS, p, n), 0);
			assert_int_equal(
			        td_out_section(&o, &h[t], TD_SEC_IDS3, p, 77),
			        0);
		}
		assert_int_equal(
		        td_out_section(&o, &h[t], TD_SEC_W2N, p, 9), 0);
		assert_int_equal(
		        td_out_finish(&o, &h[t], &size[t], &crc[t]), 0);
		assert_int_equal(td_out_close(&o, 0), 0);
	}
	assert_int_equal(size[0], size[1]);
	assert_int_equal(crc[0], crc[1]);
	assert_memory_equal(&h[0], &h[1], sizeof h[0]);
	same_file_unlink(path);
	free(p);
	rmdir(dir);
}

/* A segment written with several threads (its lexicons and spans sorted
 * on another, its pos and lemma layers built on a third, its word ids
 * written to memory on a fourth, td_segbuild_set_threads) is the file written
 * with one, byte for byte: with pos and lemma layers and without. */
static void test_threads_same_file(void **state)
{
	(void)state;
	static const char *const tags[] = {"NN", "VBD", "DT", "JJ", "NNP"};
	static const char *const lemmas[] = {"war", "be", "the", "café", "x"};
	char dir[256], path[2][300];
	newdir(dir, sizeof dir);
	mkdir(dir, 0755);
	for (int no_layers = 0; no_layers < 2; no_layers++) {
		for (int t = 0; t < 2; t++) {
			snprintf(path[t], sizeof path[t], "%s/seg-%d.tdx", dir,
			        t);
			td_segbuild *b;
			assert_int_equal(td_segbuild_new(&b), 0);
			td_segbuild_set_threads(b, t ? 3 : 1);
			if (no_layers)
				td_segbuild_drop_layers(b);
			for (unsigned k = 0; k < 5; k++) {
				char id[16];
				snprintf(id, sizeof id, "doc-%u", k);
				td_doc *d =
				        make_doc(k + 3, 60 + 40 * (int)k, id);
				td_tokens tk = {0};
				assert_int_equal(
				        td_tokenize(d->text, d->len, 0, &tk),
				        0);
				assert_int_equal(
				        td_toklayers_new(tk.n, &d->layers), 0);
				for (size_t i = 0; i < tk.n; i++)
					assert_int_equal(
					        td_toklayers_set(d->layers, i,
					                tags[(i * 7 + k) % 5],
					                lemmas[(i + k) % 5]),
					        0);
				td_tokens_clear(&tk);
				assert_int_equal(
				        td_segbuild_add(b, d, id, NULL), 0);
				td_doc_free(d);
			}
			assert_int_equal(
			        td_segbuild_write(b, path[t], NULL, NULL), 0);
			td_segbuild_free(b);
		}
		same_file_unlink(path);
	}
	rmdir(dir);
}

/* A segment of documents whose distinct words the tagging threads found
 * (td_doc_terms: each word looked up once a document, ids given in the
 * order of first occurrence) is the file of the same documents added a
 * token at a time, byte for byte, words new to the segment and known ones
 * mixed (tagdex-ingest makes the terms; the differential and bench
 * corpora compare more). */
static void test_terms_same_file(void **state)
{
	(void)state;
	char dir[256], path[2][300];
	newdir(dir, sizeof dir);
	mkdir(dir, 0755);
	for (int t = 0; t < 2; t++) {
		snprintf(path[t], sizeof path[t], "%s/seg-%d.tdx", dir, t);
		td_segbuild *b;
		assert_int_equal(td_segbuild_new(&b), 0);
		for (unsigned k = 0; k < 6; k++) {
			char id[16];
			snprintf(id, sizeof id, "doc-%u", k);
			td_doc *d = make_doc(k + 11, 30 + 50 * (int)k, id);
			if (t) {
				assert_int_equal(td_doc_terms(d), 0);
				assert_non_null(d->terms);
				assert_int_equal(d->terms->n, d->tokens->n);
				assert_true(d->terms->nterms < d->terms->n);
			}
			assert_int_equal(td_segbuild_add(b, d, id, NULL), 0);
			td_doc_free(d);
		}
		assert_int_equal(td_segbuild_write(b, path[t], NULL, NULL), 0);
		td_segbuild_free(b);
	}
	same_file_unlink(path);
	rmdir(dir);
}

/* The spans of document d as sorted lines "name start end a=v ...". */
static char *span_lines(const td_doc *d)
{
	size_t n = d->n_spans, len = 0;
	char **l = malloc((n ? n : 1) * sizeof *l);
	assert_non_null(l);
	for (size_t i = 0; i < n; i++) {
		const td_span *sp = &d->spans[i];
		char buf[1024];
		int k = snprintf(buf, sizeof buf, "%s %zu %zu", sp->name,
		        sp->start, sp->end);
		for (uint32_t j = 0; j < sp->n_attrs; j++)
			k += snprintf(buf + k, sizeof buf - (size_t)k, " %s=%s",
			        sp->attrs[j].name, sp->attrs[j].value);
		l[i] = strdup(buf);
		assert_non_null(l[i]);
		len += strlen(buf) + 1;
	}
	qsort(l, n, sizeof *l, cmp_str);
	char *out = malloc(len + 1), *o = out;
	assert_non_null(out);
	for (size_t i = 0; i < n; i++) {
		o += sprintf(o, "%s\n", l[i]);
		free(l[i]);
	}
	*o = '\0';
	free(l);
	return out;
}

/* Element and attribute names are looked up once a document by their
 * address (segbuild.c's name memo): documents of more names than the
 * memo has slots, names of their own (not the fixed ones) whose
 * addresses a later document may get again for other names, read back
 * with each span's name and attributes. */
static void test_span_names_by_address(void **state)
{
	(void)state;
	char dir[256], path[300];
	newdir(dir, sizeof dir);
	mkdir(dir, 0755);
	snprintf(path, sizeof path, "%s/seg.tdx", dir);
	static const char text[] = "one two six ten red big cat dog";
	char *want[3];
	td_segbuild *b;
	assert_int_equal(td_segbuild_new(&b), 0);
	for (int k = 0; k < 3; k++) {
		char id[16];
		snprintf(id, sizeof id, "doc-%d", k);
		td_doc *d;
		assert_int_equal(td_doc_new(id, text, strlen(text), &d), 0);
		for (int e = 0; e < 48; e++) {
			char name[16], an[16], av[16];
			int x = (e * 7 + k * 5) % 48;
			snprintf(name, sizeof name, "el%d-%d", x % (17 + k), k);
			snprintf(an, sizeof an, "at%d", (x + k) % 41);
			snprintf(av, sizeof av, "v%d", x);
			size_t at = (size_t)(e % 8) * 4;
			assert_int_equal(
			        td_doc_add_span(d, e % 5 ? name : "s", at,
			                at + 3, NULL, an, av,
			                e % 3 ? "ref" : "type", name, NULL),
			        0);
		}
		want[k] = span_lines(d);
		char src[16];
		snprintf(src, sizeof src, "%d.txt", k);
		assert_int_equal(td_segbuild_add(b, d, src, NULL), 0);
		td_doc_free(d);
	}
	assert_int_equal(td_segbuild_write(b, path, NULL, NULL), 0);
	td_segbuild_free(b);
	td_seg *s;
	assert_int_equal(td_seg_open(path, &s), 0);
	for (uint32_t k = 0; k < 3; k++) {
		td_doc *back;
		const char *src, *sha;
		assert_int_equal(td_seg_doc_load(s, k, &back, &src, &sha), 0);
		char *got = span_lines(back);
		assert_string_equal(got, want[k]);
		free(got);
		free(want[k]);
		td_doc_free(back);
	}
	td_seg_close(s);
	unlink(path);
	rmdir(dir);
}

/* td_seg_open refuses, each with its own message, a file shorter than a
 * header, another format version, a section past the data and section
 * sizes that disagree with the counts, even with a right header checksum */
static void test_seg_refusals(void **state)
{
	(void)state;
	char dir[256], path[300], bad[300];
	one_doc_segment(make_doc(7, 40, "doc-a"), "a.txt", dir, sizeof dir,
	        path, sizeof path);
	snprintf(bad, sizeof bad, "%s/bad.tdx", dir);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static uint8_t seg[1 << 20];
	size_t n = fread(seg, 1, sizeof seg, f);
	fclose(f);
	assert_true(n > TD_SEG_HDR && n < sizeof seg);
	td_seg *s = NULL;
	assert_int_equal(td_seg_open(path, &s), 0);
	td_seg_close(s);

	put_file(bad, seg, 10);
	assert_int_equal(td_seg_open(bad, &s), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "file too short"));
	assert_int_equal(open_edited(bad, seg, n, other_format), TD_EVERSION);
	assert_non_null(strstr(td_error_last(), "index format"));
	assert_int_equal(open_edited(bad, seg, n, section_out), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "section outside the file"));
	assert_int_equal(open_edited(bad, seg, n, no_id_bits), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "inconsistent section sizes"));
}

/* Encodes the n positions pos, checks the code's length against the
 * block codes, decodes it (all, then seeking to each position, past it
 * and to one before it), and checks that every shorter prefix of the
 * code fails to decode rather than answer. */
static void post_roundtrip(const uint32_t *pos, uint32_t n, uint32_t ntok)
{
	td_buf b = {0};
	assert_int_equal(td_postings_encode(pos, n, &b), 0);
	td_postings *p;
	uint32_t v;
	for (size_t len = 0; len <= b.n; len++) {
		int rc = td_postings_open_buf(
		        (const uint8_t *)b.s, len, n, ntok, &p);
		if (rc) { /* shorter than the skip table */
			assert_int_equal(rc, TD_ECORRUPT);
			assert_true(len < b.n);
			continue;
		}
		uint32_t k = 0;
		while ((rc = td_postings_next(p, 0, &v)) == 1) {
			assert_true(k < n);
			assert_int_equal(v, pos[k]);
			k++;
		}
		td_postings_close(p);
		if (len == b.n) {
			assert_int_equal(rc, 0);
			assert_int_equal(k, n);
		} else {
			assert_int_equal(rc, TD_ECORRUPT);
		}
		/* of a long list, the full code and its end only */
		if (n > 300 && len + 1 < b.n)
			len = b.n - 2;
	}
	/* seeking: to each position, and to one past it */
	for (uint32_t i = 0; i < n; i += 1 + i / 64) {
		assert_int_equal(td_postings_open_buf((const uint8_t *)b.s, b.n,
		                         n, ntok, &p),
		        0);
		assert_int_equal(td_postings_next(p, pos[i], &v), 1);
		assert_int_equal(v, pos[i]);
		int rc = td_postings_next(p, pos[i] + 1, &v);
		assert_int_equal(rc, i + 1 < n);
		if (rc)
			assert_int_equal(v, pos[i + 1]);
		td_postings_close(p);
		/* a target between two positions: the later one */
		if (!i || pos[i] - 1 == pos[i - 1])
			continue;
		assert_int_equal(td_postings_open_buf((const uint8_t *)b.s, b.n,
		                         n, ntok, &p),
		        0);
		assert_int_equal(td_postings_next(p, pos[i] - 1, &v), 1);
		assert_int_equal(v, pos[i]);
		td_postings_close(p);
	}
	td_buf_clear(&b);
}

/* Format 18's block code (td_post_block_code): Elias-Fano where that is
 * shorter than varint gaps. Round trips of the edge cases: the empty
 * list, one position, two and three (varints) and four (the first
 * Elias-Fano block), the largest gap, the largest position a segment
 * holds (2^32 - 2 of 2^32 - 1 tokens), dense runs (no low bits), one
 * block of 128 and 129 positions, and random lists of gaps of every
 * size; seeks that pass over positions by their high parts (ef_skip). */
static void test_postings_code(void **state)
{
	(void)state;
	static uint32_t pos[5000];
	const uint32_t top = UINT32_MAX - 1;
	post_roundtrip(pos, 0, 10);
	pos[0] = 0;
	post_roundtrip(pos, 1, 1);
	pos[0] = top;
	post_roundtrip(pos, 1, UINT32_MAX);
	uint32_t e[][4] = {{0, top}, {0, 1, top}, {0, 1, 2, top},
	        {0, top - 2, top - 1, top}, {5, 6, 7, 8},
	        {0, 1u << 31, 3u << 30, top}};
	uint32_t en[] = {2, 3, 4, 4, 4, 4};
	for (size_t i = 0; i < sizeof en / sizeof *en; i++)
		post_roundtrip(e[i], en[i], UINT32_MAX);
	for (uint32_t i = 0; i < 5000; i++)
		pos[i] = 1000 + i;
	post_roundtrip(pos, 128, 10000);
	post_roundtrip(pos, 129, 10000);
	post_roundtrip(pos, 5000, 10000);
	/* seeking into an Elias-Fano block passes over the positions below
	 * the target by their high parts, a 64-bit word at a time (the
	 * gaps of 1 and 3 make 1 low bit and 1 to 2 high bits each) */
	for (uint32_t i = 0; i < 5000; i++)
		pos[i] = 2 * i + (i % 2);
	td_buf pb = {0};
	td_postings *pq;
	uint32_t pv;
	assert_int_equal(td_postings_encode(pos, 5000, &pb), 0);
	assert_int_equal(td_postings_open_buf(
	                         (const uint8_t *)pb.s, pb.n, 5000, 10000, &pq),
	        0);
	assert_int_equal(td_postings_next(pq, pos[128 + 100], &pv), 1);
	assert_int_equal(pv, pos[128 + 100]);
	assert_true(td_postings_passed(pq) >= 64);
	assert_int_equal(td_postings_next(pq, pos[128 + 126], &pv), 1);
	assert_int_equal(pv, pos[128 + 126]);
	assert_int_equal(td_postings_next(pq, 0, &pv), 1);
	assert_int_equal(pv, pos[128 + 127]);
	td_postings_close(pq);
	td_buf_clear(&pb);
	post_roundtrip(pos, 5000, 10000);
	/* a block's last position below the target, the next block's first
	 * far beyond it: nothing is passed over with the state of the block
	 * left */
	for (uint32_t i = 0; i < 300; i++)
		pos[i] = i < 128 ? i : 100000 + i;
	assert_int_equal(td_postings_encode(pos, 300, &pb), 0);
	assert_int_equal(td_postings_open_buf(
	                         (const uint8_t *)pb.s, pb.n, 300, 200000, &pq),
	        0);
	assert_int_equal(td_postings_next(pq, 126, &pv), 1);
	assert_int_equal(td_postings_next(pq, 50000, &pv), 1);
	assert_int_equal(pv, pos[128]);
	assert_int_equal(td_postings_next(pq, 0, &pv), 1);
	assert_int_equal(pv, pos[129]);
	td_postings_close(pq);
	td_buf_clear(&pb);
	for (uint32_t i = 0; i < 5000; i++)
		pos[i] = 1000 + i;
	/* a dense block codes in m bits and a byte; varint would take m */
	uint8_t code[TD_POST_BLOCK_MAX];
	assert_int_equal(td_post_block_code(pos, 127, code), 1 + 16);
	assert_int_equal(code[0], 0);
	/* the largest gaps in every block */
	for (uint32_t i = 0; i < 300; i++)
		pos[i] = i * (top / 299);
	post_roundtrip(pos, 300, UINT32_MAX);
	uint64_t r = 88172645463325252ull;
	for (int t = 0; t < 60; t++) {
		uint32_t n = 1 + (uint32_t)(t * 83 % 700), at = 0;
		unsigned bits = (unsigned)(t % 22) + 1;
		for (uint32_t i = 0; i < n; i++) {
			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			/* mostly small gaps, some of bits bits */
			uint64_t big = (r >> 8) % ((uint64_t)1 << bits);
			uint32_t g = 1 + (uint32_t)(r % 8 ? r % 16 : big);
			at += i ? g : (uint32_t)(r % 100);
			pos[i] = at;
		}
		post_roundtrip(pos, n, at + 1);
	}
}

/* --check counts the positions of the scanned pos terms in one pass over
 * the id table (check.c count_scanned), not through their postings (a
 * union of an open list per word: most of what --check kept, test_rss.sh):
 * a (word, pos) pair's tag changed in IDS3, the checksums made right, the
 * counts disagree with the lexicon's and the check fails naming the
 * segment (the segment checked alone: the manifest's checksum of it
 * would tell first). */
static void test_check_scanned_counts(void **state)
{
	(void)state;
	enum { N = 3000 };
	static char text[2 * N];
	static const char *pos[N], *lemma[N];
	for (int i = 0; i < N; i++) {
		text[2 * i] = "abc"[i % 3];
		text[2 * i + 1] = ' ';
		pos[i] = i % 3 == 0 ? "DT" : i % 3 == 1 ? "NN" : "VB";
		lemma[i] = "x";
	}
	text[2 * N - 1] = '\0';
	char dir[256], path[300];
	layered_doc_index(dir, sizeof dir, "doc-s", text, N, pos, lemma);
	assert_int_equal(td_index_check(dir), 0);
	snprintf(path, sizeof path, "%s/seg-000001.tdx", dir);
	uint8_t *buf;
	size_t n;
	assert_int_equal(td_read_file(path, (char **)&buf, &n), 0);
	td_seghdr h;
	memcpy(&h, buf, sizeof h);
	/* DT NN VB: ids 0 1 2 in 2 bits, every one scanned */
	assert_int_equal(h.lexsize[TD_LAYER_POS], 3);
	assert_int_equal(h.lbits[1], 2);
	uint8_t *p = buf + h.sec_off[TD_SEC_IDS3];
	uint32_t r = 0;
	while (r < h.id_ranks && td_bits_at(p + r / 4, r % 4 * 2, 2) != 1)
		r++;
	assert_true(r < h.id_ranks);
	p[r / 4] ^= (uint8_t)(3u << (r % 4 * 2)); /* NN (01) -> VB (10) */
	td_test_reseal(buf);
	put_file(path, buf, n);
	free(buf);
	td_seg *s;
	assert_int_equal(td_seg_open(path, &s), 0);
	assert_int_equal(td_seg_check(s), TD_ECORRUPT);
	const char *msg = td_error_last();
	assert_int_equal(strncmp(msg, path, strlen(path)), 0);
	assert_non_null(strstr(msg, "has 0 positions"));
	td_seg_close(s);
}

int main(void)
{
	root = mkdtemp(tmpl);
	if (!root)
		return 1;
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_crc),
	        cmocka_unit_test(test_postings_code),
	        cmocka_unit_test(test_manifest_lines),
	        cmocka_unit_test(test_roundtrip),
	        cmocka_unit_test(test_batches),
	        cmocka_unit_test(test_faults),
	        cmocka_unit_test(test_flipped),
	        cmocka_unit_test(test_version),
	        cmocka_unit_test(test_lemma_table),
	        cmocka_unit_test(test_pos_scan),
	        cmocka_unit_test(test_pos_union),
	        cmocka_unit_test(test_pos_scan_merge),
	        cmocka_unit_test(test_shared_postings),
	        cmocka_unit_test(test_union_postings),
	        cmocka_unit_test(test_doc_pool),
	        cmocka_unit_test(test_doc_pool_bounded),
	        cmocka_unit_test(test_layers_by_offset),
	        cmocka_unit_test(test_lock_deleted),
	        cmocka_unit_test(test_manifest_lost),
	        cmocka_unit_test(test_rebuild_any_state),
	        cmocka_unit_test(test_orphans),
	        cmocka_unit_test(test_churn),
	        cmocka_unit_test(test_io_errors),
	        cmocka_unit_test(test_flush_background),
	        cmocka_unit_test(test_budget_bounded),
	        cmocka_unit_test(test_merge_fails_after_commit),
	        cmocka_unit_test(test_sigbus),
	        cmocka_unit_test(test_seg_refusals),
	        cmocka_unit_test(test_out_splice),
	        cmocka_unit_test(test_threads_same_file),
	        cmocka_unit_test(test_check_names_once),
	        cmocka_unit_test(test_manifest_del_lost),
	        cmocka_unit_test(test_manifest_del_lost_moved),
	        cmocka_unit_test(test_lexicon_entries),
	        cmocka_unit_test(test_word_ids_ranked),
	        cmocka_unit_test(test_idc_locate),
	        cmocka_unit_test(test_idc_tiers),
	        cmocka_unit_test(test_lstr_front),
	        cmocka_unit_test(test_lstr_trim),
	        cmocka_unit_test(test_skip_packed),
	        cmocka_unit_test(test_terms_same_file),
	        cmocka_unit_test(test_span_names_by_address),
	        cmocka_unit_test(test_lexicon_order),
	        cmocka_unit_test(test_check_scanned_counts),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", root);
	if (system(cmd) != 0)
		return 1;
	return rc ? rc : tests_skipped ? 77 : 0;
}
