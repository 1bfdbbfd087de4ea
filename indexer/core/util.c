/* util.c: small shared helpers: whole-file reads, TSV lexicons, SHA-256,
 * slugs, and where the lexicons live. Nothing here knows about TEI. */
#include "config.h"
#include "tagdex.h"
#include "util.h"
#include "vec.h"
#include "buf.h"
#include "error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

int td_read_list(const char *path,
        int (*fn)(void *arg, const char *entry, size_t len, size_t line),
        void *arg, size_t *n)
{
	size_t lineno = 0;
	FILE *f = fopen(path, "r");
	*n = 0;
	if (!f)
		return td_error(TD_EIO, "%s: %s", path, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int rc = 0;
	/* errno tells getline's failure (ENOMEM) from the end of the file */
	while (!rc && (errno = 0, len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && strchr("\r\n \t", line[len - 1]))
			len--;
		line[len] = '\0';
		ssize_t k = 0;
		while (k < len && (line[k] == ' ' || line[k] == '\t'))
			k++;
		if (k == len || line[k] == '#')
			continue;
		rc = fn(arg, line + k, (size_t)(len - k), lineno);
		++*n;
	}
	if (!rc && ferror(f))
		rc = td_error(TD_EIO, "%s: %s", path, strerror(errno));
	else if (!rc && errno == ENOMEM)
		rc = td_error(TD_ENOMEM, "%s: out of memory", path);
	free(line);
	fclose(f);
	return rc;
}

int td_read_file(const char *path, char **out, size_t *out_len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return td_error(TD_EIO, "%s: %s", path, strerror(errno));
	/* read until the end, not for a size asked first: a pipe or a file
	 * of /proc tells none; the buffer starts at 64 KiB and doubles */
	td_buf b = {0};
	for (;;) {
		if (td_buf_reserve(&b, ((size_t)1 << 16) - 1)) {
			td_buf_clear(&b);
			fclose(f);
			return td_error(TD_ENOMEM, "%s: out of memory", path);
		}
		size_t k = fread(b.s + b.n, 1, b.cap - b.n - 1, f);
		b.n += k;
		if (k == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;
		td_buf_clear(&b);
		fclose(f);
		return td_error(
		        TD_EIO, "%s: read error: %s", path, strerror(e));
	}
	fclose(f);
	b.s[b.n] = '\0';
	*out = b.s;
	*out_len = b.n;
	return 0;
}

void td_sha256_hex(const void *data, size_t len, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t dig[SHA256_DIGEST_SIZE];
	static const char hex[] = "0123456789abcdef";
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof dig, dig);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[dig[i] >> 4];
		out[2 * i + 1] = hex[dig[i] & 15];
	}
	out[64] = '\0';
}

void td_tsv_free(td_tsv *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		for (size_t j = 0; j < t->rows[i].n; j++)
			free(t->rows[i].f[j]);
		free(t->rows[i].f);
	}
	free(t->rows);
	free(t->path);
	free(t);
}

static int tsv_row(td_tsv *t, const char *line, size_t len, int lineno)
{
	td_tsv_row r = {0};
	size_t nf = 1;
	for (size_t i = 0; i < len; i++)
		nf += line[i] == '\t';
	r.f = calloc(nf, sizeof *r.f);
	if (!r.f)
		return TD_ENOMEM;
	r.line = lineno;
	size_t s = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || line[i] == '\t') {
			size_t a = s, b = i;
			while (a < b && (line[a] == ' '))
				a++;
			while (b > a &&
			        (line[b - 1] == ' ' || line[b - 1] == '\r'))
				b--;
			r.f[r.n] = strndup(line + a, b - a);
			if (!r.f[r.n])
				goto oom;
			r.n++;
			s = i + 1;
		}
	}
	/* doubling, not one row at a time: a realloc per row is quadratic
	 * where realloc copies (AddressSanitizer's always does: the 10k-row
	 * given-name list took 40 s to load there) */
	if (TD_VEC_RESERVE(t->rows, t->n, t->cap, 64))
		goto oom;
	t->rows[t->n++] = r;
	return 0;
oom:
	for (size_t j = 0; j < r.n; j++)
		free(r.f[j]);
	free(r.f);
	return TD_ENOMEM;
}

int td_tsv_load(const char *path, td_tsv **out)
{
	char *buf;
	size_t len;
	int rc = td_read_file(path, &buf, &len);
	if (rc)
		return rc;
	td_tsv *t = calloc(1, sizeof *t);
	if (!t || !(t->path = strdup(path))) {
		free(t);
		free(buf);
		return td_error(TD_ENOMEM, "out of memory");
	}
	size_t i = 0;
	int lineno = 0;
	while (i < len) {
		size_t e = i;
		while (e < len && buf[e] != '\n')
			e++;
		lineno++;
		size_t a = i;
		while (a < e && (buf[a] == ' ' || buf[a] == '\r'))
			a++;
		if (a < e && buf[a] != '#') {
			if (memchr(buf + i, '\0', e - i)) {
				td_tsv_free(t);
				free(buf);
				return td_error(TD_EINPUT, "%s:%d: NUL byte",
				        path, lineno);
			}
			if (tsv_row(t, buf + i, e - i, lineno)) {
				td_tsv_free(t);
				free(buf);
				return td_error(TD_ENOMEM, "out of memory");
			}
		}
		i = e + 1;
	}
	free(buf);
	*out = t;
	return 0;
}

int td_tsv_each(const char *path, int (*fn)(void *ctx, const td_lex_row *row),
        void *ctx)
{
	td_tsv *t;
	int rc = td_tsv_load(path, &t);
	if (rc)
		return rc;
	for (size_t i = 0; i < t->n && !rc; i++) {
		td_lex_row row = {&t->rows[i], t->path, i};
		rc = fn(ctx, &row);
	}
	td_tsv_free(t);
	return rc;
}

int td_lex_error(const td_lex_row *row, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return td_error(TD_EINPUT, "%s:%d: %s", row->path, row->r->line, msg);
}

const char *td_lexicon_dir(void)
{
#ifdef TD_SRC_LEXDIR
	/* An uninstalled build reads the lexicons of its own source tree, so
	 * that build/indexer/tagdex-ingest works before `make install`. */
	if (access(TD_PKGDATADIR "/lexicons/actors.tsv", R_OK) != 0 &&
	        access(TD_SRC_LEXDIR "/actors.tsv", R_OK) == 0)
		return TD_SRC_LEXDIR;
#endif
	return TD_PKGDATADIR "/lexicons";
}

int td_slug(const char *name, char **out)
{
	utf8proc_uint8_t *folded = NULL;
	size_t len = strlen(name);
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)name,
	        (utf8proc_ssize_t)len, &folded,
	        UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	                UTF8PROC_CASEFOLD | UTF8PROC_COMPAT);
	const char *src = n >= 0 ? (const char *)folded : name;
	size_t sl = n >= 0 ? (size_t)n : len;
	char *s = malloc(sl + 2);
	if (!s) {
		free(folded);
		return td_error(TD_ENOMEM, "out of memory");
	}
	td_slug_bytes(src, sl, s);
	free(folded);
	*out = s;
	return 0;
}

size_t td_slug_bytes(const char *src, size_t sl, char *s)
{
	size_t o = 0;
	int dash = 0;
	for (size_t i = 0; i < sl; i++) {
		unsigned char c = (unsigned char)src[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && o > 0)
				s[o++] = '-';
			dash = 0;
			s[o++] = (char)c;
		} else if (c == '\'' ||
		           (c == 0xE2 && i + 2 < sl &&
		                   (unsigned char)src[i + 1] == 0x80 &&
		                   (unsigned char)src[i + 2] == 0x99)) {
			/* apostrophes vanish: "O'Neill" -> "oneill" */
			if (c == 0xE2)
				i += 2;
		} else {
			dash = 1;
		}
	}
	s[o] = '\0';
	return o;
}

int td_iso_date(const char *s)
{
	static const int mdays[] = {
	        31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	if (n == 4)
		return 1;
	int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return 0;
	if (n == 7)
		return 1;
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d >= 1 && d <= (m == 2 && !leap ? 28 : mdays[m - 1]);
}
