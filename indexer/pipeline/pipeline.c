/* pipeline.c: one input file to one document, whatever its format, and the
 * expansion of command-line paths into input files. The pipeline holds only
 * lexicons loaded once; it is read-only afterwards, so threads share it.
 * Format is chosen by file extension; anything not .xml/.html/.htm is text.
 */
#include "config.h"
#include "pipeline.h"
#include "structure.h"
#include "html_reader.h"
#include "tei.h"
#include "vec.h"
#include "util.h"
#include "error.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define WALK_DEPTH 64 /* directory nesting bound (symlink loops) */

int td_pipeline_new(const char *lexdir, int lenient, td_pipeline **out)
{
	int rc;
	td_pipeline *p = calloc(1, sizeof *p);
	if (!p)
		return td_error(TD_ENOMEM, "out of memory");
	p->lenient = lenient;
	if ((rc = td_structure_lex_load(lexdir, &p->structure)) ||
		(rc = td_annotator_new(lexdir, &p->annotator))) {
		td_pipeline_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

void td_pipeline_free(td_pipeline *p)
{
	if (!p)
		return;
	/* the word layers may share the annotator's model: freed first */
	td_words_free(p->words);
	td_words_free(p->layers);
	td_annotator_free(p->annotator);
	td_structure_lex_free(p->structure);
	free(p);
}

static const char *extension(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	const char *e = strrchr(b, '.');
	return e && e != b ? e + 1 : "";
}

/* "doc-" + the slug of the base name without its extension. */
static int doc_id(const char *path, char **out)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	const char *e = strrchr(b, '.');
	size_t n = e && e != b ? (size_t)(e - b) : strlen(b);
	char *stem = strndup(b, n), *slug = NULL;
	if (!stem)
		return td_error(TD_ENOMEM, "out of memory");
	int rc = td_slug(stem, &slug);
	free(stem);
	if (rc)
		return rc;
	size_t l = strlen(slug);
	char *id = malloc(l + 6);
	if (!id) {
		free(slug);
		return td_error(TD_ENOMEM, "out of memory");
	}
	snprintf(id, l + 6, "doc-%s", l ? slug : "x");
	free(slug);
	*out = id;
	return 0;
}

int td_pipeline_docs(const td_pipeline *p, const char *path,
	const char *data, size_t len, td_doc ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (strcasecmp(extension(path), "xml") != 0) {
		td_doc *d;
		int rc = td_pipeline_doc(p, path, data, len, &d);
		if (rc)
			return rc;
		if (!(*out = malloc(sizeof **out))) {
			td_doc_free(d);
			return td_error(TD_ENOMEM, "out of memory");
		}
		(*out)[0] = d;
		*n = 1;
		return 0;
	}
	td_doc **v;
	size_t k;
	int rc = td_tei_read_all(path, data, len, &v, &k);
	if (rc)
		return rc;
	int paths = p->meta_xpath[0] || p->meta_xpath[1] || p->meta_xpath[2];
	if (paths && k > 1)
		td_warn("%s: --meta is not applied to the %zu documents of a "
			"teiCorpus (their own and the corpus headers are used)",
			path, k);
	else if (paths && k == 1)
		rc = td_tei_meta_apply(path, data, len, p->meta_xpath, v[0]);
	for (size_t i = 0; i < k && !rc && p->layers; i++)
		rc = td_words_layers(p->layers, v[i]);
	if (rc) {
		for (size_t i = 0; i < k; i++)
			td_doc_free(v[i]);
		free(v);
		return rc;
	}
	*out = v;
	*n = k;
	return 0;
}

int td_pipeline_doc(const td_pipeline *p, const char *path, const char *data,
	size_t len, td_doc **out)
{
	const char *ext = extension(path);
	int rc;
	if (strcasecmp(ext, "xml") == 0) {
		if ((rc = td_tei_read(path, data, len, out)))
			return rc;
		if (p->layers && (rc = td_words_layers(p->layers, *out))) {
			td_doc_free(*out);
			*out = NULL;
			return rc;
		}
		if (!p->meta_xpath[0] && !p->meta_xpath[1] && !p->meta_xpath[2])
			return 0;
		if ((rc = td_tei_meta_apply(path, data, len, p->meta_xpath, *out))) {
			td_doc_free(*out);
			*out = NULL;
		}
		return rc;
	}
	td_blocks b;
	char *id = NULL;
	td_doc *d = NULL;
	if (strcasecmp(ext, "html") == 0 || strcasecmp(ext, "htm") == 0)
		rc = td_html_read(path, data, len, p->lenient, &b);
	else
		rc = td_text_read(path, data, len, p->lenient, &b);
	if (rc)
		return rc;
	if (!(rc = doc_id(path, &id)))
		rc = td_structure_build(&b, p->structure, id, &d);
	free(id);
	td_blocks_clear(&b);
	if (!rc && p->annotator)
		rc = td_annotate(p->annotator, d);
	if (!rc && p->words)
		rc = td_words_add(p->words, d);
	if (!rc && p->layers)
		rc = td_words_layers(p->layers, d);
	if (rc) {
		td_doc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

/* ------------------------------------------------------------- inputs */

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

static int taken(const char *name)
{
	const char *e = extension(name);
	return strcasecmp(e, "txt") == 0 || strcasecmp(e, "xml") == 0 ||
		strcasecmp(e, "html") == 0 || strcasecmp(e, "htm") == 0;
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
		return td_error(TD_EINPUT, "%s: directories nested too deep", dir);
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
		 * the TEI and the index. Paths given by the user are followed. */
		if (S_ISLNK(st.st_mode)) {
			td_warn("%s: symbolic link not followed", path);
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			rc = walk(path, depth + 1, out);
			free(path);
		} else if (S_ISREG(st.st_mode) && taken(path)) {
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
			rc = td_error(TD_EIO, "%s: %s", paths[i], strerror(errno));
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
