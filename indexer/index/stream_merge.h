/* stream_merge.h: merging segments file to file without rebuilding a
 * document (stream_merge.c), what the writer's merge policy runs. */
#ifndef TAGDEX_STREAM_MERGE_H
#define TAGDEX_STREAM_MERGE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "index.h"

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

#endif
