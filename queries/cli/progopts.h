/* progopts.h: what tagdex-query (its hits, statistics and description
 * modes) and tagdex-serve share of their command lines: the usage error
 * with its --help hint, and the index options -x DIR (repeatable) and
 * -X FILE. The list those fill (indexes.h) starts as $TAGDEX_INDEX or
 * ./.tagdex and is opened as one index; a failure is printed and becomes
 * the same exit status (exit_status.h) in every program and mode. Program
 * code: it prints and reads the environment, which the libraries under
 * it never do. */
#ifndef TAGDEX_PROGOPTS_H
#define TAGDEX_PROGOPTS_H

#include "indexes.h"

/* The index options, getopt's values, and their struct option lines
 * (<getopt.h> is the program's). */
#define TQ_OPT_INDEX 'x'
#define TQ_OPT_INDEX_LIST 'X'
#define TQ_INDEX_LONGOPTS                                                      \
	{"index", required_argument, NULL, TQ_OPT_INDEX},                      \
	{                                                                      \
		"index-list", required_argument, NULL, TQ_OPT_INDEX_LIST       \
	}

/* Prints "PROG: " fmt (with arg) and "Try 'PROG --help'."; returns the
 * usage exit status, for `return tq_usage_error(...)`. */
int tq_usage_error(const char *prog, const char *fmt, const char *arg);
/* Starts l with the default index: $TAGDEX_INDEX, else ./.tagdex. */
void tq_index_opts_init(tq_indexes *l);
/* Takes option c (TQ_OPT_INDEX or TQ_OPT_INDEX_LIST) with its argument
 * into l. 0, or the exit status: the system's when out of memory, the
 * usage one, after prog's usage error, for a list that cannot be read or
 * names no index. */
int tq_index_opt(tq_indexes *l, int c, const char *arg, const char *prog);
/* The option loop of the query programs: getopt_long over shortopts and
 * longopts that takes the index options into indexes itself and refuses
 * an option of [once_lo, once_hi) given twice ("the last one wins" would
 * silently drop a filter or a table asked for). */
struct option;
typedef struct tq_optscan {
	const char *prog; /* for messages */
	const char *shortopts;
	const struct option *longopts;
	int once_lo, once_hi; /* at most 31 options */
	unsigned seen;        /* bit c - once_lo: option c was given */
	tq_indexes *indexes;  /* -x and -X add to it */
	int status; /* after -1: 0 at the end of the options, else the exit
	             * status of the error printed */
} tq_optscan;
/* The next option that is the program's own: getopt_long's value, with
 * its argument in optarg; -1 at the end of the options or at an error. */
int tq_opt_next(tq_optscan *s, int argc, char **argv);
/* Opens l as one index into *ix. 0, or prints "PROG: " and the message
 * (it names the index) and returns the exit status: usage for a source
 * held by two of the indexes (-x A -x B), the index's for any other
 * failure. */
int tq_index_opts_open(const tq_indexes *l, const char *prog, td_index **ix);

#endif
