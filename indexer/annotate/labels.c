/* labels.c: the sentence labels #prediction, #hedged and #claim (@ana on
 * <s>). Predictions come from future markers in the author's voice: words
 * inside quotes, reported clauses, an actor's directive ("told the PLA to
 * ...") and the condition of an if-clause are not the author's assertion.
 * #hedged comes from the hedge stage; claims from judgement cues
 * (claim_cues.tsv), reported positions and the author's own statements
 * that do not read as plain reports. Word lists are lexicon data; the
 * grammar words the rules turn on are listed
 * here. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claim_model.h"
#include "lower.h"
#include "match.h"
#include "util.h"

/* The rare paths of the rules (a quote, a modal, a cue already found):
 * kept out of line and small, so that the hot per-token tests around
 * them keep their inlined token compares (callgrind: inlining them cost
 * 2% of ingest instructions) */
#define TD_COLD __attribute__((cold, noinline))

/* claim_cues.tsv kinds (td_pat.type) */
enum {
	CC_DEONTIC = 1, /* should, must, it is vital: a recommendation */
	CC_EVALUATIVE =
	        2, /* dangerous, sobering, worse: a judgement of value */
	CC_JUDGEMENT =
	        3, /* reflects, shows, means, calls X Y: interpretation */
	CC_INTENSIFIER = 4, /* stance adverbs: clearly, particularly */
	CC_RECOMMEND = 5,   /* called for, urged: a reported recommendation */
	CC_REPORT = 6, /* resumed, continued: a verb of a plain event report */
	CC_STANCE = 7  /* stance.tsv: a word of judgement by its valence */
};

static int register_words(td_annotator *a);
static int register_future(td_annotator *a);

/* stance.tsv (generated from the VADER sentiment lexicon): words whose
 * valence judges, as claim patterns of kind CC_STANCE (stance_at). */
static int stance_row(void *ctx, const td_lex_row *row)
{
	td_annotator *a = ctx;
	const char *w = td_lex_field(row->r, 0), *v = td_lex_field(row->r, 1);
	char *end = NULL;
	if (v)
		(void)strtod(v, &end);
	if (!w || !v || end == v || *end)
		return td_lex_error(row, "need a word and its valence");
	return td_patset_add(&a->claim_pats, w, (int)row->index, CC_STANCE, 0);
}

/* claim_cues.tsv: a cue and its kind (CC_*) */
static int claim_cue_row(void *ctx, const td_lex_row *row)
{
	td_annotator *a = ctx;
	static const char *const kinds[] = {"", "deontic", "evaluative",
	        "judgement", "intensifier", "recommend", "report", NULL};
	const char *cue = td_lex_field(row->r, 0),
	           *kind = td_lex_field(row->r, 1);
	int type = 0;
	for (int k = 1; kind && kinds[k]; k++)
		if (strcmp(kind, kinds[k]) == 0)
			type = k;
	if (!cue || !type)
		return td_lex_error(row,
		        "need a cue and a kind (deontic, evaluative, "
		        "judgement, intensifier, recommend, report)");
	return td_patset_add(&a->claim_pats, cue, (int)row->index, type, 0);
}

int td_labels_load(td_annotator *a, const char *dir)
{
	if (register_words(a) || register_future(a) || td_future_register(a))
		return td_error(TD_ENOMEM, "out of memory");
	a->claim_pats.fold = 1;
	int rc = td_lex_each(dir, "claim_cues.tsv", claim_cue_row, a);
	if (!rc)
		rc = td_lex_each(dir, "stance.tsv", stance_row, a);
	if (!rc)
		rc = td_claim_model_load(a, dir);
	td_patset_sort(&a->claim_pats);
	return rc;
}

void td_labels_unload(td_annotator *a)
{
	td_patset_clear(&a->claim_pats);
	td_claim_model_unload(a);
}

/* Inline: the rules call these for every token with many words, and the
 * usual answer (a different first byte) is a compare or two. */
static inline __attribute__((always_inline)) int eq(
        const td_actx *c, size_t i, size_t t1, const char *w)
{
	return i < t1 && td_tok_eq(c, i, w, 1);
}

static inline int any(
        const td_actx *c, size_t i, size_t t1, const char *const *w)
{
	return i < t1 && td_tok_any(c, i, w);
}

static int boundary(const td_actx *c, size_t i)
{
	return td_tok_eq(c, i, ",", 0) || td_tok_eq(c, i, ";", 0) ||
	       td_tok_eq(c, i, ":", 0) || td_tok_eq(c, i, "–", 0) ||
	       td_tok_eq(c, i, "—", 0) || td_tok_eq(c, i, "(", 0) ||
	       td_tok_eq(c, i, ")", 0);
}

/* ------------------------------------------------------ grammar words */

static const char *const future_modals[] = {
        "will", "won't", "shall", "'ll", "would", "wouldn't", NULL};
static const char *const possib_modals[] = {"may", "might", "could", NULL};
/* adverbs between a modal and its verb ("would probably have to") */
static const char *const modal_adverbs[] = {"probably", "likely", "also",
        "still", "then", "well", "surely", "certainly", "eventually", "soon",
        NULL};
/* intentions and plans: an actor's stated future, like a pledge */
static const char *const intention[] = {"ready", "prepared", "willing",
        "determined", "intends", "intend", "plans", "plan", "aims", "vowed",
        "pledged", NULL};
static const char *const months[] = {"January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November",
        "December", NULL};
/* the abbreviations without their stop: the tokenizer gives "Oct." as
 * "Oct" + "." (month_of asks for the "." right after) */
static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May",
        "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec", NULL};
static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", NULL};
static const char *const seasons[] = {
        "summer", "autumn", "winter", "spring", "fall", NULL};
static const char *const period_nouns[] = {
        "months", "weeks", "years", "days", "decade", "decades", NULL};
static const char *const next_nouns[] = {"year", "month", "week", "decade",
        "summer", "autumn", "winter", "spring", NULL};
static const char *const link_verbs[] = {"is", "are", "be", "been", "looks",
        "look", "seems", "seem", "appears", "appear", "remains", "remain",
        "makes", "make", "'s", NULL};
static const char *const degree[] = {"not", "less", "more", "most", "very",
        "highly", "increasingly", "still", "also", "now", "far", "much", NULL};
static const char *const expect_verbs[] = {"expects", "expect", "anticipates",
        "anticipate", "forecasts", "forecast", "projects", "predicts",
        "predict", NULL};
static const char *const directive_verbs[] = {"told", "tells", "urged", "urges",
        "ordered", "orders", "instructed", "instructs", "asked", "asks",
        "directed", "pressed", "encouraged", NULL};
static const char *const cond_words[] = {"if", "unless", "whether", "whatever",
        "whichever", "whoever", "whenever", NULL};
/* intentions that are verbs only before "to" ("plans to", not "has plans") */
static const char *const intention_to[] = {"ready", "prepared", "willing",
        "determined", "intends", "intend", "plans", "plan", "aims", NULL};
/* words after a plain event verb that keep the report plain ("have since
 * resumed.", "continued despite ...") */
static const char *const report_tail[] = {"in", "on", "at", "after", "despite",
        "since", "from", "into", "until", "for", "with", "without", "across",
        "near", "unabated", "apace", NULL};
/* irregular past tense forms; regular ones end in -ed */
static const char *const past_irregular[] = {"was", "were", "had", "did",
        "took", "made", "met", "came", "went", "began", "saw", "said", "told",
        "held", "fell", "rose", "gave", "won", "left", "led", "brought", "sent",
        "became", "broke", "drew", "flew", "fought", "found", "knew", "lost",
        "paid", "ran", "sought", "spoke", "stood", "struck", "thought", "wrote",
        "ago", NULL};
static const char *const finite_words[] = {"is", "are", "was", "were", "has",
        "have", "had", "can", "cannot", "can't", "must", "should", "does", "do",
        "did", "isn't", "aren't", "remains", "means", NULL};

/* Is the token at i followed at once by a "." (an abbreviation's stop)? */
static int month_dot(const td_actx *c, size_t i)
{
	return i + 1 < c->tok.n && td_tok_eq(c, i + 1, ".", 0) &&
	       c->tok.v[i + 1].start == c->tok.v[i].end;
}

static int month_of(const td_actx *c, size_t i)
{
	if (i >= c->tok.n)
		return 0;
	/* every month name and abbreviation starts with one of these (and a
	 * token starting otherwise, ’ included, equals none of them) */
	switch (c->doc->text[c->tok.v[i].start]) {
	case 'J':
	case 'F':
	case 'M':
	case 'A':
	case 'S':
	case 'O':
	case 'N':
	case 'D':
		break;
	default:
		return 0;
	}
	for (int k = 0; months[k]; k++)
		if (td_tok_eq(c, i, months[k], 0) ||
		        (td_tok_eq(c, i, month_abbr[k], 0) && month_dot(c, i)))
			return k + 1;
	/* "Sep." beside "Sept." */
	if (td_tok_eq(c, i, "Sep", 0) && month_dot(c, i))
		return 9;
	return 0;
}

/* A month's full name at i ("January", not "Jan."). */
static int month_written(const td_actx *c, size_t i)
{
	if (i >= c->tok.n || !td_tok_is_cap(c, i) || td_tok_len(c, i) < 3)
		return 0;
	for (int k = 0; months[k]; k++)
		if (td_tok_eq(c, i, months[k], 0))
			return 1;
	return 0;
}

/* The token after a month name at i: past the stop of an abbreviation
 * ("Oct" "." "13" -> the "13"). */
static size_t month_next(const td_actx *c, size_t i)
{
	return month_dot(c, i) ? i + 2 : i + 1;
}

static const char *const participle_aux[] = {
        "be", "been", "being", "is", "are", "am", "has", "have", NULL};

/* A past-tense verb (not a participle after be/have: "be ruled out"). */
static int past_word(const td_actx *c, size_t i)
{
	size_t n = td_tok_len(c, i);
	const char *s = td_tok_str(c, i);
	if (td_tok_any(c, i, past_irregular))
		return 1;
	return td_tok_is_lower(c, i) && n > 4 && s[n - 2] == 'e' &&
	       s[n - 1] == 'd' &&
	       !(i > 0 && td_tok_any(c, i - 1, participle_aux));
}

/* -------------------------------------------------- whose words they are */

/* Per token of a sentence: REP when the words are an actor's (quote,
 * reported clause, directive complement), COND inside the condition of an
 * if/unless/whether clause. */
enum { M_REP = 1, M_COND = 2 };

static int is_speech_word(const td_actx *c, size_t i, size_t t1)
{
	long v = i < t1 ? td_speech_match(c, i, t1) : -1;
	return v >= 0 && c->a->speech_pats.v[v].type == TD_SV_SPEECH;
}

/* A document's reported clauses (not the "according to" ones) or its
 * quotes by their starts, with the greatest end up to each, so that a
 * sentence visits those reaching into it (span_each) instead of all of
 * the document's: what the sentence rules make of each is the same in
 * any order (an OR over them). */
typedef struct lab_span {
	size_t start, end, k; /* k: the index in c->said or c->quotes */
} lab_span;
typedef struct lab_spans {
	lab_span *v;
	size_t *maxend; /* maxend[j]: the greatest end of v[0 .. j] */
	size_t n;
} lab_spans;

static int lab_span_cmp(const void *x, const void *y)
{
	const lab_span *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

/* said: c->said less the according ones; else c->quotes. */
static int lab_spans_make(const td_actx *c, int said, lab_spans *o)
{
	size_t n = said ? c->n_said : c->n_quotes;
	o->n = 0;
	o->v = malloc((n ? n : 1) * sizeof *o->v);
	o->maxend = malloc((n ? n : 1) * sizeof *o->maxend);
	if (!o->v || !o->maxend)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t k = 0; k < n; k++) {
		if (said && c->said[k].according)
			continue;
		o->v[o->n].start = said ? c->said[k].start : c->quotes[k].start;
		o->v[o->n].end = said ? c->said[k].end : c->quotes[k].end;
		o->v[o->n++].k = k;
	}
	if (o->n > 1)
		qsort(o->v, o->n, sizeof *o->v, lab_span_cmp);
	for (size_t j = 0; j < o->n; j++)
		o->maxend[j] = j && o->maxend[j - 1] > o->v[j].end
		                       ? o->maxend[j - 1]
		                       : o->v[j].end;
	return 0;
}

static void lab_spans_clear(lab_spans *o)
{
	free(o->v);
	free(o->maxend);
	o->v = NULL;
	o->maxend = NULL;
	o->n = 0;
}

/* Each span of o starting before s1 and ending at or after e0, in no set
 * order: for (j = span_first(o, s1); span_next(o, &j, s1, e0);) o->v[j]
 * (the spans from the first starting at s1 back to the first whose
 * greatest end up to it is before e0). */
static size_t span_first(const lab_spans *o, size_t s1)
{
	if (td_match_no_skip)
		return o->n; /* each span (test_match) */
	size_t lo;
	TD_LOWER_BOUND(lo, o->n, mid, o->v[mid].start < s1);
	return lo;
}
static int span_next(const lab_spans *o, size_t *j, size_t s1, size_t e0)
{
	while (*j > 0) {
		size_t x = --*j;
		if (o->maxend[x] < e0 && !td_match_no_skip)
			return 0; /* none at or before x ends at e0 or after */
		if (o->v[x].end >= e0 && o->v[x].start < s1)
			return 1;
	}
	return 0;
}

static void build_mask(const td_actx *c, const lab_spans *said, size_t t0,
        size_t t1, unsigned char *m)
{
	for (size_t i = t0; i < t1; i++) {
		size_t s = c->tok.v[i].start, e = c->tok.v[i].end;
		m[i - t0] = 0;
		if (td_actx_in_quote(c, s, e))
			m[i - t0] |= M_REP;
	}
	/* the reported clauses holding a token: only those that reach from
	 * before the last token's start to past the first token's end can
	 * (not each clause of the document at each token) */
	if (t0 >= t1)
		return;
	size_t s1 = c->tok.v[t1 - 1].start + 1;
	for (size_t j = span_first(said, s1);
	        span_next(said, &j, s1, c->tok.v[t0].end);) {
		const td_said *sd = &c->said[said->v[j].k];
		for (size_t i = t0; i < t1; i++)
			if (sd->start <= c->tok.v[i].start &&
			        c->tok.v[i].end <= sd->end)
				m[i - t0] |= M_REP;
	}
	for (size_t i = t0; i < t1; i++) {
		/* "told the PLA to be capable ...": the infinitive is the
		 * actor's plan up to the end of its clause */
		if (any(c, i, t1, directive_verbs) && !(m[i - t0] & M_REP)) {
			size_t k = i + 1;
			while (k < t1 && k <= i + 6 && !eq(c, k, t1, "to") &&
			        !boundary(c, k) && !eq(c, k, t1, "that"))
				k++;
			if (eq(c, k, t1, "to") && k + 1 < t1 &&
			        td_tok_is_lower(c, k + 1))
				for (; k < t1 && !boundary(c, k) &&
				        !eq(c, k, t1, "and");
				        k++)
					m[k - t0] |= M_REP;
		}
		/* "Washington should say plainly that X will ...": the words
		 * recommended to an actor are not the author's forecast */
		if ((eq(c, i, t1, "should") || eq(c, i, t1, "must")) &&
		        !(m[i - t0] & M_REP)) {
			size_t k = i + 1;
			if (k < t1 && td_tok_is_lower(c, k) &&
			        !is_speech_word(c, k, t1))
				k++;
			if (is_speech_word(c, k, t1)) {
				size_t j = k + 1;
				while (j < t1 && j <= k + 3 &&
				        !eq(c, j, t1, "that") &&
				        !boundary(c, j))
					j++;
				if (eq(c, j, t1, "that"))
					for (; j < t1 &&
					        !td_tok_eq(c, j, ";", 0);
					        j++)
						m[j - t0] |= M_REP;
			}
		}
		/* the condition itself asserts nothing; its consequence may */
		if (any(c, i, t1, cond_words))
			for (size_t k = i; k < t1 && !boundary(c, k); k++)
				m[k - t0] |= M_COND;
	}
}

/* The author's words of the sentence [t0, t1): the first token at or
 * after i that no actor's words hold (not M_REP), or t1. The tests of a
 * sentence as the author's narration or report (report_like,
 * present_pos, past_narration, plain_past_report) walk only these:
 * for (i = own_word(m, t0, t0, t1); i < t1; i = own_word(m, t0, i + 1, t1)) */
static size_t own_word(const unsigned char *m, size_t t0, size_t i, size_t t1)
{
	while (i < t1 && (m[i - t0] & M_REP))
		i++;
	return i;
}

/* ------------------------------------------------------------ futures */

/* after "lie"/"rest": where a cause lies ("may well lie less in the drug",
 * "might rest on the tables"), not "they might rest here tonight" */
static const char *const cause_particles[] = {"in", "on", "upon", "with",
        "less", "more", "largely", "partly", "chiefly", "mainly", NULL};

/* Does a possibility modal at i refer to the future? Its hedge stage
 * decision (past ability, indirect question) carries over, and with a
 * stative "be + adjective" it speaks of the present ("may be graver
 * still") unless a verb form follows ("may be reimposed"). */
static const char *const perfect_adverbs[] = {"also", "once", "hardly", "even",
        "easily", "well", "never", "already", "just", "still", "scarcely",
        "only", "ever", "possibly", "probably", NULL};

static int possib_future(const td_actx *c, size_t i, size_t t1, int hedge_here)
{
	size_t k = i + 1;
	if (!hedge_here || k >= t1 || !td_tok_is_lower(c, k))
		return 0;
	/* "may have done" is past; "may have to choose" forecasts a
	 * necessity, as "will have to" does; an adverb between looks back
	 * as well ("may also have suffered", "might once have shown",
	 * "could hardly have guessed") */
	if (eq(c, k, t1, "have") && !eq(c, k + 1, t1, "to"))
		return 0;
	if (any(c, k, t1, perfect_adverbs) && eq(c, k + 1, t1, "have") &&
	        !eq(c, k + 2, t1, "to"))
		return 0;
	if (eq(c, k, t1, "not") && eq(c, k + 1, t1, "have") &&
	        !eq(c, k + 2, t1, "to"))
		return 0;
	if (eq(c, k, t1, "well"))
		k++;
	/* "may already be out of date", "may already reflect": the
	 * possibility holds now; "may well lie in", "might rest on",
	 * "could depend on": where a present cause lies, no event */
	if (eq(c, k, t1, "already") || eq(c, k, t1, "depend") ||
	        eq(c, k, t1, "stem"))
		return 0;
	if ((eq(c, k, t1, "lie") || eq(c, k, t1, "rest")) &&
	        any(c, k + 1, t1, cause_particles))
		return 0;
	if (eq(c, k, t1, "be") && k + 1 < t1) {
		size_t n = td_tok_len(c, k + 1);
		const char *s = td_tok_str(c, k + 1);
		int verbal = n > 3 && (memcmp(s + n - 2, "ed", 2) == 0 ||
		                              memcmp(s + n - 2, "en", 2) == 0 ||
		                              memcmp(s + n - 3, "ing", 3) == 0);
		return verbal || eq(c, k + 1, t1, "able");
	}
	return 1;
}

/* Is a date (day month, month, by the end of month) at i after the
 * publication date, in a clause with no past-tense verb before it? A
 * scheduled event ("expires on 18 October") is a prediction. */
static int future_date(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	int m = month_of(c, i);
	if (!m || !c->pub_m || (td_tok_eq(c, i, "May", 0) && i == t0))
		return 0;
	/* the word after the month ("Oct" "." "13": the "13") */
	size_t j = month_next(c, i);
	/* with a year: 'October 2024' is dated by the year rule */
	if (j < t1 && td_tok_is_num(c, j) && td_tok_len(c, j) == 4)
		return 0;
	int d = i > t0 && td_tok_is_num(c, i - 1) ? atoi(td_tok_str(c, i - 1))
	                                          : 0;
	/* the American order with a year, "October 31, 1859", "Friday,
	 * December 2, 1859": the year decides first, then month and day */
	if (j + 2 < t1 && td_tok_is_num(c, j) && td_tok_len(c, j) <= 2 &&
	        td_tok_eq(c, j + 1, ",", 0) && td_tok_is_num(c, j + 2) &&
	        td_tok_len(c, j + 2) == 4) {
		int y = atoi(td_tok_str(c, j + 2));
		if (y < c->pub_y)
			return 0;
		d = atoi(td_tok_str(c, j));
		if (y > c->pub_y)
			m = 13;
	} else if (!d && j < t1 && td_tok_is_num(c, j) && td_tok_len(c, j) <= 2)
		/* the American order without a year: "Sept. 23" */
		d = atoi(td_tok_str(c, j));
	if (m < c->pub_m || (m == c->pub_m && d && d <= c->pub_d) ||
	        (m == c->pub_m && !d))
		return 0;
	/* "the elections of Sept. 17", "the clash of Feb. 28": a date
	 * naming an event, not the time of the clause */
	if (i > t0 && eq(c, i - 1, t1, "of"))
		return 0;
	for (size_t k = i; k-- > t0 && !boundary(c, k);) {
		if (past_word(c, k) || eq(c, k, t1, "last") ||
		        eq(c, k, t1, "since") || td_tok_pos_is(c, k, "VBD"))
			return 0;
	}
	return 1;
}

/* A past-tense verb or a perfect participle ("committed", "has
 * promised") in the clause before token i. */
static int past_in_clause(const td_actx *c, size_t t0, size_t i)
{
	for (size_t k = i; k-- > t0 && !boundary(c, k);) {
		size_t n = td_tok_len(c, k);
		const char *s = td_tok_str(c, k);
		if (td_tok_any(c, k, past_irregular) ||
		        (td_tok_is_lower(c, k) && n > 4 && s[n - 2] == 'e' &&
		                s[n - 1] == 'd'))
			return 1;
	}
	return 0;
}

/* A past-tense verb (not a participle) in the clause before token i:
 * "fell in the second half of the year", not "is expected in ...". */
static int past_tense_in_clause(const td_actx *c, size_t t0, size_t i)
{
	for (size_t k = i; k-- > t0 && !boundary(c, k);)
		if (past_word(c, k))
			return 1;
	return 0;
}

/* "would" that foretells nothing (issue 13): a refusal ("would not
 * comment"), a wish ("would like"), a past habit ("would often go"), or
 * the future of a past report or thought in the author's words ("had led
 * the uninitiated to suppose that this Congress would be", "the hope that
 * this choice would prove viable", "said he would"). */
static const char *const refusal_verbs[] = {"comment", "say", "discuss",
        "elaborate", "confirm", "disclose", "reveal", "answer", "speculate",
        "specify", "identify", "name", "predict", "guess", NULL};
static const char *const wish_words[] = {
        "like", "love", "prefer", "rather", "sooner", NULL};
static const char *const habit_adverbs[] = {"often", "always", "usually",
        "sometimes", "regularly", "frequently", "occasionally", "invariably",
        /* session 19: the rest of the frequency adverbs ("the old
         * greybeards will oftenest leave their berths") */
        "oftenest", "oftener", "generally", "commonly", "seldom", "rarely",
        "habitually", "customarily", "ordinarily", NULL};
static const char *const past_thought[] = {"said", "told", "thought",
        "believed", "hoped", "expected", "knew", "supposed", "suppose",
        "promised", "announced", "decided", "agreed", "warned", "insisted",
        "claimed", "assumed", "feared", "felt", "declared", "added", "stated",
        "hope", "belief", "assumption", "suspicion", "fear", "expectation",
        "impression", "understanding", "wondered", "asked", "assured",
        "pledged", "vowed", NULL};

/* "would seem/appear to": a tentative judgement of the present ("This
 * would seem to indicate that we are trying neither ..."), the verb of
 * appearance a hedge of its own, no forecast */
static const char *const appearance_verbs[] = {"seem", "appear", NULL};

/* Session 17, second wave (helper b): "every"/"each" + a time noun or a
 * weekday in the clause of "would" ("Every night he would walk down to
 * the river", "The farmers would meet at the grange hall every
 * Saturday") tells a past habit, as a frequency adverb does. */
static const char *const habit_times[] = {"night", "morning", "evening",
        "afternoon", "day", "week", "month", "year", "summer", "winter",
        "spring", "fall", "autumn", "time", "Sunday", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", NULL};

static TD_COLD int habit_time_in_clause(
        const td_actx *c, size_t t0, size_t i, size_t t1)
{
	size_t a = i, b = i;
	while (a > t0 && !td_tok_eq(c, a - 1, ";", 0) &&
	        !td_tok_eq(c, a - 1, ":", 0))
		a--;
	while (b + 1 < t1 && !td_tok_eq(c, b + 1, ";", 0) &&
	        !td_tok_eq(c, b + 1, ":", 0))
		b++;
	for (size_t k = a; k < b; k++)
		if ((eq(c, k, t1, "every") || eq(c, k, t1, "each")) &&
		        any(c, k + 1, t1, habit_times))
			return 1;
	return 0;
}

static int would_not_future(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	size_t k = i + 1;
	if (eq(c, k, t1, "not") || eq(c, i, t1, "wouldn't"))
		k += eq(c, k, t1, "not");
	if (k > i + 1 || eq(c, i, t1, "wouldn't")) {
		if (any(c, k, t1, refusal_verbs))
			return 1;
	}
	if (any(c, i + 1, t1, wish_words) || any(c, i + 1, t1, habit_adverbs) ||
	        any(c, i + 1, t1, appearance_verbs) ||
	        habit_time_in_clause(c, t0, i, t1))
		return 1;
	for (size_t b = i; b-- > t0 && i - b <= 15;) {
		if (td_tok_eq(c, b, ";", 0) || td_tok_eq(c, b, ":", 0))
			break;
		if (any(c, b, t1, past_thought))
			return 1;
	}
	return 0;
}

/* "would" told from a past vantage point in the author's narration
 * (session 9): a past-tense verb (Penn VBD) of the author's words before
 * it in its clause ("his brother would meet her", "the shares that
 * would be sold", "saw that resolution would be needed", "the Belgians
 * would not fight ...; they would wash their hands") makes it the
 * future of the past, already decided, not a forecast. The condition of
 * an if-clause ("if fallout increased ..., it would become") is no
 * vantage point, nor is a verb before the ";" that opens the clause of
 * "would", nor was/were: a state described in the past may last ("it
 * was a situation that would confront Kennedy on Inauguration Day", a
 * week after the article); "now" anywhere before "would" speaks from
 * the present. This reads back from "would", not over the sentence as
 * past_narration does: what counts is the clause of one word, and the
 * present verbs that make a sentence no narration ("is", "will") do not
 * move the vantage point of a "would" after them. */
/* Session 19 (helper b): "in"/"during" + a year before the publication
 * year sets a past vantage point as a past-tense verb does: "In 1930 a
 * boy would play for meal money" tells a habit of that year, and a
 * "would" after it is the future of that past, never a forecast from the
 * day of writing. */
static int past_year_at(const td_actx *c, size_t k, size_t i)
{
	if (!c->pub_y || k + 1 >= i || td_tok_len(c, k + 1) != 4 ||
	        !td_tok_is_num(c, k + 1) ||
	        !(eq(c, k, i, "in") || eq(c, k, i, "during")))
		return 0;
	int y = atoi(td_tok_str(c, k + 1));
	return y > 1000 && y < c->pub_y;
}

static int past_vantage(const td_actx *c, size_t t0, size_t i,
        const unsigned char *m, int coord)
{
	int past = 0, in_clause = 1;
	for (size_t k = i; k-- > t0;) {
		/* before the ";": another main clause, its own vantage point;
		 * with COORD also before ", and" / ", but" */
		if (td_tok_eq(c, k, ";", 0) ||
		        (coord && td_tok_eq(c, k, ",", 0) &&
		                (eq(c, k + 1, i, "and") ||
		                        eq(c, k + 1, i, "but"))))
			in_clause = 0;
		if (m[k - t0] & (M_REP | M_COND))
			continue;
		if (eq(c, k, i, "now"))
			return 0;
		past |= in_clause && td_tok_pos_is(c, k, "VBD") &&
		        !eq(c, k, i, "was") && !eq(c, k, i, "were");
		past |= in_clause && past_year_at(c, k, i);
	}
	return past;
}

/* A hypothetical evaluation (session 9; gold README of round 4: "would
 * be a good start" is a claim only): "would (not) be" + a noun phrase
 * that classifies or judges ("a good start", "a new high in statesmanlike
 * folly", "a problem large enough", "the last to say", "criminal
 * folly"), an -ly adverb + adjective ("totally unnecessary") or "like".
 * A participle ("would be engulfed"), a bare adjective ("would be
 * unpopular") and a noun phrase with a relative clause of its own ("an
 * investment that would pay off") still foretell. */
static int would_be_evaluation(const td_actx *c, size_t i, size_t t1)
{
	size_t k = i + 1;
	while (k < t1 &&
	        (eq(c, k, t1, "not") || td_tok_in(c, k, modal_adverbs, 1)))
		k++;
	if (!eq(c, k, t1, "be"))
		return 0;
	k++;
	if (eq(c, k, t1, "like"))
		return 1;
	/* an anticipatory "it" judging an act ("It would be wrong, however,
	 * to conclude that ...", "it would be wise to wait"): the act is
	 * weighed, not foretold */
	if (i > 0 && td_tok_eq(c, i - 1, "it", 1) && k + 1 < t1 &&
	        td_tok_pos_is(c, k, "JJ")) {
		size_t j = k + 1;
		while (j < t1 && j <= k + 4 &&
		        (td_tok_eq(c, j, ",", 0) || td_tok_pos_is(c, j, "RB")))
			j++;
		if (eq(c, j, t1, "to") && j + 1 < t1 &&
		        td_tok_pos_is(c, j + 1, "VB"))
			return 1;
	}
	if (eq(c, k, t1, "a") || eq(c, k, t1, "an") || eq(c, k, t1, "the")) {
		size_t j = k + 1;
		while (j < t1 && td_tok_pos_is(c, j, "JJ*"))
			j++;
		if (j == k + 1 && !td_tok_pos_is(c, j, "NN"))
			return 0;
		if (td_tok_pos_is(c, j, "NN") || td_tok_pos_is(c, j, "NNS"))
			j++;
		return !(eq(c, j, t1, "that") || eq(c, j, t1, "which") ||
		         eq(c, j, t1, "who"));
	}
	if (k + 1 < t1 && td_tok_pos_is(c, k, "JJ") &&
	        (td_tok_pos_is(c, k + 1, "NN") ||
	                td_tok_pos_is(c, k + 1, "NNS")))
		return 1;
	if (k + 1 < t1 && td_tok_pos_is(c, k, "RB") && td_tok_len(c, k) > 4 &&
	        memcmp(td_tok_str(c, k) + td_tok_len(c, k) - 2, "ly", 2) == 0 &&
	        td_tok_pos_is(c, k + 1, "JJ"))
		return 1;
	return 0;
}

/* A hypothetical evaluation by a predicative adjective (gold READMEs of
 * rounds 4 and 5: hypothetical evaluations are claims): "would (not only,
 * surely) be (infernally) unpopular/difficult/willing/wrong", pos JJ
 * after "be", adverbs before it and one -ly adverb after it. It still
 * foretells (would_be_evaluation leaves a bare adjective to the
 * forecast), and it judges too: the sentence is both. A comparative
 * ("would be more democratic", JJR, RBR) or a participle ("would be
 * engulfed", VBN) only foretells. */
static int would_be_adjective(const td_actx *c, size_t i, size_t t1)
{
	size_t k = i + 1;
	while (k < t1 && (eq(c, k, t1, "not") || td_tok_pos_is(c, k, "RB")))
		k++;
	if (!eq(c, k, t1, "be"))
		return 0;
	k++;
	if (k + 1 < t1 && td_tok_pos_is(c, k, "RB") && td_tok_len(c, k) > 4 &&
	        memcmp(td_tok_str(c, k) + td_tok_len(c, k) - 2, "ly", 2) == 0)
		k++;
	return k < t1 && td_tok_is_lower(c, k) && td_tok_pos_is(c, k, "JJ");
}

/* A modal in an embedded question or a free relative of the author's
 * statement ("did not mention what steps might be taken", "from what
 * might be militarily desirable"): nothing is asserted about the future. */
static int embedded_question(
        const td_actx *c, size_t t0, size_t i, int question)
{
	if (question)
		return 0;
	for (size_t b = i; b-- > t0 && i - b <= 3;) {
		if (boundary(c, b))
			return 0;
		if (b > t0 && (td_tok_eq(c, b, "what", 0) ||
		                      td_tok_eq(c, b, "how", 0) ||
		                      td_tok_eq(c, b, "which", 0)))
			return !(td_tok_eq(c, b, "which", 0) && b == i - 1);
	}
	return 0;
}

/* The verb of "going/due/set/likely to": not an adjective, determiner
 * or number ("going to higher price-earnings ratios", "was not due to
 * inadequate growth forces" give a direction or a cause). A noun tag is
 * no proof: the tagger reads a verb after "to" as one ("is unlikely to
 * counsel patience"). */
static int to_verb(const td_actx *c, size_t k, size_t t1)
{
	return k < t1 && td_tok_is_lower(c, k) && !td_tok_pos_is(c, k, "JJ*") &&
	       !td_tok_pos_is(c, k, "DT") && !td_tok_pos_is(c, k, "CD") &&
	       !td_tok_pos_is(c, k, "PRP$");
}

/* "They don't expect to stop him", "we anticipate to": a person's verb of
 * expectation with "to" right after it and a personal pronoun as its
 * subject (perhaps with "do not" between) states what he means to do, a
 * plan (annotation.md: a stated plan is no prediction); "the bank expects
 * growth to slow" and "the company expects to earn" foretell. */
static const char *const person_pronouns[] = {
        "i", "we", "you", "he", "she", "they", NULL};

static int own_intention(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (!eq(c, i + 1, t1, "to"))
		return 0;
	size_t s = i;
	if (s > t0 && td_tok_eq(c, s - 1, "not", 1))
		s--;
	if (s > t0 && (td_tok_eq(c, s - 1, "don't", 1) ||
	                      td_tok_eq(c, s - 1, "do", 1) ||
	                      td_tok_eq(c, s - 1, "don’t", 1)))
		s--;
	return s > t0 && td_tok_in(c, s - 1, person_pronouns, 1);
}

/* Session 19 (helper b): "won't"/"will not" + a verb of speaking is a
 * refusal ("“She won't talk to me”", "the minister will not comment"),
 * as "would not comment" is (would_not_future): annotation.md puts
 * refusal out of the forecasts. */
static const char *const refusal_talk[] = {"talk", "tell", "speak", NULL};

static TD_COLD int will_refusal(const td_actx *c, size_t i, size_t t1)
{
	size_t k;
	if (eq(c, i, t1, "won't") || eq(c, i, t1, "won’t"))
		k = i + 1;
	else if ((eq(c, i, t1, "will") || eq(c, i, t1, "shall")) &&
	         eq(c, i + 1, t1, "not"))
		k = i + 2;
	else
		return 0;
	return any(c, k, t1, refusal_verbs) || any(c, k, t1, refusal_talk);
}

/* "will" of what happens as a rule (issue 13): a frequency adverb right
 * after it ("cases will sometimes happen when ...", "a dog will often
 * bark at strangers") makes it a habit or a general truth, as after
 * "would" (would_not_future), not a forecast. */
static TD_COLD int generic_will(const td_actx *c, size_t i, size_t t1)
{
	size_t k = eq(c, i + 1, t1, "not") ? i + 2 : i + 1;
	return any(c, k, t1, habit_adverbs) || will_refusal(c, i, t1);
}

/* A text's reference to its own later pages (issue 13): "as will be
 * seen", "as ere long will be seen", "as we shall see", "it will be
 * seen that/what ...", "It will be shown below": the writer points the
 * reader on, he foretells no event. will/shall (+ be) + a verb of
 * showing or seeing, after "as" (up to three words between, none a noun
 * or a verb) or after "it". "The plan will be discussed on Tuesday" (no
 * "as", no "it") stays a forecast. */
static const char *const exposition_verbs[] = {"seen", "shown", "noted",
        "observed", "explained", "described", "discussed", "recalled",
        "remembered", "see", "show", "explain", "describe", "discuss", "note",
        "observe", NULL};

static TD_COLD int text_reference(
        const td_actx *c, size_t t0, size_t i, size_t t1)
{
	/* adverbs after the modal: "it will then be seen what ..." */
	size_t v = i + 1;
	while (v < t1 && v <= i + 2 && td_tok_pos_is(c, v, "RB"))
		v++;
	int be = eq(c, v, t1, "be");
	v += be;
	if (!any(c, v, t1, exposition_verbs))
		return 0;
	if (i > t0 && eq(c, i - 1, t1, "it") && be)
		return 1;
	for (size_t b = i; b-- > t0 && i - b <= 3;) {
		if (eq(c, b, t1, "as"))
			return 1;
		/* "as ere long will be seen" (ere, long: JJ, RB or IN by
		 * their context), "as we shall see"; a noun or a verb between
		 * makes "as" a conjunction of its own clause */
		if (!td_tok_is_word(c, b) || td_tok_pos_is(c, b, "NN*") ||
		        td_tok_pos_is(c, b, "VB*") || td_tok_pos_is(c, b, "MD"))
			return 0;
	}
	return 0;
}

/* "will have" + an object, not a participle (issue 13): "Congress will
 * have its chance", "the task force won't have much to do", "the team
 * will have two new ends": a possession foretold, where "will have
 * gone" looks back from a future vantage and "would have a chance" is
 * a hypothesis (only will, won't, shall, 'll). The word after "have"
 * opens a noun phrase: a determiner, a possessive, a quantifier or a
 * number. */
static const char *const have_objects[] = {"a", "an", "the", "its", "his",
        "her", "their", "our", "your", "my", "no", "much", "little", "more",
        "less", "some", "enough", "plenty", "many", "few", "fewer", "another",
        "nothing", "something", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", NULL};

static TD_COLD int will_have_object(
        const td_actx *c, size_t i, size_t o, size_t t1)
{
	if (eq(c, i, t1, "would") || eq(c, i, t1, "wouldn't"))
		return 0;
	return any(c, o, t1, have_objects) || (o < t1 && td_tok_is_num(c, o));
}

/* A present passive of expectation with its object as subject (issue
 * 13): is/are (+ an adverb) + expected/anticipated/forecast/predicted +
 * no "to" ("further extensions are expected in the next months", "large
 * crowds are anticipated for both games", "output is officially
 * forecast at 129%"): the thing foretold is the subject. "was
 * expected", "is expected of a champion" (a duty), "than is expected"
 * and "as is expected" (a comparison) are none; "expected to" is read
 * above. */
static const char *const expected_words[] = {
        "expected", "anticipated", "forecast", "predicted", NULL};
static const char *const be_expect[] = {"is", "are", "'re", "’re", NULL};
static const char *const few_words[] = {
        "few", "several", "two", "three", "four", "five", "six", NULL};

static TD_COLD int expected_passive(
        const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (!any(c, i, t1, expected_words) || i == t0)
		return 0;
	size_t b = i - 1;
	if (b > t0 && td_tok_pos_is(c, b, "RB") && !eq(c, b, t1, "not"))
		b--;
	if (!any(c, b, t1, be_expect) ||
	        (b > t0 &&
	                (eq(c, b - 1, t1, "as") || eq(c, b - 1, t1, "than") ||
	                        eq(c, b - 1, t1, "what"))))
		return 0;
	return i + 1 < t1 && !eq(c, i + 1, t1, "to") &&
	       !eq(c, i + 1, t1, "of") && !eq(c, i + 1, t1, "that") &&
	       !td_tok_eq(c, i + 1, "?", 0);
}

/* Every word future_at tests at its token i, folded: the modals, the
 * single words, expect_verbs, expected_passive's words, future_date's
 * months and their abbreviations. Any other token is no future marker,
 * told by one bit of its word class (the rules after it were 3% of an
 * ingest's instructions, asked at nearly every token). A rule of
 * future_at that tests another word at i adds it here (test_match
 * compares the annotation with td_match_no_skip set). */
static const char *const future_heads[] = {"will", "won't", "shall", "'ll",
        "would", "wouldn't", "may", "might", "could", "likely", "unlikely",
        "set", "expected", "poised", "bound", "going", "due", "scheduled",
        "slated", "expects", "expect", "anticipates", "anticipate", "forecasts",
        "forecast", "projects", "predicts", "predict", "coming", "anticipated",
        "predicted", "next", "upcoming", "impending", "forthcoming", "in",
        "before", "by", "at", "half", "later", "surprised", "surprising",
        "until", "January", "February", "March", "April", "June", "July",
        "August", "September", "October", "November", "December", "Jan", "Feb",
        "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
        NULL};

static int register_future(td_annotator *a)
{
	static const char *const *const lists[] = {future_heads, NULL};
	return td_words_register(a, lists);
}

static int future_at(const td_actx *c, size_t t0, size_t i, size_t t1,
        int hedge_here, int question)
{
	if (i >= t1 || (!any(c, i, t1, future_heads) && !td_match_no_skip))
		return 0;
	if (any(c, i, t1, future_modals)) {
		/* "What would it take ...?", "Will the truce hold?", "To
		 * whom will the generals stay loyal?", "Why not put a cafe
		 * in each so the tourists would not have to travel?": a
		 * question asks about the future, it foretells nothing,
		 * wherever its modal stands (a horizon still counts: "an
		 * army that could be ready by the end of 2027?") */
		if (question)
			return 0;
		if ((eq(c, i, t1, "would") || eq(c, i, t1, "wouldn't")) &&
		        (would_not_future(c, t0, i, t1) ||
		                would_be_evaluation(c, i, t1) ||
		                td_past_counterfactual(c, t0, i)))
			return 0;
		if (embedded_question(c, t0, i, question))
			return 0;
		if (!eq(c, i, t1, "would") && !eq(c, i, t1, "wouldn't") &&
		        (generic_will(c, i, t1) ||
		                text_reference(c, t0, i, t1)))
			return 0;
		/* "would have done" is a past counterfactual; "will have to"
		 * a future necessity */
		size_t k = eq(c, i + 1, t1, "not") ? i + 2 : i + 1;
		return !eq(c, k, t1, "have") || eq(c, k + 1, t1, "to") ||
		       will_have_object(c, i, k + 1, t1);
	}
	if (any(c, i, t1, possib_modals))
		return !question && !embedded_question(c, t0, i, question) &&
		       possib_future(c, i, t1, hedge_here);
	if ((eq(c, i, t1, "likely") || eq(c, i, t1, "unlikely") ||
	            eq(c, i, t1, "set") || eq(c, i, t1, "expected") ||
	            eq(c, i, t1, "poised") || eq(c, i, t1, "bound") ||
	            eq(c, i, t1, "going") || eq(c, i, t1, "due") ||
	            eq(c, i, t1, "scheduled") || eq(c, i, t1, "slated")) &&
	        eq(c, i + 1, t1, "to") && to_verb(c, i + 2, t1) &&
	        /* "are probably not due to chance", "due to inflation": a
	         * cause, the noun no verb of a schedule */
	        !(eq(c, i, t1, "due") &&
	                (td_tok_pos_is(c, i + 2, "NN") ||
	                        td_tok_pos_is(c, i + 2, "NNS"))) &&
	        /* "were due to meet", "was set to": a past plan, not a
	         * forecast */
	        !(i > t0 &&
	                (eq(c, i - 1, t1, "was") || eq(c, i - 1, t1, "were"))))
		return 1;
	/* predicative likely: "a decision is likely by August", "looks
	 * unlikely", "makes a return less likely" (not "was likely") */
	if ((eq(c, i, t1, "likely") || eq(c, i, t1, "unlikely")) &&
	        !eq(c, i + 1, t1, "to") && !eq(c, i + 1, t1, "that")) {
		size_t k = i;
		while (k > t0 && any(c, k - 1, t1, degree))
			k--;
		if (k > t0 && any(c, k - 1, t1, link_verbs))
			return 1;
		/* "makes a quick return to fighting less likely" */
		for (size_t b = i; b-- > t0 && i - b <= 8 && !boundary(c, b);)
			if (eq(c, b, t1, "makes") || eq(c, b, t1, "make") ||
			        eq(c, b, t1, "making"))
				return 1;
	}
	/* "the central bank expects growth to slow" */
	if (any(c, i, t1, expect_verbs) && !own_intention(c, t0, i, t1))
		for (size_t k = i + 1; k < t1 && k <= i + 5 && !boundary(c, k);
		        k++)
			if (eq(c, k, t1, "to") && k + 1 < t1 &&
			        td_tok_is_lower(c, k + 1))
				return 1;
	if (eq(c, i, t1, "coming") && any(c, i + 1, t1, period_nouns))
		return 1;
	if (expected_passive(c, t0, i, t1))
		return 1;
	/* "in the next few months", "over the next several years"; not
	 * with a past verb after it ("Developments over the next two
	 * months, however, caused ..."), a verb of saying apart */
	if (eq(c, i, t1, "next") && any(c, i + 1, t1, few_words) &&
	        any(c, i + 2, t1, period_nouns) &&
	        !past_tense_in_clause(c, t0, i)) {
		for (size_t k = i + 3; k < t1 && k <= i + 12; k++)
			if ((past_word(c, k) || td_tok_pos_is(c, k, "VBD")) &&
			        !is_speech_word(c, k, t1))
				return 0;
		return 1;
	}
	if (eq(c, i, t1, "next") && any(c, i + 1, t1, next_nouns))
		return 1;
	/* "a convention in Fresno next Jan. 26-28", "next Tuesday" */
	if (eq(c, i, t1, "next") &&
	        (month_of(c, i + 1) || any(c, i + 1, t1, weekdays)) &&
	        !past_tense_in_clause(c, t0, i))
		return 1;
	if (eq(c, i, t1, "upcoming") || eq(c, i, t1, "impending") ||
	        eq(c, i, t1, "forthcoming"))
		return 1;
	if (eq(c, i, t1, "in") && eq(c, i + 1, t1, "the") &&
	        eq(c, i + 2, t1, "future"))
		return 1;
	/* "before/by the summer (is over)", "by/at the end of the year" */
	if ((eq(c, i, t1, "before") || eq(c, i, t1, "by") ||
	            (eq(c, i, t1, "at") && eq(c, i + 2, t1, "end"))) &&
	        eq(c, i + 1, t1, "the")) {
		int past = 0;
		for (size_t k = i; k-- > t0 && !boundary(c, k);)
			past |= past_word(c, k);
		if (!past &&
		        (any(c, i + 2, t1, seasons) ||
		                (eq(c, i + 2, t1, "end") &&
		                        eq(c, i + 3, t1, "of") &&
		                        (eq(c, i + 4, t1, "the") ||
		                                eq(c, i + 4, t1, "this") ||
		                                eq(c, i + 4, t1, "next") ||
		                                (c->pub_y && i + 4 < t1 &&
		                                        td_tok_is_num(
		                                                c, i + 4) &&
		                                        td_tok_len(c, i + 4) ==
		                                                4 &&
		                                        atoi(td_tok_str(
		                                                c, i + 4)) >=
		                                                c->pub_y)))))
			return 1;
	}
	/* "in the second half of the year", "later this year" */
	if (eq(c, i, t1, "half") && eq(c, i + 1, t1, "of") &&
	        (eq(c, i + 2, t1, "the") || eq(c, i + 2, t1, "this") ||
	                eq(c, i + 2, t1, "next")) &&
	        any(c, i + 3, t1, next_nouns) &&
	        !past_tense_in_clause(c, t0, i))
		return 1;
	if (eq(c, i, t1, "later") && eq(c, i + 1, t1, "this") &&
	        any(c, i + 2, t1, next_nouns) &&
	        !past_tense_in_clause(c, t0, i))
		return 1;
	/* predicative "due": "when the first cuts are due" */
	if (eq(c, i, t1, "due") && i > t0 &&
	        (eq(c, i - 1, t1, "is") || eq(c, i - 1, t1, "are")) &&
	        (i + 1 >= t1 || !td_tok_is_word(c, i + 1)))
		return 1;
	/* "we should not be surprised if X does": an expectation */
	if ((eq(c, i, t1, "surprised") || eq(c, i, t1, "surprising")) &&
	        eq(c, i + 1, t1, "if"))
		return 1;
	/* in/by a year not before the publication year */
	if (c->pub_y &&
	        (eq(c, i, t1, "in") || eq(c, i, t1, "by") ||
	                eq(c, i, t1, "until")) &&
	        i + 1 < t1 && td_tok_is_num(c, i + 1) &&
	        td_tok_len(c, i + 1) == 4) {
		int y = atoi(td_tok_str(c, i + 1));
		/* "committed its members to ... by 2035", "has promised to
		 * station there by 2027": the deadline of a past commitment */
		if (eq(c, i, t1, "by") && past_in_clause(c, t0, i))
			return 0;
		return y >= c->pub_y && y < c->pub_y + 100;
	}
	return future_date(c, t0, i, t1);
}

/* -------------------------------------------------------------- claims */

/* A plain report: anchored in past time ("on 14 October", "Earlier this
 * week", "last year"), or a statistic (two or more numbers). Only the
 * author's words count. */
static int report_like(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	int nums = 0;
	for (size_t i = own_word(m, t0, t0, t1); i < t1;
	        i = own_word(m, t0, i + 1, t1)) {
		/* a month written out: "Jan." read as a month here took the
		 * claim from "Since the inauguration on Jan. 20, his
		 * administration has made no secret of ..." */
		if (month_written(c, i) &&
		        !(td_tok_eq(c, i, "May", 0) && i == t0))
			return 1;
		if (td_tok_any(c, i, weekdays))
			return 1;
		if ((eq(c, i, t1, "earlier") || eq(c, i, t1, "already")) &&
		        eq(c, i + 1, t1, "this"))
			return 1;
		if (eq(c, i, t1, "last") && any(c, i + 1, t1, next_nouns))
			return 1;
		/* "The envoys were due to meet": a past schedule */
		if ((eq(c, i, t1, "was") || eq(c, i, t1, "were")) &&
		        eq(c, i + 1, t1, "due") && eq(c, i + 2, t1, "to"))
			return 1;
		if (td_tok_is_num(c, i))
			nums++;
	}
	return nums >= 2;
}

/* Token i is inside a hedge cue of more than one word ("should not be
 * surprised if"): its "should" is no recommendation. */
static int in_long_hedge(const td_actx *c, size_t i)
{
	return c->tok_hedge && (c->tok_hedge[i] & TD_TH_PART);
}

static int in_hedge(const td_actx *c, size_t i)
{
	return c->tok_hedge && (c->tok_hedge[i] & TD_TH_IN);
}

/* Marks the tokens inside hedge segs once per document (a scan of all
 * spans per token made labelling quadratic in the document length). */
static int mark_hedges(td_actx *c)
{
	const td_doc *d = c->doc;
	free(c->tok_hedge);
	c->tok_hedge = calloc(c->tok.n ? c->tok.n : 1, 1);
	if (!c->tok_hedge)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t k = 0; k < d->n_spans; k++) {
		const td_span *sp = &d->spans[k];
		if (strcmp(sp->name, "seg") != 0)
			continue;
		/* first token starting at or after the seg */
		size_t lo = 0, hi = c->tok.n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (c->tok.v[mid].start < sp->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t i = lo; i < c->tok.n && c->tok.v[i].end <= sp->end;
		        i++) {
			c->tok_hedge[i] |= TD_TH_IN;
			if (sp->start < c->tok.v[i].start ||
			        c->tok.v[i].end < sp->end)
				c->tok_hedge[i] |= TD_TH_PART;
		}
	}
	return 0;
}

/* A comparative or superlative of evaluation: "the most serious X",
 * "the least costly", "more limited than", "less exposed than". */
static int degree_eval(const td_actx *c, size_t i, size_t t1)
{
	if ((eq(c, i, t1, "most") || eq(c, i, t1, "least")) && i > 0 &&
	        td_tok_eq(c, i - 1, "the", 1) && i + 1 < t1 &&
	        td_tok_is_lower(c, i + 1) && !eq(c, i + 1, t1, "of"))
		return 1;
	if ((eq(c, i, t1, "more") || eq(c, i, t1, "less")) && i + 2 < t1 &&
	        td_tok_is_lower(c, i + 1) && eq(c, i + 2, t1, "than"))
		return 1;
	return 0;
}

/* The claim cue kind at token i, or 0. Deontic cues lose their force in
 * a conditional inversion ("Should a summit go ahead, ...") and under a
 * future modal ("will have to choose" forecasts a necessity). */
/* "call(s/ed)" that names or summons, not judges (issue 13): the name
 * given after it, the object between perhaps ("a rider whom the whole
 * border called Tejano", "Everybody called her Peg", "the gunman the
 * papers called the Durango Kid"), or a particle of calling out or on
 * ("called up the voice-pipe", "called upon her"). "calls X Y" with a
 * common word for Y ("called him mad", "calls the plan a folly") still
 * judges. A name the tagger reads as an adjective or a common noun
 * counts when it stands alone before a mark ("whom the crew called
 * Rusty, ..."; session 18). */
static const char *const call_words[] = {"call", "calls", "called", NULL};
static const char *const call_particles[] = {
        "up", "upon", "on", "out", "off", "in", "back", "at", "to", NULL};

static TD_COLD int naming_call(const td_actx *c, size_t i, size_t t1)
{
	if (!any(c, i, t1, call_words))
		return 0;
	if (any(c, i + 1, t1, call_particles))
		return 1;
	size_t k = i + 1;
	if (k < t1 && (td_tok_pos_is(c, k, "PRP") || td_tok_pos_is(c, k, "DT")))
		k++;
	/* a name the tagger reads as an adjective ("called Dusty,"): a
	 * capitalised word alone before a mark or the end */
	return k < t1 && td_tok_is_cap(c, k) &&
	       (td_tok_pos_is(c, k, "NNP") ||
	               (!eq(c, k, t1, "i") &&
	                       (k + 1 >= t1 || !td_tok_is_word(c, k + 1))));
}

static int cue_at(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	long m = td_patset_match(&c->a->claim_pats, c, i, t1);
	if (in_long_hedge(c, i))
		return 0;
	if (m < 0)
		return degree_eval(c, i, t1) ? CC_EVALUATIVE : 0;
	int type = c->a->claim_pats.v[m].type;
	if (type == CC_JUDGEMENT && naming_call(c, i, t1))
		return 0;
	if (type == CC_DEONTIC) {
		if (i == t0 && td_tok_eq(c, i, "Should", 0))
			return 0;
		/* "will have to", "may have to choose", "would probably have
		 * to borrow": a modal, perhaps with an adverb between,
		 * forecasts a necessity; "is thought to need to" describes
		 * one (an infinitive, no recommendation) */
		size_t b = i;
		if (b > t0 && td_tok_in(c, b - 1, modal_adverbs, 1))
			b--;
		/* "would not have to travel": no necessity, foretold */
		if (b > t0 && td_tok_eq(c, b - 1, "not", 1))
			b--;
		if (b > t0 && (any(c, b - 1, t1, future_modals) ||
		                      any(c, b - 1, t1, possib_modals)))
			return 0;
		if (i > t0 && td_tok_eq(c, i - 1, "to", 1) &&
		        td_tok_is_lower(c, i) && !td_tok_eq(c, i, "be", 1))
			return 0;
	}
	return type;
}

/* Link verbs before a predicative adjective ("is great", "was never
 * happy", "seems terrible"). */
static const char *const link_verbs2[] = {"is", "are", "was", "were", "be",
        "been", "being", "am", "'s", "'re", "seems", "seem", "seemed", "looks",
        "look", "looked", "remains", "remain", "remained", "become", "becomes",
        "became", "appears", "appear", "appeared", "feel", "feels", "felt",
        "sounds", "sound", NULL};

/* A word of judgement by its valence (stance.tsv) used as a predicative
 * adjective at token i: pos JJ* after a link verb, adverbs between ("is
 * great", "was never happy", "seem terrible"). An attributive one ("a
 * special cut", "the famous Old Bailey") names a kind more often than it
 * judges. */
static int stance_at(const td_actx *c, size_t i, size_t t1)
{
	long m = td_patset_match(&c->a->claim_pats, c, i, t1);
	if (m < 0 || c->a->claim_pats.v[m].type != CC_STANCE ||
	        !td_tok_pos_is(c, i, "JJ*"))
		return 0;
	size_t k = i;
	while (k > 0 && td_tok_pos_is(c, k - 1, "RB*"))
		k--;
	return k > 0 && td_tok_in(c, k - 1, link_verbs2, 1);
}

static int speaker_plan_at(const td_actx *c, size_t i, size_t b);
static int pron_contracted(const td_actx *c, size_t i, const char *const *prons,
        const char *const *sufs);
/* the speaker himself, first in his words */
static const char *const speaker_first[] = {"i", "we", NULL};

/* Classifies an actor's words [a, b): 2 when they hold a judgement,
 * evaluation or recommendation, or assert something about the present or
 * past (a finite verb, no future); 1 when they are a threat, pledge or
 * plan about the future; 0 when they are no clause (a scare quote). */
static int reported_kind(const td_actx *c, size_t a, size_t b, int clause)
{
	int fut = 0, fin = clause;
	for (size_t i = a; i < b; i++) {
		int k = cue_at(c, a, i, b);
		if (k == CC_DEONTIC || k == CC_EVALUATIVE)
			return 2;
		if (any(c, i, b, future_modals) ||
		        (any(c, i, b, intention) &&
		                (!any(c, i, b, intention_to) ||
		                        eq(c, i + 1, b, "to"))) ||
		        (eq(c, i, b, "going") && eq(c, i + 1, b, "to")) ||
		        (any(c, i, b, possib_modals) && i + 1 < b &&
		                td_tok_is_lower(c, i + 1)))
			fut = 1;
		if (speaker_plan_at(c, i, b))
			fut = fin = 1;
		if (any(c, i, b, finite_words) || any(c, i, b, possib_modals))
			fin = 1;
	}
	if (!fin)
		return 0;
	return fut ? 1 : 2;
}

/* subjects of a reported clause that are an actor's own (pronouns) or
 * definite descriptions ("the base will stay open"): no anonymous
 * forecast */
static const char *const subj_pronouns[] = {"he", "she", "it", "they", "we",
        "i", "you", "this", "that", "the", "its", "their", "his", "her", "our",
        "these", "those", NULL};

/* Subjects that are persons: their horizon is a plan. */
static const char *const personal_subjects[] = {
        "he", "she", "it", "they", "we", "i", "you", NULL};

/* An actor mention starts at token i. */
static int mention_at(const td_actx *c, size_t i)
{
	for (size_t k = 0; k < c->n_ments; k++)
		if (c->ments[k].t0 == i && !c->ments[k].pronoun &&
		        c->ments[k].key)
			return 1;
	return 0;
}

/* A body that acts ("say the government would accept a cut ... if"):
 * its conditional "would" is its stated position or threat, no forecast */
static const char *const institution_nouns[] = {"government", "administration",
        "company", "firm", "board", "union", "party", "committee", "council",
        "bank", "ministry", "department", "army", "campaign", "group",
        "movement", "bloc", "commission", "agency", "state", "city", "country",
        "court", "management", NULL};

/* An if/unless after the modal at j within the reported clause ending at
 * byte end: the clause's event is made to hang on a condition. */
static int reported_condition(const td_actx *c, size_t j, size_t t1, size_t end)
{
	for (size_t x = j + 1; x < t1 && c->tok.v[x].end <= end; x++)
		if (eq(c, x, t1, "if") || eq(c, x, t1, "unless"))
			return 1;
	return 0;
}

/* A reported forecast: a reported clause whose subject is an indefinite
 * noun phrase ("warned a new designation could disrupt ...", "say that a
 * fight over the tariff would give ...") followed by a future modal. The
 * speaker foretells an event, which annotation.md counts as a prediction;
 * an actor's own threat, pledge or plan has a definite subject (he, the
 * bloc, North Korea, any attack) and is none. "be" after the modal
 * ("would be treated as", "would be a declaration of war") classifies an
 * act, a threat or decision, and foretells no event. */
/* A time ahead after the verb of a reported clause ending at byte END
 * (issue 13): "said the work could begin this autumn", "said the new
 * line would open by the end of the year": the horizon makes a thing's
 * future a forecast, as a doubt or a condition does ("said the ranking
 * may say more about ..." has none). */
static int future_at(const td_actx *c, size_t t0, size_t i, size_t t1,
        int hedge_here, int question);

static TD_COLD int reported_horizon(
        const td_actx *c, size_t a, size_t v, size_t t1, size_t end)
{
	for (size_t x = v; x < t1 && c->tok.v[x].end <= end; x++) {
		/* after the modal "this autumn", "this year" lie ahead */
		if (eq(c, x, t1, "this") && any(c, x + 1, t1, next_nouns))
			return 1;
		if (!any(c, x, t1, future_modals) &&
		        !any(c, x, t1, possib_modals) &&
		        future_at(c, a, x, t1, 0, 0))
			return 1;
	}
	return 0;
}

static int reported_forecast(const td_actx *c, size_t si, size_t t0, size_t t1)
{
	for (size_t k = 0; k < c->n_said; k++) {
		if (c->said[k].sent != (int)si || c->said[k].according)
			continue;
		size_t a = t0;
		while (a < t1 && c->tok.v[a].start < c->said[k].start)
			a++;
		/* an unnamed speaker ("Analysts at several banks say Brent
		 * could fall ...") has no plan of its own to announce: its
		 * clause is a forecast whatever the subject, unless that is a
		 * pronoun or an actor (their plan) */
		int anon = !c->said[k].who && a < t1 &&
		           !td_tok_in(c, a, subj_pronouns, 1) &&
		           !mention_at(c, a);
		/* a horizon in a reported clause whose subject is a thing,
		 * not a person or actor ("said the odds appear to favor
		 * rising interest rates in coming months"): a forecast */
		if (a < t1 && !td_tok_in(c, a, personal_subjects, 1) &&
		        !mention_at(c, a)) {
			int modal = 0, horizon = 0;
			for (size_t j = a + 1;
			        j < t1 && c->tok.v[j].end <= c->said[k].end;
			        j++) {
				/* with a modal it is the rule below's: "the
				 * bloc would propose ... next month" is a
				 * plan */
				modal |=
				        (any(c, j, t1, future_modals) ||
				                any(c, j, t1, possib_modals)) &&
				        !td_actx_in_quote(c, c->tok.v[j].start,
				                c->tok.v[j].end);
				horizon |=
				        (eq(c, j, t1, "coming") &&
				                any(c, j + 1, t1,
				                        period_nouns)) ||
				        (eq(c, j, t1, "next") &&
				                any(c, j + 1, t1, next_nouns));
			}
			if (horizon && !modal)
				return 1;
		}
		/* a definite thing that is no actor ("said the mills would
		 * probably begin banking their furnaces by Thursday if no
		 * agreement is reached", "said the work could start in January
		 * if ..."): a forecast only with its doubt or its condition;
		 * "the board would watch the talks" is the speaker's plan */
		int thing = eq(c, a, t1, "the") && a + 1 < t1 &&
		            td_tok_is_lower(c, a + 1) && !mention_at(c, a) &&
		            !mention_at(c, a + 1) &&
		            !any(c, a + 1, t1, institution_nouns);
		/* a bare singular noun of things ("said that work on the
		 * line could begin this autumn"): only with a horizon */
		int bare = !thing && a + 1 < t1 && td_tok_is_lower(c, a) &&
		           td_tok_pos_is(c, a, "NN") && !mention_at(c, a) &&
		           !any(c, a, t1, institution_nouns);
		thing |= bare;
		if (!(eq(c, a, t1, "a") || eq(c, a, t1, "an")) && !anon &&
		        !thing)
			continue;
		int a_an = eq(c, a, t1, "a") || eq(c, a, t1, "an") || anon;
		for (size_t j = a + 1; j < t1 && j <= a + 10 &&
		                       c->tok.v[j].end <= c->said[k].end;
		        j++) {
			if (boundary(c, j))
				break;
			/* "say a deployment is unlikely before ...":
			 * predicative likelihood foretells as a modal does */
			int fut = any(c, j, t1, future_modals) ||
			          ((eq(c, j, t1, "likely") ||
			                   eq(c, j, t1, "unlikely")) &&
			                  in_hedge(c, j) &&
			                  future_at(c, a, j, t1, 1, 0)) ||
			          (any(c, j, t1, possib_modals) &&
			                  in_hedge(c, j) &&
			                  possib_future(c, j, t1, 1));
			if (!fut)
				continue;
			size_t v = j + 1 +
			           (eq(c, j + 1, t1, "well") ||
			                   eq(c, j + 1, t1, "not"));
			/* "would have done" is past; "would be treated as",
			 * "would be a declaration of war" classify an act (a
			 * threat or a decision), they foretell no event */
			if (eq(c, v, t1, "have") || eq(c, v, t1, "be"))
				break;
			if ((bare || (!a_an && !eq(c, j + 1, t1, "probably") &&
			                     !reported_condition(c, j, t1,
			                             c->said[k].end))) &&
			        !reported_horizon(c, a, v, t1, c->said[k].end))
				break;
			/* "a deal ... would be worse than no deal": a reported
			 * judgement, not a forecast */
			size_t b = j;
			while (b < t1 && c->tok.v[b].end <= c->said[k].end)
				b++;
			int judged = 0;
			for (size_t x = a; x < b && !judged; x++) {
				int kind = cue_at(c, a, x, b);
				judged = kind == CC_EVALUATIVE ||
				         kind == CC_DEONTIC;
			}
			if (judged)
				break;
			return 1;
		}
	}
	return 0;
}

/* Contracted verbs written onto the word before ("he's", "they're",
 * "I'm", "we'd", "you've", "it'll", "don't"); the tagger reads such a
 * token as a pronoun or noun. The apostrophe is straight or curly. */
static const char *const contracted_verbs[] = {
        "s", "re", "m", "d", "ve", "ll", "t", NULL};

static int contracted_verb(const td_actx *c, size_t i)
{
	const char *w = td_tok_str(c, i);
	size_t n = td_tok_len(c, i);
	for (const char *const *s = contracted_verbs; *s; s++) {
		size_t m = strlen(*s);
		if (n < m + 2 || strncasecmp(w + n - m, *s, m) != 0)
			continue;
		size_t q = n - m; /* the apostrophe ends before q */
		int apo = w[q - 1] == '\'' ||
		          (q >= 4 && memcmp(w + q - 3, "\xe2\x80\x99", 3) == 0);
		if (!apo)
			continue;
		size_t p = w[q - 1] == '\'' ? q - 1 : q - 3;
		/* "n't": the n before the apostrophe */
		if (**s == 't' &&
		        !(p > 0 && (w[p - 1] == 'n' || w[p - 1] == 'N')))
			continue;
		return 1;
	}
	return 0;
}

/* A verb in [a, b) by the part-of-speech layer (VB*, MD) or a contracted
 * one. */
static int has_verb(const td_actx *c, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (td_tok_pos_is(c, i, "VB*") || td_tok_pos_is(c, i, "MD") ||
		        contracted_verb(c, i))
			return 1;
	return 0;
}

/* present-tense and modal verbs (past_narration, own_past_account) */
static const char *const present_words[] = {"is", "are", "am", "has", "have",
        "does", "do", "isn't", "aren't", "hasn't", "haven't", "don't",
        "doesn't", "can", "cannot", "can't", "must", "should", "will", "would",
        "may", "might", "could", "shall", "'s", "'re", "remains", "seems",
        "appears", "means", NULL};

/* A word that grades what it qualifies (own_past_account): a comparative
 * or superlative, an adverb in -ly, "too", or one that generalises
 * ("nobody made a fuss about it"); own_past_account looks up the words of
 * judgement or stance (claim_cues.tsv, stance.tsv) apart. */
static const char *const graded_words[] = {
        "too", "nobody", "everybody", "everyone", NULL};

static TD_COLD int graded(const td_actx *c, size_t i, size_t b)
{
	if (td_tok_pos_is(c, i, "JJR") || td_tok_pos_is(c, i, "JJS") ||
	        td_tok_pos_is(c, i, "RBR") || td_tok_pos_is(c, i, "RBS") ||
	        any(c, i, b, graded_words))
		return 1;
	size_t n = td_tok_len(c, i);
	return n > 3 && td_tok_pos_is(c, i, "RB") &&
	       memcmp(td_tok_str(c, i) + n - 2, "ly", 2) == 0;
}

/* The tags of the words the claim cues list that judge wherever they
 * stand: an adjective or an adverb ("a fine horse", "badly"); and any
 * tag at all (whereabouts: any word of the cues). */
static const char *const judging_tags[] = {"JJ*", "RB*", NULL};
static const char *const every_tag[] = {"*", NULL};

/* Whether token i of the unit [a, b) judges, the test each exception to
 * a claim below makes of its words ("no other word judges"): a cue of
 * the claim patterns other than a report one (cue_at), a predicative
 * stance word (stance_at), or, when its tag is one of pos (NULL: none),
 * any word of the claim patterns or of stance. */
static TD_COLD int word_judges(
        const td_actx *c, size_t a, size_t i, size_t b, const char *const *pos)
{
	int k = cue_at(c, a, i, b);
	if ((k && k != CC_REPORT) || stance_at(c, i, b))
		return 1;
	for (; pos && *pos; pos++)
		if (td_tok_pos_is(c, i, *pos))
			return td_patset_match(&c->a->claim_pats, c, i, b) >= 0;
	return 0;
}

static int fiction_doc(const td_actx *c);
static const char *const sfx_have[] = {"ve", NULL};
static const char *const have_aux[] = {"have", "has", NULL};

/* A present perfect of the speaker's own doings in a story's dialogue
 * (session 18), at token i of a quote opening with I or we: "have"/"has"
 * or the pronoun contracted with it ("I've", "we've"), adverbs between,
 * and a past participle of an event (pos VBN; not "been", which states,
 * nor a verb of thinking: "I've always thought that ..."): "“I've come
 * to see my brother.”", "“We have just signed the papers.”". Returns
 * the participle's token, or 0. */
static TD_COLD size_t own_perfect(
        const td_actx *c, size_t a, size_t i, size_t b)
{
	if (!(any(c, i, b, have_aux) ||
	            (i == a && pron_contracted(c, i, speaker_first, sfx_have))))
		return 0;
	size_t j = i + 1;
	while (j < b && td_tok_pos_is(c, j, "RB") && !eq(c, j, b, "not"))
		j++;
	if (j < b && td_tok_pos_is(c, j, "VBN") && !eq(c, j, b, "been") &&
	        !any(c, j, b, past_thought))
		return j;
	return 0;
}

/* A speaker's account of his own past doings, quoted ("“I came for the
 * funeral, ma'am.”", "“I was an art major in college”"): the quote opens
 * with I or we, has a past-tense verb (pos VBD) and no present-tense or
 * modal one (VBZ, VBP, MD, a contracted verb), no cue of judgement,
 * evaluation or recommendation, no predicative stance word and no verb
 * of saying (whose words it reports may be a claim: "I told him what
 * Liston had said and he said Liston was a double-crosser"). It narrates,
 * as the author's past narration does (past_narration).
 * Anyone's past account quoted is a report too (session 17: "“Three
 * riders came through at noon and cleaned out the sacks.”", "“Jubal
 * Hackett sent for me.”"), unless a word grades it, as an interpretation
 * does: a comparative or superlative (pos JJR, JJS, RBR, RBS: "“In August
 * our dealers sold 13% more farm machinery”"), an adverb in -ly, "too", an
 * adjective after was/were ("“He was a fine horse.”", "“It was a nice
 * round figure”": a characterisation). Reported clauses (said) keep their
 * claim: there the verb of saying is a position taken ("argued on Sunday
 * that the tariffs had already brought Beijing to the table"; 10 right,
 * 12 wrong on the allowed sets). */
static TD_COLD int own_past_account(const td_actx *c, size_t a, size_t b)
{
	if (a >= b)
		return 0;
	int own = eq(c, a, b, "i") || eq(c, a, b, "we"), past = 0, be = 0;
	/* in fiction "I've come ..." is the speaker's own account too */
	int perfect_ok = fiction_doc(c);
	if (!own && perfect_ok)
		own = pron_contracted(c, a, speaker_first, sfx_have) &&
		      own_perfect(c, a, a, b);
	for (size_t i = a; i < b; i++) {
		size_t v = own && perfect_ok ? own_perfect(c, a, i, b) : 0;
		if (v) {
			past = 1;
			i = v;
			continue;
		}
		if (td_tok_pos_is(c, i, "VBZ") || td_tok_pos_is(c, i, "VBP") ||
		        td_tok_pos_is(c, i, "MD") || contracted_verb(c, i) ||
		        any(c, i, b, present_words) || eq(c, i, b, "now"))
			return 0;
		if (!own &&
		        (graded(c, i, b) || (be && td_tok_pos_is(c, i, "JJ*"))))
			return 0;
		be |= eq(c, i, b, "was") || eq(c, i, b, "were");
		past |= td_tok_pos_is(c, i, "VBD");
	}
	/* the look-ups, only for a past account so far (most quotes are
	 * not): a cue, a stance word, a verb of saying, and for another's
	 * account an adjective or adverb of the cues or of stance */
	for (size_t i = a; past && i < b; i++)
		if (word_judges(c, a, i, b, own ? NULL : judging_tags) ||
		        is_speech_word(c, i, b))
			return 0;
	return past;
}

/* A quotation [a, b) holding every word of its sentence [t0, t1), only
 * marks outside it: a sentence of a quotation that runs over several
 * ("The staff deserves a lot of credit working down here", "He's mad at
 * the world", the closing mark before the period as Brown's texts print
 * it). With a present-tense verb (pos VBZ, VBP or a contracted one) it is
 * a statement quoted whole, as one ending in its own punctuation is; a
 * past narration ("He almost brought it back all the way") reports, and
 * a speaker's words about himself ("I've been here so many times", "I'm
 * sure you've heard of him") tell his own doings and states. */
static int all_quoted(
        const td_actx *c, size_t t0, size_t a, size_t b, size_t t1)
{
	for (size_t i = t0; i < a; i++)
		if (td_tok_is_word(c, i))
			return 0;
	for (size_t i = b; i < t1; i++)
		if (td_tok_is_word(c, i))
			return 0;
	size_t f = a;
	while (f < b && !td_tok_is_word(c, f))
		f++;
	if (f == b || any(c, f, b, speaker_first) ||
	        pron_contracted(c, f, speaker_first, contracted_verbs))
		return 0;
	for (size_t i = f; i < b; i++)
		if (td_tok_pos_is(c, i, "VBZ") || td_tok_pos_is(c, i, "VBP") ||
		        contracted_verb(c, i))
			return 1;
	return 0;
}

/* A quotation [a, b) that is a command: its first word a verb in the
 * base form (pos VB) and no finite verb in it (VBZ, VBP, VBD, MD or a
 * contracted one): "“Clear away the boats!”", "“Start her, start her, my
 * men!”". An order directs, it asserts no proposition (annotation.md's
 * claim); "“Tell him the Service doesn't haggle”" asserts what it passes
 * on and stays a claim. The imperatives of dialogue count too (issue
 * 13): after a connective or a name called ("“And you leave that handbag
 * here”", "“Billy, you go on home”"), with "you" before a verb of doing
 * ("“You stay where you are.”"; not "“You know the trail”": a verb of
 * knowing, feeling or having states), "let's"/"let us" ("“Then let's
 * ride”"), a negative one ("“Don't hurry yourselves”", "“Bear that in
 * mind, and don't jump any more”"). A finite verb after a subordinator
 * ("where you are", "if you jump") belongs to its own clause. */
static const char *const command_openers[] = {
        "and", "but", "then", "now", "so", "well", "oh", "just", NULL};
static const char *const stative_verbs[] = {"know", "think", "see", "want",
        "like", "love", "hate", "need", "have", "mean", "feel", "remember",
        "understand", "believe", "seem", "look", "sound", "hear", "say",
        "guess", "reckon", "suppose", "figure", "expect", "hope", "wish", "owe",
        "get", "find", "are", "do", "can", "must", "never", NULL};
static const char *const subordinators[] = {"where", "when", "if", "until",
        "till", "before", "after", "while", "as", "unless", "because", NULL};

/* A negative imperative at i: "don't"/"never" + a base-form verb. */
static TD_COLD int negative_command(const td_actx *c, size_t i, size_t b)
{
	return (eq(c, i, b, "don't") || eq(c, i, b, "don’t") ||
	               eq(c, i, b, "never")) &&
	       i + 1 < b && td_tok_pos_is(c, i + 1, "VB");
}

static TD_COLD int quoted_command(const td_actx *c, size_t a, size_t b)
{
	size_t f = a;
	while (f < b &&
	        (!td_tok_is_word(c, f) || any(c, f, b, command_openers)))
		f++;
	/* a name called: "Billy, you go on home" */
	if (f + 1 < b && td_tok_pos_is(c, f, "NNP") && eq(c, f + 1, b, ",")) {
		f += 2;
		while (f < b && !td_tok_is_word(c, f))
			f++;
	}
	if (f == b)
		return 0;
	size_t you_verb = b;
	if (eq(c, f, b, "you")) {
		size_t v = f + 1;
		while (v < b && td_tok_pos_is(c, v, "RB"))
			v++;
		if (!(v < b &&
		            (td_tok_pos_is(c, v, "VBP") ||
		                    td_tok_pos_is(c, v, "VB")) &&
		            !any(c, v, b, stative_verbs)))
			return 0;
		you_verb = v;
	} else if (eq(c, f, b, "let") &&
	           (eq(c, f + 1, b, "'s") || eq(c, f + 1, b, "’s") ||
	                   eq(c, f + 1, b, "us"))) {
		;
	} else if (!td_tok_pos_is(c, f, "VB") && !negative_command(c, f, b))
		return 0;
	int sub = 0;
	for (size_t i = f; i < b; i++) {
		sub |= any(c, i, b, subordinators);
		if (sub || i == you_verb || negative_command(c, i, b))
			continue;
		if (td_tok_pos_is(c, i, "VBZ") || td_tok_pos_is(c, i, "VBP") ||
		        td_tok_pos_is(c, i, "VBD") ||
		        td_tok_pos_is(c, i, "MD") || contracted_verb(c, i))
			return 0;
	}
	return 1;
}

/* An identification in [a, b) (issue 13): a pronoun, "this"/"that" or a
 * possessive noun phrase, a form of "be", and a name, a possessive noun
 * phrase or an indefinite plain noun, up to the end but for a name called
 * ("“I'm Ellen Tolliver.”", "“My name is Laura Bell.”", "“That was my
 * father.”", "“That's a map, Jack.”"). It says who or what someone or
 * something is, an arguable proposition it is not (annotation.md's
 * claim); an evaluative noun ("a disgrace": claim_cues.tsv, stance.tsv)
 * or an adjective ("a fine horse") judges and stays a claim. */
static const char *const ident_subjects[] = {
        "i", "you", "he", "she", "it", "we", "they", "this", "that", NULL};
static const char *const ident_be[] = {
        "is", "was", "are", "were", "am", "'s", "’s", "'m", "’m", NULL};
static const char *const sfx_be_m[] = {"s", "m", "re", NULL};

static TD_COLD int identification(const td_actx *c, size_t a, size_t b)
{
	size_t k = a;
	while (k < b && !td_tok_is_word(c, k))
		k++;
	if (k >= b)
		return 0;
	if (pron_contracted(c, k, ident_subjects, sfx_be_m))
		k++;
	else if (any(c, k, b, ident_subjects) && any(c, k + 1, b, ident_be))
		k += 2;
	else if (td_tok_pos_is(c, k, "PRP$") && td_tok_pos_is(c, k + 1, "NN") &&
	         any(c, k + 2, b, ident_be))
		k += 3;
	else
		return 0;
	/* the predicate: a name, "my father", "a map" */
	if (k < b && td_tok_pos_is(c, k, "NNP")) {
		while (k < b && td_tok_pos_is(c, k, "NNP"))
			k++;
	} else if (k + 1 < b &&
	           (td_tok_pos_is(c, k, "PRP$") || eq(c, k, b, "a") ||
	                   eq(c, k, b, "an")) &&
	           td_tok_pos_is(c, k + 1, "NN") &&
	           td_patset_match(&c->a->claim_pats, c, k + 1, b) < 0)
		k += 2;
	else
		return 0;
	/* the end, or a name called: ", Jack." */
	if (eq(c, k, b, ",") && k + 1 < b && td_tok_pos_is(c, k + 1, "NNP")) {
		k++;
		while (k < b &&
		        (td_tok_pos_is(c, k, "NNP") || td_tok_eq(c, k, ".", 0)))
			k++;
	}
	for (; k < b; k++)
		if (td_tok_is_word(c, k))
			return 0;
	return 1;
}

/* A line of a story's dialogue telling what is going on now, a present
 * progressive (session 17, second wave): a present "be" (is, are, am, or
 * contracted: "I'm", "Brandt's") and a verb in -ing (pos VBG), adverbs
 * between, and no other finite verb (VBZ, VBP, VBD, MD), no word that
 * grades (graded), no cue but a report one, no stance word and no verb
 * of saying: "“I'm talking to the room,” Pruett said.", "“Brandt's
 * running the place now, him and the girl.”". It reports, as a past
 * account does (own_past_account); in fiction only (fiction_doc), where
 * the allowed gold has no such line claimed, while a press quotation
 * ("Prices are rising") may state a trend. */
static const char *const be_now_forms[] = {
        "is", "are", "am", "'m", "'re", "'s", "’m", "’re", "’s", NULL};

static TD_COLD int quoted_progressive(const td_actx *c, size_t a, size_t b)
{
	size_t be = b, ing = b;
	for (size_t i = a; i < b; i++) {
		if (be == b &&
		        (any(c, i, b, be_now_forms) || contracted_verb(c, i))) {
			size_t j = i + 1;
			while (j < b && td_tok_pos_is(c, j, "RB"))
				j++;
			if (j < b && td_tok_pos_is(c, j, "VBG")) {
				be = i;
				ing = j;
				i = j;
				continue;
			}
		}
		if (td_tok_pos_is(c, i, "VBZ") || td_tok_pos_is(c, i, "VBP") ||
		        td_tok_pos_is(c, i, "VBD") ||
		        td_tok_pos_is(c, i, "MD") || graded(c, i, b))
			return 0;
	}
	if (be == b)
		return 0;
	for (size_t i = a; i < b; i++)
		if (word_judges(c, a, i, b, NULL) ||
		        (i != ing && is_speech_word(c, i, b)))
			return 0;
	return 1;
}

static int fiction_doc(const td_actx *c);

/* An exclamation of a story that has no finite verb (session 18): the
 * last mark of [a, b) before closing quotes and brackets is '!' and no
 * word is a finite verb (pos VBZ, VBP, VBD, MD or a contracted one): a
 * cry, an oath, a name called or an order ("“Fire and brimstone!”",
 * "“Steady, lads—hold her there!”", "“Saints! help us!”"). It voices a
 * feeling or a command and asserts no proposition (annotation.md's
 * claim); with a finite verb ("“Blast ye, it is the same whale!”") the
 * line may judge and is read as before. In fiction only (fiction_doc):
 * a press report's slogan quoted ("No surrender!") voices a stand. */
static TD_COLD int verbless_exclamation(const td_actx *c, size_t a, size_t b)
{
	size_t e = b;
	while (e > a && !td_tok_is_word(c, e - 1) &&
	        !td_tok_eq(c, e - 1, "!", 0) && !td_tok_eq(c, e - 1, ".", 0) &&
	        !td_tok_eq(c, e - 1, "?", 0))
		e--;
	if (e == a || !td_tok_eq(c, e - 1, "!", 0))
		return 0;
	int words = 0;
	for (size_t i = a; i < e; i++) {
		if (td_tok_pos_is(c, i, "VBZ") || td_tok_pos_is(c, i, "VBP") ||
		        td_tok_pos_is(c, i, "VBD") ||
		        td_tok_pos_is(c, i, "MD") || contracted_verb(c, i))
			return 0;
		words |= td_tok_is_word(c, i);
	}
	return words;
}

/* A scene set by "there" + be in a story (session 19): the first finite
 * verb of [a, b) (the author's words of it when m is given) is a form of
 * "be", not negated, right after an existential "there" (pos EX),
 * adverbials and a name called before it, and what follows holds no other
 * finite verb but "be", no modal, no word that grades (graded), no cue but a
 * report one, no stance word and no adjective or adverb of the claim cues:
 * "There were three men in the room.", "“There's a tank in the rocks at
 * Dutchman's Flat, about ten miles on.”", "“Lieutenant, there's
 * something moving down by the creek.”". It says what is where in the
 * story's world, as a past account does (own_past_account), and the
 * allowed gold of five writers claims none. Negated it generalises
 * ("“There aren't any cows left in this country”" is claimed). In
 * fiction only: in comment
 * the same shape judges ("There are risks to this view.", "There is a
 * further risk."). */
static const char *const scene_be[] = {
        "is", "are", "was", "were", "'s", "’s", NULL};

static TD_COLD int scene_existential(
        const td_actx *c, size_t a, size_t b, const unsigned char *m)
{
	int seen = 0;
	for (size_t i = m ? own_word(m, a, a, b) : a; i < b;
	        i = m ? own_word(m, a, i + 1, b) : i + 1) {
		int fin = td_tok_pos_is(c, i, "VBZ") ||
		          td_tok_pos_is(c, i, "VBP") ||
		          td_tok_pos_is(c, i, "VBD") ||
		          td_tok_pos_is(c, i, "MD") || contracted_verb(c, i);
		if (!seen) {
			if (!fin)
				continue;
			if (!(i > a && td_tok_pos_is(c, i - 1, "EX") &&
			            any(c, i, b, scene_be) &&
			            !eq(c, i + 1, b, "not")))
				return 0;
			seen = 1;
			continue;
		}
		if (fin && !any(c, i, b, scene_be))
			return 0;
		if (graded(c, i, b) || word_judges(c, a, i, b, judging_tags))
			return 0;
	}
	return seen;
}

/* Where someone is, said in a story's dialogue (session 19): a pronoun
 * and a form of "be" (or the two contracted: "They're"), adverbs
 * between ("still", "down at"), then a place adverb ("upstairs", "home", "back
 * there") or a preposition of place with an article or a possessive after it
 * ("in the kitchen", "at his desk"), and up to the end only nouns, articles,
 * possessives, numbers, prepositions, commas, place adverbs and
 * adjectives that neither grade nor judge: "“She's upstairs, second
 * floor, in the back,”", "“He's in the garage with a hole in his
 * head.”", "“They're still back there,” she said." It tells the
 * story's facts, as a past account does (own_past_account); the
 * allowed gold of three writers claims none. "“She's in one of her
 * moods”" (no article after "in") and "“He's in trouble”" are read as
 * before. In fiction only: a press quotation of the shape ("“We are in
 * the right”") may take a stand. */
static const char *const where_subjects[] = {
        "i", "you", "he", "she", "it", "we", "they", NULL};
static const char *const where_be[] = {"is", "are", "am", "was", "were", "'s",
        "’s", "'re", "’re", "'m", "’m", NULL};
static const char *const place_adverbs[] = {"upstairs", "downstairs", "outside",
        "inside", "home", "here", "there", "away", "back", "out", "aboard",
        "ashore", "below", "abroad", "yonder", NULL};
static const char *const place_preps[] = {"in", "at", "on", "behind", "under",
        "inside", "outside", "by", "near", "across", "down", "up", NULL};
/* "down at the creek", "up in the loft" */
static const char *const place_particles[] = {
        "down", "up", "over", "out", "round", "around", NULL};

static TD_COLD int whereabouts(const td_actx *c, size_t a, size_t b)
{
	size_t k = a;
	while (k < b && !td_tok_is_word(c, k))
		k++;
	if (k >= b)
		return 0;
	if (pron_contracted(c, k, where_subjects, sfx_be_m))
		k++;
	else if (any(c, k, b, where_subjects) && any(c, k + 1, b, where_be))
		k += 2;
	else
		return 0;
	while (k < b &&
	        ((td_tok_pos_is(c, k, "RB") && !any(c, k, b, place_adverbs) &&
	                 !graded(c, k, b)) ||
	                (any(c, k, b, place_particles) &&
	                        any(c, k + 1, b, place_preps))))
		k++;
	if (k < b && any(c, k, b, place_adverbs))
		k++;
	else if (k + 1 < b && any(c, k, b, place_preps) &&
	         (td_tok_pos_is(c, k + 1, "DT") ||
	                 td_tok_pos_is(c, k + 1, "PRP$")) &&
	         !eq(c, k + 1, b, "no") && !eq(c, k + 1, b, "all"))
		k += 2;
	else
		return 0;
	for (; k < b; k++) {
		if (!td_tok_is_word(c, k))
			continue;
		if (!(td_tok_pos_is(c, k, "NN*") || td_tok_pos_is(c, k, "DT") ||
		            td_tok_pos_is(c, k, "PRP$") ||
		            td_tok_pos_is(c, k, "CD") ||
		            td_tok_pos_is(c, k, "IN") ||
		            td_tok_pos_is(c, k, "POS") ||
		            td_tok_pos_is(c, k, "JJ") ||
		            any(c, k, b, place_adverbs)) ||
		        graded(c, k, b) || word_judges(c, a, k, b, every_tag))
			return 0;
	}
	return 1;
}

/* A speaker's bare "I (don't) know" (session 19): the quotation [a, b)
 * is, but for an interjection before it and a name called after it,
 * "I", perhaps do/did with or without "not", "know", and only "it",
 * "that", "so", "yet" or "either" after it: "“I don't know.”", "“I
 * don't know yet.”", "“I know it.”". Without a clause of what is known
 * it asserts no proposition (annotation.md's claim); "“I don't know
 * anything about his meeting”" and "“I know what I saw”" go on and are
 * read as before. */
static const char *const know_openers[] = {
        "well", "no", "yes", "oh", "sure", "why", NULL};
static const char *const know_aux[] = {
        "don't", "didn't", "do", "did", "don’t", "didn’t", NULL};
static const char *const know_tails[] = {
        "it", "that", "so", "yet", "either", NULL};

static TD_COLD int bare_knowing(const td_actx *c, size_t a, size_t b)
{
	size_t k = a;
	while (k < b && (!td_tok_is_word(c, k) || any(c, k, b, know_openers)))
		k++;
	if (!eq(c, k, b, "i"))
		return 0;
	k++;
	if (any(c, k, b, know_aux)) {
		k++;
		if (eq(c, k, b, "not"))
			k++;
	}
	if (!eq(c, k, b, "know"))
		return 0;
	for (k++; k < b && (!td_tok_is_word(c, k) || any(c, k, b, know_tails));
	        k++)
		if (td_tok_eq(c, k, ",", 0))
			break;
	/* a name or a title called: ", Judge." */
	if (eq(c, k, b, ",")) {
		k++;
		while (k < b &&
		        (!td_tok_is_word(c, k) || td_tok_pos_is(c, k, "NNP") ||
		                eq(c, k, b, "sir")))
			k++;
	}
	return k >= b;
}

/* An answer cut to its auxiliary (session 20): the quotation [a, b) is,
 * but for an interjection before it and a name or "sir" called, a
 * subject (a pronoun or a noun) and a modal or a form of do/have, with
 * "not" or "to" ("have to"), perhaps said twice: "“He might,” said
 * Bardell.", "“I might.”", "“He doesn't have to.”", "“They have, they
 * have.”". The verb phrase it stands for is elsewhere, so the line states
 * no proposition of its own (annotation.md's claim), as a bare "I don't
 * know" does (bare_knowing); any adverb ("“Somebody generally is”",
 * "“They usually are”": a generalisation, claimed) or a form of "be"
 * reads it as before. Any genre: plain English ellipsis, and no press
 * quotation of the shape is claimed in the allowed gold. */
static const char *const ellipsis_aux[] = {"do", "does", "did", "don't",
        "doesn't", "didn't", "don’t", "doesn’t", "didn’t", "have", "has", "had",
        "hasn't", "haven't", "hadn't", "to", "not", NULL};

static TD_COLD int elliptic_answer(const td_actx *c, size_t a, size_t b)
{
	size_t k = a;
	int aux = 0;
	while (k < b && (!td_tok_is_word(c, k) || any(c, k, b, know_openers)))
		k++;
	while (k < b) {
		if (!(td_tok_pos_is(c, k, "PRP") || td_tok_pos_is(c, k, "NN") ||
		            td_tok_pos_is(c, k, "NNP")))
			return 0;
		size_t v = ++k;
		while (k < b && (td_tok_pos_is(c, k, "MD") ||
		                        any(c, k, b, ellipsis_aux)))
			k++;
		if (k == v)
			return 0;
		aux = 1;
		while (k < b && !td_tok_is_word(c, k))
			k++;
		/* a name or "sir" called closes it */
		if (k < b &&
		        (td_tok_pos_is(c, k, "NNP") || eq(c, k, b, "sir"))) {
			while (k < b && (!td_tok_is_word(c, k) ||
			                        td_tok_pos_is(c, k, "NNP") ||
			                        eq(c, k, b, "sir")))
				k++;
			return k >= b;
		}
	}
	return aux;
}

/* A decision spoken in a story's dialogue (session 20): the quotation
 * [a, b) opens, but for marks and a connective ("then", "so", "now"),
 * with "we" and a present verb of doing (pos VBP or VB, not a verb of
 * knowing, feeling or having: stative_verbs), "don't" or "never" and a
 * base form between perhaps, and every other finite verb of it is such a
 * "we" + verb again ("or we don't go at all"); no word grades or judges
 * (graded, word_judges): "“Then we don't take the bridge.”", "“We ride
 * tonight.”", "“Then we hold here,” Hammond said.", "“We go now or we
 * don't go at all,” he said.". It says what the speakers will do, as
 * "“Then let's ride”" does (quoted_command): annotation.md's actor's
 * plan, neither a forecast nor a claim; the allowed gold claims none
 * (three writers: r19, dev-blind-e18, dev-blind-e19). A verb of state ("“We
 * know the trail”") or a finite verb of another subject is read as before.
 * Fiction only: in press a "we" + present verb takes a position ("“We lack
 * cohesion”", "“We oppose the bill”"). */
static TD_COLD size_t we_do_at(const td_actx *c, size_t i, size_t b)
{
	if (!eq(c, i, b, "we"))
		return 0;
	size_t v = i + 1;
	while (v < b && td_tok_pos_is(c, v, "RB") && !eq(c, v, b, "never"))
		v++;
	if (negative_command(c, v, b))
		v++;
	return v < b &&
	                       (td_tok_pos_is(c, v, "VBP") ||
	                               td_tok_pos_is(c, v, "VB")) &&
	                       !any(c, v, b, stative_verbs) &&
	                       !is_speech_word(c, v, b)
	               ? v
	               : 0;
}

static TD_COLD int quoted_decision(const td_actx *c, size_t a, size_t b)
{
	size_t f = a;
	while (f < b &&
	        (!td_tok_is_word(c, f) || any(c, f, b, command_openers)))
		f++;
	if (!we_do_at(c, f, b))
		return 0;
	for (size_t i = f; i < b; i++) {
		size_t v = we_do_at(c, i, b);
		if (v) {
			i = v;
			continue;
		}
		if (td_tok_pos_is(c, i, "VBZ") || td_tok_pos_is(c, i, "VBP") ||
		        td_tok_pos_is(c, i, "VBD") ||
		        td_tok_pos_is(c, i, "MD") || contracted_verb(c, i) ||
		        graded(c, i, b) ||
		        word_judges(c, a, i, b, judging_tags))
			return 0;
	}
	return 1;
}

/* A third party's account relayed in a story's dialogue (session 20): the
 * quotation [a, b) opens, but for marks and an interjection, with its
 * subject (a name, a noun phrase, he/she/they; not I, we or you, whose
 * words are their own) and says/tells/swears, perhaps "me"/"him"/"her"/
 * "us" and "that" after it, and what is relayed is a past account
 * (own_past_account: past verbs only, nothing that grades or judges):
 * "“Maid says he had it on the luggage rack Tuesday.”", "“Mosby swears
 * he heard a bugle.”", "“The bartender says he was here Monday night,
 * ...”". The line passes on a story's fact, as the speaker's own past
 * account does. A pro-verb "did" ("“She says the partner did it”")
 * lays a guilt and stays a claim, as do an evaluation relayed ("“He says
 * Tilden was their best man ...”": graded) and a present or modal
 * ("“Eric says you can drive a car”": read as before). Fiction only: a
 * press quotation relaying an agency ("“The ministry says the talks
 * ended”") is an actor's position. */
static const char *const relay_verbs[] = {"says", "tells", "swears", NULL};
static const char *const relay_objects[] = {
        "me", "him", "her", "us", "them", "that", NULL};
static const char *const relay_not_subjects[] = {
        "i", "we", "you", "who", "nobody", "everybody", "everyone", NULL};
static const char *const pro_did[] = {"did", "didn't", "didn’t", NULL};

static TD_COLD int relayed_account(const td_actx *c, size_t a, size_t b)
{
	size_t k = a;
	while (k < b && (!td_tok_is_word(c, k) || td_tok_pos_is(c, k, "UH")))
		k++;
	size_t s = k;
	while (k < b && k < s + 6 &&
	        (td_tok_pos_is(c, k, "NN*") || td_tok_pos_is(c, k, "DT") ||
	                td_tok_pos_is(c, k, "PRP") ||
	                td_tok_pos_is(c, k, "IN") || td_tok_eq(c, k, ".", 0)) &&
	        !any(c, k, b, relay_not_subjects) && !any(c, k, b, relay_verbs))
		k++;
	if (k == s || !any(c, k, b, relay_verbs))
		return 0;
	for (k++; k < b && any(c, k, b, relay_objects); k++)
		;
	for (size_t i = k; i < b; i++)
		if (any(c, i, b, pro_did))
			return 0;
	return k < b && own_past_account(c, k, b);
}

/* A story's scene described in its narration (session 20): the author's
 * words of [t0, t1) (mask m) hold no finite verb but was/were, no
 * subordinate clause (if, though, although, because, that: "just as if
 * they were to be joint-commanders" interprets), open with no
 * demonstrative that sums up what went before ("That was the trouble."
 * judges), and no word grades or judges (graded, word_judges): "It was ten
 * past one.", "It was the color of a bruise.", "The Kid was quiet for a
 * moment.", "The stage station at Dry Wells was a single adobe room with a
 * plank bar at one end ...". It tells what the story's world is like, as
 * a scene set by "there" + be does (scene_existential); the allowed gold
 * of five writers claims none. "They were the steadiest thing in the room"
 * (a superlative) and "he was on the whole a clean, comely looking
 * cannibal" (qualities listed: a characterisation) stay claims. Fiction only:
 * comment and editorials judge in the same shape ("The response was muted.").
 */
static const char *const describe_be[] = {"was", "were", NULL};
static const char *const describe_subordinators[] = {
        "if", "though", "although", "because", "that", NULL};
static const char *const describe_demonstratives[] = {
        "that", "this", "these", "those", "such", NULL};

static TD_COLD int scene_description(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	int be = 0, first = 1;
	for (size_t i = own_word(m, t0, t0, t1); i < t1;
	        i = own_word(m, t0, i + 1, t1)) {
		if (!td_tok_is_word(c, i))
			continue;
		if (first && any(c, i, t1, describe_demonstratives))
			return 0;
		first = 0;
		/* qualities listed ("a clean, comely looking cannibal")
		 * characterise */
		if (td_tok_pos_is(c, i, "JJ*") && i + 2 < t1 &&
		        (td_tok_eq(c, i + 1, ",", 0) ||
		                eq(c, i + 1, t1, "and")) &&
		        td_tok_pos_is(c, i + 2, "JJ*"))
			return 0;
		if (td_tok_pos_is(c, i, "VBZ") || td_tok_pos_is(c, i, "VBP") ||
		        td_tok_pos_is(c, i, "MD") || contracted_verb(c, i) ||
		        any(c, i, t1, describe_subordinators) ||
		        graded(c, i, t1) ||
		        word_judges(c, t0, i, t1, judging_tags))
			return 0;
		if (td_tok_pos_is(c, i, "VBD")) {
			if (!any(c, i, t1, describe_be))
				return 0;
			be = 1;
		}
	}
	return be;
}

/* A named person's office stated (session 18): the sentence is a name
 * (proper nouns, initials and titles: pos NNP, "."), is/was, perhaps an
 * article or possessive, a common noun that no cue lists, and then only
 * nouns, numbers, prepositions, articles and conjunctions to its end:
 * "Mrs. Walter Hine is chairman.", "Dr. Paul Ames was treasurer of the
 * club's building fund." It names an office, as "“My name is ...”" names
 * a person (identification): a statement of record, no arguable
 * proposition (annotation.md's claim). An adjective, an adverb or a
 * second verb ("is chairman and she is getting ...") is read as
 * before. */
static TD_COLD int office_statement(const td_actx *c, size_t t0, size_t t1)
{
	size_t k = t0;
	while (k < t1 &&
	        (td_tok_pos_is(c, k, "NNP") || td_tok_eq(c, k, ".", 0)))
		k++;
	if (k == t0 || k >= t1 || !td_tok_pos_is(c, k - 1, "NNP") ||
	        !any(c, k, t1, ident_be))
		return 0;
	k++;
	if (k < t1 &&
	        (td_tok_pos_is(c, k, "DT") || td_tok_pos_is(c, k, "PRP$")))
		k++;
	if (!(k < t1 && td_tok_pos_is(c, k, "NN") &&
	            td_patset_match(&c->a->claim_pats, c, k, t1) < 0))
		return 0;
	for (k++; k < t1; k++) {
		if (!td_tok_is_word(c, k)) {
			if (td_tok_eq(c, k, ",", 0) || td_tok_eq(c, k, ".", 0))
				continue;
			return 0;
		}
		if (!(td_tok_pos_is(c, k, "NN*") || td_tok_pos_is(c, k, "IN") ||
		            td_tok_pos_is(c, k, "DT") ||
		            td_tok_pos_is(c, k, "CD") ||
		            td_tok_pos_is(c, k, "CC") ||
		            td_tok_pos_is(c, k, "POS") ||
		            td_tok_pos_is(c, k, "PRP$")) ||
		        td_patset_match(&c->a->claim_pats, c, k, t1) >= 0)
			return 0;
	}
	return 1;
}

/* Where someone lives, stated (session 18): a verb of dwelling ("live",
 * "lives", "living", "reside", "residing"), perhaps "now" or "still"
 * between, and in/on/at before a proper noun, a place: "The Hallorans
 * live in Tucson.", "His widow and two sons now live on Maple Drive.",
 * "... and are now residing on South Elm St." A fact of record in
 * society and local news (annotation.md: plain reports are no claims).
 * The sentence holds no other finite verb but a form of be or have (an
 * auxiliary), no modal and no word that grades (graded); "live in a
 * troubled world" names no place and is read as before. */
static const char *const dwell_verbs[] = {
        "live", "lives", "living", "reside", "resides", "residing", NULL};
static const char *const dwell_aux[] = {
        "is", "are", "was", "were", "has", "have", "been", "and", NULL};
static const char *const dwell_adverbs[] = {"now", "still", NULL};
static const char *const dwell_preps[] = {"in", "on", "at", NULL};

static TD_COLD int residence_statement(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	int place = 0;
	for (size_t i = own_word(m, t0, t0, t1); i < t1;
	        i = own_word(m, t0, i + 1, t1)) {
		if (any(c, i, t1, dwell_verbs)) {
			size_t j = i + 1;
			while (j < t1 && any(c, j, t1, dwell_adverbs))
				j++;
			if (j + 1 < t1 && any(c, j, t1, dwell_preps) &&
			        td_tok_pos_is(c, j + 1, "NNP") &&
			        td_tok_is_cap(c, j + 1)) {
				place = 1;
				continue;
			}
		}
		if (td_tok_pos_is(c, i, "MD") || graded(c, i, t1) ||
		        ((td_tok_pos_is(c, i, "VBZ") ||
		                 td_tok_pos_is(c, i, "VBP") ||
		                 td_tok_pos_is(c, i, "VBD")) &&
		                !any(c, i, t1, dwell_aux)))
			return 0;
	}
	return place;
}

/* A document of learned prose by its front matter's genre ("Journal
 * article", "Learned", "Research report"). */
static int learned_doc(const td_actx *c)
{
	const char *g = c->doc->meta.genre;
	return g && (strncasecmp(g, "journal", 7) == 0 ||
	                    strncasecmp(g, "learned", 7) == 0 ||
	                    strncasecmp(g, "research", 8) == 0);
}

/* A result reported in learned prose (session 18): the clause [a, ...)
 * follows a verb of finding or measuring ("found", "recorded",
 * "reported", "measured", "counted", "showed"; "that" and commas
 * between): "Her survey of forty farms found that most had sold their
 * mules by 1950", "Brandt (1957) reported that the perch had
 * disappeared from the bay". A study's finding is told as a result, the
 * writers of learned prose do not label it a claim; a verb of argument
 * ("argued", "contended", "concluded", "maintained") states a position
 * and stays one. */
static const char *const finding_verbs[] = {"found", "finds", "recorded",
        "reported", "reports", "measured", "counted", "showed", "shows", NULL};

static TD_COLD int learned_finding(const td_actx *c, size_t t0, size_t a)
{
	size_t k = a;
	while (k > t0 &&
	        (td_tok_eq(c, k - 1, "that", 1) || td_tok_eq(c, k - 1, ",", 0)))
		k--;
	return k > t0 && td_tok_in(c, k - 1, finding_verbs, 1);
}

/* Does an actor's unit of words overlapping the sentence [t0, t1) (a
 * reported clause of spans[0], a quote of spans[1]) hold a position?
 * *any_unit: one of them is a clause at all (a threat, a pledge ...). */
static int reported_claim(const td_actx *c, const lab_spans *spans, size_t t0,
        size_t t1, int *any_unit)
{
	size_t ss = c->tok.v[t0].start, se = c->tok.v[t1 - 1].end;
	int claim = 0;
	*any_unit = 0;
	for (int pass = 0; pass < 2; pass++) {
		const lab_spans *o = &spans[pass];
		for (size_t j = span_first(o, se);
		        span_next(o, &j, se, ss + 1);) {
			size_t s = o->v[j].start, e = o->v[j].end;
			size_t a = t0, b;
			while (a < t1 && c->tok.v[a].end <= s)
				a++;
			for (b = a; b < t1 && c->tok.v[b].start < e; b++)
				;
			/* a quotation ending in its own punctuation ("“Nobody
			 * ... the FDLR,” Makolo said.") is a sentence quoted
			 * whole: a clause, whatever its verb, if it has one; a
			 * verbless line of dialogue ("“Range about two thousand
			 * yards.”", "“Mr. Cordell,” she said.") asserts
			 * nothing, an exclamation voices a stand ("“No
			 * surrender!”") */
			int whole =
			        pass && b >= a + 4 &&
			        (td_tok_eq(c, b - 1, "!", 0) ||
			                ((td_tok_eq(c, b - 1, ",", 0) ||
			                         td_tok_eq(c, b - 1, ".", 0) ||
			                         all_quoted(c, t0, a, b, t1)) &&
			                        has_verb(c, a, b)));
			int kind = reported_kind(c, a, b, !pass || whole);
			if (!pass && kind == 2 && learned_doc(c) &&
			        learned_finding(c, t0, a))
				kind = 0;
			if (pass && kind == 2 &&
			        (own_past_account(c, a, b) ||
			                (fiction_doc(c) &&
			                        quoted_progressive(c, a, b)) ||
			                quoted_command(c, a, b) ||
			                identification(c, a, b) ||
			                bare_knowing(c, a, b) ||
			                elliptic_answer(c, a, b) ||
			                (fiction_doc(c) &&
			                        (verbless_exclamation(
			                                 c, a, b) ||
			                                scene_existential(c, a,
			                                        b, NULL) ||
			                                whereabouts(c, a, b) ||
			                                relayed_account(
			                                        c, a, b) ||
			                                quoted_decision(
			                                        c, a, b)))))
				kind = 0;
			if (kind)
				*any_unit = 1;
			claim |= kind == 2;
		}
	}
	return claim;
}

static const char *const noun_determiners[] = {"the", "a", "an", "all", "both",
        "these", "those", "its", "their", "his", "her", "our", "member", "two",
        "three", "four", "five", "several", "many", "some", "other", NULL};

/* A verb of saying used as a verb: not a noun after a determiner ("all
 * three states", "the claims") and not the connector "That said,". */
static int speech_verb_at(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	long v = td_speech_match(c, i, t1);
	if (v < 0 || c->a->speech_pats.v[v].type != TD_SV_SPEECH)
		return 0;
	if (i > t0 && td_tok_any(c, i - 1, noun_determiners))
		return 0;
	/* a phrasal verb with "out" is no saying ("cannot be ruled out") */
	if (eq(c, i + (size_t)c->a->speech_pats.v[v].n, t1, "out"))
		return 0;
	if (i > t0 && td_tok_eq(c, i - 1, "that", 1) && eq(c, i + 1, t1, ","))
		return 0;
	/* a parenthetical reporting clause of a pronoun between commas
	 * ("He'll still be a top player, they concede, because ..."): the
	 * clause around it keeps its own label */
	if (i >= t0 + 2 && td_tok_eq(c, i - 2, ",", 0) &&
	        any(c, i - 1, t1, subj_pronouns) && eq(c, i + 1, t1, ","))
		return 0;
	return 1;
}

/* A verb of the manner of saying (speech_verbs.tsv class "tag": asked,
 * muttered, cried ...) at i: a speech tag beside a quotation. */
static TD_COLD int speech_tag_at(const td_actx *c, size_t i, size_t t1)
{
	long v = td_speech_match(c, i, t1);
	return v >= 0 && c->a->speech_pats.v[v].type == TD_SV_TAG;
}

/* A quoted question with its speech tag after it ("“Does he know about
 * you?” he said at last."): the sentence asks as the question alone does.
 * The quotation ends in '?' and no more than six words follow it, outside
 * quotes, one of them a verb of saying. */
static int tagged_question(const td_actx *c, size_t t0, size_t t1)
{
	size_t q = t1;
	while (q > t0 && !td_tok_eq(c, q - 1, "?", 0))
		q--;
	if (q == t0 || !td_actx_in_quote(
	                       c, c->tok.v[q - 1].start, c->tok.v[q - 1].end))
		return 0;
	int words = 0, speech = 0, tag_at = 0, finite = 0;
	for (size_t i = q; i < t1; i++) {
		if (!td_tok_is_word(c, i))
			continue;
		if (td_actx_in_quote(c, c->tok.v[i].start, c->tok.v[i].end))
			return 0;
		words++;
		/* a verb of saying or of the manner of saying, the tags of
		 * fiction ("“Which way did they go?” he asked.") */
		int sp =
		        speech_verb_at(c, t0, i, t1) || speech_tag_at(c, i, t1);
		if (sp && !speech)
			tag_at = words;
		speech |= sp;
		finite |= !sp && (td_tok_pos_is(c, i, "VBZ") ||
		                         td_tok_pos_is(c, i, "VBP") ||
		                         td_tok_pos_is(c, i, "VBD") ||
		                         td_tok_pos_is(c, i, "MD"));
	}
	/* a longer tail is the tag and what the speaker did as he asked,
	 * participles and no finite verb of their own (session 18: "“Where
	 * is the money?” asked the clerk, leaning over the counter and
	 * looking hard at him."); a finite verb ("..., and the sheriff said
	 * it was too late") tells more than the asking */
	return speech && (words <= 6 || (tag_at <= 3 && !finite));
}

/* A forecast inside a quote labels its sentence (annotation.md): "will"
 * (shall, 'll) + verb whose subject is a noun phrase of things, not the
 * speaker's side or an actor ("“The present recovery movement will gather
 * momentum”", "“a lesson which will increase the probability”"); "We
 * will", "Emory University will", "he will" are an actor's plan. */
static const char *const will_modals[] = {
        "will", "shall", "'ll", "won't", NULL};
static const char *const quote_persons[] = {"i", "we", "you", "he", "she",
        "they", "it", "us", "our", "my", "your", "its", "his", "her", "their",
        "nobody", "everyone", "everybody", "somebody", "someone", NULL};
static const char *const np_dets[] = {
        "the", "a", "an", "this", "these", "such", "every", "each", NULL};

/* A pronoun with a contracted verb as one token ("He'll", "she’s"): the
 * pronoun is one of PRONS and the contraction SUF ("ll", "s", "re"). */
static int pron_contracted(const td_actx *c, size_t i, const char *const *prons,
        const char *const *sufs)
{
	if (i >= c->tok.n)
		return 0;
	const char *w = td_tok_str(c, i);
	size_t n = td_tok_len(c, i);
	for (const char *const *p = prons; *p; p++) {
		/* the first bytes, ASCII-folded as strncasecmp folds them,
		 * tell most apart before strlen and its call (~170,000
		 * calls, 8.2M instructions, a 300k ingest) */
		if ((*p)[0] && td_fold_byte((unsigned char)w[0]) !=
		                       td_fold_byte((unsigned char)(*p)[0]))
			continue;
		size_t m = strlen(*p);
		if (n <= m || strncasecmp(w, *p, m) != 0)
			continue;
		size_t q;
		if (w[m] == '\'')
			q = m + 1;
		else if (n > m + 3 && (unsigned char)w[m] == 0xe2 &&
		         (unsigned char)w[m + 1] == 0x80 &&
		         (unsigned char)w[m + 2] == 0x99)
			q = m + 3;
		else
			continue;
		for (const char *const *s = sufs; *s; s++)
			if (n - q == strlen(*s) &&
			        strncasecmp(w + q, *s, n - q) == 0)
				return 1;
	}
	return 0;
}

static const char *const third_persons[] = {
        "he", "she", "they", "it", "there", NULL};
static const char *const sfx_will[] = {"ll", NULL};
static const char *const sfx_be[] = {"s", "re", NULL};
static const char *const be_forms[] = {
        "is", "are", "isn't", "aren't", "'s", "'re", "ain't", NULL};
static const char *const speaker_side[] = {"i", "we", "you", NULL};

/* The speaker's own plan or wish in spoken English at token i of an
 * actor's words [.., b) (issue 13): "I'll", "we'll" (a contracted "will":
 * the tokenizer keeps it one token with its pronoun, so future_modals'
 * "'ll" never sees it), "you'll" (what the speaker foretells his
 * addressee will do), or a verb of volition with "to" after a personal
 * pronoun ("I want to go to secretarial school", "said he hopes to
 * rebuild the farm", "I'd like to see him"). annotation.md: an actor's
 * stated plan about the future is no claim. "He'll" stays a forecast
 * or a habit ("He'll even bull head-on into the rules"): spoken_future. */
static const char *const volition_subjects[] = {"i", "we", "he", "she", NULL};
static const char *const volition_verbs[] = {
        "want", "wants", "hope", "hopes", "wish", "wishes", NULL};
static const char *const sfx_would[] = {"d", NULL};
static const char *const preference_verbs[] = {"like", "love", NULL};

static int speaker_plan_at(const td_actx *c, size_t i, size_t b)
{
	/* "I'll" .. "you’ll": 4 to 8 bytes ending in "l"; most tokens are
	 * neither that nor followed by "to" two tokens on */
	size_t n = td_tok_len(c, i);
	const char *w = td_tok_str(c, i);
	if (n >= 4 && n <= 8 && (w[n - 1] == 'l' || w[n - 1] == 'L') &&
	        pron_contracted(c, i, speaker_side, sfx_will))
		return 1;
	if (!eq(c, i + 2, b, "to"))
		return 0;
	if (pron_contracted(c, i, volition_subjects, sfx_would))
		return any(c, i + 1, b, preference_verbs);
	return any(c, i, b, volition_subjects) &&
	       any(c, i + 1, b, volition_verbs);
}

/* A speaker's forecast of someone else's doing in spoken English at token
 * i of a quote: a third person with a contracted "will" ("“He'll be out
 * of action all this week”", "“He'll want to know”") or "be going to" +
 * verb whose subject is not the speaker's side ("“He's going to say
 * no”", "“Ohio State isn't going to take me”"). "I'll", "we're going to"
 * are the speaker's plan; the full "he will" of a formal statement is
 * left to the subject test of quoted_forecast (a spokesman's "they will"
 * announces his side's plan). */
static const char *const third_singular[] = {"he", "she", NULL};
static const char *const other_possessive[] = {"your", "his", "her", NULL};

/* Session 17, second wave (helper b): the colloquial futures of fiction
 * dialogue at token i of a quote, a be-form: "“He's gonna kill you”",
 * "“You're going to hang for this”" (what the speaker foretells of his
 * addressee, as "you'll" is not: "“You'll ride beside me tomorrow”" is an
 * order), "“The boat is about to sink”", "“Those men are bound to come
 * back”". "I'm gonna", "we're about to" are the speaker's plan; "bound
 * to" is no plan whoever its subject. */
static const char *const sfx_you_be[] = {"re", NULL};
static const char *const second_person[] = {"you", NULL};

static TD_COLD int colloquial_future(
        const td_actx *c, size_t t0, size_t i, size_t t1)
{
	int third = pron_contracted(c, i, third_persons, sfx_be);
	int you = pron_contracted(c, i, second_person, sfx_you_be);
	int be = third || you ||
	         (any(c, i, t1, be_forms) && i > t0 &&
	                 td_tok_is_word(c, i - 1) && !eq(c, i - 1, t1, "i") &&
	                 !eq(c, i - 1, t1, "we"));
	if (!be && !(any(c, i, t1, be_forms) && i > t0 &&
	                   td_tok_is_word(c, i - 1)))
		return 0;
	size_t v = eq(c, i + 1, t1, "not") ? i + 2 : i + 1;
	if (eq(c, v, t1, "bound") && eq(c, v + 1, t1, "to") &&
	        to_verb(c, v + 2, t1) && td_tok_pos_is(c, v + 2, "VB"))
		return 1;
	if (!be)
		return 0;
	if (eq(c, v, t1, "gonna") && to_verb(c, v + 1, t1))
		return 1;
	if (eq(c, v, t1, "about") && eq(c, v + 1, t1, "to") &&
	        to_verb(c, v + 2, t1) && td_tok_pos_is(c, v + 2, "VB"))
		return 1;
	return you && eq(c, v, t1, "going") && eq(c, v + 1, t1, "to") &&
	       to_verb(c, v + 2, t1);
}

/* A person mention ending right before token i (not a pronoun). */
static TD_COLD int named_person_before(const td_actx *c, size_t i)
{
	for (size_t k = 0; k < c->n_ments; k++)
		if (c->ments[k].t1 == i && !c->ments[k].pronoun &&
		        c->ments[k].kind &&
		        strcmp(c->ments[k].kind, "person") == 0)
			return 1;
	return 0;
}

static int spoken_future(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	size_t v = eq(c, i + 1, t1, "not") ? i + 2 : i + 1;
	/* the verb after the modal: "'ll have to" is a forecast necessity,
	 * "'ll have done" no forecast */
	int verb = v < t1 && td_tok_is_lower(c, v) &&
	           (!eq(c, v, t1, "have") || eq(c, v + 1, t1, "to") ||
	                   will_have_object(c, i, v + 1, t1));
	if (pron_contracted(c, i, third_persons, sfx_will) && verb)
		return 1;
	if (will_refusal(c, i, t1))
		return 0;
	/* Session 19 (helper b): in fiction dialogue, a full will/won't
	 * after a person named by the speaker ("“Lekuton will know”",
	 * "“Pastor Engstrom will want to talk to you both”", "“Colonel
	 * Vasquez will have the bridge closed”") foretells another's doing,
	 * as after he/she */
	if (verb && i > t0 && fiction_doc(c) && any(c, i, t1, will_modals) &&
	        named_person_before(c, i))
		return 1;
	/* a full will/won't/shall after he/she or after a noun that
	 * "your"/"his"/"her" opens ("“He won't sleep tomorrow night”",
	 * "“Your ma will skin me alive”"): another person's doing foretold
	 * in dialogue; "they will" of a spokesman announces his side's
	 * plan, "it will never be a country" of an official his position */
	if (verb && i > t0 && any(c, i, t1, will_modals) &&
	        (any(c, i - 1, t1, third_singular) ||
	                (i > t0 + 1 && td_tok_pos_is(c, i - 1, "NN*") &&
	                        td_tok_is_lower(c, i - 1) &&
	                        any(c, i - 2, t1, other_possessive))))
		return 1;
	if (colloquial_future(c, t0, i, t1))
		return 1;
	if (!eq(c, i + 1, t1, "going") || !eq(c, i + 2, t1, "to") ||
	        !to_verb(c, i + 3, t1))
		return 0;
	if (pron_contracted(c, i, third_persons, sfx_be))
		return 1;
	return any(c, i, t1, be_forms) && i > t0 && td_tok_is_word(c, i - 1) &&
	       !any(c, i - 1, t1, speaker_side);
}

/* A time ahead in the quoted clause from its verb at v (issue 13): a
 * future_at time ("by the spring", "before the end of the year", "next
 * week", a date after publication) or "this" + year/season, up to a ";"
 * or the quote's end; "in the future" sets no time. */
static TD_COLD int quote_horizon(
        const td_actx *c, size_t t0, size_t v, size_t t1)
{
	for (size_t x = v; x < t1 && x <= v + 12; x++) {
		if (td_tok_eq(c, x, ";", 0) ||
		        !td_actx_in_quote(
		                c, c->tok.v[x].start, c->tok.v[x].end))
			return 0;
		if (eq(c, x, t1, "this") && any(c, x + 1, t1, next_nouns))
			return 1;
		/* "It will never be a country in the future”": an
		 * official's position, no time set */
		if (eq(c, x, t1, "in") && eq(c, x + 2, t1, "future"))
			continue;
		if (!any(c, x, t1, future_modals) &&
		        !any(c, x, t1, possib_modals) &&
		        future_at(c, t0, x, t1, 0, 0))
			return 1;
	}
	return 0;
}

static int quoted_forecast(const td_actx *c, size_t t0, size_t t1)
{
	for (size_t i = t0 + 1; i + 1 < t1; i++) {
		/* both shapes are a quote's: the author's words are passed
		 * over at one test (most sentences quote no one) */
		if (!td_actx_in_quote(c, c->tok.v[i].start, c->tok.v[i].end))
			continue;
		if (spoken_future(c, t0, i, t1))
			return 1;
		int poss = any(c, i, t1, possib_modals);
		if (!poss && !any(c, i, t1, will_modals))
			continue;
		size_t v = eq(c, i + 1, t1, "not") ? i + 2 : i + 1;
		if (!(v < t1 && td_tok_is_lower(c, v)) || eq(c, v, t1, "have"))
			continue;
		/* could/may/might of things foretell with a time ahead only
		 * ("a treaty could be signed before the end of the year");
		 * so does "it"/"there" + will ("it will become a European
		 * one by the spring") */
		int ahead = quote_horizon(c, t0, v, t1);
		if (poss && !ahead)
			continue;
		size_t b = i;
		while (b > t0 && any(c, b - 1, t1, modal_adverbs))
			b--;
		if (!poss && ahead && b > t0 &&
		        (eq(c, b - 1, t1, "it") || eq(c, b - 1, t1, "there")))
			return 1;
		if (b > t0 && (eq(c, b - 1, t1, "which") ||
		                      eq(c, b - 1, t1, "that"))) {
			/* a relative clause on a noun of things */
			size_t a = b - 1;
			if (a > t0 && td_tok_is_lower(c, a - 1) &&
			        !mention_at(c, a - 1) &&
			        !any(c, a - 1, t1, quote_persons) &&
			        td_actx_in_quote(c, c->tok.v[a - 1].start,
			                c->tok.v[a - 1].end))
				return 1;
			continue;
		}
		/* the subject: back to the clause's start */
		size_t s0 = b;
		while (s0 > t0 && !boundary(c, s0 - 1) &&
		        td_tok_is_word(c, s0 - 1) &&
		        !eq(c, s0 - 1, t1, "that") &&
		        !eq(c, s0 - 1, t1, "and") &&
		        !eq(c, s0 - 1, t1, "but") && b - s0 < 8)
			s0--;
		/* a determiner or a bare common noun of things ("success if
		 * any will be difficult to obtain") */
		if (s0 == b ||
		        !(any(c, s0, t1, np_dets) ||
		                (td_tok_is_lower(c, s0) &&
		                        (td_tok_pos_is(c, s0, "NN") ||
		                                td_tok_pos_is(c, s0, "NNS")))))
			continue;
		int actor = 0;
		for (size_t k = s0; k < b && !actor; k++)
			actor = mention_at(c, k) ||
			        any(c, k, t1, quote_persons);
		if (!actor)
			return 1;
	}
	return 0;
}

/* A modal (will, would, shall, 'll, may, might, could ...) at i; the
 * first byte, folded, rules out most tokens without a look-up. */
static int modal_word(const td_actx *c, size_t i, size_t t1)
{
	switch (td_fold_tab[(unsigned char)c->doc->text[c->tok.v[i].start]]) {
	case 'w':
	case 's':
	case 'm':
	case 'c':
	case '\'':
		return any(c, i, t1, future_modals) ||
		       any(c, i, t1, possib_modals);
	default:
		return 0;
	}
}

/* A forecast held now (session 9): a verb of belief or expectation in
 * the present ("Carvey believes that reapportionment actually will
 * increase CDC membership", "some manufacturers believe there could be
 * shortages", "I feel confident the stock will qualify") followed in
 * its clause by a modal + verb. A reported plan is said, announced or
 * pledged; a present belief about what will happen is a forecast,
 * whoever holds it. Not after "to" ("it is idle to think ... might"),
 * a determiner ("the fear that") or a modal ("will consider
 * applications": no belief held now), nor inside a condition. */
static const char *const belief_verbs[] = {"believe", "believes", "think",
        "thinks", "feel", "feels", "predict", "predicts", "consider",
        "considers", "fear", "fears", "realize", "realizes", "realise",
        "realises", "know", "knows", "expect", "expects", "assume", "assumes",
        "suspect", "suspects", "confident", NULL};
static const char *const be_present[] = {
        "is", "are", "am", "'m", "'re", "feel", "feels", NULL};

static int belief_forecast(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	/* most sentences have no modal at all: look no further */
	size_t last = t1;
	while (last > t0 && !modal_word(c, last - 1, t1))
		last--;
	if (last == t0)
		return 0;
	for (size_t i = t0; i + 1 < last; i++) {
		if (!any(c, i, t1, belief_verbs) || (m[i - t0] & M_COND))
			continue;
		/* "to think", "the fear that", "will consider applications" */
		if (i > t0 && (td_tok_eq(c, i - 1, "to", 1) ||
		                      td_tok_any(c, i - 1, noun_determiners) ||
		                      td_tok_any(c, i - 1, future_modals) ||
		                      td_tok_any(c, i - 1, possib_modals)))
			continue;
		if (eq(c, i, t1, "confident") &&
		        !(i > t0 && td_tok_any(c, i - 1, be_present)))
			continue;
		for (size_t j = i + 1; j + 1 < t1; j++) {
			if (td_tok_eq(c, j, ";", 0) || td_tok_eq(c, j, ":", 0))
				break;
			size_t v = j + 1;
			while (v < t1 &&
			        (eq(c, v, t1, "not") ||
			                td_tok_in(c, v, modal_adverbs, 1)))
				v++;
			if (!(v < t1 && td_tok_is_lower(c, v)) ||
			        (eq(c, v, t1, "have") &&
			                !eq(c, v + 1, t1, "to")))
				continue;
			if ((any(c, j, t1, will_modals) ||
			            eq(c, j, t1, "would")) &&
			        !would_not_future(c, t0, j, t1))
				return 1;
			if (any(c, j, t1, possib_modals) && in_hedge(c, j) &&
			        possib_future(c, j, t1, 1))
				return 1;
		}
	}
	return 0;
}

/* A "will" at token i: the word, or contracted onto a pronoun as one
 * token ("You'll", "it'll"). */
static const char *const will_words[] = {
        "will", "won't", "shall", "'ll", "’ll", NULL};
static const char *const will_pronouns[] = {
        "i", "we", "you", "he", "she", "it", "they", "there", "that", NULL};

static int will_at(const td_actx *c, size_t i, size_t t1)
{
	if (any(c, i, t1, will_words))
		return 1;
	size_t n = td_tok_len(c, i);
	const char *w = td_tok_str(c, i);
	return n >= 4 && (w[n - 1] == 'l' || w[n - 1] == 'L') &&
	       pron_contracted(c, i, will_pronouns, sfx_will);
}

/* A hedged "will" (issue 13): a future modal with a hedge adverb beside
 * it ("it probably will be less", "“You'll probably get a ball bat on
 * the head”", "and probably will have a good scrimmage Friday") in any
 * words, an actor's too. A commitment is not hedged by the speaker's own
 * doubt (no one promises "I'll probably come" as a pledge), so the modal
 * foretells: annotation.md's "a forecast inside a quote labels its
 * sentence", where an unhedged "we'll work hard" stays the speaker's
 * plan. "would" is left out: "we probably would have given him $700" is
 * a counterfactual past, "would probably be willing" the hypothetical
 * the author's own rules read. Not in a condition or a question. */
static int hedged_will(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	for (size_t i = t0; i < t1; i++) {
		/* the hedge mark first: a byte per token */
		if (!in_hedge(c, i) || !td_tok_pos_is(c, i, "RB"))
			continue;
		size_t md, v;
		if (i > t0 && will_at(c, i - 1, t1))
			md = i - 1, v = i + 1;
		else if (i + 1 < t1 && will_at(c, i + 1, t1))
			md = i + 1, v = i + 2;
		else
			continue;
		if (m[md - t0] & M_COND)
			continue;
		if (eq(c, v, t1, "not"))
			v++;
		if (v < t1 && td_tok_is_lower(c, v) && !eq(c, v, t1, "have"))
			return 1;
	}
	return 0;
}

/* A present-tense verb (pos VBZ, VBP) in the author's words. */
static int present_pos(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	for (size_t i = own_word(m, t0, t0, t1); i < t1;
	        i = own_word(m, t0, i + 1, t1))
		if (td_tok_pos_is(c, i, "VBZ") || td_tok_pos_is(c, i, "VBP"))
			return 1;
	return 0;
}

/* An event under way at was/were i, the past progressive ("the three
 * riders from Tascosa were still coming", "I was searching for an
 * accent", "Palmer was now putting merely for a tie"): narration, not a
 * state that may be judged. Not "was going to" (a plan), nor after an
 * adverb in -ly ("were constantly shifting": the author characterises),
 * nor in a sentence that opens with a subordinate clause ("While
 * Communists were undermining ..., two other offensives stirred ...":
 * the main clause is told apart). */
static TD_COLD int past_progressive(
        const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (td_tok_any(c, t0, td_subordinators))
		return 0;
	size_t j = i + 1;
	while (j < t1 && td_tok_pos_is(c, j, "RB*")) {
		size_t n = td_tok_len(c, j);
		if (n > 2 && memcmp(td_tok_str(c, j) + n - 2, "ly", 2) == 0)
			return 0;
		j++;
	}
	return j < t1 && td_tok_pos_is(c, j, "VBG") && !eq(c, j, t1, "going");
}

/* A story by its front matter's genre ("Fiction Published 15 July
 * 1961"): its narration tells events, the allowed gold of press and
 * learned prose counts the like sentences as claims. */
static int fiction_doc(const td_actx *c)
{
	const char *g = c->doc->meta.genre;
	return g && strncasecmp(g, "fiction", 7) == 0;
}

/* A plain narration of past events in the author's words (issue 13):
 * a past-tense verb and no present-tense or modal verb ("Pohl received
 * the verdict without visible emotion.", "All five pleaded innocent.";
 * by the part-of-speech layer "She put the mirror away.", unless an
 * adjective or adverb judges).
 * Judgement, evaluation and recommendation cues were tested before. */
static int past_narration(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	int past = 0, tagged = 0, fiction = fiction_doc(c);
	for (size_t i = own_word(m, t0, t0, t1); i < t1;
	        i = own_word(m, t0, i + 1, t1)) {
		/* "could" the hedge stage read as past ability ("E.G.T. could
		 * not let the Swiss bank have even 10 shares") is narration */
		if (eq(c, i, t1, "could") && !in_hedge(c, i) &&
		        !(m[i - t0] & M_COND) &&
		        (td_perceiving_could(c, t0, i, t1) ||
		                !present_pos(c, t0, t1, m))) {
			past = 1;
			continue;
		}
		/* in a story "now" with a past verb is the narration's moment
		 * ("Now he stood at the gate and looked down the road.";
		 * session 18), elsewhere the present as before; and in a
		 * story a possessive "'s" before its noun (pos POS: "the
		 * Kid's hip", "the old man's letter") is no "is" (session 18;
		 * elsewhere the allowed gold claims such past reports:
		 * "Brazil's foreign minister, ..., rejected the charge") */
		if ((td_tok_any(c, i, present_words) &&
		            !(fiction && td_tok_pos_is(c, i, "POS") &&
		                    i + 1 < t1 &&
		                    (td_tok_pos_is(c, i + 1, "NN*") ||
		                            td_tok_pos_is(c, i + 1, "JJ*")))) ||
		        (eq(c, i, t1, "now") && !fiction))
			return 0;
		/* "The economy continued to weaken": a trend, as before; after
		 * a past event told ("Garland lit his pipe ... and began to
		 * talk", "a steer bawled, and the night guard began to sing")
		 * the narration goes on */
		if (!past && eq(c, i + 1, t1, "to") &&
		        cue_at(c, t0, i, t1) == CC_REPORT)
			return 0;
		size_t n = td_tok_len(c, i);
		const char *w = td_tok_str(c, i);
		/* a present -s verb after a name or an adverb ("the government
		 * ultimately prioritizes", "Beijing insists"); in fiction
		 * not a plural noun after a determiner, a number or a
		 * possessive capitalised for opening the sentence ("The
		 * horses had gone.", "Three riders came down the trail.";
		 * elsewhere "The farmers had their own reasons" is a claim by
		 * the allowed gold) */
		if (i > t0 && td_tok_is_lower(c, i) && n > 3 &&
		        w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
		        ((td_tok_is_cap(c, i - 1) &&
		                 !(i - 1 == t0 && fiction &&
		                         td_tok_pos_is(c, i, "NNS") &&
		                         (td_tok_pos_is(c, i - 1, "DT") ||
		                                 td_tok_pos_is(
		                                         c, i - 1, "CD") ||
		                                 td_tok_pos_is(
		                                         c, i - 1, "PRP$")))) ||
		                eq(c, i - 1, t1, "now") ||
		                (td_tok_len(c, i - 1) > 4 &&
		                        td_tok_str(
		                                c, i - 1)[td_tok_len(c, i - 1) -
		                                          1] == 'y' &&
		                        td_tok_str(
		                                c, i - 1)[td_tok_len(c, i - 1) -
		                                          2] == 'l')))
			return 0;
		/* a state described with "was/were" (perhaps a participle:
		 * "was never equipped") may be a judgement: only other past
		 * verbs make a narration; "That said," is a connector */
		if (eq(c, i, t1, "was") || eq(c, i, t1, "were") ||
		        (eq(c, i, t1, "said") && i > t0 &&
		                eq(c, i - 1, t1, "that"))) {
			if (!past && td_tok_is_lower(c, i))
				past = past_progressive(c, t0, i, t1);
			continue;
		}
		int after_be = 0;
		for (size_t k = i; k-- > t0 && i - k <= 2;)
			after_be |= eq(c, k, t1, "was") ||
			            eq(c, k, t1, "were") ||
			            eq(c, k, t1, "been");
		if (!after_be) {
			past |= past_word(c, i);
			/* the part-of-speech layer's past tense right after
			 * a pronoun, a name or a noun, adverbs between ("She
			 * put the mirror away.", "Old Mrs. Dowling laid down
			 * her fork", "So he wound up with a dozen."): the
			 * irregular verbs past_irregular does not list */
			if (!past && !tagged && td_tok_pos_is(c, i, "VBD")) {
				size_t q = i;
				while (q > t0 && td_tok_pos_is(c, q - 1, "RB*"))
					q--;
				tagged =
				        q > t0 &&
				        (td_tok_pos_is(c, q - 1, "PRP") ||
				                td_tok_pos_is(
				                        c, q - 1, "NNP") ||
				                /* a noun: "The tram swung round
				                 * the last bend" */
				                td_tok_pos_is(c, q - 1, "NN") ||
				                td_tok_pos_is(
				                        c, q - 1, "NNS") ||
				                /* a name opening the sentence
				                 * that the tagger reads as a
				                 * noun or an adjective
				                 * ("Garrity/NN laid the rifle
				                 * across the desk",
				                 * "Stoddard/JJ set the plate
				                 * down") */
				                (q - 1 == t0 &&
				                        td_tok_is_cap(c, t0) &&
				                        (td_tok_pos_is(c, t0,
				                                 "NN*") ||
				                                td_tok_pos_is(c,
				                                        t0,
				                                        "J"
				                                        "J"))));
			}
		}
		/* a past passive of an event with its circumstance ("The bus
		 * was burned outside Anniston", "A note was handed to the
		 * ambassador"): a report */
		else if (td_tok_pos_is(c, i, "VBN") && i + 1 < t1 &&
		         (td_tok_pos_is(c, i + 1, "IN") ||
		                 td_tok_pos_is(c, i + 1, "TO")) &&
		         !eq(c, i + 1, t1, "as") && !eq(c, i + 1, t1, "that"))
			past = 1;
	}
	if (past || !tagged)
		return past;
	/* an adjective or adverb of the claim cues or of stance ("Richards
	 * got a great performance out of ..."): the narration judges, the
	 * tagged past alone does not decide (looked up only here: most
	 * sentences never get this far) */
	for (size_t i = own_word(m, t0, t0, t1); i < t1;
	        i = own_word(m, t0, i + 1, t1))
		if ((td_tok_pos_is(c, i, "JJ*") ||
		            td_tok_pos_is(c, i, "RB*")) &&
		        td_patset_match(&c->a->claim_pats, c, i, t1) >= 0)
			return 0;
	return 1;
}

/* A past report by its words (issue 13): the author's statement names
 * someone or somewhere (a proper noun, pos NNP*), has no present-tense
 * verb or modal (VBZ, VBP, MD) and no word that can judge (an adjective
 * or adverb, JJ*, RB*): "Her mother was a Greer and her father's family
 * came from the Orkney Isles.", "At the opening of the trial, the jury
 * panel was questioned as a group by Mr. Weaver about Ku Klux Klan
 * connections.", "Charlayne studied journalism at Detroit's Wayne State
 * University." A judgement qualifies ("a dangerous shift", "clearly");
 * the present ("The problem is one of cost", "MONUSCO is caught in the
 * middle") may interpret and is judged as before. */
static int plain_past_report(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	int name = 0;
	for (size_t i = own_word(m, t0, t0, t1); i < t1;
	        i = own_word(m, t0, i + 1, t1)) {
		if (td_tok_pos_is(c, i, "JJ*") || td_tok_pos_is(c, i, "RB*") ||
		        td_tok_pos_is(c, i, "VBZ") ||
		        td_tok_pos_is(c, i, "VBP") || td_tok_pos_is(c, i, "MD"))
			return 0;
		name |= td_tok_pos_is(c, i, "NNP*");
	}
	return name;
}

/* An adjective extraposed with "it" (issue 13): it + a link verb
 * (adverbs, "be" between) + an adjective + that/to/whether/how ("It is
 * extremely doubtful that ...", "it is not easy to find ...", "it would
 * be possible to make ..."): the author judges the clause that follows.
 * Not after "too" ("It was too dark to see": a result), nor an adjective
 * of readiness ("ready to", "able to"). */
static const char *const it_links[] = {"is", "was", "'s", "would", "will",
        "seems", "seemed", "appears", "appeared", "remains", NULL};
static const char *const extraposed_heads[] = {
        "that", "to", "whether", "how", "why", "what", NULL};
static const char *const ready_adjectives[] = {
        "ready", "able", "unable", "about", "due", "set", "free", NULL};

static TD_COLD int extraposed_judgement(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	for (size_t i = own_word(m, t0, t0, t1); i + 2 < t1;
	        i = own_word(m, t0, i + 1, t1)) {
		if (!eq(c, i, t1, "it") || !any(c, i + 1, t1, it_links))
			continue;
		size_t j = i + 2;
		while (j < t1 &&
		        (td_tok_pos_is(c, j, "RB*") || eq(c, j, t1, "be") ||
		                eq(c, j, t1, "been")))
			j++;
		if (j + 1 < t1 && !eq(c, j - 1, t1, "too") &&
		        (td_tok_pos_is(c, j, "JJ") ||
		                td_tok_pos_is(c, j, "JJR")) &&
		        !any(c, j, t1, ready_adjectives) &&
		        any(c, j + 1, t1, extraposed_heads))
			return 1;
	}
	return 0;
}

/* The author's own voice at the verb of saying or thinking i: "I" or
 * "we" before it (adverbs between) and "that" after it ("I submit that
 * it cannot be dismissed ...", "We believe that this recommendation is
 * sound."). The clause is the author's assertion, not an actor's words
 * reported without content: it is judged as the author's statement. */
static const char *const author_subjects[] = {"i", "we", NULL};

static int own_voice(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (!eq(c, i + 1, t1, "that"))
		return 0;
	size_t k = i;
	while (k > t0 && td_tok_pos_is(c, k - 1, "RB*"))
		k--;
	return k > t0 && any(c, k - 1, t1, author_subjects);
}

/* A schedule in the present tense (issue 13): a time ahead (a weekday,
 * tomorrow, tonight, this afternoon/evening/weekend/week) after a verb in
 * the present (VBZ, VBP) in the author's own clause: "Cafe Society opens
 * formally this afternoon", "The Mustangs don't play this week", "The
 * Hornets play at Denton Saturday night", "Jump off is tomorrow night".
 * A past verb or participle between ("said Monday", "was promoted this
 * week", "is suspended for crowding horses on Wednesday"), a verb of
 * saying ("says Monday"), the perfect or a day_openers word before the
 * day keep the report; "is in Boston this week", "is playing ... this
 * week" describe the present (be + a place or a progressive only with a
 * day ahead, not with "this week"). At a token own_future_shape let
 * through. */
static const char *const this_times[] = {
        "afternoon", "evening", "weekend", "week", NULL};
/* before a day that is no time ahead: "since Tuesday", "every Saturday",
 * and a day as a noun ("breathes about one seventh or Sunday of his
 * time") */
static const char *const day_openers[] = {
        "last", "since", "every", "or", "and", "of", "a", "the", NULL};
static const char *const be_now[] = {"is", "are", NULL};
/* verbs whose past is their present: "The Bears beat the Cardinals
 * Sunday" reports */
static const char *const past_alike[] = {"beat", "hit", "put", "set", "cut",
        "let", "quit", "shut", "hurt", "cost", "spread", "bid", "split",
        "upset", "read", NULL};

/* A past verb in the author's clause before token k ("was let manual
 * laborers go home Tuesday night"). */
static int past_before(const td_actx *c, size_t t0, size_t k, size_t t1,
        const unsigned char *m)
{
	while (k-- > t0 && !boundary(c, k) && !(m[k - t0] & M_REP))
		if (past_word(c, k) || td_tok_pos_is(c, k, "VBD") ||
		        any(c, k, t1, past_alike))
			return 1;
	return 0;
}

static TD_COLD int schedule_at(const td_actx *c, size_t t0, size_t i, size_t t1,
        const unsigned char *m)
{
	/* by the length of a t-word: this, tonight/Tuesday,
	 * tomorrow/Thursday; other days by the list */
	size_t n = td_tok_len(c, i);
	int week = 0;
	if (n == 4) {
		if (!eq(c, i, t1, "this") || !any(c, i + 1, t1, this_times))
			return 0;
		week = eq(c, i + 1, t1, "week");
	} else if (!any(c, i, t1, weekdays) && !eq(c, i, t1, "tomorrow") &&
	           !eq(c, i, t1, "tonight"))
		return 0;
	if (eq(c, i + 1, t1, "'s") || eq(c, i + 1, t1, "’s") ||
	        (i > t0 && any(c, i - 1, t1, day_openers)))
		return 0;
	for (size_t k = i; k-- > t0 && i - k <= 8;) {
		if ((m[k - t0] & (M_REP | M_COND)) || boundary(c, k) ||
		        past_word(c, k) || td_tok_pos_is(c, k, "VBD") ||
		        td_tok_pos_is(c, k, "VBN"))
			return 0;
		if (!td_tok_pos_is(c, k, "VBZ") && !td_tok_pos_is(c, k, "VBP"))
			continue;
		if (any(c, k, t1, be_now))
			return !week && !past_before(c, t0, k, t1, m) &&
			       (k + 1 == i ||
			               (td_tok_pos_is(c, k + 1, "VBG") &&
			                       !eq(c, k + 1, t1, "going")));
		if (eq(c, k, t1, "has") || eq(c, k, t1, "have") ||
		        any(c, k, t1, past_alike) || is_speech_word(c, k, t1))
			return 0;
		return !past_before(c, t0, k, t1, m);
	}
	return 0;
}

/* A contracted "will" on a third person in the author's words (issue
 * 13): "he'll", "she'll", "it'll", "they'll", "there'll" are one token
 * (future_modals' "'ll" never sees them), so the columnist's "She'll move
 * to Gotham after years in Paris", "It'll be an all day affair" went
 * unread; inside quotes quoted_forecast reads them. Not before
 * "have" + a participle, nor a frequency adverb (generic_will). */
static const char *const ll_persons[] = {
        "he", "she", "it", "they", "there", NULL};

static TD_COLD int contracted_will_at(const td_actx *c, size_t i, size_t t1)
{
	if (!pron_contracted(c, i, ll_persons, sfx_will))
		return 0;
	size_t v = eq(c, i + 1, t1, "not") ? i + 2 : i + 1;
	return v < t1 && td_tok_is_lower(c, v) &&
	       (!eq(c, v, t1, "have") || eq(c, v + 1, t1, "to")) &&
	       !generic_will(c, i, t1);
}

/* A warning or prediction of things (issue 13): warned, cautioned,
 * predicted, forecast + "that" (an object between: "warned speculators
 * that") + a clause whose subject is no person, pronoun, actor or "any"
 * + a modal ("Top scientists have warned that an area hit by an atomic
 * missile ... would be engulfed", "He cautioned that “the greater danger
 * in this recovery may be excessive stimulation ...”"): the speaker
 * foretells an event. "warned that Tehran could", "warned speculators
 * that they will be ouching", "warned that any attack would be met"
 * threaten, no forecast, as "warned that troops would be treated as a
 * party" classifies an act (be + a/an, be + participle + as); "could
 * have" looks back. */
static const char *const warn_verbs[] = {"warned", "warns", "warn", "cautioned",
        "cautions", "predicted", "predicts", "forecast", "forecasts", "foresaw",
        "foresees", NULL};
static const char *const open_marks[] = {"\"", "“", "'", "‘", NULL};

static TD_COLD int warned_at(const td_actx *c, size_t i, size_t t1)
{
	if (!any(c, i, t1, warn_verbs))
		return 0;
	size_t a = i + 1;
	while (a < t1 && a <= i + 4 && !eq(c, a, t1, "that") && !boundary(c, a))
		a++;
	if (!eq(c, a, t1, "that"))
		return 0;
	a++;
	while (a < t1 && any(c, a, t1, open_marks))
		a++;
	if (a >= t1 || td_tok_in(c, a, personal_subjects, 1) ||
	        eq(c, a, t1, "any") || mention_at(c, a) ||
	        (eq(c, a, t1, "the") && mention_at(c, a + 1)))
		return 0;
	for (size_t j = a + 1; j + 1 < t1 && j <= a + 14; j++) {
		if (td_tok_eq(c, j, ";", 0))
			return 0;
		if (!any(c, j, t1, future_modals) &&
		        !any(c, j, t1, possib_modals))
			continue;
		/* "would be treated as a party", "would be a declaration of
		 * war": an act classified, a threat */
		if (eq(c, j + 1, t1, "be") &&
		        (eq(c, j + 2, t1, "a") || eq(c, j + 2, t1, "an") ||
		                eq(c, j + 3, t1, "as")))
			return 0;
		if (td_tok_is_lower(c, j + 1) && !eq(c, j + 1, t1, "have"))
			return 1;
	}
	return 0;
}

/* The three shapes above in one pass over the author's words outside a
 * condition: the first byte, the length and the last byte of a token
 * decide before any look-up whether it can be a day ahead (this,
 * tomorrow, tonight, Tuesday, Thursday; a capitalised Monday, Wednesday,
 * Friday, Saturday, Sunday), a contracted "will" ("...'ll") or a verb of
 * warning (wa-, ca-, pr-, fo- words: warn*, caution*, predict*,
 * forecast*, fores*). */
static TD_COLD int own_future_shape(
        const td_actx *c, size_t t0, size_t t1, const unsigned char *m)
{
	for (size_t i = own_word(m, t0, t0, t1); i < t1;
	        i = own_word(m, t0, i + 1, t1)) {
		if (m[i - t0] & M_COND)
			continue;
		size_t n = td_tok_len(c, i);
		if (n < 4 || n > 10)
			continue;
		const char *w = td_tok_str(c, i);
		unsigned char f = td_fold_tab[(unsigned char)w[0]],
		              l = td_fold_tab[(unsigned char)w[n - 1]];
		if (((f == 't' && (n == 4 || n == 7 || n == 8)) ||
		            ((f == 'm' || f == 'w' || f == 'f' || f == 's') &&
		                    n >= 6 && n <= 9 && td_tok_is_cap(c, i))) &&
		        schedule_at(c, t0, i, t1, m))
			return 1;
		if (l == 'l' && i + 1 < t1 && contracted_will_at(c, i, t1))
			return 1;
		unsigned char f2 = td_fold_tab[(unsigned char)w[1]];
		if ((((f == 'w' || f == 'c') && f2 == 'a') ||
		            (f == 'p' && f2 == 'r') ||
		            (f == 'f' && f2 == 'o')) &&
		        (l == 'd' || l == 's' || l == 't' || l == 'n' ||
		                l == 'w') &&
		        i + 2 < t1 && warned_at(c, i, t1))
			return 1;
	}
	return 0;
}

int td_labels_apply(td_actx *c)
{
	int rc = mark_hedges(c);
	if (rc)
		return rc;
	unsigned char *mask = malloc(c->tok.n ? c->tok.n : 1);
	if (!mask)
		return td_error(TD_ENOMEM, "out of memory");
	/* [0] the reported clauses, [1] the quotes, by their starts */
	lab_spans spans[2] = {{NULL, NULL, 0}, {NULL, NULL, 0}};
	if ((rc = lab_spans_make(c, 1, &spans[0])) < 0 ||
	        (rc = lab_spans_make(c, 0, &spans[1])) < 0) {
		lab_spans_clear(&spans[0]);
		lab_spans_clear(&spans[1]);
		free(mask);
		return rc;
	}
	/* each sentence's claim features, for the file of
	 * td_claim_dump_open (scripts/claim-model.py) */
	td_claim_dump_doc dd;
	if ((rc = td_claim_dump_begin(&dd)) < 0) {
		lab_spans_clear(&spans[0]);
		lab_spans_clear(&spans[1]);
		free(mask);
		return rc;
	}
	FILE *dump = dd.f;
	unsigned char *sinfo = NULL;
	const td_claim_model *model = c->a->claim_model;
	if (model && model->rules_only)
		model = NULL; /* it would decide as the rules did */
	if (model || dump) {
		sinfo = td_claim_sentence_info(c);
		if (!sinfo) {
			td_claim_dump_end(&dd, 0);
			lab_spans_clear(&spans[0]);
			lab_spans_clear(&spans[1]);
			free(mask);
			return td_error(TD_ENOMEM, "out of memory");
		}
	}
	for (size_t si = 0; si < c->n_sents; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		if (t0 >= t1)
			continue;
		int pred = 0, deontic = 0, judge = 0, eval = 0, recommend = 0;
		/* the author's clauses (split at ", and", ", but", ";"): one
		 * with words and no verb of saying is the author's statement */
		int seg_words = 0, seg_speech = 0, own_clause = 0;
		/* a clause of its own with a judgement and no future: "This
		 * will be costly, and it is a mistake to ..." */
		int seg_future = 0, seg_judged = 0, separate = 0,
		    report_verb = 0, hyp_eval = 0, plan = 0;
		/* a question: its inverted modal is asked, not asserted */
		size_t last = t1 - 1;
		while (last > t0 && !td_tok_is_word(c, last) &&
		        !td_tok_eq(c, last, "?", 0))
			last--;
		int question = td_tok_eq(c, last, "?", 0);
		if (!question)
			question = tagged_question(c, t0, t1);
		build_mask(c, &spans[0], t0, t1, mask);
		for (size_t i = t0; i < t1; i++) {
			unsigned mk = mask[i - t0];
			if (td_tok_eq(c, i, ";", 0) ||
			        (td_tok_eq(c, i, ",", 0) &&
			                (eq(c, i + 1, t1, "and") ||
			                        eq(c, i + 1, t1, "but")))) {
				own_clause |= seg_words && !seg_speech;
				separate |= seg_judged && !seg_future;
				seg_words = seg_speech = seg_future =
				        seg_judged = 0;
			}
			if (mk & M_REP)
				continue;
			seg_words |= td_tok_is_word(c, i);
			seg_speech |= speech_verb_at(c, t0, i, t1) &&
			              !own_voice(c, t0, i, t1);
			if (!(mk & M_COND) &&
			        future_at(c, t0, i, t1, in_hedge(c, i),
			                question) &&
			        !((eq(c, i, t1, "would") ||
			                  eq(c, i, t1, "wouldn't")) &&
			                past_vantage(c, t0, i, mask, 0)) &&
			        /* "might"/"could" after a past verb of its
			         * clause, a coordinated one apart: the
			         * possibility as it stood then, backshifted
			         * "may" ("fearing the creation of an elite
			         * which might cause unrest", "he swam away ...,
			         * thinking he might not be alarmed"), not the
			         * author's forecast */
			        !((eq(c, i, t1, "might") ||
			                  eq(c, i, t1, "could")) &&
			                past_vantage(c, t0, i, mask, 1)))
				pred = seg_future = 1;
			plan |= any(c, i, t1, expect_verbs) &&
			        own_intention(c, t0, i, t1);
			/* "It will be seen in some other place ...": the
			 * writer's plan for his pages, no statement */
			plan |= any(c, i, t1, will_modals) &&
			        text_reference(c, t0, i, t1);
			if (!(mk & M_COND) && (eq(c, i, t1, "would") ||
			                              eq(c, i, t1, "wouldn't")))
				hyp_eval |= would_be_adjective(c, i, t1);
			int k = cue_at(c, t0, i, t1);
			/* "The attacks have nonetheless continued.": a plain
			 * event */
			if (k == CC_REPORT &&
			        (i + 1 >= t1 || !td_tok_is_word(c, i + 1) ||
			                any(c, i + 1, t1, report_tail)))
				report_verb = 1;
			deontic |= k == CC_DEONTIC;
			eval |= k == CC_EVALUATIVE;
			judge |= k == CC_JUDGEMENT;
			recommend |= k == CC_RECOMMEND;
			seg_judged |= k == CC_DEONTIC || k == CC_EVALUATIVE ||
			              k == CC_JUDGEMENT;
		}
		own_clause |= seg_words && !seg_speech;
		separate |= seg_judged && !seg_future;
		if (!pred && !question &&
		        (reported_forecast(c, si, t0, t1) ||
		                hedged_will(c, t0, t1, mask) ||
		                quoted_forecast(c, t0, t1) ||
		                belief_forecast(c, t0, t1, mask) ||
		                own_future_shape(c, t0, t1, mask)))
			pred = 1;
		/* a forecast in quoted words whose subject is no planner
		 * (future.c) */
		for (size_t i = t0; i < t1 && !pred && !question; i++)
			pred = td_future_quoted(c, t0, i, t1);
		int any_unit = 0,
		    rep = reported_claim(c, spans, t0, t1, &any_unit);
		int claim, stance = 0;
		for (size_t i = t0; i < t1 && !stance; i++)
			stance = !(mask[i - t0] & M_REP) && stance_at(c, i, t1);
		if (pred)
			/* a forecast is a claim only with a recommendation or
			 * an interpretation of its own ("suggests that",
			 * "means") */
			claim = deontic || judge || separate || hyp_eval;
		else if (deontic || eval || judge || recommend)
			claim = 1;
		else if (question)
			/* a question without a cue asks, it asserts nothing,
			 * also when it quotes ("I would ask, “Why not do
			 * both”?") */
			claim = 0;
		else if (any_unit)
			/* reported positions are claims, reported threats and
			 * pledges are not */
			claim = rep;
		else if (!own_clause)
			/* a speech act reported without its content */
			claim = 0;
		else
			claim = !report_verb && !plan &&
			        !(fiction_doc(c) &&
			                (verbless_exclamation(c, t0, t1) ||
			                        scene_existential(
			                                c, t0, t1, mask) ||
			                        scene_description(
			                                c, t0, t1, mask))) &&
			        !office_statement(c, t0, t1) &&
			        !residence_statement(c, t0, t1, mask) &&
			        !report_like(c, t0, t1, mask) &&
			        !past_narration(c, t0, t1, mask) &&
			        !plain_past_report(c, t0, t1, mask);
		/* an evaluation predicated in the author's words ("Brooks
		 * Robinson is great", "it is hardly fair"): a judgement,
		 * whatever else the sentence reports */
		if (!pred && !claim && !question &&
		        (stance || extraposed_judgement(c, t0, t1, mask)))
			claim = 1;
		/* the decision is the model's, the rules' one of its
		 * features */
		if (model || dump) {
			td_claim_rules r = {claim, pred, question, deontic,
			        eval, judge, recommend, stance, any_unit, rep,
			        own_clause, report_verb, plan, separate,
			        hyp_eval};
			double x[TD_CLAIM_NFEAT];
			td_claim_features(c, si, mask, sinfo, &r, x);
			if (dump)
				td_claim_dump(dump, c, si, x);
			if (model)
				claim = td_claim_score(model, x) >
				        model->threshold;
		}
		if (pred)
			c->sflags[si] |= TD_SF_PREDICTION;
		if (claim)
			c->sflags[si] |= TD_SF_CLAIM;
	}
	rc = td_claim_dump_end(&dd, 1);
	lab_spans_clear(&spans[0]);
	lab_spans_clear(&spans[1]);
	free(sinfo);
	free(mask);
	return rc;
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
		int rc = td_span_set_attr(
		        c->doc, c->sents[si].span, "ana", buf + 1);
		if (rc)
			return rc;
	}
	return 0;
}

/* The grammar-word lists above, for hashed look-up (td_tok_in). */
static int register_words(td_annotator *a)
{
	static const char *const *const lists[] = {subj_pronouns,
	        personal_subjects, modal_adverbs, future_modals, possib_modals,
	        intention, intention_to, report_tail, weekdays, seasons,
	        period_nouns, next_nouns, link_verbs, degree, expect_verbs,
	        directive_verbs, cond_words, past_irregular, finite_words,
	        participle_aux, noun_determiners, refusal_verbs, wish_words,
	        habit_adverbs, past_thought, will_modals, quote_persons,
	        exposition_verbs, np_dets, present_words, belief_verbs,
	        be_present, link_verbs2, third_singular, other_possessive,
	        command_openers, stative_verbs, subordinators, call_words,
	        ident_subjects, ident_be, call_particles, cause_particles,
	        institution_nouns, this_times, day_openers, be_now, past_alike,
	        ll_persons, warn_verbs, open_marks, graded_words, have_objects,
	        expected_words, be_expect, few_words, perfect_adverbs,
	        dwell_verbs, be_forms, dwell_aux, volition_subjects, will_words,
	        appearance_verbs, it_links, speaker_first, author_subjects,
	        NULL};
	return td_words_register(a, lists);
}
