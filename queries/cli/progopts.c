/* progopts.c: the command-line pieces tagdex-query and tagdex-serve share
 * (progopts.h): usage errors and the index options. */
#include "config.h"
#include "progopts.h"
#include "exit_status.h"
#include "error.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int tq_usage_error(const char *prog, const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry '%s --help'.\n", prog);
	return TD_EXIT_USAGE;
}

void tq_index_opts_init(tq_indexes *l)
{
	tq_indexes_init(l, getenv("TAGDEX_INDEX"));
}

int tq_index_opt(tq_indexes *l, int c, const char *arg, const char *prog)
{
	if (c == TQ_OPT_INDEX)
		return tq_indexes_add(l, arg) < 0 ? TD_EXIT_SYSTEM : 0;
	if (tq_indexes_add_file(l, arg) < 0)
		return tq_usage_error(prog, "%s", td_error_last());
	return 0;
}

int tq_opt_next(tq_optscan *s, int argc, char **argv)
{
	for (;;) {
		int i = -1; /* getopt_long leaves it for a short option */
		int c = getopt_long(argc, argv, s->shortopts, s->longopts, &i);
		if (c == -1) {
			s->status = 0;
			return -1;
		}
		if (c >= s->once_lo && c < s->once_hi) {
			unsigned bit = 1u << (c - s->once_lo);
			if (s->seen & bit) {
				s->status = tq_usage_error(s->prog,
				        "--%s given twice",
				        i >= 0 ? s->longopts[i].name
				               : "option");
				return -1;
			}
			s->seen |= bit;
		}
		if (c != TQ_OPT_INDEX && c != TQ_OPT_INDEX_LIST)
			return c;
		if ((s->status = tq_index_opt(s->indexes, c, optarg, s->prog)))
			return -1;
	}
}

int tq_index_opts_open(const tq_indexes *l, const char *prog, td_index **ix)
{
	int rc = tq_indexes_open(l, ix);
	if (rc == 0)
		return 0;
	fprintf(stderr, "%s: %s\n", prog, td_error_last());
	return rc == TD_EUSAGE ? TD_EXIT_USAGE : TD_EXIT_INDEX;
}
