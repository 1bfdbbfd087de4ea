/* exec_leaves.c: the executor's token conditions. A leaf is decided once
 * per segment over the lexicon (a literal's id, or one bit per matching
 * id), never over the text; a position is then tested by its id alone.
 */
#include "config.h"
#include "exec_int.h"
#include "ast.h"
#include "plan.h"
#include "index.h"
#include "tagdex.h"

int exec_leaf_prepare(ctx *c, size_t i)
{
	tq_leaf *l = &c->p->leaves[i];
	leafset *ls = &c->leaves[i];
	ls->layer = l->cond->layer;
	ls->lit = -1;
	if (l->literal) {
		ls->lit = td_seg_lex_find(c->s, ls->layer, l->cond->pattern,
		        strlen(l->cond->pattern));
		if (ls->lit < 0 && ls->lit != TD_ENOTFOUND)
			return (int)ls->lit; /* TD_ECORRUPT, TD_ENOMEM */
		if (ls->lit >= 0) {
			ls->freq = td_seg_lex_freq(
			        c->s, ls->layer, (uint32_t)ls->lit);
			return vpush(&ls->ids, (uint32_t)ls->lit);
		}
		return 0;
	}
	uint32_t n = td_seg_lex_size(c->s, ls->layer), id = 0;
	ls->bits = calloc((size_t)n / 8 + 1, 1);
	if (!ls->bits)
		return td_error(TD_ENOMEM, "out of memory");
	if (l->prefix) {
		/* the lexicon is sorted: its terms with the prefix are a run */
		uint32_t hi = n;
		while (id < hi) {
			uint32_t mid = id + (hi - id) / 2;
			size_t len = 0;
			const char *t =
			        td_seg_lex_term(c->s, ls->layer, mid, &len);
			if (!t)
				return td_seg_lex_term_err(c->s);
			int cmp = memcmp(t, l->prefix,
			        len < l->prefix_len ? len : l->prefix_len);
			if (cmp < 0 || (!cmp && len < l->prefix_len))
				id = mid + 1;
			else
				hi = mid;
		}
	}
	for (; id < n; id++) {
		size_t len = 0;
		const char *t = td_seg_lex_term(c->s, ls->layer, id, &len);
		if (!t)
			return td_seg_lex_term_err(c->s);
		if (l->prefix && (len < l->prefix_len ||
		                         memcmp(t, l->prefix, l->prefix_len)))
			break;
		int rc = tq_plan_match_term(c->p, (int)i, t, len);
		if (rc < 0)
			return rc;
		if (rc) {
			ls->bits[id >> 3] |= (uint8_t)(1u << (id & 7));
			ls->freq += td_seg_lex_freq(c->s, ls->layer, id);
			if ((rc = vpush(&ls->ids, id)) < 0)
				return rc;
		}
	}
	return 0;
}

int exec_leaf_at(ctx *c, int i, uint32_t pos)
{
	leafset *ls = &c->leaves[i];
	uint32_t id = td_seg_id_at(c->s, ls->layer, pos);
	if (id == UINT32_MAX)
		return 0; /* damage: td_seg_damaged() fails the segment */
	if (ls->bits)
		return (ls->bits[id >> 3] >> (id & 7)) & 1;
	return ls->lit >= 0 && id == (uint32_t)ls->lit;
}

int exec_leaf_scanned(ctx *c, int i)
{
	leafset *ls = &c->leaves[i];
	return !ls->bits && ls->lit >= 0 &&
	       td_seg_lex_scanned(c->s, ls->layer, (uint32_t)ls->lit);
}

int exec_cond_at(ctx *c, const tq_cond *k, uint32_t pos)
{
	switch (k->kind) {
	case TQC_ATTR:
		return exec_leaf_at(c, k->leaf, pos);
	case TQC_NOT:
		return !exec_cond_at(c, k->a, pos);
	case TQC_AND:
		return exec_cond_at(c, k->a, pos) && exec_cond_at(c, k->b, pos);
	default:
		return exec_cond_at(c, k->a, pos) || exec_cond_at(c, k->b, pos);
	}
}
