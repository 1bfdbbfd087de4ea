/* test_corrupt.c: the corruption campaign (issue 12). An index of
 * corpus/articles (two segments, one deleted document) is damaged by one
 * random bit flip at a time, in every section of a segment, its header and
 * its checksum table in turn; after each flip a fixed set of 13 queries runs
 * as tagdex-query runs them (count, hits with their KWIC and TSV lines, a
 * frequency table). Each answer must be exactly the undamaged one, or an
 * error TD_ECORRUPT naming the segment file; no crash (the test also runs
 * under ASan and valgrind).
 *
 * TAGDEX_CORRUPT_FLIPS=N sets the number of flips (default 108, a few
 * seconds; the campaign is N >= 1000), TAGDEX_CORRUPT_SEED the
 * seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checksum.h"
#include "index_int.h"
#include "segformat.h"
#include "segment.h"
#include "pipeline.h"
#include "inputs.h"
#include "ast.h"
#include "exec.h"
#include "filter.h"
#include "freq.h"
#include "hits.h"
#include "kwic.h"
#include "plan.h"
#include "postings.h"
#include "render.h"
#include "suggest.h"
#include "util.h"
#include "index.h"
#include "tagdex.h"
#include "seg_reseal.h"

static char dir[64];

#define NQ 13
static const struct {
	const char *q;
	int by;    /* TQ_BY_* for a frequency table, -1 none */
	int terms; /* the table through tq_exec_terms (lexicon path) */
	const char *from;
	int pullquotes;
} queries[NQ] = {
        {"<s/>", -1, 0, NULL, 0},
        {"\"the\"", TQ_BY_DOC, 0, NULL, 0},
        {"\"North\" \"Korea\"", TQ_BY_YEAR, 0, NULL, 0},
        {"[word=\"l.*\"]", TQ_BY_MATCH, 1, NULL, 0},
        {"<seg type=\"hedge\"/> within <s/>", TQ_BY_HEDGE, 0, NULL, 0},
        {"<q/>", TQ_BY_WHO, 0, NULL, 0},
        {"<persName/>", TQ_BY_ACTOR, 0, NULL, 0},
        {"\"said\"", TQ_BY_DOC, 0, "2024", 0},
        {"[]", -1, 0, NULL, 0},
        {"<s/> containing <seg type=\"hedge\"/>", -1, 0, NULL, 0},
        {"[norm=\"korea\"]", TQ_BY_NORM, 1, NULL, 0},
        {"<quote/>", TQ_BY_MONTH, 0, NULL, 1},
        /* lemmas sharing a word's or a norm's postings, and not (format 10) */
        {"[lemma=\"the|Korea|say\"]", TQ_BY_LEMMA, 1, NULL, 0},
};

typedef struct answer {
	FILE *f;
	tq_freq *freq;
	int nhits;
} answer;

static int on_hit(void *arg, const tq_hit *h)
{
	answer *a = arg;
	tq_kwic_opts o = {.words = 5};
	tq_line l;
	int rc = 0;
	fprintf(a->f, "%zu %u %u %u\n", h->segno, h->doc, h->start, h->end);
	/* the lines of every 4th hit (all of them make the test slow) */
	if (a->nhits % 4 == 0 && (rc = tq_line_make(h, &o, &l)) >= 0) {
		if ((rc = tq_kwic_print(a->f, &l, &o)) >= 0)
			rc = tq_tsv_print(a->f, &l, '\t');
		tq_line_clear(&l);
	}
	if (rc >= 0 && a->freq)
		rc = tq_freq_add(a->freq, h);
	a->nhits++;
	return rc < 0 ? rc : 0;
}

static int on_term(void *arg, const char *t, size_t len, uint64_t n)
{
	answer *a = arg;
	return tq_freq_add_key(a->freq, t, len, n);
}

/* The answer to query i as text in *out, or a negative code. Like
 * tagdex-query, damage met anywhere (td_index_damaged) fails the answer. */
static int run_query(td_index *ix, int i, char **out)
{
	tq_node *ast = NULL;
	tq_plan *plan = NULL;
	answer a = {0};
	size_t len = 0;
	char *buf = NULL;
	tq_filter flt = {
	        .from = queries[i].from, .pullquotes = queries[i].pullquotes};
	int rc = tq_parse(queries[i].q, strlen(queries[i].q), &ast);
	assert_int_equal(rc, 0);
	assert_int_equal(tq_plan_new(ast, &plan), 0);
	a.f = open_memstream(&buf, &len);
	assert_non_null(a.f);
	uint64_t n = 0;
	rc = tq_count(ix, plan, &flt, &n);
	fprintf(a.f, "count %llu ntokens %llu\n", (unsigned long long)n,
	        (unsigned long long)tq_ntokens(ix, &flt));
	if (rc >= 0 && queries[i].by >= 0)
		rc = tq_freq_new(queries[i].by, &a.freq);
	if (rc >= 0 && !queries[i].terms)
		rc = tq_exec(ix, plan, &flt, on_hit, &a);
	if (rc >= 0 && queries[i].terms)
		rc = tq_exec_terms(ix, plan, &flt, tq_freq_layer(a.freq),
		        on_term, on_hit, &a);
	if (rc >= 0 && a.freq)
		tq_freq_print(a.freq, a.f, tq_ntokens(ix, &flt), 0);
	if (rc >= 0)
		rc = td_index_damaged(ix);
	tq_freq_free(a.freq);
	fclose(a.f);
	tq_plan_free(plan);
	tq_node_free(ast);
	if (rc < 0) {
		free(buf);
		return rc;
	}
	*out = buf;
	return 0;
}

static char *pristine[NQ];
static char *segpath[2];
static uint8_t *segbytes[2];
static size_t seglen[2];

static void build_index(void)
{
	td_pipeline *p = NULL;
	char lex[4096], arts[4096];
	snprintf(lex, sizeof lex, "%s/corpus/lexicons", TD_SRCDIR);
	snprintf(arts, sizeof arts, "%s/corpus/articles", TD_SRCDIR);
	assert_int_equal(td_pipeline_new(lex, 0, &p), 0);
	/* the lemma and pos layers, as tagdex-ingest -x tags them */
	assert_int_equal(
	        td_words_share(td_annotator_tagger(p->annotator), &p->layers),
	        0);
	char *const in[] = {arts};
	char **files;
	size_t n;
	assert_int_equal(td_collect_inputs(in, 1, &files, &n), 0);
	assert_true(n >= 4);
	td_writer *w;
	for (int round = 0; round < 2; round++) {
		assert_int_equal(td_writer_open(dir, 0, &w), 0);
		for (size_t i = round ? n / 2 - 1 : 0; i < (round ? n : n / 2);
		        i++) {
			char *data;
			size_t len;
			td_doc *d;
			assert_int_equal(
			        td_read_file(files[i], &data, &len), 0);
			assert_int_equal(
			        td_pipeline_doc(p, files[i], data, len, &d), 0);
			/* the second round re-adds one: a deleted document */
			assert_int_equal(td_writer_add(w, d, files[i]), 0);
			td_doc_free(d);
			free(data);
		}
		assert_int_equal(td_writer_commit(w), 0);
		td_writer_close(w);
	}
	td_free_inputs(files, n);
	td_pipeline_free(p);
}

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/td-corrupt-XXXXXX");
	assert_non_null(mkdtemp(dir));
	build_index();
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	assert_int_equal(td_index_nsegs(ix), 2);
	for (size_t s = 0; s < 2; s++) {
		char p[4096];
		snprintf(p, sizeof p, "%s/%s", dir, td_index_seg_name(ix, s));
		segpath[s] = strdup(p);
		assert_int_equal(
		        td_read_file(p, (char **)&segbytes[s], &seglen[s]), 0);
	}
	for (int i = 0; i < NQ; i++) {
		assert_int_equal(run_query(ix, i, &pristine[i]), 0);
		/* every query finds something: a damaged answer could not
		 * hide in an empty one */
		if (!strncmp(pristine[i], "count 0 ", 8))
			fail_msg("query %s: %s", queries[i].q, pristine[i]);
	}
	td_index_close(ix);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (int i = 0; i < NQ; i++)
		free(pristine[i]);
	for (int s = 0; s < 2; s++) {
		unlink(segpath[s]);
		free(segpath[s]);
		free(segbytes[s]);
	}
	char p[4096];
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.') {
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			unlink(p);
		}
	if (d)
		closedir(d);
	rmdir(dir);
	return 0;
}

static uint64_t rng;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void put_file(const char *path, const uint8_t *b, size_t n)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_CREAT, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, b, n), (ssize_t)n);
	close(fd);
}

/* Regions: the header, each section, the checksum table. */
#define NREG (TD_NSEC + 2)

static void test_campaign(void **state)
{
	(void)state;
	const char *e = getenv("TAGDEX_CORRUPT_FLIPS");
	/* under valgrind (make check-valgrind) one flip per region */
	long flips = e && *e                 ? atol(e)
	             : getenv("TD_VALGRIND") ? NREG
	                                     : NREG * 6;
	e = getenv("TAGDEX_CORRUPT_SEED");
	rng = e && *e ? strtoull(e, NULL, 10) : 0x9e3779b97f4a7c15ull;
	if (!rng)
		rng = 1;
	long same = 0, refused = 0, nflips = 0, answers = 0;
	uint8_t *buf = malloc(seglen[0] > seglen[1] ? seglen[0] : seglen[1]);
	assert_non_null(buf);
	for (long t = 0; t < flips; t++) {
		int s = (int)(t / NREG % 2), reg = (int)(t % NREG);
		td_seghdr h;
		memcpy(&h, segbytes[s], sizeof h);
		uint64_t off, len;
		if (reg == 0) {
			off = 0, len = TD_SEG_HDR;
		} else if (reg == NREG - 1) {
			off = h.crc_off, len = seglen[s] - h.crc_off;
		} else {
			off = h.sec_off[reg - 1], len = h.sec_len[reg - 1];
		}
		if (!len)
			continue;
		uint64_t bit = next_rand() % (len * 8);
		memcpy(buf, segbytes[s], seglen[s]);
		buf[off + bit / 8] ^= (uint8_t)(1u << (bit % 8));
		put_file(segpath[s], buf, seglen[s]);
		nflips++;
		td_index *ix;
		int rc = td_index_open(dir, &ix);
		if (rc < 0) {
			assert_int_equal(rc, TD_ECORRUPT);
			assert_non_null(strstr(td_error_last(), segpath[s]));
			refused += NQ;
		} else {
			for (int i = 0; i < NQ; i++) {
				char *ans = NULL;
				rc = run_query(ix, i, &ans);
				answers++;
				if (rc < 0) {
					if (rc != TD_ECORRUPT ||
					        !strstr(td_error_last(),
					                segpath[s]))
						fail_msg("flip %ld (segment %d "
						         "region %d "
						         "bit %llu): query %s: "
						         "code %d: %s",
						        t, s, reg,
						        (unsigned long long)bit,
						        queries[i].q, rc,
						        td_error_last());
					refused++;
					continue;
				}
				if (strcmp(ans, pristine[i]))
					fail_msg(
					        "flip %ld (segment %d region "
					        "%d bit "
					        "%llu): query %s: wrong answer",
					        t, s, reg,
					        (unsigned long long)bit,
					        queries[i].q);
				same++;
				free(ans);
			}
			td_index_close(ix);
		}
		put_file(segpath[s], segbytes[s], seglen[s]);
	}
	free(buf);
	fprintf(stderr,
	        "corruption campaign: %ld flips x %d queries: %ld "
	        "answers as undamaged, %ld refused (TD_ECORRUPT), 0 wrong, 0 "
	        "crashes\n",
	        nflips, NQ, same, refused);
	(void)answers;
	/* the damage must not go unnoticed by --check either */
	assert_int_equal(td_index_check(dir), 0);
}

/* Absent and damaged are different answers of the lookups: a term or an
 * element name that is not there is TD_ENOTFOUND; a lookup whose binary
 * search reads a damaged block of the lexicon or of the element names is
 * TD_ECORRUPT, with the segment marked damaged (issue 19). */
static void test_find_absent_vs_corrupt(void **state)
{
	(void)state;
	td_index *ix;
	assert_int_equal(td_index_open(dir, &ix), 0);
	td_seg *sg = td_index_seg(ix, 0);
	size_t len;
	const char *t = td_seg_lex_term(sg, TD_LAYER_WORD, 0, &len);
	assert_non_null(t);
	char *first = strndup(t, len);
	assert_non_null(first);
	assert_int_equal(td_seg_lex_find(sg, TD_LAYER_WORD, first, len), 0);
	assert_int_equal(td_seg_lex_find(sg, TD_LAYER_WORD, "zz-absent", 9),
	        TD_ENOTFOUND);
	assert_int_equal(td_seg_span_find(sg, "s") >= 0, 1);
	assert_int_equal(td_seg_span_find(sg, "no-such-element"), TD_ENOTFOUND);
	td_index_close(ix);

	/* one flipped bit in the first block of the word lexicon's strings,
	 * then in the first element name (which the search for "" reads
	 * whatever the layout of the sections) */
	for (int r = 0; r < 2; r++) {
		td_seghdr h;
		memcpy(&h, segbytes[0], sizeof h);
		int sec = r == 0 ? td_sec_lstr(TD_LAYER_WORD) : TD_SEC_SPSTR;
		uint64_t at = h.sec_off[sec];
		if (r == 1) {
			td_segspname n0;
			memcpy(&n0, segbytes[0] + h.sec_off[TD_SEC_SPNAMES],
			        sizeof n0);
			at += n0.str_off;
		}
		uint8_t *buf = malloc(seglen[0]);
		assert_non_null(buf);
		memcpy(buf, segbytes[0], seglen[0]);
		buf[at] ^= 0x20;
		put_file(segpath[0], buf, seglen[0]);
		free(buf);
		assert_int_equal(td_index_open(dir, &ix), 0);
		sg = td_index_seg(ix, 0);
		if (r == 0)
			assert_int_equal(
			        td_seg_lex_find(sg, TD_LAYER_WORD, first, len),
			        TD_ECORRUPT);
		else
			assert_int_equal(td_seg_span_find(sg, ""), TD_ECORRUPT);
		assert_true(td_seg_damaged(sg) < 0);
		assert_non_null(strstr(td_error_last(), segpath[0]));
		td_index_close(ix);
		put_file(segpath[0], segbytes[0], seglen[0]);
	}
	free(first);
}

static void count_warning(void *arg, const char *msg)
{
	(void)msg;
	(*(int *)arg)++;
}

/* "Did you mean" tells an element the index lacks from one it cannot read:
 * over an undamaged index a query for an element no segment has gets one
 * warning ("no element <nosuch> in this index"); with the element names of
 * a segment damaged, tq_suggest gives TD_ECORRUPT and no warning (before,
 * the damaged look-up counted as absent and the warning came before the
 * error of the query). */
static void test_suggest_absent_vs_corrupt(void **state)
{
	(void)state;
	tq_node *ast;
	tq_plan *plan;
	tq_filter f = {0};
	const char *q = "<nosuch/>";
	assert_int_equal(tq_parse(q, strlen(q), &ast), 0);
	assert_int_equal(tq_plan_new(ast, &plan), 0);
	for (int damaged = 0; damaged < 2; damaged++) {
		td_seghdr h;
		memcpy(&h, segbytes[0], sizeof h);
		uint8_t *buf = malloc(seglen[0]);
		assert_non_null(buf);
		memcpy(buf, segbytes[0], seglen[0]);
		if (damaged) {
			/* the first element name's string, which every
			 * search of the names reads (one checksum block) */
			td_segspname n0;
			memcpy(&n0, segbytes[0] + h.sec_off[TD_SEC_SPNAMES],
			        sizeof n0);
			buf[h.sec_off[TD_SEC_SPSTR] + n0.str_off] ^= 0x20;
		}
		put_file(segpath[0], buf, seglen[0]);
		free(buf);
		td_index *ix;
		assert_int_equal(td_index_open(dir, &ix), 0);
		int warnings = 0;
		int rc =
		        tq_suggest(ix, ast, plan, &f, count_warning, &warnings);
		assert_int_equal(rc, damaged ? TD_ECORRUPT : 0);
		assert_int_equal(warnings, damaged ? 0 : 1);
		td_index_close(ix);
		put_file(segpath[0], segbytes[0], seglen[0]);
	}
	tq_plan_free(plan);
	tq_node_free(ast);
}

/* A lexicon block (format 17) whose directory offset, widths or bases
 * are damaged under good checksums: reading its terms, frequencies or
 * postings is TD_ECORRUPT with the segment marked, never a read outside
 * the section (ASan, valgrind) nor a term of another block. */
static void test_lex_block_damage(void **state)
{
	(void)state;
	td_seghdr h;
	memcpy(&h, segbytes[0], sizeof h);
	int sec = td_sec_lex(TD_LAYER_WORD);
	uint32_t n = h.lexsize[TD_LAYER_WORD];
	uint64_t nb = (n + TD_LEX_BLOCK - 1) / TD_LEX_BLOCK;
	assert_true(nb >= 2);
	uint64_t lex = h.sec_off[sec], dofs = lex + h.sec_len[sec] - nb * 8;
	uint32_t last = n - 1;
	char path[128];
	snprintf(path, sizeof path, "%s.lex.tdx", dir);
	for (int k = 0; k < 5; k++) {
		uint8_t *b = malloc(seglen[0]);
		assert_non_null(b);
		memcpy(b, segbytes[0], seglen[0]);
		uint64_t off0, offl;
		memcpy(&off0, b + dofs, 8);
		memcpy(&offl, b + dofs + (nb - 1) * 8, 8);
		td_seglexblk *b0 = (td_seglexblk *)(b + lex + off0),
		             *bl = (td_seglexblk *)(b + lex + offl);
		uint32_t id = 0;
		if (k == 0) { /* the last block's offset past the section */
			uint64_t o = h.sec_len[sec];
			memcpy(b + dofs + (nb - 1) * 8, &o, 8);
			id = last;
		} else if (k == 1) { /* a width over 32 bits */
			b0->w[1] = 33;
		} else if (k == 2) { /* fields running into the directory */
			memset(bl->w, 32, sizeof bl->w);
			id = last;
		} else if (k == 3) { /* a base past 32 bits with its value */
			b0->str_base = UINT32_MAX;
			id = 1;
		} else {
			/* block 1 at block 0's offset: term 63's string
			 * would end where term 0's begins */
			memcpy(b + dofs + 8, &off0, 8);
			id = TD_LEX_BLOCK - 1;
		}
		td_test_reseal(b);
		put_file(path, b, seglen[0]);
		free(b);
		td_seg *sg;
		assert_int_equal(td_seg_open(path, &sg), 0);
		size_t len;
		assert_null(td_seg_lex_term(sg, TD_LAYER_WORD, id, &len));
		if (k < 4) {
			assert_int_equal(
			        td_seg_lex_freq(sg, TD_LAYER_WORD, id), 0);
			td_postings *q = NULL;
			assert_int_equal(
			        td_postings_open(sg, TD_LAYER_WORD, id, &q),
			        TD_ECORRUPT);
			assert_null(q);
		}
		assert_true(td_seg_damaged(sg) < 0);
		assert_non_null(strstr(td_error_last(), path));
		td_seg_close(sg);
	}
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_campaign),
	        cmocka_unit_test(test_find_absent_vs_corrupt),
	        cmocka_unit_test(test_suggest_absent_vs_corrupt),
	        cmocka_unit_test(test_lex_block_damage),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
