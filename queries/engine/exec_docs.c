/* exec_docs.c: the executor's documents: the filter (liveness, id, genre,
 * dates) and entering a document, with the parts of it that are not the
 * article (pull quotes, layout debris: article.c).
 */
#include "config.h"
#include "exec_int.h"
#include "article.h"
#include "filter.h"
#include "subcorpus.h"
#include "index.h"

int tq_filter_doc(td_seg *s, uint32_t d, const tq_filter *f)
{
	td_docinfo di;
	if (!td_seg_doc_live(s, d))
		return 0;
	if (f && f->in && !tq_sub_has_doc(f->in, s, d))
		return 0; /* --in NAME: its documents only */
	/* liveness needs no metadata: read it only to compare fields */
	if (!f || (!f->doc && !f->genre && !f->from && !f->to))
		return 1;
	if (td_seg_doc(s, d, &di) < 0 || !di.live)
		return 0;
	if (f->doc && (!di.id || strcmp(di.id, f->doc)))
		return 0;
	if (f->genre && (!di.genre || strcmp(di.genre, f->genre)))
		return 0;
	if (f->from &&
	        (!di.date || strncmp(di.date, f->from, strlen(di.date)) < 0))
		return 0;
	if (f->to && (!di.date || strncmp(di.date, f->to, strlen(f->to)) > 0))
		return 0;
	return 1;
}

/* Enters document d; returns 1 if it passes the filter. */
int exec_doc_enter(ctx *c, uint32_t d)
{
	uint32_t first, ntok;
	int rc = tq_past_deadline(c->f);
	if (rc < 0)
		return rc;
	c->doc = d;
	c->segwork += c->work;
	c->work = 0;
	c->na.n = 0;
	if (!tq_filter_doc(c->s, d, c->f) ||
	        td_seg_doc_range(c->s, d, &first, &ntok) < 0)
		return 0;
	c->dfirst = first;
	c->dend = first + ntok;
	rc = tq_nonarticle(c->s, c->dfirst, c->dend, c->f, &c->na);
	return rc < 0 ? rc : 1;
}
