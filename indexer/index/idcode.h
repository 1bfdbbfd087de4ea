/* idcode.h: the word id of every position coded by the word's frequency
 * (IDS, format 14; format 15 codes the position's (word, pos) pair), as the
 * segment builder and the streaming merge write it and segment_lexicon.c reads
 * it. Fixed-width ids took 28% of the index (17 bits a position on the bench
 * corpus, whose word entropy is 10.4 bits); ranked ids in eight tiers of
 * widths chosen per segment take about 11 with their selectors and
 * directory (format 19; four tiers and a u32 a block: 12.2), and a
 * position's id is still read in O(1): a block's offset, three words of
 * selectors, one value.
 *
 * Layout of IDS: the words (format 15: the (word, pos) pairs, or the
 * words in a segment without the pos layer; td_seghdr.id_ranks of them)
 * ranked by falling frequency (ties by id, a pair's id its first
 * position's order); tier
 * k (0..7) holds ranks [base_k, base_k + 2^w_k), base_0 = 0, the widths
 * w_k in td_seghdr.id_tier. Per block of TD_IDC_BLOCK positions (the last
 * may be shorter): 24 bytes of selectors, three u64 bit planes (bit i of
 * plane j is bit j of position i's tier; 0 past the last position; format
 * 19, 2 bits a position in four tiers before), then per position its
 * rank less its tier's base in its tier's width, packed LSB first, padded
 * to a byte. After the blocks: 8 bytes of padding, per group of
 * TD_IDC_GROUP blocks the byte offset of its first block (u64), per block
 * its byte offset from its group's (u16; format 19, a u32 per group of
 * 2^20 before), per rank its word id (in td_seghdr.id_bits bits, packed
 * LSB first, then 8 bytes of padding; format 16). The directory's size
 * follows from ntokens and id_ranks, so it ends the section. The pos id
 * of each rank is in IDS3, packed. */
#ifndef TAGDEX_IDCODE_H
#define TAGDEX_IDCODE_H

#include <stddef.h>
#include <stdint.h>

#include "segout.h"

#define TD_IDC_BLOCK 64
#define TD_IDC_PLANES 3
#define TD_IDC_SEL (8 * TD_IDC_PLANES) /* selector bytes a block */
/* blocks a u64 base: 128 blocks of at most TD_IDC_MAXLEN - 8 bytes fit
 * the u16 offsets */
#define TD_IDC_GROUP ((uint64_t)128)
#define TD_IDC_TIERS (1 << TD_IDC_PLANES)
/* a block's bytes at most, with the 8 a reader loads past its last value */
#define TD_IDC_MAXLEN (TD_IDC_SEL + TD_IDC_BLOCK * 4 + 8)

/* The tier bases of widths w for n words: base[k] for k <= TD_IDC_TIERS
 * (the last one past the last rank the tiers hold); -1 when a width passes
 * 32 or the tiers hold fewer than n ranks. */
int td_idc_bases(const uint8_t w[TD_IDC_TIERS], uint32_t n,
        uint64_t base[TD_IDC_TIERS + 1]);

/* The directory's bytes at the end of IDS for ntokens positions and n
 * ranks whose word ids take id_bits bits each. */
uint64_t td_idc_dir_len(uint32_t ntokens, uint32_t n, uint32_t id_bits);

/* A writer of IDS: init with every word's frequency (fixing the ranks and
 * the tiers, in w), put every position's word id in order, finish (the
 * directory), clear (always). Memory: 9 bytes a word, 2 a block. */
typedef struct td_idenc {
	td_out *o;
	uint8_t w[TD_IDC_TIERS];
	uint64_t base[TD_IDC_TIERS + 1];
	uint32_t n;               /* words */
	uint32_t *rank;           /* per word id its rank */
	uint32_t *id;             /* per rank its word id */
	uint8_t *tier;            /* per word id its rank's tier */
	uint32_t r[TD_IDC_BLOCK]; /* the ranks of the current block */
	uint8_t t[TD_IDC_BLOCK];  /* and their tiers */
	unsigned nr;
	uint64_t len;   /* bytes of blocks written */
	uint16_t *boff; /* per block its offset from its group's */
	uint64_t *gbase;
	size_t nb, cap_b, ng, cap_g;
} td_idenc;

int td_idenc_init(td_idenc *e, td_out *o, const uint64_t *freq, uint32_t n);
int td_idenc_put(td_idenc *e, uint32_t id);
/* word: per id put its word id (NULL: the ids are word ids), written in
 * the directory per rank, packed in id_bits bits. */
int td_idenc_finish(td_idenc *e, const uint32_t *word, uint32_t id_bits);
/* IDS3 (format 15): per rank the pos id of its pair, pos[id], in bits
 * bits, packed LSB first, then 8 bytes of padding. */
int td_idenc_write_pos(const td_idenc *e, const uint32_t *pos, unsigned bits);
void td_idenc_clear(td_idenc *e);

/* The (word, pos) pairs of a segment's positions (format 15: IDS codes a
 * position's pair, so that the pos id costs the few bits by which the
 * pair is rarer than the word, not 6 bits of IDS3 a position): per word
 * id the list of its pairs (head, next), each pair's word, pos and
 * number of positions. Ids in order of first add. Memory: 4 bytes a
 * word, 20 a pair. */
typedef struct td_idpairs {
	uint32_t nw;
	uint32_t *head, *next, *word, *pos;
	uint64_t *freq;
	size_t n, cap;
} td_idpairs;

int td_idpairs_init(td_idpairs *p, uint32_t nwords);
/* The id of the pair (w < nwords, t), added if new; count adds 1 to its
 * frequency. UINT32_MAX with TD_ENOMEM. */
uint32_t td_idpairs_get(td_idpairs *p, uint32_t w, uint32_t t, int count);
void td_idpairs_clear(td_idpairs *p);

/* The widths w of the tiers as the coefficients of td_idc_locate: w[t]
 * is the sum of c[m] over the masks m whose bits are all in t (m a subset
 * of t's bits), so that the bits before a position are a sum of
 * popcounts of its planes' products. */
void td_idc_coef(const uint8_t w[TD_IDC_TIERS], int64_t c[TD_IDC_TIERS]);

/* The tier of position i (< TD_IDC_BLOCK) of a block's selectors. */
static inline unsigned td_idc_tier(
        const uint64_t sel[TD_IDC_PLANES], unsigned i)
{
	return (unsigned)((sel[0] >> i & 1) | (sel[1] >> i & 1) << 1 |
	                  (sel[2] >> i & 1) << 2);
}

/* The rank of position i (< TD_IDC_BLOCK) of a block whose selectors are
 * sel: its tier in *tier and the bit offset of its value after the
 * selectors in *bit; c from td_idc_coef. */
void td_idc_locate(const uint64_t sel[TD_IDC_PLANES], unsigned i,
        const int64_t c[TD_IDC_TIERS], unsigned *tier, uint64_t *bit);
/* soft 1: td_idc_locate counts without the popcnt instruction even where
 * the CPU has it (the tests compare both ways); 0: as the CPU allows. */
void td_idc_soft(int soft);

#endif
