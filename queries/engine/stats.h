/* stats.h: corpus statistics over a query's hits: collocations (the words
 * in a window around the hits, with association measures) and keywords (a
 * focus subcorpus against a reference, with keyness measures). Internal to
 * the queries/ area (tq_ names). The measures are pure functions of a
 * contingency table; a measure with no value (a logarithm of 0, a division
 * by 0) is flagged undefined, never replaced by a number.
 */
#ifndef TAGDEX_STATS_H
#define TAGDEX_STATS_H

#include "keyindex.h"
#include "article.h"
#include "filter.h"
#include "hits.h"
#include "plan.h"
#include "index.h"

/* The measures, in the order of their output columns. */
enum {
	TQ_M_LOGDICE,
	TQ_M_MI,
	TQ_M_MI3,
	TQ_M_T,
	TQ_M_Z,
	TQ_M_LL,
	TQ_M_DICE,
	TQ_M_LOG_RATIO,
	TQ_M_PCT_DIFF,
	TQ_M_N
};
/* TQ_M_* for a column name ("logdice", "mi", ..., "pct_diff"), or -1. */
int tq_measure_by(const char *name);
const char *tq_measure_name(int m);

typedef struct tq_measures {
	double expected;  /* E11: expected f_pair (f_focus) */
	double v[TQ_M_N]; /* the values */
	int def[TQ_M_N];  /* 1 where v[i] is defined */
} tq_measures;

/* Association of a collocate with a node (stats.c; tagdex-query(1),
 * COLLOCATIONS): f_pair collocate tokens among the window tokens, f_node
 * hits, f_coll collocate tokens and n tokens in all. Sets the measures
 * logdice..dice and expected. */
void tq_assoc_measures(uint64_t f_pair, uint64_t f_node, uint64_t f_coll,
        uint64_t window, uint64_t n, tq_measures *out);
/* Keyness of a term with f_focus of n_focus tokens against f_ref of n_ref
 * (tagdex-query(1), KEYWORDS): sets ll, log_ratio, pct_diff and expected
 * (the focus's expected frequency). */
void tq_keyness_measures(uint64_t f_focus, uint64_t f_ref, uint64_t n_focus,
        uint64_t n_ref, tq_measures *out);
/* The upper tail of the chi-squared distribution with one degree of
 * freedom at x >= 0: the p-value of a G2 of x. */
double tq_chi2_sf(double x);

/* A table of rows, one per term, with two counts and the measures. */
typedef struct tq_stat_row {
	char *key;
	uint64_t a, b; /* collocations: f_pair, f_coll; keywords: f_focus,
	                * f_ref */
	tq_measures m;
} tq_stat_row;

typedef struct tq_stat_table {
	int keywords;    /* 0: collocations, 1: keywords */
	unsigned ngrams; /* n of an n-gram table (a: its count), else 0 */
	int measure;     /* the TQ_M_* the rows are sorted by */
	tq_stat_row *rows;
	size_t n, cap;
	td_keyindex ix;                /* rows by key */
	uint64_t f_node, window, ntok; /* collocations */
	uint64_t n_focus, n_ref;       /* keywords */
	uint64_t tested;               /* keywords: terms tested */
} tq_stat_table;

void tq_stat_free(tq_stat_table *t);

/* The error of a term or term id of segment s that could not be read:
 * the damage s recorded (TD_ECORRUPT naming the file and the block, as
 * every other query on a damaged segment reports it), else TD_ECORRUPT
 * with what. */
int tq_stat_damaged(const td_seg *s, const char *what);

typedef struct tq_coll_opts {
	int layer;            /* TD_LAYER_* of the collocates */
	int sentence;         /* 1: the window is the hit's sentences */
	uint32_t left, right; /* tokens before and after the hit */
	uint64_t min_freq;    /* least f_coll */
	uint64_t min_pair;    /* least f_pair (>= 1) */
	int measure;          /* TQ_M_LOGDICE .. TQ_M_DICE */
} tq_coll_opts;

/* colloc.c: the collocates of the hits of p under filter f. *out is the
 * caller's to free with tq_stat_free(). 0 or a negative error. */
int tq_collocates(td_index *ix, tq_plan *p, const tq_filter *f,
        const tq_coll_opts *o, tq_stat_table **out);

typedef struct tq_kw_opts {
	int layer;
	uint64_t min_freq; /* least f_focus + f_ref */
	double alpha;      /* keep rows with p <= alpha (1: all) */
	int bonferroni;    /* alpha / the number of terms tested */
	int measure;       /* TQ_M_LL, TQ_M_LOG_RATIO or TQ_M_PCT_DIFF */
} tq_kw_opts;

/* What a TD_ELIMIT message of tq_keywords begins with when its offset is
 * in the reference query, not the focus. */
#define TQ_IN_REFERENCE "in the reference query: "
/* keyness.c: the keywords of the tokens inside hits of focus against those
 * inside hits of ref (NULL: every other token searched), under filter f.
 * TD_EUSAGE when focus and reference share tokens or either is empty. */
int tq_keywords(td_index *ix, tq_plan *focus, tq_plan *ref, const tq_filter *f,
        const tq_kw_opts *o, tq_stat_table **out);

/* ngrams.c: the n-grams (n consecutive tokens of article text in one
 * document) of layer's terms over the documents searched, or with p those
 * holding a whole hit of p (once per hit and position), with a count of at
 * least min_freq. ntok is the tokens searched. */
int tq_ngrams(td_index *ix, tq_plan *p, const tq_filter *f, int layer,
        unsigned n, uint64_t min_freq, tq_stat_table **out);

/* Prints the rows sorted by the table's measure in format fmt (TQ_OUT_*).
 * Returns the number of rows or a negative error. */
long tq_stat_print(tq_stat_table *t, FILE *out, int fmt);
/* A measure's field of a text, TSV or CSV row (fmt): %.3f in text, %.15g
 * otherwise; when undefined (def 0) NA in text and an empty field
 * otherwise. Also freq.c's dispersion columns. */
void tq_stat_num(FILE *out, int fmt, int def, double v);

/* stats.c, for colloc.c and keyness.c: adds (a, b) to the row of a term. */
int tq_stat_add(
        tq_stat_table *t, const char *key, size_t len, uint64_t a, uint64_t b);
/* The row of a term, or NULL. */
tq_stat_row *tq_stat_find(tq_stat_table *t, const char *key, size_t len);
/* Keeps, in their order, the rows for which keep(row, ctx) is non-zero
 * (keep may fill in the row's measures) and frees the others. The rows
 * move: tq_stat_find finds none of them afterwards. */
void tq_stat_keep(
        tq_stat_table *t, int (*keep)(tq_stat_row *, void *), void *ctx);
/* colloc.c, for keyness.c: the hits of p under f sorted by segment,
 * document and start (*out malloc'd), and every term of the documents of s
 * passing f, text that is not the article left out, counted into cnt (by
 * term id) and their number added to *ntok (na is scratch). */
int tq_stats_hits(
        td_index *ix, tq_plan *p, const tq_filter *f, tq_hit **out, size_t *n);
int tq_stats_scan(td_seg *s, int layer, const tq_filter *f, uint64_t *cnt,
        uint64_t *ntok, tq_ranges *na);
/* Replaces the hits *v by the ranges that hold their text (tq_hit_parts:
 * a split quote's parts, not the narration between), sorted as
 * tq_stats_hits sorts them. 0 or an error (*v unchanged). */
int tq_stats_parts(tq_hit **v, size_t *n);

/* disp.c: dispersion of the rows of a frequency table over the documents
 * searched (tagdex-query(1), --dispersion). freq.c tells it the document
 * of each hit (tq_disp_part) and each count it adds to a row (by the row's
 * number in order of creation). */
typedef struct tq_disp tq_disp;
/* The parts: every document passing flt with at least one token of
 * article text, and their sizes. */
int tq_disp_new(td_index *ix, const tq_filter *flt, tq_disp **out);
void tq_disp_free(tq_disp *d);
void tq_disp_part(tq_disp *d, size_t segno, uint32_t doc);
int tq_disp_note(tq_disp *d, size_t row, uint64_t n);
typedef struct tq_disp_row {
	uint64_t docs; /* parts where the row occurs */
	double d, dp;  /* Juilland's D, Gries' DP */
	int d_def, dp_def;
} tq_disp_row;
void tq_disp_get(tq_disp *d, size_t row, tq_disp_row *out);

#endif
