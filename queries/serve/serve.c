/* serve.c: tagdex-serve, a small HTTP server over one index: a JSON API
 * modelled on BlackLab Server (api.c) and the page at / (page.c, embedded
 * at build time). GNU libmicrohttpd runs the connections on a thread pool;
 * each pool thread keeps its own read-only handle on the index and opens it
 * again when MANIFEST changed, so a new commit is seen without a restart.
 */
#include "config.h"
#include "exit_status.h"
#include "indexes.h"
#include "progopts.h"
#include "request.h"
#include "serve.h"
#include "sigbus.h"
#include "error.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
        "Usage: tagdex-serve [-x INDEX] [OPTIONS]\n"
        "Serves an index over HTTP: a JSON API (/api/...) and a search "
        "page (/).\n"
        "\n"
        "  -x, --index DIR   the index (default $TAGDEX_INDEX or ./.tagdex);\n"
        "                    several -x serve several as one\n"
        "  -X, --index-list FILE  the indexes named in FILE, one a line\n"
        "      --port N      the TCP port (default 8080; 0: any free port)\n"
        "      --bind ADDR   the IPv4 address to listen on (default "
        "127.0.0.1;\n"
        "                    any other prints a warning)\n"
        "      --token T     require 'Authorization: Bearer T' on /api/\n"
        "                    (also $TAGDEX_TOKEN)\n"
        "      --threads N   worker threads (default 4, at most 64)\n"
        "      --timeout SEC the longest a query may run (default 30; "
        "decimals\n"
        "                    allowed); a longer one is answered 503\n"
        "  -h, --help        this help;  --version  the version\n"
        "\n"
        "It prints 'listening on http://ADDR:PORT/' on standard error once "
        "it\n"
        "accepts connections, and stops on SIGINT or SIGTERM.\n"
        "See tagdex-serve(1) for the API.\n";

static int usage_error(const char *fmt, const char *arg)
{
	return tq_usage_error("tagdex-serve", fmt, arg);
}

/* ------------------------------------------------ the index per thread */

#define TS_MAX_INDEXES 256 /* -x given at most this often */

typedef struct thread_index {
	td_index *ix;
	struct stat
	        st[TS_MAX_INDEXES]; /* of each MANIFEST when ix was opened */
	struct stat cur[TS_MAX_INDEXES]; /* of each MANIFEST now */
} thread_index;

static pthread_key_t ix_key;
/* -x and -X (static: the server's whole life) */
static tq_indexes indexes;

static void thread_index_free(void *p)
{
	thread_index *t = p;
	td_index_close(t->ix);
	free(t);
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

int ts_index(const ts_server *srv, td_index **out)
{
	thread_index *t = pthread_getspecific(ix_key);
	char path[4096];
	*out = NULL;
	if (!t) {
		if (!(t = calloc(1, sizeof *t)))
			return td_error(TD_ENOMEM, "out of memory");
		if (pthread_setspecific(ix_key, t) != 0) {
			free(t);
			return td_error(TD_ENOMEM, "out of memory");
		}
	}
	struct stat *now = t->cur;
	int same = t->ix != NULL;
	for (size_t i = 0; i < srv->nindexes; i++) {
		const char *dir = srv->indexes[i];
		if ((size_t)snprintf(path, sizeof path, "%s/MANIFEST", dir) >=
		        sizeof path)
			return td_error(TD_EUSAGE, "index path too long");
		/* MANIFEST is replaced by rename(2) at each commit: a new
		 * inode */
		if (stat(path, &now[i]) < 0)
			return td_error(TD_ENOTFOUND,
			        "%s: no index here (no MANIFEST)", dir);
		same = same && same_file(&now[i], &t->st[i]);
	}
	if (same) {
		*out = t->ix;
		return 0;
	}
	td_index *ix = NULL;
	int rc = td_index_open_many(
	        (const char *const *)srv->indexes, srv->nindexes, &ix);
	if (rc < 0)
		return rc;
	td_index_close(t->ix);
	t->ix = ix;
	memcpy(t->st, now, srv->nindexes * sizeof *now);
	*out = ix;
	return 0;
}

/* ------------------------------------------------------------ options */

enum { O_PORT = 256, O_BIND, O_TOKEN, O_THREADS, O_TIMEOUT, O_VERSION };

static const struct option longopts[] = {
        TQ_INDEX_LONGOPTS,
        {"port", required_argument, NULL, O_PORT},
        {"bind", required_argument, NULL, O_BIND},
        {"token", required_argument, NULL, O_TOKEN},
        {"threads", required_argument, NULL, O_THREADS},
        {"timeout", required_argument, NULL, O_TIMEOUT},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, O_VERSION},
        {NULL, 0, NULL, 0},
};

static int number(const char *s, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > max)
		return -1;
	*out = v;
	return 0;
}

static int parse_opts(int argc, char **argv, ts_server *s, long *port,
        const char **bind, long *threads)
{
	int c;
	long v;
	tq_index_opts_init(&indexes);
	tq_optscan sc = {
	        "tagdex-serve", "x:X:h", longopts, 0, 0, 0, &indexes, 0};
	s->token = getenv("TAGDEX_TOKEN");
	if (s->token && !*s->token)
		s->token = NULL;
	*port = 8080;
	*bind = "127.0.0.1";
	*threads = 4;
	s->timeout = 30 * 1000000000ull;
	while ((c = tq_opt_next(&sc, argc, argv)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage_text, stdout);
			return -1;
		case O_VERSION:
			printf("tagdex-serve %s\n", td_version());
			return -1;
		case O_PORT:
			if (number(optarg, 65535, &v) < 0)
				return usage_error("--port: expected a number "
				                   "0-65535, not '%s'",
				        optarg);
			*port = v;
			break;
		case O_BIND:
			*bind = optarg;
			break;
		case O_TOKEN:
			if (!*optarg)
				return usage_error(
				        "%s", "--token: expected a token");
			s->token = optarg;
			break;
		case O_TIMEOUT: {
			char *end;
			errno = 0;
			double t = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(t >= 0.001) ||
			        t > 86400)
				return usage_error(
				        "--timeout: expected seconds "
				        "0.001-86400, not '%s'",
				        optarg);
			s->timeout = (uint64_t)(t * 1e9);
			break;
		}
		case O_THREADS:
			if (number(optarg, 64, &v) < 0 || v < 1)
				return usage_error("--threads: expected a "
				                   "number 1-64, not '%s'",
				        optarg);
			*threads = v;
			break;
		default:
			fprintf(stderr, "Try 'tagdex-serve --help'.\n");
			return TD_EXIT_USAGE;
		}
	}
	if (sc.status)
		return sc.status;
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	if (!indexes.n)
		return TD_EXIT_SYSTEM;
	if (indexes.n > TS_MAX_INDEXES)
		return usage_error("more than %s indexes", "256");
	s->indexes = indexes.dirs;
	s->nindexes = indexes.n;
	s->index = indexes.dirs[0];
	return 0;
}

/* ------------------------------------------------------------ signals */

int main(int argc, char **argv)
{
	ts_server srv = {0};
	long port, threads;
	const char *bind;
	int rc = parse_opts(argc, argv, &srv, &port, &bind, &threads);
	if (rc)
		return rc < 0 ? TD_EXIT_OK : rc;
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, bind, &sa.sin_addr) != 1)
		return usage_error(
		        "--bind: expected an IPv4 address, not '%s'", bind);
	if (strcmp(bind, "127.0.0.1") != 0)
		fprintf(stderr,
		        "tagdex-serve: warning: listening on %s, not only "
		        "on this machine (127.0.0.1): anyone who can reach it "
		        "can read the index%s\n",
		        bind, srv.token ? "" : "; consider --token");
	/* the index must open now: a typo in -x is not a server that
	 * answers 503 to everything */
	td_index *ix = NULL;
	if ((rc = tq_index_opts_open(&indexes, "tagdex-serve", &ix)) != 0)
		return rc;
	td_index_close(ix);
	if (pthread_key_create(&ix_key, thread_index_free) != 0) {
		fprintf(stderr, "tagdex-serve: out of memory\n");
		return TD_EXIT_SYSTEM;
	}
	td_sigbus_install("tagdex-serve");
	/* the pool threads inherit this mask: the signals wait for
	 * sigwait() below */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	struct MHD_Daemon *d = ts_start(&srv, &sa, (unsigned)threads);
	if (!d) {
		fprintf(stderr,
		        "tagdex-serve: cannot listen on %s port %ld: %s\n",
		        bind, port, errno ? strerror(errno) : "failed");
		return TD_EXIT_USAGE;
	}
	const union MHD_DaemonInfo *info =
	        MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	fprintf(stderr, "tagdex-serve: listening on http://%s:%u/\n", bind,
	        info ? (unsigned)info->port : (unsigned)port);
	int sig = 0;
	do {
		if (sigwait(&set, &sig) != 0)
			sig = SIGTERM;
	} while (sig == SIGPIPE);
	MHD_stop_daemon(d);
	return TD_EXIT_SIGNAL + sig;
}
