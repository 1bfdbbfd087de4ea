/* subcorpus.c: saved query results (CQP's named queries and subcorpora):
 * the spans or the documents of a query's hits, stored in the index
 * directory under subcorpora/NAME with the index generation they were
 * found in, and read back as a filter (tq_filter.in) that restricts later
 * queries to them. Written to a temporary file, fsynced and renamed: a
 * reader sees a whole file or none. Never touches segments or MANIFEST.
 */
#include "config.h"
#include "hits.h"
#include "subcorpus.h"
#include "error.h"
#include "vec.h"
#include "hash.h"
#include "lower.h"
#include "index.h"
#include "tagdex.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SUBDIR "subcorpora"
#define MAGIC "tagdex-subcorpus 1"

/* one saved span (or document: the whole of it) in segment positions */
typedef struct sspan {
	uint32_t doc, start, end;
} sspan;

typedef struct sseg {
	td_seg *seg;
	sspan *v; /* by doc, then start */
	size_t n, cap;
} sseg;

struct tq_sub {
	int docs; /* saved documents, not spans */
	sseg *segs;
	size_t nsegs;
};

int tq_sub_name_ok(const char *name)
{
	size_t n = strlen(name);
	if (!n || n > 64 || name[0] == '.' || name[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		            (c >= '0' && c <= '9') || c == '_' || c == '-' ||
		            c == '.'))
			return 0;
	}
	return 1;
}

static int path_of(char *buf, size_t n, const char *dir, const char *name,
        const char *suffix)
{
	if (snprintf(buf, n, "%s/" SUBDIR "%s%s%s", dir, name ? "/" : "",
	            name ? name : "", suffix) >= (int)n)
		return td_error(TD_EUSAGE, "%s: path too long", dir);
	return 0;
}

static int fsync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return td_error(TD_EIO, "%s: %s", path, strerror(errno));
	int rc = fsync(fd) ? td_error(TD_EIO, "%s: fsync: %s", path,
	                             strerror(errno))
	                   : 0;
	close(fd);
	return rc;
}

/* ------------------------------------------------------------- saving */

typedef struct rec {
	const char *id, *src; /* the document's id and source, as keys */
	uint32_t start, end;  /* token numbers within the document */
} rec;

static int by_rec(const void *x, const void *y)
{
	const rec *a = x, *b = y;
	int c = strcmp(a->src, b->src);
	if (!c)
		c = strcmp(a->id, b->id);
	if (!c)
		c = (a->start > b->start) - (a->start < b->start);
	if (!c)
		c = (a->end > b->end) - (a->end < b->end);
	return c;
}

/* the records so far, and the document of the hit being added */
typedef struct recs {
	rec *v;
	size_t n, cap;
	td_docinfo di;
} recs;

static int add_rec(void *ctx, uint32_t start, uint32_t end)
{
	recs *r = ctx;
	if (TD_VEC_RESERVE(r->v, r->n, r->cap, 64))
		return td_error(TD_ENOMEM, "out of memory");
	r->v[r->n++] = (rec){r->di.id, r->di.source, start - r->di.first_tok,
	        end - r->di.first_tok};
	return 0;
}

/* a field written on one line: tabs and line ends refused */
static int plain(const char *s)
{
	return !strpbrk(s, "\t\n\r");
}

int tq_sub_save(const char *dir, const char *name, td_index *ix, int docs,
        const char *query, const tq_hit *hits, size_t n, uint64_t *ndocs)
{
	if (!tq_sub_name_ok(name))
		return td_error(TD_EUSAGE,
		        "--save: '%s' is no name for a subcorpus (letters, "
		        "digits, '_', '-', '.', at most 64, not starting "
		        "with '.' or '-')",
		        name);
	recs r = {0};
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if ((rc = td_seg_doc(hits[i].seg, hits[i].doc, &r.di)) < 0)
			break;
		if (!r.di.id || !r.di.source || !plain(r.di.id) ||
		        !plain(r.di.source))
			rc = td_error(TD_EUSAGE,
			        "--save: a document's id or source holds a "
			        "tab or a line end");
		else if (docs)
			rc = add_rec(
			        &r, r.di.first_tok, r.di.first_tok + r.di.ntok);
		else /* a split quote's parts, not the narration between */
			rc = tq_hit_parts(&hits[i], add_rec, &r);
	}
	rec *v = r.v;
	n = r.n;
	if (rc < 0) {
		free(v);
		return rc;
	}
	if (n)
		qsort(v, n, sizeof *v, by_rec);
	size_t m = 0;
	*ndocs = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && !by_rec(&v[i], &v[m - 1]))
			continue; /* a document (or span) once */
		if (!m || strcmp(v[i].src, v[m - 1].src) ||
		        strcmp(v[i].id, v[m - 1].id))
			++*ndocs;
		v[m++] = v[i];
	}
	char sub[4096], tmp[4096], fin[4096];
	if ((rc = path_of(sub, sizeof sub, dir, NULL, "")) < 0 ||
	        (rc = path_of(tmp, sizeof tmp, dir, name, ".tmp")) < 0 ||
	        (rc = path_of(fin, sizeof fin, dir, name, "")) < 0) {
		free(v);
		return rc;
	}
	int made = 0;
	if (mkdir(sub, 0777) == 0)
		made = 1;
	else if (errno != EEXIST) {
		free(v);
		return td_error(TD_EIO, "%s: %s", sub, strerror(errno));
	}
	/* the body in memory first: the end line carries its checksum */
	char *body = NULL;
	size_t blen = 0;
	FILE *b = open_memstream(&body, &blen);
	if (!b) {
		free(v);
		return td_error(TD_ENOMEM, "out of memory");
	}
	fprintf(b, MAGIC "\ngeneration %" PRIu64 "\nkind %s\nquery ",
	        td_index_generation(ix), docs ? "docs" : "spans");
	for (const char *q = query ? query : ""; *q; q++)
		fputc(*q == '\n' || *q == '\r' ? ' ' : *q, b);
	fprintf(b, "\nrecords %zu\n", m);
	for (size_t i = 0; i < m; i++)
		fprintf(b, "%s\t%s\t%" PRIu32 "\t%" PRIu32 "\n", v[i].src,
		        v[i].id, v[i].start, v[i].end);
	free(v);
	if (fclose(b) != 0) {
		free(body);
		return td_error(TD_ENOMEM, "out of memory");
	}
	FILE *f = fopen(tmp, "w");
	if (!f) {
		free(body);
		return td_error(TD_EIO, "%s: %s", tmp, strerror(errno));
	}
	fwrite(body, 1, blen, f);
	fprintf(f, "end %zu %016" PRIx64 "\n", m, td_hash(body, blen));
	free(body);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0 || ferror(f)) {
		rc = td_error(TD_EIO, "%s: %s", tmp, strerror(errno));
		fclose(f);
		unlink(tmp);
		return rc;
	}
	if (fclose(f) != 0 || rename(tmp, fin) != 0) {
		rc = td_error(TD_EIO, "%s: %s", fin, strerror(errno));
		unlink(tmp);
		return rc;
	}
	if ((rc = fsync_dir(sub)) == 0 && made)
		rc = fsync_dir(dir);
	return rc;
}

int tq_sub_drop(const char *dir, const char *name)
{
	char p[4096], sub[4096];
	int rc;
	if (!tq_sub_name_ok(name))
		return td_error(TD_EUSAGE, "--drop: no subcorpus '%s'", name);
	if ((rc = path_of(p, sizeof p, dir, name, "")) < 0 ||
	        (rc = path_of(sub, sizeof sub, dir, NULL, "")) < 0)
		return rc;
	if (unlink(p) != 0)
		return errno == ENOENT
		               ? td_error(TD_ENOTFOUND, "%s: no subcorpus '%s'",
		                         dir, name)
		               : td_error(TD_EIO, "%s: %s", p, strerror(errno));
	return fsync_dir(sub);
}

/* ------------------------------------------------------------ reading */

typedef struct head {
	uint64_t gen;
	int docs;
	char *query;
	size_t records;
	uint64_t sum; /* td_hash of the lines read so far */
} head;

/* Reads the header of f (path for messages) into h. */
static int read_head(
        FILE *f, const char *path, head *h, char **line, size_t *cap)
{
	memset(h, 0, sizeof *h);
	h->sum = TD_HASH_SEED;
	ssize_t len;
	const char *want[] = {
	        MAGIC, "generation ", "kind ", "query ", "records "};
	for (size_t k = 0; k < 5; k++) {
		if ((len = getline(line, cap, f)) < 0)
			return td_error(TD_ECORRUPT, "%s: cut short", path);
		h->sum = td_hash_update(h->sum, *line, (size_t)len);
		if (len && (*line)[len - 1] == '\n')
			(*line)[--len] = '\0';
		size_t wl = strlen(want[k]);
		if (strncmp(*line, want[k], wl))
			return td_error(TD_ECORRUPT,
			        "%s: line %zu: expected '%s'", path, k + 1,
			        want[k]);
		const char *a = *line + wl;
		char *end = NULL;
		if (k == 1)
			h->gen = strtoull(a, &end, 10);
		else if (k == 2 && (strcmp(a, "docs") && strcmp(a, "spans")))
			return td_error(TD_ECORRUPT, "%s: line 3: kind", path);
		else if (k == 2)
			h->docs = !strcmp(a, "docs");
		else if (k == 3 && !(h->query = strdup(a)))
			return td_error(TD_ENOMEM, "out of memory");
		else if (k == 4)
			h->records = strtoull(a, &end, 10);
		if (end && (*end || end == a))
			return td_error(TD_ECORRUPT, "%s: line %zu: a number",
			        path, k + 1);
	}
	return 0;
}

typedef struct dkey {
	const char *src, *id;
	uint32_t seg, doc, first, ntok;
} dkey;

static int by_dkey(const void *x, const void *y)
{
	const dkey *a = x, *b = y;
	int c = strcmp(a->src, b->src);
	return c ? c : strcmp(a->id, b->id);
}

static int by_sspan(const void *x, const void *y)
{
	const sspan *a = x, *b = y;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return (a->start > b->start) - (a->start < b->start);
}

void tq_sub_free(tq_sub *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nsegs; i++)
		free(s->segs[i].v);
	free(s->segs);
	free(s);
}

int tq_sub_load(const char *dir, const char *name, td_index *ix, tq_sub **out)
{
	char p[4096];
	int rc;
	*out = NULL;
	if (!tq_sub_name_ok(name))
		return td_error(TD_EUSAGE, "--in: no subcorpus '%s'", name);
	if ((rc = path_of(p, sizeof p, dir, name, "")) < 0)
		return rc;
	FILE *f = fopen(p, "r");
	if (!f)
		return errno == ENOENT
		               ? td_error(TD_EUSAGE,
		                         "--in: %s holds no subcorpus '%s' "
		                         "(--subcorpora lists them)",
		                         dir, name)
		               : td_error(TD_EIO, "%s: %s", p, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	head h;
	dkey *keys = NULL;
	size_t nk = 0;
	tq_sub *s = calloc(1, sizeof *s);
	if (!s) {
		fclose(f);
		return td_error(TD_ENOMEM, "out of memory");
	}
	if ((rc = read_head(f, p, &h, &line, &cap)) < 0)
		goto out;
	s->docs = h.docs;
	if (h.gen != td_index_generation(ix)) {
		rc = td_error(TD_EUSAGE,
		        "--in: subcorpus '%s' was saved from generation "
		        "%" PRIu64 " of %s, which is at generation %" PRIu64
		        " now (documents were added, replaced or removed): "
		        "save it again (its query: %s)",
		        name, h.gen, dir, td_index_generation(ix), h.query);
		goto out;
	}
	/* the live documents by source and id */
	size_t nd = 0;
	for (size_t si = 0; si < td_index_nsegs(ix); si++)
		nd += td_seg_ndocs(td_index_seg(ix, si));
	s->nsegs = td_index_nsegs(ix);
	if (!(keys = malloc((nd + 1) * sizeof *keys)) ||
	        !(s->segs = calloc(s->nsegs + 1, sizeof *s->segs))) {
		rc = td_error(TD_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t si = 0; si < s->nsegs && rc == 0; si++) {
		td_seg *sg = td_index_seg(ix, si);
		s->segs[si].seg = sg;
		for (uint32_t d = 0; d < td_seg_ndocs(sg); d++) {
			td_docinfo di;
			if (!td_seg_doc_live(sg, d))
				continue;
			if ((rc = td_seg_doc(sg, d, &di)) < 0)
				break;
			if (di.id && di.source)
				keys[nk++] = (dkey){di.source, di.id,
				        (uint32_t)si, d, di.first_tok, di.ntok};
		}
	}
	if (rc < 0)
		goto out;
	if (nk)
		qsort(keys, nk, sizeof *keys, by_dkey);
	size_t got = 0;
	ssize_t len;
	int ended = 0;
	while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
		if (!strncmp(line, "end ", 4)) {
			/* "end N SUM"; files saved before the checksum end
			 * at N */
			char *e = NULL;
			ended = strtoull(line + 4, &e, 10) == h.records;
			if (ended && *e == ' ')
				ended = strtoull(e + 1, &e, 16) == h.sum &&
				        *e == '\n';
			else
				ended = ended && *e == '\n';
			break;
		}
		h.sum = td_hash_update(h.sum, line, (size_t)len);
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		char *t1 = strchr(line, '\t'),
		     *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		char *e1 = NULL, *e2 = NULL;
		unsigned long a = 0, b = 0;
		if (t2) {
			*t1 = *t2 = '\0';
			a = strtoul(t2 + 1, &e1, 10);
			b = e1 && *e1 == '\t' ? strtoul(e1 + 1, &e2, 10) : 0;
		}
		if (!t2 || !e2 || *e2 || a > b) {
			rc = td_error(TD_ECORRUPT, "%s: line %zu: a bad record",
			        p, got + 6);
			break;
		}
		dkey want = {line, t1 + 1, 0, 0, 0, 0};
		dkey *k = nk ? bsearch(&want, keys, nk, sizeof *keys, by_dkey)
		             : NULL;
		if (!k || b > k->ntok) {
			rc = td_error(TD_EUSAGE,
			        "--in: subcorpus '%s' names document %s (%s), "
			        "which %s holds no more as saved: save it "
			        "again",
			        name, t1 + 1, line, dir);
			break;
		}
		sseg *g = &s->segs[k->seg];
		if (TD_VEC_RESERVE(g->v, g->n, g->cap, 16)) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		g->v[g->n++] = (sspan){
		        k->doc, k->first + (uint32_t)a, k->first + (uint32_t)b};
		got++;
	}
	if (rc == 0 && (!ended || got != h.records))
		rc = td_error(TD_ECORRUPT, "%s: cut short or damaged", p);
	for (size_t si = 0; rc == 0 && si < s->nsegs; si++)
		if (s->segs[si].n > 1)
			qsort(s->segs[si].v, s->segs[si].n, sizeof(sspan),
			        by_sspan);
out:
	free(h.query);
	free(keys);
	free(line);
	fclose(f);
	if (rc < 0)
		tq_sub_free(s);
	else
		*out = s;
	return rc;
}

static const sseg *seg_of(const tq_sub *s, const td_seg *sg)
{
	for (size_t i = 0; i < s->nsegs; i++)
		if (s->segs[i].seg == sg)
			return &s->segs[i];
	return NULL;
}

/* the first saved span of g with doc >= d */
static size_t lower(const sseg *g, uint32_t d)
{
	size_t lo;
	TD_LOWER_BOUND(lo, g->n, mid, g->v[mid].doc < d);
	return lo;
}

int tq_sub_has_doc(const tq_sub *s, td_seg *sg, uint32_t d)
{
	const sseg *g = seg_of(s, sg);
	if (!g || !g->n)
		return 0;
	size_t i = lower(g, d);
	return i < g->n && g->v[i].doc == d;
}

int tq_sub_outside(const tq_sub *s, td_seg *sg, uint32_t first, uint32_t end,
        int (*push)(void *, uint32_t, uint32_t), void *ctx)
{
	/* a saved document is a span over the whole of it */
	const sseg *g = seg_of(s, sg);
	uint32_t at = first; /* the first position not yet known inside */
	int rc = 0;
	if (g && g->n && first < end) {
		size_t i = lower(g, td_seg_doc_at(sg, first));
		for (; i < g->n && rc == 0 && g->v[i].start < end; i++) {
			const sspan *x = &g->v[i];
			if (x->end <= at)
				continue;
			if (x->start > at)
				rc = push(ctx, at, x->start);
			at = x->end;
		}
	}
	if (rc == 0 && at < end)
		rc = push(ctx, at, end);
	return rc;
}

int tq_sub_list(const char *dir, td_index *ix, tq_sub_fn fn, void *ctx)
{
	char sub[4096];
	int rc;
	if ((rc = path_of(sub, sizeof sub, dir, NULL, "")) < 0)
		return rc;
	DIR *d = opendir(sub);
	if (!d)
		return errno == ENOENT ? 0
		                       : td_error(TD_EIO, "%s: %s", sub,
		                                 strerror(errno));
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, names_cap = 0;
	while (rc == 0 && (e = readdir(d))) {
		if (!tq_sub_name_ok(e->d_name))
			continue;
		size_t l = strlen(e->d_name);
		if (l > 4 && !strcmp(e->d_name + l - 4, ".tmp"))
			continue;
		if (TD_VEC_RESERVE(names, n, names_cap, 16) ||
		        !(names[n] = strdup(e->d_name))) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		n++;
	}
	closedir(d);
	for (size_t i = 0; i + 1 < n; i++) /* few: a simple sort */
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(names[j], names[i]) < 0) {
				char *t = names[i];
				names[i] = names[j];
				names[j] = t;
			}
	char *line = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char p[4096];
		head h = {0};
		if ((rc = path_of(p, sizeof p, dir, names[i], "")) < 0)
			break;
		FILE *f = fopen(p, "r");
		if (!f)
			continue; /* dropped meanwhile */
		if ((rc = read_head(f, p, &h, &line, &cap)) == 0)
			rc = fn(ctx, names[i], h.docs, h.records, h.gen,
			        h.gen == td_index_generation(ix), h.query);
		free(h.query);
		fclose(f);
	}
	free(line);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}
