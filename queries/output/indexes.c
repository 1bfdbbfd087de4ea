/* indexes.c: the list of indexes behind -x (repeatable) and -X FILE of
 * tagdex-query and tagdex-serve. Several are searched as one index
 * (td_index_open_many in indexer/index/index.c): the segments of each in
 * turn, a source held by two of them refused. */
#include "config.h"
#include "indexes.h"
#include "query.h"
#include "util.h"
#include "vec.h"
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int push(tq_indexes *l, const char *dir, size_t len)
{
	if (TD_VEC_RESERVE(l->dirs, l->n, l->cap, 4))
		return td_error(TD_ENOMEM, "out of memory");
	char *d = tq_dupn(dir, len);
	if (!d)
		return td_error(TD_ENOMEM, "out of memory");
	l->dirs[l->n++] = d;
	return 0;
}

static void clear(tq_indexes *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->dirs[i]);
	l->n = 0;
}

void tq_indexes_init(tq_indexes *l, const char *env)
{
	memset(l, 0, sizeof *l);
	const char *d = env && *env ? env : TD_DEFAULT_INDEX;
	if (push(l, d, strlen(d)))
		l->n = 0; /* tq_indexes_open reports the missing index */
}

void tq_indexes_free(tq_indexes *l)
{
	clear(l);
	free(l->dirs);
	memset(l, 0, sizeof *l);
}

int tq_indexes_add(tq_indexes *l, const char *dir)
{
	if (!l->given)
		clear(l);
	l->given = 1;
	return push(l, dir, strlen(dir));
}

static int push_entry(void *l, const char *dir, size_t len)
{
	return push(l, dir, len);
}

int tq_indexes_add_file(tq_indexes *l, const char *path)
{
	size_t found;
	if (!l->given)
		clear(l);
	l->given = 1;
	int rc = td_read_list(path, push_entry, l, &found);
	if (!rc && !found)
		rc = td_error(TD_EUSAGE, "%s: names no index directory", path);
	return rc;
}

int tq_indexes_open(const tq_indexes *l, td_index **out)
{
	*out = NULL;
	if (!l->n)
		return td_error(TD_ENOMEM, "out of memory");
	if (l->n == 1) {
		int rc = td_index_open(l->dirs[0], out);
		if (rc) {
			char msg[1024];
			snprintf(msg, sizeof msg, "%s", td_error_last());
			td_error(rc, "%s: %s", l->dirs[0], msg);
		}
		return rc;
	}
	return td_index_open_many((const char *const *)l->dirs, l->n, out);
}

const char *tq_indexes_name(const tq_indexes *l, char *buf, size_t n)
{
	if (l->n == 1)
		return l->dirs[0];
	snprintf(buf, n, "%zu indexes", l->n);
	return buf;
}
