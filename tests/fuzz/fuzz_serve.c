/* fuzz_serve.c: libFuzzer harness for tagdex-serve's requests: each input is
 * the raw bytes a client sends (request line, URL and query string,
 * headers), written to a real connection of the server's daemon (api.c's
 * ts_start, GNU libmicrohttpd, one worker) over a small index, and the
 * answer read back. Invariants: the server survives (no crash, no sanitizer
 * report); an answer is HTTP with a status that is a client's error (4xx),
 * a success, or a 503 with its JSON error; never a 500 (the index is
 * sound); every JSON answer parses, and an error carries code and
 * message. */
#include <arpa/inet.h>
#include <errno.h>
#include <ftw.h>
#include <jansson.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "serve.h"
#include "tei.h"
#include "util.h"
#include "error.h"
#include "index.h"
#include "tagdex.h"

static char dir[64];
static td_index *ix;
static struct MHD_Daemon *daemon_;
static ts_server srv;
static struct sockaddr_in addr;

/* serve.c's is per thread; here the one worker thread uses one index */
int ts_index(const ts_server *s, td_index **out)
{
	(void)s;
	if (!ix && td_index_open(dir, &ix) < 0)
		return td_error(TD_ENOTFOUND, "no index");
	*out = ix;
	return 0;
}

static int rm_one(
        const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void cleanup(void)
{
	if (daemon_)
		MHD_stop_daemon(daemon_);
	daemon_ = NULL;
	td_index_close(ix);
	ix = NULL;
	if (dir[0])
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void die(const char *what)
{
	fprintf(stderr, "fuzz_serve: %s: %s\n", what, td_error_last());
	abort();
}

static void add_file(td_writer *w, const char *path)
{
	char *data = NULL, src[1100];
	size_t len = 0, n = 0;
	td_doc **v = NULL;
	if (td_read_file(path, &data, &len) ||
	        td_tei_read_all(path, data, len, &v, &n))
		die(path);
	for (size_t i = 0; i < n; i++) {
		snprintf(src, sizeof src, "%s#tei%zu", path, i + 1);
		td_doc_sort_spans(v[i]);
		if (td_writer_add(w, v[i], n > 1 ? src : path))
			die(path);
		td_doc_free(v[i]);
	}
	free(v);
	free(data);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	td_set_warn(fuzz_quiet, NULL);
	strcpy(dir, "/tmp/td-fuzz-serve-XXXXXX");
	if (!mkdtemp(dir))
		die("mkdtemp");
	atexit(cleanup);
	td_writer *w = NULL;
	if (td_writer_open(dir, 0, &w))
		die(dir);
	add_file(w, TD_SRCDIR "/tests/data/tei/small.xml");
	add_file(w, TD_SRCDIR "/tests/data/tei/corpus.xml");
	if (td_writer_commit(w))
		die("commit");
	td_writer_close(w);
	srv.index = dir;
	srv.timeout = 5000000000ull; /* under libFuzzer's -timeout */
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = 0;
	if (!(daemon_ = ts_start(&srv, &addr, 1)))
		die("ts_start");
	const union MHD_DaemonInfo *info =
	        MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT);
	if (!info || !info->port)
		die("no port");
	addr.sin_port = htons(info->port);
	return 0;
}

/* the answer to data, or what came before the server closed (at most
 * cap bytes); waits at most 3 s for it */
static size_t exchange(const uint8_t *data, size_t size, char *out, size_t cap)
{
	int fd;
	size_t n = 0;
	/* libFuzzer's timeout timer (SIGALRM) may interrupt connect (EINTR:
	 * no fault of the server): a new attempt then; any other failure is
	 * the server's */
	for (int tries = 0;; tries++) {
		if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
			die("socket");
		if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0)
			break;
		int e = errno;
		close(fd);
		if (e != EINTR || tries == 10) {
			fprintf(stderr, "fuzz_serve: connect: %s\n",
			        strerror(e));
			abort();
		}
	}
	/* the server may answer (and close) before it read everything */
	for (size_t off = 0; off < size;) {
		ssize_t k = send(fd, data + off, size - off, MSG_NOSIGNAL);
		if (k <= 0)
			break;
		off += (size_t)k;
	}
	shutdown(fd, SHUT_WR);
	struct pollfd p = {fd, POLLIN, 0};
	int head = size >= 5 && !memcmp(data, "HEAD ", 5);
	/* a request without its end, or with a body, may never be answered
	 * (the server waits for the rest until its timeout): a short wait
	 * then; a whole GET must be answered before libFuzzer's -timeout */
	int whole = memmem(data, size, "\r\n\r\n", 4) &&
	            !memmem(data, size, "Content-Length", 14) &&
	            !memmem(data, size, "Transfer-Encoding", 17);
	int r = 1;
	while (n + 1 < cap && (r = poll(&p, 1, whole ? 8000 : 100)) == 1) {
		ssize_t k = recv(fd, out + n, cap - 1 - n, 0);
		if (k <= 0)
			break;
		n += (size_t)k;
		out[n] = '\0';
		/* a whole answer: the server keeps an HTTP/1.1 connection
		 * open for the next request */
		const char *end = strstr(out, "\r\n\r\n");
		const char *cl = strstr(out, "Content-Length: ");
		if (end && cl && cl < end &&
		        (head || n - (size_t)(end + 4 - out) >=
		                         strtoul(cl + 16, NULL, 10)))
			break;
	}
	out[n] = '\0';
	close(fd);
	FUZZ_CHECK(!whole || r != 0,
	        "no answer to a whole request in 8 s "
	        "(a worker stuck?): %.200s",
	        (const char *)data);
	return n;
}

static char answer[1 << 20];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = exchange(data, size, answer, sizeof answer);
	if (n == 0)
		return 0; /* closed without an answer: allowed for garbage */
	unsigned status = 0;
	FUZZ_CHECK(sscanf(answer, "HTTP/1.%*1[01] %3u ", &status) == 1,
	        "not an HTTP answer: %.60s", answer);
	/* 501 and 505 are the library's answers to methods and versions of
	 * HTTP it does not know */
	FUZZ_CHECK(status >= 200 && status < 600 && status != 500 &&
	                   (status < 500 || status == 503 || status == 501 ||
	                           status == 505),
	        "status %u: %.300s", status, answer);
	const char *body = strstr(answer, "\r\n\r\n");
	const char *ct = strstr(answer, "Content-Type: application/json");
	if (!body || !ct || ct > body || n == sizeof answer - 1)
		return 0; /* a page asset, an export, HEAD, or cut here */
	body += 4;
	if (!*body)
		return 0; /* HEAD */
	json_error_t err;
	json_t *o = json_loads(body, 0, &err);
	FUZZ_CHECK(o, "status %u: a JSON answer does not parse (%s): %.200s",
	        status, err.text, body);
	if (status >= 400) {
		json_t *e = json_object_get(o, "error");
		FUZZ_CHECK(
		        json_is_string(json_object_get(e, "code")) &&
		                json_is_string(json_object_get(e, "message")),
		        "status %u without code and message: %.200s", status,
		        body);
	} else {
		FUZZ_CHECK(status == 200, "status %u", status);
	}
	json_decref(o);
	return 0;
}
