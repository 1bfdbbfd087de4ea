/* timeit.c: times whole commands for bench/run, without a shell in between.
 *
 * Takes one or more commands separated by "::" and runs each a few times
 * untimed (the first of them with its output kept, for the answer), then
 * round-robin up to RUNS times each, timed, output to /dev/null: interleaving
 * keeps a noisy machine from favouring whichever command ran in a quiet
 * moment. Each run is posix_spawn + wait4, so no shell start-up is timed.
 * Prints one line per command: exit status, largest peak RSS in KiB (children
 * waited for included) and each timed run's wall time in µs, comma-separated.
 * Not part of tagdex.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static void usage(void)
{
	fprintf(stderr,
	        "usage: timeit [-n RUNS] [-w WARMUPS] [-b BUDGET_S] [-m "
	        "MIN_RUNS] [-o OUT]\n"
	        "              -- COMMAND [ARG...] [:: COMMAND [ARG...]]...\n"
	        "  -o OUT  keep the first run's stdout and stderr in OUT and "
	        "OUT.err\n"
	        "          (OUT.K and OUT.K.err for the K-th of several "
	        "commands); with\n"
	        "          -w 0 the first timed run is the one kept\n"
	        "  -b S    stop after S seconds per command once every command "
	        "has\n"
	        "          MIN_RUNS (default 5) runs\n");
	exit(2);
}

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

/* Runs argv once with stdout to out and stderr to err (NULL: /dev/null).
 * Returns the exit status (128 + signal if killed) or -1 if it could not be
 * started; *rss_kb gets the peak RSS. */
static int run(char **argv, const char *out, const char *err, long *rss_kb)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out ? out : "/dev/null",
	        O_WRONLY | O_CREAT | O_TRUNC, 0644);
	posix_spawn_file_actions_addopen(&fa, 2, err ? err : "/dev/null",
	        O_WRONLY | O_CREAT | O_TRUNC, 0644);
	pid_t pid;
	int e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (e != 0) {
		fprintf(stderr, "timeit: %s: %s\n", argv[0], strerror(e));
		return -1;
	}
	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR)
			return -1;
	}
	*rss_kb = ru.ru_maxrss;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + WTERMSIG(st);
}

struct cmd {
	char **argv;
	char out[4096], err[4096];
	int status;
	long maxrss;
	double *t;
	long n;
};

int main(int argc, char **argv)
{
	long runs = 20, warm = 2, min_runs = 5;
	double budget_s = 1e9;
	const char *answer = NULL;
	int c;
	while ((c = getopt(argc, argv, "+n:w:b:m:o:")) != -1) {
		switch (c) {
		case 'n':
			runs = atol(optarg);
			break;
		case 'w':
			warm = atol(optarg);
			break;
		case 'b':
			budget_s = atof(optarg);
			break;
		case 'm':
			min_runs = atol(optarg);
			break;
		case 'o':
			answer = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc || runs < 1 || warm < 0)
		usage();
	signal(SIGPIPE, SIG_DFL);

	/* Split the rest at "::" in place. */
	int ncmd = 0;
	struct cmd *cmds = calloc(argc, sizeof *cmds);
	if (!cmds)
		return 1;
	for (int i = optind; i < argc; i++) {
		if (strcmp(argv[i], "::") == 0) {
			argv[i] = NULL;
			continue;
		}
		if (i == optind || argv[i - 1] == NULL)
			cmds[ncmd++].argv = argv + i;
	}
	if (ncmd == 0)
		usage();
	for (int k = 0; k < ncmd; k++) {
		struct cmd *m = &cmds[k];
		if (!(m->t = calloc(runs, sizeof *m->t)))
			return 1;
		if (answer && ncmd == 1)
			snprintf(m->out, sizeof m->out, "%s", answer);
		else if (answer)
			snprintf(m->out, sizeof m->out, "%s.%d", answer, k);
		if (answer)
			snprintf(m->err, sizeof m->err, "%s.err", m->out);
	}

	long rss;
	for (int k = 0; k < ncmd; k++) {
		struct cmd *m = &cmds[k];
		for (long i = 0; i < warm; i++) {
			int keep = i == 0 && answer;
			m->status = run(m->argv, keep ? m->out : NULL,
			        keep ? m->err : NULL, &rss);
			if (m->status < 0)
				return 1;
			m->maxrss = rss > m->maxrss ? rss : m->maxrss;
		}
	}
	double start = now_us();
	for (long r = 0; r < runs; r++) {
		for (int k = 0; k < ncmd; k++) {
			struct cmd *m = &cmds[k];
			int keep = warm == 0 && r == 0 && answer;
			double a = now_us();
			m->status = run(m->argv, keep ? m->out : NULL,
			        keep ? m->err : NULL, &rss);
			double b = now_us();
			if (m->status < 0)
				return 1;
			m->t[m->n++] = b - a;
			m->maxrss = rss > m->maxrss ? rss : m->maxrss;
		}
		if (r + 1 >= min_runs &&
		        now_us() - start > budget_s * 1e6 * ncmd)
			break;
	}
	for (int k = 0; k < ncmd; k++) {
		struct cmd *m = &cmds[k];
		printf("%d\t%ld\t", m->status, m->maxrss);
		for (long i = 0; i < m->n; i++)
			printf("%s%.0f", i ? "," : "", m->t[i]);
		printf("\n");
		free(m->t);
	}
	free(cmds);
	return 0;
}
