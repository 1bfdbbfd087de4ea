/* render.h: the output formats (TQ_OUT_*) and the machine-readable
 * renderings of a line and of a table's cells: TSV and CSV (render_tsv.c,
 * RFC 4180) and JSON Lines (render_json.c). The frequency and statistics
 * tables write their rows through the same field and line writers. */
#ifndef TAGDEX_RENDER_H
#define TAGDEX_RENDER_H

#include <stddef.h>
#include <stdio.h>

#include "kwic.h"

/* Output formats of hits and tables. */
enum { TQ_OUT_TEXT = 0, TQ_OUT_JSON = 1, TQ_OUT_TSV = 2, TQ_OUT_CSV = 3 };

/* render_tsv.c, render_json.c: one hit a line. sep is '\t' (TSV) or ','
 * (CSV); fields are quoted as RFC 4180 says where they need it. */
int tq_tsv_header(FILE *out, char sep);
/* The same with a column per --show attribute of o (named ELEM@ATTR) after
 * the others; o may be NULL. */
int tq_tsv_header_show(FILE *out, char sep, const tq_kwic_opts *o);
int tq_tsv_print(FILE *out, const tq_line *l, char sep);
/* Writes one field s (NULL: empty), quoted if it holds sep, '"', CR or LF. */
void tq_dsv_field(FILE *out, const char *s, char sep);
int tq_json_print(FILE *out, const tq_line *l);
/* Writes the jansson value o as one line of JSON Lines (compact, keys in
 * the order set, with json_dumps's flags added, e.g. JSON_REAL_PRECISION)
 * and releases it; a NULL o (a json_pack or json_object that failed) is
 * out of memory. 0 or TD_ENOMEM. The frequency and statistics tables'
 * JSON rows go through it too. */
struct json_t;
int tq_json_line(FILE *out, struct json_t *o, size_t flags);
/* The same; with tokens, also "tokens": an object per token of the match
 * with its "word", "norm", "lemma" and "pos" (tagdex-query --tokens). */
int tq_json_print_tokens(FILE *out, const tq_line *l, int tokens);

#endif
