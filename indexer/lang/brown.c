/* brown.c: the Brown corpus tags in the Penn Treebank tagset, on tagdex's
 * tokens (docs/pos-tagset.md is the human-readable form of this file).
 * Brown keeps "John's" and "he's" as one token with a possessive or compound
 * tag; tagdex cuts "'s" off, so a Brown token yields a main tag and, for the
 * clitic, a second one. Brown has no VB/VBP distinction: the context decides.
 */
#include "config.h"
#include "brown.h"

#include <string.h>

const char *const td_penn_tags[] = {"CC", "CD", "DT", "EX", "FW", "IN", "JJ",
        "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS",
        "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD",
        "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "$", "#", "``",
        "''", "(", ")", ",", ".", ":"};
const unsigned td_penn_ntags = sizeof td_penn_tags / sizeof *td_penn_tags;

int td_brown_reserved(const char *id)
{
	if (strlen(id) != 4 || id[0] != 'c' || id[2] < '0' || id[2] > '9' ||
	        id[3] < '0' || id[3] > '9')
		return 0;
	int num = (id[2] - '0') * 10 + (id[3] - '0');
	switch (id[1]) {
	case 'a':
		return num >= 1 && num <= 10;
	case 'b':
		return num >= 1 && num <= 7;
	case 'j':
		return num >= 1 && num <= 5;
	case 'n':
		return num >= 1 && num <= 5;
	default:
		return 0;
	}
}

/* Plain Brown tags with one Penn equivalent. */
static const struct {
	const char *brown, *penn;
} simple[] = {
        {"at", "DT"},
        {"abl", "RB"},
        {"cc", "CC"},
        {"cd", "CD"},
        {"cs", "IN"},
        {"dt", "DT"},
        {"dti", "DT"},
        {"dts", "DT"},
        {"dtx", "DT"},
        {"ex", "EX"},
        {"jj", "JJ"},
        {"jjr", "JJR"},
        {"jjs", "JJS"},
        {"jjt", "JJS"},
        {"md", "MD"},
        {"nn", "NN"},
        {"nns", "NNS"},
        {"np", "NNP"},
        {"nps", "NNPS"},
        {"nr", "NN"},
        {"nrs", "NNS"},
        {"od", "JJ"},
        {"pn", "NN"},
        {"pp$", "PRP$"},
        {"pp$$", "PRP"},
        {"ppl", "PRP"},
        {"ppls", "PRP"},
        {"ppo", "PRP"},
        {"pps", "PRP"},
        {"ppss", "PRP"},
        {"ql", "RB"},
        {"qlp", "RB"},
        {"rb", "RB"},
        {"rbr", "RBR"},
        {"rbt", "RBS"},
        {"rn", "RB"},
        {"rp", "RP"},
        {"to", "TO"},
        {"uh", "UH"},
        {"vbd", "VBD"},
        {"vbg", "VBG"},
        {"vbn", "VBN"},
        {"vbz", "VBZ"},
        {"wdt", "WDT"},
        {"wp$", "WP$"},
        {"wpo", "WP"},
        {"wql", "WRB"},
        {"wrb", "WRB"},
        {"be", "VB"},
        {"bed", "VBD"},
        {"bedz", "VBD"},
        {"beg", "VBG"},
        {"bem", "VBP"},
        {"ben", "VBN"},
        {"ber", "VBP"},
        {"bez", "VBZ"},
        {"dod", "VBD"},
        {"doz", "VBZ"},
        {"hvd", "VBD"},
        {"hvg", "VBG"},
        {"hvn", "VBN"},
        {"hvz", "VBZ"},
        {",", ","},
        {":", ":"},
        {"(", "("},
        {")", ")"},
        {"``", "``"},
        {"''", "''"},
        {"--", ":"},
        {"*", "RB"},
};

/* The first component of a tag without "-tl", "-hl", "-nc" and the
 * negation mark: "nn-tl" -> "nn", "bez*" -> "bez", "pps+bez" part 1 ->
 * "bez". Writes at most size-1 bytes; returns 0, or -1 for no such part. */
static int part(const char *tag, size_t tlen, int k, char *buf, size_t size)
{
	size_t i = 0;
	if (tlen >= 2 && tag[0] == '-' && tag[1] == '-') { /* the dash tag */
		if (k)
			return -1;
		strcpy(buf, "--");
		return 0;
	}
	for (int p = 0; p < k; p++) {
		while (i < tlen && tag[i] != '+')
			i++;
		if (i == tlen)
			return -1;
		i++;
	}
	size_t o = 0;
	while (i < tlen && tag[i] != '+' && tag[i] != '-' && o + 1 < size) {
		if (tag[i] != '*' || o == 0)
			buf[o++] = tag[i];
		i++;
	}
	buf[o] = '\0';
	return o ? 0 : -1;
}

static int word_is(const td_brown_tok *t, const char *w)
{
	size_t n = strlen(w);
	if (t->wlen != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = t->word[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != w[i])
			return 0;
	}
	return 1;
}

static int tag_starts(const td_brown_tok *t, const char *p)
{
	char b[16];
	if (part(t->tag, t->tlen, 0, b, sizeof b))
		return 0;
	return strcmp(b, p) == 0;
}

/* Adverbs and negation sit between a verb and what governs it. */
static int skippable(const td_brown_tok *t)
{
	char b[16];
	if (part(t->tag, t->tlen, 0, b, sizeof b))
		return 0;
	return !strcmp(b, "rb") || !strcmp(b, "*") || !strcmp(b, "ql") ||
	       !strcmp(b, "rn") || !strcmp(b, "qlp");
}

/* VB or VBP for an untensed Brown verb (vb, hv, do) at s[i]. */
static const char *base_or_present(
        const td_brown_tok *s, size_t n, size_t i, int depth)
{
	char b[16];
	size_t j = i;
	while (j > 0 && skippable(&s[j - 1]))
		j--;
	if (j == 0) {
		/* "Do you ...?" asks; "Go home." orders */
		if (i + 1 < n &&
		        part(s[i].tag, s[i].tlen, 0, b, sizeof b) == 0 &&
		        (!strcmp(b, "do") || !strcmp(b, "hv"))) {
			char c[16];
			if (part(s[i + 1].tag, s[i + 1].tlen, 0, c, sizeof c) ==
			                0 &&
			        (!strcmp(c, "ppss") || !strcmp(c, "pps") ||
			                !strcmp(c, "nns") || !strcmp(c, "np")))
				return "VBP";
		}
		return "VB";
	}
	const td_brown_tok *p = &s[j - 1];
	/* the last part of a compound governs: "I'll go", "let's go" */
	char last[16] = "";
	for (int k = 0; part(p->tag, p->tlen, k, b, sizeof b) == 0; k++)
		strcpy(last, b);
	if (!strcmp(last, "md") || !strcmp(last, "to") || !strcmp(last, "do") ||
	        !strcmp(last, "dod") || !strcmp(last, "doz") ||
	        !strcmp(last, "ppo") || !strcmp(last, "vb"))
		return "VB";
	if (!strcmp(last, "ppss") || !strcmp(last, "nns") ||
	        !strcmp(last, "nps") || !strcmp(last, "wps") ||
	        !strcmp(last, "wdt") || !strcmp(last, "nn") ||
	        !strcmp(last, "np") || !strcmp(last, "cd") ||
	        !strcmp(last, "dts") || !strcmp(last, "pn") ||
	        !strcmp(last, "ex")) {
		/* "Do you know", "Can they go": the auxiliary before the
		 * subject governs */
		size_t q = j - 1;
		while (q > 0 && skippable(&s[q - 1]))
			q--;
		/* over the rest of a short subject: "did the old men go" */
		for (int k = 0; k < 3 && q > 0; k++) {
			char c[16];
			if (part(s[q - 1].tag, s[q - 1].tlen, 0, c, sizeof c) ||
			        (strcmp(c, "at") && strcmp(c, "jj") &&
			                strcmp(c, "pp$") && strcmp(c, "nn") &&
			                strcmp(c, "np") && strcmp(c, "cd") &&
			                strcmp(c, "dt") && strcmp(c, "dts") &&
			                strcmp(c, "ap")))
				break;
			q--;
		}
		char a[16] = "";
		for (int k = 0; q > 0 && part(s[q - 1].tag, s[q - 1].tlen, k, b,
		                                 sizeof b) == 0;
		        k++)
			strcpy(a, b);
		if (!strcmp(a, "md") || !strcmp(a, "do") || !strcmp(a, "dod") ||
		        !strcmp(a, "doz"))
			return "VB";
		return "VBP";
	}
	if (!strcmp(last, "cc") && depth < 4) {
		/* "they eat and drink": as the verb before the conjunction */
		for (size_t k = j - 1; k-- > 0;) {
			char c[16];
			if (part(s[k].tag, s[k].tlen, 0, c, sizeof c))
				continue;
			if (!strcmp(c, "vb") || !strcmp(c, "hv") ||
			        !strcmp(c, "do"))
				return base_or_present(s, n, k, depth + 1);
			if (c[0] == 'v' || c[0] == 'b' || !strcmp(c, "md") ||
			        !strcmp(c, ".") || !strcmp(c, ","))
				break;
		}
	}
	return "VB";
}

static const char *map_part(const td_brown_tok *s, size_t n, size_t i,
        const char *b, int k, const char *prev_part)
{
	const td_brown_tok *t = &s[i];
	if (!strcmp(b, "vb") || !strcmp(b, "hv") || !strcmp(b, "do")) {
		if (k == 0)
			return base_or_present(s, n, i, 0);
		/* "I've", "we do" as one token: present after a subject,
		 * base after a modal ("could've") or a verb ("gonna") */
		if (prev_part &&
		        (!strcmp(prev_part, "md") || prev_part[0] == 'v' ||
		                !strcmp(prev_part, "to")))
			return "VB";
		return "VBP";
	}
	if (!strcmp(b, "ap")) {
		if (k == 0) {
			if (word_is(t, "more") || word_is(t, "less") ||
			        word_is(t, "fewer"))
				return "JJR";
			if (word_is(t, "most") || word_is(t, "least") ||
			        word_is(t, "fewest"))
				return "JJS";
		}
		return "JJ";
	}
	if (!strcmp(b, "abn") || !strcmp(b, "abx")) {
		/* "all the", "both his": predeterminer */
		if (k == 0 && i + 1 < n &&
		        (tag_starts(&s[i + 1], "at") ||
		                tag_starts(&s[i + 1], "pp$") ||
		                tag_starts(&s[i + 1], "dt") ||
		                tag_starts(&s[i + 1], "dts")))
			return "PDT";
		return "DT";
	}
	if (!strcmp(b, "wps"))
		return k == 0 && word_is(t, "that") ? "WDT" : "WP";
	if (!strcmp(b, "in"))
		return k == 0 && word_is(t, "to") ? "TO" : "IN";
	if (!strcmp(b, "."))
		return k == 0 && (word_is(t, ";") || word_is(t, ":")) ? ":"
		                                                      : ".";
	if (!strcmp(b, "'")) {
		/* one Brown mark for both single quotes: opening after nothing,
		 * an opening bracket or a pause */
		if (i == 0)
			return "``";
		char c[16];
		if (part(s[i - 1].tag, s[i - 1].tlen, 0, c, sizeof c) == 0 &&
		        (!strcmp(c, "``") || !strcmp(c, "(") ||
		                !strcmp(c, ",") || !strcmp(c, ":") ||
		                !strcmp(c, "--")))
			return "``";
		return "''";
	}
	for (size_t x = 0; x < sizeof simple / sizeof *simple; x++)
		if (!strcmp(simple[x].brown, b))
			return simple[x].penn;
	return NULL;
}

int td_brown_to_penn(const td_brown_tok *s, size_t n, size_t i,
        const char **main, const char **clitic)
{
	const td_brown_tok *t = &s[i];
	*main = *clitic = NULL;
	if (t->tlen >= 3 && !strncmp(t->tag, "fw-", 3)) {
		*main = "FW";
		return 0;
	}
	char b0[16], b1[16];
	if (part(t->tag, t->tlen, 0, b0, sizeof b0))
		return -1;
	size_t l0 = strlen(b0);
	int poss = 0;
	if (l0 > 1 && b0[l0 - 1] == '$' && strcmp(b0, "pp$") &&
	        strcmp(b0, "pp$$") && strcmp(b0, "wp$")) {
		b0[--l0] = '\0'; /* "nn$": a noun with a possessive */
		poss = 1;
	}
	*main = map_part(s, n, i, b0, 0, NULL);
	if (!*main)
		return -1;
	/* a capitalised common noun in a title ("Orchestra/nn-tl Hall/nn-tl")
	 * is part of a name: Penn tags the whole name NNP */
	if (t->wlen && t->word[0] >= 'A' && t->word[0] <= 'Z' &&
	        memmem(t->tag, t->tlen, "-tl", 3) &&
	        !memchr(t->tag, '+', t->tlen)) {
		if (!strcmp(*main, "NN"))
			*main = "NNP";
		else if (!strcmp(*main, "NNS"))
			*main = "NNPS";
	}
	if (poss) {
		*clitic = "POS";
	} else if (part(t->tag, t->tlen, 1, b1, sizeof b1) == 0) {
		*clitic = map_part(s, n, i, b1, 1, b0);
		if (!*clitic)
			return -1;
	}
	return 0;
}

const char *td_penn_punct(const char *piece, size_t len)
{
	const unsigned char *p = (const unsigned char *)piece;
	if (len == 0)
		return NULL;
	if (len >= 3 && p[0] == 0xe2 && p[1] == 0x80) {
		switch (p[2]) {
		case 0x9c:
		case 0x98:
			return "``"; /* “ ‘ */
		case 0x9d:
		case 0x99:
			return "''"; /* ” ’ */
		case 0x93:
		case 0x94:
		case 0xa6:
			return ":"; /* – — … */
		default:
			return NULL;
		}
	}
	switch (p[0]) {
	case '.':
		return len == 1 ? "." : ":";
	case '!':
	case '?':
		return ".";
	case ',':
		return ",";
	case ';':
	case ':':
	case '-':
		return ":";
	case '(':
	case '[':
	case '{':
		return "(";
	case ')':
	case ']':
	case '}':
		return ")";
	case '$':
		return "$";
	case '#':
		return "#";
	case '`':
		return "``";
	case '"':
	case '\'':
		return "''";
	case '&':
		return "CC";
	case '%':
		return "NN";
	case '*':
	case '/':
	case '+':
	case '=':
	case '<':
	case '>':
	case '@':
	case '~':
	case '^':
	case '|':
	case '\\':
	case '_':
		return "SYM";
	default:
		return NULL;
	}
}
