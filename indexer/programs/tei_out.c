/* tei_out.c: the TEI files of tagdex-ingest -o (tei_out.h): one name per
 * input, a teiCorpus's documents by their ids, each written whole under a
 * temporary name and renamed, so that a reader (or an interrupted run)
 * never leaves half a file behind. */
#include "config.h"
#include "tei_out.h"
#include "tei.h"
#include "error.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#ifdef __GLIBC__
#include <stdio_ext.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The process's umask, read once: reading it means setting it (to 0 for
 * an instant), so it is read by tei_out_path(), which the program calls
 * on its main thread before any worker runs: a file another thread
 * created in that instant would have ignored the umask. */
static mode_t the_umask;
static pthread_once_t umask_once = PTHREAD_ONCE_INIT;

static void read_umask(void)
{
	the_umask = umask(0);
	umask(the_umask);
}

char *tei_out_path(const char *dir, const char *in)
{
	pthread_once(&umask_once, read_umask);
	const char *b = strrchr(in, '/');
	b = b ? b + 1 : in;
	const char *e = strrchr(b, '.');
	int n = e && e != b ? (int)(e - b) : (int)strlen(b);
	size_t l = strlen(dir) + (size_t)n + 8;
	char *p = malloc(l);
	if (p)
		snprintf(p, l, "%s/%.*s.xml", dir, n, b);
	return p;
}

int tei_out_write(const td_doc *doc, const char *path)
{
	size_t l = strlen(path) + 16;
	char *tmp = malloc(l);
	int rc;
	if (!tmp)
		return td_error(TD_ENOMEM, "out of memory");
	snprintf(tmp, l, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		rc = td_error(TD_EIO, "%s: %s", tmp, strerror(errno));
		free(tmp);
		return rc;
	}
	pthread_once(&umask_once, read_umask);
	FILE *f = NULL;
	if (fchmod(fd, 0666 & ~the_umask) != 0 || !(f = fdopen(fd, "wb"))) {
		rc = td_error(TD_EIO, "%s: %s", tmp, strerror(errno));
		close(fd);
	} else {
#ifdef __GLIBC__
		/* f is this thread's alone: with -j threads glibc would take
		 * its lock in each of the writer's thousands of calls */
		__fsetlocking(f, FSETLOCKING_BYCALLER);
#endif
		rc = td_tei_write(doc, f);
		if (fclose(f) != 0 && !rc)
			rc = td_error(TD_EIO, "%s: %s", tmp, strerror(errno));
	}
	if (!rc && rename(tmp, path) != 0)
		rc = td_error(TD_EIO, "%s: %s", path, strerror(errno));
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}

int tei_out_docs(td_doc *const *docs, size_t n, const char *dir, const char *op)
{
	int rc = 0;
	if (n == 1)
		return tei_out_write(docs[0], op);
	for (size_t i = 0; i < n && !rc; i++) {
		size_t l = strlen(dir) + strlen(docs[i]->id) + 8;
		char *dp = malloc(l);
		if (!dp)
			return td_error(TD_ENOMEM, "out of memory");
		snprintf(dp, l, "%s/%s.xml", dir, docs[i]->id);
		rc = tei_out_write(docs[i], dp);
		free(dp);
	}
	return rc;
}
