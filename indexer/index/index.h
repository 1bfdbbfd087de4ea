/* index.h: the on-disk index, as the query engine and ingest see it.
 *
 * An index directory holds immutable segments and a manifest naming the
 * committed set. A reader opens one committed state and keeps it, whatever a
 * writer does meanwhile. Inside a segment, token positions run 0..ntokens-1
 * across its documents in order; spans are token ranges [start, end). Every
 * pointer returned here points into the opened index and lives until
 * td_index_close(). Data read from disk is checked against its checksum before
 * use; a mismatch makes the call fail with TD_ECORRUPT (never garbage).
 */
#ifndef TAGDEX_INDEX_H
#define TAGDEX_INDEX_H

#include "tagdex.h"

#include <signal.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TD_INDEX_FORMAT 22         /* bumped on any incompatible change */
#define TD_DEFAULT_INDEX ".tagdex" /* used when -x is not given */

typedef struct td_index td_index;
typedef struct td_seg td_seg;

/* Token layers: the surface form, the normalised form (NFC, case fold),
 * the lemma and the part of speech (Penn tag; both "" for a token no
 * stage tagged). */
enum {
	TD_LAYER_WORD = 0,
	TD_LAYER_NORM = 1,
	TD_LAYER_LEMMA = 2,
	TD_LAYER_POS = 3,
	TD_NLAYERS = 4
};

/* ------------------------------------------------------------- reading */

/* Opens the last committed state of the index in dir (read-only; takes no
 * lock). TD_ENOTFOUND if there is no index, TD_EVERSION for another format,
 * TD_ECORRUPT if the manifest fails its checksum. A td_index and its
 * segments serve one thread at a time: reads keep caches in the segment
 * (format 17's lexicon blocks and terms), so threads that query at once
 * each open their own (as tagdex-serve does, one per thread). */
int td_index_open(const char *dir, td_index **out);
void td_index_close(td_index *ix);
/* Opens the committed states of n index directories as one index: their
 * segments in the order of dirs, each directory's in its own order, so
 * every query, count and table is what one index holding the same
 * segments in that order answers. n == 1 is td_index_open(). Each source,
 * and each document id, may be live in one of them only (as in one
 * index): otherwise TD_EUSAGE naming both directories and the source or
 * id, as their union would count a document twice or give one id to two
 * documents. Checking reads every document's metadata once (about as
 * much as a writer's open). The errors of td_index_open(),
 * the message naming the directory. Closed with td_index_close(). */
int td_index_open_many(const char *const *dirs, size_t n, td_index **out);
/* The same, where[i] (NULL, or where[i] NULL) saying where dirs[i] was
 * named, "FILE:LINE" of a list of indexes: a message about dirs[i] starts
 * with it ("list.txt:3: idx: no index here (no MANIFEST)"), and one naming
 * two directories adds it to each ("a (list.txt:1) and b (list.txt:3)
 * both hold ..."). Messages name each directory once, n == 1 too. */
int td_index_open_many_at(const char *const *dirs, const char *const *where,
        size_t n, td_index **out);

size_t td_index_nsegs(const td_index *ix);
td_seg *td_index_seg(td_index *ix, size_t i);
/* Total live documents and tokens over all segments. */
uint64_t td_index_ndocs(const td_index *ix);
uint64_t td_index_ntokens(const td_index *ix);
/* The generation of the committed state ix reads (MANIFEST's, one more
 * per commit; several indexes: their sum): what tagdex-query's saved
 * results compare to see whether the index changed since. */
uint64_t td_index_generation(const td_index *ix);

/* Damage met so far: TD_ECORRUPT with the first message (naming the file
 * and the block or structure that failed) if any call on this segment, or
 * on any segment of ix, met damaged data since it was opened, even a call
 * whose caller took the failure for "absent" or "no match"; 0 otherwise.
 * A query program asks before it reports a result as complete. */
int td_seg_damaged(const td_seg *s);
int td_index_damaged(const td_index *ix);

/* The path of the segment file whose mapping holds addr, or NULL. Safe in
 * a signal handler (no locks, no allocation): a program's SIGBUS handler
 * names the damaged file with it (the file truncated, or an I/O error,
 * under a reader). The library installs no handler itself. */
const char *td_index_map_path(const void *addr);

/* Checksums in software even where the CPU has CRC32C (for tests and
 * benchmarks of the fallback; both give the same values). Call before the
 * first index operation. */
void td_index_crc_soft(void);

uint32_t td_seg_ntokens(const td_seg *s);
uint32_t td_seg_ndocs(const td_seg *s);

typedef struct td_docinfo {
	const char *id; /* the TEI xml:id ("doc-...") or one made from the file
	                   name */
	const char *title;
	const char *date; /* ISO date or NULL */
	const char *genre;
	const char *source; /* path of the source file as given to ingest */
	const char *sha256; /* of the source bytes */
	uint32_t first_tok; /* position of its first token in the segment */
	uint32_t ntok;
	int live; /* 0 once replaced or pruned by a later commit */
} td_docinfo;

int td_seg_doc(td_seg *s, uint32_t d, td_docinfo *out);
/* Only the id and the source of document d (*id, *source: NULL when
 * absent), the rest of its metadata not read: what td_index_open checks of
 * every live document. 0, or TD_EUSAGE / TD_ECORRUPT. */
int td_seg_doc_keys(
        td_seg *s, uint32_t d, const char **id, const char **source);
/* Only the token range of document d (no metadata is read): what a query
 * needs to enter a document. 0, or TD_EUSAGE / TD_ECORRUPT. */
int td_seg_doc_range(
        td_seg *s, uint32_t d, uint32_t *first_tok, uint32_t *ntok);
/* 1 if document d is live in this committed state (cheap: no metadata is
 * read), 0 if it was replaced or pruned. */
int td_seg_doc_live(const td_seg *s, uint32_t d);
/* The document holding token position pos. */
uint32_t td_seg_doc_at(td_seg *s, uint32_t pos);
/* The document's text (text content of TEI <text>), not NUL-terminated.
 * It is rebuilt from the token stream into a small per-segment cache: the
 * pointer stays valid until 8 other documents of the same segment have been
 * asked for, so use it at once or copy it. */
int td_seg_doc_text(td_seg *s, uint32_t d, const char **text, size_t *len);
/* Further header metadata by key ("author", "url", "extraction", ...); NULL if
 * absent. */
const char *td_seg_doc_meta(td_seg *s, uint32_t d, const char *key);
/* Byte offsets of token pos within its document's text. */
int td_seg_tok_offsets(td_seg *s, uint32_t pos, uint32_t *start, uint32_t *end);
/* The text from the start of token a to the end of token b - 1, both of
 * one document: exactly those bytes of td_seg_doc_text, rebuilt from these
 * tokens and the gaps between them only (a KWIC line needs a few words of
 * a document, not all of it). *text is the caller's to free, NUL-terminated
 * after *len bytes. 0; TD_EUSAGE for a range outside the segment or over
 * two documents; TD_ECORRUPT (segment marked damaged); TD_ENOMEM. */
int td_seg_text_range(
        td_seg *s, uint32_t a, uint32_t b, char **text, size_t *len);
/* Where the last td_seg_text_append read in a document's text, so that
 * the next range of that document is found from there (the ranges of a
 * KWIC line, the lines of a document in order) instead of from the
 * document's start. Zeroed before first use; it holds no allocation and
 * is valid while its segment is open. Its fields are the reader's. */
typedef struct td_textcur {
	td_seg *s; /* NULL: none read yet */
	uint32_t d, first, ntok;
	uint64_t text_len;
	const uint8_t *codes, *x, *xend; /* the gaps; x: gap gi's exception */
	uint32_t gi;
} td_textcur;
struct td_buf;
/* Appends to out the text of tokens [a, b) of document d (those bytes of
 * td_seg_doc_text, as td_seg_text_range), reading through c. 0; TD_EUSAGE
 * for a range outside the document; TD_ECORRUPT; TD_ENOMEM. On an error
 * out is as it was. */
int td_seg_text_append(td_textcur *c, td_seg *s, uint32_t d, uint32_t a,
        uint32_t b, struct td_buf *out);

/* Lexicon of a layer: terms sorted bytewise, ids 0..size-1 in that order. */
uint32_t td_seg_lex_size(td_seg *s, int layer);
/* Term id of layer's lexicon, NUL-terminated, its length in *len (len may
 * be NULL); its bytes live as long as s is open. NULL on failure, with the
 * error recorded and given by td_seg_lex_term_err: TD_ENOMEM (a block of
 * terms is decoded into malloc'd memory on its first use), TD_ECORRUPT
 * (the segment is then marked damaged) or TD_EUSAGE (no such id). */
const char *td_seg_lex_term(td_seg *s, int layer, uint32_t id, size_t *len);
/* td_seg_lex_term of the term at position pos of layer: NULL, with
 * TD_ECORRUPT for a position whose id cannot be read (td_seg_id_at). */
const char *td_seg_term_at(td_seg *s, int layer, uint32_t pos, size_t *len);
/* The error of the last td_seg_lex_term or td_seg_term_at of s that gave
 * NULL (TD_ENOMEM is not damage: a query reports "out of memory"). */
int td_seg_lex_term_err(const td_seg *s);
/* The id of a term; TD_ENOTFOUND if the lexicon has no such term,
 * TD_ECORRUPT if the lexicon fails its checksum or structure on the way
 * (the segment is then marked damaged: td_seg_damaged), or TD_ENOMEM. */
int64_t td_seg_lex_find(td_seg *s, int layer, const char *term, size_t len);
/* Occurrences of the term in the segment, deleted documents included. */
uint64_t td_seg_lex_freq(td_seg *s, int layer, uint32_t id);
/* 1 if the term has no postings stored and its positions are found from
 * the ranks of IDS (a frequent pos term, format 9's TD_POST_SCAN): a test
 * at one position (td_postings_at, td_seg_id_at) is cheap, a walk to its
 * next position is not. */
int td_seg_lex_scanned(td_seg *s, int layer, uint32_t id);
/* Whether the segment has the lemma and pos layers (0: made with
 * tagdex-ingest --no-layers, or merged from such a segment; its lemma
 * and pos lexicons are then empty and td_seg_id_at() of them gives
 * UINT32_MAX with TD_EUSAGE recorded, not damage). */
int td_seg_has_layers(const td_seg *s);
/* 0 if layer may be read in s, else TD_EUSAGE with the message of
 * td_index_need_layer(). */
int td_seg_need_layer(const td_seg *s, int layer);
/* 1 if every segment of ix has them. */
int td_index_has_layers(td_index *ix);
/* 0 if a query may use the layer in ix, else TD_EUSAGE with a message
 * saying that the index has no lemma and pos layers and how to get them:
 * a query must refuse rather than answer "no hits". */
int td_index_need_layer(td_index *ix, int layer);

/* The term id at a position; UINT32_MAX if the data fails its checksum
 * (TD_ECORRUPT recorded). Functions here that return a count or a pointer
 * give 0 or NULL in that case, likewise with the error recorded. */
uint32_t td_seg_id_at(td_seg *s, int layer, uint32_t pos);

/* Postings: the ascending positions of one term. */
typedef struct td_postings td_postings;
int td_postings_open(td_seg *s, int layer, uint32_t id, td_postings **out);
/* Next position >= target (pass 0 for simply the next). Returns 1 with *pos
 * set, 0 at the end, or a negative error. */
int td_postings_next(td_postings *p, uint32_t target, uint32_t *pos);
/* Whether pos is one of the term's positions: 1 or 0, or a negative
 * error. Calls on one postings must not go back (pos at least the last
 * position asked or given by td_postings_next), as they may read it
 * forward; a frequent pos term's answer is its rank's in IDS, read in
 * O(1) (a sequence's other tokens are tested so, not sought). */
int td_postings_at(td_postings *p, uint32_t pos);
void td_postings_close(td_postings *p);

/* Spans: element names, then per name its spans sorted by start, then end
 * descending. Attribute names and values are strings as in the TEI. */
uint32_t td_seg_span_nnames(td_seg *s);
const char *td_seg_span_name(td_seg *s, uint32_t k);
/* The number of an element name; TD_ENOTFOUND if the segment has no span
 * of that name, or TD_ECORRUPT (damage recorded) as td_seg_lex_find. */
int64_t td_seg_span_find(td_seg *s, const char *name);
uint32_t td_seg_span_count(td_seg *s, uint32_t k);
int td_seg_span_get(
        td_seg *s, uint32_t k, uint32_t i, uint32_t *start, uint32_t *end);
/* The document holding span i: an empty span where one document ends and
 * the next begins belongs to one of them only (an end tag's position in
 * one, a start tag's in the other). 0 or a negative error. */
int td_seg_span_doc(td_seg *s, uint32_t k, uint32_t i, uint32_t *doc);
uint32_t td_seg_span_nattrs(td_seg *s, uint32_t k, uint32_t i);
int td_seg_span_attr(td_seg *s, uint32_t k, uint32_t i, uint32_t j,
        const char **name, const char **value);
/* The value of span i's attribute called name: 1 with *value set, 0 if it
 * has none, or a negative error (TD_ECORRUPT). Reads no other attribute's
 * value, so values rebuilt from the document id (xml:id) cost nothing
 * unless asked for. */
int td_seg_span_attr_find(td_seg *s, uint32_t k, uint32_t i, const char *name,
        const char **value);

/* ------------------------------------------------------------- writing */

typedef struct td_writer td_writer;

/* TD_WRITE_NO_LAYERS: the segments this writer builds from added
 * documents have no lemma and pos layers (td_seg_has_layers), whatever
 * the documents carry; a merge keeps a segment's layers only if every
 * segment merged into it has them. TD_WRITE_UNIQUE_IDS: the open refuses
 * a committed state with an id live twice as well as a source live twice
 * (td_index_check_ids' question, asked in the same reading of the keys:
 * tagdex-ingest's indexes give each document its own id). */
enum { TD_WRITE_REBUILD = 1, TD_WRITE_NO_LAYERS = 2, TD_WRITE_UNIQUE_IDS = 4 };

/* Takes the index's writer lock (TD_ELOCKED if held) and creates the index
 * if missing. Nothing is visible to readers before td_writer_commit(). */
int td_writer_open(const char *dir, int flags, td_writer **out);

/* What the committed state holds for a source path. */
enum { TD_SOURCE_NEW = 0, TD_SOURCE_UNCHANGED = 1, TD_SOURCE_CHANGED = 2 };
int td_writer_source_state(
        td_writer *w, const char *source, const char *sha256);

/* Adds a document (replacing any earlier one from the same source). */
int td_writer_add(td_writer *w, const td_doc *doc, const char *source);
/* The same with the SHA-256 of the source bytes given explicitly (what
 * td_writer_source_state() compares against later). */
int td_writer_add_sha(td_writer *w, const td_doc *doc, const char *source,
        const char *sha256);
/* Drops the document of a source (TD_ENOTFOUND if it has none). */
int td_writer_remove(td_writer *w, const char *source);
/* The committed state the writer started from, or NULL (a new index, or
 * TD_WRITE_REBUILD). Owned by the writer; it does not show what was added
 * or removed since td_writer_open(). */
td_index *td_writer_base(td_writer *w);
/* Calls fn for every committed source path (for --prune). */
int td_writer_each_source(
        td_writer *w, int (*fn)(void *ctx, const char *source), void *ctx);

/* The memory budget of the documents a writer holds before writing them:
 * when its buffers reach it, they go to a segment file that no manifest
 * names until td_writer_commit() (several such flushes still commit as one
 * batch, atomically). Merges build their segments within it too. Default
 * TD_WRITER_MEMORY; at least TD_WRITER_MEMORY_MIN is used. */
#define TD_WRITER_MEMORY ((size_t)256 << 20)
#define TD_WRITER_MEMORY_MIN ((size_t)64 << 10)
void td_writer_set_memory(td_writer *w, size_t bytes);
/* Threads a segment's writing may use (default 1; tagdex-ingest gives
 * its -j): the same files, written sooner on idle cores. */
void td_writer_set_threads(td_writer *w, int n);

/* Adds the live documents of the committed state of index dir (a shard
 * built apart) to this one, after those committed: its segment files are
 * hard-linked in (copied across file systems), not rebuilt, and become
 * visible at the next td_writer_commit(); td_writer_merge() then makes
 * one segment of all. Documents added and not committed yet: TD_EUSAGE.
 * A source or a document id that this index or the documents added
 * already hold: TD_EUSAGE naming both directories, with nothing changed
 * (combined, a document would count twice). The errors of td_index_open()
 * on dir, TD_EIO, TD_EINTR (the interrupt flag). On any error the writer
 * must be closed without a commit. */
int td_writer_add_index(td_writer *w, const char *dir);
/* Makes everything added so far visible atomically. */
int td_writer_commit(td_writer *w);
/* Merges segments into one (also done on commit past a threshold). */
int td_writer_merge(td_writer *w);
/* Lets the caller stop a commit or a merge (a program sets *flag from its
 * SIGINT/SIGTERM handler; the library installs none). Once *flag is
 * non-zero, td_writer_commit() and td_writer_merge() give up before the
 * new manifest is written: TD_EINTR, the index exactly as it was, the
 * new segment file removed. From the manifest write on, a commit runs to
 * its end. A merge that a commit starts (past the threshold) and that is
 * stopped leaves the commit standing: td_writer_commit() returns 0. The
 * flag is the caller's and must outlive the writer; NULL: no stopping. */
void td_writer_set_interrupt(td_writer *w, const volatile sig_atomic_t *flag);
/* Releases the lock; uncommitted work is discarded. */
void td_writer_close(td_writer *w);

/* Verifies every file and checksum of the index; the message names the
 * first problem. Files that no committed manifest names (left by a killed
 * writer; the next writer removes them) are reported through td_warn(). */
int td_index_check(const char *dir);
/* The same, keeping at most about bytes (at least TD_WRITER_MEMORY_MIN;
 * td_index_check: TD_WRITER_MEMORY) of the index's pages resident: past
 * that, what was read is let go (and read again if needed). With flags
 * TD_CHECK_IDS it also refuses an id live twice (td_index_check_ids), in
 * the same reading of the keys as its check of sources. */
enum { TD_CHECK_IDS = 1 };
int td_index_check_memory(const char *dir, size_t bytes, int flags);

/* TD_ECORRUPT, naming DIR/MANIFEST, the id and both segments, when two
 * live documents of ix (NULL: none) have one id or one source (0 when
 * none). The ids tagdex-ingest gives are unique in an index (a moved file
 * keeps its id under the new source, the old one deleted), so for its
 * indexes this is a manifest that lost a "del" line; the library's writer
 * does not require unique ids (a source added under a second name keeps
 * its id under both until pruned), so td_index_check does not ask it.
 * Reads each live document's id and source (about 1 us a document; an
 * index of one segment is not read). */
int td_index_check_ids(td_index *ix);

/* Rebuilds a lost or damaged MANIFEST from the segment files that pass
 * every check (under the writer lock). Each segment that cannot be kept is
 * reported through td_warn() and left for the next writer to remove. A
 * source found in several segments keeps its document from the newest;
 * documents removed (--prune) after a kept segment was written come back.
 * *kept and *dropped count segments, *ndocs the live documents. */
int td_index_recover(
        const char *dir, size_t *kept, size_t *dropped, uint64_t *ndocs);
/* td_index_recover; with TD_RECOVER_IDS an id found in several segments
 * keeps its newest document too (tagdex-ingest's indexes, whose ids are
 * unique: a moved file's old document whose deletion was lost). */
#define TD_RECOVER_IDS 1u
int td_index_recover_flags(const char *dir, unsigned flags, size_t *kept,
        size_t *dropped, uint64_t *ndocs);

#ifdef __cplusplus
}
#endif
#endif
