/* hedges.c: hedge cues (<seg type="hedge" subtype="...">) from hedges.tsv.
 * Multi-word cues win over their parts (longest match). Conditions in the
 * lexicon keep out the non-hedge uses: "May" the month, "could" of past
 * ability, "about"/"some" that do not approximate a quantity.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "util.h"
#include "vec.h"

static int register_words(td_annotator *a);

/* hedges.tsv: cue, subtype, and the condition a use must meet */
static int hedge_row(void *ctx, const td_lex_row *row)
{
	td_annotator *a = ctx;
	const char *cue = td_lex_field(row->r, 0),
	           *sub = td_lex_field(row->r, 1),
	           *cond = td_lex_field(row->r, 2);
	static const char *const subs[] = {"probability", "possibility",
	        "appearance", "approximation", "attribution", NULL};
	static const char *const conds[] = {[TD_HC_NUM] = "num",
	        [TD_HC_MODAL] = "modal",
	        [TD_HC_VERB] = "verb",
	        [TD_HC_COPULA] = "copula",
	        [TD_HC_TO] = "to",
	        [TD_HC_PASSIVE] = "passive",
	        NULL};
	int ok = 0, cc = TD_HC_NONE;
	if (!cue || !sub)
		return td_lex_error(row, "need cue and subtype");
	for (int k = 0; subs[k]; k++)
		ok |= strcmp(sub, subs[k]) == 0;
	if (!ok)
		return td_lex_error(row, "unknown subtype '%s'", sub);
	for (int k = TD_HC_NUM; cond && conds[k]; k++)
		if (strcmp(cond, conds[k]) == 0)
			cc = k;
	if (cond && cc == TD_HC_NONE)
		return td_lex_error(row, "unknown condition '%s'", cond);
	if (TD_VEC_RESERVE(a->hedges, a->n_hedges, a->cap_hedges, 64))
		return td_error(TD_ENOMEM, "out of memory");
	td_hedge_rec *h = &a->hedges[a->n_hedges];
	h->cond = cc;
	if (!(h->subtype = strdup(sub)))
		return td_error(TD_ENOMEM, "out of memory");
	int rc = td_patset_add(&a->hedge_pats, cue, (int)a->n_hedges, 0, 0);
	a->n_hedges++;
	return rc;
}

int td_hedges_load(td_annotator *a, const char *dir)
{
	if (register_words(a))
		return td_error(TD_ENOMEM, "out of memory");
	a->hedge_pats.fold = 1;
	int rc = td_lex_each(dir, "hedges.tsv", hedge_row, a);
	td_patset_sort(&a->hedge_pats);
	return rc;
}

void td_hedges_unload(td_annotator *a)
{
	for (size_t i = 0; i < a->n_hedges; i++)
		free(a->hedges[i].subtype);
	free(a->hedges);
	a->hedges = NULL;
	a->n_hedges = a->cap_hedges = 0;
	td_patset_clear(&a->hedge_pats);
}

/* Numbers as 1961 copy and fiction spell them ("about forty dollars",
 * "some fifty miles") count as figures do. */
static const char *const quantity[] = {"half", "a", "one", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "dozen", "dozens", "hundred", "hundreds",
        "thousand", "thousands", "million", "millions", "billion", "third",
        "quarter", "per", "percent", "$", "£", "€", "twice", "double", "triple",
        NULL};

static const char *const tens[] = {"twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", NULL};

static int quantity_at(const td_actx *c, size_t i, size_t t1)
{
	if (i >= t1)
		return 0;
	if (td_tok_is_num(c, i))
		return 1;
	/* "forty-five" is one token */
	const char *w = td_tok_str(c, i), *h = memchr(w, '-', td_tok_len(c, i));
	for (size_t k = 0; h && tens[k]; k++)
		if (strlen(tens[k]) == (size_t)(h - w) &&
		        strncmp(w, tens[k], (size_t)(h - w)) == 0)
			return 1;
	return td_tok_in(c, i, quantity, 1);
}

/* "some one" spelled apart for "someone" ("run for the doctor, some
 * one, while I pry it open!"): a person, no quantity; "some one hundred
 * miles", "some one-third of the crop" stay approximations. */
static int some_one_person(const td_actx *c, size_t i, size_t e, size_t t1)
{
	if (!td_tok_eq(c, i, "some", 1) || !td_tok_eq(c, e, "one", 1))
		return 0;
	return !(e + 1 < t1 &&
	         (td_tok_is_num(c, e + 1) || td_tok_in(c, e + 1, quantity, 1) ||
	                 td_tok_pos_is(c, e + 1, "NN*")));
}

/* Words that make "look" a noun (before it) or a verb of action (after
 * it) rather than a link verb of appearance. */
static const char *const look_det[] = {"a", "an", "the", "this", "that",
        "closer", "another", "hard", "close", "his", "her", "its", "their",
        "our", "my", "your", NULL};
static const char *const look_particle[] = {"at", "for", "into", "after",
        "forward", "back", "ahead", "to", "up", "down", "on", "around", "out",
        "through", "over", "in", "beyond", "towards", "toward", "elsewhere",
        "away", "again", "and", "or", ",", ".", "upon", "from", "past",
        "across", "about", "behind", "along", "round", "sideways", "off", "him",
        "her", "them", "me", "us",
        /* the imperative of sight: "Look here", "look ye", "look who's
         * here", "look what you did" */
        "here", "there", "ye", "thee", "you", "who", "what", "how", "where",
        NULL};
static const char *const determiners[] = {"a", "an", "the", "his", "her", "its",
        "their", "our", "my", "your", NULL};
/* Words that govern "about" as a preposition ("what would be done about
 * two charges", "talk about three options"): no approximation. */
static const char *const about_governors[] = {"done", "do", "does", "did",
        "doing", "talk", "talks", "talked", "talking", "nothing", "something",
        "anything", "much", "little", "concerned", "worried", "question",
        "questions", "doubts", "know", "knew", "known", "care", "cares",
        "think", "thinking", "thought", NULL};
/* "make X seem", "let it appear", "wish to appear": appearance to others
 * under another verb, no hedge. */
static const char *const causatives[] = {
        "make", "makes", "made", "making", "let", "lets", NULL};
static const char *const volitives[] = {"wish", "wishes", "want", "wants",
        "wanted", "like", "try", "tries", "tried", "hope", "hoped", NULL};

/* "could not" + a verb denies a possibility, it does not hedge one: the
 * negation takes the modal in its scope ("the state could not carry the
 * burden alone", "E.G.T. could not let the Swiss bank have even 10
 * shares"), unlike "may not" (possibly not). "could not have" is left to
 * the rules on "could have"; a condition in the sentence ("could not
 * continue ... without the tax-exemption", "if it broke down") keeps the
 * hedge of a conditional forecast. */
static const char *const conditions[] = {
        "if", "unless", "without", "otherwise", NULL};

static int negated_could(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (!td_tok_eq(c, i, "could", 1) || i + 2 >= t1 ||
	        !td_tok_eq(c, i + 1, "not", 1))
		return 0;
	size_t v = i + 2;
	while (v < t1 && td_tok_pos_is(c, v, "RB*"))
		v++;
	if (v >= t1 || td_tok_eq(c, v, "have", 1))
		return 0;
	for (size_t k = t0; k < t1; k++)
		if (td_tok_in(c, k, conditions, 1))
			return 0;
	return 1;
}

/* "may" that grants or asks leave, or sits in a fixed phrase, hedges
 * nothing (session 20): the permission of "you may go" and the
 * rhetorical "You may think with what emotions ..." (a second person
 * subject and a verb other than be/have: "you may be surprised" stays a
 * possibility); "May I come aboard?" (inverted at the clause's start);
 * "may be sure/certain/assured" (certainty: "One may be sure the
 * leadership hasn't meant"); and ", may be," set off by commas, the
 * adverb "maybe" spelled apart ("But I thought, may be, you had both
 * gone off"). */
static const char *const you_forms[] = {"you", "ye", "thou", NULL};
static const char *const sure_words[] = {
        "sure", "certain", "assured", "confident", NULL};

static int not_epistemic_may(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (!td_tok_eq(c, i, "may", 1) || i + 1 >= t1)
		return 0;
	size_t v = i + 1;
	if (i > t0 && td_tok_in(c, i - 1, you_forms, 1) &&
	        td_tok_is_lower(c, v) && td_tok_pos_is(c, v, "VB") &&
	        !td_tok_eq(c, v, "be", 1) && !td_tok_eq(c, v, "have", 1))
		return 1;
	int opens = i == t0 || !td_tok_is_word(c, i - 1) ||
	            td_actx_in_quote(c, c->tok.v[i].start, c->tok.v[i].end) !=
	                    td_actx_in_quote(c, c->tok.v[i - 1].start,
	                            c->tok.v[i - 1].end);
	if (opens && td_tok_eq(c, i, "May", 0) &&
	        (td_tok_eq(c, v, "I", 0) || td_tok_eq(c, v, "we", 0)))
		return 1;
	if (td_tok_eq(c, v, "be", 1) && v + 1 < t1 &&
	        td_tok_in(c, v + 1, sure_words, 1))
		return 1;
	return i > t0 && td_tok_eq(c, i - 1, ",", 0) &&
	       td_tok_eq(c, v, "be", 1) && v + 1 < t1 &&
	       td_tok_eq(c, v + 1, ",", 0);
}

/* Verbs and adjectives whose "if" opens an indirect question ("demanded
 * to know if they could make", "asked if", "not sure if"), as "whether"
 * does. */
static const char *const question_verbs[] = {"know", "knows", "knew", "ask",
        "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering",
        "see", "sure", "check", "checked", "inquired", "learn", NULL};

/* Is token i inside an indirect question ("whether X may ...", "to know
 * if they could")? Its modal hedges nothing: no assertion is made. */
static int in_whether(const td_actx *c, size_t t0, size_t i)
{
	for (size_t k = i; k-- > t0;) {
		if (td_tok_eq(c, k, ",", 0) || td_tok_eq(c, k, ";", 0) ||
		        td_tok_eq(c, k, ":", 0))
			return 0;
		if (td_tok_eq(c, k, "whether", 1))
			return 1;
		if (td_tok_eq(c, k, "if", 1) && k > t0 &&
		        td_tok_in(c, k - 1, question_verbs, 1))
			return 1;
	}
	return 0;
}

/* Auxiliaries of the perfect: "had expected to" is active. */
static const char *const perfect_aux[] = {
        "have", "has", "had", "having", "'ve", "'d", NULL};

/* Prepositions after appear that make it a verb of showing up or
 * performing ("has appeared in live television", "appeared before the
 * committee"), no appearance hedge. */
static const char *const appear_places[] = {"in", "on", "at", "before", "with",
        "onstage", "during", "opposite", NULL};

static const char *const months[] = {"January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November",
        "December", NULL};

/* A past-tense verb form before token i in [t0, i): a regular -ed form or
 * a common irregular one ("learned in April", "met in March"). */
static const char *const past_irregular[] = {"was", "were", "had", "did", "met",
        "said", "told", "made", "took", "held", "saw", "knew", "learnt", "came",
        "went", "began", NULL};

static int past_verb_before(const td_actx *c, size_t t0, size_t i)
{
	for (size_t k = i; k-- > t0;) {
		size_t n = td_tok_len(c, k);
		const char *s = td_tok_str(c, k);
		if (td_tok_eq(c, k, ",", 0) || td_tok_eq(c, k, ";", 0))
			return 0;
		if (td_tok_any(c, k, past_irregular) ||
		        (td_tok_is_lower(c, k) && n > 4 && s[n - 2] == 'e' &&
		                s[n - 1] == 'd'))
			return 1;
	}
	return 0;
}

/* A past-time expression in [t0, t1): "in 2019" or "In January 2020"
 * (before the publication year), "last year", "ago", "yesterday",
 * "previously", or "in April" (a month before the publication month)
 * after a past-tense verb ("learned in April that it could"). */
static int past_time(const td_actx *c, size_t t0, size_t t1)
{
	for (size_t i = t0; i < t1; i++) {
		if (td_tok_eq(c, i, "ago", 1) ||
		        td_tok_eq(c, i, "yesterday", 1) ||
		        td_tok_eq(c, i, "previously", 1) ||
		        td_tok_eq(c, i, "formerly", 1))
			return 1;
		if (td_tok_eq(c, i, "last", 1) && i + 1 < t1 &&
		        (td_tok_eq(c, i + 1, "year", 1) ||
		                td_tok_eq(c, i + 1, "month", 1) ||
		                td_tok_eq(c, i + 1, "week", 1) ||
		                td_tok_eq(c, i + 1, "decade", 1)))
			return 1;
		if (td_tok_is_num(c, i) && td_tok_len(c, i) == 4 && c->pub_y) {
			int y = atoi(td_tok_str(c, i));
			size_t p = i > t0 && td_tok_any(c, i - 1, months)
			                   ? i - 1
			                   : i;
			if (y > 1800 && y < c->pub_y && p > t0 &&
			        td_tok_eq(c, p - 1, "in", 1))
				return 1;
		}
		if (c->pub_m && i > t0 && td_tok_eq(c, i - 1, "in", 1) &&
		        !(i + 1 < t1 && td_tok_is_num(c, i + 1))) {
			int m = 0;
			for (int k = 0; months[k]; k++)
				if (td_tok_eq(c, i, months[k], 0))
					m = k + 1;
			if (m && m < c->pub_m && past_verb_before(c, t0, i - 1))
				return 1;
		}
	}
	return 0;
}

/* The reported clause holding token i, as a token range; 0 when none. */
static int said_range(const td_actx *c, size_t i, size_t *a, size_t *b)
{
	size_t s = c->tok.v[i].start, e = c->tok.v[i].end;
	for (size_t k = 0; k < c->n_said; k++) {
		if (!c->said[k].according && c->said[k].start <= s &&
		        e <= c->said[k].end) {
			size_t x = i, y = i;
			while (x > 0 &&
			        c->tok.v[x - 1].start >= c->said[k].start)
				x--;
			while (y < c->tok.n &&
			        c->tok.v[y].end <= c->said[k].end)
				y++;
			*a = x;
			*b = y;
			return 1;
		}
	}
	return 0;
}

/* "could" told in a past narration: the author's words of the sentence
 * (quotes and reported clauses aside) have a past-tense verb (pos VBD)
 * and no present-tense verb (VBZ, VBP) or other modal: "But E.G.T. could
 * not let the Swiss bank have even 10 shares.", "If such a paragon ...
 * could commit such a sacrilege, there was hope left for all." */
static int past_narrative(const td_actx *c, size_t t0, size_t t1, size_t i)
{
	if (td_actx_in_quote(c, c->tok.v[i].start, c->tok.v[i].end))
		return 0;
	/* a reported clause has its own time ("warned last week a new
	 * designation could disrupt"); a fronted subordinate clause does not
	 * date the main one ("Whilst Kim last met Xi in 2019, ... could") */
	size_t ra, rb, fe = td_fronted_end(c, t0, t1);
	if (said_range(c, i, &ra, &rb)) {
		t0 = ra;
		t1 = rb;
	} else if (i >= fe)
		t0 = fe;
	int past = 0, rel = 0;
	for (size_t k = t0; k < t1; k++) {
		/* a relative clause between commas tells its own time
		 * ("purchases, which fell to zero this autumn, could
		 * resume") */
		if (td_tok_eq(c, k, ",", 0))
			rel = k + 1 < t1 &&
			      (td_tok_eq(c, k + 1, "which", 1) ||
			              td_tok_eq(c, k + 1, "who", 1));
		if (rel || k == i ||
		        td_actx_in_quote(c, c->tok.v[k].start, c->tok.v[k].end))
			continue;
		if (td_tok_pos_is(c, k, "VBZ") || td_tok_pos_is(c, k, "VBP") ||
		        td_tok_pos_is(c, k, "MD"))
			return 0;
		past |= td_tok_pos_is(c, k, "VBD");
	}
	return past;
}

int td_hedges_find(td_actx *c)
{
	const td_annotator *a = c->a;
	for (size_t si = 0; si < c->n_sents; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		/* a past time inside a fronted subordinate clause ("Whilst Kim
		 * last met Xi in 2019, ...") does not date the main clause */
		size_t fe = td_fronted_end(c, t0, t1);
		/* past_time of [t0,t1) and of [fe,t1), computed at their
		 * first need (a "could"; -1 before): 61M instructions of
		 * 300k tokens when computed for every sentence */
		int past = -1, past_main = -1;
		for (size_t i = t0; i < t1;) {
			long m = td_patset_match(&a->hedge_pats, c, i, t1);
			if (m < 0) {
				i++;
				continue;
			}
			const td_pat *p = &a->hedge_pats.v[m];
			const td_hedge_rec *h = &a->hedges[p->id];
			size_t e = i + (size_t)p->n;
			int ok = 1;
			switch (h->cond) {
			case TD_HC_NUM:
				ok = quantity_at(c, e, t1) &&
				     !(i > t0 && td_tok_in(c, i - 1,
				                         about_governors, 1)) &&
				     !some_one_person(c, i, e, t1);
				break;
			case TD_HC_VERB:
				/* not a participle used as an adjective ("your
				 * suggested solution") */
				ok = e < t1 &&
				     (td_tok_is_lower(c, e) ||
				             td_tok_eq(c, e, "to", 1)) &&
				     !(i > t0 && td_tok_in(c, i - 1,
				                         determiners, 1));
				break;
			case TD_HC_TO:
				/* the personal passive "is thought to": the cue
				 * is "is thought", as "appears to" gives
				 * "appears" */
				ok = e < t1 && td_tok_eq(c, e, "to", 1);
				break;
			case TD_HC_PASSIVE:
				/* "is apparently expected to", "receipts
				 * expected to be slightly above 1960": a
				 * passive participle (pos VBN) whose auxiliary
				 * is not next to it, or none; not the active
				 * past "they expected to win" (VBD) nor a
				 * perfect "had expected to" */
				ok = td_tok_pos_is(c, i, "VBN");
				for (size_t k = i; ok && k-- > t0;) {
					if (td_tok_in(c, k, perfect_aux, 1))
						ok = 0;
					if (!td_tok_pos_is(c, k, "RB*"))
						break;
				}
				break;
			case TD_HC_COPULA: {
				/* a manner adverb between the verb and its
				 * particle ("looked sharply at") */
				size_t pe = e;
				while (pe + 1 < t1 && td_tok_len(c, pe) > 4 &&
				        td_tok_pos_is(c, pe, "RB") &&
				        memcmp(td_tok_str(c, pe) +
				                        td_tok_len(c, pe) - 2,
				                "ly", 2) == 0)
					pe++;
				/* "the individual look so important": a noun */
				ok = e < t1 && td_tok_is_word(c, e) &&
				     !td_tok_pos_is(c, i, "NN*") &&
				     !td_tok_any(c, e, look_particle) &&
				     !(pe > e && td_tok_any(c, pe,
				                         look_particle)) &&
				     !(i > t0 &&
				             td_tok_any(c, i - 1, look_det));
				break;
			}
			case TD_HC_MODAL:
				/* the month: capitalised May not at the start,
				 * or May 2024 */
				if (td_tok_eq(c, i, "May", 0) &&
				        (i > t0 || (e < t1 && td_tok_is_num(
				                                      c, e))))
					ok = 0;
				/* a modal takes a verb after it */
				if (!(e < t1 && td_tok_is_lower(c, e)))
					ok = 0;
				/* adverbs between the modal and its verb
				 * ("could hardly have", "could once again
				 * use"); with no verb after them the modal is
				 * elliptical ("as pointedly as I could directly
				 * to Chiang"), nothing is hedged */
				size_t v = e;
				while (v < t1 && td_tok_pos_is(c, v, "RB*") &&
				        !td_tok_eq(c, v, "not", 1))
					v++;
				if (v > e &&
				        !(v < t1 &&
				                (td_tok_pos_is(c, v, "VB*") ||
				                        td_tok_eq(c, v, "not",
				                                1))))
					ok = 0;
				int have = v < t1 && td_tok_eq(c, v, "have", 1);
				/* "could (hardly) have done": an option not
				 * taken, no hedge; "might have exploited" after
				 * "Had they been ruthless": a counterfactual of
				 * the past */
				if (have &&
				        (td_tok_eq(c, i, "could", 1) ||
				                (td_tok_pos_is(
				                         c, v + 1, "VBN") &&
				                        td_past_counterfactual(
				                                c, t0, i))))
					ok = 0;
				/* a person's "could" of perception */
				if (td_perceiving_could(c, t0, i, t1))
					ok = 0;
				/* "could" of past ability: a past-time
				 * expression and no "could have" */
				if (td_tok_eq(c, i, "could", 1) && !have) {
					/* a reported clause has its own time:
					 * "warned last week a new designation
					 * could disrupt" */
					size_t ra, rb;
					int pt;
					if (said_range(c, i, &ra, &rb))
						pt = past_time(c, ra, rb);
					else if (i > fe) {
						if (past_main < 0)
							past_main = past_time(
							        c, fe, t1);
						pt = past_main;
					} else {
						if (past < 0)
							past = past_time(
							        c, t0, t1);
						pt = past;
					}
					if (pt)
						ok = 0;
					if (ok && past_narrative(c, t0, t1, i))
						ok = 0;
				}
				if (in_whether(c, t0, i))
					ok = 0;
				if (ok && negated_could(c, t0, i, t1))
					ok = 0;
				if (ok && not_epistemic_may(c, t0, i, t1))
					ok = 0;
				break;
			}
			/* appearance to others under a causative or volitional
			 * verb: "make the information seem of little value",
			 * "make it appear reasonable", "wish to appear
			 * happy" */
			if (ok && strcmp(h->subtype, "appearance") == 0 &&
			        p->n == 1 &&
			        td_tok_eq(c, i, "appear", 1) +
			                td_tok_eq(c, i, "appears", 1) +
			                td_tok_eq(c, i, "appeared", 1) &&
			        e < t1 && td_tok_in(c, e, appear_places, 1))
				ok = 0;
			if (ok && strcmp(h->subtype, "appearance") == 0 &&
			        p->n == 1) {
				for (size_t k = i; k-- > t0 && i - k <= 4;) {
					if (td_tok_in(c, k, causatives, 1) ||
					        (k + 1 == i &&
					                td_tok_eq(c, k, "to",
					                        1) &&
					                k > t0 &&
					                td_tok_in(c, k - 1,
					                        volitives, 1)))
						ok = 0;
					if (!td_tok_is_word(c, k))
						break;
				}
			}
			if (!ok) {
				i++;
				continue;
			}
			int rc = td_actx_add(c, "seg", c->tok.v[i].start,
			        c->tok.v[e - 1].end, NULL, "type", "hedge",
			        "subtype", h->subtype);
			if (rc < 0)
				return rc;
			/* #hedged is exactly "has a hedge item", quoted or
			 * not */
			if (rc == 0)
				c->sflags[si] |= TD_SF_HEDGED;
			i = e;
		}
	}
	return 0;
}

/* The grammar-word lists above, for hashed look-up (td_tok_in). */
static int register_words(td_annotator *a)
{
	static const char *const *const lists[] = {quantity, look_det,
	        look_particle, months, past_irregular, about_governors,
	        causatives, volitives, question_verbs, appear_places,
	        perfect_aux, determiners, you_forms, sure_words, NULL};
	return td_words_register(a, lists);
}
