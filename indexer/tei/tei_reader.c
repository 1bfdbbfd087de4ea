/* tei_reader.c: any well-formed TEI P5 file into the document model.
 * A <TEI> is one document, a <teiCorpus> one document per <TEI> in it (its
 * header fills what a TEI's own header leaves empty). The text content of
 * <text> is the document text, white space kept as it is, except that a
 * block element (<p>, <head>, <div>, <l>, <item>, <cell>, <u> ... and the
 * milestones <lb>, <pb>, <cb> without break="no") that meets a word with
 * no white space between them is parted from it by a newline, which the
 * markup implies ("<head>Title</head><p>One" is two words), and two
 * TEI tokens (<w>, <pc>) that the tokeniser would read as one are parted
 * by a space unless @join says they are written together (part_tokens);
 * every element from <text> down is a span with all its attributes, in
 * document order (pre-order, i.e. the XML nesting). The teiHeader is metadata,
 * never text. xi:include of local files under the input's folder is followed as
 * if the included document stood in its place (ParlaMint corpus roots).
 * Streaming (xmlTextReader, explicit stack): no recursion, no network, no
 * external entities or DTDs, bounded depth. Validity is not required. */
#include "config.h"
#include "tei.h"
#include "vec.h"
#include "buf.h"
#include "util.h"
#include "error.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"
#define TD_TEI_MAXDEPTH 10000
#define XI_NS "http://www.w3.org/2001/XInclude"
#define TD_TEI_MAXINCLUDE 16 /* files open at once along one include chain */

/* header fields captured from element text */
enum {
	F_NONE,
	F_TITLE,
	F_SUBTITLE,
	F_AUTHOR,
	F_DATE,
	F_GENRE,
	F_SHA,
	F_SRCNAME,
	F_URL,
	F_ACTORNAME
};

/* Where a header date comes from, most specific first: the setting of a
 * sitting (ParlaMint), the source's first edition (ELTeC), another date of
 * the source, the creation, and the publication of the file itself. */
enum { D_SETTING = 1, D_FIRSTED, D_SOURCE, D_CREATION, D_PUBLICATION, D_NONE };

typedef struct frame {
	int span;    /* index into spans, or -1 */
	int doc;     /* a <TEI> of a teiCorpus: a document ends with it */
	int in_text; /* inside <text> */
	int header;  /* inside teiHeader */
	int actor;   /* a person/org element: index into actors, or -1 */
	const char *kind;
	char *name; /* local name, for the header rules */
	int tei;    /* in the TEI namespace (or none) */
} frame;

typedef struct ractor {
	char *key, *kind, *name;
} ractor;

/* a file being read: the input, or one that an xi:include brought in */
typedef struct rfile {
	xmlTextReaderPtr r;
	const char *name;
	char *path, *data;
	int line; /* of the xi:include in the including file */
} rfile;

typedef struct rd {
	const char *name;
	xmlTextReaderPtr r;
	char err[512];
	int errline;
	td_buf text, cap;
	int field, field_depth;
	td_span *spans;
	size_t nspans, cap_spans;
	frame *st;
	size_t nst, cap_st;
	char *root_id;
	td_meta meta;
	int date_rank; /* D_*: the source of meta.date */
	int cap_rank;  /* the source of the date being captured */
	int first_ed;  /* depth of a <bibl type="firstEdition">, or 0 */
	ractor *actors;
	size_t nactors, cap_actors;
	int cur_actor; /* the person/org being read, -1 if none */
	int ntexts;
	/* the root: TEI (one document) or teiCorpus (one per TEI); anything
	 * else is not a document */
	int corpus;
	char *root_name;
	td_meta cmeta; /* the corpus headers: fallback of each TEI's */
	ractor *cactors;
	size_t ncactors, cap_cactors;
	td_doc **docs;
	size_t ndocs, cap_docs;
	/* xi:include: the files under the one being read, the input's folder,
	 * every file read so far (a second inclusion is refused) */
	rfile inc[TD_TEI_MAXINCLUDE];
	int ninc;
	char *basedir;
	char **seen;
	size_t nseen, cap_seen;
	int list_only;     /* td_tei_included: follow includes, nothing else */
	int pending_break; /* a block ended: part it from a word that follows */
	/* a <w> or <pc> (not inside another) ended with no text after it yet:
	 * where (wedge_at), its text's start, the spans open then, whether its
	 * @join says its right side touches the next token, and whether the
	 * next <w>/<pc> has started (wnext). See part_tokens(). */
	int wedge, wedge_join, wnext;
	size_t wedge_at, wedge_from, wedge_nspans;
} rd;

static void on_error(void *ctx, xmlErrorPtr e)
{
	rd *r = ctx;
	if (!e || e->level < XML_ERR_ERROR || r->err[0])
		return;
	snprintf(
	        r->err, sizeof r->err, "%s", e->message ? e->message : "error");
	r->err[strcspn(r->err, "\n")] = '\0';
	r->errline = e->line;
}

/* Collapses white space runs to one space and trims. */
static char *squash(const char *s)
{
	char *o = malloc(strlen(s) + 1), *q = o;
	if (!o)
		return NULL;
	int sp = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			sp = q != o;
			continue;
		}
		if (sp)
			*q++ = ' ';
		sp = 0;
		*q++ = *s;
	}
	*q = '\0';
	return o;
}

static int set_once(char **field, const char *v)
{
	if (*field || !v || !*v)
		return 0;
	return td_meta_set(field, v);
}

static const char *attr(rd *r, const char *name)
{
	return (const char *)xmlTextReaderGetAttribute(
	        r->r, (const xmlChar *)name);
}

static int in(const rd *r, const char *name)
{
	for (size_t i = 0; i < r->nst; i++)
		if (!strcmp(r->st[i].name, name))
			return 1;
	return 0;
}

static int add_actor(rd *r, const char *key, const char *kind)
{
	for (size_t i = 0; i < r->nactors; i++)
		if (!strcmp(r->actors[i].key, key)) {
			r->cur_actor = -1;
			return 0;
		}
	if (TD_VEC_RESERVE(r->actors, r->nactors, r->cap_actors, 16))
		return td_error(TD_ENOMEM, "out of memory");
	r->actors[r->nactors].key = strdup(key);
	r->actors[r->nactors].kind = strdup(kind);
	r->actors[r->nactors].name = NULL;
	if (!r->actors[r->nactors].key || !r->actors[r->nactors].kind)
		return td_error(TD_ENOMEM, "out of memory");
	r->cur_actor = (int)r->nactors++;
	return 0;
}

static int set_date(rd *r, const char *v, int rank)
{
	if (rank >= r->date_rank)
		return 0;
	free(r->meta.date);
	r->meta.date = NULL;
	r->date_rank = rank;
	return td_meta_set(&r->meta.date, v);
}

/* Header rules: which element starts which field. */
static void header_element(rd *r, const char *n, int depth)
{
	int f = F_NONE;
	if (!strcmp(n, "title") && in(r, "titleStmt") && !in(r, "sourceDesc")) {
		const char *t = attr(r, "type");
		f = t && !strcmp(t, "sub")     ? F_SUBTITLE
		    : !t || !strcmp(t, "main") ? F_TITLE
		                               : F_NONE;
		xmlFree((void *)t);
	} else if (!strcmp(n, "author") && in(r, "titleStmt")) {
		f = F_AUTHOR;
	} else if (!strcmp(n, "bibl") && in(r, "sourceDesc") && !r->first_ed) {
		const char *t = attr(r, "type");
		if (t && !strcmp(t, "firstEdition"))
			r->first_ed = depth + 1;
		xmlFree((void *)t);
	} else if (!strcmp(n, "date")) {
		int rank = in(r, "setting") ? D_SETTING
		           : in(r, "sourceDesc")
		                   ? (r->first_ed ? D_FIRSTED : D_SOURCE)
		           : in(r, "creation")        ? D_CREATION
		           : in(r, "publicationStmt") ? D_PUBLICATION
		                                      : D_NONE;
		const char *w = rank < r->date_rank ? attr(r, "when") : NULL;
		if (w && td_iso_date(w)) {
			set_date(r, w, rank);
		} else if (rank < r->date_rank) {
			f = F_DATE;
			r->cap_rank = rank;
		}
		xmlFree((void *)w);
	} else if ((!strcmp(n, "term") || !strcmp(n, "classCode")) &&
	           in(r, "textClass")) {
		f = F_GENRE;
	} else if (!strcmp(n, "idno")) {
		const char *t = attr(r, "type");
		if (t &&
		        (!strcasecmp(t, "sha256") || !strcasecmp(t, "SHA-256")))
			f = F_SHA;
		else if (t && (!strcmp(t, "filename") || !strcmp(t, "file") ||
		                      !strcmp(t, "source")))
			f = F_SRCNAME;
		else if (t &&
		         (!strcasecmp(t, "url") || !strcasecmp(t, "uri")) &&
		         in(r, "sourceDesc"))
			f = F_URL;
		xmlFree((void *)t);
	} else if ((!strcmp(n, "persName") || !strcmp(n, "orgName") ||
	                   !strcmp(n, "name")) &&
	           r->cur_actor >= 0 && !r->actors[r->cur_actor].name) {
		f = F_ACTORNAME;
	}
	if (f != F_NONE && r->field == F_NONE) {
		r->field = f;
		r->field_depth = depth;
		r->cap.n = 0;
		if (r->cap.s)
			r->cap.s[0] = '\0';
	}
}

static int header_end(rd *r)
{
	char *v = squash(r->cap.s ? r->cap.s : "");
	if (!v)
		return td_error(TD_ENOMEM, "out of memory");
	int rc = 0;
	switch (r->field) {
	case F_TITLE:
		rc = set_once(&r->meta.title, v);
		break;
	case F_SUBTITLE:
		rc = set_once(&r->meta.subtitle, v);
		break;
	case F_AUTHOR:
		rc = set_once(&r->meta.author, v);
		break;
	case F_DATE:
		if (td_iso_date(v))
			rc = set_date(r, v, r->cap_rank);
		break;
	case F_GENRE:
		rc = set_once(&r->meta.genre, v);
		break;
	case F_SHA:
		rc = set_once(&r->meta.source_sha256, v);
		break;
	case F_SRCNAME:
		rc = set_once(&r->meta.source_name, v);
		break;
	case F_URL:
		rc = set_once(&r->meta.url, v);
		break;
	case F_ACTORNAME:
		if (r->cur_actor >= 0 && *v)
			rc = set_once(&r->actors[r->cur_actor].name, v);
		break;
	}
	free(v);
	r->field = F_NONE;
	return rc;
}

static int push_frame(rd *r, frame f)
{
	if (TD_VEC_RESERVE(r->st, r->nst, r->cap_st, 64))
		return td_error(TD_ENOMEM, "out of memory");
	r->st[r->nst++] = f;
	return 0;
}

static int new_span(rd *r, const char *name, int *idx)
{
	if (TD_VEC_RESERVE(r->spans, r->nspans, r->cap_spans, 256))
		return td_error(TD_ENOMEM, "out of memory");
	td_span *sp = &r->spans[r->nspans];
	memset(sp, 0, sizeof *sp);
	sp->start = sp->end = r->text.n;
	sp->rank = td_span_rank(name);
	if (!(sp->name = td_span_name_dup(name)))
		return td_error(TD_ENOMEM, "out of memory");
	*idx = (int)r->nspans++;
	while (xmlTextReaderMoveToNextAttribute(r->r) == 1) {
		if (xmlTextReaderIsNamespaceDecl(r->r))
			continue;
		const char *an = (const char *)xmlTextReaderConstName(r->r);
		const char *av = (const char *)xmlTextReaderConstValue(r->r);
		/* XML names an attribute once: this adds, never replaces */
		int rc = td_span_put_attr(sp, an ? an : "", av ? av : "");
		if (rc)
			return rc;
	}
	xmlTextReaderMoveToElement(r->r);
	return 0;
}

/* "doc-" and the slug of the file's base name, without extension; with
 * "-K" for the K-th TEI of a corpus (k > 0). */
static char *fallback_id(const char *name, size_t k)
{
	const char *b = strrchr(name, '/');
	b = b ? b + 1 : name;
	char *base = strdup(b), *slug = NULL, *id;
	if (!base)
		return NULL;
	char *dot = strrchr(base, '.');
	if (dot && dot != base)
		*dot = '\0';
	if (td_slug(base, &slug)) {
		free(base);
		return NULL;
	}
	free(base);
	size_t n = strlen(slug) + 32;
	if ((id = malloc(n))) {
		if (k)
			snprintf(id, n, "doc-%s-%zu", *slug ? slug : "tei", k);
		else
			snprintf(id, n, "doc-%s", *slug ? slug : "tei");
	}
	free(slug);
	return id;
}

/* Fields of to that are empty take from's (copied); from is kept. */
static int meta_fill(td_meta *to, const td_meta *from)
{
	char **t[] = {&to->title, &to->subtitle, &to->date, &to->genre,
	        &to->reading_time, &to->author, &to->url, &to->source_name,
	        &to->source_sha256, &to->extraction, &to->tei_header};
	char *const f[] = {from->title, from->subtitle, from->date, from->genre,
	        from->reading_time, from->author, from->url, from->source_name,
	        from->source_sha256, from->extraction, from->tei_header};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (!*t[i] && f[i] && !(*t[i] = strdup(f[i])))
			return td_error(TD_ENOMEM, "out of memory");
	return 0;
}

static void actors_free(ractor *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(a[i].key);
		free(a[i].kind);
		free(a[i].name);
	}
	free(a);
}

static void spans_free(td_span *sp, size_t n)
{
	for (size_t i = 0; i < n; i++)
		td_span_clear(&sp[i]);
	free(sp);
}

/* The document state back to empty, for the next TEI. */
static void doc_reset(rd *r)
{
	r->text.n = 0;
	if (r->text.s)
		r->text.s[0] = '\0';
	spans_free(r->spans, r->nspans);
	r->spans = NULL;
	r->nspans = r->cap_spans = 0;
	td_meta_clear(&r->meta);
	actors_free(r->actors, r->nactors);
	r->actors = NULL;
	r->nactors = r->cap_actors = 0;
	r->cur_actor = -1;
	r->date_rank = D_NONE;
	r->ntexts = 0;
	r->pending_break = 0;
	r->wedge = r->wnext = 0;
	free(r->root_id);
	r->root_id = NULL;
}

/* A <TEI> of a corpus starts: what was read so far (corpus headers, a
 * listPerson they include) becomes the corpus fallback. */
static int begin_doc(rd *r)
{
	int rc = meta_fill(&r->cmeta, &r->meta);
	for (size_t i = 0; !rc && i < r->nactors; i++) {
		size_t j = 0;
		while (j < r->ncactors &&
		        strcmp(r->cactors[j].key, r->actors[i].key))
			j++;
		if (j < r->ncactors)
			continue;
		if (TD_VEC_RESERVE(r->cactors, r->ncactors, r->cap_cactors, 8))
			return td_error(TD_ENOMEM, "out of memory");
		r->cactors[r->ncactors++] = r->actors[i];
		r->actors[i] = (ractor){NULL, NULL, NULL};
	}
	doc_reset(r);
	return rc;
}

/* The document read so far, appended to r->docs; the state is reset. */
static int finish_doc(rd *r)
{
	int rc;
	char *fid = NULL;
	td_doc *d = NULL;
	if ((rc = td_buf_add(&r->text, "", 0)))
		return rc;
	if (!r->root_id &&
	        !(fid = fallback_id(r->name, r->corpus ? r->ndocs + 1 : 0)))
		return td_error(TD_ENOMEM, "out of memory");
	if (TD_VEC_RESERVE(r->docs, r->ndocs, r->cap_docs, 8)) {
		free(fid);
		return td_error(TD_ENOMEM, "out of memory");
	}
	rc = td_doc_new(
	        r->root_id ? r->root_id : fid, r->text.s, r->text.n, &d);
	free(fid);
	if (rc)
		return rc;
	/* hand the spans and metadata over as they are */
	d->spans = r->spans;
	d->n_spans = d->cap_spans = r->nspans;
	r->spans = NULL;
	r->nspans = r->cap_spans = 0;
	d->meta = r->meta;
	memset(&r->meta, 0, sizeof r->meta);
	rc = meta_fill(&d->meta, &r->cmeta);
	if (!rc && d->meta.tei_header) {
		char *kept = NULL;
		rc = td_tei_header_keep(
		        r->name, d->id, d->meta.tei_header, &kept);
		free(d->meta.tei_header);
		d->meta.tei_header = kept;
	}
	for (size_t i = 0; i < r->nactors && !rc; i++)
		rc = td_doc_add_actor(d, r->actors[i].key, r->actors[i].kind,
		        r->actors[i].name);
	for (size_t i = 0; i < r->ncactors && !rc; i++)
		rc = td_doc_add_actor(d, r->cactors[i].key, r->cactors[i].kind,
		        r->cactors[i].name);
	if (rc) {
		td_doc_free(d);
		return rc;
	}
	r->docs[r->ndocs++] = d;
	doc_reset(r);
	return 0;
}

/* Elements whose edges part words (TEI's divisions, paragraphs, verse,
 * lists, tables, drama, notes, utterances), and the milestones that do
 * unless break="no". Inline elements (hi, name, seg, s, w, quote ...) do
 * not: "<hi>Wash</hi>ington" is one word. Sorted for bsearch. */
static const char *const block_names[] = {
        "ab",
        "argument",
        "back",
        "body",
        "castList",
        "cb",
        "cell",
        "closer",
        "dateline",
        "div",
        "div1",
        "div2",
        "div3",
        "div4",
        "div5",
        "div6",
        "div7",
        "docAuthor",
        "docTitle",
        "epigraph",
        "figDesc",
        "figure",
        "front",
        "head",
        "item",
        "l",
        "label",
        "lb",
        "lg",
        "list",
        "note",
        "opener",
        "p",
        "pb",
        "postscript",
        "row",
        "salute",
        "signed",
        "sp",
        "speaker",
        "stage",
        "table",
        "titlePage",
        "trailer",
        "u",
};

static int name_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int is_block(const char *n)
{
	return bsearch(n, block_names, sizeof block_names / sizeof *block_names,
	               sizeof *block_names, name_cmp) != NULL;
}

static int is_milestone(const char *n)
{
	return !strcmp(n, "lb") || !strcmp(n, "pb") || !strcmp(n, "cb");
}

/* XML's white space (its S production) */
static int xml_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Called when text that starts with no white space comes after a block's
 * edge: a newline parts it from a word before it (nothing where white
 * space already is, or no text yet). It goes before the elements that
 * opened at this point, which keep their own text: their starts move
 * past it. Only where a word follows, so that a title before an empty
 * <p/> stays as it was (the TEI written for a text keeps its text). */
static int part_words(rd *r)
{
	r->pending_break = 0;
	if (!r->text.n || xml_space((unsigned char)r->text.s[r->text.n - 1]))
		return 0;
	size_t at = r->text.n;
	int rc = td_buf_add(&r->text, "\n", 1);
	for (size_t i = r->nspans; !rc && i-- > 0 && r->spans[i].start == at;) {
		r->spans[i].start++;
		if (r->spans[i].end == at)
			r->spans[i].end++;
	}
	return rc;
}

/* TEI's tokens: a <w> (word) or a <pc> (punctuation character) */
static int is_token_elem(const char *n)
{
	return !strcmp(n, "w") || !strcmp(n, "pc");
}

/* Is one of the first k elements of the stack a TEI <w> or <pc>? A token
 * inside one is a part of it ("<w><w>foot</w><w>ball</w></w>"). */
static int in_token(const rd *r, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (r->st[i].tei && is_token_elem(r->st[i].name))
			return 1;
	return 0;
}

/* Text v starts the <w>/<pc> that follows another with no white space
 * between them. In TEI each is a token of its own, and @join="right" on
 * the first (or "left" on the second, "both", "overlap") says they are
 * written together; so where neither says so and the tokeniser would cut
 * one token across the edge ("<w>The</w><w>cat</w>"), a space parts them,
 * which goes before the elements opened since the edge. Tokens that the
 * tokeniser cuts apart anyway ("<w>know</w><pc>.</pc>", the TEI written by
 * tagdex-ingest --words) keep their text as it is. The tokeniser looks at
 * most a few characters past a token, so the first <w>'s text and v tell. */
static int part_tokens(rd *r, const char *v, size_t n)
{
	r->wedge = r->wnext = 0;
	size_t at = r->wedge_at, left = at - r->wedge_from;
	if (r->text.n != at || !left || !n || xml_space((unsigned char)v[0]))
		return 0;
	if (n > 64)
		n = 64;
	char *both = malloc(left + n);
	if (!both)
		return td_error(TD_ENOMEM, "out of memory");
	memcpy(both, r->text.s + r->wedge_from, left);
	memcpy(both + left, v, n);
	td_tokens t = {0};
	int rc = td_tokenize(both, left + n, 0, &t), across = 0;
	for (size_t i = 0; !rc && i < t.n && t.v[i].start < left; i++)
		across |= t.v[i].end > left;
	td_tokens_clear(&t);
	free(both);
	if (rc || !across)
		return rc;
	if ((rc = td_buf_add(&r->text, " ", 1)))
		return rc;
	for (size_t i = r->wedge_nspans; i < r->nspans; i++)
		if (r->spans[i].start == at) {
			r->spans[i].start++;
			if (r->spans[i].end == at)
				r->spans[i].end++;
		}
	return 0;
}

static int end_element(rd *r)
{
	frame *f = &r->st[r->nst - 1];
	int rc = 0;
	if (f->span >= 0) {
		r->spans[f->span].end = r->text.n;
		if (is_block(f->name) && !is_milestone(f->name))
			r->pending_break =
			        1; /* a milestone parted at its start */
		if (is_token_elem(f->name) && f->tei &&
		        !in_token(r, r->nst - 1)) {
			const char *j =
			        td_span_attr(&r->spans[f->span], "join");
			r->wedge = 1;
			r->wnext = 0;
			r->wedge_at = r->text.n;
			r->wedge_from = r->spans[f->span].start;
			r->wedge_nspans = r->nspans;
			r->wedge_join = j && (!strcmp(j, "right") ||
			                             !strcmp(j, "both") ||
			                             !strcmp(j, "overlap"));
		}
	}
	if (r->field != F_NONE && r->field_depth == (int)r->nst - 1)
		rc = header_end(r);
	if (f->actor >= 0 && r->cur_actor == f->actor)
		r->cur_actor = -1;
	if (r->first_ed == (int)r->nst)
		r->first_ed = 0;
	int doc = f->doc;
	free(f->name);
	r->nst--;
	if (!rc && doc)
		rc = finish_doc(r);
	return rc;
}

static int start_element(rd *r)
{
	const char *n = (const char *)xmlTextReaderConstLocalName(r->r);
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r->r);
	int depth = (int)r->nst, rc;
	frame up = r->nst ? r->st[r->nst - 1]
	                  : (frame){-1, 0, 0, 0, -1, NULL, NULL, 0};
	frame f = {-1, 0, up.in_text, up.header, -1, NULL, NULL, 0};
	if (depth >= TD_TEI_MAXDEPTH)
		return td_error(TD_ELIMIT,
		        "%s:%d: nesting deeper than %d elements", r->name,
		        xmlTextReaderGetParserLineNumber(r->r),
		        TD_TEI_MAXDEPTH);
	if (depth == 0) {
		if (ns && strcmp(ns, TEI_NS))
			return td_error(TD_EINPUT,
			        "%s:%d: not a TEI document (root "
			        "<%s> in namespace %s)",
			        r->name, xmlTextReaderGetParserLineNumber(r->r),
			        n, ns);
		if (!(r->root_name = strdup(n)))
			return td_error(TD_ENOMEM, "out of memory");
		if (strcmp(n, "TEI") && strcmp(n, "teiCorpus"))
			return 1; /* not a document: the caller says so */
		r->corpus = !strcmp(n, "teiCorpus");
		if (!r->corpus) {
			const char *id = attr(r, "xml:id");
			r->root_id = id ? strdup(id) : NULL;
			xmlFree((void *)id);
			if (id && !r->root_id) /* not an id-less document */
				return td_error(TD_ENOMEM, "out of memory");
		}
	}
	int tei = !ns || !strcmp(ns, TEI_NS);
	f.tei = tei;
	if (depth > 0 && r->corpus && tei && !f.in_text && !f.header &&
	        !strcmp(n, "TEI")) {
		for (size_t i = 0; i < r->nst; i++)
			if (r->st[i].doc)
				return td_error(TD_EINPUT,
				        "%s:%d: <TEI> inside a <TEI>", r->name,
				        xmlTextReaderGetParserLineNumber(r->r));
		if ((rc = begin_doc(r)))
			return rc;
		const char *id = attr(r, "xml:id");
		r->root_id = id ? strdup(id) : NULL;
		xmlFree((void *)id);
		f.doc = 1;
	}
	if (!f.in_text && !f.header && tei && !strcmp(n, "teiHeader")) {
		f.header = 1;
		/* the first header as written, for -o to keep (licence,
		 * sources); the reader still walks it for td_meta */
		if (!r->meta.tei_header) {
			xmlChar *x = xmlTextReaderReadOuterXml(r->r);
			if (x) {
				r->meta.tei_header = strdup((const char *)x);
				xmlFree(x);
				if (!r->meta.tei_header)
					return td_error(
					        TD_ENOMEM, "out of memory");
			}
		}
	}
	if (!f.in_text && !f.header && tei && !strcmp(n, "text")) {
		f.in_text = 1;
		if (r->ntexts++ && r->text.n &&
		        (rc = td_buf_add(&r->text, "\n\n", 2)))
			return rc;
	}
	if (f.in_text && tei && (r->pending_break || is_block(n))) {
		const char *brk = is_milestone(n) ? attr(r, "break") : NULL;
		r->pending_break = !(brk && !strcmp(brk, "no"));
		xmlFree((void *)brk);
	}
	if (f.in_text && (rc = new_span(r, n, &f.span)))
		return rc;
	if (f.in_text && r->wedge && tei && is_token_elem(n) &&
	        !in_token(r, r->nst)) {
		const char *j = td_span_attr(&r->spans[f.span], "join");
		r->wnext = 1;
		if (r->wedge_join ||
		        (j && (!strcmp(j, "left") || !strcmp(j, "both") ||
		                      !strcmp(j, "overlap"))))
			r->wedge = r->wnext = 0; /* written together */
	}
	if (!f.in_text && tei &&
	        (!strcmp(n, "person") || !strcmp(n, "org") ||
	                !strcmp(n, "personGrp"))) {
		const char *id = attr(r, "xml:id");
		const char *type = attr(r, "type");
		const char *kind = !strcmp(n, "person")      ? "person"
		                   : !strcmp(n, "personGrp") ? "group"
		                   : type && (!strcmp(type, "state") ||
		                                     !strcmp(type, "group"))
		                           ? type
		                           : "org";
		if (id && *id)
			rc = add_actor(r, id, kind);
		if (id && *id && r->cur_actor >= 0)
			f.actor = r->cur_actor;
		xmlFree((void *)id);
		xmlFree((void *)type);
		if (rc)
			return rc;
	}
	if (!f.in_text && tei)
		header_element(r, n, depth);
	if (!(f.name = strdup(n)))
		return td_error(TD_ENOMEM, "out of memory");
	if ((rc = push_frame(r, f))) {
		free(f.name);
		return rc;
	}
	if (xmlTextReaderIsEmptyElement(r->r))
		return end_element(r);
	return 0;
}

/* "scheme:" at the start of an href: a URI, not a local path */
static int has_scheme(const char *h)
{
	if (!((*h >= 'a' && *h <= 'z') || (*h >= 'A' && *h <= 'Z')))
		return 0;
	while ((*h >= 'a' && *h <= 'z') || (*h >= 'A' && *h <= 'Z') ||
	        (*h >= '0' && *h <= '9') || *h == '+' || *h == '-' || *h == '.')
		h++;
	return *h == ':';
}

/* An <xi:include> element: the file it names is read next, in its place.
 * Only parse="xml" (the default), no xpointer, no fallback content; the
 * href relative to the including file, inside the input's folder; each
 * file once (which also refuses cycles); at most TD_TEI_MAXINCLUDE deep.
 * What breaks these rules, or names a file that is missing, is a warning
 * and left out (skipped()); fallback content and the depth are errors. */
/* An xi:include that is not followed (issue 11: anything but a local file
 * under the input's folder, read once): a warning naming the including file
 * and line ("; not followed"), and the element is left out. Returns 1, which
 * include() turns into 0 so that the rest of the document is read. */
static int skipped(rd *r, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static int skipped(rd *r, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	if (r->list_only) /* the listing pass: the reading pass warns */
		return 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	td_warn("%s; not followed", msg);
	return 1;
}

static int include(rd *r)
{
	xmlNodePtr nd = xmlTextReaderCurrentNode(r->r);
	int line = nd ? (int)xmlGetLineNo(nd) : -1;
	if (line <= 0)
		line = xmlTextReaderGetParserLineNumber(r->r);
	char *href = (char *)attr(r, "href");
	char *parse = (char *)attr(r, "parse");
	char *xp = (char *)attr(r, "xpointer");
	char *path = NULL, *canon = NULL, *data = NULL;
	size_t len = 0;
	int rc = 0;
	if (!xmlTextReaderIsEmptyElement(r->r))
		rc = td_error(TD_EINPUT,
		        "%s:%d: xi:include with content "
		        "(xi:fallback) is not supported",
		        r->name, line);
	else if (parse && strcmp(parse, "xml"))
		rc = skipped(r,
		        "%s:%d: xi:include parse=\"%s\" is not "
		        "supported (only xml)",
		        r->name, line, parse);
	else if (xp)
		rc = skipped(r,
		        "%s:%d: xi:include xpointer is not "
		        "supported (only whole files)",
		        r->name, line);
	else if (!href || !*href)
		rc = skipped(
		        r, "%s:%d: xi:include without href", r->name, line);
	else if (href[0] == '/' || has_scheme(href))
		rc = skipped(r,
		        "%s:%d: xi:include href=\"%s\": only "
		        "relative paths to local files are followed",
		        r->name, line, href);
	else if (r->ninc >= TD_TEI_MAXINCLUDE)
		rc = td_error(TD_ELIMIT,
		        "%s:%d: xi:include nested more than %d "
		        "files deep",
		        r->name, line, TD_TEI_MAXINCLUDE);
	else if (!r->basedir)
		rc = td_error(TD_EINPUT,
		        "%s:%d: xi:include href=\"%s\": the "
		        "folder of %s cannot be resolved",
		        r->name, line, href, r->name);
	if (rc)
		goto out;
	const char *sl = strrchr(r->name, '/');
	size_t dl = sl ? (size_t)(sl - r->name) + 1 : 0;
	if (!(path = malloc(dl + strlen(href) + 1))) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	memcpy(path, r->name, dl);
	strcpy(path + dl, href);
	if (!(canon = realpath(path, NULL))) {
		rc = errno == ENOMEM
		             ? td_error(TD_ENOMEM, "out of memory")
		             : skipped(r,
		                       "%s:%d: xi:include href=\"%s\": %s: %s",
		                       r->name, line, href, path,
		                       strerror(errno));
		goto out;
	}
	size_t bl = strlen(r->basedir);
	if (strncmp(canon, r->basedir, bl) || (canon[bl] != '/' && bl > 1)) {
		rc = skipped(r,
		        "%s:%d: xi:include href=\"%s\" is "
		        "outside the input's folder %s",
		        r->name, line, href, r->basedir);
		goto out;
	}
	for (size_t i = 0; i < r->nseen; i++)
		if (!strcmp(r->seen[i], canon)) {
			rc = skipped(r,
			        "%s:%d: xi:include href=\"%s\": %s "
			        "is already read (an include cycle, or a "
			        "second "
			        "inclusion); each file is read once",
			        r->name, line, href, path);
			goto out;
		}
	if (TD_VEC_RESERVE(r->seen, r->nseen, r->cap_seen, 8)) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	r->seen[r->nseen++] = canon;
	canon = NULL;
	if ((rc = td_read_file(path, &data, &len)))
		goto out;
	if (len > INT32_MAX) {
		rc = td_error(TD_ELIMIT, "%s: file too large", path);
		goto out;
	}
	xmlTextReaderPtr nr =
	        xmlReaderForMemory(data, (int)len, path, NULL, XML_PARSE_NONET);
	if (!nr) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	xmlTextReaderSetStructuredErrorHandler(nr, on_error, r);
	r->inc[r->ninc++] = (rfile){r->r, r->name, path, data, line};
	r->r = nr;
	r->name = path;
	path = data = NULL;
out:
	xmlFree(href);
	xmlFree(parse);
	xmlFree(xp);
	free(path);
	free(canon);
	free(data);
	/* listing: every file that can be included, past those that cannot */
	if (rc == 1 || (r->list_only && rc && rc != TD_ENOMEM))
		rc = 0;
	return rc;
}

/* Back to the including file once an included one is read. */
static void include_end(rd *r)
{
	rfile *f = &r->inc[--r->ninc];
	xmlFreeTextReader(r->r);
	free((char *)r->name);
	free(f->data);
	r->r = f->r;
	r->name = f->name;
}

/* Reads to the end; 1 when the root is not TEI or teiCorpus (stops). */
static int read_all(rd *r)
{
	int ret, rc;
	for (;;) {
		ret = xmlTextReaderRead(r->r);
		if ((ret == 0 && r->ninc && !r->err[0]) ||
		        (ret != 1 && r->ninc && r->list_only)) {
			r->err[0] = '\0';
			r->errline = 0;
			include_end(r);
			continue;
		}
		if (ret != 1)
			break;
		int t = xmlTextReaderNodeType(r->r);
		switch (t) {
		case XML_READER_TYPE_ELEMENT: {
			const char *ns =
			        (const char *)xmlTextReaderConstNamespaceUri(
			                r->r);
			if ((r->nst || r->list_only) && ns &&
			        !strcmp(ns, XI_NS) &&
			        !strcmp((const char *)
			                        xmlTextReaderConstLocalName(
			                                r->r),
			                "include")) {
				if ((rc = include(r)))
					return rc;
				break;
			}
			if (r->list_only)
				break;
			if ((rc = start_element(r)))
				return rc;
			break;
		}
		case XML_READER_TYPE_END_ELEMENT:
			if (!r->list_only && r->nst && (rc = end_element(r)))
				return rc;
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
			const char *v =
			        (const char *)xmlTextReaderConstValue(r->r);
			size_t n = v ? strlen(v) : 0;
			if (r->nst && r->st[r->nst - 1].in_text && n &&
			        r->pending_break) {
				if (xml_space((unsigned char)v[0]))
					r->pending_break = 0;
				else if ((rc = part_words(r)))
					return rc;
			}
			if (r->nst && r->st[r->nst - 1].in_text && n &&
			        r->wedge) {
				if (!r->wnext) /* text between them: not two
				                  tokens */
					r->wedge = 0;
				else if ((rc = part_tokens(r, v, n)))
					return rc;
			}
			if (r->nst && r->st[r->nst - 1].in_text &&
			        (rc = td_buf_add(&r->text, v, n)))
				return rc;
			if (r->field != F_NONE &&
			        (rc = td_buf_add(&r->cap, v, n)))
				return rc;
			break;
		}
		case XML_READER_TYPE_ENTITY_REFERENCE:
			td_warn("%s:%d: entity &%s; not expanded", r->name,
			        xmlTextReaderGetParserLineNumber(r->r),
			        (const char *)xmlTextReaderConstName(r->r));
			break;
		default:
			break;
		}
	}
	if (ret < 0 || r->err[0]) {
		int code = strstr(r->err, "depth") ? TD_ELIMIT : TD_EINPUT;
		return td_error(code, "%s:%d: %s", r->name,
		        r->errline ? r->errline
		                   : xmlTextReaderGetParserLineNumber(r->r),
		        r->err[0] ? r->err : "XML error");
	}
	return 0;
}

static int read_file(const char *name, const char *data, size_t len,
        td_doc ***out, size_t *nout, char ***incl, size_t *nincl)
{
	int rc;
	rd r;
	*out = NULL;
	*nout = 0;
	if (len > INT32_MAX)
		return td_error(TD_ELIMIT, "%s: file too large", name);
	td_xml_init();
	memset(&r, 0, sizeof r);
	r.list_only = incl != NULL;
	r.name = name;
	r.cur_actor = -1;
	r.date_rank = D_NONE;
	/* xi:include stays under the input's folder; the input itself is
	 * the first file read */
	{
		const char *sl = strrchr(name, '/');
		char *dir = sl ? strndup(name, (size_t)(sl - name) + 1)
		               : strdup(".");
		r.basedir = dir ? realpath(dir, NULL) : NULL;
		free(dir);
		char *me = realpath(name, NULL);
		if (me && !(r.seen = malloc(sizeof *r.seen)))
			free(me);
		else if (me)
			r.seen[r.nseen++] = me;
	}
	int self = r.nseen == 1;
	r.r = xmlReaderForMemory(data, (int)len, name, NULL, XML_PARSE_NONET);
	if (!r.r) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	xmlTextReaderSetStructuredErrorHandler(r.r, on_error, &r);
	rc = read_all(&r);
	if (r.list_only) {
		if (!rc && self) {
			/* seen[0] is the input itself */
			free(r.seen[0]);
			memmove(r.seen, r.seen + 1, --r.nseen * sizeof *r.seen);
		}
		if (!rc) {
			*incl = r.seen;
			*nincl = r.nseen;
			r.seen = NULL;
			r.nseen = 0;
		}
	} else if (rc == 1) {
		td_warn("%s: root element <%s> is not TEI or teiCorpus: not a "
		        "document, skipped",
		        name, r.root_name);
		rc = 0;
	} else if (!rc && !r.root_name) {
		rc = td_error(TD_EINPUT, "%s:%d: no root element", name,
		        xmlTextReaderGetParserLineNumber(r.r));
	} else if (!rc && !r.corpus) {
		rc = finish_doc(&r);
	} else if (!rc && !r.ndocs) {
		td_warn("%s: a teiCorpus without any TEI: no document", name);
	}
	if (rc < 0 && r.ninc) {
		/* an error inside an included file: say where it came from */
		char *m = strdup(td_error_last());
		rc = td_error(rc, "%s (included from %s:%d)", m ? m : "error",
		        r.inc[0].name, r.inc[0].line);
		free(m);
	}
	while (r.ninc)
		include_end(&r);
	xmlFreeTextReader(r.r);
	if (!rc) {
		*out = r.docs;
		*nout = r.ndocs;
		r.docs = NULL;
		r.ndocs = 0;
	}
out:
	for (size_t i = 0; i < r.ndocs; i++)
		td_doc_free(r.docs[i]);
	free(r.docs);
	spans_free(r.spans, r.nspans);
	for (size_t i = 0; i < r.nst; i++)
		free(r.st[i].name);
	free(r.st);
	actors_free(r.actors, r.nactors);
	actors_free(r.cactors, r.ncactors);
	free(r.root_id);
	free(r.root_name);
	free(r.text.s);
	free(r.cap.s);
	td_meta_clear(&r.meta);
	td_meta_clear(&r.cmeta);
	for (size_t i = 0; i < r.nseen; i++)
		free(r.seen[i]);
	free(r.seen);
	free(r.basedir);
	return rc;
}

int td_tei_read_all(const char *name, const char *data, size_t len,
        td_doc ***out, size_t *nout)
{
	return read_file(name, data, len, out, nout, NULL, NULL);
}

int td_tei_included(
        const char *name, const char *data, size_t len, char ***out, size_t *n)
{
	td_doc **d;
	size_t nd;
	*out = NULL;
	*n = 0;
	return read_file(name, data, len, &d, &nd, out, n);
}

int td_tei_read(const char *name, const char *data, size_t len, td_doc **out)
{
	td_doc **v;
	size_t n;
	*out = NULL;
	int rc = td_tei_read_all(name, data, len, &v, &n);
	if (rc)
		return rc;
	if (n == 1)
		*out = v[0];
	else
		rc = td_error(
		        TD_EINPUT, "%s: %zu TEI documents, not one", name, n);
	for (size_t i = n == 1 ? 1 : 0; i < n; i++)
		td_doc_free(v[i]);
	free(v);
	return rc;
}

/* ------------------------------------------------- user's header paths */

static void no_message(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

int td_tei_xpath_check(const char *xpath)
{
	xmlSetGenericErrorFunc(NULL, no_message);
	xmlXPathCompExprPtr c = xmlXPathCompile((const xmlChar *)xpath);
	if (!c)
		return td_error(
		        TD_EUSAGE, "not an XPath expression: %s", xpath);
	xmlXPathFreeCompExpr(c);
	return 0;
}

int td_tei_xpath_value(const char *name, const char *data, size_t len,
        const char *xpath, int date, char **out)
{
	*out = NULL;
	if (len > INT32_MAX)
		return td_error(TD_ELIMIT, "%s: file too large", name);
	td_xml_init();
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	if (!pc)
		return td_error(TD_ENOMEM, "out of memory");
	xmlDocPtr doc = xmlCtxtReadMemory(pc, data, (int)len, name, NULL,
	        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlFreeParserCtxt(pc);
	if (!doc)
		return td_error(TD_EINPUT, "%s: not well-formed XML", name);
	int rc = 0;
	xmlXPathContextPtr xc = xmlXPathNewContext(doc);
	xmlXPathObjectPtr res = NULL;
	if (!xc || xmlXPathRegisterNs(xc, (const xmlChar *)"tei",
	                   (const xmlChar *)TEI_NS)) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	res = xmlXPathEvalExpression((const xmlChar *)xpath, xc);
	if (!res) {
		rc = td_error(TD_EUSAGE, "%s: XPath %s could not be evaluated",
		        name, xpath);
		goto out;
	}
	xmlChar *v = NULL;
	if (res->type == XPATH_NODESET) {
		if (res->nodesetval && res->nodesetval->nodeNr > 0) {
			xmlNodePtr nd = res->nodesetval->nodeTab[0];
			if (date && nd->type == XML_ELEMENT_NODE)
				v = xmlGetProp(nd, (const xmlChar *)"when");
			if (!v)
				v = xmlNodeGetContent(nd);
		}
	} else {
		v = xmlXPathCastToString(res);
	}
	if (v) {
		char *sq = squash((const char *)v);
		xmlFree(v);
		if (!sq)
			rc = td_error(TD_ENOMEM, "out of memory");
		else if (!*sq)
			free(sq);
		else
			*out = sq;
	}
out:
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(xc);
	xmlFreeDoc(doc);
	return rc;
}

int td_tei_meta_apply(const char *name, const char *data, size_t len,
        const char *const xpaths[TD_META_NPATHS], td_doc *doc)
{
	static const char *const field[TD_META_NPATHS] = {
	        "date", "title", "author"};
	for (int i = 0; i < TD_META_NPATHS; i++) {
		if (!xpaths[i])
			continue;
		char *v;
		int rc = td_tei_xpath_value(
		        name, data, len, xpaths[i], i == 0, &v);
		if (rc)
			return rc;
		if (!v) {
			td_warn("%s: --meta %s=%s matched nothing; the "
			        "header's %s is "
			        "kept",
			        name, field[i], xpaths[i], field[i]);
			continue;
		}
		if (i == 0 && !td_iso_date(v)) {
			td_warn("%s: --meta date=%s gave '%s', not a date "
			        "YYYY, "
			        "YYYY-MM or YYYY-MM-DD; the header's date is "
			        "kept",
			        name, xpaths[i], v);
			free(v);
			continue;
		}
		char **f = i == 0   ? &doc->meta.date
		           : i == 1 ? &doc->meta.title
		                    : &doc->meta.author;
		free(*f);
		*f = v;
	}
	return 0;
}
