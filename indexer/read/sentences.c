/* sentences.c: splits a paragraph into sentences.
 * A sentence ends at . ! ? … (or a run of them), after any closing quote
 * marks and brackets, before white space and a plausible sentence start
 * (capital, digit, opening quote). Abbreviations come from a lexicon
 * (abbreviations.tsv), not from code; initials, decimals and amounts are
 * recognised by shape. It works on byte ranges and never copies
 * text. */
#include "config.h"
#include "sentences.h"
#include "tagdex.h"
#include "vec.h"
#include "util.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { AB_TITLE = 1, AB_INNER, AB_NUMBER, AB_MONTH, AB_END, AB_STARTER };

typedef struct ab_entry {
	char *form; /* as written, with its final '.' for abbreviations */
	int cls;
} ab_entry;

struct td_abbrevs {
	ab_entry *v;
	size_t n, cap;
};

static int entry_cmp(const void *a, const void *b)
{
	const ab_entry *x = a, *y = b;
	int c = strcmp(x->form, y->form);
	if (c)
		return c;
	return x->cls - y->cls;
}

int td_abbrevs_new(td_abbrevs **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : td_error(TD_ENOMEM, "out of memory");
}

void td_abbrevs_free(td_abbrevs *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i].form);
	free(a->v);
	free(a);
}

/* abbreviations.tsv: a form and its class (AB_*) */
static int abbrev_row(void *ctx, const td_lex_row *row)
{
	static const char *const classes[] = {
	        NULL, "title", "inner", "number", "month", "end", "starter"};
	td_abbrevs *a = ctx;
	const td_tsv_row *r = row->r;
	int cls = 0;
	for (int c = 1; r->n >= 2 && c <= AB_STARTER; c++)
		if (strcmp(r->f[1], classes[c]) == 0)
			cls = c;
	if (!cls || !*r->f[0] || strchr(r->f[0], ' '))
		return td_lex_error(row,
		        "expected "
		        "FORM<TAB>title|inner|number|month|end|starter");
	if (cls != AB_STARTER && r->f[0][strlen(r->f[0]) - 1] != '.')
		return td_lex_error(
		        row, "abbreviation '%s' must end in '.'", r->f[0]);
	if (TD_VEC_RESERVE(a->v, a->n, a->cap, 256) ||
	        !(a->v[a->n].form = strdup(r->f[0])))
		return td_error(TD_ENOMEM, "out of memory");
	a->v[a->n++].cls = cls;
	return 0;
}

int td_abbrevs_load(const char *path, td_abbrevs **out)
{
	td_abbrevs *a;
	int rc = td_abbrevs_new(&a);
	if (!rc)
		rc = td_tsv_each(path, abbrev_row, a);
	if (rc) {
		td_abbrevs_free(a);
		return rc;
	}
	if (a->n > 1)
		qsort(a->v, a->n, sizeof *a->v, entry_cmp);
	*out = a;
	return 0;
}

/* The class of s[0, n) in the list (lowest class if listed twice), or 0. */
static int ab_class(const td_abbrevs *a, const char *s, size_t n, int want)
{
	if (!a)
		return 0;
	size_t lo = 0, hi = a->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(a->v[mid].form, s, n);
		if (c == 0 && a->v[mid].form[n] != '\0')
			c = 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < a->n && strncmp(a->v[i].form, s, n) == 0 &&
	                    a->v[i].form[n] == '\0';
	        i++)
		if (!want || a->v[i].cls == want)
			return a->v[i].cls;
	return 0;
}

/* ------------------------------------------------------------ scanning */

static int32_t cp_at(const char *s, size_t i, size_t end, size_t *k)
{
	/* ASCII, most of the text, as utf8proc_iterate reads it, without
	 * the call (1.9M calls on the 300k bench corpus) */
	if (i < end && (unsigned char)s[i] < 0x80) {
		*k = 1;
		return (unsigned char)s[i];
	}
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate(
	        (const uint8_t *)s + i, (utf8proc_ssize_t)(end - i), &cp);
	if (n <= 0) {
		*k = 1;
		return -1;
	}
	*k = (size_t)n;
	return cp;
}

/* The code point ending just before s[i] (start of it in *b), or -1. */
static int32_t cp_before(const char *s, size_t i, size_t start, size_t *b)
{
	size_t j = i;
	if (j <= start)
		return -1;
	j--;
	while (j > start && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	size_t k;
	int32_t cp = cp_at(s, j, i, &k);
	*b = j;
	return cp;
}

static int is_space(int32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r')
		return 1;
	if (cp < 128)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || cp == 0xFEFF || cp == 0x200B;
}

static int is_terminal(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 /* … */ ||
	       cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049;
}

static int is_closer(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	       cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x203A;
}

static int is_opener(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
	       cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x2039 ||
	       cp == 0x201E;
}

static int is_upper(int32_t cp)
{
	if (cp < 0)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int is_lower(int32_t cp)
{
	return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static int is_letter(int32_t cp)
{
	if (cp < 0)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* The first position from i on (end at most) whose character is not of
 * the class in (is_letter, is_closer, is_space ...). */
static inline size_t skip_class(
        const char *s, size_t i, size_t end, int (*in)(int32_t))
{
	size_t k;
	while (i < end && in(cp_at(s, i, end, &k)))
		i += k;
	return i;
}

/* The word before the '.' at s[dot]: letters, digits and inner dots back to
 * white space or an opening mark. Returns its start. */
static size_t word_before(const char *s, size_t dot, size_t start)
{
	size_t i = dot, b;
	for (;;) {
		int32_t cp = cp_before(s, i, start, &b);
		if (cp < 0 || !(is_letter(cp) || is_digit(cp) || cp == '.' ||
		                      cp == '-' || cp == '&'))
			break;
		i = b;
	}
	return i;
}

/* Does the '.'-terminated word s[w, dot] (dot included) keep the sentence
 * going, given the next sentence would start at s[nx] with code point ncp? */
static int dot_continues(const td_abbrevs *ab, const char *s, size_t w,
        size_t dot, size_t end, size_t nx, int32_t ncp)
{
	size_t n = dot + 1 - w, k;
	if (n <= 1)
		return 0;
	int cls = ab_class(ab, s + w, n, 0);
	/* a prefixed title ("ex-Gov.", "Lt.-Gen."): the part after the last
	 * hyphen */
	for (size_t h = dot; !cls && h > w + 1; h--)
		if (s[h - 1] == '-') {
			if (ab_class(ab, s + h, dot + 1 - h, AB_TITLE))
				cls = AB_TITLE;
			break;
		}
	/* A title after an ordinal closes a designation ("Rep. Dwyer,
	 * R-6th Dist."), no title before a name: it ends the sentence
	 * before an honorific ("Mrs. Dwyer's husband") or a listed
	 * starter, as an "end" form does; "Dist. Atty." stays one. */
	if (cls == AB_TITLE && w >= 4 && s[w - 1] == ' ' &&
	        is_digit((unsigned char)s[w - 4]) &&
	        (!memcmp(s + w - 3, "st", 2) || !memcmp(s + w - 3, "nd", 2) ||
	                !memcmp(s + w - 3, "rd", 2) ||
	                !memcmp(s + w - 3, "th", 2))) {
		size_t e = skip_class(s, nx, end, is_letter);
		static const char *const hon[] = {
		        "Mr", "Mrs", "Ms", "Dr", "Miss"};
		for (size_t h = 0; h < sizeof hon / sizeof *hon; h++)
			if (e - nx == strlen(hon[h]) &&
			        !memcmp(s + nx, hon[h], e - nx))
				return 0;
		return !(e > nx && ab_class(ab, s + nx, e - nx, AB_STARTER));
	}
	if (cls == AB_TITLE || cls == AB_INNER)
		return 1;
	if ((cls == AB_NUMBER || cls == AB_MONTH) && is_digit(ncp))
		return 1;
	/* A single capital (an initial: "Joe R. Biden") before a capital;
	 * but the last letter of a spaced initialism ("in the U. S. That
	 * meeting", "Brevard, N. C. But he left"), a capital and a point
	 * right before it, is a dotted acronym: it ends the sentence before
	 * a listed starter, as "U.S." does. */
	int32_t c0 = cp_at(s, w, end, &k);
	int spaced = w + k == dot && w >= 3 && s[w - 1] == ' ' &&
	             s[w - 2] == '.' && s[w - 3] >= 'A' && s[w - 3] <= 'Z' &&
	             (w == 3 || !((s[w - 4] >= 'A' && s[w - 4] <= 'Z') ||
	                                (s[w - 4] >= 'a' && s[w - 4] <= 'z') ||
	                                s[w - 4] == '.'));
	if (w + k == dot && is_upper(c0) && is_upper(ncp) && !spaced)
		return 1;
	/* Dotted letters ("U.S.", "e.g.", "a.m.") and listed "end" forms end a
	 * sentence only before a listed sentence starter. */
	int dotted = 0;
	size_t seg = 0;
	for (size_t i = w; i < dot; i += k) {
		int32_t cp = cp_at(s, i, dot, &k);
		if (cp == '.') {
			dotted = seg > 0;
			seg = 0;
		} else if (is_letter(cp) && seg < 3) {
			seg++;
		} else {
			dotted = 0; /* "1.2bn", "example.com": not a dotted
			               acronym */
			break;
		}
	}
	if (dotted || spaced || cls == AB_END) {
		if (is_lower(c0) && !cls)
			return 1; /* "e.g." style, unlisted: inner */
		size_t e = skip_class(s, nx, end, is_letter);
		return !(e > nx && ab_class(ab, s + nx, e - nx, AB_STARTER));
	}
	return 0;
}

/* A list number ("1.", "12.") that opens a paragraph or a line: s[w,
 * dot) is one to three digits, nothing but white space stands before it
 * in its paragraph or line. It opens the sentence of its point ("1. He
 * said, ...") and ends none. */
static int enumerator(const char *s, size_t start, size_t w, size_t dot)
{
	if (dot <= w || dot - w > 3)
		return 0;
	for (size_t i = w; i < dot; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	for (size_t i = w; i > start; i--) {
		char ch = s[i - 1];
		if (ch == '\n' || ch == '\r')
			return 1;
		if (ch != ' ' && ch != '\t')
			return 0;
	}
	return 1;
}

static int push(td_range **out, size_t *n, size_t *cap, size_t a, size_t b)
{
	if (TD_VEC_RESERVE(*out, *n, *cap, 16))
		return td_error(TD_ENOMEM, "out of memory");
	(*out)[*n].start = a;
	(*out)[*n].end = b;
	(*n)++;
	return 0;
}

/* Trims white space off both ends of s[*a, *b). */
static void trim(const char *s, size_t *a, size_t *b)
{
	size_t k, p;
	while (*a < *b) {
		int32_t cp = cp_at(s, *a, *b, &k);
		if (!is_space(cp))
			break;
		*a += k;
	}
	while (*b > *a) {
		int32_t cp = cp_before(s, *b, *a, &p);
		if (!is_space(cp))
			break;
		*b = p;
	}
}

int td_sentences_split(const td_abbrevs *ab, const char *s, size_t start,
        size_t end, td_range **out, size_t *n)
{
	size_t cap = *n, k, sent = start, i = start;
	while (i < end) {
		int32_t cp = cp_at(s, i, end, &k);
		if (!is_terminal(cp)) {
			i += k;
			continue;
		}
		size_t term = i; /* first terminal of the run */
		size_t j = i + k;
		int only_dot = cp == '.';
		while (j < end) {
			int32_t c = cp_at(s, j, end, &k);
			if (!is_terminal(c))
				break;
			if (c != '.')
				only_dot = 0;
			j += k;
		}
		int single_dot = only_dot && j == term + 1;
		size_t after_term = j;
		j = skip_class(s, j, end, is_closer);
		size_t cut = j; /* the sentence ends here */
		/* White space must follow (or the paragraph end). */
		size_t nx = skip_class(s, j, end, is_space);
		int spaced = nx > j;
		if (nx >= end)
			/* the paragraph's end closes the last sentence */
			break;
		if (!spaced) {
			i = after_term > i ? after_term : i + 1;
			continue;
		}
		/* The next sentence starts with a capital or digit, possibly
		 * after opening quote marks and brackets. */
		size_t q = nx;
		int32_t ncp;
		for (;;) {
			ncp = cp_at(s, q, end, &k);
			if (!is_opener(ncp) || q + k >= end)
				break;
			q += k;
		}
		int starts = is_upper(ncp) || is_digit(ncp);
		if (starts && single_dot) {
			size_t w = word_before(s, term, sent);
			if (dot_continues(ab, s, w, term, end, q, ncp) ||
			        enumerator(s, start, w, term))
				starts = 0;
		}
		if (starts) {
			size_t a = sent, b = cut;
			trim(s, &a, &b);
			if (b > a && push(out, n, &cap, a, b))
				return TD_ENOMEM;
			sent = nx;
		}
		i = nx;
	}
	size_t a = sent, b = end;
	trim(s, &a, &b);
	if (b > a && push(out, n, &cap, a, b))
		return TD_ENOMEM;
	return 0;
}
