/* messages.c: tagdex-query's usage errors and warnings (messages.h). */
#include "config.h"
#include "messages.h"
#include "exit_status.h"

#include <stdio.h>

int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "tagdex-query: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'tagdex-query --help'.\n");
	return TD_EXIT_USAGE;
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
