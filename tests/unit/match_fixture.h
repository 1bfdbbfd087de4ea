/* match_fixture.h: a matching context made by hand for the tests of the
 * token tests and pattern sets under the annotation stages (match.c):
 * test_actors.c and test_match.c link match_fixture.c. No annotator: a
 * test that needs one sets c->a itself.
 */
#ifndef MATCH_FIXTURE_H
#define MATCH_FIXTURE_H

#include "annotate.h"

/* c over the tokens of text (d: a bare document holding text, owned by
 * the caller); with hashed, each token's word hashes (exact and folded,
 * c->tok_hash) computed by td_word_hash, as td_tok_classify makes them. */
void fxm_ctx(td_actx *c, td_doc *d, char *text, int hashed);

/* c read by annotator a: its tokens' word hashes and word-table entries
 * as td_tok_classify makes them, in arrays of exactly one entry a token
 * (so that valgrind and ASan see a read past the last). */
void fxm_classify(td_actx *c, const td_annotator *a);

/* Frees the tokens, word hashes and word-table entries fxm_ctx and
 * fxm_classify made; c itself is the caller's. */
void fxm_ctx_clear(td_actx *c);

/* ps: the pattern set of pats (NULL-terminated), pattern k with id k,
 * folded or not, sorted (its look-up tables made). */
void fxm_patset(td_patset *ps, const char *const *pats, int fold);

#endif
