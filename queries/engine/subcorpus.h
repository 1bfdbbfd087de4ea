/* subcorpus.h: saved results (subcorpus.c): writing a query's hits under a
 * name in the index directory, reading them back as a filter (tq_filter.in),
 * listing and dropping them. */
#ifndef TAGDEX_SUBCORPUS_H
#define TAGDEX_SUBCORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "hits.h"
#include "index.h"

/* subcorpus.c: saved results (CQP's named queries and subcorpora), files
 * subcorpora/NAME of an index directory holding the index generation they
 * were found in and, per document (by source and id), the token ranges of
 * the hits (kind spans) or the whole document (kind docs). A tq_sub read
 * back restricts a filter (tq_filter.in): its documents pass
 * tq_filter_doc, and with spans the tokens outside every saved span are
 * left out as tq_nonarticle leaves pull quotes out (no hit touches them,
 * token counts leave them out; saved spans that touch or overlap are one
 * region). */
typedef struct tq_sub tq_sub;
/* 1 if name may name a subcorpus: 1-64 of [A-Za-z0-9_.-], not starting
 * with '.' or '-'. */
int tq_sub_name_ok(const char *name);
/* Writes the n hits (their spans, or with docs their documents) of ix,
 * whose directory is dir, as name (replacing one of that name): a
 * temporary file fsynced and renamed, the directory fsynced. The number of
 * distinct documents into *ndocs. 0, TD_EUSAGE (a bad name), TD_EIO,
 * TD_ENOMEM. */
int tq_sub_save(const char *dir, const char *name, td_index *ix, int docs,
        const char *query, const tq_hit *hits, size_t n, uint64_t *ndocs);
/* Reads name of dir against ix. TD_EUSAGE naming the reason when there is
 * no such subcorpus or ix's generation is not the one it was saved from
 * (or a document it names is gone): it must be saved again; TD_ECORRUPT
 * for a damaged file; TD_EIO, TD_ENOMEM. Free with tq_sub_free(). */
int tq_sub_load(const char *dir, const char *name, td_index *ix, tq_sub **out);
void tq_sub_free(tq_sub *s);
/* Removes name from dir: 0, TD_ENOTFOUND, TD_EIO. */
int tq_sub_drop(const char *dir, const char *name);
/* 1 if document d of sg holds a saved span (or is a saved document). */
int tq_sub_has_doc(const tq_sub *s, td_seg *sg, uint32_t d);
/* Calls push with each range of [first, end) of sg that no saved span
 * covers (a saved document: a span over all of it), in order. 0 or push's
 * error. */
int tq_sub_outside(const tq_sub *s, td_seg *sg, uint32_t first, uint32_t end,
        int (*push)(void *ctx, uint32_t start, uint32_t end), void *ctx);
/* Calls fn per subcorpus of dir in name order: its kind (docs), records
 * (documents or spans), generation, whether that is ix's (current) and
 * its query. 0, or an error (a damaged file: TD_ECORRUPT). */
typedef int (*tq_sub_fn)(void *ctx, const char *name, int docs, size_t records,
        uint64_t gen, int current, const char *query);
int tq_sub_list(const char *dir, td_index *ix, tq_sub_fn fn, void *ctx);

#endif
