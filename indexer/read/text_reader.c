/* text_reader.c: a plain-text article (UTF-8) into normalised text and blocks.
 * It decides the encoding questions (BOM, line ends, bad bytes) and the
 * layout questions a text file leaves open (which block is the title, the
 * standfirst, the metadata line, a heading). It never drops or adds a word:
 * the text it returns is the input minus a BOM, with CRLF/CR made LF, and
 * (only under lenient) bad bytes replaced by U+FFFD.
 */
#include "config.h"
#include "blocks.h"
#include "vec.h"
#include "util.h"
#include "error.h"

/* --lenient names at most this many replaced bytes, then a total. */
#define TD_MAX_BYTE_WARNINGS 10

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TITLE_MAX 300 /* bytes: a longer first block is not a title */
#define META_MAX 200  /* bytes: a longer block is not a metadata line */
#define HEAD_MAX 120  /* bytes: a longer line is not a heading */
#define HEAD_WORDS 16

void td_blocks_clear(td_blocks *b)
{
	free(b->name);
	free(b->text);
	free(b->v);
	free(b->meta.title);
	free(b->meta.subtitle);
	free(b->meta.date);
	free(b->meta.genre);
	free(b->meta.reading_time);
	free(b->meta.author);
	free(b->meta.url);
	free(b->meta.source_name);
	free(b->meta.source_sha256);
	free(b->meta.extraction);
	memset(b, 0, sizeof *b);
}

int td_blocks_add(td_blocks *b, td_block_kind kind, size_t start, size_t end)
{
	if (TD_VEC_RESERVE(b->v, b->n, b->cap, 32))
		return td_error(TD_ENOMEM, "out of memory");
	b->v[b->n].kind = kind;
	b->v[b->n].start = start;
	b->v[b->n].end = end;
	b->n++;
	return 0;
}

/* ------------------------------------------------------------ decoding */

size_t td_utf8_char(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0];
	size_t k;
	unsigned v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		k = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		k = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		k = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ||
	        v == 0xFFFE || v == 0xFFFF)
		return 0;
	*cp = v;
	return k;
}

/* The usual byte: printable ASCII, tab or LF, kept as it is. */
static inline int plain_byte(unsigned char ch)
{
	return (ch >= 0x20 && ch < 0x80) || ch == '\t' || ch == '\n';
}

/* *line, the input line of byte *at, moved on to byte i (i >= *at): LF,
 * CR LF and a lone CR each end a line, as decode reads them. Counted only
 * when a message names a line, not at every byte. */
static long line_to(
        const unsigned char *d, size_t len, size_t *at, long *line, size_t i)
{
	for (size_t x = *at; x < i; x++)
		*line += d[x] == '\n' ||
		         (d[x] == '\r' && !(x + 1 < len && d[x + 1] == '\n'));
	*at = i;
	return *line;
}

/* Decodes data into b->text. Line numbers count input lines from 1. */
static int decode(const char *name, const unsigned char *d, size_t len,
        int lenient, td_blocks *b)
{
	size_t i = 0, o = 0, replaced = 0, line_at;
	long line = 1;
	if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
		i = 3;
	line_at = i;
	/* Each bad byte may grow into 3 bytes of U+FFFD. */
	char *t = malloc((len - i) * 3 + 1);
	if (!t)
		return td_error(TD_ENOMEM, "%s: out of memory", name);
	while (i < len) {
		/* a run of the usual bytes, copied at once (byte by byte,
		 * counting lines, was 15 instructions a byte) */
		size_t j = i;
		while (j < len && plain_byte(d[j]))
			j++;
		if (j > i) {
			memcpy(t + o, d + i, j - i);
			o += j - i;
			i = j;
			continue;
		}
		unsigned cp;
		size_t k = td_utf8_char(d + i, len - i, &cp);
		if (k == 1 && cp == '\r') {
			t[o++] = '\n';
			i += (i + 1 < len && d[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		const char *what = NULL;
		if (k == 0)
			what = "invalid UTF-8";
		else if (cp == 0)
			what = "NUL byte";
		else if (cp < 0x20 && cp != '\t' && cp != '\n')
			what = "control character";
		if (what) {
			if (!lenient) {
				free(t);
				return td_error(TD_EINPUT,
				        "%s: %s at byte %zu (line %ld)", name,
				        what, i,
				        line_to(d, len, &line_at, &line, i));
			}
			/* the first few name where; a binary file would
			 * otherwise give one warning a byte */
			if (++replaced <= TD_MAX_BYTE_WARNINGS)
				td_warn("%s: %s at byte %zu (line %ld) "
				        "replaced by "
				        "U+FFFD",
				        name, what, i,
				        line_to(d, len, &line_at, &line, i));
			memcpy(t + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += 1;
			continue;
		}
		memcpy(t + o, d + i, k);
		o += k;
		i += k;
	}
	if (replaced > TD_MAX_BYTE_WARNINGS)
		td_warn("%s: %zu bad bytes replaced by U+FFFD in all", name,
		        replaced);
	t[o] = '\0';
	b->text = t;
	b->len = o;
	return 0;
}

/* ------------------------------------------------------ character classes */

/* Length of a white-space character (ASCII or Unicode space) at s[i], or 0. */
static size_t space_at(const char *s, size_t i, size_t len)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t n = len - i;
	if (n == 0)
		return 0;
	if (*u == ' ' || *u == '\t' || *u == '\n')
		return 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	        ((u[2] >= 0x80 && u[2] <= 0x8B) || u[2] == 0xAF))
		return 3;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
		return 3;
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return 3;
	return 0;
}

/* Length of a white-space character ending at s[e] (after s[a]), or 0. */
static size_t space_before(const char *s, size_t a, size_t e)
{
	for (size_t k = 1; k <= 3 && k <= e - a; k++)
		if (space_at(s, e - k, e) == k)
			return k;
	return 0;
}

static int all_space(const char *s, size_t a, size_t b)
{
	while (a < b) {
		size_t k = space_at(s, a, b);
		if (!k)
			return 0;
		a += k;
	}
	return 1;
}

static int has_newline(const char *s, size_t a, size_t b)
{
	return memchr(s + a, '\n', b - a) != NULL;
}

/* ------------------------------------------------------- metadata line */

static const char *const months[12] = {"january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november",
        "december"};

/* The month (1..12) named by w[0, n) ("January", "Jan", "Jan.", "Sept"), or
 * 0. */
static int month_of(const char *w, size_t n)
{
	if (n && w[n - 1] == '.')
		n--;
	if (n < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t ml = strlen(months[m]);
		if (n == ml && strncasecmp(w, months[m], n) == 0)
			return m + 1;
		if (n == 3 && strncasecmp(w, months[m], 3) == 0)
			return m + 1;
		if (n == 4 && m == 8 && strncasecmp(w, "sept", 4) == 0)
			return m + 1;
	}
	return 0;
}

/* The number w[0, n) (digits, an optional trailing ',' or ordinal suffix
 * ignored) when it has between lo and hi digits; else -1. */
static long number_of(const char *w, size_t n, size_t lo, size_t hi)
{
	size_t d = 0;
	long v = 0;
	while (d < n && isdigit((unsigned char)w[d]) && d < 9)
		v = v * 10 + (w[d++] - '0');
	if (d < lo || d > hi)
		return -1;
	const char *rest = w + d;
	size_t rl = n - d;
	if (rl && rest[rl - 1] == ',')
		rl--;
	if (rl == 0)
		return v;
	if (rl == 2 && (strncasecmp(rest, "st", 2) == 0 ||
	                       strncasecmp(rest, "nd", 2) == 0 ||
	                       strncasecmp(rest, "rd", 2) == 0 ||
	                       strncasecmp(rest, "th", 2) == 0))
		return v;
	return -1;
}

static int days_in(int y, int m)
{
	static const int dm[12] = {
	        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

typedef struct word {
	size_t s, e;
} word;

/* Splits s[0, len) at white space into at most max words. */
static size_t words_of(const char *s, size_t len, word *w, size_t max)
{
	size_t n = 0, i = 0;
	while (i < len && n < max) {
		size_t k;
		while (i < len && (k = space_at(s, i, len)))
			i += k;
		if (i >= len)
			break;
		size_t a = i;
		while (i < len && !space_at(s, i, len))
			i++;
		w[n].s = a;
		w[n].e = i;
		n++;
	}
	return n;
}

static int word_is(const char *s, const word *w, const char *lit)
{
	size_t n = w->e - w->s;
	return n == strlen(lit) && strncasecmp(s + w->s, lit, n) == 0;
}

/* Tries a date starting at word i; on success sets y/m/d and *last. */
static int date_at(const char *s, const word *w, size_t n, size_t i, int *y,
        int *m, int *d, size_t *last)
{
	const char *a = s + w[i].s;
	size_t al = w[i].e - w[i].s;
	/* 2024-01-19 */
	if (al == 10 && a[4] == '-' && a[7] == '-') {
		long yy = number_of(a, 4, 4, 4), mm = number_of(a + 5, 2, 2, 2),
		     dd = number_of(a + 8, 2, 2, 2);
		if (yy > 0 && mm >= 1 && mm <= 12 && dd >= 1 &&
		        dd <= days_in((int)yy, (int)mm)) {
			*y = (int)yy, *m = (int)mm, *d = (int)dd, *last = i;
			return 1;
		}
		return 0;
	}
	if (i + 2 >= n)
		return 0;
	const char *b = s + w[i + 1].s, *c = s + w[i + 2].s;
	size_t bl = w[i + 1].e - w[i + 1].s, cl = w[i + 2].e - w[i + 2].s;
	long dd, yy;
	int mm;
	/* 19 January 2024 */
	if ((dd = number_of(a, al, 1, 2)) > 0 && (mm = month_of(b, bl)) &&
	        (yy = number_of(c, cl, 4, 4)) > 0) {
		if (dd > days_in((int)yy, mm))
			return 0;
		*y = (int)yy, *m = mm, *d = (int)dd, *last = i + 2;
		return 1;
	}
	/* January 19, 2024 */
	if ((mm = month_of(a, al)) && (dd = number_of(b, bl, 1, 2)) > 0 &&
	        (yy = number_of(c, cl, 4, 4)) > 0) {
		if (dd > days_in((int)yy, mm))
			return 0;
		*y = (int)yy, *m = mm, *d = (int)dd, *last = i + 2;
		return 1;
	}
	return 0;
}

int td_meta_line_parse(const char *s, size_t len, td_meta_line *out)
{
	word w[64];
	size_t n = words_of(s, len, w, 64);
	memset(out, 0, sizeof *out);
	size_t di = n, dl = 0;
	int y = 0, m = 0, d = 0;
	for (size_t i = 0; i < n; i++)
		if (date_at(s, w, n, i, &y, &m, &d, &dl)) {
			di = i;
			break;
		}
	if (di == n)
		return 0;
	int keyword = 0;
	size_t genre_end_word = di;
	for (size_t i = 0; i < di; i++)
		if (word_is(s, &w[i], "published") ||
		        word_is(s, &w[i], "updated") ||
		        word_is(s, &w[i], "posted") ||
		        word_is(s, &w[i], "published:") ||
		        word_is(s, &w[i], "updated:")) {
			keyword = 1;
			genre_end_word = i;
			break;
		}
	/* Reading time: "N minute READ", "N min read", "N-minute read". */
	for (size_t i = dl + 1; i < n; i++) {
		const char *a = s + w[i].s;
		size_t al = w[i].e - w[i].s, j = 0;
		while (j < al && isdigit((unsigned char)a[j]))
			j++;
		if (j == 0 || j > 3)
			continue;
		size_t k = i;
		if (j == al)
			k = i + 1; /* the unit is the next word */
		else if (a[j] != '-')
			continue;
		if (k >= n)
			break;
		const char *u = s + w[k].s + (k == i ? j + 1 : 0);
		size_t ul = w[k].e - w[k].s - (k == i ? j + 1 : 0);
		if (!((ul >= 3 && strncasecmp(u, "min", 3) == 0) &&
		            (ul == 3 || strncasecmp(u, "mins", ul) == 0 ||
		                    strncasecmp(u, "minute", ul) == 0 ||
		                    strncasecmp(u, "minutes", ul) == 0)))
			continue;
		if (k + 1 < n && word_is(s, &w[k + 1], "read")) {
			out->time_start = w[i].s;
			out->time_end = w[k + 1].e;
		}
		break;
	}
	if (!keyword && out->time_end == 0)
		return 0;
	if (genre_end_word > 0) {
		out->genre_start = w[0].s;
		out->genre_end = w[genre_end_word - 1].e;
	}
	out->date_start = w[di].s;
	out->date_end = w[dl].e;
	if (s[out->date_end - 1] == ',')
		out->date_end--;
	snprintf(out->iso, sizeof out->iso, "%04u-%02u-%02u",
	        (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
	return 1;
}

/* ------------------------------------------------------ classification */

/* Does text[a, b) open with a double quotation mark (" or U+201C)? */
static int opens_double(const char *t, size_t a, size_t b)
{
	return (b > a && t[a] == '"') ||
	       (b >= a + 3 && memcmp(t + a, "\xE2\x80\x9C", 3) == 0);
}

/* Does a sentence end inside text[a, b): a lowercase letter, a full stop,
 * '?' or '!', a space, then a capital or a double quotation mark ("Brand
 * did not turn around. “Whose orders?”")? A heading is one phrase; a
 * paragraph of fiction may be one short line of narration and speech.
 * A word in lowercase before the stop keeps abbreviations ("Dr. Who?",
 * "U.S. Acts") out. */
static int sentence_inside(const char *t, size_t a, size_t b)
{
	for (size_t i = a + 1; i + 2 < b; i++) {
		if (t[i] != '.' && t[i] != '?' && t[i] != '!')
			continue;
		if (!islower((unsigned char)t[i - 1]) || t[i + 1] != ' ')
			continue;
		size_t w = i - 1;
		while (w > a && isalpha((unsigned char)t[w - 1]))
			w--;
		if (!islower((unsigned char)t[w]))
			continue; /* "Dr. Who?" */
		if (isupper((unsigned char)t[i + 2]) ||
		        opens_double(t, i + 2, b))
			return 1;
	}
	return 0;
}

/* Is text[a, b) (one trimmed line) a section heading? Short, one line,
 * has a letter, and does not end like a sentence (a '?' or '!' may end it).
 * A line of dialogue is no heading: one that opens with a double
 * quotation mark and ends in '?' or '!' inside its closing mark ("“Where?”",
 * "\"Does he know?\" he said. \"About Karl?\""), or one with a sentence
 * end inside. */
static int head_like(const char *t, size_t a, size_t b)
{
	if (b - a > HEAD_MAX || has_newline(t, a, b))
		return 0;
	if (sentence_inside(t, a, b))
		return 0;
	word w[HEAD_WORDS + 1];
	if (words_of(t + a, b - a, w, HEAD_WORDS + 1) > HEAD_WORDS)
		return 0;
	int letter = 0;
	for (size_t i = a; i < b; i++)
		if (isalpha((unsigned char)t[i]) || (unsigned char)t[i] >= 0xC0)
			letter = 1;
	if (!letter)
		return 0;
	/* Last visible character, skipping closing quotes and brackets. */
	size_t e = b;
	for (;;) {
		size_t k;
		while (e > a && (k = space_before(t, a, e)))
			e -= k;
		if (e >= a + 3 &&
		        (memcmp(t + e - 3, "\xE2\x80\x9D", 3) == 0 ||
		                memcmp(t + e - 3, "\xE2\x80\x99", 3) == 0)) {
			e -= 3;
			continue;
		}
		if (e > a && (t[e - 1] == '"' || t[e - 1] == '\'' ||
		                     t[e - 1] == ')')) {
			e--;
			continue;
		}
		break;
	}
	if (e == a)
		return 0;
	char c = t[e - 1];
	if (c == '.' || c == ',' || c == ';' || c == ':')
		return 0;
	if ((c == '?' || c == '!') && e < b && opens_double(t, a, b))
		return 0;
	if (e >= a + 3 && memcmp(t + e - 3, "\xE2\x80\xA6", 3) == 0)
		return 0; /* ellipsis */
	return 1;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static int set_range(char **field, const char *t, size_t a, size_t b)
{
	char *v = strndup(t + a, b - a);
	if (!v)
		return td_error(TD_ENOMEM, "out of memory");
	free(*field);
	*field = v;
	return 0;
}

/* Ends the block of b->text from open to last, its last non-blank line's
 * end, without trailing spaces and tabs: a block of nothing but Unicode
 * spaces (a stray no-break space line) joins the block before it, so that
 * no non-XML white space ever falls between elements. */
static int close_block(td_blocks *b, size_t open, size_t last)
{
	const char *t = b->text;
	size_t z = last;
	while (z > open && (t[z - 1] == ' ' || t[z - 1] == '\t'))
		z--;
	if (all_space(t, open, z) && b->n > 0)
		b->v[b->n - 1].end = z;
	else if (td_blocks_add(b, TD_BLOCK_PARA, open, z))
		return TD_ENOMEM;
	return 0;
}

/* Cuts b->text into raw blocks: runs of lines that are not blank (a blank
 * line holds only spaces and tabs), through close_block. */
static int cut_blocks(td_blocks *b)
{
	const char *t = b->text;
	size_t i = 0, len = b->len;
	long open = -1;  /* start of the current block */
	size_t last = 0; /* end of its last non-blank line */
	while (i <= len) {
		size_t e = i;
		while (e < len && t[e] != '\n')
			e++;
		size_t a = i;
		while (a < e && (t[a] == ' ' || t[a] == '\t'))
			a++;
		if (a < e) {
			if (open < 0)
				open = (long)a;
			last = e;
		} else if (open >= 0) {
			if (close_block(b, (size_t)open, last))
				return TD_ENOMEM;
			open = -1;
		}
		if (e >= len)
			break;
		i = e + 1;
	}
	if (open >= 0 && close_block(b, (size_t)open, last))
		return TD_ENOMEM;
	return 0;
}

static int classify(td_blocks *b)
{
	const char *t = b->text;
	size_t first_body = 0, meta = b->n;
	/* The metadata line is among the first four blocks. */
	for (size_t i = 0; i < b->n && i < 4; i++) {
		td_block *k = &b->v[i];
		td_meta_line ml;
		if (k->end - k->start <= META_MAX &&
		        !has_newline(t, k->start, k->end) &&
		        td_meta_line_parse(
		                t + k->start, k->end - k->start, &ml)) {
			meta = i;
			b->line = ml;
			b->line.genre_start += k->start,
			        b->line.genre_end += k->start;
			b->line.date_start += k->start,
			        b->line.date_end += k->start;
			b->line.time_start += k->start,
			        b->line.time_end += k->start;
			break;
		}
	}
	int has_title = b->n > 0 && meta != 0 &&
	                b->v[0].end - b->v[0].start <= TITLE_MAX &&
	                !has_newline(t, b->v[0].start, b->v[0].end);
	if (has_title) {
		b->v[0].kind = TD_BLOCK_TITLE;
		if (set_range(&b->meta.title, t, b->v[0].start, b->v[0].end))
			return TD_ENOMEM;
		first_body = 1;
	}
	if (meta < b->n) {
		for (size_t i = first_body; i < meta; i++) {
			b->v[i].kind = TD_BLOCK_STANDFIRST;
			if (!b->meta.subtitle &&
			        set_range(&b->meta.subtitle, t, b->v[i].start,
			                b->v[i].end))
				return TD_ENOMEM;
		}
		b->v[meta].kind = TD_BLOCK_META;
		first_body = meta + 1;
		const td_meta_line *ml = &b->line;
		if (td_meta_set(&b->meta.date, ml->iso) ||
		        (ml->genre_end > ml->genre_start &&
		                set_range(&b->meta.genre, t, ml->genre_start,
		                        ml->genre_end)) ||
		        (ml->time_end > ml->time_start &&
		                set_range(&b->meta.reading_time, t,
		                        ml->time_start, ml->time_end)))
			return td_error(TD_ENOMEM, "out of memory");
	} else {
		td_warn("%s: no metadata line; no date", b->name);
	}
	for (size_t i = first_body; i < b->n; i++)
		b->v[i].kind = head_like(t, b->v[i].start, b->v[i].end)
		                       ? TD_BLOCK_HEAD
		                       : TD_BLOCK_PARA;
	return 0;
}

int td_text_read(const char *name, const char *data, size_t len, int lenient,
        td_blocks *out)
{
	char hex[65];
	int rc;
	memset(out, 0, sizeof *out);
	if (!(out->name = strdup(name)))
		return td_error(TD_ENOMEM, "out of memory");
	if ((rc = decode(name, (const unsigned char *)data, len, lenient, out)))
		goto fail;
	if (all_space(out->text, 0, out->len)) {
		rc = td_error(TD_EINPUT, "%s: empty input", name);
		goto fail;
	}
	td_sha256_hex(data, len, hex);
	if (td_meta_set(&out->meta.source_name, base_name(name)) ||
	        td_meta_set(&out->meta.source_sha256, hex)) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto fail;
	}
	if ((rc = cut_blocks(out)) || (rc = classify(out)))
		goto fail;
	return 0;
fail:
	td_blocks_clear(out);
	return rc;
}
