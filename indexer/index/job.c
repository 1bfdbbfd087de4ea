/* job.c: one part of the index's writing on a thread of its own (job.h),
 * its error carried to the thread that joins it. */
#include "job.h"
#include "error.h"
#include "tagdex.h"

#include <stdio.h>

static void *job_main(void *arg)
{
	td_job *j = arg;
	j->rc = j->run(j->arg);
	if (j->rc)
		snprintf(j->msg, sizeof j->msg, "%s", td_error_last());
	j->ran = 1;
	return NULL;
}

void td_job_start(td_job *j, int (*run)(void *arg), void *arg, int thread)
{
	j->run = run;
	j->arg = arg;
	j->rc = 0;
	j->ran = 0;
	j->on = thread && pthread_create(&j->th, NULL, job_main, j) == 0;
}

int td_job_join(td_job *j)
{
	if (!j->on) {
		if (!j->ran && j->run) {
			j->ran = 1;
			j->rc = j->run(j->arg);
		}
		return j->rc;
	}
	pthread_join(j->th, NULL);
	j->on = 0;
	return j->rc ? td_error(j->rc, "%s", j->msg) : 0;
}

void td_job_wait(td_job *j)
{
	if (j->on)
		pthread_join(j->th, NULL);
	j->on = 0;
}
