/* info.h: what an index holds (info.c): its documents and tokens, its
 * elements and attributes, an attribute's values, its actors and its
 * documents in order, each through a callback. */
#ifndef TAGDEX_INFO_H
#define TAGDEX_INFO_H

#include <stddef.h>
#include <stdint.h>

#include "index.h"

/* info.c: what an index holds, over the live documents (CQP's info and
 * show cd, BlackLab's /fields). An element is one span as the TEI wrote it
 * (each part of a split element counts); a value is one whitespace-separated
 * item of an attribute, its leading '#' dropped. */
/* The live documents and their tokens. */
int tq_info_summary(td_index *ix, uint64_t *docs, uint64_t *tokens);
/* Calls fn once per element name (attr NULL: n its elements, docs the
 * documents holding one) and per attribute of it (n the elements carrying
 * it, docs the documents holding one of those, values its distinct
 * values), in byte order of element then attribute. */
typedef int (*tq_info_fn)(void *ctx, const char *elem, const char *attr,
        uint64_t n, uint64_t docs, uint64_t values);
int tq_info_elements(td_index *ix, tq_info_fn fn, void *ctx);
/* One row per value: n (elements carrying it; actors: mentions), docs,
 * and for actors the names, "name (n); ..." by count. Rows by n
 * descending, then value. */
typedef int (*tq_value_fn)(void *ctx, const char *value, size_t len, uint64_t n,
        uint64_t docs, const char *names);
/* The values of attribute attr of element elem. */
int tq_info_values(td_index *ix, const char *elem, const char *attr,
        tq_value_fn fn, void *ctx);
/* Actors: each key of the ref attribute of persName, orgName, placeName
 * and rs (its mentions), with the texts it is mentioned by. */
int tq_info_actors(td_index *ix, tq_value_fn fn, void *ctx);
/* Calls fn once per live document, in byte order of id (so several
 * indexes opened as one list what one index of their documents lists),
 * with its segment, number there and metadata. */
typedef int (*tq_doc_fn)(
        void *ctx, td_seg *s, uint32_t d, const td_docinfo *di);
int tq_info_docs(td_index *ix, tq_doc_fn fn, void *ctx);

#endif
