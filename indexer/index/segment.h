/* segment.h: a mapped segment file's state (struct td_seg) and what the
 * other index files do with one beyond index.h: open and close it, check
 * its blocks and structure, read a section, mark it damaged, read a
 * document back, trim what reading gathered, mark deleted documents. The
 * segment reader's own parts share segment_int.h. */
#ifndef TAGDEX_SEGMENT_H
#define TAGDEX_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "idcode.h"
#include "index.h"
#include "segformat.h"
#include "tagdex.h"

/* Per layer the block of its lexicon read last (format 17): its number
 * + 1 (0: none), its header, its entries' bits (checked, in the map) and
 * their width; and the entry decoded last (its id + 1, 0: none): a scan
 * of the terms reads each entry as a term's and as the one before's end. */
typedef struct td_lexcache {
	uint64_t blk;
	td_seglexblk h;
	const uint8_t *p;
	unsigned wsum;
	uint32_t id;
	td_seglex e;
} td_lexcache;

/* A block of TD_LSTR_BLOCK terms of LSTR decoded (format 19's front
 * coding): term j's bytes, NUL-terminated, at off[j] from the struct's
 * start, its length off[j + 1] - off[j] - 1. */
typedef struct td_lstrblk {
	uint32_t off[TD_LSTR_BLOCK + 1];
} td_lstrblk;
/* zero bytes after a decoded block's last term: a reader of a term that
 * loads a word at a time (PCRE2's JIT) stays inside initialised memory */
#define TD_LSTR_PAD 16

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
	/* bytes of the arena's chunks and the av tables: heap that
	 * td_seg_trim lets go (td_index_check counts it with the pages) */
	size_t kept;
	int damaged;  /* some call met damaged data (sticky) */
	char *damage; /* the first such message */
	/* IDS (idcode.h), from the header at open: where its directory
	 * begins, the tiers' bases */
	uint64_t idc_dir, idc_base[TD_IDC_TIERS + 1];
	int64_t idc_coef[TD_IDC_TIERS]; /* td_idc_coef of the widths */
	uint64_t idc_rdir;              /* where its word id per rank begins */
	/* the block of IDS read last (a query reads a hit's neighbours):
	 * its number + 1 (0: none), its bytes checked (idc_len, in the map)
	 * and its selectors; the position read last in it (its index + 2,
	 * 0: none), its value's bit offset and its tier */
	uint64_t idc_blk, idc_len, idc_sel[TD_IDC_PLANES], idc_bit;
	const uint8_t *idc_p;
	unsigned idc_next, idc_t;
	uint32_t idc_r; /* the rank of that position */
	td_lexcache lxc[TD_NLAYERS];
	/* per layer per block of LSTR its terms decoded on first use
	 * (lstr_blk[layer] allocated then), kept until td_seg_trim or close;
	 * a trim keeps the block decoded last (lstr_last: the block + 1, 0
	 * for none), and lets go of the others decoded since the last trim
	 * (blocks lstr_lo to lstr_hi - 1) */
	td_lstrblk **lstr_blk[TD_NLAYERS];
	uint32_t lstr_last[TD_NLAYERS], lstr_lo[TD_NLAYERS],
	        lstr_hi[TD_NLAYERS];
	/* bytes of the decoded blocks held, all layers (the tests read it:
	 * a --check or a merge must not keep them) */
	size_t lstr_bytes;
	/* the error of the last td_seg_lex_term that gave NULL: decoding a
	 * block allocates, so it is TD_ENOMEM as well as TD_ECORRUPT */
	int term_rc;
};
/* The error of the last td_seg_lex_term of s that gave NULL. */
static inline int td_seg_term_err(const td_seg *s)
{
	return s->term_rc ? s->term_rc : TD_ECORRUPT;
}
/* Records damage found outside segment.c (postings): TD_ECORRUPT with the
 * segment's name, and the sticky flag of td_seg_damaged(). */
int td_seg_mark_damaged(td_seg *s, const char *what);
/* A pointer to [off, off+len) of section sec after checking its blocks;
 * NULL with TD_ECORRUPT recorded if out of range or failing its checksum. */
const uint8_t *td_seg_sec(td_seg *s, int sec, uint64_t off, uint64_t len);
/* segment_lexicon.c: entry id (< the lexicon's size) of layer's lexicon
 * in *e, and where the next term's string and postings begin (the ends of
 * LSTR and POST for the last term) in *str_end and *post_end (either may
 * be NULL): 0, or TD_ECORRUPT with the segment marked. */
int td_seg_lex_entry(td_seg *s, int layer, uint32_t id, td_seglex *e,
        uint64_t *str_end, uint64_t *post_end);
/* segment_lexicon.c: the first position from pos to the end of its block of IDS
 * whose rank is set in rmask (a bit per rank), in *found: 1, else 0; -1 on
 * damage (the segment marked). *bitp: the bit offset of pos's value in its
 * block, or UINT64_MAX when not known; receives that of the position
 * after *found (UINT64_MAX after 0). */
int td_seg_rank_scan(td_seg *s, uint32_t pos, uint64_t *bitp,
        const uint64_t *rmask, uint32_t *found);
/* segment_lexicon.c: the rank in IDS of position pos (< ntokens), as
 * td_seg_id_at reads it; UINT32_MAX on damage (the segment marked). A
 * scanned pos term tests its candidates so (postings.c). */
uint32_t td_seg_rank_at(td_seg *s, uint32_t pos);
/* The word id of rank r (< id_ranks) of IDS, and in *pos (when not NULL)
 * its pos id (0 in a segment without the layers): UINT32_MAX on damage
 * (the segment marked). The merge reads each rank once so (stream_merge.c). */
uint32_t td_seg_rank_ids(td_seg *s, uint32_t r, uint32_t *pos);
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
/* segment.c: calls back for each metadata pair of document d of s (the
 * key from td_metakeys or "actor", the value in the mapping); stops when
 * fn returns != 0 (an error when < 0). The streaming merge reads them so
 * too. */
int td_seg_each_kv(td_seg *s, uint32_t d,
        int (*fn)(void *ctx, const char *k, const char *v), void *ctx);
/* Lets go of what reading documents of s gathered (attribute values
 * rebuilt, texts kept), of the lexicon strings decoded (td_seg_lex_term)
 * and of the pages of its mapping, which are read again when needed: what
 * keeps the memory of a merge and of --check independent of the size of
 * their segments. No pointer that an earlier call returned may be used
 * afterwards, but the terms of the block of each layer decoded last, so
 * that a scan of a lexicon in its order (td_seg_lex_term of ids 0, 1, 2,
 * ...) may compare each term with the one before across a trim, as
 * check.c does, and a pointer into the mapping, its pages read again. */
void td_seg_trim(td_seg *s);
/* A scan of every document's record (the writer's and tagdex-ingest's
 * tables of the sources) trims its segment every so many documents, so
 * that what it read does not stay resident. */
#define TD_TRIM_DOCS 4096u
/* Marks deleted docs (from the manifest). */
int td_seg_set_deleted(td_seg *s, const uint32_t *del, uint32_t n);

#endif
