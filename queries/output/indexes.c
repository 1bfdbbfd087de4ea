/* indexes.c: the list of indexes behind -x (repeatable) and -X FILE of
 * tagdex-query and tagdex-serve. Several are searched as one index
 * (td_index_open_many in indexer/index/index.c): the segments of each in
 * turn, a source held by two of them refused. */
#include "config.h"
#include "indexes.h"
#include "ast.h"
#include "util.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* where: "FILE:LINE" of a -X entry, or NULL */
static int push(tq_indexes *l, const char *dir, size_t len, const char *where)
{
	if (TD_VEC_RESERVE(l->dirs, l->n, l->cap, 4) ||
	        TD_VEC_RESERVE(l->where, l->n, l->cap_where, 4))
		return td_error(TD_ENOMEM, "out of memory");
	char *d = tq_dupn(dir, len), *wh = where ? strdup(where) : NULL;
	if (!d || (where && !wh)) {
		free(d);
		free(wh);
		return td_error(TD_ENOMEM, "out of memory");
	}
	l->where[l->n] = wh;
	l->dirs[l->n++] = d;
	return 0;
}

static void clear(tq_indexes *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->dirs[i]);
		free(l->where[i]);
	}
	l->n = 0;
}

void tq_indexes_init(tq_indexes *l, const char *env)
{
	memset(l, 0, sizeof *l);
	const char *d = env && *env ? env : TD_DEFAULT_INDEX;
	if (push(l, d, strlen(d), NULL))
		l->n = 0; /* tq_indexes_open reports the missing index */
}

void tq_indexes_clear(tq_indexes *l)
{
	clear(l);
	free(l->dirs);
	free(l->where);
	memset(l, 0, sizeof *l);
}

int tq_indexes_add(tq_indexes *l, const char *dir)
{
	if (!l->given)
		clear(l);
	l->given = 1;
	return push(l, dir, strlen(dir), NULL);
}

struct list_ctx {
	tq_indexes *l;
	const char *path;
};

static int push_entry(void *arg, const char *dir, size_t len, size_t line)
{
	struct list_ctx *c = arg;
	char where[4200];
	snprintf(where, sizeof where, "%s:%zu", c->path, line);
	return push(c->l, dir, len, where);
}

int tq_indexes_add_file(tq_indexes *l, const char *path)
{
	size_t found;
	struct list_ctx c = {l, path};
	if (!l->given)
		clear(l);
	l->given = 1;
	int rc = td_read_list(path, push_entry, &c, &found);
	if (!rc && !found)
		rc = td_error(TD_EUSAGE, "%s: names no index directory", path);
	return rc;
}

int tq_indexes_open(const tq_indexes *l, td_index **out)
{
	*out = NULL;
	if (!l->n)
		return td_error(TD_ENOMEM, "out of memory");
	return td_index_open_many_at((const char *const *)l->dirs,
	        (const char *const *)l->where, l->n, out);
}

const char *tq_indexes_name(const tq_indexes *l, char *buf, size_t n)
{
	if (l->n == 1)
		return l->dirs[0];
	snprintf(buf, n, "%zu indexes", l->n);
	return buf;
}
