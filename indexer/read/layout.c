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
	if (!l || !l->n)
		return 0;
	/* one match block for all the patterns (whether a pattern matches
	 * needs no captures: rc 0, too small a vector, is a match), not one
	 * made and freed a pattern with its backtracking frames; the subject
	 * is checked as UTF-8 by the first match only, since the check does
	 * not depend on the pattern (a block's 8 matches made and freed 8
	 * match blocks and checked its bytes 8 times: 1,700 instructions a
	 * match) */
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	if (!md)
		return 0;
	uint32_t opt = 0;
	int hit = 0;
	for (size_t i = 0; i < l->n && !hit; i++) {
		int rc = pcre2_match(
		        l->re[i], (PCRE2_SPTR)s, len, 0, opt, md, NULL);
		if (rc >= 0)
			hit = 1;
		else if (rc == PCRE2_ERROR_NOMATCH)
			opt = PCRE2_NO_UTF_CHECK; /* the check passed */
		else if (rc <= PCRE2_ERROR_UTF8_ERR1 &&
		         rc >= PCRE2_ERROR_UTF8_ERR21)
			break; /* not UTF-8: no pattern can match */
	}
	pcre2_match_data_free(md);
	return hit;
}
