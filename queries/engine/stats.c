/* stats.c: the association and keyness measures of tagdex-query(1)
 * (COLLOCATIONS, KEYWORDS) as functions of a contingency table, the table
 * of rows by term that colloc.c and keyness.c fill, and its rendering. A
 * measure without a value is flagged undefined and printed as NA (text),
 * an empty field (TSV/CSV) or null (JSON), never as a number.
 */
#include "config.h"
#include "stats.h"
#include "vec.h"
#include "error.h"
#include "ast.h"
#include "render.h"
#include "index.h"
#include "tagdex.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const mnames[TQ_M_N] = {"logdice", "mi", "mi3", "t", "z",
        "ll", "dice", "log_ratio", "pct_diff"};

int tq_measure_by(const char *name)
{
	for (int i = 0; i < TQ_M_N; i++)
		if (!strcmp(name, mnames[i]))
			return i;
	return -1;
}

const char *tq_measure_name(int m)
{
	return m >= 0 && m < TQ_M_N ? mnames[m] : "";
}

/* o ln(o / e), 0 for o = 0 (its limit) */
static double xlogx(double o, double e)
{
	return o > 0 ? o * log(o / e) : 0.0;
}

static void set(tq_measures *m, int i, double v)
{
	m->v[i] = v;
	m->def[i] = isfinite(v);
}

void tq_assoc_measures(uint64_t f_pair, uint64_t f_node, uint64_t f_coll,
        uint64_t window, uint64_t n, tq_measures *m)
{
	/* Evert (2008): O11 = f_pair, R1 = window, C1 = f_coll, N = n */
	double o11 = (double)f_pair, r1 = (double)window, c1 = (double)f_coll,
	       nn = (double)n;
	memset(m, 0, sizeof *m);
	if (n == 0)
		return;
	double o12 = r1 - o11, o21 = c1 - o11, o22 = nn - r1 - c1 + o11;
	double e11 = r1 * c1 / nn, e12 = r1 * (nn - c1) / nn,
	       e21 = (nn - r1) * c1 / nn, e22 = (nn - r1) * (nn - c1) / nn;
	m->expected = e11;
	if (o11 > 0 && e11 > 0) {
		set(m, TQ_M_MI, log2(o11 / e11));
		set(m, TQ_M_MI3, log2(o11 * o11 * o11 / e11));
	}
	if (o11 > 0)
		set(m, TQ_M_T, (o11 - e11) / sqrt(o11));
	if (e11 > 0)
		set(m, TQ_M_Z, (o11 - e11) / sqrt(e11));
	if (o12 >= 0 && o21 >= 0 && o22 >= 0)
		set(m, TQ_M_LL,
		        2 * (xlogx(o11, e11) + xlogx(o12, e12) +
		                    xlogx(o21, e21) + xlogx(o22, e22)));
	/* Rychlý (2008): from the node's and the collocate's frequencies */
	if (f_node + f_coll > 0) {
		double dice = 2 * o11 / ((double)f_node + c1);
		set(m, TQ_M_DICE, dice);
		if (o11 > 0)
			set(m, TQ_M_LOGDICE, 14 + log2(dice));
	}
}

void tq_keyness_measures(uint64_t f_focus, uint64_t f_ref, uint64_t n_focus,
        uint64_t n_ref, tq_measures *m)
{
	double a = (double)f_focus, b = (double)f_ref, c = (double)n_focus,
	       d = (double)n_ref;
	memset(m, 0, sizeof *m);
	if (n_focus == 0 || n_ref == 0)
		return;
	/* Rayson and Garside (2000): the two cells of the term */
	double e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d);
	m->expected = e1;
	if (f_focus + f_ref > 0)
		set(m, TQ_M_LL, 2 * (xlogx(a, e1) + xlogx(b, e2)));
	/* Hardie (2014) */
	if (f_focus > 0 && f_ref > 0)
		set(m, TQ_M_LOG_RATIO, log2((a / c) / (b / d)));
	/* Gabrielatos and Marchi (2012) */
	if (f_ref > 0)
		set(m, TQ_M_PCT_DIFF, 100 * (a / c - b / d) / (b / d));
}

double tq_chi2_sf(double x)
{
	return x > 0 ? erfc(sqrt(x / 2)) : 1.0;
}

/* ---------------------------------------------------------------- table */

void tq_stat_free(tq_stat_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->rows[i].key);
	free(t->rows);
	td_keyindex_clear(&t->ix);
	free(t);
}

int tq_stat_damaged(const td_seg *s, const char *what)
{
	int rc = td_seg_damaged(s);
	return rc < 0 ? rc : td_error(TD_ECORRUPT, "%s", what);
}

tq_stat_row *tq_stat_find(tq_stat_table *t, const char *key, size_t len)
{
	if (!t->ix.nslots)
		return NULL;
	size_t *sl = td_keyindex_slot(
	        &t->ix, TD_KEYROWS(t->rows, tq_stat_row), key, len);
	return *sl ? &t->rows[*sl - 1] : NULL;
}

int tq_stat_add(
        tq_stat_table *t, const char *key, size_t len, uint64_t a, uint64_t b)
{
	if (td_keyindex_reserve(&t->ix, TD_KEYROWS(t->rows, tq_stat_row), t->n))
		return td_error(TD_ENOMEM, "out of memory");
	size_t *sl = td_keyindex_slot(
	        &t->ix, TD_KEYROWS(t->rows, tq_stat_row), key, len);
	if (*sl) {
		t->rows[*sl - 1].a += a;
		t->rows[*sl - 1].b += b;
		return 0;
	}
	if (TD_VEC_RESERVE(t->rows, t->n, t->cap, 256))
		return td_error(TD_ENOMEM, "out of memory");
	char *k = tq_dupn(key, len);
	if (!k)
		return td_error(TD_ENOMEM, "out of memory");
	memset(&t->rows[t->n], 0, sizeof t->rows[t->n]);
	t->rows[t->n].key = k;
	t->rows[t->n].a = a;
	t->rows[t->n].b = b;
	*sl = ++t->n;
	return 0;
}

void tq_stat_keep(
        tq_stat_table *t, int (*keep)(tq_stat_row *, void *), void *ctx)
{
	size_t j = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (!keep(&t->rows[i], ctx)) {
			free(t->rows[i].key);
			continue;
		}
		t->rows[j++] = t->rows[i];
	}
	t->n = j;
	td_keyindex_clear(&t->ix); /* it points at the rows as they were */
}

/* ------------------------------------------------------------ printing */

/* -1, 0 or 1: the focus's rate below, equal to or above the reference's */
static int sign_of(const tq_stat_table *t, const tq_stat_row *r)
{
	long double x = (long double)r->a * (long double)t->n_ref,
	            y = (long double)r->b * (long double)t->n_focus;
	return (x > y) - (x < y);
}

/* The value rows are sorted by: the measure; for keywords the signed G2,
 * and a ratio undefined for want of a reference (focus) occurrence taken
 * as its limit, +inf (-inf). */
static double sort_value(const tq_stat_table *t, const tq_stat_row *r)
{
	int m = t->measure;
	if (t->ngrams)
		return (double)r->a;
	if (!t->keywords)
		return r->m.def[m] ? r->m.v[m] : -INFINITY;
	if (m == TQ_M_LL)
		return r->m.def[m] ? sign_of(t, r) * r->m.v[m] : -INFINITY;
	if (r->m.def[m])
		return r->m.v[m];
	return r->b == 0 && r->a > 0 ? INFINITY : -INFINITY;
}

static const tq_stat_table *sorting;

static int by_measure(const void *pa, const void *pb)
{
	const tq_stat_row *x = pa, *y = pb;
	double u = sort_value(sorting, x), v = sort_value(sorting, y);
	if (u != v)
		return u > v ? -1 : 1;
	if (x->a != y->a)
		return x->a > y->a ? -1 : 1;
	return strcmp(x->key, y->key);
}

static const int coll_cols[] = {
        TQ_M_LOGDICE, TQ_M_MI, TQ_M_MI3, TQ_M_T, TQ_M_Z, TQ_M_LL, TQ_M_DICE};
static const int kw_cols[] = {TQ_M_LL, TQ_M_LOG_RATIO, TQ_M_PCT_DIFF};

/* The columns before the measures, by name: the key, five cells (fixed()),
 * expected. The same names head TSV/CSV and name JSON's fields. */
static const char *const kw_head[] = {
        "keyword", "sign", "f_focus", "f_ref", "n_focus", "n_ref", "expected"};
static const char *const coll_head[] = {
        "collocate", "f_node", "f_coll", "f_pair", "window", "n", "expected"};

/* The five cells of r after its key: for keywords the sign of the focus's
 * rate against the reference's (*sign "+", "-" or "=", v[0] unused) and
 * f_focus, f_ref, n_focus, n_ref; for collocates (*sign NULL) f_node,
 * f_coll, f_pair, window, n. */
static void fixed(const tq_stat_table *t, const tq_stat_row *r,
        const char **sign, uint64_t v[5])
{
	if (t->keywords) {
		int s = sign_of(t, r);
		*sign = s > 0 ? "+" : s < 0 ? "-" : "=";
		v[0] = 0;
		v[1] = r->a;
		v[2] = r->b;
		v[3] = t->n_focus;
		v[4] = t->n_ref;
	} else {
		*sign = NULL;
		v[0] = t->f_node;
		v[1] = r->b;
		v[2] = r->a;
		v[3] = t->window;
		v[4] = t->ntok;
	}
}

void tq_stat_num(FILE *out, int fmt, int def, double v)
{
	if (def)
		fprintf(out, fmt == TQ_OUT_TEXT ? "%.3f" : "%.15g", v);
	else if (fmt == TQ_OUT_TEXT)
		fputs("NA", out);
}

static int print_json(FILE *out, const tq_stat_table *t, const tq_stat_row *r)
{
	json_t *o = json_object();
	const int *cols = t->keywords ? kw_cols : coll_cols;
	const char *const *head = t->keywords ? kw_head : coll_head;
	size_t nc = t->keywords ? 3 : 7;
	const char *sign;
	uint64_t v[5];
	if (!o)
		return td_error(TD_ENOMEM, "out of memory");
	fixed(t, r, &sign, v);
	int bad = json_object_set_new(o, head[0], json_string(r->key));
	for (size_t i = 0; i < 5; i++)
		bad |= json_object_set_new(o, head[i + 1],
		        i == 0 && sign ? json_string(sign)
		                       : json_integer((json_int_t)v[i]));
	bad |= json_object_set_new(o, head[6], json_real(r->m.expected));
	for (size_t i = 0; i < nc; i++)
		bad |= json_object_set_new(o, mnames[cols[i]],
		        r->m.def[cols[i]] ? json_real(r->m.v[cols[i]])
		                          : json_null());
	if (bad) {
		json_decref(o);
		return td_error(TD_ENOMEM, "out of memory");
	}
	return tq_json_line(out, o, JSON_REAL_PRECISION(15));
}

/* A row's key, the first column: as it is in text, a field (quoted if
 * need be) in TSV and CSV. */
static void put_key(FILE *out, int fmt, char sep, const char *key)
{
	if (fmt == TQ_OUT_TEXT)
		fputs(key, out);
	else
		tq_dsv_field(out, key, sep);
}

/* An n-gram's row after its key: count, per_million (of the tokens
 * searched); in JSON the whole row. 0 or an error. */
static int ngram_row(FILE *out, const tq_stat_table *t, const tq_stat_row *r,
        int fmt, char sep)
{
	double pm = t->ntok ? (double)r->a * 1e6 / (double)t->ntok : 0;
	if (fmt == TQ_OUT_JSON)
		return tq_json_line(out,
		        json_pack("{s:s, s:I, s:f}", "ngram", r->key, "count",
		                (json_int_t)r->a, "per_million", pm),
		        0);
	fprintf(out, "%c%llu%c%.2f\n", sep, (unsigned long long)r->a, sep, pm);
	return 0;
}

/* A collocate's or keyword's row after its key: the counts, the expected
 * count and the measures; in JSON the whole row (print_json). 0 or an
 * error. */
static int stat_row(FILE *out, const tq_stat_table *t, const tq_stat_row *r,
        int fmt, char sep)
{
	const int *cols = t->keywords ? kw_cols : coll_cols;
	size_t nc = t->keywords ? 3 : 7;
	if (fmt == TQ_OUT_JSON)
		return print_json(out, t, r);
	const char *sign;
	uint64_t v[5];
	fixed(t, r, &sign, v);
	for (size_t j = 0; j < 5; j++) {
		fputc(sep, out);
		if (j == 0 && sign)
			fputs(sign, out);
		else
			fprintf(out, "%llu", (unsigned long long)v[j]);
	}
	fputc(sep, out);
	tq_stat_num(out, fmt, 1, r->m.expected);
	for (size_t j = 0; j < nc; j++) {
		fputc(sep, out);
		tq_stat_num(out, fmt, r->m.def[cols[j]], r->m.v[cols[j]]);
	}
	fputc('\n', out);
	return 0;
}

long tq_stat_print(tq_stat_table *t, FILE *out, int fmt)
{
	char sep = fmt == TQ_OUT_CSV ? ',' : '\t';
	const int *cols = t->keywords ? kw_cols : coll_cols;
	size_t nc = t->keywords ? 3 : 7;
	sorting = t;
	if (t->n)
		qsort(t->rows, t->n, sizeof *t->rows, by_measure);
	if (fmt != TQ_OUT_JSON && t->ngrams) {
		fprintf(out, "ngram%ccount%cper_million\n", sep, sep);
	} else if (fmt != TQ_OUT_JSON) {
		for (size_t i = 0; i < 7; i++)
			fprintf(out, "%s%s", i ? (sep == ',' ? "," : "\t") : "",
			        t->keywords ? kw_head[i] : coll_head[i]);
		for (size_t i = 0; i < nc; i++)
			fprintf(out, "%c%s", sep, mnames[cols[i]]);
		fputc('\n', out);
	}
	for (size_t i = 0; i < t->n; i++) {
		const tq_stat_row *r = &t->rows[i];
		if (fmt != TQ_OUT_JSON)
			put_key(out, fmt, sep, r->key);
		int rc = t->ngrams ? ngram_row(out, t, r, fmt, sep)
		                   : stat_row(out, t, r, fmt, sep);
		if (rc < 0)
			return rc;
	}
	return (long)t->n;
}
