/* render_tsv.c: hits as tab-separated values, one a line, with a header.
 * Tabs and newlines inside fields become spaces, so every row has the same
 * number of columns.
 */
#include "config.h"
#include "query.h"

static void field(FILE *out, const char *s)
{
	if (!s)
		s = "";
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

int tq_tsv_header(FILE *out)
{
	fputs("doc\ts\tstart\tend\tdate\tleft\tmatch\tright\ttitle\n", out);
	return 0;
}

int tq_tsv_print(FILE *out, const tq_line *l)
{
	field(out, l->doc);
	fputc('\t', out);
	field(out, l->sid);
	fprintf(out, "\t%u\t%u\t", l->start, l->end);
	field(out, l->date);
	fputc('\t', out);
	field(out, l->left);
	fputc('\t', out);
	field(out, l->match);
	fputc('\t', out);
	field(out, l->right);
	fputc('\t', out);
	field(out, l->title);
	fputc('\n', out);
	return ferror(out) ? td_error(TD_EIO, "write error") : 0;
}
