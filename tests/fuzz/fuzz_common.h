/* fuzz_common.h: what the fuzz harnesses share. A harness checks invariants
 * with FUZZ_CHECK, which aborts (a crash to libFuzzer, a failure to the
 * replay driver) and says which invariant broke. Harnesses never print on
 * the normal path: libFuzzer runs them millions of times. */
#ifndef TD_FUZZ_COMMON_H
#define TD_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagdex.h"
#include "tei.h"

/* libFuzzer's entry points (the replay driver provides main). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, ...)                                                  \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: invariant broken: ", __FILE__, \
			        __LINE__);                                     \
			fprintf(stderr, __VA_ARGS__);                          \
			fprintf(stderr, "\n(last error: %s)\n",                \
			        td_error_last());                              \
			abort();                                               \
		}                                                              \
	} while (0)

/* The lexicon directory: $TAGDEX_LEXICONS, else the source tree's. */
static inline const char *fuzz_lexdir(void)
{
	const char *e = getenv("TAGDEX_LEXICONS");
#ifdef TD_SRCDIR
	return e && *e ? e : TD_SRCDIR "/corpus/lexicons";
#else
	return e && *e ? e : "corpus/lexicons";
#endif
}

/* An error for input NAME must name it (the first thing in the message). */
static inline int fuzz_names(const char *name)
{
	return strstr(td_error_last(), name) != NULL;
}

/* Text must be valid UTF-8 without NUL (what every reader promises). */
static inline int fuzz_utf8_ok(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i], k;
		unsigned cp;
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			k = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			k = 3, cp = c & 0x07;
		else
			return 0;
		for (unsigned j = 1; j <= k; j++) {
			if (i + j >= n || (p[i + j] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i + j] & 0x3f);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
		        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* The warning hook harnesses install: warnings are expected, never printed. */
static inline void fuzz_quiet(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

/* An accepted document must write as TEI, read back, and keep its text. */
static inline void fuzz_round_trip(const td_doc *d)
{
	char *xml = NULL;
	size_t n = 0;
	FUZZ_CHECK(td_tei_write_mem(d, &xml, &n) == 0,
	        "TEI writer failed on an accepted document");
	td_doc *back = NULL;
	FUZZ_CHECK(td_tei_read("fuzz-output.xml", xml, n, &back) == 0,
	        "written TEI does not read back");
	FUZZ_CHECK(
	        back->len == d->len && memcmp(back->text, d->text, d->len) == 0,
	        "TEI round trip changed the text (%zu -> %zu bytes)", d->len,
	        back->len);
	td_doc_free(back);
	free(xml);
}

#endif
