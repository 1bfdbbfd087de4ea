/* score.c: tagdex-eval, which scores annotated TEI against hand-made gold
 * files (docs/gold-format.md): precision, recall and F1 per category, per
 * file and micro-averaged over all files given. With --check it exits 1 when
 * a category falls below the project's quality thresholds. Items are keyed
 * by their sentence's text (and its occurrence number), so a sentence split
 * that differs from the gold costs only the sentences concerned.
 */
#include "config.h"

#include <getopt.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagdex.h"
#include "exit_status.h"
#include "vec.h"
#include "util.h"

enum {
	C_SENT,
	C_ACTOR,
	C_QUOTE,
	C_ATTR,
	C_SAID,
	C_SAID_ATTR,
	C_HEDGE,
	C_HPRED,
	C_PRED,
	C_CLAIM,
	C_DATE,
	C_OVERALL, /* derived: the pooled counts of overall_cats */
	C_N
};
static const char *const cat_name[C_N] = {"sentences", "actors", "quotes",
        "attribution", "said", "said-attribution", "hedges",
        "hedged-predictions", "predictions", "claims", "dates", "overall"};
/* The categories of issue 13's table whose items "overall" pools: every
 * item of each counts once, so a category weighs by its number of items
 * (sentences, quote spans, said-attribution, hedged-predictions and dates
 * are left out: spans and subsets that the pooled ones already hold). */
static const int overall_cats[] = {
        C_ACTOR, C_ATTR, C_SAID, C_HEDGE, C_PRED, C_CLAIM};
/* the thresholds of issue 3; negative: none */
static double cat_min[C_N] = {
        0.95, 0.90, 0.95, 0.90, -1, 0.90, 0.90, 0.90, -1, 0.80, -1, -1};

static const char *const hedge_subtypes[] = {"probability", "possibility",
        "appearance", "approximation", "attribution", NULL};
/* actor kinds: the element name, and its @type when it has one */
static const char *const actor_kinds[] = {"persName", "orgName",
        "orgName:state", "rs", "rs:state", "rs:group", "placeName", NULL};
/* the name of the last row of --by-kind (the NULL slot above) */
static const char other_kind[] = "other";

typedef struct strv {
	char **v;
	size_t n, cap;
} strv;

typedef struct itemset {
	strv c[C_N];
	int nodates; /* gold without a "dates" member */
} itemset;

/* the rows of --by-kind: one per actor kind, and "other" for a system
 * element whose kind the profile does not list (gold ones are errors) */
#define N_KINDS (sizeof actor_kinds / sizeof *actor_kinds)

typedef struct counts {
	size_t gold[C_N], sys[C_N], ok[C_N];
	size_t kgold[N_KINDS], ksys[N_KINDS], kok[N_KINDS];
} counts;

static void die_oom(void)
{
	fputs("tagdex-eval: out of memory\n", stderr);
	exit(TD_EXIT_SYSTEM);
}

static void strv_push(strv *s, char *str)
{
	if (!str)
		die_oom();
	if (TD_VEC_RESERVE(s->v, s->n, s->cap, 32))
		die_oom();
	s->v[s->n++] = str;
}

static void itemset_clear(itemset *is)
{
	for (int k = 0; k < C_N; k++) {
		for (size_t i = 0; i < is->c[k].n; i++)
			free(is->c[k].v[i]);
		free(is->c[k].v);
	}
	memset(is, 0, sizeof *is);
}

/* White space runs become one space; ends trimmed. */
static char *norm_ws(const char *s)
{
	size_t n = strlen(s), j = 0;
	char *o = malloc(n + 1);
	int sp = 0;
	if (!o)
		die_oom();
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		int ws = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
		/* U+00A0 no-break space counts as white space */
		if (ch == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
			ws = 1;
			i++;
		}
		if (ws) {
			sp = j > 0;
			continue;
		}
		if (sp)
			o[j++] = ' ';
		sp = 0;
		o[j++] = s[i];
	}
	o[j] = '\0';
	return o;
}

static char *join3(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + (c ? strlen(c) : 0) + 3;
	char *o = malloc(n);
	if (!o)
		die_oom();
	snprintf(o, n, "%s\x1e%s\x1e%s", a, b, c ? c : "");
	return o;
}

/* Sentence keys: text plus its occurrence number among equal sentences. */
static char **sentence_keys(char **texts, size_t n)
{
	char **k = calloc(n ? n : 1, sizeof *k);
	if (!k)
		die_oom();
	for (size_t i = 0; i < n; i++) {
		int occ = 0;
		for (size_t j = 0; j < i; j++)
			occ += strcmp(texts[j], texts[i]) == 0;
		size_t len = strlen(texts[i]) + 16;
		k[i] = malloc(len);
		if (!k[i])
			die_oom();
		snprintf(k[i], len, "%s\x1f%d", texts[i], occ);
	}
	return k;
}

/* "name=value" pairs joined with ';' (NULL names end the list early; NULL
 * values are left out): the attributes an item is matched on. */
static char *join_kv(const char *n1, const char *v1, const char *n2,
        const char *v2, const char *n3, const char *v3)
{
	const char *n[3] = {n1, n2, n3}, *v[3] = {v1, v2, v3};
	size_t len = 1;
	for (int i = 0; i < 3 && n[i]; i++)
		len += strlen(n[i]) + (v[i] ? strlen(v[i]) : 0) + 2;
	char *o = malloc(len);
	if (!o)
		die_oom();
	o[0] = '\0';
	for (int i = 0; i < 3 && n[i]; i++)
		if (v[i]) {
			if (o[0])
				strcat(o, ";");
			strcat(o, n[i]);
			strcat(o, "=");
			strcat(o, v[i]);
		}
	return o;
}

/* The labels of the sentence skey: a prediction, a claim, a hedged
 * prediction. */
static void push_labels(
        itemset *is, const char *skey, int pred, int hedged, int claim)
{
	if (pred)
		strv_push(&is->c[C_PRED], strdup(skey));
	if (claim)
		strv_push(&is->c[C_CLAIM], strdup(skey));
	if (pred && hedged)
		strv_push(&is->c[C_HPRED], strdup(skey));
}

static int in_list(const char *v, const char *const *list)
{
	for (; v && *list; list++)
		if (!strcmp(v, *list))
			return 1;
	return 0;
}

/* Why a gold item cannot be scored, or NULL. Its text must start inside
 * sentence s (and may run on into the next ones: a quote over several
 * sentences), each member the profile defines must be there. */
static const char *gold_item_error(json_t *it, int cat, char **texts, size_t n)
{
	json_t *sj = json_object_get(it, "s");
	const char *text = json_string_value(json_object_get(it, "text"));
	if (!json_is_object(it))
		return "not an object";
	if (!json_is_integer(sj) || json_integer_value(sj) < 0 ||
	        (size_t)json_integer_value(sj) >= n)
		return "\"s\" is not a sentence index";
	if (!text || !*text)
		return "no \"text\"";
	size_t s = (size_t)json_integer_value(sj), len = 0;
	for (size_t i = s; i < n; i++)
		len += strlen(texts[i]) + 1;
	char *run = malloc(len + 1), *t = norm_ws(text);
	if (!run)
		die_oom();
	run[0] = '\0';
	for (size_t i = s; i < n; i++) {
		if (i > s)
			strcat(run, " ");
		strcat(run, texts[i]);
	}
	const char *at = strstr(run, t);
	int placed = at && (size_t)(at - run) < strlen(texts[s]);
	free(run);
	free(t);
	if (!placed)
		return "\"text\" is not in sentence \"s\"";
	json_t *who = json_object_get(it, "who");
	switch (cat) {
	case C_ACTOR:
		if (!json_string_value(json_object_get(it, "key")))
			return "no \"key\"";
		if (!in_list(json_string_value(json_object_get(it, "type")),
		            actor_kinds))
			return "\"type\" is not an actor kind";
		break;
	case C_QUOTE:
	case C_SAID:
		if (!who || !(json_is_null(who) || json_string_value(who)))
			return "\"who\" is neither a key nor null";
		break;
	case C_HEDGE:
		if (!in_list(json_string_value(json_object_get(it, "subtype")),
		            hedge_subtypes))
			return "\"subtype\" is not a hedge subtype";
		break;
	case C_DATE:
		if (!json_string_value(json_object_get(it, "when")) &&
		        !json_string_value(json_object_get(it, "notBefore")) &&
		        !json_string_value(json_object_get(it, "notAfter")))
			return "no \"when\", \"notBefore\" or \"notAfter\"";
		break;
	}
	return NULL;
}

/* ----------------------------------------------------------------- gold */

static int load_gold(const char *path, itemset *is, char **source)
{
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	if (!root) {
		fprintf(stderr, "tagdex-eval: %s:%d: %s\n", path, err.line,
		        err.text);
		return -1;
	}
	json_t *sents = json_object_get(root, "sentences");
	if (!json_is_array(sents)) {
		fprintf(stderr, "tagdex-eval: %s: no \"sentences\" array\n",
		        path);
		json_decref(root);
		return -1;
	}
	const char *src = json_string_value(json_object_get(root, "source"));
	*source = src ? strdup(src) : NULL;
	size_t n = json_array_size(sents);
	char **texts = calloc(n ? n : 1, sizeof *texts);
	if (!texts)
		die_oom();
	for (size_t i = 0; i < n; i++) {
		const char *t = json_string_value(json_array_get(sents, i));
		texts[i] = norm_ws(t ? t : "");
	}
	char **keys = sentence_keys(texts, n);
	for (size_t i = 0; i < n; i++)
		strv_push(&is->c[C_SENT], strdup(keys[i]));

	static const struct {
		const char *field;
		int cat;
	} lists[] = {{"actors", C_ACTOR}, {"quotes", C_QUOTE}, {"said", C_SAID},
	        {"hedges", C_HEDGE}, {"dates", C_DATE}};
	int bad = 0;
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		json_t *arr = json_object_get(root, lists[l].field), *it;
		size_t i;
		if (arr && !json_is_array(arr)) {
			fprintf(stderr,
			        "tagdex-eval: %s: \"%s\" is not an array\n",
			        path, lists[l].field);
			bad = 1;
			continue;
		}
		json_array_foreach(arr, i, it)
		{
			json_t *sj = json_object_get(it, "s");
			json_int_t s = json_integer_value(sj);
			const char *text =
			        json_string_value(json_object_get(it, "text"));
			const char *why =
			        gold_item_error(it, lists[l].cat, texts, n);
			if (why) {
				fprintf(stderr,
				        "tagdex-eval: %s: %s[%zu]: %s\n", path,
				        lists[l].field, i, why);
				bad = 1;
				continue;
			}
			char *t = norm_ws(text);
			const char *key =
			        json_string_value(json_object_get(it, "key"));
			const char *who =
			        json_string_value(json_object_get(it, "who"));
			char *extra = NULL;
			if (lists[l].cat == C_ACTOR)
				extra = join_kv("key", key, "kind",
				        json_string_value(
				                json_object_get(it, "type")),
				        NULL, NULL);
			else if (lists[l].cat == C_HEDGE)
				extra = join_kv("subtype",
				        json_string_value(
				                json_object_get(it, "subtype")),
				        NULL, NULL, NULL, NULL);
			else if (lists[l].cat == C_DATE)
				extra = join_kv("when",
				        json_string_value(
				                json_object_get(it, "when")),
				        "notBefore",
				        json_string_value(json_object_get(
				                it, "notBefore")),
				        "notAfter",
				        json_string_value(json_object_get(
				                it, "notAfter")));
			strv_push(
			        &is->c[lists[l].cat], join3(keys[s], t, extra));
			free(extra);
			if (lists[l].cat == C_QUOTE && who)
				strv_push(
				        &is->c[C_ATTR], join3(keys[s], t, who));
			if (lists[l].cat == C_SAID && who)
				strv_push(&is->c[C_SAID_ATTR],
				        join3(keys[s], t, who));
			free(t);
		}
	}
	/* a file without "dates" does not score dates (older gold) */
	if (!json_object_get(root, "dates"))
		is->nodates = 1;
	json_t *labels = json_object_get(root, "labels"), *it;
	size_t i;
	json_array_foreach(labels, i, it)
	{
		json_t *sj = json_object_get(it, "s");
		json_int_t s = json_integer_value(sj);
		json_t *ana = json_object_get(it, "ana"), *a;
		size_t j;
		int pred = 0, hedged = 0, claim = 0;
		if (!json_is_integer(sj) || s < 0 || (size_t)s >= n ||
		        !json_is_array(ana)) {
			fprintf(stderr, "tagdex-eval: %s: labels[%zu]: %s\n",
			        path, i,
			        !json_is_array(ana)
			                ? "no \"ana\" array"
			                : "\"s\" is not a sentence index");
			bad = 1;
			continue;
		}
		json_array_foreach(ana, j, a)
		{
			const char *v = json_string_value(a);
			if (v && *v == '#')
				v++;
			if (!v || (strcmp(v, "prediction") &&
			                  strcmp(v, "hedged") &&
			                  strcmp(v, "claim"))) {
				fprintf(stderr,
				        "tagdex-eval: %s: "
				        "labels[%zu].ana[%zu]: not "
				        "prediction, hedged or claim\n",
				        path, i, j);
				bad = 1;
				continue;
			}
			pred |= strcmp(v, "prediction") == 0;
			hedged |= strcmp(v, "hedged") == 0;
			claim |= strcmp(v, "claim") == 0;
		}
		push_labels(is, keys[s], pred, hedged, claim);
	}
	for (size_t k = 0; k < n; k++) {
		free(texts[k]);
		free(keys[k]);
	}
	free(texts);
	free(keys);
	json_decref(root);
	return bad ? -1 : 0;
}

/* ------------------------------------------------------------------ TEI */

static int is_tei(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static char *attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *o = v ? strdup((const char *)v) : NULL;
	xmlFree(v);
	return o;
}

static char *text_of(xmlNode *n)
{
	xmlChar *c = xmlNodeGetContent(n);
	char *o = norm_ws(c ? (const char *)c : "");
	xmlFree(c);
	return o;
}

typedef struct qpart {
	char *id, *next, *text, *who;
	int has_prev;
	size_t sent;
} qpart;

typedef struct teiscan {
	xmlNode **s;
	size_t n, cap;
} teiscan;

static void collect_s(xmlNode *n, teiscan *ts)
{
	for (xmlNode *c = n; c; c = c->next) {
		if (is_tei(c, "s")) {
			if (TD_VEC_RESERVE(ts->s, ts->n, ts->cap, 64))
				die_oom();
			ts->s[ts->n++] = c;
			continue; /* no s inside s */
		}
		/* pull quotes and notes hold no body sentences */
		if (is_tei(c, "quote") || is_tei(c, "note"))
			continue;
		if (c->children)
			collect_s(c->children, ts);
	}
}

static xmlNode *find_body(xmlNode *n)
{
	for (xmlNode *c = n; c; c = c->next) {
		if (is_tei(c, "body"))
			return c;
		if (is_tei(c, "teiHeader"))
			continue;
		xmlNode *b = c->children ? find_body(c->children) : NULL;
		if (b)
			return b;
	}
	return NULL;
}

/* Pushes the item of element c in the sentence skey: its text and kv (the
 * attributes it is matched on, freed here). */
static void push_item(strv *list, const char *skey, xmlNode *c, char *kv)
{
	char *t = text_of(c);
	strv_push(list, join3(skey, t, kv));
	free(t);
	free(kv);
}

static void walk_items(xmlNode *n, const char *skey, size_t si, itemset *is,
        qpart **qp, size_t *nq, size_t *capq)
{
	for (xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *nm = (const char *)c->name;
		if (!strcmp(nm, "persName") || !strcmp(nm, "orgName") ||
		        !strcmp(nm, "rs") || !strcmp(nm, "placeName")) {
			char *ref = attr(c, "ref");
			if (ref && ref[0]) {
				char *type = attr(c, "type"), kind[64];
				snprintf(kind, sizeof kind, "%s%s%s", nm,
				        type ? ":" : "", type ? type : "");
				push_item(&is->c[C_ACTOR], skey, c,
				        join_kv("key",
				                ref[0] == '#' ? ref + 1 : ref,
				                "kind", kind, NULL, NULL));
				free(type);
			}
			free(ref);
		} else if (!strcmp(nm, "q")) {
			if (TD_VEC_RESERVE(*qp, *nq, *capq, 16))
				die_oom();
			qpart *p = &(*qp)[(*nq)++];
			memset(p, 0, sizeof *p);
			p->id = attr(c, "id");
			if (!p->id) {
				xmlChar *v = xmlGetNsProp(
				        c, BAD_CAST "id", XML_XML_NAMESPACE);
				p->id = v ? strdup((const char *)v) : NULL;
				xmlFree(v);
			}
			p->next = attr(c, "next");
			char *prev = attr(c, "prev");
			p->has_prev = prev != NULL;
			free(prev);
			p->text = text_of(c);
			p->who = attr(c, "who");
			p->sent = si;
		} else if (!strcmp(nm, "said")) {
			char *t = text_of(c), *who = attr(c, "who");
			strv_push(&is->c[C_SAID], join3(skey, t, NULL));
			if (who && who[0])
				strv_push(&is->c[C_SAID_ATTR],
				        join3(skey, t,
				                who[0] == '#' ? who + 1 : who));
			free(who);
			free(t);
		} else if (!strcmp(nm, "seg")) {
			char *type = attr(c, "type");
			if (type && !strcmp(type, "hedge")) {
				char *sub = attr(c, "subtype");
				push_item(&is->c[C_HEDGE], skey, c,
				        join_kv("subtype", sub, NULL, NULL,
				                NULL, NULL));
				free(sub);
			}
			free(type);
		} else if (!strcmp(nm, "date")) {
			char *w = attr(c, "when"), *nb = attr(c, "notBefore"),
			     *na = attr(c, "notAfter");
			push_item(&is->c[C_DATE], skey, c,
			        join_kv("when", w, "notBefore", nb, "notAfter",
			                na));
			free(w);
			free(nb);
			free(na);
		}
		if (c->children)
			walk_items(c->children, skey, si, is, qp, nq, capq);
	}
}

static int load_tei_mem(
        const char *name, const char *data, size_t len, itemset *is)
{
	xmlDoc *doc = xmlReadMemory(data, (int)len, name, NULL,
	        XML_PARSE_NONET | XML_PARSE_NOBLANKS * 0 | XML_PARSE_NOERROR |
	                XML_PARSE_NOWARNING);
	if (!doc) {
		fprintf(stderr, "tagdex-eval: %s: not well-formed XML\n", name);
		return -1;
	}
	xmlNode *body = find_body(xmlDocGetRootElement(doc));
	teiscan ts = {0};
	if (body)
		collect_s(body->children, &ts);
	char **texts = calloc(ts.n ? ts.n : 1, sizeof *texts);
	if (!texts)
		die_oom();
	for (size_t i = 0; i < ts.n; i++)
		texts[i] = text_of(ts.s[i]);
	char **keys = sentence_keys(texts, ts.n);
	qpart *qp = NULL;
	size_t nq = 0, capq = 0;
	for (size_t i = 0; i < ts.n; i++) {
		strv_push(&is->c[C_SENT], strdup(keys[i]));
		char *ana = attr(ts.s[i], "ana");
		if (ana) {
			int pred = strstr(ana, "#prediction") != NULL,
			    hedged = strstr(ana, "#hedged") != NULL,
			    claim = strstr(ana, "#claim") != NULL;
			push_labels(is, keys[i], pred, hedged, claim);
			free(ana);
		}
		walk_items(ts.s[i]->children, keys[i], i, is, &qp, &nq, &capq);
	}
	/* quotes: a chain of parts (@next) is one quote, keyed by its first */
	for (size_t i = 0; i < nq; i++) {
		if (qp[i].has_prev)
			continue;
		size_t tl = strlen(qp[i].text) + 1;
		char *t = strdup(qp[i].text);
		const char *next = qp[i].next;
		for (int guard = 0; t && next && guard < 1000; guard++) {
			const qpart *nx = NULL;
			for (size_t j = 0; j < nq && !nx; j++)
				if (qp[j].id &&
				        !strcmp(qp[j].id, next[0] == '#'
				                                  ? next + 1
				                                  : next))
					nx = &qp[j];
			if (!nx)
				break;
			tl += strlen(nx->text) + 1;
			char *u = malloc(tl);
			if (!u)
				die_oom();
			snprintf(u, tl, "%s %s", t, nx->text);
			free(t);
			t = u;
			next = nx->next;
		}
		strv_push(&is->c[C_QUOTE], join3(keys[qp[i].sent], t, NULL));
		if (qp[i].who && qp[i].who[0])
			strv_push(&is->c[C_ATTR],
			        join3(keys[qp[i].sent], t,
			                qp[i].who[0] == '#' ? qp[i].who + 1
			                                    : qp[i].who));
		free(t);
	}
	for (size_t i = 0; i < nq; i++) {
		free(qp[i].id);
		free(qp[i].next);
		free(qp[i].text);
		free(qp[i].who);
	}
	free(qp);
	for (size_t i = 0; i < ts.n; i++) {
		free(texts[i]);
		free(keys[i]);
	}
	free(texts);
	free(keys);
	free(ts.s);
	xmlFreeDoc(doc);
	return 0;
}

static int load_system(const char *path, itemset *is)
{
	char *data;
	size_t len;
	int rc;
	if (td_read_file(path, &data, &len)) {
		fprintf(stderr, "tagdex-eval: %s\n", td_error_last());
		return -1;
	}
	rc = load_tei_mem(path, data, len, is);
	free(data);
	return rc;
}

/* --------------------------------------------------------------- scores */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks the sorted lists g (gold) and s (system) side by side: the number
 * of items both hold (an item twice in both counts twice); with cat, each
 * item only one of them holds is printed, MISS (gold only) or EXTRA. */
static size_t sorted_walk(strv *g, strv *s, const char *cat)
{
	size_t i = 0, j = 0, n = 0;
	while (i < g->n || j < s->n) {
		int r = i < g->n && j < s->n ? strcmp(g->v[i], s->v[j])
		                             : (i < g->n ? -1 : 1);
		const char *v = r <= 0 ? g->v[i] : s->v[j];
		if (r != 0 && cat) {
			const char *a = strchr(v, '\x1e');
			fprintf(stderr, "  %s %s: %.*s\n    | %s\n",
			        r < 0 ? "MISS" : "EXTRA", cat,
			        (int)(a ? a - v : (long)strlen(v)), v,
			        a ? a + 1 : "");
		}
		if (r == 0) {
			n++;
			i++;
			j++;
		} else if (r < 0)
			i++;
		else
			j++;
	}
	return n;
}

static size_t multiset_common(strv *a, strv *b)
{
	if (a->n)
		qsort(a->v, a->n, sizeof *a->v, cmp_str);
	if (b->n)
		qsort(b->v, b->n, sizeof *b->v, cmp_str);
	return sorted_walk(a, b, NULL);
}

/* The index in actor_kinds of an actor item's kind (the last "kind=" of
 * its attributes), N_KINDS - 1 ("other") for an unlisted one. */
static size_t kind_of(const char *item)
{
	const char *kv = strrchr(item, '\x1e'), *k = NULL;
	for (const char *p = kv; p && (p = strstr(p, "kind=")); p++)
		k = p + 5;
	for (size_t i = 0; k && actor_kinds[i]; i++)
		if (!strcmp(k, actor_kinds[i]))
			return i;
	return N_KINDS - 1;
}

/* --by-kind: the actors category split by kind. g and s are sorted, so
 * the items of one kind are sorted too and walked as the whole lists are;
 * an item matches only one of its own kind (the kind is part of it). */
static void count_kinds(strv *g, strv *s, counts *k)
{
	strv a = {0}, b = {0};
	size_t cap = (g->n > s->n ? g->n : s->n) + 1;
	a.v = malloc(cap * sizeof *a.v);
	b.v = malloc(cap * sizeof *b.v);
	if (!a.v || !b.v)
		die_oom();
	for (size_t kind = 0; kind < N_KINDS; kind++) {
		a.n = b.n = 0;
		for (size_t i = 0; i < g->n; i++)
			if (kind_of(g->v[i]) == kind)
				a.v[a.n++] = g->v[i];
		for (size_t i = 0; i < s->n; i++)
			if (kind_of(s->v[i]) == kind)
				b.v[b.n++] = s->v[i];
		k->kgold[kind] = a.n;
		k->ksys[kind] = b.n;
		k->kok[kind] = sorted_walk(&a, &b, NULL);
	}
	free(a.v);
	free(b.v);
}

static void prf(
        size_t gold, size_t sys, size_t ok, double *p, double *r, double *f)
{
	*p = sys ? (double)ok / (double)sys : (gold ? 0.0 : 1.0);
	*r = gold ? (double)ok / (double)gold : (sys ? 0.0 : 1.0);
	*f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
	if (!gold && !sys)
		*f = 1.0;
}

static void print_row(const char *file, const char *cat, size_t gold,
        size_t sys, size_t ok, int tsv)
{
	double p, r, f;
	prf(gold, sys, ok, &p, &r, &f);
	if (tsv)
		printf("%s\t%s\t%zu\t%zu\t%zu\t%.4f\t%.4f\t%.4f\n", file, cat,
		        gold, sys, ok, p, r, f);
	else
		printf("%-20s %6zu %6zu %7zu %6.3f %6.3f %6.3f\n", cat, gold,
		        sys, ok, p, r, f);
}

static void print_rows(
        const char *file, const counts *k, int tsv, int header, int by_kind)
{
	if (header) {
		if (tsv)
			printf("file\tcategory\tgold\tsystem\tcorrect\tP\tR\tF1"
			       "\n");
		else
			printf("%-20s %6s %6s %7s %6s %6s %6s\n", "category",
			        "gold", "system", "correct", "P", "R", "F1");
	}
	if (!tsv)
		printf("== %s\n", file);
	for (int c = 0; c < C_N; c++)
		print_row(file, cat_name[c], k->gold[c], k->sys[c], k->ok[c],
		        tsv);
	for (size_t i = 0; by_kind && i < N_KINDS; i++) {
		char cat[64];
		snprintf(cat, sizeof cat, "actors:%s",
		        actor_kinds[i] ? actor_kinds[i] : other_kind);
		print_row(file, cat, k->kgold[i], k->ksys[i], k->kok[i], tsv);
	}
}

static void usage(FILE *f)
{
	fputs("usage: tagdex-eval [--check] [--min CATEGORY=F1] [--format "
	      "table|tsv]\n"
	      "                   [--verbose] [--by-kind] GOLD.json TEI.xml "
	      "[GOLD.json TEI.xml ...]\n",
	        f);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {{"check", no_argument, 0, 'c'},
	        {"min", required_argument, 0, 'm'},
	        {"format", required_argument, 0, 'f'},
	        {"verbose", no_argument, 0, 'v'}, {"help", no_argument, 0, 'h'},
	        {"by-kind", no_argument, 0, 'k'}, {0, 0, 0, 0}};
	int check = 0, tsv = 0, verbose = 0, by_kind = 0, o;
	while ((o = getopt_long(argc, argv, "cm:f:vhk", lo, NULL)) != -1) {
		switch (o) {
		case 'c':
			check = 1;
			break;
		case 'm': {
			const char *eq = strchr(optarg, '=');
			int found = 0;
			for (int c = 0; eq && c < C_N; c++)
				if (strlen(cat_name[c]) ==
				                (size_t)(eq - optarg) &&
				        !strncmp(cat_name[c], optarg,
				                (size_t)(eq - optarg))) {
					cat_min[c] = atof(eq + 1);
					found = 1;
				}
			if (!found) {
				fprintf(stderr,
				        "tagdex-eval: --min %s: unknown "
				        "category\n",
				        optarg);
				return TD_EXIT_USAGE;
			}
			check = 1;
			break;
		}
		case 'f':
			if (!strcmp(optarg, "tsv"))
				tsv = 1;
			else if (strcmp(optarg, "table")) {
				usage(stderr);
				return TD_EXIT_USAGE;
			}
			break;
		case 'v':
			verbose = 1;
			break;
		case 'k':
			by_kind = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return TD_EXIT_USAGE;
		}
	}
	if (argc - optind < 2 || (argc - optind) % 2) {
		usage(stderr);
		return TD_EXIT_USAGE;
	}
	counts all = {0};
	int nfiles = 0;
	for (int a = optind; a < argc; a += 2) {
		itemset g = {0}, s = {0};
		char *src = NULL;
		counts k = {0};
		if (load_gold(argv[a], &g, &src) < 0 ||
		        load_system(argv[a + 1], &s) < 0) {
			itemset_clear(&g);
			itemset_clear(&s);
			free(src);
			return TD_EXIT_INPUT;
		}
		if (g.nodates) /* not scored for this file */
			for (size_t i = 0; i < s.c[C_DATE].n; i++)
				free(s.c[C_DATE].v[i]);
		if (g.nodates)
			s.c[C_DATE].n = 0;
		for (int c = 0; c < C_N; c++) {
			k.gold[c] = g.c[c].n;
			k.sys[c] = s.c[c].n;
			k.ok[c] = multiset_common(&g.c[c], &s.c[c]);
			all.gold[c] += k.gold[c];
			all.sys[c] += k.sys[c];
			all.ok[c] += k.ok[c];
			if (verbose)
				sorted_walk(&g.c[c], &s.c[c],
				        cat_name[c]); /* sorted above */
		}
		if (by_kind)
			count_kinds(&g.c[C_ACTOR], &s.c[C_ACTOR], &k);
		for (size_t i = 0; i < N_KINDS; i++) {
			all.kgold[i] += k.kgold[i];
			all.ksys[i] += k.ksys[i];
			all.kok[i] += k.kok[i];
		}
		for (size_t i = 0;
		        i < sizeof overall_cats / sizeof *overall_cats; i++) {
			int c = overall_cats[i];
			k.gold[C_OVERALL] += k.gold[c];
			k.sys[C_OVERALL] += k.sys[c];
			k.ok[C_OVERALL] += k.ok[c];
		}
		all.gold[C_OVERALL] += k.gold[C_OVERALL];
		all.sys[C_OVERALL] += k.sys[C_OVERALL];
		all.ok[C_OVERALL] += k.ok[C_OVERALL];
		print_rows(argv[a + 1], &k, tsv, nfiles == 0, by_kind);
		nfiles++;
		itemset_clear(&g);
		itemset_clear(&s);
		free(src);
	}
	if (nfiles > 1)
		print_rows("ALL (micro-average)", &all, tsv, 0, by_kind);
	int fail = 0;
	if (check)
		for (int c = 0; c < C_N; c++) {
			double p, r, f;
			if (cat_min[c] < 0)
				continue;
			prf(all.gold[c], all.sys[c], all.ok[c], &p, &r, &f);
			if (f + 1e-9 < cat_min[c]) {
				fprintf(stderr,
				        "tagdex-eval: %s F1 %.3f below %.2f\n",
				        cat_name[c], f, cat_min[c]);
				fail = 1;
			}
		}
	xmlCleanupParser();
	return fail;
}
