/* sigbus.h: the programs' handler for SIGBUS on a mapped index segment (the
 * file truncated, or an I/O error, under a reader): it names the segment
 * (td_index_map_path) and exits TD_EXIT_INDEX instead of a crash. Program
 * code, not library code (it writes to stderr and exits): tagdex-query and
 * tagdex-serve link it.
 */
#ifndef TAGDEX_SIGBUS_H
#define TAGDEX_SIGBUS_H

/* Installs the handler; prog (the program's name for the message) must
 * outlive the process, e.g. a string literal. */
void td_sigbus_install(const char *prog);

#endif
