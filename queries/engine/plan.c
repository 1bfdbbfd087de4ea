/* plan.c: compiles a parsed query once: every token regex and every span
 * attribute regex goes through PCRE2 (JIT when the platform has it) with
 * match, depth and heap limits, so a runaway pattern ends in TD_ELIMIT
 * instead of a hang. The plan is then run segment by segment by exec.c.
 */
#include "config.h"
#include "ast.h"
#include "plan.h"
#include "plan_int.h"
#include "vec.h"
#include "error.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT_KIB 16384

static int is_literal(const char *s)
{
	return strpbrk(s, "\\^$.|?*+()[]{}") == NULL;
}

/* %d: the text without diacritics, folded to ASCII where Lucene's
 * ASCIIFoldingFilter folds (td_fold_diacritics). */
static int strip_marks(const char *s, size_t len, char **out, size_t *olen)
{
	return td_fold_diacritics(s, len, out, olen);
}

/* Whether a pattern names an apostrophe or a quote, in any variant: then
 * pattern and terms are matched with the variants folded (’ ʼ ‘ are ',
 * “ ” „ are "), so "'s" finds Korea’s clitic. */
static int has_quote(const char *pat)
{
	if (strpbrk(pat, "'\""))
		return 1;
	char *f = NULL;
	size_t n = 0;
	if (td_fold_quotes(pat, strlen(pat), &f, &n) < 0)
		return 0;
	int r = strcmp(f, pat) != 0;
	free(f);
	return r;
}

static int compile(tq_plan *p, const char *pat, uint32_t opts, size_t off,
        pcre2_code **out)
{
	int err;
	PCRE2_SIZE eoff;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	        PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_ENDANCHORED |
	                opts,
	        &err, &eoff, NULL);
	if (!re) {
		char msg[256];
		pcre2_get_error_message(err, (PCRE2_UCHAR *)msg, sizeof msg);
		size_t plen = strlen(pat);
		return td_error_at(TD_ESYNTAX,
		        (long)(off + (eoff < plen ? eoff : plen)),
		        "expected a valid regular expression: %s", msg);
	}
	/* JIT is an optimisation only: without it the interpreter runs */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	(void)p;
	*out = re;
	return 0;
}

/* The offset of the first byte of s that is not UTF-8, or -1: a pattern
 * must be valid before the literal shortcut, which PCRE2 never sees (a
 * literal "\xff" would else be 0 hits while "\xff.*" is an error). */
static long bad_utf8(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
		        utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			return (long)i;
		i += (size_t)k;
	}
	return -1;
}

static int add_leaf(tq_plan *p, tq_cond *c)
{
	long bad = bad_utf8(c->pattern);
	if (bad >= 0)
		return td_error_at(TD_ESYNTAX, (long)c->off + bad,
		        "expected valid UTF-8 in the pattern, found the byte "
		        "0x%02x",
		        (unsigned char)c->pattern[bad]);
	if (TD_VEC_RESERVE(p->leaves, p->nleaves, p->cap_leaves, 16))
		return td_error(TD_ENOMEM, "out of memory");
	tq_leaf *l = &p->leaves[p->nleaves];
	memset(l, 0, sizeof *l);
	l->cond = c;
	c->leaf = (int)p->nleaves++;
	l->quotes = has_quote(c->pattern);
	if (!c->flags && !l->quotes && is_literal(c->pattern)) {
		l->literal = 1;
		return 0;
	}
	size_t plen = strlen(c->pattern);
	if (l->quotes) {
		/* no prefix or suffix shortcut: the terms are folded first */
	} else if (!c->flags && plen > 2 && !strncmp(c->pattern, ".*", 2) &&
	           is_literal(c->pattern + 2)) {
		l->suffix = c->pattern + 2;
		l->suffix_len = plen - 2;
	} else if (!c->flags && plen > 2 &&
	           !strcmp(c->pattern + plen - 2, ".*") &&
	           strcspn(c->pattern, "\\^$.|?*+()[]{}") == plen - 2) {
		l->prefix = c->pattern;
		l->prefix_len = plen - 2;
	}
	const char *pat = c->pattern;
	char *stripped = NULL, *folded = NULL;
	size_t slen;
	if (l->quotes) {
		if (td_fold_quotes(pat, strlen(pat), &folded, &slen) < 0)
			return td_error(TD_ENOMEM, "out of memory");
		pat = folded;
	}
	if (c->flags & TQ_FLAG_DIAC) {
		int rc = strip_marks(pat, strlen(pat), &stripped, &slen);
		if (rc < 0) /* the quote-folded copy goes too */
			free(folded);
		if (rc == TD_ENOMEM)
			return td_error(TD_ENOMEM, "out of memory");
		if (rc < 0)
			return td_error_at(TD_ESYNTAX, (long)c->off,
			        "expected valid UTF-8 in the pattern");
		pat = stripped;
	}
	int rc = compile(p, pat, (c->flags & TQ_FLAG_CASE) ? PCRE2_CASELESS : 0,
	        c->off, &l->re);
	free(stripped);
	free(folded);
	return rc;
}

static int walk_cond(tq_plan *p, tq_cond *c)
{
	if (!c)
		return 0;
	if (c->kind == TQC_ATTR)
		return c->pattern ? add_leaf(p, c) : 0; /* a label's */
	int rc = walk_cond(p, c->a);
	return rc < 0 ? rc : walk_cond(p, c->b);
}

static int add_span(tq_plan *p, tq_node *n)
{
	if (TD_VEC_RESERVE(p->spans, p->nspans, p->cap_spans, 8))
		return td_error(TD_ENOMEM, "out of memory");
	tq_spannode *sn = &p->spans[p->nspans];
	sn->node = n;
	sn->re = n->nattrs ? calloc(n->nattrs, sizeof *sn->re) : NULL;
	if (n->nattrs && !sn->re)
		return td_error(TD_ENOMEM, "out of memory");
	n->slot = (int)p->nspans++;
	for (size_t i = 0; i < n->nattrs; i++) {
		int rc = compile(
		        p, n->attrs[i].pattern, 0, n->attrs[i].off, &sn->re[i]);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int walk(tq_plan *p, tq_node *n)
{
	int rc = 0;
	switch (n->kind) {
	case TQ_TOKEN:
		return walk_cond(p, n->cond);
	case TQ_SPAN:
	case TQ_TAG:
		return add_span(p, n);
	case TQ_REGION:
		if ((rc = add_span(p, n)) < 0)
			return rc;
		break;
	case TQ_WITHIN:
	case TQ_CONTAINING:
		n->slot = (int)p->nslots++;
		break;
	case TQ_REPEAT:
		n->slot = (int)p->nrepeats++;
		break;
	default:
		break;
	}
	for (size_t i = 0; i < n->nkids && rc == 0; i++)
		rc = walk(p, n->kids[i]);
	return rc;
}

static int cond_has_label(const tq_cond *c)
{
	return c && (c->lab || c->ref || cond_has_label(c->a) ||
	                    cond_has_label(c->b));
}

static tq_cond *clone_cond(const tq_cond *c, int *oom)
{
	if (!c)
		return NULL;
	tq_cond *d = malloc(sizeof *d);
	if (!d) {
		*oom = 1;
		return NULL;
	}
	*d = *c;
	d->pattern = c->pattern ? strdup(c->pattern) : NULL;
	d->a = clone_cond(c->a, oom);
	d->b = clone_cond(c->b, oom);
	if (c->pattern && !d->pattern)
		*oom = 1;
	return d;
}

/* The query without labels, target and global constraint, a token
 * condition naming a label made [] (any token): it matches wherever the
 * query does. NULL when out of memory. */
static tq_node *clone_free(const tq_node *n)
{
	tq_node *d = tq_node_new(n->kind, n->off);
	int oom = !d;
	if (oom)
		return NULL;
	d->min = n->min;
	d->max = n->max;
	d->neg = n->neg;
	d->close = n->close;
	d->bound = n->bound;
	if (!cond_has_label(n->cond))
		d->cond = clone_cond(n->cond, &oom);
	if (n->elem && !(d->elem = strdup(n->elem)))
		oom = 1;
	for (size_t i = 0; i < n->nattrs && !oom; i++) {
		oom = tq_span_attr(d, n->attrs[i].name,
		              strlen(n->attrs[i].name), n->attrs[i].pattern,
		              strlen(n->attrs[i].pattern), n->attrs[i].off) < 0;
		if (!oom)
			d->attrs[i].neg = n->attrs[i].neg;
	}
	for (size_t i = 0; i < n->nkids && !oom; i++) {
		/* tq_node_add frees k when it fails (and fails on NULL) */
		oom = tq_node_add(d, clone_free(n->kids[i])) < 0;
	}
	if (oom) {
		tq_node_free(d);
		return NULL;
	}
	return d;
}

int tq_spans_only(const tq_node *n)
{
	if (n->kind == TQ_SPAN)
		return 1;
	if (n->kind != TQ_ALT)
		return 0;
	for (size_t i = 0; i < n->nkids; i++)
		if (!tq_spans_only(n->kids[i]))
			return 0;
	return 1;
}

static int check_labelled(const tq_node *n)
{
	if ((n->kind == TQ_WITHIN || n->kind == TQ_CONTAINING) &&
	        !tq_spans_only(n->kids[1]))
		return td_error_at(TD_ESYNTAX, (long)n->kids[1]->off,
		        "expected an element (<s/>, s, <q who=\"...\"/>) or "
		        "alternatives of elements after within or containing "
		        "in "
		        "a query with labels, '@' or '::'");
	for (size_t i = 0; i < n->nkids; i++) {
		int rc = check_labelled(n->kids[i]);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int plan_build(tq_node *ast, tq_plan **out);

int tq_plan_new(tq_node *ast, tq_plan **out)
{
	*out = NULL;
	if (!ast->nlabels && !ast->has_target && !ast->where)
		return plan_build(ast, out);
	int rc = check_labelled(ast);
	if (rc < 0)
		return rc;
	tq_node *fr = clone_free(ast);
	if (!fr)
		return td_error(TD_ENOMEM, "out of memory");
	tq_plan *p = NULL, *vp = NULL;
	if ((rc = plan_build(fr, &p)) < 0) {
		tq_node_free(fr);
		return rc;
	}
	p->free_ast = fr;
	if ((rc = plan_build(ast, &vp)) == 0)
		rc = walk_cond(vp, ast->where);
	p->vp = vp;
	if (rc < 0) {
		tq_plan_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

static int plan_build(tq_node *ast, tq_plan **out)
{
	tq_plan *p = calloc(1, sizeof *p);
	*out = NULL;
	if (!p)
		return td_error(TD_ENOMEM, "out of memory");
	p->ast = ast;
	p->mctx = pcre2_match_context_create(NULL);
	p->md = pcre2_match_data_create(1, NULL);
	p->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (!p->mctx || !p->md) {
		tq_plan_free(p);
		return td_error(TD_ENOMEM, "out of memory");
	}
	pcre2_set_match_limit(p->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(p->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(p->mctx, HEAP_LIMIT_KIB);
	if (p->jit)
		pcre2_jit_stack_assign(p->mctx, NULL, p->jit);
	int rc = walk(p, ast);
	if (rc < 0) {
		tq_plan_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

void tq_plan_free(tq_plan *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nleaves; i++)
		pcre2_code_free(p->leaves[i].re);
	free(p->leaves);
	for (size_t i = 0; i < p->nspans; i++) {
		for (size_t j = 0; j < p->spans[i].node->nattrs; j++)
			if (p->spans[i].re)
				pcre2_code_free(p->spans[i].re[j]);
		free(p->spans[i].re);
	}
	free(p->spans);
	pcre2_match_data_free(p->md);
	pcre2_match_context_free(p->mctx);
	pcre2_jit_stack_free(p->jit);
	tq_plan_free(p->vp);
	tq_node_free(p->free_ast);
	free(p);
}

int tq_match_strategy(const char *name)
{
	static const char *const names[] = {"standard", "shortest", "longest"};
	for (int i = 0; i < 3; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

void tq_plan_set_strategy(tq_plan *p, int strategy)
{
	p->strategy = strategy;
	if (p->vp)
		p->vp->strategy = strategy;
}

size_t tq_plan_nleaves(const tq_plan *p)
{
	return p->nleaves;
}

tq_cond *tq_plan_leaf(const tq_plan *p, size_t i)
{
	return p->leaves[i].cond;
}

/* Matches s against re: 1, 0, or an error; the backtracking limit's at
 * off, the pattern's offset in the query (-1: none, a shorthand's). */
static int run(tq_plan *p, pcre2_code *re, const char *s, size_t len, long off)
{
	int rc = pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, p->md, p->mctx);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
		return 0;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return off >= 0
		               ? td_error_at(TD_ELIMIT, off,
		                         "a regular expression of the query "
		                         "hit its "
		                         "backtracking limit on '%.*s'; "
		                         "simplify it "
		                         "(avoid nested repeats such as (a+)+)",
		                         (int)(len > 60 ? 60 : len), s)
		               : td_error(TD_ELIMIT,
		                         "a regular expression hit its "
		                         "backtracking "
		                         "limit on '%.*s' (no query offset: a "
		                         "pattern "
		                         "of --who, --actor or --hedge)",
		                         (int)(len > 60 ? 60 : len), s);
	if (rc == PCRE2_ERROR_NOMEMORY)
		return td_error(TD_ENOMEM, "out of memory in a regex match");
	return 0; /* invalid UTF-8 in the data: no match */
}

int tq_plan_match_term(tq_plan *p, int leaf, const char *term, size_t len)
{
	tq_leaf *l = &p->leaves[leaf];
	if (l->literal)
		return strlen(l->cond->pattern) == len &&
		       memcmp(l->cond->pattern, term, len) == 0;
	if ((l->suffix && (len < l->suffix_len ||
	                          memcmp(term + len - l->suffix_len, l->suffix,
	                                  l->suffix_len))) ||
	        (l->prefix && (len < l->prefix_len ||
	                              memcmp(term, l->prefix, l->prefix_len))))
		return 0;
	char *fq = NULL;
	/* every variant starts with byte 0xCA, 0xE2 or 0xEF: most terms have
	 * none and are matched without a copy */
	if (l->quotes && (memchr(term, 0xe2, len) || memchr(term, 0xca, len) ||
	                         memchr(term, 0xef, len))) {
		if (td_fold_quotes(term, len, &fq, &len) < 0)
			return td_error(TD_ENOMEM, "out of memory");
		term = fq;
	}
	if (!(l->cond->flags & TQ_FLAG_DIAC)) {
		int r = run(p, l->re, term, len, (long)l->cond->off);
		free(fq);
		return r;
	}
	char *s = NULL;
	size_t slen;
	int rc = strip_marks(term, len, &s, &slen);
	if (rc < 0) {
		rc = rc == TD_ENOMEM
		             ? rc
		             : run(p, l->re, term, len, (long)l->cond->off);
		free(fq);
		return rc;
	}
	rc = run(p, l->re, s, slen, (long)l->cond->off);
	free(s);
	free(fq);
	return rc;
}

/* One value as written ("#kim-jong-un") or without its pointer mark
 * ("kim-jong-un"): the TEI spelling and the short one both match. */
static int match_value(
        tq_plan *p, pcre2_code *re, const char *v, size_t len, long off)
{
	int rc = run(p, re, v, len, off);
	if (rc == 0 && len > 1 && *v == '#')
		rc = run(p, re, v + 1, len - 1, off);
	return rc;
}

/* Values are whitespace-separated (TEI's data.pointer lists): the pattern
 * matches an element when it matches one value alone, or the whole list as
 * written with single spaces ("#prediction #hedged"), or that list without
 * its '#' marks. */
int tq_plan_match_attr(
        tq_plan *p, const tq_node *n, size_t j, const char *value)
{
	pcre2_code *re = p->spans[n->slot].re[j];
	long off = n->off == TQ_OFF_NONE ? -1 : (long)n->attrs[j].off;
	const char *v = value;
	size_t nvals = 0, total = 0;
	while (*v) {
		while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
			v++;
		if (!*v)
			break;
		const char *e = v;
		while (*e && *e != ' ' && *e != '\t' && *e != '\n' &&
		        *e != '\r')
			e++;
		int rc = match_value(p, re, v, (size_t)(e - v), off);
		if (rc != 0)
			return rc;
		nvals++;
		total += (size_t)(e - v) + 1;
		v = e;
	}
	if (nvals < 2)
		return 0;
	char *all = malloc(total), *bare = malloc(total);
	if (!all || !bare) {
		free(all);
		free(bare);
		return td_error(TD_ENOMEM, "out of memory");
	}
	size_t a = 0, b = 0;
	for (v = value; *v;) {
		while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
			v++;
		if (!*v)
			break;
		if (a) {
			all[a++] = ' ';
			bare[b++] = ' ';
		}
		if (*v == '#')
			all[a++] = *v++;
		while (*v && *v != ' ' && *v != '\t' && *v != '\n' &&
		        *v != '\r') {
			all[a++] = *v;
			bare[b++] = *v++;
		}
	}
	int rc = run(p, re, all, a, off);
	if (rc == 0)
		rc = run(p, re, bare, b, off);
	free(all);
	free(bare);
	return rc;
}
