/* fault.h: the commit tests' fault hook (fault.c): which step of a commit
 * exits, fails or raises a signal. Only a build configured with
 * --enable-test-hooks has it; elsewhere every step is an inline no-op. */
#ifndef TAGDEX_FAULT_H
#define TAGDEX_FAULT_H

/* The hook exists only in a build configured with --enable-test-hooks
 * (TD_TEST_HOOKS in config.h); elsewhere every step is an inline no-op,
 * the environment is never read and the setters do not exist, so a test
 * that needs them skips. */
#ifdef TD_TEST_HOOKS

/* Test hook: makes the writer _exit(77) when it reaches its n-th commit step
 * (n >= 1; 0 disables). Also set by the TAGDEX_FAULT_AFTER environment
 * variable at td_writer_open(). Steps are counted across calls. */
void td_writer_fault_after(int n);
/* The same, but the n-th step fails as its system call would, with EIO
 * (TAGDEX_FAULT_FAIL=n): the I/O-error loop of tests/unit/test_index.c. */
void td_writer_fault_fail(int n);
/* Raises signal sig at the n-th step, which then goes on as usual
 * (TAGDEX_FAULT_SIGNAL=n[:sig]): the interrupt tests of
 * tests/cli/test_ingest_signal.sh. */
void td_writer_fault_signal(int n, int sig);
/* 1 if a step set by any of these has not been reached yet. */
int td_writer_fault_pending(void);
/* Called by the writer before each open, write, fsync, close, rename and
 * unlink of a commit; the name is for tests. 0, or -1 with errno set when
 * the step is to fail (the caller then takes the system call's error path);
 * _exit(77) when the writer is to stop there. */
int td_fault_step(const char *what);
/* Reads TAGDEX_FAULT_AFTER, TAGDEX_FAULT_FAIL and TAGDEX_FAULT_SIGNAL
 * (td_writer_open calls it). */
void td_fault_from_env(void);
#else
static inline int td_fault_step(const char *what)
{
	(void)what;
	return 0;
}
static inline void td_fault_from_env(void) {}
#endif

#endif
