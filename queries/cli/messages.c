/* messages.c: tagdex-query's usage errors and warnings (messages.h). */
#include "config.h"
#include "messages.h"
#include "progopts.h"
#include "exit_status.h"
#include "render.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

int usage_error(const char *fmt, const char *arg)
{
	return tq_usage_error("tagdex-query", fmt, arg);
}

int format_option(const char *arg, int *fmt)
{
	static const struct {
		const char *name;
		int fmt;
	} names[] = {{"text", TQ_OUT_TEXT}, {"tsv", TQ_OUT_TSV},
	        {"csv", TQ_OUT_CSV}, {"json", TQ_OUT_JSON}};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(arg, names[i].name)) {
			*fmt = names[i].fmt;
			return 0;
		}
	usage_error("--format: expected text, tsv, csv or json, not '%s'", arg);
	return -1;
}

int query_operand(int argc, char **argv, const char **query)
{
	if (optind < argc)
		*query = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument '%s' (quote the query "
		                   "as one argument)",
		        argv[optind]);
	return 0;
}

void print_warning(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "tagdex-query: warning: %s\n", msg);
}

void print_note(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "tagdex-query: %s\n", msg);
}
