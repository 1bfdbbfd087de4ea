/* segment.c: reads one immutable segment file through a read-only mapping.
 * The header and the block checksum table are checked at open; every other
 * byte is checked per 4 KiB block the first time a call touches it, so a
 * damaged block gives TD_ECORRUPT and never reaches the caller. The mapping
 * stays valid even after a writer unlinks the file. */
#include "config.h"
#include "index_int.h"

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
				    (const uint8_t *)s->map, 0, __ATOMIC_ACQ_REL,
				    __ATOMIC_ACQUIRE))
				continue;
			__atomic_store_n(&maps[i].size, 0, __ATOMIC_RELEASE);
			maps[i].size = s->size;
			maps[i].path = s->path;
		} else {
			if (__atomic_load_n(&maps[i].map, __ATOMIC_ACQUIRE) != want)
				continue;
			__atomic_store_n(&maps[i].map, NULL, __ATOMIC_RELEASE);
		}
		return;
	}
}

const char *td_index_map_path(const void *addr)
{
	for (int i = 0; i < MAPS; i++) {
		const uint8_t *m = __atomic_load_n(&maps[i].map, __ATOMIC_ACQUIRE);
		if (m && (const uint8_t *)addr >= m &&
			(const uint8_t *)addr < m + maps[i].size)
			return maps[i].path;
	}
	return NULL;
}

/* Records damage: the message, and the first one in the segment, which
 * stays until close (td_seg_damaged), so a caller that takes a failed
 * lookup for "absent" cannot turn damage into a wrong answer. */
static int load_spnames(td_seg *s);

static int bad(td_seg *s, const char *what)
{
	int rc = td_error(TD_ECORRUPT, "%s: %s (index is damaged; "
		"tagdex-ingest --check lists the damage; index the sources "
		"again into a new index directory)", s->path, what);
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
	return td_error(TD_ECORRUPT, "%s", s->damage ? s->damage :
		"index is damaged (out of memory for the message)");
}

/* The lexicon and the packed ids of layer (lemma, pos) match the header
 * (lemma bits 0: the lemma per word and pos id, whose pairs are checked
 * when read). */
static int layer_ids_fit(const td_seg *s, int layer)
{
	uint32_t bits = s->hdr.lbits[layer - TD_LAYER_LEMMA];
	if (layer == TD_LAYER_LEMMA && bits == 0)
		return s->hdr.sec_len[td_sec_lex(layer)] ==
				(uint64_t)s->hdr.lexsize[layer] * sizeof(td_seglex) &&
			s->hdr.sec_len[TD_SEC_IDS2] >=
				(uint64_t)s->hdr.lexsize[TD_LAYER_WORD] * 4;
	return s->hdr.sec_len[td_sec_lex(layer)] ==
			(uint64_t)s->hdr.lexsize[layer] * sizeof(td_seglex) &&
		bits >= 1 && bits <= 32 &&
		s->hdr.sec_len[td_sec_ids(layer)] >=
			((uint64_t)s->hdr.ntokens * bits + 7) / 8 + 8;
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
		rc = td_error(errno == ENOENT ? TD_ECORRUPT : TD_EIO,
			"%s: %s", path, strerror(errno));
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
		rc = td_error(TD_EVERSION, "%s: index format %u, this tagdex "
			"reads format %d; index the sources again into a new "
			"index directory",
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
	if (td_crc32c(0, s->crcs, (size_t)s->hdr.nblocks * 4) != s->hdr.crc_crc) {
		rc = bad(s, "checksum table mismatch");
		goto fail;
	}
	for (int i = 0; i < TD_NSEC; i++)
		if (s->hdr.sec_off[i] < TD_SEG_HDR ||
			s->hdr.sec_off[i] + s->hdr.sec_len[i] > s->hdr.crc_off ||
			s->hdr.sec_off[i] + s->hdr.sec_len[i] < s->hdr.sec_off[i]) {
			rc = bad(s, "section outside the file");
			goto fail;
		}
	if (s->hdr.sec_len[TD_SEC_DOCS] != (uint64_t)s->hdr.ndocs * sizeof(td_segdoc) ||
		s->hdr.sec_len[TD_SEC_LEX0] != (uint64_t)s->hdr.lexsize[0] * sizeof(td_seglex) ||
		s->hdr.sec_len[TD_SEC_LEX1] != (uint64_t)s->hdr.lexsize[1] * sizeof(td_seglex) ||
		s->hdr.sec_len[TD_SEC_W2N] != (uint64_t)s->hdr.lexsize[0] * 4 ||
		s->hdr.sec_len[TD_SEC_SPNAMES] != (uint64_t)s->hdr.nspnames * sizeof(td_segspname) ||
		s->hdr.id_bits < 1 || s->hdr.id_bits > 32 ||
		s->hdr.sec_len[TD_SEC_IDS] < ((uint64_t)s->hdr.ntokens * s->hdr.id_bits + 7) / 8 + 8 ||
		!layer_ids_fit(s, TD_LAYER_LEMMA) || !layer_ids_fit(s, TD_LAYER_POS)) {
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
	if ((rc = load_spnames(s)))
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
	td_tokens_free(&s->cache);
	while (s->arena) {
		char *next;
		memcpy(&next, s->arena, sizeof next);
		free(s->arena);
		s->arena = next;
	}
	free(s->av_key);
	free(s->av_val);
	for (int i = 0; i < TD_SEG_TEXTS; i++)
		free(s->texts[i]);
	free(s->spn);
	free(s->state);
	free(s->deleted);
	free(s->damage);
	free(s->path);
	free(s);
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
		uint32_t b1 = (uint32_t)((a + len - 1 - TD_SEG_HDR) / TD_SEG_BLOCK);
		/* the common case: one block, already checked */
		if (b0 == b1 && __atomic_load_n(&s->state[b0],
					__ATOMIC_RELAXED) == 1)
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
	}
	return 0;
}

int td_seg_set_deleted(td_seg *s, const uint32_t *del, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		if (del[i] >= s->hdr.ndocs)
			return bad(s, "manifest deletes a document the segment lacks");
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

uint32_t td_seg_ntokens(const td_seg *s) { return s->hdr.ntokens; }
uint32_t td_seg_ndocs(const td_seg *s) { return s->hdr.ndocs; }

static int get_doc(td_seg *s, uint32_t d, td_segdoc *out)
{
	if (d >= s->hdr.ndocs)
		return td_error(TD_EUSAGE, "no document %u in segment", d);
	const uint8_t *p = td_seg_sec(s, TD_SEC_DOCS, (uint64_t)d * sizeof *out,
		sizeof *out);
	if (!p)
		return TD_ECORRUPT;
	memcpy(out, p, sizeof *out);
	if (out->text_off > s->hdr.sec_len[TD_SEC_TEXT] ||
		(uint64_t)out->first_tok + out->ntok > s->hdr.ntokens ||
		out->kv_off > s->hdr.sec_len[TD_SEC_DOCSTR])
		return bad(s, "bad document record");
	return 0;
}

/* The i-th NUL-terminated string from *p within [.., end); NULL if none. */
static const char *next_str(const char **p, const char *end)
{
	const char *s = *p;
	if (s >= end)
		return NULL;
	const char *z = memchr(s, '\0', (size_t)(end - s));
	if (!z)
		return NULL;
	*p = z + 1;
	return s;
}

/* Calls back for each metadata pair of doc d; stops when fn returns != 0. */
static int each_kv(td_seg *s, uint32_t d,
	int (*fn)(void *ctx, const char *k, const char *v), void *ctx)
{
	td_segdoc r;
	int rc = get_doc(s, d, &r);
	if (rc)
		return rc;
	/* the pairs end where the next document's begin, or at the section end */
	uint64_t end = s->hdr.sec_len[TD_SEC_DOCSTR];
	if (d + 1 < s->hdr.ndocs) {
		td_segdoc n;
		if ((rc = get_doc(s, d + 1, &n)))
			return rc;
		end = n.kv_off;
	}
	if (end < r.kv_off)
		return bad(s, "bad document metadata");
	const char *p = (const char *)td_seg_sec(s, TD_SEC_DOCSTR, r.kv_off,
		end - r.kv_off);
	if (!p)
		return TD_ECORRUPT;
	const char *e = p + (end - r.kv_off);
	for (uint32_t i = 0; i < r.kv_n; i++) {
		const char *k = next_str(&p, e), *v = next_str(&p, e);
		if (!k || !v)
			return bad(s, "bad document metadata");
		if ((rc = fn(ctx, k, v)))
			return rc > 0 ? 0 : rc;
	}
	return 0;
}

static int fill_info(void *ctx, const char *k, const char *v)
{
	td_docinfo *o = ctx;
	if (!strcmp(k, "id"))
		o->id = v;
	else if (!strcmp(k, "title"))
		o->title = v;
	else if (!strcmp(k, "date"))
		o->date = v;
	else if (!strcmp(k, "genre"))
		o->genre = v;
	else if (!strcmp(k, "source"))
		o->source = v;
	else if (!strcmp(k, "sha256"))
		o->sha256 = v;
	return 0;
}

int td_seg_doc_range(td_seg *s, uint32_t d, uint32_t *first_tok,
	uint32_t *ntok)
{
	td_segdoc r;
	int rc = get_doc(s, d, &r);
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
	int rc = get_doc(s, d, &r);
	if (rc)
		return rc;
	out->first_tok = r.first_tok;
	out->ntok = r.ntok;
	out->live = !s->deleted[d];
	return each_kv(s, d, fill_info, out);
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
	if (each_kv(s, d, find_kv, &f))
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
		if (get_doc(s, mid, &r))
			return UINT32_MAX;
		if (r.first_tok <= pos)
			lo = mid;
		else
			hi = mid;
	}
	/* documents without tokens share first_tok with the next one */
	while (lo + 1 < s->hdr.ndocs) {
		td_segdoc r;
		if (get_doc(s, lo, &r))
			return UINT32_MAX;
		if (pos < r.first_tok + r.ntok)
			break;
		lo++;
	}
	return lo;
}

static int gap_varint(const uint8_t **p, const uint8_t *end, uint64_t *v)
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

/* Rebuilds document d's text into buf (r->text_len bytes): the gaps of
 * TEXT interleaved with the word terms of its positions. */
static int rebuild_text(td_seg *s, uint32_t d, const td_segdoc *r, char *buf)
{
	uint64_t end = s->hdr.sec_len[TD_SEC_TEXT];
	if (d + 1 < s->hdr.ndocs) {
		td_segdoc n;
		int rc = get_doc(s, d + 1, &n);
		if (rc)
			return rc;
		end = n.text_off;
	}
	uint64_t ncodes = ((uint64_t)r->ntok + 1 + 3) / 4;
	if (end < r->text_off || end - r->text_off < ncodes)
		return bad(s, "bad document text");
	const uint8_t *codes = td_seg_sec(s, TD_SEC_TEXT, r->text_off,
		end - r->text_off);
	if (!codes)
		return TD_ECORRUPT;
	const uint8_t *x = codes + ncodes, *xend = codes + (end - r->text_off);
	uint64_t glen = s->hdr.sec_len[TD_SEC_GSTR];
	size_t k = 0;
	for (uint32_t i = 0; i <= r->ntok; i++) {
		const char *g = NULL;
		size_t gl = 0;
		switch ((codes[i / 4] >> (i % 4 * 2)) & 3) {
		case TD_GAP_NONE:
			break;
		case TD_GAP_SPACE:
			g = " ", gl = 1;
			break;
		case TD_GAP_PARA:
			g = "\n\n", gl = 2;
			break;
		default: {
			uint64_t off, l;
			if (gap_varint(&x, xend, &off) || gap_varint(&x, xend, &l) ||
				off > glen || l > glen - off)
				return bad(s, "bad document text");
			if (!(g = (const char *)td_seg_sec(s, TD_SEC_GSTR, off, l)))
				return TD_ECORRUPT;
			gl = (size_t)l;
		}
		}
		if (gl > r->text_len - k)
			return bad(s, "bad document text");
		if (gl) /* an empty gap has no string (g may be NULL) */
			memcpy(buf + k, g, gl);
		k += gl;
		if (i == r->ntok)
			break;
		uint32_t id = td_seg_id_at(s, TD_LAYER_WORD, r->first_tok + i);
		size_t tl;
		const char *t = id == UINT32_MAX ? NULL :
			td_seg_lex_term(s, TD_LAYER_WORD, id, &tl);
		if (!t)
			return TD_ECORRUPT;
		if (tl > r->text_len - k)
			return bad(s, "bad document text");
		memcpy(buf + k, t, tl);
		k += tl;
	}
	if (k != r->text_len)
		return bad(s, "document text does not match its length");
	return 0;
}

int td_seg_doc_text(td_seg *s, uint32_t d, const char **text, size_t *len)
{
	td_segdoc r;
	int rc = get_doc(s, d, &r);
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
static int doc_tokens(td_seg *s, uint32_t d, td_segdoc *r)
{
	int rc = get_doc(s, d, r);
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
	int rc = doc_tokens(s, d, &r);
	if (rc)
		return rc;
	if (pos < r.first_tok || pos - r.first_tok >= r.ntok)
		return bad(s, "bad document record");
	*start = s->cache.v[pos - r.first_tok].start;
	*end = s->cache.v[pos - r.first_tok].end;
	return 0;
}

/* ---------------------------------------------------------------- lexicon */

uint32_t td_seg_lex_size(td_seg *s, int layer)
{
	return layer >= 0 && layer < TD_NLAYERS ? s->hdr.lexsize[layer] : 0;
}

static int lex_entry(td_seg *s, int layer, uint32_t id, td_seglex *e)
{
	if (layer < 0 || layer >= TD_NLAYERS || id >= s->hdr.lexsize[layer])
		return td_error(TD_EUSAGE, "no term %u in layer %d", id, layer);
	const uint8_t *p = td_seg_sec(s, td_sec_lex(layer),
		(uint64_t)id * sizeof *e, sizeof *e);
	if (!p)
		return TD_ECORRUPT;
	memcpy(e, p, sizeof *e);
	return 0;
}

const char *td_seg_lex_term(td_seg *s, int layer, uint32_t id, size_t *len)
{
	td_seglex e;
	if (lex_entry(s, layer, id, &e))
		return NULL;
	const uint8_t *p = td_seg_sec(s, td_sec_lstr(layer),
		e.str_off, (uint64_t)e.str_len + 1);
	if (!p)
		return NULL;
	if (p[e.str_len] != '\0') {
		bad(s, "bad lexicon entry");
		return NULL;
	}
	if (len)
		*len = e.str_len;
	return (const char *)p;
}

int64_t td_seg_lex_find(td_seg *s, int layer, const char *term, size_t len)
{
	uint32_t lo = 0, hi = td_seg_lex_size(s, layer);
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		size_t ml;
		const char *m = td_seg_lex_term(s, layer, mid, &ml);
		if (!m)
			return TD_ECORRUPT;
		int c = memcmp(m, term, ml < len ? ml : len);
		if (!c)
			c = ml < len ? -1 : ml > len;
		if (!c)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return TD_ENOTFOUND;
}

uint64_t td_seg_lex_freq(td_seg *s, int layer, uint32_t id)
{
	td_seglex e;
	if (lex_entry(s, layer, id, &e))
		return 0;
	return e.freq;
}

static uint32_t bad_id(td_seg *s)
{
	bad(s, "bad term id");
	return UINT32_MAX;
}

/* The lemma id at position pos of word id w, from IDS2 (lemma bits 0,
 * TD_W2L_*): the word's own, or the one of pos's pos id in its list. */
static uint32_t w2l(td_seg *s, uint32_t w, uint32_t pos)
{
	if (w == UINT32_MAX)
		return UINT32_MAX;
	const uint8_t *p = td_seg_sec(s, TD_SEC_IDS2, (uint64_t)w * 4, 4);
	if (!p)
		return UINT32_MAX;
	uint32_t v, n, t;
	memcpy(&v, p, 4);
	if (v & TD_W2L_LIST) {
		uint64_t at = ((uint64_t)s->hdr.lexsize[TD_LAYER_WORD] +
			(v & ~TD_W2L_LIST)) * 4;
		if (!(p = td_seg_sec(s, TD_SEC_IDS2, at, 4)))
			return UINT32_MAX;
		memcpy(&n, p, 4);
		if (n > TD_W2L_MAX_POS ||
			!(p = td_seg_sec(s, TD_SEC_IDS2, at + 4, (uint64_t)n * 4)) ||
			(t = td_seg_id_at(s, TD_LAYER_POS, pos)) == UINT32_MAX)
			return n > TD_W2L_MAX_POS ? bad_id(s) : UINT32_MAX;
		for (v = UINT32_MAX; n; n--, p += 4) {
			uint32_t e;
			memcpy(&e, p, 4);
			if ((e & TD_W2L_POS_MASK) == t) {
				v = e >> TD_W2L_POS_BITS;
				break;
			}
		}
	}
	return v < s->hdr.lexsize[TD_LAYER_LEMMA] ? v : bad_id(s);
}

uint32_t td_seg_id_at(td_seg *s, int layer, uint32_t pos)
{
	if (pos >= s->hdr.ntokens || layer < 0 || layer >= TD_NLAYERS) {
		td_error(TD_EUSAGE, "position %u outside segment", pos);
		return UINT32_MAX;
	}
	if (layer == TD_LAYER_LEMMA && s->hdr.lbits[0] == 0)
		return w2l(s, td_seg_id_at(s, TD_LAYER_WORD, pos), pos);
	if (layer >= TD_LAYER_LEMMA) {
		/* ids of their own, packed like the word ids */
		uint32_t bits = s->hdr.lbits[layer - TD_LAYER_LEMMA];
		uint64_t bit = (uint64_t)pos * bits;
		const uint8_t *p = td_seg_sec(s, td_sec_ids(layer), bit / 8, 8);
		if (!p)
			return UINT32_MAX;
		uint64_t v;
		memcpy(&v, p, 8);
		v = (v >> (bit % 8)) & (((uint64_t)1 << bits) - 1);
		if (v >= s->hdr.lexsize[layer]) {
			bad(s, "bad term id");
			return UINT32_MAX;
		}
		return (uint32_t)v;
	}
	uint64_t bit = (uint64_t)pos * s->hdr.id_bits;
	const uint8_t *p = td_seg_sec(s, TD_SEC_IDS, bit / 8, 8);
	if (!p)
		return UINT32_MAX;
	uint64_t v;
	memcpy(&v, p, 8);
	v = (v >> (bit % 8)) & (((uint64_t)1 << s->hdr.id_bits) - 1);
	if (v >= s->hdr.lexsize[0]) {
		bad(s, "bad term id");
		return UINT32_MAX;
	}
	if (layer == TD_LAYER_WORD)
		return (uint32_t)v;
	const uint8_t *q = td_seg_sec(s, TD_SEC_W2N, v * 4, 4);
	uint32_t n;
	if (!q)
		return UINT32_MAX;
	memcpy(&n, q, 4);
	if (n >= s->hdr.lexsize[1]) {
		bad(s, "bad term id");
		return UINT32_MAX;
	}
	return n;
}

/* ------------------------------------------------------------------ spans */

uint32_t td_seg_span_nnames(td_seg *s) { return s->hdr.nspnames; }

/* Bits per span of a name's list. */
static uint64_t span_bits(const td_segspname *n)
{
	uint64_t w = 0;
	for (int j = 0; j < TD_SPF_N; j++)
		w += n->bits[j];
	return w;
}

/* Copies SPNAMES out of the map at open, each entry checked against the
 * SPANS section, so span lookups need no block check for it. */
static int load_spnames(td_seg *s)
{
	uint32_t nn = s->hdr.nspnames;
	const uint8_t *p = td_seg_sec(s, TD_SEC_SPNAMES, 0,
		(uint64_t)nn * sizeof(td_segspname));
	if (!p)
		return TD_ECORRUPT;
	td_segspname *v = malloc(((size_t)nn + 1) * sizeof *v);
	if (!v)
		return td_error(TD_ENOMEM, "out of memory");
	memcpy(v, p, (size_t)nn * sizeof *v);
	for (uint32_t k = 0; k < nn; k++) {
		uint64_t nb = ((uint64_t)v[k].count + TD_SPAN_BLOCK - 1) /
			TD_SPAN_BLOCK;
		uint64_t len = nb * sizeof(td_segspblk) +
			(v[k].count * span_bits(&v[k]) + 7) / 8 + 8;
		int wide = 0;
		for (int j = 0; j < TD_SPF_N; j++)
			wide |= v[k].bits[j] > 32;
		if (wide || v[k].off > s->hdr.sec_len[TD_SEC_SPANS] ||
			len > s->hdr.sec_len[TD_SEC_SPANS] - v[k].off) {
			free(v);
			return bad(s, "bad span table");
		}
	}
	s->spn = v;
	return 0;
}

static int spname(td_seg *s, uint32_t k, td_segspname *n)
{
	memset(n, 0, sizeof *n);
	if (k >= s->hdr.nspnames)
		return td_error(TD_EUSAGE, "no element name %u", k);
	int rc;
	if (!s->spn && (rc = load_spnames(s)))
		return rc;
	*n = s->spn[k];
	return 0;
}

static const char *spstr(td_seg *s, uint32_t off)
{
	uint64_t len = s->hdr.sec_len[TD_SEC_SPSTR];
	if (off >= len) {
		bad(s, "bad span string");
		return NULL;
	}
	/* check blocks up to the terminating NUL, one block at a time */
	uint64_t i = off;
	for (;;) {
		/* up to the end of the checksum block holding byte i */
		uint64_t a = s->hdr.sec_off[TD_SEC_SPSTR] + i;
		uint64_t n = TD_SEG_BLOCK - (a - TD_SEG_HDR) % TD_SEG_BLOCK;
		if (n > len - i)
			n = len - i;
		const char *p = (const char *)td_seg_sec(s, TD_SEC_SPSTR, i, n);
		if (!p)
			return NULL;
		if (memchr(p, '\0', n))
			return (const char *)s->map + s->hdr.sec_off[TD_SEC_SPSTR] + off;
		if ((i += n) >= len) {
			bad(s, "bad span string");
			return NULL;
		}
	}
}

const char *td_seg_span_name(td_seg *s, uint32_t k)
{
	td_segspname n;
	if (spname(s, k, &n))
		return NULL;
	return spstr(s, n.str_off);
}

int64_t td_seg_span_find(td_seg *s, const char *name)
{
	uint32_t lo = 0, hi = s->hdr.nspnames;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const char *m = td_seg_span_name(s, mid);
		if (!m)
			return TD_ECORRUPT;
		int c = strcmp(m, name);
		if (!c)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return TD_ENOTFOUND;
}

uint32_t td_seg_span_count(td_seg *s, uint32_t k)
{
	td_segspname n;
	if (spname(s, k, &n))
		return 0;
	return n.count;
}

static int span_rec(td_seg *s, uint32_t k, uint32_t i, td_segspan *r)
{
	int rc;
	if (k >= s->hdr.nspnames)
		return td_error(TD_EUSAGE, "no element name %u", k);
	if (!s->spn && (rc = load_spnames(s)))
		return rc;
	const td_segspname *n = &s->spn[k];
	if (i >= n->count)
		return td_error(TD_EUSAGE, "no span %u of element %u", i, k);
	if (s->has_last_span && s->last_k == k && s->last_i == i) {
		*r = s->last_span;
		return 0;
	}
	/* the block's bases, then the span's fields (load_spnames checked
	 * that the list lies inside SPANS) */
	uint64_t nb = ((uint64_t)n->count + TD_SPAN_BLOCK - 1) / TD_SPAN_BLOCK;
	uint64_t w = span_bits(n), bit = (uint64_t)i * w;
	const uint8_t *hb = td_seg_sec(s, TD_SEC_SPANS, n->off +
		(uint64_t)(i / TD_SPAN_BLOCK) * sizeof(td_segspblk),
		sizeof(td_segspblk));
	const uint8_t *p = hb ? td_seg_sec(s, TD_SEC_SPANS, n->off +
		nb * sizeof(td_segspblk) + bit / 8, (bit % 8 + w + 7) / 8 + 8) : NULL;
	if (!p)
		return TD_ECORRUPT;
	td_segspblk b;
	memcpy(&b, hb, sizeof b);
	uint32_t f[TD_SPF_N];
	unsigned at = (unsigned)(bit % 8);
	for (int j = 0; j < TD_SPF_N; j++) {
		uint64_t v;
		memcpy(&v, p + at / 8, 8);
		f[j] = n->bits[j] ? (uint32_t)((v >> (at % 8)) &
			(((uint64_t)1 << n->bits[j]) - 1)) : 0;
		at += n->bits[j];
	}
	r->start = b.start + f[TD_SPF_START];
	r->end = r->start + f[TD_SPF_LEN];
	r->doc = b.doc + f[TD_SPF_DOC];
	r->attr_first = b.attr + f[TD_SPF_ATTR];
	r->nattrs = f[TD_SPF_NATTRS];
	if (r->start < b.start || r->end < r->start || r->end > s->hdr.ntokens ||
		r->doc >= s->hdr.ndocs || r->attr_first < b.attr)
		return bad(s, "bad span");
	s->last_span = *r;
	s->last_k = k;
	s->last_i = i;
	s->has_last_span = 1;
	return 0;
}

int td_seg_span_get(td_seg *s, uint32_t k, uint32_t i, uint32_t *start,
	uint32_t *end)
{
	td_segspan r;
	int rc = span_rec(s, k, i, &r);
	if (rc)
		return rc;
	*start = r.start;
	*end = r.end;
	return 0;
}

uint32_t td_seg_span_nattrs(td_seg *s, uint32_t k, uint32_t i)
{
	td_segspan r;
	if (span_rec(s, k, i, &r))
		return 0;
	return r.nattrs;
}

/* n bytes that live until td_seg_close(), from chunks of at least 64 KiB */
static char *arena_alloc(td_seg *s, size_t n)
{
	if (s->arena_fill + n > s->arena_cap) {
		size_t cap = n + sizeof(char *) > 65536 ? n + sizeof(char *) : 65536;
		char *c = malloc(cap);
		if (!c)
			return NULL;
		memcpy(c, &s->arena, sizeof(char *)); /* chain the chunks */
		s->arena = c;
		s->arena_fill = sizeof(char *);
		s->arena_cap = cap;
	}
	char *p = s->arena + s->arena_fill;
	s->arena_fill += n;
	return p;
}

static uint32_t av_hash(uint64_t key, uint32_t nslots)
{
	return (uint32_t)((key * 0x9e3779b97f4a7c15ull) >> 32) & (nslots - 1);
}

static int av_grow(td_seg *s)
{
	uint32_t ns = s->av_slots ? s->av_slots * 2 : 1024;
	uint64_t *k = calloc(ns, sizeof *k);
	char **v = calloc(ns, sizeof *v);
	if (!k || !v) {
		free(k);
		free(v);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (uint32_t i = 0; i < s->av_slots; i++) {
		if (!s->av_key[i])
			continue;
		uint32_t h = av_hash(s->av_key[i], ns);
		while (k[h])
			h = (h + 1) & (ns - 1);
		k[h] = s->av_key[i];
		v[h] = s->av_val[i];
	}
	free(s->av_key);
	free(s->av_val);
	s->av_key = k;
	s->av_val = v;
	s->av_slots = ns;
	return 0;
}

/* The value of SPATTR pair `pair` whose value entry is e: a string of
 * SPSTR, or one rebuilt from the span's document id (see TD_SPV_*). */
static const char *attr_value(td_seg *s, const td_segspan *r, uint32_t pair,
	uint32_t e)
{
	uint32_t kind = e >> TD_SPV_SHIFT;
	const char *suf = spstr(s, e & TD_SPV_MASK);
	if (!suf || kind == TD_SPV_PLAIN)
		return suf;
	if (kind > TD_SPV_HASHDOCID) {
		bad(s, "bad span attribute");
		return NULL;
	}
	uint64_t key = (uint64_t)r->doc << 32 | (pair + 1);
	uint32_t h = 0;
	if (s->av_slots) {
		h = av_hash(key, s->av_slots);
		while (s->av_key[h]) {
			if (s->av_key[h] == key)
				return s->av_val[h];
			h = (h + 1) & (s->av_slots - 1);
		}
	}
	td_docinfo di;
	if (s->has_av_doc && s->av_doc == r->doc) {
		di.id = s->av_docid; /* spans come by document: skip the parse */
	} else {
		if (td_seg_doc(s, r->doc, &di))
			return NULL;
		s->has_av_doc = 1;
		s->av_doc = r->doc;
		s->av_docid = di.id;
	}
	if (!di.id) {
		bad(s, "span attribute of a document without id");
		return NULL;
	}
	size_t il = strlen(di.id), sl = strlen(suf), hl = kind == TD_SPV_HASHDOCID;
	char *v = arena_alloc(s, hl + il + sl + 1);
	if (!v) {
		td_error(TD_ENOMEM, "out of memory");
		return NULL;
	}
	memcpy(v, "#", hl);
	memcpy(v + hl, di.id, il);
	memcpy(v + hl + il, suf, sl + 1);
	if ((s->av_n + 1) * 2 > s->av_slots) {
		if (av_grow(s))
			return v; /* still correct, only not cached */
	}
	h = av_hash(key, s->av_slots);
	while (s->av_key[h])
		h = (h + 1) & (s->av_slots - 1);
	s->av_key[h] = key;
	s->av_val[h] = v;
	s->av_n++;
	return v;
}

int td_seg_span_attr(td_seg *s, uint32_t k, uint32_t i, uint32_t j,
	const char **name, const char **value)
{
	td_segspan r;
	int rc = span_rec(s, k, i, &r);
	if (rc)
		return rc;
	if (j >= r.nattrs)
		return td_error(TD_EUSAGE, "no attribute %u", j);
	const uint8_t *p = td_seg_sec(s, TD_SEC_SPATTR,
		((uint64_t)r.attr_first + j) * 8, 8);
	if (!p)
		return TD_ECORRUPT;
	uint32_t o[2];
	memcpy(o, p, 8);
	*name = spstr(s, o[0]);
	*value = attr_value(s, &r, r.attr_first + j, o[1]);
	return *name && *value ? 0 : TD_ECORRUPT;
}

int td_seg_span_attr_find(td_seg *s, uint32_t k, uint32_t i,
	const char *name, const char **value)
{
	td_segspan r;
	*value = NULL;
	int rc = span_rec(s, k, i, &r);
	if (rc)
		return rc;
	if (!r.nattrs)
		return 0;
	const uint8_t *p = td_seg_sec(s, TD_SEC_SPATTR,
		(uint64_t)r.attr_first * 8, (uint64_t)r.nattrs * 8);
	if (!p)
		return TD_ECORRUPT;
	for (uint32_t j = 0; j < r.nattrs; j++) {
		uint32_t o[2];
		memcpy(o, p + (size_t)j * 8, 8);
		const char *n = spstr(s, o[0]);
		if (!n)
			return TD_ECORRUPT;
		/* only the value asked for is read (or rebuilt) */
		if (strcmp(n, name))
			continue;
		if (!(*value = attr_value(s, &r, r.attr_first + j, o[1])))
			return TD_ECORRUPT;
		return 1;
	}
	return 0;
}

/* --------------------------------------------------------------- merging */

struct rebuild {
	td_doc *doc;
	const char **source, **sha256;
	int rc;
};

static int rebuild_kv(void *ctx, const char *k, const char *v)
{
	struct rebuild *r = ctx;
	td_meta *m = &r->doc->meta;
	char **f = NULL;
	if (!strcmp(k, "source"))
		*r->source = v;
	else if (!strcmp(k, "sha256"))
		*r->sha256 = v;
	else if (!strcmp(k, "title"))
		f = &m->title;
	else if (!strcmp(k, "date"))
		f = &m->date;
	else if (!strcmp(k, "genre"))
		f = &m->genre;
	else if (!strcmp(k, "subtitle"))
		f = &m->subtitle;
	else if (!strcmp(k, "reading_time"))
		f = &m->reading_time;
	else if (!strcmp(k, "author"))
		f = &m->author;
	else if (!strcmp(k, "url"))
		f = &m->url;
	else if (!strcmp(k, "source_name"))
		f = &m->source_name;
	else if (!strcmp(k, "source_sha256"))
		f = &m->source_sha256;
	else if (!strcmp(k, "extraction"))
		f = &m->extraction;
	else if (!strcmp(k, "id"))
		f = &r->doc->id;
	else if (!strcmp(k, "actor")) {
		char *c = strdup(v), *t1, *t2;
		if (!c)
			return td_error(TD_ENOMEM, "out of memory");
		if ((t1 = strchr(c, '\t')) && (t2 = strchr(t1 + 1, '\t'))) {
			*t1 = *t2 = '\0';
			int rc = td_doc_add_actor(r->doc, c, t1 + 1, t2 + 1);
			free(c);
			return rc;
		}
		free(c);
		return 0;
	}
	return f ? td_meta_set(f, v) : 0;
}

int td_seg_doc_load(td_seg *s, uint32_t d, td_doc **out, const char **source,
	const char **sha256)
{
	td_segdoc r;
	const char *text;
	size_t len;
	td_doc *doc = NULL;
	int rc;
	*out = NULL;
	*source = *sha256 = NULL;
	if ((rc = doc_tokens(s, d, &r)) || (rc = td_seg_doc_text(s, d, &text, &len)) ||
		(rc = td_doc_new(NULL, text, len, &doc)))
		return rc;
	struct rebuild rb = {doc, source, sha256, 0};
	if ((rc = each_kv(s, d, rebuild_kv, &rb)))
		goto fail;
	/* spans of this document, back from token ranges to byte ranges that
	 * map to the same token ranges again */
	const td_tokens *t = &s->cache;
	for (uint32_t k = 0; k < s->hdr.nspnames; k++) {
		const char *name = td_seg_span_name(s, k);
		uint32_t n = td_seg_span_count(s, k);
		if (!name) {
			rc = TD_ECORRUPT;
			goto fail;
		}
		/* spans are sorted by start: find the first at first_tok */
		uint32_t lo = 0, hi = n;
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;
			td_segspan m;
			if ((rc = span_rec(s, k, mid, &m)))
				goto fail;
			if (m.start < r.first_tok)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (uint32_t i = lo; i < n; i++) {
			td_segspan m;
			if ((rc = span_rec(s, k, i, &m)))
				goto fail;
			if (m.start > r.first_tok + r.ntok)
				break;
			if (m.doc != d)
				continue;
			if (m.end > r.first_tok + r.ntok) {
				rc = bad(s, "span crosses its document");
				goto fail;
			}
			uint32_t a = m.start, b = m.end;
			a -= r.first_tok;
			b -= r.first_tok;
			size_t bs, be;
			if (a == b) {
				bs = be = a < t->n ? t->v[a].start : len;
			} else {
				bs = t->v[a].start;
				be = t->v[b - 1].end;
			}
			size_t idx;
			if ((rc = td_doc_add_span(doc, name, bs, be, &idx, NULL)))
				goto fail;
			uint32_t na = td_seg_span_nattrs(s, k, i);
			for (uint32_t j = 0; j < na && na == m.nattrs; j++) {
				const char *an, *av;
				if ((rc = td_seg_span_attr(s, k, i, j, &an, &av)) ||
					(rc = td_span_set_attr(doc, idx, an, av)))
					goto fail;
			}
		}
	}
	td_doc_sort_spans(doc);
	/* the lemma and pos of every token go with it (a merge must not
	 * lose them, nor take them again from <w> spans) */
	if ((rc = td_toklayers_new(r.ntok, &doc->layers)))
		goto fail;
	for (uint32_t i = 0; i < r.ntok; i++) {
		const char *v[2];
		for (int l = 0; l < 2; l++) {
			int layer = l ? TD_LAYER_POS : TD_LAYER_LEMMA;
			uint32_t id = td_seg_id_at(s, layer, r.first_tok + i);
			if (id == UINT32_MAX ||
				!(v[l] = td_seg_lex_term(s, layer, id, NULL))) {
				rc = TD_ECORRUPT;
				goto fail;
			}
		}
		if ((rc = td_toklayers_set(doc->layers, i, v[1], v[0])))
			goto fail;
	}
	*out = doc;
	return 0;
fail:
	td_doc_free(doc);
	return rc;
}

void td_seg_trim(td_seg *s)
{
	while (s->arena) {
		char *next;
		memcpy(&next, s->arena, sizeof next);
		free(s->arena);
		s->arena = next;
	}
	s->arena_fill = s->arena_cap = 0;
	free(s->av_key);
	free(s->av_val);
	s->av_key = NULL;
	s->av_val = NULL;
	s->av_n = s->av_slots = 0;
	s->has_av_doc = 0;
	for (int i = 0; i < TD_SEG_TEXTS; i++) {
		free(s->texts[i]);
		s->texts[i] = NULL;
	}
	/* read again from the page cache if needed; a failure only keeps
	 * the pages */
	madvise((void *)s->map, s->size, MADV_DONTNEED);
}
