/* fuzz_html.c: libFuzzer harness for saved web pages: the HTML reader
 * alone, then the whole pipeline an .html goes through (reader, structure,
 * every annotator), the TEI writer and the TEI reader on its output.
 * Invariants: a failure is TD_EINPUT/TD_ELIMIT naming the input; accepted
 * text is valid UTF-8 without NUL or other control characters but tab and
 * LF; blocks lie in the text, in order, non-empty, without a blank line;
 * header strings are valid UTF-8; the TEI written reads back with the same
 * text. Seeds: tests/data/html. */
#include <stdint.h>

#include "blocks.h"
#include "fuzz_common.h"
#include "html_reader.h"
#include "pipeline.h"
#include "tei.h"

#define NAME "fuzz-input.html"

static td_pipeline *pipe_;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	td_set_warn(fuzz_quiet, NULL);
	if (td_pipeline_new(fuzz_lexdir(), 0, &pipe_)) {
		fprintf(stderr, "fuzz_html: lexicons in %s: %s\n",
		        fuzz_lexdir(), td_error_last());
		abort();
	}
	return 0;
}

static int no_controls(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\t' && s[i] != '\n')
			return 0;
	return 1;
}

static void check_field(const char *what, const char *v)
{
	if (!v)
		return;
	FUZZ_CHECK(fuzz_utf8_ok(v, strlen(v)) && no_controls(v, strlen(v)),
	        "header field %s not clean UTF-8", what);
}

static void check_blocks(const td_blocks *b)
{
	FUZZ_CHECK(b->text && b->text[b->len] == '\0', "text not terminated");
	FUZZ_CHECK(strlen(b->text) == b->len, "NUL inside the text");
	FUZZ_CHECK(fuzz_utf8_ok(b->text, b->len), "reader text not UTF-8");
	FUZZ_CHECK(no_controls(b->text, b->len), "control character in text");
	FUZZ_CHECK(b->n > 0, "accepted page without blocks");
	size_t last = 0;
	for (size_t i = 0; i < b->n; i++) {
		const td_block *k = &b->v[i];
		FUZZ_CHECK(k->start < k->end && k->end <= b->len,
		        "block %zu [%zu, %zu) empty or outside text of %zu", i,
		        k->start, k->end, b->len);
		FUZZ_CHECK(k->start >= last,
		        "block %zu overlaps or is out of "
		        "order",
		        i);
		FUZZ_CHECK(!memmem(b->text + k->start, k->end - k->start,
		                   "\n\n", 2),
		        "block %zu holds a blank line", i);
		last = k->end;
	}
	check_field("title", b->meta.title);
	check_field("subtitle", b->meta.subtitle);
	check_field("date", b->meta.date);
	check_field("author", b->meta.author);
	check_field("url", b->meta.url);
	check_field("extraction", b->meta.extraction);
	if (b->meta.date)
		FUZZ_CHECK(strlen(b->meta.date) == 4 ||
		                   strlen(b->meta.date) == 7 ||
		                   strlen(b->meta.date) == 10,
		        "date \"%s\" not ISO", b->meta.date);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	td_blocks b = {0};
	int rc = td_html_read(NAME, s, size, 0, &b);
	if (rc) {
		FUZZ_CHECK(rc == TD_EINPUT || rc == TD_ELIMIT,
		        "read failed with %d", rc);
		FUZZ_CHECK(fuzz_names(NAME), "error does not name the input");
		FUZZ_CHECK(
		        b.text == NULL && b.n == 0, "failed read left blocks");
		return 0;
	}
	check_blocks(&b);
	td_blocks_clear(&b);

	td_doc *d = NULL;
	rc = td_pipeline_doc(pipe_, NAME, s, size, &d);
	if (rc) {
		FUZZ_CHECK(rc == TD_EINPUT || rc == TD_ELIMIT,
		        "pipeline failed with %d", rc);
		FUZZ_CHECK(fuzz_names(NAME), "error does not name the input");
		return 0;
	}
	fuzz_round_trip(d);
	td_doc_free(d);
	return 0;
}
