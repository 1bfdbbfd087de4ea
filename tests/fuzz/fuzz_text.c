/* fuzz_text.c: libFuzzer harness for plain-text articles: the reader alone
 * (strict), then the whole pipeline a .txt goes through (lenient reader,
 * structure, every annotator), the TEI writer and the TEI reader on the
 * writer's output. Invariants: a failure is TD_EINPUT/TD_ELIMIT naming the
 * input; accepted text is valid UTF-8 without NUL; blocks and spans lie in
 * the text; the TEI written for any accepted article reads back with the
 * same text (no word lost or added). */
#include <stdint.h>

#include "blocks.h"
#include "fuzz_common.h"
#include "pipeline.h"
#include "tei.h"

#define NAME "fuzz-input.txt"

static td_pipeline *lenient;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	td_set_warn(fuzz_quiet, NULL);
	if (td_pipeline_new(fuzz_lexdir(), 1, &lenient)) {
		fprintf(stderr, "fuzz_text: lexicons in %s: %s\n",
		        fuzz_lexdir(), td_error_last());
		abort();
	}
	return 0;
}

static void check_blocks(const td_blocks *b)
{
	FUZZ_CHECK(b->text && b->text[b->len] == '\0', "text not terminated");
	FUZZ_CHECK(fuzz_utf8_ok(b->text, b->len), "reader text not UTF-8");
	size_t last = 0;
	for (size_t i = 0; i < b->n; i++) {
		const td_block *k = &b->v[i];
		FUZZ_CHECK(k->start <= k->end && k->end <= b->len,
		        "block %zu [%zu, %zu) outside text of %zu", i, k->start,
		        k->end, b->len);
		FUZZ_CHECK(k->start >= last,
		        "block %zu overlaps or is out of "
		        "order",
		        i);
		last = k->end;
	}
}

static void check_doc(const td_doc *d)
{
	FUZZ_CHECK(
	        d->text && d->text[d->len] == '\0', "doc text not terminated");
	FUZZ_CHECK(fuzz_utf8_ok(d->text, d->len), "doc text not UTF-8");
	for (size_t i = 0; i < d->n_spans; i++)
		FUZZ_CHECK(d->spans[i].start <= d->spans[i].end &&
		                   d->spans[i].end <= d->len,
		        "span %zu <%s> [%zu, %zu) outside text of %zu", i,
		        d->spans[i].name, d->spans[i].start, d->spans[i].end,
		        d->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	td_blocks b = {0};
	int rc = td_text_read(NAME, s, size, 0, &b);
	if (rc) {
		FUZZ_CHECK(rc == TD_EINPUT || rc == TD_ELIMIT,
		        "strict read failed with %d", rc);
		FUZZ_CHECK(fuzz_names(NAME), "error does not name the input");
	} else {
		check_blocks(&b);
	}
	td_blocks_clear(&b);

	td_doc *d = NULL;
	rc = td_pipeline_doc(lenient, NAME, s, size, &d);
	if (rc) {
		FUZZ_CHECK(rc == TD_EINPUT || rc == TD_ELIMIT,
		        "pipeline failed with %d", rc);
		FUZZ_CHECK(fuzz_names(NAME), "error does not name the input");
		return 0;
	}
	check_doc(d);
	fuzz_round_trip(d);
	td_doc_free(d);
	return 0;
}
