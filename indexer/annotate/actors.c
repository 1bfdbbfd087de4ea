/* actors.c: actor mentions. Lexicon names and aliases (actors.tsv) are
 * matched longest first over tokens; names outside the lexicon are found
 * after titles (titles.tsv) and as the subject of a speech verb; one-word
 * short forms resolve to the person last named in full. Purely geographic
 * names (places.tsv) become keyless <placeName>. Never crosses a sentence.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"

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
		}
		if (!*tok) {
			rc = td_error(TD_EINPUT, "%s:%d: empty alias", path, line);
			break;
		}
		if (strncmp(tok, "the ", 4) == 0) {
			char buf[512];
			flags |= TD_PATF_LEADING_THE;
			rc = td_patset_add(&a->actor_pats, tok, id, type, flags);
			if (!rc && snprintf(buf, sizeof buf, "The %s", tok + 4) < (int)sizeof buf)
				rc = td_patset_add(&a->actor_pats, buf, id, type, flags);
			continue;
		}
		if (!strchr(tok, ' '))
			flags |= TD_PATF_SHORT;
		rc = td_patset_add(&a->actor_pats, tok, id, type, flags);
	}
	free(dup);
	return rc;
}

static int load_list(const char *dir, const char *name, td_patset *ps)
{
	td_tsv *t;
	int rc = td_lex_load(dir, name, &t);
	if (rc)
		return rc;
	for (size_t i = 0; i < t->n && !rc; i++)
		rc = td_patset_add(ps, t->rows[i].f[0], (int)i, 0, 0);
	td_tsv_free(t);
	td_patset_sort(ps);
	return rc;
}

static int register_words(td_annotator *a);

int td_actors_load(td_annotator *a, const char *dir)
{
	if (register_words(a))
		return td_error(TD_ENOMEM, "out of memory");
	td_tsv *t;
	int rc = td_lex_load(dir, "actors.tsv", &t);
	if (rc)
		return rc;
	a->actors = calloc(t->n ? t->n : 1, sizeof *a->actors);
	if (!a->actors) {
		td_tsv_free(t);
		return td_error(TD_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < t->n && !rc; i++) {
		const td_tsv_row *r = &t->rows[i];
		const char *key = td_lex_field(r, 0), *kind = td_lex_field(r, 1),
			   *name = td_lex_field(r, 2);
		if (!key || !kind || !name) {
			rc = td_error(TD_EINPUT,
				"%s:%d: need key, kind and canonical name", t->path, r->line);
			break;
		}
		if (strcmp(kind, "person") && strcmp(kind, "org") &&
		    strcmp(kind, "state") && strcmp(kind, "group")) {
			rc = td_error(TD_EINPUT,
				"%s:%d: kind '%s' is not person, org, state or group",
				t->path, r->line, kind);
			break;
		}
		for (const char *p = key; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) {
				rc = td_error(TD_EINPUT, "%s:%d: key '%s' is not a slug",
					t->path, r->line, key);
				break;
			}
		if (rc)
			break;
		td_actor_rec *ar = &a->actors[a->n_actors];
		ar->key = strdup(key);
		ar->kind = strdup(kind);
		ar->name = strdup(name);
		a->n_actors++;
		if (!ar->key || !ar->kind || !ar->name) {
			rc = td_error(TD_ENOMEM, "out of memory");
			break;
		}
		int id = (int)(a->n_actors - 1);
		rc = td_patset_add(&a->actor_pats, name, id, TD_PAT_NAME,
			strchr(name, ' ') ? 0 : TD_PATF_SHORT);
		if (!rc)
			rc = add_aliases(a, td_lex_field(r, 3), id, TD_PAT_NAME, t->path, r->line);
		if (!rc)
			rc = add_aliases(a, td_lex_field(r, 4), id, TD_PAT_METONYM, t->path, r->line);
		if (!rc)
			rc = add_aliases(a, td_lex_field(r, 5), id, TD_PAT_DEMONYM, t->path, r->line);
	}
	td_tsv_free(t);
	if (rc)
		return rc;
	td_patset_sort(&a->actor_pats);
	if ((rc = load_list(dir, "places.tsv", &a->place_pats)) ||
	    (rc = load_list(dir, "titles.tsv", &a->title_pats)) ||
	    (rc = load_list(dir, "given_names.tsv", &a->given_pats)))
		return rc;
	return 0;
}

/* ------------------------------------------------------------ matching */

static const char *const group_nouns[] = {"officials", "government",
	"leaders", "leadership", "authorities", "diplomats", "military",
	"forces", "troops", "negotiators", "lawmakers", "legislators", "media",
	"regime", "army", "navy", "policymakers", "counterparts", "analysts",
	"officers", "soldiers", "delegation", "administration", "ministers",
	"governments", "envoys", "spokesmen", "spokespeople", "generals",
	"commanders", "politicians", "parliamentarians", "delegations",
	"farmers", "workers", "voters", "protesters", "citizens", NULL};

static const char *const locatives[] = {"in", "at", "into", "inside",
	"within", "throughout", "near", "visited", "visit", "visits",
	"visiting", "across", NULL};

static const char *const travel[] = {"trip", "trips", "visit", "visits",
	"travel", "travelled", "traveled", "travels", "flew", "went",
	"returned", "came", "arrived", "moved", "journey", "sent", "deployed",
	"back", NULL};

static const char *const particles[] = {"bin", "al", "de", "da", "von",
	"der", "van", "la", "le", "du", "dos", "del", "ibn", NULL};

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
	"For", "From", "By", "To", "Of", "Crucially", "Historically", NULL};

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

static int in_list(const td_actx *c, size_t i, const char *const *list, int fold)
{
	return td_tok_in(c, i, list, fold);
}

static int is_speech_at(const td_actx *c, size_t i, size_t lim)
{
	long m = td_patset_match(&c->a->speech_pats, c, i, lim);
	return m >= 0 && c->a->speech_pats.v[m].type == TD_SV_SPEECH;
}

static int name_token(const td_actx *c, size_t i)
{
	if (!td_tok_is_cap(c, i) || !td_tok_is_word(c, i))
		return 0;
	if (in_list(c, i, not_names, 0))
		return 0;
	/* all-caps acronyms of one or two letters are not names */
	return td_tok_len(c, i) > 1;
}

/* Length in tokens of a capitalised name run at i (particles allowed
 * inside), at most 5 tokens, not past lim. */
static size_t name_run(const td_actx *c, size_t i, size_t lim)
{
	size_t n = 0;
	while (i + n < lim && n < 5) {
		if (name_token(c, i + n) && td_patset_match(&c->a->title_pats, c, i + n, i + n + 1) < 0)
			n++;
		else if (n > 0 && i + n + 1 < lim && in_list(c, i + n, particles, 0) &&
			 name_token(c, i + n + 1))
			n++;
		else
			break;
	}
	/* a run must not end in a particle */
	while (n > 0 && in_list(c, i + n - 1, particles, 0))
		n--;
	return n;
}

/* Initials at i: a capital letter and a full stop ("P." of "James P.
 * Mitchell", as two tokens) or a token of such pairs ("K.J.P."); their
 * length in tokens. */
static size_t initial_at(const td_actx *c, size_t i, size_t lim)
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

static const char *const suffixes[] = {"Jr", "Sr", NULL};

/* Length in tokens of a person's name with initials at i: name words,
 * initials and particles ("James P. Mitchell", "K.J.P. Baraclough",
 * "William H. Draper, Jr."), 0 unless it holds an initial followed by a
 * name word. Initials that spell a lexicon actor (U.S., U.N.) open no
 * name; a run holding a word of an organisation's name is not a person. */
static size_t initials_run(const td_actx *c, size_t i, size_t lim)
{
	size_t k = i, end = 0;
	int inits = 0, named = 0;
	if (initial_at(c, i, lim) && td_patset_match(&c->a->actor_pats, c, i, lim) >= 0)
		return 0;
	while (k < lim && k - i < 12) {
		size_t in = initial_at(c, k, lim);
		if (in) {
			k += in;
			inits++;
		} else if (name_token(c, k) &&
			   td_patset_match(&c->a->title_pats, c, k, k + 1) < 0) {
			if (in_list(c, k, org_words, 0))
				return 0;
			k++;
			if (inits)
				named = 1;
			if (named)
				end = k;
		} else if (k > i && k + 1 < lim && in_list(c, k, particles, 0) &&
			   name_token(c, k + 1))
			k++;
		else
			break;
	}
	if (!named || !end)
		return 0;
	/* ", Jr." and "Sr." belong to the name */
	k = end;
	if (k + 1 < lim && td_tok_eq(c, k, ",", 0) && in_list(c, k + 1, suffixes, 0))
		k++;
	if (k < lim && in_list(c, k, suffixes, 0)) {
		end = k + 1;
		if (end < lim && td_tok_eq(c, end, ".", 0))
			end++;
	}
	return end - i;
}

/* Heads of organisation names ("National Audubon Society", "Westinghouse
 * Electric Corp.", "Federal Bureau of Investigation"). */
static const char *const org_heads[] = {"Department", "Ministry", "Bureau",
	"Party", "Council", "Committee", "Assembly", "Agency", "Bank", "Union",
	"Corporation", "Corp", "Inc", "Co", "Company", "University", "College",
	"Institute", "Service", "Commission", "Society", "Association", "Assn",
	"Church", "Police", "Legion", "Board", "Foundation", "League",
	"Federation", "Authority", "Organization", "Organisation",
	"Fund", "Club", "Ltd", "Press", "Corps", "Academy", "Congress", NULL};
/* heads written as abbreviations keep their full stop */
static const char *const org_abbrevs[] = {"Corp", "Inc", "Co", "Assn", "Ltd", NULL};

static int org_word(const td_actx *c, size_t k, int first)
{
	return td_tok_is_cap(c, k) && td_tok_is_word(c, k) && !in_list(c, k, not_names, 0) &&
		(!first || td_patset_match(&c->a->title_pats, c, k, k + 1) < 0);
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
	while (k < lim && k - i < 14) {
		size_t in = initial_at(c, k, lim);
		if (in && !end) {
			k += in;
			words++;
			continue;
		}
		if (org_word(c, k, k == i)) {
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
		if (k > i && k + 1 < lim && (td_tok_eq(c, k, "&", 0) || td_tok_eq(c, k, "and", 0)) &&
		    org_word(c, k + 1, 0)) {
			k++;
			continue;
		}
		if (end && end == k && k + 1 < lim &&
		    (td_tok_eq(c, k, "of", 0) || td_tok_eq(c, k, "for", 0))) {
			size_t n = k + 1;
			if (n + 1 < lim && td_tok_eq(c, n, "the", 0))
				n++;
			if (org_word(c, n, 0)) {
				k = n;
				chain = 1;
				continue;
			}
		}
		break;
	}
	if (!end || wend < 2)
		return 0;
	if (end < lim && in_list(c, end - 1, org_abbrevs, 0) && td_tok_eq(c, end, ".", 0))
		end++;
	return end - i;
}

static int push_mention(td_actx *c, const td_mention *m)
{
	if (c->n_ments == c->cap_ments) {
		size_t cap = c->cap_ments ? c->cap_ments * 2 : 64;
		td_mention *v = realloc(c->ments, cap * sizeof *v);
		if (!v)
			return td_error(TD_ENOMEM, "out of memory");
		c->ments = v;
		c->cap_ments = cap;
	}
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
		memcmp(td_tok_str(c, x), td_tok_str(c, y), td_tok_len(c, y)) == 0;
}

/* The last name word of a person's mention: "Draper" of "William H.
 * Draper, Jr." */
static size_t surname_tok(const td_actx *c, const td_mention *m)
{
	size_t k = m->t1 - 1;
	while (k > m->t0 + 1 && (td_tok_eq(c, k, ".", 0) || td_tok_eq(c, k, ",", 0) ||
				  in_list(c, k, suffixes, 0)))
		k--;
	return k;
}

/* The person last named in full whose first or last word is token i. */
static const td_mention *resolve_short(const td_actx *c, size_t i)
{
	for (size_t k = c->n_ments; k-- > 0;) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || strcmp(m->kind, "person") || m->t1 - m->t0 < 2)
			continue;
		/* first or last word of the full name (tokens are not
		 * NUL-terminated: compare them as spans) */
		if (same_token(c, m->t0, i) || same_token(c, surname_tok(c, m), i))
			return m;
	}
	return NULL;
}

static const char *elem_for(const char *kind, int metonym, int located,
	const char **type)
{
	*type = NULL;
	if (located)
		return "placeName";
	if (metonym) {
		*type = strcmp(kind, "person") == 0 ? "person" : strcmp(kind, "org") == 0 ? "org" :
			strcmp(kind, "group") == 0 ? "group" : "state";
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
	td_mention m = {t0, t1, s, e, c->tok_sent[t0], key, kind, 0, located, state};
	return push_mention(c, &m);
}

/* Letters that carry no combining mark, so that td_slug's decomposition
 * keeps them: written out in ASCII first (Sørlie -> sorlie, Łukasz ->
 * lukasz), as the gold keys drop diacritics. */
static const char *const translit[][2] = {{"ø", "o"}, {"Ø", "O"}, {"æ", "ae"},
	{"Æ", "AE"}, {"ß", "ss"}, {"ł", "l"}, {"Ł", "L"}, {"đ", "d"}, {"Đ", "D"},
	{"œ", "oe"}, {"Œ", "OE"}, {"ı", "i"}, {"ð", "d"}, {"þ", "th"}};

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
				if (strncmp(p, translit[k][0], strlen(translit[k][0])) == 0)
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
	if (c->n_dyn == c->cap_dyn) {
		size_t cap = c->cap_dyn ? c->cap_dyn * 2 : 16;
		td_dyn *v = realloc(c->dyn, cap * sizeof *v);
		if (!v) {
			free(name);
			free(key);
			return td_error(TD_ENOMEM, "out of memory");
		}
		/* mentions point at the key strings, which do not move */
		c->dyn = v;
		c->cap_dyn = cap;
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

/* The state whose name or demonym stands just before token i (skipping
 * "the"), as in "North Korean leader" or "Russian President". */
static const char *state_before(const td_actx *c, size_t t0, size_t i)
{
	for (size_t back = 1; back <= 4 && back <= i - t0; back++) {
		long m = td_patset_match(&c->a->actor_pats, c, i - back, i);
		if (m >= 0 && (size_t)c->a->actor_pats.v[m].n == back) {
			const td_actor_rec *ar = &c->a->actors[c->a->actor_pats.v[m].id];
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
	"on", "at", "from", "since", "last", "this", "during", "where",
	"when", "after", "before", "as", "but", "which", "that", "over",
	"until", "by", "earlier", "later", "next", "recently", NULL};

static int located_at(const td_actx *c, size_t t0, size_t i, size_t e, size_t t1)
{
	size_t p = i;
	if (e < t1 && ((td_tok_is_lower(c, e) && !in_list(c, e, located_fw, 0)) ||
		       td_tok_eq(c, e, "'s", 1)))
		return 0;
	if (p > t0 && td_tok_eq(c, p - 1, "the", 1))
		p--;
	if (p == t0)
		return 0;
	if (in_list(c, p - 1, locatives, 1))
		return 1;
	return td_tok_eq(c, p - 1, "to", 1) && p - 1 > t0 &&
		in_list(c, p - 2, travel, 1);
}

static const char *const group_adjs[] = {"Western", "Arab", "African",
	"Asian", "Gulf", "Allied", "Sahelian", NULL};

/* A group of actors at token i: names of states or bodies (or adjectives
 * such as "Western"), joined by "and" or commas, before a group noun:
 * "Chinese officials", "ECOWAS and AES officials". Returns 1 with *end for
 * a group, 2 with *state for a state's own government ("the Chinese
 * government"), 0 otherwise. */
static int group_at(const td_actx *c, size_t i, size_t t1, size_t *end,
	const char **state)
{
	size_t k = i;
	int parts = 0;
	const char *st = NULL;
	for (;;) {
		long m = k < t1 ? td_patset_match(&c->a->actor_pats, c, k, t1) : -1;
		if (m >= 0) {
			const td_pat *p = &c->a->actor_pats.v[m];
			const td_actor_rec *ar = &c->a->actors[p->id];
			if (strcmp(ar->kind, "person") == 0 || p->flags & TD_PATF_LEADING_THE)
				return 0;
			st = strcmp(ar->kind, "state") == 0 ? ar->key : NULL;
			k += (size_t)p->n;
		} else if (k < t1 && in_list(c, k, group_adjs, 0)) {
			st = NULL;
			k++;
		} else
			return 0;
		parts++;
		if (k + 1 < t1 && (td_tok_eq(c, k, "and", 0) || td_tok_eq(c, k, ",", 0)))
			k++;
		else
			break;
	}
	if (k >= t1 || !in_list(c, k, group_nouns, 0))
		return 0;
	*end = k + 1;
	if (parts == 1 && st && (td_tok_eq(c, k, "government", 0) ||
				   td_tok_eq(c, k, "administration", 0))) {
		*state = st;
		return 2;
	}
	return 1;
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
	    !(td_tok_eq(c, i + 1, "of", 0) || td_tok_eq(c, i + 1, "for", 0)) ||
	    !td_tok_is_cap(c, i + 2) || !td_tok_is_word(c, i + 2))
		return 0;
	size_t e = i + 3;
	while (e < t1) {
		if (td_tok_is_cap(c, e) && td_tok_is_word(c, e))
			e++;
		else if (e + 1 < t1 && (td_tok_eq(c, e, "and", 0) || td_tok_eq(c, e, "of", 0)) &&
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
		strcmp(c->a->actors[c->a->actor_pats.v[am].id].kind, "person") != 0;
}

/* An age after a name: ", 46," or ", 55." ("Harry Houghton, 55, and"). */
static int age_follows(const td_actx *c, size_t k, size_t t1)
{
	if (k + 1 >= t1 || !td_tok_eq(c, k, ",", 0) || !td_tok_is_num(c, k + 1) ||
	    td_tok_len(c, k + 1) > 2)
		return 0;
	return k + 2 >= t1 || td_tok_eq(c, k + 2, ",", 0) || td_tok_eq(c, k + 2, ".", 0) ||
		td_tok_eq(c, k + 2, ";", 0) || td_tok_eq(c, k + 2, ")", 0);
}

/* Nouns that end the names of places and buildings ("Sabina Shoal",
 * "Grace Hospital"): a run ending in one is not a person. */
static const char *const place_heads[] = {"Shoal", "Island", "Islands",
	"Sea", "River", "Bay", "Lake", "Mountain", "Mountains", "Strait",
	"Valley", "Beach", "Point", "Street", "Avenue", "Road", "Square",
	"Park", "County", "City", "Hospital", "Hall", "Bridge", "Canal",
	"Gulf", "Peninsula", "Reef", "Airport", "Station", "Center", "Centre",
	"Building", "Tower", "Dam", "Field", "Harbor", "Harbour", "Port",
	"Fort", "Heights", "Springs", "Falls", "Creek", "Coast", NULL};

/* A name word that no lexicon claims (not Georgia, Washington, Jersey). */
static int free_name_word(const td_actx *c, size_t k, size_t lim)
{
	return name_token(c, k) && !in_list(c, k, org_words, 0) &&
		td_patset_match(&c->a->title_pats, c, k, k + 1) < 0 &&
		td_patset_match(&c->a->actor_pats, c, k, lim) < 0 &&
		td_patset_match(&c->a->place_pats, c, k, lim) < 0;
}

/* Length in tokens of a person's name at i that begins with a given name
 * (given_names.tsv) and has one or two more name words, particles
 * between ("Ethel Gee", "August Jack McNair"); 0 when any word is
 * claimed by a lexicon or the run is part of a longer capitalised span. */
static size_t given_run(const td_actx *c, size_t t0, size_t i, size_t lim)
{
	if (td_patset_match(&c->a->given_pats, c, i, i + 1) < 0 || !free_name_word(c, i, lim))
		return 0;
	if (i > t0 && name_token(c, i - 1) && td_patset_match(&c->a->title_pats, c, i - 1, i) < 0)
		return 0;
	size_t k = i + 1;
	while (k < lim && k - i < 3) {
		if (free_name_word(c, k, lim))
			k++;
		else if (k + 1 < lim && in_list(c, k, particles, 0) && free_name_word(c, k + 1, lim))
			k += 2;
		else
			break;
	}
	if (k - i < 2 || (k < lim && td_tok_is_cap(c, k) && td_tok_is_word(c, k)) ||
	    in_list(c, k - 1, place_heads, 0))
		return 0;
	return k - i;
}

/* Heads of organisations named after a person or place, whose first word
 * alone names them later ("Emory" for Emory University). */
static const char *const proper_heads[] = {"University", "College",
	"Institute", "Corporation", "Corp", "Company", "Co", "Inc", NULL};

/* An organisation found by its shape earlier in the document whose first
 * word is token i, the only capitalised word there ("Emory University ...
 * Emory's trustees"); NULL when none. */
static const td_mention *org_short(const td_actx *c, size_t t0, size_t i, size_t t1)
{
	if (!name_token(c, i) || (i + 1 < t1 && td_tok_is_cap(c, i + 1) && td_tok_is_word(c, i + 1)) ||
	    (i > t0 && name_token(c, i - 1)))
		return NULL;
	for (size_t k = c->n_ments; k-- > 0;) {
		const td_mention *m = &c->ments[k];
		if (m->pronoun || !m->key || strcmp(m->kind, "org") || m->t1 - m->t0 < 2)
			continue;
		size_t h = m->t1 - 1;
		if (td_tok_eq(c, h, ".", 0) && h > m->t0)
			h--;
		if (same_token(c, m->t0, i) && in_list(c, h, proper_heads, 0))
			return m;
	}
	return NULL;
}

/* A person's name with initials or an organisation by its head noun at
 * i, when longer than the lexicon's match of lexn tokens there (the
 * longer span wins: "Federal Bureau of Investigation"): emitted with the
 * slug of its text as key. Returns the tokens it took (a category such
 * as "a Foreign Terrorist Organisation" is taken, not emitted), 0 for
 * none, < 0 on error. */
static int shaped_name(td_actx *c, size_t t0, size_t i, size_t t1, size_t lexn)
{
	size_t n = initials_run(c, i, t1);
	const char *kind = "person";
	const td_dyn *d;
	int rc;
	if (n <= lexn) {
		n = org_run(c, i, t1);
		kind = "org";
		/* "a Foreign Terrorist Organisation" is a category, not a
		 * name: skipped whole */
		if (n > lexn && i > t0 && (td_tok_eq(c, i - 1, "a", 1) || td_tok_eq(c, i - 1, "an", 1)))
			return (int)n;
	}
	if (n <= lexn && lexn == 0) {
		n = given_run(c, t0, i, t1);
		kind = "person";
	}
	const td_mention *om;
	if (n == 0 && lexn == 0 && (om = org_short(c, t0, i, t1))) {
		const char *key = om->key;
		if ((rc = emit(c, i, i + 1, key, "org", key, 0, 0, NULL)) < 0)
			return rc;
		return 1;
	}
	if (n <= lexn || n == 0)
		return 0;
	/* a body of a state keeps the state's key (body_run) */
	if (body_run(c, i + lexn, t1) == n - lexn)
		return 0;
	if ((rc = add_dyn(c, i, i + n, kind, NULL, &d)) < 0 ||
	    (rc = emit(c, i, i + n, d->key, d->kind, d->name, 0, 0, NULL)) < 0)
		return rc;
	return (int)n;
}

/* Determiners that open an appositive after a name ("X, the US Trade
 * Representative, argued", "X, a former minister, said"). */
static const char *const appos_dets[] = {"the", "a", "an", "its", "his",
	"her", "their", "our", NULL};

/* Does a name ending at token k stand as the subject of a speech verb
 * behind an appositive: ", the/a ... ," and then the verb? */
static int appositive_subject(const td_actx *c, size_t k, size_t t1)
{
	if (k + 2 >= t1 || !td_tok_eq(c, k, ",", 0) || !in_list(c, k + 1, appos_dets, 1))
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
			return role || (j + 1 < t1 && is_speech_at(c, j + 1, t1));
		if (td_tok_eq(c, j, ";", 0) || td_tok_eq(c, j, ":", 0) || td_tok_eq(c, j, ".", 0))
			return 0;
	}
	return 0;
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
			if ((rc = emit(c, i, ge, gstate, "state", name, 1, 0, NULL)) < 0)
				return rc;
			i = ge;
			continue;
		}
		if (gk == 1) {
			const td_dyn *d;
			if ((rc = add_dyn(c, i, ge, "group", NULL, &d)) < 0 ||
			    (rc = emit(c, i, ge, d->key, "group", d->name, 1, 0, NULL)) < 0)
				return rc;
			i = ge;
			continue;
		}
		/* titles: the name after them (after an optional comma) */
		long tm = td_patset_match(&a->title_pats, c, i, t1);
		if (tm >= 0) {
			size_t j = i + (size_t)a->title_pats.v[tm].n;
			if (j < t1 && td_tok_eq(c, j, ",", 0))
				j++;
			long am = j < t1 ? td_patset_match(&a->actor_pats, c, j, t1) : -1;
			size_t n = j < t1 ? name_run(c, j, t1) : 0, ni = initials_run(c, j, t1);
			if (ni > n)
				n = ni;
			/* context beats the lexicon: "Mayor Wagner" is a person */
			if (n > 0 && (am < 0 || (size_t)a->actor_pats.v[am].n < n ||
				      title_names_person(c, i, am)) &&
			    !resolve_short(c, j)) {
				int lower = td_tok_is_lower(c, i);
				/* a lowercase role needs a two-word name */
				if (n >= 2 || !lower) {
					const td_dyn *d;
					const char *st = state_before(c, t0, i);
					if ((rc = add_dyn(c, j, j + n, "person", st, &d)) < 0 ||
					    (rc = emit(c, j, j + n, d->key, d->kind, d->name, 0, 0, st)) < 0)
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
		long m = td_patset_match(&a->actor_pats, c, i, t1);
		const td_pat *p = m >= 0 ? &a->actor_pats.v[m] : NULL;
		/* names by their shape, when longer than a lexicon match */
		if ((rc = shaped_name(c, t0, i, t1, p ? (size_t)p->n : 0)) != 0) {
			if (rc < 0)
				return rc;
			i += (size_t)rc;
			continue;
		}
		/* short forms of people named earlier win over the lexicon default */
		if ((!p || (p->flags & TD_PATF_SHORT && p->n == 1 &&
			    strcmp(a->actors[p->id].kind, "person") == 0)) &&
		    td_tok_is_cap(c, i) && !(i + 1 < t1 && name_token(c, i + 1)) &&
		    !in_list(c, i, not_names, 0)) {
			/* not "He" for He Lifeng: pronouns and function words are
			 * never short forms */
			const td_mention *r = resolve_short(c, i);
			if (r) {
				/* "van Aalst" for Pieter van Aalst: lowercase particles
				 * before the short form belong to it when the full
				 * name has them too */
				size_t s0 = i;
				while (s0 > t0 && r->t1 - r->t0 >= (i - s0) + 3 &&
				       td_tok_is_lower(c, s0 - 1) && in_list(c, s0 - 1, particles, 0) &&
				       same_token(c, r->t1 - 2 - (i - s0), s0 - 1))
					s0--;
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
			/* a name glued to a longer capitalised run is something else
			 * ("Washington Post", "Korea Herald"); demonyms are adjectives */
			if (p->type != TD_PAT_NAME && e < t1 && td_tok_is_cap(c, e) &&
			    td_tok_is_word(c, e) && p->type != TD_PAT_DEMONYM) {
				i = e;
				continue;
			}
			if (p->flags & TD_PATF_NEEDS_NAMED && !named_before(c, ar->key)) {
				i = e;
				continue;
			}
			if (p->flags & TD_PATF_LEADING_THE)
				s++;
			if (p->type == TD_PAT_DEMONYM) {
				i = e;
				continue;
			}
			int loc = is_state && located_at(c, t0, s, e, t1);
			const char *pst = strcmp(ar->kind, "person") == 0 ? title_state(c, t0, s) : NULL;
			if ((rc = emit(c, s, e, ar->key, ar->kind, ar->name,
				     p->type == TD_PAT_METONYM, loc, pst)) < 0)
				return rc;
			i = e;
			continue;
		}
		long pm = td_patset_match(&a->place_pats, c, i, t1);
		if (pm >= 0) {
			size_t e = i + (size_t)a->place_pats.v[pm].n;
			if ((rc = td_actx_add(c, "placeName", c->tok.v[i].start,
				     c->tok.v[e - 1].end, NULL, NULL, NULL, NULL, NULL)) < 0)
				return rc;
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
			if ((rc = add_dyn_pfx(c, i, i + bn, "org", NULL, st, &d)) < 0 ||
			    (rc = emit(c, i, i + bn, d->key, d->kind, d->name, 0, 0, NULL)) < 0)
				return rc;
			i += bn;
			continue;
		}
		/* a capitalised run as subject of a speech verb, or after
		 * "according to" / before "said" */
		size_t n = name_run(c, i, t1);
		if (n >= 2 || (n == 1 && i > t0)) {
			int subj = i + n < t1 && is_speech_at(c, i + n, t1);
			int acc = i >= t0 + 2 && td_tok_eq(c, i - 2, "according", 1) &&
				td_tok_eq(c, i - 1, "to", 1);
			int after = i > t0 && is_speech_at(c, i - 1, t1);
			int appos = appositive_subject(c, i + n, t1) || age_follows(c, i + n, t1);
			if ((subj || acc || after || appos) && n >= 2) {
				const char *kind = "person";
				for (size_t k = i; k < i + n; k++)
					if (in_list(c, k, org_words, 0))
						kind = "org";
				const td_dyn *d;
				if ((rc = add_dyn(c, i, i + n, kind, NULL, &d)) < 0 ||
				    (rc = emit(c, i, i + n, d->key, d->kind, d->name, 0, 0, NULL)) < 0)
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
				    strcmp(c->ments[k].kind, "person") == 0) {
					r = &c->ments[k];
					break;
				}
			if (r) {
				td_mention pm2 = {i, i + 1, c->tok.v[i].start, c->tok.v[i].end,
					(int)si, r->key, "person", 1, 0, r->state};
				if ((rc = push_mention(c, &pm2)) < 0)
					return rc;
			}
		}
		if (in_list(c, i, his_her, 1) &&
		    i + 1 < t1 && td_tok_eq(c, i + 1, "country", 0)) {
			const char *st = NULL;
			for (size_t k = c->n_ments; k-- > 0 && !st;)
				if (c->ments[k].key && strcmp(c->ments[k].kind, "person") == 0)
					st = c->ments[k].state;
			if (st) {
				const char *name = st;
				for (size_t k = 0; k < a->n_actors; k++)
					if (strcmp(a->actors[k].key, st) == 0)
						name = a->actors[k].name;
				if ((rc = emit(c, i, i + 2, st, "state", name, 1, 0, NULL)) < 0)
					return rc;
				i += 2;
				continue;
			}
		}
		i++;
	}
	return 0;
}

int td_actors_find(td_actx *c)
{
	for (size_t si = 0; si < c->n_sents; si++) {
		int rc = sentence_actors(c, si);
		if (rc)
			return rc;
	}
	return 0;
}

/* The grammar-word lists above, for hashed look-up (td_tok_in). */
static int register_words(td_annotator *a)
{
	static const char *const *const lists[] = {group_nouns, appos_dets, locatives, travel, particles, not_names, org_words, located_fw, group_adjs, body_heads, he_she, his_her, suffixes, org_heads, org_abbrevs, place_heads, proper_heads, NULL};
	return td_words_register(a, lists);
}
