/* tei.h: TEI P5 out of and into the document model. Internal to tagdex.
 * The writer nests spans into elements and writes the header from td_meta
 * and the actor list; the reader takes any well-formed TEI P5 file. */
#ifndef TAGDEX_TEI_H
#define TAGDEX_TEI_H

#include "tagdex.h"

/* tei_writer.c: writes doc as a TEI P5 document (UTF-8). Spans that cross
 * an enclosing span are dropped with a warning; text is never lost. */
int td_tei_write(const td_doc *doc, FILE *out);
int td_tei_write_mem(const td_doc *doc, char **out, size_t *len);

/* A TEI input's teiHeader (as the reader serialized it) made ready to be
 * written again: tagdex's own parts (application ident="tagdex", the
 * taxonomy tagdex-labels) of an earlier run are removed and written once,
 * fresh, in its encodingDesc (a new one after fileDesc if it has none).
 * *out is the new serialization (caller frees), or NULL when the header
 * does not parse on its own (the writer then writes one from td_meta).
 * An element whose xml:id tagdex writes itself (doc_id, the taxonomy or a
 * label category) is TD_EINPUT: the output would repeat an ID. */
int td_tei_header_keep(const char *name, const char *doc_id,
	const char *header, char **out);

/* tei_reader.c: reads TEI from memory (name is used in messages and for a
 * fallback document id). The text of <text> (or of every <text> of a
 * teiCorpus... see tei_reader.c) becomes doc->text; every element below it a
 * span with all its attributes; the header fills td_meta and the actor
 * list. No network, no external entities, bounded depth and expansion. */
int td_tei_read(const char *name, const char *data, size_t len, td_doc **out);

/* --meta FIELD=XPATH: the user's choice of where the date, title and
 * author of a TEI input come from, in this order in the array (NULL: the
 * header rules). Elements are named with the prefix tei: for the TEI
 * namespace. td_tei_xpath_check() tells whether an expression compiles
 * (TD_EUSAGE if not). td_tei_meta_apply() parses data again as a tree,
 * takes the string value of the first match (for the date an element's
 * @when first) and replaces the field; nothing matched, or a date that is
 * not YYYY[-MM[-DD]], keeps the header's value with a warning. */
enum { TD_META_NPATHS = 3 };
int td_tei_xpath_check(const char *xpath);
int td_tei_xpath_value(const char *name, const char *data, size_t len,
	const char *xpath, int date, char **out);
int td_tei_meta_apply(const char *name, const char *data, size_t len,
	const char *const xpaths[TD_META_NPATHS], td_doc *doc);

#endif
