/* request.h: a query as the programs take it, the CQL text plus the
 * shorthand filters (actor, who, hedge, within), turned into one AST. Shared
 * by tagdex-query's options and tagdex-serve's URL parameters, so that both
 * build the same query from the same request and count the same hits.
 */
#ifndef TAGDEX_REQUEST_H
#define TAGDEX_REQUEST_H

#include "query.h"

typedef struct tq_request {
	const char *query;  /* CQL, or NULL */
	const char *actor;  /* inside mentions of actor KEY (a regex) */
	const char *who;    /* inside KEY's quotes and reported speech */
	int hedge_set;      /* inside hedge cues ... */
	const char *hedge;  /* ... of this subtype (NULL: any) */
	const char *within; /* inside elements of this name */
} tq_request;

/* The query of r: its CQL (parsed) wrapped "within" each shorthand in the
 * order actor, who, hedge, within. TD_ESYNTAX/TD_ELIMIT with the offset for
 * a bad query, TD_EUSAGE when r names no query at all, TD_ENOMEM. *out is
 * the caller's to free with tq_node_free(). */
int tq_request_build(const tq_request *r, tq_node **out);
/* 1 when r asks for a speaker's passages alone (--who with no query, actor
 * or hedge): a quote inside the speaker's reported speech is then part of
 * it, not a second hit (tq_filter.outermost). */
int tq_request_outermost(const tq_request *r);
/* 1 if s is an ISO 8601 calendar date YYYY, YYYY-MM or YYYY-MM-DD with a
 * real month and day (the --from and --to filters). */
int tq_iso_date(const char *s);

#endif
