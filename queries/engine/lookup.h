/* lookup.h: a value of --actor or --who resolved through the index's actor
 * table into the attribute pattern to search (lookup.c). */
#ifndef TAGDEX_LOOKUP_H
#define TAGDEX_LOOKUP_H

#include <stddef.h>
#include <stdint.h>

#include "index.h"

/* lookup.c: a value of --actor or --who resolved through the index's actor
 * table (the ref keys of persName, orgName, placeName and rs, the texts
 * mentioning them; for --who also the who keys of q and said), in this
 * order: TQ_LOOKUP_KEY, the value is a key (a leading '#' ignored);
 * TQ_LOOKUP_NAME, it is the text of mentions of exactly one key (compared
 * exactly, else with ASCII case, apostrophes ' ’ ‘ ʼ and runs of white
 * space folded); TQ_LOOKUP_AMBIGUOUS, such a text of several keys;
 * TQ_LOOKUP_REGEX, an anchored PCRE2 regex matching at least one key;
 * TQ_LOOKUP_NONE, none of these. */
enum {
	TQ_LOOKUP_KEY,
	TQ_LOOKUP_NAME,
	TQ_LOOKUP_AMBIGUOUS,
	TQ_LOOKUP_REGEX,
	TQ_LOOKUP_NONE
};
typedef struct tq_lookup_cand {
	char *key;   /* an actor key */
	char *names; /* NAME, AMBIGUOUS: "name (n); ..." most frequent first
	              * (four at most, then "; ..."); else NULL */
	uint64_t n;  /* NAME, AMBIGUOUS: the key's mentions */
	char *near;  /* NONE: a name or key near the value (key: its key) */
	size_t dist; /* NONE: its edit distance to the value */
} tq_lookup_cand;
typedef struct tq_lookup {
	int kind;      /* TQ_LOOKUP_* */
	char *pattern; /* the attribute regex to search: KEY, NAME the key
	                * (metacharacters escaped), REGEX the value, NONE the
	                * value escaped (it matches no key); AMBIGUOUS NULL */
	tq_lookup_cand *cands; /* NAME: the key; AMBIGUOUS: the keys by key;
	                        * NONE: the three nearest, nearest first */
	size_t ncands, cap_cands;
} tq_lookup;
/* Resolves value (who: for --who) into *out, to free with
 * tq_lookup_clear(). 0, or TD_ECORRUPT / TD_ENOMEM. */
int tq_lookup_actor(td_index *ix, const char *value, int who, tq_lookup *out);
void tq_lookup_clear(tq_lookup *l);

#endif
