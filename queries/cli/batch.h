/* batch.h: tagdex-query -f FILE, queries from a file one a line (batch.c).
 * Program code: it reads the file and writes standard output. */
#ifndef TAGDEX_BATCH_H
#define TAGDEX_BATCH_H

#include <stdio.h>

/* Answers query (line lineno of the file) writing to out; returns its exit
 * status (exit_status.h). */
typedef int (*tq_answer_fn)(
        void *ctx, const char *query, long lineno, FILE *out);
/* Reads path ("-": standard input) and calls fn for each line holding a
 * query (blank lines and lines starting with '#' skipped), in order. Text
 * and TSV (fmt TQ_OUT_*): a line "# query N (line L): QUERY" before each
 * answer. JSON Lines: each object starts with "query" and "line". CSV: one
 * header row "query,line,..." and each row starts with those two fields.
 * A query answered with exit status 3 or more (the index, the output,
 * memory) stops the batch. The exit status: the largest of the answers'
 * (0 only when every query had hits), 2 for a file with no query, 3 for a
 * file that cannot be read. */
int tq_batch(const char *path, int fmt, tq_answer_fn fn, void *ctx);

#endif
