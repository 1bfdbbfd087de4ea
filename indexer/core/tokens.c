/* tokens.c: the tokeniser and the normalised form of a token.
 * Index, annotators and the brute-force test oracle all cut text with this
 * one function, so that a position means the same thing everywhere. It never
 * allocates per token beyond the output vector and never fails on odd input:
 * bytes that do not decode are single-byte punctuation tokens. */
#include "config.h"
#include "tagdex.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold_table.h"
#include "vec.h"
#include "error.h"

static inline int32_t decode(const uint8_t *s, size_t len, size_t i, size_t *n)
{
	utf8proc_int32_t cp;
	if (s[i] < 0x80) { /* what utf8proc_iterate returns for ASCII */
		*n = 1;
		return s[i];
	}
	utf8proc_ssize_t k =
	        utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
	if (k <= 0) {
		*n = 1;
		return -1;
	}
	*n = (size_t)k;
	return cp;
}

static inline int is_wordc(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp < 128)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

static int is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static inline int is_space(int32_t cp)
{
	if (cp < 0)
		return 0;
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	        cp == '\v')
		return 1;
	if (cp < 128)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	       c == UTF8PROC_CATEGORY_ZP || cp == 0xFEFF || cp == 0x200B;
}

static int is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}
static int is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Lowercase function words that never end a compound after a capitalised
 * word (dash_hyphen). Particles (in, on) end compounds ("Drive-in",
 * "Check-in", "Add-on" open sentences capitalised): dash_particles count
 * only before a name or a determiner ("President Truman-in the Formosa
 * Straits", "Eisenhower-in Cuba"), not before a noun ("Drive-in movie"). */
static const char *const dash_words[] = {"the", "a", "an", "and", "or", "but",
        "nor", "which", "who", "whom", "whose", "that", "of", "to", "for",
        "from", "with", "as", "at", "is", "was", "are", "were", "its", "their",
        "his", "her", "our", "not", "all", NULL};
static const char *const dash_particles[] = {"in", "on", NULL};
static const char *const dash_dets[] = {"the", "a", "an", "this", "that",
        "these", "those", "his", "her", "its", "our", "their", NULL};

static int word_in(const uint8_t *s, size_t b, size_t e, const char *const *l)
{
	for (int w = 0; l[w]; w++)
		if (strlen(l[w]) == e - b && memcmp(l[w], s + b, e - b) == 0)
			return 1;
	return 0;
}

/* Is the hyphen at s[i] a dash written as a hyphen, in text that sets
 * dashes so ("the interest of the United States-the welfare", "under
 * President Kennedy-and again"): a capitalised word of two letters or
 * more from start, and after the hyphen a listed function word that ends
 * there (no further hyphen: "Jack-in-the-box", "Stratford-on-Avon" stay
 * one word)? */
static int dash_hyphen(const uint8_t *s, size_t len, size_t start, size_t i)
{
	if (s[i] != '-' || i < start + 2 || s[start] < 'A' || s[start] > 'Z')
		return 0;
	for (size_t k = start + 1; k < i; k++)
		if (!((s[k] >= 'a' && s[k] <= 'z') ||
		            (s[k] >= 'A' && s[k] <= 'Z')))
			return 0;
	size_t b = i + 1, e = b;
	while (e < len && s[e] >= 'a' && s[e] <= 'z')
		e++;
	if (e == b || (e < len && (s[e] == '-' || s[e] >= 0x80 ||
	                                  (s[e] >= 'A' && s[e] <= 'Z') ||
	                                  (s[e] >= '0' && s[e] <= '9'))))
		return 0;
	if (word_in(s, b, e, dash_words))
		return 1;
	if (!word_in(s, b, e, dash_particles) || e + 1 >= len || s[e] != ' ')
		return 0;
	size_t f = e + 1, g = f;
	if (s[f] >= 'A' && s[f] <= 'Z')
		return 1;
	while (g < len && s[g] >= 'a' && s[g] <= 'z')
		g++;
	return g < len && s[g] == ' ' && word_in(s, f, g, dash_dets);
}

static inline int push(td_tokens *out, size_t start, size_t end)
{
	if (TD_VEC_RESERVE(out->v, out->n, out->cap, 256))
		return td_error(TD_ENOMEM, "out of memory");
	out->v[out->n].start = (uint32_t)start;
	out->v[out->n].end = (uint32_t)end;
	out->n++;
	return 0;
}

/* ASCII letters and digits: the bytes is_wordc() accepts below 128, by
 * table, for the word loop's usual case. */
static const unsigned char ascii_word[128] = {
        ['0'] = 1,
        ['1'] = 1,
        ['2'] = 1,
        ['3'] = 1,
        ['4'] = 1,
        ['5'] = 1,
        ['6'] = 1,
        ['7'] = 1,
        ['8'] = 1,
        ['9'] = 1,
        ['A'] = 1,
        ['B'] = 1,
        ['C'] = 1,
        ['D'] = 1,
        ['E'] = 1,
        ['F'] = 1,
        ['G'] = 1,
        ['H'] = 1,
        ['I'] = 1,
        ['J'] = 1,
        ['K'] = 1,
        ['L'] = 1,
        ['M'] = 1,
        ['N'] = 1,
        ['O'] = 1,
        ['P'] = 1,
        ['Q'] = 1,
        ['R'] = 1,
        ['S'] = 1,
        ['T'] = 1,
        ['U'] = 1,
        ['V'] = 1,
        ['W'] = 1,
        ['X'] = 1,
        ['Y'] = 1,
        ['Z'] = 1,
        ['a'] = 1,
        ['b'] = 1,
        ['c'] = 1,
        ['d'] = 1,
        ['e'] = 1,
        ['f'] = 1,
        ['g'] = 1,
        ['h'] = 1,
        ['i'] = 1,
        ['j'] = 1,
        ['k'] = 1,
        ['l'] = 1,
        ['m'] = 1,
        ['n'] = 1,
        ['o'] = 1,
        ['p'] = 1,
        ['q'] = 1,
        ['r'] = 1,
        ['s'] = 1,
        ['t'] = 1,
        ['u'] = 1,
        ['v'] = 1,
        ['w'] = 1,
        ['x'] = 1,
        ['y'] = 1,
        ['z'] = 1,
};

/* Is text[i..] an apostrophe-s clitic ending the word ("Korea’s", "it's")? */
static int clitic_s_slow(const uint8_t *s, size_t len, size_t i, size_t *clen)
{
	size_t n1, n2, n3;
	int32_t a = decode(s, len, i, &n1);
	if (!is_apos(a) || i + n1 >= len)
		return 0;
	int32_t c = decode(s, len, i + n1, &n2);
	if (c != 's' && c != 'S')
		return 0;
	if (i + n1 + n2 < len && is_wordc(decode(s, len, i + n1 + n2, &n3)))
		return 0;
	*clen = n1 + n2;
	return 1;
}

static inline int clitic_s(const uint8_t *s, size_t len, size_t i, size_t *clen)
{
	if (s[i] != '\'' && s[i] != 0xe2) /* neither ' nor the lead byte of ’ */
		return 0;
	return clitic_s_slow(s, len, i, clen);
}

/* Single letters joined by dots ("U.S", "e.g"): the word so far. */
static int letter_dot_chain(const uint8_t *s, size_t start, size_t end)
{
	size_t i = start, letters = 0;
	while (i < end) {
		size_t n;
		int32_t cp = decode(s, end, i, &n);
		if (!is_wordc(cp) || is_digit(cp))
			return 0;
		i += n;
		letters++;
		if (i == end)
			break;
		if (s[i] != '.')
			return 0;
		i++;
	}
	return letters >= 1;
}

int td_tokenize(const char *text, size_t len, size_t base, td_tokens *out)
{
	const uint8_t *s = (const uint8_t *)text;
	size_t i = 0;
	while (i < len) {
		size_t n;
		if (s[i] == ' ' || s[i] == '\n') {
			i++;
			continue;
		}
		int32_t cp = decode(s, len, i, &n);
		if (is_space(cp)) {
			i += n;
			continue;
		}
		size_t start = i;
		int starts_apos_digit = 0;
		if (is_apos(cp) && i + n + 1 < len && is_digit(s[i + n]) &&
		        is_digit(s[i + n + 1]))
			starts_apos_digit = 1; /* ’90s */
		if (is_wordc(cp) || starts_apos_digit) {
			int has_dot = 0;
			i += n;
			for (;;) {
				while (i < len && s[i] < 0x80 &&
				        ascii_word[s[i]])
					i++;
				if (i >= len)
					break;
				/* only an apostrophe, a hyphen, a dot or a
				 * comma (or a code point past ASCII) may go on
				 * with the word below: any other ASCII byte,
				 * the space after nearly every word, ends it
				 * here */
				if (s[i] < 0x80 && s[i] != '\'' &&
				        s[i] != '-' && s[i] != '.' &&
				        s[i] != ',')
					break;
				size_t m;
				int32_t c = decode(s, len, i, &m);
				if (is_wordc(c)) {
					i += m;
					continue;
				}
				size_t cl;
				if (clitic_s(s, len, i, &cl))
					break;
				size_t m2;
				if (i + m >= len)
					break;
				int32_t nx = decode(s, len, i + m, &m2);
				if (!is_wordc(nx))
					break;
				size_t pm;
				int32_t prev = -1;
				/* the last code point of the word so far */
				for (pm = 1; pm <= 4 && pm <= i - start; pm++)
					if ((s[i - pm] & 0xC0) != 0x80)
						break;
				prev = decode(s, len, i - pm, &m2);
				if (is_hyphen(c) &&
				        dash_hyphen(s, len, start, i))
					break;
				if (is_apos(c) || is_hyphen(c)) {
					i += m;
					continue;
				}
				if ((c == '.' || c == ',') && is_digit(prev) &&
				        is_digit(nx)) {
					i += m;
					continue;
				}
				if (c == '.' && !is_digit(prev) &&
				        !is_digit(nx) &&
				        letter_dot_chain(s, start, i)) {
					/* accept only if the next is a single
					 * letter */
					size_t m3;
					decode(s, len, i + m, &m3);
					size_t after = i + m + m3;
					int32_t a2 =
					        after < len
					                ? decode(s, len, after,
					                          &m3)
					                : -1;
					if (!is_wordc(a2)) {
						has_dot = 1;
						i += m;
						continue;
					}
				}
				break;
			}
			/* "U.S." keeps its final dot */
			if (has_dot && i < len && s[i] == '.')
				i++;
			int rc = push(out, base + start, base + i);
			if (rc)
				return rc;
			size_t cl;
			if (i < len && clitic_s(s, len, i, &cl)) {
				rc = push(out, base + i, base + i + cl);
				if (rc)
					return rc;
				i += cl;
			}
			continue;
		}
		/* punctuation: one character, runs of dots or dashes
		 * together */
		i += n;
		if (cp == '.' || cp == '-' || cp == 0x2026) {
			while (i < len) {
				size_t m;
				int32_t c = decode(s, len, i, &m);
				if (c != cp)
					break;
				i += m;
			}
		}
		int rc = push(out, base + start, base + i);
		if (rc)
			return rc;
	}
	return 0;
}

void td_tokens_clear(td_tokens *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

static int32_t quote_fold(int32_t cp)
{
	switch (cp) {
	case 0x2018:
	case 0x2019:
	case 0x201B:
	case 0x02BC:
	case 0xFF07:
		return '\'';
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0xFF02:
		return '"';
	default:
		return cp;
	}
}

/* Folds quote variants of s[0, n) in place (each becomes one byte);
 * returns the new length. */
static size_t fold_quotes_inplace(char *s, size_t n)
{
	size_t i = 0, j = 0;
	while (i < n) {
		size_t k;
		int32_t cp = decode((const uint8_t *)s, n, i, &k);
		int32_t f = cp < 0x80 ? cp : quote_fold(cp);
		if (f != cp) {
			s[j++] = (char)f;
		} else {
			memmove(s + j, s + i, k);
			j += k;
		}
		i += k;
	}
	s[j] = '\0';
	return j;
}

int td_fold_quotes(const char *s, size_t len, char **out, size_t *out_len)
{
	char *c = malloc(len + 1);
	if (!c)
		return td_error(TD_ENOMEM, "out of memory");
	memcpy(c, s, len);
	c[len] = '\0';
	size_t n = fold_quotes_inplace(c, len);
	*out = c;
	if (out_len)
		*out_len = n;
	return 0;
}

static int by_cp(const void *k, const void *e)
{
	uint32_t a = *(const uint32_t *)k, b = ((const struct td_fold *)e)->cp;
	return (a > b) - (a < b);
}

int td_fold_diacritics(const char *s, size_t len, char **out, size_t *out_len)
{
	utf8proc_uint8_t *d = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
	        (utf8proc_ssize_t)len, &d,
	        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
	*out = NULL;
	if (n < 0)
		return n == UTF8PROC_ERROR_NOMEM
		               ? td_error(TD_ENOMEM, "out of memory")
		               : td_error(TD_EINPUT, "invalid UTF-8");
	/* a folded code point takes at least 2 bytes and gives at most
	 * TD_FOLD_MAX: the result is at most twice as long */
	char *o = malloc((size_t)n * (TD_FOLD_MAX / 2 + 1) + 1);
	if (!o) {
		free(d);
		return td_error(TD_ENOMEM, "out of memory");
	}
	size_t i = 0, j = 0;
	while (i < (size_t)n) {
		size_t k;
		int32_t cp = decode(d, (size_t)n, i, &k);
		const struct td_fold *f = NULL;
		if (cp >= 0x80) {
			uint32_t key = (uint32_t)cp;
			f = bsearch(&key, td_fold_table,
			        sizeof td_fold_table / sizeof td_fold_table[0],
			        sizeof td_fold_table[0], by_cp);
		}
		if (f) {
			size_t fl = strlen(f->ascii);
			memcpy(o + j, f->ascii, fl);
			j += fl;
		} else {
			memcpy(o + j, d + i, k);
			j += k;
		}
		i += k;
	}
	o[j] = '\0';
	free(d);
	*out = o;
	if (out_len)
		*out_len = j;
	return 0;
}

static int normalize(const char *s, size_t len, utf8proc_option_t opt,
        char **out, size_t *out_len)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n = utf8proc_map(
	        (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst, opt);
	if (n < 0) {
		/* not valid UTF-8: the bytes themselves are the best form */
		char *c = malloc(len + 1);
		if (!c)
			return td_error(TD_ENOMEM, "out of memory");
		memcpy(c, s, len);
		c[len] = '\0';
		*out = c;
		if (out_len)
			*out_len = len;
		return 0;
	}
	*out = (char *)dst;
	n = (utf8proc_ssize_t)fold_quotes_inplace(*out, (size_t)n);
	if (out_len)
		*out_len = (size_t)n;
	return 0;
}

int td_normalize(const char *s, size_t len, char **out, size_t *out_len)
{
	/* ASCII, most words of English: NFC and case folding leave every
	 * byte but A-Z as it is, and there is no quote to fold; utf8proc
	 * took some 3,000 instructions a word, and the segment builder
	 * normalises every new word of a batch on the thread that adds the
	 * documents (test_core: the same bytes as utf8proc for ASCII) */
	size_t i = 0;
	while (i < len && !((unsigned char)s[i] & 0x80))
		i++;
	if (i == len) {
		char *c = malloc(len + 1);
		if (!c)
			return td_error(TD_ENOMEM, "out of memory");
		for (i = 0; i < len; i++)
			c[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32
			                                         : s[i]);
		c[len] = '\0';
		*out = c;
		if (out_len)
			*out_len = len;
		return 0;
	}
	return normalize(s, len,
	        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, out,
	        out_len);
}

int td_normalize_nodiac(const char *s, size_t len, char **out, size_t *out_len)
{
	return normalize(s, len,
	        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
	                UTF8PROC_STRIPMARK,
	        out, out_len);
}
