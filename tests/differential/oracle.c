/* oracle.c: the brute-force reference for test_differential.c. Slow on
 * purpose and simple to check by eye: every node yields the set of end
 * positions reachable from a start, computed by plain recursion over the
 * tokens, with no index, no lexicon and no candidate selection. It shares
 * no code with the library: its tokeniser, normaliser and folding (quote
 * variants, %d as Lucene folds) are written here
 * from the documented rules (tagdex-query(1) "Tokens are those of the
 * index", docs/index-format.md "Normalised form"), its filters from the
 * --doc, --genre, --from and --to option texts. */
#include "oracle.h"
#include "ast.h"
#include "filter.h"
#include "plan.h"
#include "index.h"
#include "tagdex.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>

typedef struct odoc {
	const td_doc *doc;
	td_tokens tok;
	size_t n;
	uint32_t *sp_start, *sp_end; /* per span: token range */
	int bad;
	const size_t *bind; /* labels: each label's token, SIZE_MAX unset */
	/* CQP's StrictRegions: inside <s> ... </s>, the end of that s; no
	 * token and no start tag is at or after it. SIZE_MAX outside. */
	size_t rlim;
} odoc;

/* ---------------------------------------------------------- tokens
 * The rules, as documented: white space (Unicode Z*, the ASCII controls
 * \t \n \r \f \v, U+FEFF, U+200B) separates tokens. A word is a run of
 * letters, marks and digits (Unicode L*, M*, N*); inside a word (a word
 * character on both sides) an apostrophe (' or ’) or a hyphen (-, U+2010,
 * U+2011) joins, a '.' or ',' joins two digits, and a '.' joins single
 * letters ("U.S", "e.g", keeping a final '.' as in "U.S."). ’s or 's at
 * the end of a word (not followed by a word character) is a token of its
 * own, and a word may start with an apostrophe before two digits ("’90s").
 * Anything else is a punctuation token of one character, runs of '.', '-'
 * or '…' staying together. Bytes that are not UTF-8 are punctuation. */

static int32_t cp_at(const char *t, size_t len, size_t i, size_t *n)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k =
	        i < len ? utf8proc_iterate((const utf8proc_uint8_t *)t + i,
	                          (utf8proc_ssize_t)(len - i), &c)
	                : -1;
	if (k <= 0) {
		*n = 1;
		return -1;
	}
	*n = (size_t)k;
	return c;
}

static int o_word(int32_t c)
{
	if (c < 0)
		return 0;
	const char *cat = utf8proc_category_string(c);
	return cat[0] == 'L' || cat[0] == 'M' || cat[0] == 'N';
}

static int o_space(int32_t c)
{
	if (c < 0)
		return 0;
	if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
	        c == 0xFEFF || c == 0x200B)
		return 1;
	return utf8proc_category_string(c)[0] == 'Z';
}

static int o_apos(int32_t c)
{
	return c == '\'' || c == 0x2019;
}
static int o_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

static int o_push(td_tokens *t, size_t a, size_t b)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->v = realloc(t->v, t->cap * sizeof *t->v);
		if (!t->v)
			return -1;
	}
	t->v[t->n].start = (uint32_t)a;
	t->v[t->n].end = (uint32_t)b;
	t->n++;
	return 0;
}

/* is text[i..] ’s or 's not followed by a word character? its length */
static size_t o_clitic(const char *t, size_t len, size_t i)
{
	size_t n1, n2, n3;
	if (!o_apos(cp_at(t, len, i, &n1)))
		return 0;
	int32_t c = cp_at(t, len, i + n1, &n2);
	if (c != 's' && c != 'S')
		return 0;
	if (o_word(cp_at(t, len, i + n1 + n2, &n3)))
		return 0;
	return n1 + n2;
}

static int o_tokenize(const char *t, size_t len, td_tokens *out)
{
	size_t i = 0, n;
	while (i < len) {
		int32_t c = cp_at(t, len, i, &n);
		if (o_space(c)) {
			i += n;
			continue;
		}
		size_t a = i, n1, n2;
		int apos_year = o_apos(c) &&
		                o_digit(cp_at(t, len, i + n, &n1)) &&
		                o_digit(cp_at(t, len, i + n + n1, &n2));
		if (!o_word(c) && !apos_year) {
			i += n;
			if (c == '.' || c == '-' || c == 0x2026)
				while (cp_at(t, len, i, &n1) == c)
					i += n1;
			if (o_push(out, a, i))
				return -1;
			continue;
		}
		/* a word: letters between joiners; "letters" counts single
		 * letters joined by '.', -1 once the chain is broken */
		int dots = 0, single = 1, seglen = 0;
		i += n;
		seglen = o_digit(c) || apos_year ? -99 : 1;
		for (;;) {
			int32_t x = cp_at(t, len, i, &n1);
			if (o_word(x)) {
				i += n1;
				seglen += o_digit(x) ? -99 : 1;
				continue;
			}
			if (i >= len || o_clitic(t, len, i))
				break;
			int32_t nx = cp_at(t, len, i + n1, &n2);
			if (!o_word(nx))
				break;
			size_t pn = 1;
			while (pn < 4 && pn < i - a &&
			        ((unsigned char)t[i - pn] & 0xC0) == 0x80)
				pn++;
			int32_t prev = cp_at(t, len, i - pn, &n);
			if (o_apos(x) || x == '-' || x == 0x2010 ||
			        x == 0x2011) {
				i += n1;
				single = 0;
				seglen = 0;
				continue;
			}
			if ((x == '.' || x == ',') && o_digit(prev) &&
			        o_digit(nx)) {
				i += n1;
				continue;
			}
			/* "U.S": every part so far one letter, the next part
			 * one letter too */
			size_t n3;
			if (x == '.' && single && seglen == 1 && !o_digit(nx) &&
			        !o_word(cp_at(t, len, i + n1 + n2, &n3))) {
				i += n1;
				dots = 1;
				seglen = 0;
				continue;
			}
			break;
		}
		if (dots && i < len && t[i] == '.')
			i++;
		if (o_push(out, a, i))
			return -1;
		size_t cl = i < len ? o_clitic(t, len, i) : 0;
		if (cl) {
			if (o_push(out, i, i + cl))
				return -1;
			i += cl;
		}
	}
	return 0;
}

static char *noquotes(const char *s, size_t len);

/* the normalised form: NFC, Unicode case folding, quote variants folded */
static char *o_norm(const char *s, size_t len)
{
	utf8proc_uint8_t *d = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &d,
	            UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
		return strndup(s, len);
	char *r = noquotes((char *)d, strlen((char *)d));
	free(d);
	return r;
}

/* the filters as documented: --doc the exact id, --genre the exact genre,
 * --from/--to ISO dates, inclusive, compared at the precision of the
 * coarser of the two (a document of 2024 is in --from 2024-06); without a
 * date a document is out when either bound is given */
int oracle_doc_passes(const td_doc *doc, const tq_filter *f)
{
	const char *d = doc->meta.date;
	if (!f)
		return 1;
	if (f->doc && (!doc->id || strcmp(doc->id, f->doc)))
		return 0;
	if (f->genre && (!doc->meta.genre || strcmp(doc->meta.genre, f->genre)))
		return 0;
	if ((f->from || f->to) && !d)
		return 0;
	if (f->from) {
		size_t k = strlen(d) < strlen(f->from) ? strlen(d)
		                                       : strlen(f->from);
		if (memcmp(d, f->from, k) < 0)
			return 0;
	}
	if (f->to) {
		size_t k =
		        strlen(d) < strlen(f->to) ? strlen(d) : strlen(f->to);
		if (memcmp(d, f->to, k) > 0)
			return 0;
	}
	return 1;
}

/* ---------------------------------------------------------- folding
 * Written here from the documented rules, not from the library's table.
 * Apostrophe variants (U+2018 U+2019 U+201B U+02BC U+FF07) are ' and double
 * quote variants (U+201C U+201D U+201E U+201F U+FF02) are ", in norm and in
 * any string naming a quote. %d: marks dropped (NFD, then NFC, by utf8proc),
 * then each letter of Latin-1 and Latin Extended-A that has no canonical
 * decomposition is spelled as Lucene's ASCIIFoldingFilter spells it, and
 * the quote marks Lucene folds become ASCII. The differential vocabulary
 * takes its non-ASCII letters from this table. */

static const struct {
	int32_t cp;
	const char *to;
} o_fold[] = {
        {0x00AB, "\""},
        {0x00BB, "\""},
        {0x00C6, "AE"},
        {0x00D0, "D"},
        {0x00D8, "O"},
        {0x00DE, "TH"},
        {0x00DF, "ss"},
        {0x00E6, "ae"},
        {0x00F0, "d"},
        {0x00F8, "o"},
        {0x00FE, "th"},
        {0x0110, "D"},
        {0x0111, "d"},
        {0x0126, "H"},
        {0x0127, "h"},
        {0x0131, "i"},
        {0x0132, "IJ"},
        {0x0133, "ij"},
        {0x0138, "q"},
        {0x013F, "L"},
        {0x0140, "l"},
        {0x0141, "L"},
        {0x0142, "l"},
        {0x0149, "n"},
        {0x014A, "N"},
        {0x014B, "n"},
        {0x0152, "OE"},
        {0x0153, "oe"},
        {0x0166, "T"},
        {0x0167, "t"},
        {0x017F, "s"},
        {0x2018, "'"},
        {0x2019, "'"},
        {0x201B, "'"},
        {0x201C, "\""},
        {0x201D, "\""},
        {0x201E, "\""},
        {0xFF02, "\""},
        {0xFF07, "'"},
};

static int32_t o_quote(int32_t c)
{
	if (c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x02BC ||
	        c == 0xFF07)
		return '\'';
	if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F ||
	        c == 0xFF02)
		return '"';
	return c;
}

/* s with every code point c replaced by map(c): a replacement below 0x80 is
 * one byte, -1 means "look it up in o_fold" */
static char *o_map(const char *s, size_t len, int table)
{
	char *o = malloc(4 * len + 1);
	size_t j = 0, n;
	for (size_t i = 0; i < len; i += n) {
		int32_t c = cp_at(s, len, i, &n);
		const char *to = NULL;
		char one[2] = {0, 0};
		if (table) {
			for (size_t k = 0; k < sizeof o_fold / sizeof o_fold[0];
			        k++)
				if (o_fold[k].cp == c)
					to = o_fold[k].to;
		} else if (c >= 0x80 && o_quote(c) != c) {
			one[0] = (char)o_quote(c);
			to = one;
		}
		if (to) {
			memcpy(o + j, to, strlen(to));
			j += strlen(to);
		} else {
			memcpy(o + j, s + i, n);
			j += n;
		}
	}
	o[j] = 0;
	return o;
}

static char *noquotes(const char *s, size_t len)
{
	return o_map(s, len, 0);
}

/* %d */
static char *nomarks(const char *s, size_t len)
{
	utf8proc_uint8_t *d = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &d,
	            UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK) <
	        0)
		return strndup(s, len);
	char *r = o_map((char *)d, strlen((char *)d), 1);
	free(d);
	return r;
}

/* whole-string regex match, compiled anew every time */
static int rmatch(
        odoc *o, const char *pat, unsigned flags, const char *s, size_t len)
{
	/* a pattern naming an apostrophe or a quote in any variant matches
	 * with the variants folded on both sides */
	char *fp = noquotes(pat, strlen(pat));
	int quotes = strpbrk(pat, "'\"") || strcmp(fp, pat);
	char *fs = quotes ? noquotes(s, len) : strndup(s, len);
	char *p2 = quotes ? fp : strdup(pat);
	if (quotes)
		fp = NULL;
	free(fp);
	if (flags & TQ_FLAG_DIAC) {
		char *a = nomarks(p2, strlen(p2)), *b = nomarks(fs, strlen(fs));
		free(p2);
		free(fs);
		p2 = a;
		fs = b;
	}
	char *s2 = fs;
	size_t plen = strlen(p2) + 16;
	char *wrapped = malloc(plen);
	snprintf(wrapped, plen, "(?:%s)\\z", p2);
	int err;
	PCRE2_SIZE eo;
	pcre2_code *re =
	        pcre2_compile((PCRE2_SPTR)wrapped, PCRE2_ZERO_TERMINATED,
	                PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED |
	                        (flags & TQ_FLAG_CASE ? PCRE2_CASELESS : 0),
	                &err, &eo, NULL);
	int r = 0;
	if (!re) {
		o->bad = 1;
	} else {
		pcre2_match_data *md =
		        pcre2_match_data_create_from_pattern(re, NULL);
		r = pcre2_match(re, (PCRE2_SPTR)s2, strlen(s2), 0, 0, md,
		            NULL) >= 0;
		pcre2_match_data_free(md);
		pcre2_code_free(re);
	}
	free(wrapped);
	free(p2);
	free(s2);
	return r;
}

/* The pos or lemma of token t, by the documented rule (tagdex-query(1),
 * docs/index-format.md): the attribute of the innermost <w> whose byte
 * range holds the whole token and that has the attribute (of equal ones
 * the later in document order); "" when none. Searched span by span. */
static const char *w_attr(odoc *o, size_t t, const char *name)
{
	const char *best = "";
	size_t best_len = SIZE_MAX;
	for (size_t i = 0; i < o->doc->n_spans; i++) {
		const td_span *sp = &o->doc->spans[i];
		if (strcmp(sp->name, "w") || sp->start > o->tok.v[t].start ||
		        sp->end < o->tok.v[t].end)
			continue;
		for (uint32_t j = 0; j < sp->n_attrs; j++)
			if (!strcmp(sp->attrs[j].name, name) &&
			        sp->end - sp->start <= best_len) {
				best = sp->attrs[j].value;
				best_len = sp->end - sp->start;
			}
	}
	return best;
}

/* a token's term on a layer, malloc'd */
static char *layer_term(odoc *o, int layer, size_t t)
{
	const char *s = o->doc->text + o->tok.v[t].start;
	size_t len = o->tok.v[t].end - o->tok.v[t].start;
	if (layer == TD_LAYER_LEMMA || layer == TD_LAYER_POS)
		return strdup(
		        w_attr(o, t, layer == TD_LAYER_POS ? "pos" : "lemma"));
	if (layer == TD_LAYER_NORM)
		return o_norm(s, len);
	return strndup(s, len);
}

static int cond(odoc *o, const tq_cond *c, size_t t)
{
	switch (c->kind) {
	case TQC_NOT:
		return !cond(o, c->a, t);
	case TQC_AND:
		return cond(o, c->a, t) && cond(o, c->b, t);
	case TQC_OR:
		return cond(o, c->a, t) || cond(o, c->b, t);
	default:
		break;
	}
	if (c->lab) { /* the token of a label */
		if (!o->bind || o->bind[c->lab - 1] == SIZE_MAX)
			return 0;
		t = o->bind[c->lab - 1];
		if (!c->pattern && !c->ref)
			return 1;
	}
	if (c->ref) { /* the same term as a label's token */
		if (!o->bind || o->bind[c->ref - 1] == SIZE_MAX)
			return 0;
		char *a = layer_term(o, c->layer, t),
		     *b = layer_term(o, c->layer, o->bind[c->ref - 1]);
		int r = !strcmp(a, b);
		free(a);
		free(b);
		return r;
	}
	const char *s = o->doc->text + o->tok.v[t].start;
	size_t len = o->tok.v[t].end - o->tok.v[t].start;
	if (c->layer == TD_LAYER_LEMMA || c->layer == TD_LAYER_POS) {
		const char *v = w_attr(
		        o, t, c->layer == TD_LAYER_POS ? "pos" : "lemma");
		return rmatch(o, c->pattern, c->flags, v, strlen(v));
	}
	if (c->layer == TD_LAYER_WORD)
		return rmatch(o, c->pattern, c->flags, s, len);
	char *nrm = o_norm(s, len);
	int r = rmatch(o, c->pattern, c->flags, nrm, strlen(nrm));
	free(nrm);
	return r;
}

/* a value as written or without its leading '#'; a whole value list
 * (single spaces) as written or with every '#' dropped */
static int attr_ok(odoc *o, const td_span *sp, const tq_sattr *a)
{
	for (uint32_t i = 0; i < sp->n_attrs; i++) {
		if (strcmp(sp->attrs[i].name, a->name))
			continue;
		const char *val = sp->attrs[i].value;
		char *v = strdup(val), *save = NULL;
		char *all = calloc(strlen(val) + 2, 1);
		char *bare = calloc(strlen(val) + 2, 1);
		int n = 0, ok = 0;
		for (char *w = strtok_r(v, " \t\n\r", &save); w && !ok;
		        w = strtok_r(NULL, " \t\n\r", &save), n++) {
			ok = rmatch(o, a->pattern, 0, w, strlen(w)) ||
			     (w[0] == '#' && w[1] &&
			             rmatch(o, a->pattern, 0, w + 1,
			                     strlen(w + 1)));
			if (n) {
				strcat(all, " ");
				strcat(bare, " ");
			}
			strcat(all, w);
			strcat(bare, *w == '#' ? w + 1 : w);
		}
		if (!ok && n > 1)
			ok = rmatch(o, a->pattern, 0, all, strlen(all)) ||
			     rmatch(o, a->pattern, 0, bare, strlen(bare));
		free(v);
		free(all);
		free(bare);
		if (ok)
			return 1;
	}
	return 0;
}

static void ends(odoc *o, const tq_node *n, size_t s, char *out);

static void seq(odoc *o, const tq_node *n, size_t i, size_t s, char *out)
{
	if (i == n->nkids) {
		out[s] = 1;
		return;
	}
	char *e = calloc(o->n + 1, 1);
	ends(o, n->kids[i], s, e);
	for (size_t x = 0; x <= o->n; x++)
		if (e[x])
			seq(o, n, i + 1, x, out);
	free(e);
}

/* s0: where the repetition began; an open-ended one covers at most
 * n->bound tokens from there (the hard boundary) */
static void rep(odoc *o, const tq_node *n, long count, size_t s0, size_t s,
        char *out, long *done)
{
	if (n->max < 0 && n->bound > 0 && s - s0 > (size_t)n->bound)
		return;
	if (count >= n->min) {
		if (done[s] <= count)
			return; /* already expanded with as many repeats left */
		done[s] = count;
		out[s] = 1;
	}
	if (n->max >= 0 && count >= n->max)
		return;
	char *e = calloc(o->n + 1, 1);
	ends(o, n->kids[0], s, e);
	for (size_t x = 0; x <= o->n; x++)
		if (e[x] && !(x == s && count >= n->min))
			rep(o, n, count + 1, s0, x, out, done);
	free(e);
}

/* does some non-empty hit of b start at bs and end at or before/after e */
static int b_hit(odoc *o, const tq_node *b, size_t bs, size_t e, int within)
{
	char *be = calloc(o->n + 1, 1);
	int found = 0;
	size_t rlim = o->rlim; /* B's hits are B's, wherever A is */
	o->rlim = SIZE_MAX;
	ends(o, b, bs, be);
	o->rlim = rlim;
	for (size_t x = bs + 1; x <= o->n && !found; x++)
		if (be[x] && (within ? x >= e : x <= e))
			found = 1;
	free(be);
	return found;
}

/* span i is an element of tag or region n with n's attributes */
static int tag_span(odoc *o, const tq_node *n, size_t i)
{
	const td_span *sp = &o->doc->spans[i];
	if (strcmp(sp->name, n->elem) || o->sp_end[i] < o->sp_start[i])
		return 0;
	for (size_t j = 0; j < n->nattrs; j++)
		if (attr_ok(o, sp, &n->attrs[j]) == n->attrs[j].neg)
			return 0;
	return 1;
}

static void ends(odoc *o, const tq_node *n, size_t s, char *out)
{
	switch (n->kind) {
	case TQ_TOKEN:
		if (s < o->n && s < o->rlim &&
		        (!n->cond || cond(o, n->cond, s)))
			out[s + 1] = 1;
		break;
	case TQ_TAG: /* where an element starts, or ends; empty ones both */
		if (!n->close && s >= o->rlim)
			break;
		for (size_t i = 0; i < o->doc->n_spans; i++)
			if (tag_span(o, n, i) &&
			        (n->close ? o->sp_end[i] : o->sp_start[i]) == s)
				out[s] = 1;
		break;
	case TQ_REGION: /* the kid from s to exactly an element's end */
		if (s >= o->rlim)
			break;
		for (size_t i = 0; i < o->doc->n_spans; i++) {
			if (!tag_span(o, n, i) || o->sp_start[i] != s)
				continue;
			size_t e = o->sp_end[i], outer = o->rlim;
			if (!n->nkids) {
				if (e == s)
					out[s] = 1;
				continue;
			}
			char *k = calloc(o->n + 1, 1);
			o->rlim = e;
			ends(o, n->kids[0], s, k);
			o->rlim = outer;
			if (k[e])
				out[e] = 1;
			free(k);
		}
		break;
	case TQ_SPAN:
		for (size_t i = 0; i < o->doc->n_spans; i++) {
			const td_span *sp = &o->doc->spans[i];
			if (strcmp(sp->name, n->elem) || o->sp_start[i] != s ||
			        o->sp_end[i] <= s)
				continue;
			size_t j = 0;
			/* name!="re": exactly the spans name="re" misses */
			while (j < n->nattrs &&
			        attr_ok(o, sp, &n->attrs[j]) != n->attrs[j].neg)
				j++;
			if (j == n->nattrs)
				out[o->sp_end[i]] = 1;
		}
		break;
	case TQ_SEQ:
		seq(o, n, 0, s, out);
		break;
	case TQ_ALT:
		for (size_t i = 0; i < n->nkids; i++)
			ends(o, n->kids[i], s, out);
		break;
	case TQ_REPEAT: {
		long *done = malloc((o->n + 1) * sizeof *done);
		for (size_t i = 0; i <= o->n; i++)
			done[i] = LONG_MAX;
		rep(o, n, 0, s, s, out, done);
		free(done);
		break;
	}
	default: {
		char *e = calloc(o->n + 1, 1);
		ends(o, n->kids[0], s, e);
		for (size_t x = 0; x <= o->n; x++) {
			if (!e[x])
				continue;
			int ok = 0;
			if (n->kind == TQ_WITHIN) {
				for (size_t bs = 0; bs <= s && !ok; bs++)
					ok = b_hit(o, n->kids[1], bs, x, 1);
			} else {
				for (size_t bs = s; bs < x && !ok; bs++)
					ok = b_hit(o, n->kids[1], bs, x, 0);
			}
			if (ok != n->neg) /* !within, !containing */
				out[x] = 1;
		}
		free(e);
	}
	}
}

/* ------------------------------------------------- labels: whole paths
 * With labels, a target or a global constraint, a match is a path through
 * the query: the state after a node is its end, the token each label names
 * (the last one it was set to) and the target's token. Each node maps a
 * state to the list of states it can reach, computed breadth first and
 * without duplicates. */
typedef struct ost {
	size_t end, tgt;
	size_t *bind;
	long count;
} ost;
typedef struct ostl {
	ost *v;
	size_t n, cap, nl;
} ostl;

static void ost_push(
        ostl *l, size_t end, size_t tgt, const size_t *bind, long count)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].end == end && l->v[i].tgt == tgt &&
		        l->v[i].count == count &&
		        !memcmp(l->v[i].bind, bind, l->nl * sizeof *bind))
			return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
	}
	ost *o = &l->v[l->n++];
	o->end = end;
	o->tgt = tgt;
	o->count = count;
	o->bind = malloc(l->nl * sizeof *bind + 1);
	memcpy(o->bind, bind, l->nl * sizeof *bind);
}

static void ostl_free(ostl *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].bind);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static void paths(odoc *o, const tq_node *n, const ost *in, ostl *out)
{
	size_t s = in->end, nl = out->nl;
	switch (n->kind) {
	case TQ_TOKEN: {
		if (s >= o->n || s >= o->rlim)
			return;
		o->bind = in->bind;
		if (n->cond && !cond(o, n->cond, s))
			return;
		size_t *b = malloc(nl * sizeof *b + 1);
		memcpy(b, in->bind, nl * sizeof *b);
		if (n->lab)
			b[n->lab - 1] = s;
		ost_push(out, s + 1, n->target ? s : in->tgt, b, 0);
		free(b);
		return;
	}
	case TQ_REGION: /* each element at s, the kid's paths to its end */
		if (s >= o->rlim)
			return;
		for (size_t i = 0; i < o->doc->n_spans; i++) {
			if (!tag_span(o, n, i) || o->sp_start[i] != s)
				continue;
			size_t e = o->sp_end[i], outer = o->rlim;
			ostl sub = {.nl = nl};
			o->rlim = e;
			if (n->nkids)
				paths(o, n->kids[0], in, &sub);
			else if (e == s)
				ost_push(&sub, s, in->tgt, in->bind, 0);
			o->rlim = outer;
			for (size_t j = 0; j < sub.n; j++)
				if (sub.v[j].end == e)
					ost_push(out, e, sub.v[j].tgt,
					        sub.v[j].bind, 0);
			ostl_free(&sub);
		}
		return;
	case TQ_TAG:
	case TQ_SPAN: {
		char *e = calloc(o->n + 1, 1);
		ends(o, n, s, e);
		for (size_t x = 0; x <= o->n; x++)
			if (e[x])
				ost_push(out, x, in->tgt, in->bind, 0);
		free(e);
		return;
	}
	case TQ_SEQ: {
		ostl cur = {.nl = nl};
		ost_push(&cur, in->end, in->tgt, in->bind, 0);
		for (size_t i = 0; i < n->nkids; i++) {
			ostl nx = {.nl = nl};
			for (size_t j = 0; j < cur.n; j++)
				paths(o, n->kids[i], &cur.v[j], &nx);
			ostl_free(&cur);
			cur = nx;
		}
		for (size_t j = 0; j < cur.n; j++)
			ost_push(out, cur.v[j].end, cur.v[j].tgt, cur.v[j].bind,
			        0);
		ostl_free(&cur);
		return;
	}
	case TQ_ALT:
		for (size_t i = 0; i < n->nkids; i++)
			paths(o, n->kids[i], in, out);
		return;
	case TQ_REPEAT: {
		ostl fr = {.nl = nl};
		ost_push(&fr, s, in->tgt, in->bind, 0);
		while (fr.n) {
			ostl nx = {.nl = nl};
			for (size_t j = 0; j < fr.n; j++) {
				ost *st = &fr.v[j];
				if (n->max < 0 && n->bound > 0 &&
				        st->end - s > (size_t)n->bound)
					continue; /* the hard boundary */
				if (st->count >= n->min)
					ost_push(out, st->end, st->tgt,
					        st->bind, 0);
				if (n->max >= 0 && st->count >= n->max)
					continue;
				ostl sub = {.nl = nl};
				paths(o, n->kids[0], st, &sub);
				for (size_t k = 0; k < sub.n; k++)
					if (!(sub.v[k].end == st->end &&
					            st->count >= n->min))
						ost_push(&nx, sub.v[k].end,
						        sub.v[k].tgt,
						        sub.v[k].bind,
						        st->count + 1);
				ostl_free(&sub);
			}
			ostl_free(&fr);
			fr = nx;
		}
		return;
	}
	default: {
		ostl sub = {.nl = nl};
		paths(o, n->kids[0], in, &sub);
		for (size_t j = 0; j < sub.n; j++) {
			size_t x = sub.v[j].end;
			int ok = 0;
			if (n->kind == TQ_WITHIN) {
				for (size_t bs = 0; bs <= s && !ok; bs++)
					ok = b_hit(o, n->kids[1], bs, x, 1);
			} else {
				for (size_t bs = s; bs < x && !ok; bs++)
					ok = b_hit(o, n->kids[1], bs, x, 0);
			}
			if (ok != n->neg)
				ost_push(
				        out, x, sub.v[j].tgt, sub.v[j].bind, 0);
		}
		ostl_free(&sub);
	}
	}
}

/* the index's rule: the first token starting at or after a byte offset */
static uint32_t tok_from(const odoc *o, size_t byte)
{
	size_t t = 0;
	while (t < o->n && o->tok.v[t].start < byte)
		t++;
	return (uint32_t)t;
}

static int o_milestone(const char *n)
{
	static const char *const names[] = {"pb", "cb", "gb", "milestone"};
	for (size_t i = 0; i < 4; i++)
		if (!strcmp(n, names[i]))
			return 1;
	return 0;
}

/* two attribute values, either missing, are the same */
static int o_same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

int oracle_hits(const td_doc *doc, const tq_node *ast, int pullquotes,
        int strategy, char **out, size_t *len)
{
	odoc o = {0};
	o.doc = doc;
	o.rlim = SIZE_MAX;
	if (o_tokenize(doc->text, doc->len, &o.tok) < 0)
		return -1;
	o.n = o.tok.n;
	o.sp_start = calloc(doc->n_spans + 1, sizeof *o.sp_start);
	o.sp_end = calloc(doc->n_spans + 1, sizeof *o.sp_end);
	for (size_t i = 0; i < doc->n_spans; i++) {
		o.sp_start[i] = tok_from(&o, doc->spans[i].start);
		o.sp_end[i] = tok_from(&o, doc->spans[i].end);
	}
	/* milestones, by the documented rule (tagdex-query(1), MILESTONES):
	 * an empty pb, cb, gb or milestone is the region from its place to
	 * the next one after it in document order with the same name, unit
	 * and ed, else to the end of the document */
	for (size_t i = 0; i < doc->n_spans; i++) {
		const td_span *a = &doc->spans[i];
		if (!o_milestone(a->name) || a->start != a->end)
			continue;
		o.sp_end[i] = (uint32_t)o.n;
		for (size_t j = i + 1; j < doc->n_spans; j++)
			if (!strcmp(doc->spans[j].name, a->name) &&
			        o_same(td_span_attr(a, "unit"),
			                td_span_attr(&doc->spans[j], "unit")) &&
			        o_same(td_span_attr(a, "ed"),
			                td_span_attr(&doc->spans[j], "ed"))) {
				o.sp_end[i] = o.sp_start[j];
				break;
			}
	}
	/* M, the non-empty matches that touch no pull quote: the shortest
	 * and the longest end of each start (0: no match there) */
	size_t *lo = calloc(o.n + 1, sizeof *lo),
	       *hi = calloc(o.n + 1, sizeof *hi);
	/* the target of (s, lo[s]) and (s, hi[s]): the least of the paths
	 * that reach it, SIZE_MAX for none */
	size_t *tlo = calloc(o.n + 1, sizeof *tlo),
	       *thi = calloc(o.n + 1, sizeof *thi);
	size_t *tx = calloc(o.n + 1, sizeof *tx);
	char *e = calloc(o.n + 1, 1);
	int labelled = ast->nlabels || ast->has_target || ast->where;
	for (size_t s = 0; s < o.n; s++) {
		memset(e, 0, o.n + 1);
		if (!labelled) {
			ends(&o, ast, s, e);
		} else {
			size_t *b = malloc(ast->nlabels * sizeof *b + 1);
			for (size_t l = 0; l < ast->nlabels; l++)
				b[l] = SIZE_MAX;
			ostl st = {.nl = ast->nlabels},
			     got = {.nl = ast->nlabels};
			ost_push(&st, s, SIZE_MAX, b, 0);
			free(b);
			paths(&o, ast, &st.v[0], &got);
			for (size_t i = 0; i < got.n; i++) {
				size_t x = got.v[i].end;
				o.bind = got.v[i].bind;
				if (ast->where && !cond(&o, ast->where, 0))
					continue;
				if (!e[x] || got.v[i].tgt < tx[x])
					tx[x] = got.v[i].tgt;
				e[x] = 1;
			}
			o.bind = NULL;
			ostl_free(&st);
			ostl_free(&got);
		}
		for (size_t x = s + 1; x <= o.n; x++) {
			if (!e[x])
				continue;
			int pq = 0;
			for (size_t i = 0; i < doc->n_spans && !pullquotes;
			        i++) {
				const td_span *sp = &doc->spans[i];
				const char *t = td_span_attr(sp, "type");
				if (!strcmp(sp->name, "quote") && t &&
				        !strcmp(t, "pullquote") &&
				        o.sp_start[i] < x && o.sp_end[i] > s)
					pq = 1;
			}
			if (pq)
				continue;
			if (!lo[s]) {
				lo[s] = x;
				tlo[s] = labelled ? tx[x] : SIZE_MAX;
			}
			hi[s] = x;
			thi[s] = labelled ? tx[x] : SIZE_MAX;
		}
	}
	/* the strategies as tagdex-query(1) defines them over M. A match
	 * (s, x) contains another of M exactly when some start in [s, x)
	 * has its shortest end at or before x; another contains it exactly
	 * when some start at or before s has its longest end at or after x. */
	FILE *m = open_memstream(out, len);
	for (size_t s = 0; s < o.n; s++) {
		size_t x = strategy == TQ_MATCH_LONGEST ? hi[s] : lo[s];
		int keep = x != 0;
		for (size_t t = 0; t < o.n && keep; t++) {
			if (t == s)
				continue;
			if (strategy == TQ_MATCH_LONGEST)
				keep = !(t < s && hi[t] >= x);
			else if (strategy == TQ_MATCH_SHORTEST)
				keep = !(t > s && t < x && lo[t] && lo[t] <= x);
			/* standard: the first start of those ending at x */
			else
				keep = !(t < s && lo[t] == x);
		}
		size_t t = strategy == TQ_MATCH_LONGEST ? thi[s] : tlo[s];
		if (keep && t != SIZE_MAX)
			fprintf(m, "%s:%zu-%zu@%zu ", doc->id, s, x, t);
		else if (keep)
			fprintf(m, "%s:%zu-%zu ", doc->id, s, x);
	}
	fclose(m);
	free(e);
	free(tlo);
	free(thi);
	free(tx);
	free(lo);
	free(hi);
	free(o.sp_start);
	free(o.sp_end);
	free(o.tok.v);
	return o.bad ? -1 : 0;
}
