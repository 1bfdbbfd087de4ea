/* test_lexer.c: query tokens, their offsets, and every lexical error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "ast.h"
#include "lexer.h"
#include "error.h"
#include "tagdex.h"

static int tq_lex_all_n(
        const char *q, size_t len, tq_tok *v, size_t max, size_t *n)
{
	tq_lexer lx;
	tq_lexer_init(&lx, q, len);
	*n = 0;
	for (;;) {
		tq_tok t;
		int rc = tq_lex(&lx, &t);
		if (rc < 0)
			return rc;
		assert_true(*n < max);
		v[(*n)++] = t;
		if (t.kind == TQT_EOF)
			return 0;
	}
}

static int lex_all(const char *q, tq_tok *v, size_t max, size_t *n)
{
	return tq_lex_all_n(q, strlen(q), v, max, n);
}

static void test_lexer_kinds(void **state)
{
	(void)state;
	tq_tok v[64];
	size_t n;
	const char *q = "[word!=\"a\\\"b\"%cd & norm='x'] {2,3}? * + "
	                "( | ) <s ana=\"p\"/> within 12 !";
	assert_int_equal(lex_all(q, v, 64, &n), 0);
	int want[] = {TQT_LBRACK, TQT_IDENT, TQT_NEQ, TQT_STRING, TQT_FLAGS,
	        TQT_AMP, TQT_IDENT, TQT_EQ, TQT_STRING, TQT_RBRACK, TQT_LBRACE,
	        TQT_NUMBER, TQT_COMMA, TQT_NUMBER, TQT_RBRACE, TQT_QMARK,
	        TQT_STAR, TQT_PLUS, TQT_LPAREN, TQT_PIPE, TQT_RPAREN, TQT_LT,
	        TQT_IDENT, TQT_IDENT, TQT_EQ, TQT_STRING, TQT_SLASH, TQT_GT,
	        TQT_IDENT, TQT_NUMBER, TQT_BANG, TQT_EOF};
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i].kind, want[i]);
	/* the escaped quote keeps the string open; raw text is kept */
	assert_int_equal(v[3].tlen, 4);
	assert_memory_equal(v[3].text, "a\\\"b", 4);
	assert_int_equal(v[3].off, 7);
	assert_memory_equal(v[4].text, "cd", 2);
	assert_memory_equal(v[8].text, "x", 1);
	assert_int_equal(v[11].num, 2);
	assert_int_equal(v[13].num, 3);
	assert_int_equal(v[28].tlen, 6);
	assert_memory_equal(v[28].text, "within", 6);
	assert_int_equal(v[29].num, 12);
	/* names take the characters of XML names: persName, xml:id */
	assert_int_equal(lex_all("<persName xml:id=\"k\"/>", v, 64, &n), 0);
	assert_int_equal(v[1].tlen, 8);
	assert_int_equal(v[2].tlen, 6);
	assert_int_equal(v[2].off, 10);
}

static void test_lexer_empty_and_space(void **state)
{
	(void)state;
	tq_tok v[4];
	size_t n;
	assert_int_equal(lex_all("", v, 4, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(lex_all(" \t\n ", v, 4, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].off, 4);
	/* a string may hold anything, white space and UTF-8 included */
	assert_int_equal(lex_all("\"Kim’s war\"", v, 4, &n), 0);
	assert_int_equal(v[0].tlen, strlen("Kim’s war"));
	/* huge numbers are capped, not overflowed */
	assert_int_equal(lex_all("99999999999999999999999", v, 4, &n), 0);
	assert_int_equal(v[0].num, TQ_MAX_REPEAT + 1);
}

static void lex_error(const char *q, long off)
{
	tq_tok v[32];
	size_t n;
	td_error_clear();
	assert_int_equal(lex_all(q, v, 32, &n), TD_ESYNTAX);
	assert_int_equal(td_error_offset(), off);
	assert_non_null(strstr(td_error_last(), "expected"));
}

static void test_lexer_errors(void **state)
{
	(void)state;
	lex_error("\"open", 0);
	lex_error("[word='abc]", 6);
	lex_error("\"ends in backslash\\\"", 0);
	lex_error("\"a\"%x", 3);
	lex_error("\"a\"%cx", 3);
	lex_error("\"a\" ` \"b\"",
	        4); /* ; is a token now (CQP ends a query with it) */
	lex_error("\"a\" #", 4);
	/* NUL: inside a string and outside one (API callers only) */
	{
		tq_tok v[8];
		size_t n;
		static const char nul1[] = "\"ab\0c\"", nul2[] = "\"a\" \0";
		td_error_clear();
		assert_int_equal(tq_lex_all_n(nul1, sizeof nul1 - 1, v, 8, &n),
		        TD_ESYNTAX);
		assert_int_equal(td_error_offset(), 3);
		assert_int_equal(tq_lex_all_n(nul2, sizeof nul2 - 1, v, 8, &n),
		        TD_ESYNTAX);
		assert_int_equal(td_error_offset(), 4);
	}
	lex_error("\"a\" \x01", 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_lexer_kinds),
	        cmocka_unit_test(test_lexer_empty_and_space),
	        cmocka_unit_test(test_lexer_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
