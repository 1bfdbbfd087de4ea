/* annotate_fixture.h: helpers for the annotator tests (test_actors.c,
 * test_quotes.c, ...): build a document by hand from paragraphs of
 * sentences (as the structure stage would), annotate it with the project's
 * lexicons, and look spans up by element, text and attribute.
 */
#ifndef ANNOTATE_FIXTURE_H
#define ANNOTATE_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pipeline.h"
#include "annotate.h"

static td_annotator *fx_ann;
/* the last annotation stage fx_doc runs (NULL: all of them) */
static const char *fx_until;
/* the front matter's genre fx_doc gives the document (NULL: none) */
static const char *fx_genre;

static __attribute__((unused)) int fx_setup(void **state)
{
	(void)state;
	return td_annotator_new(TD_SRCDIR "/corpus/lexicons", &fx_ann);
}

static __attribute__((unused)) int fx_teardown(void **state)
{
	(void)state;
	td_annotator_free(fx_ann);
	fx_ann = NULL;
	return 0;
}

/* paras: sentences separated by "\n" inside a paragraph string; the
 * paragraphs are joined with a blank line. Sentences are joined by one
 * space. Returns an annotated document. */
static __attribute__((unused)) td_doc *fx_doc(
        const char *date, const char *const *paras, size_t np)
{
	char text[8192] = "";
	size_t starts[64], ends[64], ns = 0, pstart[16], pend[16];
	for (size_t p = 0; p < np; p++) {
		if (p)
			strcat(text, "\n\n");
		pstart[p] = strlen(text);
		const char *s = paras[p];
		while (*s) {
			const char *nl = strchr(s, '\n');
			size_t n = nl ? (size_t)(nl - s) : strlen(s);
			if (strlen(text) > pstart[p])
				strcat(text, " ");
			starts[ns] = strlen(text);
			strncat(text, s, n);
			ends[ns++] = strlen(text);
			s += n + (nl ? 1 : 0);
		}
		pend[p] = strlen(text);
	}
	td_doc *d;
	assert_int_equal(td_doc_new("doc-test", text, strlen(text), &d), 0);
	if (date)
		assert_int_equal(td_meta_set(&d->meta.date, date), 0);
	if (fx_genre)
		assert_int_equal(td_meta_set(&d->meta.genre, fx_genre), 0);
	assert_int_equal(
	        td_doc_add_span(d, "body", 0, strlen(text), NULL, NULL), 0);
	for (size_t p = 0; p < np; p++)
		assert_int_equal(
		        td_doc_add_span(d, "p", pstart[p], pend[p], NULL, NULL),
		        0);
	for (size_t i = 0; i < ns; i++) {
		char id[32];
		snprintf(id, sizeof id, "doc-test-s%zu", i);
		assert_int_equal(td_doc_add_span(d, "s", starts[i], ends[i],
		                         NULL, "xml:id", id, NULL),
		        0);
	}
	td_doc_sort_spans(d);
	assert_int_equal(td_annotate_until(fx_ann, d, fx_until), 0);
	return d;
}

static __attribute__((unused)) td_doc *fx_one(
        const char *date, const char *para)
{
	return fx_doc(date, &para, 1);
}

/* The n-th span (0-based) named name whose text is text, or NULL. */
static __attribute__((unused)) const td_span *fx_find_nth(
        const td_doc *d, const char *name, const char *text, int nth)
{
	for (size_t i = 0; i < d->n_spans; i++) {
		const td_span *sp = &d->spans[i];
		if (strcmp(sp->name, name) != 0)
			continue;
		if (text && (strlen(text) != sp->end - sp->start ||
		                    memcmp(d->text + sp->start, text,
		                            sp->end - sp->start) != 0))
			continue;
		if (nth-- == 0)
			return sp;
	}
	return NULL;
}

static __attribute__((unused)) const td_span *fx_find(
        const td_doc *d, const char *name, const char *text)
{
	return fx_find_nth(d, name, text, 0);
}

static __attribute__((unused)) size_t fx_count(
        const td_doc *d, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_spans; i++)
		n += strcmp(d->spans[i].name, name) == 0;
	return n;
}

/* asserts that the nth span (0-based) named name over text exists and that
 * its attribute attr equals value (NULL: absent) */
static __attribute__((unused)) void fx_expect_nth(const td_doc *d,
        const char *name, const char *text, int nth, const char *attr,
        const char *value)
{
	const td_span *sp = fx_find_nth(d, name, text, nth);
	if (!sp)
		fail_msg("no <%s> over '%s' number %d", name, text, nth + 1);
	const char *v = td_span_attr(sp, attr);
	if (!value) {
		if (v)
			fail_msg("<%s>%s</%s> number %d has %s='%s'", name,
			        text, name, nth + 1, attr, v);
		return;
	}
	if (!v || strcmp(v, value) != 0)
		fail_msg("<%s>%s</%s> number %d: %s='%s', want '%s'", name,
		        text, name, nth + 1, attr, v ? v : "(none)", value);
}

/* asserts that span exists and attribute attr equals value (NULL: absent) */
static __attribute__((unused)) void fx_expect(const td_doc *d, const char *name,
        const char *text, const char *attr, const char *value)
{
	fx_expect_nth(d, name, text, 0, attr, value);
}

/* asserts fx_expect_nth for each of the first n spans named name over text */
static __attribute__((unused)) void fx_expect_each(const td_doc *d,
        const char *name, const char *text, int n, const char *attr,
        const char *value)
{
	for (int k = 0; k < n; k++)
		fx_expect_nth(d, name, text, k, attr, value);
}

/* the ana of sentence i (or "" when none) */
static __attribute__((unused)) const char *fx_ana(const td_doc *d, int i)
{
	char id[32];
	snprintf(id, sizeof id, "doc-test-s%d", i);
	for (size_t k = 0; k < d->n_spans; k++)
		if (strcmp(d->spans[k].name, "s") == 0) {
			const char *v = td_span_attr(&d->spans[k], "xml:id");
			if (v && strcmp(v, id) == 0) {
				const char *a =
				        td_span_attr(&d->spans[k], "ana");
				return a ? a : "";
			}
		}
	return NULL;
}

#endif
