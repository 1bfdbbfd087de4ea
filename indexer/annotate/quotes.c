/* quotes.c: direct quotes (<q>) and reported speech (<said direct="false">).
 * Quote marks are paired per paragraph with a stack: curly and straight,
 * single and double; a ’ between letters, before digits ('90s) or after a
 * plural s with no open single quote is an apostrophe. A quote over several
 * sentences becomes one <q> per sentence, chained with @next/@prev.
 * Speakers come from speech verbs (speech_verbs.tsv) and actor mentions.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match.h"
#include "vec.h"

static int register_words(td_annotator *a);

int td_quotes_load(td_annotator *a, const char *dir)
{
	/* the speech verbs are lexicons.c's; the reporting verbs'
	 * lemmas reported.c's */
	if (register_words(a))
		return td_error(TD_ENOMEM, "out of memory");
	return td_reported_load(a, dir);
}

/* ------------------------------------------------------------- marks */

enum { M_NONE, M_LDQ, M_RDQ, M_LSQ, M_RSQ, M_DQ, M_SQ };

static int mark_at(const char *s, size_t i, size_t end, size_t *len)
{
	*len = 1;
	if (s[i] == '"')
		return M_DQ;
	if (s[i] == '\'')
		return M_SQ;
	if (i + 3 <= end && (unsigned char)s[i] == 0xE2 &&
	        (unsigned char)s[i + 1] == 0x80) {
		*len = 3;
		switch ((unsigned char)s[i + 2]) {
		case 0x9C:
			return M_LDQ;
		case 0x9D:
			return M_RDQ;
		case 0x98:
			return M_LSQ;
		case 0x99:
			return M_RSQ;
		}
	}
	return M_NONE;
}

static int is_alnum_at(const char *s, size_t i, size_t end)
{
	unsigned char ch;
	if (i >= end)
		return 0;
	ch = (unsigned char)s[i];
	if (ch >= 0x80)
		return ch >= 0xC3 && ch < 0xE2; /* Latin letters beyond ASCII */
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9');
}

/* the character before i is a letter or digit */
static int alnum_before(const char *s, size_t lo, size_t i)
{
	if (i <= lo)
		return 0;
	size_t k = i - 1;
	while (k > lo && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return is_alnum_at(s, k, i);
}

static int space_or_open_before(const char *s, size_t lo, size_t i)
{
	if (i <= lo)
		return 1;
	unsigned char ch = (unsigned char)s[i - 1];
	if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '(' || ch == '[')
		return 1;
	/* a dash or an opening mark before: – — “ ‘ */
	if (i >= lo + 3 && (unsigned char)s[i - 3] == 0xE2 &&
	        (unsigned char)s[i - 2] == 0x80)
		return 1;
	return ch == 0xA0;
}

typedef struct open_mark {
	int dbl;    /* double quote */
	size_t pos; /* byte after the mark */
} open_mark;

static int push_quote(td_actx *c, size_t s, size_t e)
{
	const char *t = c->doc->text;
	while (s < e && (t[s] == ' ' || t[s] == '\n' || t[s] == '\t'))
		s++;
	while (e > s &&
	        (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\t'))
		e--;
	if (s >= e)
		return 0;
	if (TD_VEC_RESERVE(c->quotes, c->n_quotes, c->cap_quotes, 16))
		return td_error(TD_ENOMEM, "out of memory");
	td_quote q = {s, e, -1, NULL, 0, -1, {NULL, NULL, NULL, {-1, 0, 0, 0}}};
	for (size_t i = 0; i < c->n_sents; i++)
		if (c->sents[i].start <= s && s < c->sents[i].end)
			q.sent = (int)i;
	if (q.sent < 0)
		return 0; /* not in a body sentence */
	c->quotes[c->n_quotes++] = q;
	return 0;
}

/* Does an opening quote mark (double when dbl) start the block at lo? */
static int opens_block(const char *s, size_t lo, size_t hi, int dbl)
{
	while (lo < hi && (s[lo] == ' ' || s[lo] == '\n' || s[lo] == '\t'))
		lo++;
	size_t ml;
	int m = lo < hi ? mark_at(s, lo, hi, &ml) : M_NONE;
	if (dbl)
		return m == M_LDQ || m == M_DQ;
	return m == M_LSQ || (m == M_SQ && is_alnum_at(s, lo + ml, hi));
}

/* Pairs the marks of text[lo, hi) (one block). A quote still open at the
 * end of the block runs to its end when the next block (from next_lo)
 * opens with the same kind of mark: the English convention for a quote
 * over paragraphs. *first gets the index of the quote opened by a mark at
 * the very start of the block, *pending that of the unclosed part (-1). */
static int scan_block(td_actx *c, size_t lo, size_t hi, size_t next_lo,
        size_t next_hi, long *first, long *pending)
{
	const char *s = c->doc->text;
	open_mark st[32];
	int n = 0, rc;
	size_t start_pos = (size_t)-1;
	*first = *pending = -1;
	for (size_t i = lo; i < hi;) {
		size_t ml;
		int m = mark_at(s, i, hi, &ml);
		if (m == M_NONE) {
			i++;
			continue;
		}
		int after_alnum = is_alnum_at(s, i + ml, hi);
		int before_alnum = alnum_before(s, lo, i);
		int opening = 0, closing = 0;
		int dbl = m == M_LDQ || m == M_RDQ || m == M_DQ;
		switch (m) {
		case M_LDQ:
		case M_LSQ:
			opening = 1;
			/* ‘90s written with the wrong mark */
			if (m == M_LSQ && i + ml + 2 < hi && s[i + ml] >= '0' &&
			        s[i + ml] <= '9' && s[i + ml + 1] >= '0' &&
			        s[i + ml + 1] <= '9' && s[i + ml + 2] == 's')
				opening = 0;
			break;
		case M_RDQ:
			closing = 1;
			break;
		case M_DQ:
			if (space_or_open_before(s, lo, i) &&
			        !(n > 0 && st[n - 1].dbl && !after_alnum))
				opening = 1;
			else
				closing = 1;
			break;
		case M_RSQ:
		case M_SQ:
			if (before_alnum && after_alnum)
				break; /* Korea’s, don’t */
			if (space_or_open_before(s, lo, i)) {
				/* ’90s, ’em: elision; a straight ' opens */
				if (m == M_SQ && after_alnum &&
				        !(s[i + 1] >= '0' && s[i + 1] <= '9'))
					opening = 1;
				break;
			}
			{
				int have_open = 0;
				for (int k = n - 1; k >= 0; k--)
					if (!st[k].dbl) {
						have_open = 1;
						break;
					}
				/* states’ with no quote open is a plural
				 * possessive */
				if (have_open)
					closing = 1;
			}
			break;
		}
		if (opening) {
			if (start_pos == (size_t)-1 && i == lo)
				start_pos = i + ml;
			if (n < 32) {
				st[n].dbl = dbl;
				st[n].pos = i + ml;
				n++;
			}
		} else if (closing) {
			int k;
			for (k = n - 1; k >= 0 && st[k].dbl != dbl; k--)
				;
			if (k >= 0) {
				size_t before = c->n_quotes;
				if ((rc = push_quote(c, st[k].pos, i)) < 0)
					return rc;
				if (st[k].pos == start_pos &&
				        c->n_quotes > before)
					*first = (long)before;
				n = k;
			}
		}
		if (start_pos == (size_t)-1)
			start_pos = 0; /* the block does not open with a mark */
		i += ml;
	}
	/* the outermost quote still open continues in the next paragraph */
	if (n > 0 && next_lo < next_hi &&
	        opens_block(s, next_lo, next_hi, st[0].dbl)) {
		size_t before = c->n_quotes;
		if ((rc = push_quote(c, st[0].pos, hi)) < 0)
			return rc;
		if (c->n_quotes > before) {
			*pending = (long)before;
			if (st[0].pos == start_pos)
				*first = (long)before;
		}
	}
	return 0;
}

int td_quotes_find(td_actx *c)
{
	int rc;
	long pending = -1;
	for (size_t i = 0; i < c->n_sents;) {
		size_t j = i;
		while (j + 1 < c->n_sents &&
		        c->sents[j + 1].para == c->sents[i].para &&
		        c->sents[i].para >= 0)
			j++;
		size_t nlo = 0, nhi = 0;
		if (j + 1 < c->n_sents) {
			size_t k = j + 1;
			while (k + 1 < c->n_sents &&
			        c->sents[k + 1].para == c->sents[j + 1].para &&
			        c->sents[k + 1].para >= 0)
				k++;
			nlo = c->sents[j + 1].start;
			nhi = c->sents[k].end;
		}
		long first, pend;
		if ((rc = scan_block(c, c->sents[i].start, c->sents[j].end, nlo,
		             nhi, &first, &pend)) < 0)
			return rc;
		if (pending >= 0 && first >= 0)
			c->quotes[pending].next_part = (int)first;
		pending = pend;
		i = j + 1;
	}
	return 0;
}

/* -------------------------------------------------------- attribution */

static int tok_in_quote(const td_actx *c, size_t t)
{
	return td_actx_in_quote(c, c->tok.v[t].start, c->tok.v[t].end);
}

/* The mention whose first token is at t, or NULL. */
static const td_mention *ment_at(const td_actx *c, size_t t)
{
	for (size_t k = 0; k < c->n_ments; k++)
		if (c->ments[k].t0 <= t && t < c->ments[k].t1)
			return &c->ments[k];
	return NULL;
}

/* Subject pronouns that open a reported clause after a described
 * addressee ("told the jury panel he had heard"). */
static const char *const clause_pronouns[] = {
        "he", "she", "they", "it", "we", "I", NULL};
/* Words that show a finite_words clause has begun (its verb or auxiliary). */
static const char *const finite_words[] = {"is", "was", "were", "are", "had",
        "has", "have", "would", "will", "could", "can", "cannot", "must",
        "should", "may", "might", "did", "does", "do", "remains", "remained",
        "won't", "wouldn't", "isn't", "wasn't", NULL};
static const char *const clause_openers[] = {"it", "he", "she", "they", "we",
        "there", "the", "a", "an", "its", "his", "her", "their", "this",
        "these", "those", "any", "no", "all", "both", "such", NULL};
/* adverbs that may close a reporting clause ('said yesterday') */
static const char *const time_adverbs[] = {"yesterday", "today", "again", NULL};
static const char *const adverbial_openers[] = {"on", "in", "at", "last",
        "this", "earlier", "yesterday", "again", "repeatedly", "publicly",
        "privately", "recently", "today", "also", "firmly", "once", "later",
        "afterward", "afterwards", NULL};
static const char *const passive_aux[] = {
        "is", "was", "be", "been", "being", "are", "were", NULL};

static const char *const clause_preps[] = {"on", "in", "at", "before", "after",
        "with", "for", "from", "by", "to", "of", "that", "and", "or", "against",
        "about", "over", "under", "into", "during", "amid", "as", "than", "but",
        "if", "who", "which", "not", NULL};

static int end_punct(const td_actx *c, size_t k)
{
	return td_tok_eq(c, k, ".", 0) || td_tok_eq(c, k, "!", 0) ||
	       td_tok_eq(c, k, "?", 0) || td_tok_eq(c, k, ";", 0) ||
	       td_tok_eq(c, k, ":", 0);
}

static int is_open_mark(const td_actx *c, size_t k)
{
	return td_tok_eq(c, k, "\xe2\x80\x9c", 0) ||
	       td_tok_eq(c, k, "\xe2\x80\x98", 0) || td_tok_eq(c, k, "\"", 0) ||
	       td_tok_eq(c, k, "'", 0);
}

static const char *const contracted_aux[] = {
        "'s", "'re", "'ll", "'d", "'ve", "'m", NULL};
static const char *const link_verbs[] = {"is", "was", "are", "were", "'s",
        "'re", "am", "'m", "be", "been", "become", "became", "feel", "feels",
        "felt", "remain", "remains", "remained", NULL};
static const char *const impersonal_subjects[] = {
        "it", "there", "this", "that", "which", "what", NULL};
/* Quantifiers before a plural noun subject ("Many analysts say"). */
static const char *const subj_quantifiers[] = {
        "many", "some", "several", "most", "other", "few", NULL};
static const char *const number_words[] = {"two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
        "thousands", NULL};

/* Titles that show a person's gender ("Mrs. Hengesbach", "Mr Kim"). */
static const char *const male_titles[] = {"Mr", "Mr.", "King", "Prince", "Lord",
        "Sir", "Msgr.", "Cardinal", "Pope", "Father", "Brother", "chairman",
        "spokesman", "Emir", "Sheikh", NULL};
static const char *const female_titles[] = {"Mrs", "Mrs.", "Miss", "Ms", "Ms.",
        "Mme.", "Queen", "Princess", "Lady", "Dame", "Sister", "chairwoman",
        "spokeswoman", NULL};
/* Nouns of a person who speaks for a body ("a spokesman for the
 * Chamber", "one official of the Service"). */
static const char *const role_nouns[] = {"spokesman", "spokeswoman",
        "spokesperson", "official", "officials", "member", "members", "aide",
        "aides", "representative", "representatives", "officer", "officers",
        "source", "sources", "diplomat", "diplomats", "executive", "executives",
        "employee", "employees", "delegate", "delegates", NULL};
/* Determiners of an indefinite description ("a taxi driver", "one
 * official"): a speaker that the text does not name. */
static const char *const he_she[] = {"he", "she", NULL};
/* "quoted Jensen as saying": verbs whose object is the speaker */
static const char *const quoting_verbs[] = {
        "quoted", "quotes", "quoting", NULL};
static const char *const him_her[] = {"him", "her", NULL};
/* Words before a title that keep it a title ("the late Secretary of
 * State"). */
static const char *const title_adjs[] = {"late", "former", "then", NULL};
static const char *const indef_dets[] = {"a", "an", "one", "another", NULL};
/* Words that may stand between a subject and its speech verb. */
static const char *const pre_verb_adverbs[] = {"also", "later", "then", "today",
        "yesterday", "has", "had", "have", "once", "again", "further",
        "further", "repeatedly", "earlier", "had", NULL};
/* Before a name in subject position: the start of a clause. */
static const char *const clause_heads[] = {",", ";", "and", "but", "that",
        "when", "while", "as", "after", "before", "because", "\xe2\x80\x9c",
        "\"", "(", "\xe2\x80\x93", NULL};

static int is_speech(const td_actx *c, size_t t, size_t lim)
{
	long m = td_speech_match(c, t, lim);
	return m >= 0 && (c->a->speech_pats.v[m].type == TD_SV_SPEECH ||
	                         c->a->speech_pats.v[m].type == TD_SV_TAG);
}

/* The gender of actor key as titles before its mentions up to token t
 * show it: 'm', 'f' or 0; without a title, as its given name shows it
 * (given_names.tsv column 2: "Anna Kessler", "Letitia Baldrige" are
 * women, "Joseph E. Harvey" a man; Jean, Leslie, Kim are either). */
static int key_gender(const td_actx *c, const char *key, size_t t)
{
	int given = 0;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || m->t0 >= t || strcmp(m->key, key))
			continue;
		if (!given && m->kind && strcmp(m->kind, "person") == 0) {
			long g = td_patset_match(
			        &c->a->given_pats, c, m->t0, m->t0 + 1);
			if (g >= 0)
				given = c->a->given_pats.v[g].type;
		}
		if (m->t0 == 0)
			continue;
		/* "Mrs." is two tokens */
		size_t tt = m->t0 - 1;
		if (tt > 0 && td_tok_eq(c, tt, ".", 0))
			tt--;
		if (td_tok_in(c, tt, male_titles, 0))
			return 'm';
		if (td_tok_in(c, tt, female_titles, 0))
			return 'f';
	}
	return given;
}

/* 1 if a title of the lexicon covers exactly the tokens [a, b). */
static int title_exactly(const td_actx *c, size_t a, size_t b)
{
	long tm = td_patset_match(&c->a->title_pats, c, a, b);
	return tm >= 0 && (size_t)c->a->title_pats.v[tm].n == b - a;
}

/* After the name of an inverted tag ("said Gore", "said Captain
 * Bildad"), at token k: the tag ends there (no word), or goes on with a
 * phrase of manner ("in his hollow voice", "with a grin", "sternly"), not
 * a verb of a reported clause ("insisted Field be continued"). */
static int inverted_tail(const td_actx *c, size_t k)
{
	if (!td_tok_is_word(c, k))
		return 1;
	size_t n = td_tok_len(c, k);
	return td_tok_is_lower(c, k) &&
	       ((td_tok_pos_is(c, k, "IN") && !td_tok_eq(c, k, "that", 0)) ||
	               (td_tok_pos_is(c, k, "RB") && n > 3 &&
	                       memcmp(td_tok_str(c, k) + n - 2, "ly", 2) == 0));
}

/* Is mention m in subject position: at the start of its clause (perhaps
 * after a title or "the") and followed by a verb or an appositive, or
 * right after a speech verb ("said Gore")? */
static int subject_position(const td_actx *c, const td_mention *m)
{
	size_t s0 = c->sents[m->sent].t0, s1 = c->sents[m->sent].t1;
	size_t b = m->t0;
	if (m->t1 >= s1 || td_tok_eq(c, m->t1, "'s", 1))
		return 0;
	/* "said Gore." is the speaker; "insisted Field be continued" the
	 * subject of the reported clause */
	if (b > s0 && is_speech(c, b - 1, m->t0))
		return inverted_tail(c, m->t1);
	/* "It was Tom Reilly, of course, with his hair slicked down", "It
	 * was Elijah.": the one a presentational "it was" brings on stage
	 * is the topic a later "he" continues (session 19) */
	if (b >= s0 + 2 && td_tok_eq(c, b - 1, "was", 0) &&
	        td_tok_eq(c, b - 2, "it", 1) &&
	        (b - 2 == s0 || td_tok_in(c, b - 3, clause_heads, 1)) &&
	        (m->t1 == s1 || td_tok_eq(c, m->t1, ",", 0) ||
	                end_punct(c, m->t1)))
		return 1;
	/* the agent of a passive ("was announced by the navy's adviser,
	 * Capt. George Symonds") is the logical subject */
	for (size_t k = b; k-- > s0 && b - k <= 16;) {
		if (td_tok_eq(c, k, "by", 0)) {
			size_t p = k > s0 ? k - 1 : k;
			size_t n = td_tok_len(c, p);
			const char *w = td_tok_str(c, p);
			if (p > s0 && n > 4 && w[n - 2] == 'l' &&
			        w[n - 1] == 'y') {
				p--; /* "announced grimly by" */
				n = td_tok_len(c, p);
				w = td_tok_str(c, p);
			}
			if (p < k && n > 3 && td_tok_is_lower(c, p) &&
			        w[n - 2] == 'e' && w[n - 1] == 'd')
				return 1;
			break;
		}
		if (td_tok_any(c, k, finite_words))
			break;
	}
	/* a title of several words with "of" before the name, perhaps
	 * after "late" or "former" ("The late Secretary of State John
	 * Foster Dulles considered") */
	for (size_t n = 3; n <= 4 && n <= b - s0; n++) {
		if (!title_exactly(c, b - n, b) || !td_tok_is_cap(c, b - n))
			continue;
		b -= n;
		if (b > s0 && td_tok_in(c, b - 1, title_adjs, 1))
			b--;
		break;
	}
	/* a title before the name (Assistant Prosecutor, Sen., Mrs.) */
	for (int n = 0; n < 5 && b > s0 &&
	                ((td_tok_is_cap(c, b - 1) && !ment_at(c, b - 1)) ||
	                        (b - 1 > s0 && td_tok_eq(c, b - 1, ".", 0) &&
	                                td_tok_is_cap(c, b - 2)));
	        n++)
		b--;
	/* "said Captain Bildad in his hollow voice": the title's speaker
	 * (session 18) */
	if (b < m->t0 && b > s0 && is_speech(c, b - 1, m->t0))
		return inverted_tail(c, m->t1);
	/* a role with its qualifier before the name ("E.G.T. partner Dean
	 * Guerin", "the company's president John Smith") */
	for (size_t n = 1; n <= 3 && n <= b - s0; n++) {
		if (!title_exactly(c, b - n, b) || !td_tok_is_lower(c, b - n))
			continue;
		b -= n;
		for (int q = 0;
		        q < 4 && b > s0 &&
		        (td_tok_is_cap(c, b - 1) ||
		                td_tok_eq(c, b - 1, "'s", 1) ||
		                (td_tok_eq(c, b - 1, ".", 0) && b - 1 > s0 &&
		                        td_tok_is_cap(c, b - 2)));
		        q++)
			b--;
		break;
	}
	/* an organisation or state before the title names whose title it
	 * is ("Boston Red Sox Outfielder Jackie Jensen said") */
	if (b < m->t0 && b > s0) {
		const td_mention *o = ment_at(c, b - 1);
		if (o && o->t1 == b && o->kind && strcmp(o->kind, "person") &&
		        o->t0 >= s0)
			b = o->t0;
	}
	if (b > s0 && td_tok_eq(c, b - 1, "the", 1))
		b--;
	/* ", for Captain Peleg was now all alive": "for" after a comma
	 * opens a clause when a finite verb follows the name (session 18) */
	int for_clause = b > s0 + 1 && td_tok_eq(c, b - 1, "for", 0) &&
	                 td_tok_eq(c, b - 2, ",", 0) && m->t1 < s1 &&
	                 (td_tok_pos_is(c, m->t1, "VBD") ||
	                         td_tok_pos_is(c, m->t1, "VBZ") ||
	                         td_tok_pos_is(c, m->t1, "MD"));
	if (b > s0 && !td_tok_in(c, b - 1, clause_heads, 1) && !for_clause)
		return 0;
	size_t a = m->t1;
	/* a parenthesis right after the name, the press's party and state
	 * or age ("Sen. Barry Goldwater (R-Ariz.) said", "John Smith (44)
	 * said"): the name's, skipped */
	if (td_tok_eq(c, a, "(", 0)) {
		size_t k = a + 1;
		while (k < s1 && k <= a + 8 && !td_tok_eq(c, k, ")", 0) &&
		        !td_tok_eq(c, k, "(", 0))
			k++;
		if (k < s1 && td_tok_eq(c, k, ")", 0))
			a = k + 1;
	}
	/* "Kaja Lind of Estonia put it": of + a proper name, perhaps
	 * after "the" ("Lieutenant Harry Kessler of the Los Angeles Police
	 * Department was standing", session 19) */
	if (td_tok_eq(c, a, "of", 0) && a + 2 < s1 &&
	        td_tok_eq(c, a + 1, "the", 0) && td_tok_is_cap(c, a + 2))
		a++;
	if (td_tok_eq(c, a, "of", 0) && a + 1 < s1 && td_tok_is_cap(c, a + 1)) {
		a++;
		for (int n = 0; n < 5 && a < s1 && td_tok_is_cap(c, a); n++)
			a++;
	}
	/* "who testified after Goldberg, said": "after"/"before" with a
	 * name and no verb after it is a preposition, not a clause's head */
	if (td_tok_eq(c, a, ",", 0))
		return !(b > s0 && (td_tok_eq(c, b - 1, "after", 1) ||
		                           td_tok_eq(c, b - 1, "before", 1)));
	return td_tok_is_lower(c, a) && !td_tok_any(c, a, clause_preps) &&
	       !td_tok_eq(c, a, "and", 1) && !td_tok_eq(c, a, "or", 1);
}

static size_t description_subject(const td_actx *c, size_t t0, size_t v);
static const char *title_alone(const td_actx *c, size_t k, size_t e);

/* The speaker of the latest quotation before token t, from sentence smin
 * on, whose gender a title or a given name shows to be g: in dialogue the
 * name is given once and the turns go on by pronouns ("“Mr. Cordell,” she
 * said." ... "“My father is dead,” she whispered"), so the last woman who
 * spoke is the "she" of a later tag when no woman is named nearer. NULL
 * when there is none. */
static const char *last_speaker_of(const td_actx *c, int g, int smin, size_t t)
{
	const td_quote *best = NULL;
	for (size_t q = 0; q < c->n_quotes; q++) {
		const td_quote *qq = &c->quotes[q];
		if (!qq->who || qq->sent < smin ||
		        qq->start >= c->tok.v[t].start ||
		        (best && qq->start <= best->start))
			continue;
		if (key_gender(c, qq->who, t) == g)
			best = qq;
	}
	return best ? best->who : NULL;
}

/* The latest person before token t, anywhere earlier in the document, in
 * subject position outside quotations, whose gender a title or a given
 * name shows to be g, named at least twice before t: the person a profile
 * is about ("Miss Garson" six paragraphs up, then "..., she reminisces").
 * NULL when there is none. */
static const char *person_of_gender(const td_actx *c, int g, size_t t)
{
	const td_mention *best = NULL;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->t0 >= t || (best && m->t0 <= best->t0) || m->pronoun ||
		        !m->key || m->located || !m->kind ||
		        strcmp(m->kind, "person") || tok_in_quote(c, m->t0) ||
		        !subject_position(c, m) ||
		        key_gender(c, m->key, t) != g)
			continue;
		best = m;
	}
	if (!best)
		return NULL;
	/* named more than once before: someone the text is about, not a
	 * passing name ("Mr. John Brown spoke." five paragraphs up) */
	int n = 0;
	for (size_t k = 0; k < c->n_ments; k++)
		if (c->ments[k].t0 < t && !c->ments[k].pronoun &&
		        c->ments[k].key &&
		        strcmp(c->ments[k].key, best->key) == 0)
			n++;
	return n >= 2 ? best->key : NULL;
}

static const char *const subordinators[] = {"although", "though", "while",
        "whilst", "if", "because", "since", "as", "even", "when", "despite",
        "whereas", "unless", NULL};

/* Is mention m the object of a preposition right before it ("pointing it
 * towards Starbuck")? Not after a subordinator or a clause head, which
 * the tagger also tags IN ("whereas Donnelly (1959) reported", "as
 * Starbuck disappeared"), nor after "by" (a passive's agent speaks). */
static int object_of_preposition(const td_actx *c, const td_mention *m)
{
	size_t p = m->t0 - 1;
	return td_tok_is_lower(c, p) &&
	       (td_tok_pos_is(c, p, "IN") || td_tok_pos_is(c, p, "TO")) &&
	       !td_tok_eq(c, p, "by", 1) && !td_tok_any(c, p, subordinators) &&
	       !td_tok_in(c, p, clause_heads, 1);
}

/* The author of a work named in the sentence before token t's by "by"
 * ("an article in the Times, by Mr. Eric Johnston, entitled ...", "a
 * study by Smith"): the person of "he"/"she" when no person in subject
 * position is near, gender g agreeing where known. NULL when none. */
static const char *by_author(const td_actx *c, int g, size_t t)
{
	int si = c->tok_sent[t];
	const td_mention *best = NULL;
	if (si < 1)
		return NULL;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->sent != si - 1 || (best && m->t0 <= best->t0) ||
		        m->pronoun || !m->key || m->located || !m->kind ||
		        strcmp(m->kind, "person") || tok_in_quote(c, m->t0))
			continue;
		/* "by" before the name, perhaps a title between ("by Mr.
		 * Eric Johnston", "by Dr. Hale") */
		size_t p = m->t0, s0 = c->sents[m->sent].t0;
		for (int n = 0; n < 2 && p > s0 &&
		                (td_tok_eq(c, p - 1, ".", 0) ||
		                        td_tok_is_cap(c, p - 1));
		        n++)
			p--;
		if (p <= s0 || !td_tok_eq(c, p - 1, "by", 0))
			continue;
		int mg = key_gender(c, m->key, t);
		if (mg && mg != g)
			continue;
		best = m;
	}
	return best ? best->key : NULL;
}

/* "he"/"she" at token t: the most recent named person in subject position
 * (outside quotes, in this paragraph or the three before) whose gender,
 * where a title shows it, agrees; NULL when there is none or when a
 * speaker given only by description ("a taxi driver said") came after
 * that person. */
/* Does a past perfect start at token k ("had killed", "had never
 * known"): "had", perhaps an adverb, then a participle (VBN)? */
static int pluperfect_after(const td_actx *c, size_t k)
{
	if (k >= c->tok.n || !td_tok_eq(c, k, "had", 1))
		return 0;
	k++;
	while (k < c->tok.n && td_tok_pos_is(c, k, "RB"))
		k++;
	return k < c->tok.n && td_tok_pos_is(c, k, "VBN");
}

/* Nouns of persons described, not named, in fiction ("The kid lifted
 * his head"), by the pronoun they take: 'm', 'f' or 0 for either. */
static const char *const described_m[] = {"man", "boy", "lad", "fellow",
        "cowboy", "gunman", "youngster", "oldster", "old-timer", NULL};
static const char *const described_f[] = {"woman", "girl", "lady", NULL};
static const char *const described_any[] = {"kid", "stranger", "rider",
        "newcomer", "driver", "clerk", "storekeeper", "bartender", "prisoner",
        "child", NULL};

/* Does the sentence [t, t1) open, outside quotation marks, with "The" or
 * "A" and at least two tokens more: the opening of described_subject
 * and described_acting, which then read the lowercase words after it. */
static int opens_with_article(const td_actx *c, size_t t, size_t t1)
{
	return t + 2 < t1 && !tok_in_quote(c, t) &&
	       (td_tok_eq(c, t, "the", 1) || td_tok_eq(c, t, "a", 1));
}

/* Does sentence si open with a person by description as its subject:
 * "The" (or "A"), at most two lowercase words, a noun of described_*
 * that fits the pronoun's gender g, then a verb or an adverb ("The kid
 * lifted his head", "The old man spat")? */
static int described_subject(const td_actx *c, size_t si, int g)
{
	size_t t = c->sents[si].t0, t1 = c->sents[si].t1;
	if (!opens_with_article(c, t, t1))
		return 0;
	for (size_t k = t + 1; k < t + 4 && k + 1 < t1; k++) {
		if (!td_tok_is_lower(c, k) || !td_tok_is_word(c, k))
			return 0;
		int fit = td_tok_in(c, k, described_any, 0) ||
		          (g == 'm' && td_tok_in(c, k, described_m, 0)) ||
		          (g == 'f' && td_tok_in(c, k, described_f, 0));
		if (fit)
			return td_tok_pos_is(c, k + 1, "VB*") ||
			       td_tok_pos_is(c, k + 1, "RB");
	}
	return 0;
}

/* Does sentence si, narration, open with "A"/"An", one to three words
 * that no mention holds and "who" ("An old Mexican who had come up the
 * creek stood at the edge of the firelight.", "A tall man who ...")?
 * Someone new, whom no key names, is brought on: the "he" of a tag after
 * it is likelier his than the person named before (session 18). */
static int newcomer_who(const td_actx *c, size_t si)
{
	size_t t = c->sents[si].t0, t1 = c->sents[si].t1;
	if (t + 2 >= t1 || tok_in_quote(c, t) ||
	        !(td_tok_eq(c, t, "a", 1) || td_tok_eq(c, t, "an", 1)))
		return 0;
	for (size_t k = t + 1; k < t + 5 && k < t1; k++) {
		if (td_tok_eq(c, k, "who", 0))
			return k > t + 1;
		if (!td_tok_is_word(c, k) || ment_at(c, k) ||
		        tok_in_quote(c, k))
			return 0;
	}
	return 0;
}

/* Does a clause of sentence si, narration, have for its subject a person
 * described by a possessive and a noun for a person (person_words.tsv)
 * before a finite verb: opening the sentence or after a comma, perhaps
 * with "but"/"and" ("Ruth laughed, but her father did not.", "His
 * brother stood up.")? That person, whom no key names, may be the "he"
 * of the tag after it (session 18). */
static int kin_subject(const td_actx *c, size_t si)
{
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	for (size_t k = t0; k + 2 < t1; k++) {
		if (tok_in_quote(c, k) || !(td_tok_eq(c, k, "his", 1) ||
		                                  td_tok_eq(c, k, "her", 1) ||
		                                  td_tok_eq(c, k, "their", 1)))
			continue;
		size_t p = k;
		if (p > t0 && (td_tok_eq(c, p - 1, "but", 0) ||
		                      td_tok_eq(c, p - 1, "and", 0)))
			p--;
		if (p != t0 && !td_tok_eq(c, p - 1, ",", 0))
			continue;
		long m = td_patset_match(&c->a->person_pats, c, k + 1, k + 2);
		if (m < 0 || c->a->person_pats.v[m].type != 'n')
			continue;
		if (td_tok_pos_is(c, k + 2, "VBD") ||
		        td_tok_pos_is(c, k + 2, "VBZ") ||
		        td_tok_pos_is(c, k + 2, "MD"))
			return 1;
	}
	return 0;
}

/* Session 18: the person a description is bound to by a name where the
 * narration brings him on, at the noun x ("The kid they called Tejano
 * sat", "a thin old man named Amos", "a lean gunman the papers called
 * the Durango Kid"): "named" or "known as", or "called" after one to
 * four lowercase words of its subject (perhaps after "whom"/"that"), then
 * a person's mention, perhaps after "the". Its key, or NULL. */
/* The noun x in apposition to a name: perhaps a prepositional phrase of
 * up to six lowercase words after it, a comma, then a mention closed by
 * a comma ("The old man at the end of the bar, Pop Henshaw, who had
 * raised Lafe Tolbert"; session 19), x a noun for a person
 * (person_words.tsv). The mention's first token, or 0. */
static size_t appositive_name(const td_actx *c, size_t x, size_t t1)
{
	/* a noun for a person ("the trial of ..., Harold Brill," binds
	 * nothing) */
	long pw = td_patset_match(&c->a->person_pats, c, x, x + 1);
	if (pw < 0 || c->a->person_pats.v[pw].type != 'n')
		return 0;
	size_t k = x + 1;
	if (k < t1 && td_tok_is_lower(c, k) && td_tok_pos_is(c, k, "IN")) {
		size_t j = k + 1;
		while (j < t1 && j - k <= 6 && td_tok_is_lower(c, j) &&
		        td_tok_is_word(c, j))
			j++;
		k = j;
	}
	if (k + 1 >= t1 || !td_tok_eq(c, k, ",", 0))
		return 0;
	const td_mention *m = ment_at(c, k + 1);
	if (!m || m->t0 != k + 1 || m->t1 >= t1 || !td_tok_eq(c, m->t1, ",", 0))
		return 0;
	return k + 1;
}

static const char *binding_at(const td_actx *c, size_t x)
{
	int si = c->tok_sent[x];
	if (si < 0)
		return NULL;
	size_t t1 = c->sents[si].t1, k = x + 1;
	if (k + 1 >= t1)
		return NULL;
	size_t ap = appositive_name(c, x, t1);
	if (ap)
		k = ap;
	else if (td_tok_eq(c, k, "named", 0))
		k++;
	else if (td_tok_eq(c, k, "known", 0) && td_tok_eq(c, k + 1, "as", 0))
		k += 2;
	else {
		if (td_tok_eq(c, k, "whom", 0) || td_tok_eq(c, k, "that", 0))
			k++;
		size_t j = k;
		while (j < t1 && j - k < 4 && td_tok_is_lower(c, j) &&
		        td_tok_is_word(c, j) && !td_tok_eq(c, j, "called", 0))
			j++;
		if (j == k || j >= t1 || !td_tok_eq(c, j, "called", 0))
			return NULL;
		k = j + 1;
		if (k < t1 && td_tok_eq(c, k, "the", 0))
			k++;
	}
	const td_mention *m = k < t1 ? ment_at(c, k) : NULL;
	if (!m || m->t0 != k || m->pronoun || !m->key || m->located ||
	        !m->kind || strcmp(m->kind, "person") || tok_in_quote(c, k))
		return NULL;
	/* the noun's determiner, perhaps over adjectives and commas ("A
	 * lean, dark rider") */
	for (size_t j = x; j-- > c->sents[si].t0 && x - j <= 4;) {
		if (td_tok_eq(c, j, "the", 1) || td_tok_in(c, j, indef_dets, 1))
			return m->key;
		if (!(td_tok_is_lower(c, j) && td_tok_is_word(c, j)) &&
		        !td_tok_eq(c, j, ",", 0))
			return NULL;
	}
	return NULL;
}

/* "the kid" at the noun k: the person the nearest binding of that noun
 * before it names (binding_at, up to 3000 tokens back), unless a newcomer
 * of that noun ("a kid", "another kid") came after it. NULL otherwise. */
static const char *bound_word(const td_actx *c, size_t k);

static const char *bound_noun(const td_actx *c, size_t k)
{
	return td_tok_pos_is(c, k, "NN") ? bound_word(c, k) : NULL;
}

/* bound_noun whatever the part of speech of the word at k (a vocative
 * inside a quotation, where the tagger reads "drummer" as anything). */
static const char *bound_word(const td_actx *c, size_t k)
{
	if (!td_tok_is_lower(c, k) || !td_tok_is_word(c, k))
		return NULL;
	size_t n = td_tok_len(c, k), lo = k > 3000 ? k - 3000 : 0;
	for (size_t x = k; x-- > lo + 1;) {
		if (td_tok_len(c, x) != n ||
		        strncasecmp(td_tok_str(c, x), td_tok_str(c, k), n) ||
		        tok_in_quote(c, x))
			continue;
		const char *w = binding_at(c, x);
		if (w)
			return w;
		if (td_tok_in(c, x - 1, indef_dets, 1) ||
		        (x >= 2 && td_tok_is_lower(c, x - 1) &&
		                td_tok_in(c, x - 2, indef_dets, 1)))
			return NULL;
	}
	return NULL;
}

/* "the" at d, one or two lowercase adjectives and a noun bound to a name
 * (bound_noun) ending at e ("the old man said"), or, when tail, ending
 * before e or a token not a word ("said the old man."): that person's
 * key, else NULL (session 19). */
static const char *bound_over_adjs(
        const td_actx *c, size_t d, size_t e, int tail)
{
	for (size_t n = 1; n <= 2; n++) {
		size_t x = d + 1 + n;
		if (x >= e || !td_tok_is_lower(c, d + n) ||
		        !td_tok_pos_is(c, d + n, "JJ"))
			return NULL;
		if (tail ? (x + 1 == e || !td_tok_is_word(c, x + 1))
		         : x + 1 == e)
			return bound_noun(c, x);
	}
	return NULL;
}

/* Does sentence si open, outside quotations, with "The", at most two
 * lowercase words and a noun bound to a name (bound_noun), then a verb
 * or an adverb ("The kid shook his head.")? That person's key whose
 * gender, where known, is not other than g (0: either), else NULL. */
static const char *described_bound(const td_actx *c, size_t si, int g)
{
	size_t t = c->sents[si].t0, t1 = c->sents[si].t1;
	if (!opens_with_article(c, t, t1) || !td_tok_eq(c, t, "the", 1))
		return NULL;
	for (size_t k = t + 1; k < t + 4 && k + 1 < t1; k++) {
		if (!td_tok_is_lower(c, k) || !td_tok_is_word(c, k))
			return NULL;
		if (!td_tok_pos_is(c, k + 1, "VB*") &&
		        !td_tok_pos_is(c, k + 1, "RB"))
			continue;
		const char *w = bound_noun(c, k);
		if (!w)
			continue;
		int mg = g ? key_gender(c, w, t) : 0;
		return mg && mg != g ? NULL : w;
	}
	return NULL;
}

/* A test on a candidate m of person_before, against the reference
 * mention ref it must come before. */
typedef int (*person_test)(
        const td_actx *c, const td_mention *m, const td_mention *ref);

/* The latest named person before mention ref, outside quotations, whose
 * gender (where a title or given name shows it) agrees with g at token t
 * and that passes ok; NULL when none. The walker of the pronoun's
 * second looks (main clause, stage subject). */
static const td_mention *person_before(const td_actx *c, const td_mention *ref,
        size_t t, int g, person_test ok)
{
	const td_mention *got = NULL;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->t0 >= ref->t0 || (got && m->t0 <= got->t0) ||
		        m->pronoun || !m->key || m->located || !m->kind ||
		        strcmp(m->kind, "person") || tok_in_quote(c, m->t0) ||
		        !ok(c, m, ref))
			continue;
		int mg = key_gender(c, m->key, t);
		if (mg && mg != g)
			continue;
		got = m;
	}
	return got;
}

/* m is the subject of the main clause of ref's sentence (not under a
 * subordinator): "murmured Ahab, as Starbuck disappeared" -> Ahab. */
static int main_clause_subject(
        const td_actx *c, const td_mention *m, const td_mention *ref)
{
	return m->sent == ref->sent &&
	       !(m->t0 > c->sents[m->sent].t0 &&
	               td_tok_any(c, m->t0 - 1, subordinators)) &&
	       subject_position(c, m);
}

/* m is a subject of the simple past in ref's paragraph, not itself a
 * past perfect's: the person on stage before a backstory. */
static int stage_subject(
        const td_actx *c, const td_mention *m, const td_mention *ref)
{
	return c->sents[m->sent].para == c->sents[ref->sent].para &&
	       m->t1 < c->tok.n && td_tok_pos_is(c, m->t1, "VBD") &&
	       !pluperfect_after(c, m->t1) && subject_position(c, m);
}

static const char *const copulas[] = {"is", "are", "was", "were", NULL};

/* Does sentence si open (perhaps after "Then"/"But"/"And") with a proper
 * name that no mention holds, acting: one to three NNP words, then a
 * verb of the past or present (VBD, VBZ) or a modal ("Keller asked.",
 * "Keller drank his coffee.")? The actor layer missed a person there
 * (a surname it does not know), and "he" of a later tag is likelier that
 * person than anyone it knows: no @who is better than a wrong one. */
static int unknown_name_acting(const td_actx *c, size_t si)
{
	size_t t = c->sents[si].t0, t1 = c->sents[si].t1;
	if (t < t1 &&
	        (td_tok_eq(c, t, "then", 1) || td_tok_eq(c, t, "but", 1) ||
	                td_tok_eq(c, t, "and", 1)))
		t++;
	if (t < t1 && td_tok_eq(c, t, ",", 0))
		t++;
	size_t k = t;
	while (k < t1 && k - t < 3 && td_tok_pos_is(c, k, "NNP") &&
	        td_tok_is_cap(c, k) && !tok_in_quote(c, k) && !ment_at(c, k))
		k++;
	if (k == t || k + 1 >= t1)
		return 0;
	/* a copula says what the name is, not what it does ("Balenciaga is
	 * her favorite designer"); as an auxiliary it acts ("was sitting") */
	if (td_tok_in(c, k, copulas, 1))
		return td_tok_pos_is(c, k + 1, "VBG") ||
		       td_tok_pos_is(c, k + 1, "VBN");
	return td_tok_pos_is(c, k, "VBD") || td_tok_pos_is(c, k, "VBZ") ||
	       td_tok_pos_is(c, k, "MD");
}

/* Does sentence si open with one to three capitalised words that no
 * mention holds, then a verb of saying before token t ("Parsons
 * maintained that", "Hughes contended that")? A surname the actor layer
 * does not know reports there; the tagger often reads a surname in -s as
 * a plural noun (NNS), so that is taken too. */
static int unknown_reporter(const td_actx *c, size_t si, size_t t)
{
	size_t t0 = c->sents[si].t0, k = t0;
	while (k < t && k - t0 < 3 && td_tok_is_cap(c, k) &&
	        (td_tok_pos_is(c, k, "NNP") || td_tok_pos_is(c, k, "NNS")) &&
	        !tok_in_quote(c, k) && !ment_at(c, k))
		k++;
	return k > t0 && k < t && is_speech(c, k, c->sents[si].t1);
}

static int quote_or_speech(const td_actx *c, size_t si);

static const char *const body_words[] = {"hand", "hands", "face", "eyes", "jaw",
        "voice", "mouth", "lips", "head", "fingers", "shoulders", "gaze",
        "smile", "arm", NULL};

/* Does sentence si, narration, open with a person named with "'s" and a
 * word of the body ("Tolliver's jaw tightened.", "Brannock's hand moved
 * toward his holster")? That person, whose beat it is, or NULL: the "he"
 * of a tag right after is his, not the subject named before. */
static const td_mention *possessive_beat(
        const td_actx *c, size_t si, int g, size_t t)
{
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	const td_mention *m = ment_at(c, t0);
	if (!m || m->t0 != t0 || m->pronoun || !m->key || m->located ||
	        !m->kind || strcmp(m->kind, "person") || m->t1 + 2 >= t1 ||
	        tok_in_quote(c, t0) || !td_tok_eq(c, m->t1, "'s", 1) ||
	        !td_tok_in(c, m->t1 + 1, body_words, 1) ||
	        !td_tok_pos_is(c, m->t1 + 2, "VBD") || quote_or_speech(c, si))
		return NULL;
	int mg = key_gender(c, m->key, t);
	return mg && mg != g ? NULL : m;
}

/* Is mention m inside a relative clause set off by a comma ("Goldberg,
 * who was a union lawyer before President Kennedy named him to the
 * Cabinet, told reporters"): ", who/whom/whose/which" before it in its
 * sentence with no comma between? Its subject is not the one a later
 * "he" continues (session 19). */
static const char *const comma_relatives[] = {
        "who", "whom", "whose", "which", NULL};
static int in_relative_at(const td_actx *c, size_t s0, size_t t)
{
	for (size_t k = t; k-- > s0 + 1;) {
		if (td_tok_eq(c, k, ",", 0) || td_tok_eq(c, k, ";", 0))
			return 0;
		if (td_tok_in(c, k, comma_relatives, 0) &&
		        td_tok_eq(c, k - 1, ",", 0))
			return 1;
	}
	return 0;
}

static int in_relative(const td_actx *c, const td_mention *m)
{
	return in_relative_at(c, c->sents[m->sent].t0, m->t0);
}

/* a referent rule's key, if the calibration (speakers.c) admits it on
 * its evidence, noted with that evidence (who_dump.c) */
static const char *pron_rule(
        const td_actx *c, const char *rule, const char *key, int g, size_t t)
{
	if (key) {
		td_who_evidence ev;
		td_speakers_evidence(c, key, g, t, &ev);
		if (!td_speakers_admit(rule, &ev))
			return NULL;
		td_who_note_evidence(&ev);
	}
	return td_who_note(TD_WHO_PRON, rule, key);
}
#define PRON(rule, key) pron_rule(c, rule, key, g, t)
static const char *resolve_pronoun(const td_actx *c, size_t t)
{
	td_who_clear(TD_WHO_PRON);
	int g = td_tok_eq(c, t, "she", 1) || td_tok_eq(c, t, "her", 1) ? 'f'
	                                                               : 'm';
	int si = c->tok_sent[t];
	if (si < 0)
		return NULL;
	/* the first sentence of the paragraph three before this one */
	int smin = si, breaks = 0;
	while (smin > 0 && breaks <= 3) {
		if (c->sents[smin - 1].para != c->sents[smin].para &&
		        ++breaks > 3)
			break;
		smin--;
	}
	const td_mention *best = NULL;
	/* mentions are not stored in text order: the nearest one wins */
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->t0 >= t || (best && m->t0 <= best->t0) || m->pronoun ||
		        !m->key || m->located || !m->kind ||
		        strcmp(m->kind, "person") || tok_in_quote(c, m->t0))
			continue;
		if (m->sent < smin)
			continue;
		if (!subject_position(c, m))
			continue;
		int mg = key_gender(c, m->key, t);
		if (mg && mg != g)
			continue;
		best = m;
	}
	/* "the President clearly was playing ...; he declared": "the" and
	 * a capitalised title opening a clause, followed by a lowercase
	 * word, after that person: the person last named with the title */
	size_t lo = best ? best->t1 : c->sents[smin].t0;
	for (size_t k = t; k-- > lo + 1;) {
		if (!td_tok_eq(c, k - 1, "the", 1) || !td_tok_is_cap(c, k) ||
		        tok_in_quote(c, k) || ment_at(c, k))
			continue;
		long tm = td_patset_match(&c->a->title_pats, c, k, t);
		if (tm < 0)
			continue;
		size_t e = k + (size_t)c->a->title_pats.v[tm].n;
		int s = c->tok_sent[k - 1];
		/* subject: a verb, modal or adverb after it; no verb or
		 * preposition before it */
		if (e >= t || s < 0 ||
		        !(td_tok_pos_is(c, e, "VB*") ||
		                td_tok_pos_is(c, e, "MD") ||
		                td_tok_pos_is(c, e, "RB")) ||
		        (k - 1 > c->sents[s].t0 &&
		                (td_tok_pos_is(c, k - 2, "VB*") ||
		                        td_tok_pos_is(c, k - 2, "IN") ||
		                        td_tok_pos_is(c, k - 2, "TO"))))
			continue;
		/* nor inside a relative clause set off by a comma, as a name
		 * there ranks below the main clause's subject (in_relative):
		 * "Sargent Shriver, whom the President has named to direct
		 * the corps, appears to understand this. He has said that"
		 * (session 20) */
		if (in_relative_at(c, c->sents[s].t0, k - 1))
			continue;
		const char *w = title_alone(c, k, e);
		int wg = w ? key_gender(c, w, t) : 0;
		if (w && (!wg || wg == g))
			return PRON("pron-title", w);
		break;
	}
	/* the subject of a clause under a subordinator ("murmured Ahab, as
	 * Starbuck disappeared. ... he said") ranks below the main clause's
	 * subject of the same sentence */
	if (best && best->t0 > c->sents[best->sent].t0 &&
	        (td_tok_any(c, best->t0 - 1, subordinators) ||
	                in_relative(c, best))) {
		const td_mention *main =
		        person_before(c, best, t, g, main_clause_subject);
		if (main)
			best = main;
	}
	/* a person by description acting between the candidate (or the
	 * window's start) and the pronoun ("The kid lifted his head at
	 * that. “...,” he said"): the pronoun is the described one's, whom
	 * no key names; so does an unknown name reporting at the start of
	 * the pronoun's own sentence when "and he" coordinates a clause with
	 * it ("Parsons maintained that ..., and he warned that ...") */
	/* one bound to a name where the narration brought him on ("The
	 * kid they called Tejano"): that person (session 18) */
	const char *bound = NULL;
	for (int s = best ? best->sent + 1 : smin; s <= si; s++) {
		const char *bw = described_bound(c, (size_t)s, g);
		if (bw) {
			bound = bw;
			continue;
		}
		if (described_subject(c, (size_t)s, g) ||
		        (s < si && newcomer_who(c, (size_t)s)) ||
		        (s < si && kin_subject(c, (size_t)s)) ||
		        (s < si && unknown_name_acting(c, (size_t)s)) ||
		        (s == si && t > 0 && td_tok_eq(c, t - 1, "and", 1) &&
		                unknown_reporter(c, (size_t)s, t)))
			return NULL;
	}
	if (bound)
		return PRON("pron-bound", bound);
	/* a beat of someone's body right before ("Tolliver's jaw
	 * tightened. “...,” he said."): his, over a subject further back */
	const td_mention *pb =
	        si >= 1 ? possessive_beat(c, (size_t)si - 1, g, t) : NULL;
	if (pb && (!best || best->sent < si - 1))
		return PRON("pron-possessive-beat", pb->key);
	if (!best) {
		const char *w = PRON(
		        "pron-last-speaker", last_speaker_of(c, g, smin, t));
		if (!w)
			w = PRON("pron-by-author", by_author(c, g, t));
		if (!w)
			w = PRON("pron-person-named-twice",
			        person_of_gender(c, g, t));
		/* the discourse's one person of that gender (speakers.c) */
		return w ? w : PRON("pron-sole", td_speakers_sole(c, g, t));
	}
	/* the subject of a past perfect tells the story before the scene
	 * ("Garrity laid the rifle across the desk. Sam Tolliver had killed
	 * a man ... “He had a fair trial,” he said."): a subject of the
	 * simple past before it in its paragraph is the one on stage */
	if (pluperfect_after(c, best->t1)) {
		const td_mention *stage =
		        person_before(c, best, t, g, stage_subject);
		if (stage)
			best = stage;
	}
	/* a described speaker between that person and the pronoun */
	for (int s = best->sent; s <= si; s++) {
		size_t a = s == best->sent ? best->t1 : c->sents[s].t0;
		size_t z = s == si ? t : c->sents[s].t1;
		for (size_t v = a; v < z; v++)
			if (!tok_in_quote(c, v) &&
			        is_speech(c, v, c->sents[s].t1) &&
			        description_subject(c, a, v) != (size_t)-1)
				return NULL;
	}
	return PRON(best->sent == si ? "pron-subject-same-sentence"
	                             : "pron-subject",
	        best->key);
}

/* "he"/"she" at token t as a speaker: "He indicated that ... . He
 * declared ...": after sentences that open with the same pronoun and a
 * verb of saying (reports by one person; press copy puts each sentence
 * in a paragraph of its own), the person of the first of them (up to
 * eight back); else resolve_pronoun's. */
static const char *reporting_pronoun(const td_actx *c, size_t t)
{
	const char *pn = td_tok_eq(c, t, "she", 1) ? "she" : "he";
	int si = c->tok_sent[t];
	for (int n = 0; si > 0 && n < 8; n++, si--) {
		size_t p0 = c->sents[si - 1].t0, p1 = c->sents[si - 1].t1;
		if (!(p0 + 1 < p1 && td_tok_eq(c, p0, pn, 1) &&
		            !tok_in_quote(c, p0) && !tok_in_quote(c, p0 + 1) &&
		            is_speech(c, p0 + 1, p1)))
			break;
		t = p0;
	}
	return resolve_pronoun(c, t);
}

/* When the subject of the speech verb at v is an indefinite description
 * ("a taxi driver said", "One official, who asked not to be named,
 * said"), the token of its determiner; else (size_t)-1. */
static size_t description_subject(const td_actx *c, size_t t0, size_t v)
{
	size_t k = v;
	while (k > t0 && td_tok_in(c, k - 1, pre_verb_adverbs, 1))
		k--;
	/* a relative clause without commas ("a taxi driver who saw Kim
	 * said") */
	for (size_t j = k; j-- > t0 && k - j <= 12;) {
		if (td_tok_eq(c, j, ",", 0) || td_tok_eq(c, j, ";", 0) ||
		        tok_in_quote(c, j))
			break;
		if (td_tok_eq(c, j, "who", 1)) {
			k = j;
			break;
		}
	}
	/* an appositive or relative clause between commas */
	int named = 0; /* a person named between them */
	int viaof = 0; /* the noun phrase has a role noun's "of" phrase */
	if (k > t0 && td_tok_eq(c, k - 1, ",", 0)) {
		size_t j = k - 1;
		while (j > t0 && k - j < 16 && !td_tok_eq(c, j - 1, ",", 0))
			j--;
		if (j > t0 && td_tok_eq(c, j - 1, ",", 0)) {
			const td_mention *m = ment_at(c, j);
			named = m && m->t0 == j && m->kind &&
			        !strcmp(m->kind, "person");
			k = j - 1;
		} else
			return (size_t)-1;
	}
	/* a role noun's "of"/"for" phrase naming the body the person
	 * speaks for (session 20): "A spokesman for the Governor said",
	 * "One official of the Federal Mediation and Conciliation Service,
	 * who asked not to be named, said" are the unnamed person's words,
	 * not the body's ("A representative of the company, Harold S.
	 * Weiss, said" names him: not here) */
	{
		size_t j = k;
		while (j > t0 && k - j <= 8 && !td_tok_eq(c, j - 1, ",", 0) &&
		        !tok_in_quote(c, j - 1) &&
		        !td_tok_any(c, j - 1, finite_words) &&
		        !(td_tok_eq(c, j - 1, "of", 1) ||
		                td_tok_eq(c, j - 1, "for", 1)))
			j--;
		if (!named && j > t0 + 2 && j < k &&
		        (td_tok_eq(c, j - 1, "of", 1) ||
		                td_tok_eq(c, j - 1, "for", 1)) &&
		        td_tok_in(c, j - 2, role_nouns, 1)) {
			k = j - 1;
			viaof = 1;
		}
	}
	/* the noun phrase: lowercase words back to its determiner */
	for (size_t n = 0; k > t0 && n < 5; n++) {
		size_t j = k - 1;
		if (tok_in_quote(c, j))
			return (size_t)-1;
		/* a name as a modifier of the noun ("one U.S. official said",
		 * "a State Department spokesman said") */
		const td_mention *m = ment_at(c, j);
		if (m) {
			if (n == 0 || m->t1 != k || m->t0 <= t0 ||
			        strcmp(m->kind ? m->kind : "", "person") == 0)
				return (size_t)-1;
			k = m->t0;
			continue;
		}
		/* not in apposition to a subject before it ("Sydney
		 * Larson, a staff representative for the United Steel
		 * Workers, ..., said") */
		if (td_tok_in(c, j, indef_dets, 1))
			return n > 0 && !(viaof && j > t0 &&
			                        td_tok_eq(c, j - 1, ",", 0))
			               ? j
			               : (size_t)-1;
		if (!td_tok_is_lower(c, j) || td_tok_any(c, j, clause_preps) ||
		        td_tok_any(c, j, finite_words))
			return (size_t)-1;
		k = j;
	}
	return (size_t)-1;
}

/* Is the word at token a (before a ".") an abbreviation of the word at
 * token w: the same first letter and its letters in order in the longer
 * word ("Gov." Governor, "Gen." General, "Sgt." Sergeant, "Cmdr."
 * Commander)? */
static int abbreviates(const td_actx *c, size_t a, size_t w)
{
	size_t na = td_tok_len(c, a), nw = td_tok_len(c, w), j = 0;
	const char *sa = td_tok_str(c, a), *sw = td_tok_str(c, w);
	if (na > 1 && sa[na - 1] == '.')
		na--; /* "Gov." as one token */
	if (na < 2 || nw <= na || (sa[0] | 32) != (sw[0] | 32))
		return 0;
	for (size_t i = 0; i < nw && j < na; i++)
		if ((sw[i] | 32) == (sa[j] | 32))
			j++;
	return j == na;
}

/* Ranks before a general's, an admiral's or a colonel's title that "the
 * General" leaves out ("Lt. Gen. Roger Haines" ... "the General"). */
static const char *const rank_prefixes[] = {
        "Lt", "Lt.", "Maj", "Maj.", "Brig", "Brig.", "Rear", "Vice", NULL};
static const char *const ranked_titles[] = {
        "General", "Admiral", "Colonel", NULL};

/* Is the person mention m named with the abbreviation of the one-word
 * title at k ("Gov. Price Walker" ... "the Governor"; "Lt. Gen. Roger
 * Haines" ... "the General"), a title of no other words before it? */
static int abbreviated_title(const td_actx *c, const td_mention *m, size_t k)
{
	size_t a = m->t0;
	/* the abbreviation: "Gov" "." or "Gov." */
	size_t w = a >= 2 && td_tok_eq(c, a - 1, ".", 0) ? a - 2 : a - 1;
	if (a < 1 || !td_tok_is_cap(c, w) || !abbreviates(c, w, k) ||
	        !title_exactly(c, w, a) ||
	        (w == a - 1 && td_tok_str(c, w)[td_tok_len(c, w) - 1] != '.'))
		return 0;
	a = w;
	if (a >= 2 && td_tok_eq(c, a - 1, ".", 0) &&
	        td_tok_in(c, a - 2, rank_prefixes, 0))
		return td_tok_in(c, k, ranked_titles, 0);
	if (a >= 1 && td_tok_in(c, a - 1, rank_prefixes, 0))
		return td_tok_in(c, k, ranked_titles, 0);
	return a <= c->sents[m->sent].t0 || !td_tok_is_cap(c, a - 1) ||
	       !td_tok_is_word(c, a - 1);
}

/* "the President", "the senator": the most recent person named with that
 * title before token k (the title's words at [k, e)), or with its
 * abbreviation ("Gov." for "the Governor"); NULL when none. */
static const char *title_alone(const td_actx *c, size_t k, size_t e)
{
	size_t n = e - k;
	for (size_t i = c->n_ments; i-- > 0;) {
		const td_mention *m = &c->ments[i];
		if (m->t0 >= k || m->pronoun || !m->key || !m->kind ||
		        strcmp(m->kind, "person") || m->t0 < n)
			continue;
		if (n == 1 && abbreviated_title(c, m, k))
			return m->key;
		size_t j;
		for (j = 0; j < n; j++)
			if (td_tok_len(c, m->t0 - n + j) !=
			                td_tok_len(c, k + j) ||
			        strncasecmp(td_tok_str(c, m->t0 - n + j),
			                td_tok_str(c, k + j),
			                td_tok_len(c, k + j)))
				break;
		if (j < n)
			continue;
		/* "Vice President Chen Cheng" is not named "President" */
		for (j = 1; j <= 2 && m->t0 >= n + j; j++)
			if (title_exactly(c, m->t0 - n - j, m->t0))
				break;
		if (j > 2 || m->t0 < n + j)
			return m->key;
	}
	return NULL;
}

static int quote_or_speech(const td_actx *c, size_t si);

/* Session 17: does the narration between token a and the role word at k
 * (at most 600 tokens back) bring on another holder of that role: the
 * word after "a"/"an"/"another" ("A sergeant ran up"), or opening a
 * sentence of narration alone after "The" and an adjective ("The big
 * sergeant from second platoon came over"), with no name after it? Then
 * "the sergeant growled" is that newcomer, not the Sergeant Ray Ortiz
 * named before. Not a description inside a tag or a clause ("interrupted
 * the one-armed captain", "revealed to the stranger captain": Moby-Dick
 * ch. 100's Captain Boomer). */
static int another_in_role(const td_actx *c, size_t a, size_t k)
{
	size_t n = td_tok_len(c, k);
	if (k > a + 600)
		a = k - 600;
	for (size_t x = a + 1; x + 1 < k; x++) {
		if (td_tok_len(c, x) != n || !td_tok_is_lower(c, x) ||
		        strncasecmp(td_tok_str(c, x), td_tok_str(c, k), n) ||
		        tok_in_quote(c, x) || ment_at(c, x + 1) ||
		        (x + 2 < k && td_tok_eq(c, x + 1, ",", 0) &&
		                ment_at(c, x + 2)))
			continue;
		if (td_tok_in(c, x - 1, indef_dets, 1))
			return 1;
		int s = c->tok_sent[x];
		if (s >= 0 && x == c->sents[s].t0 + 2 &&
		        td_tok_eq(c, x - 2, "the", 1) &&
		        td_tok_is_lower(c, x - 1) &&
		        td_tok_pos_is(c, x - 1, "JJ") &&
		        !quote_or_speech(c, (size_t)s))
			return 1;
	}
	return 0;
}

/* A role noun in lower case used alone ("the marshal said", "said the
 * sheriff"): the person last named with that word as a title of the
 * lexicon before the name ("Marshal Tom Garrity"); NULL when none. */
static const char *lower_title_alone(const td_actx *c, size_t k)
{
	if (!td_tok_is_lower(c, k) || !td_tok_is_word(c, k))
		return NULL;
	size_t n = td_tok_len(c, k);
	for (size_t i = c->n_ments; i-- > 0;) {
		const td_mention *m = &c->ments[i];
		if (m->t0 >= k || m->t0 < 1 || m->pronoun || !m->key ||
		        !m->kind || strcmp(m->kind, "person"))
			continue;
		size_t w = m->t0 - 1;
		if (td_tok_len(c, w) == n &&
		        strncasecmp(td_tok_str(c, w), td_tok_str(c, k), n) ==
		                0 &&
		        !td_tok_is_lower(c, w) && title_exactly(c, w, m->t0))
			return another_in_role(c, m->t1, k) ? NULL : m->key;
	}
	return NULL;
}

/* Is the word at h the word at x, or abbreviated by it ("Capt." for
 * "captain")? */
static int same_role_word(const td_actx *c, size_t x, size_t h)
{
	size_t n = td_tok_len(c, h);
	return (td_tok_len(c, x) == n && strncasecmp(td_tok_str(c, x),
	                                         td_tok_str(c, h), n) == 0) ||
	       (td_tok_is_cap(c, x) && abbreviates(c, x, h));
}

/* A sentence's subject that is a role with "the" before the verb at k:
 * "The minister, describing the attacks, said", "The navy captain
 * disclosed", "The vice president of the City Council complained": the
 * person last named with that role's head noun in the title before the
 * name ("Foreign Minister Tiao Sopsaisana", "Capt. George Symonds") or in
 * an appositive after it ("William D. Schaefer, vice president of ...");
 * NULL when none. Only at the sentence's start: a described subject
 * elsewhere is too loosely bound. */
static const char *role_subject(const td_actx *c, size_t t0, size_t k)
{
	size_t j = k;
	/* a phrase between commas after the subject */
	if (j > t0 && td_tok_eq(c, j - 1, ",", 0)) {
		size_t b = j - 1;
		while (b > t0 && j - b <= 12 && !td_tok_eq(c, b - 1, ",", 0))
			b--;
		if (b <= t0 || !td_tok_eq(c, b - 1, ",", 0))
			return NULL;
		j = b - 1;
	}
	/* "of the City Council" */
	for (size_t b = j; b > t0 && j - b <= 6; b--)
		if (td_tok_eq(c, b - 1, "of", 0)) {
			j = b - 1;
			break;
		}
	if (j < t0 + 2 || j - t0 > 4 || !td_tok_eq(c, t0, "the", 1))
		return NULL;
	for (size_t x = t0 + 1; x < j; x++)
		if (!td_tok_is_lower(c, x) || !td_tok_is_word(c, x) ||
		        ment_at(c, x))
			return NULL;
	size_t h = j - 1;
	if (!td_tok_pos_is(c, h, "NN"))
		return NULL;
	for (size_t i = c->n_ments; i-- > 0;) {
		const td_mention *m = &c->ments[i];
		if (m->t0 >= t0 || m->pronoun || !m->key || !m->kind ||
		        strcmp(m->kind, "person") || tok_in_quote(c, m->t0))
			continue;
		int sm = m->sent;
		size_t s0 = c->sents[sm].t0, s1 = c->sents[sm].t1;
		for (size_t x = m->t0; x-- > s0 && m->t0 - x <= 3;) {
			if (!td_tok_is_cap(c, x) && !td_tok_eq(c, x, ".", 0))
				break;
			if (same_role_word(c, x, h))
				return m->key;
		}
		if (m->t1 + 1 < s1 && td_tok_eq(c, m->t1, ",", 0))
			for (size_t x = m->t1 + 1; x < s1 && x - m->t1 <= 8;
			        x++) {
				if (td_tok_eq(c, x, ",", 0) ||
				        td_tok_eq(c, x, ".", 0) ||
				        td_tok_pos_is(c, x, "VB*"))
					break;
				if (same_role_word(c, x, h))
					return m->key;
			}
	}
	return NULL;
}

/* Nouns of a statement whose author is its possessor ("the Pentagon's
 * announcement", "in Senator Gore's words"). */
static const char *const statement_nouns[] = {"statement", "announcement",
        "words", "letter", "message", "communique", "report", "view", "phrase",
        "opinion", "verdict", "assessment", NULL};

/* A named actor's mention at k, after an optional title ("Senator Gore",
 * "the Pentagon"); NULL if none. */
static const td_mention *named_actor_at(const td_actx *c, size_t k, size_t t1)
{
	long tm = k < t1 ? td_patset_match(&c->a->title_pats, c, k, t1) : -1;
	if (tm >= 0 && !ment_at(c, k))
		k += (size_t)c->a->title_pats.v[tm].n;
	const td_mention *m = k < t1 ? ment_at(c, k) : NULL;
	if (!m || m->t0 != k || m->pronoun || m->located || !m->key)
		return NULL;
	return m;
}

/* The author of a statement at k: a named actor owning a statement noun
 * ("the Pentagon's announcement", "Senator Gore's words"), or "the words
 * of" one ("the words of Anatole France"). Its key, else NULL. */
static const char *statement_owner(const td_actx *c, size_t k, size_t t1)
{
	const td_mention *m = named_actor_at(c, k, t1);
	if (m && m->t1 + 1 < t1 && td_tok_eq(c, m->t1, "'s", 1) &&
	        td_tok_any(c, m->t1 + 1, statement_nouns))
		return m->key;
	if (k + 3 < t1 && td_tok_eq(c, k, "the", 1) &&
	        td_tok_eq(c, k + 1, "words", 1) &&
	        td_tok_eq(c, k + 2, "of", 1) &&
	        (m = named_actor_at(c, k + 3, t1)))
		return m->key;
	return NULL;
}

/* A person right after the verb ending at vend ("said Gore", "said the
 * President"), or the owner of a statement ("said the Pentagon's
 * announcement"); *found is set when one is there. */
static const char *speaker_after(
        const td_actx *c, size_t vend, size_t t1, int *found)
{
	size_t k = vend;
	*found = 0;
	{
		const char *w = statement_owner(
		        c, k + (k < t1 && td_tok_eq(c, k, "the", 1)), t1);
		if (w) {
			*found = 1;
			return w;
		}
	}
	if (k < t1 && td_tok_eq(c, k, "the", 1)) {
		long tm = k + 1 < t1 ? td_patset_match(
		                               &c->a->title_pats, c, k + 1, t1)
		                     : -1;
		if (tm < 0 || ment_at(c, k + 1))
			return NULL;
		size_t e = k + 1 + (size_t)c->a->title_pats.v[tm].n;
		if (e < t1 && (td_tok_eq(c, e, "'s", 1) ||
		                      (td_tok_is_word(c, e) &&
		                              !td_tok_any(c, e, time_adverbs))))
			return NULL; /* "said the President's aide" */
		const char *w = title_alone(c, k + 1, e);
		*found = w != NULL;
		return w;
	}
	const td_mention *m = k < t1 ? ment_at(c, k) : NULL;
	if (m && m->t0 == k && !m->located && !m->pronoun && m->kind &&
	        strcmp(m->kind, "person") == 0) {
		*found = 1;
		return m->key;
	}
	return NULL;
}

/* Does a complete subject follow the verb ending at vend ("said Gore,",
 * "said the President.", "said a witness, who")? A name or a short
 * determiner phrase, then punctuation or the sentence end; not an
 * addressee ("told the Council in March that"). */
static int inverted_subject(const td_actx *c, size_t vend, size_t t1)
{
	size_t k = vend;
	const td_mention *m = k < t1 ? ment_at(c, k) : NULL;
	if (m && m->t0 == k && !m->pronoun)
		k = m->t1;
	else if (k < t1 && (td_tok_eq(c, k, "the", 1) ||
	                           td_tok_in(c, k, indef_dets, 1))) {
		k++;
		for (int n = 0; n < 3 && k < t1 && td_tok_is_word(c, k) &&
		                !td_tok_any(c, k, clause_preps) &&
		                !td_tok_any(c, k, finite_words);
		        n++)
			k++;
		if (k < t1 && td_tok_eq(c, k, "'s", 1))
			for (k++; k < t1 && td_tok_is_word(c, k) &&
			          !td_tok_any(c, k, clause_preps);
			        k++)
				;
	} else
		return 0;
	/* "said Gore yesterday,", and a manner adverb the tagger knows
	 * ("said Bildad sternly,", "cried the mate hoarsely,") */
	while (k < t1 &&
	        (td_tok_any(c, k, time_adverbs) ||
	                (td_tok_pos_is(c, k, "RB") && td_tok_is_lower(c, k) &&
	                        td_tok_len(c, k) > 2 &&
	                        memcmp(td_tok_str(c, k) + td_tok_len(c, k) - 2,
	                                "ly", 2) == 0)))
		k++;
	return k >= t1 || td_tok_eq(c, k, ",", 0) || end_punct(c, k) ||
	       td_tok_eq(c, k, "\xe2\x80\x9d", 0);
}

/* Is mention m the first of joint speakers: "and" and another person
 * right after it ("Rankin and Dawson")? */
static int joint_after(const td_actx *c, const td_mention *m, size_t t1)
{
	if (m->t1 + 1 >= t1 || !td_tok_eq(c, m->t1, "and", 0))
		return 0;
	const td_mention *o = ment_at(c, m->t1 + 1);
	return o && o->t0 == m->t1 + 1 && !o->located && o->key &&
	       strcmp(o->key, m->key) != 0;
}

/* A finite verb (an auxiliary, or the pos layer's VBD, VBZ, VBP, MD)
 * in [a, b), quoted or not ("the tariff threat "does not have to
 * happen""). */
static int has_finite(const td_actx *c, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (td_tok_any(c, k, finite_words) ||
		        td_tok_pos_is(c, k, "VBD") ||
		        td_tok_pos_is(c, k, "VBZ") ||
		        td_tok_pos_is(c, k, "VBP") || td_tok_pos_is(c, k, "MD"))
			return 1;
	return 0;
}

/* Does a passive's agent by description stand outside quotations in the
 * paragraph of token t before it, or in the paragraph before that: a
 * participle, "by", "a"/"an"/"the" and a word no mention holds ("it was
 * hailed by a man in a white suit", "Stubb was introduced by the
 * Guernsey-man"), or a person by description ("the old man well knew",
 * "a stranger")? That person, whom no key names, may be the one who
 * speaks next. */
static int described_agent_before(const td_actx *c, size_t t)
{
	int si = c->tok_sent[t];
	if (si < 0)
		return 0;
	int s = si, breaks = 0;
	while (s > 0 &&
	        !(c->sents[s - 1].para != c->sents[s].para && ++breaks > 1))
		s--;
	for (size_t k = c->sents[s].t0 + 1; k + 2 < t; k++) {
		if (tok_in_quote(c, k))
			continue;
		if (td_tok_eq(c, k, "by", 1) &&
		        td_tok_pos_is(c, k - 1, "VBN") &&
		        (td_tok_eq(c, k + 1, "the", 1) ||
		                td_tok_in(c, k + 1, indef_dets, 1)) &&
		        td_tok_is_word(c, k + 2) && !ment_at(c, k + 2))
			return 1;
		/* "the old man", "a stranger": a person by description */
		if (td_tok_eq(c, k, "the", 1) || td_tok_eq(c, k, "a", 1))
			for (size_t j = k + 1; j < k + 3 && j < t; j++) {
				if (!td_tok_is_lower(c, j))
					break;
				if (td_tok_in(c, j, described_m, 0) ||
				        td_tok_in(c, j, described_f, 0) ||
				        td_tok_in(c, j, described_any, 0))
					return 1;
			}
	}
	return 0;
}

/* A description of one person right before "as" at e, the object of a
 * quoting verb: "quoted his client", "quoting a spokesman for the
 * association" (up to six lowercase words, no actor, no verb). */
static int quoted_description(const td_actx *c, size_t t0, size_t e)
{
	for (size_t k = e; k-- > t0 && k + 7 > e;) {
		if (td_tok_in(c, k, quoting_verbs, 1))
			return k + 1 < e;
		if (!td_tok_is_lower(c, k) || ment_at(c, k) ||
		        tok_in_quote(c, k) || td_tok_pos_is(c, k, "VB*"))
			return 0;
	}
	return 0;
}

static int is_dash(const td_actx *c, size_t k);
static int is_close_mark(const td_actx *c, size_t k);

/* Is token k a dash right after a closing quotation mark, the comma of
 * older prose ("“Me sabbee plenty”—grunted Queequeg", "“Who are
 * you?”—he at last said—")? (session 18) */
static int dash_after_quote(const td_actx *c, size_t k)
{
	return k > 0 && is_dash(c, k) && is_close_mark(c, k - 1);
}

static const char *addressee(const td_actx *c, size_t q, const char *not_key);

/* Verbs of a reply: the one who replies is the one just spoken to. */
static const char *const reply_verbs[] = {
        "replied", "answered", "rejoined", "retorted", NULL};

/* "“What do you mean, Captain Peleg?” said I. / “I mean,” he replied":
 * the "he"/"she" at token p of a reply verb at v, in a tag of the
 * paragraph's first sentence, which opens with a quotation, is the one
 * person whom the last quotation of the paragraph before calls by name
 * (a vocative: addressee), its gender not other than the pronoun's;
 * NULL otherwise (session 18). */
static const char *replied_to(const td_actx *c, size_t p, size_t v)
{
	int si = c->tok_sent[p];
	if (si < 1 || !td_tok_in(c, v, reply_verbs, 0) ||
	        c->sents[si - 1].para == c->sents[si].para ||
	        !tok_in_quote(c, c->sents[si].t0 + 1))
		return NULL;
	int pp = c->sents[si - 1].para;
	long last = -1;
	for (size_t q = 0; q < c->n_quotes; q++) {
		int qs = c->quotes[q].sent;
		if (qs >= 0 && qs < si && c->sents[qs].para == pp &&
		        (last < 0 ||
		                c->quotes[q].start > c->quotes[last].start))
			last = (long)q;
	}
	if (last < 0)
		return NULL;
	const char *w = addressee(c, (size_t)last, c->quotes[last].who);
	if (!w)
		return NULL;
	int g = td_tok_eq(c, p, "she", 1) ? 'f' : 'm';
	int wg = key_gender(c, w, p);
	return wg && wg != g ? NULL : w;
}

/* A speech verb's speaker: the nearest mention before the verb in the same
 * clause, else right after the verb ("said Kim"). After a comma or a
 * closing mark a person right after the verb wins ("What Herter
 * presented, said Gore, was"); an indefinite description as subject ("one
 * official said") is a speaker without a name; "he"/"she" resolve to the
 * person the text is about (resolve_pronoun). *found tells whether any
 * speaker (even a keyless group) was seen. */
/* A title right before token k, itself at the clause's start t0 or after
 * a clause head ("Mr. Kennedy", "Sen. Walter H. Jones"). */
static int titled_at(const td_actx *c, size_t t0, size_t k)
{
	for (size_t n = 1; n <= 3 && n <= k - t0; n++)
		if (title_exactly(c, k - n, k) &&
		        (k - n == t0 ||
		                td_tok_in(c, k - n - 1, clause_heads, 1)))
			return 1;
	return 0;
}

#define SPK(rule, key) td_who_note(TD_WHO_SPK, rule, key)
static const char *speaker_rules(const td_actx *c, size_t t0, size_t v,
        size_t vend, size_t t1, int *found)
{
	const td_mention *best = NULL;
	*found = 0;
	/* "who quoted Jensen as saying:", "quoted him as saying": the one
	 * quoted speaks, not the writer quoting him */
	if (v >= t0 + 3 && td_tok_eq(c, v - 1, "as", 1)) {
		size_t o = v - 2;
		const td_mention *m = ment_at(c, o);
		if (m && !m->pronoun && !m->located && m->t1 == v - 1)
			o = m->t0;
		else
			m = NULL;
		if (o > t0 && td_tok_in(c, o - 1, quoting_verbs, 1)) {
			if (m) {
				*found = 1;
				return SPK("quoted-as", m->key);
			}
			if (td_tok_in(c, o, him_her, 1)) {
				*found = 1;
				return SPK("quoted-as", resolve_pronoun(c, o));
			}
		}
		/* "quoted his client as saying", "quoted a spokesman as
		 * saying": a described speaker is still not the subject;
		 * no speaker is named */
		if (!m && quoted_description(c, t0, v - 1)) {
			*found = 1;
			return NULL;
		}
	}
	/* "Sprinkel strongly refuted the thesis ..., declaring that ...": a
	 * participle of saying after a comma takes the subject of its main
	 * clause, a named actor opening the sentence before its verb */
	if (v > t0 + 2 && td_tok_eq(c, v - 1, ",", 0) &&
	        td_tok_pos_is(c, v, "VBG")) {
		size_t k = t0 + (td_tok_eq(c, t0, "the", 1) ? 1 : 0);
		const td_mention *m = named_actor_at(c, k, v);
		if (m) {
			size_t e = m->t1;
			while (e < v && td_tok_pos_is(c, e, "RB"))
				e++;
			if (e < v && (td_tok_pos_is(c, e, "VBD") ||
			                     td_tok_pos_is(c, e, "VBZ") ||
			                     td_tok_pos_is(c, e, "VBP") ||
			                     td_tok_pos_is(c, e, "MD"))) {
				*found = 1;
				return SPK("participle-main-subject", m->key);
			}
		}
	}
	/* "said he", "cried she" after the quotation: the person the text
	 * is about, as for "he said", unless a passive's agent by
	 * description came just before (described_agent_before) */
	if (v > t0 && vend < t1 &&
	        (td_tok_eq(c, v - 1, ",", 0) || tok_in_quote(c, v - 1) ||
	                dash_after_quote(c, v - 1) ||
	                td_tok_eq(c, v - 1, "\xe2\x80\x9d", 0) ||
	                td_tok_eq(c, v - 1, "\"", 0)) &&
	        td_tok_in(c, vend, he_she, 1) && !tok_in_quote(c, vend) &&
	        (vend + 1 >= t1 || td_tok_eq(c, vend + 1, ",", 0) ||
	                end_punct(c, vend + 1))) {
		*found = 1;
		const char *r = replied_to(c, vend, v);
		if (r)
			return SPK("said-he-replied-to", r);
		return described_agent_before(c, vend)
		               ? NULL
		               : SPK("said-he", resolve_pronoun(c, vend));
	}
	if (v > t0 &&
	        (td_tok_eq(c, v - 1, ",", 0) || tok_in_quote(c, v - 1) ||
	                dash_after_quote(c, v - 1) ||
	                td_tok_eq(c, v - 1, "\xe2\x80\x9d", 0) ||
	                td_tok_eq(c, v - 1, "\"", 0)) &&
	        inverted_subject(c, vend, t1)) {
		const char *w = speaker_after(c, vend, t1, found);
		if (*found)
			return SPK("said-name", w);
		/* "said the President's aide", "said a witness": unnamed,
		 * unless a name follows in apposition ("said the spokesman,
		 * Patrick Muyaya") */
		if (td_tok_eq(c, vend, "the", 1) ||
		        td_tok_in(c, vend, indef_dets, 1)) {
			*found = 1;
			/* "said the marshal": a role named before as a title */
			/* perhaps with an adverb of manner after it, as
			 * after a name ("said the judge slowly,"; session
			 * 19) */
			size_t te = vend + 2;
			if (te + 1 <= t1 && td_tok_is_word(c, te) &&
			        inverted_tail(c, te) &&
			        td_tok_pos_is(c, te, "RB") &&
			        (te + 1 == t1 || !td_tok_is_word(c, te + 1)))
				te++;
			const char *tw =
			        td_tok_eq(c, vend, "the", 1) && te <= t1 &&
			                        (te == t1 ||
			                                !td_tok_is_word(c, te))
			                ? lower_title_alone(c, vend + 1)
			                : NULL;
			/* "said the kid": one bound to a name before */
			if (!tw && vend + 2 <= t1 &&
			        (vend + 2 == t1 ||
			                !td_tok_is_word(c, vend + 2)))
				tw = bound_noun(c, vend + 1);
			/* "said the old man": over adjectives (session 19) */
			if (!tw && td_tok_eq(c, vend, "the", 1))
				tw = bound_over_adjs(c, vend, t1, 1);
			if (tw)
				return SPK("said-the-title", tw);
			for (size_t k = vend + 1; k < t1 && k < vend + 6; k++) {
				if (tok_in_quote(c, k))
					break;
				const td_mention *m = ment_at(c, k);
				if (m && !m->located && !m->pronoun &&
				        td_tok_eq(c, m->t0 - 1, ",", 0))
					return SPK("said-the-role-apposition",
					        m->key);
			}
			return NULL;
		}
	}
	/* "the old man said": one bound to a name before, over adjectives
	 * (session 19) */
	{
		size_t k = v;
		while (k > t0 && td_tok_in(c, k - 1, pre_verb_adverbs, 1))
			k--;
		for (size_t n = 1; n <= 2 && k >= t0 + 2 + n; n++) {
			size_t d = k - 2 - n;
			if (!td_tok_eq(c, d, "the", 1) ||
			        (d > t0 && td_tok_is_word(c, d - 1)))
				continue;
			const char *w = bound_over_adjs(c, d, k, 0);
			if (w) {
				*found = 1;
				return SPK("described-bound", w);
			}
		}
	}
	if (description_subject(c, t0, v) != (size_t)-1) {
		*found = 1;
		return NULL;
	}
	/* "the Councilman said": a title used alone as the subject names the
	 * person last named with it */
	{
		size_t k = v;
		while (k > t0 && td_tok_in(c, k - 1, pre_verb_adverbs, 1))
			k--;
		for (size_t n = 1; n <= 3 && n + 1 <= k - t0; n++) {
			if (!title_exactly(c, k - n, k) ||
			        !td_tok_eq(c, k - n - 1, "the", 1) ||
			        ment_at(c, k - n))
				continue;
			const char *w = title_alone(c, k - n, k);
			if (w) {
				*found = 1;
				return SPK("title-alone", w);
			}
		}
		/* "the marshal said": the role in lower case */
		const char *w = k >= t0 + 2 && td_tok_eq(c, k - 2, "the", 1)
		                        ? lower_title_alone(c, k - 1)
		                        : NULL;
		/* "the kid said": one bound to a name before (session 18) */
		if (!w && k >= t0 + 2 && td_tok_eq(c, k - 2, "the", 1) &&
		        (k - 2 == t0 || !td_tok_is_word(c, k - 3)))
			w = bound_noun(c, k - 1);
		if (!w)
			w = role_subject(c, t0, k);
		if (w) {
			*found = 1;
			return SPK("role-alone", w);
		}
	}
	/* before the verb: the nearest person of the clause, else the nearest
	 * actor ("Foreign Minister Amara Diallo of Guinea-Bissau said") */
	/* mentions inside a relative clause before the verb ("Fred Lewis,
	 * who tried the Pohl case, said") are not the subject */
	size_t from = v;
	for (size_t k = v; k-- > t0 + 1 && v - k <= 20;) {
		if (tok_in_quote(c, k))
			continue;
		if (td_tok_eq(c, k, ";", 0) || td_tok_eq(c, k, ":", 0))
			break;
		if (td_tok_eq(c, k, "who", 1) && td_tok_eq(c, k - 1, ",", 0)) {
			from = k - 1;
			break;
		}
	}
	for (size_t k = from; k-- > t0 && from - k <= 14;) {
		if (tok_in_quote(c, k))
			continue;
		if (td_tok_eq(c, k, ";", 0) || td_tok_eq(c, k, ":", 0) ||
		        td_tok_eq(c, k, "that", 1))
			break;
		/* ", and"/", but" opens the verb's own clause ("Marco Rubio
		 * spoke to both sides, and US officials said"): the subject is
		 * after it */
		if (best && k > t0 &&
		        (td_tok_eq(c, k, "and", 1) ||
		                td_tok_eq(c, k, "but", 1)) &&
		        td_tok_eq(c, k - 1, ",", 0))
			break;
		const td_mention *m = ment_at(c, k);
		if ((!m || m->pronoun) && td_tok_in(c, k, he_she, 1) &&
		        (!best || best->pronoun)) {
			/* "he"/"she": the person the text is about */
			*found = 1;
			const char *r = replied_to(c, k, v);
			return r ? SPK("he-said-replied-to", r)
			         : SPK("he-said", reporting_pronoun(c, k));
		}
		if (!m || m->located)
			continue;
		if (!best)
			best = m;
		if (strcmp(m->kind, "person") == 0) {
			best = m;
			break;
		}
		k = m->t0 < k ? m->t0 : k;
	}
	/* "Gus Ehlers, competitor of Mr. Houtz in this farm community,
	 * says": a person named inside an appositive before the verb is not
	 * its subject; the person before the appositive is */
	if (best && v > t0 + 2 && td_tok_eq(c, v - 1, ",", 0)) {
		size_t j = v - 1;
		while (j > t0 && v - j < 16 && !td_tok_eq(c, j - 1, ",", 0) &&
		        !td_tok_eq(c, j - 1, ";", 0) && !tok_in_quote(c, j - 1))
			j--;
		const td_mention *m = j > t0 + 1 && td_tok_eq(c, j - 1, ",", 0)
		                              ? ment_at(c, j - 2)
		                              : NULL;
		if (m && m->t1 == j - 1 && best->t0 >= j &&
		        td_tok_is_lower(c, j) && !m->located && !m->pronoun &&
		        m->kind && strcmp(m->kind, "person") == 0 &&
		        (m->t0 == t0 ||
		                td_tok_in(c, m->t0 - 1, clause_heads, 1) ||
		                titled_at(c, t0, m->t0)))
			best = m;
		/* "Theater managers, contacted for comment on the COAHR
		 * request, said", "The union, backed by the AFL-CIO, said": a
		 * participle's phrase after the subject describes it; an actor
		 * named inside is not the speaker, the subject before it is,
		 * else no one */
		else if (best->t0 >= j && j > t0 + 1 &&
		         td_tok_eq(c, j - 1, ",", 0) && td_tok_is_lower(c, j) &&
		         (td_tok_pos_is(c, j, "VBN") ||
		                 td_tok_pos_is(c, j, "VBG")) &&
		         !td_tok_pos_is(c, t0, "IN")) {
			*found = 1;
			return m && m->t1 == j - 1 && !m->located && !m->pronoun
			               ? SPK("subject-before-participle",
			                         m->key)
			               : NULL;
		}
	}
	/* "William H. Draper, Jr., former Under Secretary of the Army and
	 * now with the firm of Draper, Gaither & Anderson, urged": after a
	 * long appositive, the person before it is the subject, not a body
	 * named inside it */
	/* "the vice president of the City Council complained", "the
	 * President of the United States feels": a body or state after a
	 * title and "of" is what the speaker heads, not the speaker; "the" +
	 * the title alone names the person last named with it, else no one */
	if (best && strcmp(best->kind, "person") != 0) {
		size_t p = best->t0;
		if (p > t0 && td_tok_eq(c, p - 1, "the", 1))
			p--;
		for (size_t n = 1; p > t0 + 1 && td_tok_eq(c, p - 1, "of", 1) &&
		                   n <= 3 && p - 1 >= t0 + n;
		        n++) {
			size_t e = p - 1;
			if (!title_exactly(c, e - n, e) || ment_at(c, e - n))
				continue;
			*found = 1;
			return e - n > t0 && td_tok_eq(c, e - n - 1, "the", 1)
			               ? SPK("title-of-body",
			                         title_alone(c, e - n, e))
			               : NULL;
		}
	}
	if (best && strcmp(best->kind, "person") != 0 && v > t0 &&
	        td_tok_eq(c, v - 1, ",", 0)) {
		for (size_t k = best->t0; k-- > t0 && v - k <= 40;) {
			if (td_tok_eq(c, k, ";", 0) ||
			        td_tok_eq(c, k, ":", 0) || tok_in_quote(c, k))
				break;
			const td_mention *m = ment_at(c, k);
			if (m && m->t0 == k && !m->located && !m->pronoun &&
			        strcmp(m->kind, "person") == 0 &&
			        td_tok_eq(c, m->t1, ",", 0) &&
			        (k == t0 || td_tok_eq(c, k - 1, ",", 0) ||
			                !td_tok_is_word(c, k - 1))) {
				best = m;
				break;
			}
		}
	}
	/* "Blau, in The Dynamics of Bureaucracy, maintains": a work or body
	 * after a preposition in a phrase between commas before the verb is
	 * where the subject spoke, not the subject; no actor names him */
	if (best && strcmp(best->kind, "person") != 0 && best->t1 < v &&
	        td_tok_eq(c, v - 1, ",", 0)) {
		size_t p = best->t0;
		if (p > t0 && td_tok_eq(c, p - 1, "the", 1))
			p--;
		if (p > t0 + 2 && td_tok_eq(c, p - 2, ",", 0) &&
		        td_tok_is_lower(c, p - 1) &&
		        td_tok_pos_is(c, p - 1, "IN") &&
		        !td_tok_any(c, p - 1, subordinators) &&
		        !td_tok_eq(c, p - 1, "by", 1)) {
			*found = 0;
			return NULL;
		}
	}
	if (best) {
		*found = 1;
		/* joint speakers ("The Chinese, North Vietnamese and North
		 * Koreans ... feel that", "statements by the President and
		 * Defense Department spokesmen"): @who takes one key, so
		 * none */
		size_t p = best->t0;
		if (p > t0 + 1 && (td_tok_eq(c, p - 1, "and", 1) ||
		                          td_tok_eq(c, p - 1, ",", 0))) {
			const td_mention *o = ment_at(c, p - 2);
			if (o && o->t1 == p - 1 && !o->located && !o->pronoun &&
			        o->key && strcmp(o->key, best->key) != 0)
				return NULL;
		}
		/* "Wexler and his associates found that": the person and
		 * a group of theirs */
		size_t a = best->t1;
		if (a + 2 < v && td_tok_eq(c, a, "and", 0) &&
		        (td_tok_eq(c, a + 1, "his", 0) ||
		                td_tok_eq(c, a + 1, "her", 0) ||
		                td_tok_eq(c, a + 1, "their", 0)))
			return NULL;
		return SPK(strcmp(best->kind, "person") == 0 ? "subject-person"
		                                             : "subject-actor",
		        best->key);
	}
	/* a pronoun subject before the verb ("They thought Kennedy was
	 * sad", "we believe Rembrandt's self-portrait"): a name after the
	 * verb begins the reported clause, it is not the speaker */
	{
		size_t k = v;
		while (k > t0 && td_tok_in(c, k - 1, pre_verb_adverbs, 1))
			k--;
		if (k > t0 && !tok_in_quote(c, k - 1) &&
		        td_tok_pos_is(c, k - 1, "PRP"))
			return NULL;
	}
	for (size_t k = vend; k < t1 && k < vend + 6; k++) {
		if (tok_in_quote(c, k))
			break;
		/* "said he would": the subject of the reported clause; so
		 * is a name after "that" ("indicated that the Pirates
		 * needed ...") */
		if (td_tok_in(c, k, he_she, 1) || td_tok_eq(c, k, "that", 1))
			break;
		/* "The conductor said to Ritchie:": the one spoken to */
		if (td_tok_eq(c, k, "to", 1))
			break;
		const td_mention *m = ment_at(c, k);
		/* "Observers said Moscow was stalling", "Diplomats here said
		 * the Kremlin appeared to be": a name before a finite verb
		 * is the reported clause's subject, not the speaker: the
		 * speaker is the unnamed subject before the verb */
		if (m && !m->pronoun && m->t1 < t1 &&
		        has_finite(c, m->t1, m->t1 + 1)) {
			*found = 1;
			return NULL;
		}
		if (m && !m->located && !m->pronoun) {
			*found = 1;
			/* joint speakers after the verb ("said Rankin and
			 * Dawson together"): @who takes one key, so none */
			if (joint_after(c, m, t1))
				return NULL;
			return SPK("name-after-verb", m->key);
		}
	}
	return NULL;
}

/* speaker_rules, its rule noted afresh (who_dump.c) */
static const char *speaker(const td_actx *c, size_t t0, size_t v, size_t vend,
        size_t t1, int *found)
{
	td_who_clear(TD_WHO_SPK);
	return speaker_rules(c, t0, v, vend, t1, found);
}

static int push_said(td_actx *c, size_t s, size_t e, int sent, const char *who)
{
	if (TD_VEC_RESERVE(c->said, c->n_said, c->cap_said, 16))
		return td_error(TD_ENOMEM, "out of memory");
	c->said[c->n_said++] = (td_said){
	        s, e, sent, who, 0, who ? td_who_rule_now() : td_who_at(NULL)};
	return 0;
}

/* The clause that "according to X" attributes, in sentence [t0, t1):
 * "According to X, CLAUSE." opening the sentence (t at its start ps), the
 * clause after the comma that closes the phrase, to a semicolon or the
 * end; "CLAUSE, according to X." closing it, the clause from ps to the
 * comma. The clause must have words outside quotation marks ("According
 * to one ambassador, "everyone is ..."" is a quotation, attributed as
 * such). Pushed as an according said (td_said.according) with who, the
 * phrase's actor or NULL (a description: "according to police"). */
static int according_clause(td_actx *c, size_t ps, size_t t, size_t vend,
        size_t t1, int si, const char *who)
{
	size_t cs = 0, ce = 0;
	if (t == ps) {
		size_t k = vend;
		while (k < t1 && k < vend + 16 &&
		        (tok_in_quote(c, k) || !td_tok_eq(c, k, ",", 0)))
			k++;
		if (k >= t1 || k >= vend + 16 || k == vend)
			return 0;
		cs = k + 1;
		ce = cs;
		while (ce < t1 &&
		        (tok_in_quote(c, ce) || !td_tok_eq(c, ce, ";", 0)))
			ce++;
	} else if (t > ps + 2 && td_tok_eq(c, t - 1, ",", 0) &&
	           !tok_in_quote(c, t - 1)) {
		/* the phrase runs to the sentence's end: no comma after it;
		 * or to a comma before "and"/"but" and a clause of its own
		 * (session 20: "Barges ... were loaded to about a third of
		 * their capacity last week, according to the port's harbour
		 * master, and several convoys were stranded", "More than
		 * 11,000 of them have asked for the application forms,
		 * according to the agency, and Sargent Shriver, its
		 * director, says"): the part after it is not attributed */
		size_t k = vend;
		while (k < t1 && !td_tok_eq(c, k, ",", 0) &&
		        !td_tok_eq(c, k, ";", 0))
			k++;
		if (k > vend + 12 ||
		        (k < t1 && !(td_tok_eq(c, k, ",", 0) && k + 2 < t1 &&
		                           (td_tok_eq(c, k + 1, "and", 1) ||
		                                   td_tok_eq(c, k + 1, "but",
		                                           1)) &&
		                           !td_tok_pos_is(c, k + 2, "VB*"))))
			return 0;
		/* a source is a noun phrase: "according to the area it
		 * serves, but" is "in keeping with" */
		for (size_t j = vend; k < t1 && j < k; j++)
			if (td_tok_pos_is(c, j, "VBZ") ||
			        td_tok_pos_is(c, j, "VBP") ||
			        td_tok_pos_is(c, j, "VBD") ||
			        td_tok_pos_is(c, j, "MD"))
				return 0;
		cs = ps;
		ce = t - 1;
		/* the last of coordinated clauses ("Germany voted ..., yet
		 * less than a fifth has been contracted, according to ...") */
		for (size_t j = ce; j-- > ps + 1;)
			if (!tok_in_quote(c, j) &&
			        (td_tok_eq(c, j, ";", 0) ||
			                (td_tok_eq(c, j - 1, ",", 0) &&
			                        (td_tok_eq(c, j, "yet", 1) ||
			                                td_tok_eq(c, j, "but",
			                                        1) ||
			                                td_tok_eq(c, j, "and",
			                                        1))))) {
				cs = j + 1;
				break;
			}
	} else
		return 0;
	while (ce > cs && end_punct(c, ce - 1) && !tok_in_quote(c, ce - 1))
		ce--;
	int words = 0;
	for (size_t k = cs; k < ce && !words; k++)
		words = td_tok_is_word(c, k) && !tok_in_quote(c, k);
	if (!words)
		return 0;
	int rc =
	        push_said(c, c->tok.v[cs].start, c->tok.v[ce - 1].end, si, who);
	if (rc < 0)
		return rc;
	c->said[c->n_said - 1].according = 1;
	return 0;
}

static int is_sub(const td_actx *c, size_t t)
{
	return td_tok_in(c, t, subordinators, 1);
}

/* Is there a comma, semicolon or colon (outside quotes) in [k, t1)? */
static int more_clause_punct(const td_actx *c, size_t k, size_t t1)
{
	for (; k < t1; k++)
		if (!tok_in_quote(c, k) &&
		        (td_tok_eq(c, k, ",", 0) || td_tok_eq(c, k, ";", 0) ||
		                td_tok_eq(c, k, ":", 0)))
			return 1;
	return 0;
}

/* A present-tense verb in -s after a noun ("the mission lacks ships",
 * "a full collapse seems unlikely"): lowercase, not -ss, and a word after. */
static int s_verb(const td_actx *c, size_t k, size_t t1)
{
	size_t n = td_tok_len(c, k);
	const char *s = td_tok_str(c, k);
	return td_tok_is_lower(c, k) && n > 3 && s[n - 1] == 's' &&
	       s[n - 2] != 's' && s[n - 2] != 'u' && k + 1 < t1 &&
	       td_tok_is_word(c, k + 1);
}

/* A reported clause without "that" starting at token vend: a subject
 * (pronoun, determiner phrase, name or bare plural noun) and, within five
 * tokens and before any punctuation or preposition, a finite verb: a
 * finite_words auxiliary
 * ("said the United States had helped"), an -s verb after a noun ("say the
 * mission lacks ships"), or any lowercase non-preposition right after an
 * actor named as subject ("argue the Houthis negotiate"). Opening quote
 * marks may stand before the verb. Returns 1 when one starts at vend. */
static int zero_that_clause(const td_actx *c, size_t vend, size_t t1)
{
	if (vend >= t1 || tok_in_quote(c, vend))
		return 0;
	/* also a quantified subject: "said other mistakes had caused",
	 * "said four major attacks had been launched" */
	int opener = td_tok_any(c, vend, clause_openers) ||
	             td_tok_in(c, vend, subj_quantifiers, 1) ||
	             (td_tok_is_num(c, vend) && vend + 1 < t1 &&
	                     td_tok_is_word(c, vend + 1)) ||
	             td_tok_in(c, vend, number_words, 1);
	/* a bare plural noun as the subject ("said efforts will be made",
	 * "said prices in Chicago were"): a verb may follow it at once */
	int plural = !opener && td_tok_is_lower(c, vend) &&
	             td_tok_pos_is(c, vend, "NNS") &&
	             !td_tok_any(c, vend, clause_preps) && !ment_at(c, vend);
	/* an adjective before it ("said new talks would", "said
	 * working-level talks would continue", "said higher prices were
	 * due") */
	size_t adj = 0;
	if (!opener && !plural && vend + 2 < t1 && td_tok_is_lower(c, vend) &&
	        (td_tok_pos_is(c, vend, "JJ*") ||
	                memchr(td_tok_str(c, vend), '-', td_tok_len(c, vend)) !=
	                        NULL) &&
	        td_tok_is_lower(c, vend + 1) &&
	        td_tok_pos_is(c, vend + 1, "NNS") &&
	        !td_tok_any(c, vend + 1, clause_preps) && !ment_at(c, vend) &&
	        !ment_at(c, vend + 1))
		plural = 1, adj = 1;
	opener |= plural;
	size_t ms = vend + (td_tok_eq(c, vend, "the", 1) ? 1 : 0);
	const td_mention *subj = ms < t1 ? ment_at(c, ms) : NULL;
	if (subj && (subj->t0 != ms || subj->located || subj->pronoun))
		subj = NULL;
	/* a name outside the lexicon right before a finite verb or modal
	 * ("say Brent could fall", "thinks Gazprom has") */
	if (!opener && !subj && td_tok_is_cap(c, vend) &&
	        td_tok_is_word(c, vend) && vend + 1 < t1 &&
	        td_tok_any(c, vend + 1, finite_words))
		return 1;
	if (!opener && !subj)
		return 0;
	/* "said Gore had gone", but not an inverted tag's subject with its
	 * adverb ("said Bildad sternly, ...") */
	if (subj && subj->t1 < t1 && td_tok_is_lower(c, subj->t1) &&
	        !td_tok_any(c, subj->t1, clause_preps) &&
	        !td_tok_eq(c, subj->t1, "'s", 1) &&
	        !inverted_subject(c, vend, t1))
		return 1;
	int pron = td_tok_in(c, vend, clause_pronouns, 1);
	size_t lim = vend + 5;
	for (size_t k = vend + (opener && !td_tok_eq(c, vend, "it", 1) ? 1 : 0);
	        k < t1 && k <= lim; k++) {
		if (td_tok_any(c, k, finite_words))
			return 1;
		/* a contracted auxiliary right after the pronoun ("sure he's
		 * right", "said they'd go") */
		if (pron && k == vend + 1 && td_tok_any(c, k, contracted_aux))
			return 1;
		if (is_open_mark(c, k))
			continue;
		/* a finite verb by its part of speech after the subject ("said
		 * he hopes to", "said the jurors agreed", "say the upturn in
		 * sales has resulted") */
		if ((k >= vend + 2 + adj ||
		            ((pron || plural) && k == vend + 1 + adj)) &&
		        (td_tok_pos_is(c, k, "VBD") ||
		                td_tok_pos_is(c, k, "VBZ") ||
		                td_tok_pos_is(c, k, "VBP") ||
		                td_tok_pos_is(c, k, "MD")) &&
		        td_tok_is_lower(c, k) &&
		        !td_tok_any(c, k, clause_preps))
			return 1;
		if (!td_tok_is_word(c, k) && !td_tok_eq(c, k, "'s", 1))
			return 0;
		/* "a test of the alliance may ...": "of" stays inside the
		 * subject noun phrase, and so does a prepositional phrase
		 * after a common noun ("other mistakes in spraying had") */
		if (td_tok_any(c, k, clause_preps)) {
			int of = td_tok_eq(c, k, "of", 0) && k > vend &&
			         td_tok_is_lower(c, k - 1) &&
			         !td_tok_any(c, k - 1, clause_openers);
			int pp = !of && k > vend &&
			         (td_tok_eq(c, k, "in", 0) ||
			                 td_tok_eq(c, k, "of", 0) ||
			                 td_tok_eq(c, k, "at", 0) ||
			                 td_tok_eq(c, k, "on", 0)) &&
			         td_tok_pos_is(c, k - 1, "NNS") && !pron;
			if (!of && !pp)
				return 0;
			if (pp)
				lim = vend + 8;
		}
		if (k >= vend + 2 && td_tok_is_lower(c, k - 1) &&
		        s_verb(c, k, t1))
			return 1;
	}
	return 0;
}

/* Addressees of object verbs that are no actor: "told reporters". */
static const char *const addressees[] = {"reporters", "journalists",
        "lawmakers", "legislators", "parliament", "MPs", "delegates",
        "colleagues", "allies", "partners", "students", "supporters", "him",
        "her", "them", "us", "me",
        /* the press's words of 1961 ("told newsmen his client was
         * innocent") and the audiences of speeches */
        "newsmen", "newspapermen", "correspondents", "interviewers",
        "audiences", "listeners", "friends", "members", "voters", NULL};
static const char *const addressee_dets[] = {
        "the", "a", "an", "his", "her", "their", "its", NULL};

/* Session 8 (round 10) lists. Openers of a longer phrase between a
 * speech verb and its "that", which may hold commas: an addressee after
 * "to" ("admitted to a news conference in Las Vegas, Nevada, that") and
 * "as recently as October 26". */
static const char *const long_openers[] = {"to", "as", NULL};
/* Quantifier pronouns as the subject of a plural speech verb ("both
 * concede they would like to"): a speaker without a name. */
static const char *const quant_subjects[] = {"both", "all", "many", "most",
        "some", "several", "others", "few", NULL};
/* Verbs of appearance before an infinitive ("seem to indicate"). */
static const char *const appear_verbs[] = {
        "seem", "seems", "seemed", "appear", "appears", "appeared", NULL};

/* Past the addressee of an object verb at k ("told reporters", "told the
 * House of Commons", "told Washington"); k when there is none. */
static size_t skip_object(const td_actx *c, size_t k, size_t t1)
{
	if (k >= t1)
		return k;
	if (td_tok_any(c, k, addressees))
		return k + 1;
	size_t ms = k + (td_tok_eq(c, k, "the", 1) ? 1 : 0);
	const td_mention *m = ms < t1 ? ment_at(c, ms) : NULL;
	if (m && m->t0 == ms && !m->pronoun)
		return m->t1;
	/* a described addressee when a pronoun subject follows it */
	if (td_tok_any(c, k, addressee_dets))
		for (size_t j = k + 1;
		        j < t1 && j <= k + 3 && td_tok_is_lower(c, j) &&
		        !td_tok_any(c, j, clause_preps) &&
		        !td_tok_any(c, j, finite_words);
		        j++)
			if (j + 1 < t1 && td_tok_any(c, j + 1, clause_pronouns))
				return j + 1;
	return k;
}

static const char *const time_nouns[] = {"week", "month", "year", "weekend",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday", "night", "morning", "evening", NULL};
static const char *const month_names[] = {"January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October",
        "November", "December", NULL};
static const char *const weekday_names[] = {"Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", NULL};

/* Past one short time or manner adverbial at k: "on Monday", "on 9
 * October", "in October", "last week", "earlier this month", "privately".
 * Returns k when there is none. */
static size_t skip_adverbial(const td_actx *c, size_t k, size_t t1)
{
	if (k >= t1)
		return k;
	if (td_tok_eq(c, k, "on", 1) && k + 1 < t1) {
		if (td_tok_any(c, k + 1, weekday_names))
			return k + 2;
		if (td_tok_is_num(c, k + 1) && k + 2 < t1 &&
		        td_tok_any(c, k + 2, month_names))
			return k + 3;
		if (td_tok_any(c, k + 1, month_names) && k + 2 < t1 &&
		        td_tok_is_num(c, k + 2))
			return k + 3;
		return k;
	}
	if (td_tok_eq(c, k, "in", 1) && k + 1 < t1) {
		if (td_tok_any(c, k + 1, month_names))
			return k + 2 < t1 && td_tok_is_num(c, k + 2) ? k + 3
			                                             : k + 2;
		if (td_tok_is_num(c, k + 1) && td_tok_len(c, k + 1) == 4)
			return k + 2;
		return k;
	}
	if ((td_tok_eq(c, k, "last", 1) || td_tok_eq(c, k, "this", 1)) &&
	        k + 1 < t1 && td_tok_any(c, k + 1, time_nouns))
		return k + 2;
	if ((td_tok_eq(c, k, "earlier", 1) || td_tok_eq(c, k, "later", 1)) &&
	        k + 2 < t1 && td_tok_eq(c, k + 1, "this", 1) &&
	        td_tok_any(c, k + 2, time_nouns))
		return k + 3;
	size_t n = td_tok_len(c, k);
	const char *s = td_tok_str(c, k);
	if (td_tok_is_lower(c, k) && n > 4 && s[n - 2] == 'l' &&
	        s[n - 1] == 'y' && !td_tok_eq(c, k, "only", 1))
		return k + 1;
	if (td_tok_any(c, k, time_adverbs))
		return k + 1;
	/* a weekday, perhaps with its part ("said Monday night he was") */
	if (td_tok_any(c, k, weekday_names))
		return k + 1 < t1 && (td_tok_eq(c, k + 1, "night", 0) ||
		                             td_tok_eq(
		                                     c, k + 1, "morning", 0) ||
		                             td_tok_eq(c, k + 1, "afternoon",
		                                     0) ||
		                             td_tok_eq(c, k + 1, "evening", 0))
		               ? k + 2
		               : k + 1;
	return k;
}

/* Start of a zero-"that" clause after the verb ending at vend: past an
 * addressee for object verbs ("told reporters the threat ..."), right
 * after verbs marked yes ("said it was"), or past a short adverbial
 * ("said on Monday Tehran had", "say privately the mission lacks").
 * Returns 0 when there is none. */
static size_t bare_clause_start(
        const td_actx *c, size_t vend, size_t t1, int flags)
{
	if (flags & TD_SVF_OBJECT) {
		size_t k = skip_adverbial(c, skip_object(c, vend, t1), t1);
		if (k > vend && zero_that_clause(c, k, t1))
			return k;
	}
	if (!(flags & TD_SVF_BARE))
		return 0;
	if (zero_that_clause(c, vend, t1))
		return vend;
	size_t k = skip_adverbial(c, vend, t1);
	if (k > vend && zero_that_clause(c, k, t1))
		return k;
	return 0;
}

/* The words after a "that" up to the clause's end (a ';', ':' or the
 * sentence's end) hold a verb (VB*, MD) or a quotation: a clause. "Ruth
 * knew that look;", "He held that office for years." hold none: "that"
 * is a determiner there, and no report follows. */
static int clause_has_verb(const td_actx *c, size_t k, size_t t1)
{
	for (; k < t1; k++) {
		if (tok_in_quote(c, k))
			return 1;
		if (td_tok_eq(c, k, ";", 0) || td_tok_eq(c, k, ":", 0))
			return 0;
		if (td_tok_pos_is(c, k, "VB*") || td_tok_pos_is(c, k, "MD"))
			return 1;
	}
	return 0;
}

/* "that" after the verb, past a short adverbial ("said on Thursday that",
 * "insisted last week that") or, for verbs with an addressee, an object
 * ("told a meeting in Abuja that"). Returns the token of "that" or 0. */
static size_t that_after(const td_actx *c, size_t vend, size_t t1, int object)
{
	/* "Martha knew that, and she said nothing.", "He said that.": a
	 * "that" before the clause's end or ", and"/", but" is the object
	 * pronoun; no clause follows */
	if (vend + 1 < t1 && td_tok_eq(c, vend, "that", 1) &&
	        (td_tok_eq(c, vend + 1, ".", 0) ||
	                td_tok_eq(c, vend + 1, ";", 0) ||
	                td_tok_eq(c, vend + 1, "!", 0) ||
	                td_tok_eq(c, vend + 1, "?", 0) ||
	                (vend + 2 < t1 && td_tok_eq(c, vend + 1, ",", 0) &&
	                        (td_tok_eq(c, vend + 2, "and", 1) ||
	                                td_tok_eq(c, vend + 2, "but", 1)))))
		return 0;
	if (vend < t1 &&
	        (td_tok_eq(c, vend, "that", 1) || td_tok_eq(c, vend, "how", 1)))
		return vend;
	/* an adverb between commas: "indicated, however, that", "feels,
	 * therefore, that" */
	if (vend + 3 < t1 && td_tok_eq(c, vend, ",", 0) &&
	        td_tok_pos_is(c, vend + 1, "RB") &&
	        td_tok_eq(c, vend + 2, ",", 0) &&
	        td_tok_eq(c, vend + 3, "that", 1))
		return vend + 3;
	/* two adverbs between commas: "Then he said, very quietly, that a
	 * man in a tan raincoat had asked him" (session 20) */
	if (vend + 4 < t1 && td_tok_eq(c, vend, ",", 0) &&
	        td_tok_pos_is(c, vend + 1, "RB") &&
	        td_tok_pos_is(c, vend + 2, "RB") &&
	        td_tok_eq(c, vend + 3, ",", 0) &&
	        td_tok_eq(c, vend + 4, "that", 1))
		return vend + 4;
	/* a count of times ("had said a hundred times that", "said many
	 * times that") */
	for (size_t k = vend + 1; k < t1 && k <= vend + 3; k++) {
		if (!td_tok_is_lower(c, vend) || !td_tok_is_lower(c, k) ||
		        td_tok_any(c, k - 1, finite_words) ||
		        tok_in_quote(c, k))
			break;
		if (td_tok_eq(c, k, "times", 0) && k + 1 < t1 &&
		        td_tok_eq(c, k + 1, "that", 0))
			return k + 1;
	}
	/* a manner adverb ("said flatly that", "say privately that",
	 * "said only that") */
	if (vend + 1 < t1 && td_tok_eq(c, vend + 1, "that", 1) &&
	        !tok_in_quote(c, vend) &&
	        /* a saying that happened, not one urged ("should say
	         * plainly that") */
	        vend > 1 && !td_tok_pos_is(c, vend - 1, "VB") &&
	        !td_tok_pos_is(c, vend - 2, "MD") &&
	        !td_tok_eq(c, vend - 2, "to", 1) &&
	        (td_tok_eq(c, vend, "only", 1) ||
	                (td_tok_pos_is(c, vend, "RB") &&
	                        skip_adverbial(c, vend, t1) == vend + 1)))
		return vend + 1;
	/* a weekday opens an adverbial too ("announced Friday that") */
	if (vend >= t1 || !(object || td_tok_any(c, vend, adverbial_openers) ||
	                          td_tok_any(c, vend, weekday_names)))
		return 0;
	for (size_t k = vend + 1; k < t1 && k <= vend + (object ? 9 : 6); k++) {
		/* a possessive inside the addressee ("assured Chiang
		 * Kai-shek's emissary that") */
		if (object && td_tok_eq(c, k, "'s", 1))
			continue;
		if (tok_in_quote(c, k) || !td_tok_is_word(c, k) ||
		        td_tok_any(c, k, finite_words))
			return 0;
		/* a relative "that" after the addressee ("told the crowd
		 * that gathered at the gate a story") opens no report */
		if (td_tok_eq(c, k, "that", 1))
			return object && k + 1 < t1 &&
			                       (td_tok_pos_is(
			                                c, k + 1, "VBD") ||
			                               td_tok_pos_is(
			                                       c, k + 1, "VBN"))
			               ? 0
			               : k;
	}
	return 0;
}

/* "that" after a longer phrase with commas: "told Charlie Coe, his
 * last-round partner, that" (a named addressee and its appositive),
 * "admitted to a news conference in Las Vegas, Nevada, that", "declared
 * as recently as October 26 that". No finite word, quote or other
 * punctuation on the way. Returns the token of "that" or 0. */
static size_t that_after_phrase(
        const td_actx *c, size_t vend, size_t t1, int object)
{
	if (vend >= t1)
		return 0;
	const td_mention *m = ment_at(c, vend);
	int named = object && m && m->t0 == vend && !m->pronoun && !m->located;
	/* a long described addressee ("told a crowd of some 250,000
	 * persons in front of the City Hall this evening that"): words and
	 * numbers only, and "that" opening a clause, not a relative one
	 * ("the crowd that gathered") */
	if (object && !named && td_tok_any(c, vend, addressee_dets))
		for (size_t k = vend + 1; k + 1 < t1 && k <= vend + 16; k++) {
			if (tok_in_quote(c, k) ||
			        td_tok_any(c, k, finite_words) ||
			        !(td_tok_is_word(c, k) || td_tok_is_num(c, k)))
				break;
			if (td_tok_eq(c, k, "that", 1)) {
				if (td_tok_pos_is(c, k + 1, "VB*") ||
				        td_tok_pos_is(c, k + 1, "MD") ||
				        td_tok_any(c, k + 1, clause_pronouns))
					break;
				return k;
			}
		}
	if (!named && !td_tok_any(c, vend, long_openers))
		return 0;
	for (size_t k = vend + 1; k < t1 && k <= vend + 12; k++) {
		if (tok_in_quote(c, k) || td_tok_any(c, k, finite_words))
			return 0;
		if (td_tok_eq(c, k, "that", 1))
			return td_tok_eq(c, k - 1, ",", 0) || !named ? k : 0;
		if (!td_tok_is_word(c, k) && !td_tok_eq(c, k, ",", 0) &&
		        !td_tok_eq(c, k, "-", 0))
			return 0;
	}
	return 0;
}

/* A quantifier pronoun as the subject of a plural speech verb at t, at
 * the start of its clause ("Although both concede they would like to
 * hit 60"): a speaker without a name, whose clause is reported. */
static int quant_subject(const td_actx *c, size_t t0, size_t t)
{
	if (t <= t0 || !td_tok_in(c, t - 1, quant_subjects, 1) ||
	        !td_tok_is_lower(c, t))
		return 0;
	if (t - 1 > t0 && !is_sub(c, t - 2) && !td_tok_eq(c, t - 2, ",", 0) &&
	        !td_tok_eq(c, t - 2, "but", 1) &&
	        !td_tok_eq(c, t - 2, "and", 1))
		return 0;
	size_t vn = td_tok_len(c, t);
	const char *v = td_tok_str(c, t);
	return v[vn - 1] != 's' && v[vn - 1] != 'd';
}

/* The kind of the actor keyed key as its mentions give it, or NULL. */
static const char *key_kind(const td_actx *c, const char *key)
{
	for (size_t k = 0; key && k < c->n_ments; k++)
		if (!c->ments[k].pronoun && c->ments[k].key &&
		        c->ments[k].kind && strcmp(c->ments[k].key, key) == 0)
			return c->ments[k].kind;
	return NULL;
}

/* "Then it added:" after "the PHS conceded that ...": "it" as the subject
 * of a speech verb at t (adverbs between) is the organisation or state
 * that spoke in the sentence before (prev_who); NULL otherwise. */
static const char *it_speaker(
        const td_actx *c, size_t t0, size_t t, const char *prev_who)
{
	size_t k = t;
	while (k > t0 && td_tok_in(c, k - 1, pre_verb_adverbs, 1))
		k--;
	if (k <= t0 || !td_tok_eq(c, k - 1, "it", 1) || tok_in_quote(c, k - 1))
		return NULL;
	const char *kind = key_kind(c, prev_who);
	return kind && (strcmp(kind, "org") == 0 || strcmp(kind, "state") == 0)
	               ? prev_who
	               : NULL;
}

static int is_dash(const td_actx *c, size_t k)
{
	return td_tok_eq(c, k, "\xe2\x80\x93", 0) ||
	       td_tok_eq(c, k, "\xe2\x80\x94", 0) || td_tok_eq(c, k, "--", 0);
}

/* Relative pronouns that open a comma-delimited relative clause ("her
 * uncle, 76, who once ran a candy shop"). */
static const char *const relatives[] = {
        "who", "which", "whose", "whom", "where", NULL};

/* After ", and"/", but" at k: a clause of its own (a finite verb before
 * the next punctuation), which ends the report; a noun phrase in a list
 * ("the bankers for Moscow, Lonsdale the Red paymaster, and the two civil
 * servants the recipients") or a quotation that goes on (the speaker's
 * words: ", but "there is reason to believe ..."") does not. */
/* Auxiliaries and modals that show no person or number. */
static const char *const bare_aux[] = {"had", "would", "could", "must", "might",
        "should", "will", "can", "cannot", "may", NULL};

static int clause_follows(const td_actx *c, size_t k, size_t t1)
{
	if (k < t1 && is_open_mark(c, k))
		return 0;
	/* a predicate without a subject that opens with an auxiliary or a
	 * modal continues the reported clause before: "that a man in a tan
	 * raincoat had asked him for the freight key ..., and had given him
	 * twenty dollars for it", "that a person had to be 18 years old or
	 * over, and must not be going to high school" (session 20); a plain
	 * past ("said he would allow ..., and revealed that") is the
	 * reporter's own next act, and an auxiliary of number may agree
	 * with the reporter ("The Free Chinese know that the situation ...
	 * is in flux, and are poised to strike") */
	if (k < t1 && td_tok_in(c, k, bare_aux, 0))
		return 0;
	/* to the semicolon or the end, past the commas of appositives
	 * ("and Director General Rafael Grossi, appearing before reporters
	 * on Monday, said that"), but not into a relative clause */
	for (size_t a = k; a < t1;) {
		size_t e = a;
		while (e < t1 && !td_tok_eq(c, e, ",", 0) &&
		        !td_tok_eq(c, e, ";", 0) && !td_tok_eq(c, e, ":", 0))
			e++;
		if (!td_tok_in(c, a, relatives, 1) &&
		        !td_tok_pos_is(c, a, "VBG") &&
		        !td_tok_pos_is(c, a, "VBN") && has_finite(c, a, e))
			return 1;
		if (e >= t1 || !td_tok_eq(c, e, ",", 0))
			return 0;
		a = e + 1;
	}
	return 0;
}

static int is_close_mark(const td_actx *c, size_t k);

/* Is there a "that" (outside quotes) in [a, b)? */
static int that_inside(const td_actx *c, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (!tok_in_quote(c, k) && td_tok_eq(c, k, "that", 1))
			return 1;
	return 0;
}

/* A sentence opening with a participle ("Admitting that ..., the
 * Councilman said", "Conceding that ..."): like a fronted subordinate
 * clause, its report ends at the first comma. */
static int fronted_participle(const td_actx *c, size_t t0)
{
	size_t n = td_tok_len(c, t0);
	const char *w = td_tok_str(c, t0);
	return td_tok_is_cap(c, t0) && td_tok_is_word(c, t0) && n > 5 &&
	       memcmp(w + n - 3, "ing", 3) == 0 && !ment_at(c, t0) &&
	       t0 + 1 < c->tok.n &&
	       td_tok_is_lower(c, t0 + 1); /* not "Acting Administrator" */
}

/* Adverbs that may stand between "and" and a second "that" ("and also
 * that they have no second-echelon management"). */
static const char *const and_that_adverbs[] = {
        "also", "further", "finally", NULL};

/* A second "that" clause coordinated at k: "and that", "and also that",
 * or ", and that" after a clause that itself followed "that" (cs - 1),
 * so that "argued that X, and that Y" gives two items as "argued that X
 * and that Y" does. "that" must open a clause, not be its pronoun
 * subject ("and that was all"), and it continues a "that" inside this
 * clause rather than start a report ("a motion which would contend that
 * the verdict was ... and that there were errors": one item). Returns the
 * token after "that", else 0. */
/* A clause at cs reported without "that": a verb of saying right before
 * it, or before a time word or two ("said yesterday the Hawks were ...",
 * "said Monday night he was through"). */
static int zero_that_verb(const td_actx *c, size_t cs)
{
	for (size_t j = cs, n = 0; j > 0 && n < 3; j--, n++) {
		long m = td_speech_match(c, j - 1, cs);
		if (m >= 0 && c->a->speech_pats.v[m].type == TD_SV_SPEECH)
			return 1;
		if (!td_tok_is_word(c, j - 1) || tok_in_quote(c, j - 1))
			return 0;
	}
	return 0;
}

static size_t and_that_at(const td_actx *c, size_t cs, size_t k, size_t t1)
{
	int comma = td_tok_eq(c, k, ",", 0);
	size_t j = k + (comma ? 1 : 0);
	if (comma && !(cs > 0 && (td_tok_eq(c, cs - 1, "that", 1) ||
	                                 zero_that_verb(c, cs))))
		return 0;
	if (j + 2 >= t1 || !td_tok_eq(c, j, "and", 0))
		return 0;
	j++;
	if (td_tok_in(c, j, and_that_adverbs, 0))
		j++;
	if (j + 1 >= t1 || !td_tok_eq(c, j, "that", 0) || tok_in_quote(c, j) ||
	        td_tok_any(c, j + 1, finite_words) ||
	        !td_tok_is_word(c, j + 1) || that_inside(c, cs, k))
		return 0;
	return j + 1;
}

/* Past-tense acts of a speaker towards others that follow a report with
 * "and"/"but" as the reporting subject's own verb ("said ... and declined
 * to comment", "but accused the government of ..."). */
static const char *const speaker_acts[] = {"declined", "refused", "accused",
        "rejected", "criticized", "criticised", "condemned", "blamed",
        "dismissed", "welcomed", NULL};

/* The reported clauses from token cs of sentence si: up to the end of the
 * sentence, a semicolon, the comma closing a fronted subordinate clause,
 * ", and/but" before a new clause, or "and that" (which starts another
 * report); noun: the clause of a noun of view ("the belief that ...").
 * Returns the token after the last clause, or < 0. */
static int reported_clauses(
        td_actx *c, size_t si, size_t cs, const char *who, int noun)
{
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	int fronted =
	        is_sub(c, t0) ||
	        (t0 + 1 < t1 && !td_tok_is_word(c, t0) && is_sub(c, t0 + 1)) ||
	        fronted_participle(c, t0);
	/* a report after the comma that closes the fronted clause is in the
	 * main clause ("While he declined to suggest how, he said that
	 * sooner or later we must ..., "for unless ..."") */
	for (size_t k = t0; fronted && k < cs; k++)
		if (!tok_in_quote(c, k) && td_tok_eq(c, k, ",", 0))
			fronted = 0;
	int rc;
	while (cs < t1) {
		size_t ce = t1, next = 0;
		if (td_tok_eq(c, cs, ",", 0) && cs + 1 < t1)
			cs++; /* "told how, twice on two days, a transmitter
			         ..." */
		for (size_t k = cs; k < t1; k++) {
			if (tok_in_quote(c, k))
				continue;
			/* "and that", "and also that", ", and that": a second
			 * report (and_that_at) */
			if ((td_tok_eq(c, k, "and", 0) ||
			            td_tok_eq(c, k, ",", 0)) &&
			        (next = and_that_at(c, cs, k, t1)) != 0) {
				ce = k;
				break;
			}
			/* ", and"/", but" before a clause ends a noun's
			 * report only when the part before it is a clause
			 * itself: not a list of subjects ("the U. S. belief
			 * that propaganda, the hope of concessions, and the
			 * chance to split the Allies ... were") */
			if (td_tok_eq(c, k, ";", 0) ||
			        (fronted && td_tok_eq(c, k, ",", 0)) ||
			        ((td_tok_eq(c, k, ",", 0) || is_dash(c, k)) &&
			                k + 1 < t1 &&
			                (((td_tok_eq(c, k + 1, "and", 0) ||
			                          td_tok_eq(c, k + 1, "but",
			                                  0)) &&
			                         (!noun || has_finite(
			                                           c, cs, k)) &&
			                         clause_follows(
			                                 c, k + 2, t1)) ||
			                        td_tok_eq(
			                                c, k + 1, "while", 0) ||
			                        td_tok_eq(c, k + 1, "whereas",
			                                0)))) {
				ce = k;
				break;
			}
			/* the comma printed inside a closing mark ("were
			 * “clearly unconstitutional,” and Secretary Ribicoff
			 * has said ..."): a new clause ends the report after
			 * the mark, as after a comma */
			if (is_close_mark(c, k) &&
			        td_tok_eq(c, k - 1, ",", 0) && k + 1 < t1 &&
			        (td_tok_eq(c, k + 1, "and", 0) ||
			                td_tok_eq(c, k + 1, "but", 0)) &&
			        (!noun || has_finite(c, cs, k)) &&
			        clause_follows(c, k + 2, t1)) {
				ce = k + 1;
				break;
			}
			/* a participle of saying after a comma is the main
			 * subject's (", declaring that", ", adding that") */
			if (td_tok_eq(c, k, ",", 0) && k + 1 < t1 &&
			        td_tok_pos_is(c, k + 1, "VBG") &&
			        td_speech_match(c, k + 1, t1) >= 0) {
				ce = k;
				break;
			}
			/* "indicate A, that B and that C": a comma before
			 * "that" (not "that is") starts another report too */
			if (td_tok_eq(c, k, ",", 0) && k + 2 < t1 &&
			        td_tok_eq(c, k + 1, "that", 0) &&
			        !td_tok_eq(c, k + 2, "is", 1) &&
			        !td_tok_eq(c, k + 2, ",", 0)) {
				ce = k;
				next = k + 2;
				break;
			}
			/* "insisted that X and warned that Y": a second
			 * reporting verb of the same subject ends the first
			 * clause */
			if (td_tok_eq(c, k, "and", 0) && k + 1 < t1 &&
			        td_speech_match(c, k + 1, t1) >= 0 &&
			        c->a->speech_pats
			                        .v[td_speech_match(
			                                c, k + 1, t1)]
			                        .type == TD_SV_SPEECH) {
				ce = k;
				break;
			}
			/* "said the company was committed and declined to
			 * comment", "said it had backed the bill but accused
			 * the government": an act of the speaker's own towards
			 * others after "and"/"but" is the reporting subject's
			 * second verb, not the clause's */
			if ((td_tok_eq(c, k, "and", 0) ||
			            td_tok_eq(c, k, "but", 0)) &&
			        k > cs && k + 1 < t1 &&
			        td_tok_in(c, k + 1, speaker_acts, 0)) {
				ce = k;
				break;
			}
			/* a sentence-final appositive is the author's comment
			 * on the report (", an idea Washington has treated with
			 * caution") */
			if (td_tok_eq(c, k, ",", 0) && k + 1 < t1 &&
			        (td_tok_eq(c, k + 1, "a", 0) ||
			                td_tok_eq(c, k + 1, "an", 0)) &&
			        !more_clause_punct(c, k + 1, t1)) {
				ce = k;
				break;
			}
		}
		/* final punctuation stays outside; closing quote marks
		 * inside */
		while (ce > cs && end_punct(c, ce - 1))
			ce--;
		if (ce <= cs)
			break;
		/* "said that from his experience ..., that "Russia respects
		 * ..."": an adverbial before a second "that" is no report */
		if (next && !has_finite(c, cs, ce)) {
			cs = next;
			continue;
		}
		size_t bs = c->tok.v[cs].start, be = c->tok.v[ce - 1].end;
		/* a quote that starts inside the clause ends inside it */
		for (size_t q = 0; q < c->n_quotes; q++)
			if (c->quotes[q].start >= bs &&
			        c->quotes[q].start < be &&
			        c->quotes[q].end > be &&
			        c->quotes[q].end <= c->sents[si].end)
				be = c->quotes[q].end;
		if ((rc = push_said(c, bs, be, (int)si, who)) < 0)
			return rc;
		if (!next)
			return (int)ce;
		cs = next;
	}
	return (int)cs;
}

/* A generic subject: the sentence opens with a bare plural common noun,
 * perhaps after a quantifier and with a prepositional phrase after it,
 * right before a plural speech verb ("Diplomats in the region say",
 * "Analysts at several banks say", "Many economists think"). Such a
 * speaker is unnamed, yet what follows is reported: a zero-"that"
 * clause counts as after a named one. */
static int generic_subject(const td_actx *c, size_t t0, size_t t)
{
	size_t h = t0;
	if (h < t && td_tok_in(c, h, subj_quantifiers, 1))
		h++;
	if (h >= t || t - t0 > 8 || !td_tok_is_word(c, h) || ment_at(c, h) ||
	        td_tok_any(c, h, clause_openers))
		return 0;
	size_t n = td_tok_len(c, h);
	const char *w = td_tok_str(c, h);
	if (n < 4 || w[n - 1] != 's' || w[n - 2] == 's')
		return 0;
	/* the head is capitalised only as the first word */
	if (h > t0 ? !td_tok_is_lower(c, h) : !td_tok_is_cap(c, h))
		return 0;
	for (size_t k = h + 1; k < t; k++)
		if (!td_tok_is_word(c, k) || td_tok_any(c, k, finite_words) ||
		        tok_in_quote(c, k))
			return 0;
	/* the verb is plural: "say", not "says" or "said" */
	size_t vn = td_tok_len(c, t);
	const char *v = td_tok_str(c, t);
	return td_tok_is_lower(c, t) && v[vn - 1] != 's' && v[vn - 1] != 'd';
}

/* A present verb or a modal (the pos layer's VBZ, VBP, MD) in [a, b)
 * before its end or a semicolon. */
static int present_or_modal(const td_actx *c, size_t a, size_t b)
{
	for (size_t i = a; i < b && !td_tok_eq(c, i, ";", 0); i++)
		if (td_tok_pos_is(c, i, "VBZ") || td_tok_pos_is(c, i, "VBP") ||
		        td_tok_pos_is(c, i, "MD"))
			return 1;
	return 0;
}

/* Subjects that name no one: "they", "them" ("A few of them said"),
 * relative pronouns ("some clubs which claim they learned"). */
static const char *const unnamed_pronouns[] = {
        "they", "them", "which", "who", NULL};

/* A finite speech verb at t (the pos layer's VBD, VBZ or VBP) whose
 * subject names no actor: a common noun ("The juror said the masked men
 * had", "some manufacturers believe there could be", "The conservation
 * leader said other mistakes had"), a plural noun opening the sentence
 * ("Troopers said") or one of unnamed_pronouns, perhaps with adverbs
 * between. Its zero-"that" clause is reported, without
 * @who, as an explicit "that" clause is. */
static int unnamed_subject(const td_actx *c, size_t t0, size_t t)
{
	if (!(td_tok_pos_is(c, t, "VBD") || td_tok_pos_is(c, t, "VBZ") ||
	            td_tok_pos_is(c, t, "VBP")))
		return 0;
	size_t k = t;
	while (k > t0 && td_tok_in(c, k - 1, pre_verb_adverbs, 1))
		k--;
	/* past a phrase between commas after the subject ("A barge captain
	 * waiting at Ruse, on the Bulgarian bank, said", "The far-right
	 * party, which voted against, said"): the subject is before it */
	if (k > t0 + 2 && td_tok_eq(c, k - 1, ",", 0)) {
		size_t j = k - 1;
		while (j > t0 && k - j < 16 && !td_tok_eq(c, j - 1, ",", 0) &&
		        td_tok_is_word(c, j - 1) && !tok_in_quote(c, j - 1))
			j--;
		if (j > t0 + 1 && td_tok_eq(c, j - 1, ",", 0) &&
		        td_tok_is_lower(c, j))
			k = j - 1;
	}
	if (k <= t0 || tok_in_quote(c, k - 1) || ment_at(c, k - 1))
		return 0;
	return td_tok_in(c, k - 1, unnamed_pronouns, 1) ||
	       (td_tok_is_lower(c, k - 1) &&
	               (td_tok_pos_is(c, k - 1, "NN") ||
	                       td_tok_pos_is(c, k - 1, "NNS"))) ||
	       /* a plural noun alone opening the sentence ("Troopers said
	        * the child ran", "Officials said"), capitalised only there */
	       (k - 1 == t0 && td_tok_is_cap(c, k - 1) &&
	               td_tok_pos_is(c, k - 1, "NNS"));
}

/* Lowercase words inside a proper name ("Law and Justice", "Van den
 * Broek", "Bank of Ghana"). */
static const char *const name_inner_words[] = {
        "and", "of", "van", "den", "der", "de", "von", "la", "le", NULL};

/* The verbs of saying that have no other sense ("The Flock added a pair
 * of tallies" adds runs): only they report for a name the actor layer
 * does not know. */
static const char *const say_forms[] = {
        "said", "says", "say", "told", "tells", NULL};

/* A proper name the actor layer does not know as the subject right
 * before the verb at t ("Van den Broek said", "In a statement, Law and
 * Justice said"): capitalised words (the pos layer's NNP or NNPS), with
 * the lowercase words of names between them, opening the clause or
 * after a comma. A speaker the text names, whose clause is reported as
 * a named one's is, without @who. */
static int unknown_name_subject(const td_actx *c, size_t t0, size_t t)
{
	size_t k = t;
	while (k > t0 && td_tok_in(c, k - 1, pre_verb_adverbs, 1))
		k--;
	if (k <= t0 || tok_in_quote(c, k - 1) || ment_at(c, k - 1) ||
	        !td_tok_is_cap(c, k - 1) ||
	        !(td_tok_pos_is(c, k - 1, "NNP") ||
	                td_tok_pos_is(c, k - 1, "NNPS")))
		return 0;
	size_t j = k - 1;
	while (j > t0 && k - j < 6 && !tok_in_quote(c, j - 1) &&
	        ((td_tok_is_cap(c, j - 1) && td_tok_is_word(c, j - 1) &&
	                 !ment_at(c, j - 1)) ||
	                (td_tok_in(c, j - 1, name_inner_words, 0) &&
	                        j - 1 > t0 && td_tok_is_cap(c, j - 2))))
		j--;
	return j == t0 || td_tok_eq(c, j - 1, ",", 0);
}

/* "said X and that Y": a later "and that" in the same clause shows that
 * the words right after the verb are a first reported clause without
 * "that" ("said carmakers employ 200,000 people and that a cut would
 * ..."), even when its subject is a bare noun phrase. */
static int and_that_later(const td_actx *c, size_t vend, size_t t1)
{
	if (vend >= t1 || !td_tok_is_word(c, vend) || tok_in_quote(c, vend))
		return 0;
	for (size_t k = vend + 1; k + 1 < t1 && k <= vend + 25; k++) {
		if (td_tok_eq(c, k, ";", 0) || td_tok_eq(c, k, ":", 0))
			return 0;
		if (td_tok_eq(c, k, "and", 0) && td_tok_eq(c, k + 1, "that", 0))
			return 1;
	}
	return 0;
}

/* Subject pronouns and determiners that may open the subject of a
 * post-posed reporting clause (", he added.", ", the navy said."). */
static const char *const subj_openers[] = {"he", "she", "they", "it", "we", "i",
        "the", "a", "an", "one", "its", "his", "her", "their", NULL};
static const char *const post_adverbs[] = {"today", "yesterday", "here",
        "later", "also", "again", "tonight", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", NULL};

/* The end of a subject after a verb (a name, or a determiner and up to
 * three words, perhaps with a possessive), or k when there is none. */
static size_t np_after(const td_actx *c, size_t k, size_t t1)
{
	const td_mention *m = k < t1 ? ment_at(c, k) : NULL;
	if (m && m->t0 == k && !m->pronoun)
		return m->t1;
	if (k >= t1 ||
	        !(td_tok_eq(c, k, "the", 1) || td_tok_in(c, k, indef_dets, 1)))
		return k;
	size_t e = k + 1;
	for (int n = 0; n < 3 && e < t1 && td_tok_is_word(c, e) &&
	                !td_tok_any(c, e, clause_preps) &&
	                !td_tok_any(c, e, finite_words);
	        n++)
		e++;
	return e;
}

/* A bare plural noun phrase at [k, v) as subject: up to four lowercase
 * words, no function word, the last a plural noun ("…, dealers
 * report.", "…, secret service agents testified today."). */
static int bare_plural_np(const td_actx *c, size_t k, size_t v)
{
	if (v <= k || v - k > 4 || !td_tok_pos_is(c, v - 1, "NNS"))
		return 0;
	for (size_t j = k; j < v; j++)
		if (!td_tok_is_lower(c, j) || !td_tok_is_word(c, j) ||
		        td_tok_any(c, j, clause_preps) ||
		        td_tok_any(c, j, finite_words) ||
		        td_tok_any(c, j, clause_openers) || tok_in_quote(c, j))
			return 0;
	return 1;
}

/* A bare plural noun with a phrase after it as the subject at [k, v)
 * ("officials in Washington", "port operators in Romania and
 * Bulgaria"): the first or second word a lowercase plural noun, then a
 * preposition, and no verb to v. */
static int plural_with_phrase(const td_actx *c, size_t k, size_t v)
{
	size_t h = k;
	if (h + 1 < v && td_tok_is_lower(c, h) && !td_tok_pos_is(c, h, "NNS"))
		h++;
	if (h + 2 >= v || v - k > 8 || !td_tok_is_lower(c, h) ||
	        !td_tok_pos_is(c, h, "NNS") ||
	        !td_tok_any(c, h + 1, clause_preps))
		return 0;
	for (size_t j = k; j < v; j++)
		if (!td_tok_is_word(c, j) || tok_in_quote(c, j) ||
		        td_tok_any(c, j, finite_words) ||
		        td_tok_pos_is(c, j, "VB*") ||
		        td_tok_pos_is(c, j, "MD") ||
		        (j < h && td_tok_any(c, j, clause_openers)))
			return 0;
	return 1;
}

/* Discourse connectives that open a sentence before a comma ("For
 * example, ...", "However, ..."): the author's link, not the reported
 * words. */
static const char *const connectives[] = {"however", "moreover", "meanwhile",
        "nevertheless", "still", "thus", "also", "furthermore", "besides",
        "indeed", "instead", "otherwise", "therefore", "hence", NULL};
static const char *const connective_pairs[][2] = {{"for", "example"},
        {"for", "instance"}, {"in", "addition"}, {"of", "course"},
        {"in", "fact"}, {"in", "short"}, {"after", "all"}};

/* Past a coordinating conjunction (And, But, Yet, Or, So) and a
 * connective with its comma at k (before e); k when there is none. */
static size_t after_connective(const td_actx *c, size_t k, size_t e)
{
	if (k + 1 < e &&
	        (td_tok_eq(c, k, "and", 1) || td_tok_eq(c, k, "but", 1) ||
	                td_tok_eq(c, k, "yet", 1) || td_tok_eq(c, k, "or", 1) ||
	                td_tok_eq(c, k, "so", 1)) &&
	        !tok_in_quote(c, k))
		k++;
	if (k + 2 < e && td_tok_in(c, k, connectives, 1) &&
	        td_tok_eq(c, k + 1, ",", 0))
		return k + 2;
	for (size_t i = 0;
	        i < sizeof connective_pairs / sizeof connective_pairs[0]; i++)
		if (k + 3 < e && td_tok_eq(c, k, connective_pairs[i][0], 1) &&
		        td_tok_eq(c, k + 1, connective_pairs[i][1], 1) &&
		        td_tok_eq(c, k + 2, ",", 0))
			return k + 3;
	return k;
}

static int is_close_mark(const td_actx *c, size_t k);

/* Past what may follow a postposed verb of saying before the sentence's
 * end, from k: its addressee ("told reporters", object verbs only), an
 * occasion ("on Monday", "last night", "today") and a medium ("in a
 * statement", "in an interview"). k when there is none. */
static size_t tag_tail(const td_actx *c, size_t k, size_t t1, int object)
{
	if (object)
		k = skip_object(c, k, t1);
	for (int n = 0; n < 3 && k < t1; n++) {
		size_t e = skip_adverbial(c, k, t1);
		if (e == k && td_tok_in(c, k, post_adverbs, 1))
			e = k + 1;
		if (e == k && td_tok_eq(c, k, "in", 1) && k + 2 < t1 &&
		        td_tok_any(c, k + 1, addressee_dets))
			for (size_t j = k + 2;
			        j < t1 && j < k + 5 && td_tok_is_lower(c, j) &&
			        td_tok_is_word(c, j) &&
			        !td_tok_any(c, j, clause_preps) &&
			        !td_tok_any(c, j, finite_words);
			        j++)
				e = j + 1;
		if (e == k)
			break;
		k = e;
	}
	return k;
}

/* Common irregular pasts of a reported clause ("..., rose to 2,418 units
 * ..., says John Staiger"), taken only where the pos layer reads a past
 * verb (not "a rose", "the left wing"). */
static const char *const reported_pasts[] = {"rose", "fell", "grew", "went",
        "came", "took", "got", "made", "gave", "sold", "paid", "won", "lost",
        "spent", "sent", "built", "kept", "held", "brought", "bought", "began",
        "ran", "left", "met", "cost", "broke", "drew", "found", "knew", "saw",
        "thought", "told", "became", "stood", "wrote", NULL};

/* A negated auxiliary's contraction ("couldn't", "hadn't", "doesn't",
 * "won’t"): a finite verb wherever it stands. */
static int negated_aux(const td_actx *c, size_t k)
{
	size_t n = td_tok_len(c, k);
	const char *w = td_tok_str(c, k);
	if (!td_tok_is_lower(c, k) || n < 4 || w[n - 1] != 't')
		return 0;
	return (w[n - 2] == '\'' && w[n - 3] == 'n') ||
	       (n >= 6 && memcmp(w + n - 5, "n\xe2\x80\x99", 4) == 0);
}

/* A reporting clause after what it reports: "Clause, X said [today].",
 * "Clause, X, president of Y, said.", "Clause, said X.", "Clause, he
 * said, and added that ..." (the second verb reports its own clause).
 * Returns 1 and *comma, the comma that ends the reported clause, when the
 * speech verb at [v, vend) is one; *start comes in as the sentence's
 * first token (past a dateline) and goes out as the reported part's. */
static int postposed(const td_actx *c, size_t t0, size_t v, size_t vend,
        size_t t1, size_t *comma, size_t *start)
{
	size_t k = v > t0 && td_tok_eq(c, v - 1, ",", 0) ? np_after(c, vend, t1)
	                                                 : vend;
	if (k > vend) {
		/* ", said Gore." */
		*comma = v - 1;
	} else {
		/* the farthest comma before the verb with a subject after it
		 * and no finite verb between */
		*comma = (size_t)-1;
		for (size_t j = v; j-- > t0 && v - j <= 16;) {
			/* a dash too: "... Kay Martin, the Marskmen and
			 * Tune Toppers – all pulling good biz, he says" is
			 * no clause ended at a comma of its list */
			if (tok_in_quote(c, j) ||
			        td_tok_any(c, j, finite_words) ||
			        td_tok_eq(c, j, ";", 0) ||
			        td_tok_eq(c, j, ":", 0) ||
			        td_tok_eq(c, j, "\xe2\x80\x93", 0) ||
			        td_tok_eq(c, j, "\xe2\x80\x94", 0))
				break;
			if (!td_tok_eq(c, j, ",", 0) || j + 1 >= v)
				continue;
			const td_mention *m = ment_at(c, j + 1);
			if ((m && m->t0 == j + 1) ||
			        td_tok_in(c, j + 1, subj_openers, 1) ||
			        td_tok_is_cap(c, j + 1) ||
			        bare_plural_np(c, j + 1, v) ||
			        plural_with_phrase(c, j + 1, v))
				*comma = j;
		}
		if (*comma == (size_t)-1)
			return 0;
	}
	while (k < t1 && td_tok_in(c, k, post_adverbs, 1))
		k++;
	/* "..., police said on Monday.", "..., the institute said in a
	 * bulletin.", "..., Jones told reporters." */
	long sm = td_speech_match(c, v, t1);
	size_t tail = tag_tail(c, k, t1,
	        sm >= 0 && (c->a->speech_pats.v[sm].flags & TD_SVF_OBJECT));
	/* "Clause, the institute said in a bulletin, and the water is
	 * ...": a clause of the author's own may follow the tag after ",
	 * and"/", but" */
	int and_clause = tail + 2 < t1 && td_tok_eq(c, tail, ",", 0) &&
	                 (td_tok_eq(c, tail + 1, "and", 0) ||
	                         td_tok_eq(c, tail + 1, "but", 0)) &&
	                 !is_speech(c, tail + 2, t1) &&
	                 /* not the part's own verb going on ("he jumped
	                  * up, Slate said, and struck ...": a parenthetical
	                  * tag, no item) */
	                 !td_tok_pos_is(c, tail + 2, "VB*") &&
	                 !td_tok_pos_is(c, tail + 2, "MD") &&
	                 clause_follows(c, tail + 2, t1);
	if (tail < t1 && (td_tok_eq(c, tail, ".", 0) || and_clause))
		k = tail;
	/* ", says John Staiger, vice president.": an appositive of the
	 * inverted subject to the sentence's end, no verb in it */
	if (k > vend && k + 2 < t1 && td_tok_eq(c, k, ",", 0)) {
		size_t e = k + 1;
		while (e < t1 && e - k <= 10 && td_tok_is_word(c, e) &&
		        !tok_in_quote(c, e) &&
		        !td_tok_any(c, e, finite_words) &&
		        !td_tok_pos_is(c, e, "VB*") &&
		        !td_tok_pos_is(c, e, "MD"))
			e++;
		if (e > k + 1 && e + 1 == t1 && td_tok_eq(c, e, ".", 0))
			k = e;
	}
	/* "Clause, the cadet wrote, “though ...”": the quotation goes on
	 * after the reporting clause */
	int quote_on = k + 2 < t1 && td_tok_eq(c, k, ",", 0) &&
	               is_open_mark(c, k + 1) && tok_in_quote(c, k + 2);
	/* "Clause, he said, and added that ...": the tag goes on with a
	 * second verb of saying, which reports its own clause */
	int and_says = k + 2 < t1 && td_tok_eq(c, k, ",", 0) &&
	               td_tok_eq(c, k + 1, "and", 1) && is_speech(c, k + 2, t1);
	if (k < t1 && !quote_on && !and_says && !and_clause &&
	        !td_tok_eq(c, k, ".", 0) && !td_tok_eq(c, k, "!", 0))
		return 0;
	/* the reported part starts after the last colon or semicolon before
	 * its comma ("I put the question to Chiang: "In America", I said,
	 * "..."": only the quotation is reported) and after a connective
	 * opening it ("But it probably will be less ..., Smythe said.", "For
	 * example, shipments climbed ..., Mr. Keeler reports.") */
	for (size_t j = *start; j < *comma; j++)
		if (!tok_in_quote(c, j) &&
		        (td_tok_eq(c, j, ":", 0) || td_tok_eq(c, j, ";", 0)))
			*start = j + 1;
	*start = after_connective(c, *start, *comma);
	/* "... where he ran into Rusty Warren, ... – all pulling good biz,
	 * he says": a dash in the part leaves its start (and the speaker
	 * of its pronoun) unsure */
	for (size_t j = *start; j < *comma; j++)
		if (!tok_in_quote(c, j) &&
		        (td_tok_eq(c, j, "\xe2\x80\x93", 0) ||
		                td_tok_eq(c, j, "\xe2\x80\x94", 0)))
			return 0;
	/* "..., a ball player's ball player, as they say in the trade.": an
	 * as-clause between the comma and the verb comments; it reports
	 * nothing */
	for (size_t j = *comma + 1; j < v; j++)
		if (td_tok_eq(c, j, "as", 1) && !tok_in_quote(c, j))
			return 0;
	/* "“...,” the government spokesman, Patrick Muyaya, told
	 * reporters.": the tag is the quotation's, whose comma is inside its
	 * marks; no clause of the author's is reported */
	for (size_t j = *start + 1; j < *comma; j++)
		if (is_close_mark(c, j) &&
		        (td_tok_eq(c, j - 1, ",", 0) ||
		                td_tok_eq(c, j - 1, "?", 0) ||
		                td_tok_eq(c, j - 1, "!", 0)))
			return 0;
	/* the reported part: a clause with a verb, not a quote alone */
	size_t own = 0;
	int verb = 0;
	for (size_t j = *start; j < *comma; j++) {
		size_t n = td_tok_len(c, j);
		const char *w = td_tok_str(c, j);
		if (td_tok_any(c, j, finite_words) ||
		        (td_tok_is_lower(c, j) && n > 3 && w[n - 2] == 'e' &&
		                w[n - 1] == 'd') ||
		        negated_aux(c, j) ||
		        (td_tok_any(c, j, reported_pasts) &&
		                td_tok_pos_is(c, j, "VBD")))
			verb = 1;
		if (!tok_in_quote(c, j) && td_tok_is_word(c, j))
			own++;
	}
	return verb && own >= 2;
}

/* A dateline before the first sentence's text ("London, Feb. 9 – "):
 * the token after its dash, else t0. */
static size_t after_dateline(const td_actx *c, size_t t0, size_t t1)
{
	int paren = 0;
	for (size_t k = t0 + 1; k < t1 && k <= t0 + 6; k++) {
		if (td_tok_eq(c, k, "\xe2\x80\x93", 0) ||
		        td_tok_eq(c, k, "\xe2\x80\x94", 0))
			return k + 1;
		/* "Salem (special) –": a note in brackets */
		if (td_tok_eq(c, k, "(", 0) || td_tok_eq(c, k, ")", 0)) {
			paren = td_tok_eq(c, k, "(", 0);
			continue;
		}
		if ((td_tok_is_lower(c, k) && !paren) || tok_in_quote(c, k))
			return t0;
	}
	return t0;
}

/* Is there an actor's mention (no pronoun) in [t0, e)? */
static int actor_before(const td_actx *c, size_t t0, size_t e)
{
	for (size_t b = t0; b < e; b++) {
		const td_mention *m = ment_at(c, b);
		if (m && !m->pronoun && m->key)
			return 1;
	}
	return 0;
}

/* ------------------------------------------------------ speech tags */

/* Subject pronouns of a speech tag ("he muttered", "I said"). */
static const char *const tag_pronouns[] = {
        "he", "she", "i", "we", "they", "you", NULL};
/* Determiners of a described subject ("the guide said", "his wife said"). */
static const char *const tag_dets[] = {
        "the", "a", "an", "his", "her", "their", "my", "our", "its", NULL};

/* A closing quote mark at k: a mark right after a quotation's words. */
static int is_close_mark(const td_actx *c, size_t k)
{
	return k > 0 &&
	       (td_tok_eq(c, k, "\xe2\x80\x9d", 0) ||
	               td_tok_eq(c, k, "\xe2\x80\x99", 0) ||
	               td_tok_eq(c, k, "\"", 0) || td_tok_eq(c, k, "'", 0)) &&
	       !tok_in_quote(c, k) && tok_in_quote(c, k - 1);
}

/* The first token of the subject right before the verb at t (a name
 * with its title, a subject pronoun, or a determiner and up to three
 * words), adverbs between allowed ("Anna quietly said"); t when there
 * is none. */
static size_t tag_subject(const td_actx *c, size_t t0, size_t t)
{
	size_t k = t;
	for (int n = 0; n < 2 && k > t0 && td_tok_is_lower(c, k - 1) &&
	                td_tok_pos_is(c, k - 1, "RB") &&
	                !td_tok_any(c, k - 1, clause_preps);
	        n++)
		k--;
	if (k <= t0 || tok_in_quote(c, k - 1))
		return t;
	const td_mention *m = ment_at(c, k - 1);
	if (m && m->t1 == k && !m->pronoun) {
		k = m->t0;
		/* its title: "Mrs. Vane", "Colonel Rourke" */
		for (int n = 0;
		        n < 3 && k > t0 &&
		        (td_tok_is_cap(c, k - 1) ||
		                (td_tok_eq(c, k - 1, ".", 0) && k - 1 > t0 &&
		                        td_tok_is_cap(c, k - 2)));
		        n++)
			k--;
		return k;
	}
	if (td_tok_in(c, k - 1, tag_pronouns, 1))
		return k - 1;
	for (size_t j = k; j-- > t0 && k - j <= 4;) {
		if (!td_tok_is_word(c, j) || tok_in_quote(c, j) ||
		        td_tok_any(c, j, clause_preps) ||
		        td_tok_any(c, j, finite_words))
			break;
		if (td_tok_in(c, j, tag_dets, 1))
			return j < k - 1 ? j : t;
	}
	return t;
}

/* A subject right after the verb ending at vend ("asked Brand", "asked
 * Mrs. Vane", "said the Colonel"); the token after it, or vend. */
static size_t tag_subject_after(const td_actx *c, size_t vend, size_t t1)
{
	size_t k = vend;
	long tm = k < t1 ? td_patset_match(&c->a->title_pats, c, k, t1) : -1;
	if (tm >= 0 && !ment_at(c, k))
		k += (size_t)c->a->title_pats.v[tm].n;
	const td_mention *m = k < t1 ? ment_at(c, k) : NULL;
	if (m && m->t0 == k && !m->pronoun)
		return m->t1;
	if (vend < t1 && td_tok_in(c, vend, tag_pronouns, 1))
		return vend + 1;
	size_t e = np_after(c, vend, t1);
	return e;
}

/* The quotation that ends sentence si - 1 of the same paragraph (only
 * marks and punctuation after it), or -1. */
static long quote_ending_before(const td_actx *c, size_t si)
{
	if (si == 0 || c->sents[si].para != c->sents[si - 1].para ||
	        c->sents[si].para < 0)
		return -1;
	const td_sent *p = &c->sents[si - 1];
	long best = -1;
	for (size_t q = 0; q < c->n_quotes; q++) {
		if (c->quotes[q].end <= p->start || c->quotes[q].end > p->end)
			continue;
		size_t k = p->t0;
		while (k < p->t1 && c->tok.v[k].start < c->quotes[q].end)
			k++;
		for (; k < p->t1; k++)
			if (td_tok_is_word(c, k))
				break;
		if (k >= p->t1)
			best = (long)q;
	}
	/* a sentence of quoted words alone: "The company called it "a
	 * mistake"." ends in a quotation but is the author's */
	for (size_t k = p->t0; best >= 0 && k < p->t1; k++)
		if (td_tok_is_word(c, k) && !tok_in_quote(c, k))
			return -1;
	return best;
}

/* Is the verb of saying at [t, vend) in a speech tag beside a quotation:
 * after its closing mark ("“...,” he muttered", "“...?” asked Brand"),
 * before a colon or an opening mark ("Brand shouted: “...”", "he
 * whispered, “...”"), or opening its sentence after one that ends in a
 * quotation ("“Where is the boat?”" / "Brand asked.")? *opens is set in
 * the last case. */
static int tag_position(
        const td_actx *c, size_t si, size_t t, size_t vend, int tag, int *opens)
{
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	size_t k = tag_subject(c, t0, t);
	size_t e = k < t ? vend : tag_subject_after(c, vend, t1);
	*opens = 0;
	if (k == t && e == vend)
		return 0; /* no subject */
	if (k > t0 && (is_close_mark(c, k - 1) ||
	                      (k - 1 > t0 && is_close_mark(c, k - 2) &&
	                              (td_tok_eq(c, k - 1, ",", 0) ||
	                                      is_dash(c, k - 1) ||
	                                      td_tok_eq(c, k - 1, "?", 0) ||
	                                      td_tok_eq(c, k - 1, "!", 0)))))
		return 1;
	for (int n = 0; n < 2 && e < t1 && td_tok_pos_is(c, e, "RB") &&
	                td_tok_is_lower(c, e);
	        n++)
		e++;
	/* a tag of its own: a verb of manner reports nothing ("Brand
	 * shouted, and pulled her down", "Asked Palmer of an official."); a
	 * verb of saying only with nothing after it ("Brand said."), not a
	 * new report ("Smith said the plan would fail.") */
	int own = tag || e >= t1 || end_punct(c, e);
	if (k == t0 && own && quote_ending_before(c, si) >= 0) {
		*opens = 1;
		return 1;
	}
	return e < t1 && (td_tok_eq(c, e, ":", 0) || is_open_mark(c, e) ||
	                         (td_tok_eq(c, e, ",", 0) && e + 1 < t1 &&
	                                 is_open_mark(c, e + 1)));
}

/* "PHS apparently decided ...: "..."": an organisation or state that is
 * the subject of the clause before the colon at token colon (no person
 * there) says the quotation after it; NULL when there is none. */
static const char *colon_body_subject(const td_actx *c, size_t t0, size_t colon)
{
	for (size_t b = t0; b < colon; b++) {
		const td_mention *m = ment_at(c, b);
		if (!m || m->t0 != b || m->pronoun || m->located || !m->key ||
		        tok_in_quote(c, b))
			continue;
		if ((strcmp(m->kind, "org") == 0 ||
		            strcmp(m->kind, "state") == 0) &&
		        subject_position(c, m))
			return m->key;
		b = m->t1 - 1;
	}
	return NULL;
}

/* Negations before a verb ("did not know", "didn't know", "never
 * knew"). */
static const char *const negations[] = {"not", "n't", "never", NULL};

/* Is the verb at t negated: a negation among the three words before it,
 * in its clause? */
static int negated_before(const td_actx *c, size_t t0, size_t t)
{
	for (size_t k = t; k-- > t0 && t - k <= 3;) {
		if (!td_tok_is_word(c, k) && !td_tok_eq(c, k, "n't", 1))
			return 0;
		if (td_tok_in(c, k, negations, 1))
			return 1;
	}
	return 0;
}

/* Words between the subject and the verb of a fronted "As X has argued,"
 * (a reflexive of emphasis, an auxiliary). */
static const char *const as_clause_words[] = {"himself", "herself", "itself",
        "themselves", "has", "have", "had", "did", "once", NULL};

/* "As Jones has argued, CLAUSE", "As she has argued, ...", "But as Smith
 * himself has pointed out, ...": a clause of manner that opens the
 * sentence, its subject a name or a pronoun and its verb one of saying
 * (at [t, vend)), followed by a comma. The main clause is the report, as
 * after "According to X,". Returns the token after the comma, else 0. */
static size_t as_clause_report(
        const td_actx *c, size_t t0, size_t t, size_t vend, size_t t1)
{
	size_t k = t0;
	if (k < t && (td_tok_eq(c, k, "and", 1) || td_tok_eq(c, k, "but", 1)))
		k++;
	if (vend + 1 >= t1 || !td_tok_eq(c, vend, ",", 0) || k + 2 > t ||
	        !td_tok_eq(c, k, "as", 1) || tok_in_quote(c, vend + 1))
		return 0;
	k++;
	/* the subject: a name (after a title), else a pronoun or a
	 * capitalised word the actors stage did not take */
	const td_mention *m = named_actor_at(c, k, t);
	if (m)
		k = m->t1;
	else if (td_tok_in(c, k, he_she, 1) || td_tok_eq(c, k, "they", 1))
		k++;
	else {
		if (!td_tok_is_cap(c, k) || !td_tok_is_word(c, k))
			return 0;
		while (k < t && td_tok_is_cap(c, k) && td_tok_is_word(c, k))
			k++;
	}
	/* a year in brackets after a cited author ("As Smith (1957) has
	 * shown,") */
	if (k + 2 < t && td_tok_eq(c, k, "(", 0) && td_tok_is_num(c, k + 1) &&
	        td_tok_eq(c, k + 2, ")", 0))
		k += 3;
	for (; k < t; k++)
		if (!td_tok_in(c, k, as_clause_words, 1) &&
		        !td_tok_pos_is(c, k, "RB"))
			return 0;
	return vend + 1;
}

/* Determiners that open a noun phrase whose head may be a noun of view
 * ("the thesis that", "any illusion that", "no indication that"). */
static const char *const view_dets[] = {
        "the", "a", "an", "any", "no", "this", "every", "some", NULL};

/* The noun of view at t heads a noun phrase opened by a determiner, with
 * at most four modifiers between: adjectives, nouns, participles or an
 * actor's name ("the current neo-stagnationist thesis", "the comfortable
 * knowledge", "the U. S. belief"). */
static int determined_noun(const td_actx *c, size_t t0, size_t t)
{
	size_t k = t;
	for (int n = 0; k > t0 && n < 5; n++) {
		const td_mention *m = ment_at(c, k - 1);
		if (m && !m->pronoun && m->t0 >= t0 && m->t0 < k) {
			k = m->t0;
			continue;
		}
		/* the noun phrase an object: after a verb, a particle or a
		 * preposition ("refuted the thesis that", "hold out the hope
		 * that", "weakened by any illusion that"); a subject's clause
		 * ("the hope that this choice would prove viable has been
		 * shaken") runs into its main verb */
		if (td_tok_in(c, k - 1, view_dets, 1))
			return !tok_in_quote(c, k - 1) && k - 1 > t0 &&
			       (td_tok_pos_is(c, k - 2, "VB*") ||
			               td_tok_pos_is(c, k - 2, "RP") ||
			               td_tok_pos_is(c, k - 2, "IN") ||
			               td_tok_pos_is(c, k - 2, "TO"));
		if (!td_tok_is_lower(c, k - 1) || tok_in_quote(c, k - 1) ||
		        !(td_tok_pos_is(c, k - 1, "JJ*") ||
		                td_tok_pos_is(c, k - 1, "NN*") ||
		                td_tok_pos_is(c, k - 1, "VBN")))
			return 0;
		k--;
	}
	return 0;
}

/* After a noun's "that" at k-1: a clause of its own, a subject before a
 * finite verb, not a relative clause whose subject is the "that" ("the
 * belief that sustained them", "the view that is held"). */
static int that_clause_follows(const td_actx *c, size_t k, size_t t1)
{
	if (k >= t1 || td_tok_pos_is(c, k, "VB*") ||
	        td_tok_pos_is(c, k, "MD") || td_tok_any(c, k, finite_words) ||
	        !td_tok_is_word(c, k))
		return 0;
	return clause_follows(c, k, t1);
}

/* The person subject of the main clause at k, after the comma that
 * closes a fronted participle ("Conceding that ..., Mr. Schaefer
 * listed", "Admitting that ..., the Councilman said"): a person's name,
 * perhaps after a title, or a title alone that names one, followed by a
 * verb. NULL when there is none. */
static const char *main_subject_at(const td_actx *c, size_t k, size_t t1)
{
	if (k < t1 && td_tok_eq(c, k, "the", 1))
		k++;
	long tm = k < t1 ? td_patset_match(&c->a->title_pats, c, k, t1) : -1;
	size_t e = tm >= 0 ? k + (size_t)c->a->title_pats.v[tm].n : k;
	const td_mention *m = e < t1 ? ment_at(c, e) : NULL;
	const char *who = NULL;
	if (m && m->t0 == e && !m->pronoun && m->key && m->kind &&
	        strcmp(m->kind, "person") == 0) {
		who = m->key;
		e = m->t1;
	} else if (tm >= 0 && !ment_at(c, k))
		who = title_alone(c, k, e);
	if (!who || e >= t1 ||
	        !(td_tok_pos_is(c, e, "VB*") || td_tok_pos_is(c, e, "MD")))
		return NULL;
	return who;
}

/* "In his view," / "In Firth's view," opening the sentence at t0 (a noun
 * of view, speech_verbs.tsv's class view, owned by a possessive, then a
 * comma): *cs gets the first token of the main clause and the owner is
 * returned ("his"/"her": the person the pronoun resolves to; NULL when
 * unresolved). *cs stays 0 when the sentence has no such opening. */
static const char *view_opening(
        const td_actx *c, size_t t0, size_t t1, size_t *cs)
{
	size_t k = t0 + 1;
	const char *w = NULL;
	const td_mention *m = k < t1 ? ment_at(c, k) : NULL;
	if (k < t1 &&
	        (td_tok_eq(c, k, "his", 1) || td_tok_eq(c, k, "her", 1))) {
		w = resolve_pronoun(c, k);
		k++;
	} else if (m && m->t0 == k && !m->pronoun && m->t1 + 1 < t1 &&
	           td_tok_eq(c, m->t1, "'s", 1)) {
		w = m->key;
		k = m->t1 + 1;
	} else
		return NULL;
	long v = k < t1 ? td_speech_match(c, k, t1) : -1;
	if (v < 0 || c->a->speech_pats.v[v].type != TD_SV_VIEW)
		return NULL;
	k += (size_t)c->a->speech_pats.v[v].n;
	if (k + 2 >= t1 || !td_tok_eq(c, k, ",", 0) ||
	        !has_finite(c, k + 1, t1))
		return NULL;
	*cs = k + 1;
	return w;
}

/* Speech verbs of sentence si: attribute its quotes and mark reported
 * clauses. Returns the speaker of the sentence's first speech verb via
 * *who_out (for quotes in the next sentence). */
static int sentence_speech(
        td_actx *c, size_t si, const char *prev_who, const char **who_out)
{
	const td_annotator *a = c->a;
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	const char *sent_who = NULL, *coord_who = NULL;
	size_t coord_verb = (size_t)-1;
	/* the reported clauses found so far: a verb of saying inside one
	 * reports a clause of its own (a nested report: "She said the jurors
	 * agreed that Pohl's confession was valid"), its speaker sought
	 * inside the clause only */
	size_t nest_lo[8], nest_hi[8];
	int n_nest = 0;
	int have_verb = 0, rc;
	for (size_t t = t0; t < t1; t++) {
		if (tok_in_quote(c, t))
			continue;
		size_t s0 = t0, s1 = t1;
		for (int i = 0; i < n_nest; i++)
			if (nest_lo[i] <= t && t < nest_hi[i] &&
			        nest_lo[i] >= s0) {
				s0 = nest_lo[i];
				s1 = nest_hi[i];
			}
		/* "in Senator Gore's words", "in the words of Anatole
		 * France": the sentence's quotes are his */
		if (td_tok_eq(c, t, "in", 1)) {
			const char *w = statement_owner(c, t + 1, t1);
			if (w) {
				have_verb = 1;
				if (!sent_who)
					sent_who = w;
				td_who_clear(TD_WHO_SITE);
				td_who_note(TD_WHO_SITE, "in-words-of", w);
				for (size_t q = 0; q < c->n_quotes; q++)
					if (c->quotes[q].sent == (int)si &&
					        !c->quotes[q].who) {
						c->quotes[q].who = w;
						c->quotes[q].rule =
						        td_who_rule_now();
					}
				continue;
			}
		}
		/* "In his view, CLAUSE", "In Firth's view, CLAUSE": the main
		 * clause is the owner's position */
		if (t == t0 && td_tok_eq(c, t, "in", 1)) {
			size_t vc = 0;
			const char *vw = view_opening(c, t0, t1, &vc);
			td_who_clear(TD_WHO_SITE);
			td_who_note(TD_WHO_SITE, "in-view-of", vw);
			if (vc) {
				size_t ce = vc;
				while (ce < t1 &&
				        (tok_in_quote(c, ce) ||
				                !td_tok_eq(c, ce, ";", 0)))
					ce++;
				while (ce > vc && end_punct(c, ce - 1) &&
				        !tok_in_quote(c, ce - 1))
					ce--;
				if (ce > vc &&
				        (rc = push_said(c, c->tok.v[vc].start,
				                 c->tok.v[ce - 1].end, (int)si,
				                 vw)) < 0)
					return rc;
				t = ce > t ? ce - 1 : t;
				continue;
			}
		}
		long m = td_speech_match(c, t, t1);
		if (m < 0)
			continue;
		/* a word of an actor's name is no verb ("the United States
		 * is") */
		if (ment_at(c, t))
			continue;
		/* the author's own view ("I feel that", "I believe TV
		 * watchers will be bored", "We take the position that"): no
		 * actor's report */
		{
			size_t k = t;
			while (k > t0 &&
			        td_tok_in(c, k - 1, pre_verb_adverbs, 1))
				k--;
			/* past a modal: "I can report to you that", "we
			 * must insist that" */
			if (k > t0 + 1 && td_tok_pos_is(c, k - 1, "MD") &&
			        td_tok_is_lower(c, k - 1))
				k--;
			if (k > t0 && !tok_in_quote(c, k - 1) &&
			        (td_tok_eq(c, k - 1, "I", 0) ||
			                td_tok_eq(c, k - 1, "we", 1)))
				continue;
		}
		const td_pat *p = &a->speech_pats.v[m];
		size_t vend = t + (size_t)p->n;
		int found;
		const char *who;
		/* a phrasal verb with "out" is no saying ("ruled out") */
		if (vend < t1 && td_tok_eq(c, vend, "out", 1))
			continue;
		/* a verb of thinking or knowing reports only what its subject
		 * holds: not "did not know that", "never knew that" */
		if (p->type == TD_SV_THOUGHT && negated_before(c, s0, t))
			continue;
		/* nor does a verb of saying negated ("Marsh did not answer.",
		 * "he never said that"): nobody speaks, and the speaker does
		 * not carry to the quotation after it */
		if ((p->type == TD_SV_SPEECH || p->type == TD_SV_TAG) &&
		        negated_before(c, s0, t))
			continue;
		/* a verb of the manner of saying speaks only in a speech tag
		 * beside a quotation ("“...,” Rourke snapped") */
		int tag_opens = 0;
		if (p->type == TD_SV_TAG &&
		        !tag_position(c, si, t, vend, 1, &tag_opens))
			continue;
		/* passive "it is said that" reports nobody, nor does "it is
		 * generally conceded that", "it is now disclosed that", "it
		 * was found that"; "are suddenly realizing that" is no
		 * passive */
		if ((p->type == TD_SV_SPEECH || p->type == TD_SV_THOUGHT ||
		            p->type == TD_SV_TAG) &&
		        t > t0 && !td_tok_pos_is(c, t, "VBG") &&
		        (td_tok_any(c, t - 1, passive_aux) ||
		                (t - 1 > t0 && td_tok_pos_is(c, t - 1, "RB") &&
		                        td_tok_any(c, t - 2, passive_aux)))) {
			/* "Clause, the commission was told Friday.": the one
			 * told after the clause is no speaker, yet the clause
			 * was said to it; reported without @who */
			size_t pc,
			        ps = si == 0 ? after_dateline(c, t0, t1) : t0;
			if (p->type == TD_SV_SPEECH &&
			        (p->flags & TD_SVF_OBJECT) && s0 == t0 &&
			        td_tok_any(c, t - 1, passive_aux) &&
			        t - 1 > t0 && !td_tok_eq(c, t - 2, ",", 0) &&
			        postposed(c, t0, t - 1, vend, t1, &pc, &ps) &&
			        pc > ps &&
			        (rc = push_said(c, c->tok.v[ps].start,
			                 c->tok.v[pc - 1].end, (int)si, NULL)) <
			                0)
				return rc;
			continue;
		}
		/* a noun of view reports its "that" clause: owned ("his
		 * view that ...", "Firth's claim that"), its owner the
		 * speaker; or after a determiner ("the current thesis that",
		 * "any illusion that", "the U. S. belief that"), its speaker
		 * only an actor right before the noun, else none */
		int view_owner = 0;
		if (p->type == TD_SV_VIEW) {
			if (!(vend < t1 && td_tok_eq(c, vend, "that", 1) &&
			            t > t0 &&
			            that_clause_follows(c, vend + 1, t1)))
				continue;
			if (td_tok_eq(c, t - 1, "his", 1) ||
			        td_tok_eq(c, t - 1, "her", 1) ||
			        td_tok_eq(c, t - 1, "its", 1) ||
			        td_tok_eq(c, t - 1, "their", 1) ||
			        td_tok_eq(c, t - 1, "'s", 1))
				view_owner = 1;
			else if (!determined_noun(c, s0, t))
				continue;
		}
		/* an adjective of conviction reports only after a link verb
		 * with a personal subject ("he is sure he's right", "they're
		 * confident that"); "it is certain that" is the author's */
		if (p->type == TD_SV_CONVICTION &&
		        !(t > t0 + 1 && td_tok_any(c, t - 1, link_verbs) &&
		                !td_tok_any(c, t - 2, impersonal_subjects)))
			continue;
		if (p->type == TD_SV_ACCORDING) {
			size_t k = vend;
			if (k < t1 && td_tok_eq(c, k, "the", 1))
				k++;
			/* "according to Ms Lind": the title stays outside the
			 * name */
			long tm = k < t1 ? td_patset_match(
			                           &a->title_pats, c, k, t1)
			                 : -1;
			if (tm >= 0 && !ment_at(c, k))
				k += (size_t)a->title_pats.v[tm].n;
			const td_mention *mm = k < t1 ? ment_at(c, k) : NULL;
			/* "the PLA’s Eastern Theater Command": the last of a
			 * chain */
			while (mm && mm->t1 + 1 < t1 &&
			        td_tok_eq(c, mm->t1, "'s", 1) &&
			        ment_at(c, mm->t1 + 1))
				mm = ment_at(c, mm->t1 + 1);
			/* "according to Kennedy's aides", "the Bundestag's own
			 * budget office": a described part of the actor, not
			 * the actor */
			if (mm && mm->t1 < t1 && td_tok_eq(c, mm->t1, "'s", 1))
				mm = NULL;
			/* "according to estimates by the ECOWAS Commission",
			 * "figures from the Census Bureau": the named author
			 * of the evidence, after a lowercase noun phrase */
			for (size_t j = k;
			        !mm && j < t1 && j < k + 5 &&
			        td_tok_is_lower(c, j) && !tok_in_quote(c, j);
			        j++) {
				if (!td_tok_pos_is(c, j, "NN*") ||
				        !(td_tok_eq(c, j + 1, "by", 0) ||
				                td_tok_eq(c, j + 1, "from", 0)))
					continue;
				size_t x = j + 2;
				if (x < t1 && td_tok_eq(c, x, "the", 1))
					x++;
				const td_mention *bm =
				        x < t1 ? ment_at(c, x) : NULL;
				if (bm && bm->t0 == x && !bm->pronoun)
					mm = bm;
				break;
			}
			td_who_clear(TD_WHO_SITE);
			who = td_who_note(TD_WHO_SITE, "according-to",
			        mm ? mm->key : NULL);
			found = mm != NULL;
		} else if (p->type == TD_SV_VIEW && !view_owner) {
			const td_mention *mm = ment_at(c, t - 1);
			td_who_clear(TD_WHO_SITE);
			who = td_who_note(TD_WHO_SITE, "view-owner",
			        mm && mm->t1 == t && !mm->pronoun ? mm->key
			                                          : NULL);
			found = who != NULL;
		} else if (t == coord_verb) {
			/* "X insisted that ... and warned that ...": same
			 * subject */
			td_who_clear(TD_WHO_SITE);
			who = td_who_note(
			        TD_WHO_SITE, "coordinated-verb", coord_who);
			found = 1;
		} else {
			td_who_clear(TD_WHO_SITE);
			who = speaker(c, s0, t, vend, t1, &found);
			td_who_note(TD_WHO_SITE, "verb", who);
		}
		if (!found && p->type == TD_SV_SPEECH && s0 == t0) {
			const char *iw = it_speaker(c, t0, t, prev_who);
			if (iw) {
				td_who_clear(TD_WHO_SITE);
				who = td_who_note(
				        TD_WHO_SITE, "it-speaker", iw);
				found = 1;
			}
		}
		/* "The Councilman cited instances ... and urged that": a verb
		 * of saying coordinated with the sentence's first verb has
		 * its subject, the main clause's at the sentence's start */
		if (!found && s0 == t0 && t > t0 + 1 &&
		        td_tok_eq(c, t - 1, "and", 0) && !tok_in_quote(c, t0)) {
			/* past a fronted participle's phrase ("Recounting
			 * his observations, the Councilman cited ...") */
			size_t k = t0;
			if (fronted_participle(c, t0)) {
				while (k < t && !td_tok_eq(c, k, ",", 0))
					k++;
				k++;
			}
			const char *mw =
			        k < t ? main_subject_at(c, k, t1) : NULL;
			if (mw) {
				td_who_clear(TD_WHO_SITE);
				who = td_who_note(TD_WHO_SITE,
				        "coordinated-main-subject", mw);
				found = 1;
			}
		}
		/* "Conceding that X, Mr. Schaefer listed ...": a participle
		 * of saying opening the sentence speaks for the main
		 * clause's subject, after the comma that closes it */
		if (!found && t == s0 && s0 == t0 && fronted_participle(c, t)) {
			size_t k = vend;
			while (k < t1 && (tok_in_quote(c, k) ||
			                         !td_tok_eq(c, k, ",", 0)))
				k++;
			const char *mw =
			        k < t1 ? main_subject_at(c, k + 1, t1) : NULL;
			if (mw) {
				td_who_clear(TD_WHO_SITE);
				who = td_who_note(
				        TD_WHO_SITE, "fronted-participle", mw);
				found = 1;
			}
		}
		/* "Clause, X said.": the clause before the comma is reported,
		 * and the speaker is sought after that comma only */
		size_t pcomma, ps = si == 0 ? after_dateline(c, t0, t1) : t0,
		               cs;
		if (p->type == TD_SV_SPEECH && s0 == t0 &&
		        postposed(c, t0, t, vend, t1, &pcomma, &ps)) {
			td_who_clear(TD_WHO_SITE);
			who = speaker(c, pcomma, t, vend, t1, &found);
			td_who_note(TD_WHO_SITE, "postposed", who);
			size_t ce = pcomma;
			if (ce > ps) {
				size_t bs = c->tok.v[ps].start,
				       be = c->tok.v[ce - 1].end;
				if ((rc = push_said(c, bs, be, (int)si,
				             found ? who : NULL)) < 0)
					return rc;
				/* "Clause, police said.": with no one named,
				 * the author's narration on a source's word,
				 * as "according to police" is, for the
				 * labels */
				if (!found || td_tok_eq(c, t, "reports", 1))
					c->said[c->n_said - 1].according = 1;
			}
		}
		/* "This would seem to indicate that ...", "To think that ...
		 * is wishful thinking": an infinitive of saying after a verb
		 * of appearance or opening the sentence, with no speaker
		 * named, reports nobody */
		if (!found && t > s0 && td_tok_eq(c, t - 1, "to", 1) &&
		        (t - 1 == s0 || td_tok_in(c, t - 2, appear_verbs, 1)))
			continue;
		/* "According to X, CLAUSE", "CLAUSE, according to X" */
		if (p->type == TD_SV_ACCORDING && s0 == t0 &&
		        (rc = according_clause(c, ps, t, vend, t1, (int)si,
		                 found ? who : NULL)) < 0)
			return rc;
		/* "As Jones has argued, CLAUSE" */
		size_t as_cs = p->type == TD_SV_SPEECH && s0 == t0
		                       ? as_clause_report(c, t0, t, vend, t1)
		                       : 0;
		size_t that =
		        p->type == TD_SV_ACCORDING
		                ? 0
		                : that_after(c, vend, t1,
		                          (p->flags & TD_SVF_OBJECT) != 0);
		if (that && !clause_has_verb(c, that + 1, t1))
			that = 0;
		if (!that && p->type == TD_SV_SPEECH)
			that = that_after_phrase(
			        c, vend, t1, (p->flags & TD_SVF_OBJECT) != 0);
		/* without a named speaker, only an explicit "that" clause is a
		 * report ("The three European powers have said that ...") */
		int unnamed = !found && !that && (p->flags & TD_SVF_BARE) &&
		              !generic_subject(c, s0, t) &&
		              !quant_subject(c, s0, t) &&
		              unnamed_subject(c, s0, t);
		int generic = unnamed ||
		              (!found && !that && (p->flags & TD_SVF_BARE) &&
		                      (generic_subject(c, s0, t) ||
		                              quant_subject(c, s0, t) ||
		                              (td_tok_in(c, t, say_forms, 1) &&
		                                      unknown_name_subject(
		                                              c, s0, t))));
		if (!found && !that && !generic && !as_cs)
			continue;
		/* a thought names no speaker of the sentence's quotations */
		if (found && p->type != TD_SV_THOUGHT) {
			have_verb = 1;
			if (!sent_who)
				sent_who = who;
			/* quotes from here on (up to the next speech verb) are
			 * this speaker's; earlier ones without a speaker too; a
			 * nested report's speaker takes only those in its
			 * clause */
			for (size_t q = 0; q < c->n_quotes; q++)
				if (c->quotes[q].sent == (int)si &&
				        (s0 == t0 ? !c->quotes[q].who ||
				                                c->quotes[q].start >
				                                        c->tok.v[t]
				                                                .start
				                  : c->quotes[q].start >
				                                        c->tok.v[t]
				                                                .start &&
				                                c->quotes[q].start <
				                                        c->tok.v[s1 - 1]
				                                                .end)) {
					c->quotes[q].who = who;
					c->quotes[q].rule = td_who_rule_now();
				}
			/* a tag opening the sentence after one that ends in a
			 * quotation ("“Where is the boat?”" / "Brand asked."):
			 * that quotation is this speaker's */
			if (who && s0 == t0 && p->type == TD_SV_SPEECH)
				tag_position(c, si, t, vend, 0, &tag_opens);
			long pq = tag_opens ? quote_ending_before(c, si) : -1;
			if (pq >= 0 && (!c->quotes[pq].who ||
			                       c->quotes[pq].who_carried)) {
				c->quotes[pq].who = who;
				c->quotes[pq].rule = td_who_rule_now();
				c->quotes[pq].rule.site = "tag-after-quote";
				c->quotes[pq].who_carried = 0;
			}
		}
		/* reported clause: verb + that, or a bare clause after said */
		if (p->type == TD_SV_ACCORDING || p->type == TD_SV_TAG)
			continue;
		/* "As Jones has argued, CLAUSE": the main clause to the
		 * sentence's end or a semicolon, final punctuation outside */
		if (as_cs) {
			size_t ce = as_cs;
			while (ce < t1 && (tok_in_quote(c, ce) ||
			                          !td_tok_eq(c, ce, ";", 0)))
				ce++;
			while (ce > as_cs && end_punct(c, ce - 1) &&
			        !tok_in_quote(c, ce - 1))
				ce--;
			if (ce > as_cs &&
			        (rc = push_said(c, c->tok.v[as_cs].start,
			                 c->tok.v[ce - 1].end, (int)si,
			                 found ? who : NULL)) < 0)
				return rc;
			t = ce > t ? ce - 1 : t;
			continue;
		}
		if (that)
			cs = that + 1;
		else if ((cs = bare_clause_start(c, vend, t1, p->flags)) == 0 &&
		         !((p->flags & TD_SVF_BARE) && found &&
		                 and_that_later(c, vend, t1) &&
		                 (cs = vend) != 0))
			continue;
		/* a subject that names no one reports a view or a forecast
		 * ("some manufacturers believe there could be shortages"); a
		 * past event it tells ("The juror said the masked men had
		 * advised him", "A barge captain said his company had cut its
		 * crews") is a report too, but the author's narration for the
		 * labels, as an according said is */
		int narrated = unnamed && !present_or_modal(c, cs, t1);
		size_t n_before = c->n_said;
		rc = reported_clauses(c, si, cs, who, p->type == TD_SV_VIEW);
		if (rc < 0)
			return rc;
		/* "Business Week reports that ...", "..., Mr. Keeler
		 * reports.": a source's news of events, the author's
		 * narration for the labels, as "according to" is */
		if (td_tok_eq(c, t, "reports", 1))
			narrated = 1;
		for (size_t k = n_before; narrated && k < c->n_said; k++)
			c->said[k].according = 1;
		if ((size_t)rc + 1 < t1 && td_tok_eq(c, (size_t)rc, "and", 0)) {
			coord_verb = (size_t)rc + 1;
			coord_who = who;
		}
		/* scan on inside the clause for nested reports */
		if ((size_t)rc > cs && n_nest < 8) {
			nest_lo[n_nest] = cs;
			nest_hi[n_nest++] = (size_t)rc;
			t = cs - 1;
		} else
			t = (size_t)rc > t ? (size_t)rc - 1 : t;
	}
	/* no verb here: "X put it bluntly: “...”" names the speaker before the
	 * colon; else a quote continues the speaker of the sentence before */
	if (!have_verb)
		for (size_t q = 0; q < c->n_quotes; q++) {
			td_quote *qq = &c->quotes[q];
			if (qq->sent != (int)si || qq->who)
				continue;
			size_t k = t0;
			while (k < t1 && c->tok.v[k].end <= qq->start)
				k++;
			/* k: first token of the quote; k-1 the mark, k-2 a
			 * colon? */
			if (k >= t0 + 2 && td_tok_eq(c, k - 2, ":", 0)) {
				for (size_t b = k - 2; b-- > t0;) {
					const td_mention *m = ment_at(c, b);
					/* "The conductor said to Ritchie:": the
					 * one spoken to is no speaker */
					if (m && m->t0 > t0 &&
					        td_tok_eq(
					                c, m->t0 - 1, "to", 1))
						break;
					/* nor the object of another
					 * preposition: the subject is before
					 * it ("Ahab seized a musket, and
					 * pointing it towards Starbuck,
					 * exclaimed:") */
					if (m && m->t0 > t0 &&
					        object_of_preposition(c, m)) {
						b = m->t0;
						continue;
					}
					if (m && !m->located &&
					        strcmp(m->kind, "person") ==
					                0) {
						qq->who = m->key;
						qq->rule = td_who_at(
						        "colon-person");
						break;
					}
				}
				if (!qq->who && (qq->who = colon_body_subject(
				                         c, t0, k - 2)) != NULL)
					qq->rule = td_who_at("colon-body");
				if (qq->rule.site &&
				        !strcmp(qq->rule.site, "colon-body") &&
				        !sent_who)
					sent_who = qq->who; /* goes on in the
					                       next sentence */
				/* "Then, to conclude on an indeterminate note:
				 * "…"": no actor before the colon, the speaker
				 * goes on */
				if (!qq->who && prev_who &&
				        !actor_before(c, t0, k - 2)) {
					qq->who = prev_who;
					qq->rule = td_who_at(
					        "carried-after-colon");
					qq->who_carried = 1;
				}
			}
			if (!qq->who && prev_who &&
			        qq->start <= c->tok.v[t0].end + 4) {
				qq->who = prev_who;
				qq->rule = td_who_at("carried");
				qq->who_carried = 1;
			}
		}
	*who_out = sent_who;
	return 0;
}

static int emit_quotes(td_actx *c)
{
	char id[256], nid[256], ref[256];
	int rc;
	for (size_t q = 0; q < c->n_quotes; q++) {
		const td_quote *qq = &c->quotes[q];
		const char *who = qq->who;
		char whoref[300];
		if (who)
			snprintf(whoref, sizeof whoref, "#%s", who);
		/* parts: one per sentence the quote overlaps */
		size_t first = (size_t)qq->sent, last = first;
		while (last + 1 < c->n_sents &&
		        c->sents[last + 1].start < qq->end)
			last++;
		for (size_t si = first; si <= last; si++) {
			size_t s = qq->start > c->sents[si].start
			                   ? qq->start
			                   : c->sents[si].start;
			size_t e = qq->end < c->sents[si].end
			                   ? qq->end
			                   : c->sents[si].end;
			const char *t = c->doc->text;
			while (s < e && (t[s] == ' ' || t[s] == '\n'))
				s++;
			while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n'))
				e--;
			size_t idx;
			rc = td_actx_add(c, "q", s, e, &idx, who ? "who" : NULL,
			        who ? whoref : NULL, NULL, NULL);
			if (rc < 0)
				return rc;
			if (rc == 1 || first == last)
				continue;
			snprintf(id, sizeof id, "%s-q%zu-%zu",
			        c->doc->id ? c->doc->id : "doc", q, si - first);
			if ((rc = td_span_set_attr(c->doc, idx, "xml:id", id)) <
			        0)
				return rc;
			if (si > first) {
				snprintf(ref, sizeof ref, "#%s-q%zu-%zu",
				        c->doc->id ? c->doc->id : "doc", q,
				        si - first - 1);
				if ((rc = td_span_set_attr(
				             c->doc, idx, "prev", ref)) < 0)
					return rc;
			}
			if (si < last) {
				snprintf(nid, sizeof nid, "#%s-q%zu-%zu",
				        c->doc->id ? c->doc->id : "doc", q,
				        si - first + 1);
				if ((rc = td_span_set_attr(
				             c->doc, idx, "next", nid)) < 0)
					return rc;
			}
		}
	}
	return 0;
}

/* Does sentence si hold a quotation, or a verb of saying (not one of the
 * manner of saying, class tag, which speaks only beside a quotation:
 * "Anna snapped the mirror shut.")? */
static int quote_or_speech(const td_actx *c, size_t si)
{
	for (size_t q = 0; q < c->n_quotes; q++)
		if (c->quotes[q].start < c->sents[si].end &&
		        c->quotes[q].end > c->sents[si].start)
			return 1;
	for (size_t t = c->sents[si].t0; t < c->sents[si].t1; t++) {
		long m = td_speech_match(c, t, c->sents[si].t1);
		if (m >= 0 && c->a->speech_pats.v[m].type == TD_SV_SPEECH)
			return 1;
	}
	return 0;
}

/* The person an action beat names: a sentence of narration alone (no
 * quotation, no verb of saying) that opens, perhaps after "Then", with a
 * person named in subject position and a verb ("McKittrick spat into the
 * dust."), or with "he"/"she" or "his"/"her" and a noun ("She put the
 * mirror away.", "Her voice did not change"), resolved as a speech tag's
 * pronoun is. NULL otherwise. */
static const char *beat_person(const td_actx *c, size_t si)
{
	size_t t = c->sents[si].t0, t1 = c->sents[si].t1;
	if (t >= t1 || quote_or_speech(c, si))
		return NULL;
	if (td_tok_eq(c, t, "then", 1) && t + 1 < t1) {
		t++;
		if (td_tok_eq(c, t, ",", 0))
			t++;
	}
	if (t + 1 >= t1)
		return NULL;
	if (td_tok_in(c, t, he_she, 1) || td_tok_eq(c, t, "his", 1) ||
	        td_tok_eq(c, t, "her", 1))
		return td_tok_is_word(c, t + 1) ? resolve_pronoun(c, t) : NULL;
	/* "The kid snapped the cylinder shut.": the kid they called Tejano */
	if (t == c->sents[si].t0 && td_tok_eq(c, t, "the", 1))
		return described_bound(c, si, 0);
	const td_mention *m = ment_at(c, t);
	if (!m || m->t0 != t || m->pronoun || !m->key || m->located ||
	        !m->kind || strcmp(m->kind, "person") ||
	        !subject_position(c, m))
		return NULL;
	/* "Hammond spat.": a name, one word in lower case and the stop is
	 * a clause, its word the verb, whatever the tagger made of it
	 * ("spat" NN) */
	int bare = m->t1 + 2 == t1 && td_tok_is_lower(c, m->t1) &&
	           td_tok_is_word(c, m->t1) && td_tok_eq(c, t1 - 1, ".", 0);
	return m->t1 < t1 && (bare || td_tok_pos_is(c, m->t1, "VB*")) ? m->key
	                                                              : NULL;
}

/* Action beats (session 12): in a paragraph of dialogue, a quotation that
 * no verb of saying attributes is the turn of the person the narration
 * beside it in the same paragraph shows acting ("Anna snapped the mirror
 * shut. “Who else? ...”", "“Lew Brandt says so.” McKittrick spat into
 * the dust."): the sentence before it, else the one after it. The
 * quotation's sentences hold nothing but quotations (a title or a scare
 * quote inside narration is no turn; "“...,” a man said" keeps no
 * @who). */
static void beat_speakers(td_actx *c)
{
	for (size_t q = 0; q < c->n_quotes; q++) {
		td_quote *qq = &c->quotes[q];
		if (qq->who || qq->sent < 0)
			continue;
		size_t si = (size_t)qq->sent;
		/* the sentence where the quotation ends */
		size_t se = si;
		while (se + 1 < c->n_sents && c->sents[se].end < qq->end)
			se++;
		/* a turn of dialogue: its sentences hold no word outside
		 * quotation marks (not a title or a scare quote inside
		 * narration, not "“...”, the translator came in, “...”") */
		int narration = 0;
		for (size_t t = c->sents[si].t0; t < c->sents[se].t1; t++)
			if (td_tok_is_word(c, t) && !tok_in_quote(c, t))
				narration = 1;
		if (narration)
			continue;
		const char *w = NULL;
		if (si > 0 && c->sents[si - 1].para == c->sents[si].para)
			w = beat_person(c, si - 1);
		if (!w && se + 1 < c->n_sents &&
		        c->sents[se + 1].para == c->sents[se].para)
			w = beat_person(c, se + 1);
		if (w) {
			qq->who = w;
			qq->rule = td_who_at("beat");
		}
	}
}

/* The verb of saying by which a paragraph of narration hands its speaker
 * to the next paragraph, or (size_t)-1: sentence si, the paragraph's
 * last, ends with a verb of saying that has no complement, perhaps with a
 * particle or adverb ("and then he went back to the stair head and called
 * down.", "Keller shouted back."), so that what was said is the next
 * paragraph (not a passive: "He was called."). handed_speaker gives its
 * subject: the nearest "he" or "she" (resolved as a tag's pronoun) or
 * person in subject position before it, when the sentence holds no
 * quotation; NULL when the subject is anyone else ("I called out.") or
 * none. */
static size_t handed_verb(const td_actx *c, size_t si)
{
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	if (t1 < t0 + 2 || !td_tok_eq(c, t1 - 1, ".", 0))
		return (size_t)-1;
	/* the verb: the last word, or before one or two particles or
	 * adverbs ("down", "back", "out", "quietly") */
	size_t e = t1 - 1, v = e;
	for (int n = 0; n < 3 && v > t0; n++) {
		size_t k = v - 1;
		long sm = td_speech_match(c, k, e);
		if (sm >= 0 &&
		        (c->a->speech_pats.v[sm].type == TD_SV_SPEECH ||
		                c->a->speech_pats.v[sm].type == TD_SV_TAG) &&
		        k + (size_t)c->a->speech_pats.v[sm].n == v &&
		        !td_tok_pos_is(c, k, "VBG") && k > t0 &&
		        !td_tok_in(c, k - 1, copulas, 1))
			return td_tok_is_cap(c, k) ? (size_t)-1 : k;
		if (!td_tok_is_lower(c, k) ||
		        !(td_tok_pos_is(c, k, "RP") ||
		                td_tok_pos_is(c, k, "RB")))
			return (size_t)-1;
		v = k;
	}
	return (size_t)-1;
}

/* The subject of handed_verb's verb v in sentence si (see there), or
 * NULL. */
static const char *handed_speaker(const td_actx *c, size_t si, size_t v)
{
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	for (size_t t = t0; t < t1; t++)
		if (tok_in_quote(c, t) || is_open_mark(c, t))
			return NULL;
	for (size_t k = v; k-- > t0;) {
		if (td_tok_in(c, k, he_she, 1))
			return resolve_pronoun(c, k);
		if (td_tok_in(c, k, tag_pronouns, 1))
			return NULL; /* "I", "we", "they" */
		const td_mention *m = ment_at(c, k);
		if (m && !m->pronoun && m->key && m->kind &&
		        !strcmp(m->kind, "person") && !m->located &&
		        subject_position(c, m))
			return m->key;
	}
	return NULL;
}

/* A paragraph holding nothing but a quotation, after a paragraph of
 * narration that hands it its speaker (handed_verb), is that
 * speaker's. */
static void handed_turns(td_actx *c)
{
	for (size_t q = 0; q < c->n_quotes; q++) {
		td_quote *qq = &c->quotes[q];
		if (qq->who || qq->sent <= 0)
			continue;
		size_t si = (size_t)qq->sent;
		int para = c->sents[si].para;
		if (para < 0 || c->sents[si - 1].para == para ||
		        (q > 0 && c->quotes[q - 1].next_part == (int)q))
			continue;
		/* the cheap test first: the verb's place in the sentence */
		size_t v = handed_verb(c, si - 1);
		if (v == (size_t)-1)
			continue;
		/* the paragraph: only quotations, no word outside them */
		size_t s1 = si;
		while (s1 < c->n_sents && c->sents[s1].para == para)
			s1++;
		int narration = 0;
		for (size_t t = c->sents[si].t0; t < c->sents[s1 - 1].t1; t++)
			if (td_tok_is_word(c, t) && !tok_in_quote(c, t))
				narration = 1;
		if (narration)
			continue;
		/* the paragraph before: narration only ("“Well?” Moran
		 * asked." hands nothing on: it is a turn of its own) */
		int turn_before = 0;
		for (size_t x = si; x-- > 0 &&
		                    c->sents[x].para == c->sents[si - 1].para &&
		                    !turn_before;)
			for (size_t t = c->sents[x].t0;
			        t < c->sents[x].t1 && !turn_before; t++)
				turn_before = tok_in_quote(c, t) ||
				              is_open_mark(c, t);
		const char *w =
		        turn_before ? NULL : handed_speaker(c, si - 1, v);
		if (!w)
			continue;
		for (size_t k = q; k < c->n_quotes && c->quotes[k].sent >= 0 &&
		                   c->sents[c->quotes[k].sent].para == para;
		        k++)
			if (!c->quotes[k].who) {
				c->quotes[k].who = w;
				c->quotes[k].rule = td_who_at("handed-turn");
			}
	}
}

/* Does sentence si open with "The"/"A" and one to three lowercase words
 * acting (a verb of the past or present, or an adverb, after them: "The
 * judge watched Dale", "The cook came up")? Someone not named, or a
 * thing, is on stage. */
static int described_acting(const td_actx *c, size_t si)
{
	size_t t = c->sents[si].t0, t1 = c->sents[si].t1;
	if (!opens_with_article(c, t, t1))
		return 0;
	for (size_t k = t + 1; k < t + 4 && k + 1 < t1; k++) {
		if (!td_tok_is_lower(c, k) || !td_tok_is_word(c, k))
			return 0;
		if (td_tok_pos_is(c, k, "NN") &&
		        (td_tok_pos_is(c, k + 1, "VBD") ||
		                td_tok_pos_is(c, k + 1, "VBZ") ||
		                td_tok_pos_is(c, k + 1, "RB")))
			return 1;
	}
	return 0;
}

/* Do sentences [s0, b] (narration) show person w alone on stage: no
 * quotation, no verb of saying, no other person's mention, no one
 * described or unnamed acting ("The cook came up", "Keller drank"), no
 * past perfect (the story before the scene) in the last one? */
static int one_on_stage(const td_actx *c, size_t s0, size_t b, const char *w)
{
	for (size_t t = c->sents[b].t0; t < c->sents[b].t1; t++)
		if (pluperfect_after(c, t))
			return 0;
	for (size_t x = s0; x <= b; x++) {
		if (quote_or_speech(c, x) || described_acting(c, x) ||
		        unknown_name_acting(c, x))
			return 0;
		for (size_t t = c->sents[x].t0; t < c->sents[x].t1; t++)
			if (is_open_mark(c, t) || tok_in_quote(c, t))
				return 0;
	}
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->sent >= (int)s0 && m->sent <= (int)b && !m->pronoun &&
		        m->key && m->kind && !strcmp(m->kind, "person") &&
		        strcmp(m->key, w))
			return 0;
	}
	return 1;
}

/* A paragraph holding nothing but a quotation (no tag), after a
 * paragraph of narration only whose last sentence shows one person acting
 * (beat_person: "Ahab turned.", "He looked out at the reef for a long
 * time.") and that names no one else and shows no one else acting (no
 * other person's mention, no unknown name acting, no "the cook came
 * up"), is that person's: the narration hands him the floor. Not after a
 * past perfect (the story before the scene). */
static int names_inside(
        const td_actx *c, size_t q0, size_t q1, const char *key);
static void narrated_turns(td_actx *c)
{
	for (size_t q = 0; q < c->n_quotes; q++) {
		td_quote *qq = &c->quotes[q];
		if (qq->who || qq->sent <= 0 || qq->next_part >= 0 ||
		        (q > 0 && c->quotes[q - 1].next_part == (int)q))
			continue;
		size_t si = (size_t)qq->sent;
		int para = c->sents[si].para;
		if (para < 0 || c->sents[si - 1].para == para)
			continue;
		/* the turn: its paragraph holds quotations only, none of
		 * them attributed or going on past it */
		size_t s1 = si, qe = q;
		while (s1 < c->n_sents && c->sents[s1].para == para)
			s1++;
		while (qe < c->n_quotes && c->quotes[qe].sent >= 0 &&
		        c->quotes[qe].sent < (int)s1) {
			if (c->quotes[qe].who || c->quotes[qe].next_part >= 0)
				break;
			qe++;
		}
		if (qe < c->n_quotes && c->quotes[qe].sent >= 0 &&
		        c->quotes[qe].sent < (int)s1)
			continue;
		int bare = 1;
		for (size_t t = c->sents[si].t0; t < c->sents[s1 - 1].t1; t++)
			if (td_tok_is_word(c, t) && !tok_in_quote(c, t))
				bare = 0;
		if (!bare)
			continue;
		/* the paragraph before: narration, one person on stage */
		size_t b = si - 1, s0 = b;
		while (s0 > 0 && c->sents[s0 - 1].para == c->sents[b].para)
			s0--;
		const char *w = beat_person(c, b);
		if (w && !one_on_stage(c, s0, b, w))
			w = NULL;
		/* "Tell me, Jim." after "Jim Tolliver climbed up": said to
		 * him, not by him */
		if (w && names_inside(c, q, qe, w))
			continue;
		for (size_t k = q; w && k < qe; k++) {
			c->quotes[k].who = w;
			c->quotes[k].rule = td_who_at("narrated-turn");
		}
	}
}

/* A paragraph of dialogue as a turn (alternating_turns): its quotations,
 * their one speaker, and whether it holds nothing else. */
typedef struct turn {
	int para;
	size_t s0, s1;   /* its sentences [s0, s1) */
	size_t q0, q1;   /* its quotations [q0, q1) in c->quotes */
	const char *who; /* the speaker of all of them, or NULL */
	int single;      /* one speaker or none, no part in another paragraph */
	int anon;  /* no who: a speaker by description (1), not (0), not yet
	            * known (-1) */
	int scene; /* who by the two persons of the scene (scene_other) */
} turn;

/* Does turn u hold talk only: each sentence some of a quotation (a tag,
 * no action beat of its own)? */
static int turn_talk(const td_actx *c, const turn *u)
{
	for (size_t x = u->s0; x < u->s1; x++) {
		int any = 0;
		for (size_t q = u->q0; q < u->q1 && !any; q++)
			any = c->quotes[q].start < c->sents[x].end &&
			      c->quotes[q].end > c->sents[x].start;
		if (!any)
			return 0;
	}
	return 1;
}

/* Does turn u hold nothing but its quotations (no word outside marks)? */
static int turn_bare(const td_actx *c, const turn *u)
{
	for (size_t x = u->s0; x < u->s1; x++)
		for (size_t t = c->sents[x].t0; t < c->sents[x].t1; t++)
			if (td_tok_is_word(c, t) && !tok_in_quote(c, t))
				return 0;
	return 1;
}

/* Does a person mention keyed key stand inside quotations [q0, q1) (a
 * vocative: "Thanks, Joe," is said to Joe, not by him)? */
static int names_inside(const td_actx *c, size_t q0, size_t q1, const char *key)
{
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || strcmp(m->key, key))
			continue;
		for (size_t q = q0; q < q1; q++)
			if (m->start >= c->quotes[q].start &&
			        m->end <= c->quotes[q].end)
				return 1;
	}
	return 0;
}

/* Does a person mention with key k stand inside quotation q? */
static int in_quote_q(const td_actx *c, const td_mention *m, size_t q)
{
	return m->start >= c->quotes[q].start && m->end <= c->quotes[q].end;
}

/* Is token k inside quotation q and one that ends an address: a comma
 * or a sentence end, or is k the quotation's end? */
static int address_end(const td_actx *c, size_t q, size_t k)
{
	if (k >= c->tok.n || c->tok.v[k].start >= c->quotes[q].end)
		return 1;
	return td_tok_eq(c, k, ",", 0) || end_punct(c, k);
}

/* The speaker who names himself in quotations [q0, q1): "I'm Ellen
 * Tolliver.", "My name is Paul Harker, and", "I am Harker" (a person
 * mention right after, then a comma, a sentence end or the quotation's
 * end; not "I'm Ellen's brother"). NULL when none. */
static const char *self_named(const td_actx *c, size_t q0, size_t q1)
{
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || m->located || !m->kind ||
		        strcmp(m->kind, "person") || m->t0 < 1)
			continue;
		size_t q = q0;
		while (q < q1 && !in_quote_q(c, m, q))
			q++;
		if (q == q1 || !address_end(c, q, m->t1))
			continue;
		size_t p = m->t0;
		int self = td_tok_eq(c, p - 1, "I'm", 0) ||
		           td_tok_eq(c, p - 1, "I\xe2\x80\x99m", 0) ||
		           (p >= 2 && td_tok_eq(c, p - 1, "am", 0) &&
		                   td_tok_eq(c, p - 2, "I", 0)) ||
		           (p >= 3 && td_tok_eq(c, p - 1, "is", 0) &&
		                   td_tok_eq(c, p - 2, "name", 0) &&
		                   td_tok_eq(c, p - 3, "my", 1));
		if (self && c->tok.v[p - 1].start >= c->quotes[q].start)
			return m->key;
	}
	return NULL;
}

/* Does turn u hold a tag whose speaker is a description, no name: a verb
 * of saying outside the quotations with "the" or "a" and a word that no
 * person mention holds right after it ("said the Guernsey-man", "rejoined
 * a Guernsey-man", "said the other"), or "the" and one or two lowercase
 * words (a noun last) opening the clause right before it ("the doctor
 * agreed")? Such a turn is someone's other than the named speaker's. */
static int turn_described(const td_actx *c, const turn *u)
{
	for (size_t x = u->s0; x < u->s1; x++) {
		size_t t0 = c->sents[x].t0, t1 = c->sents[x].t1;
		for (size_t v = t0; v < t1; v++) {
			if (tok_in_quote(c, v) || !td_tok_is_lower(c, v))
				continue;
			long sm = td_speech_match(c, v, t1);
			if (sm < 0 ||
			        (c->a->speech_pats.v[sm].type != TD_SV_SPEECH &&
			                c->a->speech_pats.v[sm].type !=
			                        TD_SV_TAG))
				continue;
			size_t e = v + (size_t)c->a->speech_pats.v[sm].n;
			if (e + 1 < t1 &&
			        (td_tok_eq(c, e, "the", 1) ||
			                td_tok_in(c, e, indef_dets, 1)) &&
			        td_tok_is_word(c, e + 1) &&
			        !tok_in_quote(c, e + 1) && !ment_at(c, e + 1))
				return 1;
			size_t k = v;
			if (k > t0 && td_tok_in(c, k - 1, pre_verb_adverbs, 1))
				k--;
			if (k < t0 + 2 || !td_tok_pos_is(c, k - 1, "NN") ||
			        !td_tok_is_lower(c, k - 1) || ment_at(c, k - 1))
				continue;
			size_t d = k - 2;
			if (td_tok_is_lower(c, d) &&
			        td_tok_pos_is(c, d, "JJ") && d > t0)
				d--;
			if (td_tok_eq(c, d, "the", 1) && !tok_in_quote(c, d) &&
			        (d == t0 || tok_in_quote(c, d - 1) ||
			                is_close_mark(c, d - 1) ||
			                td_tok_eq(c, d - 1, ",", 0)))
				return 1;
		}
	}
	return 0;
}

/* Does turn u address a person other than key by name (a vocative inside
 * its quotations: after a comma, perhaps with a title, then a comma, a
 * sentence end or the quotation's end, "Yes, Captain Boomer, if you";
 * or opening the quotation before a comma, "Eddie, get the
 * lieutenant")? In the two turns before an untagged one, the speaker by
 * description beside key may then be that person or the one addressed
 * another listener, and the untagged turn a third speaker's ("Yes,
 * Captain Boomer, ..." said Bunger; "No, thank ye, Bunger," said the
 * English Captain; then Ahab): the exchange is not surely of two. In the
 * untagged turn itself a name addresses the other side ("..., will ye,
 * Bouton-de-Rose?") and breaks nothing. */
static int addresses_other(const td_actx *c, const turn *u, const char *key)
{
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || !m->kind ||
		        strcmp(m->kind, "person") || !strcmp(m->key, key) ||
		        m->sent < (int)u->s0 || m->sent >= (int)u->s1)
			continue;
		size_t q = u->q0;
		while (q < u->q1 && !in_quote_q(c, m, q))
			q++;
		if (q == u->q1)
			continue;
		size_t p = m->t0;
		for (int n = 0; n < 3 && p > 0 && td_tok_is_cap(c, p - 1) &&
		                c->tok.v[p - 1].start >= c->quotes[q].start &&
		                !ment_at(c, p - 1);
		        n++)
			p--;
		int first =
		        p == 0 || c->tok.v[p - 1].start < c->quotes[q].start;
		if (first ? m->t1 < c->tok.n && td_tok_eq(c, m->t1, ",", 0)
		          : td_tok_eq(c, p - 1, ",", 0) &&
		                        address_end(c, q, m->t1))
			return 1;
	}
	return 0;
}

/* Is person mention m, inside quotation q, a vocative as addresses_other
 * reads it (after a comma, perhaps with a title, then a comma, a sentence
 * end or the quotation's end: "Tell me, Jim."; opening the quotation
 * before a comma: "Jim, get the"), or a name alone called out
 * ("Starbuck!")? */
static int vocative_at(const td_actx *c, size_t q, const td_mention *m)
{
	size_t p = m->t0;
	for (int n = 0; n < 3 && p > 0 && td_tok_is_cap(c, p - 1) &&
	                c->tok.v[p - 1].start >= c->quotes[q].start &&
	                !ment_at(c, p - 1);
	        n++)
		p--;
	/* a title cut from its full stop ("Mr" "." "Shannon": "“Mr.
	 * Shannon,” she said"; session 20) */
	if (p == m->t0 && p >= 2 && td_tok_eq(c, p - 1, ".", 0) &&
	        td_tok_is_cap(c, p - 2) && td_tok_len(c, p - 2) <= 4 &&
	        c->tok.v[p - 2].start >= c->quotes[q].start &&
	        c->tok.v[p - 1].start == c->tok.v[p - 2].end)
		p -= 2;
	int first = p == 0 || c->tok.v[p - 1].start < c->quotes[q].start;
	int called = m->t1 < c->tok.n && td_tok_eq(c, m->t1, "!", 0) &&
	             address_end(c, q, m->t1 + 1);
	return first ? called ||
	                       (m->t1 < c->tok.n && td_tok_eq(c, m->t1, ",", 0))
	             : td_tok_eq(c, p - 1, ",", 0) && address_end(c, q, m->t1);
}

/* The one person whom quotation q addresses by name (vocative_at), other
 * than not_key (its speaker); NULL when none, two or the speaker's own
 * name. */
static const char *addressee(const td_actx *c, size_t q, const char *not_key)
{
	const char *got = NULL;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || m->located || !m->kind ||
		        strcmp(m->kind, "person") ||
		        m->sent < c->quotes[q].sent || !in_quote_q(c, m, q) ||
		        !vocative_at(c, q, m))
			continue;
		if ((not_key && !strcmp(m->key, not_key)) ||
		        (got && strcmp(got, m->key)))
			return NULL;
		got = m->key;
	}
	return got;
}

/* A speaker called by name inside his own quotation ("“You took your
 * time, Cordell,” he said." right after "Wes Cordell rode into town."):
 * the tag's pronoun went to the one addressed, so the quotations of that
 * paragraph with that speaker lose him. */
static void drop_addressed(td_actx *c)
{
	for (size_t q = 0; q < c->n_quotes; q++) {
		const char *w = c->quotes[q].who;
		if (!w || c->quotes[q].sent < 0)
			continue;
		/* a short quotation whose name closes or opens it (not
		 * "that is to say, Jack Bunger, late of the clergy", nor a
		 * soliloquy's "Stir thyself, Starbuck!" deep inside) */
		const td_quote *qq = &c->quotes[q];
		if (qq->end > c->sents[qq->sent].end)
			continue;
		int hit = 0;
		for (size_t k = 0; k < c->n_ments && !hit; k++) {
			const td_mention *m = &c->ments[k];
			hit = !m->pronoun && m->key && !strcmp(m->key, w) &&
			      m->sent == qq->sent && in_quote_q(c, m, q) &&
			      vocative_at(c, q, m) &&
			      (m->t0 == 0 ||
			              c->tok.v[m->t0 - 1].start < qq->start ||
			              m->t1 >= c->tok.n ||
			              c->tok.v[m->t1].start >= qq->end ||
			              (m->t1 + 1 < c->tok.n &&
			                      c->tok.v[m->t1 + 1].start >=
			                              qq->end));
		}
		if (!hit)
			continue;
		int para = c->sents[c->quotes[q].sent].para;
		for (size_t k = 0; k < c->n_quotes; k++)
			if (c->quotes[k].who == w && c->quotes[k].sent >= 0 &&
			        c->sents[c->quotes[k].sent].para == para)
				c->quotes[k].who = NULL;
	}
}

/* A speaker called in his own quotation by the noun that binds him
 * (bound_noun): "“Leave her be, drummer,” he drawled." after "a whiskey
 * drummer named Otis Pickett": the drummer is spoken to, so the
 * quotation is not his (a lowercase word after a comma, then a comma or
 * the sentence's end inside the quotation) (session 18). */
static void drop_called_by_role(td_actx *c)
{
	for (size_t q = 0; q < c->n_quotes; q++) {
		const td_quote *qq = &c->quotes[q];
		if (!qq->who || qq->sent < 0)
			continue;
		const char *w = qq->who;
		int hit = 0;
		for (size_t k = c->sents[qq->sent].t0 + 1;
		        k + 1 < c->tok.n && !hit && c->tok.v[k].start < qq->end;
		        k++) {
			if (c->tok.v[k].start < qq->start ||
			        !td_tok_eq(c, k - 1, ",", 0) ||
			        !td_tok_is_lower(c, k) ||
			        !address_end(c, q, k + 1))
				continue;
			const char *b = bound_word(c, k);
			hit = b && !strcmp(b, w);
		}
		if (!hit)
			continue;
		int para = c->sents[qq->sent].para;
		for (size_t k = 0; k < c->n_quotes; k++)
			if (c->quotes[k].who == w && c->quotes[k].sent >= 0 &&
			        c->sents[c->quotes[k].sent].para == para)
				c->quotes[k].who = NULL;
	}
}

/* Titles a speaker calls the one addressed by, alone ("No, Sergeant.",
 * "How long, Doctor?"), each with the abbreviation that may stand before
 * a name instead, without its full stop ("Dr. Ruth Adler"). */
static const char *const voc_titles[][2] = {{"Doctor", "Dr"},
        {"Sergeant", "Sgt"}, {"Lieutenant", "Lt"}, {"Captain", "Capt"},
        {"Colonel", "Col"}, {"Major", "Maj"}, {"General", "Gen"},
        {"Judge", "Judge"}, {"Sheriff", "Sheriff"}, {"Marshal", "Marshal"},
        {"Professor", "Prof"}, {"Senator", "Sen"}, {"Governor", "Gov"},
        {"Inspector", "Insp"}, {NULL, NULL}};

/* The one person whom quotation q calls by a title alone (voc_titles: a
 * capitalised title after a comma, then a comma, a sentence end or the
 * quotation's end, or opening the quotation before a comma): the only
 * key that a person mention before q holds with that title or its
 * abbreviation right before the name ("Dr. Ruth Adler" ... "How long,
 * Doctor?"); NULL when none or two hold it, or it is not_key. */
static const char *title_addressee(
        const td_actx *c, size_t q, const char *not_key)
{
	const td_quote *qq = &c->quotes[q];
	int ti = -1;
	for (size_t k = 1; k + 1 < c->tok.n && ti < 0; k++) {
		if (c->tok.v[k].start < qq->start)
			continue;
		if (c->tok.v[k].end > qq->end)
			break;
		int first = c->tok.v[k - 1].start < qq->start;
		if (first ? !td_tok_eq(c, k + 1, ",", 0)
		          : !td_tok_eq(c, k - 1, ",", 0) ||
		                        !address_end(c, q, k + 1))
			continue;
		for (int i = 0; voc_titles[i][0] && ti < 0; i++)
			if (td_tok_eq(c, k, voc_titles[i][0], 0) &&
			        !ment_at(c, k))
				ti = i;
	}
	if (ti < 0)
		return NULL;
	const char *got = NULL;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || m->located || !m->kind ||
		        strcmp(m->kind, "person") || m->start >= qq->start)
			continue;
		/* the title word, "Dr." or "Dr" "." right before the name,
		 * or opening the mention */
		size_t w = m->t0 >= 2 && td_tok_eq(c, m->t0 - 1, ".", 0)
		                   ? m->t0 - 2
		                   : (m->t0 > 0 ? m->t0 - 1 : 0);
		const char *ab = voc_titles[ti][1];
		size_t n = strlen(ab);
		int held = 0;
		for (size_t t = w; t <= m->t0 && !held; t++)
			held = td_tok_eq(c, t, voc_titles[ti][0], 0) ||
			       td_tok_eq(c, t, ab, 0) ||
			       (td_tok_len(c, t) == n + 1 &&
			               !strncmp(td_tok_str(c, t), ab, n) &&
			               td_tok_str(c, t)[n] == '.');
		if (!held)
			continue;
		if (got && strcmp(got, m->key))
			return NULL;
		got = m->key;
	}
	return got && !(not_key && !strcmp(got, not_key)) ? got : NULL;
}

/* The person turn b hands the floor to: the one its last quotation
 * addresses by name (addressee), or by a title alone that one person
 * holds (title_addressee: "How long, Doctor?"), when that quotation ends
 * the paragraph
 * (no tag or beat after it: "“Tell me, Jim. Did you find the wreck?”",
 * "“Starbuck!”"). NULL otherwise: after "“You took your time,
 * Cordell,” he said." the reply stays null, as round 14's gold has it. */
static const char *floor_to(const td_actx *c, const turn *b)
{
	if (!b->single || b->q1 == b->q0 || b->s1 == b->s0)
		return NULL;
	size_t q = b->q1 - 1;
	for (size_t t = c->sents[b->s1 - 1].t1; t-- > c->sents[b->s1 - 1].t0;)
		if (td_tok_is_word(c, t)) {
			if (c->tok.v[t].start < c->quotes[q].start ||
			        c->tok.v[t].end > c->quotes[q].end)
				return NULL;
			const char *y = addressee(c, q, b->who);
			return y ? y : title_addressee(c, q, b->who);
		}
	return NULL;
}

/* Are adjacent turns a and b (one of them named) two sides of an
 * exchange: two named speakers who differ, or one named and one by
 * description (anon: "said the Guernsey-man"), whose turns stay without
 * @who but keep the chain going, when neither turn addresses a third
 * person by name (addresses_other)? */
static int two_sides(const td_actx *c, turn *a, turn *b)
{
	if (a->who && b->who)
		return strcmp(a->who, b->who) != 0;
	const char *nk = a->who ? a->who : b->who;
	turn *x = a->who ? b : a;
	if (x->anon < 0)
		x->anon = turn_described(c, x);
	return x->anon > 0 && !addresses_other(c, a, nk) &&
	       !addresses_other(c, b, nk);
}

/* Does quotation q call someone by a proper noun, known to the actor
 * layer or not: opening it before a comma ("Jim, I want you"), or after
 * a comma before a comma, a sentence end or its end ("Yes, Lieutenant.")?
 * Not "I". */
static int calls_someone(const td_actx *c, size_t q)
{
	const td_quote *qq = &c->quotes[q];
	for (size_t k = 1; k + 1 < c->tok.n; k++) {
		if (c->tok.v[k].start < qq->start)
			continue;
		if (c->tok.v[k].end > qq->end)
			break;
		if (!td_tok_is_cap(c, k) || !td_tok_pos_is(c, k, "NNP") ||
		        td_tok_eq(c, k, "I", 0))
			continue;
		int first = c->tok.v[k - 1].start < qq->start;
		if (first ? td_tok_eq(c, k + 1, ",", 0)
		          : td_tok_eq(c, k - 1, ",", 0) &&
		                        address_end(c, q, k + 1))
			return 1;
	}
	return 0;
}

/* Do turns a and b stand apart by one paragraph of narration only whose
 * last sentence shows b's named speaker acting, alone on stage
 * (one_on_stage: "Beckett took off his cap. He looked out at the reef for
 * a long time." between Tolliver's "We found her." and Beckett's "Any
 * sign of the others?")? The exchange goes on through it, unless b ends
 * calling someone (calls_someone: "Jim, I want you on the docks." is
 * answered by Jim, whom the actor layer may not know). */
static int narrated_gap(const td_actx *c, const turn *a, const turn *b)
{
	if (!b->who || b->s0 <= a->s1 ||
	        c->sents[a->s1].para != c->sents[b->s0 - 1].para)
		return 0;
	const char *w = beat_person(c, b->s0 - 1);
	/* not when b names its own speaker ("“You took your time,
	 * Cordell,” he said." after "Wes Cordell rode into town.": "he" is
	 * likelier someone else) */
	return w && !strcmp(w, b->who) &&
	       one_on_stage(c, a->s1, b->s0 - 1, w) &&
	       !names_inside(c, b->q0, b->q1, w) &&
	       !calls_someone(c, b->q1 - 1);
}

/* Does turn u hold a first-person tag right after a quotation ("“...,” I
 * said.", "“...?” I asked him"; a tag that the splitter made a sentence
 * of its own, "I asked.", only when short: the verb, perhaps one word,
 * then the sentence's end)? */
static int first_person_tag(const td_actx *c, const turn *u)
{
	for (size_t x = u->s0; x < u->s1; x++) {
		size_t t0 = c->sents[x].t0, t1 = c->sents[x].t1;
		for (size_t t = t0; t + 1 < t1; t++) {
			if (tok_in_quote(c, t) || !td_tok_eq(c, t, "I", 0))
				continue;
			size_t p = t > t0 ? t - 1
			                  : (x > u->s0 ? c->sents[x - 1].t1 - 1
			                               : (size_t)-1);
			if (p == (size_t)-1 ||
			        !(is_close_mark(c, p) || tok_in_quote(c, p)))
				continue;
			long sm = td_speech_match(c, t + 1, t1);
			if (sm < 0 ||
			        (c->a->speech_pats.v[sm].type != TD_SV_SPEECH &&
			                c->a->speech_pats.v[sm].type !=
			                        TD_SV_TAG))
				continue;
			size_t e = t + 1 + (size_t)c->a->speech_pats.v[sm].n;
			if (t > t0 || e + 1 >= t1 || end_punct(c, e) ||
			        (e + 2 == t1 && end_punct(c, e + 1)))
				return 1;
		}
	}
	return 0;
}

/* The one person turn b calls by name in any of its quotations, its tag
 * or beat notwithstanding ("“You're not wearing that to church tomorrow,
 * Ellen,” she said."), or NULL (none, or two). */
static const char *called_in_turn(const td_actx *c, const turn *b)
{
	if (!b->single)
		return NULL;
	const char *y = NULL;
	for (size_t q = b->q0; q < b->q1; q++) {
		const char *z = addressee(c, q, b->who);
		if (z && y && strcmp(y, z))
			return NULL;
		if (z)
			y = z;
	}
	return y;
}

/* The key of a first-person narrator whom the story names: a turn with
 * a first-person tag (first_person_tag) that names its speaker ("“I need
 * a room,” I said. “My name is Tom Carver.”") or answers the turn right
 * before it that calls one person by name (floor_to: "“You took long
 * enough, Brody.”" / "“I came as soon as I heard,” I said."), or calls
 * him anywhere in it, its tag notwithstanding (called_in_turn, session
 * 22: "“You're not wearing that to church tomorrow, Ellen,” she said." /
 * "“It's a perfectly good dress,” I said.": the one called answers, and
 * the one who answers in the first person is the narrator). Every such
 * turn must agree, and the name must stand nowhere outside quotations
 * (the narrator is "I" there; a Brody whom the narration shows acting,
 * "Brody walked over", is another person). NULL otherwise: an unnamed
 * narrator's turns stay null. */
static const char *narrator_key(const td_actx *c, const turn *tv, size_t nt)
{
	const char *n = NULL;
	for (size_t i = 0; i < nt; i++) {
		const turn *u = &tv[i];
		if (!u->single || !first_person_tag(c, u))
			continue;
		const char *y = self_named(c, u->q0, u->q1);
		if (!y && i >= 1 && tv[i - 1].s1 == u->s0) {
			y = floor_to(c, &tv[i - 1]);
			if (!y)
				y = called_in_turn(c, &tv[i - 1]);
		}
		if (!y || (u->who && strcmp(u->who, y)))
			continue;
		if (n && strcmp(n, y))
			return NULL;
		n = y;
	}
	for (size_t k = 0; n && k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (!m->pronoun && m->key && !strcmp(m->key, n) &&
		        !tok_in_quote(c, m->t0))
			return NULL;
	}
	return n;
}

/* Does turn u name key outside its quotations (a tag or a beat: "Lacey
 * said", "Tolliver laughed"), not by a pronoun? */
static int names_outside(const td_actx *c, const turn *u, const char *key)
{
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (!m->pronoun && m->key && !strcmp(m->key, key) &&
		        m->sent >= (int)u->s0 && m->sent < (int)u->s1 &&
		        !tok_in_quote(c, m->t0))
			return 1;
	}
	return 0;
}

/* Nouns that bring an unnamed person on stage (scene_other), besides the
 * lexicon's titles. */
static const char *const scene_people[] = {"man", "woman", "girl", "boy",
        "stranger", "kid", "men", "women", "others", NULL};

/* How many paragraphs back scene_other looks for the persons of a scene. */
enum { SCENE_PARAS = 10 };

/* The other speaker of a two-person scene (session 17, second wave): turn
 * i, bare (no word outside its marks), right after turn i - 1 of one
 * known speaker with no paragraph between, is the other's when the
 * scene's last SCENE_PARAS paragraphs name exactly two persons outside
 * quotations (in narration or tags: "Jim Lacey shipped the oars ... Ben
 * Tolliver sat in the bow" / "“There's the wreck,” Lacey said." / "“I
 * see it.”" is Tolliver's), the one before among them. Turn i - 1 names
 * its speaker outside its marks ("Lacey said", "said Lacey"; not "he
 * said", which round 14's gold does not follow) or has him by this rule
 * itself: the chain goes on. NULL when a third is named there ("Molly
 * Hale came in with the lamp") or brought on by a role or a description
 * ("the lieutenant came", "a young doctor"), when a turn there has a
 * speaker by description ("the big man said") or of another key, when
 * the narration says "I" or "me" (a narrator is a third), when turn i - 1
 * calls someone by name ("“Billy,” Brandt said") or turn i the other. */
static const char *scene_other(const td_actx *c, turn *tv, size_t i)
{
	const turn *u = &tv[i], *b = &tv[i - 1];
	if (!b->single || !b->who || b->s1 != u->s0 || u->para < 0 ||
	        !turn_bare(c, u) || b->q1 == b->q0 ||
	        !(b->scene || names_outside(c, b, b->who)))
		return NULL;
	for (size_t q = b->q0; q < b->q1; q++)
		if (calls_someone(c, q))
			return NULL; /* "“Billy,” Brandt said, “go home.”" */
	/* the first paragraph of the window (block numbers are not dense) */
	int p0 = u->para, np = 0;
	for (size_t x = u->s0; x-- > 0 && np < SCENE_PARAS;)
		if (c->sents[x].para != p0) {
			p0 = c->sents[x].para;
			np++;
		}
	const char *two[2] = {b->who, NULL};
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->sent < 0 || c->sents[m->sent].para < p0 ||
		        c->sents[m->sent].para >= u->para)
			continue;
		if (m->pronoun || !m->key || m->located || !m->kind ||
		        strcmp(m->kind, "person") || tok_in_quote(c, m->t0) ||
		        !strcmp(m->key, two[0]))
			continue;
		if (two[1] && strcmp(two[1], m->key))
			return NULL; /* a third */
		two[1] = m->key;
	}
	if (!two[1] || names_inside(c, u->q0, u->q1, two[1]))
		return NULL;
	/* the speaker before is one of the two named in the scene */
	int named = 0;
	for (size_t k = 0; k < c->n_ments && !named; k++) {
		const td_mention *m = &c->ments[k];
		named = !m->pronoun && m->key && !strcmp(m->key, b->who) &&
		        m->sent >= 0 && c->sents[m->sent].para >= p0 &&
		        c->sents[m->sent].para < u->para &&
		        !tok_in_quote(c, m->t0);
	}
	if (!named)
		return NULL;
	for (size_t j = i; j-- > 0 && tv[j].para >= p0;) {
		turn *x = &tv[j];
		if (x->who && strcmp(x->who, two[0]) && strcmp(x->who, two[1]))
			return NULL;
		if (!x->who && turn_described(c, x))
			return NULL;
	}
	size_t s0 = u->s0;
	while (s0 > 0 && c->sents[s0 - 1].para >= p0)
		s0--;
	for (size_t t = c->sents[s0].t0; t < c->sents[u->s0].t0; t++) {
		if (tok_in_quote(c, t))
			continue;
		if (td_tok_eq(c, t, "I", 0) || td_tok_eq(c, t, "me", 1))
			return NULL;
		/* someone on stage by a role or a description: "the
		 * lieutenant came", "a young doctor from the county" */
		size_t d =
		        t >= 1 && td_tok_pos_is(c, t - 1, "JJ") ? t - 2 : t - 1;
		if (t >= 2 && td_tok_is_lower(c, t) &&
		        (td_tok_in(c, d, indef_dets, 1) ||
		                td_tok_eq(c, d, "the", 1)) &&
		        (td_tok_in(c, t, scene_people, 1) ||
		                title_exactly(c, t, t + 1)))
			return NULL;
	}
	return two[1];
}

/* A strict two-person exchange (contract: "its neighbours name the
 * speaker"): a paragraph that holds a turn and nothing else, no verb of
 * saying, no name of a speaker, right after two paragraphs of one turn
 * each whose known speakers differ, is the turn of the speaker before
 * last (A, B, A ...). The two hold talk only (each sentence some of a
 * quotation: a tag, no action beat; round 14 leaves a turn after a beat
 * null). Precision first: a paragraph of narration between,
 * a turn of two speakers, a quotation over paragraphs or the speaker's
 * own name inside the turn (a vocative) breaks the chain. */
/* Sentence si, narration, opens with "I" and a lowercase word ("I
 * looked at the Cadillac"), perhaps after "Then"? */
static int i_beat(const td_actx *c, size_t si)
{
	size_t t = c->sents[si].t0, t1 = c->sents[si].t1;
	if (t >= t1 || quote_or_speech(c, si))
		return 0;
	if (td_tok_eq(c, t, "then", 1) && t + 1 < t1) {
		t++;
		if (td_tok_eq(c, t, ",", 0))
			t++;
	}
	return t + 2 < t1 && td_tok_eq(c, t, "I", 0) && !tok_in_quote(c, t) &&
	       td_tok_is_lower(c, t + 1) && td_tok_is_word(c, t + 1);
}

/* Does turn u's paragraph hold one quotation whose sentences are nothing
 * but quotation, with a narrator's beat (i_beat) right before it or
 * right after it (session 19)? */
static int narrator_beside(const td_actx *c, const turn *u)
{
	if (u->q1 != u->q0 + 1 || c->quotes[u->q0].sent < 0)
		return 0;
	const td_quote *qq = &c->quotes[u->q0];
	size_t si = (size_t)qq->sent, se = si;
	while (se + 1 < c->n_sents && c->sents[se].end < qq->end)
		se++;
	for (size_t t = c->sents[si].t0; t < c->sents[se].t1; t++)
		if (td_tok_is_word(c, t) && !tok_in_quote(c, t))
			return 0;
	return (si > u->s0 && i_beat(c, si - 1)) ||
	       (se + 1 < u->s1 && i_beat(c, se + 1));
}

/* Does quotation q or another of turn b call key by name (addressee)? */
static int turn_calls(const td_actx *c, const turn *b, const char *key)
{
	for (size_t q = b->q0; q < b->q1; q++) {
		const char *y = addressee(c, q, b->who);
		if (y && !strcmp(y, key))
			return 1;
	}
	return 0;
}

/* A bare turn u (tv[i]) of a story told by the named narrator nk, right
 * after the single turn of another named speaker A: the narrator's reply
 * when A's turn calls the narrator by name ("“Mr. Shannon,” she said.
 * “I'm glad you came. They think Paul shot himself.”" / "“Do you?”"), or
 * when u calls A by name and the turn before A's, right before it, is
 * the narrator's ("“She says the partner did it,” I said." / "“They
 * always say the partner did it.” He turned up his collar. ..." / "“Then
 * somebody is lying, Harry.”") (session 20). The one called answers, and
 * the one who calls the speaker before by name is the other side. */
static int narrator_reply(
        const td_actx *c, const turn *tv, size_t i, const char *nk)
{
	const turn *u = &tv[i], *b = &tv[i - 1];
	if (!u->single || u->who || !b->single || !b->who ||
	        !strcmp(b->who, nk) || b->s1 != u->s0 || !turn_bare(c, u) ||
	        names_inside(c, u->q0, u->q1, nk))
		return 0;
	if (turn_calls(c, b, nk))
		return 1;
	return i >= 2 && tv[i - 2].who && !strcmp(tv[i - 2].who, nk) &&
	       tv[i - 2].s1 == b->s0 && turn_calls(c, u, b->who);
}

static int alternating_turns(td_actx *c)
{
	if (c->n_quotes < 1)
		return 0;
	turn *tv = malloc(c->n_quotes * sizeof *tv);
	if (!tv)
		return td_error(TD_ENOMEM, "out of memory");
	size_t nt = 0;
	for (size_t q = 0; q < c->n_quotes;) {
		int si = c->quotes[q].sent;
		int para = si >= 0 ? c->sents[si].para : -1;
		size_t e = q + 1;
		while (e < c->n_quotes && c->quotes[e].sent >= 0 && para >= 0 &&
		        c->sents[c->quotes[e].sent].para == para)
			e++;
		turn *u = &tv[nt++];
		u->para = para;
		u->q0 = q;
		u->q1 = e;
		u->who = NULL;
		u->anon = 0;
		u->scene = 0;
		u->single = para >= 0;
		for (size_t k = q; k < e && u->single; k++) {
			const td_quote *qq = &c->quotes[k];
			if (qq->next_part >= 0 ||
			        (k > 0 && c->quotes[k - 1].next_part == (int)k))
				u->single = 0;
			else if (qq->who && u->who && strcmp(qq->who, u->who))
				u->single = 0;
			else if (qq->who)
				u->who = qq->who;
		}
		u->s0 = u->s1 = si >= 0 ? (size_t)si : 0;
		while (u->s0 > 0 && c->sents[u->s0 - 1].para == para)
			u->s0--;
		while (u->s1 < c->n_sents && c->sents[u->s1].para == para)
			u->s1++;
		/* whether a turn without a name is one by description:
		 * found when an exchange asks (two_sides) */
		u->anon = u->single && !u->who ? -1 : 0;
		q = e;
	}
	/* a first-person narrator whom the story names: his tagged turns
	 * ("“...,” I said.") are his, before the exchange is read */
	const char *nk = narrator_key(c, tv, nt);
	for (size_t i = 0; nk && i < nt; i++) {
		turn *u = &tv[i];
		if (u->who || !u->single || !first_person_tag(c, u) ||
		        names_inside(c, u->q0, u->q1, nk))
			continue;
		for (size_t k = u->q0; k < u->q1; k++) {
			c->quotes[k].who = nk;
			c->quotes[k].rule = td_who_at("narrator-tag");
		}
		u->who = nk;
		u->anon = 0;
	}
	/* a turn beside a beat of the narrator's in its paragraph ("I
	 * looked at the Cadillac and then at him. “Suicide?”"): his, as a
	 * named person's beat is that person's (beat_speakers) */
	for (size_t i = 0; nk && i < nt; i++) {
		turn *u = &tv[i];
		if (u->who || !u->single || names_inside(c, u->q0, u->q1, nk))
			continue;
		if (narrator_beside(c, u)) {
			for (size_t k = u->q0; k < u->q1; k++) {
				c->quotes[k].who = nk;
				c->quotes[k].rule = td_who_at("narrator-beat");
			}
			u->who = nk;
			u->anon = 0;
		}
	}
	for (size_t i = 0; i < nt; i++) {
		turn *u = &tv[i];
		/* a turn that calls by name the one it answers ("Even me,
		 * Shorty." after "Even you, boss?"): the bare turn right
		 * before it, without a speaker, is that person's when the
		 * turn before that, right before it, is another known
		 * speaker's (the answer to him); a run of turns without any
		 * speaker stays null, as round 14's gold has it */
		if (i >= 2 && u->single && tv[i - 1].s1 == u->s0 &&
		        tv[i - 2].s1 == tv[i - 1].s0 && tv[i - 2].who) {
			turn *b = &tv[i - 1];
			const char *y = !b->who && b->single && b->anon <= 0
			                        ? addressee(c, u->q0, u->who)
			                        : NULL;
			if (y && !strcmp(tv[i - 2].who, y))
				y = NULL;
			if (y && turn_bare(c, b) &&
			        !names_inside(c, b->q0, b->q1, y)) {
				for (size_t k = b->q0; k < b->q1; k++) {
					c->quotes[k].who = y;
					c->quotes[k].rule = td_who_at(
					        "called-before-reply");
				}
				b->who = y;
			}
		}
		if (u->who || !u->single)
			continue;
		/* a turn whose speaker names himself ("My name is Paul
		 * Harker"): all its quotations, a tag by description too
		 * ("“...,” the stranger said. “My name is ...”") */
		const char *w = self_named(c, u->q0, u->q1);
		const char *how = "self-named";
		int gap = 0; /* w by the alternation through narration */
		if (!w && i >= 2) {
			turn *a = &tv[i - 2], *b = &tv[i - 1];
			/* the cheap tests first */
			if (a->single && b->single && (a->who || b->who) &&
			        (b->s0 == a->s1 ||
			                (!a->scene && narrated_gap(c, a, b))) &&
			        u->s0 == b->s1 && two_sides(c, a, b) &&
			        turn_talk(c, a) && turn_talk(c, b) &&
			        turn_bare(c, u) &&
			        (!a->who || !names_inside(
			                            c, u->q0, u->q1, a->who))) {
				if (a->anon > 0) {
					u->anon = 1;
					continue;
				}
				w = a->who;
				how = "alternation";
				gap = b->s0 != a->s1;
			}
		}
		/* a reply to the one the turn before called by name: his,
		 * unless the alternation says another's (not one through a
		 * paragraph of narration: "“Two days,” ... “Brody, I want you
		 * on the docks.” / “Yes, Lieutenant.”" is Brody's) */
		if (i >= 1 && tv[i - 1].s1 == u->s0 && turn_bare(c, u)) {
			const char *y = floor_to(c, &tv[i - 1]);
			if (y && names_inside(c, u->q0, u->q1, y))
				y = NULL;
			if (y && w && strcmp(w, y) && !gap)
				continue;
			if (y) {
				w = y;
				how = "floor-to-called";
			}
		}
		if (!w && nk && i >= 1 && narrator_reply(c, tv, i, nk)) {
			w = nk;
			how = "narrator-reply";
		}
		if (!w && i >= 1 && (w = scene_other(c, tv, i)) != NULL) {
			u->scene = 1;
			how = "scene-other";
		}
		if (!w)
			continue;
		for (size_t k = u->q0; k < u->q1; k++) {
			c->quotes[k].who = w;
			c->quotes[k].rule = td_who_at(how);
		}
		u->who = w;
	}
	free(tv);
	return 0;
}

/* A sentence of narration (no quotation, no verb of saying) that opens,
 * perhaps after "Then", with a person other than prev named in subject
 * position ("Marsh did not answer. Hammond spat over the side and
 * laughed. “He'll feed you to the gators, son.”"): the speaker of the
 * sentences before it does not carry past it to a quotation after it.
 * The part of speech is not asked (a sentence's first word is often
 * mistagged: "Hammond/VB spat/NN"); the mention and its position are. */
static int other_person_acts(const td_actx *c, size_t si, const char *prev)
{
	size_t t = c->sents[si].t0, t1 = c->sents[si].t1;
	if (!prev || t >= t1)
		return 0;
	if (td_tok_eq(c, t, "then", 1) && t + 1 < t1) {
		t++;
		if (td_tok_eq(c, t, ",", 0))
			t++;
	}
	const td_mention *m = ment_at(c, t);
	if (!m || m->t0 != t || m->pronoun || !m->key || m->located ||
	        !m->kind || strcmp(m->kind, "person") ||
	        !strcmp(m->key, prev) || m->t1 >= t1 ||
	        !td_tok_is_word(c, m->t1) || td_tok_eq(c, m->t1, "'s", 1))
		return 0;
	return !quote_or_speech(c, si);
}

/* A speech tag by its shape, whatever its verb (session 17): a sentence
 * that opens with a quotation ending in ",", "?" or "!" inside its
 * marks, then a person named or "he"/"she" and one verb in the past, an
 * adverb perhaps, and the stop ("“Prove it,” Brannock rasped.",
 * "“Obliged,” Kincaid nodded.", "“Tonight?” Harper yelped."): the
 * subject speaks, the verb in speech_verbs.tsv or not. The speaker, or
 * NULL. */
static const char *shaped_tag(const td_actx *c, size_t si)
{
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1, k = t0 + 1;
	if (t1 < t0 + 6 || !is_open_mark(c, t0) ||
	        !td_tok_eq(c, t1 - 1, ".", 0))
		return NULL;
	while (k < t1 && tok_in_quote(c, k))
		k++;
	if (k + 3 > t1 || !is_close_mark(c, k) ||
	        !(td_tok_eq(c, k - 1, ",", 0) || td_tok_eq(c, k - 1, "?", 0) ||
	                td_tok_eq(c, k - 1, "!", 0)))
		return NULL;
	const char *who = NULL;
	size_t v = k + 2;
	const td_mention *m = ment_at(c, k + 1);
	if (m && m->t0 == k + 1 && !m->pronoun && m->key && m->kind &&
	        !strcmp(m->kind, "person")) {
		who = m->key;
		v = m->t1;
	} else if (td_tok_in(c, k + 1, he_she, 1)) {
		who = resolve_pronoun(c, k + 1);
	}
	if (!who || v >= t1 - 1 || !td_tok_is_lower(c, v) ||
	        !td_tok_pos_is(c, v, "VBD"))
		return NULL;
	size_t e = v + 1;
	if (e < t1 - 1 && td_tok_is_lower(c, e) && td_tok_pos_is(c, e, "RB"))
		e++;
	return e == t1 - 1 ? who : NULL;
}

int td_quotes_attribute(td_actx *c)
{
	const char *prev = NULL;
	int rc;
	for (size_t si = 0; si < c->n_sents; si++) {
		const char *w = NULL;
		/* a paragraph break ends the speaker, unless the paragraph
		 * before ends in a colon ("Pohl said:" before a quoted
		 * paragraph) */
		if (si > 0 && c->sents[si].para != c->sents[si - 1].para &&
		        !(c->sents[si - 1].t1 > c->sents[si - 1].t0 &&
		                td_tok_eq(c, c->sents[si - 1].t1 - 1, ":", 0)))
			prev = NULL;
		if ((rc = sentence_speech(c, si, prev, &w)) < 0)
			return rc;
		if (!w && (w = shaped_tag(c, si)) != NULL)
			for (size_t q = 0; q < c->n_quotes; q++)
				if (c->quotes[q].sent == (int)si &&
				        (!c->quotes[q].who ||
				                c->quotes[q].who_carried)) {
					c->quotes[q].who = w;
					c->quotes[q].rule =
					        td_who_at("shaped-tag");
					c->quotes[q].who_carried = 0;
				}
		if (w)
			prev = w;
		else if (other_person_acts(c, si, prev))
			prev = NULL;
		/* a quote opened in an earlier sentence and closed in this one
		 * takes this sentence's speaker ("“... .” Mao said."), also
		 * over a speaker carried from before its first sentence
		 * ("Kinshasa insists ... “They have not left. They have
		 * changed ...,” the spokesman said.") */
		for (size_t q = 0; w && q < c->n_quotes; q++)
			if ((!c->quotes[q].who || c->quotes[q].who_carried) &&
			        c->quotes[q].sent < (int)si &&
			        c->quotes[q].end > c->sents[si].start &&
			        c->quotes[q].end <= c->sents[si].end) {
				c->quotes[q].who = w;
				c->quotes[q].rule =
				        td_who_at("closed-in-tagged-sentence");
			}
	}
	drop_addressed(c);
	drop_called_by_role(c);
	beat_speakers(c);
	handed_turns(c);
	narrated_turns(c);
	if ((rc = alternating_turns(c)) < 0)
		return rc;
	/* the parts of a quote over paragraphs are one quotation: each takes
	 * the speaker of its first attributed part (a part's next part comes
	 * later in c->quotes, so one pass finds the chains' heads) */
	unsigned char *cont = calloc(c->n_quotes ? c->n_quotes : 1, 1);
	if (!cont)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t q = 0; q < c->n_quotes; q++)
		if (c->quotes[q].next_part > (int)q)
			cont[c->quotes[q].next_part] = 1;
	for (size_t q = 0; q < c->n_quotes; q++) {
		if (cont[q] || c->quotes[q].next_part <= (int)q)
			continue;
		const char *who = NULL;
		td_who_rule wr = td_who_at(NULL);
		for (int p = (int)q; p >= 0 && !who;
		        p = c->quotes[p].next_part) {
			who = c->quotes[p].who;
			wr = c->quotes[p].rule;
		}
		for (int p = (int)q; p >= 0 && who; p = c->quotes[p].next_part)
			if (c->quotes[p].who != who) {
				c->quotes[p].who = who;
				c->quotes[p].rule = wr;
				c->quotes[p].rule.site =
				        "quote-over-paragraphs";
			}
	}
	free(cont);
	/* the clauses the forms above left, found by syntax */
	if ((rc = td_reported_find(c)) < 0)
		return rc;
	/* said first (outside), then q inside it */
	for (size_t i = 0; i < c->n_said; i++) {
		td_said *s = &c->said[i];
		/* a reported clause whose quotation goes on past the sentence
		 * ("pointed out that the Gallery "is the only museum ...
		 * Bales. I'm sure ...""): the clause takes in the quotation's
		 * part in its sentence, so that the two nest */
		for (size_t q = 0; q < c->n_quotes; q++)
			if (c->quotes[q].start > s->start &&
			        c->quotes[q].start < s->end &&
			        c->quotes[q].end > s->end) {
				size_t se = c->sents[s->sent].end;
				s->end = c->quotes[q].end < se
				                 ? c->quotes[q].end
				                 : se;
			}
		char whoref[300];
		if (s->who)
			snprintf(whoref, sizeof whoref, "#%s", s->who);
		rc = td_actx_add(c, "said", s->start, s->end, NULL, "direct",
		        "false", s->who ? "who" : NULL, s->who ? whoref : NULL);
		if (rc < 0)
			return rc;
	}
	if ((rc = td_who_dump(c)) < 0)
		return rc;
	return emit_quotes(c);
}

const char *td_quotes_speaker(
        const td_actx *c, size_t si, size_t v, size_t vend, int *found)
{
	return speaker(c, c->sents[si].t0, v, vend, c->sents[si].t1, found);
}

int td_quotes_clauses(td_actx *c, size_t si, size_t cs, const char *who)
{
	return reported_clauses(c, si, cs, who, 0);
}

int td_quotes_key_gender(const td_actx *c, const char *key, size_t t)
{
	return key_gender(c, key, t);
}

int td_quotes_subject(const td_actx *c, const td_mention *m)
{
	return subject_position(c, m);
}

/* The grammar-word lists above, for hashed look-up (td_tok_in). */
static int register_words(td_annotator *a)
{
	static const char *const *const lists[] = {statement_nouns,
	        subordinators, subj_quantifiers, finite_words, clause_openers,
	        adverbial_openers, passive_aux, clause_preps, addressees,
	        clause_pronouns, addressee_dets, male_titles, female_titles,
	        he_she, indef_dets, subj_openers, post_adverbs, number_words,
	        pre_verb_adverbs, clause_heads, time_nouns, month_names,
	        weekday_names, time_adverbs, NULL};
	/* session 8 (round 10) lists, apart so that the line above stays */
	static const char *const *const lists_r10[] = {and_that_adverbs,
	        negations, as_clause_words, long_openers, quant_subjects,
	        appear_verbs, quoting_verbs, him_her, title_adjs, connectives,
	        relatives, unnamed_pronouns, rank_prefixes, ranked_titles,
	        tag_pronouns, tag_dets, described_m, described_f, described_any,
	        copulas, reported_pasts, reply_verbs, say_forms, link_verbs,
	        role_nouns, NULL};
	int rc = td_words_register(a, lists);
	return rc ? rc : td_words_register(a, lists_r10);
}
