/* patset.h: the data pattern matching works on (match.c has the code,
 * match.h the functions): a lexicon entry as a pattern of words, pattern
 * sets indexed by first word, and the annotator's word table, which maps a
 * token to its word class once so that a list test is a bit test.
 * Internal to the annotation (annotate.h includes it).
 */
#ifndef TAGDEX_PATSET_H
#define TAGDEX_PATSET_H

#include <stddef.h>
#include <stdint.h>

/* A lexicon entry as a sequence of words (cut with td_tokenize). */
typedef struct td_pat {
	char **w;
	size_t *len; /* byte length of each word (matching is per token) */
	int n;
	int id;    /* index of the owning record (actor, cue ...) */
	int type;  /* stage-specific */
	int flags; /* stage-specific */
} td_pat;

/* Patterns sorted by their first word (compared folded or exactly). */
typedef struct td_patset {
	td_pat *v;
	size_t n, cap;
	int fold; /* match case-insensitively */
	/* after td_patset_sort: patterns whose first word starts with
	 * (folded) byte b are v[first[b] .. first[b + 1]) */
	size_t first[257];
	/* after td_patset_sort: open-addressed table over the distinct first
	 * words (hashed as td_word_hash does), each slot the index + 1 of the
	 * first pattern with that word, 0 when empty; hmask + 1 slots */
	uint32_t *hslot;
	uint32_t *hhash; /* the word hash of each slot */
	size_t hmask;
	/* per pattern: the end of the run of patterns sharing its first word */
	uint32_t *gend;
	/* per pattern: td_word_hash of its second word in the set's folding
	 * (0 for a pattern of one word), so that a pattern whose second word
	 * is not the next token's is passed over by one compare with the
	 * token's hash (td_actx.tok_hash) instead of comparing words */
	uint32_t *h2;
	/* 1 + this set's index into td_wordinfo.first once the annotator has
	 * indexed it (td_annotator_new); 0: matched through hslot alone */
	int slot;
} td_patset;

/* The annotator's patsets that the word table indexes. */
enum { TD_NPATSETS = 8 };

/* Words of the list bits in td_wordinfo: one bit a registered list, and
 * td_words_index refuses more than 64 * TD_WORD_MASKS lists (TD_ELIMIT),
 * so that no list falls back to the hashed look-up unseen. */
enum { TD_WORD_MASKS = 4 };

/* One word of the annotator's word table: an equivalence class of words
 * (folded or exact, ’ as ') that a registered list or a pattern's first
 * word holds. A document maps each token to its class once, so that a
 * list test is a bit test and a pattern look-up needs no probe. */
typedef struct td_wordinfo {
	const char *w; /* NULL: empty slot */
	size_t len;
	uint32_t h; /* td_word_hash(w, len, fold) */
	/* bit b of mask[b / 64]: the registered list of index b holds it */
	uint64_t mask[TD_WORD_MASKS];
	/* per indexed patset: 1 + the first pattern with this first word */
	uint32_t first[TD_NPATSETS];
} td_wordinfo;

/* A word of a registered grammar-word list, for td_tok_in(). */
typedef struct td_wordent {
	const char *const *list; /* NULL: empty slot */
	const char *word;
	uint32_t h; /* td_word_hash(word, fold) */
	int fold;
} td_wordent;

#endif
