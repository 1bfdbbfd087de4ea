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
	fx_expect(d, "seg", "should not be surprised if", "subtype",
	        "probability");
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

/* negation and degree stay outside the cue; look is a cue only as a link
 * verb; a modal in an indirect question or of past ability is none */
static void test_cue_extent(void **state)
{
	(void)state;
	td_doc *d = fx_one("2024-01-19",
	        "A return to the old limits is not likely.\n"
	        "It makes a new war less likely.\n"
	        "The first option looks tempting.\n"
	        "Officials look at the map and take a closer look.\n"
	        "The question is whether Iran may keep enriching.\n"
	        "Whilst Kim last met Xi in 2019, the meetings could lead to a "
	        "summit.\n"
	        "It is not known if nearly 30 or around 40 ships sailed.");
	fx_expect(d, "seg", "likely", "subtype", "probability");
	assert_null(fx_find(d, "seg", "not likely"));
	assert_null(fx_find(d, "seg", "less likely"));
	assert_non_null(fx_find_nth(d, "seg", "likely", 1));
	fx_expect(d, "seg", "looks", "subtype", "appearance");
	assert_null(fx_find(d, "seg", "look"));
	assert_null(fx_find(d, "seg", "may"));
	fx_expect(d, "seg", "could", "subtype", "possibility");
	assert_null(fx_find(d, "seg", "It is not known"));
	assert_null(fx_find(d, "seg", "nearly"));
	assert_null(fx_find(d, "seg", "around"));
	assert_int_equal(fx_count(d, "seg"), 4);
	assert_null(strstr(fx_ana(d, 3), "#hedged"));
	td_doc_free(d);
}

/* a hedge inside a quote is a hedge item, so its sentence is #hedged */
static void test_quoted_hedge(void **state)
{
	(void)state;
	td_doc *d =
	        fx_one("2024-01-19", "Kim said: “The talks may well fail.”");
	fx_expect(d, "seg", "may well", "subtype", "probability");
	assert_non_null(strstr(fx_ana(d, 0), "#hedged"));
	td_doc_free(d);
}

/* "could" of past ability: a month and year, or a past month after a
 * past-tense verb, dates the clause; a reported clause keeps its own time */
static void test_past_anchor_scope(void **state)
{
	(void)state;
	td_doc *d = fx_one("2025-10-14",
	        "In January 2020, the two sides could agree on a deal.\n"
	        "Beijing learned in April that it could outlast the tariffs.\n"
	        "Tariffs could rise again in March.\n"
	        "US officials warned last week a ban could disrupt supplies.");
	assert_null(strstr(fx_ana(d, 0), "#hedged"));
	assert_null(strstr(fx_ana(d, 1), "#hedged"));
	assert_non_null(strstr(fx_ana(d, 2), "#hedged"));
	assert_non_null(strstr(fx_ana(d, 3), "#hedged"));
	assert_non_null(fx_find_nth(d, "seg", "could", 1));
	assert_null(fx_find_nth(d, "seg", "could", 2));
	td_doc_free(d);
}

static void test_personal_passive(void **state)
{
	(void)state;
	td_doc *d = fx_one("2026-03-12",
	        "The minister is thought to favour a delay.\n"
	        "Both plans were thought to be costly.\n"
	        "The issue is thought through carefully.");
	/* "X is thought to": the cue is "is thought", "to" stays outside */
	fx_expect(d, "seg", "is thought", "subtype", "attribution");
	fx_expect(d, "seg", "were thought", "subtype", "attribution");
	assert_null(fx_find(d, "seg", "is thought to"));
	assert_int_equal(fx_count(d, "seg"), 2);
	assert_null(strstr(fx_ana(d, 2), "#hedged"));
	td_doc_free(d);
}

/* The cue list of docs/annotation.md with its subtypes, one sentence each:
 * exactly one seg over the cue, with the subtype the profile gives. */
static void test_subtype_table(void **state)
{
	(void)state;
	static const struct {
		const char *sent, *cue, *subtype;
	} t[] = {
	        {"Rain is likely.", "likely", "probability"},
	        {"Rain is unlikely.", "unlikely", "probability"},
	        {"It will probably rain.", "probably", "probability"},
	        {"It will possibly rain.", "possibly", "probability"},
	        {"It may well rain.", "may well", "probability"},
	        {"It may rain.", "may", "possibility"},
	        {"It might rain.", "might", "possibility"},
	        {"It could rain.", "could", "possibility"},
	        {"Perhaps it rains.", "Perhaps", "possibility"},
	        {"Rain cannot be ruled out.", "cannot be ruled out",
	                "possibility"},
	        {"It appears calm.", "appears", "appearance"},
	        {"It seems calm.", "seems", "appearance"},
	        {"It looks calm.", "looks", "appearance"},
	        {"The data suggests calm.", "suggests", "appearance"},
	        {"About 30 ships sailed.", "About", "approximation"},
	        {"Roughly 30 ships sailed.", "Roughly", "approximation"},
	        {"Some 30 ships sailed.", "Some", "approximation"},
	        {"It is thought that rain comes.", "It is thought",
	                "attribution"},
	        {"Rain reportedly came.", "reportedly", "attribution"},
	        {"Rain is thought to come.", "is thought", "attribution"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		td_doc *d = fx_one("2024-01-19", t[i].sent);
		if (fx_count(d, "seg") != 1)
			fail_msg("%s: %zu segs, want 1", t[i].sent,
			        fx_count(d, "seg"));
		fx_expect(d, "seg", t[i].cue, "type", "hedge");
		fx_expect(d, "seg", t[i].cue, "subtype", t[i].subtype);
		td_doc_free(d);
	}
}

/* Passive reporting and evidential cues (annotation.md, issue 13): the
 * auxiliary, the participle and "to" are one cue; reputedly, apparently;
 * a reduced relative "presumed to". Not hedges: "could have done" (an
 * option not taken), "about" after a word that governs it, seem/appear
 * under a causative or volitional verb, "look upon". */
static void test_passive_reporting(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-04-20",
	        "Global demand is expected to rise.\n"
	        "The infield can't be expected to improve.\n"
	        "At least 20 Americans were reported to have been arrested.\n"
	        "More than 1,000 were said to be held, and the envoy was "
	        "rumoured to leave.\n"
	        "A man presumed to be Russian came, and the deal was "
	        "rumoured.\n"
	        "Reputedly it could outrun destroyers, and apparently it did.");
	fx_expect(d, "seg", "is expected to", "subtype", "attribution");
	fx_expect(d, "seg", "be expected to", "subtype", "attribution");
	fx_expect(d, "seg", "were reported to", "subtype", "attribution");
	fx_expect(d, "seg", "were said to", "subtype", "attribution");
	fx_expect(d, "seg", "was rumoured to", "subtype", "attribution");
	fx_expect(d, "seg", "presumed to", "subtype", "attribution");
	fx_expect(d, "seg", "was rumoured", "subtype", "attribution");
	fx_expect(d, "seg", "Reputedly", "subtype", "attribution");
	fx_expect(d, "seg", "apparently", "subtype", "appearance");
	const char *ana = fx_ana(d, 0);
	assert_non_null(strstr(ana, "#hedged"));
	td_doc_free(d);
	d = fx_one("1961-11-10",
	        "It could have abandoned further testing.\n"
	        "He did not know what would be done about two charges.\n"
	        "They tried to make the information seem of little value.\n"
	        "I don't wish to appear happy, and it would make it appear "
	        "reasonable.\n"
	        "They look upon it as a variant of the cold war.");
	assert_int_equal(fx_count(d, "seg"), 0);
	td_doc_free(d);
}

/* Session 10 (issue 13): modals that hedge nothing (an elliptical
 * modal, "could" + adverb + "have", "might have" after a condition with
 * "had", an indirect question with "if"), "appeared in" of performing,
 * the noun "look", "look from"; "about double" approximates. */
static void test_session10_non_hedges(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-11-10",
	        "I put the question as pointedly as I could directly to the "
	        "general.\n"
	        "His action could hardly have miscarried more obviously.\n"
	        "Had they been truly ruthless, the Belgians might have "
	        "exploited the colony.\n"
	        "The lawyers demanded to know if they could make the case.\n"
	        "She has appeared in live television and on Broadway.\n"
	        "She is a personification of the individual look so important "
	        "this season.\n"
	        "It is the way things look from here at this point.");
	assert_int_equal(fx_count(d, "seg"), 0);
	td_doc_free(d);
	d = fx_one("1961-11-10",
	        "Payments will reach about double the sum of 1960.\n"
	        "The lawyers could once again use the argument.\n"
	        "Some officials may have altered history.\n"
	        "The plan appeared to fail.");
	fx_expect(d, "seg", "about", "subtype", "approximation");
	fx_expect(d, "seg", "could", "subtype", "possibility");
	fx_expect(d, "seg", "may", "subtype", "possibility");
	fx_expect(d, "seg", "appeared", "subtype", "appearance");
	td_doc_free(d);
}

/* Session 10 (issue 13): a passive reporting participle + "to" whose
 * auxiliary is not next to it (an adverb between, a reduced relative) is
 * an attribution cue; the active past and the perfect are not. */
static void test_passive_participle(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-11-10",
	        "Now he is apparently expected to give up his evenings.\n"
	        "With cash receipts expected to be slightly above 1960, income "
	        "rose.");
	fx_expect(d, "seg", "apparently", "subtype", "appearance");
	assert_int_equal(fx_count(d, "seg"), 3);
	td_doc_free(d);
	d = fx_one("1961-11-10", "They expected to win the pennant.\n"
	                         "He had expected to win the pennant.");
	assert_int_equal(fx_count(d, "seg"), 0);
	td_doc_free(d);
}

/* Session 11: "could" in a past narration (the author's words have a
 * past-tense verb, pos VBD, and no present one or other modal) is past
 * ability, no hedge; a reported clause is dated by its own words, a
 * fronted clause and a relative clause between commas date nothing. */
static void test_could_past_narration(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "But the bank could not sell even 10 shares, and it refused "
	        "the offer.\n"
	        "He stiffened, but he could not find the words.");
	assert_int_equal(fx_count(d, "seg"), 0);
	td_doc_free(d);
	d = fx_one("2025-10-14",
	        "Purchases, which fell to zero this autumn, could resume "
	        "later.\n"
	        "The ministry warned a new designation could disrupt food "
	        "imports.\n"
	        "Whilst Kim met Xi, the meetings could lead to a summit.\n"
	        "\"We could go tomorrow,\" he said.\n"
	        "The rate could rise, analysts say.");
	assert_int_equal(fx_count(d, "seg"), 5);
	td_doc_free(d);
}

/* Session 16: fiction's "could" of perception ("He could hear nothing but
 * the river") hedges nothing, nor "looked" before a manner adverb and a
 * particle or before "past" or an object ("looked sharply at him",
 * "looked past him", "looked him over"); a spelled number is a quantity
 * ("about forty dollars"). "Investors could see higher rates" stays a
 * hedge, as does "looked genuinely surprised". */
static void test_fiction_non_hedges(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-08-05",
	        "He could hear nothing but the river.\n"
	        "Through the window she could not see Frank.\n"
	        "McKittrick looked past him at the street.\n"
	        "Reese looked sharply at the rider.\n"
	        "The old man looked him over.");
	assert_int_equal(fx_count(d, "seg"), 0);
	td_doc_free(d);
	d = fx_one("1961-08-05",
	        "It was a matter of about forty dollars.\n"
	        "He rode some forty-five miles.\n"
	        "Investors could see higher rates in the spring.\n"
	        "The sheriff looked genuinely surprised.");
	fx_expect(d, "seg", "about", "subtype", "approximation");
	fx_expect(d, "seg", "could", "subtype", "possibility");
	fx_expect(d, "seg", "looked", "subtype", "appearance");
	fx_expect(d, "seg", "some", "subtype", "approximation");
	assert_int_equal(fx_count(d, "seg"), 4);
	td_doc_free(d);
}

/* Session 16: "suggested", as "suggests" and "suggest", is a verb of
 * appearance in learned prose ("It has been suggested that ...", "Mildred
 * Ashworth has suggested a different explanation"), not as a participle
 * after a determiner ("Your suggested solution"). */
static void test_suggested(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-16",
	        "It has been suggested that the credits were refused.\n"
	        "Mildred Ashworth has suggested a different explanation.\n"
	        "Your suggested solution is grossly oversimplified.");
	fx_expect(d, "seg", "suggested", "subtype", "appearance");
	assert_int_equal(fx_count(d, "seg"), 2);
	td_doc_free(d);
}

/* Session 18 (helper b): a verb of appearance + "probable" is one
 * probability cue, as + "likely" is. */
static void test_appearance_probable(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-16",
	        "A second vote looks probable before the recess.\n"
	        "An early frost seemed improbable to the growers.");
	fx_expect(d, "seg", "looks probable", "subtype", "probability");
	fx_expect(d, "seg", "seemed improbable", "subtype", "probability");
	assert_int_equal(fx_count(d, "seg"), 2);
	td_doc_free(d);
}

/* Session 18 (helper b): "seeming" before a noun is an appearance cue,
 * an inflection of "seem". */
static void test_seeming(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-16",
	        "The board was hurt by its seeming indifference to the "
	        "tenants.");
	fx_expect(d, "seg", "seeming", "subtype", "appearance");
	assert_int_equal(fx_count(d, "seg"), 1);
	td_doc_free(d);
}

/* Session 19 (helper b): "look" before here/there/ye/who/what is the
 * imperative of sight ("Look here", "look who's here"), no link verb of
 * appearance; "looks tired" stays a cue. */
static void test_look_imperative(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-16",
	        "\"Look here,\" said the landlady, \"are you talking about "
	        "my doors?\"\n"
	        "\"Look ye; the ship is sound.\"\n"
	        "\"Well, look who's here,\" he said.\n"
	        "Look what the storm did to the barn.\n"
	        "The mayor looks tired.");
	fx_expect(d, "seg", "looks", "subtype", "appearance");
	assert_int_equal(fx_count(d, "seg"), 1);
	td_doc_free(d);
}

/* Session 19 (helper b): "could not" + a verb denies a possibility, no
 * hedge; with a condition in the sentence it stays one. */
static void test_negated_could(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-16",
	        "He told the committee that the state could not carry the "
	        "burden alone.\n"
	        "But the firm could not let the bank have even 10 shares.\n"
	        "The college could not continue without the tax exemption.\n"
	        "The talks could collapse.");
	assert_int_equal(fx_count(d, "seg"), 2);
	td_doc_free(d);
}

/* Session 19 (helper b): "some one" spelled apart for "someone" is a
 * person, no approximation; before a quantity it stays one. */
static void test_some_one_person(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-16",
	        "\"Run for the doctor, some one, while I pry it open!\"\n"
	        "Some one who knew the road had left the gate open.\n"
	        "The herd moved some one hundred miles north.");
	fx_expect(d, "seg", "some", "subtype", "approximation");
	assert_int_equal(fx_count(d, "seg"), 1);
	td_doc_free(d);
}

/* Session 20: "may" of permission and in fixed phrases hedges nothing;
 * "you may be right" and a plain "may" stay possibilities. */
static void test_may_permission(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-16",
	        "\"Good night, landlord,\" said I, \"you may go.\"\n"
	        "You may think with what emotions the seamen beheld him.\n"
	        "\"May we come aboard?\" asked the mate.\n"
	        "One may be sure the leadership has not meant to repeat it.\n"
	        "But I thought, may be, you had both gone off.\n"
	        "\"You may be right,\" he said.\n"
	        "The mill may close in the spring.");
	assert_int_equal(fx_count(d, "seg"), 2);
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_cues),
	        cmocka_unit_test(test_subtype_table),
	        cmocka_unit_test(test_non_hedges),
	        cmocka_unit_test(test_cue_extent),
	        cmocka_unit_test(test_quoted_hedge),
	        cmocka_unit_test(test_past_anchor_scope),
	        cmocka_unit_test(test_personal_passive),
	        cmocka_unit_test(test_passive_reporting),
	        cmocka_unit_test(test_session10_non_hedges),
	        cmocka_unit_test(test_passive_participle),
	        cmocka_unit_test(test_could_past_narration),
	        cmocka_unit_test(test_fiction_non_hedges),
	        cmocka_unit_test(test_suggested),
	        cmocka_unit_test(test_appearance_probable),
	        cmocka_unit_test(test_seeming),
	        cmocka_unit_test(test_look_imperative),
	        cmocka_unit_test(test_negated_could),
	        cmocka_unit_test(test_some_one_person),
	        cmocka_unit_test(test_may_permission),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
