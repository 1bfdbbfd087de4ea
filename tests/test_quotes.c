/* test_quotes.c: quote marks (curly, straight, single, double), apostrophes,
 * quotes over several sentences, attribution and reported speech. */
#include "annotate_fixture.h"

static void test_marks_and_apostrophes(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
		"Korea’s leaders and the states’ envoys, who don’t agree, called it ‘hostile’.\n"
		"In the ’90s he said \"never again\" and 'no deal'.\n"
		"The minister called the plan “a farce”.");
	fx_expect(d, "q", "hostile", "who", NULL);
	assert_non_null(fx_find(d, "q", "never again"));
	assert_non_null(fx_find(d, "q", "no deal"));
	assert_non_null(fx_find(d, "q", "a farce"));
	assert_int_equal(fx_count(d, "q"), 4);
	td_doc_free(d);
}

static void test_attribution(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
		"Kim Jong Un warned that North Korea would ‘totally destroy’ its enemies.\n"
		"‘We are ready,’ said Vladimir Putin, and Xi Jinping called for ‘calm’.\n"
		"He later insisted on ‘restraint’.");
	fx_expect(d, "q", "totally destroy", "who", "#kim-jong-un");
	fx_expect(d, "q", "We are ready,", "who", "#vladimir-putin");
	fx_expect(d, "q", "calm", "who", "#xi-jinping");
	/* a pronoun resolves to the person named before */
	fx_expect(d, "q", "restraint", "who", "#xi-jinping");
	fx_expect(d, "said", "North Korea would ‘totally destroy’ its enemies", "who",
		"#kim-jong-un");
	fx_expect(d, "said", "North Korea would ‘totally destroy’ its enemies", "direct",
		"false");
	td_doc_free(d);
}

static void test_multi_sentence_quote(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
		"Putin said: “We will win.\nNobody can stop us.”\nThe West disagreed.");
	const td_span *a = fx_find(d, "q", "We will win.");
	const td_span *b = fx_find(d, "q", "Nobody can stop us.");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(td_span_attr(a, "next"));
	assert_non_null(td_span_attr(b, "prev"));
	assert_string_equal(td_span_attr(a, "next") + 1, td_span_attr(b, "xml:id"));
	assert_string_equal(td_span_attr(b, "who"), "#vladimir-putin");
	/* the author's sentence after the quote is not the speaker's */
	const char *ana = fx_ana(d, 2);
	assert_non_null(ana);
	td_doc_free(d);
}

static void test_reported_clauses(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
		"Although Chinese officials have maintained that China seeks peace, nothing changed.\n"
		"Its spokesperson, Aissata Kone-Traore, insisted that the alliance was ‘irreversible’ and that talks would resume.");
	/* a group is a speaker too (its key is the slug of its words) */
	fx_expect(d, "said", "China seeks peace", "who", "#chinese-officials");
	assert_non_null(fx_find(d, "said", "the alliance was ‘irreversible’"));
	assert_non_null(fx_find(d, "said", "talks would resume"));
	td_doc_free(d);
}

static void test_unbalanced_marks(void **state)
{
	(void)state;
	/* hostile input: stray marks never produce crossing or empty spans */
	td_doc *d = fx_one("2024-01-19",
		"“ ’ ‘ \" ' ”\n‘unclosed and “mixed’ marks”.\n'' \"\" “”");
	for (size_t i = 0; i < d->n_spans; i++)
		if (strcmp(d->spans[i].name, "q") == 0)
			assert_true(d->spans[i].start < d->spans[i].end);
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_and_apostrophes),
		cmocka_unit_test(test_attribution),
		cmocka_unit_test(test_multi_sentence_quote),
		cmocka_unit_test(test_reported_clauses),
		cmocka_unit_test(test_unbalanced_marks),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
