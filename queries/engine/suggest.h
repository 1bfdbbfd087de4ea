/* suggest.h: "did you mean" (suggest.c): the names a query or filter asks
 * for that the index lacks, with the nearest it has, and the edit distance
 * that finds them (lookup.c's near names use it too). */
#ifndef TAGDEX_SUGGEST_H
#define TAGDEX_SUGGEST_H

#include <stddef.h>

#include "ast.h"
#include "filter.h"
#include "index.h"
#include "plan.h"

/* suggest.c: names the query or filter asks for that the index lacks. Calls
 * fn with one message ("no element <Q> in this index; did you mean <q>?")
 * for each span element absent from every segment, each attribute no span
 * of its element(s) carries, each attribute pattern that matches no value
 * of those elements, a --doc id and a --genre no live document has. Returns
 * 0 or a negative error from reading the index. */
typedef void (*tq_warn_fn)(void *ctx, const char *msg);
int tq_suggest(td_index *ix, const tq_node *ast, tq_plan *p, const tq_filter *f,
        tq_warn_fn fn, void *ctx);
/* suggest.c's edit distance: Levenshtein over the first 64 bytes, ASCII
 * case folded, a leading '#' ignored. */
size_t tq_distance(const char *a, const char *b);

#endif
