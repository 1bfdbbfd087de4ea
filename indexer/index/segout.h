/* segout.h: writing a segment file front to back, checksummed by block as
 * it goes (segout.c), for the builder and the streaming merge. */
#ifndef TAGDEX_SEGOUT_H
#define TAGDEX_SEGOUT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "segformat.h"

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
	td_buf *mem; /* td_out_mem: the bytes go here, not to a file */
} td_out;
/* Creates path (the "segment open" step) and positions after the header. */
int td_out_open(td_out *o, const char *path);
/* A part of a segment written to memory, mem, from position 0 (no file,
 * no checksums, no fault steps), on a thread of its own while the file's
 * writer writes what comes before it; td_out_splice puts it in the file.
 * Its header's offsets are from the part's start. Freed by td_out_close. */
int td_out_mem(td_out *o, td_buf *mem);
/* Appends the part m wrote (its sections secs[0 .. n), of mh) to o at
 * the next 8-byte boundary, as if o had written them: the same bytes,
 * block checksums and section offsets in h. 0 or an error of the write. */
int td_out_splice(td_out *o, td_seghdr *h, td_out *m, const td_seghdr *mh,
        const int *secs, int n);
int td_out_put(td_out *o, const void *p, size_t n);
int td_out_flush(td_out *o);
int td_out_align(td_out *o);
/* Section sec begins here (8-byte aligned) / ends here. */
int td_out_begin(td_out *o, td_seghdr *h, int sec);
void td_out_end(td_out *o, td_seghdr *h, int sec);
/* A whole section sec of the n bytes at p: begin, put, end. */
int td_out_section(td_out *o, td_seghdr *h, int sec, const void *p, size_t n);
/* Writes the checksum table and the header (h's sections and counts
 * filled in), fsyncs; *size and *crc as td_segbuild_write. */
int td_out_finish(td_out *o, td_seghdr *h, uint64_t *size, uint32_t *crc);
/* A lexicon section being written (format 17, segformat.h): entries
 * wait in blk until a block is full; dir collects the blocks' offsets. */
typedef struct td_lexout {
	int sec;
	unsigned n; /* entries in blk */
	td_seglex blk[TD_LEX_BLOCK];
	uint64_t *dir;
	size_t ndir, cap_dir;
} td_lexout;
/* Begins lexicon section sec. */
int td_lexout_begin(td_out *o, td_seghdr *h, td_lexout *x, int sec);
/* Appends the next entry (in term order). */
int td_lexout_put(td_out *o, td_seghdr *h, td_lexout *x, const td_seglex *e);
/* Writes the last block, the padding and the directory; ends the section
 * and frees what x holds (as td_lexout_clear). */
int td_lexout_end(td_out *o, td_seghdr *h, td_lexout *x);
void td_lexout_clear(td_lexout *x);
/* LSTR0-3 front-coded (format 19): the entry of a layer's next term, in
 * term order: a byte k, the length of the prefix it shares with the term
 * before (at most 255; 0 for the first term of each block of
 * TD_LSTR_BLOCK), then its bytes from k on (no NUL: a term ends where
 * the next term's entry begins). put writes it to out (room for len + 1
 * bytes) and returns its length, or 0 with TD_ENOMEM; clear frees the
 * copy of the term before (always). */
typedef struct td_lstrenc {
	char *prev;
	size_t plen, cap;
	uint32_t n; /* terms put */
} td_lstrenc;
size_t td_lstrenc_put(td_lstrenc *e, const char *t, size_t len, uint8_t *out);
void td_lstrenc_clear(td_lstrenc *e);

/* Closes (the "segment close" step); rc != 0 (or a failing close) removes
 * the file. Returns rc, or the close's error. */
int td_out_close(td_out *o, int rc);

#endif
