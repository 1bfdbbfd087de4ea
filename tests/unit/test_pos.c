/* test_pos.c: the part-of-speech tagger: the Brown-to-Penn mapping as
 * docs/pos-tagset.md states it, the reserved Brown texts, model loading
 * errors, and tagging with the model in corpus/models/. */
#include "config.h"
#include "brown.h"
#include "pos.h"
#include "hash.h"
#include "util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#define MODEL TD_SRCDIR "/corpus/models/pos.model"

/* Maps "w1/t1 w2/t2 ..." and returns "MAIN[+CLITIC] ..." for each token. */
static char *map(const char *sentence)
{
	static char buf[1024], out[1024];
	td_brown_tok t[64];
	size_t n = 0;
	snprintf(buf, sizeof buf, "%s", sentence);
	for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
		char *sl = strrchr(w, '/');
		t[n++] = (td_brown_tok){
		        w, sl + 1, (size_t)(sl - w), strlen(sl + 1)};
	}
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *m, *c;
		if (td_brown_to_penn(t, n, i, &m, &c))
			m = "?";
		if (i)
			strcat(out, " ");
		strcat(out, m);
		if (c) {
			strcat(out, "+");
			strcat(out, c);
		}
	}
	return out;
}

static void test_mapping_simple(void **state)
{
	(void)state;
	assert_string_equal(map("The/at jury/nn said/vbd it/pps did/dod ./."),
	        "DT NN VBD PRP VBD .");
	assert_string_equal(map("Mr./np Milstein/np is/bez a/at wizard/nn-tl"),
	        "NNP NNP VBZ DT NN");
	assert_string_equal(
	        map("the/at Chicago/np-tl Symphony/nn-tl Orchestra/nn-tl"),
	        "DT NNP NNP NNP");
	assert_string_equal(
	        map("very/ql fast/rb ,/, faster/rbr ,/, fastest/rbt"),
	        "RB RB , RBR , RBS");
	assert_string_equal(map("the/at biggest/jjt and/cc 20th/od one/cd"),
	        "DT JJS CC JJ CD");
	assert_string_equal(map("whose/wp$ dog/nn ,/, whom/wpo ,/, how/wql"),
	        "WP$ NN , WP , WRB");
	assert_string_equal(
	        map("``/`` no/at ''/'' ;/. --/-- (/( )/)"), "`` DT '' : : ( )");
	assert_string_equal(map("bon/fw-jj mot/fw-nn"), "FW FW");
	assert_string_equal(map("was/bedz were/bed been/ben being/beg am/bem"),
	        "VBD VBD VBN VBG VBP");
	assert_string_equal(
	        map("has/hvz had/hvd does/doz not/*"), "VBZ VBD VBZ RB");
	assert_string_equal(
	        map("went/vbd to/in Rome/np to/to see/vb"), "VBD TO NNP TO VB");
	assert_string_equal(map("more/ap most/ap several/ap"), "JJR JJS JJ");
	assert_string_equal(
	        map("all/abn the/at men/nns and/cc all/abn men/nns"),
	        "PDT DT NNS CC DT NNS");
	assert_string_equal(
	        map("the/at man/nn that/wps came/vbd who/wps left/vbd"),
	        "DT NN WDT VBD WP VBD");
	assert_string_equal(map("x/nil"), "?");
}

static void test_mapping_clitics(void **state)
{
	(void)state;
	assert_string_equal(map("John's/np$ dog/nn"), "NNP+POS NN");
	assert_string_equal(map("the/at boys'/nns$ dog/nn"), "DT NNS+POS NN");
	assert_string_equal(map("he's/pps+bez here/rn"), "PRP+VBZ RB");
	assert_string_equal(map("let's/vb+ppo go/vb"), "VB+PRP VB");
	assert_string_equal(map("I've/ppss+hv seen/vbn"), "PRP+VBP VBN");
	assert_string_equal(map("I/ppss don't/do* go/vb"), "PRP VBP VB");
	assert_string_equal(map("Don't/do* go/vb"), "VB VB");
	assert_string_equal(map("Kim's/np+bez right/jj"), "NNP+VBZ JJ");
}

static void test_mapping_vb_vbp(void **state)
{
	(void)state;
	/* Brown vb is both the base form and the present */
	assert_string_equal(
	        map("They/ppss want/vb to/to go/vb"), "PRP VBP TO VB");
	assert_string_equal(map("We/ppss will/md not/* go/vb"), "PRP MD RB VB");
	assert_string_equal(map("I/ppss often/rb go/vb"), "PRP RB VBP");
	assert_string_equal(map("Go/vb home/nr"), "VB NN");
	assert_string_equal(
	        map("they/ppss eat/vb and/cc drink/vb"), "PRP VBP CC VBP");
	assert_string_equal(map("to/to eat/vb and/cc drink/vb"), "TO VB CC VB");
	assert_string_equal(map("Do/do you/ppss know/vb"), "VBP PRP VB");
	assert_string_equal(map("Do/do it/ppo"), "VB PRP");
	assert_string_equal(map("I/ppss do/do not/* have/hv"), "PRP VBP RB VB");
	assert_string_equal(map("men/nns who/wps have/hv"), "NNS WP VBP");
	assert_string_equal(map("Can/md they/ppss go/vb"), "MD PRP VB");
	assert_string_equal(map("when/wrb did/dod the/at men/nns go/vb"),
	        "WRB VBD DT NNS VB");
	assert_string_equal(
	        map("the/at old/jj men/nns go/vb"), "DT JJ NNS VBP");
}

static void test_punct_pieces(void **state)
{
	(void)state;
	assert_string_equal(td_penn_punct("$", 1), "$");
	assert_string_equal(td_penn_punct(".", 1), ".");
	assert_string_equal(td_penn_punct("...", 3), ":");
	assert_string_equal(td_penn_punct("\u201c", 3), "``");
	assert_string_equal(td_penn_punct("\u201d", 3), "''");
	assert_string_equal(td_penn_punct("%", 1), "NN");
	assert_null(td_penn_punct("a", 1));
	assert_null(td_penn_punct("5", 1));
}

static void test_reserved(void **state)
{
	(void)state;
	const char *yes[] = {
	        "ca01", "ca10", "cb01", "cb07", "cj01", "cj05", "cn01", "cn05"};
	const char *no[] = {"ca11", "ca00", "cb08", "cj06", "cn06", "cc01",
	        "ck01", "cp05", "ca1", "ca011", "cats.txt"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_true(td_brown_reserved(yes[i]));
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_false(td_brown_reserved(no[i]));
	size_t n = 0;
	for (char l = 'a'; l <= 'r'; l++)
		for (int k = 0; k <= 99; k++) {
			char id[8];
			snprintf(id, sizeof id, "c%c%02d", l, k);
			n += td_brown_reserved(id) != 0;
		}
	assert_int_equal(n, 10 + 7 + 5 + 5);
}

static void tag_text(
        const td_pos_model *m, const char *text, char *out, size_t size)
{
	td_tokens tk = {0};
	assert_int_equal(td_tokenize(text, strlen(text), 0, &tk), 0);
	uint8_t tags[128];
	assert_true(tk.n <= sizeof tags);
	td_pos_scratch s = {0};
	assert_int_equal(td_pos_tag(m, text, tk.v, tk.n, tags, &s), 0);
	out[0] = '\0';
	for (size_t i = 0; i < tk.n; i++) {
		size_t l = strlen(out);
		snprintf(out + l, size - l, "%s%s", i ? " " : "",
		        td_pos_tag_name(m, tags[i]));
	}
	td_pos_scratch_clear(&s);
	td_tokens_clear(&tk);
}

static void test_tagging(void **state)
{
	(void)state;
	td_pos_model *m;
	assert_int_equal(td_pos_open(MODEL, &m), 0);
	assert_int_equal(td_pos_ntags(m), td_penn_ntags);
	assert_int_equal(td_pos_tag_number(m, "VBZ"), 31);
	assert_int_equal(td_pos_tag_number(m, "XYZ"), -1);
	assert_string_equal(td_pos_tag_name(m, 999), "");
	char out[512];
	tag_text(m, "The minister will warn that prices rose sharply.", out,
	        sizeof out);
	assert_string_equal(out, "DT NN MD VB IN NNS VBD RB .");
	tag_text(m,
	        "Kim's aides said they would not attend the talks in Geneva.",
	        out, sizeof out);
	assert_string_equal(
	        out, "NNP POS NNS VBD PRP MD RB VB DT NNS IN NNP .");
	/* a word never seen in training still gets a plausible tag */
	tag_text(m, "The zorbulating officials denied it.", out, sizeof out);
	assert_string_equal(out, "DT VBG NNS VBD PRP .");
	tag_text(m, "", out, sizeof out);
	assert_string_equal(out, "");
	td_pos_close(m);
}

/* Tags every sentence of text (cut after ".", "!" and "?") with
 * td_pos_tag_hash through scratch s and with td_pos_tag_ref; returns the
 * number of tokens whose tags differ. Each word's hash must be td_hash of
 * its first TD_POS_HASH_LEN bytes, through the cache or not (a sentence
 * longer than it holds). */
static size_t tag_both(const td_pos_model *m, const char *text,
        td_pos_scratch *s, size_t *ntok)
{
	td_tokens tk = {0};
	assert_int_equal(td_tokenize(text, strlen(text), 0, &tk), 0);
	uint8_t *a = malloc(tk.n + 1), *b = malloc(tk.n + 1);
	uint64_t *h = malloc((tk.n + 1) * sizeof *h);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(h);
	td_pos_scratch ref = {0};
	size_t first = 0, diff = 0;
	for (size_t i = 0; i < tk.n; i++) {
		const char *w = text + tk.v[i].start;
		size_t len = tk.v[i].end - tk.v[i].start;
		if (i + 1 < tk.n && !(len == 1 && strchr(".!?", *w)))
			continue;
		size_t n = i + 1 - first;
		assert_int_equal(td_pos_tag_hash(m, text, tk.v + first, n,
		                         a + first, h + first, s),
		        0);
		assert_int_equal(td_pos_tag_ref(m, text, tk.v + first, n,
		                         b + first, &ref),
		        0);
		first = i + 1;
	}
	for (size_t i = 0; i < tk.n; i++) {
		size_t len = tk.v[i].end - tk.v[i].start;
		assert_true(
		        h[i] ==
		        td_hash(text + tk.v[i].start,
		                len < TD_POS_HASH_LEN ? len : TD_POS_HASH_LEN));
	}
	for (size_t i = 0; i < tk.n; i++)
		if (a[i] != b[i]) {
			if (diff++ < 5)
				print_message("token %zu \"%.*s\": %s cached, "
				              "%s uncached\n",
				        i, (int)(tk.v[i].end - tk.v[i].start),
				        text + tk.v[i].start,
				        td_pos_tag_name(m, a[i]),
				        td_pos_tag_name(m, b[i]));
		}
	*ntok += tk.n;
	td_pos_scratch_clear(&ref);
	free(a);
	free(b);
	free(h);
	td_tokens_clear(&tk);
	return diff;
}

/* A full cache keeps the types found most often since it was last full
 * and forgets the others (emptied, it summed the frequent words again each
 * time), and still changes no tag: six words found four times each, then
 * words found once until the 64 types it holds run out. */
static void test_cache_keeps_frequent(void **state)
{
	(void)state;
	td_pos_model *m;
	assert_int_equal(td_pos_open(MODEL, &m), 0);
	td_pos_scratch s = {0};
	assert_int_equal(td_pos_cache_new(64, &s.cache), 0);
	size_t ntok = 0;
	for (int k = 0; k < 4; k++)
		assert_int_equal(
		        tag_both(m, "The cat sat on the mat.", &s, &ntok), 0);
	/* 7 types, then 10 new ones a sentence: the sixth sentence finds
	 * room for fewer than its 11 tokens */
	char text[64];
	for (int k = 0; k < 6; k++) {
		int n = 0;
		for (int j = 0; j < 10; j++)
			n += snprintf(text + n, sizeof text - (size_t)n,
			        "%sq%02d", j ? " " : "", k * 10 + j);
		snprintf(text + n, sizeof text - (size_t)n, ".");
		assert_true(td_pos_cache_holds(s.cache, "cat", 3));
		assert_int_equal(tag_both(m, text, &s, &ntok), 0);
	}
	assert_true(td_pos_cache_holds(s.cache, "cat", 3));
	assert_true(td_pos_cache_holds(s.cache, "the", 3));
	assert_true(td_pos_cache_holds(s.cache, "q50", 3));  /* the new ones */
	assert_false(td_pos_cache_holds(s.cache, "q00", 3)); /* forgotten */
	assert_int_equal(tag_both(m, "The cat sat on the mat.", &s, &ntok), 0);
	td_pos_scratch_clear(&s);
	td_pos_close(m);
}

/* The per-type cache of td_pos_tag changes no tag: the same words at and
 * after a sentence's start, in every case, hyphenated, with digits, longer
 * than the 64 bytes hashed; the articles of the repository; a cache so small
 * that it starts again empty every few sentences, and a sentence longer than
 * it holds. */
static void test_cache_same_tags(void **state)
{
	(void)state;
	td_pos_model *m;
	assert_int_equal(td_pos_open(MODEL, &m), 0);
	static const char mixed[] =
	        "Rates rose. Rose rates. Rates, rates and RATES! Rates? "
	        "US officials said the U.S. would act. Act now. Now act. "
	        "Well-known well-known Well-Known experts warned in 1999 and "
	        "2024. "
	        "1999 was a year; 2024 too. 3.5% of 12,000 voters. "
	        "Ändern über Straße. Über alles. Café café CAFÉ. "
	        "Supercalifragilisticexpialidocious-and-then-some-more-letters-"
	        "to-be-long-a "
	        "supercalifragilisticexpialidocious-and-then-some-more-letters-"
	        "to-be-long-b "
	        "fell. "
	        "Supercalifragilisticexpialidocious-and-then-some-more-letters-"
	        "to-be-long-c. "
	        "It's Kim's. It was. Was it? Can they go? They can go. Go! "
	        "The zorbulating officials denied it. Zorbulating denied.";
	size_t ntok = 0;
	td_pos_scratch s = {0};
	assert_int_equal(tag_both(m, mixed, &s, &ntok), 0);
	assert_int_equal(tag_both(m, mixed, &s, &ntok), 0); /* all cached */
	static const char *const dirs[] = {TD_SRCDIR "/corpus/articles",
	        TD_SRCDIR "/tests/data/unseen/articles"};
	td_pos_scratch small = {0};
	assert_int_equal(td_pos_cache_new(40, &small.cache), 0);
	for (size_t d = 0; d < 2; d++) {
		char cmd[1024];
		snprintf(cmd, sizeof cmd, "ls %s/*.txt", dirs[d]);
		FILE *ls = popen(cmd, "r");
		assert_non_null(ls);
		char path[1024];
		while (fgets(path, sizeof path, ls)) {
			path[strcspn(path, "\n")] = '\0';
			char *text;
			size_t len;
			assert_int_equal(td_read_file(path, &text, &len), 0);
			assert_int_equal(tag_both(m, text, &s, &ntok), 0);
			assert_int_equal(tag_both(m, text, &small, &ntok), 0);
			free(text);
		}
		pclose(ls);
	}
	assert_true(ntok > 20000);
	td_pos_scratch_clear(&small);
	/* a scratch goes on with another model: nothing of the first kept */
	td_pos_model *m2;
	assert_int_equal(td_pos_open(MODEL, &m2), 0);
	td_pos_close(m);
	assert_int_equal(tag_both(m2, mixed, &s, &ntok), 0);
	td_pos_scratch_clear(&s);
	td_pos_close(m2);
}

/* The same tags, and the same as td_pos_tag_ref's, with the scores summed
 * 4 lanes a step (SSE2) where test_cache_same_tags took AVX2 (8 lanes,
 * the sums and their highest at once) on a CPU that has it. */
static void test_sums_without_avx2(void **state)
{
	td_pos_no_avx2 = 1;
	test_cache_same_tags(state);
	td_pos_no_avx2 = 0;
}

static char *tmpfile_with(const void *data, size_t n)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/td-pos-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	close(fd);
	return path;
}

static void *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*n = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	void *b = malloc(*n);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, *n, f), *n);
	fclose(f);
	return b;
}

/* The model's checksum: FNV-1a over 32-bit words (model version 2), then
 * the tail bytes; pieces of whole words chain (the trainer sums the
 * model's parts in turn, the loader the whole). The value is worked out by
 * hand: ((0x811c9dc5 ^ "abcd" as a little-endian word) * 0x01000193, then
 * ^ 'e', * 0x01000193) mod 2^32. */
static void test_checksum(void **state)
{
	(void)state;
	assert_int_equal(
	        td_hash32_update(TD_HASH32_SEED, "abcde", 5), 0x959c2febu);
	const char *s = "0123456789abcdefghij";
	assert_int_equal(
	        td_hash32_update(
	                td_hash32_update(TD_HASH32_SEED, s, 8), s + 8, 12),
	        td_hash32_update(TD_HASH32_SEED, s, 20));
	/* one word changed, anywhere, changes the sum */
	char t[21];
	memcpy(t, s, 21);
	t[13] ^= 0x40;
	assert_int_not_equal(td_hash32_update(TD_HASH32_SEED, t, 20),
	        td_hash32_update(TD_HASH32_SEED, s, 20));
}

static void test_load_errors(void **state)
{
	(void)state;
	td_pos_model *m = (void *)1;
	assert_int_equal(
	        td_pos_open("/nonexistent/pos.model", &m), TD_ENOTFOUND);
	assert_null(m);
	assert_non_null(strstr(td_error_last(), "/nonexistent/pos.model"));
	assert_non_null(strstr(td_error_last(), "tagdex-train-pos"));

	size_t n;
	uint8_t *b = slurp(MODEL, &n);
	char *p = tmpfile_with(b, 10);
	assert_int_equal(td_pos_open(p, &m), TD_ECORRUPT);
	unlink(p);

	td_pos_header h;
	memcpy(&h, b + 8, sizeof h);
	h.version = TD_POS_VERSION + 1;
	memcpy(b + 8, &h, sizeof h);
	p = tmpfile_with(b, n);
	assert_int_equal(td_pos_open(p, &m), TD_EVERSION);
	assert_non_null(strstr(td_error_last(), "version"));
	unlink(p);
	/* a version 1 model (its features paired the previous tag with the
	 * word: the same bytes would mean other features) */
	h.version = 1;
	memcpy(b + 8, &h, sizeof h);
	p = tmpfile_with(b, n);
	assert_int_equal(td_pos_open(p, &m), TD_EVERSION);
	assert_non_null(strstr(td_error_last(), "version 1"));
	assert_non_null(strstr(td_error_last(), "tagdex-train-pos"));
	unlink(p);
	h.version = TD_POS_VERSION;
	memcpy(b + 8, &h, sizeof h);

	b[n - 100] ^= 1; /* a flipped bit in the dictionary */
	p = tmpfile_with(b, n);
	assert_int_equal(td_pos_open(p, &m), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "checksum"));
	unlink(p);
	b[n - 100] ^= 1;

	p = tmpfile_with(b, n - 4); /* truncated */
	assert_int_equal(td_pos_open(p, &m), TD_ECORRUPT);
	unlink(p);

	b[0] = 'X';
	p = tmpfile_with(b, n);
	assert_int_equal(td_pos_open(p, &m), TD_ECORRUPT);
	assert_non_null(strstr(td_error_last(), "magic"));
	unlink(p);
	b[0] = 'T';

	p = tmpfile_with(b, n); /* intact copy loads */
	assert_int_equal(td_pos_open(p, &m), 0);
	td_pos_close(m);
	unlink(p);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_mapping_simple),
	        cmocka_unit_test(test_mapping_clitics),
	        cmocka_unit_test(test_mapping_vb_vbp),
	        cmocka_unit_test(test_punct_pieces),
	        cmocka_unit_test(test_reserved),
	        cmocka_unit_test(test_tagging),
	        cmocka_unit_test(test_cache_same_tags),
	        cmocka_unit_test(test_sums_without_avx2),
	        cmocka_unit_test(test_cache_keeps_frequent),
	        cmocka_unit_test(test_checksum),
	        cmocka_unit_test(test_load_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
