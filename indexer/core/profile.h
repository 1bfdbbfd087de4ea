/* profile.h: CPU time by stage (tagdex-ingest --profile). A thread that
 * attaches a td_profile has the thread CPU time (CLOCK_THREAD_CPUTIME_ID)
 * between stage switches charged to the stage it is in: a stage entered
 * inside another is charged alone (the outer one pauses), so the stages
 * of a profile never count a nanosecond twice and sum to no more than the
 * thread's CPU time. A thread with none attached pays one test of a
 * thread-local pointer per switch. Internal to tagdex (not installed);
 * the library never prints it: the program does. */
#ifndef TAGDEX_PROFILE_H
#define TAGDEX_PROFILE_H

#include <stddef.h>
#include <stdint.h>

enum { TD_PROFILE_MAX = 32 }; /* stages a profile tells apart */

typedef struct td_profile {
	const char *name[TD_PROFILE_MAX]; /* static strings, first seen first */
	uint64_t ns[TD_PROFILE_MAX];      /* CPU time charged to each */
	uint64_t calls[TD_PROFILE_MAX];   /* times each was entered */
	size_t n;
	const char *cur; /* the stage running (NULL: none, not charged) */
	uint64_t mark;   /* the thread's CPU time at the last switch */
	uint64_t lost;   /* time of stages past TD_PROFILE_MAX (none today) */
} td_profile;

/* The calling thread charges its stages to p from now on (NULL: to none).
 * p is the caller's and must outlive the attachment. */
void td_profile_attach(td_profile *p);

/* The profile the calling thread charges to (NULL: none attached): a
 * thread that starts another for part of its work gives the new one a
 * profile of its own and adds it to this one (td_profile_add) when it
 * joins it. */
td_profile *td_profile_current(void);

/* Enters stage name (a string that outlives the profile, e.g. a literal)
 * and returns the stage it interrupts, for td_profile_leave: charges the
 * time since the last switch to the stage running until now. */
const char *td_profile_enter(const char *name);
/* Leaves the stage entered last: its time is charged, and prev (what
 * td_profile_enter returned) runs again. */
void td_profile_leave(const char *prev);

/* Adds the times and calls of from to into, stage by stage (stages new to
 * into are appended in from's order). */
void td_profile_add(td_profile *into, const td_profile *from);

#endif
