/* sentences.h: the sentence splitter (sentences.c) and the abbreviation
 * list it reads. It finds byte ranges in text and owns nothing of the
 * document's. Internal to tagdex (not installed).
 */
#ifndef TAGDEX_SENTENCES_H
#define TAGDEX_SENTENCES_H

#include <stddef.h>

typedef struct td_abbrevs td_abbrevs;

/* Loads abbreviations.tsv: rows "FORM<TAB>CLASS" where CLASS is one of
 *   title    never ends a sentence (Mr., Dr., Gen.)
 *   inner    never ends a sentence (e.g., i.e., cf.)
 *   number   does not end one before a digit (No. 10, pp. 3)
 *   month    does not end one before a digit (Jan. 19)
 *   end      may end one: only before a listed sentence starter (U.S., etc.)
 *   starter  (not an abbreviation) a word that begins sentences ("The")
 * Errors name the file and line of a bad row. */
int td_abbrevs_load(const char *path, td_abbrevs **out);
/* An empty list (the splitter still handles initials, decimals, quotes). */
int td_abbrevs_new(td_abbrevs **out);
void td_abbrevs_free(td_abbrevs *a);

typedef struct td_range {
	size_t start, end;
} td_range;

/* Splits text[start, end) into sentences: byte ranges trimmed of white
 * space (no-break spaces included), in order, appended to *out (a malloc'd
 * array the caller frees; *n counts its entries). ab may be NULL. */
int td_sentences_split(const td_abbrevs *ab, const char *text, size_t start,
        size_t end, td_range **out, size_t *n);

#endif
