/* match_fixture.c: the hand-made matching context of match_fixture.h,
 * shared by test_actors.c and test_match.c. Test code: a failed step is
 * a failed assertion, not an error returned.
 */
#include "match_fixture.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "match.h"

void fxm_ctx(td_actx *c, td_doc *d, char *text, int hashed)
{
	memset(d, 0, sizeof *d);
	d->text = text;
	d->len = strlen(text);
	memset(c, 0, sizeof *c);
	c->doc = d;
	assert_int_equal(td_tokenize(text, d->len, 0, &c->tok), 0);
	for (int f = 0; hashed && f < 2; f++) {
		c->tok_hash[f] = calloc(c->tok.n + 1, sizeof *c->tok_hash[f]);
		assert_non_null(c->tok_hash[f]);
		for (size_t i = 0; i < c->tok.n; i++)
			c->tok_hash[f][i] = td_word_hash(
			        td_tok_str(c, i), td_tok_len(c, i), f);
	}
}

void fxm_classify(td_actx *c, const td_annotator *a)
{
	for (int f = 0; f < 2; f++) {
		free(c->tok_hash[f]);
		free(c->tok_ent[f]);
		c->tok_hash[f] = malloc(c->tok.n * sizeof *c->tok_hash[f]);
		c->tok_ent[f] = malloc(c->tok.n * sizeof *c->tok_ent[f]);
		assert_non_null(c->tok_hash[f]);
		assert_non_null(c->tok_ent[f]);
	}
	c->a = a;
	td_tok_classify(a, c->doc->text, c->tok.v, c->tok.n, c->tok_hash,
	        c->tok_ent, NULL);
}

void fxm_ctx_clear(td_actx *c)
{
	for (int f = 0; f < 2; f++) {
		free(c->tok_hash[f]);
		free(c->tok_ent[f]);
		c->tok_hash[f] = NULL;
		c->tok_ent[f] = NULL;
	}
	td_tokens_clear(&c->tok);
}

void fxm_patset(td_patset *ps, const char *const *pats, int fold)
{
	memset(ps, 0, sizeof *ps);
	ps->fold = fold;
	for (int k = 0; pats[k]; k++)
		assert_int_equal(td_patset_add(ps, pats[k], k, 0, 0), 0);
	td_patset_sort(ps);
}
