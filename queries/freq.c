/* freq.c: frequency tables of hits grouped by match text, normalised form,
 * actor, speaker, hedge subtype, document, year or month, with rates per
 * million tokens. A hit over several actors (speakers, hedges) counts once
 * for each; a hit with none counts under the empty key, printed "(none)" in
 * text, an empty field in TSV/CSV and null in JSON.
 */
#include "config.h"
#include "query.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define NONE_KEY "" /* no key value: no real key is empty */

typedef struct row {
	char *key;
	uint64_t n;
} row;

struct tq_freq {
	int by;
	row *rows;
	size_t n, cap;
	size_t *slots; /* open addressing: index + 1, 0 empty */
	size_t nslots;
};

static const char *const names[] = {
        "match", "norm", "actor", "who", "hedge", "doc", "year", "month"};

int tq_freq_by(const char *name)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(name, names[i]))
			return (int)i;
	return -1;
}

int tq_freq_new(int by, tq_freq **out)
{
	tq_freq *f = calloc(1, sizeof *f);
	if (!f)
		return td_error(TD_ENOMEM, "out of memory");
	f->by = by;
	*out = f;
	return 0;
}

void tq_freq_free(tq_freq *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++)
		free(f->rows[i].key);
	free(f->rows);
	free(f->slots);
	free(f);
}

static size_t hash(const char *s, size_t len)
{
	size_t h = 1469598103934665603u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

static int grow(tq_freq *f)
{
	size_t ns = f->nslots ? f->nslots * 2 : 64;
	size_t *sl = calloc(ns, sizeof *sl);
	if (!sl)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < f->n; i++) {
		size_t h =
		        hash(f->rows[i].key, strlen(f->rows[i].key)) & (ns - 1);
		while (sl[h])
			h = (h + 1) & (ns - 1);
		sl[h] = i + 1;
	}
	free(f->slots);
	f->slots = sl;
	f->nslots = ns;
	return 0;
}

static int bump_n(tq_freq *f, const char *key, size_t len, uint64_t n);

static int bump(tq_freq *f, const char *key, size_t len)
{
	return bump_n(f, key, len, 1);
}

int tq_freq_add_key(tq_freq *f, const char *key, size_t len, uint64_t n)
{
	return bump_n(f, key, len, n);
}

int tq_freq_layer(const tq_freq *f)
{
	return f->by == TQ_BY_MATCH  ? TD_LAYER_WORD
	       : f->by == TQ_BY_NORM ? TD_LAYER_NORM
	                             : -1;
}

static int bump_n(tq_freq *f, const char *key, size_t len, uint64_t n)
{
	int rc;
	if ((f->n + 1) * 2 > f->nslots && (rc = grow(f)) < 0)
		return rc;
	size_t h = hash(key, len) & (f->nslots - 1);
	while (f->slots[h]) {
		row *r = &f->rows[f->slots[h] - 1];
		if (strlen(r->key) == len && !memcmp(r->key, key, len)) {
			r->n += n;
			return 0;
		}
		h = (h + 1) & (f->nslots - 1);
	}
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 32;
		row *v = realloc(f->rows, cap * sizeof *v);
		if (!v)
			return td_error(TD_ENOMEM, "out of memory");
		f->rows = v;
		f->cap = cap;
	}
	char *k = malloc(len + 1);
	if (!k)
		return td_error(TD_ENOMEM, "out of memory");
	memcpy(k, key, len);
	k[len] = '\0';
	f->rows[f->n] = (row){k, n};
	f->slots[h] = ++f->n;
	return 0;
}

typedef struct keys_ctx {
	tq_freq *f;
	int found;
} keys_ctx;

/* one key per span of the kind the table is grouped by */
static int span_key(void *arg, td_seg *s, uint32_t k, uint32_t i,
        uint32_t start, uint32_t end)
{
	keys_ctx *c = arg;
	const char *name = td_seg_span_name(s, k), *v = NULL;
	(void)start;
	(void)end;
	if (c->f->by == TQ_BY_ACTOR) {
		if (strcmp(name, "persName") && strcmp(name, "orgName") &&
		        strcmp(name, "rs") && strcmp(name, "placeName"))
			return 0;
		v = tq_span_attr_get(s, k, i, "ref");
	} else if (c->f->by == TQ_BY_WHO) {
		if (strcmp(name, "q") && strcmp(name, "said"))
			return 0;
		v = tq_span_attr_get(s, k, i, "who");
	} else {
		const char *t = tq_span_attr_get(s, k, i, "type");
		if (strcmp(name, "seg") || !t || strcmp(t, "hedge"))
			return 0;
		v = tq_span_attr_get(s, k, i, "subtype");
		if (!v)
			v = NONE_KEY;
	}
	if (!v)
		return 0;
	/* a ref may list several keys: "#a #b" */
	while (*v) {
		while (*v == ' ')
			v++;
		const char *e = v;
		while (*e && *e != ' ')
			e++;
		if (*v == '#')
			v++;
		if (e > v) {
			int rc = bump(c->f, v, (size_t)(e - v));
			if (rc < 0)
				return rc;
			c->found = 1;
		}
		v = e;
	}
	return 0;
}

static int norm_key(tq_freq *f, const tq_hit *h)
{
	size_t len = 0, cap = 64;
	char *b = malloc(cap);
	if (!b)
		return td_error(TD_ENOMEM, "out of memory");
	for (uint32_t p = h->start; p < h->end; p++) {
		size_t tl = 0;
		const char *t = td_seg_lex_term(h->seg, TD_LAYER_NORM,
		        td_seg_id_at(h->seg, TD_LAYER_NORM, p), &tl);
		if (!t)
			tl = 0;
		if (len + tl + 2 > cap) {
			while (len + tl + 2 > cap)
				cap *= 2;
			char *nb = realloc(b, cap);
			if (!nb) {
				free(b);
				return td_error(TD_ENOMEM, "out of memory");
			}
			b = nb;
		}
		if (p > h->start)
			b[len++] = ' ';
		memcpy(b + len, t, tl);
		len += tl;
	}
	int rc = bump(f, b, len);
	free(b);
	return rc;
}

int tq_freq_add(tq_freq *f, const tq_hit *h)
{
	td_docinfo di;
	int rc;
	switch (f->by) {
	case TQ_BY_MATCH: {
		char *t = NULL;
		if ((rc = tq_text(h->seg, h->start, h->end, &t)) < 0)
			return rc;
		rc = bump(f, t, strlen(t));
		free(t);
		return rc;
	}
	case TQ_BY_NORM:
		return norm_key(f, h);
	case TQ_BY_DOC:
	case TQ_BY_YEAR:
	case TQ_BY_MONTH: {
		if ((rc = td_seg_doc(h->seg, h->doc, &di)) < 0)
			return rc;
		const char *v = f->by == TQ_BY_DOC ? di.id : di.date;
		size_t want = f->by == TQ_BY_YEAR ? 4 : 7;
		if (!v || (f->by != TQ_BY_DOC && strlen(v) < want))
			return bump(f, NONE_KEY, 0);
		return bump(f, v, f->by == TQ_BY_DOC ? strlen(v) : want);
	}
	default: {
		keys_ctx c = {f, 0};
		if ((rc = tq_spans_around(h, 0, span_key, &c)) < 0)
			return rc;
		return c.found ? 0 : bump(f, NONE_KEY, 0);
	}
	}
}

static int by_count(const void *a, const void *b)
{
	const row *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->key, y->key);
}

long tq_freq_print(tq_freq *f, FILE *out, uint64_t ntokens, int fmt)
{
	char sep = fmt == TQ_OUT_CSV ? ',' : '\t';
	if (f->n)
		qsort(f->rows, f->n, sizeof *f->rows, by_count);
	if (fmt == TQ_OUT_TSV || fmt == TQ_OUT_CSV)
		fprintf(out, "count%cper_million%cvalue\n", sep, sep);
	for (size_t i = 0; i < f->n; i++) {
		double pm =
		        ntokens ? (double)f->rows[i].n * 1e6 / (double)ntokens
		                : 0.0;
		const char *key = f->rows[i].key;
		if (fmt == TQ_OUT_JSON) {
			json_t *o = json_pack("{s:o, s:I, s:f}", "value",
			        *key ? json_string(key) : json_null(), "count",
			        (json_int_t)f->rows[i].n, "per_million", pm);
			char *s = o ? json_dumps(o, JSON_COMPACT |
			                                    JSON_PRESERVE_ORDER)
			            : NULL;
			json_decref(o);
			if (!s)
				return td_error(TD_ENOMEM, "out of memory");
			fprintf(out, "%s\n", s);
			free(s);
		} else {
			fprintf(out, "%llu%c%.2f%c",
			        (unsigned long long)f->rows[i].n, sep, pm, sep);
			if (fmt == TQ_OUT_TEXT)
				fputs(*key ? key : "(none)", out);
			else
				tq_dsv_field(out, key, sep);
			fputc('\n', out);
		}
	}
	return (long)f->n;
}
