/* lemma.h: the lemma of a token given its Penn tag. Internal to tagdex.
 * Inflected open-class words go to WordNet's morphological processor
 * (morphstr, with its exception lists for irregular forms); closed classes,
 * contractions and proper nouns are handled by rule. WordNet's library keeps
 * global state, so every call into it is serialised here and its answers are
 * cached: td_lemma() is safe from any number of threads.
 */
#ifndef TAGDEX_LEMMA_H
#define TAGDEX_LEMMA_H

#include <stddef.h>

/* Opens WordNet once per process (later calls return at once). Errors:
 * TD_ENOTFOUND when its database cannot be opened (the message names
 * WNHOME and the Debian package wordnet-base). */
int td_lemma_init(void);

/* As td_lemma_init, but loads only the verb tables (a tenth of the
 * whole): enough for td_lemma of a VB* or MD tag, the one use of a
 * process that writes TEI without lemmas (reported.c's verbs of
 * reporting). td_lemma_init later loads the rest. Same errors. */
int td_lemma_init_verbs(void);

/* WordNet's morphstr(word, cls) for a lowercase word without ' ', '_' or
 * '(' (cls: NOUN 1, VERB 2, ADJ 3, ADV 4; hyphenated words part by part
 * as morphstr does), answered from the tables loaded by td_lemma_init()
 * without a lock: 1 with the first base form in out, 0 when morphstr
 * gives none (or it does not fit, or cls's tables are not loaded). For td_lemma
 * and the test that compares it with morphstr. */
int td_lemma_morphy(const char *word, int cls, char *out, size_t size);

/* Writes the lemma of word[0, len) tagged pos ("VBD", "NNS"; NULL or "" for
 * unknown) into out (NUL-terminated, at most size - 1 bytes; a longer lemma
 * is the word itself cut at a character boundary). Returns the lemma's
 * length. Never fails: a word WordNet does not know is its own lemma,
 * lowercased unless a proper noun. td_lemma_init() must have succeeded
 * (for a VB* or MD tag, td_lemma_init_verbs() is enough). */
size_t td_lemma(
        const char *word, size_t len, const char *pos, char *out, size_t size);

#endif
