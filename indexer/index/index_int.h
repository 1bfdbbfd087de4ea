/* index_int.h: what the index handle (index.c) and the writer (writer.c)
 * offer the other index files and tagdex-ingest beyond index.h: the check
 * that no source is live twice, a segment's file name, the tokens a writer
 * added. Not for the query engine, which sees only index.h. */
#ifndef TAGDEX_INDEX_INT_H
#define TAGDEX_INDEX_INT_H

#include <stddef.h>
#include <stdint.h>

#include "index.h"

/* TD_ECORRUPT (naming DIR/MANIFEST, the source and both segments) when a
 * source is live in two segments of ix, as a MANIFEST that lost a "del"
 * line (its checksum made good) leaves it: the replaced document would be
 * counted too. Reads the id and source of every live document of an index
 * of two or more segments (about 1 us a document), so the writer's open
 * and td_index_check run it, not td_index_open: a query would pay it on
 * every run (8 ms of the 11 ms of a count of "the" on the 10M-token bench
 * index). */
int td_index_check_live(td_index *ix);

/* writer.c: tokens added by this writer so far (for the summary line). */
uint64_t td_writer_tokens_added(const td_writer *w);

/* index.c */
const char *td_index_seg_name(const td_index *ix, size_t i);

#endif
