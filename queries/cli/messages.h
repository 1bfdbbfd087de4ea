/* messages.h: how tagdex-query speaks on stderr, the same in its hits mode
 * (main.c) and its statistics modes (stats_cli.c): usage errors with the
 * --help hint, and the library's warnings. */
#ifndef TAGDEX_QUERY_MESSAGES_H
#define TAGDEX_QUERY_MESSAGES_H

/* Prints "tagdex-query: " fmt (with arg) and the --help hint; returns the
 * usage exit status (exit_status.h) for `return usage_error(...)`. */
int usage_error(const char *fmt, const char *arg);
/* The td_set_warn callback: "tagdex-query: warning: MSG". */
void print_warning(void *arg, const char *msg);
/* Prints msg on standard error after "tagdex-query: " (a tq_warn_fn). */
void print_note(void *arg, const char *msg);

#endif
