/* docpool.c: lays out the strings of the documents' metadata (DOCPOOL,
 * format 13) for the builder and the streaming merge alike, so that both
 * make the same bytes from the same documents. Each value is stored once
 * where that is cheap to find: a value that ends an earlier value of its
 * document is that value's tail (source_name is the end of source, and the
 * sha256 comes twice), and one of a key whose values recur across
 * documents (an actor, a genre, a date) that a recent document had is that
 * document's string. The dictionary of recent values is forgotten whenever
 * it holds TD_DOCPOOL_DICT bytes, so the memory is bounded whatever the
 * number of documents: a merge must not grow with the index. The keys that
 * name or describe one document (id, source, sha256, title, subtitle, url)
 * stay out of it: they would fill it with values seen once (test_rss.sh:
 * a merge held 240 bytes more a document of 12,000 small ones) for little
 * (on the bench corpus, whose copies share titles, 0.26 MB of 86.8 MB). */
#include "config.h"
#include "docpool.h"
#include "segformat.h"
#include "vec.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

/* the keys whose values recur across documents */
static const char *const recurring[] = {
        "date", "genre", "reading_time", "author", "extraction"};

void td_docpool_init(td_docpool *p)
{
	memset(p, 0, sizeof *p);
	td_strtab_init(&p->dict);
	p->recur = 1u << TD_KV_ACTOR;
	for (unsigned i = 0; i < TD_NMETAKEYS; i++)
		for (size_t j = 0; j < sizeof recurring / sizeof *recurring;
		        j++)
			if (!strcmp(td_metakeys[i].key, recurring[j]))
				p->recur |= 1u << i;
}

void td_docpool_clear(td_docpool *p)
{
	td_strtab_clear(&p->dict);
	free(p->doff);
	memset(p, 0, sizeof *p);
}

void td_docpool_doc(td_docpool *p)
{
	p->nt = 0;
}

size_t td_docpool_bytes(const td_docpool *p)
{
	return p->dict.cap + (size_t)p->dict.cap_ids * (8 + 4) +
	       (size_t)p->dict.nslots * 4 + p->cap_doff * 8;
}

int td_docpool_put(td_docpool *p, unsigned key, const char *v, size_t len,
        uint64_t *off, int *add)
{
	uint32_t id;
	int added;
	*add = 0;
	/* the tail of an earlier value of the document */
	for (int i = 0; i < p->nt; i++)
		if (p->tl[i] >= len &&
		        !memcmp(p->tv[i] + p->tl[i] - len, v, len)) {
			*off = p->to[i] + (p->tl[i] - len);
			return 0;
		}
	if (!(p->recur >> key & 1)) {
		/* seen once: appended */
		*off = p->len;
		p->len += len + 1;
		*add = 1;
		goto tail;
	}
	if (p->dict.len + len + 1 > TD_DOCPOOL_DICT) {
		td_strtab_clear(&p->dict);
		td_strtab_init(&p->dict);
	}
	int rc = td_strtab_put(&p->dict, v, len, &id, &added);
	if (rc)
		return rc;
	if (added) {
		if (TD_VEC_RESERVE_N(p->doff, (size_t)id + 1, p->cap_doff, 256))
			return td_error(TD_ENOMEM, "out of memory");
		p->doff[id] = p->len;
		p->len += len + 1;
		*add = 1;
	}
	*off = p->doff[id];
tail:
	/* an actor's value is not kept: the builder's is a temporary
	 * string, and no later value ends one */
	if (key != TD_KV_ACTOR && p->nt < TD_DOCPOOL_TAIL) {
		p->tv[p->nt] = v;
		p->tl[p->nt] = len;
		p->to[p->nt++] = *off;
	}
	return 0;
}
