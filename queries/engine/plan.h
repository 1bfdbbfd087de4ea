/* plan.h: a query's compiled plan (plan.c): its regexes compiled once, its
 * matching strategy, and the term and attribute tests the executor and the
 * frequency lists run against the index's lexicons. The plan's layout is
 * plan_int.h's, shared with the executor only. */
#ifndef TAGDEX_PLAN_H
#define TAGDEX_PLAN_H

#include <stddef.h>

#include "ast.h"

typedef struct tq_plan tq_plan;

/* Compiles every regex of ast (PCRE2, JIT where available). The plan keeps a
 * pointer to ast, which must outlive it. TD_ESYNTAX with the query offset for
 * a bad regex. */
int tq_plan_new(tq_node *ast, tq_plan **out);
void tq_plan_free(tq_plan *p);

/* Matching strategies (CQP's MatchingStrategy), applied to the set M of
 * all non-empty matches that touch no text left out (pull quotes):
 * standard (the default, as CQP's): the shortest match at each start, then
 * of those ending at the same position the one starting first; shortest:
 * the matches of M that contain no other match of M; longest: the matches
 * of M that no other match of M contains. */
enum { TQ_MATCH_STANDARD = 0, TQ_MATCH_SHORTEST, TQ_MATCH_LONGEST };
/* TQ_MATCH_* for a name ("standard", "shortest", "longest"), or -1. */
int tq_match_strategy(const char *name);
void tq_plan_set_strategy(tq_plan *p, int strategy);

/* Matches a compiled leaf condition against a term (used by exec and freq).
 * Returns 1, 0, or TD_ELIMIT. */
int tq_plan_match_term(tq_plan *p, int leaf, const char *term, size_t len);
size_t tq_plan_nleaves(const tq_plan *p);
tq_cond *tq_plan_leaf(const tq_plan *p, size_t i);
/* Matches span attribute j of span node n against a value list. */
int tq_plan_match_attr(
        tq_plan *p, const tq_node *n, size_t j, const char *value);

#endif
