/* pos.h: the part-of-speech tagger (averaged perceptron, greedy, left to
 * right) and its model file. Internal to tagdex (not installed).
 *
 * A td_pos_model is a read-only memory map (and a copy of its feature slots
 * made when it is opened), so any number of threads may tag
 * with one model at once; each thread brings its own td_pos_scratch, which
 * grows to the longest sentence seen and is never allocated per token.
 * The feature extraction is shared with the trainer (train_pos.c), so that a
 * model means the same thing at training and at tagging time.
 */
#ifndef TAGDEX_POS_H
#define TAGDEX_POS_H

#include "tagdex.h"

#include <stdint.h>

/* The model file: "TDPOSMDL", then the header below, tag names, feature
 * slots, weight entries and the tag dictionary (docs/pos-tagset.md). */
#define TD_POS_MAGIC "TDPOSMDL"
#define TD_POS_VERSION                                                         \
	2u                 /* 2: no features pairing the previous tag with     \
	                    * the word (docs/pos-tagset.md) */
#define TD_POS_MAX_TAGS 63 /* tag numbers fit 6 bits */
#define TD_POS_TAG_LEN 8   /* a tag name is at most 7 bytes */
#define TD_POS_NFEAT 32    /* features of one token, at most */
#define TD_POS_FILE "pos.model"

typedef struct td_pos_model td_pos_model;

/* Maps and checks the model at path. Errors: TD_ENOTFOUND (no such file,
 * the message says how to get one), TD_EVERSION (another model version),
 * TD_ECORRUPT (bad magic, sizes or checksum), TD_EIO. */
int td_pos_open(const char *path, td_pos_model **out);
void td_pos_close(td_pos_model *m);

unsigned td_pos_ntags(const td_pos_model *m);
/* What identifies the model's content and so its tag numbers: the
 * checksum of the file (two opens of one file give the same). */
uint32_t td_pos_model_id(const td_pos_model *m);
/* The name of tag t ("NN", "VBZ"), or "" when t is out of range. */
const char *td_pos_tag_name(const td_pos_model *m, unsigned t);
/* The number of a tag name, or -1. */
int td_pos_tag_number(const td_pos_model *m, const char *name);

/* What td_pos_tag() remembers per word type between sentences (pos.c):
 * the weights of the word's own features and of those it gives its
 * neighbours summed once, so that a token costs the adds of these sums
 * (and of those of its two previous tags) and a max. At most `types` types
 * (when full, it keeps the most used and forgets the others:
 * td_pos_cache_holds); about 700 bytes a type (on the bench corpus: 22
 * MB at 32768 types), and 144 more once it has been full (the sweep's
 * copies). */
typedef struct td_pos_cache td_pos_cache;
#define TD_POS_CACHE_TYPES 32768
int td_pos_cache_new(size_t types, td_pos_cache **out);
void td_pos_cache_free(td_pos_cache *c);
/* Whether c holds the type of the token w[0, len) (its first
 * TD_POS_HASH_LEN bytes). When full, c keeps the types found most often
 * since it was last full (up to half of it) and forgets the others. */
int td_pos_cache_holds(const td_pos_cache *c, const char *w, size_t len);

/* Per-thread working memory of td_pos_tag(); zero-initialise, then free.
 * Keep one for many sentences: its cache is what makes tagging fast. */
typedef struct td_pos_scratch {
	uint64_t *h;         /* per token hashes, TD_POS_TOKH per token */
	int32_t *scores;     /* one per tag */
	size_t cap;          /* hashes h holds (TD_POS_TOKH a token) */
	td_pos_cache *cache; /* td_pos_tag's (NULL: made at the first call) */
} td_pos_scratch;
void td_pos_scratch_clear(td_pos_scratch *s);

/* Tags the sentence tok[0, n) of text: tags[i] gets the tag number of
 * token i. Thread-safe for distinct scratches; a scratch may serve several
 * models in turn. Errors: TD_ENOMEM only. */
int td_pos_tag(const td_pos_model *m, const char *text, const td_token *tok,
        size_t n, uint8_t *tags, td_pos_scratch *s);
/* Nonzero: td_pos_tag sums the scores 4 lanes a step (SSE2) even where
 * the CPU has AVX2, which it otherwise takes (8 lanes a step; the same
 * tags). For tests; 0 at start. */
extern int td_pos_no_avx2;
/* td_pos_tag() that also gives what it hashes anyway: hash[i] = td_hash()
 * of the first TD_POS_HASH_LEN bytes of token i (a type's key for the
 * lemma cache of words.c). */
#define TD_POS_HASH_LEN 64
int td_pos_tag_hash(const td_pos_model *m, const char *text,
        const td_token *tok, size_t n, uint8_t *tags, uint64_t *hash,
        td_pos_scratch *s);
/* The same tags without the cache: each token's features straight from
 * td_pos_features(), as the trainer sees them (the reference the tests
 * compare td_pos_tag() with). */
int td_pos_tag_ref(const td_pos_model *m, const char *text, const td_token *tok,
        size_t n, uint8_t *tags, td_pos_scratch *s);

/* ---------------------------------------------------- shared with training */

#define TD_POS_TOKH 13 /* hashes kept per token by td_pos_prepare() */
/* Index of a token's lowercase word hash in its TD_POS_TOKH block: the key
 * of the tag dictionary. */
#define TD_POS_H_WORD 0

/* Computes the per-token hashes of tok[0, n) into s (grown as needed). */
int td_pos_prepare(
        td_pos_scratch *s, const char *text, const td_token *tok, size_t n);
/* The feature hashes of token i given the two previous tags (TD_POS_START
 * before the sentence); returns how many were written to f (at most
 * TD_POS_NFEAT). Features are never 0. */
#define TD_POS_START 255u
unsigned td_pos_features(const td_pos_scratch *s, size_t n, size_t i,
        unsigned prev, unsigned prev2, uint64_t *f);

/* The on-disk header after the 8-byte magic; all fields little-endian
 * (the loader refuses a file whose byte_order is not 0x01020304 as read). */
typedef struct td_pos_header {
	uint32_t version;    /* TD_POS_VERSION */
	uint32_t byte_order; /* 0x01020304 */
	uint32_t ntags;
	uint32_t nslots;   /* feature slots, a power of two */
	uint32_t nentries; /* weight entries */
	uint32_t ndict;    /* dictionary slots, a power of two */
	uint32_t checksum; /* FNV-1a of everything after the header */
	uint32_t reserved;
} td_pos_header;

/* One feature slot: key is the high 32 bits of the feature hash (0 means
 * empty), val is start << 6 | count into the entries. An entry is
 * tag << 16 | (uint16_t)weight. A dictionary slot maps the high 32 bits of
 * a word hash (key, 0 empty) to a tag (val). */
typedef struct td_pos_slot {
	uint32_t key, val;
} td_pos_slot;

uint32_t td_pos_checksum(const void *p, size_t n);

#endif
