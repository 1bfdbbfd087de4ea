/* job.h: a part of the index's writing run on a thread of its own: the
 * sorts, layers and word ids of a segment's write (segbuild.c) and a
 * flushed segment written while the batch goes on (writer.c). The job's
 * error and its message come back to the thread that joins it (errors
 * are per thread). Not a pool: one job, one thread, joined once.
 */
#ifndef TAGDEX_JOB_H
#define TAGDEX_JOB_H

#include <pthread.h>

typedef struct td_job {
	int (*run)(void *arg);
	void *arg;
	int rc;
	char msg[1024]; /* rc's message, from the job's thread */
	pthread_t th;
	int on;  /* the thread runs, not joined */
	int ran; /* run has run */
} td_job;

/* Starts run(arg) (0 or a TD_E code, its message recorded by td_error) on
 * a thread of its own when thread is nonzero and one can be made (then
 * j->on is 1); else run waits for td_job_join, on the joining thread. */
void td_job_start(td_job *j, int (*run)(void *arg), void *arg, int thread);

/* The job's result: its thread joined, or run here if it has none and has
 * not run; 0 or its error, recorded on this thread with the job's
 * message. */
int td_job_join(td_job *j);

/* Waits for the job's thread, if one runs (before freeing what it reads
 * or writes); its result is dropped, and a run not started stays so. */
void td_job_wait(td_job *j);

#endif
