/* sort.h: the orders of a concordance (sort.c), tagdex-query --sort and
 * --collation and tagdex-serve's sort= and collation=. Internal to tagdex.
 */
#ifndef TAGDEX_SORT_H
#define TAGDEX_SORT_H

#include "hits.h"
#include "kwic.h"

/* A sort is a list of keys, each compared in turn
 * (descending when written with a leading '-'): match, norm, lemma, pos
 * (the match's words in that layer), left and right (the context a line
 * shows, left read from the match outwards), leftN and rightN (the one word
 * N tokens away, 1-100), ELEM@ATTR (the innermost such element around the
 * hit), doc, date, year, month, genre, title and field:NAME (the document's
 * header metadata). Keys of several words compare word by word, a word
 * that is missing first. Equal keys keep the order the hits came in. */
typedef struct tq_sort tq_sort;
/* How words and values compare: Unicode collation (ICU's root collator)
 * at primary strength (the default: case and diacritics ignored),
 * secondary (diacritics count, case does not), tertiary (both count), or
 * bytes (UTF-8 byte order, which is code point order). */
enum { TQ_COLL_PRIMARY, TQ_COLL_SECONDARY, TQ_COLL_TERTIARY, TQ_COLL_BYTES };
/* TQ_COLL_* of "primary", "secondary", "tertiary" or "bytes"; -1 else */
int tq_collation(const char *name);
/* Parses spec (KEY[,KEY...]) into *out, to free with tq_sort_free();
 * TD_EUSAGE naming the bad key, or TD_ENOMEM. */
int tq_sort_new(const char *spec, int collation, tq_sort **out);
void tq_sort_free(tq_sort *s);
/* Sorts n hits by s, the context keys as lines made with kwic show them:
 * a sort key is made once per hit from its token ids (a word's collation
 * key once per distinct word), and the hits sorted stably by them. 0, or
 * TD_ENOMEM or TD_EIO (the collator failed; hits unchanged then). */
int tq_hits_sort(
        tq_hit *hits, size_t n, const tq_kwic_opts *kwic, const tq_sort *s);
/* Sorts n hits by document id, then token number: an order independent of
 * how the documents were ingested or merged. 0 or an error. */
int tq_hits_by_place(tq_hit *hits, size_t n);

#endif
