/* speakers.c: the document's persons as a discourse model that speaker
 * decisions query: which persons the narration has named (outside
 * quotations) before a point, and of which gender. quotes.c asks it when
 * its nearer rules leave a "he"/"she" without a referent. It reads the
 * mentions and quotations only; it writes nothing.
 */
#include "config.h"

#include <string.h>

#include "match.h"

/* Is the mention a person named in the narration (not inside a quotation,
 * where absent persons are talked about: "Mrs. Halvorsen says ...")? */
static int narrated_person(const td_actx *c, const td_mention *m)
{
	return !m->pronoun && m->key && m->kind &&
	       strcmp(m->kind, "person") == 0 &&
	       !td_actx_in_quote(c, c->tok.v[m->t0].start, c->tok.v[m->t0].end);
}

/* Pronouns of each gender: the links of a chain of reference. */
static const char *const pron_m[] = {"he", "him", "his", "himself", NULL};
static const char *const pron_f[] = {"she", "her", "hers", "herself", NULL};

/* The most paragraph breaks between two links (chain_link) that keep a
 * person in the reader's mind: resolve_pronoun's window (the pronoun's
 * paragraph and the three before). */
#define CHAIN_GAP 3

/* Does sentence si hold, before token t, a link that keeps the scene's
 * persons on stage: a pronoun of gender g in the narration ("She took a
 * cigarette"), or a quotation (the dialogue goes on, whoever speaks: its
 * untagged turns are often hers)? */
static int chain_link(const td_actx *c, int si, int g, size_t t)
{
	const char *const *pr = g == 'f' ? pron_f : pron_m;
	size_t e = c->sents[si].t1 < t ? c->sents[si].t1 : t;
	for (size_t k = c->sents[si].t0; k < e; k++)
		for (const char *const *w = pr; *w; w++)
			if (td_tok_eq(c, k, *w, 1) &&
			        !td_actx_in_quote(
			                c, c->tok.v[k].start, c->tok.v[k].end))
				return 1;
	for (size_t q = 0; q < c->n_quotes; q++)
		if (c->quotes[q].sent == si)
			return 1;
	return 0;
}

const char *td_speakers_sole(const td_actx *c, int g, size_t t)
{
	const td_mention *one = NULL; /* its latest narrated mention */
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->t0 >= t || !narrated_person(c, m))
			continue;
		if (one && strcmp(one->key, m->key) == 0) {
			if (m->t0 > one->t0)
				one = m;
			continue;
		}
		if (td_quotes_key_gender(c, m->key, t) != g)
			continue;
		if (one)
			return NULL; /* two persons of that gender */
		one = m;
	}
	int si = c->tok_sent[t];
	/* named in the pronoun's own sentence, the nearer rules saw her and
	 * did not take her (an object: "came up to Paul Richards and asked
	 * the manager if he thought") */
	if (!one || si < 0 || one->sent == si)
		return NULL;
	/* the chain from that mention to t: no more than CHAIN_GAP
	 * paragraph breaks without a pronoun of that gender or a quotation
	 * ("Mr. John Brown spoke." and four paragraphs of rain: a later "he"
	 * is no one's) */
	int breaks = 0; /* paragraph breaks since the last link */
	for (int s = one->sent + 1; s <= si; s++) {
		if (c->sents[s].para != c->sents[s - 1].para &&
		        ++breaks > CHAIN_GAP)
			return NULL;
		if (chain_link(c, s, g, t))
			breaks = 0;
	}
	return one->key;
}

void td_speakers_evidence(
        const td_actx *c, const char *key, int g, size_t t, td_who_evidence *ev)
{
	ev->paras = -1;
	ev->rivals = 0;
	ev->turns = 0;
	ev->gender = key ? td_quotes_key_gender(c, key, t) == g : 0;
	int si = t < c->tok.n ? c->tok_sent[t] : -1;
	if (!key || si < 0)
		return;
	const td_mention *last = NULL; /* key's latest narrated mention */
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->t0 < t && narrated_person(c, m) &&
		        strcmp(m->key, key) == 0 && (!last || m->t0 > last->t0))
			last = m;
	}
	if (!last)
		return;
	ev->paras = 0;
	ev->turns = 0;
	for (int s = last->sent + 1; s <= si; s++)
		ev->paras += c->sents[s].para != c->sents[s - 1].para;
	/* quotations in the paragraphs between: turns of a dialogue */
	int seen = c->sents[last->sent].para;
	for (size_t q = 0; q < c->n_quotes; q++) {
		int qs = c->quotes[q].sent;
		if (qs <= last->sent || qs >= si ||
		        c->sents[qs].para == c->sents[si].para ||
		        c->sents[qs].para == seen)
			continue;
		seen = c->sents[qs].para;
		ev->turns++;
	}
	/* other persons acting in the narration since (in subject
	 * position: a designer named as the object of "by" is no rival of
	 * the woman a profile is about), whose gender does not rule them
	 * out */
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->t0 <= last->t0 || m->t0 >= t || !narrated_person(c, m) ||
		        strcmp(m->key, key) == 0 || !td_quotes_subject(c, m))
			continue;
		int mg = td_quotes_key_gender(c, m->key, t);
		if (!mg || mg == g)
			ev->rivals++;
	}
}

/* The calibration of the referent rules (resolve_pronoun's, named as
 * who_dump.c writes them), one row a restricted rule: the most paragraph
 * breaks between the person's last naming in the narration and the
 * pronoun, and the most rival persons (in subject position, of the
 * pronoun's gender or of none known) named in the narration since (-1: no
 * limit). Measured on the development sets with TAGDEX_WHO_DUMP (session
 * 23): the fallbacks that reach past the window of subjects (the last
 * speaker of that gender, the person named twice, the discourse's one
 * person) with such a rival since were wrong 4 times of 4 (a rival named
 * only as an object was no sign: unseen-r8's profile of Greer Garson); a
 * limit on distance alone cost more right speakers than wrong (the subject
 * two or three breaks back: 14 right, 12 wrong). */
static const struct who_limit {
	const char *rule;
	int max_paras, max_rivals;
} who_limits[] = {
        {"pron-last-speaker", -1, 0},
        {"pron-person-named-twice", -1, 0},
        {"pron-sole", -1, 0},
};

int td_speakers_admit(const char *rule, const td_who_evidence *ev)
{
	for (size_t i = 0; i < sizeof who_limits / sizeof *who_limits; i++) {
		const struct who_limit *l = &who_limits[i];
		if (strcmp(l->rule, rule) != 0)
			continue;
		if (l->max_paras >= 0 && ev->paras > l->max_paras)
			return 0;
		if (l->max_rivals >= 0 && ev->rivals > l->max_rivals)
			return 0;
	}
	return 1;
}
