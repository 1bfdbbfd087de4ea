/* query.h: the query language (CQL), its plan and executor. Internal to the
 * queries/ area and its tests: names start with tq_. The lexer and parser
 * turn a query string into an AST and never touch the index; the plan
 * compiles the AST's regexes once; the executor runs a plan over index.h.
 */
#ifndef TAGDEX_QUERY_H
#define TAGDEX_QUERY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "index.h"
#include "tagdex.h"

/* ----------------------------------------------------------------- lexer */

enum tq_tok_kind {
	TQT_EOF = 0,
	TQT_STRING, /* "..." or '...'; text is the raw regex between the marks
	             */
	TQT_FLAGS,  /* %c, %d, %cd: text holds the letters */
	TQT_IDENT,  /* names: word, norm, within, containing, element names */
	TQT_NUMBER, /* a decimal integer */
	TQT_LBRACK,
	TQT_RBRACK,
	TQT_LPAREN,
	TQT_RPAREN,
	TQT_LBRACE,
	TQT_RBRACE,
	TQT_COMMA,
	TQT_AMP,
	TQT_PIPE,
	TQT_BANG,
	TQT_EQ,
	TQT_NEQ,
	TQT_LT,
	TQT_GT,
	TQT_SLASH,
	TQT_QMARK,
	TQT_STAR,
	TQT_PLUS,
	TQT_SEMI,   /* ';' (CQP's end of a query) */
	TQT_AT,     /* '@' (CQP's target marker) */
	TQT_DCOLON, /* '::' (CQP's global constraint follows) */
};

typedef struct tq_tok {
	int kind;
	size_t off; /* byte offset of the token in the query */
	size_t len; /* bytes of the token in the query */
	const char
	        *text; /* points into the query (for STRING: after the mark) */
	size_t tlen;   /* bytes of text */
	long num;      /* TQT_NUMBER's value (capped at TQ_MAX_REPEAT + 1) */
} tq_tok;

typedef struct tq_lexer {
	const char *q;
	size_t len, pos;
} tq_lexer;

void tq_lexer_init(tq_lexer *lx, const char *q, size_t len);
/* Reads the next token. TD_ESYNTAX (with the offset) for an unterminated
 * string, an unknown flag or a stray character. */
int tq_lex(tq_lexer *lx, tq_tok *out);
/* A short human name of a token kind for messages ("']'", "a string"). */
const char *tq_tok_name(int kind);

/* ------------------------------------------------------------------- AST */

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

/* ------------------------------------------------------------------ plan */

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

/* ------------------------------------------------------------------ exec */

typedef struct tq_filter {
	const char *from,
	        *to;       /* ISO date bounds (prefix compare), NULL: open */
	const char *genre; /* exact genre, NULL: any */
	const char *doc;   /* exact document id, NULL: any */
	int pullquotes;    /* 1: keep text that is not the article (pull
	                    * quotes, layout markers: article.c) */
	int outermost;     /* 1: drop a hit inside an earlier hit (--who
	                    * without a query: passages, not nested parts) */
	const struct tq_sub *in; /* --in NAME: only these documents or
	                          * spans (subcorpus.c); NULL: all */
	uint64_t deadline;       /* CLOCK_MONOTONIC time in ns after which the
	                          * executor stops with TD_EINTR (tagdex-serve
	                          * --timeout); 0: none */
} tq_filter;

/* TD_EINTR with a message if f has a deadline and it has passed, else 0
 * (the executor asks between documents and every few thousand steps). */
int tq_past_deadline(const tq_filter *f);

/* article.c: token ranges [start, end) that are not the article's text. */
typedef struct tq_range {
	uint32_t start, end;
} tq_range;
typedef struct tq_ranges {
	tq_range *v;
	size_t n, cap;
} tq_ranges;
/* The pull quotes and layout markers over tokens [first, end) of segment s
 * (none when f->pullquotes), sorted and merged, into out (reused: the
 * caller frees out->v). 0 or an error. */
int tq_nonarticle(td_seg *s, uint32_t first, uint32_t end, const tq_filter *f,
        tq_ranges *out);
/* The index of the first span of element k in s whose start is >= pos
 * (binary search over spans sorted by start), into *out. 0 or an error. */
int tq_span_lower(td_seg *s, uint32_t k, uint32_t pos, uint32_t *out);
/* Whether pos lies in one of the ranges; their total length. */
int tq_ranges_has(const tq_ranges *r, uint32_t pos);
uint64_t tq_ranges_len(const tq_ranges *r);
/* Calls fn for each document of ix that f lets through (tq_filter_doc),
 * segment by segment in document order, with its header and its tokens
 * that are not the article (tq_nonarticle's ranges): the documents a
 * table's group sizes count. Stops at the first nonzero return: 0, that
 * return, or an error. */
typedef int (*tq_article_fn)(void *ctx, size_t segno, td_seg *s, uint32_t d,
        const td_docinfo *di, const tq_ranges *nonarticle);
int tq_article_docs(
        td_index *ix, const tq_filter *f, tq_article_fn fn, void *ctx);
/* The token off tokens of the article before (right 0) or after (right 1)
 * token from, in the document of tokens [first, end), skipping those in
 * na (as the KWIC context skips them): --freq and --sort leftN, rightN.
 * 1 with it in *out, 0 when the document ends first. */
int tq_article_word(const tq_ranges *na, uint32_t first, uint32_t end,
        uint32_t from, uint32_t off, int right, uint32_t *out);

typedef struct tq_hit {
	size_t segno;
	td_seg *seg;
	uint32_t doc;        /* document number in the segment */
	uint32_t start, end; /* token positions in the segment, end exclusive */
	/* the element the hit is exactly (of those the query names as a
	 * whole: <q/>, alternatives, the left of within/containing): element
	 * number + 1 (0: none) and span index. A split element (parts linked
	 * by @next/@prev) is one hit from its first part's start to its last
	 * part's end, si being the first part. */
	uint32_t sk, si;
	uint32_t target; /* the target (@) token's position + 1, 0: none */
} tq_hit;

/* hits.c: logical hits (see tq_hit.sk). tq_join_hit() sets h->sk/si and
 * may extend h over a split element: 1 to report h, 0 to drop it (a later
 * part of an element already reported, or with f->outermost a hit inside an
 * earlier one), or an error. One tq_join per segment, fed its hits in
 * order. */
typedef struct tq_join tq_join;
/* The token ranges that hold h's text: each part of a split element (the
 * narration between two parts of a quote is not the quote's), else h
 * itself; fn(ctx, start, end) for each in order, stopping at its error.
 * 0 or an error. */
int tq_hit_parts(
        const tq_hit *h, int (*fn)(void *, uint32_t, uint32_t), void *ctx);
int tq_join_new(
        const tq_node *ast, td_seg *s, const tq_filter *f, tq_join **out);
void tq_join_free(tq_join *j);
int tq_join_hit(tq_join *j, tq_hit *h);

/* Called for each hit in corpus order. Return 0 to go on, 1 to stop, or a
 * negative code to abort with it. */
typedef int (*tq_hit_fn)(void *ctx, const tq_hit *h);

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
/* Whether document d of s passes the filter (live, date, genre, id). */
int tq_filter_doc(td_seg *s, uint32_t d, const tq_filter *f);

/* Matches a compiled leaf condition against a term (used by exec and freq).
 * Returns 1, 0, or TD_ELIMIT. */
int tq_plan_match_term(tq_plan *p, int leaf, const char *term, size_t len);
size_t tq_plan_nleaves(const tq_plan *p);
tq_cond *tq_plan_leaf(const tq_plan *p, size_t i);
/* Matches span attribute j of span node n against a value list. */
int tq_plan_match_attr(
        tq_plan *p, const tq_node *n, size_t j, const char *value);

/* --------------------------------------------------------------- suggest */

/* suggest.c: names the query or filter asks for that the index lacks. Calls
 * fn with one message ("no element <Q> in this index; did you mean <q>?")
 * for each span element absent from every segment, each attribute no span
 * of its element(s) carries, each attribute pattern that matches no value
 * of those elements, a --doc id and a --genre no live document has. Returns
 * 0 or a negative error from reading the index. */
typedef void (*tq_warn_fn)(void *ctx, const char *msg);
int tq_suggest(td_index *ix, const tq_node *ast, tq_plan *p, const tq_filter *f,
        tq_warn_fn fn, void *ctx);

/* ------------------------------------------------------------- subcorpus */

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

/* ---------------------------------------------------------------- lookup */

/* lookup.c: a value of --actor or --who resolved through the index's actor
 * table (the ref keys of persName, orgName, placeName and rs, the texts
 * mentioning them; for --who also the who keys of q and said), in this
 * order: TQ_LOOKUP_KEY, the value is a key (a leading '#' ignored);
 * TQ_LOOKUP_NAME, it is the text of mentions of exactly one key (compared
 * exactly, else with ASCII case, apostrophes ' ’ ‘ ʼ and runs of white
 * space folded); TQ_LOOKUP_AMBIGUOUS, such a text of several keys;
 * TQ_LOOKUP_REGEX, an anchored PCRE2 regex matching at least one key;
 * TQ_LOOKUP_NONE, none of these. */
enum {
	TQ_LOOKUP_KEY,
	TQ_LOOKUP_NAME,
	TQ_LOOKUP_AMBIGUOUS,
	TQ_LOOKUP_REGEX,
	TQ_LOOKUP_NONE
};
typedef struct tq_lookup_cand {
	char *key;   /* an actor key */
	char *names; /* NAME, AMBIGUOUS: "name (n); ..." most frequent first
	              * (four at most, then "; ..."); else NULL */
	uint64_t n;  /* NAME, AMBIGUOUS: the key's mentions */
	char *near;  /* NONE: a name or key near the value (key: its key) */
	size_t dist; /* NONE: its edit distance to the value */
} tq_lookup_cand;
typedef struct tq_lookup {
	int kind;      /* TQ_LOOKUP_* */
	char *pattern; /* the attribute regex to search: KEY, NAME the key
	                * (metacharacters escaped), REGEX the value, NONE the
	                * value escaped (it matches no key); AMBIGUOUS NULL */
	tq_lookup_cand *cands; /* NAME: the key; AMBIGUOUS: the keys by key;
	                        * NONE: the three nearest, nearest first */
	size_t ncands, cap_cands;
} tq_lookup;
/* Resolves value (who: for --who) into *out, to free with
 * tq_lookup_clear(). 0, or TD_ECORRUPT / TD_ENOMEM. */
int tq_lookup_actor(td_index *ix, const char *value, int who, tq_lookup *out);
void tq_lookup_clear(tq_lookup *l);
/* suggest.c's edit distance: Levenshtein over the first 64 bytes, ASCII
 * case folded, a leading '#' ignored. */
size_t tq_distance(const char *a, const char *b);

/* ------------------------------------------------------------------ info */

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

/* --------------------------------------------------------------- context */

/* context.c: what surrounds a hit. */

/* The sentence (<s>) holding position pos, its span number in *i; 0 if
 * none, 1 if found. */
int tq_sentence_at(td_seg *s, uint32_t pos, uint32_t *i);
/* The unit of --context s around position pos: its sentence (<s>), else the
 * innermost block element over it (p, u, sp, l, head, ...). 1 with its
 * token range in *st, *en; 0 if none. */
int tq_block_at(td_seg *s, uint32_t pos, uint32_t *st, uint32_t *en);
/* The innermost element called name over position pos (for "s": its
 * sentence, else the innermost block, as tq_block_at): 1 with its token
 * range, 0 if none. */
int tq_elem_at(
        td_seg *s, const char *name, uint32_t pos, uint32_t *st, uint32_t *en);
/* A span's attribute value or NULL. */
const char *tq_span_attr_get(
        td_seg *s, uint32_t k, uint32_t i, const char *name);
/* The next item of a space-separated attribute value (ana, who, ...) at
 * *v, which moves past it: its start, with its length in *len, or NULL
 * when none is left. A leading '#' is the caller's to drop or keep. */
static inline const char *tq_value_item(const char **v, size_t *len)
{
	const char *s = *v, *e;
	while (*s == ' ')
		s++;
	for (e = s; *e && *e != ' '; e++)
		;
	*v = e;
	*len = (size_t)(e - s);
	return e > s ? s : NULL;
}
/* The spans of the hit's document that overlap the hit (that hold all of
 * it: when contain is set), in element order then document order, as a
 * loop over a cursor:
 *     tq_span_iter it;
 *     if ((rc = tq_spans_begin(&it, h, contain)) == 0)
 *             while ((rc = tq_spans_next(&it)) == 1)
 *                     ... span it.i of element it.k, tokens [it.start, it.end)
 * tq_spans_begin gives 0 or an error; tq_spans_next 1 with the next span,
 * 0 after the last, or an error. The cursor holds no memory. */
typedef struct tq_span_iter {
	uint32_t k, i;       /* the span: element k, span number i */
	uint32_t start, end; /* its token range */
	const tq_hit *h;     /* (the cursor's own from here on) */
	int contain;
	uint32_t first_tok;  /* the document's first token */
	uint32_t nn;         /* element names in the segment */
	uint32_t next, last; /* element k's spans still to look at */
} tq_span_iter;
int tq_spans_begin(tq_span_iter *it, const tq_hit *h, int contain);
int tq_spans_next(tq_span_iter *it);
/* Sets *buf (malloc'd, the caller frees) to the document text of tokens
 * [a, b) of segment s, white space runs made single spaces. */
int tq_text(td_seg *s, uint32_t a, uint32_t b, char **buf);
/* Appends tq_text's text of tokens [a, e) of s to out: a match as a
 * frequency or table key. 0, or an error. */
int tq_text_add(td_seg *s, uint32_t a, uint32_t e, td_buf *out);
/* Appends the terms of tokens [a, e) of s in layer to out, a space
 * between two: a match's key in a layer (--freq norm, a table's lemma).
 * 0, or an error (TD_EUSAGE: s has no such layer, td_seg_need_layer). */
int tq_terms_add(td_seg *s, int layer, uint32_t a, uint32_t e, td_buf *out);
/* The key of hit h as --freq match (layer < 0: tq_text_add) or a layer
 * (tq_terms_add) groups it: of its text only, so a hit in parts (a quote
 * split around narration, tq_hit_parts) gives its parts' keys joined by
 * TQ_PARTS_SEP, never the narration's words. 0, or an error. */
#define TQ_PARTS_SEP " … "
int tq_hit_key_add(const tq_hit *h, int layer, td_buf *out);
/* Makes each run of white space (space, tab, CR, LF) in t[0, n) one space,
 * none at the start, in place, as tq_text does: the new length. The text
 * is not NUL-terminated. */
size_t tq_squeeze_space(char *t, size_t n);

/* ------------------------------------------------------------------ kwic */

/* kwic.c: one concordance line per hit, and its aligned text rendering. */
/* One attribute --show adds to each line (CQP's show +pb_n): the
 * attribute attr of the innermost element elem around the hit, as
 * --sort ELEM@ATTR finds it; key is "elem@attr". */
#define TQ_SHOW_MAX 8
typedef struct tq_show {
	char elem[64], attr[64], key[130];
} tq_show;

typedef struct tq_line {
	tq_hit hit;
	const char *doc, *date, *title; /* borrowed from the index */
	const char *sid;                /* sentence xml:id or NULL */
	uint32_t start, end;            /* token numbers within the document */
	char *left, *match, *right;     /* malloc'd */
	/* --show: nshow values (borrowed from the index, NULL when no such
	 * element is around the hit, malloc'd array) of show_def[i] */
	unsigned nshow;
	const tq_show *show_def;
	const char **show;
} tq_line;

/* One side of --context: n words (elem empty), or n units of element
 * elem ("s": sentences, else blocks): the one holding the hit's first
 * (left) or last (right) token and the n - 1 adjoining it on that side. */
typedef struct tq_ctx_side {
	unsigned n;
	char elem[64];
} tq_ctx_side;

typedef struct tq_kwic_opts {
	int sentence;   /* --context s */
	unsigned words; /* --context N */
	int color;      /* highlight the match (terminal) */
	int pullquotes; /* show text that is not the article in context */
	int sides;      /* 1: left and right say the context, not the above */
	tq_ctx_side left, right;
	unsigned width; /* text: fit each line in this many columns (0: no
	                 * limit, the left context right-aligned to 40) */
	unsigned nshow; /* --show: attributes each line carries */
	tq_show show[TQ_SHOW_MAX];
} tq_kwic_opts;

/* Adds spec's ELEM@ATTR (comma-separated, repeatable) to o->show.
 * TD_EUSAGE naming the bad part (no '@', an empty or too long name, more
 * than TQ_SHOW_MAX in all). */
int tq_show_parse(const char *spec, tq_kwic_opts *o);
/* TD_EUSAGE naming an element of o->show that no segment of ix has. */
int tq_show_check(td_index *ix, const tq_kwic_opts *o);
/* The attribute attr of the innermost element elem containing hit h (the
 * shortest; --sort and --freq ELEM@ATTR, --show): 1 with *v (borrowed
 * from the index; NULL when that element lacks attr), 0 when none
 * contains the hit, or an error. */
int tq_attr_around(
        const tq_hit *h, const char *elem, const char *attr, const char **v);

/* Parses --context: SIDE or LEFT,RIGHT, each N (words, 0-1000), NAME or
 * NNAME (N, 1-100, units of element NAME: s, 2s, p, u, sp, l). Sets
 * o->sides, o->left, o->right; TD_EUSAGE naming the bad part. */
int tq_context_parse(const char *spec, tq_kwic_opts *o);
/* TD_EUSAGE naming an element of o's sides that no segment of ix has. */
int tq_context_check(td_index *ix, const tq_kwic_opts *o);

/* What the lines of one document share, read once for a run of its hits:
 * its metadata (borrowed from the index), its text that is not the article,
 * the sentence of the last hit with its id and where its text was read. Zeroed
 * before first use, tq_linedoc_clear after the last; valid while the hits'
 * segments are open. Any order of hits is right (a hit of another document or
 * segment reads that one); hits in document order read each document once. */
typedef struct tq_linedoc {
	td_seg *seg; /* NULL: nothing read yet (or an error) */
	uint32_t doc;
	int pullquotes;
	td_docinfo di;
	tq_ranges na;
	int has_s; /* a sentence at or before the last hit: si, [s_st, s_en) */
	uint32_t si, s_st, s_en;
	int has_sid; /* sid is sentence sid_si's xml:id (may be NULL) */
	uint32_t sid_si;
	const char *sid;
	td_textcur tc; /* where the last line's text was read */
	td_buf text;   /* a line's left, match or right, before its copy */
} tq_linedoc;

/* Hit h's line with o into *out (tq_line_clear), reading h's document
 * through c unless c holds it already. 0 or an error. */
int tq_line_make_in(
        tq_linedoc *c, const tq_hit *h, const tq_kwic_opts *o, tq_line *out);
void tq_linedoc_clear(tq_linedoc *c);
/* tq_line_make_in for one hit, with nothing kept. */
int tq_line_make(const tq_hit *h, const tq_kwic_opts *o, tq_line *out);
/* The tokens [*from, *to) a line of hit h shows with o, the match in the
 * middle: di is h's document and na its text that is not the article
 * (tq_nonarticle with o->pullquotes), which the line leaves out. */
void tq_line_range(const tq_hit *h, const tq_kwic_opts *o, const td_docinfo *di,
        const tq_ranges *na, uint32_t *from, uint32_t *to);
void tq_line_clear(tq_line *l);
/* The lines of n hits in any order into out[0..n) (out[i] of hits[i]),
 * made document by document: a line reads its document's text, which the
 * segment keeps for one document at a time, so sorted hits made in their
 * order would read a document once a line. On an error none is left to
 * free. */
int tq_lines_make(
        const tq_hit *hits, size_t n, const tq_kwic_opts *o, tq_line *out);
int tq_kwic_print(FILE *out, const tq_line *l, const tq_kwic_opts *o);

/* Output formats of hits and tables. */
enum { TQ_OUT_TEXT = 0, TQ_OUT_JSON = 1, TQ_OUT_TSV = 2, TQ_OUT_CSV = 3 };

/* render_tsv.c, render_json.c: one hit a line. sep is '\t' (TSV) or ','
 * (CSV); fields are quoted as RFC 4180 says where they need it. */
int tq_tsv_header(FILE *out, char sep);
/* The same with a column per --show attribute of o (named ELEM@ATTR) after
 * the others; o may be NULL. */
int tq_tsv_header_show(FILE *out, char sep, const tq_kwic_opts *o);
int tq_tsv_print(FILE *out, const tq_line *l, char sep);
/* Writes one field s (NULL: empty), quoted if it holds sep, '"', CR or LF. */
void tq_dsv_field(FILE *out, const char *s, char sep);
int tq_json_print(FILE *out, const tq_line *l);
/* Writes the jansson value o as one line of JSON Lines (compact, keys in
 * the order set, with json_dumps's flags added, e.g. JSON_REAL_PRECISION)
 * and releases it; a NULL o (a json_pack or json_object that failed) is
 * out of memory. 0 or TD_ENOMEM. The frequency and statistics tables'
 * JSON rows go through it too. */
struct json_t;
int tq_json_line(FILE *out, struct json_t *o, size_t flags);
/* The same; with tokens, also "tokens": an object per token of the match
 * with its "word", "norm", "lemma" and "pos" (tagdex-query --tokens). */
int tq_json_print_tokens(FILE *out, const tq_line *l, int tokens);

/* ------------------------------------------------------------------ freq */

/* freq.c: counts of hits grouped by a key. */
enum {
	TQ_BY_MATCH,
	TQ_BY_NORM,
	TQ_BY_ACTOR,
	TQ_BY_WHO,
	TQ_BY_HEDGE,
	TQ_BY_DOC,
	TQ_BY_YEAR,
	TQ_BY_MONTH,
	TQ_BY_LEMMA, /* the lemmas of the hit's tokens, space-separated */
	TQ_BY_POS    /* their parts of speech */
};
/* TQ_BY_* for a name ("match", "norm", ...), or -1. */
int tq_freq_by(const char *name);
typedef struct tq_freq tq_freq;
int tq_freq_new(int by, tq_freq **out);
void tq_freq_free(tq_freq *f);
int tq_freq_add(tq_freq *f, const tq_hit *h);
/* Adds n to the row of a key. */
int tq_freq_add_key(tq_freq *f, const char *key, size_t len, uint64_t n);
/* The token layer whose terms are this table's keys (match: word, norm:
 * norm, lemma, pos), or -1. */
int tq_freq_layer(const tq_freq *f);
/* For tables by doc, year, month and who: the size in tokens of each group
 * over the documents passing flt, text that is not the article left out
 * (who: each token under the speech group of its innermost q or said). */
int tq_freq_sizes(tq_freq *f, td_index *ix, const tq_filter *flt);
/* Prints rows "count, per million of the group's tokens, value, the
 * group's tokens" by count descending in format fmt (TQ_OUT_*), the group
 * being all ntokens for tables without tq_freq_sizes. Text has no header
 * and shows a hit without a value as "(none)"; TSV and CSV start with a
 * header row and leave that value empty; JSON Lines make it null. A group
 * of no tokens ((mixed)) has no rate: NA in text, empty in TSV/CSV, null in
 * JSON. Returns the number of rows. */
long tq_freq_print(tq_freq *f, FILE *out, uint64_t ntokens, int fmt);
/* The order of the rows of tq_freq_print and tq_table_print: the larger
 * count na or nb first, then the key ka or kb in byte order (strcmp's
 * sign). */
int tq_freq_order(uint64_t na, const char *ka, uint64_t nb, const char *kb);
/* The count and per_million cells of a text, TSV or CSV row counting n
 * hits in a group of size tokens, as tq_freq_print and tq_table_print
 * write them: n, sep, the rate per million with two decimals, or for a
 * group of no tokens NA in text and nothing in TSV/CSV. */
void tq_freq_cells(FILE *out, uint64_t n, uint64_t size, char sep, int fmt);
/* Turns on dispersion (disp.c) over the documents passing flt: the rows
 * then end with the number of documents, Juilland's D and Gries' DP
 * (docs, juilland_d, dp), and tq_freq_layer() is -1. Call before adding
 * hits. 0 or an error. */
int tq_freq_dispersion(tq_freq *f, td_index *ix, const tq_filter *flt);

/* ----------------------------------------------------------------- table */

/* table.c: n-way frequency tables (--freq KEY,KEY,...). A row per distinct
 * tuple of key values: its hits, its documents (those holding one of its
 * hits) and its group's size in tokens: the tokens of the documents passing
 * the filter whose document keys (doc, year, month, genre, title) have the
 * row's values, text that is not the article left out; all those tokens
 * when the table has no document key. Keys: match; norm, lemma, pos (the
 * hit's terms); leftN, rightN (the word N tokens of the article before or
 * after the hit, in its document); ELEM@ATTR (that attribute of the innermost
 * ELEM holding the whole hit, each value's leading '#' dropped); doc, year,
 * month, genre, title. */
typedef struct tq_table tq_table;
/* Parses the comma-separated keys. TD_EUSAGE naming a bad key. */
int tq_table_new(const char *spec, tq_table **out);
void tq_table_free(tq_table *t);
/* TD_EUSAGE when a key is target (target.norm, .lemma, .pos: the term of
 * the hit's target token, CQP's "group ... target") and ast marks none. */
int tq_table_check(const tq_table *t, const tq_node *ast);
/* leftN and rightN count the tokens of the article only, unless
 * pullquotes (as --pullquotes): call before the first tq_table_add. */
void tq_table_set_pullquotes(tq_table *t, int pullquotes);
int tq_table_add(tq_table *t, const tq_hit *h);
/* Computes the groups' sizes over the documents passing flt. */
int tq_table_sizes(tq_table *t, td_index *ix, const tq_filter *flt);
/* Prints the rows by count descending, then by values: count,
 * per_million (of the group's size), docs, one column per key, tokens (the
 * group's size). TSV/CSV with a header row, JSON Lines with the keys'
 * names as fields; a missing value is (none) in text, empty in TSV/CSV,
 * null in JSON. Returns the number of rows. */
long tq_table_print(tq_table *t, FILE *out, uint64_t ntokens, int fmt);

#endif
