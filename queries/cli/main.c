/* main.c: tagdex-query, the command line over the query library: options,
 * shorthands (--actor, --who, --hedge, --within) turned into query nodes,
 * and the choice of output (KWIC, --count, --freq, TSV, JSON Lines).
 * Exit status: the shared table of indexer/programs/exit_status.h: 0 hits,
 * 1 no hits, 2 usage, syntax or limit error, 3 an input file, 4 the index
 * (missing, damaged, locked, another version), 5 output or memory, 128+N a
 * signal.
 */
#include "config.h"
#include "exit_status.h"
#include "batch.h"
#include "indexes.h"
#include "sigbus.h"
#include "ast.h"
#include "exec.h"
#include "filter.h"
#include "freq.h"
#include "hits.h"
#include "kwic.h"
#include "plan.h"
#include "render.h"
#include "subcorpus.h"
#include "suggest.h"
#include "table.h"
#include "request.h"
#include "sort.h"
#include "info_cli.h"
#include "stats_cli.h"
#include "messages.h"
#include "progopts.h"
#include "vec.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const char usage_text[] =
        "Usage: tagdex-query [-x INDEX] [OPTIONS] QUERY\n"
        "Searches a tagdex index with a CQL query and prints a concordance.\n"
        "\n"
        "  -x, --index DIR     the index (default $TAGDEX_INDEX or "
        "./.tagdex);\n"
        "                      several -x search several as one\n"
        "  -X, --index-list FILE  the indexes named in FILE, one a line\n"
        "  -f, --file FILE     the queries of FILE (- for standard input),\n"
        "                      one a line, each answer labelled\n"
        "      --count         print the number of hits only\n"
        "      --freq BY[,BY..] frequency table; several keys (also leftN,\n"
        "                      rightN, ELEM@ATTR, genre, title, target\n"
        "                      for the token marked @) make an\n"
        "                      n-way table with docs per row\n"
        "      --freq BY       frequency table by match, norm, lemma, pos,\n"
        "                      actor, who, hedge, doc, year or month: count,\n"
        "                      per million of the group's tokens, value,\n"
        "                      tokens (--dispersion: also docs, Juilland's\n"
        "                      D and Gries' DP over the documents)\n"
        "      --collocates    collocations of the hits (--window L,R|s, "
        "--by,\n"
        "                      --measure, --min-freq, --min-coll)\n"
        "      --keywords      keywords of --focus QUERY against --reference\n"
        "                      QUERY or the rest (--alpha, --bonferroni)\n"
        "      --ngrams N      N-grams (2-6) of the corpus, or holding the "
        "hits\n"
        "      --format FMT    text (default), tsv, csv or json (JSON Lines)\n"
        "      --info          the index: documents, tokens, elements and\n"
        "                      their attributes with counts (no query)\n"
        "      --values E@A    the values of attribute A of element E, with\n"
        "                      counts;  --actors  actors and their names\n"
        "      --docs          each document: id, metadata, tokens (no\n"
        "                      query; several -x: their union)\n"
        "      --tokens        with json: each token of the match with its\n"
        "                      word, norm, lemma and pos\n"
        "      --context N|s   N words of context (default 5) or the sentence\n"
        "                      (else the paragraph, speech, ...); also Ns (N\n"
        "                      sentences), an element (p, u, sp, l, 2p) and\n"
        "                      LEFT,RIGHT (10,s)\n"
        "      --show E@A[,E@A..]  each hit with attribute A of the\n"
        "                      innermost element E around it (pb@n: the\n"
        "                      page), as a column (tsv, csv), in \"show\"\n"
        "                      (json), before the context (text)\n"
        "      --width N       text: fit lines in N columns (default: the\n"
        "                      terminal's; 0: no limit)\n"
        "      --sort KEY[,KEY..]  sort by match, norm, lemma, pos, left,\n"
        "                      right, leftN, rightN, ELEM@ATTR, doc, date,\n"
        "                      year, month, genre, title, field:NAME; -KEY\n"
        "                      descends; ties keep the corpus order\n"
        "      --collation C   how --sort compares: primary (default:\n"
        "                      Unicode, case and accents ignored),\n"
        "                      secondary (accents count), tertiary (case\n"
        "                      too) or bytes (code points)\n"
        "      --limit N       at most N hits;  --offset N  skip N hits first\n"
        "      --sample N      a random sample of N hits (with --seed S)\n"
        "      --from DATE     documents published on or after DATE\n"
        "      --to DATE       documents published on or before DATE\n"
        "                      (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)\n"
        "      --genre G       documents of genre G;  --doc ID  one document\n"
        "      --actor A       inside mentions of actor A: a key, else a\n"
        "                      name or alias (--actors), else a regex\n"
        "                      over the keys\n"
        "      --who A         A's quotes and reported speech (alone), or\n"
        "                      the hits inside them (A as for --actor)\n"
        "      --hedge[=SUB]   inside hedge cues (of subtype SUB)\n"
        "      --within ELEM   inside elements ELEM\n"
        "      --save NAME     store the spans of the hits in the index\n"
        "                      as NAME (--save-docs NAME: their\n"
        "                      documents) and print their number\n"
        "      --in NAME       only hits inside what NAME holds (also for\n"
        "                      --collocates, --keywords, --ngrams)\n"
        "      --subcorpora    list the saved names;  --drop NAME  drop one\n"
        "      --pullquotes    keep text that is not the article (pull\n"
        "                      quotes, layout markers)\n"
        "      --match-strategy S  standard (default, as CQP's), shortest\n"
        "                      or longest: which matches are hits\n"
        "      --hard-boundary N  the most tokens an open repetition\n"
        "                      (*, +, {n,}) covers (default 100)\n"
        "      --color[=WHEN]  highlight matches: auto (default), always, "
        "never\n"
        "  -h, --help          this help;  --version  the version\n"
        "\n"
        "Example: tagdex-query '<seg type=\"hedge\"/> within <s "
        "ana=\"prediction\"/>'\n"
        "See tagdex-query(1) for the query language.\n";

/* -x and -X: static, so that an early exit leaves it reachable */
static tq_indexes indexes;

typedef struct opts {
	int count;
	int freq_by;
	int format;
	int tokens;     /* --tokens: per-token layers in JSON Lines */
	int dispersion; /* --dispersion: docs, Juilland's D, DP per row */
	tq_kwic_opts kwic;
	const char *sort; /* --sort KEY,...: sort.c */
	int collation;    /* --collation: TQ_COLL_* */
	int collation_set;
	tq_sort *sorter;
	long limit, offset, sample;
	unsigned long seed;
	tq_filter filter;
	tq_request rq;     /* the query and the shorthand filters */
	int strategy;      /* --match-strategy: TQ_MATCH_* */
	const char *table; /* --freq KEY,KEY,...: an n-way table (table.c) */
	long bound;        /* --hard-boundary, 0: the parser's default */
	FILE *out; /* the answer's output: stdout, or batch.c's labeller */
	const char *batch; /* -f FILE: queries one a line */
	int looked;        /* --actor, --who resolved already (a batch, once) */
	const char *save;  /* --save NAME, --save-docs NAME */
	int save_docs;
	const char *in;   /* --in NAME */
	const char *drop; /* --drop NAME */
	int list_subs;    /* --subcorpora */
} opts;

/* "line N: " before a batch's messages about one query, else "" */
static char where[40];

static int number(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0)
		return -1;
	*out = v;
	return 0;
}

/* Prints a query error with a caret under its offset. */
static void query_error(const char *q, int code)
{
	long off = td_error_offset();
	const char *what =
	        code == TD_ELIMIT ? "limit exceeded" : "syntax error";
	if (off < 0) {
		fprintf(stderr, "tagdex-query: %s%s: %s\n", where, what,
		        td_error_last());
		return;
	}
	fprintf(stderr, "tagdex-query: %s%s at offset %ld: %s\n", where, what,
	        off, td_error_last());
	/* the query on one line (white space shown as spaces), caret below;
	 * columns count code points so UTF-8 queries line up */
	size_t len = strlen(q), col = 0;
	if ((size_t)off > len)
		off = (long)len;
	fputs("  ", stderr);
	for (size_t i = 0; i < len; i++) {
		char c = q[i];
		fputc(c == '\n' || c == '\t' || c == '\r' ? ' ' : c, stderr);
		if (i < (size_t)off && ((unsigned char)c & 0xc0) != 0x80)
			col++;
	}
	fputs("\n  ", stderr);
	for (size_t i = 0; i < col; i++)
		fputc(' ', stderr);
	fputs("^\n", stderr);
}

static int exit_for(int code)
{
	switch (code) {
	case TD_ESYNTAX:
	case TD_ELIMIT:
	case TD_EUSAGE:
		return TD_EXIT_USAGE;
	case TD_ENOMEM:
		return TD_EXIT_SYSTEM;
	case TD_EIO: /* the renderers' write error, or reading the index */
		return ferror(stdout) ? TD_EXIT_SYSTEM : TD_EXIT_INDEX;
	default:
		return TD_EXIT_INDEX;
	}
}

/* ------------------------------------------------------------ output */

typedef struct run {
	const opts *o;
	long seen; /* hits passed to the callback */
	long printed;
	tq_hit *hits; /* collected when sorting or sampling */
	size_t n, cap;
	tq_freq *freq;
	tq_table *table; /* --freq with several keys or new ones */
	tq_linedoc ld;   /* the printed hits' document, read once a run */
	int err;
} run;

static int print_line(const opts *o, const tq_line *l)
{
	if (o->format == TQ_OUT_JSON)
		return tq_json_print_tokens(o->out, l, o->tokens);
	if (o->format == TQ_OUT_TSV || o->format == TQ_OUT_CSV)
		return tq_tsv_print(
		        o->out, l, o->format == TQ_OUT_CSV ? ',' : '\t');
	return tq_kwic_print(o->out, l, &o->kwic);
}

static int print_hit(run *r, const tq_hit *h)
{
	tq_line l;
	int rc = tq_line_make_in(&r->ld, h, &r->o->kwic, &l);
	if (rc < 0)
		return rc;
	rc = print_line(r->o, &l);
	tq_line_clear(&l);
	return rc;
}

static int on_hit(void *arg, const tq_hit *h)
{
	run *r = arg;
	if (r->freq)
		return tq_freq_add(r->freq, h);
	if (r->table)
		return tq_table_add(r->table, h);
	if (r->o->sort || r->o->sample >= 0 || r->o->save) {
		if (TD_VEC_RESERVE(r->hits, r->n, r->cap, 256))
			return td_error(TD_ENOMEM, "out of memory");
		r->hits[r->n++] = *h;
		return 0;
	}
	if (r->seen++ < r->o->offset)
		return 0;
	if (r->o->limit >= 0 && r->printed >= r->o->limit)
		return 1; /* --limit 0: no line; the status still says hits */
	int rc = print_hit(r, h);
	if (rc < 0)
		return rc;
	r->printed++;
	return r->o->limit >= 0 && r->printed >= r->o->limit;
}

static int on_term(void *arg, const char *term, size_t len, uint64_t n)
{
	run *r = arg;
	return tq_freq_add_key(r->freq, term, len, n);
}

/* lines of sorted or sampled hits made at once: at most ~16 MB of text */
#define LINE_BATCH 65536

static uint64_t rng(uint64_t *s)
{
	/* splitmix64: deterministic for a given --seed */
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static int finish_collected(run *r)
{
	const opts *o = r->o;
	int rc = 0;
	if (o->sample >= 0 && (size_t)o->sample < r->n) {
		/* a partial Fisher-Yates over the hits in document order, so
		 * that a seed picks the same hits whatever the segments */
		uint64_t st = o->seed;
		if ((rc = tq_hits_by_place(r->hits, r->n)) < 0)
			return rc;
		for (size_t i = 0; i < (size_t)o->sample; i++) {
			size_t j = i + (size_t)(rng(&st) % (r->n - i));
			tq_hit t = r->hits[i];
			r->hits[i] = r->hits[j];
			r->hits[j] = t;
		}
		r->n = (size_t)o->sample;
		if ((rc = tq_hits_by_place(r->hits, r->n)) < 0)
			return rc;
	}
	if (rc == 0 && o->sort)
		rc = tq_hits_sort(r->hits, r->n, &o->kwic, o->sorter);
	/* the lines to print, made a batch at a time in document order
	 * (tq_lines_make), printed in the order of the hits */
	size_t from = (size_t)o->offset, to = r->n;
	if (o->limit >= 0 && from < to && to - from > (size_t)o->limit)
		to = from + (size_t)o->limit;
	tq_line *lines = NULL;
	if (from < to &&
	        !(lines = malloc(
	                  (to - from < LINE_BATCH ? to - from : LINE_BATCH) *
	                  sizeof *lines)))
		return td_error(TD_ENOMEM, "out of memory");
	for (size_t b = from; rc == 0 && b < to; b += LINE_BATCH) {
		size_t m = to - b < LINE_BATCH ? to - b : LINE_BATCH;
		if ((rc = tq_lines_make(&r->hits[b], m, &o->kwic, lines)) < 0)
			break;
		for (size_t i = 0; i < m; i++) {
			if (rc == 0 && (rc = print_line(o, &lines[i])) == 0)
				r->printed++;
			tq_line_clear(&lines[i]);
		}
	}
	free(lines);
	return rc;
}

/* ------------------------------------------------------------- main */

/* a note about one query (a batch: with its line) */
static void note(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "tagdex-query: %s%s\n", where, msg);
}

/* --actor and --who by name (tq_request_lookup), then the query built
 * again around the keys they name */
static int lookup(opts *o, td_index *ix, tq_node **ast, tq_plan **plan)
{
	int rc = tq_request_lookup(&o->rq, ix, note, NULL);
	if (rc < 0)
		return rc;
	tq_plan_free(*plan);
	*plan = NULL;
	tq_node_free(*ast);
	*ast = NULL;
	if ((rc = tq_request_build(&o->rq, ast)) == 0 && o->bound)
		tq_node_set_bound(*ast, o->bound);
	if (rc == 0 && (rc = tq_plan_new(*ast, plan)) == 0)
		tq_plan_set_strategy(*plan, o->strategy);
	return rc;
}

/* tq_suggest's warnings, less those lookup() has given already */
static void warn_once(void *arg, const char *msg)
{
	if (!tq_request_reported(arg, msg))
		fprintf(stderr, "tagdex-query: %swarning: %s\n", where, msg);
}

enum {
	O_COUNT = 256,
	O_FREQ,
	O_FORMAT,
	O_CONTEXT,
	O_WIDTH,
	O_SORT,
	O_LIMIT,
	O_OFFSET,
	O_SAMPLE,
	O_SEED,
	O_COLLATION,
	O_FILTER, /* TQ_RQ_N values: request.h's filter options */
	O_PULL = O_FILTER + TQ_RQ_N,
	O_STRATEGY,
	O_BOUND,
	O_TOKENS,
	O_DISP,
	O_COLOR,
	O_VERSION,
	O_SAVE,
	O_SAVE_DOCS,
	O_IN,
	O_DROP,
	O_SUBS,
	O_SHOW
};

static const struct option longopts[] = {
        TQ_INDEX_LONGOPTS,
        {"file", required_argument, NULL, 'f'},
        {"count", no_argument, NULL, O_COUNT},
        {"freq", required_argument, NULL, O_FREQ},
        {"format", required_argument, NULL, O_FORMAT},
        {"context", required_argument, NULL, O_CONTEXT},
        {"width", required_argument, NULL, O_WIDTH},
        {"sort", required_argument, NULL, O_SORT},
        {"limit", required_argument, NULL, O_LIMIT},
        {"offset", required_argument, NULL, O_OFFSET},
        {"sample", required_argument, NULL, O_SAMPLE},
        {"seed", required_argument, NULL, O_SEED},
        {"collation", required_argument, NULL, O_COLLATION},
        TQ_REQUEST_LONGOPTS(O_FILTER),
        {"pullquotes", no_argument, NULL, O_PULL},
        {"match-strategy", required_argument, NULL, O_STRATEGY},
        {"hard-boundary", required_argument, NULL, O_BOUND},
        {"tokens", no_argument, NULL, O_TOKENS},
        {"dispersion", no_argument, NULL, O_DISP},
        {"color", optional_argument, NULL, O_COLOR},
        {"colour", optional_argument, NULL, O_COLOR},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, O_VERSION},
        {"save", required_argument, NULL, O_SAVE},
        {"save-docs", required_argument, NULL, O_SAVE_DOCS},
        {"in", required_argument, NULL, O_IN},
        {"drop", required_argument, NULL, O_DROP},
        {"subcorpora", no_argument, NULL, O_SUBS},
        {"show", required_argument, NULL, O_SHOW},
        {NULL, 0, NULL, 0},
};

static int parse_opts(int argc, char **argv, opts *o)
{
	int c, color = -1;
	long width = -1;
	long v;
	memset(o, 0, sizeof *o);
	o->freq_by = -1;
	o->kwic.words = 5;
	o->limit = -1;
	o->sample = -1;
	o->seed = 1;
	o->out = stdout;
	tq_index_opts_init(&indexes);
	/* the options that take one value may be given once */
	tq_optscan sc = {"tagdex-query", "x:X:f:h", longopts, O_COUNT + 1,
	        O_PULL, 0, &indexes, 0};
	while ((c = tq_opt_next(&sc, argc, argv)) != -1) {
		switch (c) {
		case 'f':
			if (o->batch)
				return usage_error("%s", "-f given twice");
			o->batch = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return -1;
		case O_VERSION:
			printf("tagdex-query %s\n", td_version());
			return -1;
		case O_COUNT:
			o->count = 1;
			break;
		case O_FREQ:
			o->table = NULL;
			if ((o->freq_by = tq_freq_by(optarg)) < 0) {
				/* several keys, or keys of table.c */
				tq_table *t = NULL;
				if (tq_table_new(optarg, &t) < 0)
					return usage_error(
					        "%s", td_error_last());
				tq_table_free(t);
				o->table = optarg;
				o->freq_by = TQ_BY_MATCH; /* a --freq */
			}
			break;
		case O_FORMAT:
			if (format_option(optarg, &o->format) != 0)
				return TD_EXIT_USAGE;
			break;
		case O_CONTEXT:
			o->kwic.sides = 0;
			if (!strcmp(optarg, "s"))
				o->kwic.sentence = 1;
			else if (number(optarg, &v) == 0 && v <= 1000)
				o->kwic.words = (unsigned)v;
			else if (tq_context_parse(optarg, &o->kwic) < 0)
				return usage_error("%s", td_error_last());
			break;
		case O_WIDTH:
			if (number(optarg, &v) < 0 || v > 10000)
				return usage_error("--width: expected a number "
				                   "of columns (0-10000), not "
				                   "'%s'",
				        optarg);
			width = (long)v;
			break;
		case O_SORT:
			o->sort = optarg;
			break;
		case O_COLLATION:
			o->collation_set = 1;
			if ((o->collation = tq_collation(optarg)) < 0)
				return usage_error(
				        "--collation: expected primary, "
				        "secondary, "
				        "tertiary or bytes, not '%s'",
				        optarg);
			break;
		case O_LIMIT:
		case O_OFFSET:
		case O_SAMPLE:
			if (number(optarg, &v) < 0)
				return usage_error(
				        "expected a number, not '%s'", optarg);
			*(c == O_LIMIT          ? &o->limit
			        : c == O_OFFSET ? &o->offset
			                        : &o->sample) = v;
			break;
		case O_STRATEGY:
			if ((o->strategy = tq_match_strategy(optarg)) < 0)
				return usage_error(
				        "--match-strategy: expected standard, "
				        "shortest or longest, not '%s'",
				        optarg);
			break;
		case O_BOUND:
			if (number(optarg, &v) < 0 || v < 1 ||
			        v > TQ_MAX_BOUNDARY)
				return usage_error(
				        "--hard-boundary: expected a number of "
				        "tokens from 1 to 10000, not '%s'",
				        optarg);
			o->bound = v;
			break;
		case O_SEED:
			if (number(optarg, &v) < 0)
				return usage_error(
				        "--seed: expected a number, not "
				        "'%s'",
				        optarg);
			o->seed = (unsigned long)v;
			break;
		case O_PULL:
			o->filter.pullquotes = 1;
			o->kwic.pullquotes = 1;
			break;
		case O_TOKENS:
			o->tokens = 1;
			break;
		case O_SAVE:
		case O_SAVE_DOCS:
		case O_IN:
		case O_DROP:
			if (!tq_sub_name_ok(optarg))
				return usage_error(
				        "'%s' is no name for a "
				        "subcorpus (letters, digits, "
				        "'_', '-', '.', at most 64, "
				        "not starting with '.' or '-')",
				        optarg);
			if ((c == O_IN            ? o->in
			            : c == O_DROP ? o->drop
			                          : o->save))
				return usage_error("%s", "--save, --in and "
				                         "--drop take one name "
				                         "each");
			if (c == O_IN)
				o->in = optarg;
			else if (c == O_DROP)
				o->drop = optarg;
			else
				o->save = optarg;
			o->save_docs = c == O_SAVE_DOCS;
			break;
		case O_SUBS:
			o->list_subs = 1;
			break;
		case O_SHOW: /* repeatable: each adds to the list */
			if (tq_show_parse(optarg, &o->kwic) < 0)
				return usage_error("%s", td_error_last());
			break;
		case O_DISP:
			o->dispersion = 1;
			break;
		case O_COLOR:
			if (!optarg || !strcmp(optarg, "auto"))
				color = -1;
			else if (!strcmp(optarg, "always"))
				color = 1;
			else if (!strcmp(optarg, "never"))
				color = 0;
			else
				return usage_error(
				        "--color: expected auto, always "
				        "or never, not '%s'",
				        optarg);
			break;
		default:
			if (c >= O_FILTER && c < O_FILTER + TQ_RQ_N) {
				if (tq_request_option(&o->rq, &o->filter,
				            c - O_FILTER, optarg) < 0)
					return usage_error(
					        "%s", td_error_last());
				break;
			}
			fprintf(stderr, "Try 'tagdex-query --help'.\n");
			return TD_EXIT_USAGE;
		}
	}
	if (sc.status)
		return sc.status;
	if (optind < argc && o->batch)
		return usage_error("-f reads the queries from %s; give no "
		                   "query argument",
		        o->batch);
	if ((c = query_operand(argc, argv, &o->rq.query)) != 0)
		return c;
	if (o->drop || o->list_subs) {
		if (o->rq.query || o->rq.actor || o->rq.who ||
		        o->rq.hedge_set || o->batch || o->save || o->in ||
		        (o->drop && o->list_subs))
			return usage_error("%s", "--drop NAME and --subcorpora "
			                         "take no query and no other "
			                         "subcorpus option");
		return 0;
	}
	if (o->save &&
	        (o->count || o->freq_by >= 0 || o->sort || o->sample >= 0 ||
	                o->limit >= 0 || o->offset > 0 || o->batch))
		return usage_error("%s", "--save stores every hit and prints "
		                         "their number: not with --count, "
		                         "--freq, --sort, --sample, --limit, "
		                         "--offset or -f");
	if ((o->save || o->in || o->drop || o->list_subs) && indexes.n != 1)
		return usage_error("%s", "subcorpora are saved in one index: "
		                         "give one -x");
	if (o->batch)
		o->rq.query = ""; /* each line's, checked as one is */
	if (!o->rq.query && !o->rq.actor && !o->rq.who && !o->rq.hedge_set &&
	        !o->rq.within)
		return usage_error("%s", "no query given");
	if (!o->rq.query && !o->rq.actor && !o->rq.who && !o->rq.hedge_set)
		return usage_error("%s", "--within needs a query to restrict");
	if (o->tokens &&
	        (o->format != TQ_OUT_JSON || o->count || o->freq_by >= 0))
		return usage_error("%s", "--tokens adds the match's tokens to "
		                         "hits in --format json");
	if (o->dispersion && o->table)
		return usage_error("%s",
		        "--dispersion works with one --freq "
		        "key of match, norm, lemma, pos, actor, "
		        "who, hedge, doc, year or month");
	if (o->kwic.nshow && (o->count || o->freq_by >= 0 || o->save))
		return usage_error("--show adds an attribute to each hit; it "
		                   "does not apply to %s",
		        o->count  ? "--count"
		        : o->save ? "--save"
		                  : "--freq");
	if (o->dispersion && o->freq_by < 0)
		return usage_error("%s", "--dispersion adds columns to --freq");
	if (o->count && o->freq_by >= 0)
		return usage_error(
		        "%s", "--count and --freq exclude each other");
	if (o->collation_set && !o->sort)
		return usage_error("%s",
		        "--collation says how --sort compares; "
		        "give --sort too");
	if ((o->count || o->freq_by >= 0) && o->sort)
		return usage_error(
		        "--sort orders hits; it does not apply to %s",
		        o->count ? "--count" : "--freq");
	if ((o->count || o->freq_by >= 0) && o->sample >= 0)
		return usage_error("--sample picks hits to print; it does not "
		                   "apply to %s",
		        o->count ? "--count" : "--freq");
	if ((o->count || o->freq_by >= 0) && (o->limit >= 0 || o->offset > 0))
		return usage_error("--limit and --offset apply to hits, not to "
		                   "%s",
		        o->count ? "--count" : "--freq");
	if (tq_dates_reversed(&o->filter))
		return usage_error("--from %s is after --to", o->filter.from);
	/* last: nothing after it returns early, leaving it allocated */
	if (o->sort && tq_sort_new(o->sort, o->collation, &o->sorter) < 0)
		return usage_error("--sort: %s", td_error_last());
	o->kwic.color =
	        color < 0 ? isatty(1) && o->format == TQ_OUT_TEXT : color;
	if (width < 0 && isatty(1) && o->format == TQ_OUT_TEXT) {
		struct winsize ws; /* a terminal: fit its width */
		if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
			width = ws.ws_col;
	}
	o->kwic.width = width > 0 ? (unsigned)width : 0;
	/* --who alone: KEY's passages, a quote inside KEY's reported speech
	 * being part of it, not a second hit */
	o->filter.outermost = tq_request_outermost(&o->rq);
	if (o->batch)
		o->rq.query = NULL;
	return 0;
}

/* The exit status of a frequency table of rows rows (tq_freq_print,
 * tq_table_print), or its error (rows < 0) into *rc. */
static int rows_status(long rows, int *rc)
{
	if (rows < 0)
		*rc = (int)rows;
	return rows > 0 ? TD_EXIT_OK : TD_EXIT_NONE;
}

/* Answers one query with the options o (a copy: the lookups rewrite its
 * request), opening the index into *ixp the first time. The exit status. */
static int answer(td_index **ixp, const opts *given)
{
	opts o = *given;
	int rc;
	if (!o.looked) { /* lookup() resolves into this copy's own */
		o.rq.own[0] = o.rq.own[1] = NULL;
		o.rq.unknown = 0;
	}
	tq_node *ast = NULL;
	tq_plan *plan = NULL;
	tq_sub *sub = NULL;
	td_index *ix = *ixp;
	run r = {0};
	r.o = &o;
	int status = TD_EXIT_OK;
	if ((rc = tq_request_build(&o.rq, &ast)) == 0 && o.bound)
		tq_node_set_bound(ast, o.bound);
	if (rc < 0 || (rc = tq_plan_new(ast, &plan)) < 0) {
		query_error(o.rq.query ? o.rq.query : "", rc);
		status = TD_EXIT_USAGE;
		goto out;
	}
	tq_plan_set_strategy(plan, o.strategy);
	if (getenv("TAGDEX_CRC_SOFT"))
		td_index_crc_soft();
	char ixname[64];
	const char *ixn = tq_indexes_name(&indexes, ixname, sizeof ixname);
	if (!ix && (status = tq_index_opts_open(&indexes, "tagdex-query", ixp)))
		goto out;
	ix = *ixp;
	if (o.in) { /* --in NAME: the filter reads the saved spans */
		if ((rc = tq_sub_load(indexes.dirs[0], o.in, ix, &sub)) < 0) {
			fprintf(stderr, "tagdex-query: %s%s\n", where,
			        td_error_last());
			status = exit_for(rc);
			goto out;
		}
		o.filter.in = sub;
	}
	if ((o.rq.actor || o.rq.who) && !o.looked &&
	        (rc = lookup(&o, ix, &ast, &plan)) < 0) {
		fprintf(stderr, "tagdex-query: %s%s\n", where, td_error_last());
		status = exit_for(rc);
		goto out;
	}
	/* a typo in a name is a warning, not a silent 0 */
	if ((rc = tq_suggest(ix, ast, plan, &o.filter, warn_once, &o.rq)) < 0) {
		fprintf(stderr, "tagdex-query: %s: %s\n", ixn, td_error_last());
		status = TD_EXIT_INDEX;
		goto out;
	}
	if (tq_context_check(ix, &o.kwic) < 0 || /* --context nosuch */
	        tq_show_check(ix, &o.kwic) < 0) {
		fprintf(stderr, "tagdex-query: %s\n", td_error_last());
		status = TD_EXIT_USAGE;
		goto out;
	}
	if (o.count) {
		uint64_t n = 0;
		rc = tq_count(ix, plan, &o.filter, &n);
		if (rc == 0) {
			if (o.batch && o.format == TQ_OUT_JSON)
				fprintf(o.out, "{\"count\":%llu}\n",
				        (unsigned long long)n);
			else if (o.batch && o.format == TQ_OUT_CSV)
				fprintf(o.out, "count\n%llu\n",
				        (unsigned long long)n);
			else
				fprintf(o.out, "%llu\n", (unsigned long long)n);
			status = n ? TD_EXIT_OK : TD_EXIT_NONE;
		}
	} else if (o.table) {
		if ((rc = tq_table_new(o.table, &r.table)) == 0)
			tq_table_set_pullquotes(r.table, o.filter.pullquotes);
		if (rc == 0 && (rc = tq_table_check(r.table, ast)) == 0 &&
		        (rc = tq_exec(ix, plan, &o.filter, on_hit, &r)) == 0 &&
		        (rc = tq_table_sizes(r.table, ix, &o.filter)) == 0) {
			status = rows_status(
			        tq_table_print(r.table, o.out,
			                tq_ntokens(ix, &o.filter), o.format),
			        &rc);
		}
	} else if (o.freq_by >= 0) {
		if ((rc = tq_freq_new(o.freq_by, &r.freq)) == 0 &&
		        (!o.dispersion || (rc = tq_freq_dispersion(r.freq, ix,
		                                   &o.filter)) == 0) &&
		        (rc = tq_exec_terms(ix, plan, &o.filter,
		                 tq_freq_layer(r.freq), on_term, on_hit, &r)) ==
		                0 &&
		        (rc = tq_freq_sizes(r.freq, ix, &o.filter)) == 0) {
			status = rows_status(
			        tq_freq_print(r.freq, o.out,
			                tq_ntokens(ix, &o.filter), o.format),
			        &rc);
		}
	} else if (o.save) {
		/* every hit, then stored only from an undamaged index */
		uint64_t nd = 0;
		if ((rc = tq_exec(ix, plan, &o.filter, on_hit, &r)) == 0 &&
		        (rc = td_index_damaged(ix)) == 0 &&
		        (rc = tq_sub_save(indexes.dirs[0], o.save, ix,
		                 o.save_docs, o.rq.query, r.hits, r.n, &nd)) ==
		                0) {
			fprintf(o.out, "%zu\n", r.n);
			fprintf(stderr,
			        "tagdex-query: saved %s of %zu hits (%llu "
			        "documents) as '%s'\n",
			        o.save_docs ? "the documents" : "the spans",
			        r.n, (unsigned long long)nd, o.save);
			status = r.n ? TD_EXIT_OK : TD_EXIT_NONE;
		}
	} else {
		if (o.format == TQ_OUT_TSV || o.format == TQ_OUT_CSV)
			rc = tq_tsv_header_show(o.out,
			        o.format == TQ_OUT_CSV ? ',' : '\t', &o.kwic);
		if (rc == 0)
			rc = tq_exec(ix, plan, &o.filter, on_hit, &r);
		if (rc == 0 && (o.sort || o.sample >= 0))
			rc = finish_collected(&r);
		if (rc == 0)
			status = r.printed || r.n || r.seen ? TD_EXIT_OK
			                                    : TD_EXIT_NONE;
	}
	/* damage a lookup took for "absent" fails the answer (exit 3) */
	if (rc >= 0 && td_index_damaged(ix) < 0)
		rc = TD_ECORRUPT;
	if (rc < 0) {
		if (rc == TD_ELIMIT) /* at its offset, as syntax errors */
			query_error(o.rq.query ? o.rq.query : "", rc);
		else
			fprintf(stderr, "tagdex-query: %s%s\n", where,
			        td_error_last());
		status = exit_for(rc);
	}
	if (fflush(o.out) != 0 && status < TD_EXIT_INDEX) {
		fprintf(stderr, "tagdex-query: write error\n");
		status = TD_EXIT_SYSTEM;
	}
out:
	tq_sub_free(sub);
	free(r.hits);
	tq_linedoc_clear(&r.ld);
	tq_freq_free(r.freq);
	tq_table_free(r.table);
	if (!o.looked)
		tq_request_clear(&o.rq);
	tq_plan_free(plan);
	tq_node_free(ast);
	return status;
}

/* --subcorpora: one row per saved result; the columns of the man page */
static int list_fn(void *arg, const char *name, int docs, size_t records,
        uint64_t gen, int current, const char *query)
{
	const opts *o = arg;
	const char *kind = docs ? "docs" : "spans",
	           *state = current ? "current" : "stale";
	if (o->format == TQ_OUT_JSON) {
		json_t *j = json_pack("{s:s,s:s,s:I,s:I,s:s,s:s}", "name", name,
		        "kind", kind, "records", (json_int_t)records,
		        "generation", (json_int_t)gen, "state", state, "query",
		        query ? query : "");
		int rc = j ? json_dumpf(j, stdout, JSON_COMPACT) : -1;
		json_decref(j);
		if (rc < 0)
			return td_error(TD_ENOMEM, "out of memory");
		putchar('\n');
		return 0;
	}
	char sep = o->format == TQ_OUT_CSV ? ',' : '\t';
	tq_dsv_field(stdout, name, sep);
	printf("%c%s%c%zu%c%llu%c%s%c", sep, kind, sep, records, sep,
	        (unsigned long long)gen, sep, state, sep);
	tq_dsv_field(stdout, query, sep);
	putchar('\n');
	return 0;
}

/* --subcorpora and --drop NAME */
static int subcorpora(const opts *o)
{
	td_index *ix = NULL;
	int rc = tq_indexes_open(&indexes, &ix), status = TD_EXIT_OK;
	if (rc == 0 && o->drop) {
		if ((rc = tq_sub_drop(indexes.dirs[0], o->drop)) == 0)
			fprintf(stderr, "tagdex-query: dropped '%s'\n",
			        o->drop);
	} else if (rc == 0) {
		if (o->format != TQ_OUT_JSON)
			printf(o->format == TQ_OUT_CSV
			                ? "name,kind,records,generation,state,"
			                  "query\n"
			                : "name\tkind\trecords\tgeneration\t"
			                  "state\tquery\n");
		rc = tq_sub_list(indexes.dirs[0], ix, list_fn, (void *)o);
	}
	if (rc < 0) {
		fprintf(stderr, "tagdex-query: %s\n", td_error_last());
		status = rc == TD_ENOTFOUND ? TD_EXIT_NONE : exit_for(rc);
	}
	if (fflush(stdout) != 0 && status < TD_EXIT_SYSTEM)
		status = TD_EXIT_SYSTEM;
	td_index_close(ix);
	return status;
}

/* -f: each line's query with the options given, the index opened once */
typedef struct batch_ctx {
	td_index **ixp;
	opts *o;
} batch_ctx;

static int answer_line(void *arg, const char *q, long lineno, FILE *out)
{
	batch_ctx *b = arg;
	opts o = *b->o;
	snprintf(where, sizeof where, "line %ld: ", lineno);
	if (!*b->ixp && (o.rq.actor || o.rq.who)) {
		/* the names resolved once for every query */
		int rc = tq_indexes_open(&indexes, b->ixp);
		if (rc == 0 && (rc = tq_request_lookup(
		                        &b->o->rq, *b->ixp, note, NULL)) == 0)
			b->o->looked = 1;
		if (rc < 0) {
			fprintf(stderr, "tagdex-query: %s\n", td_error_last());
			return exit_for(rc);
		}
		o = *b->o;
	}
	o.rq.query = q;
	o.out = out;
	o.filter.outermost = tq_request_outermost(&o.rq);
	return answer(b->ixp, &o);
}

int main(int argc, char **argv)
{
	opts o;
	td_sigbus_install("tagdex-query");
	if (tq_stats_cli_wanted(argc, argv))
		return tq_stats_cli(argc, argv); /* --collocates, --keywords */
	if (tq_info_cli_wanted(argc, argv))
		return tq_info_cli(argc, argv); /* --info, --values, --actors */
	int rc = parse_opts(argc, argv, &o);
	if (rc)
		return rc < 0 ? TD_EXIT_OK : rc;
	if (o.drop || o.list_subs) {
		rc = subcorpora(&o);
		tq_sort_free(o.sorter);
		tq_indexes_clear(&indexes);
		return rc;
	}
	td_index *ix = NULL;
	batch_ctx b = {&ix, &o};
	int status = o.batch ? tq_batch(o.batch, o.format, answer_line, &b)
	                     : answer(&ix, &o);
	/* the sorter serves every query of a batch: freed once, here */
	tq_sort_free(o.sorter);
	tq_request_clear(&o.rq);
	td_index_close(ix);
	tq_indexes_clear(&indexes);
	return status;
}
