/* ast.c: the query AST: building, freeing and printing it back as CQL.
 * Printing gives the canonical form the tests compare and that the
 * differential test feeds back into the parser; it must round-trip.
 */
#include "config.h"
#include "ast.h"
#include "buf.h"
#include "error.h"
#include "vec.h"
#include "index.h"
#include "tagdex.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *tq_dupn(const char *s, size_t n)
{
	char *c = malloc(n + 1);
	if (c) {
		memcpy(c, s, n);
		c[n] = '\0';
	}
	return c;
}

tq_node *tq_node_new(int kind, size_t off)
{
	tq_node *n = calloc(1, sizeof *n);
	if (n) {
		n->kind = kind;
		n->off = off;
		n->min = n->max = 1;
		n->slot = -1;
	}
	return n;
}

int tq_limit_error(const tq_node *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n && n->off != TQ_OFF_NONE)
		return td_error_at(TD_ELIMIT, (long)n->off, "%s", msg);
	return td_error(TD_ELIMIT,
	        "%s (no query offset: the work ran out in "
	        "the part that --within, --who, --actor "
	        "or --hedge adds)",
	        msg);
}

void tq_node_set_bound(tq_node *n, long bound)
{
	if (n->kind == TQ_REPEAT && n->max < 0)
		n->bound = bound;
	for (size_t i = 0; i < n->nkids; i++)
		tq_node_set_bound(n->kids[i], bound);
}

int tq_node_add(tq_node *parent, tq_node *kid)
{
	if (!kid)
		return td_error(TD_ENOMEM, "out of memory");
	if (TD_VEC_RESERVE(parent->kids, parent->nkids, parent->cap_kids, 1)) {
		tq_node_free(kid);
		return td_error(TD_ENOMEM, "out of memory");
	}
	parent->kids[parent->nkids++] = kid;
	return 0;
}

void tq_cond_free(tq_cond *c)
{
	/* conditions nest at most TQ_MAX_DEPTH deep (the parser's bound) */
	if (!c)
		return;
	tq_cond_free(c->a);
	tq_cond_free(c->b);
	free(c->pattern);
	free(c);
}

void tq_node_free(tq_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkids; i++)
		tq_node_free(n->kids[i]);
	free(n->kids);
	tq_cond_free(n->cond);
	free(n->elem);
	for (size_t i = 0; i < n->nattrs; i++) {
		free(n->attrs[i].name);
		free(n->attrs[i].pattern);
	}
	free(n->attrs);
	for (size_t i = 0; i < n->nlabels; i++)
		free(n->lnames[i]);
	free(n->lnames);
	tq_cond_free(n->where);
	free(n);
}

int tq_span_attr(tq_node *n, const char *name, size_t nlen, const char *pat,
        size_t plen, size_t off)
{
	if (TD_VEC_RESERVE(n->attrs, n->nattrs, n->cap_attrs, 4))
		return td_error(TD_ENOMEM, "out of memory");
	tq_sattr *a = &n->attrs[n->nattrs];
	a->name = tq_dupn(name, nlen);
	a->pattern = tq_dupn(pat, plen);
	a->off = off;
	a->neg = 0;
	if (!a->name || !a->pattern) {
		free(a->name);
		free(a->pattern);
		return td_error(TD_ENOMEM, "out of memory");
	}
	n->nattrs++;
	return 0;
}

tq_node *tq_span_new(const char *elem, ...)
{
	tq_node *n = tq_node_new(TQ_SPAN, TQ_OFF_NONE);
	if (!n || !(n->elem = strdup(elem))) {
		tq_node_free(n);
		return NULL;
	}
	va_list ap;
	va_start(ap, elem);
	const char *name;
	while ((name = va_arg(ap, const char *))) {
		const char *pat = va_arg(ap, const char *);
		if (tq_span_attr(n, name, strlen(name), pat, strlen(pat), 0) <
		        0) {
			tq_node_free(n);
			n = NULL;
			break;
		}
	}
	va_end(ap);
	return n;
}

/* a growing string; on allocation failure it stays failed */
typedef td_buf buf;
/* the label names of the query being printed (tq_node_print) */
static _Thread_local char *const *print_labels;

/* Strings are printed in double quotes; a bare " inside (from a
 * single-quoted original) gets a backslash, which PCRE2 reads as ". */
static void put_string(buf *b, const char *s, unsigned flags)
{
	td_buf_adds(b, "\"");
	for (const char *p = s; *p; p++) {
		if (*p == '\\' && p[1]) {
			td_buf_add(b, p, 2);
			p++;
		} else if (*p == '"') {
			td_buf_adds(b, "\\\"");
		} else {
			td_buf_add(b, p, 1);
		}
	}
	td_buf_adds(b, "\"");
	if (flags) {
		td_buf_adds(b, "%");
		if (flags & TQ_FLAG_CASE)
			td_buf_adds(b, "c");
		if (flags & TQ_FLAG_DIAC)
			td_buf_adds(b, "d");
	}
}

/* Binding strength: ! over & over |, as the parser reads them. */
static int cond_prec(const tq_cond *c)
{
	switch (c->kind) {
	case TQC_OR:
		return 1;
	case TQC_AND:
		return 2;
	case TQC_NOT:
		return 3;
	default:
		return 4;
	}
}

/* Prints c with no more parentheses than the parser needs to read it back
 * the same (the trees are left-leaning), so printing never nests deeper than
 * the query that was parsed. */
static void print_cond_in(buf *b, const tq_cond *c, int ctx)
{
	int prec = cond_prec(c), paren = prec < ctx;
	if (paren)
		td_buf_adds(b, "(");
	switch (c->kind) {
	case TQC_ATTR: {
		const char *ly = c->layer == TD_LAYER_NORM    ? "norm"
		                 : c->layer == TD_LAYER_LEMMA ? "lemma"
		                 : c->layer == TD_LAYER_POS   ? "pos"
		                                              : "word";
		if (c->lab) {
			td_buf_adds(b, print_labels[c->lab - 1]);
			if (!c->pattern && !c->ref)
				break; /* a bare label */
			td_buf_adds(b, ".");
		}
		td_buf_adds(b, ly);
		td_buf_adds(b, "=");
		if (c->ref) {
			td_buf_adds(b, print_labels[c->ref - 1]);
			td_buf_adds(b, ".");
			td_buf_adds(b, ly);
		} else {
			put_string(b, c->pattern, c->flags);
		}
		break;
	}
	case TQC_NOT:
		td_buf_adds(b, "!");
		print_cond_in(b, c->a, 3);
		break;
	default:
		print_cond_in(b, c->a, prec);
		td_buf_adds(b, c->kind == TQC_AND ? " & " : " | ");
		print_cond_in(b, c->b, prec + 1);
	}
	if (paren)
		td_buf_adds(b, ")");
}

static void print_cond(buf *b, const tq_cond *c)
{
	print_cond_in(b, c, 0);
}

static void print_node(buf *b, const tq_node *n)
{
	char num[64];
	switch (n->kind) {
	case TQ_TOKEN:
		if (n->target)
			td_buf_adds(b, "@");
		if (n->lab) {
			td_buf_adds(b, print_labels[n->lab - 1]);
			td_buf_adds(b, ":");
		}
		td_buf_adds(b, "[");
		if (n->cond)
			print_cond(b, n->cond);
		td_buf_adds(b, "]");
		break;
	case TQ_SPAN:
	case TQ_TAG:
	case TQ_REGION:
		/* a region: (<s ...> kid </s>), the end tag's attributes on
		 * the start tag (both test the one element) */
		td_buf_adds(b, n->kind == TQ_REGION ? "(<"
		               : n->close           ? "</"
		                                    : "<");
		td_buf_adds(b, n->elem);
		for (size_t i = 0; i < n->nattrs; i++) {
			td_buf_adds(b, " ");
			td_buf_adds(b, n->attrs[i].name);
			td_buf_adds(b, n->attrs[i].neg ? "!=" : "=");
			put_string(b, n->attrs[i].pattern, 0);
		}
		td_buf_adds(b, n->kind == TQ_SPAN ? "/>" : ">");
		if (n->kind == TQ_REGION) {
			for (size_t i = 0; i < n->nkids; i++) {
				td_buf_adds(b, " ");
				print_node(b, n->kids[i]);
			}
			td_buf_adds(b, " </");
			td_buf_adds(b, n->elem);
			td_buf_adds(b, ">)");
		}
		break;
	case TQ_REPEAT:
		td_buf_adds(b, "(");
		print_node(b, n->kids[0]);
		if (n->max < 0)
			snprintf(num, sizeof num, "){%ld,}", n->min);
		else
			snprintf(num, sizeof num, "){%ld,%ld}", n->min, n->max);
		td_buf_adds(b, num);
		break;
	default:
		td_buf_adds(b, "(");
		for (size_t i = 0; i < n->nkids; i++) {
			if (i)
				td_buf_adds(
				        b, n->kind == TQ_SEQ   ? " "
				           : n->kind == TQ_ALT ? " | "
				           : n->kind == TQ_WITHIN
				                   ? (n->neg ? " !within "
				                             : " within ")
				                   : (n->neg ? " !containing "
				                             : " containing "));
			print_node(b, n->kids[i]);
		}
		td_buf_adds(b, ")");
	}
}

int tq_node_print(const tq_node *n, char **out)
{
	buf b = {0};
	print_labels = n->lnames;
	print_node(&b, n);
	if (n->where) {
		td_buf_adds(&b, " :: ");
		print_cond(&b, n->where);
	}
	print_labels = NULL;
	if (b.oom || !b.s) {
		free(b.s);
		return td_error(TD_ENOMEM, "out of memory");
	}
	*out = b.s;
	return 0;
}
