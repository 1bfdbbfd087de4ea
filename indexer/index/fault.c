/* fault.c: the fault hook of the commit tests, alone in its object so that
 * it is the only part of the library that reads the environment or exits
 * (tests/cli/test_library.sh holds the rest to that). Every mutating step
 * of a commit calls td_fault_step() first; TAGDEX_FAULT_AFTER=k makes the
 * k-th step _exit(77) (a crash at that point), TAGDEX_FAULT_FAIL=k makes it
 * fail with EIO (an I/O error there), TAGDEX_FAULT_SIGNAL=k[:SIGNO] raises
 * the signal (default SIGINT) at the k-th step and goes on (an interrupt
 * there). Unset, every step is a no-op. Compiled only with
 * --enable-test-hooks (TD_TEST_HOOKS); otherwise the object is empty and
 * fault.h makes every step an inline no-op. */
#include "config.h"
#include "fault.h"

#ifdef TD_TEST_HOOKS
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fault_left, fault_fail;
static int sig_left, sig_no;

void td_writer_fault_signal(int n, int sig)
{
	sig_left = n;
	sig_no = sig;
}

void td_writer_fault_after(int n)
{
	fault_left = n;
	fault_fail = 0;
}

void td_writer_fault_fail(int n)
{
	fault_left = n;
	fault_fail = 1;
}

int td_writer_fault_pending(void)
{
	return fault_left > 0 || sig_left > 0;
}

int td_fault_step(const char *what)
{
	(void)what;
	if (sig_left > 0 && --sig_left == 0)
		raise(sig_no);
	if (fault_left > 0 && --fault_left == 0) {
		if (!fault_fail)
			_exit(77);
		errno = EIO;
		return -1;
	}
	return 0;
}

void td_fault_from_env(void)
{
	const char *f = getenv("TAGDEX_FAULT_AFTER");
	if (f && *f)
		td_writer_fault_after(atoi(f));
	f = getenv("TAGDEX_FAULT_FAIL");
	if (f && *f)
		td_writer_fault_fail(atoi(f));
	f = getenv("TAGDEX_FAULT_SIGNAL"); /* K or K:SIGNO */
	if (f && *f) {
		const char *c = strchr(f, ':');
		td_writer_fault_signal(atoi(f), c ? atoi(c + 1) : SIGINT);
	}
}
#else
/* ISO C wants a translation unit to declare something */
typedef int td_fault_unused;
#endif
