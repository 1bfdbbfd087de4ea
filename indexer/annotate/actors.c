/* actors.c: actor mentions. Lexicon names and aliases (actors.tsv) are
 * matched longest first over tokens; names outside the lexicon are found
 * after titles (titles.tsv) and as the subject of a speech verb; one-word
 * short forms resolve to the person last named in full. Purely geographic
 * names (places.tsv) become keyless <placeName>. Never crosses a
 * sentence. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "hash.h"

#include "match.h"
#include "names.h"
#include "vec.h"
#include "util.h"

static int add_aliases(td_annotator *a, const char *list, int id, int type,
        const char *path, int line)
{
	char *dup, *save = NULL, *tok;
	int rc = 0;
	if (!list)
		return 0;
	if (!(dup = strdup(list)))
		return td_error(TD_ENOMEM, "out of memory");
	for (tok = strtok_r(dup, "|", &save); tok && !rc;
	        tok = strtok_r(NULL, "|", &save)) {
		int flags = 0;
		if (*tok == '?') {
			flags |= TD_PATF_NEEDS_NAMED;
			tok++;
		} else if (*tok == '^') {
			flags |= TD_PATF_AFTER_TITLE;
			tok++;
		}
		if (!*tok) {
			rc = td_error(
			        TD_EINPUT, "%s:%d: empty alias", path, line);
			break;
		}
		if (strncmp(tok, "the ", 4) == 0) {
			char buf[512];
			flags |= TD_PATF_LEADING_THE;
			rc = td_patset_add(
			        &a->actor_pats, tok, id, type, flags);
			if (!rc && snprintf(buf, sizeof buf, "The %s",
			                   tok + 4) < (int)sizeof buf)
				rc = td_patset_add(
				        &a->actor_pats, buf, id, type, flags);
			continue;
		}
		if (!strchr(tok, ' '))
			flags |= TD_PATF_SHORT;
		rc = td_patset_add(&a->actor_pats, tok, id, type, flags);
	}
	free(dup);
	return rc;
}

struct name_set;
static int claim_list(struct name_set *ns, const char *list, int id);

/* What list_row adds a lexicon's first column to. */
struct list_ctx {
	td_patset *ps;
	struct name_set *claim;
};

static int list_row(void *ctx, const td_lex_row *row)
{
	const struct list_ctx *l = ctx;
	const char *name = row->r->f[0];
	/* column 2 of given_names.tsv: the name's gender, 'f' or 'm'
	 * (quotes.c resolves "he"/"she" with it), kept as the type */
	const char *g = l->claim ? NULL : td_lex_field(row->r, 1);
	int type = g && (g[0] == 'f' || g[0] == 'm') && !g[1] ? g[0] : 0;
	int rc = td_patset_add(l->ps, name, (int)row->index, type, 0);
	if (!rc && l->claim)
		rc = claim_list(l->claim, name, -1);
	return rc;
}

/* Loads the first column of a lexicon into ps; sorted unless claim is
 * given (then each name is also claimed as a place, and the caller adds
 * more and sorts). */
static int load_list(const char *dir, const char *name, td_patset *ps,
        struct name_set *claim)
{
	struct list_ctx l = {ps, claim};
	int rc = td_lex_each(dir, name, list_row, &l);
	if (!claim)
		td_patset_sort(ps);
	return rc;
}

static int register_words(td_annotator *a);

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (n bytes) as yyyymmdd; a missing
 * month or day is the first (end: the last) of its year or month; -1
 * when malformed. */
static long parse_day(const char *s, size_t n, int end)
{
	int y = 0, m = end ? 12 : 1, d = end ? 31 : 1;
	if (n != 4 && n != 7 && n != 10)
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-'
		                       : (s[i] < '0' || s[i] > '9'))
			return -1;
	y = atoi(s);
	if (n >= 7)
		m = atoi(s + 5);
	if (n == 10)
		d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	return y * 10000L + m * 100 + d;
}

/* A validity period "FROM..TO" (either side may be empty). */
static int parse_valid(
        const char *v, long *from, long *to, const char *path, int line)
{
	const char *dots = v ? strstr(v, "..") : NULL;
	*from = *to = 0;
	if (!v)
		return 0;
	if (!dots ||
	        (dots > v &&
	                (*from = parse_day(v, (size_t)(dots - v), 0)) < 0) ||
	        (dots[2] &&
	                (*to = parse_day(dots + 2, strlen(dots + 2), 1)) < 0) ||
	        (*from && *to && *from > *to))
		return td_error(TD_EINPUT,
		        "%s:%d: validity '%s' is not FROM..TO (YYYY[-MM[-DD]], "
		        "either side may be empty)",
		        path, line, v);
	return 0;
}

/* Appends an actor record; *id receives its index. */
static int add_actor(td_annotator *a, const char *key, const char *kind,
        const char *name, long from, long to, int *id)
{
	if (TD_VEC_RESERVE(a->actors, a->n_actors, a->cap_actors, 512))
		return td_error(TD_ENOMEM, "out of memory");
	td_actor_rec *ar = &a->actors[a->n_actors++];
	ar->key = strdup(key);
	ar->kind = strdup(kind);
	ar->name = strdup(name);
	ar->from = from;
	ar->to = to;
	*id = (int)(a->n_actors - 1);
	if (!ar->key || !ar->kind || !ar->name)
		return td_error(TD_ENOMEM, "out of memory");
	return 0;
}

/* ------------------------------------------------- ISO 3166 (iso-codes) */

/* A set of name slugs, each with the actor it names (-1: a place). The
 * ISO data adds a name only when no actor claims it yet, and links an
 * ISO entry to the actors.tsv state that already has one of its names. */
typedef struct name_set {
	char **slug;
	int *id;
	size_t mask, n;
} name_set;

static int ns_find(const name_set *ns, const char *slug)
{
	for (size_t h = (size_t)td_hash_str(slug) & ns->mask;;
	        h = (h + 1) & ns->mask) {
		if (!ns->slug[h])
			return -2;
		if (strcmp(ns->slug[h], slug) == 0)
			return ns->id[h];
	}
}

/* Adds slug (taken over) unless present. */
static int ns_add(name_set *ns, char *slug, int id)
{
	if (2 * (ns->n + 1) > ns->mask + 1) {
		name_set g = {0};
		g.mask = ns->mask ? ns->mask * 2 + 1 : 4095;
		g.slug = calloc(g.mask + 1, sizeof *g.slug);
		g.id = calloc(g.mask + 1, sizeof *g.id);
		if (!g.slug || !g.id) {
			free(g.slug);
			free(g.id);
			free(slug);
			return td_error(TD_ENOMEM, "out of memory");
		}
		for (size_t i = 0; ns->slug && i <= ns->mask; i++)
			if (ns->slug[i]) {
				size_t h = (size_t)td_hash_str(ns->slug[i]) &
				           g.mask;
				while (g.slug[h])
					h = (h + 1) & g.mask;
				g.slug[h] = ns->slug[i];
				g.id[h] = ns->id[i];
			}
		g.n = ns->n;
		free(ns->slug);
		free(ns->id);
		*ns = g;
	}
	size_t h = (size_t)td_hash_str(slug) & ns->mask;
	for (; ns->slug[h]; h = (h + 1) & ns->mask)
		if (strcmp(ns->slug[h], slug) == 0) {
			free(slug);
			return 0;
		}
	ns->slug[h] = slug;
	ns->id[h] = id;
	ns->n++;
	return 0;
}

static void ns_clear(name_set *ns)
{
	for (size_t i = 0; ns->slug && i <= ns->mask; i++)
		free(ns->slug[i]);
	free(ns->slug);
	free(ns->id);
}

/* The slug of a name without a leading "the ", "?" or "^" (NULL on error).
 * ASCII names skip td_slug()'s Unicode mapping (td_slug_bytes alone): it
 * costs five times more, and start-up slugs every name. */
static char *name_slug(const char *name)
{
	char *out = NULL;
	if (*name == '?' || *name == '^')
		name++;
	if (strncmp(name, "the ", 4) == 0 || strncmp(name, "The ", 4) == 0)
		name += 4;
	const unsigned char *p = (const unsigned char *)name;
	for (; *p && *p < 0x80; p++)
		;
	if (*p)
		return td_slug(name, &out) < 0 ? NULL : out;
	size_t n = (size_t)(p - (const unsigned char *)name);
	if (!(out = malloc(n + 1)))
		return NULL;
	td_slug_bytes(name, n, out);
	return out;
}

/* Claims each name of a '|' list for actor id. */
static int claim_list(struct name_set *ns, const char *list, int id)
{
	char *dup, *save = NULL;
	if (!list)
		return 0;
	if (!(dup = strdup(list)))
		return td_error(TD_ENOMEM, "out of memory");
	int rc = 0;
	for (char *t = strtok_r(dup, "|", &save); t && !rc;
	        t = strtok_r(NULL, "|", &save)) {
		char *sl = name_slug(t);
		rc = sl ? ns_add(ns, sl, id)
		        : td_error(TD_ENOMEM, "out of memory");
	}
	free(dup);
	return rc;
}

/* The directory of iso_3166-*.json: the one td_iso_codes_dir_set()
 * gave, else where configure found the iso-codes package. */
static const char *iso_dir_given;

void td_iso_codes_dir_set(const char *dir)
{
	iso_dir_given = dir && *dir ? dir : NULL;
}

static const char *iso_dir(void)
{
	return iso_dir_given ? iso_dir_given : TD_ISO_CODES_DIR;
}

/* The whole file at path, NUL-terminated, in *buf (*len bytes); an empty
 * one is no iso-codes table either. */
static int read_whole(const char *path, char **buf, size_t *len)
{
	int rc = td_read_file(path, buf, len);
	if (!rc && !*len) {
		free(*buf);
		rc = -1;
	}
	if (rc)
		return td_error(TD_EIO,
		        "%s: cannot be read (the iso-codes tables; "
		        "TAGDEX_ISO_CODES names their directory)",
		        path);
	return 0;
}

/* Parses iso-codes file name and its array member (json_loadb on the
 * file read at once: json_load_file reads a byte at a time). */
static int iso_load(const char *name, const char *member, json_t **root,
        json_t **arr, char *path, size_t pathsz)
{
	json_error_t err;
	char *b;
	size_t n;
	snprintf(path, pathsz, "%s/%s", iso_dir(), name);
	int rc = read_whole(path, &b, &n);
	if (rc)
		return rc;
	*root = json_loadb(b, n, 0, &err);
	free(b);
	if (!*root)
		return td_error(
		        TD_EINPUT, "%s:%d: %s", path, err.line, err.text);
	*arr = json_object_get(*root, member);
	if (!json_is_array(*arr)) {
		json_decref(*root);
		return td_error(TD_EINPUT, "%s: no \"%s\" array", path, member);
	}
	return 0;
}

static const char *jstr(const json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s && *s ? s : NULL;
}

/* A usable name: no comma or parenthesis ("Korea, Republic of"), ends
 * in a capitalised word ("Republic of" is a fragment). */
static int whole_name(const char *s)
{
	if (!s || !*s || strpbrk(s, ",()"))
		return 0;
	const char *last = strrchr(s, ' ');
	last = last ? last + 1 : s;
	return !(*last >= 'a' && *last <= 'z') && !(*s >= 'a' && *s <= 'z');
}

/* One ISO state: its candidate names (first: the preferred key), linked
 * to the actors.tsv state claiming one of them, else a new state actor;
 * names no actor claims become its aliases. */
static int iso_state(td_annotator *a, name_set *ns, const char *const *names,
        size_t nn, long to, int *created, int *state)
{
	int id = -1, rc = 0;
	*created = -1;
	*state = -1;
	const char *canon = NULL;
	for (size_t k = 0; k < nn; k++) {
		if (!names[k])
			continue;
		char *sl = name_slug(names[k]);
		if (!sl)
			return td_error(TD_ENOMEM, "out of memory");
		int who = ns_find(ns, sl);
		free(sl);
		if (!canon)
			canon = names[k];
		if (who >= 0 && id < 0 &&
		        strcmp(a->actors[who].kind, "state") == 0)
			id = who;
	}
	if (!canon)
		return 0;
	if (id < 0) {
		char *key = name_slug(canon);
		if (!key)
			return td_error(TD_ENOMEM, "out of memory");
		int who = ns_find(ns, key);
		if (who >= -1) {
			/* its preferred name belongs to another actor or a
			 * place: ambiguous, the ISO entry adds nothing */
			free(key);
			return 0;
		}
		for (size_t i = 0; i < a->n_actors; i++)
			if (strcmp(a->actors[i].key, key) == 0) {
				free(key);
				return 0;
			}
		rc = add_actor(a, key, "state", canon, 0, to, &id);
		free(key);
		if (rc)
			return rc;
		*created = id;
	}
	*state = id;
	for (size_t k = 0; k < nn && !rc; k++) {
		if (!names[k])
			continue;
		char *sl = name_slug(names[k]);
		if (!sl)
			return td_error(TD_ENOMEM, "out of memory");
		if (ns_find(ns, sl) != -2) {
			free(sl);
			continue;
		}
		if ((rc = ns_add(ns, sl, id)) == 0)
			rc = td_patset_add(&a->actor_pats, names[k], id,
			        TD_PAT_NAME,
			        strchr(names[k], ' ') ? 0 : TD_PATF_SHORT);
	}
	return rc;
}

/* The states that only ISO 3166-1 gave, by alpha-2 code: those 3166-2
 * lists as a subdivision of another country under the same name
 * ("US-PR" Puerto Rico, "CN-HK" Hong Kong SAR) are dependent
 * territories, places rather than states. */
typedef struct iso_new {
	char cc[3];
	int id;
	int dependent;
} iso_new;
typedef struct iso_news {
	iso_new v[300];
	size_t n;
} iso_news;

/* ISO 3166-1 countries and 3166-3 former countries as states. */
static int load_iso_states(td_annotator *a, name_set *ns, iso_news *news)
{
	char path[4096];
	json_t *root, *arr, *o;
	size_t i;
	int rc = iso_load(
	        "iso_3166-1.json", "3166-1", &root, &arr, path, sizeof path);
	if (rc)
		return rc;
	json_array_foreach(arr, i, o)
	{
		const char *off = jstr(o, "official_name");
		if (off && strncmp(off, "the ", 4) == 0)
			off += 4;
		const char *names[3] = {
		        jstr(o, "common_name"), jstr(o, "name"), off};
		for (int k = 0; k < 3; k++)
			if (!whole_name(names[k]))
				names[k] = NULL;
		int created, state;
		if ((rc = iso_state(a, ns, names, 3, 0, &created, &state)))
			break;
		const char *cc = jstr(o, "alpha_2");
		if (state >= 0 && cc && strlen(cc) == 2 && cc[0] >= 'A' &&
		        cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z')
			a->cc_state[26 * (cc[0] - 'A') + cc[1] - 'A'] =
			        state + 1;
		if (created >= 0 && cc && strlen(cc) == 2 &&
		        news->n < sizeof news->v / sizeof news->v[0]) {
			memcpy(news->v[news->n].cc, cc, 3);
			news->v[news->n].id = created;
			news->v[news->n++].dependent = 0;
		}
	}
	json_decref(root);
	if (rc || (rc = iso_load("iso_3166-3.json", "3166-3", &root, &arr, path,
	                   sizeof path)))
		return rc;
	json_array_foreach(arr, i, o)
	{
		/* "USSR, Union of Soviet Socialist Republics": each part a
		 * name; later parts only of two words or more */
		const char *nm = jstr(o, "name"),
		           *wd = jstr(o, "withdrawal_date");
		long to = wd ? parse_day(wd, strlen(wd), 1) : 0;
		char *dup = nm ? strdup(nm) : NULL, *save = NULL;
		const char *names[4] = {0};
		size_t nn = 0;
		if (!nm)
			continue;
		if (!dup) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		if (to < 0) {
			free(dup);
			rc = td_error(TD_EINPUT,
			        "%s: withdrawal_date '%s' of %s is no date",
			        path, wd, nm);
			break;
		}
		for (char *t = strtok_r(dup, ",", &save); t && nn < 4;
		        t = strtok_r(NULL, ",", &save)) {
			while (*t == ' ')
				t++;
			if (whole_name(t) && (nn == 0 || strchr(t, ' ')))
				names[nn++] = t;
		}
		int created, state;
		rc = iso_state(a, ns, names, nn, to, &created, &state);
		free(dup);
		if (rc)
			break;
	}
	json_decref(root);
	return rc;
}

/* Whether subdivision (code, type) is one subdivisions.tsv lists. */
static int want_subdivision(const td_tsv *t, const char *code, const char *type)
{
	for (size_t r = 0; r < t->n; r++) {
		const char *cc = td_lex_field(&t->rows[r], 0),
		           *ty = td_lex_field(&t->rows[r], 1);
		size_t cl = cc ? strlen(cc) : 0, tl = strlen(type);
		if (!cc || strncmp(code, cc, cl) || code[cl] != '-')
			continue;
		/* the types, '|'-separated; none listed: every type */
		if (!ty)
			return 1;
		for (const char *p = ty; p;
		        p = strchr(p, '|') ? strchr(p, '|') + 1 : NULL)
			if (strncmp(p, type, tl) == 0 &&
			        (p[tl] == '|' || !p[tl]))
				return 1;
	}
	return 0;
}

/* The end of the JSON object that starts at b[i] ('{'), strings
 * skipped; 0 when it does not close. */
static size_t object_end(const char *b, size_t n, size_t i)
{
	int depth = 0;
	for (; i < n; i++) {
		if (b[i] == '"') {
			for (i++; i < n && b[i] != '"'; i++)
				if (b[i] == '\\')
					i++;
		} else if (b[i] == '{')
			depth++;
		else if (b[i] == '}' && --depth == 0)
			return i + 1;
	}
	return 0;
}

/* The string value of member key in the flat JSON object [o, e) when it
 * has no escape and fits out; 0 otherwise. */
static int raw_member(
        const char *o, const char *e, const char *key, char *out, size_t outsz)
{
	size_t kl = strlen(key);
	for (const char *p = o; p + kl + 2 < e; p++) {
		if (*p != '"' || strncmp(p + 1, key, kl) || p[kl + 1] != '"')
			continue;
		const char *v = p + kl + 2;
		while (v < e && (*v == ' ' || *v == '\t' || *v == '\n' ||
		                        *v == '\r' || *v == ':'))
			v++;
		if (v >= e || *v != '"')
			return 0;
		size_t n = 0;
		for (v++; v < e && *v != '"'; v++) {
			if (*v == '\\' || n + 1 >= outsz)
				return 0;
			out[n++] = *v;
		}
		out[n] = 0;
		return v < e;
	}
	return 0;
}

/* A pattern's words joined by single spaces into buf, NUL-terminated;
 * words that would leave fewer than `room` bytes free are left off.
 * Returns the length written. */
static size_t pat_text(const td_pat *p, char *buf, size_t cap, size_t room)
{
	size_t bl = 0;
	for (int w = 0; w < p->n && bl + p->len[w] + room < cap; w++) {
		if (w)
			buf[bl++] = ' ';
		memcpy(buf + bl, p->w[w], p->len[w]);
		bl += p->len[w];
	}
	buf[bl] = 0;
	return bl;
}
/* A subdivision found: its place pattern, or the ambiguity of a state
 * of the same name. */
static int add_subdivision(
        td_annotator *a, name_set *ns, const char *nm, const char *code)
{
	/* "US-CA": the country of the subdivision */
	int country =
	        code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
	                        code[1] <= 'Z'
	                ? a->cc_state[26 * (code[0] - 'A') + code[1] - 'A'] - 1
	                : -1;
	char *sl = name_slug(nm);
	int rc = 0;
	if (!sl)
		return td_error(TD_ENOMEM, "out of memory");
	int who = ns_find(ns, sl);
	if (who >= 0 && strcmp(a->actors[who].kind, "state") == 0) {
		/* Georgia: the state's own name becomes ambiguous */
		for (size_t k = 0; k < a->actor_pats.n && !rc; k++) {
			td_pat *p = &a->actor_pats.v[k];
			if (p->id != who || p->type != TD_PAT_NAME)
				continue;
			char buf[512];
			pat_text(p, buf, sizeof buf, 2);
			char *ps = name_slug(buf);
			if (!ps)
				rc = td_error(TD_ENOMEM, "out of memory");
			else if (strcmp(ps, sl) == 0)
				p->flags |= TD_PATF_NEEDS_NAMED;
			free(ps);
		}
	}
	if (!rc && who == -2 &&
	        (rc = td_patset_add(&a->place_pats, nm, country, 1, 0)) == 0) {
		rc = ns_add(ns, sl, -1);
		sl = NULL;
	}
	free(sl);
	return rc;
}

/* A dependent territory: the names of actor id become keyless places
 * (pattern type 1) and leave the actor patterns. */
static int state_to_place(td_annotator *a, int id)
{
	size_t o = 0;
	int rc = 0;
	for (size_t k = 0; k < a->actor_pats.n; k++) {
		td_pat *p = &a->actor_pats.v[k];
		if (p->id != id) {
			a->actor_pats.v[o++] = *p;
			continue;
		}
		char buf[512];
		pat_text(p, buf, sizeof buf, 2);
		if (!rc)
			rc = td_patset_add(&a->place_pats, buf, -1, 1, 0);
		for (int w = 0; w < p->n; w++)
			free(p->w[w]);
		free(p->w);
		free(p->len);
	}
	a->actor_pats.n = o;
	return rc;
}

/* ISO 3166-2 subdivisions of the countries and types that
 * subdivisions.tsv lists (US states ...) as places without a key
 * (pattern type 1). A state's name that is also such a place (Georgia)
 * is ambiguous: it names the state only once the document has named
 * that state otherwise. The file holds 5,000 flat objects, of which few
 * are wanted: only the objects whose "code" opens with a listed country
 * are parsed (a whole-file parse costs about 17 ms, ten times more). */
static int load_subdivisions(
        td_annotator *a, const char *dir, name_set *ns, iso_news *news)
{
	td_tsv *t;
	char path[4096];
	int rc = td_lex_load(dir, "subdivisions.tsv", &t);
	if (rc)
		return rc;
	snprintf(path, sizeof path, "%s/iso_3166-2.json", iso_dir());
	char *b, *arr = NULL;
	size_t n, an = 0;
	if ((rc = read_whole(path, &b, &n))) {
		td_tsv_free(t);
		return rc;
	}
	/* the wanted objects, copied into one JSON array */
	if (!(arr = malloc(n + 3))) {
		free(b);
		td_tsv_free(t);
		return td_error(TD_ENOMEM, "out of memory");
	}
	arr[an++] = '[';
	/* memmem over what is left, not strstr: strstr measures the rest of
	 * the file at every call where it is checked (AddressSanitizer), which
	 * made this loop quadratic there (seconds per process) */
	for (const char *p = b;
	        (p = memmem(p, n - (size_t)(p - b), "\"code\"", 6)); p += 6) {
		const char *v = p + 6;
		while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' ||
		        *v == ':')
			v++;
		if (*v != '"')
			continue;
		/* "US-PR": a subdivision whose code ends in the code of a
		 * state only ISO 3166-1 gave, under that state's name */
		if (strnlen(v, 7) == 7 && v[3] == '-' && v[6] == '"' &&
		        memcmp(v + 1, v + 4, 2) != 0)
			for (size_t k = 0; k < news->n; k++) {
				char nm[128];
				const char *o = p, *e;
				if (memcmp(news->v[k].cc, v + 4, 2) != 0)
					continue;
				while (o > b && *o != '{')
					o--;
				e = strchr(p, '}');
				const char *cn = a->actors[news->v[k].id].name;
				if (e &&
				        raw_member(
				                o, e, "name", nm, sizeof nm) &&
				        strncmp(nm, cn, strlen(cn)) == 0)
					news->v[k].dependent = 1;
			}
		/* a listed country before the hyphen? */
		const char *dash = strchr(v + 1, '-');
		int listed = 0;
		for (size_t r = 0; dash && r < t->n && !listed; r++) {
			const char *cc = td_lex_field(&t->rows[r], 0);
			listed = cc && strlen(cc) == (size_t)(dash - v - 1) &&
			         strncmp(cc, v + 1, strlen(cc)) == 0;
		}
		if (!listed)
			continue;
		/* the enclosing object */
		const char *o = p;
		while (o > b && *o != '{')
			o--;
		size_t e = *o == '{' ? object_end(b, n, (size_t)(o - b)) : 0;
		if (!e) {
			rc = td_error(TD_EINPUT,
			        "%s: byte %ld: not a subdivision object", path,
			        (long)(p - b));
			break;
		}
		/* and of a listed type (a raw look at its "type" member,
		 * without escapes; else parsed and checked after) */
		char code[16], type[64];
		if (raw_member(o, b + e, "code", code, sizeof code) &&
		        raw_member(o, b + e, "type", type, sizeof type) &&
		        !want_subdivision(t, code, type)) {
			p = b + e - 6;
			continue;
		}
		if (an > 1)
			arr[an++] = ',';
		memcpy(arr + an, o, e - (size_t)(o - b));
		an += e - (size_t)(o - b);
		p = b + e - 6;
	}
	arr[an++] = ']';
	free(b);
	json_error_t err;
	json_t *root = rc ? NULL : json_loadb(arr, an, 0, &err), *obj;
	size_t found = 0, i;
	free(arr);
	if (!rc && !root)
		rc = td_error(TD_EINPUT, "%s: %s", path, err.text);
	json_array_foreach(root, i, obj)
	{
		const char *code = jstr(obj, "code"), *type = jstr(obj, "type"),
		           *nm = jstr(obj, "name");
		if (!code || !type || !nm) {
			rc = td_error(TD_EINPUT,
			        "%s: a subdivision without code, type or name",
			        path);
			break;
		}
		found++;
		if (whole_name(nm) && want_subdivision(t, code, type) &&
		        (rc = add_subdivision(a, ns, nm, code)))
			break;
	}
	json_decref(root);
	for (size_t k = 0; k < news->n && !rc; k++)
		if (news->v[k].dependent)
			rc = state_to_place(a, news->v[k].id);
	if (!rc && !found && t->n)
		rc = td_error(TD_EINPUT,
		        "%s: no subdivision of the countries in "
		        "subdivisions.tsv",
		        path);
	td_tsv_free(t);
	return rc;
}

/* Demonyms as plural nouns ("the Russians", "the Chinese"): those
 * ending in -ese, -sh, -ch or -ss are their own plural (flagged), the
 * others gain an "s" (a new pattern), unless an actor has that name
 * ("Houthis"). */
static int plural_demonyms(td_annotator *a, name_set *ns)
{
	size_t n = a->actor_pats.n;
	int rc = 0;
	for (size_t k = 0; k < n && !rc; k++) {
		td_pat *p = &a->actor_pats.v[k];
		if (p->type != TD_PAT_DEMONYM)
			continue;
		const char *w = p->w[p->n - 1];
		size_t wl = p->len[p->n - 1];
		if (wl < 3 || !(w[0] >= 'A' && w[0] <= 'Z') ||
		        !(w[wl - 1] >= 'a' && w[wl - 1] <= 'z'))
			continue;
		if ((wl > 3 && strcmp(w + wl - 3, "ese") == 0) ||
		        strcmp(w + wl - 2, "sh") == 0 ||
		        strcmp(w + wl - 2, "ch") == 0 ||
		        strcmp(w + wl - 2, "ss") == 0) {
			p->flags |= TD_PATF_PLURAL;
			continue;
		}
		char buf[512];
		size_t bl = pat_text(p, buf, sizeof buf, 3);
		buf[bl++] = 's';
		buf[bl] = 0;
		char *sl = name_slug(buf);
		if (!sl)
			return td_error(TD_ENOMEM, "out of memory");
		int claimed = ns_find(ns, sl) != -2;
		free(sl);
		if (!claimed) {
			int id = p->id;
			/* p may move: td_patset_add reallocates */
			rc = td_patset_add(&a->actor_pats, buf, id,
			        TD_PAT_DEMONYM, TD_PATF_PLURAL);
		}
	}
	return rc;
}

/* clubs.tsv: key, full name, nicknames, cities, validity (see the file) */
static int club_row(void *ctx, const td_lex_row *row)
{
	td_annotator *a = ctx;
	const char *key = td_lex_field(row->r, 0),
	           *name = td_lex_field(row->r, 1);
	long from, to;
	int id, rc;
	if (!key || !name)
		return td_lex_error(row, "need key and full name");
	if ((rc = parse_valid(td_lex_field(row->r, 4), &from, &to, row->path,
	             row->r->line)) ||
	        (rc = add_actor(a, key, "org", name, from, to, &id)))
		return rc;
	rc = td_patset_add(
	        &a->actor_pats, name, id, TD_PAT_NAME, TD_PATF_CLUB_FULL);
	for (size_t f = 2; f <= 3 && !rc; f++) {
		const char *list = td_lex_field(row->r, f);
		char *dup = list ? strdup(list) : NULL, *save = NULL;
		if (list && !dup)
			rc = td_error(TD_ENOMEM, "out of memory");
		for (char *tok = dup ? strtok_r(dup, "|", &save) : NULL;
		        tok && !rc; tok = strtok_r(NULL, "|", &save))
			rc = td_patset_add(&a->actor_pats, tok, id, TD_PAT_NAME,
			        f == 2 ? TD_PATF_CLUB_NICK : TD_PATF_CLUB_CITY);
		free(dup);
	}
	return rc;
}

/* The '|'-separated words of list as party_pats of type t for party id. */
static int party_words(td_annotator *a, const char *list, int id, int t)
{
	char *dup = list ? strdup(list) : NULL, *save = NULL;
	int rc = 0;
	if (list && !dup)
		return td_error(TD_ENOMEM, "out of memory");
	for (char *tok = dup ? strtok_r(dup, "|", &save) : NULL; tok && !rc;
	        tok = strtok_r(NULL, "|", &save))
		rc = td_patset_add(&a->party_pats, tok, id, t, 0);
	free(dup);
	return rc;
}

/* What an actor row of actors.tsv or parties.tsv adds first: the actor
 * (kind, name, the validity in field 6: empty is always), its name as a
 * pattern (a one-word name also as a short form) and the names in field
 * aliases; *id is the new actor's. */
static int add_named_actor(td_annotator *a, const td_lex_row *row,
        const char *key, const char *kind, const char *name, int aliases,
        int *id)
{
	const td_tsv_row *r = row->r;
	long from, to;
	int rc;
	if ((rc = parse_valid(
	             td_lex_field(r, 6), &from, &to, row->path, r->line)) ||
	        (rc = add_actor(a, key, kind, name, from, to, id)) ||
	        (rc = td_patset_add(&a->actor_pats, name, *id, TD_PAT_NAME,
	                 strchr(name, ' ') ? 0 : TD_PATF_SHORT)))
		return rc;
	return add_aliases(a, td_lex_field(r, aliases), *id, TD_PAT_NAME,
	        row->path, r->line);
}

/* parties.tsv: key, name, aliases, adjective, members, country, validity
 * (see the file). The name and aliases are the party's names; the
 * adjective and the members' plural go to party_pats, where
 * party_members_at finds the plural. */
static int party_row(void *ctx, const td_lex_row *row)
{
	td_annotator *a = ctx;
	const td_tsv_row *r = row->r;
	const char *key = td_lex_field(r, 0), *name = td_lex_field(r, 1);
	int id, rc;
	if (!key || !name)
		return td_lex_error(row, "need key and name");
	rc = add_named_actor(a, row, key, "org", name, 2, &id);
	if (!rc)
		rc = party_words(a, td_lex_field(r, 3), id, 'a');
	if (!rc)
		rc = party_words(a, td_lex_field(r, 4), id, 'm');
	return rc;
}

/* What actor_row adds to: the annotator, and the names claimed from the
 * ISO data. */
struct actor_ctx {
	td_annotator *a;
	name_set *ns;
};

/* actors.tsv: key, kind, canonical name, aliases, metonyms, demonyms,
 * validity (see the file) */
static int actor_row(void *ctx, const td_lex_row *row)
{
	td_annotator *a = ((struct actor_ctx *)ctx)->a;
	name_set *ns = ((struct actor_ctx *)ctx)->ns;
	const td_tsv_row *r = row->r;
	const char *key = td_lex_field(r, 0), *kind = td_lex_field(r, 1),
	           *name = td_lex_field(r, 2);
	int id, rc;
	if (!key || !kind || !name)
		return td_lex_error(row, "need key, kind and canonical name");
	if (strcmp(kind, "person") && strcmp(kind, "org") &&
	        strcmp(kind, "state") && strcmp(kind, "group"))
		return td_lex_error(row,
		        "kind '%s' is not person, org, state or group", kind);
	for (const char *p = key; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		            *p == '-'))
			return td_lex_error(row, "key '%s' is not a slug", key);
	rc = add_named_actor(a, row, key, kind, name, 3, &id);
	if (!rc)
		rc = add_aliases(a, td_lex_field(r, 4), id, TD_PAT_METONYM,
		        row->path, r->line);
	if (!rc)
		rc = add_aliases(a, td_lex_field(r, 5), id, TD_PAT_DEMONYM,
		        row->path, r->line);
	/* the names the ISO data must not take over */
	if (!rc)
		rc = claim_list(ns, name, id);
	if (!rc)
		rc = claim_list(ns, td_lex_field(r, 3), id);
	if (!rc)
		rc = claim_list(ns, td_lex_field(r, 4), id);
	return rc;
}

/* person_words.tsv: a form and its class, verb, noun or none (the type
 * 'v', 'n' or 'x' of its pattern). */
static int person_word_row(void *ctx, const td_lex_row *row)
{
	td_annotator *a = ctx;
	const char *form = td_lex_field(row->r, 0),
	           *cls = td_lex_field(row->r, 1);
	if (!form || !cls ||
	        (strcmp(cls, "verb") && strcmp(cls, "noun") &&
	                strcmp(cls, "none")))
		return td_lex_error(
		        row, "need a form and its class, verb, noun or none");
	return td_patset_add(&a->person_pats, form, (int)row->index,
	        cls[0] == 'n' && cls[1] == 'o' && cls[2] == 'n' ? 'x' : cls[0],
	        0);
}

static int load_person_words(td_annotator *a, const char *dir)
{
	int rc = td_lex_each(dir, "person_words.tsv", person_word_row, a);
	td_patset_sort(&a->person_pats);
	return rc;
}

int td_actors_load(td_annotator *a, const char *dir)
{
	if (register_words(a))
		return td_error(TD_ENOMEM, "out of memory");
	name_set ns = {0};
	struct actor_ctx ac = {a, &ns};
	int rc = td_lex_each(dir, "actors.tsv", actor_row, &ac);
	if (!rc)
		rc = td_lex_each(dir, "clubs.tsv", club_row, a);
	if (!rc)
		rc = td_lex_each(dir, "parties.tsv", party_row, a);
	iso_news *news = rc ? NULL : calloc(1, sizeof *news);
	if (!rc && !news)
		rc = td_error(TD_ENOMEM, "out of memory");
	if (!rc)
		rc = plural_demonyms(a, &ns);
	if (!rc)
		rc = load_iso_states(a, &ns, news);
	if (!rc)
		rc = load_list(dir, "places.tsv", &a->place_pats, &ns);
	if (!rc)
		rc = load_subdivisions(a, dir, &ns, news);
	ns_clear(&ns);
	free(news);
	if (rc)
		return rc;
	td_patset_sort(&a->actor_pats);
	td_patset_sort(&a->place_pats);
	td_patset_sort(&a->party_pats);
	if ((rc = load_list(dir, "given_names.tsv", &a->given_pats, NULL)))
		return rc;
	return load_person_words(a, dir);
}

void td_actors_unload(td_annotator *a)
{
	for (size_t i = 0; i < a->n_actors; i++) {
		free(a->actors[i].key);
		free(a->actors[i].kind);
		free(a->actors[i].name);
	}
	free(a->actors);
	a->actors = NULL;
	a->n_actors = a->cap_actors = 0;
	td_patset_clear(&a->actor_pats);
	td_patset_clear(&a->place_pats);
	td_patset_clear(&a->given_pats);
	td_patset_clear(&a->party_pats);
	td_patset_clear(&a->person_pats);
	memset(a->cc_state, 0, sizeof a->cc_state);
}

/* ------------------------------------------------------------ matching */

/* Is actor ar valid at the document's date? Without a date only the
 * current sense (no end) applies. */
static int actor_valid(const td_actx *c, const td_actor_rec *ar)
{
	if (!ar->from && !ar->to)
		return 1;
	if (!c->pub_y)
		return ar->to == 0;
	long y = c->pub_y * 10000L;
	long lo = y +
	          (c->pub_m ? c->pub_m * 100 + (c->pub_d ? c->pub_d : 1) : 101);
	long hi = y + (c->pub_m ? c->pub_m * 100 + (c->pub_d ? c->pub_d : 31)
	                        : 1231);
	return (!ar->from || ar->from <= hi) && (!ar->to || ar->to >= lo);
}

/* The longest actor pattern at token i whose actor is valid at the
 * document's date (the Soviet Union's "Russia" in 1961, Russia's
 * after 1991); -1 for none. */
/* Do the words of p after its first stand at i + 1 ...? */
static int pat_words_at(const td_actx *c, const td_patset *ps, const td_pat *p,
        size_t i, size_t lim)
{
	if (i + (size_t)p->n > lim)
		return 0;
	for (int j = 1; j < p->n; j++)
		if (!td_tok_eq(c, i + (size_t)j, p->w[j], ps->fold))
			return 0;
	return 1;
}

static int club_named(const td_actx *c, int id)
{
	for (size_t k = 0; k < c->n_clubs; k++)
		if (c->clubs[k] == id)
			return 1;
	return 0;
}

/* A club's city (pattern p) names the club: the club is named in the
 * document and no other club named there has the same city (the full
 * names begin with it: "Chicago Cubs", "Chicago White Sox"). */
static int club_city_ok(const td_actx *c, const td_pat *p)
{
	if (!club_named(c, p->id))
		return 0;
	char city[256];
	size_t n = 0;
	for (int j = 0; j < p->n; j++) {
		int w = snprintf(city + n, sizeof city - n, "%s%.*s",
		        j ? " " : "", (int)p->len[j], p->w[j]);
		if (w < 0 || (size_t)w >= sizeof city - n)
			return 0;
		n += (size_t)w;
	}
	for (size_t k = 0; k < c->n_clubs; k++) {
		const char *nm = c->a->actors[c->clubs[k]].name;
		if (c->clubs[k] != p->id && strncmp(nm, city, n) == 0 &&
		        nm[n] == ' ')
			return 0;
	}
	return 1;
}

static const char *const honorifics[] = {
        "Mr", "Mrs", "Miss", "Ms", "Mme", "Mlle", "Dr", NULL};

static int named_before(const td_actx *c, const char *key);
static int name_token(const td_actx *c, size_t i);

/* The first token of a title of titles.tsv (up to three tokens, its
 * full stop included: "Gov.", "Chief Justice") that ends right before
 * token i and is capitalised, or SIZE_MAX. */
/* A title's first token: capitalised, or a former holder's "ex-Gov"
 * (titles.tsv's "ex-" rows; the tokenizer keeps the hyphen). */
static int title_opens(const td_actx *c, size_t k)
{
	const char *w = td_tok_str(c, k);
	return td_tok_is_cap(c, k) ||
	       (td_tok_len(c, k) > 3 && !memcmp(w, "ex-", 3) && w[3] >= 'A' &&
	               w[3] <= 'Z');
}
static size_t title_ends_at(const td_actx *c, size_t i)
{
	for (size_t n = 1; n <= 3 && n <= i; n++) {
		long m = td_patset_match(&c->a->title_pats, c, i - n, i);
		if (m >= 0 && (size_t)c->a->title_pats.v[m].n == n &&
		        title_opens(c, i - n))
			return i - n;
	}
	return SIZE_MAX;
}

/* A surname of the lexicon marked '^' at token i: right after a title
 * that is no honorific ("Gov. Brown", "Sen. Case", "Chief Justice
 * Warren"); anywhere once the document has so named the person ("Mr.
 * Case" after "Sen. Case", "Brown's foe" after "Gov. Brown"). */
static int after_title_ok(const td_actx *c, const td_pat *p, size_t i)
{
	size_t tt = title_ends_at(c, i);
	if (tt != SIZE_MAX && !td_tok_in(c, tt, honorifics, 0))
		return 1;
	return named_before(c, c->a->actors[p->id].key);
}

/* In a document about the game (club_doc) a surname alone names the
 * lexicon's person of public life only after a title or once named in
 * full there: the sports pages name their players by surname ("Brandt,
 * Triandos and Walker" of the Orioles is no Willy Brandt). */
static int sports_surname_ok(const td_actx *c, const td_pat *p, size_t i)
{
	const td_actor_rec *ar = &c->a->actors[p->id];
	if (p->n != 1 || !(p->flags & TD_PATF_SHORT) ||
	        strcmp(ar->kind, "person"))
		return 1;
	/* a given name before it makes it another person's surname
	 * (longer_name: "Only Bucky Harris, the boy-manager") */
	return (i > 0 && name_token(c, i - 1)) ||
	       title_ends_at(c, i) != SIZE_MAX || named_before(c, ar->key);
}

/* May pattern p name its actor at token i: valid at the document's date,
 * a club's nickname or city only as clubs.tsv says, a surname marked '^'
 * only after a title. */
static int pat_ok(const td_actx *c, const td_pat *p, size_t i)
{
	if (!actor_valid(c, &c->a->actors[p->id]))
		return 0;
	if (p->flags & TD_PATF_AFTER_TITLE && !after_title_ok(c, p, i))
		return 0;
	if (c->club_doc && !sports_surname_ok(c, p, i))
		return 0;
	if (p->flags & TD_PATF_CLUB_NICK)
		return c->club_doc;
	if (p->flags & TD_PATF_CLUB_CITY)
		return c->club_doc && club_city_ok(c, p);
	return 1;
}

static long actor_match(const td_actx *c, size_t i, size_t lim)
{
	const td_patset *ps = &c->a->actor_pats;
	long m = td_patset_match(ps, c, i, lim);
	if (m < 0)
		return m;
	/* in a document about the game, a club's name that may apply wins
	 * over another actor's name of the same length ("Washington") */
	if (c->club_doc)
		for (size_t k = (size_t)m; k < ps->gend[m]; k++) {
			const td_pat *p = &ps->v[k];
			if (p->n < ps->v[m].n)
				break;
			if (p->flags & (TD_PATF_CLUB_NICK |
			                       TD_PATF_CLUB_CITY) &&
			        pat_words_at(c, ps, p, i, lim) &&
			        pat_ok(c, p, i))
				return (long)k;
		}
	if (pat_ok(c, &ps->v[m], i))
		return m;
	for (size_t k = (size_t)m + 1; k < ps->gend[m]; k++) {
		const td_pat *p = &ps->v[k];
		if (i + (size_t)p->n > lim || !pat_ok(c, p, i))
			continue;
		int ok = 1;
		for (int j = 1; j < p->n && ok; j++)
			ok = td_tok_eq(c, i + (size_t)j, p->w[j], ps->fold);
		if (ok)
			return (long)k;
	}
	return -1;
}

/* Plural nouns for people (a singular collective such as "navy" or
 * "military" is no group: "the British navy"); "government" and
 * "administration" after one state are that state. */
static const char *const group_nouns[] = {"officials", "government", "leaders",
        "authorities", "diplomats", "forces", "troops", "negotiators",
        "lawmakers", "legislators", "policymakers", "counterparts", "analysts",
        "officers", "soldiers", "administration", "ministers", "governments",
        "envoys", "spokesmen", "spokespeople", "generals", "commanders",
        "politicians", "parliamentarians", "delegations", "farmers", "workers",
        "voters", "protesters", "citizens", "rebels", "employees", "people",
        "lawyers", "servants", "guerrillas", "agents", "friends", NULL};

static const char *const locatives[] = {"in", "at", "into", "inside", "within",
        "throughout", "near", "around", "visited", "visit", "visits",
        "visiting", "across", "invaded", "invade", "invades", "invading",
        "leave", "leaves", "leaving", "left", NULL};

static const char *const travel[] = {"trip", "trips", "visit", "visits",
        "travel", "travelled", "traveled", "travels", "travelling", "traveling",
        "flew", "fly", "flies", "flying", "flown", "went", "go", "goes",
        "going", "gone", "returned", "return", "returns", "returning", "came",
        "come", "comes", "coming", "arrived", "arrive", "arrives", "arriving",
        "moved", "journey", "sent", "send", "sends", "sending", "deployed",
        "headed", "heading", "bound", "back", "off", NULL};
/* Words before "from" that make the state the other party of a relation,
 * an actor, rather than a place of origin: "newly separated from Egypt",
 * "independence from Belgium", "aid from China", "a note from Moscow". */
static const char *const from_actor[] = {"separated", "separate", "separation",
        "secede", "seceded", "secession", "independence", "independent", "away",
        "apart", "withdraw", "withdrew", "withdrawn", "withdrawal", "aid",
        "help", "support", "assistance", "pressure", "demand", "demands",
        "request", "requests", "protest", "protests", "note", "letter",
        "message", "threat", "threats", "recognition", "word", "signal",
        "signals", "response", "reply", NULL};
/* Words before "of" that make the state a home, a place: "formerly of
 * Panama", "a native of Switzerland", "late of London". */
static const char *const home_words[] = {
        "formerly", "late", "native", "natives", "lately", NULL};
/* an object between a travel verb and "to" ("sending him to Uruguay") */
static const char *const travel_objects[] = {
        "him", "her", "them", "us", "me", "troops", "envoys", "aides", NULL};

static const char *const particles[] = {"bin", "al", "de", "da", "von", "der",
        "van", "la", "le", "du", "dos", "del", "ibn", NULL};

/* Capitalised words that start sentences or name things other than people;
 * they never begin a person's name found by rule. */
static const char *const not_names[] = {"The", "A", "An", "This", "That",
        "These", "Those", "It", "He", "She", "They", "We", "I", "In", "On",
        "At", "But", "And", "Or", "If", "When", "While", "Whilst", "Although",
        "However", "Nevertheless", "Meanwhile", "Since", "As", "After",
        "Before", "Following", "Despite", "Given", "Such", "Any", "All", "Both",
        "Most", "Many", "Some", "Earlier", "Later", "Already", "Last", "Next",
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December", "Monday",
        "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Western", "Eastern", "Northern", "Southern", "North", "South", "East",
        "West", "Not", "His", "Her", "Their", "Its", "Our", "With", "Without",
        "For", "From", "By", "To", "Of", "Crucially", "Historically",
        /* openers of clauses and sentences ("Though Weber wrote") */
        "Though", "Unless", "Until", "Whether", "Because", "Once", "Whereas",
        "Thus", "Yet", "Then", "Perhaps", "Indeed", "Moreover", "Furthermore",
        "Hence", "Therefore", "Also", "Even", "Only", "Unlike", "Upon",
        "Through", "During", "Among", "Between", "Against", "Within",
        "Throughout", "Instead", NULL};

static const char *const org_words[] = {"Ministry", "Agency", "Council",
        "Institute", "Organisation", "Organization", "Party", "Bank",
        "Committee", "Commission", "Union", "Association", "Group",
        "Foundation", "University", "Centre", "Center", "Court", "Office",
        "Department", "Forces", "Army", "News", "Times", "Post", "Service",
        "Corporation", "Company", "Fund", "Assembly", "Parliament", "Congress",
        "Network", "Watch", "International", "Inc", "Ltd", "Reuters", NULL};

/* pronouns: a person's mention for attribution, "his country" */
static const char *const he_she[] = {"he", "she", NULL};
static const char *const his_her[] = {"his", "her", NULL};

static int in_list(
        const td_actx *c, size_t i, const char *const *list, int fold)
{
	return td_tok_in(c, i, list, fold);
}

static int is_speech_at(const td_actx *c, size_t i, size_t lim)
{
	long m = td_speech_match(c, i, lim);
	return m >= 0 && c->a->speech_pats.v[m].type == TD_SV_SPEECH;
}

static int name_token_of(const td_actx *c, size_t i)
{
	if (!td_tok_is_cap(c, i) || !td_tok_is_word(c, i))
		return 0;
	if (in_list(c, i, not_names, 0))
		return 0;
	/* all-caps acronyms of one or two letters are not names */
	return td_tok_len(c, i) > 1;
}

/* Token i may be a word of a name: capitalised, no grammar word opening
 * a sentence, longer than one letter. Read from c->tok_name once
 * td_actors_find has made it (the rules ask it of each token many times
 * over: 3% of an ingest's instructions when computed each time). */
static int name_token(const td_actx *c, size_t i)
{
	if (c->tok_name && i < c->tok.n)
		return c->tok_name[i];
	return name_token_of(c, i);
}

static size_t initial_of(const td_actx *c, size_t i, size_t lim);
static int org_word_of(const td_actx *c, size_t k);

/* c->tok_shape: per token its initial_at with the document's end as the
 * limit (TD_SHAPE_INITIAL) and whether org_word takes it
 * (TD_SHAPE_ORG_WORD), which the name rules ask of each token several
 * times over (initial_at and org_word were 2% of an ingest's
 * instructions). Only with an annotator (the word table answers the
 * list tests); NULL otherwise or without memory, and each answer is
 * computed. */
static void tok_shapes(td_actx *c)
{
	free(c->tok_shape);
	c->tok_shape = c->a ? malloc(c->tok.n ? c->tok.n : 1) : NULL;
	if (!c->tok_shape)
		return;
	for (size_t i = 0; i < c->tok.n; i++)
		c->tok_shape[i] =
		        (unsigned char)(initial_of(c, i, c->tok.n) |
		                        (org_word_of(c, i) ? TD_SHAPE_ORG_WORD
		                                           : 0));
}

void td_actors_name_tokens(td_actx *c)
{
	tok_shapes(c);
	free(c->tok_name);
	c->tok_name = malloc(c->tok.n ? c->tok.n : 1);
	if (!c->tok_name)
		return; /* name_token computes each answer */
	for (size_t i = 0; i < c->tok.n; i++)
		c->tok_name[i] = (unsigned char)name_token_of(c, i);
}

static const char *const suffixes[] = {"Jr", "Sr", NULL};

/* Length in tokens of a capitalised name run at i (particles allowed
 * inside), at most 5 tokens, not past lim. */
static size_t name_run(const td_actx *c, size_t i, size_t lim)
{
	size_t n = 0;
	while (i + n < lim && n < 5) {
		if (name_token(c, i + n) && td_patset_match(&c->a->title_pats,
		                                    c, i + n, i + n + 1) < 0)
			n++;
		else if (n > 0 && i + n + 1 < lim &&
		         in_list(c, i + n, particles, 0) &&
		         name_token(c, i + n + 1))
			n++;
		else
			break;
	}
	/* a run must not end in a particle */
	while (n > 0 && in_list(c, i + n - 1, particles, 0))
		n--;
	/* "Jr." keeps its full stop */
	if (n > 1 && in_list(c, i + n - 1, suffixes, 0) && i + n < lim &&
	        td_tok_eq(c, i + n, ".", 0))
		n++;
	return n;
}

/* Initials at i: a capital letter and a full stop ("P." of "James P.
 * Mitchell", as two tokens) or a token of such pairs ("K.J.P."); their
 * length in tokens. */
static size_t initial_of(const td_actx *c, size_t i, size_t lim)
{
	if (i >= lim || !td_tok_is_cap(c, i))
		return 0;
	size_t n = td_tok_len(c, i);
	const char *t = td_tok_str(c, i);
	if (n == 1)
		return i + 1 < lim && td_tok_eq(c, i + 1, ".", 0) ? 2 : 0;
	if (n % 2)
		return 0;
	for (size_t k = 0; k < n; k += 2)
		if (t[k] < 'A' || t[k] > 'Z' || t[k + 1] != '.')
			return 0;
	return 1;
}

/* initial_of, read from c->tok_shape when made: the value with the
 * document's end as the limit is the one with lim, but that a pair of a
 * capital and its full stop needs the stop before lim */
static size_t initial_at(const td_actx *c, size_t i, size_t lim)
{
	if (!c->tok_shape || i >= c->tok.n)
		return initial_of(c, i, lim);
	size_t v = c->tok_shape[i] & TD_SHAPE_INITIAL;
	return i >= lim || (v == 2 && i + 1 >= lim) ? 0 : v;
}

/* Length in tokens of a person's name with initials at i: name words,
 * initials and particles ("James P. Mitchell", "K.J.P. Baraclough",
 * "William H. Draper, Jr."), 0 unless it holds an initial followed by a
 * name word. Initials that spell a lexicon actor (U.S., U.N.) open no
 * name; a run holding a word of an organisation's name is not a person. */
static int org_head_at(const td_actx *c, size_t k);

/* Words that end street names, which an address writes after initials
 * ("410 S. Windsor Blvd.", "12 N. Lake Ave."): no person's name holds
 * one. ("Lane", "Street" and "Drive" are surnames too.) */
static const char *const street_words[] = {"Blvd", "Ave", "Rd", "Avenue",
        "Boulevard", "Road", "Parkway", "Pkwy", "Highway", "Hwy", "Terrace",
        "Plaza", NULL};

static size_t initials_run(const td_actx *c, size_t i, size_t lim)
{
	size_t k = i, end = 0;
	int inits = 0, named = 0;
	if (initial_at(c, i, lim) && actor_match(c, i, lim) >= 0)
		return 0;
	while (k < lim && k - i < 12) {
		size_t in = initial_at(c, k, lim);
		if (in) {
			k += in;
			inits++;
		} else if (name_token(c, k) &&
		           td_patset_match(&c->a->title_pats, c, k, k + 1) <
		                   0) {
			if (in_list(c, k, org_words, 0) || org_head_at(c, k) ||
			        in_list(c, k, street_words, 0))
				return 0;
			k++;
			if (inits)
				named = 1;
			if (named)
				end = k;
		} else if (k > i && k + 1 < lim &&
		           in_list(c, k, particles, 0) && name_token(c, k + 1))
			k++;
		else
			break;
	}
	if (!named || !end)
		return 0;
	/* ", Jr." and "Sr." belong to the name */
	k = end;
	if (k + 1 < lim && td_tok_eq(c, k, ",", 0) &&
	        in_list(c, k + 1, suffixes, 0))
		k++;
	if (k < lim && in_list(c, k, suffixes, 0))
		end = k + 1;
	/* the suffix keeps its full stop, also when the name words took
	 * it in ("Joseph E. Harvey Jr.") */
	if (in_list(c, end - 1, suffixes, 0) && end < lim &&
	        td_tok_eq(c, end, ".", 0))
		end++;
	return end - i;
}

/* Heads of organisation names ("National Audubon Society", "Westinghouse
 * Electric Corp.", "Federal Bureau of Investigation"). */
static const char *const org_heads[] = {"Department", "Ministry", "Bureau",
        "Party", "Council", "Committee", "Assembly", "Agency", "Bank", "Union",
        "Corporation", "Corp", "Inc", "Co", "Company", "University", "College",
        "Institute", "Service", "Commission", "Society", "Association", "Assn",
        "Church", "Police", "Legion", "Board", "Foundation", "League",
        "Federation", "Authority", "Organization", "Organisation", "Fund",
        "Club", "Ltd", "Press", "Corps", "Academy", "Congress", "Lobby",
        /* "Chamber of Commerce", "Chamber of Deputies" */
        "Chamber",
        /* firms by their trade ("Morton Foods", "Hughes Aircraft") */
        "Foods", "Aircraft", "Motors", "Industries", "Airlines", "Airways",
        "Railroad", "Railway", "Products", "Mills", "Stores", "Laboratories",
        "Enterprises", "Studios", "Electric", "Dynamics", "Electronics",
        "Chemical", "Steel", "Oil", "Lines",
        /* labour unions ("United Steelworkers of America", "International
         * Brotherhood of Teamsters", "Communications Workers of America") */
        "Brotherhood", "Workers", "Steelworkers", "Teamsters", "Machinists",
        /* courts, schools, hospitals and newspapers */
        "Court", "School", "Hospital", "Museum", "Library", "Times", "Tribune",
        "Journal", "Herald", "Gazette", "Examiner", "Traveler", "Chronicle",
        "Inquirer", "Courier", "Dispatch", "Bulletin",
        /* theaters, hotels and centres as bodies ("Dallas Theater Center",
         * "Waldorf-Astoria Hotel", "Brevard Music Center") */
        "Theater", "Theatre", "Hotel", "Center", "Centre",
        /* galleries, orchestras and bands ("National Gallery",
         * "Transylvania Symphony Orchestra", "Marine Corps Band") */
        "Gallery", "Orchestra", "Band",
        /* record labels ("Decca Records") */
        "Records",
        /* bodies of bodies, plural ("Boys Clubs of America", "New Mexico
         * Tuberculosis and Cancer Associations"): no person's name ends
         * in one */
        "Clubs", "Associations", "Societies", "Unions", "Leagues", "Councils",
        "Committees", "Federations", "Churches",
        /* armed services and missions abroad ("Salvation Army", "Royal
         * Canadian Navy", "Soviet Embassy") and newspapers ("Cornell
         * Daily Sun", "Dallas Morning News") */
        "Army", "Navy", "Embassy", "Legation", "Consulate", "Sun", "News",
        NULL};
static int org_head_at(const td_actx *c, size_t k)
{
	return in_list(c, k, org_heads, 0);
}

/* Compass words that open place names ("North Portland"). */
static const char *const compass_words[] = {"North", "South", "East", "West",
        "Northern", "Southern", "Eastern", "Western", NULL};
/* Words an abbreviation of a name leaves out (org_acronym). */
static const char *const acronym_skip[] = {
        "of", "for", "and", "the", "&", "on", "in", "to", NULL};
/* heads written as abbreviations keep their full stop */
static const char *const org_abbrevs[] = {
        "Corp", "Inc", "Co", "Assn", "Ltd", NULL};

/* Nouns of people that a body's name may hold in the possessive
 * ("People's Party", "Farmers' Union", "Children's Hospital"). */
static const char *const people_nouns[] = {"People", "Peoples", "Workers",
        "Farmers", "Women", "Men", "Veterans", "Teachers", "Employees",
        "Citizens", "Voters", "Officers", "Children", "Mothers", "Growers",
        "Producers", "Merchants", "Manufacturers", "Lawyers", "Writers",
        "Publishers", "Editors", "Engineers", "Miners", "Seamen", "Soldiers",
        "Physicians", "Nurses", "Bankers", "Dealers", "Owners", "Boys", "Girls",
        "Builders", "Retailers", "Taxpayers", NULL};

static int org_word_of(const td_actx *c, size_t k)
{
	return td_tok_is_cap(c, k) && td_tok_is_word(c, k) &&
	       !in_list(c, k, not_names, 0);
}

static int org_word(const td_actx *c, size_t k, int first)
{
	int w = c->tok_shape && k < c->tok.n
	                ? (c->tok_shape[k] & TD_SHAPE_ORG_WORD) != 0
	                : org_word_of(c, k);
	return w &&
	       (!first || td_patset_match(&c->a->title_pats, c, k, k + 1) < 0);
}

static size_t org_run(const td_actx *c, size_t i, size_t lim);

/* Whether the body named by its shape at j, two words or more, holds
 * the head word at h ("Airlines" of "Continental Airlines"; "Air Lines"
 * of "United Air Lines" is a carrier as "Airlines" is). */
static int alike_head_after(const td_actx *c, size_t h, size_t j, size_t lim)
{
	static const char *const carriers[] = {
	        "Airlines", "Airways", "Lines", NULL};
	size_t n = org_run(c, j, lim);
	int carrier = in_list(c, h, carriers, 0);
	if (n < 2)
		return 0;
	for (size_t t = j; t < j + n; t++)
		if ((td_tok_len(c, t) == td_tok_len(c, h) &&
		            !memcmp(td_tok_str(c, t), td_tok_str(c, h),
		                    td_tok_len(c, h))) ||
		        (carrier && in_list(c, t, carriers, 0)))
			return 1;
	return 0;
}

/* Length in tokens of an organisation named by its shape at i:
 * capitalised words (initials, "&" and "and" between them) up to a head
 * noun, then "of"/"for" chains of capitalised words ("Federal Bureau of
 * Investigation", "Harris Trust & Savings Bank"); at least two words, 0
 * when there is no head. */
static size_t org_run(const td_actx *c, size_t i, size_t lim)
{
	size_t k = i, end = 0, words = 0, wend = 0;
	int chain = 0;
	/* a compass word opens the name of a place that a body is named
	 * after ("North Portland Rotary Club", "East Greenwich School
	 * Committee"), unless it begins a lexicon name ("South Korean") */
	int compass = in_list(c, i, compass_words, 0) && i + 1 < lim &&
	              actor_match(c, i, lim) < 0;
	while (k < lim && k - i < 14) {
		size_t in = initial_at(c, k, lim);
		if (in && !end) {
			k += in;
			words++;
			continue;
		}
		/* in an "of" chain a compass word goes with the word after
		 * it ("Bank of West Africa") or stands after "the" ("of the
		 * South") */
		if (org_word(c, k, k == i) || (k == i && compass) ||
		        (k > i && chain && in_list(c, k, compass_words, 0) &&
		                ((k + 1 < lim && org_word(c, k + 1, 0)) ||
		                        td_tok_eq(c, k - 1, "the", 0)))) {
			k++;
			words++;
			if (in_list(c, k - 1, org_heads, 0)) {
				end = k;
				chain = 0;
			} else if (chain)
				end = k;
			if (end == k)
				wend = words;
			continue;
		}
		/* a noun of people with its possessive, inside the name
		 * ("Convention People's Party", "Northern Peoples' Congress",
		 * "Women's Christian Temperance Union"); not a person's
		 * ("Kennedy's Labor Department") */
		if (k > i && k + 1 < lim &&
		        in_list(c, k - 1, people_nouns, 0) &&
		        (td_tok_eq(c, k, "'s", 1) || td_tok_eq(c, k, "'", 1)) &&
		        org_word(c, k + 1, 0)) {
			k++;
			continue;
		}
		if (k > i && k + 1 < lim &&
		        (td_tok_eq(c, k, "&", 0) ||
		                td_tok_eq(c, k, "and", 0)) &&
		        org_word(c, k + 1, 0)) {
			/* two bodies of one kind listed: a head before
			 * "and" and a name of two words or more after it
			 * holding the same head ("Eastern Airlines and
			 * Continental Airlines", "Bible Society and National
			 * Society of Scotland") end the run before "and";
			 * other heads may open a longer name ("Harris Bank
			 * and Trust Company") */
			if (end == k && !chain && td_tok_eq(c, k, "and", 0) &&
			        in_list(c, k - 1, org_heads, 0) &&
			        alike_head_after(c, k - 1, k + 1, lim))
				break;
			k++;
			continue;
		}
		if (end && end == k && k + 1 < lim &&
		        (td_tok_eq(c, k, "of", 0) ||
		                td_tok_eq(c, k, "for", 0))) {
			size_t n = k + 1;
			if (n + 1 < lim && td_tok_eq(c, n, "the", 0))
				n++;
			/* "University of the West Indies", "University of
			 * the South": a compass word opens the place */
			if (org_word(c, n, 0) ||
			        (in_list(c, n, compass_words, 0) &&
			                ((n + 1 < lim &&
			                         org_word(c, n + 1, 0)) ||
			                        td_tok_eq(
			                                c, n - 1, "the", 0)))) {
				k = n;
				chain = 1;
				continue;
			}
		}
		break;
	}
	if (!end || wend < 2)
		return 0;
	if (end < lim && in_list(c, end - 1, org_abbrevs, 0) &&
	        td_tok_eq(c, end, ".", 0))
		end++;
	return end - i;
}

static int push_mention(td_actx *c, const td_mention *m)
{
	if (TD_VEC_RESERVE(c->ments, c->n_ments, c->cap_ments, 64))
		return td_error(TD_ENOMEM, "out of memory");
	c->ments[c->n_ments++] = *m;
	return 0;
}

static int named_before(const td_actx *c, const char *key)
{
	for (size_t i = 0; i < c->n_ments; i++)
		if (c->ments[i].key && !c->ments[i].pronoun &&
		        strcmp(c->ments[i].key, key) == 0)
			return 1;
	return 0;
}

static int same_token(const td_actx *c, size_t x, size_t y)
{
	return td_tok_len(c, x) == td_tok_len(c, y) &&
	       memcmp(td_tok_str(c, x), td_tok_str(c, y), td_tok_len(c, y)) ==
	               0;
}

/* The next use of the word at token t inside a sentence, in document
 * order: *u is SIZE_MAX before the first; sets *u and its sentence *sj,
 * 0 after the last. Every token whose folded word hash is t's
 * (c->word_next) when the stage made the chains, else every token of
 * every sentence: the caller tests the word itself. */
static int next_use(const td_actx *c, size_t t, size_t *u, size_t *sj)
{
	if (c->word_next) {
		size_t x = *u;
		for (;;) {
			x = x == SIZE_MAX ? c->word_first[t]
			                  : (size_t)c->word_next[x] - 1;
			if (x == SIZE_MAX)
				return 0;
			if (c->tok_sent[x] >= 0) {
				*u = x;
				*sj = (size_t)c->tok_sent[x];
				return 1;
			}
		}
	}
	size_t x = *u == SIZE_MAX ? 0 : *u + 1, s = *u == SIZE_MAX ? 0 : *sj;
	for (; s < c->n_sents; s++) {
		if (x < c->sents[s].t0)
			x = c->sents[s].t0;
		if (x < c->sents[s].t1) {
			*u = x;
			*sj = s;
			return 1;
		}
	}
	return 0;
}

/* The last name word of a person's mention: "Draper" of "William H.
 * Draper, Jr." */
static size_t surname_tok(const td_actx *c, const td_mention *m)
{
	size_t k = m->t1 - 1;
	while (k > m->t0 + 1 &&
	        (td_tok_eq(c, k, ".", 0) || td_tok_eq(c, k, ",", 0) ||
	                in_list(c, k, suffixes, 0)))
		k--;
	return k;
}

/* Titles that show a person's gender ("Mrs. Hengesbach", "Mr. Kim"). */
static const char *const male_titles[] = {"Mr", "Mr.", "King", "Prince", "Lord",
        "Sir", "Father", "Brother", NULL};
static const char *const female_titles[] = {"Mrs", "Mrs.", "Miss", "Ms", "Ms.",
        "Mme", "Mme.", "Queen", "Princess", "Lady", "Dame", "Sister", NULL};

/* The gender a title right before token t shows: 'm', 'f' or 0 ("Mrs."
 * is two tokens). */
static int title_gender(const td_actx *c, size_t t)
{
	if (t == 0)
		return 0;
	size_t tt = t - 1;
	if (tt > 0 && td_tok_eq(c, tt, ".", 0))
		tt--;
	return in_list(c, tt, male_titles, 0)     ? 'm'
	       : in_list(c, tt, female_titles, 0) ? 'f'
	                                          : 0;
}

/* The gender of the person keyed key as titles before any of its
 * mentions so far show it: 'm', 'f' or 0. */
static int key_gender(const td_actx *c, const char *key)
{
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		int g;
		if (!m->pronoun && m->key && !strcmp(m->key, key) &&
		        (g = title_gender(c, m->t0)))
			return g;
	}
	return 0;
}

/* The person last named in full whose first or last word is token i.
 * A title before i that shows a gender ("Mrs. Hengesbach" after "Mrs.
 * Anna Hengesbach" and her stepson "Vincent Hengesbach") picks the last
 * such person of that gender, else the last not shown to be of the
 * other. */
/* The one-word title right before token t ("President" of "President
 * Kennedy", "Gov." of "Gov. Daniel"), or SIZE_MAX. */
static size_t title_before(const td_actx *c, size_t t)
{
	if (t == 0)
		return SIZE_MAX;
	size_t tt = t - 1;
	if (tt > 0 && td_tok_eq(c, tt, ".", 0))
		tt--;
	return td_tok_is_cap(c, tt) && td_patset_match(&c->a->title_pats, c, tt,
	                                       tt + 1) >= 0
	               ? tt
	               : SIZE_MAX;
}

static const td_mention *resolve_short(const td_actx *c, size_t i)
{
	int g = title_gender(c, i);
	const td_mention *other = NULL;
	/* a title of office that is no honorific names whom it named
	 * before: "President Kennedy" after "President Kennedy" is still
	 * the President, though "First Lady Jacqueline Kennedy" was named
	 * in full between them */
	size_t ti = g ? SIZE_MAX : title_before(c, i);
	for (size_t k = c->n_ments; ti != SIZE_MAX && k-- > 0;) {
		const td_mention *m = &c->ments[k];
		size_t tm;
		if (m->pronoun || !m->key || strcmp(m->kind, "person") ||
		        (tm = title_before(c, m->t0)) == SIZE_MAX ||
		        !same_token(c, tm, ti))
			continue;
		if (same_token(c, m->t0, i) ||
		        same_token(c, surname_tok(c, m), i))
			return m;
	}
	for (size_t k = c->n_ments; k-- > 0;) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || strcmp(m->kind, "person") ||
		        m->t1 - m->t0 < 2)
			continue;
		/* first or last word of the full name (tokens are not
		 * NUL-terminated: compare them as spans) */
		if (!same_token(c, m->t0, i) &&
		        !same_token(c, surname_tok(c, m), i))
			continue;
		if (!g)
			return m;
		int mg = key_gender(c, m->key);
		if (mg == g)
			return m;
		if (!mg && !other)
			other = m;
	}
	return other;
}

static const char *elem_for(
        const char *kind, int metonym, int located, const char **type)
{
	*type = NULL;
	if (located)
		return "placeName";
	if (metonym) {
		*type = strcmp(kind, "person") == 0  ? "person"
		        : strcmp(kind, "org") == 0   ? "org"
		        : strcmp(kind, "group") == 0 ? "group"
		                                     : "state";
		return "rs";
	}
	if (strcmp(kind, "person") == 0)
		return "persName";
	if (strcmp(kind, "state") == 0)
		*type = "state";
	return "orgName";
}

static int emit(td_actx *c, size_t t0, size_t t1, const char *key,
        const char *kind, const char *canon, int metonym, int located,
        const char *state)
{
	const char *type;
	const char *el = elem_for(kind, metonym, located, &type);
	char ref[300];
	size_t s = c->tok.v[t0].start, e = c->tok.v[t1 - 1].end;
	int rc;
	if (key)
		snprintf(ref, sizeof ref, "#%s", key);
	if (key && type)
		rc = td_actx_add(c, el, s, e, NULL, "type", type, "ref", ref);
	else if (key)
		rc = td_actx_add(c, el, s, e, NULL, "ref", ref, NULL, NULL);
	else if (type)
		rc = td_actx_add(c, el, s, e, NULL, "type", type, NULL, NULL);
	else
		rc = td_actx_add(c, el, s, e, NULL, NULL, NULL, NULL, NULL);
	if (rc < 0)
		return rc;
	if (rc == 1)
		return 0;
	if (key && (rc = td_doc_add_actor(c->doc, key, kind, canon)) < 0)
		return rc;
	td_mention m = {
	        t0, t1, s, e, c->tok_sent[t0], key, kind, 0, located, state};
	return push_mention(c, &m);
}

/* Letters that carry no combining mark, so that td_slug's decomposition
 * keeps them: written out in ASCII first (Sørlie -> sorlie, Łukasz ->
 * lukasz), as the gold keys drop diacritics. */
static const char *const translit[][2] = {{"ø", "o"}, {"Ø", "O"}, {"æ", "ae"},
        {"Æ", "AE"}, {"ß", "ss"}, {"ł", "l"}, {"Ł", "L"}, {"đ", "d"},
        {"Đ", "D"}, {"œ", "oe"}, {"Œ", "OE"}, {"ı", "i"}, {"ð", "d"},
        {"þ", "th"}};

/* name with the letters of translit written out; a new string or NULL */
static char *transliterate(const char *name)
{
	size_t n = strlen(name);
	char *out = malloc(2 * n + 1), *o = out;
	if (!out)
		return NULL;
	for (const char *p = name; *p;) {
		size_t k = 0, nt = sizeof translit / sizeof translit[0];
		if ((unsigned char)*p >= 0x80)
			for (; k < nt; k++)
				if (strncmp(p, translit[k][0],
				            strlen(translit[k][0])) == 0)
					break;
		if ((unsigned char)*p >= 0x80 && k < nt) {
			size_t rl = strlen(translit[k][1]);
			memcpy(o, translit[k][1], rl);
			o += rl;
			p += strlen(translit[k][0]);
		} else
			*o++ = *p++;
	}
	*o = 0;
	return out;
}

/* Joins runs of single capital letters with full stops ("U.S.", "U. S.")
 * into one word ("US"), in place. */
static void collapse_initials(char *s)
{
	char *o = s;
	for (char *p = s; *p;) {
		int n = 0;
		char *q = p;
		/* a run: capital, '.', optional space, ... */
		while (q[0] >= 'A' && q[0] <= 'Z' && q[1] == '.' &&
		        (q == s || !((q[-1] >= 'A' && q[-1] <= 'Z') ||
		                           (q[-1] >= 'a' && q[-1] <= 'z')))) {
			n++;
			q += 2;
			if (*q == ' ' && q[1] >= 'A' && q[1] <= 'Z' &&
			        q[2] == '.')
				q++;
			else if (!(q[0] >= 'A' && q[0] <= 'Z' && q[1] == '.'))
				break;
		}
		if (n >= 2) {
			for (char *r = p; r < q; r++)
				if (*r >= 'A' && *r <= 'Z')
					*o++ = *r;
			p = q;
		} else
			*o++ = *p++;
	}
	*o = 0;
}

/* A document-local actor for tokens [t0, t1); its key is the slug of the
 * name, after prefix and a hyphen when prefix is given (a state's key
 * for its ministries: china-ministry-of-commerce). */
static int add_dyn_pfx(td_actx *c, size_t t0, size_t t1, const char *kind,
        const char *state, const char *prefix, const td_dyn **out)
{
	size_t s = c->tok.v[t0].start, e = c->tok.v[t1 - 1].end;
	char *name = strndup(c->doc->text + s, e - s), *key = NULL;
	char *ascii = name ? transliterate(name) : NULL;
	int rc;
	if (!ascii) {
		free(name);
		return td_error(TD_ENOMEM, "out of memory");
	}
	/* bodies and groups write dotted initials as one word ("U.S.
	 * citizens", "U. S. Forest Service" -> us-...); persons keep them
	 * apart (james-p-mitchell) */
	if (strcmp(kind, "person") != 0)
		collapse_initials(ascii);
	rc = td_slug(ascii, &key);
	free(ascii);
	if (rc < 0) {
		free(name);
		return rc;
	}
	if (prefix) {
		size_t n = strlen(prefix) + strlen(key) + 2;
		char *k2 = malloc(n);
		if (!k2) {
			free(name);
			free(key);
			return td_error(TD_ENOMEM, "out of memory");
		}
		snprintf(k2, n, "%s-%s", prefix, key);
		free(key);
		key = k2;
	}
	for (size_t i = 0; i < c->n_dyn; i++)
		if (strcmp(c->dyn[i].key, key) == 0) {
			free(name);
			free(key);
			*out = &c->dyn[i];
			return 0;
		}
	/* mentions point at the key strings, which do not move */
	if (TD_VEC_RESERVE(c->dyn, c->n_dyn, c->cap_dyn, 16)) {
		free(name);
		free(key);
		return td_error(TD_ENOMEM, "out of memory");
	}
	td_dyn *d = &c->dyn[c->n_dyn++];
	d->key = key;
	d->name = name;
	d->kind = kind;
	d->state = state;
	*out = d;
	return 0;
}

static int add_dyn(td_actx *c, size_t t0, size_t t1, const char *kind,
        const char *state, const td_dyn **out)
{
	return add_dyn_pfx(c, t0, t1, kind, state, NULL, out);
}

/* The actor of tokens [t0, t1) (add_dyn: a new one, or the one found
 * before with that key, whose kind may differ) emitted there. */
static int emit_dyn(td_actx *c, size_t t0, size_t t1, const char *kind)
{
	const td_dyn *d;
	int rc = add_dyn(c, t0, t1, kind, NULL, &d);
	return rc < 0 ? rc
	              : emit(c, t0, t1, d->key, d->kind, d->name, 0, 0, NULL);
}

/* The state whose name or demonym stands just before token i (skipping
 * "the"), as in "North Korean leader" or "Russian President". */
static const char *state_before(const td_actx *c, size_t t0, size_t i)
{
	for (size_t back = 1; back <= 4 && back <= i - t0; back++) {
		long m = actor_match(c, i - back, i);
		if (m >= 0 && (size_t)c->a->actor_pats.v[m].n == back) {
			const td_actor_rec *ar =
			        &c->a->actors[c->a->actor_pats.v[m].id];
			if (strcmp(ar->kind, "state") == 0)
				return ar->key;
		}
	}
	return NULL;
}

/* For a person at token s: the state named before a title just before it
 * ("North Korean leader Kim Jong Un", "Russian President, Vladimir Putin"). */
static const char *title_state(const td_actx *c, size_t t0, size_t s)
{
	size_t k = s;
	if (k > t0 && td_tok_eq(c, k - 1, ",", 0))
		k--;
	for (size_t n = 1; n <= 3 && n <= k - t0; n++) {
		long m = td_patset_match(&c->a->title_pats, c, k - n, k);
		if (m >= 0 && (size_t)c->a->title_pats.v[m].n == n)
			return state_before(c, t0, k - n);
	}
	return NULL;
}

/* "in North Korea’s ...", "in US election years": a modifier, not a place */
static const char *const located_fw[] = {"for", "and", "or", "to", "with", "in",
        "on", "at", "from", "since", "last", "this", "during", "where", "when",
        "after", "before", "as", "but", "which", "that", "over", "until", "by",
        "earlier", "later", "next", "recently", "the", "a", "an", "its",
        "their", "his", "her", "this", "these", "those", "again", "today",
        "yesterday", "tomorrow", "now", NULL};

static int verbish(const td_actx *c, size_t k);

/* Months as datelines write them ("London, Feb. 9 –"). */
static const char *const dateline_months[] = {"January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept",
        "Sep", "Oct", "Nov", "Dec", NULL};

/* A lowercase modifier of a place ("southern-central", "communist",
 * "northern"): an adjective by its ending, or hyphenated. */
static int place_modifier(const td_actx *c, size_t k)
{
	size_t n = td_tok_len(c, k);
	const char *t = td_tok_str(c, k);
	if (!td_tok_is_lower(c, k) || n < 5)
		return 0;
	if (memchr(t, '-', n))
		return 1;
	return memcmp(t + n - 3, "ern", 3) == 0 ||
	       memcmp(t + n - 3, "ist", 3) == 0;
}

static int located_at(
        const td_actx *c, size_t t0, size_t i, size_t e, size_t t1)
{
	size_t p = i;
	/* a dateline: "Havana, April 19 –" opening the sentence */
	if (i == t0 && e + 1 < t1 && td_tok_eq(c, e, ",", 0) &&
	        in_list(c, e + 1, dateline_months, 0))
		return 1;
	/* or a dash: "Washington – Rep. Frelinghuysen ..." */
	if (i == t0 && e + 1 < t1 &&
	        (td_tok_eq(c, e, "–", 0) || td_tok_eq(c, e, "—", 0)))
		return 1;
	/* the head of its phrase: not "in US election years", but a verb
	 * may follow ("a transmitter near Moscow was heard"), and so may a
	 * word the tagger takes for a determiner, number or adverb ("in the
	 * Congo no fewer than 120 parties"), or a preposition or conjunction
	 * that opens the next phrase ("studied in Paris under Huygens") */
	if (e < t1 &&
	        ((td_tok_is_lower(c, e) && !in_list(c, e, located_fw, 0) &&
	                 !verbish(c, e) && !td_tok_pos_is(c, e, "DT") &&
	                 !td_tok_pos_is(c, e, "CD") &&
	                 !td_tok_pos_is(c, e, "RB*") &&
	                 !td_tok_pos_is(c, e, "IN") &&
	                 !td_tok_pos_is(c, e, "CC")) ||
	                td_tok_eq(c, e, "'s", 1)))
		return 0;
	if (p > t0 && td_tok_eq(c, p - 1, "the", 1))
		p--;
	/* "in southern-central Laos", "to communist East Germany" */
	else if (p > t0 + 1 && place_modifier(c, p - 1))
		p--;
	if (p == t0)
		return 0;
	if (in_list(c, p - 1, locatives, 1))
		return 1;
	/* the second of two places ("in Washington and Moscow"), or a
	 * further one of a list that goes on after it ("in Ghana, Togo,
	 * Benin and Senegal"; not "In Japan, China is ...") */
	if (td_tok_eq(c, p - 1, "and", 0) || td_tok_eq(c, p - 1, "or", 0) ||
	        (td_tok_eq(c, p - 1, ",", 0) && e + 1 < t1 &&
	                (td_tok_eq(c, e, ",", 0) || td_tok_eq(c, e, "and", 0) ||
	                        td_tok_eq(c, e, "or", 0)))) {
		for (size_t k = c->n_ments; k-- > 0;)
			if (c->ments[k].t1 == p - 1)
				return c->ments[k].located;
		/* after a place no rule took, the locative still governs
		 * ("circulated in Leipzig and Paris"); not a month ("in
		 * March, and Washington has said") nor a subject before
		 * its verb */
		if (!td_tok_eq(c, p - 1, ",", 0) &&
		        !(e < t1 && verbish(c, e))) {
			size_t k = p - 1;
			while (k > t0 + 1 && td_tok_is_cap(c, k - 1) &&
			        td_tok_is_word(c, k - 1) &&
			        !in_list(c, k - 1, dateline_months, 0))
				k--;
			if (k < p - 1 && in_list(c, k - 1, locatives, 1))
				return 1;
		}
		/* a city and its country: "Djakarta, Indonesia, has",
		 * "born in County Down, Ireland." (no mention before the
		 * comma: "Manila, India" of a list is the list's) */
		return td_tok_eq(c, p - 1, ",", 0) && p - 1 > t0 &&
		       td_tok_is_cap(c, p - 2) && td_tok_is_word(c, p - 2) &&
		       e < t1 &&
		       (td_tok_eq(c, e, ",", 0) || td_tok_eq(c, e, ".", 0) ||
		               td_tok_eq(c, e, ";", 0));
	}
	/* "born in County Down, Ireland.": a state after a comma that
	 * follows a capitalised word no rule took, and before the end of
	 * its phrase, is the country of the place named before it */
	if (td_tok_eq(c, p - 1, ",", 0) && p - 1 > t0 &&
	        td_tok_is_cap(c, p - 2) && td_tok_is_word(c, p - 2) &&
	        p - 2 > t0 && !in_list(c, p - 2, not_names, 0) &&
	        (e >= t1 || td_tok_eq(c, e, ".", 0) ||
	                td_tok_eq(c, e, ";", 0) || td_tok_eq(c, e, ")", 0))) {
		for (size_t k = c->n_ments; k-- > 0;)
			if (c->ments[k].t1 == p - 1)
				return c->ments[k].located;
		return 1;
	}
	/* a place of origin: "output from the United States", "emissaries
	 * from Guatemala", "35 miles from Havana", "administered from
	 * Brussels" (the possessive, "from North Korea’s goal", and a
	 * modifier were left out above) */
	if (td_tok_eq(c, p - 1, "from", 1))
		return p - 1 == t0 || !in_list(c, p - 2, from_actor, 1);
	/* a former or native home: "the Ray Carbones, formerly of Panama",
	 * "a native of Switzerland" */
	if (td_tok_eq(c, p - 1, "of", 1))
		return p - 1 > t0 && in_list(c, p - 2, home_words, 1);
	/* "flew to Hanoi", "sending him to Uruguay" */
	if (!td_tok_eq(c, p - 1, "to", 1) || p - 1 <= t0)
		return 0;
	size_t v = p - 2;
	if (v > t0 && in_list(c, v, travel_objects, 1))
		v--;
	return in_list(c, v, travel, 1);
}

/* Words that may follow a noun phrase of demonyms standing for a state
 * ("the Russians may", "the Chinese, as ...", "by the Russians."): a
 * preposition, conjunction, auxiliary or modal; not a noun ("the British
 * navy"). */
static const char *const after_np[] = {"in", "of", "to", "and", "or", "but",
        "on", "at", "by", "for", "from", "with", "over", "who", "which", "that",
        "have", "has", "had", "will", "would", "may", "might", "can", "could",
        "shall", "should", "must", "are", "were", "was", "is", "do", "did",
        "does", "also", "themselves", "now", "still", "too", "feel", "think",
        "believe", "say", "want", "fear", "know", "insist", "seem", "appear",
        "hope", "claim", "argue", "agree", "refuse", "need", "gave", "took",
        "made", "went", "got", NULL};

static const char *const group_adjs[] = {"Western", "Arab", "African", "Asian",
        "Gulf", "Allied", "Sahelian", NULL};

/* A noun of a group of people: a group noun of the list (bodies and
 * forces: "government", "troops"), or a plural noun (tagged NNS,
 * lowercase) whose singular person_words.tsv lists as a noun for a person
 * ("playwrights", "economists"): the lexicon of persons decides, not a
 * second list of their plurals. The singular by the regular endings:
 * -men -> -man, -ies -> -y, -s. */
static int group_noun(const td_actx *c, size_t k)
{
	if (in_list(c, k, group_nouns, 0))
		return 1;
	size_t n = td_tok_len(c, k);
	const char *w = td_tok_str(c, k);
	char one[40];
	if (n < 4 || n >= sizeof one || !td_tok_is_lower(c, k) ||
	        !td_tok_pos_is(c, k, "NNS") || w[n - 1] != 's')
		return 0;
	memcpy(one, w, n - 1);
	one[n - 1] = 0;
	if (!memcmp(w + n - 3, "men", 3))
		one[n - 2] = 'a';
	else if (!memcmp(w + n - 3, "ies", 3))
		memcpy(one + n - 3, "y", 2);
	size_t len = strlen(one);
	const td_patset *ps = &c->a->person_pats;
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i].n == 1 && ps->v[i].type == 'n' &&
		        ps->v[i].len[0] == len &&
		        !memcmp(ps->v[i].w[0], one, len))
			return 1;
	return 0;
}

/* A party's word of type t ('a' the members' adjective, 'm' their
 * plural) at token i, of a party of the document's time: its length in
 * tokens, 0 for none. */
static size_t party_word(const td_actx *c, size_t i, size_t lim, int t)
{
	/* every party word opens with a capital: most tokens are asked
	 * nothing (party_pats has no word-table slot) */
	if (!c->party_doc || i >= lim || !td_tok_is_cap(c, i))
		return 0;
	long m = td_patset_match(&c->a->party_pats, c, i, lim);
	if (m < 0)
		return 0;
	const td_pat *p = &c->a->party_pats.v[m];
	if (p->type != t || !actor_valid(c, &c->a->actors[p->id]))
		return 0;
	return (size_t)p->n;
}

static const char *const party_regions[] = {"Southern", "Northern", "Eastern",
        "Western", "Midwestern", "Northeastern", "Southwestern", NULL};

/* A party's members at token i, as the gold writes them: the plural
 * ("Republicans"), with one regional word or subdivision before it inside
 * ("Southern Democrats", "California Democrats"), a group keyed by the
 * slug of its words. Returns the end token, 0 for none; a lexicon name as
 * long ("Liberal Democrats", the party) wins. */
static size_t party_members_at(const td_actx *c, size_t i, size_t t1)
{
	size_t k = i, n;
	if (!c->party_doc || !td_tok_is_cap(c, i))
		return 0;
	if (in_list(c, k, party_regions, 0))
		k++;
	else {
		long pm = td_patset_match(&c->a->place_pats, c, k, t1);
		if (pm >= 0 && c->a->place_pats.v[pm].type == 1)
			k += (size_t)c->a->place_pats.v[pm].n;
	}
	if (k == i || !(n = party_word(c, k, t1, 'm'))) {
		k = i;
		if (!(n = party_word(c, k, t1, 'm')))
			return 0;
	}
	long am = actor_match(c, i, t1);
	if (am >= 0 && (size_t)c->a->actor_pats.v[am].n >= k + n - i)
		return 0;
	return k + n;
}

/* A group of actors at token i: names of states or bodies (or adjectives
 * such as "Western"), joined by "and" or commas, before a group noun:
 * "Chinese officials", "ECOWAS and AES officials". Returns 1 with *end for
 * a group, 2 with *state for a state's own government ("the Chinese
 * government"), 0 otherwise. */
static int group_at(
        const td_actx *c, size_t i, size_t t1, size_t *end, const char **state)
{
	size_t k = i;
	int parts = 0;
	const char *st = NULL;
	for (;;) {
		long m = k < t1 ? actor_match(c, k, t1) : -1;
		if (m >= 0) {
			const td_pat *p = &c->a->actor_pats.v[m];
			const td_actor_rec *ar = &c->a->actors[p->id];
			if (strcmp(ar->kind, "person") == 0 ||
			        p->flags & TD_PATF_LEADING_THE)
				return 0;
			st = strcmp(ar->kind, "state") == 0 ? ar->key : NULL;
			k += (size_t)p->n;
		} else if (k < t1 && in_list(c, k, group_adjs, 0)) {
			st = NULL;
			k++;
		} else
			return 0;
		parts++;
		if (k + 1 < t1 &&
		        (td_tok_eq(c, k, "and", 0) || td_tok_eq(c, k, ",", 0)))
			k++;
		else
			break;
	}
	/* one lowercase modifier between ("British civil servants",
	 * "British defending lawyers") */
	if (k + 1 < t1 && td_tok_is_lower(c, k) && group_noun(c, k + 1) &&
	        !group_noun(c, k) && !in_list(c, k, located_fw, 0) &&
	        !in_list(c, k, after_np, 0))
		k++;
	if (k >= t1 || !group_noun(c, k))
		return 0;
	*end = k + 1;
	if (parts == 1 && st &&
	        (td_tok_eq(c, k, "government", 0) ||
	                td_tok_eq(c, k, "administration", 0))) {
		*state = st;
		return 2;
	}
	return 1;
}

/* A verb form by its ending: -ed ("gave" is not) or an -ly adverb. */
static int verbish(const td_actx *c, size_t k)
{
	size_t n = td_tok_len(c, k);
	const char *t = td_tok_str(c, k);
	if (!td_tok_is_lower(c, k))
		return 0;
	/* any verb or modal by its tag ("the Belgians felt", "did the
	 * Belgians grant") */
	return in_list(c, k, after_np, 0) || td_tok_pos_is(c, k, "VB*") ||
	       td_tok_pos_is(c, k, "MD") ||
	       (n > 4 && (memcmp(t + n - 2, "ed", 2) == 0 ||
	                         memcmp(t + n - 2, "ly", 2) == 0));
}

/* A demonym used as a plural noun at i ("Russians", "Chinese"); its end
 * or 0. */
static size_t demonym_noun(const td_actx *c, size_t i, size_t t1)
{
	long m = actor_match(c, i, t1);
	if (m < 0)
		return 0;
	const td_pat *p = &c->a->actor_pats.v[m];
	if (p->type != TD_PAT_DEMONYM || !(p->flags & TD_PATF_PLURAL) ||
	        strcmp(c->a->actors[p->id].kind, "state") != 0)
		return 0;
	return i + (size_t)p->n;
}

/* "the Russians", "the British and French", "the Chinese, North
 * Vietnamese and North Koreans": plural demonyms after "the", joined by
 * commas and "and", followed by punctuation, a preposition, conjunction,
 * auxiliary or verb form. Returns the end of the last, or 0. */
static size_t the_demonyms(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (i == t0 || !td_tok_eq(c, i - 1, "the", 1))
		return 0;
	size_t e = demonym_noun(c, i, t1), last = 0;
	while (e) {
		last = e;
		size_t k = e;
		if (k + 1 < t1 &&
		        (td_tok_eq(c, k, ",", 0) || td_tok_eq(c, k, "and", 0)))
			e = demonym_noun(c, k + 1, t1);
		else
			e = 0;
	}
	if (!last ||
	        (last < t1 && td_tok_is_word(c, last) && !verbish(c, last)))
		return 0;
	return last;
}

/* Each demonym of [i, end) as <rs type="state"> of its state. */
static int emit_demonyms(td_actx *c, size_t i, size_t end, size_t t1)
{
	while (i < end) {
		size_t e = demonym_noun(c, i, t1);
		if (e && e <= end) {
			const td_actor_rec *ar =
			        &c->a->actors[c->a->actor_pats
			                              .v[actor_match(c, i, t1)]
			                              .id];
			int rc = emit(c, i, e, ar->key, ar->kind, ar->name, 1,
			        0, NULL);
			if (rc < 0)
				return rc;
			i = e;
		} else
			i++;
	}
	return 0;
}

/* Heads of government bodies named by function: "Ministry of Commerce",
 * "Department of Energy", "Office for Budget Responsibility". */
static const char *const body_heads[] = {"Ministry", "Department", "Office",
        "Bureau", "Agency", "Commission", "Council", "Committee", NULL};

/* Length of a body name at i: a head, "of"/"for", and capitalised words
 * (joined by "and"/"of"); 0 when there is none. */
static size_t body_run(const td_actx *c, size_t i, size_t t1)
{
	if (!in_list(c, i, body_heads, 0) || i + 2 >= t1 ||
	        !(td_tok_eq(c, i + 1, "of", 0) ||
	                td_tok_eq(c, i + 1, "for", 0)) ||
	        !td_tok_is_cap(c, i + 2) || !td_tok_is_word(c, i + 2))
		return 0;
	size_t e = i + 3;
	while (e < t1) {
		if (td_tok_is_cap(c, e) && td_tok_is_word(c, e))
			e++;
		else if (e + 1 < t1 &&
		         (td_tok_eq(c, e, "and", 0) ||
		                 td_tok_eq(c, e, "of", 0)) &&
		         td_tok_is_cap(c, e + 1))
			e += 2;
		else
			break;
	}
	return e - i;
}

/* A capitalised title at i before a lexicon match am that is not a
 * person ("Mayor Wagner", not the Wagner Group): the title names a
 * person. */
static int title_names_person(const td_actx *c, size_t i, long am)
{
	return am >= 0 && !td_tok_is_lower(c, i) &&
	       strcmp(c->a->actors[c->a->actor_pats.v[am].id].kind, "person") !=
	               0;
}

/* An age after a name: ", 46," or ", 55." ("Harry Houghton, 55, and"). */
static int age_follows(const td_actx *c, size_t k, size_t t1)
{
	if (k + 1 >= t1 || !td_tok_eq(c, k, ",", 0) ||
	        !td_tok_is_num(c, k + 1) || td_tok_len(c, k + 1) > 2)
		return 0;
	return k + 2 >= t1 || td_tok_eq(c, k + 2, ",", 0) ||
	       td_tok_eq(c, k + 2, ".", 0) || td_tok_eq(c, k + 2, ";", 0) ||
	       td_tok_eq(c, k + 2, ")", 0);
}

/* Nouns that end the names of places and buildings ("Sabina Shoal",
 * "Grace Hospital"): a run ending in one is not a person. */
static const char *const place_heads[] = {"Shoal", "Island", "Islands", "Sea",
        "River", "Bay", "Lake", "Mountain", "Mountains", "Strait", "Valley",
        "Beach", "Point", "Street", "Avenue", "Road", "Square", "Park",
        "County", "City", "Hospital", "Hall", "Bridge", "Canal", "Gulf",
        "Peninsula", "Reef", "Airport", "Station", "Center", "Centre",
        "Building", "Tower", "Dam", "Field", "Harbor", "Harbour", "Port",
        "Fort", "Heights", "Springs", "Falls", "Creek", "Coast", "Hills",
        "Boulevard", "Blvd", "Ave", "Rd", "Drive", "Lane", "Plaza", "Terrace",
        /* the West's and the suburbs' places: "Red Mesa", "Laurel
         * Canyon", "Park Forest" */
        "Canyon", "Mesa", "Gulch", "Forest", NULL};

/* Abbreviated street words that end an address ("of 704 Hill St., SE",
 * "133 Marietta St. NW", "1688 Oak Knoll Cir."): a run of a given name
 * ending in one is a street, not a person. */
static const char *const street_abbrevs[] = {
        "St", "Cir", "Ct", "Ln", "Pl", NULL};

/* A name word that no lexicon claims (not Georgia, Washington, Jersey). */
static int free_name_word(const td_actx *c, size_t k, size_t lim)
{
	return name_token(c, k) && !in_list(c, k, org_words, 0) &&
	       td_patset_match(&c->a->title_pats, c, k, k + 1) < 0 &&
	       actor_match(c, k, lim) < 0 &&
	       td_patset_match(&c->a->place_pats, c, k, lim) < 0;
}

/* A nickname in brackets and the surname after it at token k, inside a
 * person's name ("George Herman (Babe) Ruth", as printed): 4 tokens, or
 * 0. */
static size_t nickname_at(const td_actx *c, size_t k, size_t lim)
{
	return k + 3 < lim && td_tok_eq(c, k, "(", 0) && name_token(c, k + 1) &&
	                       td_tok_eq(c, k + 2, ")", 0) &&
	                       free_name_word(c, k + 3, lim)
	               ? 4
	               : 0;
}

/* A hyphenated word opening a sentence that modifies the name after it
 * and is no part of it: its last part lowercase ("Twenty-one-year-old
 * Milt Pappas", "Hard-hitting Bob Allison") or a former member's "Ex-"
 * ("Ex-Oriole Clint Courtney"); not a double given name ("Jean-Paul"). */
static int modifier_opener(const td_actx *c, size_t t)
{
	const char *w = td_tok_str(c, t);
	size_t n = td_tok_len(c, t);
	size_t h = n;
	while (h > 0 && w[h - 1] != '-')
		h--;
	if (h < 2 || h >= n)
		return 0; /* no hyphen inside the word */
	return (w[h] >= 'a' && w[h] <= 'z') ||
	       (n > 3 && (w[0] == 'E' && w[1] == 'x' && w[2] == '-'));
}

/* Length in tokens of a person's name at i that begins with a given name
 * (given_names.tsv) and has one or two more name words, particles
 * between ("Ethel Gee", "August Jack McNair"); 0 when any word is
 * claimed by a lexicon or the run is part of a longer capitalised span. */
static const char *const name_articles[] = {"the", "a", "an", NULL};

/* Last words of names that no person's name ends in: bodies ("Federal
 * Civil Defense Administration", "the Berlin Senate", "Carver State",
 * the "Atlanta Constitution"), faiths ("Roman Catholic"), laws, plans,
 * prizes and monuments named after someone ("Sherman Act", "Marshall
 * Plan", "Jefferson Memorial") */
static const char *const body_ends[] = {
        "Administration", "Senate", "Constitution", "State", NULL};
static const char *const thing_ends[] = {"Catholic", "Catholics", "Act", "Acts",
        "Plan", "Doctrine", "Trophy", "Award", "Prize", "Memorial", "Memorials",
        "Monument", NULL};

static size_t given_run(const td_actx *c, size_t t0, size_t i, size_t lim)
{
	/* a month that is also a given name opens a name only before
	 * another given name ("August Jack McNair", not "August Smith") */
	int month_given =
	        in_list(c, i, dateline_months, 0) && i + 1 < lim &&
	        td_patset_match(&c->a->given_pats, c, i + 1, i + 2) >= 0 &&
	        free_name_word(c, i + 1, lim);
	if (td_patset_match(&c->a->given_pats, c, i, i + 1) < 0 ||
	        (!month_given && !free_name_word(c, i, lim)))
		return 0;
	if (i > t0 && name_token(c, i - 1) &&
	        td_patset_match(&c->a->title_pats, c, i - 1, i) < 0 &&
	        !(i - 1 == t0 && modifier_opener(c, t0)))
		return 0;
	size_t k = i + 1;
	while (k < lim && k - i < 3) {
		if (free_name_word(c, k, lim))
			k++;
		else if (k + 1 < lim && in_list(c, k, particles, 0) &&
		         free_name_word(c, k + 1, lim))
			k += 2;
		else if (k == i + 1 && i > t0 && name_token(c, k) &&
		         actor_match(c, k, lim) >= 0 &&
		         (size_t)c->a->actor_pats.v[actor_match(c, k, lim)].n ==
		                 1 &&
		         !(k + 1 < lim && td_tok_is_cap(c, k + 1))) {
			/* a surname that is also a state's or city's name
			 * ("Anatole France", "Jack London"), after a given name
			 * inside the sentence */
			k++;
			break;
		} else
			break;
	}
	k += nickname_at(c, k, lim);
	if (k - i < 2 ||
	        (k < lim && td_tok_is_cap(c, k) && td_tok_is_word(c, k)) ||
	        in_list(c, k - 1, place_heads, 0) ||
	        in_list(c, k - 1, street_abbrevs, 0) ||
	        in_list(c, k - 1, body_ends, 0) ||
	        in_list(c, k - 1, thing_ends, 0))
		return 0;
	/* an article right before, and a verb or a stop after: a ship, a
	 * firm or a place named after someone ("The Mary Dunne cleared
	 * port", "Ahoy, the Mary Ellen!"), not the person; the person stays
	 * before a noun, "of" or a bracket ("the James Agee novel", "the Sol
	 * Hurok of the ballet", "a Jimmy Foxx (58 in 1932)") */
	if (i > t0 && in_list(c, i - 1, name_articles, 1) &&
	        !(k < lim &&
	                (td_tok_eq(c, k, "(", 0) || td_tok_eq(c, k, "of", 0) ||
	                        (td_tok_is_lower(c, k) &&
	                                (td_tok_pos_is(c, k, "NN*") ||
	                                        td_tok_pos_is(c, k, "JJ*"))))))
		return 0;
	return k - i;
}

/* Heads of organisations named after a person or place, whose first word
 * alone names them later ("Emory" for Emory University). */
static const char *const proper_heads[] = {"University", "College", "Institute",
        "Corporation", "Corp", "Company", "Co", "Inc", "County", NULL};

/* m names an organisation in two tokens or more. */
static int org_name(const td_mention *m)
{
	return !m->pronoun && m->key && !strcmp(m->kind, "org") &&
	       m->t1 - m->t0 >= 2;
}

/* The latest organisation mention before, of two tokens or more ending in
 * one of proper_heads (a final "." aside), whose first word is the word of
 * token i ("Emory" of Emory University); NULL when none. */
static const td_mention *org_named_after(const td_actx *c, size_t i)
{
	for (size_t k = c->n_ments; k-- > 0;) {
		const td_mention *m = &c->ments[k];
		if (!org_name(m))
			continue;
		size_t h = m->t1 - 1;
		if (td_tok_eq(c, h, ".", 0) && h > m->t0)
			h--;
		if (same_token(c, m->t0, i) && in_list(c, h, proper_heads, 0))
			return m;
	}
	return NULL;
}

/* An organisation found by its shape earlier in the document whose first
 * word is token i, the only capitalised word there ("Emory University ...
 * Emory's trustees"); NULL when none. */
static const td_mention *org_short(
        const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (!name_token(c, i) ||
	        (i + 1 < t1 && td_tok_is_cap(c, i + 1) &&
	                td_tok_is_word(c, i + 1)) ||
	        (i > t0 && name_token(c, i - 1)))
		return NULL;
	return org_named_after(c, i);
}

/* Token i is the first word of an institution named after someone,
 * found earlier ("Emory" of Emory University). */
static int org_first_word(const td_actx *c, size_t i)
{
	return name_token(c, i) && org_named_after(c, i);
}

/* An abbreviation of an organisation named earlier: token i is 2 to 8
 * capital letters that are the initials of that name's capitalised words
 * ("CDC" after "California Democratic Council", "NAACP" after "National
 * Association for the Advancement of Colored People"; "of", "for", "and",
 * "the" and "&" are skipped, as in most such abbreviations); the mention
 * or NULL. */
static const td_mention *org_acronym(const td_actx *c, size_t i)
{
	const char *t = td_tok_str(c, i);
	size_t n = td_tok_len(c, i);
	if (n < 2 || n > 8)
		return NULL;
	for (size_t k = 0; k < n; k++)
		if (t[k] < 'A' || t[k] > 'Z')
			return NULL;
	for (size_t k = c->n_ments; k-- > 0;) {
		const td_mention *m = &c->ments[k];
		if (!org_name(m) || m->t0 >= i)
			continue;
		size_t got = 0;
		int ok = 1;
		for (size_t w = m->t0; w < m->t1 && ok; w++) {
			const char *ws = td_tok_str(c, w);
			if (!td_tok_is_word(c, w) ||
			        td_tok_any(c, w, acronym_skip))
				continue;
			if (!td_tok_is_cap(c, w) || got >= n || ws[0] != t[got])
				ok = 0;
			else
				got++;
		}
		if (ok && got == n)
			return m;
	}
	return NULL;
}

/* A head noun alone names the organisation named earlier with that
 * head among its words: "the University" after "Emory University", "the
 * Gallery" after "the National Gallery", "the Bureau" after "the Federal
 * Bureau of Investigation". It stands after "the" (not before "of" or
 * a further capitalised word), or before a title and a name ("Gallery
 * Director John Walker"); NULL when no organisation has that head. */
static const td_mention *org_by_head(
        const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (!td_tok_is_cap(c, i) || !(in_list(c, i, proper_heads, 0) ||
	                                    in_list(c, i, org_heads, 0)))
		return NULL;
	int the = i >= t0 + 1 && td_tok_eq(c, i - 1, "the", 1);
	int titled = !the && i + 2 < t1 && !(i > t0 && name_token(c, i - 1)) &&
	             td_tok_is_cap(c, i + 1) &&
	             td_patset_match(&c->a->title_pats, c, i + 1, t1) >= 0;
	if ((!the && !titled) ||
	        (the && i + 1 < t1 && td_tok_is_cap(c, i + 1) &&
	                td_tok_is_word(c, i + 1)) ||
	        (i + 1 < t1 && td_tok_eq(c, i + 1, "of", 0)))
		return NULL;
	for (size_t k = c->n_ments; k-- > 0;) {
		const td_mention *m = &c->ments[k];
		if (!org_name(m) || m->t0 >= i)
			continue;
		for (size_t w = m->t0; w < m->t1; w++)
			if (same_token(c, w, i))
				return m;
	}
	return NULL;
}

/* An organisation named earlier whose name opens with the words [s, e)
 * and goes on ("Transylvania Symphony" after "Transylvania Symphony
 * Orchestra", "Morton Foods" after "Morton Foods of Texas"): its short
 * form; NULL when none. */
static const td_mention *org_prefix(const td_actx *c, size_t s, size_t e)
{
	if (e - s < 2)
		return NULL;
	for (size_t k = c->n_ments; k-- > 0;) {
		const td_mention *m = &c->ments[k];
		if (!org_name(m) || m->t1 - m->t0 <= e - s || m->t0 >= s)
			continue;
		size_t w = 0;
		while (w < e - s && same_token(c, m->t0 + w, s + w))
			w++;
		if (w == e - s)
			return m;
	}
	return NULL;
}

/* An organisation named earlier, longer, whose name ends with the words
 * [s, e) of a lexicon organisation's name: "the Army" after "the
 * Salvation Army", "the Navy" after "the Royal Canadian Navy" are that
 * body's short forms, not the lexicon's; not the last words after "of"
 * ("Congress" after "the Library of Congress"). A school is also named
 * by its opening words (its team on the sports pages: "Air Force" after
 * "the Air Force Academy"); other bodies' opening words name the parent
 * body ("UN" after "UN Security Council"). NULL when none. */
static const char *const school_heads[] = {
        "Academy", "University", "College", "Institute", "School", NULL};

static const td_mention *org_holding(const td_actx *c, size_t s, size_t e)
{
	const td_mention *m;
	for (size_t k = c->n_ments; k-- > 0;) {
		m = &c->ments[k];
		size_t h = m->t1;
		if (!org_name(m) || m->t0 >= s)
			continue;
		if (td_tok_eq(c, h - 1, ".", 0))
			h--;
		if (h - m->t0 <= e - s)
			continue;
		size_t b = h - (e - s), w = 0;
		while (w < e - s && same_token(c, b + w, s + w))
			w++;
		if (w == e - s && !td_tok_eq(c, b - 1, "of", 0) &&
		        !td_tok_eq(c, b - 1, "the", 0))
			return m;
		if (!in_list(c, h - 1, school_heads, 0))
			continue;
		w = 0;
		while (w < e - s && same_token(c, m->t0 + w, s + w))
			w++;
		if (w == e - s)
			return m;
	}
	return NULL;
}

/* Words of a state legislature or of a parliament ("the Legislature",
 * "the General Assembly", "the Commons"), and of the US Congress. */
static const char *const legislature_words[] = {"Legislature", "legislature",
        "legislatures", "Assembly", "Statehouse", "statehouse", "Commons",
        "Parliament", "parliament", NULL};
static const char *const congress_words[] = {"Congress", "Congressional",
        "Capitol", "Representatives", "Congressman", "Congressmen",
        "congressman", "congressmen", NULL};

/* May a bare "Senate" or "House" name a chamber of the US Congress in
 * this document? Only where the document speaks of Congress and of no
 * state legislature or parliament ("state Senate", "the Legislature"):
 * then their key would depend on which chamber is meant. */
static int chambers_ok(td_actx *c)
{
	if (c->chambers >= 0)
		return c->chambers;
	int fed = 0, other = 0;
	for (size_t t = 0; t < c->tok.n && !other; t++) {
		if (in_list(c, t, legislature_words, 0) ||
		        (td_tok_eq(c, t, "Senate", 0) && t > 0 &&
		                td_tok_eq(c, t - 1, "state", 1)))
			other = 1;
		else if (!fed && in_list(c, t, congress_words, 0))
			fed = 1;
	}
	c->chambers = fed && !other;
	return c->chambers;
}

/* "the Senate", "the House" alone (no capitalised word before or after
 * them, not "House of"): the chambers of the US Congress where the
 * document allows it (chambers_ok); their key, or NULL. */
static const char *chamber_at(td_actx *c, size_t t0, size_t i, size_t t1)
{
	int senate = td_tok_eq(c, i, "Senate", 0);
	if ((!senate && !td_tok_eq(c, i, "House", 0)) ||
	        (i > t0 && (name_token(c, i - 1) ||
	                           td_tok_eq(c, i - 1, "state", 1))) ||
	        (i + 1 < t1 && ((td_tok_is_cap(c, i + 1) &&
	                                td_tok_is_word(c, i + 1)) ||
	                               td_tok_eq(c, i + 1, "of", 0))) ||
	        !chambers_ok(c))
		return NULL;
	/* "the House" needs its "the" */
	if (!senate && !(i > t0 && td_tok_eq(c, i - 1, "the", 1)))
		return NULL;
	return senate ? "us-senate" : "us-house-of-representatives";
}

/* Heads of institutions that are also buildings: "at the National
 * Gallery", "in the Museum" name the place, not the body acting. */
static const char *const venue_heads[] = {
        "Gallery", "Museum", "Library", "Hospital", NULL};

/* The organisation at [i, e) is a venue named as a place: a venue head
 * after "at" or "in" (perhaps with "the" between). */
static int venue_at(const td_actx *c, size_t t0, size_t i, size_t e)
{
	size_t h = e - 1, p = i;
	if (!in_list(c, h, venue_heads, 0))
		return 0;
	if (p > t0 && td_tok_eq(c, p - 1, "the", 1))
		p--;
	return p > t0 &&
	       (td_tok_eq(c, p - 1, "at", 0) || td_tok_eq(c, p - 1, "in", 0));
}

/* "the CTA": capital letters alone (two to six) after "the", no lexicon
 * actor and no capitalised word after them, are an organisation known by
 * its initials. */
static int the_acronym(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	const char *t = td_tok_str(c, i);
	size_t n = td_tok_len(c, i);
	if (n < 2 || n > 6 || i < t0 + 1 || !td_tok_eq(c, i - 1, "the", 1) ||
	        (i + 1 < t1 && td_tok_is_cap(c, i + 1) &&
	                td_tok_is_word(c, i + 1)))
		return 0;
	for (size_t k = 0; k < n; k++)
		if (t[k] < 'A' || t[k] > 'Z')
			return 0;
	return 1;
}

/* A firm named by its partners: "Draper, Gaither & Anderson" (names
 * outside the lexicon, commas, an ampersand before the last); its
 * length or 0. */
static size_t firm_run(const td_actx *c, size_t i, size_t t1)
{
	size_t k = i, names = 0;
	/* the usual answer first: no comma after the first word */
	if (i + 1 >= t1 || !td_tok_eq(c, i + 1, ",", 0))
		return 0;
	/* "Bostitch, Inc.", "Massey-Ferguson, Ltd." */
	if (i + 2 < t1 && td_tok_is_cap(c, i) && td_tok_is_word(c, i) &&
	        in_list(c, i + 2, org_abbrevs, 0))
		return i + 3 < t1 && td_tok_eq(c, i + 3, ".", 0) ? 4 : 3;
	while (k < t1 && free_name_word(c, k, t1)) {
		names++;
		k++;
		if (k + 1 < t1 && td_tok_eq(c, k, "&", 0) &&
		        free_name_word(c, k + 1, t1))
			return names >= 2 ? k + 2 - i : 0;
		if (k + 1 < t1 && td_tok_eq(c, k, ",", 0))
			k++;
		else
			return 0;
	}
	return 0;
}

/* Ordinals as words or figures: "Twenty-second", "Twentieth", "22nd". */
static const char *const ordinal_ends[] = {"first", "second", "third", "fourth",
        "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
        "fortieth", "fiftieth", NULL};

static int ordinal_tok(const td_actx *c, size_t k)
{
	size_t n = td_tok_len(c, k);
	const char *t = td_tok_str(c, k);
	if (n > 2 && t[0] >= '0' && t[0] <= '9')
		return strncmp(t + n - 2, "st", 2) == 0 ||
		       strncmp(t + n - 2, "nd", 2) == 0 ||
		       strncmp(t + n - 2, "rd", 2) == 0 ||
		       strncmp(t + n - 2, "th", 2) == 0;
	const char *h = memrchr(t, '-', n);
	const char *w = h ? h + 1 : t;
	size_t wl = n - (size_t)(w - t);
	for (int i = 0; ordinal_ends[i]; i++)
		if (strlen(ordinal_ends[i]) == wl &&
		        strncasecmp(w, ordinal_ends[i], wl) == 0)
			return 1;
	return 0;
}

/* Heads of numbered meetings: a congress or plenum with an ordinal is an
 * event, not a body. */
static const char *const event_heads[] = {"Congress", "Plenum", NULL};

/* Tokens [i, e) open with an ordinal and hold an event head. */
static int congress_event(const td_actx *c, size_t i, size_t e)
{
	if (!ordinal_tok(c, i))
		return 0;
	for (size_t k = i + 1; k < e; k++)
		if (in_list(c, k, event_heads, 0))
			return 1;
	return 0;
}

/* Does the document name a party ("Party" as a word)? A numbered
 * congress is a party's event only there: "Members of the 88th Congress"
 * in a President's address is the legislature. */
static int party_named(const td_actx *c)
{
	for (size_t k = 0; k < c->tok.n; k++)
		if (td_tok_eq(c, k, "Party", 0))
			return 1;
	return 0;
}

/* Has the document named a numbered congress of a party before token i?
 * Then a bare "Congress" is that event ("this Congress"), not a
 * legislature. */
static int event_named_before(const td_actx *c, size_t i)
{
	if (!party_named(c))
		return 0;
	for (size_t k = 1; k < i; k++)
		if (in_list(c, k, event_heads, 0) &&
		        (ordinal_tok(c, k - 1) ||
		                (k > 1 && td_tok_eq(c, k - 1, "Party", 0) &&
		                        ordinal_tok(c, k - 2))))
			return 1;
	return 0;
}

/* A person's name with initials or an organisation by its head noun at
 * i, when longer than the lexicon's match of lexn tokens there (the
 * longer span wins: "Federal Bureau of Investigation"): emitted with the
 * slug of its text as key. Returns the tokens it took (a category such
 * as "a Foreign Terrorist Organisation" is taken, not emitted), 0 for
 * none, < 0 on error. */
static int shaped_name(td_actx *c, size_t t0, size_t i, size_t t1, size_t lexn)
{
	/* Every name below opens with a capital at i (name_token,
	 * initial_of, org_word, the capitalised compass words and months,
	 * the acronyms' A-Z): a token without one, most tokens, opens none,
	 * and is not put to each rule (they were 6% of an ingest's
	 * instructions, asked at every token). A rule added here that opens
	 * otherwise must move this test (test_match compares the
	 * annotation with td_match_no_skip set). */
	if (!td_tok_is_cap(c, i) && !td_match_no_skip)
		return 0;
	size_t n = initials_run(c, i, t1);
	const char *kind = "person";
	const td_dyn *d;
	int rc;
	if (n <= lexn) {
		n = org_run(c, i, t1);
		kind = "org";
		/* "a Foreign Terrorist Organisation" is a category, not a
		 * name: skipped whole */
		if (n > lexn && i > t0 &&
		        (td_tok_eq(c, i - 1, "a", 1) ||
		                td_tok_eq(c, i - 1, "an", 1)))
			return (int)n;
	}
	/* "the Twenty-second Congress of the Soviet Communist Party": a
	 * numbered congress is an event, skipped whole with the party in it */
	if (n > lexn && strcmp(kind, "org") == 0 && congress_event(c, i, i + n))
		return (int)n;
	/* "Emory Wheel" after Emory University: a run opening with the
	 * first word of an institution named after someone is another
	 * institution of theirs, not a person */
	size_t on = n <= lexn && lexn == 0 && i + 1 < t1 &&
	                            name_token(c, i + 1) && org_first_word(c, i)
	                    ? name_run(c, i, t1)
	                    : 0;
	if (on >= 2) {
		n = on;
		kind = "org";
	} else if (n <= lexn && lexn == 0) {
		n = firm_run(c, i, t1);
		kind = "org";
		if (!n) {
			n = given_run(c, t0, i, t1);
			kind = "person";
		}
	}
	const td_mention *om;
	if (n == 0 && lexn == 0 &&
	        ((om = org_short(c, t0, i, t1)) ||
	                (om = org_by_head(c, t0, i, t1)) ||
	                (om = org_acronym(c, i)))) {
		const char *key = om->key;
		if (!venue_at(c, t0, i, i + 1) &&
		        (rc = emit(c, i, i + 1, key, "org", key, 0, 0, NULL)) <
		                0)
			return rc;
		return 1;
	}
	if (n == 0 && lexn == 0 && the_acronym(c, t0, i, t1)) {
		if ((rc = emit_dyn(c, i, i + 1, "org")) < 0)
			return rc;
		return 1;
	}
	/* the short form of an organisation named in full before */
	if (n > lexn && strcmp(kind, "org") == 0 &&
	        (om = org_prefix(c, i, i + n))) {
		if ((rc = emit(c, i, i + n, om->key, "org", om->key, 0, 0,
		             NULL)) < 0)
			return rc;
		return (int)n;
	}
	if (n <= lexn || n == 0)
		return 0;
	/* "the Grant B. Coopers", "the Edwin Pauleys Jr.": a family by its
	 * plural name is no person's mention */
	if (strcmp(kind, "person") == 0 && i > t0 &&
	        td_tok_eq(c, i - 1, "the", 1)) {
		size_t l = i + n - 1;
		while (l > i &&
		        (td_tok_eq(c, l, ".", 0) || td_tok_eq(c, l, ",", 0) ||
		                in_list(c, l, suffixes, 0)))
			l--;
		size_t ln = td_tok_len(c, l);
		const char *lw = td_tok_str(c, l);
		if (ln > 3 && lw[ln - 1] == 's' && lw[ln - 2] != 's')
			return (int)n;
	}
	/* a body of a state keeps the state's key (body_run) */
	if (body_run(c, i + lexn, t1) == n - lexn)
		return 0;

	/* a body after an organisation's possessive is its sub-body:
	 * "Emory University's Board of Trustees" */
	const char *pfx = NULL;
	if (strcmp(kind, "org") == 0 && i >= t0 + 2 &&
	        td_tok_eq(c, i - 1, "'s", 1) && c->n_ments &&
	        c->ments[c->n_ments - 1].t1 == i - 1 &&
	        !c->ments[c->n_ments - 1].pronoun &&
	        c->ments[c->n_ments - 1].key &&
	        strcmp(c->ments[c->n_ments - 1].kind, "org") == 0)
		pfx = c->ments[c->n_ments - 1].key;
	if ((rc = add_dyn_pfx(c, i, i + n, kind, NULL, pfx, &d)) < 0 ||
	        (rc = emit(c, i, i + n, d->key, d->kind, d->name, 0, 0, NULL)) <
	                0)
		return rc;
	return (int)n;
}

/* Determiners that open an appositive after a name ("X, the US Trade
 * Representative, argued", "X, a former minister, said"). */
static const char *const appos_dets[] = {
        "the", "a", "an", "its", "his", "her", "their", "our", NULL};

/* Does a name ending at token k stand as the subject of a speech verb
 * behind an appositive: ", the/a ... ," and then the verb? */
static int appositive_subject(const td_actx *c, size_t k, size_t t1)
{
	if (k + 2 >= t1 || !td_tok_eq(c, k, ",", 0) ||
	        !in_list(c, k + 1, appos_dets, 1))
		return 0;
	int role = 0;
	for (size_t j = k + 2; j < t1 && j <= k + 16; j++) {
		/* the appositive names a role ("the chair of the AU
		 * Commission"): the run before it is a person whatever
		 * the verb */
		if (!role && td_tok_is_lower(c, j) &&
		        td_patset_match(&c->a->title_pats, c, j, t1) >= 0)
			role = 1;
		if (td_tok_eq(c, j, ",", 0))
			return role ||
			       (j + 1 < t1 && is_speech_at(c, j + 1, t1));
		if (td_tok_eq(c, j, ";", 0) || td_tok_eq(c, j, ":", 0) ||
		        td_tok_eq(c, j, ".", 0))
			return 0;
	}
	return 0;
}

/* Token k is tagged a proper or common noun (Penn NNP, NNPS, NN, NNS). */
static int pos_noun(const td_actx *c, size_t k)
{
	return td_tok_pos_is(c, k, "NN*");
}

/* A capitalised role noun before a name, outside the title list
 * ("Boston Red Sox Outfielder Jackie Jensen", "Sports Writer X Y"): an
 * agent noun (-er, -or, -ist, -ian, -man) of five letters or more that
 * the tagger takes for a noun, is no given name (Walker, Tyler) and no
 * lexicon actor. */
static int role_word(const td_actx *c, size_t k, size_t lim)
{
	static const char *const ends[] = {
	        "er", "or", "ist", "ian", "man", NULL};
	if (!name_token(c, k) || !pos_noun(c, k) ||
	        td_patset_match(&c->a->given_pats, c, k, k + 1) >= 0 ||
	        td_patset_match(&c->a->title_pats, c, k, k + 1) >= 0 ||
	        actor_match(c, k, lim) >= 0 || in_list(c, k, org_heads, 0))
		return 0;
	size_t n = td_tok_len(c, k);
	const char *w = td_tok_str(c, k);
	if (n < 5)
		return 0;
	for (size_t e = 0; ends[e]; e++) {
		size_t el = strlen(ends[e]);
		if (!memcmp(w + n - el, ends[e], el))
			return 1;
	}
	return 0;
}

/* The length of a person's name after a role word at k: a given name
 * and one or two more proper nouns ("Jackie Jensen"), or a name with
 * initials; 0 when none. */
static size_t name_after_role(const td_actx *c, size_t k, size_t lim)
{
	size_t j = k + 1;
	if (j >= lim || !td_tok_pos_is(c, j, "NNP"))
		return 0;
	size_t ni = initials_run(c, j, lim);
	if (ni >= 2)
		return ni;
	if (td_patset_match(&c->a->given_pats, c, j, j + 1) < 0)
		return 0;
	size_t n = name_run(c, j, lim);
	if (n < 2 || n > 3)
		return 0;
	for (size_t q = j; q < j + n; q++)
		if (!td_tok_pos_is(c, q, "NNP") && !in_list(c, q, particles, 0))
			return 0;
	return n;
}

/* The last name word of tokens [t0, t1) (suffixes and stops skipped). */
static size_t last_name_word(const td_actx *c, size_t t0, size_t t1)
{
	size_t k = t1 - 1;
	while (k > t0 && (td_tok_eq(c, k, ".", 0) || td_tok_eq(c, k, ",", 0) ||
	                         in_list(c, k, suffixes, 0)))
		k--;
	return k;
}

/* "Helen Tieken Geraghty (Mrs. Maurice P. Geraghty)": a woman named by
 * her husband's name right after her own (in brackets or apposition,
 * the same surname) is the same person; the mention she was named by,
 * else NULL. i is the female title, [j, e) the name after it. */
static const td_mention *wife_named_before(
        const td_actx *c, size_t t0, size_t i, size_t j, size_t e)
{
	if (title_gender(
	            c, i + 1 + (i + 1 < j && td_tok_eq(c, i + 1, ".", 0))) !=
	                'f' ||
	        i <= t0 || !c->n_ments)
		return NULL;
	if (!td_tok_eq(c, i - 1, "(", 0) && !td_tok_eq(c, i - 1, ",", 0))
		return NULL;
	const td_mention *m = &c->ments[c->n_ments - 1];
	if (m->pronoun || !m->key || strcmp(m->kind, "person") ||
	        m->t1 != i - 1 || m->t1 - m->t0 < 2)
		return NULL;
	return same_token(c, surname_tok(c, m), last_name_word(c, j, e)) ? m
	                                                                 : NULL;
}

/* A word that carries a longer person's name on either side of a
 * lexicon surname: a proper noun (NNP) that is no title, no month or
 * weekday, no head of an organisation's or a place's name and no
 * lexicon actor or place itself. */
/* Heads of a government named by its leader ("the Kennedy
 * Administration", "the Macmillan Government"): the surname before them
 * is the leader (the gold README's "a second Trump administration"), the
 * head stays outside, and it is no word of a person's name. */
static const char *const govt_heads[] = {"Administration", "Government",
        "Cabinet", "Regime", "administration", "government", "cabinet",
        "regime", NULL};

static int name_neighbour(const td_actx *c, size_t k, size_t lim)
{
	return free_name_word(c, k, lim) && td_tok_pos_is(c, k, "NNP") &&
	       !in_list(c, k, govt_heads, 0) &&
	       !in_list(c, k, dateline_months, 0) &&
	       !in_list(c, k, org_heads, 0) && !in_list(c, k, place_heads, 0) &&
	       !in_list(c, k, proper_heads, 0);
}

/* A lexicon person's one-word short form (Greer, Biden) inside a longer
 * capitalised name is a word of that name, not the lexicon's person:
 * "Greer Garson" is not Jamieson Greer, "Hunter Biden" not Joe Biden.
 * Sets [*s, *e) to the longer name: the given names before token i and,
 * when the word is also a given name, the proper nouns after it; 0 when
 * there is none. */
static int longer_name(
        const td_actx *c, size_t t0, size_t i, size_t t1, size_t *s, size_t *e)
{
	size_t a = i, b = i + 1;
	size_t last = c->n_ments ? c->ments[c->n_ments - 1].t1 : 0;
	/* given names before it ("Hunter Biden"; not "Exegete Mao", a
	 * capitalised role) */
	while (a > t0 && a - 1 >= last && b - a < 4 &&
	        name_neighbour(c, a - 1, t1) &&
	        td_patset_match(&c->a->given_pats, c, a - 1, a) >= 0)
		a--;
	/* proper nouns after it only when the word is a given name too
	 * ("Greer Garson"; not "Eisenhower Administration") */
	if (td_patset_match(&c->a->given_pats, c, i, i + 1) >= 0)
		while (b < t1 && b - a < 4 && name_neighbour(c, b, t1))
			b++;
	/* a capitalised word beyond the run is a longer span still (a
	 * firm, a work's title): not a person's name */
	if (b == i + 1 && a == i)
		return 0;
	if (b < t1 && td_tok_is_cap(c, b) && td_tok_is_word(c, b))
		return 0;
	*s = a;
	*e = b;
	return 1;
}

/* "Babe Ruth" after "George Herman (Babe) Ruth": a name word right
 * before the short form at token i that is a word of the full name r
 * (its nickname, its first name) belongs to the mention: 1, else 0. */
static size_t word_before_short(
        const td_actx *c, size_t t0, size_t i, const td_mention *r)
{
	if (i <= t0 || !name_token(c, i - 1) ||
	        (c->n_ments && c->ments[c->n_ments - 1].t1 > i - 1))
		return 0;
	for (size_t k = r->t0; k + 1 < r->t1; k++)
		if (same_token(c, k, i - 1))
			return 1;
	return 0;
}

/* "Senator Humphrey" before "Sen. Hubert Humphrey": a title and a
 * surname alone at token j, when the document names exactly one person
 * with that surname in full later (a given name first, initials allowed
 * between, in one sentence), is that person. Sets [*s, *e) to the later
 * full name; 0 when there is none or more than one. */
static int later_full_name(const td_actx *c, size_t j, size_t *s, size_t *e)
{
	int found = 0;
	for (size_t x = j + 1; x < c->tok.n; x++) {
		if (!same_token(c, x, j) ||
		        (x + 1 < c->tok.n && name_token(c, x + 1)))
			continue;
		size_t b = x;
		while (b > 0 && x - b < 6 &&
		        c->tok_sent[b - 1] == c->tok_sent[x]) {
			if (td_patset_match(&c->a->title_pats, c, b - 1, b) >=
			        0)
				break;
			if (name_token(c, b - 1))
				b--;
			else if (b >= 2 && td_tok_eq(c, b - 1, ".", 0) &&
			         td_tok_len(c, b - 2) == 1 &&
			         td_tok_is_cap(c, b - 2))
				b -= 2;
			else
				break;
		}
		while (b < x &&
		        td_patset_match(&c->a->given_pats, c, b, b + 1) < 0)
			b++;
		if (b == x)
			continue;
		int same = found && x + 1 - b == *e - *s;
		for (size_t k = 0; same && k < x + 1 - b; k++)
			same = same_token(c, b + k, *s + k);
		if (found && !same)
			return 0; /* two different persons */
		*s = b;
		*e = x + 1;
		found = 1;
	}
	return found;
}

/* Roles held in a body: "president of Neiman-Marcus" names an
 * organisation after "of". */
static const char *const body_roles[] = {"president", "vice-president",
        "chairman", "chairwoman", "director", "founder", "owner", "publisher",
        "editor", "treasurer", "trustee", "trustees", "executive", "partner",
        "partners", "employee", "employees", NULL};

/* "Stanley Marcus, president of Neiman-Marcus": capitalised words that no
 * lexicon, place or title claims after a role in a body and "of" (perhaps
 * "of the") are that body; its length in tokens, or 0. */
static size_t body_of_role(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	size_t p = i;
	if (p > t0 && td_tok_eq(c, p - 1, "the", 0))
		p--;
	if (p < t0 + 2 || !td_tok_eq(c, p - 1, "of", 0) ||
	        !td_tok_is_lower(c, p - 2) || !in_list(c, p - 2, body_roles, 0))
		return 0;
	size_t k = i;
	while (k < t1 && k - i < 4 && free_name_word(c, k, t1) &&
	        td_tok_pos_is(c, k, "NNP*") && !in_list(c, k, place_heads, 0))
		k++;
	if (k == i || (k < t1 && td_tok_is_cap(c, k) && td_tok_is_word(c, k)))
		return 0;
	return k - i;
}

/* Heads of local governments named by their territory ("DeKalb
 * County", "Orleans Parish"). */
static const char *const county_heads[] = {
        "County", "Parish", "Borough", "Township", NULL};

/* "DeKalb County will build a cannery": one to three capitalised words
 * that no lexicon claims and a county head, followed by a finite verb or
 * a modal (by its tag), are the county's government acting, an
 * organisation; its length in tokens, or 0. After a locative or before a
 * noun ("in Union County", "a Clinton County jury") it stays a place. */
static size_t county_body(const td_actx *c, size_t t0, size_t i, size_t t1,
        const td_mention **named)
{
	size_t k = i;
	*named = NULL;
	while (k < t1 && k - i < 3 && free_name_word(c, k, t1) &&
	        !in_list(c, k, county_heads, 0))
		k++;
	if (k == i || k >= t1 || !in_list(c, k, county_heads, 0))
		return 0;
	size_t v = k + 1, p = i;
	if (p > t0 && td_tok_eq(c, p - 1, "the", 1))
		p--;
	if (p > t0 && (in_list(c, p - 1, locatives, 1) ||
	                      td_tok_eq(c, p - 1, "from", 1) ||
	                      td_tok_eq(c, p - 1, "to", 1) ||
	                      td_tok_eq(c, p - 1, "of", 1))) {
		/* a county acting before, now a place: the place with its
		 * key ("representative from Multnomah County"), as a state's */
		for (size_t m = c->n_ments; m-- > 0;) {
			const td_mention *o = &c->ments[m];
			size_t w = 0;
			if (!org_name(o) || o->t1 - o->t0 != v - i)
				continue;
			while (w < v - i && same_token(c, o->t0 + w, i + w))
				w++;
			if (w == v - i) {
				*named = o;
				return v - i;
			}
		}
		return 0;
	}
	if (v >= t1 || !td_tok_is_lower(c, v) ||
	        !(td_tok_pos_is(c, v, "VBD") || td_tok_pos_is(c, v, "VBZ") ||
	                td_tok_pos_is(c, v, "VBP") ||
	                td_tok_pos_is(c, v, "MD")))
		return 0;
	return v - i;
}

/* Things and places that are named too ("a ship named", "a town
 * named"): what follows is no person. */
static const char *const unnamed_things[] = {"ship", "boat", "vessel",
        "schooner", "steamer", "town", "city", "village", "place", "river",
        "creek", "street", "ranch", "hotel", "saloon", "company", "firm",
        "horse", "mare", "dog", "cat", "mule", "island", "county", "mine",
        "plane", "book", "song", "film", "play", "newspaper", NULL};

/* Verbs that give a person a second name ("called her Peg", "whom the
 * lower deck called Dusty", "Albert Rhodes, known as Dusty"); after them a
 * name of anything, a whale's, a ship's, a town's ("some call Moby Dick"). */
static const char *const naming_verbs[] = {"called", "call", "calls", "calling",
        "nicknamed", "dubbed", "named", NULL};

/* Is the capitalised run at token i introduced as a person's name: after
 * "named" ("a rawboned Missourian named Shorty Bascom"), or a speaker's
 * own ("I'm Ellen Tolliver", "I am", "my name is")? */
static int introduced_name(const td_actx *c, size_t t0, size_t i)
{
	if (i <= t0)
		return 0;
	/* "named" after a common noun that is no thing or place ("a man
	 * named", not "Kennedy named", "was named", "a ship named") */
	if (td_tok_eq(c, i - 1, "named", 0))
		return i >= t0 + 2 && !in_list(c, i - 2, unnamed_things, 1) &&
		       ((td_tok_is_lower(c, i - 2) &&
		                td_tok_pos_is(c, i - 2, "NN*")) ||
		               /* "a rawboned Missourian named" */
		               (i >= t0 + 3 &&
		                       (td_tok_pos_is(c, i - 2, "NN*") ||
		                               td_tok_pos_is(c, i - 2, "JJ")) &&
		                       td_tok_is_lower(c, i - 3) &&
		                       (td_tok_pos_is(c, i - 3, "JJ") ||
		                               td_tok_pos_is(c, i - 3, "DT"))));
	if (td_tok_eq(c, i - 1, "I'm", 0) ||
	        td_tok_eq(c, i - 1, "I\xe2\x80\x99m", 0))
		return 1;
	if (i < t0 + 2)
		return 0;
	if (td_tok_eq(c, i - 1, "am", 0) && td_tok_eq(c, i - 2, "I", 0))
		return 1;
	return i >= t0 + 3 && td_tok_eq(c, i - 1, "is", 0) &&
	       td_tok_eq(c, i - 2, "name", 0) && td_tok_eq(c, i - 3, "my", 1);
}

/* Is the token before i a given name (given_names.tsv) of another
 * person than the lexicon's with the surname at i ("Cal Brandt"): in no
 * mention, no title, no lexicon entry, and no further capital before it
 * ("Producer Fellini", "Exegete Mao" have no given name)? */
static int other_given_name(const td_actx *c, size_t t0, size_t i)
{
	if (i <= t0 || !td_tok_is_cap(c, i - 1) || !td_tok_is_word(c, i - 1) ||
	        td_patset_match(&c->a->given_pats, c, i - 1, i) < 0 ||
	        in_list(c, i - 1, not_names, 0) ||
	        td_patset_match(&c->a->title_pats, c, i - 1, i) >= 0 ||
	        actor_match(c, i - 1, i) >= 0 ||
	        td_patset_match(&c->a->place_pats, c, i - 1, i) >= 0)
		return 0;
	for (size_t k = 0; k < c->n_ments; k++)
		if (c->ments[k].t0 <= i - 1 && c->ments[k].t1 > i - 1)
			return 0;
	return i - 1 == t0 || !td_tok_is_cap(c, i - 2) ||
	       !td_tok_is_word(c, i - 2);
}

static int sentence_actors(td_actx *c, size_t si)
{
	const td_annotator *a = c->a;
	size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
	int rc;
	for (size_t i = t0; i < t1;) {
		size_t ge;
		const char *gstate;
		int gk = group_at(c, i, t1, &ge, &gstate);
		if (gk == 2) {
			/* "the Chinese government": the state itself */
			const char *name = gstate;
			for (size_t k = 0; k < a->n_actors; k++)
				if (strcmp(a->actors[k].key, gstate) == 0)
					name = a->actors[k].name;
			if ((rc = emit(c, i, ge, gstate, "state", name, 1, 0,
			             NULL)) < 0)
				return rc;
			i = ge;
			continue;
		}
		if (!gk && (ge = party_members_at(c, i, t1)))
			gk = 1;
		if (gk == 1) {
			const td_dyn *d;
			if ((rc = add_dyn(c, i, ge, "group", NULL, &d)) < 0 ||
			        (rc = emit(c, i, ge, d->key, "group", d->name,
			                 1, 0, NULL)) < 0)
				return rc;
			i = ge;
			continue;
		}
		/* a capitalised role before a name stays outside it, and the
		 * capitalised words before the role are the body it serves:
		 * "Boston Red Sox Outfielder Jackie Jensen" */
		/* at the sentence's start the tagger may take the role for a
		 * common noun ("Pitcher Steve Barber joined") */
		if (name_token(c, i) &&
		        (td_tok_pos_is(c, i, "NNP*") ||
		                (i == t0 && pos_noun(c, i))) &&
		        !(i > t0 && name_token(c, i - 1))) {
			size_t k = i, rn = 0;
			const td_mention *rs = NULL;
			while (k < t1 && k < i + 5 && name_token(c, k) &&
			        !(rn = role_word(c, k, t1)
			                        ? name_after_role(c, k, t1)
			                        : 0)) {
				/* a role before the short form of a person
				 * named in full before: "Transylvania Symphony
				 * Conductor Pfohl" after "conductor James
				 * Christian Pfohl" */
				if (k >= i + 2 && role_word(c, k, t1) &&
				        k + 1 < t1 &&
				        !(k + 2 < t1 && name_token(c, k + 2)) &&
				        name_token(c, k + 1) &&
				        (rs = resolve_short(c, k + 1))) {
					rn = 1;
					break;
				}
				k++;
			}
			long bm = rn && k >= i + 2 ? actor_match(c, i, t1) : -1;
			/* the body is a lexicon organisation ("Boston Red
			 * Sox") */
			if (bm >= 0 && (size_t)a->actor_pats.v[bm].n == k - i &&
			        strcmp(a->actors[a->actor_pats.v[bm].id].kind,
			                "org") == 0) {
				const td_actor_rec *br =
				        &a->actors[a->actor_pats.v[bm].id];
				if ((rc = emit(c, i, k, br->key, br->kind,
				             br->name, 0, 0, NULL)) < 0)
					return rc;
			} else if (rn && k >= i + 2 && bm < 0 &&
			           td_patset_match(&a->title_pats, c, i, t1) <
			                   0) {
				const td_mention *om = org_prefix(c, i, k);
				if (om) {
					if ((rc = emit(c, i, k, om->key, "org",
					             om->key, 0, 0, NULL)) < 0)
						return rc;
				} else if ((rc = emit_dyn(c, i, k, "org")) < 0)
					return rc;
			}
			if (rs) {
				if ((rc = emit(c, k + 1, k + 2, rs->key,
				             "person", rs->key, 0, 0,
				             rs->state)) < 0)
					return rc;
				i = k + 2;
				continue;
			}
			if (rn && (k == i || k >= i + 2)) {
				if ((rc = emit_dyn(c, k + 1, k + 1 + rn,
				             "person")) < 0)
					return rc;
				i = k + 1 + rn;
				continue;
			}
		}
		/* titles: the name after them (after an optional comma) */
		long tm = td_patset_match(&a->title_pats, c, i, t1);
		/* "General Electric", "General Motors Corp.": a title before
		 * the head of a firm's name is the firm's first word */
		if (tm >= 0 && a->title_pats.v[tm].n == 1 &&
		        td_tok_is_cap(c, i) && i + 1 < t1 &&
		        in_list(c, i + 1, org_heads, 0)) {
			size_t e = i + 2;
			while (e < t1 && in_list(c, e, org_heads, 0))
				e++;
			if (e < t1 && in_list(c, e - 1, org_abbrevs, 0) &&
			        td_tok_eq(c, e, ".", 0))
				e++;
			if ((rc = emit_dyn(c, i, e, "org")) < 0)
				return rc;
			i = e;
			continue;
		}
		if (tm >= 0) {
			size_t j = i + (size_t)a->title_pats.v[tm].n;
			if (j < t1 && td_tok_eq(c, j, ",", 0))
				j++;
			long am = j < t1 ? actor_match(c, j, t1) : -1;
			size_t n = j < t1 ? name_run(c, j, t1) : 0,
			       ni = initials_run(c, j, t1);
			if (ni > n)
				n = ni;
			/* a title of two words or more after it ("Mr. Vice
			 * President", "Mr. Chief Justice"): an address, no
			 * name; a name after that title is read from there */
			if (n > 0) {
				long tj = td_patset_match(
				        &a->title_pats, c, j, t1);
				if (tj >= 0 && a->title_pats.v[tj].n >= 2)
					n = 0;
			}
			/* context beats the lexicon: "Mayor Wagner" is a
			 * person */
			if (n > 0 &&
			        (am < 0 || (size_t)a->actor_pats.v[am].n < n ||
			                title_names_person(c, i, am)) &&
			        !resolve_short(c, j)) {
				int lower = td_tok_is_lower(c, i);
				/* a lowercase role needs a two-word name */
				const td_mention *wm =
				        n >= 2 ? wife_named_before(
				                         c, t0, i, j, j + n)
				               : NULL;
				if (wm) {
					if ((rc = emit(c, j, j + n, wm->key,
					             "person", wm->key, 0, 0,
					             wm->state)) < 0)
						return rc;
					i = j + n;
					continue;
				}
				if (n >= 2 || !lower) {
					const td_dyn *d;
					const char *st = state_before(c, t0, i);
					size_t fs = 0, fe = 0;
					if (n == 1 &&
					        later_full_name(c, j, &fs, &fe))
						rc = add_dyn(c, fs, fe,
						        "person", st, &d);
					else
						rc = add_dyn(c, j, j + n,
						        "person", st, &d);
					if (rc < 0 ||
					        (rc = emit(c, j, j + n, d->key,
					                 d->kind, d->name, 0, 0,
					                 st)) < 0)
						return rc;
					i = j + n;
					continue;
				}
			}
			/* the title is not part of any name: go on after it */
			if (j > i && j < t1) {
				i = j;
				continue;
			}
		}
		long m = actor_match(c, i, t1);
		const td_pat *p = m >= 0 ? &a->actor_pats.v[m] : NULL;
		/* a club's city after a locative is the place ("in
		 * Pittsburgh"); its city or nickname before a further
		 * capitalised word other than a title names something else
		 * ("Yankee Stadium", "Boston Traveler") */
		if (p && p->flags & (TD_PATF_CLUB_NICK | TD_PATF_CLUB_CITY) &&
		        ((p->flags & TD_PATF_CLUB_CITY &&
		                 located_at(c, t0, i, i + (size_t)p->n, t1)) ||
		                (i + (size_t)p->n < t1 &&
		                        td_tok_is_cap(c, i + (size_t)p->n) &&
		                        td_tok_is_word(c, i + (size_t)p->n) &&
		                        td_patset_match(&a->title_pats, c,
		                                i + (size_t)p->n, t1) < 0)))
			p = NULL;
		/* a county acting ("DeKalb County will build"), or named as
		 * a place after it acted */
		const td_mention *cm;
		size_t cn = p ? 0 : county_body(c, t0, i, t1, &cm);
		if (cn) {
			if ((rc = cm ? emit(c, i, i + cn, cm->key, "org",
			                       cm->key, 0, 1, NULL)
			             : emit_dyn(c, i, i + cn, "org")) < 0)
				return rc;
			i += cn;
			continue;
		}
		/* "the Senate", "the House" of the US Congress */
		char c0 = *td_tok_str(c, i);
		const char *ck = p || (c0 != 'S' && c0 != 'H')
		                         ? NULL
		                         : chamber_at(c, t0, i, t1);
		if (ck) {
			if ((rc = emit(c, i, i + 1, ck, "org",
			             ck[3] == 's'
			                     ? "US Senate"
			                     : "US House of Representatives",
			             0, 0, NULL)) < 0)
				return rc;
			i++;
			continue;
		}
		/* a lexicon body's name inside a longer one named earlier
		 * ("the Army" after "the Salvation Army") */
		const td_mention *hm;
		if (p && p->n <= 2 &&
		        !(p->flags & (TD_PATF_CLUB_NICK | TD_PATF_CLUB_CITY)) &&
		        !(p->n == 1 && in_list(c, i, event_heads, 0) &&
		                event_named_before(c, i)) &&
		        strcmp(a->actors[p->id].kind, "org") == 0 &&
		        !(i + (size_t)p->n < t1 &&
		                name_token(c, i + (size_t)p->n)) &&
		        (hm = org_holding(c, i, i + (size_t)p->n))) {
			if ((rc = emit(c, i, i + (size_t)p->n, hm->key, "org",
			             hm->key, 0, 0, NULL)) < 0)
				return rc;
			i += (size_t)p->n;
			continue;
		}
		/* names by their shape, when longer than a lexicon match */
		if ((rc = shaped_name(c, t0, i, t1, p ? (size_t)p->n : 0)) !=
		        0) {
			if (rc < 0)
				return rc;
			i += (size_t)rc;
			continue;
		}
		/* an unknown name before a lexicon person's surname alone
		 * ("Cal Brandt rode in", not Willy Brandt): another person of
		 * that surname, named in full; not after a title ("Mayor
		 * Brandt") or a word that names none */
		if (p && p->flags & TD_PATF_SHORT && p->n == 1 &&
		        strcmp(a->actors[p->id].kind, "person") == 0 &&
		        other_given_name(c, t0, i)) {
			if ((rc = emit_dyn(c, i - 1, i + 1, "person")) < 0)
				return rc;
			i++;
			continue;
		}
		/* short forms of people named earlier win over the lexicon
		 * default */
		if ((!p || (p->flags & TD_PATF_SHORT && p->n == 1 &&
		                   strcmp(a->actors[p->id].kind, "person") ==
		                           0)) &&
		        td_tok_is_cap(c, i) &&
		        !(i + 1 < t1 && name_token(c, i + 1)) &&
		        !in_list(c, i, not_names, 0)) {
			/* not "He" for He Lifeng: pronouns and function words
			 * are never short forms */
			const td_mention *r = resolve_short(c, i);
			if (r) {
				/* "van Aalst" for Pieter van Aalst: lowercase
				 * particles before the short form belong to it
				 * when the full name has them too */
				size_t s0 = i;
				while (s0 > t0 &&
				        r->t1 - r->t0 >= (i - s0) + 3 &&
				        td_tok_is_lower(c, s0 - 1) &&
				        in_list(c, s0 - 1, particles, 0) &&
				        same_token(c, r->t1 - 2 - (i - s0),
				                s0 - 1))
					s0--;
				s0 -= word_before_short(c, t0, s0, r);
				if ((rc = emit(c, s0, i + 1, r->key, "person",
				             r->key, 0, 0, r->state)) < 0)
					return rc;
				i++;
				continue;
			}
		}
		if (p) {
			const td_actor_rec *ar = &a->actors[p->id];
			size_t s = i, e = i + (size_t)p->n;
			int is_state = strcmp(ar->kind, "state") == 0;
			/* a name glued to a longer capitalised run is something
			 * else
			 * ("Washington Post", "Korea Herald"); demonyms are
			 * adjectives */
			if ((p->type != TD_PAT_NAME && e < t1 &&
			            td_tok_is_cap(c, e) &&
			            td_tok_is_word(c, e) &&
			            p->type != TD_PAT_DEMONYM) ||
			        (p->flags & TD_PATF_NEEDS_NAMED &&
			                !named_before(c, ar->key))) {
				/* after "the", its words may still open another
				 * name ("the North Portland Rotary Club") */
				i = p->flags & TD_PATF_LEADING_THE ? i + 1 : e;
				continue;
			}
			if (p->n == 1 && in_list(c, i, event_heads, 0) &&
			        event_named_before(c, i)) {
				i = e;
				continue;
			}
			size_t ls, le;
			if (p->n == 1 && p->flags & TD_PATF_SHORT &&
			        strcmp(ar->kind, "person") == 0 &&
			        longer_name(c, t0, i, t1, &ls, &le)) {
				if ((rc = emit_dyn(c, ls, le, "person")) < 0)
					return rc;
				i = le;
				continue;
			}
			if (p->flags & TD_PATF_LEADING_THE)
				s++;
			if (p->type == TD_PAT_DEMONYM) {
				size_t ne = the_demonyms(c, t0, i, t1);
				if (ne) {
					if ((rc = emit_demonyms(c, i, ne, t1)) <
					        0)
						return rc;
					i = ne;
					continue;
				}
				i = e;
				continue;
			}
			int loc = is_state && located_at(c, t0, s, e, t1);
			const char *pst = strcmp(ar->kind, "person") == 0
			                          ? title_state(c, t0, s)
			                          : NULL;
			if ((rc = emit(c, s, e, ar->key, ar->kind, ar->name,
			             p->type == TD_PAT_METONYM, loc, pst)) < 0)
				return rc;
			i = e;
			continue;
		}
		long pm = td_patset_match(&a->place_pats, c, i, t1);
		if (pm >= 0) {
			size_t e = i + (size_t)a->place_pats.v[pm].n;
			/* a subdivision glued to a further capitalised word
			 * names something else ("the Georgia Constitution") */
			if (a->place_pats.v[pm].type == 1 && e < t1 &&
			        td_tok_is_cap(c, e) && td_tok_is_word(c, e)) {
				i = e;
				continue;
			}
			if ((rc = td_actx_add(c, "placeName", c->tok.v[i].start,
			             c->tok.v[e - 1].end, NULL, NULL, NULL,
			             NULL, NULL)) < 0)
				return rc;
			/* the document's own country, by its subdivisions */
			int sc = a->place_pats.v[pm].type == 1
			                 ? a->place_pats.v[pm].id
			                 : -1;
			if (sc >= 0 && c->own_state >= 0)
				c->own_state =
				        !c->own_state || c->own_state == sc + 1
				                ? sc + 1
				                : -1;
			i = e;
			continue;
		}
		/* a body outside the lexicon ("China’s Ministry of Commerce",
		 * "the Chinese Ministry of Commerce"): keyed by its state */
		size_t bn = body_run(c, i, t1);
		if (bn) {
			const char *st = NULL;
			if (i > t0 + 1 && td_tok_eq(c, i - 1, "'s", 1))
				st = state_before(c, t0, i - 1);
			else
				st = state_before(c, t0, i);
			const td_dyn *d;
			if ((rc = add_dyn_pfx(
			             c, i, i + bn, "org", NULL, st, &d)) < 0 ||
			        (rc = emit(c, i, i + bn, d->key, d->kind,
			                 d->name, 0, 0, NULL)) < 0)
				return rc;
			i += bn;
			continue;
		}
		/* the body a role is held in ("president of Neiman-Marcus") */
		size_t bo = body_of_role(c, t0, i, t1);
		if (bo) {
			if ((rc = emit_dyn(c, i, i + bo, "org")) < 0)
				return rc;
			i += bo;
			continue;
		}
		/* a capitalised run as subject of a speech verb, or after
		 * "according to" / before "said" */
		size_t n = name_run(c, i, t1);
		if (n >= 2 || (n == 1 && i > t0)) {
			int subj = i + n < t1 && is_speech_at(c, i + n, t1);
			/* not a modifier of the source ("according to Federal
			 * Government figures") */
			int acc = i >= t0 + 2 &&
			          td_tok_eq(c, i - 2, "according", 1) &&
			          td_tok_eq(c, i - 1, "to", 1) &&
			          !(i + n < t1 && td_tok_is_lower(c, i + n) &&
			                  td_tok_pos_is(c, i + n, "NN*"));
			/* not after a verb of naming, which names whales and
			 * ships too ("some call Moby Dick") */
			int after = i > t0 && is_speech_at(c, i - 1, t1) &&
			            !in_list(c, i - 1, naming_verbs, 1);
			int appos = appositive_subject(c, i + n, t1) ||
			            age_follows(c, i + n, t1);
			/* "Ray Field, who has been converting": a relative
			 * "who" after proper nouns makes them a person's
			 * name */
			int who = i + n + 1 < t1 &&
			          td_tok_eq(c, i + n, ",", 0) &&
			          td_tok_eq(c, i + n + 1, "who", 0) &&
			          td_tok_pos_is(c, i, "NNP") &&
			          td_tok_pos_is(c, i + n - 1, "NNP");
			/* a run ending in a county's or city's head
			 * ("Fulton County agreed", "Sioux City said") names
			 * no person; "Ray Field, who" still does */
			/* "a man named Shorty Bascom", "I'm Ellen
			 * Tolliver", "My name is Paul Harker": a name
			 * given as one */
			int intro = introduced_name(c, t0, i);
			if ((subj || acc || after || appos || who || intro) &&
			        n >= 2 &&
			        (who || intro ||
			                !(in_list(c, i + n - 1, county_heads,
			                          0) ||
			                        td_tok_eq(c, i + n - 1, "City",
			                                0)))) {
				const char *kind = "person";
				for (size_t k = i; k < i + n; k++)
					if (in_list(c, k, org_words, 0) ||
					        in_list(c, k, org_heads, 0))
						kind = "org";
				/* "The Federal Civil Defense Administration
				 * recommended": a body */
				if (in_list(c, i + n - 1, body_ends, 0))
					kind = "org";
				if ((rc = emit_dyn(c, i, i + n, kind)) < 0)
					return rc;
				i += n;
				continue;
			}
		}
		/* pronouns (for attribution) and "his country" */
		if (in_list(c, i, he_she, 1)) {
			const td_mention *r = NULL;
			for (size_t k = c->n_ments; k-- > 0;)
				if (!c->ments[k].pronoun && c->ments[k].key &&
				        strcmp(c->ments[k].kind, "person") ==
				                0) {
					r = &c->ments[k];
					break;
				}
			if (r) {
				td_mention pm2 = {i, i + 1, c->tok.v[i].start,
				        c->tok.v[i].end, (int)si, r->key,
				        "person", 1, 0, r->state};
				if ((rc = push_mention(c, &pm2)) < 0)
					return rc;
			}
		}
		if (in_list(c, i, his_her, 1) && i + 1 < t1 &&
		        td_tok_eq(c, i + 1, "country", 0)) {
			const char *st = NULL;
			for (size_t k = c->n_ments; k-- > 0 && !st;)
				if (c->ments[k].key &&
				        strcmp(c->ments[k].kind, "person") == 0)
					st = c->ments[k].state;
			if (st) {
				const char *name = st;
				for (size_t k = 0; k < a->n_actors; k++)
					if (strcmp(a->actors[k].key, st) == 0)
						name = a->actors[k].name;
				if ((rc = emit(c, i, i + 2, st, "state", name,
				             1, 0, NULL)) < 0)
					return rc;
				i += 2;
				continue;
			}
		}
		i++;
	}
	return 0;
}

static int ment_cmp(const void *x, const void *y)
{
	const td_mention *a = x, *b = y;
	return a->t0 != b->t0   ? (a->t0 < b->t0 ? -1 : 1)
	       : a->t1 != b->t1 ? (a->t1 < b->t1 ? -1 : 1)
	                        : 0;
}

/* Per token of the document, 1 inside a mention that is no pronoun;
 * NULL (the error set) when out of memory. The caller frees it. */
static unsigned char *named_tokens(td_actx *c)
{
	unsigned char *in = calloc(c->tok.n ? c->tok.n : 1, 1);
	if (!in) {
		td_error(TD_ENOMEM, "out of memory");
		return NULL;
	}
	for (size_t k = 0; k < c->n_ments; k++)
		if (!c->ments[k].pronoun)
			memset(in + c->ments[k].t0, 1,
			        c->ments[k].t1 - c->ments[k].t0);
	return in;
}

/* Runs rule on each sentence [t0, t1) in turn with the marks of
 * named_tokens, which a rule updates as it adds names, until it returns
 * an error (< 0): that error, else 0. */
static int each_sentence_named(td_actx *c,
        int (*rule)(td_actx *c, unsigned char *in, size_t t0, size_t t1))
{
	unsigned char *in = named_tokens(c);
	if (!in)
		return TD_ENOMEM;
	int rc = 0;
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++)
		rc = rule(c, in, c->sents[si].t0, c->sents[si].t1);
	free(in);
	return rc < 0 ? rc : 0;
}

/* Short forms anywhere in the document, before the full name too
 * ("Liston is Bill Liston, baseball writer ..."): a single proper noun
 * (tagged NNP, no capitalised word beside it, no lexicon entry, outside
 * every mention) that is the first or last word of exactly one person
 * named in full in the document takes that person's key. */
static int short_forms_anywhere(td_actx *c)
{
	size_t nm = c->n_ments;
	unsigned char *in = named_tokens(c);
	if (!in)
		return TD_ENOMEM;
	int rc = 0;
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		for (size_t t = t0; t < t1 && rc >= 0; t++) {
			if (in[t] || !name_token(c, t) ||
			        !td_tok_pos_is(c, t, "NNP") ||
			        (t > t0 && td_tok_is_cap(c, t - 1) &&
			                td_tok_is_word(c, t - 1)) ||
			        (t + 1 < t1 && td_tok_is_cap(c, t + 1) &&
			                td_tok_is_word(c, t + 1)) ||
			        actor_match(c, t, t1) >= 0 ||
			        td_patset_match(
			                &c->a->title_pats, c, t, t + 1) >= 0 ||
			        td_patset_match(&c->a->place_pats, c, t, t1) >=
			                0)
				continue;
			const td_mention *hit = NULL;
			int many = 0;
			for (size_t k = 0; k < nm && !many; k++) {
				const td_mention *m = &c->ments[k];
				if (m->pronoun || !m->key ||
				        strcmp(m->kind, "person") ||
				        m->t1 - m->t0 < 2 ||
				        (!same_token(c, m->t0, t) &&
				                !same_token(c,
				                        surname_tok(c, m), t)))
					continue;
				if (hit && strcmp(hit->key, m->key))
					many = 1;
				hit = m;
			}
			if (hit && !many)
				rc = emit(c, t, t + 1, hit->key, "person",
				        hit->key, 0, 0, hit->state);
		}
	}
	free(in);
	if (rc < 0)
		return rc;
	if (c->n_ments) /* qsort takes no NULL array, even empty */
		qsort(c->ments, c->n_ments, sizeof *c->ments, ment_cmp);
	return 0;
}

/* Mention m may be named again (org_repeats): an organisation, neither a
 * pronoun nor located, with a key, whose words are a name the rules
 * found (a lexicon actor keeps its own aliases, a short form ("the
 * Gallery") its own conditions). Nothing of this changes while
 * org_repeats runs. */
static int org_repeatable(const td_actx *c, const td_mention *m)
{
	if (m->pronoun || !m->key || strcmp(m->kind, "org") || m->located)
		return 0;
	for (size_t d = 0; d < c->n_dyn; d++)
		if (c->dyn[d].key == m->key &&
		        strlen(c->dyn[d].name) == m->end - m->start &&
		        memcmp(c->dyn[d].name, c->doc->text + m->start,
		                m->end - m->start) == 0)
			return 1;
	return 0;
}

/* An organisation found by rule is named again in the same words
 * anywhere in the document, also as a modifier or before the full name
 * ("As a Neiman-Marcus award winner" ... "president of Neiman-Marcus"):
 * the same words outside every mention, with no capitalised word beside
 * them, take its key. cand[0, nc) are the mentions (in order) that
 * org_repeatable allows, of those before the sentence. */
static int org_repeats(td_actx *c, unsigned char *in, size_t t0, size_t t1,
        const size_t *cand, size_t nc)
{
	int rc = 0;
	for (size_t t = t0; t < t1 && rc >= 0; t++) {
		if (in[t] || !td_tok_is_cap(c, t) || !td_tok_is_word(c, t) ||
		        (t > t0 && td_tok_is_cap(c, t - 1) &&
		                td_tok_is_word(c, t - 1)))
			continue;
		for (size_t k = 0; k < nc; k++) {
			const td_mention *m = &c->ments[cand[k]];
			size_t n = m->t1 - m->t0, w = 0;
			if (m->t0 == t || t + n > t1 ||
			        !same_token(c, m->t0, t))
				continue;
			while (w < n && !in[t + w] &&
			        same_token(c, m->t0 + w, t + w))
				w++;
			if (w < n || (t + n < t1 && td_tok_is_cap(c, t + n) &&
			                     td_tok_is_word(c, t + n)))
				continue;
			/* before a plural noun it names a group ("CTA
			 * regulars", "CTA regular riders") */
			size_t a = t + n;
			if (a < t1 && td_tok_pos_is(c, a, "JJ*"))
				a++;
			if (a < t1 && td_tok_pos_is(c, a, "NNS"))
				continue;
			rc = emit(
			        c, t, t + n, m->key, "org", m->key, 0, 0, NULL);
			memset(in + t, 1, n);
			t += n - 1;
			break;
		}
	}
	return rc;
}

/* org_repeats over every sentence (as each_sentence_named), its
 * candidates gathered once: testing every mention of the document at
 * every capitalised word was 2% of an ingest's instructions. */
static int org_repeats_all(td_actx *c)
{
	unsigned char *in = named_tokens(c);
	if (!in)
		return TD_ENOMEM;
	size_t *cand = NULL, nc = 0, cap = 0, seen = 0;
	int rc = 0;
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++) {
		for (; seen < c->n_ments && rc >= 0; seen++)
			if (org_repeatable(c, &c->ments[seen])) {
				if (TD_VEC_RESERVE(cand, nc, cap, 16))
					rc = td_error(
					        TD_ENOMEM, "out of memory");
				else
					cand[nc++] = seen;
			}
		if (rc >= 0)
			rc = org_repeats(c, in, c->sents[si].t0,
			        c->sents[si].t1, cand, nc);
	}
	free(cand);
	free(in);
	return rc < 0 ? rc : 0;
}

/* A bare capitalised word at token t that no rule has taken: no
 * capitalised word beside it, no lexicon, place or title entry. A second
 * name may be a word the tagger takes for an adjective ("Dusty"). A title
 * is matched up to the sentence's end, not the word alone: the abbreviated
 * ones are two tokens ("Sen" "."), and "said Sen. John F. Kennedy" would
 * otherwise make a person "Sen" and the quotation's speaker. */
static int bare_capital(const td_actx *c, const unsigned char *in, size_t t,
        size_t t0, size_t t1)
{
	/* a capitalised opener that is no proper noun ("But", "As",
	 * "Then") is no part of the name after it */
	return !in[t] && name_token(c, t) && !in_list(c, t, not_names, 0) &&
	       !(t > t0 && td_tok_is_cap(c, t - 1) &&
	               td_tok_is_word(c, t - 1) &&
	               !(t - 1 == t0 && !td_tok_pos_is(c, t0, "NNP*"))) &&
	       !(t + 1 < t1 && td_tok_is_cap(c, t + 1) &&
	               td_tok_is_word(c, t + 1)) &&
	       actor_match(c, t, t1) < 0 &&
	       td_patset_match(&c->a->title_pats, c, t, t1) < 0 &&
	       td_patset_match(&c->a->place_pats, c, t, t1) < 0;
}

/* A bare proper noun at token t that no rule has taken: a bare capital
 * (above) the tagger tags NNP. */
static int bare_proper(const td_actx *c, const unsigned char *in, size_t t,
        size_t t0, size_t t1)
{
	return td_tok_pos_is(c, t, "NNP") && bare_capital(c, in, t, t0, t1);
}

/* openers of a clause before its subject */
static const char *const clause_openers[] = {"When", "Though", "Although",
        "While", "After", "Before", "Since", "Once", "Until", "Because", "If",
        "Unless", "As", NULL};

/* A surname alone as the subject of the sentence [t0, t1), taken up by
 * "he" or "she" later in the sentence with no other person between
 * ("Triandos hasn't proved it yet, but he says ..."): a person keyed by
 * the word, and so are its other bare uses in the document. */
static int subject_by_pronoun(
        td_actx *c, unsigned char *in, size_t t0, size_t t1)
{
	size_t t = t0;
	/* or the subject of an opening clause, taken up in the main one
	 * ("When Tumin replied in 1953, he questioned ...") */
	if (t + 1 < t1 && in_list(c, t, clause_openers, 0))
		t++;
	if (t < t1 && td_actx_in_quote(c, c->tok.v[t].start, c->tok.v[t].end))
		return 0;
	if (t + 2 >= t1 || !bare_proper(c, in, t, t0, t1) ||
	        !(td_tok_pos_is(c, t + 1, "VB*") ||
	                td_tok_pos_is(c, t + 1, "MD")) ||
	        !td_tok_is_lower(c, t + 1))
		return 0;
	int taken = 0;
	for (size_t k = t + 2; k < t1 && !taken; k++) {
		if (in[k])
			break; /* another name between */
		if (in_list(c, k, he_she, 1) && td_tok_is_lower(c, k) &&
		        !td_actx_in_quote(
		                c, c->tok.v[k].start, c->tok.v[k].end))
			taken = 1;
	}
	if (!taken)
		return 0;
	const td_dyn *d;
	int rc;
	if ((rc = add_dyn(c, t, t + 1, "person", NULL, &d)) < 0 ||
	        (rc = emit(c, t, t + 1, d->key, "person", d->name, 0, 0,
	                 NULL)) < 0)
		return rc;
	in[t] = 1;
	/* its other bare uses */
	for (size_t u = SIZE_MAX, sj = 0; rc >= 0 && next_use(c, t, &u, &sj);) {
		size_t u0 = c->sents[sj].t0, u1 = c->sents[sj].t1;
		if (u != t && same_token(c, u, t) &&
		        bare_proper(c, in, u, u0, u1)) {
			rc = emit(c, u, u + 1, d->key, "person", d->name, 0, 0,
			        NULL);
			in[u] = 1;
		}
	}
	return rc;
}

/* A year as an author-year citation gives it: four digits from 1500 to
 * 2099, perhaps with a letter for a second work of the year ("1957b"). */
static int cite_year(const td_actx *c, size_t k)
{
	const char *w = td_tok_str(c, k);
	size_t n = td_tok_len(c, k);
	if (n < 4 || n > 5 || (n == 5 && (w[4] < 'a' || w[4] > 'z')))
		return 0;
	for (size_t i = 0; i < 4; i++)
		if (w[i] < '0' || w[i] > '9')
			return 0;
	return (w[0] == '1' && w[1] >= '5') || (w[0] == '2' && w[1] == '0');
}

/* Particles that open a cited author's name, capitalised or not ("De
 * Jager", "van der Waals"). */
static const char *const cite_particles[] = {"de", "De", "van", "Van", "von",
        "Von", "der", "Der", "du", "Du", "da", "Da", "di", "Di", "le", "Le",
        "la", "La", NULL};

/* A cited author's name at k: a capitalised word no lexicon, title or
 * place claims, and no head of an organisation's or a place's name,
 * perhaps after particles ("De Jager"); its length in tokens, or 0. */
static size_t cite_name(const td_actx *c, size_t k, size_t lim)
{
	size_t j = k;
	while (j + 1 < lim && j - k < 2 && in_list(c, j, cite_particles, 0))
		j++;
	if (j >= lim || !free_name_word(c, j, lim) ||
	        in_list(c, j, org_heads, 0) || in_list(c, j, place_heads, 0) ||
	        in_list(c, j, dateline_months, 0) ||
	        in_list(c, j, cite_particles, 0))
		return 0;
	return j + 1 - k;
}

/* The word at u acts as a person does: the subject of a verb or modal
 * right after it ("Brenner shrugged", "Brenner said") or a possessor
 * ("Brenner's voice"). */
static int person_acts(const td_actx *c, size_t u, size_t lim)
{
	return u + 1 < lim &&
	       (td_tok_eq(c, u + 1, "'s", 1) ||
	               (td_tok_is_lower(c, u + 1) &&
	                       (td_tok_pos_is(c, u + 1, "VB*") ||
	                               td_tok_pos_is(c, u + 1, "MD"))));
}

/* The other uses of the one-word person at token t (keyed d->key) in the
 * document: every bare proper noun (bare_proper) equal to it takes the
 * key ("Brenner shrugged" after "Mr. Brenner"). */
static int spread_word(td_actx *c, unsigned char *in, size_t t, const char *key,
        const char *name, const char *state, int acting)
{
	int rc = 0;
	for (size_t u = SIZE_MAX, si = 0; rc >= 0 && next_use(c, t, &u, &si);) {
		size_t u0 = c->sents[si].t0, u1 = c->sents[si].t1;
		if (u != t && same_token(c, u, t) &&
		        bare_proper(c, in, u, u0, u1) &&
		        (!acting || person_acts(c, u, u1))) {
			rc = emit(
			        c, u, u + 1, key, "person", name, 0, 0, state);
			in[u] = 1;
		}
	}
	return rc;
}

/* A person found by rule at [k, k + n): emitted, and a one-word name
 * spread to its other bare uses. */
static int emit_person_spread(td_actx *c, unsigned char *in, size_t k, size_t n)
{
	const td_dyn *d;
	int rc = add_dyn(c, k, k + n, "person", NULL, &d);
	if (rc >= 0)
		rc = emit(c, k, k + n, d->key, d->kind, d->name, 0, 0, NULL);
	if (rc >= 0)
		memset(in + k, 1, n);
	if (rc >= 0 && n == 1)
		rc = spread_word(c, in, k, d->key, d->name, NULL, 0);
	return rc;
}

static int emit_cited(td_actx *c, unsigned char *in, size_t k, size_t n)
{
	for (size_t q = k; q < k + n; q++)
		if (in[q])
			return 0;
	return emit_person_spread(c, in, k, n);
}

/* The others of a cited author's group ("Wexler and his associates
 * (1955)"). */
static const char *const coworkers[] = {"associates", "colleagues",
        "co-workers", "coworkers", "collaborators", "students", "group", NULL};

/* "et al." after a cited name: its length in tokens (2 or 3), or 0. */
static size_t et_al(const td_actx *c, size_t k, size_t lim)
{
	if (k + 1 >= lim || !td_tok_eq(c, k, "et", 0) ||
	        !td_tok_eq(c, k + 1, "al", 0))
		return 0;
	return k + 2 < lim && td_tok_eq(c, k + 2, ".", 0) ? 3 : 2;
}

/* Authors cited by name and year, the convention of learned prose: in
 * brackets, names joined by commas, "and" or "&" before a year, groups
 * apart by ";" ("(Robertson, 1937; Wyatt and Whipple, 1950)", "(cf.
 * Horowitz 1957b)"), and in the running text a name or two before a
 * bracketed year ("Whipple (1955) extends", "as Nagel (1957: 247) and
 * Hempel (1959) indicate", "Coons et al (1951)", "Heidegger's system
 * (1929)"). Each name is a person keyed by itself. A capitalised word
 * before the name makes a longer name (a film's title, "La Dolce Vita
 * (1960)"): nothing. */
static int cited_authors(td_actx *c, unsigned char *in, size_t t0, size_t t1)
{
	int rc = 0;
	for (size_t p = t0; p + 2 < t1 && rc >= 0; p++) {
		if (!td_tok_eq(c, p, "(", 0))
			continue;
		/* before the bracket: Name (YEAR), Name and Name (YEAR),
		 * Name et al. (YEAR), Name's noun (YEAR) */
		if (cite_year(c, p + 1) && p > t0) {
			size_t e = p, k;
			if (e >= t0 + 3 && td_tok_is_lower(c, e - 1) &&
			        td_tok_eq(c, e - 2, "'s", 1))
				e -= 2;
			else if (e >= t0 + 3 && td_tok_eq(c, e - 1, ".", 0) &&
			         td_tok_eq(c, e - 2, "al", 0))
				e -= 3;
			else if (e >= t0 + 2 && td_tok_eq(c, e - 1, "al", 0))
				e -= 2;
			/* "Wexler and his associates (1955)": et al. in
			 * words */
			else if (e >= t0 + 4 &&
			         in_list(c, e - 1, coworkers, 0) &&
			         in_list(c, e - 2, his_her, 0) &&
			         td_tok_eq(c, e - 3, "and", 0))
				e -= 3;
			for (k = e > t0 ? e - 1 : e;
			        k > t0 && e - k < 3 &&
			        in_list(c, k - 1, cite_particles, 0);)
				k--;
			size_t n = e > k ? cite_name(c, k, e) : 0;
			if (n == e - k && n &&
			        !(k > t0 && name_token(c, k - 1))) {
				rc = emit_cited(c, in, k, n);
				/* "Simmel and Dilthey (1908)": a second name
				 * before "and" */
				size_t a = k;
				if (rc >= 0 && a >= t0 + 2 &&
				        td_tok_eq(c, a - 1, "and", 0)) {
					size_t b = a - 2;
					while (b > t0 && a - 1 - b < 3 &&
					        in_list(c, b - 1,
					                cite_particles, 0))
						b--;
					size_t m = cite_name(c, b, a - 1);
					if (m == a - 1 - b &&
					        !(b > t0 &&
					                name_token(c, b - 1)))
						rc = emit_cited(c, in, b, m);
				}
			}
		}
		/* inside the bracket: groups of names and a year */
		size_t k = p + 1;
		while (k < t1 && rc >= 0 && !td_tok_eq(c, k, ")", 0)) {
			size_t g = k, names[8], lens[8], nn = 0;
			/* "cf.", "see", "e.g." before the names */
			while (g < t1 && (td_tok_eq(c, g, "cf", 1) ||
			                         td_tok_eq(c, g, "see", 1) ||
			                         td_tok_eq(c, g, "e.g", 1) ||
			                         td_tok_eq(c, g, ".", 0)))
				g++;
			for (;;) {
				size_t n = g < t1 ? cite_name(c, g, t1) : 0;
				if (!n || nn == 8)
					break;
				names[nn] = g;
				lens[nn++] = n;
				g += n;
				g += et_al(c, g, t1);
				if (g + 1 < t1 &&
				        (td_tok_eq(c, g, ",", 0) ||
				                td_tok_eq(c, g, "and", 0) ||
				                td_tok_eq(c, g, "&", 0)) &&
				        !cite_year(c, g + 1)) {
					g++;
					if (g + 1 < t1 &&
					        td_tok_eq(c, g, "and", 0))
						g++;
					continue;
				}
				break;
			}
			if (g < t1 && td_tok_eq(c, g, ",", 0))
				g++;
			if (nn && g < t1 && cite_year(c, g))
				for (size_t q = 0; q < nn && rc >= 0; q++)
					rc = emit_cited(
					        c, in, names[q], lens[q]);
			/* the next group after ";" */
			while (k < t1 && !td_tok_eq(c, k, ";", 0) &&
			        !td_tok_eq(c, k, ")", 0))
				k++;
			if (k < t1 && td_tok_eq(c, k, ";", 0))
				k++;
		}
	}
	return rc;
}

/* A bare proper noun addressed in a quotation: after a comma, at the end
 * of the quoted words or their sentence ("I have a little job for you,
 * Charlie.", "One thing, Summers", Brenner said), the vocative of English
 * dialogue: a person keyed by the word; not a common noun of address
 * ("Ohio State isn't going to take me, Daddy."). */
static const char *const quote_marks[] = {
        "\"", "\xe2\x80\x9d", "\xe2\x80\x99", "'", NULL};

/* Common nouns of address, capitalised when they stand for a name
 * ("Times have changed, Mother,", "Aye, Chief,", "said Mother"): kin,
 * ranks and roles, endearments. No person's name. */
static const char *const address_nouns[] = {"Mother", "Father", "Mom", "Mommy",
        "Ma", "Pa", "Dad", "Daddy", "Mama", "Papa", "Mamma", "Grandma",
        "Grandpa", "Granny", "Grandmother", "Grandfather", "Son", "Sonny",
        "Brother", "Sister", "Uncle", "Aunt", "Auntie", "Cousin", "Chief",
        "Boss", "Doc", "Doctor", "Sir", "Madam", "Mister", "Honey", "Darling",
        "Dear", "Sweetheart", "Kid", "Boy", "Buddy", "Pal", "Friend", "Skipper",
        "Captain", "Colonel", "General", "Sergeant", "Lieutenant", "Major",
        "Sheriff", "Marshal", "Judge", "Nurse", "Officer", "Mate", "Partner",
        "Stranger", "Lady", "Lord", "God", "Professor", "Senator", "Governor",
        "Padre", "Ranger", "Monsieur", "Madame", "Mademoiselle", "Senor",
        "Se\xc3\xb1or", "Senora", "Se\xc3\xb1ora", "Signor", "Herr", NULL};

/* Marks that open a quotation. */
static const char *const open_marks[] = {
        "\"", "\xe2\x80\x9c", "\xe2\x80\x98", "'", NULL};

/* Does the document use the word at t as a proper noun: capitalised
 * elsewhere right after a lowercase word or a comma ("cried stationary
 * Elijah", "in particular, Queequeg seeing", "everybody called Tex"),
 * where no sentence or quotation opens to capitalise it? */
static int proper_by_use(const td_actx *c, size_t t)
{
	for (size_t u = SIZE_MAX, sj = 0; next_use(c, t, &u, &sj);)
		if (u > c->sents[sj].t0 && u != t && same_token(c, u, t) &&
		        ((td_tok_is_lower(c, u - 1) &&
		                 td_tok_is_word(c, u - 1)) ||
		                td_tok_eq(c, u - 1, ",", 0)))
			return 1;
	return 0;
}

/* A quotation opened by a bare proper noun and a comma ("\"Queequeg,\"
 * said I", "\"Tex, get back to your gun.\""): the name of the one
 * addressed (a proper noun by its tag, or a given name: the tagger reads
 * "\"Elijah,\"" as no NNP), when the document uses the word as a proper noun
 * elsewhere (proper_by_use) and as nothing else (word_not_personal); a
 * capitalised interjection or adverb ("\"Well,\"", "\"Listen,\"") is
 * no proper noun there; a nickname (given_as_nickname) is left to the
 * person it names. */
static int word_not_personal(const td_actx *c, size_t t);

/* Does the document give the word at t as a name someone is called by
 * ("whom everybody called Tex", "He had been Tex to the Colonel", "they
 * call him Tex"): a verb of naming or "been" right before a use, or a
 * verb of naming and an object pronoun? Such a nickname names a person
 * the text names otherwise. Not "Who called you, Shannon?" (a vocative
 * after the comma). */
static const char *const object_pronouns[] = {
        "him", "her", "me", "you", "them", "us", NULL};
static int given_as_nickname(const td_actx *c, size_t t)
{
	for (size_t u = SIZE_MAX, sj = 0; next_use(c, t, &u, &sj);) {
		size_t u0 = c->sents[sj].t0;
		if (u == u0 || !same_token(c, u, t))
			continue;
		if (td_tok_eq(c, u - 1, "been", 0) ||
		        in_list(c, u - 1, naming_verbs, 0) ||
		        (u >= u0 + 2 && in_list(c, u - 1, object_pronouns, 0) &&
		                in_list(c, u - 2, naming_verbs, 0)))
			return 1;
	}
	return 0;
}

static int quote_opening_vocative(const td_actx *c, const unsigned char *in,
        size_t t, size_t t0, size_t t1)
{
	return t > t0 && t + 1 < t1 && in_list(c, t - 1, open_marks, 0) &&
	       td_tok_eq(c, t + 1, ",", 0) &&
	       !in_list(c, t, address_nouns, 0) &&
	       (td_tok_pos_is(c, t, "NNP") ||
	               td_patset_match(&c->a->given_pats, c, t, t + 1) >= 0) &&
	       bare_capital(c, in, t, t0, t1) &&
	       td_actx_in_quote(c, c->tok.v[t].start, c->tok.v[t].end) &&
	       proper_by_use(c, t) && !word_not_personal(c, t) &&
	       !given_as_nickname(c, t);
}

static int vocatives(td_actx *c, unsigned char *in, size_t t0, size_t t1)
{
	int rc = 0;
	for (size_t t = t0 + 1; t < t1 && rc >= 0; t++) {
		/* both shapes are inside a quotation: the narration's words
		 * are passed over at one test */
		if (in[t] || !td_actx_in_quote(
		                     c, c->tok.v[t].start, c->tok.v[t].end))
			continue;
		if (quote_opening_vocative(c, in, t, t0, t1)) {
			rc = emit_person_spread(c, in, t, 1);
			continue;
		}
		if (!td_tok_eq(c, t - 1, ",", 0))
			continue;
		size_t j = t + 1;
		if (j < t1 &&
		        (td_tok_eq(c, j, ".", 0) || td_tok_eq(c, j, "!", 0) ||
		                td_tok_eq(c, j, "?", 0) ||
		                td_tok_eq(c, j, ",", 0)))
			j++;
		if ((j < t1 && !in_list(c, j, quote_marks, 0)) ||
		        in_list(c, t, address_nouns, 0) ||
		        !bare_proper(c, in, t, t0, t1) ||
		        !td_actx_in_quote(
		                c, c->tok.v[t].start, c->tok.v[t].end) ||
		        given_as_nickname(c, t))
			continue;
		rc = emit_person_spread(c, in, t, 1);
	}
	return rc;
}

/* Honorifics that name a private person by the surname the text goes on
 * to use ("Mr. Brenner", "Mrs. Dwyer"); an office ("Gov. Brown", "King
 * Leopold") often names someone famous whom the reader knows by a fuller
 * name, and is left to its own mention. */

/* A person known by one word after an honorific ("Mr. Brenner") is that
 * person wherever the word stands alone in the document ("Brenner
 * shrugged"): spread_word. Persons named in full spread by
 * short_forms_anywhere; vocatives and cited authors spread as found. */
/* Titles of a ship's master, which name a character of the story, not
 * someone the reader may know by a fuller name ("Captain Peleg" ...
 * "Peleg said"). */
static const char *const ship_titles[] = {"Captain", "Capt", NULL};

/* Ranks below a captain's, of the army, the police and the ship, which
 * name a character of the story as "Captain" does ("Corporal Haney came
 * crawling up" ... "Haney went back down the slope"): few whom the
 * reader knows by a fuller name hold them. */
static const char *const rank_titles[] = {"Corporal", "Cpl", "Sergeant", "Sgt",
        "Private", "Pvt", "Pfc", "Lieutenant", "Lt", "Ensign", "Trooper",
        "Patrolman", "Detective", NULL};

static int one_word_persons(td_actx *c, unsigned char *in)
{
	size_t nm = c->n_ments;
	int rc = 0;
	for (size_t k = 0; k < nm && rc >= 0; k++) {
		const td_mention *m = &c->ments[k];
		size_t tt;
		if (m->pronoun || !m->key || strcmp(m->kind, "person") ||
		        m->t1 - m->t0 != 1 ||
		        (tt = title_before(c, m->t0)) == SIZE_MAX ||
		        !(in_list(c, tt, honorifics, 0) ||
		                in_list(c, tt, ship_titles, 0) ||
		                in_list(c, tt, rank_titles, 0)))
			continue;
		/* keyed by itself: a person the document names by that word
		 * alone, not a short form of a full name */
		const td_dyn *d = NULL;
		for (size_t x = 0; x < c->n_dyn && !d; x++)
			if (c->dyn[x].key == m->key &&
			        strlen(c->dyn[x].name) == m->end - m->start &&
			        !memcmp(c->dyn[x].name, c->doc->text + m->start,
			                m->end - m->start))
				d = &c->dyn[x];
		if (d)
			rc = spread_word(
			        c, in, m->t0, d->key, d->name, m->state, 1);
	}
	return rc < 0 ? rc : 0;
}

/* Does a mention hold a word equal to token t ("Morton" of Morton Foods,
 * "Leopold" of King Leopold)? Then other rules have decided on it. */
static int word_of_actor(const td_actx *c, size_t t)
{
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun)
			continue;
		for (size_t w = m->t0; w < m->t1; w++)
			if (same_token(c, w, t))
				return 1;
	}
	return 0;
}

/* The word at u is the subject of a verb or modal right after it, an
 * adverb perhaps between ("Donovan snatched", "Molly already has"). */
static int subject_of_verb(const td_actx *c, size_t u, size_t lim)
{
	size_t v = u + 1;
	if (v + 1 < lim && td_tok_is_lower(c, v) && td_tok_pos_is(c, v, "RB"))
		v++;
	return v < lim && td_tok_is_lower(c, v) &&
	       (td_tok_pos_is(c, v, "VB*") || td_tok_pos_is(c, v, "MD"));
}

/* Prepositions that put a place after them and never a person ("in
 * Geneva", "the mud off Cleveland"); "at" only after a noun ("the talks
 * at Geneva", not "looked at Mary"). */
static const char *const place_preps[] = {
        "in", "off", "near", "inside", "outside", "throughout", "across", NULL};

/* The proper noun at u stands after a preposition of place, no
 * possessive after it ("in Mary's room" is a person's). */
static int after_place_prep(const td_actx *c, size_t u, size_t u0, size_t u1)
{
	if (u == u0 || (u + 1 < u1 && td_tok_eq(c, u + 1, "'s", 1)))
		return 0;
	return in_list(c, u - 1, place_preps, 0) ||
	       (u >= u0 + 2 && td_tok_eq(c, u - 1, "at", 0) &&
	               td_tok_is_lower(c, u - 2) &&
	               td_tok_pos_is(c, u - 2, "NN*"));
}

/* A use of a proper noun at u that no person's name has: after a
 * determiner ("the Dreadnought"), before a noun or adjective that it
 * modifies ("Brent crude", tagged an adjective), or after a preposition
 * of place (after_place_prep: "the talks at Geneva"). */
static int not_personal(const td_actx *c, size_t u, size_t u0, size_t u1)
{
	return (u > u0 && td_tok_pos_is(c, u - 1, "DT")) ||
	       (u + 1 < u1 && td_tok_is_lower(c, u + 1) &&
	               (td_tok_pos_is(c, u + 1, "NN*") ||
	                       td_tok_pos_is(c, u + 1, "JJ*"))) ||
	       after_place_prep(c, u, u0, u1);
}

/* Characters of a story named by their given name alone: a bare proper
 * noun (bare_proper) that is a given name (given_names.tsv) and the
 * subject of a verb (subject_of_verb: "Pamela knew", "Molly already
 * has") and that the document names twice or more (a character recurs;
 * "Analysts say Brent could fall" once is a commodity) is a person keyed
 * by the word, and so is every bare use of it.
 * Not a word any mention holds (decided by other rules: "Leopold" of King
 * Leopold), nor one the document uses as no person's name is used
 * (not_personal: "Brent crude"). Surnames alone that act twice ("Donovan
 * snatched ... Donovan said") were tried too: they cost held-out news
 * (companies and places acting) and are left out. */
static int acting_names(td_actx *c, unsigned char *in)
{
	int rc = 0;
	/* words whose uses were counted and found wanting: the count is the
	 * document's, the same at each of their uses */
	size_t rejected[32], nrej = 0;
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		for (size_t t = t0; t < t1 && rc >= 0; t++) {
			/* the cheap tests first: a capital letter, a verb after
			 * it, a given name; then the lexicons */
			const char *w = td_tok_str(c, t);
			if (in[t] || w[0] < 'A' || w[0] > 'Z' ||
			        !subject_of_verb(c, t, t1) ||
			        td_patset_match(
			                &c->a->given_pats, c, t, t + 1) < 0 ||
			        !bare_proper(c, in, t, t0, t1) ||
			        in_list(c, t, org_heads, 0) ||
			        in_list(c, t, place_heads, 0) ||
			        in_list(c, t, dateline_months, 0) ||
			        word_of_actor(c, t))
				continue;
			int seen = 0;
			for (size_t r = 0; r < nrej && !seen; r++)
				seen = same_token(c, rejected[r], t);
			if (seen)
				continue;
			int veto = 0, uses = 0;
			for (size_t sj = 0; sj < c->n_sents && !veto; sj++) {
				size_t u0 = c->sents[sj].t0,
				       u1 = c->sents[sj].t1;
				for (size_t u = u0; u < u1 && !veto; u++) {
					if (!same_token(c, u, t))
						continue;
					veto = not_personal(c, u, u0, u1);
					uses++;
				}
			}
			if (!veto && uses >= 2)
				rc = emit_person_spread(c, in, t, 1);
			else if (nrej < 32)
				rejected[nrej++] = t;
		}
	}
	return rc < 0 ? rc : 0;
}

/* The person mention of one word equal to token t keyed by itself, when
 * every mention holding the word is one ("Captain Ahab" keyed ahab, no
 * "Ahab Street"); NULL otherwise. */
/* The first byte of token t, read inline: the cheap first test of the
 * passes below, which look at every token. */
static inline unsigned char first_byte(const td_actx *c, size_t t)
{
	return (unsigned char)c->doc->text[c->tok.v[t].start];
}

/* "the" + a capitalised word at token t-1, t ("the Kid", "The Kid"), the
 * word alone: no title ("the Colonel" is a title used alone, no mention),
 * head of a body or place, lexicon name or word that opens sentences; a
 * singular proper noun by the POS layer, no capitalised word after it. */
static int the_nick_at(const td_actx *c, const unsigned char *in, size_t t,
        size_t t0, size_t t1)
{
	const char *w = td_tok_str(c, t);
	size_t n = td_tok_len(c, t);
	return t > t0 && w[0] >= 'A' && w[0] <= 'Z' && w[n - 1] != 's' &&
	       !in[t] && td_tok_eq(c, t - 1, "the", 1) &&
	       td_tok_pos_is(c, t, "NNP") &&
	       !(t + 1 < t1 && td_tok_is_cap(c, t + 1) &&
	               td_tok_is_word(c, t + 1)) &&
	       !in_list(c, t, not_names, 0) && !in_list(c, t, org_heads, 0) &&
	       !in_list(c, t, org_words, 0) && !in_list(c, t, place_heads, 0) &&
	       td_patset_match(&c->a->title_pats, c, t, t + 1) < 0 &&
	       actor_match(c, t, t1) < 0 &&
	       td_patset_match(&c->a->place_pats, c, t, t1) < 0;
}

/* Does "the X" at t act as a person: the subject of a verb with "his" or
 * "her" within the next four words ("the Kid pushed his hat back")? */
static int the_nick_acts(const td_actx *c, size_t t, size_t t1)
{
	if (!subject_of_verb(c, t, t1))
		return 0;
	for (size_t k = t + 2; k < t1 && k <= t + 5; k++)
		if (in_list(c, k, his_her, 1))
			return 1;
	return 0;
}

/* An airline named before by a word and its carrier head ("Continental
 * Airlines", "Eastern Air Lines") is named after it by that word alone
 * where the word stands as a name: before a verb, a modal, a
 * possessive or a stop, no capitalised word beside it ("Continental
 * would keep", "president of Eastern,", "Eastern's chairman"; not
 * "Eastern Europe", "the Eastern seaboard", "American officials"). */
static const char *const carrier_heads[] = {"Airlines", "Airways", NULL};

static int carrier_short_forms(td_actx *c, unsigned char *in)
{
	int rc = 0;
	for (size_t k = 0; k < c->n_ments && rc >= 0; k++) {
		const td_mention *m = &c->ments[k];
		size_t h = m->t0 + 1;
		if (!org_name(m) || !td_tok_is_cap(c, m->t0))
			continue;
		if (td_tok_eq(c, h, "Air", 0) && h + 1 < m->t1 &&
		        td_tok_eq(c, h + 1, "Lines", 0))
			h++;
		if (h + 1 != m->t1 || (!in_list(c, h, carrier_heads, 0) &&
		                              !td_tok_eq(c, h, "Lines", 0)))
			continue;
		const char *key = m->key;
		size_t w = m->t0, from = m->t1;
		for (size_t si = 0; si < c->n_sents && rc >= 0; si++) {
			size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
			for (size_t t = t0 > from ? t0 : from; t < t1; t++) {
				if (in[t] || !same_token(c, t, w) ||
				        (t > t0 && td_tok_is_cap(c, t - 1) &&
				                td_tok_is_word(c, t - 1)) ||
				        t + 1 >= t1)
					continue;
				size_t n = t + 1;
				if (!(td_tok_eq(c, n, "'s", 1) ||
				            td_tok_eq(c, n, ",", 0) ||
				            td_tok_eq(c, n, ".", 0) ||
				            (td_tok_is_lower(c, n) &&
				                    (td_tok_pos_is(
				                             c, n, "VB*") ||
				                            td_tok_pos_is(c, n,
				                                    "MD")))))
					continue;
				rc = emit(c, t, t + 1, key, "org", key, 0, 0,
				        NULL);
				in[t] = 1;
			}
		}
	}
	return rc;
}

/* A nickname of fiction, "the" + a capitalised word ("the Kid"): a person
 * where two uses of it act with "his"/"her", at every bare use then; a
 * longer form after "the" ("the papers called the Durango Kid") is its
 * full name and gives the key. */
static int the_nicknames(td_actx *c, unsigned char *in)
{
	size_t acts[8], na = 0;
	for (size_t si = 0; si < c->n_sents && na < 8; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		for (size_t t = t0 + 1; t < t1 && na < 8; t++) {
			/* the cheap tests first, inline: a capital after a
			 * three-letter word */
			unsigned char b = first_byte(c, t);
			if (b < 'A' || b > 'Z' ||
			        c->tok.v[t - 1].end - c->tok.v[t - 1].start !=
			                3)
				continue;
			if (the_nick_at(c, in, t, t0, t1) &&
			        the_nick_acts(c, t, t1))
				acts[na++] = t;
		}
	}
	int rc = 0;
	for (size_t x = 0; x < na && rc >= 0; x++) {
		size_t t = acts[x], uses = 0;
		if (in[t])
			continue;
		for (size_t y = 0; y < na; y++)
			uses += same_token(c, acts[y], t);
		if (uses < 2)
			continue;
		/* its full form: "the Y X", Y capitalised, no rule's */
		size_t fs = 0;
		for (size_t si = 0; si < c->n_sents && !fs; si++) {
			size_t u0 = c->sents[si].t0, u1 = c->sents[si].t1;
			for (size_t u = u0 + 2; u < u1 && !fs; u++)
				if (same_token(c, u, t) && !in[u] &&
				        !in[u - 1] &&
				        td_tok_eq(c, u - 2, "the", 1) &&
				        td_tok_is_cap(c, u - 1) &&
				        td_tok_is_word(c, u - 1) &&
				        !in_list(c, u - 1, not_names, 0) &&
				        actor_match(c, u - 1, u1) < 0 &&
				        !(u + 1 < u1 &&
				                td_tok_is_cap(c, u + 1) &&
				                td_tok_is_word(c, u + 1)))
					fs = u - 1;
		}
		const td_dyn *d;
		if ((rc = add_dyn(c, fs ? fs : t, fs ? fs + 2 : t + 1, "person",
		             NULL, &d)) < 0)
			break;
		if (fs) {
			rc = emit(c, fs, fs + 2, d->key, "person", d->name, 0,
			        0, NULL);
			in[fs] = in[fs + 1] = 1;
		}
		for (size_t si = 0; si < c->n_sents && rc >= 0; si++) {
			size_t u0 = c->sents[si].t0, u1 = c->sents[si].t1;
			for (size_t u = u0 + 1; u < u1 && rc >= 0; u++)
				if (same_token(c, u, t) &&
				        the_nick_at(c, in, u, u0, u1)) {
					rc = emit(c, u, u + 1, d->key, "person",
					        d->name, 0, 0, NULL);
					in[u] = 1;
				}
		}
	}
	return rc < 0 ? rc : 0;
}

static const td_mention *one_word_person(const td_actx *c, size_t t)
{
	const td_mention *p = NULL;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun)
			continue;
		int holds = 0;
		for (size_t w = m->t0; w < m->t1 && !holds; w++)
			holds = same_token(c, w, t);
		if (!holds)
			continue;
		if (m->t1 - m->t0 != 1 || !m->key ||
		        strcmp(m->kind, "person") ||
		        (p && strcmp(p->key, m->key)))
			return NULL;
		p = m;
	}
	return p;
}

/* A verb of saying or of the manner of saying at i ("said", "cried",
 * "whispered"). */
static int tag_verb_at(const td_actx *c, size_t i, size_t lim)
{
	long m = td_speech_match(c, i, lim);
	return m >= 0 && (c->a->speech_pats.v[m].type == TD_SV_SPEECH ||
	                         c->a->speech_pats.v[m].type == TD_SV_TAG);
}

/* A closing quote mark at k: a mark right after a quotation's words. */
static int closing_mark(const td_actx *c, size_t k, size_t t0)
{
	return k > t0 && in_list(c, k, quote_marks, 0) &&
	       !td_actx_in_quote(c, c->tok.v[k].start, c->tok.v[k].end) &&
	       td_actx_in_quote(c, c->tok.v[k - 1].start, c->tok.v[k - 1].end);
}

/* An opening quote mark within two tokens after k (a comma or colon
 * between: "Stubb said, \"..."). */
static int quote_opens_after(const td_actx *c, size_t k, size_t t1)
{
	for (size_t j = k; j < t1 && j < k + 3; j++)
		if (td_actx_in_quote(c, c->tok.v[j].start, c->tok.v[j].end))
			return j > k;
	return 0;
}

/* A tag's subject opening a sentence of its own after a quotation that
 * ends in "?" or "!" ("\"He tell you?\" Varney asked."): the sentence
 * splitter cut the tag from its quotation. */
static int asked_across(const td_actx *c, size_t t, size_t t0)
{
	return t == t0 && t >= 2 && closing_mark(c, t - 1, 0) &&
	       (td_tok_eq(c, t - 2, "?", 0) || td_tok_eq(c, t - 2, "!", 0));
}

/* A person's other uses: every token equal to the one at t that take
 * accepts (take(c, in, u, u0, u1), u in the sentence [u0, u1)) becomes a
 * mention keyed key, named name, with state (NULL or the state named
 * before a title). */
typedef int (*spread_take)(const td_actx *c, const unsigned char *in, size_t u,
        size_t u0, size_t u1);

static int spread_person(td_actx *c, unsigned char *in, size_t t,
        const char *key, const char *name, const char *state, spread_take take)
{
	int rc = 0;
	for (size_t u = SIZE_MAX, si = 0; rc >= 0 && next_use(c, t, &u, &si);) {
		size_t u0 = c->sents[si].t0, u1 = c->sents[si].t1;
		if (u != t && same_token(c, u, t) && take(c, in, u, u0, u1)) {
			rc = emit(
			        c, u, u + 1, key, "person", name, 0, 0, state);
			in[u] = 1;
		}
	}
	return rc;
}

/* The other uses of a tag's one-word speaker (spread_person): bare proper
 * nouns equal to it, and at a sentence's start, where the tagger often
 * reads a name it does not know as a common noun, a bare capital equal to
 * it that acts (person_acts: "Ahab stood by the rail"). */
static int speaker_use(const td_actx *c, const unsigned char *in, size_t u,
        size_t u0, size_t u1)
{
	return bare_proper(c, in, u, u0, u1) ||
	       (u == u0 && bare_capital(c, in, u, u0, u1) &&
	               person_acts(c, u, u1));
}

static int person_appositive(const td_actx *c, size_t k, size_t t1);

/* The full name of a one-word speaker (token t): "Shorty Pruett was
 * already slicing bacon" before "said Shorty". A use of the word that no
 * rule took, with one more proper noun after it (name_neighbour) that no
 * rule took, no capitalised word before or after the pair; one such
 * pair in the document, or all alike ("Shorty Pruett" and "Shorty
 * Hale": two men, no full name). Sets *s to the pair's first token. */
static int speaker_full_name(
        const td_actx *c, const unsigned char *in, size_t t, size_t *s)
{
	int found = 0;
	for (size_t si = 0; si < c->n_sents; si++) {
		size_t u0 = c->sents[si].t0, u1 = c->sents[si].t1;
		for (size_t u = u0; u + 1 < u1; u++) {
			if (u == t || in[u] || in[u + 1] ||
			        !same_token(c, u, t) ||
			        !name_neighbour(c, u + 1, u1) ||
			        td_patset_match(&c->a->given_pats, c, u + 1,
			                u + 2) >= 0 ||
			        (u + 2 < u1 && td_tok_is_cap(c, u + 2) &&
			                td_tok_is_word(c, u + 2)) ||
			        (u > u0 && td_tok_is_cap(c, u - 1) &&
			                td_tok_is_word(c, u - 1)))
				continue;
			if (found && !same_token(c, *s + 1, u + 1))
				return 0;
			if (!found)
				*s = u;
			found = 1;
		}
	}
	if (found)
		return 1;
	/* or the word last, a capitalised word before it that no rule
	 * took, and a person noun in apposition ("Dutch Keller, the mate,"
	 * before "Keller asked") */
	for (size_t si = 0; si < c->n_sents; si++) {
		size_t u0 = c->sents[si].t0, u1 = c->sents[si].t1;
		for (size_t u = u0 + 1; u + 1 < u1; u++) {
			if (u == t || in[u] || in[u - 1] ||
			        !same_token(c, u, t) ||
			        !person_appositive(c, u + 1, u1) ||
			        !td_tok_is_cap(c, u - 1) ||
			        !td_tok_is_word(c, u - 1) ||
			        in_list(c, u - 1, not_names, 0) ||
			        in_list(c, u - 1, org_words, 0) ||
			        in_list(c, u - 1, org_heads, 0) ||
			        in_list(c, u - 1, place_heads, 0) ||
			        in_list(c, u - 1, dateline_months, 0) ||
			        td_patset_match(
			                &c->a->title_pats, c, u - 1, u) >= 0 ||
			        (u - 1 > u0 && td_tok_is_cap(c, u - 2) &&
			                td_tok_is_word(c, u - 2)))
				continue;
			if (found && !same_token(c, *s, u - 1))
				return 0;
			if (!found)
				*s = u - 1;
			found = 1;
		}
	}
	return found;
}

/* The speaker of a tag beside a quotation named by one word no list
 * holds ("\"...!\" cried Ahab", "\"...,\" Stubb said", "Stubb said,
 * \"...\""): a bare proper noun (bare_proper: tagged NNP, no capital
 * beside it, no lexicon, place or title entry, no month, weekday or
 * sentence opener) that is the subject right after a verb of saying
 * that follows a closing mark, or right before one that follows a
 * closing mark or opens a quotation, is a person keyed by the word, and
 * so is every bare use of it (emit_person_spread). Names inside
 * quotations are vocatives or objects, never a tag's subject. */
static int tag_speakers(td_actx *c, unsigned char *in, size_t t0, size_t t1)
{
	int rc = 0;
	for (size_t t = t0; t < t1 && rc >= 0; t++) {
		const char *w = td_tok_str(c, t);
		if (in[t] || w[0] < 'A' || w[0] > 'Z')
			continue;
		/* a dash may follow the closing mark ("\"No
		 * more\"—muttered Tamaroa") */
		int inverted =
		        t >= t0 + 2 && tag_verb_at(c, t - 1, t) &&
		        (closing_mark(c, t - 2, t0) ||
		                (t >= t0 + 3 &&
		                        (td_tok_eq(c, t - 2, "—", 0) ||
		                                td_tok_eq(c, t - 2, "–", 0)) &&
		                        closing_mark(c, t - 3, t0)));
		int subject = !inverted && t + 1 < t1 &&
		              tag_verb_at(c, t + 1, t1) &&
		              (closing_mark(c, t - 1, t0) ||
		                      quote_opens_after(c, t + 2, t1) ||
		                      asked_across(c, t, t0));
		if ((!inverted && !subject) ||
		        td_actx_in_quote(
		                c, c->tok.v[t].start, c->tok.v[t].end) ||
		        !bare_proper(c, in, t, t0, t1) ||
		        in_list(c, t, org_heads, 0) ||
		        in_list(c, t, place_heads, 0) ||
		        in_list(c, t, address_nouns, 0))
			continue;
		const char *key, *name;
		size_t fs = 0;
		if (!word_of_actor(c, t) && speaker_full_name(c, in, t, &fs)) {
			/* the full name gives the key; it is a mention too */
			const td_dyn *d;
			rc = add_dyn(c, fs, fs + 2, "person", NULL, &d);
			if (rc < 0)
				break;
			key = d->key;
			name = d->name;
			rc = emit(
			        c, fs, fs + 2, key, "person", name, 0, 0, NULL);
			in[fs] = in[fs + 1] = 1;
			if (rc < 0)
				break;
		} else if (!word_of_actor(c, t)) {
			const td_dyn *d;
			rc = add_dyn(c, t, t + 1, "person", NULL, &d);
			if (rc < 0)
				break;
			key = d->key;
			name = d->name;
		} else {
			/* named before by the word alone after a title
			 * ("Captain Ahab"): that person's key */
			const td_mention *p = one_word_person(c, t);
			if (!p)
				continue;
			key = name = p->key;
		}
		rc = emit(c, t, t + 1, key, "person", name, 0, 0, NULL);
		in[t] = 1;
		if (rc >= 0)
			rc = spread_person(
			        c, in, t, key, name, NULL, speaker_use);
	}
	return rc;
}

/* Is token t inside a person's mention that is no pronoun? */
static int person_at(const td_actx *c, size_t t)
{
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->t0 <= t && t < m->t1 && !m->pronoun && m->key &&
		        !strcmp(m->kind, "person"))
			return 1;
	}
	return 0;
}

/* A list of names of which one is a person's: the others are persons too
 * ("took Greg, Todman, Belton, Banjo Ferguson, and Walters", "From
 * Triandos, Brandt and Walker", once Greg or Walker is known). Members are
 * person mentions or bare proper nouns (bare_proper), one or two words,
 * apart by commas and a final "and"/"or"; three members at least, so that
 * "Smith and Texas" is no list of persons. */
static int name_lists(td_actx *c, unsigned char *in, size_t t0, size_t t1)
{
	int rc = 0;
	for (size_t t = t0; t < t1 && rc >= 0; t++) {
		/* the cheap tests first: a capital letter and a comma after
		 * the first member (of one to three words) */
		const char *w = td_tok_str(c, t);
		if (w[0] < 'A' || w[0] > 'Z' ||
		        !((t + 1 < t1 && td_tok_eq(c, t + 1, ",", 0)) ||
		                (t + 2 < t1 && td_tok_eq(c, t + 2, ",", 0)) ||
		                (t + 3 < t1 && td_tok_eq(c, t + 3, ",", 0))) ||
		        (t > t0 && name_token(c, t - 1)))
			continue;
		size_t ms[12], me[12], nm = 0, k = t;
		int persons = 0, bare = 0, closed = 0;
		while (k < t1 && nm < 12) {
			size_t e = k;
			if (in[k] && person_at(c, k)) {
				while (e < t1 && in[e] && person_at(c, e))
					e++;
				persons++;
			} else if (bare_proper(c, in, k, t0, t1)) {
				e = k + 1;
				bare++;
			} else if (k + 1 < t1 && !in[k] && !in[k + 1] &&
			           td_tok_pos_is(c, k, "NNP") &&
			           td_tok_pos_is(c, k + 1, "NNP") &&
			           free_name_word(c, k, t1) &&
			           free_name_word(c, k + 1, t1) &&
			           !in_list(c, k + 1, org_heads, 0) &&
			           !in_list(c, k + 1, place_heads, 0) &&
			           !(k + 2 < t1 && name_token(c, k + 2))) {
				e = k + 2; /* "Banjo Ferguson" */
				bare++;
			} else
				break;
			ms[nm] = k;
			me[nm++] = e;
			k = e;
			if (closed)
				break;
			if (k + 1 < t1 && td_tok_eq(c, k, ",", 0))
				k++;
			if (k + 1 < t1 && (td_tok_eq(c, k, "and", 0) ||
			                          td_tok_eq(c, k, "or", 0))) {
				k++;
				closed = 1;
			} else if (!td_tok_eq(c, k - 1, ",", 0))
				break;
		}
		if (!closed || nm < 3 || !persons || !bare ||
		        me[nm - 1] <= ms[nm - 1]) {
			continue;
		}
		for (size_t q = 0; q < nm && rc >= 0; q++)
			if (!in[ms[q]])
				rc = emit_person_spread(
				        c, in, ms[q], me[q] - ms[q]);
		t = me[nm - 1] - 1;
	}
	return rc;
}

static const char *const naming_objects[] = {"her", "him", NULL};

/* The person of whom the naming verb at v gives a second name: after an
 * object pronoun ("called her Peg"), the last person named before it
 * whose titles show no other gender; after a relative "whom" or "who"
 * that follows "NAME," in the sentence ("Albert Rhodes, whom the lower
 * deck called Dusty"), or after "NAME, known as" or "NAME, called",
 * that person. Not the second name itself at t, named before ("Peg
 * said. Everybody called her Peg"). NULL when none. */
static const td_mention *named_again(
        const td_actx *c, size_t t0, size_t v, size_t t)
{
	size_t p = v; /* the person's mention ends before p */
	if (td_tok_eq(c, v + 1, "her", 1) || td_tok_eq(c, v + 1, "him", 1)) {
		int g = td_tok_eq(c, v + 1, "her", 1) ? 'f' : 'm';
		const td_mention *best = NULL;
		for (size_t k = 0; k < c->n_ments; k++) {
			const td_mention *m = &c->ments[k];
			int mg;
			if (m->pronoun || !m->key ||
			        strcmp(m->kind, "person") || m->t1 > v ||
			        (best && best->t0 >= m->t0) ||
			        same_token(c, m->t0, t) ||
			        ((mg = key_gender(c, m->key)) && mg != g))
				continue;
			best = m;
		}
		return best;
	}
	/* "NAME, known as X", "NAME, called X" */
	if (td_tok_eq(c, v, "known", 0) && v > t0 + 1)
		p = v;
	else if (!td_tok_is_lower(c, v))
		return NULL;
	else {
		/* "NAME, whom ... called X": the relative in the sentence */
		size_t r = v;
		while (r > t0 && !td_tok_eq(c, r - 1, "whom", 0) &&
		        !td_tok_eq(c, r - 1, "who", 0) &&
		        !td_tok_eq(c, r - 1, ",", 0))
			r--;
		if (r > t0 && (td_tok_eq(c, r - 1, "whom", 0) ||
		                      td_tok_eq(c, r - 1, "who", 0)))
			p = r - 1;
	}
	if (p < t0 + 2 || !td_tok_eq(c, p - 1, ",", 0))
		return NULL;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (!m->pronoun && m->key && !strcmp(m->kind, "person") &&
		        m->t1 == p - 1)
			return m;
	}
	return NULL;
}

/* The person mention over token t alone keyed by that word itself
 * ("Peg" as peg: a character named by one word), as an index into
 * c->ments, or -1. */
static long self_keyed(const td_actx *c, size_t t)
{
	const char *w = td_tok_str(c, t);
	size_t n = td_tok_len(c, t);
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->t0 != t || m->t1 != t + 1 || m->pronoun || !m->key ||
		        strcmp(m->kind, "person") || strlen(m->key) != n)
			continue;
		size_t i = 0;
		while (i < n &&
		        (unsigned char)m->key[i] ==
		                (w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]))
			i++;
		if (i == n)
			return (long)k;
	}
	return -1;
}

/* The other uses of a second name (spread_person): bare capitalised
 * words equal to it (bare_capital), at the start of a sentence only as
 * the subject of a verb or a possessor ("Dusty went", not "Dusty
 * roads"). */
static int second_use(const td_actx *c, const unsigned char *in, size_t u,
        size_t u0, size_t u1)
{
	return bare_capital(c, in, u, u0, u1) &&
	       (u > u0 || person_acts(c, u, u1));
}

/* Every element whose @ref is #old points to #key instead. */
static int retarget_refs(td_doc *d, const char *old, const char *key)
{
	char ref_old[300], ref[300];
	snprintf(ref_old, sizeof ref_old, "#%s", old);
	snprintf(ref, sizeof ref, "#%s", key);
	for (size_t i = 0; i < d->n_spans; i++) {
		const char *r = td_span_attr(&d->spans[i], "ref");
		int rc;
		if (r && !strcmp(r, ref_old) &&
		        (rc = td_span_set_attr(d, i, "ref", ref)) < 0)
			return rc;
	}
	return 0;
}

/* Every mention and element keyed old takes the key key (a person named
 * by one word turns out to be one named in full): the mentions, the
 * elements' @ref, and the header's list loses old. */
static int rekey(
        td_actx *c, const char *old, const char *key, const char *state)
{
	td_doc *d = c->doc;
	int rc = retarget_refs(d, old, key);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < d->n_actors; i++)
		if (!strcmp(d->actors[i].key, old)) {
			free(d->actors[i].key);
			free(d->actors[i].kind);
			free(d->actors[i].name);
			memmove(d->actors + i, d->actors + i + 1,
			        (d->n_actors - i - 1) * sizeof *d->actors);
			d->n_actors--;
			break;
		}
	for (size_t k = 0; k < c->n_ments; k++)
		if (c->ments[k].key && c->ments[k].key != key &&
		        !strcmp(c->ments[k].key, old)) {
			c->ments[k].key = key;
			c->ments[k].state = state;
		}
	return 0;
}

/* A second name given by a verb of naming (named_again) is that
 * person's wherever it stands bare in the document: "Everybody on the
 * street called her Peg" after "Margaret Dowling's marriage" makes every
 * bare "Peg" margaret-dowling. Runs before the rules that key a bare
 * given name by itself. */
static int second_names(td_actx *c, unsigned char *in, size_t t0, size_t t1)
{
	int rc = 0;
	for (size_t t = t0 + 2; t < t1 && rc >= 0; t++) {
		const char *w = td_tok_str(c, t);
		if (w[0] < 'A' || w[0] > 'Z')
			continue;
		long self = -1;
		if (in[t] && (self = self_keyed(c, t)) < 0)
			continue;
		if (self < 0 && !bare_capital(c, in, t, t0, t1))
			continue;
		/* the verb: right before ("whom ... called Dusty"), before
		 * its pronoun object ("called her Peg"), or "known as" */
		size_t v;
		if (in_list(c, t - 1, naming_objects, 1) &&
		        in_list(c, t - 2, naming_verbs, 1))
			v = t - 2;
		else if (in_list(c, t - 1, naming_verbs, 1))
			v = t - 1;
		else if (td_tok_eq(c, t - 1, "as", 0) &&
		         td_tok_eq(c, t - 2, "known", 0))
			v = t - 2;
		else
			continue;
		if (td_tok_eq(c, v, "named", 0) &&
		        !in_list(c, v + 1, naming_objects, 1))
			continue; /* "a man named Ortega": a person of his own
			           */
		const td_mention *m = named_again(c, t0, v, t);
		if (!m)
			continue;
		const char *key = m->key, *state = m->state;
		if (self >= 0) {
			/* named by the word alone before: that key is this
			 * person's everywhere */
			if ((rc = rekey(c, c->ments[self].key, key, state)) >=
			        0)
				rc = spread_person(
				        c, in, t, key, key, state, second_use);
			continue;
		}
		rc = emit(c, t, t + 1, key, "person", key, 0, 0, state);
		in[t] = 1;
		if (rc >= 0)
			rc = spread_person(
			        c, in, t, key, key, state, second_use);
	}
	return rc;
}

/* ---------------------------------------------- surnames by person evidence */

/* The class of person_words.tsv of token k ('v' a verb of human bodies
 * and minds, 'n' a noun for a person, 'x' a capitalised word that goes
 * with them and names no actor: "God", "Death"), 0 when it has none. */
static int person_word(const td_actx *c, size_t k, size_t lim)
{
	if (k >= lim)
		return 0;
	long m = td_patset_match(&c->a->person_pats, c, k, k + 1);
	return m >= 0 ? c->a->person_pats.v[m].type : 0;
}

static const char *const reflexives[] = {"himself", "herself", NULL};
static const char *const indefinites[] = {"a", "an", NULL};
static const char *const link_verbs[] = {"is", "was", "has", "had", "seems",
        "seemed", "becomes", "became", "remains", "remained", NULL};
static const char *const naming_participles[] = {"called", "named", NULL};

/* A noun for a person (person_words.tsv) at the head of an appositive
 * after the comma at k: a determiner, up to three modifiers, the noun,
 * and no noun after it ("Gosnell, a sociologist at Chicago", "Duval, the
 * older prisoner"; not "Ford, a man's car"). */
static int person_appositive(const td_actx *c, size_t k, size_t t1)
{
	if (k + 2 >= t1 || !td_tok_eq(c, k, ",", 0) ||
	        !in_list(c, k + 1, appos_dets, 1))
		return 0;
	for (size_t j = k + 2; j < t1 && j <= k + 5; j++) {
		if (!td_tok_is_word(c, j) || td_tok_eq(c, j, "'s", 1))
			return 0;
		if (person_word(c, j, t1) == 'n')
			return !(j + 1 < t1 && td_tok_pos_is(c, j + 1, "NN*"));
	}
	return 0;
}

/* Evidence at token t, a bare name of the sentence [t0, t1), that it
 * names a person: the subject of a verb of bodies and minds right after
 * it, an adverb perhaps between ("Kessel shrugged", "Duval slowly
 * smiled"), or of a verb of action governing "his", "her" or a
 * reflexive within three words ("Duval lifted his head"); a reflexive
 * after it ("Haskins himself spent"); a relative "who" ("Sabin, who had
 * been asleep"); an appositive with a person noun; a person noun and
 * "called"/"named" before it ("a heavy man called Duval"). Being the
 * subject of a verb of saying is none: firms and places say too. */
static int person_evidence(const td_actx *c, size_t t, size_t t0, size_t t1)
{
	if (t + 1 < t1 && (in_list(c, t + 1, reflexives, 0) ||
	                          person_appositive(c, t + 1, t1) ||
	                          (td_tok_eq(c, t + 1, ",", 0) && t + 2 < t1 &&
	                                  td_tok_eq(c, t + 2, "who", 0))))
		return 1;
	if (t >= t0 + 2 && in_list(c, t - 1, naming_participles, 0) &&
	        person_word(c, t - 2, t1) == 'n')
		return 1;
	if (!subject_of_verb(c, t, t1))
		return 0;
	size_t v = t + 1;
	if (!td_tok_pos_is(c, v, "VB*") && !td_tok_pos_is(c, v, "MD"))
		v++; /* the adverb subject_of_verb let stand between */
	if (person_word(c, v, t1) == 'v')
		return 1;
	/* a verb of action: not a copula or "had" ("Balenciaga is her
	 * favorite designer": her own) */
	if ((!td_tok_pos_is(c, v, "VBD") && !td_tok_pos_is(c, v, "VBZ")) ||
	        in_list(c, v, link_verbs, 1))
		return 0;
	for (size_t k = v + 1; k < t1 && k <= v + 3; k++) {
		if (!td_tok_is_word(c, k))
			return 0; /* a clause's end, a comma */
		if (in_list(c, k, his_her, 0) || in_list(c, k, reflexives, 0))
			return 1;
	}
	return 0;
}

/* Does the document use the word at t as no person's name is used: after
 * a determiner ("a", "an" and an adjective too), or before a noun it
 * modifies (not_personal: "the Pequod lay", "a modest Methodist", "Hope
 * chest"), in lowercase, a common word ("hope"), or inside a
 * longer proper name, whose key is another's ("Dutch Keller")? */
static int word_not_personal(const td_actx *c, size_t t)
{
	size_t n = td_tok_len(c, t);
	for (size_t u = SIZE_MAX, sj = 0; next_use(c, t, &u, &sj);) {
		size_t u0 = c->sents[sj].t0, u1 = c->sents[sj].t1;
		if (td_tok_len(c, u) != n ||
		        td_fold_tab[first_byte(c, u)] !=
		                td_fold_tab[first_byte(c, t)] ||
		        strncasecmp(td_tok_str(c, u), td_tok_str(c, t), n))
			continue;
		if (td_tok_is_lower(c, u) || not_personal(c, u, u0, u1) ||
		        (u >= u0 + 2 && in_list(c, u - 2, indefinites, 1) &&
		                td_tok_is_lower(c, u - 1) &&
		                td_tok_pos_is(c, u - 1, "JJ*")))
			return 1;
		/* a word of a longer proper name ("Dutch Keller",
		 * "M. Joseph Dwyer"): the word before is no title,
		 * nor an opener that is no noun or adjective ("Then
		 * Duval") */
		if ((u > u0 && td_tok_is_cap(c, u - 1) &&
		            !(u - 1 == u0 && !td_tok_pos_is(c, u0, "NN*") &&
		                    !td_tok_pos_is(c, u0, "JJ*")) &&
		            td_patset_match(&c->a->title_pats, c, u - 1, u) <
		                    0) ||
		        (u + 1 < u1 && td_tok_is_cap(c, u + 1) &&
		                td_tok_is_word(c, u + 1)))
			return 1;
	}
	return 0;
}

/* ---------------------------------------------- scholars of learned prose */

/* Verbs with which learned prose reports a scholar's argument or finding
 * ("Merton argued that", "Banfield has suggested that"). */
static const char *const argument_verbs[] = {"argued", "argues", "suggested",
        "suggests", "maintained", "maintains", "contended", "contends", "found",
        "finds", "showed", "shown", "shows", "observed", "observes",
        "concluded", "concludes", "held", "holds", "noted", "notes", "reported",
        "reports", "wrote", "writes", "asserted", "asserts", "insisted",
        "insists", NULL};
static const char *const perfect_aux[] = {"has", "had", "have", NULL};
/* What a scholar's possessive goes before ("Thurlow's study"). */
static const char *const scholar_works[] = {"study", "studies", "analysis",
        "view", "views", "work", "theory", "findings", "argument", "thesis",
        "account", "survey", "hypothesis", "estimates", NULL};

/* The word at t is the subject of a verb of argument or finding, an
 * adverb or "has"/"had" perhaps between ("Dorrance contended", "as Weber
 * observed", "Banfield has suggested", "Merton also found"). */
static int arguing_subject(const td_actx *c, size_t t, size_t t1)
{
	size_t v = t + 1;
	if (v + 1 < t1 && td_tok_is_lower(c, v) && td_tok_pos_is(c, v, "RB"))
		v++;
	if (v + 1 < t1 && in_list(c, v, perfect_aux, 0))
		v++;
	return v < t1 && in_list(c, v, argument_verbs, 0);
}

/* Does the document cite as learned prose does: a citation habit (a
 * year in brackets, "writing in 1937", "et al.", "op. cit.", "ibid.")
 * and two bare capitalised words or more, each the subject of a verb of
 * argument or finding? A press report's firms argue and find ("Chrysler
 * argued", "Lockheed contended") but cite no one so. */
static int learned_document(const td_actx *c)
{
	size_t habits = 0, arguing = 0;
	for (size_t si = 0; si < c->n_sents; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		for (size_t k = t0; k < t1; k++) {
			if ((td_tok_eq(c, k, "(", 0) && k + 1 < t1 &&
			            cite_year(c, k + 1)) ||
			        (td_tok_eq(c, k, "writing", 0) && k + 2 < t1 &&
			                td_tok_eq(c, k + 1, "in", 0) &&
			                cite_year(c, k + 2)) ||
			        et_al(c, k, t1) || td_tok_eq(c, k, "ibid", 1) ||
			        (td_tok_eq(c, k, "cit", 0) && k >= t0 + 2 &&
			                td_tok_eq(c, k - 2, "op", 1)))
				habits++;
			else if (td_tok_is_cap(c, k) &&
			         td_tok_pos_is(c, k, "NNP") &&
			         arguing_subject(c, k, t1))
				arguing++;
		}
	}
	return habits && arguing >= 2;
}

/* Evidence at token t, a bare name, in a learned document: the subject
 * of a verb of argument or finding (arguing_subject), after "according
 * to", a possessive before a scholar's work ("Thurlow's study"), or ",
 * writing in YEAR" after it. */
static int scholar_evidence(const td_actx *c, size_t t, size_t t0, size_t t1)
{
	return arguing_subject(c, t, t1) ||
	       (t >= t0 + 2 && td_tok_eq(c, t - 1, "to", 0) &&
	               td_tok_eq(c, t - 2, "according", 1)) ||
	       (t + 2 < t1 && td_tok_eq(c, t + 1, "'s", 1) &&
	               in_list(c, t + 2, scholar_works, 0)) ||
	       (t + 4 < t1 && td_tok_eq(c, t + 1, ",", 0) &&
	               td_tok_eq(c, t + 2, "writing", 0) &&
	               td_tok_eq(c, t + 3, "in", 0) && cite_year(c, t + 4));
}

/* Does a person's mention open with a longer word that token t begins
 * ("Jack" of "Jackie Jensen")? A given name alone may then be that
 * person's short form, whose key no rule here gives it. */
static int short_of_named(const td_actx *c, size_t t)
{
	size_t n = td_tok_len(c, t);
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (!m->pronoun && m->key && !strcmp(m->kind, "person") &&
		        td_tok_len(c, m->t0) > n &&
		        !memcmp(td_tok_str(c, m->t0), td_tok_str(c, t), n))
			return 1;
	}
	return 0;
}

/* Persons the text names by a bare surname that no lexicon holds and no
 * title or given name precedes ("a heavy man called Duval", "Gosnell,
 * writing in 1937"): a bare proper noun (bare_proper) with evidence only
 * persons have at one of its uses (person_evidence) is a person keyed by
 * the word, and so are its other uses (spread_person, speaker_use).
 * Not a given name (acting_names decides those), the head of a body's or
 * a place's name, a month, a word any mention holds, nor a word the
 * document uses as no name of a person (word_not_personal). In a document
 * that cites as learned prose does (learned_document) a scholar's
 * evidence counts too (scholar_evidence: "Thurlow argued that",
 * "According to Gosnell", "Thurlow's study"). */
static int evidenced_names(td_actx *c, unsigned char *in)
{
	int rc = 0, learned = learned_document(c);
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		for (size_t t = t0; t < t1 && rc >= 0; t++) {
			/* the cheap tests first: a capital, then the evidence,
			 * then the lexicons */
			unsigned char b = first_byte(c, t);
			if (b < 'A' || b > 'Z' || in[t] ||
			        !(person_evidence(c, t, t0, t1) ||
			                (learned && scholar_evidence(
			                                    c, t, t0, t1))) ||
			        !bare_proper(c, in, t, t0, t1) ||
			        (td_patset_match(
			                 &c->a->given_pats, c, t, t + 1) >= 0 &&
			                (!person_evidence(c, t, t0, t1) ||
			                        short_of_named(c, t))) ||
			        in_list(c, t, org_heads, 0) ||
			        in_list(c, t, place_heads, 0) ||
			        in_list(c, t, dateline_months, 0) ||
			        person_word(c, t, t1) == 'x' ||
			        word_of_actor(c, t) || word_not_personal(c, t))
				continue;
			const td_dyn *d;
			if ((rc = add_dyn(c, t, t + 1, "person", NULL, &d)) < 0)
				break;
			rc = emit(c, t, t + 1, d->key, "person", d->name, 0, 0,
			        NULL);
			in[t] = 1;
			if (rc >= 0)
				rc = spread_person(c, in, t, d->key, d->name,
				        NULL, speaker_use);
		}
	}
	return rc < 0 ? rc : 0;
}

/* ---------------------------------------------- kin named by a given name */

/* Nouns of kinship that a given name stands in apposition to ("his wife,
 * Edna", "her brother Vernon"). */
static const char *const kin_nouns[] = {"wife", "husband", "son", "daughter",
        "brother", "sister", "mother", "father", "widow", "widower", "fiancee",
        "fiance", "bride", "nephew", "niece", "cousin", "uncle", "aunt",
        "grandson", "granddaughter", "stepson", "stepdaughter", NULL};
static const char *const possessive_dets[] = {
        "his", "her", "their", "my", "your", "our", NULL};

/* Is token n a kinship noun (kin_nouns) whose possessor goes before it:
 * a possessive determiner or a name's "'s", up to two lowercase or
 * numeric modifiers between ("his 36-year-old wife", "Robinson's pretty
 * wife"), or "and" right before it ("Peter Kroger, bookseller, and
 * wife, Joyce")? */
static int kin_with_possessor(const td_actx *c, size_t n, size_t t0)
{
	if (!in_list(c, n, kin_nouns, 0))
		return 0;
	if (n > t0 && td_tok_eq(c, n - 1, "and", 0))
		return 1;
	for (size_t k = n; k > t0 && k + 3 > n; k--) {
		size_t p = k - 1;
		if (in_list(c, p, possessive_dets, 1) ||
		        td_tok_eq(c, p, "'s", 1))
			return 1;
		unsigned char b = first_byte(c, p);
		if (!(td_tok_is_lower(c, p) || (b >= '0' && b <= '9')) ||
		        !td_tok_is_word(c, p))
			return 0;
	}
	return 0;
}

/* A given name (given_names.tsv) alone in apposition to a kinship noun
 * with its possessor ("His wife, Edna, carried", "Ostrander's wife,
 * Louise", "her brother Vernon"): a person of the document keyed by the
 * name, and so are its other bare uses (emit_person_spread). A comma
 * may stand between; the name has no capitalised word after it ("his
 * wife, Mary Smith" is a full name, found by given_run). A name that a
 * lexicon gave to a famous person by that word alone ("Clay" of Lucius
 * D. Clay) is this person's wherever it stands (rekey), unless the
 * document names the famous one in full. */
static int kin_names(td_actx *c, unsigned char *in, size_t t0, size_t t1)
{
	int rc = 0;
	for (size_t t = t0 + 2; t < t1 && rc >= 0; t++) {
		unsigned char b = first_byte(c, t);
		if (b < 'A' || b > 'Z')
			continue;
		size_t n = td_tok_eq(c, t - 1, ",", 0) ? t - 2 : t - 1;
		if (n <= t0 || !kin_with_possessor(c, n, t0) ||
		        td_patset_match(&c->a->given_pats, c, t, t + 1) < 0 ||
		        (t + 1 < t1 && td_tok_is_cap(c, t + 1) &&
		                td_tok_is_word(c, t + 1)))
			continue;
		if (!in[t]) {
			if (bare_capital(c, in, t, t0, t1))
				rc = emit_person_spread(c, in, t, 1);
			continue;
		}
		/* a lexicon's one-word person over t, its key held by no
		 * longer mention */
		const td_mention *m = NULL;
		for (size_t k = 0; k < c->n_ments && !m; k++)
			if (c->ments[k].t0 == t && c->ments[k].t1 == t + 1 &&
			        !c->ments[k].pronoun && c->ments[k].key &&
			        !strcmp(c->ments[k].kind, "person"))
				m = &c->ments[k];
		if (!m || self_keyed(c, t) >= 0)
			continue;
		const char *old = m->key;
		int longer = 0;
		for (size_t k = 0; k < c->n_ments && !longer; k++)
			longer = c->ments[k].key &&
			         !strcmp(c->ments[k].key, old) &&
			         c->ments[k].t1 - c->ments[k].t0 > 1;
		if (longer)
			continue;
		const td_dyn *d;
		if ((rc = add_dyn(c, t, t + 1, "person", NULL, &d)) >= 0 &&
		        (rc = rekey(c, old, d->key, NULL)) >= 0)
			rc = td_doc_add_actor(c->doc, d->key, d->kind, d->name);
	}
	return rc;
}

/* The person of the latest mention before token t, in its sentence or
 * the one before: whom a nickname given at t names; NULL when none. */
static const td_mention *person_before(const td_actx *c, size_t t, size_t si)
{
	size_t lo = c->sents[si > 0 ? si - 1 : si].t0;
	const td_mention *best = NULL;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || strcmp(m->kind, "person") ||
		        m->t0 < lo || m->t1 > t || (best && best->t0 > m->t0))
			continue;
		best = m;
	}
	return best;
}

/* A nickname the text gives a person it has named ("Corporal Haney came
 * crawling up. He was a big boy from Lubbock whom everybody called Tex",
 * "Raines said nothing. He had been Tex to the Colonel"): a bare capital
 * right after "been", or after a verb of naming that "whom" or an object
 * pronoun leads to ("whom everybody called", "called him"), is the latest
 * person named before it in its sentence or the one before, and so are
 * the word's other bare uses ("Tex, get back to your gun"). Not after a
 * verb of naming alone ("a man named Smith": a new person, keyed by the
 * word elsewhere). */
static int nickname_aliases(td_actx *c, unsigned char *in)
{
	int rc = 0;
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		for (size_t t = t0 + 2; t < t1 && rc >= 0; t++) {
			unsigned char b = first_byte(c, t);
			if (b < 'A' || b > 'Z' || in[t])
				continue;
			int given = td_tok_eq(c, t - 1, "been", 0);
			if (!given && in_list(c, t - 1, object_pronouns, 0) &&
			        in_list(c, t - 2, naming_verbs, 0))
				given = 1;
			for (size_t k = t - 1; !given && k > t0 && t - k <= 3;
			        k--)
				given = in_list(c, t - 1, naming_verbs, 0) &&
				        td_tok_eq(c, k - 1, "whom", 0);
			if (!given || in_list(c, t, address_nouns, 0) ||
			        !bare_capital(c, in, t, t0, t1) ||
			        in_list(c, t, dateline_months, 0))
				continue;
			const td_mention *m = person_before(c, t, si);
			if (!m)
				continue;
			const char *key = m->key;
			if ((rc = emit(c, t, t + 1, key, "person", NULL, 0, 0,
			             NULL)) < 0)
				break;
			in[t] = 1;
			rc = spread_word(c, in, t, key, NULL, NULL, 0);
		}
	}
	return rc < 0 ? rc : 0;
}

/* A demonym of the lexicon ("Dutch") that opens a sentence as the
 * bare subject of a past-tense verb ("Dutch came up slowly", "Dutch
 * looked at the floor"), where a nationality is no subject, is a
 * character's nickname when the document gives it once before one
 * surname no list holds ("\"Dutch Vogel, Your Honor.\""): the pair is
 * the person, and the word's bare uses that no noun or capital follows
 * and no determiner precedes are that person ("take Dutch with you").
 * Two different surnames after the word leave it. */
static int lexicon_word_nicknames(td_actx *c, unsigned char *in)
{
	int rc = 0;
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++) {
		size_t t = c->sents[si].t0, t1 = c->sents[si].t1;
		unsigned char b = first_byte(c, t);
		long am;
		if (b < 'A' || b > 'Z' || in[t] || t + 1 >= t1 ||
		        !td_tok_pos_is(c, t + 1, "VBD") ||
		        !td_tok_is_lower(c, t + 1) ||
		        (am = actor_match(c, t, t1)) < 0 ||
		        c->a->actor_pats.v[am].n != 1 ||
		        c->a->actor_pats.v[am].type != TD_PAT_DEMONYM)
			continue;
		size_t s = SIZE_MAX;
		int two = 0;
		for (size_t sj = 0; sj < c->n_sents && !two; sj++) {
			size_t u0 = c->sents[sj].t0, u1 = c->sents[sj].t1;
			for (size_t u = u0; u + 1 < u1; u++) {
				if (in[u] || in[u + 1] ||
				        !same_token(c, u, t) ||
				        !name_neighbour(c, u + 1, u1) ||
				        td_patset_match(&c->a->given_pats, c,
				                u + 1, u + 2) >= 0 ||
				        (u + 2 < u1 &&
				                td_tok_is_cap(c, u + 2) &&
				                td_tok_is_word(c, u + 2)) ||
				        (u > u0 && td_tok_is_cap(c, u - 1) &&
				                td_tok_is_word(c, u - 1)))
					continue;
				if (s != SIZE_MAX &&
				        !same_token(c, s + 1, u + 1))
					two = 1;
				else if (s == SIZE_MAX)
					s = u;
			}
		}
		if (two || s == SIZE_MAX)
			continue;
		const td_dyn *d;
		if ((rc = add_dyn(c, s, s + 2, "person", NULL, &d)) < 0 ||
		        (rc = emit(c, s, s + 2, d->key, "person", d->name, 0, 0,
		                 NULL)) < 0)
			break;
		in[s] = in[s + 1] = 1;
		for (size_t sj = 0; sj < c->n_sents && rc >= 0; sj++) {
			size_t u0 = c->sents[sj].t0, u1 = c->sents[sj].t1;
			for (size_t u = u0; u < u1 && rc >= 0; u++) {
				if (in[u] || !same_token(c, u, t) ||
				        not_personal(c, u, u0, u1) ||
				        (u + 1 < u1 &&
				                td_tok_is_cap(c, u + 1) &&
				                td_tok_is_word(c, u + 1)) ||
				        (u > u0 && td_tok_is_cap(c, u - 1) &&
				                td_tok_is_word(c, u - 1)))
					continue;
				rc = emit(c, u, u + 1, d->key, "person",
				        d->name, 0, 0, NULL);
				in[u] = 1;
			}
		}
	}
	return rc < 0 ? rc : 0;
}

/* The persons of fiction and learned prose named by one word (session
 * 11), in one pass over the marks of named_tokens, which each rule
 * updates: cited authors and vocatives, surnames after honorifics, given
 * names acting, lists. */
/* ---------------------------------------------- names by part of speech */

/* names.c's word test: a word of a name (name_token) that is no actor's,
 * title's, place's, organisation head's or month's word, no acronym in
 * capitals, and held by no mention (word_of_actor: other rules decided
 * on it) but a one-word person's keyed by itself (one_word_person: "Lafe
 * Tolbert" after a rule took "Tolbert's wife"; fullest_forms then keys
 * both by the longer). */
static int pos_name_word(
        const td_actx *c, void *ctx, size_t t, size_t s0, size_t s1)
{
	(void)ctx;
	(void)s0;
	const char *w = td_tok_str(c, t);
	return name_token(c, t) &&
	       !(td_tok_len(c, t) >= 2 && w[1] >= 'A' && w[1] <= 'Z') &&
	       actor_match(c, t, s1) < 0 &&
	       td_patset_match(&c->a->title_pats, c, t, s1) < 0 &&
	       td_patset_match(&c->a->place_pats, c, t, s1) < 0 &&
	       !in_list(c, t, org_heads, 0) && !in_list(c, t, place_heads, 0) &&
	       !in_list(c, t, dateline_months, 0) &&
	       !in_list(c, t, address_nouns, 0) &&
	       !in_list(c, t, street_words, 0) &&
	       !in_list(c, t, street_abbrevs, 0) &&
	       !in_list(c, t, body_ends, 0) && !in_list(c, t, thing_ends, 0) &&
	       !in_list(c, t, proper_heads, 0) &&
	       !in_list(c, t, school_heads, 0) &&
	       !in_list(c, t, venue_heads, 0) &&
	       !in_list(c, t, body_heads, 0) && person_word(c, t, s1) != 'x' &&
	       (!word_of_actor(c, t) || one_word_person(c, t)) &&
	       !short_of_named(c, t);
}

static int rename_key(
        td_actx *c, const char *old, const char *key, const char *name);

/* names.c's writer: the person keyed by the form [f0, f1) at [t0, t1).
 * A one-word person keyed by the form's last word ("Tolbert's wife"
 * before "Lafe Tolbert" was found) is that person: its key becomes the
 * form's. */
static int pos_name_take(
        td_actx *c, void *ctx, size_t t0, size_t t1, size_t f0, size_t f1)
{
	(void)ctx;
	const td_dyn *d;
	int rc = add_dyn(c, f0, f1, "person", NULL, &d);
	if (rc < 0)
		return rc;
	const td_mention *p;
	if (f1 - f0 >= 2 && t0 == f0 && (p = one_word_person(c, f1 - 1)) &&
	        strcmp(p->key, d->key) &&
	        (rc = rename_key(c, p->key, d->key, d->name)) < 0)
		return rc;
	return emit(c, t0, t1, d->key, "person", d->name, 0, 0, NULL);
}

/* Persons no rule above found, named by proper nouns and weighed by
 * their evidence (names.c). */
static int pos_names(td_actx *c, unsigned char *in)
{
	const td_names_ops ops = {pos_name_word, pos_name_take, NULL};
	return td_names_find(c, in, &ops);
}

static int one_word_names(td_actx *c)
{
	unsigned char *in = named_tokens(c);
	if (!in)
		return TD_ENOMEM;
	int rc = 0;
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++)
		rc = second_names(c, in, c->sents[si].t0, c->sents[si].t1);
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++)
		rc = kin_names(c, in, c->sents[si].t0, c->sents[si].t1);
	if (rc >= 0)
		rc = nickname_aliases(c, in);
	if (rc >= 0)
		rc = lexicon_word_nicknames(c, in);
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++) {
		rc = cited_authors(c, in, c->sents[si].t0, c->sents[si].t1);
		if (rc >= 0)
			rc = vocatives(c, in, c->sents[si].t0, c->sents[si].t1);
	}
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++)
		rc = tag_speakers(c, in, c->sents[si].t0, c->sents[si].t1);
	if (rc >= 0)
		rc = one_word_persons(c, in);
	if (rc >= 0)
		rc = acting_names(c, in);
	if (rc >= 0)
		rc = the_nicknames(c, in);
	if (rc >= 0)
		rc = evidenced_names(c, in);
	if (rc >= 0)
		rc = carrier_short_forms(c, in);
	for (size_t si = 0; si < c->n_sents && rc >= 0; si++)
		rc = name_lists(c, in, c->sents[si].t0, c->sents[si].t1);
	if (rc >= 0)
		rc = pos_names(c, in);
	free(in);
	return rc < 0 ? rc : 0;
}

/* "this country", "our country", "our government": the document's own
 * country, the country of the subdivisions it names ("California",
 * "North Carolina": the United States), as <rs type="state">; nothing
 * when it names none or those of two countries. The state it names
 * most often is not it: an American article on the Soviet Union names
 * the Soviet Union most. */
static const char *const own_dets[] = {"this", "our", NULL};
static const char *const own_nouns[] = {
        "country", "nation", "government", NULL};

static int own_country(td_actx *c)
{
	if (c->own_state <= 0)
		return 0;
	const td_actor_rec *ar = &c->a->actors[c->own_state - 1];
	const char *best = ar->key, *name = ar->name;
	for (size_t si = 0; si < c->n_sents; si++) {
		size_t t0 = c->sents[si].t0, t1 = c->sents[si].t1;
		for (size_t t = t0; t + 1 < t1; t++) {
			if (!in_list(c, t, own_dets, 1) ||
			        !in_list(c, t + 1, own_nouns, 0) ||
			        (t + 2 < t1 && td_tok_is_word(c, t + 2) &&
			                td_tok_is_lower(c, t + 2) &&
			                td_tok_pos_is(c, t + 2, "NN*")))
				continue;
			int rc = emit(
			        c, t, t + 2, best, "state", name, 1, 0, NULL);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

/* Words of the game: with one club named, they make a document about it. */
static const char *const game_words[] = {"baseball", "pitcher", "pitchers",
        "pitching", "inning", "innings", "pennant", "outfielder", "outfielders",
        "infielder", "infielders", "shortstop", "batting", "homer", "homers",
        "ballclub", "ballpark", "ballplayer", "ballplayers", "lefthander",
        "righthander", "southpaw", NULL};

/* The clubs the document names by full name or nickname, and whether it
 * is about the game: a club named by its full name, or a nickname and a
 * word of the game (not two nicknames alone: "the Cardinals" and "the
 * Angels" of a church). */
static void find_clubs(td_actx *c)
{
	const td_patset *ps = &c->a->actor_pats;
	int game = 0, full = 0;
	c->club_doc = 0;
	c->n_clubs = 0;
	for (size_t t = 0; t < c->tok.n && !game; t++)
		game = td_tok_is_lower(c, t) && in_list(c, t, game_words, 0);
	for (size_t t = 0; t < c->tok.n; t++) {
		/* without a word of the game only full names (two words or
		 * more) count: a capitalised word before a capitalised word */
		if (!td_tok_is_cap(c, t) ||
		        (!game &&
		                !(t + 1 < c->tok.n && td_tok_is_cap(c, t + 1))))
			continue;
		long m = td_patset_match(ps, c, t, c->tok.n);
		for (size_t k = (size_t)m; m >= 0 && k < ps->gend[m]; k++) {
			const td_pat *p = &ps->v[k];
			if (!(p->flags &
			            (TD_PATF_CLUB_FULL | TD_PATF_CLUB_NICK)) ||
			        !actor_valid(c, &c->a->actors[p->id]) ||
			        !pat_words_at(c, ps, p, t, c->tok.n))
				continue;
			if (p->flags & TD_PATF_CLUB_FULL)
				full = 1;
			if (!club_named(c, p->id) &&
			        c->n_clubs <
			                sizeof c->clubs / sizeof c->clubs[0])
				c->clubs[c->n_clubs++] = p->id;
			break;
		}
	}
	c->club_doc = full || (c->n_clubs && game);
}

/* A word of the type of a nickname: a proper noun no lexicon claims, no
 * function word, title, month or head of an organisation's or a place's
 * name. */
static int nickname_word(const td_actx *c, size_t k, size_t lim)
{
	return td_tok_is_word(c, k) && free_name_word(c, k, lim) &&
	       td_tok_pos_is(c, k, "NNP") && !in_list(c, k, not_names, 0) &&
	       !in_list(c, k, org_heads, 0) && !in_list(c, k, place_heads, 0) &&
	       !in_list(c, k, proper_heads, 0) &&
	       !in_list(c, k, dateline_months, 0);
}

/* "they also have Vinegar Bend Mizell ... Mizell has won both of his
 * starts": three proper nouns inside a sentence that no rule took
 * (nickname_word), whose last word stands alone elsewhere as the subject
 * of a verb, are a person's name given with a nickname; its lone uses
 * are its short forms (short_forms_anywhere runs after). */
static int nicknamed_person(td_actx *c, unsigned char *in, size_t t0, size_t t1)
{
	int rc = 0;
	for (size_t t = t0 + 1; t + 3 <= t1 && rc >= 0; t++) {
		/* the cheap tests first: three words with a capital
		 * letter, then three proper nouns by their tag */
		const char *w0 = td_tok_str(c, t), *w1 = td_tok_str(c, t + 1),
		           *w2 = td_tok_str(c, t + 2);
		if (w2[0] < 'A' || w2[0] > 'Z' || w1[0] < 'A' || w1[0] > 'Z' ||
		        w0[0] < 'A' || w0[0] > 'Z')
			continue;
		if (in[t] || in[t + 1] || in[t + 2] ||
		        !td_tok_pos_is(c, t + 2, "NNP") ||
		        !td_tok_pos_is(c, t + 1, "NNP") ||
		        !td_tok_pos_is(c, t, "NNP") || name_token(c, t - 1) ||
		        (t + 3 < t1 && name_token(c, t + 3)))
			continue;
		int ok = 1;
		for (size_t k = t; k < t + 3 && ok; k++)
			ok = nickname_word(c, k, t1);
		if (!ok)
			continue;
		int subject = 0;
		for (size_t sj = 0; sj < c->n_sents && !subject; sj++) {
			size_t u0 = c->sents[sj].t0, u1 = c->sents[sj].t1;
			for (size_t u = u0; u + 1 < u1 && !subject; u++)
				subject =
				        u != t + 2 && same_token(c, u, t + 2) &&
				        bare_proper(c, in, u, u0, u1) &&
				        td_tok_is_lower(c, u + 1) &&
				        (td_tok_pos_is(c, u + 1, "VB*") ||
				                td_tok_pos_is(
				                        c, u + 1, "MD")) &&
				        /* not the object of a preposition: "of
				           Mizell is" */
				        (u == u0 ||
				                !(td_tok_pos_is(
				                          c, u - 1, "IN") ||
				                        td_tok_pos_is(c, u - 1,
				                                "TO") ||
				                        td_tok_pos_is(c, u - 1,
				                                "DT")));
		}
		if (!subject)
			continue;
		const td_dyn *d;
		if ((rc = add_dyn(c, t, t + 3, "person", NULL, &d)) < 0 ||
		        (rc = emit(c, t, t + 3, d->key, "person", d->name, 0, 0,
		                 NULL)) < 0)
			break;
		memset(in + t, 1, 3);
		t += 2;
	}
	return rc;
}

/* Lowercase words a title of a work may hold between its capitalised
 * words ("Hail To The Chief", "Pride and Prejudice"). */
static const char *const title_minor[] = {"a", "an", "the", "and", "or", "of",
        "to", "in", "on", "at", "for", "with", "by", "from", "de", "la", "le",
        "von", "van", "'s", NULL};

/* Is the quotation [ta, tb) (tokens inside its marks) the title of a work
 * ("La Dolce Vita", "Goodbye, Mr. Chips", "Captain Brassbound's
 * Conversion"): two words or more, every word capitalised but the minor
 * ones (title_minor), no mark that ends a sentence but the point of an
 * abbreviated title ("Mr."), not a nickname inside a name (a name
 * word before the opening mark: Margaret "Peg" Dowling), not a line of
 * dialogue? */
static int work_title(const td_actx *c, size_t ta, size_t tb)
{
	size_t words = 0;
	if (ta >= tb || !td_tok_is_cap(c, ta) ||
	        (ta > 1 && name_token(c, ta - 2)))
		return 0;
	for (size_t k = ta; k < tb; k++) {
		if (td_tok_is_word(c, k)) {
			if (!td_tok_is_cap(c, k) &&
			        !in_list(c, k, title_minor, 0))
				return 0;
			words++;
		} else if (td_tok_eq(c, k, ".", 0)) {
			if (k == ta || td_patset_match(&c->a->title_pats, c,
			                       k - 1, k) < 0)
				return 0;
		} else if (!td_tok_eq(c, k, ",", 0) &&
		           !td_tok_eq(c, k, "-", 0) &&
		           !td_tok_eq(c, k, "'s", 1) &&
		           !td_tok_eq(c, k, ":", 0))
			return 0;
	}
	/* a line of dialogue: a comma closing it ("Mr. Cordell," she
	 * said), a verb of saying after its mark ("Jack Smith" said) */
	if (td_tok_eq(c, tb - 1, ",", 0))
		return 0;
	for (size_t k = tb; k < tb + 3 && k < c->tok.n; k++)
		if (is_speech_at(c, k, k + 1))
			return 0;
	return words >= 2;
}

/* Persons found inside the title of a work in quotation marks (work_title)
 * are none: their elements go, and so does every mention of a key that
 * the document names first inside such a title ("La Dolce Vita" ... "The
 * Dolce Vita get-together"), with its header entry. */
static int quoted_titles(td_actx *c)
{
	td_doc *d = c->doc;
	for (size_t q = 0; q < c->n_quotes; q++) {
		size_t s = c->quotes[q].start, e = c->quotes[q].end, ta = 0,
		       tb = c->tok.n;
		/* the first token starting at or after s: tokens are in text
		 * order, so a binary search, not a walk from the first */
		while (ta < tb) {
			size_t mid = ta + (tb - ta) / 2;
			if (c->tok.v[mid].start < s)
				ta = mid + 1;
			else
				tb = mid;
		}
		tb = ta;
		while (tb < c->tok.n && c->tok.v[tb].end <= e)
			tb++;
		if (!work_title(c, ta, tb))
			continue;
		for (size_t k = 0; k < c->n_ments; k++) {
			td_mention *m = &c->ments[k];
			if (m->pronoun || !m->key ||
			        strcmp(m->kind, "person") || m->t0 < ta ||
			        m->t1 > tb)
				continue;
			const char *key = m->key;
			int first = 1;
			for (size_t x = 0; x < c->n_ments && first; x++)
				if (c->ments[x].key &&
				        !strcmp(c->ments[x].key, key) &&
				        c->ments[x].t0 < ta)
					first = 0;
			char ref[300];
			snprintf(ref, sizeof ref, "#%s", key);
			for (size_t i = d->n_spans; i-- > 0;) {
				const td_span *sp = &d->spans[i];
				const char *r = td_span_attr(sp, "ref");
				if (r && !strcmp(r, ref) &&
				        !strcmp(sp->name, "persName") &&
				        (first || (sp->start >= s &&
				                          sp->end <= e)))
					td_doc_drop_span(d, i);
			}
			if (first)
				for (size_t i = 0; i < d->n_actors; i++)
					if (!strcmp(d->actors[i].key, key)) {
						free(d->actors[i].key);
						free(d->actors[i].kind);
						free(d->actors[i].name);
						memmove(d->actors + i,
						        d->actors + i + 1,
						        (d->n_actors - i - 1) *
						                sizeof *d
						                        ->actors);
						d->n_actors--;
						break;
					}
			/* the mentions: drop them, keeping the order */
			size_t w = 0;
			for (size_t x = 0; x < c->n_ments; x++) {
				const td_mention *o = &c->ments[x];
				int drop =
				        o->key && !o->pronoun &&
				        !strcmp(o->key, ref + 1) &&
				        (first || (o->t0 >= ta && o->t1 <= tb));
				if (!drop)
					c->ments[w++] = *o;
			}
			c->n_ments = w;
			k = (size_t)-1; /* the array changed: again */
		}
	}
	return 0;
}

/* The name words of a person's form, for fullest_forms: words of
 * letters or digits, an initial's full stop dropped, "Jr"/"Sr" left out
 * (a suffix is no fuller name). At most 8. */
typedef struct name_words {
	const char *w[8];
	unsigned char n[8];
	int k;
} name_words;

static int suffix_word(const char *s, size_t n)
{
	for (size_t i = 0; suffixes[i]; i++)
		if (strlen(suffixes[i]) == n && !memcmp(suffixes[i], s, n))
			return 1;
	return 0;
}

static void name_word_add(name_words *nw, const char *s, size_t n)
{
	if (n && s[n - 1] == '.')
		n--;
	if (!n || n > 255 || nw->k == 8 || suffix_word(s, n))
		return;
	nw->w[nw->k] = s;
	nw->n[nw->k++] = (unsigned char)n;
}

/* The words of mention [t0, t1) ("George Herman (Babe) Ruth": four). */
static void span_words(const td_actx *c, size_t t0, size_t t1, name_words *nw)
{
	nw->k = 0;
	for (size_t t = t0; t < t1; t++)
		if (td_tok_is_word(c, t))
			name_word_add(nw, td_tok_str(c, t), td_tok_len(c, t));
}

/* The words of a name as the lexicon writes it ("Nikita Khrushchev"). */
static void text_words(const char *s, name_words *nw)
{
	nw->k = 0;
	while (*s) {
		size_t n = strcspn(s, " (),");
		name_word_add(nw, s, n);
		s += n;
		s += strspn(s, " (),");
	}
}

/* a is b less some words, not the last: "Nikita Khrushchev" of "Nikita
 * S. Khrushchev", "Babe Ruth" of "George Herman (Babe) Ruth"; "Khrushchev"
 * alone is none (resolve_short keys surnames). */
static int fuller_form(const name_words *a, const name_words *b)
{
	if (a->k < 2 || b->k <= a->k || a->n[a->k - 1] != b->n[b->k - 1] ||
	        memcmp(a->w[a->k - 1], b->w[b->k - 1], a->n[a->k - 1]))
		return 0;
	int i = 0;
	for (int j = 0; j < b->k && i < a->k; j++)
		if (a->n[i] == b->n[j] && !memcmp(a->w[i], b->w[j], a->n[i]))
			i++;
	return i == a->k;
}

/* Every element, mention and header entry keyed old takes key and, in
 * the header, name (an entry already keyed key stays, old's goes). */
static int rename_key(
        td_actx *c, const char *old, const char *key, const char *name)
{
	td_doc *d = c->doc;
	int rc = retarget_refs(d, old, key);
	if (rc < 0)
		return rc;
	size_t have = d->n_actors;
	for (size_t i = 0; i < d->n_actors; i++)
		if (!strcmp(d->actors[i].key, key))
			have = i;
	for (size_t i = 0; i < d->n_actors; i++) {
		td_actor *a = &d->actors[i];
		if (strcmp(a->key, old))
			continue;
		if (have < d->n_actors) {
			free(a->key);
			free(a->kind);
			free(a->name);
			memmove(a, a + 1, (d->n_actors - i - 1) * sizeof *a);
			d->n_actors--;
		} else {
			char *k = strdup(key), *n = strdup(name);
			if (!k || !n) {
				free(k);
				free(n);
				return td_error(TD_ENOMEM, "out of memory");
			}
			free(a->key);
			free(a->name);
			a->key = k;
			a->name = n;
		}
		break;
	}
	for (size_t k = 0; k < c->n_ments; k++)
		if (c->ments[k].key && !strcmp(c->ments[k].key, old))
			c->ments[k].key = key;
	return 0;
}

/* Is key one of this document's own actors (not the lexicon's)? */
static int dyn_key(const td_actx *c, const char *key)
{
	for (size_t i = 0; i < c->n_dyn; i++)
		if (!strcmp(c->dyn[i].key, key))
			return 1;
	return 0;
}

/* An organisation the document names in full as "X of Y" ("Morton Foods
 * of Texas", capitalised words after "of") and elsewhere as X alone
 * ("Morton Foods", two words or more), before or after, is one: X takes
 * the full name's key, as short forms after the full name already do
 * (org_prefix). Only X of the document's own keys; once per document
 * over its organisation mentions. */
static int org_fullest_forms(td_actx *c)
{
	int rc = 0;
	for (size_t k = 0; k < c->n_ments && rc >= 0; k++) {
		const td_mention *b = &c->ments[k];
		if (!org_name(b) || b->located || b->t1 - b->t0 < 4)
			continue;
		size_t o = b->t0 + 2;
		while (o + 1 < b->t1 && !td_tok_eq(c, o, "of", 0))
			o++;
		if (o + 1 >= b->t1)
			continue;
		int caps = 1;
		for (size_t t = o + 1; t < b->t1 && caps; t++)
			caps = td_tok_is_cap(c, t) && td_tok_is_word(c, t);
		if (!caps)
			continue;
		const char *full = b->key, *name = full;
		for (size_t i = 0; i < c->doc->n_actors; i++)
			if (!strcmp(c->doc->actors[i].key, full))
				name = c->doc->actors[i].name;
		for (size_t j = 0; j < c->n_ments && rc >= 0; j++) {
			const td_mention *a = &c->ments[j];
			if (!org_name(a) || a->located ||
			        a->t1 - a->t0 != o - b->t0 ||
			        !strcmp(a->key, full) || !dyn_key(c, a->key))
				continue;
			size_t t = 0;
			while (t < o - b->t0 &&
			        same_token(c, a->t0 + t, b->t0 + t))
				t++;
			if (t == o - b->t0)
				rc = rename_key(c, a->key, full, name);
		}
	}
	return rc < 0 ? rc : 0;
}

/* One person key of the document for fullest_forms. */
typedef struct person_form {
	const char *key;
	long best;     /* the mention with the most name words */
	name_words mw; /* its words */
	name_words cw; /* the header's (lexicon's) name */
	long to;       /* the entry whose fuller form it is, or -1 */
} person_form;

/* The contract's key of a person: the slug of the fullest form of the
 * name in the document, initials included, famous or not. A person of
 * the lexicon named more fully than the lexicon's name ("Nelson A.
 * Rockefeller" for nelson-rockefeller) takes the slug of that form, and
 * a person named by a form that another mention extends ("Mickey Mantle"
 * beside "Mickey Charles Mantle", "Babe Ruth" beside "George Herman
 * (Babe) Ruth") is that person: every short form resolves to the
 * fullest. Once per document over its person mentions (a few dozen), no
 * token scan. */
static int fullest_forms(td_actx *c)
{
	person_form *pf = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	for (size_t k = 0; k < c->n_ments; k++) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || m->located ||
		        strcmp(m->kind, "person"))
			continue;
		size_t e = 0;
		while (e < n && strcmp(pf[e].key, m->key))
			e++;
		if (e == n) {
			if (TD_VEC_RESERVE(pf, n, cap, 16)) {
				free(pf);
				return td_error(TD_ENOMEM, "out of memory");
			}
			person_form *p = &pf[n++];
			p->key = m->key;
			p->best = -1;
			p->mw.k = 0;
			p->to = -1;
			const char *name = m->key;
			for (size_t i = 0; i < c->doc->n_actors; i++)
				if (!strcmp(c->doc->actors[i].key, m->key))
					name = c->doc->actors[i].name;
			text_words(name, &p->cw);
		}
		name_words w;
		span_words(c, m->t0, m->t1, &w);
		if (w.k > pf[e].mw.k) {
			pf[e].mw = w;
			pf[e].best = (long)k;
		}
	}
	/* a form (the longer of the mentions' and the header's) that another
	 * entry's mentions extend: the entry of the fullest such */
	for (size_t e = 0; e < n; e++) {
		const name_words *a =
		        pf[e].cw.k > pf[e].mw.k ? &pf[e].cw : &pf[e].mw;
		for (size_t f = 0; f < n; f++)
			if (f != e && fuller_form(a, &pf[f].mw) &&
			        (pf[e].to < 0 ||
			                pf[f].mw.k > pf[pf[e].to].mw.k))
				pf[e].to = (long)f;
	}
	/* the roots (no fuller form elsewhere) named more fully than their
	 * header's name take the key of that mention */
	for (size_t e = 0; e < n && rc >= 0; e++) {
		if (pf[e].to >= 0 || pf[e].best < 0 || pf[e].mw.k <= pf[e].cw.k)
			continue;
		const td_mention *m = &c->ments[pf[e].best];
		const td_dyn *d;
		if ((rc = add_dyn(c, m->t0, m->t1, "person", m->state, &d)) <
		                0 ||
		        !strcmp(d->key, pf[e].key))
			continue;
		rc = rename_key(c, pf[e].key, d->key, d->name);
		pf[e].key = d->key;
	}
	for (size_t e = 0; e < n && rc >= 0; e++) {
		long r = pf[e].to;
		if (r < 0)
			continue;
		while (pf[r].to >= 0)
			r = pf[r].to;
		const char *name = pf[r].key;
		for (size_t i = 0; i < c->doc->n_actors; i++)
			if (!strcmp(c->doc->actors[i].key, pf[r].key))
				name = c->doc->actors[i].name;
		rc = rename_key(c, pf[e].key, pf[r].key, name);
	}
	free(pf);
	return rc < 0 ? rc : 0;
}

/* c->word_first and c->word_next over the tokens' folded word hashes
 * (left NULL without them, without tok_sent, or without memory: the
 * rules then scan every sentence). */
static void word_uses(td_actx *c)
{
	size_t n = c->tok.n;
	if (!n || !c->tok_hash[1] || !c->tok_sent || n >= UINT32_MAX)
		return;
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	/* per slot 1 + the first and the last token of a hash (0: empty) */
	uint32_t(*slot)[2] = calloc(cap, sizeof *slot);
	c->word_first = malloc(n * sizeof *c->word_first);
	c->word_next = calloc(n, sizeof *c->word_next);
	if (!slot || !c->word_first || !c->word_next) {
		free(slot);
		free(c->word_first);
		free(c->word_next);
		c->word_first = c->word_next = NULL;
		return;
	}
	for (size_t u = 0; u < n; u++) {
		uint32_t h = c->tok_hash[1][u];
		size_t x = h & (cap - 1);
		while (slot[x][0] && c->tok_hash[1][slot[x][0] - 1] != h)
			x = (x + 1) & (cap - 1);
		if (slot[x][0])
			c->word_next[slot[x][1] - 1] = (uint32_t)u + 1;
		else
			slot[x][0] = (uint32_t)u + 1;
		slot[x][1] = (uint32_t)u + 1;
		c->word_first[u] = slot[x][0] - 1;
	}
	free(slot);
}

static int actors_find(td_actx *c);

int td_actors_find(td_actx *c)
{
	td_actors_name_tokens(c);
	find_clubs(c);
	if (!td_match_no_skip)
		word_uses(c);
	int rc = actors_find(c);
	free(c->word_first);
	free(c->word_next);
	c->word_first = c->word_next = NULL;
	return rc;
}

static int actors_find(td_actx *c)
{
	c->own_state = 0;
	c->chambers = -1;
	/* the party rules ask party_pats (no word-table slot) only in a
	 * document that holds one of its words */
	c->party_doc = 0;
	for (size_t t = 0; t < c->tok.n && !c->party_doc; t++)
		c->party_doc =
		        td_tok_is_cap(c, t) &&
		        td_patset_match(&c->a->party_pats, c, t, c->tok.n) >= 0;
	for (size_t si = 0; si < c->n_sents; si++) {
		int rc = sentence_actors(c, si);
		if (rc)
			return rc;
	}
	int rc = each_sentence_named(c, nicknamed_person);
	if (!rc)
		rc = org_repeats_all(c);
	if (!rc)
		rc = short_forms_anywhere(c);
	if (!rc)
		rc = each_sentence_named(c, subject_by_pronoun);
	if (!rc)
		rc = one_word_names(c);
	if (!rc)
		rc = own_country(c);
	if (!rc)
		rc = quoted_titles(c);
	if (!rc)
		rc = fullest_forms(c);
	if (!rc)
		rc = org_fullest_forms(c);
	if (!rc && c->n_ments)
		qsort(c->ments, c->n_ments, sizeof *c->ments, ment_cmp);
	return rc;
}

/* The grammar-word lists above, for hashed look-up (td_tok_in). */
static int register_words(td_annotator *a)
{
	static const char *const *const lists[] = {from_actor, compass_words,
	        county_heads, body_roles, group_nouns, appos_dets, locatives,
	        travel, travel_objects, particles, not_names, org_words,
	        located_fw, group_adjs, body_heads, he_she, his_her, suffixes,
	        male_titles, female_titles, org_heads, org_abbrevs, place_heads,
	        address_nouns, proper_heads, venue_heads, after_np,
	        dateline_months, event_heads, acronym_skip, game_words,
	        own_dets, own_nouns, govt_heads, cite_particles, quote_marks,
	        honorifics, naming_verbs, naming_objects, title_minor,
	        coworkers, home_words, unnamed_things, people_nouns,
	        street_words, school_heads, legislature_words, congress_words,
	        clause_openers, kin_nouns, possessive_dets, place_preps,
	        name_articles, body_ends, thing_ends, ship_titles, reflexives,
	        argument_verbs, perfect_aux, naming_participles, link_verbs,
	        street_abbrevs, carrier_heads, open_marks, object_pronouns,
	        rank_titles, party_regions, NULL};
	int rc = td_words_register(a, lists);
	return rc ? rc : td_words_register(a, td_names_lists);
}
