/* disp.c: dispersion of frequency-table rows over the documents searched:
 * the number of documents, Juilland's D over the rows' rates in each
 * document and Gries' DP (tagdex-query(1), --dispersion). The parts are the
 * documents passing the filter with some article text; their sizes are
 * those tokens, as for per-million rates. Reads the index only.
 */
#include "config.h"
#include "stats.h"
#include "vec.h"
#include "error.h"
#include "article.h"
#include "filter.h"
#include "index.h"
#include "tagdex.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct cell {
	uint64_t part, n;
} cell;

typedef struct cells {
	cell *v;
	size_t n, cap;
} cells;

struct tq_disp {
	size_t *base;    /* per segment: its first document's part number */
	uint64_t *size;  /* per part: tokens (0: not a part) */
	uint64_t nparts; /* parts of a non-zero size */
	uint64_t total;  /* their tokens */
	uint64_t cur;    /* the part of the current hit */
	cells *rows;
	size_t nrows;
};

int tq_disp_new(td_index *ix, const tq_filter *flt, tq_disp **out)
{
	tq_disp *d = calloc(1, sizeof *d);
	size_t nseg = td_index_nsegs(ix), nd = 0;
	tq_ranges na = {0};
	int rc = 0;
	*out = NULL;
	if (!d || !(d->base = calloc(nseg + 1, sizeof *d->base)))
		rc = td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; rc == 0 && i < nseg; i++) {
		d->base[i] = nd;
		nd += td_seg_ndocs(td_index_seg(ix, i));
	}
	if (rc == 0 && !(d->size = calloc(nd + 1, sizeof *d->size)))
		rc = td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; rc == 0 && i < nseg; i++) {
		td_seg *s = td_index_seg(ix, i);
		for (uint32_t k = 0; rc == 0 && k < td_seg_ndocs(s); k++) {
			uint32_t first, ntok;
			if (!tq_filter_doc(s, k, flt))
				continue;
			if ((rc = td_seg_doc_range(s, k, &first, &ntok)) < 0 ||
			        (rc = tq_nonarticle(
			                 s, first, first + ntok, flt, &na)) < 0)
				break;
			uint64_t n = ntok - tq_ranges_len(&na);
			d->size[d->base[i] + k] = n;
			d->total += n;
			d->nparts += n > 0;
		}
	}
	free(na.v);
	if (rc < 0) {
		tq_disp_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

void tq_disp_free(tq_disp *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nrows; i++)
		free(d->rows[i].v);
	free(d->rows);
	free(d->base);
	free(d->size);
	free(d);
}

void tq_disp_part(tq_disp *d, size_t segno, uint32_t doc)
{
	d->cur = d->base[segno] + doc;
}

int tq_disp_note(tq_disp *d, size_t row, uint64_t n)
{
	if (row >= d->nrows) { /* every row there is empty until noted */
		size_t old = d->nrows;
		if (TD_VEC_RESERVE_N(d->rows, row + 1, d->nrows, 16))
			return td_error(TD_ENOMEM, "out of memory");
		memset(d->rows + old, 0, (d->nrows - old) * sizeof *d->rows);
	}
	cells *c = &d->rows[row];
	if (c->n && c->v[c->n - 1].part == d->cur) {
		c->v[c->n - 1].n += n;
		return 0;
	}
	if (TD_VEC_RESERVE(c->v, c->n, c->cap, 4))
		return td_error(TD_ENOMEM, "out of memory");
	c->v[c->n++] = (cell){d->cur, n};
	return 0;
}

/* Rounded to 12 decimals: both lie in [0, 1], and the rounding error of
 * the sums (a D of -2e-16 for a row in one document) is not a value. */
static double twelve(double x)
{
	return round(x * 1e12) / 1e12 + 0.0;
}

static int by_part(const void *a, const void *b)
{
	const cell *x = a, *y = b;
	return (x->part > y->part) - (x->part < y->part);
}

void tq_disp_get(tq_disp *d, size_t row, tq_disp_row *out)
{
	memset(out, 0, sizeof *out);
	if (row >= d->nrows || !d->rows[row].n || !d->total)
		return;
	cells *c = &d->rows[row];
	/* hits come in corpus order; sorted anyway, runs of a part merged */
	qsort(c->v, c->n, sizeof *c->v, by_part);
	size_t j = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (j && c->v[j - 1].part == c->v[i].part)
			c->v[j - 1].n += c->v[i].n;
		else
			c->v[j++] = c->v[i];
	}
	c->n = j;
	double f = 0, share = 0, sum = 0, S = (double)d->total;
	for (size_t i = 0; i < c->n; i++)
		f += (double)c->v[i].n;
	/* DP = 1/2 sum |v_i - s_i| over every part; the parts without the
	 * row add their sizes' share s_i */
	for (size_t i = 0; i < c->n; i++) {
		double s = (double)d->size[c->v[i].part] / S;
		sum += fabs((double)c->v[i].n / f - s);
		share += s;
		out->docs++;
	}
	out->dp = twelve(0.5 * (sum + (1 - share)));
	out->dp_def = isfinite(out->dp);
	/* D = 1 - V / sqrt(n - 1), V the coefficient of variation (population
	 * standard deviation over the mean) of the rates f_i / size_i over
	 * all n parts */
	double np = (double)d->nparts, mean = 0, ss = 0;
	if (d->nparts < 2)
		return;
	for (size_t i = 0; i < c->n; i++)
		mean += (double)c->v[i].n / (double)d->size[c->v[i].part];
	mean /= np;
	for (size_t i = 0; i < c->n; i++) {
		double r = (double)c->v[i].n / (double)d->size[c->v[i].part];
		ss += (r - mean) * (r - mean);
	}
	ss += (np - (double)c->n) * mean * mean;
	double v = sqrt(ss / np) / mean;
	out->d = twelve(1 - v / sqrt(np - 1));
	out->d_def = isfinite(out->d);
}
