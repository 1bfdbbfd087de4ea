/* info_cli.c: tagdex-query --info, --values ELEM@ATTR, --actors and --docs,
 * what an index holds (CQP's info and show cd, BlackLab's /fields and
 * /docs), counted by queries/engine/info.c; several -x (or -X) are
 * described as one index holding their documents. main() hands the command
 * line over when one of them is given. */
#include "config.h"
#include "exit_status.h"
#include "indexes.h"
#include "info_cli.h"
#include "messages.h"
#include "progopts.h"
#include "info.h"
#include "render.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { I_INFO = 256, I_VALUES, I_ACTORS, I_DOCS, I_FORMAT };

static const struct option longopts[] = {
        TQ_INDEX_LONGOPTS,
        {"info", no_argument, NULL, I_INFO},
        {"docs", no_argument, NULL, I_DOCS},
        {"values", required_argument, NULL, I_VALUES},
        {"actors", no_argument, NULL, I_ACTORS},
        {"format", required_argument, NULL, I_FORMAT},
        {NULL, 0, NULL, 0},
};

int tq_info_cli_wanted(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (!strcmp(argv[i], "--info") ||
		        !strcmp(argv[i], "--actors") ||
		        !strcmp(argv[i], "--docs") ||
		        !strcmp(argv[i], "--values") ||
		        !strncmp(argv[i], "--values=", 9))
			return 1;
	}
	return 0;
}

typedef struct out {
	int fmt; /* TQ_OUT_* */
	long rows;
	const char *const *cols; /* names of the columns, NULL-terminated */
} out;

/* One row: its fields (NULL: empty, null in JSON); numbers as text are
 * written as numbers in JSON from column num_from on. */
static int row(out *o, const char *const *f, int num_from)
{
	size_t n = 0;
	while (o->cols[n])
		n++;
	if (o->fmt == TQ_OUT_JSON) {
		json_t *j = json_object();
		if (!j)
			return td_error(TD_ENOMEM, "out of memory");
		for (size_t i = 0; i < n; i++)
			json_object_set_new(j, o->cols[i],
			        !f[i] ? json_null()
			        : (int)i >= num_from && f[i][0] >= '0' &&
			                        f[i][0] <= '9'
			                ? json_integer(strtoll(f[i], NULL, 10))
			                : json_string(f[i]));
		int rc = tq_json_line(stdout, j, 0);
		if (rc)
			return rc;
	} else {
		char sep = o->fmt == TQ_OUT_CSV ? ',' : '\t';
		if (!o->rows++)
			for (size_t i = 0; i < n; i++) {
				if (i)
					putchar(sep);
				tq_dsv_field(stdout, o->cols[i], sep);
				if (i + 1 == n)
					putchar('\n');
			}
		for (size_t i = 0; i < n; i++) {
			if (i)
				putchar(sep);
			tq_dsv_field(stdout, f[i], sep);
		}
		putchar('\n');
		return ferror(stdout) ? td_error(TD_EIO, "write error") : 0;
	}
	o->rows++;
	return ferror(stdout) ? td_error(TD_EIO, "write error") : 0;
}

static int elem_row(void *ctx, const char *elem, const char *attr, uint64_t n,
        uint64_t docs, uint64_t values)
{
	char a[32], b[32], c[32];
	snprintf(a, sizeof a, "%llu", (unsigned long long)n);
	snprintf(b, sizeof b, "%llu", (unsigned long long)docs);
	snprintf(c, sizeof c, "%llu", (unsigned long long)values);
	const char *f[] = {attr ? "attribute" : "element", elem, attr, a, b,
	        attr ? c : NULL};
	return row(ctx, f, 3);
}

static int value_row(void *ctx, const char *v, size_t len, uint64_t n,
        uint64_t docs, const char *names)
{
	char a[32], b[32];
	char *val = strndup(v, len);
	if (!val)
		return td_error(TD_ENOMEM, "out of memory");
	snprintf(a, sizeof a, "%llu", (unsigned long long)n);
	snprintf(b, sizeof b, "%llu", (unsigned long long)docs);
	const char *f[] = {val, a, b, names};
	int rc = row(ctx, f, 1);
	free(val);
	return rc;
}

/* the header fields --docs lists, after doc and before tokens */
static const char *const doc_fields[] = {"date", "genre", "title", "subtitle",
        "author", "url", "source_name", "reading_time", "source"};
#define NDOCF (sizeof doc_fields / sizeof *doc_fields)

static int doc_row(void *ctx, td_seg *s, uint32_t d, const td_docinfo *di)
{
	char n[32];
	const char *f[NDOCF + 2];
	snprintf(n, sizeof n, "%lu", (unsigned long)di->ntok);
	f[0] = di->id;
	for (size_t i = 0; i < NDOCF; i++) {
		const char *v = td_seg_doc_meta(s, d, doc_fields[i]);
		f[i + 1] = v && *v ? v : NULL;
	}
	f[NDOCF + 1] = n;
	return row(ctx, f, (int)NDOCF + 1);
}

static tq_indexes ixs; /* static: an early exit leaves it reachable */

int tq_info_cli(int argc, char **argv)
{
	const char *values = NULL;
	int c, info = 0, actors = 0, list = 0, fmt = TQ_OUT_TEXT, status;
	tq_index_opts_init(&ixs);
	optind = 1;
	tq_optscan sc = {"tagdex-query", "x:X:", longopts, 0, 0, 0, &ixs, 0};
	while ((c = tq_opt_next(&sc, argc, argv)) != -1) {
		switch (c) {
		case I_INFO:
			info = 1;
			break;
		case I_VALUES:
			values = optarg;
			break;
		case I_ACTORS:
			actors = 1;
			break;
		case I_DOCS:
			list = 1;
			break;
		case I_FORMAT:
			if (format_option(optarg, &fmt) != 0)
				return TD_EXIT_USAGE;
			if (fmt == TQ_OUT_TEXT) /* the tables are TSV as text */
				fmt = TQ_OUT_TSV;
			break;
		default:
			return usage_error("%s", "--info, --values, --actors "
			                         "and --docs take only "
			                         "-x, -X and --format");
		}
	}
	if (sc.status)
		return sc.status;
	if (optind < argc)
		return usage_error("--info, --values, --actors and --docs take "
		                   "no query, not '%s'",
		        argv[optind]);
	if (info + actors + list + (values != NULL) != 1)
		return usage_error("%s",
		        "--info, --values, --actors and --docs "
		        "exclude each other");
	char *elem = NULL;
	const char *at = values ? strchr(values, '@') : NULL;
	if (values && (!at || at == values || !at[1]))
		return usage_error("--values: expected ELEMENT@ATTRIBUTE "
		                   "(q@who), not '%s'",
		        values);
	if (values && !(elem = strndup(values, (size_t)(at - values))))
		return TD_EXIT_SYSTEM;
	td_index *ix = NULL;
	char namebuf[64];
	const char *index = tq_indexes_name(&ixs, namebuf, sizeof namebuf);
	int rc = 0;
	if ((status = tq_index_opts_open(&ixs, "tagdex-query", &ix)) != 0) {
		free(elem);
		tq_indexes_clear(&ixs);
		return status;
	}
	out o = {fmt, 0, NULL};
	if (info) {
		static const char *const cols[] = {"kind", "element",
		        "attribute", "count", "docs", "values", NULL};
		uint64_t docs, toks;
		char a[32], b[32];
		o.cols = cols;
		if ((rc = tq_info_summary(ix, &docs, &toks)) == 0) {
			snprintf(a, sizeof a, "%llu", (unsigned long long)docs);
			snprintf(b, sizeof b, "%llu", (unsigned long long)toks);
			const char *f1[] = {
			        "documents", NULL, NULL, a, a, NULL};
			const char *f2[] = {"tokens", NULL, NULL, b, a, NULL};
			if ((rc = row(&o, f1, 3)) == 0)
				rc = row(&o, f2, 3);
		}
		if (rc == 0)
			rc = tq_info_elements(ix, elem_row, &o);
	} else if (values) {
		static const char *const cols[] = {
		        "value", "count", "docs", NULL};
		o.cols = cols;
		rc = tq_info_values(ix, elem, at + 1, value_row, &o);
		if (rc == 0 && !o.rows)
			fprintf(stderr,
			        "tagdex-query: no <%s> in this index carries "
			        "%s (--info lists the elements and their "
			        "attributes)\n",
			        elem, at + 1);
	} else if (list) {
		static const char *const cols[] = {"doc", "date", "genre",
		        "title", "subtitle", "author", "url", "source_name",
		        "reading_time", "source", "tokens", NULL};
		o.cols = cols;
		rc = tq_info_docs(ix, doc_row, &o);
	} else {
		static const char *const cols[] = {
		        "actor", "mentions", "docs", "names", NULL};
		o.cols = cols;
		rc = tq_info_actors(ix, value_row, &o);
	}
	if (rc < 0) {
		fprintf(stderr, "tagdex-query: %s: %s\n", index,
		        td_error_last());
		status = rc == TD_ECORRUPT ? TD_EXIT_INDEX : TD_EXIT_SYSTEM;
	} else if (!o.rows) {
		status = TD_EXIT_NONE;
	}
	td_index_close(ix);
	tq_indexes_clear(&ixs);
	free(elem);
	return status;
}
