/* stream_merge.c: the streaming merge. Neighbouring segments become one
 * without rebuilding their documents: the sorted lexicons of each layer
 * are merged (a heap over the sources' next terms), each merged term's
 * postings are the sources' postings renumbered, one after the other, and
 * the packed ids, spans, document records, metadata and text gaps are
 * renumbered and copied, reading the source files through their mappings
 * and writing the new file front to back (segout.c). Documents that the
 * manifest deletes are left out: their positions vanish from postings and
 * ids, their spans and records are skipped, and a term left with no
 * position leaves the lexicon.
 *
 * What the result holds is what td_segbuild would build from the same
 * documents: the same lexicons, term ids, frequencies, postings, ids,
 * document records, text and spans, so every query answers the same;
 * the same pos terms keep postings (at most ntokens / TD_POS_SCAN_RATIO
 * positions of the merged segment, format 9), the same lemmas share a
 * word's or a norm's postings (format 10, decided on the live positions)
 * or are the union of the same words' (format 12, as every norm of
 * several forms), the metadata records and strings are the builder's
 * (DOCSTR, DOCPOOL: td_docpool, format 13),
 * and a source without the lemma and pos layers makes a segment without
 * them. The
 * file is not byte for byte a rebuild's: SPSTR is the sources' string
 * pools one after the other (a rebuild stores each string once) and
 * SPATTR their attribute pairs (a rebuild stores each distinct run once),
 * and the sections come in another order.
 *
 * Memory: per source its term id maps (4 bytes a term of each layer) and
 * document maps (12 bytes a document); per merged word its norm; the
 * lemma-per-word table (as the builder's); per merged word, norm and
 * lemma 4 bytes (words 8 and lemmas 32, with the lists of the unions:
 * format 12) while lemma_share runs, per word 4 more and per norm 12
 * while merge_norms runs; the distinct gap
 * strings; the metadata dictionary (td_docpool, at most TD_DOCPOOL_DICT
 * bytes of strings);
 * a term's block skip table while its postings are written (8 bytes per
 * 128 positions); the spans starting at one position; per source with
 * deletions 8 bytes per pos term (pos_live); while IDS is written, the
 * word ranks (8 bytes a word) and 4 bytes per 64 positions (its block
 * offsets, idcode.h, format 14: 64 MB at TD_MERGE_MAX_TOKENS). Nothing
 * else per position: the lexicon entries and their strings wait in two unlinked
 * temporary files in the index directory. The sources' pages read are let
 * go every TD_MERGE_TRIM bytes written (trim). */
#include "config.h"
#include "docpool.h"
#include "idcode.h"
#include "bits.h"
#include "fault.h"
#include "postings.h"
#include "segformat.h"
#include "segment.h"
#include "segout.h"
#include "stream_merge.h"
#include "strtab.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NONE UINT32_MAX

typedef struct msrc {
	td_seg *s;
	uint32_t ndocs, ntok;
	uint32_t *first;    /* per document its first token; [ndocs] = ntok */
	uint32_t *newfirst; /* per document its first token in the output */
	uint32_t *newdoc;   /* per document its number in the output, or NONE */
	int has_del;
	uint32_t base; /* output position of token 0 (no deletions) */
	uint32_t *map[TD_NLAYERS]; /* term id -> output term id, or NONE */
	uint32_t cur;              /* the lexicon cursor of the merge running */
	uint64_t attr_base; /* SPATTR pairs and SPSTR bytes before its own */
	uint64_t str_base;
	uint64_t *poslive; /* with deletions: per pos term its live positions */
	uint32_t *rword, *rpos; /* per rank of IDS its output word and pos
	                         * ids (NONE: not in the output), made at
	                         * first need by rank_tables */
} msrc;

typedef struct tsrc {
	uint32_t src, id;
} tsrc;

/* An unlinked temporary file in the index directory. */
typedef struct spill {
	FILE *f;
	uint64_t len;
} spill;

typedef struct merge {
	msrc *m;
	size_t n;
	td_out o;
	td_seghdr h;
	const volatile sig_atomic_t *stop;
	char dir[4096];
	spill lex, lstr;
	td_lstrenc le; /* the layer's LSTR (format 20) */
	int terr;      /* a source's term not read (damage, or out of memory) */
	uint32_t nout[TD_NLAYERS]; /* output terms per layer */
	uint32_t *wnorm;           /* per output word its tentative norm */
	uint64_t *wfreq;           /* per output word its frequency */
	uint32_t ndocs;
	uint64_t ntok;
	tsrc *occ; /* the sources holding the current term */
	size_t cap_occ;
	uint32_t *heap;
	size_t nheap;
	int layer;   /* of the heap */
	uint8_t *vb; /* varint staging for out */
	size_t vlen;
	uint64_t *skip; /* a term's skip table */
	size_t cap_skip;
	int no_layers;    /* a source has no lemma and pos layers */
	uint64_t trimmed; /* output bytes at the last trim */
} merge;

static int nomem(void)
{
	return td_error(TD_ENOMEM, "out of memory");
}

/* Lets go of the sources' mapped pages every TD_MERGE_TRIM bytes written,
 * so that the pages a merge has read do not pile up in its resident set:
 * they did, up to the size of the sources (2.5 GB in a merge into a 5 GB
 * segment). They are read again from the page cache if needed; pointers
 * into the mappings stay valid. */
#define TD_MERGE_TRIM ((uint64_t)4 << 20)

static void trim(merge *g)
{
	if (g->o.pos - g->trimmed < TD_MERGE_TRIM)
		return;
	g->trimmed = g->o.pos;
	for (size_t i = 0; i < g->n; i++)
		td_seg_trim(g->m[i].s);
}

static int stopped(merge *g)
{
	trim(g);
	if (g->stop && *g->stop)
		return td_error(TD_EINTR,
		        "%s: interrupted; the index is unchanged", g->dir);
	return 0;
}

/* ------------------------------------------------------------- spills */

static int spill_open(merge *g, spill *sp)
{
	int fd = -1;
	if (!td_fault_step("merge spill")) {
		fd = open(g->dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
		if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR ||
		                      errno == EINVAL)) {
			/* no O_TMPFILE here: a name the next writer removes */
			char p[4200];
			snprintf(p, sizeof p, "%s/seg-%09ld.tdx.tmp", g->dir,
			        (long)getpid() % 1000000000);
			fd = open(
			        p, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
			if (fd >= 0)
				unlink(p);
		}
	}
	if (fd < 0)
		return td_error(TD_EIO, "%s: temporary file of a merge: %s",
		        g->dir, strerror(errno));
	if (!(sp->f = fdopen(fd, "w+"))) {
		close(fd);
		return nomem();
	}
	sp->len = 0;
	return 0;
}

static void spill_close(spill *sp)
{
	if (sp->f)
		fclose(sp->f);
	sp->f = NULL;
}

static int spill_put(merge *g, spill *sp, const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, sp->f) != n)
		return td_error(TD_EIO, "%s: temporary file of a merge: %s",
		        g->dir, strerror(errno));
	sp->len += n;
	return 0;
}

/* Appends the spill's bytes to the output as section sec and empties it. */
static int spill_copy(merge *g, spill *sp, int sec)
{
	int rc = td_out_begin(&g->o, &g->h, sec);
	char buf[65536];
	if (!rc && (fflush(sp->f) || fseeko(sp->f, 0, SEEK_SET)))
		rc = td_error(TD_EIO, "%s: temporary file of a merge: %s",
		        g->dir, strerror(errno));
	for (uint64_t left = sp->len; left && !rc;) {
		size_t k = left < sizeof buf ? (size_t)left : sizeof buf;
		if (fread(buf, 1, k, sp->f) != k)
			rc = td_error(TD_EIO,
			        "%s: temporary file of a merge: %s", g->dir,
			        ferror(sp->f) ? strerror(errno) : "short read");
		else
			rc = td_out_put(&g->o, buf, k);
		left -= k;
	}
	td_out_end(&g->o, &g->h, sec);
	if (!rc && (fseeko(sp->f, 0, SEEK_SET) || ftruncate(fileno(sp->f), 0)))
		rc = td_error(TD_EIO, "%s: temporary file of a merge: %s",
		        g->dir, strerror(errno));
	sp->len = 0;
	return rc;
}

/* ------------------------------------------------------------ varints */

static int vflush(merge *g)
{
	int rc = td_out_put(&g->o, g->vb, g->vlen);
	g->vlen = 0;
	return rc;
}

static int vput(merge *g, uint64_t v)
{
	if (g->vlen > 4096 - 10) {
		int rc = vflush(g);
		if (rc)
			return rc;
	}
	do {
		uint8_t c = v & 0x7f;
		v >>= 7;
		g->vb[g->vlen++] = c | (v ? 0x80 : 0);
	} while (v);
	return 0;
}

/* ------------------------------------------------------------ sources */

static int bad(msrc *m, const char *what)
{
	return td_seg_mark_damaged(m->s, what);
}

/* The document maps of every source, and the output's documents and
 * tokens. */
static int map_docs(merge *g)
{
	uint64_t tok = 0;
	uint32_t docs = 0;
	for (size_t i = 0; i < g->n; i++) {
		msrc *m = &g->m[i];
		m->ndocs = td_seg_ndocs(m->s);
		m->ntok = td_seg_ntokens(m->s);
		m->first = malloc(((size_t)m->ndocs + 1) * 4);
		m->newfirst = malloc(((size_t)m->ndocs + 1) * 4);
		m->newdoc = malloc(((size_t)m->ndocs + 1) * 4);
		if (!m->first || !m->newfirst || !m->newdoc)
			return nomem();
		m->base = (uint32_t)tok;
		uint32_t end = 0;
		for (uint32_t d = 0; d < m->ndocs; d++) {
			uint32_t f, n;
			int rc = td_seg_doc_range(m->s, d, &f, &n);
			if (rc)
				return rc;
			if (f != end || n > m->ntok - f)
				return bad(m, "bad document record");
			m->first[d] = f;
			end = f + n;
			if (!td_seg_doc_live(m->s, d)) {
				m->has_del = 1;
				m->newdoc[d] = NONE;
				m->newfirst[d] = NONE;
				continue;
			}
			m->newdoc[d] = docs++;
			m->newfirst[d] = (uint32_t)tok;
			tok += n;
			if (tok > TD_SEG_MAX_TOKENS)
				return td_error(TD_ELIMIT,
				        "merged segment too "
				        "large: more than %llu tokens",
				        (unsigned long long)TD_SEG_MAX_TOKENS);
		}
		if (end != m->ntok)
			return bad(m, "documents do not cover the segment");
		m->first[m->ndocs] = m->ntok;
		m->newfirst[m->ndocs] = NONE;
		for (int l = 0; l < TD_NLAYERS; l++) {
			uint32_t k = td_seg_lex_size(m->s, l);
			if (!(m->map[l] = malloc(((size_t)k + 1) * 4)))
				return nomem();
			memset(m->map[l], 0xff, ((size_t)k + 1) * 4);
		}
	}
	g->ndocs = docs;
	g->ntok = tok;
	return 0;
}

/* Output position of position p of m, or NONE if its document is
 * deleted; *d is a cursor (the document of the last call, 0 at first):
 * positions of one postings list come ascending. */
static uint32_t map_pos(const msrc *m, uint32_t p, uint32_t *d)
{
	if (!m->has_del)
		return m->base + p;
	uint32_t k = *d;
	if (p < m->first[k])
		k = 0;
	if (p >= m->first[k + 1]) {
		/* the last document whose first token is <= p */
		uint32_t lo = k + 1, hi = m->ndocs - 1;
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo + 1) / 2;
			if (m->first[mid] <= p)
				lo = mid;
			else
				hi = mid - 1;
		}
		k = lo;
	}
	*d = k;
	return m->newfirst[k] == NONE ? NONE
	                              : m->newfirst[k] + (p - m->first[k]);
}

/* ------------------------------------------------------ postings stream */

/* The positions of one output term: the postings of each (source, term)
 * of occ in turn, renumbered, deleted documents' left out. */
typedef struct pstream {
	merge *g;
	const tsrc *occ;
	size_t nocc, i;
	int layer;
	td_postings *p;
	uint32_t d;
} pstream;

static void ps_init(
        pstream *q, merge *g, int layer, const tsrc *occ, size_t nocc)
{
	*q = (pstream){g, occ, nocc, 0, layer, NULL, 0};
}

static void ps_done(pstream *q)
{
	td_postings_close(q->p);
	q->p = NULL;
}

/* 1 and *pos, 0 at the end, or an error */
static int ps_next(pstream *q, uint32_t *pos)
{
	for (;;) {
		int rc;
		if (!q->p) {
			if (q->i >= q->nocc)
				return 0;
			const tsrc *t = &q->occ[q->i];
			if ((rc = td_postings_open(q->g->m[t->src].s, q->layer,
			             t->id, &q->p)))
				return rc;
			q->d = 0;
		}
		uint32_t v;
		rc = td_postings_next(q->p, 0, &v);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			ps_done(q);
			q->i++;
			continue;
		}
		const msrc *m = &q->g->m[q->occ[q->i].src];
		v = map_pos(m, v, &q->d);
		if (v != NONE) {
			*pos = v;
			return 1;
		}
	}
}

/* The live positions of every pos term of a source with deletions, in
 * one pass over its pos ids: through the postings, a frequent term's
 * count would scan all the source's pos ids, once per term (format 9). */
static int pos_live(merge *g, msrc *m)
{
	uint32_t k = td_seg_lex_size(m->s, TD_LAYER_POS);
	int rc;
	if (!(m->poslive = calloc((size_t)k + 1, sizeof *m->poslive)))
		return nomem();
	for (uint32_t d = 0; d < m->ndocs; d++) {
		if (m->newdoc[d] == NONE)
			continue;
		if ((rc = stopped(g)))
			return rc;
		for (uint32_t p = m->first[d]; p < m->first[d + 1]; p++) {
			uint32_t v = td_seg_id_at(m->s, TD_LAYER_POS, p);
			if (v == NONE)
				return TD_ECORRUPT;
			if (v >= k)
				return bad(m, "pos id outside its lexicon");
			m->poslive[v]++;
		}
	}
	td_seg_trim(m->s);
	return 0;
}

/* The live positions of a term held by occ. */
static int count_live(
        merge *g, int layer, const tsrc *occ, size_t nocc, uint64_t *n)
{
	*n = 0;
	for (size_t i = 0; i < nocc; i++) {
		msrc *m = &g->m[occ[i].src];
		if (!m->has_del) {
			*n += td_seg_lex_freq(m->s, layer, occ[i].id);
			continue;
		}
		if (layer == TD_LAYER_POS) { /* counted before (merge_layer) */
			*n += m->poslive[occ[i].id];
			continue;
		}
		pstream q;
		ps_init(&q, g, layer, occ + i, 1);
		uint32_t v;
		int rc;
		while ((rc = ps_next(&q, &v)) == 1)
			(*n)++;
		ps_done(&q);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int changed(merge *g)
{
	return td_error(TD_ECORRUPT,
	        "%s: postings of a merged term changed "
	        "while read",
	        g->dir);
}

/* Writes the n positions of occ as one postings list (td_postings_encode's
 * encoding): a short one at once; a longer one in two reads of its
 * positions, a block of TD_POST_BLOCK at a time, the first coding each
 * block for its length in the skip table, the second writing them. */
static int write_postings(
        merge *g, int layer, const tsrc *occ, size_t nocc, uint64_t n)
{
	pstream q;
	uint32_t v, blk[TD_POST_BLOCK], nin = 0;
	uint8_t code[5 + TD_POST_BLOCK_MAX];
	uint64_t k = 0, bytes = 0;
	int rc = 0, e = 0;
	uint64_t nb = n <= TD_POST_BLOCK
	                      ? 0
	                      : (n + TD_POST_BLOCK - 1) / TD_POST_BLOCK;
	if (nb && TD_VEC_RESERVE_N(g->skip, nb, g->cap_skip, 16))
		return nomem();
	for (int pass = nb ? 0 : 1; pass < 2; pass++) {
		k = nin = 0;
		ps_init(&q, g, layer, occ, nocc);
		while (!e && (rc = ps_next(&q, &v)) == 1 && k < n) {
			blk[nin++] = v;
			if (nin < TD_POST_BLOCK && ++k < n)
				continue;
			if (nin == TD_POST_BLOCK)
				k++;
			size_t len = 0;
			if (!nb) {
				uint64_t f = blk[0];
				do {
					code[len++] = (uint8_t)(f & 0x7f) |
					              (f >> 7 ? 0x80 : 0);
				} while (f >>= 7);
			}
			len += td_post_block_code(blk, nin - 1, code + len);
			if (pass == 0) {
				if (bytes > UINT32_MAX) {
					e = td_error(TD_ELIMIT,
					        "segment postings too large");
					break;
				}
				g->skip[(k - 1) / TD_POST_BLOCK] =
				        (uint64_t)blk[0] | (bytes << 32);
				bytes += len;
			} else {
				e = td_out_put(&g->o, code, len);
			}
			nin = 0;
		}
		ps_done(&q);
		if (e)
			return e;
		if (rc < 0)
			return rc;
		if (k != n || rc == 1)
			return changed(g);
		if (pass == 0 && nb) {
			/* the packed skip table (format 21) */
			size_t tl = td_skip_code(g->skip, nb, NULL);
			uint8_t *tb = malloc(tl);
			if (!tb)
				return nomem();
			td_skip_code(g->skip, nb, tb);
			e = td_out_put(&g->o, tb, tl);
			free(tb);
		}
		if (e)
			return e;
	}
	return 0;
}

/* ----------------------------------------------------- lexicon merging */

static const char *term(merge *g, uint32_t src, size_t *len)
{
	msrc *m = &g->m[src];
	const char *t = td_seg_lex_term(m->s, g->layer, m->cur, len);
	if (!t && !g->terr)
		g->terr = td_seg_term_err(m->s);
	return t;
}

/* heap order: term bytewise, then source */
static int less(merge *g, uint32_t a, uint32_t b)
{
	size_t la, lb;
	const char *x = term(g, a, &la), *y = term(g, b, &lb);
	if (!x || !y)
		return 0; /* the damage is recorded; the caller sees it */
	int c = memcmp(x, y, la < lb ? la : lb);
	if (!c)
		c = la < lb ? -1 : la > lb;
	return c ? c < 0 : a < b;
}

static void sift_down(merge *g, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, s = i;
		if (l < g->nheap && less(g, g->heap[l], g->heap[s]))
			s = l;
		if (r < g->nheap && less(g, g->heap[r], g->heap[s]))
			s = r;
		if (s == i)
			return;
		uint32_t t = g->heap[i];
		g->heap[i] = g->heap[s];
		g->heap[s] = t;
		i = s;
	}
}

static void lex_start(merge *g, int layer)
{
	g->layer = layer;
	g->nheap = 0;
	for (size_t i = 0; i < g->n; i++) {
		g->m[i].cur = 0;
		if (td_seg_lex_size(g->m[i].s, layer))
			g->heap[g->nheap++] = (uint32_t)i;
	}
	for (size_t i = g->nheap / 2; i-- > 0;)
		sift_down(g, i);
}

/* The next term in bytewise order: *t and *len, and in g->occ the
 * sources holding it (in source order) with its id in each. 1, 0 at the
 * end, or an error. */
static int lex_next(merge *g, const char **t, size_t *len, size_t *nocc)
{
	*nocc = 0;
	if (g->terr) /* in a comparison of the heap's */
		return g->terr;
	if (!g->nheap)
		return 0;
	uint32_t top = g->heap[0];
	if (!(*t = term(g, top, len)))
		return g->terr;
	for (;;) {
		uint32_t s = g->heap[0];
		size_t l;
		const char *x = term(g, s, &l);
		if (!x)
			return g->terr;
		if (l != *len || memcmp(x, *t, l))
			break;
		if (TD_VEC_RESERVE(g->occ, *nocc, g->cap_occ, 16))
			return nomem();
		g->occ[(*nocc)++] = (tsrc){s, g->m[s].cur};
		if (++g->m[s].cur < td_seg_lex_size(g->m[s].s, g->layer))
			sift_down(g, 0);
		else {
			g->heap[0] = g->heap[--g->nheap];
			if (!g->nheap)
				break;
			sift_down(g, 0);
		}
		if (g->terr)
			return g->terr;
		if (*nocc > 1 && g->occ[*nocc - 1].src <= g->occ[*nocc - 2].src)
			return bad(&g->m[s], "lexicon out of order");
	}
	return g->terr ? g->terr : 1;
}

/* One lexicon entry and its string into the spills. */
static int put_lex(
        merge *g, const char *t, size_t len, uint64_t post_off, uint64_t freq)
{
	td_seglex e = {(uint32_t)g->lstr.len, (uint32_t)freq, post_off};
	if (freq > UINT32_MAX)
		return td_error(TD_ELIMIT, "merged segment too large");
	if (g->lstr.len > TD_LSTR_MAX - len - 1)
		return td_error(TD_ELIMIT, "merged segment lexicon too large");
	int rc = spill_put(g, &g->lex, &e, sizeof e);
	/* the front-coded entry: at most len + 1 bytes */
	uint8_t small[256], *b = len < sizeof small ? small : NULL;
	size_t el = 0;
	if (!rc && !b && !(b = malloc(len + 1)))
		rc = nomem();
	if (!rc && !(el = td_lstrenc_put(&g->le, t, len, b)))
		rc = TD_ENOMEM;
	if (!rc)
		rc = spill_put(g, &g->lstr, b, el);
	if (b != small)
		free(b);
	return rc;
}

/* Packs the spilled lexicon entries as section sec (format 17) and
 * empties the spill. */
static int lex_copy(merge *g, int sec)
{
	spill *sp = &g->lex;
	td_lexout x;
	int rc = td_lexout_begin(&g->o, &g->h, &x, sec);
	if (!rc && (fflush(sp->f) || fseeko(sp->f, 0, SEEK_SET)))
		rc = td_error(TD_EIO, "%s: temporary file of a merge: %s",
		        g->dir, strerror(errno));
	for (uint64_t left = sp->len; left && !rc; left -= sizeof(td_seglex)) {
		td_seglex e;
		if (fread(&e, sizeof e, 1, sp->f) != 1)
			rc = td_error(TD_EIO,
			        "%s: temporary file of a merge: %s", g->dir,
			        ferror(sp->f) ? strerror(errno) : "short read");
		else
			rc = td_lexout_put(&g->o, &g->h, &x, &e);
	}
	if (!rc)
		rc = td_lexout_end(&g->o, &g->h, &x);
	td_lexout_clear(&x);
	if (!rc && (fseeko(sp->f, 0, SEEK_SET) || ftruncate(fileno(sp->f), 0)))
		rc = td_error(TD_EIO, "%s: temporary file of a merge: %s",
		        g->dir, strerror(errno));
	sp->len = 0;
	return rc;
}

static int end_layer(merge *g, int layer)
{
	int rc;
	td_out_end(&g->o, &g->h, td_sec_post(layer));
	if ((rc = lex_copy(g, td_sec_lex(layer))))
		return rc;
	rc = spill_copy(g, &g->lstr, td_sec_lstr(layer));
	g->le.n = 0; /* the next layer's first block */
	g->h.lexsize[layer] = g->nout[layer];
	return rc;
}

/* The word, lemma or pos layer: every term with a live position, its
 * postings renumbered. share and lout are NULL or per term of the merged
 * lexicon, counted with those without live positions: share the
 * TD_POST_SHARED flags of a term whose postings are another's
 * (lemma_share), lout receives its output id (NONE: no live position). */
static int merge_layer(merge *g, int layer, const uint64_t *share,
        const uint32_t *ustart, const uint32_t *umem, uint32_t *lout)
{
	int rc;
	const char *t;
	size_t len, nocc;
	uint32_t out = 0, j = 0;
	int psec = td_sec_post(layer);
	if ((rc = td_out_begin(&g->o, &g->h, psec)))
		return rc;
	/* a term's bytes do not outlive a trim of its source (td_seg_trim
	 * lets the decoded lexicon strings go): the sources are trimmed
	 * (stopped, pos_live) only between terms, never while t is held */
	for (size_t i = 0; layer == TD_LAYER_POS && i < g->n; i++)
		if (g->m[i].has_del && !g->m[i].poslive &&
		        (rc = pos_live(g, &g->m[i])))
			return rc;
	lex_start(g, layer);
	while (!(rc = stopped(g)) && (rc = lex_next(g, &t, &len, &nocc)) == 1) {
		uint64_t n;
		uint32_t jj = j++;
		if ((rc = count_live(g, layer, g->occ, nocc, &n)))
			return rc;
		if (lout)
			lout[jj] = n ? out : NONE;
		if (!n)
			continue;
		uint64_t off = g->o.pos - g->h.sec_off[psec];
		if (off > TD_POST_OFF_MASK)
			return td_error(
			        TD_ELIMIT, "segment postings too large");
		for (size_t i = 0; i < nocc; i++)
			g->m[g->occ[i].src].map[layer][g->occ[i].id] = out;
		if (layer == TD_LAYER_WORD)
			g->wfreq[out] = n;
		/* which pos terms keep postings is decided anew for the
		 * merged segment, as td_segbuild decides it (format 9): a
		 * term frequent here is scanned, whatever it was in its
		 * sources */
		if (layer == TD_LAYER_POS && n * TD_POS_SCAN_RATIO > g->ntok) {
			if ((rc = put_lex(g, t, len, off | TD_POST_SCAN, n)))
				return rc;
			out++;
			continue;
		}
		if (share && share[jj] == TD_POST_UNION) {
			/* the union of the output words umem[ustart[jj], ...)
			 * (format 12), td_union_encode's bytes */
			if ((rc = put_lex(g, t, len, off | TD_POST_UNION, n)))
				return rc;
			for (uint32_t i = ustart[jj]; i < ustart[jj + 1] && !rc;
			        i++)
				rc = vput(g, i > ustart[jj]
				                     ? umem[i] - umem[i - 1]
				                     : umem[i]);
			if (rc || (rc = vflush(g)))
				return rc;
			out++;
			continue;
		}
		if (share && share[jj]) {
			if ((rc = put_lex(g, t, len, off | share[jj], n)))
				return rc;
			out++;
			continue;
		}
		if ((rc = put_lex(g, t, len, off, n)) ||
		        (rc = write_postings(g, layer, g->occ, nocc, n)))
			return rc;
		out++;
	}
	if (rc < 0)
		return rc;
	g->nout[layer] = out;
	return end_layer(g, layer);
}

/* The norm layer. A position's norm is its word's, so the output norms
 * are those of the output words: first the sources' norm lexicons are
 * merged to number every norm (tentatively), each output word finds its
 * norm by its sources' W2N, then the norms that have words are written:
 * one with a single word shares that word's postings (TD_POST_SHARED),
 * as the builder does (when the word's id fits, TD_POST_ID_MAX), and one
 * with several is the union of theirs (TD_POST_UNION, format 12): no
 * norm's positions are read. */
static int merge_norms(merge *g)
{
	int rc;
	const char *t;
	size_t len, nocc;
	uint32_t nt = 0, nw = g->nout[TD_LAYER_WORD];
	uint32_t *word = NULL, *forms = NULL, *rank = NULL;
	uint64_t *freq = NULL;
	lex_start(g, TD_LAYER_NORM);
	while ((rc = lex_next(g, &t, &len, &nocc)) == 1) {
		for (size_t i = 0; i < nocc; i++)
			g->m[g->occ[i].src].map[TD_LAYER_NORM][g->occ[i].id] =
			        nt;
		nt++;
	}
	if (rc < 0)
		return rc;
	word = malloc(((size_t)nw + 1) * 4);
	forms = calloc((size_t)nt + 2, 4);
	rank = malloc(((size_t)nt + 1) * 4);
	freq = calloc((size_t)nt + 1, 8);
	if (!word || !forms || !rank || !freq) {
		rc = nomem();
		goto out;
	}
	for (size_t i = 0; i < g->n; i++) {
		msrc *m = &g->m[i];
		uint32_t nsw = td_seg_lex_size(m->s, TD_LAYER_WORD);
		uint32_t nsn = td_seg_lex_size(m->s, TD_LAYER_NORM);
		uint32_t wb = td_w2n_bits(nsn);
		const uint8_t *w2n = nsw ? td_seg_sec(m->s, TD_SEC_W2N, 0,
		                                   td_w2n_len(nsw, nsn))
		                         : NULL;
		if (nsw && !w2n) {
			rc = TD_ECORRUPT;
			goto out;
		}
		for (uint32_t w = 0; w < nsw; w++) {
			uint32_t o = m->map[TD_LAYER_WORD][w], sn;
			if (o == NONE)
				continue;
			uint64_t at = (uint64_t)w * wb;
			sn = (uint32_t)td_bits_at(w2n + at / 8, at % 8, wb);
			if (sn >= nsn) {
				rc = bad(m, "bad term id");
				goto out;
			}
			g->wnorm[o] = m->map[TD_LAYER_NORM][sn];
		}
	}
	for (uint32_t o = 0; o < nw; o++) {
		uint32_t j = g->wnorm[o];
		forms[j + 1]++;
		freq[j] += g->wfreq[o];
	}
	/* per tentative norm its output words, ascending: word from forms */
	for (uint32_t j = 0; j < nt; j++)
		forms[j + 1] += forms[j];
	for (uint32_t o = 0; o < nw; o++)
		word[forms[g->wnorm[o]]++] = o;
	memmove(forms + 1, forms, (size_t)nt * 4);
	forms[0] = 0;
	uint32_t out = 0;
	for (uint32_t j = 0; j < nt; j++)
		rank[j] = forms[j + 1] > forms[j] ? out++ : NONE;
	int psec = td_sec_post(TD_LAYER_NORM);
	if ((rc = td_out_begin(&g->o, &g->h, psec)))
		goto out;
	lex_start(g, TD_LAYER_NORM);
	uint32_t j = 0;
	/* trimmed between terms only (merge_layer) */
	while (!(rc = stopped(g)) && (rc = lex_next(g, &t, &len, &nocc)) == 1) {
		uint32_t jj = j++, nf = forms[jj + 1] - forms[jj],
		         *ws = word + forms[jj];
		if (!nf)
			continue;
		uint64_t off = g->o.pos - g->h.sec_off[psec];
		if (off > TD_POST_OFF_MASK) {
			rc = td_error(TD_ELIMIT, "segment postings too large");
			goto out;
		}
		if (nf == 1 && ws[0] <= TD_POST_ID_MAX) {
			rc = put_lex(g, t, len,
			        off | td_post_share(TD_LAYER_WORD, ws[0]),
			        freq[jj]);
		} else if (nf == 1) {
			if (!(rc = put_lex(g, t, len, off, freq[jj])))
				rc = write_postings(g, TD_LAYER_NORM, g->occ,
				        nocc, freq[jj]);
		} else if (!(rc = put_lex(g, t, len, off | TD_POST_UNION,
		                     freq[jj]))) {
			/* the union of its words (format 12), td_union_encode's
			 * bytes */
			for (uint32_t i = 0; i < nf && !rc; i++)
				rc = vput(g, i ? ws[i] - ws[i - 1] : ws[0]);
			if (!rc)
				rc = vflush(g);
		}
		if (rc)
			goto out;
	}
	if (rc < 0)
		goto out;
	g->nout[TD_LAYER_NORM] = out;
	/* the output norm of each output word */
	for (uint32_t o = 0; o < nw; o++)
		g->wnorm[o] = rank[g->wnorm[o]];
	rc = end_layer(g, TD_LAYER_NORM);
out:
	free(word);
	free(forms);
	free(rank);
	free(freq);
	return rc;
}

/* ------------------------------------------------------------ the ids */

/* The ids and span fields go through bits.h's packer, as segbuild.c packs
 * them; its bytes follow whatever varints are staged (vflush first). */
typedef struct packer {
	merge *g;
	unsigned bits;
	td_bitpack p;
} packer;

static int pack_out(packer *k)
{
	int rc = vflush(k->g);
	if (!rc)
		rc = td_out_put(&k->g->o, k->p.buf, k->p.nb);
	k->p.nb = 0;
	return rc;
}

static int pack(packer *k, uint32_t v)
{
	return td_bitpack_put(&k->p, v, k->bits) ? pack_out(k) : 0;
}

static int pack_end(packer *k)
{
	static const uint8_t pad[8];
	td_bitpack_end(&k->p);
	int rc = pack_out(k);
	if (!rc)
		rc = td_out_put(&k->g->o, pad, 8); /* readers load 8 bytes */
	return rc;
}

static uint32_t bits_for(uint32_t nterms)
{
	uint32_t bits = 1;
	while (bits < 32 && ((uint64_t)1 << bits) < nterms)
		bits++;
	return bits;
}

/* Calls fn for every live position in output order with its output ids
 * of the word, lemma and pos layers (want: which to read). */
typedef int (*pos_fn)(void *ctx, const uint32_t id[TD_NLAYERS]);

/* m's output word and pos ids of each rank of IDS (m->rword, m->rpos,
 * the latter with the layers): the word and pos of a position are then its
 * rank's, one read of IDS instead of one per layer and a lookup of each
 * rank's ids per position (format 15 made the merge read the rank twice a
 * position, as word and as pos). 8 bytes a rank. */
static int rank_tables(merge *g, msrc *m)
{
	uint32_t nr = m->s->hdr.id_ranks;
	int layers = !g->no_layers;
	if (m->rword)
		return 0;
	m->rword = malloc(((size_t)nr + 1) * 4);
	if (layers)
		m->rpos = malloc(((size_t)nr + 1) * 4);
	if (!m->rword || (layers && !m->rpos))
		return nomem();
	for (uint32_t r = 0; r < nr; r++) {
		uint32_t t = 0,
		         w = td_seg_rank_ids(m->s, r, layers ? &t : NULL);
		if (w == NONE)
			return TD_ECORRUPT;
		m->rword[r] = m->map[TD_LAYER_WORD][w];
		if (layers)
			m->rpos[r] = m->map[TD_LAYER_POS][t];
	}
	return 0;
}

static int each_position(merge *g, unsigned want, pos_fn fn, void *ctx)
{
	const unsigned wp = 1u << TD_LAYER_WORD | 1u << TD_LAYER_POS;
	for (size_t i = 0; i < g->n; i++) {
		msrc *m = &g->m[i];
		int rc;
		if ((rc = stopped(g)))
			return rc;
		if ((want & wp) && (rc = rank_tables(g, m)))
			return rc;
		for (uint32_t d = 0; d < m->ndocs; d++) {
			if (m->newdoc[d] == NONE)
				continue;
			trim(g);
			for (uint32_t p = m->first[d]; p < m->first[d + 1];
			        p++) {
				uint32_t id[TD_NLAYERS] = {0, 0, 0, 0};
				if (want & wp) {
					uint32_t r = td_seg_rank_at(m->s, p);
					if (r == NONE)
						return TD_ECORRUPT;
					id[TD_LAYER_WORD] = m->rword[r];
					if (m->rpos)
						id[TD_LAYER_POS] = m->rpos[r];
					if (id[TD_LAYER_WORD] == NONE ||
					        id[TD_LAYER_POS] == NONE)
						return bad(m,
						        "position of a term "
						        "not in its lexicon");
				}
				for (int l = 0; l < TD_NLAYERS; l++) {
					if (!(want >> l & 1) || (wp >> l & 1))
						continue;
					uint32_t v = td_seg_id_at(m->s, l, p);
					if (v == NONE)
						return TD_ECORRUPT;
					if ((id[l] = m->map[l][v]) == NONE)
						return bad(m,
						        "position of a term "
						        "not in its lexicon");
				}
				if ((rc = fn(ctx, id)))
					return rc;
			}
		}
		td_seg_trim(m->s);
	}
	return 0;
}

struct idsctx {
	packer k;
	int layer;
};

static int put_id(void *ctx, const uint32_t id[TD_NLAYERS])
{
	struct idsctx *c = ctx;
	return pack(&c->k, id[c->layer]);
}

static int write_ids(merge *g, int layer, uint32_t *bits_out)
{
	struct idsctx c = {.k = {.g = g, .bits = bits_for(g->nout[layer])},
	        .layer = layer};
	int sec = td_sec_ids(layer);
	int rc = td_out_begin(&g->o, &g->h, sec);
	if (!rc)
		rc = each_position(g, 1u << layer, put_id, &c);
	if (!rc)
		rc = pack_end(&c.k);
	td_out_end(&g->o, &g->h, sec);
	*bits_out = c.k.bits;
	return rc;
}

/* The pairs of IDS (format 15): gathered, then put. */
struct pairctx {
	td_idpairs p;
	td_idenc e;
	int layers; /* pairs of word and pos, else of the word alone */
};

static int count_pair(void *ctx, const uint32_t id[TD_NLAYERS])
{
	struct pairctx *c = ctx;
	return td_idpairs_get(&c->p, id[TD_LAYER_WORD],
	               c->layers ? id[TD_LAYER_POS] : 0, 1) == UINT32_MAX
	               ? TD_ENOMEM
	               : 0;
}

static int put_pair(void *ctx, const uint32_t id[TD_NLAYERS])
{
	struct pairctx *c = ctx;
	return td_idenc_put(
	        &c->e, td_idpairs_get(&c->p, id[TD_LAYER_WORD],
	                       c->layers ? id[TD_LAYER_POS] : 0, 0));
}

/* IDS: every live position's output (word, pos) pair by its rank
 * (idcode.h, format 15; the word alone without the layers), the ranks
 * and tiers from the pairs' frequencies, then IDS3, the pos id of each
 * rank, as the builder's write_word_ids. */
static int write_word_ids(merge *g)
{
	uint32_t nw = g->nout[TD_LAYER_WORD];
	unsigned want = 1u << TD_LAYER_WORD;
	g->h.id_bits = bits_for(nw);
	struct pairctx c;
	memset(&c, 0, sizeof c);
	c.layers = !g->no_layers;
	if (c.layers)
		want |= 1u << TD_LAYER_POS;
	int rc = td_idpairs_init(&c.p, nw);
	if (!rc)
		rc = each_position(g, want, count_pair, &c);
	if (!rc &&
	        !(rc = td_idenc_init(&c.e, &g->o, c.p.freq, (uint32_t)c.p.n))) {
		memcpy(g->h.id_tier, c.e.w, sizeof g->h.id_tier);
		g->h.id_ranks = (uint32_t)c.p.n;
		if (!(rc = vflush(g)))
			rc = td_out_begin(&g->o, &g->h, TD_SEC_IDS);
	}
	if (!rc)
		rc = each_position(g, want, put_pair, &c);
	if (!rc)
		rc = td_idenc_finish(&c.e, c.p.word, g->h.id_bits);
	td_out_end(&g->o, &g->h, TD_SEC_IDS);
	if (!rc && c.layers) {
		g->h.lbits[1] = bits_for(g->nout[TD_LAYER_POS]);
		if (!(rc = td_out_begin(&g->o, &g->h, TD_SEC_IDS3)))
			rc = td_idenc_write_pos(&c.e, c.p.pos, g->h.lbits[1]);
		td_out_end(&g->o, &g->h, TD_SEC_IDS3);
	}
	td_idenc_clear(&c.e);
	td_idpairs_clear(&c.p);
	return rc;
}

/* The lemma per word and pos (TD_W2L_*), as segbuild.c's write_w2l
 * gathers it: per output word its (pos, lemma) pairs, the lemma by its
 * number in the merged lexicon (lnum), the output id once known (lout). */
struct w2l {
	uint32_t *head, *pair, *next;
	size_t np, cap;
	int ok;
};

/* Adds a position's pair; a word with one pos and two lemmas ends the
 * gathering (c->ok 0: the lemma ids are stored instead). */
static int w2l_add(struct w2l *c, const uint32_t id[TD_NLAYERS])
{
	uint32_t t = id[TD_LAYER_POS],
	         v = id[TD_LAYER_LEMMA] << TD_W2L_POS_BITS | t;
	uint32_t k = c->head[id[TD_LAYER_WORD]];
	while (k != NONE && (c->pair[k] & TD_W2L_POS_MASK) != t)
		k = c->next[k];
	if (k != NONE) {
		if (c->pair[k] != v)
			c->ok = 0;
		return 0;
	}
	size_t cn = c->cap; /* pair and next share cap: pair grows it */
	if (TD_VEC_RESERVE(c->next, c->np, cn, 16) ||
	        TD_VEC_RESERVE(c->pair, c->np, c->cap, 16))
		return nomem();
	c->pair[c->np] = v;
	c->next[c->np] = c->head[id[TD_LAYER_WORD]];
	c->head[id[TD_LAYER_WORD]] = (uint32_t)c->np++;
	return 0;
}

static void w2l_clear(struct w2l *c)
{
	free(c->head);
	free(c->pair);
	free(c->next);
	memset(c, 0, sizeof *c);
}

/* IDS2: the lemma per word and pos when every word with a pos has one
 * lemma (lemma bits 0), else the packed lemma ids; the builder's choice.
 * c holds the pairs lemma_share gathered (lemma numbers of the merged
 * lexicon, lout[number] the output id), unless c->ok is 0. */
static int write_lemma_ids(merge *g, struct w2l *c, const uint32_t *lout)
{
	int rc = 0;
	uint32_t nw = g->nout[TD_LAYER_WORD];
	if (!c->ok || g->nout[TD_LAYER_POS] > TD_W2L_MAX_POS ||
	        g->nout[TD_LAYER_LEMMA] > (1u << (32 - TD_W2L_POS_BITS)) ||
	        c->np + nw >= TD_W2L_LIST)
		return write_ids(g, TD_LAYER_LEMMA, &g->h.lbits[0]);
	g->h.lbits[0] = 0;
	if ((rc = td_out_begin(&g->o, &g->h, TD_SEC_IDS2)))
		return rc;
	for (size_t k = 0; k < c->np; k++)
		c->pair[k] = lout[c->pair[k] >> TD_W2L_POS_BITS]
		                     << TD_W2L_POS_BITS |
		             (c->pair[k] & TD_W2L_POS_MASK);
	uint32_t at = 0;
	for (uint32_t w = 0; w < nw && !rc; w++) {
		uint32_t k = c->head[w], n = 0, v;
		for (uint32_t q = k; q != NONE; q = c->next[q])
			n++;
		if (n == 1) {
			v = c->pair[k] >> TD_W2L_POS_BITS;
		} else {
			/* a word with no live pair cannot be: every output
			 * word has a live position */
			v = TD_W2L_LIST | at;
			at += 1 + n;
		}
		rc = td_out_put(&g->o, &v, 4);
	}
	uint32_t v[1 + TD_W2L_MAX_POS];
	for (uint32_t w = 0; w < nw && !rc; w++) {
		uint32_t n = 0;
		for (uint32_t k = c->head[w]; k != NONE; k = c->next[k]) {
			uint32_t j = ++n;
			for (; j > 1 && (v[j - 1] & TD_W2L_POS_MASK) >
			                        (c->pair[k] & TD_W2L_POS_MASK);
			        j--)
				v[j] = v[j - 1];
			v[j] = c->pair[k];
		}
		v[0] = n;
		if (n > 1)
			rc = td_out_put(&g->o, v, (size_t)(n + 1) * 4);
	}
	td_out_end(&g->o, &g->h, TD_SEC_IDS2);
	return rc;
}

/* Per lemma of the merged lexicon (counted with those without live
 * positions) the TD_POST_SHARED flags of the output word, or else norm,
 * whose live positions are exactly the lemma's, as the builder's
 * lemma_share decides it, or 0. One pass over the live positions' word,
 * lemma and pos ids, which also gathers the lemma per word and pos for
 * IDS2 (c); map[TD_LAYER_LEMMA] holds the lemmas' numbers in the merged
 * lexicon until merge_layer sets the output ids. */
#define SH_NONE UINT32_MAX       /* no position seen yet */
#define SH_MANY (UINT32_MAX - 1) /* more than one */
struct lshare {
	merge *g;
	uint32_t *lw, *ln, *wl, *nl, *lf;
	struct w2l *c;
};

static uint32_t one_of(uint32_t have, uint32_t v)
{
	return have == SH_NONE ? v : have == v ? v : SH_MANY;
}

static int lshare_add(void *ctx, const uint32_t id[TD_NLAYERS])
{
	struct lshare *x = ctx;
	uint32_t w = id[TD_LAYER_WORD], n = x->g->wnorm[w],
	         l = id[TD_LAYER_LEMMA];
	x->lw[l] = one_of(x->lw[l], w);
	x->ln[l] = one_of(x->ln[l], n);
	x->wl[w] = one_of(x->wl[w], l);
	x->nl[n] = one_of(x->nl[n], l);
	x->lf[l]++;
	return x->c->ok ? w2l_add(x->c, id) : 0;
}

static int lemma_share(merge *g, uint64_t **share, uint32_t *nterms,
        struct w2l *c, uint32_t **ustart, uint32_t **umem)
{
	int rc;
	const char *t;
	size_t len, nocc;
	uint32_t nt = 0, nw = g->nout[TD_LAYER_WORD],
	         nn = g->nout[TD_LAYER_NORM];
	struct lshare x = {g, NULL, NULL, NULL, NULL, NULL, c};
	uint64_t *sum = NULL;
	*share = NULL;
	lex_start(g, TD_LAYER_LEMMA);
	while ((rc = lex_next(g, &t, &len, &nocc)) == 1) {
		for (size_t i = 0; i < nocc; i++)
			g->m[g->occ[i].src].map[TD_LAYER_LEMMA][g->occ[i].id] =
			        nt;
		nt++;
	}
	if (rc < 0)
		return rc;
	*nterms = nt;
	x.lw = malloc(((size_t)nt + 1) * 4);
	x.ln = malloc(((size_t)nt + 1) * 4);
	x.wl = malloc(((size_t)nw + 1) * 4);
	x.nl = malloc(((size_t)nn + 1) * 4);
	x.lf = calloc((size_t)nt + 1, 4);
	sum = calloc((size_t)nt + 1, 8);
	*share = calloc((size_t)nt + 1, 8);
	*ustart = calloc((size_t)nt + 2, 4);
	*umem = malloc(((size_t)nw + 1) * 4);
	if (!x.lw || !x.ln || !x.wl || !x.nl || !x.lf || !sum || !*share ||
	        !*ustart || !*umem) {
		rc = nomem();
		goto out;
	}
	memset(x.lw, 0xff, ((size_t)nt + 1) * 4);
	memset(x.ln, 0xff, ((size_t)nt + 1) * 4);
	memset(x.wl, 0xff, ((size_t)nw + 1) * 4);
	memset(x.nl, 0xff, ((size_t)nn + 1) * 4);
	/* pairs hold the lemma numbers: with more than 2^26 lemma strings in
	 * the sources (live or not) the lemma ids are stored, where a build
	 * of the live ones might have derived them; the answers are the same */
	c->ok = g->nout[TD_LAYER_POS] <= TD_W2L_MAX_POS &&
	        nt <= (1u << (32 - TD_W2L_POS_BITS));
	if (c->ok) {
		c->cap = (size_t)nw + 16;
		c->head = malloc(((size_t)nw + 1) * 4);
		c->pair = malloc(c->cap * 4);
		c->next = malloc(c->cap * 4);
		if (!c->head || !c->pair || !c->next) {
			rc = nomem();
			goto out;
		}
		memset(c->head, 0xff, ((size_t)nw + 1) * 4);
	}
	if ((rc = each_position(g,
	             1u << TD_LAYER_WORD | 1u << TD_LAYER_LEMMA |
	                     (c->ok ? 1u << TD_LAYER_POS : 0),
	             lshare_add, &x)))
		goto out;
	/* the words of one lemma at every position, by lemma number: a
	 * lemma that is all their positions is their union (format 12) */
	uint32_t *us = *ustart;
	for (uint32_t w = 0; w < nw; w++)
		if (x.wl[w] < SH_MANY) {
			sum[x.wl[w]] += g->wfreq[w];
			us[x.wl[w] + 1]++;
		}
	for (uint32_t l = 0; l < nt; l++)
		us[l + 1] += us[l];
	for (uint32_t w = 0; w < nw; w++)
		if (x.wl[w] < SH_MANY)
			(*umem)[us[x.wl[w]]++] = w;
	memmove(us + 1, us, (size_t)nt * 4);
	us[0] = 0;
	for (uint32_t l = 0; l < nt; l++) {
		uint32_t w = x.lw[l], n = x.ln[l];
		if (w < SH_MANY && x.wl[w] == l && w <= TD_POST_ID_MAX)
			(*share)[l] = td_post_share(TD_LAYER_WORD, w);
		else if (n < SH_MANY && x.nl[n] == l && n <= TD_POST_ID_MAX)
			(*share)[l] = td_post_share(TD_LAYER_NORM, n);
		else if (us[l + 1] - us[l] > 1 && sum[l] == x.lf[l])
			(*share)[l] = TD_POST_UNION;
	}
out:
	free(sum);
	free(x.lf);
	free(x.lw);
	free(x.ln);
	free(x.wl);
	free(x.nl);
	return rc;
}

/* -------------------------------------------------------- documents */

static int get_segdoc(msrc *m, uint32_t d, td_segdoc *r)
{
	const uint8_t *p = td_seg_sec(
	        m->s, TD_SEC_DOCS, (uint64_t)d * sizeof *r, sizeof *r);
	if (!p)
		return TD_ECORRUPT;
	memcpy(r, p, sizeof *r);
	return 0;
}

/* [*a, *e) of document d's bytes in TEXT: they end where the next
 * document's begin. (Its metadata is read pair by pair, td_seg_each_kv.) */
static int doc_bytes(msrc *m, uint32_t d, const uint8_t **p, uint64_t *len)
{
	td_segdoc r, n;
	const int sec = TD_SEC_TEXT;
	*p = NULL;
	*len = 0;
	int rc = get_segdoc(m, d, &r);
	if (rc)
		return rc;
	uint64_t a = r.text_off;
	uint64_t e = m->s->hdr.sec_len[sec];
	if (d + 1 < m->ndocs) {
		if ((rc = get_segdoc(m, d + 1, &n)))
			return rc;
		e = n.text_off;
	}
	if (e < a || e > m->s->hdr.sec_len[sec])
		return bad(m, "bad document record");
	if (!(*p = td_seg_sec(m->s, sec, a, e - a)))
		return TD_ECORRUPT;
	*len = e - a;
	return 0;
}

/* A metadata pair of a source document: in the first pass its record
 * (key code, new DOCPOOL offset) goes to rec, in the second its string
 * to the output when td_docpool_put places it there. */
struct kvcopy {
	merge *g;
	td_docpool *pool;
	td_buf *rec;
	int pass, rc;
};

static int kv_copy(void *ctx, const char *k, const char *v)
{
	struct kvcopy *c = ctx;
	const td_metakey *mk = td_metakey_find(k);
	unsigned key = mk ? (unsigned)(mk - td_metakeys) : TD_KV_ACTOR;
	uint8_t code = (uint8_t)key;
	uint64_t off;
	int add;
	size_t len = strlen(v);
	if ((c->rc = td_docpool_put(c->pool, key, v, len, &off, &add)))
		return c->rc;
	if (!c->pass && !(c->rc = td_buf_add(c->rec, &code, 1)))
		c->rc = td_buf_varint(c->rec, off);
	else if (c->pass && add)
		c->rc = td_out_put(&c->g->o, v, len + 1);
	return c->rc;
}

/* TEXT and GSTR, DOCSTR and DOCPOOL, then DOCS. */
static int write_docs(merge *g)
{
	int rc = 0;
	td_strtab gaps;
	td_docpool pool;
	td_buf rec = {0};
	td_strtab_init(&gaps);
	td_docpool_init(&pool);
	uint64_t *toff = malloc(((size_t)g->ndocs + 1) * 8);
	uint64_t *koff = malloc(((size_t)g->ndocs + 1) * 8);
	if (!toff || !koff) {
		rc = nomem();
		goto out;
	}
	if ((rc = td_out_begin(&g->o, &g->h, TD_SEC_TEXT)))
		goto out;
	uint32_t nd = 0;
	for (size_t i = 0; i < g->n && !rc; i++) {
		msrc *m = &g->m[i];
		uint64_t glen = m->s->hdr.sec_len[TD_SEC_GSTR];
		for (uint32_t d = 0; d < m->ndocs && !rc; d++) {
			if (m->newdoc[d] == NONE)
				continue;
			trim(g);
			const uint8_t *p;
			uint64_t len;
			if ((rc = doc_bytes(m, d, &p, &len)))
				break;
			uint32_t ntok = m->first[d + 1] - m->first[d];
			uint64_t ncodes = ((uint64_t)ntok + 1 + 3) / 4;
			if (len < ncodes) {
				rc = bad(m, "bad document text");
				break;
			}
			toff[nd++] = g->o.pos - g->h.sec_off[TD_SEC_TEXT];
			if ((rc = td_out_put(&g->o, p, ncodes)))
				break;
			const uint8_t *x = p + ncodes, *xe = p + len;
			for (uint32_t k = 0; k <= ntok && !rc; k++) {
				if (((p[k / 4] >> (k % 4 * 2)) & 3) !=
				        TD_GAP_OTHER)
					continue;
				uint64_t off, l;
				const char *s;
				uint32_t id;
				if (td_varint_get(&x, xe, &off) ||
				        td_varint_get(&x, xe, &l) ||
				        off > glen || l > glen - off) {
					rc = bad(m, "bad document text");
					break;
				}
				if (!(s = (const char *)td_seg_sec(
				              m->s, TD_SEC_GSTR, off, l))) {
					rc = TD_ECORRUPT;
					break;
				}
				if ((rc = td_strtab_put(
				             &gaps, s, (size_t)l, &id, NULL)) ||
				        (rc = vput(g, gaps.off[id])) ||
				        (rc = vput(g, l)))
					break;
			}
			if (!rc)
				rc = vflush(g);
		}
		td_seg_trim(m->s);
	}
	td_out_end(&g->o, &g->h, TD_SEC_TEXT);
	if (rc || (rc = td_out_begin(&g->o, &g->h, TD_SEC_GSTR)) ||
	        (rc = td_out_put(&g->o, gaps.buf, gaps.len)))
		goto out;
	td_out_end(&g->o, &g->h, TD_SEC_GSTR);
	/* DOCSTR, then DOCPOOL: the pool laid out twice the same way, for
	 * the records and then for the strings (td_docpool: as the builder) */
	for (int pass = 0; pass < 2 && !rc; pass++) {
		int sec = pass ? TD_SEC_DOCPOOL : TD_SEC_DOCSTR;
		struct kvcopy c = {g, &pool, &rec, pass, 0};
		td_docpool_clear(&pool);
		td_docpool_init(&pool);
		if ((rc = td_out_begin(&g->o, &g->h, sec)))
			goto out;
		nd = 0;
		for (size_t i = 0; i < g->n && !rc; i++) {
			msrc *m = &g->m[i];
			for (uint32_t d = 0; d < m->ndocs && !rc; d++) {
				if (m->newdoc[d] == NONE)
					continue;
				trim(g);
				rec.n = 0;
				td_docpool_doc(&pool);
				if (!pass)
					koff[nd++] =
					        g->o.pos -
					        g->h.sec_off[TD_SEC_DOCSTR];
				if ((rc = td_seg_each_kv(
				             m->s, d, kv_copy, &c)) ||
				        (rc = c.rc) ||
				        (!pass && (rc = td_out_put(&g->o, rec.s,
				                           rec.n))))
					break;
			}
			td_seg_trim(m->s);
		}
		td_out_end(&g->o, &g->h, sec);
	}
	if (rc || (rc = td_out_begin(&g->o, &g->h, TD_SEC_DOCS)))
		goto out;
	nd = 0;
	for (size_t i = 0; i < g->n && !rc; i++) {
		msrc *m = &g->m[i];
		for (uint32_t d = 0; d < m->ndocs && !rc; d++) {
			td_segdoc r;
			if (m->newdoc[d] == NONE)
				continue;
			if ((rc = get_segdoc(m, d, &r)))
				break;
			r.text_off = toff[nd];
			r.kv_off = koff[nd];
			r.first_tok = m->newfirst[d];
			nd++;
			rc = td_out_put(&g->o, &r, sizeof r);
		}
	}
	td_out_end(&g->o, &g->h, TD_SEC_DOCS);
out:
	td_strtab_clear(&gaps);
	td_docpool_clear(&pool);
	td_buf_clear(&rec);
	free(toff);
	free(koff);
	return rc;
}

/* ------------------------------------------------------------ spans */

/* One element name's spans in output order: each source's list
 * renumbered (deleted documents' left out). Renumbering keeps the order
 * of starts; among spans that come to start at one position (a deleted
 * document's neighbours meet there) the builder's order is restored: end
 * descending, then input order (source, then place in its list). */
typedef struct rspan {
	uint32_t start, end, doc, attr, nattrs, src, idx;
} rspan;

typedef struct sstream {
	merge *g;
	const int64_t *k; /* per source the name's index, or -1 */
	size_t si;        /* the source being read */
	uint32_t i;       /* the next span of its list */
	const uint8_t *list;
	rspan *buf;
	size_t nbuf, cap, at;
	rspan la; /* looked ahead */
	int has_la;
} sstream;

static int cmp_rspan(const void *a, const void *b)
{
	const rspan *x = a, *y = b;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static uint64_t span_width(const td_segspname *n)
{
	uint64_t w = 0;
	for (int j = 0; j < TD_SPF_N; j++)
		w += n->bits[j];
	return w;
}

/* The next span of the sources, renumbered: 1, 0 at the end, or error. */
static int raw_next(sstream *q, rspan *out)
{
	merge *g = q->g;
	for (;;) {
		if (q->si >= g->n)
			return 0;
		msrc *m = &g->m[q->si];
		const td_segspname *n =
		        q->k[q->si] >= 0 ? &m->s->spn[q->k[q->si]] : NULL;
		if (!n || q->i >= n->count) {
			q->si++;
			q->i = 0;
			q->list = NULL;
			continue;
		}
		uint64_t nb = ((uint64_t)n->count + TD_SPAN_BLOCK - 1) /
		              TD_SPAN_BLOCK;
		uint64_t w = span_width(n);
		if (!q->list &&
		        !(q->list = td_seg_sec(m->s, TD_SEC_SPANS, n->off,
		                  nb * sizeof(td_segspblk) +
		                          (n->count * w + 7) / 8 + 8)))
			return TD_ECORRUPT;
		uint32_t i = q->i++;
		td_segspblk b;
		memcpy(&b, q->list + (size_t)(i / TD_SPAN_BLOCK) * sizeof b,
		        sizeof b);
		const uint8_t *p = q->list + nb * sizeof(td_segspblk);
		uint64_t at = (uint64_t)i * w;
		uint32_t f[TD_SPF_N];
		for (int j = 0; j < TD_SPF_N; j++) {
			uint64_t v;
			memcpy(&v, p + at / 8, 8);
			f[j] = n->bits[j] ? (uint32_t)((v >> (at % 8)) &
			                               (((uint64_t)1
			                                        << n->bits[j]) -
			                                       1))
			                  : 0;
			at += n->bits[j];
		}
		uint32_t start = b.start + f[TD_SPF_START],
		         end = start + f[TD_SPF_LEN],
		         doc = b.doc + f[TD_SPF_DOC];
		if (start < b.start || end < start || doc >= m->ndocs ||
		        start < m->first[doc] || end > m->first[doc + 1])
			return bad(m, "bad span");
		if (m->newdoc[doc] == NONE)
			continue;
		uint64_t attr = m->attr_base + b.attr + f[TD_SPF_ATTR];
		if (attr > UINT32_MAX)
			return td_error(TD_ELIMIT, "merged segment too large: "
			                           "too many span attributes");
		*out = (rspan){m->newfirst[doc] + (start - m->first[doc]),
		        m->newfirst[doc] + (end - m->first[doc]),
		        m->newdoc[doc], (uint32_t)attr, f[TD_SPF_NATTRS],
		        (uint32_t)q->si, i};
		return 1;
	}
}

static void ss_init(sstream *q, merge *g, const int64_t *k)
{
	rspan *buf = q->buf;
	size_t cap = q->cap;
	memset(q, 0, sizeof *q);
	q->g = g;
	q->k = k;
	q->buf = buf;
	q->cap = cap;
}

static int ss_next(sstream *q, rspan *out)
{
	int rc;
	if (q->at < q->nbuf) {
		*out = q->buf[q->at++];
		return 1;
	}
	q->nbuf = q->at = 0;
	for (;;) {
		rspan r;
		if (q->has_la) {
			r = q->la;
			q->has_la = 0;
		} else if ((rc = raw_next(q, &r)) != 1) {
			if (rc < 0)
				return rc;
			break;
		}
		if (q->nbuf && r.start != q->buf[0].start) {
			q->la = r;
			q->has_la = 1;
			break;
		}
		if (TD_VEC_RESERVE(q->buf, q->nbuf, q->cap, 64))
			return nomem();
		q->buf[q->nbuf++] = r;
	}
	if (!q->nbuf)
		return 0;
	if (q->nbuf > 1)
		qsort(q->buf, q->nbuf, sizeof *q->buf, cmp_rspan);
	*out = q->buf[q->at++];
	return 1;
}

/* The next block of up to TD_SPAN_BLOCK spans and its bases. */
static int ss_block(sstream *q, rspan *v, uint32_t *n, td_segspblk *b)
{
	int rc = 0;
	*n = 0;
	trim(q->g);
	while (*n < TD_SPAN_BLOCK && (rc = ss_next(q, &v[*n])) == 1)
		(*n)++;
	if (rc < 0)
		return rc;
	if (!*n)
		return 0;
	*b = (td_segspblk){v[0].start, UINT32_MAX, UINT32_MAX};
	for (uint32_t i = 0; i < *n; i++) {
		if (v[i].doc < b->doc)
			b->doc = v[i].doc;
		if (v[i].attr < b->attr)
			b->attr = v[i].attr;
	}
	return 1;
}

static void span_fields(
        const rspan *r, const td_segspblk *b, uint32_t f[TD_SPF_N])
{
	f[TD_SPF_START] = r->start - b->start;
	f[TD_SPF_LEN] = r->end - r->start;
	f[TD_SPF_DOC] = r->doc - b->doc;
	f[TD_SPF_ATTR] = r->attr - b->attr;
	f[TD_SPF_NATTRS] = r->nattrs;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One name's list: a read for its count and field widths, one for the
 * block bases, one for the packed spans. */
static int write_span_list(
        merge *g, sstream *q, const int64_t *k, td_segspname *nm)
{
	rspan v[TD_SPAN_BLOCK];
	uint32_t n, f[TD_SPF_N], mx[TD_SPF_N] = {0};
	td_segspblk b;
	int rc;
	uint64_t count = 0;
	ss_init(q, g, k);
	while ((rc = ss_block(q, v, &n, &b)) == 1) {
		count += n;
		for (uint32_t i = 0; i < n; i++) {
			span_fields(&v[i], &b, f);
			for (int j = 0; j < TD_SPF_N; j++)
				if (f[j] > mx[j])
					mx[j] = f[j];
		}
	}
	if (rc < 0)
		return rc;
	if (count > UINT32_MAX)
		return td_error(TD_ELIMIT, "merged segment too large: too many "
		                           "spans");
	nm->count = (uint32_t)count;
	for (int j = 0; j < TD_SPF_N; j++) {
		unsigned w = 0;
		while (w < 32 && (mx[j] >> w))
			w++;
		nm->bits[j] = (uint8_t)w;
	}
	if ((rc = td_out_align(&g->o)))
		return rc;
	nm->off = g->o.pos - g->h.sec_off[TD_SEC_SPANS];
	uint64_t seen = 0;
	ss_init(q, g, k);
	while ((rc = ss_block(q, v, &n, &b)) == 1 &&
	        !(rc = td_out_put(&g->o, &b, sizeof b)))
		seen += n;
	if (rc < 0)
		return rc;
	if (seen != count)
		return td_error(
		        TD_ECORRUPT, "%s: spans changed while read", g->dir);
	packer pk = {.g = g};
	ss_init(q, g, k);
	while ((rc = ss_block(q, v, &n, &b)) == 1) {
		for (uint32_t i = 0; i < n; i++) {
			span_fields(&v[i], &b, f);
			for (int j = 0; j < TD_SPF_N; j++) {
				if (!nm->bits[j])
					continue;
				pk.bits = nm->bits[j];
				if ((rc = pack(&pk, f[j])))
					return rc;
			}
		}
	}
	if (rc < 0)
		return rc;
	return pack_end(&pk);
}

/* SPANS, SPNAMES, SPATTR and SPSTR: the names of all sources, sorted; the
 * sources' string pools one after the other, their attribute pairs
 * pointing into them. */
static int write_spans(merge *g)
{
	int rc = 0;
	size_t nn = 0, cap = 0, nu = 0;
	const char **names = NULL;
	int64_t *k = malloc((g->n + 1) * sizeof *k);
	td_segspname *out = NULL;
	sstream q = {0};
	uint64_t strs = 0, pairs = 0;
	if (!k)
		return nomem();
	for (size_t i = 0; i < g->n; i++) {
		msrc *m = &g->m[i];
		m->str_base = strs;
		m->attr_base = pairs;
		strs += m->s->hdr.sec_len[TD_SEC_SPSTR];
		pairs += m->s->hdr.sec_len[TD_SEC_SPATTR] / 8;
		uint32_t ns = td_seg_span_nnames(m->s);
		for (uint32_t j = 0; j < ns; j++) {
			const char *s = td_seg_span_name(m->s, j);
			if (!s) {
				rc = TD_ECORRUPT;
				goto out;
			}
			if (TD_VEC_RESERVE(names, nn, cap, 64)) {
				rc = nomem();
				goto out;
			}
			names[nn++] = s;
		}
	}
	if (strs > TD_SPV_MASK) {
		rc = td_error(TD_ELIMIT, "too many distinct attribute values");
		goto out;
	}
	if (nn)
		qsort(names, nn, sizeof *names, cmp_name);
	for (size_t i = 0; i < nn; i++)
		if (!nu || strcmp(names[nu - 1], names[i]))
			names[nu++] = names[i];
	out = calloc(nu + 1, sizeof *out);
	if (!out) {
		rc = nomem();
		goto out;
	}
	if ((rc = td_out_begin(&g->o, &g->h, TD_SEC_SPANS)))
		goto out;
	size_t keep = 0;
	for (size_t u = 0; u < nu; u++) {
		int64_t first = -1;
		for (size_t i = 0; i < g->n; i++) {
			k[i] = td_seg_span_find(g->m[i].s, names[u]);
			if (k[i] == TD_ENOTFOUND)
				k[i] = -1;
			else if (k[i] < 0) {
				rc = TD_ECORRUPT;
				goto out;
			}
			if (k[i] >= 0 && first < 0)
				first = (int64_t)i;
		}
		if ((rc = stopped(g)) ||
		        (rc = write_span_list(g, &q, k, &out[keep])))
			goto out;
		if (!out[keep].count)
			continue; /* only deleted documents had it */
		msrc *m = &g->m[first];
		out[keep].str_off =
		        (uint32_t)(m->str_base + m->s->spn[k[first]].str_off);
		keep++;
	}
	td_out_end(&g->o, &g->h, TD_SEC_SPANS);
	g->h.nspnames = (uint32_t)keep;
	if ((rc = td_out_section(
	             &g->o, &g->h, TD_SEC_SPNAMES, out, keep * sizeof *out)))
		goto out;
	if ((rc = td_out_begin(&g->o, &g->h, TD_SEC_SPATTR)))
		goto out;
	for (size_t i = 0; i < g->n && !rc; i++) {
		msrc *m = &g->m[i];
		uint64_t len = m->s->hdr.sec_len[TD_SEC_SPATTR] / 8 * 8;
		const uint8_t *p =
		        len ? td_seg_sec(m->s, TD_SEC_SPATTR, 0, len) : NULL;
		if (len && !p) {
			rc = TD_ECORRUPT;
			break;
		}
		for (uint64_t j = 0; j < len / 4 && !rc; j++) {
			uint32_t v;
			memcpy(&v, p + j * 4, 4);
			v = (uint32_t)((v & TD_SPV_MASK) + m->str_base) |
			    (j % 2 ? v & ~(uint32_t)TD_SPV_MASK : 0);
			rc = td_out_put(&g->o, &v, 4);
		}
		td_seg_trim(m->s);
	}
	td_out_end(&g->o, &g->h, TD_SEC_SPATTR);
	if (rc || (rc = td_out_begin(&g->o, &g->h, TD_SEC_SPSTR)))
		goto out;
	for (size_t i = 0; i < g->n && !rc; i++) {
		msrc *m = &g->m[i];
		uint64_t len = m->s->hdr.sec_len[TD_SEC_SPSTR];
		const uint8_t *p =
		        len ? td_seg_sec(m->s, TD_SEC_SPSTR, 0, len) : NULL;
		if (len && !p)
			rc = TD_ECORRUPT;
		else
			rc = td_out_put(&g->o, p, len);
	}
	td_out_end(&g->o, &g->h, TD_SEC_SPSTR);
out:
	free(q.buf);
	free(names);
	free(k);
	free(out);
	return rc;
}

/* ------------------------------------------------------------- the file */

static int write_all(merge *g)
{
	int rc;
	uint32_t nw_max = 0;
	for (size_t i = 0; i < g->n; i++)
		nw_max += td_seg_lex_size(g->m[i].s, TD_LAYER_WORD);
	g->wnorm = malloc(((size_t)nw_max + 1) * 4);
	g->wfreq = malloc(((size_t)nw_max + 1) * 8);
	if (!g->wnorm || !g->wfreq)
		return nomem();
	g->h.ndocs = g->ndocs;
	g->h.ntokens = (uint32_t)g->ntok;
	if ((rc = write_docs(g)) || (rc = stopped(g)) ||
	        (rc = merge_layer(g, TD_LAYER_WORD, NULL, NULL, NULL, NULL)) ||
	        (rc = merge_norms(g)) ||
	        (g->no_layers && (rc = write_word_ids(g))) ||
	        (rc = td_out_begin(&g->o, &g->h, TD_SEC_W2N)))
		return rc;
	packer k = {.g = g, .bits = td_w2n_bits(g->nout[TD_LAYER_NORM])};
	for (uint32_t w = 0; w < g->nout[TD_LAYER_WORD] && !rc; w++)
		rc = pack(&k, g->wnorm[w]);
	if (!rc)
		rc = pack_end(&k);
	td_out_end(&g->o, &g->h, TD_SEC_W2N);
	if (!rc && g->no_layers) {
		/* a source without the lemma and pos layers makes a segment
		 * without them (td_segbuild_drop_layers): their sections,
		 * empty */
		g->h.flags |= TD_SEGF_NO_LAYERS;
		for (int sec = TD_SEC_LEX2; sec <= TD_SEC_IDS3 && !rc; sec++)
			if (!(rc = td_out_begin(&g->o, &g->h, sec)))
				td_out_end(&g->o, &g->h, sec);
		if (rc || (rc = stopped(g)))
			return rc;
		return write_spans(g);
	}
	uint64_t *share = NULL;
	uint32_t *lout = NULL, nt = 0, *ustart = NULL, *umem = NULL;
	struct w2l c = {0};
	if (!rc &&
	        !(rc = merge_layer(g, TD_LAYER_POS, NULL, NULL, NULL, NULL)) &&
	        !(rc = write_word_ids(g)) &&
	        !(rc = lemma_share(g, &share, &nt, &c, &ustart, &umem))) {
		if (!(lout = malloc(((size_t)nt + 1) * 4)))
			rc = nomem();
		else if (!(rc = merge_layer(g, TD_LAYER_LEMMA, share, ustart,
		                   umem, lout)))
			rc = write_lemma_ids(g, &c, lout);
	}
	free(share);
	free(ustart);
	free(umem);
	free(lout);
	w2l_clear(&c);
	if (rc || (rc = stopped(g)))
		return rc;
	return write_spans(g);
}

int td_segmerge_write(td_seg *const *segs, size_t n, const char *path,
        const volatile sig_atomic_t *stop, uint32_t *ndocs, uint64_t *size,
        uint32_t *crc)
{
	int rc;
	merge g;
	memset(&g, 0, sizeof g);
	g.o.fd = -1;
	g.n = n;
	g.stop = stop;
	*ndocs = 0;
	snprintf(g.dir, sizeof g.dir, "%s", path);
	char *slash = strrchr(g.dir, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(g.dir, sizeof g.dir, ".");
	g.m = calloc(n + 1, sizeof *g.m);
	g.heap = malloc((n + 1) * sizeof *g.heap);
	g.vb = malloc(4096);
	if (!g.m || !g.heap || !g.vb) {
		rc = nomem();
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		g.m[i].s = segs[i];
		if (!td_seg_has_layers(segs[i]))
			g.no_layers = 1;
	}
	if ((rc = map_docs(&g)) || (rc = stopped(&g)))
		goto out;
	*ndocs = g.ndocs;
	if (!g.ndocs)
		goto out;
	if ((rc = spill_open(&g, &g.lex)) || (rc = spill_open(&g, &g.lstr)) ||
	        (rc = td_out_open(&g.o, path)))
		goto out;
	rc = write_all(&g);
	for (size_t i = 0; i < n && !rc; i++)
		if (td_seg_damaged(segs[i]))
			rc = td_error(TD_ECORRUPT,
			        "%s: the segment is damaged; "
			        "nothing was merged",
			        segs[i]->path);
	if (!rc)
		rc = stopped(&g);
	if (!rc)
		rc = td_out_finish(&g.o, &g.h, size, crc);
	rc = td_out_close(&g.o, rc);
out:
	if (g.o.fd >= 0)
		td_out_close(&g.o, rc ? rc : -1);
	spill_close(&g.lex);
	spill_close(&g.lstr);
	td_lstrenc_clear(&g.le);
	for (size_t i = 0; g.m && i < n; i++) {
		free(g.m[i].first);
		free(g.m[i].newfirst);
		free(g.m[i].newdoc);
		free(g.m[i].poslive);
		free(g.m[i].rword);
		free(g.m[i].rpos);
		for (int l = 0; l < TD_NLAYERS; l++)
			free(g.m[i].map[l]);
		if (g.m[i].s) /* NULL when an allocation failed before */
			td_seg_trim(g.m[i].s);
	}
	free(g.m);
	free(g.heap);
	free(g.vb);
	free(g.occ);
	free(g.skip);
	free(g.wnorm);
	free(g.wfreq);
	return rc;
}
