/* lexicons.c: lexicon files (TSV under the lexicon directory, errors
 * with FILE:LINE) and the lexicons that several annotation stages read, so
 * that no stage borrows another's: the speech verbs (quotes and speakers,
 * actors for "X said", labels for reported claims) and the titles before
 * names (actors and speakers). Loaded once by td_annotator_new, before
 * the stages' own lexicons.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "match.h"
#include "util.h"

int td_lex_load(const char *dir, const char *name, td_tsv **out)
{
	char path[4096];
	int n = snprintf(path, sizeof path, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof path)
		return td_error(TD_EUSAGE, "%s: lexicon path too long", dir);
	return td_tsv_load(path, out);
}

const char *td_lex_field(const td_tsv_row *r, size_t i)
{
	if (i >= r->n || !r->f[i][0] || strcmp(r->f[i], "-") == 0)
		return NULL;
	return r->f[i];
}

int td_lex_each(const char *dir, const char *name,
        int (*fn)(void *ctx, const td_lex_row *row), void *ctx)
{
	char path[4096];
	int n = snprintf(path, sizeof path, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof path)
		return td_error(TD_EUSAGE, "%s: lexicon path too long", dir);
	return td_tsv_each(path, fn, ctx);
}

/* speech_verbs.tsv: form, class (speech, according, view, conviction,
 * thought, tag), and whether the verb reports without a that-clause
 * (bare) or takes an object. */
static int speech_verb_row(void *ctx, const td_lex_row *row)
{
	td_annotator *a = ctx;
	const td_tsv_row *r = row->r;
	const char *form = td_lex_field(r, 0), *cls = td_lex_field(r, 1),
	           *bare = td_lex_field(r, 2);
	static const char *const classes[] = {[TD_SV_SPEECH] = "speech",
	        [TD_SV_ACCORDING] = "according",
	        [TD_SV_VIEW] = "view",
	        [TD_SV_CONVICTION] = "conviction",
	        [TD_SV_THOUGHT] = "thought",
	        [TD_SV_TAG] = "tag"};
	int type = -1;
	if (!form || !cls)
		return td_lex_error(row, "need form and class");
	for (int k = 0; k < (int)(sizeof classes / sizeof *classes); k++)
		if (strcmp(cls, classes[k]) == 0)
			type = k;
	if (type < 0)
		return td_lex_error(row,
		        "class '%s' is not speech, according, view, "
		        "conviction, thought or tag",
		        cls);
	int flags = 0;
	/* column 3: yes, no or object, or a comma-separated list of them
	 * and "verb" */
	for (const char *f = bare; f && *f;) {
		size_t n = strcspn(f, ",");
		if (n == 3 && !strncmp(f, "yes", 3))
			flags |= TD_SVF_BARE;
		else if (n == 6 && !strncmp(f, "object", 6))
			flags |= TD_SVF_OBJECT;
		else if (n == 4 && !strncmp(f, "verb", 4))
			flags |= TD_SVF_VERB;
		else if (!(n == 2 && !strncmp(f, "no", 2)))
			return td_lex_error(row,
			        "column 3 '%s' is not yes, no, object or verb "
			        "(or a list of them)",
			        bare);
		f += n + (f[n] == ',');
	}
	return td_patset_add(
	        &a->speech_pats, form, (int)row->index, type, flags);
}

static int load_speech_verbs(td_annotator *a, const char *dir)
{
	a->speech_pats.fold = 1;
	int rc = td_lex_each(dir, "speech_verbs.tsv", speech_verb_row, a);
	td_patset_sort(&a->speech_pats);
	return rc;
}

long td_speech_match(const td_actx *c, size_t i, size_t lim)
{
	long m = td_patset_match(&c->a->speech_pats, c, i, lim);
	if (m >= 0 && (c->a->speech_pats.v[m].flags & TD_SVF_VERB) &&
	        td_tok_is_lower(c, i) && td_tok_pos_is(c, i, "NN*"))
		return -1;
	return m;
}

/* titles.tsv: one title per row (Sen., Prime Minister ...). */
static int title_row(void *ctx, const td_lex_row *row)
{
	td_annotator *a = ctx;
	return td_patset_add(
	        &a->title_pats, row->r->f[0], (int)row->index, 0, 0);
}

static int load_titles(td_annotator *a, const char *dir)
{
	int rc = td_lex_each(dir, "titles.tsv", title_row, a);
	td_patset_sort(&a->title_pats);
	return rc;
}

int td_shared_load(td_annotator *a, const char *dir)
{
	int rc = load_speech_verbs(a, dir);
	return rc ? rc : load_titles(a, dir);
}

void td_shared_unload(td_annotator *a)
{
	td_patset_clear(&a->speech_pats);
	td_patset_clear(&a->title_pats);
}
