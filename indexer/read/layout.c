/* layout.c: recognises web-layout debris lines ("Article 2nd half") by the
 * patterns in layout.tsv, so that new markers need no recompiling. Each
 * pattern must match a whole block, case-insensitively. A match makes the
 * structure builder write <note type="layout">; nothing is ever removed.
 */
#include "config.h"
#include "layout.h"
#include "tagdex.h"
#include "util.h"
#include "vec.h"
#include "error.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

struct td_layout {
	pcre2_code **re;
	size_t n, cap;
};

void td_layout_free(td_layout *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		pcre2_code_free(l->re[i]);
	free(l->re);
	free(l);
}

/* layout.tsv: one pattern a row */
static int layout_row(void *ctx, const td_lex_row *row)
{
	td_layout *l = ctx;
	int err;
	PCRE2_SIZE off;
	if (TD_VEC_RESERVE(l->re, l->n, l->cap, 16))
		return td_error(TD_ENOMEM, "out of memory");
	pcre2_code *re =
	        pcre2_compile((PCRE2_SPTR)row->r->f[0], PCRE2_ZERO_TERMINATED,
	                PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP |
	                        PCRE2_ANCHORED | PCRE2_ENDANCHORED,
	                &err, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		return td_lex_error(row, "bad pattern at offset %zu: %s",
		        (size_t)off, (const char *)msg);
	}
	l->re[l->n++] = re;
	return 0;
}

int td_layout_load(const char *path, td_layout **out)
{
	td_layout *l = calloc(1, sizeof *l);
	if (!l)
		return td_error(TD_ENOMEM, "out of memory");
	int rc = td_tsv_each(path, layout_row, l);
	if (rc) {
		td_layout_free(l);
		return rc;
	}
	*out = l;
	return 0;
}

int td_layout_match(const td_layout *l, const char *s, size_t len)
{
	if (!l)
		return 0;
	for (size_t i = 0; i < l->n; i++) {
		pcre2_match_data *md =
		        pcre2_match_data_create_from_pattern(l->re[i], NULL);
		if (!md)
			return 0;
		int rc = pcre2_match(
		        l->re[i], (PCRE2_SPTR)s, len, 0, 0, md, NULL);
		pcre2_match_data_free(md);
		if (rc >= 0)
			return 1;
	}
	return 0;
}
