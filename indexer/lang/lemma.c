/* lemma.c: lemmas by rule for closed classes and names, by WordNet's
 * morphological processor for inflected nouns, verbs, adjectives and
 * adverbs (lemma.h).
 * morphstr itself binary-searches WordNet's files with fseek and getc on
 * every call (about 150 system calls a word) and returns a static buffer.
 * So tagdex loads the index and exception files once into read-only hash
 * tables (a class's when first asked for: a process that writes TEI
 * needs the verbs' alone, a tenth of the whole) and runs morphy's algorithm
 * (morph.c of WordNet 3.0: exception list, then the rules of detachment checked
 * against the index) on them, lock-free; tests/test_lemma.c checks that it
 * answers as morphstr does. Only words with '_' or '(' (which morphstr splits
 * or cuts; tokens never hold them) still go to morphstr, serialised by a mutex,
 * behind a cache.
 */
#include "config.h"
#include "lemma.h"
#include "tagdex.h"
#include "hash.h"
#include "error.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <wn.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* ------------------------------------------------ WordNet in memory */

/* A read-only string table: the keys (and values) of a file, each
 * NUL-terminated in buf (the rest of the file's lines is not kept); slots
 * hold key offset + 1 (0: empty) and, with values, the value's offset. */
typedef struct wtab {
	char *buf;
	uint32_t *key, *val;
	uint32_t mask;
} wtab;

static wtab idx[NUMPARTS + 1], exc[NUMPARTS + 1];
static const char *const part[NUMPARTS + 1] = {
        "", "noun", "verb", "adj", "adv"};

/* The value of key s[0, n) (exceptions: its first base form; index: the
 * key itself), or NULL. */
static const char *wtab_get(const wtab *t, const char *s, size_t n)
{
	if (!t->key)
		return NULL;
	for (uint32_t h = (uint32_t)td_hash(s, n) & t->mask; t->key[h];
	        h = (h + 1) & t->mask) {
		const char *k = t->buf + t->key[h] - 1;
		if (!strncmp(k, s, n) && k[n] == '\0')
			return t->val ? t->buf + t->val[h] : k;
	}
	return NULL;
}

/* The key and value of the line p[0, nl - p): *kn and *vn their lengths
 * (*v the value), 0 when the line has none (index: lines starting with a
 * space are the licence). */
static size_t wline(const char *p, const char *nl, int with_value,
        const char **v, size_t *vn)
{
	const char *sp = memchr(p, ' ', (size_t)(nl - p));
	if (p == nl || *p == ' ' || !sp || sp == p)
		return 0;
	*v = sp + 1;
	*vn = 0;
	if (with_value) {
		const char *be = sp + 1;
		while (be < nl && *be != ' ')
			be++;
		*vn = (size_t)(be - (sp + 1));
		if (!*vn)
			return 0;
	}
	return (size_t)(sp - p);
}

/* Walks the lines of file[0, len) that have a key, adding one to *lines
 * and the bytes the key and value take with their NULs to *bytes for
 * each; with t, also copies key and value to t->buf at *bytes and enters
 * them in t's table, which has room (wtab_load sizes it by the file). */
static void wtab_lines(wtab *t, const char *file, size_t len, int with_value,
        size_t *lines, size_t *bytes)
{
	const char *e = file + len;
	for (const char *p = file; p < e;) {
		const char *nl = memchr(p, '\n', (size_t)(e - p)), *v;
		if (!nl)
			nl = e;
		size_t vn, kn = wline(p, nl, with_value, &v, &vn);
		if (kn && t) {
			size_t used = *bytes;
			uint32_t h = (uint32_t)td_hash(p, kn) & t->mask;
			while (t->key[h])
				h = (h + 1) & t->mask;
			t->key[h] = (uint32_t)used + 1;
			memcpy(t->buf + used, p, kn);
			t->buf[used + kn] = '\0';
			used += kn + 1;
			if (with_value) {
				t->val[h] = (uint32_t)used;
				memcpy(t->buf + used, v, vn);
				t->buf[used + vn] = '\0';
			}
		}
		if (kn) {
			++*lines;
			*bytes += kn + 1 + (with_value ? vn + 1 : 0);
		}
		p = nl + 1;
	}
}

/* Loads DIR/NAME: lines "key rest", or "inflected base ..." (with_value).
 * The file is mapped and only its keys (and values) copied: the index
 * files are mostly synset offsets tagdex does not read. */
static int wtab_load(wtab *t, const char *dir, const char *name, int with_value)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0 || st.st_size <= 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	size_t len = (size_t)st.st_size;
	const char *file = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (file == MAP_FAILED)
		return -1;
	const char *e = file + len;
	/* at most a key a line, and a line's key and value with their NULs
	 * take no more bytes than the line with its separators: the table
	 * and the buffer are sized by counting lines only (parsing every line
	 * twice cost a fifth of loading) */
	size_t lines = 1, bytes = len + 1;
	for (const char *p = file; p < e; lines++) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		p = nl ? nl + 1 : e;
	}
	uint32_t ns = 1024;
	while (ns < 2 * lines)
		ns *= 2;
	t->key = calloc(ns, 4);
	t->val = with_value ? calloc(ns, 4) : NULL;
	t->buf = bytes > UINT32_MAX ? NULL : malloc(bytes);
	if (!t->key || (with_value && !t->val) || !t->buf) {
		munmap((void *)file, len);
		return -1;
	}
	t->mask = ns - 1;
	size_t used = 0;
	lines = 0;
	wtab_lines(t, file, len, with_value, &lines, &used);
	munmap((void *)file, len);
	char *fit = realloc(t->buf, used ? used : 1); /* the synset offsets */
	if (fit)
		t->buf = fit;
	return 0;
}

/* is_defined() through getindex(): w is in the index as written, with
 * '_' as '-', with '-' as '_', without '_' and '-', or without '.' */
static int defined(const char *w, size_t n, int cls)
{
	if (n >= 256)
		return 0;
	char v[4][256];
	size_t k3 = 0, k4 = 0;
	for (size_t i = 0; i < n; i++) {
		v[0][i] = w[i] == '_' ? '-' : w[i];
		v[1][i] = w[i] == '-' ? '_' : w[i];
		if (w[i] != '_' && w[i] != '-')
			v[2][k3++] = w[i];
		if (w[i] != '.')
			v[3][k4++] = w[i];
	}
	size_t len[4] = {n, n, k3, k4};
	if (wtab_get(&idx[cls], w, n))
		return 1;
	for (int j = 0; j < 4; j++)
		if (len[j] && (len[j] != n || memcmp(v[j], w, n)) &&
		        wtab_get(&idx[cls], v[j], len[j]))
			return 1;
	return 0;
}

/* morph.c's rules of detachment, by class: suffix -> ending */
static const struct rule {
	int cls;
	const char *sufx, *addr;
} rules[] = {
        {NOUN, "s", ""},
        {NOUN, "ses", "s"},
        {NOUN, "xes", "x"},
        {NOUN, "zes", "z"},
        {NOUN, "ches", "ch"},
        {NOUN, "shes", "sh"},
        {NOUN, "men", "man"},
        {NOUN, "ies", "y"},
        {VERB, "s", ""},
        {VERB, "ies", "y"},
        {VERB, "es", "e"},
        {VERB, "es", ""},
        {VERB, "ed", "e"},
        {VERB, "ed", ""},
        {VERB, "ing", "e"},
        {VERB, "ing", ""},
        {ADJ, "er", ""},
        {ADJ, "est", ""},
        {ADJ, "er", "e"},
        {ADJ, "est", "e"},
};

/* morph.c's morphword(): the exception list's base form of w[0, n), else
 * the first rule whose result is in the index; NULL-terminated into out
 * (256 bytes). 1 when found, else 0. */
static int wn_morphword(const char *w, size_t n, int cls, char *out)
{
	char k[256];
	if (n == 0 || n >= 250)
		return 0;
	memcpy(k, w, n);
	k[n] = '\0';
	const char *e = wtab_get(&exc[cls], k, n);
	if (e) {
		if (strlen(e) >= 256)
			return 0;
		strcpy(out, e);
		return 1;
	}
	if (cls == ADV)
		return 0;
	size_t bn = n;
	const char *end = "";
	if (cls == NOUN) {
		if (n >= 3 && !strcmp(k + n - 3, "ful")) {
			bn = (size_t)(strrchr(k, 'f') - k);
			end = "ful";
		} else if ((n >= 2 && !strcmp(k + n - 2, "ss")) || n <= 2) {
			return 0;
		}
	}
	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
		const struct rule *r = &rules[i];
		size_t sl = strlen(r->sufx), al = strlen(r->addr);
		if (r->cls != cls || bn < sl ||
		        memcmp(k + bn - sl, r->sufx, sl))
			continue;
		char c[260];
		size_t cn = bn - sl;
		memcpy(c, k, cn);
		memcpy(c + cn, r->addr, al);
		cn += al;
		if ((cn == bn && !memcmp(c, k, bn)) || !defined(c, cn, cls))
			continue;
		size_t el = strlen(end);
		if (cn + el >= 256)
			return 0;
		memcpy(out, c, cn);
		memcpy(out + cn, end, el + 1);
		return 1;
	}
	return 0;
}

/* cntwords(s, '-'): words separated by runs of '-', ' ' or '_' */
static size_t wn_cntwords(const char *s)
{
	size_t n = 0;
	while (*s) {
		if (*s == '-' || *s == ' ' || *s == '_') {
			n++;
			while (*s == '-' || *s == ' ' || *s == '_')
				s++;
		} else {
			s++;
		}
	}
	return n + 1;
}

int td_lemma_morphy(const char *w, int cls, char *out, size_t size)
{
	size_t n = strlen(w);
	char r[256], search[1024] = "";
	if (cls < 1 || cls > NUMPARTS || n == 0 || n >= 250 || size == 0 ||
	        strpbrk(w, " _("))
		return 0;
	/* morphstr: the exception list first */
	const char *e = wtab_get(&exc[cls], w, n);
	const char *ans = NULL;
	if (e && strcmp(e, w)) {
		ans = e;
		goto found;
	}
	/* then morphword on the whole string (not for verbs) */
	if (cls != VERB && wn_morphword(w, n, cls, r) && strcmp(r, w)) {
		ans = r;
		goto found;
	}
	/* then each part between hyphens, the last one included */
	size_t cnt = wn_cntwords(w), st = 0, sl = 0;
	while (--cnt) {
		const char *end = strchr(w + st, '-');
		if (!end)
			continue;
		size_t pl = (size_t)(end - w) - st;
		const char *base = wn_morphword(w + st, pl, cls, r) ? r : NULL;
		size_t l = base ? strlen(base) : pl;
		if (sl + l + 2 >= sizeof search)
			return 0;
		memcpy(search + sl, base ? base : w + st, l);
		sl += l;
		search[sl++] = *end;
		search[sl] = '\0';
		st = (size_t)(end - w) + 1;
	}
	const char *last = wn_morphword(w + st, n - st, cls, r) ? r : w + st;
	size_t l = strlen(last);
	if (sl + l + 1 >= sizeof search)
		return 0;
	memcpy(search + sl, last, l + 1);
	sl += l;
	if (!strcmp(search, w) || !defined(search, sl, cls))
		return 0;
	ans = search;
found:
	if (strlen(ans) >= size)
		return 0;
	strcpy(out, ans);
	return 1;
}

/* What is loaded: WordNet opened (wninit, for morphstr), then each
 * class's index and exception tables, each once; a failure stays (every
 * later call fails as the first did). Under init_lock; td_lemma reads the
 * tables without it, after its caller's td_lemma_init or td_lemma_init_verbs
 * returned. */
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static int wn_tried, init_rc;
static unsigned loaded; /* bit cls: the class's tables */

/* Loads the tables of the classes whose bits are in want that are not
 * loaded yet. 0, or TD_ENOTFOUND (td_error's message). */
static int load_parts(unsigned want)
{
	pthread_mutex_lock(&init_lock);
	if (!wn_tried) {
		wn_tried = 1;
		if (wninit() != 0)
			init_rc = TD_ENOTFOUND;
	}
	const char *dir = init_rc ? NULL : SetSearchdir();
	for (int i = 1; i <= NUMPARTS && !init_rc; i++) {
		unsigned bit = 1u << i;
		if (!(want & bit) || (loaded & bit))
			continue;
		char name[32];
		snprintf(name, sizeof name, "index.%s", part[i]);
		int bad = wtab_load(&idx[i], dir, name, 0);
		snprintf(name, sizeof name, "%s.exc", part[i]);
		if (!bad)
			bad = wtab_load(&exc[i], dir, name, 1);
		if (bad)
			init_rc = TD_ENOTFOUND;
		else
			loaded |= bit;
	}
	int rc = init_rc;
	pthread_mutex_unlock(&init_lock);
	if (rc)
		return td_error(rc,
		        "cannot open the WordNet database (set "
		        "WNHOME, or install the Debian package wordnet-base)");
	return 0;
}

int td_lemma_init(void)
{
	return load_parts(1u << NOUN | 1u << VERB | 1u << ADJ | 1u << ADV);
}

int td_lemma_init_verbs(void)
{
	return load_parts(1u << VERB);
}

/* ------------------------------------------------------------- the cache */

typedef struct centry {
	struct centry *next;
	uint64_t h;
	char *key;   /* pos class byte, then the word */
	char *lemma; /* NULL: WordNet does not know the word */
} centry;

enum { NBUCKETS = 1 << 12, MAX_CACHED = 1 << 16 };
static centry *buckets[NBUCKETS];
static size_t ncached;

/* morphstr's first base form of key (class byte + word) for a word
 * with '_' or '(', through the cache; copies it into out.
 * Returns 1 when WordNet knows the word, else 0. */
static int wordnet_morphstr(
        const char *key, size_t klen, char *out, size_t size)
{
	uint64_t h = td_hash(key, klen);
	int found = 0;
	pthread_mutex_lock(&lock);
	centry *e;
	for (e = buckets[h & (NBUCKETS - 1)]; e; e = e->next)
		if (e->h == h && strlen(e->key) == klen &&
		        !memcmp(e->key, key, klen))
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
	return found;
}

/* The first base form WordNet gives for key (class byte + lowercase
 * word) into out; 1 when it knows one, else 0. */
static int wordnet_base(const char *key, size_t klen, char *out, size_t size)
{
	int found;
	if (strpbrk(key + 1, "_("))
		found = wordnet_morphstr(key, klen, out, size);
	else
		found = td_lemma_morphy(key + 1, key[0], out, size);
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
        {"am", "be"},
        {"is", "be"},
        {"are", "be"},
        {"was", "be"},
        {"were", "be"},
        {"been", "be"},
        {"being", "be"},
        {"be", "be"},
        {"art", "be"},
        {"'m", "be"},
        {"'re", "be"},
        {"isn't", "be"},
        {"aren't", "be"},
        {"wasn't", "be"},
        {"weren't", "be"},
        {"has", "have"},
        {"had", "have"},
        {"having", "have"},
        {"'ve", "have"},
        {"hasn't", "have"},
        {"haven't", "have"},
        {"hadn't", "have"},
        {"does", "do"},
        {"did", "do"},
        {"done", "do"},
        {"doing", "do"},
        {"don't", "do"},
        {"doesn't", "do"},
        {"didn't", "do"},
        {"won't", "will"},
        {"can't", "can"},
        {"cannot", "can"},
        {"shouldn't", "should"},
        {"wouldn't", "would"},
        {"couldn't", "could"},
        {"mustn't", "must"},
        {"needn't", "need"},
        {"mightn't", "might"},
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
		out[i] =
		        (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
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

size_t td_lemma(
        const char *word, size_t len, const char *pos, char *out, size_t size)
{
	if (size == 0)
		return 0;
	if (!pos)
		pos = "";
	/* names, numbers and punctuation are their own lemma */
	if (starts_with(pos, "NNP") || !strcmp(pos, "CD") ||
	        !strcmp(pos, "SYM") || !strcmp(pos, "FW") ||
	        (pos[0] && !(pos[0] >= 'A' && pos[0] <= 'Z')))
		return as_is(word, len, out, size);
	char low[256];
	size_t ll = lower(word, len, low, sizeof low);
	/* ’ as ' in contractions */
	for (char *p = strstr(low, "\xe2\x80\x99"); p;
	        p = strstr(p, "\xe2\x80\x99")) {
		*p = '\'';
		memmove(p + 1, p + 3, strlen(p + 3) + 1);
		ll -= 2;
	}
	if (!strcmp(low, "'s")) {
		const char *l = !strcmp(pos, "VBZ")   ? "be"
		                : !strcmp(pos, "PRP") ? "us"
		                                      : "'s";
		return as_is(l, strlen(l), out, size);
	}
	if (!strcmp(low, "'d"))
		return as_is(!strcmp(pos, "MD") ? "would" : "have",
		        !strcmp(pos, "MD") ? 5 : 4, out, size);
	if (!strcmp(low, "i") && starts_with(pos, "PRP"))
		return as_is("I", 1, out, size);
	/* the tag first: a word per token of every class went through 38
	 * strcmp here (2% of ingest) */
	if (starts_with(pos, "VB") || starts_with(pos, "MD") || !pos[0])
		for (size_t i = 0; i < sizeof irregular / sizeof *irregular;
		        i++)
			if (low[0] == irregular[i].form[0] &&
			        !strcmp(low, irregular[i].form))
				return as_is(irregular[i].lemma,
				        strlen(irregular[i].lemma), out, size);
	int cls = 0;
	if (!strcmp(pos, "NNS"))
		cls = NOUN;
	else if (!strcmp(pos, "VBD") || !strcmp(pos, "VBG") ||
	         !strcmp(pos, "VBN") || !strcmp(pos, "VBZ"))
		cls = VERB;
	else if (!strcmp(pos, "JJR") || !strcmp(pos, "JJS"))
		cls = ADJ;
	else if (!strcmp(pos, "RBR") || !strcmp(pos, "RBS"))
		cls = ADV;
	if (cls && ll > 0 && ll < 250 && !memchr(low, ' ', ll)) {
		char key[256];
		key[0] = (char)cls;
		memcpy(key + 1, low, ll);
		key[ll + 1] = '\0';
		if (wordnet_base(key, ll + 1, out, size))
			return strlen(out);
		/* unknown to WordNet: a regular plural or third person */
		if ((cls == NOUN || !strcmp(pos, "VBZ")) && ll > 3 &&
		        low[ll - 1] == 's' && low[ll - 2] != 's' &&
		        low[ll - 2] != 'u' && low[ll - 2] != 'i' &&
		        low[ll - 2] != '\'') {
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
