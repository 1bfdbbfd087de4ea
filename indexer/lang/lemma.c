/* lemma.c: lemmas by rule for closed classes and names, by WordNet's morphstr
 * for inflected nouns, verbs, adjectives and adverbs (lemma.h).
 * morphstr returns a static buffer and WordNet keeps open files: one mutex
 * guards it and the cache in front of it; base forms never reach it.
 */
#include "config.h"
#include "lemma.h"
#include "tagdex.h"
#include "hash.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wn.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_rc;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void do_init(void)
{
	if (wninit() != 0)
		init_rc = TD_ENOTFOUND;
}

int td_lemma_init(void)
{
	pthread_once(&once, do_init);
	if (init_rc)
		return td_error(init_rc, "cannot open the WordNet database (set "
			"WNHOME, or install the Debian package wordnet-base)");
	return 0;
}

/* ------------------------------------------------------------- the cache */

typedef struct centry {
	struct centry *next;
	uint64_t h;
	char *key;   /* pos class byte, then the word */
	char *lemma; /* NULL: WordNet does not know the word */
} centry;

enum { NBUCKETS = 1 << 16, MAX_CACHED = 1 << 20 };
static centry *buckets[NBUCKETS];
static size_t ncached;

/* morphstr's first base form of key (class byte + word), through the cache;
 * copies it into out. Returns 1 when WordNet knows the word, else 0. */
static int wordnet_base(const char *key, size_t klen, char *out, size_t size)
{
	uint64_t h = td_hash(key, klen);
	int found = 0;
	pthread_mutex_lock(&lock);
	centry *e;
	for (e = buckets[h & (NBUCKETS - 1)]; e; e = e->next)
		if (e->h == h && strlen(e->key) == klen && !memcmp(e->key, key, klen))
			break;
	if (!e) {
		char word[256];
		memcpy(word, key + 1, klen - 1);
		word[klen - 1] = '\0';
		char *r = morphstr(word, key[0]);
		e = ncached < MAX_CACHED ? calloc(1, sizeof *e) : NULL;
		if (e) {
			e->h = h;
			e->key = strndup(key, klen);
			e->lemma = r ? strdup(r) : NULL;
			if (!e->key || (r && !e->lemma)) {
				free(e->key);
				free(e->lemma);
				free(e);
				e = NULL;
			} else {
				e->next = buckets[h & (NBUCKETS - 1)];
				buckets[h & (NBUCKETS - 1)] = e;
				ncached++;
			}
		}
		if (!e && r && strlen(r) < size) { /* uncached answer */
			strcpy(out, r);
			found = 1;
		}
	}
	if (e && e->lemma && strlen(e->lemma) < size) {
		strcpy(out, e->lemma);
		found = 1;
	}
	pthread_mutex_unlock(&lock);
	if (found) /* WordNet writes collocations with '_' */
		for (char *p = out; *p; p++)
			if (*p == '_')
				*p = ' ';
	return found;
}

/* ------------------------------------------------------------ the rules */

static const struct {
	const char *form, *lemma;
} irregular[] = {
	/* be, have, do in every tag; contractions tagdex keeps whole */
	{"am", "be"}, {"is", "be"}, {"are", "be"}, {"was", "be"}, {"were", "be"},
	{"been", "be"}, {"being", "be"}, {"be", "be"}, {"art", "be"},
	{"'m", "be"}, {"'re", "be"}, {"isn't", "be"}, {"aren't", "be"},
	{"wasn't", "be"}, {"weren't", "be"},
	{"has", "have"}, {"had", "have"}, {"having", "have"}, {"'ve", "have"},
	{"hasn't", "have"}, {"haven't", "have"}, {"hadn't", "have"},
	{"does", "do"}, {"did", "do"}, {"done", "do"}, {"doing", "do"},
	{"don't", "do"}, {"doesn't", "do"}, {"didn't", "do"},
	{"won't", "will"}, {"can't", "can"}, {"cannot", "can"},
	{"shouldn't", "should"}, {"wouldn't", "would"}, {"couldn't", "could"},
	{"mustn't", "must"}, {"needn't", "need"}, {"mightn't", "might"},
};

static int starts_with(const char *tag, const char *p)
{
	return tag && !strncmp(tag, p, strlen(p));
}

/* ASCII lowercase copy; non-ASCII by Unicode case folding. */
static size_t lower(const char *w, size_t len, char *out, size_t size)
{
	int ascii = 1;
	for (size_t i = 0; i < len; i++)
		ascii &= (unsigned char)w[i] < 0x80;
	if (!ascii) {
		char *n;
		size_t nl;
		if (td_normalize(w, len, &n, &nl) == 0) {
			if (nl < size) {
				memcpy(out, n, nl);
				out[nl] = '\0';
				free(n);
				return nl;
			}
			free(n);
		}
	}
	size_t n = len < size ? len : size - 1;
	while (n > 0 && n < len && ((unsigned char)w[n] & 0xC0) == 0x80)
		n--; /* cut at a character boundary */
	for (size_t i = 0; i < n; i++)
		out[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
	out[n] = '\0';
	return n;
}

static size_t as_is(const char *w, size_t len, char *out, size_t size)
{
	size_t n = len < size ? len : size - 1;
	while (n > 0 && n < len && ((unsigned char)w[n] & 0xC0) == 0x80)
		n--;
	memcpy(out, w, n);
	out[n] = '\0';
	return n;
}

size_t td_lemma(const char *word, size_t len, const char *pos, char *out,
	size_t size)
{
	if (size == 0)
		return 0;
	if (!pos)
		pos = "";
	/* names, numbers and punctuation are their own lemma */
	if (starts_with(pos, "NNP") || !strcmp(pos, "CD") || !strcmp(pos, "SYM") ||
		!strcmp(pos, "FW") || (pos[0] && !(pos[0] >= 'A' && pos[0] <= 'Z')))
		return as_is(word, len, out, size);
	char low[256];
	size_t ll = lower(word, len, low, sizeof low);
	/* ’ as ' in contractions */
	for (char *p = strstr(low, "\xe2\x80\x99"); p; p = strstr(p, "\xe2\x80\x99")) {
		*p = '\'';
		memmove(p + 1, p + 3, strlen(p + 3) + 1);
		ll -= 2;
	}
	if (!strcmp(low, "'s")) {
		const char *l = !strcmp(pos, "VBZ") ? "be" : !strcmp(pos, "PRP") ? "us"
											: "'s";
		return as_is(l, strlen(l), out, size);
	}
	if (!strcmp(low, "'d"))
		return as_is(!strcmp(pos, "MD") ? "would" : "have", !strcmp(pos, "MD") ? 5 : 4,
			out, size);
	if (!strcmp(low, "i") && starts_with(pos, "PRP"))
		return as_is("I", 1, out, size);
	for (size_t i = 0; i < sizeof irregular / sizeof *irregular; i++)
		if (!strcmp(low, irregular[i].form) &&
			(starts_with(pos, "VB") || starts_with(pos, "MD") || !pos[0]))
			return as_is(irregular[i].lemma, strlen(irregular[i].lemma), out,
				size);
	int cls = 0;
	if (!strcmp(pos, "NNS"))
		cls = NOUN;
	else if (!strcmp(pos, "VBD") || !strcmp(pos, "VBG") || !strcmp(pos, "VBN") ||
		!strcmp(pos, "VBZ"))
		cls = VERB;
	else if (!strcmp(pos, "JJR") || !strcmp(pos, "JJS"))
		cls = ADJ;
	else if (!strcmp(pos, "RBR") || !strcmp(pos, "RBS"))
		cls = ADV;
	if (cls && ll > 0 && ll < 250 && !memchr(low, ' ', ll)) {
		char key[256];
		key[0] = (char)cls;
		memcpy(key + 1, low, ll);
		if (wordnet_base(key, ll + 1, out, size))
			return strlen(out);
		/* unknown to WordNet: a regular plural or third person */
		if ((cls == NOUN || !strcmp(pos, "VBZ")) && ll > 3 &&
			low[ll - 1] == 's' && low[ll - 2] != 's' && low[ll - 2] != 'u' &&
			low[ll - 2] != 'i' && low[ll - 2] != '\'') {
			if (ll > 4 && !strcmp(low + ll - 3, "ies")) {
				low[ll - 3] = 'y';
				low[ll - 2] = '\0';
				ll -= 2;
			} else {
				low[--ll] = '\0';
			}
		}
	}
	return as_is(low, ll, out, size);
}
