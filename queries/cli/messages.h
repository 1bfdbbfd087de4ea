/* messages.h: how tagdex-query speaks on stderr, the same in its hits mode
 * (main.c), its statistics modes (stats_cli.c) and its index descriptions
 * (info_cli.c): usage errors with the --help hint (--format's among them),
 * and the library's warnings. */
#ifndef TAGDEX_QUERY_MESSAGES_H
#define TAGDEX_QUERY_MESSAGES_H

/* Prints "tagdex-query: " fmt (with arg) and the --help hint; returns the
 * usage exit status (exit_status.h) for `return usage_error(...)`. */
int usage_error(const char *fmt, const char *arg);
/* --format ARG: sets *fmt to TQ_OUT_TEXT, TQ_OUT_TSV, TQ_OUT_CSV or
 * TQ_OUT_JSON for "text", "tsv", "csv" or "json" and returns 0; for
 * anything else prints the usage error and returns -1, *fmt untouched. */
int format_option(const char *arg, int *fmt);
/* The operands after the options: the query, at most one, into *query
 * (left as it is when there is none). 0, or the usage exit status, the
 * message printed, for a second one. */
int query_operand(int argc, char **argv, const char **query);
/* The td_set_warn callback: "tagdex-query: warning: MSG". */
void print_warning(void *arg, const char *msg);
/* Prints msg on standard error after "tagdex-query: " (a tq_warn_fn). */
void print_note(void *arg, const char *msg);

#endif
