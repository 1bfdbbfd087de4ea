/* error.c: the per-thread last-error message and the warning hook.
 * Library code records what went wrong here and returns a code; it never
 * prints. Messages are bounded; a longer one is cut, never overflowed. */
#include "config.h"
#include "tagdex.h"
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char last_msg[1024];
static _Thread_local long last_offset = -1;
static td_warn_fn warn_fn;
static void *warn_ctx;

const char *td_error_last(void)
{
	return last_msg;
}

long td_error_offset(void)
{
	return last_offset;
}

void td_error_clear(void)
{
	last_msg[0] = '\0';
	last_offset = -1;
}

/* Records the message and the offset (-1: none) and returns code. Formats
 * through a copy: callers may pass td_error_last() itself as an argument
 * (td_error(code, "%s", td_error_last()) re-raises a message). */
__attribute__((format(printf, 3, 0))) static int record(
        int code, long offset, const char *fmt, va_list ap)
{
	char buf[sizeof last_msg];
	vsnprintf(buf, sizeof buf, fmt, ap);
	memcpy(last_msg, buf, sizeof last_msg);
	last_offset = offset;
	return code;
}

int td_error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	code = record(code, -1, fmt, ap);
	va_end(ap);
	return code;
}

int td_error_at(int code, long offset, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	code = record(code, offset, fmt, ap);
	va_end(ap);
	return code;
}

void td_set_warn(td_warn_fn fn, void *ctx)
{
	warn_fn = fn;
	warn_ctx = ctx;
}

void td_warn(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	if (!warn_fn)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	warn_fn(warn_ctx, buf);
}

const char *td_version(void)
{
	return PACKAGE_VERSION;
}
