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
/* The tagger alone (no WordNet): for td_words_tag, as the annotator's pos
 * stage uses it; td_words_add and td_words_layers need td_words_new's. */
int td_words_tagger(const char *model_path, td_words **out);
/* A td_words with lemmas over base's model (opened once: the annotator's
 * tagger serves --words and the index's layers); base must outlive it. */
int td_words_share(const td_words *base, td_words **out);
void td_words_free(td_words *w);
/* Tags every token of doc->tokens (cut now when absent), each <s> on its
 * own, into doc->pos_tags, unless the same model (td_pos_model_id) has
 * tagged it already: a document is tagged once whichever of the
 * annotation, --words and the index's layers asks first. */
int td_words_tag(const td_words *w, td_doc *doc);
/* The same over tk, the document's tokens held elsewhere (the annotator
 * takes doc->tokens over while it runs). */
int td_words_tag_tokens(
        const td_words *w, td_doc *doc, const struct td_tokens *tk);
/* The name of a tag number of doc->pos_tags ("NNP"), "" when out of range. */
const char *td_words_tag_name(const td_words *w, unsigned tag);
/* Adds a <w pos lemma> span over every token of doc, tagging each <s> on
 * its own. Thread-safe for distinct documents. */
int td_words_add(const td_words *w, td_doc *doc);
/* Sets doc->layers: the part of speech and lemma of every token, tagged
 * as td_words_add() does, except where a <w> span of the document gives
 * pos or lemma (TEI input that is already tagged keeps its own). */
int td_words_layers(const td_words *w, td_doc *doc);

#endif
