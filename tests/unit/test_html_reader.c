/* test_html_reader.c: the HTML reader (indexer/read/html_reader.c) on small
 * pages written here: what is kept, what is dropped, block kinds, metadata
 * sources, encodings and hostile input (broken markup, a 10 MB inline
 * script, deep nesting, bad bytes, huge or broken JSON-LD).
 */
#include "config.h"
#include "html_reader.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int read_ok(const char *html, td_blocks *b)
{
	int rc = td_html_read("t.html", html, strlen(html), 0, b);
	if (rc)
		fail_msg("td_html_read: %s", td_error_last());
	return rc;
}

/* Block i's text, as a static string. */
static const char *blk(const td_blocks *b, size_t i)
{
	static char s[4096];
	assert_true(i < b->n);
	snprintf(s, sizeof s, "%.*s", (int)(b->v[i].end - b->v[i].start),
	        b->text + b->v[i].start);
	return s;
}

#define PARA "<p>The minister said the talks would resume in March.</p>"

static void test_article_blocks(void **state)
{
	(void)state;
	td_blocks b;
	read_ok("<html><head><title>T | Site</title></head><body>"
	        "<article><header><h1>A  title\n here</h1>"
	        "<p class=\"standfirst\">The stand first.</p>"
	        "<div>Commentary <span>Published 3 May 2024</span> 4 minute "
	        "READ</div>"
	        "</header>" PARA "<h2>Section one</h2><p>Second "
	        "<em>para</em>graph,\n  wrapped.</p>"
	        "<p><strong>Bold heading</strong></p>"
	        "<p><strong>Bold but a sentence.</strong></p>"
	        "</article></body></html>",
	        &b);
	assert_int_equal(b.n, 8);
	assert_int_equal(b.v[0].kind, TD_BLOCK_TITLE);
	assert_string_equal(blk(&b, 0), "A title here");
	assert_int_equal(b.v[1].kind, TD_BLOCK_STANDFIRST);
	assert_int_equal(b.v[2].kind, TD_BLOCK_META);
	assert_string_equal(
	        blk(&b, 2), "Commentary Published 3 May 2024 4 minute READ");
	assert_int_equal(b.v[3].kind, TD_BLOCK_PARA);
	assert_int_equal(b.v[4].kind, TD_BLOCK_HEAD);
	assert_string_equal(blk(&b, 5), "Second paragraph, wrapped.");
	assert_int_equal(b.v[6].kind, TD_BLOCK_HEAD);
	assert_int_equal(b.v[7].kind, TD_BLOCK_PARA);
	/* The layout of a text article: blocks separated by a blank line. */
	assert_memory_equal(b.text, "A title here\n\nThe stand first.\n\n", 32);
	assert_int_equal(b.text[b.len - 1], '\n');
	assert_int_equal(b.len, strlen(b.text));
	assert_string_equal(b.meta.title, "A title here");
	assert_string_equal(b.meta.subtitle, "The stand first.");
	assert_string_equal(b.meta.date, "2024-05-03");
	assert_string_equal(b.meta.genre, "Commentary");
	assert_string_equal(b.meta.reading_time, "4 minute READ");
	assert_int_equal(
	        b.line.date_end - b.line.date_start, strlen("3 May 2024"));
	assert_memory_equal(b.text + b.line.date_start, "3 May 2024", 10);
	assert_string_equal(b.meta.source_name, "t.html");
	assert_int_equal(strlen(b.meta.source_sha256), 64);
	td_blocks_clear(&b);
}

static void test_junk_dropped(void **state)
{
	(void)state;
	td_blocks b;
	read_ok("<body><div class=\"cookie-banner\"><p>We use "
	        "cookies.</p></div>"
	        "<nav><a>Home</a></nav><header "
	        "role=\"banner\">Sitename</header>"
	        "<main><h1>Title</h1>"
	        "<ul class=\"share-tools\"><li>Share on X</li></ul>" PARA
	        "<script>var secret = 'SCRIPTTEXT';</script>"
	        "<style>p { color: red }</style><noscript>NOSCRIPT</noscript>"
	        "<iframe src=\"x\">IFRAME</iframe>"
	        "<figure><img src=a.jpg><figcaption>A "
	        "caption.</figcaption></figure>"
	        "<p hidden>Hidden one.</p><p aria-hidden=\"true\">Hidden "
	        "two.</p>"
	        "<p style=\"display: none\">Hidden three.</p>"
	        "<aside><h3>Related</h3><p>Other story.</p></aside>"
	        "<div class=\"related_articles\"><p>Another story.</p></div>"
	        "<form><label>Email</label></form>"
	        "<p>Last paragraph of the article.</p></main>"
	        "<footer><p>Copyright.</p></footer></body>",
	        &b);
	const char *bad[] = {"cookies", "Home", "Sitename", "Share", "SCRIPT",
	        "color", "NOSCRIPT", "IFRAME", "caption", "Hidden", "Related",
	        "Other story", "Another story", "Email", "Copyright"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (strstr(b.text, bad[i]))
			fail_msg("\"%s\" kept in: %s", bad[i], b.text);
	assert_int_equal(b.n, 3);
	assert_string_equal(blk(&b, 2), "Last paragraph of the article.");
	assert_non_null(strstr(b.meta.extraction, "<main>"));
	assert_non_null(strstr(b.meta.extraction, "1 script"));
	assert_non_null(strstr(b.meta.extraction, "1 nav"));
	assert_non_null(strstr(b.meta.extraction, "div.cookie-banner"));
	td_blocks_clear(&b);
}

/* A junk-looking class on an element that wraps the article is layout. */
static void test_wrapper_kept(void **state)
{
	(void)state;
	td_blocks b;
	read_ok("<div class=\"layout has-sidebar\"><article><h1>T</h1>" PARA
	        "</article><div class=\"sidebar\"><p>Side "
	        "text.</p></div></div>",
	        &b);
	assert_int_equal(b.n, 2);
	assert_null(strstr(b.text, "Side"));
	td_blocks_clear(&b);
}

static void test_pull_quote_kept(void **state)
{
	(void)state;
	td_blocks b;
	read_ok("<article><h1>T</h1>" PARA "<aside class=\"pullquote\"><p>The "
	        "talks would resume.</p></aside>"
	        "<figure class=\"pull-quote\"><blockquote>Resume in March."
	        "</blockquote><figcaption>Minister</figcaption></figure>"
	        "<blockquote><p>A real quotation.</p></blockquote>"
	        "<aside class=\"box\"><p>Box text.</p></aside></article>",
	        &b);
	assert_int_equal(b.n, 5);
	assert_string_equal(blk(&b, 2), "The talks would resume.");
	assert_int_equal(b.v[2].kind, TD_BLOCK_PARA);
	assert_string_equal(blk(&b, 3), "Resume in March.");
	assert_string_equal(blk(&b, 4), "A real quotation.");
	td_blocks_clear(&b);
}

static void test_split_containers(void **state)
{
	(void)state;
	td_blocks b;
	read_ok("<article><h1>T</h1><div class=\"story-body\">"
	        "<div class=\"article-body\"><p>Part one.</p></div>"
	        "<div class=\"promo\"><p>Subscribe now.</p></div>"
	        "<p>Read more: another story</p>"
	        "<div class=\"article-body\"><p>Part two.</p></div></div>"
	        "</article>",
	        &b);
	assert_int_equal(b.n, 3);
	assert_string_equal(blk(&b, 1), "Part one.");
	assert_string_equal(blk(&b, 2), "Part two.");
	assert_non_null(strstr(b.meta.extraction, "2 article-body containers"));
	td_blocks_clear(&b);
	/* itemprop=articleBody marks a container too. */
	read_ok("<div><h1>T</h1><div class=\"promo2\"><p>Noise here.</p></div>"
	        "<div itemprop=\"articleBody\"><p>Only this.</p></div></div>",
	        &b);
	assert_int_equal(b.n, 2);
	assert_string_equal(blk(&b, 1), "Only this.");
	td_blocks_clear(&b);
}

static void test_line_breaks(void **state)
{
	(void)state;
	td_blocks b;
	read_ok("<article><h1>T</h1><p>Line one<br>line two<br><br>"
	        "New block&nbsp;here.</p></article>",
	        &b);
	assert_int_equal(b.n, 3);
	assert_string_equal(blk(&b, 1), "Line one\nline two");
	assert_string_equal(blk(&b, 2), "New block\xC2\xA0here.");
	td_blocks_clear(&b);
}

static void check_date(const char *html, const char *want, const char *source)
{
	td_blocks b;
	read_ok(html, &b);
	if (want) {
		assert_non_null(b.meta.date);
		assert_string_equal(b.meta.date, want);
		assert_non_null(strstr(b.meta.extraction, source));
	} else {
		assert_null(b.meta.date);
	}
	td_blocks_clear(&b);
}

static void test_dates(void **state)
{
	(void)state;
	check_date("<article><h1>T</h1><time datetime=\"2024-01-19T08:00Z\">"
	           "Friday</time>" PARA "</article>",
	        "2024-01-19", "<time datetime>");
	check_date("<head><meta property=\"article:published_time\" "
	           "content=\"2023-12-01T10:00:00+01:00\"></"
	           "head><article><h1>T</h1>"
	           "<time datetime=\"2024-01-19\">x</time>" PARA "</article>",
	        "2023-12-01", "article:published_time");
	check_date("<head><script type=\"application/ld+json\">{\"@graph\": "
	           "[{\"@type\": \"WebPage\"}, {\"@type\": \"NewsArticle\", "
	           "\"datePublished\": \"2022-02-24\"}]}</script></head>"
	           "<article><h1>T</h1>" PARA "</article>",
	        "2022-02-24", "JSON-LD");
	check_date("<article><h1>T</h1><meta itemprop=\"datePublished\" "
	           "content=\"2021-07\">" PARA "</article>",
	        "2021-07", "itemprop");
	/* The visible metadata line wins over markup. */
	check_date("<head><meta property=\"article:published_time\" "
	           "content=\"2023-12-01\"></head><article><h1>T</h1>"
	           "<p>Analysis Published 2 December 2023 5 min read</p>" PARA
	           "</article>",
	        "2023-12-02", "metadata line");
	/* Impossible dates are no dates. */
	check_date("<article><h1>T</h1><time datetime=\"2023-02-29\">x</time>"
	           "<time datetime=\"2023-13-01\">x</time>" PARA "</article>",
	        NULL, NULL);
	/* Broken and hostile JSON-LD is ignored. */
	check_date("<script type=\"application/ld+json\">{\"datePublished\": "
	           "</script><article><h1>T</h1>" PARA "</article>",
	        NULL, NULL);
	char *deep = malloc(300000);
	assert_non_null(deep);
	strcpy(deep, "<script type=\"application/ld+json\">");
	size_t n = strlen(deep);
	for (int i = 0; i < 100000; i++)
		deep[n++] = '[';
	strcpy(deep + n, "</script><article><h1>T</h1>" PARA "</article>");
	check_date(deep, NULL, NULL);
	free(deep);
}

static void test_header_fields(void **state)
{
	(void)state;
	td_blocks b;
	read_ok("<head><meta property=\"og:url\" "
	        "content=\"https://a.example/og\">"
	        "<link rel=\"canonical\" href=\" https://a.example/c \">"
	        "<meta name=\"author\" content=\"Meta Author\"></head>"
	        "<article><h1>T</h1><div class=\"byline\">By Jo "
	        "Bloggs</div>" PARA "</article>",
	        &b);
	assert_string_equal(b.meta.url, "https://a.example/c");
	assert_string_equal(b.meta.author, "Jo Bloggs");
	assert_null(strstr(b.text, "Bloggs"));
	td_blocks_clear(&b);
	read_ok("<head><meta property=\"og:url\" "
	        "content=\"https://a.example/og\">"
	        "<meta property=\"og:title\" content=\"OG title\">"
	        "<meta name=\"author\" content=\"Meta\tAuthor\"></head>"
	        "<article>" PARA "</article>",
	        &b);
	assert_string_equal(b.meta.url, "https://a.example/og");
	assert_string_equal(b.meta.author, "Meta Author");
	/* No <h1>: the title goes to the header only, not into the text. */
	assert_string_equal(b.meta.title, "OG title");
	assert_int_equal(b.n, 1);
	assert_int_equal(b.v[0].kind, TD_BLOCK_PARA);
	td_blocks_clear(&b);
}

/* ------------------------------------------------------------ encodings */

static void check_text(
        const char *page, size_t len, const char *want, const char *how)
{
	td_blocks b;
	int rc = td_html_read("t.html", page, len, 0, &b);
	if (rc)
		fail_msg("td_html_read: %s", td_error_last());
	assert_int_equal(b.n, 2);
	assert_string_equal(blk(&b, 1), want);
	if (how && !strstr(b.meta.extraction, how))
		fail_msg("extraction \"%s\" lacks \"%s\"", b.meta.extraction,
		        how);
	td_blocks_clear(&b);
}

#define ENC_PAGE(head, p)                                                      \
	"<html><head>" head "</head><body><article>"                           \
	"<h1>T</h1><p>" p "</p></article></body></html>"

static void test_encodings(void **state)
{
	(void)state;
	const char *s;
	/* UTF-8 bytes declared as latin-1: read as UTF-8. */
	s = ENC_PAGE("<meta charset=\"iso-8859-1\">",
	        "Kim\xE2\x80\x99s caf\xC3\xA9");
	check_text(s, strlen(s), "Kim\xE2\x80\x99s caf\xC3\xA9",
	        "the bytes are UTF-8");
	/* windows-1252 bytes declared as ISO-8859-1: read as windows-1252. */
	s = ENC_PAGE("<meta http-equiv=\"Content-Type\" content=\"text/html; "
	             "charset=ISO-8859-1\">",
	        "Kim\x92s caf\xE9 \x93quoted\x94");
	check_text(s, strlen(s),
	        "Kim\xE2\x80\x99s caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D",
	        "windows-1252");
	/* Undeclared, not UTF-8: windows-1252. */
	s = ENC_PAGE("", "na\xEFve");
	check_text(s, strlen(s), "na\xC3\xAFve", "windows-1252");
	/* Declared UTF-8 with one bad byte: U+FFFD for it, the rest UTF-8. */
	s = ENC_PAGE("<meta charset=utf-8>", "caf\xC3\xA9 \xFF ok");
	check_text(s, strlen(s), "caf\xC3\xA9 \xEF\xBF\xBD ok", "1 bad byte");
	/* Another declared charset goes through iconv. */
	s = ENC_PAGE("<meta charset=\"shift_jis\">", "\x93\xFA\x96\x7B\xFF");
	check_text(s, strlen(s), "\xE6\x97\xA5\xE6\x9C\xAC\xEF\xBF\xBD",
	        "shift_jis");
	/* An unknown charset with bad bytes: windows-1252. */
	s = ENC_PAGE("<meta charset=\"x-no-such\">", "caf\xE9");
	check_text(s, strlen(s), "caf\xC3\xA9", "unknown charset");
	/* A UTF-8 BOM. */
	s = "\xEF\xBB\xBF" ENC_PAGE("", "caf\xC3\xA9");
	check_text(s, strlen(s), "caf\xC3\xA9", "BOM");
	/* UTF-16LE with a BOM. */
	const char *a = ENC_PAGE("<meta charset=\"utf-8\">", "caf\xC3\xA9");
	char u16[1024];
	size_t n = 0;
	u16[n++] = '\xFF';
	u16[n++] = '\xFE';
	for (const char *p = a; *p; p++) {
		if ((unsigned char)*p == 0xC3) { /* the one é */
			u16[n++] = '\xE9';
			u16[n++] = 0;
			p++;
			continue;
		}
		u16[n++] = *p;
		u16[n++] = 0;
	}
	check_text(u16, n, "caf\xC3\xA9", "UTF-16LE");
	/* NUL and control bytes become U+FFFD; the text stays valid XML. */
	static const char nul[] = ENC_PAGE("", "a\0b\x01"
	                                       "c\x0B"
	                                       "d");
	check_text(nul, sizeof nul - 1,
	        "a\xEF\xBF\xBD"
	        "b\xEF\xBF\xBD"
	        "c\xEF\xBF\xBD"
	        "d",
	        NULL);
}

/* ------------------------------------------------------- hostile input */

static void test_broken_markup(void **state)
{
	(void)state;
	td_blocks b;
	read_ok("<BODY><DIV CLASS=entry-content><H1>Title<P>One <B>bold<P>Two"
	        "<UL><LI>Item one<LI>Item two</UL></span></div></div>"
	        "<p>Three &amp; &unknownentity; &#x2019; &#xD800; &#1;</p>",
	        &b);
	assert_int_equal(b.v[0].kind, TD_BLOCK_TITLE);
	assert_string_equal(blk(&b, 0), "Title");
	assert_string_equal(blk(&b, 1), "One bold");
	assert_string_equal(blk(&b, 2), "Two");
	assert_string_equal(blk(&b, 3), "Item one");
	assert_string_equal(blk(&b, 4), "Item two");
	/* Outside the container: dropped. */
	assert_int_equal(b.n, 5);
	td_blocks_clear(&b);
	read_ok("<article><h1>T</h1><p>Three &amp; &unknownentity; &#x2019; "
	        "&#xD800;&#1;x</p></article>",
	        &b);
	assert_int_equal(b.n, 2);
	assert_null(memchr(b.text, 1, b.len));
	assert_non_null(strstr(b.text, "Three & "));
	assert_non_null(strstr(b.text, "\xE2\x80\x99"));
	assert_null(strstr(b.text, "\xED\xA0\x80"));
	td_blocks_clear(&b);
}

static void test_huge_script(void **state)
{
	(void)state;
	size_t big = (size_t)10 << 20;
	const char *pre = "<html><head><script>var x = \"";
	const char *post = "\";</script></head><body><article><h1>T</h1>"
	                   "<script>var y = '</p><p>fake';</script>" PARA
	                   "</article></body></html>";
	char *page = malloc(big + 200);
	assert_non_null(page);
	size_t n = strlen(pre);
	memcpy(page, pre, n);
	for (size_t i = 0; i < big; i++)
		page[n++] = "abc<p>de</div>f "[i % 16];
	memcpy(page + n, post, strlen(post) + 1);
	n += strlen(post);
	td_blocks b;
	clock_t t0 = clock();
	assert_int_equal(td_html_read("big.html", page, n, 0, &b), 0);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	/* make check-valgrind runs everything ~20x slower and says so */
	const char *scale = getenv("TD_TIMEOUT_SCALE");
	assert_true(secs < 5.0 * (scale ? atof(scale) : 1.0));
	assert_int_equal(b.n, 2);
	assert_string_equal(blk(&b, 1),
	        "The minister said the talks would resume in March.");
	assert_null(strstr(b.text, "fake"));
	td_blocks_clear(&b);
	free(page);
}

static void test_deep_nesting(void **state)
{
	(void)state;
	size_t depth = 50000, n = 0;
	char *page = malloc(depth * 12 + 200);
	assert_non_null(page);
	n += (size_t)sprintf(page, "<article><h1>T</h1>" PARA);
	for (size_t i = 0; i < depth; i++)
		n += (size_t)sprintf(page + n, "<div><span>");
	n += (size_t)sprintf(page + n, "deep");
	td_blocks b;
	assert_int_equal(td_html_read("deep.html", page, n, 0, &b), 0);
	assert_true(b.n >= 2);
	assert_string_equal(blk(&b, 1),
	        "The minister said the talks would resume in March.");
	assert_null(strstr(b.text, "deep"));
	assert_non_null(strstr(b.meta.extraction, "nested deeper"));
	td_blocks_clear(&b);
	free(page);
}

static void test_no_text(void **state)
{
	(void)state;
	td_blocks b;
	static const char *const pages[] = {"", "   ", "<html></html>",
	        "<script>only()</script>", "<nav><p>Menu only.</p></nav>",
	        "<article><h1>Only a title</h1></article>", "\xFF\xFE",
	        "<!-- <p>comment</p> -->"};
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		int rc = td_html_read(
		        "e.html", pages[i], strlen(pages[i]), 0, &b);
		if (rc != TD_EINPUT)
			fail_msg("page %zu: %d", i, rc);
		assert_non_null(strstr(td_error_last(), "e.html"));
		assert_null(b.text);
	}
	char *huge = calloc(((size_t)64 << 20) + 1, 1);
	assert_non_null(huge);
	assert_int_equal(
	        td_html_read("h.html", huge, ((size_t)64 << 20) + 1, 0, &b),
	        TD_ELIMIT);
	free(huge);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_article_blocks),
	        cmocka_unit_test(test_junk_dropped),
	        cmocka_unit_test(test_wrapper_kept),
	        cmocka_unit_test(test_pull_quote_kept),
	        cmocka_unit_test(test_split_containers),
	        cmocka_unit_test(test_line_breaks),
	        cmocka_unit_test(test_dates),
	        cmocka_unit_test(test_header_fields),
	        cmocka_unit_test(test_encodings),
	        cmocka_unit_test(test_broken_markup),
	        cmocka_unit_test(test_huge_script),
	        cmocka_unit_test(test_deep_nesting),
	        cmocka_unit_test(test_no_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
