/* test_reported.c: reported speech found by syntax (reported.c): a verb of
 * reporting by its lemma, its subject, and the "that" or zero-"that"
 * clause it governs; and what it leaves (questions, modals, infinitives,
 * passives, the author's "I think").
 */
#include "annotate_fixture.h"

/* The lexicon holds lemmas; every inflection is found through them. */
static void test_reported_lemma(void **state)
{
	(void)state;
	assert_int_equal(td_reported_lemma(fx_ann, "say"), 1);
	assert_int_equal(td_reported_lemma(fx_ann, "conclude"), 2);
	assert_int_equal(td_reported_lemma(fx_ann, "hold"), 2);
	assert_int_equal(td_reported_lemma(fx_ann, "know"), 3);
	assert_false(td_reported_lemma(fx_ann, "walk"));
	assert_false(td_reported_lemma(fx_ann, "held"));
	/* "suggests that" is no report (tests/data/gold/README.md) */
	assert_false(td_reported_lemma(fx_ann, "suggest"));
}

/* "holds that", "knew that", "has shown that": verbs of holding a view no
 * listed form names, in any inflection, with a "that" clause and a second
 * "and that" clause */
static void test_that_clause_by_syntax(void **state)
{
	(void)state;
	const char *const paras[] = {
	        ("Professor Milton Friedman of the University of Chicago "
	         "holds that the trouble lies in fixed exchange rates, and "
	         "that a floating dollar would end it."),
	        ("Peg Dowling knew that he had heard every word.")};
	td_doc *d = fx_doc("1961-10-21", paras, 2);
	fx_expect(d, "said", "the trouble lies in fixed exchange rates", "who",
	        "#milton-friedman");
	fx_expect(d, "said", "a floating dollar would end it", "who",
	        "#milton-friedman");
	fx_expect(d, "said", "he had heard every word", "who", "#peg-dowling");
	td_doc_free(d);
}

/* A zero-"that" clause: a subject noun phrase and a finite verb right
 * after the verb ("estimate the Government this year will"); a colon
 * outside quotation marks ends it. */
static void test_zero_that_by_syntax(void **state)
{
	(void)state;
	const char *const paras[] = {
	        ("Farm economists estimate the Government this year will "
	         "hand farmers $1.4 billion in payments."),
	        ("Zoe Ann Olsen said, when she learned the team was heading "
	         "home: \"I'm just speculating.\"")};
	td_doc *d = fx_doc("1961-10-21", paras, 2);
	assert_non_null(fx_find(d, "said",
	        "the Government this year will hand farmers $1.4 billion in "
	        "payments"));
	assert_non_null(fx_find(d, "said", "the team was heading home"));
	td_doc_free(d);
}

/* No report: a question, a modal report (may, should, must), an
 * infinitive, a passive, the author's own view (verbs no listed form of
 * speech_verbs.tsv has, so that the finder by syntax is what is tested). */
static void test_reported_exclusions(void **state)
{
	(void)state;
	const char *const paras[] = {
	        ("The men left.\nWhy do the men doubt that the plan is "
	         "sound?"),
	        ("Israel may well conclude that the moment has come."),
	        ("Senator Gore refused to conclude that the critics were "
	         "mistaken."),
	        ("Senator Gore was assured that the vote was near."),
	        ("I doubt that the treaty will hold.")};
	td_doc *d = fx_doc("1961-10-21", paras, 5);
	assert_int_equal(fx_count(d, "said"), 0);
	td_doc_free(d);
}

/* A negated belief is a position held ("doesn't believe it will close");
 * a negated factive verb reports nothing ("did not learn that"). */
static void test_negated_fact(void **state)
{
	(void)state;
	const char *const paras[] = {
	        ("O. N. Moss doesn't believe it will close."),
	        ("The sheriff did not learn that the bridge was out.")};
	td_doc *d = fx_doc("1961-10-21", paras, 2);
	assert_non_null(fx_find(d, "said", "it will close"));
	assert_null(fx_find(d, "said", "the bridge was out"));
	td_doc_free(d);
}

/* A factive verb in a temporal clause is reported without @who; a
 * clause the finder reports leaves the sentence's labels as they were
 * (a forecast relayed by "estimate" is still the article's prediction);
 * "decide" (a resolution, not a view) is no reporting verb. */
static void test_adjunct_fact_and_labels(void **state)
{
	(void)state;
	const char *const paras[] = {
	        ("Farm economists estimate the Government next year will "
	         "hand farmers $1.4 billion in payments."),
	        ("Zoe Ann Olsen said, when she learned the team was heading "
	         "home: \"I'm just speculating.\"")};
	td_doc *d = fx_doc("1961-10-21", paras, 2);
	fx_expect(d, "said", "the team was heading home", "who", NULL);
	assert_non_null(fx_find(d, "said",
	        "the Government next year will hand farmers $1.4 billion in "
	        "payments"));
	assert_non_null(strstr(fx_ana(d, 0), "#prediction"));
	assert_int_equal(td_reported_lemma(fx_ann, "decide"), 0);
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_reported_lemma),
	        cmocka_unit_test(test_that_clause_by_syntax),
	        cmocka_unit_test(test_zero_that_by_syntax),
	        cmocka_unit_test(test_reported_exclusions),
	        cmocka_unit_test(test_negated_fact),
	        cmocka_unit_test(test_adjunct_fact_and_labels),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
