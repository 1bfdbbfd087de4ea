/* test_core.c: the document model, tokeniser, normaliser, TSV and slugs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <unistd.h>

#include "tagdex.h"
#include "buf.h"
#include "hash.h"
#include "keyindex.h"
#include "vec.h"
#include "lower.h"
#include "util.h"

static void tok_strings(const char *text, const char **want, size_t n)
{
	td_tokens t = {0};
	assert_int_equal(td_tokenize(text, strlen(text), 0, &t), 0);
	for (size_t i = 0; i < t.n && i < n; i++) {
		size_t l = t.v[i].end - t.v[i].start;
		if (strlen(want[i]) != l ||
		        memcmp(want[i], text + t.v[i].start, l) != 0)
			fail_msg("token %zu: want '%s', got '%.*s'", i, want[i],
			        (int)l, text + t.v[i].start);
	}
	assert_int_equal(t.n, n);
	td_tokens_clear(&t);
}

static void test_tokens_words(void **state)
{
	(void)state;
	const char *w[] = {"Kim", "’s", "words", "don’t", "matter", "."};
	tok_strings("Kim’s words don’t matter.", w, 6);
	const char *w2[] = {
	        "The", "U.S.", "grew", "2.5", "%", "to", "$", "1,200", "."};
	tok_strings("The U.S. grew 2.5% to $1,200.", w2, 9);
	const char *w3[] = {"Kim", "Jong-un", "‘", "totally", "destroy", "’",
	        "–", "the", "’90s", "..."};
	tok_strings("Kim Jong-un ‘totally destroy’ – the ’90s ...", w3, 10);
	const char *w4[] = {"end", ".", "The", "e.g.", "states", "’", "rights"};
	tok_strings("end.The e.g. states’ rights", w4, 7);
}

/* A dash set as a hyphen after a capitalised word, before a function word
 * ("the United States-the welfare", "President Truman-in the Formosa
 * Straits"), is a token of its own; compounds stay one word ("Jong-un",
 * "Jack-in-the-box", "Drive-in movie", "Check-in desk"). */
static void test_tokens_dash_as_hyphen(void **state)
{
	(void)state;
	const char *w[] = {"States", "-", "the", "welfare", "Truman", "-", "in",
	        "the", "Eisenhower", "-", "in", "Cuba", "Kennedy", "-", "and"};
	tok_strings("States-the welfare Truman-in the Eisenhower-in Cuba "
	            "Kennedy-and",
	        w, 15);
	const char *w2[] = {"Jack-in-the-box", "Drive-in", "movie", "Check-in",
	        "desk", "Jong-un", "X-to"};
	tok_strings("Jack-in-the-box Drive-in movie Check-in desk Jong-un X-to",
	        w2, 7);
}

/* A word ends at every ASCII byte but a letter or digit, an apostrophe
 * or a hyphen between words, and a dot or comma between digits (the
 * word loop's early end): "ab" B "cd" and "12" B "34" for every byte B. */
static void test_tokens_word_ends(void **state)
{
	(void)state;
	for (int b = 1; b < 128; b++) {
		if ((b >= '0' && b <= '9') ||
		        ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'))
			continue;
		int space = b == ' ' || (b >= '\t' && b <= '\r');
		for (int digits = 0; digits < 2; digits++) {
			char text[8], mid[2] = {(char)b, 0};
			const char *l = digits ? "12" : "ab",
			           *r = digits ? "34" : "cd";
			snprintf(text, sizeof text, "%s%c%s", l, b, r);
			int joins = b == '\'' || b == '-' ||
			            (digits && (b == '.' || b == ','));
			if (joins) {
				const char *w[] = {text};
				tok_strings(text, w, 1);
			} else if (space) {
				const char *w[] = {l, r};
				tok_strings(text, w, 2);
			} else {
				const char *w[] = {l, mid, r};
				tok_strings(text, w, 3);
			}
		}
	}
}

static void test_tokens_offsets_base(void **state)
{
	(void)state;
	td_tokens t = {0};
	const char *s = "a\u00a0b\tc";
	assert_int_equal(td_tokenize(s, strlen(s), 100, &t), 0);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.v[0].start, 100);
	assert_int_equal(t.v[1].start, 103);
	assert_int_equal(t.v[2].start, 105);
	td_tokens_clear(&t);
}

static void test_normalize(void **state)
{
	(void)state;
	char *o;
	size_t n;
	assert_int_equal(td_normalize("Straße", strlen("Straße"), &o, &n), 0);
	assert_string_equal(o, "strasse");
	free(o);
	assert_int_equal(
	        td_normalize_nodiac("Élysée", strlen("Élysée"), &o, &n), 0);
	assert_string_equal(o, "elysee");
	free(o);
	/* apostrophe and quote variants fold in the normalised form */
	const char *q = "Korea’s ʼS ‘x’ “y” „z‟ ＇ ＂";
	assert_int_equal(td_normalize(q, strlen(q), &o, &n), 0);
	assert_string_equal(o, "korea's 's 'x' \"y\" \"z\" ' \"");
	assert_int_equal(n, strlen(o));
	free(o);
	/* %d: marks stripped, then Lucene's ASCII folding; case kept */
	const char *l = "Sørlie Łódź Straße Æsir Élysée ﬁ ①";
	assert_int_equal(td_fold_diacritics(l, strlen(l), &o, &n), 0);
	assert_string_equal(o, "Sorlie Lodz Strasse AEsir Elysee fi 1");
	assert_int_equal(n, strlen(o));
	free(o);
	/* ASCII takes a shortcut past utf8proc: the same bytes for every
	 * character, alone and in a word */
	char all[128];
	for (int c = 1; c < 128; c++) {
		char w[3] = {'x', (char)c, '\0'};
		utf8proc_uint8_t *u = NULL;
		utf8proc_ssize_t ul = utf8proc_map((const utf8proc_uint8_t *)w,
		        2, &u,
		        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
		assert_true(ul == 2);
		assert_int_equal(td_normalize(w, 2, &o, &n), 0);
		assert_int_equal(n, 2);
		assert_memory_equal(o, u, 2);
		free(o);
		free(u);
		all[c - 1] = (char)c;
	}
	assert_int_equal(td_normalize(all, 127, &o, &n), 0);
	assert_int_equal(n, 127);
	for (int c = 1; c < 128; c++)
		assert_int_equal(o[c - 1], c >= 'A' && c <= 'Z' ? c + 32 : c);
	free(o);
	assert_int_equal(td_fold_diacritics("\xff", 1, &o, &n), TD_EINPUT);
	assert_int_equal(td_fold_quotes("a\xff’", 5, &o, &n), 0);
	assert_string_equal(o, "a\xff'");
	free(o);
}

static void test_slug(void **state)
{
	(void)state;
	char *s;
	assert_int_equal(td_slug("Kim Jong-un", &s), 0);
	assert_string_equal(s, "kim-jong-un");
	free(s);
	assert_int_equal(td_slug("  Recep Tayyip Erdoğan ", &s), 0);
	assert_string_equal(s, "recep-tayyip-erdogan");
	free(s);
	assert_int_equal(td_slug("O’Neill", &s), 0);
	assert_string_equal(s, "oneill");
	free(s);
}

/* Span and attribute names: a fixed name is the table's (one pointer for
 * every span), any other a copy of its own; td_span_clear() and
 * td_doc_free() free only the copies (a freed table name would crash). */
static void test_span_names(void **state)
{
	(void)state;
	const char *a = td_span_name_dup("persName");
	assert_non_null(a);
	assert_ptr_equal(a, td_span_name_dup("persName"));
	assert_string_equal(a, "persName");
	assert_int_equal(td_span_rank("persName"), 60);
	assert_int_equal(td_span_rank("docImprint"), 25);
	assert_int_equal(td_span_rank("w"), 90);
	assert_int_equal(td_span_rank("text"), 0);
	assert_int_equal(td_span_rank("lb"), 50);
	assert_int_equal(td_span_rank("persNames"), 50);
	td_span sp = {0};
	sp.name = td_span_name_dup("a-name-longer-than-the-table-width");
	assert_non_null(sp.name);
	assert_string_equal(sp.name, "a-name-longer-than-the-table-width");
	assert_int_equal(td_span_put_attr(&sp, "xml:id", "x1"), 0);
	assert_int_equal(td_span_put_attr(&sp, "corresp", "#c"), 0);
	assert_int_equal(td_span_put_attr(&sp, "notBefore", "1961"), 0);
	assert_int_equal(td_span_put_attr(&sp, "xml:id", "x2"), 0);
	assert_int_equal(sp.n_attrs, 3);
	assert_string_equal(td_span_attr(&sp, "xml:id"), "x2");
	assert_string_equal(td_span_attr(&sp, "corresp"), "#c");
	assert_string_equal(td_span_attr(&sp, "notBefore"), "1961");
	td_span_clear(&sp);
	assert_null(sp.name);
	assert_null(sp.attrs);
	assert_int_equal(sp.n_attrs, 0);
	td_span_clear(&sp); /* empty: nothing to free */
	td_doc *d;
	size_t i;
	assert_int_equal(td_doc_new("doc-n", "abc def", 7, &d), 0);
	assert_int_equal(td_doc_add_span(d, "persName", 0, 3, &i, "ref", "#a",
	                         "key", "k", NULL),
	        0);
	assert_ptr_equal(d->spans[i].name, a);
	assert_int_equal(
	        td_doc_add_span(d, "lb", 3, 3, NULL, "n", "1", NULL), 0);
	assert_int_equal(d->spans[1].rank, 50);
	assert_string_equal(d->spans[1].name, "lb");
	assert_int_equal(td_doc_add_span(d, "s", 0, 7, NULL, NULL), 0);
	assert_int_equal(d->spans[2].rank, 40);
	td_doc_drop_span(d, 1);
	assert_int_equal(d->n_spans, 2);
	assert_string_equal(d->spans[1].name, "s");
	assert_string_equal(td_span_attr(&d->spans[0], "key"), "k");
	td_doc_free(d);
}

static void test_doc_spans(void **state)
{
	(void)state;
	td_doc *d;
	size_t i;
	assert_int_equal(td_doc_new("doc-x", "abc def", 7, &d), 0);
	assert_int_equal(td_doc_add_span(d, "s", 0, 7, NULL, NULL), 0);
	assert_int_equal(
	        td_doc_add_span(d, "persName", 0, 3, &i, "ref", "#a", NULL), 0);
	assert_int_equal(td_doc_add_span(d, "p", 0, 7, NULL, NULL), 0);
	assert_int_not_equal(td_doc_add_span(d, "p", 0, 8, NULL, NULL), 0);
	assert_int_equal(td_span_set_attr(d, i, "ref", "#b"), 0);
	td_doc_sort_spans(d);
	assert_string_equal(d->spans[0].name, "p");
	assert_string_equal(d->spans[1].name, "s");
	assert_string_equal(d->spans[2].name, "persName");
	assert_string_equal(td_span_attr(&d->spans[2], "ref"), "#b");
	assert_int_equal(d->spans[2].n_attrs, 1); /* replaced, not added */
	/* added past the first capacities (2, 4, 8), each kept */
	for (int k = 0; k < 12; k++) {
		char n[16], v[16];
		snprintf(n, sizeof n, "a%d", k);
		snprintf(v, sizeof v, "v%d", k);
		assert_int_equal(td_span_put_attr(&d->spans[2], n, v), 0);
	}
	assert_int_equal(d->spans[2].n_attrs, 13);
	assert_string_equal(td_span_attr(&d->spans[2], "ref"), "#b");
	assert_string_equal(td_span_attr(&d->spans[2], "a0"), "v0");
	assert_string_equal(td_span_attr(&d->spans[2], "a11"), "v11");
	assert_int_equal(td_doc_add_actor(d, "a", "person", "A"), 0);
	assert_int_equal(td_doc_add_actor(d, "a", "person", "A"), 0);
	assert_int_equal(d->n_actors, 1);
	td_doc_free(d);
	/* stable: equal spans (pages at one place, a blank page before the
	 * next) keep the order they were added in, among others in any order */
	assert_int_equal(td_doc_new("doc-y", "abc def", 7, &d), 0);
	for (int k = 0; k < 200; k++) {
		char n[16];
		snprintf(n, sizeof n, "%d", k);
		size_t at = (size_t)(k * 7) % 8;
		assert_int_equal(
		        td_doc_add_span(d, "pb", 4, 4, NULL, "n", n, NULL), 0);
		assert_int_equal(
		        td_doc_add_span(d, "s", at > 4 ? 4 : at, 7, NULL, NULL),
		        0);
	}
	td_doc_sort_spans(d);
	int next = 0;
	for (size_t k = 0; k < d->n_spans; k++) {
		if (k)
			assert_true(td_span_order(&d->spans[k - 1],
			                    &d->spans[k]) <= 0);
		if (strcmp(d->spans[k].name, "pb"))
			continue;
		char n[16];
		snprintf(n, sizeof n, "%d", next++);
		assert_string_equal(td_span_attr(&d->spans[k], "n"), n);
	}
	assert_int_equal(next, 200);
	td_doc_free(d);
}

static void test_tsv(void **state)
{
	(void)state;
	char path[] = "/tmp/td-tsv-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("# comment\n\nkey\tkind\tName\r\nx\ty\n", f);
	fclose(f);
	td_tsv *t;
	assert_int_equal(td_tsv_load(path, &t), 0);
	assert_int_equal(t->n, 2);
	assert_int_equal(t->rows[0].n, 3);
	assert_string_equal(t->rows[0].f[2], "Name");
	assert_int_equal(t->rows[1].line, 4);
	td_tsv_free(t);
	unlink(path);
	assert_int_equal(td_tsv_load("/nonexistent/x.tsv", &t), TD_EIO);
	assert_non_null(strstr(td_error_last(), "/nonexistent/x.tsv"));
}

struct list_seen {
	char got[4][32];
	size_t line[4];
	size_t n;
	size_t stop_at; /* return 7 at this entry (0: never) */
};

static int list_entry(void *arg, const char *e, size_t len, size_t line)
{
	struct list_seen *s = arg;
	assert_int_equal(strlen(e), len);
	assert_true(s->n < 4 && len < 32);
	memcpy(s->got[s->n], e, len + 1);
	s->line[s->n] = line;
	return ++s->n == s->stop_at ? 7 : 0;
}

/* td_read_file: the whole file, NUL-terminated, also past its first
 * buffer (64 KiB); an empty file is an empty text; a missing one is
 * TD_EIO naming it. */
static void test_read_file(void **state)
{
	(void)state;
	char path[] = "/tmp/td-file-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	for (int i = 0; i < 50000; i++)
		fprintf(f, "%04d\n", i % 10000);
	fclose(f);
	char *b = NULL;
	size_t n = 0;
	assert_int_equal(td_read_file(path, &b, &n), 0);
	assert_int_equal(n, 250000);
	assert_int_equal(b[n], '\0');
	assert_memory_equal(b + 5 * 12345, "2345\n", 5);
	assert_memory_equal(b + n - 5, "9999\n", 5);
	free(b);
	assert_int_equal(truncate(path, 0), 0);
	assert_int_equal(td_read_file(path, &b, &n), 0);
	assert_int_equal(n, 0);
	assert_string_equal(b, "");
	free(b);
	unlink(path);
	assert_int_equal(td_read_file(path, &b, &n), TD_EIO);
	assert_non_null(strstr(td_error_last(), path));
}

/* TD_LOWER_BOUND: the first place whose element fails the test (is not
 * below the key), the array's end when none does, 0 in an empty one. */
static void test_lower_bound(void **state)
{
	(void)state;
	static const int v[] = {1, 3, 3, 3, 7, 9};
	static const struct {
		int key;
		size_t at;
	} c[] = {{0, 0}, {1, 0}, {2, 1}, {3, 1}, {4, 4}, {8, 5}, {9, 5},
	        {10, 6}};
	size_t lo = 99;
	for (size_t k = 0; k < sizeof c / sizeof *c; k++) {
		TD_LOWER_BOUND(
		        lo, sizeof v / sizeof *v, mid, v[mid] < c[k].key);
		assert_int_equal(lo, c[k].at);
	}
	TD_LOWER_BOUND(lo, 0, mid, v[mid] < 5);
	assert_int_equal(lo, 0);
}

/* td_read_list (tagdex-query -X, tagdex-ingest --merge-list): entries
 * trimmed, blank and '#' lines skipped, each with its line number, fn's
 * return stops the reading. */
static void test_read_list(void **state)
{
	(void)state;
	char path[] = "/tmp/td-list-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("# shards\n\n  a/one \t\r\n\t#b\n \nc two\nlast", f);
	fclose(f);
	struct list_seen s = {0};
	size_t n = 9;
	assert_int_equal(td_read_list(path, list_entry, &s, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.got[0], "a/one");
	assert_string_equal(s.got[1], "c two");
	assert_string_equal(s.got[2], "last");
	/* the line of each, for FILE:LINE in messages */
	assert_int_equal(s.line[0], 3);
	assert_int_equal(s.line[1], 6);
	assert_int_equal(s.line[2], 7);
	memset(&s, 0, sizeof s);
	s.stop_at = 2;
	assert_int_equal(td_read_list(path, list_entry, &s, &n), 7);
	assert_int_equal(n, 2);
	unlink(path);
	assert_int_equal(
	        td_read_list("/nonexistent/x.txt", list_entry, &s, &n), TD_EIO);
	assert_int_equal(n, 0);
	assert_non_null(strstr(td_error_last(), "/nonexistent/x.txt"));
}

/* TD_VEC_RESERVE: room for one more, doubling from `first`; an impossible
 * size fails with the array, count and capacity as they were. Likewise
 * TD_VEC_RESERVE_N for room for several. */
static void test_vec(void **state)
{
	(void)state;
	int *v = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < 100; i++) {
		assert_int_equal(TD_VEC_RESERVE(v, n, cap, 4), 0);
		assert_true(n < cap);
		v[n++] = i;
	}
	assert_int_equal(cap, 128); /* 4, 8, ..., 128 */
	for (int i = 0; i < 100; i++)
		assert_int_equal(v[i], i);
	/* full at a capacity whose double overflows: refused, untouched */
	int *keep = v;
	size_t big = SIZE_MAX / sizeof *v / 2 + 1, nb = big;
	assert_int_equal(TD_VEC_RESERVE(v, nb, big, 4), -1);
	assert_ptr_equal(v, keep);
	assert_int_equal(big, SIZE_MAX / sizeof *v / 2 + 1);
	/* TD_VEC_RESERVE_N: room for need in all, the capacity doubling from
	 * where it was until it fits; no change while it fits */
	assert_int_equal(TD_VEC_RESERVE_N(v, 100, cap, 4), 0);
	assert_int_equal(cap, 128);
	assert_int_equal(TD_VEC_RESERVE_N(v, 129, cap, 4), 0);
	assert_int_equal(cap, 256);
	assert_int_equal(TD_VEC_RESERVE_N(v, 1500, cap, 4), 0);
	assert_int_equal(cap, 2048); /* 512, 1024, 2048 in one call */
	v[1499] = 7;
	for (int i = 0; i < 100; i++)
		assert_int_equal(v[i], i);
	int *w = NULL;
	size_t wcap = 0, none = 0;
	assert_int_equal(
	        TD_VEC_RESERVE_N(w, none, wcap, 4), 0); /* nothing asked */
	assert_null(w);
	assert_int_equal(TD_VEC_RESERVE_N(w, 9, wcap, 4), 0);
	assert_int_equal(wcap, 16); /* from first: 4, 8, 16 */
	free(w);
	keep = v;
	nb = SIZE_MAX / sizeof *v; /* no doubling of 2048 reaches it */
	size_t had = cap;
	assert_int_equal(TD_VEC_RESERVE_N(v, nb, cap, 4), -1);
	assert_ptr_equal(v, keep);
	assert_int_equal(cap, had);
	free(v);
}

/* td_keyindex: every key added is found at its row, through growth; keys
 * that are prefixes of each other or absent are told apart. */
typedef struct krow {
	int val;
	char *key;
} krow;

static void test_keyindex(void **state)
{
	(void)state;
	td_keyindex ix = {0};
	krow *rows = NULL;
	size_t n = 0, cap = 0;
	char k[32];
	for (int i = 0; i < 1000; i++) {
		int len = snprintf(k, sizeof k, "k%d", i % 500);
		assert_int_equal(
		        td_keyindex_reserve(&ix, TD_KEYROWS(rows, krow), n), 0);
		assert_true((n + 1) * 2 <= ix.nslots);
		size_t *sl =
		        td_keyindex_slot(&ix, TD_KEYROWS(rows, krow), k, len);
		if (i < 500) {
			assert_int_equal(*sl, 0);
			assert_int_equal(TD_VEC_RESERVE(rows, n, cap, 8), 0);
			rows[n] = (krow){i, strdup(k)};
			*sl = ++n;
		} else {
			assert_int_equal(*sl, (size_t)(i - 500) + 1);
			rows[*sl - 1].val += 1000;
		}
	}
	assert_int_equal(n, 500);
	for (int i = 0; i < 500; i++)
		assert_int_equal(rows[i].val, i + 1000);
	/* "k1" is a prefix of "k10"; "k" and "" are absent */
	assert_int_equal(
	        *td_keyindex_slot(&ix, TD_KEYROWS(rows, krow), "k10", 2), 2);
	assert_int_equal(
	        *td_keyindex_slot(&ix, TD_KEYROWS(rows, krow), "k", 1), 0);
	assert_int_equal(
	        *td_keyindex_slot(&ix, TD_KEYROWS(rows, krow), "", 0), 0);
	td_keyindex_clear(&ix);
	assert_int_equal(ix.nslots, 0);
	for (size_t i = 0; i < n; i++)
		free(rows[i].key);
	free(rows);
}

/* td_buf: pieces (and runs of one byte) appended, always NUL-terminated;
 * a failure is sticky and keeps what was there (forced here by a size no
 * allocation can meet). */
static void test_buf(void **state)
{
	(void)state;
	td_buf b = {0};
	assert_int_equal(td_buf_add(&b, "", 0), 0);
	assert_string_equal(b.s, "");
	for (int i = 0; i < 100; i++)
		assert_int_equal(td_buf_adds(&b, "abc"), 0);
	assert_int_equal(td_buf_addc(&b, '!'), 0);
	assert_int_equal(b.n, 301);
	assert_int_equal(b.s[300], '!');
	assert_int_equal(b.s[301], '\0');
	assert_int_equal(td_buf_add(&b, "x", SIZE_MAX - 1), TD_ENOMEM);
	assert_true(b.oom);
	assert_int_equal(td_buf_adds(&b, "more"), TD_ENOMEM);
	assert_int_equal(b.n, 301);
	assert_int_equal(strncmp(b.s, "abcabc", 6), 0);
	td_buf_clear(&b);
	assert_null(b.s);
	assert_false(b.oom);
	assert_int_equal(td_buf_adds(&b, "again"), 0);
	assert_string_equal(b.s, "again");
	/* td_buf_fill: n copies of a byte, through growth, NUL after them */
	assert_int_equal(td_buf_fill(&b, 'z', 1000), 0);
	assert_int_equal(b.n, 1005);
	assert_int_equal(b.s[5], 'z');
	assert_int_equal(b.s[1004], 'z');
	assert_int_equal(b.s[1005], '\0');
	assert_int_equal(td_buf_fill(&b, 0, 0), 0);
	assert_int_equal(b.n, 1005);
	assert_int_equal(td_buf_fill(&b, 0, SIZE_MAX - 1), TD_ENOMEM);
	assert_true(b.oom);
	assert_int_equal(td_buf_fill(&b, 0, 1), TD_ENOMEM);
	assert_int_equal(b.n, 1005);
	td_buf_clear(&b);
}

/* td_doc_terms: the distinct strings of the tokens numbered by first
 * occurrence, each token pointing at its own (byte-equal, not
 * case-folded), with td_hash of the bytes; cut the tokens when no stage
 * kept them; again on the same document replaces the terms. */
static void test_doc_terms(void **state)
{
	(void)state;
	const char *text = "the war , The war and the peace , the";
	td_doc *d;
	assert_int_equal(td_doc_new("doc-t", text, strlen(text), &d), 0);
	for (int again = 0; again < 2; again++) {
		assert_int_equal(td_doc_terms(d), 0);
		const td_tokterms *tt = d->terms;
		assert_non_null(d->tokens);
		assert_int_equal(tt->n, 10);
		assert_int_equal(tt->nterms, 6); /* the war , The and peace */
		static const uint32_t want[] = {0, 1, 2, 3, 1, 4, 0, 5, 2, 0};
		static const uint32_t first[] = {0, 1, 2, 3, 5, 7};
		for (size_t i = 0; i < 10; i++)
			assert_int_equal(tt->tok[i], want[i]);
		for (size_t u = 0; u < 6; u++) {
			const td_token *f = &d->tokens->v[first[u]];
			assert_int_equal(tt->first[u], first[u]);
			assert_true(tt->hash[u] == td_hash(d->text + f->start,
			                                   f->end - f->start));
		}
	}
	td_doc_free(d);
}

/* td_doc_terms through tok_first (the annotator's first token of each
 * token's bytes) numbers the strings as its own table does, and takes it
 * only for the tokens it was made for: not for tokens cut anew. */
static void test_doc_terms_first(void **state)
{
	(void)state;
	const char *text = "the war , The war and the peace , the";
	static const uint32_t from[] = {0, 1, 2, 3, 1, 5, 0, 7, 2, 0};
	td_doc *d, *e;
	assert_int_equal(td_doc_new("doc-t", text, strlen(text), &d), 0);
	assert_int_equal(td_doc_new("doc-u", text, strlen(text), &e), 0);
	assert_int_equal(td_doc_terms(e), 0);
	td_tokens *tk;
	assert_int_equal(td_doc_tokens(d, &tk), 0);
	d->tok_first = malloc(sizeof from);
	assert_non_null(d->tok_first);
	memcpy(d->tok_first, from, sizeof from);
	assert_int_equal(td_doc_terms(d), 0);
	const td_tokterms *a = d->terms, *b = e->terms;
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->nterms, b->nterms);
	assert_memory_equal(a->tok, b->tok, a->n * sizeof *a->tok);
	assert_memory_equal(a->first, b->first, a->nterms * sizeof *a->first);
	assert_memory_equal(a->hash, b->hash, a->nterms * sizeof *a->hash);
	/* a wrong map is followed for the document's own tokens ... */
	d->tok_first[4] = 4;
	assert_int_equal(td_doc_terms(d), 0);
	assert_int_equal(d->terms->nterms, 7);
	/* ... and not for tokens cut now */
	td_tokens_clear(d->tokens);
	free(d->tokens);
	d->tokens = NULL;
	assert_int_equal(td_doc_terms(d), 0);
	assert_int_equal(d->terms->nterms, 6);
	assert_memory_equal(d->terms->tok, b->tok, b->n * sizeof *b->tok);
	td_doc_free(d);
	td_doc_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_tokens_words),
	        cmocka_unit_test(test_tokens_dash_as_hyphen),
	        cmocka_unit_test(test_tokens_word_ends),
	        cmocka_unit_test(test_tokens_offsets_base),
	        cmocka_unit_test(test_normalize),
	        cmocka_unit_test(test_slug),
	        cmocka_unit_test(test_doc_spans),
	        cmocka_unit_test(test_span_names),
	        cmocka_unit_test(test_tsv),
	        cmocka_unit_test(test_read_list),
	        cmocka_unit_test(test_read_file),
	        cmocka_unit_test(test_lower_bound),
	        cmocka_unit_test(test_vec),
	        cmocka_unit_test(test_keyindex),
	        cmocka_unit_test(test_buf),
	        cmocka_unit_test(test_doc_terms),
	        cmocka_unit_test(test_doc_terms_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
