/* structure.h: the structure builder (structure.c), blocks (blocks.h) to a
 * td_doc with TEI structure spans and sentences, and the lexicons it reads
 * (sentences.h, layout.h). Internal to tagdex (not installed).
 */
#ifndef TAGDEX_STRUCTURE_H
#define TAGDEX_STRUCTURE_H

#include "blocks.h"
#include "layout.h"
#include "sentences.h"

/* The lexicons the structure stage reads; either member may be NULL. */
typedef struct td_structure_lex {
	td_abbrevs *abbrevs;
	td_layout *layout;
} td_structure_lex;

/* Loads abbreviations.tsv and layout.tsv from lexdir into a new lex. */
int td_structure_lex_load(const char *lexdir, td_structure_lex **out);
void td_structure_lex_free(td_structure_lex *lex);

/* structure.c: builds a document with id doc_id from blocks: spans text,
 * front (docTitle/titlePart, argument/p, docImprint/docDate), body,
 * div type=section, head, p, s with xml:id "<doc_id>-sN", quote
 * type=pullquote, note type=layout; and the header metadata. lex may be NULL.
 * *out is the caller's to td_doc_free(). */
int td_structure_build(const td_blocks *b, const td_structure_lex *lex,
        const char *doc_id, td_doc **out);

#endif
