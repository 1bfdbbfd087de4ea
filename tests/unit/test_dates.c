/* test_dates.c: time expressions in predictions, resolved against the
 * publication date. */
#include "annotate_fixture.h"

static void test_relative(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
	        "Tensions will rise this year and next month.\n"
	        "Elections in November will matter, as will talks in 2026 and "
	        "by 2030.\n"
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
	td_doc *d = fx_one(
	        "2024-12-20", "Talks will resume in March and next month.");
	fx_expect(d, "date", "March", "when", "2025-03");
	fx_expect(d, "date", "next month", "when", "2025-01");
	td_doc_free(d);
	d = fx_one(NULL, "Talks will resume this year.");
	assert_int_equal(fx_count(d, "date"), 0);
	td_doc_free(d);
}

/* A table of expressions with answers worked out by hand from the rules in
 * dates.c's header and docs/annotation.md: month names are the next such
 * month on or after the publication date (the publication month itself is
 * this year's), "last" the most recent one before it; a day the month does
 * not have leaves the day out. Every attribute not given must be absent. */
static const struct {
	const char *pub, *sent, *text, *when, *not_before, *not_after;
} date_table[] = {
        {"2024-01-19", "Talks will resume on 15 January.", "15 January",
                "2024-01-15", NULL, NULL},
        {"2024-01-19", "Talks will resume on January 15.", "January 15",
                "2024-01-15", NULL, NULL},
        {"2024-01-19", "Talks will resume in January.", "January", "2024-01",
                NULL, NULL},
        {"2024-01-19", "The talks will build on last November.", "November",
                "2023-11", NULL, NULL},
        {"2024-01-19", "The talks will build on last January.", "January",
                "2023-01", NULL, NULL},
        {"2024-01-19", "Talks will resume in December.", "December", "2024-12",
                NULL, NULL},
        {"2024-12-20", "Talks will resume in January.", "January", "2025-01",
                NULL, NULL},
        {"2024-12-20", "Talks will resume next month.", "next month", "2025-01",
                NULL, NULL},
        {"2024-12-20", "Talks will resume this month.", "this month", NULL,
                "2024-12-20", "2024-12-31"},
        {"2024-02-10", "Talks will end this month.", "this month", NULL,
                "2024-02-10", "2024-02-29"},
        {"2023-02-10", "Talks will end this month.", "this month", NULL,
                "2023-02-10", "2023-02-28"},
        {"2024-01-19", "Talks will resume on 29 February.", "29 February",
                "2024-02-29", NULL, NULL},
        {"2025-01-19", "Talks will resume on 29 February.", "29 February",
                "2025-02", NULL, NULL},
        {"2024-01-19", "Talks will resume on 12 May 2026.", "12 May 2026",
                "2026-05-12", NULL, NULL},
        {"2024-01-19", "Talks will resume this year.", "this year", NULL,
                "2024-01-19", "2024-12-31"},
        {"2024-01-19", "Talks will resume next year.", "next year", "2025",
                NULL, NULL},
        {"2024-01-19", "Talks will resume in 2026.", "2026", "2026", NULL,
                NULL},
        {"2024-01-19", "Talks will resume by 2030.", "2030", NULL, NULL,
                "2030"},
};

static void test_date_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof date_table / sizeof date_table[0]; i++) {
		td_doc *d = fx_one(date_table[i].pub, date_table[i].sent);
		if (fx_count(d, "date") != 1)
			fail_msg("%s (%s): %zu dates, want 1",
			        date_table[i].sent, date_table[i].pub,
			        fx_count(d, "date"));
		fx_expect(d, "date", date_table[i].text, "when",
		        date_table[i].when);
		fx_expect(d, "date", date_table[i].text, "notBefore",
		        date_table[i].not_before);
		fx_expect(d, "date", date_table[i].text, "notAfter",
		        date_table[i].not_after);
		td_doc_free(d);
	}
}

/* A date inside a prediction that ends before the publication date is
 * no horizon (issue 13): @type "past"; the others "horizon". */
static void test_past_and_horizon(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "Rates will not rise as abruptly as in 1958, and growth will "
	        "return by 1962.\n"
	        "Talks will resume this year, as they did last May.");
	fx_expect(d, "date", "1958", "type", "past");
	fx_expect(d, "date", "1962", "type", "horizon");
	fx_expect(d, "date", "this year", "type", "horizon");
	fx_expect(d, "date", "May", "type", "past");
	fx_expect(d, "date", "May", "when", "1961-05");
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_relative),
	        cmocka_unit_test(test_year_rollover),
	        cmocka_unit_test(test_date_table),
	        cmocka_unit_test(test_past_and_horizon),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
