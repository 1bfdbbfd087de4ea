/* ingest.h: what tagdex-ingest's two files share: its options, parsed in
 * ingest.c, and its index mode, ingest_index.c. Program code: it prints
 * progress and a summary, which the library under it never does. */
#ifndef TAGDEX_INGEST_H
#define TAGDEX_INGEST_H

#include "pipeline.h"
#include "profile.h"

/* The options of tagdex-ingest, parsed in ingest.c. */
typedef struct td_ingest_opts {
	const char *out_dir;   /* -o DIR, "-" for stdout, NULL for none */
	const char *tei_dir;   /* -o DIR with -x: td_ingest_index writes the
	                        * TEI of every input there as it indexes it */
	const char *index_dir; /* -x DIR; the default index when neither -o nor
	                          -x */
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
	char **merge_from;         /* --merge-index DIR...: shards to combine */
	char **merge_where; /* "FILE:LINE" of a --merge-list entry, or NULL */
	size_t nmerge_from;
	td_profile *profile; /* --profile: the calling thread's profile is
	                      * attached (profile.h); td_ingest_index adds
	                      * its workers' to it */
} td_ingest_opts;

/* ingest_index.c: commits paths (files, or directories walked for *.txt,
 * *.html, *.htm, *.xml) to o->index_dir and, with o->tei_dir, writes the
 * TEI of every input (also those unchanged in the index) there as -o does.
 * Prints progress on a terminal and a summary to stderr. Returns 0 when
 * all went in, 1 when some files failed (the rest committed; or a TEI file
 * could not be written), 2 when --recover could not keep every segment
 * (each named), 128 + N when signal N stopped it, or a negative TD_E*
 * code. */
int td_ingest_index(const td_ingest_opts *o, const td_pipeline *p,
        char *const *paths, size_t n);

#endif
