/* durable.h: writing files so that a commit survives a crash (manifest.c):
 * whole writes, a directory's fsync, a temporary file renamed into place,
 * each with its fault step for the commit tests. */
#ifndef TAGDEX_DURABLE_H
#define TAGDEX_DURABLE_H

#include <stddef.h>
#include <stdint.h>

/* write(2) (off < 0) or pwrite(2) of all n bytes; a short write says so
 * instead of reporting a stale errno. step (or NULL) names the fault step
 * (td_fault_step) taken before the first system call. */
int td_write_full(int fd, const void *buf, size_t n, int64_t off,
        const char *path, const char *step);

/* fsyncs a directory so renames in it are durable. */
int td_fsync_dir(const char *dir);
/* Puts the written file tmp in place as path by rename(2), the fault step
 * step (td_fault_step) first. 0, or TD_EIO naming path, tmp then removed. */
int td_rename_tmp(const char *tmp, const char *path, const char *step);

#endif
