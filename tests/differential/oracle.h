/* oracle.h: a brute-force evaluator of query ASTs straight over documents
 * read from TEI, written independently of queries/ (it shares only the
 * AST): its own tokeniser and normaliser from the documented rules, spans
 * mapped to tokens by the index's documented rule, a token's lemma and pos
 * from the <w> spans over it (the ground data) by the documented rule,
 * regexes compiled on the spot, backtracking token by token. */
#ifndef TAGDEX_ORACLE_H
#define TAGDEX_ORACLE_H

#include "ast.h"
#include "filter.h"
#include "tagdex.h"

/* Appends the hits of ast in doc to *out as "ID:START-END " (document token
 * numbers), in document order; pull quotes excluded unless pullquotes;
 * strategy a TQ_MATCH_* (the hits among all matches). Returns 0, or -1 on
 * a regex error. */
int oracle_hits(const td_doc *doc, const tq_node *ast, int pullquotes,
        int strategy, char **out, size_t *len);

/* 1 when doc passes the filter's doc, genre and date bounds. */
int oracle_doc_passes(const td_doc *doc, const tq_filter *f);

#endif
