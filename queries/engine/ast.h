/* ast.h: a query as a tree (tq_node, with its token conditions tq_cond),
 * the parser that builds it from CQL (parser.c, whose header has the
 * grammar) and the constructors and printer (ast.c) that the parser and the
 * programs' shorthands share. The AST never touches the index: planning
 * (plan.h) and execution (exec.h) do. */
#ifndef TAGDEX_AST_H
#define TAGDEX_AST_H

#include <stddef.h>
#include <stdint.h>

#define TQ_MAX_DEPTH 64        /* nesting of ( ), [ ( ) ] and ! */
#define TQ_MAX_REPEAT 10000    /* largest {n,m} bound */
#define TQ_MAX_QUERY (1 << 20) /* bytes */

enum { TQ_FLAG_CASE = 1, TQ_FLAG_DIAC = 2 }; /* %c, %d */

enum tq_cond_kind { TQC_ATTR, TQC_AND, TQC_OR, TQC_NOT };

/* A condition on one token inside [ ], or (in a global constraint, after
 * '::') on the tokens of labels. A TQC_ATTR leaf tests the token at the
 * current position (lab 0) or at label lab - 1's position: its term on
 * layer against pattern, or (ref > 0, pattern NULL) for equality with the
 * term on the same layer of label ref - 1's token (a.word = b.word,
 * [lemma = a.lemma]); with neither pattern nor ref, only that label lab - 1
 * is set (a bare label in a global constraint). A leaf naming a label that
 * is not set is false. */
typedef struct tq_cond {
	int kind;
	int layer;      /* TQC_ATTR: TD_LAYER_WORD or TD_LAYER_NORM */
	char *pattern;  /* TQC_ATTR: regex anchored to the whole term */
	unsigned flags; /* TQ_FLAG_* */
	size_t off;     /* offset of the pattern's first byte in the query */
	struct tq_cond *a, *b; /* operands (NOT uses a) */
	int leaf;              /* TQC_ATTR: index among the plan's leaves */
	int lab, ref; /* TQC_ATTR: label number + 1 tested, compared to */
} tq_cond;

typedef struct tq_sattr {
	char *name;
	char *pattern; /* regex anchored to each whitespace-separated value */
	size_t off;
	int neg; /* name!="re": the spans name="re" does not match, those
	          * without the attribute included */
} tq_sattr;

enum tq_node_kind {
	TQ_TOKEN,      /* cond, NULL for [] (any token) */
	TQ_SPAN,       /* <name attr="re" .../> : a whole element */
	TQ_SEQ,        /* kids in order */
	TQ_ALT,        /* any of kids */
	TQ_REPEAT,     /* kids[0] min..max times (max -1: unbounded) */
	TQ_WITHIN,     /* kids[0] inside a hit of kids[1] */
	TQ_CONTAINING, /* kids[0] around a hit of kids[1] */
	TQ_TAG,        /* <name attr="re" ...> or </name ...> (close set): a
	                * zero-width position where such an element starts
	                * (ends); an empty element does both at its place */
	TQ_REGION,     /* <name ...> kids[0] </name> paired in one sequence
	                * (CQP's StrictRegions): kids[0] (none: nothing)
	                * covers exactly one element of that name matching
	                * attrs (those of both tags) */
};
/* A tag pairs with the nearest earlier open tag of its name in the same
 * sequence (the parser makes the two and what lies between a TQ_REGION);
 * a tag CQP would pair that is not in the same sequence as its partner is
 * a syntax error. Inside a region no open tag (nor region) may start at
 * or after the region's end: CQP tests every step against it. */
/* TQ_WITHIN and TQ_CONTAINING with tq_node.neg set are !within and
 * !containing: the hits of kids[0] that are inside (around) no hit of
 * kids[1]. */

typedef struct tq_node {
	int kind;
	size_t off;
	tq_cond *cond;
	char *elem;
	tq_sattr *attrs;
	size_t nattrs, cap_attrs;
	struct tq_node **kids;
	size_t nkids, cap_kids;
	long min, max;
	int slot;   /* SPAN, TAG, REGION, REPEAT, WITHIN/CONTAINING: the node's
	             * number among
	             * those of its kind in the plan (its per-segment state) */
	int neg;    /* WITHIN/CONTAINING: negated (!within, !containing) */
	int close;  /* TAG: an end tag </name> */
	long bound; /* REPEAT with max -1 (*, +, {n,}): the most tokens its
	             * part of a match may cover, the hard boundary (0: none) */
	/* CQP's labels and target (TOKEN): a:[...] sets label lab - 1 (0:
	 * none) to the token's position, @[...] marks the target */
	int lab, target;
	/* the root of a query only: its labels' names (lab - 1 indexes
	 * them), its global constraint (after '::') or NULL, and whether a
	 * token has '@' */
	char **lnames;
	size_t nlabels;
	tq_cond *where;
	int has_target;
} tq_node;
/* A query with labels, a target or a global constraint is answered by
 * labels.c: see tq_plan_new. */

/* The hard boundary the parser gives every open-ended repetition (CQP's
 * HardBoundary), and the largest one tq_node_set_bound() takes. */
#define TQ_HARD_BOUNDARY 100
#define TQ_MAX_BOUNDARY TQ_MAX_REPEAT
/* Sets the hard boundary of every open-ended repetition in n to bound. */
void tq_node_set_bound(tq_node *n, long bound);

/* Parses a query. On TD_ESYNTAX or TD_ELIMIT the message says what was
 * expected and td_error_offset() gives the byte offset. *out is the caller's
 * to free with tq_node_free(). */
int tq_parse(const char *q, size_t len, tq_node **out);
void tq_node_free(tq_node *n);
void tq_cond_free(tq_cond *c);
/* Writes the AST back as a canonical query string (for tests and --explain);
 * *out is malloc'd. */
int tq_node_print(const tq_node *n, char **out);

/* Node constructors, used by the parser and by the CLI's shorthands. The
 * shorthands' nodes (--within, --who, --actor, --hedge) have off
 * TQ_OFF_NONE: they have no place in the query text. */
#define TQ_OFF_NONE SIZE_MAX
tq_node *tq_node_new(int kind, size_t off);
/* TD_ELIMIT with the message fmt, at the offset of node n (the part of the
 * query being matched when the work ran out), or, for a node without one
 * (TQ_OFF_NONE), saying so: every query error names where it is. */
int tq_limit_error(const tq_node *n, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
int tq_node_add(tq_node *parent, tq_node *kid);
/* <elem attr="pattern" .../> from name/pattern pairs ending in NULL. */
tq_node *tq_span_new(const char *elem, ...) __attribute__((sentinel));
/* Adds attribute name=pattern (copied) to span node n. */
int tq_span_attr(tq_node *n, const char *name, size_t nlen, const char *pat,
        size_t plen, size_t off);
/* A NUL-terminated copy of the n bytes at s (a slice of the query text, a
 * table's key: every byte copied, whatever it is), or NULL when out of
 * memory. */
char *tq_dupn(const char *s, size_t n);

#endif
