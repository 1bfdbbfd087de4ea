/* sigbus.c: see sigbus.h. Only async-signal-safe calls in the handler:
 * write(2) and _exit(2); td_index_map_path reads a table fixed while the
 * index is open. */
#include "config.h"
#include "sigbus.h"
#include "exit_status.h"
#include "index.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

static const char *prog_name = "tagdex";

static void put(const char *s)
{
	if (write(2, s, strlen(s)) < 0) {
		/* nothing more to do in a signal handler */
	}
}

static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	const char *path = td_index_map_path(si->si_addr);
	put(prog_name);
	put(": ");
	put(path ? path : "index");
	put(": bus error reading the index (the file was truncated or "
	    "failed under the reader; index is damaged; run tagdex-ingest "
	    "--check)\n");
	_exit(TD_EXIT_INDEX);
}

void td_sigbus_install(const char *prog)
{
	struct sigaction sa;
	prog_name = prog;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
}
