/* claim_model.c: the features of a sentence for the #claim decision and
 * the logistic model over them (claim_model.h). The weights are data,
 * trained from the gold by scripts/claim-model.py on the very features
 * written here (TAGDEX_CLAIM_DUMP), so a feature changed here needs the
 * model trained again. No rule lives here: every feature is general (a
 * word class, a tag, a count), the weights say what it is worth.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claim_model.h"
#include "match.h"

static const char *const feature_names[TD_CLAIM_NFEAT + 1] = {"bias",
        /* labels.c's rules */
        "rule_claim", "rule_pred", "rule_question", "cue_deontic", "cue_eval",
        "cue_judge", "cue_recommend", "cue_stance", "reported_unit",
        "reported_claim", "own_clause", "report_verb", "plan",
        "separate_judged", "hyp_eval", "hedged",
        /* voice */
        "quote_any", "quote_most", "reported_most", "speech_verb",
        "said_clause", "opens_quoted",
        /* author's words */
        "modal_deontic", "modal_possib", "modal_future", "person_first",
        "person_second", "negation", "copula_adj", "copula_noun", "past_verb",
        "present_verb", "past_only", "modal_any", "comparative", "number_2",
        "connective", "condition",
        /* POS shares of the words */
        "share_adj", "share_adv", "share_propn", "share_pron", "share_verb",
        /* genre */
        "genre_fiction", "genre_learned", "genre_other", "genre_news",
        "genre_comment", "genre_address", "genre_expert",
        /* place and anchors */
        "time_anchor", "mentions_2", "para_first", "doc_first", "exclamation",
        /* length in words */
        "len_lt6", "len_6_12", "len_13_25", "len_gt40",
        /* the rules' decision by genre and voice */
        "rule_x_fiction", "rule_x_learned", "rule_x_quote", "rule_x_past_only",
        "rule_x_pred", "rule_x_news", "rule_x_comment", "rule_x_expert",
        /* the verb group's shape (session 22): events reported in the
         * passive or the perfect, a scene in the progressive, background
         * in the past perfect; reported words that only narrate */
        "passive", "progressive", "perfect", "past_perfect",
        "reported_past_only",
        /* the sentence's opening and make-up */
        "dateline", "imperative", "opens_propn", "quote_continued", "share_num",
        "len_real",
        /* the rules' decision in dialogue of fiction, in reported
         * words, with a said clause, in an address */
        "rule_x_fiction_quote", "rule_x_reported", "rule_x_said",
        "rule_x_address",
        /* the same shape in the words of others (quoted or reported):
         * a line of dialogue that only tells what happened, or judges */
        "other_past_only", "other_present", "other_modal", "other_copula_adj",
        "other_copula_noun", "other_negation", "other_first", "other_second",
        "other_share_adj", "other_deontic", NULL};

const char *td_claim_feature_name(size_t k)
{
	return k < TD_CLAIM_NFEAT ? feature_names[k] : NULL;
}

enum {
	F_BIAS,
	F_RULE,
	F_PRED,
	F_QUESTION,
	F_DEONTIC,
	F_EVAL,
	F_JUDGE,
	F_RECOMMEND,
	F_STANCE,
	F_UNIT,
	F_REP,
	F_OWN,
	F_REPORT,
	F_PLAN,
	F_SEPARATE,
	F_HYP,
	F_HEDGED,
	F_QANY,
	F_QMOST,
	F_REPMOST,
	F_SPEECH,
	F_SAID,
	F_OPENQ,
	F_MDEONTIC,
	F_MPOSSIB,
	F_MFUTURE,
	F_FIRST,
	F_SECOND,
	F_NEG,
	F_COPADJ,
	F_COPNOUN,
	F_PAST,
	F_PRESENT,
	F_PASTONLY,
	F_MODAL,
	F_COMPAR,
	F_NUM2,
	F_CONNECT,
	F_COND,
	F_SADJ,
	F_SADV,
	F_SPROPN,
	F_SPRON,
	F_SVERB,
	F_FICTION,
	F_LEARNED,
	F_OTHER,
	F_NEWS,
	F_COMMENT,
	F_ADDRESS,
	F_EXPERT,
	F_TIME,
	F_MENT2,
	F_PARAFIRST,
	F_DOCFIRST,
	F_EXCLAIM,
	F_LEN1,
	F_LEN2,
	F_LEN3,
	F_LEN5,
	F_RXFICTION,
	F_RXLEARNED,
	F_RXQUOTE,
	F_RXPAST,
	F_RXPRED,
	F_RXNEWS,
	F_RXCOMMENT,
	F_RXEXPERT,
	F_PASSIVE,
	F_PROGR,
	F_PERFECT,
	F_PASTPERF,
	F_REPPAST,
	F_DATELINE,
	F_IMPER,
	F_OPENPROPN,
	F_QCONT,
	F_SNUM,
	F_LENREAL,
	F_RXFICQ,
	F_RXREP,
	F_RXSAID,
	F_RXADDRESS,
	F_OPAST,
	F_OPRESENT,
	F_OMODAL,
	F_OCOPADJ,
	F_OCOPNOUN,
	F_ONEG,
	F_OFIRST,
	F_OSECOND,
	F_OSADJ,
	F_ODEONTIC,
	F_END
};
_Static_assert(
        (int)F_END == (int)TD_CLAIM_NFEAT, "feature table and enum agree");

/* grammar words (folded) */
static const char *const cm_deontic[] = {
        "should", "must", "ought", "shouldn't", "mustn't", NULL};
static const char *const cm_possib[] = {
        "may", "might", "could", "can", "can't", "cannot", "couldn't", NULL};
static const char *const cm_future[] = {
        "will", "would", "shall", "'ll", "won't", "wouldn't", NULL};
static const char *const cm_first[] = {
        "i", "we", "me", "us", "my", "our", "i'm", "we're", NULL};
static const char *const cm_second[] = {"you", "your", "you're", NULL};
static const char *const cm_neg[] = {"not", "n't", "never", "no", "nothing",
        "none", "nobody", "neither", "nor", "isn't", "aren't", "wasn't",
        "weren't", "don't", "doesn't", "didn't", NULL};
static const char *const cm_be[] = {"is", "are", "was", "were", "be", "been",
        "being", "'s", "'re", "isn't", "aren't", "wasn't", "weren't", NULL};
static const char *const cm_have[] = {
        "has", "have", "had", "'ve", "'d", "having", NULL};
static const char *const cm_speech[] = {"said", "says", "say", "told", "tells",
        "asked", "asks", "added", "replied", "declared", "stated", "announced",
        "insisted", "argued", "warned", "explained", NULL};
static const char *const cm_connect[] = {"because", "since", "therefore",
        "thus", "hence", "however", "although", "though", "yet", NULL};
static const char *const cm_cond[] = {"if", "unless", "whether", NULL};
static const char *const cm_times[] = {"january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "yesterday", "today", "tonight", NULL};

/* The feature a word of each list gives: in the author's own words
 * (cm_word_features), in the words of others, quoted or reported
 * (cm_other_features). */
typedef struct {
	const char *const *words;
	int feature;
} cm_word_feature;
static const cm_word_feature cm_word_features[] = {{cm_deontic, F_MDEONTIC},
        {cm_possib, F_MPOSSIB}, {cm_future, F_MFUTURE}, {cm_first, F_FIRST},
        {cm_second, F_SECOND}, {cm_neg, F_NEG}, {cm_connect, F_CONNECT},
        {cm_cond, F_COND}, {cm_times, F_TIME}, {NULL, 0}};
static const cm_word_feature cm_other_features[] = {{cm_neg, F_ONEG},
        {cm_first, F_OFIRST}, {cm_second, F_OSECOND}, {cm_deontic, F_ODEONTIC},
        {NULL, 0}};

/* Sets in x the feature of each list of fs that holds token i's word. */
static void cm_words_at(
        const td_actx *c, size_t i, const cm_word_feature *fs, double *x)
{
	for (; fs->words; fs++)
		if (td_tok_any(c, i, fs->words))
			x[fs->feature] = 1;
}

static int cm_register(td_annotator *a)
{
	static const char *const *const lists[] = {cm_deontic, cm_possib,
	        cm_future, cm_first, cm_second, cm_neg, cm_be, cm_have,
	        cm_speech, cm_connect, cm_cond, cm_times, NULL};
	return td_words_register(a, lists);
}

static int model_row(void *ctx, const td_lex_row *row)
{
	td_claim_model *m = ctx;
	const char *name = td_lex_field(row->r, 0),
	           *v = td_lex_field(row->r, 1);
	char *end = NULL;
	double w = 0;
	if (v)
		w = strtod(v, &end);
	if (!name || !v || end == v || *end)
		return td_lex_error(row, "need a feature and its weight");
	/* seen[] rides in threshold's place until the file is read: a
	 * weight is NaN until given */
	if (strcmp(name, "@threshold") == 0) {
		if (m->threshold == m->threshold)
			return td_lex_error(row, "@threshold given twice");
		m->threshold = w;
		return 0;
	}
	for (size_t k = 0; k < TD_CLAIM_NFEAT; k++)
		if (strcmp(name, feature_names[k]) == 0) {
			if (m->w[k] == m->w[k])
				return td_lex_error(
				        row, "feature %s given twice", name);
			m->w[k] = w;
			return 0;
		}
	return td_lex_error(row, "unknown feature %s", name);
}

int td_claim_model_load(td_annotator *a, const char *dir)
{
	if (cm_register(a))
		return td_error(TD_ENOMEM, "out of memory");
	td_claim_model *m = malloc(sizeof *m);
	if (!m)
		return td_error(TD_ENOMEM, "out of memory");
	a->claim_model = m;
	for (size_t k = 0; k < TD_CLAIM_NFEAT; k++)
		m->w[k] = NAN;
	m->threshold = NAN;
	int rc = td_lex_each(dir, "claim_model.tsv", model_row, m);
	if (rc)
		return rc;
	for (size_t k = 0; k < TD_CLAIM_NFEAT; k++)
		if (m->w[k] != m->w[k])
			return td_error(TD_EINPUT,
			        "%s/claim_model.tsv: no weight for feature %s",
			        dir, feature_names[k]);
	if (m->threshold != m->threshold)
		return td_error(TD_EINPUT,
		        "%s/claim_model.tsv: no @threshold row", dir);
	m->rules_only = m->w[F_BIAS] + m->w[F_RULE] > m->threshold &&
	                !(m->w[F_BIAS] > m->threshold);
	for (size_t k = 0; k < TD_CLAIM_NFEAT; k++)
		if (k != F_BIAS && k != F_RULE && m->w[k] != 0)
			m->rules_only = 0;
	return 0;
}

void td_claim_model_unload(td_annotator *a)
{
	free(a->claim_model);
	a->claim_model = NULL;
}

double td_claim_score(const td_claim_model *m, const double *x)
{
	double s = 0;
	for (size_t k = 0; k < TD_CLAIM_NFEAT; k++)
		s += m->w[k] * x[k];
	return s;
}

static int genre_is(const td_actx *c, const char *const *prefixes)
{
	const char *g = c->doc ? c->doc->meta.genre : NULL;
	for (size_t k = 0; g && prefixes[k]; k++)
		if (strncasecmp(g, prefixes[k], strlen(prefixes[k])) == 0)
			return 1;
	return 0;
}

/* Token i's tag, "" before the pos stage (as td_tok_pos_is reads it) */
static const char *tag_of(const td_actx *c, size_t i)
{
	if (!c->pos || i >= c->tok.n)
		return "";
	const char *t = c->a->pos_name[c->pos[i]];
	return t ? t : td_tok_pos(c, i);
}

/* The tag of the verb an auxiliary at i governs: the next token's, an
 * adverb (not, never, also) passed over; "" at the sentence's end */
static const char *aux_next(const td_actx *c, size_t i, size_t t1)
{
	size_t k = i + 1;
	if (k + 1 < t1 && td_tok_pos_is(c, k, "RB*"))
		k++;
	return k < t1 ? tag_of(c, k) : "";
}

enum { SI_SAID = 1, SI_MENT1 = 2, SI_MENT2 = 4 };

unsigned char *td_claim_sentence_info(const td_actx *c)
{
	unsigned char *s = calloc(c->n_sents ? c->n_sents : 1, 1);
	if (!s)
		return NULL;
	for (size_t k = 0; k < c->n_said; k++)
		if (c->said[k].sent >= 0 &&
		        (size_t)c->said[k].sent < c->n_sents)
			s[c->said[k].sent] |= SI_SAID;
	for (size_t k = 0; k < c->n_ments; k++) {
		int j = c->ments[k].sent;
		if (j < 0 || (size_t)j >= c->n_sents || c->ments[k].pronoun)
			continue;
		s[j] |= s[j] & SI_MENT1 ? SI_MENT2 : SI_MENT1;
	}
	return s;
}

void td_claim_features(const td_actx *c, size_t si,
        const unsigned char *rep_mask, const unsigned char *sinfo,
        const td_claim_rules *r, double *x)
{
	static const char *const fiction[] = {"fiction", NULL};
	static const char *const learned[] = {
	        "journal", "learned", "research", NULL};
	static const char *const news[] = {
	        "news", "sports", "feature", "report", NULL};
	static const char *const comment[] = {
	        "comment", "opinion", "editorial", "review", NULL};
	/* the think-tank forms of corpus/articles */
	static const char *const expert[] = {"expert", "analysis", "commentary",
	        "explainer", "briefing", "energy", NULL};
	static const char *const address[] = {"address", "speech", NULL};
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	memset(x, 0, TD_CLAIM_NFEAT * sizeof *x);
	x[F_BIAS] = 1;
	x[F_RULE] = r->claim;
	x[F_PRED] = r->pred;
	x[F_QUESTION] = r->question;
	x[F_DEONTIC] = r->deontic;
	x[F_EVAL] = r->eval;
	x[F_JUDGE] = r->judge;
	x[F_RECOMMEND] = r->recommend;
	x[F_STANCE] = r->stance;
	x[F_UNIT] = r->any_unit;
	x[F_REP] = r->rep;
	x[F_OWN] = r->own_clause;
	x[F_REPORT] = r->report_verb;
	x[F_PLAN] = r->plan;
	x[F_SEPARATE] = r->separate;
	x[F_HYP] = r->hyp_eval;
	x[F_HEDGED] = (c->sflags[si] & TD_SF_HEDGED) != 0;
	size_t words = 0, quoted = 0, reported = 0, nums = 0;
	size_t adj = 0, adv = 0, propn = 0, pron = 0, verb = 0;
	int past = 0, present = 0, modal = 0;
	/* the reported words' own tense (M_REP outside quotation marks) */
	int rpast = 0, rpresent = 0, rmodal = 0;
	/* the words of others, quoted or reported */
	int opast = 0, opresent = 0, omodal = 0;
	size_t owords = 0, oadj = 0;
	size_t first = t1; /* the first word */
	for (size_t i = t0; i < t1; i++) {
		if (!td_tok_is_word(c, i))
			continue;
		words++;
		if (first == t1)
			first = i;
		int q = td_actx_in_quote(c, c->tok.v[i].start, c->tok.v[i].end);
		int own = !q && !(rep_mask && (rep_mask[i - t0] & 1));
		quoted += q;
		reported += !own;
		nums += td_tok_is_num(c, i);
		/* the tag read once, its letters compared: this loop sees
		 * every token of the document */
		const char *tg = tag_of(c, i);
		char g0 = tg[0], g1 = g0 ? tg[1] : 0, g2 = g1 ? tg[2] : 0;
		int jj = g0 == 'J' && g1 == 'J', rb = g0 == 'R' && g1 == 'B';
		if (jj)
			adj++;
		else if (rb)
			adv++;
		else if (g0 == 'N' && g1 == 'N' && g2 == 'P')
			propn++;
		else if (g0 == 'P' && g1 == 'R' && g2 == 'P')
			pron++;
		else if (g0 == 'V' && g1 == 'B')
			verb++;
		if ((jj || rb) && (g2 == 'R' || g2 == 'S') && !tg[3])
			x[F_COMPAR] = 1;
		/* a token in no word list (tok_ent 0) is in none of these:
		 * most content words, spared ten look-ups */
		int listed = !c->tok_ent[1] || c->tok_ent[1][i];
		if (listed && td_tok_any(c, i, cm_speech))
			x[F_SPEECH] = 1;
		/* "had" + participle, in anyone's words: what came before */
		if (listed && td_tok_eq(c, i, "had", 1) &&
		        strcmp(aux_next(c, i, t1), "VBN") == 0)
			x[F_PASTPERF] = 1;
		if (!own) {
			owords++;
			oadj += jj;
			if (g0 == 'M' && g1 == 'D' && !g2) {
				omodal = 1;
				rmodal |= !q;
			} else if (g0 == 'V' && g1 == 'B' && g2 && !tg[3]) {
				int pa = g2 == 'D', pr = g2 == 'Z' || g2 == 'P';
				opast |= pa;
				opresent |= pr;
				rpast |= !q && pa;
				rpresent |= !q && pr;
			}
			if (!listed)
				continue;
			cm_words_at(c, i, cm_other_features, x);
			if (td_tok_any(c, i, cm_be)) {
				const char *v = aux_next(c, i, t1);
				if (v[0] == 'J' && v[1] == 'J')
					x[F_OCOPADJ] = 1;
				else if (strcmp(v, "DT") == 0 ||
				         strcmp(v, "NN") == 0 ||
				         strcmp(v, "NNS") == 0)
					x[F_OCOPNOUN] = 1;
			}
			continue;
		}
		/* by the tag, whatever lists hold the word: a feature does
		 * not move when a stage registers a list */
		if (g0 == 'C' && g1 == 'D' && !g2 && td_tok_len(c, i) == 4 &&
		        (td_tok_str(c, i)[0] == '1' ||
		                td_tok_str(c, i)[0] == '2'))
			x[F_TIME] = 1;
		if (g0 == 'M' && g1 == 'D' && !g2)
			modal = 1;
		else if (g0 == 'V' && g1 == 'B' && g2 && !tg[3]) {
			past |= g2 == 'D';
			present |= g2 == 'Z' || g2 == 'P';
		}
		if (!listed)
			continue;
		cm_words_at(c, i, cm_word_features, x);
		if (td_tok_any(c, i, cm_be) || td_tok_any(c, i, cm_have)) {
			const char *v = aux_next(c, i, t1);
			int vbn = strcmp(v, "VBN") == 0;
			if (td_tok_any(c, i, cm_have)) {
				if (vbn)
					x[F_PERFECT] = 1;
			} else if (vbn)
				x[F_PASSIVE] = 1;
			else if (strcmp(v, "VBG") == 0)
				x[F_PROGR] = 1;
		}
		if (td_tok_any(c, i, cm_be) && i + 1 < t1) {
			size_t k = i + 1;
			if (k + 1 < t1 && td_tok_pos_is(c, k, "RB*"))
				k++;
			if (td_tok_pos_is(c, k, "JJ*"))
				x[F_COPADJ] = 1;
			else if (td_tok_pos_is(c, k, "DT") ||
			         td_tok_pos_is(c, k, "NN") ||
			         td_tok_pos_is(c, k, "NNS"))
				x[F_COPNOUN] = 1;
		}
	}
	x[F_PAST] = past;
	x[F_PRESENT] = present;
	x[F_PASTONLY] = past && !present && !modal;
	x[F_MODAL] = modal;
	x[F_NUM2] = nums >= 2;
	x[F_QANY] = quoted > 0;
	x[F_QMOST] = 2 * quoted > words;
	x[F_REPMOST] = 2 * reported > words;
	x[F_SAID] = sinfo && (sinfo[si] & SI_SAID);
	for (size_t i = t0; i < t1 && i < t0 + 2; i++)
		if (!td_tok_is_word(c, i) &&
		        td_actx_in_quote(
		                c, c->tok.v[i].end, c->tok.v[i].end + 1))
			x[F_OPENQ] = 1;
	double n = words ? (double)words : 1;
	x[F_SADJ] = (double)adj / n;
	x[F_SADV] = (double)adv / n;
	x[F_SPROPN] = (double)propn / n;
	x[F_SPRON] = (double)pron / n;
	x[F_SVERB] = (double)verb / n;
	x[F_FICTION] = genre_is(c, fiction);
	x[F_LEARNED] = genre_is(c, learned);
	x[F_NEWS] = genre_is(c, news);
	x[F_COMMENT] = genre_is(c, comment);
	x[F_ADDRESS] = genre_is(c, address);
	x[F_EXPERT] = genre_is(c, expert);
	x[F_OTHER] = !x[F_FICTION] && !x[F_LEARNED] && !x[F_NEWS] &&
	             !x[F_COMMENT] && !x[F_ADDRESS] && !x[F_EXPERT];
	x[F_MENT2] = sinfo && (sinfo[si] & SI_MENT2);
	x[F_PARAFIRST] = si == 0 || c->sents[si - 1].para != c->sents[si].para;
	x[F_DOCFIRST] = si == 0;
	for (size_t i = t1; i > t0; i--)
		if (td_tok_is_word(c, i - 1))
			break;
		else if (td_tok_eq(c, i - 1, "!", 0))
			x[F_EXCLAIM] = 1;
	x[F_LEN1] = words < 6;
	x[F_LEN2] = words >= 6 && words <= 12;
	x[F_LEN3] = words >= 13 && words <= 25;
	x[F_LEN5] = words > 40;
	x[F_RXFICTION] = r->claim && x[F_FICTION];
	x[F_RXLEARNED] = r->claim && x[F_LEARNED];
	x[F_RXQUOTE] = r->claim && x[F_QMOST];
	x[F_RXPAST] = r->claim && x[F_PASTONLY];
	x[F_RXPRED] = r->claim && r->pred;
	x[F_RXNEWS] = r->claim && x[F_NEWS];
	x[F_RXCOMMENT] = r->claim && x[F_COMMENT];
	x[F_RXEXPERT] = r->claim && x[F_EXPERT];
	x[F_REPPAST] = rpast && !rpresent && !rmodal;
	if (first < t1) {
		/* a wire story's dateline: "WASHINGTON, June 14 (AP) -" */
		size_t n0 = td_tok_len(c, first);
		const char *w0 = td_tok_str(c, first);
		int caps = n0 >= 3;
		for (size_t k = 0; k < n0 && caps; k++)
			caps = w0[k] >= 'A' && w0[k] <= 'Z';
		x[F_DATELINE] = caps && first + 1 < t1 &&
		                td_tok_eq(c, first + 1, ",", 0);
		const char *tg = tag_of(c, first);
		x[F_IMPER] = strcmp(tg, "VB") == 0;
		x[F_OPENPROPN] = strncmp(tg, "NNP", 3) == 0;
	}
	x[F_QCONT] = x[F_QMOST] && !x[F_OPENQ];
	x[F_SNUM] = (double)nums / n;
	x[F_LENREAL] = (words < 60 ? (double)words : 60.0) / 60.0;
	x[F_RXFICQ] = r->claim && x[F_FICTION] && x[F_QMOST];
	x[F_RXREP] = r->claim && x[F_REPMOST];
	x[F_RXSAID] = r->claim && x[F_SAID];
	x[F_RXADDRESS] = r->claim && x[F_ADDRESS];
	x[F_OPAST] = opast && !opresent && !omodal;
	x[F_OPRESENT] = opresent;
	x[F_OMODAL] = omodal;
	x[F_OSADJ] = owords ? (double)oadj / (double)owords : 0;
}

/* The dump (dump_file.c): one file for the process; each document's
 * lines are gathered in memory (td_claim_dump_begin) and written in one
 * block (td_claim_dump_end). */
static td_dump_file dump = TD_DUMP_FILE_INIT("TAGDEX_CLAIM_DUMP");

int td_claim_dump_open(const char *path)
{
	return td_dump_file_open(&dump, path);
}

int td_claim_dump_close(void)
{
	return td_dump_file_close(&dump);
}

int td_claim_dump_begin(td_claim_dump_doc *d)
{
	d->f = NULL;
	d->buf = NULL;
	d->len = 0;
	if (!dump.f)
		return 0;
	d->f = open_memstream(&d->buf, &d->len);
	return d->f ? 0 : td_error(TD_ENOMEM, "out of memory");
}

int td_claim_dump_end(td_claim_dump_doc *d, int write)
{
	if (!d->f)
		return 0;
	int rc = fclose(d->f) ? td_error(TD_ENOMEM, "out of memory") : 0;
	d->f = NULL;
	if (!rc && write)
		td_dump_file_write(&dump, d->buf, d->len);
	free(d->buf);
	d->buf = NULL;
	d->len = 0;
	return rc;
}

void td_claim_dump(FILE *f, const td_actx *c, size_t si, const double *x)
{
	const char *src = c->doc && c->doc->meta.source_name
	                          ? c->doc->meta.source_name
	                          : "-";
	fprintf(f, "%s\t%zu\t", src, si);
	for (size_t k = 0; k < TD_CLAIM_NFEAT; k++)
		fprintf(f, k ? " %.4g" : "%.4g", x[k]);
	fputc('\t', f);
	const td_sent *s = &c->sents[si];
	for (size_t b = s->start; b < s->end && b < c->doc->len; b++) {
		char ch = c->doc->text[b];
		fputc(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch, f);
	}
	fputc('\n', f);
}
