/* html_reader.c: a saved web page into the same blocks as a plain-text
 * article (blocks.h), so that structure, annotation and TEI are shared.
 * It parses with libxml2's HTML parser (no network, no external loads;
 * scripts are never run and their text is dropped), finds the article and
 * keeps its words in reading order. It never invents text: words that are
 * not on the page are not in the document text (metadata goes to td_meta).
 *
 * Decisions (page -> text layout of corpus/articles):
 * - Encoding: a BOM wins (UTF-8, UTF-16LE/BE). Otherwise bytes that are
 *   valid UTF-8 are read as UTF-8 whatever a <meta charset> says (pages
 *   re-saved as UTF-8 keep their old declaration). Invalid UTF-8 is read in
 *   the declared charset (ISO-8859-1/ASCII as windows-1252, as browsers
 *   do); with no usable declaration, as UTF-8 when well-formed multibyte
 *   sequences outnumber bad bytes, else windows-1252. Bytes still bad, NUL
 *   and control characters become U+FFFD with a warning.
 * - Article: the elements marked as the article body (itemprop=articleBody
 *   or a class such as article-body, story-body, entry-content); all of them
 *   in document order when there are several (an article split around an
 *   advert or a newsletter box). Else the <article> with most text, else
 *   <main>, else <body>. Text outside these is dropped, except the front.
 * - Front: the title is the first <h1> (in the article, else in the page).
 *   Between it and the first body paragraph: a block that parses as a
 *   metadata line ("Expert comment Published 19 January 2024 3 minute READ")
 *   becomes TD_BLOCK_META; a block marked as standfirst (class standfirst,
 *   dek, summary, subtitle, strapline, lede, excerpt, description) or a <p>
 *   in the title's <header> becomes TD_BLOCK_STANDFIRST; bylines go to
 *   meta.author; anything else there (kickers, captions) is dropped.
 *   A page without a visible metadata line gets no META block: its date is
 *   only in meta.date.
 * - Body: one block per HTML block element (p, li, h2-h6, blockquote text,
 *   td, div text); <h1>-<h6> and a short all-bold <p> are headings, the
 *   rest paragraphs. Pull quotes (aside/blockquote/figure/div with class
 *   pullquote, pull-quote, pullout) are paragraphs in reading order: the
 *   structure builder recognises them as it does in text. Block quotes are
 *   paragraphs. Figures, captions, forms, nav, footer, aside, iframes and
 *   elements whose class, id or role names a widget (cookie, share, related,
 *   newsletter, ad, sidebar, comments, ...) are dropped, unless they wrap
 *   the article. White space runs become one space; <br> a line break,
 *   two <br> a paragraph break; no-break spaces are kept, as in text.
 * - Metadata: date from the metadata line, else meta
 *   article:published_time, else JSON-LD datePublished, else
 *   itemprop=datePublished, else the first <time datetime>; URL from
 *   <link rel=canonical>, else og:url; author from a byline element, meta
 *   name=author or JSON-LD author.name. meta.extraction says what was kept
 *   and dropped.
 */
#include "config.h"
#include "html_reader.h"
#include "vec.h"
#include "buf.h"
#include "util.h"
#include "error.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#define HTML_MAX_BYTES ((size_t)64 << 20) /* larger inputs: TD_ELIMIT */
#define WALK_DEPTH 256 /* element nesting kept; deeper is dropped */
#define PRESCAN 4096   /* bytes searched for a charset declaration */
#define JSONLD_MAX ((size_t)1 << 20) /* larger JSON-LD blocks are skipped */
#define JSON_DEPTH 32                /* JSON-LD nesting searched */
#define META_MAX 200   /* bytes: a longer block is no metadata line */
#define HEAD_MAX 120   /* bytes: a longer bold line is no heading */
#define FIELD_MAX 2048 /* bytes kept of a header string (URL, author) */
#define BYLINE_MAX 200 /* a longer byline element is not one */
#define LABELS_MAX 24  /* kinds of dropped element listed */

/* ---------------------------------------------------------------- buffer */

typedef td_buf sbuf;

static void sb_cp(sbuf *b, unsigned cp)
{
	char u[4];
	if (cp < 0x80) {
		u[0] = (char)cp;
		td_buf_add(b, u, 1);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		td_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		td_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		td_buf_add(b, u, 4);
	}
}

/* ------------------------------------------------------------- decoding */

/* Copies UTF-8 d[0, len) to out; bad sequences, NUL and control
 * characters other than tab, LF, CR and FF become U+FFFD (counted). */
static void put_utf8(sbuf *out, const unsigned char *d, size_t len, size_t *bad)
{
	size_t i = 0;
	while (i < len) {
		unsigned cp;
		size_t k = td_utf8_char(d + i, len - i, &cp);
		if (k == 0 || (cp < 0x20 && cp != '\t' && cp != '\n' &&
		                      cp != '\r' && cp != '\f')) {
			sb_cp(out, 0xFFFD);
			(*bad)++;
			i += k ? k : 1;
			continue;
		}
		td_buf_add(out, d + i, k);
		i += k;
	}
}

/* windows-1252 0x80-0x9F; 0 is unassigned. */
static const unsigned short cp1252_hi[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E,
        0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
        0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static void put_cp1252(
        sbuf *out, const unsigned char *d, size_t len, size_t *bad)
{
	for (size_t i = 0; i < len; i++) {
		unsigned c = d[i];
		if (c >= 0x80 && c <= 0x9F)
			c = cp1252_hi[c - 0x80];
		if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' &&
		                      c != '\r' && c != '\f')) {
			c = 0xFFFD;
			(*bad)++;
		}
		sb_cp(out, c);
	}
}

/* Converts d[0, len) from charset cs with iconv; -1 if iconv does not know
 * cs. Undecodable bytes become U+FFFD. */
static int put_iconv(sbuf *out, const char *cs, const unsigned char *d,
        size_t len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t)-1)
		return -1;
	sbuf tmp = {0};
	char chunk[4096];
	char *in = (char *)d;
	size_t left = len;
	while (left > 0 && !tmp.oom) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, &in, &left, &o, &room);
		td_buf_add(&tmp, chunk, (size_t)(o - chunk));
		if (r == (size_t)-1 && errno != E2BIG) {
			/* EILSEQ, or EINVAL: an incomplete sequence at the
			 * end */
			sb_cp(&tmp, 0xFFFD);
			(*bad)++;
			in++;
			left--;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	iconv_close(cd);
	if (tmp.oom) {
		free(tmp.s);
		out->oom = 1;
		return 0;
	}
	put_utf8(out, (const unsigned char *)tmp.s, tmp.n, bad);
	free(tmp.s);
	return 0;
}

/* The charset named by the first "charset=" in the first PRESCAN bytes
 * (a <meta charset> or a http-equiv Content-Type), lowercased, or "". */
static void declared_charset(const unsigned char *d, size_t len, char cs[40])
{
	size_t n = len < PRESCAN ? len : PRESCAN;
	cs[0] = '\0';
	for (size_t i = 0; i + 7 < n; i++) {
		if (strncasecmp((const char *)d + i, "charset", 7) != 0)
			continue;
		size_t j = i + 7;
		while (j < n && (d[j] == ' ' || d[j] == '\t' || d[j] == '\n'))
			j++;
		if (j >= n || d[j] != '=')
			continue;
		j++;
		while (j < n && (d[j] == ' ' || d[j] == '"' || d[j] == '\''))
			j++;
		size_t k = 0;
		while (j < n && k < 39 &&
		        (isalnum(d[j]) || d[j] == '-' || d[j] == '_' ||
		                d[j] == '.' || d[j] == ':'))
			cs[k++] = (char)tolower(d[j++]);
		cs[k] = '\0';
		if (k)
			return;
	}
}

static int latin1_family(const char *cs)
{
	static const char *const names[] = {"iso-8859-1", "iso8859-1", "latin1",
	        "latin-1", "l1", "iso_8859-1", "windows-1252", "cp1252",
	        "x-cp1252", "us-ascii", "ascii", "iso-ir-100", "ibm819",
	        "cp819", NULL};
	for (size_t i = 0; names[i]; i++)
		if (strcmp(cs, names[i]) == 0)
			return 1;
	return 0;
}

/* Decodes the page into UTF-8 (see the decisions above); how gets a short
 * account for the extraction note. */
static void decode(const char *name, const unsigned char *d, size_t len,
        sbuf *out, char *how, size_t howlen)
{
	size_t bad = 0, invalid = 0, multi = 0;
	char cs[40];
	if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) {
		put_utf8(out, d + 3, len - 3, &bad);
		snprintf(how, howlen, "UTF-8 (BOM)");
	} else if (len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) ||
	                               (d[0] == 0xFE && d[1] == 0xFF))) {
		const char *u = d[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		if (put_iconv(out, u, d + 2, len - 2, &bad) != 0)
			put_utf8(out, d + 2, len - 2, &bad);
		snprintf(how, howlen, "%s (BOM)", u);
	} else {
		for (size_t i = 0; i < len;) {
			unsigned cp;
			size_t k = td_utf8_char(d + i, len - i, &cp);
			if (k == 0) {
				invalid++;
				i++;
			} else {
				multi += k > 1;
				i += k;
			}
		}
		declared_charset(d, len, cs);
		int utf8_decl = strcmp(cs, "utf-8") == 0 ||
		                strcmp(cs, "utf8") == 0 ||
		                strncmp(cs, "utf-16", 6) == 0 ||
		                strncmp(cs, "utf16", 5) == 0;
		if (invalid == 0) {
			put_utf8(out, d, len, &bad);
			if (cs[0] && !utf8_decl && !latin1_family(cs) && multi)
				snprintf(how, howlen,
				        "UTF-8 (declared %s; the bytes are "
				        "UTF-8)",
				        cs);
			else if (cs[0] && !utf8_decl && multi)
				snprintf(how, howlen,
				        "UTF-8 (declared %s; the bytes are "
				        "UTF-8)",
				        cs);
			else
				snprintf(how, howlen, "UTF-8");
		} else if (cs[0] && !utf8_decl) {
			if (latin1_family(cs)) {
				put_cp1252(out, d, len, &bad);
				snprintf(how, howlen,
				        "windows-1252 (declared %s)", cs);
			} else if (put_iconv(out, cs, d, len, &bad) == 0) {
				snprintf(how, howlen, "%s (declared)", cs);
			} else {
				put_cp1252(out, d, len, &bad);
				snprintf(how, howlen,
				        "windows-1252 (unknown charset %s)",
				        cs);
				td_warn("%s: unknown charset \"%s\", read as "
				        "windows-1252",
				        name, cs);
			}
		} else if (utf8_decl || multi > invalid) {
			put_utf8(out, d, len, &bad);
			snprintf(how, howlen, "UTF-8 (%zu bad bytes)", invalid);
		} else {
			put_cp1252(out, d, len, &bad);
			snprintf(how, howlen,
			        "windows-1252 (undeclared; not UTF-8)");
		}
	}
	if (bad)
		td_warn("%s: %zu undecodable bytes or control characters "
		        "replaced "
		        "by U+FFFD",
		        name, bad);
}

/* ------------------------------------------------------- element classes */

static int is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       strcasecmp((const char *)n->name, name) == 0;
}

static int is_any(const xmlNode *n, const char *const *names)
{
	for (size_t i = 0; names[i]; i++)
		if (is(n, names[i]))
			return 1;
	return 0;
}

/* The value of attribute a of element n, "" when empty, NULL when absent. */
static const char *attr(const xmlNode *n, const char *a)
{
	for (const xmlAttr *p = n->properties; p; p = p->next) {
		if (!p->name || strcasecmp((const char *)p->name, a) != 0)
			continue;
		if (p->children &&
		        (p->children->type == XML_TEXT_NODE ||
		                p->children->type == XML_CDATA_SECTION_NODE) &&
		        p->children->content)
			return (const char *)p->children->content;
		return "";
	}
	return NULL;
}

static int ascii_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Does the space-separated list v hold word w (case-insensitively)? */
static int list_has(const char *v, const char *w)
{
	size_t wl = strlen(w);
	while (v && *v) {
		while (ascii_space((unsigned char)*v))
			v++;
		const char *s = v;
		while (*v && !ascii_space((unsigned char)*v))
			v++;
		if ((size_t)(v - s) == wl && strncasecmp(s, w, wl) == 0)
			return 1;
	}
	return 0;
}

/* Does a class or id token of n name one of words? A token matches when
 * one of its parts between '-' and '_' is a word ("related-articles",
 * "c-share__bar") or, with separators removed, it is one ("pull-quote"
 * for "pullquote"). Parts-matching is off when whole is set. The matching
 * token goes to hit (ASCII letters, digits, '-', '_' only). */
static int tokens_match(const xmlNode *n, const char *const *words, int whole,
        char *hit, size_t hitlen)
{
	static const char *const attrs[] = {"class", "id"};
	for (size_t a = 0; a < 2; a++) {
		const char *v = attr(n, attrs[a]);
		while (v && *v) {
			char tok[64], joined[64];
			size_t tl = 0, jl = 0;
			while (ascii_space((unsigned char)*v))
				v++;
			const char *s = v;
			while (*v && !ascii_space((unsigned char)*v))
				v++;
			if (v == s || v - s >= (long)sizeof tok)
				continue;
			for (const char *p = s; p < v; p++) {
				char c = (char)tolower((unsigned char)*p);
				tok[tl++] = c;
				if (c != '-' && c != '_')
					joined[jl++] = c;
			}
			tok[tl] = joined[jl] = '\0';
			int m = 0;
			for (size_t w = 0; words[w] && !m; w++) {
				if (strcmp(joined, words[w]) == 0) {
					m = 1;
					break;
				}
				if (whole)
					continue;
				size_t wl = strlen(words[w]);
				for (size_t i = 0; i + wl <= tl && !m; i++)
					if ((i == 0 || tok[i - 1] == '-' ||
					            tok[i - 1] == '_') &&
					        strncmp(tok + i, words[w],
					                wl) == 0 &&
					        (i + wl == tl ||
					                tok[i + wl] == '-' ||
					                tok[i + wl] == '_'))
						m = 1;
			}
			if (m) {
				if (hit) {
					size_t k = 0;
					for (size_t i = 0;
					        i < tl && k + 1 < hitlen; i++)
						if (isalnum((unsigned char)
						                    tok[i]) ||
						        tok[i] == '-' ||
						        tok[i] == '_')
							hit[k++] = tok[i];
					hit[k] = '\0';
				}
				return 1;
			}
		}
	}
	return 0;
}

/* HTML's own names, the reader's knowledge of HTML, not language: they
 * stay in the code (docs/architecture.md, "Word lists"). */
static const char *const junk_tags[] = {"script", "style", "noscript",
        "template", "iframe", "object", "embed", "svg", "math", "canvas",
        "video", "audio", "nav", "footer", "form", "button", "select",
        "textarea", "input", "dialog", "menu", "head", "map", "figcaption",
        "aside", "figure", "link", "meta", "title", NULL};

static const char *const junk_roles[] = {"navigation", "banner", "contentinfo",
        "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
        "toolbar", "alert", NULL};

static const char *const junk_words[] = {"nav", "navbar", "navigation", "menu",
        "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent", "gdpr",
        "share", "sharing", "social", "related", "recommended", "recirc",
        "newsletter", "signup", "subscribe", "subscription", "promo", "advert",
        "advertisement", "ad", "ads", "adslot", "sponsor", "sponsored",
        "footer", "sidebar", "comments", "popup", "modal", "toolbar",
        "outbrain", "taboola", "paywall", "skip", "skiplink", "trending",
        "mostread", "readmore", "tags", "masthead", "siteheader",
        "visuallyhidden", "sronly", "screenreader", "donate", "print", NULL};

static const char *const pull_words[] = {"pullquote", "pullout", "pull", NULL};

static const char *const body_words[] = {"articlebody", "articlecontent",
        "articletext", "storybody", "storycontent", "storytext", "entrycontent",
        "postcontent", "postbody", "bodycopy", "contentbody", "articlemain",
        NULL};

static const char *const standfirst_words[] = {"standfirst", "dek", "deck",
        "summary", "subtitle", "subheadline", "strapline", "lede", "excerpt",
        "description", NULL};

static const char *const byline_words[] = {
        "byline", "author", "authors", "contributor", "contributors", NULL};

static const char *const block_tags[] = {"address", "article", "aside",
        "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "td", "th", "thead", "tfoot", "tr", "ul", "caption", "html", "legend",
        NULL};

static int is_pull(const xmlNode *n)
{
	return tokens_match(n, pull_words, 0, NULL, 0);
}

/* Why n is dropped ("nav", "div.cookie-banner", "section[role=banner]"),
 * or 0 when it is kept. */
static int junk_label(const xmlNode *n, char *label, size_t len)
{
	char hit[48];
	const char *v;
	if (is_pull(n))
		return 0;
	if (is_any(n, junk_tags)) {
		snprintf(label, len, "%s", (const char *)n->name);
		return 1;
	}
	if ((v = attr(n, "role")) &&
	        is_any(n, (const char *const[]){"body", "html", NULL}) == 0) {
		for (size_t i = 0; junk_roles[i]; i++)
			if (list_has(v, junk_roles[i])) {
				snprintf(label, len, "%s[role=%s]",
				        (const char *)n->name, junk_roles[i]);
				return 1;
			}
	}
	if (attr(n, "hidden") ||
	        ((v = attr(n, "aria-hidden")) && strcasecmp(v, "true") == 0)) {
		snprintf(label, len, "%s[hidden]", (const char *)n->name);
		return 1;
	}
	if ((v = attr(n, "style"))) {
		char sq[64];
		size_t k = 0;
		for (; *v && k + 1 < sizeof sq; v++)
			if (!ascii_space((unsigned char)*v))
				sq[k++] = (char)tolower((unsigned char)*v);
		sq[k] = '\0';
		if (strstr(sq, "display:none") ||
		        strstr(sq, "visibility:hidden")) {
			snprintf(label, len, "%s[hidden]",
			        (const char *)n->name);
			return 1;
		}
	}
	if (!is(n, "body") && !is(n, "html") && !is(n, "article") &&
	        !is(n, "main") &&
	        tokens_match(n, junk_words, 0, hit, sizeof hit)) {
		snprintf(label, len, "%s.%s", (const char *)n->name, hit);
		return 1;
	}
	return 0;
}

static int is_container_mark(const xmlNode *n)
{
	const char *v = attr(n, "itemprop");
	return (v && list_has(v, "articleBody")) ||
	       tokens_match(n, body_words, 1, NULL, 0);
}

/* ------------------------------------------------------------ the page */

enum {
	N_CONT = 1,  /* node _private: a chosen container */
	N_WRAP = 2,  /* an ancestor of a container */
	N_SCOPE = 4, /* the <article>/<main> around the containers */
};

enum {
	C_CONT = 1, /* block context: inside a container */
	C_STAND = 2,
	C_PULL = 4,
	C_SCOPE = 8,
	C_BOLD = 16,
	C_P = 32, /* the block element is a <p> */
};

typedef struct hblock {
	size_t start, end; /* in page.buf */
	unsigned flags;
	int hlevel;            /* 1-6 inside <hN>, else 0 */
	int plain;             /* has text outside <b>/<strong> */
	const xmlNode *header; /* nearest <header> */
} hblock;

typedef struct label {
	char name[64];
	unsigned count;
} label;

typedef struct cand {
	xmlNode *n;
	int tier;    /* 0: not inside a dropped element; 1: inside one */
	long parent; /* index of the nearest enclosing candidate, or -1 */
	size_t text;
} cand;

typedef struct page {
	const char *name;
	/* scan */
	cand *cands, *arts;
	size_t ncands, narts, capc, capa;
	xmlNode *main, *body;
	char *og_url, *canonical, *og_title, *title_el;
	char *d_meta, *d_jsonld, *d_item, *d_time;
	char *author, *author_meta, *author_jsonld;
	unsigned too_deep, jsonld_skipped;
	/* emission */
	sbuf buf;
	hblock *v;
	size_t n, cap;
	size_t cur; /* start of the current block in buf */
	int pending_space, cur_open, cur_plain, cur_hlevel;
	unsigned cur_flags;
	const xmlNode *cur_header;
	label labels[LABELS_MAX];
	size_t nlabels;
	unsigned more_labels;
	int oom;
} page;

static void count_label(page *p, const char *l)
{
	for (size_t i = 0; i < p->nlabels; i++)
		if (strcmp(p->labels[i].name, l) == 0) {
			p->labels[i].count++;
			return;
		}
	if (p->nlabels == LABELS_MAX) {
		p->more_labels++;
		return;
	}
	snprintf(p->labels[p->nlabels].name, sizeof p->labels[0].name, "%s", l);
	p->labels[p->nlabels++].count = 1;
}

/* A malloc'd copy of s with ASCII white space runs made one space and
 * trimmed, control characters and bad UTF-8 left out, at most FIELD_MAX
 * bytes (whole characters). NULL when out of memory. */
static char *collapse(const char *s)
{
	sbuf b = {0};
	int sp = 0;
	size_t len = s ? strlen(s) : 0, i = 0;
	while (i < len) {
		unsigned cp;
		size_t k = td_utf8_char(
		        (const unsigned char *)s + i, len - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		if (k == 1 && ascii_space((unsigned char)s[i])) {
			sp = 1;
			i++;
			continue;
		}
		if (cp < 0x20) {
			i += k;
			continue;
		}
		if (b.n + k + 1 > FIELD_MAX)
			break;
		if (sp && b.n)
			td_buf_addc(&b, ' ');
		sp = 0;
		td_buf_add(&b, s + i, k);
		i += k;
	}
	if (b.oom)
		return NULL;
	return b.s ? b.s : strdup("");
}

static void set_once(page *p, char **field, const char *v)
{
	if (*field || !v)
		return;
	char *c = collapse(v);
	if (!c) {
		p->oom = 1;
		return;
	}
	if (!*c) {
		free(c);
		return;
	}
	*field = c;
}

/* "YYYY-MM-DD" (or YYYY-MM, YYYY) from the start of an ISO 8601 value;
 * 0 when s does not start with a valid date. */
static int iso_date(const char *s, char out[11])
{
	while (s && ascii_space((unsigned char)*s))
		s++;
	if (!s || !isdigit((unsigned char)s[0]) ||
	        !isdigit((unsigned char)s[1]) ||
	        !isdigit((unsigned char)s[2]) || !isdigit((unsigned char)s[3]))
		return 0;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	        (s[3] - '0');
	if (y < 1000)
		return 0;
	if (s[4] != '-' || !isdigit((unsigned char)s[5]) ||
	        !isdigit((unsigned char)s[6])) {
		if (isdigit((unsigned char)s[4]))
			return 0;
		memcpy(out, s, 4);
		out[4] = '\0';
		return 1;
	}
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return 0;
	if (s[7] != '-' || !isdigit((unsigned char)s[8]) ||
	        !isdigit((unsigned char)s[9])) {
		memcpy(out, s, 7);
		out[7] = '\0';
		return 1;
	}
	static const int dm[12] = {
	        31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d < 1 || d > dm[m - 1] || (m == 2 && d == 29 && !leap) ||
	        isdigit((unsigned char)s[10]))
		return 0;
	memcpy(out, s, 10);
	out[10] = '\0';
	return 1;
}

static void set_date(page *p, char **field, const char *v)
{
	char iso[11];
	if (!*field && v && iso_date(v, iso))
		set_once(p, field, iso);
}

/* ---------------------------------------------------------------- JSON-LD */

static void jsonld_author(page *p, json_t *a, int depth)
{
	if (depth > 4 || p->author_jsonld)
		return;
	if (json_is_string(a))
		set_once(p, &p->author_jsonld, json_string_value(a));
	else if (json_is_object(a))
		jsonld_author(p, json_object_get(a, "name"), depth + 1);
	else if (json_is_array(a) && json_array_size(a) > 0)
		jsonld_author(p, json_array_get(a, 0), depth + 1);
}

static void jsonld_walk(page *p, json_t *j, int depth)
{
	if (depth > JSON_DEPTH)
		return;
	if (json_is_object(j)) {
		const char *k;
		json_t *v;
		json_t *dp = json_object_get(j, "datePublished");
		if (json_is_string(dp))
			set_date(p, &p->d_jsonld, json_string_value(dp));
		if (json_object_get(j, "author"))
			jsonld_author(p, json_object_get(j, "author"), 0);
		json_object_foreach(j, k, v) jsonld_walk(p, v, depth + 1);
	} else if (json_is_array(j)) {
		size_t i;
		json_t *v;
		json_array_foreach(j, i, v) jsonld_walk(p, v, depth + 1);
	}
}

static void jsonld(page *p, const xmlNode *script)
{
	sbuf s = {0};
	for (const xmlNode *c = script->children; c; c = c->next) {
		if ((c->type != XML_TEXT_NODE &&
		            c->type != XML_CDATA_SECTION_NODE) ||
		        !c->content)
			continue;
		size_t l = strlen((const char *)c->content);
		if (s.n + l > JSONLD_MAX) {
			p->jsonld_skipped++;
			free(s.s);
			return;
		}
		td_buf_add(&s, c->content, l);
	}
	if (s.oom) {
		p->oom = 1;
	} else if (s.n) {
		json_error_t err;
		json_t *j = json_loadb(s.s, s.n, JSON_DECODE_ANY, &err);
		if (j) {
			jsonld_walk(p, j, 0);
			json_decref(j);
		} else {
			td_warn("%s: JSON-LD block does not parse (%s); "
			        "ignored",
			        p->name, err.text);
		}
	}
	free(s.s);
}

/* ------------------------------------------------------------------ scan */

static int push_cand(
        cand **v, size_t *n, size_t *cap, xmlNode *node, int tier, long parent)
{
	if (TD_VEC_RESERVE(*v, *n, *cap, 8))
		return -1;
	(*v)[*n].n = node;
	(*v)[*n].tier = tier;
	(*v)[*n].text = 0;
	(*v)[*n].parent = parent;
	(*n)++;
	return 0;
}

/* Collects header metadata and the article candidates; returns the bytes
 * of text below n (script and style aside), for choosing an <article>. */
static size_t scan(
        page *p, xmlNode *n, int depth, int junk, long in_cand, int in_art)
{
	size_t text = 0;
	if (depth > WALK_DEPTH) {
		p->too_deep++;
		return 0;
	}
	for (xmlNode *c = n; c; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		        c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				text += strlen((const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || !c->name)
			continue;
		const char *v;
		char lab[128];
		if (is(c, "meta")) {
			const char *prop = attr(c, "property");
			const char *nm = attr(c, "name");
			const char *content = attr(c, "content");
			const char *key = prop ? prop : nm;
			if (key && content) {
				if (strcasecmp(key, "article:published_time") ==
				        0)
					set_date(p, &p->d_meta, content);
				else if (strcasecmp(key, "og:url") == 0)
					set_once(p, &p->og_url, content);
				else if (strcasecmp(key, "og:title") == 0)
					set_once(p, &p->og_title, content);
				else if (strcasecmp(key, "author") == 0)
					set_once(p, &p->author_meta, content);
			}
		} else if (is(c, "link")) {
			if ((v = attr(c, "rel")) && list_has(v, "canonical"))
				set_once(p, &p->canonical, attr(c, "href"));
		} else if (is(c, "title")) {
			if (!p->title_el && c->children && c->children->content)
				set_once(p, &p->title_el,
				        (const char *)c->children->content);
		} else if (is(c, "script")) {
			if ((v = attr(c, "type")) && strcasestr(v, "ld+json"))
				jsonld(p, c);
			continue;
		} else if (is(c, "style")) {
			continue;
		}
		if ((v = attr(c, "itemprop")) && list_has(v, "datePublished")) {
			set_date(p, &p->d_item, attr(c, "content"));
			set_date(p, &p->d_item, attr(c, "datetime"));
		}
		if (is(c, "time") && !junk)
			set_date(p, &p->d_time, attr(c, "datetime"));
		if (is(c, "body") && !p->body)
			p->body = c;
		if (!junk && !p->main &&
		        (is(c, "main") ||
		                ((v = attr(c, "role")) && list_has(v, "main"))))
			p->main = c;
		int cjunk = junk || junk_label(c, lab, sizeof lab);
		int mark = is_container_mark(c);
		int art = !in_art && is(c, "article");
		size_t ci = p->ncands, ai = p->narts;
		if (mark && push_cand(&p->cands, &p->ncands, &p->capc, c, junk,
		                    in_cand))
			p->oom = 1;
		if (art &&
		        push_cand(&p->arts, &p->narts, &p->capa, c, junk, -1))
			p->oom = 1;
		size_t t = c->children ? scan(p, c->children, depth + 1, cjunk,
		                                 mark ? (long)ci : in_cand,
		                                 in_art || art)
		                       : 0;
		if (p->oom)
			return text;
		if (mark)
			p->cands[ci].text = t;
		if (art)
			p->arts[ai].text = t;
		text += t;
	}
	return text;
}

static void mark_up(xmlNode *n, uintptr_t bit)
{
	for (xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE;
	        a = a->parent)
		a->_private = (void *)((uintptr_t)a->_private | bit);
}

/* Chooses the containers; returns a description for the extraction note. */
static const char *choose(page *p, char *how, size_t howlen)
{
	size_t chosen = 0;
	/* The outermost marked elements (outside dropped ones if any are);
	 * one with two or more marked children (an article split around a
	 * promo), or one whose marked child holds at least half its text, is
	 * only a wrapper: its children are taken instead. Candidates are in
	 * document order, so children come after their parent. */
	for (int tier = 0; tier < 2 && !chosen; tier++)
		for (size_t i = 0; i < p->ncands; i++)
			if (p->cands[i].tier == tier &&
			        p->cands[i].parent < 0) {
				p->cands[i].n->_private =
				        (void *)(uintptr_t)N_CONT;
				chosen++;
			}
	for (size_t i = 0; i < p->ncands; i++) {
		if (!((uintptr_t)p->cands[i].n->_private & N_CONT))
			continue;
		size_t inner = 0, k = 0;
		for (size_t j = i + 1; j < p->ncands; j++)
			if (p->cands[j].parent == (long)i &&
			        p->cands[j].tier == p->cands[i].tier)
				inner += p->cands[j].text, k++;
		if (k == 0 || (k == 1 && inner * 2 < p->cands[i].text))
			continue;
		p->cands[i].n->_private = NULL;
		for (size_t j = i + 1; j < p->ncands; j++)
			if (p->cands[j].parent == (long)i &&
			        p->cands[j].tier == p->cands[i].tier)
				p->cands[j].n->_private =
				        (void *)(uintptr_t)N_CONT;
		chosen += k - 1;
	}
	if (chosen) {
		for (size_t i = 0; i < p->ncands; i++)
			if ((uintptr_t)p->cands[i].n->_private & N_CONT)
				mark_up(p->cands[i].n, N_WRAP);
		/* The scope: the <article> or <main> around the first one. */
		xmlNode *first = NULL;
		for (size_t i = 0; i < p->ncands && !first; i++)
			if ((uintptr_t)p->cands[i].n->_private & N_CONT)
				first = p->cands[i].n;
		for (xmlNode *a = first ? first->parent : NULL;
		        a && a->type == XML_ELEMENT_NODE; a = a->parent)
			if (is(a, "article") || is(a, "main")) {
				a->_private = (void *)((uintptr_t)a->_private |
				                       N_SCOPE);
				break;
			}
		snprintf(how, howlen, "%zu article-body container%s", chosen,
		        chosen == 1 ? "" : "s");
		return how;
	}
	xmlNode *best = NULL;
	size_t most = 0;
	for (int tier = 0; tier < 2 && !best; tier++)
		for (size_t i = 0; i < p->narts; i++)
			if (p->arts[i].tier == tier &&
			        (!best || p->arts[i].text > most)) {
				best = p->arts[i].n;
				most = p->arts[i].text;
			}
	const char *what = "<article>";
	if (!best) {
		best = p->main;
		what = "<main>";
	}
	if (!best) {
		best = p->body;
		what = "<body>";
	}
	if (!best)
		return NULL;
	best->_private = (void *)(uintptr_t)(N_CONT | N_SCOPE);
	mark_up(best, N_WRAP);
	snprintf(how, howlen, "%s", what);
	return how;
}

/* ------------------------------------------------------------- emission */

typedef struct ctx {
	unsigned flags;
	int hlevel;
	const xmlNode *header;
} ctx;

/* Is s[a, b) only Unicode white space (no-break spaces, U+2000-200B,
 * U+202F, U+205F, U+3000, U+FEFF, line breaks)? Such a block is dropped. */
static int all_uspace(const char *s, size_t a, size_t b)
{
	const unsigned char *u = (const unsigned char *)s;
	while (a < b) {
		if (u[a] == '\n')
			a++;
		else if (b - a >= 2 && u[a] == 0xC2 && u[a + 1] == 0xA0)
			a += 2;
		else if (b - a >= 3 && u[a] == 0xE2 && u[a + 1] == 0x80 &&
		         ((u[a + 2] >= 0x80 && u[a + 2] <= 0x8B) ||
		                 u[a + 2] == 0xAF))
			a += 3;
		else if (b - a >= 3 &&
		         ((u[a] == 0xE2 && u[a + 1] == 0x81 &&
		                  u[a + 2] == 0x9F) ||
		                 (u[a] == 0xE3 && u[a + 1] == 0x80 &&
		                         u[a + 2] == 0x80) ||
		                 (u[a] == 0xEF && u[a + 1] == 0xBB &&
		                         u[a + 2] == 0xBF)))
			a += 3;
		else
			return 0;
	}
	return 1;
}

static void flush(page *p)
{
	size_t e = p->buf.n;
	while (e > p->cur && p->buf.s[e - 1] == '\n')
		e--; /* a trailing <br> */
	if (p->cur_open && e > p->cur && !all_uspace(p->buf.s, p->cur, e)) {
		if (TD_VEC_RESERVE(p->v, p->n, p->cap, 64)) {
			p->oom = 1;
			return;
		}
		hblock *b = &p->v[p->n++];
		b->start = p->cur;
		b->end = e;
		b->flags = p->cur_flags;
		b->hlevel = p->cur_hlevel;
		b->plain = p->cur_plain;
		b->header = p->cur_header;
		p->buf.n = e;
	}
	p->cur = p->buf.n;
	p->cur_open = 0;
	p->pending_space = 0;
	p->cur_plain = 0;
}

static void put_text(page *p, const ctx *c, const char *s)
{
	for (; *s; s++) {
		if (ascii_space((unsigned char)*s)) {
			p->pending_space = 1;
			continue;
		}
		if (!p->cur_open) {
			p->cur_open = 1;
			p->cur_flags = c->flags;
			p->cur_hlevel = c->hlevel;
			p->cur_header = c->header;
		} else if (p->pending_space && p->buf.s[p->buf.n - 1] != '\n') {
			td_buf_addc(&p->buf, ' ');
		}
		p->cur_flags |= c->flags & (C_STAND | C_PULL);
		p->pending_space = 0;
		if (!(c->flags & C_BOLD))
			p->cur_plain = 1;
		td_buf_addc(&p->buf, *s);
	}
}

static void put_break(page *p)
{
	if (!p->cur_open)
		return;
	if (p->buf.s[p->buf.n - 1] == '\n') {
		flush(p); /* two <br>: a paragraph break */
		return;
	}
	td_buf_addc(&p->buf, '\n');
	p->pending_space = 0;
}

static void emit(page *p, xmlNode *n, const ctx *pc, int depth)
{
	if (depth > WALK_DEPTH)
		return; /* counted by scan() */
	for (xmlNode *c = n; c && !p->oom && !p->buf.oom; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		        c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				put_text(p, pc, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || !c->name)
			continue;
		uintptr_t nf = (uintptr_t)c->_private;
		char lab[128], hit[48];
		if (is(c, "br")) {
			put_break(p);
			continue;
		}
		if (!(nf & (N_CONT | N_WRAP)) &&
		        junk_label(c, lab, sizeof lab)) {
			if (c->children && !is(c, "head"))
				count_label(p, lab); /* empty ones are not worth
				                        a word */
			continue;
		}
		int block = is_any(c, block_tags) || (nf & (N_CONT | N_SCOPE));
		const char *v;
		if (block && !(nf & (N_CONT | N_WRAP)) &&
		        tokens_match(c, byline_words, 0, hit, sizeof hit)) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t && strlen((const char *)t) <= BYLINE_MAX) {
				const char *s = (const char *)t;
				while (ascii_space((unsigned char)*s))
					s++;
				if (strncasecmp(s, "by ", 3) == 0)
					s += 3;
				set_once(p, &p->author, s);
			}
			xmlFree(t);
			count_label(p, "byline");
			continue;
		}
		if (((v = attr(c, "rel")) && list_has(v, "author")) ||
		        ((v = attr(c, "itemprop")) && list_has(v, "author"))) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t && strlen((const char *)t) <= BYLINE_MAX)
				set_once(p, &p->author, (const char *)t);
			xmlFree(t);
		}
		ctx cc = *pc;
		if (nf & N_CONT)
			cc.flags |= C_CONT;
		if (nf & N_SCOPE)
			cc.flags |= C_SCOPE;
		if (is_pull(c))
			cc.flags |= C_PULL;
		if (tokens_match(c, standfirst_words, 0, NULL, 0))
			cc.flags |= C_STAND;
		if (is(c, "b") || is(c, "strong"))
			cc.flags |= C_BOLD;
		if (is(c, "header"))
			cc.header = c;
		if (block) {
			cc.flags &= ~(unsigned)(C_BOLD | C_P);
			if (is(c, "p"))
				cc.flags |= C_P;
			const char *nm = (const char *)c->name;
			if ((nm[0] == 'h' || nm[0] == 'H') && nm[1] >= '1' &&
			        nm[1] <= '6' && nm[2] == '\0')
				cc.hlevel = nm[1] - '0';
			flush(p);
		}
		if (c->children)
			emit(p, c->children, &cc, depth + 1);
		if (block)
			flush(p);
	}
}

/* ------------------------------------------------------------ selection */

static int meta_line_at(const page *p, const hblock *b, td_meta_line *ml)
{
	size_t l = b->end - b->start;
	return l <= META_MAX && !memchr(p->buf.s + b->start, '\n', l) &&
	       td_meta_line_parse(p->buf.s + b->start, l, ml);
}

/* A short bold-only <p> that does not end like a sentence. */
static int bold_head(const page *p, const hblock *b)
{
	const char *s = p->buf.s + b->start;
	size_t l = b->end - b->start;
	if (b->plain || l == 0 || l > HEAD_MAX || memchr(s, '\n', l))
		return 0;
	char c = s[l - 1];
	return c != '.' && c != ',' && c != ';' && c != ':';
}

typedef struct pick {
	size_t i;
	td_block_kind kind;
} pick;

static int add_block(td_blocks *out, sbuf *t, const page *p, const hblock *b,
        td_block_kind kind)
{
	if (t->n)
		td_buf_add(t, "\n\n", 2);
	size_t s = t->n;
	td_buf_add(t, p->buf.s + b->start, b->end - b->start);
	if (t->oom)
		return td_error(TD_ENOMEM, "out of memory");
	return td_blocks_add(out, kind, s, t->n);
}

static int set_field(char **f, const char *s, size_t n)
{
	char *v = strndup(s, n);
	if (!v)
		return td_error(TD_ENOMEM, "out of memory");
	free(*f);
	*f = v;
	return 0;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Builds out->text and its blocks from the emitted blocks. */
static int select_blocks(page *p, td_blocks *out, sbuf *text, size_t *dropped)
{
	long t = -1;
	size_t fb, i;
	int rc;
	for (int pass = 0; pass < 3 && t < 0; pass++)
		for (i = 0; i < p->n && t < 0; i++)
			if (p->v[i].hlevel == 1 &&
			        (pass == 2 || (p->v[i].flags &
			                              (pass == 0 ? C_CONT
			                                         : C_SCOPE))))
				t = (long)i;
	/* The first body block: in a container, after the title, not front. */
	const xmlNode *th = t >= 0 ? p->v[t].header : NULL;
	td_meta_line ml;
	for (fb = (size_t)(t + 1); fb < p->n; fb++) {
		const hblock *b = &p->v[fb];
		if (!(b->flags & C_CONT))
			continue;
		if ((b->flags & C_STAND) || (th && b->header == th) ||
		        meta_line_at(p, b, &ml))
			continue;
		break;
	}
	int have_meta = 0, have_stand = 0;
	*dropped = 0;
	for (i = 0; i < p->n; i++) {
		const hblock *b = &p->v[i];
		if ((long)i == t) {
			if ((rc = add_block(out, text, p, b, TD_BLOCK_TITLE)) ||
			        (rc = set_field(&out->meta.title,
			                 p->buf.s + b->start,
			                 b->end - b->start)))
				return rc;
		} else if ((long)i < t) {
			++*dropped;
		} else if (i < fb) {
			if (!have_meta && meta_line_at(p, b, &ml)) {
				size_t base = text->n + (text->n ? 2 : 0);
				if ((rc = add_block(
				             out, text, p, b, TD_BLOCK_META)))
					return rc;
				have_meta = 1;
				out->line = ml;
				out->line.genre_start += base,
				        out->line.genre_end += base;
				out->line.date_start += base,
				        out->line.date_end += base;
				out->line.time_start += base,
				        out->line.time_end += base;
			} else if ((b->flags & C_STAND) ||
			           (th && b->header == th &&
			                   (b->flags & C_P))) {
				if ((rc = add_block(out, text, p, b,
				             TD_BLOCK_STANDFIRST)))
					return rc;
				if (!have_stand++ &&
				        (rc = set_field(&out->meta.subtitle,
				                 p->buf.s + b->start,
				                 b->end - b->start)))
					return rc;
			} else {
				++*dropped;
			}
		} else if (!(b->flags & C_CONT)) {
			++*dropped;
		} else {
			td_block_kind k = b->hlevel || bold_head(p, b)
			                          ? TD_BLOCK_HEAD
			                          : TD_BLOCK_PARA;
			if ((rc = add_block(out, text, p, b, k)))
				return rc;
		}
	}
	if (have_meta) {
		const char *s = text->s;
		const td_meta_line *m = &out->line;
		if ((m->iso[0] &&
		            (rc = td_meta_set(&out->meta.date, m->iso))) ||
		        (m->genre_end > m->genre_start &&
		                (rc = set_field(&out->meta.genre,
		                         s + m->genre_start,
		                         m->genre_end - m->genre_start))) ||
		        (m->time_end > m->time_start &&
		                (rc = set_field(&out->meta.reading_time,
		                         s + m->time_start,
		                         m->time_end - m->time_start))))
			return rc ? rc : td_error(TD_ENOMEM, "out of memory");
	}
	return 0;
}

/* The one-line account of the extraction for the TEI header. */
static int describe(page *p, td_blocks *out, const char *enc, const char *cont,
        size_t dropped, const char *date_src)
{
	sbuf s = {0};
	char tmp[320];
	snprintf(tmp, sizeof tmp, "html (%s): text of the %s", enc, cont);
	td_buf_add(&s, tmp, strlen(tmp));
	if (p->nlabels || dropped) {
		td_buf_add(&s, "; dropped", 9);
		for (size_t i = 0; i < p->nlabels; i++) {
			snprintf(tmp, sizeof tmp, "%s %u %s", i ? "," : "",
			        p->labels[i].count, p->labels[i].name);
			td_buf_add(&s, tmp, strlen(tmp));
		}
		if (p->more_labels) {
			snprintf(tmp, sizeof tmp, ", %u more", p->more_labels);
			td_buf_add(&s, tmp, strlen(tmp));
		}
		if (dropped) {
			snprintf(tmp, sizeof tmp,
			        "%s %zu blocks outside the article",
			        p->nlabels ? "," : "", dropped);
			td_buf_add(&s, tmp, strlen(tmp));
		}
	}
	if (p->too_deep) {
		snprintf(tmp, sizeof tmp,
		        "; elements nested deeper than %d dropped", WALK_DEPTH);
		td_buf_add(&s, tmp, strlen(tmp));
	}
	if (date_src) {
		snprintf(tmp, sizeof tmp, "; date from %s", date_src);
		td_buf_add(&s, tmp, strlen(tmp));
	}
	if (s.oom) {
		free(s.s);
		return td_error(TD_ENOMEM, "out of memory");
	}
	free(out->meta.extraction);
	out->meta.extraction = s.s;
	return 0;
}

static void page_clear(page *p)
{
	free(p->cands);
	free(p->arts);
	free(p->og_url);
	free(p->canonical);
	free(p->og_title);
	free(p->title_el);
	free(p->d_meta);
	free(p->d_jsonld);
	free(p->d_item);
	free(p->d_time);
	free(p->author);
	free(p->author_meta);
	free(p->author_jsonld);
	free(p->buf.s);
	free(p->v);
}

int td_html_read(const char *name, const char *data, size_t len, int lenient,
        td_blocks *out)
{
	(void)lenient; /* bad bytes are always replaced: see the header */
	page p = {.name = name};
	sbuf dec = {0}, text = {0};
	htmlDocPtr doc = NULL;
	char enc[160], cont[64], hex[65];
	size_t dropped = 0;
	int rc = 0;
	memset(out, 0, sizeof *out);
	if (len > HTML_MAX_BYTES)
		return td_error(TD_ELIMIT, "%s: page larger than %zu bytes",
		        name, HTML_MAX_BYTES);
	td_xml_init();
	if (!(out->name = strdup(name)))
		return td_error(TD_ENOMEM, "out of memory");
	decode(name, (const unsigned char *)data, len, &dec, enc, sizeof enc);
	if (dec.oom) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto done;
	}
	if (dec.n > INT_MAX) {
		rc = td_error(TD_ELIMIT, "%s: page too large", name);
		goto done;
	}
	/* HUGE lifts libxml2's 10 MB text-node limit, which a long inline
	 * script would hit (ending the parse); the input is bounded above. */
	doc = htmlReadMemory(dec.s ? dec.s : "", (int)dec.n, NULL, "UTF-8",
	        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                HTML_PARSE_RECOVER | XML_PARSE_HUGE);
	free(dec.s);
	dec.s = NULL;
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		rc = td_error(TD_EINPUT, "%s: no article text found", name);
		goto done;
	}
	scan(&p, root, 0, 0, -1, 0);
	if (p.oom) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto done;
	}
	if (!choose(&p, cont, sizeof cont)) {
		rc = td_error(TD_EINPUT, "%s: no article text found", name);
		goto done;
	}
	ctx c0 = {0, 0, NULL};
	emit(&p, root, &c0, 0);
	flush(&p);
	if (p.oom || p.buf.oom) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto done;
	}
	if (p.too_deep)
		td_warn("%s: elements nested deeper than %d dropped", name,
		        WALK_DEPTH);
	if ((rc = select_blocks(&p, out, &text, &dropped)))
		goto done;
	size_t body = 0;
	for (size_t i = 0; i < out->n; i++)
		body += out->v[i].kind == TD_BLOCK_PARA ||
		        out->v[i].kind == TD_BLOCK_HEAD;
	if (body == 0) {
		rc = td_error(TD_EINPUT, "%s: no article text found", name);
		goto done;
	}
	td_buf_addc(&text, '\n');
	if (text.oom) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto done;
	}
	out->text = text.s;
	out->len = text.n;
	text.s = NULL;
	/* Header metadata, in the order of trust given above. */
	const char *date_src = NULL;
	if (out->meta.date)
		date_src = "the metadata line";
	else if ((date_src = p.d_meta ? "meta article:published_time" : NULL))
		rc = td_meta_set(&out->meta.date, p.d_meta);
	else if ((date_src = p.d_jsonld ? "JSON-LD datePublished" : NULL))
		rc = td_meta_set(&out->meta.date, p.d_jsonld);
	else if ((date_src = p.d_item ? "itemprop=datePublished" : NULL))
		rc = td_meta_set(&out->meta.date, p.d_item);
	else if ((date_src = p.d_time ? "<time datetime>" : NULL))
		rc = td_meta_set(&out->meta.date, p.d_time);
	const char *author = p.author        ? p.author
	                     : p.author_meta ? p.author_meta
	                                     : p.author_jsonld;
	const char *url = p.canonical ? p.canonical : p.og_url;
	td_sha256_hex(data, len, hex);
	if (rc ||
	        (!out->meta.title && (p.og_title || p.title_el) &&
	                td_meta_set(&out->meta.title,
	                        p.og_title ? p.og_title : p.title_el)) ||
	        (author && td_meta_set(&out->meta.author, author)) ||
	        (url && td_meta_set(&out->meta.url, url)) ||
	        td_meta_set(&out->meta.source_name, base_name(name)) ||
	        td_meta_set(&out->meta.source_sha256, hex)) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto done;
	}
	rc = describe(&p, out, enc, cont, dropped, date_src);
done:
	if (doc)
		xmlFreeDoc(doc);
	free(dec.s);
	free(text.s);
	page_clear(&p);
	if (rc)
		td_blocks_clear(out);
	return rc;
}
