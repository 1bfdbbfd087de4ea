/* serve.h: what tagdex-serve's parts share: the server's settings, the
 * index of the calling pool thread, and the daemon. */
#ifndef TAGDEX_SERVE_H
#define TAGDEX_SERVE_H

#include <stddef.h>
#include <stdint.h>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>

#include "index.h"

typedef struct ts_server {
	const char *index;    /* the (first) index directory */
	char *const *indexes; /* every -x (and -X) in order, searched as one */
	size_t nindexes;
	const char *token; /* required bearer token on /api/, or NULL */
	uint64_t timeout;  /* ns a query may run (--timeout) */
} ts_server;

/* The calling thread's handle on the index (several: one, as
 * td_index_open_many), opened again when a MANIFEST was replaced since (a
 * new commit). Read-only; 0 or a TD_E* code. */
int ts_index(const ts_server *srv, td_index **out);

/* api.c: starts the daemon on addr with a pool of threads; NULL (errno
 * set where the system said why) on failure. */
struct MHD_Daemon *ts_start(
        const ts_server *srv, const struct sockaddr_in *addr, unsigned threads);

/* page.c (generated from page/): the embedded files of the page. */
typedef struct ts_asset {
	const char *path; /* "/", "/app.js", ... */
	const char *type; /* Content-Type */
	const unsigned char *data;
	size_t len;
} ts_asset;
extern const ts_asset ts_assets[];
extern const size_t ts_nassets;

#endif
