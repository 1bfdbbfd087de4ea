/* annotate.h: the annotation's data: the annotator (lexicons as records
 * and pattern sets, read-only after td_annotator_new()), the per-document
 * context td_actx that td_annotate() owns (sentences, mentions, quotes,
 * said, sentence flags), and the stage interface. The records and the
 * lexicon files are lexicons.h's, the pattern sets and the word table
 * patset.h's; the matching the stages share (word and pattern tests over
 * tokens) is declared in match.h, which the stages include.
 */
#ifndef TAGDEX_ANNOTATE_H
#define TAGDEX_ANNOTATE_H

#include <pthread.h>
#include <stdio.h>

#include "annotator.h"
#include "lexicons.h"
#include "patset.h"
#include "util.h"

struct td_annotator {
	td_actor_rec *actors;
	size_t n_actors, cap_actors;
	td_patset actor_pats; /* exact case */
	td_patset place_pats; /* exact case; a subdivision's id is its
	                       * country's actor (-1: none) */
	/* ISO 3166-1 alpha-2 code (AA..ZZ as 26 * (A - 'A') + B - 'A') to 1 +
	 * the state actor of that country, 0 for none */
	int cc_state[26 * 26];
	td_patset title_pats; /* exact case */
	td_patset given_pats; /* exact case: given names */
	/* exact case: parties.tsv, type 'a' (the members' adjective) or 'm'
	 * (the members' plural); id: the party's actor */
	td_patset party_pats;
	/* exact case: person_words.tsv, type 'v' (verb), 'n' (noun) or 'x'
	 * (none) */
	td_patset person_pats;
	td_hedge_rec *hedges;
	size_t n_hedges, cap_hedges;
	td_patset hedge_pats;  /* folded */
	td_patset speech_pats; /* folded */
	td_patset claim_pats;  /* folded */
	/* claim_model.tsv (claim_model.h): the #claim decision's weights */
	struct td_claim_model *claim_model;
	/* report_verbs.tsv: lemmas of reporting verbs (reported.c) */
	struct td_reported *reported;
	/* grammar-word lists the stages registered (td_words_register), and
	 * after td_annotator_new hash tables over them: lists by address,
	 * words by (list, fold, word hash) */
	const char *const **reg;
	size_t n_reg, cap_reg;
	const char *const **reg_slot;
	size_t reg_mask;
	td_wordent *wslot;
	size_t wmask;
	/* per reg_slot: the list's bit in td_wordinfo.mask, -1 for an
	 * empty slot */
	int *reg_bit;
	/* the lists with a bit again, at slot (address / 8) & reg_dmask,
	 * with their bits (reg_dbit): td_tok_in finds a list with one load
	 * and one compare, no hash and no probing. The lists are static
	 * arrays side by side, so that few share a slot; a list that finds
	 * its slot taken stays out (td_tok_in_slow answers for it) */
	const char *const **reg_dir;
	int *reg_dbit;
	size_t reg_dmask;
	/* the word tables, [0] exact and [1] folded; wtmask + 1 slots each */
	td_wordinfo *wtab[2];
	size_t wtmask;
	/* the part-of-speech tagger of the pos stage (words.h) */
	struct td_words *tagger;
	/* its tag names by number (td_words_tag_name, "" past its tags),
	 * filled by the pos stage's load: td_tok_pos_is reads a token's tag
	 * here in line; NULL (an annotator made by hand) asks the tagger */
	const char *pos_name[256];
};

/* One sentence of the document (an <s> span). */
typedef struct td_sent {
	size_t span;       /* index into doc->spans */
	size_t start, end; /* byte range */
	size_t t0, t1;     /* token range [t0, t1) */
	int para;          /* index of the enclosing block (p/head), or -1 */
} td_sent;

/* An actor mention found in the document. */
typedef struct td_mention {
	size_t t0, t1;     /* tokens */
	size_t start, end; /* bytes (element content) */
	int sent;
	const char *key;   /* NULL for keyless groups/places */
	const char *kind;  /* person, org, state, group, place */
	int pronoun;       /* he/she/they... (not an element) */
	int located;       /* a state named as a location (placeName) */
	const char *state; /* for persons: the state named before the title */
} td_mention;

/* dump_file.c: the file of a process-wide debugging dump, named by the
 * environment variable var (for messages); static, initialised with
 * TD_DUMP_FILE_INIT. */
typedef struct td_dump_file {
	const char *var;
	FILE *f;    /* NULL: not open */
	char *name; /* the path, owned */
	int err;    /* the first failed write's errno, 0 */
	pthread_mutex_t mu;
} td_dump_file;
#define TD_DUMP_FILE_INIT(var)                                                 \
	{                                                                      \
		var, NULL, NULL, 0, PTHREAD_MUTEX_INITIALIZER                  \
	}
/* Closes d if open, then opens (creates or truncates) path; NULL or ""
 * closes only. 0, or TD_EIO naming var and the file (TD_ENOMEM). */
int td_dump_file_open(td_dump_file *d, const char *path);
/* Closes d, if open: 0, or TD_EIO naming var and the file when a write or
 * the close failed. */
int td_dump_file_close(td_dump_file *d);
/* Appends buf[0, len) as one block under d's lock; a failure is kept for
 * td_dump_file_close. Nothing when d is not open. */
void td_dump_file_write(td_dump_file *d, const char *buf, size_t len);

/* who_dump.c: the rule that gave a record its @who, as noted by the
 * deciding code (static strings or NULL): where the key was given
 * (site), the speaker rule and the he/she referent rule it used. */
typedef struct td_who_evidence {
	int paras;  /* paragraph breaks since the person's last naming in
	             * the narration, -1 when not named there */
	int rivals; /* other persons named in the narration since in
	             * subject position, of the pronoun's gender or of none
	             * known */
	int gender; /* 1 when the person's gender is known and agrees */
	int turns;  /* paragraphs holding quotations between the naming's
	             * paragraph and the pronoun's */
} td_who_evidence;
typedef struct td_who_rule {
	const char *site, *spk, *pron;
	td_who_evidence ev; /* of the pronoun's referent (pron set) */
} td_who_rule;
enum { TD_WHO_SITE = 0, TD_WHO_SPK = 1, TD_WHO_PRON = 2 };
/* Notes rule at level (TD_WHO_*) when key is not NULL; returns key. */
const char *td_who_note(int level, const char *rule, const char *key);
/* Clears the notes of level and the levels below it. */
void td_who_clear(int level);
/* The rule of a record given its key at site alone, no speaker rule. */
td_who_rule td_who_at(const char *site);
/* The notes now, for a record given a key. */
td_who_rule td_who_rule_now(void);
/* Notes the evidence of the referent of a he/she (with TD_WHO_PRON). */
void td_who_note_evidence(const td_who_evidence *ev);

typedef struct td_quote {
	size_t start, end; /* content, without marks */
	int sent;          /* sentence of the start */
	const char *who;   /* key or NULL */
	int who_carried;   /* who continues the previous sentence's speaker */
	int next_part;     /* the quote continuing it in the next paragraph
	                    * (no closing mark here, an opening one there), -1 */
	td_who_rule rule;  /* what gave who (who_dump.c) */
} td_quote;

typedef struct td_said {
	size_t start, end;
	int sent;
	const char *who;
	/* the clause of "According to X, CLAUSE" or "CLAUSE, according to
	 * X": a report for <said>, but the author's sentence for the labels
	 * and hedges (the forecast "According to the IMF, Japan's economy
	 * will grow" is the article's prediction); so is a past event told
	 * by a subject that names no one ("A barge captain said his company
	 * had cut its crews") */
	int according;
	td_who_rule rule; /* what gave who (who_dump.c) */
} td_said;

/* An actor found in this document that the lexicon lacks. */
typedef struct td_dyn {
	char *key, *name;
	const char *kind;
	const char
	        *state; /* key of the state named before its title, or NULL */
} td_dyn;

/* Per-call state of td_annotate(). */
typedef struct td_actx {
	const td_annotator *a;
	td_doc *doc;
	td_tokens tok;
	int *tok_sent; /* sentence index per token, -1 outside sentences */
	td_sent *sents;
	size_t n_sents;
	td_mention *ments;
	size_t n_ments, cap_ments;
	/* names found in this document outside the lexicon */
	struct td_dyn *dyn;
	size_t n_dyn, cap_dyn;
	td_quote *quotes;
	size_t n_quotes, cap_quotes;
	td_said *said;
	size_t n_said, cap_said;
	unsigned *sflags; /* per sentence: TD_SF_* */
	/* per token, set by td_labels_apply: TD_TH_* (inside a hedge seg) */
	unsigned char *tok_hedge;
	/* per token, set by td_actors_find: 1 when it may be a word of a
	 * name (actors.c's name_token, asked of each token many times);
	 * NULL before, or when it could not be allocated */
	unsigned char *tok_name;
	/* per token, set by td_actors_find with tok_name: TD_SHAPE_* (the
	 * shape of a word of a name, actors.c); NULL before, without an
	 * annotator, or when it could not be allocated */
	unsigned char *tok_shape;
	/* per token, during td_actors_find only: the first token of the
	 * document with its folded word hash (tok_hash[1]), and 1 + the next
	 * one after it (0: none), so that the rules asking how the document
	 * uses a word elsewhere visit its uses, not every token; NULL
	 * outside the stage, without tok_sent or the hashes, or memory */
	uint32_t *word_first, *word_next;
	int pub_y, pub_m, pub_d; /* publication date, 0 when unknown */
	/* per token: td_word_hash of its text, [0] exact and [1] folded,
	 * computed once so that lexicon look-ups cost one probe */
	uint32_t *tok_hash[2];
	/* per token: 1 + its td_wordinfo slot in wtab[0] / wtab[1], 0 when
	 * no list or indexed pattern holds it */
	uint32_t *tok_ent[2];
	/* for td_actx_in_quote, built once the quotes are found: their starts
	 * ascending and the greatest end among the quotes up to each; valid
	 * while n_qix == n_quotes */
	size_t *qix_start, *qix_maxend;
	size_t n_qix;
	/* and per byte k from the first start, qix_maxend of the last quote
	 * starting at or before it, up to the last start (n_qat bytes; NULL
	 * when not made) */
	uint32_t *qix_at;
	size_t n_qat;
	/* per token: its part-of-speech tag number (doc->pos_tags, the pos
	 * stage's); NULL before it ran. Read through td_tok_pos(). */
	const uint8_t *pos;
	/* clubs.tsv: is the document about the game (two clubs named, or one
	 * and a word of the game), and the clubs it names (actor ids) */
	int club_doc;
	int clubs[16];
	size_t n_clubs;
	/* the country of the subdivisions the document names: 1 + its
	 * actor, 0 for none, -1 when they are of two countries */
	int own_state;
	/* "the Senate", "the House" alone: may they name the chambers of
	 * the US Congress (bit 1, bit 2)? -1 before it is known */
	int chambers;
	/* does the document hold a word of parties.tsv's party_pats (a
	 * party's adjective or members' plural)? Set once by actors_find */
	int party_doc;
} td_actx;

enum { TD_TH_IN = 1, TD_TH_PART = 2 /* of a longer cue */ };

/* c->tok_shape: the initials at the token (0, 1 for a token of pairs
 * "K.J.", 2 for a capital and the full stop after it), and whether it
 * may be a word of an organisation's name (capitalised, no grammar word
 * opening a sentence) */
enum { TD_SHAPE_INITIAL = 3, TD_SHAPE_ORG_WORD = 4 };

enum {
	TD_SF_PREDICTION = 1,
	TD_SF_HEDGED = 2,
	TD_SF_CLAIM = 4,
};

/* annotate.c */
/* Adds a span unless it would cross an existing span; returns 0 when added,
 * 1 when skipped, < 0 on error. out (may be NULL) receives its index. */
int td_actx_add(td_actx *c, const char *name, size_t start, size_t end,
        size_t *out, const char *n1, const char *v1, const char *n2,
        const char *v2);
/* Is byte range [s,e) inside a quote of the document? The rules ask
 * about nearly every token: the table (qix_at) answers inline, the
 * search or a scan of the quotes when there is none. */
int td_actx_in_quote_search(const td_actx *c, size_t s, size_t e);
static inline int td_actx_in_quote(const td_actx *c, size_t s, size_t e)
{
	if (!c->qix_at || c->n_qix != c->n_quotes)
		return td_actx_in_quote_search(c, s, e);
	/* the greatest end among the quotes starting at or before s */
	if (s < c->qix_start[0])
		return 0;
	size_t k = s - c->qix_start[0];
	return (k < c->n_qat ? c->qix_at[k] : c->qix_maxend[c->n_qix - 1]) >= e;
}

/* The stages (annotate.c runs them in the order of its table). load reads
 * the stage's own lexicons into the annotator (NULL: none); run works on
 * one document's context; unload frees what load loaded (NULL: nothing),
 * also after a load that failed half-way. reads and writes say what the
 * stage takes from the stages before it and leaves for those after it. */
typedef struct td_stage {
	const char *name;
	int (*load)(td_annotator *a, const char *dir);
	int (*run)(td_actx *c);
	void (*unload)(td_annotator *a);
	const char *reads, *writes;
} td_stage;
/* The table, *n stages. */
const td_stage *td_annotate_stages(size_t *n);
/* td_annotate() stopped after the stage called last (NULL: all), so that
 * each stage can be tested with only those before it; TD_EUSAGE for a
 * name that is not a stage. */
int td_annotate_until(const td_annotator *a, td_doc *doc, const char *last);

int td_actors_load(td_annotator *a, const char *dir);
int td_actors_find(td_actx *c);
/* Makes c->tok_name (actors.c's name_token of every token), which
 * td_actors_find does first; left NULL when out of memory. */
void td_actors_name_tokens(td_actx *c);
void td_actors_unload(td_annotator *a);
int td_quotes_load(td_annotator *a, const char *dir);
int td_quotes_find(td_actx *c);
int td_quotes_attribute(td_actx *c);
/* Writes the document's quotes and said with their @who and rule to the
 * dump (td_who_dump_open), if open, in one block: 0 or TD_ENOMEM. */
int td_who_dump(const td_actx *c);
/* quotes.c for reported.c: the speaker of the verb at [v, vend) in
 * sentence si (*found: a subject was read, who may still be NULL for a
 * description), and the reported clauses from token cs (pushed on
 * c->said; returns the token after the last, or < 0 on error). */
const char *td_quotes_speaker(
        const td_actx *c, size_t si, size_t v, size_t vend, int *found);
int td_quotes_clauses(td_actx *c, size_t si, size_t cs, const char *who);
/* quotes.c: the gender of actor key as titles or its given name show
 * it in mentions before token t: 'm', 'f' or 0 when unknown. */
int td_quotes_key_gender(const td_actx *c, const char *key, size_t t);
/* quotes.c: is mention m in subject position (a clause's start, perhaps
 * after a title, followed by a verb or an appositive; right after a speech
 * verb; a passive's agent), as the "he"/"she" resolver reads it? */
int td_quotes_subject(const td_actx *c, const td_mention *m);
/* speakers.c: the only person of gender g ('m' or 'f') whom the narration
 * names (outside quotations) before token t, while the scene goes on from
 * her last naming to t (no more than three paragraph breaks without a
 * pronoun of that gender in the narration or a quotation): a story's one
 * woman is the "she" of a tag however far her name stands. NULL when
 * none, when two persons of that gender are named, or when the chain
 * breaks. The key is the mention's (owned by c). */
const char *td_speakers_sole(const td_actx *c, int g, size_t t);
/* speakers.c: the evidence for key as the referent of a he/she of gender
 * g at token t (td_who_evidence): paragraph breaks since its last
 * naming in the narration, rival persons named since, gender known. */
void td_speakers_evidence(const td_actx *c, const char *key, int g, size_t t,
        td_who_evidence *ev);
/* speakers.c: may the referent rule named rule give its key on evidence
 * ev? 1 or 0, by the calibration table (who_limits); 1 for a rule the
 * table does not restrict. */
int td_speakers_admit(const char *rule, const td_who_evidence *ev);
/* reported.c: the reporting verbs' lemmas (load, unload), the class of a
 * lemma (1 speech, 2 thought, 3 fact: report_verbs.tsv; 0 for none), and
 * the reported clauses found by syntax (run inside
 * td_quotes_attribute, before the said spans are written). */
int td_reported_load(td_annotator *a, const char *dir);
void td_reported_unload(td_annotator *a);
int td_reported_lemma(const td_annotator *a, const char *lemma);
int td_reported_find(td_actx *c);
int td_hedges_load(td_annotator *a, const char *dir);
int td_hedges_find(td_actx *c);
void td_hedges_unload(td_annotator *a);
int td_dates_find(td_actx *c);
/* future.c: is token i of the sentence [t0, t1) a future modal in quoted
 * words whose subject is neither the speaker, the addressee nor an actor
 * (1), a forecast, or not (0)? td_future_register registers its word
 * lists (for td_tok_in). */
int td_future_register(td_annotator *a);
int td_future_quoted(const td_actx *c, size_t t0, size_t i, size_t t1);
int td_labels_load(td_annotator *a, const char *dir);
int td_labels_apply(td_actx *c);
void td_labels_unload(td_annotator *a);
int td_labels_write(td_actx *c);

#endif
