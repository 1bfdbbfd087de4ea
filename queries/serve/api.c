/* api.c: tagdex-serve's requests: the JSON API under /api/ and the page's
 * embedded files. Every answer is built by the engine and the renderers
 * tagdex-query uses (request.c builds the query from the same filters,
 * render_json.c writes each hit), so the numbers are the command line's.
 * The mapping to BlackLab Server's API is in tagdex-serve(1).
 */
#include "config.h"
#include "output.h"
#include "request.h"
#include "sort.h"
#include "util.h"
#include "serve.h"
#include "stats.h"
#include "vec.h"
#include "error.h"
#include "ast.h"
#include "exec.h"
#include "filter.h"
#include "freq.h"
#include "hits.h"
#include "kwic.h"
#include "plan.h"
#include "render.h"
#include "suggest.h"
#include "table.h"
#include "index.h"
#include "tagdex.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_PARAMS 24           /* query parameters of one request */
#define MAX_VALUE 8192          /* bytes of one parameter's value */
#define MAX_NUMBER 1000         /* hits or documents in one JSON page */
#define DEF_NUMBER 20           /* ... when number is not given */
#define MAX_EXPORT (256u << 20) /* bytes of one CSV or JSON Lines export */
#define MAX_ID 256              /* bytes of a document id in /api/docs/ID */
#define MAX_SORT 1000000        /* hits a sorted request may collect */

/* what a request answers: a body of a type and an HTTP status */
typedef struct reply {
	unsigned status;
	char *body; /* malloc'd */
	size_t len;
	const char *type;
	const char *attachment; /* file name for Content-Disposition */
} reply;

/* ----------------------------------------------------------- replies */

static void reply_json(reply *r, unsigned status, json_t *o)
{
	r->status = status;
	r->type = "application/json; charset=utf-8";
	r->body = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(o);
	if (!r->body) {
		r->status = 500;
		r->body = strdup("{\"error\":{\"code\":\"memory\","
		                 "\"message\":\"out of memory\"}}");
	}
	r->len = r->body ? strlen(r->body) : 0;
}

/* {"error": {"code", "message", "offset"}}: offset is the byte offset in
 * the query of a syntax error, left out when there is none */
static void reply_error(
        reply *r, unsigned status, const char *code, const char *msg, long off)
{
	json_t *e = json_pack("{s:s, s:s}", "code", code, "message", msg);
	if (!e) /* a message quoting bytes that are not UTF-8 */
		e = json_pack("{s:s, s:s}", "code", code, "message",
		        "(a message that is not UTF-8)");
	if (e && off >= 0)
		json_object_set_new(e, "offset", json_integer(off));
	reply_json(r, status, e ? json_pack("{s:o}", "error", e) : NULL);
}

/* the HTTP status and code of a TD_E* error: a request's fault is 400, the
 * index missing 503, damage or anything else about the index 500 */
static void reply_td(reply *r, int rc)
{
	const char *msg = td_error_last();
	switch (rc) {
	case TD_ESYNTAX:
		reply_error(r, 400, "syntax", msg, td_error_offset());
		break;
	case TD_ELIMIT:
		reply_error(r, 400, "limit", msg, td_error_offset());
		break;
	case TD_EUSAGE:
		reply_error(r, 400, "usage", msg, -1);
		break;
	case TD_ENOTFOUND:
		reply_error(r, 503, "no-index", msg, -1);
		break;
	case TD_ENOMEM:
		reply_error(r, 503, "memory", msg, -1);
		break;
	case TD_EINTR: /* the deadline (query_done words it) */
		reply_error(r, 503, "timeout", msg, -1);
		break;
	default:
		reply_error(r, 500, "index", msg, -1);
		break;
	}
}

/* ------------------------------------------------------- parameters */

typedef struct params {
	const char *k[MAX_PARAMS], *v[MAX_PARAMS];
	size_t n;
	char bad[300]; /* the first problem, or "" */
} params;

static const char known[] =
        " q first number by format context tokens sort from to genre doc"
        " actor who hedge within pullquotes window measure min-freq min-coll"
        " focus reference alpha bonferroni dispersion collation show ";

static int listed(const char *list, const char *key)
{
	size_t n = strlen(key);
	if (!n) /* strstr would find "" for ever (fuzz_serve: '?=1') */
		return 0;
	for (const char *p = list; (p = strstr(p, key)); p += n)
		if (p > list && p[-1] == ' ' && p[n] == ' ')
			return 1;
	return 0;
}

/* whether s is UTF-8 (jansson refuses anything else) */
static int utf8_ok(const char *s)
{
	json_t *t = json_string(s);
	json_decref(t);
	return t != NULL;
}

static enum MHD_Result collect(
        void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	params *p = cls;
	(void)kind;
	if (p->bad[0])
		return MHD_NO;
	if (strlen(key) > 32 || !listed(known, key))
		snprintf(p->bad, sizeof p->bad, "unknown parameter '%.32s'",
		        key);
	else if (value && strlen(value) > MAX_VALUE)
		snprintf(p->bad, sizeof p->bad,
		        "parameter '%s' longer than %d bytes", key, MAX_VALUE);
	else if (value && !utf8_ok(value))
		snprintf(p->bad, sizeof p->bad,
		        "parameter '%s' is not UTF-8 (percent-encode UTF-8 "
		        "bytes)",
		        key);
	else if (p->n == MAX_PARAMS)
		snprintf(p->bad, sizeof p->bad, "more than %d parameters",
		        MAX_PARAMS);
	for (size_t i = 0; !p->bad[0] && i < p->n; i++)
		if (!strcmp(p->k[i], key))
			snprintf(p->bad, sizeof p->bad,
			        "parameter '%s' given twice", key);
	if (p->bad[0])
		return MHD_NO;
	p->k[p->n] = key;
	p->v[p->n++] = value ? value : "";
	return MHD_YES;
}

static const char *param(const params *p, const char *key)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->k[i], key))
			return p->v[i];
	return NULL;
}

/* Every parameter must be one this endpoint reads: a misspelt or
 * misplaced filter is an error, not a silently larger count. */
static int only(const params *p, const char *allowed, reply *r)
{
	for (size_t i = 0; i < p->n; i++)
		if (!listed(allowed, p->k[i])) {
			char msg[128];
			snprintf(msg, sizeof msg,
			        "parameter '%s' does not apply here", p->k[i]);
			reply_error(r, 400, "usage", msg, -1);
			return -1;
		}
	return 0;
}

static int num_param(const params *p, const char *key, long def, long max,
        long *out, reply *r)
{
	const char *s = param(p, key);
	*out = def;
	if (!s)
		return 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 0 || v > max || (*s < '0' || *s > '9')) {
		char msg[128];
		snprintf(msg, sizeof msg, "%s: expected a number 0-%ld", key,
		        max);
		reply_error(r, 400, "usage", msg, -1);
		return -1;
	}
	*out = v;
	return 0;
}

#define FILTERS " q from to genre doc actor who hedge within pullquotes "
#define DOC_FILTERS " from to genre "

/* a query and its filters from the parameters, as tagdex-query takes them
 * from its options */
typedef struct query {
	tq_request rq;
	tq_filter flt;
	tq_node *ast;
	tq_plan *plan;
	td_index *ix;
	json_t *warnings;
	uint64_t timeout; /* ns, for the message */
} query;

static void query_clear(query *q)
{
	tq_plan_free(q->plan);
	tq_node_free(q->ast);
	json_decref(q->warnings);
	tq_request_clear(&q->rq);
	memset(q, 0, sizeof *q);
}

static const char *nonempty(const params *p, const char *key)
{
	const char *v = param(p, key);
	return v && *v ? v : NULL;
}

static int doc_filter(const params *p, tq_filter *f, reply *r)
{
	memset(f, 0, sizeof *f);
	f->from = nonempty(p, "from");
	f->to = nonempty(p, "to");
	f->genre = nonempty(p, "genre");
	f->doc = nonempty(p, "doc");
	if ((f->from && !td_iso_date(f->from)) ||
	        (f->to && !td_iso_date(f->to))) {
		reply_error(r, 400, "usage",
		        "from, to: expected a date YYYY, YYYY-MM or YYYY-MM-DD",
		        -1);
		return -1;
	}
	if (tq_dates_reversed(f)) {
		reply_error(r, 400, "usage", "from is after to", -1);
		return -1;
	}
	const char *pq = param(p, "pullquotes");
	if (pq && *pq && strcmp(pq, "1") && strcmp(pq, "0")) {
		reply_error(r, 400, "usage", "pullquotes: expected 1 or 0", -1);
		return -1;
	}
	f->pullquotes = pq && strcmp(pq, "0") != 0;
	return 0;
}

static void on_warning(void *arg, const char *msg)
{
	json_array_append_new(arg, json_string(msg));
}

/* the lookup's notes of actor and who by name (a warning each) */
static void on_lookup(void *arg, const char *msg)
{
	query *q = arg;
	json_array_append_new(q->warnings, json_string(msg));
}

/* tq_suggest's warnings, less those the lookup has given already */
static void on_suggest(void *arg, const char *msg)
{
	query *q = arg;
	if (!tq_request_reported(&q->rq, msg))
		json_array_append_new(q->warnings, json_string(msg));
}

/* the query's deadline: --timeout from now */
static void set_deadline(const ts_server *srv, query *q)
{
	struct timespec t;
	q->timeout = srv->timeout;
	if (clock_gettime(CLOCK_MONOTONIC, &t) == 0)
		q->flt.deadline = (uint64_t)t.tv_sec * 1000000000u +
		                  (uint64_t)t.tv_nsec + srv->timeout;
}

/* Parses and plans the query (400 on a bad one), then opens the index
 * (503/500) and collects "did you mean" warnings. q is the CQL text
 * (the parameter q, or keywords' focus). actor and who take a key, a
 * name or an alias as tagdex-query's --actor and --who do
 * (tq_request_lookup, which needs the index first): the name's key is
 * searched and said in a warning, an ambiguous name is a 400 listing the
 * keys. On failure q holds nothing. */
static int query_open_q(const ts_server *srv, const params *p, const char *cql,
        query *q, reply *r)
{
	memset(q, 0, sizeof *q);
	if (doc_filter(p, &q->flt, r) < 0)
		return -1;
	set_deadline(srv, q);
	q->rq.query = cql;
	q->rq.actor = nonempty(p, "actor");
	q->rq.who = nonempty(p, "who");
	q->rq.hedge_set = param(p, "hedge") != NULL;
	q->rq.hedge = nonempty(p, "hedge");
	q->rq.within = nonempty(p, "within");
	if (param(p, "within") && !q->rq.within) {
		reply_error(r, 400, "usage", "within: expected an element name",
		        -1);
		return -1;
	}
	if (q->rq.within && !q->rq.query && !q->rq.actor && !q->rq.who &&
	        !q->rq.hedge_set) {
		reply_error(r, 400, "usage", "within needs a query to restrict",
		        -1);
		return -1;
	}
	q->flt.outermost = tq_request_outermost(&q->rq);
	int rc = 0;
	if (!(q->warnings = json_array()))
		rc = td_error(TD_ENOMEM, "out of memory");
	if (rc == 0 && (q->rq.actor || q->rq.who) &&
	        (rc = ts_index(srv, &q->ix)) == 0)
		rc = tq_request_lookup(&q->rq, q->ix, on_lookup, q);
	if (rc == 0)
		rc = tq_request_build(&q->rq, &q->ast);
	if (rc == 0)
		rc = tq_plan_new(q->ast, &q->plan);
	if (rc == 0 && !q->ix)
		rc = ts_index(srv, &q->ix);
	if (rc == 0)
		rc = tq_suggest(q->ix, q->ast, q->plan, &q->flt, on_suggest, q);
	if (rc < 0) {
		reply_td(r, rc);
		query_clear(q);
		return -1;
	}
	return 0;
}

static int query_open(const ts_server *srv, const params *p, query *q, reply *r)
{
	return query_open_q(srv, p, nonempty(p, "q"), q, r);
}

/* The end of every answer from the index: damage met on the way, even
 * where a lookup took it for "absent", fails the answer (500); a query
 * past its time is 503. */
static int query_done(query *q, int rc, reply *r)
{
	if (rc >= 0 && td_index_damaged(q->ix) < 0)
		rc = TD_ECORRUPT;
	if (rc == TD_EINTR)
		td_error(TD_EINTR,
		        "the query ran longer than %.3g s (tagdex-serve "
		        "--timeout): narrow it (dates, genre, within) or run "
		        "it with tagdex-query",
		        (double)q->timeout / 1e9);
	if (rc < 0) {
		reply_td(r, rc);
		return -1;
	}
	return 0;
}

/* adds "warnings" when there are any */
static json_t *with_warnings(json_t *o, query *q)
{
	if (o && json_array_size(q->warnings))
		json_object_set(o, "warnings", q->warnings);
	return o;
}

/* ------------------------------------------------------------ count */

static void api_count(const ts_server *srv, const params *p, reply *r)
{
	query q;
	uint64_t n = 0;
	if (only(p, FILTERS, r) < 0 || query_open(srv, p, &q, r) < 0)
		return;
	int rc = tq_count(q.ix, q.plan, &q.flt, &n);
	if (query_done(&q, rc, r) == 0)
		reply_json(r, 200,
		        with_warnings(
		                json_pack("{s:I}", "count", (json_int_t)n),
		                &q));
	query_clear(&q);
}

/* ------------------------------------------------------------- hits */

enum { FMT_JSON, FMT_JSONL, FMT_CSV };

typedef struct hitrun {
	long first, number; /* number -1: all */
	long seen, out;
	int fmt, tokens;
	tq_sort *sort; /* sort=: collect the hits, sort, then page */
	tq_hit *v;     /* the hits collected when sorting */
	size_t n, cap;
	tq_kwic_opts kwic;
	const tq_filter *flt; /* its deadline */
	FILE *f;
} hitrun;

static int emit_hit(hitrun *r, const tq_hit *h);

static int on_hit(void *arg, const tq_hit *h)
{
	hitrun *r = arg;
	int rc = tq_past_deadline(r->flt);
	if (rc < 0)
		return rc;
	if (r->sort) {
		if (r->n == MAX_SORT)
			return td_error(TD_ELIMIT,
			        "sorting is bounded to %d hits: narrow the "
			        "query, or sort with tagdex-query --sort",
			        MAX_SORT);
		if (TD_VEC_RESERVE(r->v, r->n, r->cap, 256))
			return td_error(TD_ENOMEM, "out of memory");
		r->v[r->n++] = *h;
		return 0;
	}
	return emit_hit(r, h);
}

/* the page from the sorted hits, as tagdex-query --sort --offset --limit */
static int emit_sorted(hitrun *r)
{
	int rc = tq_past_deadline(r->flt);
	if (rc == 0)
		rc = tq_hits_sort(r->v, r->n, &r->kwic, r->sort);
	for (size_t i = 0; rc == 0 && i < r->n; i++)
		if ((rc = tq_past_deadline(r->flt)) == 0)
			rc = emit_hit(r, &r->v[i]); /* 1: the page is full */
	return rc > 0 ? 0 : rc;
}

static int emit_hit(hitrun *r, const tq_hit *h)
{
	if (r->seen++ < r->first)
		return 0;
	if (r->number >= 0 && r->out >= r->number)
		return 1;
	tq_line l;
	int rc = tq_line_make(h, &r->kwic, &l);
	if (rc < 0)
		return rc;
	rc = r->fmt == FMT_CSV ? tq_tsv_print(r->f, &l, ',')
	                       : tq_json_print_tokens(r->f, &l, r->tokens);
	tq_line_clear(&l);
	if (rc < 0)
		return rc;
	r->out++;
	if (ftell(r->f) > (long)MAX_EXPORT)
		return td_error(TD_ELIMIT,
		        "the result is larger than %u MiB: narrow the query, "
		        "page with first and number, or use tagdex-query",
		        MAX_EXPORT >> 20);
	return r->number >= 0 && r->out >= r->number;
}

static int format_param(const params *p, int *fmt, reply *r)
{
	const char *s = param(p, "format");
	*fmt = FMT_JSON;
	if (!s || !strcmp(s, "json"))
		return 0;
	if (!strcmp(s, "jsonl"))
		*fmt = FMT_JSONL;
	else if (!strcmp(s, "csv"))
		*fmt = FMT_CSV;
	else {
		reply_error(r, 400, "usage",
		        "format: expected json, jsonl or csv", -1);
		return -1;
	}
	return 0;
}

/* the JSON Lines in buf as one array */
static json_t *lines_array(const char *buf, size_t len)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < len;) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - buf) - i : len - i;
		json_t *o = json_loadb(buf + i, n, 0, NULL);
		if (!o || json_array_append_new(a, o) < 0) {
			json_decref(a);
			return NULL;
		}
		i += n + 1;
	}
	return a;
}

static void reply_text(reply *r, int fmt, char *buf, size_t len,
        const char *name_csv, const char *name_jsonl)
{
	r->status = 200;
	r->body = buf;
	r->len = len;
	r->type = fmt == FMT_CSV ? "text/csv; charset=utf-8"
	                         : "application/x-ndjson; charset=utf-8";
	r->attachment = fmt == FMT_CSV ? name_csv : name_jsonl;
}

static void api_hits(const ts_server *srv, const params *p, reply *r)
{
	hitrun h = {0};
	query q;
	char *buf = NULL;
	size_t len = 0;
	const char *ctx = param(p, "context");
	const char *tok = param(p, "tokens");
	const char *sort = param(p, "sort"), *coll = param(p, "collation");
	const char *show = param(p, "show");
	if (only(p,
	            FILTERS "first number format context tokens sort "
	                    "collation show ",
	            r) < 0 ||
	        format_param(p, &h.fmt, r) < 0 ||
	        num_param(p, "first", 0, 2147483647L, &h.first, r) < 0 ||
	        num_param(p, "number", h.fmt == FMT_JSON ? DEF_NUMBER : -1,
	                h.fmt == FMT_JSON ? MAX_NUMBER : 2147483647L, &h.number,
	                r) < 0)
		return;
	h.kwic.words = 5;
	if (ctx && !strcmp(ctx, "s"))
		h.kwic.sentence = 1;
	else if (ctx) {
		long w;
		if (num_param(p, "context", 5, 1000, &w, r) < 0)
			return;
		h.kwic.words = (unsigned)w;
	}
	if (tok && strcmp(tok, "1") && strcmp(tok, "0") && *tok) {
		reply_error(r, 400, "usage", "tokens: expected 1 or 0", -1);
		return;
	}
	h.tokens = tok && strcmp(tok, "0") != 0;
	int cl = coll && *coll ? tq_collation(coll) : TQ_COLL_PRIMARY;
	if (cl < 0) {
		reply_error(r, 400, "usage",
		        "collation: expected primary, secondary, tertiary or "
		        "bytes",
		        -1);
		return;
	}
	if (h.tokens && h.fmt == FMT_CSV) {
		reply_error(r, 400, "usage",
		        "tokens adds the match's tokens to JSON, not to CSV",
		        -1);
		return;
	}
	if (show && *show && tq_show_parse(show, &h.kwic) < 0) {
		reply_error(r, 400, "usage", td_error_last(), -1);
		return;
	}
	if (sort && *sort && tq_sort_new(sort, cl, &h.sort) < 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "sort: %s", td_error_last());
		reply_error(r, 400, "usage", msg, -1);
		return;
	}
	if (query_open(srv, p, &q, r) < 0) {
		tq_sort_free(h.sort);
		return;
	}
	h.kwic.pullquotes = q.flt.pullquotes;
	h.flt = &q.flt;
	uint64_t total = 0;
	int rc = 0;
	if (tq_show_check(q.ix, &h.kwic) < 0) { /* show=nosuch@n */
		reply_error(r, 400, "usage", td_error_last(), -1);
		tq_sort_free(h.sort);
		query_clear(&q);
		return;
	}
	if (!(h.f = open_memstream(&buf, &len)))
		rc = td_error(TD_ENOMEM, "out of memory");
	if (rc == 0 && h.fmt == FMT_JSON)
		rc = tq_count(q.ix, q.plan, &q.flt, &total);
	if (rc == 0 && h.fmt == FMT_CSV)
		rc = tq_tsv_header_show(h.f, ',', &h.kwic);
	/* number=0 asks for the total only */
	if (rc == 0 && h.number != 0)
		rc = tq_exec(q.ix, q.plan, &q.flt, on_hit, &h);
	if (rc >= 0 && h.sort && h.number != 0)
		rc = emit_sorted(&h);
	free(h.v);
	tq_sort_free(h.sort);
	if (h.f && fclose(h.f) != 0 && rc == 0)
		rc = td_error(TD_ENOMEM, "out of memory");
	if (query_done(&q, rc, r) == 0) {
		if (h.fmt != FMT_JSON) {
			reply_text(r, h.fmt, buf, len, "tagdex-hits.csv",
			        "tagdex-hits.jsonl");
			buf = NULL;
		} else {
			json_t *a = lines_array(buf, len);
			reply_json(r, 200,
			        a ? with_warnings(
			                    json_pack("{s:I, s:I, s:I, s:o}",
			                            "total", (json_int_t)total,
			                            "first",
			                            (json_int_t)h.first,
			                            "number",
			                            (json_int_t)h.number,
			                            "hits", a),
			                    &q)
			          : NULL);
		}
	}
	free(buf);
	query_clear(&q);
}

/* ------------------------------------------------------------- freq */

typedef struct freqrun {
	tq_freq *freq;
	tq_table *table; /* several keys, or keys of table.c */
} freqrun;

static int freq_hit(void *arg, const tq_hit *h)
{
	freqrun *fr = arg;
	return fr->table ? tq_table_add(fr->table, h)
	                 : tq_freq_add(fr->freq, h);
}

static int freq_term(void *arg, const char *term, size_t len, uint64_t n)
{
	return tq_freq_add_key(((freqrun *)arg)->freq, term, len, n);
}

static void api_freq(const ts_server *srv, const params *p, reply *r)
{
	const char *by = param(p, "by"), *disp = param(p, "dispersion");
	int fmt, k = by ? tq_freq_by(by) : -1;
	freqrun fr = {0};
	if (only(p, FILTERS "by format dispersion ", r) < 0 ||
	        format_param(p, &fmt, r) < 0)
		return;
	if (!by || !*by) {
		reply_error(r, 400, "usage",
		        "by: expected match, norm, lemma, pos, actor, who, "
		        "hedge, doc, year or month, or several keys",
		        -1);
		return;
	}
	/* several keys (or leftN, rightN, ELEM@ATTR, genre, title): the
	 * n-way table of --freq KEY,KEY */
	if (k < 0 && tq_table_new(by, &fr.table) < 0) {
		char msg[300];
		snprintf(msg, sizeof msg, "by: %s", td_error_last());
		reply_error(r, 400, "usage", msg, -1);
		return;
	}
	if (disp && *disp && strcmp(disp, "1") && strcmp(disp, "0")) {
		tq_table_free(fr.table);
		reply_error(r, 400, "usage", "dispersion: expected 1 or 0", -1);
		return;
	}
	int dispersion = disp && strcmp(disp, "0") != 0;
	if (dispersion && fr.table) {
		tq_table_free(fr.table);
		reply_error(r, 400, "usage",
		        "dispersion works with one key of match, norm, lemma, "
		        "pos, actor, who, hedge, doc, year or month",
		        -1);
		return;
	}
	query q;
	char *buf = NULL;
	size_t len = 0;
	long rows = 0;
	if (query_open(srv, p, &q, r) < 0) {
		tq_table_free(fr.table);
		return;
	}
	uint64_t ntok = 0;
	FILE *f = NULL;
	int rc = 0;
	if (fr.table) {
		tq_table_set_pullquotes(fr.table, q.flt.pullquotes);
		rc = tq_exec(q.ix, q.plan, &q.flt, freq_hit, &fr);
		if (rc == 0)
			rc = tq_table_sizes(fr.table, q.ix, &q.flt);
	} else {
		rc = tq_freq_new(k, &fr.freq);
		if (rc == 0 && dispersion)
			rc = tq_freq_dispersion(fr.freq, q.ix, &q.flt);
		if (rc == 0)
			rc = tq_exec_terms(q.ix, q.plan, &q.flt,
			        tq_freq_layer(fr.freq), freq_term, freq_hit,
			        &fr);
		if (rc == 0)
			rc = tq_freq_sizes(fr.freq, q.ix, &q.flt);
	}
	if (rc == 0 && !(f = open_memstream(&buf, &len)))
		rc = td_error(TD_ENOMEM, "out of memory");
	if (rc == 0) {
		int of = fmt == FMT_CSV ? TQ_OUT_CSV : TQ_OUT_JSON;
		ntok = tq_ntokens(q.ix, &q.flt);
		rows = fr.table ? tq_table_print(fr.table, f, ntok, of)
		                : tq_freq_print(fr.freq, f, ntok, of);
		if (rows < 0)
			rc = (int)rows;
	}
	if (f && fclose(f) != 0 && rc == 0)
		rc = td_error(TD_ENOMEM, "out of memory");
	if (query_done(&q, rc, r) == 0) {
		if (fmt != FMT_JSON) {
			reply_text(r, fmt, buf, len, "tagdex-freq.csv",
			        "tagdex-freq.jsonl");
			buf = NULL;
		} else {
			json_t *a = lines_array(buf, len);
			reply_json(r, 200,
			        a ? with_warnings(json_pack("{s:s, s:I, s:o}",
			                                  "by", by, "tokens",
			                                  (json_int_t)ntok,
			                                  "rows", a),
			                    &q)
			          : NULL);
		}
	}
	free(buf);
	tq_freq_free(fr.freq);
	tq_table_free(fr.table);
	query_clear(&q);
}

/* ------------------------------------------------ collocates, keywords */

/* the parameters of tagdex-query --collocates and --keywords (STATISTICS
 * in tagdex-query(1)), each named as its option without the dashes */
#define STAT_COMMON " by measure min-freq format "
#define COLL_PARAMS FILTERS STAT_COMMON "window min-coll "
#define KW_PARAMS                                                              \
	" focus reference from to genre doc actor who hedge within"            \
	" pullquotes alpha bonferroni" STAT_COMMON

static int stat_usage(reply *r, const char *msg)
{
	reply_error(r, 400, "usage", msg, -1);
	return -1;
}

static int u64_param(const params *p, const char *key, uint64_t *out,
        uint64_t least, reply *r)
{
	const char *s = param(p, key);
	char *end;
	if (!s)
		return 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (!*s || *s < '0' || *s > '9' || *end || v < least) {
		char msg[96];
		snprintf(msg, sizeof msg, "%s: expected a number >= %llu", key,
		        (unsigned long long)least);
		return stat_usage(r, msg);
	}
	*out = v;
	return 0;
}

/* by (the layer), measure, min-freq: the options both tables share */
static int stat_common(const params *p, int *layer, int *measure,
        uint64_t *min_freq, int *fmt, reply *r)
{
	const char *by = param(p, "by"), *m = param(p, "measure");
	if (format_param(p, fmt, r) < 0)
		return -1;
	if (by) {
		*layer = !strcmp(by, "word")    ? TD_LAYER_WORD
		         : !strcmp(by, "norm")  ? TD_LAYER_NORM
		         : !strcmp(by, "lemma") ? TD_LAYER_LEMMA
		         : !strcmp(by, "pos")   ? TD_LAYER_POS
		                                : -1;
		if (*layer < 0)
			return stat_usage(r, "by: expected word, norm, lemma "
			                     "or pos");
	}
	if (m && (*measure = tq_measure_by(m)) < 0)
		return stat_usage(r, "measure: expected logdice, mi, mi3, t, "
		                     "z, ll, dice, log_ratio or pct_diff");
	return u64_param(p, "min-freq", min_freq, 0, r);
}

/* the table as tagdex-query --format json|csv prints it: rows in an
 * object with the table's sizes, or the CSV or JSON Lines download */
static void reply_stat(reply *r, query *q, int rc, tq_stat_table *t, int fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = NULL;
	if (rc == 0 && !(f = open_memstream(&buf, &len)))
		rc = td_error(TD_ENOMEM, "out of memory");
	if (rc == 0) {
		long rows = tq_stat_print(
		        t, f, fmt == FMT_CSV ? TQ_OUT_CSV : TQ_OUT_JSON);
		if (rows < 0)
			rc = (int)rows;
	}
	if (f && fclose(f) != 0 && rc == 0)
		rc = td_error(TD_ENOMEM, "out of memory");
	if (query_done(q, rc, r) == 0) {
		if (fmt != FMT_JSON) {
			reply_text(r, fmt, buf, len,
			        t->keywords ? "tagdex-keywords.csv"
			                    : "tagdex-collocates.csv",
			        t->keywords ? "tagdex-keywords.jsonl"
			                    : "tagdex-collocates.jsonl");
			buf = NULL;
		} else {
			/* the sizes the measures were computed from */
			static const char *const name[2][3] = {
			        {"hits", "window", "tokens"},
			        {"focus_tokens", "reference_tokens", "tested"}};
			json_int_t v[2][3] = {
			        {(json_int_t)t->f_node, (json_int_t)t->window,
			                (json_int_t)t->ntok},
			        {(json_int_t)t->n_focus, (json_int_t)t->n_ref,
			                (json_int_t)t->tested}};
			const char *const *n = name[t->keywords != 0];
			const json_int_t *x = v[t->keywords != 0];
			json_t *a = lines_array(buf, len);
			json_t *o = !a ? NULL
			               : json_pack("{s:s, s:I, s:I, s:I, s:o}",
			                         "measure",
			                         tq_measure_name(t->measure),
			                         n[0], x[0], n[1], x[1], n[2],
			                         x[2], "rows", a);
			reply_json(r, 200, with_warnings(o, q));
		}
	}
	free(buf);
}

/* GET /api/collocates: tagdex-query --collocates */
static void api_collocates(const ts_server *srv, const params *p, reply *r)
{
	tq_coll_opts o = {TD_LAYER_WORD, 0, 5, 5, 3, 3, TQ_M_LOGDICE};
	const char *w = param(p, "window");
	int fmt;
	if (only(p, COLL_PARAMS, r) < 0 ||
	        stat_common(p, &o.layer, &o.measure, &o.min_freq, &fmt, r) <
	                0 ||
	        u64_param(p, "min-coll", &o.min_pair, 1, r) < 0)
		return;
	if (o.measure > TQ_M_DICE) {
		stat_usage(r, "measure: collocations are sorted by logdice, "
		              "mi, mi3, t, z, ll or dice");
		return;
	}
	if (w && !strcmp(w, "s"))
		o.sentence = 1;
	else if (w) {
		unsigned a, b;
		char end;
		if (sscanf(w, "%4u,%4u%c", &a, &b, &end) != 2 || a > 1000 ||
		        b > 1000 || a + b == 0 || w[0] < '0' || w[0] > '9') {
			stat_usage(r, "window: expected L,R (tokens before and "
			              "after, 0-1000, not both 0) or s");
			return;
		}
		o.left = a;
		o.right = b;
	}
	query q;
	tq_stat_table *t = NULL;
	if (query_open(srv, p, &q, r) < 0)
		return;
	int rc = tq_collocates(q.ix, q.plan, &q.flt, &o, &t);
	reply_stat(r, &q, rc, t, fmt);
	tq_stat_free(t);
	query_clear(&q);
}

/* GET /api/keywords: tagdex-query --keywords, the focus with the
 * shorthands (actor, who, hedge, within) against the reference */
static void api_keywords(const ts_server *srv, const params *p, reply *r)
{
	tq_kw_opts o = {TD_LAYER_WORD, 3, 0.05, 0, TQ_M_LL};
	const char *focus = nonempty(p, "focus"),
	           *ref = nonempty(p, "reference");
	const char *alpha = param(p, "alpha"), *bonf = param(p, "bonferroni");
	int fmt;
	if (only(p, KW_PARAMS, r) < 0 ||
	        stat_common(p, &o.layer, &o.measure, &o.min_freq, &fmt, r) < 0)
		return;
	if (o.measure != TQ_M_LL && o.measure != TQ_M_LOG_RATIO &&
	        o.measure != TQ_M_PCT_DIFF) {
		stat_usage(r, "measure: keywords are sorted by ll, log_ratio "
		              "or pct_diff");
		return;
	}
	if (alpha) {
		char *end;
		o.alpha = strtod(alpha, &end);
		if (!*alpha || *end || !(o.alpha > 0 && o.alpha <= 1)) {
			stat_usage(
			        r, "alpha: expected a probability in (0, 1]");
			return;
		}
	}
	if (bonf && *bonf && strcmp(bonf, "1") && strcmp(bonf, "0")) {
		stat_usage(r, "bonferroni: expected 1 or 0");
		return;
	}
	o.bonferroni = bonf && strcmp(bonf, "0") != 0;
	if (!focus && !param(p, "actor") && !param(p, "who") &&
	        !param(p, "hedge")) {
		stat_usage(r, "keywords need focus=QUERY (or actor, who, "
		              "hedge)");
		return;
	}
	char *rf = focus ? tq_region_query(focus) : NULL;
	char *rr = ref ? tq_region_query(ref) : NULL;
	query q;
	tq_node *ast = NULL;
	tq_plan *plan = NULL;
	tq_stat_table *t = NULL;
	int rc = 0;
	if (query_open_q(srv, p, rf ? rf : focus, &q, r) < 0)
		goto out;
	if (ref) {
		/* the reference alone, without the shorthands, as
		 * --reference */
		tq_request rq = {0};
		rq.query = rr ? rr : ref;
		if ((rc = tq_request_build(&rq, &ast)) == 0)
			rc = tq_plan_new(ast, &plan);
		if (rc == 0)
			rc = tq_suggest(q.ix, ast, plan, &q.flt, on_warning,
			        q.warnings);
		if (rc < 0) {
			reply_td(r, rc);
			query_clear(&q);
			goto out;
		}
	}
	rc = tq_keywords(q.ix, q.plan, plan, &q.flt, &o, &t);
	reply_stat(r, &q, rc, t, fmt);
	query_clear(&q);
out:
	tq_stat_free(t);
	tq_plan_free(plan);
	tq_node_free(ast);
	free(rf);
	free(rr);
}

/* ------------------------------------------------------------- docs */

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

typedef struct docref {
	const char *id;
	json_t *o;
} docref;

static int by_id(const void *a, const void *b)
{
	return strcmp(((const docref *)a)->id, ((const docref *)b)->id);
}

static json_t *doc_meta(const td_docinfo *di)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:I}", "id", str_or_null(di->id),
	        "title", str_or_null(di->title), "date", str_or_null(di->date),
	        "genre", str_or_null(di->genre), "tokens",
	        (json_int_t)di->ntok);
}

/* GET /api/docs: the live documents passing the filters, by id */
static void api_docs(const ts_server *srv, const params *p, reply *r)
{
	long first, number;
	tq_filter f;
	td_index *ix;
	if (only(p, DOC_FILTERS "first number ", r) < 0 ||
	        doc_filter(p, &f, r) < 0 ||
	        num_param(p, "first", 0, 2147483647L, &first, r) < 0 ||
	        num_param(p, "number", DEF_NUMBER, MAX_NUMBER, &number, r) < 0)
		return;
	int rc = ts_index(srv, &ix);
	docref *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t si = 0; rc == 0 && si < td_index_nsegs(ix); si++) {
		td_seg *s = td_index_seg(ix, si);
		for (uint32_t d = 0; rc == 0 && d < td_seg_ndocs(s); d++) {
			td_docinfo di;
			if (!tq_filter_doc(s, d, &f))
				continue;
			if ((rc = td_seg_doc(s, d, &di)) < 0)
				break;
			if (TD_VEC_RESERVE(v, n, cap, 64)) {
				rc = td_error(TD_ENOMEM, "out of memory");
				break;
			}
			v[n].id = di.id ? di.id : "";
			if (!(v[n++].o = doc_meta(&di)))
				rc = td_error(TD_ENOMEM, "out of memory");
		}
	}
	if (rc == 0 && td_index_damaged(ix) < 0)
		rc = TD_ECORRUPT;
	json_t *a = json_array();
	if (rc == 0 && a) {
		qsort(v, n, sizeof *v, by_id);
		for (size_t i = (size_t)first;
		        i < n && i < (size_t)(first + number); i++)
			json_array_append(a, v[i].o);
		reply_json(r, 200,
		        json_pack("{s:I, s:I, s:I, s:O}", "total",
		                (json_int_t)n, "first", (json_int_t)first,
		                "number", (json_int_t)number, "docs", a));
	} else
		reply_td(r, rc < 0 ? rc : td_error(TD_ENOMEM, "out of memory"));
	json_decref(a);
	for (size_t i = 0; i < n; i++)
		json_decref(v[i].o);
	free(v);
}

/* an id as ingest makes them. Ids are only compared with the index's,
 * never made into a path, but anything else ('/', a leading '.') is
 * refused early all the same. */
static int id_ok(const char *id)
{
	size_t n = strlen(id);
	if (!n || n > MAX_ID || id[0] == '.')
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];
		if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
		        !(c >= '0' && c <= '9') && c != '-' && c != '_' &&
		        c != '.' && c != ':')
			return 0;
	}
	return 1;
}

/* the document's text as [gap, token] pairs and the text after the last
 * token, so that spans (token numbers) can be laid over it */
static int doc_tokens(td_seg *s, uint32_t d, const td_docinfo *di, json_t *o)
{
	const char *text;
	size_t len;
	int rc = td_seg_doc_text(s, d, &text, &len);
	if (rc < 0)
		return rc;
	json_t *toks = json_array();
	if (!toks)
		return td_error(TD_ENOMEM, "out of memory");
	json_object_set_new(o, "text", toks);
	size_t prev = 0;
	for (uint32_t i = 0; i < di->ntok; i++) {
		uint32_t a, b;
		if ((rc = td_seg_tok_offsets(s, di->first_tok + i, &a, &b)) < 0)
			return rc;
		if (a < prev || b < a || b > len)
			return td_error(TD_ECORRUPT,
			        "%s: token %u out of its text",
			        di->id ? di->id : "document", i);
		json_t *t = json_pack("[s#, s#]", text + prev, (int)(a - prev),
		        text + a, (int)(b - a));
		if (!t || json_array_append_new(toks, t) < 0)
			return td_error(TD_EINPUT, "%s: text is not UTF-8",
			        di->id ? di->id : "document");
		prev = b;
	}
	json_t *tail = json_stringn(text + prev, len - prev);
	if (!tail)
		return td_error(TD_EINPUT, "%s: text is not UTF-8",
		        di->id ? di->id : "document");
	json_object_set_new(o, "tail", tail);
	return 0;
}

/* GET /api/docs/ID: metadata, text and every span of one document */
static void api_doc(
        const ts_server *srv, const params *p, const char *id, reply *r)
{
	td_index *ix;
	if (only(p, " ", r) < 0)
		return;
	if (!id_ok(id)) {
		reply_error(r, 400, "usage",
		        "a document id is 1-256 letters, digits, '-', '_', '.' "
		        "or ':', not starting with '.'",
		        -1);
		return;
	}
	int rc = ts_index(srv, &ix);
	json_t *o = NULL;
	int found = 0;
	for (size_t si = 0; rc == 0 && !found && si < td_index_nsegs(ix);
	        si++) {
		td_seg *s = td_index_seg(ix, si);
		for (uint32_t d = 0; rc == 0 && d < td_seg_ndocs(s); d++) {
			td_docinfo di;
			if (!td_seg_doc_live(s, d))
				continue;
			if ((rc = td_seg_doc(s, d, &di)) < 0)
				break;
			if (!di.id || strcmp(di.id, id) != 0)
				continue;
			found = 1;
			if (!(o = doc_meta(&di))) {
				rc = td_error(TD_ENOMEM, "out of memory");
				break;
			}
			if ((rc = doc_tokens(s, d, &di, o)) < 0)
				break;
			json_t *spans = json_array();
			if (!spans) {
				rc = td_error(TD_ENOMEM, "out of memory");
				break;
			}
			json_object_set_new(o, "spans", spans);
			tq_hit h = {si, s, d, di.first_tok,
			        di.first_tok + di.ntok, 0, 0, 0};
			if (di.ntok)
				rc = tq_json_spans(&h, 0, di.first_tok, spans);
			break;
		}
	}
	if (rc == 0 && td_index_damaged(ix) < 0)
		rc = TD_ECORRUPT;
	if (rc < 0) {
		json_decref(o);
		reply_td(r, rc);
	} else if (!found)
		reply_error(r, 404, "not-found", "no such document", -1);
	else
		reply_json(r, 200, o);
}

/* ------------------------------------------------------------- info */

static int by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void api_info(const ts_server *srv, const params *p, reply *r)
{
	td_index *ix;
	if (only(p, " ", r) < 0)
		return;
	int rc = ts_index(srv, &ix);
	if (rc < 0) {
		reply_td(r, rc);
		return;
	}
	/* the element names of every segment, once each */
	size_t n = 0, cap = 0;
	const char **names = NULL;
	for (size_t si = 0; si < td_index_nsegs(ix); si++) {
		td_seg *s = td_index_seg(ix, si);
		for (uint32_t k = 0; k < td_seg_span_nnames(s); k++) {
			const char *nm = td_seg_span_name(s, k);
			if (!nm)
				continue;
			if (TD_VEC_RESERVE(names, n, cap, 64)) {
				free(names);
				reply_td(r,
				        td_error(TD_ENOMEM, "out of memory"));
				return;
			}
			names[n++] = nm;
		}
	}
	if (n)
		qsort(names, n, sizeof *names, by_str);
	json_t *el = json_array();
	for (size_t i = 0; el && i < n; i++)
		if (!i || strcmp(names[i], names[i - 1]))
			json_array_append_new(el, json_string(names[i]));
	free(names);
	if (td_index_damaged(ix) < 0) {
		json_decref(el);
		reply_td(r, TD_ECORRUPT);
		return;
	}
	const char *base = strrchr(srv->index, '/');
	reply_json(r, 200,
	        el ? json_pack("{s:s, s:s, s:I, s:I, s:I, s:o, s:[sssssssss"
	                       "s], s:{s:i, s:i, s:i}}",
	                     "name", base && base[1] ? base + 1 : srv->index,
	                     "version", td_version(), "documents",
	                     (json_int_t)td_index_ndocs(ix), "tokens",
	                     (json_int_t)td_index_ntokens(ix), "segments",
	                     (json_int_t)td_index_nsegs(ix), "elements", el,
	                     "freq_by", "match", "norm", "lemma", "pos",
	                     "actor", "who", "hedge", "doc", "year", "month",
	                     "limits", "number", MAX_NUMBER, "value", MAX_VALUE,
	                     "params", MAX_PARAMS)
	           : NULL);
}

/* ------------------------------------------------------------ routing */

/* constant time: the token's length may show, its bytes not */
static int token_ok(const ts_server *srv, struct MHD_Connection *c)
{
	const char *h = MHD_lookup_connection_value(
	        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	if (!h || strncmp(h, "Bearer ", 7) != 0)
		return 0;
	h += 7;
	size_t n = strlen(srv->token);
	if (strlen(h) != n)
		return 0;
	unsigned char diff = 0;
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(h[i] ^ srv->token[i]);
	return diff == 0;
}

static void route(const ts_server *srv, struct MHD_Connection *c,
        const char *url, const params *p, reply *r)
{
	if (!strcmp(url, "/api/count"))
		api_count(srv, p, r);
	else if (!strcmp(url, "/api/hits"))
		api_hits(srv, p, r);
	else if (!strcmp(url, "/api/freq"))
		api_freq(srv, p, r);
	else if (!strcmp(url, "/api/collocates"))
		api_collocates(srv, p, r);
	else if (!strcmp(url, "/api/keywords"))
		api_keywords(srv, p, r);
	else if (!strcmp(url, "/api/docs"))
		api_docs(srv, p, r);
	else if (!strncmp(url, "/api/docs/", 10))
		api_doc(srv, p, url + 10, r);
	else if (!strcmp(url, "/api/info"))
		api_info(srv, p, r);
	else
		reply_error(r, 404, "not-found", "no such API endpoint", -1);
	(void)c;
}

static enum MHD_Result queue(
        struct MHD_Connection *c, reply *r, const ts_asset *asset, int head)
{
	struct MHD_Response *resp =
	        asset ? MHD_create_response_from_buffer(asset->len,
	                        (void *)asset->data, MHD_RESPMEM_PERSISTENT)
	              : MHD_create_response_from_buffer(
	                        r->len, r->body, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		if (!asset)
			free(r->body);
		return MHD_NO;
	}
	(void)head; /* MHD sends no body for HEAD */
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	        asset ? asset->type : r->type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	/* the page's own files only: no inline script, nothing fetched from
	 * elsewhere, so that a document's text can never run as code */
	MHD_add_response_header(resp, "Content-Security-Policy",
	        "default-src 'self'; script-src 'self'; style-src 'self'; "
	        "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
	        "form-action 'self'; frame-ancestors 'none'");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	        asset ? "no-cache" : "no-store");
	if (!asset && r->attachment) {
		char cd[96];
		snprintf(cd, sizeof cd, "attachment; filename=\"%s\"",
		        r->attachment);
		MHD_add_response_header(resp, "Content-Disposition", cd);
	}
	if (!asset && r->status == 401)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
		        "Bearer realm=\"tagdex\"");
	if (!asset && r->status == 405)
		MHD_add_response_header(
		        resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	enum MHD_Result ok =
	        MHD_queue_response(c, asset ? 200 : r->status, resp);
	MHD_destroy_response(resp);
	return ok;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
        const char *url, const char *method, const char *version,
        const char *upload, size_t *upload_size, void **state)
{
	const ts_server *srv = cls;
	reply r = {0};
	params p;
	(void)version;
	(void)upload;
	(void)upload_size;
	(void)state;
	int head = !strcmp(method, MHD_HTTP_METHOD_HEAD);
	if (strcmp(method, MHD_HTTP_METHOD_GET) && !head) {
		reply_error(&r, 405, "method", "only GET and HEAD", -1);
		return queue(c, &r, NULL, head);
	}
	if (strncmp(url, "/api/", 5) != 0) {
		for (size_t i = 0; i < ts_nassets; i++)
			if (!strcmp(url, ts_assets[i].path))
				return queue(c, &r, &ts_assets[i], head);
		reply_error(&r, 404, "not-found", "no such page", -1);
		return queue(c, &r, NULL, head);
	}
	if (srv->token && !token_ok(srv, c)) {
		reply_error(&r, 401, "token",
		        "this server needs 'Authorization: Bearer TOKEN'", -1);
		return queue(c, &r, NULL, head);
	}
	memset(&p, 0, sizeof p);
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, &p);
	if (p.bad[0])
		reply_error(&r, 400, "usage", p.bad, -1);
	else
		route(srv, c, url, &p, &r);
	return queue(c, &r, NULL, head);
}

struct MHD_Daemon *ts_start(
        const ts_server *srv, const struct sockaddr_in *addr, unsigned threads)
{
	/* a pool of one is no pool (MHD warns about it): the polling thread
	 * serves the requests itself */
	struct MHD_OptionItem pool[] = {
	        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)threads, NULL},
	        {MHD_OPTION_END, 0, NULL},
	};
	if (threads <= 1)
		pool[0].option = MHD_OPTION_END;
	return MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
	                                MHD_USE_ERROR_LOG,
	        0, NULL, NULL, handle, (void *)srv, MHD_OPTION_SOCK_ADDR, addr,
	        MHD_OPTION_ARRAY, pool,
	        /* slow or idle clients are dropped, and there are only so
	         * many of them: a few cannot hold every thread */
	        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)15,
	        MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
	        /* the request line and headers must fit: a longer one is
	         * answered 414 or 431 by the library */
	        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	        MHD_OPTION_END);
}
