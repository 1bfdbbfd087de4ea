/* words.h: the <w pos lemma> layer (words.c) over the part-of-speech
 * tagger and the lemmatiser: tagdex-ingest --words, and the pos and lemma
 * layers of the index. Internal to tagdex (not installed).
 */
#ifndef TAGDEX_WORDS_H
#define TAGDEX_WORDS_H

#include "tagdex.h"

typedef struct td_words td_words;
/* The default part-of-speech model: the installed one (or
 * the source tree's corpus/models/ in a build not installed). */
const char *td_pos_model_path(void);
/* Opens the model (NULL: td_pos_model_path()) and WordNet. Errors name the
 * file: TD_ENOTFOUND, TD_EVERSION, TD_ECORRUPT. */
int td_words_new(const char *model_path, td_words **out);
void td_words_free(td_words *w);
/* Adds a <w pos lemma> span over every token of doc, tagging each <s> on
 * its own. Thread-safe for distinct documents. */
int td_words_add(const td_words *w, td_doc *doc);
/* Sets doc->layers: the part of speech and lemma of every token, tagged
 * as td_words_add() does, except where a <w> span of the document gives
 * pos or lemma (TEI input that is already tagged keeps its own). */
int td_words_layers(const td_words *w, td_doc *doc);

#endif
