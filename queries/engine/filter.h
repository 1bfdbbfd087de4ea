/* filter.h: what a query's options restrict besides the query itself
 * (dates, genre, document, pull quotes, a saved subcorpus, a deadline),
 * and the tests of a document and of the deadline that every stage walking
 * the index applies (exec_docs.c, exec_nodes.c). */
#ifndef TAGDEX_FILTER_H
#define TAGDEX_FILTER_H

#include <stdint.h>

#include "index.h"

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
/* Whether document d of s passes the filter (live, date, genre, id). */
int tq_filter_doc(td_seg *s, uint32_t d, const tq_filter *f);

#endif
