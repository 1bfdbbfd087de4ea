/* match.c: matching words and patterns over a document's tokens, below
 * the annotation stages: folded and exact word comparison, pattern sets
 * (lexicon entries as word sequences, sorted and hashed by first word),
 * the token tests the rules use (td_tok_*), and the annotator's word table
 * that turns "is token i in list L" into a bit test. The stages call these;
 * these never call a stage. See match.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "words.h"
#include "hash.h"
#include "vec.h"

int td_match_no_skip;
void (*td_match_on_unregistered)(const char *const *words);

/* ------------------------------------------------------------ patterns */

/* ASCII case folding by table: word comparison is the annotator's inner
 * loop (every token against every cue), so it avoids tolower()'s locale
 * lookup. Bytes >= 128 fold to themselves. */
const unsigned char td_fold_tab[256] = {
#define R16(b)                                                                 \
	b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9,      \
	        b + 10, b + 11, b + 12, b + 13, b + 14, b + 15
        R16(0), R16(16), R16(32), R16(48), 64, 'a', 'b', 'c', 'd', 'e', 'f',
        'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't',
        'u', 'v', 'w', 'x', 'y', 'z', 91, 92, 93, 94, 95, R16(96), R16(112),
        R16(128), R16(144), R16(160), R16(176), R16(192), R16(208), R16(224),
        R16(240)
#undef R16
};

/* The character at s[*i] (s has n bytes) for comparing words, *i moved
 * past it: the right single quote U+2019 is the straight apostrophe, so
 * that lexicons need one spelling; with fold, ASCII case is ignored. */
static inline int word_char(const char *s, size_t n, size_t *i, int fold)
{
	unsigned char c = (unsigned char)s[*i];
	if (c == 0xe2 && n - *i >= 3 &&
	        memcmp(s + *i, "\xe2\x80\x99", 3) == 0) {
		*i += 3;
		return '\'';
	}
	(*i)++;
	return fold ? td_fold_tab[c] : c;
}

/* inlined into word_cmp twice, once for each fold: the annotator's inner
 * loop tests no flag a character */
__attribute__((always_inline)) static inline int cmp_words(
        const char *a, size_t al, const char *b, size_t bl, int fold)
{
	size_t i = 0, j = 0;
	while (i < al && j < bl) {
		int ca = word_char(a, al, &i, fold),
		    cb = word_char(b, bl, &j, fold);
		if (ca != cb)
			return ca - cb;
	}
	return (i < al) - (j < bl);
}

static int word_cmp(
        const char *a, size_t al, const char *b, size_t bl, int fold)
{
	return fold ? cmp_words(a, al, b, bl, 1) : cmp_words(a, al, b, bl, 0);
}

/* Equality only, with the cheap rejections first: the first bytes differ
 * (unless one is the lead byte of ’), or the lengths differ and neither
 * word holds a ’ that could make up for it. Same result as word_cmp == 0. */
static int word_eq(const char *a, size_t al, const char *b, size_t bl, int fold)
{
	if (!al || !bl)
		return al == bl;
	unsigned char a0 = (unsigned char)a[0], b0 = (unsigned char)b[0];
	if (a0 != 0xe2 && b0 != 0xe2 &&
	        (fold ? td_fold_tab[a0] != td_fold_tab[b0] : a0 != b0))
		return 0;
	if (al != bl && !memchr(a, 0xe2, al) && !memchr(b, 0xe2, bl))
		return 0;
	return word_cmp(a, al, b, bl, fold) == 0;
}

int td_patset_add(td_patset *ps, const char *words, int id, int type, int flags)
{
	td_tokens t = {0};
	td_pat p = {0};
	int rc = td_tokenize(words, strlen(words), 0, &t);
	if (rc)
		return rc;
	if (t.n == 0) {
		td_tokens_clear(&t);
		return 0;
	}
	p.w = calloc(t.n, sizeof *p.w);
	p.len = calloc(t.n, sizeof *p.len);
	if (!p.w || !p.len)
		goto nomem;
	for (size_t i = 0; i < t.n; i++) {
		p.len[i] = t.v[i].end - t.v[i].start;
		p.w[i] = strndup(words + t.v[i].start, p.len[i]);
		p.n++;
		if (!p.w[i])
			goto nomem;
	}
	if (TD_VEC_RESERVE(ps->v, ps->n, ps->cap, 64))
		goto nomem;
	p.id = id;
	p.type = type;
	p.flags = flags;
	ps->v[ps->n++] = p;
	td_tokens_clear(&t);
	return 0;
nomem:
	for (int i = 0; i < p.n; i++)
		free(p.w[i]);
	free(p.w);
	free(p.len);
	td_tokens_clear(&t);
	return td_error(TD_ENOMEM, "out of memory");
}

/* Two comparators instead of one reading a global flag: sorting keeps no
 * state outside its arguments, so annotators may be built concurrently. */
static int pat_cmp_with(const td_pat *a, const td_pat *b, int fold)
{
	int r = word_cmp(a->w[0], a->len[0], b->w[0], b->len[0], fold);
	if (r)
		return r;
	if (a->n != b->n)
		return b->n - a->n; /* longer first */
	return a->id - b->id;       /* stable: lexicon order */
}

static int pat_cmp_fold(const void *x, const void *y)
{
	return pat_cmp_with(x, y, 1);
}

static int pat_cmp_exact(const void *x, const void *y)
{
	return pat_cmp_with(x, y, 0);
}

/* The byte a word sorts under: its first byte, folded when the set is,
 * and ’ as the apostrophe (the comparators treat them alike). */
static unsigned first_key(const char *w, size_t len, int fold)
{
	unsigned char b = len ? (unsigned char)w[0] : 0;
	if (b == 0xe2 && len >= 3 && memcmp(w, "\xe2\x80\x99", 3) == 0)
		return '\'';
	return fold ? td_fold_tab[b] : b;
}

uint32_t td_word_hash(const char *s, size_t len, int fold)
{
	uint64_t h = TD_HASH_SEED;
	for (size_t i = 0; i < len;)
		h = td_hash_add(h, (unsigned char)word_char(s, len, &i, fold));
	return (uint32_t)h;
}

/* td_word_hash(s, len, 0) and td_word_hash(s, len, 1) in one pass. */
static void word_hash2(
        const char *s, size_t len, uint32_t *exact, uint32_t *folded)
{
	uint64_t h = TD_HASH_SEED, g = TD_HASH_SEED;
	for (size_t i = 0; i < len;) {
		unsigned char ch = (unsigned char)word_char(s, len, &i, 0);
		h = td_hash_add(h, ch);
		g = td_hash_add(g, td_fold_tab[ch]);
	}
	*exact = (uint32_t)h;
	*folded = (uint32_t)g;
}

/* Indexes the distinct first words of a sorted set. Patterns sharing a
 * first word are contiguous after sorting, so a slot need only name the
 * first of them. Without memory for the table, matching falls back to
 * binary search (hslot stays NULL). */
static void build_hash(td_patset *ps)
{
	free(ps->hslot);
	free(ps->hhash);
	free(ps->gend);
	free(ps->h2);
	ps->hslot = ps->hhash = ps->gend = ps->h2 = NULL;
	ps->hmask = 0;
	if (!ps->n || ps->n > UINT32_MAX - 1)
		return;
	ps->h2 = malloc(ps->n * sizeof *ps->h2);
	for (size_t k = 0; ps->h2 && k < ps->n; k++)
		ps->h2[k] = ps->v[k].n >= 2 ? td_word_hash(ps->v[k].w[1],
		                                      ps->v[k].len[1], ps->fold)
		                            : 0;
	size_t cap = 16;
	while (cap < ps->n * 4) /* a quarter full: a miss costs one probe */
		cap *= 2;
	uint32_t *t = calloc(cap, sizeof *t), *hh = calloc(cap, sizeof *hh),
	         *g = malloc(ps->n * sizeof *g);
	if (!t || !hh || !g) {
		free(t);
		free(hh);
		free(g);
		return;
	}
	for (size_t k = 0; k < ps->n;) {
		const td_pat *p = &ps->v[k];
		size_t e = k + 1;
		while (e < ps->n && word_cmp(ps->v[e].w[0], ps->v[e].len[0],
		                            p->w[0], p->len[0], ps->fold) == 0)
			e++;
		uint32_t wh = td_word_hash(p->w[0], p->len[0], ps->fold);
		size_t h = wh & (cap - 1);
		while (t[h])
			h = (h + 1) & (cap - 1);
		t[h] = (uint32_t)k + 1;
		hh[h] = wh;
		for (; k < e; k++)
			g[k] = (uint32_t)e;
	}
	ps->hslot = t;
	ps->hhash = hh;
	ps->gend = g;
	ps->hmask = cap - 1;
}

void td_patset_sort(td_patset *ps)
{
	if (ps->n)
		qsort(ps->v, ps->n, sizeof *ps->v,
		        ps->fold ? pat_cmp_fold : pat_cmp_exact);
	/* sorted by the comparators, equal first keys are contiguous and in
	 * key order */
	size_t k = 0;
	for (unsigned b = 0; b <= 256; b++) {
		while (k < ps->n &&
		        first_key(ps->v[k].w[0], ps->v[k].len[0], ps->fold) < b)
			k++;
		ps->first[b] = k;
	}
	build_hash(ps);
}

void td_patset_clear(td_patset *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		for (int j = 0; j < ps->v[i].n; j++)
			free(ps->v[i].w[j]);
		free(ps->v[i].w);
		free(ps->v[i].len);
	}
	free(ps->v);
	free(ps->hslot);
	free(ps->hhash);
	free(ps->gend);
	free(ps->h2);
	memset(ps, 0, sizeof *ps);
}

/* Pattern p, whose first word is token i's, ends before token lim and its
 * other words are the tokens after i. */
static inline int rest_matches(const td_patset *ps, const td_pat *p,
        const td_actx *c, size_t i, size_t lim)
{
	if (i + (size_t)p->n > lim)
		return 0;
	/* a different hash is a different word (td_word_hash agrees with
	 * word_eq); an equal one is compared below */
	const uint32_t *th = c->tok_hash[ps->fold != 0];
	if (p->n >= 2 && ps->h2 && th && i + 1 < c->tok.n &&
	        ps->h2[p - ps->v] != th[i + 1])
		return 0;
	for (int j = 1; j < p->n; j++)
		if (!word_eq(p->w[j], p->len[j], td_tok_str(c, i + j),
		            td_tok_len(c, i + j), ps->fold))
			return 0;
	return 1;
}

long td_patset_match_at(
        const td_patset *ps, const td_actx *c, size_t i, size_t lim, uint32_t s)
{
	const uint32_t *th = c->tok_hash[ps->fold != 0];
	if (ps->h2 && th && i + 1 < c->tok.n) {
		/* a run of patterns sharing a first word ("New", "the") is
		 * passed over by their second words' hashes alone: only one
		 * equal to the next token's, or 0 (a pattern of one word), can
		 * be a match, which rest_matches then tells */
		uint32_t t = th[i + 1];
		for (size_t k = s - 1, end = ps->gend[s - 1]; k < end; k++) {
			uint32_t h = ps->h2[k];
			if ((h == t || h == 0) &&
			        rest_matches(ps, &ps->v[k], c, i, lim))
				return (long)k;
		}
		return -1;
	}
	for (size_t k = s - 1, end = ps->gend[s - 1]; k < end; k++)
		if (rest_matches(ps, &ps->v[k], c, i, lim))
			return (long)k;
	return -1;
}

long td_patset_match_slow(
        const td_patset *ps, const td_actx *c, size_t i, size_t lim)
{
	const char *t = td_tok_str(c, i);
	size_t tl = td_tok_len(c, i);
	size_t lo, hi;
	if (ps->hslot) {
		/* the first pattern whose first word equals the token */
		uint32_t s, h = c->tok_hash[ps->fold != 0]
		                        ? c->tok_hash[ps->fold != 0][i]
		                        : td_word_hash(t, tl, ps->fold);
		for (uint32_t x = h & (uint32_t)ps->hmask;;
		        x = (x + 1) & (uint32_t)ps->hmask) {
			s = ps->hslot[x];
			if (!s)
				return -1;
			if (ps->hhash[x] == h &&
			        word_eq(ps->v[s - 1].w[0], ps->v[s - 1].len[0],
			                t, tl, ps->fold))
				break;
		}
		/* the patterns sharing the token as first word, longest
		 * first */
		return td_patset_match_at(ps, c, i, lim, s);
	} else {
		unsigned key = first_key(t, tl, ps->fold);
		lo = ps->first[key];
		hi = ps->first[key + 1];
		if (lo == hi)
			return -1;
		/* lower bound of the first word */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (word_cmp(ps->v[mid].w[0], ps->v[mid].len[0], t, tl,
			            ps->fold) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	for (size_t k = lo; k < ps->n; k++) {
		const td_pat *p = &ps->v[k];
		if (!word_eq(p->w[0], p->len[0], t, tl, ps->fold))
			break;
		if (rest_matches(ps, p, c, i, lim))
			return (long)
			        k; /* longest first within equal first words */
	}
	return -1;
}

/* -------------------------------------------------------------- tokens */

/* Byte by byte while neither side holds a ’ (the usual case: no strlen,
 * no scan for ’); at the first ’ the general comparison decides. */
int td_tok_eq_slow(const td_actx *c, size_t i, const char *w, int fold)
{
	if (i >= c->tok.n)
		return 0;
	const unsigned char *a = (const unsigned char *)td_tok_str(c, i);
	const unsigned char *b = (const unsigned char *)w;
	size_t al = td_tok_len(c, i), j;
	for (j = 0; j < al; j++) {
		unsigned char x = a[j], y = b[j];
		if (!y)
			return 0;
		/* a lead byte 0xe2 against another byte: different words
		 * unless one of them is the ’ that equals ' (a quotation
		 * mark or dash token against each word a rule tests was 1.4%
		 * of an ingest's instructions in word_eq) */
		if (x == 0xe2 || y == 0xe2) {
			if (x != y &&
			        !(x == 0xe2 && al - j >= 3 &&
			                a[j + 1] == 0x80 && a[j + 2] == 0x99) &&
			        !(y == 0xe2 && b[j + 1] == 0x80 &&
			                b[j + 2] == 0x99))
				return 0;
			return word_eq((const char *)a, al, w, strlen(w), fold);
		}
		if (x != y && (!fold || td_fold_tab[x] != td_fold_tab[y]))
			return 0;
	}
	return b[j] == 0;
}

static uint32_t list_hash(const char *const *list, int fold)
{
	uint64_t x = (uint64_t)(uintptr_t)list * 0x9e3779b97f4a7c15ull;
	return (uint32_t)(x >> 32) ^ (uint32_t)fold;
}

int td_words_register(td_annotator *a, const char *const *const *lists)
{
	for (; *lists; lists++) {
		if (TD_VEC_RESERVE(a->reg, a->n_reg, a->cap_reg, 32))
			return td_error(TD_ENOMEM, "out of memory");
		a->reg[a->n_reg++] = *lists;
	}
	return 0;
}

/* Builds the look-up tables over the registered lists, folded and exact. */
static int words_build(td_annotator *a)
{
	size_t nw = 0, cap = 16, lcap = 16;
	for (size_t k = 0; k < a->n_reg; k++)
		for (size_t j = 0; a->reg[k][j]; j++)
			nw++;
	while (cap < nw * 16) /* two entries a word (folded, exact), 1/8 full */
		cap *= 2;
	while (lcap < a->n_reg * 8)
		lcap *= 2;
	a->wslot = calloc(cap, sizeof *a->wslot);
	a->reg_slot = calloc(lcap, sizeof *a->reg_slot);
	if (!a->wslot || !a->reg_slot)
		return td_error(TD_ENOMEM, "out of memory");
	a->wmask = cap - 1;
	a->reg_mask = lcap - 1;
	for (size_t k = 0; k < a->n_reg; k++) {
		const char *const *list = a->reg[k];
		size_t h = list_hash(list, 0) & a->reg_mask;
		int dup = 0;
		while (a->reg_slot[h] && !(dup = a->reg_slot[h] == list))
			h = (h + 1) & a->reg_mask;
		if (dup)
			continue;
		a->reg_slot[h] = list;
		for (int fold = 0; fold < 2; fold++)
			for (size_t j = 0; list[j]; j++) {
				uint32_t wh = td_word_hash(
				        list[j], strlen(list[j]), fold);
				size_t x =
				        (list_hash(list, fold) ^ wh) & a->wmask;
				while (a->wslot[x].list)
					x = (x + 1) & a->wmask;
				a->wslot[x] =
				        (td_wordent){list, list[j], wh, fold};
			}
	}
	return 0;
}

/* The class of word w in table wtab[fold], created when absent (the table
 * is sized so that it never fills). */
static td_wordinfo *wtab_get(
        td_annotator *a, int fold, const char *w, size_t len)
{
	uint32_t h = td_word_hash(w, len, fold);
	for (size_t x = h & a->wtmask;; x = (x + 1) & a->wtmask) {
		td_wordinfo *e = &a->wtab[fold][x];
		if (!e->w) {
			e->w = w;
			e->len = len;
			e->h = h;
			return e;
		}
		if (e->h == h && word_eq(e->w, e->len, w, len, fold))
			return e;
	}
}

/* Builds the word tables over the registered lists (both foldings) and
 * the first words of the annotator's patsets (in their own folding).
 * Patsets without their hash index stay unindexed (slot 0). */
static int wtab_build(td_annotator *a)
{
	td_patset *ps[TD_NPATSETS] = {&a->actor_pats, &a->place_pats,
	        &a->title_pats, &a->hedge_pats, &a->speech_pats, &a->claim_pats,
	        &a->given_pats, &a->person_pats};
	/* every list has its bit, or the annotator is refused: a list past
	 * the bits would be looked up by hash, many times slower, and no
	 * test would see it */
	size_t nlists = 0;
	for (size_t x = 0; x <= a->reg_mask; x++)
		nlists += a->reg_slot[x] != NULL;
	if (nlists > 64 * TD_WORD_MASKS)
		return td_error(TD_ELIMIT,
		        "word table: %zu grammar-word lists registered "
		        "(td_words_register), more than its %d bits; raise "
		        "TD_WORD_MASKS in indexer/annotate/patset.h",
		        nlists, 64 * TD_WORD_MASKS);
	size_t nw = 0, cap = 16;
	for (size_t k = 0; k < a->n_reg; k++)
		for (size_t j = 0; a->reg[k][j]; j++)
			nw++;
	for (int p = 0; p < TD_NPATSETS; p++)
		nw += ps[p]->n;
	/* at most half full (a quarter was 2 x 11 MB of RSS at every start
	 * once the given names joined: 2^17 slots of 88 bytes each) */
	while (cap < nw * 2)
		cap *= 2;
	a->reg_bit = malloc((a->reg_mask + 1) * sizeof *a->reg_bit);
	a->wtab[0] = calloc(cap, sizeof *a->wtab[0]);
	a->wtab[1] = calloc(cap, sizeof *a->wtab[1]);
	if (!a->reg_bit || !a->wtab[0] || !a->wtab[1])
		return td_error(TD_ENOMEM, "out of memory");
	a->wtmask = cap - 1;
	int nbits = 0;
	for (size_t x = 0; x <= a->reg_mask; x++)
		a->reg_bit[x] = -1;
	for (size_t k = 0; k < a->n_reg; k++) {
		const char *const *list = a->reg[k];
		size_t h = list_hash(list, 0) & a->reg_mask;
		while (a->reg_slot[h] != list)
			h = (h + 1) & a->reg_mask;
		if (a->reg_bit[h] >= 0)
			continue; /* a duplicate */
		int b = nbits++;
		a->reg_bit[h] = b;
		for (int fold = 0; fold < 2; fold++)
			for (size_t j = 0; list[j]; j++)
				wtab_get(a, fold, list[j], strlen(list[j]))
				        ->mask[b >> 6] |= (uint64_t)1
				                          << (b & 63);
	}
	/* the lists with a bit by address (reg_dir): the least table of
	 * 2^13 slots or more (up to 2^16) where none shares a slot, else the
	 * largest with the first comer in each slot */
	for (size_t dcap = (size_t)1 << 13;; dcap *= 2) {
		free(a->reg_dir);
		free(a->reg_dbit);
		a->reg_dir = calloc(dcap, sizeof *a->reg_dir);
		a->reg_dbit = malloc(dcap * sizeof *a->reg_dbit);
		if (!a->reg_dir || !a->reg_dbit)
			return td_error(TD_ENOMEM, "out of memory");
		a->reg_dmask = dcap - 1;
		int shared = 0;
		for (size_t x = 0; x <= a->reg_mask; x++) {
			if (!a->reg_slot[x] || a->reg_bit[x] < 0)
				continue;
			size_t d = td_reg_dir_slot(a, a->reg_slot[x]);
			if (a->reg_dir[d]) {
				shared = 1;
				continue;
			}
			a->reg_dir[d] = a->reg_slot[x];
			a->reg_dbit[d] = a->reg_bit[x];
		}
		if (!shared || dcap >= (size_t)1 << 16)
			break;
	}
	for (int p = 0; p < TD_NPATSETS; p++) {
		td_patset *s = ps[p];
		s->slot = 0;
		if (!s->hslot)
			continue;
		for (size_t k = 0; k < s->n; k = s->gend[k])
			wtab_get(a, s->fold != 0, s->v[k].w[0], s->v[k].len[0])
			        ->first[p] = (uint32_t)k + 1;
		s->slot = p + 1;
	}
	return 0;
}

/* 1 + the word class of text s[0, len) with hash h in wtab[fold], or 0. */
static uint32_t wtab_find(
        const td_annotator *a, int fold, uint32_t h, const char *s, size_t len)
{
	for (size_t x = h & a->wtmask;; x = (x + 1) & a->wtmask) {
		const td_wordinfo *e = &a->wtab[fold][x];
		if (!e->w)
			return 0;
		/* the same bytes are the same word, folded or not */
		if (e->h == h &&
		        ((e->len == len && memcmp(e->w, s, len) == 0) ||
		                word_eq(e->w, e->len, s, len, fold)))
			return (uint32_t)x + 1;
	}
}

/* Is words registered? */
static int words_known(const td_annotator *a, const char *const *words)
{
	if (!a->reg_slot)
		return 0;
	for (size_t h = list_hash(words, 0) & a->reg_mask;;
	        h = (h + 1) & a->reg_mask) {
		if (!a->reg_slot[h])
			return 0;
		if (a->reg_slot[h] == words)
			return 1;
	}
}

int td_tok_in_slow(
        const td_actx *c, size_t i, const char *const *words, int fold)
{
	if (i >= c->tok.n)
		return 0;
	fold = fold != 0;
	if (c->tok_hash[fold] && words_known(c->a, words)) {
		const td_annotator *a = c->a;
		uint32_t wh = c->tok_hash[fold][i];
		for (size_t x = (list_hash(words, fold) ^ wh) & a->wmask;;
		        x = (x + 1) & a->wmask) {
			const td_wordent *e = &a->wslot[x];
			if (!e->list)
				return 0;
			if (e->h == wh && e->list == words && e->fold == fold &&
			        td_tok_eq_slow(c, i, e->word, fold))
				return 1;
		}
	} else if (td_match_on_unregistered && c->tok_hash[fold])
		td_match_on_unregistered(words); /* the word table has no bit */
	/* the first-byte test of td_tok_eq, with the token's byte read once */
	unsigned char s0 = (unsigned char)c->doc->text[c->tok.v[i].start];
	if (fold)
		s0 = td_fold_tab[s0];
	for (size_t k = 0; words[k]; k++) {
		unsigned char w0 = (unsigned char)words[k][0];
		if (s0 != 0xe2 && w0 != 0xe2 &&
		        (fold ? td_fold_tab[w0] : w0) != s0)
			continue;
		if (td_tok_eq_slow(c, i, words[k], fold))
			return 1;
	}
	return 0;
}

const char *const td_subordinators[] = {"although", "though", "while", "whilst",
        "if", "because", "since", "as", "even", "when", "despite", "whereas",
        "unless", "once", "after", "before", "until", NULL};

size_t td_fronted_end(const td_actx *c, size_t t0, size_t t1)
{
	size_t k = t0;
	while (k < t1 && !td_tok_is_word(c, k))
		k++;
	if (k >= t1 || !td_tok_any(c, k, td_subordinators))
		return t0;
	for (; k < t1; k++)
		if (td_tok_eq(c, k, ",", 0) &&
		        !td_actx_in_quote(
		                c, c->tok.v[k].start, c->tok.v[k].end))
			return k;
	return t0;
}

int td_words_index(td_annotator *a)
{
	int rc = words_build(a);
	return rc < 0 ? rc : wtab_build(a);
}

/* How many tokens ahead td_tok_classify brings their word-table slots
 * into the cache (the tables are megabytes: a probe is a cache miss). */
enum { CLASSIFY_AHEAD = 8 };

/* Classifies the tokens whose word is new in the document, each token
 * from[t] == t; the others copy the first token of the same bytes, from[t]
 * (the hashes and classes are functions of the bytes: the same answer). */
static void classify_firsts(const td_annotator *a, const char *text,
        const td_token *tok, size_t n, const uint32_t *from, uint32_t *hash[2],
        uint32_t *ent[2])
{
	for (size_t t = 0; t < n; t++) {
		size_t f = from ? from[t] : t;
		if (f != t) {
			ent[0][t] = ent[0][f];
			ent[1][t] = ent[1][f];
			continue;
		}
		size_t ahead = t + CLASSIFY_AHEAD;
		if (ahead < n && (!from || from[ahead] == ahead))
			for (int k = 0; k < 2; k++)
				__builtin_prefetch(&a->wtab[k][hash[k][ahead] &
				                               a->wtmask]);
		const char *w = text + tok[t].start;
		size_t wl = tok[t].end - tok[t].start;
		ent[0][t] = wtab_find(a, 0, hash[0][t], w, wl);
		ent[1][t] = wtab_find(a, 1, hash[1][t], w, wl);
	}
}

/* The memo of td_tok_classify: at most this many slots (8 bytes each),
 * filled to half; a document with more distinct words classifies the
 * rest one token at a time. */
enum { CLASSIFY_MEMO_MAX = 1 << 17 };

/* The memo's key of the word w[0, wl): its length and its first and last
 * four bytes, mixed; words that share them are told apart by their
 * bytes. A multiply a token, where a hash of every byte cost as much as
 * the look-ups the memo saves. */
static inline uint32_t memo_key(const char *w, size_t wl)
{
	uint64_t k = 0;
	if (wl >= 4) {
		uint32_t lo, hi;
		memcpy(&lo, w, 4);
		memcpy(&hi, w + wl - 4, 4);
		k = (uint64_t)hi << 32 | lo;
	} else {
		for (size_t i = 0; i < wl; i++)
			k = k << 8 | (unsigned char)w[i];
	}
	return (uint32_t)(((k ^ wl) * 0x9e3779b97f4a7c15ull) >> 32);
}

void td_tok_classify(const td_annotator *a, const char *text,
        const td_token *tok, size_t n, uint32_t *hash[2], uint32_t *ent[2],
        uint32_t **first)
{
	/* A document's tokens are nearly three times as many as its words
	 * (",", "the", a name again): a word is hashed and looked up in the
	 * tables once, its later tokens found by their bytes in a memo
	 * (td_match_no_skip: not, every token in full). */
	size_t cap = 64;
	while (cap < n && cap < CLASSIFY_MEMO_MAX)
		cap *= 2;
	uint32_t *from = NULL, (*memo)[2] = NULL;
	if (!td_match_no_skip && n > 1 && n < UINT32_MAX) {
		from = malloc(n * sizeof *from);
		memo = calloc(cap, sizeof *memo); /* {key, 1 + first token} */
	}
	size_t used = 0;
	for (size_t t = 0; t < n; t++) {
		const char *w = text + tok[t].start;
		size_t wl = tok[t].end - tok[t].start;
		if (from && memo) {
			uint32_t key = memo_key(w, wl);
			size_t x = key & (cap - 1);
			for (; memo[x][1]; x = (x + 1) & (cap - 1)) {
				const td_token *o = &tok[memo[x][1] - 1];
				if (memo[x][0] == key &&
				        o->end - o->start == wl &&
				        !memcmp(text + o->start, w, wl))
					break;
			}
			if (memo[x][1]) {
				size_t f = memo[x][1] - 1;
				from[t] = (uint32_t)f;
				hash[0][t] = hash[0][f];
				hash[1][t] = hash[1][f];
				continue;
			}
			from[t] = (uint32_t)t;
			if (2 * ++used <= cap) {
				memo[x][0] = key;
				memo[x][1] = (uint32_t)t + 1;
			}
		}
		word_hash2(w, wl, &hash[0][t], &hash[1][t]);
	}
	classify_firsts(a, text, tok, n, from && memo ? from : NULL, hash, ent);
	if (first) {
		/* every word in the memo: from[] names each token's first */
		*first = NULL;
		if (from && memo && 2 * used <= cap) {
			*first = from;
			from = NULL;
		}
	}
	free(from);
	free(memo);
}

const char *td_tok_pos(const td_actx *c, size_t i)
{
	if (!c->pos || i >= c->tok.n)
		return "";
	return td_words_tag_name(c->a->tagger, c->pos[i]);
}

static const char *const perception_verbs[] = {"see", "hear", "feel", "smell",
        "taste", "sense", "recognize", "distinguish", NULL};
static const char *const perceivers[] = {
        "i", "he", "she", "we", "they", "you", NULL};

const char *const *const td_match_lists[] = {
        td_subordinators, perception_verbs, perceivers, NULL};

int td_perceiving_could(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (i <= t0 || !td_tok_eq(c, i, "could", 1) ||
	        !(td_tok_in(c, i - 1, perceivers, 1) ||
	                td_tok_pos_is(c, i - 1, "NNP")))
		return 0;
	size_t v = i + 1;
	while (v < t1 &&
	        (td_tok_eq(c, v, "not", 1) || td_tok_eq(c, v, "n't", 1) ||
	                td_tok_pos_is(c, v, "RB")))
		v++;
	return v < t1 && (td_tok_in(c, v, perception_verbs, 1) ||
	                         (td_tok_eq(c, v, "make", 1) &&
	                                 td_tok_eq(c, v + 1, "out", 1)));
}

int td_past_counterfactual(const td_actx *c, size_t t0, size_t i)
{
	if (td_tok_eq(c, t0, "Had", 0))
		return 1;
	for (size_t k = t0; k + 1 < i; k++) {
		if (!td_tok_eq(c, k, "if", 1))
			continue;
		for (size_t j = k + 1; j + 1 < i; j++) {
			if (td_tok_eq(c, j, ",", 0) ||
			        td_tok_eq(c, j, ";", 0) ||
			        td_tok_eq(c, j, ":", 0) ||
			        td_tok_eq(c, j, "–", 0) ||
			        td_tok_eq(c, j, "—", 0) ||
			        td_tok_eq(c, j, "(", 0) ||
			        td_tok_eq(c, j, ")", 0))
				break;
			if (td_tok_eq(c, j, "had", 1) &&
			        (td_tok_pos_is(c, j + 1, "VBN") ||
			                (td_tok_eq(c, j + 1, "not", 1) &&
			                        td_tok_pos_is(
			                                c, j + 2, "VBN"))))
				return 1;
		}
	}
	return 0;
}
