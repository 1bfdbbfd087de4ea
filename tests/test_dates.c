/* test_dates.c: time expressions in predictions, resolved against the
 * publication date. */
#include "annotate_fixture.h"

static void test_relative(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
		"Tensions will rise this year and next month.\n"
		"Elections in November will matter, as will talks in 2026 and by 2030.\n"
		"Talks will resume in the coming months.\n"
		"The meeting took place this year.");
	fx_expect(d, "date", "this year", "notBefore", "2024-01-19");
	fx_expect(d, "date", "this year", "notAfter", "2024-12-31");
	fx_expect(d, "date", "next month", "when", "2024-02");
	fx_expect(d, "date", "November", "when", "2024-11");
	fx_expect(d, "date", "2026", "when", "2026");
	fx_expect(d, "date", "2030", "notAfter", "2030");
	fx_expect(d, "date", "the coming months", "notBefore", "2024-01-19");
	/* only inside predictions */
	assert_null(fx_find_nth(d, "date", "this year", 1));
	td_doc_free(d);
}

static void test_year_rollover(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-12-20",
		"Talks will resume in March and next month.");
	fx_expect(d, "date", "March", "when", "2025-03");
	fx_expect(d, "date", "next month", "when", "2025-01");
	td_doc_free(d);
	d = fx_one(NULL, "Talks will resume this year.");
	assert_int_equal(fx_count(d, "date"), 0);
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_year_rollover),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
