/* error.h: recording what went wrong, for the library's own files and the
 * programs that report the same way: td_error() keeps a message for
 * td_error_last() and returns the code, td_warn() hands a warning to the
 * callback the program installed (td_set_warn). What a caller reads back,
 * and the codes, are the contract in tagdex.h; recording is not.
 * Internal to tagdex (error.c). */
#ifndef TAGDEX_ERROR_H
#define TAGDEX_ERROR_H

#include "tagdex.h"

/* Records a message for td_error_last() and returns code, so that callers
 * can write `return td_error(TD_EINPUT, "%s:%d: ...", file, line);`. */
int td_error(int code, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Like td_error() but also records a query offset for td_error_offset(). */
int td_error_at(int code, long offset, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Forgets the last message (td_error_last() gives "" again): after a
 * failure the caller handled itself. */
void td_error_clear(void);

/* A recoverable oddity in input, for the callback of td_set_warn(). */
void td_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
