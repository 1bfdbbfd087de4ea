/* parser.c: CQL query text to AST, by recursive descent with one token of
 * lookahead. Recursion happens only at ( ), [ ( ) ] and !, and is bounded by
 * TQ_MAX_DEPTH, so no query can exhaust the stack; sequences, alternatives
 * and quantifier chains are loops. Errors name the offset and what was
 * expected there.
 *
 *   top     := query ("::" gcond (op (NAME | alts))*)? ";"? EOF
 *   query   := alts (op (NAME | alts))*
 *   op      := ("!" | "not")? ("within" | "containing")
 *              (a bare NAME after op is the element: within s = within <s/>)
 *   alts    := seq ("|" seq)*
 *   seq     := item+
 *   item    := atom ("?" | "*" | "+" | "{" n "}" | "{" n? "," m? "}")*
 *   atom    := "@"? LABEL? "@"? (STRING FLAGS? | "[" cond? "]")
 *            | "(" query ")" | span
 *              (LABEL is a NAME ending in ':', as a: in a:[]; '@' the target,
 *              at most one in a query)
 *   span    := "<" "/"? NAME (NAME ("=" | "!=") STRING)* "/"? ">"
 *              (<s/> a whole element; <s> and </s> start and end tags,
 *              zero-width positions; "/" on one side only. In a seq an
 *              end tag pairs with the nearest earlier start tag of its
 *              name into a region, as CQP's StrictRegions: pair_tags)
 *   cond    := conj ("|" conj)*     conj := neg ("&" neg)*
 *   neg     := "!" neg | "(" cond ")" | layer ("="|"!=") value
 *   layer   := "word" | "norm" | "lemma" | "pos"
 *   value   := STRING FLAGS? | LABEL "." layer   (a label set before)
 *   gcond   := as cond, its leaves  LABEL "." layer ("="|"!=") value
 *              or a bare LABEL (it is set)
 */
#include "config.h"
#include "ast.h"
#include "lexer.h"
#include "error.h"
#include "vec.h"
#include "index.h"
#include "tagdex.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
	tq_lexer lx;
	tq_tok t; /* lookahead */
	int depth;
	int nconds; /* conditions so far: bounds the depth of a condition tree
	             */
	char **lnames; /* labels declared so far, in order */
	size_t nlabels, cap_labels;
	int ntargets;
	int in_gc;   /* parsing the global constraint (after '::') */
	int npairs;  /* start and end tags paired so far (pair_tags) */
	int setting; /* the label (1-based) of the token being parsed, 0:
	              * none; it is set once its token matched, so the
	              * token cannot refer to it (CQP: "used before it was
	              * defined") */
} parser;

/* Left-leaning chains also deepen the tree; these bounds keep every
 * recursive walk of an AST (free, print, plan, exec) shallow. */
#define MAX_CONDS 1000
#define MAX_QUANTIFIERS 3 /* on one atom: "a"?* */
#define MAX_CHAIN 8       /* within/containing operators at one level */

static int next(parser *p)
{
	return tq_lex(&p->lx, &p->t);
}

static int expected(parser *p, const char *what)
{
	return td_error_at(TD_ESYNTAX, (long)p->t.off, "expected %s, found %s",
	        what, tq_tok_name(p->t.kind));
}

/* Consumes the lookahead when it is a token of kind: 0, or the lexer's
 * error after it; else the syntax error that what was expected. */
static int expect(parser *p, int kind, const char *what)
{
	return p->t.kind == kind ? next(p) : expected(p, what);
}

static int is_word(const tq_tok *t, const char *w)
{
	return t->kind == TQT_IDENT && t->tlen == strlen(w) &&
	       memcmp(t->text, w, t->tlen) == 0;
}

/* The flags after c's string: %c and %d into c->flags; CQP's %l (the
 * string is literal, no regex) escapes every ASCII character of the
 * pattern that is not a letter or digit, so that the regex matches the
 * string alone (PCRE2 reads a backslash before such a character as that
 * character); \" and \' stay the quote marks they escape. As in CQP,
 * %l takes no other flag. */
static int flags(parser *p, tq_cond *c)
{
	int literal = 0;
	c->flags = 0;
	if (p->t.kind != TQT_FLAGS)
		return 0;
	for (size_t i = 0; i < p->t.tlen; i++) {
		if (p->t.text[i] == 'l')
			literal = 1;
		else
			c->flags |= p->t.text[i] == 'c' ? TQ_FLAG_CASE
			                                : TQ_FLAG_DIAC;
	}
	if (literal && c->flags)
		return td_error_at(TD_ESYNTAX, (long)p->t.off,
		        "expected %%l alone (a literal string takes no %%c or "
		        "%%d; CQP ignores them with %%l)");
	if (literal) {
		size_t n = strlen(c->pattern), j = 0;
		char *e = malloc(2 * n + 1);
		if (!e)
			return td_error(TD_ENOMEM, "out of memory");
		for (size_t i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)c->pattern[i];
			/* \" and \' are the string's escaped quote marks */
			if (ch == '\\' && (c->pattern[i + 1] == '"' ||
			                          c->pattern[i + 1] == '\''))
				ch = (unsigned char)c->pattern[++i];
			if (ch < 0x80 && !(ch >= '0' && ch <= '9') &&
			        !((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
				e[j++] = '\\';
			e[j++] = (char)ch;
		}
		e[j] = 0;
		free(c->pattern);
		c->pattern = e;
	}
	return next(p);
}

static int enter(parser *p)
{
	if (++p->depth > TQ_MAX_DEPTH)
		return td_error_at(TD_ELIMIT, (long)p->t.off,
		        "expected at most %d levels of nesting", TQ_MAX_DEPTH);
	return 0;
}

static tq_cond *cond_new(int kind)
{
	tq_cond *c = calloc(1, sizeof *c);
	if (c)
		c->leaf = -1;
	if (c)
		c->kind = kind;
	return c;
}

static int cond_or(parser *p, tq_cond **out);

static int layer_of(const char *w, size_t len)
{
	static const struct {
		const char *name;
		int layer;
	} v[] = {{"word", TD_LAYER_WORD}, {"norm", TD_LAYER_NORM},
	        {"lemma", TD_LAYER_LEMMA}, {"pos", TD_LAYER_POS}};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (strlen(v[i].name) == len && !memcmp(v[i].name, w, len))
			return v[i].layer;
	return -1;
}

static int label_find(const parser *p, const char *name, size_t len)
{
	for (size_t i = 0; i < p->nlabels; i++)
		if (strlen(p->lnames[i]) == len &&
		        !memcmp(p->lnames[i], name, len))
			return (int)i;
	return -1;
}

/* A label a: (a NAME ending in one ':', without '.') */
static int is_label(const tq_tok *t)
{
	return t->kind == TQT_IDENT && t->tlen > 1 &&
	       t->text[t->tlen - 1] == ':' &&
	       !memchr(t->text, ':', t->tlen - 1) &&
	       !memchr(t->text, '.', t->tlen);
}

static int cond_neg(parser *p, tq_cond **out)
{
	int rc;
	*out = NULL;
	if (p->t.kind == TQT_BANG || p->t.kind == TQT_LPAREN) {
		int bang = p->t.kind == TQT_BANG;
		if ((rc = enter(p)) < 0 || (rc = next(p)) < 0)
			return rc;
		tq_cond *inner = NULL;
		rc = bang ? cond_neg(p, &inner) : cond_or(p, &inner);
		p->depth--;
		if (rc < 0)
			return rc;
		if (!bang) {
			if ((rc = expect(p, TQT_RPAREN, "')' or '&' or '|'")) <
			        0) {
				tq_cond_free(inner);
				return rc;
			}
			*out = inner;
			return 0;
		}
		tq_cond *c = cond_new(TQC_NOT);
		if (!c) {
			tq_cond_free(inner);
			return td_error(TD_ENOMEM, "out of memory");
		}
		c->a = inner;
		*out = c;
		return 0;
	}
	int layer, lab = 0;
	size_t loff = p->t.off;
	if (++p->nconds > MAX_CONDS)
		return td_error_at(TD_ELIMIT, (long)p->t.off,
		        "expected at most %d conditions", MAX_CONDS);
	if (p->in_gc) {
		/* a.word, or a bare label a */
		if (p->t.kind != TQT_IDENT)
			return expected(p, "a label's attribute (a.word, "
			                   "a.lemma ...), a label, '!' or '('");
		const char *dot = memchr(p->t.text, '.', p->t.tlen);
		size_t nlen = dot ? (size_t)(dot - p->t.text) : p->t.tlen;
		int k = label_find(p, p->t.text, nlen);
		if (k < 0)
			return td_error_at(TD_ESYNTAX, (long)p->t.off,
			        "expected a label of the query, found '%.*s'",
			        (int)nlen, p->t.text);
		lab = k + 1;
		if (!dot) {
			tq_cond *c = cond_new(TQC_ATTR);
			if (!c)
				return td_error(TD_ENOMEM, "out of memory");
			c->lab = lab;
			c->layer = -1;
			c->off = loff;
			if ((rc = next(p)) < 0) { /* a bad token after it */
				tq_cond_free(c);
				return rc;
			}
			*out = c;
			return 0;
		}
		if ((layer = layer_of(dot + 1, p->t.tlen - nlen - 1)) < 0)
			return td_error_at(TD_ESYNTAX, (long)p->t.off,
			        "expected a token attribute 'word', 'norm', "
			        "'lemma' or 'pos' after '%.*s.', found '%.*s'",
			        (int)nlen, p->t.text,
			        (int)(p->t.tlen - nlen - 1), dot + 1);
	} else if (p->t.kind == TQT_IDENT &&
	           (layer = layer_of(p->t.text, p->t.tlen)) < 0) {
		return td_error_at(TD_ESYNTAX, (long)p->t.off,
		        "expected a token attribute 'word', 'norm', 'lemma' or "
		        "'pos', found '%.*s'",
		        (int)p->t.tlen, p->t.text);
	} else if (p->t.kind != TQT_IDENT) {
		return expected(p, "a condition (word=\"...\", norm=\"...\", "
		                   "lemma=\"...\", pos=\"...\", '!' or '(')");
	}
	if ((rc = next(p)) < 0)
		return rc;
	if (p->t.kind != TQT_EQ && p->t.kind != TQT_NEQ)
		return expected(p, "'=' or '!='");
	int neg = p->t.kind == TQT_NEQ;
	if ((rc = next(p)) < 0)
		return rc;
	tq_cond *c = NULL;
	if (p->t.kind == TQT_IDENT && memchr(p->t.text, '.', p->t.tlen)) {
		/* a reference to a label: [lemma = a.lemma], a.word = b.word */
		const char *dot = memchr(p->t.text, '.', p->t.tlen);
		size_t nlen = (size_t)(dot - p->t.text);
		int k = label_find(p, p->t.text, nlen);
		if (k < 0)
			return td_error_at(TD_ESYNTAX, (long)p->t.off,
			        "expected a label set before this point, found "
			        "'%.*s'",
			        (int)nlen, p->t.text);
		if (k + 1 == p->setting)
			return td_error_at(TD_ESYNTAX, (long)p->t.off,
			        "expected a label set before this token, found "
			        "'%.*s', the label of this token (it names the "
			        "token once matched: refer to it from a later "
			        "token or after '::')",
			        (int)nlen, p->t.text);
		if (layer_of(dot + 1, p->t.tlen - nlen - 1) != layer)
			return td_error_at(TD_ESYNTAX, (long)p->t.off,
			        "expected the same attribute on both sides "
			        "(%.*s.%s)",
			        (int)nlen, p->t.text,
			        layer == TD_LAYER_NORM    ? "norm"
			        : layer == TD_LAYER_LEMMA ? "lemma"
			        : layer == TD_LAYER_POS   ? "pos"
			                                  : "word");
		if (!(c = cond_new(TQC_ATTR)))
			return td_error(TD_ENOMEM, "out of memory");
		c->ref = k + 1;
		c->off = p->t.off;
		if ((rc = next(p)) < 0) {
			tq_cond_free(c);
			return rc;
		}
	} else {
		if (p->t.kind != TQT_STRING)
			return expected(p, p->in_gc ? "a quoted string or a "
			                              "label's attribute"
			                            : "a quoted string");
		c = cond_new(TQC_ATTR);
		if (!c || !(c->pattern = tq_dupn(p->t.text, p->t.tlen))) {
			tq_cond_free(c);
			return td_error(TD_ENOMEM, "out of memory");
		}
		c->off = p->t.off + 1;
		if ((rc = next(p)) < 0 || (rc = flags(p, c)) < 0) {
			tq_cond_free(c);
			return rc;
		}
	}
	c->layer = layer;
	c->lab = lab;
	if (neg) {
		tq_cond *n = cond_new(TQC_NOT);
		if (!n) {
			tq_cond_free(c);
			return td_error(TD_ENOMEM, "out of memory");
		}
		n->a = c;
		c = n;
	}
	*out = c;
	return 0;
}

/* conj and cond_or build left-leaning trees in a loop */
static int cond_bin(parser *p, int optok, int kind, tq_cond **out)
{
	tq_cond *left = NULL;
	int rc = kind == TQC_AND ? cond_neg(p, &left)
	                         : cond_bin(p, TQT_AMP, TQC_AND, &left);
	if (rc < 0)
		return rc;
	while (p->t.kind == optok) {
		tq_cond *right = NULL, *c;
		if ((rc = next(p)) < 0 ||
		        (rc = kind == TQC_AND ? cond_neg(p, &right)
		                              : cond_bin(p, TQT_AMP, TQC_AND,
		                                        &right)) < 0) {
			tq_cond_free(left);
			return rc;
		}
		if (!(c = cond_new(kind))) {
			tq_cond_free(left);
			tq_cond_free(right);
			return td_error(TD_ENOMEM, "out of memory");
		}
		c->a = left;
		c->b = right;
		left = c;
	}
	*out = left;
	return 0;
}

static int cond_or(parser *p, tq_cond **out)
{
	return cond_bin(p, TQT_PIPE, TQC_OR, out);
}

static int query(parser *p, tq_node **out);

static int span(parser *p, tq_node **out)
{
	int rc, close = 0;
	size_t off = p->t.off;
	if ((rc = next(p)) < 0)
		return rc;
	if (p->t.kind == TQT_SLASH) { /* an end tag </name> */
		close = 1;
		if ((rc = next(p)) < 0)
			return rc;
	}
	if (p->t.kind != TQT_IDENT)
		return expected(p, close ? "an element name after '</'"
		                         : "an element name after '<'");
	tq_node *n = tq_node_new(TQ_SPAN, off);
	if (!n || !(n->elem = tq_dupn(p->t.text, p->t.tlen))) {
		tq_node_free(n);
		return td_error(TD_ENOMEM, "out of memory");
	}
	if ((rc = next(p)) < 0)
		goto fail;
	while (p->t.kind == TQT_IDENT) {
		tq_tok name = p->t;
		if ((rc = next(p)) < 0)
			goto fail;
		if (p->t.kind != TQT_EQ && p->t.kind != TQT_NEQ) {
			rc = expected(
			        p, "'=' or '!=' after the attribute name");
			goto fail;
		}
		int neg = p->t.kind == TQT_NEQ;
		if ((rc = next(p)) < 0)
			goto fail;
		if (p->t.kind != TQT_STRING) {
			rc = expected(p, "a quoted attribute value");
			goto fail;
		}
		if ((rc = tq_span_attr(n, name.text, name.tlen, p->t.text,
		             p->t.tlen, p->t.off + 1)) < 0)
			goto fail;
		n->attrs[n->nattrs - 1].neg = neg;
		if ((rc = next(p)) < 0)
			goto fail;
	}
	if (close || p->t.kind == TQT_GT) {
		/* a start or end tag: a position (CQP's, BlackLab's) */
		if ((rc = expect(p, TQT_GT,
		             close ? "an attribute or '>'"
		                   : "an attribute, '>' or '/>'")) < 0)
			goto fail;
		n->kind = TQ_TAG;
		n->close = close;
		*out = n;
		return 0;
	}
	if ((rc = expect(p, TQT_SLASH, "an attribute, '>' or '/>'")) < 0 ||
	        (rc = expect(p, TQT_GT, "'>' after '/'")) < 0)
		goto fail;
	*out = n;
	return 0;
fail:
	tq_node_free(n);
	return rc;
}

static int atom_plain(parser *p, tq_node **out);

/* @ and a label before a token: a:[...], @[...], @a:[...], a:@[...] */
static int atom(parser *p, tq_node **out)
{
	int rc, target = 0, lab = 0;
	*out = NULL;
	for (int round = 0; round < 2; round++) {
		if (p->t.kind == TQT_AT && !target) {
			if (++p->ntargets > 1)
				return td_error_at(TD_ESYNTAX, (long)p->t.off,
				        "expected at most one target '@' in a "
				        "query");
			target = 1;
			if ((rc = next(p)) < 0)
				return rc;
		} else if (is_label(&p->t) && !lab) {
			size_t len = p->t.tlen - 1;
			if (label_find(p, p->t.text, len) >= 0)
				return td_error_at(TD_ESYNTAX, (long)p->t.off,
				        "expected a new label, '%.*s' is "
				        "already set earlier in the query",
				        (int)len, p->t.text);
			if (TD_VEC_RESERVE(
			            p->lnames, p->nlabels, p->cap_labels, 4))
				return td_error(TD_ENOMEM, "out of memory");
			if (!(p->lnames[p->nlabels] = tq_dupn(p->t.text, len)))
				return td_error(TD_ENOMEM, "out of memory");
			lab = (int)++p->nlabels;
			if ((rc = next(p)) < 0)
				return rc;
		}
	}
	if ((target || lab) && p->t.kind != TQT_STRING &&
	        p->t.kind != TQT_LBRACK)
		return expected(p,
		        target && !lab
		                ? "a token (\"...\" or [...]) after '@'"
		                : "a token (\"...\" or [...]) after the label");
	p->setting = lab;
	rc = atom_plain(p, out);
	p->setting = 0;
	if (rc < 0)
		return rc;
	if (lab || target) { /* a token: "(" query ")" keeps its own */
		(*out)->lab = lab;
		(*out)->target = target;
	}
	return 0;
}

static int atom_plain(parser *p, tq_node **out)
{
	int rc;
	size_t off = p->t.off;
	*out = NULL;
	switch (p->t.kind) {
	case TQT_STRING: {
		tq_node *n = tq_node_new(TQ_TOKEN, off);
		tq_cond *c = cond_new(TQC_ATTR);
		if (!n || !c || !(c->pattern = tq_dupn(p->t.text, p->t.tlen))) {
			tq_node_free(n);
			tq_cond_free(c);
			return td_error(TD_ENOMEM, "out of memory");
		}
		n->cond = c;
		c->layer = TD_LAYER_WORD;
		c->off = off + 1;
		if ((rc = next(p)) < 0 || (rc = flags(p, c)) < 0) {
			tq_node_free(n);
			return rc;
		}
		*out = n;
		return 0;
	}
	case TQT_LBRACK: {
		tq_node *n = tq_node_new(TQ_TOKEN, off);
		if (!n)
			return td_error(TD_ENOMEM, "out of memory");
		if ((rc = next(p)) < 0)
			goto fail;
		if (p->t.kind != TQT_RBRACK && (rc = cond_or(p, &n->cond)) < 0)
			goto fail;
		if ((rc = expect(p, TQT_RBRACK, "']' or '&' or '|'")) < 0)
			goto fail;
		*out = n;
		return 0;
	fail:
		tq_node_free(n);
		return rc;
	}
	case TQT_LPAREN: {
		if ((rc = enter(p)) < 0 || (rc = next(p)) < 0)
			return rc;
		tq_node *n = NULL;
		rc = query(p, &n);
		p->depth--;
		if (rc < 0)
			return rc;
		if ((rc = expect(p, TQT_RPAREN, "')'")) < 0) {
			tq_node_free(n);
			return rc;
		}
		*out = n;
		return 0;
	}
	case TQT_LT:
		return span(p, out);
	default:
		return expected(p, "a token (\"...\", [...]), '(' or '<'");
	}
}

/* The repetition count at the lookahead (a number) into *n, consumed;
 * TD_ELIMIT past TQ_MAX_REPEAT. */
static int repeat_count(parser *p, long *n)
{
	if (p->t.num > TQ_MAX_REPEAT)
		return td_error_at(TD_ELIMIT, (long)p->t.off,
		        "expected a repetition count of at most %d",
		        TQ_MAX_REPEAT);
	*n = p->t.num;
	return next(p);
}

static int quantifier(parser *p, long *min, long *max)
{
	int rc;
	switch (p->t.kind) {
	case TQT_QMARK:
		*min = 0;
		*max = 1;
		return next(p);
	case TQT_STAR:
		*min = 0;
		*max = -1;
		return next(p);
	case TQT_PLUS:
		*min = 1;
		*max = -1;
		return next(p);
	default:
		break;
	}
	/* { n } { n , } { , m } { n , m } */
	if ((rc = next(p)) < 0)
		return rc;
	*min = 0;
	*max = -1;
	if (p->t.kind == TQT_NUMBER) {
		if ((rc = repeat_count(p, min)) < 0)
			return rc;
		*max = *min;
		if (p->t.kind == TQT_RBRACE)
			return next(p);
	}
	if (p->t.kind != TQT_COMMA)
		return expected(p, *max < 0 ? "a number or ','" : "',' or '}'");
	if ((rc = next(p)) < 0)
		return rc;
	*max = -1;
	if (p->t.kind == TQT_NUMBER) {
		/* *min <= TQ_MAX_REPEAT: a count below it is within the
		 * limit */
		if (p->t.num < *min)
			return td_error_at(TD_ESYNTAX, (long)p->t.off,
			        "expected a maximum not below the minimum %ld",
			        *min);
		if ((rc = repeat_count(p, max)) < 0)
			return rc;
	}
	return expect(p, TQT_RBRACE, "'}'");
}

static int item(parser *p, tq_node **out)
{
	int rc = atom(p, out), nq = 0;
	while (rc == 0 &&
	        (p->t.kind == TQT_QMARK || p->t.kind == TQT_STAR ||
	                p->t.kind == TQT_PLUS || p->t.kind == TQT_LBRACE)) {
		size_t off = p->t.off;
		long min, max;
		if (++nq > MAX_QUANTIFIERS) {
			rc = td_error_at(TD_ELIMIT, (long)off,
			        "expected at most %d quantifiers in a row",
			        MAX_QUANTIFIERS);
			break;
		}
		if ((rc = quantifier(p, &min, &max)) < 0)
			break;
		tq_node *r = tq_node_new(TQ_REPEAT, off);
		if (!r)
			rc = td_error(TD_ENOMEM, "out of memory");
		else if ((rc = tq_node_add(r, *out)) == 0) {
			r->min = min;
			r->max = max;
			r->bound = max < 0 ? TQ_HARD_BOUNDARY : 0;
			*out = r;
			continue;
		} else {
			*out = NULL;
			free(r);
		}
	}
	if (rc < 0) {
		tq_node_free(*out);
		*out = NULL;
	}
	return rc;
}

static int starts_item(const tq_tok *t)
{
	return t->kind == TQT_STRING || t->kind == TQT_LBRACK ||
	       t->kind == TQT_LPAREN || t->kind == TQT_LT ||
	       t->kind == TQT_AT || is_label(t);
}

/* CQP's StrictRegions: an end tag closes the nearest earlier start tag
 * of its name in the same sequence. The start tag becomes a TQ_REGION
 * holding what lies between (one node, a sequence of them, or none) and
 * the end tag's attributes; the end tag goes. Nested pairs of one name
 * pair inside out (<s> <s> "a" </s> </s>). */
static int pair_tags(parser *p, tq_node *s)
{
	for (size_t j = 0; j < s->nkids; j++) {
		tq_node *c = s->kids[j], *o = NULL;
		size_t i = j;
		if (c->kind != TQ_TAG || !c->close)
			continue;
		while (i-- > 0) {
			o = s->kids[i];
			if (o->kind == TQ_TAG && !o->close &&
			        !strcmp(o->elem, c->elem))
				break;
			o = NULL;
		}
		if (!o)
			continue;
		if (++p->npairs > TQ_MAX_DEPTH)
			return td_error_at(TD_ELIMIT, (long)c->off,
			        "expected at most %d pairs of tags (<s> ... "
			        "</s>) in a query",
			        TQ_MAX_DEPTH);
		tq_node *inner = NULL;
		if (j - i == 2) {
			inner = s->kids[i + 1];
		} else if (j - i > 2) {
			if (!(inner = tq_node_new(TQ_SEQ, s->kids[i + 1]->off)))
				return td_error(TD_ENOMEM, "out of memory");
			if (TD_VEC_RESERVE_N(inner->kids, j - i - 1,
			            inner->cap_kids, 4)) {
				free(inner);
				return td_error(TD_ENOMEM, "out of memory");
			}
			memcpy(inner->kids, s->kids + i + 1,
			        (j - i - 1) * sizeof *inner->kids);
			inner->nkids = j - i - 1;
		}
		for (size_t a = 0; a < c->nattrs; a++) {
			tq_sattr *x = &c->attrs[a];
			if (tq_span_attr(o, x->name, strlen(x->name),
			            x->pattern, strlen(x->pattern),
			            x->off) < 0) {
				if (inner && inner->kind == TQ_SEQ &&
				        j - i > 2) {
					inner->nkids = 0; /* still s's */
					tq_node_free(inner);
				}
				return TD_ENOMEM;
			}
			o->attrs[o->nattrs - 1].neg = x->neg;
		}
		if (inner &&
		        TD_VEC_RESERVE(o->kids, o->nkids, o->cap_kids, 1)) {
			if (j - i > 2) {
				inner->nkids = 0;
				tq_node_free(inner);
			}
			return td_error(TD_ENOMEM, "out of memory");
		}
		if (inner)
			o->kids[o->nkids++] = inner;
		o->kind = TQ_REGION;
		tq_node_free(c);
		memmove(s->kids + i + 1, s->kids + j + 1,
		        (s->nkids - j - 1) * sizeof *s->kids);
		s->nkids -= j - i;
		j = i;
	}
	return 0;
}

static int seq(parser *p, tq_node **out)
{
	tq_node *first = NULL;
	int rc = item(p, &first);
	if (rc < 0)
		return rc;
	if (!starts_item(&p->t)) {
		*out = first;
		return 0;
	}
	tq_node *s = tq_node_new(TQ_SEQ, first->off);
	if (!s) {
		tq_node_free(first);
		return td_error(TD_ENOMEM, "out of memory");
	}
	if ((rc = tq_node_add(s, first)) < 0)
		goto fail;
	while (starts_item(&p->t)) {
		tq_node *k = NULL;
		if ((rc = item(p, &k)) < 0 || (rc = tq_node_add(s, k)) < 0)
			goto fail;
	}
	if ((rc = pair_tags(p, s)) < 0)
		goto fail;
	if (s->nkids == 1) { /* <s> ... </s> alone */
		*out = s->kids[0];
		s->nkids = 0;
		tq_node_free(s);
		return 0;
	}
	*out = s;
	return 0;
fail:
	tq_node_free(s);
	return rc;
}

static int alts(parser *p, tq_node **out)
{
	tq_node *first = NULL;
	int rc = seq(p, &first);
	if (rc < 0)
		return rc;
	if (p->t.kind != TQT_PIPE) {
		*out = first;
		return 0;
	}
	tq_node *a = tq_node_new(TQ_ALT, first->off);
	if (!a) {
		tq_node_free(first);
		return td_error(TD_ENOMEM, "out of memory");
	}
	if ((rc = tq_node_add(a, first)) < 0)
		goto fail;
	while (p->t.kind == TQT_PIPE) {
		tq_node *k = NULL;
		if ((rc = next(p)) < 0 || (rc = seq(p, &k)) < 0 ||
		        (rc = tq_node_add(a, k)) < 0)
			goto fail;
	}
	*out = a;
	return 0;
fail:
	tq_node_free(a);
	return rc;
}

/* At an operator (within, containing, negated by '!' or 'not')? Sets
 * *kind and *neg; a '!' or 'not' not followed by one is an error. 1 if at
 * one (its last token still the lookahead), 0 if not, or an error. */
static int chain_op(parser *p, int *kind, int *neg)
{
	int rc;
	*neg = 0;
	*kind = TQ_WITHIN;
	if (p->t.kind == TQT_BANG || is_word(&p->t, "not")) {
		if ((rc = next(p)) < 0)
			return rc;
		if (!is_word(&p->t, "within") && !is_word(&p->t, "containing"))
			return expected(p, "'within' or 'containing' after "
			                   "'!' or 'not'");
		*neg = 1;
	} else if (!is_word(&p->t, "within") && !is_word(&p->t, "containing")) {
		return 0;
	}
	*kind = is_word(&p->t, "within") ? TQ_WITHIN : TQ_CONTAINING;
	return 1;
}

/* left followed by any within/containing operators */
static int query_rest(parser *p, tq_node *left, tq_node **out)
{
	int rc = 0, chain = 0, kind, neg;
	while (rc == 0) {
		size_t off = p->t.off;
		if ((rc = chain_op(p, &kind, &neg)) <= 0)
			break;
		rc = 0;
		if (++chain > MAX_CHAIN) {
			rc = td_error_at(TD_ELIMIT, (long)off,
			        "expected at most %d within/containing in a "
			        "row "
			        "(use parentheses)",
			        MAX_CHAIN);
			break;
		}
		tq_node *n = tq_node_new(kind, off), *right = NULL;
		if (!n) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		n->neg = neg;
		rc = tq_node_add(n, left);
		left = n;
		if (rc < 0 || (rc = next(p)) < 0)
			break;
		if (p->t.kind == TQT_IDENT) { /* CQP's within s */
			right = tq_node_new(TQ_SPAN, p->t.off);
			if (!right || !(right->elem = tq_dupn(
			                        p->t.text, p->t.tlen))) {
				tq_node_free(right);
				rc = td_error(TD_ENOMEM, "out of memory");
				break;
			}
			if ((rc = next(p)) < 0) {
				tq_node_free(right);
				break;
			}
		} else if ((rc = alts(p, &right)) < 0) {
			break;
		}
		if ((rc = tq_node_add(n, right)) < 0)
			break;
	}
	if (rc < 0) {
		tq_node_free(left);
		return rc;
	}
	*out = left;
	return 0;
}

static int query(parser *p, tq_node **out)
{
	tq_node *left = NULL;
	int rc = alts(p, &left);
	if (rc < 0)
		return rc;
	return query_rest(p, left, out);
}

/* The tags of a query in text order: a region is its start tag, what it
 * holds, then its end tag. */
typedef struct tagev {
	const tq_node *n;
	int close, paired;
} tagev;
typedef struct tagevs {
	tagev *v;
	size_t n, cap;
} tagevs;

static int tag_push(tagevs *e, const tq_node *n, int close, int paired)
{
	if (TD_VEC_RESERVE(e->v, e->n, e->cap, 8))
		return td_error(TD_ENOMEM, "out of memory");
	e->v[e->n++] = (tagev){n, close, paired};
	return 0;
}

static int tag_events(const tq_node *n, tagevs *e)
{
	int rc = 0;
	if (n->kind == TQ_TAG)
		return tag_push(e, n, n->close, 0);
	if (n->kind == TQ_REGION)
		rc = tag_push(e, n, 0, 1);
	for (size_t i = 0; i < n->nkids && rc == 0; i++)
		rc = tag_events(n->kids[i], e);
	if (rc == 0 && n->kind == TQ_REGION)
		rc = tag_push(e, n, 1, 1);
	return rc;
}

/* CQP pairs an end tag with any start tag of its name earlier in the
 * query, and bounds everything after a start tag by its element when an
 * end tag of the name follows anywhere (StrictRegions). A tag CQP would
 * pair that is not in one sequence with its partner (inside a group,
 * another alternative or a repetition) would mean something else here:
 * a syntax error at it. */
static int check_tags(const tq_node *n)
{
	tagevs e = {0};
	int rc = tag_events(n, &e);
	for (size_t i = 0; i < e.n && rc == 0; i++) {
		if (e.v[i].paired)
			continue;
		const char *name = e.v[i].n->elem;
		for (size_t j = e.v[i].close ? 0 : i + 1;
		        j < (e.v[i].close ? i : e.n) && rc == 0; j++) {
			if (e.v[j].close == e.v[i].close ||
			        strcmp(e.v[j].n->elem, name))
				continue;
			rc = td_error_at(TD_ESYNTAX, (long)e.v[i].n->off,
			        "expected this <%s%s> in the same sequence as "
			        "the <%s%s> %s it (not inside a group, another "
			        "alternative or a repetition): a start and an "
			        "end tag of one name pair up, as in CQP",
			        e.v[i].close ? "/" : "", name,
			        e.v[i].close ? "" : "/", name,
			        e.v[i].close ? "before" : "after");
		}
	}
	free(e.v);
	return rc;
}

int tq_parse(const char *q, size_t len, tq_node **out)
{
	parser p = {0};
	int rc;
	*out = NULL;
	if (len > TQ_MAX_QUERY)
		return td_error_at(TD_ELIMIT, 0,
		        "expected a query of at most %d bytes", TQ_MAX_QUERY);
	tq_lexer_init(&p.lx, q, len);
	if ((rc = next(&p)) < 0)
		return rc;
	tq_node *n = NULL;
	tq_cond *where = NULL;
	if ((rc = query(&p, &n)) < 0)
		goto fail;
	if (p.t.kind == TQT_DCOLON) { /* CQP's global constraint */
		if (!p.nlabels) {
			rc = td_error_at(TD_ESYNTAX, (long)p.t.off,
			        "expected labels (a:[...]) before a global "
			        "constraint '::'");
			goto fail;
		}
		p.in_gc = 1;
		if ((rc = next(&p)) < 0 || (rc = cond_or(&p, &where)) < 0)
			goto fail;
		p.in_gc = 0;
		tq_node *m = NULL;
		if ((rc = query_rest(&p, n, &m)) < 0) {
			n = NULL; /* freed by query_rest */
			goto fail;
		}
		n = m;
	}
	if ((rc = check_tags(n)) < 0)
		goto fail;
	n->where = where;
	n->lnames = p.lnames;
	n->nlabels = p.nlabels;
	n->has_target = p.ntargets > 0;
	where = NULL;
	p.lnames = NULL;
	p.nlabels = 0;
	int semi = p.t.kind == TQT_SEMI;
	if (semi && (rc = next(&p)) < 0) {
		tq_node_free(n);
		return rc;
	}
	if (p.t.kind != TQT_EOF) {
		tq_node_free(n);
		if (semi)
			return expected(&p, "the end of the query after ';' "
			                    "(one query at a time)");
		return expected(&p, p.t.kind == TQT_IDENT
		                            ? "'within', 'containing' or the "
		                              "end of the query"
		                            : "a token, 'within', 'containing' "
		                              "or the end of "
		                              "the query");
	}
	*out = n;
	return 0;
fail:
	tq_node_free(n);
	tq_cond_free(where);
	for (size_t i = 0; i < p.nlabels; i++)
		free(p.lnames[i]);
	free(p.lnames);
	return rc;
}
