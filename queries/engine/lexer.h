/* lexer.h: the tokens of the query language (CQL) and the lexer that cuts
 * a query string into them (lexer.c). Only the parser reads tokens: the
 * rest of the engine sees a query as its AST (ast.h). Internal to the
 * queries/ area: names start with tq_. */
#ifndef TAGDEX_LEXER_H
#define TAGDEX_LEXER_H

#include <stddef.h>

enum tq_tok_kind {
	TQT_EOF = 0,
	TQT_STRING, /* "..." or '...'; text is the raw regex between the marks
	             */
	TQT_FLAGS,  /* %c, %d, %cd: text holds the letters */
	TQT_IDENT,  /* names: word, norm, within, containing, element names */
	TQT_NUMBER, /* a decimal integer */
	TQT_LBRACK,
	TQT_RBRACK,
	TQT_LPAREN,
	TQT_RPAREN,
	TQT_LBRACE,
	TQT_RBRACE,
	TQT_COMMA,
	TQT_AMP,
	TQT_PIPE,
	TQT_BANG,
	TQT_EQ,
	TQT_NEQ,
	TQT_LT,
	TQT_GT,
	TQT_SLASH,
	TQT_QMARK,
	TQT_STAR,
	TQT_PLUS,
	TQT_SEMI,   /* ';' (CQP's end of a query) */
	TQT_AT,     /* '@' (CQP's target marker) */
	TQT_DCOLON, /* '::' (CQP's global constraint follows) */
};

typedef struct tq_tok {
	int kind;
	size_t off; /* byte offset of the token in the query */
	size_t len; /* bytes of the token in the query */
	const char
	        *text; /* points into the query (for STRING: after the mark) */
	size_t tlen;   /* bytes of text */
	long num;      /* TQT_NUMBER's value (capped at TQ_MAX_REPEAT + 1) */
} tq_tok;

typedef struct tq_lexer {
	const char *q;
	size_t len, pos;
} tq_lexer;

void tq_lexer_init(tq_lexer *lx, const char *q, size_t len);
/* Reads the next token. TD_ESYNTAX (with the offset) for an unterminated
 * string, an unknown flag or a stray character. */
int tq_lex(tq_lexer *lx, tq_tok *out);
/* A short human name of a token kind for messages ("']'", "a string"). */
const char *tq_tok_name(int kind);

#endif
