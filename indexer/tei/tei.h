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
int td_tei_header_keep(
        const char *name, const char *doc_id, const char *header, char **out);

/* tei_reader.c: reads TEI from memory (name is the file's path: messages,
 * fallback document ids, the folder xi:include is resolved in). A <TEI>
 * root is one document, a <teiCorpus> root one per <TEI> in it, in document
 * order, whose header fields and actors fill in what the TEI's own header
 * lacks. The text of <text> becomes doc->text; every element below it a
 * span with all its attributes; the header fills td_meta and the actor
 * list. A document without xml:id is "doc-" and the slug of the file name
 * (with "-K" for the K-th TEI of a corpus). <xi:include href="REL"/> reads
 * the local file REL (relative to the including file, inside the input's
 * folder, each file once, at most 16 deep) in its place; anything else
 * (URIs, absolute paths, xpointer, parse="text", fallback content, a
 * missing file) is TD_EINPUT naming the including file and line. A root
 * that is neither TEI nor teiCorpus (listPerson, taxonomy) gives no
 * document (*nout 0) and a warning. No network, no external entities,
 * bounded depth and expansion. *out is a malloc'd array (free each doc
 * and the array). */
int td_tei_read_all(const char *name, const char *data, size_t len,
        td_doc ***out, size_t *nout);
/* The absolute canonical paths of every file that reading name would
 * include (xi:include, recursively), without reading anything else. An
 * include that td_tei_read_all would refuse (missing file, outside the
 * folder, a file not well-formed ...) is passed over, so the list holds
 * every file the input reaches. Errors: the input itself not well-formed
 * (TD_EINPUT), TD_ENOMEM. *out is a malloc'd array of malloc'd strings. */
int td_tei_included(
        const char *name, const char *data, size_t len, char ***out, size_t *n);
/* The same for a file that must hold exactly one document. */
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
