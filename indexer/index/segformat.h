/* segformat.h: the layout of a segment file, as the builder, the merge and
 * the reader share it: the header, the sections, the lexicon and span
 * entries, the postings flags, the gaps of a document's text and the keys
 * of its metadata. docs/index-format.md gives the bytes and the
 * guarantees; a change here is a new format number. */
#ifndef TAGDEX_SEGFORMAT_H
#define TAGDEX_SEGFORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "index.h"

#define TD_SEG_MAGIC "TDXSEG\r\n"
#define TD_SEG_HDR 4096 /* header bytes, sections follow */
#define TD_SEG_BLOCK                                                           \
	4096 /* checksum block size: small, so a                               \
	      * query that reads scattered positions                           \
	      * checks little more than it reads */

/* An attribute value's SPATTR entry: the SPSTR offset in the low 30 bits;
 * the top two say what precedes that string in the value. */
#define TD_SPV_SHIFT 30
#define TD_SPV_MASK ((1u << TD_SPV_SHIFT) - 1)
enum {
	TD_SPV_PLAIN = 0,     /* the string itself */
	TD_SPV_DOCID = 1,     /* the span's document id, then the string */
	TD_SPV_HASHDOCID = 2, /* "#", the document id, then the string */
};

enum {
	TD_SEC_DOCS = 0, /* per doc: td_segdoc */
	TD_SEC_DOCSTR,   /* per doc its metadata pairs: key code, DOCPOOL
	                  * offset (varint) */
	TD_SEC_TEXT,     /* per document its gaps (see TD_GAP_*) */
	TD_SEC_LEX0,     /* word lexicon entries (td_seglex) */
	TD_SEC_LEX1,     /* norm lexicon entries */
	TD_SEC_LSTR0,    /* word terms, NUL-terminated */
	TD_SEC_LSTR1,
	TD_SEC_POST0, /* word postings */
	TD_SEC_POST1,
	TD_SEC_IDS,     /* word id per position, by rank (idcode.h) */
	TD_SEC_W2N,     /* u32 norm id per word id */
	TD_SEC_SPNAMES, /* per element name: td_segspname */
	TD_SEC_SPANS,   /* per element name its packed span list */
	TD_SEC_SPATTR,  /* attribute (name, value) string offsets, u32 pairs */
	TD_SEC_SPSTR,   /* span strings, NUL-terminated */
	TD_SEC_GSTR,    /* gap strings (bytes between tokens) */
	TD_SEC_LEX2,    /* lemma layer: lexicon, terms, postings, and */
	TD_SEC_LSTR2,
	TD_SEC_POST2,
	TD_SEC_IDS2, /* its id per position, packed bits */
	TD_SEC_LEX3, /* part-of-speech layer, likewise */
	TD_SEC_LSTR3,
	TD_SEC_POST3,
	TD_SEC_IDS3,
	TD_SEC_DOCPOOL, /* metadata strings, NUL-terminated (format 13) */
	TD_NSEC
};

/* IDS2 with lemma bits 0: per word id a u32, its lemma id when the
 * segment has it with one lemma, else TD_W2L_LIST | k: at u32 k after
 * these, the number of its (pos, lemma) pairs, then the pairs: lemma id
 * << TD_W2L_POS_BITS | pos id, by pos id, one per pos id. */
#define TD_W2L_LIST 0x80000000u
#define TD_W2L_POS_BITS 6
#define TD_W2L_MAX_POS (1u << TD_W2L_POS_BITS)
#define TD_W2L_POS_MASK (TD_W2L_MAX_POS - 1)

/* The sections of a layer. The norm layer has no ids of its own: its id
 * at a position is W2N of the word's (td_sec_ids gives -1). */
static inline int td_sec_lex(int layer)
{
	static const int v[TD_NLAYERS] = {
	        TD_SEC_LEX0, TD_SEC_LEX1, TD_SEC_LEX2, TD_SEC_LEX3};
	return v[layer];
}
static inline int td_sec_lstr(int layer)
{
	static const int v[TD_NLAYERS] = {
	        TD_SEC_LSTR0, TD_SEC_LSTR1, TD_SEC_LSTR2, TD_SEC_LSTR3};
	return v[layer];
}
static inline int td_sec_post(int layer)
{
	static const int v[TD_NLAYERS] = {
	        TD_SEC_POST0, TD_SEC_POST1, TD_SEC_POST2, TD_SEC_POST3};
	return v[layer];
}
static inline int td_sec_ids(int layer)
{
	static const int v[TD_NLAYERS] = {
	        TD_SEC_IDS, -1, TD_SEC_IDS2, TD_SEC_IDS3};
	return v[layer];
}

/* W2N: per word id its norm id in this many bits (format 16; u32
 * before), packed LSB first, then 8 bytes of padding. */
static inline uint32_t td_w2n_bits(uint32_t nnorms)
{
	uint32_t b = 1;
	while (b < 32 && ((uint64_t)1 << b) < nnorms)
		b++;
	return b;
}
static inline uint64_t td_w2n_len(uint32_t nwords, uint32_t nnorms)
{
	return ((uint64_t)nwords * td_w2n_bits(nnorms) + 7) / 8 + 8;
}

/* A document's text is rebuilt from its word terms and the gaps between
 * them; TEXT holds per document 2 bits per gap, then exceptions. */
enum {
	TD_GAP_NONE = 0,  /* "" */
	TD_GAP_SPACE = 1, /* " " */
	TD_GAP_PARA = 2,  /* "\n\n" */
	TD_GAP_OTHER = 3, /* next exception: GSTR offset and length (varints) */
};

typedef struct td_segdoc {
	uint64_t text_off;
	uint32_t text_len;
	uint32_t first_tok;
	uint32_t ntok;
	uint32_t kv_n;   /* metadata pairs */
	uint64_t kv_off; /* into DOCSTR */
} td_segdoc;

/* A term whose positions are exactly those of a term of a layer below
 * shares that term's postings instead of storing a copy (format 10): its
 * post_off has TD_POST_SHARED set and the other term's id in the 30 bits
 * above TD_POST_ID_SHIFT, in the word layer when TD_POST_TO_WORD is set,
 * else in the norm layer. A norm with one surface form shares its word's;
 * a lemma shares a word's (the lemma of exactly that word's positions) or
 * else a norm's (of exactly that norm's); word and pos terms never share.
 * The low 32 bits are always a POST offset (where the term's own postings
 * would begin), so the next term's offset still ends a term's postings. */
#define TD_POST_SHARED ((uint64_t)1 << 63)
#define TD_POST_TO_WORD ((uint64_t)1 << 62)
#define TD_POST_ID_SHIFT 32
#define TD_POST_ID_MAX (((uint32_t)1 << 30) - 1)
#define TD_POST_OFF_MASK 0xffffffffu
/* The post_off flags of a term sharing term id of layer to (word or norm);
 * the caller checks id <= TD_POST_ID_MAX. */
static inline uint64_t td_post_share(int to, uint32_t id)
{
	return TD_POST_SHARED | (to == TD_LAYER_WORD ? TD_POST_TO_WORD : 0) |
	       (uint64_t)id << TD_POST_ID_SHIFT;
}
/* A pos term with more than ntokens / TD_POS_SCAN_RATIO positions keeps
 * no postings (format 9): its post_off has TD_POST_SCAN set (not with
 * TD_POST_SHARED, which pos terms never have), and
 * td_postings_next() finds its positions by scanning IDS3, the packed pos
 * id of every position, which costs little more than decoding postings
 * that dense. Rarer pos terms keep postings, so a rare tag is not a scan
 * of the whole segment. */
#define TD_POST_SCAN ((uint64_t)1 << 62)
#define TD_POS_SCAN_RATIO 1024
/* A norm (or lemma) term whose positions are the union of several words'
 * stores no postings either (format 12): its post_off has TD_POST_UNION
 * (the bit of TD_POST_SCAN, in a layer without scanned terms) and not
 * TD_POST_SHARED, and its bytes in POST1 (POST2), from the low 32 bits of
 * post_off to the next term's, are the ascending word ids of those words
 * (td_union_encode); td_postings_next() merges their postings. Every norm
 * of two or more surface forms is one: the norm postings were an eighth
 * of the index, each position stored twice. */
#define TD_POST_UNION ((uint64_t)1 << 62)

/* A lexicon entry, decoded. A term's entry in LSTR (front-coded by
 * blocks of TD_LSTR_BLOCK, format 20: segout.h, td_lstrenc) begins at
 * str_off and ends at the next entry's str_off (the section's end for the
 * last). LSTR is at most TD_LSTR_MAX bytes (TD_ELIMIT when writing a
 * larger one). */
typedef struct td_seglex {
	uint32_t str_off; /* into LSTR */
	uint32_t freq;
	uint64_t post_off; /* into POST (see TD_POST_SHARED) */
} td_seglex;
/* LEX0-3 (format 17; before, 16 bytes an entry, a sixth of the index:
 * most terms occur a few times and their entries were mostly zero bits)
 * hold the entries bit-packed by blocks of TD_LEX_BLOCK: per block a
 * td_seglexblk, then per entry its five fields packed LSB first (bits.h)
 * in the block's widths: str_off - str_base, freq, post_off's low 32
 * bits - post_base, its flags (post_off >> 62), and for a shared term
 * (TD_POST_SHARED) the id it shares less id_base, plus 1 (0 for every
 * other term, whose bits 32..61 are 0). Then 8 bytes of padding and the
 * directory: per block its byte offset in the section (u64). A lexicon
 * of no terms is an empty section. Entry i is read in O(1): its block's
 * offset, the header, i % 64 times the block's width. */
#define TD_LEX_BLOCK 64
#define TD_LEX_FIELDS 5
typedef struct td_seglexblk {
	uint32_t str_base, post_base, id_base;
	uint8_t w[TD_LEX_FIELDS]; /* widths of the fields, 0..32 each */
	uint8_t pad[3];
} td_seglexblk;
/* The least length of a LEX section of n entries (the headers, the
 * padding and the directory); its blocks may be no shorter than their
 * headers. */
static inline uint64_t td_lex_min_len(uint32_t n)
{
	uint64_t nb = ((uint64_t)n + TD_LEX_BLOCK - 1) / TD_LEX_BLOCK;
	return n ? nb * (sizeof(td_seglexblk) + 8) + 8 : 0;
}
#define TD_LSTR_MAX UINT32_MAX
/* LSTR's front coding restarts every TD_LSTR_BLOCK terms (segout.h,
 * td_lstrenc): a term is read from its block's first. 32 since format
 * 22 (16 in formats 20 and 21). */
#define TD_LSTR_BLOCK 32

/* A name's span list in SPANS: per block of TD_SPAN_BLOCK spans a
 * td_segspblk of bases, then every span as TD_SPF_N fields packed LSB first
 * (bits[f] bits each, a span after the other: O(1) access), then 8 bytes
 * of padding. Fields: start - block start, end - start, doc - block doc,
 * attr_first - block attr, nattrs. */
#define TD_SPAN_BLOCK 64
enum {
	TD_SPF_START,
	TD_SPF_LEN,
	TD_SPF_DOC,
	TD_SPF_ATTR,
	TD_SPF_NATTRS,
	TD_SPF_N
};

typedef struct td_segspname {
	uint32_t str_off; /* into SPSTR */
	uint32_t count;
	uint64_t off;           /* byte offset of its span list in SPANS */
	uint8_t bits[TD_SPF_N]; /* width of each field, 0..32 */
	uint8_t pad[3];
} td_segspname;

typedef struct td_segspblk {
	uint32_t start; /* of the block's first span */
	uint32_t doc;   /* least document of the block's spans */
	uint32_t attr;  /* least attr_first of the block's spans */
} td_segspblk;

/* One span, decoded. */
typedef struct td_segspan {
	uint32_t start, end;
	uint32_t attr_first; /* index of its first pair in SPATTR */
	uint32_t nattrs;
	uint32_t doc; /* its document (empty spans at a boundary) */
} td_segspan;

typedef struct td_seghdr {
	char magic[8];
	uint32_t format;
	uint32_t hdr_crc; /* of all TD_SEG_HDR bytes with this field 0 */
	uint64_t file_size;
	/* block checksum table: u32 per block of [0,crc_off) */
	uint64_t crc_off;
	uint32_t nblocks;
	uint32_t crc_crc; /* checksum of that table */
	uint32_t ndocs, ntokens;
	uint32_t lexsize[TD_NLAYERS];
	uint32_t id_bits;  /* bits of a word id (ceil(log2(lexsize[0])),
	                    * at least 1); IDS codes them by rank */
	uint32_t lbits[2]; /* bits per packed lemma and pos id; lemma
	                    * bits 0: IDS2 holds the lemma id per word
	                    * and pos id instead (TD_W2L_*) */
	uint32_t nspnames;
	uint64_t sec_off[TD_NSEC];
	uint64_t sec_len[TD_NSEC];
	uint32_t flags;     /* TD_SEGF_* (format 9) */
	uint8_t id_tier[8]; /* IDS: the widths of the rank tiers (format 14,
	                     * idcode.h; 4 of them before format 19) */
	uint32_t id_ranks;  /* IDS: the number of ranks, the (word, pos)
	                     * pairs (the words without the pos layer;
	                     * format 15) */
} td_seghdr;

/* A document's metadata in a segment (DOCSTR, format 13): per pair a key
 * code byte (the index of its key in this table, TD_KV_ACTOR for "actor")
 * and the DOCPOOL offset of its value as a LEB128 varint; the keys in this
 * table's order, a key left out when its value is NULL, then one "actor"
 * pair per actor. The one list of the keys: segbuild.c writes them,
 * segment.c reads a td_docinfo and segment_doc.c a td_doc back. */
enum {
	TD_MK_ID,     /* td_doc.id */
	TD_MK_SOURCE, /* the source given to td_segbuild_add */
	TD_MK_SHA256, /* and its sha256 */
	TD_MK_META    /* a field of td_meta */
};
#define TD_MK_NOINFO ((size_t)-1)
typedef struct td_metakey {
	const char *key;
	int kind;    /* TD_MK_* */
	size_t meta; /* TD_MK_META: offsetof(td_meta, the field) */
	size_t info; /* offsetof(td_docinfo, the field), or TD_MK_NOINFO */
} td_metakey;
#define TD_NMETAKEYS 13
#define TD_KV_ACTOR TD_NMETAKEYS /* the key code of "actor" */
extern const td_metakey td_metakeys[TD_NMETAKEYS];
/* The entry of key k, or NULL (k is "actor", or unknown). */
const td_metakey *td_metakey_find(const char *k);
/* td_seghdr.flags: the segment has no lemma and pos layers (made by
 * tagdex-ingest --no-layers, or merged from such a segment): their
 * lexicon sizes are 0 and their sections empty. */
#define TD_SEGF_NO_LAYERS 1u

/* the message of a lemma or pos lookup in a segment without them */
extern const char td_seg_no_layers_msg[];

#endif
