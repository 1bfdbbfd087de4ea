/* test_differential.c: random queries over random small corpora must give
 * the same hits from the index (queries/engine/exec.c) as from the brute-force
 * oracle (tests/differential/oracle.c) reading the same TEI. Corpora go through
 * the TEI writer and reader first, so both sides see exactly what a TEI file
 * holds. Every other corpus is two indexes searched as one
 * (td_index_open_many). Seeded and reproducible: TD_DIFF_SEED and
 * TD_DIFF_ROUNDS override. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"
#include "tei.h"
#include "ast.h"
#include "exec.h"
#include "filter.h"
#include "hits.h"
#include "plan.h"
#include "index.h"
#include "tagdex.h"

static uint64_t rs;

static unsigned rnd(unsigned n)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (unsigned)(rs % n);
}

static const char *const vocab[] = {"war", "War", "likely", "Likely", "may",
        "Kim", "Pyongyang", "the", "café", "cafe", "US", ".", ",", "will",
        "nuclear", "test", "’s", "North", "Korea", "'s", "Sørlie", "Sorlie",
        "Łódź", "Lodz", "Straße", "“", "Æsir", "aesir", "ʼs", "„", "«", "Þór",
        "ŉ"};
#define NV (sizeof vocab / sizeof vocab[0])

/* the lemma and pos layers: tags and lemmas given by <w> spans (some
 * with one attribute only, some over two tokens, some tokens bare) */
static const char *const tagset[] = {
        "NN", "NNS", "NNP", "VB", "VBD", "MD", "JJ", "JJR", "DT", ",", "SYM"};
static const char *const lemmas[] = {"war", "be", "likely", "Kim", "kim",
        "café", "cafe", "test", "’s", "will"};
#define NT (sizeof tagset / sizeof tagset[0])
#define NL (sizeof lemmas / sizeof lemmas[0])
/* a token's tag: the last, SYM, on about one token in 1000, so that a
 * segment has it on at most 1/1024 of its positions as often as not:
 * then its postings are stored, else it is scanned (format 9) */
static unsigned pick_tag(void)
{
	return rnd(1000) ? rnd(NT - 1) : NT - 1;
}

static const char *const keys[] = {
        "kim-jong-un", "north-korea", "united-states"};
static const char *const subtypes[] = {
        "probability", "possibility", "appearance"};

/* dates and genres of the random documents, and the filter values tried
 * (some matching no document) */
static const char *const dates[] = {
        "2024-01-19", "2023-06-30", "2024", "2024-01-05", NULL};
static const char *const bounds[] = {"2023", "2023-06", "2023-06-30", "2023-07",
        "2024", "2024-01", "2024-01-05", "2024-01-19", "2025"};
static const char *const genres[] = {"Analysis", "Expert comment", "None"};

/* long documents: enough positions of "the" and "war" for several
 * postings blocks (128 positions each) */
static int long_docs;
/* every token its own <w pos lemma>, the lemma a function of the word and
 * the pos, as tagdex's tagging gives them (the index then keeps the lemma
 * per word and pos, format 8) */
static int tagged_lemmas;

/* A random document: words, then spans over random token ranges. */
static td_doc *random_doc(int k)
{
	char id[32];
	size_t ntok = long_docs ? 600 + rnd(400) : 3 + rnd(25);
	char *text = calloc(ntok * 16 + 1, 1);
	for (size_t i = 0; i < ntok; i++) {
		if (i)
			strcat(text, rnd(8) ? " " : "\n\n");
		strcat(text, long_docs && rnd(2) ? (rnd(3) ? "the" : "war")
		                                 : vocab[rnd(NV)]);
	}
	snprintf(id, sizeof id, "doc-r%d", k);
	td_doc *d = NULL;
	assert_int_equal(td_doc_new(id, text, strlen(text), &d), 0);
	free(text);
	td_meta_set(&d->meta.title, id);
	if (dates[k % 5])
		td_meta_set(&d->meta.date, dates[k % 5]);
	td_meta_set(&d->meta.genre, genres[k % 2]);
	td_tokens t = {0};
	assert_int_equal(td_tokenize(d->text, d->len, 0, &t), 0);
	/* sentences: a partition of the tokens */
	size_t a = 0;
	int sn = 0;
	while (a < t.n) {
		size_t b = a + 1 + rnd(8);
		if (b > t.n)
			b = t.n;
		char sid[48];
		snprintf(sid, sizeof sid, "%s-s%d", id, sn++);
		td_doc_add_span(d, "s", t.v[a].start, t.v[b - 1].end, NULL,
		        "xml:id", sid, "ana",
		        rnd(2) ? "#prediction #hedged" : "#claim", NULL);
		a = b;
	}
	/* <w pos lemma> over most tokens */
	for (size_t i = 0; tagged_lemmas && i < t.n; i++) {
		unsigned pi = pick_tag(), h = pi;
		for (size_t b = t.v[i].start; b < t.v[i].end; b++)
			h = h * 31 + (unsigned char)d->text[b];
		td_doc_add_span(d, "w", t.v[i].start, t.v[i].end, NULL, "pos",
		        tagset[pi], "lemma", lemmas[h % NL], NULL);
	}
	for (size_t i = 0; !tagged_lemmas && i < t.n; i++) {
		unsigned kind = rnd(10);
		if (kind == 0)
			continue;
		size_t e = kind == 1 && i + 1 < t.n ? i + 1 : i;
		const char *p = tagset[pick_tag()], *l = lemmas[rnd(NL)];
		if (kind == 2)
			td_doc_add_span(d, "w", t.v[i].start, t.v[e].end, NULL,
			        "pos", p, NULL);
		else if (kind == 3)
			td_doc_add_span(d, "w", t.v[i].start, t.v[e].end, NULL,
			        "lemma", l, NULL);
		else
			td_doc_add_span(d, "w", t.v[i].start, t.v[e].end, NULL,
			        "pos", p, "lemma", l, NULL);
		i = e;
	}
	/* inline elements, possibly crossing (the writer drops those) */
	int nin = (int)rnd(8);
	for (int i = 0; i < nin; i++) {
		size_t s = rnd((unsigned)t.n), e = s + 1 + rnd(4);
		if (e > t.n)
			e = t.n;
		uint32_t bs = t.v[s].start, be = t.v[e - 1].end;
		switch (rnd(5)) {
		case 0:
			td_doc_add_span(d, "q", bs, be, NULL, "who",
			        keys[rnd(3)], NULL);
			break;
		case 1:
			td_doc_add_span(d, "persName", bs, be, NULL, "ref",
			        rnd(2) ? "#kim-jong-un"
			               : "#north-korea #united-states",
			        NULL);
			break;
		case 2:
			td_doc_add_span(d, "seg", bs, be, NULL, "type", "hedge",
			        "subtype", subtypes[rnd(3)], NULL);
			break;
		case 3:
			td_doc_add_span(d, "quote", bs, be, NULL, "type",
			        "pullquote", NULL);
			break;
		default:
			td_doc_add_span(d, "rs", bs, be, NULL, "type", "state",
			        "ref", "#north-korea", NULL);
		}
	}
	/* milestones (empty elements): pages, two at one place now and then
	 * (a blank page), at the very start and end, inside sentences and
	 * words; a column; milestones of two units, which end only at their
	 * own unit's next */
	int nms = (int)rnd(6);
	for (int i = 0; i < nms; i++) {
		size_t at = rnd(4)   ? t.v[rnd((unsigned)t.n)].start
		            : rnd(2) ? 0
		                     : d->len;
		char n[16];
		snprintf(n, sizeof n, "%d", 1 + (int)rnd(3));
		switch (rnd(4)) {
		case 0:
		case 1:
			td_doc_add_span(d, "pb", at, at, NULL, "n", n, NULL);
			break;
		case 2:
			td_doc_add_span(d, "cb", at, at, NULL, "n", n, NULL);
			break;
		default:
			td_doc_add_span(d, "milestone", at, at, NULL, "unit",
			        rnd(2) ? "section" : "part", "n", n, NULL);
		}
	}
	/* line breaks: empty elements that stay empty (where their start
	 * and end tags both are), two at one place now and then */
	int nlb = (int)rnd(4);
	for (int i = 0; i < nlb; i++) {
		size_t at = rnd(5)   ? t.v[rnd((unsigned)t.n)].start
		            : rnd(2) ? 0
		                     : d->len;
		td_doc_add_span(d, "lb", at, at, NULL, NULL);
	}
	td_tokens_clear(&t);
	td_doc_sort_spans(d);
	return d;
}

static void gen(char *q, size_t cap, int depth);

static void gen_token(char *q, size_t cap)
{
	char b[128];
	const char *w = vocab[rnd(NV)];
	switch (rnd(18)) {
	case 0:
		snprintf(b, sizeof b, "[]");
		break;
	case 17: /* CQP's %l: "." a full stop only, "’s" as written */
		snprintf(b, sizeof b, rnd(2) ? "\"%s\"%%l" : "[norm=\"%s\"%%l]",
		        rnd(3) ? w : ".");
		break;
	case 14: /* both flags */
		snprintf(b, sizeof b, "\"%s\"%%cd", w);
		break;
	case 15: /* ! over a group, & and | inside */
		snprintf(b, sizeof b,
		        "[!(word=\"%s\"%%c | pos=\"%s\") & "
		        "!lemma=\"%s\"]",
		        w, tagset[rnd(NT)], lemmas[rnd(NL)]);
		break;
	case 16: /* an alternation inside the regex, anchored as a whole */
		snprintf(b, sizeof b, "\"%s|%s\"", w, vocab[rnd(NV)]);
		break;
	case 10:
		snprintf(b, sizeof b, "[pos=\"%s\"]", tagset[rnd(NT)]);
		break;
	case 11:
		snprintf(b, sizeof b, "[lemma=\"%s\"%s]", lemmas[rnd(NL)],
		        rnd(2)   ? "%c"
		        : rnd(2) ? "%d"
		                 : "");
		break;
	case 12:
		snprintf(b, sizeof b, "[pos=\"%s\" & !lemma=\"%s\"]",
		        rnd(2)   ? "JJ.*"
		        : rnd(2) ? "V.*"
		                 : "",
		        lemmas[rnd(NL)]);
		break;
	case 13:
		snprintf(b, sizeof b, "[lemma=\"%s.*\" | pos!=\"%s\"]",
		        rnd(2) ? "k" : "", tagset[rnd(NT)]);
		break;
	case 1:
		snprintf(b, sizeof b, "\"%s\"%%c", w);
		break;
	case 2:
		snprintf(b, sizeof b, "\"%s\"%%d", w);
		break;
	case 3:
		if ((unsigned char)w[0] < 0x80)
			snprintf(b, sizeof b, "\"%c.*\"", w[0]);
		else
			snprintf(b, sizeof b, "\"%s.*\"", w);
		break;
	case 4:
		snprintf(b, sizeof b, "[norm=\"%s\"]", w);
		break;
	case 5:
		snprintf(b, sizeof b, "[word=\"%s\" | norm=\"%s\"]", w,
		        vocab[rnd(NV)]);
		break;
	case 6:
		snprintf(b, sizeof b, "[!word=\"%s\"]", w);
		break;
	case 7:
		snprintf(b, sizeof b, "[word=\"[a-zA-Z]+\" & !norm=\"%s\"]", w);
		break;
	default:
		snprintf(b, sizeof b, "\"%s\"", w);
	}
	strncat(q, b, cap - strlen(q) - 1);
}

static void gen_span(char *q, size_t cap)
{
	static const char *const spans[] = {"<s/>", "<q/>",
	        "<q who=\"kim.*\"/>", "<seg type=\"hedge\"/>",
	        "<seg subtype=\"prob.*|poss.*\"/>",
	        "<persName ref=\"north-korea\"/>", "<s ana=\"prediction\"/>",
	        "<s ana=\"#prediction #hedged\"/>", "<q who=\"#kim.*\"/>",
	        "<rs/>", "<quote/>", "<nosuch/>", "<w pos=\"MD\"/>",
	        "<q who!=\"kim.*\"/>", "<s ana!=\"prediction\"/>",
	        "<seg type=\"hedge\" subtype!=\"prob.*|poss.*\"/>",
	        "<persName ref!=\"north-korea\"/>", "<w lemma!=\"be\"/>",
	        "<pb/>", "<pb n=\"2\"/>", "<pb n!=\"1\"/>", "<cb/>",
	        "<milestone unit=\"section\"/>",
	        /* start and end tags alone: zero-width positions */
	        "<s>", "</s>", "<q>", "</q>", "<q who=\"kim.*\">",
	        "</q who!=\"kim.*\">", "<s ana=\"prediction\">",
	        "</s ana!=\"prediction\">", "<pb>", "</pb n=\"2\">", "<lb>",
	        "</lb>", "<seg type=\"hedge\">", "</persName>", "<nosuch>"};
	strncat(q, spans[rnd(sizeof spans / sizeof spans[0])],
	        cap - strlen(q) - 1);
}

/* within or containing as given, or negated in one of its spellings */
static const char *neg_op(const char *op)
{
	static char b[32];
	switch (rnd(4)) {
	case 0:
		snprintf(b, sizeof b, " !%s", op + 1);
		return b;
	case 1:
		snprintf(b, sizeof b, " not%s", op);
		return b;
	default:
		return op;
	}
}

static void gen(char *q, size_t cap, int depth)
{
	static const char *const quants[] = {
	        "?", "*", "+", "{0,2}", "{1,3}", "{2}", "{0,}", "{,1}"};
	/* long documents: tokens, spans, sequences and alternatives only
	 * (the oracle's within is cubic in the document length) */
	unsigned c = depth > 2 ? rnd(2) : long_docs ? rnd(4) : rnd(11);
	if (long_docs && c == 3)
		c = 5;
	switch (c) {
	case 0:
		gen_token(q, cap);
		return;
	case 1:
		gen_span(q, cap);
		return;
	case 2:
	case 3:
		gen(q, cap, depth + 1);
		strncat(q, " ", cap - strlen(q) - 1);
		gen(q, cap, depth + 1);
		if (rnd(2)) {
			strncat(q, " ", cap - strlen(q) - 1);
			gen(q, cap, depth + 1);
		}
		return;
	case 4:
		strncat(q, "(", cap - strlen(q) - 1);
		gen(q, cap, depth + 1);
		strncat(q, ")", cap - strlen(q) - 1);
		strncat(q, quants[rnd(8)], cap - strlen(q) - 1);
		if (!rnd(6)) /* a second quantifier on the group: ("a")?* */
			strncat(q, quants[rnd(8)], cap - strlen(q) - 1);
		return;
	case 5:
		strncat(q, "(", cap - strlen(q) - 1);
		gen(q, cap, depth + 1);
		strncat(q, " | ", cap - strlen(q) - 1);
		gen(q, cap, depth + 1);
		strncat(q, ")", cap - strlen(q) - 1);
		return;
	case 6:
		strncat(q, "(", cap - strlen(q) - 1);
		gen(q, cap, depth + 1);
		strncat(q, neg_op(" within "), cap - strlen(q) - 1);
		if (!rnd(4))
			strncat(q, rnd(2) ? "s" : "q", cap - strlen(q) - 1);
		else if (rnd(3))
			gen_span(q, cap);
		else
			gen(q, cap, depth + 1);
		strncat(q, ")", cap - strlen(q) - 1);
		return;
	case 7:
		strncat(q, "(", cap - strlen(q) - 1);
		gen(q, cap, depth + 1);
		strncat(q, neg_op(" containing "), cap - strlen(q) - 1);
		gen(q, cap, depth + 1);
		strncat(q, ")", cap - strlen(q) - 1);
		return;
	case 9: { /* a region: start and end tags paired in a sequence */
		static const char *const open[] = {"<s>", "<q>",
		        "<s ana=\"prediction\">", "<q who=\"kim.*\">", "<pb>",
		        "<lb>", "<seg>", "<s ana!=\"prediction\">"};
		static const char *const name[] = {
		        "s", "q", "s", "q", "pb", "lb", "seg", "s"};
		unsigned k = rnd(8);
		strncat(q, "(", cap - strlen(q) - 1);
		strncat(q, open[k], cap - strlen(q) - 1);
		switch (rnd(6)) {
		case 0: /* nothing between: an empty element */
			break;
		case 1: /* a token somewhere inside */
		case 2:
			strncat(q, " []* ", cap - strlen(q) - 1);
			gen_token(q, cap);
			break;
		case 3:
			strncat(q, " []{1,3}", cap - strlen(q) - 1);
			break;
		default:
			strncat(q, " ", cap - strlen(q) - 1);
			gen(q, cap, depth + 1);
		}
		strncat(q, rnd(4) ? " </" : " []* </", cap - strlen(q) - 1);
		strncat(q, name[k], cap - strlen(q) - 1);
		strncat(q, rnd(5) ? ">)" : " n!=\"1\">)", cap - strlen(q) - 1);
		if (!rnd(4))
			strncat(q, quants[rnd(8)], cap - strlen(q) - 1);
		return;
	}
	case 10: /* an element's end, then the next one's start */
		strncat(q, rnd(2) ? "</s> <s> " : "</q> ", cap - strlen(q) - 1);
		gen_token(q, cap);
		return;
	default:
		gen_token(q, cap);
		/* a gap: exec_nodes.c's gap_ends when a plain condition
		 * follows */
		if (!rnd(2)) {
			static const char *const gaps[] = {" []*", " []+",
			        " []{0,3}", " []{2,}", " []{1,2}", " []?"};
			strncat(q, gaps[rnd(6)], cap - strlen(q) - 1);
		}
		strncat(q, " ", cap - strlen(q) - 1);
		gen_token(q, cap);
	}
}

/* CQP's labels, label references, a target and a global constraint
 * (labels.c against the oracle's whole paths) */
static void gen_labelled(char *q, size_t cap)
{
	static const char *const layers[] = {"word", "norm", "lemma", "pos"};
	static const char *const quants[] = {"?", "+", "*", "{1,2}"};
	static const char *const gaps[] = {
	        "[]{0,2}", "[]*", "[]?", "[]+", "[]{1,3}"};
	int nl = 0, tgt = 0, nitems = 2 + (int)rnd(3);
	char b[256];
#define CAT(x) strncat(q, (x), cap - strlen(q) - 1)
	for (int i = 0; i < nitems; i++) {
		if (i)
			CAT(" ");
		const char *ly = layers[rnd(4)];
		switch (rnd(8)) {
		case 0:
		case 1:
			if (!tgt && !rnd(3)) {
				CAT("@");
				tgt = 1;
			}
			snprintf(b, sizeof b, "l%d:", nl++);
			CAT(b);
			gen_token(q, cap);
			break;
		case 2:
			if (!nl) {
				gen_token(q, cap);
				break;
			}
			snprintf(b, sizeof b, "[%s%s l%u.%s%s]", ly,
			        rnd(2) ? " =" : " !=", rnd((unsigned)nl), ly,
			        rnd(3) ? "" : " & !word=\"the\"");
			CAT(b);
			break;
		case 3:
			if (rnd(3)) {
				gen_span(q, cap);
				break;
			}
			/* a region around a labelled token (labels.c's
			 * tag_match and its bound) */
			snprintf(b, sizeof b, "<%s> %sl%d:", rnd(2) ? "s" : "q",
			        rnd(2) ? "[]* " : "", nl++);
			CAT(b);
			gen_token(q, cap);
			CAT(strstr(b, "<s>") ? " []* </s>" : " []? </q>");
			break;
		case 4:
			CAT(gaps[rnd(5)]);
			break;
		case 5:
			CAT("(");
			if (!tgt && !rnd(3)) {
				CAT("@");
				tgt = 1;
			}
			snprintf(b, sizeof b, "l%d:", nl++);
			CAT(b);
			gen_token(q, cap);
			CAT(")");
			CAT(quants[rnd(4)]);
			break;
		case 6:
			snprintf(b, sizeof b, "(l%d:", nl++);
			CAT(b);
			gen_token(q, cap);
			CAT(" | ");
			gen_token(q, cap);
			CAT(")");
			break;
		default:
			if (!tgt) {
				CAT("@");
				tgt = 1;
			}
			gen_token(q, cap);
		}
	}
	if (nl && rnd(4)) {
		CAT(" ::");
		int nt = 1 + (int)rnd(2);
		for (int i = 0; i < nt; i++) {
			const char *ly = layers[rnd(4)];
			unsigned a = rnd((unsigned)nl), c = rnd((unsigned)nl);
			if (i)
				CAT(rnd(2) ? " &" : " |");
			switch (rnd(5)) {
			case 0:
				snprintf(b, sizeof b, " l%u.%s = l%u.%s", a, ly,
				        c, ly);
				break;
			case 1:
				snprintf(b, sizeof b, " l%u.%s != l%u.%s", a,
				        ly, c, ly);
				break;
			case 2:
				snprintf(b, sizeof b, " l%u.%s = \"%s\"%s", a,
				        ly,
				        !strcmp(ly, "pos")     ? tagset[rnd(NT)]
				        : !strcmp(ly, "lemma") ? lemmas[rnd(NL)]
				                               : vocab[rnd(NV)],
				        rnd(3) ? "" : "%c");
				break;
			case 3:
				snprintf(b, sizeof b, " l%u", a);
				break;
			default:
				snprintf(b, sizeof b,
				        " !(l%u.%s = \"[A-Z].*\")", a, ly);
			}
			CAT(b);
		}
	}
	if (!rnd(4)) {
		static const char *const w[] = {" within s", " within <q/>",
		        " !within <q/>", " containing <persName/>",
		        " not within (<q/> | <seg/>)", " within <pb/>",
		        " within <pb n=\"1\"/>", " containing <milestone/>",
		        " !within <cb n=\"3\"/>"};
		CAT(w[rnd(sizeof w / sizeof w[0])]);
	}
#undef CAT
}

typedef struct acc {
	FILE *m;
} acc;

static int collect(void *arg, const tq_hit *h)
{
	acc *a = arg;
	td_docinfo di;
	assert_int_equal(td_seg_doc(h->seg, h->doc, &di), 0);
	if (h->target)
		fprintf(a->m, "%s:%u-%u@%u ", di.id, h->start - di.first_tok,
		        h->end - di.first_tok, h->target - 1 - di.first_tok);
	else
		fprintf(a->m, "%s:%u-%u ", di.id, h->start - di.first_tok,
		        h->end - di.first_tok);
	return 0;
}

static void one_corpus(int round, int nqueries)
{
	char dir[64];
	strcpy(dir, "/tmp/tq-diff-XXXXXX");
	assert_non_null(mkdtemp(dir));
	int ndocs = 1 + (int)rnd(4);
	td_doc **docs = calloc((size_t)ndocs, sizeof *docs);
	/* one or two commits, so that several segments are searched; in
	 * every other round the second into an index of its own, both
	 * opened as one (td_index_open_many: shards, issue 17) */
	int split = (int)rnd((unsigned)ndocs + 1);
	int shards = round % 2;
	char dir2[64];
	strcpy(dir2, "/tmp/tq-diff-XXXXXX");
	assert_non_null(mkdtemp(dir2));
	for (int part = 0; part < 2; part++) {
		td_writer *w = NULL;
		assert_int_equal(
		        td_writer_open(part && shards ? dir2 : dir, 0, &w), 0);
		for (int i = part ? split : 0; i < (part ? ndocs : split);
		        i++) {
			td_doc *gen_doc = random_doc(round * 10 + i);
			char *xml = NULL;
			size_t len = 0;
			assert_int_equal(
			        td_tei_write_mem(gen_doc, &xml, &len), 0);
			td_doc_free(gen_doc);
			if (td_tei_read("random.xml", xml, len, &docs[i]) < 0)
				fail_msg("TEI read: %s", td_error_last());
			free(xml);
			td_doc_sort_spans(docs[i]);
			assert_int_equal(
			        td_writer_add(w, docs[i], docs[i]->id), 0);
		}
		assert_int_equal(td_writer_commit(w), 0);
		td_writer_close(w);
	}
	td_index *ix = NULL;
	const char *dirs[2];
	size_t nd = 0;
	if (!shards || split > 0)
		dirs[nd++] = dir;
	if (shards && split < ndocs)
		dirs[nd++] = dir2;
	if (td_index_open_many(dirs, nd, &ix) < 0)
		fail_msg("open: %s", td_error_last());
	for (int k = 0; k < nqueries; k++) {
		char q[2048];
		tq_node *n = NULL;
		tq_plan *p = NULL;
		int rc;
		do {
			q[0] = 0;
			if (!long_docs && !rnd(4))
				gen_labelled(q, sizeof q);
			else
				gen(q, sizeof q, 0);
			if (!rnd(8))
				strcat(q, " ;"); /* CQP's end of a query */
			/* tags of one name CQP would pair across groups are
			 * refused (tagdex-query(1)): generate another */
		} while ((rc = tq_parse(q, strlen(q), &n)) < 0 &&
		         strstr(td_error_last(), "pair up"));
		if (rc < 0)
			fail_msg("generated query does not parse: %s: %s", q,
			        td_error_last());
		/* a small hard boundary now and then, so that short
		 * documents feel it; every matching strategy */
		long bound = rnd(3) ? TQ_HARD_BOUNDARY : 1 + (long)rnd(4);
		int strategy = (int)rnd(3);
		tq_node_set_bound(n, bound);
		if (tq_plan_new(n, &p) < 0)
			fail_msg("%s: %s", q, td_error_last());
		tq_plan_set_strategy(p, strategy);
		int pull = (int)rnd(2);
		tq_filter f = {0};
		f.pullquotes = pull;
		/* every filter, alone and together */
		if (!rnd(4))
			f.doc = docs[rnd((unsigned)ndocs)]->id;
		if (!rnd(4))
			f.genre = genres[rnd(3)];
		if (!rnd(3))
			f.from = bounds[rnd(sizeof bounds / sizeof bounds[0])];
		if (!rnd(3))
			f.to = bounds[rnd(sizeof bounds / sizeof bounds[0])];
		char *got = NULL, *want = NULL;
		size_t gl = 0, wl = 0;
		acc a = {open_memstream(&got, &gl)};
		rc = tq_exec(ix, p, &f, collect, &a);
		fclose(a.m);
		if (rc < 0)
			fail_msg("%s: %s", q, td_error_last());
		FILE *m = open_memstream(&want, &wl);
		size_t nhits = 0;
		for (int i = 0; i < ndocs; i++) {
			char *o = NULL;
			size_t ol = 0;
			if (!oracle_doc_passes(docs[i], &f))
				continue;
			assert_int_equal(oracle_hits(docs[i], n, pull, strategy,
			                         &o, &ol),
			        0);
			fputs(o, m);
			for (char *c = o; *c; c++)
				nhits += *c == ':';
			free(o);
		}
		fclose(m);
		if (strcmp(got, want) && getenv("TD_DIFF_DEBUG"))
			for (int i = 0; i < ndocs; i++)
				td_tei_write(docs[i], stderr);
		if (strcmp(got, want)) /* whole: fail_msg cuts long lines */
			fprintf(stderr, "index:  %s\noracle: %s\n", got, want);
		if (strcmp(got, want))
			fail_msg("round %d query %s (strategy %d bound %ld "
			         "pullquotes %d doc %s genre %s "
			         "from %s to %s):\n index:  %s\n oracle: %s",
			        round, q, strategy, bound, pull,
			        f.doc ? f.doc : "-", f.genre ? f.genre : "-",
			        f.from ? f.from : "-", f.to ? f.to : "-", got,
			        want);
		uint64_t cnt = 0;
		assert_int_equal(tq_count(ix, p, &f, &cnt), 0);
		if (cnt != nhits)
			fail_msg("%s: count %llu, oracle %zu", q,
			        (unsigned long long)cnt, nhits);
		free(got);
		free(want);
		tq_plan_free(p);
		tq_node_free(n);
	}
	td_index_close(ix);
	for (int i = 0; i < ndocs; i++)
		td_doc_free(docs[i]);
	free(docs);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", dir, dir2);
	assert_int_equal(system(cmd), 0);
}

static void test_differential_random(void **state)
{
	(void)state;
	const char *seed = getenv("TD_DIFF_SEED"),
	           *rounds = getenv("TD_DIFF_ROUNDS");
	rs = seed ? strtoull(seed, NULL, 10) : 0x5eed1234abcdull;
	if (!rs)
		rs = 1;
	int n = rounds ? atoi(rounds) : 40;
	for (int r = 0; r < n; r++) {
		long_docs = r % 8 == 7;
		tagged_lemmas = r % 2 == 1;
		one_corpus(r, 40);
	}
}

int main(void)
{
	td_set_warn(NULL, NULL);
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_differential_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
