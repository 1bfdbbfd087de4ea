/* blocks.h: the reading stage's output and the structure builder's input.
 * A reader (plain text, HTML) turns a file into normalised text plus a list
 * of classified blocks (title, standfirst, metadata line, heading,
 * paragraph); the structure builder (structure.h) turns blocks into a
 * td_doc with TEI structure spans and sentences. Internal to tagdex (not
 * installed).
 */
#ifndef TAGDEX_BLOCKS_H
#define TAGDEX_BLOCKS_H

#include "tagdex.h"

/* ------------------------------------------------------------- blocks */

typedef enum td_block_kind {
	TD_BLOCK_TITLE = 1,  /* the article title (front/docTitle) */
	TD_BLOCK_STANDFIRST, /* the standfirst (front/argument) */
	TD_BLOCK_META, /* "Expert comment Published 19 January 2024 ..." */
	TD_BLOCK_HEAD, /* a section heading (or a layout marker line) */
	TD_BLOCK_PARA, /* a body paragraph (pull quotes included) */
} td_block_kind;

typedef struct td_block {
	td_block_kind kind;
	size_t start, end; /* byte range in text, trimmed of XML white space */
} td_block;

/* Byte ranges found in a metadata line; start == end when absent. */
typedef struct td_meta_line {
	size_t genre_start, genre_end;
	size_t date_start, date_end;
	size_t time_start, time_end; /* reading time, "3 minute READ" */
	char iso[11];                /* "2024-01-19", "" when no date */
} td_meta_line;

typedef struct td_blocks {
	char *name; /* the input's base name, for messages and the header */
	char *text; /* NUL-terminated UTF-8: the document text */
	size_t len;
	td_block *v; /* in text order, not overlapping */
	size_t n, cap;
	td_meta meta; /* title, standfirst, date, genre, reading time, source */
	td_meta_line line; /* ranges inside the TD_BLOCK_META block, if any */
} td_blocks;

/* Frees what b owns (not b itself) and zeroes it. */
void td_blocks_clear(td_blocks *b);

/* Appends a block; TD_ENOMEM on failure. */
int td_blocks_add(td_blocks *b, td_block_kind kind, size_t start, size_t end);

/* text_reader.c: the length of the valid UTF-8 sequence at s[0, n) that is also
 * an XML character (no surrogates, U+FFFE, U+FFFF), with *cp its code
 * point; 0 if there is none. Both readers decode input with it. */
size_t td_utf8_char(const unsigned char *s, size_t n, unsigned *cp);

/* text_reader.c: reads a plain-text article (data[0, len), name for messages)
 * into out (zeroed by the caller, cleared with td_blocks_clear()).
 * The text is the input without a UTF-8 BOM and with CRLF (and lone CR)
 * turned into LF; no-break spaces and tabs are kept. Blocks are separated by
 * blank lines. Errors (TD_EINPUT): "NAME: empty input", "NAME: invalid
 * UTF-8 at byte N (line L)", NUL and other control bytes likewise. With
 * lenient, bad bytes become U+FFFD and a warning is given instead. A file
 * without a metadata line gives a warning and no date. The SHA-256 in
 * out->meta is of the raw input bytes. */
int td_text_read(const char *name, const char *data, size_t len, int lenient,
        td_blocks *out);

/* Parses a metadata line s[0, len) ("GENRE Published DATE N minute READ").
 * Offsets in out are relative to s. Returns 1 when the line is a metadata
 * line (it has a date and "Published"/"Updated" or a reading time), else 0.
 * Dates: "19 January 2024", "19 Jan 2024", "Jan 19, 2024", "January 19
 * 2024", "2024-01-19". */
int td_meta_line_parse(const char *s, size_t len, td_meta_line *out);

#endif
