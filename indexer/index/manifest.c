/* manifest.c: the committed state of an index directory and its writer
 * lock. MANIFEST is a small text file
 * (see docs/index-format.md) ending in its own CRC32C; it is replaced only
 * by rename(2) of a fsync'd MANIFEST.tmp, so a reader sees the old or the
 * new state whole, never a mixture. */
#include "config.h"
#include "checksum.h"
#include "durable.h"
#include "fault.h"
#include "manifest.h"
#include "util.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int td_write_full(int fd, const void *buf, size_t n, int64_t off,
        const char *path, const char *step)
{
	const char *p = buf;
	size_t done = 0;
	while (done < n) {
		ssize_t w = step && td_fault_step(step) ? -1
		            : off < 0 ? write(fd, p + done, n - done)
		                      : pwrite(fd, p + done, n - done,
		                                (off_t)(off + (int64_t)done));
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return td_error(
			        TD_EIO, "%s: write: %s", path, strerror(errno));
		if (w == 0)
			return td_error(TD_EIO,
			        "%s: short write (%zu of %zu bytes "
			        "written; is the disk full?)",
			        path, done, n);
		done += (size_t)w;
	}
	return 0;
}

void td_manifest_clear(td_manifest *m)
{
	for (size_t i = 0; i < m->nsegs; i++) {
		free(m->segs[i].name);
		free(m->segs[i].del);
	}
	free(m->segs);
	memset(m, 0, sizeof *m);
}

int td_mseg_delete(td_mseg *ms, uint32_t d)
{
	size_t i = ms->ndel;
	while (i > 0 && ms->del[i - 1] > d)
		i--;
	if (i > 0 && ms->del[i - 1] == d)
		return 0;
	if (TD_VEC_RESERVE(ms->del, ms->ndel, ms->cap_del, 16))
		return td_error(TD_ENOMEM, "out of memory");
	memmove(ms->del + i + 1, ms->del + i, (ms->ndel - i) * sizeof *ms->del);
	ms->del[i] = d;
	ms->ndel++;
	return 0;
}

static int valid_segname(const char *s)
{
	size_t n = strlen(s);
	if (n < 9 || strncmp(s, "seg-", 4) || strcmp(s + n - 4, ".tdx"))
		return 0;
	for (size_t i = 4; i < n - 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int td_manifest_require(const char *dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/MANIFEST", dir);
	if (access(path, F_OK) && errno == ENOENT)
		return td_error(
		        TD_ENOTFOUND, "%s: no index here (no MANIFEST)", dir);
	return 0;
}

int td_manifest_read(const char *dir, td_manifest *m)
{
	char path[4096];
	char *data = NULL;
	size_t len;
	int rc;
	memset(m, 0, sizeof *m);
	if ((rc = td_manifest_require(dir)))
		return rc;
	snprintf(path, sizeof path, "%s/MANIFEST", dir);
	if ((rc = td_read_file(path, &data, &len)))
		return rc;
	int ver = 0;
	if (sscanf(data, "tagdex-index %d\n", &ver) != 1) {
		rc = td_error(TD_ECORRUPT, "%s: not a tagdex manifest", path);
		goto out;
	}
	if (ver != TD_INDEX_FORMAT) {
		rc = td_error(TD_EVERSION,
		        "%s: index format %d, this tagdex "
		        "reads format %d; index the sources again into a new "
		        "index directory (tagdex-ingest -x NEW_DIR FILE...)",
		        dir, ver, TD_INDEX_FORMAT);
		goto out;
	}
	/* the last line is "end CRC" over everything before it */
	char *end = NULL;
	for (char *p = data; (p = strstr(p, "\nend ")); p++)
		end = p + 1;
	unsigned crc;
	if (!end || sscanf(end, "end %8x\n", &crc) != 1 ||
	        td_crc32c(0, data, (size_t)(end - data)) != crc) {
		rc = td_error(
		        TD_ECORRUPT, "%s: manifest checksum mismatch", path);
		goto out;
	}
	*end = '\0';
	char *save = NULL;
	for (char *l = strtok_r(data, "\n", &save); l;
	        l = strtok_r(NULL, "\n", &save)) {
		char name[256];
		unsigned long long a, sz;
		unsigned nd, scrc;
		if (!strncmp(l, "tagdex-index ", 13))
			continue;
		if (sscanf(l, "generation %llu", &a) == 1) {
			m->generation = a;
		} else if (sscanf(l, "next-seg %llu", &a) == 1) {
			m->next_seg = a;
		} else if (sscanf(l, "seg %255s %u %llu %8x", name, &nd, &sz,
		                   &scrc) == 4 &&
		           valid_segname(name)) {
			if (TD_VEC_RESERVE(m->segs, m->nsegs, m->cap_segs, 8)) {
				rc = td_error(TD_ENOMEM, "out of memory");
				goto out;
			}
			td_mseg *v = m->segs;
			memset(&v[m->nsegs], 0, sizeof *v);
			v[m->nsegs].ndocs = nd;
			v[m->nsegs].size = sz;
			v[m->nsegs].crc = scrc;
			if (!(v[m->nsegs].name = strdup(name))) {
				rc = td_error(TD_ENOMEM, "out of memory");
				goto out;
			}
			m->nsegs++;
		} else if (!strncmp(l, "del ", 4) && m->nsegs) {
			td_mseg *ms = &m->segs[m->nsegs - 1];
			char *p = l + 4, *e;
			while (*p) {
				errno = 0;
				unsigned long d = strtoul(p, &e, 10);
				if (e == p || errno || d >= ms->ndocs) {
					rc = td_error(TD_ECORRUPT,
					        "%s: bad line: %s", path, l);
					goto out;
				}
				if ((rc = td_mseg_delete(ms, (uint32_t)d)))
					goto out;
				p = e + strspn(e, " ");
			}
		} else {
			rc = td_error(
			        TD_ECORRUPT, "%s: bad line: %.60s", path, l);
			goto out;
		}
	}
	/* every writer numbers a segment past all before it: a segment named
	 * twice would count its documents twice, and a next-seg not past one
	 * would make the next commit write over it */
	for (size_t i = 0; i < m->nsegs; i++) {
		unsigned long long no = strtoull(m->segs[i].name + 4, NULL, 10);
		if (no >= m->next_seg) {
			rc = td_error(TD_ECORRUPT,
			        "%s: next-seg %llu is not past "
			        "segment %s",
			        path, (unsigned long long)m->next_seg,
			        m->segs[i].name);
			goto out;
		}
		for (size_t j = 0; j < i; j++)
			if (strtoull(m->segs[j].name + 4, NULL, 10) == no) {
				rc = td_error(TD_ECORRUPT,
				        "%s: segment %s is "
				        "named twice",
				        path, m->segs[i].name);
				goto out;
			}
	}
out:
	free(data);
	if (rc)
		td_manifest_clear(m);
	return rc;
}

int td_fsync_dir(const char *dir)
{
	int fd = td_fault_step("directory open")
	                 ? -1
	                 : open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return td_error(TD_EIO, "%s: %s", dir, strerror(errno));
	int rc = td_fault_step("directory fsync") || fsync(fd)
	                 ? td_error(TD_EIO, "%s: fsync: %s", dir,
	                           strerror(errno))
	                 : 0;
	close(fd);
	return rc;
}

int td_rename_tmp(const char *tmp, const char *path, const char *step)
{
	if (td_fault_step(step) || rename(tmp, path)) {
		int rc = td_error(TD_EIO, "%s: %s", path, strerror(errno));
		unlink(tmp);
		return rc;
	}
	return 0;
}

int td_manifest_write(const char *dir, const td_manifest *m, int *renamed)
{
	char *buf = NULL;
	size_t len = 0;
	char tmp[4096], path[4096];
	int rc = 0;
	if (renamed) /* before any failure: the caller cleans up by it */
		*renamed = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return td_error(TD_ENOMEM, "out of memory");
	fprintf(f,
	        "tagdex-index %d\ngeneration %" PRIu64 "\nnext-seg %" PRIu64
	        "\n",
	        TD_INDEX_FORMAT, m->generation, m->next_seg);
	for (size_t i = 0; i < m->nsegs; i++) {
		fprintf(f, "seg %s %u %" PRIu64 " %08x\n", m->segs[i].name,
		        m->segs[i].ndocs, m->segs[i].size, m->segs[i].crc);
		if (m->segs[i].ndel) {
			fputs("del", f);
			for (uint32_t j = 0; j < m->segs[i].ndel; j++)
				fprintf(f, " %u", m->segs[i].del[j]);
			fputc('\n', f);
		}
	}
	if (fclose(f) || !buf) {
		free(buf);
		return td_error(TD_ENOMEM, "out of memory");
	}
	char endl[32];
	snprintf(endl, sizeof endl, "end %08x\n", td_crc32c(0, buf, len));
	snprintf(tmp, sizeof tmp, "%s/MANIFEST.tmp", dir);
	snprintf(path, sizeof path, "%s/MANIFEST", dir);
	int fd = td_fault_step("manifest open")
	                 ? -1
	                 : open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	                           0644);
	if (fd < 0) {
		free(buf);
		return td_error(TD_EIO, "%s: %s", tmp, strerror(errno));
	}
	rc = td_write_full(fd, buf, len, -1, tmp, "manifest write");
	if (!rc)
		rc = td_write_full(fd, endl, strlen(endl), -1, tmp, NULL);
	free(buf);
	if (!rc && (td_fault_step("manifest fsync") || fsync(fd)))
		rc = td_error(TD_EIO, "%s: fsync: %s", tmp, strerror(errno));
	if ((td_fault_step("manifest close") | close(fd)) && !rc)
		rc = td_error(TD_EIO, "%s: close: %s", tmp, strerror(errno));
	if (rc) {
		unlink(tmp);
		return rc;
	}
	if ((rc = td_rename_tmp(tmp, path, "manifest rename")))
		return rc;
	if (renamed)
		*renamed = 1;
	/* the new manifest is in place: readers see the commit, but whether
	 * it survives a power loss is not known if the directory fsync fails */
	if ((rc = td_fsync_dir(dir)))
		return td_error(TD_EIO,
		        "%s; the commit is visible but may not "
		        "survive a power loss (outcome uncertain: run "
		        "tagdex-ingest "
		        "--check after a crash)",
		        td_error_last());
	return 0;
}

/* The pid a LOCK file names, for the message. */
static void lock_pid(const char *path, char *pid, size_t n)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t k = fd < 0 ? -1 : pread(fd, pid, n - 1, 0);
	pid[k > 0 ? k : 0] = '\0';
	pid[strcspn(pid, "\n")] = '\0';
	if (fd >= 0)
		close(fd);
}

/* The lock is on the directory itself, which cannot be deleted from under
 * a writer (deleting LOCK once let a second writer in); LOCK is also
 * locked, for tools that look there, and names the writer's pid. */
int td_lock_take(const char *dir, int out[2])
{
	char path[4096];
	snprintf(path, sizeof path, "%s/LOCK", dir);
	out[0] = out[1] = -1;
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return td_error(TD_EIO, "%s: %s", dir, strerror(errno));
	if (flock(dfd, LOCK_EX | LOCK_NB)) {
		int e = errno;
		char pid[32];
		close(dfd);
		if (e != EWOULDBLOCK)
			return td_error(
			        TD_EIO, "%s: lock: %s", dir, strerror(e));
		lock_pid(path, pid, sizeof pid);
		return td_error(TD_ELOCKED,
		        "%s: index is locked by another "
		        "writer (pid %s)",
		        dir, *pid ? pid : "unknown");
	}
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0) {
		close(dfd);
		return td_error(TD_EIO, "%s: %s", path, strerror(errno));
	}
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		int e = errno;
		close(dfd);
		char pid[32] = "";
		ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
		pid[n > 0 ? n : 0] = '\0';
		pid[strcspn(pid, "\n")] = '\0';
		close(fd);
		if (e == EWOULDBLOCK)
			return td_error(TD_ELOCKED,
			        "%s: index is locked by another "
			        "writer (pid %s)",
			        dir, *pid ? pid : "unknown");
		return td_error(TD_EIO, "%s: %s", path, strerror(e));
	}
	char pid[32];
	int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) || pwrite(fd, pid, (size_t)n, 0) != n) {
		/* the pid is only for the message; the lock is what counts */
	}
	out[0] = dfd;
	out[1] = fd;
	return 0;
}

void td_lock_release(int fd[2])
{
	if (fd[1] >= 0) {
		if (ftruncate(fd[1], 0)) {
			/* nothing to do: a stale pid only affects a message */
		}
		flock(fd[1], LOCK_UN);
		close(fd[1]);
	}
	if (fd[0] >= 0) {
		flock(fd[0], LOCK_UN);
		close(fd[0]);
	}
	fd[0] = fd[1] = -1;
}
