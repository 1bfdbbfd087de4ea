/* lexicons.h: the lexicons as the annotator holds them (an actor's and a
 * hedge cue's record, the types and flags of actor and speech-verb
 * patterns) and the reading of lexicon files (lexicons.c), with the
 * lexicons several stages read, so that no stage borrows another's.
 * Internal to the annotation (annotate.h includes it).
 */
#ifndef TAGDEX_LEXICONS_H
#define TAGDEX_LEXICONS_H

#include "annotator.h"
#include "util.h"

typedef struct td_actor_rec {
	char *key, *kind, *name;
	/* validity period as yyyymmdd, 0 when open (actors.tsv column 7,
	 * an ISO 3166-3 withdrawal date): the document's date picks the
	 * sense of a name */
	long from, to;
} td_actor_rec;

enum { TD_PAT_NAME = 0, TD_PAT_METONYM = 1, TD_PAT_DEMONYM = 2 };
enum {
	TD_PATF_NEEDS_NAMED = 1,
	TD_PATF_LEADING_THE = 2,
	TD_PATF_SHORT = 4,
	/* a demonym that is a plural noun: Russians, Chinese */
	TD_PATF_PLURAL = 8,
	/* clubs.tsv: a club's full name, its nickname (the club only in a
	 * document about the game), its city (only once the club is named) */
	TD_PATF_CLUB_FULL = 16,
	TD_PATF_CLUB_NICK = 32,
	TD_PATF_CLUB_CITY = 64,
	/* actors.tsv '^': a surname that names the actor only after a title
	 * of office ("Gov. Brown"), and anywhere once so named ("Mr. Case"
	 * after "Sen. Case"): alone it is a common word or surname */
	TD_PATF_AFTER_TITLE = 128
};

typedef struct td_hedge_rec {
	char *subtype;
	int cond; /* TD_HC_* */
} td_hedge_rec;
enum {
	TD_HC_NONE = 0,
	TD_HC_NUM,
	TD_HC_MODAL,
	TD_HC_VERB,
	TD_HC_COPULA,
	TD_HC_TO,
	TD_HC_PASSIVE
};

enum {
	TD_SV_SPEECH = 0,
	TD_SV_ACCORDING = 1,
	TD_SV_VIEW = 2,
	TD_SV_CONVICTION = 3,
	/* a verb of thinking or knowing ("knew that", "was thinking that",
	 * "found that"): reports an explicit "that" clause, no quotation */
	TD_SV_THOUGHT = 4,
	/* a verb of the manner of saying (muttered, snapped, asked): a
	 * speaker only in a speech tag beside a quotation */
	TD_SV_TAG = 5
};
/* BARE: a reported clause without "that"; OBJECT: an addressee before
 * it; VERB: a form that is also a noun ("states", "reports"), a verb of
 * saying only where the part-of-speech layer does not tag it a noun */
enum { TD_SVF_BARE = 1, TD_SVF_OBJECT = 2, TD_SVF_VERB = 4 };

/* lexicons.c: the lexicon files, and the lexicons several stages read */
/* Loads dir/name as TSV, for a loader that looks rows up in the whole
 * table (subdivisions.tsv); a loader that reads row by row uses
 * td_lex_each. Errors carry FILE:LINE. */
int td_lex_load(const char *dir, const char *name, td_tsv **out);
/* A TSV field or NULL when absent, empty or "-". */
const char *td_lex_field(const td_tsv_row *r, size_t i);

/* Reads dir/name with td_tsv_each (util.h): fn(ctx, row) for each row in
 * order, up to the first nonzero return, which it returns (an error
 * recorded by fn, usually through td_lex_error). */
int td_lex_each(const char *dir, const char *name,
        int (*fn)(void *ctx, const td_lex_row *row), void *ctx);
/* Loads the shared lexicons: speech verbs (speech_pats) and titles
 * (title_pats). */
int td_shared_load(td_annotator *a, const char *dir);
/* Frees what td_shared_load loaded. */
void td_shared_unload(td_annotator *a);

#endif
