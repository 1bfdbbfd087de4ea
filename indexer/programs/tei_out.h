/* tei_out.h: the TEI files of tagdex-ingest -o: their names and their
 * atomic writing, shared by the -o pass (ingest.c) and the index mode's
 * workers (ingest_index.c), which write them while they index. */
#ifndef TAGDEX_TEI_OUT_H
#define TAGDEX_TEI_OUT_H

#include "tagdex.h"

#include <stddef.h>

/* DIR/<base name of in without its extension>.xml, malloc'd (NULL: out of
 * memory). The first call reads the process's umask (for the files'
 * mode), which sets it for an instant: call it before other threads run. */
char *tei_out_path(const char *dir, const char *in);

/* Writes doc to path through a temporary file and rename(), so a reader
 * never sees half a file: 0, or a negative TD_E* code recorded. */
int tei_out_write(const td_doc *doc, const char *path);

/* The TEI of the n documents of one input: op (tei_out_path) for one,
 * DIR/ID.xml each for several (a teiCorpus), nothing for none. */
int tei_out_docs(
        td_doc *const *docs, size_t n, const char *dir, const char *op);

#endif
