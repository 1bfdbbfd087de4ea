/* idcode.c: the word ids of a segment's positions coded by frequency
 * (IDS, format 14; idcode.h has the layout): the ranks and tiers chosen
 * from the words' frequencies, the block writer that the builder and the
 * streaming merge share, and where a position's value lies in its block. */
#include "config.h"
#include "idcode.h"
#include "bits.h"
#include "error.h"
#include "vec.h"
#include <stdlib.h>
#include <string.h>

int td_idc_bases(const uint8_t w[TD_IDC_TIERS], uint32_t n,
        uint64_t base[TD_IDC_TIERS + 1])
{
	base[0] = 0;
	for (int k = 0; k < TD_IDC_TIERS; k++) {
		if (w[k] > 32)
			return -1;
		base[k + 1] = base[k] + ((uint64_t)1 << w[k]);
	}
	return base[TD_IDC_TIERS] >= n ? 0 : -1;
}

uint64_t td_idc_dir_len(uint32_t ntokens, uint32_t n, uint32_t id_bits)
{
	uint64_t nb = ((uint64_t)ntokens + TD_IDC_BLOCK - 1) / TD_IDC_BLOCK;
	uint64_t ng = (nb + TD_IDC_GROUP - 1) / TD_IDC_GROUP;
	return ng * 8 + nb * 2 + ((uint64_t)n * id_bits + 7) / 8 + 8;
}

/* The width that holds values 0..n-1 (0 for n <= 1). */
static uint8_t width_for(uint64_t n)
{
	uint8_t w = 0;
	while (w < 32 && ((uint64_t)1 << w) < n)
		w++;
	return w;
}

/* The search of choose(): cum[r] the positions of ranks below r. */
typedef struct tier_search {
	const uint64_t *cum;
	uint32_t n;
	uint64_t best;
	uint8_t w[TD_IDC_TIERS], bw[TD_IDC_TIERS];
} tier_search;

/* Tiers k.. from rank b on, widths from wmin up (a wider tier before a
 * narrower one costs more: its ranks are the more frequent; and two of a
 * width were about as well one wider, so each is wider than the one
 * before: a tenth of the search), the cost so far in cost; a branch is
 * left as soon as it costs the best found. */
static void tiers_from(
        tier_search *t, unsigned k, unsigned wmin, uint64_t b, uint64_t cost)
{
	const uint64_t *cum = t->cum;
	uint32_t n = t->n;
	if (cost >= t->best)
		return;
	if (b >= n || k == TD_IDC_TIERS - 1) {
		if (b < n) {
			t->w[k] = width_for(n - b);
			cost += (cum[n] - cum[b]) * t->w[k];
			if (cost >= t->best)
				return;
		}
		t->best = cost;
		memcpy(t->bw, t->w, TD_IDC_TIERS);
		/* the tiers past the ranks: 0 bits, one rank each */
		for (unsigned j = b < n ? k + 1 : k; j < TD_IDC_TIERS; j++)
			t->bw[j] = 0;
		return;
	}
	for (unsigned a = wmin; a <= 32 && t->best; a++) {
		uint64_t e = b + ((uint64_t)1 << a),
		         ce = e < n ? cum[e] : cum[n];
		t->w[k] = (uint8_t)a;
		tiers_from(t, k + 1, a + 1, e, cost + (ce - cum[b]) * a);
		if (e >= n)
			break; /* a wider tier costs more */
	}
}

/* The widths that code the ranks in the fewest bits: cum[r] is the number
 * of positions of ranks below r (cum[n] all of them). A search over
 * rising widths, cut where a branch costs more than the best (on the
 * bench corpus a few hundred thousand sums); the last tier holds the rest. */
static void choose(const uint64_t *cum, uint32_t n, uint8_t w[TD_IDC_TIERS])
{
	tier_search t = {.cum = cum, .n = n, .best = UINT64_MAX};
	tiers_from(&t, 0, 0, 0, 0);
	memcpy(w, t.bw, TD_IDC_TIERS);
}

/* For qsort: falling frequency, then rising id (key ~freq << 32 | id). */
static int cmp_key(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int td_idenc_init(td_idenc *e, td_out *o, const uint64_t *freq, uint32_t n)
{
	memset(e, 0, sizeof *e);
	e->o = o;
	e->n = n;
	uint64_t *key = malloc(((size_t)n + 1) * 8);
	e->rank = malloc(((size_t)n + 1) * 4);
	e->id = malloc(((size_t)n + 1) * 4);
	if (!key || !e->rank || !e->id) {
		free(key);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (uint32_t i = 0; i < n; i++) {
		uint64_t f = freq[i] > UINT32_MAX ? UINT32_MAX : freq[i];
		key[i] = (uint64_t)(UINT32_MAX - (uint32_t)f) << 32 | i;
	}
	qsort(key, n, 8, cmp_key);
	/* cum[r]: positions of ranks below r, in key's place (its keys no
	 * longer needed once read) */
	uint64_t *cum = key, sum = 0;
	for (uint32_t r = 0; r < n; r++) {
		uint32_t id = (uint32_t)key[r];
		uint64_t f = UINT32_MAX - (key[r] >> 32);
		e->id[r] = id;
		e->rank[id] = r;
		cum[r] = sum;
		sum += f;
	}
	/* cum has n + 1 entries: the sum of all last */
	cum[n] = sum;
	choose(cum, n, e->w);
	free(key);
	td_idc_bases(e->w, n, e->base);
	/* per word its tier, found once */
	if (!(e->tier = malloc((size_t)n + 1)))
		return td_error(TD_ENOMEM, "out of memory");
	for (uint32_t r = 0, t = 0; r < n; r++) {
		while (r >= e->base[t + 1])
			t++;
		e->tier[e->id[r]] = (uint8_t)t;
	}
	return 0;
}

void td_idc_coef(const uint8_t w[TD_IDC_TIERS], int64_t c[TD_IDC_TIERS])
{
	/* the Moebius transform over the subsets of the plane bits */
	for (unsigned m = 0; m < TD_IDC_TIERS; m++)
		c[m] = w[m];
	for (unsigned b = 1; b < TD_IDC_TIERS; b <<= 1)
		for (unsigned m = 0; m < TD_IDC_TIERS; m++)
			if (m & b)
				c[m] -= c[m ^ b];
}

/* The number of bits set in x (no popcount instruction is assumed: the
 * generic one is a call). */
static uint64_t ones(uint64_t x)
{
	x = x - (x >> 1 & 0x5555555555555555u);
	x = (x & 0x3333333333333333u) + (x >> 2 & 0x3333333333333333u);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fu;
	return (x * 0x0101010101010101u) >> 56;
}

/* The sum of the widths before position i from the planes' products:
 * POPC is the bit count used. */
#define LOCATE(POPC)                                                           \
	do {                                                                   \
		uint64_t m = i < 64 ? ((uint64_t)1 << i) - 1 : ~(uint64_t)0;   \
		uint64_t a = sel[0] & m, b = sel[1] & m, d = sel[2] & m;       \
		int64_t s = c[0] * (int64_t)i + c[1] * (int64_t)POPC(a) +      \
		            c[2] * (int64_t)POPC(b) +                          \
		            c[3] * (int64_t)POPC(a & b) +                      \
		            c[4] * (int64_t)POPC(d) +                          \
		            c[5] * (int64_t)POPC(a & d) +                      \
		            c[6] * (int64_t)POPC(b & d) +                      \
		            c[7] * (int64_t)POPC(a & b & d);                   \
		*tier = td_idc_tier(sel, i);                                   \
		*bit = (uint64_t)s;                                            \
	} while (0)

static void locate_sw(const uint64_t sel[TD_IDC_PLANES], unsigned i,
        const int64_t c[TD_IDC_TIERS], unsigned *tier, uint64_t *bit)
{
	LOCATE(ones);
}

#if defined(__x86_64__)
/* locate_sw with the popcnt instruction: a scanned pos term's candidates
 * and the concordances' tokens are read by rank_at, whose cost this was
 * the half of (callgrind on the bench index) */
__attribute__((target("popcnt"))) static void locate_hw(
        const uint64_t sel[TD_IDC_PLANES], unsigned i,
        const int64_t c[TD_IDC_TIERS], unsigned *tier, uint64_t *bit)
{
	LOCATE(__builtin_popcountll);
}
#endif
#undef LOCATE

/* -1: not asked yet; 0: the table path (no popcnt, or td_idc_soft) */
static int have_popcnt = -1;

void td_idc_soft(int soft)
{
	__atomic_store_n(&have_popcnt, soft ? 0 : -1, __ATOMIC_RELAXED);
}

void td_idc_locate(const uint64_t sel[TD_IDC_PLANES], unsigned i,
        const int64_t c[TD_IDC_TIERS], unsigned *tier, uint64_t *bit)
{
#if defined(__x86_64__)
	int h = __atomic_load_n(&have_popcnt, __ATOMIC_RELAXED);
	if (h < 0) {
		__builtin_cpu_init();
		h = __builtin_cpu_supports("popcnt") ? 1 : 0;
		__atomic_store_n(&have_popcnt, h, __ATOMIC_RELAXED);
	}
	if (h) {
		locate_hw(sel, i, c, tier, bit);
		return;
	}
#endif
	locate_sw(sel, i, c, tier, bit);
}

/* Writes the block of the ranks gathered in e->r. */
static int put_block(td_idenc *e)
{
	if (e->nb % TD_IDC_GROUP == 0) {
		if (TD_VEC_RESERVE(e->gbase, e->ng, e->cap_g, 4))
			return td_error(TD_ENOMEM, "out of memory");
		e->gbase[e->ng++] = e->len;
	}
	if (TD_VEC_RESERVE(e->boff, e->nb, e->cap_b, 1024))
		return td_error(TD_ENOMEM, "out of memory");
	/* at most TD_IDC_GROUP - 1 blocks of TD_IDC_MAXLEN - 8 bytes */
	e->boff[e->nb++] = (uint16_t)(e->len - e->gbase[e->ng - 1]);
	uint8_t out[TD_IDC_MAXLEN];
	uint64_t sel[TD_IDC_PLANES] = {0};
	size_t nb = TD_IDC_SEL;
	uint64_t acc = 0;
	unsigned nacc = 0;
	for (unsigned i = 0; i < e->nr; i++) {
		uint32_t r = e->r[i];
		unsigned t = e->t[i];
		sel[0] |= (uint64_t)(t & 1) << i;
		sel[1] |= (uint64_t)(t >> 1 & 1) << i;
		sel[2] |= (uint64_t)(t >> 2) << i;
		acc |= (uint64_t)(r - e->base[t]) << nacc;
		nacc += e->w[t];
		if (nacc >= 32) { /* 32 bits out at a time */
			for (unsigned k = 0; k < 4; k++)
				out[nb++] = (uint8_t)(acc >> 8 * k);
			acc >>= 32;
			nacc -= 32;
		}
	}
	for (; nacc > 0; nacc = nacc > 8 ? nacc - 8 : 0) {
		out[nb++] = acc & 0xff;
		acc >>= 8;
	}
	for (unsigned j = 0; j < TD_IDC_PLANES; j++)
		for (unsigned k = 0; k < 8; k++)
			out[8 * j + k] = (uint8_t)(sel[j] >> 8 * k);
	e->nr = 0;
	e->len += nb;
	return td_out_put(e->o, out, nb);
}

int td_idenc_put(td_idenc *e, uint32_t id)
{
	if (id >= e->n)
		return td_error(TD_EUSAGE, "word id %u past the lexicon", id);
	e->t[e->nr] = e->tier[id];
	e->r[e->nr++] = e->rank[id];
	return e->nr == TD_IDC_BLOCK ? put_block(e) : 0;
}

/* The values of the ranks in rank order, bits each, then 8 bytes of pad:
 * map[id] of each rank's id, or the id itself (map NULL). */
static int put_rank_values(
        const td_idenc *e, const uint32_t *map, unsigned bits)
{
	static const uint8_t pad[8];
	td_bitpack bp = {0};
	int rc = 0;
	for (uint32_t r = 0; r < e->n && !rc; r++)
		if (td_bitpack_put(&bp, map ? map[e->id[r]] : e->id[r], bits)) {
			rc = td_out_put(e->o, bp.buf, bp.nb);
			bp.nb = 0;
		}
	td_bitpack_end(&bp);
	if (!rc)
		rc = td_out_put(e->o, bp.buf, bp.nb);
	if (!rc)
		rc = td_out_put(e->o, pad, 8);
	return rc;
}

int td_idenc_finish(td_idenc *e, const uint32_t *word, uint32_t id_bits)
{
	static const uint8_t pad[8];
	int rc = e->nr ? put_block(e) : 0;
	if (!rc)
		rc = td_out_put(e->o, pad, 8);
	if (!rc)
		rc = td_out_put(e->o, e->gbase, e->ng * 8);
	if (!rc)
		rc = td_out_put(e->o, e->boff, e->nb * 2);
	if (!rc)
		rc = put_rank_values(e, word, id_bits);
	return rc;
}

int td_idenc_write_pos(const td_idenc *e, const uint32_t *pos, unsigned bits)
{
	return put_rank_values(e, pos, bits);
}

int td_idpairs_init(td_idpairs *p, uint32_t nwords)
{
	memset(p, 0, sizeof *p);
	p->nw = nwords;
	p->head = malloc(((size_t)nwords + 1) * 4);
	if (!p->head)
		return td_error(TD_ENOMEM, "out of memory");
	memset(p->head, 0xff, ((size_t)nwords + 1) * 4);
	return 0;
}

uint32_t td_idpairs_get(td_idpairs *p, uint32_t w, uint32_t t, int count)
{
	uint32_t k = p->head[w];
	while (k != UINT32_MAX && p->pos[k] != t)
		k = p->next[k];
	if (k == UINT32_MAX) {
		if (p->n >= UINT32_MAX - 1) {
			td_error(TD_ELIMIT, "too many (word, pos) pairs");
			return UINT32_MAX;
		}
		size_t c =
		        p->cap; /* the five arrays share cap: freq grows it */
		size_t c1 = c, c2 = c, c3 = c;
		if (TD_VEC_RESERVE(p->next, p->n, c1, 1024) ||
		        TD_VEC_RESERVE(p->word, p->n, c2, 1024) ||
		        TD_VEC_RESERVE(p->pos, p->n, c3, 1024) ||
		        TD_VEC_RESERVE(p->freq, p->n, p->cap, 1024)) {
			td_error(TD_ENOMEM, "out of memory");
			return UINT32_MAX;
		}
		k = (uint32_t)p->n++;
		p->next[k] = p->head[w];
		p->word[k] = w;
		p->pos[k] = t;
		p->freq[k] = 0;
		p->head[w] = k;
	}
	if (count)
		p->freq[k]++;
	return k;
}

void td_idpairs_clear(td_idpairs *p)
{
	free(p->head);
	free(p->next);
	free(p->word);
	free(p->pos);
	free(p->freq);
	memset(p, 0, sizeof *p);
}

void td_idenc_clear(td_idenc *e)
{
	free(e->rank);
	free(e->id);
	free(e->tier);
	free(e->boff);
	free(e->gbase);
	memset(e, 0, sizeof *e);
}
