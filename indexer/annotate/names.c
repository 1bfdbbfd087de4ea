/* names.c: persons named by proper nouns that no lexicon or earlier rule
 * holds (issue 13, session 21). A run of one to three words that the
 * part-of-speech layer tags as proper nouns is a candidate; the evidence
 * around each of its uses is weighed in one table (weights[]); a form
 * one of whose uses reaches TD_NAMES_PERSON_AT is a person at each of its
 * uses that shows nothing against it. It decides and never writes: the
 * actors stage says which words may be names and writes the mentions.
 */
#include "names.h"
#include "match.h"
#include "vec.h"

#include <stdlib.h>
#include <string.h>

/* The kinds of evidence, for and against, and their weights: the one
 * place where they are weighed. */
enum {
	EV_TITLE,      /* a title or honorific before it: "Mrs. Pettibone" */
	EV_GIVEN,      /* a given name opens a run of two or more words */
	EV_ACTS,       /* subject of a verb only persons do: "Lafe sighed",
	                * or of a past verb with his, her, himself or
	                * herself among the three words after it */
	EV_SAYS,       /* subject of a verb of saying: "Tolbert said" */
	EV_SAID_BY,    /* after a quotation mark and a verb of saying, at
	                * a clause's end: "\"...,\" said Lacey." */
	EV_ROLE,       /* a noun for a person in apposition, after or
	                * before, or right before it: "Lekuton, the
	                * guide", "the foreman, Orr", "foreman Orr" */
	EV_AGE,        /* an age after a comma, before a comma or a full
	                * stop: "Orval Tenney, 31," */
	EV_OWNS,       /* the possessor of what kin_body lists: "Lafe's
	                * wife", "Stiggs's hand" */
	EV_OBJECT,     /* after a verb of object_verbs: "told Rudenko",
	                * "married Edna" */
	EV_PRONOUN,    /* the subject of a verb, taken up by he/she after
	                * it */
	EV_VOCATIVE,   /* addressed inside a quotation: ", Tash?" */
	EV_CITED,      /* a year in brackets after it: "Pettigrew (1960)" */
	EV_FULL,       /* two or three proper nouns together */
	NO_DETERMINER, /* a determiner before it: "the Pequod" */
	NO_MODIFIER,   /* it modifies a noun after it: "Brent crude" */
	NO_PLACE,      /* after a preposition of place, or "of" after a
	                * name: "in Canfield", "Gray of Albany" */
	NO_OPENER,     /* one word opening its sentence: a capital by
	                * position only */
	EV_N
};

static const struct {
	int weight;
	int against; /* 1: no person's name has it (the form is none), 2:
	              * this use is none */
} weights[EV_N] = {
        [EV_TITLE] = {3, 0},
        [EV_GIVEN] = {1, 0},
        [EV_ACTS] = {2, 0},
        [EV_SAYS] = {1, 0},
        [EV_SAID_BY] = {2, 0},
        [EV_ROLE] = {2, 0},
        [EV_AGE] = {2, 0},
        [EV_OWNS] = {2, 0},
        [EV_OBJECT] = {1, 0},
        [EV_PRONOUN] = {1, 0},
        [EV_VOCATIVE] = {2, 0},
        [EV_CITED] = {2, 0},
        [EV_FULL] = {1, 0},
        [NO_DETERMINER] = {-3, 1},
        [NO_MODIFIER] = {-3, 1},
        [NO_PLACE] = {-2, 2},
        [NO_OPENER] = {-1, 0},
};

/* Verbs a person's name follows as their object ("told Rudenko",
 * "married Edna"). */
static const char *const object_verbs[] = {"told", "tells", "asked", "asks",
        "thanked", "married", "kissed", "hugged", "greeted", "introduced",
        "phoned", "telephoned", "warned", "urged", "reminded", "assured",
        "informed", "persuaded", "begged", "interviewed", "hired", "fired",
        "shot", "killed", "met", "nodded", "winked", "ordered", "followed",
        "watched", NULL};
/* What a person's possessive goes before: kin and friends, the body and
 * its voice and smile, a life's events (death, funeral, birthday) and a
 * few belongings (horse, gun, hat). */
static const char *const kin_body[] = {"wife", "husband", "son", "daughter",
        "brother", "sister", "mother", "father", "widow", "family", "friend",
        "friends", "children", "parents", "uncle", "aunt", "cousin", "hand",
        "hands", "face", "eyes", "eye", "head", "arm", "arms", "shoulder",
        "shoulders", "voice", "mouth", "lips", "hair", "heart", "feet", "legs",
        "leg", "smile", "body", "death", "funeral", "birthday", "horse", "gun",
        "hat", NULL};
/* Nouns of kin: a name after one and a comma is kin_names' (actors.c),
 * which asks for a possessor ("his wife, Louise"; not "The wife,
 * Louise"). */
static const char *const kin[] = {"wife", "husband", "son", "daughter",
        "brother", "sister", "mother", "father", "widow", "uncle", "aunt",
        "cousin", "nephew", "niece", NULL};
/* Prepositions that put a place after them. */
static const char *const place_preps[] = {"in", "at", "near", "off", "inside",
        "outside", "throughout", "across", "into", "toward", "towards", "via",
        "from", NULL};
/* The pronouns that take up a person as subject. */
static const char *const pronouns[] = {"he", "she", NULL};
/* A person's words after a verb of action ("grabbed his hat", "shot
 * himself"). */
static const char *const possessives[] = {
        "his", "her", "himself", "herself", NULL};
/* The determiners of a noun in apposition (", the guide"). */
static const char *const appos_dets[] = {
        "a", "an", "the", "his", "her", "their", "its", NULL};
/* Quotation marks, opening and closing, straight and curly. */
static const char *const marks[] = {"\"", "“", "”", "'", "‘", "’", NULL};

/* The lists above, registered by the actors stage (td_words_register):
 * each is a bit of a token's word class. */
const char *const *const td_names_lists[] = {object_verbs, kin_body, kin,
        place_preps, pronouns, possessives, appos_dets, marks, NULL};

static int pos_verb(const td_actx *c, size_t k)
{
	return td_tok_is_lower(c, k) &&
	       (td_tok_pos_is(c, k, "VB*") || td_tok_pos_is(c, k, "MD"));
}

static int person_noun(const td_actx *c, size_t k)
{
	long m = td_patset_match(&c->a->person_pats, c, k, k + 1);
	return m >= 0 && c->a->person_pats.v[m].type == 'n';
}

static int person_verb(const td_actx *c, size_t k)
{
	long m = td_patset_match(&c->a->person_pats, c, k, k + 1);
	return m >= 0 && c->a->person_pats.v[m].type == 'v';
}

static int speech_verb(const td_actx *c, size_t k, size_t lim)
{
	long m = td_speech_match(c, k, lim);
	return m >= 0 && (c->a->speech_pats.v[m].type == TD_SV_SPEECH ||
	                         c->a->speech_pats.v[m].type == TD_SV_TAG);
}

static int in_quote(const td_actx *c, size_t k)
{
	return td_actx_in_quote(c, c->tok.v[k].start, c->tok.v[k].end);
}

/* A year from 1500 to 2099: a token of four digits, the first two from
 * "15" to "20" ("18th" is none). */
static int year_at(const td_actx *c, size_t k)
{
	const char *s = td_tok_str(c, k);
	if (td_tok_len(c, k) != 4)
		return 0;
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0; /* "18th" is no year */
	return strncmp(s, "15", 2) >= 0 && strncmp(s, "21", 2) < 0;
}

/* The evidence present at the run [t0, t1) of the sentence [s0, s1), as
 * bits of the kinds above (EV_ for, NO_ against). */
static unsigned features(
        const td_actx *c, size_t t0, size_t t1, size_t s0, size_t s1)
{
	unsigned f = 0;
	size_t first = s0;
	while (first < s1 && !td_tok_is_word(c, first))
		first++;
	if (t0 > s0 && td_patset_match(&c->a->title_pats, c, t0 - 1, t0) >= 0)
		f |= 1u << EV_TITLE;
	if (t0 >= s0 + 2 && td_tok_eq(c, t0 - 1, ".", 0) &&
	        td_patset_match(&c->a->title_pats, c, t0 - 2, t0 - 1) >= 0)
		f |= 1u << EV_TITLE;
	if (t1 - t0 >= 2) {
		f |= 1u << EV_FULL;
		if (td_patset_match(&c->a->given_pats, c, t0, t0 + 1) >= 0)
			f |= 1u << EV_GIVEN;
	}
	/* after it: a verb (an adverb perhaps between) */
	size_t v = t1;
	if (v + 1 < s1 && td_tok_is_lower(c, v) && td_tok_pos_is(c, v, "RB"))
		v++;
	if (v < s1 && pos_verb(c, v)) {
		if (person_verb(c, v))
			f |= 1u << EV_ACTS;
		else if (speech_verb(c, v, s1))
			f |= 1u << EV_SAYS;
		else if (td_tok_pos_is(c, v, "VBD"))
			for (size_t k = v + 1; k < s1 && k <= v + 3; k++) {
				if (!td_tok_is_word(c, k))
					break;
				if (td_tok_in(c, k, possessives, 0))
					f |= 1u << EV_ACTS;
			}
		/* taken up by he/she after a comma, "and" or "but", no
		 * capital between */
		for (size_t k = v + 1; k < s1 && k <= v + 12; k++) {
			if (td_tok_is_cap(c, k) && td_tok_is_word(c, k))
				break;
			if (td_tok_in(c, k, pronouns, 0) &&
			        (td_tok_eq(c, k - 1, ",", 0) ||
			                td_tok_eq(c, k - 1, "and", 0) ||
			                td_tok_eq(c, k - 1, "but", 0))) {
				f |= 1u << EV_PRONOUN;
				break;
			}
		}
	}
	/* before it: a quotation mark and a lowercase verb of saying, and
	 * the clause ends after it */
	if (t0 >= s0 + 2 && speech_verb(c, t0 - 1, s1) &&
	        td_tok_is_lower(c, t0 - 1) && td_tok_in(c, t0 - 2, marks, 0) &&
	        (t1 >= s1 || td_tok_eq(c, t1, ".", 0) ||
	                td_tok_eq(c, t1, ",", 0) || td_tok_eq(c, t1, ";", 0)))
		f |= 1u << EV_SAID_BY;
	if (t0 > s0 && td_tok_in(c, t0 - 1, object_verbs, 0))
		f |= 1u << EV_OBJECT;
	/* apposition: ", the foreman" after, "the foreman, X" or "foreman
	 * X" before */
	if (t1 + 2 < s1 && td_tok_eq(c, t1, ",", 0)) {
		size_t j = t1 + 1;
		if (td_tok_in(c, j, appos_dets, 0)) {
			for (size_t k = j + 1; k < s1 && k <= j + 4; k++) {
				if (!td_tok_is_word(c, k) ||
				        !td_tok_is_lower(c, k))
					break;
				if (person_noun(c, k)) {
					f |= 1u << EV_ROLE;
					break;
				}
			}
		}
		if (td_tok_is_num(c, j) && td_tok_len(c, j) <= 2 &&
		        j + 1 < s1 &&
		        (td_tok_eq(c, j + 1, ",", 0) ||
		                td_tok_eq(c, j + 1, ".", 0)))
			f |= 1u << EV_AGE;
	}
	if (t0 > s0 && td_tok_is_lower(c, t0 - 1) && person_noun(c, t0 - 1))
		f |= 1u << EV_ROLE;
	if (t0 >= s0 + 2 && td_tok_eq(c, t0 - 1, ",", 0) &&
	        person_noun(c, t0 - 2) && !td_tok_in(c, t0 - 2, kin, 0))
		f |= 1u << EV_ROLE;
	/* possessor of kin or body: "'s" and a word, an adjective perhaps
	 * between */
	if (t1 + 1 < s1 && td_tok_eq(c, t1, "'s", 1) &&
	        (td_tok_in(c, t1 + 1, kin_body, 0) ||
	                (t1 + 2 < s1 && td_tok_pos_is(c, t1 + 1, "JJ") &&
	                        td_tok_in(c, t1 + 2, kin_body, 0))))
		f |= 1u << EV_OWNS;
	/* addressed: inside a quotation, after a quotation mark and before
	 * a comma, or after a comma and before a comma, "?", "!" or "."; a
	 * comma after it comes before a lowercase word, a quotation mark or
	 * the sentence's end */
	int comma_after = t1 < s1 && td_tok_eq(c, t1, ",", 0) &&
	                  (t1 + 1 >= s1 || td_tok_is_lower(c, t1 + 1) ||
	                          td_tok_in(c, t1 + 1, marks, 0));
	/* not in a list of names ("Morgan, Anaconda Copper, ...") */
	if (in_quote(c, t0) && t0 > s0 && t1 < s1 &&
	        ((td_tok_in(c, t0 - 1, marks, 0) && comma_after) ||
	                (td_tok_eq(c, t0 - 1, ",", 0) && t0 >= s0 + 2 &&
	                        !td_tok_is_cap(c, t0 - 2) &&
	                        (comma_after || td_tok_eq(c, t1, "?", 0) ||
	                                td_tok_eq(c, t1, "!", 0) ||
	                                td_tok_eq(c, t1, ".", 0)))))
		f |= 1u << EV_VOCATIVE;
	if (t1 + 2 < s1 && td_tok_eq(c, t1, "(", 0) && year_at(c, t1 + 1))
		f |= 1u << EV_CITED;
	/* against */
	if (t0 > s0 && td_tok_pos_is(c, t0 - 1, "DT") &&
	        td_tok_is_word(c, t0 - 1))
		f |= 1u << NO_DETERMINER;
	if (t1 < s1 && td_tok_is_lower(c, t1) &&
	        (td_tok_pos_is(c, t1, "NN*") || td_tok_pos_is(c, t1, "JJ*")) &&
	        !(f & (1u << EV_ACTS | 1u << EV_SAYS)))
		f |= 1u << NO_MODIFIER;
	if (t0 > s0 && td_tok_in(c, t0 - 1, place_preps, 0) &&
	        !(t1 < s1 && td_tok_eq(c, t1, "'s", 1)))
		f |= 1u << NO_PLACE;
	/* a home town after a person's name: "James Gray of Albany" */
	if (t0 >= s0 + 2 && td_tok_eq(c, t0 - 1, "of", 0) &&
	        td_tok_is_cap(c, t0 - 2) && td_tok_pos_is(c, t0 - 2, "NNP"))
		f |= 1u << NO_PLACE;
	if (t1 - t0 == 1 && t0 == first)
		f |= 1u << NO_OPENER;
	return f;
}

/* The evidence, summed from weights[], that the run [t0, t1) of the
 * sentence [s0, s1) names a person: > 0 for, < 0 against. *against gets
 * the against bits of the signs present (1: no person's name shows it,
 * 2: this use names none). */
static int names_score(const td_actx *c, size_t t0, size_t t1, size_t s0,
        size_t s1, int *against)
{
	unsigned f = features(c, t0, t1, s0, s1);
	int score = 0, no = 0;
	for (int e = 0; e < EV_N; e++)
		if (f & (1u << e)) {
			score += weights[e].weight;
			no |= weights[e].against;
		}
	if (against)
		*against = no;
	return score;
}

typedef struct cand {
	size_t t0, t1, s0, s1;
	int score, against;
	size_t form; /* index of the first candidate of the same words */
} cand;

static int same_words(const td_actx *c, size_t a0, size_t b0, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (td_tok_len(c, a0 + k) != td_tok_len(c, b0 + k) ||
		        memcmp(td_tok_str(c, a0 + k), td_tok_str(c, b0 + k),
		                td_tok_len(c, a0 + k)))
			return 0;
	return 1;
}

/* May token t open or continue a run: a capitalised word not taken yet
 * (in[]) and without a full stop (no initial, no abbreviation), which
 * the tagger reads as a proper noun and the actors stage lets be a
 * name's word. */
static int run_word(const td_actx *c, const unsigned char *in,
        const td_names_ops *ops, size_t t, size_t s0, size_t s1)
{
	return !in[t] && td_tok_is_cap(c, t) && td_tok_is_word(c, t) &&
	       td_tok_pos_is(c, t, "NNP*") &&
	       !memchr(td_tok_str(c, t), '.', td_tok_len(c, t)) &&
	       ops->word_ok(c, ops->ctx, t, s0, s1);
}

/* Collects the candidates of the document into *out (n of them). */
static int collect(const td_actx *c, const unsigned char *in,
        const td_names_ops *ops, cand **out, size_t *n)
{
	cand *v = NULL;
	size_t nv = 0, cap = 0;
	for (size_t si = 0; si < c->n_sents; si++) {
		size_t s0 = c->sents[si].t0, s1 = c->sents[si].t1;
		for (size_t t = s0; t < s1; t++) {
			unsigned char b = (unsigned char)td_tok_str(c, t)[0];
			if (!((b >= 'A' && b <= 'Z') || b == 0xC3))
				continue;
			/* a name opening the sentence whose first word the
			 * tagger, knowing no such word, read as a common noun
			 * or adjective ("Lafe Tolbert sighed") */
			int opening = !run_word(c, in, ops, t, s0, s1);
			if (opening &&
			        !(t == s0 && t + 1 < s1 &&
			                (td_tok_pos_is(c, t, "NN") ||
			                        td_tok_pos_is(c, t, "JJ")) &&
			                !in[t] && td_tok_is_word(c, t) &&
			                (!c->tok_name || c->tok_name[t]) &&
			                ops->word_ok(c, ops->ctx, t, s0, s1) &&
			                run_word(c, in, ops, t + 1, s0, s1)))
				continue;
			size_t e = t + 1;
			while (e < s1 && e < t + 4 &&
			        run_word(c, in, ops, e, s0, s1))
				e++;
			size_t t0 = t;
			t = e - 1;
			/* a word of a longer capitalised span: no run of its
			 * own (a title before it is evidence, not a word) */
			if ((e < s1 && td_tok_is_cap(c, e) &&
			            td_tok_is_word(c, e)) ||
			        e - t0 == 4 || td_tok_pos_is(c, e - 1, "NNPS"))
				continue;
			/* a capital before it that is a word of a name (not
			 * an opener such as "But", "When") */
			if (t0 > s0 && td_tok_is_cap(c, t0 - 1) &&
			        td_tok_is_word(c, t0 - 1) &&
			        td_patset_match(
			                &c->a->title_pats, c, t0 - 1, t0) < 0 &&
			        (!c->tok_name || c->tok_name[t0 - 1]))
				continue;
			if (TD_VEC_RESERVE(v, nv, cap, 32)) {
				free(v);
				return td_error(TD_ENOMEM, "out of memory");
			}
			cand *x = &v[nv];
			x->t0 = t0;
			x->t1 = e;
			x->s0 = s0;
			x->s1 = s1;
			x->score = names_score(c, t0, e, s0, s1, &x->against);
			x->form = nv;
			for (size_t k = 0; k < nv; k++)
				if (v[k].t1 - v[k].t0 == e - t0 &&
				        same_words(c, v[k].t0, t0, e - t0)) {
					x->form = v[k].form;
					break;
				}
			nv++;
		}
	}
	*out = v;
	*n = nv;
	return 0;
}

/* Is the person mention m named by its own words: a multi-word name
 * found in this document (a td_dyn of its text), so that its tokens key
 * it again? */
static int own_full_form(const td_actx *c, const td_mention *m)
{
	if (m->pronoun || !m->kind || strcmp(m->kind, "person") ||
	        m->t1 < m->t0 + 2 || !m->key)
		return 0;
	size_t len = c->tok.v[m->t1 - 1].end - c->tok.v[m->t0].start;
	const char *text = c->doc->text + c->tok.v[m->t0].start;
	for (size_t i = 0; i < c->n_dyn; i++)
		if (!strcmp(c->dyn[i].key, m->key) && c->dyn[i].name &&
		        strlen(c->dyn[i].name) == len &&
		        !memcmp(c->dyn[i].name, text, len))
			return 1;
	return 0;
}

/* A surname alone, before or after its bearer's full name anywhere in
 * the document ("Get Dusek up here" before "Eddie Dusek"): a proper
 * noun no mention holds, of one word (no capital next to it), with
 * nothing against it, equal to the last word of exactly one person's
 * full name found in the document, is that person. The rules before
 * take a short form after its full name only. */
static int surnames_of_full_names(
        td_actx *c, unsigned char *in, const td_names_ops *ops)
{
	/* the persons' full forms of the document, once */
	size_t *full = NULL, nf = 0, cap = 0;
	for (size_t m = 0; m < c->n_ments; m++)
		if (own_full_form(c, &c->ments[m])) {
			if (TD_VEC_RESERVE(full, nf, cap, 16)) {
				free(full);
				return td_error(TD_ENOMEM, "out of memory");
			}
			full[nf++] = m;
		}
	int rc = 0;
	for (size_t si = 0; si < c->n_sents && nf && rc >= 0; si++) {
		size_t s0 = c->sents[si].t0, s1 = c->sents[si].t1;
		for (size_t t = s0; t < s1 && rc >= 0; t++) {
			unsigned char b = (unsigned char)td_tok_str(c, t)[0];
			if (!((b >= 'A' && b <= 'Z') || b == 0xC3) || in[t] ||
			        !td_tok_is_cap(c, t) || !td_tok_is_word(c, t) ||
			        !td_tok_pos_is(c, t, "NNP") ||
			        td_tok_len(c, t) < 3 ||
			        memchr(td_tok_str(c, t), '.', td_tok_len(c, t)))
				continue;
			if ((t + 1 < s1 && td_tok_is_cap(c, t + 1) &&
			            td_tok_is_word(c, t + 1)) ||
			        (t > s0 && td_tok_is_cap(c, t - 1) &&
			                td_tok_is_word(c, t - 1) &&
			                td_patset_match(&c->a->title_pats, c,
			                        t - 1, t) < 0 &&
			                td_tok_pos_is(c, t - 1, "NNP*")))
				continue;
			const td_mention *to = NULL;
			int many = 0;
			for (size_t k = 0; k < nf && !many; k++) {
				const td_mention *p = &c->ments[full[k]];
				if (p->t1 - 1 == t ||
				        !same_words(c, p->t1 - 1, t, 1))
					continue;
				if (to && strcmp(to->key, p->key))
					many = 1;
				to = p;
			}
			if (!to || many)
				continue;
			unsigned f = features(c, t, t + 1, s0, s1);
			if (f & (1u << NO_DETERMINER | 1u << NO_MODIFIER |
			                1u << NO_PLACE))
				continue;
			size_t f0 = to->t0, f1 = to->t1;
			rc = ops->take(c, ops->ctx, t, t + 1, f0, f1);
			in[t] = 1;
		}
	}
	free(full);
	return rc;
}

int td_names_find(td_actx *c, unsigned char *in, const td_names_ops *ops)
{
	if (!c->pos || !c->a)
		return 0;
	cand *v = NULL;
	size_t n = 0;
	int rc = collect(c, in, ops, &v, &n);
	if (rc < 0)
		return rc;
	if (!n) {
		free(v);
		return surnames_of_full_names(c, in, ops);
	}
	/* per form (at its first candidate): its best score, and whether a
	 * use shows what no person's name shows */
	int *best = calloc(n, sizeof *best);
	unsigned char *veto = calloc(n, 1);
	if (!best || !veto) {
		free(v);
		free(best);
		free(veto);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (size_t k = 0; k < n; k++)
		best[k] = -100;
	for (size_t k = 0; k < n; k++) {
		size_t f = v[k].form;
		if (v[k].score > best[f])
			best[f] = v[k].score;
		if (v[k].against & 1)
			veto[f] = 1;
	}
	/* the longer forms first, so that a one-word use can be their short
	 * form */
	for (size_t len = 3; len >= 1 && rc >= 0; len--)
		for (size_t k = 0; k < n && rc >= 0; k++) {
			cand *x = &v[k];
			if (x->t1 - x->t0 != len || (x->against & 2) ||
			        veto[x->form])
				continue;
			size_t f0 = x->t0, f1 = x->t1;
			int take = best[x->form] >= TD_NAMES_PERSON_AT;
			if (len == 1) {
				/* the last word of exactly one longer form
				 * taken: that person */
				long to = -1;
				for (size_t j = 0; j < n; j++) {
					if (v[j].t1 - v[j].t0 < 2 ||
					        v[j].form != j || veto[j] ||
					        best[j] < TD_NAMES_PERSON_AT ||
					        !same_words(c, v[j].t1 - 1,
					                x->t0, 1))
						continue;
					if (to >= 0) {
						to = -2;
						break;
					}
					to = (long)j;
				}
				if (to == -2)
					continue;
				if (to >= 0) {
					f0 = v[to].t0;
					f1 = v[to].t1;
					take = 1;
				}
			}
			if (!take || in[x->t0])
				continue;
			rc = ops->take(c, ops->ctx, x->t0, x->t1, f0, f1);
			memset(in + x->t0, 1, x->t1 - x->t0);
		}
	free(v);
	free(best);
	free(veto);
	if (rc >= 0)
		rc = surnames_of_full_names(c, in, ops);
	return rc < 0 ? rc : 0;
}
