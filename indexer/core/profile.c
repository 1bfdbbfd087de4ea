/* profile.c: CPU time by stage, per thread (profile.h). One clock read a
 * switch, and only on a thread that attached a profile: an ingest without
 * --profile reads no clock. */
#include "config.h"
#include "profile.h"

#include <string.h>
#include <time.h>

static _Thread_local td_profile *prof;

static uint64_t thread_ns(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* 1 and the row of name in p in *i, appended if new; 0 when p is full. */
static int slot_of(td_profile *p, const char *name, size_t *i)
{
	for (*i = 0; *i < p->n; (*i)++)
		if (p->name[*i] == name || !strcmp(p->name[*i], name))
			return 1;
	if (p->n == TD_PROFILE_MAX)
		return 0;
	p->name[p->n] = name;
	p->ns[p->n] = p->calls[p->n] = 0;
	*i = p->n++;
	return 1;
}

/* Charges the time since the last switch to the stage running. */
static void charge(td_profile *p)
{
	uint64_t now = thread_ns();
	if (p->cur) {
		size_t i;
		if (slot_of(p, p->cur, &i))
			p->ns[i] += now - p->mark;
		else
			p->lost += now - p->mark;
	}
	p->mark = now;
}

void td_profile_attach(td_profile *p)
{
	prof = p;
	if (p) {
		p->cur = NULL;
		p->mark = thread_ns();
	}
}

td_profile *td_profile_current(void)
{
	return prof;
}

const char *td_profile_enter(const char *name)
{
	td_profile *p = prof;
	if (!p)
		return NULL;
	const char *prev = p->cur;
	/* a stage entered again inside itself (the annotator's pos stage
	 * calls the tagger, which names itself "pos" too) is one call, and
	 * no clock is read (a system call, about 1.5 us of CPU here) */
	if (prev && (prev == name || !strcmp(prev, name)))
		return prev;
	charge(p);
	size_t i;
	if (slot_of(p, name, &i))
		p->calls[i]++;
	p->cur = name;
	return prev;
}

void td_profile_leave(const char *prev)
{
	td_profile *p = prof;
	if (!p || prev == p->cur)
		return;
	charge(p);
	p->cur = prev;
}

void td_profile_add(td_profile *into, const td_profile *from)
{
	for (size_t k = 0; k < from->n; k++) {
		size_t i;
		if (slot_of(into, from->name[k], &i)) {
			into->ns[i] += from->ns[k];
			into->calls[i] += from->calls[k];
		} else {
			into->lost += from->ns[k];
		}
	}
	into->lost += from->lost;
}
