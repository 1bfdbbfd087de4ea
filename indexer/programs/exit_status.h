/* exit_status.h: the one table of exit statuses of every tagdex program
 * (tagdex-ingest, tagdex-query, tagdex-serve, tagdex-eval,
 * tagdex-train-pos). Each man
 * page prints it word for word between the markers `.\" exit-table` and
 * `.\" end-exit-table`; tests/cli/test_exit_table.sh checks that the pages
 * agree with each other and with these values. A program that ends for
 * more than one reason exits with the largest status among them below 128.
 */
#ifndef TAGDEX_EXIT_STATUS_H
#define TAGDEX_EXIT_STATUS_H

enum {
	TD_EXIT_OK = 0,    /* done; tagdex-query: hits were found */
	TD_EXIT_NONE = 1,  /* no hits; tagdex-eval --check: under a threshold */
	TD_EXIT_USAGE = 2, /* options, query syntax, a limit, lexicons, model */
	TD_EXIT_INPUT = 3, /* an input file (article, TEI, gold, Brown text) */
	TD_EXIT_INDEX = 4, /* the index: missing, damaged, locked, version,
	                    * or writing it failed */
	TD_EXIT_SYSTEM = 5,  /* writing the output failed, or out of memory */
	TD_EXIT_SIGNAL = 128 /* + N: interrupted by signal N */
};

#endif
