/* fuzz_tei.c: libFuzzer harness for the TEI reader, and the writer on what
 * the reader accepts. Invariants: a failure is TD_EINPUT/TD_ELIMIT naming
 * the input (never a crash, a hang or a stack overflow, whatever the
 * nesting); no external entity or DTD is ever loaded; spans lie in the text;
 * any document the reader accepts the writer writes, and that TEI reads back
 * with the same text. The input's folder does not exist, so no xi:include
 * reads a file; a teiCorpus gives several documents, each checked. */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "tei.h"

#define NAME "/nonexistent-tagdex-fuzz/fuzz-input.xml"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	td_set_warn(fuzz_quiet, NULL);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	td_doc **v = NULL;
	size_t n = 0;
	int rc = td_tei_read_all(NAME, (const char *)data, size, &v, &n);
	if (rc) {
		FUZZ_CHECK(rc == TD_EINPUT || rc == TD_ELIMIT,
		        "TEI read failed with %d", rc);
		FUZZ_CHECK(fuzz_names(NAME), "error does not name the input");
		FUZZ_CHECK(v == NULL && n == 0, "failed read left a document");
		return 0;
	}
	for (size_t k = 0; k < n; k++) {
		td_doc *d = v[k];
		FUZZ_CHECK(d->text && d->text[d->len] == '\0',
		        "text not terminated");
		FUZZ_CHECK(d->id && *d->id, "no document id");
		/* the dictionary offers SYSTEM "file:///etc/passwd" and the
		 * like */
		FUZZ_CHECK(!memmem(d->text, d->len, "root:", 5) ||
		                   memmem(data, size, "root:", 5),
		        "a local file leaked into the text");
		for (size_t i = 0; i < d->n_spans; i++)
			FUZZ_CHECK(d->spans[i].start <= d->spans[i].end &&
			                   d->spans[i].end <= d->len,
			        "span %zu outside the text", i);
		fuzz_round_trip(d);
		td_doc_free(d);
	}
	free(v);
	return 0;
}
