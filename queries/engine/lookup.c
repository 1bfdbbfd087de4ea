/* lookup.c: a value of --actor or --who as a person types it ("Kim Jong
 * Un", "Pyongyang", "kim-jong-un", "kim-.*") resolved through the index's
 * actor table: the keys of the mention elements' ref (and, for --who, of
 * q and said's who) and the texts that mention them, as --actors lists
 * them. Read-only; it reads every mention once, as --actors does.
 */
#include "config.h"
#include "context.h"
#include "lookup.h"
#include "suggest.h"
#include "error.h"
#include "vec.h"
#include "buf.h"
#include "index.h"
#include "tagdex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NEAREST 3   /* did-you-mean suggestions */
#define MAX_NAMES 4 /* names shown per candidate key */

/* the mention elements (info.c's --actors) and the speech elements */
static const char *const mention_elems[] = {
        "persName", "orgName", "placeName", "rs"};
static const char *const speech_elems[] = {"q", "said"};

typedef struct pair {
	char *key;
	char *name;  /* the mention's word forms without spaces (its sign);
	              * NULL for a who value */
	td_seg *seg; /* where the mention is, to show its text */
	uint32_t start, end;
} pair;

typedef struct pairs {
	pair *v;
	size_t n, cap;
} pairs;

static int push(pairs *p, const char *key, size_t klen, const char *name,
        td_seg *seg, uint32_t start, uint32_t end)
{
	if (TD_VEC_RESERVE(p->v, p->n, p->cap, 256))
		return td_error(TD_ENOMEM, "out of memory");
	pair *x = &p->v[p->n];
	x->seg = seg;
	x->start = start;
	x->end = end;
	x->key = strndup(key, klen);
	x->name = name ? strdup(name) : NULL;
	if (!x->key || (name && !x->name)) {
		free(x->key);
		free(x->name);
		return td_error(TD_ENOMEM, "out of memory");
	}
	p->n++;
	return 0;
}

static void pairs_clear(pairs *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].key);
		free(p->v[i].name);
	}
	free(p->v);
}

/* The word forms of tokens [st, en) of s joined without spaces: a
 * mention's name as the index holds it, read without rebuilding its
 * document's text (tq_text would, for every mention). malloc'd. */
static int sign(td_seg *s, uint32_t st, uint32_t en, char **out)
{
	td_buf b = {0};
	int rc = td_buf_add(&b, "", 0); /* "" for no tokens */
	for (uint32_t i = st; i < en && rc == 0; i++) {
		size_t len = 0;
		const char *t = td_seg_term_at(s, TD_LAYER_WORD, i, &len);
		rc = t ? td_buf_add(&b, t, len) : td_seg_lex_term_err(s);
	}
	if (rc < 0) {
		td_buf_clear(&b);
		return rc;
	}
	*out = b.s;
	return 0;
}

/* The next value of a whitespace-separated attribute list at *v (not at
 * its end): *a is where it starts, a leading '#' dropped unless it is the
 * whole value; returns its length (0 only after white space that ends the
 * list) and moves *v past it. The one walk of a ref or who list. */
static size_t next_value(const char **v, const char **a)
{
	const char *p = *v;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	const char *e = p;
	while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
		e++;
	*a = *p == '#' && e > p + 1 ? p + 1 : p;
	*v = e;
	return (size_t)(e - *a);
}

/* Every (key, name) of the spans of element elem in live documents; the
 * attribute's values are whitespace-separated, a leading '#' dropped. */
static int collect(
        td_index *ix, const char *elem, const char *attr, int names, pairs *out)
{
	int rc = 0;
	for (size_t si = 0; si < td_index_nsegs(ix) && rc == 0; si++) {
		td_seg *s = td_index_seg(ix, si);
		int64_t k = td_seg_span_find(s, elem);
		if (k == TD_ECORRUPT)
			return k;
		if (k < 0)
			continue;
		uint32_t cnt = td_seg_span_count(s, (uint32_t)k);
		for (uint32_t i = 0; i < cnt && rc == 0; i++) {
			uint32_t st, en;
			const char *v = NULL;
			if ((rc = td_seg_span_get(
			             s, (uint32_t)k, i, &st, &en)) < 0)
				break;
			if (en <= st ||
			        !td_seg_doc_live(s, td_seg_doc_at(s, st)))
				continue;
			rc = td_seg_span_attr_find(s, (uint32_t)k, i, attr, &v);
			if (rc <= 0 || !v)
				continue;
			rc = 0;
			char *name = NULL;
			if (names && (rc = sign(s, st, en, &name)) < 0)
				break;
			while (*v && rc == 0) {
				const char *a;
				size_t n = next_value(&v, &a);
				if (n)
					rc = push(out, a, n, name, s, st, en);
			}
			free(name);
		}
		if (rc == 0 && td_seg_damaged(s) < 0)
			rc = TD_ECORRUPT;
	}
	return rc < 0 ? rc : 0;
}

/* 1 if some span of elem in a live document has key among the values of
 * attr (a leading '#' dropped), 0 if none, or an error; stops at the
 * first, allocates nothing: a key costs what its first mention does. */
static int has_key(
        td_index *ix, const char *elem, const char *attr, const char *key)
{
	size_t klen = strlen(key);
	for (size_t si = 0; si < td_index_nsegs(ix); si++) {
		td_seg *s = td_index_seg(ix, si);
		int64_t k = td_seg_span_find(s, elem);
		if (k == TD_ECORRUPT)
			return TD_ECORRUPT;
		if (k < 0)
			continue;
		uint32_t cnt = td_seg_span_count(s, (uint32_t)k);
		for (uint32_t i = 0; i < cnt; i++) {
			uint32_t st, en;
			const char *v = NULL;
			int rc = td_seg_span_get(s, (uint32_t)k, i, &st, &en);
			if (rc < 0)
				return rc;
			if ((rc = td_seg_span_attr_find(
			             s, (uint32_t)k, i, attr, &v)) < 0)
				return rc;
			if (rc == 0 || !v || !strstr(v, key))
				continue;
			while (*v) {
				const char *a;
				if (next_value(&v, &a) == klen &&
				        !memcmp(a, key, klen) && en > st &&
				        td_seg_doc_live(
				                s, td_seg_doc_at(s, st)))
					return 1;
			}
		}
		if (td_seg_damaged(s) < 0)
			return TD_ECORRUPT;
	}
	return 0;
}

/* A name as compared with a mention's sign: white space dropped; with
 * lower, also ASCII case folded and the apostrophes ’ ‘ ʼ made '.
 * malloc'd. */
static char *fold(const char *s, int lower)
{
	char *o = malloc(strlen(s) + 1), *w = o;
	if (!o)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
		} else if (lower && p[0] == 0xe2 && p[1] == 0x80 &&
		           (p[2] == 0x98 || p[2] == 0x99)) { /* ‘ ’ */
			*w++ = '\'';
			p += 3;
		} else if (lower && p[0] == 0xca && p[1] == 0xbc) { /* ʼ */
			*w++ = '\'';
			p += 2;
		} else {
			*w++ = (char)(lower && *p >= 'A' && *p <= 'Z' ? *p + 32
			                                              : *p);
			p++;
		}
	}
	*w = '\0';
	return o;
}

static int by_key_name(const void *x, const void *y)
{
	const pair *a = x, *b = y;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	if (!a->name || !b->name)
		return (a->name != NULL) - (b->name != NULL);
	return strcmp(a->name, b->name);
}

/* key as a regex matching exactly it */
static char *escape(const char *key)
{
	char *o = malloc(2 * strlen(key) + 1), *w = o;
	if (!o)
		return NULL;
	for (const char *p = key; *p; p++) {
		if (strchr("\\^$.|?*+()[]{}", *p))
			*w++ = '\\';
		*w++ = *p;
	}
	*w = '\0';
	return o;
}

typedef struct nm {
	const pair *first; /* the first mention of this sign */
	uint64_t n;
} nm;

static int by_count(const void *x, const void *y)
{
	const nm *a = x, *b = y;
	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->first->name, b->first->name);
}

/* the candidate of key run [i, j) of the sorted pairs: its mentions and
 * "name (n); ..." by count (mentions with the same sign together, shown
 * by the text of the first), at most MAX_NAMES */
static int cand_of(const pairs *p, size_t i, size_t j, tq_lookup_cand *c)
{
	nm *v = malloc((j - i + 1) * sizeof *v);
	size_t nv = 0;
	if (!v)
		return td_error(TD_ENOMEM, "out of memory");
	memset(c, 0, sizeof *c);
	for (size_t q = i; q < j; q++) {
		if (!p->v[q].name)
			continue;
		c->n++;
		if (nv && !strcmp(v[nv - 1].first->name, p->v[q].name))
			v[nv - 1].n++;
		else
			v[nv++] = (nm){&p->v[q], 1};
	}
	qsort(v, nv, sizeof *v, by_count);
	char *buf = NULL;
	size_t blen = 0;
	FILE *m = open_memstream(&buf, &blen);
	int rc = 0;
	if (!m || !(c->key = strdup(p->v[i].key)))
		rc = td_error(TD_ENOMEM, "out of memory");
	for (size_t q = 0; q < nv && q < MAX_NAMES && rc == 0; q++) {
		char *t = NULL;
		if ((rc = tq_text(v[q].first->seg, v[q].first->start,
		             v[q].first->end, &t)) == 0)
			fprintf(m, "%s%s (%llu)", q ? "; " : "", t,
			        (unsigned long long)v[q].n);
		free(t);
	}
	if (rc == 0 && nv > MAX_NAMES)
		fputs("; ...", m);
	if (m && fclose(m) != 0 && rc == 0)
		rc = td_error(TD_ENOMEM, "out of memory");
	c->names = buf;
	free(v);
	if (rc < 0) {
		free(c->key);
		free(c->names);
		memset(c, 0, sizeof *c);
	}
	return rc;
}

static int add_cand(tq_lookup *l, const tq_lookup_cand *c)
{
	if (TD_VEC_RESERVE(l->cands, l->ncands, l->cap_cands, 4))
		return td_error(TD_ENOMEM, "out of memory");
	l->cands[l->ncands++] = *c;
	return 0;
}

static void cand_clear(tq_lookup_cand *c)
{
	free(c->key);
	free(c->names);
	free(c->near);
}

void tq_lookup_clear(tq_lookup *l)
{
	for (size_t i = 0; i < l->ncands; i++)
		cand_clear(&l->cands[i]);
	free(l->cands);
	free(l->pattern);
	memset(l, 0, sizeof *l);
}

/* 1 if the anchored regex value matches a key of p, 0 if none (or it is
 * no valid regex), or an error */
static int regex_hits(const pairs *p, const char *value)
{
	int err;
	PCRE2_SIZE eoff;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)value, PCRE2_ZERO_TERMINATED,
	        PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
	        &err, &eoff, NULL);
	if (!re)
		return 0;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	int found = 0;
	if (!md) {
		pcre2_code_free(re);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < p->n && !found; i++) {
		if (i && !strcmp(p->v[i].key, p->v[i - 1].key))
			continue;
		found = pcre2_match(re, (PCRE2_SPTR)p->v[i].key,
		                strlen(p->v[i].key), 0, 0, md, NULL) >= 0;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return found;
}

/* NONE: the NEAREST names or keys by edit distance (a name compared
 * without white space, as its sign), ties by the string; a name shown by
 * the text of its first mention */
static int nearest(const pairs *p, const char *value, tq_lookup *l)
{
	struct {
		const pair *at;
		int name;
		size_t dist;
	} best[NEAREST];
	size_t k = 0;
	char *bare = fold(value, 0);
	if (!bare)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < p->n; i++) {
		for (int which = 0; which < 2; which++) {
			const char *s = which ? p->v[i].name : p->v[i].key;
			if (!s)
				continue;
			/* a key once; a name once per key */
			if (i && !strcmp(p->v[i - 1].key, p->v[i].key) &&
			        (!which ||
			                (p->v[i - 1].name &&
			                        !strcmp(p->v[i - 1].name, s))))
				continue;
			size_t d = tq_distance(which ? bare : value, s), at = k;
			while (at > 0 &&
			        (best[at - 1].dist > d ||
			                (best[at - 1].dist == d &&
			                        strcmp(best[at - 1].name
			                                        ? best[at - 1]
			                                                  .at
			                                                  ->name
			                                        : best[at - 1]
			                                                  .at
			                                                  ->key,
			                                s) > 0)))
				at--;
			if (at >= NEAREST)
				continue;
			if (k < NEAREST)
				k++;
			memmove(best + at + 1, best + at,
			        (k - 1 - at) * sizeof *best);
			best[at].at = &p->v[i];
			best[at].name = which;
			best[at].dist = d;
		}
	}
	free(bare);
	int rc = 0;
	for (size_t q = 0; q < k && rc == 0; q++) {
		tq_lookup_cand c = {0};
		c.dist = best[q].dist;
		if (!(c.key = strdup(best[q].at->key)))
			rc = td_error(TD_ENOMEM, "out of memory");
		else if (best[q].name)
			rc = tq_text(best[q].at->seg, best[q].at->start,
			        best[q].at->end, &c.near);
		else if (!(c.near = strdup(best[q].at->key)))
			rc = td_error(TD_ENOMEM, "out of memory");
		if (rc == 0)
			rc = add_cand(l, &c);
		if (rc < 0)
			cand_clear(&c);
	}
	return rc;
}

int tq_lookup_actor(td_index *ix, const char *value, int who, tq_lookup *out)
{
	pairs p = {0};
	int rc = 0;
	memset(out, 0, sizeof *out);
	const char *bare = *value == '#' && value[1] ? value + 1 : value;
	/* 1. a key, exactly: found without reading the whole table */
	for (size_t e = 0; e < 6 && rc == 0; e++)
		if (e < 4 || who)
			rc = has_key(ix,
			        e < 4 ? mention_elems[e] : speech_elems[e - 4],
			        e < 4 ? "ref" : "who", bare);
	if (rc > 0) {
		out->kind = TQ_LOOKUP_KEY;
		if (!(out->pattern = escape(bare)))
			rc = td_error(TD_ENOMEM, "out of memory");
		else
			rc = 0;
		goto out;
	}
	for (size_t e = 0; e < 4 && rc == 0; e++)
		rc = collect(ix, mention_elems[e], "ref", 1, &p);
	for (size_t e = 0; who && e < 2 && rc == 0; e++)
		rc = collect(ix, speech_elems[e], "who", 0, &p);
	if (rc < 0)
		goto out;
	if (p.n)
		qsort(p.v, p.n, sizeof *p.v, by_key_name);
	/* 2. a name or alias: exactly, else folded; every key it names */
	char *fv[2] = {fold(value, 0), fold(value, 1)};
	if (!fv[0] || !fv[1]) {
		free(fv[0]);
		free(fv[1]);
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	for (int pass = 0; pass < 2 && !out->ncands && rc == 0; pass++) {
		for (size_t i = 0; i < p.n && rc == 0;) {
			size_t j = i, hit = 0;
			for (; j < p.n && !strcmp(p.v[j].key, p.v[i].key);
			        j++) {
				if (hit || !p.v[j].name)
					continue;
				if (pass == 0) {
					hit = !strcmp(p.v[j].name, fv[0]);
				} else {
					char *f = fold(p.v[j].name, 1);
					if (!f) {
						rc = td_error(TD_ENOMEM,
						        "out of memory");
						break;
					}
					hit = !strcmp(f, fv[1]);
					free(f);
				}
			}
			tq_lookup_cand c;
			if (hit && rc == 0 &&
			        (rc = cand_of(&p, i, j, &c)) == 0 &&
			        (rc = add_cand(out, &c)) < 0)
				cand_clear(&c);
			i = j;
		}
	}
	free(fv[0]);
	free(fv[1]);
	if (rc < 0)
		goto out;
	if (out->ncands) {
		out->kind =
		        out->ncands == 1 ? TQ_LOOKUP_NAME : TQ_LOOKUP_AMBIGUOUS;
		if (out->ncands == 1 &&
		        !(out->pattern = escape(out->cands[0].key)))
			rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	/* 3. a regular expression over the keys */
	if ((rc = regex_hits(&p, value)) != 0) {
		if (rc > 0) {
			out->kind = TQ_LOOKUP_REGEX;
			if (!(out->pattern = strdup(value)))
				rc = td_error(TD_ENOMEM, "out of memory");
			else
				rc = 0;
		}
		goto out;
	}
	/* nothing: the value literally (no hit), with the nearest names */
	out->kind = TQ_LOOKUP_NONE;
	if (!(out->pattern = escape(value)))
		rc = td_error(TD_ENOMEM, "out of memory");
	else
		rc = nearest(&p, value, out);
out:
	pairs_clear(&p);
	if (rc < 0)
		tq_lookup_clear(out);
	return rc < 0 ? rc : 0;
}
