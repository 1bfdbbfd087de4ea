/* dump_file.c: the one file a process-wide debugging dump writes to
 * (TAGDEX_CLAIM_DUMP of claim_model.c, TAGDEX_WHO_DUMP of who_dump.c):
 * opened once (created or truncated), written a document's block at a
 * time under its lock so that the -j workers' documents never
 * interleave, and closed with the first failed write reported, naming
 * the variable and the file. The dumps decide nothing.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "error.h"

int td_dump_file_close(td_dump_file *d)
{
	if (!d->f)
		return 0;
	int e = d->err;
	if (fclose(d->f) && !e)
		e = errno ? errno : EIO;
	d->f = NULL;
	int rc = e ? td_error(TD_EIO, "%s %s: %s", d->var, d->name, strerror(e))
	           : 0;
	free(d->name);
	d->name = NULL;
	return rc;
}

int td_dump_file_open(td_dump_file *d, const char *path)
{
	int rc = td_dump_file_close(d);
	if (rc || !path || !*path)
		return rc;
	d->name = strdup(path);
	if (!d->name)
		return td_error(TD_ENOMEM, "out of memory");
	d->f = fopen(path, "w");
	if (!d->f) {
		int e = errno;
		rc = td_error(TD_EIO, "%s %s: %s", d->var, path, strerror(e));
		free(d->name);
		d->name = NULL;
		return rc;
	}
	d->err = 0;
	return 0;
}

void td_dump_file_write(td_dump_file *d, const char *buf, size_t len)
{
	if (!len)
		return;
	pthread_mutex_lock(&d->mu);
	if (d->f && !d->err &&
	        (fwrite(buf, 1, len, d->f) != len || fflush(d->f)))
		d->err = errno ? errno : EIO;
	pthread_mutex_unlock(&d->mu);
}
