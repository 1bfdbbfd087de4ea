/* render_tsv.c: hits and frequency tables as delimiter-separated values,
 * TSV or CSV, one record a line after a header row. Quoting is RFC 4180's
 * for both: a field holding the separator, a double quote, CR or LF is put
 * in double quotes with its quotes doubled, so that pandas read_csv (sep
 * '\t' for TSV), R read.csv and read.delim with their defaults, and
 * Python's csv module read back exactly the text written. A missing value
 * (no sentence id, no date, no element for a --show column) is an empty
 * field. The --show columns (ELEM@ATTR) come last, after title.
 */
#include "config.h"
#include "kwic.h"
#include "render.h"
#include "error.h"
#include "tagdex.h"

#include <string.h>

void tq_dsv_field(FILE *out, const char *s, char sep)
{
	if (!s)
		s = "";
	char special[] = {sep, '"', '\r', '\n', '\0'};
	if (!strpbrk(s, special)) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

int tq_tsv_header(FILE *out, char sep)
{
	return tq_tsv_header_show(out, sep, NULL);
}

int tq_tsv_header_show(FILE *out, char sep, const tq_kwic_opts *o)
{
	static const char *const cols[] = {"doc", "s", "start", "end", "date",
	        "left", "match", "right", "title"};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		if (i)
			fputc(sep, out);
		fputs(cols[i], out);
	}
	for (unsigned k = 0; o && k < o->nshow; k++) {
		fputc(sep, out);
		tq_dsv_field(out, o->show[k].key, sep);
	}
	fputc('\n', out);
	return ferror(out) ? td_error(TD_EIO, "write error") : 0;
}

int tq_tsv_print(FILE *out, const tq_line *l, char sep)
{
	tq_dsv_field(out, l->doc, sep);
	fputc(sep, out);
	tq_dsv_field(out, l->sid, sep);
	fprintf(out, "%c%u%c%u%c", sep, l->start, sep, l->end, sep);
	tq_dsv_field(out, l->date, sep);
	fputc(sep, out);
	tq_dsv_field(out, l->left, sep);
	fputc(sep, out);
	tq_dsv_field(out, l->match, sep);
	fputc(sep, out);
	tq_dsv_field(out, l->right, sep);
	fputc(sep, out);
	tq_dsv_field(out, l->title, sep);
	for (unsigned k = 0; k < l->nshow; k++) {
		fputc(sep, out);
		tq_dsv_field(out, l->show[k], sep);
	}
	fputc('\n', out);
	return ferror(out) ? td_error(TD_EIO, "write error") : 0;
}
