/* util.h: small helpers of util.c that the library and the programs share:
 * TSV lexicon files, the lexicon directory, whole-file reads, SHA-256 and
 * slugs. Not part of the document model (tagdex.h). Internal to tagdex.
 */
#ifndef TAGDEX_UTIL_H
#define TAGDEX_UTIL_H

#include <stddef.h>

/* --------------------------------------------------------------- lexicons */

/* A TSV file: lines of tab-separated fields; '#' starts a comment line;
 * blank lines are skipped. Rows keep their source line for messages. */
typedef struct td_tsv_row {
	char **f;
	size_t n;
	int line;
} td_tsv_row;

typedef struct td_tsv {
	char *path;
	td_tsv_row *rows;
	size_t n, cap;
} td_tsv;

int td_tsv_load(const char *path, td_tsv **out);
void td_tsv_free(td_tsv *t);

/* One row of a TSV file, as td_tsv_each hands it over: its fields (r->f,
 * r->n; r->line is its line in the file), the file's path, and its
 * number among the file's rows (comment and blank lines not counted),
 * from 0. */
typedef struct td_lex_row {
	const td_tsv_row *r;
	const char *path;
	size_t index;
} td_lex_row;

/* Reads path as TSV (td_tsv_load) and calls fn(ctx, row) for each row in
 * order, stopping at the first nonzero return, which it returns (an error
 * fn recorded, usually through td_lex_error). The loaders of lexicons
 * read their files through it, so each is only what it makes of a row. */
int td_tsv_each(const char *path, int (*fn)(void *ctx, const td_lex_row *row),
        void *ctx);

/* Records "FILE:LINE: " and the formatted message for row as a TD_EINPUT
 * error and returns TD_EINPUT. */
int td_lex_error(const td_lex_row *row, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* The default directory of the lexicons: the installed
 * $(pkgdatadir)/lexicons, or, in a build that is not installed,
 * corpus/lexicons of the source tree it was built from. The library reads
 * no environment: the programs put $TAGDEX_LEXICONS before this. */
const char *td_lexicon_dir(void);

/* ------------------------------------------------------------ utilities */

/* Hex SHA-256 (65 bytes with NUL) of data. */
void td_sha256_hex(const void *data, size_t len, char out[65]);

/* Reads a whole file; *out is NUL-terminated and malloc'd. */
int td_read_file(const char *path, char **out, size_t *out_len);

/* Reads a list file: one entry a line, blanks trimmed at both ends; blank
 * lines and lines starting with '#' are skipped. Calls fn with each entry
 * (NUL-terminated, len bytes, valid during the call) and its line number
 * (from 1, for messages: "FILE:LINE: ...") until fn returns non-zero. *n
 * counts the entries passed to fn. 0, TD_EIO (the message names the
 * file), TD_ENOMEM, or what fn returned. */
int td_read_list(const char *path,
        int (*fn)(void *arg, const char *entry, size_t len, size_t line),
        void *arg, size_t *n);

/* The slug of a name: lowercase ASCII letters and digits joined by '-',
 * accents folded ("Kim Jong-un" -> "kim-jong-un"). *out is malloc'd. */
int td_slug(const char *name, char **out);
/* td_slug's step after the Unicode folding: the slug of the n bytes of src
 * written to out (room for n + 1 bytes), NUL-terminated; returns its
 * length. Letters and digits lowercased, apostrophes (' and U+2019)
 * dropped, every other run one '-' between them. For ASCII input it is
 * the whole of td_slug. */
size_t td_slug_bytes(const char *src, size_t n, char *out);

/* 1 if s is an ISO 8601 calendar date YYYY, YYYY-MM or YYYY-MM-DD of a
 * month and day that exist (2024-13-01, 2023-02-29 are not): what a date
 * filter can compare. A TEI header's date and tagdex-query's --from and
 * --to are held to it. */
int td_iso_date(const char *s);

/* Initialises libxml2 once per process and installs an external entity
 * loader that refuses every load (process-wide: tagdex never loads
 * external entities, so no input makes it open a file or the network).
 * Every reader calls it before parsing; safe from several threads. */
void td_xml_init(void);

#endif
