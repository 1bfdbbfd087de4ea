/* exec.h: running a plan over an index (exec.c and its stages, sharing
 * exec_int.h): every hit, their number, a frequency list's terms, and the
 * tokens the filter lets through (the base of rates). */
#ifndef TAGDEX_EXEC_H
#define TAGDEX_EXEC_H

#include <stdint.h>

#include "filter.h"
#include "hits.h"
#include "index.h"
#include "plan.h"

/* Runs the plan: the matches its strategy selects (see TQ_MATCH_*) among
 * those that overlap no pull quote (unless f->pullquotes), in order of their
 * starts; empty matches are no hits. TD_ELIMIT
 * when a regex hits its match limit or the query needs unbounded work. */
int tq_exec(
        td_index *ix, tq_plan *p, const tq_filter *f, tq_hit_fn fn, void *ctx);
/* The number of hits; a single-token query without filters sums lexicon
 * frequencies instead of visiting postings. */
int tq_count(td_index *ix, tq_plan *p, const tq_filter *f, uint64_t *out);

/* For frequency lists: like tq_exec, but where the query is one token
 * condition on layer and a segment has nothing to filter out, calls term_fn
 * once per matching lexicon term with its frequency instead of visiting
 * hits. */
typedef int (*tq_term_fn)(void *ctx, const char *term, size_t len, uint64_t n);
int tq_exec_terms(td_index *ix, tq_plan *p, const tq_filter *f, int layer,
        tq_term_fn term_fn, tq_hit_fn hit_fn, void *ctx);
/* Tokens in the documents that pass the filter, pull quotes left out unless
 * f->pullquotes: the base of per-million rates. */
uint64_t tq_ntokens(td_index *ix, const tq_filter *f);

#endif
