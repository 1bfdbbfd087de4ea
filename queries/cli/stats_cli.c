/* stats_cli.c: tagdex-query --collocates and --keywords, the statistics
 * modes: their options, the filters (the same as for concordances), and the
 * table they print (queries/engine/stats.h). main() hands the whole command
 * line here when it names either mode; the exit statuses are main.c's.
 */
#include "config.h"
#include "exit_status.h"
#include "indexes.h"
#include "stats.h"
#include "stats_cli.h"
#include "request.h"
#include "messages.h"
#include "progopts.h"
#include "ast.h"
#include "filter.h"
#include "plan.h"
#include "subcorpus.h"
#include "suggest.h"
#include "index.h"
#include "tagdex.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* -x and -X: static, so that an early exit leaves it reachable */
static tq_indexes indexes;

typedef struct sopts {
	int keywords, format;
	unsigned ngrams; /* --ngrams N */
	tq_coll_opts co;
	tq_kw_opts ko;
	int measure_set;
	const char *focus, *reference;
	const char *in; /* --in NAME: a saved subcorpus (subcorpus.c) */
	tq_filter filter;
	tq_request rq; /* the query and the shorthand filters */
} sopts;

int tq_stats_cli_wanted(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (!strcmp(argv[i], "--collocates") ||
		        !strcmp(argv[i], "--keywords") ||
		        !strcmp(argv[i], "--ngrams") ||
		        !strncmp(argv[i], "--ngrams=", 9))
			return 1;
	}
	return 0;
}

static int number(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || *s == '-')
		return -1;
	*out = v;
	return 0;
}

/* --window L,R (0..1000 each) or s */
static int window_arg(const char *s, tq_coll_opts *o)
{
	char l[16], r[16];
	const char *c = strchr(s, ',');
	uint64_t a, b;
	if (!strcmp(s, "s")) {
		o->sentence = 1;
		return 0;
	}
	if (!c || (size_t)(c - s) >= sizeof l || strlen(c + 1) >= sizeof r)
		return -1;
	memcpy(l, s, (size_t)(c - s));
	l[c - s] = '\0';
	strcpy(r, c + 1);
	if (number(l, &a) < 0 || number(r, &b) < 0 || a > 1000 || b > 1000 ||
	        a + b == 0)
		return -1;
	o->left = (uint32_t)a;
	o->right = (uint32_t)b;
	return 0;
}

enum {
	S_COLL = 256,
	S_KW,
	S_WINDOW,
	S_BY,
	S_MEASURE,
	S_MINFREQ,
	S_MINCOLL,
	S_FOCUS,
	S_REF,
	S_ALPHA,
	S_FORMAT,
	S_FILTER, /* TQ_RQ_N values: request.h's filter options */
	S_BONF = S_FILTER + TQ_RQ_N,
	S_PULL,
	S_NGRAMS,
	S_IN
};

static const struct option longopts[] = {
        TQ_INDEX_LONGOPTS,
        {"collocates", no_argument, NULL, S_COLL},
        {"keywords", no_argument, NULL, S_KW},
        {"window", required_argument, NULL, S_WINDOW},
        {"by", required_argument, NULL, S_BY},
        {"measure", required_argument, NULL, S_MEASURE},
        {"min-freq", required_argument, NULL, S_MINFREQ},
        {"min-coll", required_argument, NULL, S_MINCOLL},
        {"focus", required_argument, NULL, S_FOCUS},
        {"reference", required_argument, NULL, S_REF},
        {"alpha", required_argument, NULL, S_ALPHA},
        {"bonferroni", no_argument, NULL, S_BONF},
        {"format", required_argument, NULL, S_FORMAT},
        TQ_REQUEST_LONGOPTS(S_FILTER),
        {"pullquotes", no_argument, NULL, S_PULL},
        {"ngrams", required_argument, NULL, S_NGRAMS},
        {"in", required_argument, NULL, S_IN},
        {NULL, 0, NULL, 0},
};

static int layer_by(const char *s)
{
	return !strcmp(s, "word")    ? TD_LAYER_WORD
	       : !strcmp(s, "norm")  ? TD_LAYER_NORM
	       : !strcmp(s, "lemma") ? TD_LAYER_LEMMA
	       : !strcmp(s, "pos")   ? TD_LAYER_POS
	                             : -1;
}

static int parse(int argc, char **argv, sopts *o)
{
	int c;
	uint64_t v;
	char *end;
	memset(o, 0, sizeof *o);
	o->co.layer = o->ko.layer = TD_LAYER_WORD;
	o->co.left = o->co.right = 5;
	o->co.min_freq = o->co.min_pair = 3;
	o->co.measure = TQ_M_LOGDICE;
	o->ko.min_freq = 3;
	o->ko.alpha = 0.05;
	o->ko.measure = TQ_M_LL;
	tq_index_opts_init(&indexes);
	optind = 1;
	/* the options that take one value may be given once; bit 31 of
	 * sc.seen: --collocates or --keywords given */
	tq_optscan sc = {"tagdex-query", "x:X:", longopts, S_WINDOW, S_BONF, 0,
	        &indexes, 0};
	while ((c = tq_opt_next(&sc, argc, argv)) != -1) {
		switch (c) {
		case S_COLL:
		case S_KW:
			if ((c == S_KW) != o->keywords &&
			        (sc.seen & 0x80000000u))
				return usage_error("%s", "--collocates and "
				                         "--keywords exclude "
				                         "each other");
			sc.seen |= 0x80000000u;
			o->keywords = c == S_KW;
			break;
		case S_WINDOW:
			if (window_arg(optarg, &o->co) < 0)
				return usage_error(
				        "--window: expected L,R (tokens before "
				        "and after, 0-1000, not both 0) or s, "
				        "not '%s'",
				        optarg);
			break;
		case S_BY:
			if ((o->co.layer = o->ko.layer = layer_by(optarg)) < 0)
				return usage_error("--by: expected word, norm, "
				                   "lemma or pos, not '%s'",
				        optarg);
			break;
		case S_MEASURE:
			if ((o->co.measure = o->ko.measure =
			                    tq_measure_by(optarg)) < 0)
				return usage_error(
				        "--measure: expected logdice, mi, mi3, "
				        "t, z, ll, dice, log_ratio or "
				        "pct_diff, not '%s'",
				        optarg);
			o->measure_set = 1;
			break;
		case S_MINFREQ:
		case S_MINCOLL:
			if (number(optarg, &v) < 0 || (c == S_MINCOLL && v < 1))
				return usage_error(
				        c == S_MINCOLL ? "--min-coll: expected "
				                         "a number >= 1, not "
				                         "'%s'"
				                       : "--min-freq: expected "
				                         "a number, not '%s'",
				        optarg);
			if (c == S_MINCOLL)
				o->co.min_pair = v;
			else
				o->co.min_freq = o->ko.min_freq = v;
			break;
		case S_FOCUS:
			o->focus = optarg;
			break;
		case S_REF:
			o->reference = optarg;
			break;
		case S_ALPHA:
			errno = 0;
			o->ko.alpha = strtod(optarg, &end);
			if (errno || end == optarg || *end ||
			        !(o->ko.alpha > 0 && o->ko.alpha <= 1))
				return usage_error("--alpha: expected a "
				                   "probability in (0, 1], "
				                   "not '%s'",
				        optarg);
			break;
		case S_BONF:
			o->ko.bonferroni = 1;
			break;
		case S_FORMAT:
			if (format_option(optarg, &o->format) != 0)
				return TD_EXIT_USAGE;
			break;
		case S_PULL:
			o->filter.pullquotes = 1;
			break;
		case S_IN:
			if (o->in)
				return usage_error("%s", "--in given twice");
			if (!tq_sub_name_ok(optarg))
				return usage_error(
				        "--in: '%s' cannot name a "
				        "subcorpus (letters, digits, "
				        "_, - and ., 1 to 64)",
				        optarg);
			o->in = optarg;
			break;
		case S_NGRAMS:
			if (o->ngrams)
				return usage_error(
				        "%s", "--ngrams given twice");
			if (number(optarg, &v) < 0 || v < 2 || v > 6)
				return usage_error("--ngrams: expected 2 to 6, "
				                   "not '%s'",
				        optarg);
			o->ngrams = (unsigned)v;
			break;
		default:
			if (c >= S_FILTER && c < S_FILTER + TQ_RQ_N) {
				if (tq_request_option(&o->rq, &o->filter,
				            c - S_FILTER, optarg) < 0)
					return usage_error(
					        "%s", td_error_last());
				break;
			}
			fprintf(stderr, "tagdex-query: --collocates and "
			                "--keywords take the options of "
			                "tagdex-query(1), STATISTICS\nTry "
			                "'tagdex-query --help'.\n");
			return TD_EXIT_USAGE;
		}
	}
	if (sc.status)
		return sc.status;
	if ((c = query_operand(argc, argv, &o->rq.query)) != 0)
		return c;
	if (tq_dates_reversed(&o->filter))
		return usage_error("--from %s is after --to", o->filter.from);
	if (o->in && indexes.n != 1)
		return usage_error("%s", "--in: one index only (a subcorpus "
		                         "is saved in its index)");
	int shorthand = o->rq.actor || o->rq.who || o->rq.hedge_set;
	if (o->ngrams && (o->keywords || (sc.seen & 0x80000000u)))
		return usage_error("%s", "--ngrams, --collocates and "
		                         "--keywords exclude each other");
	if (o->ngrams) {
		if (o->focus || o->reference || o->measure_set ||
		        o->ko.bonferroni ||
		        (sc.seen & (1u << (S_WINDOW - S_WINDOW) |
		                           1u << (S_MINCOLL - S_WINDOW) |
		                           1u << (S_ALPHA - S_WINDOW))))
			return usage_error("%s", "--ngrams takes --by, "
			                         "--min-freq, the filters and "
			                         "an optional query");
		if (!(sc.seen & 1u << (S_MINFREQ - S_WINDOW)))
			o->co.min_freq = 2;
		if (o->rq.within && !o->rq.query && !shorthand)
			return usage_error("%s", "--within needs a query to "
			                         "restrict");
	} else if (o->keywords) {
		if (o->rq.query)
			return usage_error("--keywords takes its focus with "
			                   "--focus, not '%s'",
			        o->rq.query);
		if (!o->focus && !shorthand)
			return usage_error("%s", "--keywords needs --focus "
			                         "QUERY (or --actor, --who, "
			                         "--hedge)");
		if (o->measure_set && o->ko.measure != TQ_M_LL &&
		        o->ko.measure != TQ_M_LOG_RATIO &&
		        o->ko.measure != TQ_M_PCT_DIFF)
			return usage_error("--measure: keywords are sorted by "
			                   "ll, log_ratio or pct_diff, not %s",
			        tq_measure_name(o->ko.measure));
		if (sc.seen & (1u << (S_WINDOW - S_WINDOW) |
		                      1u << (S_MINCOLL - S_WINDOW)))
			return usage_error("%s", "--window and --min-coll "
			                         "apply to --collocates");
		o->rq.query = o->focus;
	} else {
		if (o->focus || o->reference ||
		        (sc.seen & 1u << (S_ALPHA - S_WINDOW)) ||
		        o->ko.bonferroni)
			return usage_error("%s", "--focus, --reference, "
			                         "--alpha and --bonferroni "
			                         "apply to --keywords");
		if (!o->rq.query && !shorthand)
			return usage_error("%s", "no query given");
		if (o->measure_set && o->co.measure > TQ_M_DICE)
			return usage_error("--measure: collocations are "
			                   "sorted by logdice, mi, mi3, t, z, "
			                   "ll or dice, not %s",
			        tq_measure_name(o->co.measure));
	}
	/* the shorthands alone: their passages, not nested parts */
	o->filter.outermost = tq_request_outermost(&o->rq);
	return 0;
}

/* q parsed (NULL: none) inside the shorthands' elements, as tagdex-query
 * builds it (request.c) */
static int build(const sopts *o, const char *q, int shorthands, tq_node **out)
{
	tq_request r = {0};
	r.query = q;
	if (shorthands) {
		r = o->rq;
		r.query = q;
	}
	return tq_request_build(&r, out);
}

/* tq_suggest's warnings, less those tq_request_lookup has given */
static void warn_once(void *arg, const char *msg)
{
	if (!tq_request_reported(arg, msg))
		print_warning(NULL, msg);
}

static void query_error(const char *what, const char *q, int code)
{
	long off = td_error_offset();
	fprintf(stderr, "tagdex-query: %s%s%s: %s", what, *what ? ": " : "",
	        code == TD_ELIMIT ? "limit exceeded" : "syntax error", "");
	if (off >= 0)
		fprintf(stderr, "at offset %ld of '%s': ", off, q ? q : "");
	/* what says which query: not the message again */
	const char *msg = td_error_last();
	if (!strncmp(msg, TQ_IN_REFERENCE, strlen(TQ_IN_REFERENCE)))
		msg += strlen(TQ_IN_REFERENCE);
	fprintf(stderr, "%s\n", msg);
}

int tq_stats_cli(int argc, char **argv)
{
	sopts o;
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc;
	tq_node *ast[2] = {NULL, NULL};
	tq_plan *plan[2] = {NULL, NULL};
	const char *qs[2] = {o.rq.query, o.reference};
	char *region[2] = {NULL, NULL};
	for (int k = 0; k < 2; k++)
		if (qs[k] && (k == 1 || o.keywords) &&
		        (region[k] = tq_region_query(qs[k])))
			qs[k] = region[k];
	td_index *ix = NULL;
	tq_sub *sub = NULL;
	tq_stat_table *t = NULL;
	int status = TD_EXIT_OK;
	for (int k = 0; k < 2; k++) {
		if (k == 1 && !o.reference)
			break;
		if (k == 0 && o.ngrams && !o.rq.query && !o.rq.actor &&
		        !o.rq.who && !o.rq.hedge_set)
			break; /* n-grams of the whole corpus */
		if ((rc = build(&o, qs[k], k == 0, &ast[k])) < 0 ||
		        (rc = tq_plan_new(ast[k], &plan[k])) < 0) {
			query_error(o.keywords ? (k ? "--reference" : "--focus")
			                       : "",
			        qs[k], rc);
			status = TD_EXIT_USAGE;
			goto out;
		}
	}
	char ixname[64];
	const char *ixn = tq_indexes_name(&indexes, ixname, sizeof ixname);
	if ((status = tq_index_opts_open(&indexes, "tagdex-query", &ix)) != 0)
		goto out;
	/* --in NAME: the documents or spans saved, as for concordances; the
	 * tokens searched (every base) are theirs */
	if (o.in) {
		if ((rc = tq_sub_load(indexes.dirs[0], o.in, ix, &sub)) < 0) {
			fprintf(stderr, "tagdex-query: %s\n", td_error_last());
			status = rc == TD_EUSAGE || rc == TD_ESYNTAX ||
			                         rc == TD_ELIMIT
			                 ? TD_EXIT_USAGE
			         : rc == TD_ENOMEM ? TD_EXIT_SYSTEM
			                           : TD_EXIT_INDEX;
			goto out;
		}
		o.filter.in = sub;
	}
	/* --actor and --who by name: the focus built again around the keys */
	if (ast[0] && (o.rq.actor || o.rq.who)) {
		if ((rc = tq_request_lookup(&o.rq, ix, print_note, NULL)) < 0) {
			fprintf(stderr, "tagdex-query: %s\n", td_error_last());
			status = rc == TD_EUSAGE   ? TD_EXIT_USAGE
			         : rc == TD_ENOMEM ? TD_EXIT_SYSTEM
			                           : TD_EXIT_INDEX;
			goto out;
		}
		tq_plan_free(plan[0]);
		plan[0] = NULL;
		tq_node_free(ast[0]);
		ast[0] = NULL;
		if ((rc = build(&o, qs[0], 1, &ast[0])) < 0 ||
		        (rc = tq_plan_new(ast[0], &plan[0])) < 0) {
			query_error("", qs[0], rc);
			status = TD_EXIT_USAGE;
			goto out;
		}
	}
	for (int k = 0; k < 2 && ast[k]; k++)
		if ((rc = tq_suggest(ix, ast[k], plan[k], &o.filter,
		             k ? print_warning : warn_once, &o.rq)) < 0) {
			fprintf(stderr, "tagdex-query: %s: %s\n", ixn,
			        td_error_last());
			status = TD_EXIT_INDEX;
			goto out;
		}
	if (o.ngrams) {
		rc = tq_ngrams(ix, plan[0], &o.filter, o.co.layer, o.ngrams,
		        o.co.min_freq, &t);
	} else if (o.keywords) {
		rc = tq_keywords(ix, plan[0], plan[1], &o.filter, &o.ko, &t);
	} else {
		rc = tq_collocates(ix, plan[0], &o.filter, &o.co, &t);
	}
	if (rc == 0) {
		long rows = tq_stat_print(t, stdout, o.format);
		if (rows < 0)
			rc = (int)rows;
		else
			status = rows ? TD_EXIT_OK : TD_EXIT_NONE;
	}
	if (rc >= 0 && td_index_damaged(ix) < 0)
		rc = TD_ECORRUPT;
	if (rc == TD_ELIMIT && td_error_offset() >= 0) {
		/* at its offset in the query that ran out (focus or
		 * reference) */
		int in_ref = !strncmp(td_error_last(), TQ_IN_REFERENCE,
		        strlen(TQ_IN_REFERENCE));
		query_error(
		        o.keywords ? (in_ref ? "--reference" : "--focus") : "",
		        qs[in_ref], rc);
		status = TD_EXIT_USAGE;
	} else if (rc < 0) {
		fprintf(stderr, "tagdex-query: %s%s\n",
		        rc == TD_ELIMIT ? "limit exceeded: " : "",
		        td_error_last());
		status = rc == TD_ESYNTAX || rc == TD_ELIMIT || rc == TD_EUSAGE
		                 ? TD_EXIT_USAGE
		         : rc == TD_ENOMEM ? TD_EXIT_SYSTEM
		                           : TD_EXIT_INDEX;
	}
	if (fflush(stdout) != 0 && status < TD_EXIT_INDEX) {
		fprintf(stderr, "tagdex-query: write error\n");
		status = TD_EXIT_SYSTEM;
	}
out:
	tq_request_clear(&o.rq);
	tq_stat_free(t);
	tq_sub_free(sub);
	td_index_close(ix);
	tq_indexes_clear(&indexes);
	for (int k = 0; k < 2; k++) {
		tq_plan_free(plan[k]);
		tq_node_free(ast[k]);
		free(region[k]);
	}
	return status;
}
