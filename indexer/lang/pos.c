/* pos.c: part-of-speech tagging with an averaged perceptron (Collins 2002)
 * in the fast-tagger design: word, case, prefix, suffix, shape, neighbouring
 * words and the two previous tags as hashed features; greedy left to right;
 * frequent unambiguous words answered from a tag dictionary.
 * The model is memory-mapped and never written, so tagging is thread-safe;
 * nothing is allocated per token (the scratch grows per sentence length).
 */
#include "config.h"
#include "pos.h"
#include "hash.h"
#include "vec.h"
#include "error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct td_pos_model {
	void *map;
	size_t size;
	td_pos_header h;
	const char (*names)[TD_POS_TAG_LEN];
	const td_pos_slot *slots;
	const uint32_t *entries;
	const td_pos_slot *dict;
	/* td_pos_tag's copy of the slots: a slot of HEAVY or more entries (or
	 * none) has count 0 and the number of its vector in vecs (dense, stride
	 * lanes, the rest 0; vector 0 is all 0), added 4 lanes at a time */
	td_pos_slot *tslots;
	int32_t *vecs;
	size_t tslots_size, vecs_size; /* bytes (big_alloc) */
	unsigned stride;
	uint64_t serial; /* which td_pos_open this is (td_pos_cache) */
};

uint32_t td_pos_checksum(const void *p, size_t n)
{
	return td_hash32_update(TD_HASH32_SEED, p, n);
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}

/* The model's features are keyed by these values: td_hash_add's FNV-1a
 * from a seeded start, which must never change (or retrain the model). */
static uint64_t hash_bytes(const uint8_t *s, size_t n, uint64_t seed)
{
	uint64_t h = TD_HASH_SEED ^ seed;
	for (size_t i = 0; i < n; i++)
		h = td_hash_add(h, s[i]);
	return h;
}

/* The tables of megabytes that tagging reads at random (the model's
 * slots and vectors, the per-type cache): zeroed, on 2 MB pages where the
 * kernel gives them on request (MADV_HUGEPAGE; this machine's
 * transparent_hugepage is "madvise"), since on 4 KB pages most lookups in
 * them also miss the TLB. Page-aligned memory of n bytes, or NULL. */
enum { HUGE = 2u << 20 };
static void *big_alloc(size_t n)
{
	size_t len = n + HUGE;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
	        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	/* 2 MB-aligned, the rest given back */
	size_t head = (HUGE - (uintptr_t)p % HUGE) % HUGE;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t body = (n + page - 1) / page * page;
	if (head)
		munmap(p, head);
	if (len - head > body)
		munmap(p + head + body, len - head - body);
#ifdef MADV_HUGEPAGE
	madvise(p + head, body, MADV_HUGEPAGE); /* a hint: may fail */
#endif
	return p + head;
}

static void big_free(void *p, size_t n)
{
	if (p) {
		size_t page = (size_t)sysconf(_SC_PAGESIZE);
		munmap(p, (n + page - 1) / page * page);
	}
}

/* A feature: template number t over value v; never 0 (0 is "empty"). */
static inline uint64_t feat(unsigned t, uint64_t v)
{
	uint64_t h = mix(v * 0x9e3779b97f4a7c15ull + t + 1);
	return h ? h : 1;
}

/* Score vectors are added 4 lanes at a time (SSE2 at -O2): a vector is
 * padded with zeros to a multiple of 8 lanes, the scores to VW. */
enum { VW = 64 };
/* td_pos_tag's sums are KMUL times td_pos_tag_ref's (so that the tag fits
 * below them: argmax()); at most TD_POS_NFEAT weights of 16 bits, so
 * |sum| < 2^21 and KMUL * sum fits in 32 bits */
enum { KMUL = 64 };
typedef int32_t vi4 __attribute__((vector_size(16)));

/* AVX2 for the sums and their highest (td_pos_tag_hash), taken at run
 * time where the CPU has it, with GCC or clang on x86-64 */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define TD_POS_AVX2 1
#include <immintrin.h>
#else
#define TD_POS_AVX2 0
#endif
int td_pos_no_avx2;
/* the most frequent features have an entry for most tags */
enum { HEAVY = 8 };

void td_pos_scratch_clear(td_pos_scratch *s)
{
	free(s->h);
	free(s->scores);
	td_pos_cache_free(s->cache);
	memset(s, 0, sizeof *s); /* zeroed: a new scratch again */
}

static int scratch_grow(td_pos_scratch *s, size_t n)
{
	if (!s->scores) {
		s->scores = malloc(VW * sizeof *s->scores);
		if (!s->scores)
			return td_error(TD_ENOMEM, "out of memory");
	}
	if (n > SIZE_MAX / TD_POS_TOKH ||
	        TD_VEC_RESERVE_N(
	                s->h, n * TD_POS_TOKH, s->cap, 64 * TD_POS_TOKH))
		return td_error(TD_ENOMEM, "out of memory");
	return 0;
}

enum { MAXW = TD_POS_HASH_LEN }; /* of longer words, their first bytes */

/* The TD_POS_TOKH hashes of the token w[0, len): they read its first MAXW
 * bytes only. */
static void token_hashes(const uint8_t *w, size_t len, uint64_t *h)
{
	if (len > MAXW)
		len = MAXW;
	uint8_t low[MAXW], shape[MAXW];
	size_t ns = 0, digits = 0;
	unsigned flags = 0;
	for (size_t k = 0; k < len; k++) {
		uint8_t c = w[k], sc;
		if (c >= 'A' && c <= 'Z') {
			low[k] = (uint8_t)(c + 32);
			sc = 'X';
			flags |= k == 0 ? 1u : 2u;
		} else if (c >= 'a' && c <= 'z') {
			low[k] = c;
			sc = 'x';
			flags |= 4u;
		} else if (c >= '0' && c <= '9') {
			low[k] = c;
			sc = 'd';
			digits++;
		} else {
			low[k] = c;
			sc = c >= 0x80 ? 'u' : c;
			if (c == '-')
				flags |= 8u;
		}
		/* runs of a class shorten to two ("Xxxx" and "Xxxxxxx"
		 * alike) */
		if (!(ns >= 2 && shape[ns - 1] == sc && shape[ns - 2] == sc))
			shape[ns++] = sc;
	}
	if (digits)
		flags |= 16u;
	if (digits && len == 4 && digits == 4)
		h[0] = hash_bytes((const uint8_t *)"!YEAR", 5, 0);
	else if (digits && w[0] >= '0' && w[0] <= '9')
		h[0] = hash_bytes((const uint8_t *)"!DIGITS", 7, 0);
	else
		h[0] = hash_bytes(low, len, 0);
	h[1] = hash_bytes(w, len, 1);
	for (unsigned k = 1; k <= 4; k++)
		h[1 + k] = len >= k ? hash_bytes(low + len - k, k, 2)
		                    : hash_bytes(low, len, 3);
	h[6] = hash_bytes(low, len >= 1 ? 1 : len, 4);
	h[7] = hash_bytes(low, len >= 2 ? 2 : len, 5);
	h[8] = hash_bytes(shape, ns, 6);
	h[9] = flags;
	h[10] = len >= 5 ? hash_bytes(low + len - 5, 5, 2)
	                 : hash_bytes(low, len, 3);
	h[11] = hash_bytes(low, len >= 3 ? 3 : len, 7);
	size_t hy = len;
	while (hy > 0 && low[hy - 1] != '-')
		hy--;
	h[12] = hy > 0 && hy < len ? hash_bytes(low + hy, len - hy, 8) : 0;
}

int td_pos_prepare(
        td_pos_scratch *s, const char *text, const td_token *tok, size_t n)
{
	int rc = scratch_grow(s, n);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		token_hashes((const uint8_t *)text + tok[i].start,
		        tok[i].end - tok[i].start, s->h + i * TD_POS_TOKH);
	return 0;
}

/* The value of a neighbour's hash k, or a constant outside the sentence. */
static inline uint64_t nb(
        const td_pos_scratch *s, size_t n, size_t i, long d, unsigned k)
{
	long j = (long)i + d;
	if (j < 0)
		return 0x5354415254ull + (uint64_t)(-j); /* "START" */
	if ((size_t)j >= n)
		return 0x454e44ull + (uint64_t)j - n; /* "END" */
	return s->h[(size_t)j * TD_POS_TOKH + k];
}

/* The features of the token alone (hashes h), at the sentence's start or
 * not: TD_POS_NWORD of them. */
enum { NWORD = 14 };
static void features_word(const uint64_t *h, int initial, uint64_t *f)
{
	unsigned k = 0;
	f[k++] = feat(0, 0);    /* bias */
	f[k++] = feat(1, h[0]); /* word */
	f[k++] = feat(2, h[1]); /* word as written */
	f[k++] = feat(3, h[2]); /* suffixes 1..5 */
	f[k++] = feat(4, h[3]);
	f[k++] = feat(5, h[4]);
	f[k++] = feat(6, h[5]);
	f[k++] = feat(23, h[10]);
	f[k++] = feat(7, h[6]); /* prefixes 1..3 */
	f[k++] = feat(8, h[7]);
	f[k++] = feat(24, h[11]);
	f[k++] = feat(9, h[8]); /* shape */
	f[k++] =
	        feat(10, h[9] | (initial ? 32u : 0u)); /* case, digit, hyphen */
	f[k++] = feat(25, h[12]); /* after the last hyphen */
}

/* The features that do not depend on the previous tags. */
static unsigned features_static(
        const td_pos_scratch *s, size_t n, size_t i, uint64_t *f)
{
	const uint64_t *h = s->h + i * TD_POS_TOKH;
	unsigned k = NWORD;
	features_word(h, i == 0, f);
	f[k++] = feat(15, nb(s, n, i, -1, 0));
	f[k++] = feat(16, nb(s, n, i, -1, 4));
	f[k++] = feat(17, nb(s, n, i, -2, 0));
	f[k++] = feat(18, nb(s, n, i, 1, 0));
	f[k++] = feat(19, nb(s, n, i, 1, 4));
	f[k++] = feat(20, nb(s, n, i, 2, 0));
	f[k++] = feat(21, nb(s, n, i, 1, 8));
	return k;
}

/* The features over the two previous tags: of the tags alone, so that
 * td_pos_tag() sums them once per pair of tags. Model version 1 also paired
 * the previous tag with the word, its 3-byte suffix and its shape, and the
 * shape with the shape before (templates 14, 22, 27 and 26): four lookups
 * for every token the dictionary does not answer, about half of the
 * tagger's instructions, for 0.06 points of dev accuracy
 * (docs/pos-tagset.md). */
static unsigned features_dynamic(unsigned prev, unsigned prev2, uint64_t *f)
{
	unsigned k = 0;
	f[k++] = feat(11, prev);
	f[k++] = feat(12, prev2);
	f[k++] = feat(13, prev << 8 | prev2);
	return k;
}

unsigned td_pos_features(const td_pos_scratch *s, size_t n, size_t i,
        unsigned prev, unsigned prev2, uint64_t *f)
{
	unsigned k = features_static(s, n, i, f);
	return k + features_dynamic(prev, prev2, f + k);
}

/* ------------------------------------------------------------ the model */

static const td_pos_slot *slot_find(
        const td_pos_slot *tab, uint32_t mask, uint64_t h)
{
	uint32_t key = (uint32_t)(h >> 32) | 1u;
	for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
		const td_pos_slot *sl = &tab[i];
		if (sl->key == key)
			return sl;
		if (sl->key == 0)
			return NULL;
	}
}

/* sc[t] += mul * the weight of feature fh for tag t */
static inline void add_feature(
        const td_pos_model *m, uint64_t fh, int32_t *sc, int32_t mul)
{
	const td_pos_slot *sl = slot_find(m->slots, m->h.nslots - 1, fh);
	if (!sl)
		return;
	const uint32_t *e = m->entries + (sl->val >> 6);
	for (unsigned c = sl->val & 63; c; c--, e++)
		sc[*e >> 16] += (int16_t)(*e & 0xffff) * mul;
}

/* sc[0, n) += v[0, n), n a multiple of 8: 8 lanes an iteration, and the
 * usual stride of a Penn model (48 tags) unrolled whole (about a third of
 * the tagger's instructions are these adds) */
static inline void vadd8(int32_t *sc, const int32_t *v)
{
	vi4 x0, x1, y0, y1;
	memcpy(&x0, sc, sizeof x0);
	memcpy(&x1, sc + 4, sizeof x1);
	memcpy(&y0, v, sizeof y0);
	memcpy(&y1, v + 4, sizeof y1);
	x0 += y0;
	x1 += y1;
	memcpy(sc, &x0, sizeof x0);
	memcpy(sc + 4, &x1, sizeof x1);
}

static inline void vadd(int32_t *sc, const int32_t *v, unsigned n)
{
	if (n == 48) {
		vadd8(sc, v);
		vadd8(sc + 8, v + 8);
		vadd8(sc + 16, v + 16);
		vadd8(sc + 24, v + 24);
		vadd8(sc + 32, v + 32);
		vadd8(sc + 40, v + 40);
		return;
	}
	for (unsigned j = 0; j < n; j += 8)
		vadd8(sc + j, v + j);
}

/* add_feature() for f[0, nf), KMUL times: the lookups are independent, so each
 * stage is started for all of them before any waits (the model is a few MB and
 * most lookups miss the cache): the slots, then their entries. */
static inline unsigned add_features(
        const td_pos_model *m, const uint64_t *f, unsigned nf, int32_t *sc)
{
	unsigned found = 0;
	uint32_t smask = m->h.nslots - 1;
	const td_pos_slot *sl[TD_POS_NFEAT];
	for (unsigned k = 0; k < nf; k++)
		__builtin_prefetch(&m->tslots[(uint32_t)f[k] & smask]);
	for (unsigned k = 0; k < nf; k++) {
		sl[k] = slot_find(m->tslots, smask, f[k]);
		if (!sl[k])
			continue;
		found++;
		if (sl[k]->val & 63) {
			const uint32_t *e = m->entries + (sl[k]->val >> 6);
			__builtin_prefetch(e);
		} else {
			/* at most 64 lanes; a prefetch past the end is
			 * harmless */
			const int32_t *v =
			        m->vecs + (size_t)(sl[k]->val >> 6) * m->stride;
			__builtin_prefetch(v);
			__builtin_prefetch(v + 16);
			__builtin_prefetch(v + 32);
			__builtin_prefetch(v + 48);
		}
	}
	for (unsigned k = 0; k < nf; k++) {
		if (!sl[k])
			continue;
		unsigned c = sl[k]->val & 63;
		if (!c) {
			vadd(sc,
			        m->vecs + (size_t)(sl[k]->val >> 6) * m->stride,
			        m->stride);
			continue;
		}
		const uint32_t *e = m->entries + (sl[k]->val >> 6);
		for (; c; c--, e++)
			sc[*e >> 16] += (int16_t)(*e & 0xffff) * KMUL;
	}
	return found;
}

int td_pos_tag_ref(const td_pos_model *m, const char *text, const td_token *tok,
        size_t n, uint8_t *tags, td_pos_scratch *s)
{
	int rc = td_pos_prepare(s, text, tok, n);
	if (rc)
		return rc;
	unsigned nt = m->h.ntags, prev = TD_POS_START, prev2 = TD_POS_START;
	uint32_t smask = m->h.nslots - 1, dmask = m->h.ndict - 1;
	uint64_t f[TD_POS_NFEAT];
	int32_t *sc = s->scores;
	for (size_t i = 0; i < n; i++) {
		unsigned best = 0;
		const td_pos_slot *d = slot_find(
		        m->dict, dmask, s->h[i * TD_POS_TOKH + TD_POS_H_WORD]);
		if (d) {
			best = d->val;
		} else {
			memset(sc, 0, nt * sizeof *sc);
			unsigned nf = td_pos_features(s, n, i, prev, prev2, f);
			/* the lookups are independent: start them all first */
			for (unsigned k = 0; k < nf; k++)
				__builtin_prefetch(
				        &m->slots[(uint32_t)f[k] & smask]);
			for (unsigned k = 0; k < nf; k++)
				add_feature(m, f[k], sc, 1);
			for (unsigned t = 1; t < nt; t++)
				if (sc[t] > sc[best])
					best = t;
		}
		tags[i] = (uint8_t)best;
		prev2 = prev;
		prev = best;
	}
	return 0;
}

/* ------------------------------------------------- the per-type cache */

/* What td_pos_tag() keeps per word type (a token's first MAXW bytes as
 * written) from one sentence to the next: the hashes its neighbours' features
 * read, its dictionary tag, and sums of feature weights: of its own features
 * (features_word), one for a sentence's first token and one for the others,
 * and of the features it gives as a neighbour, one per place (a role: the
 * word before the token tagged, two before, after, two after). The weights
 * of the three features over the two previous tags are summed per pair of
 * tags. A token then costs six vector adds and one max. Integer sums do not
 * depend on the order of their terms, so every token scores exactly as
 * td_pos_tag_ref() scores it; test_pos compares the two. */
enum { ROLE_M1, ROLE_M2, ROLE_P1, ROLE_P2, NROLE };
/* A type's vector numbers are 1 + the vector's place in c->vec; a role may
 * also be VZERO (the model has no weight for it: nothing to add) */
enum { VNONE = 0 };
#define VZERO UINT32_MAX
/* vectors a type may add (own, first, its roles) and c->vec's size per type */
enum { VTYPE = 2 + NROLE, VPER = 4 };

typedef struct pc_ent {
	uint64_t key; /* hash of the bytes */
	uint64_t h0, h4, h8;
	uint32_t woff;   /* its bytes in c->words */
	uint32_t vec[2]; /* its own features (not first, first), or VNONE */
	uint32_t role[NROLE]; /* as a neighbour: VNONE, VZERO or a vector */
	uint8_t len1;         /* its length + 1; 0: an empty slot */
	int8_t dict;          /* its dictionary tag, or -1 */
	uint8_t flags;        /* its TD_POS_TOKH hash 9 (case, digit, hyphen) */
	uint8_t hits; /* tokens found it (at most 255), halved at each sweep */
} pc_ent;

/* One token of the sentence at hand. */
typedef struct pc_tok {
	uint64_t key; /* td_hash of its first MAXW bytes */
	uint32_t ent;
	int32_t dict;
} pc_tok;

/* the roles' vectors of the words outside a sentence (nb()'s constants) */
enum { B_M1, B_M2_1, B_M2_2, B_P1, B_P2_0, B_P2_1, NBOUND };

struct td_pos_cache {
	uint64_t model; /* the serial of the model it was filled from */
	uint32_t max;   /* types at most */
	uint32_t vmax;  /* vectors at most (VPER * max) */
	uint32_t mask;  /* slots - 1 (2 * max slots) */
	uint32_t n, nvec;
	size_t ent_size, vec_size, pair_size; /* bytes (big_alloc) */
	pc_ent *ent;
	uint8_t *words; /* max * MAXW bytes */
	size_t wlen;
	/* cache_sweep's working memory, allocated at its first need: the
	 * types kept (max), their words (max * MAXW bytes, then swapped with
	 * words) and each vector's new number (vmax + 1) */
	pc_ent *kept;
	uint8_t *words2;
	uint32_t *renum;
	int32_t *vec; /* vmax vectors of stride (the model's tags rounded
	               * up to 8, the rest 0) */
	unsigned stride;
	int32_t *pair;     /* per (prev, prev2) a vector; */
	uint8_t *pair_set; /* 1 when computed */
	pc_tok *tok;
	size_t cap;
	int32_t bound[NBOUND][VW];
	int32_t zero[VW];
};

static uint64_t model_serial; /* td_pos_open numbers the models it opens */

void td_pos_cache_free(td_pos_cache *c)
{
	if (!c)
		return;
	big_free(c->ent, c->ent_size);
	free(c->words);
	free(c->kept);
	free(c->words2);
	free(c->renum);
	big_free(c->vec, c->vec_size);
	big_free(c->pair, c->pair_size);
	free(c->pair_set);
	free(c->tok);
	free(c);
}

int td_pos_cache_new(size_t types, td_pos_cache **out)
{
	*out = NULL;
	if (types < 1)
		types = 1;
	if (types > (1u << 24))
		types = 1u << 24;
	td_pos_cache *c = calloc(1, sizeof *c);
	if (!c)
		return td_error(TD_ENOMEM, "out of memory");
	uint32_t slots = 2;
	while (slots < 2 * types)
		slots *= 2;
	c->max = (uint32_t)types;
	c->vmax = (uint32_t)types * VPER;
	c->mask = slots - 1;
	size_t np = (TD_POS_MAX_TAGS + 1) * (TD_POS_MAX_TAGS + 1);
	c->ent_size = slots * sizeof *c->ent;
	c->pair_size = np * VW * sizeof *c->pair;
	if (!(c->ent = big_alloc(c->ent_size)) ||
	        !(c->words = malloc(types * MAXW)) ||
	        !(c->pair = big_alloc(c->pair_size)) ||
	        !(c->pair_set = calloc(np, 1))) {
		td_pos_cache_free(c);
		return td_error(TD_ENOMEM, "out of memory");
	}
	*out = c;
	return 0;
}

static void cache_clear(td_pos_cache *c)
{
	memset(c->ent, 0, ((size_t)c->mask + 1) * sizeof *c->ent);
	c->n = c->nvec = 0;
	c->wlen = 0;
}

/* The entry of the token w[0, len) (len <= MAXW; key: td_hash of it),
 * added if new, with the sum of its own features when it is not in the
 * dictionary (its hashes are at hand). The caller has made room for a
 * type and a vector. */
static uint32_t cache_get(const td_pos_model *m, td_pos_cache *c,
        const uint8_t *w, size_t len, uint64_t key)
{
	uint32_t j = (uint32_t)key & c->mask;
	for (;; j = (j + 1) & c->mask) {
		pc_ent *e = &c->ent[j];
		if (!e->len1)
			break;
		if (e->key == key && e->len1 == len + 1 &&
		        !memcmp(c->words + e->woff, w, len)) {
			e->hits += e->hits < UINT8_MAX;
			return j;
		}
	}
	pc_ent *e = &c->ent[j];
	uint64_t h[TD_POS_TOKH];
	token_hashes(w, len, h);
	e->key = key;
	e->h0 = h[0];
	e->h4 = h[4];
	e->h8 = h[8];
	e->woff = (uint32_t)c->wlen;
	memcpy(c->words + c->wlen, w, len);
	c->wlen += len;
	e->vec[0] = e->vec[1] = VNONE;
	for (unsigned r = 0; r < NROLE; r++)
		e->role[r] = VNONE;
	e->len1 = (uint8_t)(len + 1);
	e->flags = (uint8_t)h[9];
	e->hits = 0;
	const td_pos_slot *d = slot_find(m->dict, m->h.ndict - 1, h[0]);
	e->dict = d ? (int8_t)d->val : -1;
	if (!d) {
		uint64_t f[NWORD];
		int32_t *v = c->vec + (size_t)c->nvec * c->stride;
		features_word(h, 0, f);
		memset(v, 0, c->stride * sizeof *v);
		add_features(m, f, NWORD, v);
		e->vec[0] = ++c->nvec;
	}
	c->n++;
	return j;
}

int td_pos_cache_holds(const td_pos_cache *c, const char *w, size_t len)
{
	if (len > MAXW)
		len = MAXW;
	uint64_t key = td_hash(w, len);
	for (uint32_t j = (uint32_t)key & c->mask; c->ent[j].len1;
	        j = (j + 1) & c->mask)
		if (c->ent[j].key == key && c->ent[j].len1 == len + 1 &&
		        !memcmp(c->words + c->ent[j].woff, w, len))
			return 1;
	return 0;
}

/* The vectors e owns (own sums and roles) */
static unsigned ent_vecs(const pc_ent *e)
{
	unsigned k = 0;
	for (unsigned r = 0; r < 2; r++)
		k += e->vec[r] != VNONE;
	for (unsigned r = 0; r < NROLE; r++)
		k += e->role[r] != VNONE && e->role[r] != VZERO;
	return k;
}

static void renumber(const td_pos_cache *c, uint32_t *v)
{
	if (*v != VNONE && *v != VZERO)
		*v = c->renum[*v];
}

/* Makes room in a full c: keeps the types found most often since the last
 * sweep (at least twice; at most half of the types and half of the
 * vectors), with their sums moved to the front, and forgets the others.
 * Emptying it all (cache_clear) made the bench corpus's frequent words be
 * summed again 25 times: 794k types for 11.5M tokens, their features and
 * roles looked up in the model, where 191k are new. Sums are exact, so what
 * is kept never changes a tag. */
static void cache_sweep(td_pos_cache *c)
{
	uint32_t slots = c->mask + 1, nt[UINT8_MAX + 1] = {0},
	         nv[UINT8_MAX + 1] = {0};
	for (uint32_t j = 0; j < slots; j++)
		if (c->ent[j].len1) {
			nt[c->ent[j].hits]++;
			nv[c->ent[j].hits] += ent_vecs(&c->ent[j]);
		}
	/* the fewest hits kept, lo: the most found first while they fit */
	unsigned lo = UINT8_MAX + 1;
	uint32_t kt = 0, kv = 0;
	while (lo > 2 && kt + nt[lo - 1] <= c->max / 2 &&
	        kv + nv[lo - 1] <= c->vmax / 2) {
		lo--;
		kt += nt[lo];
		kv += nv[lo];
	}
	if (!kt)
		goto clear;
	if (!c->kept && !(c->kept = malloc((size_t)c->max * sizeof *c->kept)))
		goto clear;
	if (!c->words2 && !(c->words2 = malloc((size_t)c->max * MAXW)))
		goto clear;
	if (!c->renum &&
	        !(c->renum = malloc(((size_t)c->vmax + 1) * sizeof *c->renum)))
		goto clear;
	/* the kept types, their words packed into words2 */
	uint32_t n = 0;
	size_t wlen = 0;
	memset(c->renum, 0, ((size_t)c->nvec + 1) * sizeof *c->renum);
	for (uint32_t j = 0; j < slots; j++) {
		pc_ent *e = &c->ent[j];
		if (!e->len1 || e->hits < lo)
			continue;
		size_t len = e->len1 - 1u;
		memcpy(c->words2 + wlen, c->words + e->woff, len);
		e->woff = (uint32_t)wlen;
		wlen += len;
		e->hits /= 2;
		for (unsigned r = 0; r < 2; r++)
			if (e->vec[r] != VNONE)
				c->renum[e->vec[r]] = 1;
		for (unsigned r = 0; r < NROLE; r++)
			if (e->role[r] != VNONE && e->role[r] != VZERO)
				c->renum[e->role[r]] = 1;
		c->kept[n++] = *e;
	}
	/* their vectors moved down in order (a vector's new place is never
	 * after its old one) */
	uint32_t nvec = 0;
	for (uint32_t v = 1; v <= c->nvec; v++) {
		if (!c->renum[v])
			continue;
		if (++nvec != v)
			memmove(c->vec + (size_t)(nvec - 1) * c->stride,
			        c->vec + (size_t)(v - 1) * c->stride,
			        c->stride * sizeof *c->vec);
		c->renum[v] = nvec;
	}
	uint8_t *w = c->words;
	c->words = c->words2;
	c->words2 = w;
	memset(c->ent, 0, (size_t)slots * sizeof *c->ent);
	for (uint32_t k = 0; k < n; k++) {
		pc_ent *e = &c->kept[k];
		for (unsigned r = 0; r < 2; r++)
			renumber(c, &e->vec[r]);
		for (unsigned r = 0; r < NROLE; r++)
			renumber(c, &e->role[r]);
		uint32_t j = (uint32_t)e->key & c->mask;
		while (c->ent[j].len1)
			j = (j + 1) & c->mask;
		c->ent[j] = *e;
	}
	c->n = n;
	c->nvec = nvec;
	c->wlen = wlen;
	return;
clear:
	cache_clear(c);
}

/* v[0, stride) = the weights of the features a word of hashes h0, h4, h8
 * gives in role r (features_static's neighbour features); 0 when the model has
 * none of them (v all 0). */
static int role_sum(const td_pos_model *m, unsigned r, uint64_t h0, uint64_t h4,
        uint64_t h8, int32_t *v)
{
	uint64_t f[3];
	unsigned nf = 0;
	switch (r) {
	case ROLE_M1:
		f[nf++] = feat(15, h0);
		f[nf++] = feat(16, h4);
		break;
	case ROLE_M2:
		f[nf++] = feat(17, h0);
		break;
	case ROLE_P1:
		f[nf++] = feat(18, h0);
		f[nf++] = feat(19, h4);
		f[nf++] = feat(21, h8);
		break;
	default:
		f[nf++] = feat(20, h0);
		break;
	}
	memset(v, 0, m->stride * sizeof *v);
	return add_features(m, f, nf, v) != 0;
}

/* e->role[r], summed (role_vec()'s first need of it) */
static __attribute__((noinline)) void role_new(
        const td_pos_model *m, td_pos_cache *c, pc_ent *e, unsigned r)
{
	int32_t *v = c->vec + (size_t)c->nvec * c->stride;
	if (role_sum(m, r, e->h0, e->h4, e->h8, v))
		e->role[r] = ++c->nvec;
	else
		e->role[r] = VZERO;
}

/* The vector of token j's type in role r, summed at its first need. */
static inline const int32_t *role_vec(const td_pos_model *m, td_pos_cache *c,
        const pc_tok *t, size_t j, unsigned r)
{
	pc_ent *e = &c->ent[t[j].ent];
	if (e->role[r] == VNONE)
		role_new(m, c, e, r);
	if (e->role[r] == VZERO)
		return c->zero;
	return c->vec + (size_t)(e->role[r] - 1) * c->stride;
}

/* The vector of the word at i + d in role r, also outside the sentence
 * (as nb() numbers those words). */
static inline const int32_t *nb_vec(const td_pos_model *m, td_pos_cache *c,
        const pc_tok *t, size_t n, size_t i, long d, unsigned r)
{
	long j = (long)i + d;
	if (j < 0)
		return c->bound[r == ROLE_M1 ? B_M1
		                : j == -1    ? B_M2_1
		                             : B_M2_2];
	if ((size_t)j >= n)
		return c->bound[r == ROLE_P1     ? B_P1
		                : (size_t)j == n ? B_P2_0
		                                 : B_P2_1];
	return role_vec(m, c, t, (size_t)j, r);
}

/* c->bound for model m: the constants nb() gives outside the sentence */
static void bound_sums(const td_pos_model *m, td_pos_cache *c)
{
	static const struct {
		unsigned b, r;
		uint64_t v;
	} bs[NBOUND] = {
	        {B_M1, ROLE_M1, 0x5354415254ull + 1},
	        {B_M2_1, ROLE_M2, 0x5354415254ull + 1},
	        {B_M2_2, ROLE_M2, 0x5354415254ull + 2},
	        {B_P1, ROLE_P1, 0x454e44ull},
	        {B_P2_0, ROLE_P2, 0x454e44ull},
	        {B_P2_1, ROLE_P2, 0x454e44ull + 1},
	};
	for (unsigned k = 0; k < NBOUND; k++)
		role_sum(m, bs[k].r, bs[k].v, bs[k].v, bs[k].v,
		        c->bound[bs[k].b]);
}

/* Starts loading the vectors token i will add that are summed already: its
 * own and its neighbours' in their roles (a vector is a few cache lines
 * of a table of tens of MB, and each token adds five that the token before
 * did not). A hint only: what is loaded or not never changes a sum. */
static inline void prefetch_vec(const td_pos_cache *c, uint32_t v)
{
	if (v == VNONE || v == VZERO)
		return;
	const int32_t *p = c->vec + (size_t)(v - 1) * c->stride;
	for (unsigned k = 0; k < c->stride; k += 16)
		__builtin_prefetch(p + k);
}

static inline void prefetch_next(
        const td_pos_cache *c, const pc_tok *t, size_t n, size_t i)
{
	if (t[i].dict >= 0) /* the dictionary answers it: no vector */
		return;
	prefetch_vec(c, c->ent[t[i].ent].vec[0]);
	if (i >= 1)
		prefetch_vec(c, c->ent[t[i - 1].ent].role[ROLE_M1]);
	if (i >= 2)
		prefetch_vec(c, c->ent[t[i - 2].ent].role[ROLE_M2]);
	if (i + 1 < n)
		prefetch_vec(c, c->ent[t[i + 1].ent].role[ROLE_P1]);
	if (i + 2 < n)
		prefetch_vec(c, c->ent[t[i + 2].ent].role[ROLE_P2]);
}

/* sc[0, n) = the sum of the six vectors p[0, 6), n a multiple of 8 */
static inline void vsum6(int32_t *sc, const int32_t *const *p, unsigned n)
{
	const int32_t *p0 = p[0], *p1 = p[1], *p2 = p[2], *p3 = p[3],
	              *p4 = p[4], *p5 = p[5];
	for (unsigned k = 0; k < n; k += 4) {
		vi4 a, b, x, y, z, w;
		memcpy(&a, p0 + k, sizeof a);
		memcpy(&b, p1 + k, sizeof b);
		memcpy(&x, p2 + k, sizeof x);
		memcpy(&y, p3 + k, sizeof y);
		memcpy(&z, p4 + k, sizeof z);
		memcpy(&w, p5 + k, sizeof w);
		a += b;
		x += y;
		z += w;
		a += x;
		a += z;
		memcpy(sc + k, &a, sizeof a);
	}
}

/* The first tag with the highest sum (as td_pos_tag_ref() picks it) of
 * the scores sc[0, n) (n a multiple of 4): a score is KMUL * the sum plus
 * KMUL - 1 - the tag, so the highest score is that of the highest sum and,
 * of equal sums, of the first tag; its low bits name the tag. */
static inline unsigned argmax(const int32_t *sc, unsigned n)
{
	vi4 a;
	memcpy(&a, sc, sizeof a);
	for (unsigned k = 4; k < n; k += 4) {
		vi4 x, gt;
		memcpy(&x, sc + k, sizeof x);
		gt = x > a;
		a = (x & gt) | (a & ~gt);
	}
	int32_t mx = a[0];
	for (unsigned l = 1; l < 4; l++)
		mx = a[l] > mx ? a[l] : mx;
	return KMUL - 1 - (unsigned)(mx & (KMUL - 1));
}

#if TD_POS_AVX2
/* vsum6() and argmax() at once, eight lanes a step (AVX2): the sums are
 * the same, and the highest of them is the same lane's (a score's low
 * bits name its tag, so no two lanes are equal); no store of the sums */
__attribute__((target("avx2"))) static unsigned vsum6_argmax_avx2(
        const int32_t *const *p, unsigned n)
{
	const int32_t *p0 = p[0], *p1 = p[1], *p2 = p[2], *p3 = p[3],
	              *p4 = p[4], *p5 = p[5];
	__m256i mx = _mm256_set1_epi32(INT32_MIN);
	for (unsigned k = 0; k < n; k += 8) {
		__m256i a = _mm256_loadu_si256((const __m256i *)(p0 + k));
		__m256i b = _mm256_loadu_si256((const __m256i *)(p1 + k));
		__m256i x = _mm256_loadu_si256((const __m256i *)(p2 + k));
		__m256i y = _mm256_loadu_si256((const __m256i *)(p3 + k));
		__m256i z = _mm256_loadu_si256((const __m256i *)(p4 + k));
		__m256i w = _mm256_loadu_si256((const __m256i *)(p5 + k));
		a = _mm256_add_epi32(a, b);
		x = _mm256_add_epi32(x, y);
		z = _mm256_add_epi32(z, w);
		a = _mm256_add_epi32(a, x);
		a = _mm256_add_epi32(a, z);
		mx = _mm256_max_epi32(mx, a);
	}
	__m128i h = _mm_max_epi32(
	        _mm256_castsi256_si128(mx), _mm256_extracti128_si256(mx, 1));
	h = _mm_max_epi32(h, _mm_shuffle_epi32(h, _MM_SHUFFLE(1, 0, 3, 2)));
	h = _mm_max_epi32(h, _mm_shuffle_epi32(h, _MM_SHUFFLE(2, 3, 0, 1)));
	int32_t best = _mm_cvtsi128_si32(h);
	return KMUL - 1 - (unsigned)(best & (KMUL - 1));
}
#endif

int td_pos_tag(const td_pos_model *m, const char *text, const td_token *tok,
        size_t n, uint8_t *tags, td_pos_scratch *s)
{
	return td_pos_tag_hash(m, text, tok, n, tags, NULL, s);
}

int td_pos_tag_hash(const td_pos_model *m, const char *text,
        const td_token *tok, size_t n, uint8_t *tags, uint64_t *hash,
        td_pos_scratch *s)
{
	int rc;
	if (!s->cache && (rc = td_pos_cache_new(TD_POS_CACHE_TYPES, &s->cache)))
		return rc;
	td_pos_cache *c = s->cache;
	/* a sentence longer than the cache holds */
	if (n > c->max || n > c->vmax / VTYPE) {
		for (size_t i = 0; hash && i < n; i++) {
			size_t len = tok[i].end - tok[i].start;
			hash[i] = td_hash(
			        text + tok[i].start, len > MAXW ? MAXW : len);
		}
		return td_pos_tag_ref(m, text, tok, n, tags, s);
	}
	if (!s->scores && (rc = scratch_grow(s, 0)))
		return rc;
	if (TD_VEC_RESERVE_N(c->tok, n, c->cap, 64))
		return td_error(TD_ENOMEM, "out of memory");
	unsigned nt = m->h.ntags, prev = TD_POS_START, prev2 = TD_POS_START;
	if (c->model != m->serial) {
		unsigned stride = (nt + 7) / 8 * 8;
		if (c->stride != stride) {
			/* the sums are made again (cache_clear) */
			size_t size = (size_t)c->vmax * stride * sizeof *c->vec;
			int32_t *v = big_alloc(size);
			if (!v)
				return td_error(TD_ENOMEM, "out of memory");
			big_free(c->vec, c->vec_size);
			c->vec = v;
			c->vec_size = size;
			c->stride = stride;
		}
		cache_clear(c);
		memset(c->pair_set, 0,
		        (TD_POS_MAX_TAGS + 1) * (TD_POS_MAX_TAGS + 1));
		bound_sums(m, c);
		c->model = m->serial;
	}
	/* each token adds at most one type and VTYPE vectors: room for all */
	if (c->max - c->n < n || c->vmax - c->nvec < VTYPE * n)
		cache_sweep(c);
	if (c->max - c->n < n || c->vmax - c->nvec < VTYPE * n)
		cache_clear(c);
	pc_tok *t = c->tok;
	/* the types' slots first, all at once (the table is a few MB) */
	for (size_t i = 0; i < n; i++) {
		size_t len = tok[i].end - tok[i].start;
		t[i].key =
		        td_hash(text + tok[i].start, len > MAXW ? MAXW : len);
		__builtin_prefetch(&c->ent[(uint32_t)t[i].key & c->mask]);
		if (hash)
			hash[i] = t[i].key;
	}
	for (size_t i = 0; i < n; i++) {
		size_t len = tok[i].end - tok[i].start;
		uint32_t j =
		        cache_get(m, c, (const uint8_t *)text + tok[i].start,
		                len > MAXW ? MAXW : len, t[i].key);
		t[i].ent = j;
		t[i].dict = c->ent[j].dict;
	}
	int32_t *sc = s->scores;
#if TD_POS_AVX2
	/* __builtin_cpu_supports reads what the runtime found at start */
	int avx2 = __builtin_cpu_supports("avx2") && !td_pos_no_avx2;
#endif
	for (size_t i = 0; i < n; i++) {
		unsigned best = 0;
		if (t[i].dict >= 0) {
			best = (unsigned)t[i].dict;
			goto tagged;
		}
		pc_ent *e = &c->ent[t[i].ent];
		if (i + 1 < n)
			prefetch_next(c, t, n, i + 1);
		int first = i == 0;
		if (e->vec[first] == VNONE) {
			/* at a sentence's start: one feature differs
			 * (features_word) */
			int32_t *v = c->vec + (size_t)c->nvec * c->stride;
			memcpy(v, c->vec + (size_t)(e->vec[0] - 1) * c->stride,
			        c->stride * sizeof *v);
			add_feature(m, feat(10, e->flags), v, -KMUL);
			add_feature(m, feat(10, e->flags | 32u), v, KMUL);
			e->vec[1] = ++c->nvec;
		}
		size_t pi = (size_t)(prev == TD_POS_START ? nt : prev) *
		                    (TD_POS_MAX_TAGS + 1) +
		            (prev2 == TD_POS_START ? nt : prev2);
		int32_t *pv = c->pair + pi * VW;
		if (!c->pair_set[pi]) {
			/* the tag's place under the sums (argmax()); lanes past
			 * the tags never win */
			for (unsigned k = 0; k < c->stride; k++)
				pv[k] = k < nt ? (int32_t)(KMUL - 1 - k)
				               : INT32_MIN / 2;
			add_feature(m, feat(11, prev), pv, KMUL);
			add_feature(m, feat(12, prev2), pv, KMUL);
			add_feature(m, feat(13, prev << 8 | prev2), pv, KMUL);
			c->pair_set[pi] = 1;
		}
		const int32_t *p[6] = {
		        c->vec + (size_t)(e->vec[first] - 1) * c->stride,
		        pv,
		        nb_vec(m, c, t, n, i, -1, ROLE_M1),
		        nb_vec(m, c, t, n, i, -2, ROLE_M2),
		        nb_vec(m, c, t, n, i, 1, ROLE_P1),
		        nb_vec(m, c, t, n, i, 2, ROLE_P2),
		};
#if TD_POS_AVX2
		if (avx2) {
			best = vsum6_argmax_avx2(p, c->stride);
			goto tagged;
		}
#endif
		vsum6(sc, p, c->stride);
		best = argmax(sc, c->stride);
	tagged:
		tags[i] = (uint8_t)best;
		prev2 = prev;
		prev = best;
	}
	return 0;
}

/* m->tslots and m->vecs from the checked slots and entries. */
static int make_tslots(td_pos_model *m)
{
	uint32_t ns = m->h.nslots, nv = 1;
	m->stride = (m->h.ntags + 7) / 8 * 8;
	for (uint32_t i = 0; i < ns; i++)
		nv += m->slots[i].key && (m->slots[i].val & 63) >= HEAVY;
	if (nv >= (1u << 26))
		return td_error(TD_ECORRUPT, "part-of-speech model too large");
	m->tslots_size = (size_t)ns * sizeof *m->tslots;
	m->vecs_size = (size_t)nv * m->stride * sizeof *m->vecs;
	m->tslots = big_alloc(m->tslots_size);
	m->vecs = big_alloc(m->vecs_size);
	if (!m->tslots || !m->vecs)
		return td_error(TD_ENOMEM, "out of memory");
	nv = 1;
	for (uint32_t i = 0; i < ns; i++) {
		td_pos_slot sl = m->slots[i];
		unsigned c = sl.val & 63;
		if (sl.key && (c >= HEAVY || c == 0)) {
			uint32_t v = c ? nv++ : 0;
			const uint32_t *e = m->entries + (sl.val >> 6);
			for (; c; c--, e++)
				m->vecs[(size_t)v * m->stride + (*e >> 16)] +=
				        (int16_t)(*e & 0xffff) * KMUL;
			sl.val = v << 6;
		}
		m->tslots[i] = sl;
	}
	return 0;
}

int td_pos_open(const char *path, td_pos_model **out)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return td_error(TD_ENOTFOUND,
			        "%s: no part-of-speech model (install tagdex, "
			        "or build one "
			        "with tagdex-train-pos)",
			        path);
		return td_error(TD_EIO, "%s: %s", path, strerror(errno));
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		return td_error(TD_EIO, "%s: %s", path, strerror(e));
	}
	size_t size = (size_t)st.st_size;
	size_t hs = 8 + sizeof(td_pos_header);
	if (size < hs) {
		close(fd);
		return td_error(TD_ECORRUPT,
		        "%s: not a tagdex part-of-speech model "
		        "(too short)",
		        path);
	}
	void *map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
	int e = errno;
	close(fd);
	if (map == MAP_FAILED)
		return td_error(TD_EIO, "%s: mmap: %s", path, strerror(e));
	td_pos_model *m = calloc(1, sizeof *m);
	if (!m) {
		munmap(map, size);
		return td_error(TD_ENOMEM, "out of memory");
	}
	m->map = map;
	m->size = size;
	m->serial = __atomic_add_fetch(&model_serial, 1, __ATOMIC_RELAXED);
	int rc = 0;
	const uint8_t *b = map;
	memcpy(&m->h, b + 8, sizeof m->h);
	const td_pos_header *h = &m->h;
	if (memcmp(b, TD_POS_MAGIC, 8) != 0) {
		rc = td_error(TD_ECORRUPT,
		        "%s: not a tagdex part-of-speech model "
		        "(bad magic)",
		        path);
	} else if (h->byte_order != 0x01020304u) {
		rc = td_error(TD_EVERSION,
		        "%s: model written on a machine of "
		        "another byte order; rebuild it with tagdex-train-pos",
		        path);
	} else if (h->version != TD_POS_VERSION) {
		rc = td_error(TD_EVERSION,
		        "%s: part-of-speech model version %u, "
		        "this tagdex reads version %u; rebuild it with "
		        "tagdex-train-pos "
		        "or reinstall",
		        path, h->version, TD_POS_VERSION);
	} else if (h->ntags == 0 || h->ntags > TD_POS_MAX_TAGS ||
	           h->nslots == 0 || (h->nslots & (h->nslots - 1)) ||
	           h->ndict == 0 || (h->ndict & (h->ndict - 1)) ||
	           h->nentries >= (1u << 26) ||
	           size != hs + (size_t)h->ntags * TD_POS_TAG_LEN +
	                           (size_t)h->nslots * sizeof(td_pos_slot) +
	                           (size_t)h->nentries * 4 +
	                           (size_t)h->ndict * sizeof(td_pos_slot)) {
		rc = td_error(TD_ECORRUPT,
		        "%s: part-of-speech model has "
		        "inconsistent sizes",
		        path);
	} else if (td_pos_checksum(b + hs, size - hs) != h->checksum) {
		rc = td_error(TD_ECORRUPT,
		        "%s: part-of-speech model fails its "
		        "checksum",
		        path);
	}
	if (!rc) {
		const uint8_t *p = b + hs;
		m->names = (const void *)p;
		p += (size_t)h->ntags * TD_POS_TAG_LEN;
		m->slots = (const void *)p;
		p += (size_t)h->nslots * sizeof(td_pos_slot);
		m->entries = (const void *)p;
		p += (size_t)h->nentries * 4;
		m->dict = (const void *)p;
		for (uint32_t i = 0; i < h->ntags && !rc; i++)
			if (m->names[i][TD_POS_TAG_LEN - 1] != '\0')
				rc = td_error(
				        TD_ECORRUPT, "%s: bad tag name", path);
		/* every slot and dictionary entry must point inside the
		 * model */
		for (uint32_t i = 0; i < h->nslots && !rc; i++) {
			uint32_t v = m->slots[i].val;
			if (m->slots[i].key &&
			        (v >> 6) + (v & 63) > h->nentries)
				rc = td_error(TD_ECORRUPT,
				        "%s: bad feature slot", path);
		}
		for (uint32_t i = 0; i < h->nentries && !rc; i++)
			if ((m->entries[i] >> 16) >= h->ntags)
				rc = td_error(TD_ECORRUPT,
				        "%s: bad weight entry", path);
		for (uint32_t i = 0; i < h->ndict && !rc; i++)
			if (m->dict[i].key && m->dict[i].val >= h->ntags)
				rc = td_error(TD_ECORRUPT,
				        "%s: bad dictionary entry", path);
		/* a full table would make lookups of absent keys loop
		 * forever */
		uint32_t empty = 0;
		for (uint32_t i = 0; i < h->nslots && !empty; i++)
			empty = m->slots[i].key == 0;
		uint32_t dempty = 0;
		for (uint32_t i = 0; i < h->ndict && !dempty; i++)
			dempty = m->dict[i].key == 0;
		if (!rc && (!empty || !dempty))
			rc = td_error(TD_ECORRUPT, "%s: full hash table", path);
	}
	if (!rc)
		rc = make_tslots(m);
	if (rc) {
		td_pos_close(m);
		return rc;
	}
	*out = m;
	return 0;
}

void td_pos_close(td_pos_model *m)
{
	if (!m)
		return;
	munmap(m->map, m->size);
	big_free(m->tslots, m->tslots_size);
	big_free(m->vecs, m->vecs_size);
	free(m);
}

unsigned td_pos_ntags(const td_pos_model *m)
{
	return m->h.ntags;
}

uint32_t td_pos_model_id(const td_pos_model *m)
{
	return m->h.checksum;
}

const char *td_pos_tag_name(const td_pos_model *m, unsigned t)
{
	return t < m->h.ntags ? m->names[t] : "";
}

int td_pos_tag_number(const td_pos_model *m, const char *name)
{
	for (unsigned t = 0; t < m->h.ntags; t++)
		if (strcmp(m->names[t], name) == 0)
			return (int)t;
	return -1;
}
