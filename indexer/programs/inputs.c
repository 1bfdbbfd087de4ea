/* inputs.c: the command line's paths into the input files of tagdex-ingest
 * (inputs.h): a file is taken as given, a directory is walked. Program
 * code, not the library's: which files a run reads is the program's to
 * decide; the library reads the one file it is handed (pipeline.h).
 */
#include "config.h"
#include "inputs.h"
#include "pipeline.h"
#include "vec.h"
#include "error.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define WALK_DEPTH 64 /* directory nesting bound (symlink loops) */

typedef struct strv {
	char **v;
	size_t n, cap;
} strv;

static int strv_push(strv *s, char *str)
{
	if (!str)
		return td_error(TD_ENOMEM, "out of memory");
	if (TD_VEC_RESERVE(s->v, s->n, s->cap, 16)) {
		free(str);
		return td_error(TD_ENOMEM, "out of memory");
	}
	s->v[s->n++] = str;
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the input files below dir, sorted by name at each level; hidden
 * entries (an index directory, editor files) and symbolic links are
 * skipped. */
static int walk(const char *dir, int depth, strv *out)
{
	if (depth > WALK_DEPTH)
		return td_error(
		        TD_EINPUT, "%s: directories nested too deep", dir);
	DIR *d = opendir(dir);
	if (!d)
		return td_error(TD_EIO, "%s: %s", dir, strerror(errno));
	strv names = {0};
	struct dirent *e;
	int rc = 0;
	while (!rc && (e = readdir(d)))
		if (e->d_name[0] != '.')
			rc = strv_push(&names, strdup(e->d_name));
	closedir(d);
	if (names.n > 1)
		qsort(names.v, names.n, sizeof *names.v, name_cmp);
	for (size_t i = 0; !rc && i < names.n; i++) {
		size_t l = strlen(dir) + strlen(names.v[i]) + 2;
		char *path = malloc(l);
		struct stat st;
		if (!path) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		snprintf(path, l, "%s%s%s", dir,
		        dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
		if (lstat(path, &st) != 0) {
			free(path);
			continue;
		}
		/* symbolic links met while walking are not followed: two links
		 * to "." made the walk visit 2^WALK_DEPTH paths, and a link in
		 * a scraped archive could pull a local file (/etc/passwd) into
		 * the TEI and the index. Paths given by the user are followed.
		 */
		if (S_ISLNK(st.st_mode)) {
			td_warn("%s: symbolic link not followed", path);
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			rc = walk(path, depth + 1, out);
			free(path);
		} else if (S_ISREG(st.st_mode) && td_pipeline_takes(path)) {
			rc = strv_push(out, path);
		} else {
			free(path);
		}
	}
	td_free_inputs(names.v, names.n);
	return rc;
}

int td_collect_inputs(char *const *paths, size_t n, char ***out, size_t *nout)
{
	strv v = {0};
	int rc = 0;
	for (size_t i = 0; !rc && i < n; i++) {
		struct stat st;
		if (stat(paths[i], &st) != 0)
			rc = td_error(
			        TD_EIO, "%s: %s", paths[i], strerror(errno));
		else if (S_ISDIR(st.st_mode))
			rc = walk(paths[i], 0, &v);
		else
			rc = strv_push(&v, strdup(paths[i]));
	}
	if (rc) {
		td_free_inputs(v.v, v.n);
		return rc;
	}
	*out = v.v;
	*nout = v.n;
	return 0;
}

void td_free_inputs(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
