/* doc.c: the document model, text plus standoff spans.
 * A td_doc owns every string it points to. Spans may be added in any order;
 * td_doc_sort_spans() puts them into nesting order for the writers. Nothing
 * here checks that spans nest: the TEI writer does, at the one place that
 * needs it. */
#include "config.h"
#include "tagdex.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

int td_doc_new(const char *id, const char *text, size_t len, td_doc **out)
{
	td_doc *d = calloc(1, sizeof *d);
	if (!d)
		return td_error(TD_ENOMEM, "out of memory");
	d->id = xstrdup(id ? id : "doc");
	d->text = malloc(len + 1);
	if (!d->id || !d->text) {
		td_doc_free(d);
		return td_error(TD_ENOMEM, "out of memory");
	}
	if (len)
		memcpy(d->text, text, len);
	d->text[len] = '\0';
	d->len = len;
	*out = d;
	return 0;
}

void td_meta_clear(td_meta *m)
{
	free(m->title);
	free(m->subtitle);
	free(m->date);
	free(m->genre);
	free(m->reading_time);
	free(m->author);
	free(m->url);
	free(m->source_name);
	free(m->source_sha256);
	free(m->extraction);
	free(m->tei_header);
	memset(m, 0, sizeof *m);
}

static void span_free(td_span *sp)
{
	free(sp->name);
	for (uint32_t j = 0; j < sp->n_attrs; j++) {
		free(sp->attrs[j].name);
		free(sp->attrs[j].value);
	}
	free(sp->attrs);
}

void td_doc_free(td_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->n_spans; i++)
		span_free(&doc->spans[i]);
	free(doc->spans);
	for (size_t i = 0; i < doc->n_actors; i++) {
		free(doc->actors[i].key);
		free(doc->actors[i].kind);
		free(doc->actors[i].name);
	}
	free(doc->actors);
	if (doc->tokens) {
		td_tokens_free(doc->tokens);
		free(doc->tokens);
	}
	td_meta_clear(&doc->meta);
	free(doc->id);
	free(doc->text);
	free(doc);
}

int32_t td_span_rank(const char *name)
{
	static const struct {
		const char *name;
		int32_t rank;
	} ranks[] = {
		{"text", 0}, {"front", 10}, {"body", 10}, {"back", 10},
		{"div", 20}, {"docTitle", 25}, {"argument", 25},
		{"docImprint", 25}, {"quote", 28}, {"note", 28},
		{"titlePart", 30}, {"head", 30}, {"p", 30}, {"s", 40},
		{"said", 45}, {"q", 47}, {"persName", 60}, {"orgName", 60},
		{"placeName", 60}, {"rs", 60}, {"name", 60}, {"seg", 70},
		{"date", 75}, {"docDate", 75}, {"w", 90},
	};
	for (size_t i = 0; i < sizeof ranks / sizeof ranks[0]; i++)
		if (strcmp(ranks[i].name, name) == 0)
			return ranks[i].rank;
	return 50;
}

int td_doc_add_span(td_doc *doc, const char *name, size_t start, size_t end,
	size_t *out_index, ...)
{
	va_list ap;
	td_span sp = {0};
	if (start > end || end > doc->len)
		return td_error(TD_EUSAGE, "span <%s> [%zu,%zu) outside text of %zu bytes",
			name, start, end, doc->len);
	if (doc->n_spans == doc->cap_spans) {
		size_t cap = doc->cap_spans ? doc->cap_spans * 2 : 64;
		td_span *v = realloc(doc->spans, cap * sizeof *v);
		if (!v)
			return td_error(TD_ENOMEM, "out of memory");
		doc->spans = v;
		doc->cap_spans = cap;
	}
	sp.start = start;
	sp.end = end;
	sp.rank = td_span_rank(name);
	sp.name = strdup(name);
	if (!sp.name)
		return td_error(TD_ENOMEM, "out of memory");
	doc->spans[doc->n_spans] = sp;
	size_t idx = doc->n_spans++;
	va_start(ap, out_index);
	for (;;) {
		const char *an = va_arg(ap, const char *);
		if (!an)
			break;
		const char *av = va_arg(ap, const char *);
		int rc = td_span_set_attr(doc, idx, an, av ? av : "");
		if (rc) {
			va_end(ap);
			return rc;
		}
	}
	va_end(ap);
	if (out_index)
		*out_index = idx;
	return 0;
}

int td_span_set_attr(td_doc *doc, size_t i, const char *name, const char *value)
{
	td_span *sp = &doc->spans[i];
	for (uint32_t j = 0; j < sp->n_attrs; j++) {
		if (strcmp(sp->attrs[j].name, name) == 0) {
			char *v = strdup(value);
			if (!v)
				return td_error(TD_ENOMEM, "out of memory");
			free(sp->attrs[j].value);
			sp->attrs[j].value = v;
			return 0;
		}
	}
	td_attr *a = realloc(sp->attrs, (sp->n_attrs + 1) * sizeof *a);
	if (!a)
		return td_error(TD_ENOMEM, "out of memory");
	sp->attrs = a;
	a[sp->n_attrs].name = strdup(name);
	a[sp->n_attrs].value = strdup(value);
	if (!a[sp->n_attrs].name || !a[sp->n_attrs].value) {
		free(a[sp->n_attrs].name);
		free(a[sp->n_attrs].value);
		return td_error(TD_ENOMEM, "out of memory");
	}
	sp->n_attrs++;
	return 0;
}

const char *td_span_attr(const td_span *sp, const char *name)
{
	for (uint32_t j = 0; j < sp->n_attrs; j++)
		if (strcmp(sp->attrs[j].name, name) == 0)
			return sp->attrs[j].value;
	return NULL;
}

int td_span_order(const td_span *x, const td_span *y)
{
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return 0;
}

static int span_cmp(const void *a, const void *b)
{
	return td_span_order(a, b);
}

void td_doc_sort_spans(td_doc *doc)
{
	/* qsort is not stable; equal spans keep no particular order, which is
	 * fine because equal rank and range means interchangeable nesting. */
	if (doc->n_spans > 1)
		qsort(doc->spans, doc->n_spans, sizeof *doc->spans, span_cmp);
}

int td_doc_add_actor(td_doc *doc, const char *key, const char *kind,
	const char *name)
{
	for (size_t i = 0; i < doc->n_actors; i++)
		if (strcmp(doc->actors[i].key, key) == 0)
			return 0;
	if (doc->n_actors == doc->cap_actors) {
		size_t cap = doc->cap_actors ? doc->cap_actors * 2 : 16;
		td_actor *v = realloc(doc->actors, cap * sizeof *v);
		if (!v)
			return td_error(TD_ENOMEM, "out of memory");
		doc->actors = v;
		doc->cap_actors = cap;
	}
	td_actor *a = &doc->actors[doc->n_actors];
	a->key = strdup(key);
	a->kind = strdup(kind ? kind : "person");
	a->name = strdup(name ? name : key);
	if (!a->key || !a->kind || !a->name) {
		free(a->key);
		free(a->kind);
		free(a->name);
		return td_error(TD_ENOMEM, "out of memory");
	}
	doc->n_actors++;
	return 0;
}

int td_meta_set(char **field, const char *value)
{
	char *v = NULL;
	if (value && !(v = strdup(value)))
		return td_error(TD_ENOMEM, "out of memory");
	free(*field);
	*field = v;
	return 0;
}
