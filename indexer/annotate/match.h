/* match.h: matching words and patterns over a document's tokens
 * (match.c), shared by the annotation stages and below them: pattern sets,
 * the token tests (td_tok_*), ASCII folding and word hashing, and the
 * annotator's word table (a registered grammar-word list is a bit of a
 * token's word class, so td_tok_in costs a probe and a bit test).
 */
#ifndef TAGDEX_MATCH_H
#define TAGDEX_MATCH_H

#include "annotate.h"
#include "error.h"

#include <ctype.h>

int td_patset_add(
        td_patset *ps, const char *words, int id, int type, int flags);
void td_patset_sort(td_patset *ps);
void td_patset_clear(td_patset *ps);
/* The longest pattern of ps matching at token i, given that 1 + s is the
 * first of those whose first word is token i's (ps indexed, slot > 0). */
long td_patset_match_at(const td_patset *ps, const td_actx *c, size_t i,
        size_t lim, uint32_t s);
/* td_patset_match() without the word table. */
long td_patset_match_slow(
        const td_patset *ps, const td_actx *c, size_t i, size_t lim);
/* Test hook: when set, the rules' first tests that pass over a token no
 * rule of theirs can take (shaped_name in actors.c: a token without a
 * capital; future_at in labels.c: a word that is no future marker) are
 * not made, and every token is asked in full; actors.c's rules that ask
 * how the document uses a word elsewhere scan every sentence, not the
 * word's uses alone; labels.c's sentences visit every reported clause and quote
 * of the document, not only those its index of them by start gives;
 * td_tok_classify hashes and looks up every token, not each word once.
 * test_match sets it to check that the skips change no annotation. */
extern int td_match_no_skip;
/* Test hook: when set, td_tok_in calls it with each list it is asked of
 * a token of a document with its word classes (td_tok_classify) that no
 * stage registered (td_words_register): a list scanned word by word.
 * test_match sets it to check that the lists the rules ask have their
 * bits. */
extern void (*td_match_on_unregistered)(const char *const *words);
/* ASCII case folding table (bytes >= 128 map to themselves). */
extern const unsigned char td_fold_tab[256];
/* pure: it reads the document and w only, so that the compiler keeps a
 * token's first byte, read once, across a run of td_tok_eq tests */
int td_tok_eq_slow(const td_actx *c, size_t i, const char *w, int fold)
        __attribute__((pure));
/* A hash of a word that agrees with word equality: ’ hashes as ', and
 * with fold ASCII case is ignored. */
uint32_t td_word_hash(const char *s, size_t len, int fold);
/* td_fold_tab[b], which the compiler computes when b is a constant. */
static inline __attribute__((always_inline)) unsigned char td_fold_byte(
        unsigned char b)
{
	return b >= 'A' && b <= 'Z' ? (unsigned char)(b + ('a' - 'A')) : b;
}
/* w is a literal with neither ' nor a byte 0xe2 (’ “ —), known at
 * compile time: a token equals it only at its length (no ’ can stand for
 * a '). 0 whenever the compiler cannot tell. */
#define td_lit_plain(w)                                                        \
	(__builtin_constant_p(__builtin_strchr((w), '\'') == 0 &&              \
	                      __builtin_strchr((w), 0xe2) == 0) &&             \
	        __builtin_strchr((w), '\'') == 0 &&                            \
	        __builtin_strchr((w), 0xe2) == 0)
/* Token i equals word w (folded: ASCII case-insensitive; ’ equals ').
 * Inline, always, so that the usual answer, a different first byte, costs
 * no call, and the first byte of w, a literal, is folded at compile time:
 * the rules test every token against many grammar words, runs of them on
 * the same token (always_inline: GCC's partial inlining made each test a
 * call, 3% of an ingest's instructions). */
static inline __attribute__((always_inline)) int td_tok_eq(
        const td_actx *c, size_t i, const char *w, int fold)
{
	if (i >= c->tok.n)
		return 0;
	unsigned char s0 = (unsigned char)c->doc->text[c->tok.v[i].start];
	unsigned char w0 = (unsigned char)w[0];
	if (__builtin_constant_p(w0) && w0 && w0 < 0x80 && w0 != '\'') {
		/* a literal starting with an ASCII byte but ': no token
		 * starting with 0xe2 (’ “ —) can equal it, so one compare
		 * tells; folded, a letter's is its byte | 0x20 (s0 | 0x20 is
		 * that letter only for it and its capital) */
		unsigned char l = (unsigned char)(w0 | 0x20);
		if (fold && l >= 'a' && l <= 'z' ? (s0 | 0x20) != l : s0 != w0)
			return 0;
	} else if (s0 != 0xe2 && w0 != 0xe2 &&
	           (fold ? td_fold_tab[s0] != td_fold_byte(w0) : s0 != w0))
		return 0;
	/* "they" against "the": no call (the first byte matched) */
	if (td_lit_plain(w) &&
	        c->tok.v[i].end - c->tok.v[i].start != __builtin_strlen(w))
		return 0;
	return td_tok_eq_slow(c, i, w, fold);
}
/* The token tests below are inline: the rules ask them of nearly every
 * token, many times over (a call each was 4.7% of an ingest's
 * instructions). */
static inline size_t td_tok_len(const td_actx *c, size_t i)
{
	return c->tok.v[i].end - c->tok.v[i].start;
}
static inline const char *td_tok_str(const td_actx *c, size_t i)
{
	return c->doc->text + c->tok.v[i].start;
}
/* The tests below read ASCII by range, not through <ctype.h>: no program
 * sets a locale, so isupper() and the others are the C locale's, and each
 * was a call to __ctype_b_loc (the rules ask them of nearly every token,
 * 1% of an ingest's instructions). */
/* starts uppercase */
static inline int td_tok_is_cap(const td_actx *c, size_t i)
{
	unsigned char ch = (unsigned char)td_tok_str(c, i)[0];
	if (ch < 128)
		return ch >= 'A' && ch <= 'Z';
	/* Latin capitals with diacritics: Ö, É ... (U+00C0-U+00DE) */
	return ch == 0xC3 && (unsigned char)td_tok_str(c, i)[1] < 0x9F;
}
/* starts lowercase letter */
static inline int td_tok_is_lower(const td_actx *c, size_t i)
{
	unsigned char ch = (unsigned char)td_tok_str(c, i)[0];
	return ch >= 'a' && ch <= 'z';
}
/* starts with letter/digit */
static inline int td_tok_is_word(const td_actx *c, size_t i)
{
	unsigned char ch = (unsigned char)td_tok_str(c, i)[0];
	return ch >= 128 ? td_tok_len(c, i) > 3 || ch == 0xC3
	                 : (ch >= '0' && ch <= '9') ||
	                           ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}
static inline int td_tok_is_num(const td_actx *c, size_t i)
{
	unsigned char ch = (unsigned char)td_tok_str(c, i)[0];
	return ch >= '0' && ch <= '9';
}
/* td_tok_in() for a list without a bit to test (a context without the
 * tokens' word classes, or a list never registered): looked up by hash
 * when registered, else scanned. */
int td_tok_in_slow(
        const td_actx *c, size_t i, const char *const *words, int fold);
/* The slot of list in the annotator's reg_dir. */
static inline size_t td_reg_dir_slot(
        const td_annotator *a, const char *const *list)
{
	return ((uintptr_t)list >> 3) & a->reg_dmask;
}
/* Token i equals one of the NULL-terminated words, folded or exact. A list
 * registered at load time is a bit of the token's word class (the list's
 * address finds the bit in reg_dir); any other is scanned, or looked up
 * by hash when registered without a slot of its own. Inline: the rules
 * test every token against many lists. */
static inline int td_tok_in(
        const td_actx *c, size_t i, const char *const *words, int fold)
{
	if (i >= c->tok.n)
		return 0;
	fold = fold != 0;
	if (c->tok_ent[fold]) {
		const td_annotator *a = c->a;
		size_t h = td_reg_dir_slot(a, words);
		if (a->reg_dir[h] == words) {
			int b = a->reg_dbit[h];
			uint32_t e = c->tok_ent[fold][i];
			return e &&
			       (a->wtab[fold][e - 1].mask[b >> 6] >> (b & 63) &
			               1);
		}
	}
	return td_tok_in_slow(c, i, words, fold);
}
/* Longest pattern matching at token i (not past token lim); returns its
 * index in ps->v or -1. Inline: most tokens start no pattern, which the
 * token's word class tells without a call. */
static inline long td_patset_match(
        const td_patset *ps, const td_actx *c, size_t i, size_t lim)
{
	int f = ps->fold != 0;
	if (ps->slot && c->tok_ent[f] && i < c->tok.n) {
		uint32_t e = c->tok_ent[f][i];
		uint32_t s = e ? c->a->wtab[f][e - 1].first[ps->slot - 1] : 0;
		return s ? td_patset_match_at(ps, c, i, lim, s) : -1;
	}
	return td_patset_match_slow(ps, c, i, lim);
}
/* Token i equals one of the NULL-terminated words (folded). */
static inline int td_tok_any(
        const td_actx *c, size_t i, const char *const *words)
{
	return td_tok_in(c, i, words, 1);
}
/* Token i's part of speech (Penn tag: "NNP", "VBD"), "" before the pos
 * stage ran or past the tokens. */
const char *td_tok_pos(const td_actx *c, size_t i);
/* Token i's tag is pos, or starts with it when pos ends in '*' ("VB*").
 * Inline, always, the tag's name read from the annotator's table: the
 * rules ask it 1.35 million times of 300k tokens, nearly always of a
 * literal pattern, which the compiler then compares byte by byte in line
 * (a call to it and two more to the tagger's name were 1.7% of an
 * ingest's instructions). */
static inline __attribute__((always_inline)) int td_tok_pos_is(
        const td_actx *c, size_t i, const char *pos)
{
	const char *t = "";
	if (c->pos && i < c->tok.n) {
		t = c->a->pos_name[c->pos[i]];
		if (!t)
			t = td_tok_pos(c, i);
	}
	/* one pass over pos, no strlen and strcmp: a '*' that ends pos
	 * matches any rest of a tag that is not "" (t[0, k) equals
	 * pos[0, k), none of them 0) */
	size_t k = 0;
	for (; pos[k]; k++) {
		if (pos[k] == '*' && !pos[k + 1])
			return t[0] != 0;
		if (t[k] != pos[k])
			return 0;
	}
	return t[k] == 0;
}
/* A condition of the past that did not happen, before token i of the
 * sentence that starts at t0: "Had" opening it, or "if" ... "had (not)"
 * + past participle within the same clause (no , ; : dash or bracket
 * between): "Had they known, ...", "If this capacity had not failed
 * them, they would see", "if it had ..., it could have". What follows
 * speaks of what did not happen: its "would" is no forecast (labels.c)
 * and its "might/could have" no hedge (hedges.c). */
int td_past_counterfactual(const td_actx *c, size_t t0, size_t i);
/* "could" at token i of the sentence [t0,t1) is a person's perceiving:
 * a pronoun or a name before it, a verb of perception after it (not or
 * adverbs between): "He could hear nothing but the river", "she could
 * not see Frank", "Reese could make out the riders". What one was able
 * to make out, fiction's commonest "could": no hedge (hedges.c), a past
 * narration (labels.c). "Investors could see higher rates" forecasts. */
int td_perceiving_could(const td_actx *c, size_t t0, size_t i, size_t t1);
/* The speech-verb lexicon's pattern at token i (as td_patset_match), or
 * -1 when its form is marked "verb" (speech_verbs.tsv column 3: also a
 * noun) and the part-of-speech layer tags the lowercase token as a noun:
 * "in many states", "news reports" are no verbs of saying (lexicons.c).
 * A capitalised form belongs to a name ("United States"), which the
 * actors stage reads. */
long td_speech_match(const td_actx *c, size_t i, size_t lim);
/* Registers the NULL-terminated lists (a NULL-terminated array of them;
 * static storage) for hashed look-up by td_tok_in(). */
int td_words_register(td_annotator *a, const char *const *const *lists);
/* Subordinating conjunctions (although, if, when ...), NULL-terminated. */
extern const char *const td_subordinators[];
/* The word lists of match.c's own rules (td_subordinators, the verbs of
 * perception and their subjects of td_perceiving_could), NULL-terminated:
 * td_annotator_new registers them after the stages' lists, so that each
 * is a bit of the word table as theirs are. */
extern const char *const *const td_match_lists[];
/* When sentence [t0,t1) opens with a subordinate clause ("Although X, Y";
 * "Whilst X, Y"), the token of the comma closing it; else t0. Quotes are
 * skipped. */
size_t td_fronted_end(const td_actx *c, size_t t0, size_t t1);

/* Builds the word table over the registered lists and the indexed pattern
 * sets' first words (td_annotator_new, after every stage's load). 0, or
 * TD_ENOMEM, or TD_ELIMIT when more distinct lists are registered than
 * the table has bits (64 * TD_WORD_MASKS): every list has its bit. */
int td_words_index(td_annotator *a);
/* The n tokens' word hashes (hash[0][t] exact, hash[1][t] folded) and
 * their word-table classes (ent[f][t]: 1 + slot, 0 when no list or
 * pattern holds it), as td_actx keeps them. Each distinct word is
 * hashed and looked up once; its later tokens copy the answer (without
 * memory for the memo, every token is classified in full). With first,
 * *first gets per token the first token of the same bytes (malloc'd, the
 * caller's), or NULL when the memo did not hold every distinct word
 * (more than it has room for, no memory, td_match_no_skip, a text of
 * fewer than two tokens). */
void td_tok_classify(const td_annotator *a, const char *text,
        const td_token *tok, size_t n, uint32_t *hash[2], uint32_t *ent[2],
        uint32_t **first);

#endif
