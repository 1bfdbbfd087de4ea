/* pipeline.h: one input file to one annotated document. The annotator
 * (annotator.h) and the word layer (words.h) are its stages' entry points.
 * tagdex-ingest's options and its index mode are ingest.h's, the walk of
 * its input directories inputs.h's. Internal to tagdex (not installed).
 *
 * Stages and their owners: text_reader.c/html_reader.c/tei_reader.c read, the
 * structure builder marks front matter, divisions, paragraphs and
 * sentences, annotate.c adds actors, quotes, hedges, dates and labels.
 * A td_pipeline is immutable after td_pipeline_new(), so -j threads share it.
 */
#ifndef TAGDEX_PIPELINE_H
#define TAGDEX_PIPELINE_H

#include "tagdex.h"

#include "annotator.h"
#include "words.h"

typedef struct td_pipeline {
	td_annotator *annotator; /* NULL: structure only */
	int lenient;             /* replace invalid UTF-8 with U+FFFD, warn */
	struct td_structure_lex *structure; /* abbreviations, layout markers
	                                     * (blocks.h); NULL: none */
	const char *meta_xpath[3]; /* --meta date=, title=, author= (TEI
	                            * inputs; tei.h); NULL: the header's */
	td_words *words;  /* --words: <w pos lemma> on text and HTML input */
	td_words *layers; /* -x: pos and lemma of every token, for the index
	                   * (td_words_layers), on every input */
} td_pipeline;

int td_pipeline_new(const char *lexdir, int lenient, td_pipeline **out);
void td_pipeline_free(td_pipeline *p);

/* Reads path (by extension: .txt, .html/.htm, .xml) into a document with
 * structure and annotation; data is the file's bytes already read. A TEI
 * input is taken as it is (not re-annotated). */
int td_pipeline_doc(const td_pipeline *p, const char *path, const char *data,
        size_t len, td_doc **out);
/* The documents of path: one for a text, HTML or TEI file, one per <TEI>
 * of a teiCorpus (tei.h), none (with a warning) for an XML file whose root
 * is neither. *out is a malloc'd array of *n documents. --meta paths apply
 * to a file of one document only (a warning says so otherwise). */
int td_pipeline_docs(const td_pipeline *p, const char *path, const char *data,
        size_t len, td_doc ***out, size_t *n);

/* 1 if the pipeline reads files of path's extension (.txt, .html, .htm,
 * .xml, in any case): what a directory walk picks up. */
int td_pipeline_takes(const char *path);
/* 1 if the document the pipeline makes of path's bytes (.txt, .html,
 * .htm) carries their SHA-256 as meta.source_sha256, hashed by its
 * reader; 0 for TEI (.xml), whose documents keep their header's. */
int td_pipeline_hashes_input(const char *path);

#endif
