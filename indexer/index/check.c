/* check.c: td_index_check, the full verification behind `--check`. It
 * checks every checksum and then the structure a reader relies on: sorted
 * lexicons, postings that decode to their stored frequencies, term ids and
 * spans in range, documents whose text re-tokenises to their token count.
 * It must not keep what it reads: one segment at a time, and the pages and
 * strings read let go (td_seg_trim) whenever the pages resident grow past
 * a budget, so its memory does not grow with the index (it reached 16 GiB
 * at 1B tokens). */
#include "config.h"
#include "index_int.h"
#include "segment.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Units of work: a token re-tokenised, a term, a position looked up in
 * the id table and a span are one each, and each touches a page or two (a
 * lexicon string, a packed id), and the kernel maps up to 16 pages around
 * a fault: at most CHECK_UNIT bytes a unit. The pages resident are looked
 * at when the units since the last look could have filled what is left
 * of the budget (rarely while far below it); past it, the segment is
 * trimmed. Letting pages go more often than that costs more than the
 * check itself: the lexicon is read again and again. */
#define CHECK_UNIT ((size_t)128 << 10)
#define CHECK_LOOK_MIN 16u
#define CHECK_LOOK_MAX 4096u

typedef struct budget {
	size_t max;    /* bytes of file pages resident allowed on top of */
	size_t base;   /* those resident when the check began (SIZE_MAX:
	                * not known; then trimmed every CHECK_LOOK_MAX) */
	uint32_t work; /* units since the last look */
	uint32_t next; /* units before the next look */
} budget;

/* Bytes of file pages mapped and resident in this process (Linux
 * /proc/self/statm: its third field), or SIZE_MAX if not known. */
static size_t file_resident(void)
{
	char buf[128];
	int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return SIZE_MAX;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	unsigned long size, res, shared;
	if (n <= 0)
		return SIZE_MAX;
	buf[n] = '\0';
	if (sscanf(buf, "%lu %lu %lu", &size, &res, &shared) != 3)
		return SIZE_MAX;
	long page = sysconf(_SC_PAGESIZE);
	return (size_t)shared * (size_t)(page > 0 ? page : 4096);
}

static void tick(td_seg *s, budget *bu, uint32_t n)
{
	bu->work += n;
	if (bu->work < bu->next)
		return;
	bu->work = 0;
	/* the pages, and the heap the segment keeps of what it decoded
	 * (span attribute values: 1.4 MB of a 6 MB index; lexicon strings) */
	size_t r = bu->base == SIZE_MAX ? SIZE_MAX : file_resident();
	if (r != SIZE_MAX)
		r += s->kept + s->lstr_bytes;
	if (r == SIZE_MAX || r > bu->base + bu->max) {
		td_seg_trim(s);
		if (r != SIZE_MAX)
			r = file_resident();
	}
	size_t left = r != SIZE_MAX && bu->base + bu->max > r
	                      ? bu->base + bu->max - r
	                      : 0;
	bu->next = r == SIZE_MAX                        ? CHECK_LOOK_MAX
	           : left / CHECK_UNIT < CHECK_LOOK_MIN ? CHECK_LOOK_MIN
	           : left / CHECK_UNIT > CHECK_LOOK_MAX
	                   ? CHECK_LOOK_MAX
	                   : (uint32_t)(left / CHECK_UNIT);
}

/* rc with its message naming the segment once: the postings' damage
 * names it already (td_seg_mark_damaged), other errors do not. */
static int named(td_seg *s, int rc)
{
	char msg[1024];
	size_t n = strlen(s->path);
	snprintf(msg, sizeof msg, "%s", td_error_last());
	if (!strncmp(msg, s->path, n) && msg[n] == ':')
		return rc;
	return td_error(
	        rc == TD_ENOMEM ? rc : TD_ECORRUPT, "%s: %s", s->path, msg);
}

/* The positions of each term of a layer with scanned terms (the pos
 * layer: td_seg_lex_scanned), counted in one pass over the id table into
 * *out (n counts, malloc'd; NULL if the layer has none). A scanned
 * term's postings are those positions: reading them through
 * td_postings_next would build, for a frequent tag, the union of its
 * words' postings, an open list per word (3.9 MB of the 6 MB --check
 * kept on an index of 10 MB: test_rss.sh). 0, or an error. */
static int count_scanned(
        td_seg *s, int layer, uint32_t n, budget *bu, uint64_t **out)
{
	*out = NULL;
	uint32_t id = 0;
	while (id < n && !td_seg_lex_scanned(s, layer, id))
		id++;
	if (id == n)
		return td_seg_damaged(s) < 0 ? TD_ECORRUPT : 0;
	uint64_t *c = calloc(n, sizeof *c);
	if (!c)
		return td_error(TD_ENOMEM, "out of memory");
	for (uint32_t pos = 0; pos < td_seg_ntokens(s); pos++) {
		uint32_t v = td_seg_id_at(s, layer, pos);
		if (v >= n) {
			free(c);
			return td_error(TD_ECORRUPT,
			        "%s: position %u has no term of layer %d",
			        s->path, pos, layer);
		}
		c[v]++;
		tick(s, bu, 1);
	}
	*out = c;
	return 0;
}

/* The postings of term id of layer: their count into *f, each position
 * checked against the id table. 0, or an error. */
static int check_postings(
        td_seg *s, int layer, uint32_t id, budget *bu, uint64_t *f)
{
	td_postings *p;
	int rc = td_postings_open(s, layer, id, &p);
	if (rc)
		return rc;
	uint32_t pos;
	*f = 0;
	while ((rc = td_postings_next(p, 0, &pos)) == 1) {
		if (td_seg_id_at(s, layer, pos) != id) {
			td_postings_close(p);
			return td_error(TD_ECORRUPT,
			        "%s: position %u of term "
			        "%u disagrees with the id table",
			        s->path, pos, id);
		}
		++*f;
		tick(s, bu, 1);
	}
	td_postings_close(p);
	return rc < 0 ? named(s, rc) : 0;
}

static int check_layer(td_seg *s, int layer, budget *bu)
{
	uint32_t n = td_seg_lex_size(s, layer);
	uint64_t total = 0, *scanned;
	const char *prev = NULL;
	size_t plen = 0;
	int rc = count_scanned(s, layer, n, bu, &scanned);
	if (rc)
		return rc;
	for (uint32_t id = 0; id < n; id++) {
		size_t len;
		const char *t = td_seg_lex_term(s, layer, id, &len);
		if (!t) {
			rc = td_seg_term_err(s);
			break;
		}
		if (prev) {
			int c = memcmp(prev, t, plen < len ? plen : len);
			if (c > 0 || (c == 0 && plen >= len)) {
				rc = td_error(TD_ECORRUPT,
				        "%s: lexicon %d out of "
				        "order at term %u",
				        s->path, layer, id);
				break;
			}
		}
		prev = t;
		plen = len;
		uint64_t f = 0;
		if (scanned && td_seg_lex_scanned(s, layer, id))
			f = scanned[id];
		else if ((rc = check_postings(s, layer, id, bu, &f)))
			break;
		if (f != td_seg_lex_freq(s, layer, id)) {
			rc = td_error(TD_ECORRUPT,
			        "%s: term %u has %llu positions, "
			        "its count says %llu",
			        s->path, id, (unsigned long long)f,
			        (unsigned long long)td_seg_lex_freq(
			                s, layer, id));
			break;
		}
		if (scanned && scanned[id] != f) {
			rc = td_error(TD_ECORRUPT,
			        "%s: term %u of layer %d has %llu positions, "
			        "the id table %llu",
			        s->path, id, layer, (unsigned long long)f,
			        (unsigned long long)scanned[id]);
			break;
		}
		total += f;
		tick(s, bu, 1);
	}
	free(scanned);
	if (rc)
		return rc;
	if (total != td_seg_ntokens(s))
		return td_error(TD_ECORRUPT,
		        "%s: postings of layer %d cover %llu "
		        "of %u positions",
		        s->path, layer, (unsigned long long)total,
		        td_seg_ntokens(s));
	return 0;
}

static int check_work(td_seg *s, budget *bu)
{
	int rc;
	if ((rc = td_seg_verify(s)))
		return rc;
	uint32_t next = 0;
	for (uint32_t d = 0; d < td_seg_ndocs(s); d++) {
		td_docinfo di;
		uint32_t a, b;
		if ((rc = td_seg_doc(s, d, &di)))
			return rc;
		if (di.first_tok != next)
			return td_error(TD_ECORRUPT,
			        "%s: document %u starts at token "
			        "%u, expected %u",
			        s->path, d, di.first_tok, next);
		next += di.ntok;
		/* re-tokenises the text and compares the count */
		if (di.ntok &&
		        (rc = td_seg_tok_offsets(s, di.first_tok, &a, &b)))
			return rc;
		tick(s, bu, di.ntok + 1);
	}
	if (next != td_seg_ntokens(s))
		return td_error(TD_ECORRUPT,
		        "%s: documents cover %u of %u tokens", s->path, next,
		        td_seg_ntokens(s));
	for (int l = 0;
	        l < (td_seg_has_layers(s) ? TD_NLAYERS : TD_LAYER_LEMMA); l++)
		if ((rc = check_layer(s, l, bu)))
			return rc;
	for (uint32_t k = 0; k < td_seg_span_nnames(s); k++) {
		if (!td_seg_span_name(s, k))
			return TD_ECORRUPT;
		uint32_t n = td_seg_span_count(s, k), ps = 0, pe = UINT32_MAX;
		for (uint32_t i = 0; i < n; i++) {
			uint32_t a, b;
			if ((rc = td_seg_span_get(s, k, i, &a, &b)))
				return rc;
			if (a < ps || (a == ps && b > pe))
				return td_error(TD_ECORRUPT,
				        "%s: spans of <%s> out of "
				        "order",
				        s->path, td_seg_span_name(s, k));
			ps = a;
			pe = b;
			for (uint32_t j = 0; j < td_seg_span_nattrs(s, k, i);
			        j++) {
				const char *an, *av;
				if ((rc = td_seg_span_attr(
				             s, k, i, j, &an, &av)))
					return rc;
			}
			tick(s, bu, 1);
		}
	}
	return 0;
}

static int seg_check(td_seg *s, budget *bu)
{
	int rc = check_work(s, bu);
	td_seg_trim(s);
	return rc;
}

static void budget_init(budget *bu, size_t max)
{
	memset(bu, 0, sizeof *bu);
	bu->max = max < TD_WRITER_MEMORY_MIN ? TD_WRITER_MEMORY_MIN : max;
	bu->base = file_resident();
	bu->next = CHECK_LOOK_MIN;
}

int td_seg_check(td_seg *s)
{
	budget bu;
	budget_init(&bu, TD_WRITER_MEMORY);
	return seg_check(s, &bu);
}

/* Files the committed manifest does not name: warnings, not damage. */
static void warn_strays(const char *dir, td_index *ix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		const char *n = e->d_name;
		int named = !strcmp(n, ".") || !strcmp(n, "..") ||
		            !strcmp(n, "MANIFEST") || !strcmp(n, "LOCK");
		for (size_t i = 0; i < td_index_nsegs(ix) && !named; i++)
			named = !strcmp(n, td_index_seg_name(ix, i));
		if (named)
			continue;
		if (!strncmp(n, "seg-", 4) || strstr(n, ".tmp"))
			td_warn("%s/%s: stray file: no committed manifest "
			        "names "
			        "it (left by a writer that was stopped; the "
			        "next "
			        "writer removes it)",
			        dir, n);
		else
			td_warn("%s/%s: not an index file", dir, n);
	}
	if (d)
		closedir(d);
}

int td_index_check(const char *dir)
{
	return td_index_check_memory(dir, TD_WRITER_MEMORY, 0);
}

int td_index_check_memory(const char *dir, size_t bytes, int flags)
{
	td_index *ix;
	budget bu;
	int rc = td_index_open(dir, &ix);
	if (rc)
		return rc;
	if ((rc = flags & TD_CHECK_IDS ? td_index_check_ids(ix)
	                               : td_index_check_live(ix))) {
		td_index_close(ix);
		return rc;
	}
	/* the pages the open and the live-document check read (every
	 * document's record) go first: else they stay, on top of the
	 * budget (4.8 MB of the 6 MB test_rss.sh measured) */
	for (size_t i = 0; i < td_index_nsegs(ix); i++)
		td_seg_trim(td_index_seg(ix, i));
	budget_init(&bu, bytes);
	for (size_t i = 0; i < td_index_nsegs(ix) && !rc; i++)
		rc = seg_check(td_index_seg(ix, i), &bu);
	if (!rc)
		warn_strays(dir, ix);
	td_index_close(ix);
	return rc;
}
