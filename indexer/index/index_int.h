/* index_int.h: internals shared by the index files (checksum, strtab,
 * postings, segbuild, segment, manifest, index, writer, check). Not installed
 * and not for the query engine, which sees only index.h. The on-disk layout
 * these constants describe is documented in docs/index-format.md. */
#ifndef TAGDEX_INDEX_INT_H
#define TAGDEX_INDEX_INT_H

#include "index.h"
#include "buf.h"
#include "error.h"

#include <stdint.h>

/* ------------------------------------------------------------ checksum.c */

/* CRC32C (Castagnoli), continuing from crc (start with 0). Uses SSE4.2 when
 * the CPU has it, a table otherwise; both give the same value. */
uint32_t td_crc32c(uint32_t crc, const void *data, size_t len);
/* the software (table) path only, for tests */
uint32_t td_crc32c_soft(uint32_t crc, const void *data, size_t len);

/* -------------------------------------------------------------- strtab.c */

/* An append-only set of byte strings with dense ids 0..n-1 in insertion
 * order; each string is stored NUL-terminated. */
typedef struct td_strtab {
	char *buf; /* the strings, each followed by NUL */
	size_t len, cap;
	uint64_t *off;  /* id -> offset in buf */
	uint32_t *slen; /* id -> length */
	uint32_t n;
	size_t cap_ids;  /* of off and slen */
	uint32_t *slots; /* open addressing: id + 1, 0 = empty */
	uint32_t nslots;
} td_strtab;

/* TD_ECORRUPT (naming DIR/MANIFEST, the source and both segments) when a
 * source is live in two segments of ix, as a MANIFEST that lost a "del"
 * line (its checksum made good) leaves it: the replaced document would be
 * counted too. Reads the id and source of every live document of an index
 * of two or more segments (about 1 us a document), so the writer's open
 * and td_index_check run it, not td_index_open: a query would pay it on
 * every run (8 ms of the 11 ms of a count of "the" on the 10M-token bench
 * index). */
int td_index_check_live(td_index *ix);

void td_strtab_init(td_strtab *t);
void td_strtab_clear(td_strtab *t);
/* The id of s[0,len), adding it if new; *added (may be NULL) says which. */
int td_strtab_put(
        td_strtab *t, const char *s, size_t len, uint32_t *id, int *added);
/* 1 and its id in *id if s[0,len) is in t, else 0 (t unchanged). */
int td_strtab_find(const td_strtab *t, const char *s, size_t len, uint32_t *id);
static inline const char *td_strtab_str(const td_strtab *t, uint32_t id)
{
	return t->buf + t->off[id];
}

/* ------------------------------------------------------------ postings.c */

#define TD_POST_BLOCK 128 /* positions per postings block */

/* Appends the encoding of the n ascending positions pos to out: 0, or
 * TD_ENOMEM (td_buf's, sticky). */
int td_postings_encode(const uint32_t *pos, uint64_t n, td_buf *out);
/* Appends the member list of a union term (TD_POST_UNION): the n
 * ascending word ids, the first and then the gaps as LEB128 varints. */
int td_union_encode(const uint32_t *ids, uint32_t n, td_buf *out);
/* Appends v to b as a LEB128 varint: 0, or TD_ENOMEM as td_buf_add. */
int td_buf_varint(td_buf *b, uint64_t v);
/* Reads the LEB128 varint at *p (before end) into *v and moves *p past
 * it: 0, or -1 when it runs past end or 64 bits. */
static inline int td_varint_get(
        const uint8_t **p, const uint8_t *end, uint64_t *v)
{
	uint64_t x = 0;
	for (int sh = 0; sh < 64 && *p < end; sh += 7) {
		uint8_t c = *(*p)++;
		x |= (uint64_t)(c & 0x7f) << sh;
		if (!(c & 0x80)) {
			*v = x;
			return 0;
		}
	}
	return -1;
}

/* ------------------------------------------------------------ segment file */

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
	TD_SEC_DOCSTR,   /* doc metadata: NUL-terminated key, value pairs */
	TD_SEC_TEXT,     /* per document its gaps (see TD_GAP_*) */
	TD_SEC_LEX0,     /* word lexicon entries (td_seglex) */
	TD_SEC_LEX1,     /* norm lexicon entries */
	TD_SEC_LSTR0,    /* word terms, NUL-terminated */
	TD_SEC_LSTR1,
	TD_SEC_POST0, /* word postings */
	TD_SEC_POST1,
	TD_SEC_IDS,     /* word id per position, packed bits */
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

/* A lexicon entry, 16 bytes (format 11; 24 before, with a 64-bit string
 * offset and the length: two thirds of a segment's terms occur a few
 * times, so the entries were a sixth of the index). A term's string is
 * NUL-terminated in LSTR and the strings follow the lexicon's order, so
 * its length is up to the next entry's str_off (the section's end for the
 * last) less the NUL: a lookup reads the next entry's first 4 bytes, which
 * share the entry's cache line but one time in four. LSTR is at most
 * TD_LSTR_MAX bytes (TD_ELIMIT when writing a larger one). */
typedef struct td_seglex {
	uint32_t str_off; /* into LSTR */
	uint32_t freq;
	uint64_t post_off; /* into POST (see TD_POST_SHARED) */
} td_seglex;
#define TD_LSTR_MAX UINT32_MAX

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
	uint32_t id_bits;  /* bits per packed word id */
	uint32_t lbits[2]; /* bits per packed lemma and pos id; lemma
	                    * bits 0: IDS2 holds the lemma id per word
	                    * and pos id instead (TD_W2L_*) */
	uint32_t nspnames;
	uint64_t sec_off[TD_NSEC];
	uint64_t sec_len[TD_NSEC];
	uint32_t flags; /* TD_SEGF_* (format 9) */
} td_seghdr;

/* A document's metadata in a segment (DOCSTR): NUL-terminated key and
 * value pairs, the keys in this table's order, a key left out when its
 * value is NULL, then one "actor" pair per actor. The one list of the
 * keys: segbuild.c writes them, segment.c reads a td_docinfo and
 * segment_doc.c a td_doc back. */
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
extern const td_metakey td_metakeys[TD_NMETAKEYS];
/* The entry of key k, or NULL (k is "actor", or unknown). */
const td_metakey *td_metakey_find(const char *k);
/* td_seghdr.flags: the segment has no lemma and pos layers (made by
 * tagdex-ingest --no-layers, or merged from such a segment): their
 * lexicon sizes are 0 and their sections empty. */
#define TD_SEGF_NO_LAYERS 1u

/* the message of a lemma or pos lookup in a segment without them */
extern const char td_seg_no_layers_msg[];

/* segbuild.c: an in-memory segment being built from documents. */
typedef struct td_segbuild td_segbuild;
int td_segbuild_new(td_segbuild **out);
/* The segment will have no lemma and pos layers (TD_SEGF_NO_LAYERS),
 * whatever the documents added before or after carry. */
void td_segbuild_drop_layers(td_segbuild *b);
void td_segbuild_free(td_segbuild *b);
/* Adds doc under source with the sha256 of its source bytes (may be NULL).
 * Token positions continue from the previous document. */
int td_segbuild_add(td_segbuild *b, const td_doc *doc, const char *source,
        const char *sha256);
uint32_t td_segbuild_ndocs(const td_segbuild *b);
uint32_t td_segbuild_ntokens(const td_segbuild *b);
/* The bytes b holds, with what writing it will take on top: the writer
 * flushes a segment when this reaches its memory budget. */
size_t td_segbuild_bytes(const td_segbuild *b);
/* 1 when the last td_segbuild_add failed with TD_ELIMIT because the
 * document's tokens do not fit under TD_SEG_MAX_TOKENS; b is unchanged,
 * and the document goes into the next segment. */
int td_segbuild_full(const td_segbuild *b);
/* Writes the segment to path (creating it; fsync'd before returning);
 * *size and *crc (may be NULL) receive its identity for the manifest: the
 * file size and the header checksum (which covers the checksum table). */
int td_segbuild_write(
        td_segbuild *b, const char *path, uint64_t *size, uint32_t *crc);

/* segout.c: a segment file written front to back, checksummed by block
 * as it goes (segbuild.c and stream_merge.c write through it). */
typedef struct td_out {
	int fd;
	const char *path;
	uint64_t pos; /* bytes written so far, header included */
	uint8_t *blk; /* the current checksum block */
	size_t fill;
	uint32_t *crcs;
	size_t ncrc, cap_crc;
} td_out;
/* Creates path (the "segment open" step) and positions after the header. */
int td_out_open(td_out *o, const char *path);
int td_out_put(td_out *o, const void *p, size_t n);
int td_out_flush(td_out *o);
int td_out_align(td_out *o);
/* Section sec begins here (8-byte aligned) / ends here. */
int td_out_begin(td_out *o, td_seghdr *h, int sec);
void td_out_end(td_out *o, td_seghdr *h, int sec);
/* Writes the checksum table and the header (h's sections and counts
 * filled in), fsyncs; *size and *crc as td_segbuild_write. */
int td_out_finish(td_out *o, td_seghdr *h, uint64_t *size, uint32_t *crc);
/* Closes (the "segment close" step); rc != 0 (or a failing close) removes
 * the file. Returns rc, or the close's error. */
int td_out_close(td_out *o, int rc);

/* stream_merge.c: the streaming merge. Writes to path one segment holding the
 * live documents of segs[0..n) in order, as td_segbuild would from them
 * (the same answers to every query), straight from their files: lexicons
 * merged, postings, ids, spans, document tables and text renumbered, no
 * document re-tokenised. Memory: per source segment a map of its term ids
 * and documents, and what a term's postings or a position's spans need,
 * never the segments' positions. *ndocs receives the documents written
 * (0: none, and no file is written); *size and *crc as td_segbuild_write.
 * stop (may be NULL): when it becomes nonzero the merge gives up with
 * TD_EINTR, removing the file. */
int td_segmerge_write(td_seg *const *segs, size_t n, const char *path,
        const volatile sig_atomic_t *stop, uint32_t *ndocs, uint64_t *size,
        uint32_t *crc);

/* segment.c: one mapped segment file. Blocks are checked on first use. */
#define TD_SEG_TEXTS 8 /* document texts kept rebuilt per segment */
struct td_seg {
	char *path;
	const uint8_t *map;
	size_t size;
	td_seghdr hdr;
	const uint32_t *crcs; /* block checksums (in the map) */
	uint8_t *state;       /* per block: 0 unchecked, 1 good, 2 bad */
	uint8_t *deleted;     /* per doc, from the manifest */
	uint32_t ndeleted;
	uint32_t cache_doc; /* the document whose tokens are cached */
	int has_cache;
	td_tokens cache;
	/* attribute values rebuilt from a document id and a suffix, by
	 * document and SPATTR pair index (spans of several documents share
	 * pairs); kept until close like every pointer into the map */
	uint64_t *av_key; /* doc << 32 | pair index + 1, 0 = empty */
	char **av_val;
	uint32_t av_n, av_slots;
	uint32_t av_doc; /* the document whose id is in av_docid */
	int has_av_doc;
	const char *av_docid;
	td_segspname *spn;    /* SPNAMES, checked and copied on first use */
	td_segspan last_span; /* the span decoded last (callers often ask
	                       * for one span's range, then its attributes) */
	uint32_t last_k, last_i;
	int has_last_span;
	char *texts[TD_SEG_TEXTS]; /* rebuilt texts, recently used */
	uint32_t text_doc[TD_SEG_TEXTS], text_next;
	char *arena; /* current chunk; chunks chain by their first word */
	size_t arena_fill, arena_cap;
	int damaged;  /* some call met damaged data (sticky) */
	char *damage; /* the first such message */
};
/* Records damage found outside segment.c (postings): TD_ECORRUPT with the
 * segment's name, and the sticky flag of td_seg_damaged(). */
int td_seg_mark_damaged(td_seg *s, const char *what);
/* A pointer to [off, off+len) of section sec after checking its blocks;
 * NULL with TD_ECORRUPT recorded if out of range or failing its checksum. */
const uint8_t *td_seg_sec(td_seg *s, int sec, uint64_t off, uint64_t len);
int td_seg_open(const char *path, td_seg **out);
void td_seg_close(td_seg *s);
/* Verifies every block of the segment, letting the pages read go every
 * TD_VERIFY_TRIM blocks (1 MiB), so that its memory does not grow with
 * the segment. */
#define TD_VERIFY_TRIM 256u
int td_seg_verify(td_seg *s);
/* check.c: every block and the structure (what --check does per segment);
 * trims s (td_seg_trim) as it goes and at the end. */
int td_seg_check(td_seg *s);
/* segment_doc.c: rebuilds document d as a td_doc (spans as byte ranges),
 * with its source and sha256 (pointers into the segment); the tests read an
 * index's documents back through it. */
int td_seg_doc_load(td_seg *s, uint32_t d, td_doc **out, const char **source,
        const char **sha256);
/* Lets go of what reading documents of s gathered (attribute values
 * rebuilt, texts kept) and of the pages of its mapping, which are read
 * again when needed: what keeps a merge's memory independent of the size
 * of its segments. No pointer that an earlier call returned may be used
 * afterwards. */
void td_seg_trim(td_seg *s);
/* A scan of every document's record (the writer's and tagdex-ingest's
 * tables of the sources) trims its segment every so many documents, so
 * that what it read does not stay resident. */
#define TD_TRIM_DOCS 4096u
/* Marks deleted docs (from the manifest). */
int td_seg_set_deleted(td_seg *s, const uint32_t *del, uint32_t n);

/* ------------------------------------------------------------- docmap.c */

/* The documents of an opened index by a string of their record, the
 * strings left in the segments: 8 bytes a document of ix. A document is
 * numbered across the segments of ix in order (its segment's first number
 * plus its number in it). Sized once for every document of ix; add each
 * at most once. */
typedef struct td_docmap {
	td_index *ix;
	uint64_t *first; /* per segment its first number; [nsegs] the total */
	size_t nsegs;
	uint32_t *slot; /* number + 1, 0 = empty; at most half are used */
	uint64_t nslots;
	uint32_t reads; /* records read since the last trim */
} td_docmap;
/* The key of a document read back (NULL: it has none), its length in *len. */
typedef const char *(*td_docmap_key)(
        void *ctx, const td_docinfo *di, size_t *len);
typedef struct td_docmap_it {
	const char *key;
	size_t len;
	uint64_t i;
} td_docmap_it;
/* ix may be NULL (no documents). TD_ENOMEM, TD_ELIMIT. */
int td_docmap_init(td_docmap *m, td_index *ix);
void td_docmap_clear(td_docmap *m);
/* Files document g under key[0, len). */
void td_docmap_add(td_docmap *m, uint32_t g, const char *key, size_t len);
/* The record of document g, and (each may be NULL) the index in ix of its
 * segment and its number there. Every TD_TRIM_DOCS records read the segments of
 * ix are trimmed (td_seg_trim): a string of an earlier record stays good (it
 * points into the mapping), a pointer into their caches does not. */
int td_docmap_doc(
        td_docmap *m, uint32_t g, size_t *seg, uint32_t *d, td_docinfo *di);
/* The documents filed under key[0, len): td_docmap_find starts, then each
 * td_docmap_next gives one in *g (1), in no set order, until 0 (or an
 * error < 0). fn gives a candidate's key, compared byte for byte; key
 * must stay valid until the end. */
void td_docmap_find(
        const td_docmap *m, td_docmap_it *it, const char *key, size_t len);
int td_docmap_next(td_docmap *m, td_docmap_it *it, td_docmap_key fn, void *ctx,
        uint32_t *g);

/* ------------------------------------------------------------ manifest.c */

typedef struct td_mseg {
	char *name; /* "seg-000001.tdx" */
	uint32_t ndocs;
	uint64_t size; /* identity of the file committed under that name: */
	uint32_t crc;  /* its size and header checksum */
	uint32_t *del; /* ascending deleted doc numbers */
	uint32_t ndel;
	size_t cap_del;
} td_mseg;

typedef struct td_manifest {
	uint64_t generation;
	uint64_t next_seg; /* number of the next segment file */
	td_mseg *segs;
	size_t nsegs, cap_segs; /* TD_VEC_RESERVE's */
} td_manifest;

/* 0 if dir/MANIFEST is there (readable or not: that is td_manifest_read's
 * to say), else TD_ENOTFOUND with "DIR: no index here (no MANIFEST)": the
 * one test of whether dir is an index at all, and its one message. */
int td_manifest_require(const char *dir);
/* Reads dir/MANIFEST. TD_ENOTFOUND if missing (td_manifest_require's
 * message), TD_EVERSION, TD_ECORRUPT. */
int td_manifest_read(const char *dir, td_manifest *m);
/* Commits m atomically: MANIFEST.tmp, fsync, rename, fsync dir. *renamed
 * (may be NULL) says whether the new manifest was put in place: if so and
 * an error is returned, the commit is visible but its durability is not
 * known (the message says so). */
int td_manifest_write(const char *dir, const td_manifest *m, int *renamed);
void td_manifest_clear(td_manifest *m);
int td_mseg_delete(td_mseg *ms, uint32_t d);

/* The writer lock: flock on the directory itself (and on dir/LOCK, which
 * names the pid); fd receives both descriptors. */
int td_lock_take(const char *dir, int fd[2]);
void td_lock_release(int fd[2]);

/* write(2) (off < 0) or pwrite(2) of all n bytes; a short write says so
 * instead of reporting a stale errno. step (or NULL) names the fault step
 * (td_fault_step) taken before the first system call. */
int td_write_full(int fd, const void *buf, size_t n, int64_t off,
        const char *path, const char *step);

/* fsyncs a directory so renames in it are durable. */
int td_fsync_dir(const char *dir);
/* Puts the written file tmp in place as path by rename(2), the fault step
 * step (td_fault_step) first. 0, or TD_EIO naming path, tmp then removed. */
int td_rename_tmp(const char *tmp, const char *path, const char *step);

/* writer.c: tokens added by this writer so far (for the summary line). */
uint64_t td_writer_tokens_added(const td_writer *w);

/* index.c */
const char *td_index_seg_name(const td_index *ix, size_t i);

/* ---------------------------------------------------- fault hook: fault.c */

/* The hook exists only in a build configured with --enable-test-hooks
 * (TD_TEST_HOOKS in config.h); elsewhere every step is an inline no-op,
 * the environment is never read and the setters do not exist, so a test
 * that needs them skips. */
#ifdef TD_TEST_HOOKS

/* Test hook: makes the writer _exit(77) when it reaches its n-th commit step
 * (n >= 1; 0 disables). Also set by the TAGDEX_FAULT_AFTER environment
 * variable at td_writer_open(). Steps are counted across calls. */
void td_writer_fault_after(int n);
/* The same, but the n-th step fails as its system call would, with EIO
 * (TAGDEX_FAULT_FAIL=n): the I/O-error loop of tests/unit/test_index.c. */
void td_writer_fault_fail(int n);
/* Raises signal sig at the n-th step, which then goes on as usual
 * (TAGDEX_FAULT_SIGNAL=n[:sig]): the interrupt tests of
 * tests/cli/test_ingest_signal.sh. */
void td_writer_fault_signal(int n, int sig);
/* 1 if a step set by any of these has not been reached yet. */
int td_writer_fault_pending(void);
/* Called by the writer before each open, write, fsync, close, rename and
 * unlink of a commit; the name is for tests. 0, or -1 with errno set when
 * the step is to fail (the caller then takes the system call's error path);
 * _exit(77) when the writer is to stop there. */
int td_fault_step(const char *what);
/* Reads TAGDEX_FAULT_AFTER, TAGDEX_FAULT_FAIL and TAGDEX_FAULT_SIGNAL
 * (td_writer_open calls it). */
void td_fault_from_env(void);
#else
static inline int td_fault_step(const char *what)
{
	(void)what;
	return 0;
}
static inline void td_fault_from_env(void) {}
#endif

#endif
