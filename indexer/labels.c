/* labels.c: the sentence labels #prediction, #hedged and #claim (@ana on
 * <s>). Predictions come from future markers in the author's voice (words
 * inside quotes and reported clauses are the actor's, not the author's);
 * #hedged from the hedge stage; claims from judgement cues (claim_cues.tsv),
 * recommendations, reported positions and hedged or predictive stance.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "annotate.h"

int td_labels_load(td_annotator *a, const char *dir)
{
	td_tsv *t;
	int rc = td_lex_load(dir, "claim_cues.tsv", &t);
	if (rc)
		return rc;
	a->claim_pats.fold = 1;
	for (size_t i = 0; i < t->n && !rc; i++)
		rc = td_patset_add(&a->claim_pats, t->rows[i].f[0], (int)i,
			td_lex_field(&t->rows[i], 1) && !strcmp(t->rows[i].f[1], "deontic") ? 1 :
			td_lex_field(&t->rows[i], 1) && !strcmp(t->rows[i].f[1], "evaluative") ? 2 : 3, 0);
	td_tsv_free(t);
	td_patset_sort(&a->claim_pats);
	return rc;
}

/* Is token t in a quote or a reported clause (the actor's words)? */
static int reported(const td_actx *c, size_t t)
{
	size_t s = c->tok.v[t].start, e = c->tok.v[t].end;
	if (td_actx_in_quote(c, s, e))
		return 1;
	for (size_t i = 0; i < c->n_said; i++)
		if (c->said[i].start <= s && e <= c->said[i].end)
			return 1;
	return 0;
}

static int eq(const td_actx *c, size_t i, size_t t1, const char *w)
{
	return i < t1 && td_tok_eq(c, i, w, 1);
}

static int future_at(const td_actx *c, size_t i, size_t t1)
{
	if (eq(c, i, t1, "will") || eq(c, i, t1, "won't") || eq(c, i, t1, "shall") ||
	    eq(c, i, t1, "'ll"))
		return !eq(c, i + 1, t1, "have");
	if (eq(c, i, t1, "would"))
		return !eq(c, i + 1, t1, "have") && !(eq(c, i + 1, t1, "not") && eq(c, i + 2, t1, "have"));
	if ((eq(c, i, t1, "may") || eq(c, i, t1, "might") || eq(c, i, t1, "could")) &&
	    i + 1 < t1 && td_tok_is_lower(c, i + 1))
		return !eq(c, i + 1, t1, "have") && !(eq(c, i + 1, t1, "not") && eq(c, i + 2, t1, "have"));
	if ((eq(c, i, t1, "likely") || eq(c, i, t1, "unlikely") || eq(c, i, t1, "set") ||
	     eq(c, i, t1, "expected") || eq(c, i, t1, "poised") || eq(c, i, t1, "bound") ||
	     eq(c, i, t1, "going")) && eq(c, i + 1, t1, "to") && i + 2 < t1 &&
	    td_tok_is_lower(c, i + 2))
		return 1;
	if (eq(c, i, t1, "coming") && i + 1 < t1 &&
	    (eq(c, i + 1, t1, "months") || eq(c, i + 1, t1, "weeks") ||
	     eq(c, i + 1, t1, "years") || eq(c, i + 1, t1, "days") || eq(c, i + 1, t1, "decade")))
		return 1;
	if (eq(c, i, t1, "next") && (eq(c, i + 1, t1, "year") || eq(c, i + 1, t1, "month") ||
				     eq(c, i + 1, t1, "week") || eq(c, i + 1, t1, "decade")))
		return 1;
	if (eq(c, i, t1, "upcoming") || eq(c, i, t1, "impending") || eq(c, i, t1, "forthcoming"))
		return 1;
	if (eq(c, i, t1, "in") && eq(c, i + 1, t1, "the") && eq(c, i + 2, t1, "future"))
		return 1;
	/* "we should not be surprised if X does": an expectation */
	if ((eq(c, i, t1, "surprised") || eq(c, i, t1, "surprising")) && eq(c, i + 1, t1, "if"))
		return 1;
	/* in/by a year not before the publication year */
	if (c->pub_y && (eq(c, i, t1, "in") || eq(c, i, t1, "by") || eq(c, i, t1, "until")) &&
	    i + 1 < t1 && td_tok_is_num(c, i + 1) && td_tok_len(c, i + 1) == 4) {
		int y = atoi(td_tok_str(c, i + 1));
		return y >= c->pub_y && y < c->pub_y + 100;
	}
	return 0;
}

static const char *const anchors[] = {"January", "February", "March",
	"April", "June", "July", "August", "September", "October", "November",
	"December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday", "Sunday", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.",
	"Dec.", NULL};

/* A plain report: anchored in past time ("on 14 October", "Earlier this
 * week", "Already this year"), a statistic, or a speech act reported
 * without comment. */
static int report_like(const td_actx *c, size_t t0, size_t t1, int said)
{
	int nums = 0;
	for (size_t i = t0; i < t1; i++) {
		if (td_actx_in_quote(c, c->tok.v[i].start, c->tok.v[i].end))
			continue;
		for (size_t k = 0; anchors[k]; k++)
			if (td_tok_eq(c, i, anchors[k], 0))
				return 1;
		if (td_tok_eq(c, i, "May", 0) && i > t0)
			return 1;
		if ((eq(c, i, t1, "earlier") || eq(c, i, t1, "already")) && eq(c, i + 1, t1, "this"))
			return 1;
		if (eq(c, i, t1, "last") && (eq(c, i + 1, t1, "week") || eq(c, i + 1, t1, "month")))
			return 1;
		if (td_tok_is_num(c, i))
			nums++;
	}
	(void)said;
	return nums >= 2;
}

int td_labels_apply(td_actx *c)
{
	const td_annotator *a = c->a;
	for (size_t si = 0; si < c->n_sents; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		int pred = 0, deontic = 0, strong = 0, speech = 0;
		for (size_t i = t0; i < t1; i++) {
			if (reported(c, i))
				continue;
			if (future_at(c, i, t1))
				pred = 1;
			long m = td_patset_match(&a->claim_pats, c, i, t1);
			if (m >= 0) {
				deontic |= a->claim_pats.v[m].type == 1;
				strong |= a->claim_pats.v[m].type <= 2;
			}
			long v = td_patset_match(&a->speech_pats, c, i, t1);
			speech |= v >= 0;
		}
		/* a sentence that is only a quote is the speaker's, not a claim */
		int quoted = 1;
		for (size_t i = t0; i < t1 && quoted; i++)
			if (td_tok_is_word(c, i) && !reported(c, i))
				quoted = 0;
		if (pred)
			c->sflags[si] |= TD_SF_PREDICTION;
		/* predictions are claims only with a recommendation; other
		 * sentences are arguable unless they read as plain reports */
		if (pred ? deontic : (strong || (!report_like(c, t0, t1, speech) && !quoted)))
			c->sflags[si] |= TD_SF_CLAIM;
	}
	return 0;
}

int td_labels_write(td_actx *c)
{
	for (size_t si = 0; si < c->n_sents; si++) {
		char buf[64] = "";
		unsigned f = c->sflags[si];
		if (f & TD_SF_PREDICTION)
			strcat(buf, " #prediction");
		if (f & TD_SF_HEDGED)
			strcat(buf, " #hedged");
		if (f & TD_SF_CLAIM)
			strcat(buf, " #claim");
		if (!buf[0])
			continue;
		int rc = td_span_set_attr(c->doc, c->sents[si].span, "ana", buf + 1);
		if (rc)
			return rc;
	}
	return 0;
}
