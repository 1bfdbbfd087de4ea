/* sort.c: the orders of a concordance, shared by tagdex-query's --sort and
 * tagdex-serve's sort= so that both list the same hits in the same order:
 * by the left context (read from the match outwards), the right context,
 * the match or the date, ties in the order the hits came; and by place
 * (document id, then token), which does not depend on ingest history.
 */
#include "config.h"
#include "request.h"
#include "vec.h"

#include <stdlib.h>
#include <string.h>

int tq_sort_key(const char *s)
{
	static const char *const names[] = {"left", "right", "match", "date"};
	static const int keys[] = {
	        TQ_SORT_LEFT, TQ_SORT_RIGHT, TQ_SORT_MATCH, TQ_SORT_DATE};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(s, names[i]))
			return keys[i];
	return -1;
}

typedef struct keyed {
	char *key;
	size_t i;
	tq_hit h;
} keyed;

static int by_key(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* the left context's words last to first, so that sorting by it groups
 * what immediately precedes the match */
static char *reverse_words(const char *s)
{
	size_t n = strlen(s), j = 0;
	char *o = malloc(n + 2);
	if (!o)
		return NULL;
	size_t end = n;
	while (end > 0) {
		size_t st = end;
		while (st > 0 && s[st - 1] != ' ')
			st--;
		memcpy(o + j, s + st, end - st);
		j += end - st;
		o[j++] = '\x01';
		end = st ? st - 1 : 0;
	}
	o[j] = '\0';
	return o;
}

/* Hits by document id, then token number in the document: an order that
 * does not depend on how the documents were ingested or merged. Hits come
 * document by document, so runs of one document are ordered by id and
 * kept together. */
typedef struct docrun {
	const char *id;
	size_t first, n;
} docrun;

static int by_run(const void *a, const void *b)
{
	const docrun *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->first > y->first) - (x->first < y->first);
}

static int by_start(const void *a, const void *b)
{
	const tq_hit *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

int tq_hits_by_place(tq_hit *v, size_t n)
{
	docrun *runs = NULL;
	size_t nr = 0, cap = 0;
	tq_hit *o = malloc((n + 1) * sizeof *o);
	int rc = o ? 0 : td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (i && v[i].seg == v[i - 1].seg && v[i].doc == v[i - 1].doc) {
			runs[nr - 1].n++;
			continue;
		}
		td_docinfo di;
		if ((rc = td_seg_doc(v[i].seg, v[i].doc, &di)) < 0)
			break;
		if (TD_VEC_RESERVE(runs, nr, cap, 64)) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		runs[nr++] = (docrun){di.id ? di.id : "", i, 1};
	}
	if (rc == 0) {
		qsort(runs, nr, sizeof *runs, by_run);
		size_t j = 0;
		for (size_t r = 0; r < nr; r++) {
			memcpy(o + j, v + runs[r].first, runs[r].n * sizeof *o);
			/* a split element's hit may start before the one
			 * reported ahead of it */
			qsort(o + j, runs[r].n, sizeof *o, by_start);
			j += runs[r].n;
		}
		memcpy(v, o, n * sizeof *v);
	}
	free(runs);
	free(o);
	return rc;
}

int tq_hits_sort(tq_hit *hits, size_t n, const tq_kwic_opts *kwic, int by)
{
	int rc = 0;
	keyed *k = calloc(n + 1, sizeof *k);
	if (!k)
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++) {
		tq_line l;
		k[i].i = i;
		k[i].h = hits[i];
		if ((rc = tq_line_make(&hits[i], kwic, &l)) < 0)
			break;
		switch (by) {
		case TQ_SORT_LEFT:
			k[i].key = reverse_words(l.left);
			break;
		case TQ_SORT_RIGHT:
			k[i].key = strdup(l.right);
			break;
		case TQ_SORT_MATCH:
			k[i].key = strdup(l.match);
			break;
		default:
			k[i].key = strdup(l.date ? l.date : "");
			break;
		}
		tq_line_free(&l);
		if (!k[i].key)
			rc = td_error(TD_ENOMEM, "out of memory");
	}
	if (rc == 0) {
		qsort(k, n, sizeof *k, by_key);
		for (size_t i = 0; i < n; i++)
			hits[i] = k[i].h;
	}
	for (size_t i = 0; i < n; i++)
		free(k[i].key);
	free(k);
	return rc;
}
