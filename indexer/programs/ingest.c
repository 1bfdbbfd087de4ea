/* ingest.c: the tagdex-ingest program: articles to TEI files (-o) and/or
 * into an index (-x). It parses options, prints what the library reports
 * and maps codes to exit statuses; all the work is in libtagdex.
 * Exit: 0 success, 2 usage (or unusable lexicons), 3 some inputs failed,
 * 4 index error (locked, corrupt, other format version).
 */
#include "config.h"
#include "index.h"
#include "ingest.h"
#include "inputs.h"
#include "tei.h"
#include "tei_out.h"
#include "exit_status.h"
#include "util.h"
#include "vec.h"
#include "error.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
        "Usage: tagdex-ingest [OPTION]... -o DIR FILE|DIR...\n"
        "   or: tagdex-ingest [OPTION]... [-x INDEX] FILE|DIR...\n"
        "Read articles (.txt, .html/.htm, TEI .xml; directories are walked, "
        "but\n"
        "symbolic links inside them are not followed) and write their "
        "annotated\n"
        "TEI to DIR/NAME.xml (-o), add them to an index (-x; the default when "
        "-o\n"
        "is not given is ./" TD_DEFAULT_INDEX
        "), or both. The index gets every\n"
        "token's part of speech and lemma (the model of --words; a TEI "
        "input's\n"
        "own <w pos lemma> are kept).\n"
        "\n"
        "  -o DIR           write TEI files into DIR; '-' writes the TEI of "
        "one\n"
        "                   input to standard output\n"
        "  -x DIR           the index directory (default ./" TD_DEFAULT_INDEX
        ")\n"
        "  -j N             use N worker threads for indexing (and, with -o,\n"
        "                   for writing the TEI)\n"
        "      --prune      drop documents whose source files are gone\n"
        "      --rebuild    rebuild the index from scratch from the inputs\n"
        "                   (refused without inputs)\n"
        "      --no-layers  index no part of speech and lemma (faster; a "
        "query\n"
        "                   on pos or lemma is then refused, exit status 2)\n"
        "      --check      verify the index and exit (keeping at most\n"
        "                   --memory of it resident)\n"
        "      --merge      merge index segments (streaming, into segments\n"
        "                   of up to 2^30 tokens)\n"
        "      --memory SIZE  memory for the documents held before they are\n"
        "                   written (default 256M; K, M, G)\n"
        "      --merge-index SHARD  add the documents of index SHARD (built\n"
        "                   apart) to -x and merge: repeat it, or give\n"
        "                   --merge-list FILE (one index directory a line)\n"
        "      --recover    rebuild a lost or damaged MANIFEST from the "
        "intact\n"
        "                   segments (reports those it cannot keep) and exit\n"
        "      --lexicons DIR  read lexicons from DIR (default: "
        "$TAGDEX_LEXICONS,\n"
        "                   else " TD_PKGDATADIR "/lexicons, or the source\n"
        "                   tree's corpus/lexicons in a build not installed)\n"
        "      --words      with -o: write every token as <w pos=\"…\" "
        "lemma=\"…\">\n"
        "                   (Penn Treebank tag, lemma; model: "
        "$TAGDEX_POS_MODEL,\n"
        "                   else " TD_PKGDATADIR "/models/pos.model)\n"
        "      --lenient    replace invalid UTF-8 and control bytes by U+FFFD\n"
        "                   with a warning instead of failing the file\n"
        "      --meta FIELD=XPATH  take the date, title or author of TEI "
        "inputs\n"
        "                   from XPATH (TEI elements as tei:NAME), e.g.\n"
        "                   --meta date=//tei:creation/tei:date\n"
        "      --profile FILE  write the CPU time of each stage (all "
        "threads) to\n"
        "                   FILE as TSV, '-' for standard error\n"
        "  -q               no warnings, no progress, no summary\n"
        "      --help       show this help and exit\n"
        "      --version    show the version and exit\n"
        "\n"
        "Exit status: 0 success; 2 usage error or unusable lexicons; 3 some "
        "input\n"
        "files failed (the others were processed; a failed file's version\n"
        "indexed before stays); 4 index error (locked,\n"
        "corrupt or another format version); 128+N interrupted by signal N.\n"
        "Without inputs (and without --check, --merge, --merge-index, --prune "
        "or\n"
        "--recover)\n"
        "this help is printed and the exit status is 2. A file is one "
        "document\n"
        "whatever path reaches it (see the manual for moved files and ids "
        "shared\n"
        "by two files); a TEI teiCorpus is one document per TEI, xi:include "
        "of\n"
        "files in the root's folder is followed, and XML files that are not "
        "TEI\n"
        "(listPerson, taxonomy) are skipped with a warning.\n";

static int quiet;

static void on_warn(void *ctx, const char *msg)
{
	(void)ctx;
	if (!quiet)
		fprintf(stderr, "tagdex-ingest: warning: %s\n", msg);
}

/* --memory: a number of bytes, or of K, M or G (1024-based); at least
 * TD_WRITER_MEMORY_MIN. */
static int parse_size(const char *s, size_t *out)
{
	char *end;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	unsigned shift = 0;
	switch (*end) {
	case 'k':
	case 'K':
		shift = 10;
		end++;
		break;
	case 'm':
	case 'M':
		shift = 20;
		end++;
		break;
	case 'g':
	case 'G':
		shift = 30;
		end++;
		break;
	}
	if (errno || *end || v > (SIZE_MAX >> shift) ||
	        (v << shift) < TD_WRITER_MEMORY_MIN)
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

static int usage_error(const char *msg)
{
	if (msg)
		fprintf(stderr, "tagdex-ingest: %s\n", msg);
	fputs("Try 'tagdex-ingest --help' for more information.\n", stderr);
	return TD_EXIT_USAGE;
}

static int mkdirs(const char *dir)
{
	char *p = strdup(dir);
	if (!p)
		return td_error(TD_ENOMEM, "out of memory");
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			int rc = td_error(TD_EIO, "%s: %s", p, strerror(errno));
			free(p);
			return rc;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return 0;
}

/* One input to TEI: 0, or a negative code with the message recorded. A
 * teiCorpus of several documents gives DIR/ID.xml for each. */
static int ingest_one(const td_pipeline *p, const char *in, const char *dir,
        char **done, size_t ndone)
{
	char *data = NULL, *op = NULL;
	size_t len, n = 0;
	td_doc **docs = NULL;
	int rc;
	if (strcmp(dir, "-") != 0) {
		if (!(op = tei_out_path(dir, in)))
			return td_error(TD_ENOMEM, "out of memory");
		for (size_t i = 0; i < ndone; i++)
			if (done[i] && strcmp(done[i], op) == 0) {
				rc = td_error(TD_EINPUT,
				        "%s: output %s was already written "
				        "from another input; skipped",
				        in, op);
				free(op);
				return rc;
			}
	}
	const char *rd = td_profile_enter("read");
	rc = td_read_file(in, &data, &len);
	td_profile_leave(rd);
	if (!rc && !(rc = td_pipeline_docs(p, in, data, len, &docs, &n))) {
		if (n > 1 && !op)
			rc = td_error(TD_EUSAGE,
			        "%s: %zu documents (a teiCorpus); "
			        "-o - writes one: give -o DIR",
			        in, n);
		const char *st = td_profile_enter("tei");
		if (!rc && op)
			rc = tei_out_docs(docs, n, dir, op);
		else if (!rc && n == 1 &&
		         !(rc = td_tei_write(docs[0], stdout)) &&
		         fflush(stdout) != 0)
			rc = td_error(
			        TD_EIO, "standard output: %s", strerror(errno));
		td_profile_leave(st);
	}
	for (size_t i = 0; i < n; i++)
		td_doc_free(docs[i]);
	free(docs);
	free(data);
	if (rc || !op || n != 1) {
		free(op);
		op = NULL;
	}
	done[ndone] = op;
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Takes out of in[] the files that a corpus root among them includes
 * (xi:include): they are written through the root, not a second time on
 * their own (as the index mode reads them). */
static int drop_included(char **in, size_t *n)
{
	char **inc = NULL;
	size_t ninc = 0, cap_inc = 0;
	int rc = 0;
	for (size_t i = 0; i < *n && !rc; i++) {
		size_t l = strlen(in[i]), len, k;
		char *data, **v;
		if (l < 4 || strcasecmp(in[i] + l - 4, ".xml") ||
		        td_read_file(in[i], &data, &len))
			continue;
		if (memmem(data, len, "http://www.w3.org/2001/XInclude", 31) &&
		        td_tei_included(in[i], data, len, &v, &k) == 0) {
			if (!TD_VEC_RESERVE_N(inc, ninc + k + 1, cap_inc, 16)) {
				memcpy(inc + ninc, v, k * sizeof *v);
				ninc += k;
			} else {
				td_free_inputs(v, k);
				v = NULL;
				rc = td_error(TD_ENOMEM, "out of memory");
			}
			free(v);
		}
		free(data);
	}
	if (ninc && !rc) {
		qsort(inc, ninc, sizeof *inc, cmp_str);
		size_t kept = 0;
		for (size_t i = 0; i < *n; i++) {
			char *c = realpath(in[i], NULL);
			if (c && bsearch(&c, inc, ninc, sizeof *inc, cmp_str))
				free(in[i]);
			else
				in[kept++] = in[i];
			free(c);
		}
		*n = kept;
	}
	td_free_inputs(inc, ninc);
	return rc;
}

/* --merge-index and --merge-list: the shards to combine, in order
 * (static: reachable until exit) */
static char **shards, **shard_where; /* where: "FILE:LINE" or NULL */
static size_t nshards, cap_shards, cap_shard_where;

static int add_shard(const char *dir, size_t len, const char *where)
{
	if (TD_VEC_RESERVE(shards, nshards, cap_shards, 8) ||
	        TD_VEC_RESERVE(shard_where, nshards, cap_shard_where, 8)) {
		fputs("tagdex-ingest: out of memory\n", stderr);
		return -1;
	}
	shard_where[nshards] = where ? strdup(where) : NULL;
	if (!(shards[nshards] = strndup(dir, len)) ||
	        (where && !shard_where[nshards])) {
		free(shards[nshards]);
		fputs("tagdex-ingest: out of memory\n", stderr);
		return -1;
	}
	nshards++;
	return 0;
}

static int add_shard_entry(void *arg, const char *dir, size_t len, size_t line)
{
	char where[4200];
	snprintf(where, sizeof where, "%s:%zu", (const char *)arg, line);
	return add_shard(dir, len, where) ? 1 : 0; /* 1: add_shard said why */
}

/* One index directory a line; blank lines and '#' lines skipped
 * (td_read_list, as tagdex-query -X reads its list). */
static int add_shard_list(const char *path)
{
	size_t found;
	int rc = td_read_list(path, add_shard_entry, (void *)path, &found);
	if (rc < 0) {
		fprintf(stderr, "tagdex-ingest: --merge-list %s\n",
		        td_error_last());
		return -1;
	}
	if (!rc && !found) {
		fprintf(stderr,
		        "tagdex-ingest: --merge-list %s: names no index "
		        "directory\n",
		        path);
		rc = -1;
	}
	return rc ? -1 : 0;
}

/* --profile: one row a stage (the order in which the run first entered
 * them), then the process's CPU time in no stage (start-up, the loops
 * between stages, exit) and the process's (getrusage: every thread, user
 * and system). Seconds to the microsecond; fraction of the process. */
static int write_profile(const char *path, const td_profile *pr)
{
	struct rusage ru;
	double total = 0, staged = 0;
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		total = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		        (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	int to_err = strcmp(path, "-") == 0;
	FILE *f = to_err ? stderr : fopen(path, "w");
	if (!f) {
		fprintf(stderr, "tagdex-ingest: --profile %s: %s\n", path,
		        strerror(errno));
		return -1;
	}
	fputs("stage\tcpu_seconds\tcalls\tfraction\n", f);
	for (size_t i = 0; i < pr->n; i++) {
		double s = pr->ns[i] / 1e9;
		staged += s;
		fprintf(f, "%s\t%.6f\t%llu\t%.4f\n", pr->name[i], s,
		        (unsigned long long)pr->calls[i],
		        total > 0 ? s / total : 0);
	}
	staged += pr->lost / 1e9;
	fprintf(f, "unstaged\t%.6f\t-\t%.4f\n", total - staged,
	        total > 0 ? (total - staged) / total : 0);
	fprintf(f, "process\t%.6f\t-\t1\n", total);
	if ((to_err ? fflush(f) : fclose(f)) != 0) {
		fprintf(stderr, "tagdex-ingest: --profile %s: %s\n", path,
		        strerror(errno));
		return -1;
	}
	return 0;
}

static int exit_for_index(int rc)
{
	if (rc == 0)
		return 0;
	if (rc == 1) /* some inputs failed, each reported */
		return TD_EXIT_INPUT;
	if (rc == 2) /* --recover could not keep every segment; reported */
		return TD_EXIT_INDEX;
	if (rc >= 128) /* interrupted by signal rc - 128; already said */
		return rc;
	fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
	return rc == TD_EUSAGE ? TD_EXIT_USAGE : TD_EXIT_INDEX;
}

int main(int argc, char **argv)
{
	enum {
		O_PRUNE = 256,
		O_REBUILD,
		O_CHECK,
		O_MERGE,
		O_RECOVER,
		O_LEXICONS,
		O_LENIENT,
		O_META,
		O_HELP,
		O_VERSION,
		O_WORDS,
		O_MEMORY,
		O_MERGE_INDEX,
		O_MERGE_LIST,
		O_NO_LAYERS,
		O_PROFILE
	};
	static const struct option longopts[] = {
	        {"prune", no_argument, NULL, O_PRUNE},
	        {"rebuild", no_argument, NULL, O_REBUILD},
	        {"no-layers", no_argument, NULL, O_NO_LAYERS},
	        {"check", no_argument, NULL, O_CHECK},
	        {"merge", no_argument, NULL, O_MERGE},
	        {"memory", required_argument, NULL, O_MEMORY},
	        {"merge-index", required_argument, NULL, O_MERGE_INDEX},
	        {"merge-list", required_argument, NULL, O_MERGE_LIST},
	        {"recover", no_argument, NULL, O_RECOVER},
	        {"lexicons", required_argument, NULL, O_LEXICONS},
	        {"lenient", no_argument, NULL, O_LENIENT},
	        {"meta", required_argument, NULL, O_META},
	        {"words", no_argument, NULL, O_WORDS},
	        {"profile", required_argument, NULL, O_PROFILE},
	        {"help", no_argument, NULL, O_HELP},
	        {"version", no_argument, NULL, O_VERSION},
	        {NULL, 0, NULL, 0},
	};
	td_ingest_opts o = {0};
	int c, x_given = 0, words = 0;
	const char *profile_path = NULL;
	static td_profile profile;
	o.jobs = 1;
	while ((c = getopt_long(argc, argv, "o:x:j:q", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o.out_dir = optarg;
			break;
		case 'x':
			o.index_dir = optarg;
			x_given = 1;
			break;
		case 'j': {
			char *end;
			long j = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end || j < 1 || j > 1024)
				return usage_error(
				        "-j takes a number from 1 to 1024");
			o.jobs = (int)j;
			break;
		}
		case 'q':
			o.quiet = 1;
			break;
		case O_PRUNE:
			o.prune = 1;
			break;
		case O_REBUILD:
			o.rebuild = 1;
			break;
		case O_NO_LAYERS:
			o.no_layers = 1;
			break;
		case O_CHECK:
			o.check = 1;
			break;
		case O_MERGE:
			o.merge = 1;
			break;
		case O_MEMORY:
			if (parse_size(optarg, &o.memory))
				return usage_error(
				        "--memory takes a size of at least "
				        "64K: bytes, or a number with K, M or "
				        "G "
				        "(256M)");
			break;
		case O_MERGE_INDEX:
			if (add_shard(optarg, strlen(optarg), NULL))
				return TD_EXIT_SYSTEM;
			break;
		case O_MERGE_LIST:
			if (add_shard_list(optarg))
				return usage_error(NULL);
			break;
		case O_RECOVER:
			o.recover = 1;
			break;
		case O_LEXICONS:
			o.lexdir = optarg;
			break;
		case O_LENIENT:
			o.lenient = 1;
			break;
		case O_META: {
			static const char *const names[] = {
			        "date", "title", "author"};
			const char *eq = strchr(optarg, '=');
			int k = -1;
			for (int i = 0; eq && i < 3; i++)
				if ((size_t)(eq - optarg) == strlen(names[i]) &&
				        !strncmp(optarg, names[i],
				                strlen(names[i])))
					k = i;
			if (k < 0)
				return usage_error(
				        "--meta takes date=XPATH, title=XPATH "
				        "or author=XPATH");
			if (td_tei_xpath_check(eq + 1)) {
				fprintf(stderr, "tagdex-ingest: --meta: %s\n",
				        td_error_last());
				return usage_error(NULL);
			}
			o.meta_xpath[k] = eq + 1;
			break;
		}
		case O_WORDS:
			words = 1;
			break;
		case O_PROFILE:
			profile_path = optarg;
			break;
		case O_HELP:
			fputs(usage_text, stdout);
			return 0;
		case O_VERSION:
			printf("tagdex-ingest (tagdex) %s\n", td_version());
			return 0;
		default:
			return usage_error(NULL);
		}
	}
	quiet = o.quiet;
	td_set_warn(on_warn, NULL);
	char **args = argv + optind;
	size_t nargs = (size_t)(argc - optind);
	int index_mode = x_given || !o.out_dir;
	if (!o.index_dir && index_mode)
		o.index_dir = TD_DEFAULT_INDEX;
	if (o.out_dir && !*o.out_dir)
		return usage_error("-o needs a directory or '-'");
	/* without inputs only the index-wide actions make sense; a bare
	 * command must not create ./.tagdex, --rebuild must not empty it */
	if (nargs == 0 && o.rebuild)
		return usage_error("--rebuild needs the input files to rebuild "
		                   "the index from; nothing was changed");
	o.merge_from = shards;
	o.merge_where = shard_where;
	o.nmerge_from = nshards;
	if (nshards && (nargs || o.out_dir || o.check || o.prune || o.recover ||
	                       o.rebuild))
		return usage_error(
		        "--merge-index and --merge-list combine "
		        "indexes into -x and take no input files, -o, --check, "
		        "--prune, --recover or --rebuild: run those apart");
	if (nargs == 0 && (o.out_dir || !(o.check || o.merge || o.prune ||
	                                        o.recover || nshards))) {
		fputs(usage_text, stderr);
		return TD_EXIT_USAGE;
	}
	if (o.out_dir && strcmp(o.out_dir, "-") != 0) {
		struct stat st;
		if (stat(o.out_dir, &st) == 0 ? !S_ISDIR(st.st_mode)
		                              : errno == ENOTDIR) {
			fprintf(stderr,
			        "tagdex-ingest: -o %s: not a directory\n",
			        o.out_dir);
			return usage_error(NULL);
		}
	}
	if (words && (!o.out_dir || x_given))
		return usage_error("--words is for TEI output: use it with -o, "
		                   "without -x");
	/* the environment is the program's to read, never the library's */
	const char *env = getenv("TAGDEX_LEXICONS");
	if (!o.lexdir)
		o.lexdir = env && *env ? env : td_lexicon_dir();
	const char *model = getenv("TAGDEX_POS_MODEL");
	td_iso_codes_dir_set(getenv("TAGDEX_ISO_CODES"));
	/* the claim features' dump: a file that cannot be made is an error
	 * before anything is annotated */
	if (td_claim_dump_open(getenv("TAGDEX_CLAIM_DUMP")) ||
	        td_who_dump_open(getenv("TAGDEX_WHO_DUMP"))) {
		fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
		return TD_EXIT_SYSTEM;
	}
	td_annotator_pos_model_set(model);
	if (getenv("TAGDEX_CRC_SOFT"))
		td_index_crc_soft();

	/* --profile: this thread's stages from here on (the workers of the
	 * index mode add theirs, td_ingest_opts.profile) */
	if (profile_path) {
		o.profile = &profile;
		td_profile_attach(&profile);
	}
	const char *st = td_profile_enter("load");
	td_pipeline *p = NULL;
	int status = 0;
	/* no inputs and no -o (--check, --recover, --merge, --prune, the
	 * shard actions): nothing is annotated or tagged, so neither the
	 * lexicons nor the tagger's model are loaded */
	if (!((o.check || o.recover || nshards || nargs == 0) && !o.out_dir) &&
	        td_pipeline_new(o.lexdir, o.lenient, &p)) {
		fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
		return TD_EXIT_USAGE;
	}
	for (int i = 0; p && i < 3; i++)
		p->meta_xpath[i] = o.meta_xpath[i];
	/* the annotator's tagger's model serves --words and the layers too */
	if (words &&
	        td_words_share(td_annotator_tagger(p->annotator), &p->words)) {
		fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
		td_pipeline_free(p);
		return TD_EXIT_USAGE;
	}
	td_profile_leave(st);
	/* -o DIR with an index: the index mode's -j workers write each TEI
	 * file as they annotate its input for the index, so every input is
	 * annotated once, in parallel (td_ingest_opts.tei_dir) */
	if (o.out_dir && index_mode && strcmp(o.out_dir, "-") != 0) {
		if (mkdirs(o.out_dir)) {
			fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
			td_pipeline_free(p);
			return TD_EXIT_SYSTEM;
		}
		o.tei_dir = o.out_dir;
	} else if (o.out_dir) {
		int to_stdout = strcmp(o.out_dir, "-") == 0;
		char **in = NULL;
		size_t n = 0, cap_in = 0, failed = 0;
		/* Each argument is expanded alone so that a missing one fails
		 * only itself. */
		for (size_t i = 0; i < nargs; i++) {
			char **v;
			size_t k;
			if (td_collect_inputs(&args[i], 1, &v, &k)) {
				fprintf(stderr, "tagdex-ingest: %s\n",
				        td_error_last());
				failed++;
				continue;
			}
			if (TD_VEC_RESERVE_N(in, n + k + 1, cap_in, 16)) {
				td_free_inputs(v, k);
				fputs("tagdex-ingest: out of memory\n", stderr);
				td_free_inputs(in, n);
				td_pipeline_free(p);
				return TD_EXIT_SYSTEM;
			}
			memcpy(in + n, v, k * sizeof *v);
			n += k;
			free(v);
		}
		if (drop_included(in, &n)) {
			fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
			td_free_inputs(in, n);
			td_pipeline_free(p);
			return TD_EXIT_INPUT;
		}
		if (to_stdout && n + failed != 1) {
			td_free_inputs(in, n);
			td_pipeline_free(p);
			return usage_error("-o - takes exactly one input file");
		}
		if (!to_stdout && mkdirs(o.out_dir)) {
			fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
			td_free_inputs(in, n);
			td_pipeline_free(p);
			return TD_EXIT_SYSTEM;
		}
		char **done = calloc(n + 1, sizeof *done);
		if (!done) {
			fputs("tagdex-ingest: out of memory\n", stderr);
			td_free_inputs(in, n);
			td_pipeline_free(p);
			return TD_EXIT_SYSTEM;
		}
		for (size_t i = 0; i < n; i++)
			if (ingest_one(p, in[i], o.out_dir, done, i)) {
				fprintf(stderr, "tagdex-ingest: %s\n",
				        td_error_last());
				failed++;
			}
		td_free_inputs(done, n);
		td_free_inputs(in, n);
		if (failed)
			status = TD_EXIT_INPUT;
	}
	/* the index's pos and lemma layers: every document is tagged, unless
	 * --no-layers (the index then stores none) */
	st = td_profile_enter("load");
	if (index_mode && p && !p->layers && !o.no_layers &&
	        (p->annotator ? td_words_share(
	                                td_annotator_tagger(p->annotator),
	                                &p->layers)
	                      : td_words_new(model && *model ? model : NULL,
	                                &p->layers))) {
		fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
		td_pipeline_free(p);
		return TD_EXIT_USAGE;
	}
	td_profile_leave(st);
	if (index_mode) {
		int s = exit_for_index(td_ingest_index(&o, p, args, nargs));
		if (s > status)
			status = s;
	}
	st = td_profile_enter("free");
	td_pipeline_free(p);
	td_profile_leave(st);
	if (td_claim_dump_close()) {
		fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
		if (!status)
			status = TD_EXIT_SYSTEM;
	}
	if (td_who_dump_close()) {
		fprintf(stderr, "tagdex-ingest: %s\n", td_error_last());
		if (!status)
			status = TD_EXIT_SYSTEM;
	}
	if (profile_path) {
		td_profile_attach(NULL);
		if (write_profile(profile_path, &profile) && !status)
			status = TD_EXIT_SYSTEM;
	}
	return status;
}
