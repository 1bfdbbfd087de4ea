/* test_lemma.c: lemmas of known irregular forms (WordNet's exception
 * lists), regular inflection, closed classes and names by rule, and the
 * same answers from several threads at once. */
#include "config.h"
#include "lemma.h"
#include "tagdex.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

static const struct {
	const char *word, *pos, *lemma;
} cases[] = {
	/* irregular, from WordNet's exception lists */
	{"mice", "NNS", "mouse"}, {"went", "VBD", "go"}, {"gone", "VBN", "go"},
	{"better", "JJR", "good"}, {"worst", "JJS", "bad"},
	{"children", "NNS", "child"}, {"ran", "VBD", "run"},
	{"thought", "VBD", "think"}, {"feet", "NNS", "foot"},
	/* regular */
	{"warned", "VBD", "warn"}, {"warns", "VBZ", "warn"},
	{"warning", "VBG", "warn"}, {"threats", "NNS", "threat"},
	{"bigger", "JJR", "big"}, {"Warned", "VBD", "warn"},
	/* base forms are lowercased, not looked up */
	{"Threat", "NN", "threat"}, {"warning", "NN", "warning"},
	{"run", "VB", "run"},
	/* closed classes and contractions by rule */
	{"was", "VBD", "be"}, {"is", "VBZ", "be"}, {"'re", "VBP", "be"},
	{"’s", "VBZ", "be"}, {"'s", "POS", "'s"}, {"had", "VBD", "have"},
	{"did", "VBD", "do"}, {"don't", "VBP", "do"}, {"won't", "MD", "will"},
	{"can’t", "MD", "can"}, {"The", "DT", "the"}, {"I", "PRP", "I"},
	{"They", "PRP", "they"}, {"Would", "MD", "would"},
	/* names, numbers and punctuation as written */
	{"Kim", "NNP", "Kim"}, {"Americans", "NNPS", "Americans"},
	{"2.5", "CD", "2.5"}, {",", ",", ","}, {"“", "``", "“"},
	/* unknown to WordNet */
	{"zorbulates", "VBZ", "zorbulate"}, {"blorfies", "NNS", "blorfy"},
	{"zorbulated", "VBD", "zorbulated"}, {"bus", "NNS", "bus"},
	/* non-ASCII is case-folded */
	{"Élan", "NN", "élan"}, {"cafés", "NNS", "café"},
};

static void test_cases(void **state)
{
	(void)state;
	assert_int_equal(td_lemma_init(), 0);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[64];
		size_t n = td_lemma(cases[i].word, strlen(cases[i].word), cases[i].pos,
			out, sizeof out);
		if (strcmp(out, cases[i].lemma))
			fail_msg("%s/%s: got %s, want %s", cases[i].word, cases[i].pos,
				out, cases[i].lemma);
		assert_int_equal(n, strlen(out));
	}
}

static void test_small_buffer(void **state)
{
	(void)state;
	assert_int_equal(td_lemma_init(), 0);
	char out[3];
	/* "aé" would be 3 bytes: cut before the é, not inside it */
	assert_int_equal(td_lemma("aéb", 4, "NNP", out, sizeof out), 1);
	assert_string_equal(out, "a");
	assert_int_equal(td_lemma("AéB", 4, "NN", out, sizeof out), 1);
	assert_string_equal(out, "a");
	assert_int_equal(td_lemma("x", 1, NULL, out, sizeof out), 1);
	assert_string_equal(out, "x");
}

static void *worker(void *arg)
{
	(void)arg;
	for (int r = 0; r < 50; r++)
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
			char out[64];
			td_lemma(cases[i].word, strlen(cases[i].word), cases[i].pos, out,
				sizeof out);
			if (strcmp(out, cases[i].lemma))
				return (void *)1;
		}
	return NULL;
}

static void test_threads(void **state)
{
	(void)state;
	assert_int_equal(td_lemma_init(), 0);
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker, NULL), 0);
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		assert_null(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_small_buffer),
		cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
