/* test_tei_reader.c: td_tei_read on a hand-written TEI file of our profile,
 * on the external corpora (drama, parliament, novels), on hostile input
 * (malformed, external entities, deep nesting, not TEI), and the round trip
 * TEI -> index: every token and span of each file comes back. */
#include "config.h"
#include "segment.h"
#include "tei.h"
#include "util.h"
#include "index.h"
#include "tagdex.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static td_doc *read_path(const char *path, int *rc)
{
	char *data;
	size_t len;
	td_doc *d = NULL;
	assert_int_equal(td_read_file(path, &data, &len), 0);
	*rc = td_tei_read(path, data, len, &d);
	free(data);
	return d;
}

static td_doc *fixture(const char *name, int *rc)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/data/tei/%s", TD_SRCDIR, name);
	return read_path(path, rc);
}

static const td_span *find_span(const td_doc *d, const char *name, size_t n)
{
	for (size_t i = 0; i < d->n_spans; i++)
		if (!strcmp(d->spans[i].name, name) && n-- == 0)
			return &d->spans[i];
	return NULL;
}

static size_t count_spans(const td_doc *d, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_spans; i++)
		n += !strcmp(d->spans[i].name, name);
	return n;
}

static void assert_span_text(const td_doc *d, const td_span *sp, const char *t)
{
	assert_non_null(sp);
	assert_int_equal(sp->end - sp->start, strlen(t));
	assert_memory_equal(d->text + sp->start, t, strlen(t));
}

static void test_profile(void **state)
{
	(void)state;
	int rc;
	td_doc *d = fixture("small.xml", &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(d->id, "doc-small-test");
	assert_string_equal(d->text,
	        "War looks unlikely this year, said Kim: "
	        "‘totally destroy’ & more.\nArticle 2nd half");
	assert_string_equal(d->meta.title, "Kim’s words and war");
	assert_string_equal(d->meta.subtitle, "A standfirst.");
	assert_string_equal(d->meta.date, "2024-01-19");
	assert_string_equal(d->meta.genre, "Expert comment");
	assert_string_equal(d->meta.source_name, "small.txt");
	assert_string_equal(d->meta.source_sha256, "00ff");
	assert_int_equal(d->n_actors, 2);
	assert_string_equal(d->actors[0].key, "kim-jong-un");
	assert_string_equal(d->actors[0].kind, "person");
	assert_string_equal(d->actors[0].name, "Kim Jong Un");
	assert_string_equal(d->actors[1].key, "north-korea");
	assert_string_equal(d->actors[1].kind, "state");
	/* every element of <text> is a span, <text> included, in pre-order */
	const char *order[] = {"text", "body", "p", "s", "seg", "date",
	        "persName", "q", "lb", "note"};
	assert_int_equal(d->n_spans, 10);
	for (size_t i = 0; i < 10; i++)
		assert_string_equal(d->spans[i].name, order[i]);
	assert_span_text(d, find_span(d, "text", 0), d->text);
	const td_span *s = find_span(d, "s", 0);
	assert_string_equal(td_span_attr(s, "xml:id"), "doc-small-test-s0");
	assert_string_equal(td_span_attr(s, "ana"), "#prediction #hedged");
	assert_span_text(d, s,
	        "War looks unlikely this year, said Kim: "
	        "‘totally destroy’ & more.");
	const td_span *g = find_span(d, "seg", 0);
	assert_span_text(d, g, "looks unlikely");
	assert_string_equal(td_span_attr(g, "subtype"), "probability");
	assert_string_equal(td_span_attr(find_span(d, "date", 0), "notAfter"),
	        "2024-12-31");
	assert_string_equal(
	        td_span_attr(find_span(d, "q", 0), "who"), "#kim-jong-un");
	assert_span_text(d, find_span(d, "q", 0), "totally destroy");
	assert_span_text(d, find_span(d, "lb", 0), "");
	assert_span_text(d, find_span(d, "note", 0), "Article 2nd half");
	td_doc_free(d);
}

static void free_docs(td_doc **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		td_doc_free(v[i]);
	free(v);
}

static const td_actor *find_actor(const td_doc *d, const char *key)
{
	for (size_t i = 0; i < d->n_actors; i++)
		if (!strcmp(d->actors[i].key, key))
			return &d->actors[i];
	return NULL;
}

static int read_all_mem(
        const char *name, const char *xml, td_doc ***v, size_t *n)
{
	return td_tei_read_all(name, xml, strlen(xml), v, n);
}

/* The warnings the library gave (td_set_warn), one a line. */
static char last_warn[8192];
static void grab_warn(void *ctx, const char *msg)
{
	(void)ctx;
	size_t k = strlen(last_warn);
	snprintf(last_warn + k, sizeof last_warn - k, "%s\n", msg);
}

/* Reads xml expecting success with a warning that holds both strings;
 * frees the documents. */
static void read_warns(
        const char *name, const char *xml, const char *where, const char *what)
{
	td_doc **v = NULL;
	size_t n = 0;
	last_warn[0] = '\0';
	td_set_warn(grab_warn, NULL);
	int rc = read_all_mem(name, xml, &v, &n);
	td_set_warn(NULL, NULL);
	if (rc)
		fail_msg("%s: %s", xml, td_error_last());
	for (size_t i = 0; i < n; i++)
		td_doc_free(v[i]);
	free(v);
	if (!strstr(last_warn, where) || !strstr(last_warn, what) ||
	        !strstr(last_warn, "not followed"))
		fail_msg("%s: warning '%s'", xml, last_warn);
}

/* A teiCorpus is one document per TEI, not one merged document. */
static void test_corpus_file(void **state)
{
	(void)state;
	char path[1024], *data;
	size_t len, n;
	td_doc **v, *d;
	snprintf(path, sizeof path, "%s/tests/data/tei/corpus.xml", TD_SRCDIR);
	assert_int_equal(td_read_file(path, &data, &len), 0);
	assert_int_equal(td_tei_read_all(path, data, len, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0]->id, "one");
	assert_string_equal(v[0]->meta.title, "One");
	assert_string_equal(v[0]->text, "First text.");
	assert_int_equal(count_spans(v[0], "text"), 1);
	assert_string_equal(v[1]->id, "two");
	/* its own header is empty: the corpus header's title */
	assert_string_equal(v[1]->meta.title, "The corpus");
	assert_string_equal(v[1]->text, "Second text.");
	assert_int_equal(count_spans(v[1], "text"), 1);
	free_docs(v, n);
	/* the one-document reader refuses it instead of merging */
	assert_int_equal(td_tei_read(path, data, len, &d), TD_EINPUT);
	assert_non_null(strstr(td_error_last(), "2 TEI documents"));
	free(data);

	/* the corpus header's date and actors fill in; ids without xml:id
	 * are deterministic and distinct */
	static const char corp[] =
	        "<teiCorpus xmlns='http://www.tei-c.org/ns/1.0'>\n"
	        "<teiHeader><fileDesc><titleStmt><title>C</title>"
	        "<author>Ed</author></titleStmt><publicationStmt>"
	        "<date when='2019-05-06'/></publicationStmt></fileDesc>"
	        "<profileDesc><particDesc><listPerson><person xml:id='kim'>"
	        "<persName>Kim</persName></person></listPerson></particDesc>"
	        "</profileDesc></teiHeader>\n"
	        "<TEI><teiHeader/><text><body><p>A <q who='#kim'>x</q></p>"
	        "</body></text></TEI>\n"
	        "<TEI><teiHeader><fileDesc><titleStmt><title>B</title>"
	        "</titleStmt><publicationStmt><date when='2024-01-02'/>"
	        "</publicationStmt></fileDesc><profileDesc><particDesc>"
	        "<listPerson><person xml:id='lee'><persName>Lee</persName>"
	        "</person></listPerson></particDesc></profileDesc></teiHeader>"
	        "<text><body><p>B</p></body></text></TEI>\n"
	        "</teiCorpus>\n";
	assert_int_equal(read_all_mem("dir/My Corpus.xml", corp, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0]->id, "doc-my-corpus-1");
	assert_string_equal(v[1]->id, "doc-my-corpus-2");
	assert_string_equal(v[0]->meta.title, "C");
	assert_string_equal(v[0]->meta.date, "2019-05-06");
	assert_string_equal(v[0]->meta.author, "Ed");
	assert_string_equal(v[1]->meta.title, "B");
	assert_string_equal(v[1]->meta.date, "2024-01-02");
	assert_string_equal(v[1]->meta.author, "Ed");
	assert_string_equal(v[0]->text, "A x");
	assert_string_equal(v[1]->text, "B");
	assert_non_null(find_actor(v[0], "kim"));
	assert_null(find_actor(v[0], "lee"));
	assert_string_equal(find_actor(v[1], "kim")->name, "Kim");
	assert_string_equal(find_actor(v[1], "lee")->name, "Lee");
	free_docs(v, n);

	/* a TEI inside a TEI's header is refused, naming the line */
	assert_int_equal(read_all_mem("n.xml",
	                         "<teiCorpus>\n<TEI><teiHeader>\n<TEI/>"
	                         "</teiHeader></TEI></teiCorpus>",
	                         &v, &n),
	        0);
	free_docs(v, n);
	assert_int_equal(read_all_mem("n.xml",
	                         "<teiCorpus>\n<TEI><fileDesc>\n<TEI/>"
	                         "</fileDesc></TEI></teiCorpus>",
	                         &v, &n),
	        TD_EINPUT);
	assert_non_null(
	        strstr(td_error_last(), "n.xml:3: <TEI> inside a <TEI>"));
	/* two <text> in one TEI are one text, a paragraph break between */
	assert_int_equal(td_tei_read("t2.xml",
	                         "<TEI><text>A</text><text>B</text>"
	                         "</TEI>",
	                         39, &d),
	        0);
	assert_string_equal(d->text, "A\n\nB");
	td_doc_free(d);
	/* a corpus without TEI, and roots that are not documents: none */
	assert_int_equal(read_all_mem("e.xml",
	                         "<teiCorpus><teiHeader/></teiCorpus>", &v, &n),
	        0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(
	        read_all_mem("lp.xml",
	                "<listPerson xmlns='http://www.tei-c.org/ns/1.0'>"
	                "<person xml:id='a'/></listPerson>",
	                &v, &n),
	        0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(
	        td_tei_read("lp.xml", "<taxonomy/>", 11, &d), TD_EINPUT);
	assert_null(d);
}

/* xi:include: a ParlaMint-style root, and every refusal */
static void test_xinclude(void **state)
{
	(void)state;
	char dir[1024], path[1100], *data;
	size_t len, n;
	td_doc **v;
	snprintf(dir, sizeof dir, "%s/tests/data/tei/xinclude", TD_SRCDIR);
	snprintf(path, sizeof path, "%s/root.xml", dir);
	assert_int_equal(td_read_file(path, &data, &len), 0);
	assert_int_equal(td_tei_read_all(path, data, len, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0]->id, "sitting-1");
	assert_string_equal(v[0]->meta.title, "First sitting");
	assert_string_equal(v[0]->meta.date, "2021-03-04");
	assert_string_equal(find_actor(v[0], "AnaPerez")->name, "Ana Pérez");
	assert_non_null(strstr(v[0]->text, "The budget will fail."));
	assert_int_equal(count_spans(v[0], "u"), 2);
	assert_string_equal(v[1]->id, "sitting-2");
	assert_string_equal(v[1]->meta.title, "Mini parliament");
	assert_string_equal(v[1]->meta.date, "2020-01-01");
	assert_string_equal(find_actor(v[1], "BoLind")->name, "Bo Lind");
	assert_null(strstr(v[1]->text, "will"));
	free_docs(v, n);
	char **inc;
	assert_int_equal(td_tei_included(path, data, len, &inc, &n), 0);
	assert_int_equal(n, 3);
	assert_non_null(strstr(inc[0], "/xinclude/speakers.xml"));
	assert_non_null(strstr(inc[1], "/xinclude/sub/sitting1.xml"));
	assert_non_null(strstr(inc[2], "/xinclude/sitting2.xml"));
	for (size_t i = 0; i < n; i++)
		free(inc[i]);
	free(inc);
	free(data);
	/* the list passes over what cannot be included */
	static const char some[] =
	        "<teiCorpus xmlns:xi='http://www.w3.org/2001/XInclude'>\n"
	        "<xi:include href='nothere.xml'/><xi:include href='/etc/x'/>\n"
	        "<xi:include href='sitting2.xml'/>\n</teiCorpus>";
	assert_int_equal(
	        td_tei_included(path, some, sizeof some - 1, &inc, &n), 0);
	assert_int_equal(n, 1);
	assert_non_null(strstr(inc[0], "/xinclude/sitting2.xml"));
	free(inc[0]);
	free(inc);

	/* not followed (issue 11: anything but a local file under the
	 * input's folder, read once): a warning naming the including file and
	 * the line, and the rest is read; fallback content is an error */
	static const struct {
		const char *inc, *msg;
	} bad[] = {
	        {"href='nothere.xml'/>", "No such file"},
	        {"href='../corpus.xml'/>", "outside the input's folder"},
	        {"href='/etc/hostname'/>", "only relative paths"},
	        {"href='http://example.org/a.xml'/>", "only relative paths"},
	        {"href='file:sitting2.xml'/>", "only relative paths"},
	        {"href='sitting2.xml' parse='text'/>", "parse=\"text\""},
	        {"href='sitting2.xml' xpointer='x'/>", "xpointer"},
	        {"href='sitting2.xml'><xi:fallback/></xi:include>", "fallback"},
	        {"/>", "without href"},
	        {"href='root.xml'/>", "already read"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char xml[512], name[1100];
		snprintf(xml, sizeof xml,
		        "<teiCorpus "
		        "xmlns:xi='http://www.w3.org/2001/XInclude'>\n"
		        "<teiHeader/>\n<xi:include %s\n</teiCorpus>",
		        bad[i].inc);
		/* the in-memory root stands where root.xml is: including
		 * root.xml is a cycle */
		snprintf(name, sizeof name, "%s/root.xml", dir);
		if (strcmp(bad[i].msg, "fallback")) {
			read_warns(name, xml, "root.xml:3: xi:include",
			        bad[i].msg);
			continue;
		}
		assert_int_equal(read_all_mem(name, xml, &v, &n), TD_EINPUT);
		assert_non_null(
		        strstr(td_error_last(), "root.xml:3: xi:include"));
		if (!strstr(td_error_last(), bad[i].msg))
			fail_msg("%s: %s", bad[i].inc, td_error_last());
	}
	/* a file included twice */
	static const char twice[] =
	        "<teiCorpus xmlns:xi='http://www.w3.org/2001/XInclude'>\n"
	        "<xi:include href='sitting2.xml'/>\n"
	        "<xi:include href='sitting2.xml'/>\n</teiCorpus>";
	snprintf(path, sizeof path, "%s/twice.xml", dir);
	read_warns(path, twice, "twice.xml:3: ", "already read");

	/* in a scratch folder: an error inside an included file names that
	 * file; a symbolic link out of the folder is outside; a chain of
	 * includes deeper than 16 files is refused */
	char tmp[] = "/tmp/td-xi-XXXXXX", f[256];
	assert_non_null(mkdtemp(tmp));
	snprintf(f, sizeof f, "%s/broken.xml", tmp);
	FILE *fp = fopen(f, "w");
	fputs("<TEI>\n<text>\n<p>unclosed\n</text></TEI>\n", fp);
	fclose(fp);
	snprintf(f, sizeof f, "%s/out", tmp);
	assert_int_equal(symlink("/etc", f), 0);
	for (int i = 0; i < 20; i++) {
		snprintf(f, sizeof f, "%s/c%d.xml", tmp, i);
		fp = fopen(f, "w");
		fprintf(fp,
		        "<div xmlns:xi='http://www.w3.org/2001/XInclude'>"
		        "<xi:include href='c%d.xml'/></div>\n",
		        i + 1);
		fclose(fp);
	}
	snprintf(f, sizeof f, "%s/c20.xml", tmp);
	fp = fopen(f, "w");
	fputs("<p/>\n", fp);
	fclose(fp);
	static const char *const scratch[][2] = {
	        {"broken.xml", "broken.xml:4: "},
	        {"out/hostname", "outside the input's folder"},
	        {"c0.xml", "more than 16 files deep"},
	};
	for (size_t i = 0; i < 3; i++) {
		char xml[512];
		snprintf(xml, sizeof xml,
		        "<teiCorpus xmlns:xi='http://www.w3.org/2001/XInclude'>"
		        "<TEI><text><xi:include href='%s'/></text></TEI>"
		        "</teiCorpus>",
		        scratch[i][0]);
		snprintf(f, sizeof f, "%s/root.xml", tmp);
		if (i == 1) { /* a link out of the folder: not followed */
			read_warns(f, xml, "root.xml:1: ", scratch[i][1]);
			continue;
		}
		assert_true(read_all_mem(f, xml, &v, &n) < 0);
		if (!strstr(td_error_last(), scratch[i][1]))
			fail_msg("%s: %s", scratch[i][0], td_error_last());
	}
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	assert_int_equal(system(cmd), 0);
}

static void test_hostile(void **state)
{
	(void)state;
	int rc;
	td_doc *d = fixture("malformed.xml", &rc);
	assert_null(d);
	assert_int_equal(rc, TD_EINPUT);
	assert_non_null(strstr(td_error_last(), "malformed.xml:2: "));
	d = fixture("not-tei.xml", &rc);
	assert_null(d);
	assert_int_equal(rc, TD_EINPUT);
	assert_non_null(strstr(td_error_last(), "not a TEI document"));
	/* no external entity is ever loaded */
	d = fixture("xxe.xml", &rc);
	if (d) {
		assert_null(strstr(d->text, "root:"));
		assert_non_null(strstr(d->text, "before"));
		td_doc_free(d);
	}
	/* empty and truncated input */
	assert_int_equal(td_tei_read("empty.xml", "", 0, &d), TD_EINPUT);
	assert_int_equal(
	        td_tei_read("t.xml", "<TEI><text>", 11, &d), TD_EINPUT);
	assert_non_null(strstr(td_error_last(), "t.xml:1: "));
	/* 200,000 nested elements: a clear error, fast, no stack overflow */
	size_t n = 200000;
	char *deep = malloc(n * 7 + 64), *p = deep;
	p += sprintf(p, "<TEI><text>");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<hi>");
	rc = td_tei_read("deep.xml", deep, (size_t)(p - deep), &d);
	assert_int_equal(rc, TD_ELIMIT);
	assert_non_null(strstr(td_error_last(), "deep.xml:1: "));
	assert_non_null(strstr(td_error_last(), "depth"));
	free(deep);
	/* a file with no <text> is a document without text */
	const char *h =
	        "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>"
	        "<fileDesc><titleStmt><title>T</title></titleStmt></fileDesc>"
	        "</teiHeader></TEI>";
	assert_int_equal(td_tei_read("dir/Head Only.xml", h, strlen(h), &d), 0);
	assert_int_equal(d->len, 0);
	assert_string_equal(d->id, "doc-head-only");
	assert_string_equal(d->meta.title, "T");
	td_doc_free(d);
}

/* The end byte span i of d has in the index: its own, but for an empty
 * pb, cb, gb or milestone the start of the next one after it in document
 * order (the reader's) with the same name, unit and ed, else the end of
 * the text (tagdex-query(1), Milestones). */
static size_t ms_end(const td_doc *d, size_t i)
{
	const td_span *a = &d->spans[i];
	if (a->start != a->end ||
	        (strcmp(a->name, "pb") && strcmp(a->name, "cb") &&
	                strcmp(a->name, "gb") && strcmp(a->name, "milestone")))
		return a->end;
	const char *u = td_span_attr(a, "unit"), *ed = td_span_attr(a, "ed");
	for (size_t j = i + 1; j < d->n_spans; j++) {
		const td_span *b = &d->spans[j];
		const char *bu = td_span_attr(b, "unit"),
		           *be = td_span_attr(b, "ed");
		if (!strcmp(b->name, a->name) &&
		        (u ? bu && !strcmp(u, bu) : !bu) &&
		        (ed ? be && !strcmp(ed, be) : !be))
			return b->start;
	}
	return d->len;
}

/* Reads one file, indexes it, and compares every token and span. */
static void roundtrip(const char *path, td_doc **out)
{
	int rc;
	td_doc *d = read_path(path, &rc);
	assert_int_equal(rc, 0);
	char dir[] = "/tmp/td-tei-XXXXXX", cmd[64];
	assert_non_null(mkdtemp(dir));
	td_writer *w;
	assert_int_equal(td_writer_open(dir, 0, &w), 0);
	assert_int_equal(td_writer_add(w, d, path), 0);
	assert_int_equal(td_writer_commit(w), 0);
	td_writer_close(w);
	assert_int_equal(td_index_check(dir), 0);
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	td_seg *s = td_index_seg(ix, 0);
	td_tokens t = {0};
	assert_int_equal(td_tokenize(d->text, d->len, 0, &t), 0);
	assert_int_equal(td_seg_ntokens(s), t.n);
	for (size_t i = 0; i < t.n; i++) {
		size_t wl;
		const char *wd = td_seg_lex_term(s, TD_LAYER_WORD,
		        td_seg_id_at(s, TD_LAYER_WORD, (uint32_t)i), &wl);
		assert_int_equal(wl, t.v[i].end - t.v[i].start);
		assert_memory_equal(wd, d->text + t.v[i].start, wl);
	}
	/* spans: per element name the same number, each with its range and
	 * attributes (spans of one name come back sorted by start) */
	size_t total = 0;
	for (uint32_t k = 0; k < td_seg_span_nnames(s); k++) {
		const char *name = td_seg_span_name(s, k);
		uint32_t n = td_seg_span_count(s, k);
		assert_int_equal(n, count_spans(d, name));
		total += n;
		size_t j = 0;
		for (size_t i = 0; i < d->n_spans; i++) {
			const td_span *sp = &d->spans[i];
			if (strcmp(sp->name, name))
				continue;
			/* pre-order equals the index order except for equal
			 * starts; look the span up among those */
			int found = 0;
			for (uint32_t q = 0; q < n && !found; q++) {
				uint32_t a, b;
				assert_int_equal(
				        td_seg_span_get(s, k, q, &a, &b), 0);
				size_t ba = a < t.n ? t.v[a].start : d->len;
				if (ba < sp->start ||
				        (a > 0 &&
				                t.v[a - 1].start >= sp->start))
					continue;
				/* the end: the tokens starting before the
				 * span's end (a milestone's: its region's, see
				 * ms_end) */
				size_t want_b = a, e = ms_end(d, i);
				while (want_b < t.n && t.v[want_b].start < e)
					want_b++;
				if (b != (uint32_t)want_b)
					continue;
				if (td_seg_span_nattrs(s, k, q) != sp->n_attrs)
					continue;
				found = 1;
				for (uint32_t z = 0; z < sp->n_attrs; z++) {
					const char *an, *av;
					assert_int_equal(
					        td_seg_span_attr(
					                s, k, q, z, &an, &av),
					        0);
					found &=
					        !strcmp(an,
					                sp->attrs[z].name) &&
					        !strcmp(av, sp->attrs[z].value);
				}
			}
			assert_true(found);
			j++;
		}
		assert_int_equal(j, n);
	}
	assert_int_equal(total, d->n_spans);
	td_tokens_clear(&t);
	td_index_close(ix);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	*out = d;
}

static int has_span(
        const td_doc *d, const char *name, const char *an, const char *av)
{
	for (size_t i = 0; i < d->n_spans; i++) {
		const char *v = td_span_attr(&d->spans[i], an);
		if (!strcmp(d->spans[i].name, name) && v && !strcmp(v, av))
			return 1;
	}
	return 0;
}

static void test_external(void **state)
{
	(void)state;
	const char *ext = TD_SHARED "/corpora/external";
	const char *files[] = {"eltec-eng/ENG18652_Carroll.xml",
	        "eltec-eng/ENG18872_Lyall.xml",
	        "gerdracor/buechner-woyzeck.xml",
	        "gerdracor/goethe-proserpina.xml",
	        "gerdracor/lessing-emilia-galotti.xml",
	        "parlamint-es-ga/ParlaMint-ES-GA_2015-08-03-DSPG117.xml",
	        "parlamint-es-ga/ParlaMint-ES-GA_2015-12-23-DSPG136.xml"};
	/* a listPerson and a taxonomy are not documents; the corpus root
	 * includes files this sample lacks: an error naming the line */
	const char *none[] = {"parlamint-es-ga/ParlaMint-ES-GA-listPerson.xml",
	        "parlamint-es-ga/ParlaMint-taxonomy-speaker_types.xml",
	        "parlamint-es-ga/ParlaMint-ES-GA.xml"};
	for (size_t i = 0; i < 3; i++) {
		char path[1024], *data;
		size_t len, n = 9;
		td_doc **v;
		snprintf(path, sizeof path, "%s/%s", ext, none[i]);
		assert_int_equal(td_read_file(path, &data, &len), 0);
		last_warn[0] = '\0';
		td_set_warn(grab_warn, NULL);
		int rc = td_tei_read_all(path, data, len, &v, &n);
		td_set_warn(NULL, NULL);
		free(data);
		if (i < 2) {
			assert_int_equal(rc, 0);
			assert_int_equal(n, 0);
			free(v);
		} else {
			/* the sample leaves out the listOrg the root includes:
			 * a warning, and the sittings it has are read */
			assert_int_equal(rc, 0);
			assert_int_equal(n, 2);
			for (size_t k = 0; k < n; k++)
				td_doc_free(v[k]);
			free(v);
			assert_non_null(strstr(last_warn,
			        "ParlaMint-ES-GA.xml:188: xi:include "
			        "href=\"ParlaMint-ES-GA-listOrg.xml\""));
		}
	}
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", ext, files[i]);
		td_doc *d;
		roundtrip(path, &d);
		if (strstr(files[i], "woyzeck")) {
			assert_true(count_spans(d, "sp") > 200);
			assert_true(has_span(d, "sp", "who", "#woyzeck"));
			/* speakers are persons of the header */
			int found = 0;
			for (size_t k = 0; k < d->n_actors; k++)
				found |= !strcmp(d->actors[k].key, "woyzeck");
			assert_true(found);
			/* the header is metadata, not text */
			assert_string_equal(d->meta.title, "Woyzeck");
			assert_null(strstr(d->text, "dracor.org"));
			assert_null(strstr(d->text, "Q154014"));
		}
		if (strstr(files[i], "DSPG136")) {
			assert_int_equal(count_spans(d, "u"), 6);
			assert_true(
			        has_span(d, "u", "who", "#RojoPilarMilagros"));
			assert_true(has_span(d, "u", "xml:id",
			        "ParlaMint-ES-GA_2015-12-23-DSPG136.u1"));
			assert_non_null(
			        strstr(d->text, "Señorías, vaian ocupando"));
			assert_null(
			        strstr(d->text, "Corpus parlamentario galego"));
			assert_string_equal(
			        d->id, "ParlaMint-ES-GA_2015-12-23-DSPG136");
			/* the sitting's date, not the 2023 encoding date */
			assert_string_equal(d->meta.date, "2015-12-23");
		}
		if (strstr(files[i], "Carroll")) {
			assert_true(count_spans(d, "div") > 5);
			/* the first edition, not the print source (1869) nor
			 * the encoding (2021) */
			assert_string_equal(d->meta.date, "1865");
		}
		td_doc_free(d);
	}
	/* a root that includes the real listPerson and a sitting: the
	 * sitting's speakers are the persons of the included list */
	char tmp[] = "/tmp/td-pm-XXXXXX", cmd[2048], root[64];
	assert_non_null(mkdtemp(tmp));
	snprintf(cmd, sizeof cmd,
	        "cp '%s/parlamint-es-ga/ParlaMint-ES-GA-listPerson.xml' "
	        "'%s/parlamint-es-ga/ParlaMint-ES-GA_2015-12-23-DSPG136.xml' "
	        "'%s'",
	        ext, ext, tmp);
	assert_int_equal(system(cmd), 0);
	static const char pm[] =
	        "<teiCorpus xmlns='http://www.tei-c.org/ns/1.0' "
	        "xmlns:xi='http://www.w3.org/2001/XInclude'><teiHeader>"
	        "<profileDesc><particDesc>"
	        "<xi:include href='ParlaMint-ES-GA-listPerson.xml'/>"
	        "</particDesc></profileDesc></teiHeader>"
	        "<xi:include href='ParlaMint-ES-GA_2015-12-23-DSPG136.xml'/>"
	        "</teiCorpus>";
	snprintf(root, sizeof root, "%s/ParlaMint-mini.xml", tmp);
	td_doc **v;
	size_t n;
	assert_int_equal(td_tei_read_all(root, pm, sizeof pm - 1, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0]->id, "ParlaMint-ES-GA_2015-12-23-DSPG136");
	assert_true(v[0]->n_actors > 200);
	assert_non_null(find_actor(v[0], "RojoPilarMilagros"));
	assert_int_equal(count_spans(v[0], "u"), 6);
	free_docs(v, n);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	assert_int_equal(system(cmd), 0);
}

static td_doc *read_str(const char *xml)
{
	td_doc *d = NULL;
	assert_int_equal(td_tei_read("mem.xml", xml, strlen(xml), &d), 0);
	return d;
}

#define HDR_OPEN                                                               \
	"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"     \
	"<titleStmt><title>T</title></titleStmt>"
#define TEXT_END "<text><body><p>x</p></body></text></TEI>"

/* issue 11: the most specific date wins, whatever the order in the file */
static void test_date_precedence(void **state)
{
	(void)state;
	td_doc *d = read_str(HDR_OPEN
	        "<publicationStmt><date when=\"2021-04-09\"/></publicationStmt>"
	        "</fileDesc><profileDesc><creation><date>1850</date></creation>"
	        "</profileDesc></teiHeader>" TEXT_END);
	assert_string_equal(d->meta.date, "1850");
	td_doc_free(d);
	d = read_str(HDR_OPEN
	        "<publicationStmt><date when=\"2021-04-09\"/></publicationStmt>"
	        "<sourceDesc><bibl "
	        "type=\"printSource\"><date>1869</date></bibl>"
	        "<bibl "
	        "type=\"firstEdition\"><date>1865</date></bibl></sourceDesc>"
	        "</fileDesc><profileDesc><creation><date>1850</date></creation>"
	        "</profileDesc></teiHeader>" TEXT_END);
	assert_string_equal(d->meta.date, "1865");
	td_doc_free(d);
	d = read_str(HDR_OPEN
	        "<publicationStmt><date when=\"2021-04-09\"/></publicationStmt>"
	        "<sourceDesc><bibl><date "
	        "when=\"2015-12-24\">24.12.2015</date></bibl>"
	        "</sourceDesc></fileDesc><profileDesc><settingDesc><setting>"
	        "<date "
	        "when=\"2015-12-23\">23.12.2015</date></setting></settingDesc>"
	        "</profileDesc></teiHeader>" TEXT_END);
	assert_string_equal(d->meta.date, "2015-12-23");
	td_doc_free(d);
	/* a date that is not ISO is no date: the next source is used */
	d = read_str(HDR_OPEN
	        "<publicationStmt><date when=\"2021-04-09\"/></publicationStmt>"
	        "<sourceDesc><bibl><date>23.12.2015</date></bibl></sourceDesc>"
	        "</fileDesc></teiHeader>" TEXT_END);
	assert_string_equal(d->meta.date, "2021-04-09");
	td_doc_free(d);
	/* nor is one of a month or day that does not exist (they were taken:
	 * --freq month had a month 2024-13) */
	static const char *const impossible[] = {"2024-13-01", "2024-00",
	        "2024-02-30", "2023-02-29", "2100-02-29", "2024-04-31",
	        "2024-01-00", "2024-1-05"};
	for (size_t i = 0; i < sizeof impossible / sizeof *impossible; i++) {
		char xml[512];
		snprintf(xml, sizeof xml,
		        HDR_OPEN
		        "<publicationStmt><date "
		        "when=\"2021-04-09\"/></publicationStmt><sourceDesc>"
		        "<bibl><date when=\"%s\"/></bibl></sourceDesc>"
		        "</fileDesc></teiHeader>" TEXT_END,
		        impossible[i]);
		d = read_str(xml);
		if (strcmp(d->meta.date, "2021-04-09"))
			fail_msg("took %s: %s", impossible[i], d->meta.date);
		td_doc_free(d);
	}
	/* the last day of a month, and 29 February of a leap year, are */
	static const char *const possible[] = {"2024-02-29", "2000-02-29",
	        "2023-12-31", "2024-04-30", "2024-12"};
	for (size_t i = 0; i < sizeof possible / sizeof *possible; i++) {
		char xml[512];
		snprintf(xml, sizeof xml,
		        HDR_OPEN
		        "<publicationStmt><date "
		        "when=\"2021-04-09\"/></publicationStmt><sourceDesc>"
		        "<bibl><date when=\"%s\"/></bibl></sourceDesc>"
		        "</fileDesc></teiHeader>" TEXT_END,
		        possible[i]);
		d = read_str(xml);
		assert_string_equal(d->meta.date, possible[i]);
		td_doc_free(d);
	}
}

/* --meta FIELD=XPATH */
static void test_meta_xpath(void **state)
{
	(void)state;
	const char *xml = HDR_OPEN
	        "<author>A. Writer</author>"
	        "<publicationStmt><date when=\"2021-04-09\"/></publicationStmt>"
	        "<sourceDesc><bibl type=\"firstEdition\"><title>First</title>"
	        "<date>1865</date></bibl></sourceDesc></fileDesc>"
	        "<encodingDesc><p>Encoded <date when=\"2020-02\">Feb</date></p>"
	        "</encodingDesc></teiHeader>" TEXT_END;
	td_doc *d = read_str(xml);
	assert_string_equal(d->meta.date, "1865");
	const char *paths[TD_META_NPATHS] = {"//tei:encodingDesc//tei:date",
	        "//tei:bibl[@type='firstEdition']/tei:title", NULL};
	assert_int_equal(
	        td_tei_meta_apply("mem.xml", xml, strlen(xml), paths, d), 0);
	assert_string_equal(d->meta.date, "2020-02");
	assert_string_equal(d->meta.title, "First");
	assert_null(d->meta.author); /* outside titleStmt: not the author */
	/* nothing matched, or not a date: the header's value stays */
	const char *none[TD_META_NPATHS] = {
	        "//tei:nothing", NULL, "string(//tei:bibl/@type)"};
	assert_int_equal(
	        td_tei_meta_apply("mem.xml", xml, strlen(xml), none, d), 0);
	assert_string_equal(d->meta.date, "2020-02");
	assert_string_equal(d->meta.author, "firstEdition");
	const char *bad[TD_META_NPATHS] = {"//tei:title", NULL, NULL};
	assert_int_equal(
	        td_tei_meta_apply("mem.xml", xml, strlen(xml), bad, d), 0);
	assert_string_equal(d->meta.date, "2020-02");
	assert_int_equal(td_tei_xpath_check("//tei:["), TD_EUSAGE);
	assert_int_equal(td_tei_xpath_check("//tei:date/@when"), 0);
	td_doc_free(d);
}

/* the header's kinds of actor: person, personGrp (a group), org by type */
static void test_actor_kinds(void **state)
{
	(void)state;
	static const char tei[] =
	        "<TEI "
	        "xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"
	        "<titleStmt><title>T</title></titleStmt><publicationStmt><p/>"
	        "</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
	        "<profileDesc><particDesc><listPerson>"
	        "<person xml:id=\"ann-lee\"><persName>Ann "
	        "Lee</persName></person>"
	        "<personGrp xml:id=\"farmers\"><name>Farmers</name></personGrp>"
	        "</listPerson><listOrg>"
	        "<org xml:id=\"fbi\"><orgName>FBI</orgName></org>"
	        "<org xml:id=\"chad\" "
	        "type=\"state\"><orgName>Chad</orgName></org>"
	        "</listOrg></particDesc></profileDesc></teiHeader>"
	        "<text><body><p>Farmers spoke.</p></body></text></TEI>";
	td_doc *d = NULL;
	assert_int_equal(td_tei_read("kinds.xml", tei, sizeof tei - 1, &d), 0);
	assert_int_equal(d->n_actors, 4);
	const char *want[][2] = {{"ann-lee", "person"}, {"farmers", "group"},
	        {"fbi", "org"}, {"chad", "state"}};
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(d->actors[i].key, want[i][0]);
		assert_string_equal(d->actors[i].kind, want[i][1]);
	}
	td_doc_free(d);
}

/* Block elements part the words they meet without white space (a TEI
 * printed on one line); inline ones and <lb break="no"/> do not, and white
 * space already there is kept as it is, nothing added. */
static void test_block_edges(void **state)
{
	(void)state;
	static const char tei[] =
	        "<TEI "
	        "xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"
	        "<titleStmt><title>T</title></titleStmt><publicationStmt><p/>"
	        "</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
	        "</teiHeader><text><body><head>Title</head><p>one war</p>"
	        "<p>two <hi>Wash</hi>ington<lb/>three<lb break=\"no\"/>four"
	        "<note>aside</note>five</p><quote type=\"pullquote\"><p>PQ</p>"
	        "</quote><p>six</p>\n<p>seven</p></body></text></TEI>";
	td_doc *d = NULL;
	assert_int_equal(td_tei_read("blocks.xml", tei, sizeof tei - 1, &d), 0);
	assert_string_equal(d->text, "Title\none war\ntwo Washington\n"
	                             "threefour\naside\nfive\nPQ\nsix\nseven");
	/* the spans hold their own text, the newlines lie between them */
	assert_span_text(d, find_span(d, "head", 0), "Title");
	assert_span_text(d, find_span(d, "p", 0), "one war");
	assert_span_text(d, find_span(d, "note", 0), "aside");
	assert_span_text(d, find_span(d, "quote", 0), "PQ");
	assert_span_text(d, find_span(d, "p", 3), "six");
	td_doc_free(d);
}

/* Adjacent TEI tokens (<w>, <pc>) with no white space between them are
 * two tokens: a space parts them where the tokeniser would cut one token
 * across the edge, unless @join says they are written together; tokens it
 * cuts apart anyway (tagdex-ingest --words's "know</w><w>.") keep their
 * text, and the parts of a <w> inside a <w> are one word. */
static void test_token_edges(void **state)
{
	(void)state;
	static const char tei[] =
	        "<TEI "
	        "xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"
	        "<titleStmt><title>T</title></titleStmt><publicationStmt><p/>"
	        "</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
	        "</teiHeader><text><body>"
	        "<p><w>The</w><w>cat</w><hi><w>sat</w></hi><pc>.</pc></p>"
	        "<p><w>I</w> <w>know</w><w pos=\".\">.</w></p>"
	        "<p><w join=\"right\">can</w><w>not</w><w>do</w><w "
	        "join=\"left\">"
	        "n't</w><w><w>foot</w><w>ball</w></w><w>x</w>y</p>"
	        "</body></text></TEI>";
	td_doc *d = NULL;
	assert_int_equal(td_tei_read("w.xml", tei, sizeof tei - 1, &d), 0);
	assert_string_equal(d->text, "The cat sat.\nI know.\n"
	                             "cannot don't football xy");
	assert_span_text(d, find_span(d, "w", 1), "cat");
	assert_span_text(d, find_span(d, "hi", 0), "sat");
	assert_span_text(d, find_span(d, "w", 2), "sat");
	assert_span_text(d, find_span(d, "pc", 0), ".");
	assert_span_text(d, find_span(d, "w", 5), ".");
	assert_span_text(d, find_span(d, "w", 7), "not");
	assert_span_text(d, find_span(d, "w", 9), "n't");
	assert_span_text(d, find_span(d, "w", 10), "football");
	assert_span_text(d, find_span(d, "w", 12), "ball");
	td_tokens t = {0};
	assert_int_equal(td_tokenize(d->text, d->len, 0, &t), 0);
	/* The cat sat . I know . cannot don't football xy */
	assert_int_equal(t.n, 11);
	td_tokens_clear(&t);
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_block_edges),
	        cmocka_unit_test(test_token_edges),
	        cmocka_unit_test(test_profile),
	        cmocka_unit_test(test_corpus_file),
	        cmocka_unit_test(test_xinclude),
	        cmocka_unit_test(test_hostile),
	        cmocka_unit_test(test_external),
	        cmocka_unit_test(test_date_precedence),
	        cmocka_unit_test(test_meta_xpath),
	        cmocka_unit_test(test_actor_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
