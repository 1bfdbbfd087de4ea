/* test_labels.c: the sentence labels #prediction, #hedged and #claim. */
#include "annotate_fixture.h"

static int has(const char *ana, const char *v)
{
	return ana && strstr(ana, v) != NULL;
}

static void test_labels(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
		"North Korea will probably escalate its provocations.\n"
		"The two ministers met on Tuesday in Seoul.\n"
		"The US and its allies should continue to fulfil their pledges.\n"
		"Kim Jong Un warned that North Korea would destroy its enemies.\n"
		"Sanctions are likely to tighten in the coming months.\n"
		"The policy reflects a dangerous shift.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 0), "#hedged"));
	assert_string_equal(fx_ana(d, 1), "");
	assert_true(has(fx_ana(d, 2), "#claim"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	/* an actor's threat is not the author's prediction */
	assert_false(has(fx_ana(d, 3), "#prediction"));
	assert_true(has(fx_ana(d, 3), "#claim"));
	assert_true(has(fx_ana(d, 4), "#prediction"));
	assert_true(has(fx_ana(d, 4), "#hedged"));
	assert_true(has(fx_ana(d, 5), "#claim"));
	assert_false(has(fx_ana(d, 5), "#hedged"));
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
