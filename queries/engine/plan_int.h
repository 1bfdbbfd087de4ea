/* plan_int.h: the compiled plan's layout, shared by plan.c and the executor
 * (exec*.c) only.
 * A leaf is one word/norm condition; a span node's attribute regexes and a
 * within/containing node's per-document cache are found by the node's slot.
 */
#ifndef TAGDEX_PLAN_INT_H
#define TAGDEX_PLAN_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "ast.h"
#include "filter.h"
#include "hits.h"
#include "index.h"

typedef struct tq_leaf {
	tq_cond *cond;
	int literal;    /* no flags, no metacharacters: a lexicon lookup */
	int quotes;     /* names an apostrophe or quote: terms folded first */
	pcre2_code *re; /* otherwise */
	/* a regex ".*LIT" or "LIT.*" without flags: every matching term ends
	 * (starts) with LIT, so other terms are rejected without PCRE2 */
	const char *suffix, *prefix; /* into cond->pattern, or NULL */
	size_t suffix_len, prefix_len;
} tq_leaf;

typedef struct tq_spannode {
	tq_node *node;
	pcre2_code **re; /* one per attribute */
} tq_spannode;

struct tq_plan {
	tq_node *ast;
	tq_leaf *leaves;
	size_t nleaves, cap_leaves;
	tq_spannode *spans;
	size_t nspans, cap_spans;
	size_t nslots;   /* within/containing nodes */
	size_t nrepeats; /* repeat nodes */
	int strategy;    /* TQ_MATCH_* */
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	pcre2_jit_stack *jit;
	/* a query with labels, a target or a global constraint (labels.c):
	 * this plan runs free, a copy of the query without them (a token
	 * condition naming a label made []), whose longest matches hold
	 * every match of the query; vp is the plan of the query itself
	 * (its leaves and spans), only read by labels.c */
	tq_node *free_ast;
	struct tq_plan *vp;
	int regions; /* set by labels.c while it runs this plan for regions */
};

/* Whether every hit of n is a whole element: an element <x .../> or
 * alternatives of elements (plan.c). The executor then takes the ends of
 * within and containing straight from the span lists; labels.c accepts
 * only such a right side of within and containing. */
int tq_spans_only(const tq_node *n);

/* labels.c: tq_exec for a plan with vp */
int tq_exec_labels(
        td_index *ix, tq_plan *p, const tq_filter *f, tq_hit_fn fn, void *arg);

#endif
