/* request.c: the CQL text and the shorthand filters into one query
 * (request.h). Moved out of tagdex-query's main.c so that tagdex-serve
 * builds the same query from its URL parameters.
 */
#include "config.h"
#include "request.h"
#include "error.h"
#include "util.h"
#include "ast.h"
#include "filter.h"
#include "lookup.h"
#include "suggest.h"
#include "index.h"
#include "tagdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* (<a/> | <b/> ...) for the shorthands */
static tq_node *alt2(tq_node *a, tq_node *b, tq_node *c, tq_node *d)
{
	tq_node *n = tq_node_new(TQ_ALT, TQ_OFF_NONE);
	tq_node *k[] = {a, b, c, d};
	for (size_t i = 0; i < 4; i++) {
		if (!k[i])
			continue;
		if (!n || tq_node_add(n, k[i]) < 0) {
			for (size_t j = i + (n != NULL); j < 4; j++)
				tq_node_free(k[j]);
			tq_node_free(n);
			return NULL;
		}
	}
	return n;
}

static tq_node *wrap(tq_node *base, tq_node *region)
{
	if (!base)
		return region;
	if (!region) {
		tq_node_free(base);
		return NULL;
	}
	tq_node *n = tq_node_new(TQ_WITHIN, TQ_OFF_NONE);
	if (!n || tq_node_add(n, base) < 0) {
		tq_node_free(n ? NULL : base);
		tq_node_free(n);
		tq_node_free(region);
		return NULL;
	}
	if (tq_node_add(n, region) < 0) {
		tq_node_free(n);
		return NULL;
	}
	/* the query's labels, global constraint and target belong to the
	 * root, which this node now is: left on base they would be ignored
	 * (labels not set, the constraint not tested) */
	n->lnames = base->lnames;
	n->nlabels = base->nlabels;
	n->where = base->where;
	n->has_target = base->has_target;
	base->lnames = NULL;
	base->nlabels = 0;
	base->where = NULL;
	base->has_target = 0;
	return n;
}

int tq_request_build(const tq_request *o, tq_node **out)
{
	tq_node *n = NULL;
	*out = NULL;
	if (o->query) {
		int rc = tq_parse(o->query, strlen(o->query), &n);
		if (rc < 0)
			return rc;
	}
	if (o->actor) {
		const char *k = o->actor;
		n = wrap(n, alt2(tq_span_new("persName", "ref", k, NULL),
		                    tq_span_new("orgName", "ref", k, NULL),
		                    tq_span_new("rs", "ref", k, NULL),
		                    tq_span_new("placeName", "ref", k, NULL)));
		if (!n)
			return td_error(TD_ENOMEM, "out of memory");
	}
	if (o->who) {
		n = wrap(n, alt2(tq_span_new("q", "who", o->who, NULL),
		                    tq_span_new("said", "who", o->who, NULL),
		                    NULL, NULL));
		if (!n)
			return td_error(TD_ENOMEM, "out of memory");
	}
	if (o->hedge_set) {
		n = wrap(n,
		        o->hedge ? tq_span_new("seg", "type", "hedge",
		                           "subtype", o->hedge, NULL)
		                 : tq_span_new("seg", "type", "hedge", NULL));
		if (!n)
			return td_error(TD_ENOMEM, "out of memory");
	}
	if (o->within) {
		n = wrap(n, tq_span_new(o->within, NULL));
		if (!n)
			return td_error(TD_ENOMEM, "out of memory");
	}
	if (!n)
		return td_error(TD_EUSAGE, "no query given");
	*out = n;
	return 0;
}

/* "names; ..." cut to fit a message */
static const char *clip(const char *s, char *buf, size_t n)
{
	if (!s)
		return "";
	if (strlen(s) < n)
		return s;
	snprintf(buf, n, "%.*s...", (int)(n - 4), s);
	return buf;
}

static int lookup_one(
        tq_request *r, td_index *ix, int who, tq_warn_fn note, void *ctx)
{
	const char **val = who ? &r->who : &r->actor;
	const char *opt = who ? "--who" : "--actor";
	tq_lookup l;
	char msg[1024], cut[200];
	int rc = tq_lookup_actor(ix, *val, who, &l);
	if (rc < 0)
		return rc;
	size_t w;
	switch (l.kind) {
	case TQ_LOOKUP_NAME:
		snprintf(msg, sizeof msg,
		        "%s: '%s' is a name of actor %s; searching %s (%s)",
		        opt, *val, l.cands[0].key,
		        who ? "its quotes and reported speech"
		            : "all its mentions",
		        clip(l.cands[0].names, cut, sizeof cut));
		note(ctx, msg);
		break;
	case TQ_LOOKUP_AMBIGUOUS:
		w = (size_t)snprintf(msg, sizeof msg,
		        "%s: '%s' names %zu actors; give one's key:", opt, *val,
		        l.ncands);
		for (size_t i = 0; i < l.ncands && w < sizeof msg; i++) {
			if (i == 8) {
				snprintf(msg + w, sizeof msg - w,
				        "\n  ... and %zu more", l.ncands - i);
				break;
			}
			w += (size_t)snprintf(msg + w, sizeof msg - w,
			        "\n  %s\t%llu mention%s\t%s", l.cands[i].key,
			        (unsigned long long)l.cands[i].n,
			        l.cands[i].n == 1 ? "" : "s",
			        clip(l.cands[i].names, cut, 80));
		}
		tq_lookup_clear(&l);
		return td_error(TD_EUSAGE, "%s", msg);
	case TQ_LOOKUP_NONE:
		w = (size_t)snprintf(msg, sizeof msg,
		        "%s: no actor key, name or alias '%s' in this index, "
		        "and no key matches it as a regex",
		        opt, *val);
		for (size_t i = 0; i < l.ncands && w < sizeof msg; i++) {
			const tq_lookup_cand *c = &l.cands[i];
			const char *sep = i == 0 ? "; did you mean "
			                  : i + 1 == l.ncands ? " or "
			                                      : ", ";
			if (!strcmp(c->near, c->key))
				w += (size_t)snprintf(msg + w, sizeof msg - w,
				        "%s'%s'", sep, c->key);
			else
				w += (size_t)snprintf(msg + w, sizeof msg - w,
				        "%s'%s' (%s)", sep,
				        clip(c->near, cut, 80), c->key);
		}
		if (w < sizeof msg)
			snprintf(msg + w, sizeof msg - w, "%s",
			        l.ncands ? "?" : "; it holds no actor");
		note(ctx, msg);
		r->unknown |= 1u << who;
		break;
	default:
		break;
	}
	free(r->own[who]);
	r->own[who] = l.pattern;
	l.pattern = NULL;
	*val = r->own[who];
	tq_lookup_clear(&l);
	return 0;
}

int tq_request_lookup(tq_request *r, td_index *ix, tq_warn_fn note, void *ctx)
{
	int rc = 0;
	if (r->actor)
		rc = lookup_one(r, ix, 0, note, ctx);
	if (rc == 0 && r->who)
		rc = lookup_one(r, ix, 1, note, ctx);
	return rc;
}

int tq_request_reported(const tq_request *r, const char *msg)
{
	for (int who = 0; who < 2; who++) {
		if (!(r->unknown & (1u << who)) || !r->own[who])
			continue;
		const char *p = strstr(msg, " matches '");
		size_t n = strlen(r->own[who]);
		if (p && !strncmp(p + 10, r->own[who], n) && p[10 + n] == '\'')
			return 1;
	}
	return 0;
}

void tq_request_clear(tq_request *r)
{
	free(r->own[0]);
	free(r->own[1]);
	r->own[0] = r->own[1] = NULL;
}

int tq_request_outermost(const tq_request *r)
{
	return r->who && !r->query && !r->actor && !r->hedge_set;
}

int tq_request_option(tq_request *r, tq_filter *f, int k, const char *arg)
{
	switch (k) {
	case TQ_RQ_FROM:
	case TQ_RQ_TO:
		if (!td_iso_date(arg))
			return td_error(TD_EUSAGE,
			        "--%s: expected a date YYYY, YYYY-MM or "
			        "YYYY-MM-DD, not '%s'",
			        k == TQ_RQ_FROM ? "from" : "to", arg);
		*(k == TQ_RQ_FROM ? &f->from : &f->to) = arg;
		return 0;
	case TQ_RQ_GENRE:
		f->genre = arg;
		return 0;
	case TQ_RQ_DOC:
		f->doc = arg;
		return 0;
	case TQ_RQ_ACTOR:
		r->actor = arg;
		return 0;
	case TQ_RQ_WHO:
		r->who = arg;
		return 0;
	case TQ_RQ_HEDGE:
		r->hedge_set = 1;
		r->hedge = arg;
		return 0;
	case TQ_RQ_WITHIN:
		if (!*arg)
			return td_error(TD_EUSAGE,
			        "--within: expected an element name");
		r->within = arg;
		return 0;
	default:
		return td_error(TD_EUSAGE, "not a filter option");
	}
}

/* A focus or reference written as the region alone ("!within <q/>",
 * "not within <q/>", "within <s ana="prediction"/>"): the tokens outside
 * or inside it, as "[] !within <q/>". A copy to free, or NULL when q is
 * not so written (or out of memory: then q is used as given and the
 * parser reports it). */
char *tq_region_query(const char *q)
{
	static const char *const ops[] = {"!within", "not within", "within"};
	const char *p = q;
	while (*p == ' ' || *p == '\t')
		p++;
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
		size_t n = strlen(ops[i]);
		if (!strncmp(p, ops[i], n) && (p[n] == ' ' || p[n] == '\t')) {
			char *r = malloc(strlen(p) + 4);
			if (r) {
				memcpy(r, "[] ", 3);
				strcpy(r + 3, p);
			}
			return r;
		}
	}
	return NULL;
}

int tq_dates_reversed(const tq_filter *f)
{
	if (!f->from || !f->to)
		return 0;
	size_t a = strlen(f->from), b = strlen(f->to);
	return strncmp(f->from, f->to, a < b ? a : b) > 0;
}
