/* pipeline.c: one input file to one document, whatever its format. The
 * pipeline holds only lexicons loaded once; it is read-only afterwards, so
 * threads share it. Format is chosen by file extension; anything not
 * .xml/.html/.htm is text. Which paths a program hands it (walking
 * directories) is the program's: indexer/programs/inputs.c.
 */
#include "config.h"
#include "pipeline.h"
#include "structure.h"
#include "html_reader.h"
#include "tei.h"
#include "util.h"
#include "error.h"
#include "profile.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

int td_pipeline_docs(const td_pipeline *p, const char *path, const char *data,
        size_t len, td_doc ***out, size_t *n)
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
	const char *st = td_profile_enter("read");
	int rc = td_tei_read_all(path, data, len, &v, &k);
	td_profile_leave(st);
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
	const char *st;
	if (strcasecmp(ext, "xml") == 0) {
		st = td_profile_enter("read");
		rc = td_tei_read(path, data, len, out);
		td_profile_leave(st);
		if (rc)
			return rc;
		if (p->layers && (rc = td_words_layers(p->layers, *out))) {
			td_doc_free(*out);
			*out = NULL;
			return rc;
		}
		if (!p->meta_xpath[0] && !p->meta_xpath[1] && !p->meta_xpath[2])
			return 0;
		if ((rc = td_tei_meta_apply(
		             path, data, len, p->meta_xpath, *out))) {
			td_doc_free(*out);
			*out = NULL;
		}
		return rc;
	}
	td_blocks b;
	char *id = NULL;
	td_doc *d = NULL;
	/* --profile's stages (profile.h); the annotator and the word layers
	 * name their own */
	st = td_profile_enter("read");
	if (strcasecmp(ext, "html") == 0 || strcasecmp(ext, "htm") == 0)
		rc = td_html_read(path, data, len, p->lenient, &b);
	else
		rc = td_text_read(path, data, len, p->lenient, &b);
	td_profile_leave(st);
	if (rc)
		return rc;
	st = td_profile_enter("structure");
	if (!(rc = doc_id(path, &id)))
		rc = td_structure_build(&b, p->structure, id, &d);
	free(id);
	td_blocks_clear(&b);
	td_profile_leave(st);
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

int td_pipeline_hashes_input(const char *path)
{
	return td_pipeline_takes(path) && strcasecmp(extension(path), "xml");
}

int td_pipeline_takes(const char *path)
{
	const char *e = extension(path);
	return strcasecmp(e, "txt") == 0 || strcasecmp(e, "xml") == 0 ||
	       strcasecmp(e, "html") == 0 || strcasecmp(e, "htm") == 0;
}
