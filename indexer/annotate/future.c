/* future.c: a forecast inside a quotation, found by syntax (issue 13). A
 * future modal (will, won't, 'll) and a verb in the base form foretell in
 * quoted words when their subject is neither the speaker nor the
 * addressee nor an actor: "“They will be more crowded next fall”",
 * "“He'll water them there tonight”". I/we/you + will is a plan or a
 * promise and an actor + will a pledge (annotation.md: not the author's
 * prediction); "shall" of a third person commands ("endowments ... shall
 * be limited"). It decides nothing alone: labels.c asks it about a
 * sentence its rules left without #prediction.
 */
#include "config.h"

#include <string.h>

#include "match.h"

/* the speaker and the addressee: their "will" is a plan or a promise
 * ("I will take a little walk"), not a forecast */
static const char *const plan_subjects[] = {"i", "we", "you", NULL};
static const char *const will_words[] = {
        "will", "won't", "won’t", "'ll", "’ll", NULL};
/* "won't talk", "will not say": a refusal */
static const char *const refusal_verbs[] = {
        "talk", "tell", "speak", "say", "comment", "discuss", NULL};
/* the conjunctions and wh-words of a clause that is no statement of its
 * own: a condition ("if the court will hear"), an indirect question ("how
 * many people will be affected"), a time ("until they know") */
static const char *const subordinators[] = {"if", "unless", "whether", "when",
        "whenever", "how", "what", "whatever", "who", "whoever", "which",
        "until", "before", "after", "while", "once", "where", "why", NULL};
/* "they say they will": a plan relayed */
static const char *const say_words[] = {
        "say", "says", "said", "tell", "tells", "told", NULL};

/* The length of the stem of a contracted "'ll" token ("he'll": 2), 0 for
 * any other token. */
static size_t ll_stem(const td_actx *c, size_t t)
{
	size_t n = td_tok_len(c, t);
	const char *w = td_tok_str(c, t);
	if (n > 3 && !memcmp(w + n - 3, "'ll", 3))
		return n - 3;
	if (n > 5 && !memcmp(w + n - 5, "’ll", 5))
		return n - 5;
	return 0;
}

/* Is token t a word of an actor's name (not a pronoun)? "The United
 * States will not resume tests" is the actor's pledge. */
static int actor_at(const td_actx *c, size_t t)
{
	size_t s = c->tok.v[t].start, e = c->tok.v[t].end;
	for (size_t k = 0; k < c->n_ments; k++)
		if (c->ments[k].start <= s && e <= c->ments[k].end &&
		        !c->ments[k].pronoun && c->ments[k].key)
			return 1;
	return 0;
}

/* Is the subject at token t the speaker, the addressee or an actor: a
 * plan or a pledge? A contracted token ("I'll") is its own subject. */
static int planner_at(const td_actx *c, size_t t)
{
	if (td_tok_in(c, t, plan_subjects, 1) || actor_at(c, t))
		return 1;
	size_t sn = ll_stem(c, t);
	char stem[8];
	if (sn == 0 || sn >= sizeof stem)
		return 0;
	const char *w = td_tok_str(c, t);
	for (size_t k = 0; k < sn; k++)
		stem[k] =
		        (char)((w[k] >= 'A' && w[k] <= 'Z') ? w[k] + 32 : w[k]);
	stem[sn] = 0;
	for (const char *const *p = plan_subjects; *p; p++)
		if (!strcmp(stem, *p))
			return 1;
	return 0;
}

/* A subordinator among the eight words before the modal at i, no
 * punctuation between; or a verb of saying right before its subject
 * ("they say they will not take my beans"). */
static int subordinate(const td_actx *c, size_t t0, size_t i)
{
	for (size_t k = i; k > t0 && i - k < 8; k--) {
		if (!td_tok_is_word(c, k - 1))
			return 0;
		if (td_tok_in(c, k - 1, subordinators, 1))
			return 1;
		if (k + 1 == i && td_tok_in(c, k - 1, say_words, 1))
			return 1;
	}
	return 0;
}

int td_future_quoted(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	size_t v = i + 1;
	if (td_tok_in(c, i, will_words, 1)) {
		if (i == t0)
			return 0;
		size_t subj = i - 1;
		while (subj > t0 && td_tok_pos_is(c, subj, "RB"))
			subj--;
		/* "Emory University will recognize no obligation and will
		 * adopt no policy": the subject of the verb before */
		if (td_tok_pos_is(c, subj, "CC")) {
			size_t k = subj;
			while (k > t0 && !td_tok_pos_is(c, k - 1, "MD") &&
			        !td_tok_pos_is(c, k - 1, "VBZ") &&
			        !td_tok_pos_is(c, k - 1, "VBP") &&
			        !td_tok_pos_is(c, k - 1, "VBD"))
				k--;
			if (k > t0 + 1 &&
			        (planner_at(c, k - 2) || planner_at(c, k - 1)))
				return 0;
		}
		if (planner_at(c, subj))
			return 0;
	} else if (!ll_stem(c, i) || planner_at(c, i))
		return 0;
	if (!td_actx_in_quote(c, c->tok.v[i].start, c->tok.v[i].end) ||
	        subordinate(c, t0, i))
		return 0;
	/* "will never be a country": a vow */
	if (v >= t1 || td_tok_eq(c, v, "never", 1))
		return 0;
	while (v < t1 &&
	        (td_tok_pos_is(c, v, "RB") || td_tok_eq(c, v, "not", 1)))
		v++;
	if (v >= t1 || !td_tok_pos_is(c, v, "VB") || !td_tok_is_lower(c, v))
		return 0;
	if (td_tok_in(c, v, refusal_verbs, 1) &&
	        (td_tok_eq(c, v - 1, "not", 1) || td_tok_eq(c, i, "won't", 1) ||
	                td_tok_eq(c, i, "won’t", 1)))
		return 0;
	/* "will have done" looks back from a future vantage */
	return !(td_tok_eq(c, v, "have", 1) && v + 1 < t1 &&
	         td_tok_pos_is(c, v + 1, "VBN"));
}

/* The word lists above, each a bit of a token's word class. */
int td_future_register(td_annotator *a)
{
	static const char *const *const lists[] = {plan_subjects, will_words,
	        refusal_verbs, subordinators, say_words, NULL};
	return td_words_register(a, lists);
}
