/* test_html_equiv.c: each sample page tests/data/html/NAME.html and its
 * plain-text twin NAME.txt (the same article in the corpus text layout)
 * must give the same TEI <body>: the same sentences and every annotation.
 * The HTML TEI must carry the page's URL and extraction note in its header
 * and validate against tei_all.rng (with jing, when both are available).
 */
#include "config.h"
#include "structure.h"
#include "pipeline.h"
#include "tei.h"
#include "util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DATA TD_SRCDIR "/tests/data/html/"
#define OUTDIR TD_BUILDDIR "/tests/html-tei"
#ifndef TD_JING
#define TD_JING ""
#endif
#define SCHEMA TD_SHARED "/schema/tei_all.rng"

/* A skipped test makes the program exit 77 (automake's SKIP), so that the
 * summary counts it instead of a PASS. */
static int tests_skipped;
#define skip_test()                                                            \
	do {                                                                   \
		tests_skipped = 1;                                             \
		skip();                                                        \
	} while (0)

static const char *const samples[] = {
        "kim-rhetoric", "taiwan-drills", "jeddah-truce", "ecowas-broken"};
#define NSAMPLES (sizeof samples / sizeof *samples)

static td_pipeline *pipe_;

static int setup(void **state)
{
	(void)state;
	if (td_pipeline_new(TD_SRCDIR "/corpus/lexicons", 0, &pipe_)) {
		fprintf(stderr, "lexicons: %s\n", td_error_last());
		return -1;
	}
	mkdir(TD_BUILDDIR "/tests", 0777);
	mkdir(OUTDIR, 0777);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	td_pipeline_free(pipe_);
	return 0;
}

static td_doc *load(const char *path)
{
	char *data = NULL;
	size_t len = 0;
	td_doc *d = NULL;
	if (td_read_file(path, &data, &len))
		fail_msg("%s", td_error_last());
	int rc = td_pipeline_doc(pipe_, path, data, len, &d);
	if (rc)
		fail_msg("%s: %s", path, td_error_last());
	free(data);
	return d;
}

/* The twin again, given the page's date: a text file can only carry a
 * date in a metadata line, and a page may have it only in its markup. */
static td_doc *load_with_date(
        const char *path, const char *id, const char *date)
{
	char *data = NULL;
	size_t len = 0;
	td_blocks b;
	td_doc *d = NULL;
	assert_int_equal(td_read_file(path, &data, &len), 0);
	assert_int_equal(td_text_read(path, data, len, 0, &b), 0);
	assert_int_equal(td_meta_set(&b.meta.date, date), 0);
	assert_int_equal(td_structure_build(&b, pipe_->structure, id, &d), 0);
	assert_int_equal(td_annotate(pipe_->annotator, d), 0);
	td_blocks_clear(&b);
	free(data);
	return d;
}

/* The <body> element of TEI xml, with white space between two tags made
 * one space (it is layout, not text). */
static char *body_of(const char *xml)
{
	const char *a = strstr(xml, "<body");
	const char *z = strstr(xml, "</body>");
	assert_non_null(a);
	assert_non_null(z);
	char *out = malloc((size_t)(z - a) + 8);
	assert_non_null(out);
	size_t o = 0;
	for (const char *s = a; s < z; s++) {
		if (*s == '>' && s + 1 < z && strchr(" \t\n", s[1])) {
			const char *t = s + 1;
			while (t < z && strchr(" \t\n", *t))
				t++;
			if (t < z && *t == '<') {
				out[o++] = '>';
				out[o++] = ' ';
				s = t - 1;
				continue;
			}
		}
		out[o++] = *s;
	}
	out[o] = '\0';
	return out;
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p++)
		n++;
	return n;
}

static char *tei_of(const td_doc *d)
{
	char *xml = NULL;
	size_t len = 0;
	if (td_tei_write_mem(d, &xml, &len))
		fail_msg("TEI: %s", td_error_last());
	return xml;
}

static void check_sample(const char *name)
{
	char hp[1024], tp[1024], op[1024];
	snprintf(hp, sizeof hp, DATA "%s.html", name);
	snprintf(tp, sizeof tp, DATA "%s.txt", name);
	td_doc *h = load(hp), *t = load(tp);
	assert_string_equal(h->id, t->id);
	assert_non_null(h->meta.date);
	if (t->meta.date) {
		assert_string_equal(h->meta.date, t->meta.date);
	} else {
		td_doc_free(t);
		t = load_with_date(tp, h->id, h->meta.date);
	}
	if (!h->meta.url || !h->meta.extraction)
		fail_msg("%s: no URL or extraction note in the header", name);
	assert_string_equal(h->meta.title, t->meta.title);
	char *hx = tei_of(h), *tx = tei_of(t);
	char *hb = body_of(hx), *tb = body_of(tx);
	/* The comparison means something only when there is a body. */
	assert_true(count(tb, "<s ") >= 10);
	assert_true(count(tb, "Name ") + count(tb, "<rs ") >= 3);
	if (strcmp(hb, tb) != 0) {
		size_t i = 0;
		while (hb[i] && hb[i] == tb[i])
			i++;
		size_t from = i > 120 ? i - 120 : 0;
		fail_msg("%s: bodies differ at byte %zu:\nhtml: %.240s\ntext: "
		         "%.240s",
		        name, i, hb + from, tb + from);
	}
	assert_non_null(strstr(hx, h->meta.url));
	assert_non_null(strstr(hx, "type=\"extraction\""));
	snprintf(op, sizeof op, OUTDIR "/%s.xml", name);
	FILE *f = fopen(op, "w");
	assert_non_null(f);
	fputs(hx, f);
	assert_int_equal(fclose(f), 0);
	free(hb);
	free(tb);
	free(hx);
	free(tx);
	td_doc_free(h);
	td_doc_free(t);
}

static void test_samples_equal_twins(void **state)
{
	(void)state;
	for (size_t i = 0; i < NSAMPLES; i++)
		check_sample(samples[i]);
}

/* The TEI of every sample validates against tei_all.rng. */
static void test_samples_validate(void **state)
{
	(void)state;
	if (!TD_JING[0] || access(SCHEMA, R_OK) != 0) {
		/* CI (scripts/test.sh) requires jing: missing is a failure */
		if (getenv("TD_REQUIRE_TOOLS"))
			fail_msg("jing or %s missing", SCHEMA);
		skip_test();
	}
	char cmd[8192];
	int n = snprintf(cmd, sizeof cmd, "'%s' '%s'", TD_JING, SCHEMA);
	for (size_t i = 0; i < NSAMPLES; i++) {
		char op[1024];
		snprintf(op, sizeof op, OUTDIR "/%s.xml", samples[i]);
		if (access(op, R_OK) != 0)
			check_sample(samples[i]);
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, " '%s'", op);
	}
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_samples_equal_twins),
	        cmocka_unit_test(test_samples_validate),
	};
	int rc = cmocka_run_group_tests(tests, setup, teardown);
	return rc ? rc : tests_skipped ? 77 : 0;
}
