/* test_tei_writer.c: the TEI writer: a golden file compared byte for byte,
 * the text of <text> equal to the document text, escaping, nesting of
 * crossing and empty spans, the actor lists and determinism; and what the
 * structure builder makes of pull quotes shaped as headings.
 * The golden file is regenerated on purpose (after a deliberate format
 * change) with: TD_REGEN_GOLDEN=1 tests/unit/test_tei_writer   (then review
 * the diff of tests/data/golden/ before committing it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "structure.h"
#include "tei.h"
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

/* Reads a text fixture (path relative to the source tree) into a doc. */
static td_doc *doc_of(const char *rel, const char *id)
{
	char path[1024], *d;
	size_t n;
	td_blocks b;
	td_structure_lex *lex;
	td_doc *doc;
	snprintf(path, sizeof path, "%s/%s", TD_SRCDIR, rel);
	assert_int_equal(td_read_file(path, &d, &n), 0);
	assert_int_equal(td_text_read(rel, d, n, 0, &b), 0);
	snprintf(path, sizeof path, "%s/corpus/lexicons", TD_SRCDIR);
	assert_int_equal(td_structure_lex_load(path, &lex), 0);
	assert_int_equal(td_structure_build(&b, lex, id, &doc), 0);
	td_structure_lex_free(lex);
	td_blocks_clear(&b);
	free(d);
	return doc;
}

static char *write_mem(const td_doc *doc, size_t *n)
{
	char *out;
	assert_int_equal(td_tei_write_mem(doc, &out, n), 0);
	return out;
}

static xmlNode *find(xmlNode *n, const char *name)
{
	for (; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		        strcmp((const char *)n->name, name) == 0)
			return n;
		xmlNode *c = find(n->children, name);
		if (c)
			return c;
	}
	return NULL;
}

/* The text content of <text> in the output equals doc->text. */
static void check_text_content(const td_doc *doc)
{
	size_t n;
	char *out = write_mem(doc, &n);
	xmlDoc *x =
	        xmlReadMemory(out, (int)n, "out.xml", NULL, XML_PARSE_NONET);
	assert_non_null(x);
	xmlNode *t = find(xmlDocGetRootElement(x), "text");
	assert_non_null(t);
	xmlChar *c = xmlNodeGetContent(t);
	assert_string_equal((const char *)c, doc->text);
	xmlFree(c);
	xmlFreeDoc(x);
	free(out);
}

static void test_golden(void **state)
{
	(void)state;
	char path[1024], *want;
	size_t n, wn;
	td_doc *doc = doc_of("tests/data/text/small.txt", "doc-small");
	char *out = write_mem(doc, &n);
	snprintf(
	        path, sizeof path, "%s/tests/data/golden/small.xml", TD_SRCDIR);
	if (getenv("TD_REGEN_GOLDEN")) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fwrite(out, 1, n, f);
		fclose(f);
	}
	assert_int_equal(td_read_file(path, &want, &wn), 0);
	if (n != wn || memcmp(out, want, n) != 0)
		fail_msg("output differs from %s (regenerate deliberately with "
		         "TD_REGEN_GOLDEN=1 and review the diff)",
		        path);
	free(want);
	free(out);
	td_doc_free(doc);
}

static void test_text_content_is_input(void **state)
{
	(void)state;
	static const char *const files[] = {"tests/data/text/small.txt",
	        "tests/data/text/crlf.txt", "tests/data/text/bom.txt",
	        "tests/data/text/nometa.txt",
	        "corpus/articles/2024-01-19-kim-jong-un-hostile-rhetoric.txt"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		td_doc *doc = doc_of(files[i], "doc-x");
		check_text_content(doc);
		td_doc_free(doc);
	}
}

static void test_escaping(void **state)
{
	(void)state;
	const char *t = "a < b && c > d \"q\" ]]> e\x01 f";
	td_doc *doc;
	size_t n;
	assert_int_equal(td_doc_new("doc-esc", t, strlen(t), &doc), 0);
	assert_int_equal(
	        td_doc_add_span(doc, "text", 0, doc->len, NULL, NULL), 0);
	assert_int_equal(
	        td_doc_add_span(doc, "body", 0, doc->len, NULL, NULL), 0);
	assert_int_equal(td_doc_add_span(doc, "p", 0, doc->len, NULL, "rend",
	                         "x\"<&>\t\ny", NULL),
	        0);
	assert_int_equal(td_meta_set(&doc->meta.title, "A & B <C>"), 0);
	char *out = write_mem(doc, &n);
	assert_non_null(strstr(out, "a &lt; b &amp;&amp; c &gt; d \"q\" ]]&gt; "
	                            "e\xEF\xBF\xBD f"));
	assert_non_null(strstr(out, "rend=\"x&quot;&lt;&amp;&gt;&#9;&#10;y\""));
	assert_non_null(strstr(
	        out, "<title type=\"main\">A &amp; B &lt;C&gt;</title>"));
	xmlDoc *x =
	        xmlReadMemory(out, (int)n, "out.xml", NULL, XML_PARSE_NONET);
	assert_non_null(x);
	xmlNode *p = find(xmlDocGetRootElement(x), "p");
	xmlChar *v = xmlGetProp(p, (const xmlChar *)"rend");
	assert_string_equal((const char *)v, "x\"<&>\t\ny");
	xmlFree(v);
	xmlFreeDoc(x);
	free(out);
	td_doc_free(doc);
}

static void test_crossing_span_dropped(void **state)
{
	(void)state;
	const char *t = "one two three four";
	td_doc *doc;
	size_t n;
	assert_int_equal(td_doc_new("doc-x", t, strlen(t), &doc), 0);
	td_doc_add_span(doc, "text", 0, doc->len, NULL, NULL);
	td_doc_add_span(doc, "body", 0, doc->len, NULL, NULL);
	td_doc_add_span(doc, "p", 0, doc->len, NULL, NULL);
	td_doc_add_span(doc, "s", 0, 7, NULL, NULL);    /* one two */
	td_doc_add_span(doc, "seg", 4, 13, NULL, NULL); /* two three: crosses */
	td_doc_add_span(doc, "persName", 8, 13, NULL, NULL);
	char *out = write_mem(doc, &n);
	assert_non_null(
	        strstr(out, "<p><s>one two</s> <persName>three</persName> "
	                    "four</p>"));
	assert_null(strstr(out, "<seg"));
	assert_non_null(
	        strstr(warned, "doc-x: <seg> at bytes 4-13 crosses <s>"));
	check_text_content(doc);
	free(out);
	td_doc_free(doc);
}

static void test_nesting_by_rank(void **state)
{
	(void)state;
	const char *t = "Kim spoke.";
	td_doc *doc;
	size_t n;
	assert_int_equal(td_doc_new("doc-x", t, strlen(t), &doc), 0);
	/* Added inside-out: the writer must order them by range and rank. */
	td_doc_add_span(
	        doc, "persName", 0, 3, NULL, "ref", "#kim-jong-un", NULL);
	td_doc_add_span(doc, "s", 0, 10, NULL, "xml:id", "doc-x-s0", NULL);
	td_doc_add_span(doc, "p", 0, 10, NULL, NULL);
	td_doc_add_span(doc, "body", 0, 10, NULL, NULL);
	td_doc_add_span(doc, "text", 0, 10, NULL, NULL);
	char *out = write_mem(doc, &n);
	assert_non_null(
	        strstr(out, "<text><body><p><s xml:id=\"doc-x-s0\">"
	                    "<persName ref=\"#kim-jong-un\">Kim</persName> "
	                    "spoke.</s></p></body>"
	                    "</text>"));
	free(out);
	td_doc_free(doc);
}

static void test_front_only_document(void **state)
{
	(void)state;
	td_blocks b;
	td_doc *doc;
	size_t n;
	const char *t = "Just a title\n";
	assert_int_equal(td_text_read("t.txt", t, strlen(t), 0, &b), 0);
	assert_int_equal(td_structure_build(&b, NULL, "doc-t", &doc), 0);
	char *out = write_mem(doc, &n);
	assert_non_null(strstr(out, "</front>\n<body><p/></body></text>"));
	check_text_content(doc);
	free(out);
	td_doc_free(doc);
	td_blocks_clear(&b);
	/* Without a final newline the empty body starts where the title ends:
	 * it must not go inside the title (found by fuzzing). */
	t = "Just a title";
	assert_int_equal(td_text_read("t.txt", t, strlen(t), 0, &b), 0);
	assert_int_equal(td_structure_build(&b, NULL, "doc-t", &doc), 0);
	out = write_mem(doc, &n);
	assert_non_null(
	        strstr(out, "Just a title</titlePart></docTitle></front>"
	                    "<body><p/></body></text>"));
	free(out);
	td_doc_free(doc);
	td_blocks_clear(&b);
}

/* A heading-shaped line (no final full stop) that repeats a sentence or a
 * quotation of the body is its pull quote, whose words are counted once,
 * where the body has them; a heading whose words merely occur inside a
 * sentence, or fewer than four words, stays a heading. */
static void test_pullquote_headings(void **state)
{
	(void)state;
	td_blocks b;
	td_doc *doc;
	size_t n;
	const char *t =
	        "Title\n\nStandfirst.\n\n"
	        "Analysis Published 16 May 2023 5 minute READ\n\n"
	        "Fighting has stopped since March.\n\n"
	        "A force that watches is not the force we asked for\n\n"
	        "A mandate to fight\n\n"
	        "The force was never equipped to fight. \xE2\x80\x9C"
	        "A force that watches is not the force we asked for,"
	        "\xE2\x80\x9D he said. Marv Breeding might move up a notch.\n\n"
	        "Breeding might move up\n\nHe had a good year.\n";
	assert_int_equal(td_text_read("t.txt", t, strlen(t), 0, &b), 0);
	assert_int_equal(td_structure_build(&b, NULL, "doc-t", &doc), 0);
	char *out = write_mem(doc, &n);
	assert_non_null(strstr(out,
	        "<quote type=\"pullquote\"><p>A force that "
	        "watches is not the force we asked for</p></quote>"));
	assert_null(strstr(out, "<head>A force that watches"));
	assert_non_null(strstr(out, "<head>A mandate to fight</head>"));
	assert_non_null(strstr(out, "<head>Breeding might move up</head>"));
	/* the pull quote stays in the section before the next heading */
	assert_non_null(strstr(out, "</quote></div>\n\n<div type=\"section\">"
	                            "<head>A mandate"));
	check_text_content(doc);
	free(out);
	td_doc_free(doc);
	td_blocks_clear(&b);
}

/* A short paragraph that repeats words of a longer one is its pull quote:
 * its first word in either case, every later word as it is. The structure
 * builder first tests a paragraph's words as bits (tokbits): a word of
 * another case or absent keeps the paragraph. */
static void test_pullquote_paragraphs(void **state)
{
	(void)state;
	td_blocks b;
	td_doc *doc;
	size_t n;
	const char *t =
	        "Title\n\nStandfirst.\n\n"
	        "The talks broke down when the envoy left the room early, "
	        "officials said on Tuesday.\n\n"
	        "The envoy left the room early.\n\n"
	        "The Envoy left the room early.\n\n"
	        "The envoy left the hall early.\n\n"
	        "Nobody expected the vote to pass so soon.\n\n"
	        "He had a good year.\n\n"
	        "Nobody expected the vote to pass so soon.\n";
	assert_int_equal(td_text_read("t.txt", t, strlen(t), 0, &b), 0);
	assert_int_equal(td_structure_build(&b, NULL, "doc-t", &doc), 0);
	char *out = write_mem(doc, &n);
	assert_non_null(strstr(out,
	        "<quote type=\"pullquote\"><p>The envoy left the room "
	        "early.</p></quote>"));
	assert_null(strstr(out, "pullquote\"><p>The Envoy"));
	assert_null(strstr(out, "pullquote\"><p>The envoy left the hall"));
	/* of two identical paragraphs, the first (all its words after the
	 * first in the other's bits) */
	assert_non_null(strstr(out, "<quote type=\"pullquote\"><p>Nobody "
	                            "expected the vote to pass so "
	                            "soon.</p></quote>"));
	check_text_content(doc);
	free(out);
	td_doc_free(doc);
	td_blocks_clear(&b);
}

static void test_actor_lists(void **state)
{
	(void)state;
	const char *t = "x";
	td_doc *doc;
	size_t n;
	assert_int_equal(td_doc_new("doc-a", t, 1, &doc), 0);
	td_doc_add_span(doc, "text", 0, 1, NULL, NULL);
	td_doc_add_span(doc, "body", 0, 1, NULL, NULL);
	td_doc_add_span(doc, "p", 0, 1, NULL, NULL);
	char *out = write_mem(doc, &n);
	assert_null(strstr(out, "particDesc"));
	assert_null(strstr(out, "profileDesc")); /* no genre, no actors */
	free(out);
	td_doc_add_actor(doc, "kim-jong-un", "person", "Kim Jong Un");
	td_doc_add_actor(doc, "north-korea", "state", "North Korea");
	td_doc_add_actor(
	        doc, "un-security-council", "org", "UN Security Council");
	td_doc_add_actor(doc, "9-dash", "org", "Nine");     /* not an NCName */
	td_doc_add_actor(doc, "prediction", "person", "X"); /* a category id */
	out = write_mem(doc, &n);
	assert_non_null(strstr(out, "<listPerson>\n          <person "
	                            "xml:id=\"kim-jong-un\"><persName>Kim Jong "
	                            "Un</persName></person>\n"
	                            "        </listPerson>"));
	assert_non_null(
	        strstr(out, "<org xml:id=\"north-korea\" type=\"state\">"
	                    "<orgName>North Korea</orgName></org>"));
	assert_non_null(
	        strstr(out, "<org xml:id=\"un-security-council\">"
	                    "<orgName>UN Security Council</orgName></org>"));
	assert_null(strstr(out, "9-dash\""));
	assert_null(strstr(out, "<person xml:id=\"prediction\""));
	assert_non_null(strstr(warned, "actor key '9-dash'"));
	free(out);
	td_doc_free(doc);
}

static void test_deterministic(void **state)
{
	(void)state;
	td_doc *doc = doc_of("corpus/articles/"
	                     "2024-01-19-kim-jong-un-hostile-rhetoric.txt",
	        "doc-k");
	size_t n1, n2;
	char *a = write_mem(doc, &n1), *b = write_mem(doc, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(a, b, n1);
	/* td_tei_write to a FILE gives the same bytes. */
	char *c = NULL;
	size_t n3 = 0;
	FILE *f = open_memstream(&c, &n3);
	assert_int_equal(td_tei_write(doc, f), 0);
	fclose(f);
	assert_int_equal(n3, n1);
	assert_memory_equal(a, c, n1);
	free(a);
	free(b);
	free(c);
	td_doc_free(doc);
}

/* Annotation spans written by hand, the expected <text> element written by
 * hand (not by the writer): nesting, a said around a q around a seg,
 * attribute values that need escaping, & and < in the text. */
static void test_annotated_by_hand(void **state)
{
	(void)state;
	static const char text[] =
	        "Kim said \u201cno & <never>\u201d. It is likely.";
	td_doc *d;
	assert_int_equal(td_doc_new("doc-h", text, strlen(text), &d), 0);
	size_t q0 = strlen("Kim said \u201c"), q1 = q0 + strlen("no & <never>");
	size_t s0e = strlen("Kim said \u201cno & <never>\u201d.");
	size_t s1 = s0e + 1, lk = strlen(text) - strlen("likely."),
	       n = strlen(text);
	assert_int_equal(td_doc_add_span(d, "body", 0, n, NULL, NULL), 0);
	assert_int_equal(td_doc_add_span(d, "p", 0, n, NULL, NULL), 0);
	assert_int_equal(td_doc_add_span(d, "s", 0, s0e, NULL, "xml:id",
	                         "doc-h-s0", "ana", "#claim", NULL),
	        0);
	assert_int_equal(td_doc_add_span(d, "persName", 0, 3, NULL, "ref",
	                         "#kim-jong-un", NULL),
	        0);
	assert_int_equal(td_doc_add_span(d, "said", q0, q1, NULL, "direct",
	                         "false", "who", "#a\"b<c&d", NULL),
	        0);
	assert_int_equal(td_doc_add_span(d, "q", q0, q1, NULL, "who",
	                         "#kim-jong-un", NULL),
	        0);
	assert_int_equal(td_doc_add_span(d, "seg", q0, q0 + 2, NULL, "type",
	                         "hedge", "subtype", "possibility", NULL),
	        0);
	assert_int_equal(td_doc_add_span(d, "s", s1, n, NULL, "xml:id",
	                         "doc-h-s1", "ana", "#hedged", NULL),
	        0);
	assert_int_equal(td_doc_add_span(d, "seg", lk, lk + 6, NULL, "type",
	                         "hedge", "subtype", "probability", NULL),
	        0);
	td_doc_sort_spans(d);
	size_t len = 0;
	char *out = NULL;
	assert_int_equal(td_tei_write_mem(d, &out, &len), 0);
	assert_non_null(strstr(out, "<text>"));
	assert_non_null(strstr(out, "</text>"));
	size_t ao = (size_t)(strstr(out, "<text>") - out),
	       bo = (size_t)(strstr(out, "</text>") - out);
	static const char want[] =
	        "<text><body><p><s xml:id=\"doc-h-s0\" "
	        "ana=\"#claim\"><persName "
	        "ref=\"#kim-jong-un\">Kim</persName> said \u201c<said "
	        "direct=\"false\" "
	        "who=\"#a&quot;b&lt;c&amp;d\"><q who=\"#kim-jong-un\"><seg "
	        "type=\"hedge\" "
	        "subtype=\"possibility\">no</seg> &amp; "
	        "&lt;never&gt;</q></said>\u201d.</s> "
	        "<s xml:id=\"doc-h-s1\" ana=\"#hedged\">It is <seg "
	        "type=\"hedge\" "
	        "subtype=\"probability\">likely</seg>.</s></p></body>";
	if (bo - ao != strlen(want) ||
	        memcmp(out + ao, want, strlen(want)) != 0)
		fail_msg("got\n%.*s\nwant\n%s", (int)(bo - ao), out + ao, want);
	free(out);
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup(test_golden, setup),
	        cmocka_unit_test_setup(test_annotated_by_hand, setup),
	        cmocka_unit_test_setup(test_text_content_is_input, setup),
	        cmocka_unit_test_setup(test_escaping, setup),
	        cmocka_unit_test_setup(test_crossing_span_dropped, setup),
	        cmocka_unit_test_setup(test_nesting_by_rank, setup),
	        cmocka_unit_test_setup(test_front_only_document, setup),
	        cmocka_unit_test_setup(test_pullquote_headings, setup),
	        cmocka_unit_test_setup(test_pullquote_paragraphs, setup),
	        cmocka_unit_test_setup(test_actor_lists, setup),
	        cmocka_unit_test_setup(test_deterministic, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
