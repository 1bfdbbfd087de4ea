/* segbuild.h: a segment built in memory from documents and written once
 * (segbuild.c): what the writer fills and flushes. */
#ifndef TAGDEX_SEGBUILD_H
#define TAGDEX_SEGBUILD_H

#include <stddef.h>
#include <stdint.h>

#include "tagdex.h"

/* segbuild.c: an in-memory segment being built from documents. */
typedef struct td_segbuild td_segbuild;
int td_segbuild_new(td_segbuild **out);
/* The segment will have no lemma and pos layers (TD_SEGF_NO_LAYERS),
 * whatever the documents added before or after carry. */
void td_segbuild_drop_layers(td_segbuild *b);
/* Threads td_segbuild_write may use (default 1: the caller's alone; more:
 * it sorts the lexicons other than the words' and the spans on a second
 * thread while it writes). The file is the same byte for byte. */
void td_segbuild_set_threads(td_segbuild *b, int n);
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
 * file size and the header checksum (which covers the checksum table).
 * It frees the parts of b it has written as it goes: afterwards b can
 * only be freed (td_segbuild_ndocs and td_segbuild_ntokens still answer). */
int td_segbuild_write(
        td_segbuild *b, const char *path, uint64_t *size, uint32_t *crc);

#endif
