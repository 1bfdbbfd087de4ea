/* pipeline.h: one input file to one annotated document, and the programs'
 * shared option set. The annotator (annotator.h) and the word layer
 * (words.h) are its stages' entry points. Internal to tagdex (not
 * installed).
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
int td_pipeline_docs(const td_pipeline *p, const char *path,
	const char *data, size_t len, td_doc ***out, size_t *n);

/* The options of tagdex-ingest, parsed in ingest.c. */
typedef struct td_ingest_opts {
	const char *out_dir;   /* -o DIR, "-" for stdout, NULL for none */
	const char *tei_dir;   /* -o DIR with -x: td_ingest_index writes the
	                        * TEI of every input there as it indexes it */
	const char *index_dir; /* -x DIR; the default index when neither -o nor -x */
	const char *lexdir;    /* --lexicons DIR */
	int lenient;           /* --lenient */
	int jobs;              /* -j N (>= 1) */
	int prune;             /* --prune */
	int rebuild;           /* --rebuild */
	int no_layers;         /* --no-layers: no lemma and pos in the index */
	int check;             /* --check: verify the index and exit */
	int merge;             /* --merge */
	int recover;           /* --recover: rebuild MANIFEST from segments */
	int quiet;             /* -q: no progress, no summary */
	size_t memory;         /* --memory bytes, 0 for the default */
	const char *meta_xpath[3]; /* --meta date=, title=, author= XPATHs */
	char **merge_from;     /* --merge-index DIR...: shards to combine */
	char **merge_where;    /* "FILE:LINE" of a --merge-list entry, or NULL */
	size_t nmerge_from;
} td_ingest_opts;

/* ingest_index.c: commits paths (files, or directories walked for *.txt,
 * *.html, *.htm, *.xml) to o->index_dir and, with o->tei_dir, writes the
 * TEI of every input (also those unchanged in the index) there as -o does.
 * Prints progress on a terminal and a summary to stderr. Returns 0 when
 * all went in, 1 when some files failed (the rest committed; or a TEI
 * file could not be written), 2 when --recover could not keep every
 * segment (each named), 128 + N when signal N stopped it, or a negative
 * TD_E* code. */
int td_ingest_index(const td_ingest_opts *o, const td_pipeline *p,
	char *const *paths, size_t n);

/* Expands paths (files or directories, recursively, sorted) into the input
 * files tagdex takes. *out is a malloc'd array of malloc'd strings. */
int td_collect_inputs(char *const *paths, size_t n, char ***out, size_t *nout);
void td_free_inputs(char **v, size_t n);

#endif
