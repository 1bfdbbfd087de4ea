/* claim_model.h: the #claim decision as a logistic model whose weights
 * are data (corpus/lexicons/claim_model.tsv, trained from the gold by
 * scripts/claim-model.py): features of a sentence, computed once, and
 * their dot product with the weights. The rules of labels.c give the
 * model their own decision and cues as features; this file adds general
 * ones (quotation, modals, person, negation, copula, tense, genre, part
 * of speech, length). Internal to the annotation.
 */
#ifndef TAGDEX_CLAIM_MODEL_H
#define TAGDEX_CLAIM_MODEL_H

#include <stdio.h>

#include "annotate.h"

/* What labels.c's rules found in a sentence, as 0/1. */
typedef struct td_claim_rules {
	int claim, pred, question, deontic, eval, judge, recommend, stance;
	int any_unit, rep, own_clause, report_verb, plan, separate, hyp_eval;
} td_claim_rules;

/* The number of features (the bias first), and the name of feature k
 * (NULL past the last): the names the weights file uses. */
enum { TD_CLAIM_NFEAT = 93 };
const char *td_claim_feature_name(size_t k);

/* The weights of claim_model.tsv: one per feature, and the threshold on
 * the score (the log-odds) from which a sentence is a claim. */
typedef struct td_claim_model {
	double w[TD_CLAIM_NFEAT];
	double threshold;
	/* the weights decide as the rules do (every weight 0 but the bias
	 * and rule_claim's, the rules' claim over the threshold, their
	 * non-claim under it): labels.c then computes no feature */
	int rules_only;
} td_claim_model;

/* Reads dir/claim_model.tsv into a->claim_model (owned by a): rows
 * "FEATURE<TAB>WEIGHT" for every feature and "@threshold<TAB>VALUE". A
 * missing file, an unknown or repeated feature name, a weight that is
 * not a number or a missing row is an error naming the file (and line);
 * TD_ENOMEM when out of memory. Registers the grammar words the features
 * read. 0 on success. */
int td_claim_model_load(td_annotator *a, const char *dir);
/* Frees a->claim_model (NULL after). */
void td_claim_model_unload(td_annotator *a);

/* Per sentence of c, what the features read of the document's said
 * clauses and actor mentions, made in one pass (each sentence's own scan
 * of them would cost sentences times mentions): malloc'd, the caller
 * frees it; NULL when out of memory. */
unsigned char *td_claim_sentence_info(const td_actx *c);

/* Fills x[TD_CLAIM_NFEAT] for sentence si (tokens [t0, t1)); rep_mask[i -
 * t0] & 1 is set for a token of words reported from an actor (labels.c's
 * M_REP mask); sinfo is td_claim_sentence_info's (NULL: no said clause,
 * no mention). Reads the document, the POS layer and the rules' r. */
void td_claim_features(const td_actx *c, size_t si,
        const unsigned char *rep_mask, const unsigned char *sinfo,
        const td_claim_rules *r, double *x);

/* The model's score of x (the log-odds) */
double td_claim_score(const td_claim_model *m, const double *x);

/* A document's dump lines (td_claim_dump_begin .. _end): f is NULL
 * when no dump file is open. */
typedef struct td_claim_dump_doc {
	FILE *f;
	char *buf;
	size_t len;
} td_claim_dump_doc;

/* Starts a document's lines: d->f is a stream in memory to which
 * td_claim_dump writes, or NULL when td_claim_dump_open opened no file.
 * 0, or TD_ENOMEM. */
int td_claim_dump_begin(td_claim_dump_doc *d);

/* Ends them: with write, appends them to the dump file in one block,
 * under a lock (documents annotated at once by several threads never
 * interleave; their order is the order they end in); without, drops
 * them. A failed write is reported by td_claim_dump_close. Frees d's
 * buffer. 0, or TD_ENOMEM. */
int td_claim_dump_end(td_claim_dump_doc *d, int write);

/* Writes one line for sentence si to f: the source file name, the
 * sentence number, the features and the sentence's text (tabs and
 * newlines as spaces), tab-separated: what scripts/claim-model.py reads
 * (td_claim_dump_open, TAGDEX_CLAIM_DUMP for tagdex-ingest). */
void td_claim_dump(FILE *f, const td_actx *c, size_t si, const double *x);

#endif
