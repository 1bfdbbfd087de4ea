/* kwic.h: concordance lines (kwic.c): the options that shape them
 * (--context, --show, width, colour), one line per hit made with what its
 * document shares read once (tq_linedoc), and the aligned text rendering.
 * The other formats of a line are render.h's. */
#ifndef TAGDEX_KWIC_H
#define TAGDEX_KWIC_H

#include <stdint.h>
#include <stdio.h>

#include "article.h"
#include "buf.h"
#include "hits.h"
#include "index.h"

/* kwic.c: one concordance line per hit, and its aligned text rendering. */
/* One attribute --show adds to each line (CQP's show +pb_n): the
 * attribute attr of the innermost element elem around the hit, as
 * --sort ELEM@ATTR finds it; key is "elem@attr". */
#define TQ_SHOW_MAX 8
typedef struct tq_show {
	char elem[64], attr[64], key[130];
} tq_show;

typedef struct tq_line {
	tq_hit hit;
	const char *doc, *date, *title; /* borrowed from the index */
	const char *sid;                /* sentence xml:id or NULL */
	uint32_t start, end;            /* token numbers within the document */
	char *left, *match, *right;     /* malloc'd */
	/* --show: nshow values (borrowed from the index, NULL when no such
	 * element is around the hit, malloc'd array) of show_def[i] */
	unsigned nshow;
	const tq_show *show_def;
	const char **show;
} tq_line;

/* One side of --context: n words (elem empty), or n units of element
 * elem ("s": sentences, else blocks): the one holding the hit's first
 * (left) or last (right) token and the n - 1 adjoining it on that side. */
typedef struct tq_ctx_side {
	unsigned n;
	char elem[64];
} tq_ctx_side;

typedef struct tq_kwic_opts {
	int sentence;   /* --context s */
	unsigned words; /* --context N */
	int color;      /* highlight the match (terminal) */
	int pullquotes; /* show text that is not the article in context */
	int sides;      /* 1: left and right say the context, not the above */
	tq_ctx_side left, right;
	unsigned width; /* text: fit each line in this many columns (0: no
	                 * limit, the left context right-aligned to 40) */
	unsigned nshow; /* --show: attributes each line carries */
	tq_show show[TQ_SHOW_MAX];
} tq_kwic_opts;

/* Adds spec's ELEM@ATTR (comma-separated, repeatable) to o->show.
 * TD_EUSAGE naming the bad part (no '@', an empty or too long name, more
 * than TQ_SHOW_MAX in all). */
int tq_show_parse(const char *spec, tq_kwic_opts *o);
/* TD_EUSAGE naming an element of o->show that no segment of ix has. */
int tq_show_check(td_index *ix, const tq_kwic_opts *o);

/* Parses --context: SIDE or LEFT,RIGHT, each N (words, 0-1000), NAME or
 * NNAME (N, 1-100, units of element NAME: s, 2s, p, u, sp, l). Sets
 * o->sides, o->left, o->right; TD_EUSAGE naming the bad part. */
int tq_context_parse(const char *spec, tq_kwic_opts *o);
/* TD_EUSAGE naming an element of o's sides that no segment of ix has. */
int tq_context_check(td_index *ix, const tq_kwic_opts *o);

/* What the lines of one document share, read once for a run of its hits:
 * its metadata (borrowed from the index), its text that is not the article,
 * the sentence of the last hit with its id and where its text was read. Zeroed
 * before first use, tq_linedoc_clear after the last; valid while the hits'
 * segments are open. Any order of hits is right (a hit of another document or
 * segment reads that one); hits in document order read each document once. */
typedef struct tq_linedoc {
	td_seg *seg; /* NULL: nothing read yet (or an error) */
	uint32_t doc;
	int pullquotes;
	td_docinfo di;
	tq_ranges na;
	int has_s; /* a sentence at or before the last hit: si, [s_st, s_en) */
	uint32_t si, s_st, s_en;
	int has_sid; /* sid is sentence sid_si's xml:id (may be NULL) */
	uint32_t sid_si;
	const char *sid;
	td_textcur tc; /* where the last line's text was read */
	td_buf text;   /* a line's left, match or right, before its copy */
} tq_linedoc;

/* Hit h's line with o into *out (tq_line_clear), reading h's document
 * through c unless c holds it already. 0 or an error. */
int tq_line_make_in(
        tq_linedoc *c, const tq_hit *h, const tq_kwic_opts *o, tq_line *out);
void tq_linedoc_clear(tq_linedoc *c);
/* tq_line_make_in for one hit, with nothing kept. */
int tq_line_make(const tq_hit *h, const tq_kwic_opts *o, tq_line *out);
/* The tokens [*from, *to) a line of hit h shows with o, the match in the
 * middle: di is h's document and na its text that is not the article
 * (tq_nonarticle with o->pullquotes), which the line leaves out. */
void tq_line_range(const tq_hit *h, const tq_kwic_opts *o, const td_docinfo *di,
        const tq_ranges *na, uint32_t *from, uint32_t *to);
void tq_line_clear(tq_line *l);
/* The lines of n hits in any order into out[0..n) (out[i] of hits[i]),
 * made document by document: a line reads its document's text, which the
 * segment keeps for one document at a time, so sorted hits made in their
 * order would read a document once a line. On an error none is left to
 * free. */
int tq_lines_make(
        const tq_hit *hits, size_t n, const tq_kwic_opts *o, tq_line *out);
int tq_kwic_print(FILE *out, const tq_line *l, const tq_kwic_opts *o);

#endif
