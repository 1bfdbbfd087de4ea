/* indexes.h: the indexes a program searches (-x DIR, repeated, and -X FILE,
 * a list of them), opened as one (td_index_open_many). Shared by the
 * programs through queries/cli/progopts.h: it reads files and the caller
 * prints its messages. */
#ifndef TAGDEX_INDEXES_H
#define TAGDEX_INDEXES_H

#include "index.h"

#include <stddef.h>

typedef struct tq_indexes {
	char **dirs;  /* owned copies, in the order given */
	char **where; /* "FILE:LINE" of a -X entry, NULL for -x (owned) */
	size_t n, cap, cap_where; /* TD_VEC_RESERVE's, one a list */
	int given; /* -x or -X seen: the default is no longer used */
} tq_indexes;

/* Starts with the default: $TAGDEX_INDEX (env, may be NULL) or .tagdex. */
void tq_indexes_init(tq_indexes *l, const char *env);
void tq_indexes_clear(tq_indexes *l);
/* -x DIR. 0 or TD_ENOMEM. */
int tq_indexes_add(tq_indexes *l, const char *dir);
/* -X FILE: one index directory a line, as given (relative to the current
 * directory); blank lines and lines starting with '#' are skipped.
 * TD_EIO (message names the file), TD_EUSAGE for a file naming no
 * directory, TD_ENOMEM. */
int tq_indexes_add_file(tq_indexes *l, const char *path);
/* Opens them as one index (td_index_open_many_at); the message of an
 * error names the directory once, after FILE:LINE for one of a -X FILE. */
int tq_indexes_open(const tq_indexes *l, td_index **out);
/* The first directory (for messages that name one index), or "n indexes"
 * written into buf. */
const char *tq_indexes_name(const tq_indexes *l, char *buf, size_t n);

#endif
