/* test_labels.c: the sentence labels #prediction, #hedged and #claim. */
#include "annotate_fixture.h"
#include "claim_model.h"

#include <pthread.h>
#include <unistd.h>

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
	        "The US and its allies should continue to fulfil their "
	        "pledges.\n"
	        "Kim Jong Un warned that North Korea would destroy its "
	        "enemies.\n"
	        "Sanctions are likely to tighten in the coming months.\n"
	        "The policy reflects a dangerous shift.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 0), "#hedged"));
	assert_string_equal(fx_ana(d, 1), "");
	assert_true(has(fx_ana(d, 2), "#claim"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	/* an actor's threat is not the author's prediction, nor a claim
	 * (gold: Kim s7, Iran s19) */
	assert_false(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#claim"));
	assert_true(has(fx_ana(d, 4), "#prediction"));
	assert_true(has(fx_ana(d, 4), "#hedged"));
	assert_true(has(fx_ana(d, 5), "#claim"));
	assert_false(has(fx_ana(d, 5), "#hedged"));
	td_doc_free(d);
}

/* sentence i of d has exactly the labels ana ("" for none) */
static void expect_ana(const td_doc *d, int i, const char *ana)
{
	const char *got = fx_ana(d, i);
	if (strcmp(got ? got : "", ana) != 0)
		fail_msg("sentence %d: ana \"%s\", expected \"%s\"", i,
		        got ? got : "", ana);
}

/* future reference beyond modals: predicative likely, scheduled dates,
 * expectation verbs, seasons; and what is not the author's future */
static void test_prediction_cues(void **state)
{
	(void)state;
	td_doc *d = fx_one("2025-06-04",
	        "A decision is likely by the end of August.\n"
	        "The attack was likely a warning.\n"
	        "The resolution expires on 18 October.\n"
	        "The inspectors arrived on 31 May.\n"
	        "As the ministers pledged in November, trade grew.\n"
	        "The central bank expects growth to slow.\n"
	        "A strike cannot be ruled out before the summer is over.\n"
	        "The consequences may be graver still.\n"
	        "Sanctions may be reimposed.\n"
	        "The question is whether Iran may keep enriching.\n"
	        "Xi Jinping has reportedly told the army to be ready by 2027.\n"
	        "If the bloc is to double trade by 2030, it must show "
	        "results.\n"
	        "If militants strike again, fighting would resume.\n"
	        "In 2015, negotiators could agree on limits.");
	expect_ana(d, 0, "#prediction #hedged");
	assert_false(has(fx_ana(d, 1), "#prediction"));
	expect_ana(d, 2, "#prediction");
	expect_ana(d, 3, "");
	assert_false(has(fx_ana(d, 4), "#prediction"));
	expect_ana(d, 5, "#prediction");
	expect_ana(d, 6, "#prediction #hedged");
	expect_ana(d, 7, "#hedged #claim");
	expect_ana(d, 8, "#prediction #hedged");
	assert_false(has(fx_ana(d, 9), "#prediction"));
	assert_false(has(fx_ana(d, 10), "#prediction"));
	expect_ana(d, 11, "#claim");
	expect_ana(d, 12, "#prediction");
	assert_false(has(fx_ana(d, 13), "#prediction"));
	td_doc_free(d);
}

/* claims: reported positions vs reported threats, quoted judgements vs
 * pledges, recommendations vs their look-alikes */
static void test_claim_rules(void **state)
{
	(void)state;
	td_doc *d = fx_one("2025-06-04",
	        "Sergei Lavrov warned that troops would be treated as a "
	        "party.\n"
	        "Abbas Araghchi insisted that the programme remains peaceful.\n"
	        "“The question is an internal affair,” said Mao Ning.\n"
	        "“We will not provoke,” Lai Ching-te told reporters.\n"
	        "Should a summit go ahead, it will be difficult to agree.\n"
	        "Leaders will have to choose between two options.\n"
	        "We should not be surprised if the North tests a missile.\n"
	        "The rhetoric suggests that Kim will escalate.\n"
	        "It would be wrong to dismiss his words.\n"
	        "Kim Jong Un threatened to use nuclear weapons.\n"
	        "That said, the government prioritizes stability.\n"
	        "These were the most serious clashes in decades.\n"
	        "Most of the troops left on Tuesday.\n"
	        "Beijing called the drills a stern warning.");
	expect_ana(d, 0, "");
	expect_ana(d, 1, "#claim");
	expect_ana(d, 2, "#claim");
	expect_ana(d, 3, "");
	expect_ana(d, 4, "#prediction");
	expect_ana(d, 5, "#prediction");
	expect_ana(d, 6, "#prediction #hedged");
	expect_ana(d, 7, "#prediction #hedged #claim");
	/* weighs an act, foretells nothing (test_would_be_it_judging) */
	expect_ana(d, 8, "#claim");
	expect_ana(d, 9, "");
	expect_ana(d, 10, "#claim");
	expect_ana(d, 11, "#claim");
	expect_ana(d, 12, "");
	expect_ana(d, 13, "#claim");
	td_doc_free(d);
}

/* a forecast with a judgement in a clause of its own is also a claim;
 * "due to" and "at the end of the month" are future */
static void test_separate_judgement_and_schedule(void **state)
{
	(void)state;
	td_doc *d = fx_one("2025-10-14",
	        "Prices will rise, and it is a mistake to wait.\n"
	        "Prices will rise, and the mistake will be costly.\n"
	        "The envoys are due to meet at the end of the month.\n"
	        "The envoys were due to meet in Oslo.\n"
	        "The envoys met at the end of the month.");
	expect_ana(d, 0, "#prediction #claim");
	expect_ana(d, 1, "#prediction");
	expect_ana(d, 2, "#prediction");
	/* a past schedule is a plain report, neither forecast nor claim */
	expect_ana(d, 3, "");
	assert_null(strstr(fx_ana(d, 4), "#prediction"));
	td_doc_free(d);
}

static void test_questions_commitments_forecasts(void **state)
{
	(void)state;
	td_doc *d = fx_one("2026-03-12",
	        "What would it take to end the war?\n"
	        "Will the truce hold?\n"
	        "In 2025 the allies committed to spending 3% by 2035.\n"
	        "The allies will spend 3% by 2035.\n"
	        "A compromise is expected in the second half of the year.\n"
	        "Exports fell in the second half of the year.\n"
	        "Whatever the ministers decide next month, the treaty "
	        "endures.\n"
	        "Officials warned that a new embargo would raise prices.\n"
	        "Officials warned that they would raise tariffs.\n"
	        "Mali has declared that an attack on Niger would be an act of "
	        "war.\n"
	        "Officials said that a deal would be worse than no deal.\n"
	        "The government should say publicly that the base will stay "
	        "open.\n"
	        "The talks will resume next month.");
	/* a question's inverted modal asks; no cue, no claim */
	expect_ana(d, 0, "");
	expect_ana(d, 1, "");
	/* the deadline of a past commitment is no forecast */
	expect_ana(d, 2, "");
	expect_ana(d, 3, "#prediction");
	expect_ana(d, 4, "#prediction");
	assert_null(strstr(fx_ana(d, 5), "#prediction"));
	/* a concessive "whatever" clause is no assertion */
	assert_null(strstr(fx_ana(d, 6), "#prediction"));
	/* a reported forecast (indefinite subject) is a prediction; the
	 * speaker's own threat and a reported judgement are not */
	expect_ana(d, 7, "#prediction");
	assert_null(strstr(fx_ana(d, 8), "#prediction"));
	assert_null(strstr(fx_ana(d, 9), "#prediction"));
	assert_null(strstr(fx_ana(d, 10), "#prediction"));
	assert_non_null(strstr(fx_ana(d, 10), "#claim"));
	/* words recommended to an actor are not the author's forecast */
	expect_ana(d, 11, "#claim");
	expect_ana(d, 12, "#prediction");
	td_doc_free(d);
}

static void test_event_reports_denials_plans(void **state)
{
	(void)state;
	td_doc *d = fx_one("2026-03-12",
	        "The protests have nonetheless continued.\n"
	        "Shipments have since resumed.\n"
	        "The protests have continued to weaken the government.\n"
	        "Iran denies supplying the drones.\n"
	        "“We have plans for every scenario,” the general said.\n"
	        "“We plan to leave soon,” the general said.");
	/* a plain event verb ending its clause: no claim */
	expect_ana(d, 0, "");
	expect_ana(d, 1, "");
	assert_non_null(strstr(fx_ana(d, 2), "#claim"));
	/* a denial asserts that something is not so */
	expect_ana(d, 3, "#claim");
	/* "plans" as a noun is no plan about the future */
	expect_ana(d, 4, "#claim");
	assert_null(strstr(fx_ana(d, 5), "#claim"));
	td_doc_free(d);
}

/* necessity under a modal, described needs, whole-sentence quotes,
 * forecasts of unnamed speakers, event verbs (blind round 3) */
static void test_modal_necessity_anon_forecasts(void **state)
{
	(void)state;
	td_doc *d = fx_one("2023-06-06",
	        "Riyadh would probably have to borrow more.\n"
	        "Saudi Arabia may have to choose between share and price.\n"
	        "On Monday Riyadh was thought to need to borrow.\n"
	        "The government needs to act.\n"
	        "“Nobody in Kinshasa wants to talk about it,” Makolo said.\n"
	        "“We will hold the line,” Makolo said.\n"
	        "Diplomats say a deployment is unlikely before the end of the "
	        "year.\n"
	        "Analysts say Brent could fall below $70.\n"
	        "Officials say they could leave soon.\n"
	        "The rebels have withdrawn from two towns.\n"
	        "The economy continued to weaken.");
	expect_ana(d, 0, "#prediction #hedged");
	expect_ana(d, 1, "#prediction #hedged");
	expect_ana(d, 2, "#hedged");
	expect_ana(d, 3, "#claim");
	expect_ana(d, 4, "#claim");
	expect_ana(d, 5, "");
	expect_ana(d, 6, "#prediction #hedged");
	expect_ana(d, 7, "#prediction #hedged");
	/* a pronoun subject: the speakers' own plan, no forecast */
	expect_ana(d, 8, "#hedged");
	expect_ana(d, 9, "");
	expect_ana(d, 10, "#claim");
	td_doc_free(d);
}

/* Issue 13: "would" of refusal, wish, habit or a past report or thought
 * is no forecast; nor is a modal in an embedded question; a forecast in
 * a quote labels its sentence, an actor's plan in one does not; a plain
 * narration of past events is no claim, a state described with "was"
 * may be one. */
static void test_would_quotes_narration(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "The minister would not comment on the talks.\n"
	        "Khrushchev would like the Berlin problem to be settled.\n"
	        "On Sundays the family would often walk to the river.\n"
	        "The hope that this third choice would prove viable has been "
	        "shaken.\n"
	        "The statement did not mention what steps might be taken.\n"
	        "The crisis will deepen in the coming months.");
	for (int i = 0; i < 5; i++)
		assert_false(has(fx_ana(d, i), "#prediction"));
	assert_true(has(fx_ana(d, 5), "#prediction"));
	td_doc_free(d);
	d = fx_one("1961-06-07",
	        "“The present recovery movement will gather momentum”, Beryl "
	        "W. Sprinkel said.\n"
	        "He said “it is a lesson which will increase the probability "
	        "of growth”.\n"
	        "“We will not provoke anybody”, Kim Jong Un said.\n"
	        "Pohl received the verdict without visible emotion.\n"
	        "Markets were unimpressed.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#claim"));
	assert_true(has(fx_ana(d, 4), "#claim"));
	td_doc_free(d);
}

/* A horizon in a reported clause whose subject is a thing and that has
 * no modal is a forecast ("he said the odds appear to favor rising
 * rates in coming months"); an actor's plan with a modal is not ("said
 * the bloc would propose ... next month"). */
static void test_reported_horizon(void **state)
{
	(void)state;
	const char *paras[] = {"Analyst Carl Brenner spoke in Chicago.\n"
	                       "He said the odds had begun to favor rising "
	                       "interest rates in coming months.\n"
	                       "Envoy Kofi Mensah told a meeting that the bloc "
	                       "would propose a new arrangement next month."};
	td_doc *d = fx_doc("1961-06-01", paras, 1);
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	td_doc_free(d);
}

/* Session 9: a question foretells nothing wherever its modal stands, and
 * asserts nothing when it quotes; a horizon in it still counts. */
static void test_questions_anywhere(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "To whom will the generals stay loyal?\n"
	        "Why not put a cafe in each so the tourists would not have to "
	        "travel far?\n"
	        "But will their discontent spread to the officer class?\n"
	        "I would ask, “Why not do both”?\n"
	        "Is the plan meant to deter an army that could be ready by the "
	        "end of 1963?");
	for (int i = 0; i < 3; i++)
		expect_ana(d, i, "");
	expect_ana(d, 3, "");
	assert_true(has(fx_ana(d, 4), "#prediction"));
	td_doc_free(d);
}

/* Session 9: a forecast held now, by a present verb of belief, is a
 * prediction whoever holds it; an infinitive "to think" holds none. */
static void test_belief_forecasts(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "Envoy Kofi Mensah believes that reapportionment actually will "
	        "increase membership.\n"
	        "Like most spokesmen, Envoy Kofi Mensah predicts 1962 will be "
	        "a partisan year.\n"
	        "Envoy Kofi Mensah feels confident the stock will qualify.\n"
	        "It is idle to think that Poland might liberate Russia.");
	for (int i = 0; i < 3; i++)
		assert_true(has(fx_ana(d, i), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	td_doc_free(d);
}

/* Session 9: "would" after a past-tense verb of the author's narration
 * is the past's future, no forecast; not after was/were, a condition,
 * "now" or a ";" that opens a new clause. */
static void test_past_vantage(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "The obstacle was smoothed out when a representative of Syria "
	        "called upon her to explain that his brother would meet her at "
	        "the border.\n"
	        "Letters came in from firms all over the nation, all of them "
	        "wanting a part of the shares that would be sold.\n"
	        "If fallout increased substantially, it would become far more "
	        "important.\n"
	        "It was a situation that would confront the new President.\n"
	        "The talks failed; a new round would only deepen the rift.\n"
	        "Prices rose; the firms wanted a part of the shares that "
	        "would be sold.\n"
	        "The firms now wanted a part of the shares that would be "
	        "sold.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	for (int i = 2; i < 5; i++)
		assert_true(has(fx_ana(d, i), "#prediction"));
	/* the vantage point is in the clause of "would", after its ";";
	 * "now" before "would" speaks from the present */
	assert_false(has(fx_ana(d, 5), "#prediction"));
	assert_true(has(fx_ana(d, 6), "#prediction"));
	td_doc_free(d);
}

/* Session 9: a past passive of an event with its circumstance is a
 * plain report, no claim; "was seen as" may judge and is left alone. */
static void test_past_passive_reports(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "The bus was burned outside Anniston.\n"
	        "A note making the request was handed to the ambassador.\n"
	        "The stock was sold in the underwriting at a price of $12.50 a "
	        "share.\n"
	        "The retreat was seen as a sign of weakness.");
	for (int i = 0; i < 3; i++)
		expect_ana(d, i, "");
	expect_ana(d, 3, "#claim");
	td_doc_free(d);
}

/* Session 9: "would be" + a noun phrase that judges ("a good start",
 * "criminal folly", "the last to say") is a hypothetical evaluation, no
 * forecast; a participle, a bare adjective and a noun phrase with its
 * own relative clause still foretell. */
static void test_would_be_evaluation(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "The refusal to resume atmospheric testing would be a good "
	        "start.\n"
	        "To imitate an opponent would be a new high in statesmanlike "
	        "folly.\n"
	        "It would be criminal folly if the rebels tried to prevent "
	        "us.\n"
	        "The program would be an investment that would pay off in "
	        "world peace.\n"
	        "Such a move would be unpopular in world opinion.\n"
	        "The area would be engulfed in a suffocating fire storm.");
	for (int i = 0; i < 3; i++)
		assert_false(has(fx_ana(d, i), "#prediction"));
	for (int i = 3; i < 6; i++)
		assert_true(has(fx_ana(d, i), "#prediction"));
	td_doc_free(d);
}

/* Session 10 (issue 13): "would" after a condition of the past that
 * did not happen ("if ... had not failed") is no forecast, while an
 * open condition's is; "going/due to" before an adjective gives a
 * direction or a cause, before a verb a future. */
static void test_counterfactual_and_to_verb(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "If this capacity had not failed them, they would see their "
	        "miscalculation.\n"
	        "Foods have been acting like growth stocks, going to higher "
	        "price-earnings ratios.\n"
	        "The expansion was not due to inadequate growth forces in our "
	        "economy.\n"
	        "If the talks fail, the rift would deepen.\n"
	        "The market is going to recover.\n"
	        "The general is unlikely to counsel patience either.");
	for (int i = 0; i < 3; i++)
		assert_false(has(fx_ana(d, i), "#prediction"));
	for (int i = 3; i < 6; i++)
		assert_true(has(fx_ana(d, i), "#prediction"));
	td_doc_free(d);
}

/* Session 10 (issue 13): a past statement of the author that names
 * someone and has no present verb, modal, adjective or adverb is a
 * plain report, no claim; the present and a qualifying word may judge. */
static void test_plain_past_report(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "Her mother was a Greer and her father's family came from the "
	        "Orkney Isles.\n"
	        "At the opening of the trial, the jury panel was questioned as "
	        "a group by Mr. Weaver about Klan connections.\n"
	        "Charlayne studied journalism at Detroit's Wayne State "
	        "University.\n"
	        "The verdict was a grave injustice to Mr. Weaver.\n"
	        "The problem for Mr. Weaver is one of cost.");
	for (int i = 0; i < 3; i++)
		expect_ana(d, i, "");
	expect_ana(d, 3, "#claim");
	expect_ana(d, 4, "#claim");
	td_doc_free(d);
}

/* Session 10 (issue 13): "is scheduled/slated to" + verb is a
 * scheduled event as "is due to" is, "was scheduled to" a past plan;
 * "next" + a month or weekday dates a future event. */
static void test_scheduled(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "The 1962 edition is scheduled to arrive with the postman.\n"
	        "The party holds its convention in Fresno next January.\n"
	        "The meeting was scheduled to open at noon.\n"
	        "The meeting opened last Tuesday.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	td_doc_free(d);
}

/* Session 11: "Month D, YYYY" (the American order) is dated by its year:
 * a date before publication is no scheduled event; one after it still
 * is. A quoted forecast whose subject is a bare noun of things ("success
 * ... will be difficult to obtain") labels its sentence as one with a
 * determiner does. */
static void test_american_dates_quoted_forecasts(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "On October 31, 1859, John Brown was found guilty of treason.\n"
	        "For these crimes he was sentenced to be hanged on Friday, "
	        "December 2, 1859.\n"
	        "The commission meets on October 31, 1962, in Salem.\n"
	        "He said: \"If this is the basic approach, success will be "
	        "difficult to obtain.\"\n"
	        "He said: \"If this is the basic approach, Brown will be "
	        "difficult to beat.\"");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	assert_true(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	td_doc_free(d);
}

/* Session 11: an evaluation predicated in the author's words, a word of
 * judgement from stance.tsv (VADER valence) as an adjective after a link
 * verb, makes a claim of a sentence the report tests would clear ("The
 * Orioles played on Tuesday and were terrible."); the same word before a noun
 * ("a terrible storm") names a kind and leaves a past report plain. */
static void test_predicative_stance(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "The Orioles played on Tuesday and were terrible.\n"
	        "A terrible storm struck the coast on Tuesday.\n"
	        "The Orioles played on Tuesday and were tired.");
	expect_ana(d, 0, "#claim");
	expect_ana(d, 1, "");
	expect_ana(d, 2, "");
	td_doc_free(d);
}

/* Session 11: "could" the hedge stage reads as past ability (a past
 * narration, hedges.c) makes the sentence a narration, no claim, as a
 * past-tense verb does; in a condition it dates nothing. */
static void test_could_in_narration(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01", "It could go 70,000 miles without "
	                                 "refueling and stayed down a month.\n"
	                                 "It could go 70,000 miles without "
	                                 "refueling and stays down a month.");
	expect_ana(d, 0, "");
	expect_ana(d, 1, "#prediction #hedged");
	td_doc_free(d);
}

/* Session 12: a quoted question with its speech tag after it asks as the
 * question alone does: no claim, no forecast; a quoted question followed
 * by a clause of the author's is the author's sentence. */
static void test_tagged_question(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-10-14",
	        "\"Does he know about you?\" he said at last.\n"
	        "\"Will they come?\" she asked.\n"
	        "\"Does he know?\" he said, and it is a disgrace.");
	expect_ana(d, 0, "");
	expect_ana(d, 1, "");
	assert_true(has(fx_ana(d, 2), "#claim"));
	td_doc_free(d);
}

/* Session 12: a speaker's forecast of a third person's doing in spoken
 * English (a contracted "will", "be going to") labels its sentence; the
 * speaker's own "I'll", "we're going to" is a plan (round 8: "“He'll be
 * out of action all this week”", round 14: "“He's going to say no”"). */
static void test_spoken_future(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "\"He'll be out of action all this week,\" the coach said.\n"
	        "\"I'll meet him,\" he said.\n"
	        "\"He's going to say no,\" she whispered.\n"
	        "\"We're going to win,\" he said.\n"
	        "\"Ohio State isn't going to take me,\" she said.\n"
	        "\"She’ll want to know the price,\" he said.\n"
	        "\"There'll be a pump house by the springs,\" he said.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	assert_true(has(fx_ana(d, 4), "#prediction"));
	assert_true(has(fx_ana(d, 5), "#prediction"));
	assert_true(has(fx_ana(d, 6), "#prediction"));
	td_doc_free(d);
}

/* Session 12: a line of dialogue quoted whole is a clause only with a
 * verb (the part-of-speech layer or a contracted one): a verbless report
 * or call ("“Range about two thousand yards.”", round 14) asserts
 * nothing; an exclamation still voices a stand. */
static void test_verbless_dialogue(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "\"Range about two thousand yards,\" the operator said.\n"
	        "\"Submarine contact, sir, fine on the starboard bow,\" he "
	        "said.\n"
	        "\"The price has gone up,\" she said.\n"
	        "\"Pas une goutte de sang!\" the crowds shouted.\n"
	        "\"You're too late for that,\" he said.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#claim"));
	assert_true(has(fx_ana(d, 3), "#claim"));
	assert_true(has(fx_ana(d, 4), "#claim"));
	td_doc_free(d);
}

/* Session 12: a speaker's quoted account of his own past doings (I/we, a
 * past-tense verb, no present or modal one, no judgement, no verb of
 * saying) narrates, as the author's past narration does: no claim
 * (round 14: "“I came for the funeral, ma'am.”"). */
static void test_own_past_account(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "\"I came for the funeral,\" he said.\n"
	        "\"I was an art major in college,\" she explained.\n"
	        "\"I am here for the funeral,\" he said.\n"
	        "\"I told him that he was a double-crosser,\" he said.\n"
	        "\"We were terrible in the first half,\" the coach said.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#claim"));
	assert_true(has(fx_ana(d, 3), "#claim"));
	assert_true(has(fx_ana(d, 4), "#claim"));
	td_doc_free(d);
}

/* A speaker's stated plan or wish is no claim (annotation.md): "I'll"
 * and "we'll" are one token each, a verb of volition after a personal
 * pronoun takes "to"; another subject keeps the claim. */
static void test_speaker_plan(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "\"I'll play a second ball and get a ruling,\" he said.\n"
	        "\"We'll set them shallow and wait,\" the captain said.\n"
	        "\"I want to go to secretarial school,\" she said.\n"
	        "\"I'd like to see him now,\" Cordell said.\n"
	        "Smith said he hopes to rebuild the farm.\n"
	        "\"Nobody in town wants to talk about the mine,\" he said.\n"
	        "\"The mine is the worst in the state,\" he said.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_false(has(fx_ana(d, 2), "#claim"));
	assert_false(has(fx_ana(d, 3), "#claim"));
	assert_false(has(fx_ana(d, 4), "#claim"));
	assert_true(has(fx_ana(d, 5), "#claim"));
	assert_true(has(fx_ana(d, 6), "#claim"));
	td_doc_free(d);
}

/* A sentence inside a quotation of several sentences, the closing mark
 * before the period: with a present-tense verb it is a statement quoted
 * whole; a past narration or the speaker's words about himself are not. */
static void test_all_quoted_sentence(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "The coach said to Smith: \"I don't think you know him.\n"
	        "The staff deserves a lot of credit for the defense\".\n"
	        "The coach said to Smith: \"I don't think you saw him.\n"
	        "He almost brought it back all the way\".\n"
	        "The coach said to Smith: \"I don't think you know me.\n"
	        "I've been here so many times before\".");
	assert_true(has(fx_ana(d, 1), "#claim"));
	assert_false(has(fx_ana(d, 3), "#claim"));
	assert_false(has(fx_ana(d, 5), "#claim"));
	td_doc_free(d);
}

/* "would be" + a predicative adjective judges a hypothetical: the
 * sentence is a prediction and a claim; a participle or a comparative
 * only foretells. */
static void test_would_be_adjective(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "Abandoning the tests entirely would be unpopular at home.\n"
	        "Such a move would not only be costly for the farmers.\n"
	        "The whole area would be engulfed in a fire storm.\n"
	        "Elections in the province would be more frequent.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 0), "#claim"));
	assert_true(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#claim"));
	assert_false(has(fx_ana(d, 3), "#claim"));
	td_doc_free(d);
}

/* An anticipatory "it" weighing an act ("it would be wrong to
 * conclude") judges an option, it foretells nothing; "would" + a verb
 * of change after it still does. */
static void test_would_be_it_judging(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "It would be wrong, however, to conclude that the early "
	        "critics "
	        "were mistaken.\n"
	        "It would cost the state two million dollars.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 0), "#claim"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	td_doc_free(d);
}

/* "would seem/appear to" judges the present tentatively: no forecast. */
static void test_would_seem(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "This would seem to indicate that the plan is failing.\n"
	        "The change would appear to favor the larger towns.\n"
	        "The change would favor the larger towns.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	td_doc_free(d);
}

/* A person's "expect to" + verb states his plan: neither prediction nor
 * claim; an expectation about something else, or of a company, foretells. */
static void test_own_intention(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "They don't expect to stop him, just slow him down.\n"
	        "But they expect to reduce his output at the plate.\n"
	        "The bank expects growth to slow.\n"
	        "The company expects to earn five million dollars.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	assert_true(has(fx_ana(d, 3), "#prediction"));
	td_doc_free(d);
}

/* A hedge adverb beside "will" makes an actor's words a forecast: a
 * plan is not hedged by the speaker's doubt; unhedged "we'll" stays a
 * plan, "would" with its adverb a counterfactual, a condition asks. */
static void test_hedged_will(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "\"You'll probably get a ball bat on the head,\" he said.\n"
	        "But it probably will be less, Smythe said.\n"
	        "\"We'll work hard Tuesday,\" the coach said.\n"
	        "\"Last year we probably would have given him $700,\" he "
	        "said.\n"
	        "\"If it probably will rain, stay home,\" he said.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	td_doc_free(d);
}

/* The part-of-speech layer's past tense after a pronoun or a name is a
 * plain narration, the irregular verbs of fiction too ("put", "laid",
 * "wound up"), unless an adjective or adverb of judgement qualifies it. */
static void test_tagged_past_narration(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "She put the mirror away.\n"
	        "Old Mrs. Dowling laid down her fork with a small click.\n"
	        "So he wound up with a dozen.\n"
	        "Richards got a great performance out of his young team.");
	for (int i = 0; i < 3; i++)
		expect_ana(d, i, "");
	expect_ana(d, 3, "#claim");
	td_doc_free(d);
}

/* A quoted command (a base-form verb first, no finite verb) asserts
 * nothing: no claim; with a finite verb it passes on a statement. */
static void test_quoted_command(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "\"Start her, start her, my men!\" cried Stubb.\n"
	        "\"Keep the boat steady and wait for the signal,\" said "
	        "Stubb.\n"
	        "\"Tell him the Service doesn't haggle,\" said Alden.");
	expect_ana(d, 0, "");
	expect_ana(d, 1, "");
	expect_ana(d, 2, "#claim");
	td_doc_free(d);
}

/* "might"/"could" after a past-tense verb of their clause are the
 * possibility as it stood then, no forecast; a clause after ", and" has
 * its own vantage point, and a present one foretells. */
static void test_possibility_past_vantage(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "The Belgians discouraged higher education, fearing an elite "
	        "which might cause unrest.\n"
	        "The mines closed in May, and prices might rise sharply.\n"
	        "The Belgians fear an elite which might cause unrest.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	td_doc_free(d);
}

/* The author's "I/we + verb of saying or thinking + that" voices his own
 * assertion: judged as his statement, not a report without content. */
static void test_own_voice(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "We believe that this recommendation is sound.\n"
	        "Officials believe that this recommendation is sound.\n"
	        "We said so.");
	expect_ana(d, 0, "#claim");
	expect_ana(d, 2, "");
	td_doc_free(d);
}

/* "will" with a frequency adverb after it tells what happens as a rule,
 * a habit or a general truth: no forecast; without it, a forecast. */
static void test_generic_will(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "Cases will sometimes happen when the boat is lost.\n"
	        "A frightened horse will often bolt at night.\n"
	        "The boat will be lost.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	td_doc_free(d);
}

/* A text's pointer to its own later pages ("as will be seen", "it will
 * be seen", "as we shall see") foretells no event and states nothing: no
 * prediction, no claim; "The plan will be discussed" stays a forecast. */
static void test_text_reference(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "It will be seen in some other place of what a light "
	        "substance the whale's head consists.\n"
	        "The boat was lost, as ere long will be seen.\n"
	        "As we shall see, the treaty failed.\n"
	        "The plan will be discussed by the council.\n"
	        "In the sequel it will then be seen what befell the crew.");
	expect_ana(d, 0, "");
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_true(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	td_doc_free(d);
}

/* Dialogue foretells another person's doing: a full will/won't after
 * he/she or after a noun opened by your/his/her, "'ll have to", "ain't
 * going to"; the speaker's own "I will" and a spokesman's "we will" stay
 * plans (session 22: a quoted "they will" foretells, future.c; the gold
 * of rounds 15 and 18 labels "“They will not move until ...”" and
 * "“They will be more crowded next fall”"). */
static void test_dialogue_forecast(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "\"He won't sleep tomorrow night, Marshal.\"\n"
	        "\"Your ma will skin me alive.\"\n"
	        "\"She'll have to catch you first, Mr. Brandt.\"\n"
	        "\"It ain't going to hurt nothing.\"\n"
	        "\"I will pay you,\" he said.\n"
	        "\"We will build the plant,\" the spokesman said.");
	for (int i = 0; i < 4; i++)
		assert_true(has(fx_ana(d, i), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	assert_false(has(fx_ana(d, 5), "#prediction"));
	td_doc_free(d);
}

/* A quoted question tagged with a verb of the manner of saying ("he
 * asked", "she muttered") asks as the question alone does: no claim. */
static void test_question_tag(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "\"Which way did they go?\" he asked.\n"
	        "\"Why did the Army sell the mules?\" she muttered.");
	expect_ana(d, 0, "");
	expect_ana(d, 1, "");
	td_doc_free(d);
}

/* The imperatives of dialogue assert nothing: after a connective or a
 * name called, with "you" before a verb of doing, "let's", a negative
 * one; "you" before a verb of knowing states, and a finite verb of the
 * quote's own passes a statement on. */
static void test_dialogue_commands(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "\"You stay where you are.\"\n"
	        "\"And you leave that handbag here on the desk.\"\n"
	        "\"Then let's ride,\" Brandt said.\n"
	        "\"Don't hurry yourselves,\" cried Stubb.\n"
	        "\"You know the trail better than any man here,\" he said.\n"
	        "\"Tell him the Service doesn't haggle,\" said Alden.");
	for (int i = 0; i < 4; i++)
		expect_ana(d, i, "");
	expect_ana(d, 4, "#claim");
	expect_ana(d, 5, "#claim");
	td_doc_free(d);
}

/* "called" that names ("whom the border called Tejano", "called her
 * Peg") or summons ("called up the voice-pipe") judges nothing; "called
 * him mad" does. */
static void test_naming_call(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07",
	        "A lean rider whom the whole border called Tejano sat at the "
	        "table.\n"
	        "Everybody on the street called her Peg.\n"
	        "The operator called up the voice-pipe.\n"
	        "His shipmates called him mad.");
	for (int i = 0; i < 3; i++)
		assert_false(has(fx_ana(d, i), "#claim"));
	assert_true(has(fx_ana(d, 3), "#claim"));
	td_doc_free(d);
}

/* A quoted identification (who or what someone is: a name, a possessive
 * or plain indefinite noun phrase after "be") is no claim; an evaluative
 * noun or an adjective judges. */
static void test_quoted_identification(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-07", "\"I'm Ellen Tolliver,\" she said.\n"
	                                 "\"That was my father.\"\n"
	                                 "\"That's a map, Jack.\"\n"
	                                 "\"That's a disgrace, Jack.\"\n"
	                                 "\"He was a fine horse.\"");
	for (int i = 0; i < 3; i++)
		expect_ana(d, i, "");
	expect_ana(d, 3, "#claim");
	expect_ana(d, 4, "#claim");
	td_doc_free(d);
}

/* A name opening the sentence that the tagger reads as a noun or an
 * adjective, then a past tense: plain narration too. */
static void test_narration_untagged_name(void **state)
{
	(void)state;
	td_doc *d =
	        fx_one("1961-06-07", "Garrity laid the rifle across the desk.\n"
	                             "Stoddard set the plate down.\n"
	                             "Ivers spat over the rail.");
	for (int i = 0; i < 3; i++)
		expect_ana(d, i, "");
	td_doc_free(d);
}

/* Session 16: a person's "could" of perception is what one was able to
 * make out, a past narration (no claim, no forecast) also when a
 * present-tense word of the tagger's follows ("used to look"); a thing's
 * "could see" forecasts. */
static void test_perceiving_could(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-03-04",
	        "Through the window she could see Frank standing in the door "
	        "of the garage, the way he used to look at the sky when the "
	        "second shift let out.\n"
	        "He could hear nothing but the river.");
	expect_ana(d, 0, "");
	expect_ana(d, 1, "");
	td_doc_free(d);
	d = fx_one("1961-03-04", "Investors could see higher rates soon.");
	assert_non_null(strstr(fx_ana(d, 0), "#prediction"));
	td_doc_free(d);
}

/* Session 16: an adjective extraposed with "it" judges the clause after
 * it, whatever the lexicons hold ("doubtful", "easy", "possible"); "ready
 * to" does not judge. */
static void test_extraposed_judgement(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-03-04",
	        "It is extremely doubtful that the handful of Albanians who "
	        "call themselves Communists could have done this without the "
	        "direct approval of their Chinese friends.\n"
	        "As a result, it is not easy to find a stock priced as the "
	        "Morton issue was priced.\n"
	        "It was ready to ship on Monday.");
	expect_ana(d, 0, "#claim");
	expect_ana(d, 1, "#claim");
	expect_ana(d, 2, "");
	td_doc_free(d);
}

/* Session 16: the past progressive tells an event under way, a
 * narration ("were still coming", "I was searching for"); "were
 * constantly shifting" characterises and stays a claim. */
static void test_past_progressive(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-08-05",
	        "Somewhere behind him, perhaps an hour back, the three riders "
	        "from Tascosa were still coming.\n"
	        "I was searching for an accent of self-delusion or, even, of "
	        "hypocrisy.\n"
	        "However, the positions of all parties and leaders were "
	        "constantly shifting.");
	expect_ana(d, 0, "#hedged");
	expect_ana(d, 1, "");
	expect_ana(d, 2, "#claim");
	td_doc_free(d);
}

/* Session 16, second wave: a possibility that holds now ("may already
 * be", "may well lie in") and "due to" before a noun (a cause) foretell
 * nothing; "due to resume" and "may rise within" do. */
static void test_present_possibility_and_cause(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-03-01",
	        "These differences are probably not due to chance.\n"
	        "The talks are due to resume on Tuesday.\n"
	        "Those figures may already be out of date.\n"
	        "The difference may well lie less in the drug than in the "
	        "patient.\n"
	        "The river may rise within three years.\n"
	        "They might rest here tonight.");
	expect_ana(d, 0, "#hedged #claim");
	expect_ana(d, 1, "#prediction");
	expect_ana(d, 2, "#hedged #claim");
	expect_ana(d, 3, "#hedged #claim");
	expect_ana(d, 4, "#prediction #hedged");
	expect_ana(d, 5, "#prediction #hedged");
	td_doc_free(d);
}

/* Session 16, second wave: a reported clause with a definite thing as
 * its subject foretells when its modal carries doubt or a condition
 * ("said the mills would probably begin ... if"); a body's conditional
 * "would" is its position, a plain "would" a plan. */
static void test_reported_conditional_forecast(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-03-01",
	        "Industry sources said the mills would probably begin banking "
	        "their furnaces by Thursday if no agreement is reached.\n"
	        "Romanian officials said the work could start in January if "
	        "the two governments sign the plan this month.\n"
	        "Brazilian officials say the government would accept a cut of "
	        "roughly three points if the car industry were given until "
	        "2030 to adjust.\n"
	        "He said the campaign would go on until the war ends.");
	expect_ana(d, 0, "#prediction #hedged");
	expect_ana(d, 1, "#prediction #hedged");
	expect_ana(d, 2, "#hedged");
	expect_ana(d, 3, "");
	td_doc_free(d);
}

/* Session 17: anyone's quoted account of past doings narrates, as a
 * speaker's own does (round 14, dev-fiction: "“Three riders came through
 * at noon and cleaned out the sacks.”"), unless a word grades it (a
 * comparative, an adverb in -ly, "too", "nobody") or judges. */
static void test_quoted_past_account(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-01",
	        "\"Three riders came through at noon and cleaned out the "
	        "sacks,\" he said.\n"
	        "\"Jubal Hackett sent for me,\" she said.\n"
	        "\"Our dealers sold more machinery than a year earlier,\" "
	        "he said.\n"
	        "\"The plan was put in effect too slowly,\" he said.\n"
	        "\"Nobody asked where the cocoa came from,\" she said.\n"
	        "\"Jubal Hackett is a liar,\" she said.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#claim"));
	assert_true(has(fx_ana(d, 3), "#claim"));
	assert_true(has(fx_ana(d, 4), "#claim"));
	assert_true(has(fx_ana(d, 5), "#claim"));
	td_doc_free(d);
}

/* Session 17: past narration goes on through "began to" after an event
 * told ("Garland lit his pipe ... and began to talk") and through an
 * irregular past after a noun ("The tram swung round the last bend");
 * a trend alone stays a trend ("The economy continued to weaken"). */
static void test_narration_goes_on(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-10-14",
	        "Then she opened her handbag, took out a mirror and began to "
	        "powder her nose.\n"
	        "The tram swung round the last bend below the vineyards.\n"
	        "The economy continued to weaken.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#claim"));
	td_doc_free(d);
}

/* Session 17, second wave: in fiction (the front matter's genre) a
 * plural noun opening the sentence after a determiner or a number is no
 * present -s verb: "The horses had gone." narrates; outside fiction the
 * allowed gold keeps such a statement a claim. */
static void test_fiction_plural_subject(void **state)
{
	(void)state;
	const char *para = "Three horses had come down the trail.\n"
	                   "The riders crossed the river at dawn.";
	td_doc *d = fx_one("1961-07-15", para);
	assert_true(has(fx_ana(d, 0), "#claim"));
	td_doc_free(d);
	fx_genre = "Fiction";
	d = fx_one("1961-07-15", para);
	fx_genre = NULL;
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	td_doc_free(d);
}

/* Session 17, second wave: a story's line of dialogue in the present
 * progressive reports what is going on; graded ("too fast") it judges,
 * and outside fiction the quoted trend stays a claim. */
static void test_fiction_progressive_line(void **state)
{
	(void)state;
	const char *para = "\"I'm talking to the room,\" Pruett said.\n"
	                   "\"They're waiting for us at the ford.\"\n"
	                   "\"The river is rising too fast,\" he said.";
	td_doc *d = fx_one("1961-07-15", para);
	assert_true(has(fx_ana(d, 0), "#claim"));
	td_doc_free(d);
	fx_genre = "Fiction";
	d = fx_one("1961-07-15", para);
	fx_genre = NULL;
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#claim"));
	td_doc_free(d);
}

/* Session 17 (helper b): a schedule in the present tense with a time
 * ahead, and a contracted "will" on a third person in the author's
 * words, foretell; a past or a verb like "beat" before the day reports,
 * "this week" with "is" describes the present. */
static void test_present_schedule(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-10-13",
	        "Cafe Society opens formally this afternoon under its new "
	        "ownership.\n"
	        "The Mustangs don't play this week.\n"
	        "Jump off is tomorrow night at the Stadium.\n"
	        "The Bears beat the Cardinals Sunday, 24 to 10.\n"
	        "Meek said Monday the team was tired.\n"
	        "The mayor is in Boston this week.\n"
	        "The Hornets play at Denton Saturday night.\n"
	        "What he did was let the laborers go home Tuesday night.\n"
	        "She'll move to Gotham after years in Paris.\n"
	        "It'll be an all day affair with screenings.\n"
	        "He'll often bull into the rules.\n"
	        "The apprentice is suspended ten days for crowding horses on "
	        "Wednesday.\n"
	        "The whale breathes about one seventh or Sunday of his time.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	assert_false(has(fx_ana(d, 5), "#prediction"));
	assert_true(has(fx_ana(d, 6), "#prediction"));
	assert_false(has(fx_ana(d, 7), "#prediction"));
	assert_true(has(fx_ana(d, 8), "#prediction"));
	assert_true(has(fx_ana(d, 9), "#prediction"));
	assert_false(has(fx_ana(d, 10), "#prediction"));
	assert_false(has(fx_ana(d, 11), "#prediction"));
	assert_false(has(fx_ana(d, 12), "#prediction"));
	td_doc_free(d);
}

/* Session 17, second wave (helper b): the colloquial futures of fiction
 * dialogue foretell ("gonna", "you're going to", "about to", "bound
 * to"); the speaker's own "I'm gonna", an order ("You'll ride beside
 * me"), a request ("Will you sit down?") do not. */
static void test_colloquial_future(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-02",
	        "\"He's gonna kill you, Jim.\"\n"
	        "\"You're going to hang for this, Morgan.\"\n"
	        "\"The boat is about to sink!\" somebody yelled.\n"
	        "\"Those men are bound to come back,\" he said.\n"
	        "\"I'm gonna find him,\" he said.\n"
	        "\"We're about to leave,\" she said.\n"
	        "\"Will you sit down?\" she asked.\n"
	        "\"Won't you come in?\" the old woman said.\n"
	        "\"The house is about ten miles off,\" he said.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	assert_true(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	assert_false(has(fx_ana(d, 5), "#prediction"));
	assert_false(has(fx_ana(d, 6), "#prediction"));
	assert_false(has(fx_ana(d, 7), "#prediction"));
	assert_false(has(fx_ana(d, 8), "#prediction"));
	td_doc_free(d);
}

/* Session 17, second wave (helper b): "would" with "every"/"each" + a
 * time noun or weekday in its clause tells a past habit, no forecast. */
static void test_would_habit_time(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-06-02",
	        "Every night he would walk down to the river.\n"
	        "The farmers would meet at the grange hall every Saturday.\n"
	        "The new plant would employ 300 men.\n"
	        "The tax would give each family a refund.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	assert_true(has(fx_ana(d, 3), "#prediction"));
	td_doc_free(d);
}

/* Session 17 (helper b): a warning or prediction of things ("warned
 * that an area ... would be engulfed") foretells; a warning of what a
 * person or an actor will do, or of "any attack", threatens. */
static void test_warned_forecast(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-10-13",
	        "Top scientists have warned that an area hit by a missile "
	        "would be engulfed in a fire storm.\n"
	        "He cautioned that the greater danger in this recovery may be "
	        "excessive stimulation.\n"
	        "Officials warned speculators that they would be sorry.\n"
	        "The general warned that any attack would be met with force.\n"
	        "He warned that the rally could have been larger.\n"
	        "The minister warned that the strike would be treated as a "
	        "breach.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	assert_false(has(fx_ana(d, 5), "#prediction"));
	td_doc_free(d);
}

/* Session 18 (helper a): in a story an exclamation with no finite verb
 * (a cry, an oath, an order) asserts nothing, quoted or in the narrator's
 * words; with a finite verb it may judge. Outside fiction it is read as
 * before. */
static void test_fiction_verbless_exclamation(void **state)
{
	(void)state;
	const char *para =
	        "\"Fire and brimstone!\" roared the mate.\n"
	        "Thunder and lightning!\n"
	        "\"Steady there, lads, steady!\" cried the boatswain.\n"
	        "\"Blast ye, it is a poor ship!\" cried the mate.";
	td_doc *d = fx_one("1851-10-18", para);
	assert_true(has(fx_ana(d, 0), "#claim"));
	assert_true(has(fx_ana(d, 1), "#claim"));
	td_doc_free(d);
	fx_genre = "Fiction";
	d = fx_one("1851-10-18", para);
	fx_genre = NULL;
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_false(has(fx_ana(d, 2), "#claim"));
	assert_true(has(fx_ana(d, 3), "#claim"));
	td_doc_free(d);
}

/* Session 18 (helper a): a quoted question whose tag is followed by what
 * the speaker did as he asked (participles, no finite verb) asks, however
 * long the tail; a tail with a finite verb of its own tells more. */
static void test_question_tag_participles(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-07-15",
	        "\"Where is the money?\" asked the clerk, leaning over the "
	        "counter and looking hard at the two farmers.\n"
	        "\"Is the river up?\" he asked, and the old ferryman said "
	        "that the crossing was far too dangerous.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_true(has(fx_ana(d, 1), "#claim"));
	td_doc_free(d);
}

/* Session 18 (helper a): in learned prose a clause after a verb of
 * finding or measuring is a result reported, no claim; after a verb of
 * argument it states a position. Outside learned prose it is read as
 * before. */
static void test_learned_finding(void **state)
{
	(void)state;
	const char *para = "Her survey of forty farms found that most had sold "
	                   "their mules by 1950.\n"
	                   "Brandt (1957) reported that the perch had "
	                   "disappeared from the bay.\n"
	                   "Keller (1959) argued that the mules had been sold "
	                   "too soon.";
	td_doc *d = fx_one("1961-05-20", para);
	assert_true(has(fx_ana(d, 0), "#claim"));
	td_doc_free(d);
	fx_genre = "Journal article";
	d = fx_one("1961-05-20", para);
	fx_genre = NULL;
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#claim"));
	td_doc_free(d);
}

/* Session 18 (helper a): in a story's dialogue a present perfect of the
 * speaker's own doings ("I've ridden ...", "we have just sold ...")
 * tells what he did, as his past account does; "been" states and a verb
 * of thinking may judge. Outside fiction it is read as before. */
static void test_fiction_own_perfect(void **state)
{
	(void)state;
	const char *para = "\"I've ridden in from Tascosa to fetch my "
	                   "cousin,\" the stranger said.\n"
	                   "\"Well,\" said Hank, \"we have just sold the "
	                   "north pasture.\"\n"
	                   "\"I've been wrong about worse men,\" Hank said.";
	td_doc *d = fx_one("1961-07-15", para);
	assert_true(has(fx_ana(d, 0), "#claim"));
	assert_true(has(fx_ana(d, 1), "#claim"));
	td_doc_free(d);
	fx_genre = "Fiction";
	d = fx_one("1961-07-15", para);
	fx_genre = NULL;
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#claim"));
	td_doc_free(d);
}

/* Session 18 (helper a): a named person's office stated with nothing to
 * grade it is a statement of record, no claim; an adjective judges. */
static void test_office_statement(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-04-20",
	        "Mrs. Walter P. Hine is chairman.\n"
	        "Dr. Paul Ames is treasurer of the building fund of the "
	        "garden club.\n"
	        "Dr. Paul Ames is a brilliant treasurer.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#claim"));
	td_doc_free(d);
}

/* Session 18 (helper a): where someone lives, stated with a place name,
 * is a fact of record, no claim; "live in" a common noun is read as
 * before, and so is a sentence with a word that grades. */
static void test_residence_statement(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-04-20",
	        "The Hallorans live in Tucson.\n"
	        "His widow and two sons now live on Maple Drive.\n"
	        "Most farm families live in poverty.\n"
	        "The Hallorans still live happily in Tucson.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	assert_true(has(fx_ana(d, 2), "#claim"));
	assert_true(has(fx_ana(d, 3), "#claim"));
	td_doc_free(d);
}

/* Session 18 (helper a): "called" before a name the tagger reads as an
 * adjective names, it does not judge; "calls the plan foolish" judges. */
static void test_naming_call_adjective_name(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-05-27",
	        "Sergeant Cole, whom the whole troop called Rusty, rode at "
	        "the head of the column.\n"
	        "The senator called the plan foolish.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_true(has(fx_ana(d, 1), "#claim"));
	td_doc_free(d);
}

/* Session 18 (helper b): an abbreviated month ("Oct" "." "14" to the
 * tokenizer) dates a schedule as a written one does; a past verb of its
 * clause, or "of" before the date (an event named by its day), does
 * not. */
static void test_abbreviated_month(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-02",
	        "The Rangers play the Hawks at home Oct. 14.\n"
	        "A bake sale is planned at the church hall Sept. 16.\n"
	        "The club held its first dance Sept. 20.\n"
	        "Tickets for the game of Sept. 30 are on sale at the gate.\n"
	        "The mayor returns from Ottawa Sept. 1.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	td_doc_free(d);
}

/* Session 18 (helper b): "will have" + a noun phrase foretells a
 * possession ("will have its chance", "won't have much work"); "will
 * have" + a participle and "would have" + a noun phrase do not. */
static void test_will_have_object(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-02",
	        "The council will have its say when the budget comes up.\n"
	        "The new coach won't have much time to rebuild the line.\n"
	        "By then the crews will have finished the bridge.\n"
	        "A bigger hall would have a better crowd.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	td_doc_free(d);
}

/* Session 18 (helper b): a present passive of expectation foretells its
 * subject ("are expected in the next months", "are anticipated for",
 * "is forecast at"), "the next few weeks" is ahead; "was expected", "is
 * expected of" (a duty) and a past verb before "the next few weeks" are
 * not. */
static void test_expected_passive(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-02",
	        "Heavy traffic is expected on the bridge over the holiday.\n"
	        "Record crowds are anticipated at the county fair.\n"
	        "The wheat crop is officially forecast at 40 bushels an "
	        "acre.\n"
	        "Good manners are expected of every pupil.\n"
	        "The storm was expected along the coast.\n"
	        "New rules take effect in the next few weeks.\n"
	        "Prices climbed in the next few weeks.\n"
	        "Storms over the next two days, however, closed the pass.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	assert_true(has(fx_ana(d, 5), "#prediction"));
	assert_false(has(fx_ana(d, 6), "#prediction"));
	assert_false(has(fx_ana(d, 7), "#prediction"));
	td_doc_free(d);
}

/* Session 18 (helper b): a reported clause on a thing with a modal and a
 * horizon after it foretells ("said the bridge would open by the end of
 * the year", "said that construction could resume this summer"); a bare
 * noun without a horizon, an institution's plan do not. */
static void test_reported_horizon_modal(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-05-02",
	        "The engineer told reporters that the new bridge would open "
	        "by the end of the year.\n"
	        "The foreman said that construction could resume this "
	        "summer.\n"
	        "The foreman said that construction could resume.\n"
	        "The mayor said the city would build a school next year.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	td_doc_free(d);
}

/* Session 18 (helper b): inside a quote, could/may/might of things and
 * "it"/"there" + will foretell with a time ahead ("a school could be
 * built before the end of the year", "it will fall down by the
 * spring"); without one, or with "in the future" only, they do not. */
static void test_quoted_horizon(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-05-02",
	        "\"If the council agrees, a new school could be built before "
	        "the end of the year,\" the mayor said.\n"
	        "\"If nobody pays, it will fall down by the spring,\" the "
	        "janitor said.\n"
	        "\"A new school could be built,\" the mayor said.\n"
	        "\"It will never be a state in the future,\" he said.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	td_doc_free(d);
}

/* Session 18 (helper b): a possibility modal + an adverb + have + a
 * participle looks back ("may also have suffered", "might once have
 * held"); with a plain verb it may still foretell. */
static void test_possibility_adverb_perfect(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-05-02",
	        "The pike may also have suffered from heavy fishing.\n"
	        "The old dam might once have held the flood.\n"
	        "The old dam may also fail next spring.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	td_doc_free(d);
}

/* Session 18 (helper a): in a story a possessive "'s" before its noun is
 * no present "is": the past narration around it narrates. Outside
 * fiction it is read as before. */
static void test_fiction_possessive_narration(void **state)
{
	(void)state;
	const char *para = "Garland looked at the rider's hat and moved to the "
	                   "far end of the porch.\n"
	                   "Stoddard rode into Tascosa with the old woman's "
	                   "letter in his pocket.";
	td_doc *d = fx_one("1961-07-15", para);
	assert_true(has(fx_ana(d, 0), "#claim"));
	td_doc_free(d);
	fx_genre = "Fiction";
	d = fx_one("1961-07-15", para);
	fx_genre = NULL;
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_false(has(fx_ana(d, 1), "#claim"));
	td_doc_free(d);
}

/* Session 18 (helper a): in a story "now" with past verbs is the
 * narration's moment, the sentence narrates; elsewhere "now" keeps the
 * sentence from the past narration test. */
static void test_fiction_narrative_now(void **state)
{
	(void)state;
	const char *para = "Now he stood at the gate and looked down the "
	                   "empty road toward Tascosa.";
	td_doc *d = fx_one("1961-07-15", para);
	assert_true(has(fx_ana(d, 0), "#claim"));
	td_doc_free(d);
	fx_genre = "Fiction";
	d = fx_one("1961-07-15", para);
	fx_genre = NULL;
	assert_false(has(fx_ana(d, 0), "#claim"));
	td_doc_free(d);
}

/* Session 19 (helper b): "in"/"during" + a year before publication gives
 * "would" a past vantage point (a habit or the future of that past), no
 * forecast; a year ahead does not. */
static void test_past_year_would(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-02",
	        "In 1930 a boy would play for meal money and a bus ticket.\n"
	        "During 1948 the mill would run three shifts a day.\n"
	        "In 1963 the new mill would run three shifts a day.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	td_doc_free(d);
}

/* Session 19 (helper b): in fiction dialogue a full "will" after a
 * person the speaker names foretells, as after he/she; "will have" + a
 * noun phrase is a verb there too. Outside fiction the named person's
 * "will" stays a plan. */
static void test_dialogue_named_will(void **state)
{
	(void)state;
	const char *para =
	        "\"Colonel Vasquez will leave the bridge closed,\" Maria "
	        "said.\n"
	        "\"Your father will have something to say about it.\"";
	fx_genre = "Fiction";
	td_doc *d = fx_one("1961-04-08", para);
	fx_genre = NULL;
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	td_doc_free(d);
	d = fx_one("1961-04-08", para);
	assert_false(has(fx_ana(d, 0), "#prediction"));
	td_doc_free(d);
}

/* Session 19 (helper b): every frequency adverb after will/would tells
 * a habit or a general truth ("will oftenest leave", "would seldom
 * come"), no forecast. */
static void test_frequency_adverbs(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-02",
	        "Among sea-commanders, the old greybeards will oftenest leave "
	        "their berths to visit the deck.\n"
	        "A grizzly will seldom attack a man on horseback.\n"
	        "The old greybeards will leave their berths next week.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	td_doc_free(d);
}

/* Whether TEXT, one paragraph dated 1961-07-15 with GENRE in its
 * metadata (NULL: none), is labelled a claim: the session 19 tests of
 * claims in stories. */
static int claimed(const char *genre, const char *text)
{
	fx_genre = genre;
	td_doc *d = fx_one("1961-07-15", text);
	int c = has(fx_ana(d, 0), "#claim");
	td_doc_free(d);
	fx_genre = NULL;
	return c;
}

/* TEXT is claimed in press and not in a story (the tests of the
 * story-only rules, sessions 19 and 20) */
static void claimed_outside_stories(const char *text)
{
	assert_true(claimed(NULL, text));
	assert_false(claimed("Fiction", text));
}

/* session 19: a scene set by "there" + be in a story (scene_existential) */
static void test_fiction_scene_existential(void **state)
{
	(void)state;
	claimed_outside_stories("There were two horses at the rail.");
	assert_false(claimed("Fiction", "\u201cThere's a spring in the rocks "
	                                "below the ridge,\u201d Dade said."));
	/* negated it generalises; a second verb or a grading word judges */
	assert_true(claimed("Fiction", "\u201cThere aren't any honest men "
	                               "left in this town,\u201d Dade said."));
	assert_true(claimed("Fiction", "\u201cThere's a spring below the "
	                               "ridge, if I remember right,\u201d "
	                               "Dade said."));
}

/* session 19: where someone is, said in a story's dialogue (whereabouts) */
static void test_fiction_whereabouts(void **state)
{
	(void)state;
	claimed_outside_stories("\u201cHe's out back in the barn with the "
	                        "mare,\u201d Dade said.");
	assert_false(claimed("Fiction", "\u201cThey're still down at the "
	                                "creek,\u201d Dade said."));
	/* no article after the preposition, or a word that judges */
	assert_true(claimed("Fiction", "\u201cShe's in one of her moods "
	                               "again,\u201d Dade said."));
	assert_true(claimed("Fiction", "\u201cHe's in the worst kind of "
	                               "trouble,\u201d Dade said."));
}

/* session 19: a bare "I (don't) know" asserts nothing (bare_knowing) */
static void test_bare_knowing(void **state)
{
	(void)state;
	assert_false(claimed(NULL, "\u201cI don't know, Sheriff.\u201d"));
	assert_false(claimed(NULL, "\u201cWell, I know it.\u201d"));
	/* what is known follows: read as before */
	assert_true(claimed(NULL, "\u201cI know that the well is dry, "
	                          "Sheriff.\u201d"));
}

/* Session 19 (helper b): "won't"/"will not" + a verb of speaking is a
 * refusal, no forecast, in dialogue and in the author's words; "won't
 * come" still foretells. */
static void test_will_refusal(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-02",
	        "\"She won't talk to me,\" Ellen said.\n"
	        "The minister will not comment on the talks.\n"
	        "\"She won't come back before spring,\" Ellen said.");
	assert_false(has(fx_ana(d, 0), "#prediction"));
	assert_false(has(fx_ana(d, 1), "#prediction"));
	assert_true(has(fx_ana(d, 2), "#prediction"));
	td_doc_free(d);
}

/* session 20: a story's scene described with was/were in its narration
 * (scene_description) */
static void test_fiction_scene_description(void **state)
{
	(void)state;
	claimed_outside_stories(
	        "The bunkhouse was a long log room with a stove "
	        "at one end.");
	assert_false(claimed("Fiction", "It was ten past two."));
	/* a demonstrative sums up and judges; a superlative grades */
	assert_true(claimed("Fiction", "That was the trouble."));
	assert_true(claimed("Fiction", "His hands were the steadiest thing in "
	                               "the room."));
	/* qualities listed characterise */
	assert_true(claimed(
	        "Fiction", "The foreman was a lean, dark man from Sonora."));
}

/* session 20: a third party's past account relayed in a story's dialogue
 * (relayed_account) */
static void test_fiction_relayed_account(void **state)
{
	(void)state;
	claimed_outside_stories("\u201cThe cook says he saw a rider on the "
	                        "ridge at noon.\u201d");
	/* a guilt laid, an evaluation relayed: claims */
	assert_true(claimed("Fiction", "\u201cThe cook says the new man did "
	                               "it.\u201d"));
	assert_true(claimed("Fiction", "\u201cThe cook says the new man was "
	                               "the best rider in the outfit.\u201d"));
}

/* session 20: a decision spoken in a story's dialogue, "we" + a present
 * verb of doing (quoted_decision) */
static void test_fiction_quoted_decision(void **state)
{
	(void)state;
	claimed_outside_stories("\u201cThen we cross at first light,\u201d "
	                        "Dade said.");
	assert_false(claimed("Fiction", "\u201cWe go now or we don't go at "
	                                "all,\u201d Dade said."));
	/* a verb of state: read as before */
	assert_true(claimed("Fiction", "\u201cWe know this country better "
	                               "than they do,\u201d Dade said."));
}

/* session 20: an answer cut to its auxiliary states nothing of its own
 * (elliptic_answer) */
static void test_elliptic_answer(void **state)
{
	(void)state;
	assert_false(claimed(NULL, "\u201cHe might,\u201d said the clerk."));
	assert_false(claimed("Fiction", "\u201cShe doesn't have to, "
	                                "Sheriff.\u201d"));
	/* an adverb that generalises: read as before */
	assert_true(claimed("Fiction", "\u201cThey usually do,\u201d the "
	                               "clerk said."));
}

/* Session 21: claim_model.tsv is read whole (every feature, a threshold)
 * or refused with the file and line; the score is the dot product. */
static void put_model(const char *dir, const char *skip, const char *extra)
{
	char path[512];
	snprintf(path, sizeof path, "%s/claim_model.tsv", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("# weights\n", f);
	for (size_t k = 0; td_claim_feature_name(k); k++)
		if (!skip || strcmp(skip, td_claim_feature_name(k)))
			fprintf(f, "%s\t%zu\n", td_claim_feature_name(k), k);
	fputs(extra, f);
	fclose(f);
}

static void expect_model_error(const char *dir, const char *msg)
{
	td_annotator *a = calloc(1, sizeof *a);
	assert_non_null(a);
	assert_int_not_equal(td_claim_model_load(a, dir), 0);
	assert_non_null(strstr(td_error_last(), msg));
	td_annotator_free(a);
}

static void test_claim_model_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_labels.XXXXXX", path[512], want[600];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/claim_model.tsv", dir);
	expect_model_error(dir, path);
	put_model(dir, NULL, "@threshold\t0.5\nmystery\t1\n");
	snprintf(want, sizeof want, "%s:%d: unknown feature mystery", path,
	        TD_CLAIM_NFEAT + 3);
	expect_model_error(dir, want);
	put_model(dir, NULL, "@threshold\thigh\n");
	snprintf(want, sizeof want, "%s:%d: need a feature and its weight",
	        path, TD_CLAIM_NFEAT + 2);
	expect_model_error(dir, want);
	put_model(dir, NULL, "@threshold\t1\nbias\t2\n");
	expect_model_error(dir, "feature bias given twice");
	put_model(dir, "rule_claim", "@threshold\t1\n");
	expect_model_error(dir, "no weight for feature rule_claim");
	put_model(dir, NULL, "");
	expect_model_error(dir, "no @threshold row");

	put_model(dir, NULL, "@threshold\t2.5\n");
	td_annotator *a = calloc(1, sizeof *a);
	assert_non_null(a);
	assert_int_equal(td_claim_model_load(a, dir), 0);
	assert_non_null(a->claim_model);
	double x[TD_CLAIM_NFEAT] = {0};
	x[0] = 1;
	x[3] = 1;
	x[5] = 0.5;
	/* weights 0, 1, 2, ...: 0 + 3 + 2.5 */
	assert_true(td_claim_score(a->claim_model, x) > 5.49 &&
	            td_claim_score(a->claim_model, x) < 5.51);
	assert_true(a->claim_model->threshold == 2.5);
	td_annotator_free(a);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* The features a sentence gets, as TAGDEX_CLAIM_DUMP writes them for
 * scripts/claim-model.py: the author's modal, person, negation,
 * connective and copula; a quotation and a verb of saying. */
static double dumped(const char *line, const char *name)
{
	const char *p = strchr(line, '\t');
	assert_non_null(p);
	p = strchr(p + 1, '\t');
	assert_non_null(p);
	for (size_t k = 0; td_claim_feature_name(k); k++) {
		char *end;
		double v = strtod(p + 1, &end);
		if (strcmp(td_claim_feature_name(k), name) == 0)
			return v;
		p = end;
	}
	fail_msg("no feature %s", name);
	return 0;
}

/* The project's lexicons and model in place of the group's (whose
 * weights are the rules'), and the feature dump opened on a new file made
 * from the mkstemp template path: returns the group's annotator, which
 * the test puts back in fx_ann when it is done. */
static td_annotator *model_with_dump(char *path)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	td_annotator *rules = fx_ann;
	assert_int_equal(
	        td_annotator_new(TD_SRCDIR "/corpus/lexicons", &fx_ann), 0);
	assert_int_equal(td_claim_dump_open(path), 0);
	return rules;
}

static void test_claim_features_dump(void **state)
{
	(void)state;
	char path[] = "/tmp/test_labels_dump.XXXXXX";
	td_annotator *rules = model_with_dump(path);
	td_doc *d = fx_one("2024-01-19",
	        "We should not wait, because the plan is dangerous.\n"
	        "“The plan failed,” she said.");
	assert_int_equal(td_claim_dump_close(), 0);
	const td_claim_model *m = fx_ann->claim_model;
	assert_non_null(m);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char a[2048], b[2048];
	assert_non_null(fgets(a, sizeof a, f));
	assert_non_null(fgets(b, sizeof b, f));
	assert_null(fgets(b + 1000, 100, f));
	fclose(f);
	unlink(path);
	assert_true(strstr(a, "\tWe should not wait") != NULL);
	assert_true(dumped(a, "bias") == 1);
	assert_true(dumped(a, "rule_claim") == 1);
	assert_true(dumped(a, "cue_deontic") == 1);
	assert_true(dumped(a, "modal_deontic") == 1);
	assert_true(dumped(a, "person_first") == 1);
	assert_true(dumped(a, "negation") == 1);
	assert_true(dumped(a, "connective") == 1);
	assert_true(dumped(a, "copula_adj") == 1);
	assert_true(dumped(a, "quote_any") == 0);
	assert_true(dumped(a, "len_6_12") == 1);
	assert_true(dumped(a, "genre_other") == 1);
	assert_true(dumped(b, "quote_any") == 1);
	assert_true(dumped(b, "speech_verb") == 1);
	assert_true(dumped(b, "person_first") == 0);
	assert_true(dumped(b, "para_first") == 0);
	assert_true(dumped(a, "para_first") == 1);
	/* the decision is the model's score over these features */
	const char *lines[2] = {a, b};
	for (int k = 0; k < 2; k++) {
		double x[TD_CLAIM_NFEAT];
		for (size_t j = 0; j < TD_CLAIM_NFEAT; j++)
			x[j] = dumped(lines[k], td_claim_feature_name(j));
		assert_int_equal(td_claim_score(m, x) > m->threshold,
		        has(fx_ana(d, (size_t)k), "#claim"));
	}
	td_doc_free(d);
	/* a modal of no word list ("dare", tagged MD) is a modal all the
	 * same: the features read the tag of every token, listed or not */
	assert_int_equal(td_claim_dump_open(path), 0); /* made again */
	d = fx_one("2024-01-19", "He dare not go there.");
	assert_int_equal(td_claim_dump_close(), 0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(a, sizeof a, f));
	fclose(f);
	unlink(path);
	assert_true(dumped(a, "modal_any") == 1);
	assert_true(dumped(a, "past_only") == 0);
	td_doc_free(d);
	td_annotator_free(fx_ann);
	fx_ann = rules;
}

/* The model decides, whatever the rules say: with the bias alone over
 * the threshold every sentence is a claim, a plain report too; with it
 * under, none is, a recommendation neither. */
static void claim_model_bias(const char *dir, double bias)
{
	char path[512];
	snprintf(path, sizeof path, "%s/claim_model.tsv", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (size_t k = 0; td_claim_feature_name(k); k++)
		fprintf(f, "%s\t%g\n", td_claim_feature_name(k),
		        k == 0 ? bias : 0.0);
	fputs("@threshold\t0\n", f);
	fclose(f);
}

static void test_claim_model_decides(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_labels_bias.XXXXXX", cmd[1024];
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "cp '%s'/corpus/lexicons/*.tsv '%s'/",
	        TD_SRCDIR, dir);
	assert_int_equal(system(cmd), 0);
	td_annotator *rules = fx_ann;
	for (int on = 0; on < 2; on++) {
		claim_model_bias(dir, on ? 1 : -1);
		assert_int_equal(td_annotator_new(dir, &fx_ann), 0);
		td_doc *d = fx_one("2024-01-19",
		        "The two ministers met on Tuesday in Seoul.\n"
		        "The allies should continue to fulfil their pledges.");
		assert_int_equal(has(fx_ana(d, 0), "#claim"), on);
		assert_int_equal(has(fx_ana(d, 1), "#claim"), on);
		td_doc_free(d);
		td_annotator_free(fx_ann);
	}
	fx_ann = rules;
	/* the rules alone: the report is none, the recommendation one */
	td_doc *d = fx_one("2024-01-19",
	        "The two ministers met on Tuesday in Seoul.\n"
	        "The allies should continue to fulfil their pledges.");
	assert_false(has(fx_ana(d, 0), "#claim"));
	assert_true(has(fx_ana(d, 1), "#claim"));
	td_doc_free(d);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* Weights that decide as the rules do are known as such at load (the
 * tagger then computes no feature); one other weight, or a threshold
 * the rules' claim does not pass, and they are not. */
static void test_claim_model_rules_only(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_labels_ro.XXXXXX", path[512];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/claim_model.tsv", dir);
	static const struct {
		double bias, rule, other, threshold;
		int rules_only;
	} cases[] = {{0, 1, 0, 0.5, 1}, {-1, 3, 0, 0, 1}, {0, 1, 0.1, 0.5, 0},
	        {0, 1, 0, 1.5, 0}, {1, 1, 0, 0.5, 0}};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		for (size_t j = 0; td_claim_feature_name(j); j++) {
			const char *n = td_claim_feature_name(j);
			fprintf(f, "%s\t%g\n", n,
			        strcmp(n, "bias") == 0         ? cases[k].bias
			        : strcmp(n, "rule_claim") == 0 ? cases[k].rule
			        : strcmp(n, "negation") == 0   ? cases[k].other
			                                       : 0.0);
		}
		fprintf(f, "@threshold\t%g\n", cases[k].threshold);
		fclose(f);
		td_annotator *a = calloc(1, sizeof *a);
		assert_non_null(a);
		assert_int_equal(td_claim_model_load(a, dir), 0);
		assert_int_equal(
		        a->claim_model->rules_only, cases[k].rules_only);
		td_annotator_free(a);
	}
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* The rule tests above pin the rules' decision, which the model reads
 * as its feature rule_claim: they run with a copy of the project's
 * lexicons whose claim_model.tsv is the rules' decision alone (rule_claim
 * weight 1, the rest 0, threshold 0.5); the model's tests use the
 * project's own file. */
static char labels_lexdir[] = "/tmp/test_labels_lex.XXXXXX";

static int labels_setup(void **state)
{
	char cmd[1024];
	if (!mkdtemp(labels_lexdir))
		return -1;
	snprintf(cmd, sizeof cmd, "cp '%s'/corpus/lexicons/*.tsv '%s'/",
	        TD_SRCDIR, labels_lexdir);
	if (system(cmd) != 0)
		return -1;
	char path[512];
	snprintf(path, sizeof path, "%s/claim_model.tsv", labels_lexdir);
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	for (size_t k = 0; td_claim_feature_name(k); k++)
		fprintf(f, "%s\t%d\n", td_claim_feature_name(k),
		        strcmp(td_claim_feature_name(k), "rule_claim") == 0);
	fputs("@threshold\t0.5\n", f);
	fclose(f);
	(void)state;
	return td_annotator_new(labels_lexdir, &fx_ann);
}

static int labels_teardown(void **state)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", labels_lexdir);
	fx_teardown(state);
	return system(cmd) != 0;
}

/* The dump file: one that cannot be made is an error naming it; a
 * document's lines are one block, also when threads end documents at
 * once (tagdex-ingest -j2); lines dropped (end without write) are not
 * written. */
static void *dump_worker(void *arg)
{
	int id = (int)(size_t)arg;
	for (int doc = 0; doc < 50; doc++) {
		td_claim_dump_doc d;
		if (td_claim_dump_begin(&d) || !d.f)
			return arg;
		for (int line = 0; line < 40; line++)
			fprintf(d.f, "w%d-d%d\t%d\n", id, doc, line);
		if (td_claim_dump_end(&d, 1))
			return arg;
	}
	return NULL;
}

static void test_claim_dump_file(void **state)
{
	(void)state;
	/* a directory that does not exist: the error names the file */
	assert_int_equal(
	        td_claim_dump_open("/nonexistent-td/dump.tsv"), TD_EIO);
	assert_non_null(strstr(td_error_last(), "/nonexistent-td/dump.tsv"));
	td_claim_dump_doc d;
	assert_int_equal(td_claim_dump_begin(&d), 0);
	assert_null(d.f); /* no file: nothing gathered */
	char path[] = "/tmp/test_labels_dump.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "old\n", 4), 4);
	close(fd);
	assert_int_equal(td_claim_dump_open(path), 0);
	/* dropped lines are not written */
	assert_int_equal(td_claim_dump_begin(&d), 0);
	assert_non_null(d.f);
	fputs("dropped\n", d.f);
	assert_int_equal(td_claim_dump_end(&d, 0), 0);
	pthread_t th[4];
	for (size_t k = 0; k < 4; k++)
		assert_int_equal(
		        pthread_create(&th[k], NULL, dump_worker, (void *)k),
		        0);
	for (size_t k = 0; k < 4; k++) {
		void *r;
		assert_int_equal(pthread_join(th[k], &r), 0);
		assert_null(r);
	}
	assert_int_equal(td_claim_dump_close(), 0);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[64], doc[64] = "", seen[4][50] = {{0}};
	int next = 40, n = 0;
	while (fgets(line, sizeof line, f)) {
		int w, dn, ln;
		/* the file was truncated: no "old", no "dropped" */
		assert_int_equal(sscanf(line, "w%d-d%d\t%d", &w, &dn, &ln), 3);
		char *tab = strchr(line, '\t');
		*tab = 0;
		if (next == 40) { /* a new block: the document's first line */
			assert_int_equal(ln, 0);
			assert_int_equal(seen[w][dn], 0);
			seen[w][dn] = 1;
			snprintf(doc, sizeof doc, "%s", line);
			next = 0;
		}
		/* within a block, the same document's lines in order */
		assert_string_equal(line, doc);
		assert_int_equal(ln, next);
		next++;
		n++;
	}
	fclose(f);
	assert_int_equal(next, 40);
	assert_int_equal(n, 4 * 50 * 40);
	/* closing again, opening nothing: no error */
	assert_int_equal(td_claim_dump_close(), 0);
	assert_int_equal(td_claim_dump_open(NULL), 0);
	assert_int_equal(unlink(path), 0);
}

/* The verb group's shape, the opening and the words of others (session
 * 22's features, claim_model.c): an event in the passive and the
 * perfect, a scene in the progressive, background in the past perfect,
 * a wire dateline, an imperative, a line of dialogue that only narrates
 * against one that judges. */
static void test_claim_shape_features(void **state)
{
	(void)state;
	char path[] = "/tmp/test_labels_shape.XXXXXX";
	td_annotator *rules = model_with_dump(path);
	td_doc *d = fx_one("1961-06-14",
	        "WASHINGTON, June 14 (AP) - The treaty has been signed.\n\n"
	        "The men are leaving the city.\n\n"
	        "Go home now.\n\n"
	        "Smith had left the town before noon.\n\n"
	        "“The door was locked,” she said.\n\n"
	        "“It is beautiful,” she said.");
	assert_int_equal(td_claim_dump_close(), 0);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char l[6][2048];
	for (int k = 0; k < 6; k++)
		assert_non_null(fgets(l[k], sizeof l[k], f));
	fclose(f);
	unlink(path);
	assert_true(dumped(l[0], "dateline") == 1);
	assert_true(dumped(l[0], "passive") == 1);
	assert_true(dumped(l[0], "perfect") == 1);
	assert_true(dumped(l[0], "progressive") == 0);
	assert_true(dumped(l[1], "progressive") == 1);
	assert_true(dumped(l[1], "dateline") == 0);
	assert_true(dumped(l[1], "passive") == 0);
	assert_true(dumped(l[2], "imperative") == 1);
	assert_true(dumped(l[1], "imperative") == 0);
	assert_true(dumped(l[3], "past_perfect") == 1);
	assert_true(dumped(l[3], "opens_propn") == 1);
	assert_true(dumped(l[1], "past_perfect") == 0);
	assert_true(dumped(l[4], "other_past_only") == 1);
	assert_true(dumped(l[4], "other_present") == 0);
	assert_true(dumped(l[4], "other_copula_adj") == 0);
	assert_true(dumped(l[5], "other_past_only") == 0);
	assert_true(dumped(l[5], "other_present") == 1);
	assert_true(dumped(l[5], "other_copula_adj") == 1);
	assert_true(dumped(l[5], "other_share_adj") > 0);
	assert_true(dumped(l[0], "other_share_adj") == 0);
	assert_true(dumped(l[2], "len_real") > 0.04 &&
	            dumped(l[2], "len_real") < 0.06);
	td_doc_free(d);
	td_annotator_free(fx_ann);
	fx_ann = rules;
}

/* session 22 (future.c): a forecast in quoted words whose subject is no
 * planner; the speaker's, the addressee's and an actor's "will" are
 * plans and pledges, a vow, a condition and a refusal no forecast */
static void test_quoted_forecast_by_subject(void **state)
{
	(void)state;
	td_doc *d = fx_one("1961-09-02",
	        "\"They will not move until they know what Kennedy wants,\" "
	        "he said.\n"
	        "\"Somebody will come for it, or nobody will.\"\n"
	        "\"I will take a little walk,\" he said.\n"
	        "\"The United States will not resume tests,\" Kennedy said.\n"
	        "\"It will never be a country,\" he said.\n"
	        "\"She won't talk to me,\" Ellen said.\n"
	        "\"I'd like to speak, if the court will hear a man,\" he "
	        "said.\n"
	        "\"But avast, here's a key that'll fit,\" she said.");
	assert_true(has(fx_ana(d, 0), "#prediction"));
	assert_true(has(fx_ana(d, 1), "#prediction"));
	assert_false(has(fx_ana(d, 2), "#prediction"));
	assert_false(has(fx_ana(d, 3), "#prediction"));
	assert_false(has(fx_ana(d, 4), "#prediction"));
	assert_false(has(fx_ana(d, 5), "#prediction"));
	assert_false(has(fx_ana(d, 6), "#prediction"));
	assert_true(has(fx_ana(d, 7), "#prediction"));
	td_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_labels),
	        cmocka_unit_test(test_prediction_cues),
	        cmocka_unit_test(test_claim_rules),
	        cmocka_unit_test(test_separate_judgement_and_schedule),
	        cmocka_unit_test(test_questions_commitments_forecasts),
	        cmocka_unit_test(test_event_reports_denials_plans),
	        cmocka_unit_test(test_modal_necessity_anon_forecasts),
	        cmocka_unit_test(test_would_quotes_narration),
	        cmocka_unit_test(test_reported_horizon),
	        cmocka_unit_test(test_questions_anywhere),
	        cmocka_unit_test(test_belief_forecasts),
	        cmocka_unit_test(test_past_vantage),
	        cmocka_unit_test(test_past_passive_reports),
	        cmocka_unit_test(test_would_be_evaluation),
	        cmocka_unit_test(test_counterfactual_and_to_verb),
	        cmocka_unit_test(test_plain_past_report),
	        cmocka_unit_test(test_scheduled),
	        cmocka_unit_test(test_american_dates_quoted_forecasts),
	        cmocka_unit_test(test_predicative_stance),
	        cmocka_unit_test(test_could_in_narration),
	        cmocka_unit_test(test_tagged_question),
	        cmocka_unit_test(test_spoken_future),
	        cmocka_unit_test(test_colloquial_future),
	        cmocka_unit_test(test_would_habit_time),
	        cmocka_unit_test(test_verbless_dialogue),
	        cmocka_unit_test(test_own_past_account),
	        cmocka_unit_test(test_speaker_plan),
	        cmocka_unit_test(test_all_quoted_sentence),
	        cmocka_unit_test(test_would_be_adjective),
	        cmocka_unit_test(test_would_be_it_judging),
	        cmocka_unit_test(test_would_seem),
	        cmocka_unit_test(test_own_intention),
	        cmocka_unit_test(test_hedged_will),
	        cmocka_unit_test(test_tagged_past_narration),
	        cmocka_unit_test(test_quoted_command),
	        cmocka_unit_test(test_possibility_past_vantage),
	        cmocka_unit_test(test_own_voice),
	        cmocka_unit_test(test_generic_will),
	        cmocka_unit_test(test_text_reference),
	        cmocka_unit_test(test_dialogue_forecast),
	        cmocka_unit_test(test_question_tag),
	        cmocka_unit_test(test_dialogue_commands),
	        cmocka_unit_test(test_naming_call),
	        cmocka_unit_test(test_quoted_identification),
	        cmocka_unit_test(test_narration_untagged_name),
	        cmocka_unit_test(test_perceiving_could),
	        cmocka_unit_test(test_extraposed_judgement),
	        cmocka_unit_test(test_past_progressive),
	        cmocka_unit_test(test_present_possibility_and_cause),
	        cmocka_unit_test(test_reported_conditional_forecast),
	        cmocka_unit_test(test_quoted_past_account),
	        cmocka_unit_test(test_narration_goes_on),
	        cmocka_unit_test(test_present_schedule),
	        cmocka_unit_test(test_warned_forecast),
	        cmocka_unit_test(test_fiction_plural_subject),
	        cmocka_unit_test(test_fiction_progressive_line),
	        cmocka_unit_test(test_fiction_verbless_exclamation),
	        cmocka_unit_test(test_question_tag_participles),
	        cmocka_unit_test(test_learned_finding),
	        cmocka_unit_test(test_fiction_own_perfect),
	        cmocka_unit_test(test_office_statement),
	        cmocka_unit_test(test_residence_statement),
	        cmocka_unit_test(test_naming_call_adjective_name),
	        cmocka_unit_test(test_abbreviated_month),
	        cmocka_unit_test(test_will_have_object),
	        cmocka_unit_test(test_expected_passive),
	        cmocka_unit_test(test_reported_horizon_modal),
	        cmocka_unit_test(test_quoted_horizon),
	        cmocka_unit_test(test_possibility_adverb_perfect),
	        cmocka_unit_test(test_fiction_possessive_narration),
	        cmocka_unit_test(test_fiction_narrative_now),
	        cmocka_unit_test(test_past_year_would),
	        cmocka_unit_test(test_dialogue_named_will),
	        cmocka_unit_test(test_frequency_adverbs),
	        cmocka_unit_test(test_fiction_scene_existential),
	        cmocka_unit_test(test_fiction_whereabouts),
	        cmocka_unit_test(test_bare_knowing),
	        cmocka_unit_test(test_will_refusal),
	        cmocka_unit_test(test_fiction_scene_description),
	        cmocka_unit_test(test_fiction_relayed_account),
	        cmocka_unit_test(test_fiction_quoted_decision),
	        cmocka_unit_test(test_elliptic_answer),
	        cmocka_unit_test(test_claim_model_file),
	        cmocka_unit_test(test_claim_features_dump),
	        cmocka_unit_test(test_claim_model_decides),
	        cmocka_unit_test(test_claim_model_rules_only),
	        cmocka_unit_test(test_claim_dump_file),
	        cmocka_unit_test(test_claim_shape_features),
	        cmocka_unit_test(test_quoted_forecast_by_subject),
	};
	return cmocka_run_group_tests(tests, labels_setup, labels_teardown);
}
