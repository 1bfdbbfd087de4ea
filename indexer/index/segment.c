/* segment.c: reads one immutable segment file through a read-only mapping.
 * The header and the block checksum table are checked at open; every other
 * byte is checked per 4 KiB block the first time a call touches it, so a
 * damaged block gives TD_ECORRUPT and never reaches the caller. The mapping
 * stays valid even after a writer unlinks the file. This file opens and
 * closes it and reads documents; the lexicon, the spans and the documents
 * rebuilt for a merge are segment_*.c (segment_int.h). */
#include "config.h"
#include "segment_int.h"
#include "buf.h"
#include "checksum.h"
#include "idcode.h"
#include "error.h"
#include "index.h"
#include "postings.h"
#include "segformat.h"
#include "segment.h"
#include "tagdex.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The mapped segments, for the SIGBUS handler: a file truncated (or an I/O
 * error) under a reader faults on access; the handler names the file. */
#define MAPS 1024
static struct {
	const uint8_t *map;
	size_t size;
	const char *path;
} maps[MAPS];

static void map_note(const td_seg *s, int add)
{
	for (int i = 0; i < MAPS; i++) {
		const uint8_t *want = add ? NULL : s->map;
		if (add) {
			/* claim the slot: a size of 0 matches no address yet */
			if (!__atomic_compare_exchange_n(&maps[i].map, &want,
			            (const uint8_t *)s->map, 0,
			            __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
				continue;
			__atomic_store_n(&maps[i].size, 0, __ATOMIC_RELEASE);
			maps[i].size = s->size;
			maps[i].path = s->path;
		} else {
			if (__atomic_load_n(&maps[i].map, __ATOMIC_ACQUIRE) !=
			        want)
				continue;
			__atomic_store_n(&maps[i].map, NULL, __ATOMIC_RELEASE);
		}
		return;
	}
}

const char *td_index_map_path(const void *addr)
{
	for (int i = 0; i < MAPS; i++) {
		const uint8_t *m =
		        __atomic_load_n(&maps[i].map, __ATOMIC_ACQUIRE);
		if (m && (const uint8_t *)addr >= m &&
		        (const uint8_t *)addr < m + maps[i].size)
			return maps[i].path;
	}
	return NULL;
}

/* Records damage: the message, and the first one in the segment, which
 * stays until close (td_seg_damaged), so a caller that takes a failed
 * lookup for "absent" cannot turn damage into a wrong answer. */
static int bad(td_seg *s, const char *what)
{
	int rc = td_error(TD_ECORRUPT,
	        "%s: %s (index is damaged; "
	        "tagdex-ingest --check lists the damage; index the sources "
	        "again into a new index directory)",
	        s->path, what);
	if (!s->damage)
		s->damage = strdup(td_error_last());
	s->damaged = 1;
	return rc;
}

int td_seg_mark_damaged(td_seg *s, const char *what)
{
	return bad(s, what);
}

int td_seg_damaged(const td_seg *s)
{
	if (!s->damaged)
		return 0;
	return td_error(TD_ECORRUPT, "%s",
	        s->damage ? s->damage
	                  : "index is damaged (out of memory for the message)");
}

/* The lexicon of layer holds its blocks' headers and directory (format
 * 17: the blocks' lengths are checked when read) */
static int lex_fits(const td_seg *s, int layer)
{
	uint64_t len = s->hdr.sec_len[td_sec_lex(layer)];
	return s->hdr.lexsize[layer]
	               ? len >= td_lex_min_len(s->hdr.lexsize[layer])
	               : len == 0;
}

/* The lexicon and the packed ids of layer (lemma, pos) match the header
 * (lemma bits 0: the lemma per word and pos id, whose pairs are checked
 * when read). */
static int layer_ids_fit(const td_seg *s, int layer)
{
	if (s->hdr.flags & TD_SEGF_NO_LAYERS)
		return s->hdr.lexsize[layer] == 0 &&
		       s->hdr.sec_len[td_sec_lex(layer)] == 0 &&
		       s->hdr.sec_len[td_sec_ids(layer)] == 0;
	uint32_t bits = s->hdr.lbits[layer - TD_LAYER_LEMMA];
	if (layer == TD_LAYER_LEMMA && bits == 0)
		return lex_fits(s, layer) &&
		       s->hdr.sec_len[TD_SEC_IDS2] >=
		               (uint64_t)s->hdr.lexsize[TD_LAYER_WORD] * 4;
	/* IDS3: the pos id of each rank of IDS (format 15) */
	uint64_t n = layer == TD_LAYER_POS ? s->hdr.id_ranks : s->hdr.ntokens;
	return lex_fits(s, layer) && bits >= 1 && bits <= 32 &&
	       s->hdr.sec_len[td_sec_ids(layer)] >= (n * bits + 7) / 8 + 8;
}

/* IDS holds its directory and at least a block's selectors a block
 * before it, and its tiers hold every rank (idcode.h): a pair of word and
 * pos, at least one a word, or one a word without the layers; sets
 * idc_dir and idc_base. */
static int ids_fit(td_seg *s)
{
	if (s->hdr.id_ranks < s->hdr.lexsize[0] ||
	        s->hdr.id_ranks > s->hdr.ntokens ||
	        ((s->hdr.flags & TD_SEGF_NO_LAYERS) &&
	                s->hdr.id_ranks != s->hdr.lexsize[0]))
		return 0;
	uint64_t dir = td_idc_dir_len(
	                 s->hdr.ntokens, s->hdr.id_ranks, s->hdr.id_bits),
	         nb = ((uint64_t)s->hdr.ntokens + TD_IDC_BLOCK - 1) /
	              TD_IDC_BLOCK,
	         len = s->hdr.sec_len[TD_SEC_IDS];
	if (td_idc_bases(s->hdr.id_tier, s->hdr.id_ranks, s->idc_base) ||
	        len < dir + 8 + nb * TD_IDC_SEL)
		return 0;
	s->idc_dir = len - dir;
	s->idc_rdir = s->idc_dir + (nb + TD_IDC_GROUP - 1) / TD_IDC_GROUP * 8 +
	              nb * 2;
	td_idc_coef(s->hdr.id_tier, s->idc_coef);
	return 1;
}

int td_seg_open(const char *path, td_seg **out)
{
	int rc = 0;
	struct stat st;
	*out = NULL;
	td_seg *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		return td_error(TD_ENOMEM, "out of memory");
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		rc = td_error(errno == ENOENT ? TD_ECORRUPT : TD_EIO, "%s: %s",
		        path, strerror(errno));
		goto fail;
	}
	if (fstat(fd, &st)) {
		rc = td_error(TD_EIO, "%s: %s", path, strerror(errno));
		close(fd);
		goto fail;
	}
	s->size = (size_t)st.st_size;
	if (s->size < TD_SEG_HDR) {
		close(fd);
		rc = bad(s, "file too short");
		goto fail;
	}
	void *m = mmap(NULL, s->size, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (m == MAP_FAILED) {
		rc = td_error(TD_EIO, "%s: mmap: %s", path, strerror(errno));
		goto fail;
	}
	s->map = m;
	map_note(s, 1);
	memcpy(&s->hdr, s->map, sizeof s->hdr);
	if (memcmp(s->hdr.magic, TD_SEG_MAGIC, 8)) {
		rc = bad(s, "not a tagdex segment");
		goto fail;
	}
	uint8_t hb[TD_SEG_HDR];
	td_seghdr h = s->hdr;
	h.hdr_crc = 0;
	memcpy(hb, s->map, TD_SEG_HDR);
	memcpy(hb, &h, sizeof h);
	if (td_crc32c(0, hb, TD_SEG_HDR) != s->hdr.hdr_crc) {
		rc = bad(s, "header checksum mismatch");
		goto fail;
	}
	if (s->hdr.format != TD_INDEX_FORMAT) {
		rc = td_error(TD_EVERSION,
		        "%s: index format %u, this tagdex "
		        "reads format %d; index the sources again into a new "
		        "index directory (tagdex-ingest -x NEW_DIR FILE...)",
		        path, s->hdr.format, TD_INDEX_FORMAT);
		goto fail;
	}
	uint64_t body = s->hdr.crc_off - TD_SEG_HDR;
	if (s->hdr.file_size != s->size || s->hdr.crc_off < TD_SEG_HDR ||
	        s->hdr.crc_off + (uint64_t)s->hdr.nblocks * 4 != s->size ||
	        (body + TD_SEG_BLOCK - 1) / TD_SEG_BLOCK != s->hdr.nblocks) {
		rc = bad(s, "file size does not match its header");
		goto fail;
	}
	s->crcs = (const uint32_t *)(s->map + s->hdr.crc_off);
	if (td_crc32c(0, s->crcs, (size_t)s->hdr.nblocks * 4) !=
	        s->hdr.crc_crc) {
		rc = bad(s, "checksum table mismatch");
		goto fail;
	}
	for (int i = 0; i < TD_NSEC; i++)
		if (s->hdr.sec_off[i] < TD_SEG_HDR ||
		        s->hdr.sec_off[i] + s->hdr.sec_len[i] >
		                s->hdr.crc_off ||
		        s->hdr.sec_off[i] + s->hdr.sec_len[i] <
		                s->hdr.sec_off[i]) {
			rc = bad(s, "section outside the file");
			goto fail;
		}
	if (s->hdr.sec_len[TD_SEC_DOCS] !=
	                (uint64_t)s->hdr.ndocs * sizeof(td_segdoc) ||
	        !lex_fits(s, TD_LAYER_WORD) || !lex_fits(s, TD_LAYER_NORM) ||
	        s->hdr.sec_len[TD_SEC_W2N] !=
	                td_w2n_len(s->hdr.lexsize[0], s->hdr.lexsize[1]) ||
	        s->hdr.sec_len[TD_SEC_SPNAMES] !=
	                (uint64_t)s->hdr.nspnames * sizeof(td_segspname) ||
	        s->hdr.id_bits < 1 || s->hdr.id_bits > 32 || !ids_fit(s) ||
	        !layer_ids_fit(s, TD_LAYER_LEMMA) ||
	        !layer_ids_fit(s, TD_LAYER_POS)) {
		rc = bad(s, "inconsistent section sizes");
		goto fail;
	}
	s->state = calloc((size_t)s->hdr.nblocks + 1, 1);
	s->deleted = calloc((size_t)s->hdr.ndocs + 1, 1);
	if (!s->state || !s->deleted) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto fail;
	}
	/* the element names now (a few dozen entries, one block): loaded on
	 * first use, a failed allocation read as "no such element" or as
	 * damage */
	if ((rc = td_seg_load_spnames(s)))
		goto fail;
	*out = s;
	return 0;
fail:
	td_seg_close(s);
	return rc;
}

void td_seg_close(td_seg *s)
{
	if (!s)
		return;
	if (s->map) {
		map_note(s, 0);
		munmap((void *)s->map, s->size);
	}
	td_tokens_clear(&s->cache);
	while (s->arena) {
		char *next;
		memcpy(&next, s->arena, sizeof next);
		free(s->arena);
		s->arena = next;
	}
	free(s->av_key);
	free(s->av_val);
	for (int l = 0; l < TD_NLAYERS; l++) {
		uint64_t nb =
		        ((uint64_t)s->hdr.lexsize[l] + TD_LSTR_BLOCK - 1) /
		        TD_LSTR_BLOCK;
		for (uint64_t b = 0; s->lstr_blk[l] && b < nb; b++)
			free(s->lstr_blk[l][b]);
		free(s->lstr_blk[l]);
	}
	for (int i = 0; i < TD_SEG_TEXTS; i++)
		free(s->texts[i]);
	free(s->spn);
	free(s->state);
	free(s->deleted);
	free(s->damage);
	free(s->path);
	free(s);
}

int64_t td_seg_bsearch(td_seg *s, uint32_t n, const void *key,
        int (*cmp)(td_seg *s, uint32_t i, const void *key, int *c))
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c;
		if (cmp(s, mid, key, &c))
			return TD_ECORRUPT;
		if (!c)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return TD_ENOTFOUND;
}

static int check_block(td_seg *s, uint32_t b)
{
	uint8_t st = __atomic_load_n(&s->state[b], __ATOMIC_RELAXED);
	if (st == 1)
		return 0;
	if (st == 0) {
		uint64_t off = TD_SEG_HDR + (uint64_t)b * TD_SEG_BLOCK;
		uint64_t len = s->hdr.crc_off - off;
		if (len > TD_SEG_BLOCK)
			len = TD_SEG_BLOCK;
		st = td_crc32c(0, s->map + off, len) == s->crcs[b] ? 1 : 2;
		__atomic_store_n(&s->state[b], st, __ATOMIC_RELAXED);
	}
	if (st == 2) {
		char what[64];
		snprintf(what, sizeof what, "checksum mismatch in block %u", b);
		return bad(s, what);
	}
	return 0;
}

const uint8_t *td_seg_sec(td_seg *s, int sec, uint64_t off, uint64_t len)
{
	if (off > s->hdr.sec_len[sec] || len > s->hdr.sec_len[sec] - off) {
		bad(s, "reference outside its section");
		return NULL;
	}
	uint64_t a = s->hdr.sec_off[sec] + off;
	if (len) {
		uint32_t b0 = (uint32_t)((a - TD_SEG_HDR) / TD_SEG_BLOCK);
		uint32_t b1 =
		        (uint32_t)((a + len - 1 - TD_SEG_HDR) / TD_SEG_BLOCK);
		/* the common case: one block, already checked */
		if (b0 == b1 &&
		        __atomic_load_n(&s->state[b0], __ATOMIC_RELAXED) == 1)
			return s->map + a;
		for (uint32_t b = b0; b <= b1; b++)
			if (check_block(s, b))
				return NULL;
	}
	return s->map + a;
}

int td_seg_verify(td_seg *s)
{
	for (uint32_t b = 0; b < s->hdr.nblocks; b++) {
		__atomic_store_n(&s->state[b], 0, __ATOMIC_RELAXED);
		int rc = check_block(s, b);
		if (rc)
			return rc;
		/* the pages are read once: kept, they were the whole file */
		if (b % TD_VERIFY_TRIM == TD_VERIFY_TRIM - 1)
			madvise((void *)s->map, s->size, MADV_DONTNEED);
	}
	return 0;
}

int td_seg_set_deleted(td_seg *s, const uint32_t *del, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		if (del[i] >= s->hdr.ndocs)
			return bad(s, "manifest deletes a document the segment "
			              "lacks");
		if (!s->deleted[del[i]]) {
			s->deleted[del[i]] = 1;
			s->ndeleted++;
		}
	}
	return 0;
}

int td_seg_doc_live(const td_seg *s, uint32_t d)
{
	return d < s->hdr.ndocs && !s->deleted[d];
}

uint32_t td_seg_ntokens(const td_seg *s)
{
	return s->hdr.ntokens;
}
uint32_t td_seg_ndocs(const td_seg *s)
{
	return s->hdr.ndocs;
}

int td_seg_doc_rec(td_seg *s, uint32_t d, td_segdoc *out)
{
	if (d >= s->hdr.ndocs)
		return td_error(TD_EUSAGE, "no document %u in segment", d);
	const uint8_t *p = td_seg_sec(
	        s, TD_SEC_DOCS, (uint64_t)d * sizeof *out, sizeof *out);
	if (!p)
		return TD_ECORRUPT;
	memcpy(out, p, sizeof *out);
	if (out->text_off > s->hdr.sec_len[TD_SEC_TEXT] ||
	        (uint64_t)out->first_tok + out->ntok > s->hdr.ntokens ||
	        out->kv_off > s->hdr.sec_len[TD_SEC_DOCSTR])
		return bad(s, "bad document record");
	return 0;
}

const char *td_seg_cstr(td_seg *s, int sec, uint64_t off, const char *what)
{
	uint64_t len = s->hdr.sec_len[sec];
	if (off >= len) {
		td_seg_mark_damaged(s, what);
		return NULL;
	}
	/* the common case: the string ends in its block, already checked */
	uint64_t a0 = s->hdr.sec_off[sec] + off;
	uint64_t n0 = TD_SEG_BLOCK - (a0 - TD_SEG_HDR) % TD_SEG_BLOCK;
	if (n0 > len - off)
		n0 = len - off;
	if (__atomic_load_n(&s->state[(a0 - TD_SEG_HDR) / TD_SEG_BLOCK],
	            __ATOMIC_RELAXED) == 1 &&
	        memchr(s->map + a0, '\0', n0))
		return (const char *)s->map + a0;
	/* check blocks up to the terminating NUL, one block at a time */
	uint64_t i = off;
	for (;;) {
		/* up to the end of the checksum block holding byte i */
		uint64_t a = s->hdr.sec_off[sec] + i;
		uint64_t n = TD_SEG_BLOCK - (a - TD_SEG_HDR) % TD_SEG_BLOCK;
		if (n > len - i)
			n = len - i;
		const char *p = (const char *)td_seg_sec(s, sec, i, n);
		if (!p)
			return NULL;
		if (memchr(p, '\0', n))
			return (const char *)s->map + s->hdr.sec_off[sec] + off;
		if ((i += n) >= len) {
			td_seg_mark_damaged(s, what);
			return NULL;
		}
	}
}

/* Calls back for each metadata pair of doc d (DOCSTR: a key code and a
 * DOCPOOL offset per pair) whose key code's bit is set in want; stops
 * when fn returns != 0. The others' strings are not read: a document's
 * record is read for a field or two (a --freq genre reads every hit's
 * document's genre), and most of its pairs are actors. */
static int each_kv(td_seg *s, uint32_t d, uint32_t want,
        int (*fn)(void *ctx, const char *k, const char *v), void *ctx)
{
	td_segdoc r;
	int rc = td_seg_doc_rec(s, d, &r);
	if (rc)
		return rc;
	/* the pairs end where the next document's begin, or at the section
	 * end */
	uint64_t end = s->hdr.sec_len[TD_SEC_DOCSTR];
	if (d + 1 < s->hdr.ndocs) {
		td_segdoc n;
		if ((rc = td_seg_doc_rec(s, d + 1, &n)))
			return rc;
		end = n.kv_off;
	}
	if (end < r.kv_off)
		return bad(s, "bad document metadata");
	const uint8_t *p =
	        td_seg_sec(s, TD_SEC_DOCSTR, r.kv_off, end - r.kv_off);
	if (!p)
		return TD_ECORRUPT;
	const uint8_t *e = p + (end - r.kv_off);
	for (uint32_t i = 0; i < r.kv_n; i++) {
		uint64_t off;
		if (p >= e || *p > TD_KV_ACTOR)
			return bad(s, "bad document metadata");
		const char *k =
		        *p == TD_KV_ACTOR ? "actor" : td_metakeys[*p].key;
		uint32_t bit = 1u << *p;
		p++;
		if (td_varint_get(&p, e, &off))
			return bad(s, "bad document metadata");
		if (!(want & bit))
			continue;
		const char *v = td_seg_cstr(
		        s, TD_SEC_DOCPOOL, off, "bad document metadata");
		if (!v)
			return TD_ECORRUPT;
		if ((rc = fn(ctx, k, v)))
			return rc > 0 ? 0 : rc;
	}
	return 0;
}

int td_seg_each_kv(td_seg *s, uint32_t d,
        int (*fn)(void *ctx, const char *k, const char *v), void *ctx)
{
	return each_kv(s, d, UINT32_MAX, fn, ctx);
}

/* the bit of key k's code in a want mask of each_kv (0: no such key) */
static uint32_t key_bit(const char *k)
{
	const td_metakey *mk = td_metakey_find(k);
	return mk                    ? 1u << (mk - td_metakeys)
	       : !strcmp(k, "actor") ? 1u << TD_KV_ACTOR
	                             : 0;
}

/* the key codes of the fields of a td_docinfo */
static uint32_t info_keys(void)
{
	uint32_t m = 0;
	for (unsigned i = 0; i < TD_NMETAKEYS; i++)
		if (td_metakeys[i].info != TD_MK_NOINFO)
			m |= 1u << i;
	return m;
}

static int fill_info(void *ctx, const char *k, const char *v)
{
	const td_metakey *mk = td_metakey_find(k);
	if (mk && mk->info != TD_MK_NOINFO)
		*(const char **)((char *)ctx + mk->info) = v;
	return 0;
}

int td_seg_doc_range(td_seg *s, uint32_t d, uint32_t *first_tok, uint32_t *ntok)
{
	td_segdoc r;
	int rc = td_seg_doc_rec(s, d, &r);
	if (rc)
		return rc;
	*first_tok = r.first_tok;
	*ntok = r.ntok;
	return 0;
}

int td_seg_doc(td_seg *s, uint32_t d, td_docinfo *out)
{
	td_segdoc r;
	memset(out, 0, sizeof *out);
	int rc = td_seg_doc_rec(s, d, &r);
	if (rc)
		return rc;
	out->first_tok = r.first_tok;
	out->ntok = r.ntok;
	out->live = !s->deleted[d];
	return each_kv(s, d, info_keys(), fill_info, out);
}

struct doc_keys {
	const char *id, *source;
};

static int doc_keys(void *ctx, const char *k, const char *v)
{
	struct doc_keys *x = ctx;
	if (!strcmp(k, "id"))
		x->id = v;
	else if (!strcmp(k, "source"))
		x->source = v;
	return x->id && x->source; /* both found: stop */
}

int td_seg_doc_keys(td_seg *s, uint32_t d, const char **id, const char **source)
{
	struct doc_keys x = {NULL, NULL};
	int rc = each_kv(s, d, key_bit("id") | key_bit("source"), doc_keys, &x);
	*id = x.id;
	*source = x.source;
	return rc;
}

struct find_kv {
	const char *key, *val;
};

static int find_kv(void *ctx, const char *k, const char *v)
{
	struct find_kv *f = ctx;
	if (strcmp(k, f->key))
		return 0;
	f->val = v;
	return 1;
}

const char *td_seg_doc_meta(td_seg *s, uint32_t d, const char *key)
{
	struct find_kv f = {key, NULL};
	uint32_t want = key_bit(key);
	if (!want || each_kv(s, d, want, find_kv, &f))
		return NULL;
	return f.val;
}

uint32_t td_seg_doc_at(td_seg *s, uint32_t pos)
{
	uint32_t lo = 0, hi = s->hdr.ndocs;
	/* the last document whose first_tok <= pos and which holds tokens */
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		td_segdoc r;
		if (td_seg_doc_rec(s, mid, &r))
			return UINT32_MAX;
		if (r.first_tok <= pos)
			lo = mid;
		else
			hi = mid;
	}
	/* documents without tokens share first_tok with the next one */
	while (lo + 1 < s->hdr.ndocs) {
		td_segdoc r;
		if (td_seg_doc_rec(s, lo, &r))
			return UINT32_MAX;
		if (pos < r.first_tok + r.ntok)
			break;
		lo++;
	}
	return lo;
}

/* A document's gaps in TEXT: ntok + 1 codes of 2 bits (TD_GAP_*), then
 * the exceptions' GSTR offsets and lengths (varints), in order. */
typedef struct gaps {
	const uint8_t *codes, *x, *xend;
} gaps;

static int gaps_open(td_seg *s, uint32_t d, const td_segdoc *r, gaps *g)
{
	uint64_t end = s->hdr.sec_len[TD_SEC_TEXT];
	if (d + 1 < s->hdr.ndocs) {
		td_segdoc n;
		int rc = td_seg_doc_rec(s, d + 1, &n);
		if (rc)
			return rc;
		end = n.text_off;
	}
	uint64_t ncodes = ((uint64_t)r->ntok + 1 + 3) / 4;
	if (end < r->text_off || end - r->text_off < ncodes)
		return bad(s, "bad document text");
	g->codes = td_seg_sec(s, TD_SEC_TEXT, r->text_off, end - r->text_off);
	if (!g->codes)
		return TD_ECORRUPT;
	g->x = g->codes + ncodes;
	g->xend = g->codes + (end - r->text_off);
	return 0;
}

static unsigned gap_code_at(const uint8_t *codes, uint32_t i)
{
	return (codes[i / 4] >> (i % 4 * 2)) & 3;
}

static unsigned gap_code(const gaps *g, uint32_t i)
{
	return gap_code_at(g->codes, i);
}

/* Gap i's string (*str may be NULL when *len is 0); an exception is read
 * from g->x, so the gaps with exceptions are taken in order. */
static int gap_str(
        td_seg *s, gaps *g, uint32_t i, const char **str, size_t *len)
{
	*str = NULL;
	*len = 0;
	switch (gap_code(g, i)) {
	case TD_GAP_NONE:
		return 0;
	case TD_GAP_SPACE:
		*str = " ", *len = 1;
		return 0;
	case TD_GAP_PARA:
		*str = "\n\n", *len = 2;
		return 0;
	}
	uint64_t off, l, glen = s->hdr.sec_len[TD_SEC_GSTR];
	if (td_varint_get(&g->x, g->xend, &off) ||
	        td_varint_get(&g->x, g->xend, &l) || off > glen ||
	        l > glen - off)
		return bad(s, "bad document text");
	if (l && !(*str = (const char *)td_seg_sec(s, TD_SEC_GSTR, off, l)))
		return TD_ECORRUPT;
	*len = (size_t)l;
	return 0;
}

/* Here, not in segment_lexicon.c: the text rebuilds below call it once a
 * token, and inline it. */
const char *td_seg_term_at(td_seg *s, int layer, uint32_t pos, size_t *len)
{
	uint32_t id = td_seg_id_at(s, layer, pos);
	if (id == UINT32_MAX) { /* the error is recorded */
		s->term_rc = TD_ECORRUPT;
		return NULL;
	}
	return td_seg_lex_term(s, layer, id, len);
}

/* Rebuilds document d's text into buf (r->text_len bytes): the gaps of
 * TEXT interleaved with the word terms of its positions. */
static int rebuild_text(td_seg *s, uint32_t d, const td_segdoc *r, char *buf)
{
	gaps g;
	int rc = gaps_open(s, d, r, &g);
	if (rc)
		return rc;
	size_t k = 0;
	for (uint32_t i = 0; i <= r->ntok; i++) {
		const char *str;
		size_t gl;
		if ((rc = gap_str(s, &g, i, &str, &gl)))
			return rc;
		if (gl > r->text_len - k)
			return bad(s, "bad document text");
		if (gl) /* an empty gap has no string (str may be NULL) */
			memcpy(buf + k, str, gl);
		k += gl;
		if (i == r->ntok)
			break;
		size_t tl;
		const char *t =
		        td_seg_term_at(s, TD_LAYER_WORD, r->first_tok + i, &tl);
		if (!t)
			return td_seg_term_err(s);
		if (tl > r->text_len - k)
			return bad(s, "bad document text");
		memcpy(buf + k, t, tl);
		k += tl;
	}
	if (k != r->text_len)
		return bad(s, "document text does not match its length");
	return 0;
}

/* The number of codes TD_GAP_OTHER of gaps [i, j) of codes. */
static uint64_t count_other(const uint8_t *codes, uint32_t i, uint32_t j)
{
	uint64_t n = 0;
	for (; i < j && i % 4; i++)
		n += gap_code_at(codes, i) == TD_GAP_OTHER;
	/* 32 codes (8 bytes) at a time: a bit per code OTHER (both bits
	 * set), counted */
	for (; i + 32 <= j; i += 32) {
		uint64_t w;
		memcpy(&w, codes + i / 4, 8);
		w &= w >> 1;
		w &= 0x5555555555555555u;
		w = (w & 0x3333333333333333u) +
		    ((w >> 2) & 0x3333333333333333u);
		w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0fu;
		n += (w * 0x0101010101010101u) >> 56;
	}
	for (; i < j; i++)
		n += gap_code_at(codes, i) == TD_GAP_OTHER;
	return n;
}

/* Moves c->x to the exception of the first gap OTHER at or after gap i:
 * past (or back over) two varints a gap OTHER between c->gi and i. */
static int textcur_seek(td_seg *s, td_textcur *c, uint32_t i)
{
	if (i >= c->gi) {
		for (uint64_t v = 2 * count_other(c->codes, c->gi, i); v;
		        c->x++) {
			if (c->x == c->xend)
				return bad(s, "bad document text");
			v -= !(*c->x & 0x80);
		}
	} else {
		/* a varint ends at its one byte below 0x80 */
		const uint8_t *x0 = c->codes + ((uint64_t)c->ntok + 1 + 3) / 4;
		for (uint64_t v = 2 * count_other(c->codes, i, c->gi); v; v--) {
			if (c->x == x0)
				return bad(s, "bad document text");
			c->x--;
			while (c->x > x0 && (c->x[-1] & 0x80))
				c->x--;
		}
	}
	c->gi = i;
	return 0;
}

int td_seg_text_append(td_textcur *c, td_seg *s, uint32_t d, uint32_t a,
        uint32_t b, td_buf *out)
{
	int rc;
	if (c->s != s || c->d != d) {
		td_segdoc r;
		gaps g;
		c->s = NULL;
		if ((rc = td_seg_doc_rec(s, d, &r)) ||
		        (rc = gaps_open(s, d, &r, &g)))
			return rc;
		*c = (td_textcur){s, d, r.first_tok, r.ntok, r.text_len,
		        g.codes, g.x, g.xend, 0};
	}
	if (a >= b || a < c->first || b - c->first > c->ntok)
		return td_error(TD_EUSAGE,
		        "token range %u..%u is not inside one document", a, b);
	uint32_t i0 = a - c->first, i1 = b - c->first;
	gaps g = {c->codes, NULL, c->xend};
	/* past the exceptions of the gaps up to and including gap i0, the
	 * one before token i0, outside the range */
	if ((rc = textcur_seek(s, c, i0 + 1)))
		return rc;
	g.x = c->x;
	size_t n0 = out->n;
	for (uint32_t i = i0; i < i1 && rc == 0; i++) {
		size_t tl, gl;
		const char *t = td_seg_term_at(
		                   s, TD_LAYER_WORD, c->first + i, &tl),
		           *str;
		if (!t) {
			rc = td_seg_term_err(s);
			break;
		}
		td_buf_add(out, t, tl);
		if (i + 1 < i1 &&
		        (rc = gap_str(s, &g, i + 1, &str, &gl)) == 0 && gl)
			td_buf_add(out, str, gl);
	}
	c->x = g.x; /* the gaps up to i1 - 1 read */
	c->gi = i1 > i0 + 1 ? i1 : i0 + 1;
	if (rc == 0 && out->n - n0 > c->text_len)
		rc = bad(s, "document text longer than its length");
	if (rc == 0 && out->oom)
		rc = td_error(TD_ENOMEM, "out of memory");
	if (rc) {
		c->s = NULL; /* read again from the start */
		if (out->s) {
			out->n = n0;
			out->s[n0] = '\0';
		}
	}
	return rc;
}

int td_seg_text_range(
        td_seg *s, uint32_t a, uint32_t b, char **text, size_t *len)
{
	*text = NULL;
	*len = 0;
	if (a >= b || b > s->hdr.ntokens)
		return td_error(
		        TD_EUSAGE, "token range %u..%u outside segment", a, b);
	uint32_t d = td_seg_doc_at(s, a);
	if (d == UINT32_MAX)
		return TD_ECORRUPT;
	td_textcur c = {0};
	td_buf o = {0};
	int rc = td_seg_text_append(&c, s, d, a, b, &o);
	if (rc == 0 && (td_buf_add(&o, "", 0) < 0 || o.oom))
		rc = td_error(TD_ENOMEM, "out of memory");
	if (rc) {
		td_buf_clear(&o);
		return rc;
	}
	*text = o.s;
	*len = o.n;
	return 0;
}

int td_seg_doc_text(td_seg *s, uint32_t d, const char **text, size_t *len)
{
	td_segdoc r;
	int rc = td_seg_doc_rec(s, d, &r);
	if (rc)
		return rc;
	for (int i = 0; i < TD_SEG_TEXTS; i++)
		if (s->texts[i] && s->text_doc[i] == d) {
			*text = s->texts[i];
			*len = r.text_len;
			return 0;
		}
	char *buf = malloc((size_t)r.text_len + 1);
	if (!buf)
		return td_error(TD_ENOMEM, "out of memory");
	if ((rc = rebuild_text(s, d, &r, buf))) {
		free(buf);
		return rc;
	}
	buf[r.text_len] = '\0';
	uint32_t slot = s->text_next++ % TD_SEG_TEXTS;
	free(s->texts[slot]);
	s->texts[slot] = buf;
	s->text_doc[slot] = d;
	*text = buf;
	*len = r.text_len;
	return 0;
}

/* Tokenises doc d into the segment's one-document cache. */
int td_seg_doc_tokens(td_seg *s, uint32_t d, td_segdoc *r)
{
	int rc = td_seg_doc_rec(s, d, r);
	if (rc)
		return rc;
	if (s->has_cache && s->cache_doc == d)
		return 0;
	const char *t;
	size_t len;
	if ((rc = td_seg_doc_text(s, d, &t, &len)))
		return rc;
	s->has_cache = 0;
	s->cache.n = 0;
	if ((rc = td_tokenize(t, len, 0, &s->cache)))
		return rc;
	if (s->cache.n != r->ntok)
		return bad(s, "document text does not match its token count");
	s->cache_doc = d;
	s->has_cache = 1;
	return 0;
}

int td_seg_tok_offsets(td_seg *s, uint32_t pos, uint32_t *start, uint32_t *end)
{
	if (pos >= s->hdr.ntokens)
		return td_error(TD_EUSAGE, "position %u outside segment", pos);
	uint32_t d = td_seg_doc_at(s, pos);
	if (d == UINT32_MAX)
		return TD_ECORRUPT;
	td_segdoc r;
	int rc = td_seg_doc_tokens(s, d, &r);
	if (rc)
		return rc;
	if (pos < r.first_tok || pos - r.first_tok >= r.ntok)
		return bad(s, "bad document record");
	*start = s->cache.v[pos - r.first_tok].start;
	*end = s->cache.v[pos - r.first_tok].end;
	return 0;
}
