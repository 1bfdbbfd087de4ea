/* annotator.h: the annotation stage as the pipeline and the tests see it:
 * an annotator loaded once from the lexicons, read-only afterwards, and
 * td_annotate() on one document. What is inside is annotate.h's.
 * Internal to tagdex (not installed).
 */
#ifndef TAGDEX_ANNOTATOR_H
#define TAGDEX_ANNOTATOR_H

#include "tagdex.h"

typedef struct td_annotator td_annotator;

/* annotate.c: loads the lexicons in lexdir (actors.tsv, hedges.tsv, ...).
 * Errors name the file and line of a bad lexicon row. */
int td_annotator_new(const char *lexdir, td_annotator **out);
void td_annotator_free(td_annotator *a);
/* actors.c: the directory of the ISO 3166 tables (iso-codes JSON) that
 * td_annotator_new() reads, or NULL for the one configure found.
 * Process-wide: set it before creating annotators (tagdex-ingest passes
 * $TAGDEX_ISO_CODES; the library reads no environment). */
void td_iso_codes_dir_set(const char *dir);
/* claim_model.c: opens (creates or truncates) path as the file to which
 * the labels stage writes each body sentence's claim features
 * (claim_model.h, td_claim_dump), one line a sentence, each document's
 * lines in one block: threads annotating at once never interleave them.
 * NULL or "" closes it only. Process-wide: open it before annotating
 * (tagdex-ingest opens $TAGDEX_CLAIM_DUMP; the library reads no
 * environment). scripts/claim-model.py trains claim_model.tsv from it.
 * 0, or TD_EIO naming the file (and TD_EIO of a close). */
int td_claim_dump_open(const char *path);
/* Closes the dump file, if open: 0, or TD_EIO naming the file when a
 * write or the close failed. */
int td_claim_dump_close(void);
/* who_dump.c: opens (creates or truncates) path as the file to which the
 * quotes stage writes each quotation and reported clause with its @who
 * and the rule that gave it (site/speaker/pronoun), one line a record,
 * tab-separated: source, sentence, q or said, text, key or "-", rule;
 * each document's lines in one block. NULL or "" closes it only.
 * Process-wide, as td_claim_dump_open (tagdex-ingest opens
 * $TAGDEX_WHO_DUMP). 0, or TD_EIO naming the file. */
int td_who_dump_open(const char *path);
/* Closes it, if open: 0, or TD_EIO naming the file when a write or the
 * close failed. */
int td_who_dump_close(void);
/* annotate.c: the part-of-speech model the annotators' pos stage opens,
 * or NULL for the default (td_pos_model_path(), words.h). Process-wide:
 * set it before creating annotators (tagdex-ingest passes
 * $TAGDEX_POS_MODEL). */
void td_annotator_pos_model_set(const char *path);
/* The annotator's part-of-speech tagger (words.h), for td_words_share. */
const struct td_words *td_annotator_tagger(const td_annotator *a);
/* Adds actor mentions, quotes, reported speech, hedge cues, dates and the
 * sentence labels to a document that already has its structure spans (p,
 * head, s ...). Safe to call from several threads on different documents. */
int td_annotate(const td_annotator *a, td_doc *doc);

#endif
