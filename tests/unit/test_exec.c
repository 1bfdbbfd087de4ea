/* test_exec.c: the executor over a real index written with td_writer: every
 * construct of the language, document filters, pull quotes, counts (fast and
 * general path), frequency tables, the regex limit, and the renderers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ast.h"
#include "context.h"
#include "exec.h"
#include "filter.h"
#include "freq.h"
#include "hits.h"
#include "kwic.h"
#include "plan.h"
#include "render.h"
#include "index.h"
#include "tagdex.h"

static char dir[64];
static td_index *ix;

/* Adds a span over the nth occurrence of needle in doc's text. */
static void span(td_doc *d, const char *name, const char *needle, int nth,
        const char *a1, const char *v1, const char *a2, const char *v2)
{
	const char *p = d->text;
	for (int i = 0; i <= nth; i++) {
		p = strstr(i ? p + 1 : p, needle);
		assert_non_null(p);
	}
	size_t st = (size_t)(p - d->text);
	assert_int_equal(td_doc_add_span(d, name, st, st + strlen(needle), NULL,
	                         a1, v1, a2, v2, NULL),
	        0);
}

static td_doc *mkdoc(const char *id, const char *date, const char *text)
{
	td_doc *d = NULL;
	assert_int_equal(td_doc_new(id, text, strlen(text), &d), 0);
	assert_int_equal(td_meta_set(&d->meta.date, date), 0);
	assert_int_equal(td_meta_set(&d->meta.title, id), 0);
	assert_int_equal(td_meta_set(&d->meta.genre, "Expert comment"), 0);
	return d;
}

static void commit(td_doc **docs, size_t n)
{
	td_writer *w = NULL;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	for (size_t i = 0; i < n; i++) {
		td_doc_sort_spans(docs[i]);
		assert_int_equal(td_writer_add(w, docs[i], docs[i]->id), 0);
		td_doc_free(docs[i]);
	}
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
}

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/tq-exec-XXXXXX");
	assert_non_null(mkdtemp(dir));
	/* doc-a tokens: Kim0 said1 war2 is3 likely4 .5 The6 US7 will8
	 * probably9 respond10 .11 */
	td_doc *a = mkdoc("doc-a", "2024-01-19",
	        "Kim said war is likely. The US will probably respond.");
	span(a, "s", "Kim said war is likely.", 0, "xml:id", "doc-a-s0", "ana",
	        "#claim");
	span(a, "s", "The US will probably respond.", 0, "xml:id", "doc-a-s1",
	        "ana", "#prediction #hedged");
	span(a, "persName", "Kim", 0, "ref", "#kim-jong-un", NULL, NULL);
	span(a, "q", "war is likely", 0, "who", "#kim-jong-un", NULL, NULL);
	span(a, "seg", "likely", 0, "type", "hedge", "subtype", "probability");
	span(a, "seg", "probably", 0, "type", "hedge", "subtype",
	        "probability");
	span(a, "orgName", "US", 0, "type", "state", "ref", "#united-states");
	/* doc-b: Pyongyang0 may1 test2 a3 missile4 .5 Pyongyang6 said7
	 * nothing8 .9 ; the second sentence is also a pull quote */
	td_doc *b = mkdoc("doc-b", "2023-05-02",
	        "Pyongyang may test a missile.\n\nPyongyang said nothing.");
	span(b, "s", "Pyongyang may test a missile.", 0, "xml:id", "doc-b-s0",
	        "ana", "#prediction #hedged");
	span(b, "quote", "Pyongyang said nothing.", 0, "type", "pullquote",
	        NULL, NULL);
	span(b, "rs", "Pyongyang", 0, "type", "state", "ref", "#north-korea");
	span(b, "rs", "Pyongyang", 1, "type", "state", "ref", "#north-korea");
	span(b, "seg", "may", 0, "type", "hedge", "subtype", "possibility");
	td_doc *v[] = {a, b};
	commit(v, 2);
	/* a second commit: doc-c, in its own segment.
	 * Likely0 ,1 likely2 war3 café4 aaa…ab5 .6 */
	td_doc *c = mkdoc("doc-c", "2024-06-01",
	        "Likely, likely war café aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab.");
	span(c, "s",
	        "Likely, likely war café aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab.", 0,
	        "xml:id", "doc-c-s0", NULL, NULL);
	td_doc *v2[] = {c};
	commit(v2, 1);
	assert_int_equal(td_index_open(dir, &ix), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	td_index_close(ix);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

typedef struct acc {
	char s[4096];
} acc;

static int collect(void *arg, const tq_hit *h)
{
	acc *a = arg;
	td_docinfo di;
	assert_int_equal(td_seg_doc(h->seg, h->doc, &di), 0);
	size_t n = strlen(a->s);
	snprintf(a->s + n, sizeof a->s - n, "%s%s:%u-%u", n ? " " : "",
	        di.id + 4, h->start - di.first_tok, h->end - di.first_tok);
	return 0;
}

/* the matching strategy of the next checks (TQ_MATCH_STANDARD: the
 * default) */
static int strategy;

static void check_f(const char *q, const tq_filter *f, const char *want)
{
	tq_node *n = NULL;
	tq_plan *p = NULL;
	if (tq_parse(q, strlen(q), &n) < 0)
		fail_msg("%s: %s", q, td_error_last());
	assert_int_equal(tq_plan_new(n, &p), 0);
	tq_plan_set_strategy(p, strategy);
	acc a = {{0}};
	assert_int_equal(tq_exec(ix, p, f, collect, &a), 0);
	if (strcmp(a.s, want))
		fail_msg("%s: got '%s', want '%s'", q, a.s, want);
	/* the count agrees with the hits */
	uint64_t cnt = 0;
	size_t nh = 0;
	for (const char *s = a.s; *s; s++)
		nh += *s == ':';
	assert_int_equal(tq_count(ix, p, f, &cnt), 0);
	if (cnt != nh)
		fail_msg("%s: count %llu, hits %zu", q, (unsigned long long)cnt,
		        nh);
	tq_plan_free(p);
	tq_node_free(n);
}

static void check(const char *q, const char *want)
{
	check_f(q, NULL, want);
}

/* start and end tags: zero-width positions, and a start tag paired with
 * an end tag in one sequence covering exactly one element */
static void test_exec_tags(void **state)
{
	(void)state;
	check("<s> []", "a:0-1 a:6-7 b:0-1 c:0-1");
	check("[] </s>", "a:5-6 a:11-12 b:5-6 c:6-7");
	/* no sentence ends before a document's first token */
	check("</s> <s> []", "a:6-7");
	check("<s ana=\"prediction\"> []", "a:6-7 b:0-1");
	check("<s ana!=\"prediction\"> []", "a:0-1 c:0-1");
	check("[] </s ana=\"claim\">", "a:5-6");
	check("\"said\" <q> []", "a:1-3");
	check("<persName> [] </persName> \"said\"", "a:0-2");
	check("<s> \"war\"", "");
	check("<s>", ""); /* empty matches are no hits */
	/* regions */
	check("<q> []{1,3} </q>", "a:2-5");
	check("<q> []{1,2} </q>", "");
	check("<s> []* </s>", "a:0-6 a:6-12 b:0-6 c:0-7");
	check("<s> \"Kim\" []* </s>", "a:0-6");
	check("<s ana=\"claim\"> []* </s>", "a:0-6");
	check("<s> []* </s ana=\"prediction\">", "a:6-12 b:0-6");
	check("<s> []{1,3} </s>", "");
	/* the region bounds what lies between: "Kim" starts the first
	 * sentence, "The" the second */
	check("<s> []* \"likely\" \".\" </s>", "a:0-6");
	check("<s> []* \"The\" []* </s>", "a:6-12");
	check("<s> \"Kim\" []* \"The\" []* </s>", "");
	check("<s> \"Kim\" []* \"The\" []*", "a:0-7");
	check("(<s> []* </s>){2}", "a:0-12");
	check("\"likely\" within <s> []* </s>", "a:4-5 c:2-3");
	/* doc-b's first sentence starts where doc-a ends: no start tag
	 * there for doc-a, with labels (labels.c) or without */
	check("\"\\.\" <s>", "a:5-6");
	check("a:\"\\.\" <s> :: a", "a:5-6");
	check("a:\"\\.\" <s> []* </s> :: a", "a:5-12");
	/* labels.c searches the free query's region [6, 12) of doc-a: the
	 * "." at 11 is not before a sentence's start */
	check("(a:\"\\.\")? <s> []* :: a", "a:5-6");
}

static void test_exec_tokens(void **state)
{
	(void)state;
	check("\"likely\"", "a:4-5 c:2-3");
	check("\"Likely\"", "c:0-1");
	check("\"likely\"%c", "a:4-5 c:0-1 c:2-3");
	check("\"lik\"", "");
	check("\"prob.*\"", "a:9-10");
	check("\"rob\"", "");
	check("\"cafe\"", "");
	check("\"cafe\"%d", "c:4-5");
	check("\"CAFE\"%cd", "c:4-5");
	check("[norm=\"pyongyang\"]", "b:0-1");
	check("[norm=\"likely\"]", "a:4-5 c:0-1 c:2-3");
	check("[word=\"P.*\" & !word=\"Pyongyang\"]", "");
	check("[word=\"[a-z]+\" & norm=\"w.*\"]", "a:2-3 a:8-9 c:3-4");
	check("[word=\"war\" | word=\"US\"]", "a:2-3 a:7-8 c:3-4");
	check("[word!=\".*[a-z].*\"]", "a:5-6 a:7-8 a:11-12 b:5-6 c:1-2 c:6-7");
	check("[]",
	        "a:0-1 a:1-2 a:2-3 a:3-4 a:4-5 a:5-6 a:6-7 a:7-8 a:8-9 "
	        "a:9-10 a:10-11 a:11-12 b:0-1 b:1-2 b:2-3 b:3-4 b:4-5 b:5-6 "
	        "c:0-1 c:1-2 c:2-3 c:3-4 c:4-5 c:5-6 c:6-7");
}

/* apostrophe and quote variants are one character in patterns that name
 * one; %d folds as Lucene's ASCIIFoldingFilter does */
static void test_exec_folding(void **state)
{
	(void)state;
	/* its own index: doc-d, quote variants and letters that have no
	 * Unicode decomposition. Sørlie0 said1 Korea2 ’s3 Łódź4 Straße5 “6
	 * plan7 ”8 .9 */
	char saved[sizeof dir];
	td_index *main_ix = ix;
	memcpy(saved, dir, sizeof dir);
	strcpy(dir, "/tmp/tq-fold-XXXXXX");
	assert_non_null(mkdtemp(dir));
	td_doc *d = mkdoc("doc-d", "2025-01-01",
	        "Sørlie said Korea’s Łódź Straße “plan”.");
	commit(&d, 1);
	assert_int_equal(td_index_open(dir, &ix), 0);
	check("\"Korea\" \"'s\"", "d:2-4");
	check("\"Korea\" \"’s\"", "d:2-4");
	check("\"Korea\" \"ʼs\"", "d:2-4");
	check("[norm=\"'s\"]", "d:3-4");
	check("\"'S\"%c", "d:3-4");
	check("\"\\\"\" \"plan\" \"\\\"\"", "d:6-9");
	check("\"“\"", "d:6-7 d:8-9");
	check("\"Sorlie\"%d", "d:0-1");
	check("\"sorlie\"%cd", "d:0-1");
	check("\"Sorlie\"", "");
	check("\"Lodz\"%d", "d:4-5");
	check("\"Strasse\"%d", "d:5-6");
	check("\"Sørlie\"%d", "d:0-1");
	check("\"cafe\"%d", "");
	td_index_close(ix);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	ix = main_ix;
	memcpy(dir, saved, sizeof dir);
}

static void test_exec_sequences(void **state)
{
	(void)state;
	check("\"will\" \"probably\"", "a:8-10");
	check("\"will\" []{0,3} \"respond\"", "a:8-11");
	check("\"will\" []{2,3} \"respond\"", "");
	check("\"is\" []? \"likely\"", "a:3-5");
	check("\"war\" \"is\"? \"likely\"", "a:2-5");
	/* standard (CQP's default): the shortest match of each start */
	check("\"war\" []* \".\"", "a:2-6 c:3-7");
	check("\"war\" []+ \"likely\"", "a:2-5");
	check("\"Kim\" []{2} \"likely\"", "");
	check("\"Kim\" []{3} \"likely\"", "a:0-5");
	check("(\"war\" | \"US\") \"is\"", "a:2-4");
	check("\"said\" (\"war\" \"is\" | \"nothing\")", "a:1-4");
	/* longest match per start; empty matches are no hits */
	check("\"likely\"%c+", "a:4-5 c:0-1 c:2-3");
	check("[]{0,0}", "");
	check("\"nothing\"?", "");
	/* matches never cross documents */
	check("\"respond\" \".\" \"Pyongyang\"", "");
	check("\"respond\" []* \"Pyongyang\"", "");
	check("\".\" []? \"Pyongyang\"", "");
	check("[]{11,}", "a:0-11 a:1-12");
	/* longest: each start's longest match that no other contains */
	strategy = TQ_MATCH_LONGEST;
	check("\"war\" []* \".\"", "a:2-12 c:3-7");
	check("\"likely\"%c+", "a:4-5 c:0-1 c:2-3");
	check("[]{11,}", "a:0-12");
	check("\"will\" []{0,3} \"respond\"", "a:8-11");
	/* shortest: the matches containing no other */
	strategy = TQ_MATCH_SHORTEST;
	check("[]{11,}", "a:0-11 a:1-12");
	check("\"Kim\"? \"said\"", "a:1-2");
	check("\"war\" []* \".\"", "a:2-6 c:3-7");
	strategy = TQ_MATCH_STANDARD;
	/* standard: of the shortest matches ending together, the first */
	check("\"Kim\"? \"said\"", "a:0-2");
	check("[]* \"war\"", "a:0-3 c:0-4");
	/* the hard boundary: []* covers at most so many tokens */
	{
		tq_node *n = NULL;
		tq_plan *p = NULL;
		acc x = {{0}};
		const char *q = "\"Kim\" []* \"respond\"";
		assert_int_equal(tq_parse(q, strlen(q), &n), 0);
		tq_node_set_bound(n, 9);
		assert_int_equal(tq_plan_new(n, &p), 0);
		assert_int_equal(tq_exec(ix, p, NULL, collect, &x), 0);
		assert_string_equal(x.s, "a:0-11");
		tq_plan_free(p);
		tq_node_set_bound(n, 8);
		assert_int_equal(tq_plan_new(n, &p), 0);
		memset(&x, 0, sizeof x);
		assert_int_equal(tq_exec(ix, p, NULL, collect, &x), 0);
		assert_string_equal(x.s, "");
		tq_plan_free(p);
		tq_node_free(n);
	}
}

static void test_exec_spans(void **state)
{
	(void)state;
	check("<seg type=\"hedge\"/>", "a:4-5 a:9-10 b:1-2");
	check("<seg type=\"hedge\"/> within <s ana=\"prediction\"/>",
	        "a:9-10 b:1-2");
	check("<seg subtype=\"poss.*\"/>", "b:1-2");
	check("<q who=\"kim-jong-un\"/>", "a:2-5");
	check("<q who=\"kim\"/>", "");
	check("<persName ref=\"kim-.*\"/>", "a:0-1");
	check("<s ana=\"hedged\"/>", "a:6-12 b:0-6");
	/* values as the TEI writes them; each value alone or the whole list */
	check("<s ana=\"#hedged\"/>", "a:6-12 b:0-6");
	check("<q who=\"#kim-jong-un\"/>", "a:2-5");
	check("<q who=\"#kim\"/>", "");
	check("<s ana=\"#prediction #hedged\"/>", "a:6-12 b:0-6");
	check("<s ana=\"prediction hedged\"/>", "a:6-12 b:0-6");
	check("<s ana=\"#hedged #prediction\"/>", "");
	check("<s ana=\"#prediction #hed\"/>", "");
	check("<s/> containing \"likely\"", "a:0-6 c:0-7");
	check("<s/> containing <q/>", "a:0-6");
	check("\"war\" within <q/>", "a:2-3");
	check("[] within <q/>", "a:2-3 a:3-4 a:4-5");
	check("\"war\" []* within <q/>", "a:2-3");
	strategy = TQ_MATCH_LONGEST;
	check("\"war\" []* within <q/>", "a:2-5");
	strategy = TQ_MATCH_STANDARD;
	check("<nosuch/>", "");
	check("<s/> \"The\"", "a:0-7");
	check("(<rs/> | <orgName/>) []", "a:7-9 b:0-2");
	check("(\"war\" within <q/>) \"is\"", "a:2-4");
	check("\"war\" within <q/> containing \"war\"", "a:2-3");
	check("\"likely\" within (<q/> | <s ana=\"prediction\"/>)", "a:4-5");
	check("<s/> containing (\"will\" [] \"respond\")", "a:6-12");
	/* pull quotes are left out */
	check("<rs ref=\"north-korea\"/>", "b:0-1");
	/* a longest match stops short of a pull quote */
	strategy = TQ_MATCH_LONGEST;
	check("\"Pyongyang\" []*", "b:0-6");
	strategy = TQ_MATCH_STANDARD;
	check("\"said\"", "a:1-2");
}

static void test_exec_filters(void **state)
{
	(void)state;
	tq_filter f = {0};
	f.pullquotes = 1;
	check_f("<rs ref=\"north-korea\"/>", &f, "b:0-1 b:6-7");
	check_f("\"said\"", &f, "a:1-2 b:7-8");
	strategy = TQ_MATCH_LONGEST;
	/* b:6-10 lies inside b:0-10 */
	check_f("\"Pyongyang\" []*", &f, "b:0-10");
	strategy = TQ_MATCH_STANDARD;
	check_f("\"Pyongyang\" []*", &f, "b:0-1 b:6-7");
	f = (tq_filter){0};
	f.from = "2024";
	check_f("\"likely\"%c", &f, "a:4-5 c:0-1 c:2-3");
	f.from = "2024-02";
	check_f("\"likely\"%c", &f, "c:0-1 c:2-3");
	f = (tq_filter){0};
	f.to = "2024-01";
	check_f("[word=\"likely|may\"]", &f, "a:4-5 b:1-2");
	f.to = "2023";
	check_f("[word=\"likely|may\"]", &f, "b:1-2");
	f = (tq_filter){0};
	f.doc = "doc-c";
	check_f("\"likely\"", &f, "c:2-3");
	f = (tq_filter){0};
	f.genre = "Expert comment";
	check_f("\"likely\"", &f, "a:4-5 c:2-3");
	f.genre = "News";
	check_f("\"likely\"", &f, "");
}

static void test_exec_regex_limit(void **state)
{
	(void)state;
	const char *q = "\"(a|a)+\"";
	tq_node *n = NULL;
	tq_plan *p = NULL;
	assert_int_equal(tq_parse(q, strlen(q), &n), 0);
	assert_int_equal(tq_plan_new(n, &p), 0);
	acc a = {{0}};
	assert_int_equal(tq_exec(ix, p, NULL, collect, &a), TD_ELIMIT);
	assert_non_null(strstr(td_error_last(), "limit"));
	tq_plan_free(p);
	tq_node_free(n);
	/* a bad regex is a syntax error at its offset in the query */
	q = "\"a\" [word=\"(x\"]";
	assert_int_equal(tq_parse(q, strlen(q), &n), 0);
	assert_int_equal(tq_plan_new(n, &p), TD_ESYNTAX);
	assert_int_equal(td_error_offset(), 13);
	tq_node_free(n);
	q = "<s ana=\"[\"/>";
	assert_int_equal(tq_parse(q, strlen(q), &n), 0);
	assert_int_equal(tq_plan_new(n, &p), TD_ESYNTAX);
	assert_int_equal(td_error_offset(), 9);
	tq_node_free(n);
}

static int add_freq(void *arg, const tq_hit *h)
{
	return tq_freq_add(arg, h);
}

static void freq_is(const char *q, const char *by, const char *want)
{
	tq_node *n = NULL;
	tq_plan *p = NULL;
	tq_freq *f = NULL;
	assert_int_equal(tq_parse(q, strlen(q), &n), 0);
	assert_int_equal(tq_plan_new(n, &p), 0);
	assert_int_equal(tq_freq_new(tq_freq_by(by), &f), 0);
	assert_int_equal(tq_exec(ix, p, NULL, add_freq, f), 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_non_null(m);
	tq_freq_print(f, m, 1000000, 0);
	fclose(m);
	if (strcmp(buf, want))
		fail_msg("%s by %s: got\n%s\nwant\n%s", q, by, buf, want);
	free(buf);
	tq_freq_free(f);
	tq_plan_free(p);
	tq_node_free(n);
}

/* the same with each group's own size (tq_freq_sizes) */
static void freq_sized(const char *q, const char *by, const char *want)
{
	tq_node *n = NULL;
	tq_plan *p = NULL;
	tq_freq *f = NULL;
	assert_int_equal(tq_parse(q, strlen(q), &n), 0);
	assert_int_equal(tq_plan_new(n, &p), 0);
	assert_int_equal(tq_freq_new(tq_freq_by(by), &f), 0);
	assert_int_equal(tq_exec(ix, p, NULL, add_freq, f), 0);
	assert_int_equal(tq_freq_sizes(f, ix, NULL), 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_non_null(m);
	tq_freq_print(f, m, tq_ntokens(ix, NULL), 0);
	fclose(m);
	if (strcmp(buf, want))
		fail_msg("%s by %s: got\n%s\nwant\n%s", q, by, buf, want);
	free(buf);
	tq_freq_free(f);
	tq_plan_free(p);
	tq_node_free(n);
}

static int add_term(void *arg, const char *t, size_t len, uint64_t n)
{
	return tq_freq_add_key(arg, t, len, n);
}

/* the lexicon shortcut for one-token queries gives the same table as
 * visiting every hit */
static void freq_same(const char *q, const char *by)
{
	tq_node *n = NULL;
	tq_plan *p = NULL;
	tq_freq *f1 = NULL, *f2 = NULL;
	char *b1 = NULL, *b2 = NULL;
	size_t l1 = 0, l2 = 0;
	assert_int_equal(tq_parse(q, strlen(q), &n), 0);
	assert_int_equal(tq_plan_new(n, &p), 0);
	assert_int_equal(tq_freq_new(tq_freq_by(by), &f1), 0);
	assert_int_equal(tq_freq_new(tq_freq_by(by), &f2), 0);
	assert_int_equal(tq_exec(ix, p, NULL, add_freq, f1), 0);
	assert_int_equal(tq_exec_terms(ix, p, NULL, tq_freq_layer(f2), add_term,
	                         add_freq, f2),
	        0);
	FILE *m1 = open_memstream(&b1, &l1), *m2 = open_memstream(&b2, &l2);
	tq_freq_print(f1, m1, 100, 0);
	tq_freq_print(f2, m2, 100, 0);
	fclose(m1);
	fclose(m2);
	if (strcmp(b1, b2))
		fail_msg("%s by %s:\n%s\nvs\n%s", q, by, b1, b2);
	assert_true(l1 > 0);
	free(b1);
	free(b2);
	tq_freq_free(f1);
	tq_freq_free(f2);
	tq_plan_free(p);
	tq_node_free(n);
}

static void test_exec_freq(void **state)
{
	(void)state;
	freq_same("\"likely\"%c", "match");
	freq_same("\"[a-z].*\"", "match");
	freq_same("[norm=\"[a-z].*\"]", "norm");
	freq_same("\"war\"", "match");

	assert_int_equal(tq_freq_by("nope"), -1);
	freq_is("\"likely\"%c", "match",
	        "2\t2.00\tlikely\t1000000\n1\t1.00\tLikely\t1000000\n");
	freq_is("\"likely\"%c", "norm", "3\t3.00\tlikely\t1000000\n");
	freq_is("\"likely\"%c", "doc",
	        "2\t2.00\tdoc-c\t1000000\n1\t1.00\tdoc-a\t1000000\n");
	freq_is("\"likely\"%c", "year", "3\t3.00\t2024\t1000000\n");
	freq_is("\"likely\"%c", "month",
	        "2\t2.00\t2024-06\t1000000\n1\t1.00\t2024-01\t1000000\n");
	freq_is("<seg type=\"hedge\"/>", "hedge",
	        "2\t2.00\tprobability\t1000000\n1\t1."
	        "00\tpossibility\t1000000\n");
	freq_is("[]", "actor",
	        "22\t22.00\t(none)\t1000000\n1\t1.00\tkim-jong-un\t1000000\n"
	        "1\t1.00\tnorth-korea\t1000000\n1\t1.00\tunited-"
	        "states\t1000000\n");
	freq_is("[] within <s/>", "who",
	        "22\t22.00\t(author)\t1000000\n"
	        "3\t3.00\tkim-jong-un\t1000000\n");
	/* each group's rate is per million of its own tokens: every token
	 * of a group is a hit of [], so each rate is 1e6 */
	freq_sized("[]", "who",
	        "22\t1000000.00\t(author)\t22\n"
	        "3\t1000000.00\tkim-jong-un\t3\n");
	freq_sized("\"likely\"%c", "doc",
	        "2\t285714.29\tdoc-c\t7\n1\t83333.33\tdoc-a\t12\n");
}

static void test_exec_lines(void **state)
{
	(void)state;
	const char *q = "\"probably\"";
	tq_node *n = NULL;
	tq_plan *p = NULL;
	assert_int_equal(tq_parse(q, strlen(q), &n), 0);
	assert_int_equal(tq_plan_new(n, &p), 0);
	acc a = {{0}};
	assert_int_equal(tq_exec(ix, p, NULL, collect, &a), 0);
	/* the one hit: doc-a, tokens 9-10, rendered below */
	assert_string_equal(a.s, "a:9-10");
	td_seg *s = td_index_seg(ix, 0);
	tq_hit h = {.seg = s, .start = 9, .end = 10};
	tq_kwic_opts o = {.words = 2};
	tq_line l;
	assert_int_equal(tq_line_make(&h, &o, &l), 0);
	assert_string_equal(l.left, "US will");
	assert_string_equal(l.match, "probably");
	assert_string_equal(l.right, "respond.");
	assert_string_equal(l.sid, "doc-a-s1");
	assert_string_equal(l.doc, "doc-a");
	assert_string_equal(l.date, "2024-01-19");
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	tq_kwic_print(m, &l, &o);
	tq_tsv_print(m, &l, '\t');
	tq_json_print(m, &l);
	fclose(m);
	assert_non_null(strstr(buf, "doc-a 2024-01-19 s1 "));
	assert_non_null(strstr(buf, "US will [probably] respond.\n"));
	assert_non_null(strstr(buf, "doc-a\tdoc-a-s1\t9\t10\t2024-01-19\tUS "
	                            "will\tprobably\trespond.\tdoc-a\n"));
	assert_non_null(strstr(buf, "{\"doc\":\"doc-a\",\"s\":\"doc-a-s1\","
	                            "\"start\":9,\"end\":10,\"left\":\"US "
	                            "will\",\"match\":\"probably\",\"right\":"
	                            "\"respond.\",\"date\":\"2024-01-19\""));
	assert_non_null(strstr(buf, "{\"name\":\"seg\",\"start\":9,\"end\":"
	                            "10,\"attrs\":{\"type\":\"hedge\","
	                            "\"subtype\":\"probability\"}}"));
	assert_non_null(strstr(buf, "{\"name\":\"s\",\"start\":6,\"end\":12,"));
	free(buf);
	tq_line_clear(&l);
	o.sentence = 1;
	assert_int_equal(tq_line_make(&h, &o, &l), 0);
	assert_string_equal(l.left, "The US will");
	assert_string_equal(l.right, "respond.");
	tq_line_clear(&l);
	/* context stops at the document's edge */
	h = (tq_hit){.seg = s, .start = 0, .end = 1};
	o = (tq_kwic_opts){.words = 3};
	assert_int_equal(tq_line_make(&h, &o, &l), 0);
	assert_string_equal(l.left, "");
	assert_string_equal(l.right, "said war is");
	tq_line_clear(&l);
	tq_plan_free(p);
	tq_node_free(n);
}

/* The spans over a hit, each "name:start-end" within the document, in
 * the cursor's order (element name, then document order). */
static void around(uint32_t start, uint32_t end, int contain, const char *want)
{
	tq_hit h = {.seg = td_index_seg(ix, 0), .start = start, .end = end};
	tq_span_iter it;
	char got[256] = "";
	int rc = tq_spans_begin(&it, &h, contain);
	assert_int_equal(rc, 0);
	while ((rc = tq_spans_next(&it)) == 1) {
		size_t n = strlen(got);
		snprintf(got + n, sizeof got - n, "%s%s:%u-%u", n ? " " : "",
		        td_seg_span_name(h.seg, it.k), it.start, it.end);
	}
	assert_int_equal(rc, 0);
	assert_string_equal(got, want);
}

static void test_exec_spans_around(void **state)
{
	(void)state;
	/* doc-a: "is likely" (3-5) is in the q (2-5) and the sentence (0-6)
	 * and overlaps the hedge on "likely" (4-5) */
	around(3, 5, 0, "q:2-5 s:0-6 seg:4-5");
	around(3, 5, 1, "q:2-5 s:0-6");
	/* doc-b's first token (12): none of doc-a's spans, though the
	 * sentence 6-12 ends where the hit starts */
	around(12, 13, 0, "rs:12-13 s:12-18");
	/* the innermost element's attribute, as --freq, --sort and --show
	 * ELEM@ATTR read it */
	tq_hit h = {.seg = td_index_seg(ix, 0), .start = 3, .end = 5};
	const char *v = "x";
	assert_int_equal(tq_attr_around(&h, "q", "who", &v), 1);
	assert_string_equal(v, "#kim-jong-un");
	assert_int_equal(tq_attr_around(&h, "s", "xml:id", &v), 1);
	assert_string_equal(v, "doc-a-s0");
	assert_int_equal(tq_attr_around(&h, "s", "nope", &v), 1);
	assert_null(v);
	assert_int_equal(tq_attr_around(&h, "seg", "type", &v), 0);
	assert_null(v);
	assert_int_equal(tq_attr_around(&h, "nope", "type", &v), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_exec_tokens),
	        cmocka_unit_test(test_exec_folding),
	        cmocka_unit_test(test_exec_sequences),
	        cmocka_unit_test(test_exec_spans),
	        cmocka_unit_test(test_exec_tags),
	        cmocka_unit_test(test_exec_filters),
	        cmocka_unit_test(test_exec_regex_limit),
	        cmocka_unit_test(test_exec_freq),
	        cmocka_unit_test(test_exec_lines),
	        cmocka_unit_test(test_exec_spans_around),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
