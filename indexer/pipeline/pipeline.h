/* pipeline.h: one input file to one annotated document, and the programs'
 * shared option set. Internal to tagdex (not installed).
 *
 * Stages and their owners: text_reader.c/html_reader.c/tei_reader.c read, the
 * structure builder marks front matter, divisions, paragraphs and
 * sentences, annotate.c adds actors, quotes, hedges, dates and labels.
 * A td_pipeline is immutable after td_pipeline_new(), so -j threads share it.
 */
#ifndef TAGDEX_PIPELINE_H
#define TAGDEX_PIPELINE_H

#include "tagdex.h"

typedef struct td_annotator td_annotator;

/* annotate.c: loads the lexicons in lexdir (actors.tsv, hedges.tsv, ...).
 * Errors name the file and line of a bad lexicon row. */
int td_annotator_new(const char *lexdir, td_annotator **out);
void td_annotator_free(td_annotator *a);
/* actors.c: the directory of the ISO 3166 tables (iso-codes JSON) that
 * td_annotator_new() reads, or NULL for the one configure found.
 * Process-wide: set it before creating annotators (tagdex-ingest passes
 * $TAGDEX_ISO_CODES; the library reads no environment). */
void td_iso_codes_dir_set(const char *dir);
/* Adds actor mentions, quotes, reported speech, hedge cues, dates and the
 * sentence labels to a document that already has its structure spans (p,
 * head, s ...). Safe to call from several threads on different documents. */
int td_annotate(const td_annotator *a, td_doc *doc);

/* words.c: the <w pos lemma> layer of tagdex-ingest --words. */
typedef struct td_words td_words;
/* The default part-of-speech model: the installed one (or
 * the source tree's corpus/models/ in a build not installed). */
const char *td_pos_model_path(void);
/* Opens the model (NULL: td_pos_model_path()) and WordNet. Errors name the
 * file: TD_ENOTFOUND, TD_EVERSION, TD_ECORRUPT. */
int td_words_new(const char *model_path, td_words **out);
void td_words_free(td_words *w);
/* Adds a <w pos lemma> span over every token of doc, tagging each <s> on
 * its own. Thread-safe for distinct documents. */
int td_words_add(const td_words *w, td_doc *doc);
/* Sets doc->layers: the part of speech and lemma of every token, tagged
 * as td_words_add() does, except where a <w> span of the document gives
 * pos or lemma (TEI input that is already tagged keeps its own). */
int td_words_layers(const td_words *w, td_doc *doc);

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
	const char *index_dir; /* -x DIR; the default index when neither -o nor -x */
	const char *lexdir;    /* --lexicons DIR */
	int lenient;           /* --lenient */
	int jobs;              /* -j N (>= 1) */
	int prune;             /* --prune */
	int rebuild;           /* --rebuild */
	int check;             /* --check: verify the index and exit */
	int merge;             /* --merge */
	int recover;           /* --recover: rebuild MANIFEST from segments */
	int quiet;             /* -q: no progress, no summary */
	size_t memory;         /* --memory bytes, 0 for the default */
	const char *meta_xpath[3]; /* --meta date=, title=, author= XPATHs */
} td_ingest_opts;

/* ingest_index.c: commits paths (files, or directories walked for *.txt,
 * *.html, *.htm, *.xml) to o->index_dir. Prints progress on a terminal and a
 * summary to stderr. Returns 0 when all went in, 1 when some files failed
 * (the rest committed), 2 when --recover could not keep every segment
 * (each named), 128 + N when signal N stopped it, or a negative TD_E*
 * code. */
int td_ingest_index(const td_ingest_opts *o, const td_pipeline *p,
	char *const *paths, size_t n);

/* Expands paths (files or directories, recursively, sorted) into the input
 * files tagdex takes. *out is a malloc'd array of malloc'd strings. */
int td_collect_inputs(char *const *paths, size_t n, char ***out, size_t *nout);
void td_free_inputs(char **v, size_t n);

#endif
