/* test_sentences.c: the sentence splitter, one test per hard case of real
 * prose, with the installed abbreviation lexicon; and the seed article's
 * body sentences against tests/data/seed.sentences, a list made by reading.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "structure.h"
#include "util.h"

static td_abbrevs *ab;

static int load(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof path, "%s/corpus/lexicons/abbreviations.tsv",
	        TD_SRCDIR);
	return td_abbrevs_load(path, &ab) ? -1 : 0;
}

static int unload(void **state)
{
	(void)state;
	td_abbrevs_free(ab);
	return 0;
}

/* Splits text and compares with the expected sentences (NULL-terminated). */
static void check(const char *text, const char *const *want)
{
	td_range *r = NULL;
	size_t n = 0, k = 0;
	assert_int_equal(
	        td_sentences_split(ab, text, 0, strlen(text), &r, &n), 0);
	for (; want[k]; k++) {
		if (k >= n)
			fail_msg("missing sentence %zu: %s", k, want[k]);
		size_t l = r[k].end - r[k].start;
		if (l != strlen(want[k]) ||
		        memcmp(text + r[k].start, want[k], l) != 0)
			fail_msg("sentence %zu: got '%.*s', want '%s'", k,
			        (int)l, text + r[k].start, want[k]);
	}
	if (n != k)
		fail_msg("%zu sentences, want %zu", n, k);
	free(r);
}

#define CHECK(text, ...)                                                       \
	do {                                                                   \
		const char *const w_[] = {__VA_ARGS__, NULL};                  \
		check(text, w_);                                               \
	} while (0)

static void test_abbreviations(void **state)
{
	(void)state;
	CHECK("Dr. Ruiz met Mr. Lamy and Gen. Milley. They talked.",
	        "Dr. Ruiz met Mr. Lamy and Gen. Milley.", "They talked.");
	CHECK("Some states, e.g. Mali, left. Others stayed, i.e. Niger.",
	        "Some states, e.g. Mali, left.", "Others stayed, i.e. Niger.");
	CHECK("He walked into No. 10 on Jan. 19 at last. It rained.",
	        "He walked into No. 10 on Jan. 19 at last.", "It rained.");
	/* Dotted acronyms: an end only before a sentence starter. */
	CHECK("The U.S. Army moved. Talks with the U.S. The rest failed.",
	        "The U.S. Army moved.", "Talks with the U.S.",
	        "The rest failed.");
	CHECK("They met at 9 a.m. The talks ended at noon.",
	        "They met at 9 a.m.", "The talks ended at noon.");
	/* A month abbreviation before a capital does end a sentence. */
	CHECK("It was signed in Jan. Nobody noticed.", "It was signed in Jan.",
	        "Nobody noticed.");
	/* A title abbreviation after a prefix ("ex-Gov.") is still a title;
	 * "Atty. Gen." is two. */
	CHECK("Nixon leads, with ex-Gov. Knight second. Mosk, Atty. Gen. "
	      "Stanley Mosk, agreed.",
	        "Nixon leads, with ex-Gov. Knight second.",
	        "Mosk, Atty. Gen. Stanley Mosk, agreed.");
	/* A title after an ordinal closes a designation: before another
	 * title it ends the sentence; before a name or "Atty." it does
	 * not. */
	CHECK("The story is from Rep. Dwyer, R-6th Dist. Mrs. Dwyer's "
	      "husband was away. Ask the 5th Dist. Atty. Wade.",
	        "The story is from Rep. Dwyer, R-6th Dist.",
	        "Mrs. Dwyer's husband was away.",
	        "Ask the 5th Dist. Atty. Wade.");
	/* a hyphenated word ending in a non-title abbreviation is no title */
	CHECK("It went by pre-Jan. Nobody noticed.", "It went by pre-Jan.",
	        "Nobody noticed.");
}

static void test_initials(void **state)
{
	(void)state;
	CHECK("President Joe R. Biden spoke. J. K. Rowling did not.",
	        "President Joe R. Biden spoke.", "J. K. Rowling did not.");
	/* the last letter of a spaced initialism ends a sentence before a
	 * starter, as "U.S." does; two initials of a name do not */
	CHECK("They met in the U. S. That meeting failed.",
	        "They met in the U. S.", "That meeting failed.");
	CHECK("It came from Brevard, N. C. But he left.",
	        "It came from Brevard, N. C.", "But he left.");
	CHECK("Mrs. E. E. Fogelson came. H. W. Lay sold.",
	        "Mrs. E. E. Fogelson came.", "H. W. Lay sold.");
}

/* A list number at the start of a paragraph or line opens its point's
 * sentence (round 10's B17); a number ending a sentence still ends it. */
static void test_enumerators(void **state)
{
	(void)state;
	CHECK("1. He said, \"Let's work\". I would ask why.",
	        "1. He said, \"Let's work\".", "I would ask why.");
	CHECK("Points:\n2. As to protection, no. Is this a reason?",
	        "Points:\n2. As to protection, no.", "Is this a reason?");
	CHECK("They zeroed in on 60. Their names are known. 3. Nobody.",
	        "They zeroed in on 60.", "Their names are known.", "3.",
	        "Nobody.");
	CHECK("This is Baseball 1961. This is the year.",
	        "This is Baseball 1961.", "This is the year.");
}

static void test_decimals_and_amounts(void **state)
{
	(void)state;
	CHECK("Growth was 2.5% in 2023. Exports hit $1.2bn. Imports fell 3.75 "
	      "per cent.",
	        "Growth was 2.5% in 2023.", "Exports hit $1.2bn.",
	        "Imports fell 3.75 per cent.");
	CHECK("Version 1.2.3 shipped. See example.com. It works.",
	        "Version 1.2.3 shipped.", "See example.com.", "It works.");
}

static void test_closing_quotes(void **state)
{
	(void)state;
	CHECK("He said it was \xE2\x80\x9Cover.\xE2\x80\x9D Nobody agreed.",
	        "He said it was \xE2\x80\x9Cover.\xE2\x80\x9D",
	        "Nobody agreed.");
	CHECK("She called it 'grim.' Then she left.", "She called it 'grim.'",
	        "Then she left.");
	CHECK("He vowed to \xE2\x80\x98totally destroy\xE2\x80\x99 it. It was "
	      "bluster.",
	        "He vowed to \xE2\x80\x98totally destroy\xE2\x80\x99 it.",
	        "It was bluster.");
	/* A question inside quotes followed by lower case goes on. */
	CHECK("\xE2\x80\x9CWhy now?\xE2\x80\x9D he asked. Nobody knew.",
	        "\xE2\x80\x9CWhy now?\xE2\x80\x9D he asked.", "Nobody knew.");
	CHECK("(This was expected.) The vote passed.", "(This was expected.)",
	        "The vote passed.");
}

static void test_ellipses(void **state)
{
	(void)state;
	CHECK("Talks may resume... Or not. They paused\xE2\x80\xA6 and went "
	      "on. "
	      "It ended\xE2\x80\xA6 Then silence.",
	        "Talks may resume...", "Or not.",
	        "They paused\xE2\x80\xA6 and went on.", "It ended\xE2\x80\xA6",
	        "Then silence.");
}

static void test_openers(void **state)
{
	(void)state;
	CHECK("It failed. \xE2\x80\x9CWe will try again,\xE2\x80\x9D he said. "
	      "\"No,\" she said. 'Fine.' 2024 will tell. (Maybe.)",
	        "It failed.",
	        "\xE2\x80\x9CWe will try again,\xE2\x80\x9D he said.",
	        "\"No,\" she said.", "'Fine.'", "2024 will tell.", "(Maybe.)");
	/* Lower case after a full stop is no sentence start. */
	CHECK("The rate is 5 p.c. higher. ok.",
	        "The rate is 5 p.c. higher. ok.");
}

static void test_questions_and_white_space(void **state)
{
	(void)state;
	CHECK("  Why? Because!  Really?!\xC2\xA0 Yes.\xC2\xA0", "Why?",
	        "Because!", "Really?!", "Yes.");
	CHECK("One.\tTwo.\nThree.", "One.", "Two.", "Three.");
	CHECK("No final stop", "No final stop");
	/* Nothing but white space: no sentences. */
	td_range *r = NULL;
	size_t n = 0;
	assert_int_equal(td_sentences_split(ab, " \xC2\xA0 ", 0, 4, &r, &n), 0);
	assert_int_equal(n, 0);
	free(r);
}

static void test_range_offsets(void **state)
{
	(void)state;
	const char *t = "XXX First one. Second one.YYY";
	td_range *r = NULL;
	size_t n = 0;
	assert_int_equal(td_sentences_split(ab, t, 4, 26, &r, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].start, 4);
	assert_int_equal(r[0].end, 14);
	assert_int_equal(r[1].start, 15);
	assert_int_equal(r[1].end, 26);
	free(r);
}

static void test_no_lexicon(void **state)
{
	(void)state;
	td_range *r = NULL;
	size_t n = 0;
	const char *t = "Dr. Smith came. Joe R. Biden left.";
	/* Without a lexicon "Dr." ends a sentence; initials still do not. */
	assert_int_equal(td_sentences_split(NULL, t, 0, strlen(t), &r, &n), 0);
	assert_int_equal(n, 3);
	free(r);
}

static void test_bad_lexicon(void **state)
{
	(void)state;
	char path[] = "/tmp/test_sentences_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("# comment\nMr.\ttitle\nDr\ttitle\n", f);
	fclose(f);
	td_abbrevs *a = NULL;
	assert_int_equal(td_abbrevs_load(path, &a), TD_EINPUT);
	assert_non_null(
	        strstr(td_error_last(), ":3: abbreviation 'Dr' must end"));
	f = fopen(path, "w");
	fputs("Mr.\tperson\n", f);
	fclose(f);
	assert_int_equal(td_abbrevs_load(path, &a), TD_EINPUT);
	assert_non_null(strstr(td_error_last(), ":1: expected FORM"));
	unlink(path);
}

/* layout.tsv, read row by row like the other lexicons: its patterns
 * match whole blocks, case-insensitively; a bad one is FILE:LINE */
static void test_layout_lexicon(void **state)
{
	(void)state;
	char path[] = "/tmp/test_sentences_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("# comment\n\narticle \\d+(st|nd|rd|th) half\nadvert\n", f);
	fclose(f);
	td_layout *l = NULL;
	assert_int_equal(td_layout_load(path, &l), 0);
	assert_true(td_layout_match(l, "Article 2nd half", 16));
	assert_true(td_layout_match(l, "ADVERT", 6));
	assert_false(td_layout_match(l, "An advert", 9));
	/* a match on the second pattern, after the first checked the
	 * subject's UTF-8; a capture group with no room for it still
	 * matches; bytes that are no UTF-8 match nothing */
	assert_true(td_layout_match(l, "Advert", 6));
	assert_true(td_layout_match(l, "Article 11th half", 17));
	assert_false(td_layout_match(l, "advert\xff", 7));
	assert_false(td_layout_match(l, "\xc3", 1));
	assert_false(td_layout_match(l, "Caf\xc3\xa9", 5));
	td_layout_free(l);
	assert_false(td_layout_match(NULL, "advert", 6));
	f = fopen(path, "w");
	fputs("advert\n# a comment\nmore (ads\n", f);
	fclose(f);
	l = NULL;
	assert_int_equal(td_layout_load(path, &l), TD_EINPUT);
	assert_null(l);
	assert_non_null(strstr(td_error_last(), ":3: bad pattern at offset "));
	assert_int_equal(strncmp(td_error_last(), path, strlen(path)), 0);
	unlink(path);
}

/* The seed article read into blocks, and the structure lexicon of
 * corpus/lexicons: what test_seed and test_long_ids build documents from. */
typedef struct seed {
	char *text;
	td_blocks b;
	td_structure_lex *lex;
} seed;

static void seed_load(seed *s)
{
	char path[1024];
	size_t n;
	snprintf(path, sizeof path,
	        "%s/corpus/articles/"
	        "2024-01-19-kim-jong-un-hostile-rhetoric.txt",
	        TD_SRCDIR);
	assert_int_equal(td_read_file(path, &s->text, &n), 0);
	snprintf(path, sizeof path, "%s/corpus/lexicons", TD_SRCDIR);
	assert_int_equal(td_structure_lex_load(path, &s->lex), 0);
	assert_int_equal(td_text_read("seed.txt", s->text, n, 0, &s->b), 0);
}

static void seed_free(seed *s)
{
	td_blocks_clear(&s->b);
	td_structure_lex_free(s->lex);
	free(s->text);
}

/* The seed's body sentences, through reader and structure builder, are
 * the ones in tests/data/seed.sentences, in order, with ids s0, s1, ... */
static void test_seed(void **state)
{
	(void)state;
	char path[1024], *want;
	size_t wn;
	seed sd;
	td_doc *doc;
	seed_load(&sd);
	snprintf(path, sizeof path, "%s/tests/data/seed.sentences", TD_SRCDIR);
	assert_int_equal(td_read_file(path, &want, &wn), 0);
	assert_int_equal(
	        td_structure_build(&sd.b, sd.lex, "doc-seed", &doc), 0);
	td_doc_sort_spans(doc);
	char *line = want, id[64];
	size_t k = 0;
	for (size_t i = 0; i < doc->n_spans; i++) {
		const td_span *sp = &doc->spans[i];
		if (strcmp(sp->name, "s") != 0)
			continue;
		char *nl = strchr(line, '\n');
		assert_non_null(nl);
		size_t l = sp->end - sp->start;
		if (l != (size_t)(nl - line) ||
		        memcmp(doc->text + sp->start, line, l))
			fail_msg("s%zu: got '%.*s'\nwant '%.*s'", k, (int)l,
			        doc->text + sp->start, (int)(nl - line), line);
		snprintf(id, sizeof id, "doc-seed-s%zu", k);
		assert_string_equal(td_span_attr(sp, "xml:id"), id);
		line = nl + 1;
		k++;
	}
	assert_int_equal(*line, '\0'); /* every listed sentence was found */
	assert_int_equal(k, 40);
	td_doc_free(doc);
	seed_free(&sd);
	free(want);
}

/* Sentence ids are "ID-sN" as snprintf writes them into 512 bytes, also
 * for an id too long for the whole (cut, as snprintf cuts it), on both
 * sides of the length where the structure stage stops writing the prefix
 * once and the number by hand. */
static void test_long_ids(void **state)
{
	(void)state;
	char id[512], want[512];
	seed sd;
	seed_load(&sd);
	for (size_t len = 1; len < sizeof id; len += len < 470 ? 97 : 1) {
		memset(id, 'a', len);
		id[len] = 0;
		td_doc *doc;
		assert_int_equal(
		        td_structure_build(&sd.b, sd.lex, id, &doc), 0);
		td_doc_sort_spans(doc);
		size_t k = 0;
		for (size_t i = 0; i < doc->n_spans; i++) {
			const td_span *sp = &doc->spans[i];
			if (strcmp(sp->name, "s") != 0)
				continue;
			/* the return value used: cut on purpose, as the
			 * structure stage cuts */
			assert_true(snprintf(want, sizeof want, "%s-s%zu", id,
			                    k++) > 0);
			assert_string_equal(td_span_attr(sp, "xml:id"), want);
		}
		assert_int_equal(k, 40);
		td_doc_free(doc);
	}
	seed_free(&sd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_abbreviations),
	        cmocka_unit_test(test_long_ids),
	        cmocka_unit_test(test_initials),
	        cmocka_unit_test(test_enumerators),
	        cmocka_unit_test(test_decimals_and_amounts),
	        cmocka_unit_test(test_closing_quotes),
	        cmocka_unit_test(test_ellipses),
	        cmocka_unit_test(test_openers),
	        cmocka_unit_test(test_questions_and_white_space),
	        cmocka_unit_test(test_range_offsets),
	        cmocka_unit_test(test_no_lexicon),
	        cmocka_unit_test(test_bad_lexicon),
	        cmocka_unit_test(test_layout_lexicon),
	        cmocka_unit_test(test_seed),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
