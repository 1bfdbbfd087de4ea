/* segment_int.h: what the parts of the segment reader share (segment.c:
 * open, close, checksum blocks, documents and their text;
 * segment_lexicon.c, segment_spans.c, segment_doc.c). Only those files
 * include it; everything else sees a segment through segment.h.
 */
#ifndef TAGDEX_SEGMENT_INT_H
#define TAGDEX_SEGMENT_INT_H

#include "segformat.h"
#include "segment.h"
#include "index.h"

/* segment.c: document d's record, checked against the sections */
int td_seg_doc_rec(td_seg *s, uint32_t d, td_segdoc *out);
/* segment.c: the NUL-terminated string at off in section sec (SPSTR,
 * DOCPOOL), its checksum blocks checked up to its NUL; NULL with the
 * segment marked damaged (what) when it runs past the section */
const char *td_seg_cstr(td_seg *s, int sec, uint64_t off, const char *what);
/* segment.c: tokenises document d into the segment's one-document cache */
int td_seg_doc_tokens(td_seg *s, uint32_t d, td_segdoc *r);

/* segment.c: the index of the entry equal to key among n sorted ones, by
 * binary search; cmp sets *c to the sign of entry i against key and
 * returns 0, or non-zero when the entry cannot be read. TD_ENOTFOUND when
 * no entry is equal, TD_ECORRUPT when one cannot be read. */
int64_t td_seg_bsearch(td_seg *s, uint32_t n, const void *key,
        int (*cmp)(td_seg *s, uint32_t i, const void *key, int *c));

/* segment_lexicon.c: frees the lexicon strings decoded since the last
 * trim but each layer's block decoded last (td_seg_trim) */
void td_seg_lstr_trim(td_seg *s);

/* segment_spans.c: copies SPNAMES out of the map, each entry checked */
int td_seg_load_spnames(td_seg *s);
/* segment_spans.c: span i of element k, decoded */
int td_seg_span_rec(td_seg *s, uint32_t k, uint32_t i, td_segspan *r);

#endif
