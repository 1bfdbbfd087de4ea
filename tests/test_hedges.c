/* test_hedges.c: hedge cues, multi-word cues first, and the non-hedge uses
 * that must be left alone (May the month, deontic should, approximation
 * words without a quantity, could of past ability). */
#include "annotate_fixture.h"

static void test_cues(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
		"War looks unlikely this year.\n"
		"We should not be surprised if talks resume.\n"
		"This cannot be ruled out, and it may well happen.\n"
		"Perhaps about 30 ships took part, reportedly.");
	fx_expect(d, "seg", "looks unlikely", "subtype", "probability");
	fx_expect(d, "seg", "should not be surprised if", "type", "hedge");
	fx_expect(d, "seg", "cannot be ruled out", "subtype", "possibility");
	fx_expect(d, "seg", "may well", "subtype", "probability");
	fx_expect(d, "seg", "Perhaps", "subtype", "possibility");
	fx_expect(d, "seg", "about", "subtype", "approximation");
	fx_expect(d, "seg", "reportedly", "subtype", "attribution");
	assert_null(fx_find(d, "seg", "unlikely"));
	assert_null(fx_find(d, "seg", "may"));
	td_doc_free(d);
}

static void test_non_hedges(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
		"The talks in May 2023 were about trade.\n"
		"The allies should strengthen dialogue and must act.\n"
		"In 2019 the army could not cross the river.\n"
		"Some analysts met in May.");
	assert_int_equal(fx_count(d, "seg"), 0);
	assert_string_equal(fx_ana(d, 0), "");
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cues),
		cmocka_unit_test(test_non_hedges),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
