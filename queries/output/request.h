/* request.h: a query as the programs take it, the CQL text plus the
 * shorthand filters (actor, who, hedge, within), turned into one AST. Shared
 * by tagdex-query's options and tagdex-serve's URL parameters, so that both
 * build the same query from the same request and count the same hits.
 */
#ifndef TAGDEX_REQUEST_H
#define TAGDEX_REQUEST_H

#include "ast.h"
#include "filter.h"
#include "suggest.h"
#include "index.h"

typedef struct tq_request {
	const char *query;  /* CQL, or NULL */
	const char *actor;  /* inside mentions of actor KEY (a regex) */
	const char *who;    /* inside KEY's quotes and reported speech */
	int hedge_set;      /* inside hedge cues ... */
	const char *hedge;  /* ... of this subtype (NULL: any) */
	const char *within; /* inside elements of this name */
	/* tq_request_lookup's patterns for actor and who (owned), and which
	 * of the two (bit 0, bit 1) it found nothing for */
	char *own[2];
	unsigned unknown;
} tq_request;

/* The query of r: its CQL (parsed) wrapped "within" each shorthand in the
 * order actor, who, hedge, within. TD_ESYNTAX/TD_ELIMIT with the offset for
 * a bad query, TD_EUSAGE when r names no query at all, TD_ENOMEM. *out is
 * the caller's to free with tq_node_free(). */
int tq_request_build(const tq_request *r, tq_node **out);
/* Resolves r->actor and r->who through ix's actor table
 * (tq_lookup_actor: a key, else a name or alias, else a regex over the
 * keys) and points them at the pattern to search. Calls note with a
 * message for a name resolved to its key and for a value that is none of
 * these (with the nearest names and keys: no hit follows). TD_EUSAGE with
 * the candidates (key, mentions, names) in the message for a name of
 * several actors; TD_ECORRUPT, TD_ENOMEM. Free with tq_request_clear(). */
int tq_request_lookup(tq_request *r, td_index *ix, tq_warn_fn note, void *ctx);
/* 1 if msg is tq_suggest's warning about a value tq_request_lookup has
 * already reported as unknown (the caller drops it: one message). */
int tq_request_reported(const tq_request *r, const char *msg);
void tq_request_clear(tq_request *r);
/* 1 when r asks for a speaker's passages alone (--who with no query, actor
 * or hedge): a quote inside the speaker's reported speech is then part of
 * it, not a second hit (tq_filter.outermost). */
int tq_request_outermost(const tq_request *r);
/* The filter options of tagdex-query, its statistics modes included, in
 * this order from a program's getopt_long value `base` (TQ_REQUEST_LONGOPTS
 * gives their struct option lines; <getopt.h> is the program's): --from,
 * --to, --genre, --doc, --actor, --who, --hedge[=SUBTYPE], --within. */
enum {
	TQ_RQ_FROM,
	TQ_RQ_TO,
	TQ_RQ_GENRE,
	TQ_RQ_DOC,
	TQ_RQ_ACTOR,
	TQ_RQ_WHO,
	TQ_RQ_HEDGE,
	TQ_RQ_WITHIN,
	TQ_RQ_N
};
#define TQ_REQUEST_LONGOPTS(base)                                              \
	{"from", required_argument, NULL, (base) + TQ_RQ_FROM},                \
	        {"to", required_argument, NULL, (base) + TQ_RQ_TO},            \
	        {"genre", required_argument, NULL, (base) + TQ_RQ_GENRE},      \
	        {"doc", required_argument, NULL, (base) + TQ_RQ_DOC},          \
	        {"actor", required_argument, NULL, (base) + TQ_RQ_ACTOR},      \
	        {"who", required_argument, NULL, (base) + TQ_RQ_WHO},          \
	        {"hedge", optional_argument, NULL, (base) + TQ_RQ_HEDGE},      \
	{                                                                      \
		"within", required_argument, NULL, (base) + TQ_RQ_WITHIN       \
	}
/* Takes filter option k (TQ_RQ_*) with its argument arg (kept, not
 * copied) into r or f. 0, or TD_EUSAGE with the message for a date that is
 * not one (td_iso_date) or an empty element name. */
int tq_request_option(tq_request *r, tq_filter *f, int k, const char *arg);
/* 1 when f's from date is after its to date, compared at the precision
 * of the shorter (from 2024-05 to 2024 is a range; from 2025 to 2024-12
 * is none), as --from/--to and the API's from=/to= refuse; else 0. */
int tq_dates_reversed(const tq_filter *f);

/* A focus or reference of --keywords written as the region alone
 * ("!within <q/>", "not within <q/>", "within <s ana="prediction"/>"): a
 * copy of q as "[] " q, the tokens outside or inside it, to free; NULL when
 * q is not so written (or out of memory: q is then parsed as given). */
char *tq_region_query(const char *q);

#endif
