/* lexer.c: splits a CQL query into tokens with their byte offsets.
 * It knows no grammar; strings keep their raw text (they are regexes, so a
 * backslash escape is left for PCRE2, and \" only keeps the string open).
 */
#include "config.h"
#include "ast.h"
#include "lexer.h"
#include "error.h"
#include "tagdex.h"

#include <string.h>

void tq_lexer_init(tq_lexer *lx, const char *q, size_t len)
{
	lx->q = q;
	lx->len = len;
	lx->pos = 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int is_ident_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       c >= 0x80;
}

static int is_ident(unsigned char c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9') || c == '-' ||
	       c == ':' || c == '.';
}

const char *tq_tok_name(int kind)
{
	switch (kind) {
	case TQT_EOF:
		return "end of query";
	case TQT_STRING:
		return "a string";
	case TQT_FLAGS:
		return "a flag";
	case TQT_IDENT:
		return "a name";
	case TQT_NUMBER:
		return "a number";
	case TQT_LBRACK:
		return "'['";
	case TQT_RBRACK:
		return "']'";
	case TQT_LPAREN:
		return "'('";
	case TQT_RPAREN:
		return "')'";
	case TQT_LBRACE:
		return "'{'";
	case TQT_RBRACE:
		return "'}'";
	case TQT_COMMA:
		return "','";
	case TQT_AMP:
		return "'&'";
	case TQT_PIPE:
		return "'|'";
	case TQT_BANG:
		return "'!'";
	case TQT_EQ:
		return "'='";
	case TQT_NEQ:
		return "'!='";
	case TQT_LT:
		return "'<'";
	case TQT_GT:
		return "'>'";
	case TQT_SLASH:
		return "'/'";
	case TQT_QMARK:
		return "'?'";
	case TQT_STAR:
		return "'*'";
	case TQT_PLUS:
		return "'+'";
	case TQT_AT:
		return "'@'";
	case TQT_DCOLON:
		return "'::'";
	case TQT_SEMI:
		return "';'";
	}
	return "a token";
}

int tq_lex(tq_lexer *lx, tq_tok *t)
{
	const char *q = lx->q;
	while (lx->pos < lx->len && is_space(q[lx->pos]))
		lx->pos++;
	memset(t, 0, sizeof *t);
	t->off = lx->pos;
	t->text = q + lx->pos;
	if (lx->pos >= lx->len) {
		t->kind = TQT_EOF;
		return 0;
	}
	size_t p = lx->pos;
	unsigned char c = (unsigned char)q[p];
	/* A NUL cannot come from a command line; through the API it would cut
	 * patterns short (C strings), so it is an error wherever it stands. */
	if (c == '\0')
		return td_error_at(
		        TD_ESYNTAX, (long)p, "NUL byte in the query");
	static const char single[] = "[](){},&|<>/?*+=;@";
	static const int kinds[] = {TQT_LBRACK, TQT_RBRACK, TQT_LPAREN,
	        TQT_RPAREN, TQT_LBRACE, TQT_RBRACE, TQT_COMMA, TQT_AMP,
	        TQT_PIPE, TQT_LT, TQT_GT, TQT_SLASH, TQT_QMARK, TQT_STAR,
	        TQT_PLUS, TQT_EQ, TQT_SEMI, TQT_AT};
	if (c == '"' || c == '\'') {
		size_t i = p + 1;
		while (i < lx->len && q[i] != (char)c) {
			if (q[i] == '\\' && i + 1 < lx->len)
				i++;
			if (q[i] == '\0')
				return td_error_at(TD_ESYNTAX, (long)i,
				        "NUL byte in the query");
			i++;
		}
		if (i >= lx->len)
			return td_error_at(TD_ESYNTAX, (long)p,
			        "expected a closing %c for the string opened "
			        "here",
			        c);
		t->kind = TQT_STRING;
		t->text = q + p + 1;
		t->tlen = i - p - 1;
		t->len = i + 1 - p;
	} else if (c == '%') {
		size_t i = p + 1;
		while (i < lx->len &&
		        (q[i] == 'c' || q[i] == 'd' || q[i] == 'l'))
			i++;
		if (i == p + 1 ||
		        (i < lx->len && is_ident((unsigned char)q[i])))
			return td_error_at(TD_ESYNTAX, (long)p,
			        "expected a flag %%c, %%d, %%cd or %%l");
		t->kind = TQT_FLAGS;
		t->text = q + p + 1;
		t->tlen = i - p - 1;
		t->len = i - p;
	} else if (c == '!') {
		if (p + 1 < lx->len && q[p + 1] == '=') {
			t->kind = TQT_NEQ;
			t->len = 2;
		} else {
			t->kind = TQT_BANG;
			t->len = 1;
		}
	} else if (c == ':' && p + 1 < lx->len && q[p + 1] == ':') {
		t->kind = TQT_DCOLON;
		t->len = 2;
	} else if (c >= '0' && c <= '9') {
		size_t i = p;
		long v = 0;
		while (i < lx->len && q[i] >= '0' && q[i] <= '9') {
			if (v <= TQ_MAX_REPEAT)
				v = v * 10 + (q[i] - '0');
			i++;
		}
		t->kind = TQT_NUMBER;
		t->num = v > TQ_MAX_REPEAT ? TQ_MAX_REPEAT + 1 : v;
		t->tlen = t->len = i - p;
	} else if (is_ident_start(c)) {
		size_t i = p;
		while (i < lx->len && is_ident((unsigned char)q[i]))
			i++;
		t->kind = TQT_IDENT;
		t->tlen = t->len = i - p;
	} else {
		const char *s = c ? strchr(single, c) : NULL;
		if (!s)
			return td_error_at(TD_ESYNTAX, (long)p,
			        "expected a token, not the character '%c'",
			        c >= 0x20 && c < 0x7f ? c : '?');
		t->kind = kinds[s - single];
		t->len = 1;
	}
	if (!t->tlen && t->kind != TQT_STRING)
		t->tlen = t->len;
	lx->pos = p + t->len;
	return 0;
}
