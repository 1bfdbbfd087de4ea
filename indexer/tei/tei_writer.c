/* tei_writer.c: a td_doc as a TEI P5 document.
 * The header comes from td_meta and the actor list; <text> comes from the
 * spans, nested by range and rank, with the document text in between written
 * verbatim (escaped), so the text content of <text> is the document text.
 * Output is deterministic byte for byte: no dates, no hash order, no
 * locale. A span that crosses its parent is dropped with a warning.
 */
#include "config.h"
#include "tei.h"
#include "error.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"

/* The label categories sentences point to with @ana="#…". */
static const struct {
	const char *id, *desc;
} categories[] = {
        {"prediction", "The sentence asserts something about the future."},
        {"hedged", "The sentence carries at least one hedge cue."},
        {"claim", "The author or an actor asserts an arguable proposition."},
};

/* Bytes esc() replaces: bit 1 in content, bit 2 in attribute values (the
 * cases of the switch below, which says what they become). */
#define E3 3, 3, 3, 3, 3, 3, 3, 3
static const unsigned char esc_tab[256] = {
        E3,
        3,
        2 /* \t */,
        2 /* \n */,
        3,
        3,
        3 /* \r */,
        3,
        3,
        E3,
        E3,
        ['"'] = 2,
        ['&'] = 3,
        ['<'] = 3,
        ['>'] = 3,
};
#undef E3

/* Writes s[0, n) escaped for element content (attr = 0) or a
 * double-quoted attribute value (attr = 1). Characters XML forbids (C0
 * controls other than tab and newline) become U+FFFD. */
static void esc(FILE *f, const char *s, size_t n, int attr)
{
	size_t run = 0;
	unsigned char bit = attr ? 2 : 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;
		if (!(esc_tab[c] & bit))
			continue;
		switch (c) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		case '\t':
			rep = attr ? "&#9;" : NULL;
			break;
		case '\n':
			rep = attr ? "&#10;" : NULL;
			break;
		case '\r':
			rep = "&#13;";
			break;
		default:
			if (c < 0x20)
				rep = "\xEF\xBF\xBD";
		}
		if (rep) {
			fwrite(s + run, 1, i - run, f);
			fputs(rep, f);
			run = i + 1;
		}
	}
	fwrite(s + run, 1, n - run, f);
}

static void esc_str(FILE *f, const char *s, int attr)
{
	esc(f, s, strlen(s), attr);
}

/* An element with text content on its own indented line. */
static void leaf(
        FILE *f, int ind, const char *tag, const char *attrs, const char *text)
{
	fprintf(f, "%*s<%s%s>", ind, "", tag, attrs ? attrs : "");
	esc_str(f, text, 0);
	fprintf(f, "</%s>\n", tag);
}

/* <date when="DATE">DATE</date> on a line indented by ind */
static void date_leaf(FILE *f, int ind, const char *date)
{
	fprintf(f, "%*s<date when=\"", ind, "");
	esc_str(f, date, 1);
	fputs("\">", f);
	esc_str(f, date, 0);
	fputs("</date>\n", f);
}

/* Is s an XML NCName in the ASCII subset tagdex generates? Other names are
 * accepted too when they start with a non-ASCII byte. */
static int ncname(const char *s)
{
	unsigned char c = (unsigned char)*s;
	if (!(c >= 0x80 || c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z')))
		return 0;
	for (; *s; s++) {
		c = (unsigned char)*s;
		if (!(c >= 0x80 || c == '_' || c == '-' || c == '.' ||
		            (c >= '0' && c <= '9') ||
		            ((c | 32) >= 'a' && (c | 32) <= 'z')))
			return 0;
	}
	return 1;
}

static int actor_ok(const td_doc *doc, size_t i)
{
	const char *k = doc->actors[i].key;
	if (!ncname(k) || strcmp(k, doc->id) == 0 ||
	        strncmp(k, "tagdex-", 7) == 0)
		return 0;
	for (size_t c = 0; c < sizeof categories / sizeof categories[0]; c++)
		if (strcmp(k, categories[c].id) == 0)
			return 0;
	return 1;
}

static int is_person(const td_actor *a)
{
	return strcmp(a->kind, "person") == 0;
}

static void write_actors(FILE *f, const td_doc *doc)
{
	size_t np = 0, no = 0;
	for (size_t i = 0; i < doc->n_actors; i++) {
		if (!actor_ok(doc, i))
			continue;
		if (is_person(&doc->actors[i]))
			np++;
		else
			no++;
	}
	if (!np && !no)
		return;
	fputs("      <particDesc>\n", f);
	for (int pass = 0; pass < 2; pass++) {
		if ((pass == 0 && !np) || (pass == 1 && !no))
			continue;
		fputs(pass == 0 ? "        <listPerson>\n"
		                : "        <listOrg>\n",
		        f);
		for (size_t i = 0; i < doc->n_actors; i++) {
			const td_actor *a = &doc->actors[i];
			if (!actor_ok(doc, i) || is_person(a) != (pass == 0))
				continue;
			if (pass == 0) {
				fputs("          <person xml:id=\"", f);
				esc_str(f, a->key, 1);
				fputs("\"><persName>", f);
				esc_str(f, a->name, 0);
				fputs("</persName></person>\n", f);
			} else {
				fputs("          <org xml:id=\"", f);
				esc_str(f, a->key, 1);
				if (strcmp(a->kind, "org") != 0) {
					fputs("\" type=\"", f);
					esc_str(f, a->kind, 1);
				}
				fputs("\"><orgName>", f);
				esc_str(f, a->name, 0);
				fputs("</orgName></org>\n", f);
			}
		}
		fputs(pass == 0 ? "        </listPerson>\n"
		                : "        </listOrg>\n",
		        f);
	}
	fputs("      </particDesc>\n", f);
}

/* tagdex's part of encodingDesc: the application and the label taxonomy
 * that @ana points to. */
static void write_encoding(FILE *f)
{
	fputs("      <appInfo>\n", f);
	fputs("        <application ident=\"tagdex\" version=\"", f);
	esc_str(f, td_version(), 1);
	fputs("\">\n", f);
	leaf(f, 10, "label", NULL, "tagdex");
	fputs("        </application>\n      </appInfo>\n", f);
	fputs("      <classDecl>\n        <taxonomy "
	      "xml:id=\"tagdex-labels\">\n",
	        f);
	for (size_t c = 0; c < sizeof categories / sizeof categories[0]; c++) {
		fprintf(f, "          <category xml:id=\"%s\">\n",
		        categories[c].id);
		leaf(f, 12, "catDesc", NULL, categories[c].desc);
		fputs("          </category>\n", f);
	}
	fputs("        </taxonomy>\n      </classDecl>\n", f);
}

/* ------------------------------------------------- a TEI input's header */

static int is_tei(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       !strcmp((const char *)n->name, name) &&
	       (!n->ns || !strcmp((const char *)n->ns->href, TEI_NS));
}

static int attr_is(
        xmlNodePtr n, const char *ns, const char *name, const char *value)
{
	xmlChar *v =
	        xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)ns);
	int r = v && !strcmp((const char *)v, value);
	xmlFree(v);
	return r;
}

static int has_element_child(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return 1;
	return 0;
}

/* Unlinks and frees n with the indentation before it. */
static void drop(xmlNodePtr n)
{
	xmlNodePtr ws = n->prev;
	if (ws && ws->type == XML_TEXT_NODE && xmlIsBlankNode(ws)) {
		xmlUnlinkNode(ws);
		xmlFreeNode(ws);
	}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/* Removes tagdex's own parts below n (a header tagdex wrote before): every
 * application ident="tagdex" and taxonomy xml:id="tagdex-labels", and the
 * appInfo or classDecl they leave empty. */
static void drop_ours(xmlNodePtr n)
{
	xmlNodePtr next;
	for (xmlNodePtr c = n->children; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((is_tei(c, "application") &&
		            attr_is(c, NULL, "ident", "tagdex")) ||
		        (is_tei(c, "taxonomy") &&
		                attr_is(c, (const char *)XML_XML_NAMESPACE,
		                        "id", "tagdex-labels"))) {
			drop(c);
			continue;
		}
		drop_ours(c);
		if ((is_tei(c, "appInfo") || is_tei(c, "classDecl")) &&
		        !has_element_child(c))
			drop(c);
	}
}

/* The first element below n whose xml:id is one tagdex writes itself. */
static const char *reserved_id(xmlNodePtr n, const char *doc_id)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (attr_is(c, (const char *)XML_XML_NAMESPACE, "id", doc_id) ||
		        attr_is(c, (const char *)XML_XML_NAMESPACE, "id",
		                "tagdex-labels"))
			return attr_is(c, (const char *)XML_XML_NAMESPACE, "id",
			               doc_id)
			               ? doc_id
			               : "tagdex-labels";
		for (size_t k = 0; k < sizeof categories / sizeof categories[0];
		        k++)
			if (attr_is(c, (const char *)XML_XML_NAMESPACE, "id",
			            categories[k].id))
				return categories[k].id;
		const char *r = reserved_id(c, doc_id);
		if (r)
			return r;
	}
	return NULL;
}

/* A new element in parent's namespace, after an indentation of ind. */
static xmlNodePtr add(
        xmlNodePtr parent, int ind, const char *name, const char *text)
{
	char pad[40];
	snprintf(pad, sizeof pad, "\n%*s", ind, "");
	xmlAddChild(parent, xmlNewDocText(parent->doc, (const xmlChar *)pad));
	xmlNodePtr e = xmlNewDocNode(
	        parent->doc, parent->ns, (const xmlChar *)name, NULL);
	if (text)
		xmlNodeAddContent(e, (const xmlChar *)text);
	return xmlAddChild(parent, e);
}

static void close_at(xmlNodePtr parent, int ind)
{
	char pad[40];
	snprintf(pad, sizeof pad, "\n%*s", ind, "");
	xmlAddChild(parent, xmlNewDocText(parent->doc, (const xmlChar *)pad));
}

/* tagdex's part of encodingDesc as nodes (write_encoding's content). */
static void add_encoding(xmlNodePtr enc)
{
	xmlNodePtr last = xmlGetLastChild(enc);
	if (last && last->type == XML_TEXT_NODE && xmlIsBlankNode(last)) {
		xmlUnlinkNode(last);
		xmlFreeNode(last);
	}
	xmlNodePtr app =
	        add(add(enc, 6, "appInfo", NULL), 8, "application", NULL);
	xmlSetProp(app, (const xmlChar *)"ident", (const xmlChar *)"tagdex");
	xmlSetProp(
	        app, (const xmlChar *)"version", (const xmlChar *)td_version());
	add(app, 10, "label", "tagdex");
	close_at(app, 8);
	close_at(app->parent, 6);
	xmlNodePtr tax =
	        add(add(enc, 6, "classDecl", NULL), 8, "taxonomy", NULL);
	xmlNsPtr xml = xmlSearchNsByHref(enc->doc, enc, XML_XML_NAMESPACE);
	xmlSetNsProp(tax, xml, (const xmlChar *)"id",
	        (const xmlChar *)"tagdex-labels");
	for (size_t k = 0; k < sizeof categories / sizeof categories[0]; k++) {
		xmlNodePtr cat = add(tax, 10, "category", NULL);
		xmlSetNsProp(cat, xml, (const xmlChar *)"id",
		        (const xmlChar *)categories[k].id);
		add(cat, 12, "catDesc", categories[k].desc);
		close_at(cat, 10);
	}
	close_at(tax, 8);
	close_at(tax->parent, 6);
	close_at(enc, 4);
}

int td_tei_header_keep(
        const char *name, const char *doc_id, const char *header, char **out)
{
	*out = NULL;
	xmlDocPtr d = xmlReadMemory(header, (int)strlen(header), name, NULL,
	        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNodePtr root = d ? xmlDocGetRootElement(d) : NULL;
	if (!root || !is_tei(root, "teiHeader")) {
		xmlFreeDoc(d);
		return 0;
	}
	drop_ours(root);
	const char *clash = reserved_id(root, doc_id);
	if (clash) {
		int rc = td_error(TD_EINPUT,
		        "%s: the teiHeader uses xml:id \"%s\", "
		        "which tagdex writes itself (the document id or a "
		        "label "
		        "category); rename it",
		        name, clash);
		xmlFreeDoc(d);
		return rc;
	}
	xmlNodePtr enc = NULL, file = NULL;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (is_tei(c, "encodingDesc") && !enc)
			enc = c;
		if (is_tei(c, "fileDesc") && !file)
			file = c;
	}
	int rc = 0;
	if (!enc && file) { /* TEI's order: fileDesc, then encodingDesc */
		enc = xmlNewDocNode(
		        d, root->ns, (const xmlChar *)"encodingDesc", NULL);
		xmlAddNextSibling(file, enc);
		xmlAddPrevSibling(
		        enc, xmlNewDocText(d, (const xmlChar *)"\n    "));
	}
	if (enc)
		add_encoding(enc);
	xmlBufferPtr b = xmlBufferCreate();
	if (!b || xmlNodeDump(b, d, root, 1, 0) < 0 ||
	        !(*out = strdup((const char *)xmlBufferContent(b))))
		rc = td_error(TD_ENOMEM, "out of memory");
	xmlBufferFree(b);
	xmlFreeDoc(d);
	return rc;
}

static void write_header(FILE *f, const td_doc *doc)
{
	if (doc->meta.tei_header && *doc->meta.tei_header) {
		/* td_tei_header_keep's result, tagdex's parts in it */
		fputs("  ", f);
		fputs(doc->meta.tei_header, f);
		fputs("\n", f);
		return;
	}
	const td_meta *m = &doc->meta;
	const char *title = m->title && *m->title               ? m->title
	                    : m->source_name && *m->source_name ? m->source_name
	                                                        : doc->id;
	char attr[128];

	for (size_t i = 0; i < doc->n_actors; i++)
		if (!actor_ok(doc, i))
			td_warn("%s: actor key '%s' is not a usable xml:id; "
			        "left out of "
			        "the header",
			        doc->id, doc->actors[i].key);
	fputs("  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n", f);
	leaf(f, 8, "title", " type=\"main\"", title);
	if (m->subtitle && *m->subtitle)
		leaf(f, 8, "title", " type=\"sub\"", m->subtitle);
	if (m->author && *m->author)
		leaf(f, 8, "author", NULL, m->author);
	fputs("      </titleStmt>\n      <publicationStmt>\n", f);
	leaf(f, 8, "authority", NULL, "tagdex");
	if (m->date && *m->date)
		date_leaf(f, 8, m->date);
	fputs("      </publicationStmt>\n      <sourceDesc>\n        <bibl>\n",
	        f);
	leaf(f, 10, "title", NULL, title);
	if (m->author && *m->author)
		leaf(f, 10, "author", NULL, m->author);
	if (m->date && *m->date)
		date_leaf(f, 10, m->date);
	if (m->reading_time && *m->reading_time) {
		long q = strtol(m->reading_time, NULL, 10);
		if (q > 0) {
			snprintf(attr, sizeof attr,
			        " unit=\"minute\" quantity=\"%ld\"", q);
			fputs("          <extent>", f);
			fprintf(f, "<measure type=\"readingTime\"%s>", attr);
			esc_str(f, m->reading_time, 0);
			fputs("</measure></extent>\n", f);
		} else {
			leaf(f, 10, "extent", NULL, m->reading_time);
		}
	}
	if (m->url && *m->url)
		leaf(f, 10, "idno", " type=\"URI\"", m->url);
	if (m->source_name && *m->source_name)
		leaf(f, 10, "idno", " type=\"file\"", m->source_name);
	if (m->source_sha256 && *m->source_sha256)
		leaf(f, 10, "idno", " type=\"sha256\"", m->source_sha256);
	if (m->extraction && *m->extraction)
		leaf(f, 10, "note", " type=\"extraction\"", m->extraction);
	fputs("        </bibl>\n      </sourceDesc>\n    </fileDesc>\n", f);
	fputs("    <encodingDesc>\n", f);
	write_encoding(f);
	fputs("    </encodingDesc>\n", f);
	int actors = 0;
	for (size_t i = 0; i < doc->n_actors; i++)
		actors |= actor_ok(doc, i);
	if ((m->genre && *m->genre) || actors) {
		fputs("    <profileDesc>\n", f);
		if (m->genre && *m->genre) {
			fputs("      <textClass>\n        <keywords>\n", f);
			leaf(f, 10, "term", " type=\"genre\"", m->genre);
			fputs("        </keywords>\n      </textClass>\n", f);
		}
		write_actors(f, doc);
		fputs("    </profileDesc>\n", f);
	}
	fputs("  </teiHeader>\n", f);
}

/* ---------------------------------------------------------------- text */

static int order_cmp(const void *a, const void *b, void *ctx)
{
	const td_doc *doc = ctx;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = td_span_order(&doc->spans[i], &doc->spans[j]);
	if (c)
		return c;
	return i < j ? -1 : i > j; /* stable: equal spans keep their order */
}

/* The tags of the text are the writer's inner loop (every sentence,
 * quote and name): plain puts, not fprintf's format parsing. */
static void open_tag(FILE *f, const td_span *sp, int empty)
{
	fputc('<', f);
	fputs(sp->name, f);
	for (uint32_t a = 0; a < sp->n_attrs; a++) {
		fputc(' ', f);
		fputs(sp->attrs[a].name, f);
		fputs("=\"", f);
		esc_str(f, sp->attrs[a].value, 1);
		fputc('"', f);
	}
	fputs(empty ? "/>" : ">", f);
}

static void close_tag(FILE *f, const td_span *sp)
{
	fputs("</", f);
	fputs(sp->name, f);
	fputc('>', f);
}

/* Must the open element top be closed before sp starts? An empty element
 * at the end of an open one goes inside it when its rank allows it to be a
 * child (<body><p/></body>, but not <titlePart><body/>). */
static int closes_before(const td_span *top, const td_span *sp)
{
	if (top->end < sp->start)
		return 1;
	if (top->end > sp->start)
		return 0;
	return sp->start < sp->end || top->rank >= sp->rank;
}

static int write_text(FILE *f, const td_doc *doc)
{
	size_t n = doc->n_spans, *ord = malloc((n ? n : 1) * sizeof *ord),
	       *stack = malloc((n ? n : 1) * sizeof *stack), depth = 0, pos = 0;
	if (!ord || !stack) {
		free(ord);
		free(stack);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		ord[i] = i;
	qsort_r(ord, n, sizeof *ord, order_cmp, (void *)doc);
	int wrapped = !(n && strcmp(doc->spans[ord[0]].name, "text") == 0 &&
	                doc->spans[ord[0]].start == 0 &&
	                doc->spans[ord[0]].end == doc->len);
	if (wrapped)
		fputs("<text>", f);
	for (size_t k = 0; k < n; k++) {
		const td_span *sp = &doc->spans[ord[k]];
		while (depth &&
		        closes_before(&doc->spans[stack[depth - 1]], sp)) {
			const td_span *top = &doc->spans[stack[--depth]];
			esc(f, doc->text + pos, top->end - pos, 0);
			pos = top->end;
			close_tag(f, top);
		}
		if (depth && sp->end > doc->spans[stack[depth - 1]].end) {
			const td_span *top = &doc->spans[stack[depth - 1]];
			td_warn("%s: <%s> at bytes %zu-%zu crosses <%s> at "
			        "%zu-%zu; "
			        "dropped",
			        doc->id, sp->name, sp->start, sp->end,
			        top->name, top->start, top->end);
			continue;
		}
		esc(f, doc->text + pos, sp->start - pos, 0);
		pos = sp->start;
		if (sp->start == sp->end &&
		        !(k + 1 < n &&
		                doc->spans[ord[k + 1]].start == sp->start &&
		                doc->spans[ord[k + 1]].end == sp->end)) {
			open_tag(f, sp, 1);
			continue;
		}
		open_tag(f, sp, 0);
		stack[depth++] = ord[k];
	}
	while (depth) {
		const td_span *top = &doc->spans[stack[--depth]];
		esc(f, doc->text + pos, top->end - pos, 0);
		pos = top->end;
		close_tag(f, top);
	}
	esc(f, doc->text + pos, doc->len - pos, 0);
	if (wrapped)
		fputs("</text>", f);
	free(ord);
	free(stack);
	return 0;
}

int td_tei_write(const td_doc *doc, FILE *out)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fputs("<TEI xmlns=\"" TEI_NS "\" xml:id=\"", out);
	esc_str(out, doc->id, 1);
	fputs("\">\n", out);
	write_header(out, doc);
	fputs("  ", out);
	int rc = write_text(out, doc);
	if (rc)
		return rc;
	fputs("\n</TEI>\n", out);
	if (ferror(out))
		return td_error(TD_EIO, "%s: write error", doc->id);
	return 0;
}

int td_tei_write_mem(const td_doc *doc, char **out, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return td_error(TD_ENOMEM, "out of memory");
	int rc = td_tei_write(doc, f);
	if (fclose(f) && !rc)
		rc = td_error(TD_ENOMEM, "out of memory");
	if (rc) {
		free(buf);
		return rc;
	}
	*out = buf;
	*len = n;
	return 0;
}
