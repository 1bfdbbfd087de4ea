/* tagdex.h: the interface of libtagdex to the rest of tagdex (the programs,
 * the query engine, the tests); not installed (see Makefile.am).
 *
 * A document is its text (the text content of TEI <text>, in reading order)
 * plus standoff spans over it: every TEI element below <text> is a span with
 * a byte range and attributes. Readers (plain text, HTML, TEI) build that
 * model, annotators add spans to it, the TEI writer nests it into XML, and the
 * index stores it. The library never prints and never exits: functions return
 * 0 or a negative TD_E* code and leave a message for td_error_last().
 */
#ifndef TAGDEX_H
#define TAGDEX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- errors */

enum {
	TD_OK = 0,
	TD_ENOMEM = -1,   /* allocation failed */
	TD_EIO = -2,      /* a file could not be read or written */
	TD_EINPUT = -3,   /* bad input data (encoding, XML, layout) */
	TD_EUSAGE = -4,   /* the caller passed something meaningless */
	TD_ECORRUPT = -5, /* an index file fails its checksum or structure */
	TD_ELOCKED = -6,  /* another writer holds the index lock */
	TD_EVERSION = -7, /* an index written by another format version */
	TD_ENOTFOUND = -8,
	TD_ESYNTAX = -9, /* a query does not parse; message has the offset */
	TD_ELIMIT = -10, /* a resource bound was hit (regex, depth, size) */
	TD_EINTR = -11,  /* stopped at the caller's request (see
	                  * td_writer_set_interrupt, tq_filter.deadline);
	                  * nothing was changed */
};

/* The message recorded by the last failing call in this thread, or "" if
 * none. The string is owned by the library and valid until the next call
 * that fails. */
const char *td_error_last(void);

/* The byte offset into the query that the last TD_ESYNTAX refers to, or -1. */
long td_error_offset(void);

/* Warnings (recoverable oddities in input) go to a callback the program
 * installs; the default drops them. Not thread-safe to change while working.
 * (Recording an error or a warning, td_error() and td_warn(), is the
 * library's side: error.h.) */
typedef void (*td_warn_fn)(void *ctx, const char *msg);
void td_set_warn(td_warn_fn fn, void *ctx);

const char *td_version(void);

/* ------------------------------------------------------- document model */

/* A span's name and its attributes' names are either one of the fixed
 * names of doc.c's tables (static storage: never written, never freed) or
 * owned by the span; which, only td_span_clear() needs to know. Values are
 * always owned. So a span is freed by td_span_clear() alone, never by
 * free() of its strings. */
typedef struct td_attr {
	const char *name; /* e.g. "ref", "xml:id", "ana" */
	char *value;
} td_attr;

/* One element over doc->text[start, end). Spans nest; when two spans cover
 * the same range the one with the lower rank is outside. */
typedef struct td_span {
	size_t start, end;
	const char *name; /* element name without prefix, e.g. "persName" */
	td_attr *attrs;
	uint32_t n_attrs;
	int32_t rank;     /* see td_span_rank() */
	size_t cap_attrs; /* TD_VEC_RESERVE's (td_span_put_attr) */
} td_span;

/* The default nesting rank of an element name: text < front/body < div <
 * head/p < s < said < q < names < seg < date < w. Unknown names rank 50. */
int32_t td_span_rank(const char *name);
/* name as the span stores it: the table's copy when it is a fixed name
 * (static, see td_attr), else a copy the caller owns until it is a span's;
 * NULL when out of memory. Attribute names go through
 * td_span_put_attr(). */
const char *td_span_name_dup(const char *name);
/* Frees what *sp owns (its name unless static, its attributes' names
 * unless static, their values, the array) and leaves *sp empty. */
void td_span_clear(td_span *sp);

typedef struct td_actor {
	char *key;  /* "kim-jong-un": the xml:id in listPerson/listOrg */
	char *kind; /* "person", "org", "state", "group" */
	char *name; /* canonical name */
} td_actor;

/* Header metadata. All strings may be NULL when unknown. */
typedef struct td_meta {
	char *title;
	char *subtitle; /* the standfirst */
	char *date;  /* ISO publication date, YYYY-MM-DD (or YYYY, YYYY-MM) */
	char *genre; /* "Expert comment" */
	char *reading_time; /* "3 minute READ" */
	char *author;
	char *url;           /* canonical URL of an HTML source */
	char *source_name;   /* the input file's base name */
	char *source_sha256; /* hex SHA-256 of the input bytes */
	char *extraction;    /* how the text was found (HTML), for the header */
	char *tei_header;    /* a TEI input's own teiHeader, serialized; the
	                      * writer keeps it and adds tagdex's parts */
} td_meta;

typedef struct td_doc {
	char *id;   /* "doc-SLUG" */
	char *text; /* NUL-terminated UTF-8 */
	size_t len;
	td_span *spans;
	size_t n_spans, cap_spans;
	td_meta meta;
	td_actor *actors; /* listPerson / listOrg entries, unique keys */
	size_t n_actors, cap_actors;
	/* The tokens of text (td_tokenize(text, len, 0)) when a stage has cut
	 * them for a later one, else NULL. Valid only while text is unchanged;
	 * owned (td_doc_free frees it); a stage may take it over. */
	struct td_tokens *tokens;
	/* The part of speech and lemma of every token (the index's pos and
	 * lemma layers), when a stage has tagged the document; else NULL,
	 * and the index takes them from <w pos lemma> spans (td_doc_w_layers),
	 * "" where none covers a token. Owned; see td_toklayers. */
	struct td_toklayers *layers;
	/* The part-of-speech tag number of every token of tokens (the
	 * annotator's pos stage, words.c: td_words_tag), by the model whose
	 * checksum is pos_model, so that a document is tagged once for the
	 * annotation, --words and the index's layers; NULL when untagged.
	 * Owned; valid while text is unchanged. */
	uint8_t *pos_tags;
	uint32_t pos_model;
	/* With pos_tags: per token the hash (td_hash) of its first 64 bytes,
	 * which the tagger computes anyway, for the lemma cache (words.c). */
	uint64_t *pos_hash;
	/* The distinct strings of tokens (td_doc_terms), for the index;
	 * NULL when not made. Owned; valid while tokens is unchanged. */
	struct td_tokterms *terms;
	/* Per token of tokens, the first token of the same bytes, as the
	 * annotator's word memo found them (td_tok_classify), so that
	 * td_doc_terms numbers the distinct strings without a table of its
	 * own; NULL when not kept (a document of more distinct words than
	 * the memo holds, or not annotated). Owned; valid while tokens is
	 * unchanged. */
	uint32_t *tok_first;
} td_doc;

/* Per-token layers: for token i (of td_tokenize(text, len, 0)) its part
 * of speech and its lemma, NUL-terminated strings in buf at off[2i] and
 * off[2i + 1]. */
typedef struct td_toklayers {
	size_t n;      /* tokens */
	uint32_t *off; /* 2n offsets into buf */
	char *buf;
	size_t len, cap;
} td_toklayers;

/* A td_toklayers for n tokens, every value "". */
int td_toklayers_new(size_t n, td_toklayers **out);
void td_toklayers_free(td_toklayers *l);
/* Sets token i's part of speech and lemma (copied; NULL leaves a value as
 * it is). */
int td_toklayers_set(
        td_toklayers *l, size_t i, const char *pos, const char *lemma);
/* Stores s once in l (off: its offset in buf; "" is offset 0), for
 * td_toklayers_set_off: a caller that knows which tokens share a value
 * copies it once per document, not once per token. */
int td_toklayers_put(td_toklayers *l, const char *s, uint32_t *off);
/* Sets token i's part of speech and lemma to the strings at offsets pos
 * and lemma (from td_toklayers_put, or 0 for ""). */
static inline void td_toklayers_set_off(
        td_toklayers *l, size_t i, uint32_t pos, uint32_t lemma)
{
	l->off[2 * i] = pos;
	l->off[2 * i + 1] = lemma;
}
static inline const char *td_toklayers_pos(const td_toklayers *l, size_t i)
{
	return l->buf + l->off[2 * i];
}
static inline const char *td_toklayers_lemma(const td_toklayers *l, size_t i)
{
	return l->buf + l->off[2 * i + 1];
}
/* For each of the n tokens t of doc, the pos and lemma attributes of the
 * innermost <w> span holding the whole token (pos[i], lemma[i]: pointers
 * into doc's spans, NULL when no such span has the attribute): how TEI
 * input that is already tagged keeps its own tags. */
void td_doc_w_layers(const td_doc *doc, const struct td_tokens *t,
        const char **pos, const char **lemma);

/* Creates an empty document owning a copy of text[0, len). */
int td_doc_new(const char *id, const char *text, size_t len, td_doc **out);
void td_doc_free(td_doc *doc);

/* Appends a span; attrs are given as name, value pairs ending in NULL.
 * Copies everything. Returns the new span's index via out_index (may be
 * NULL). */
int td_doc_add_span(td_doc *doc, const char *name, size_t start, size_t end,
        size_t *out_index, ...) __attribute__((sentinel));
/* Removes span i, the others keeping their order (an annotator taking
 * back an element it added). */
void td_doc_drop_span(td_doc *doc, size_t i);
/* Sets (replaces or adds) an attribute on span i. */
int td_span_set_attr(
        td_doc *doc, size_t i, const char *name, const char *value);
/* The same on the span *sp (one of a reader's, not yet a document's). */
int td_span_put_attr(td_span *sp, const char *name, const char *value);
const char *td_span_attr(const td_span *sp, const char *name);
/* Sorts spans into document order: start ascending, end descending, rank;
 * stable (equal spans keep the order they were added in). */
void td_doc_sort_spans(td_doc *doc);
/* The order spans nest in: by start, the longer first, then by rank. */
int td_span_order(const td_span *a, const td_span *b);
/* Frees every field of m and zeroes it (m itself is the caller's). */
void td_meta_clear(td_meta *m);
/* Adds an actor to the header list unless its key is there already. */
int td_doc_add_actor(
        td_doc *doc, const char *key, const char *kind, const char *name);
int td_meta_set(char **field, const char *value);

/* --------------------------------------------------------------- tokens */

/* A token is a byte range of doc text: a word (letters, digits, marks, with
 * internal apostrophes, hyphens and dots as in "don't", "Kim Jong-un",
 * "U.S.", "2.5"), a clitic "'s"/"’s", or one punctuation character (runs of
 * dots and dashes stay together). White space is never part of a token. */
typedef struct td_token {
	uint32_t start, end;
} td_token;

typedef struct td_tokens {
	td_token *v;
	size_t n, cap;
} td_tokens;

/* The distinct strings among a document's tokens, numbered in the order
 * they first occur: the segment builder looks each up in its word table
 * once a document instead of once a token, and tagdex-ingest's tagging
 * threads (-j) do the per-token part (issue 17: the thread that adds the
 * documents to the segment runs alone). */
typedef struct td_tokterms {
	size_t n;        /* tokens */
	uint32_t *tok;   /* per token, its string's number */
	size_t nterms;   /* distinct strings */
	uint32_t *first; /* per string, the token where it first occurs */
	uint64_t *hash;  /* per string, td_hash of its bytes */
} td_tokterms;

/* doc->tokens, cut now (td_tokenize(text, len, 0)) if no stage has kept
 * them; *out is owned by doc. 0, or TD_ENOMEM / td_tokenize's error. */
int td_doc_tokens(td_doc *doc, struct td_tokens **out);
/* doc->terms from doc->tokens (cut first if no stage kept them), through
 * doc->tok_first when the annotator kept it and the tokens are its. */
int td_doc_terms(td_doc *doc);
void td_tokterms_free(td_tokterms *t);

/* Appends the tokens of text[0, len) to out, with offsets plus base. */
int td_tokenize(const char *text, size_t len, size_t base, td_tokens *out);
void td_tokens_clear(td_tokens *t);

/* The normalised form of a token: NFC, Unicode case fold, apostrophe and
 * quote variants folded (td_fold_quotes). *out is malloc'd. */
int td_normalize(const char *s, size_t len, char **out, size_t *out_len);
/* The same with diacritics removed (for %d). */
int td_normalize_nodiac(const char *s, size_t len, char **out, size_t *out_len);
/* Apostrophe variants (U+2018, U+2019, U+201B, U+02BC, U+FF07) become ',
 * double quote variants (U+201C, U+201D, U+201E, U+201F, U+FF02) become ";
 * nothing else changes, invalid UTF-8 included. *out is malloc'd; returns 0
 * or TD_ENOMEM. */
int td_fold_quotes(const char *s, size_t len, char **out, size_t *out_len);
/* %d: diacritics removed (NFD, combining marks dropped, NFC), then letters
 * and symbols without a decomposition folded to ASCII as Lucene's
 * ASCIIFoldingFilter does (ø o, ł l, æ ae, ß ss, ’ ', “ "). Case is kept.
 * *out is malloc'd; 0, TD_ENOMEM, or TD_EINPUT for invalid UTF-8. */
int td_fold_diacritics(const char *s, size_t len, char **out, size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif
