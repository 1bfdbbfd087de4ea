/* manifest.h: the committed state of an index (MANIFEST: its generation,
 * segments and deleted documents), read and committed atomically, and the
 * writer lock (manifest.c). */
#ifndef TAGDEX_MANIFEST_H
#define TAGDEX_MANIFEST_H

#include <stddef.h>
#include <stdint.h>

typedef struct td_mseg {
	char *name; /* "seg-000001.tdx" */
	uint32_t ndocs;
	uint64_t size; /* identity of the file committed under that name: */
	uint32_t crc;  /* its size and header checksum */
	uint32_t *del; /* ascending deleted doc numbers */
	uint32_t ndel;
	size_t cap_del;
} td_mseg;

typedef struct td_manifest {
	uint64_t generation;
	uint64_t next_seg; /* number of the next segment file */
	td_mseg *segs;
	size_t nsegs, cap_segs; /* TD_VEC_RESERVE's */
} td_manifest;

/* 0 if dir/MANIFEST is there (readable or not: that is td_manifest_read's
 * to say), else TD_ENOTFOUND with "DIR: no index here (no MANIFEST)": the
 * one test of whether dir is an index at all, and its one message. */
int td_manifest_require(const char *dir);
/* Reads dir/MANIFEST. TD_ENOTFOUND if missing (td_manifest_require's
 * message), TD_EVERSION, TD_ECORRUPT. */
int td_manifest_read(const char *dir, td_manifest *m);
/* Commits m atomically: MANIFEST.tmp, fsync, rename, fsync dir. *renamed
 * (may be NULL) says whether the new manifest was put in place: if so and
 * an error is returned, the commit is visible but its durability is not
 * known (the message says so). */
int td_manifest_write(const char *dir, const td_manifest *m, int *renamed);
void td_manifest_clear(td_manifest *m);
int td_mseg_delete(td_mseg *ms, uint32_t d);

/* The writer lock: flock on the directory itself (and on dir/LOCK, which
 * names the pid); fd receives both descriptors. */
int td_lock_take(const char *dir, int fd[2]);
void td_lock_release(int fd[2]);

#endif
