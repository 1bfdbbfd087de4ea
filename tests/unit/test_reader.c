/* test_reader.c: the plain-text reader: encodings, line ends, bad bytes,
 * block classification and metadata lines. One test per input quirk; the
 * fixtures are in tests/data/text/, small inputs are inline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "util.h"

static char warned[4096];

static void on_warn(void *ctx, const char *msg)
{
	(void)ctx;
	strncat(warned, msg, sizeof warned - strlen(warned) - 2);
	strcat(warned, "\n");
}

static int setup(void **state)
{
	(void)state;
	warned[0] = '\0';
	td_set_warn(on_warn, NULL);
	return 0;
}

static void read_fixture(const char *name, char **data, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/data/text/%s", TD_SRCDIR, name);
	assert_int_equal(td_read_file(path, data, len), 0);
}

static void read_str(const char *s, td_blocks *b)
{
	assert_int_equal(td_text_read("t.txt", s, strlen(s), 0, b), 0);
}

static const char *block_text(const td_blocks *b, size_t i, char *buf, size_t n)
{
	size_t l = b->v[i].end - b->v[i].start;
	if (l >= n)
		l = n - 1;
	memcpy(buf, b->text + b->v[i].start, l);
	buf[l] = '\0';
	return buf;
}

static void test_bom_removed(void **state)
{
	(void)state;
	char *d;
	size_t n;
	td_blocks b;
	read_fixture("bom.txt", &d, &n);
	assert_int_equal(td_text_read("bom.txt", d, n, 0, &b), 0);
	assert_int_equal(b.len, n - 3);
	assert_memory_equal(b.text, d + 3, b.len);
	assert_string_equal(b.meta.title, "BOM article title");
	assert_string_equal(b.meta.date, "2024-01-19");
	/* The hash is of the raw bytes, BOM included. */
	char hex[65];
	td_sha256_hex(d, n, hex);
	assert_string_equal(b.meta.source_sha256, hex);
	td_blocks_clear(&b);
	free(d);
}

static void test_crlf_and_lone_cr(void **state)
{
	(void)state;
	char *d;
	size_t n;
	td_blocks b;
	read_fixture("crlf.txt", &d, &n);
	assert_int_equal(td_text_read("dir/crlf.txt", d, n, 0, &b), 0);
	assert_null(strchr(b.text, '\r'));
	assert_int_equal(b.len, n - 11); /* 11 CRLF pairs */
	assert_string_equal(b.meta.source_name, "crlf.txt");
	assert_string_equal(b.meta.date, "2024-03-05");
	assert_string_equal(b.meta.reading_time, "2 min read");
	td_blocks_clear(&b);
	free(d);

	read_str("Title\r\rBody one.\rBody two.\r", &b);
	assert_string_equal(b.text, "Title\n\nBody one.\nBody two.\n");
	assert_int_equal(b.n, 2);
	td_blocks_clear(&b);
}

static void test_nbsp_and_tab_kept(void **state)
{
	(void)state;
	char *d;
	size_t n;
	td_blocks b;
	char buf[256];
	read_fixture("crlf.txt", &d, &n);
	assert_int_equal(td_text_read("crlf.txt", d, n, 0, &b), 0);
	assert_non_null(strstr(b.text, "no-break\xC2\xA0space"));
	assert_non_null(strstr(b.text, "here.\tIt"));
	assert_string_equal(block_text(&b, 1, buf, sizeof buf),
	        "A standfirst with a no-break\xC2\xA0space.");
	td_blocks_clear(&b);
	free(d);
	/* A paragraph ending in a no-break space keeps it inside its block, so
	 * that no non-XML white space falls between elements; it stays a
	 * paragraph (not a heading) because of its final full stop. */
	read_str("T\n\nS.\n\nX Published 2 May 2024\n\nShort line.\xC2\xA0\n",
	        &b);
	assert_int_equal(b.n, 4);
	assert_int_equal(b.v[3].kind, TD_BLOCK_PARA);
	assert_int_equal(b.v[3].end, b.len - 1);
	td_blocks_clear(&b);
	/* A line of nothing but a no-break space joins the block before. */
	read_str("T\n\nOne.\n\n\xC2\xA0\n\nTwo.\n", &b);
	assert_int_equal(b.n, 3);
	assert_string_equal(
	        block_text(&b, 1, buf, sizeof buf), "One.\n\n\xC2\xA0");
	td_blocks_clear(&b);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	char *d;
	size_t n;
	td_blocks b;
	read_fixture("bad/invalid-utf8.txt", &d, &n);
	assert_int_equal(
	        td_text_read("x/invalid-utf8.txt", d, n, 0, &b), TD_EINPUT);
	assert_string_equal(td_error_last(),
	        "x/invalid-utf8.txt: invalid UTF-8 at byte 71 (line 5)");
	assert_null(b.text);
	/* Overlong forms, surrogates and truncated sequences are invalid
	 * too. */
	const char *bad[] = {"ab\xC0\xAF", "ab\xED\xA0\x80", "ab\xE2\x80",
	        "ab\xF5\x80\x80\x80", "ab\xEF\xBF\xBE"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(
		        td_text_read("s", bad[i], strlen(bad[i]), 0, &b),
		        TD_EINPUT);
		assert_non_null(strstr(td_error_last(), "at byte 2 (line 1)"));
	}
	free(d);
}

static void test_lenient_replaces(void **state)
{
	(void)state;
	char *d;
	size_t n;
	td_blocks b;
	read_fixture("bad/invalid-utf8.txt", &d, &n);
	assert_int_equal(td_text_read("invalid-utf8.txt", d, n, 1, &b), 0);
	assert_non_null(strstr(b.text, "bad byte \xEF\xBF\xBD here."));
	assert_non_null(strstr(warned, "invalid-utf8.txt: invalid UTF-8 at "
	                               "byte 71 (line 5) replaced"));
	td_blocks_clear(&b);
	free(d);
}

/* A binary file read with --lenient: a few warnings and a total, not one
 * warning a byte. */
static void test_lenient_caps_warnings(void **state)
{
	(void)state;
	char d[2000];
	td_blocks b;
	memcpy(d, "Title\n\n", 7);
	for (size_t i = 7; i < sizeof d; i++)
		d[i] = (char)(i % 2 ? 0xFF : 'a');
	assert_int_equal(td_text_read("bin.txt", d, sizeof d, 1, &b), 0);
	size_t lines = 0;
	for (const char *p = warned; (p = strstr(p, "U+FFFD")); p++)
		lines++;
	assert_int_equal(lines, 11);
	assert_non_null(strstr(
	        warned, "bin.txt: 997 bad bytes replaced by U+FFFD in all"));
	td_blocks_clear(&b);
}

static void test_nul_and_controls(void **state)
{
	(void)state;
	char *d;
	size_t n;
	td_blocks b;
	read_fixture("bad/nul.txt", &d, &n);
	assert_int_equal(td_text_read("nul.txt", d, n, 0, &b), TD_EINPUT);
	assert_string_equal(
	        td_error_last(), "nul.txt: NUL byte at byte 17 (line 3)");
	assert_int_equal(td_text_read("nul.txt", d, n, 1, &b), 0);
	assert_non_null(strstr(b.text, "A NUL \xEF\xBF\xBD here."));
	td_blocks_clear(&b);
	free(d);
	assert_int_equal(td_text_read("c.txt", "a\x01", 2, 0, &b), TD_EINPUT);
	assert_string_equal(
	        td_error_last(), "c.txt: control character at byte 1 (line 1)");
	/* lines ended by LF, CR LF and a lone CR, after a BOM, counted up to
	 * the bad byte (decode counts them only when it names one) */
	static const char crlf[] = "\xEF\xBB\xBFOne\r\ntwo\rthree\n\r\nfour "
	                           "\x01 five";
	assert_int_equal(
	        td_text_read("l.txt", crlf, sizeof crlf - 1, 0, &b), TD_EINPUT);
	assert_string_equal(td_error_last(),
	        "l.txt: control character at byte 25 (line 5)");
	/* lenient: each warning's line, counted on from the one before */
	warned[0] = '\0';
	static const char two[] = "a\xFF\nb\r\n\rc\xFF\r\n\xFE";
	assert_int_equal(td_text_read("w.txt", two, sizeof two - 1, 1, &b), 0);
	assert_non_null(strstr(warned, "at byte 1 (line 1) replaced"));
	assert_non_null(strstr(warned, "at byte 8 (line 4) replaced"));
	assert_non_null(strstr(warned, "at byte 11 (line 5) replaced"));
	td_blocks_clear(&b);
}

static void test_empty(void **state)
{
	(void)state;
	td_blocks b;
	assert_int_equal(td_text_read("e.txt", "", 0, 0, &b), TD_EINPUT);
	assert_string_equal(td_error_last(), "e.txt: empty input");
	const char *ws = "\xEF\xBB\xBF \n\t\r\n";
	assert_int_equal(
	        td_text_read("e.txt", ws, strlen(ws), 0, &b), TD_EINPUT);
	assert_string_equal(td_error_last(), "e.txt: empty input");
}

static void test_no_metadata(void **state)
{
	(void)state;
	char *d;
	size_t n;
	td_blocks b;
	read_fixture("nometa.txt", &d, &n);
	assert_int_equal(td_text_read("nometa.txt", d, n, 0, &b), 0);
	assert_string_equal(warned, "nometa.txt: no metadata line; no date\n");
	assert_null(b.meta.date);
	assert_int_equal(b.n, 4);
	assert_int_equal(b.v[0].kind, TD_BLOCK_TITLE);
	assert_int_equal(b.v[1].kind, TD_BLOCK_PARA);
	assert_int_equal(b.v[2].kind, TD_BLOCK_HEAD);
	td_blocks_clear(&b);
	free(d);
}

static void test_seed_blocks(void **state)
{
	(void)state;
	char path[1024], *d, buf[256];
	size_t n;
	td_blocks b;
	snprintf(path, sizeof path,
	        "%s/corpus/articles/"
	        "2024-01-19-kim-jong-un-hostile-rhetoric.txt",
	        TD_SRCDIR);
	assert_int_equal(td_read_file(path, &d, &n), 0);
	assert_int_equal(td_text_read(path, d, n, 0, &b), 0);
	assert_int_equal(b.len, n); /* LF, no BOM: the text is the input */
	assert_memory_equal(b.text, d, n);
	assert_int_equal(b.v[0].kind, TD_BLOCK_TITLE);
	assert_int_equal(b.v[1].kind, TD_BLOCK_STANDFIRST);
	assert_int_equal(b.v[2].kind, TD_BLOCK_META);
	assert_string_equal(b.meta.genre, "Expert comment");
	assert_string_equal(b.meta.date, "2024-01-19");
	assert_string_equal(b.meta.reading_time, "3 minute READ");
	assert_int_equal(
	        b.line.date_end - b.line.date_start, strlen("19 January 2024"));
	assert_memory_equal(b.text + b.line.date_start, "19 January 2024", 15);
	size_t heads = 0;
	for (size_t i = 0; i < b.n; i++)
		if (b.v[i].kind == TD_BLOCK_HEAD) {
			heads++;
			block_text(&b, i, buf, sizeof buf);
			assert_true(
			        strcmp(buf, "A nuclear North Korea") == 0 ||
			        strcmp(buf, "A new strategic triangle?") == 0 ||
			        strcmp(buf, "Article 2nd half") == 0);
		}
	assert_int_equal(heads, 3);
	td_blocks_clear(&b);
	free(d);
}

static void test_meta_line_formats(void **state)
{
	(void)state;
	static const struct {
		const char *line, *iso, *date, *genre;
	} ok[] = {
	        {"Expert comment Published 19 January 2024 3 minute READ",
	                "2024-01-19", "19 January 2024", "Expert comment"},
	        {"Analysis Published Jan 19, 2024", "2024-01-19",
	                "Jan 19, 2024", "Analysis"},
	        {"Research paper Updated 2023-11-30 12 min read", "2023-11-30",
	                "2023-11-30", "Research paper"},
	        {"Published 5 Sept. 2023", "2023-09-05", "5 Sept. 2023", NULL},
	        {"Comment 29 Feb 2024 7-minute read", "2024-02-29",
	                "29 Feb 2024", "Comment"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		td_meta_line m;
		const char *s = ok[i].line;
		assert_int_equal(td_meta_line_parse(s, strlen(s), &m), 1);
		assert_string_equal(m.iso, ok[i].iso);
		assert_int_equal(m.date_end - m.date_start, strlen(ok[i].date));
		assert_memory_equal(
		        s + m.date_start, ok[i].date, strlen(ok[i].date));
		if (ok[i].genre) {
			assert_int_equal(m.genre_end - m.genre_start,
			        strlen(ok[i].genre));
			assert_memory_equal(s + m.genre_start, ok[i].genre,
			        strlen(ok[i].genre));
		} else {
			assert_int_equal(m.genre_end, m.genre_start);
		}
	}
	/* Not metadata: no keyword nor reading time; impossible dates. */
	const char *no[] = {"It happened on 19 January 2024 in Seoul.",
	        "Published 30 February 2023", "Published 2023-13-01",
	        "Published sometime last year", ""};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		td_meta_line m;
		assert_int_equal(
		        td_meta_line_parse(no[i], strlen(no[i]), &m), 0);
	}
}

static void test_heading_shapes(void **state)
{
	(void)state;
	td_blocks b;
	read_str("T\n\nS.\n\nX Published 2 May 2024\n\n"
	         "What next?\n\nA plain heading\n\nA sentence ends here.\n\n"
	         "Ends in a colon:\n\nOne line\nand another\n\n"
	         "\xE2\x80\x98Quoted heading\xE2\x80\x99\n\nWait for "
	         "it\xE2\x80\xA6\n",
	        &b);
	static const td_block_kind want[] = {TD_BLOCK_TITLE,
	        TD_BLOCK_STANDFIRST, TD_BLOCK_META, TD_BLOCK_HEAD,
	        TD_BLOCK_HEAD, TD_BLOCK_PARA, TD_BLOCK_PARA, TD_BLOCK_PARA,
	        TD_BLOCK_HEAD, TD_BLOCK_PARA};
	assert_int_equal(b.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < b.n; i++)
		assert_int_equal(b.v[i].kind, want[i]);
	td_blocks_clear(&b);
}

/* Session 12: fiction's short dialogue paragraphs are no headings: a
 * quotation alone ending in '?' or '!' (straight or curly marks), a line
 * with a sentence end inside; a quoted heading without '?' or '!', an
 * abbreviation before a capital ("Dr. Who?") and a question stay
 * headings. */
static void test_dialogue_not_heading(void **state)
{
	(void)state;
	td_blocks b;
	read_str("T\n\nS.\n\nX Published 2 May 2024\n\n"
	         "\"Rudenko?\"\n\n"
	         "\xE2\x80\x9CGet down!\xE2\x80\x9D\n\n"
	         "\"Does he know?\" he said at last. \"About Karl?\"\n\n"
	         "Brand did not turn around. \xE2\x80\x9CWhose "
	         "orders?\xE2\x80\x9D\n\n"
	         "\xE2\x80\x98Quoted heading\xE2\x80\x99\n\n"
	         "Dr. Who?\n\nWhat next?\n",
	        &b);
	static const td_block_kind want[] = {TD_BLOCK_TITLE,
	        TD_BLOCK_STANDFIRST, TD_BLOCK_META, TD_BLOCK_PARA,
	        TD_BLOCK_PARA, TD_BLOCK_PARA, TD_BLOCK_PARA, TD_BLOCK_HEAD,
	        TD_BLOCK_HEAD, TD_BLOCK_HEAD};
	assert_int_equal(b.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < b.n; i++)
		assert_int_equal(b.v[i].kind, want[i]);
	td_blocks_clear(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup(test_bom_removed, setup),
	        cmocka_unit_test_setup(test_crlf_and_lone_cr, setup),
	        cmocka_unit_test_setup(test_nbsp_and_tab_kept, setup),
	        cmocka_unit_test_setup(test_invalid_utf8, setup),
	        cmocka_unit_test_setup(test_lenient_replaces, setup),
	        cmocka_unit_test_setup(test_lenient_caps_warnings, setup),
	        cmocka_unit_test_setup(test_nul_and_controls, setup),
	        cmocka_unit_test_setup(test_empty, setup),
	        cmocka_unit_test_setup(test_no_metadata, setup),
	        cmocka_unit_test_setup(test_seed_blocks, setup),
	        cmocka_unit_test_setup(test_meta_line_formats, setup),
	        cmocka_unit_test_setup(test_heading_shapes, setup),
	        cmocka_unit_test_setup(test_dialogue_not_heading, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
