/* names.h: persons named by proper nouns that no lexicon or earlier rule
 * holds, found by the part-of-speech layer and weighed by evidence
 * (names.c). Internal to the actors stage: it decides which runs name a
 * person and under which form; the caller writes the mentions.
 */
#ifndef TAGDEX_NAMES_H
#define TAGDEX_NAMES_H

#include "annotate.h"

/* What the actors stage lends the name finder. */
typedef struct td_names_ops {
	/* May token t of the sentence [s0, s1) be a word of a person's name
	 * no rule has taken (no lexicon entry, title, place, organisation
	 * head, month ...)? */
	int (*word_ok)(
	        const td_actx *c, void *ctx, size_t t, size_t s0, size_t s1);
	/* Write a person's mention at tokens [t0, t1), keyed by the form at
	 * tokens [f0, f1) (the fullest form of the name in the document);
	 * < 0 on error. */
	int (*take)(td_actx *c, void *ctx, size_t t0, size_t t1, size_t f0,
	        size_t f1);
	void *ctx;
} td_names_ops;

/* Finds the runs of proper nouns (tagged NNP/NNPS, one to three words,
 * every word passing ops->word_ok, none marked in in[]) of the document,
 * groups them by form, and takes as a person every use, without evidence
 * against it, of each form one of whose uses scores
 * TD_NAMES_PERSON_AT or more; a one-word use equal to the last word of
 * such a longer form is that person. Marks taken tokens in in[]. 0 or
 * the first error of ops->take. */
int td_names_find(td_actx *c, unsigned char *in, const td_names_ops *ops);

enum { TD_NAMES_PERSON_AT = 2 };

/* The word lists of names.c's evidence, NULL-terminated: the actors
 * stage registers them (td_words_register), so that each is a bit of the
 * word table. */
extern const char *const *const td_names_lists[];

#endif
