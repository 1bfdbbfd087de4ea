/* reported.c: reported speech found by syntax (<said direct="false">). A
 * verb of saying or holding a view (report_verbs.tsv, any inflection: the
 * lemma layer on the part-of-speech tags) with a subject before it and the
 * clause it governs after it ("that" + a finite clause, or a zero-"that"
 * subject and finite verb) reports that clause, whatever words stand around
 * it; its speaker is read as quotes.c reads one. It adds only clauses that
 * quotes.c's listed forms left out, and leaves alone quotations,
 * questions, modal reports, infinitives, passives, the author's "I think
 * that" and negated factive verbs.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lemma.h"
#include "match.h"
#include "vec.h"

/* report_verbs.tsv's rows: "lemma\0" and its class, sorted by lemma */
enum { RV_SPEECH = 1, RV_THOUGHT, RV_FACT };
struct td_reported {
	char **lemma; /* each lemma, NUL, then its class as one byte */
	size_t n, cap;
};

static int lemma_row(void *ctx, const td_lex_row *row)
{
	struct td_reported *r = ctx;
	const char *l = td_lex_field(row->r, 0), *cl = td_lex_field(row->r, 1);
	static const char *const classes[] = {
	        "", "speech", "thought", "fact", NULL};
	int k = 1;
	if (!l || !cl)
		return td_lex_error(row, "need a lemma and a class");
	while (classes[k] && strcmp(classes[k], cl))
		k++;
	if (!classes[k])
		return td_lex_error(row, "unknown class '%s'", cl);
	if (TD_VEC_RESERVE(r->lemma, r->n, r->cap, 64))
		return td_error(TD_ENOMEM, "out of memory");
	size_t n = strlen(l);
	if (!(r->lemma[r->n] = malloc(n + 2)))
		return td_error(TD_ENOMEM, "out of memory");
	memcpy(r->lemma[r->n], l, n + 1);
	r->lemma[r->n][n + 1] = (char)k;
	r->n++;
	return 0;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int register_words(td_annotator *a);

int td_reported_load(td_annotator *a, const char *dir)
{
	int rc = td_lemma_init_verbs(); /* its one use: report_verb */
	if (!rc)
		rc = register_words(a);
	if (rc)
		return rc;
	if (!(a->reported = calloc(1, sizeof *a->reported)))
		return td_error(TD_ENOMEM, "out of memory");
	rc = td_lex_each(dir, "report_verbs.tsv", lemma_row, a->reported);
	if (rc)
		return rc;
	/* an empty file leaves lemma NULL: qsort's base may not be */
	if (a->reported->n)
		qsort(a->reported->lemma, a->reported->n, sizeof(char *),
		        cmp_str);
	return 0;
}

void td_reported_unload(td_annotator *a)
{
	if (!a->reported)
		return;
	for (size_t i = 0; i < a->reported->n; i++)
		free(a->reported->lemma[i]);
	free(a->reported->lemma);
	free(a->reported);
	a->reported = NULL;
}

int td_reported_lemma(const td_annotator *a, const char *lemma)
{
	if (!a->reported || !a->reported->n)
		return 0;
	char *const *e = bsearch(&lemma, a->reported->lemma, a->reported->n,
	        sizeof(char *), cmp_str);
	return e ? (*e)[strlen(*e) + 1] : 0;
}

/* Is token t a verb whose lemma is a verb of reporting? Its class
 * (RV_*), or 0. */
static int report_verb(const td_actx *c, size_t t)
{
	if (!td_tok_pos_is(c, t, "VB*") || !td_tok_is_lower(c, t))
		return 0;
	size_t n = td_tok_len(c, t);
	char w[64], l[64];
	if (n == 0 || n >= sizeof w)
		return 0;
	memcpy(w, td_tok_str(c, t), n);
	w[n] = 0;
	td_lemma(w, n, td_tok_pos(c, t), l, sizeof l);
	return td_reported_lemma(c->a, l);
}

static int in_quote(const td_actx *c, size_t t)
{
	return td_actx_in_quote(c, c->tok.v[t].start, c->tok.v[t].end);
}

/* A finite verb or modal of the clause opening at k, before any ; or the
 * sentence's end, within twelve words: a clause, not a noun phrase
 * ("that man"). The word after "that" opens a subject, not a verb ("the
 * report that appeared": a relative) nor punctuation ("that is,"). */
static int finite_clause(const td_actx *c, size_t k, size_t t1)
{
	if (k >= t1 || td_tok_pos_is(c, k, "VB*") ||
	        td_tok_pos_is(c, k, "MD") || !td_tok_is_word(c, k))
		return 0;
	for (size_t j = k + 1; j < t1 && j < k + 13; j++) {
		if (td_tok_eq(c, j, ";", 0))
			return 0;
		if (td_tok_pos_is(c, j, "VBD") || td_tok_pos_is(c, j, "VBZ") ||
		        td_tok_pos_is(c, j, "VBP") || td_tok_pos_is(c, j, "MD"))
			return 1;
	}
	return 0;
}

/* The "that" of the verb's complement: right after it, or after at most
 * four tokens of adverbs, nouns, names, object pronouns and commas in
 * pairs ("said yesterday that", "argued, however, that", "told reporters
 * that", "told him that"); 0 when there is none. */
static size_t that_of(const td_actx *c, size_t v, size_t t1)
{
	size_t k = v + 1;
	int commas = 0;
	for (int skipped = 0; k < t1 && skipped < 4; skipped++, k++) {
		if (td_tok_eq(c, k, "that", 1))
			break;
		if (td_tok_eq(c, k, ",", 0)) {
			commas++;
			continue;
		}
		if (td_tok_pos_is(c, k, "RB") || td_tok_pos_is(c, k, "RBR") ||
		        td_tok_pos_is(c, k, "NN") ||
		        td_tok_pos_is(c, k, "NNP") ||
		        td_tok_eq(c, k, "him", 1) ||
		        td_tok_eq(c, k, "her", 1) ||
		        td_tok_eq(c, k, "them", 1) ||
		        td_tok_eq(c, k, "us", 1) || td_tok_eq(c, k, "me", 1))
			continue;
		return 0;
	}
	/* commas in pairs around an adverbial ("said, however, that"); a
	 * comma alone before "that" closes a parenthesis ("The
	 * possibility, as he asserted, that") */
	if (k >= t1 || !td_tok_eq(c, k, "that", 1) || in_quote(c, k) ||
	        commas % 2 ||
	        (k > v + 1 && td_tok_eq(c, k - 1, ",", 0) && commas < 2))
		return 0;
	return k;
}

/* words of a subject noun phrase between a verb of reporting and the
 * finite verb of a zero-"that" clause ("say the cannery is", "estimate
 * the Government this year will") */
static int np_word(const td_actx *c, size_t k)
{
	return td_tok_pos_is(c, k, "DT") || td_tok_pos_is(c, k, "JJ*") ||
	       td_tok_pos_is(c, k, "NN*") || td_tok_pos_is(c, k, "CD") ||
	       td_tok_pos_is(c, k, "PRP$") || td_tok_pos_is(c, k, "POS");
}

/* The subjects of a zero-"that" clause that are one word: pronouns in
 * the nominative and an expletive "there". */
static const char *const nominative[] = {
        "he", "she", "it", "they", "we", "i", "you", "there", NULL};

/* A zero-"that" clause right after the verb at v: a pronoun in the
 * nominative or a noun phrase ending in a noun (determiners, adjectives,
 * nouns, numbers, possessives only, at most six words), then a finite
 * verb or modal, adverbs perhaps between; its first token, or 0. Not a
 * quotation (a direct quote is a <q>) nor an object ("told the
 * reporters", "said him"); questions are the caller's (question()). */
static size_t zero_clause(const td_actx *c, size_t v, size_t t1)
{
	size_t k = v + 1;
	if (k + 1 >= t1 || in_quote(c, k) || !td_tok_is_word(c, k))
		return 0;
	size_t j = k;
	if (td_tok_in(c, k, nominative, 1))
		j = k + 1;
	else {
		if (!np_word(c, k) || td_tok_pos_is(c, k, "POS"))
			return 0;
		while (j < t1 && j < k + 6 && np_word(c, j) && !in_quote(c, j))
			j++;
		/* a noun last: "estimate the Government this year will" reads
		 * a subject and a time phrase as one phrase */
		if (j == k || !td_tok_pos_is(c, j - 1, "NN*"))
			return 0;
	}
	while (j < t1 && td_tok_pos_is(c, j, "RB"))
		j++;
	if (j >= t1 || in_quote(c, j))
		return 0;
	if (td_tok_pos_is(c, j, "VBD") || td_tok_pos_is(c, j, "VBZ") ||
	        td_tok_pos_is(c, j, "VBP") || td_tok_pos_is(c, j, "MD"))
		return k;
	return 0;
}

/* Has the verb at v a reported clause already, one that holds the
 * clause start cs or starts in the few words after the verb ("warned
 * last week a new designation could": found from "a")? */
static int reported_already(const td_actx *c, size_t v, size_t cs, size_t t1)
{
	size_t b = c->tok.v[cs].start, lo = c->tok.v[v].end,
	       hi = c->tok.v[cs + 6 < t1 ? cs + 6 : t1 - 1].end;
	for (size_t i = 0; i < c->n_said; i++)
		if ((c->said[i].start <= b && b < c->said[i].end) ||
		        (c->said[i].start > lo && c->said[i].start <= hi))
			return 1;
	return 0;
}

/* A modal before the verb: a report that may be made, should be made or
 * would be, not one made ("Israel may well conclude that", "Washington
 * should say plainly that", "he must first show that") */
static int modal_before(const td_actx *c, size_t t0, size_t v)
{
	size_t k = v;
	while (k > t0 && (td_tok_pos_is(c, k - 1, "RB") ||
	                         td_tok_eq(c, k - 1, "n't", 1)))
		k--;
	return k > t0 && td_tok_pos_is(c, k - 1, "MD");
}

/* The forms of "be" before a participle: a passive. */
static const char *const passive_be[] = {
        "is", "was", "were", "are", "been", "be", "being", "'s", NULL};

/* A passive or the author's own view: "it is thought that", "was told
 * that", "I believe that", "we know that" report no actor. */
static int no_reporter(const td_actx *c, size_t t0, size_t v)
{
	size_t k = v;
	while (k > t0 && (td_tok_pos_is(c, k - 1, "RB") ||
	                         td_tok_pos_is(c, k - 1, "MD")))
		k--;
	if (k == t0)
		return 0;
	if (td_tok_in(c, k - 1, passive_be, 1) && td_tok_pos_is(c, v, "VBN"))
		return 1;
	/* "have/has/had" + participle: look past it for the subject */
	if (k > t0 + 1 && (td_tok_eq(c, k - 1, "have", 1) ||
	                          td_tok_eq(c, k - 1, "has", 1) ||
	                          td_tok_eq(c, k - 1, "had", 1) ||
	                          td_tok_eq(c, k - 1, "do", 1) ||
	                          td_tok_eq(c, k - 1, "did", 1)))
		k--;
	return !in_quote(c, k - 1) &&
	       (td_tok_eq(c, k - 1, "I", 0) || td_tok_eq(c, k - 1, "we", 1));
}

/* "to think that", "would like to suggest that", "lulled into believing
 * that", "Having recognized that": no subject of its own */
static int infinitive(const td_actx *c, size_t t0, size_t v)
{
	size_t k = v;
	while (k > t0 && td_tok_pos_is(c, k - 1, "RB"))
		k--;
	if (k == t0)
		return td_tok_pos_is(c, v, "VBG") || td_tok_pos_is(c, v, "VBN");
	return td_tok_eq(c, k - 1, "to", 1) ||
	       (td_tok_pos_is(c, k - 1, "IN") && td_tok_pos_is(c, v, "VBG"));
}

/* A colon outside quotation marks ends the reported clause: what follows
 * is the speaker's words given ("she learned Jackie was heading home:
 * "I'm just speculating ..."") or the author's next statement. */
static void colon_ends(td_actx *c, td_said *s, size_t cs, size_t t1)
{
	for (size_t k = cs; k < t1 && c->tok.v[k].end <= s->end; k++)
		if (c->tok.v[k].start >= s->start && k > cs &&
		        td_tok_eq(c, k, ":", 0) && !in_quote(c, k)) {
			s->end = c->tok.v[k - 1].end;
			return;
		}
}

/* "did not know that", "never learned that": a negation among the three
 * words before the verb */
static int negated(const td_actx *c, size_t t0, size_t v)
{
	for (size_t k = v; k > t0 && v - k < 3; k--)
		if (td_tok_eq(c, k - 1, "not", 1) ||
		        td_tok_eq(c, k - 1, "n't", 1) ||
		        td_tok_eq(c, k - 1, "never", 1))
			return 1;
	return 0;
}

/* The conjunctions of a temporal, causal or conditional clause. */
static const char *const adjunct_subs[] = {"when", "after", "before", "once",
        "until", "since", "because", "as", "while", "if", NULL};

/* A factive verb in a temporal or causal clause ("She said, when she
 * learned Jackie was heading home: ..."), its conjunction among the four
 * words before it, no comma or quotation between: its subject is a
 * pronoun of the main clause's person more often than not, which the
 * pronoun reading here does not know; the clause is reported without
 * @who rather than with a wrong one. */
static int adjunct_fact(const td_actx *c, size_t t0, size_t v)
{
	for (size_t k = v; k > t0 && v - k < 4; k--) {
		if (td_tok_eq(c, k - 1, ",", 0) || in_quote(c, k - 1))
			return 0;
		if (td_tok_in(c, k - 1, adjunct_subs, 1))
			return 1;
	}
	return 0;
}

/* A subject before the verb at v in its clause: a noun, a name, a number
 * or a pronoun other than the author's I/we, the generic one/you and it,
 * past adverbs, modals, negation and auxiliaries. */
static int subject_before(const td_actx *c, size_t t0, size_t v)
{
	size_t k = v;
	while (k > t0 && (td_tok_pos_is(c, k - 1, "RB") ||
	                         td_tok_pos_is(c, k - 1, "MD") ||
	                         td_tok_eq(c, k - 1, "n't", 1) ||
	                         td_tok_eq(c, k - 1, "do", 1) ||
	                         td_tok_eq(c, k - 1, "does", 1) ||
	                         td_tok_eq(c, k - 1, "did", 1) ||
	                         td_tok_eq(c, k - 1, "has", 1) ||
	                         td_tok_eq(c, k - 1, "have", 1) ||
	                         td_tok_eq(c, k - 1, "had", 1)))
		k--;
	if (k == t0 || in_quote(c, k - 1))
		return 0;
	k--;
	if (td_tok_eq(c, k, "one", 1) || td_tok_eq(c, k, "you", 1) ||
	        td_tok_eq(c, k, "it", 1) || td_tok_eq(c, k, "I", 0) ||
	        td_tok_eq(c, k, "we", 1))
		return 0;
	/* a noun or a number that names no one ("Most delegates here
	 * doubt that", "two out of three report"): a report without @who */
	return td_tok_pos_is(c, k, "NN*") || td_tok_pos_is(c, k, "CD") ||
	       td_tok_pos_is(c, k, "PRP");
}

/* Does the sentence [t0, t1) ask, outside quotation marks? A question
 * reports nothing ("how can anyone think it is so?"). */
static int question(const td_actx *c, size_t t0, size_t t1)
{
	for (size_t k = t1; k > t0; k--)
		if (!in_quote(c, k - 1) && td_tok_is_word(c, k - 1))
			return 0;
		else if (!in_quote(c, k - 1) && td_tok_eq(c, k - 1, "?", 0))
			return 1;
	return 0;
}

/* The word lists above, each a bit of a token's word class. */
static int register_words(td_annotator *a)
{
	static const char *const *const lists[] = {
	        nominative, passive_be, adjunct_subs, NULL};
	return td_words_register(a, lists);
}

int td_reported_find(td_actx *c)
{
	if (!c->a->reported || !c->pos)
		return 0;
	for (size_t si = 0; si < c->n_sents; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		if (question(c, t0, t1))
			continue;
		for (size_t t = t0; t + 2 < t1; t++) {
			if (!td_tok_pos_is(c, t, "VB*") || in_quote(c, t))
				continue;
			size_t k = that_of(c, t, t1), cs = 0;
			if (k && finite_clause(c, k + 1, t1))
				cs = k + 1;
			else if (!k)
				cs = zero_clause(c, t, t1);
			if (!cs || reported_already(c, t, cs, t1) ||
			        modal_before(c, t0, t) ||
			        no_reporter(c, t0, t) || infinitive(c, t0, t))
				continue;
			int cls = report_verb(c, t);
			if (!cls || (cls == RV_FACT && negated(c, t0, t)))
				continue;
			int found = 0;
			td_who_clear(TD_WHO_SITE);
			const char *who = td_who_note(TD_WHO_SITE, "syntax",
			        td_quotes_speaker(c, si, t, t + 1, &found));
			if (!found && !subject_before(c, t0, t))
				continue;
			if (cls == RV_FACT && adjunct_fact(c, t0, t))
				found = 0;
			size_t n0 = c->n_said;
			int rc = td_quotes_clauses(
			        c, si, cs, found ? who : NULL);
			if (rc < 0)
				return rc;
			/* the labels read the sentence as before: these
			 * clauses are reports for <said>, the author's
			 * sentence for claims and predictions (as "according
			 * to X" is), so that the finder moves no label the
			 * listed forms did not */
			for (size_t i = n0; i < c->n_said; i++) {
				colon_ends(c, &c->said[i], cs, t1);
				c->said[i].according = 1;
			}
			t = (size_t)rc > t ? (size_t)rc - 1 : t;
		}
	}
	return 0;
}
