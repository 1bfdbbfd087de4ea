/* test_stages.c: the annotation as a one-way chain of stages (issue 19):
 * the stage table names every stage with what it reads and writes, and a
 * document annotated only up to a stage has what that stage and those
 * before it write and nothing of the later ones. */
#include "annotate_fixture.h"

#include <unistd.h>

#include "match.h"

static const char *const text[] = {
        "\"We will probably sign the treaty,\" said Foreign Minister Amara "
        "Diallo of Guinea-Bissau on Monday.\n"
        "Diallo added that the talks could end in 2031."};

static size_t count(const td_doc *d, const char *name, const char *attr)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_spans; i++)
		n += strcmp(d->spans[i].name, name) == 0 &&
		     (!attr || td_span_attr(&d->spans[i], attr));
	return n;
}

static void test_table(void **state)
{
	(void)state;
	size_t n;
	const td_stage *st = td_annotate_stages(&n);
	assert_true(n >= 6);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(st[i].name);
		assert_non_null(st[i].run);
		assert_true(st[i].reads && st[i].reads[0]);
		assert_true(st[i].writes && st[i].writes[0]);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(st[i].name, st[j].name);
	}
	td_doc *d;
	assert_int_equal(td_doc_new("doc-x", "A b.", 4, &d), 0);
	assert_int_equal(
	        td_annotate_until(fx_ann, d, "no-such-stage"), TD_EUSAGE);
	td_doc_free(d);
}

static void test_chain(void **state)
{
	(void)state;
	/* quotes alone: found in memory, no span yet; no names, hedges or
	 * labels */
	fx_until = "quotes";
	td_doc *d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "q", NULL), 0);
	assert_int_equal(count(d, "persName", NULL), 0);
	assert_int_equal(count(d, "seg", NULL), 0);
	assert_int_equal(count(d, "s", "ana"), 0);
	td_doc_free(d);
	/* up to actors: the names, still no quote span */
	fx_until = "actors";
	d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "persName", NULL), 2);
	assert_int_equal(count(d, "q", NULL), 0);
	assert_int_equal(count(d, "said", NULL), 0);
	td_doc_free(d);
	/* up to the speakers: the quote's who and the reported speech */
	fx_until = "speakers";
	d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "q", "who"), 1);
	assert_int_equal(count(d, "said", NULL), 1);
	assert_int_equal(count(d, "seg", NULL), 0);
	td_doc_free(d);
	/* up to the hedges: the cues, no sentence labels yet */
	fx_until = "hedges";
	d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "seg", "type"), 2);
	assert_int_equal(count(d, "s", "ana"), 0);
	td_doc_free(d);
	/* all: labels written */
	fx_until = NULL;
	d = fx_doc("2025-02-12", text, 1);
	assert_int_equal(count(d, "s", "ana"), 2);
	td_doc_free(d);
}

/* The pos stage runs first: every token has its part of speech before
 * the names are sought, and the index's layers take the document's tags
 * instead of tagging it again (a tag changed after the annotation shows
 * up in the layer). */
static void test_pos_first_and_once(void **state)
{
	(void)state;
	size_t n;
	const td_stage *st = td_annotate_stages(&n);
	assert_string_equal(st[0].name, "pos");
	fx_until = "pos";
	td_doc *d = fx_doc("2025-02-12", text, 1);
	assert_non_null(d->pos_tags);
	assert_non_null(d->tokens);
	assert_int_equal(count(d, "persName", NULL), 0);
	td_words *w;
	assert_int_equal(
	        td_words_new(TD_SRCDIR "/corpus/models/pos.model", &w), 0);
	/* token 1 is "We" (after the opening mark); say it is tagged NN */
	size_t we = 1;
	assert_int_equal(memcmp(d->text + d->tokens->v[we].start, "We", 2), 0);
	assert_string_equal(td_words_tag_name(w, d->pos_tags[we]), "PRP");
	unsigned nn = 0;
	while (strcmp(td_words_tag_name(w, nn), "NN"))
		nn++;
	d->pos_tags[we] = (uint8_t)nn;
	assert_int_equal(td_words_layers(w, d), 0);
	assert_string_equal(td_toklayers_pos(d->layers, we), "NN");
	td_words_free(w);
	td_doc_free(d);
	fx_until = NULL;
}

/* A stage's unload frees what its load loaded (valgrind and ASan see a
 * leak) and leaves the annotator as before the load: each stage loaded
 * alone into an empty annotator and unloaded is all zeros again, but for
 * the word table the stages share (annotate.c's). */
static void test_load_unload(void **state)
{
	(void)state;
	size_t n, loaded = 0;
	const td_stage *st = td_annotate_stages(&n);
	static const td_annotator zero;
	for (size_t i = 0; i < n; i++) {
		if (!st[i].load)
			continue;
		td_annotator *a = calloc(1, sizeof *a);
		assert_non_null(a);
		int rc = st[i].load(a, TD_SRCDIR "/corpus/lexicons");
		if (rc)
			fail_msg("%s: %s", st[i].name, td_error_last());
		loaded++;
		if (st[i].unload)
			st[i].unload(a);
		free(a->reg);
		a->reg = NULL;
		a->n_reg = a->cap_reg = 0;
		if (memcmp(a, &zero, sizeof *a))
			fail_msg("%s: unload leaves what load set", st[i].name);
		free(a);
	}
	assert_true(loaded >= 4);
	td_annotator *a = calloc(1, sizeof *a);
	assert_non_null(a);
	assert_int_equal(td_shared_load(a, TD_SRCDIR "/corpus/lexicons"), 0);
	td_shared_unload(a);
	assert_int_equal(memcmp(a, &zero, sizeof *a), 0);
	free(a);
}

/* td_lex_each's rows: comment and blank lines skipped, the rows numbered
 * from 0 with their lines in the file; a nonzero return stops the walk */
struct rows_seen {
	int lines[8];
	size_t n, stop;
};

static int see_row(void *ctx, const td_lex_row *row)
{
	struct rows_seen *s = ctx;
	assert_int_equal(row->index, s->n);
	s->lines[s->n++] = row->r->line;
	if (s->n == s->stop)
		return td_lex_error(row, "stop at '%s'", row->r->f[0]);
	return 0;
}

/* Writes dir/name with body. */
static void put(const char *dir, const char *name, const char *body)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(body, f);
	assert_int_equal(fclose(f), 0);
}

/* Loads a stage's lexicon from dir into an empty annotator, expecting
 * the error msg ("FILE:" is dir/name). */
static void expect_load_error(int (*load)(td_annotator *, const char *),
        const char *dir, const char *msg)
{
	td_annotator *a = calloc(1, sizeof *a);
	assert_non_null(a);
	assert_int_equal(load(a, dir), TD_EINPUT);
	assert_string_equal(td_error_last(), msg);
	td_annotator_free(a);
}

/* Each loader reads its lexicon through td_lex_each and says where a
 * row is wrong as FILE:LINE (the line in the file, comments counted). */
static void test_lexicon_rows(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_stages.XXXXXX", want[512];
	assert_non_null(mkdtemp(dir));
	put(dir, "x.tsv", "# comment\na\t1\n\n  \nb\n# c\nc\t3\n");
	struct rows_seen s = {{0}, 0, 0};
	assert_int_equal(td_lex_each(dir, "x.tsv", see_row, &s), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.lines[0], 2);
	assert_int_equal(s.lines[1], 5);
	assert_int_equal(s.lines[2], 7);
	s = (struct rows_seen){{0}, 0, 2};
	assert_int_equal(td_lex_each(dir, "x.tsv", see_row, &s), TD_EINPUT);
	assert_int_equal(s.n, 2);
	snprintf(want, sizeof want, "%s/x.tsv:5: stop at 'b'", dir);
	assert_string_equal(td_error_last(), want);
	assert_int_equal(td_lex_each(dir, "none.tsv", see_row, &s), TD_EIO);

	put(dir, "hedges.tsv",
	        "# cue\tsubtype\nperhaps\tpossibility\n"
	        "about\tapproximation\tnum\nsure\tcertainty\n");
	snprintf(want, sizeof want,
	        "%s/hedges.tsv:4: unknown subtype 'certainty'", dir);
	expect_load_error(td_hedges_load, dir, want);
	put(dir, "hedges.tsv", "perhaps\tpossibility\tsoon\n");
	snprintf(want, sizeof want, "%s/hedges.tsv:1: unknown condition 'soon'",
	        dir);
	expect_load_error(td_hedges_load, dir, want);

	put(dir, "speech_verbs.tsv", "said\tspeech\tyes\n\nsang\tsong\n");
	put(dir, "titles.tsv", "Sen.\n");
	snprintf(want, sizeof want,
	        "%s/speech_verbs.tsv:3: class 'song' is not speech, "
	        "according, view, conviction, thought or tag",
	        dir);
	expect_load_error(td_shared_load, dir, want);
	put(dir, "speech_verbs.tsv", "said\tspeech\tyes,maybe\n");
	snprintf(want, sizeof want,
	        "%s/speech_verbs.tsv:1: column 3 'yes,maybe' is not yes, no, "
	        "object or verb (or a list of them)",
	        dir);
	expect_load_error(td_shared_load, dir, want);

	put(dir, "claim_cues.tsv", "should\tdeontic\n");
	put(dir, "stance.tsv", "# word\tvalence\ngood\t1.9\nbad\tlow\n");
	snprintf(want, sizeof want,
	        "%s/stance.tsv:3: need a word and its valence", dir);
	expect_load_error(td_labels_load, dir, want);
	put(dir, "claim_cues.tsv", "should\tdeontic\nclearly\n");
	snprintf(want, sizeof want,
	        "%s/claim_cues.tsv:2: need a cue and a kind (deontic, "
	        "evaluative, judgement, intensifier, recommend, report)",
	        dir);
	expect_load_error(td_labels_load, dir, want);

	put(dir, "actors.tsv", "un\torg\tUnited Nations\nUK\tstate\tBritain\n");
	snprintf(want, sizeof want, "%s/actors.tsv:2: key 'UK' is not a slug",
	        dir);
	expect_load_error(td_actors_load, dir, want);
	put(dir, "actors.tsv", "un\tbody\tUnited Nations\n");
	snprintf(want, sizeof want,
	        "%s/actors.tsv:1: kind 'body' is not person, org, state or "
	        "group",
	        dir);
	expect_load_error(td_actors_load, dir, want);
	put(dir, "actors.tsv", "un\torg\tUnited Nations\n");
	put(dir, "clubs.tsv", "# key\tname\narsenal\n");
	snprintf(want, sizeof want, "%s/clubs.tsv:2: need key and full name",
	        dir);
	expect_load_error(td_actors_load, dir, want);

	const char *const names[] = {"x.tsv", "hedges.tsv", "speech_verbs.tsv",
	        "titles.tsv", "claim_cues.tsv", "stance.tsv", "actors.tsv",
	        "clubs.tsv"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		assert_int_equal(unlink(path), 0);
	}
	assert_int_equal(rmdir(dir), 0);
}

/* The quote index (stage quote-index) answers td_actx_in_quote as a scan
 * of the quotes does, for every byte range: before the first quote, in
 * nested and overlapping quotes, between them and past the last start. */
static void test_quote_index(void **state)
{
	(void)state;
	size_t n, qi = 0;
	const td_stage *st = td_annotate_stages(&n);
	while (qi < n && strcmp(st[qi].name, "quote-index"))
		qi++;
	assert_true(qi < n);
	td_quote q[] = {{.start = 40, .end = 60}, {.start = 5, .end = 20},
	        {.start = 8, .end = 12}, {.start = 15, .end = 30},
	        {.start = 40, .end = 45}, {.start = 70, .end = 71}};
	for (size_t nq = 0; nq <= sizeof q / sizeof *q; nq++) {
		td_actx c;
		memset(&c, 0, sizeof c);
		c.quotes = q;
		c.n_quotes = nq;
		assert_int_equal(st[qi].run(&c), 0);
		/* a table whenever there are quotes */
		assert_true(!nq || c.qix_at);
		for (size_t s = 0; s < 90; s++)
			for (size_t e = s; e < 90; e++) {
				int want = 0;
				for (size_t i = 0; i < nq; i++)
					want |= q[i].start <= s &&
					        e <= q[i].end;
				assert_int_equal(
				        td_actx_in_quote(&c, s, e), want);
			}
		free(c.qix_at);
		free(c.qix_start);
		free(c.qix_maxend);
	}
}

/* td_actx_add adds a span unless it crosses one (each holds an end of the
 * other) or the same element spans the same range: against spans before,
 * after, touching, nested, equal and crossing, every range of a short
 * text, against a brute-force reading of the rule. */
static void test_actx_add(void **state)
{
	(void)state;
	static const char digits[] = "0123456789012345678901234567890";
	const size_t have[][2] = {{2, 6}, {6, 9}, {12, 20}, {14, 16}, {25, 26}};
	const size_t nh = sizeof have / sizeof *have;
	for (size_t s = 0; s < 30; s++)
		for (size_t e = s; e < 30; e++)
			for (int same = 0; same < 2; same++) {
				td_doc *d = NULL;
				assert_int_equal(td_doc_new("d", digits,
				                         sizeof digits - 1, &d),
				        0);
				for (size_t i = 0; i < nh; i++)
					assert_int_equal(
					        td_doc_add_span(d, "seg",
					                have[i][0], have[i][1],
					                NULL, NULL),
					        0);
				int want = s < e;
				for (size_t i = 0; i < nh; i++) {
					size_t a = have[i][0], b = have[i][1];
					if ((a < s && s < b && b < e) ||
					        (s < a && a < e && e < b) ||
					        (same && a == s && b == e))
						want = 0;
				}
				td_actx c;
				memset(&c, 0, sizeof c);
				c.doc = d;
				size_t idx = (size_t)-1;
				int rc = td_actx_add(&c, same ? "seg" : "name",
				        s, e, &idx, NULL, NULL, NULL, NULL);
				assert_int_equal(rc, want ? 0 : 1);
				assert_int_equal(d->n_spans, nh + (size_t)want);
				td_doc_free(d);
			}
}

/* td_words_index gives each registered list a bit of the word table:
 * 64 * TD_WORD_MASKS distinct lists fit (a list registered twice takes
 * one bit), and td_tok_in finds a word of the last through its bit; one
 * list more is TD_ELIMIT naming the bound, never a silent fallback to
 * the hashed look-up. The project's own lists fit with their bits. */
static void test_word_bits(void **state)
{
	(void)state;
	enum { NB = 64 * TD_WORD_MASKS };
	static char names[NB + 1][8];
	static const char *words[NB + 1][2];
	static const char *const *lists[NB + 3];
	for (size_t k = 0; k <= NB; k++) {
		snprintf(names[k], sizeof names[k], "w%zu", k);
		words[k][0] = names[k];
		words[k][1] = NULL;
	}
	for (size_t nl = NB; nl <= NB + 1; nl++) {
		size_t n = 0;
		for (size_t k = 0; k < nl; k++)
			lists[n++] = words[k];
		lists[n++] = words[0]; /* again: no second bit */
		lists[n] = NULL;
		td_annotator *a = calloc(1, sizeof *a);
		assert_non_null(a);
		assert_int_equal(td_words_register(a, lists), 0);
		int rc = td_words_index(a);
		if (nl > NB) {
			assert_int_equal(rc, TD_ELIMIT);
			assert_string_equal(td_error_last(),
			        "word table: 257 grammar-word lists registered "
			        "(td_words_register), more than its 256 bits; "
			        "raise TD_WORD_MASKS in "
			        "indexer/annotate/patset.h");
			td_annotator_free(a);
			continue;
		}
		assert_int_equal(rc, 0);
		/* "w255 W255 w0 w256": the last list's word in both cases,
		 * the first's, and a word of no list */
		static const char str[] = "w255 W255 w0 w256";
		td_doc doc = {.text = (char *)str, .len = sizeof str - 1};
		td_actx c;
		memset(&c, 0, sizeof c);
		c.a = a;
		c.doc = &doc;
		assert_int_equal(td_tokenize(str, doc.len, 0, &c.tok), 0);
		assert_int_equal(c.tok.n, 4);
		uint32_t h[2][4], e[2][4];
		c.tok_hash[0] = h[0];
		c.tok_hash[1] = h[1];
		c.tok_ent[0] = e[0];
		c.tok_ent[1] = e[1];
		td_tok_classify(
		        a, str, c.tok.v, c.tok.n, c.tok_hash, c.tok_ent, NULL);
		const char *const *last = words[NB - 1];
		assert_true(td_tok_in(&c, 0, last, 0));
		assert_false(td_tok_in(&c, 1, last, 0));
		assert_true(td_tok_in(&c, 1, last, 1));
		assert_false(td_tok_in(&c, 2, last, 1));
		assert_true(td_tok_in(&c, 2, words[0], 0));
		for (size_t k = 0; k < NB; k++)
			assert_false(td_tok_in(&c, 3, words[k], 1));
		free(c.tok.v);
		td_annotator_free(a);
	}
	/* the annotator of the project's lexicons: a bit for every list */
	size_t nlists = 0;
	for (size_t x = 0; x <= fx_ann->reg_mask; x++)
		if (fx_ann->reg_slot[x]) {
			nlists++;
			assert_true(fx_ann->reg_bit[x] >= 0);
			assert_true(fx_ann->reg_bit[x] < NB);
		}
	assert_true(nlists > 100 && nlists <= NB);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_table),
	        cmocka_unit_test(test_chain),
	        cmocka_unit_test(test_pos_first_and_once),
	        cmocka_unit_test(test_load_unload),
	        cmocka_unit_test(test_lexicon_rows),
	        cmocka_unit_test(test_quote_index),
	        cmocka_unit_test(test_actx_add),
	        cmocka_unit_test(test_word_bits),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
