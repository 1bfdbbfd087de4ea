/* batch.c: tagdex-query -f FILE (CQP's cqp -f): one query a line, answered
 * in one process, each answer labelled: a separator line before it in text
 * and TSV, a query and a line field in each JSON Lines object and CSV row
 * (one header row for all), so that the output stays one table. Program
 * code: it reads the file and prints; the answers come from the caller.
 */
#include "config.h"
#include "batch.h"
#include "exit_status.h"
#include "render.h"
#include "vec.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The labelling stream of JSON and CSV answers: the records an answer
 * writes, each given the query and its line (a CSV record ends at a line
 * feed outside quotes, RFC 4180). */
typedef struct label {
	int fmt;     /* TQ_OUT_JSON or TQ_OUT_CSV */
	FILE *to;    /* stdout */
	char *query; /* the query as a JSON string, or a CSV field */
	long line;
	int header_done; /* CSV: the header row written */
	int first;       /* CSV: the next record is an answer's header */
	char *buf;       /* a record not yet ended */
	size_t n, cap;
	unsigned quotes; /* CSV: '"' in buf so far */
} label;

static int emit(label *b)
{
	FILE *o = b->to;
	const char *r = b->buf;
	if (b->fmt == TQ_OUT_JSON) {
		if (b->n && r[0] == '{') {
			fprintf(o, "{\"query\":%s,\"line\":%ld%s", b->query,
			        b->line, b->n > 1 && r[1] != '}' ? "," : "");
			fwrite(r + 1, 1, b->n - 1, o);
		} else {
			fwrite(r, 1, b->n, o);
		}
	} else if (b->first) {
		b->first = 0;
		if (!b->header_done) {
			fputs("query,line,", o);
			fwrite(r, 1, b->n, o);
			b->header_done = 1;
		}
	} else {
		fprintf(o, "%s,%ld,", b->query, b->line);
		fwrite(r, 1, b->n, o);
	}
	return ferror(o) ? -1 : 0;
}

static ssize_t label_write(void *cookie, const char *data, size_t len)
{
	label *b = cookie;
	for (size_t i = 0; i < len; i++) {
		if (TD_VEC_RESERVE(b->buf, b->n, b->cap, 4096)) {
			errno = ENOMEM;
			return -1;
		}
		char c = data[i];
		b->buf[b->n++] = c;
		if (c == '"')
			b->quotes++;
		if (c == '\n' &&
		        (b->fmt == TQ_OUT_JSON || b->quotes % 2 == 0)) {
			if (emit(b) < 0) {
				errno = EIO;
				return -1;
			}
			b->n = 0;
			b->quotes = 0;
		}
	}
	return (ssize_t)len;
}

/* the query as the label of its records: a JSON string, or a CSV field */
static char *label_of(int fmt, const char *q)
{
	if (fmt == TQ_OUT_JSON) {
		json_t *s = json_string(q);
		char *r = s ? json_dumps(s, JSON_ENCODE_ANY) : NULL;
		json_decref(s);
		return r;
	}
	char *r = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&r, &n);
	if (!m)
		return NULL;
	tq_dsv_field(m, q, ',');
	if (fclose(m) != 0) {
		free(r);
		return NULL;
	}
	return r;
}

int tq_batch(const char *path, int fmt, tq_answer_fn fn, void *ctx)
{
	FILE *in = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!in) {
		fprintf(stderr, "tagdex-query: %s: %s\n", path,
		        strerror(errno));
		return TD_EXIT_INPUT;
	}
	label b = {0};
	b.fmt = fmt;
	b.to = stdout;
	FILE *out = stdout;
	if (fmt == TQ_OUT_JSON || fmt == TQ_OUT_CSV) {
		cookie_io_functions_t io = {NULL, label_write, NULL, NULL};
		if (!(out = fopencookie(&b, "w", io))) {
			if (in != stdin)
				fclose(in);
			fprintf(stderr, "tagdex-query: out of memory\n");
			return TD_EXIT_SYSTEM;
		}
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0, nq = 0;
	int status = -1;
	while ((len = getline(&line, &cap, in)) >= 0) {
		lineno++;
		while (len > 0 && strchr("\r\n \t", line[len - 1]))
			line[--len] = '\0';
		char *q = line;
		while (*q == ' ' || *q == '\t')
			q++;
		if (!*q || *q == '#')
			continue;
		if (strlen(q) != (size_t)(len - (q - line))) {
			fprintf(stderr,
			        "tagdex-query: %s:%ld: a NUL byte in the "
			        "query\n",
			        path, lineno);
			status =
			        status > TD_EXIT_USAGE ? status : TD_EXIT_USAGE;
			continue;
		}
		nq++;
		if (fmt == TQ_OUT_TEXT || fmt == TQ_OUT_TSV) {
			printf("# query %ld (line %ld): %s\n", nq, lineno, q);
		} else {
			free(b.query);
			if (!(b.query = label_of(fmt, q))) {
				status = TD_EXIT_SYSTEM;
				break;
			}
			b.line = lineno;
			b.first = fmt == TQ_OUT_CSV;
		}
		int st = fn(ctx, q, lineno, out);
		if (fflush(out) != 0 && st < TD_EXIT_SYSTEM)
			st = TD_EXIT_SYSTEM;
		if (st > status)
			status = st;
		/* the index or the output failed: no answer after it is sure */
		if (st > TD_EXIT_USAGE) {
			fprintf(stderr,
			        "tagdex-query: %s:%ld: stopped; the "
			        "queries after it are not answered\n",
			        path, lineno);
			break;
		}
	}
	if (status <= TD_EXIT_USAGE && ferror(in)) {
		fprintf(stderr, "tagdex-query: %s: %s\n", path,
		        strerror(errno));
		status = TD_EXIT_INPUT;
	}
	if (status < 0) {
		fprintf(stderr, "tagdex-query: %s: no query in it\n", path);
		status = TD_EXIT_USAGE;
	}
	if (out != stdout && fclose(out) != 0 && status < TD_EXIT_SYSTEM)
		status = TD_EXIT_SYSTEM;
	if (fflush(stdout) != 0 && status < TD_EXIT_SYSTEM) {
		fprintf(stderr, "tagdex-query: write error\n");
		status = TD_EXIT_SYSTEM;
	}
	free(b.query);
	free(b.buf);
	free(line);
	if (in != stdin)
		fclose(in);
	return status;
}
