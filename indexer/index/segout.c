/* segout.c: writing a segment file front to back. The sections go out in
 * 4 KiB blocks, each checksummed as it is written; the header (with the
 * section offsets) and the checksum table are written last, then the file
 * is fsync'd. Lexicon entries are packed by block on the way (td_lexout).
 * Shared by the builder (segbuild.c) and the streaming merge
 * (stream_merge.c). */
#include "config.h"
#include "bits.h"
#include "checksum.h"
#include "durable.h"
#include "fault.h"
#include "segformat.h"
#include "segout.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int td_out_flush(td_out *o)
{
	if (!o->fill)
		return 0;
	if (o->mem) {
		int rc = td_buf_add(o->mem, o->blk, o->fill);
		o->fill = 0;
		return rc;
	}
	if (TD_VEC_RESERVE(o->crcs, o->ncrc, o->cap_crc, 64))
		return td_error(TD_ENOMEM, "out of memory");
	o->crcs[o->ncrc++] = td_crc32c(0, o->blk, o->fill);
	int rc = td_write_full(o->fd, o->blk, o->fill, -1, o->path,
	        o->ncrc == 1 ? "segment write" : NULL);
	if (rc)
		return rc;
	o->fill = 0;
	return 0;
}

int td_out_put(td_out *o, const void *p, size_t n)
{
	const uint8_t *c = p;
	while (n) {
		size_t k = TD_SEG_BLOCK - o->fill;
		if (k > n)
			k = n;
		memcpy(o->blk + o->fill, c, k);
		o->fill += k;
		o->pos += k;
		c += k;
		n -= k;
		if (o->fill == TD_SEG_BLOCK) {
			int rc = td_out_flush(o);
			if (rc)
				return rc;
		}
	}
	return 0;
}

int td_out_align(td_out *o)
{
	static const uint8_t z[8];
	return td_out_put(o, z, (8 - o->pos % 8) % 8);
}

int td_out_begin(td_out *o, td_seghdr *h, int sec)
{
	int rc = td_out_align(o);
	h->sec_off[sec] = o->pos;
	return rc;
}

void td_out_end(td_out *o, td_seghdr *h, int sec)
{
	h->sec_len[sec] = o->pos - h->sec_off[sec];
}

int td_out_section(td_out *o, td_seghdr *h, int sec, const void *p, size_t n)
{
	int rc = td_out_begin(o, h, sec);
	if (!rc && !(rc = td_out_put(o, p, n)))
		td_out_end(o, h, sec);
	return rc;
}

static unsigned width(uint64_t v)
{
	unsigned b = 0;
	while (v >> b)
		b++;
	return b;
}

/* Writes the entries of x->blk as one block: the bases are the least
 * value of each field, so a block of rare terms packs in a few bits. */
static int lex_block(td_out *o, td_seghdr *h, td_lexout *x)
{
	if (!x->n)
		return 0;
	if (TD_VEC_RESERVE(x->dir, x->ndir, x->cap_dir, 64))
		return td_error(TD_ENOMEM, "out of memory");
	x->dir[x->ndir++] = o->pos - h->sec_off[x->sec];
	td_seglexblk b = {UINT32_MAX, UINT32_MAX, UINT32_MAX, {0}, {0}};
	uint32_t v[TD_LEX_BLOCK][TD_LEX_FIELDS];
	for (unsigned i = 0; i < x->n; i++) {
		const td_seglex *e = &x->blk[i];
		uint32_t id = (uint32_t)(e->post_off >> TD_POST_ID_SHIFT) &
		              TD_POST_ID_MAX;
		v[i][0] = e->str_off;
		v[i][1] = e->freq;
		v[i][2] = (uint32_t)(e->post_off & TD_POST_OFF_MASK);
		v[i][3] = (uint32_t)(e->post_off >> 62);
		v[i][4] = id;
		if (v[i][0] < b.str_base)
			b.str_base = v[i][0];
		if (v[i][2] < b.post_base)
			b.post_base = v[i][2];
		if ((e->post_off & TD_POST_SHARED) && id < b.id_base)
			b.id_base = id;
	}
	for (unsigned i = 0; i < x->n; i++) {
		v[i][0] -= b.str_base;
		v[i][2] -= b.post_base;
		v[i][4] = x->blk[i].post_off & TD_POST_SHARED
		                  ? v[i][4] - b.id_base + 1
		                  : 0;
		for (int f = 0; f < TD_LEX_FIELDS; f++)
			if (width(v[i][f]) > b.w[f])
				b.w[f] = (uint8_t)width(v[i][f]);
	}
	int rc = td_out_put(o, &b, sizeof b);
	td_bitpack bp = {0};
	for (unsigned i = 0; i < x->n && !rc; i++)
		for (int f = 0; f < TD_LEX_FIELDS; f++)
			td_bitpack_put(&bp, v[i][f], b.w[f]);
	td_bitpack_end(&bp); /* 64 entries of at most 130 bits fit */
	if (!rc)
		rc = td_out_put(o, bp.buf, bp.nb);
	x->n = 0;
	return rc;
}

int td_lexout_begin(td_out *o, td_seghdr *h, td_lexout *x, int sec)
{
	memset(x, 0, sizeof *x);
	x->sec = sec;
	return td_out_begin(o, h, sec);
}

int td_lexout_put(td_out *o, td_seghdr *h, td_lexout *x, const td_seglex *e)
{
	x->blk[x->n++] = *e;
	return x->n == TD_LEX_BLOCK ? lex_block(o, h, x) : 0;
}

int td_lexout_end(td_out *o, td_seghdr *h, td_lexout *x)
{
	static const uint8_t pad[8];
	int rc = lex_block(o, h, x);
	if (!rc && x->ndir)
		rc = td_out_put(o, pad, sizeof pad);
	if (!rc && x->ndir)
		rc = td_out_put(o, x->dir, x->ndir * sizeof *x->dir);
	if (!rc)
		td_out_end(o, h, x->sec);
	td_lexout_clear(x);
	return rc;
}

void td_lexout_clear(td_lexout *x)
{
	free(x->dir);
	x->dir = NULL;
	x->ndir = x->cap_dir = 0;
}

int td_out_open(td_out *o, const char *path)
{
	memset(o, 0, sizeof *o);
	o->fd = -1;
	o->path = path;
	o->blk = malloc(TD_SEG_BLOCK);
	if (!o->blk)
		return td_error(TD_ENOMEM, "out of memory");
	o->fd = td_fault_step("segment open")
	                ? -1
	                : open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	                          0644);
	if (o->fd < 0) {
		int rc = td_error(TD_EIO, "%s: %s", path, strerror(errno));
		free(o->blk);
		o->blk = NULL;
		return rc;
	}
	o->pos = TD_SEG_HDR;
	if (lseek(o->fd, TD_SEG_HDR, SEEK_SET) < 0) {
		int rc = td_error(TD_EIO, "%s: %s", path, strerror(errno));
		td_out_close(o, rc);
		return rc;
	}
	return 0;
}

int td_out_finish(td_out *o, td_seghdr *h, uint64_t *size, uint32_t *crc)
{
	int rc;
	if ((rc = td_out_align(o)) || (rc = td_out_flush(o)))
		return rc;
	memcpy(h->magic, TD_SEG_MAGIC, 8);
	h->format = TD_INDEX_FORMAT;
	h->crc_off = o->pos;
	h->nblocks = (uint32_t)o->ncrc;
	h->crc_crc = td_crc32c(0, o->crcs, o->ncrc * 4);
	h->file_size = o->pos + o->ncrc * 4;
	h->hdr_crc = 0;
	uint8_t *hdr = calloc(1, TD_SEG_HDR);
	if (!hdr)
		return td_error(TD_ENOMEM, "out of memory");
	memcpy(hdr, h, sizeof *h);
	h->hdr_crc = td_crc32c(0, hdr, TD_SEG_HDR);
	memcpy(hdr, h, sizeof *h);
	if (o->ncrc)
		rc = td_write_full(o->fd, o->crcs, o->ncrc * 4, (int64_t)o->pos,
		        o->path, NULL);
	if (!rc)
		rc = td_write_full(
		        o->fd, hdr, TD_SEG_HDR, 0, o->path, "segment pwrite");
	free(hdr);
	if (rc)
		return rc;
	if (size)
		*size = h->file_size;
	if (crc)
		*crc = h->hdr_crc;
	if (td_fault_step("segment fsync") || fsync(o->fd))
		return td_error(
		        TD_EIO, "%s: fsync: %s", o->path, strerror(errno));
	return 0;
}

int td_out_mem(td_out *o, td_buf *mem)
{
	memset(o, 0, sizeof *o);
	o->fd = -1;
	o->mem = mem;
	if (!(o->blk = malloc(TD_SEG_BLOCK)))
		return td_error(TD_ENOMEM, "out of memory");
	return 0;
}

int td_out_splice(td_out *o, td_seghdr *h, td_out *m, const td_seghdr *mh,
        const int *secs, int n)
{
	int rc;
	if ((rc = td_out_flush(m)) || (rc = td_out_align(o)))
		return rc;
	uint64_t base = o->pos;
	if (m->mem->n && (rc = td_out_put(o, m->mem->s, m->mem->n)))
		return rc;
	for (int i = 0; i < n; i++) {
		h->sec_off[secs[i]] = base + mh->sec_off[secs[i]];
		h->sec_len[secs[i]] = mh->sec_len[secs[i]];
	}
	return 0;
}

int td_out_close(td_out *o, int rc)
{
	if (o->fd >= 0 && (td_fault_step("segment close") | close(o->fd)) &&
	        !rc)
		rc = td_error(
		        TD_EIO, "%s: close: %s", o->path, strerror(errno));
	o->fd = -1;
	free(o->blk);
	free(o->crcs);
	o->blk = NULL;
	o->crcs = NULL;
	if (rc && o->path)
		unlink(o->path);
	return rc;
}

size_t td_lstrenc_put(td_lstrenc *e, const char *t, size_t len, uint8_t *out)
{
	size_t k = 0;
	if (e->n % TD_LSTR_BLOCK) {
		size_t m = e->plen < len ? e->plen : len;
		if (m > 255)
			m = 255;
		while (k < m && e->prev[k] == t[k])
			k++;
	}
	out[0] = (uint8_t)k;
	memcpy(out + 1, t + k, len - k);
	if (TD_VEC_RESERVE_N(e->prev, len, e->cap, 64)) {
		td_error(TD_ENOMEM, "out of memory");
		return 0;
	}
	if (len) /* an empty term: prev may still be NULL */
		memcpy(e->prev, t, len);
	e->plen = len;
	e->n++;
	return 1 + len - k;
}

void td_lstrenc_clear(td_lstrenc *e)
{
	free(e->prev);
	memset(e, 0, sizeof *e);
}
