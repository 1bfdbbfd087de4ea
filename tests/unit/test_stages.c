/* test_stages.c: the annotation as a one-way chain of stages (issue 19):
 * the stage table names every stage with what it reads and writes, and a
 * document annotated only up to a stage has what that stage and those
 * before it write and nothing of the later ones. */
#include "annotate_fixture.h"

static const char *const text[] = {
        "\"We will probably sign the treaty,\" said Foreign Minister Amara "
        "Diallo of Guinea-Bissau on Monday.\n"
        "Diallo added that the talks could end in 2031."};

static size_t count(const td_doc *d, const char *name, const char *attr)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_spans; i++)
		n += strcmp(d->spans[i].name, name) == 0 &&
		     (!attr || td_span_attr(&d->spans[i], attr));
	return n;
}

static void test_table(void **state)
{
	(void)state;
	size_t n;
	const td_stage *st = td_annotate_stages(&n);
	assert_true(n >= 6);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(st[i].name);
		assert_non_null(st[i].run);
		assert_true(st[i].reads && st[i].reads[0]);
		assert_true(st[i].writes && st[i].writes[0]);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(st[i].name, st[j].name);
	}
	td_doc *d;
	assert_int_equal(td_doc_new("doc-x", "A b.", 4, &d), 0);
	assert_int_equal(
	        td_annotate_until(fx_ann, d, "no-such-stage"), TD_EUSAGE);
	td_doc_free(d);
}

static void test_chain(void **state)
{
	(void)state;
	/* quotes alone: found in memory, no span yet; no names, hedges or
	 * labels */
	fx_until = "quotes";
	td_doc *d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "q", NULL), 0);
	assert_int_equal(count(d, "persName", NULL), 0);
	assert_int_equal(count(d, "seg", NULL), 0);
	assert_int_equal(count(d, "s", "ana"), 0);
	td_doc_free(d);
	/* up to actors: the names, still no quote span */
	fx_until = "actors";
	d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "persName", NULL), 2);
	assert_int_equal(count(d, "q", NULL), 0);
	assert_int_equal(count(d, "said", NULL), 0);
	td_doc_free(d);
	/* up to the speakers: the quote's who and the reported speech */
	fx_until = "speakers";
	d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "q", "who"), 1);
	assert_int_equal(count(d, "said", NULL), 1);
	assert_int_equal(count(d, "seg", NULL), 0);
	td_doc_free(d);
	/* up to the hedges: the cues, no sentence labels yet */
	fx_until = "hedges";
	d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "seg", "type"), 2);
	assert_int_equal(count(d, "s", "ana"), 0);
	td_doc_free(d);
	/* all: labels written */
	fx_until = NULL;
	d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "s", "ana"), 2);
	td_doc_free(d);
}

/* The pos stage runs first: every token has its part of speech before
 * the names are sought, and the index's layers take the document's tags
 * instead of tagging it again (a tag changed after the annotation shows
 * up in the layer). */
static void test_pos_first_and_once(void **state)
{
	(void)state;
	size_t n;
	const td_stage *st = td_annotate_stages(&n);
	assert_string_equal(st[0].name, "pos");
	fx_until = "pos";
	td_doc *d = fx_doc("2025-02-12", text, 1);
	assert_non_null(d->pos_tags);
	assert_non_null(d->tokens);
	assert_int_equal(count(d, "persName", NULL), 0);
	td_words *w;
	assert_int_equal(
	        td_words_new(TD_SRCDIR "/corpus/models/pos.model", &w), 0);
	/* token 1 is "We" (after the opening mark); say it is tagged NN */
	size_t we = 1;
	assert_int_equal(memcmp(d->text + d->tokens->v[we].start, "We", 2), 0);
	assert_string_equal(td_words_tag_name(w, d->pos_tags[we]), "PRP");
	unsigned nn = 0;
	while (strcmp(td_words_tag_name(w, nn), "NN"))
		nn++;
	d->pos_tags[we] = (uint8_t)nn;
	assert_int_equal(td_words_layers(w, d), 0);
	assert_string_equal(td_toklayers_pos(d->layers, we), "NN");
	td_words_free(w);
	td_doc_free(d);
	fx_until = NULL;
}

/* A stage's unload frees what its load loaded (valgrind and ASan see a
 * leak) and leaves the annotator as before the load: each stage loaded
 * alone into an empty annotator and unloaded is all zeros again, but for
 * the word table the stages share (annotate.c's). */
static void test_load_unload(void **state)
{
	(void)state;
	size_t n, loaded = 0;
	const td_stage *st = td_annotate_stages(&n);
	static const td_annotator zero;
	for (size_t i = 0; i < n; i++) {
		if (!st[i].load)
			continue;
		td_annotator *a = calloc(1, sizeof *a);
		assert_non_null(a);
		int rc = st[i].load(a, TD_SRCDIR "/corpus/lexicons");
		if (rc)
			fail_msg("%s: %s", st[i].name, td_error_last());
		loaded++;
		if (st[i].unload)
			st[i].unload(a);
		free(a->reg);
		a->reg = NULL;
		a->n_reg = a->cap_reg = 0;
		if (memcmp(a, &zero, sizeof *a))
			fail_msg("%s: unload leaves what load set", st[i].name);
		free(a);
	}
	assert_true(loaded >= 4);
	td_annotator *a = calloc(1, sizeof *a);
	assert_non_null(a);
	assert_int_equal(td_shared_load(a, TD_SRCDIR "/corpus/lexicons"), 0);
	td_shared_unload(a);
	assert_int_equal(memcmp(a, &zero, sizeof *a), 0);
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_table),
	        cmocka_unit_test(test_chain),
	        cmocka_unit_test(test_pos_first_and_once),
	        cmocka_unit_test(test_load_unload),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
