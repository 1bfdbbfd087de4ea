/* test_lemma.c: lemmas of known irregular forms (WordNet's exception
 * lists), regular inflection, closed classes and names by rule, and the
 * same answers from several threads at once. */
#include "config.h"
#include "lemma.h"
#include "pipeline.h"
#include "pos.h"
#include "tagdex.h"
#include "util.h"

#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <wn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

static const struct {
	const char *word, *pos, *lemma;
} cases[] = {
        /* irregular, from WordNet's exception lists */
        {"mice", "NNS", "mouse"},
        {"went", "VBD", "go"},
        {"gone", "VBN", "go"},
        {"better", "JJR", "good"},
        {"worst", "JJS", "bad"},
        {"children", "NNS", "child"},
        {"ran", "VBD", "run"},
        {"thought", "VBD", "think"},
        {"feet", "NNS", "foot"},
        /* regular */
        {"warned", "VBD", "warn"},
        {"warns", "VBZ", "warn"},
        {"warning", "VBG", "warn"},
        {"threats", "NNS", "threat"},
        {"bigger", "JJR", "big"},
        {"Warned", "VBD", "warn"},
        /* base forms are lowercased, not looked up */
        {"Threat", "NN", "threat"},
        {"warning", "NN", "warning"},
        {"run", "VB", "run"},
        /* closed classes and contractions by rule */
        {"was", "VBD", "be"},
        {"is", "VBZ", "be"},
        {"'re", "VBP", "be"},
        {"’s", "VBZ", "be"},
        {"'s", "POS", "'s"},
        {"had", "VBD", "have"},
        {"did", "VBD", "do"},
        {"don't", "VBP", "do"},
        {"won't", "MD", "will"},
        {"can’t", "MD", "can"},
        {"The", "DT", "the"},
        {"I", "PRP", "I"},
        {"They", "PRP", "they"},
        {"Would", "MD", "would"},
        /* names, numbers and punctuation as written */
        {"Kim", "NNP", "Kim"},
        {"Americans", "NNPS", "Americans"},
        {"2.5", "CD", "2.5"},
        {",", ",", ","},
        {"“", "``", "“"},
        /* unknown to WordNet */
        {"zorbulates", "VBZ", "zorbulate"},
        {"blorfies", "NNS", "blorfy"},
        {"zorbulated", "VBD", "zorbulated"},
        {"bus", "NNS", "bus"},
        /* non-ASCII is case-folded */
        {"Élan", "NN", "élan"},
        {"cafés", "NNS", "café"},
};

/* td_lemma_init_verbs loads the verb tables alone: verbs get their
 * lemmas, a noun's tables wait for td_lemma_init (reported.c's load, in
 * a process that writes TEI without lemmas). First in main's list: no
 * test before it has loaded every class. */
static void test_verbs_alone(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(td_lemma_init_verbs(), 0);
	static const struct {
		const char *word, *pos, *lemma;
	} verbs[] = {{"said", "VBD", "say"}, {"told", "VBD", "tell"},
	        {"warned", "VBN", "warn"}, {"hoping", "VBG", "hope"},
	        {"denies", "VBZ", "deny"}, {"would", "MD", "would"}};
	for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
		td_lemma(verbs[i].word, strlen(verbs[i].word), verbs[i].pos,
		        out, sizeof out);
		assert_string_equal(out, verbs[i].lemma);
	}
	assert_int_equal(td_lemma_morphy("churches", NOUN, out, sizeof out), 0);
	assert_int_equal(td_lemma_init(), 0);
	assert_int_equal(td_lemma_morphy("churches", NOUN, out, sizeof out), 1);
	assert_string_equal(out, "church");
	assert_int_equal(td_lemma_init_verbs(), 0);
}

static void test_cases(void **state)
{
	(void)state;
	assert_int_equal(td_lemma_init(), 0);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[64];
		size_t n = td_lemma(cases[i].word, strlen(cases[i].word),
		        cases[i].pos, out, sizeof out);
		if (strcmp(out, cases[i].lemma))
			fail_msg("%s/%s: got %s, want %s", cases[i].word,
			        cases[i].pos, out, cases[i].lemma);
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
			td_lemma(cases[i].word, strlen(cases[i].word),
			        cases[i].pos, out, sizeof out);
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

/* Our in-memory morphy answers as WordNet's morphstr does, for every word
 * of the sample articles (lowercased, cut where tagdex cuts words) in all
 * four classes, and for forms that exercise each rule and exception. */
static int same_as_morphstr(const char *w)
{
	int bad = 0;
	for (int cls = 1; cls <= 4; cls++) {
		char mine[256], word[256];
		int got = td_lemma_morphy(w, cls, mine, sizeof mine);
		snprintf(word, sizeof word, "%s", w);
		char *r = morphstr(word, cls);
		if (got != (r != NULL) || (got && strcmp(mine, r))) {
			print_error("%s/%d: morphy %s, morphstr %s\n", w, cls,
			        got ? mine : "(none)", r ? r : "(none)");
			bad = 1;
		}
	}
	return bad;
}

static void test_morphy_is_morphstr(void **state)
{
	(void)state;
	assert_int_equal(td_lemma_init(), 0);
	static const char *const forms[] = {"mice", "went", "better", "worst",
	        "boxes", "churches", "wishes", "buzzes", "women", "flies",
	        "cries", "hoped", "hopped", "making", "running", "larger",
	        "largest", "handful", "cupsful", "glass", "as", "us", "is",
	        "was", "data", "u.s.", "st.", "geese", "axes", "bases", "best",
	        "oftener", "zorbulates", "ss", "s", "classes", "buses",
	        "analyses", "criteria", "mothers-in-law", "attorneys-general",
	        "passers-by", "x-rays", "re-elected", "well-known", "long-term",
	        "a--b", "a-", "-s", "grown-ups", "hangers-on", "better-off",
	        "runs-"};
	int bad = 0, n = 0;
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++, n++)
		bad |= same_as_morphstr(forms[i]);
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/corpus/articles", TD_SRCDIR);
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[2048], *text;
		size_t len;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		assert_int_equal(td_read_file(path, &text, &len), 0);
		td_tokens t = {0};
		assert_int_equal(td_tokenize(text, len, 0, &t), 0);
		for (size_t i = 0; i < t.n; i++) {
			char w[256];
			size_t l = t.v[i].end - t.v[i].start, k = 0;
			if (l >= sizeof w)
				continue;
			for (size_t j = 0; j < l; j++) {
				char c = text[t.v[i].start + j];
				w[k++] = c >= 'A' && c <= 'Z' ? (char)(c + 32)
				                              : c;
			}
			w[k] = '\0';
			if (strpbrk(w, "_(") || !(w[0] >= 'a' && w[0] <= 'z'))
				continue;
			bad |= same_as_morphstr(w);
			n++;
		}
		td_tokens_clear(&t);
		free(text);
	}
	closedir(d);
	assert_true(n > 5000);
	assert_int_equal(bad, 0);
}

/* Whether tokens with the same tag share their pos string in l, and tokens
 * with the same word (of at most 64 bytes) and tag their lemma string:
 * td_words_layers stores each once per document. */
static int layers_shared(const td_toklayers *l, const char *text,
        const td_tokens *t, const uint8_t *tags)
{
	size_t cap = 2;
	while (cap < 2 * t->n)
		cap *= 2;
	size_t *first = malloc(cap * sizeof *first);
	uint32_t tagoff[256];
	int ok = 1;
	assert_non_null(first);
	memset(first, 0xff, cap * sizeof *first);
	memset(tagoff, 0xff, sizeof tagoff);
	for (size_t i = 0; i < t->n && ok; i++) {
		const char *w = text + t->v[i].start;
		size_t len = t->v[i].end - t->v[i].start;
		if (tagoff[tags[i]] == UINT32_MAX)
			tagoff[tags[i]] = l->off[2 * i];
		ok = l->off[2 * i] == tagoff[tags[i]];
		if (len > 64)
			continue;
		uint64_t h = 1469598103934665603ull ^ tags[i];
		for (size_t k = 0; k < len; k++)
			h = (h ^ (unsigned char)w[k]) * 1099511628211ull;
		for (size_t j = h & (cap - 1);; j = (j + 1) & (cap - 1)) {
			size_t f = first[j];
			if (f == SIZE_MAX) {
				first[j] = i;
				break;
			}
			if (tags[f] == tags[i] &&
			        t->v[f].end - t->v[f].start == len &&
			        !memcmp(text + t->v[f].start, w, len)) {
				ok = l->off[2 * f + 1] == l->off[2 * i + 1];
				break;
			}
		}
	}
	free(first);
	return ok;
}

/* The index's layers (td_words_layers, which caches lemmas per word and
 * tag across documents) give every token the tag of the uncached tagger
 * and td_lemma of its word and tag: the repository's articles, each twice
 * (the second time from the caches), and one text whose words come with
 * several tags; and each document stores each tag and each type's lemma
 * once (layers_shared). */
static void test_layers_are_td_lemma(void **state)
{
	(void)state;
	td_words *w;
	td_pos_model *m;
	const char *model = TD_SRCDIR "/corpus/models/pos.model";
	assert_int_equal(td_words_new(model, &w), 0);
	assert_int_equal(td_pos_open(model, &m), 0);
	static const char *const dirs[] = {TD_SRCDIR "/corpus/articles",
	        TD_SRCDIR "/tests/data/unseen/articles"};
	size_t n = 0, bad = 0;
	for (int round = 0; round < 2; round++)
		for (size_t di = 0; di < 3; di++) {
			DIR *d = di < 2 ? opendir(dirs[di]) : NULL;
			struct dirent *e = NULL;
			assert_true(di == 2 || d);
			while (di == 2 ? !e : (e = readdir(d)) != NULL) {
				char path[2048], *text;
				size_t len;
				if (di == 2) {
					static const char t[] =
					        "Rates rose. Rose rates. "
					        "The rose rose. Saw saws saw. "
					        "Left left left. "
					        "He does. Does does. Leaves "
					        "leave. Was it? ";
					e = (struct dirent *)1;
					text = strdup(t);
					len = strlen(t);
				} else {
					if (e->d_name[0] == '.')
						continue;
					snprintf(path, sizeof path, "%s/%s",
					        dirs[di], e->d_name);
					assert_int_equal(
					        td_read_file(path, &text, &len),
					        0);
				}
				td_doc *doc;
				assert_int_equal(
				        td_doc_new("doc-x", text, len, &doc),
				        0);
				assert_int_equal(td_words_layers(w, doc), 0);
				td_tokens t = {0};
				assert_int_equal(
				        td_tokenize(text, len, 0, &t), 0);
				assert_int_equal(doc->layers->n, t.n);
				uint8_t *tags = malloc(t.n + 1);
				td_pos_scratch sc = {0};
				assert_int_equal(td_pos_tag_ref(m, text, t.v,
				                         t.n, tags, &sc),
				        0);
				for (size_t i = 0; i < t.n; i++, n++) {
					char want[256];
					const char *pos =
					        td_pos_tag_name(m, tags[i]);
					td_lemma(text + t.v[i].start,
					        t.v[i].end - t.v[i].start, pos,
					        want, sizeof want);
					const char *gp = td_toklayers_pos(
					        doc->layers, i);
					const char *gl = td_toklayers_lemma(
					        doc->layers, i);
					if (strcmp(gp, pos) ||
					        strcmp(gl, want)) {
						if (bad++ < 5)
							print_error(
							        "token %zu "
							        "%.*s: %s/%s, "
							        "want "
							        "%s/%s\n",
							        i,
							        (int)(t.v[i].end -
							                t.v[i].start),
							        text + t.v[i].start,
							        gp, gl, pos,
							        want);
					}
				}
				if (!layers_shared(
				            doc->layers, text, &t, tags) &&
				        bad++ < 5)
					print_error("values stored per token, "
					            "not per type\n");
				td_pos_scratch_clear(&sc);
				free(tags);
				td_tokens_clear(&t);
				td_doc_free(doc);
				free(text);
			}
			if (d)
				closedir(d);
		}
	assert_true(n > 30000);
	assert_int_equal(bad, 0);
	td_pos_close(m);
	td_words_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_verbs_alone),
	        cmocka_unit_test(test_cases),
	        cmocka_unit_test(test_small_buffer),
	        cmocka_unit_test(test_threads),
	        cmocka_unit_test(test_morphy_is_morphstr),
	        cmocka_unit_test(test_layers_are_td_lemma),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
